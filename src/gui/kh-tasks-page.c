/* kh-tasks-page.c — the plan's tasks, by department (Nhiệm vụ)
 *
 * The tasks of the window's plan, grouped by the department that leads
 * them in the departments' order — the order of part IV of the plan.
 * A department filter shows what one department leads or supports, a
 * search entry narrows by words (accents and case ignored).
 *
 * Every change goes to the store at once and then through
 * kh_application_store_changed(), so the plan page regenerates part IV
 * and this page reloads like every other. A deleted task can be brought
 * back from the toast (KhTaskTrash); one with results is deleted only
 * after the clerk confirms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-tasks-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-task.h"

#include "kh-application.h"
#include "kh-gtk-util.h"
#include "kh-row-builder.h"
#include "kh-task-dialog.h"
#include "kh-task-row.h"
#include "kh-task-trash.h"
#include "kh-tasks-page.h"
#include "kh-scrolled-content.h"
#include "kh-stall-monitor.h"
#include "kh-view.h"
#include "kh-window.h"

struct _KhTasksPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkDropDown        *department_dropdown;
  GtkSearchEntry     *search_entry;
  GtkButton          *add_button;
  GtkButton          *empty_add_button;
  GtkStack           *list_stack;
  GtkScrolledWindow  *scrolled_window;
  GtkBox             *groups_box;

  /* Owned */
  KhStore            *store;
  GPtrArray          *departments;       /* KhDepartment, archived too, in order */
  GArray             *filter_ids;        /* gint64 per dropdown item; 0 for all */
  GHashTable         *department_names;  /* gint64 → name */
  GHashTable         *indicators;        /* gint64 → KhIndicator */
  GPtrArray          *all_tasks;         /* KhTask, the plan's order */
  GPtrArray          *tasks;             /* KhTask, those of the filter's department */
  GHashTable         *rows;              /* gint64 → KhTaskRow (borrowed) */
  GPtrArray          *pending;           /* PendingGroup: rows still to build */
  guint               pending_group;     /* where the build stands in pending */
  guint               pending_row;
  GtkWidget          *building_group;    /* the group pending_group fills */
  KhRowBuilder        builder;           /* builds the pending rows */
  KhTaskTrash        *trash;             /* what Undo brings back */

  gint64              plan_id;
  gint64              focus_task_id;     /* whose row takes the focus after a reload */
  const char         *focus_which;       /* "up", "down" or NULL for the row */
  gboolean            loading;
};

static void kh_tasks_page_view_iface_init (KhViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhTasksPage, kh_tasks_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (KH_TYPE_VIEW, kh_tasks_page_view_iface_init))

/* Helpers */

static gint64 *
id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static KhWindow *
get_window (KhTasksPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KH_IS_WINDOW (root) ? KH_WINDOW (root) : NULL;
}

/* Tells every window (this page included) that the tasks changed. */
static void
changed (KhTasksPage *self)
{
  KhWindow *window = get_window (self);

  if (window != NULL)
    kh_application_store_changed (kh_window_get_application (window));
  else if (self->store != NULL)
    kh_view_reload (KH_VIEW (self), self->store, self->plan_id);
}

static const KhTask *
find_task (GPtrArray *tasks,
           gint64     id,
           guint     *index)
{
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      const KhTask *task = g_ptr_array_index (tasks, i);

      if (task->id == id)
        {
          if (index != NULL)
            *index = i;
          return task;
        }
    }

  return NULL;
}

/* Folds case and Vietnamese accents away: “Đài truyền thanh” and
 * “dai truyen thanh” match. */
static char *
fold_for_search (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0110 || c == 0x0111)   /* Đ đ */
        c = 'd';
      g_string_append_unichar (bare, c);
    }

  folded = g_utf8_casefold (bare->str, -1);
  return g_strdup (folded);
}

static gboolean
task_matches (const KhTask *task,
              const char   *folded_query)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (folded_query == NULL || folded_query[0] == '\0')
    return TRUE;

  title = fold_for_search (task->title);
  description = fold_for_search (task->description);
  return strstr (title, folded_query) != NULL || strstr (description, folded_query) != NULL;
}

static gint64
selected_department (KhTasksPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);

  if (self->filter_ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->filter_ids->len)
    return 0;

  return g_array_index (self->filter_ids, gint64, selected);
}

/* Loading */

/* The dropdown: “All Departments”, then the active departments. */
static void
update_department_filter (KhTasksPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 selected_id = selected_department (self);
  guint selected = 0;
  gint64 all = 0;

  gtk_string_list_append (names, _("All Departments"));
  g_array_append_val (ids, all);

  for (guint i = 0; i < self->departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (self->departments, i);
      gint64 id = kh_department_get_id (department);

      if (kh_department_get_archived (department) && id != selected_id)
        continue;
      if (id == selected_id)
        selected = ids->len;
      gtk_string_list_append (names, kh_department_get_name (department));
      g_array_append_val (ids, id);
    }

  g_clear_pointer (&self->filter_ids, g_array_unref);
  self->filter_ids = g_steal_pointer (&ids);
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->department_dropdown, selected);
}

static gboolean
load (KhTasksPage  *self,
      GError      **error)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) all_tasks = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 department_id;

  if (!(departments = kh_store_list_departments (self->store, TRUE, error)) ||
      !(indicators = kh_store_list_indicators (self->store, TRUE, error)) ||
      !(all_tasks = kh_store_list_tasks (self->store, self->plan_id, 0, error)))
    return FALSE;

  g_clear_pointer (&self->departments, g_ptr_array_unref);
  self->departments = g_steal_pointer (&departments);
  g_hash_table_remove_all (self->department_names);
  for (guint i = 0; i < self->departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (self->departments, i);

      g_hash_table_insert (self->department_names,
                           id_dup (kh_department_get_id (department)),
                           g_strdup (kh_department_get_name (department)));
    }

  g_hash_table_remove_all (self->indicators);
  for (guint i = 0; i < indicators->len; i++)
    {
      KhIndicator *indicator = g_ptr_array_index (indicators, i);

      g_hash_table_insert (self->indicators, id_dup (indicator->id), kh_indicator_copy (indicator));
    }

  self->loading = TRUE;
  update_department_filter (self);
  self->loading = FALSE;

  department_id = selected_department (self);
  if (department_id == 0)
    tasks = g_ptr_array_ref (all_tasks);
  else if (!(tasks = kh_store_list_tasks (self->store, self->plan_id, department_id, error)))
    return FALSE;

  g_clear_pointer (&self->all_tasks, g_ptr_array_unref);
  self->all_tasks = g_steal_pointer (&all_tasks);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  self->tasks = g_steal_pointer (&tasks);
  return TRUE;
}

/* Showing */

/* Building the rows
 *
 * A batch at a time between frames (kh-row-builder.c): the first rows
 * show at once and no turn of the main loop grows long. Anything that
 * acts on the rows finishes the build first (build_all()). */

typedef struct
{
  char      *title;
  GPtrArray *tasks;   /* KhTask, borrowed from self->tasks */
} PendingGroup;

static void
pending_group_free (gpointer data)
{
  PendingGroup *pending = data;

  g_free (pending->title);
  g_ptr_array_unref (pending->tasks);
  g_free (pending);
}

static GtkWidget *
group_new (const char *title,
           guint       n_tasks)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *count = g_strdup_printf (ngettext ("%u task", "%u tasks", n_tasks),
                                            n_tasks);
  /* A group's title is markup; a department's name may hold a "&". */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), count);
  return group;
}

static void
restore_focus (KhTasksPage *self)
{
  GtkWidget *row;

  if (self->focus_task_id == 0)
    return;

  row = g_hash_table_lookup (self->rows, &self->focus_task_id);
  if (row != NULL)
    kh_task_row_focus_button (KH_TASK_ROW (row), self->focus_which);

  self->focus_task_id = 0;
  self->focus_which = NULL;
}

static void
cancel_build (KhTasksPage *self)
{
  kh_row_builder_cancel (&self->builder);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending_group = 0;
  self->pending_row = 0;
  self->building_group = NULL;
}

/* Builds rows until the budget is spent (budget_us < 0: all of them).
 * Returns TRUE when every row is built. */
static gboolean
build_rows (gpointer data,
            gint64   budget_us)
{
  KhTasksPage *self = data;
  gint64 deadline = g_get_monotonic_time () + budget_us;

  while (self->pending != NULL && self->pending_group < self->pending->len)
    {
      PendingGroup *pending = g_ptr_array_index (self->pending, self->pending_group);
      const KhTask *task = g_ptr_array_index (pending->tasks, self->pending_row);
      GtkWidget *row;

      if (self->pending_row == 0)
        {
          self->building_group = group_new (pending->title, pending->tasks->len);
          gtk_box_append (self->groups_box, self->building_group);
        }

      row = kh_task_row_new (task, self->department_names, self->indicators);
      kh_task_row_set_movable (KH_TASK_ROW (row), self->pending_row > 0,
                               self->pending_row + 1 < pending->tasks->len);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->building_group), row);
      g_hash_table_insert (self->rows, id_dup (task->id), row);
      if (task->id == self->focus_task_id)
        restore_focus (self);

      if (++self->pending_row == pending->tasks->len)
        {
          self->pending_group++;
          self->pending_row = 0;
        }

      if (budget_us >= 0 && g_get_monotonic_time () >= deadline)
        break;
    }

  if (self->pending != NULL && self->pending_group < self->pending->len)
    return FALSE;

  cancel_build (self);
  /* The row to focus is not there any more. */
  self->focus_task_id = 0;
  self->focus_which = NULL;
  return TRUE;
}

/* Every row, now: before anything acts on them. */
static void
build_all (KhTasksPage *self)
{
  if (self->pending != NULL)
    build_rows (self, -1);
}

static void
add_group (KhTasksPage *self,
           const char  *title,
           GPtrArray   *tasks)
{
  PendingGroup *pending;

  if (tasks->len == 0)
    return;

  pending = g_new0 (PendingGroup, 1);
  pending->title = g_strdup (title);
  pending->tasks = g_ptr_array_copy (tasks, NULL, NULL);
  g_ptr_array_add (self->pending, pending);
}

/* The groups go out of sight now and are destroyed over the next idle
 * turns (kh_widget_retire): destroying fifty rows costs 6–10 ms. */
static void
clear_groups (KhTasksPage *self)
{
  cancel_build (self);
  g_hash_table_remove_all (self->rows);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      kh_widget_retire (child);
}

/* Builds one group per lead department, in the departments' order, with
 * the tasks that pass the filter and the search, in the plan's order. */
static void
show_tasks (KhTasksPage *self)
{
  g_autofree char *query = fold_for_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GHashTable) placed = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scrolled = gtk_adjustment_get_value (adjustment);
  gboolean any = FALSE;

  kh_stall_monitor_push ("tasks: clear");
  clear_groups (self);
  kh_stall_monitor_pop ();
  self->pending = g_ptr_array_new_with_free_func (pending_group_free);

  for (guint d = 0; d < self->departments->len; d++)
    {
      KhDepartment *department = g_ptr_array_index (self->departments, d);
      gint64 id = kh_department_get_id (department);

      g_ptr_array_set_size (shown, 0);
      for (guint i = 0; i < self->tasks->len; i++)
        {
          KhTask *task = g_ptr_array_index (self->tasks, i);

          if (task->lead_department_id == id && task_matches (task, query))
            {
              g_ptr_array_add (shown, task);
              g_hash_table_add (placed, &task->id);
            }
        }

      add_group (self, kh_department_get_name (department), shown);
      any |= shown->len > 0;
    }

  /* A lead the store no longer knows: shown, never lost. */
  g_ptr_array_set_size (shown, 0);
  for (guint i = 0; i < self->tasks->len; i++)
    {
      KhTask *task = g_ptr_array_index (self->tasks, i);

      if (!g_hash_table_contains (placed, &task->id) && task_matches (task, query))
        g_ptr_array_add (shown, task);
    }
  add_group (self, _("Other Tasks"), shown);
  any |= shown->len > 0;

  gtk_stack_set_visible_child_name (self->list_stack, any ? "list" : "no-match");

  /* Scrolled down, the list keeps its place: that needs every row now. */
  kh_row_builder_start (&self->builder, scrolled > 0 ? -1 : KH_ROW_BUILDER_BUDGET_US);
  gtk_adjustment_set_value (adjustment, scrolled);
}

static void
kh_tasks_page_reload (KhView  *view,
                      KhStore *store,
                      gint64   plan_id)
{
  KhTasksPage *self = KH_TASKS_PAGE (view);
  g_autoptr(GError) error = NULL;

  g_set_object (&self->store, store);
  self->plan_id = plan_id;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.add", plan_id != 0);

  if (plan_id == 0)
    {
      clear_groups (self);
      gtk_stack_set_visible_child_name (self->stack, "no-plan");
      return;
    }

  if (!load (self, &error))
    {
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }

  if (self->all_tasks->len == 0)
    {
      clear_groups (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "tasks");
  kh_stall_monitor_push ("tasks: show");
  show_tasks (self);
  kh_stall_monitor_pop ();
}

static gboolean
kh_tasks_page_is_loading (KhView *view)
{
  return KH_TASKS_PAGE (view)->pending != NULL;
}

static void
kh_tasks_page_view_iface_init (KhViewInterface *iface)
{
  iface->reload = kh_tasks_page_reload;
  iface->is_loading = kh_tasks_page_is_loading;
}

/* Adding and editing */

/* Makes sure the saved task is in view: a filter that hides it goes. */
static void
on_dialog_saved_cb (KhTasksPage  *self,
                    gint64        task_id,
                    KhTaskDialog *dialog)
{
  g_autoptr(KhTask) task = kh_store_get_task (self->store, task_id, NULL);
  gint64 department_id = selected_department (self);

  if (task != NULL)
    {
      g_autofree char *query = fold_for_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      gboolean in_department = department_id == 0 || task->lead_department_id == department_id;

      for (guint i = 0; !in_department && task->support_ids && i < task->support_ids->len; i++)
        in_department = g_array_index (task->support_ids, gint64, i) == department_id;

      self->loading = TRUE;
      if (!in_department)
        gtk_drop_down_set_selected (self->department_dropdown, 0);
      if (!task_matches (task, query))
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      self->loading = FALSE;
    }

  self->focus_task_id = task_id;
  self->focus_which = NULL;
  changed (self);
}

static void
open_dialog (KhTasksPage *self,
             gint64       task_id)
{
  KhTaskDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL || self->plan_id == 0)
    return;

  dialog = kh_task_dialog_new (self->store, self->plan_id, task_id, selected_department (self));
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (root)));
    }

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (KH_TASKS_PAGE (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_dialog (KH_TASKS_PAGE (widget), g_variant_get_int64 (parameter));
}

/* Ctrl+N adds a task while this page is shown, wherever the focus is. */
static gboolean
add_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  KhTasksPage *self = KH_TASKS_PAGE (widget);

  if (!gtk_widget_get_mapped (widget) || self->plan_id == 0)
    return FALSE;

  open_dialog (self, 0);
  return TRUE;
}

/* Moving */

/* Moves the task before or after its neighbour in the same group, as the
 * clerk sees them; the plan's order is what part IV prints. */
static void
move_task (KhTasksPage *self,
           gint64       id,
           int          delta)
{
  GtkWidget *row;
  GtkListBoxRow *neighbour;
  GtkWidget *list;
  g_autoptr(GError) error = NULL;
  guint neighbour_index;

  build_all (self);
  row = g_hash_table_lookup (self->rows, &id);
  if (row == NULL || !(list = gtk_widget_get_parent (row)) || !GTK_IS_LIST_BOX (list))
    return;

  neighbour = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list),
                                             gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta);
  if (!KH_IS_TASK_ROW (neighbour) ||
      !find_task (self->all_tasks, kh_task_row_get_task_id (KH_TASK_ROW (neighbour)), &neighbour_index))
    return;

  if (!kh_store_move_task (self->store, id, (int)neighbour_index, &error))
    {
      gtk_widget_add_css_class (row, "error");
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }

  self->focus_task_id = id;
  self->focus_which = delta < 0 ? "up" : "down";
  changed (self);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_task (KH_TASKS_PAGE (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_task (KH_TASKS_PAGE (widget), g_variant_get_int64 (parameter), +1);
}

/* Deleting */

static void
on_trash_restored_cb (KhTasksPage *self,
                      gint64       task_id,
                      KhTaskTrash *trash)
{
  self->focus_task_id = task_id;
  self->focus_which = NULL;
  changed (self);
}

static void
on_trash_failed_cb (KhTasksPage  *self,
                    const GError *error,
                    KhTaskTrash  *trash)
{
  kh_window_show_error_for (GTK_WIDGET (self), error);
}

static void
delete_task (KhTasksPage *self,
             gint64       id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  AdwToast *undo_toast;
  gint64 next_id = 0;
  guint index = 0;

  build_all (self);
  row = g_hash_table_lookup (self->rows, &id);
  (void)find_task (self->all_tasks, id, &index);
  if (!(undo_toast = kh_task_trash_delete (self->trash, self->store, id, (int)index, &error)))
    {
      if (row != NULL)
        gtk_widget_add_css_class (row, "error");
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }

  /* The focus goes to the task that took its place, else to “Add Task”. */
  if (row != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      if (next == NULL)
        next = gtk_widget_get_prev_sibling (row);
      if (KH_IS_TASK_ROW (next))
        {
          next_id = kh_task_row_get_task_id (KH_TASK_ROW (next));
          self->focus_task_id = next_id;
        }
    }

  changed (self);
  if (next_id == 0)
    {
      GtkWidget *add = gtk_widget_get_mapped (GTK_WIDGET (self->add_button))
                         ? GTK_WIDGET (self->add_button) : GTK_WIDGET (self->empty_add_button);
      gtk_widget_grab_focus (add);
    }

  kh_window_add_toast_for (GTK_WIDGET (self), undo_toast);
}

static void
on_delete_dialog_response_cb (KhTasksPage      *self,
                              const char       *response,
                              AdwMessageDialog *dialog)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "kh-task-id");

  if (g_str_equal (response, "delete") && id != NULL)
    delete_task (self, *id);
}

/* Asks first when results were recorded against the task; otherwise the
 * toast's undo is enough. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhTasksPage *self = KH_TASKS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GArray) result_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const KhTask *task = find_task (self->all_tasks, id, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (task == NULL || self->store == NULL)
    return;

  if (!kh_task_trash_list_results (self->store, self->plan_id, id, result_ids, &error))
    {
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }

  if (result_ids->len == 0)
    {
      delete_task (self, id);
      return;
    }

  /* Translators: %s is the title of a task */
  heading = g_strdup_printf (_("Delete “%s”?"), task->title);
  body = g_strdup_printf (ngettext ("%u result was recorded against this task. It is kept, as work outside the plan’s tasks.",
                                       "%u results were recorded against this task. They are kept, as work outside the plan’s tasks.",
                                       result_ids->len),
                          result_ids->len);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kh-task-id", id_dup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Filtering */

static void
on_department_dropdown_notify_selected_cb (KhTasksPage *self,
                                           GParamSpec  *pspec,
                                           GtkDropDown *dropdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 department_id;

  if (self->loading || self->store == NULL || self->plan_id == 0 || self->departments == NULL)
    return;

  department_id = selected_department (self);
  if (department_id == 0)
    tasks = g_ptr_array_ref (self->all_tasks);
  else if (!(tasks = kh_store_list_tasks (self->store, self->plan_id, department_id, &error)))
    {
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }

  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  self->tasks = g_steal_pointer (&tasks);
  show_tasks (self);
}

static void
on_search_entry_search_changed_cb (KhTasksPage    *self,
                                   GtkSearchEntry *entry)
{
  if (self->loading || self->tasks == NULL || self->departments == NULL)
    return;

  show_tasks (self);
}

static void
on_search_entry_stop_search_cb (KhTasksPage    *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* GObject */

static void
kh_tasks_page_dispose (GObject *object)
{
  KhTasksPage *self = KH_TASKS_PAGE (object);

  /* The stack is both the bin's child and a template child: the bin lets
   * go of it first, or both would unparent it. */
  cancel_build (self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_TASKS_PAGE);

  g_clear_object (&self->store);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->filter_ids, g_array_unref);
  g_clear_pointer (&self->department_names, g_hash_table_unref);
  g_clear_pointer (&self->indicators, g_hash_table_unref);
  g_clear_pointer (&self->all_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->trash);

  G_OBJECT_CLASS (kh_tasks_page_parent_class)->dispose (object);
}

static void
kh_tasks_page_class_init (KhTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_tasks_page_dispose;

  g_type_ensure (KH_TYPE_SCROLLED_CONTENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhTasksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KhTasksPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhTasksPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KhTasksPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, KhTasksPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, KhTasksPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KhTasksPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KhTasksPage, groups_box);

  gtk_widget_class_install_action (widget_class, "tasks.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "tasks.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "tasks.move-up", "x", move_up_action);
  gtk_widget_class_install_action (widget_class, "tasks.move-down", "x", move_down_action);
  gtk_widget_class_install_action (widget_class, "tasks.delete", "x", delete_action);
}

static void
kh_tasks_page_init (KhTasksPage *self)
{
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  kh_row_builder_init (&self->builder, GTK_WIDGET (self), "tasks: rows", build_rows, self);

  self->department_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->indicators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify)kh_indicator_free);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->trash = kh_task_trash_new ();
  g_signal_connect_object (self->trash, "restored", G_CALLBACK (on_trash_restored_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->trash, "failed", G_CALLBACK (on_trash_failed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.add", FALSE);

  /* Managed by the window, so Ctrl+N works with the focus in the header
   * bar too; the callback lets it pass while another page is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                               gtk_callback_action_new (add_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->groups_box));

  g_signal_connect_object (self->department_dropdown, "notify::selected",
                           G_CALLBACK (on_department_dropdown_notify_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_entry_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (on_search_entry_stop_search_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
kh_tasks_page_new (void)
{
  return g_object_new (KH_TYPE_TASKS_PAGE, NULL);
}

/* Shows the tasks a department leads or supports (0: every task), as
 * the dashboard asks when the leader selects a department. */
void
kh_tasks_page_show_department (KhTasksPage *self,
                               gint64       department_id)
{
  g_return_if_fail (KH_IS_TASKS_PAGE (self));

  for (guint i = 0; self->filter_ids != NULL && i < self->filter_ids->len; i++)
    if (g_array_index (self->filter_ids, gint64, i) == department_id)
      {
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
        gtk_drop_down_set_selected (self->department_dropdown, i);
        return;
      }
}
