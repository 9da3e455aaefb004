/* kh-cli-demo.c — kehoach-cli demo (being written) */
#define G_LOG_DOMAIN "kehoach-cli"
#include "config.h"
#include "kh-cli.h"

int
kh_cli_demo (KhCliContext  *context,
             int            argc,
             char         **argv)
{
  kh_cli_print_error ("demo: not written yet");
  return KH_CLI_EXIT_FAILED;
}
