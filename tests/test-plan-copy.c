/* test-plan-copy.c — a new plan from last year's, and revisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kh-demo.h"
#include "kh-department.h"
#include "kh-part-four.h"
#include "kh-plan-copy.h"
#include "kh-result.h"
#include "kh-store-private.h"
#include "kh-task.h"

#include "kh-test-store.h"

typedef struct
{
  char    *dir;
  KhStore *store;
  gint64   demo;    /* the issued 2024 plan */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = kh_test_store_new ("kh-plan-copy", &fixture->dir);
  g_assert_true (kh_demo_load (fixture->store, FALSE, &error));
  g_assert_no_error (error);
  fixture->demo = kh_store_find_plan (fixture->store, 2024, KH_PLAN_KIND_CCHC, "");
  g_assert_cmpint (fixture->demo, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kh_test_store_remove (&fixture->store, &fixture->dir);
}

/* Everything stored about a plan, to compare before and after. */
typedef struct
{
  KhPlan    *plan;
  KhPlan    *document;   /* with part IV */
  GPtrArray *tasks;
  GPtrArray *results;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  kh_plan_free (snapshot->plan);
  kh_plan_free (snapshot->document);
  g_ptr_array_unref (snapshot->tasks);
  g_ptr_array_unref (snapshot->results);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static Snapshot *
take_snapshot (KhStore *store,
               gint64   plan_id)
{
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->plan = kh_store_load_plan (store, plan_id, &error);
  g_assert_no_error (error);
  snapshot->document = kh_store_load_plan_for_document (store, plan_id, &error);
  g_assert_no_error (error);
  snapshot->tasks = kh_store_list_tasks (store, plan_id, 0, &error);
  g_assert_no_error (error);
  snapshot->results = kh_store_list_results (store, plan_id, NULL, NULL, &error);
  g_assert_no_error (error);
  return snapshot;
}

static void
assert_dates_equal (const GDate *a,
                    const GDate *b)
{
  g_assert_cmpint (g_date_valid (a), ==, g_date_valid (b));
  if (g_date_valid (a))
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

static void
assert_sections_equal (GPtrArray *a,
                       GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const KhSection *sa = a->pdata[i];
      const KhSection *sb = b->pdata[i];

      g_assert_cmpint (sa->id, ==, sb->id);
      g_assert_cmpint (sa->parent_id, ==, sb->parent_id);
      g_assert_cmpint (sa->position, ==, sb->position);
      g_assert_cmpstr (sa->heading, ==, sb->heading);
      g_assert_cmpstr (sa->body, ==, sb->body);
      g_assert_cmpstr (sa->generated, ==, sb->generated);
      assert_sections_equal (sa->children, sb->children);
    }
}

static void
assert_plans_equal (const KhPlan *a,
                    const KhPlan *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (a->year, ==, b->year);
  g_assert_cmpstr (a->kind, ==, b->kind);
  g_assert_cmpstr (a->revision, ==, b->revision);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->intro, ==, b->intro);
  g_assert_cmpstr (a->closing, ==, b->closing);
  g_assert_cmpint (a->signer_id, ==, b->signer_id);
  g_assert_cmpstr (a->authority, ==, b->authority);
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpint (a->number, ==, b->number);
  assert_dates_equal (&a->issued_on, &b->issued_on);
  g_assert_cmpint (a->source_plan_id, ==, b->source_plan_id);
  g_assert_cmpint (a->template_id, ==, b->template_id);
  g_assert_cmpstrv (a->bases, b->bases);
  g_assert_cmpstrv (a->recipients, b->recipients);
  assert_sections_equal (a->sections, b->sections);
}

static void
assert_supports_equal (const KhTask *a,
                       const KhTask *b)
{
  g_assert_cmpuint (a->support_ids->len, ==, b->support_ids->len);
  for (guint i = 0; i < a->support_ids->len; i++)
    g_assert_cmpint (g_array_index (a->support_ids, gint64, i), ==,
                     g_array_index (b->support_ids, gint64, i));
}

static void
assert_tasks_equal (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const KhTask *ta = a->pdata[i];
      const KhTask *tb = b->pdata[i];

      g_assert_cmpint (ta->id, ==, tb->id);
      g_assert_cmpint (ta->plan_id, ==, tb->plan_id);
      g_assert_cmpint (ta->position, ==, tb->position);
      g_assert_cmpstr (ta->title, ==, tb->title);
      g_assert_cmpstr (ta->description, ==, tb->description);
      g_assert_cmpint (ta->lead_department_id, ==, tb->lead_department_id);
      assert_supports_equal (ta, tb);
      g_assert_cmpint (ta->rhythm, ==, tb->rhythm);
      assert_dates_equal (&ta->deadline, &tb->deadline);
      g_assert_cmpint (ta->indicator_id, ==, tb->indicator_id);
      g_assert_cmpfloat (ta->target, ==, tb->target);
      g_assert_cmpint (ta->status, ==, tb->status);
      assert_dates_equal (&ta->done_on, &tb->done_on);
      g_assert_cmpint (ta->manual_progress, ==, tb->manual_progress);
    }
}

static void
assert_results_equal (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const KhResult *ra = a->pdata[i];
      const KhResult *rb = b->pdata[i];

      g_assert_cmpint (ra->id, ==, rb->id);
      g_assert_cmpint (ra->plan_id, ==, rb->plan_id);
      g_assert_cmpint (ra->department_id, ==, rb->department_id);
      g_assert_cmpint (ra->task_id, ==, rb->task_id);
      assert_dates_equal (&ra->done_on, &rb->done_on);
      g_assert_cmpint (ra->indicator_id, ==, rb->indicator_id);
      g_assert_cmpfloat (ra->quantity, ==, rb->quantity);
      g_assert_cmpstr (ra->description, ==, rb->description);
      g_assert_cmpstr (ra->evidence, ==, rb->evidence);
    }
}

static void
assert_snapshots_equal (const Snapshot *a,
                        const Snapshot *b)
{
  assert_plans_equal (a->plan, b->plan);
  assert_plans_equal (a->document, b->document);
  assert_tasks_equal (a->tasks, b->tasks);
  assert_results_equal (a->results, b->results);
}

static int
count_rows (KhStore    *store,
            const char *sql)
{
  g_autoptr(KhStmt) stmt = kh_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_replace_year (void)
{
  static const struct
  {
    const char *text;
    const char *moved;
  } cases[] = {
    { "Tuyên truyền cải cách hành chính năm 2024", "Tuyên truyền cải cách hành chính năm 2025" },
    { "năm 2024; năm 2024.", "năm 2025; năm 2025." },
    { "(2024)", "(2025)" },
    { "2024", "2025" },
    /* dates and document symbols */
    { "ngày 19/02/2024", "ngày 19/02/2024" },
    { "ngày 19.02.2024 và 19-02-2024", "ngày 19.02.2024 và 19-02-2024" },
    { "Nghị định số 61/2024/NĐ-CP", "Nghị định số 61/2024/NĐ-CP" },
    { "hạn 2024-03-31", "hạn 2024-03-31" },
    { "ngày 19 tháng 02 năm 2024, năm 2024", "ngày 19 tháng 02 năm 2024, năm 2025" },
    { "ngày 25 tháng 10 năm 2024", "ngày 25 tháng 10 năm 2024" },
    /* periods */
    { "giai đoạn 2021 – 2024", "giai đoạn 2021 – 2024" },
    { "giai đoạn 2024 - 2026", "giai đoạn 2024 - 2026" },
    { "năm học 2024-2025", "năm học 2024-2025" },
    { "2022—2024", "2022—2024" },
    /* other numbers */
    { "20245 và 12024", "20245 và 12024" },
    { "ISO 9001:2015, Luật 2018", "ISO 9001:2015, Luật 2018" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *moved = kh_text_replace_year (cases[i].text, 2024, "2025");

      g_assert_cmpstr (moved, ==, cases[i].moved);
    }
}

static void
test_copy_demo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Snapshot) before = take_snapshot (fixture->store, fixture->demo);
  g_autoptr(Snapshot) after = NULL;
  g_autoptr(Snapshot) copy = NULL;
  const KhSection *requirements;
  const KhSection *forms;
  gint64 id;

  g_assert_cmpint (before->plan->state, ==, KH_PLAN_STATE_ISSUED);
  g_assert_cmpuint (before->results->len, >, 0);

  id = kh_store_copy_plan (fixture->store, fixture->demo, 2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Nothing of the 2024 plan changed. */
  after = take_snapshot (fixture->store, fixture->demo);
  assert_snapshots_equal (before, after);

  copy = take_snapshot (fixture->store, id);
  g_assert_cmpint (copy->plan->year, ==, 2025);
  g_assert_cmpstr (copy->plan->kind, ==, before->plan->kind);
  g_assert_cmpstr (copy->plan->revision, ==, "");
  g_assert_cmpstr (copy->plan->title, ==, "Tuyên truyền cải cách hành chính năm 2025\nTrên địa bàn phường Phổ Minh");
  g_assert_cmpstr (copy->plan->intro, ==,
                   "UBND phường Phổ Minh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025 "
                   "trên địa bàn phường Phổ Minh như sau:");
  g_assert_true (g_str_has_prefix (copy->plan->closing, "Trên đây là kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2025 "));
  g_assert_cmpint (copy->plan->state, ==, KH_PLAN_STATE_DRAFT);
  g_assert_cmpint (copy->plan->number, ==, 0);
  g_assert_false (g_date_valid (&copy->plan->issued_on));
  g_assert_cmpint (copy->plan->source_plan_id, ==, fixture->demo);
  g_assert_cmpint (copy->plan->signer_id, ==, before->plan->signer_id);
  g_assert_cmpstr (copy->plan->authority, ==, before->plan->authority);
  /* The bases name real documents: the clerk replaces them. */
  g_assert_cmpstrv (copy->plan->bases, before->plan->bases);
  g_assert_cmpstrv (copy->plan->recipients, before->plan->recipients);
  g_assert_cmpuint (copy->results->len, ==, 0);

  /* The text, with the year moved where it is the plan's year. */
  g_assert_cmpuint (kh_sections_count (copy->plan->sections), ==, kh_sections_count (before->plan->sections));
  requirements = ((KhSection *)copy->plan->sections->pdata[0])->children->pdata[1];
  g_assert_nonnull (strstr (requirements->body, "kế hoạch cải cách hành chính năm 2025."));
  g_assert_null (strstr (requirements->body, "2024"));
  g_assert_nonnull (strstr (requirements->body, "giai đoạn 2021 – 2023, định hướng đến năm 2025"));
  g_assert_nonnull (strstr (requirements->body, "ngày 06/9/2023"));
  forms = copy->plan->sections->pdata[2];
  g_assert_cmpstr (forms->body, ==, ((KhSection *)before->plan->sections->pdata[2])->body);
  g_assert_true (kh_section_is_generated (copy->plan->sections->pdata[3]));

  /* Every task, a year later and not started. */
  g_assert_cmpuint (copy->tasks->len, ==, before->tasks->len);
  for (guint i = 0; i < copy->tasks->len; i++)
    {
      const KhTask *old = before->tasks->pdata[i];
      const KhTask *task = copy->tasks->pdata[i];

      g_assert_cmpint (task->plan_id, ==, id);
      g_assert_cmpint (task->position, ==, old->position);
      g_assert_cmpint (task->lead_department_id, ==, old->lead_department_id);
      assert_supports_equal (task, old);
      g_assert_cmpint (task->rhythm, ==, old->rhythm);
      g_assert_cmpint (task->indicator_id, ==, old->indicator_id);
      g_assert_cmpfloat (task->target, ==, old->target);
      g_assert_cmpint (task->status, ==, KH_TASK_NOT_STARTED);
      g_assert_false (g_date_valid (&task->done_on));
      g_assert_cmpint (task->manual_progress, ==, -1);
      g_assert_cmpint (g_date_valid (&task->deadline), ==, g_date_valid (&old->deadline));
      if (g_date_valid (&old->deadline))
        {
          g_assert_cmpint (g_date_get_year (&task->deadline), ==, g_date_get_year (&old->deadline) + 1);
          g_assert_cmpint (g_date_get_month (&task->deadline), ==, g_date_get_month (&old->deadline));
          g_assert_cmpint (g_date_get_day (&task->deadline), ==, g_date_get_day (&old->deadline));
        }
      if (strstr (old->description, "năm 2024") != NULL)
        g_assert_nonnull (strstr (task->description, "năm 2025"));
      else
        g_assert_cmpstr (task->description, ==, old->description);
    }
}

static void
test_leap_day (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhTask) task = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  const KhTask *moved;
  gint64 id;

  /* Tasks stay editable after the issue. */
  task = kh_task_new (fixture->demo, "Báo cáo ngày 29/02/2024", kh_store_find_department (fixture->store, "Văn hóa – Xã hội"));
  task->rhythm = KH_RHYTHM_BY_DATE;
  g_date_set_dmy (&task->deadline, 29, 2, 2024);
  g_assert_cmpint (kh_store_add_task (fixture->store, task, &error), >, 0);
  g_assert_no_error (error);

  id = kh_store_copy_plan (fixture->store, fixture->demo, 2025, "", &error);
  g_assert_no_error (error);
  tasks = kh_store_list_tasks (fixture->store, id, 0, &error);
  moved = tasks->pdata[tasks->len - 1];
  g_assert_cmpstr (moved->title, ==, "Báo cáo ngày 29/02/2024");
  g_assert_cmpint (g_date_get_day (&moved->deadline), ==, 28);
  g_assert_cmpint (g_date_get_month (&moved->deadline), ==, 2);
  g_assert_cmpint (g_date_get_year (&moved->deadline), ==, 2025);
}

static void
test_revision (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gint64 id, revision;

  id = kh_store_copy_plan (fixture->store, fixture->demo, 2025, "", &error);
  g_assert_no_error (error);

  /* The clerk is told which plan is there and what to do. */
  first = kh_store_suggest_revision_name (fixture->store, 2025, KH_PLAN_KIND_CCHC);
  g_assert_cmpstr (first, ==, "Điều chỉnh lần 1");
  g_assert_cmpint (kh_store_copy_plan (fixture->store, fixture->demo, 2025, "  ", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "The 2025 plan already exists"));
  g_assert_nonnull (strstr (error->message, "Tuyên truyền cải cách hành chính năm 2025 Trên địa bàn phường Phổ Minh"));
  g_assert_nonnull (strstr (error->message, "revision name"));
  g_assert_nonnull (strstr (error->message, "Điều chỉnh lần 1"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM plan WHERE year = 2025"), ==, 1);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id"
                                               " WHERE p.year = 2025"), ==, 16);

  revision = kh_store_copy_plan (fixture->store, id, 2025, first, &error);
  g_assert_no_error (error);
  plan = kh_store_load_plan (fixture->store, revision, &error);
  g_assert_cmpstr (plan->revision, ==, "Điều chỉnh lần 1");
  g_assert_cmpint (plan->source_plan_id, ==, id);
  second = kh_store_suggest_revision_name (fixture->store, 2025, KH_PLAN_KIND_CCHC);
  g_assert_cmpstr (second, ==, "Điều chỉnh lần 2");

  g_assert_cmpint (kh_store_copy_plan (fixture->store, id, 2025, "Điều chỉnh lần 1", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_copy_plan (fixture->store, 9999, 2026, "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_copy_plan (fixture->store, id, 2200, "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
}

static void
test_issued_revision (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Snapshot) before = take_snapshot (fixture->store, fixture->demo);
  g_autoptr(Snapshot) copy = NULL;
  g_autoptr(KhPlan) issued = NULL;
  gint64 id;
  GDate date;

  /* Issued as 18/KH-UBND: its own year needs a named revision. */
  g_assert_cmpint (kh_store_copy_plan (fixture->store, fixture->demo, 2024, "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "issued as number 18/KH-UBND"));
  g_clear_error (&error);

  id = kh_store_copy_plan (fixture->store, fixture->demo, 2024, "Điều chỉnh lần 1", &error);
  g_assert_no_error (error);
  copy = take_snapshot (fixture->store, id);
  g_assert_cmpint (copy->plan->state, ==, KH_PLAN_STATE_DRAFT);
  g_assert_cmpint (copy->plan->year, ==, 2024);
  g_assert_cmpstr (copy->plan->title, ==, before->plan->title);
  g_assert_cmpstr (copy->plan->intro, ==, before->plan->intro);
  for (guint i = 0; i < copy->tasks->len; i++)
    assert_dates_equal (&((KhTask *)copy->tasks->pdata[i])->deadline,
                        &((KhTask *)before->tasks->pdata[i])->deadline);

  /* The revision is a draft: its text can change. */
  g_assert_true (kh_store_update_section (fixture->store, ((KhSection *)copy->plan->sections->pdata[2])->id,
                                          "HÌNH THỨC TUYÊN TRUYỀN", "1. Trên Đài truyền thanh.", &error));
  g_assert_no_error (error);

  /* Issuing it: the number is unique in the year's register, and the
   * plan holding it is named. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, 7, 2024);
  g_assert_false (kh_store_issue_plan (fixture->store, id, 18, &date, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "18/KH-UBND"));
  g_assert_nonnull (strstr (error->message, "Kế hoạch Tuyên truyền cải cách hành chính năm 2024"));
  g_assert_nonnull (strstr (error->message, "19/02/2024"));
  g_clear_error (&error);
  g_assert_true (kh_store_issue_plan (fixture->store, id, 45, &date, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (fixture->store,
                               "SELECT count(*) FROM document_number WHERE year = 2024 AND doc_type = 'KH'"), ==, 2);
  g_assert_cmpint (count_rows (fixture->store,
                               "SELECT number FROM document_number WHERE doc_type = 'KH' AND plan_id ="
                               " (SELECT id FROM plan WHERE revision = 'Điều chỉnh lần 1')"), ==, 45);
  issued = kh_store_load_plan (fixture->store, id, &error);
  g_assert_cmpint (issued->state, ==, KH_PLAN_STATE_ISSUED);
  g_assert_cmpint (issued->number, ==, 45);

  /* A copy of an issued revision is a draft again. */
  g_assert_cmpint (kh_store_copy_plan (fixture->store, id, 2024, "Điều chỉnh lần 2", &error), >, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-copy/replace-year", test_replace_year);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-copy/demo", test_copy_demo);
  ADD ("/plan-copy/leap-day", test_leap_day);
  ADD ("/plan-copy/revision", test_revision);
  ADD ("/plan-copy/issued-revision", test_issued_revision);
#undef ADD

  return g_test_run ();
}
