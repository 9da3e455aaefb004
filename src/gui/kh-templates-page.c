/* kh-templates-page.c — Preferences: the templates new plans start from
 *
 * One entry row per template, its name edited in place and saved when
 * applied. The built-in templates ship with the app: they can be renamed
 * but not deleted, so they show no delete button; the agency's own ones
 * (saved from a plan) are deleted after a confirmation. Plans made from a
 * template never change with it. A change core refuses marks the row
 * with the error style and says why in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-templates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-template.h"

#include "kh-gtk-util.h"
#include "kh-templates-page.h"

struct _KhTemplatesPage
{
  AdwPreferencesPage  parent_instance;

  /* Template widgets */
  GtkListBox         *templates_list;

  /* Borrowed */
  KhApplication      *application;
  AdwToast           *error_toast;   /* weak */
};

G_DEFINE_FINAL_TYPE (KhTemplatesPage, kh_templates_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (KhTemplatesPage *self);

/* Helpers */

static void
row_set_id (GtkWidget *row,
            gint64     id)
{
  g_object_set_data_full (G_OBJECT (row), "kh-id", g_memdup2 (&id, sizeof id), g_free);
}

static gint64
row_get_id (GtkWidget *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "kh-id") : NULL;

  return id ? *id : 0;
}

static KhStore *
get_store (KhTemplatesPage *self)
{
  return self->application ? kh_application_get_store (self->application) : NULL;
}

static void
add_toast (KhTemplatesPage *self,
           AdwToast        *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (KhTemplatesPage *self,
            GtkWidget       *row,
            const GError    *error)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  if (self->error_toast != NULL)
    {
      kh_toast_set_text (self->error_toast, error->message);
      return;
    }

  g_set_weak_pointer (&self->error_toast, kh_toast_new (error->message));
  adw_toast_set_priority (self->error_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (self->error_toast, 0);
  add_toast (self, self->error_toast);
}

static void
clear_error (KhTemplatesPage *self,
             GtkWidget       *row)
{
  gtk_widget_remove_css_class (row, "error");
  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);
}

/* Callbacks */

static void
on_row_apply_cb (KhTemplatesPage *self,
                 AdwEntryRow     *row)
{
  KhStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (!kh_store_rename_template (store, row_get_id (GTK_WIDGET (row)),
                                 gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  clear_error (self, GTK_WIDGET (row));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), gtk_editable_get_text (GTK_EDITABLE (row)));
  g_object_set_data_full (G_OBJECT (row), "kh-name",
                          g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))), g_free);
}

static void
on_row_changed_cb (KhTemplatesPage *self,
                   GtkEditable     *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              KhTemplatesPage  *self)
{
  KhStore *store = get_store (self);
  gint64 id = row_get_id (GTK_WIDGET (dialog));
  const char *name = g_object_get_data (G_OBJECT (dialog), "kh-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "delete") != 0 || store == NULL)
    return;

  if (!kh_store_delete_template (store, id, &error))
    {
      show_error (self, NULL, error);
      reload (self);
      return;
    }

  reload (self);
  message = g_strdup_printf (_("The template “%s” was deleted"), name);
  add_toast (self, kh_toast_new (message));
}

static void
on_delete_button_clicked_cb (KhTemplatesPage *self,
                             GtkButton       *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  const char *name = g_object_get_data (G_OBJECT (row), "kh-name");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete the Template?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will no longer be offered for new plans. The plans made from it stay as they are."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  row_set_id (dialog, row_get_id (row));
  g_object_set_data_full (G_OBJECT (dialog), "kh-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_application_store_changed_cb (KhTemplatesPage *self,
                                 KhApplication   *application)
{
  reload (self);
}

/* Rows */

static GtkWidget *
template_row_new (KhTemplatesPage  *self,
                  const KhTemplate *tmpl)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 tmpl->builtin ? _("Built-in template") : _("Your template"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), tmpl->name);
  kh_widget_set_tooltip_quietly (row, tmpl->name);
  row_set_id (row, tmpl->id);
  g_object_set_data_full (G_OBJECT (row), "kh-name", g_strdup (tmpl->name), g_free);

  if (!tmpl->builtin)
    {
      g_autofree char *label = g_strdup_printf (_("Delete the template “%s”"), tmpl->name);
      GtkWidget *button = kh_icon_button_new ("user-trash-symbolic", _("Delete Template"), label);

      g_signal_connect_object (button, "clicked",
                               G_CALLBACK (on_delete_button_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
    }

  g_signal_connect_object (row, "apply", G_CALLBACK (on_row_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static void
reload (KhTemplatesPage *self)
{
  KhStore *store = get_store (self);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  kh_list_box_remove_all (self->templates_list);
  if (store == NULL)
    return;

  templates = kh_store_list_templates (store, &error);
  if (templates == NULL)
    {
      show_error (self, NULL, error);
      return;
    }

  for (guint i = 0; i < templates->len; i++)
    gtk_list_box_append (self->templates_list,
                         template_row_new (self, g_ptr_array_index (templates, i)));
}

/* GObject */

static void
kh_templates_page_dispose (GObject *object)
{
  KhTemplatesPage *self = KH_TEMPLATES_PAGE (object);

  g_clear_weak_pointer (&self->error_toast);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_TEMPLATES_PAGE);

  G_OBJECT_CLASS (kh_templates_page_parent_class)->dispose (object);
}

static void
kh_templates_page_class_init (KhTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_templates_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhTemplatesPage, templates_list);
}

static void
kh_templates_page_init (KhTemplatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->templates_list,
                                kh_placeholder_new (_("No templates: a new plan can start from an earlier plan or blank")));
}

/* Public API */

GtkWidget *
kh_templates_page_new (KhApplication *application)
{
  KhTemplatesPage *self;

  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);

  self = g_object_new (KH_TYPE_TEMPLATES_PAGE, NULL);
  self->application = application;

  g_signal_connect_object (application, "store-changed",
                           G_CALLBACK (on_application_store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);

  return GTK_WIDGET (self);
}
