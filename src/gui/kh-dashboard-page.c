/* kh-dashboard-page.c — the leader's view of the plan (Tổng quan)
 *
 * For the window's plan and a period: the share of tasks done, a bar of
 * done / in progress / overdue / not started per department, each
 * indicator against its target, the results per month, and the tasks
 * overdue or due in the next 14 days. Everything leads to what is
 * behind it: a department to its tasks, an indicator or a month to its
 * results, a task to its dialog.
 *
 * The figures are computed in a worker thread on a connection of its
 * own (kh_store_open on the same file), with a spinner meanwhile; a
 * computation started before the period or the data changed again is
 * dropped when it ends. "Today" is the real one unless KEHOACH_TODAY
 * fixes it (see kh_today()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-dashboard.h"
#include "kh-plan.h"
#include "kh-vn-format.h"

#include "kh-application.h"
#include "kh-chart-widget.h"
#include "kh-store-task.h"
#include "kh-dashboard-export.h"
#include "kh-dashboard-page.h"
#include "kh-gtk-util.h"
#include "kh-list-row.h"
#include "kh-text-column.h"
#include "kh-scrolled-content.h"
#include "kh-results-page.h"
#include "kh-task-dialog.h"
#include "kh-tasks-page.h"
#include "kh-view.h"
#include "kh-window.h"

/* Wider than this, the two task lists sit side by side. */
#define LISTS_SIDE_BY_SIDE 760

struct _KhDashboardPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkDropDown    *period_dropdown;
  GtkSpinner     *spinner;
  GtkLabel       *as_of_label;
  GtkButton      *export_button;
  GtkLabel       *done_label;
  GtkLabel       *tasks_label;
  GtkLabel       *breakdown_label;
  GtkBox         *departments_box;
  GtkBox         *indicators_box;
  GtkBox         *months_box;
  GtkBox         *lists_box;
  GtkListBox     *overdue_list;
  GtkListBox     *due_list;

  /* Owned */
  KhStore        *store;
  KhDashboard    *dashboard;       /* the figures shown */
  GArray         *indicator_ids;   /* gint64 per row of the indicators chart */
  GCancellable   *cancellable;     /* the computation under way */
  GtkWidget      *department_chart;
  GtkWidget      *indicator_chart;
  GtkWidget      *months_chart;
  GtkWidget      *no_indicators_label;
  GtkNativeDialog *file_chooser;   /* GTK 4.8 only */
  GFile          *export_file;     /* being written */

  gint64          plan_id;
  int             plan_year;
  guint           generation;      /* of the latest computation asked for */
  guint           orientation_idle;
  gboolean        exporting;
  gboolean        loading;
};

static void kh_dashboard_page_view_iface_init (KhViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhDashboardPage, kh_dashboard_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (KH_TYPE_VIEW, kh_dashboard_page_view_iface_init))

typedef struct
{
  char     *path;
  gint64    plan_id;
  KhPeriod  period;
  GDate     today;
  guint     generation;
} Job;

static void compute (KhDashboardPage *self);

/* Helpers */

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job);
}

static KhWindow *
get_window (KhDashboardPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KH_IS_WINDOW (root) ? KH_WINDOW (root) : NULL;
}

static void
show_error (KhDashboardPage *self,
            const GError    *error)
{
  if (get_window (self) == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  kh_window_show_error_for (GTK_WIDGET (self), error);
}

static void
update_busy (KhDashboardPage *self)
{
  gboolean busy = self->cancellable != NULL || self->exporting;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export",
                                 self->dashboard != NULL && !self->exporting);
}

/* The plan's header (year, title) without its sections: the text may be
 * long, and the page reloads after every change. */
static KhPlan *
load_plan_header (KhStore  *store,
                  gint64    plan_id,
                  GError  **error)
{
  g_autoptr(GPtrArray) plans = kh_store_list_plans (store, error);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    if (((KhPlan *)plans->pdata[i])->id == plan_id)
      return kh_plan_copy (plans->pdata[i]);

  if (plans != NULL)
    g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND, _("The plan no longer exists."));
  return NULL;
}

/* The period whose figures are shown, from the dropdown. */
static gboolean
get_period (KhDashboardPage *self,
            KhPeriod        *period)
{
  KhPeriodKind kind = (KhPeriodKind)gtk_drop_down_get_selected (self->period_dropdown);

  if (kind > KH_PERIOD_YEAR)
    kind = KH_PERIOD_YEAR;
  return kh_store_init_period (self->store, period, kind, self->plan_year, NULL);
}

/* The quarter of today in this year's plan; the whole year otherwise. */
static KhPeriodKind
default_period (KhDashboardPage *self)
{
  GDate today;

  kh_today (&today);
  for (KhPeriodKind kind = KH_PERIOD_Q1; kind <= KH_PERIOD_Q4; kind++)
    {
      KhPeriod period;

      if (kh_store_init_period (self->store, &period, kind, self->plan_year, NULL) &&
          kh_period_contains (&period, &today))
        return kind;
    }

  return KH_PERIOD_YEAR;
}

/* Showing */

static GtkWidget *
task_row_new (const KhDashboardTask *task,
              gboolean               overdue)
{
  GtkWidget *row = kh_list_row_new ();
  g_autofree char *due = kh_format_date_short (&task->due_on);
  g_autofree char *subtitle = NULL;
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  if (overdue)
    /* Translators: an overdue task: its lead department, deadline and progress */
    subtitle = g_strdup_printf (_("%s · was due %s · %d%% done"), task->department_name, due,
                                (int)(task->progress + 0.5));
  else
    /* Translators: a task due soon: its lead department, deadline and progress */
    subtitle = g_strdup_printf (_("%s · due %s · %d%% done"), task->department_name, due,
                                (int)(task->progress + 0.5));

  kh_list_row_set_title (KH_LIST_ROW (row), task->title);
  kh_list_row_set_title_lines (KH_LIST_ROW (row), 2);
  kh_list_row_set_subtitle (KH_LIST_ROW (row), subtitle);
  kh_list_row_set_subtitle_lines (KH_LIST_ROW (row), 2);
  kh_list_row_add_suffix (KH_LIST_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "kh-task-id", g_memdup2 (&task->task_id, sizeof task->task_id), g_free);
  return row;
}

static void
show_tasks (GtkListBox *list,
            GPtrArray  *tasks,
            gboolean    overdue)
{
  kh_list_box_remove_all (list);
  for (guint i = 0; i < tasks->len; i++)
    gtk_list_box_append (list, task_row_new (g_ptr_array_index (tasks, i), overdue));
}

static void
show_headline (KhDashboardPage   *self,
               const KhDashboard *dashboard)
{
  g_autofree char *share = g_strdup_printf ("%d%%", (int)(dashboard->done_share * 100 + 0.5));
  g_autofree char *tasks = g_strdup_printf (ngettext ("%u of %u task done", "%u of %u tasks done",
                                                      dashboard->n_tasks),
                                            dashboard->n_done, dashboard->n_tasks);
  g_autofree char *breakdown = NULL;
  g_autofree char *results = g_strdup_printf (ngettext ("%u result recorded in the period",
                                                        "%u results recorded in the period",
                                                        dashboard->n_results),
                                              dashboard->n_results);
  g_autofree char *as_of = kh_format_date_short (&dashboard->as_of);
  g_autofree char *as_of_text = NULL;
  g_autofree char *label = NULL;

  /* Translators: the tasks by state: on time, late, overdue, within time */
  breakdown = g_strdup_printf (_("%u done on time · %u done late · %u overdue · %u not done, within time\n%s"),
                               dashboard->n_done_on_time, dashboard->n_done_late,
                               dashboard->n_overdue, dashboard->n_within_time, results);
  gtk_label_set_text (self->done_label, share);
  gtk_label_set_text (self->tasks_label, tasks);
  gtk_label_set_text (self->breakdown_label, breakdown);

  /* Translators: the day the tasks are counted on, e.g. “Tasks as of 31/03/2024” */
  as_of_text = g_strdup_printf (_("Tasks as of %s"), as_of);
  gtk_label_set_text (self->as_of_label, as_of_text);

  /* Translators: the accessible name of the big percentage */
  label = g_strdup_printf (_("%s of the tasks done"), share);
  kh_widget_set_accessible_label (GTK_WIDGET (self->done_label), label);
}

static void
show_dashboard (KhDashboardPage *self)
{
  const KhDashboard *dashboard = self->dashboard;
  g_autofree KhChartStackRow *stack = NULL;
  g_autofree KhChartProgressRow *progress = NULL;
  g_autofree KhChartProgressRow *shown = NULL;
  double months[12];
  guint n_stack, n_progress, n_shown = 0;

  show_headline (self, dashboard);

  stack = kh_dashboard_stack_rows (dashboard, &n_stack);
  kh_chart_widget_set_stack (KH_CHART_WIDGET (self->department_chart), stack, n_stack);

  /* Indicators with neither a target nor a result are left out. */
  progress = kh_dashboard_progress_rows (dashboard, TRUE, &n_progress);
  shown = g_new0 (KhChartProgressRow, MAX (n_progress, 1));
  g_array_set_size (self->indicator_ids, 0);
  for (guint i = 0; i < n_progress; i++)
    {
      const KhDashboardIndicator *indicator = g_ptr_array_index (dashboard->indicators, i);

      if (progress[i].target <= 0 && progress[i].achieved <= 0 && indicator->achieved <= 0)
        continue;
      shown[n_shown++] = progress[i];
      g_array_append_val (self->indicator_ids, indicator->indicator_id);
    }
  kh_chart_widget_set_progress (KH_CHART_WIDGET (self->indicator_chart), shown, n_shown);
  gtk_widget_set_visible (self->indicator_chart, n_shown > 0);
  gtk_widget_set_visible (self->no_indicators_label, n_shown == 0);

  kh_dashboard_month_values (dashboard, 0, months);
  kh_chart_widget_set_months (KH_CHART_WIDGET (self->months_chart), months, NULL);

  show_tasks (self->overdue_list, dashboard->overdue, TRUE);
  show_tasks (self->due_list, dashboard->due_soon, FALSE);

  update_busy (self);
}

/* Computing */

static gpointer
compute_dashboard (KhStore  *store,
                   gpointer  data,
                   GError  **error)
{
  Job *job = data;

  return kh_store_compute_dashboard (store, job->plan_id, &job->period, &job->today, error);
}

static void
on_compute_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KhDashboardPage *self = KH_DASHBOARD_PAGE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  KhDashboard *dashboard = g_task_propagate_pointer (G_TASK (result), &error);

  /* Stale: the period or the data changed since it started. */
  if (job->generation != self->generation)
    {
      g_clear_pointer (&dashboard, kh_dashboard_free);
      return;
    }

  g_clear_object (&self->cancellable);
  if (dashboard == NULL)
    {
      update_busy (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  g_clear_pointer (&self->dashboard, kh_dashboard_free);
  self->dashboard = dashboard;
  show_dashboard (self);
}

static void
compute (KhDashboardPage *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->store == NULL || self->plan_id == 0)
    return;

  job = g_new0 (Job, 1);
  job->path = g_strdup (kh_store_get_path (self->store));
  job->plan_id = self->plan_id;
  job->generation = ++self->generation;
  kh_today (&job->today);
  if (!get_period (self, &job->period))
    {
      job_free (job);
      return;
    }

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, on_compute_done_cb, NULL);
  g_task_set_source_tag (task, compute);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_set_return_on_cancel (task, TRUE);
  kh_store_task_run_in_thread (task, job->path, compute_dashboard, (GDestroyNotify)kh_dashboard_free);

  update_busy (self);
}

static void
kh_dashboard_page_reload (KhView  *view,
                          KhStore *store,
                          gint64   plan_id)
{
  KhDashboardPage *self = KH_DASHBOARD_PAGE (view);
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_set_object (&self->store, store);

  if (plan_id == 0)
    {
      self->plan_id = 0;
      self->generation++;
      gtk_stack_set_visible_child_name (self->stack, "no-plan");
      return;
    }

  if (!(plan = load_plan_header (store, plan_id, &error)))
    {
      show_error (self, error);
      return;
    }

  if (plan_id != self->plan_id)
    {
      self->plan_id = plan_id;
      self->plan_year = plan->year;
      self->loading = TRUE;
      gtk_drop_down_set_selected (self->period_dropdown, default_period (self));
      self->loading = FALSE;
    }
  self->plan_year = plan->year;

  gtk_stack_set_visible_child_name (self->stack, "dashboard");
  compute (self);
}

static void
kh_dashboard_page_view_iface_init (KhViewInterface *iface)
{
  iface->reload = kh_dashboard_page_reload;
}

/* Going to what is behind a figure */

static GtkWidget *
show_view (KhDashboardPage *self,
           const char      *name)
{
  KhWindow *window = get_window (self);
  GtkWidget *view = window ? kh_window_get_view (window, name) : NULL;

  if (view != NULL)
    kh_window_show_view (window, name);
  return view;
}

static void
on_department_chart_row_activated_cb (KhDashboardPage *self,
                                      guint            row)
{
  const KhDashboardDepartment *department;
  GtkWidget *tasks;

  if (self->dashboard == NULL || row >= self->dashboard->departments->len)
    return;

  department = g_ptr_array_index (self->dashboard->departments, row);
  tasks = show_view (self, "tasks");
  if (KH_IS_TASKS_PAGE (tasks))
    kh_tasks_page_show_department (KH_TASKS_PAGE (tasks), department->department_id);
}

static void
on_indicator_chart_row_activated_cb (KhDashboardPage *self,
                                     guint            row)
{
  GtkWidget *results;

  if (self->dashboard == NULL || row >= self->indicator_ids->len)
    return;

  results = show_view (self, "results");
  if (KH_IS_RESULTS_PAGE (results))
    kh_results_page_set_filter (KH_RESULTS_PAGE (results), &self->dashboard->period,
                                0, g_array_index (self->indicator_ids, gint64, row));
}

/* A month of the plan's year, closed on the agency's cut-off day. */
static void
on_months_chart_row_activated_cb (KhDashboardPage *self,
                                  guint            month)
{
  const KhDashboard *dashboard = self->dashboard;
  GtkWidget *results;
  KhPeriod period;
  GDate start, end;

  if (dashboard == NULL || month > 11)
    return;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  if (dashboard->cutoff_day > 0)
    {
      if (month == 0)
        g_date_set_dmy (&start, dashboard->cutoff_day + 1, G_DATE_DECEMBER, dashboard->year - 1);
      else
        g_date_set_dmy (&start, dashboard->cutoff_day + 1, month, dashboard->year);
      g_date_set_dmy (&end, dashboard->cutoff_day, month + 1, dashboard->year);
    }
  else
    {
      g_date_set_dmy (&start, 1, month + 1, dashboard->year);
      g_date_set_dmy (&end, g_date_get_days_in_month (month + 1, dashboard->year),
                      month + 1, dashboard->year);
    }

  if (!kh_period_init_range (&period, &start, &end, NULL))
    return;

  results = show_view (self, "results");
  if (KH_IS_RESULTS_PAGE (results))
    kh_results_page_set_filter (KH_RESULTS_PAGE (results), &period, 0, 0);
}

static void
on_task_dialog_saved_cb (KhDashboardPage *self,
                         gint64           task_id,
                         KhTaskDialog    *dialog)
{
  KhWindow *window = get_window (self);

  if (window != NULL)
    kh_application_store_changed (kh_window_get_application (window));
}

static void
on_task_list_row_activated_cb (KhDashboardPage *self,
                               GtkListBoxRow   *row,
                               GtkListBox      *list)
{
  gint64 *task_id = g_object_get_data (G_OBJECT (row), "kh-task-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  KhTaskDialog *dialog;

  if (task_id == NULL || self->store == NULL)
    return;

  dialog = kh_task_dialog_new (self->store, self->plan_id, *task_id, 0);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (root)));
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_task_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_period_dropdown_notify_selected_cb (KhDashboardPage *self)
{
  if (!self->loading)
    compute (self);
}

/* Exporting */

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhDashboardPage) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->export_file);
  g_autoptr(GError) error = NULL;
  KhWindow *window = get_window (self);

  if (self->stack == NULL)   /* disposed meanwhile */
    return;

  self->exporting = FALSE;
  update_busy (self);

  if (!kh_dashboard_export_finish (result, &error))
    {
      show_error (self, error);
      return;
    }

  if (window != NULL)
    {
      g_autofree char *name = file ? g_file_get_basename (file) : NULL;
      /* Translators: %s is the file the dashboard was written to */
      g_autofree char *message = g_strdup_printf (_("Dashboard exported to “%s”"), name);

      kh_window_add_toast (window, kh_toast_new (message));
    }
}

static void
export_to (KhDashboardPage *self,
           GFile           *file)
{
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  KhDocument *document;
  GDate today;

  if (self->dashboard == NULL || self->store == NULL)
    return;

  if (!(agency = kh_store_load_agency (self->store, &error)) ||
      !(plan = load_plan_header (self->store, self->plan_id, &error)))
    {
      show_error (self, error);
      return;
    }

  kh_today (&today);
  document = kh_dashboard_export_document (self->dashboard, agency, plan->title, &today);
  self->exporting = TRUE;
  g_set_object (&self->export_file, file);
  update_busy (self);
  kh_dashboard_export_async (document, file, NULL, on_export_done_cb, g_object_ref (self));
}

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
on_file_dialog_save_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(KhDashboardPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    export_to (self, file);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
on_file_chooser_response_cb (KhDashboardPage *self,
                             int              response,
                             GtkNativeDialog *dialog)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        export_to (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->file_chooser);
}
#endif

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhDashboardPage *self = KH_DASHBOARD_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->dashboard == NULL || self->exporting)
    return;

  name = kh_dashboard_export_file_name (self->dashboard);

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export the Dashboard"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                          on_file_dialog_save_cb, g_object_ref (self));
  }
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  if (self->file_chooser == NULL)
    {
      GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Export the Dashboard"),
                                                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel"));

      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
      g_signal_connect_object (native, "response", G_CALLBACK (on_file_chooser_response_cb),
                               self, G_CONNECT_SWAPPED);
      self->file_chooser = GTK_NATIVE_DIALOG (native);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), name);
  gtk_native_dialog_show (self->file_chooser);
#endif
}

/* Adapting to the width */

static gboolean
update_orientation_cb (gpointer data)
{
  KhDashboardPage *self = data;
  gboolean wide = gtk_widget_get_width (GTK_WIDGET (self)) >= LISTS_SIDE_BY_SIDE;

  self->orientation_idle = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->lists_box),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  return G_SOURCE_REMOVE;
}

static void
kh_dashboard_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  KhDashboardPage *self = KH_DASHBOARD_PAGE (widget);
  GtkOrientation wanted = width >= LISTS_SIDE_BY_SIDE ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL;

  GTK_WIDGET_CLASS (kh_dashboard_page_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not during the allocation: on the next turn of the main loop. */
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->lists_box)) != wanted && self->orientation_idle == 0)
    self->orientation_idle = g_idle_add (update_orientation_cb, self);
}

/* GObject */

static void
kh_dashboard_page_dispose (GObject *object)
{
  KhDashboardPage *self = KH_DASHBOARD_PAGE (object);

  self->generation++;   /* what is still computing is dropped */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_file);
  g_clear_handle_id (&self->orientation_idle, g_source_remove);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_DASHBOARD_PAGE);

  g_clear_object (&self->store);
  g_clear_pointer (&self->dashboard, kh_dashboard_free);
  g_clear_pointer (&self->indicator_ids, g_array_unref);

  G_OBJECT_CLASS (kh_dashboard_page_parent_class)->dispose (object);
}

static void
kh_dashboard_page_class_init (KhDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_dashboard_page_dispose;
  widget_class->size_allocate = kh_dashboard_page_size_allocate;

  g_type_ensure (KH_TYPE_TEXT_COLUMN);
  g_type_ensure (KH_TYPE_SCROLLED_CONTENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, done_label);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, tasks_label);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, breakdown_label);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, departments_box);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, indicators_box);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, months_box);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, lists_box);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, KhDashboardPage, due_list);

  gtk_widget_class_install_action (widget_class, "dashboard.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "dashboard.export", NULL);
}

/* The legend of the departments' bars, in the chart's colours. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        color)
{
  KhChartStyle style = { adw_style_manager_get_dark (adw_style_manager_get_default ()), NULL };
  double rgb[3];

  kh_chart_get_color (&style, GPOINTER_TO_INT (color), rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static GtkWidget *
legend_new (void)
{
  const struct { KhChartColor color; const char *label; } items[] = {
    { KH_CHART_COLOR_DONE, N_("Done") },
    { KH_CHART_COLOR_IN_PROGRESS, N_("In progress") },
    { KH_CHART_COLOR_OVERDUE, N_("Overdue") },
    { KH_CHART_COLOR_NOT_STARTED, N_("Not started") },
  };
  GtkWidget *legend = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (legend), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (legend), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (legend), 18);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (legend), 2);
  gtk_widget_set_can_focus (legend, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                      GINT_TO_POINTER (items[i].color), NULL);
      g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                               G_CALLBACK (gtk_widget_queue_draw), swatch, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), gtk_label_new (_(items[i].label)));
      gtk_flow_box_append (GTK_FLOW_BOX (legend), box);
      gtk_widget_set_can_focus (gtk_widget_get_parent (box), FALSE);
    }

  return legend;
}

static GtkWidget *
chart_new (KhChartWidgetKind  kind,
           GtkBox            *box,
           const char        *accessible_label)
{
  GtkWidget *chart = kh_chart_widget_new (kind);

  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  kh_widget_set_accessible_label (chart, accessible_label);
  gtk_box_append (box, chart);
  return chart;
}

static void
kh_dashboard_page_init (KhDashboardPage *self)
{
  GtkWidget *legend;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->indicator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->department_chart = chart_new (KH_CHART_WIDGET_STACK, self->departments_box,
                                      _("Tasks by department"));
  legend = legend_new ();
  gtk_widget_set_margin_start (legend, 12);
  gtk_widget_set_margin_end (legend, 12);
  gtk_widget_set_margin_bottom (legend, 12);
  gtk_box_append (self->departments_box, legend);

  self->indicator_chart = chart_new (KH_CHART_WIDGET_PROGRESS, self->indicators_box,
                                     _("Indicators against their targets"));
  self->no_indicators_label = kh_placeholder_new (_("No targets and no results counted yet"));
  gtk_widget_set_visible (self->no_indicators_label, FALSE);
  gtk_box_append (self->indicators_box, self->no_indicators_label);

  self->months_chart = chart_new (KH_CHART_WIDGET_MONTHS, self->months_box,
                                  _("Results per month"));

  gtk_list_box_set_placeholder (self->overdue_list, kh_placeholder_new (_("No task is overdue")));
  gtk_list_box_set_placeholder (self->due_list, kh_placeholder_new (_("No task falls due in the next 14 days")));

  g_signal_connect_object (self->department_chart, "row-activated",
                           G_CALLBACK (on_department_chart_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->indicator_chart, "row-activated",
                           G_CALLBACK (on_indicator_chart_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->months_chart, "row-activated",
                           G_CALLBACK (on_months_chart_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overdue_list, "row-activated",
                           G_CALLBACK (on_task_list_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->due_list, "row-activated",
                           G_CALLBACK (on_task_list_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_dropdown, "notify::selected",
                           G_CALLBACK (on_period_dropdown_notify_selected_cb), self, G_CONNECT_SWAPPED);

  update_busy (self);
}

GtkWidget *
kh_dashboard_page_new (void)
{
  return g_object_new (KH_TYPE_DASHBOARD_PAGE, NULL);
}
