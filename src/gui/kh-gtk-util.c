/* kh-gtk-util.c — small helpers the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-gtk-util"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "kh-gtk-util.h"

/* gtk_list_box_remove_all() arrived in GTK 4.12. */
void
kh_list_box_remove_all (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* Widgets out of sight, waiting to be destroyed. */
static GQueue retired = G_QUEUE_INIT;
static guint retire_source;

#define RETIRE_BUDGET_US 2000

static void
destroy_retired (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_remove (GTK_LIST_BOX (parent), widget);
  else if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), widget);
  else if (parent != NULL)
    gtk_widget_unparent (widget);
  g_object_unref (widget);
}

static gboolean
destroy_retired_cb (gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + RETIRE_BUDGET_US;

  while (!g_queue_is_empty (&retired) && g_get_monotonic_time () < deadline)
    destroy_retired (g_queue_pop_head (&retired));

  if (!g_queue_is_empty (&retired))
    return G_SOURCE_CONTINUE;
  retire_source = 0;
  return G_SOURCE_REMOVE;
}

/* Hides a child of a GtkBox or GtkListBox (or any widget) now and
 * destroys it later, 2 ms' worth per idle turn: destroying fifty rows
 * costs 6–10 ms, too much for the turn that shows their replacements. */
void
kh_widget_retire (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_visible (widget, FALSE);
  g_queue_push_tail (&retired, g_object_ref (widget));
  if (retire_source == 0)
    {
      retire_source = g_idle_add_full (G_PRIORITY_LOW, destroy_retired_cb, NULL, NULL);
      g_source_set_name_by_id (retire_source, "[kehoach] destroy retired widgets");
    }
}

/* Whether what @widget should show, summed up in @key, differs from what
 * it showed when last asked; remembers @key. A page reloaded for another
 * plan or after an unrelated change keeps the rows it has instead of
 * building the same ones again (rows cost 1–2 ms each to build and as
 * much to lay out). */
gboolean
kh_widget_content_changed (GtkWidget  *widget,
                           const char *key)
{
  const char *shown;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);

  shown = g_object_get_data (G_OBJECT (widget), "kh-content-key");
  if (shown != NULL && g_str_equal (shown, key))
    return FALSE;
  g_object_set_data_full (G_OBJECT (widget), "kh-content-key", g_strdup (key), g_free);
  return TRUE;
}

/* A toast that shows @text as it is. An AdwToast's title is Pango markup
 * (libadwaita 1.2 cannot turn that off), and our messages quote what the
 * clerk typed: a task called "Hỏi & đáp" would make an empty toast. */
AdwToast *
kh_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/* Changes a toast's title to @text, as it is (see kh_toast_new()). */
void
kh_toast_set_text (AdwToast   *toast,
                   const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_set_title (toast, escaped);
}

/* What a boxed list shows when it has no rows. */
GtkWidget *
kh_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A flat icon button for a row, named for screen readers and tests. */
GtkWidget *
kh_icon_button_new (const char *icon_name,
                    const char *tooltip,
                    const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  kh_widget_set_tooltip_quietly (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  kh_widget_set_accessible_label (button, accessible_label ? accessible_label : tooltip);
  return button;
}

/* gtk_widget_set_tooltip_text() on a visible widget (GtkBuilder's
 * tooltip-text too) asks the X server at once where the pointer is, in
 * case the new tooltip should show: two round trips. With three buttons a
 * row, the tasks page filled in 106–121 ms instead of 55. A widget being
 * built, in no window yet, is under no pointer: hidden for that moment,
 * it is spared the question. One in a window is asked, as it should. */
void
kh_widget_set_tooltip_quietly (GtkWidget  *widget,
                               const char *text)
{
  gboolean hide_for_now;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  hide_for_now = gtk_widget_get_visible (widget) && gtk_widget_get_root (widget) == NULL;
  if (hide_for_now)
    gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  if (hide_for_now)
    gtk_widget_set_visible (widget, TRUE);
}

void
kh_widget_set_accessible_label (GtkWidget  *widget,
                                const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Today's date, as the views count it (the dashboard's overdue tasks,
 * the date a new result is given). KEHOACH_TODAY=YYYY-MM-DD in the
 * environment fixes it, read once, for tests and demonstrations. */
void
kh_today (GDate *date)
{
  static gsize once = 0;
  static GDate fixed;

  g_return_if_fail (date != NULL);

  if (g_once_init_enter (&once))
    {
      const char *text = g_getenv ("KEHOACH_TODAY");
      int year, month, day;

      g_date_clear (&fixed, 1);
      if (text != NULL && sscanf (text, "%d-%d-%d", &year, &month, &day) == 3 &&
          g_date_valid_dmy (day, month, year))
        g_date_set_dmy (&fixed, day, month, year);
      g_once_init_leave (&once, 1);
    }

  if (g_date_valid (&fixed))
    {
      *date = fixed;
      return;
    }

  g_date_clear (date, 1);
  g_date_set_time_t (date, time (NULL));
}
