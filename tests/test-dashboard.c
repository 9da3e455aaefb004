/* test-dashboard.c — the leader's figures against numbers counted by hand
 *
 * The dataset and its hand-counted figures: progress-fixture.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "progress-fixture.h"

#include "kh-dashboard.h"
#include "kh-progress-results.h"
#include "kh-store-private.h"

static KhDashboard *
compute (Fixture      *fixture,
         KhPeriodKind  kind,
         int           today_day,
         int           today_month)
{
  g_autoptr(GError) error = NULL;
  KhDashboard *dashboard;
  KhPeriod period;
  GDate today;

  g_assert_true (kh_store_init_period (fixture->store, &period, kind, 2024, &error));
  g_assert_no_error (error);
  dashboard = kh_store_compute_dashboard (fixture->store, fixture->plan, &period,
                                          fixture_date (&today, today_day, today_month, 2024),
                                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (dashboard);
  return dashboard;
}

static void
assert_totals (const KhDashboard *dashboard,
               guint              on_time,
               guint              late,
               guint              in_progress,
               guint              not_started,
               guint              overdue)
{
  g_assert_cmpuint (dashboard->n_tasks, ==, 9);
  g_assert_cmpuint (dashboard->n_done_on_time, ==, on_time);
  g_assert_cmpuint (dashboard->n_done_late, ==, late);
  g_assert_cmpuint (dashboard->n_done, ==, on_time + late);
  g_assert_cmpuint (dashboard->n_in_progress, ==, in_progress);
  g_assert_cmpuint (dashboard->n_not_started, ==, not_started);
  g_assert_cmpuint (dashboard->n_within_time, ==, in_progress + not_started);
  g_assert_cmpuint (dashboard->n_overdue, ==, overdue);
  g_assert_cmpfloat_with_epsilon (dashboard->done_share, (on_time + late) / 9.0, 1e-9);
}

static void
assert_department (const KhDashboard *dashboard,
                   guint              index,
                   gint64             id,
                   guint              n_tasks,
                   guint              done,
                   guint              done_late,
                   guint              in_progress,
                   guint              overdue,
                   guint              not_started,
                   guint              n_results)
{
  const KhDashboardDepartment *department = dashboard->departments->pdata[index];

  g_assert_cmpint (department->department_id, ==, id);
  g_assert_cmpuint (department->n_tasks, ==, n_tasks);
  g_assert_cmpuint (department->done, ==, done);
  g_assert_cmpuint (department->done_late, ==, done_late);
  g_assert_cmpuint (department->in_progress, ==, in_progress);
  g_assert_cmpuint (department->overdue, ==, overdue);
  g_assert_cmpuint (department->not_started, ==, not_started);
  g_assert_cmpuint (department->n_results, ==, n_results);
}

static void
assert_indicator (const KhDashboard *dashboard,
                  guint              index,
                  gint64             id,
                  double             achieved,
                  double             cumulative,
                  double             target)
{
  const KhDashboardIndicator *indicator = dashboard->indicators->pdata[index];

  g_assert_cmpint (indicator->indicator_id, ==, id);
  g_assert_cmpfloat (indicator->achieved, ==, achieved);
  g_assert_cmpfloat (indicator->cumulative, ==, cumulative);
  g_assert_cmpfloat (indicator->target, ==, target);
}

static void
assert_tasks (GPtrArray     *list,
              Fixture       *fixture,
              const guint   *expected,
              guint          n_expected)
{
  g_assert_cmpuint (list->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (((KhDashboardTask *)list->pdata[i])->task_id, ==, fixture->tasks[expected[i]]);
}

/* The year 2024 seen on 10/4, calendar months. */
static void
test_year (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDashboard) dashboard = NULL;
  static const guint months[12] = { 3, 4, 7, 2, 1, 1, 1, 0, 0, 0, 0, 0 };
  static const guint overdue[] = { 3 };
  static const guint due_soon[] = { 4, 8 };
  const KhDashboardTask *t8;
  gint64 finance;

  /* A department with neither tasks nor results is left out. */
  finance = kh_store_add_department (fixture->store, "Tài chính – Kế toán", "finance", &error);
  g_assert_no_error (error);
  g_assert_cmpint (finance, >, 0);

  dashboard = compute (fixture, KH_PERIOD_YEAR, 10, 4);
  g_assert_cmpint (dashboard->year, ==, 2024);
  g_assert_cmpint (dashboard->cutoff_day, ==, 0);
  g_assert_cmpint (g_date_compare (&dashboard->as_of, &dashboard->today), ==, 0);

  /* On time T1 T5; late T2; in progress T6 T7 T8; not started T4 T9; overdue T3. */
  assert_totals (dashboard, 2, 1, 3, 2, 1);

  /* VP leads T1 T2 T7 T9 and recorded R14 R15 R16 R18 R19; VH leads T3
   * T4 T6 and recorded R6–R9 R13 R17 (R20 is in 2023); ĐTT leads T5 T8
   * and recorded R1–R5 R10–R12. */
  g_assert_cmpuint (dashboard->departments->len, ==, 3);
  assert_department (dashboard, 0, fixture->office, 4, 2, 1, 1, 0, 1, 5);
  assert_department (dashboard, 1, fixture->culture, 3, 0, 0, 1, 1, 1, 6);
  assert_department (dashboard, 2, fixture->radio, 2, 1, 0, 1, 0, 0, 8);
  g_assert_cmpstr (((KhDashboardDepartment *)dashboard->departments->pdata[2])->name, ==, "Đài truyền thanh");

  /* Tin bài 2+3+4+5+1+2+3+1 = 21 of 20; băng rôn 4+2+4+5 = 15 of 10;
   * chuyên mục 3+3+6+2+3 = 17 of 12. */
  g_assert_cmpuint (dashboard->indicators->len, ==, 3);
  assert_indicator (dashboard, 0, fixture->news, 21, 21, 20);
  assert_indicator (dashboard, 1, fixture->banner, 15, 15, 10);
  assert_indicator (dashboard, 2, fixture->programme, 17, 17, 12);
  g_assert_cmpstr (((KhDashboardIndicator *)dashboard->indicators->pdata[1])->unit, ==, "băng rôn");

  g_assert_cmpuint (dashboard->n_results, ==, 19);
  for (guint month = 0; month < 12; month++)
    g_assert_cmpuint (dashboard->month_results[month], ==, months[month]);
  {
    const KhDashboardIndicator *news = dashboard->indicators->pdata[0];
    static const double expected[12] = { 3, 3, 10, 0, 0, 5, 0, 0, 0, 0, 0, 0 };

    for (guint month = 0; month < 12; month++)
      g_assert_cmpfloat (news->months[month], ==, expected[month]);
  }

  /* T3 was due 15/3; T4 (20/4) and T8 (24/4) fall in the 14 days after
   * 10/4, T9 (25/4) does not. */
  assert_tasks (dashboard->overdue, fixture, overdue, G_N_ELEMENTS (overdue));
  assert_tasks (dashboard->due_soon, fixture, due_soon, G_N_ELEMENTS (due_soon));
  t8 = dashboard->due_soon->pdata[1];
  g_assert_cmpstr (t8->title, ==, "Tuyên truyền trực quan");
  g_assert_cmpint (t8->department_id, ==, fixture->radio);
  g_assert_cmpstr (t8->department_name, ==, "Đài truyền thanh");
  g_assert_cmpfloat (t8->progress, ==, 60);
  g_assert_cmpint (g_date_get_day (&t8->due_on), ==, 24);
}

/* Quý I seen on 10/4: tasks as they stood on 31/3. */
static void
test_quarter (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KhDashboard) q1 = compute (fixture, KH_PERIOD_Q1, 10, 4);
  g_autoptr(KhDashboard) q2 = compute (fixture, KH_PERIOD_Q2, 10, 4);
  static const guint overdue[] = { 3 };

  g_assert_cmpint (g_date_get_day (&q1->as_of), ==, 31);
  g_assert_cmpint (g_date_get_month (&q1->as_of), ==, 3);
  assert_totals (q1, 2, 1, 3, 2, 1);
  assert_tasks (q1->overdue, fixture, overdue, G_N_ELEMENTS (overdue));
  g_assert_cmpuint (q1->due_soon->len, ==, 0);   /* nothing due 1/4–14/4 */

  /* Quý I: R1–R4 R6–R8 R10 R13–R18. */
  g_assert_cmpuint (q1->n_results, ==, 14);
  assert_department (q1, 0, fixture->office, 4, 2, 1, 1, 0, 1, 4);
  assert_department (q1, 1, fixture->culture, 3, 0, 0, 1, 1, 1, 5);
  assert_department (q1, 2, fixture->radio, 2, 1, 0, 1, 0, 0, 5);
  /* Tin bài 2+3+4+1+2+3+1; băng rôn 4+5; chuyên mục 3+3+6+2. */
  assert_indicator (q1, 0, fixture->news, 16, 16, 20);
  assert_indicator (q1, 1, fixture->banner, 9, 9, 10);
  assert_indicator (q1, 2, fixture->programme, 14, 14, 12);

  /* Quý II (not over on 10/4): R5 R9 R11 R12; cumulative since 1/1. */
  g_assert_cmpint (g_date_get_day (&q2->as_of), ==, 10);
  g_assert_cmpuint (q2->n_results, ==, 4);
  assert_indicator (q2, 0, fixture->news, 5, 21, 20);
  assert_indicator (q2, 1, fixture->banner, 6, 15, 10);
  assert_indicator (q2, 2, fixture->programme, 3, 17, 12);
}

/* Periods closed on the 14th: quý I is 15/12/2023–14/3/2024, so R20
 * (20/12/2023) and R15 (14/3) are in it, R16 (15/3) in quý II. */
static void
test_cutoff (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KhDashboard) q1 = NULL;
  g_autoptr(KhDashboard) q2 = NULL;
  static const guint months[12] = { 2, 5, 4, 6, 0, 2, 1, 0, 0, 0, 0, 0 };
  static const guint due_soon[] = { 3 };
  guint q1_months = 0;

  fixture_set_cutoff_day (fixture, 14);
  q1 = compute (fixture, KH_PERIOD_Q1, 10, 4);
  q2 = compute (fixture, KH_PERIOD_Q2, 10, 4);

  g_assert_cmpint (q1->cutoff_day, ==, 14);
  g_assert_cmpint (g_date_get_day (&q1->year_start), ==, 15);
  g_assert_cmpint (g_date_get_year (&q1->year_start), ==, 2023);
  g_assert_cmpint (g_date_get_day (&q1->as_of), ==, 14);
  g_assert_cmpint (g_date_get_month (&q1->as_of), ==, 3);

  /* On 14/3: T5 just reached its target (R3), T2 done late; T1 (done
   * 20/3) and T3 (due 15/3) are still within time. */
  assert_totals (q1, 1, 1, 5, 2, 0);
  g_assert_cmpuint (q1->overdue->len, ==, 0);
  assert_tasks (q1->due_soon, fixture, due_soon, G_N_ELEMENTS (due_soon));

  /* R20 R1 R2 R3 R6 R7 R10 R13 R14 R15 R17. */
  g_assert_cmpuint (q1->n_results, ==, 11);
  assert_department (q1, 0, fixture->office, 4, 1, 1, 2, 0, 1, 2);
  assert_department (q1, 1, fixture->culture, 3, 0, 0, 2, 0, 1, 5);
  assert_department (q1, 2, fixture->radio, 2, 1, 0, 1, 0, 0, 4);
  /* Tin bài 2+2+3+1+2; băng rôn 4+5; chuyên mục 3+3+6. */
  assert_indicator (q1, 0, fixture->news, 10, 10, 20);
  assert_indicator (q1, 1, fixture->banner, 9, 9, 10);
  assert_indicator (q1, 2, fixture->programme, 12, 12, 12);

  /* Quý II 15/3–14/6: tin bài R8 R16 R18 R9 = 4+3+1+5. */
  assert_indicator (q2, 0, fixture->news, 13, 23, 20);
  assert_indicator (q2, 2, fixture->programme, 5, 17, 12);

  /* Months closed on the 14th: 14/3 in March, 15/3 in April; the
   * months of quý I add up to quý I. */
  for (guint month = 0; month < 12; month++)
    g_assert_cmpuint (q1->month_results[month], ==, months[month]);
  for (guint month = 0; month < 3; month++)
    q1_months += q1->month_results[month];
  g_assert_cmpuint (q1_months, ==, q1->n_results);
}

static void
test_department_order (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDashboard) dashboard = NULL;

  g_assert_true (kh_store_move_department (fixture->store, fixture->radio, 0, &error));
  g_assert_no_error (error);
  dashboard = compute (fixture, KH_PERIOD_YEAR, 10, 4);
  g_assert_cmpint (((KhDashboardDepartment *)dashboard->departments->pdata[0])->department_id,
                   ==, fixture->radio);
  g_assert_cmpint (((KhDashboardDepartment *)dashboard->departments->pdata[1])->department_id,
                   ==, fixture->office);
}

static void
test_chart_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KhDashboard) dashboard = compute (fixture, KH_PERIOD_Q1, 10, 4);
  g_autofree KhChartStackRow *stack = NULL;
  g_autofree KhChartProgressRow *cumulative = NULL;
  g_autofree KhChartProgressRow *in_period = NULL;
  cairo_surface_t *surface;
  KhChartStyle style = { FALSE, NULL };
  KhChartRect segments[4];
  double values[12];
  double rgb[3];
  guint n_rows = 0;
  cairo_t *cr;
  guint32 pixel;

  stack = kh_dashboard_stack_rows (dashboard, &n_rows);
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_cmpstr (stack[1].label, ==, "Văn hóa – Xã hội");
  g_assert_cmpuint (stack[0].done, ==, 2);
  g_assert_cmpuint (stack[0].in_progress, ==, 1);
  g_assert_cmpuint (stack[0].not_started, ==, 1);
  g_assert_cmpuint (stack[1].overdue, ==, 1);

  cumulative = kh_dashboard_progress_rows (dashboard, TRUE, &n_rows);
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_cmpstr (cumulative[2].label, ==, "Chuyên mục");
  g_assert_cmpstr (cumulative[2].unit, ==, "chuyên mục");
  g_assert_cmpfloat (cumulative[2].achieved, ==, 14);
  g_assert_cmpfloat (cumulative[2].target, ==, 12);

  g_clear_pointer (&dashboard, kh_dashboard_free);
  dashboard = compute (fixture, KH_PERIOD_Q2, 10, 4);
  in_period = kh_dashboard_progress_rows (dashboard, FALSE, &n_rows);
  g_assert_cmpfloat (in_period[0].achieved, ==, 5);
  g_assert_cmpfloat (in_period[0].target, ==, 20);

  kh_dashboard_month_values (dashboard, 0, values);
  g_assert_cmpfloat (values[2], ==, 7);
  kh_dashboard_month_values (dashboard, fixture->news, values);
  g_assert_cmpfloat (values[2], ==, 10);
  g_assert_cmpfloat (values[5], ==, 5);
  kh_dashboard_month_values (dashboard, 9999, values);
  g_assert_cmpfloat (values[2], ==, 0);

  /* Drawn, the office's bar starts green: its done segment. */
  g_clear_pointer (&stack, g_free);
  stack = kh_dashboard_stack_rows (dashboard, &n_rows);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600,
                                        (int)kh_chart_stack_height (&style, n_rows));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  kh_chart_draw_stack (cr, &style, 600, stack, n_rows);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  kh_chart_stack_segments (&style, 600, stack, n_rows, 0, segments);
  g_assert_cmpfloat (segments[0].width, >, 0);
  pixel = *(guint32 *)(cairo_image_surface_get_data (surface)
                       + (int)(segments[0].y + segments[0].height / 2) * cairo_image_surface_get_stride (surface)
                       + 4 * (int)(segments[0].x + segments[0].width / 2));
  kh_chart_get_color (&style, KH_CHART_COLOR_DONE, rgb);
  g_assert_cmpuint ((pixel >> 16) & 0xff, ==, (guint)(rgb[0] * 255 + 0.5));
  g_assert_cmpuint ((pixel >> 8) & 0xff, ==, (guint)(rgb[1] * 255 + 0.5));
  g_assert_cmpuint (pixel & 0xff, ==, (guint)(rgb[2] * 255 + 0.5));
  cairo_surface_destroy (surface);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDashboard) dashboard = NULL;
  KhPeriod backwards;
  GDate today;

  dashboard = kh_store_compute_dashboard (fixture->store, 4242, NULL, NULL, &error);
  g_assert_null (dashboard);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  memset (&backwards, 0, sizeof backwards);
  fixture_date (&backwards.start, 2, 3, 2024);
  fixture_date (&backwards.end, 1, 3, 2024);
  dashboard = kh_store_compute_dashboard (fixture->store, fixture->plan, &backwards, NULL, &error);
  g_assert_null (dashboard);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* No period: the plan's year. */
  dashboard = kh_store_compute_dashboard (fixture->store, fixture->plan, NULL,
                                          fixture_date (&today, 10, 4, 2024), &error);
  g_assert_no_error (error);
  g_assert_cmpint (dashboard->period.kind, ==, KH_PERIOD_YEAR);
  g_assert_cmpuint (dashboard->n_results, ==, 19);
}

/* A second connection, as the GUI's worker thread opens, sees the same. */
static gpointer
compute_in_thread (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (kh_store_get_path (fixture->store), &error);
  KhDashboard *dashboard;
  GDate today;

  g_assert_no_error (error);
  dashboard = kh_store_compute_dashboard (store, fixture->plan, NULL,
                                          fixture_date (&today, 10, 4, 2024), &error);
  g_assert_no_error (error);
  return dashboard;
}

static void
test_thread (Fixture       *fixture,
             gconstpointer  data)
{
  GThread *threads[2];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("dashboard", compute_in_thread, fixture);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(KhDashboard) dashboard = g_thread_join (threads[i]);

      assert_totals (dashboard, 2, 1, 3, 2, 1);
      g_assert_cmpuint (dashboard->n_results, ==, 19);
    }
}

/* Every statement that reads results finds them through an index: none
 * scans the whole table. The planner has no statistics (nothing runs
 * ANALYZE), so the plans here are those of a large database. */
static void
test_query_plans (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDashboard) dashboard = compute (fixture, KH_PERIOD_Q1, 10, 4);
  sqlite3 *db = kh_store_get_db (fixture->store);
  KhPeriod q1 = dashboard->period;
  guint n_checked = 0;
  sqlite3_stmt *stmt = NULL;

  for (int filters = 0; filters < 16; filters++)
    {
      g_autoptr(GPtrArray) list =
        kh_store_list_results_filtered (fixture->store, fixture->plan,
                                        (filters & 1) ? &q1 : NULL,
                                        (filters & 2) ? fixture->office : 0,
                                        (filters & 4) ? fixture->tasks[5] : ((filters & 8) ? KH_RESULT_NO_TASK : 0),
                                        (filters & 8) ? fixture->news : 0,
                                        &error);
      g_assert_no_error (error);
      g_assert_nonnull (list);
    }

  while ((stmt = sqlite3_next_stmt (db, stmt)) != NULL)
    {
      g_autofree char *explain = NULL;
      sqlite3_stmt *plan = NULL;
      const char *sql = sqlite3_sql (stmt);

      if (sql == NULL || strstr (sql, "result") == NULL || strncmp (sql, "EXPLAIN", 7) == 0)
        continue;

      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &plan, NULL), ==, SQLITE_OK);
      while (sqlite3_step (plan) == SQLITE_ROW)
        {
          const char *detail = (const char *)sqlite3_column_text (plan, 3);

          if (g_str_has_prefix (detail, "SCAN result") || g_str_has_prefix (detail, "SCAN r ") ||
              g_strcmp0 (detail, "SCAN r") == 0)
            g_error ("A full scan of the results: %s\nin %s", detail, sql);
        }
      sqlite3_finalize (plan);
      n_checked++;
    }

  /* The dashboard's statements on results and the filtered lists. */
  g_assert_cmpuint (n_checked, >=, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/dashboard/year", test_year);
  ADD ("/dashboard/quarter", test_quarter);
  ADD ("/dashboard/cutoff", test_cutoff);
  ADD ("/dashboard/department-order", test_department_order);
  ADD ("/dashboard/chart-rows", test_chart_rows);
  ADD ("/dashboard/errors", test_errors);
  ADD ("/dashboard/thread", test_thread);
  ADD ("/dashboard/query-plans", test_query_plans);
#undef ADD

  return g_test_run ();
}
