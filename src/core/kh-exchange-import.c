/* kh-exchange-import.c — reading an exchange file into the database
 *
 * The file is parsed within bounds and checked first
 * (kh-exchange-check.c), so that a bad file changes nothing; then it is
 * applied in one transaction. Rows are matched by uid (plans, tasks,
 * results, reports) or by name, case-insensitively (signers,
 * departments, indicators). Nothing is ever deleted. The rules are
 * those of docs/exchange-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-exchange-import.h"
#include "kh-exchange-private.h"
#include "kh-indicator.h"
#include "kh-legacy.h"
#include "kh-plan.h"
#include "kh-text.h"

static void
add_note (KhImportReport *report,
          const char     *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (KhImportReport *report,
          const char     *format,
          ...)
{
  va_list args;

  if (report->notes == NULL)
    report->notes = g_ptr_array_new_with_free_func (g_free);
  va_start (args, format);
  g_ptr_array_add (report->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Applying, inside the caller's transaction */

typedef enum
{
  NAME_SIGNER,
  NAME_DEPARTMENT,
  NAME_INDICATOR,
  N_NAMES
} NameKind;

/* Thousands of rows name the same few departments and indicators and
 * refer to the plan's tasks: each is looked up once, not once a row. */
typedef struct
{
  KhStore        *store;
  KhImportReport *report;
  GHashTable     *folded[N_NAMES];   /* folded name → id, once the lists are applied */
  GHashTable     *raw[N_NAMES];      /* the file's text → id (borrowed from the tree) */
  GHashTable     *task_uids;         /* uid → id: this plan's tasks, here or just applied */
  GHashTable     *result_uids;       /* uid → id: this plan's results here */
  KhStmt         *insert_result;     /* prepared once: finding a long statement */
  KhStmt         *update_result;     /* in the store's cache hashes all its text */
} Apply;

static void
apply_clear (Apply *apply)
{
  for (guint i = 0; i < N_NAMES; i++)
    {
      g_clear_pointer (&apply->folded[i], g_hash_table_unref);
      g_clear_pointer (&apply->raw[i], g_hash_table_unref);
    }
  g_clear_pointer (&apply->task_uids, g_hash_table_unref);
  g_clear_pointer (&apply->result_uids, g_hash_table_unref);
}

/* Whether kh_text_normalize() would return @text as it is: valid UTF-8
 * of printable ASCII, newlines, tabs and characters that are NFC
 * whatever stands around them — the Latin letters (Vietnamese's among
 * them), punctuation and currency signs; no combining mark, no control,
 * no carriage return. Checked against Unicode's data: none of these has
 * a decomposition, a combining class, or composes with what precedes.
 * What an exporter wrote, and most of what a clerk typed, passes; the
 * rest is normalised as ever. The texts of the file are valid UTF-8:
 * the parser made sure (kh-json.h). */
static gboolean
is_normal_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guchar byte = (guchar)*p;
      gunichar c;

      if (byte < 0x80)
        {
          if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7F)
            return FALSE;
          continue;
        }
      c = g_utf8_get_char (p);
      if (!((c >= 0x00A0 && c <= 0x024F) ||     /* Latin-1, Latin Extended-A and -B */
            (c >= 0x1E00 && c <= 0x1EFF) ||     /* Latin Extended Additional: ạ…ỹ */
            (c >= 0x2010 && c <= 0x2027) ||     /* dashes, quotes, bullets, … */
            (c >= 0x2030 && c <= 0x205E) ||     /* ‰, primes, ‹ ›, ⁄ … */
            (c >= 0x20A0 && c <= 0x20BF)))      /* currency signs: ₫ */
        return FALSE;
    }
  return TRUE;
}

/* As kh_stmt_bind_text(), without normalising text that is already
 * normal: most of an import's text is. */
static void
bind_text (KhStmt     *stmt,
           int         index,
           const char *text)
{
  if (text != NULL && is_normal_text (text))
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    kh_stmt_bind_text (stmt, index, text);
}

static void
bind_string (KhStmt     *stmt,
             int         index,
             KhJsonNode *object,
             const char *name)
{
  bind_text (stmt, index, kh_exchange_string_of (object, name));
}

/* Dates and other optional text: "" and null are NULL. */
static void
bind_optional (KhStmt     *stmt,
               int         index,
               KhJsonNode *object,
               const char *name)
{
  bind_text (stmt, index, kh_exchange_string_or_null (object, name));
}

static void
bind_integer (KhStmt     *stmt,
              int         index,
              KhJsonNode *object,
              const char *name)
{
  KhJsonNode *node = kh_json_object_get_member (object, name);

  if (kh_exchange_is_integer (node))
    sqlite3_bind_int64 (stmt, index, kh_json_node_get_int (node));
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_real (KhStmt     *stmt,
           int         index,
           KhJsonNode *object,
           const char *name)
{
  KhJsonNode *node = kh_json_object_get_member (object, name);

  if (kh_exchange_is_number (node))
    sqlite3_bind_double (stmt, index, kh_json_node_get_double (node));
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_default (KhStmt     *stmt,
              int         index,
              KhJsonNode *object,
              const char *name,
              const char *fallback)
{
  const char *text = kh_exchange_string_of (object, name);

  bind_text (stmt, index, *text != '\0' ? text : fallback);
}

static gboolean
run (Apply   *apply,
     KhStmt  *stmt,
     GError **error)
{
  return kh_store_step_done (apply->store, stmt, error);
}

static gboolean
exec_with_id (Apply       *apply,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  g_autoptr(KhStmt) stmt = kh_store_prepare (apply->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return run (apply, stmt, error);
}

static gboolean
insert_strings (Apply       *apply,
                const char  *sql,
                gint64       owner_id,
                KhJsonNode  *strings,
                GError     **error)
{
  for (guint i = 0; i < kh_json_node_get_length (strings); i++)
    {
      g_autoptr(KhStmt) stmt = kh_store_prepare (apply->store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int (stmt, 2, (int)i);
      bind_text (stmt, 3, kh_json_node_get_string (kh_json_array_get_element (strings, i), NULL));
      if (!run (apply, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
count (Apply        *apply,
       KhImportKind  kind,
       gboolean      created,
       JsonNode     *before,
       JsonNode     *after)
{
  if (created)
    apply->report->created[kind]++;
  else if (before != NULL && after != NULL && json_node_equal (before, after))
    apply->report->unchanged[kind]++;
  else
    apply->report->updated[kind]++;
}

static gboolean
apply_agency (Apply       *apply,
              KhJsonNode  *root,
              GError     **error)
{
  g_autoptr(KhAgency) local = kh_store_load_agency (apply->store, error);
  KhJsonNode *object = kh_json_object_get_member (root, "agency");
  g_autoptr(KhAgency) agency = kh_agency_new ();
  KhJsonNode *recipients = kh_exchange_array_of (root, "default_recipients");

  if (local == NULL)
    return FALSE;

  /* The agency of a file sent upward is not ours: it fills only an
   * agency that is not set up yet (a new computer). */
  if (kh_json_node_get_node_type (object) == KH_JSON_OBJECT)
    {
      if (kh_agency_is_set_up (local))
        {
          g_autofree char *theirs = kh_exchange_fold (kh_exchange_string_of (object, "name"));
          g_autofree char *ours = kh_exchange_fold (local->name);

          if (!g_str_equal (theirs, ours))
            add_note (apply->report, _("agency: the file comes from “%s”; this database’s agency “%s” was kept"),
                      kh_exchange_string_of (object, "name"), local->name);
        }
      else
        {
#define TAKE(field) g_free (agency->field); agency->field = g_strdup (kh_exchange_string_of (object, #field))
          TAKE (parent_name);
          TAKE (name);
          TAKE (short_name);
          TAKE (locality);
          TAKE (collective_name);
          TAKE (abbreviation);
          TAKE (place);
#undef TAKE
          if (kh_exchange_is_integer (kh_json_object_get_member (object, "period_cutoff_day")))
            agency->period_cutoff_day = (int)kh_json_node_get_int (kh_json_object_get_member (object, "period_cutoff_day"));
          if (!kh_store_save_agency (apply->store, agency, error))
            return FALSE;
          add_note (apply->report, _("agency: set up from the file as “%s”"), agency->name);
        }
    }

  /* Default recipients, likewise, only where there are none. */
  if (kh_json_node_get_length (recipients) > 0)
    {
      g_auto(GStrv) local_recipients = kh_store_list_default_recipients (apply->store, error);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      if (local_recipients == NULL)
        return FALSE;
      if (local_recipients[0] == NULL)
        {
          for (guint i = 0; i < kh_json_node_get_length (recipients); i++)
            g_strv_builder_add (builder, kh_json_node_get_string (kh_json_array_get_element (recipients, i), NULL));
          strv = g_strv_builder_end (builder);
          if (!kh_store_set_default_recipients (apply->store, (const char * const *)strv, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
archived_of (KhJsonNode *object)
{
  return kh_json_node_get_boolean (kh_json_object_get_member (object, "archived"));
}

static gboolean
apply_lists (Apply       *apply,
             KhJsonNode  *root,
             GError     **error)
{
  KhJsonNode *signers = kh_exchange_array_of (root, "signers");
  KhJsonNode *departments = kh_exchange_array_of (root, "departments");
  KhJsonNode *indicators = kh_exchange_array_of (root, "indicators");

  for (guint i = 0; i < kh_json_node_get_length (signers); i++)
    {
      KhJsonNode *object = kh_exchange_object_at (signers, i);
      gint64 id;

      if (kh_exchange_find_signer (apply->store, kh_exchange_string_of (object, "name")) != 0)
        {
          apply->report->unchanged[KH_IMPORT_SIGNER]++;
          continue;
        }
      if ((id = kh_store_add_signer (apply->store, kh_exchange_string_of (object, "name"),
                                     kh_exchange_string_of (object, "title"), error)) == 0 ||
          (archived_of (object) && !kh_store_set_signer_archived (apply->store, id, TRUE, error)))
        return FALSE;
      apply->report->created[KH_IMPORT_SIGNER]++;
    }

  for (guint i = 0; i < kh_json_node_get_length (departments); i++)
    {
      KhJsonNode *object = kh_exchange_object_at (departments, i);
      gint64 id;

      if (kh_store_find_department (apply->store, kh_exchange_string_of (object, "name")) != 0)
        {
          apply->report->unchanged[KH_IMPORT_DEPARTMENT]++;
          continue;
        }
      if ((id = kh_store_add_department (apply->store, kh_exchange_string_of (object, "name"),
                                         kh_exchange_string_of (object, "kind"), error)) == 0 ||
          (archived_of (object) && !kh_store_set_department_archived (apply->store, id, TRUE, error)))
        return FALSE;
      apply->report->created[KH_IMPORT_DEPARTMENT]++;
    }

  for (guint i = 0; i < kh_json_node_get_length (indicators); i++)
    {
      KhJsonNode *object = kh_exchange_object_at (indicators, i);
      gint64 id;

      if (kh_store_find_indicator (apply->store, kh_exchange_string_of (object, "name")) != 0)
        {
          apply->report->unchanged[KH_IMPORT_INDICATOR]++;
          continue;
        }
      if ((id = kh_store_add_indicator (apply->store, kh_exchange_string_of (object, "name"),
                                        kh_exchange_string_of (object, "unit"),
                                        kh_exchange_string_of (object, "form"), error)) == 0 ||
          (archived_of (object) && !kh_store_set_indicator_archived (apply->store, id, TRUE, error)))
        return FALSE;
      apply->report->created[KH_IMPORT_INDICATOR]++;
    }

  return TRUE;
}

static void
insert_id (GHashTable *table,
           char       *key,
           gint64      id)
{
  g_hash_table_insert (table, key, g_memdup2 (&id, sizeof id));
}

/* The names as kh_exchange_find_signer(), kh_store_find_department() and
 * kh_store_find_indicator() match them, the first row winning as there. */
static gboolean
load_names (Apply   *apply,
            GError **error)
{
  static const char * const sql[N_NAMES] = {
    [NAME_SIGNER] = "SELECT id, name FROM signer ORDER BY archived, id",
    [NAME_DEPARTMENT] = "SELECT id, name FROM department",
    [NAME_INDICATOR] = "SELECT id, name FROM indicator",
  };

  for (guint i = 0; i < N_NAMES; i++)
    {
      g_autoptr(KhStmt) stmt = kh_store_prepare (apply->store, sql[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      apply->folded[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      apply->raw[i] = g_hash_table_new (g_str_hash, g_str_equal);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *name = kh_stmt_column_text (stmt, 1);
          char *folded = i == NAME_SIGNER ? kh_exchange_fold (name) : g_utf8_casefold (name, -1);

          if (g_hash_table_contains (apply->folded[i], folded))
            g_free (folded);
          else
            insert_id (apply->folded[i], folded, sqlite3_column_int64 (stmt, 0));
        }
      if (rc != SQLITE_DONE)
        return kh_store_set_error (apply->store, rc, error);
    }
  return TRUE;
}

static gint64
find_name (Apply      *apply,
           NameKind    kind,
           const char *text)
{
  gint64 *id;

  if (text == NULL || *text == '\0')
    return 0;
  if ((id = g_hash_table_lookup (apply->raw[kind], text)) == NULL)
    {
      g_autofree char *folded = kh_exchange_fold (text);

      if ((id = g_hash_table_lookup (apply->folded[kind], folded)) == NULL)
        return 0;
      g_hash_table_insert (apply->raw[kind], (gpointer)text, id);
    }
  return *id;
}

static gint64
name_to_id (Apply      *apply,
            NameKind    kind,
            KhJsonNode *object,
            const char *name)
{
  return find_name (apply, kind, kh_exchange_string_of (object, name));
}

/* Uids are stored normalised, as kh_exchange_find_by_uid() binds them. */
static gint64
find_uid (GHashTable *uids,
          const char *uid)
{
  g_autofree char *clean = NULL;
  gint64 *id;

  if (uid == NULL)
    return 0;
  clean = kh_text_normalize (uid);
  id = g_hash_table_lookup (uids, clean);
  return id != NULL ? *id : 0;
}

/* The checks made sure that every uid of the file found here belongs to
 * the plan it is listed under: the plan's rows are all it can name. */
static gboolean
load_uids (Apply       *apply,
           gint64       plan_id,
           GError     **error)
{
  static const char * const sql[] = {
    "SELECT uid, id FROM task WHERE plan_id = ?1 AND uid IS NOT NULL",
    "SELECT uid, id FROM result WHERE plan_id = ?1 AND uid IS NOT NULL",
  };

  g_clear_pointer (&apply->task_uids, g_hash_table_unref);
  g_clear_pointer (&apply->result_uids, g_hash_table_unref);
  apply->task_uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  apply->result_uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (plan_id == 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(KhStmt) stmt = kh_store_prepare (apply->store, sql[i], error);
      GHashTable *uids = i == 0 ? apply->task_uids : apply->result_uids;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        insert_id (uids, g_strdup (kh_stmt_column_text (stmt, 0)), sqlite3_column_int64 (stmt, 1));
      if (rc != SQLITE_DONE)
        return kh_store_set_error (apply->store, rc, error);
    }
  return TRUE;
}

static gboolean
insert_sections (Apply       *apply,
                 gint64       plan_id,
                 gint64       parent_id,
                 KhJsonNode  *sections,
                 GError     **error)
{
  for (guint i = 0; i < kh_json_node_get_length (sections); i++)
    {
      KhJsonNode *section = kh_exchange_object_at (sections, i);
      g_autoptr(KhStmt) stmt = NULL;
      gint64 id;

      stmt = kh_store_prepare (apply->store,
                               "INSERT INTO plan_section (plan_id, parent_id, position, heading, body, generated)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      kh_stmt_bind_id (stmt, 2, parent_id);
      sqlite3_bind_int (stmt, 3, (int)i);
      bind_string (stmt, 4, section, "heading");
      bind_string (stmt, 5, section, "body");
      bind_string (stmt, 6, section, "generated");
      if (!run (apply, stmt, error))
        return FALSE;
      id = kh_store_last_insert_id (apply->store);
      g_clear_pointer (&stmt, kh_stmt_release);

      if (!insert_sections (apply, plan_id, id, kh_exchange_array_of (section, "children"), error))
        return FALSE;
    }
  return TRUE;
}

/* The register of numbers, as kh_store_issue_plan() keeps it; a number
 * already taken there is left to the clerk. */
static gboolean
register_number (Apply       *apply,
                 const char  *doc_type,
                 const char  *column,
                 gint64       id,
                 KhJsonNode  *object,
                 const char  *prefix,
                 GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(KhStmt) stmt = NULL;
  GDate issued_on;

  if (g_strcmp0 (kh_exchange_string_of (object, "state"), "issued") != 0 ||
      !kh_exchange_parse_date (kh_exchange_string_of (object, "issued_on"), &issued_on))
    return TRUE;

  sql = g_strdup_printf ("INSERT OR IGNORE INTO document_number (year, doc_type, number, issued_on, summary, %s)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", column);
  if (!(stmt = kh_store_prepare (apply->store, sql, error)))
    return FALSE;
  summary = g_strconcat (prefix, kh_exchange_string_of (object, "title"), NULL);
  g_strdelimit (summary, "\n", ' ');
  sqlite3_bind_int (stmt, 1, g_date_get_year (&issued_on));
  kh_stmt_bind_text (stmt, 2, doc_type);
  bind_integer (stmt, 3, object, "number");
  kh_stmt_bind_date (stmt, 4, &issued_on);
  kh_stmt_bind_text (stmt, 5, summary);
  sqlite3_bind_int64 (stmt, 6, id);
  return run (apply, stmt, error);
}

static gboolean
apply_plan_text (Apply       *apply,
                 KhJsonNode  *plan,
                 gint64      *plan_id,
                 GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *state = NULL;
  g_autofree char *part_four = NULL;
  KhJsonNode *part_four_node = kh_json_object_get_member (plan, "part_four");
  gboolean created = *plan_id == 0;

  if (!created)
    {
      state = NULL;
      kh_exchange_find_by_uid (apply->store, "plan", kh_exchange_string_of (plan, "uid"), NULL, &state);
      if (g_strcmp0 (state, "issued") == 0)
        {
          /* Never overwrite an issued plan's text; its tasks, results and
           * reports still merge. */
          g_autoptr(JsonNode) local = kh_exchange_plan_node (apply->store, *plan_id, FALSE, error);
          JsonObject *object;

          if (local == NULL)
            return FALSE;
          object = json_node_get_object (local);
          if (g_strcmp0 (kh_exchange_string_of (plan, "state"), "issued") != 0 ||
              json_object_get_int_member_with_default (object, "number", 0) !=
                kh_json_node_get_int (kh_json_object_get_member (plan, "number")) ||
              g_strcmp0 (json_object_get_string_member_with_default (object, "issued_on", ""),
                         kh_exchange_string_of (plan, "issued_on")) != 0 ||
              g_strcmp0 (json_object_get_string_member_with_default (object, "title", ""),
                         kh_exchange_string_of (plan, "title")) != 0)
            add_note (apply->report, _("plan %d “%s”: issued in this database; its text was kept as issued here"),
                      (int)json_object_get_int_member_with_default (object, "year", 0),
                      json_object_get_string_member_with_default (object, "title", ""));
          apply->report->unchanged[KH_IMPORT_PLAN]++;
          return TRUE;
        }
      if (!(before = kh_exchange_plan_node (apply->store, *plan_id, FALSE, error)))
        return FALSE;
    }

  stmt = kh_store_prepare (apply->store,
                           created
                           ? "INSERT INTO plan (year, kind, revision, title, intro, closing, signer_id, authority,"
                             " state, number, issued_on, part_four, uid)"
                             " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                           : "UPDATE plan SET year = ?2, kind = ?3, revision = ?4, title = ?5, intro = ?6,"
                             " closing = ?7, signer_id = ?8, authority = ?9, state = ?10, number = ?11,"
                             " issued_on = ?12, part_four = ?13, updated_at = datetime('now')"
                             " WHERE id = ?1 AND uid = ?14",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (!kh_json_node_is_null (part_four_node))
    {
      g_autoptr(JsonNode) copy = kh_exchange_to_json_node (part_four_node);

      part_four = json_to_string (copy, FALSE);
    }

  sqlite3_bind_int64 (stmt, 1, *plan_id);
  bind_integer (stmt, 2, plan, "year");
  bind_default (stmt, 3, plan, "kind", KH_PLAN_KIND_CCHC);
  bind_string (stmt, 4, plan, "revision");
  bind_string (stmt, 5, plan, "title");
  bind_string (stmt, 6, plan, "intro");
  bind_string (stmt, 7, plan, "closing");
  kh_stmt_bind_id (stmt, 8, name_to_id (apply, NAME_SIGNER, plan, "signer"));
  bind_string (stmt, 9, plan, "authority");
  bind_default (stmt, 10, plan, "state", "draft");
  bind_integer (stmt, 11, plan, "number");
  bind_optional (stmt, 12, plan, "issued_on");
  if (part_four != NULL)
    sqlite3_bind_text (stmt, 13, part_four, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 13);
  bind_string (stmt, 14, plan, "uid");
  if (!run (apply, stmt, error))
    return FALSE;
  if (created)
    *plan_id = kh_store_last_insert_id (apply->store);

  if (!exec_with_id (apply, "DELETE FROM plan_basis WHERE plan_id = ?1", *plan_id, error) ||
      !exec_with_id (apply, "DELETE FROM plan_recipient WHERE plan_id = ?1", *plan_id, error) ||
      !exec_with_id (apply, "DELETE FROM plan_section WHERE plan_id = ?1", *plan_id, error) ||
      !insert_strings (apply, "INSERT INTO plan_basis (plan_id, position, text) VALUES (?1, ?2, ?3)",
                       *plan_id, kh_exchange_array_of (plan, "bases"), error) ||
      !insert_strings (apply, "INSERT INTO plan_recipient (plan_id, position, text) VALUES (?1, ?2, ?3)",
                       *plan_id, kh_exchange_array_of (plan, "recipients"), error) ||
      !insert_sections (apply, *plan_id, 0, kh_exchange_array_of (plan, "sections"), error) ||
      (!created && !(after = kh_exchange_plan_node (apply->store, *plan_id, FALSE, error))))
    return FALSE;

  if ((created || g_strcmp0 (state, "issued") != 0) &&
      !register_number (apply, "KH", "plan_id", *plan_id, plan, "Kế hoạch ", error))
    return FALSE;

  count (apply, KH_IMPORT_PLAN, created, before, after);
  return TRUE;
}

static gboolean
apply_task (Apply       *apply,
            gint64       plan_id,
            int          position,
            KhJsonNode  *task,
            GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  KhJsonNode *support = kh_exchange_array_of (task, "support");
  gint64 id = find_uid (apply->task_uids, kh_exchange_string_of (task, "uid"));
  gboolean created = id == 0;

  if (!created && !(before = kh_exchange_task_node (apply->store, id, error)))
    return FALSE;

  stmt = kh_store_prepare (apply->store,
                           created
                           ? "INSERT INTO task (plan_id, position, title, description, lead_department_id,"
                             " rhythm, deadline, indicator_id, target, status, done_on, manual_progress, uid)"
                             " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                           : "UPDATE task SET plan_id = ?2, position = ?3, title = ?4, description = ?5,"
                             " lead_department_id = ?6, rhythm = ?7, deadline = ?8, indicator_id = ?9,"
                             " target = ?10, status = ?11, done_on = ?12, manual_progress = ?13"
                             " WHERE id = ?1 AND uid = ?14",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int (stmt, 3, position);
  bind_string (stmt, 4, task, "title");
  bind_string (stmt, 5, task, "description");
  kh_stmt_bind_id (stmt, 6, name_to_id (apply, NAME_DEPARTMENT, task, "lead"));
  bind_default (stmt, 7, task, "rhythm", "regular");
  bind_optional (stmt, 8, task, "deadline");
  kh_stmt_bind_id (stmt, 9, name_to_id (apply, NAME_INDICATOR, task, "indicator"));
  bind_real (stmt, 10, task, "target");
  bind_default (stmt, 11, task, "status", "not_started");
  bind_optional (stmt, 12, task, "done_on");
  bind_integer (stmt, 13, task, "manual_progress");
  bind_string (stmt, 14, task, "uid");
  if (!run (apply, stmt, error))
    return FALSE;
  if (created)
    {
      id = kh_store_last_insert_id (apply->store);
      insert_id (apply->task_uids, kh_text_normalize (kh_exchange_string_of (task, "uid")), id);
    }

  if (!exec_with_id (apply, "DELETE FROM task_support WHERE task_id = ?1", id, error))
    return FALSE;
  for (guint i = 0; i < kh_json_node_get_length (support); i++)
    {
      g_autoptr(KhStmt) insert = kh_store_prepare (apply->store,
                                                   "INSERT OR IGNORE INTO task_support (task_id, department_id)"
                                                   " VALUES (?1, ?2)",
                                                   error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int64 (insert, 2, find_name (apply, NAME_DEPARTMENT,
                                                kh_json_node_get_string (kh_json_array_get_element (support, i), NULL)));
      if (!run (apply, insert, error))
        return FALSE;
    }

  if (!created && !(after = kh_exchange_task_node (apply->store, id, error)))
    return FALSE;
  count (apply, KH_IMPORT_TASK, created, before, after);
  return TRUE;
}

/* A result's JSON (kh_exchange_result_node()) is its own columns, with
 * the department, task and indicator by name or uid, each unique: the
 * row is unchanged exactly when every column is. The update writes only
 * a row that differs, and says whether it did, without reading the row's
 * JSON before and after as the other kinds do (a plan holds thousands of
 * results, a handful of everything else). */
static gboolean
apply_result (Apply       *apply,
              gint64       plan_id,
              KhJsonNode  *result,
              GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  gint64 id = find_uid (apply->result_uids, kh_exchange_string_of (result, "uid"));
  gboolean created = id == 0;
  const char *task = kh_exchange_string_or_null (result, "task");
  KhStmt **cached = created ? &apply->insert_result : &apply->update_result;

  if (*cached == NULL)
    *cached = kh_store_prepare (apply->store,
                             created
                             ? "INSERT INTO result (plan_id, department_id, task_id, done_on, indicator_id,"
                               " quantity, description, evidence, uid)"
                               " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                             : "UPDATE result SET plan_id = ?2, department_id = ?3, task_id = ?4, done_on = ?5,"
                               " indicator_id = ?6, quantity = ?7, description = ?8, evidence = ?9"
                               " WHERE id = ?1 AND uid = ?10 AND NOT (plan_id IS ?2 AND department_id IS ?3"
                               " AND task_id IS ?4 AND done_on IS ?5 AND indicator_id IS ?6 AND quantity IS ?7"
                               " AND description IS ?8 AND evidence IS ?9)",
                             error);
  if ((stmt = *cached) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  kh_stmt_bind_id (stmt, 3, name_to_id (apply, NAME_DEPARTMENT, result, "department"));
  kh_stmt_bind_id (stmt, 4, task != NULL ? find_uid (apply->task_uids, task) : 0);
  bind_string (stmt, 5, result, "date");
  kh_stmt_bind_id (stmt, 6, name_to_id (apply, NAME_INDICATOR, result, "indicator"));
  bind_real (stmt, 7, result, "quantity");
  bind_string (stmt, 8, result, "description");
  bind_string (stmt, 9, result, "evidence");
  bind_string (stmt, 10, result, "uid");
  if (!run (apply, stmt, error))
    return FALSE;

  if (created)
    apply->report->created[KH_IMPORT_RESULT]++;
  else if (kh_store_changes (apply->store) == 0)
    apply->report->unchanged[KH_IMPORT_RESULT]++;
  else
    apply->report->updated[KH_IMPORT_RESULT]++;
  return TRUE;
}

static gboolean
apply_report (Apply       *apply,
              gint64       plan_id,
              KhJsonNode  *report,
              GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *state = NULL;
  gint64 id = kh_exchange_find_by_uid (apply->store, "report", kh_exchange_string_of (report, "uid"), NULL, &state);
  gboolean created = id == 0;
  KhJsonNode *with_table = kh_json_object_get_member (report, "with_table");

  if (g_strcmp0 (state, "issued") == 0)
    {
      apply->report->unchanged[KH_IMPORT_REPORT]++;
      return TRUE;
    }
  if (!created && !(before = kh_exchange_report_node (apply->store, id, error)))
    return FALSE;

  stmt = kh_store_prepare (apply->store,
                           created
                           ? "INSERT INTO report (plan_id, period, start_on, end_on, title, opening,"
                             " results_generated, results_text, favourable, difficulties, proposals,"
                             " direction, closing, with_table, addressees, signer_id, authority, state,"
                             " number, issued_on, uid)"
                             " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                             " ?17, ?18, ?19, ?20, ?21, ?22)"
                           : "UPDATE report SET plan_id = ?2, period = ?3, start_on = ?4, end_on = ?5,"
                             " title = ?6, opening = ?7, results_generated = ?8, results_text = ?9,"
                             " favourable = ?10, difficulties = ?11, proposals = ?12, direction = ?13,"
                             " closing = ?14, with_table = ?15, addressees = ?16, signer_id = ?17,"
                             " authority = ?18, state = ?19, number = ?20, issued_on = ?21,"
                             " updated_at = datetime('now') WHERE id = ?1 AND uid = ?22",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  bind_string (stmt, 3, report, "period");
  bind_string (stmt, 4, report, "start_on");
  bind_string (stmt, 5, report, "end_on");
  bind_string (stmt, 6, report, "title");
  bind_string (stmt, 7, report, "opening");
  bind_string (stmt, 8, report, "results_generated");
  bind_string (stmt, 9, report, "results_text");
  bind_string (stmt, 10, report, "favourable");
  bind_string (stmt, 11, report, "difficulties");
  bind_string (stmt, 12, report, "proposals");
  bind_string (stmt, 13, report, "direction");
  bind_string (stmt, 14, report, "closing");
  sqlite3_bind_int (stmt, 15, kh_json_node_get_boolean (with_table));
  bind_string (stmt, 16, report, "addressees");
  kh_stmt_bind_id (stmt, 17, name_to_id (apply, NAME_SIGNER, report, "signer"));
  bind_string (stmt, 18, report, "authority");
  bind_default (stmt, 19, report, "state", "draft");
  bind_integer (stmt, 20, report, "number");
  bind_optional (stmt, 21, report, "issued_on");
  bind_string (stmt, 22, report, "uid");
  if (!run (apply, stmt, error))
    return FALSE;
  if (created)
    id = kh_store_last_insert_id (apply->store);

  if (!exec_with_id (apply, "DELETE FROM report_recipient WHERE report_id = ?1", id, error) ||
      !insert_strings (apply, "INSERT INTO report_recipient (report_id, position, text) VALUES (?1, ?2, ?3)",
                       id, kh_exchange_array_of (report, "recipients"), error) ||
      !register_number (apply, "BC", "report_id", id, report, "Báo cáo ", error) ||
      (!created && !(after = kh_exchange_report_node (apply->store, id, error))))
    return FALSE;

  count (apply, KH_IMPORT_REPORT, created, before, after);
  return TRUE;
}

static gboolean
apply_plan (Apply       *apply,
            KhJsonNode  *plan,
            GError     **error)
{
  KhJsonNode *tasks = kh_exchange_array_of (plan, "tasks");
  KhJsonNode *results = kh_exchange_array_of (plan, "results");
  KhJsonNode *reports = kh_exchange_array_of (plan, "reports");
  gint64 plan_id = kh_exchange_find_by_uid (apply->store, "plan", kh_exchange_string_of (plan, "uid"), NULL, NULL);

  if (!load_uids (apply, plan_id, error) ||
      !apply_plan_text (apply, plan, &plan_id, error))
    return FALSE;

  for (guint i = 0; i < kh_json_node_get_length (tasks); i++)
    if (!apply_task (apply, plan_id, (int)i, kh_exchange_object_at (tasks, i), error))
      return FALSE;
  for (guint i = 0; i < kh_json_node_get_length (results); i++)
    if (!apply_result (apply, plan_id, kh_exchange_object_at (results, i), error))
      return FALSE;
  for (guint i = 0; i < kh_json_node_get_length (reports); i++)
    if (!apply_report (apply, plan_id, kh_exchange_object_at (reports, i), error))
      return FALSE;

  return TRUE;
}

/* Public API */

/**
 * kh_import_kind_to_string:
 * @kind: a #KhImportKind
 *
 * Returns: the plural English name of what was counted, translated
 */
const char *
kh_import_kind_to_string (KhImportKind kind)
{
  switch (kind)
    {
    case KH_IMPORT_SIGNER: return _("signers");
    case KH_IMPORT_DEPARTMENT: return _("departments");
    case KH_IMPORT_INDICATOR: return _("indicators");
    case KH_IMPORT_PLAN: return _("plans");
    case KH_IMPORT_TASK: return _("tasks");
    case KH_IMPORT_RESULT: return _("results");
    case KH_IMPORT_REPORT: return _("reports");
    case KH_IMPORT_N_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

void
kh_import_report_clear (KhImportReport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Where a value stands in the file, as a chain up to the root: the path
 * is written out only for a value that needs it, not for every value. */
typedef struct Place Place;
struct Place
{
  const Place *parent;
  const char  *name;    /* a member, or NULL for an element */
  guint        index;
};

static void
append_place (GString     *path,
              const Place *place)
{
  if (place == NULL)
    return;
  append_place (path, place->parent);
  if (place->name == NULL)
    g_string_append_printf (path, "[%u]", place->index);
  else
    g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", place->name);
}

static char *
place_to_string (const Place *place)
{
  GString *path = g_string_new (NULL);

  append_place (path, place);
  return g_string_free (path, FALSE);
}

/* Whether kh_legacy_detect() can find an old encoding in @text, without
 * decoding it: that scores only characters of Latin-1's upper half (and
 * U+212B Å, whose lower case is å), and gives up at the first Vietnamese
 * letter beyond Latin-1. ASCII (uids, dates, states) and text already in
 * Unicode Vietnamese — nearly every text of a file — stop here. */
static gboolean
may_be_legacy (const char *text)
{
  gboolean scored = FALSE;

  for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
    {
      if (*p < 0x80)
        continue;
      if (p[0] == 0xC2 || p[0] == 0xC3)                                  /* U+0080–U+00FF */
        scored |= p[0] == 0xC3 || p[1] >= 0xA1;
      else if (p[0] == 0xC4 || p[0] == 0xC5 || (p[0] == 0xC6 && p[1] <= 0xB0))
        return FALSE;                                                   /* U+0100–U+01B0 */
      else if (p[0] == 0xE1 && ((p[1] == 0xBA && p[2] >= 0xA0) || (p[1] == 0xBB && p[2] <= 0xB9)))
        return FALSE;                                                   /* U+1EA0–U+1EF9 */
      else if (p[0] == 0xE2 && p[1] == 0x84 && p[2] == 0xAB)
        scored = TRUE;                                                  /* U+212B */
    }
  return scored;
}

typedef struct
{
  KhJson         *tree;
  KhImportFlags   flags;
  KhImportReport *report;
} Legacy;

/* Text in TCVN3 or VNI (typed with the old fonts, then saved by another
 * program into the file) is found wherever it is: converted to Unicode
 * when the user agreed to it, else listed as a problem with its place.
 * The parser bounded the depth. */
static void
find_legacy (Legacy      *legacy,
             KhJsonNode  *node,
             const Place *place)
{
  switch (kh_json_node_get_node_type (node))
    {
    case KH_JSON_OBJECT:
      {
        Place member = { place, NULL, 0 };

        for (guint i = 0; i < kh_json_node_get_length (node); i++)
          {
            member.name = kh_json_object_get_name (node, i);
            find_legacy (legacy, kh_json_object_get_value (node, i), &member);
          }
      }
      break;

    case KH_JSON_ARRAY:
      {
        Place element = { place, NULL, 0 };

        for (element.index = 0; element.index < kh_json_node_get_length (node); element.index++)
          find_legacy (legacy, kh_json_array_get_element (node, element.index), &element);
      }
      break;

    case KH_JSON_STRING:
      {
        const char *text = kh_json_node_get_string (node, NULL);
        KhImportReport *report = legacy->report;
        KhLegacyEncoding encoding;
        g_autofree char *path = NULL;
        g_autofree char *start = NULL;

        if (!may_be_legacy (text) || (encoding = kh_legacy_detect (text)) == KH_LEGACY_NONE)
          break;

        report->legacy++;
        path = place_to_string (place);
        start = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 40));
        if (legacy->flags & KH_IMPORT_CONVERT_LEGACY)
          {
            g_autofree char *converted = kh_legacy_convert (text, encoding);
            g_autofree char *converted_start = g_utf8_substring (converted, 0, MIN (g_utf8_strlen (converted, -1), 40));

            kh_json_set_string (legacy->tree, node, converted);
            /* Translators: a place in the file, an encoding, and the start of a text */
            add_note (report, _("%s: converted from %s to Unicode (“%s”)."),
                      path, kh_legacy_name (encoding), converted_start);
          }
        else
          {
            if (report->problems == NULL)
              report->problems = g_ptr_array_new_with_free_func (g_free);
            g_ptr_array_add (report->problems,
                             /* Translators: a place in the file, the start of a text, an encoding */
                             g_strdup_printf (_("%s: “%s” is written in the old %s encoding: let it be converted to Unicode, or correct the file"),
                                              path, start, kh_legacy_name (encoding)));
          }
      }
      break;

    case KH_JSON_NULL:
    case KH_JSON_BOOLEAN:
    case KH_JSON_INTEGER:
    case KH_JSON_DOUBLE:
    default:
      break;
    }
}

static gint64
query_temp_store (KhStore *store)
{
  g_autoptr(KhStmt) stmt = kh_store_prepare (store, "PRAGMA temp_store", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static void
restore_temp_store (KhStore *store,
                    gint64   temp_store)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA temp_store = %" G_GINT64_FORMAT, temp_store);

  sqlite3_exec (kh_store_get_db (store), sql, NULL, NULL, NULL);
}

/**
 * kh_store_import_json:
 * @store: the database
 * @json: the text of an exchange file (NUL-terminated)
 * @report: (out caller-allocates): what was created, updated, unchanged,
 *   or the problems; zero it first, clear it with kh_import_report_clear()
 * @error: return location for a #GError
 *
 * Checks the whole file, then applies it in one transaction. When the
 * file has problems, every one is listed in @report->problems with its
 * place in the file, @error says how many, and nothing is changed.
 */
gboolean
kh_store_import_json (KhStore         *store,
                      const char      *json,
                      KhImportReport  *report,
                      GError         **error)
{
  return kh_store_import_json_full (store, json, KH_IMPORT_FLAGS_NONE, report, error);
}

/**
 * kh_store_import_json_full:
 * @flags: %KH_IMPORT_CONVERT_LEGACY when the user agreed that text in
 *   TCVN3 or VNI be converted to Unicode; without it such text is a
 *   problem of the file, with its place
 *
 * As kh_store_import_json().
 */
gboolean
kh_store_import_json_full (KhStore         *store,
                           const char      *json,
                           KhImportFlags    flags,
                           KhImportReport  *report,
                           GError         **error)
{
  g_autoptr(KhJson) tree = NULL;
  Apply apply = { store, report, { NULL }, { NULL }, NULL, NULL, NULL, NULL };
  Legacy legacy = { NULL, flags, report };
  KhJsonNode *root;
  KhJsonNode *version;
  KhJsonNode *plans;
  gint64 temp_store;

  g_return_val_if_fail (KH_IS_STORE (store), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!(tree = kh_exchange_parse (json, strlen (json), error)))
    return FALSE;

  root = kh_json_get_root (tree);
  if (kh_json_node_get_node_type (root) != KH_JSON_OBJECT ||
      g_strcmp0 (kh_exchange_string_of (root, "format"), KH_EXCHANGE_FORMAT) != 0)
    return invalid (error, _("The file is not a Kế Hoạch exchange file (no \"format\": \"%s\")."),
                    KH_EXCHANGE_FORMAT);
  version = kh_json_object_get_member (root, "version");
  if (!kh_exchange_is_integer (version) || kh_json_node_get_int (version) < 1)
    return invalid (error, _("The exchange file has no valid \"version\"."));
  if (kh_json_node_get_int (version) > KH_EXCHANGE_VERSION)
    return invalid (error, _("The exchange file was written by a newer Kế Hoạch (format version %d; this one reads version %d). Update Kế Hoạch to import it."),
                    (int)MIN (kh_json_node_get_int (version), G_MAXINT), KH_EXCHANGE_VERSION);

  if (!kh_store_check_writable (store, error))
    return FALSE;

  legacy.tree = tree;
  find_legacy (&legacy, root, NULL);

  /* Each insert of a result (its uid trigger, its foreign keys) keeps a
   * statement journal, in a file by default: 45,000 writes to /var/tmp
   * for a year's results. In memory it costs nothing; the connection
   * holds no temporary tables for the change to drop, and gets its
   * setting back after. */
  temp_store = query_temp_store (store);
  sqlite3_exec (kh_store_get_db (store), "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);

  /* The checks read in the transaction that applies the file: nothing
   * changes between them, and their thousands of lookups share one read
   * lock instead of taking one each. */
  if (!kh_store_begin (store, error))
    {
      restore_temp_store (store, temp_store);
      return FALSE;
    }
  if (!kh_exchange_check (store, root, report))
    {
      kh_store_rollback (store);
      restore_temp_store (store, temp_store);
      return invalid (error,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The file has %u problem; nothing was imported.",
                                   "The file has %u problems; nothing was imported.",
                                   report->problems->len),
                      report->problems->len);
    }

  if (!apply_agency (&apply, root, error) ||
      !apply_lists (&apply, root, error) ||
      !load_names (&apply, error))
    goto failed;

  plans = kh_exchange_array_of (root, "plans");
  for (guint i = 0; i < kh_json_node_get_length (plans); i++)
    if (!apply_plan (&apply, kh_exchange_object_at (plans, i), error))
      goto failed;

  if (!kh_store_commit (store, error))
    goto failed_committed;

  apply_clear (&apply);
  restore_temp_store (store, temp_store);
  return TRUE;

failed:
  kh_store_rollback (store);
failed_committed:
  apply_clear (&apply);
  restore_temp_store (store, temp_store);
  /* The counts describe changes that did not happen. */
  memset (report->created, 0, sizeof report->created);
  memset (report->updated, 0, sizeof report->updated);
  memset (report->unchanged, 0, sizeof report->unchanged);
  return FALSE;
}

/**
 * kh_store_import_file:
 * @store: the database
 * @path: an exchange file
 * @report: as for kh_store_import_json()
 * @error: return location for a #GError
 *
 * Refuses a file over 50 MB before reading it.
 */
gboolean
kh_store_import_file (KhStore         *store,
                      const char      *path,
                      KhImportReport  *report,
                      GError         **error)
{
  return kh_store_import_file_full (store, path, KH_IMPORT_FLAGS_NONE, report, error);
}

/**
 * kh_store_import_file_full:
 *
 * As kh_store_import_file(), with the @flags of
 * kh_store_import_json_full().
 */
gboolean
kh_store_import_file_full (KhStore         *store,
                           const char      *path,
                           KhImportFlags    flags,
                           KhImportReport  *report,
                           GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > KH_EXCHANGE_MAX_BYTES)
    return invalid (error, _("The file “%s” is too large to import (%u MB; at most %u MB)."),
                    path, (guint)(g_file_info_get_size (info) / (1024 * 1024)),
                    (guint)(KH_EXCHANGE_MAX_BYTES / (1024 * 1024)));

  if (info == NULL || !g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The file “%s” could not be read (%s)."), path, local_error->message);
      return FALSE;
    }
  if (memchr (contents, '\0', length) != NULL)
    return invalid (error, _("The file “%s” is not a text file."), path);

  return kh_store_import_json_full (store, contents, flags, report, error);
}
