/* kh-results-page.c — the results recorded against the plan (Kết quả)
 *
 * The results of the window's plan, newest first, narrowed by period
 * (a quarter, the first six or nine months, the year or any range of
 * days), department, task (or work outside the plan's tasks) and
 * indicator. Activating a row edits the result in the quick-entry
 * dialog; a deleted result comes back from the toast's Undo.
 *
 * Every change goes to the store at once and then through
 * kh_application_store_changed(), so the dashboard and this page reload
 * like every other view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-dashboard.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-plan.h"
#include "kh-progress-results.h"
#include "kh-result.h"
#include "kh-task.h"
#include "kh-text.h"
#include "kh-vn-format.h"

#include "kh-application.h"
#include "kh-gtk-util.h"
#include "kh-result-dialog.h"
#include "kh-result-row.h"
#include "kh-results-page.h"
#include "kh-row-builder.h"
#include "kh-scrolled-content.h"
#include "kh-stall-monitor.h"
#include "kh-view.h"
#include "kh-window.h"

struct _KhResultsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkFlowBox         *filters_box;
  GtkDropDown        *period_dropdown;
  GtkDropDown        *department_dropdown;
  GtkDropDown        *task_dropdown;
  GtkDropDown        *indicator_dropdown;
  GtkRevealer        *range_revealer;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkLabel           *range_error_label;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListBox         *list_box;

  /* Owned */
  KhStore            *store;
  GHashTable         *department_names;  /* gint64 → name */
  GHashTable         *indicators;        /* gint64 → KhIndicator */
  GPtrArray          *tasks;             /* KhTask, the plan's order */
  GPtrArray          *results;           /* KhResult: all that match the filters */
  GtkWidget          *more_row;          /* shows the next rows; NULL when all are shown */
  GHashTable         *task_titles;       /* gint64 → title, borrowed from tasks */
  guint               n_rows;            /* result rows built */
  guint               rows_wanted;       /* result rows to build */
  KhRowBuilder        builder;           /* builds the rows up to rows_wanted */
  GCancellable       *query;             /* the list being read in a worker, or NULL */
  guint               query_slow_source; /* says "Loading…" if it takes long */
  GArray             *department_ids;    /* gint64 per dropdown item; 0: all */
  GArray             *task_ids;          /* 0: all, KH_RESULT_NO_TASK, or an id */
  GArray             *indicator_ids;     /* 0: all, or an id */

  gint64              plan_id;
  int                 year;
  gboolean            loading;
};

static void kh_results_page_view_iface_init (KhViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhResultsPage, kh_results_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (KH_TYPE_VIEW, kh_results_page_view_iface_init))

/* Helpers */

static gint64 *
id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static KhWindow *
get_window (KhResultsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KH_IS_WINDOW (root) ? KH_WINDOW (root) : NULL;
}

static void
changed (KhResultsPage *self)
{
  KhWindow *window = get_window (self);

  if (window != NULL)
    kh_application_store_changed (kh_window_get_application (window));
  else if (self->store != NULL)
    kh_view_reload (KH_VIEW (self), self->store, self->plan_id);
}

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static void
set_model (GtkDropDown   *dropdown,
           GtkStringList *names,
           GArray       **ids_field,
           GArray        *ids,
           gint64         selected)
{
  g_clear_pointer (ids_field, g_array_unref);
  *ids_field = g_array_copy (ids);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, find_id (ids, selected));
}

/* Long task titles: shortened on the button, wrapped in the list. */
static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  wrap)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      string ? gtk_string_object_get_string (string) : "");
}

static GtkListItemFactory *
label_factory_new (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), GINT_TO_POINTER (wrap));
  return factory;
}

static void
set_up_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = label_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = label_factory_new (TRUE);

  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
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

/* Filters */

static void
update_task_filter (KhResultsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 department_id = selected_id (self->department_dropdown, self->department_ids);
  gint64 selected = selected_id (self->task_dropdown, self->task_ids);
  gint64 all = 0, none = KH_RESULT_NO_TASK;

  gtk_string_list_append (names, _("All Tasks"));
  g_array_append_val (ids, all);
  gtk_string_list_append (names, _("Outside the plan’s tasks"));
  g_array_append_val (ids, none);

  for (guint i = 0; self->tasks != NULL && i < self->tasks->len; i++)
    {
      const KhTask *task = g_ptr_array_index (self->tasks, i);
      gboolean concerns = department_id == 0 || task->lead_department_id == department_id;

      for (guint s = 0; !concerns && task->support_ids && s < task->support_ids->len; s++)
        concerns = g_array_index (task->support_ids, gint64, s) == department_id;
      if (!concerns)
        continue;
      gtk_string_list_append (names, task->title);
      g_array_append_val (ids, task->id);
    }

  set_model (self->task_dropdown, names, &self->task_ids, ids, selected);
}

static void
update_filters (KhResultsPage *self,
                GPtrArray     *departments,
                GPtrArray     *indicators)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 department_id = selected_id (self->department_dropdown, self->department_ids);
  gint64 indicator_id = selected_id (self->indicator_dropdown, self->indicator_ids);
  gint64 all = 0;

  gtk_string_list_append (names, _("All Departments"));
  g_array_append_val (ids, all);
  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (departments, i);
      gint64 id = kh_department_get_id (department);

      if (kh_department_get_archived (department) && id != department_id)
        continue;
      gtk_string_list_append (names, kh_department_get_name (department));
      g_array_append_val (ids, id);
    }
  set_model (self->department_dropdown, names, &self->department_ids, ids, department_id);

  update_task_filter (self);

  g_clear_object (&names);
  names = gtk_string_list_new (NULL);
  g_array_set_size (ids, 0);
  gtk_string_list_append (names, _("All Indicators"));
  g_array_append_val (ids, all);
  for (guint i = 0; i < indicators->len; i++)
    {
      KhIndicator *indicator = g_ptr_array_index (indicators, i);

      if (indicator->archived && indicator->id != indicator_id)
        continue;
      gtk_string_list_append (names, indicator->name);
      g_array_append_val (ids, indicator->id);
    }
  set_model (self->indicator_dropdown, names, &self->indicator_ids, ids, indicator_id);
}

/* The period chosen; FALSE (and the entry marked) when a custom range
 * cannot be read. */
static gboolean
get_period (KhResultsPage *self,
            KhPeriod      *period)
{
  KhPeriodKind kind = (KhPeriodKind)gtk_drop_down_get_selected (self->period_dropdown);
  g_autoptr(GError) error = NULL;
  GtkEntry *entries[2] = { self->from_entry, self->to_entry };
  GDate dates[2];

  gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), FALSE);
  if (kind != KH_PERIOD_RANGE)
    return kh_store_init_period (self->store, period, kind > KH_PERIOD_RANGE ? KH_PERIOD_YEAR : kind,
                                 self->year, NULL);

  for (guint i = 0; i < 2; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entries[i]));
      g_autoptr(GError) date_error = NULL;

      gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
      if (kh_parse_date (text, &dates[i], &date_error))
        continue;
      if (!kh_text_is_blank (text))
        {
          gtk_widget_add_css_class (GTK_WIDGET (entries[i]), "error");
          gtk_label_set_text (self->range_error_label, date_error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), TRUE);
        }
      return FALSE;
    }

  if (!kh_period_init_range (period, &dates[0], &dates[1], &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_label_set_text (self->range_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), TRUE);
      return FALSE;
    }
  return TRUE;
}

/* Showing */

static void
update_count (KhResultsPage *self,
              GPtrArray     *results,
              gint64         indicator_id)
{
  g_autofree char *count = g_strdup_printf (ngettext ("%u result", "%u results", results->len),
                                            results->len);
  const KhIndicator *indicator = g_hash_table_lookup (self->indicators, &indicator_id);

  if (indicator != NULL && results->len > 0)
    {
      g_autofree char *total = NULL;
      g_autofree char *text = NULL;
      double sum = 0;

      for (guint i = 0; i < results->len; i++)
        sum += ((KhResult *)results->pdata[i])->quantity;
      total = kh_indicator_format_quantity (indicator, sum);
      /* Translators: “5 results · viết 14 tin, bài” */
      text = g_strdup_printf (_("%s · %s in all"), count, total);
      gtk_label_set_text (self->count_label, text);
      return;
    }

  gtk_label_set_text (self->count_label, count);
}

/* A year may hold thousands of results: rows are made a page at a time,
 * the next page when asked for, and even a page is built a batch at a
 * time between frames (kh-row-builder.c). */
#define ROWS_PER_PAGE 50

static void show_more_rows (KhResultsPage *self);

static void
on_more_button_clicked_cb (KhResultsPage *self)
{
  show_more_rows (self);
}

static GtkWidget *
more_row_new (KhResultsPage *self)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *button = gtk_button_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (button, "flat");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_more_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  return row;
}

static void
cancel_build (KhResultsPage *self)
{
  kh_row_builder_cancel (&self->builder);
}

/* The rows go out of sight now and are destroyed over the next idle
 * turns (kh_widget_retire): destroying them all costs 6–10 ms. */
static void
clear_rows (KhResultsPage *self)
{
  GtkListBoxRow *row;

  cancel_build (self);
  self->more_row = NULL;
  self->n_rows = 0;
  self->rows_wanted = 0;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (row)))
      kh_widget_retire (GTK_WIDGET (row));
}

/* Builds rows up to rows_wanted until the budget is spent (budget_us < 0:
 * all of them), then the “more” row. Returns TRUE when done. */
static gboolean
build_rows (gpointer data,
            gint64   budget_us)
{
  KhResultsPage *self = data;
  gint64 deadline = g_get_monotonic_time () + budget_us;
  guint end, left;

  if (self->results == NULL)
    return TRUE;

  end = MIN (self->rows_wanted, self->results->len);
  while (self->n_rows < end)
    {
      const KhResult *result = g_ptr_array_index (self->results, self->n_rows);

      gtk_list_box_append (self->list_box,
                           kh_result_row_new (result,
                                              g_hash_table_lookup (self->department_names, &result->department_id),
                                              result->task_id ? g_hash_table_lookup (self->task_titles, &result->task_id) : NULL,
                                              result->indicator_id ? g_hash_table_lookup (self->indicators, &result->indicator_id) : NULL));
      self->n_rows++;
      if (budget_us >= 0 && self->n_rows < end && g_get_monotonic_time () >= deadline)
        return FALSE;
    }

  cancel_build (self);
  left = self->results->len - self->n_rows;
  if (left > 0 && self->more_row == NULL)
    {
      /* Translators: the button under a long list of results */
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u more result", "Show %u more results",
                                                          MIN (left, ROWS_PER_PAGE)),
                                                MIN (left, ROWS_PER_PAGE));

      self->more_row = more_row_new (self);
      gtk_button_set_label (GTK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->more_row))), label);
      gtk_list_box_append (self->list_box, self->more_row);
    }
  return TRUE;
}

static void
show_more_rows (KhResultsPage *self)
{
  if (self->results == NULL)
    return;

  if (self->more_row != NULL)
    gtk_list_box_remove (self->list_box, self->more_row);
  self->more_row = NULL;

  self->rows_wanted = self->n_rows + ROWS_PER_PAGE;
  kh_row_builder_start (&self->builder, KH_ROW_BUILDER_BUDGET_US);
}

static void
cancel_query (KhResultsPage *self)
{
  g_cancellable_cancel (self->query);
  g_clear_object (&self->query);
  g_clear_handle_id (&self->query_slow_source, g_source_remove);
}

/* The rows of what the worker read; the list keeps as many rows as it
 * showed (or was building) before, in whole pages, so that it keeps its
 * place: scrolled down, that needs them now. */
static void
show_listed (KhResultsPage *self,
             GPtrArray     *results)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scrolled = gtk_adjustment_get_value (adjustment);
  guint n_rows = MAX (self->n_rows, kh_row_builder_is_busy (&self->builder) ? self->rows_wanted : 0);
  g_autoptr(GError) error = NULL;
  gboolean empty;

  kh_stall_monitor_push ("results: clear");
  clear_rows (self);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  kh_stall_monitor_pop ();
  self->results = g_ptr_array_ref (results);
  self->rows_wanted = MAX (1, (n_rows + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE) * ROWS_PER_PAGE;
  kh_row_builder_start (&self->builder, scrolled > 0 ? -1 : KH_ROW_BUILDER_BUDGET_US);

  update_count (self, self->results, selected_id (self->indicator_dropdown, self->indicator_ids));
  gtk_stack_set_visible_child_name (self->list_stack, self->results->len > 0 ? "list" : "no-match");
  gtk_adjustment_set_value (adjustment, scrolled);

  /* No result at all in the plan: the page says how to record one. */
  empty = results->len == 0 && !kh_store_plan_has_results (self->store, self->plan_id, &error);
  if (error != NULL)
    kh_window_show_error_for (GTK_WIDGET (self), error);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "results");
}

static void
on_results_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(KhResultsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = kh_store_list_results_filtered_finish (KH_STORE (object), result, &error);

  /* Another list was asked for since, or the page is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  cancel_query (self);
  if (results == NULL)
    {
      if (self->results != NULL)
        update_count (self, self->results, selected_id (self->indicator_dropdown, self->indicator_ids));
      else
        gtk_label_set_text (self->count_label, "");
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }
  show_listed (self, results);
}

static gboolean
query_slow_cb (gpointer data)
{
  KhResultsPage *self = data;

  self->query_slow_source = 0;
  gtk_label_set_text (self->count_label, _("Loading results…"));
  return G_SOURCE_REMOVE;
}

/* Reads the results the filters choose in a worker thread, on its own
 * connection (5,000 results a year take 6–35 ms to read); the rows
 * shown stay until the new ones come. */
static void
show_results (KhResultsPage *self)
{
  KhPeriod period;

  if (self->store == NULL || self->plan_id == 0 || !get_period (self, &period))
    return;

  cancel_query (self);
  self->query = g_cancellable_new ();
  self->query_slow_source = g_timeout_add (300, query_slow_cb, self);
  kh_store_list_results_filtered_async (self->store, self->plan_id, &period,
                                        selected_id (self->department_dropdown, self->department_ids),
                                        selected_id (self->task_dropdown, self->task_ids),
                                        selected_id (self->indicator_dropdown, self->indicator_ids),
                                        self->query, on_results_listed_cb, g_object_ref (self));
}

static gboolean
load (KhResultsPage  *self,
      GError        **error)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(KhPlan) plan = NULL;

  if (!(plan = load_plan_header (self->store, self->plan_id, error)) ||
      !(departments = kh_store_list_departments (self->store, TRUE, error)) ||
      !(indicators = kh_store_list_indicators (self->store, TRUE, error)) ||
      !(tasks = kh_store_list_tasks (self->store, self->plan_id, 0, error)))
    return FALSE;

  self->year = plan->year;

  g_hash_table_remove_all (self->department_names);
  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (departments, i);

      g_hash_table_insert (self->department_names, id_dup (kh_department_get_id (department)),
                           g_strdup (kh_department_get_name (department)));
    }

  g_hash_table_remove_all (self->indicators);
  for (guint i = 0; i < indicators->len; i++)
    {
      KhIndicator *indicator = g_ptr_array_index (indicators, i);

      g_hash_table_insert (self->indicators, id_dup (indicator->id), kh_indicator_copy (indicator));
    }

  /* The rows still to build borrow the titles: they go with the tasks. */
  g_hash_table_remove_all (self->task_titles);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  self->tasks = g_steal_pointer (&tasks);
  for (guint i = 0; i < self->tasks->len; i++)
    {
      KhTask *task = g_ptr_array_index (self->tasks, i);

      g_hash_table_insert (self->task_titles, &task->id, task->title);
    }

  self->loading = TRUE;
  update_filters (self, departments, indicators);
  self->loading = FALSE;
  return TRUE;
}

static void
kh_results_page_reload (KhView  *view,
                        KhStore *store,
                        gint64   plan_id)
{
  KhResultsPage *self = KH_RESULTS_PAGE (view);
  g_autoptr(GError) error = NULL;

  g_set_object (&self->store, store);
  if (plan_id != self->plan_id)
    {
      /* Another plan: its own tasks; the period starts at the year. Its
       * results are read in a worker: until they come the list is empty,
       * never the other plan's. */
      self->loading = TRUE;
      gtk_drop_down_set_selected (self->task_dropdown, 0);
      gtk_drop_down_set_selected (self->period_dropdown, KH_PERIOD_YEAR);
      self->loading = FALSE;
      cancel_query (self);
      clear_rows (self);
      g_clear_pointer (&self->results, g_ptr_array_unref);
      gtk_label_set_text (self->count_label, "");
    }
  self->plan_id = plan_id;

  if (plan_id == 0)
    {
      cancel_query (self);
      clear_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "no-plan");
      return;
    }

  kh_stall_monitor_push ("results: filters");
  if (!load (self, &error))
    {
      kh_stall_monitor_pop ();
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }
  kh_stall_monitor_pop ();

  show_results (self);
}

static gboolean
kh_results_page_is_loading (KhView *view)
{
  KhResultsPage *self = KH_RESULTS_PAGE (view);

  return self->query != NULL || kh_row_builder_is_busy (&self->builder);
}

static void
kh_results_page_view_iface_init (KhViewInterface *iface)
{
  iface->reload = kh_results_page_reload;
  iface->is_loading = kh_results_page_is_loading;
}

/* Editing and deleting */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhResultsPage *self = KH_RESULTS_PAGE (widget);
  KhWindow *window = get_window (self);

  if (window != NULL && self->store != NULL)
    gtk_window_present (GTK_WINDOW (kh_result_dialog_new (window, g_variant_get_int64 (parameter))));
}

static void
on_undo_toast_button_clicked_cb (KhResultsPage *self,
                                 AdwToast      *toast)
{
  KhResult *result = g_object_get_data (G_OBJECT (toast), "kh-result");
  g_autoptr(GError) error = NULL;

  if (result == NULL || self->store == NULL)
    return;

  result->id = 0;
  if (kh_store_add_result (self->store, result, &error) == 0)
    {
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }
  changed (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhResultsPage *self = KH_RESULTS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(KhResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;

  if (!(result = kh_store_get_result (self->store, id, &error)) ||
      !kh_store_delete_result (self->store, id, &error))
    {
      GtkWidget *row;

      /* The row stays, marked, with the reason in a toast. */
      for (row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row; row = gtk_widget_get_next_sibling (row))
        if (KH_IS_RESULT_ROW (row) && kh_result_row_get_result_id (KH_RESULT_ROW (row)) == id)
          gtk_widget_add_css_class (row, "error");
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }

  toast = adw_toast_new (_("Result deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "kh-result", g_steal_pointer (&result),
                          (GDestroyNotify)kh_result_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  kh_window_add_toast_for (GTK_WIDGET (self), toast);
  changed (self);
}

/* Callbacks */

static void
on_filter_notify_selected_cb (KhResultsPage *self)
{
  if (!self->loading)
    show_results (self);
}

static void
on_department_dropdown_notify_selected_cb (KhResultsPage *self)
{
  if (self->loading)
    return;

  self->loading = TRUE;
  update_task_filter (self);
  self->loading = FALSE;
  show_results (self);
}

static void
on_period_dropdown_notify_selected_cb (KhResultsPage *self)
{
  gboolean range = gtk_drop_down_get_selected (self->period_dropdown) == KH_PERIOD_RANGE;

  gtk_revealer_set_reveal_child (self->range_revealer, range);
  if (range && self->year > 0 && kh_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->from_entry))))
    {
      KhPeriod year;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      gboolean was_loading;

      if (kh_store_init_period (self->store, &year, KH_PERIOD_YEAR, self->year, NULL))
        {
          start = kh_format_date_short (&year.start);
          end = kh_format_date_short (&year.end);
          was_loading = self->loading;
          self->loading = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->from_entry), start);
          gtk_editable_set_text (GTK_EDITABLE (self->to_entry), end);
          self->loading = was_loading;
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
    }

  on_filter_notify_selected_cb (self);
}

static void
on_range_entry_changed_cb (KhResultsPage *self)
{
  on_filter_notify_selected_cb (self);
}

/* GObject */

static void
kh_results_page_dispose (GObject *object)
{
  KhResultsPage *self = KH_RESULTS_PAGE (object);

  cancel_query (self);
  cancel_build (self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_RESULTS_PAGE);

  g_clear_object (&self->store);
  g_clear_pointer (&self->department_names, g_hash_table_unref);
  g_clear_pointer (&self->indicators, g_hash_table_unref);
  g_clear_pointer (&self->task_titles, g_hash_table_unref);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->department_ids, g_array_unref);
  g_clear_pointer (&self->task_ids, g_array_unref);
  g_clear_pointer (&self->indicator_ids, g_array_unref);

  G_OBJECT_CLASS (kh_results_page_parent_class)->dispose (object);
}

static void
kh_results_page_class_init (KhResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_results_page_dispose;

  g_type_ensure (KH_TYPE_SCROLLED_CONTENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, filters_box);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, task_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, range_revealer);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, range_error_label);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KhResultsPage, list_box);

  gtk_widget_class_install_action (widget_class, "results.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "results.delete", "x", delete_action);
}

static void
kh_results_page_init (KhResultsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_row_builder_init (&self->builder, GTK_WIDGET (self), "results: rows", build_rows, self);

  self->department_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->task_titles = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->indicators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify)kh_indicator_free);

  set_up_dropdown (self->department_dropdown);
  set_up_dropdown (self->task_dropdown);
  set_up_dropdown (self->indicator_dropdown);

  g_signal_connect_object (self->period_dropdown, "notify::selected",
                           G_CALLBACK (on_period_dropdown_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->department_dropdown, "notify::selected",
                           G_CALLBACK (on_department_dropdown_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->task_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->indicator_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "changed",
                           G_CALLBACK (on_range_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "changed",
                           G_CALLBACK (on_range_entry_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
kh_results_page_new (void)
{
  return g_object_new (KH_TYPE_RESULTS_PAGE, NULL);
}

/* Shows the results of a period (NULL: the whole year), a department
 * and an indicator (0: all) — what the dashboard leads to. */
void
kh_results_page_set_filter (KhResultsPage  *self,
                            const KhPeriod *period,
                            gint64          department_id,
                            gint64          indicator_id)
{
  g_return_if_fail (KH_IS_RESULTS_PAGE (self));

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->department_dropdown, find_id (self->department_ids, department_id));
  update_task_filter (self);
  gtk_drop_down_set_selected (self->task_dropdown, 0);
  gtk_drop_down_set_selected (self->indicator_dropdown, find_id (self->indicator_ids, indicator_id));

  if (period != NULL && period->kind == KH_PERIOD_RANGE)
    {
      g_autofree char *start = kh_format_date_short (&period->start);
      g_autofree char *end = kh_format_date_short (&period->end);

      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), start);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), end);
    }
  gtk_drop_down_set_selected (self->period_dropdown, period != NULL ? (guint)period->kind : KH_PERIOD_YEAR);
  gtk_revealer_set_reveal_child (self->range_revealer, period != NULL && period->kind == KH_PERIOD_RANGE);
  self->loading = FALSE;

  show_results (self);
}
