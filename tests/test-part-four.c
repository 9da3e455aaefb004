/* test-part-four.c — part IV “Tổ chức thực hiện”, made from the tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kh-demo.h"
#include "kh-department.h"
#include "kh-part-four.h"
#include "kh-plan-copy.h"
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

  fixture->store = kh_test_store_new ("kh-part-four", &fixture->dir);
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

static const KhSection *
part_four (const KhPlan *plan)
{
  for (guint i = 0; i < plan->sections->len; i++)
    if (kh_section_is_generated (plan->sections->pdata[i]))
      return plan->sections->pdata[i];

  g_error ("The plan has no part IV");
  return NULL;
}

static KhPlan *
load_document (KhStore *store,
               gint64   plan_id)
{
  g_autoptr(GError) error = NULL;
  KhPlan *plan = kh_store_load_plan_for_document (store, plan_id, &error);

  g_assert_no_error (error);
  return plan;
}

/* Part IV as one text, to compare two states of it. */
static char *
part_four_text (KhStore *store,
                gint64   plan_id)
{
  g_autoptr(KhPlan) plan = load_document (store, plan_id);
  const KhSection *part = part_four (plan);
  GString *text = g_string_new (part->body);

  for (guint i = 0; i < part->children->len; i++)
    {
      const KhSection *item = part->children->pdata[i];

      g_string_append_printf (text, "\n[%s]\n%s", item->heading, item->body);
    }
  return g_string_free (text, FALSE);
}

static KhTask *
find_task (KhStore    *store,
           gint64      plan_id,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = kh_store_list_tasks (store, plan_id, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    if (g_strcmp0 (((KhTask *)tasks->pdata[i])->title, title) == 0)
      return kh_task_copy (tasks->pdata[i]);

  g_error ("No task “%s”", title);
  return NULL;
}

static void
number_cb (const KhSection *section,
           guint            depth,
           const char      *number,
           gpointer         user_data)
{
  GPtrArray *numbers = user_data;

  g_ptr_array_add (numbers, g_strdup_printf ("%s %s", number, section->heading));
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KhPlan) plan = load_document (fixture->store, fixture->demo);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) office = NULL;
  g_auto(GStrv) culture = NULL;
  const KhSection *part = part_four (plan);
  static const char * const headings[] = {
    "Văn phòng – Thống kê:", "Văn hóa – Xã hội:", "Tư pháp – Hộ tịch:",
    "Đài truyền thanh:", "Tài chính – Kế toán:", "Ủy ban MTTQ và các đoàn thể:",
  };
  const KhSection *item;

  /* The part's own paragraph, then one item per department, in order. */
  g_assert_true (g_str_has_prefix (part->body, "Trên cơ sở kế hoạch này"));
  g_assert_cmpuint (part->children->len, ==, G_N_ELEMENTS (headings));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      item = part->children->pdata[i];
      g_assert_cmpstr (item->heading, ==, headings[i]);
      g_assert_cmpint (item->position, ==, i);
      g_assert_cmpint (item->parent_id, ==, part->id);
    }

  /* Six tasks: six bullets, one with its supporter. */
  item = part->children->pdata[0];
  office = kh_section_split_body (item->body);
  g_assert_cmpuint (g_strv_length (office), ==, 6);
  for (guint i = 0; office[i] != NULL; i++)
    g_assert_nonnull (kh_section_bullet_text (office[i]));
  g_assert_cmpstr (office[0], ==,
                   "- Là thường trực giúp UBND phường chỉ đạo điều hành thực hiện cải cách thủ tục hành chính, "
                   "có nhiệm vụ làm đầu mối tổng hợp tình hình hoạt động có liên quan đến công tác phổ biến, "
                   "tuyên truyền Chương trình tổng thể cải cách hành chính trên địa bàn phường.");
  g_assert_cmpstr (office[1], ==,
                   "- Phối hợp các ngành có liên quan, các tổ chức trong hệ thống chính trị- xã hội tuyên truyền "
                   "công tác cải cách thủ tục hành chính trên địa bàn phường (phối hợp: Ủy ban MTTQ và các đoàn thể).");
  g_assert_true (g_str_has_suffix (office[3], "tổ chức tập huấn, hoàn thành trước ngày 30/6/2024."));

  /* Supporters in the departments' order. */
  culture = kh_section_split_body (((KhSection *)part->children->pdata[1])->body);
  g_assert_cmpuint (g_strv_length (culture), ==, 5);
  g_assert_true (g_str_has_suffix (culture[3], "khẩu hiệu (phối hợp: Đài truyền thanh, Ủy ban MTTQ và các đoàn thể)."));

  /* A single task is a paragraph, as the seed writes Tư pháp's. */
  item = part->children->pdata[2];
  g_assert_cmpstr (item->body, ==,
                   "Lồng ghép nội dung tuyên truyền cải cách hành chính vào chương trình, kế hoạch tuyên truyền, "
                   "phổ biến, giáo dục pháp luật.");
  item = part->children->pdata[4];
  g_assert_cmpstr (item->body, ==,
                   "Tham mưu xây dựng, bố trí kinh phí thực hiện công tác thông tin, tuyên truyền cải cách hành "
                   "chính trên địa bàn phường, hoàn thành trước ngày 31/3/2024.");

  /* Numbered like the rest of the text. */
  kh_sections_foreach (plan->sections, KH_NUMBERING_DECIMAL, number_cb, numbers);
  g_assert_cmpuint (numbers->len, ==, 14 + 6);
  g_assert_cmpstr (numbers->pdata[13], ==, "IV. TỔ CHỨC THỰC HIỆN");
  g_assert_cmpstr (numbers->pdata[16], ==, "3. Tư pháp – Hộ tịch:");
  g_assert_cmpstr (numbers->pdata[19], ==, "6. Ủy ban MTTQ và các đoàn thể:");
}

static void
test_live (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhTask) justice = NULL;
  g_autoptr(KhTask) extra = NULL;
  g_autoptr(KhTask) finance = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const KhSection *part;
  const KhSection *item;
  gint64 id, radio;

  /* A draft: part IV follows its tasks. */
  id = kh_store_copy_plan (fixture->store, fixture->demo, 2025, "", &error);
  g_assert_no_error (error);
  before = part_four_text (fixture->store, id);
  g_assert_nonnull (strstr (before, "hoàn thành trước ngày 31/3/2025."));

  justice = find_task (fixture->store, id, "Lồng ghép với phổ biến, giáo dục pháp luật");
  g_free (justice->description);
  justice->description = g_strdup ("Lồng ghép tuyên truyền cải cách hành chính vào các buổi trợ giúp pháp lý");
  g_assert_true (kh_store_update_task (fixture->store, justice, &error));
  g_assert_no_error (error);
  plan = load_document (fixture->store, id);
  item = part_four (plan)->children->pdata[2];
  g_assert_cmpstr (item->body, ==, "Lồng ghép tuyên truyền cải cách hành chính vào các buổi trợ giúp pháp lý");

  /* A second task makes bullets; a title stands in for a missing
   * description; lines typed in a description stay one bullet. */
  extra = kh_task_new (id, "Trợ giúp pháp lý lưu động", justice->lead_department_id);
  g_free (extra->description);
  extra->description = g_strdup ("   \n ");
  kh_task_add_support (extra, kh_store_find_department (fixture->store, "Văn hóa – Xã hội"));
  g_assert_cmpint (kh_store_add_task (fixture->store, extra, &error), >, 0);
  g_free (justice->description);
  justice->description = g_strdup ("Lồng ghép tuyên truyền\ncải cách hành chính.");
  g_assert_true (kh_store_update_task (fixture->store, justice, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, kh_plan_free);
  plan = load_document (fixture->store, id);
  item = part_four (plan)->children->pdata[2];
  g_assert_cmpstr (item->body, ==,
                   "- Lồng ghép tuyên truyền cải cách hành chính.\n"
                   "- Trợ giúp pháp lý lưu động (phối hợp: Văn hóa – Xã hội)");

  /* The departments' order is part IV's order. */
  radio = kh_store_find_department (fixture->store, "Đài truyền thanh");
  g_assert_true (kh_store_move_department (fixture->store, radio, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, kh_plan_free);
  plan = load_document (fixture->store, id);
  part = part_four (plan);
  g_assert_cmpstr (((KhSection *)part->children->pdata[0])->heading, ==, "Đài truyền thanh:");
  g_assert_cmpstr (((KhSection *)part->children->pdata[1])->heading, ==, "Văn phòng – Thống kê:");

  /* A department left without tasks leaves part IV. */
  finance = find_task (fixture->store, id, "Bố trí kinh phí tuyên truyền");
  g_assert_true (kh_store_delete_task (fixture->store, finance->id, &error));
  g_assert_no_error (error);
  after = part_four_text (fixture->store, id);
  g_assert_null (strstr (after, "Tài chính – Kế toán:"));
  g_clear_pointer (&plan, kh_plan_free);
  plan = load_document (fixture->store, id);
  g_assert_cmpuint (part_four (plan)->children->len, ==, 5);
}

static void
test_frozen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhTask) task = NULL;
  g_autoptr(KhTask) finance = NULL;
  g_autoptr(KhPlan) stored = NULL;
  g_autoptr(KhPlan) draft = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *issued = part_four_text (fixture->store, fixture->demo);
  g_autofree char *later = NULL;
  g_autofree char *revision_text = NULL;
  gint64 revision;

  /* Tasks change after the signature; the issued text does not. */
  task = find_task (fixture->store, fixture->demo, "Lồng ghép với phổ biến, giáo dục pháp luật");
  g_free (task->description);
  task->description = g_strdup ("Một nội dung khác.");
  kh_task_add_support (task, kh_store_find_department (fixture->store, "Đài truyền thanh"));
  g_assert_true (kh_store_update_task (fixture->store, task, &error));
  g_assert_no_error (error);
  finance = find_task (fixture->store, fixture->demo, "Bố trí kinh phí tuyên truyền");
  g_assert_true (kh_store_delete_task (fixture->store, finance->id, &error));
  g_assert_no_error (error);

  later = part_four_text (fixture->store, fixture->demo);
  g_assert_cmpstr (later, ==, issued);
  g_assert_nonnull (strstr (later, "Tài chính – Kế toán:"));
  items = kh_store_build_part_four (fixture->store, fixture->demo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 6);

  /* The snapshot is taken once, at the issue. */
  g_assert_false (kh_store_freeze_part_four (fixture->store, fixture->demo, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_clear_pointer (&later, g_free);
  later = part_four_text (fixture->store, fixture->demo);
  g_assert_cmpstr (later, ==, issued);

  /* What is stored is the text as typed: part IV's items are made. */
  stored = kh_store_load_plan (fixture->store, fixture->demo, &error);
  g_assert_cmpuint (part_four (stored)->children->len, ==, 0);

  /* A revision of the issued plan is made from the tasks as they are. */
  revision = kh_store_copy_plan (fixture->store, fixture->demo, 2024, "Điều chỉnh lần 1", &error);
  g_assert_no_error (error);
  revision_text = part_four_text (fixture->store, revision);
  g_assert_nonnull (strstr (revision_text, "Một nội dung khác (phối hợp: Đài truyền thanh)."));
  g_assert_null (strstr (revision_text, "Tài chính – Kế toán:"));
  draft = load_document (fixture->store, revision);
  g_assert_cmpuint (part_four (draft)->children->len, ==, 5);
}

static void
test_build (void)
{
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_task_free);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(KhPlan) plan = kh_plan_new (2025, "Kế hoạch");
  KhSection *part = kh_section_new ("TỔ CHỨC THỰC HIỆN", "Giao nhiệm vụ như sau:");
  const KhSection *item;
  KhTask *task;

  g_ptr_array_add (departments, kh_department_new (1, "Văn phòng", "office", 0, FALSE));
  g_ptr_array_add (departments, kh_department_new (2, "Đài truyền thanh", "radio", 1, FALSE));
  g_ptr_array_add (departments, kh_department_new (3, "Công an", "", 2, TRUE));

  task = kh_task_new (1, "Tin, bài", 2);
  g_free (task->description);
  task->description = g_strdup ("Viết tin, bài...");
  kh_task_add_support (task, 3);
  kh_task_add_support (task, 99);   /* gone: left out */
  g_ptr_array_add (tasks, task);
  task = kh_task_new (1, "Báo cáo năm", 3);
  task->rhythm = KH_RHYTHM_BY_DATE;
  g_date_set_dmy (&task->deadline, 5, 1, 2026);
  g_ptr_array_add (tasks, task);

  /* Archived departments keep their tasks' items; the one with no
   * task has none. */
  items = kh_part_four_build (tasks, departments);
  g_assert_cmpuint (items->len, ==, 2);
  item = items->pdata[0];
  g_assert_cmpstr (item->heading, ==, "Đài truyền thanh:");
  g_assert_cmpstr (item->body, ==, "Viết tin, bài... (phối hợp: Công an)");
  g_assert_cmpint (item->id, ==, 0);
  item = items->pdata[1];
  g_assert_cmpstr (item->heading, ==, "Công an:");
  g_assert_cmpstr (item->body, ==, "Báo cáo năm, hoàn thành trước ngày 05/01/2026");
  g_assert_cmpint (item->position, ==, 1);

  /* Made items go first; items typed under the part follow. */
  g_free (part->generated);
  part->generated = g_strdup (KH_SECTION_GENERATED_TASKS);
  part->id = 7;
  kh_section_append_child (part, kh_section_new ("Chế độ báo cáo:", "Báo cáo hằng quý."));
  g_ptr_array_add (plan->sections, kh_section_new ("MỤC ĐÍCH, YÊU CẦU", ""));
  g_ptr_array_add (plan->sections, part);
  kh_plan_fill_part_four (plan, items);
  g_assert_cmpuint (part->children->len, ==, 3);
  g_assert_cmpstr (((KhSection *)part->children->pdata[0])->heading, ==, "Đài truyền thanh:");
  g_assert_cmpint (((KhSection *)part->children->pdata[0])->parent_id, ==, 7);
  g_assert_cmpstr (((KhSection *)part->children->pdata[2])->heading, ==, "Chế độ báo cáo:");
  g_assert_cmpint (((KhSection *)part->children->pdata[2])->position, ==, 2);
  g_assert_cmpuint (((KhSection *)plan->sections->pdata[0])->children->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/part-four/build", test_build);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/part-four/demo", test_demo);
  ADD ("/part-four/live", test_live);
  ADD ("/part-four/frozen", test_frozen);
#undef ADD

  return g_test_run ();
}
