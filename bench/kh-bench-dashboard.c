/* kh-bench-dashboard.c — how long the dashboard takes on a large database
 *
 *   kh-bench-dashboard [--explain] DB [N]
 *
 * Computes the dashboard of the 2024 plan for the year and for quý I,
 * N times each (100 by default), after one warm-up, and prints the
 * median and the 95th percentile in milliseconds; then the same for the
 * per-task progress list and the results page's year list. --explain
 * prints each statement that reads results with its query plan and how
 * many rows it stepped through in full-table scans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kh-dashboard.h"
#include "kh-plan.h"
#include "kh-progress-results.h"
#include "kh-progress.h"
#include "kh-store-private.h"

#define YEAR 2024

typedef gboolean (*Job) (KhStore *store, gint64 plan_id, const KhPeriod *period, GError **error);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static const GDate *
bench_today (void)
{
  static GDate today;

  /* A fixed day late in the year: most tasks are due, some overdue. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_NOVEMBER, YEAR);
  return &today;
}

static gboolean
run_dashboard (KhStore         *store,
               gint64           plan_id,
               const KhPeriod  *period,
               GError         **error)
{
  g_autoptr(KhDashboard) dashboard = kh_store_compute_dashboard (store, plan_id, period,
                                                                 bench_today (), error);

  return dashboard != NULL;
}

static gboolean
run_task_progress (KhStore         *store,
                   gint64           plan_id,
                   const KhPeriod  *period,
                   GError         **error)
{
  g_autoptr(GPtrArray) list = kh_store_list_task_progress (store, plan_id, bench_today (), error);

  return list != NULL;
}

static gboolean
run_results (KhStore         *store,
             gint64           plan_id,
             const KhPeriod  *period,
             GError         **error)
{
  g_autoptr(GPtrArray) list = kh_store_list_results_filtered (store, plan_id, period, 0, 0, 0, error);

  return list != NULL;
}

/* CPU time of this thread, in ms: what the figures cost, whatever else
 * the machine is doing (wall time is printed too). */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static gboolean
measure (const char      *name,
         Job              job,
         KhStore         *store,
         gint64           plan_id,
         const KhPeriod  *period,
         guint            n,
         GError         **error)
{
  g_autofree double *wall = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  guint p95 = MIN (n - 1, (guint)(n * 0.95));

  if (!job (store, plan_id, period, error))   /* warm-up: statements prepared, pages cached */
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      if (!job (store, plan_id, period, error))
        return FALSE;
      cpu[i] = cpu_ms () - cpu_start;
      wall[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (wall, n, sizeof *wall, compare_doubles);
  qsort (cpu, n, sizeof *cpu, compare_doubles);
  g_print ("%-30s wall: median %6.2f ms, p95 %6.2f ms   cpu: median %6.2f ms, p95 %6.2f ms\n",
           name, wall[n / 2], wall[p95], cpu[n / 2], cpu[p95]);
  return TRUE;
}

static void
explain (KhStore *store)
{
  sqlite3 *db = kh_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  while ((stmt = sqlite3_next_stmt (db, stmt)) != NULL)
    {
      g_autofree char *query = NULL;
      sqlite3_stmt *plan = NULL;
      const char *sql = sqlite3_sql (stmt);

      if (sql == NULL || strstr (sql, "result") == NULL || g_str_has_prefix (sql, "EXPLAIN"))
        continue;

      g_print ("\n%s\n  full-scan steps: %d, VM steps: %d\n", sql,
               sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE),
               sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, FALSE));
      query = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      if (sqlite3_prepare_v2 (db, query, -1, &plan, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (plan) == SQLITE_ROW)
        g_print ("  %s\n", (const char *)sqlite3_column_text (plan, 3));
      sqlite3_finalize (plan);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  gboolean with_explain = FALSE;
  KhPeriod year, q1;
  gint64 plan_id;
  guint n = 100;
  int arg = 1;

  setlocale (LC_ALL, "");

  if (arg < argc && strcmp (argv[arg], "--explain") == 0)
    {
      with_explain = TRUE;
      arg++;
    }
  if (arg >= argc)
    {
      g_printerr ("Usage: %s [--explain] DB [N]\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (arg + 1 < argc)
    n = MAX (1, atoi (argv[arg + 1]));

  store = kh_store_open (argv[arg], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  plan_id = kh_store_find_plan (store, YEAR, KH_PLAN_KIND_CCHC, "");
  if (plan_id == 0)
    {
      g_printerr ("%s has no plan for %d: make it with kh-bench-generate.\n", argv[arg], YEAR);
      return EXIT_FAILURE;
    }

  g_print ("%u runs each, after one warm-up\n", n);
  if (!kh_store_init_period (store, &year, KH_PERIOD_YEAR, YEAR, &error) ||
      !kh_store_init_period (store, &q1, KH_PERIOD_Q1, YEAR, &error) ||
      !measure ("dashboard, year 2024", run_dashboard, store, plan_id, &year, n, &error) ||
      !measure ("dashboard, quý I 2024", run_dashboard, store, plan_id, &q1, n, &error) ||
      !measure ("task progress list (50 tasks)", run_task_progress, store, plan_id, NULL, n, &error) ||
      !measure ("results list, year (5,000)", run_results, store, plan_id, &year, n, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (with_explain)
    explain (store);

  return EXIT_SUCCESS;
}
