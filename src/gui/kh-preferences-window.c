/* kh-preferences-window.c — what is set up once: the agency and its departments
 *
 * Every change is written to the store at once: the agency's fields half a
 * second after typing stops (and when a field loses focus or the window
 * closes), lists when a row is applied, moved, added or archived. A change
 * the store refuses marks its row with the error style and says why in a
 * toast; nothing is dropped silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-text.h"

#include "kh-gtk-util.h"
#include "kh-indicators-page.h"
#include "kh-preferences-window.h"
#include "kh-templates-page.h"
#include "kh-window.h"

#define SAVE_DELAY_MS 500

struct _KhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *parent_name_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *short_name_row;
  AdwEntryRow          *locality_row;
  AdwEntryRow          *collective_name_row;
  AdwEntryRow          *abbreviation_row;
  AdwEntryRow          *place_row;
  GtkListBox           *signers_list;
  AdwPreferencesGroup  *archived_signers_group;
  GtkListBox           *archived_signers_list;
  GtkListBox           *recipients_list;
  AdwEntryRow          *new_recipient_row;
  GtkListBox           *departments_list;
  AdwEntryRow          *new_department_row;
  AdwPreferencesGroup  *archived_departments_group;
  GtkListBox           *archived_departments_list;

  /* Borrowed */
  KhApplication        *application;
  AdwToast             *error_toast;   /* weak */

  /* Owned */
  KhStore              *store;
  KhAgency             *agency;        /* as last saved */
  GStrv                 recipients;    /* as last saved */
  guint                 save_agency_source;

  guint                 loading : 1;
  guint                 agency_dirty : 1;
};

G_DEFINE_FINAL_TYPE (KhPreferencesWindow, kh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Which entry row edits which field of the agency. */
static const struct {
  glong row_offset;
  glong field_offset;
} agency_fields[] = {
  { G_STRUCT_OFFSET (KhPreferencesWindow, parent_name_row), G_STRUCT_OFFSET (KhAgency, parent_name) },
  { G_STRUCT_OFFSET (KhPreferencesWindow, name_row), G_STRUCT_OFFSET (KhAgency, name) },
  { G_STRUCT_OFFSET (KhPreferencesWindow, short_name_row), G_STRUCT_OFFSET (KhAgency, short_name) },
  { G_STRUCT_OFFSET (KhPreferencesWindow, locality_row), G_STRUCT_OFFSET (KhAgency, locality) },
  { G_STRUCT_OFFSET (KhPreferencesWindow, collective_name_row), G_STRUCT_OFFSET (KhAgency, collective_name) },
  { G_STRUCT_OFFSET (KhPreferencesWindow, abbreviation_row), G_STRUCT_OFFSET (KhAgency, abbreviation) },
  { G_STRUCT_OFFSET (KhPreferencesWindow, place_row), G_STRUCT_OFFSET (KhAgency, place) },
};

#define AGENCY_ROW(self, i) G_STRUCT_MEMBER (AdwEntryRow *, self, agency_fields[i].row_offset)
#define AGENCY_FIELD(agency, i) G_STRUCT_MEMBER (char *, agency, agency_fields[i].field_offset)

static void reload_signers     (KhPreferencesWindow *self);
static void reload_recipients  (KhPreferencesWindow *self);
static void reload_departments (KhPreferencesWindow *self);

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
  gint64 *id = g_object_get_data (G_OBJECT (row), "kh-id");

  return id ? *id : 0;
}

static GtkWidget *
find_row_by_id (GtkListBox *list,
                gint64      id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    {
      if (row_get_id (GTK_WIDGET (row)) == id)
        return GTK_WIDGET (row);
    }

  return NULL;
}

/* Removes every row but the entry row that adds one. */
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

static void
show_error (KhPreferencesWindow *self,
            GtkWidget           *row,
            const GError        *error)
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
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), self->error_toast);
}

static void
clear_error (KhPreferencesWindow *self,
             GtkWidget           *row)
{
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");

  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);
}

static void
changed (KhPreferencesWindow *self)
{
  kh_application_store_changed (self->application);
}

static GtkWidget *
move_button_new (gboolean    up,
                 const char *item,
                 gboolean    sensitive)
{
  g_autofree char *accessible = NULL;
  GtkWidget *button;

  if (up)
    {
      /* Translators: %s is a department or a recipient */
      accessible = g_strdup_printf (_("Move %s up"), item);
      button = kh_icon_button_new ("go-up-symbolic", _("Move Up"), accessible);
    }
  else
    {
      /* Translators: %s is a department or a recipient */
      accessible = g_strdup_printf (_("Move %s down"), item);
      button = kh_icon_button_new ("go-down-symbolic", _("Move Down"), accessible);
    }

  gtk_widget_set_sensitive (button, sensitive);
  return button;
}

/* The agency */

static void
load_agency (KhPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  KhAgency *agency = kh_store_load_agency (self->store, &error);

  if (agency == NULL)
    {
      show_error (self, NULL, error);
      agency = kh_agency_new ();
    }

  g_clear_pointer (&self->agency, kh_agency_free);
  self->agency = agency;

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (agency_fields); i++)
    {
      const char *text = AGENCY_FIELD (agency, i);

      gtk_editable_set_text (GTK_EDITABLE (AGENCY_ROW (self, i)), text ? text : "");
    }
  self->loading = FALSE;
  self->agency_dirty = FALSE;
}

static gboolean
save_agency (KhPreferencesWindow  *self,
             GError              **error)
{
  g_autoptr(KhAgency) agency = NULL;

  g_clear_handle_id (&self->save_agency_source, g_source_remove);

  if (!self->agency_dirty)
    return TRUE;

  agency = kh_agency_copy (self->agency);
  for (guint i = 0; i < G_N_ELEMENTS (agency_fields); i++)
    {
      g_free (AGENCY_FIELD (agency, i));
      AGENCY_FIELD (agency, i) = g_strdup (gtk_editable_get_text (GTK_EDITABLE (AGENCY_ROW (self, i))));
    }

  if (!kh_store_save_agency (self->store, agency, error))
    return FALSE;

  g_clear_pointer (&self->agency, kh_agency_free);
  self->agency = g_steal_pointer (&agency);
  self->agency_dirty = FALSE;
  changed (self);

  return TRUE;
}

static void
save_agency_now (KhPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (save_agency (self, &error))
    {
      clear_error (self, GTK_WIDGET (self->name_row));
      return;
    }

  /* The only field the store insists on is the name. */
  show_error (self,
              kh_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_row)))
                ? GTK_WIDGET (self->name_row) : NULL,
              error);
}

static gboolean
save_agency_timeout_cb (gpointer user_data)
{
  KhPreferencesWindow *self = user_data;

  self->save_agency_source = 0;
  save_agency_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_agency_row_changed_cb (KhPreferencesWindow *self,
                          GtkEditable         *row)
{
  if (self->loading)
    return;

  self->agency_dirty = TRUE;
  g_clear_handle_id (&self->save_agency_source, g_source_remove);
  self->save_agency_source = g_timeout_add (SAVE_DELAY_MS, save_agency_timeout_cb, self);
}

static void
on_agency_row_entry_activated_cb (KhPreferencesWindow *self,
                                  AdwEntryRow         *row)
{
  save_agency_now (self);
}

static void
on_agency_row_focus_leave_cb (KhPreferencesWindow     *self,
                              GtkEventControllerFocus *controller)
{
  if (self->agency_dirty)
    save_agency_now (self);
}

/* Signers */

static GtkWidget *
signer_row_new (KhPreferencesWindow *self,
                const KhSigner      *signer)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), signer->name);
  g_autofree char *archive_label = g_strdup_printf (_("Archive %s"), signer->name);
  g_autofree char *restore_label = g_strdup_printf (_("Restore %s"), signer->name);
  GVariant *target = g_variant_new_int64 (signer->id);
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signer->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), signer->title);
  row_set_id (row, signer->id);

  if (signer->archived)
    {
      button = gtk_button_new_with_mnemonic (_("_Restore"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      kh_widget_set_accessible_label (button, restore_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "signer.restore");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      return row;
    }

  button = kh_icon_button_new ("document-edit-symbolic", _("Edit"), edit_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "signer.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  button = gtk_button_new_with_label (_("Archive"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("No longer signs; kept for the documents already signed"));
  kh_widget_set_accessible_label (button, archive_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "signer.archive");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
reload_signers (KhPreferencesWindow *self)
{
  g_autoptr(GPtrArray) signers = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_archived = FALSE;

  kh_list_box_remove_all (self->signers_list);
  kh_list_box_remove_all (self->archived_signers_list);

  if (!(signers = kh_store_list_signers (self->store, TRUE, &error)))
    {
      show_error (self, NULL, error);
      return;
    }

  for (guint i = 0; i < signers->len; i++)
    {
      const KhSigner *signer = g_ptr_array_index (signers, i);

      gtk_list_box_append (signer->archived ? self->archived_signers_list : self->signers_list,
                           signer_row_new (self, signer));
      any_archived |= signer->archived;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->archived_signers_group), any_archived);
}

static void
update_signer_dialog (AdwMessageDialog *dialog)
{
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "kh-name-row");
  GtkEditable *title_row = g_object_get_data (G_OBJECT (dialog), "kh-title-row");

  adw_message_dialog_set_response_enabled (dialog, "save",
                                           !kh_text_is_blank (gtk_editable_get_text (name_row)) &&
                                           !kh_text_is_blank (gtk_editable_get_text (title_row)));
}

static void
on_signer_dialog_row_changed_cb (AdwMessageDialog *dialog,
                                 GtkEditable      *row)
{
  update_signer_dialog (dialog);
}

static void
on_signer_dialog_response_cb (AdwMessageDialog    *dialog,
                              const char          *response,
                              KhPreferencesWindow *self)
{
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "kh-name-row");
  GtkEditable *title_row = g_object_get_data (G_OBJECT (dialog), "kh-title-row");
  gint64 id = row_get_id (GTK_WIDGET (dialog));
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (!g_str_equal (response, "save"))
    return;

  if (id != 0)
    saved = kh_store_update_signer (self->store, id,
                                    gtk_editable_get_text (name_row),
                                    gtk_editable_get_text (title_row),
                                    &error);
  else
    saved = kh_store_add_signer (self->store,
                                 gtk_editable_get_text (name_row),
                                 gtk_editable_get_text (title_row),
                                 &error) != 0;

  if (!saved)
    {
      show_error (self, NULL, error);
      return;
    }

  clear_error (self, NULL);
  reload_signers (self);
  changed (self);
}

static void
show_signer_dialog (KhPreferencesWindow *self,
                    const KhSigner      *signer)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *name_row;
  GtkWidget *title_row;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       signer ? _("Edit Signer") : _("Add a Signer"),
                                                       NULL));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Full name"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name_row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);

  title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("Title, e.g. Chủ tịch"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (title_row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), title_row);

  if (signer != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (name_row), signer->name);
      gtk_editable_set_text (GTK_EDITABLE (title_row), signer->title);
      row_set_id (GTK_WIDGET (dialog), signer->id);
    }

  g_object_set_data (G_OBJECT (dialog), "kh-name-row", name_row);
  g_object_set_data (G_OBJECT (dialog), "kh-title-row", title_row);

  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", signer ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_object (name_row, "changed", G_CALLBACK (on_signer_dialog_row_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (title_row, "changed", G_CALLBACK (on_signer_dialog_row_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_signer_dialog_response_cb),
                           self, 0);
  update_signer_dialog (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);
}

static void
signer_add_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_signer_dialog (KH_PREFERENCES_WINDOW (widget), NULL);
}

static void
signer_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhSigner) signer = kh_store_get_signer (self->store, g_variant_get_int64 (parameter), &error);

  if (signer == NULL)
    {
      show_error (self, NULL, error);
      reload_signers (self);
      return;
    }

  show_signer_dialog (self, signer);
}

static gboolean
set_signer_archived (KhPreferencesWindow *self,
                     gint64               id,
                     gboolean             archived)
{
  g_autoptr(GError) error = NULL;

  if (!kh_store_set_signer_archived (self->store, id, archived, &error))
    {
      show_error (self, NULL, error);
      return FALSE;
    }

  reload_signers (self);
  changed (self);
  return TRUE;
}

static void
signer_archive_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(KhSigner) signer = kh_store_get_signer (self->store, id, NULL);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (signer == NULL || !set_signer_archived (self, id, TRUE))
    return;

  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("%s archived"), signer->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "signer.restore");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
signer_restore_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  (void)set_signer_archived (KH_PREFERENCES_WINDOW (widget), g_variant_get_int64 (parameter), FALSE);
}

/* Default recipients */

static gboolean
save_recipients (KhPreferencesWindow *self,
                 GStrv                recipients,
                 GtkWidget           *row)
{
  g_autoptr(GError) error = NULL;

  if (!kh_store_set_default_recipients (self->store, (const char * const *)recipients, &error))
    {
      g_strfreev (recipients);
      show_error (self, row, error);
      return FALSE;
    }

  g_strfreev (self->recipients);
  self->recipients = recipients;
  clear_error (self, row);
  reload_recipients (self);
  changed (self);
  return TRUE;
}

static void
move_recipient (KhPreferencesWindow *self,
                GtkWidget           *button,
                int                  delta)
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
on_recipient_up_clicked_cb (KhPreferencesWindow *self,
                            GtkButton           *button)
{
  move_recipient (self, GTK_WIDGET (button), -1);
}

static void
on_recipient_down_clicked_cb (KhPreferencesWindow *self,
                              GtkButton           *button)
{
  move_recipient (self, GTK_WIDGET (button), +1);
}

static void
on_recipient_remove_clicked_cb (KhPreferencesWindow *self,
                                GtkButton           *button)
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
on_recipient_row_apply_cb (KhPreferencesWindow *self,
                           AdwEntryRow         *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GStrv recipients;

  if (kh_text_is_blank (text))
    {
      g_autoptr(GError) error = g_error_new_literal (KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                                                     _("A recipient cannot be empty. To take one off the list, use its Remove button."));
      show_error (self, GTK_WIDGET (row), error);
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
on_new_recipient_row_apply_cb (KhPreferencesWindow *self,
                               AdwEntryRow         *row)
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

static void
on_row_changed_clear_error_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

static GtkWidget *
recipient_row_new (KhPreferencesWindow *self,
                   guint                index,
                   guint                n_recipients)
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

  up = move_button_new (TRUE, text, index > 0);
  down = move_button_new (FALSE, text, index + 1 < n_recipients);
  remove = kh_icon_button_new ("list-remove-symbolic", _("Remove"), remove_label);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "kh-up", up);
  g_object_set_data (G_OBJECT (row), "kh-down", down);

  g_signal_connect_object (row, "apply", G_CALLBACK (on_recipient_row_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_clear_error_cb), NULL);
  g_signal_connect_object (up, "clicked", G_CALLBACK (on_recipient_up_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (down, "clicked", G_CALLBACK (on_recipient_down_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_recipient_remove_clicked_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static void
reload_recipients (KhPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  remove_rows_except (self->recipients_list, GTK_WIDGET (self->new_recipient_row));

  if (self->recipients == NULL)
    {
      self->recipients = kh_store_list_default_recipients (self->store, &error);
      if (self->recipients == NULL)
        {
          show_error (self, NULL, error);
          self->recipients = g_new0 (char *, 1);
        }
    }

  n = g_strv_length (self->recipients);
  for (guint i = 0; i < n; i++)
    gtk_list_box_insert (self->recipients_list, recipient_row_new (self, i, n), (int)i);
}

/* Departments */

static void
focus_department_button (KhPreferencesWindow *self,
                         gint64               id,
                         const char          *which)
{
  GtkWidget *row = find_row_by_id (self->departments_list, id);
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
move_department (KhPreferencesWindow *self,
                 GtkWidget           *button,
                 int                  delta)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  gint64 id = row_get_id (row);
  g_autoptr(GError) error = NULL;

  /* Active departments come first in the store's order, so an index
   * among them is also the index among all. */
  if (!kh_store_move_department (self->store, id, index + delta, &error))
    {
      show_error (self, NULL, error);
      return;
    }

  reload_departments (self);
  focus_department_button (self, id, delta < 0 ? "kh-up" : "kh-down");
  changed (self);
}

static void
on_department_up_clicked_cb (KhPreferencesWindow *self,
                             GtkButton           *button)
{
  move_department (self, GTK_WIDGET (button), -1);
}

static void
on_department_down_clicked_cb (KhPreferencesWindow *self,
                               GtkButton           *button)
{
  move_department (self, GTK_WIDGET (button), +1);
}

static void
on_department_row_apply_cb (KhPreferencesWindow *self,
                            AdwEntryRow         *row)
{
  gint64 id = row_get_id (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDepartment) department = NULL;

  if (!kh_store_rename_department (self->store, id,
                                   gtk_editable_get_text (GTK_EDITABLE (row)),
                                   &error))
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  clear_error (self, GTK_WIDGET (row));

  /* Show the name as stored (trimmed, normalised). */
  department = kh_store_get_department (self->store, id, NULL);
  if (department != NULL &&
      g_strcmp0 (kh_department_get_name (department), gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), kh_department_get_name (department));

  changed (self);
}

static void
on_new_department_row_apply_cb (KhPreferencesWindow *self,
                                AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = kh_store_add_department (self->store, gtk_editable_get_text (GTK_EDITABLE (row)), NULL, &error);
  if (id == 0)
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  clear_error (self, GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  reload_departments (self);
  changed (self);
}

static GtkWidget *
department_row_new (KhPreferencesWindow *self,
                    KhDepartment        *department,
                    guint                index,
                    guint                n_active)
{
  const char *name = kh_department_get_name (department);
  gint64 id = kh_department_get_id (department);
  GVariant *target = g_variant_new_int64 (id);
  GtkWidget *row;
  GtkWidget *button;

  if (kh_department_get_archived (department))
    {
      g_autofree char *restore_label = g_strdup_printf (_("Restore %s"), name);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      button = gtk_button_new_with_mnemonic (_("_Restore"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      kh_widget_set_accessible_label (button, restore_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "department.restore");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Department %u"), index + 1);
      g_autofree char *archive_label = g_strdup_printf (_("Archive %s"), name);
      GtkWidget *up;
      GtkWidget *down;

      row = adw_entry_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), name);

      up = move_button_new (TRUE, name, index > 0);
      down = move_button_new (FALSE, name, index + 1 < n_active);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
      g_object_set_data (G_OBJECT (row), "kh-up", up);
      g_object_set_data (G_OBJECT (row), "kh-down", down);

      button = gtk_button_new_with_label (_("Archive"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Gets no new tasks; its tasks and results are kept"));
      kh_widget_set_accessible_label (button, archive_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "department.archive");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      g_object_set_data (G_OBJECT (row), "kh-archive", button);

      g_signal_connect_object (row, "apply", G_CALLBACK (on_department_row_apply_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_clear_error_cb), NULL);
      g_signal_connect_object (up, "clicked", G_CALLBACK (on_department_up_clicked_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (down, "clicked", G_CALLBACK (on_department_down_clicked_cb), self, G_CONNECT_SWAPPED);
    }

  row_set_id (row, id);
  return row;
}

static void
reload_departments (KhPreferencesWindow *self)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GError) error = NULL;
  guint n_active = 0;
  guint n_archived = 0;

  remove_rows_except (self->departments_list, GTK_WIDGET (self->new_department_row));
  kh_list_box_remove_all (self->archived_departments_list);

  if (!(departments = kh_store_list_departments (self->store, TRUE, &error)))
    {
      show_error (self, NULL, error);
      return;
    }

  for (guint i = 0; i < departments->len; i++)
    {
      if (!kh_department_get_archived (g_ptr_array_index (departments, i)))
        n_active++;
    }

  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (departments, i);

      if (kh_department_get_archived (department))
        gtk_list_box_append (self->archived_departments_list,
                             department_row_new (self, department, n_archived++, n_active));
      else
        gtk_list_box_insert (self->departments_list,
                             department_row_new (self, department, i, n_active), (int)i);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->archived_departments_group), n_archived > 0);
}

static gboolean
set_department_archived (KhPreferencesWindow *self,
                         gint64               id,
                         gboolean             archived)
{
  g_autoptr(GError) error = NULL;

  if (!kh_store_set_department_archived (self->store, id, archived, &error))
    {
      show_error (self, NULL, error);
      return FALSE;
    }

  reload_departments (self);
  changed (self);
  return TRUE;
}

static void
department_archive_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(KhDepartment) department = kh_store_get_department (self->store, id, NULL);
  g_autofree char *title = NULL;
  AdwToast *toast;
  GtkWidget *row = find_row_by_id (self->departments_list, id);
  int index = row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : 0;
  GtkListBoxRow *next;

  if (department == NULL || !set_department_archived (self, id, TRUE))
    return;

  /* The focus goes to the row that took its place. */
  next = gtk_list_box_get_row_at_index (self->departments_list, index);
  if (next != NULL && g_object_get_data (G_OBJECT (next), "kh-archive") != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (next), "kh-archive"));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->new_department_row));

  /* Translators: %s is a department's name */
  title = g_strdup_printf (_("%s archived"), kh_department_get_name (department));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "department.restore");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
department_restore_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  (void)set_department_archived (KH_PREFERENCES_WINDOW (widget), g_variant_get_int64 (parameter), FALSE);
}

/* GObject */

static gboolean
kh_preferences_window_close_request (GtkWindow *window)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (!save_agency (self, &error))
    {
      /* The window goes away: say it where it will be seen. */
      GtkWindow *parent = gtk_window_get_transient_for (window);
      g_autofree char *message = g_strdup_printf (_("The agency was not saved: %s"), error->message);

      if (KH_IS_WINDOW (parent))
        kh_window_add_toast (KH_WINDOW (parent), adw_toast_new (message));
    }

  return GTK_WINDOW_CLASS (kh_preferences_window_parent_class)->close_request (window);
}

/* "application" is not a construct property: the window loads the store
 * once it has been given its application. */
static void
on_notify_application_cb (KhPreferencesWindow *self,
                          GParamSpec          *pspec,
                          gpointer             user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->application != NULL || !KH_IS_APPLICATION (application))
    return;

  self->application = KH_APPLICATION (application);
  self->store = g_object_ref (kh_application_get_store (self->application));

  load_agency (self);
  reload_signers (self);
  reload_recipients (self);
  reload_departments (self);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (kh_indicators_page_new (self->application)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (kh_templates_page_new (self->application)));
}

static void
kh_preferences_window_dispose (GObject *object)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);

  /* Destroyed without closing (the application quits): save what is left. */
  if (self->store != NULL)
    save_agency (self, NULL);

  g_clear_handle_id (&self->save_agency_source, g_source_remove);
  g_clear_weak_pointer (&self->error_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->store);
  g_clear_pointer (&self->agency, kh_agency_free);
  g_clear_pointer (&self->recipients, g_strfreev);

  G_OBJECT_CLASS (kh_preferences_window_parent_class)->dispose (object);
}

static void
kh_preferences_window_class_init (KhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kh_preferences_window_dispose;

  window_class->close_request = kh_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, parent_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, locality_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, collective_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, abbreviation_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, signers_list);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, archived_signers_group);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, archived_signers_list);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, recipients_list);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, new_recipient_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, departments_list);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, new_department_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, archived_departments_group);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, archived_departments_list);

  gtk_widget_class_install_action (widget_class, "signer.add", NULL, signer_add_action);
  gtk_widget_class_install_action (widget_class, "signer.edit", "x", signer_edit_action);
  gtk_widget_class_install_action (widget_class, "signer.archive", "x", signer_archive_action);
  gtk_widget_class_install_action (widget_class, "signer.restore", "x", signer_restore_action);
  gtk_widget_class_install_action (widget_class, "department.archive", "x", department_archive_action);
  gtk_widget_class_install_action (widget_class, "department.restore", "x", department_restore_action);
}

static void
kh_preferences_window_init (KhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (on_notify_application_cb), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (agency_fields); i++)
    {
      AdwEntryRow *row = AGENCY_ROW (self, i);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_agency_row_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_agency_row_entry_activated_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_agency_row_focus_leave_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (row), focus);
    }

  g_signal_connect_object (self->new_recipient_row, "apply",
                           G_CALLBACK (on_new_recipient_row_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_department_row, "apply",
                           G_CALLBACK (on_new_department_row_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->new_recipient_row, "changed", G_CALLBACK (on_row_changed_clear_error_cb), NULL);
  g_signal_connect (self->new_department_row, "changed", G_CALLBACK (on_row_changed_clear_error_cb), NULL);

  gtk_list_box_set_placeholder (self->signers_list, kh_placeholder_new (_("No signers yet")));
}

KhPreferencesWindow *
kh_preferences_window_new (KhApplication *application)
{
  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (kh_application_get_store (application) != NULL, NULL);

  return g_object_new (KH_TYPE_PREFERENCES_WINDOW,
                       "application", application,
                       NULL);
}
