/* results-test-util.h — what test-results-page.c and test-dashboard.c
 * share: the demo database, running the app, waiting on conditions with
 * a deadline (never fixed sleeps), finding widgets, the quick-entry
 * dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-test-ui.h"

#include <glib/gstdio.h>

#include "kh-demo.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-plan.h"
#include "kh-result.h"
#include "kh-task.h"

#include "kh-application.h"
#include "kh-chart-widget.h"
#include "kh-result-dialog.h"
#include "kh-result-row.h"
#include "kh-window.h"

#define TODAY       "2024-04-10"   /* KEHOACH_TODAY: the demo's plan is 2024's */
#define RADIO       "Đài truyền thanh"
#define NEWS_TASK   "Tin, bài về cải cách hành chính"
#define NEWS        "Tin, bài"
#define BANNERS     "Băng rôn"

typedef struct
{
  char   *dir;
  char   *path;
  gint64  plan_id;
} Fixture;

/* Waiting */

/* Finding */

typedef struct
{
  GtkWidget     *root;
  Match          match;
  gconstpointer  data;
  gboolean       absent;
} Search;

static gboolean
search_done (gpointer user_data)
{
  Search *search = user_data;
  gboolean found = kh_test_find_widget (search->root, search->match, search->data) != NULL;

  return search->absent ? !found : found;
}

static G_GNUC_UNUSED GtkWidget *
wait_for_widget (GtkWidget     *root,
                 Match          match,
                 gconstpointer  data)
{
  Search search = { root, match, data, FALSE };

  g_assert_true (kh_test_wait_for (search_done, &search));
  return kh_test_find_widget (root, match, data);
}

static G_GNUC_UNUSED gboolean
wait_until_gone (GtkWidget     *root,
                 Match          match,
                 gconstpointer  data)
{
  Search search = { root, match, data, TRUE };

  return kh_test_wait_for (search_done, &search);
}

static G_GNUC_UNUSED gboolean
is_mapped_button_with_label (GtkWidget     *widget,
                             gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static G_GNUC_UNUSED gboolean
is_mapped_label_with_text (GtkWidget     *widget,
                           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_row_with_title (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static G_GNUC_UNUSED gboolean
is_mapped_result_row (GtkWidget     *widget,
                      gconstpointer  title)
{
  return KH_IS_RESULT_ROW (widget) && gtk_widget_get_mapped (widget) && is_row_with_title (widget, title);
}

static G_GNUC_UNUSED gboolean
is_mapped_result_row_any (GtkWidget     *widget,
                          gconstpointer  data)
{
  return KH_IS_RESULT_ROW (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static G_GNUC_UNUSED gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
is_view_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_VIEW_STACK (widget);
}

static guint
string_list_find (GListModel *model,
                  const char *text)
{
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* A mapped dropdown whose list holds `item`. */
static G_GNUC_UNUSED gboolean
is_mapped_drop_down_with (GtkWidget     *widget,
                          gconstpointer  item)
{
  return GTK_IS_DROP_DOWN (widget) && gtk_widget_get_mapped (widget) &&
         string_list_find (gtk_drop_down_get_model (GTK_DROP_DOWN (widget)), item) != GTK_INVALID_LIST_POSITION;
}

static G_GNUC_UNUSED void
drop_down_select (GtkWidget  *root,
                  const char *item)
{
  GtkWidget *dropdown = wait_for_widget (root, is_mapped_drop_down_with, item);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                              string_list_find (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)), item));
}

static G_GNUC_UNUSED const char *
combo_row_selected (GtkWidget  *root,
                    const char *row_title)
{
  GtkWidget *row = kh_test_find_widget (root, is_row_with_title, row_title);
  GtkStringObject *item;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));
  return item ? gtk_string_object_get_string (item) : NULL;
}

static G_GNUC_UNUSED void
combo_row_select (GtkWidget  *root,
                  const char *row_title,
                  const char *item)
{
  GtkWidget *row = kh_test_find_widget (root, is_row_with_title, row_title);
  guint position;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  position = string_list_find (adw_combo_row_get_model (ADW_COMBO_ROW (row)), item);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

/* The database: the demo agency and its 2024 plan */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  fixture->dir = g_dir_make_tmp ("kh-gui-results-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kh_demo_load (store, FALSE, &error));
  g_assert_no_error (error);

  plans = kh_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  fixture->plan_id = ((KhPlan *)plans->pdata[0])->id;
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

static KhStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KhStore *store = kh_store_open (fixture->path, &error);

  g_assert_no_error (error);
  return store;
}

static G_GNUC_UNUSED KhResult *
find_stored_result (Fixture    *fixture,
                    const char *description)
{
  g_autoptr(KhStore) store = open_store (fixture);
  g_autoptr(GPtrArray) results = kh_store_list_results (store, fixture->plan_id, NULL, NULL, NULL);

  for (guint i = 0; results != NULL && i < results->len; i++)
    if (g_strcmp0 (((KhResult *)results->pdata[i])->description, description) == 0)
      return kh_result_copy (results->pdata[i]);

  return NULL;
}

static G_GNUC_UNUSED guint
count_results (Fixture *fixture)
{
  g_autoptr(KhStore) store = open_store (fixture);
  g_autoptr(GPtrArray) results = kh_store_list_results (store, fixture->plan_id, NULL, NULL, NULL);

  return results ? results->len : 0;
}

/* Running the application: kh_test_run_application() */
typedef KhTestBody Body;
#define run_application kh_test_run_application

static G_GNUC_UNUSED void
show_view (KhWindow   *window,
           const char *name)
{
  GtkWidget *stack = wait_for_widget (GTK_WIDGET (window), is_view_stack, NULL);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *)data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames_drawn (gpointer data)
{
  return *(guint *)data >= 2;
}

/* With KH_TEST_SHOTS=dir, saves the screen as dir/name.png once the
 * widget is drawn (imagemagick's import, under Xvfb). */
static G_GNUC_UNUSED void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("KH_TEST_SHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  guint frames = 0, tick;

  if (dir == NULL)
    return;

  tick = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);
  gtk_widget_queue_draw (widget);
  kh_test_wait_for (two_frames_drawn, &frames);
  gtk_widget_remove_tick_callback (widget, tick);

  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  command = g_strdup_printf ("import -window root '%s'", path);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_test_message ("could not save %s", path);
}

/* The quick-entry dialog */

static KhResultDialog *
find_dialog (KhApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (KH_IS_RESULT_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;

  return NULL;
}

static gboolean
dialog_open (gpointer app)
{
  return find_dialog (app) != NULL;
}

static G_GNUC_UNUSED gboolean
dialog_closed (gpointer app)
{
  return find_dialog (app) == NULL;
}

/* What Ctrl+R does from anywhere in the window. */
static G_GNUC_UNUSED GtkWidget *
open_result_dialog (KhApplication *app,
                    KhWindow      *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record-result", NULL));
  g_assert_true (kh_test_wait_for (dialog_open, app));
  return GTK_WIDGET (find_dialog (app));
}

static G_GNUC_UNUSED void
set_quantity (GtkWidget *dialog,
              double     quantity)
{
  GtkWidget *row = kh_test_find_widget (dialog, is_row_with_title, "Quantity");
  GtkWidget *spin;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_sensitive (row));
  spin = kh_test_find_widget (row, is_spin_button, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), quantity);
}

static G_GNUC_UNUSED void
set_description (GtkWidget  *dialog,
                 const char *text)
{
  GtkWidget *view = kh_test_find_widget (dialog, is_text_view, NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static G_GNUC_UNUSED char *
get_description (GtkWidget *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (kh_test_find_widget (dialog, is_text_view, NULL)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static G_GNUC_UNUSED void
set_date (GtkWidget  *dialog,
          const char *text)
{
  GtkWidget *row = kh_test_find_widget (dialog, is_row_with_title, "Date, e.g. 15/3/2024");

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static G_GNUC_UNUSED void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = kh_test_find_widget (root, is_mapped_button_with_label, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static G_GNUC_UNUSED void
init_ui_tests (int    *argc,
               char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("The UI tests need a display: run them under "
                  "`xvfb-run -a dbus-run-session -- meson test --suite gui`.\n");
      exit (EXIT_FAILURE);
    }

  /* Before anything asks for today: the demo's plan is 2024's. */
  g_setenv ("KEHOACH_TODAY", TODAY, TRUE);

  gtk_test_init (argc, argv, NULL);
  if (gdk_display_get_default () == NULL)
    g_error ("The UI tests could not open the display.");
}
