/* kh-preferences-rows.c — what the Preferences pages' lists share
 *
 * The departments and the indicators are both ordered lists whose rows
 * are moved up and down (the focus follows the row), archived with an
 * undo toast into a separate “Archived” group, and restored. A change
 * the store refuses marks its row with the error style and says why in
 * one toast; nothing is dropped silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-preferences-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-gtk-util.h"
#include "kh-preferences-rows.h"

/* Errors */

void
kh_page_errors_init (KhPageErrors *errors,
                     GtkWidget    *page)
{
  errors->page = page;
  errors->toast = NULL;
  errors->pending = NULL;
}

void
kh_page_add_toast (GtkWidget *page,
                   AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (page);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

void
kh_page_errors_show (KhPageErrors *errors,
                     GtkWidget    *row,
                     const GError *error)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  if (!ADW_IS_PREFERENCES_WINDOW (gtk_widget_get_root (errors->page)))
    {
      if (errors->pending == NULL)
        errors->pending = g_error_copy (error);
      return;
    }

  if (errors->toast != NULL)
    {
      kh_toast_set_text (errors->toast, error->message);
      return;
    }

  g_set_weak_pointer (&errors->toast, kh_toast_new (error->message));
  adw_toast_set_priority (errors->toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (errors->toast, 0);
  kh_page_add_toast (errors->page, errors->toast);
}

void
kh_page_errors_clear (KhPageErrors *errors,
                      GtkWidget    *row)
{
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");

  if (errors->toast != NULL)
    adw_toast_dismiss (errors->toast);
}

/* Call from the page's map: what went wrong while it was loaded. */
void
kh_page_errors_show_pending (KhPageErrors *errors)
{
  g_autoptr(GError) pending = g_steal_pointer (&errors->pending);

  if (pending != NULL)
    kh_page_errors_show (errors, NULL, pending);
}

void
kh_page_errors_dispose (KhPageErrors *errors)
{
  g_clear_weak_pointer (&errors->toast);
  g_clear_error (&errors->pending);
}

static void
on_row_changed_clear_error_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

/* Editing a row that was refused takes its error style away. */
void
kh_entry_row_clear_error_on_change (GtkWidget *row)
{
  g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_clear_error_cb), NULL);
}

/* Rows */

void
kh_row_set_id (GtkWidget *row,
               gint64     id)
{
  g_object_set_data_full (G_OBJECT (row), "kh-id", g_memdup2 (&id, sizeof id), g_free);
}

gint64
kh_row_get_id (GtkWidget *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "kh-id") : NULL;

  return id ? *id : 0;
}

GtkWidget *
kh_list_box_find_row (GtkListBox *list,
                      gint64      id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    if (kh_row_get_id (GTK_WIDGET (row)) == id)
      return GTK_WIDGET (row);

  return NULL;
}

/* Removes every row but the entry row that adds one. */
void
kh_list_box_remove_rows_except (GtkListBox *list,
                                GtkWidget  *keep)
{
  GtkListBoxRow *row;
  int i = 0;

  while ((row = gtk_list_box_get_row_at_index (list, i)))
    {
      if (GTK_WIDGET (row) == keep)
        i++;
      else
        gtk_list_box_remove (list, GTK_WIDGET (row));
    }
}

/* Ordered lists */

GtkWidget *
kh_move_button_new (gboolean    up,
                    const char *item,
                    gboolean    sensitive)
{
  g_autofree char *accessible = NULL;
  GtkWidget *button;

  if (up)
    {
      /* Translators: %s is a department, an indicator or a recipient */
      accessible = g_strdup_printf (_("Move %s up"), item);
      button = kh_icon_button_new ("go-up-symbolic", _("Move Up"), accessible);
    }
  else
    {
      /* Translators: %s is a department, an indicator or a recipient */
      accessible = g_strdup_printf (_("Move %s down"), item);
      button = kh_icon_button_new ("go-down-symbolic", _("Move Down"), accessible);
    }

  gtk_widget_set_sensitive (button, sensitive);
  return button;
}

/* tooltip: what archiving does to this kind of row */
GtkWidget *
kh_archive_button_new (const char *item,
                       const char *tooltip)
{
  /* Translators: %s is a department's, an indicator's or a signer's name */
  g_autofree char *label = g_strdup_printf (_("Archive %s"), item);
  GtkWidget *button = gtk_button_new_with_label (_("Archive"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  kh_widget_set_tooltip_quietly (button, tooltip);
  kh_widget_set_accessible_label (button, label);
  return button;
}

GtkWidget *
kh_restore_button_new (const char *item)
{
  /* Translators: %s is a department's, an indicator's or a signer's name */
  g_autofree char *label = g_strdup_printf (_("Restore %s"), item);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  kh_widget_set_accessible_label (button, label);
  return button;
}

/* Remembers a row's buttons, for the focus to find them after a reload. */
void
kh_ordered_row_set_buttons (GtkWidget *row,
                            GtkWidget *up,
                            GtkWidget *down,
                            GtkWidget *archive)
{
  g_object_set_data (G_OBJECT (row), "kh-up", up);
  g_object_set_data (G_OBJECT (row), "kh-down", down);
  g_object_set_data (G_OBJECT (row), "kh-archive", archive);
}

/* After a move (delta < 0: up), the focus stays on the button that moved
 * the row, or on the other one where the row reached an end. */
void
kh_ordered_list_focus_moved (GtkListBox *list,
                             gint64      id,
                             int         delta)
{
  GtkWidget *row = kh_list_box_find_row (list, id);
  const char *which = delta < 0 ? "kh-up" : "kh-down";
  GtkWidget *button;

  if (row == NULL)
    return;

  button = g_object_get_data (G_OBJECT (row), which);
  if (button == NULL || !gtk_widget_get_sensitive (button))
    button = g_object_get_data (G_OBJECT (row), delta < 0 ? "kh-down" : "kh-up");
  if (button != NULL)
    gtk_widget_grab_focus (button);
}

/* After the row at index was archived, the focus goes to the row that
 * took its place, or to the fallback (the entry row that adds one). */
void
kh_ordered_list_focus_archived (GtkListBox *list,
                                int         index,
                                GtkWidget  *fallback)
{
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (list, index);

  if (next != NULL && g_object_get_data (G_OBJECT (next), "kh-archive") != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (next), "kh-archive"));
  else
    gtk_widget_grab_focus (fallback);
}

/* “… archived”, with an Undo button; connect to its "button-clicked". */
AdwToast *
kh_archived_toast_new (const char *item,
                       gint64      id)
{
  /* Translators: %s is a department's, an indicator's or a person's name */
  g_autofree char *title = g_strdup_printf (_("%s archived"), item);
  AdwToast *toast = kh_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "kh-id", g_memdup2 (&id, sizeof id), g_free);
  return toast;
}

gint64
kh_archived_toast_get_id (AdwToast *toast)
{
  gint64 *id = g_object_get_data (G_OBJECT (toast), "kh-id");

  return id ? *id : 0;
}
