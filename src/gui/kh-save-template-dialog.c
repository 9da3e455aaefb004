/* kh-save-template-dialog.c — saves a plan as a template of the agency's own
 *
 * Asks the template's name (the plan's title, its year turned into
 * “{year}”, marked as a template) and has core make the template. A name
 * core refuses (empty, too long, another template's) is explained under
 * the field and the dialog stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-save-template-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-plan.h"
#include "kh-plan-copy.h"
#include "kh-template.h"

#include "kh-save-template-dialog.h"
#include "kh-window.h"

struct _KhSaveTemplateDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *save_button;
  AdwEntryRow   *name_row;
  GtkLabel      *error_label;

  /* Borrowed */
  KhApplication *application;
  GtkWindow     *parent;        /* weak */

  /* Owned */
  KhStore       *store;

  gint64         plan_id;
};

G_DEFINE_FINAL_TYPE (KhSaveTemplateDialog, kh_save_template_dialog, ADW_TYPE_WINDOW)

static void
show_error (KhSaveTemplateDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

/* “Kế hoạch tuyên truyền cải cách hành chính năm {year} (mẫu)” */
static char *
default_name (const KhPlan *plan)
{
  g_autofree char *title = g_strdup (plan->title ? plan->title : "");
  g_autofree char *general = NULL;

  g_strdelimit (title, "\n", ' ');
  general = kh_text_replace_year (title, plan->year, "{year}");
  /* Translators: the name offered for a template made from a plan: the
   * plan's title, then a word telling it is a template (mẫu) */
  return g_strdup_printf (_("%s (template)"), general);
}

static void
on_name_row_changed_cb (KhSaveTemplateDialog *self,
                        GtkEditable          *editable)
{
  show_error (self, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhSaveTemplateDialog *self = KH_SAVE_TEMPLATE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = kh_store_save_plan_as_template (self->store, self->plan_id,
                                       gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                       &error);
  if (id == 0)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  kh_application_store_changed (self->application);
  if (self->parent != NULL && KH_IS_WINDOW (self->parent))
    kh_window_add_toast (KH_WINDOW (self->parent),
                         adw_toast_new (_("Saved as a template: new plans can start from it")));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
kh_save_template_dialog_dispose (GObject *object)
{
  KhSaveTemplateDialog *self = KH_SAVE_TEMPLATE_DIALOG (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_SAVE_TEMPLATE_DIALOG);

  G_OBJECT_CLASS (kh_save_template_dialog_parent_class)->dispose (object);
}

static void
kh_save_template_dialog_class_init (KhSaveTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_save_template_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-save-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KhSaveTemplateDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KhSaveTemplateDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KhSaveTemplateDialog, error_label);

  gtk_widget_class_install_action (widget_class, "save-template.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_save_template_dialog_init (KhSaveTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  g_signal_connect_object (self->name_row, "changed",
                           G_CALLBACK (on_name_row_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * kh_save_template_dialog_present:
 * @parent: the window the dialog belongs to (the main window: it shows
 *   the toast that says the template was saved)
 * @application: the application, whose store holds the plan
 * @plan_id: the plan to save as a template
 *
 * Asks the template's name and saves the plan as a template; the
 * Preferences' templates page and the New Plan dialog offer it at once.
 */
void
kh_save_template_dialog_present (GtkWindow     *parent,
                                 KhApplication *application,
                                 gint64         plan_id)
{
  KhSaveTemplateDialog *self;
  KhStore *store;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (KH_IS_APPLICATION (application));

  store = kh_application_get_store (application);
  g_return_if_fail (KH_IS_STORE (store));

  self = g_object_new (KH_TYPE_SAVE_TEMPLATE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->application = application;
  self->store = g_object_ref (store);
  self->plan_id = plan_id;
  g_set_weak_pointer (&self->parent, parent);

  plan = kh_store_load_plan (store, plan_id, &error);
  if (plan != NULL)
    {
      g_autofree char *name = default_name (plan);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
    }
  else
    {
      show_error (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "save-template.save", FALSE);
    }

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
