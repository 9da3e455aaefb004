/* kh-cli-info.c — kehoach-cli info: what the database holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-cli.h"
#include "kh-department.h"

int
kh_cli_info (KhCliContext  *context,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(GPtrArray) departments = NULL;

  g_option_context_set_summary (option_context, _("Show what the database holds."));
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return kh_cli_usage_error (option_context, error->message);
  if (argc > 1)
    return kh_cli_usage_error (option_context, _("“info” takes no arguments."));

  if (!(store = kh_cli_open_store (context)))
    return KH_CLI_EXIT_FAILED;

  if (!(agency = kh_store_load_agency (store, &error)) ||
      !(departments = kh_store_list_departments (store, TRUE, &error)))
    {
      kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }

  g_print (_("Database: %s (data version %d)\n"),
           kh_store_get_path (store), kh_store_get_schema_version (store));
  if (*agency->name == '\0')
    g_print (_("Agency: not set up yet\n"));
  else
    g_print (_("Agency: %s\n"), agency->name);

  g_print (_("Departments: %u\n"), departments->len);
  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = departments->pdata[i];
      g_print ("  %s%s\n", kh_department_get_name (department),
               kh_department_get_archived (department) ? _(" (archived)") : "");
    }

  return KH_CLI_EXIT_OK;
}
