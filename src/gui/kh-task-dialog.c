/* kh-task-dialog.c — adds or edits one task of a plan
 *
 * A modal window over the main window: the task's title and description,
 * the department that leads it and those that support it, its rhythm or
 * deadline, an optional target, and its status. Save (Enter) writes it
 * through core and emits "saved"; Cancel (Escape) closes. Dates are
 * checked as they are typed; what core refuses is said at the top, and
 * the dialog stays open with everything the clerk entered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-task-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-legacy.h"
#include "kh-task.h"
#include "kh-text.h"
#include "kh-vn-format.h"

#include "kh-gtk-util.h"
#include "kh-task-dialog.h"

struct _KhTaskDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwPreferencesGroup *error_group;
  GtkLabel            *error_label;
  AdwEntryRow         *title_row;
  GtkTextView         *description_view;
  GtkWidget           *legacy_box;
  GtkLabel            *legacy_label;
  AdwComboRow         *lead_row;
  AdwExpanderRow      *supports_row;
  AdwComboRow         *rhythm_row;
  AdwEntryRow         *deadline_row;
  GtkLabel            *deadline_error_label;
  AdwComboRow         *indicator_row;
  AdwActionRow        *target_row;
  GtkSpinButton       *target_spin;
  AdwExpanderRow      *progress_row;
  GtkSpinButton       *progress_spin;
  AdwComboRow         *status_row;
  AdwEntryRow         *done_row;
  GtkLabel            *done_error_label;

  /* Owned */
  KhStore             *store;
  KhTask              *task;            /* as loaded, or a new one */
  GArray              *lead_ids;        /* gint64 per lead_row item */
  GPtrArray           *indicators;      /* KhIndicator per indicator_row item after “None” */
  GPtrArray           *support_checks;  /* GtkCheckButton, department id in "kh-id" */
  GtkTextMark         *paste_start;     /* where the last paste began */
  GtkTextMark         *legacy_start;    /* the pasted text offered for conversion */
  GtkTextMark         *legacy_end;
  KhLegacyEncoding     legacy_encoding;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KhTaskDialog, kh_task_dialog, ADW_TYPE_WINDOW)

/* Helpers */

static gint64
check_get_id (GtkCheckButton *check)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "kh-id");

  return id ? *id : 0;
}

static gint64
selected_lead (KhTaskDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->lead_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->lead_ids->len)
    return 0;
  return g_array_index (self->lead_ids, gint64, selected);
}

static const KhIndicator *
selected_indicator (KhTaskDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->indicator_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->indicators->len)
    return NULL;
  return g_ptr_array_index (self->indicators, selected - 1);
}

static void
set_error (KhTaskDialog *self,
           const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
}

/* Parses a date row, marking it and saying why when it is not a date.
 * A blank row is no date, and no error. */
static gboolean
parse_date_row (AdwEntryRow *row,
                GtkLabel    *error_label,
                GDate       *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  g_date_clear (date, 1);
  if (kh_text_is_blank (text) || kh_parse_date (text, date, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
      return TRUE;
    }

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_label_set_text (error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
  return FALSE;
}

static void
set_date_row (AdwEntryRow *row,
              const GDate *date)
{
  g_autofree char *text = g_date_valid (date) ? kh_format_date_short (date) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* What shows and what not */

static void
update_supports_subtitle (KhTaskDialog *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->support_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->support_checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);

      if (!gtk_check_button_get_active (check) || !gtk_widget_get_visible (row))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }

  adw_expander_row_set_subtitle (self->supports_row, names->len > 0 ? names->str : _("None"));
}

/* The lead does not also support. */
static void
update_supports (KhTaskDialog *self)
{
  gint64 lead = selected_lead (self);

  for (guint i = 0; i < self->support_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->support_checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);

      gtk_widget_set_visible (row, check_get_id (check) != lead);
    }

  update_supports_subtitle (self);
}

static void
update_rhythm (KhTaskDialog *self)
{
  gboolean by_date = adw_combo_row_get_selected (self->rhythm_row) == KH_RHYTHM_BY_DATE;

  gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), by_date);
  if (!by_date)
    gtk_widget_set_visible (GTK_WIDGET (self->deadline_error_label), FALSE);
}

static void
update_target (KhTaskDialog *self)
{
  const KhIndicator *indicator = selected_indicator (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->target_row), indicator != NULL);
  adw_action_row_set_subtitle (self->target_row,
                               indicator && indicator->unit ? indicator->unit : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), indicator == NULL);
}

static void
update_status (KhTaskDialog *self)
{
  gboolean done = adw_combo_row_get_selected (self->status_row) == KH_TASK_DONE;

  gtk_widget_set_visible (GTK_WIDGET (self->done_row), done);
  if (!done)
    gtk_widget_set_visible (GTK_WIDGET (self->done_error_label), FALSE);
}

/* Loading */

static void
fill_departments (KhTaskDialog *self)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (!(departments = kh_store_list_departments (self->store, TRUE, &error)))
    {
      set_error (self, error->message);
      return;
    }

  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (departments, i);
      gint64 id = kh_department_get_id (department);
      const char *name = kh_department_get_name (department);
      gboolean supports = FALSE;
      GtkWidget *row;
      GtkWidget *check;

      for (guint s = 0; s < self->task->support_ids->len; s++)
        supports |= g_array_index (self->task->support_ids, gint64, s) == id;

      /* An archived department keeps the tasks it already had. */
      if (kh_department_get_archived (department) && id != self->task->lead_department_id && !supports)
        continue;

      if (id == self->task->lead_department_id)
        selected = self->lead_ids->len;
      gtk_string_list_append (names, name);
      g_array_append_val (self->lead_ids, id);

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), supports);
      kh_widget_set_accessible_label (check, name);
      g_object_set_data_full (G_OBJECT (check), "kh-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_supports_subtitle),
                               self, G_CONNECT_SWAPPED);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->supports_row, row);
      g_ptr_array_add (self->support_checks, check);
    }

  adw_combo_row_set_model (self->lead_row, G_LIST_MODEL (names));
  if (self->lead_ids->len == 0)
    set_error (self, _("The agency has no departments yet. Add them in Preferences first."));
  adw_combo_row_set_selected (self->lead_row, selected);
}

static void
fill_indicators (KhTaskDialog *self)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  /* A new agency gets the indicators of the seeds, as in Preferences. */
  if (!kh_store_install_default_indicators (self->store, &error) ||
      !(indicators = kh_store_list_indicators (self->store, TRUE, &error)))
    {
      set_error (self, error->message);
      return;
    }

  /* Translators: no indicator: the task has no target */
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < indicators->len; i++)
    {
      KhIndicator *indicator = g_ptr_array_index (indicators, i);

      if (indicator->archived && indicator->id != self->task->indicator_id)
        continue;
      if (indicator->id == self->task->indicator_id)
        selected = self->indicators->len + 1;
      gtk_string_list_append (names, indicator->name);
      g_ptr_array_add (self->indicators, kh_indicator_copy (indicator));
    }

  adw_combo_row_set_model (self->indicator_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->indicator_row, selected);
}

static void
show_task (KhTaskDialog *self)
{
  const KhTask *task = self->task;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), task->title);

  /* Undo starts from the text as loaded, not from an empty one. */
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, task->description ? task->description : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);

  fill_departments (self);

  adw_combo_row_set_selected (self->rhythm_row, task->rhythm);
  set_date_row (self->deadline_row, &task->deadline);

  fill_indicators (self);
  gtk_spin_button_set_value (self->target_spin, task->target);
  adw_expander_row_set_enable_expansion (self->progress_row, task->manual_progress >= 0);
  adw_expander_row_set_expanded (self->progress_row, task->manual_progress >= 0);
  gtk_spin_button_set_value (self->progress_spin, MAX (task->manual_progress, 0));

  adw_combo_row_set_selected (self->status_row, task->status);
  set_date_row (self->done_row, &task->done_on);

  update_supports (self);
  update_rhythm (self);
  update_target (self);
  update_status (self);
}

/* Saving */

/* Reads the widgets into a copy of the task; FALSE (and the offending
 * row marked) when a date cannot be read. */
static KhTask *
read_task (KhTaskDialog *self)
{
  g_autoptr(KhTask) task = kh_task_copy (self->task);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  const KhIndicator *indicator = selected_indicator (self);
  GtkTextIter start, end;
  gboolean dates_ok = TRUE;
  GDate date;

  g_free (task->title);
  task->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (task->description);
  task->description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  task->lead_department_id = selected_lead (self);
  g_array_set_size (task->support_ids, 0);
  for (guint i = 0; i < self->support_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->support_checks, i);
      gint64 id = check_get_id (check);

      if (gtk_check_button_get_active (check) && id != task->lead_department_id)
        kh_task_add_support (task, id);
    }

  task->rhythm = (KhRhythm)adw_combo_row_get_selected (self->rhythm_row);
  g_date_clear (&task->deadline, 1);
  if (task->rhythm == KH_RHYTHM_BY_DATE)
    {
      dates_ok &= parse_date_row (self->deadline_row, self->deadline_error_label, &date);
      task->deadline = date;
    }

  task->indicator_id = indicator ? indicator->id : 0;
  task->target = indicator ? gtk_spin_button_get_value (self->target_spin) : 0;
  if (indicator == NULL && adw_expander_row_get_enable_expansion (self->progress_row))
    task->manual_progress = gtk_spin_button_get_value_as_int (self->progress_spin);
  else
    task->manual_progress = -1;

  task->status = (KhTaskStatus)adw_combo_row_get_selected (self->status_row);
  g_date_clear (&task->done_on, 1);
  if (task->status == KH_TASK_DONE)
    {
      dates_ok &= parse_date_row (self->done_row, self->done_error_label, &date);
      task->done_on = date;
    }

  return dates_ok ? g_steal_pointer (&task) : NULL;
}

static void
save (KhTaskDialog *self)
{
  g_autoptr(KhTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  gtk_spin_button_update (self->target_spin);
  gtk_spin_button_update (self->progress_spin);

  if (!(task = read_task (self)))
    {
      set_error (self, _("A date above cannot be read. Write it as day/month/year, for example 31/3/2024."));
      if (gtk_widget_has_css_class (GTK_WIDGET (self->deadline_row), "error"))
        gtk_widget_grab_focus (GTK_WIDGET (self->deadline_row));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->done_row));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->lead_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "error");

  if (task->id != 0)
    id = kh_store_update_task (self->store, task, &error) ? task->id : 0;
  else
    id = kh_store_add_task (self->store, task, &error);

  if (id == 0)
    {
      GtkWidget *culprit = NULL;

      /* Mark the row the message is about, when it is plain which. */
      if (kh_text_is_blank (task->title))
        culprit = GTK_WIDGET (self->title_row);
      else if (task->lead_department_id == 0)
        culprit = GTK_WIDGET (self->lead_row);
      else if (task->target < 0 || task->target > KH_TASK_TARGET_MAX)
        culprit = GTK_WIDGET (self->target_row);
      else if (task->rhythm == KH_RHYTHM_BY_DATE && !g_date_valid (&task->deadline))
        culprit = GTK_WIDGET (self->deadline_row);
      else if (task->rhythm == KH_RHYTHM_BY_DATE)
        {
          g_autofree char *date = kh_format_date_short (&task->deadline);

          /* “The deadline 31/12/2023 … falls before the plan’s year” */
          if (strstr (error->message, date) != NULL)
            culprit = GTK_WIDGET (self->deadline_row);
        }

      set_error (self, error->message);
      if (culprit != NULL)
        {
          gtk_widget_add_css_class (culprit, "error");
          gtk_widget_grab_focus (culprit);
        }
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/* Callbacks */

static void
on_save_button_clicked_cb (KhTaskDialog *self,
                           GtkButton    *button)
{
  save (self);
}

static void
on_lead_row_notify_selected_cb (KhTaskDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->lead_row), "error");
  update_supports (self);
}

static void
on_rhythm_row_notify_selected_cb (KhTaskDialog *self)
{
  update_rhythm (self);
}

static void
on_indicator_row_notify_selected_cb (KhTaskDialog *self)
{
  update_target (self);
}

static void
on_status_row_notify_selected_cb (KhTaskDialog *self)
{
  g_autoptr(GDateTime) now = NULL;
  GDate today;

  update_status (self);

  /* Done today, unless the clerk says otherwise. */
  if (adw_combo_row_get_selected (self->status_row) == KH_TASK_DONE &&
      kh_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->done_row))))
    {
      now = g_date_time_new_now_local ();
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      set_date_row (self->done_row, &today);
    }
}

static void
on_title_row_changed_cb (KhTaskDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
}

static void
on_deadline_row_changed_cb (KhTaskDialog *self)
{
  GDate date;

  (void)parse_date_row (self->deadline_row, self->deadline_error_label, &date);
}

static void
on_done_row_changed_cb (KhTaskDialog *self)
{
  GDate date;

  (void)parse_date_row (self->done_row, self->done_error_label, &date);
}

/* Text pasted from an old document typed with a TCVN3 (ABC) or VNI font
 * shows as wrong letters: the clerk is offered a conversion, never given
 * one unasked. */
static void
hide_legacy_offer (KhTaskDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);

  gtk_widget_set_visible (self->legacy_box, FALSE);
  if (self->legacy_start != NULL)
    gtk_text_buffer_delete_mark (buffer, self->legacy_start);
  if (self->legacy_end != NULL)
    gtk_text_buffer_delete_mark (buffer, self->legacy_end);
  self->legacy_start = self->legacy_end = NULL;
}

static void
on_description_view_paste_clipboard_cb (KhTaskDialog *self,
                                        GtkTextView  *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  /* A paste replaces the selection: it starts where the selection does. */
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (self->paste_start == NULL)
    self->paste_start = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, self->paste_start, &start);
}

static void
on_description_buffer_paste_done_cb (KhTaskDialog  *self,
                                     GdkClipboard  *clipboard,
                                     GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  GtkTextIter start, end;

  if (self->paste_start == NULL)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, self->paste_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, gtk_text_buffer_get_insert (buffer));
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  hide_legacy_offer (self);
  self->legacy_encoding = kh_legacy_detect (text);
  if (self->legacy_encoding == KH_LEGACY_NONE)
    return;

  self->legacy_start = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  self->legacy_end = gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE);

  /* Translators: %s is an old Vietnamese encoding, “TCVN3 (ABC)” or “VNI” */
  message = g_strdup_printf (_("The pasted text seems typed in %s, an old Vietnamese font encoding. Convert it to Unicode?"),
                             kh_legacy_name (self->legacy_encoding));
  gtk_label_set_text (self->legacy_label, message);
  gtk_widget_set_visible (self->legacy_box, TRUE);
}

static void
on_legacy_convert_button_clicked_cb (KhTaskDialog *self,
                                     GtkButton    *button)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autofree char *text = NULL;
  g_autofree char *converted = NULL;
  GtkTextIter start, end;

  if (self->legacy_start == NULL || self->legacy_end == NULL)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, self->legacy_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->legacy_end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  converted = kh_legacy_convert (text, self->legacy_encoding);

  /* One step for undo. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, converted, -1);
  gtk_text_buffer_end_user_action (buffer);

  hide_legacy_offer (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->description_view));
}

static void
on_legacy_keep_button_clicked_cb (KhTaskDialog *self,
                                  GtkButton    *button)
{
  hide_legacy_offer (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->description_view));
}

static void
task_save_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  save (KH_TASK_DIALOG (widget));
}

/* GObject */

static void
kh_task_dialog_dispose (GObject *object)
{
  KhTaskDialog *self = KH_TASK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_TASK_DIALOG);

  g_clear_object (&self->store);
  g_clear_pointer (&self->task, kh_task_free);
  g_clear_pointer (&self->lead_ids, g_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->support_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_task_dialog_parent_class)->dispose (object);
}

static void
kh_task_dialog_class_init (KhTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_task_dialog_dispose;

  /**
   * KhTaskDialog::saved:
   * @task_id: the id of the task as stored
   *
   * The task was written to the store; the dialog closes next.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-task-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, legacy_box);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, legacy_label);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, supports_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, rhythm_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, deadline_error_label);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, target_spin);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, progress_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, progress_spin);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, done_row);
  gtk_widget_class_bind_template_child (widget_class, KhTaskDialog, done_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_legacy_convert_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_legacy_keep_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "task.save", NULL, task_save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "task.save", NULL);
}

static void
kh_task_dialog_init (KhTaskDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->lead_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_indicator_free);
  self->support_checks = g_ptr_array_new ();

  g_signal_connect_object (self->lead_row, "notify::selected",
                           G_CALLBACK (on_lead_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rhythm_row, "notify::selected",
                           G_CALLBACK (on_rhythm_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->indicator_row, "notify::selected",
                           G_CALLBACK (on_indicator_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected",
                           G_CALLBACK (on_status_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "changed",
                           G_CALLBACK (on_title_row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deadline_row, "changed",
                           G_CALLBACK (on_deadline_row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->done_row, "changed",
                           G_CALLBACK (on_done_row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->description_view, "paste-clipboard",
                           G_CALLBACK (on_description_view_paste_clipboard_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "paste-done",
                           G_CALLBACK (on_description_buffer_paste_done_cb), self, G_CONNECT_SWAPPED);
}

KhTaskDialog *
kh_task_dialog_new (KhStore *store,
                    gint64   plan_id,
                    gint64   task_id,
                    gint64   lead_department_id)
{
  KhTaskDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != 0, NULL);

  self = g_object_new (KH_TYPE_TASK_DIALOG, NULL);
  self->store = g_object_ref (store);

  if (task_id != 0 && !(self->task = kh_store_get_task (store, task_id, &error)))
    set_error (self, error->message);
  if (self->task == NULL)
    {
      self->task = kh_task_new (plan_id, "", lead_department_id);
      task_id = 0;
    }

  gtk_window_set_title (GTK_WINDOW (self), task_id ? _("Edit Task") : _("New Task"));
  adw_window_title_set_title (self->window_title, task_id ? _("Edit Task") : _("New Task"));
  gtk_button_set_label (self->save_button, task_id ? _("_Save") : _("_Add"));

  show_task (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}

gint64
kh_task_dialog_get_task_id (KhTaskDialog *self)
{
  g_return_val_if_fail (KH_IS_TASK_DIALOG (self), 0);

  return self->task->id;
}
