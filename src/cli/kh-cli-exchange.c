/* kh-cli-exchange.c — kehoach-cli export-json, import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-cli.h"
#include "kh-exchange-export.h"
#include "kh-exchange-import.h"

int
kh_cli_export_json (KhCliContext  *context,
                    int            argc,
                    char         **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autofree char *output = NULL;
  int year = 0;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Export only the plans of YEAR"), N_("YEAR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE.json"), N_("FILE.json") },
    { NULL }
  };

  g_option_context_set_summary (option_context,
                                _("Write the agency, its plans, tasks, results and reports as an exchange file (JSON)."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return kh_cli_usage_error (option_context, error->message);
  if (argc > 1)
    return kh_cli_usage_error (option_context, _("This command takes no arguments besides its options."));
  if (output == NULL)
    return kh_cli_usage_error (option_context, _("Give the file to write with --output."));
  if (year < 0)
    return kh_cli_usage_error (option_context, _("The year must be a positive number."));

  if (!(store = kh_cli_open_store (context)))
    return KH_CLI_EXIT_FAILED;

  if (!kh_store_export_json_to_file (store, 0, year, output, &error))
    {
      kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }

  return KH_CLI_EXIT_OK;
}

static void
print_counts (const KhImportReport *report)
{
  for (int kind = 0; kind < KH_IMPORT_N_KINDS; kind++)
    {
      if (report->created[kind] + report->updated[kind] + report->unchanged[kind] == 0)
        continue;
      /* TRANSLATORS: “plans: 1 created, 0 updated, 2 unchanged” */
      g_print (_("%s: %u created, %u updated, %u unchanged\n"),
               kh_import_kind_to_string ((KhImportKind)kind),
               report->created[kind], report->updated[kind], report->unchanged[kind]);
    }
}

int
kh_cli_import (KhCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (_("FILE.json"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_auto(KhImportReport) report = { 0 };
  gboolean convert_legacy = FALSE;
  const GOptionEntry entries[] = {
    { "convert-legacy", 0, 0, G_OPTION_ARG_NONE, &convert_legacy,
      N_("Convert text written in the old TCVN3 or VNI encodings to Unicode"), NULL },
    { NULL }
  };

  g_option_context_set_summary (option_context,
                                _("Import an exchange file. Plans, tasks, results and reports already here are matched and updated, never doubled; a file with any problem changes nothing."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return kh_cli_usage_error (option_context, error->message);
  if (argc != 2)
    return kh_cli_usage_error (option_context, _("Give the exchange file to import."));

  if (!(store = kh_cli_open_store (context)))
    return KH_CLI_EXIT_FAILED;

  if (!kh_store_import_file_full (store, argv[1],
                                  convert_legacy ? KH_IMPORT_CONVERT_LEGACY : KH_IMPORT_FLAGS_NONE,
                                  &report, &error))
    {
      kh_cli_print_error ("%s", error->message);
      for (guint i = 0; report.problems != NULL && i < report.problems->len; i++)
        g_printerr ("  %s\n", (const char *)report.problems->pdata[i]);
      /* Converting is the user's choice: say how to make it. */
      if (report.legacy > 0 && !convert_legacy)
        g_printerr (_("To convert the text in the old encodings to Unicode, import again with --convert-legacy.\n"));
      return KH_CLI_EXIT_FAILED;
    }

  print_counts (&report);
  for (guint i = 0; report.notes != NULL && i < report.notes->len; i++)
    g_print (_("Note: %s\n"), (const char *)report.notes->pdata[i]);

  return KH_CLI_EXIT_OK;
}
