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
  AdwToast            *error_toast;   /* weak */

  /* Owned */
  KhStore             *store;
  GError              *pending_error;  /* from before the page was shown */
};

G_DEFINE_FINAL_TYPE (KhIndicatorsPage, kh_indicators_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (KhIndicatorsPage *self);

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

static GtkWidget *
find_row (GtkListBox *list,
          gint64      id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    if (row_get_id (GTK_WIDGET (row)) == id)
      return GTK_WIDGET (row);

  return NULL;
}

static void
add_toast (KhIndicatorsPage *self,
           AdwToast         *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static void
show_error (KhIndicatorsPage *self,
            GtkWidget        *row,
            const GError     *error)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  if (self->error_toast != NULL)
    {
      adw_toast_set_title (self->error_toast, error->message);
      return;
    }

  g_set_weak_pointer (&self->error_toast, adw_toast_new (error->message));
  adw_toast_set_priority (self->error_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (self->error_toast, 0);
  add_toast (self, self->error_toast);
}

static void
clear_error (KhIndicatorsPage *self,
             GtkWidget        *row)
{
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");
  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);
}

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

static void
on_row_changed_clear_error_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

/* Editing in place */

static void
on_field_row_apply_cb (KhIndicatorsPage *self,
                       AdwEntryRow      *row)
{
  GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_EXPANDER_ROW);
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kh-field"));
  gint64 id = row_get_id (expander);
  g_autoptr(KhIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *example = NULL;
  char **value;

  if (!(indicator = kh_store_get_indicator (self->store, id, &error)))
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  value = field == FIELD_NAME ? &indicator->name : field == FIELD_UNIT ? &indicator->unit : &indicator->form;
  g_free (*value);
  *value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (!kh_store_update_indicator (self->store, id, indicator->name, indicator->unit, indicator->form, &error))
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  clear_error (self, GTK_WIDGET (row));

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
  g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_clear_error_cb), NULL);
  return row;
}

/* Moving, archiving */

static void
focus_button (KhIndicatorsPage *self,
              gint64            id,
              const char       *which)
{
  GtkWidget *row = find_row (self->indicators_list, id);
  GtkWidget *button;

  if (row == NULL)
    return;

  button = g_object_get_data (G_OBJECT (row), which);
  if (button == NULL || !gtk_widget_get_sensitive (button))
    button = g_object_get_data (G_OBJECT (row), g_str_equal (which, "kh-up") ? "kh-down" : "kh-up");
  if (button != NULL)
    gtk_widget_grab_focus (button);
}

static void
move (KhIndicatorsPage *self,
      GtkWidget        *button,
      int               delta)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_EXPANDER_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  gint64 id = row_get_id (row);
  g_autoptr(GError) error = NULL;

  /* Active indicators come first in the store's order, so an index
   * among them is also the index among all. */
  if (!kh_store_move_indicator (self->store, id, index + delta, &error))
    {
      show_error (self, row, error);
      return;
    }

  reload (self);
  focus_button (self, id, delta < 0 ? "kh-up" : "kh-down");
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
      show_error (self, NULL, error);
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
  gint64 *id = g_object_get_data (G_OBJECT (toast), "kh-id");

  if (id != NULL)
    (void)set_archived (self, *id, FALSE);
}

static void
on_archive_clicked_cb (KhIndicatorsPage *self,
                       GtkButton        *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  gint64 id = row_get_id (row);
  g_autofree char *name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_autofree char *title = NULL;
  GtkListBoxRow *next;
  AdwToast *toast;

  if (!set_archived (self, id, TRUE))
    return;

  /* The focus goes to the row that took its place. */
  next = gtk_list_box_get_row_at_index (self->indicators_list, index);
  if (next != NULL && g_object_get_data (G_OBJECT (next), "kh-archive") != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (next), "kh-archive"));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->new_indicator_row));

  /* Translators: %s is an indicator's name */
  title = g_strdup_printf (_("%s archived"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "kh-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_archive_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

static void
on_restore_clicked_cb (KhIndicatorsPage *self,
                       GtkButton        *button)
{
  gint64 id = row_get_id (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW));

  if (set_archived (self, id, FALSE))
    focus_button (self, id, "kh-up");
}

/* Rows */

static GtkWidget *
archived_row_new (KhIndicatorsPage  *self,
                  const KhIndicator *indicator)
{
  g_autofree char *example = example_text (indicator);
  /* Translators: %s is an indicator's name */
  g_autofree char *restore_label = g_strdup_printf (_("Restore %s"), indicator->name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), indicator->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), example);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  kh_widget_set_accessible_label (button, restore_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, G_CONNECT_SWAPPED);

  row_set_id (row, indicator->id);
  return row;
}

static GtkWidget *
indicator_row_new (KhIndicatorsPage  *self,
                   const KhIndicator *indicator,
                   guint              index,
                   guint              n_active)
{
  g_autofree char *example = example_text (indicator);
  /* Translators: %s is an indicator's name */
  g_autofree char *up_label = g_strdup_printf (_("Move %s up"), indicator->name);
  /* Translators: %s is an indicator's name */
  g_autofree char *down_label = g_strdup_printf (_("Move %s down"), indicator->name);
  /* Translators: %s is an indicator's name */
  g_autofree char *archive_label = g_strdup_printf (_("Archive %s"), indicator->name);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *up = kh_icon_button_new ("go-up-symbolic", _("Move Up"), up_label);
  GtkWidget *down = kh_icon_button_new ("go-down-symbolic", _("Move Down"), down_label);
  GtkWidget *archive = gtk_button_new_with_label (_("Archive"));
  GtkWidget *unit_row;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), indicator->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), example);

  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < n_active);
  gtk_widget_set_valign (archive, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (archive, "flat");
  gtk_widget_set_tooltip_text (archive, _("Offered for no new target; what counts it is kept"));
  kh_widget_set_accessible_label (archive, archive_label);
  /* Actions are prepended: added last, shown first. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), archive);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), down);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), up);
  g_object_set_data (G_OBJECT (row), "kh-up", up);
  g_object_set_data (G_OBJECT (row), "kh-down", down);
  g_object_set_data (G_OBJECT (row), "kh-archive", archive);

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

  row_set_id (row, indicator->id);
  return row;
}

/* Loading */

static void
remove_rows_except (GtkListBox *list,
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
        gint64 id = row_get_id (GTK_WIDGET (row));
        g_hash_table_add (expanded, g_memdup2 (&id, sizeof id));
      }

  remove_rows_except (self->indicators_list, GTK_WIDGET (self->new_indicator_row));
  kh_list_box_remove_all (self->archived_list);

  if (!(indicators = kh_store_list_indicators (self->store, TRUE, &error)))
    {
      show_error (self, NULL, error);
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
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  clear_error (self, GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  reload (self);
  changed (self);

  /* Open it at its unit, the next thing to fill in. */
  added = find_row (self->indicators_list, id);
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

  if (self->pending_error != NULL)
    {
      show_error (self, NULL, self->pending_error);
      g_clear_error (&self->pending_error);
    }
}

static void
kh_indicators_page_dispose (GObject *object)
{
  KhIndicatorsPage *self = KH_INDICATORS_PAGE (object);

  g_clear_weak_pointer (&self->error_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_INDICATORS_PAGE);

  g_clear_object (&self->store);
  g_clear_error (&self->pending_error);

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

  g_signal_connect_object (self->new_indicator_row, "apply",
                           G_CALLBACK (on_new_indicator_row_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->new_indicator_row, "changed", G_CALLBACK (on_row_changed_clear_error_cb), NULL);
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
    self->pending_error = g_steal_pointer (&error);

  reload (self);
  return GTK_WIDGET (self);
}
