/* kh-recipients-group.c — Preferences: the default recipients (Nơi nhận)
 *
 * One entry row per recipient, in the order new plans and reports list
 * them under “Nơi nhận:”: edit and apply to change one, move it up and
 * down, remove it, or add one at the end. The whole list is saved at
 * once on every change. Errors are shown through the page's (the row's
 * error style and the page's one error toast).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-recipients-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-text.h"

#include "kh-gtk-util.h"
#include "kh-recipients-group.h"

struct _KhRecipientsGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkListBox          *recipients_list;
  AdwEntryRow         *new_recipient_row;

  /* Borrowed */
  KhApplication       *application;
  KhPageErrors        *errors;         /* the page's */

  /* Owned */
  KhStore             *store;
  GStrv                recipients;     /* as last saved */
};

G_DEFINE_FINAL_TYPE (KhRecipientsGroup, kh_recipients_group, ADW_TYPE_PREFERENCES_GROUP)

static void reload_recipients (KhRecipientsGroup *self);

static void
changed (KhRecipientsGroup *self)
{
  kh_application_store_changed (self->application);
}


static gboolean
save_recipients (KhRecipientsGroup *self,
                 GStrv              recipients,
                 GtkWidget         *row)
{
  g_autoptr(GError) error = NULL;

  if (!kh_store_set_default_recipients (self->store, (const char * const *)recipients, &error))
    {
      g_strfreev (recipients);
      kh_page_errors_show (self->errors, row, error);
      return FALSE;
    }

  g_strfreev (self->recipients);
  self->recipients = recipients;
  kh_page_errors_clear (self->errors, row);
  reload_recipients (self);
  changed (self);
  return TRUE;
}

static void
move_recipient (KhRecipientsGroup *self,
                GtkWidget         *button,
                int                delta)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int other = index + delta;
  guint n = self->recipients ? g_strv_length (self->recipients) : 0;
  GStrv recipients;
  char *swap;
  GtkListBoxRow *moved;

  if (index < 0 || other < 0 || other >= (int)n)
    return;

  recipients = g_strdupv (self->recipients);
  swap = recipients[index];
  recipients[index] = recipients[other];
  recipients[other] = swap;

  if (!save_recipients (self, recipients, NULL))
    return;

  /* Keep the focus on the button that moved the row. */
  if ((moved = gtk_list_box_get_row_at_index (self->recipients_list, other)))
    {
      GtkWidget *up = g_object_get_data (G_OBJECT (moved), "kh-up");
      GtkWidget *down = g_object_get_data (G_OBJECT (moved), "kh-down");
      GtkWidget *focus = delta < 0 ? up : down;

      gtk_widget_grab_focus (gtk_widget_get_sensitive (focus) ? focus : (delta < 0 ? down : up));
    }
}

static void
on_recipient_up_clicked_cb (KhRecipientsGroup *self,
                            GtkButton         *button)
{
  move_recipient (self, GTK_WIDGET (button), -1);
}

static void
on_recipient_down_clicked_cb (KhRecipientsGroup *self,
                              GtkButton         *button)
{
  move_recipient (self, GTK_WIDGET (button), +1);
}

static void
on_recipient_remove_clicked_cb (KhRecipientsGroup *self,
                                GtkButton         *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (int i = 0; self->recipients && self->recipients[i]; i++)
    {
      if (i != index)
        g_strv_builder_add (builder, self->recipients[i]);
    }

  save_recipients (self, g_strv_builder_end (builder), NULL);
}

static void
on_recipient_row_apply_cb (KhRecipientsGroup *self,
                           AdwEntryRow       *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GStrv recipients;

  if (kh_text_is_blank (text))
    {
      g_autoptr(GError) error = g_error_new_literal (KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                                                     _("A recipient cannot be empty. To take one off the list, use its Remove button."));
      kh_page_errors_show (self->errors, GTK_WIDGET (row), error);
      return;
    }

  recipients = g_strdupv (self->recipients);
  if (index >= 0 && index < (int)g_strv_length (recipients))
    {
      g_free (recipients[index]);
      recipients[index] = g_strdup (text);
    }

  save_recipients (self, recipients, GTK_WIDGET (row));
}

static void
on_new_recipient_row_apply_cb (KhRecipientsGroup *self,
                               AdwEntryRow       *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GStrvBuilder) builder = NULL;

  if (kh_text_is_blank (text))
    return;

  builder = g_strv_builder_new ();
  if (self->recipients)
    g_strv_builder_addv (builder, (const char **)self->recipients);
  g_strv_builder_add (builder, text);

  if (save_recipients (self, g_strv_builder_end (builder), GTK_WIDGET (row)))
    gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static GtkWidget *
recipient_row_new (KhRecipientsGroup *self,
                   guint              index,
                   guint              n_recipients)
{
  const char *text = self->recipients[index];
  g_autofree char *title = g_strdup_printf (_("Recipient %u"), index + 1);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), text);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up;
  GtkWidget *down;
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);

  up = kh_move_button_new (TRUE, text, index > 0);
  down = kh_move_button_new (FALSE, text, index + 1 < n_recipients);
  remove = kh_icon_button_new ("list-remove-symbolic", _("Remove"), remove_label);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "kh-up", up);
  g_object_set_data (G_OBJECT (row), "kh-down", down);

  g_signal_connect_object (row, "apply", G_CALLBACK (on_recipient_row_apply_cb), self, G_CONNECT_SWAPPED);
  kh_entry_row_clear_error_on_change (row);
  g_signal_connect_object (up, "clicked", G_CALLBACK (on_recipient_up_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (down, "clicked", G_CALLBACK (on_recipient_down_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_recipient_remove_clicked_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static void
reload_recipients (KhRecipientsGroup *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  kh_list_box_remove_rows_except (self->recipients_list, GTK_WIDGET (self->new_recipient_row));

  if (self->recipients == NULL)
    {
      self->recipients = kh_store_list_default_recipients (self->store, &error);
      if (self->recipients == NULL)
        {
          kh_page_errors_show (self->errors, NULL, error);
          self->recipients = g_new0 (char *, 1);
        }
    }

  n = g_strv_length (self->recipients);
  for (guint i = 0; i < n; i++)
    gtk_list_box_insert (self->recipients_list, recipient_row_new (self, i, n), (int)i);
}

/* GObject */

static void
kh_recipients_group_dispose (GObject *object)
{
  KhRecipientsGroup *self = KH_RECIPIENTS_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_RECIPIENTS_GROUP);

  g_clear_object (&self->store);
  g_clear_pointer (&self->recipients, g_strfreev);

  G_OBJECT_CLASS (kh_recipients_group_parent_class)->dispose (object);
}

static void
kh_recipients_group_class_init (KhRecipientsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_recipients_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-recipients-group.ui");
  gtk_widget_class_bind_template_child (widget_class, KhRecipientsGroup, recipients_list);
  gtk_widget_class_bind_template_child (widget_class, KhRecipientsGroup, new_recipient_row);
}

static void
kh_recipients_group_init (KhRecipientsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->new_recipient_row, "apply",
                           G_CALLBACK (on_new_recipient_row_apply_cb), self, G_CONNECT_SWAPPED);
  kh_entry_row_clear_error_on_change (GTK_WIDGET (self->new_recipient_row));
}

/* Loads the list from the application's store; errors go to the page's. */
void
kh_recipients_group_load (KhRecipientsGroup *self,
                          KhApplication     *application,
                          KhPageErrors      *errors)
{
  g_return_if_fail (KH_IS_RECIPIENTS_GROUP (self));
  g_return_if_fail (KH_IS_APPLICATION (application));
  g_return_if_fail (kh_application_get_store (application) != NULL);

  self->application = application;
  self->errors = errors;
  g_set_object (&self->store, kh_application_get_store (application));
  g_clear_pointer (&self->recipients, g_strfreev);

  reload_recipients (self);
}
