/* test-template.c — templates: built-in, instantiated, saved from a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kh-agency.h"
#include "kh-demo.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-part-four.h"
#include "kh-plan-new.h"
#include "kh-task.h"
#include "kh-template.h"

#include "kh-test-store.h"

typedef struct
{
  char    *dir;
  KhStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = kh_test_store_new ("kh-template", &fixture->dir);
  g_assert_true (kh_store_install_builtin_templates (fixture->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kh_test_store_remove (&fixture->store, &fixture->dir);
}

static void
load_demo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kh_demo_load (fixture->store, FALSE, &error));
  g_assert_no_error (error);
}

static gint64
builtin_id (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = kh_store_list_templates (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >=, 1);
  g_assert_true (((KhTemplate *)templates->pdata[0])->builtin);
  return ((KhTemplate *)templates->pdata[0])->id;
}

static gint64
demo_plan_id (KhStore *store)
{
  gint64 id = kh_store_find_plan (store, 2024, KH_PLAN_KIND_CCHC, "");

  g_assert_cmpint (id, >, 0);
  return id;
}

/* Every text of a plan and its tasks, for checks on all of them. */
static void
collect_sections (GPtrArray *sections,
                  GPtrArray *texts)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const KhSection *section = sections->pdata[i];

      g_ptr_array_add (texts, g_strdup (section->heading));
      g_ptr_array_add (texts, g_strdup (section->body));
      collect_sections (section->children, texts);
    }
}

static GPtrArray *
plan_texts (KhStore *store,
            gint64   plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = kh_store_load_plan_for_document (store, plan_id, &error);
  g_autoptr(GPtrArray) tasks = kh_store_list_tasks (store, plan_id, 0, &error);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_ptr_array_add (texts, g_strdup (plan->title));
  g_ptr_array_add (texts, g_strdup (plan->intro));
  g_ptr_array_add (texts, g_strdup (plan->closing));
  for (guint i = 0; plan->bases[i] != NULL; i++)
    g_ptr_array_add (texts, g_strdup (plan->bases[i]));
  for (guint i = 0; plan->recipients[i] != NULL; i++)
    g_ptr_array_add (texts, g_strdup (plan->recipients[i]));
  collect_sections (plan->sections, texts);
  for (guint i = 0; i < tasks->len; i++)
    {
      const KhTask *task = tasks->pdata[i];

      g_ptr_array_add (texts, g_strdup (task->title));
      g_ptr_array_add (texts, g_strdup (task->description));
    }
  return texts;
}

static void
assert_nowhere (KhStore    *store,
                gint64      plan_id,
                const char *needle)
{
  g_autoptr(GPtrArray) texts = plan_texts (store, plan_id);

  for (guint i = 0; i < texts->len; i++)
    if (strstr (texts->pdata[i], needle) != NULL)
      g_error ("“%s” is still in “%s”", needle, (char *)texts->pdata[i]);
}

static const KhTask *
find_task (GPtrArray  *tasks,
           const char *title)
{
  for (guint i = 0; i < tasks->len; i++)
    if (g_strcmp0 (((KhTask *)tasks->pdata[i])->title, title) == 0)
      return tasks->pdata[i];

  g_error ("No task “%s”", title);
  return NULL;
}

static void
test_install (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *display = NULL;
  KhTemplate *builtin;
  gint64 id = builtin_id (fixture->store);

  /* Once, however often the app starts; a renamed one keeps its name. */
  g_assert_true (kh_store_rename_template (fixture->store, id, "Mẫu kế hoạch CCHC {year}", &error));
  g_assert_no_error (error);
  g_assert_true (kh_store_install_builtin_templates (fixture->store, &error));
  g_assert_true (kh_store_install_builtin_templates (fixture->store, &error));
  g_assert_no_error (error);

  templates = kh_store_list_templates (fixture->store, &error);
  g_assert_cmpuint (templates->len, ==, 1);
  builtin = templates->pdata[0];
  g_assert_cmpint (builtin->id, ==, id);
  g_assert_true (builtin->builtin);
  g_assert_cmpstr (builtin->name, ==, "Mẫu kế hoạch CCHC {year}");
  g_assert_cmpstr (builtin->doc_type, ==, "KH");
  g_assert_cmpstr (builtin->kind, ==, KH_PLAN_KIND_CCHC);
  display = kh_template_display_name (builtin, 2025);
  g_assert_cmpstr (display, ==, "Mẫu kế hoạch CCHC 2025");
}

static void
test_instantiate (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(KhSigner) signer = NULL;
  g_autoptr(KhDepartment) lead = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_auto(GStrv) skipped = NULL;
  g_auto(GStrv) again = NULL;
  const KhTask *task;
  const KhSection *part4;
  gint64 id, revision;
  GDate date;

  load_demo (fixture);
  id = kh_store_create_plan_from_template (fixture->store, builtin_id (fixture->store), 2025,
                                           "", &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (skipped);
  g_assert_cmpuint (g_strv_length (skipped), ==, 0);

  /* Every placeholder is filled, everywhere. */
  texts = plan_texts (fixture->store, id);
  g_assert_cmpuint (texts->len, >, 40);
  for (guint i = 0; i < texts->len; i++)
    if (strchr (texts->pdata[i], '{') != NULL || strchr (texts->pdata[i], '}') != NULL)
      g_error ("A placeholder is left in “%s”", (char *)texts->pdata[i]);

  plan = kh_store_load_plan (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->year, ==, 2025);
  g_assert_cmpstr (plan->kind, ==, KH_PLAN_KIND_CCHC);
  g_assert_cmpint (plan->state, ==, KH_PLAN_STATE_DRAFT);
  g_assert_cmpint (plan->template_id, ==, builtin_id (fixture->store));
  g_assert_cmpstr (plan->title, ==, "Tuyên truyền cải cách hành chính năm 2025\nTrên địa bàn phường Phổ Minh");
  g_assert_cmpstr (plan->intro, ==,
                   "UBND phường Phổ Minh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025 "
                   "trên địa bàn phường Phổ Minh như sau:");
  g_assert_nonnull (strstr (plan->closing, "năm 2025 của UBND phường Phổ Minh"));
  g_assert_cmpuint (g_strv_length (plan->bases), ==, 2);
  g_assert_nonnull (strstr (plan->bases[0], "…/…/2024 của UBND phường Phổ Minh"));
  g_assert_nonnull (strstr (plan->bases[1], "của UBND thị xã Đức Phổ"));
  /* The template's own recipients. */
  g_assert_cmpstr (plan->recipients[0], ==, "UBND thị xã Đức Phổ");
  g_assert_cmpstr (plan->recipients[2], ==, "CT, PCT UBND phường");
  g_assert_cmpstr (plan->recipients[g_strv_length (plan->recipients) - 1], ==, "Lưu: VT");

  /* The first signer, for the committee. */
  signer = kh_store_get_signer (fixture->store, plan->signer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signer->name, ==, "Lê Duy Bảo");
  g_assert_cmpstr (plan->authority, ==, "TM.");

  g_assert_cmpuint (plan->sections->len, ==, 4);
  part4 = plan->sections->pdata[3];
  g_assert_cmpstr (part4->heading, ==, "TỔ CHỨC THỰC HIỆN");
  g_assert_true (kh_section_is_generated (part4));
  g_assert_cmpuint (part4->children->len, ==, 0);
  g_assert_cmpstr (((KhSection *)plan->sections->pdata[2])->heading, ==, "HÌNH THỨC TUYÊN TRUYỀN");
  g_assert_nonnull (strstr (((KhSection *)plan->sections->pdata[2])->body, "Đài truyền thanh phường,"));

  /* The tasks, each with a department of its kind. */
  tasks = kh_store_list_tasks (fixture->store, id, 0, &error);
  g_assert_cmpuint (tasks->len, ==, 8);
  task = find_task (tasks, "Kinh phí tuyên truyền");
  lead = kh_store_get_department (fixture->store, task->lead_department_id, &error);
  g_assert_cmpstr (kh_department_get_kind (lead), ==, "finance");
  g_assert_cmpint (task->rhythm, ==, KH_RHYTHM_BY_DATE);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, 3, 2025);
  g_assert_cmpint (g_date_compare (&task->deadline, &date), ==, 0);
  task = find_task (tasks, "Tin, bài về cải cách hành chính");
  g_assert_cmpint (task->lead_department_id, ==, kh_store_find_department (fixture->store, "Đài truyền thanh"));
  g_assert_cmpint (task->indicator_id, ==, kh_store_find_indicator (fixture->store, "Tin, bài"));
  g_assert_cmpfloat (task->target, ==, 40);
  task = find_task (tasks, "Tuyên truyền trực quan");
  g_assert_cmpuint (task->support_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (task->support_ids, gint64, 0), ==, kh_store_find_department (fixture->store, "Đài truyền thanh"));
  g_assert_cmpint (g_array_index (task->support_ids, gint64, 1), ==, kh_store_find_department (fixture->store, "Ủy ban MTTQ và các đoàn thể"));
  task = find_task (tasks, "Tham mưu kế hoạch và báo cáo định kỳ");
  g_assert_nonnull (strstr (task->description, "năm 2025;"));

  /* A second 2025 plan is a named revision. */
  g_assert_cmpint (kh_store_create_plan_from_template (fixture->store, builtin_id (fixture->store), 2025,
                                                       "", &again, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "2025"));
  g_assert_nonnull (strstr (error->message, "Điều chỉnh lần 1"));
  g_assert_null (again);
  g_clear_error (&error);
  plans = kh_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (plans->len, ==, 2);
  revision = kh_store_create_plan_from_template (fixture->store, builtin_id (fixture->store), 2025,
                                                 "Điều chỉnh lần 1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (revision, >, id);
}

static void
test_skipped (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_auto(GStrv) skipped = NULL;
  gint64 finance, radio, id;

  load_demo (fixture);
  finance = kh_store_find_department (fixture->store, "Tài chính – Kế toán");
  radio = kh_store_find_department (fixture->store, "Đài truyền thanh");
  g_assert_true (kh_store_set_department_archived (fixture->store, finance, TRUE, &error));
  g_assert_true (kh_store_set_department_archived (fixture->store, radio, TRUE, &error));
  g_assert_no_error (error);

  id = kh_store_create_plan_from_template (fixture->store, builtin_id (fixture->store), 2025,
                                           "", &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Told, in the template's order, not dropped silently. */
  g_assert_cmpuint (g_strv_length (skipped), ==, 2);
  g_assert_cmpstr (skipped[0], ==, "Tin, bài về cải cách hành chính");
  g_assert_cmpstr (skipped[1], ==, "Kinh phí tuyên truyền");
  tasks = kh_store_list_tasks (fixture->store, id, 0, &error);
  g_assert_cmpuint (tasks->len, ==, 6);
  /* An archived supporter is left out; the lead keeps the task. */
  g_assert_cmpuint (find_task (tasks, "Tuyên truyền trực quan")->support_ids->len, ==, 1);
}

static void
set_agency (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAgency) agency = kh_agency_new ();

#define SET(field, value) g_free (agency->field); agency->field = g_strdup (value)
  SET (parent_name, "UBND TỈNH QUẢNG NGÃI");
  SET (name, "ỦY BAN NHÂN DÂN XÃ TỊNH KHÊ");
  SET (short_name, "UBND xã Tịnh Khê");
  SET (locality, "xã Tịnh Khê");
  SET (collective_name, "ỦY BAN NHÂN DÂN");
  SET (abbreviation, "UBND");
  SET (place, "Tịnh Khê");
#undef SET
  g_assert_true (kh_store_save_agency (store, agency, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhTemplate) tmpl = NULL;
  g_autoptr(KhPlan) source = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GPtrArray) source_tasks = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_auto(GStrv) skipped = NULL;
  const KhTask *task;
  gint64 template_id, id;
  GDate date;

  load_demo (fixture);
  source = kh_store_load_plan (fixture->store, demo_plan_id (fixture->store), &error);
  source_tasks = kh_store_list_tasks (fixture->store, source->id, 0, &error);
  g_assert_no_error (error);

  template_id = kh_store_save_plan_as_template (fixture->store, source->id, "Mẫu từ kế hoạch năm trước", &error);
  g_assert_no_error (error);
  g_assert_cmpint (template_id, >, 0);

  /* The year and the agency become placeholders; dates stay. */
  tmpl = kh_store_get_template (fixture->store, template_id, &error);
  g_assert_no_error (error);
  g_assert_false (tmpl->builtin);
  g_assert_cmpstr (tmpl->kind, ==, KH_PLAN_KIND_CCHC);
  g_assert_nonnull (strstr (tmpl->body, "\"Tuyên truyền cải cách hành chính năm {year}\\nTrên địa bàn {locality}\""));
  g_assert_nonnull (strstr (tmpl->body, "ngày 29/12/2023 của {agency} về Ban hành Kế hoạch cải cách hành chính {locality} năm {year}"));
  g_assert_nonnull (strstr (tmpl->body, "{parent_locality}"));
  g_assert_nonnull (strstr (tmpl->body, "\"{year}-03-31\""));
  g_assert_null (strstr (tmpl->body, "Phổ Minh"));
  g_assert_null (strstr (tmpl->body, "Đức Phổ"));
  g_assert_null (strstr (tmpl->body, "năm 2024"));
  /* Periods of years are not the plan's year. */
  g_assert_nonnull (strstr (tmpl->body, "giai đoạn 2021 – 2023"));

  /* Another agency, another year. */
  set_agency (fixture->store);
  id = kh_store_create_plan_from_template (fixture->store, template_id, 2026, "", &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (g_strv_length (skipped), ==, 0);
  assert_nowhere (fixture->store, id, "{");
  assert_nowhere (fixture->store, id, "Phổ Minh");
  assert_nowhere (fixture->store, id, "Đức Phổ");
  assert_nowhere (fixture->store, id, "2024");

  plan = kh_store_load_plan (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->title, ==, "Tuyên truyền cải cách hành chính năm 2026\nTrên địa bàn xã Tịnh Khê");
  g_assert_cmpstr (plan->intro, ==,
                   "UBND xã Tịnh Khê ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026 "
                   "trên địa bàn xã Tịnh Khê như sau:");
  g_assert_cmpstr (plan->bases[0], ==,
                   "Quyết định số 181/QĐ-UBND ngày 29/12/2023 của UBND xã Tịnh Khê về Ban hành "
                   "Kế hoạch cải cách hành chính xã Tịnh Khê năm 2026");
  g_assert_cmpstr (plan->recipients[2], ==, "TT. Đảng ủy; HĐND xã");
  g_assert_cmpuint (plan->sections->len, ==, source->sections->len);
  g_assert_cmpuint (kh_sections_count (plan->sections), ==, kh_sections_count (source->sections));
  g_assert_true (kh_section_is_generated (plan->sections->pdata[3]));

  tasks = kh_store_list_tasks (fixture->store, id, 0, &error);
  g_assert_cmpuint (tasks->len, ==, source_tasks->len);
  for (guint i = 0; i < tasks->len; i++)
    {
      const KhTask *old = source_tasks->pdata[i];

      task = tasks->pdata[i];
      g_assert_cmpint (task->lead_department_id, ==, old->lead_department_id);
      g_assert_cmpuint (task->support_ids->len, ==, old->support_ids->len);
      g_assert_cmpint (task->rhythm, ==, old->rhythm);
      g_assert_cmpint (task->indicator_id, ==, old->indicator_id);
      g_assert_cmpfloat (task->target, ==, old->target);
      g_assert_cmpint (task->status, ==, KH_TASK_NOT_STARTED);
      g_assert_cmpint (g_date_valid (&task->deadline), ==, g_date_valid (&old->deadline));
    }
  task = find_task (tasks, "Lập danh sách bồi dưỡng kiến thức cải cách hành chính");
  g_assert_nonnull (strstr (task->description, "báo cáo UBND tỉnh Quảng Ngãi tổ chức tập huấn"));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, 6, 2026);
  g_assert_cmpint (g_date_compare (&task->deadline, &date), ==, 0);

  /* Names are unique; a template needs one. */
  g_assert_cmpint (kh_store_save_plan_as_template (fixture->store, id, "MẪU TỪ KẾ HOẠCH NĂM TRƯỚC", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_save_plan_as_template (fixture->store, id, "  ", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
}

static void
test_recipients (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) bare = kh_plan_new (2025, "Tuyên truyền cải cách hành chính năm 2025");
  g_autoptr(KhPlan) plan = NULL;
  g_auto(GStrv) defaults = NULL;
  gint64 source, template_id, id;

  /* A template without recipients takes the agency's usual ones. */
  load_demo (fixture);
  source = kh_store_create_plan (fixture->store, bare, &error);
  g_assert_no_error (error);
  template_id = kh_store_save_plan_as_template (fixture->store, source, "Không nơi nhận", &error);
  g_assert_no_error (error);
  id = kh_store_create_plan_from_template (fixture->store, template_id, 2026, "", NULL, &error);
  g_assert_no_error (error);

  plan = kh_store_load_plan (fixture->store, id, &error);
  defaults = kh_store_list_default_recipients (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (defaults), ==, 8);
  g_assert_cmpstrv (plan->recipients, defaults);
  g_assert_cmpstr (plan->title, ==, "Tuyên truyền cải cách hành chính năm 2026");
}

static void
test_rename_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhTemplate) tmpl = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  gint64 builtin, own, id;

  load_demo (fixture);
  builtin = builtin_id (fixture->store);
  own = kh_store_save_plan_as_template (fixture->store, demo_plan_id (fixture->store), "Mẫu 2024", &error);
  g_assert_no_error (error);

  g_assert_false (kh_store_rename_template (fixture->store, own, " ", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  tmpl = kh_store_get_template (fixture->store, builtin, &error);
  g_assert_false (kh_store_rename_template (fixture->store, own, tmpl->name, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (kh_store_rename_template (fixture->store, own, "  Mẫu của phường  ", &error));
  g_assert_no_error (error);
  g_clear_pointer (&tmpl, kh_template_free);
  tmpl = kh_store_get_template (fixture->store, own, &error);
  g_assert_cmpstr (tmpl->name, ==, "Mẫu của phường");
  g_assert_false (kh_store_rename_template (fixture->store, 9999, "X", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Built-in ones stay, with a reason. */
  g_assert_false (kh_store_delete_template (fixture->store, builtin, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be deleted"));
  g_assert_nonnull (strstr (error->message, "Kế hoạch tuyên truyền cải cách hành chính năm {year}"));
  g_clear_error (&error);

  /* A plan made from a deleted template stays. */
  id = kh_store_create_plan_from_template (fixture->store, own, 2025, "", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kh_store_delete_template (fixture->store, own, &error));
  g_assert_no_error (error);
  templates = kh_store_list_templates (fixture->store, &error);
  g_assert_cmpuint (templates->len, ==, 1);
  plan = kh_store_load_plan (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->template_id, ==, 0);
  g_assert_false (kh_store_delete_template (fixture->store, own, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
}

static void
test_blank (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_auto(GStrv) defaults = NULL;
  static const char * const headings[] = {
    "MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG, HÌNH THỨC THÔNG TIN, TUYÊN TRUYỀN",
    "HÌNH THỨC TUYÊN TRUYỀN", "TỔ CHỨC THỰC HIỆN",
  };
  gint64 id;

  load_demo (fixture);
  id = kh_store_create_blank_plan (fixture->store, 2025, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  plan = kh_store_load_plan (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->title, ==, "Tuyên truyền cải cách hành chính năm 2025\nTrên địa bàn phường Phổ Minh");
  g_assert_cmpstr (plan->intro, ==, "");
  g_assert_cmpstr (plan->closing, ==, "");
  g_assert_cmpuint (g_strv_length (plan->bases), ==, 0);
  g_assert_cmpuint (plan->sections->len, ==, G_N_ELEMENTS (headings));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      const KhSection *part = plan->sections->pdata[i];

      g_assert_cmpstr (part->heading, ==, headings[i]);
      g_assert_cmpstr (part->body, ==, "");
      g_assert_cmpuint (part->children->len, ==, 0);
      g_assert_cmpint (kh_section_is_generated (part), ==, i == 3);
    }
  defaults = kh_store_list_default_recipients (fixture->store, &error);
  g_assert_cmpstrv (plan->recipients, defaults);
  g_assert_cmpstr (plan->authority, ==, "TM.");
  tasks = kh_store_list_tasks (fixture->store, id, 0, &error);
  g_assert_cmpuint (tasks->len, ==, 0);

  g_assert_cmpint (kh_store_create_blank_plan (fixture->store, 2025, "budget", "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
}

static void
test_no_agency (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The text would name nobody. */
  g_assert_cmpint (kh_store_create_plan_from_template (fixture->store, builtin_id (fixture->store),
                                                       2025, "", NULL, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "agency"));
  g_clear_error (&error);
  g_assert_cmpint (kh_store_create_blank_plan (fixture->store, 2025, NULL, "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_create_plan_from_template (fixture->store, 9999, 2025, "", NULL, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_assert_true (kh_store_is_empty (fixture->store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/template/install", test_install);
  ADD ("/template/instantiate", test_instantiate);
  ADD ("/template/skipped", test_skipped);
  ADD ("/template/round-trip", test_round_trip);
  ADD ("/template/recipients", test_recipients);
  ADD ("/template/rename-delete", test_rename_delete);
  ADD ("/template/blank", test_blank);
  ADD ("/template/no-agency", test_no_agency);
#undef ADD

  return g_test_run ();
}
