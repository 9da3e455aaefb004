/* kh-cli-export.c — kehoach-cli export plan|report: a signing-ready PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-cli.h"
#include "kh-agency.h"
#include "kh-plan-document.h"
#include "kh-report-compose.h"
#include "kh-report-document.h"

static int
export_plan (KhCliContext  *context,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new ("export plan");
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autofree char *mode_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *revision = NULL;
  KhDocumentMode mode;
  KhPdfOptions options;
  int year = 0;
  double line_spacing = KH_PDF_LINE_SPACING_DEFAULT;
  gint64 plan_id;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The plan's year"), N_("YEAR") },
    { "revision", 0, 0, G_OPTION_ARG_STRING, &revision,
      N_("The revision's name, for a year with more than one plan"), N_("NAME") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode_text,
      N_("draft (marked DỰ THẢO), signing (number and date left blank) or issued"), N_("MODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "line-spacing", 0, 0, G_OPTION_ARG_DOUBLE, &line_spacing,
      N_("Line spacing, from 1.0 to 1.5 (default 1.15)"), N_("SPACING") },
    { NULL }
  };

  g_option_context_set_summary (option_context,
                                _("Write the plan of a year as a PDF laid out by Nghị định 30."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return kh_cli_usage_error (option_context, error->message);
  if (argc > 1)
    return kh_cli_usage_error (option_context, _("Unexpected arguments."));
  if (year == 0)
    return kh_cli_usage_error (option_context, _("Give the plan's year with --year."));
  if (output == NULL)
    return kh_cli_usage_error (option_context, _("Give the file to write with --output."));
  if (!kh_document_mode_from_string (mode_text ? mode_text : "draft", &mode))
    return kh_cli_usage_error (option_context, _("The mode must be draft, signing or issued."));

  kh_pdf_options_init (&options);
  options.line_spacing = line_spacing;
  if (!kh_pdf_options_validate (&options, &error))
    return kh_cli_usage_error (option_context, error->message);

  if (!(store = kh_cli_open_store (context)))
    return KH_CLI_EXIT_FAILED;

  plan_id = kh_store_find_plan (store, year, KH_PLAN_KIND_CCHC, revision ? revision : "");
  if (plan_id == 0)
    {
      kh_cli_print_error (_("There is no plan for %d%s%s in %s."), year,
                          revision ? " — " : "", revision ? revision : "",
                          kh_store_get_path (store));
      return KH_CLI_EXIT_FAILED;
    }

  if (!kh_store_export_plan_pdf (store, plan_id, mode, &options, output, &error))
    {
      kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }

  g_print ("%s\n", output);
  return KH_CLI_EXIT_OK;
}

/* The stored report of the plan and period, or a new draft one, stored
 * so that the next export (and the app) keep the clerk's text. */
static gint64
find_or_create_report (KhStore         *store,
                       gint64           plan_id,
                       const KhPeriod  *period,
                       GError         **error)
{
  gint64 id = kh_store_find_report (store, plan_id, period);
  g_autofree char *name = NULL;

  if (id != 0)
    return id;

  if ((id = kh_store_new_report (store, plan_id, period, error)) == 0)
    return 0;

  name = kh_period_describe (period);
  g_print (_("Composed a new draft report on %s from the recorded results and stored it: "
             "later exports use it, with what is written in it.\n"), name);
  return id;
}

static int
export_report (KhCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new ("export report");
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autofree char *mode_text = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *revision = NULL;
  KhDocumentMode mode;
  KhPdfOptions options;
  KhPeriod period;
  int year = 0;
  double line_spacing = KH_PDF_LINE_SPACING_DEFAULT;
  gint64 plan_id, report_id;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The plan's year"), N_("YEAR") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
      N_("q1, q2, q3, q4, h1, 9m, year, or a range YYYY-MM-DD:YYYY-MM-DD"), N_("PERIOD") },
    { "revision", 0, 0, G_OPTION_ARG_STRING, &revision,
      N_("The revision's name, for a year with more than one plan"), N_("NAME") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode_text,
      N_("draft (marked DỰ THẢO), signing (number and date left blank) or issued"), N_("MODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "line-spacing", 0, 0, G_OPTION_ARG_DOUBLE, &line_spacing,
      N_("Line spacing, from 1.0 to 1.5 (default 1.15)"), N_("SPACING") },
    { NULL }
  };

  g_option_context_set_summary (option_context,
                                _("Write the report on a period of a year's plan as a PDF laid out by Nghị định 30. "
                                  "Without a stored report on that period, a draft is composed from the recorded results and stored."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return kh_cli_usage_error (option_context, error->message);
  if (argc > 1)
    return kh_cli_usage_error (option_context, _("Unexpected arguments."));
  if (year == 0)
    return kh_cli_usage_error (option_context, _("Give the plan's year with --year."));
  if (period_text == NULL)
    return kh_cli_usage_error (option_context, _("Give the period with --period (q1, q2, q3, q4, h1, 9m, year or FROM:TO)."));
  if (output == NULL)
    return kh_cli_usage_error (option_context, _("Give the file to write with --output."));
  if (!kh_document_mode_from_string (mode_text ? mode_text : "draft", &mode))
    return kh_cli_usage_error (option_context, _("The mode must be draft, signing or issued."));

  kh_pdf_options_init (&options);
  options.line_spacing = line_spacing;
  if (!kh_pdf_options_validate (&options, &error))
    return kh_cli_usage_error (option_context, error->message);

  if (!(store = kh_cli_open_store (context)))
    return KH_CLI_EXIT_FAILED;

  if (!(agency = kh_store_load_agency (store, &error)))
    {
      kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }
  if (!kh_period_parse (&period, period_text, year, agency->period_cutoff_day, &error))
    return kh_cli_usage_error (option_context, error->message);

  plan_id = kh_store_find_plan (store, year, KH_PLAN_KIND_CCHC, revision ? revision : "");
  if (plan_id == 0)
    {
      kh_cli_print_error (_("There is no plan for %d%s%s in %s."), year,
                          revision ? " — " : "", revision ? revision : "",
                          kh_store_get_path (store));
      return KH_CLI_EXIT_FAILED;
    }

  if ((report_id = find_or_create_report (store, plan_id, &period, &error)) == 0 ||
      !kh_store_export_report_pdf (store, report_id, mode, &options, output, &error))
    {
      kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }

  g_print ("%s\n", output);
  return KH_CLI_EXIT_OK;
}

int
kh_cli_export (KhCliContext  *context,
               int            argc,
               char         **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "plan"))
    return export_plan (context, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "report"))
    return export_report (context, argc - 1, argv + 1);

  kh_cli_print_error (_("Say what to export: “export plan --year YEAR --mode MODE --output FILE.pdf” "
                        "or “export report --year YEAR --period PERIOD --mode MODE --output FILE.pdf”."));
  return KH_CLI_EXIT_USAGE;
}
