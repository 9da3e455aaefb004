/* kh-agency-page.c — Preferences: the agency, its signers and default recipients
 *
 * Every change is written to the store at once: the agency's fields half a
 * second after typing stops (and when a field loses focus, the window
 * closes or the page goes away), signers when one is added, edited or
 * archived. The default recipients are a group of their own
 * (kh-recipients-group) that reports its errors through this page's. A
 * change the store refuses marks its row with the error style and says
 * why in a toast; nothing is dropped silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-agency-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-text.h"

#include "kh-agency-page.h"
#include "kh-gtk-util.h"
#include "kh-preferences-rows.h"
#include "kh-recipients-group.h"

#define SAVE_DELAY_MS 500

struct _KhAgencyPage
{
  AdwPreferencesPage    parent_instance;

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
  KhRecipientsGroup    *recipients_group;

  /* Borrowed */
  KhApplication        *application;

  /* Owned */
  KhStore              *store;
  KhPageErrors          errors;
  KhAgency             *agency;        /* as last saved */
  guint                 save_agency_source;

  guint                 loading : 1;
  guint                 agency_dirty : 1;
};

G_DEFINE_FINAL_TYPE (KhAgencyPage, kh_agency_page, ADW_TYPE_PREFERENCES_PAGE)

/* Which entry row edits which field of the agency. */
static const struct {
  glong row_offset;
  glong field_offset;
} agency_fields[] = {
  { G_STRUCT_OFFSET (KhAgencyPage, parent_name_row), G_STRUCT_OFFSET (KhAgency, parent_name) },
  { G_STRUCT_OFFSET (KhAgencyPage, name_row), G_STRUCT_OFFSET (KhAgency, name) },
  { G_STRUCT_OFFSET (KhAgencyPage, short_name_row), G_STRUCT_OFFSET (KhAgency, short_name) },
  { G_STRUCT_OFFSET (KhAgencyPage, locality_row), G_STRUCT_OFFSET (KhAgency, locality) },
  { G_STRUCT_OFFSET (KhAgencyPage, collective_name_row), G_STRUCT_OFFSET (KhAgency, collective_name) },
  { G_STRUCT_OFFSET (KhAgencyPage, abbreviation_row), G_STRUCT_OFFSET (KhAgency, abbreviation) },
  { G_STRUCT_OFFSET (KhAgencyPage, place_row), G_STRUCT_OFFSET (KhAgency, place) },
};

#define AGENCY_ROW(self, i) G_STRUCT_MEMBER (AdwEntryRow *, self, agency_fields[i].row_offset)
#define AGENCY_FIELD(agency, i) G_STRUCT_MEMBER (char *, agency, agency_fields[i].field_offset)

static void reload_signers (KhAgencyPage *self);

static void
changed (KhAgencyPage *self)
{
  kh_application_store_changed (self->application);
}

/* The agency */

static void
load_agency (KhAgencyPage *self)
{
  g_autoptr(GError) error = NULL;
  KhAgency *agency = kh_store_load_agency (self->store, &error);

  if (agency == NULL)
    {
      kh_page_errors_show (&self->errors, NULL, error);
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
save_agency (KhAgencyPage  *self,
             GError       **error)
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
save_agency_now (KhAgencyPage *self)
{
  g_autoptr(GError) error = NULL;

  if (save_agency (self, &error))
    {
      kh_page_errors_clear (&self->errors, GTK_WIDGET (self->name_row));
      return;
    }

  /* The only field the store insists on is the name. */
  kh_page_errors_show (&self->errors,
                       kh_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_row)))
                         ? GTK_WIDGET (self->name_row) : NULL,
                       error);
}

static gboolean
save_agency_timeout_cb (gpointer user_data)
{
  KhAgencyPage *self = user_data;

  self->save_agency_source = 0;
  save_agency_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_agency_row_changed_cb (KhAgencyPage *self,
                          GtkEditable  *row)
{
  if (self->loading)
    return;

  self->agency_dirty = TRUE;
  g_clear_handle_id (&self->save_agency_source, g_source_remove);
  self->save_agency_source = g_timeout_add (SAVE_DELAY_MS, save_agency_timeout_cb, self);
}

static void
on_agency_row_entry_activated_cb (KhAgencyPage *self,
                                  AdwEntryRow  *row)
{
  save_agency_now (self);
}

static void
on_agency_row_focus_leave_cb (KhAgencyPage            *self,
                              GtkEventControllerFocus *controller)
{
  if (self->agency_dirty)
    save_agency_now (self);
}

/* Signers */

static GtkWidget *
signer_row_new (KhAgencyPage   *self,
                const KhSigner *signer)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), signer->name);
  GVariant *target = g_variant_new_int64 (signer->id);
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signer->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), signer->title);
  kh_row_set_id (row, signer->id);

  if (signer->archived)
    {
      button = kh_restore_button_new (signer->name);
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

  button = kh_archive_button_new (signer->name, _("No longer signs; kept for the documents already signed"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "signer.archive");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
reload_signers (KhAgencyPage *self)
{
  g_autoptr(GPtrArray) signers = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_archived = FALSE;

  kh_list_box_remove_all (self->signers_list);
  kh_list_box_remove_all (self->archived_signers_list);

  if (!(signers = kh_store_list_signers (self->store, TRUE, &error)))
    {
      kh_page_errors_show (&self->errors, NULL, error);
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
on_signer_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              KhAgencyPage     *self)
{
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "kh-name-row");
  GtkEditable *title_row = g_object_get_data (G_OBJECT (dialog), "kh-title-row");
  gint64 id = kh_row_get_id (GTK_WIDGET (dialog));
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
      kh_page_errors_show (&self->errors, NULL, error);
      return;
    }

  kh_page_errors_clear (&self->errors, NULL);
  reload_signers (self);
  changed (self);
}

static void
show_signer_dialog (KhAgencyPage   *self,
                    const KhSigner *signer)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *name_row;
  GtkWidget *title_row;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
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
      kh_row_set_id (GTK_WIDGET (dialog), signer->id);
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
  show_signer_dialog (KH_AGENCY_PAGE (widget), NULL);
}

static void
signer_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KhAgencyPage *self = KH_AGENCY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhSigner) signer = kh_store_get_signer (self->store, g_variant_get_int64 (parameter), &error);

  if (signer == NULL)
    {
      kh_page_errors_show (&self->errors, NULL, error);
      reload_signers (self);
      return;
    }

  show_signer_dialog (self, signer);
}

static gboolean
set_signer_archived (KhAgencyPage *self,
                     gint64        id,
                     gboolean      archived)
{
  g_autoptr(GError) error = NULL;

  if (!kh_store_set_signer_archived (self->store, id, archived, &error))
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return FALSE;
    }

  reload_signers (self);
  changed (self);
  return TRUE;
}

static void
on_undo_signer_archive_clicked_cb (KhAgencyPage *self,
                                   AdwToast     *toast)
{
  (void)set_signer_archived (self, kh_archived_toast_get_id (toast), FALSE);
}

static void
signer_archive_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KhAgencyPage *self = KH_AGENCY_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(KhSigner) signer = kh_store_get_signer (self->store, id, NULL);
  AdwToast *toast;

  if (signer == NULL || !set_signer_archived (self, id, TRUE))
    return;

  /* The toast is shown by the window, outside the page's actions. */
  toast = kh_archived_toast_new (signer->name, id);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_signer_archive_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  kh_page_add_toast (GTK_WIDGET (self), toast);
}

static void
signer_restore_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  (void)set_signer_archived (KH_AGENCY_PAGE (widget), g_variant_get_int64 (parameter), FALSE);
}

/* GObject */

static void
kh_agency_page_map (GtkWidget *widget)
{
  KhAgencyPage *self = KH_AGENCY_PAGE (widget);

  GTK_WIDGET_CLASS (kh_agency_page_parent_class)->map (widget);

  kh_page_errors_show_pending (&self->errors);
}

static void
kh_agency_page_dispose (GObject *object)
{
  KhAgencyPage *self = KH_AGENCY_PAGE (object);

  /* Destroyed without closing (the application quits): save what is left. */
  if (self->store != NULL)
    save_agency (self, NULL);

  g_clear_handle_id (&self->save_agency_source, g_source_remove);
  kh_page_errors_dispose (&self->errors);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_AGENCY_PAGE);

  g_clear_object (&self->store);
  g_clear_pointer (&self->agency, kh_agency_free);

  G_OBJECT_CLASS (kh_agency_page_parent_class)->dispose (object);
}

static void
kh_agency_page_class_init (KhAgencyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_agency_page_dispose;

  widget_class->map = kh_agency_page_map;

  g_type_ensure (KH_TYPE_RECIPIENTS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-agency-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, parent_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, locality_row);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, collective_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, abbreviation_row);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, signers_list);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, archived_signers_group);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, archived_signers_list);
  gtk_widget_class_bind_template_child (widget_class, KhAgencyPage, recipients_group);

  gtk_widget_class_install_action (widget_class, "signer.add", NULL, signer_add_action);
  gtk_widget_class_install_action (widget_class, "signer.edit", "x", signer_edit_action);
  gtk_widget_class_install_action (widget_class, "signer.archive", "x", signer_archive_action);
  gtk_widget_class_install_action (widget_class, "signer.restore", "x", signer_restore_action);
}

static void
kh_agency_page_init (KhAgencyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_page_errors_init (&self->errors, GTK_WIDGET (self));

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

  gtk_list_box_set_placeholder (self->signers_list, kh_placeholder_new (_("No signers yet")));
}

GtkWidget *
kh_agency_page_new (KhApplication *application)
{
  KhAgencyPage *self;

  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (kh_application_get_store (application) != NULL, NULL);

  self = g_object_new (KH_TYPE_AGENCY_PAGE, NULL);
  self->application = application;
  self->store = g_object_ref (kh_application_get_store (application));

  load_agency (self);
  reload_signers (self);
  kh_recipients_group_load (self->recipients_group, application, &self->errors);

  return GTK_WIDGET (self);
}

/* Saves what was typed and not saved yet: the window calls it on closing. */
gboolean
kh_agency_page_save (KhAgencyPage  *self,
                     GError       **error)
{
  g_return_val_if_fail (KH_IS_AGENCY_PAGE (self), FALSE);

  return save_agency (self, error);
}
