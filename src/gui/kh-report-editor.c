/* kh-report-editor.c — one report: its parts, state, export
 *
 * Every part is edited in place and saved through core about half a
 * second after the last keystroke, and at once when the editor is
 * hidden, another report is shown or the window closes. A widget being
 * typed in, or holding edits not yet saved, is never rewritten by a
 * reload, so undo history and the cursor survive autosave.
 *
 * “Regenerate from Results” asks core to compose the results again;
 * core keeps what the clerk wrote, and the editor then shows the lines
 * the new composition added and removed, with a way to take it.
 *
 * The state bar and the issue dialog are the plan page's: the editor
 * installs the plan.* actions their buttons run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-report-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-period.h"
#include "kh-report-compose.h"
#include "kh-report-document.h"
#include "kh-report.h"
#include "kh-vn-format.h"

#include "kh-application.h"
#include "kh-export-dialog.h"
#include "kh-export-task.h"
#include "kh-plan-issue-dialog.h"
#include "kh-plan-state-bar.h"
#include "kh-plan-string-list.h"
#include "kh-plan-text.h"
#include "kh-report-editor.h"
#include "kh-scrolled-content.h"
#include "kh-window.h"

#define SAVE_DELAY_MS 500

/* The order of authority_row's items, as on the plan page. */
static const char * const authorities[] = { "", "TM.", "KT.", "Q.", "TL.", "TUQ." };

struct _KhReportEditor
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkLabel          *heading_label;
  GtkButton         *export_button;
  GtkButton         *delete_button;
  KhPlanStateBar    *state_bar;
  GtkTextView       *title_view;
  KhPlanStringList  *addressees_list;
  GtkTextView       *opening_view;
  GtkRevealer       *changes_revealer;
  GtkLabel          *changes_label;
  GtkTextView       *results_view;
  GtkSwitch         *table_switch;
  GtkTextView       *favourable_view;
  GtkTextView       *difficulties_view;
  GtkTextView       *proposals_view;
  GtkTextView       *direction_view;
  GtkTextView       *closing_view;
  AdwComboRow       *signer_row;
  AdwComboRow       *authority_row;
  KhPlanStringList  *recipients_list;

  /* Owned */
  KhStore           *store;
  KhReport          *report;        /* as last loaded or saved */
  GPtrArray         *signers;       /* KhSigner, after “not chosen” in signer_row */
  char              *last_error;

  gint64             report_id;
  guint              save_id;
  guint              updating;
  gboolean           dirty;
};

G_DEFINE_FINAL_TYPE (KhReportEditor, kh_report_editor, ADW_TYPE_BIN)

static void show_report (KhReportEditor *self);

static KhWindow *
get_window (KhReportEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KH_IS_WINDOW (root) ? KH_WINDOW (root) : NULL;
}

static void
show_error (KhReportEditor *self,
            const GError   *error)
{
  /* Once: the same failure comes again with every keystroke. */
  if (g_strcmp0 (self->last_error, error->message) == 0)
    return;

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);
  kh_window_show_error_for (GTK_WIDGET (self), error);
}

static void
notify_store_changed (KhReportEditor *self)
{
  KhWindow *window = get_window (self);

  if (window != NULL && kh_window_get_application (window) != NULL)
    kh_application_store_changed (kh_window_get_application (window));
  else
    show_report (self);
}

#define N_TEXT_VIEWS 8

static void
get_text_views (KhReportEditor *self,
                GtkTextView    *views[N_TEXT_VIEWS])
{
  views[0] = self->title_view;
  views[1] = self->opening_view;
  views[2] = self->results_view;
  views[3] = self->favourable_view;
  views[4] = self->difficulties_view;
  views[5] = self->proposals_view;
  views[6] = self->direction_view;
  views[7] = self->closing_view;
}

/* Autosave */

static void
replace_field (char       **field,
               GtkTextView *view)
{
  g_free (*field);
  *field = kh_plan_text_view_get_text (view);
}

static void
fill_report (KhReportEditor *self,
             KhReport       *report)
{
  g_auto(GStrv) addressees = kh_plan_string_list_get_lines (self->addressees_list);
  guint signer = adw_combo_row_get_selected (self->signer_row);
  guint authority = adw_combo_row_get_selected (self->authority_row);

  replace_field (&report->title, self->title_view);
  replace_field (&report->opening, self->opening_view);
  replace_field (&report->results_text, self->results_view);
  replace_field (&report->favourable, self->favourable_view);
  replace_field (&report->difficulties, self->difficulties_view);
  replace_field (&report->proposals, self->proposals_view);
  replace_field (&report->direction, self->direction_view);
  replace_field (&report->closing, self->closing_view);
  report->with_table = gtk_switch_get_active (self->table_switch);

  g_free (report->addressees);
  report->addressees = g_strjoinv ("\n", addressees);

  report->signer_id = 0;
  if (signer != GTK_INVALID_LIST_POSITION && signer > 0 && self->signers != NULL &&
      signer - 1 < self->signers->len)
    report->signer_id = ((KhSigner *)self->signers->pdata[signer - 1])->id;

  g_free (report->authority);
  report->authority = g_strdup (authority < G_N_ELEMENTS (authorities) ? authorities[authority] : "");

  g_strfreev (report->recipients);
  report->recipients = kh_plan_string_list_get_lines (self->recipients_list);
}

/**
 * kh_report_editor_flush:
 *
 * Saves at once whatever was edited and not saved yet.
 *
 * Returns: whether everything is saved
 */
gboolean
kh_report_editor_flush (KhReportEditor *self)
{
  g_autoptr(KhReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KH_IS_REPORT_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->store == NULL || self->report == NULL || !self->dirty)
    return TRUE;

  report = kh_report_copy (self->report);
  fill_report (self, report);

  if (!kh_store_update_report (self->store, report, &error))
    {
      kh_plan_state_bar_set_save_status (self->state_bar, _("Not saved"), TRUE);
      show_error (self, error);
      return FALSE;
    }

  self->dirty = FALSE;
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->report, kh_report_free);
  self->report = g_steal_pointer (&report);
  kh_plan_state_bar_set_save_status (self->state_bar, _("Saved"), FALSE);
  return TRUE;
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  KhReportEditor *self = user_data;

  self->save_id = 0;
  kh_report_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_edited_cb (KhReportEditor *self)
{
  if (self->updating > 0 || self->report == NULL)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
  kh_plan_state_bar_set_save_status (self->state_bar, _("Saving…"), FALSE);
}

/* Showing the report */

static void
show_signers (KhReportEditor *self,
              gint64          signer_id)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->signers, g_ptr_array_unref);
  self->signers = kh_store_list_signers (self->store, FALSE, NULL);

  gtk_string_list_append (model, _("Not chosen"));
  for (guint i = 0; self->signers != NULL && i < self->signers->len; i++)
    {
      const KhSigner *signer = self->signers->pdata[i];
      /* Translators: a signer: name — title, e.g. “Lê Duy Bảo — Chủ tịch” */
      g_autofree char *label = g_strdup_printf (_("%s — %s"), signer->name, signer->title);

      gtk_string_list_append (model, label);
      if (signer->id == signer_id)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->signer_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->signer_row, selected);
}

static void
set_editable (KhReportEditor *self,
              gboolean        editable)
{
  GtkTextView *views[N_TEXT_VIEWS];

  get_text_views (self, views);
  for (guint i = 0; i < N_TEXT_VIEWS; i++)
    {
      GtkTextView *view = views[i];

      gtk_text_view_set_editable (view, editable);
      gtk_text_view_set_cursor_visible (view, editable);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->table_switch), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->signer_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->authority_row), editable);
  kh_plan_string_list_set_editable (self->addressees_list, editable);
  kh_plan_string_list_set_editable (self->recipients_list, editable);
}

static void
show_report (KhReportEditor *self)
{
  g_autoptr(KhReport) report = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *symbol = NULL;
  g_autofree char *period = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *heading = NULL;
  g_auto(GStrv) addressees = NULL;
  gboolean editable;

  if (self->store == NULL || self->report_id == 0)
    return;

  if (!(report = kh_store_load_report (self->store, self->report_id, &error)))
    {
      show_error (self, error);
      return;
    }

  agency = kh_store_load_agency (self->store, NULL);
  editable = report->state == KH_PLAN_STATE_DRAFT;

  self->updating++;

  g_clear_pointer (&self->report, kh_report_free);
  self->report = kh_report_copy (report);

  period = kh_period_describe (&report->period);
  dates = kh_period_describe_dates (&report->period);
  /* Translators: the report's heading; %s is its period, e.g. “quý I năm 2024” */
  heading = g_strdup_printf (_("Report, %s"), period);
  gtk_label_set_text (self->heading_label, heading);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->heading_label), dates);

  if (report->state == KH_PLAN_STATE_ISSUED)
    symbol = kh_format_doc_symbol (report->number, KH_REPORT_DOC_TYPE,
                                   agency && agency->abbreviation ? agency->abbreviation : "");
  kh_plan_state_bar_set_state (self->state_bar, report->state, symbol, &report->issued_on,
                               _("The report's text can no longer change."), FALSE);

  if (!self->dirty)
    {
      kh_plan_text_view_update (self->title_view, report->title);
      kh_plan_text_view_update (self->opening_view, report->opening);
      kh_plan_text_view_update (self->results_view, report->results_text);
      kh_plan_text_view_update (self->favourable_view, report->favourable);
      kh_plan_text_view_update (self->difficulties_view, report->difficulties);
      kh_plan_text_view_update (self->proposals_view, report->proposals);
      kh_plan_text_view_update (self->direction_view, report->direction);
      kh_plan_text_view_update (self->closing_view, report->closing);
      gtk_switch_set_active (self->table_switch, report->with_table);

      addressees = report->addressees && report->addressees[0]
                   ? g_strsplit (report->addressees, "\n", -1) : g_new0 (char *, 1);
      kh_plan_string_list_set_lines (self->addressees_list, (const char * const *)addressees);
      kh_plan_string_list_set_lines (self->recipients_list, (const char * const *)report->recipients);
      show_signers (self, report->signer_id);
      for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
        if (g_strcmp0 (report->authority, authorities[i]) == 0)
          adw_combo_row_set_selected (self->authority_row, i);
      kh_plan_state_bar_set_save_status (self->state_bar, _("Saved"), FALSE);
    }

  set_editable (self, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), report->state == KH_PLAN_STATE_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.regenerate", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.replace-results", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.insert-anniversaries", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.send-for-signing", report->state == KH_PLAN_STATE_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.back-to-draft", report->state == KH_PLAN_STATE_SIGNING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.issue", report->state == KH_PLAN_STATE_SIGNING);
  if (!editable)
    gtk_revealer_set_reveal_child (self->changes_revealer, FALSE);

  self->updating--;
}

void
kh_report_editor_show (KhReportEditor *self,
                       KhStore        *store,
                       gint64          report_id)
{
  g_return_if_fail (KH_IS_REPORT_EDITOR (self));

  if (self->store != store || self->report_id != report_id)
    {
      /* The edits belong to the report shown until now. */
      kh_report_editor_flush (self);
      self->dirty = FALSE;
      g_clear_pointer (&self->last_error, g_free);
      g_clear_pointer (&self->report, kh_report_free);
      g_set_object (&self->store, store);
      self->report_id = report_id;
      gtk_revealer_set_reveal_child (self->changes_revealer, FALSE);

      /* Another document: its own undo history, from the start. */
      self->updating++;
      {
        GtkTextView *views[N_TEXT_VIEWS];

        get_text_views (self, views);
        for (guint i = 0; i < N_TEXT_VIEWS; i++)
          {
            GtkTextBuffer *buffer = gtk_text_view_get_buffer (views[i]);

            gtk_text_buffer_begin_irreversible_action (buffer);
            gtk_text_buffer_set_text (buffer, "", -1);
            gtk_text_buffer_end_irreversible_action (buffer);
          }
      }
      self->updating--;
    }

  show_report (self);
}

gint64
kh_report_editor_get_report_id (KhReportEditor *self)
{
  g_return_val_if_fail (KH_IS_REPORT_EDITOR (self), 0);

  return self->report_id;
}

/* Regenerating the results */

static void
show_changes (KhReportEditor        *self,
              const KhReportChanges *changes)
{
  g_autoptr(GString) text = g_string_new (_("Your results text was kept. The results recorded since it was generated changed it:"));

  for (guint i = 0; changes->added != NULL && changes->added[i] != NULL; i++)
    g_string_append_printf (text, "\n+ %s", changes->added[i]);
  for (guint i = 0; changes->removed != NULL && changes->removed[i] != NULL; i++)
    g_string_append_printf (text, "\n− %s", changes->removed[i]);

  gtk_label_set_text (self->changes_label, text->str);
  gtk_revealer_set_reveal_child (self->changes_revealer, TRUE);
}

static void
regenerate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KhReportEditor *self = KH_REPORT_EDITOR (widget);
  g_autoptr(KhReportChanges) changes = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->report_id == 0 || !kh_report_editor_flush (self))
    return;

  if (!kh_store_regenerate_report_results (self->store, self->report_id, &changes, &error))
    {
      show_error (self, error);
      return;
    }

  if (changes->kept_clerk_text && !kh_report_changes_is_empty (changes))
    show_changes (self, changes);
  else
    {
      gtk_revealer_set_reveal_child (self->changes_revealer, FALSE);
      kh_window_add_toast_for (GTK_WIDGET (self), adw_toast_new (kh_report_changes_is_empty (changes)
                                      ? _("The results are up to date")
                                      : _("The results were generated again")));
    }

  notify_store_changed (self);
}

/* One step for Ctrl+Z. */
static void
replace_buffer (GtkTextView *view,
                const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text ? text : "", -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
replace_results_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KhReportEditor *self = KH_REPORT_EDITOR (widget);

  if (self->report == NULL)
    return;

  replace_buffer (self->results_view, self->report->results_generated);
  gtk_revealer_set_reveal_child (self->changes_revealer, FALSE);
  kh_report_editor_flush (self);
}

static void
dismiss_changes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (KH_REPORT_EDITOR (widget)->changes_revealer, FALSE);
}

static void
insert_anniversaries_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  KhReportEditor *self = KH_REPORT_EDITOR (widget);
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *days = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->direction_view);
  GtkTextIter end;
  KhPeriod next;

  if (self->report == NULL)
    return;

  agency = kh_store_load_agency (self->store, NULL);
  if (!kh_period_next (&self->report->period, agency ? agency->period_cutoff_day : 0, &next))
    next = self->report->period;

  if (!(days = kh_store_compose_anniversaries (self->store, &next, &error)))
    {
      show_error (self, error);
      return;
    }
  if (days[0] == '\0')
    {
      kh_window_add_toast_for (GTK_WIDGET (self), adw_toast_new (_("No commemorative days fall in the next period")));
      return;
    }

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_text_buffer_get_char_count (buffer) > 0)
    gtk_text_buffer_insert (buffer, &end, "\n", -1);
  gtk_text_buffer_insert (buffer, &end, days, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_place_cursor (buffer, &end);
}

/* States */

static void
set_state (KhReportEditor *self,
           KhPlanState     state)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->report_id == 0)
    return;

  kh_report_editor_flush (self);
  if (!kh_store_set_report_state (self->store, self->report_id, state, &error))
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
  set_state (KH_REPORT_EDITOR (widget), KH_PLAN_STATE_SIGNING);
}

static void
back_to_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_state (KH_REPORT_EDITOR (widget), KH_PLAN_STATE_DRAFT);
}

static void
on_issue_dialog_issued_cb (KhReportEditor    *self,
                           KhPlanIssueDialog *dialog)
{
  notify_store_changed (self);
  kh_window_add_toast_for (GTK_WIDGET (self), adw_toast_new (_("The report is issued; its text is now frozen")));
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KhReportEditor *self = KH_REPORT_EDITOR (widget);
  KhPlanIssueDialog *dialog;

  if (self->store == NULL || self->report_id == 0)
    return;

  kh_report_editor_flush (self);
  dialog = kh_plan_issue_dialog_new_for_report (GTK_WINDOW (get_window (self)), self->store,
                                                self->report_id);
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_issue_dialog_issued_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Deleting */

static void
on_delete_dialog_response_cb (KhReportEditor   *self,
                              const char       *response,
                              AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL || self->report_id == 0)
    return;

  /* Its pending edits go with it. */
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->dirty = FALSE;

  if (!kh_store_delete_report (self->store, self->report_id, &error))
    {
      show_error (self, error);
      return;
    }

  kh_window_add_toast_for (GTK_WIDGET (self), adw_toast_new (_("The draft report was deleted")));
  notify_store_changed (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhReportEditor *self = KH_REPORT_EDITOR (widget);
  g_autofree char *period = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->report == NULL || self->report->state != KH_PLAN_STATE_DRAFT)
    return;

  period = kh_period_describe (&self->report->period);
  /* Translators: %s is the report's period, e.g. “quý I năm 2024” */
  body = g_strdup_printf (_("The draft report for %s and everything written in it will be deleted. This cannot be undone."),
                          period);
  dialog = adw_message_dialog_new (GTK_WINDOW (get_window (self)), _("Delete the Draft Report?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export and print: the shared export dialog, which writes the PDF in a
 * worker thread on its own connection to the database. The text is saved
 * first, so the PDF holds what is on the screen. */

static void
present_export_dialog (KhReportEditor  *self,
                       KhExportPurpose  purpose)
{
  if (self->store == NULL || self->report_id == 0)
    return;

  kh_report_editor_flush (self);
  gtk_window_present (GTK_WINDOW (kh_export_dialog_new_for_report (get_window (self), self->store,
                                                                   self->report_id, purpose)));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_export_dialog (KH_REPORT_EDITOR (widget), KH_EXPORT_TO_FILE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  present_export_dialog (KH_REPORT_EDITOR (widget), KH_EXPORT_TO_PRINTER);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autofree char *path = kh_export_document_finish (result, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * kh_report_editor_export_async:
 * @mode: draft, for signing, or issued
 * @file: the PDF to write
 *
 * Saves what is being edited, then writes the report to @file without
 * asking, through the export the dialog uses.
 */
void
kh_report_editor_export_async (KhReportEditor      *self,
                               KhDocumentMode       mode,
                               GFile               *file,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  KhWindow *window;
  GSettings *settings = NULL;

  g_return_if_fail (KH_IS_REPORT_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, kh_report_editor_export_async);

  path = g_file_get_path (file);
  if (self->store == NULL || self->report_id == 0 || path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There is no report to export"));
      return;
    }

  /* The worker reads what the clerk sees. */
  kh_report_editor_flush (self);

  window = get_window (self);
  if (window != NULL && kh_window_get_application (window) != NULL)
    settings = kh_application_get_settings (kh_window_get_application (window));

  kh_export_document_async (kh_store_get_path (self->store), kh_store_export_report_pdf,
                            self->report_id, mode,
                            settings ? g_settings_get_double (settings, "line-spacing") : KH_PDF_LINE_SPACING_DEFAULT,
                            path, NULL, on_export_done_cb, g_steal_pointer (&task));
}

gboolean
kh_report_editor_export_finish (KhReportEditor  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Overrides */

static void
kh_report_editor_unmap (GtkWidget *widget)
{
  kh_report_editor_flush (KH_REPORT_EDITOR (widget));

  GTK_WIDGET_CLASS (kh_report_editor_parent_class)->unmap (widget);
}

static void
kh_report_editor_dispose (GObject *object)
{
  KhReportEditor *self = KH_REPORT_EDITOR (object);

  kh_report_editor_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_REPORT_EDITOR);
  g_clear_pointer (&self->report, kh_report_free);
  g_clear_pointer (&self->signers, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (kh_report_editor_parent_class)->dispose (object);
}

static void
kh_report_editor_class_init (KhReportEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_report_editor_dispose;
  widget_class->unmap = kh_report_editor_unmap;

  g_type_ensure (KH_TYPE_PLAN_STATE_BAR);
  g_type_ensure (KH_TYPE_PLAN_STRING_LIST);
  g_type_ensure (KH_TYPE_SCROLLED_CONTENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-report-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, export_button);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, state_bar);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, title_view);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, addressees_list);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, opening_view);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, changes_revealer);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, changes_label);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, results_view);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, table_switch);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, favourable_view);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, difficulties_view);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, proposals_view);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, direction_view);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, closing_view);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, signer_row);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, authority_row);
  gtk_widget_class_bind_template_child (widget_class, KhReportEditor, recipients_list);

  gtk_widget_class_install_action (widget_class, "report.regenerate", NULL, regenerate_action);
  gtk_widget_class_install_action (widget_class, "report.replace-results", NULL, replace_results_action);
  gtk_widget_class_install_action (widget_class, "report.dismiss-changes", NULL, dismiss_changes_action);
  gtk_widget_class_install_action (widget_class, "report.insert-anniversaries", NULL, insert_anniversaries_action);
  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.delete", NULL, delete_action);
  /* What the plan's state bar runs. */
  gtk_widget_class_install_action (widget_class, "plan.send-for-signing", NULL, send_for_signing_action);
  gtk_widget_class_install_action (widget_class, "plan.back-to-draft", NULL, back_to_draft_action);
  gtk_widget_class_install_action (widget_class, "plan.issue", NULL, issue_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "report.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
}

static void
kh_report_editor_init (KhReportEditor *self)
{
  GtkTextView *views[N_TEXT_VIEWS];

  gtk_widget_init_template (GTK_WIDGET (self));

  get_text_views (self, views);
  for (guint i = 0; i < N_TEXT_VIEWS; i++)
    {
      GtkTextView *view = views[i];

      kh_plan_text_view_setup (view);
      g_signal_connect_object (gtk_text_view_get_buffer (view), "changed",
                               G_CALLBACK (on_edited_cb), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->addressees_list, "changed", G_CALLBACK (on_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recipients_list, "changed", G_CALLBACK (on_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table_switch, "notify::active", G_CALLBACK (on_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->signer_row, "notify::selected", G_CALLBACK (on_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->authority_row, "notify::selected", G_CALLBACK (on_edited_cb), self, G_CONNECT_SWAPPED);
}
