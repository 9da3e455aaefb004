/* kh-report-document.c — a report as the document the leader signs
 *
 * Turns a stored report into the writer's KhDocument: the agency header,
 * "BÁO CÁO" and its trích yếu, the optional "Kính gửi", the opening,
 * "1. Kết quả …" (the kept text and, optionally, the table of
 * indicators), "2. Thuận lợi, khó khăn" with its points a) b) c),
 * "3. Phương hướng nhiệm vụ <next period>", the closing, the recipients
 * and the signature — with the plan's helpers, in the same three modes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-report-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-agency.h"
#include "kh-dashboard.h"
#include "kh-indicator.h"
#include "kh-plan-document.h"
#include "kh-report-compose.h"
#include "kh-report-document.h"
#include "kh-text.h"

static gboolean
set_mode (KhDocument      *doc,
          const KhReport  *report,
          KhDocumentMode   mode,
          GError         **error)
{
  int year = g_date_get_year (&report->period.end);

  switch (mode)
    {
    case KH_DOCUMENT_MODE_ISSUED:
      if (report->state != KH_PLAN_STATE_ISSUED || report->number <= 0 ||
          !g_date_valid (&report->issued_on))
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("The report “%s” has no number and date yet. Issue it first, or export it for signing."),
                       report->title);
          return FALSE;
        }
      kh_document_set_issued (doc, report->number, &report->issued_on);
      return TRUE;
    case KH_DOCUMENT_MODE_SIGNING:
      kh_document_set_signing (doc, year);
      return TRUE;
    case KH_DOCUMENT_MODE_DRAFT:
    default:
      kh_document_set_draft (doc, year);
      return TRUE;
    }
}

/* "%" with a comma, as Vietnamese writes decimals: "27,5%". */
static char *
format_share (double achieved,
              double target)
{
  g_autofree char *text = NULL;

  if (target <= 0)
    return g_strdup ("");
  text = g_strdup_printf ("%.1f", 100.0 * achieved / target);
  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  g_strdelimit (text, ".", ',');
  return g_strconcat (text, "%", NULL);
}

/* Target for the year, this period, cumulative, share of the target: the
 * dashboard's figures, for the indicators with a target or a result. */
static gboolean
add_indicator_table (KhDocument      *doc,
                     KhStore         *store,
                     const KhReport  *report,
                     GError         **error)
{
  static const double widths[] = { 0.07, 0.33, 0.15, 0.15, 0.15, 0.15 };
  const char *header[] = { "TT", "Chỉ tiêu", "Kế hoạch năm", "Trong kỳ", "Lũy kế",
                           "Tỷ lệ so với kế hoạch", NULL };
  g_autoptr(KhDashboard) dashboard = NULL;
  KhDocumentBlock *table;
  guint row = 0;

  dashboard = kh_store_compute_dashboard (store, report->plan_id, &report->period,
                                          &report->period.end, error);
  if (dashboard == NULL)
    return FALSE;

  table = kh_document_add_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < dashboard->indicators->len; i++)
    {
      const KhDashboardIndicator *indicator = dashboard->indicators->pdata[i];
      g_autofree char *number = NULL;
      g_autofree char *name = NULL;
      g_autofree char *target = NULL;
      g_autofree char *achieved = NULL;
      g_autofree char *cumulative = NULL;
      g_autofree char *share = NULL;

      if (indicator->target <= 0 && indicator->achieved <= 0 && indicator->cumulative <= 0)
        continue;

      number = g_strdup_printf ("%u", ++row);
      name = g_strdup_printf ("%s (%s)", indicator->name, indicator->unit);
      target = indicator->target > 0 ? kh_format_quantity (indicator->target) : g_strdup ("");
      achieved = kh_format_quantity (indicator->achieved);
      cumulative = kh_format_quantity (indicator->cumulative);
      share = format_share (indicator->cumulative, indicator->target);
      {
        const char *cells[] = { number, name, target, achieved, cumulative, share, NULL };
        kh_document_table_add_row (table, cells);
      }
    }
  return TRUE;
}

static void
add_part (KhDocument *doc,
          int         level,
          const char *heading,
          const char *body)
{
  kh_document_add_heading (doc, level, heading);
  if (!kh_text_is_blank (body))
    kh_document_add_body_text (doc, body);
}

static void
add_recipients (KhDocument     *doc,
                const KhReport *report)
{
  guint n = report->recipients ? g_strv_length (report->recipients) : 0;
  gboolean addressed = !kh_text_is_blank (report->addressees);

  /* A report with “Kính gửi” lists its addressees first as “Như trên”. */
  if (addressed && n > 0 && !g_str_has_prefix (report->recipients[0], "Như trên"))
    kh_document_add_recipient (doc, "Như trên;");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s%s", report->recipients[i], i + 1 < n ? ";" : ".");
      kh_document_add_recipient (doc, text);
    }
}

static void
add_addressees (KhDocument     *doc,
                const KhReport *report)
{
  g_auto(GStrv) lines = g_strsplit (report->addressees ? report->addressees : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *clean = kh_plan_clean_recipient (lines[i]);
      if (*clean != '\0')
        kh_document_add_addressee (doc, clean);
    }
}

KhDocument *
kh_store_compose_report_document (KhStore         *store,
                                  gint64           report_id,
                                  KhDocumentMode   mode,
                                  GError         **error)
{
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(KhReport) report = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *next = NULL;

  if (!(agency = kh_store_load_agency (store, error)) ||
      !(report = kh_store_load_report (store, report_id, error)) ||
      !(plan = kh_store_load_plan (store, report->plan_id, error)))
    return NULL;

  if (!kh_agency_is_set_up (agency))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Set up the agency first: its name, abbreviation and place go into every document's header."));
      return NULL;
    }

  kh_document_set_type (doc, "BÁO CÁO", KH_REPORT_DOC_TYPE);
  kh_document_set_agency (doc, *agency->parent_name ? agency->parent_name : NULL,
                          agency->name, agency->abbreviation, agency->place);
  if (!set_mode (doc, report, mode, error))
    return NULL;

  kh_document_set_title (doc, report->title);
  add_addressees (doc, report);
  if (!kh_text_is_blank (report->opening))
    kh_document_add_paragraph (doc, report->opening);

  subject = kh_plan_report_subject (plan);
  heading = g_strdup_printf ("1. Kết quả công tác %s", subject);
  add_part (doc, 2, heading, report->results_text);
  if (report->with_table && !add_indicator_table (doc, store, report, error))
    return NULL;

  kh_document_add_heading (doc, 2, "2. Thuận lợi, khó khăn");
  add_part (doc, 3, "a) Thuận lợi", report->favourable);
  add_part (doc, 3, "b) Khó khăn, hạn chế và nguyên nhân", report->difficulties);
  add_part (doc, 3, "c) Đề xuất, kiến nghị", report->proposals);

  next = kh_report_next_period_name (&report->period, agency->period_cutoff_day);
  g_clear_pointer (&heading, g_free);
  heading = g_strdup_printf ("3. Phương hướng nhiệm vụ %s", next);
  add_part (doc, 2, heading, report->direction);

  if (!kh_text_is_blank (report->closing))
    kh_document_add_paragraph (doc, report->closing);
  add_recipients (doc, report);

  if (report->signer_id != 0)
    {
      g_autoptr(KhSigner) signer = kh_store_get_signer (store, report->signer_id, NULL);

      if (signer != NULL)
        {
          g_autofree char *title_line = NULL;
          g_autofree char *head = kh_store_head_title (store);
          g_autofree char *authority = kh_signature_lines (report->authority, agency->collective_name,
                                                           head, signer->title, &title_line);
          kh_document_set_signature (doc, authority, title_line, signer->name);
        }
    }

  return g_steal_pointer (&doc);
}

gboolean
kh_store_export_report_pdf (KhStore             *store,
                            gint64               report_id,
                            KhDocumentMode       mode,
                            const KhPdfOptions  *options,
                            const char          *path,
                            GError             **error)
{
  g_autoptr(KhDocument) doc = kh_store_compose_report_document (store, report_id, mode, error);

  return doc != NULL && kh_pdf_write_document (doc, options, path, error);
}

/* "quy-I", "6-thang", "9-thang", "nam", or the dates of a range. */
static void
append_period (GString        *name,
               const KhPeriod *period)
{
  switch (period->kind)
    {
    case KH_PERIOD_Q1:
    case KH_PERIOD_Q2:
    case KH_PERIOD_Q3:
    case KH_PERIOD_Q4:
      {
        g_autofree char *roman = kh_format_roman (period->kind - KH_PERIOD_Q1 + 1);
        g_string_append_printf (name, "quy-%s", roman);
      }
      break;
    case KH_PERIOD_H1:
      g_string_append (name, "6-thang");
      break;
    case KH_PERIOD_NINE_MONTHS:
      g_string_append (name, "9-thang");
      break;
    case KH_PERIOD_YEAR:
      g_string_append (name, "nam");
      break;
    case KH_PERIOD_RANGE:
    default:
      g_string_append_printf (name, "%02u%02u-%02u%02u",
                              g_date_get_day (&period->start), g_date_get_month (&period->start),
                              g_date_get_day (&period->end), g_date_get_month (&period->end));
      break;
    }
}

/* "BC-05-2024-quy-I-tuyen-truyen-CCHC.pdf"; a report not issued yet is
 * named by its mode: "BC-du-thao-2024-…", "BC-trinh-ky-2024-…". */
char *
kh_store_report_default_file_name (KhStore        *store,
                                   const KhReport *report,
                                   KhDocumentMode  mode)
{
  g_autoptr(GString) name = g_string_new ("BC-");
  g_autoptr(KhPlan) plan = kh_store_load_plan (store, report->plan_id, NULL);
  g_autofree char *subject = plan ? kh_plan_report_subject (plan) : g_strdup ("");
  g_autoptr(GString) words = g_string_new (subject);
  gsize slug_start;

  if (mode == KH_DOCUMENT_MODE_ISSUED && report->number > 0)
    g_string_append_printf (name, "%02d-", report->number);
  else if (mode == KH_DOCUMENT_MODE_SIGNING)
    g_string_append (name, "trinh-ky-");
  else if (mode == KH_DOCUMENT_MODE_DRAFT)
    g_string_append (name, "du-thao-");
  g_string_append_printf (name, "%d-", report->period.year);
  append_period (name, &report->period);
  g_string_append_c (name, '-');

  slug_start = name->len;
  g_string_replace (words, "cải cách hành chính", "CCHC", 0);
  kh_file_name_append_slug (name, words->str);
  {
    /* Keep "CCHC" in capitals, as clerks write it; only in the slug. */
    g_autoptr(GString) slug = g_string_new (name->str + slug_start);
    g_string_replace (slug, "cchc", "CCHC", 0);
    g_string_truncate (name, slug_start);
    g_string_append (name, slug->str);
  }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}
