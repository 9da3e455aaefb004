/* kh-cli.h — commands of kehoach-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

/* Exit codes: documented in kehoach-cli --help and the README. */
enum {
  KH_CLI_EXIT_OK = 0,
  KH_CLI_EXIT_FAILED = 1,   /* the command could not be carried out */
  KH_CLI_EXIT_USAGE = 2,    /* bad arguments */
};

typedef struct
{
  const char *db_path;      /* NULL: the default database */
} KhCliContext;

/* Each command parses its own arguments (argv[0] is the command name),
 * opens the store through kh_cli_open_store() and prints errors itself. */
typedef int (*KhCliCommandFunc) (KhCliContext *context,
                                 int           argc,
                                 char        **argv);

KhStore *kh_cli_open_store (KhCliContext  *context);
void     kh_cli_print_error (const char   *format,
                             ...) G_GNUC_PRINTF (1, 2);
int      kh_cli_usage_error (GOptionContext *option_context,
                             const char     *message);

int      kh_cli_demo   (KhCliContext *context, int argc, char **argv);
int      kh_cli_info   (KhCliContext *context, int argc, char **argv);
int      kh_cli_backup (KhCliContext *context, int argc, char **argv);
int      kh_cli_backups (KhCliContext *context, int argc, char **argv);
int      kh_cli_restore (KhCliContext *context, int argc, char **argv);
int      kh_cli_export (KhCliContext *context, int argc, char **argv);
int      kh_cli_export_json (KhCliContext *context, int argc, char **argv);
int      kh_cli_import (KhCliContext *context, int argc, char **argv);

G_END_DECLS
