/* kh-crash-writer.c — applies edits through core until it is killed
 *
 * Usage: kh-crash-writer DATABASE SEED
 *
 * After each edit that core reports committed, prints one line
 *   <kind> <id> <n>
 * (kind: section, section-update, task, result; n: the number written
 * into the edit's text) and flushes it, so the harness knows exactly
 * what must survive a SIGKILL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "kh-department.h"
#include "kh-plan.h"
#include "kh-result.h"
#include "kh-section.h"
#include "kh-task.h"

static void
fail (const char *what,
      GError     *error)
{
  fprintf (stderr, "kh-crash-writer: %s: %s\n", what, error ? error->message : "?");
  exit (1);
}

static gint64
ensure_department (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kh_store_find_department (store, "Đài truyền thanh");

  if (id == 0 && (id = kh_store_add_department (store, "Đài truyền thanh", "radio", &error)) == 0)
    fail ("department", error);
  return id;
}

static gint64
ensure_plan (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = NULL;
  gint64 id = kh_store_find_plan (store, 2024, KH_PLAN_KIND_CCHC, "");

  if (id != 0)
    return id;

  plan = kh_plan_new (2024, "Tuyên truyền cải cách hành chính năm 2024");
  if ((id = kh_store_create_plan (store, plan, &error)) == 0)
    fail ("plan", error);
  return id;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GArray) sections = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 plan_id, department_id;
  GRand *rand;
  guint64 n;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: kh-crash-writer DATABASE SEED\n");
      return 2;
    }

  store = kh_store_open (argv[1], &error);
  if (store == NULL)
    fail ("open", error);

  department_id = ensure_department (store);
  plan_id = ensure_plan (store);
  rand = g_rand_new_with_seed ((guint32)g_ascii_strtoull (argv[2], NULL, 10));
  n = g_ascii_strtoull (argv[2], NULL, 10) * 1000000;

  for (;; n++)
    {
      g_autofree char *text = NULL;
      const char *kind;
      gint64 id = 0;

      switch (g_rand_int_range (rand, 0, sections->len > 0 ? 4 : 3))
        {
        case 0:
          {
            g_autoptr(KhSection) section = NULL;
            g_autofree char *heading = g_strdup_printf ("Mục %" G_GUINT64_FORMAT, n);

            text = g_strdup_printf ("Nội dung tuyên truyền %" G_GUINT64_FORMAT, n);
            section = kh_section_new (heading, text);
            id = kh_store_add_section (store, plan_id, 0, -1, section, &error);
            g_array_append_val (sections, id);
            kind = "section";
          }
          break;
        case 1:
          {
            g_autoptr(KhTask) task = NULL;

            text = g_strdup_printf ("Nhiệm vụ %" G_GUINT64_FORMAT, n);
            task = kh_task_new (plan_id, text, department_id);
            id = kh_store_add_task (store, task, &error);
            kind = "task";
          }
          break;
        case 2:
          {
            g_autoptr(KhResult) result = NULL;
            g_autoptr(GDate) date = g_date_new_dmy (1 + n % 28, 1 + n % 12, 2024);

            text = g_strdup_printf ("Kết quả %" G_GUINT64_FORMAT, n);
            result = kh_result_new (plan_id, department_id, date, text);
            id = kh_store_add_result (store, result, &error);
            kind = "result";
          }
          break;
        default:
          {
            gint64 section_id = g_array_index (sections, gint64,
                                               g_rand_int_range (rand, 0, sections->len));
            g_autofree char *heading = g_strdup_printf ("Mục sửa %" G_GUINT64_FORMAT, n);

            text = g_strdup_printf ("Sửa %" G_GUINT64_FORMAT, n);
            if (kh_store_update_section (store, section_id, heading, text, &error))
              id = section_id;
            kind = "section-update";
          }
          break;
        }

      if (id == 0)
        fail (kind, error);

      printf ("%s %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT "\n", kind, id, n);
      fflush (stdout);
    }
}
