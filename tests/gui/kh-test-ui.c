/* kh-test-ui.c — what every UI test needs: waiting on a condition and
 * finding a widget
 *
 * Tests wait on conditions, never on fixed sleeps: the main loop runs
 * until the predicate holds or a generous deadline passes (a failing
 * test then fails instead of hanging).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-window.h"

#include "kh-list-row.h"
#include "kh-test-ui.h"

#define DEADLINE_S 20

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* The main loop, until the predicate holds or the deadline passes. */
gboolean
kh_test_wait_for (Predicate predicate,
                  gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  GSource *tick = g_timeout_source_new (20);
  gboolean holds;

  /* Wakes the loop up now and then to look again. */
  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, NULL);

  while (!(holds = predicate (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_destroy (tick);
  g_source_unref (tick);
  return holds;
}

/* The first widget under root (root included, depth first) that matches. */
GtkWidget *
kh_test_find_widget (GtkWidget     *root,
                     Match          match,
                     gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kh_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */
  AdwMessageDialog **found = data;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *found = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* The message dialog on screen, once one is; NULL if none comes. */
AdwMessageDialog *
kh_test_wait_for_message_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  kh_test_wait_for (message_dialog_shown, &dialog);
  return dialog;
}

typedef struct
{
  KhTestBody    body;
  gconstpointer data;
} Run;

static void
on_activate_cb (KhApplication *app,
                Run           *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (KH_IS_WINDOW (window));
  run->body (app, KH_WINDOW (window), run->data);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* As `kehoach --db PATH`, with the test's body once the window is up;
 * then quits as a person would and checks that nothing keeps the
 * application (and so the database) alive. */
void
kh_test_run_application (const char    *path,
                         KhTestBody     body,
                         gconstpointer  data)
{
  Run run = { body, data };
  KhApplication *app;

  app = g_object_new (KH_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "database-path", path,
                      NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), &run);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *)&app);
  g_object_unref (app);
  g_assert_null (app);
}


static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *)flag;
}

/* The render nodes of @widget (mapped) once its window has laid it out:
 * its children snapshot now, not the window's last drawing, which an X11
 * frame can skip while it waits for the display. */
GskRenderNode *
kh_test_draw_widget (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  g_return_val_if_fail (gtk_widget_get_mapped (widget), NULL);

  gtk_widget_queue_draw (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  g_assert_true (kh_test_wait_for (is_true, &painted));
  g_signal_handler_disconnect (clock, handler);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* A shown toplevel window of @type (a dialog, the Preferences), or NULL. */
GtkWindow *
kh_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Predicates for kh_test_wait_for(), @type given with GSIZE_TO_POINTER(). */
gboolean
kh_test_toplevel_shown (gpointer type)
{
  GtkWindow *window = kh_test_find_toplevel (GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

gboolean
kh_test_toplevel_gone (gpointer type)
{
  return kh_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

/* The toplevel of @type once it is shown. */
GtkWindow *
kh_test_wait_for_toplevel (GType type)
{
  g_assert_true (kh_test_wait_for (kh_test_toplevel_shown, GSIZE_TO_POINTER (type)));
  return kh_test_find_toplevel (type);
}

/* A Match: an AdwEntryRow titled @title. */
gboolean
kh_test_is_entry_row_titled (GtkWidget     *widget,
                             gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The subtitle of a KhListRow or an AdwActionRow; NULL for other widgets. */
const char *
kh_test_row_subtitle (GtkWidget *row)
{
  if (KH_IS_LIST_ROW (row))
    return kh_list_row_get_subtitle (KH_LIST_ROW (row));
  if (ADW_IS_ACTION_ROW (row))
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return NULL;
}
