/* kh-exchange-check.c — every problem of an exchange file, before import
 *
 * Two steps, before anything is written:
 *
 *  1. parsing (kh-json.h), with the size, depth and number of values
 *     bounded, so a hostile file can exhaust neither stack nor memory;
 *  2. checks: the whole tree is walked and every problem is collected
 *     with its JSON path; names are resolved against the file and the
 *     database, uids against the database.
 *
 * The rules are those of docs/exchange-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-exchange-private.h"
#include "kh-plan.h"
#include "kh-result.h"
#include "kh-section.h"
#include "kh-task.h"
#include "kh-text.h"

#define UID_MAX_LENGTH 64

typedef struct
{
  KhStore        *store;
  KhImportReport *report;
  GHashTable     *signers;      /* folded name: in the file or the database */
  GHashTable     *departments;
  GHashTable     *indicators;
  GHashTable     *uids;         /* "plan:UID" → path of its first use in the file */
  GHashTable     *plan_keys;    /* "year\x1fkind\x1frevision" → path */
  GHashTable     *known_texts;  /* one of the three above → set of the file's texts found in it */
  GHashTable     *plan_tasks;   /* uid → id, of the plan being checked, here */
  GHashTable     *plan_results;
} Check;

static void
problem (Check      *check,
         const char *path,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Check      *check,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (check->report->problems == NULL)
    check->report->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (check->report->problems, g_strdup_printf ("%s: %s", path, message));
}

/* A problem of a member: its path is written out only then, not for
 * each member checked. */
static void
member_problem (Check      *check,
                const char *path,
                const char *name,
                const char *format,
                ...) G_GNUC_PRINTF (4, 5);

static void
member_problem (Check      *check,
                const char *path,
                const char *name,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (check->report->problems == NULL)
    check->report->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (check->report->problems, g_strdup_printf ("%s.%s: %s", path, name, message));
}

static void
add_local_names (KhStore    *store,
                 const char *sql,
                 GHashTable *names)
{
  g_autoptr(KhStmt) stmt = kh_store_prepare (store, sql, NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (names, kh_exchange_fold (kh_stmt_column_text (stmt, 0)));
}

/* Step 1: parsing, within bounds */

/**
 * kh_exchange_parse:
 * @json: the text of an exchange file
 * @length: its bytes
 * @error: return location for a #GError
 *
 * Parses the file within KH_EXCHANGE_MAX_DEPTH and
 * KH_EXCHANGE_MAX_ELEMENTS, so a hostile file can exhaust neither the
 * stack nor the memory.
 *
 * Returns: (transfer full) (nullable): the file's tree
 */
KhJson *
kh_exchange_parse (const char  *json,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  KhJsonPosition where = { 0, 0 };
  KhJson *tree;

  if (length > KH_EXCHANGE_MAX_BYTES)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The file is too large to import (%u MB; at most %u MB)."),
                   (guint)(length / (1024 * 1024)), (guint)(KH_EXCHANGE_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  tree = kh_json_parse (json, length, KH_EXCHANGE_MAX_DEPTH, KH_EXCHANGE_MAX_ELEMENTS, &where, &parse_error);
  if (tree != NULL)
    return tree;

  if (g_error_matches (parse_error, KH_JSON_ERROR, KH_JSON_ERROR_DEPTH))
    g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                 _("Line %u: the file nests more than %d levels deep; it is not an exchange file."),
                 where.line, KH_EXCHANGE_MAX_DEPTH);
  else if (g_error_matches (parse_error, KH_JSON_ERROR, KH_JSON_ERROR_SIZE))
    g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                 _("Line %u: the file holds more than %d values; it is too large to import."),
                 where.line, KH_EXCHANGE_MAX_ELEMENTS);
  else
    g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                 _("The file is not valid JSON: line %u, column %u: %s"),
                 where.line, where.column, parse_error->message);
  return NULL;
}

/* Step 2: checks */

static const char *
check_string (Check      *check,
              KhJsonNode *object,
              const char *path,
              const char *name,
              gboolean    required)
{
  KhJsonNode *node = kh_json_object_get_member (object, name);

  if (kh_json_node_is_null (node))
    {
      if (required)
        member_problem (check, path, name, _("is missing"));
      return NULL;
    }
  if (!kh_exchange_is_string (node))
    {
      member_problem (check, path, name, _("must be text"));
      return NULL;
    }
  if (required && kh_text_is_blank (kh_json_node_get_string (node, NULL)))
    {
      member_problem (check, path, name, _("is empty"));
      return NULL;
    }
  return kh_json_node_get_string (node, NULL);
}

static void
check_date (Check      *check,
            KhJsonNode *object,
            const char *path,
            const char *name,
            gboolean    required,
            GDate      *date)
{
  const char *text = check_string (check, object, path, name, required);

  g_date_clear (date, 1);
  if (text != NULL && *text != '\0' && !kh_exchange_parse_date (text, date))
    member_problem (check, path, name, _("%s is not a date (YYYY-MM-DD)"), text);
  else if (text != NULL && *text == '\0' && required)
    member_problem (check, path, name, _("is empty"));
}

static gboolean
check_integer (Check      *check,
               KhJsonNode *object,
               const char *path,
               const char *name,
               gboolean    required,
               gint64      min,
               gint64      max,
               gint64     *value)
{
  KhJsonNode *node = kh_json_object_get_member (object, name);

  *value = 0;
  if (kh_json_node_is_null (node))
    {
      if (required)
        member_problem (check, path, name, _("is missing"));
      return FALSE;
    }
  if (!kh_exchange_is_integer (node))
    {
      member_problem (check, path, name, _("must be a whole number"));
      return FALSE;
    }
  *value = kh_json_node_get_int (node);
  if (*value < min || *value > max)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, *value);
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      member_problem (check, path, name, _("%s is not between %s and %s"), text, low, high);
      *value = 0;
      return FALSE;
    }
  return TRUE;
}

static void
check_number (Check      *check,
              KhJsonNode *object,
              const char *path,
              const char *name,
              double      max)
{
  KhJsonNode *node = kh_json_object_get_member (object, name);

  if (kh_json_node_is_null (node))
    return;
  if (!kh_exchange_is_number (node))
    member_problem (check, path, name, _("must be a number"));
  else if (kh_json_node_get_double (node) < 0 || kh_json_node_get_double (node) > max)
    {
      g_autofree char *text = g_strdup_printf ("%.15g", kh_json_node_get_double (node));
      g_autofree char *high = g_strdup_printf ("%.15g", max);

      member_problem (check, path, name, _("%s is not between %s and %s"), text, "0", high);
    }
}

static void
check_strings (Check      *check,
               KhJsonNode *object,
               const char *path,
               const char *name)
{
  KhJsonNode *array = kh_json_object_get_member (object, name);

  if (kh_json_node_is_null (array))
    return;
  if (kh_json_node_get_node_type (array) != KH_JSON_ARRAY)
    {
      g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
      problem (check, where, _("must be a list of texts"));
      return;
    }
  for (guint i = 0; i < kh_json_node_get_length (array); i++)
    if (!kh_exchange_is_string (kh_json_array_get_element (array, i)))
      {
        g_autofree char *where = g_strdup_printf ("%s%s%s[%u]", path, *path ? "." : "", name, i);
        problem (check, where, _("must be text"));
      }
}

/* A list member: absent or null is an empty list. */
static KhJsonNode *
check_array (Check      *check,
             KhJsonNode *object,
             const char *path,
             const char *name)
{
  KhJsonNode *node = kh_json_object_get_member (object, name);

  if (kh_json_node_is_null (node))
    return NULL;
  if (kh_json_node_get_node_type (node) != KH_JSON_ARRAY)
    {
      g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
      problem (check, where, _("must be a list"));
      return NULL;
    }
  return node;
}

static KhJsonNode *
check_object_at (Check      *check,
                 KhJsonNode *array,
                 guint       index,
                 const char *where)
{
  KhJsonNode *object = kh_exchange_object_at (array, index);

  if (object == NULL)
    problem (check, where, _("must be an object"));
  return object;
}

/* Whether a name is known, each text of the file folded once: thousands
 * of rows name the same few departments and indicators. Names only ever
 * become known, so a known text stays known. */
static gboolean
is_known (Check      *check,
          GHashTable *known,
          const char *text)
{
  GHashTable *texts = g_hash_table_lookup (check->known_texts, known);
  g_autofree char *folded = NULL;

  if (texts == NULL)
    {
      texts = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (check->known_texts, known, texts);
    }
  if (g_hash_table_contains (texts, text))
    return TRUE;
  folded = kh_exchange_fold (text);
  if (!g_hash_table_contains (known, folded))
    return FALSE;
  g_hash_table_add (texts, (gpointer)text);
  return TRUE;
}

static void
check_name (Check      *check,
            KhJsonNode *object,
            const char *path,
            const char *name,
            gboolean    required,
            GHashTable *known,
            const char *what)
{
  const char *text = check_string (check, object, path, name, required);

  if (text != NULL && *text != '\0' && !is_known (check, known, text))
    member_problem (check, path, name, _("no %s “%s” in the file or the database"), what, text);
}

static void
check_enum (Check      *check,
            KhJsonNode *object,
            const char *path,
            const char *name,
            gboolean  (*valid) (const char *))
{
  const char *text = check_string (check, object, path, name, FALSE);

  if (text != NULL && !valid (text))
    member_problem (check, path, name, _("“%s” is not one of the allowed values"), text);
}

static gboolean
valid_rhythm (const char *text)
{
  KhRhythm rhythm;
  return *text == '\0' || kh_rhythm_from_string (text, &rhythm);
}

static gboolean
valid_status (const char *text)
{
  KhTaskStatus status;
  return *text == '\0' || kh_task_status_from_string (text, &status);
}

static gboolean
valid_state (const char *text)
{
  KhPlanState state;
  return *text == '\0' || kh_plan_state_from_string (text, &state);
}

static gboolean
valid_authority (const char *text)
{
  return kh_authority_is_valid (text);
}

static gboolean
valid_period (const char *text)
{
  static const char * const periods[] = { "q1", "q2", "q3", "q4", "h1", "9m", "year", "range" };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    if (g_str_equal (text, periods[i]))
      return TRUE;
  return FALSE;
}

/* A uid: text, unique in the file; when the database has it, the row it
 * names must belong to the same plan. Returns the local id or 0. */
static gint64
check_uid (Check      *check,
           KhJsonNode *object,
           const char *path,
           const char *table,
           gint64      local_plan_id,
           char      **state)
{
  const char *uid = check_string (check, object, path, "uid", TRUE);
  g_autofree char *key = NULL;
  GHashTable *local = NULL;
  gint64 *local_id;
  gint64 plan_id = 0;
  gint64 id;

  if (uid == NULL)
    return 0;
  if (strlen (uid) > UID_MAX_LENGTH)
    {
      member_problem (check, path, "uid", _("is longer than %d characters"), UID_MAX_LENGTH);
      return 0;
    }

  key = g_strconcat (table, ":", uid, NULL);
  if (g_hash_table_contains (check->uids, key))
    {
      member_problem (check, path, "uid", _("“%s” is used twice in the file (first at %s)"), uid,
                      (const char *)g_hash_table_lookup (check->uids, key));
      return 0;
    }
  g_hash_table_insert (check->uids, g_steal_pointer (&key), g_strdup (path));

  /* Most rows of a plan already here are the plan's own. */
  if (g_str_equal (table, "task"))
    local = check->plan_tasks;
  else if (g_str_equal (table, "result"))
    local = check->plan_results;
  if (local != NULL && (local_id = g_hash_table_lookup (local, uid)) != NULL)
    return *local_id;

  id = kh_exchange_find_by_uid (check->store, table, uid, &plan_id, state);
  if (id != 0 && !g_str_equal (table, "plan") && plan_id != local_plan_id)
    {
      member_problem (check, path, "uid", _("“%s” belongs to another plan in this database"), uid);
      return 0;
    }
  return id;
}

/* The uids of a plan's tasks and results here, read at once rather than
 * one query a row. */
static void
load_plan_uids (Check  *check,
                gint64  plan_id)
{
  g_hash_table_remove_all (check->plan_tasks);
  g_hash_table_remove_all (check->plan_results);
  if (plan_id == 0)
    return;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KhStmt) stmt = kh_store_prepare (check->store,
                                                 i == 0
                                                 ? "SELECT uid, id FROM task WHERE plan_id = ?1 AND uid IS NOT NULL"
                                                 : "SELECT uid, id FROM result WHERE plan_id = ?1 AND uid IS NOT NULL",
                                                 NULL);
      GHashTable *uids = i == 0 ? check->plan_tasks : check->plan_results;

      if (stmt == NULL)
        return;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 1);

          g_hash_table_insert (uids, g_strdup (kh_stmt_column_text (stmt, 0)), g_memdup2 (&id, sizeof id));
        }
    }
}

static void
check_sections (Check      *check,
                KhJsonNode *sections,
                const char *path,
                guint       depth)
{
  for (guint i = 0; i < kh_json_node_get_length (sections); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);
      g_autofree char *children_path = g_strdup_printf ("%s.children", where);
      KhJsonNode *section = check_object_at (check, sections, i, where);
      KhJsonNode *children;

      if (section == NULL)
        continue;
      if (depth > KH_SECTION_MAX_DEPTH)
        {
          problem (check, where, _("parts nest at most %d levels deep"), KH_SECTION_MAX_DEPTH);
          continue;
        }
      check_string (check, section, where, "heading", FALSE);
      check_string (check, section, where, "body", FALSE);
      check_string (check, section, where, "generated", FALSE);
      children = check_array (check, section, where, "children");
      check_sections (check, children, children_path, depth + 1);
    }
}

static void
check_task (Check      *check,
            KhJsonNode *task,
            const char *path,
            gint64      local_plan_id)
{
  KhJsonNode *support = check_array (check, task, path, "support");
  gint64 progress;
  GDate date;

  check_uid (check, task, path, "task", local_plan_id, NULL);
  check_string (check, task, path, "title", FALSE);
  check_string (check, task, path, "description", FALSE);
  check_name (check, task, path, "lead", TRUE, check->departments, _("department"));
  check_strings (check, task, path, "support");
  for (guint i = 0; i < kh_json_node_get_length (support); i++)
    {
      KhJsonNode *node = kh_json_array_get_element (support, i);

      if (kh_exchange_is_string (node) && !is_known (check, check->departments, kh_json_node_get_string (node, NULL)))
        {
          g_autofree char *where = g_strdup_printf ("%s.support[%u]", path, i);
          problem (check, where, _("no department “%s” in the file or the database"),
                   kh_json_node_get_string (node, NULL));
        }
    }
  check_enum (check, task, path, "rhythm", valid_rhythm);
  check_date (check, task, path, "deadline", FALSE, &date);
  check_name (check, task, path, "indicator", FALSE, check->indicators, _("indicator"));
  check_number (check, task, path, "target", KH_TASK_TARGET_MAX);
  check_enum (check, task, path, "status", valid_status);
  check_date (check, task, path, "done_on", FALSE, &date);
  check_integer (check, task, path, "manual_progress", FALSE, 0, 100, &progress);
}

static void
check_result (Check      *check,
              KhJsonNode *result,
              const char *path,
              gint64      local_plan_id,
              GHashTable *task_uids)
{
  const char *task;
  GDate date;

  check_uid (check, result, path, "result", local_plan_id, NULL);
  check_date (check, result, path, "date", TRUE, &date);
  check_name (check, result, path, "department", TRUE, check->departments, _("department"));
  check_name (check, result, path, "indicator", FALSE, check->indicators, _("indicator"));
  check_number (check, result, path, "quantity", KH_RESULT_QUANTITY_MAX);
  check_string (check, result, path, "description", FALSE);
  check_string (check, result, path, "evidence", FALSE);

  task = check_string (check, result, path, "task", FALSE);
  if (task != NULL && *task != '\0' && !g_hash_table_contains (task_uids, task) &&
      !g_hash_table_contains (check->plan_tasks, task))
    {
      gint64 plan_id = 0;

      if (kh_exchange_find_by_uid (check->store, "task", task, &plan_id, NULL) == 0 || plan_id != local_plan_id ||
          local_plan_id == 0)
        {
          g_autofree char *where = g_strdup_printf ("%s.task", path);
          problem (check, where, _("no task “%s” in this plan, in the file or the database"), task);
        }
    }
}

static void
check_report (Check      *check,
              KhJsonNode *report,
              const char *path,
              gint64      local_plan_id)
{
  KhJsonNode *with_table = kh_json_object_get_member (report, "with_table");
  GDate start, end, issued_on;
  gint64 number;

  check_uid (check, report, path, "report", local_plan_id, NULL);
  check_string (check, report, path, "period", TRUE);
  check_enum (check, report, path, "period", valid_period);
  check_date (check, report, path, "start_on", TRUE, &start);
  check_date (check, report, path, "end_on", TRUE, &end);
  if (g_date_valid (&start) && g_date_valid (&end) && g_date_compare (&start, &end) > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s.end_on", path);
      problem (check, where, _("the period ends before it starts"));
    }
  for (const char * const *name = (const char * const[]) {
         "title", "opening", "results_generated", "results_text", "favourable", "difficulties",
         "proposals", "direction", "closing", "addressees", NULL };
       *name != NULL; name++)
    check_string (check, report, path, *name, FALSE);
  if (!kh_json_node_is_null (with_table) && !kh_exchange_is_boolean (with_table))
    {
      g_autofree char *where = g_strdup_printf ("%s.with_table", path);
      problem (check, where, _("must be true or false"));
    }
  check_name (check, report, path, "signer", FALSE, check->signers, _("signer"));
  check_enum (check, report, path, "authority", valid_authority);
  check_enum (check, report, path, "state", valid_state);
  check_integer (check, report, path, "number", FALSE, 1, G_MAXINT, &number);
  check_date (check, report, path, "issued_on", FALSE, &issued_on);
  if (g_strcmp0 (kh_exchange_string_of (report, "state"), "issued") == 0 && (number == 0 || !g_date_valid (&issued_on)))
    problem (check, path, _("an issued report needs its number and issued_on"));
  check_strings (check, report, path, "recipients");
}

static void
check_plan (Check      *check,
            KhJsonNode *plan,
            const char *path)
{
  g_autoptr(GHashTable) task_uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *local_state = NULL;
  g_autofree char *key = NULL;
  KhJsonNode *tasks, *results, *reports, *sections;
  KhJsonNode *part_four = kh_json_object_get_member (plan, "part_four");
  gint64 local_id, other, year = 0, number;
  const char *kind, *revision, *title;
  GDate issued_on;

  local_id = check_uid (check, plan, path, "plan", 0, &local_state);
  load_plan_uids (check, local_id);
  check_integer (check, plan, path, "year", TRUE, KH_PLAN_YEAR_MIN, KH_PLAN_YEAR_MAX, &year);
  kind = check_string (check, plan, path, "kind", FALSE);
  revision = check_string (check, plan, path, "revision", FALSE);
  title = check_string (check, plan, path, "title", TRUE);
  check_string (check, plan, path, "intro", FALSE);
  check_string (check, plan, path, "closing", FALSE);
  check_name (check, plan, path, "signer", FALSE, check->signers, _("signer"));
  check_enum (check, plan, path, "authority", valid_authority);
  check_enum (check, plan, path, "state", valid_state);
  check_integer (check, plan, path, "number", FALSE, 1, G_MAXINT, &number);
  check_date (check, plan, path, "issued_on", FALSE, &issued_on);
  if (g_strcmp0 (kh_exchange_string_of (plan, "state"), "issued") == 0 && (number == 0 || !g_date_valid (&issued_on)))
    problem (check, path, _("an issued plan needs its number and issued_on"));
  check_strings (check, plan, path, "bases");
  check_strings (check, plan, path, "recipients");
  if (!kh_json_node_is_null (part_four) && kh_json_node_get_node_type (part_four) != KH_JSON_ARRAY &&
      kh_json_node_get_node_type (part_four) != KH_JSON_OBJECT)
    {
      g_autofree char *where = g_strdup_printf ("%s.part_four", path);
      problem (check, where, _("must be null, a list or an object"));
    }
  {
    g_autofree char *sections_path = g_strdup_printf ("%s.sections", path);
    sections = check_array (check, plan, path, "sections");
    check_sections (check, sections, sections_path, 1);
  }

  /* One plan per year, kind and revision, in the file and here. */
  if (year != 0 && title != NULL)
    {
      g_autofree char *clean_kind = kh_text_strip (kind != NULL && *kind ? kind : KH_PLAN_KIND_CCHC);
      g_autofree char *clean_revision = kh_text_strip (revision != NULL ? revision : "");

      key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%s", year, clean_kind, clean_revision);
      if (g_hash_table_contains (check->plan_keys, key))
        problem (check, path, _("the file has two plans for %d of the same kind and revision (see %s)"),
                 (int)year, (const char *)g_hash_table_lookup (check->plan_keys, key));
      else
        g_hash_table_insert (check->plan_keys, g_strdup (key), g_strdup (path));

      other = kh_store_find_plan (check->store, (int)year, clean_kind, clean_revision);
      if (other != 0 && other != local_id)
        problem (check, path,
                 _("this database already has another plan for %d%s%s; give the imported plan a revision name, or rename the revision here"),
                 (int)year, *clean_revision ? " – " : "", clean_revision);
    }

  tasks = check_array (check, plan, path, "tasks");
  for (guint i = 0; i < kh_json_node_get_length (tasks); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.tasks[%u]", path, i);
      KhJsonNode *task = check_object_at (check, tasks, i, where);
      const char *uid;

      if (task == NULL)
        continue;
      check_task (check, task, where, local_id);
      if ((uid = kh_exchange_string_or_null (task, "uid")) != NULL)
        g_hash_table_add (task_uids, (gpointer)uid);
    }

  results = check_array (check, plan, path, "results");
  for (guint i = 0; i < kh_json_node_get_length (results); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.results[%u]", path, i);
      KhJsonNode *result = check_object_at (check, results, i, where);

      if (result != NULL)
        check_result (check, result, where, local_id, task_uids);
    }

  reports = check_array (check, plan, path, "reports");
  for (guint i = 0; i < kh_json_node_get_length (reports); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.reports[%u]", path, i);
      KhJsonNode *report = check_object_at (check, reports, i, where);

      if (report != NULL)
        check_report (check, report, where, local_id);
    }
}

/* The lists: names must be unique and present; each name becomes known. */
static void
check_named_list (Check      *check,
                  KhJsonNode *root,
                  const char *name,
                  GHashTable *known,
                  gboolean    title_required)
{
  KhJsonNode *list = check_array (check, root, "", name);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < kh_json_node_get_length (list); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", name, i);
      KhJsonNode *object = check_object_at (check, list, i, where);
      const char *text;
      KhJsonNode *archived;

      if (object == NULL || !(text = check_string (check, object, where, "name", TRUE)))
        continue;
      if (title_required)
        check_string (check, object, where, "title", TRUE);
      else
        {
          check_string (check, object, where, "kind", FALSE);
          check_string (check, object, where, "unit", FALSE);
          check_string (check, object, where, "form", FALSE);
        }
      archived = kh_json_object_get_member (object, "archived");
      if (!kh_json_node_is_null (archived) && !kh_exchange_is_boolean (archived))
        {
          g_autofree char *archived_where = g_strdup_printf ("%s.archived", where);
          problem (check, archived_where, _("must be true or false"));
        }
      if (!g_hash_table_add (seen, kh_exchange_fold (text)))
        {
          g_autofree char *name_where = g_strdup_printf ("%s.name", where);
          problem (check, name_where, _("“%s” is listed twice"), text);
        }
      g_hash_table_add (known, kh_exchange_fold (text));
    }
}

static void
check_file (Check      *check,
            KhJsonNode *root)
{
  KhJsonNode *agency = kh_json_object_get_member (root, "agency");
  KhJsonNode *plans;

  add_local_names (check->store, "SELECT name FROM signer", check->signers);
  add_local_names (check->store, "SELECT name FROM department", check->departments);
  add_local_names (check->store, "SELECT name FROM indicator", check->indicators);

  if (!kh_json_node_is_null (agency))
    {
      if (kh_json_node_get_node_type (agency) != KH_JSON_OBJECT)
        problem (check, "agency", _("must be an object"));
      else
        {
          KhJsonNode *object = agency;
          gint64 cutoff;

          for (const char * const *name = (const char * const[]) {
                 "parent_name", "name", "short_name", "locality", "collective_name",
                 "abbreviation", "place", NULL };
               *name != NULL; name++)
            check_string (check, object, "agency", *name, FALSE);
          check_integer (check, object, "agency", "period_cutoff_day", FALSE, 0, 28, &cutoff);
        }
    }

  check_named_list (check, root, "signers", check->signers, TRUE);
  check_strings (check, root, "", "default_recipients");
  check_named_list (check, root, "departments", check->departments, FALSE);
  check_named_list (check, root, "indicators", check->indicators, FALSE);

  plans = check_array (check, root, "", "plans");
  for (guint i = 0; i < kh_json_node_get_length (plans); i++)
    {
      g_autofree char *where = g_strdup_printf ("plans[%u]", i);
      KhJsonNode *plan = check_object_at (check, plans, i, where);

      if (plan != NULL)
        check_plan (check, plan, where);
    }
}

/**
 * kh_exchange_check:
 * @store: the database the file is to be imported into
 * @root: the file's top object
 * @report: where the problems go
 *
 * Returns: %TRUE when the file has no problem
 */
gboolean
kh_exchange_check (KhStore        *store,
                   KhJsonNode     *root,
                   KhImportReport *report)
{
  g_autoptr(GHashTable) signers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) plan_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) known_texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_hash_table_unref);
  g_autoptr(GHashTable) plan_tasks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) plan_results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Check check = { store, report, signers, departments, indicators, uids, plan_keys, known_texts,
                  plan_tasks, plan_results };

  check_file (&check, root);
  return report->problems == NULL || report->problems->len == 0;
}
