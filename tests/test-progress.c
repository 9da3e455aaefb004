/* test-progress.c — task progress, the four categories, the filtered results
 *
 * The dataset and its hand-counted figures: progress-fixture.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "progress-fixture.h"

#include "kh-progress-results.h"
#include "kh-progress.h"

static GPtrArray *
list_progress (Fixture *fixture,
               int      day,
               int      month,
               int      year)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list;
  GDate as_of;

  list = kh_store_list_task_progress (fixture->store, fixture->plan,
                                      fixture_date (&as_of, day, month, year), &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, 9);
  return list;
}

/* Tn of a list in the plan's order. */
static const KhTaskProgress *
task (GPtrArray *list,
      guint      n)
{
  return list->pdata[n - 1];
}

static void
assert_date (const GDate *date,
             int          day,
             int          month,
             int          year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, day);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_year (date), ==, year);
}

static void
test_due_date (void)
{
  g_autoptr(KhTask) task = kh_task_new (1, "Tin bài", 1);
  GDate due;

  task->rhythm = KH_RHYTHM_QUARTERLY;
  kh_task_due_date (task, 2024, &due);
  assert_date (&due, 31, 12, 2024);

  /* A date left on a task that is not by-date is not its deadline. */
  fixture_date (&task->deadline, 30, 6, 2024);
  kh_task_due_date (task, 2024, &due);
  assert_date (&due, 31, 12, 2024);

  task->rhythm = KH_RHYTHM_BY_DATE;
  kh_task_due_date (task, 2024, &due);
  assert_date (&due, 30, 6, 2024);

  g_assert_cmpstr (kh_task_category_to_string (KH_TASK_OVERDUE), ==, "overdue");
  g_assert_cmpstr (kh_task_category_get_label (KH_TASK_DONE_LATE), ==, "Done late");
}

/* 10/4/2024: the categories of every kind of task. */
static void
test_categories (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) list = list_progress (fixture, 10, 4, 2024);

  /* Marked done on 20/3, due 31/3; one result (R18). */
  g_assert_cmpint (task (list, 1)->category, ==, KH_TASK_DONE_ON_TIME);
  g_assert_true (task (list, 1)->done);
  assert_date (&task (list, 1)->done_on, 20, 3, 2024);
  g_assert_cmpfloat (task (list, 1)->progress, ==, 100);
  g_assert_cmpuint (task (list, 1)->n_results, ==, 1);

  /* Marked done on 5/3, due 29/2. */
  g_assert_cmpint (task (list, 2)->category, ==, KH_TASK_DONE_LATE);
  assert_date (&task (list, 2)->done_on, 5, 3, 2024);
  assert_date (&task (list, 2)->due_on, 29, 2, 2024);

  /* In progress, due 15/3: overdue; R17 counts nothing. */
  g_assert_cmpint (task (list, 3)->category, ==, KH_TASK_OVERDUE);
  g_assert_false (task (list, 3)->done);
  g_assert_false (g_date_valid (&task (list, 3)->done_on));
  g_assert_true (task (list, 3)->started);
  g_assert_cmpfloat (task (list, 3)->progress, ==, 0);
  g_assert_cmpuint (task (list, 3)->n_results, ==, 1);

  /* Not started, due 20/4. */
  g_assert_cmpint (task (list, 4)->category, ==, KH_TASK_WITHIN_TIME);
  g_assert_false (task (list, 4)->started);
  g_assert_cmpint (task (list, 4)->status, ==, KH_TASK_NOT_STARTED);

  /* Regular, 12 chuyên mục: 3 + 3 + 6 reach it with R3 on 14/3; R4
   * brings 14 by 10/4 (R5 is later); status still "not started". */
  g_assert_cmpint (task (list, 5)->category, ==, KH_TASK_DONE_ON_TIME);
  g_assert_true (task (list, 5)->done);
  assert_date (&task (list, 5)->done_on, 14, 3, 2024);
  assert_date (&task (list, 5)->due_on, 31, 12, 2024);
  g_assert_cmpfloat (task (list, 5)->achieved, ==, 14);
  g_assert_cmpfloat (task (list, 5)->target, ==, 12);
  g_assert_cmpfloat (task (list, 5)->progress, ==, 100);
  g_assert_cmpuint (task (list, 5)->n_results, ==, 4);
  g_assert_cmpint (task (list, 5)->status, ==, KH_TASK_NOT_STARTED);

  /* Quarterly, 20 tin bài: 2 + 3 + 4 = 9 by 10/4, 45%; started by its results. */
  g_assert_cmpint (task (list, 6)->category, ==, KH_TASK_WITHIN_TIME);
  g_assert_true (task (list, 6)->started);
  g_assert_cmpfloat (task (list, 6)->achieved, ==, 9);
  g_assert_cmpfloat (task (list, 6)->progress, ==, 45);

  /* Monthly, 30% by hand. */
  g_assert_cmpint (task (list, 7)->category, ==, KH_TASK_WITHIN_TIME);
  g_assert_cmpfloat (task (list, 7)->progress, ==, 30);
  g_assert_cmpuint (task (list, 7)->n_results, ==, 0);

  /* By 24/4, 10 băng rôn: 4 + 2 by 10/4; R12 on 12/4 is later. */
  g_assert_cmpint (task (list, 8)->category, ==, KH_TASK_WITHIN_TIME);
  g_assert_false (task (list, 8)->done);
  g_assert_cmpfloat (task (list, 8)->achieved, ==, 6);
  g_assert_cmpfloat (task (list, 8)->progress, ==, 60);

  g_assert_cmpint (task (list, 9)->category, ==, KH_TASK_WITHIN_TIME);
  g_assert_false (task (list, 9)->started);
}

/* The target reached, the deadline day itself, and the year's end. */
static void
test_categories_over_time (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) before = list_progress (fixture, 13, 3, 2024);
  g_autoptr(GPtrArray) on_deadline = list_progress (fixture, 15, 3, 2024);
  g_autoptr(GPtrArray) reached = list_progress (fixture, 12, 4, 2024);
  g_autoptr(GPtrArray) next_year = list_progress (fixture, 2, 1, 2025);

  /* T5 a day before R3: 6 of 12; T1 not yet done (done on 20/3). */
  g_assert_cmpint (task (before, 5)->category, ==, KH_TASK_WITHIN_TIME);
  g_assert_cmpfloat (task (before, 5)->progress, ==, 50);
  g_assert_false (task (before, 1)->done);
  g_assert_true (task (before, 1)->started);
  g_assert_cmpint (task (before, 1)->category, ==, KH_TASK_WITHIN_TIME);

  /* T3 on its deadline is still within time. */
  g_assert_cmpint (task (on_deadline, 3)->category, ==, KH_TASK_WITHIN_TIME);

  /* R12 brings T8 to 10 on 12/4, before its deadline. */
  g_assert_cmpint (task (reached, 8)->category, ==, KH_TASK_DONE_ON_TIME);
  assert_date (&task (reached, 8)->done_on, 12, 4, 2024);

  /* After 31/12 the regular tasks not done are overdue. */
  g_assert_cmpint (task (next_year, 6)->category, ==, KH_TASK_OVERDUE);
  g_assert_cmpfloat (task (next_year, 6)->progress, ==, 70);   /* 9 + 5 of 20 */
  g_assert_cmpint (task (next_year, 7)->category, ==, KH_TASK_OVERDUE);
  g_assert_cmpint (task (next_year, 5)->category, ==, KH_TASK_DONE_ON_TIME);
  g_assert_cmpint (task (next_year, 8)->category, ==, KH_TASK_DONE_ON_TIME);
}

/* The clerk's status and date win over the results'. */
static void
test_status_wins (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhTask) t8 = kh_store_get_task (fixture->store, fixture->tasks[8], &error);
  g_autoptr(KhTask) t4 = kh_store_get_task (fixture->store, fixture->tasks[4], &error);
  g_autoptr(KhTask) t6 = kh_store_get_task (fixture->store, fixture->tasks[6], &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) early = NULL;

  g_assert_no_error (error);

  /* Target reached on 12/4, but marked done on 2/5: late. */
  t8->status = KH_TASK_DONE;
  fixture_date (&t8->done_on, 2, 5, 2024);
  /* Done without a date: on time. */
  t4->status = KH_TASK_DONE;
  /* Done below its target (9 of 20): done, 100%. */
  t6->status = KH_TASK_DONE;
  fixture_date (&t6->done_on, 1, 4, 2024);
  g_assert_true (kh_store_update_task (fixture->store, t8, &error));
  g_assert_true (kh_store_update_task (fixture->store, t4, &error));
  g_assert_true (kh_store_update_task (fixture->store, t6, &error));
  g_assert_no_error (error);

  list = list_progress (fixture, 10, 5, 2024);
  g_assert_cmpint (task (list, 8)->category, ==, KH_TASK_DONE_LATE);
  assert_date (&task (list, 8)->done_on, 2, 5, 2024);
  g_assert_cmpint (task (list, 4)->category, ==, KH_TASK_DONE_ON_TIME);
  g_assert_false (g_date_valid (&task (list, 4)->done_on));
  g_assert_cmpint (task (list, 6)->category, ==, KH_TASK_DONE_ON_TIME);
  g_assert_cmpfloat (task (list, 6)->progress, ==, 100);
  g_assert_cmpfloat (task (list, 6)->achieved, ==, 9);

  /* On 20/4 T8 was not yet marked done, though its target was reached:
   * the clerk's later date says it was not finished. */
  early = list_progress (fixture, 20, 4, 2024);
  g_assert_false (task (early, 8)->done);
  g_assert_cmpint (task (early, 8)->category, ==, KH_TASK_WITHIN_TIME);
}

static void
assert_results (GPtrArray    *results,
                Fixture      *fixture,
                const int    *expected,
                guint         n_expected)
{
  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (((KhResult *)results->pdata[i])->id, ==, fixture->results[expected[i]]);
}

static void
test_results_filtered (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KhPeriod q1;
  GPtrArray *list;

  g_assert_true (kh_period_init (&q1, KH_PERIOD_Q1, 2024, 0, &error));

  /* Quý I, newest first; same-day results by id, newest first. */
  {
    static const int expected[] = { 8, 18, 16, 4, 15, 3, 10, 7, 17, 2, 14, 13, 1, 6 };
    list = kh_store_list_results_filtered (fixture->store, fixture->plan, &q1, 0, 0, 0, &error);
    g_assert_no_error (error);
    assert_results (list, fixture, expected, G_N_ELEMENTS (expected));
    g_ptr_array_unref (list);
  }
  {
    static const int expected[] = { 19, 18, 16, 15, 14 };
    list = kh_store_list_results_filtered (fixture->store, fixture->plan, NULL,
                                           fixture->office, 0, 0, &error);
    g_assert_no_error (error);
    assert_results (list, fixture, expected, G_N_ELEMENTS (expected));
    g_ptr_array_unref (list);
  }
  {
    static const int expected[] = { 5, 4, 3, 2, 1 };
    list = kh_store_list_results_filtered (fixture->store, fixture->plan, NULL,
                                           0, fixture->tasks[5], 0, &error);
    g_assert_no_error (error);
    assert_results (list, fixture, expected, G_N_ELEMENTS (expected));
    g_ptr_array_unref (list);
  }
  {
    static const int expected[] = { 16, 15, 14, 13, 20 };
    list = kh_store_list_results_filtered (fixture->store, fixture->plan, NULL,
                                           0, KH_RESULT_NO_TASK, 0, &error);
    g_assert_no_error (error);
    assert_results (list, fixture, expected, G_N_ELEMENTS (expected));
    g_ptr_array_unref (list);
  }
  {
    static const int expected[] = { 8, 18, 16, 15, 7, 13, 6 };
    list = kh_store_list_results_filtered (fixture->store, fixture->plan, &q1,
                                           0, 0, fixture->news, &error);
    g_assert_no_error (error);
    assert_results (list, fixture, expected, G_N_ELEMENTS (expected));
    g_ptr_array_unref (list);
  }
  {
    static const int expected[] = { 16, 15 };
    list = kh_store_list_results_filtered (fixture->store, fixture->plan, NULL, fixture->office,
                                           KH_RESULT_NO_TASK, fixture->news, &error);
    g_assert_no_error (error);
    assert_results (list, fixture, expected, G_N_ELEMENTS (expected));
    g_ptr_array_unref (list);
  }

  /* With a cut-off on the 14th, quý I runs 15/12/2023–14/3/2024:
   * R20 (20/12/2023) and R15 (14/3) are in it, R16 (15/3) is not. */
  {
    static const int expected[] = { 15, 14, 13, 20 };
    g_assert_true (kh_period_init (&q1, KH_PERIOD_Q1, 2024, 14, &error));
    list = kh_store_list_results_filtered (fixture->store, fixture->plan, &q1,
                                           0, KH_RESULT_NO_TASK, 0, &error);
    g_assert_no_error (error);
    assert_results (list, fixture, expected, G_N_ELEMENTS (expected));
    g_ptr_array_unref (list);
  }

  /* A filter nothing matches. */
  list = kh_store_list_results_filtered (fixture->store, fixture->plan, NULL,
                                         fixture->office, fixture->tasks[5], 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_ptr_array_unref (list);
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GPtrArray *
list_async (Fixture       *fixture,
            gint64         department_id,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kh_store_list_results_filtered_async (fixture->store, fixture->plan, NULL, department_id,
                                        0, fixture->news, cancellable, on_listed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return kh_store_list_results_filtered_finish (fixture->store, result, error);
}

/* The worker's list, on its own connection, is the same list; a cancelled
 * one says so; an empty plan has no results. */
static void
test_results_async (Fixture       *fixture,
                    gconstpointer  data)
{
  static const int office_news[] = { 18, 16, 15 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KhPlan) other = kh_plan_new (2025, "Tuyên truyền cải cách hành chính năm 2025");
  GPtrArray *list;
  gint64 other_id;

  /* Tin, bài: R6–R9, R13, R15, R16, R18, R20. */
  list = list_async (fixture, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 9);
  g_ptr_array_unref (list);

  list = list_async (fixture, fixture->office, NULL, &error);
  g_assert_no_error (error);
  assert_results (list, fixture, office_news, G_N_ELEMENTS (office_news));
  g_ptr_array_unref (list);

  g_cancellable_cancel (cancellable);
  list = list_async (fixture, 0, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (list);
  g_clear_error (&error);

  g_assert_true (kh_store_plan_has_results (fixture->store, fixture->plan, &error));
  g_assert_no_error (error);
  other_id = kh_store_create_plan (fixture->store, other, &error);
  g_assert_no_error (error);
  g_assert_false (kh_store_plan_has_results (fixture->store, other_id, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress/due-date", test_due_date);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/progress/categories", test_categories);
  ADD ("/progress/categories-over-time", test_categories_over_time);
  ADD ("/progress/status-wins", test_status_wins);
  ADD ("/progress/results-filtered", test_results_filtered);
  ADD ("/progress/results-async", test_results_async);
#undef ADD

  return g_test_run ();
}
