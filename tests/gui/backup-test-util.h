/* backup-test-util.h — what test-backups.c and test-recovery.c share:
 * a database in a temporary folder, running the application on it,
 * finding widgets and waiting for them (never fixed sleeps)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-test-ui.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kh-backup.h"
#include "kh-demo.h"
#include "kh-store-private.h"

#include "kh-application.h"
#include "kh-window.h"

#define AGENCY_NAME "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

G_GNUC_UNUSED static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_chmod (child, 0700);
      remove_tree (child);
    }
  g_rmdir (path);
}

G_GNUC_UNUSED static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kh-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);
}

G_GNUC_UNUSED static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_chmod (fixture->dir, 0700);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

G_GNUC_UNUSED static void
fill_demo (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (kh_demo_load (store, FALSE, &error));
  g_assert_no_error (error);
}

G_GNUC_UNUSED static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Finding */

G_GNUC_UNUSED static gboolean
is_mapped_label_with_text (GtkWidget     *widget,
                           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

G_GNUC_UNUSED static gboolean
is_mapped_label_containing (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

G_GNUC_UNUSED static gboolean
is_mapped_button_labelled (GtkWidget     *widget,
                           gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

G_GNUC_UNUSED static gboolean
is_mapped_button_for_action (GtkWidget     *widget,
                             gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

typedef struct
{
  GtkWidget     *root;
  Match          match;
  gconstpointer  data;
} Search;

G_GNUC_UNUSED static gboolean
search_finds (gpointer user_data)
{
  Search *search = user_data;

  return kh_test_find_widget (search->root, search->match, search->data) != NULL;
}

G_GNUC_UNUSED static GtkWidget *
wait_for_widget (GtkWidget     *root,
                 Match          match,
                 gconstpointer  data)
{
  Search search = { root, match, data };

  if (!kh_test_wait_for (search_finds, &search))
    return NULL;
  return kh_test_find_widget (root, match, data);
}

static gboolean
search_misses (gpointer user_data)
{
  Search *search = user_data;

  return kh_test_find_widget (search->root, search->match, search->data) == NULL;
}

/* Until nothing under root matches (a crossfade maps both pages a while). */
G_GNUC_UNUSED static gboolean
wait_until_gone (GtkWidget     *root,
                 Match          match,
                 gconstpointer  data)
{
  Search search = { root, match, data };

  return kh_test_wait_for (search_misses, &search);
}

/* Running the application: kh_test_run_application() */
typedef KhTestBody Body;
#define run_application kh_test_run_application

G_GNUC_UNUSED static int
test_main (int   *argc,
           char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("The UI tests need a display: run them under "
                  "`xvfb-run -a dbus-run-session -- meson test --suite gui`.\n");
      return EXIT_FAILURE;
    }

  gtk_test_init (argc, argv, NULL);
  if (gdk_display_get_default () == NULL)
    g_error ("The UI tests could not open the display.");
  return EXIT_SUCCESS;
}
