/* kh-report-compose.c — a report's text, made from the plan and the recorded results
 *
 * A new report gets its title and opening from the plan ("Thực hiện Kế
 * hoạch số 18/KH-UBND ngày 19/02/2024 của …"), its results from the
 * records of the period, written as the seeds write them ("treo 06 băng
 * rôn", "viết 11 tin, bài"), and its written parts from the previous
 * report of the plan, with the commemorative days of the coming period
 * offered in "phương hướng".
 *
 * The generated results are kept apart from the clerk's: regenerating
 * stores the new text in results_generated and replaces results_text
 * only when the clerk had not changed it; either way the caller learns
 * which lines came and went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-report-compose"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-agency.h"
#include "kh-commemoration.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-report-compose.h"
#include "kh-result.h"
#include "kh-store-private.h"
#include "kh-text.h"
#include "kh-vn-format.h"

void
kh_report_changes_free (KhReportChanges *changes)
{
  if (changes == NULL)
    return;
  g_strfreev (changes->added);
  g_strfreev (changes->removed);
  g_free (changes);
}

gboolean
kh_report_changes_is_empty (const KhReportChanges *changes)
{
  return changes == NULL ||
         ((changes->added == NULL || changes->added[0] == NULL) &&
          (changes->removed == NULL || changes->removed[0] == NULL));
}

static int
cutoff_day (KhStore *store)
{
  g_autoptr(KhAgency) agency = kh_store_load_agency (store, NULL);

  return agency ? agency->period_cutoff_day : 0;
}

static char *
lower_first (const char *text)
{
  char first[8] = { 0 };

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* The plan's title, first line, without its year, in lower case:
 * "Tuyên truyền cải cách hành chính năm 2024" → "tuyên truyền cải cách
 * hành chính". */
char *
kh_plan_report_subject (const KhPlan *plan)
{
  g_autofree char *first_line = g_strndup (plan->title, strcspn (plan->title, "\n"));
  g_autofree char *year = g_strdup_printf ("năm %d", plan->year);
  g_autoptr(GString) subject = g_string_new (first_line);

  g_string_replace (subject, year, "", 0);
  g_strstrip (subject->str);
  g_string_set_size (subject, strlen (subject->str));
  if (subject->len == 0)
    g_string_assign (subject, "tuyên truyền cải cách hành chính");
  return lower_first (subject->str);
}

/* The period "phương hướng" is about: "quý II năm 2024", "6 tháng cuối
 * năm 2024", or "kỳ tới" after a range. */
char *
kh_report_next_period_name (const KhPeriod *period,
                            int             cutoff)
{
  KhPeriod next;

  if (period->kind == KH_PERIOD_H1)
    return g_strdup_printf ("6 tháng cuối năm %d", period->year);
  if (!kh_period_next (period, cutoff, &next))
    return g_strdup ("kỳ tới");
  return kh_period_describe (&next);
}

/* "Công tác tuyên truyền cải cách hành chính quý I năm 2024", with the
 * dates on a second line when the agency closes its periods early. */
char *
kh_store_compose_report_title (KhStore        *store,
                               const KhPlan   *plan,
                               const KhPeriod *period)
{
  g_autofree char *subject = kh_plan_report_subject (plan);
  g_autofree char *name = kh_period_describe (period);
  g_autoptr(GString) title = g_string_new (NULL);

  g_string_append_printf (title, "Công tác %s %s", subject, name);
  if (period->kind != KH_PERIOD_RANGE && cutoff_day (store) != 0)
    {
      g_autofree char *dates = kh_period_describe_dates (period);
      g_autofree char *upper = NULL;
      gunichar c = g_utf8_get_char (dates);
      char first[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_toupper (c), first);
      upper = g_strconcat (first, g_utf8_next_char (dates), NULL);
      g_string_append_printf (title, "\n(%s)", upper);
    }
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static gboolean
starts_with_word (const char *text,
                  const char *word)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *folded_word = g_utf8_casefold (word, -1);

  return g_str_has_prefix (folded, folded_word);
}

/* A basis the report names: a plan or a decision of another agency. The
 * agency's own decisions (its plan on CCHC in general, its own
 * instructions) are the ground of the plan, not of the report. */
static gboolean
is_higher_plan (const char     *basis,
                const KhAgency *agency)
{
  g_autofree char *folded = g_utf8_casefold (basis, -1);

  if (!starts_with_word (basis, "Kế hoạch") && !starts_with_word (basis, "Quyết định"))
    return FALSE;
  if (agency != NULL && !kh_text_is_blank (agency->short_name))
    {
      g_autofree char *own = g_utf8_casefold (agency->short_name, -1);
      if (strstr (folded, own) != NULL)
        return FALSE;
    }
  if (agency != NULL && !kh_text_is_blank (agency->locality))
    {
      g_autofree char *own = g_utf8_casefold (agency->locality, -1);
      if (strstr (folded, own) != NULL)
        return FALSE;
    }
  return TRUE;
}

/* "Thực hiện <higher plans>; Kế hoạch số 18/KH-UBND ngày 19/02/2024 của
 * UBND phường Phổ Minh về tuyên truyền cải cách hành chính năm 2024, UBND
 * phường Phổ Minh báo cáo kết quả công tác … quý I năm 2024 như sau:" */
char *
kh_store_compose_report_opening (KhStore         *store,
                                 const KhPlan    *plan,
                                 const KhPeriod  *period,
                                 GError         **error)
{
  g_autoptr(KhAgency) agency = kh_store_load_agency (store, error);
  g_autofree char *subject = kh_plan_report_subject (plan);
  g_autofree char *name = kh_period_describe (period);
  g_autofree char *first_line = g_strndup (plan->title, strcspn (plan->title, "\n"));
  g_autofree char *about = lower_first (first_line);
  g_autoptr(GString) text = g_string_new ("Thực hiện ");
  const char *who;

  if (agency == NULL)
    return NULL;
  who = !kh_text_is_blank (agency->short_name) ? agency->short_name : agency->name;

  for (guint i = 0; plan->bases != NULL && plan->bases[i] != NULL; i++)
    if (is_higher_plan (plan->bases[i], agency))
      g_string_append_printf (text, "%s; ", plan->bases[i]);

  if (plan->state == KH_PLAN_STATE_ISSUED && plan->number > 0 && g_date_valid (&plan->issued_on))
    {
      g_autofree char *symbol = kh_format_doc_symbol (plan->number, "KH", agency->abbreviation);
      g_autofree char *date = kh_format_date_short (&plan->issued_on);

      g_string_append_printf (text, "Kế hoạch số %s ngày %s của %s về %s", symbol, date, who, about);
    }
  else
    g_string_append_printf (text, "Kế hoạch %s của %s", about, who);

  g_string_append_printf (text, ", %s báo cáo kết quả công tác %s %s như sau:", who, subject, name);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Results */

typedef struct
{
  gint64     id;
  char      *name;
  double    *sums;         /* per indicator, in the indicators' order */
  GPtrArray *descriptions; /* of the results on the plan's tasks, each once */
} DepartmentLines;

static void
department_lines_free (DepartmentLines *lines)
{
  g_free (lines->name);
  g_free (lines->sums);
  g_ptr_array_unref (lines->descriptions);
  g_free (lines);
}

static char *
clean_sentence (const char *text)
{
  g_autofree char *stripped = kh_text_strip (text);
  gsize len = strlen (stripped);

  while (len > 0 && strchr (".;, ", stripped[len - 1]) != NULL)
    stripped[--len] = '\0';
  return g_steal_pointer (&stripped);
}

/* "treo 06 băng rôn; viết 11 tin, bài", or "" when nothing was counted. */
static char *
format_counts (GPtrArray    *indicators,
               const double *sums)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < indicators->len; i++)
    {
      g_autofree char *count = NULL;

      if (sums[i] <= 0)
        continue;
      count = kh_indicator_format_quantity (indicators->pdata[i], sums[i]);
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, count);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
indicator_index (GPtrArray *indicators,
                 gint64     id)
{
  for (guint i = 0; i < indicators->len; i++)
    if (((KhIndicator *)indicators->pdata[i])->id == id)
      return (int)i;
  return -1;
}

/* Whether @key is met for the first time. An activity done every week is
 * one activity: its quantities are in the counts, its sentence is listed
 * once. */
static gboolean
first_time (GHashTable *seen,
            const char *key)
{
  if (g_hash_table_contains (seen, key))
    return FALSE;
  g_hash_table_add (seen, g_strdup (key));
  return TRUE;
}

/* The results of the period, one paragraph or bullet a line:
 *
 *   Hình thức tuyên truyền: treo 06 băng rôn; viết 11 tin, bài; …
 *   - Văn hóa – Xã hội (treo 06 băng rôn): Treo băng rôn …; Chạy chữ ….
 *   Ngoài các nhiệm vụ của kế hoạch:
 *   - Tuyên truyền công tác chuẩn bị … (Văn hóa – Xã hội).
 */
char *
kh_store_compose_report_results (KhStore         *store,
                                 gint64           plan_id,
                                 const KhPeriod  *period,
                                 GError         **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)department_lines_free);
  g_autoptr(GPtrArray) outside = g_ptr_array_new_with_free_func (g_free);
  /* Sentences already listed, per department and outside the tasks. */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree double *totals = NULL;
  g_autofree char *total_counts = NULL;

  if (!(results = kh_store_list_results (store, plan_id, &period->start, &period->end, error)) ||
      !(indicators = kh_store_list_indicators (store, TRUE, error)) ||
      !(departments = kh_store_list_departments (store, TRUE, error)))
    return NULL;

  if (results->len == 0)
    {
      g_autofree char *name = kh_period_describe (period);
      return g_strdup_printf ("Chưa ghi nhận kết quả nào trong %s.", name);
    }

  totals = g_new0 (double, indicators->len + 1);
  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = departments->pdata[i];
      DepartmentLines *lines = g_new0 (DepartmentLines, 1);

      lines->id = kh_department_get_id (department);
      lines->name = g_strdup (kh_department_get_name (department));
      lines->sums = g_new0 (double, indicators->len + 1);
      lines->descriptions = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (groups, lines);
    }

  for (guint i = 0; i < results->len; i++)
    {
      const KhResult *result = results->pdata[i];
      int index = result->indicator_id ? indicator_index (indicators, result->indicator_id) : -1;
      DepartmentLines *lines = NULL;
      g_autofree char *sentence = clean_sentence (result->description);

      for (guint j = 0; j < groups->len && lines == NULL; j++)
        if (((DepartmentLines *)groups->pdata[j])->id == result->department_id)
          lines = groups->pdata[j];

      if (index >= 0)
        {
          totals[index] += result->quantity;
          if (lines != NULL)
            lines->sums[index] += result->quantity;
        }
      if (*sentence == '\0')
        continue;

      if (result->task_id != 0 && lines != NULL)
        {
          /* Two departments may do the same thing: each lists it. */
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", lines->id, sentence);

          if (first_time (seen, key))
            g_ptr_array_add (lines->descriptions, g_steal_pointer (&sentence));
        }
      else
        {
          const char *who = lines ? lines->name : NULL;
          g_autofree char *line = who ? g_strdup_printf ("%s (%s).", sentence, who)
                                      : g_strdup_printf ("%s.", sentence);
          g_autofree char *key = g_strconcat ("-:", line, NULL);

          if (first_time (seen, key))
            g_ptr_array_add (outside, g_steal_pointer (&line));
        }
    }

  total_counts = format_counts (indicators, totals);
  if (*total_counts != '\0')
    g_string_append_printf (text, "Hình thức tuyên truyền: %s.\n", total_counts);

  for (guint i = 0; i < groups->len; i++)
    {
      DepartmentLines *lines = groups->pdata[i];
      g_autofree char *counts = format_counts (indicators, lines->sums);

      if (*counts == '\0' && lines->descriptions->len == 0)
        continue;
      g_string_append_printf (text, "- %s", lines->name);
      if (*counts != '\0')
        g_string_append_printf (text, " (%s)", counts);
      if (lines->descriptions->len > 0)
        {
          g_string_append (text, ": ");
          for (guint j = 0; j < lines->descriptions->len; j++)
            g_string_append_printf (text, "%s%s", j ? "; " : "",
                                    (char *)lines->descriptions->pdata[j]);
        }
      g_string_append (text, ".\n");
    }

  if (outside->len > 0)
    {
      g_string_append (text, "Ngoài các nhiệm vụ của kế hoạch:\n");
      for (guint i = 0; i < outside->len; i++)
        g_string_append_printf (text, "- %s\n", (char *)outside->pdata[i]);
    }

  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Trên đây là báo cáo công tác … quý I năm 2024 và phương hướng nhiệm
 * vụ quý II năm 2024 của UBND phường Phổ Minh./." */
char *
kh_store_compose_report_closing (KhStore        *store,
                                 const KhPlan   *plan,
                                 const KhPeriod *period)
{
  g_autoptr(KhAgency) agency = kh_store_load_agency (store, NULL);
  g_autofree char *subject = kh_plan_report_subject (plan);
  g_autofree char *name = kh_period_describe (period);
  g_autofree char *next = kh_report_next_period_name (period, agency ? agency->period_cutoff_day : 0);
  const char *who = agency && !kh_text_is_blank (agency->short_name) ? agency->short_name : "";

  return g_strdup_printf ("Trên đây là báo cáo công tác %s %s và phương hướng nhiệm vụ %s%s%s./.",
                          subject, name, next, *who ? " của " : "", who);
}

/* "Tuyên truyền các ngày lễ, kỷ niệm như: 79 năm Ngày Khởi nghĩa Ba Tơ
 * (11/3/1945 – 11/3/2024); …." for the days of the period, or "" when
 * none falls in it. */
char *
kh_store_compose_anniversaries (KhStore         *store,
                                const KhPeriod  *period,
                                GError         **error)
{
  g_auto(GStrv) days = kh_store_list_anniversaries (store, period, error);
  g_autofree char *joined = NULL;

  if (days == NULL)
    return NULL;
  if (days[0] == NULL)
    return g_strdup ("");

  joined = g_strjoinv ("; ", days);
  return g_strconcat (KH_REPORT_ANNIVERSARIES_PREFIX, joined, ".", NULL);
}

/* The previous direction without its list of days: those were the days
 * of this period, and the new list replaces them. */
static char *
direction_without_days (const char *direction)
{
  g_auto(GStrv) lines = g_strsplit (direction ? direction : "", "\n", -1);
  g_autoptr(GString) kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "- "))
        line += 2;
      if (g_str_has_prefix (line, KH_REPORT_ANNIVERSARIES_PREFIX) || kh_text_is_blank (line))
        continue;
      if (kept->len > 0)
        g_string_append_c (kept, '\n');
      g_string_append (kept, lines[i]);
    }
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

static void
set_field (char       **field,
           const char  *value)
{
  g_free (*field);
  *field = g_strdup (value ? value : "");
}

static gboolean
prefill (KhStore       *store,
         KhReport      *report,
         const KhPlan  *plan,
         GError       **error)
{
  gint64 previous_id = kh_store_find_previous_report (store, plan->id, &report->period.start);
  g_autoptr(KhAgency) agency = kh_store_load_agency (store, error);
  g_autofree char *days = NULL;
  g_autofree char *direction = NULL;
  KhPeriod next;

  if (agency == NULL)
    return FALSE;

  if (previous_id != 0)
    {
      g_autoptr(KhReport) previous = kh_store_load_report (store, previous_id, error);

      if (previous == NULL)
        return FALSE;
      set_field (&report->favourable, previous->favourable);
      set_field (&report->difficulties, previous->difficulties);
      set_field (&report->proposals, previous->proposals);
      direction = direction_without_days (previous->direction);
      set_field (&report->addressees, previous->addressees);
      set_field (&report->authority, previous->authority);
      report->signer_id = previous->signer_id;
      report->with_table = previous->with_table;
      g_strfreev (report->recipients);
      report->recipients = g_strdupv (previous->recipients);
    }
  else
    {
      g_auto(GStrv) recipients = kh_store_list_default_recipients (store, error);

      if (recipients == NULL)
        return FALSE;
      set_field (&report->authority, plan->authority);
      report->signer_id = plan->signer_id;
      g_strfreev (report->recipients);
      report->recipients = recipients[0] ? g_steal_pointer (&recipients) : g_strdupv (plan->recipients);
      direction = g_strdup ("");
    }

  if (kh_period_next (&report->period, agency->period_cutoff_day, &next))
    {
      if (!(days = kh_store_compose_anniversaries (store, &next, error)))
        return FALSE;
      if (*days != '\0')
        {
          g_autofree char *joined = *direction ? g_strconcat (direction, "\n", days, NULL)
                                               : g_strdup (days);
          g_free (direction);
          direction = g_steal_pointer (&joined);
        }
    }
  set_field (&report->direction, direction);
  return TRUE;
}

/* Makes a new draft report for the plan and the period, with every part
 * composed or pre-filled; returns its id, or 0. */
gint64
kh_store_new_report (KhStore         *store,
                     gint64           plan_id,
                     const KhPeriod  *period,
                     GError         **error)
{
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(KhReport) report = NULL;
  g_autofree char *results = NULL;
  gint64 id;

  if (!kh_store_check_writable (store, error) || !(plan = kh_store_load_plan (store, plan_id, error)))
    return 0;

  if (kh_store_find_report (store, plan_id, period) != 0)
    {
      g_autofree char *name = kh_period_describe (period);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS,
                   _("There is already a report on %s for this plan."), name);
      return 0;
    }

  if (!kh_store_begin (store, error))
    return 0;

  report = kh_report_new (plan_id, period);
  report->period.year = plan->year;
  g_free (report->title);
  report->title = kh_store_compose_report_title (store, plan, period);
  g_free (report->closing);
  report->closing = kh_store_compose_report_closing (store, plan, period);

  /* The national days, once, so "phương hướng" can name them. */
  if (!kh_store_install_commemorations (store, error) ||
      !(results = kh_store_compose_report_results (store, plan_id, period, error)))
    goto failed;
  set_field (&report->results_generated, results);
  set_field (&report->results_text, results);

  g_free (report->opening);
  if (!(report->opening = kh_store_compose_report_opening (store, plan, period, error)))
    {
      report->opening = g_strdup ("");
      goto failed;
    }
  if (!prefill (store, report, plan, error) ||
      (id = kh_store_insert_report (store, report, error)) == 0 ||
      !kh_store_commit (store, error))
    goto failed;

  return id;

failed:
  kh_store_rollback (store);
  return 0;
}

/* Lines of a that are not in b. */
static char **
lines_missing (const char *a,
               const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a ? a : "", "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b ? b : "", "\n", -1);
  g_autoptr(GHashTable) in_b = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  for (guint i = 0; lines_b[i] != NULL; i++)
    g_hash_table_add (in_b, lines_b[i]);
  for (guint i = 0; lines_a[i] != NULL; i++)
    if (!kh_text_is_blank (lines_a[i]) && !g_hash_table_contains (in_b, lines_a[i]))
      g_strv_builder_add (missing, lines_a[i]);
  return g_strv_builder_end (missing);
}

/* Makes the results again from the records. What the clerk wrote is
 * never overwritten: results_text follows the new text only when it was
 * still the generated one. changes (optional) says which lines came and
 * went, and whether the clerk's text was kept. */
gboolean
kh_store_regenerate_report_results (KhStore           *store,
                                    gint64             report_id,
                                    KhReportChanges  **changes,
                                    GError           **error)
{
  g_autoptr(KhReport) report = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(KhReportChanges) result = g_new0 (KhReportChanges, 1);

  if (!kh_store_check_report_editable (store, report_id, error) ||
      !(report = kh_store_load_report (store, report_id, error)) ||
      !(fresh = kh_store_compose_report_results (store, report->plan_id, &report->period, error)))
    return FALSE;

  /* Stored text is NFC and cleaned: compare like with like. */
  normal = kh_text_normalize (fresh);
  result->added = lines_missing (normal, report->results_generated);
  result->removed = lines_missing (report->results_generated, normal);
  result->kept_clerk_text = g_strcmp0 (report->results_text, report->results_generated) != 0;

  if (!result->kept_clerk_text)
    set_field (&report->results_text, normal);
  set_field (&report->results_generated, normal);
  if (!kh_store_update_report (store, report, error))
    return FALSE;

  if (changes != NULL)
    *changes = g_steal_pointer (&result);
  return TRUE;
}
