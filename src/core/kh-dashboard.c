/* kh-dashboard.c — the leader's figures for a plan and a period
 *
 * Every figure is an SQL aggregate over indexed columns; C only copies
 * the aggregated rows (a few dozen) into the struct. The tasks' figures
 * share KH_TASK_STATE_CTE with kh-progress.c, so the dashboard and the
 * tasks page can never disagree.
 *
 * Tasks are shown as they stood on `as_of`: today, or the end of the
 * period when it ended before today — the dashboard of quý I seen in
 * April shows what was overdue on 31/3, as the quý I report says it.
 * Results are counted in the period; "cumulative" runs from the start
 * of the plan's year to the end of the period; months are those of the
 * plan's year, closed on the agency's cut-off day like the periods, so
 * the months of a quarter add up to the quarter.
 *
 * Nothing here keeps state outside the KhStore given: the GUI computes
 * the dashboard in a worker thread on a connection of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-dashboard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <time.h>

#include "kh-dashboard.h"
#include "kh-progress-private.h"
#include "kh-progress.h"
#include "kh-store-private.h"

static void
department_free (KhDashboardDepartment *department)
{
  g_free (department->name);
  g_free (department);
}

static void
indicator_free (KhDashboardIndicator *indicator)
{
  g_free (indicator->name);
  g_free (indicator->unit);
  g_free (indicator);
}

static void
task_free (KhDashboardTask *task)
{
  g_free (task->title);
  g_free (task->department_name);
  g_free (task);
}

void
kh_dashboard_free (KhDashboard *dashboard)
{
  if (dashboard == NULL)
    return;

  g_clear_pointer (&dashboard->departments, g_ptr_array_unref);
  g_clear_pointer (&dashboard->indicators, g_ptr_array_unref);
  g_clear_pointer (&dashboard->overdue, g_ptr_array_unref);
  g_clear_pointer (&dashboard->due_soon, g_ptr_array_unref);
  g_free (dashboard);
}

static KhDashboard *
dashboard_new (void)
{
  KhDashboard *dashboard = g_new0 (KhDashboard, 1);

  g_date_clear (&dashboard->today, 1);
  g_date_clear (&dashboard->as_of, 1);
  g_date_clear (&dashboard->year_start, 1);
  g_date_clear (&dashboard->year_end, 1);
  dashboard->departments = g_ptr_array_new_with_free_func ((GDestroyNotify)department_free);
  dashboard->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify)indicator_free);
  dashboard->overdue = g_ptr_array_new_with_free_func ((GDestroyNotify)task_free);
  dashboard->due_soon = g_ptr_array_new_with_free_func ((GDestroyNotify)task_free);
  return dashboard;
}

static gboolean
step_error (KhStore  *store,
            int       rc,
            GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  return kh_store_set_error (store, rc, error);
}

static int
read_cutoff_day (KhStore *store)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT period_cutoff_day FROM agency WHERE id = 1", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return CLAMP (sqlite3_column_int (stmt, 0), 0, 28);
}

/* A named period of `year`, closed on the agency's cut-off day. */
gboolean
kh_store_init_period (KhStore       *store,
                      KhPeriod      *period,
                      KhPeriodKind   kind,
                      int            year,
                      GError       **error)
{
  g_return_val_if_fail (KH_IS_STORE (store), FALSE);

  return kh_period_init (period, kind, year, read_cutoff_day (store), error);
}

static gboolean
load_plan (KhStore      *store,
           KhDashboard  *dashboard,
           GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  KhPeriod year;

  stmt = kh_store_prepare (store, "SELECT year FROM plan WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, dashboard->plan_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The plan no longer exists."));
      return FALSE;
    }
  dashboard->year = sqlite3_column_int (stmt, 0);

  dashboard->cutoff_day = read_cutoff_day (store);
  if (!kh_period_init (&year, KH_PERIOD_YEAR, dashboard->year, dashboard->cutoff_day, error))
    return FALSE;
  dashboard->year_start = year.start;
  dashboard->year_end = year.end;
  return TRUE;
}

/* The rows of the one statement that reads the tasks' figures. */
enum
{
  ROW_TOTALS,        /* the plan's tasks */
  ROW_DEPARTMENT,    /* a department's tasks and results */
  ROW_TASK,          /* a task overdue or due soon */
};

static void
read_totals (KhStmt      *stmt,
             KhDashboard *dashboard)
{
  dashboard->n_tasks = sqlite3_column_int (stmt, 3);
  dashboard->n_done = sqlite3_column_int (stmt, 4);
  dashboard->n_done_late = sqlite3_column_int (stmt, 5);
  dashboard->n_in_progress = sqlite3_column_int (stmt, 6);
  dashboard->n_overdue = sqlite3_column_int (stmt, 7);
  dashboard->n_not_started = sqlite3_column_int (stmt, 8);
  dashboard->n_done_on_time = dashboard->n_done - dashboard->n_done_late;
  dashboard->n_within_time = dashboard->n_in_progress + dashboard->n_not_started;
  dashboard->done_share = dashboard->n_tasks > 0
                          ? (double)dashboard->n_done / dashboard->n_tasks : 0.0;
}

static void
read_department (KhStmt      *stmt,
                 KhDashboard *dashboard)
{
  KhDashboardDepartment *department = g_new0 (KhDashboardDepartment, 1);

  department->department_id = sqlite3_column_int64 (stmt, 1);
  department->name = g_strdup (kh_stmt_column_text (stmt, 2));
  department->n_tasks = sqlite3_column_int (stmt, 3);
  department->done = sqlite3_column_int (stmt, 4);
  department->done_late = sqlite3_column_int (stmt, 5);
  department->in_progress = sqlite3_column_int (stmt, 6);
  department->overdue = sqlite3_column_int (stmt, 7);
  department->not_started = sqlite3_column_int (stmt, 8);
  department->n_results = sqlite3_column_int (stmt, 9);
  g_ptr_array_add (dashboard->departments, department);
}

static void
read_task (KhStmt      *stmt,
           KhDashboard *dashboard)
{
  KhDashboardTask *task = g_new0 (KhDashboardTask, 1);

  task->task_id = sqlite3_column_int64 (stmt, 1);
  task->title = g_strdup (kh_stmt_column_text (stmt, 2));
  task->department_id = sqlite3_column_int64 (stmt, 3);
  kh_stmt_column_date (stmt, 10, &task->due_on);
  task->progress = sqlite3_column_double (stmt, 11);
  task->department_name = g_strdup (kh_stmt_column_text (stmt, 12));
  g_ptr_array_add (sqlite3_column_int (stmt, 4) == KH_TASK_OVERDUE
                   ? dashboard->overdue : dashboard->due_soon,
                   task);
}

/* The totals, the departments (those that lead a task of the plan or
 * recorded a result in the period, in their order) and the tasks overdue
 * or due in the 14 days after as_of (earliest deadline first), in one
 * statement so that `state` — the running sums over the results — is
 * computed once (MATERIALIZED) rather than once per figure. Its rows:
 *
 *   0 kind  1 id  2 name  3 n_tasks | lead  4 done | category  5 late
 *   6 in_progress  7 overdue  8 not_started  9 n_results  10 due_on
 *   11 progress  12 lead's name  13–15 order within the kind
 */
static gboolean
load_tasks (KhStore      *store,
            KhDashboard  *dashboard,
            GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  GDate horizon = dashboard->as_of;
  int rc;

  g_date_add_days (&horizon, KH_DASHBOARD_DUE_SOON_DAYS);
  stmt = kh_store_prepare (store,
                           KH_TASK_STATE_CTE
                           ", tally AS ("
                           "  SELECT department_id AS id, count(*) AS n_tasks, sum(is_done) AS done,"
                           "   sum(category = 1) AS late, sum(category = 2 AND started) AS in_progress,"
                           "   sum(category = 3) AS overdue, sum(category = 2 AND NOT started) AS not_started"
                           "  FROM state GROUP BY department_id),"
                           " counted AS ("
                           "  SELECT department_id AS id, count(*) AS n FROM result"
                           "  WHERE plan_id = ?1 AND done_on BETWEEN ?3 AND ?4 GROUP BY department_id)"
                           "SELECT 0, 0, '', count(*), coalesce(sum(is_done), 0),"
                           " coalesce(sum(category = 1), 0), coalesce(sum(category = 2 AND started), 0),"
                           " coalesce(sum(category = 3), 0), coalesce(sum(category = 2 AND NOT started), 0),"
                           " 0, NULL, 0, '', 0, 0, 0"
                           " FROM state "
                           "UNION ALL "
                           "SELECT 1, d.id, d.name, coalesce(t.n_tasks, 0), coalesce(t.done, 0),"
                           " coalesce(t.late, 0), coalesce(t.in_progress, 0), coalesce(t.overdue, 0),"
                           " coalesce(t.not_started, 0), coalesce(c.n, 0), NULL, 0, '',"
                           " d.archived, d.position, d.id"
                           " FROM department d LEFT JOIN tally t ON t.id = d.id"
                           " LEFT JOIN counted c ON c.id = d.id"
                           " WHERE t.id IS NOT NULL OR c.id IS NOT NULL "
                           "UNION ALL "
                           "SELECT 2, s.id, s.title, coalesce(s.department_id, 0), s.category,"
                           " 0, 0, 0, 0, 0, s.due_on, s.progress, coalesce(d.name, ''),"
                           " s.due_on, s.position, s.id"
                           " FROM state s LEFT JOIN department d ON d.id = s.department_id"
                           " WHERE s.category = 3 OR (s.category = 2 AND s.due_on > ?2 AND s.due_on <= ?5) "
                           "ORDER BY 1, 14, 15, 16",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, dashboard->plan_id);
  kh_stmt_bind_date (stmt, 2, &dashboard->as_of);
  kh_stmt_bind_date (stmt, 3, &dashboard->period.start);
  kh_stmt_bind_date (stmt, 4, &dashboard->period.end);
  kh_stmt_bind_date (stmt, 5, &horizon);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      switch (sqlite3_column_int (stmt, 0))
        {
        case ROW_TOTALS:
          read_totals (stmt, dashboard);
          break;
        case ROW_DEPARTMENT:
          read_department (stmt, dashboard);
          break;
        case ROW_TASK:
          read_task (stmt, dashboard);
          break;
        default:
          g_warn_if_reached ();
          break;
        }
    }

  return step_error (store, rc, error);
}

/* The indicators with a target in the plan or a result in its year. */
static gboolean
load_indicators (KhStore      *store,
                 KhDashboard  *dashboard,
                 GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  int rc;

  stmt = kh_store_prepare (store,
                           "WITH r AS ("
                           "  SELECT indicator_id AS id,"
                           "   total(CASE WHEN done_on BETWEEN ?2 AND ?3 THEN quantity END) AS achieved,"
                           "   total(CASE WHEN done_on BETWEEN ?4 AND ?3 THEN quantity END) AS cumulative"
                           "  FROM result WHERE plan_id = ?1 AND indicator_id IS NOT NULL"
                           "   AND done_on BETWEEN min(?2, ?4) AND max(?3, ?5)"
                           "  GROUP BY indicator_id),"
                           " t AS ("
                           "  SELECT indicator_id AS id, total(target) AS target FROM task"
                           "  WHERE plan_id = ?1 AND indicator_id IS NOT NULL AND target > 0"
                           "  GROUP BY indicator_id)"
                           "SELECT i.id, i.name, i.unit, coalesce(r.achieved, 0),"
                           " coalesce(r.cumulative, 0), coalesce(t.target, 0)"
                           " FROM indicator i LEFT JOIN r ON r.id = i.id LEFT JOIN t ON t.id = i.id"
                           " WHERE r.id IS NOT NULL OR t.id IS NOT NULL"
                           " ORDER BY i.archived, i.position, i.id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, dashboard->plan_id);
  kh_stmt_bind_date (stmt, 2, &dashboard->period.start);
  kh_stmt_bind_date (stmt, 3, &dashboard->period.end);
  kh_stmt_bind_date (stmt, 4, &dashboard->year_start);
  kh_stmt_bind_date (stmt, 5, &dashboard->year_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KhDashboardIndicator *indicator = g_new0 (KhDashboardIndicator, 1);

      indicator->indicator_id = sqlite3_column_int64 (stmt, 0);
      indicator->name = g_strdup (kh_stmt_column_text (stmt, 1));
      indicator->unit = g_strdup (kh_stmt_column_text (stmt, 2));
      indicator->achieved = sqlite3_column_double (stmt, 3);
      indicator->cumulative = sqlite3_column_double (stmt, 4);
      indicator->target = sqlite3_column_double (stmt, 5);
      g_ptr_array_add (dashboard->indicators, indicator);
    }

  return step_error (store, rc, error);
}

static gboolean
load_period_count (KhStore      *store,
                   KhDashboard  *dashboard,
                   GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT count(*) FROM result"
                           " WHERE plan_id = ?1 AND done_on BETWEEN ?2 AND ?3",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, dashboard->plan_id);
  kh_stmt_bind_date (stmt, 2, &dashboard->period.start);
  kh_stmt_bind_date (stmt, 3, &dashboard->period.end);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return kh_store_set_error (store, rc, error);

  dashboard->n_results = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Results per month of the plan's year, per indicator. With a cut-off
 * day c, a day after the c-th belongs to the next month: with c = 14,
 * 14/3 is in March, 15/3 in April and 20/12 of the year before in
 * January. (Plain text arithmetic: strftime() costs a third more.) */
static gboolean
load_months (KhStore      *store,
             KhDashboard  *dashboard,
             GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  for (guint i = 0; i < dashboard->indicators->len; i++)
    {
      KhDashboardIndicator *indicator = dashboard->indicators->pdata[i];
      g_hash_table_insert (by_id, &indicator->indicator_id, indicator);
    }

  stmt = kh_store_prepare (store,
                           "SELECT (CAST(substr(done_on, 6, 2) AS INTEGER) - 1"
                           "        + (?4 > 0 AND CAST(substr(done_on, 9, 2) AS INTEGER) > ?4)) % 12"
                           "        AS month,"
                           " coalesce(indicator_id, 0), count(*), total(quantity)"
                           " FROM result WHERE plan_id = ?1 AND done_on BETWEEN ?2 AND ?3"
                           " GROUP BY month, indicator_id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, dashboard->plan_id);
  kh_stmt_bind_date (stmt, 2, &dashboard->year_start);
  kh_stmt_bind_date (stmt, 3, &dashboard->year_end);
  sqlite3_bind_int (stmt, 4, dashboard->cutoff_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = sqlite3_column_int (stmt, 0);
      gint64 indicator_id = sqlite3_column_int64 (stmt, 1);
      KhDashboardIndicator *indicator;

      if (month < 0 || month > 11)
        continue;
      dashboard->month_results[month] += sqlite3_column_int (stmt, 2);
      indicator = g_hash_table_lookup (by_id, &indicator_id);
      if (indicator != NULL)
        indicator->months[month] += sqlite3_column_double (stmt, 3);
    }

  return step_error (store, rc, error);
}

/* The plan's figures for `period` (NULL: the plan's year), as of `today`
 * (NULL: the real today). Safe to call in a worker thread on a KhStore
 * opened there. */
KhDashboard *
kh_store_compute_dashboard (KhStore         *store,
                            gint64           plan_id,
                            const KhPeriod  *period,
                            const GDate     *today,
                            GError         **error)
{
  g_autoptr(KhDashboard) dashboard = dashboard_new ();

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  dashboard->plan_id = plan_id;
  if (today != NULL && g_date_valid (today))
    dashboard->today = *today;
  else
    g_date_set_time_t (&dashboard->today, time (NULL));

  if (!load_plan (store, dashboard, error))
    return NULL;

  if (period != NULL)
    {
      if (!g_date_valid (&period->start) || !g_date_valid (&period->end) ||
          g_date_compare (&period->start, &period->end) > 0)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("The period must end on or after the day it starts."));
          return NULL;
        }
      dashboard->period = *period;
    }
  else
    {
      dashboard->period.kind = KH_PERIOD_YEAR;
      dashboard->period.year = dashboard->year;
      dashboard->period.start = dashboard->year_start;
      dashboard->period.end = dashboard->year_end;
    }

  dashboard->as_of = dashboard->today;
  if (g_date_compare (&dashboard->period.end, &dashboard->as_of) < 0)
    dashboard->as_of = dashboard->period.end;

  /* One read transaction: all figures see the same data even if another
   * connection records a result meanwhile. */
  if (sqlite3_exec (kh_store_get_db (store), "SAVEPOINT kh_dashboard", NULL, NULL, NULL) != SQLITE_OK)
    {
      kh_store_set_error (store, sqlite3_errcode (kh_store_get_db (store)), error);
      return NULL;
    }

  if (!load_tasks (store, dashboard, error) ||
      !load_indicators (store, dashboard, error) ||
      !load_period_count (store, dashboard, error) ||
      !load_months (store, dashboard, error))
    {
      sqlite3_exec (kh_store_get_db (store), "RELEASE kh_dashboard", NULL, NULL, NULL);
      return NULL;
    }

  sqlite3_exec (kh_store_get_db (store), "RELEASE kh_dashboard", NULL, NULL, NULL);
  return g_steal_pointer (&dashboard);
}
