/* kh-exchange-export.c — plans, tasks, results and reports as JSON
 *
 * Writes the exchange format (docs/exchange-format.md): the agency, its
 * lists, and each plan with everything that hangs from it, with names
 * in place of ids and a uid for every row that must keep its identity
 * in another database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kh-exchange-export.h"
#include "kh-exchange-private.h"

/* Numbers that hold a whole value are written as integers, so that a
 * file read back compares equal to the rows it came from. */
static void
add_number (JsonBuilder *builder,
            double       value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64)value);
  else
    json_builder_add_double_value (builder, value);
}

/* A column as a member: text stays text, NULL becomes null. */
static void
add_column (JsonBuilder *builder,
            const char  *name,
            KhStmt      *stmt,
            int          column)
{
  json_builder_set_member_name (builder, name);
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      json_builder_add_null_value (builder);
      break;
    case SQLITE_INTEGER:
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      add_number (builder, sqlite3_column_double (stmt, column));
      break;
    default:
      json_builder_add_string_value (builder, kh_stmt_column_text (stmt, column));
      break;
    }
}

static void
add_real_column (JsonBuilder *builder,
                 const char  *name,
                 KhStmt      *stmt,
                 int          column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    add_number (builder, sqlite3_column_double (stmt, column));
}

static gboolean
add_strings (KhStore      *store,
             JsonBuilder  *builder,
             const char   *name,
             const char   *sql,
             gint64        id,
             GError      **error)
{
  g_autoptr(KhStmt) stmt = kh_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_builder_add_string_value (builder, kh_stmt_column_text (stmt, 0));
  json_builder_end_array (builder);

  return rc == SQLITE_DONE || kh_store_set_error (store, rc, error);
}

/* Adds the member and the rows of a query whose first column is an id,
 * each written by node_func. */
static gboolean
add_children (KhStore      *store,
              JsonBuilder  *builder,
              const char   *name,
              const char   *sql,
              gint64        parent_id,
              JsonNode   *(*node_func) (KhStore *, gint64, GError **),
              GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  {
    g_autoptr(KhStmt) stmt = kh_store_prepare (store, sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, parent_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    if (rc != SQLITE_DONE)
      return kh_store_set_error (store, rc, error);
  }

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      JsonNode *node = node_func (store, g_array_index (ids, gint64, i), error);

      if (node == NULL)
        return FALSE;
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);

  return TRUE;
}

static gboolean
add_sections (KhStore      *store,
              JsonBuilder  *builder,
              gint64        plan_id,
              gint64        parent_id,
              guint         depth,
              GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  int rc;

  /* The schema allows any depth; a broken tree must not recurse forever. */
  if (depth > KH_EXCHANGE_MAX_DEPTH)
    return TRUE;

  {
    g_autoptr(KhStmt) stmt = kh_store_prepare (store,
                                               "SELECT id, heading, body, generated FROM plan_section"
                                               " WHERE plan_id = ?1 AND coalesce(parent_id, 0) = ?2"
                                               " ORDER BY position, id",
                                               error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, plan_id);
    sqlite3_bind_int64 (stmt, 2, parent_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        char **row = g_new0 (char *, 4);

        row[0] = g_strdup (kh_stmt_column_text (stmt, 1));
        row[1] = g_strdup (kh_stmt_column_text (stmt, 2));
        row[2] = g_strdup (kh_stmt_column_text (stmt, 3));
        g_array_append_val (ids, id);
        g_ptr_array_add (rows, row);
      }
    if (rc != SQLITE_DONE)
      return kh_store_set_error (store, rc, error);
  }

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      char **row = rows->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "heading");
      json_builder_add_string_value (builder, row[0]);
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, row[1]);
      json_builder_set_member_name (builder, "generated");
      json_builder_add_string_value (builder, row[2]);
      json_builder_set_member_name (builder, "children");
      if (!add_sections (store, builder, plan_id, g_array_index (ids, gint64, i), depth + 1, error))
        return FALSE;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

/* Only when another program changes the database while it is read. */
static JsonNode *
not_found (GError **error)
{
  g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                       _("The data changed while it was being exported. Export again."));
  return NULL;
}

JsonNode *
kh_exchange_task_node (KhStore  *store,
                       gint64    task_id,
                       GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT t.uid, t.title, t.description, d.name, t.rhythm, t.deadline,"
                           " i.name, t.target, t.status, t.done_on, t.manual_progress"
                           " FROM task t LEFT JOIN department d ON d.id = t.lead_department_id"
                           " LEFT JOIN indicator i ON i.id = t.indicator_id WHERE t.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return not_found (error);

  json_builder_begin_object (builder);
  add_column (builder, "uid", stmt, 0);
  add_column (builder, "title", stmt, 1);
  add_column (builder, "description", stmt, 2);
  add_column (builder, "lead", stmt, 3);
  if (!add_strings (store, builder, "support",
                    "SELECT d.name FROM task_support s JOIN department d ON d.id = s.department_id"
                    " WHERE s.task_id = ?1 ORDER BY d.position, d.id",
                    task_id, error))
    return NULL;
  add_column (builder, "rhythm", stmt, 4);
  add_column (builder, "deadline", stmt, 5);
  add_column (builder, "indicator", stmt, 6);
  add_real_column (builder, "target", stmt, 7);
  add_column (builder, "status", stmt, 8);
  add_column (builder, "done_on", stmt, 9);
  add_column (builder, "manual_progress", stmt, 10);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
kh_exchange_result_node (KhStore  *store,
                         gint64    result_id,
                         GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT r.uid, r.done_on, d.name, t.uid, i.name, r.quantity,"
                           " r.description, r.evidence"
                           " FROM result r JOIN department d ON d.id = r.department_id"
                           " LEFT JOIN task t ON t.id = r.task_id"
                           " LEFT JOIN indicator i ON i.id = r.indicator_id WHERE r.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, result_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return not_found (error);

  json_builder_begin_object (builder);
  add_column (builder, "uid", stmt, 0);
  add_column (builder, "date", stmt, 1);
  add_column (builder, "department", stmt, 2);
  add_column (builder, "task", stmt, 3);
  add_column (builder, "indicator", stmt, 4);
  add_real_column (builder, "quantity", stmt, 5);
  add_column (builder, "description", stmt, 6);
  add_column (builder, "evidence", stmt, 7);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
kh_exchange_report_node (KhStore  *store,
                         gint64    report_id,
                         GError  **error)
{
  static const char * const names[] = {
    "uid", "period", "start_on", "end_on", "title", "opening", "results_generated",
    "results_text", "favourable", "difficulties", "proposals", "direction", "closing",
    "with_table", "addressees", "signer", "authority", "state", "number", "issued_on",
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT r.uid, r.period, r.start_on, r.end_on, r.title, r.opening,"
                           " r.results_generated, r.results_text, r.favourable, r.difficulties,"
                           " r.proposals, r.direction, r.closing, r.with_table, r.addressees,"
                           " s.name, r.authority, r.state, r.number, r.issued_on"
                           " FROM report r LEFT JOIN signer s ON s.id = r.signer_id WHERE r.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return not_found (error);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (names[i], "with_table"))
        {
          json_builder_set_member_name (builder, names[i]);
          json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, (int)i) != 0);
        }
      else
        add_column (builder, names[i], stmt, (int)i);
    }
  if (!add_strings (store, builder, "recipients",
                    "SELECT text FROM report_recipient WHERE report_id = ?1 ORDER BY position, id",
                    report_id, error))
    return NULL;
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
kh_exchange_plan_node (KhStore   *store,
                       gint64     plan_id,
                       gboolean   with_children,
                       GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(KhStmt) stmt = NULL;
  const char *part_four;

  stmt = kh_store_prepare (store,
                           "SELECT p.uid, p.year, p.kind, p.revision, p.title, p.intro, p.closing,"
                           " s.name, p.authority, p.state, p.number, p.issued_on, p.part_four"
                           " FROM plan p LEFT JOIN signer s ON s.id = p.signer_id WHERE p.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return not_found (error);

  json_builder_begin_object (builder);
  add_column (builder, "uid", stmt, 0);
  add_column (builder, "year", stmt, 1);
  add_column (builder, "kind", stmt, 2);
  add_column (builder, "revision", stmt, 3);
  add_column (builder, "title", stmt, 4);
  add_column (builder, "intro", stmt, 5);
  add_column (builder, "closing", stmt, 6);
  add_column (builder, "signer", stmt, 7);
  add_column (builder, "authority", stmt, 8);
  add_column (builder, "state", stmt, 9);
  add_column (builder, "number", stmt, 10);
  add_column (builder, "issued_on", stmt, 11);

  if (!add_strings (store, builder, "bases",
                    "SELECT text FROM plan_basis WHERE plan_id = ?1 ORDER BY position, id",
                    plan_id, error) ||
      !add_strings (store, builder, "recipients",
                    "SELECT text FROM plan_recipient WHERE plan_id = ?1 ORDER BY position, id",
                    plan_id, error))
    return NULL;

  json_builder_set_member_name (builder, "sections");
  if (!add_sections (store, builder, plan_id, 0, 1, error))
    return NULL;

  /* Part IV as issued is JSON already (kh-part-four.c): embedded as it is. */
  json_builder_set_member_name (builder, "part_four");
  part_four = (const char *)sqlite3_column_text (stmt, 12);
  if (part_four == NULL)
    json_builder_add_null_value (builder);
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (json_parser_load_from_data (parser, part_four, -1, NULL) &&
          json_parser_get_root (parser) != NULL)
        json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
      else
        json_builder_add_null_value (builder);
    }

  if (with_children &&
      (!add_children (store, builder, "tasks",
                      "SELECT id FROM task WHERE plan_id = ?1 ORDER BY position, id",
                      plan_id, kh_exchange_task_node, error) ||
       !add_children (store, builder, "results",
                      "SELECT id FROM result WHERE plan_id = ?1 ORDER BY done_on, id",
                      plan_id, kh_exchange_result_node, error) ||
       !add_children (store, builder, "reports",
                      "SELECT id FROM report WHERE plan_id = ?1 ORDER BY start_on, end_on, id",
                      plan_id, kh_exchange_report_node, error)))
    return NULL;

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
add_agency (KhStore      *store,
            JsonBuilder  *builder,
            GError      **error)
{
  static const char * const names[] = {
    "parent_name", "name", "short_name", "locality", "collective_name",
    "abbreviation", "place", "period_cutoff_day",
  };
  g_autoptr(KhStmt) stmt = NULL;
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT parent_name, name, short_name, locality, collective_name,"
                           " abbreviation, place, period_cutoff_day FROM agency WHERE id = 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return kh_store_set_error (store, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  json_builder_set_member_name (builder, "agency");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_column (builder, names[i], stmt, (int)i);
  json_builder_end_object (builder);
  return TRUE;
}

/* signers, departments, indicators: the named columns of each row,
 * archived as a boolean. */
static gboolean
add_list (KhStore      *store,
          JsonBuilder  *builder,
          const char   *member,
          const char   *sql,
          const char * const *names,
          guint         n_names,
          GError      **error)
{
  g_autoptr(KhStmt) stmt = kh_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_names; i++)
        add_column (builder, names[i], stmt, (int)i);
      json_builder_set_member_name (builder, "archived");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, (int)n_names) != 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == SQLITE_DONE || kh_store_set_error (store, rc, error);
}

static char *
export (KhStore   *store,
        gint64     plan_id,
        int        year,
        GError   **error)
{
  static const char * const signer_names[] = { "name", "title" };
  static const char * const department_names[] = { "name", "kind" };
  static const char * const indicator_names[] = { "name", "unit", "form" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported_at = g_date_time_format_iso8601 (now);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  {
    g_autoptr(KhStmt) stmt = kh_store_prepare (store,
                                               "SELECT id FROM plan WHERE (?1 = 0 OR id = ?1)"
                                               " AND (?2 = 0 OR year = ?2)"
                                               " ORDER BY year, kind, revision, id",
                                               error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, plan_id);
    sqlite3_bind_int (stmt, 2, year);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    if (rc != SQLITE_DONE)
      {
        kh_store_set_error (store, rc, error);
        return NULL;
      }
  }

  if (plan_id != 0 && ids->len == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The plan to export is no longer in the database."));
      return NULL;
    }
  if (year != 0 && ids->len == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("There is no plan for %d to export."), year);
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, KH_EXCHANGE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, KH_EXCHANGE_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, exported_at);

  if (!add_agency (store, builder, error) ||
      !add_list (store, builder, "signers",
                 "SELECT name, title, archived FROM signer ORDER BY position, id",
                 signer_names, G_N_ELEMENTS (signer_names), error) ||
      !add_strings (store, builder, "default_recipients",
                    "SELECT text FROM default_recipient ORDER BY position, id", 0, error) ||
      !add_list (store, builder, "departments",
                 "SELECT name, kind, archived FROM department ORDER BY position, id",
                 department_names, G_N_ELEMENTS (department_names), error) ||
      !add_list (store, builder, "indicators",
                 "SELECT name, unit, form, archived FROM indicator ORDER BY position, id",
                 indicator_names, G_N_ELEMENTS (indicator_names), error))
    return NULL;

  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      JsonNode *node = kh_exchange_plan_node (store, g_array_index (ids, gint64, i), TRUE, error);

      if (node == NULL)
        return NULL;
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/**
 * kh_store_export_json:
 * @store: the database
 * @plan_id: the plan to export, or 0 for every plan
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the exchange file's text, or %NULL
 */
char *
kh_store_export_json (KhStore   *store,
                      gint64     plan_id,
                      GError   **error)
{
  return export (store, plan_id, 0, error);
}

/**
 * kh_store_export_json_year:
 * @store: the database
 * @year: the plans of this year (every revision), or 0 for every plan
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the exchange file's text, or %NULL; with a
 * year that has no plan, %KH_STORE_ERROR_NOT_FOUND
 */
char *
kh_store_export_json_year (KhStore   *store,
                           int        year,
                           GError   **error)
{
  return export (store, 0, year, error);
}

/**
 * kh_store_export_json_to_file:
 * @store: the database
 * @plan_id: one plan, or 0
 * @year: with @plan_id 0, the plans of this year, or 0 for every plan
 * @path: the file to write; replaced atomically
 * @error: return location for a #GError
 */
gboolean
kh_store_export_json_to_file (KhStore     *store,
                              gint64       plan_id,
                              int          year,
                              const char  *path,
                              GError     **error)
{
  g_autofree char *json = export (store, plan_id, plan_id != 0 ? 0 : year, error);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (json == NULL)
    return FALSE;

  /* g_file_set_contents() writes a temporary file and renames it. */
  if (!g_file_set_contents_full (path, json, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   _("The file “%s” could not be written (%s)."), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
