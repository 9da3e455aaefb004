/* kh-plan-page.c — the “Plan” view: the plan's text, header and state
 *
 * What the clerk types is saved through core about half a second after
 * the last keystroke, and at once when the page is hidden, the window
 * closes or another plan is chosen: there is no Save button to forget.
 * Widgets being typed in, or holding edits not yet saved, are never
 * rewritten by a reload, so undo history and cursor survive autosave.
 *
 * An issued plan is shown read-only; core refuses changes to its text
 * anyway. It can be copied into a new draft revision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-gtk-util.h"
#include "kh-plan-copy.h"
#include "kh-plan.h"

#include "kh-application.h"
#include "kh-export-dialog.h"
#include "kh-plan-header.h"
#include "kh-plan-issue-dialog.h"
#include "kh-plan-page.h"
#include "kh-plan-sections.h"
#include "kh-plan-state-bar.h"
#include "kh-plan-string-list.h"
#include "kh-plan-text.h"
#include "kh-save-template-dialog.h"
#include "kh-scrolled-content.h"
#include "kh-view.h"
#include "kh-window.h"

#define SAVE_DELAY_MS 500

struct _KhPlanPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *main_stack;
  AdwStatusPage     *error_page;
  KhPlanStateBar    *state_bar;
  KhPlanHeader      *header;
  KhPlanSections    *sections;
  GtkTextView       *closing_view;
  KhPlanStringList  *recipients_list;

  /* Owned */
  KhStore           *store;
  KhPlan            *plan;          /* as last loaded */
  char              *last_error;    /* not toasted twice in a row */

  gint64             plan_id;
  guint              save_id;
  guint              updating;
  gboolean           header_dirty;
  gboolean           bases_dirty;
  gboolean           recipients_dirty;
  gboolean           disposed;
};

static void kh_plan_page_view_iface_init (KhViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhPlanPage, kh_plan_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (KH_TYPE_VIEW, kh_plan_page_view_iface_init))

static void show_plan (KhPlanPage *self);

static void
kh_plan_page_set_document_actions (KhPlanPage *self,
                                   gboolean    enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.print", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save-as-template", enabled);
}

static KhWindow *
get_window (KhPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KH_IS_WINDOW (root) ? KH_WINDOW (root) : NULL;
}

static void
show_error (KhPlanPage   *self,
            const GError *error)
{
  /* Once: the same failure comes again with every keystroke. */
  if (g_strcmp0 (self->last_error, error->message) == 0)
    return;

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);
  kh_window_show_error_for (GTK_WIDGET (self), error);
}

/* Tells every window (this one included) that the data changed. */
static void
notify_store_changed (KhPlanPage *self)
{
  KhWindow *window = get_window (self);

  if (self->disposed)
    return;

  if (window != NULL && kh_window_get_application (window) != NULL)
    kh_application_store_changed (kh_window_get_application (window));
  else
    show_plan (self);
}

/* Autosave */

static gboolean
is_dirty (KhPlanPage *self)
{
  return self->header_dirty || self->bases_dirty || self->recipients_dirty ||
         kh_plan_sections_is_dirty (self->sections);
}

static gboolean
save_header (KhPlanPage  *self,
             GError     **error)
{
  g_autoptr(KhPlan) plan = kh_plan_copy (self->plan);

  kh_plan_header_fill_plan (self->header, plan);
  g_free (plan->closing);
  plan->closing = kh_plan_text_view_get_text (self->closing_view);

  if (!kh_store_update_plan (self->store, plan, error))
    return FALSE;

  /* What the next save starts from. */
  g_clear_pointer (&self->plan, kh_plan_free);
  self->plan = g_steal_pointer (&plan);
  return TRUE;
}

/**
 * kh_plan_page_flush:
 *
 * Saves at once whatever was edited and not saved yet.
 *
 * Returns: whether everything is saved
 */
gboolean
kh_plan_page_flush (KhPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean header_saved = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (KH_IS_PLAN_PAGE (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->store == NULL || self->plan == NULL || !is_dirty (self))
    return TRUE;

  if (self->header_dirty)
    {
      g_autoptr(GError) header_error = NULL;

      if (save_header (self, &header_error))
        self->header_dirty = FALSE, header_saved = TRUE;
      else
        ok = FALSE;
      kh_plan_header_show_error (self->header, header_error);
      if (header_error != NULL && error == NULL)
        error = g_steal_pointer (&header_error);
    }

  if (self->bases_dirty)
    {
      g_auto(GStrv) bases = kh_plan_header_get_bases (self->header);

      if (kh_store_set_plan_bases (self->store, self->plan_id, (const char * const *)bases,
                                   error ? NULL : &error))
        self->bases_dirty = FALSE;
      else
        ok = FALSE;
    }

  if (self->recipients_dirty)
    {
      g_auto(GStrv) recipients = kh_plan_string_list_get_lines (self->recipients_list);

      if (kh_store_set_plan_recipients (self->store, self->plan_id, (const char * const *)recipients,
                                        error ? NULL : &error))
        self->recipients_dirty = FALSE;
      else
        ok = FALSE;
    }

  if (!kh_plan_sections_save (self->sections, error ? NULL : &error))
    ok = FALSE;

  if (ok)
    {
      g_clear_pointer (&self->last_error, g_free);
      kh_plan_state_bar_set_save_status (self->state_bar, _("Saved"), FALSE);
    }
  else
    {
      kh_plan_state_bar_set_save_status (self->state_bar, _("Not saved"), TRUE);
      if (error != NULL)
        show_error (self, error);
    }

  /* The year and title show elsewhere: the plan menu, the overview. */
  if (header_saved)
    notify_store_changed (self);

  return ok;
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  KhPlanPage *self = user_data;

  self->save_id = 0;
  kh_plan_page_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (KhPlanPage *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
  kh_plan_state_bar_set_save_status (self->state_bar, _("Saving…"), FALSE);
}

static void
on_header_changed_cb (KhPlanPage   *self,
                      KhPlanHeader *header)
{
  if (self->updating > 0)
    return;
  self->header_dirty = TRUE;
  schedule_save (self);
}

static void
on_closing_buffer_changed_cb (KhPlanPage    *self,
                              GtkTextBuffer *buffer)
{
  on_header_changed_cb (self, self->header);
}

static void
on_header_bases_changed_cb (KhPlanPage   *self,
                            KhPlanHeader *header)
{
  if (self->updating > 0)
    return;
  self->bases_dirty = TRUE;
  schedule_save (self);
}

static void
on_recipients_list_changed_cb (KhPlanPage       *self,
                               KhPlanStringList *list)
{
  if (self->updating > 0)
    return;
  self->recipients_dirty = TRUE;
  schedule_save (self);
}

static void
on_sections_changed_cb (KhPlanPage     *self,
                        KhPlanSections *sections)
{
  if (self->updating > 0)
    return;
  schedule_save (self);
}

static void
on_sections_structure_changed_cb (KhPlanPage     *self,
                                  KhPlanSections *sections)
{
  notify_store_changed (self);
}

/* Showing the plan */

static void
show_plan (KhPlanPage *self)
{
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(GPtrArray) signers = NULL;
  g_autoptr(GError) error = NULL;
  gboolean editable;

  if (self->store == NULL || self->plan_id == 0)
    {
      kh_plan_sections_clear (self->sections);
      g_clear_pointer (&self->plan, kh_plan_free);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      kh_plan_page_set_document_actions (self, FALSE);
      return;
    }

  if (!(plan = kh_store_load_plan (self->store, self->plan_id, &error)))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      kh_plan_page_set_document_actions (self, FALSE);
      return;
    }

  agency = kh_store_load_agency (self->store, NULL);
  signers = kh_store_list_signers (self->store, FALSE, NULL);
  /* Signed as printed: the text changes only as a draft. */
  editable = plan->state == KH_PLAN_STATE_DRAFT;

  self->updating++;

  g_clear_pointer (&self->plan, kh_plan_free);
  self->plan = kh_plan_copy (plan);

  kh_plan_state_bar_set_plan (self->state_bar, plan, agency);
  kh_plan_header_set_plan (self->header, plan, signers, agency,
                           !self->header_dirty, !self->bases_dirty);
  if (!self->header_dirty)
    kh_plan_text_view_update (self->closing_view, plan->closing);
  if (!self->recipients_dirty)
    kh_plan_string_list_set_lines (self->recipients_list, (const char * const *)plan->recipients);
  kh_plan_sections_show (self->sections, self->store, plan, editable);

  kh_plan_header_set_editable (self->header, editable, plan->state == KH_PLAN_STATE_DRAFT);
  gtk_text_view_set_editable (self->closing_view, editable);
  gtk_text_view_set_cursor_visible (self->closing_view, editable);
  kh_plan_string_list_set_editable (self->recipients_list, editable);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-part", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.send-for-signing", plan->state == KH_PLAN_STATE_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.back-to-draft", plan->state == KH_PLAN_STATE_SIGNING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.issue", plan->state == KH_PLAN_STATE_SIGNING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.copy-revision", plan->state == KH_PLAN_STATE_ISSUED);
  kh_plan_page_set_document_actions (self, TRUE);

  if (!is_dirty (self))
    kh_plan_state_bar_set_save_status (self->state_bar, _("Saved"), FALSE);

  self->updating--;

  gtk_stack_set_visible_child_name (self->main_stack, "plan");
}

static void
kh_plan_page_reload (KhView  *view,
                     KhStore *store,
                     gint64   plan_id)
{
  KhPlanPage *self = KH_PLAN_PAGE (view);

  if (self->store != store || self->plan_id != plan_id)
    {
      /* The edits belong to the plan shown until now. */
      kh_plan_page_flush (self);

      self->header_dirty = self->bases_dirty = self->recipients_dirty = FALSE;
      g_clear_pointer (&self->last_error, g_free);
      kh_plan_sections_clear (self->sections);
      g_clear_pointer (&self->plan, kh_plan_free);
      g_set_object (&self->store, store);
      self->plan_id = plan_id;
    }

  show_plan (self);
}

static void
kh_plan_page_view_iface_init (KhViewInterface *iface)
{
  iface->reload = kh_plan_page_reload;
}

/* Actions */

static void
set_state (KhPlanPage  *self,
           KhPlanState  state)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->plan_id == 0)
    return;

  kh_plan_page_flush (self);
  if (!kh_store_set_plan_state (self->store, self->plan_id, state, &error))
    {
      show_error (self, error);
      return;
    }

  notify_store_changed (self);
}

static void
send_for_signing_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_state (KH_PLAN_PAGE (widget), KH_PLAN_STATE_SIGNING);
}

static void
back_to_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_state (KH_PLAN_PAGE (widget), KH_PLAN_STATE_DRAFT);
}

static void
on_issue_dialog_issued_cb (KhPlanPage        *self,
                           KhPlanIssueDialog *dialog)
{
  notify_store_changed (self);
  kh_window_add_toast_for (GTK_WIDGET (self), adw_toast_new (_("The plan is issued; its text is now frozen")));
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KhPlanPage *self = KH_PLAN_PAGE (widget);
  KhPlanIssueDialog *dialog;

  if (self->store == NULL || self->plan_id == 0)
    return;

  kh_plan_page_flush (self);
  dialog = kh_plan_issue_dialog_new (GTK_WINDOW (get_window (self)), self->store, self->plan_id);
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_issue_dialog_issued_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_copy_dialog_response_cb (KhPlanPage       *self,
                            const char       *response,
                            AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  KhWindow *window = get_window (self);
  gint64 id;

  if (g_strcmp0 (response, "copy") != 0 || self->plan == NULL)
    return;

  id = kh_store_copy_plan (self->store, self->plan_id, self->plan->year,
                           gtk_editable_get_text (entry), &error);
  if (id == 0)
    {
      show_error (self, error);
      return;
    }

  /* Translators: a toast; %s is the name of the new revision, e.g. “Điều chỉnh lần 1” */
  title = g_strdup_printf (_("A new draft, “%s”, was made from the issued plan"),
                           gtk_editable_get_text (entry));
  kh_window_add_toast_for (GTK_WIDGET (self), kh_toast_new (title));

  if (window != NULL)
    kh_window_select_plan (window, id);
}

static void
copy_revision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KhPlanPage *self = KH_PLAN_PAGE (widget);
  g_autofree char *suggested = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->store == NULL || self->plan == NULL)
    return;

  suggested = kh_store_suggest_revision_name (self->store, self->plan->year, self->plan->kind);
  dialog = adw_message_dialog_new (GTK_WINDOW (get_window (self)),
                                   _("Copy into a New Revision?"),
                                   _("The issued plan stays as it was signed. The copy is a draft of the same year, with the same text and tasks, under its own name."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), suggested);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the revision"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("_Copy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export, print, save as template: the text is saved first, so the PDF
 * and the template hold what is on the screen. */
static void
present_export_dialog (KhPlanPage      *self,
                       KhExportPurpose  purpose)
{
  KhWindow *window = get_window (self);

  if (self->store == NULL || self->plan_id == 0)
    return;

  kh_plan_page_flush (self);
  gtk_window_present (GTK_WINDOW (kh_export_dialog_new (window, self->store, self->plan_id, purpose)));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_export_dialog (KH_PLAN_PAGE (widget), KH_EXPORT_TO_FILE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  present_export_dialog (KH_PLAN_PAGE (widget), KH_EXPORT_TO_PRINTER);
}

static void
save_as_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KhPlanPage *self = KH_PLAN_PAGE (widget);
  KhWindow *window = get_window (self);

  if (window == NULL || kh_window_get_application (window) == NULL || self->plan_id == 0)
    return;

  kh_plan_page_flush (self);
  kh_save_template_dialog_present (GTK_WINDOW (window), kh_window_get_application (window), self->plan_id);
}

static void
add_part_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KhPlanPage *self = KH_PLAN_PAGE (widget);

  kh_plan_sections_add_part (self->sections);
}

/* Overrides */

static void
kh_plan_page_unmap (GtkWidget *widget)
{
  /* Hidden: another view, or the window is closing. */
  kh_plan_page_flush (KH_PLAN_PAGE (widget));

  GTK_WIDGET_CLASS (kh_plan_page_parent_class)->unmap (widget);
}

static void
kh_plan_page_dispose (GObject *object)
{
  KhPlanPage *self = KH_PLAN_PAGE (object);

  if (!self->disposed)
    {
      self->disposed = TRUE;
      kh_plan_page_flush (self);
    }

  g_clear_handle_id (&self->save_id, g_source_remove);
  /* The bin's child is a template child: unparented before the
   * template drops it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_PLAN_PAGE);
  g_clear_pointer (&self->plan, kh_plan_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (kh_plan_page_parent_class)->dispose (object);
}

static void
kh_plan_page_class_init (KhPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_plan_page_dispose;
  widget_class->unmap = kh_plan_page_unmap;

  g_type_ensure (KH_TYPE_PLAN_STATE_BAR);
  g_type_ensure (KH_TYPE_PLAN_HEADER);
  g_type_ensure (KH_TYPE_PLAN_SECTIONS);
  g_type_ensure (KH_TYPE_PLAN_STRING_LIST);
  g_type_ensure (KH_TYPE_SCROLLED_CONTENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPlanPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KhPlanPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KhPlanPage, state_bar);
  gtk_widget_class_bind_template_child (widget_class, KhPlanPage, header);
  gtk_widget_class_bind_template_child (widget_class, KhPlanPage, sections);
  gtk_widget_class_bind_template_child (widget_class, KhPlanPage, closing_view);
  gtk_widget_class_bind_template_child (widget_class, KhPlanPage, recipients_list);

  gtk_widget_class_install_action (widget_class, "plan.send-for-signing", NULL, send_for_signing_action);
  gtk_widget_class_install_action (widget_class, "plan.back-to-draft", NULL, back_to_draft_action);
  gtk_widget_class_install_action (widget_class, "plan.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "plan.copy-revision", NULL, copy_revision_action);
  gtk_widget_class_install_action (widget_class, "plan.add-part", NULL, add_part_action);
  gtk_widget_class_install_action (widget_class, "plan.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "plan.save-as-template", NULL, save_as_template_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "plan.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "plan.print", NULL);
}

static void
kh_plan_page_init (KhPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  kh_plan_text_view_setup (self->closing_view);

  g_signal_connect_object (self->header, "changed",
                           G_CALLBACK (on_header_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header, "bases-changed",
                           G_CALLBACK (on_header_bases_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->closing_view), "changed",
                           G_CALLBACK (on_closing_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recipients_list, "changed",
                           G_CALLBACK (on_recipients_list_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sections, "changed",
                           G_CALLBACK (on_sections_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sections, "structure-changed",
                           G_CALLBACK (on_sections_structure_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  kh_plan_page_set_document_actions (self, FALSE);
}

GtkWidget *
kh_plan_page_new (void)
{
  return g_object_new (KH_TYPE_PLAN_PAGE, NULL);
}
