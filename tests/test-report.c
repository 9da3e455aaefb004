/* test-report.c — periodic reports: composed from the demo's quý I 2024
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kh-agency.h"
#include "kh-commemoration.h"
#include "kh-dashboard.h"
#include "kh-demo.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-plan.h"
#include "kh-report-compose.h"
#include "kh-report-document.h"
#include "kh-result.h"
#include "kh-store-private.h"
#include "kh-task.h"

typedef struct
{
  char    *dir;
  KhStore *store;
  gint64   plan;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("kh-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "kehoach.db", NULL);
  fixture->store = kh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kh_demo_load (fixture->store, FALSE, &error));
  g_assert_no_error (error);
  fixture->plan = kh_store_find_plan (fixture->store, 2024, KH_PLAN_KIND_CCHC, "");
  g_assert_cmpint (fixture->plan, >, 0);
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

/* Runs of white space as one space, as pdftotext and line breaks leave it. */
static char *
squash (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
new_report (Fixture      *fixture,
            KhPeriodKind  kind)
{
  g_autoptr(GError) error = NULL;
  KhPeriod period;
  gint64 id;

  g_assert_true (kh_store_init_period (fixture->store, &period, kind, 2024, &error));
  g_assert_no_error (error);
  id = kh_store_new_report (fixture->store, fixture->plan, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static KhReport *
load (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  KhReport *report = kh_store_load_report (fixture->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gint64
add_result (Fixture    *fixture,
            const char *department,
            const char *indicator,
            double      quantity,
            int         day,
            int         month,
            const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhResult) result = NULL;
  GDate date;
  gint64 id;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2024);
  result = kh_result_new (fixture->plan, kh_store_find_department (fixture->store, department),
                          &date, description);
  if (indicator != NULL)
    {
      result->indicator_id = kh_store_find_indicator (fixture->store, indicator);
      result->quantity = quantity;
    }
  id = kh_store_add_result (fixture->store, result, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
find_signer (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signers = kh_store_list_signers (fixture->store, TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < signers->len; i++)
    if (g_strcmp0 (((KhSigner *)signers->pdata[i])->name, name) == 0)
      return ((KhSigner *)signers->pdata[i])->id;
  g_assert_not_reached ();
  return 0;
}

static gboolean
strv_has_substring (char       **lines,
                    const char  *needle)
{
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_quarter_one (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KhReport) report = load (fixture, new_report (fixture, KH_PERIOD_Q1));
  g_autofree char *results = squash (report->results_text);

  g_assert_cmpint (report->state, ==, KH_PLAN_STATE_DRAFT);
  g_assert_cmpstr (report->title, ==, "Công tác tuyên truyền cải cách hành chính quý I năm 2024");
  g_assert_cmpstr (report->opening, ==,
                   "Thực hiện Kế hoạch số 18/KH-UBND ngày 19/02/2024 của UBND phường Phổ Minh"
                   " về tuyên truyền cải cách hành chính năm 2024, UBND phường Phổ Minh báo cáo"
                   " kết quả công tác tuyên truyền cải cách hành chính quý I năm 2024 như sau:");
  g_assert_nonnull (strstr (results, "treo 06 băng rôn"));
  g_assert_nonnull (strstr (results, "viết 11 tin, bài"));
  g_assert_cmpstr (report->results_text, ==, report->results_generated);
  /* results outside the tasks, with their descriptions */
  g_assert_nonnull (strstr (results, "Ngoài các nhiệm vụ của kế hoạch:"));
  g_assert_nonnull (strstr (results, "Luật Nghĩa vụ quân sự"));
  /* signer, recipients: the plan's signer, the agency's usual recipients */
  g_assert_cmpint (report->signer_id, >, 0);
  g_assert_cmpstr (report->recipients[g_strv_length (report->recipients) - 1], ==, "Lưu: VT");
  g_assert_true (g_str_has_prefix (report->closing, "Trên đây là báo cáo công tác tuyên truyền"));
  g_assert_nonnull (strstr (report->closing, "phương hướng nhiệm vụ quý II năm 2024"));

  /* one report per plan and period */
  {
    g_autoptr(GError) error = NULL;
    g_assert_cmpint (kh_store_new_report (fixture->store, fixture->plan, &report->period, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
    g_assert_cmpint (kh_store_find_report (fixture->store, fixture->plan, &report->period), ==, report->id);
  }
}

/* Every indicator's total in the text is the sum of its results. */
static void
test_totals (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhReport) report = load (fixture, new_report (fixture, KH_PERIOD_Q1));
  g_autoptr(GPtrArray) indicators = kh_store_list_indicators (fixture->store, TRUE, &error);
  g_autoptr(GPtrArray) results = kh_store_list_results (fixture->store, fixture->plan,
                                                        &report->period.start,
                                                        &report->period.end, &error);
  g_auto(GStrv) lines = g_strsplit (report->results_text, "\n", -1);
  guint counted = 0;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (lines[0], "Hình thức tuyên truyền: "));
  for (guint i = 0; i < indicators->len; i++)
    {
      const KhIndicator *indicator = indicators->pdata[i];
      double stored = 0, added = 0;

      g_assert_true (kh_store_sum_results (fixture->store, fixture->plan, indicator->id, 0,
                                           &report->period.start, &report->period.end,
                                           &stored, &error));
      g_assert_no_error (error);
      for (guint j = 0; j < results->len; j++)
        if (((KhResult *)results->pdata[j])->indicator_id == indicator->id)
          added += ((KhResult *)results->pdata[j])->quantity;
      g_assert_cmpfloat_with_epsilon (stored, added, 1e-9);
      if (stored > 0)
        {
          g_autofree char *count = kh_indicator_format_quantity (indicator, stored);
          g_autofree char *needle = g_strdup_printf (" %s", count);

          g_assert_nonnull (strstr (lines[0], needle));
          counted++;
        }
    }
  g_assert_cmpuint (counted, ==, 3);   /* tin bài, băng rôn, văn bản */
}

static void
test_regenerate (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_report (fixture, KH_PERIOD_Q1);
  g_autoptr(KhReportChanges) changes = NULL;
  g_autoptr(KhReport) report = NULL;
  g_autofree char *written = NULL;

  /* nothing new: nothing changed */
  g_assert_true (kh_store_regenerate_report_results (fixture->store, id, &changes, &error));
  g_assert_no_error (error);
  g_assert_true (kh_report_changes_is_empty (changes));
  g_assert_false (changes->kept_clerk_text);
  g_clear_pointer (&changes, kh_report_changes_free);

  /* a new result, text not edited: the text follows */
  add_result (fixture, "Văn hóa – Xã hội", "Băng rôn", 2, 15, 3, "Treo băng rôn chào mừng");
  g_assert_true (kh_store_regenerate_report_results (fixture->store, id, &changes, &error));
  g_assert_no_error (error);
  g_assert_false (changes->kept_clerk_text);
  g_assert_true (strv_has_substring (changes->added, "treo 08 băng rôn"));
  g_assert_true (strv_has_substring (changes->removed, "treo 06 băng rôn"));
  g_clear_pointer (&changes, kh_report_changes_free);
  report = load (fixture, id);
  g_assert_nonnull (strstr (report->results_text, "treo 08 băng rôn"));
  g_assert_cmpstr (report->results_text, ==, report->results_generated);

  /* the clerk writes; a new result: the written text stays, the change is told */
  written = g_strconcat (report->results_text, "\nNhìn chung, công tác tuyên truyền được đẩy mạnh.", NULL);
  g_free (report->results_text);
  report->results_text = g_strdup (written);
  g_free (report->favourable);
  report->favourable = g_strdup ("Được sự quan tâm, chỉ đạo của cấp ủy.");
  g_assert_true (kh_store_update_report (fixture->store, report, &error));
  g_assert_no_error (error);
  g_clear_pointer (&report, kh_report_free);

  add_result (fixture, "Đài truyền thanh", "Tin, bài", 1, 20, 3, "Viết tin về Giờ Trái đất");
  g_assert_true (kh_store_regenerate_report_results (fixture->store, id, &changes, &error));
  g_assert_no_error (error);
  g_assert_true (changes->kept_clerk_text);
  g_assert_true (strv_has_substring (changes->added, "viết 12 tin, bài"));
  g_assert_true (strv_has_substring (changes->added, "Giờ Trái đất"));
  g_assert_true (strv_has_substring (changes->removed, "viết 11 tin, bài"));
  report = load (fixture, id);
  g_assert_cmpstr (report->results_text, ==, written);
  g_assert_cmpstr (report->favourable, ==, "Được sự quan tâm, chỉ đạo của cấp ủy.");
  g_assert_nonnull (strstr (report->results_generated, "viết 12 tin, bài"));
}

static guint
count_substring (const char *text,
                 const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* The same activity recorded again and again is listed once, in its
 * department's line and outside the tasks; its quantities all count. */
static void
test_same_activity_once (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *weekly = "Phát thanh chuyên mục cải cách hành chính hằng tuần";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 department = kh_store_find_department (fixture->store, "Đài truyền thanh");
  gint64 other = kh_store_find_department (fixture->store, "Văn hóa – Xã hội");
  gint64 task = 0;
  g_autoptr(KhReport) report = NULL;

  tasks = kh_store_list_tasks (fixture->store, fixture->plan, department, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len && task == 0; i++)
    if (((KhTask *)tasks->pdata[i])->lead_department_id == department)
      task = ((KhTask *)tasks->pdata[i])->id;
  g_assert_cmpint (task, >, 0);

  for (int week = 0; week < 8; week++)
    {
      g_autoptr(KhResult) result = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1 + week * 7 % 28, 1 + week / 4, 2024);
      /* the same sentence, twice with a full stop the composer drops */
      result = kh_result_new (fixture->plan, week < 6 ? department : other, &date,
                              week % 2 ? weekly : "Phát thanh chuyên mục cải cách hành chính hằng tuần.");
      result->task_id = task;
      result->indicator_id = kh_store_find_indicator (fixture->store, "Tin, bài");
      result->quantity = 1;
      g_assert_cmpint (kh_store_add_result (fixture->store, result, &error), >, 0);
      g_assert_no_error (error);
    }
  for (int month = 1; month <= 3; month++)
    add_result (fixture, "Tư pháp – Hộ tịch", NULL, 0, 10, month, "Tuyên truyền Luật Hòa giải ở cơ sở");

  report = load (fixture, new_report (fixture, KH_PERIOD_Q1));
  /* once in the Đài truyền thanh line, once in Văn hóa – Xã hội's */
  g_assert_cmpuint (count_substring (report->results_text, weekly), ==, 2);
  g_assert_cmpuint (count_substring (report->results_text, "Tuyên truyền Luật Hòa giải ở cơ sở (Tư pháp – Hộ tịch)."), ==, 1);
  /* the demo's 11 articles and these 8 */
  g_assert_nonnull (strstr (report->results_text, "viết 19 tin, bài"));
}

static void
test_prefill (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhReport) first = load (fixture, new_report (fixture, KH_PERIOD_Q1));
  g_autoptr(KhReport) second = NULL;
  g_autofree char *days_q2 = NULL;
  g_autofree char *days_q3 = NULL;
  KhPeriod q2, q3;

  /* quý I's direction offers the days of quý II */
  g_assert_true (kh_store_init_period (fixture->store, &q2, KH_PERIOD_Q2, 2024, &error));
  days_q2 = kh_store_compose_anniversaries (fixture->store, &q2, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (days_q2, KH_REPORT_ANNIVERSARIES_PREFIX));
  g_assert_nonnull (strstr (days_q2, "70 năm Ngày chiến thắng Điện Biên Phủ (07/5/1954 – 07/5/2024)"));
  g_assert_null (strstr (days_q2, "Ba Tơ"));
  g_assert_cmpstr (first->direction, ==, days_q2);

  g_free (first->favourable);
  first->favourable = g_strdup ("Được sự quan tâm, chỉ đạo của cấp ủy, chính quyền.");
  g_free (first->difficulties);
  first->difficulties = g_strdup ("Nguồn kinh phí còn hạn chế.");
  g_free (first->proposals);
  first->proposals = g_strdup ("- Tổ chức tập huấn, bồi dưỡng chuyên môn.\n- Hỗ trợ thêm kinh phí.");
  g_free (first->direction);
  first->direction = g_strconcat ("- Tiếp tục tuyên truyền sâu rộng.\n", days_q2, NULL);
  g_free (first->authority);
  first->authority = g_strdup ("KT.");
  first->signer_id = find_signer (fixture, "Nguyễn Tấn Phát");
  g_assert_true (kh_store_update_report (fixture->store, first, &error));
  g_assert_no_error (error);

  second = load (fixture, new_report (fixture, KH_PERIOD_Q2));
  g_assert_cmpstr (second->favourable, ==, first->favourable);
  g_assert_cmpstr (second->difficulties, ==, first->difficulties);
  g_assert_cmpstr (second->proposals, ==, first->proposals);
  g_assert_cmpstr (second->authority, ==, "KT.");

  /* the old list of days is replaced by the days of quý III */
  g_assert_true (kh_store_init_period (fixture->store, &q3, KH_PERIOD_Q3, 2024, &error));
  days_q3 = kh_store_compose_anniversaries (fixture->store, &q3, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (second->direction, "- Tiếp tục tuyên truyền sâu rộng.\n"));
  g_assert_nonnull (strstr (second->direction, days_q3));
  g_assert_null (strstr (second->direction, "Điện Biên Phủ"));
}

/* A plan not issued yet is named without number; the higher plans in
 * its bases come first, the agency's own decisions are left out. */
static void
test_opening (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = kh_plan_new (2024, "Tuyên truyền cải cách hành chính năm 2024\nTrên địa bàn phường Phổ Minh");
  const char *bases[] = {
    "Quyết định số 59/QĐ-UBND ngày 12/01/2022 của Chủ tịch UBND thị xã Đức Phổ về việc ban hành Kế hoạch tuyên truyền cải cách hành chính giai đoạn 2022-2025",
    "Luật Tổ chức chính quyền địa phương ngày 19/6/2015",
    "Kế hoạch số 26/KH-UBND ngày 20/02/2024 của UBND thị xã Đức Phổ về tuyên truyền cải cách hành chính năm 2024 trên địa bàn thị xã",
    "Quyết định số 181/QĐ-UBND ngày 29/12/2023 của UBND phường Phổ Minh về Ban hành Kế hoạch cải cách hành chính phường Phổ Minh năm 2024",
    NULL
  };
  g_autofree char *opening = NULL;
  KhPeriod period;

  g_strfreev (plan->bases);
  plan->bases = g_strdupv ((char **)bases);
  g_assert_true (kh_store_init_period (fixture->store, &period, KH_PERIOD_H1, 2024, &error));
  opening = kh_store_compose_report_opening (fixture->store, plan, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opening, ==,
                   "Thực hiện Quyết định số 59/QĐ-UBND ngày 12/01/2022 của Chủ tịch UBND thị xã Đức Phổ"
                   " về việc ban hành Kế hoạch tuyên truyền cải cách hành chính giai đoạn 2022-2025;"
                   " Kế hoạch số 26/KH-UBND ngày 20/02/2024 của UBND thị xã Đức Phổ về tuyên truyền"
                   " cải cách hành chính năm 2024 trên địa bàn thị xã; Kế hoạch tuyên truyền cải cách"
                   " hành chính năm 2024 của UBND phường Phổ Minh, UBND phường Phổ Minh báo cáo kết quả"
                   " công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2024 như sau:");
}

static gboolean
has_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);
  return path != NULL;
}

static void
test_document (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_report (fixture, KH_PERIOD_Q1);
  g_autoptr(KhReport) report = load (fixture, id);
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GBytes) pdf = NULL;
  KhPdfOptions options;
  gboolean table = FALSE, direction = FALSE;

  report->with_table = TRUE;
  g_free (report->authority);
  report->authority = g_strdup ("KT.");
  report->signer_id = find_signer (fixture, "Nguyễn Tấn Phát");
  g_assert_true (kh_store_update_report (fixture->store, report, &error));
  g_assert_no_error (error);

  /* issued mode needs a number */
  doc = kh_store_compose_report_document (fixture->store, id, KH_DOCUMENT_MODE_ISSUED, &error);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_null (doc);
  g_clear_error (&error);

  doc = kh_store_compose_report_document (fixture->store, id, KH_DOCUMENT_MODE_SIGNING, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->type_name, ==, "BÁO CÁO");
  g_assert_cmpstr (doc->type_abbr, ==, "BC");
  g_assert_cmpstr (doc->authority, ==, "KT. CHỦ TỊCH");
  g_assert_cmpstr (doc->signer_title, ==, "PHÓ CHỦ TỊCH");
  g_assert_cmpstr (doc->signer_name, ==, "Nguyễn Tấn Phát");
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const KhDocumentBlock *block = doc->blocks->pdata[i];

      if (block->kind == KH_DOCUMENT_BLOCK_TABLE)
        {
          /* header + băng rôn (target 20), tin bài (target 40), văn bản */
          g_assert_cmpuint (block->rows->len, ==, 4);
          for (guint r = 1; r < block->rows->len; r++)
            {
              char **cells = block->rows->pdata[r];
              if (strstr (cells[1], "Băng rôn") != NULL)
                {
                  g_assert_cmpstr (cells[2], ==, "20");
                  g_assert_cmpstr (cells[3], ==, "06");
                  g_assert_cmpstr (cells[5], ==, "30%");
                  table = TRUE;
                }
            }
        }
      if (block->kind == KH_DOCUMENT_BLOCK_HEADING &&
          g_strcmp0 (block->text, "3. Phương hướng nhiệm vụ quý II năm 2024") == 0)
        direction = TRUE;
    }
  g_assert_true (table);
  g_assert_true (direction);

  kh_pdf_options_init (&options);
  pdf = kh_pdf_render_document (doc, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);

  if (!has_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  {
    g_autofree char *path = g_build_filename (fixture->dir, "bc.pdf", NULL);
    g_autofree char *out = NULL;
    g_autofree char *text = NULL;
    const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
    int status = 0;

    g_assert_true (kh_store_export_report_pdf (fixture->store, id, KH_DOCUMENT_MODE_DRAFT,
                                               &options, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    text = squash (out);
    g_assert_nonnull (strstr (text, "BÁO CÁO"));
    g_assert_nonnull (strstr (text, "06 băng rôn"));
    g_assert_nonnull (strstr (text, "18/KH-UBND ngày 19/02/2024"));
    g_remove (path);
  }
}

static void
test_issue (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = new_report (fixture, KH_PERIOD_Q1);
  gint64 second = new_report (fixture, KH_PERIOD_Q2);
  g_autoptr(KhReport) report = load (fixture, first);
  g_autofree char *name = NULL;
  g_autoptr(KhStmt) stmt = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 8, 3, 2024);

  /* for signing first, then issued */
  g_assert_true (kh_store_set_report_state (fixture->store, first, KH_PLAN_STATE_SIGNING, &error));
  g_assert_no_error (error);
  g_assert_true (kh_store_issue_report (fixture->store, first, 5, &date, &error));
  g_assert_no_error (error);
  g_clear_pointer (&report, kh_report_free);
  report = load (fixture, first);
  g_assert_cmpint (report->state, ==, KH_PLAN_STATE_ISSUED);
  g_assert_cmpint (report->number, ==, 5);

  name = kh_store_report_default_file_name (fixture->store, report, KH_DOCUMENT_MODE_ISSUED);
  g_assert_cmpstr (name, ==, "BC-05-2024-quy-I-tuyen-truyen-CCHC.pdf");
  g_clear_pointer (&name, g_free);
  name = kh_store_report_default_file_name (fixture->store, report, KH_DOCUMENT_MODE_DRAFT);
  g_assert_cmpstr (name, ==, "BC-du-thao-2024-quy-I-tuyen-truyen-CCHC.pdf");

  /* registered as BC */
  stmt = kh_store_prepare (fixture->store,
                           "SELECT doc_type, number, report_id FROM document_number WHERE report_id = ?1",
                           &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, first);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "BC");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 5);
  g_clear_pointer (&stmt, kh_stmt_release);

  /* frozen */
  g_assert_false (kh_store_update_report (fixture->store, report, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (kh_store_regenerate_report_results (fixture->store, first, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (kh_store_delete_report (fixture->store, first, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
  g_clear_error (&error);

  /* numbers are unique per year and type: 05/BC is taken, 18 is only a KH */
  g_date_set_dmy (&date, 10, 6, 2024);
  g_assert_false (kh_store_issue_report (fixture->store, second, 5, &date, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "05/BC-UBND"));
  g_clear_error (&error);
  g_assert_true (kh_store_issue_report (fixture->store, second, 18, &date, &error));
  g_assert_no_error (error);

  /* the issued document carries the number */
  {
    g_autoptr(KhDocument) doc = kh_store_compose_report_document (fixture->store, first,
                                                                  KH_DOCUMENT_MODE_ISSUED, &error);
    g_assert_no_error (error);
    g_assert_cmpint (doc->number, ==, 5);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report/quarter-one", test_quarter_one);
  ADD ("/report/totals", test_totals);
  ADD ("/report/regenerate", test_regenerate);
  ADD ("/report/same-activity-once", test_same_activity_once);
  ADD ("/report/prefill", test_prefill);
  ADD ("/report/opening", test_opening);
  ADD ("/report/document", test_document);
  ADD ("/report/issue", test_issue);
#undef ADD

  return g_test_run ();
}
