/* main.c — kehoach, the GUI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "kh-application.h"
#include "kh-stall-monitor.h"

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window)
{
  kh_stall_monitor_watch_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KhApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("Kế Hoạch");

  app = kh_application_new ();

  /* KEHOACH_DEBUG_STALLS=1: log every turn of the main loop over 16 ms. */
  if (kh_stall_monitor_install_from_env ())
    g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
