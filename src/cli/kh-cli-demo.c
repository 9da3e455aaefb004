/* kh-cli-demo.c — kehoach-cli demo: the demo agency and its 2024 plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-cli.h"
#include "kh-demo.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-plan.h"
#include "kh-result.h"
#include "kh-task.h"
#include "kh-vn-format.h"

static gboolean
print_plan (KhStore         *store,
            const KhPlan    *header,
            const KhAgency  *agency,
            GError         **error)
{
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *number = NULL;

  if (!(plan = kh_store_load_plan (store, header->id, error)) ||
      !(tasks = kh_store_list_tasks (store, plan->id, 0, error)) ||
      !(results = kh_store_list_results (store, plan->id, NULL, NULL, error)))
    return FALSE;

  number = plan->number > 0 ? kh_format_doc_number (plan->number, "KH", agency->abbreviation)
                            : g_strdup (_("not issued"));
  g_print (_("Plan %d (%s): sections: %u, tasks: %u, results: %u\n"),
           plan->year, number, kh_sections_count (plan->sections), tasks->len, results->len);
  return TRUE;
}

static gboolean
print_summary (KhStore  *store,
               GError  **error)
{
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(GPtrArray) signers = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  if (!(agency = kh_store_load_agency (store, error)) ||
      !(signers = kh_store_list_signers (store, TRUE, error)) ||
      !(departments = kh_store_list_departments (store, TRUE, error)) ||
      !(indicators = kh_store_list_indicators (store, TRUE, error)) ||
      !(plans = kh_store_list_plans (store, error)))
    return FALSE;

  g_print (_("Demo loaded into %s\n"), kh_store_get_path (store));
  g_print (_("Agency: %s\n"), agency->name);
  g_print (_("Signers: %u, departments: %u, indicators: %u\n"),
           signers->len, departments->len, indicators->len);

  for (guint i = 0; i < plans->len; i++)
    if (!print_plan (store, plans->pdata[i], agency, error))
      return FALSE;

  return TRUE;
}

int
kh_cli_demo (KhCliContext  *context,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Delete everything the database holds and load the demo in its place"), NULL },
    { NULL }
  };

  g_option_context_set_summary (option_context,
                                _("Fill the database with the demo agency (phường Phổ Minh), its 2024 plan, tasks and results of quý I."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return kh_cli_usage_error (option_context, error->message);
  if (argc > 1)
    return kh_cli_usage_error (option_context, _("“demo” takes no arguments besides --replace."));

  if (!(store = kh_cli_open_store (context)))
    return KH_CLI_EXIT_FAILED;

  if (!kh_demo_load (store, replace, &error))
    {
      if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS))
        kh_cli_print_error (_("The database “%s” already holds data, so the demo was not loaded. Run “demo --replace” to delete that data and load the demo in its place."),
                            kh_store_get_path (store));
      else
        kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }

  if (!print_summary (store, &error))
    {
      kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }

  return KH_CLI_EXIT_OK;
}
