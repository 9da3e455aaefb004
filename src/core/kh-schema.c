/* kh-schema.c — the database schema and its migrations
 *
 * Each migration brings the schema from version N-1 to N inside one
 * transaction that also sets PRAGMA user_version, so a failed upgrade
 * leaves the previous version intact. Never edit a released migration:
 * add the next one. docs/database.md describes the tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-store-private.h"

/* Dates are ISO 8601 text (YYYY-MM-DD); text is NFC; positions order
 * lists the clerk can reorder; archived rows keep their history. */
static const char migration_1[] =
  "CREATE TABLE agency ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  parent_name TEXT NOT NULL DEFAULT '',"       /* UBND THỊ XÃ ĐỨC PHỔ, may be empty */
  "  name TEXT NOT NULL DEFAULT '',"              /* ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH */
  "  short_name TEXT NOT NULL DEFAULT '',"        /* UBND phường Phổ Minh */
  "  locality TEXT NOT NULL DEFAULT '',"          /* phường Phổ Minh */
  "  collective_name TEXT NOT NULL DEFAULT '',"   /* ỦY BAN NHÂN DÂN, for “TM.” */
  "  abbreviation TEXT NOT NULL DEFAULT '',"      /* UBND, in document numbers */
  "  place TEXT NOT NULL DEFAULT '',"             /* Phổ Minh, before the date */
  "  period_cutoff_day INTEGER NOT NULL DEFAULT 0"
  "    CHECK (period_cutoff_day BETWEEN 0 AND 28)" /* 0: calendar months */
  ");"
  "INSERT INTO agency (id) VALUES (1);"

  "CREATE TABLE signer ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  title TEXT NOT NULL CHECK (title <> ''),"    /* Chủ tịch, Phó Chủ tịch */
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
  ");"

  "CREATE TABLE default_recipient ("
  "  id INTEGER PRIMARY KEY,"
  "  text TEXT NOT NULL CHECK (text <> ''),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE department ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  kind TEXT NOT NULL DEFAULT '',"              /* office, culture, justice, radio, finance, front… */
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
  ");"
  "CREATE UNIQUE INDEX department_name ON department (name);"

  "CREATE TABLE indicator ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"      /* tin, bài */
  "  unit TEXT NOT NULL DEFAULT '',"              /* tin bài */
  "  form TEXT NOT NULL DEFAULT '',"              /* the propaganda form it counts, for reports */
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
  ");"
  "CREATE UNIQUE INDEX indicator_name ON indicator (name);"

  "CREATE TABLE template ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  doc_type TEXT NOT NULL DEFAULT 'KH',"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
  "  body TEXT NOT NULL DEFAULT '{}',"            /* JSON: parts, bases, default tasks */
  "  created_at TEXT NOT NULL DEFAULT (datetime('now'))"
  ");"

  "CREATE TABLE plan ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 9999),"
  "  kind TEXT NOT NULL DEFAULT 'cchc',"          /* what the plan is about */
  "  revision TEXT NOT NULL DEFAULT '',"          /* '' for the first; a name for later ones */
  "  title TEXT NOT NULL,"                        /* trích yếu */
  "  intro TEXT NOT NULL DEFAULT '',"             /* the sentence after the legal bases */
  "  closing TEXT NOT NULL DEFAULT '',"           /* “Trên đây là kế hoạch…” */
  "  signer_id INTEGER REFERENCES signer (id) ON DELETE SET NULL,"
  "  authority TEXT NOT NULL DEFAULT ''"
  "    CHECK (authority IN ('', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.')),"
  "  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'signing', 'issued')),"
  "  number INTEGER CHECK (number > 0),"
  "  issued_on TEXT,"
  "  part_four TEXT,"                             /* JSON: part IV as issued (kh-part-four.c) */
  "  source_plan_id INTEGER REFERENCES plan (id) ON DELETE SET NULL,"
  "  template_id INTEGER REFERENCES template (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL DEFAULT (datetime('now')),"
  "  updated_at TEXT NOT NULL DEFAULT (datetime('now')),"
  "  UNIQUE (year, kind, revision)"
  ");"

  "CREATE TABLE plan_basis ("                     /* căn cứ */
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE INDEX plan_basis_plan ON plan_basis (plan_id, position);"

  "CREATE TABLE plan_recipient ("                 /* nơi nhận */
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE INDEX plan_recipient_plan ON plan_recipient (plan_id, position);"

  /* A tree: parts (I, II…), items (1, 2…), points (a, b…). Each node has
   * an optional heading and a body whose lines are paragraphs, or bullet
   * items when they start with “- ”. generated = 'tasks' marks the part
   * whose items are made from the tasks (IV. TỔ CHỨC THỰC HIỆN). */
  "CREATE TABLE plan_section ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES plan_section (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  heading TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  generated TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX plan_section_plan ON plan_section (plan_id, parent_id, position);"

  "CREATE TABLE task ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  lead_department_id INTEGER REFERENCES department (id) ON DELETE RESTRICT,"
  "  rhythm TEXT NOT NULL DEFAULT 'regular'"
  "    CHECK (rhythm IN ('regular', 'monthly', 'quarterly', 'by_date')),"
  "  deadline TEXT,"
  "  indicator_id INTEGER REFERENCES indicator (id) ON DELETE SET NULL,"
  "  target REAL CHECK (target IS NULL OR target >= 0),"
  "  status TEXT NOT NULL DEFAULT 'not_started'"
  "    CHECK (status IN ('not_started', 'in_progress', 'done')),"
  "  done_on TEXT,"
  "  manual_progress INTEGER CHECK (manual_progress IS NULL OR manual_progress BETWEEN 0 AND 100)"
  ");"
  "CREATE INDEX task_plan ON task (plan_id, position);"
  "CREATE INDEX task_lead ON task (lead_department_id);"

  "CREATE TABLE task_support ("                   /* phối hợp */
  "  task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,"
  "  department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE RESTRICT,"
  "  PRIMARY KEY (task_id, department_id)"
  ") WITHOUT ROWID;"

  "CREATE TABLE result ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE RESTRICT,"
  "  task_id INTEGER REFERENCES task (id) ON DELETE SET NULL,"  /* NULL: outside the tasks */
  "  done_on TEXT NOT NULL,"
  "  indicator_id INTEGER REFERENCES indicator (id) ON DELETE RESTRICT,"
  "  quantity REAL CHECK (quantity IS NULL OR quantity >= 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  evidence TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT (datetime('now'))"
  ");"
  /* The dashboard's aggregates read only these indexes, never the rows
   * (kh-dashboard.c): the trailing columns make them covering. */
  "CREATE INDEX result_plan_date ON result (plan_id, done_on, department_id, indicator_id, quantity);"
  "CREATE INDEX result_plan_department ON result (plan_id, department_id, done_on);"
  "CREATE INDEX result_plan_indicator ON result (plan_id, indicator_id, done_on);"
  "CREATE INDEX result_task ON result (task_id, done_on, indicator_id, quantity);"

  "CREATE TABLE report ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period IN ('q1', 'q2', 'q3', 'q4', 'h1', '9m', 'year', 'range')),"
  "  start_on TEXT NOT NULL,"
  "  end_on TEXT NOT NULL CHECK (end_on >= start_on),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  opening TEXT NOT NULL DEFAULT '',"
  "  results_generated TEXT NOT NULL DEFAULT '',"  /* last text made from the results */
  "  results_text TEXT NOT NULL DEFAULT '',"       /* what the clerk kept or wrote */
  "  favourable TEXT NOT NULL DEFAULT '',"         /* thuận lợi */
  "  difficulties TEXT NOT NULL DEFAULT '',"       /* khó khăn, hạn chế và nguyên nhân */
  "  proposals TEXT NOT NULL DEFAULT '',"          /* đề xuất, kiến nghị */
  "  direction TEXT NOT NULL DEFAULT '',"          /* phương hướng, nhiệm vụ kỳ tới */
  "  closing TEXT NOT NULL DEFAULT '',"
  "  with_table INTEGER NOT NULL DEFAULT 0 CHECK (with_table IN (0, 1)),"
  "  addressees TEXT NOT NULL DEFAULT '',"         /* kính gửi, optional */
  "  signer_id INTEGER REFERENCES signer (id) ON DELETE SET NULL,"
  "  authority TEXT NOT NULL DEFAULT ''"
  "    CHECK (authority IN ('', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.')),"
  "  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'signing', 'issued')),"
  "  number INTEGER CHECK (number > 0),"
  "  issued_on TEXT,"
  "  created_at TEXT NOT NULL DEFAULT (datetime('now')),"
  "  updated_at TEXT NOT NULL DEFAULT (datetime('now'))"
  ");"
  "CREATE INDEX report_plan ON report (plan_id, start_on);"

  "CREATE TABLE report_recipient ("
  "  id INTEGER PRIMARY KEY,"
  "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE INDEX report_recipient_report ON report_recipient (report_id, position);"

  /* The register of issued numbers. Numbers run per year and per type of
   * document (KH, BC…), as Nghị định 30 lets the agency decide. */
  "CREATE TABLE document_number ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL,"
  "  doc_type TEXT NOT NULL,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  issued_on TEXT NOT NULL,"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  plan_id INTEGER REFERENCES plan (id) ON DELETE SET NULL,"
  "  report_id INTEGER REFERENCES report (id) ON DELETE SET NULL,"
  "  UNIQUE (year, doc_type, number)"
  ");"

  "CREATE TABLE commemoration ("                  /* ngày lễ, kỷ niệm */
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),"
  "  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
  "  founding_year INTEGER,"
  "  local INTEGER NOT NULL DEFAULT 0 CHECK (local IN (0, 1)),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
  ");"

  /* Exchange (kh-exchange-*.c, docs/exchange-format.md): a stable identity
   * across databases. Every insert that gives no uid gets a random UUID
   * (version 4, the form of g_uuid_string_random()) from the triggers, so
   * no module has to remember it; the importer inserts the file's uid. */
  "ALTER TABLE plan ADD COLUMN uid TEXT;"
  "ALTER TABLE task ADD COLUMN uid TEXT;"
  "ALTER TABLE result ADD COLUMN uid TEXT;"
  "ALTER TABLE report ADD COLUMN uid TEXT;"
  "CREATE UNIQUE INDEX plan_uid ON plan (uid);"
  "CREATE UNIQUE INDEX task_uid ON task (uid);"
  "CREATE UNIQUE INDEX result_uid ON result (uid);"
  "CREATE UNIQUE INDEX report_uid ON report (uid);"
#define KH_UID_SQL \
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)" \
  " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)" \
  " || '-' || hex(randomblob(6)))"
#define KH_UID_TRIGGER(table) \
  "CREATE TRIGGER " table "_uid AFTER INSERT ON " table " WHEN NEW.uid IS NULL BEGIN" \
  " UPDATE " table " SET uid = " KH_UID_SQL " WHERE id = NEW.id; END;"
  KH_UID_TRIGGER ("plan")
  KH_UID_TRIGGER ("task")
  KH_UID_TRIGGER ("result")
  KH_UID_TRIGGER ("report")
#undef KH_UID_TRIGGER
#undef KH_UID_SQL
  ;

static const char * const migrations[] = {
  NULL,          /* version 0: the empty file */
  migration_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KH_SCHEMA_VERSION + 1);

static gboolean
run_migration (sqlite3     *db,
               int          version,
               GError     **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  char *message = NULL;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, &message) != SQLITE_OK ||
      sqlite3_exec (db, migrations[version], NULL, NULL, &message) != SQLITE_OK ||
      sqlite3_exec (db, set_version, NULL, NULL, &message) != SQLITE_OK ||
      sqlite3_exec (db, "COMMIT", NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_MIGRATION,
                   _("The database could not be upgraded to data version %d (%s). Nothing was changed."),
                   version, message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
kh_schema_migrate (sqlite3     *db,
                   int          from_version,
                   GError     **error)
{
  for (int version = from_version + 1; version <= KH_SCHEMA_VERSION; version++)
    {
      if (!run_migration (db, version, error))
        return FALSE;
      g_debug ("Database upgraded to data version %d", version);
    }

  return TRUE;
}
