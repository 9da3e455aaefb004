/* kh-bench-generate.c — a large database for the dashboard benchmark
 *
 *   kh-bench-generate DB
 *
 * Ten plans (2015–2024), each with 50 tasks across the departments and
 * 5,000 results spread over the year's days, departments and indicators,
 * all written through core (so every check of core runs), one
 * transaction per year. A fixed seed makes every database the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-plan.h"
#include "kh-result.h"
#include "kh-task.h"

#define FIRST_YEAR        2015
#define LAST_YEAR         2024
#define TASKS_PER_YEAR    50
#define RESULTS_PER_YEAR  5000
#define SEED              20240101

static const char * const departments[] = {
  "Văn phòng – Thống kê",
  "Văn hóa – Xã hội",
  "Tư pháp – Hộ tịch",
  "Đài truyền thanh",
  "Tài chính – Kế toán",
  "Địa chính – Xây dựng",
  "Công an phường",
  "Ủy ban MTTQ và các đoàn thể",
};

typedef struct
{
  gint64   id;
  gint64   lead;
  gint64   indicator;
} Task;

typedef struct
{
  KhStore *store;
  GRand   *rand;
  gint64   department_ids[G_N_ELEMENTS (departments)];
  GArray  *indicator_ids;   /* gint64 */
} Generator;

static void
random_date (Generator *generator,
             int        year,
             GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_JANUARY, year);
  g_date_add_days (date, g_rand_int_range (generator->rand, 0, g_date_is_leap_year (year) ? 366 : 365));
}

static gint64
random_indicator (Generator *generator)
{
  return g_array_index (generator->indicator_ids, gint64,
                        g_rand_int_range (generator->rand, 0, generator->indicator_ids->len));
}

static gboolean
set_up_agency (Generator  *generator,
               GError    **error)
{
  g_autoptr(KhAgency) agency = kh_agency_new ();
  g_autoptr(GPtrArray) indicators = NULL;

  g_free (agency->name);
  agency->name = g_strdup ("ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH");
  g_free (agency->abbreviation);
  agency->abbreviation = g_strdup ("UBND");
  /* The rest of the header, so that plans and reports can be exported. */
  g_free (agency->parent_name);
  agency->parent_name = g_strdup ("UBND THỊ XÃ ĐỨC PHỔ");
  g_free (agency->short_name);
  agency->short_name = g_strdup ("UBND phường Phổ Minh");
  g_free (agency->locality);
  agency->locality = g_strdup ("phường Phổ Minh");
  g_free (agency->collective_name);
  agency->collective_name = g_strdup ("ỦY BAN NHÂN DÂN");
  g_free (agency->place);
  agency->place = g_strdup ("Phổ Minh");
  if (!kh_store_save_agency (generator->store, agency, error) ||
      !kh_store_install_default_indicators (generator->store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    if (!(generator->department_ids[i] = kh_store_add_department (generator->store, departments[i],
                                                                  "", error)))
      return FALSE;

  if (!(indicators = kh_store_list_indicators (generator->store, FALSE, error)))
    return FALSE;
  for (guint i = 0; i < indicators->len; i++)
    g_array_append_val (generator->indicator_ids, ((KhIndicator *)indicators->pdata[i])->id);

  return TRUE;
}

/* Half the tasks have a target; a third are due by a date; some are done,
 * on time or late, some in progress. */
static gboolean
add_tasks (Generator  *generator,
           gint64      plan_id,
           int         year,
           Task       *tasks,
           GError    **error)
{
  for (guint i = 0; i < TASKS_PER_YEAR; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nhiệm vụ %u năm %d", i + 1, year);
      g_autoptr(KhTask) task = NULL;
      gint64 lead = generator->department_ids[i % G_N_ELEMENTS (departments)];

      task = kh_task_new (plan_id, title, lead);
      task->rhythm = (KhRhythm)(i % 4);
      if (task->rhythm == KH_RHYTHM_BY_DATE)
        random_date (generator, year, &task->deadline);
      if (i % 2 == 0)
        {
          task->indicator_id = random_indicator (generator);
          task->target = g_rand_int_range (generator->rand, 10, 200);
        }
      switch (g_rand_int_range (generator->rand, 0, 4))
        {
        case 0:
          task->status = KH_TASK_DONE;
          random_date (generator, year, &task->done_on);
          break;
        case 1:
          task->status = KH_TASK_IN_PROGRESS;
          break;
        default:
          task->status = KH_TASK_NOT_STARTED;
          break;
        }
      if (task->indicator_id == 0 && g_rand_boolean (generator->rand))
        task->manual_progress = g_rand_int_range (generator->rand, 0, 101);

      tasks[i].lead = lead;
      tasks[i].indicator = task->indicator_id;
      if (!(tasks[i].id = kh_store_add_task (generator->store, task, error)))
        return FALSE;
    }

  return TRUE;
}

/* Four results in five answer a task (by its lead, counting its
 * indicator when it has one); the rest are work outside the tasks. */
static gboolean
add_results (Generator   *generator,
             gint64       plan_id,
             int          year,
             const Task  *tasks,
             GError     **error)
{
  for (guint i = 0; i < RESULTS_PER_YEAR; i++)
    {
      g_autoptr(KhResult) result = kh_result_new (plan_id, 0, NULL, "Tuyên truyền cải cách hành chính");

      random_date (generator, year, &result->done_on);
      if (g_rand_int_range (generator->rand, 0, 5) > 0)
        {
          const Task *task = &tasks[g_rand_int_range (generator->rand, 0, TASKS_PER_YEAR)];

          result->task_id = task->id;
          result->department_id = task->lead;
          result->indicator_id = task->indicator != 0 ? task->indicator : random_indicator (generator);
        }
      else
        {
          result->department_id = generator->department_ids[g_rand_int_range (generator->rand, 0, G_N_ELEMENTS (departments))];
          result->indicator_id = g_rand_int_range (generator->rand, 0, 4) > 0 ? random_indicator (generator) : 0;
        }
      if (result->indicator_id != 0)
        result->quantity = g_rand_int_range (generator->rand, 1, 10);

      if (!kh_store_add_result (generator->store, result, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_year (Generator  *generator,
          int         year,
          GError    **error)
{
  g_autofree char *title = g_strdup_printf ("Tuyên truyền cải cách hành chính năm %d", year);
  g_autoptr(KhPlan) plan = kh_plan_new (year, title);
  Task tasks[TASKS_PER_YEAR];
  gint64 plan_id;

  if (!kh_store_begin (generator->store, error))
    return FALSE;

  if (!(plan_id = kh_store_create_plan (generator->store, plan, error)) ||
      !add_tasks (generator, plan_id, year, tasks, error) ||
      !add_results (generator, plan_id, year, tasks, error))
    {
      kh_store_rollback (generator->store);
      return FALSE;
    }

  return kh_store_commit (generator->store, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) indicator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(KhStore) store = NULL;
  Generator generator = { NULL, rand, { 0 }, indicator_ids };
  GStatBuf info;
  gint64 start;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("Usage: %s DB\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists: remove it first.\n", argv[1]);
      return EXIT_FAILURE;
    }

  start = g_get_monotonic_time ();
  store = kh_store_open (argv[1], &error);
  generator.store = store;
  if (store == NULL || !set_up_agency (&generator, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  for (int year = FIRST_YEAR; year <= LAST_YEAR; year++)
    if (!add_year (&generator, year, &error))
      {
        g_printerr ("%d: %s\n", year, error->message);
        return EXIT_FAILURE;
      }

  /* Fold the WAL into the file, so its size is the database's. */
  g_clear_object (&store);

  if (g_stat (argv[1], &info) != 0)
    info.st_size = 0;
  g_print ("generated %d plans, %d tasks, %d results in %.1f s; %s is %.1f MB\n",
           LAST_YEAR - FIRST_YEAR + 1, (LAST_YEAR - FIRST_YEAR + 1) * TASKS_PER_YEAR,
           (LAST_YEAR - FIRST_YEAR + 1) * RESULTS_PER_YEAR,
           (g_get_monotonic_time () - start) / 1e6, argv[1], info.st_size / 1e6);
  return EXIT_SUCCESS;
}
