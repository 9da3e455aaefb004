/* kh-indicators-page.c — Preferences: what reports count (chỉ tiêu)
 *
 * One expander row per indicator: its name, and an example of what a
 * report writes with it (“viết 12 tin, bài”); open it to edit the name,
 * the unit and the form, each saved when applied. Indicators are moved
 * up and down, archived (with undo) and restored; they are never deleted,
 * since targets and results count them. A new agency starts with the
 * indicators of the seeds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-indicator.h"

#include "kh-gtk-util.h"
#include "kh-indicators-page.h"
#include "kh-preferences-rows.h"

#define EXAMPLE_QUANTITY 12

typedef enum
{
  FIELD_NAME,
  FIELD_UNIT,
  FIELD_FORM,
  N_FIELDS
} Field;

struct _KhIndicatorsPage
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  GtkListBox          *indicators_list;
  AdwEntryRow         *new_indicator_row;
  AdwPreferencesGroup *archived_group;
  GtkListBox          *archived_list;

  /* Borrowed */
  KhApplication       *application;

  /* Owned */
  KhStore             *store;
  KhPageErrors         errors;
};

G_DEFINE_FINAL_TYPE (KhIndicatorsPage, kh_indicators_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (KhIndicatorsPage *self);

/* Helpers */

static void
changed (KhIndicatorsPage *self)
{
  if (self->application != NULL)
    kh_application_store_changed (self->application);
}

static char *
example_text (const KhIndicator *indicator)
{
  g_autofree char *example = kh_indicator_format_quantity (indicator, EXAMPLE_QUANTITY);

  /* Translators: what a report writes with an indicator, e.g. For example “viết 12 tin, bài” */
  return g_strdup_printf (_("For example “%s”"), example);
}

/* Editing in place */

static void
on_field_row_apply_cb (KhIndicatorsPage *self,
                       AdwEntryRow      *row)
{
  GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_EXPANDER_ROW);
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kh-field"));
  gint64 id = kh_row_get_id (expander);
  g_autoptr(KhIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *example = NULL;
  char **value;

  if (!(indicator = kh_store_get_indicator (self->store, id, &error)))
    {
      kh_page_errors_show (&self->errors, GTK_WIDGET (row), error);
      return;
    }

  value = field == FIELD_NAME ? &indicator->name : field == FIELD_UNIT ? &indicator->unit : &indicator->form;
  g_free (*value);
  *value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (!kh_store_update_indicator (self->store, id, indicator->name, indicator->unit, indicator->form, &error))
    {
      kh_page_errors_show (&self->errors, GTK_WIDGET (row), error);
      return;
    }

  kh_page_errors_clear (&self->errors, GTK_WIDGET (row));

  /* Show it as stored (trimmed), without rebuilding the open row. */
  g_clear_pointer (&indicator, kh_indicator_free);
  indicator = kh_store_get_indicator (self->store, id, NULL);
  if (indicator != NULL)
    {
      value = field == FIELD_NAME ? &indicator->name : field == FIELD_UNIT ? &indicator->unit : &indicator->form;
      if (g_strcmp0 (*value, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (row), *value);

      example = example_text (indicator);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), indicator->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), example);
    }

  changed (self);
}

static GtkWidget *
field_row_new (KhIndicatorsPage *self,
               Field             field,
               const char       *title,
               const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_object_set_data (G_OBJECT (row), "kh-field", GINT_TO_POINTER (field));

  g_signal_connect_object (row, "apply", G_CALLBACK (on_field_row_apply_cb), self, G_CONNECT_SWAPPED);
  kh_entry_row_clear_error_on_change (row);
  return row;
}

/* Moving, archiving */

static void
move (KhIndicatorsPage *self,
      GtkWidget        *button,
      int               delta)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_EXPANDER_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  gint64 id = kh_row_get_id (row);
  g_autoptr(GError) error = NULL;

  /* Active indicators come first in the store's order, so an index
   * among them is also the index among all. */
  if (!kh_store_move_indicator (self->store, id, index + delta, &error))
    {
      kh_page_errors_show (&self->errors, row, error);
      return;
    }

  reload (self);
  kh_ordered_list_focus_moved (self->indicators_list, id, delta);
  changed (self);
}

static void
on_up_clicked_cb (KhIndicatorsPage *self,
                  GtkButton        *button)
{
  move (self, GTK_WIDGET (button), -1);
}

static void
on_down_clicked_cb (KhIndicatorsPage *self,
                    GtkButton        *button)
{
  move (self, GTK_WIDGET (button), +1);
}

static gboolean
set_archived (KhIndicatorsPage *self,
              gint64            id,
              gboolean          archived)
{
  g_autoptr(GError) error = NULL;

  if (!kh_store_set_indicator_archived (self->store, id, archived, &error))
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return FALSE;
    }

  reload (self);
  changed (self);
  return TRUE;
}

static void
on_undo_archive_clicked_cb (KhIndicatorsPage *self,
                            AdwToast         *toast)
{
  (void)set_archived (self, kh_archived_toast_get_id (toast), FALSE);
}

static void
on_archive_clicked_cb (KhIndicatorsPage *self,
                       GtkButton        *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  gint64 id = kh_row_get_id (row);
  g_autofree char *name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  AdwToast *toast;

  if (!set_archived (self, id, TRUE))
    return;

  kh_ordered_list_focus_archived (self->indicators_list, index, GTK_WIDGET (self->new_indicator_row));

  toast = kh_archived_toast_new (name, id);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_archive_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  kh_page_add_toast (GTK_WIDGET (self), toast);
}

static void
on_restore_clicked_cb (KhIndicatorsPage *self,
                       GtkButton        *button)
{
  gint64 id = kh_row_get_id (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW));

  if (set_archived (self, id, FALSE))
    kh_ordered_list_focus_moved (self->indicators_list, id, -1);
}

/* Rows */

static GtkWidget *
archived_row_new (KhIndicatorsPage  *self,
                  const KhIndicator *indicator)
{
  g_autofree char *example = example_text (indicator);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = kh_restore_button_new (indicator->name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), indicator->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), example);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, G_CONNECT_SWAPPED);

  kh_row_set_id (row, indicator->id);
  return row;
}

static GtkWidget *
indicator_row_new (KhIndicatorsPage  *self,
                   const KhIndicator *indicator,
                   guint              index,
                   guint              n_active)
{
  g_autofree char *example = example_text (indicator);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *up = kh_move_button_new (TRUE, indicator->name, index > 0);
  GtkWidget *down = kh_move_button_new (FALSE, indicator->name, index + 1 < n_active);
  GtkWidget *archive = kh_archive_button_new (indicator->name,
                                              _("Offered for no new target; what counts it is kept"));
  GtkWidget *unit_row;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), indicator->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), example);

  /* Actions are prepended: added last, shown first. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), archive);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), down);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), up);
  kh_ordered_row_set_buttons (row, up, down, archive);

  unit_row = field_row_new (self, FIELD_UNIT, _("Unit, after the quantity, e.g. tin, bài"), indicator->unit);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            field_row_new (self, FIELD_NAME, _("Name, as lists and tables show it"), indicator->name));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), unit_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            field_row_new (self, FIELD_FORM, _("Form, before the quantity, e.g. viết"), indicator->form));
  g_object_set_data (G_OBJECT (row), "kh-unit-row", unit_row);

  g_signal_connect_object (up, "clicked", G_CALLBACK (on_up_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (down, "clicked", G_CALLBACK (on_down_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (archive, "clicked", G_CALLBACK (on_archive_clicked_cb), self, G_CONNECT_SWAPPED);

  kh_row_set_id (row, indicator->id);
  return row;
}

/* Loading */

/* Rebuilds both lists; rows that were open stay open. */
static void
reload (KhIndicatorsPage *self)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  guint n_active = 0;
  guint n_archived = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->indicators_list, i)); i++)
    if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
      {
        gint64 id = kh_row_get_id (GTK_WIDGET (row));
        g_hash_table_add (expanded, g_memdup2 (&id, sizeof id));
      }

  kh_list_box_remove_rows_except (self->indicators_list, GTK_WIDGET (self->new_indicator_row));
  kh_list_box_remove_all (self->archived_list);

  if (!(indicators = kh_store_list_indicators (self->store, TRUE, &error)))
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return;
    }

  for (guint i = 0; i < indicators->len; i++)
    if (!((KhIndicator *)g_ptr_array_index (indicators, i))->archived)
      n_active++;

  for (guint i = 0; i < indicators->len; i++)
    {
      const KhIndicator *indicator = g_ptr_array_index (indicators, i);
      GtkWidget *new_row;

      if (indicator->archived)
        {
          gtk_list_box_append (self->archived_list, archived_row_new (self, indicator));
          n_archived++;
          continue;
        }

      new_row = indicator_row_new (self, indicator, i, n_active);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (new_row),
                                     g_hash_table_contains (expanded, &indicator->id));
      gtk_list_box_insert (self->indicators_list, new_row, (int)i);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->archived_group), n_archived > 0);
}

static void
on_new_indicator_row_apply_cb (KhIndicatorsPage *self,
                               AdwEntryRow      *row)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *added;
  gint64 id;

  id = kh_store_add_indicator (self->store, gtk_editable_get_text (GTK_EDITABLE (row)), "", "", &error);
  if (id == 0)
    {
      kh_page_errors_show (&self->errors, GTK_WIDGET (row), error);
      return;
    }

  kh_page_errors_clear (&self->errors, GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  reload (self);
  changed (self);

  /* Open it at its unit, the next thing to fill in. */
  added = kh_list_box_find_row (self->indicators_list, id);
  if (added != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (added), TRUE);
      gtk_widget_grab_focus (g_object_get_data (G_OBJECT (added), "kh-unit-row"));
    }
}

/* GObject */

static void
kh_indicators_page_map (GtkWidget *widget)
{
  KhIndicatorsPage *self = KH_INDICATORS_PAGE (widget);

  GTK_WIDGET_CLASS (kh_indicators_page_parent_class)->map (widget);

  kh_page_errors_show_pending (&self->errors);
}

static void
kh_indicators_page_dispose (GObject *object)
{
  KhIndicatorsPage *self = KH_INDICATORS_PAGE (object);

  kh_page_errors_dispose (&self->errors);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_INDICATORS_PAGE);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_indicators_page_parent_class)->dispose (object);
}

static void
kh_indicators_page_class_init (KhIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_indicators_page_dispose;

  widget_class->map = kh_indicators_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhIndicatorsPage, indicators_list);
  gtk_widget_class_bind_template_child (widget_class, KhIndicatorsPage, new_indicator_row);
  gtk_widget_class_bind_template_child (widget_class, KhIndicatorsPage, archived_group);
  gtk_widget_class_bind_template_child (widget_class, KhIndicatorsPage, archived_list);
}

static void
kh_indicators_page_init (KhIndicatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_page_errors_init (&self->errors, GTK_WIDGET (self));

  g_signal_connect_object (self->new_indicator_row, "apply",
                           G_CALLBACK (on_new_indicator_row_apply_cb), self, G_CONNECT_SWAPPED);
  kh_entry_row_clear_error_on_change (GTK_WIDGET (self->new_indicator_row));
}

/* The page edits the application's store; with none, it stays empty. */
GtkWidget *
kh_indicators_page_new (KhApplication *application)
{
  KhIndicatorsPage *self;
  KhStore *store;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);

  self = g_object_new (KH_TYPE_INDICATORS_PAGE, NULL);
  self->application = application;

  store = kh_application_get_store (application);
  if (store == NULL)
    return GTK_WIDGET (self);

  self->store = g_object_ref (store);

  /* A new agency starts with the indicators of the seeds. */
  if (!kh_store_install_default_indicators (self->store, &error))
    kh_page_errors_show (&self->errors, NULL, error);

  reload (self);
  return GTK_WIDGET (self);
}
