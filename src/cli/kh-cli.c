/* kh-cli.c — kehoach-cli: the core from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "kh-cli.h"

typedef struct
{
  const char       *name;
  const char       *summary;
  KhCliCommandFunc  func;
} KhCliCommand;

static const KhCliCommand commands[] = {
  { "demo", N_("Fill the database with the demo agency and its 2024 plan"), kh_cli_demo },
  { "info", N_("Show what the database holds"), kh_cli_info },
  { "export", N_("Write a plan or a report as a PDF: export plan|report --year YEAR [--period PERIOD] --mode draft|signing|issued --output FILE.pdf"), kh_cli_export },
  { "export-json", N_("Write the plans, tasks, results and reports as an exchange file: export-json [--year YEAR] --output FILE.json"), kh_cli_export_json },
  { "import", N_("Import an exchange file (all of it, or nothing when it has a problem): import [--convert-legacy] FILE.json"), kh_cli_import },
  { "backup", N_("Copy the database into backups/ beside it"), kh_cli_backup },
  { "backups", N_("List the backups, newest first"), kh_cli_backups },
  { "restore", N_("Restore a backup (the current content is backed up first)"), kh_cli_restore },
};

void
kh_cli_print_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("kehoach-cli: %s\n", message);
}

int
kh_cli_usage_error (GOptionContext *option_context,
                    const char     *message)
{
  kh_cli_print_error ("%s", message);
  if (option_context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (option_context, TRUE, NULL);
      g_printerr ("\n%s", help);
    }
  return KH_CLI_EXIT_USAGE;
}

KhStore *
kh_cli_open_store (KhCliContext *context)
{
  g_autoptr(GError) error = NULL;
  KhStore *store;

  store = kh_store_open (context->db_path, &error);
  if (store == NULL)
    kh_cli_print_error ("%s", error->message);

  return store;
}

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n%s\n",
                          _("Run “kehoach-cli COMMAND --help” for the options of a command.\n"
                            "Exit status: 0 on success, 1 when the command failed, 2 for bad arguments."));
  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  KhCliContext context = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database at PATH instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  option_context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_summary (option_context,
                                _("Kế Hoạch: plans, results and reports on administrative reform publicity."));
  description = describe_commands ();
  g_option_context_set_description (option_context, description);
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  /* Stop at the command name: the rest belongs to the command. */
  g_option_context_set_strict_posix (option_context, TRUE);

  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return kh_cli_usage_error (option_context, error->message);

  if (version)
    {
      g_print ("kehoach-cli %s\n", PACKAGE_VERSION);
      return KH_CLI_EXIT_OK;
    }

  if (argc < 2)
    return kh_cli_usage_error (option_context, _("No command given."));

  context.db_path = db_path;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].func (&context, argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);
    return kh_cli_usage_error (option_context, message);
  }
}
