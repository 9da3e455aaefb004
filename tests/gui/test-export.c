/* test-export.c — “Export PDF…” and “Print…” on the plan view, under a
 * real X server: the form offered follows the plan's state, the PDF is
 * written off the main loop, and a failure is said in the dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-test-ui.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kh-demo.h"
#include "kh-department.h"
#include "kh-plan-copy.h"
#include "kh-plan.h"
#include "kh-task.h"

#include "kh-application.h"
#include "kh-export-dialog.h"
#include "kh-plan-page.h"
#include "kh-window.h"


typedef struct
{
  char   *dir;
  char   *path;
  gint64  issued_id;   /* the demo's 2024 plan, issued */
  gint64  draft_id;    /* a 2025 draft copied from it */
} Fixture;

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static KhPlanPage *
plan_page (KhWindow *window)
{
  GtkWidget *page = find_widget (GTK_WIDGET (window), KH_TYPE_PLAN_PAGE, NULL);

  g_assert_nonnull (page);
  return KH_PLAN_PAGE (page);
}

static gboolean
export_dialog_idle (gpointer app)
{
  KhExportDialog *dialog = KH_EXPORT_DIALOG (kh_test_find_toplevel (KH_TYPE_EXPORT_DIALOG));

  return dialog != NULL && !kh_export_dialog_get_busy (dialog);
}

static gboolean
is_pdf (gpointer path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) &&
         length > 1000 && g_str_has_prefix (contents, "%PDF");
}

/* KH_TEST_SCREENSHOTS=DIR: the screen as the test sees it. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("KH_TEST_SCREENSHOTS");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static KhExportDialog *
open_dialog (KhApplication *app,
             KhWindow      *window,
             const char    *action)
{
  KhExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page (window)), action, NULL));
  g_assert_true (kh_test_wait_for (kh_test_toplevel_shown, GSIZE_TO_POINTER (KH_TYPE_EXPORT_DIALOG)));
  dialog = KH_EXPORT_DIALOG (kh_test_find_toplevel (KH_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
close_dialog (KhApplication  *app,
              KhExportDialog *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_EXPORT_DIALOG)));
}

/* Fixtures */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;

  fixture->dir = g_dir_make_tmp ("kh-gui-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kh_demo_load (store, FALSE, &error));
  g_assert_no_error (error);

  fixture->issued_id = kh_store_find_plan (store, 2024, KH_PLAN_KIND_CCHC, "");
  g_assert_cmpint (fixture->issued_id, >, 0);
  fixture->draft_id = kh_store_copy_plan (store, fixture->issued_id, 2025, "", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }

  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

typedef void (*Body) (KhApplication *app,
                      KhWindow      *window,
                      Fixture       *fixture);

typedef struct
{
  Body     body;
  Fixture *fixture;
  gint64   plan_id;
} Run;

static gboolean
plan_actions_enabled (gpointer window)
{
  GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "export-pdf");

  return button != NULL && gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button);
}

static void
on_window_cb (KhApplication *app,
              KhWindow      *window,
              gconstpointer  data)
{
  const Run *run = data;

  kh_window_select_plan (window, run->plan_id);
  kh_window_show_view (window, "plan");
  g_assert_true (kh_test_wait_for (plan_actions_enabled, window));

  run->body (app, window, run->fixture);
}

static void
run_application (Fixture *fixture,
                 gint64   plan_id,
                 Body     body)
{
  Run run = { body, fixture, plan_id };

  kh_test_run_application (fixture->path, on_window_cb, &run);
}

/* The issued plan: “Export PDF…” offers the issued form, and writes it. */

static void
export_issued_plan (KhApplication *app,
                    KhWindow      *window,
                    Fixture       *fixture)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "KH-18-2024-tuyen-truyen-CCHC.pdf", NULL);
  KhExportDialog *dialog;

  screenshot ("plan-page");
  dialog = open_dialog (app, window, "plan.export");
  g_assert_cmpint (kh_export_dialog_get_mode (dialog), ==, KH_DOCUMENT_MODE_ISSUED);
  screenshot ("export-dialog");

  /* as if the file had been chosen in the save dialog */
  kh_export_dialog_export_to_path (dialog, pdf);
  g_assert_true (kh_test_wait_for (is_pdf, pdf));
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_EXPORT_DIALOG)));
  screenshot ("exported-toast");
}

static void
test_export_issued_plan (Fixture       *fixture,
                         gconstpointer  data)
{
  run_application (fixture, fixture->issued_id, export_issued_plan);
}

/* A draft: the draft form; the issued one cannot be chosen. For signing,
 * once sent for signing; printing offers the same. */

static void
defaults_follow_state (KhApplication *app,
                       KhWindow      *window,
                       Fixture       *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "signing.pdf", NULL);
  KhExportDialog *dialog;

  dialog = open_dialog (app, window, "plan.export");
  g_assert_cmpint (kh_export_dialog_get_mode (dialog), ==, KH_DOCUMENT_MODE_DRAFT);
  kh_export_dialog_set_mode (dialog, KH_DOCUMENT_MODE_ISSUED);
  g_assert_cmpint (kh_export_dialog_get_mode (dialog), !=, KH_DOCUMENT_MODE_ISSUED);
  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON,
                                                        "mode-issued")));
  close_dialog (app, dialog);

  g_assert_true (kh_store_set_plan_state (kh_application_get_store (app), fixture->draft_id,
                                          KH_PLAN_STATE_SIGNING, &error));
  g_assert_no_error (error);
  kh_application_store_changed (app);

  dialog = open_dialog (app, window, "plan.export");
  g_assert_cmpint (kh_export_dialog_get_mode (dialog), ==, KH_DOCUMENT_MODE_SIGNING);
  kh_export_dialog_export_to_path (dialog, pdf);
  g_assert_true (kh_test_wait_for (is_pdf, pdf));
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_EXPORT_DIALOG)));

  dialog = open_dialog (app, window, "plan.print");
  g_assert_cmpint (kh_export_dialog_get_mode (dialog), ==, KH_DOCUMENT_MODE_SIGNING);
  screenshot ("print-dialog");
  close_dialog (app, dialog);
}

static void
test_defaults_follow_state (Fixture       *fixture,
                            gconstpointer  data)
{
  run_application (fixture, fixture->draft_id, defaults_follow_state);
}

/* Failures: said in the dialog, which stays open; no file. */

static void
failures_stay_in_dialog (KhApplication *app,
                         KhWindow      *window,
                         Fixture       *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhSection) section = kh_section_new ("CHÚC MỪNG", "Chúc mừng năm mới 🎉 an khang.");
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "KH.pdf", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "emoji.pdf", NULL);
  KhExportDialog *dialog;
  GtkWidget *status;

  dialog = open_dialog (app, window, "plan.export");
  kh_export_dialog_export_to_path (dialog, missing);
  g_assert_true (kh_test_wait_for (export_dialog_idle, app));
  status = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "export-status");
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  close_dialog (app, dialog);

  /* a character the PDF cannot hold, named with where it is */
  g_assert_cmpint (kh_store_add_section (kh_application_get_store (app), fixture->draft_id, 0, -1,
                                         section, &error), >, 0);
  g_assert_no_error (error);

  dialog = open_dialog (app, window, "plan.export");
  kh_export_dialog_export_to_path (dialog, pdf);
  g_assert_true (kh_test_wait_for (export_dialog_idle, app));
  status = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "export-status");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "U+1F389"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "Chúc mừng năm mới"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  screenshot ("export-error");
  close_dialog (app, dialog);
}

static void
test_failures_stay_in_dialog (Fixture       *fixture,
                              gconstpointer  data)
{
  run_application (fixture, fixture->draft_id, failures_stay_in_dialog);
}

/* An emoji in a task's title: the export dialog names the character,
 * the item of part IV it is in, and where in it; no file is written. */
static void
emoji_in_task_named (KhApplication *app,
                     KhWindow      *window,
                     Fixture       *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "emoji-task.pdf", NULL);
  g_autoptr(KhTask) task = NULL;
  KhStore *store = kh_application_get_store (app);
  KhExportDialog *dialog;
  GtkWidget *status;
  const char *text;

  task = kh_task_new (fixture->draft_id, "Chúc mừng năm mới 🎉 trên trang thông tin điện tử",
                      kh_store_find_department (store, "Đài truyền thanh"));
  g_assert_cmpint (kh_store_add_task (store, task, &error), >, 0);
  g_assert_no_error (error);
  kh_application_store_changed (app);

  dialog = open_dialog (app, window, "plan.export");
  kh_export_dialog_export_to_path (dialog, pdf);
  g_assert_true (kh_test_wait_for (export_dialog_idle, app));
  status = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "export-status");
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  text = gtk_label_get_text (GTK_LABEL (status));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "“🎉” (U+1F389)"));
  g_assert_nonnull (strstr (text, "(“- Chúc mừng năm mới"));
  g_assert_nonnull (strstr (text, "at position 21"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  close_dialog (app, dialog);
}

static void
test_emoji_in_task_named (Fixture       *fixture,
                          gconstpointer  data)
{
  run_application (fixture, fixture->draft_id, emoji_in_task_named);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("The UI tests need a display: run them under "
                  "`xvfb-run -a dbus-run-session -- meson test --suite gui`.\n");
      return EXIT_FAILURE;
    }

  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    g_error ("The UI tests could not open the display.");

  g_test_add ("/gui/export/issued-plan", Fixture, NULL,
              fixture_set_up, test_export_issued_plan, fixture_tear_down);
  g_test_add ("/gui/export/defaults-follow-state", Fixture, NULL,
              fixture_set_up, test_defaults_follow_state, fixture_tear_down);
  g_test_add ("/gui/export/failures-stay-in-dialog", Fixture, NULL,
              fixture_set_up, test_failures_stay_in_dialog, fixture_tear_down);
  g_test_add ("/gui/export/emoji-in-task-named", Fixture, NULL,
              fixture_set_up, test_emoji_in_task_named, fixture_tear_down);

  return g_test_run ();
}
