/* kh-cli-backup.c — kehoach-cli backup, backups, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-backup.h"
#include "kh-cli.h"

static gboolean
parse_no_arguments (int          *argc,
                    char       ***argv,
                    const char   *summary,
                    int          *status)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (option_context, summary);
  if (!g_option_context_parse (option_context, argc, argv, &error))
    {
      *status = kh_cli_usage_error (option_context, error->message);
      return FALSE;
    }
  if (*argc > 1)
    {
      *status = kh_cli_usage_error (option_context, _("This command takes no arguments."));
      return FALSE;
    }
  return TRUE;
}

int
kh_cli_backup (KhCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autofree char *path = NULL;
  int status = KH_CLI_EXIT_OK;

  if (!parse_no_arguments (&argc, &argv, _("Copy the database into backups/ beside it."), &status))
    return status;

  if (!(store = kh_cli_open_store (context)))
    return KH_CLI_EXIT_FAILED;

  path = kh_store_backup (store, KH_BACKUP_MANUAL, &error);
  if (path == NULL)
    {
      kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }

  g_print ("%s\n", path);
  return KH_CLI_EXIT_OK;
}

int
kh_cli_backups (KhCliContext  *context,
                int            argc,
                char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  int status = KH_CLI_EXIT_OK;

  if (!parse_no_arguments (&argc, &argv, _("List the backups of the database, newest first."), &status))
    return status;

  if (!(store = kh_cli_open_store (context)))
    return KH_CLI_EXIT_FAILED;

  backups = kh_backup_list (kh_store_get_path (store), &error);
  if (backups == NULL)
    {
      kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      KhBackupInfo *info = backups->pdata[i];
      g_autofree char *when = g_date_time_format (info->created, "%d/%m/%Y %H:%M");
      g_autofree char *size = g_format_size (info->size);

      g_print (_("%s  %s  plans: %d, results: %d  %s\n"),
               when, size, info->n_plans, info->n_results, info->path);
    }

  return KH_CLI_EXIT_OK;
}

int
kh_cli_restore (KhCliContext  *context,
                int            argc,
                char         **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (_("restore FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autofree char *undo = NULL;

  g_option_context_set_summary (option_context,
                                _("Replace the database's content with a backup. The current content is backed up first, so the restore can be undone."));
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return kh_cli_usage_error (option_context, error->message);
  if (argc != 2)
    return kh_cli_usage_error (option_context, _("Give the backup file to restore."));

  store = kh_store_open (context->db_path, &error);
  if (store == NULL)
    {
      g_autofree char *path = context->db_path ? g_strdup (context->db_path) : kh_store_default_path ();
      g_autofree char *damaged = NULL;
      g_autoptr(GError) recover_error = NULL;

      /* A database that cannot be read at all: the backup takes its
       * place and the file is moved aside, never deleted. */
      if (!g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT) &&
          !g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_DATABASE))
        {
          kh_cli_print_error ("%s", error->message);
          return KH_CLI_EXIT_FAILED;
        }
      if (!kh_backup_recover (path, argv[1], &damaged, &recover_error))
        {
          kh_cli_print_error ("%s", recover_error->message);
          return KH_CLI_EXIT_FAILED;
        }
      g_print (_("Restored %s. The database that could not be opened was moved to %s\n"),
               argv[1], damaged ? damaged : path);
      return KH_CLI_EXIT_OK;
    }

  if (!kh_store_restore (store, argv[1], &undo, &error))
    {
      kh_cli_print_error ("%s", error->message);
      return KH_CLI_EXIT_FAILED;
    }

  g_print (_("Restored %s. The content before the restore is in %s\n"), argv[1], undo);
  return KH_CLI_EXIT_OK;
}
