/* kh-departments-page.c — Preferences: the agency's departments
 *
 * One entry row per department, in the order plans and reports list
 * them: edit the name and apply to rename it. Departments are moved up
 * and down, archived (with undo) and restored; they are never deleted,
 * since tasks and results name them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-departments-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-department.h"

#include "kh-departments-page.h"
#include "kh-gtk-util.h"
#include "kh-preferences-rows.h"

struct _KhDepartmentsPage
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  GtkListBox          *departments_list;
  AdwEntryRow         *new_department_row;
  AdwPreferencesGroup *archived_group;
  GtkListBox          *archived_list;

  /* Borrowed */
  KhApplication       *application;

  /* Owned */
  KhStore             *store;
  KhPageErrors         errors;
};

G_DEFINE_FINAL_TYPE (KhDepartmentsPage, kh_departments_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (KhDepartmentsPage *self);

static void
changed (KhDepartmentsPage *self)
{
  kh_application_store_changed (self->application);
}

/* Renaming, adding */

static void
on_department_row_apply_cb (KhDepartmentsPage *self,
                            AdwEntryRow       *row)
{
  gint64 id = kh_row_get_id (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDepartment) department = NULL;

  if (!kh_store_rename_department (self->store, id,
                                   gtk_editable_get_text (GTK_EDITABLE (row)),
                                   &error))
    {
      kh_page_errors_show (&self->errors, GTK_WIDGET (row), error);
      return;
    }

  kh_page_errors_clear (&self->errors, GTK_WIDGET (row));

  /* Show the name as stored (trimmed, normalised). */
  department = kh_store_get_department (self->store, id, NULL);
  if (department != NULL &&
      g_strcmp0 (kh_department_get_name (department), gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), kh_department_get_name (department));

  changed (self);
}

static void
on_new_department_row_apply_cb (KhDepartmentsPage *self,
                                AdwEntryRow       *row)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = kh_store_add_department (self->store, gtk_editable_get_text (GTK_EDITABLE (row)), NULL, &error);
  if (id == 0)
    {
      kh_page_errors_show (&self->errors, GTK_WIDGET (row), error);
      return;
    }

  kh_page_errors_clear (&self->errors, GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  reload (self);
  changed (self);
}

/* Moving, archiving */

static void
move (KhDepartmentsPage *self,
      GtkWidget         *button,
      int                delta)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  gint64 id = kh_row_get_id (row);
  g_autoptr(GError) error = NULL;

  /* Active departments come first in the store's order, so an index
   * among them is also the index among all. */
  if (!kh_store_move_department (self->store, id, index + delta, &error))
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return;
    }

  reload (self);
  kh_ordered_list_focus_moved (self->departments_list, id, delta);
  changed (self);
}

static void
on_up_clicked_cb (KhDepartmentsPage *self,
                  GtkButton         *button)
{
  move (self, GTK_WIDGET (button), -1);
}

static void
on_down_clicked_cb (KhDepartmentsPage *self,
                    GtkButton         *button)
{
  move (self, GTK_WIDGET (button), +1);
}

static gboolean
set_archived (KhDepartmentsPage *self,
              gint64             id,
              gboolean           archived)
{
  g_autoptr(GError) error = NULL;

  if (!kh_store_set_department_archived (self->store, id, archived, &error))
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return FALSE;
    }

  reload (self);
  changed (self);
  return TRUE;
}

static void
on_undo_archive_clicked_cb (KhDepartmentsPage *self,
                            AdwToast          *toast)
{
  (void)set_archived (self, kh_archived_toast_get_id (toast), FALSE);
}

static void
on_archive_clicked_cb (KhDepartmentsPage *self,
                       GtkButton         *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  gint64 id = kh_row_get_id (row);
  g_autoptr(KhDepartment) department = kh_store_get_department (self->store, id, NULL);
  AdwToast *toast;

  if (department == NULL || !set_archived (self, id, TRUE))
    return;

  kh_ordered_list_focus_archived (self->departments_list, index, GTK_WIDGET (self->new_department_row));

  toast = kh_archived_toast_new (kh_department_get_name (department), id);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_archive_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  kh_page_add_toast (GTK_WIDGET (self), toast);
}

static void
on_restore_clicked_cb (KhDepartmentsPage *self,
                       GtkButton         *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  (void)set_archived (self, kh_row_get_id (row), FALSE);
}

/* Rows */

static GtkWidget *
archived_row_new (KhDepartmentsPage *self,
                  KhDepartment      *department)
{
  const char *name = kh_department_get_name (department);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = kh_restore_button_new (name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, G_CONNECT_SWAPPED);

  kh_row_set_id (row, kh_department_get_id (department));
  return row;
}

static GtkWidget *
department_row_new (KhDepartmentsPage *self,
                    KhDepartment      *department,
                    guint              index,
                    guint              n_active)
{
  const char *name = kh_department_get_name (department);
  g_autofree char *title = g_strdup_printf (_("Department %u"), index + 1);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up = kh_move_button_new (TRUE, name, index > 0);
  GtkWidget *down = kh_move_button_new (FALSE, name, index + 1 < n_active);
  GtkWidget *archive = kh_archive_button_new (name, _("Gets no new tasks; its tasks and results are kept"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), name);

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), archive);
  kh_ordered_row_set_buttons (row, up, down, archive);

  g_signal_connect_object (row, "apply", G_CALLBACK (on_department_row_apply_cb), self, G_CONNECT_SWAPPED);
  kh_entry_row_clear_error_on_change (row);
  g_signal_connect_object (up, "clicked", G_CALLBACK (on_up_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (down, "clicked", G_CALLBACK (on_down_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (archive, "clicked", G_CALLBACK (on_archive_clicked_cb), self, G_CONNECT_SWAPPED);

  kh_row_set_id (row, kh_department_get_id (department));
  return row;
}

/* Rebuilds both lists. */
static void
reload (KhDepartmentsPage *self)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GError) error = NULL;
  guint n_active = 0;
  guint n_archived = 0;

  kh_list_box_remove_rows_except (self->departments_list, GTK_WIDGET (self->new_department_row));
  kh_list_box_remove_all (self->archived_list);

  if (!(departments = kh_store_list_departments (self->store, TRUE, &error)))
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return;
    }

  for (guint i = 0; i < departments->len; i++)
    if (!kh_department_get_archived (g_ptr_array_index (departments, i)))
      n_active++;

  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (departments, i);

      if (kh_department_get_archived (department))
        {
          gtk_list_box_append (self->archived_list, archived_row_new (self, department));
          n_archived++;
        }
      else
        gtk_list_box_insert (self->departments_list,
                             department_row_new (self, department, i, n_active), (int)i);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->archived_group), n_archived > 0);
}

/* GObject */

static void
kh_departments_page_map (GtkWidget *widget)
{
  KhDepartmentsPage *self = KH_DEPARTMENTS_PAGE (widget);

  GTK_WIDGET_CLASS (kh_departments_page_parent_class)->map (widget);

  kh_page_errors_show_pending (&self->errors);
}

static void
kh_departments_page_dispose (GObject *object)
{
  KhDepartmentsPage *self = KH_DEPARTMENTS_PAGE (object);

  kh_page_errors_dispose (&self->errors);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_DEPARTMENTS_PAGE);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_departments_page_parent_class)->dispose (object);
}

static void
kh_departments_page_class_init (KhDepartmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_departments_page_dispose;

  widget_class->map = kh_departments_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-departments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhDepartmentsPage, departments_list);
  gtk_widget_class_bind_template_child (widget_class, KhDepartmentsPage, new_department_row);
  gtk_widget_class_bind_template_child (widget_class, KhDepartmentsPage, archived_group);
  gtk_widget_class_bind_template_child (widget_class, KhDepartmentsPage, archived_list);
}

static void
kh_departments_page_init (KhDepartmentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_page_errors_init (&self->errors, GTK_WIDGET (self));

  g_signal_connect_object (self->new_department_row, "apply",
                           G_CALLBACK (on_new_department_row_apply_cb), self, G_CONNECT_SWAPPED);
  kh_entry_row_clear_error_on_change (GTK_WIDGET (self->new_department_row));
}

GtkWidget *
kh_departments_page_new (KhApplication *application)
{
  KhDepartmentsPage *self;

  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (kh_application_get_store (application) != NULL, NULL);

  self = g_object_new (KH_TYPE_DEPARTMENTS_PAGE, NULL);
  self->application = application;
  self->store = g_object_ref (kh_application_get_store (application));

  reload (self);
  return GTK_WIDGET (self);
}
