/* kh-progress-results.c — the results page's list, filtered
 *
 * The WHERE clause holds only the filters given, so each combination is
 * its own cached statement and SQLite picks the index that fits it
 * (plan and department, plan and indicator, task…) instead of one
 * catch-all plan for "(?4 IS NULL OR department_id = ?4)".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-progress"

#include "config.h"

#include "kh-progress-results.h"
#include "kh-result-private.h"
#include "kh-store-task.h"

/* The plan's results, newest first, in `period` (NULL: all), of one
 * department, task (KH_RESULT_NO_TASK: outside the tasks) and indicator
 * (0: any). */
GPtrArray *
kh_store_list_results_filtered (KhStore         *store,
                                gint64           plan_id,
                                const KhPeriod  *period,
                                gint64           department_id,
                                gint64           task_id,
                                gint64           indicator_id,
                                GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " KH_RESULT_COLUMNS " FROM result WHERE plan_id = ?1");
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_result_free);
  int rc;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  if (period != NULL)
    g_string_append (sql, " AND done_on BETWEEN ?2 AND ?3");
  if (department_id > 0)
    g_string_append (sql, " AND department_id = ?4");
  if (task_id == KH_RESULT_NO_TASK)
    g_string_append (sql, " AND task_id IS NULL");
  else if (task_id > 0)
    g_string_append (sql, " AND task_id = ?5");
  if (indicator_id > 0)
    g_string_append (sql, " AND indicator_id = ?6");
  g_string_append (sql, " ORDER BY done_on DESC, id DESC");

  stmt = kh_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (period != NULL)
    {
      kh_stmt_bind_date (stmt, 2, &period->start);
      kh_stmt_bind_date (stmt, 3, &period->end);
    }
  if (department_id > 0)
    sqlite3_bind_int64 (stmt, 4, department_id);
  if (task_id > 0)
    sqlite3_bind_int64 (stmt, 5, task_id);
  if (indicator_id > 0)
    sqlite3_bind_int64 (stmt, 6, indicator_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (results, kh_result_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&results);
}

/* Whether the plan has any result at all (FALSE with @error set when it
 * cannot be read). */
gboolean
kh_store_plan_has_results (KhStore  *store,
                           gint64    plan_id,
                           GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KH_IS_STORE (store), FALSE);

  stmt = kh_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM result WHERE plan_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      kh_store_set_error (store, rc, error);
      return FALSE;
    }
  return sqlite3_column_int (stmt, 0) != 0;
}

typedef struct
{
  gint64    plan_id;
  KhPeriod  period;
  gboolean  has_period;
  gint64    department_id;
  gint64    task_id;
  gint64    indicator_id;
} Query;

static void
query_free (gpointer data)
{
  g_free (data);
}

static gpointer
list_results (KhStore  *store,
              gpointer  data,
              GError  **error)
{
  Query *query = data;

  return kh_store_list_results_filtered (store, query->plan_id,
                                         query->has_period ? &query->period : NULL,
                                         query->department_id, query->task_id,
                                         query->indicator_id, error);
}

void
kh_store_list_results_filtered_async (KhStore             *store,
                                      gint64               plan_id,
                                      const KhPeriod      *period,
                                      gint64               department_id,
                                      gint64               task_id,
                                      gint64               indicator_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  g_return_if_fail (KH_IS_STORE (store));

  query = g_new0 (Query, 1);
  query->plan_id = plan_id;
  query->has_period = period != NULL;
  if (period != NULL)
    query->period = *period;
  query->department_id = department_id;
  query->task_id = task_id;
  query->indicator_id = indicator_id;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, kh_store_list_results_filtered_async);
  g_task_set_task_data (task, query, query_free);
  g_task_set_return_on_cancel (task, TRUE);
  kh_store_task_run_in_thread (task, kh_store_get_path (store), list_results,
                               (GDestroyNotify)g_ptr_array_unref);
}

GPtrArray *
kh_store_list_results_filtered_finish (KhStore       *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
