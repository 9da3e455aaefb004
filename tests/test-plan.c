/* test-plan.c — plans, sections, tasks, results and indicators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <string.h>

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
  gint64   signer;
  gint64   office;
  gint64   culture;
  gint64   radio;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAgency) agency = kh_agency_new ();
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("kh-plan-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "kehoach.db", NULL);
  fixture->store = kh_store_open (path, &error);
  g_assert_no_error (error);

  g_free (agency->name);
  agency->name = g_strdup ("ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH");
  g_free (agency->abbreviation);
  agency->abbreviation = g_strdup ("UBND");
  g_free (agency->place);
  agency->place = g_strdup ("Phổ Minh");
  g_assert_true (kh_store_save_agency (fixture->store, agency, &error));

  fixture->signer = kh_store_add_signer (fixture->store, "Lê Duy Bảo", "Chủ tịch", &error);
  fixture->office = kh_store_add_department (fixture->store, "Văn phòng – Thống kê", "office", &error);
  fixture->culture = kh_store_add_department (fixture->store, "Văn hóa – Xã hội", "culture", &error);
  fixture->radio = kh_store_add_department (fixture->store, "Đài truyền thanh", "radio", &error);
  g_assert_no_error (error);
  g_assert_true (kh_store_install_default_indicators (fixture->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (kh_store_get_path (fixture->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&fixture->store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Through a second connection, which sees only what was committed. */
static guint
count_committed_plans (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) reader = kh_store_open (kh_store_get_path (store), &error);
  g_autoptr(GPtrArray) plans = NULL;

  g_assert_no_error (error);
  plans = kh_store_list_plans (reader, &error);
  g_assert_no_error (error);
  return plans->len;
}

/* A small plan: two parts, the second with an item holding two points. */
static KhPlan *
make_plan (int year)
{
  g_autofree char *title = g_strdup_printf ("Tuyên truyền cải cách hành chính năm %d\nTrên địa bàn phường Phổ Minh", year);
  KhPlan *plan = kh_plan_new (year, title);
  KhSection *purpose = kh_section_new ("MỤC ĐÍCH, YÊU CẦU", NULL);
  KhSection *content = kh_section_new ("NỘI DUNG, HÌNH THỨC THÔNG TIN, TUYÊN TRUYỀN", NULL);
  KhSection *basics;
  KhSection *part4 = kh_section_new ("TỔ CHỨC THỰC HIỆN", "Trên cơ sở kế hoạch này…");
  const char * const bases[] = {
    "Căn cứ Quyết định số 181/QĐ-UBND ngày 29/12/2023 của UBND phường Phổ Minh;", NULL
  };
  const char * const recipients[] = { "- UBND thị xã;", "Phòng VH-TT thị xã;", " ", "- Lưu: VT.", NULL };

  kh_section_append_child (purpose, kh_section_new ("Mục đích:", "- Tuyên truyền, phổ biến.\n- Tăng cường."));
  kh_section_append_child (purpose, kh_section_new ("Yêu cầu:", "- Đẩy mạnh công tác tuyên truyền."));
  kh_section_append_child (content, kh_section_new ("Các văn bản của các cấp:", "Tuyên truyền nội dung các văn bản."));
  basics = kh_section_append_child (content, kh_section_new ("Một số nội dung cơ bản:", NULL));
  kh_section_append_child (basics, kh_section_new ("Về cải cách thể chế:", "- Tuyên truyền."));
  kh_section_append_child (basics, kh_section_new ("Về cải cách thủ tục hành chính:", "- Thông tin kịp thời."));
  g_free (part4->generated);
  part4->generated = g_strdup (KH_SECTION_GENERATED_TASKS);

  g_ptr_array_add (plan->sections, purpose);
  g_ptr_array_add (plan->sections, content);
  g_ptr_array_add (plan->sections, part4);
  g_strfreev (plan->bases);
  plan->bases = g_strdupv ((char **)bases);
  g_strfreev (plan->recipients);
  plan->recipients = g_strdupv ((char **)recipients);
  g_free (plan->intro);
  plan->intro = g_strdup ("UBND phường Phổ Minh ban hành Kế hoạch như sau:");
  return plan;
}

static gint64
create_plan (Fixture *fixture,
             int      year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = make_plan (year);
  gint64 id;

  plan->signer_id = fixture->signer;
  id = kh_store_create_plan (fixture->store, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
section_id (KhStore *store,
            gint64   plan_id,
            guint    part,
            int      item)
{
  g_autoptr(KhPlan) plan = kh_store_load_plan (store, plan_id, NULL);
  const KhSection *section = plan->sections->pdata[part];

  if (item >= 0)
    section = section->children->pdata[item];
  return section->id;
}

static void
test_indicators (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(KhIndicator) banners = NULL;
  g_autoptr(KhIndicator) news = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  /* Installed once: a second call adds nothing. */
  g_assert_true (kh_store_install_default_indicators (fixture->store, &error));
  indicators = kh_store_list_indicators (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, 9);
  g_assert_cmpstr (((KhIndicator *)indicators->pdata[0])->name, ==, "Tin, bài");

  banners = kh_store_get_indicator (fixture->store, kh_store_find_indicator (fixture->store, "băng rôn"), &error);
  g_assert_no_error (error);
  text = kh_indicator_format_quantity (banners, 6);
  g_assert_cmpstr (text, ==, "treo 06 băng rôn");
  g_clear_pointer (&text, g_free);
  news = kh_store_get_indicator (fixture->store, kh_store_find_indicator (fixture->store, "Tin, bài"), &error);
  text = kh_indicator_format_quantity (news, 11);
  g_assert_cmpstr (text, ==, "viết 11 tin, bài");
  g_clear_pointer (&text, g_free);
  text = kh_format_quantity (1200);
  g_assert_cmpstr (text, ==, "1.200");
  g_clear_pointer (&text, g_free);
  text = kh_format_quantity (2.5);
  g_assert_cmpstr (text, ==, "2,5");
  g_clear_pointer (&text, g_free);

  g_assert_cmpint (kh_store_add_indicator (fixture->store, "BĂNG RÔN", "", "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "BĂNG RÔN"));
  g_clear_error (&error);
  g_assert_cmpint (kh_store_add_indicator (fixture->store, "  ", "", "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  id = kh_store_add_indicator (fixture->store, "Tờ rơi", "tờ", "phát", &error);
  g_assert_no_error (error);
  g_assert_true (kh_store_update_indicator (fixture->store, id, "Tờ rơi, tờ gấp", "tờ", "phát", &error));
  g_assert_true (kh_store_move_indicator (fixture->store, id, 0, &error));
  g_assert_true (kh_store_set_indicator_archived (fixture->store, banners->id, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&indicators, g_ptr_array_unref);
  indicators = kh_store_list_indicators (fixture->store, FALSE, &error);
  g_assert_cmpuint (indicators->len, ==, 9);
  g_assert_cmpstr (((KhIndicator *)indicators->pdata[0])->name, ==, "Tờ rơi, tờ gấp");
  g_assert_false (kh_store_update_indicator (fixture->store, 9999, "X", "", "", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  gint64 id_2023 = create_plan (fixture, 2023);
  gint64 id_2024 = create_plan (fixture, 2024);
  const KhSection *part4;
  const char * const new_bases[] = { "Quyết định A", "Kế hoạch B.", NULL };
  g_auto(GStrv) lines = NULL;

  plans = kh_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpint (((KhPlan *)plans->pdata[0])->id, ==, id_2024);
  g_assert_cmpint (((KhPlan *)plans->pdata[1])->id, ==, id_2023);
  g_assert_cmpint (kh_store_find_plan (fixture->store, 2023, NULL, NULL), ==, id_2023);

  plan = kh_store_load_plan (fixture->store, id_2024, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->title, ==, "Tuyên truyền cải cách hành chính năm 2024\nTrên địa bàn phường Phổ Minh");
  g_assert_cmpint (plan->state, ==, KH_PLAN_STATE_DRAFT);
  g_assert_cmpint (plan->signer_id, ==, fixture->signer);
  /* Bases and recipients are stored bare. */
  g_assert_cmpuint (g_strv_length (plan->bases), ==, 1);
  g_assert_cmpstr (plan->bases[0], ==, "Quyết định số 181/QĐ-UBND ngày 29/12/2023 của UBND phường Phổ Minh");
  g_assert_cmpuint (g_strv_length (plan->recipients), ==, 3);
  g_assert_cmpstr (plan->recipients[0], ==, "UBND thị xã");
  g_assert_cmpstr (plan->recipients[2], ==, "Lưu: VT");

  g_assert_cmpuint (plan->sections->len, ==, 3);
  g_assert_cmpuint (kh_sections_count (plan->sections), ==, 9);
  part4 = plan->sections->pdata[2];
  g_assert_true (kh_section_is_generated (part4));
  lines = kh_section_split_body (((KhSection *)((KhSection *)plan->sections->pdata[0])->children->pdata[0])->body);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (kh_section_bullet_text (lines[1]), ==, "Tăng cường.");
  g_assert_null (kh_section_bullet_text ("Tuyên truyền nội dung"));

  /* Header and lists change, the lists as a whole. */
  g_free (plan->title);
  plan->title = g_strdup ("Tuyên truyền CCHC năm 2024");
  g_free (plan->authority);
  plan->authority = g_strdup ("KT.");
  g_assert_true (kh_store_update_plan (fixture->store, plan, &error));
  g_assert_true (kh_store_set_plan_bases (fixture->store, id_2024, new_bases, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, kh_plan_free);
  plan = kh_store_load_plan (fixture->store, id_2024, &error);
  g_assert_cmpstr (plan->title, ==, "Tuyên truyền CCHC năm 2024");
  g_assert_cmpstr (plan->authority, ==, "KT.");
  g_assert_cmpuint (g_strv_length (plan->bases), ==, 2);
  g_assert_cmpstr (plan->bases[1], ==, "Kế hoạch B");

  g_assert_true (kh_store_set_plan_state (fixture->store, id_2024, KH_PLAN_STATE_SIGNING, &error));
  g_assert_true (kh_store_delete_plan (fixture->store, id_2023, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_committed_plans (fixture->store), ==, 1);
  g_assert_null (kh_store_load_plan (fixture->store, id_2023, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = make_plan (1999);

  g_assert_cmpint (kh_store_create_plan (fixture->store, plan, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1999"));
  g_clear_error (&error);

  plan->year = 2024;
  g_free (plan->title);
  plan->title = g_strdup (" \n ");
  g_assert_cmpint (kh_store_create_plan (fixture->store, plan, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "title"));
  g_clear_error (&error);

  g_free (plan->title);
  plan->title = g_strdup ("Tuyên truyền cải cách hành chính năm 2024");
  g_free (plan->authority);
  plan->authority = g_strdup ("KT");
  g_assert_cmpint (kh_store_create_plan (fixture->store, plan, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (plan->authority);
  plan->authority = g_strdup ("TM.");
  g_assert_cmpint (kh_store_create_plan (fixture->store, plan, &error), >, 0);
  g_assert_no_error (error);

  /* A second plan for the year must be a named revision. */
  g_assert_cmpint (kh_store_create_plan (fixture->store, plan, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "revision"));
  g_clear_error (&error);
  g_free (plan->revision);
  plan->revision = g_strdup ("Điều chỉnh lần 1");
  g_assert_cmpint (kh_store_create_plan (fixture->store, plan, &error), >, 0);
  g_assert_no_error (error);
}

typedef struct
{
  GString *text;
} Outline;

static void
outline_cb (const KhSection *section,
            guint            depth,
            const char      *number,
            gpointer         user_data)
{
  Outline *outline = user_data;

  g_string_append_printf (outline->text, "%s %s|", number, section->heading);
}

static char *
outline (KhStore     *store,
         gint64       plan_id,
         KhNumbering  numbering)
{
  g_autoptr(KhPlan) plan = kh_store_load_plan (store, plan_id, NULL);
  Outline data = { g_string_new (NULL) };

  kh_sections_foreach (plan->sections, numbering, outline_cb, &data);
  return g_string_free (data.text, FALSE);
}

static void
test_numbering (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(KhSection) deep = NULL;
  g_autoptr(KhSection) forms = NULL;
  g_autofree char *text = NULL;
  gint64 id = create_plan (fixture, 2024);
  gint64 basics, reform, part2, part4, added;
  const int path[] = { 1, 1, 0 };

  text = kh_section_format_number (path, 1, KH_NUMBERING_DECIMAL);
  g_assert_cmpstr (text, ==, "II.");
  g_clear_pointer (&text, g_free);
  text = kh_section_format_number (path, 3, KH_NUMBERING_DECIMAL);
  g_assert_cmpstr (text, ==, "2.1.");
  g_clear_pointer (&text, g_free);
  text = kh_section_format_number (path, 3, KH_NUMBERING_LETTERS);
  g_assert_cmpstr (text, ==, "a)");
  g_clear_pointer (&text, g_free);

  text = outline (fixture->store, id, KH_NUMBERING_DEFAULT);
  g_assert_cmpstr (text, ==,
                   "I. MỤC ĐÍCH, YÊU CẦU|1. Mục đích:|2. Yêu cầu:|"
                   "II. NỘI DUNG, HÌNH THỨC THÔNG TIN, TUYÊN TRUYỀN|1. Các văn bản của các cấp:|"
                   "2. Một số nội dung cơ bản:|2.1. Về cải cách thể chế:|2.2. Về cải cách thủ tục hành chính:|"
                   "III. TỔ CHỨC THỰC HIỆN|");
  g_clear_pointer (&text, g_free);

  /* Insert a part before part IV: it becomes III, part IV becomes IV. */
  forms = kh_section_new ("HÌNH THỨC TUYÊN TRUYỀN", NULL);
  added = kh_store_add_section (fixture->store, id, 0, 2, forms, &error);
  g_assert_no_error (error);
  part4 = section_id (fixture->store, id, 3, -1);
  plan = kh_store_load_plan (fixture->store, id, &error);
  text = kh_plan_section_number (plan, added, KH_NUMBERING_DEFAULT);
  g_assert_cmpstr (text, ==, "III.");
  g_clear_pointer (&text, g_free);
  text = kh_plan_section_number (plan, part4, KH_NUMBERING_DEFAULT);
  g_assert_cmpstr (text, ==, "IV.");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&plan, kh_plan_free);

  /* Move "2.2" to the front of part II: numbers follow the move. */
  part2 = section_id (fixture->store, id, 1, -1);
  basics = section_id (fixture->store, id, 1, 1);
  plan = kh_store_load_plan (fixture->store, id, NULL);
  reform = ((KhSection *)((KhSection *)((KhSection *)plan->sections->pdata[1])->children->pdata[1])->children->pdata[1])->id;
  g_clear_pointer (&plan, kh_plan_free);
  g_assert_true (kh_store_move_section (fixture->store, reform, part2, 0, &error));
  g_assert_no_error (error);
  text = outline (fixture->store, id, KH_NUMBERING_LETTERS);
  g_assert_cmpstr (text, ==,
                   "I. MỤC ĐÍCH, YÊU CẦU|1. Mục đích:|2. Yêu cầu:|"
                   "II. NỘI DUNG, HÌNH THỨC THÔNG TIN, TUYÊN TRUYỀN|1. Về cải cách thủ tục hành chính:|"
                   "2. Các văn bản của các cấp:|3. Một số nội dung cơ bản:|a) Về cải cách thể chế:|"
                   "III. HÌNH THỨC TUYÊN TRUYỀN|IV. TỔ CHỨC THỰC HIỆN|");
  g_clear_pointer (&text, g_free);

  /* Not inside itself, not deeper than four levels. */
  g_assert_false (kh_store_move_section (fixture->store, part2, basics, 0, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  deep = kh_section_new ("a", NULL);
  kh_section_append_child (kh_section_append_child (deep, kh_section_new ("b", NULL)),
                           kh_section_new ("c", NULL));
  g_assert_cmpint (kh_store_add_section (fixture->store, id, basics, -1, deep, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4 levels"));
  g_clear_error (&error);

  /* Removing a part renumbers the rest, and takes its items along. */
  g_assert_true (kh_store_remove_section (fixture->store, part2, &error));
  g_assert_true (kh_store_update_section (fixture->store, added, "HÌNH THỨC", "1. Đài truyền thanh.", &error));
  g_assert_no_error (error);
  text = outline (fixture->store, id, KH_NUMBERING_DECIMAL);
  g_assert_cmpstr (text, ==,
                   "I. MỤC ĐÍCH, YÊU CẦU|1. Mục đích:|2. Yêu cầu:|II. HÌNH THỨC|III. TỔ CHỨC THỰC HIỆN|");
  plan = kh_store_load_plan (fixture->store, id, NULL);
  g_assert_cmpuint (kh_sections_count (plan->sections), ==, 5);
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = make_plan (2024);
  g_autoptr(KhTask) task = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  KhSection *broken = kh_section_new ("PHẦN HỎNG", NULL);
  KhSection *child;
  gint64 id;

  /* The last part fails after the header, bases and first parts were
   * written: none of them may stay. */
  child = kh_section_append_child (broken, kh_section_new ("con", NULL));
  g_free (child->generated);
  child->generated = g_strdup ("nonsense");
  g_ptr_array_add (plan->sections, broken);
  g_assert_cmpint (kh_store_create_plan (fixture->store, plan, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_committed_plans (fixture->store), ==, 0);
  g_assert_cmpint (kh_store_find_plan (fixture->store, 2024, NULL, NULL), ==, 0);

  g_ptr_array_remove_index (plan->sections, plan->sections->len - 1);
  id = kh_store_create_plan (fixture->store, plan, &error);
  g_assert_no_error (error);

  /* A supporting department that does not exist undoes the whole task. */
  task = kh_task_new (id, "Tuyên truyền trực quan", fixture->culture);
  kh_task_add_support (task, 9999);
  g_assert_cmpint (kh_store_add_task (fixture->store, task, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  tasks = kh_store_list_tasks (fixture->store, id, 0, NULL);
  g_assert_cmpuint (tasks->len, ==, 0);
}

static void
test_frozen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(KhTask) task = NULL;
  g_autoptr(KhResult) result = NULL;
  const char * const lines[] = { "Lưu: VT", NULL };
  gint64 id = create_plan (fixture, 2024);
  gint64 other = create_plan (fixture, 2025);
  gint64 part, task_id;
  GDate date;

  /* Tasks and results made before the issue stay editable after it. */
  task = kh_task_new (id, "Tin, bài về cải cách hành chính", fixture->radio);
  task_id = kh_store_add_task (fixture->store, task, &error);
  g_assert_no_error (error);
  task->id = task_id;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 19, 2, 2024);
  g_assert_false (kh_store_issue_plan (fixture->store, id, 0, &date, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kh_store_issue_plan (fixture->store, id, 18, &date, &error));
  g_assert_no_error (error);

  plan = kh_store_load_plan (fixture->store, id, &error);
  g_assert_cmpint (plan->state, ==, KH_PLAN_STATE_ISSUED);
  g_assert_cmpint (plan->number, ==, 18);
  g_assert_cmpint (g_date_get_day (&plan->issued_on), ==, 19);
  part = ((KhSection *)plan->sections->pdata[0])->id;

  g_assert_false (kh_store_update_plan (fixture->store, plan, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_assert_nonnull (strstr (error->message, "18/KH-UBND"));
  g_assert_nonnull (strstr (error->message, "19/02/2024"));
  g_clear_error (&error);
  g_assert_false (kh_store_set_plan_bases (fixture->store, id, lines, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (kh_store_set_plan_recipients (fixture->store, id, lines, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (kh_store_update_section (fixture->store, part, "X", "", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_add_section (fixture->store, id, 0, -1, plan->sections->pdata[0], &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (kh_store_move_section (fixture->store, part, 0, 2, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (kh_store_remove_section (fixture->store, part, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (kh_store_set_plan_state (fixture->store, id, KH_PLAN_STATE_DRAFT, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (kh_store_delete_plan (fixture->store, id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (kh_store_issue_plan (fixture->store, id, 19, &date, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_clear_pointer (&plan, kh_plan_free);
  plan = kh_store_load_plan (fixture->store, id, &error);
  g_assert_cmpstr (((KhSection *)plan->sections->pdata[0])->heading, ==, "MỤC ĐÍCH, YÊU CẦU");

  /* The work goes on. */
  task->indicator_id = kh_store_find_indicator (fixture->store, "Tin, bài");
  task->target = 40;
  g_assert_true (kh_store_update_task (fixture->store, task, &error));
  g_assert_no_error (error);
  g_date_set_dmy (&date, 29, 2, 2024);
  result = kh_result_new (id, fixture->radio, &date, "Viết tin, bài");
  result->task_id = task_id;
  result->indicator_id = task->indicator_id;
  result->quantity = 4;
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), >, 0);
  g_assert_no_error (error);

  /* Numbers are unique in the year's register; the holder is named. */
  g_date_set_dmy (&date, 20, 2, 2024);
  g_assert_false (kh_store_issue_plan (fixture->store, other, 18, &date, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Tuyên truyền cải cách hành chính năm 2024"));
  g_clear_error (&error);
  g_date_set_dmy (&date, 20, 2, 2027);
  g_assert_false (kh_store_issue_plan (fixture->store, other, 3, &date, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A year's plan is often signed in the December before; its number
   * then counts in that year's register. */
  g_date_set_dmy (&date, 28, 12, 2024);
  g_assert_false (kh_store_issue_plan (fixture->store, other, 18, &date, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (kh_store_issue_plan (fixture->store, other, 95, &date, &error));
  g_assert_no_error (error);
}

static void
test_tasks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhTask) task = NULL;
  g_autoptr(KhTask) loaded = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 id = create_plan (fixture, 2024);
  gint64 first, second, third;

  task = kh_task_new (id, "Đầu mối tổng hợp", fixture->office);
  first = kh_store_add_task (fixture->store, task, &error);
  g_clear_pointer (&task, kh_task_free);
  task = kh_task_new (id, "Tuyên truyền trực quan", fixture->culture);
  g_free (task->description);
  task->description = g_strdup ("Chủ trì phối hợp với các ngành tổ chức tuyên truyền bằng nhiều hình thức trực quan.");
  kh_task_add_support (task, fixture->radio);
  kh_task_add_support (task, fixture->culture);   /* the lead: dropped */
  kh_task_add_support (task, fixture->office);
  task->indicator_id = kh_store_find_indicator (fixture->store, "Băng rôn");
  task->target = 20;
  second = kh_store_add_task (fixture->store, task, &error);
  g_clear_pointer (&task, kh_task_free);
  task = kh_task_new (id, "Kinh phí tuyên truyền", fixture->office);
  task->rhythm = KH_RHYTHM_BY_DATE;
  g_date_set_dmy (&task->deadline, 31, 3, 2024);
  third = kh_store_add_task (fixture->store, task, &error);
  g_assert_no_error (error);

  loaded = kh_store_get_task (fixture->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->support_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (loaded->support_ids, gint64, 0), ==, fixture->office);
  g_assert_cmpint (g_array_index (loaded->support_ids, gint64, 1), ==, fixture->radio);
  g_assert_cmpfloat (loaded->target, ==, 20);
  g_assert_cmpint (loaded->position, ==, 1);

  /* By department: led or supported. */
  tasks = kh_store_list_tasks (fixture->store, id, fixture->radio, &error);
  g_assert_cmpuint (tasks->len, ==, 1);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = kh_store_list_tasks (fixture->store, id, fixture->office, &error);
  g_assert_cmpuint (tasks->len, ==, 3);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  g_assert_true (kh_store_move_task (fixture->store, third, 0, &error));
  g_assert_true (kh_store_delete_task (fixture->store, first, &error));
  g_assert_no_error (error);
  tasks = kh_store_list_tasks (fixture->store, id, 0, &error);
  g_assert_cmpuint (tasks->len, ==, 2);
  g_assert_cmpint (((KhTask *)tasks->pdata[0])->id, ==, third);
  g_assert_cmpint (((KhTask *)tasks->pdata[1])->id, ==, second);
  g_assert_cmpint (((KhTask *)tasks->pdata[1])->position, ==, 1);

  loaded->status = KH_TASK_DONE;
  g_date_set_dmy (&loaded->done_on, 30, 6, 2024);
  g_array_set_size (loaded->support_ids, 0);
  g_assert_true (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, kh_task_free);
  loaded = kh_store_get_task (fixture->store, second, &error);
  g_assert_cmpint (loaded->status, ==, KH_TASK_DONE);
  g_assert_cmpuint (loaded->support_ids->len, ==, 0);

  /* Validation names what is wrong. */
  g_free (loaded->title);
  loaded->title = g_strdup ("");
  g_assert_false (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Spaces, tabs and line ends are no title either. */
  g_free (loaded->title);
  loaded->title = g_strdup (" \t\n\u00a0 ");
  g_assert_false (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The task needs a title, for example “Tuyên truyền trực quan”.");
  g_clear_error (&error);
  g_free (loaded->title);
  loaded->title = g_strdup ("Tuyên truyền trực quan");
  loaded->lead_department_id = 0;
  g_assert_false (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Tuyên truyền trực quan"));
  g_clear_error (&error);
  loaded->lead_department_id = fixture->culture;
  g_date_set_dmy (&loaded->deadline, 31, 12, 2023);
  g_assert_false (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "31/12/2023"));
  g_clear_error (&error);
  g_date_clear (&loaded->deadline, 1);
  loaded->rhythm = KH_RHYTHM_BY_DATE;
  g_assert_false (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  loaded->rhythm = KH_RHYTHM_QUARTERLY;
  loaded->target = -3;
  g_assert_false (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  loaded->target = 5e9;
  g_assert_false (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The target of the task “Tuyên truyền trực quan” must be a number from 0 to 1000000.");
  g_clear_error (&error);
  loaded->target = NAN;
  g_assert_false (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "must be a number"));
  g_clear_error (&error);
  loaded->target = 12;
  loaded->indicator_id = 0;
  g_assert_false (kh_store_update_task (fixture->store, loaded, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kh_store_delete_task (fixture->store, 9999, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
}

static KhResult *
make_result (Fixture    *fixture,
             gint64      plan_id,
             int         day,
             int         month,
             const char *indicator,
             double      quantity)
{
  GDate date;
  KhResult *result;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2024);
  result = kh_result_new (plan_id, fixture->culture, &date, "Treo băng rôn");
  if (indicator != NULL)
    result->indicator_id = kh_store_find_indicator (fixture->store, indicator);
  result->quantity = quantity;
  return result;
}

static void
test_results (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(KhResult) result = NULL;
  g_autoptr(KhResult) loaded = NULL;
  gint64 plan_id = create_plan (fixture, 2024);
  gint64 other_plan = create_plan (fixture, 2025);
  g_autoptr(KhTask) other_task = kh_task_new (other_plan, "Nhiệm vụ năm sau", fixture->office);
  gint64 banners = kh_store_find_indicator (fixture->store, "Băng rôn");
  gint64 first = 0;
  GDate from, to;
  double sum = -1;

  struct { int day, month; const char *indicator; double quantity; } rows[] = {
    { 10, 1, "Băng rôn", 3 }, { 22, 2, "Băng rôn", 3 }, { 15, 4, "Băng rôn", 5 },
    { 20, 1, NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhResult) row = make_result (fixture, plan_id, rows[i].day, rows[i].month,
                                             rows[i].indicator, rows[i].quantity);
      gint64 id = kh_store_add_result (fixture->store, row, &error);

      g_assert_no_error (error);
      if (i == 0)
        first = id;
    }

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, 2024);
  g_date_set_dmy (&to, 31, 3, 2024);
  results = kh_store_list_results (fixture->store, plan_id, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_true (kh_store_sum_results (fixture->store, plan_id, banners, 0, &from, &to, &sum, &error));
  g_assert_cmpfloat (sum, ==, 6);
  g_assert_true (kh_store_sum_results (fixture->store, plan_id, banners, 0, NULL, NULL, &sum, &error));
  g_assert_cmpfloat (sum, ==, 11);
  g_assert_true (kh_store_sum_results (fixture->store, plan_id, banners, fixture->radio, NULL, NULL, &sum, &error));
  g_assert_cmpfloat (sum, ==, 0);

  loaded = kh_store_get_result (fixture->store, first, &error);
  g_assert_no_error (error);
  loaded->quantity = 4;
  loaded->department_id = fixture->radio;
  g_free (loaded->evidence);
  loaded->evidence = g_strdup ("anh-bang-ron.jpg");
  g_assert_true (kh_store_update_result (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, kh_result_free);
  loaded = kh_store_get_result (fixture->store, first, &error);
  g_assert_cmpfloat (loaded->quantity, ==, 4);
  g_assert_cmpstr (loaded->evidence, ==, "anh-bang-ron.jpg");

  /* Validation */
  result = make_result (fixture, plan_id, 1, 3, "Băng rôn", -2);
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The quantity of a result of Văn hóa – Xã hội cannot be negative.");
  g_clear_error (&error);
  result->quantity = 2e7;
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  result->quantity = 1e12;
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "1.000.000.000.000 is too large a quantity for one result of Văn hóa – Xã hội (at most 1.000.000).");
  g_clear_error (&error);
  /* NaN and infinity: from a file or a broken caller, never stored. */
  result->quantity = NAN;
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The quantity of a result of Văn hóa – Xã hội is not a number.");
  g_clear_error (&error);
  result->quantity = INFINITY;
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The quantity of a result of Văn hóa – Xã hội is not a number.");
  g_clear_error (&error);
  result->quantity = 0;
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "băng rôn"));
  g_clear_error (&error);
  result->quantity = 1;
  g_date_set_dmy (&result->done_on, 2, 1, 2026);
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "02/01/2026"));
  g_clear_error (&error);
  g_date_set_dmy (&result->done_on, 2, 1, 2024);
  result->department_id = 0;
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  result->department_id = fixture->culture;
  result->task_id = kh_store_add_task (fixture->store, other_task, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  result->task_id = 0;
  result->indicator_id = 0;
  g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kh_store_delete_result (fixture->store, first, &error));
  g_assert_false (kh_store_delete_result (fixture->store, first, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan/indicators", test_indicators);
  ADD ("/plan/round-trip", test_round_trip);
  ADD ("/plan/validation", test_validation);
  ADD ("/plan/numbering", test_numbering);
  ADD ("/plan/rollback", test_rollback);
  ADD ("/plan/frozen", test_frozen);
  ADD ("/plan/tasks", test_tasks);
  ADD ("/plan/results", test_results);
#undef ADD

  return g_test_run ();
}
