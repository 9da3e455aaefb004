/* kh-result-dialog.c — records one result, or edits one (quick entry)
 *
 * A modal window over the main window, made for entering a stack of
 * results from the keyboard: department, task (those the department
 * leads or supports, or work outside the plan's tasks), date (today by
 * default), indicator and quantity (the task's indicator preselected),
 * what was done and optional evidence.
 *
 * Enter saves and closes (Ctrl+Enter from the description); Shift+Enter
 * or Alt+A saves and starts the next entry with the same department,
 * task and date; Escape closes. What core refuses is said at the top
 * and nothing typed is lost. The window remembers the last department
 * and task, so the next opening starts where the clerk left off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-result-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-result.h"
#include "kh-task.h"
#include "kh-text.h"
#include "kh-vn-format.h"

#include "kh-application.h"
#include "kh-gtk-util.h"
#include "kh-result-dialog.h"

/* Where the window keeps the last department and task (gint64 *). */
#define LAST_DEPARTMENT "kh-result-dialog-last-department"
#define LAST_TASK       "kh-result-dialog-last-task"

struct _KhResultDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwPreferencesGroup *message_group;
  GtkLabel            *message_label;
  AdwComboRow         *department_row;
  AdwComboRow         *task_row;
  AdwEntryRow         *date_row;
  GtkLabel            *date_error_label;
  AdwComboRow         *indicator_row;
  AdwActionRow        *quantity_row;
  GtkSpinButton       *quantity_spin;
  GtkTextView         *description_view;
  AdwEntryRow         *evidence_row;
  AdwPreferencesGroup *another_group;

  /* Borrowed */
  KhWindow            *window;          /* weak */

  /* Owned */
  KhStore             *store;
  KhResult            *result;          /* as loaded, or a new one */
  GArray              *department_ids;  /* gint64 per department_row item */
  GPtrArray           *tasks;           /* KhTask per task_row item after “Outside” */
  GPtrArray           *indicators;      /* KhIndicator per indicator_row item after “None” */
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KhResultDialog, kh_result_dialog, ADW_TYPE_WINDOW)

/* Helpers */

static gint64
window_get_id (KhWindow   *window,
               const char *key)
{
  gint64 *id = window ? g_object_get_data (G_OBJECT (window), key) : NULL;

  return id ? *id : 0;
}

static void
window_set_id (KhWindow   *window,
               const char *key,
               gint64      id)
{
  if (window != NULL)
    g_object_set_data_full (G_OBJECT (window), key, g_memdup2 (&id, sizeof id), g_free);
}

static gint64
selected_department (KhResultDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->department_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->department_ids->len)
    return 0;
  return g_array_index (self->department_ids, gint64, selected);
}

static const KhTask *
selected_task (KhResultDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->task_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->tasks->len)
    return NULL;
  return g_ptr_array_index (self->tasks, selected - 1);
}

static const KhIndicator *
selected_indicator (KhResultDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->indicator_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->indicators->len)
    return NULL;
  return g_ptr_array_index (self->indicators, selected - 1);
}

static void
set_message (KhResultDialog *self,
             const char     *message,
             gboolean        is_error)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_group), message != NULL);
}

static void
clear_marks (KhResultDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->department_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->indicator_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quantity_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->description_view), "error");
}

/* Reads the date row, marking it and saying why when it is not a date. */
static gboolean
parse_date_row (KhResultDialog *self,
                GDate          *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;

  g_date_clear (date, 1);
  if (kh_text_is_blank (text))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), FALSE);
      return TRUE;   /* core says a date is needed */
    }

  if (kh_parse_date (text, date, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), FALSE);
      return TRUE;
    }

  gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_label_set_text (self->date_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), TRUE);
  return FALSE;
}

static void
set_description (KhResultDialog *self,
                 const char     *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);

  /* Undo starts from the text shown, not from an empty one. */
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

static char *
get_description (KhResultDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What shows and what not */

static void
update_quantity (KhResultDialog *self)
{
  const KhIndicator *indicator = selected_indicator (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->quantity_row), indicator != NULL);
  adw_action_row_set_subtitle (self->quantity_row,
                               indicator && indicator->unit ? indicator->unit : "");
}

static void
select_indicator (KhResultDialog *self,
                  gint64          indicator_id)
{
  guint selected = 0;

  for (guint i = 0; i < self->indicators->len; i++)
    if (((KhIndicator *)self->indicators->pdata[i])->id == indicator_id)
      selected = i + 1;

  adw_combo_row_set_selected (self->indicator_row, selected);
  update_quantity (self);
}

/* The tasks the department leads or supports; keeps `task_id` selected
 * if it is one of them, else the first task it leads. */
static void
fill_tasks (KhResultDialog *self,
            gint64          task_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 department_id = selected_department (self);
  guint selected = 0;
  guint first_led = 0;

  g_ptr_array_set_size (self->tasks, 0);
  gtk_string_list_append (names, _("Outside the plan’s tasks"));

  if (department_id != 0 &&
      !(tasks = kh_store_list_tasks (self->store, self->result->plan_id, department_id, &error)))
    set_message (self, error->message, TRUE);

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      KhTask *task = g_ptr_array_index (tasks, i);

      g_ptr_array_add (self->tasks, kh_task_copy (task));
      gtk_string_list_append (names, task->title);
      if (task->id == task_id)
        selected = self->tasks->len;
      if (first_led == 0 && task->lead_department_id == department_id)
        first_led = self->tasks->len;
    }

  adw_combo_row_set_model (self->task_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->task_row, task_id > 0 && selected > 0 ? selected
                                              : task_id < 0 ? 0 : first_led);
}

/* Loading */

static void
fill_departments (KhResultDialog *self,
                  gint64          department_id)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  if (!(departments = kh_store_list_departments (self->store, TRUE, &error)))
    {
      set_message (self, error->message, TRUE);
      return;
    }

  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (departments, i);
      gint64 id = kh_department_get_id (department);

      /* An archived department keeps the results it already had. */
      if (kh_department_get_archived (department) && id != department_id)
        continue;
      if (id == department_id)
        selected = self->department_ids->len;
      gtk_string_list_append (names, kh_department_get_name (department));
      g_array_append_val (self->department_ids, id);
    }

  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (names));
  if (self->department_ids->len == 0)
    set_message (self, _("The agency has no departments yet. Add them in Preferences first."), TRUE);
  adw_combo_row_set_selected (self->department_row, selected);
}

static void
fill_indicators (KhResultDialog *self)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!(indicators = kh_store_list_indicators (self->store, TRUE, &error)))
    {
      set_message (self, error->message, TRUE);
      return;
    }

  /* Translators: no indicator: the result counts nothing */
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < indicators->len; i++)
    {
      KhIndicator *indicator = g_ptr_array_index (indicators, i);

      if (indicator->archived && indicator->id != self->result->indicator_id)
        continue;
      gtk_string_list_append (names, indicator->name);
      g_ptr_array_add (self->indicators, kh_indicator_copy (indicator));
    }

  adw_combo_row_set_model (self->indicator_row, G_LIST_MODEL (names));
}

/* task_id: the task to select; -1 for work outside the plan's tasks,
 * 0 for the department's first task. */
static void
show_result (KhResultDialog *self,
             gint64          task_id)
{
  const KhResult *result = self->result;
  g_autofree char *date = g_date_valid (&result->done_on) ? kh_format_date_short (&result->done_on) : NULL;
  const KhTask *task;

  fill_indicators (self);
  fill_departments (self, result->department_id);
  fill_tasks (self, task_id);

  task = selected_task (self);
  if (result->id != 0)
    select_indicator (self, result->indicator_id);
  else
    select_indicator (self, task ? task->indicator_id : 0);
  gtk_spin_button_set_value (self->quantity_spin, result->quantity);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  set_description (self, result->description);
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_row), result->evidence ? result->evidence : "");
}

/* Saving */

static KhResult *
read_result (KhResultDialog *self)
{
  g_autoptr(KhResult) result = kh_result_copy (self->result);
  const KhTask *task = selected_task (self);
  const KhIndicator *indicator = selected_indicator (self);
  GDate date;

  if (!parse_date_row (self, &date))
    return NULL;

  result->department_id = selected_department (self);
  result->task_id = task ? task->id : 0;
  result->done_on = date;
  result->indicator_id = indicator ? indicator->id : 0;
  result->quantity = indicator ? gtk_spin_button_get_value (self->quantity_spin) : 0;

  g_free (result->description);
  result->description = get_description (self);
  g_free (result->evidence);
  result->evidence = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->evidence_row)));

  return g_steal_pointer (&result);
}

/* Marks the row core's message is about, when it is plain which. */
static GtkWidget *
find_culprit (KhResultDialog *self,
              const KhResult *result)
{
  if (result->department_id == 0)
    return GTK_WIDGET (self->department_row);
  if (!g_date_valid (&result->done_on))
    return GTK_WIDGET (self->date_row);
  if ((result->indicator_id != 0 && result->quantity <= 0) || result->quantity < 0 ||
      result->quantity > KH_RESULT_QUANTITY_MAX)
    return GTK_WIDGET (self->quantity_row);
  if (result->indicator_id == 0 && kh_text_is_blank (result->description))
    return GTK_WIDGET (self->description_view);
  return NULL;
}

/* The next entry: same department, task and date; the rest cleared. */
static void
start_next (KhResultDialog *self,
            const KhResult *saved)
{
  const KhTask *task = selected_task (self);
  g_autoptr(KhIndicator) indicator = NULL;
  g_autofree char *message = NULL;

  if (saved->indicator_id != 0)
    indicator = kh_store_get_indicator (self->store, saved->indicator_id, NULL);
  if (indicator != NULL)
    {
      g_autofree char *quantity = kh_indicator_format_quantity (indicator, saved->quantity);
      /* Translators: %s is what the result counts, e.g. “viết 05 tin, bài” */
      message = g_strdup_printf (_("Recorded: %s. Enter the next result."), quantity);
    }
  else
    message = g_strdup (_("Recorded. Enter the next result."));
  set_message (self, message, FALSE);

  self->result->id = 0;
  select_indicator (self, task ? task->indicator_id : 0);
  gtk_spin_button_set_value (self->quantity_spin, 0);
  set_description (self, "");
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_row), "");

  if (selected_indicator (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->quantity_spin));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->description_view));
}

static void
save (KhResultDialog *self,
      gboolean        another)
{
  g_autoptr(KhResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KhApplication *application;
  gint64 id;

  gtk_spin_button_update (self->quantity_spin);
  clear_marks (self);

  if (!(result = read_result (self)))
    {
      set_message (self, _("The date cannot be read. Write it as day/month/year, for example 15/3/2024."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }

  if (result->id != 0)
    id = kh_store_update_result (self->store, result, &error) ? result->id : 0;
  else
    id = kh_store_add_result (self->store, result, &error);

  if (id == 0)
    {
      GtkWidget *culprit = find_culprit (self, result);

      set_message (self, error->message, TRUE);
      if (culprit == NULL && g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID) &&
          g_date_valid (&result->done_on))
        culprit = GTK_WIDGET (self->date_row);   /* outside the plan's year */
      if (culprit != NULL)
        {
          gtk_widget_add_css_class (culprit, "error");
          gtk_widget_grab_focus (culprit);
        }
      return;
    }

  result->id = id;
  window_set_id (self->window, LAST_DEPARTMENT, result->department_id);
  window_set_id (self->window, LAST_TASK, result->task_id != 0 ? result->task_id : -1);

  application = self->window ? kh_window_get_application (self->window) : NULL;
  if (application != NULL)
    kh_application_store_changed (application);
  g_signal_emit (self, signals[SAVED], 0, id);

  if (another && self->result->id == 0)
    {
      start_next (self, result);
      return;
    }

  if (self->window != NULL && self->result->id == 0)
    kh_window_add_toast (self->window, adw_toast_new (_("Result recorded")));
  gtk_window_close (GTK_WINDOW (self));
}

/* Callbacks */

static void
on_department_row_notify_selected_cb (KhResultDialog *self)
{
  const KhTask *task;

  gtk_widget_remove_css_class (GTK_WIDGET (self->department_row), "error");
  if (self->department_ids->len == 0)
    return;

  fill_tasks (self, 0);
  task = selected_task (self);
  select_indicator (self, task ? task->indicator_id : 0);
}

static void
on_task_row_notify_selected_cb (KhResultDialog *self)
{
  const KhTask *task = selected_task (self);

  if (task != NULL && task->indicator_id != 0)
    select_indicator (self, task->indicator_id);
}

static void
on_indicator_row_notify_selected_cb (KhResultDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->indicator_row), "error");
  update_quantity (self);
}

static void
on_date_row_changed_cb (KhResultDialog *self)
{
  GDate date;

  (void)parse_date_row (self, &date);
}

static void
on_quantity_spin_value_changed_cb (KhResultDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->quantity_row), "error");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (KH_RESULT_DIALOG (widget), FALSE);
}

static void
save_another_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KhResultDialog *self = KH_RESULT_DIALOG (widget);

  save (self, self->result->id == 0);
}

/* GObject */

static void
kh_result_dialog_dispose (GObject *object)
{
  KhResultDialog *self = KH_RESULT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_RESULT_DIALOG);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->store);
  g_clear_pointer (&self->result, kh_result_free);
  g_clear_pointer (&self->department_ids, g_array_unref);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_result_dialog_parent_class)->dispose (object);
}

static void
kh_result_dialog_class_init (KhResultDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_result_dialog_dispose;

  /**
   * KhResultDialog::saved:
   * @result_id: the id of the result as stored
   *
   * A result was written to the store (the dialog may stay open for the
   * next one).
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-result-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, message_group);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, task_row);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, KhResultDialog, another_group);

  gtk_widget_class_install_action (widget_class, "result.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "result.save-another", NULL, save_another_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "result.save", NULL);
}

static void
add_capture_shortcut (GtkShortcutController *controller,
                      guint                  keyval,
                      GdkModifierType        modifiers,
                      const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

static void
kh_result_dialog_init (KhResultDialog *self)
{
  GtkEventController *shortcuts;
  GtkEditable *delegate;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_task_free);
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_indicator_free);

  /* Before the focused widget sees them: Ctrl+Enter saves even from the
   * description, where Enter starts a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Return, GDK_CONTROL_MASK, "result.save");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "result.save");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Return, GDK_SHIFT_MASK, "result.save-another");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "result.save-another");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_a, GDK_ALT_MASK, "result.save-another");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_object (self->department_row, "notify::selected",
                           G_CALLBACK (on_department_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->task_row, "notify::selected",
                           G_CALLBACK (on_task_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->indicator_row, "notify::selected",
                           G_CALLBACK (on_indicator_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "changed",
                           G_CALLBACK (on_date_row_changed_cb), self, G_CONNECT_SWAPPED);
  /* Enter in the quantity saves, as in the other fields. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->quantity_spin));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_activates_default (GTK_TEXT (delegate), TRUE);
  g_signal_connect_object (self->quantity_spin, "value-changed",
                           G_CALLBACK (on_quantity_spin_value_changed_cb), self, G_CONNECT_SWAPPED);
}

/* A dialog over `window` for its plan: a new result (result_id 0),
 * starting with the last department and task recorded in the window,
 * or one to edit. */
KhResultDialog *
kh_result_dialog_new (KhWindow *window,
                      gint64    result_id)
{
  KhResultDialog *self;
  KhApplication *application;
  KhStore *store;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KH_IS_WINDOW (window), NULL);

  application = kh_window_get_application (window);
  store = application ? kh_application_get_store (application) : NULL;
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_RESULT_DIALOG,
                       "transient-for", window,
                       "application", application,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (store);

  if (result_id != 0)
    self->result = kh_store_get_result (store, result_id, &error);

  if (self->result != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Result"));
      gtk_widget_set_visible (GTK_WIDGET (self->another_group), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "result.save-another", FALSE);
      show_result (self, self->result->task_id != 0 ? self->result->task_id : -1);
    }
  else
    {
      GDate today;

      kh_today (&today);
      self->result = kh_result_new (kh_window_get_plan_id (window),
                                    window_get_id (window, LAST_DEPARTMENT), &today, "");
      adw_window_title_set_title (self->window_title, _("Record a Result"));
      show_result (self, window_get_id (window, LAST_TASK));
      if (error != NULL)
        set_message (self, error->message, TRUE);
    }

  return self;
}

/* Starts a new result with this department (e.g. the results page's
 * filter), its first task selected. */
void
kh_result_dialog_set_department (KhResultDialog *self,
                                 gint64          department_id)
{
  g_return_if_fail (KH_IS_RESULT_DIALOG (self));

  for (guint i = 0; i < self->department_ids->len; i++)
    if (g_array_index (self->department_ids, gint64, i) == department_id)
      adw_combo_row_set_selected (self->department_row, i);
}
