/* progress-fixture.h — a small plan whose figures were counted by hand
 *
 * Shared by test-progress.c and test-dashboard.c. The plan of 2024 has
 * three departments, three indicators, nine tasks and twenty results;
 * the tests' comments give each figure's sum.
 *
 *   task  lead   rhythm     deadline    target         status (done_on)
 *   T1    VP     by_date    31/3        —              done (20/3)
 *   T2    VP     by_date    29/2        —              done (05/3)
 *   T3    VH     by_date    15/3        —              in progress
 *   T4    VH     by_date    20/4        —              not started
 *   T5    ĐTT    regular    —           12 chuyên mục  not started
 *   T6    VH     quarterly  —           20 tin bài     not started
 *   T7    VP     monthly    —           — (30% by hand) in progress
 *   T8    ĐTT    by_date    24/4        10 băng rôn    not started
 *   T9    VP     by_date    25/4        —              not started
 *
 *   result  date        dept  task  indicator      quantity
 *   R1      2024-01-15  ĐTT   T5    chuyên mục     3
 *   R2      2024-02-14  ĐTT   T5    chuyên mục     3
 *   R3      2024-03-14  ĐTT   T5    chuyên mục     6   (T5 reaches 12)
 *   R4      2024-03-15  ĐTT   T5    chuyên mục     2
 *   R5      2024-05-15  ĐTT   T5    chuyên mục     3
 *   R6      2024-01-10  VH    T6    tin bài        2
 *   R7      2024-02-20  VH    T6    tin bài        3
 *   R8      2024-03-31  VH    T6    tin bài        4
 *   R9      2024-06-14  VH    T6    tin bài        5
 *   R10     2024-03-01  ĐTT   T8    băng rôn       4
 *   R11     2024-04-01  ĐTT   T8    băng rôn       2
 *   R12     2024-04-12  ĐTT   T8    băng rôn       4   (T8 reaches 10)
 *   R13     2024-01-25  VH    —     tin bài        1
 *   R14     2024-02-05  VP    —     băng rôn       5
 *   R15     2024-03-14  VP    —     tin bài        2
 *   R16     2024-03-15  VP    —     tin bài        3
 *   R17     2024-02-14  VH    T3    —              —
 *   R18     2024-03-20  VP    T1    tin bài        1
 *   R19     2024-07-01  VP    T7    —              —
 *   R20     2023-12-20  VH    —     tin bài        2   (in 2024 only with a cut-off)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-test-store.h"

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-plan.h"
#include "kh-result.h"
#include "kh-task.h"

typedef struct
{
  char    *dir;
  KhStore *store;
  gint64   plan;
  gint64   office;     /* VP: Văn phòng – Thống kê */
  gint64   culture;    /* VH: Văn hóa – Xã hội */
  gint64   radio;      /* ĐTT: Đài truyền thanh */
  gint64   news;       /* Tin, bài */
  gint64   banner;     /* Băng rôn */
  gint64   programme;  /* Chuyên mục */
  gint64   tasks[10];  /* T1…T9 at 1…9 */
  gint64   results[21];/* R1…R20 at 1…20 */
} Fixture;

static inline GDate *
fixture_date (GDate *date,
              int    day,
              int    month,
              int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return date;
}

static inline gint64
fixture_add_task (Fixture      *fixture,
                  const char   *title,
                  gint64        lead,
                  KhRhythm      rhythm,
                  int           deadline_day,
                  int           deadline_month,
                  gint64        indicator,
                  double        target,
                  KhTaskStatus  status,
                  int           done_day,
                  int           done_month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhTask) task = kh_task_new (fixture->plan, title, lead);
  gint64 id;

  task->rhythm = rhythm;
  if (deadline_day > 0)
    fixture_date (&task->deadline, deadline_day, deadline_month, 2024);
  task->indicator_id = indicator;
  task->target = target;
  task->status = status;
  if (done_day > 0)
    fixture_date (&task->done_on, done_day, done_month, 2024);
  id = kh_store_add_task (fixture->store, task, &error);
  g_assert_no_error (error);
  return id;
}

static inline gint64
fixture_add_result (Fixture    *fixture,
                    const char *iso,
                    gint64      department,
                    int         task,
                    gint64      indicator,
                    double      quantity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhResult) result = kh_result_new (fixture->plan, department, NULL, "Tuyên truyền");
  gint64 id;
  int year, month, day;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &year, &month, &day), ==, 3);
  fixture_date (&result->done_on, day, month, year);
  result->task_id = task > 0 ? fixture->tasks[task] : 0;
  result->indicator_id = indicator;
  result->quantity = quantity;
  id = kh_store_add_result (fixture->store, result, &error);
  g_assert_no_error (error);
  return id;
}

static inline void
fixture_set_cutoff_day (Fixture *fixture,
                        int      day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAgency) agency = kh_store_load_agency (fixture->store, &error);

  g_assert_no_error (error);
  agency->period_cutoff_day = day;
  g_assert_true (kh_store_save_agency (fixture->store, agency, &error));
  g_assert_no_error (error);
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAgency) agency = kh_agency_new ();
  g_autoptr(KhPlan) plan = kh_plan_new (2024, "Tuyên truyền cải cách hành chính năm 2024");
  gint64 *r = fixture->results;

  fixture->store = kh_test_store_new ("kh-progress", &fixture->dir);

  g_free (agency->name);
  agency->name = g_strdup ("ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH");
  g_assert_true (kh_store_save_agency (fixture->store, agency, &error));
  fixture->office = kh_store_add_department (fixture->store, "Văn phòng – Thống kê", "office", &error);
  fixture->culture = kh_store_add_department (fixture->store, "Văn hóa – Xã hội", "culture", &error);
  fixture->radio = kh_store_add_department (fixture->store, "Đài truyền thanh", "radio", &error);
  fixture->news = kh_store_add_indicator (fixture->store, "Tin, bài", "tin bài", "đăng", &error);
  fixture->banner = kh_store_add_indicator (fixture->store, "Băng rôn", "băng rôn", "treo", &error);
  fixture->programme = kh_store_add_indicator (fixture->store, "Chuyên mục", "chuyên mục", "phát", &error);
  g_assert_no_error (error);
  fixture->plan = kh_store_create_plan (fixture->store, plan, &error);
  g_assert_no_error (error);

  fixture->tasks[1] = fixture_add_task (fixture, "Báo cáo quý I", fixture->office,
                                        KH_RHYTHM_BY_DATE, 31, 3, 0, 0, KH_TASK_DONE, 20, 3);
  fixture->tasks[2] = fixture_add_task (fixture, "Kế hoạch tuyên truyền", fixture->office,
                                        KH_RHYTHM_BY_DATE, 29, 2, 0, 0, KH_TASK_DONE, 5, 3);
  fixture->tasks[3] = fixture_add_task (fixture, "Hội nghị CCHC", fixture->culture,
                                        KH_RHYTHM_BY_DATE, 15, 3, 0, 0, KH_TASK_IN_PROGRESS, 0, 0);
  fixture->tasks[4] = fixture_add_task (fixture, "Cuộc thi tìm hiểu", fixture->culture,
                                        KH_RHYTHM_BY_DATE, 20, 4, 0, 0, KH_TASK_NOT_STARTED, 0, 0);
  fixture->tasks[5] = fixture_add_task (fixture, "Chuyên mục CCHC", fixture->radio,
                                        KH_RHYTHM_REGULAR, 0, 0, fixture->programme, 12,
                                        KH_TASK_NOT_STARTED, 0, 0);
  fixture->tasks[6] = fixture_add_task (fixture, "Tin bài trên trang", fixture->culture,
                                        KH_RHYTHM_QUARTERLY, 0, 0, fixture->news, 20,
                                        KH_TASK_NOT_STARTED, 0, 0);
  fixture->tasks[7] = fixture_add_task (fixture, "Niêm yết TTHC", fixture->office,
                                        KH_RHYTHM_MONTHLY, 0, 0, 0, 0, KH_TASK_IN_PROGRESS, 0, 0);
  fixture->tasks[8] = fixture_add_task (fixture, "Tuyên truyền trực quan", fixture->radio,
                                        KH_RHYTHM_BY_DATE, 24, 4, fixture->banner, 10,
                                        KH_TASK_NOT_STARTED, 0, 0);
  fixture->tasks[9] = fixture_add_task (fixture, "Tập huấn", fixture->office,
                                        KH_RHYTHM_BY_DATE, 25, 4, 0, 0, KH_TASK_NOT_STARTED, 0, 0);
  {
    g_autoptr(KhTask) t7 = kh_store_get_task (fixture->store, fixture->tasks[7], &error);

    g_assert_no_error (error);
    t7->manual_progress = 30;
    g_assert_true (kh_store_update_task (fixture->store, t7, &error));
    g_assert_no_error (error);
  }

  r[1] = fixture_add_result (fixture, "2024-01-15", fixture->radio, 5, fixture->programme, 3);
  r[2] = fixture_add_result (fixture, "2024-02-14", fixture->radio, 5, fixture->programme, 3);
  r[3] = fixture_add_result (fixture, "2024-03-14", fixture->radio, 5, fixture->programme, 6);
  r[4] = fixture_add_result (fixture, "2024-03-15", fixture->radio, 5, fixture->programme, 2);
  r[5] = fixture_add_result (fixture, "2024-05-15", fixture->radio, 5, fixture->programme, 3);
  r[6] = fixture_add_result (fixture, "2024-01-10", fixture->culture, 6, fixture->news, 2);
  r[7] = fixture_add_result (fixture, "2024-02-20", fixture->culture, 6, fixture->news, 3);
  r[8] = fixture_add_result (fixture, "2024-03-31", fixture->culture, 6, fixture->news, 4);
  r[9] = fixture_add_result (fixture, "2024-06-14", fixture->culture, 6, fixture->news, 5);
  r[10] = fixture_add_result (fixture, "2024-03-01", fixture->radio, 8, fixture->banner, 4);
  r[11] = fixture_add_result (fixture, "2024-04-01", fixture->radio, 8, fixture->banner, 2);
  r[12] = fixture_add_result (fixture, "2024-04-12", fixture->radio, 8, fixture->banner, 4);
  r[13] = fixture_add_result (fixture, "2024-01-25", fixture->culture, 0, fixture->news, 1);
  r[14] = fixture_add_result (fixture, "2024-02-05", fixture->office, 0, fixture->banner, 5);
  r[15] = fixture_add_result (fixture, "2024-03-14", fixture->office, 0, fixture->news, 2);
  r[16] = fixture_add_result (fixture, "2024-03-15", fixture->office, 0, fixture->news, 3);
  r[17] = fixture_add_result (fixture, "2024-02-14", fixture->culture, 3, 0, 0);
  r[18] = fixture_add_result (fixture, "2024-03-20", fixture->office, 1, fixture->news, 1);
  r[19] = fixture_add_result (fixture, "2024-07-01", fixture->office, 7, 0, 0);
  r[20] = fixture_add_result (fixture, "2023-12-20", fixture->culture, 0, fixture->news, 2);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kh_test_store_remove (&fixture->store, &fixture->dir);
}
