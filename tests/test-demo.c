/* test-demo.c — the demo agency, its 2024 plan and quý I results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kh-agency.h"
#include "kh-demo.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-plan.h"
#include "kh-result.h"
#include "kh-store-private.h"
#include "kh-task.h"
#include "kh-vn-format.h"

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

  fixture->store = kh_test_store_new ("kh-demo", &fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kh_test_store_remove (&fixture->store, &fixture->dir);
}

static KhPlan *
load_demo_plan (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = kh_store_list_plans (store, &error);
  KhPlan *plan;

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = kh_store_load_plan (store, ((KhPlan *)plans->pdata[0])->id, &error);
  g_assert_no_error (error);
  return plan;
}

static const KhSection *
child (const KhSection *section,
       guint            index)
{
  g_assert_cmpuint (index, <, section->children->len);
  return section->children->pdata[index];
}

static double
sum_quarter (KhStore    *store,
             gint64      plan_id,
             const char *indicator)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kh_store_find_indicator (store, indicator);
  double sum = -1;
  GDate from, to;

  g_assert_cmpint (id, >, 0);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, 2024);
  g_date_set_dmy (&to, 31, 3, 2024);
  g_assert_true (kh_store_sum_results (store, plan_id, id, 0, &from, &to, &sum, &error));
  g_assert_no_error (error);
  return sum;
}

static void
test_content (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(GPtrArray) signers = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(KhSigner) signer = NULL;
  g_auto(GStrv) recipients = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place_date = NULL;
  g_autofree char *item = NULL;
  static const char * const names[] = {
    "Văn phòng – Thống kê", "Văn hóa – Xã hội", "Tư pháp – Hộ tịch",
    "Đài truyền thanh", "Tài chính – Kế toán", "Ủy ban MTTQ và các đoàn thể",
  };
  static const char * const kinds[] = { "office", "culture", "justice", "radio", "finance", "front" };
  const KhSection *purpose, *content, *forms, *part4;

  /* The default indicators do not make a database hold data. */
  g_assert_true (kh_store_install_default_indicators (fixture->store, &error));
  g_assert_true (kh_store_is_empty (fixture->store));
  g_assert_true (kh_demo_load (fixture->store, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (kh_store_is_empty (fixture->store));

  agency = kh_store_load_agency (fixture->store, &error);
  g_assert_cmpstr (agency->name, ==, "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH");
  g_assert_cmpstr (agency->parent_name, ==, "UBND THỊ XÃ ĐỨC PHỔ");
  g_assert_cmpstr (agency->short_name, ==, "UBND phường Phổ Minh");
  g_assert_cmpstr (agency->locality, ==, "phường Phổ Minh");
  g_assert_cmpstr (agency->collective_name, ==, "ỦY BAN NHÂN DÂN");
  g_assert_cmpstr (agency->abbreviation, ==, "UBND");
  g_assert_cmpstr (agency->place, ==, "Phổ Minh");

  signers = kh_store_list_signers (fixture->store, TRUE, &error);
  g_assert_cmpuint (signers->len, ==, 2);
  g_assert_cmpstr (((KhSigner *)signers->pdata[1])->name, ==, "Nguyễn Tấn Phát");
  g_assert_cmpstr (((KhSigner *)signers->pdata[1])->title, ==, "Phó Chủ tịch");

  departments = kh_store_list_departments (fixture->store, TRUE, &error);
  g_assert_cmpuint (departments->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (kh_department_get_name (departments->pdata[i]), ==, names[i]);
      g_assert_cmpstr (kh_department_get_kind (departments->pdata[i]), ==, kinds[i]);
    }

  indicators = kh_store_list_indicators (fixture->store, TRUE, &error);
  g_assert_cmpuint (indicators->len, ==, 9);

  recipients = kh_store_list_default_recipients (fixture->store, &error);
  g_assert_cmpuint (g_strv_length (recipients), ==, 8);
  g_assert_cmpstr (recipients[7], ==, "Lưu: VT");

  /* The plan, as issued */
  plan = load_demo_plan (fixture->store);
  g_assert_cmpint (plan->year, ==, 2024);
  g_assert_cmpstr (plan->title, ==, "Tuyên truyền cải cách hành chính năm 2024\nTrên địa bàn phường Phổ Minh");
  g_assert_cmpint (plan->state, ==, KH_PLAN_STATE_ISSUED);
  number = kh_format_doc_number (plan->number, "KH", agency->abbreviation);
  g_assert_cmpstr (number, ==, "Số: 18/KH-UBND");
  date = kh_format_date_short (&plan->issued_on);
  g_assert_cmpstr (date, ==, "19/02/2024");
  place_date = kh_format_place_date (agency->place, &plan->issued_on);
  g_assert_cmpstr (place_date, ==, "Phổ Minh, ngày 19 tháng 02 năm 2024");
  signer = kh_store_get_signer (fixture->store, plan->signer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signer->name, ==, "Lê Duy Bảo");
  g_assert_cmpstr (plan->authority, ==, "");

  g_assert_cmpuint (g_strv_length (plan->bases), ==, 1);
  g_assert_cmpstr (plan->bases[0], ==,
                   "Quyết định số 181/QĐ-UBND ngày 29/12/2023 của UBND phường Phổ Minh về Ban hành "
                   "Kế hoạch cải cách hành chính phường Phổ Minh năm 2024");
  g_assert_cmpstr (plan->intro, ==,
                   "UBND phường Phổ Minh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024 "
                   "trên địa bàn phường Phổ Minh như sau:");
  g_assert_true (g_str_has_prefix (plan->closing, "Trên đây là kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024"));
  g_assert_true (g_str_has_suffix (plan->closing, "quán triệt và tổ chức thực hiện./."));
  g_assert_cmpuint (g_strv_length (plan->recipients), ==, 8);
  g_assert_cmpstr (plan->recipients[0], ==, "UBND thị xã");
  g_assert_cmpstr (plan->recipients[2], ==, "TT. Đảng ủy; HĐND phường");
  g_assert_cmpstr (plan->recipients[7], ==, "Lưu: VT");

  /* Its text, part by part */
  g_assert_cmpuint (plan->sections->len, ==, 4);
  g_assert_cmpuint (kh_sections_count (plan->sections), ==, 14);
  purpose = plan->sections->pdata[0];
  content = plan->sections->pdata[1];
  forms = plan->sections->pdata[2];
  part4 = plan->sections->pdata[3];
  g_assert_cmpstr (purpose->heading, ==, "MỤC ĐÍCH, YÊU CẦU");
  g_assert_cmpstr (content->heading, ==, "NỘI DUNG, HÌNH THỨC THÔNG TIN, TUYÊN TRUYỀN");
  g_assert_cmpstr (forms->heading, ==, "HÌNH THỨC TUYÊN TRUYỀN");
  g_assert_cmpstr (part4->heading, ==, "TỔ CHỨC THỰC HIỆN");
  g_assert_true (kh_section_is_generated (part4));
  g_assert_true (g_str_has_prefix (part4->body, "Trên cơ sở kế hoạch này các ngành Đoàn thể"));

  g_assert_cmpstr (child (purpose, 0)->heading, ==, "Mục đích:");
  lines = kh_section_split_body (child (purpose, 0)->body);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  /* The page break of the seed inside "có hiệu / quả" is mended. */
  g_assert_cmpstr (lines[4], ==,
                   "- Nâng cao kỷ luật, kỷ cương hành chính, văn hóa công vụ, quy tắc ứng xử của cán bộ, "
                   "công chức, người hoạt động không chuyên trách, thực hiện có hiệu quả cơ chế một cửa; "
                   "đáp ứng ngày càng tốt hơn về dịch vụ hành chính công của tổ chức và công dân.");
  g_clear_pointer (&lines, g_strfreev);
  lines = kh_section_split_body (child (purpose, 1)->body);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[5], ==,
                   "- Đáp ứng kịp thời nhu cầu nắm bắt, tìm hiểu thông tin về cải cách hành chính của cán bộ, "
                   "công chức, người hoạt động không chuyên trách và nhân dân trên địa bàn phường.");
  g_clear_pointer (&lines, g_strfreev);

  g_assert_nonnull (strstr (child (content, 0)->body, "(PAPI) giai đoạn 2022 - 2025 của phường Phổ Minh;"));
  g_assert_cmpuint (child (content, 1)->children->len, ==, 6);
  g_assert_cmpstr (child (child (content, 1), 4)->heading, ==, "Về cải cách tài chính công:");
  g_assert_cmpstr (child (child (content, 1), 4)->body, ==,
                   "Tuyên truyền cải cách tài chính công, thực hiện dân chủ, công khai, minh bạch về tài sản "
                   "công của đơn vị; thực hành tiết kiệm, chống lãng phí.");
  g_assert_nonnull (strstr (child (child (content, 1), 2)->body,
                            "nâng cao chất lượng hoạt động của bộ phận tiếp nhận và trả kết quả"));
  item = kh_plan_section_number (plan, child (child (content, 1), 0)->id, KH_NUMBERING_DEFAULT);
  g_assert_cmpstr (item, ==, "2.1.");
  g_clear_pointer (&item, g_free);
  item = kh_plan_section_number (plan, part4->id, KH_NUMBERING_DEFAULT);
  g_assert_cmpstr (item, ==, "IV.");

  lines = kh_section_split_body (forms->body);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==,
                   "4. Lồng ghép nội dung cải cách hành chính trong các cuộc họp, hội nghị tuyên truyền, "
                   "phổ biến, giáo dục pháp luật.");

  /* Part IV as tasks: one per bullet of the seed, led by its department */
  tasks = kh_store_list_tasks (fixture->store, plan->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 16);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = kh_store_list_tasks (fixture->store, plan->id, kh_department_get_id (departments->pdata[3]), &error);
  g_assert_cmpuint (tasks->len, ==, 3);   /* two led by the radio, one it supports */
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = kh_store_list_tasks (fixture->store, plan->id, kh_department_get_id (departments->pdata[4]), &error);
  g_assert_cmpuint (tasks->len, ==, 1);
  g_assert_cmpstr (((KhTask *)tasks->pdata[0])->description, ==,
                   "Tham mưu xây dựng, bố trí kinh phí thực hiện công tác thông tin, tuyên truyền cải cách "
                   "hành chính trên địa bàn phường.");
  g_assert_cmpint (((KhTask *)tasks->pdata[0])->rhythm, ==, KH_RHYTHM_BY_DATE);

  /* Results of quý I, as the seed report counts them */
  results = kh_store_list_results (fixture->store, plan->id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 12);
  for (guint i = 0; i < results->len; i++)
    {
      const KhResult *result = results->pdata[i];

      g_assert_cmpint (g_date_get_year (&result->done_on), ==, 2024);
      g_assert_cmpint (g_date_get_month (&result->done_on), <=, 3);
      g_assert_cmpint (result->department_id, >, 0);
    }
  g_assert_cmpfloat (sum_quarter (fixture->store, plan->id, "Băng rôn"), ==, 6);
  g_assert_cmpfloat (sum_quarter (fixture->store, plan->id, "Tin, bài"), ==, 11);

  /* Number 18 of 2024 is in the register. */
  g_assert_false (kh_store_check_plan_editable (fixture->store, plan->id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_assert_nonnull (strstr (error->message, "18/KH-UBND"));
}

static void
test_refuse_and_replace (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(KhPlan) extra = kh_plan_new (2025, "Tuyên truyền cải cách hành chính năm 2025");
  gint64 department;

  g_assert_true (kh_demo_load (fixture->store, FALSE, &error));
  g_assert_no_error (error);

  g_assert_false (kh_demo_load (fixture->store, FALSE, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already holds data"));
  g_clear_error (&error);

  /* A database with someone's own data: the demo replaces all of it. */
  department = kh_store_add_department (fixture->store, "Công an phường", "police", &error);
  g_assert_true (kh_store_rename_department (fixture->store, department, "Công an", &error));
  g_assert_cmpint (kh_store_create_plan (fixture->store, extra, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (kh_demo_load (fixture->store, TRUE, &error));
  g_assert_no_error (error);
  departments = kh_store_list_departments (fixture->store, TRUE, &error);
  g_assert_cmpuint (departments->len, ==, 6);
  g_assert_cmpint (kh_store_find_department (fixture->store, "Công an"), ==, 0);
  plans = kh_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (((KhPlan *)plans->pdata[0])->year, ==, 2024);
}

/* A failure half way leaves the database as it was, wiped or not. */
static void
test_one_transaction (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(KhAgency) agency = kh_agency_new ();
  sqlite3 *db = kh_store_get_db (fixture->store);

  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TEMP TRIGGER fail_on_result AFTER INSERT ON main.result"
                                 " BEGIN SELECT RAISE(ABORT, 'test failure'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (kh_demo_load (fixture->store, FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (kh_store_is_empty (fixture->store));

  g_free (agency->name);
  agency->name = g_strdup ("ỦY BAN NHÂN DÂN XÃ TÂN QUANG");
  g_assert_true (kh_store_save_agency (fixture->store, agency, &error));
  g_assert_cmpint (kh_store_add_department (fixture->store, "Công chức Văn hóa", "culture", &error), >, 0);
  g_assert_no_error (error);

  g_assert_false (kh_demo_load (fixture->store, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&agency, kh_agency_free);
  agency = kh_store_load_agency (fixture->store, &error);
  g_assert_cmpstr (agency->name, ==, "ỦY BAN NHÂN DÂN XÃ TÂN QUANG");
  g_assert_cmpint (kh_store_find_department (fixture->store, "Công chức Văn hóa"), >, 0);
  g_assert_cmpint (kh_store_find_department (fixture->store, "Đài truyền thanh"), ==, 0);
  plans = kh_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (plans->len, ==, 0);

  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER fail_on_result", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (kh_demo_load (fixture->store, TRUE, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/content", Fixture, NULL, fixture_set_up, test_content, fixture_tear_down);
  g_test_add ("/demo/refuse-and-replace", Fixture, NULL, fixture_set_up, test_refuse_and_replace,
              fixture_tear_down);
  g_test_add ("/demo/one-transaction", Fixture, NULL, fixture_set_up, test_one_transaction,
              fixture_tear_down);

  return g_test_run ();
}
