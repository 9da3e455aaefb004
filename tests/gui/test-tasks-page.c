/* test-tasks-page.c — the tasks page, the task dialog and the indicators
 * of Preferences, driven through their widgets under a real X server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-test-ui.h"

#include <glib/gstdio.h>

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-plan-new.h"
#include "kh-plan.h"
#include "kh-result.h"
#include "kh-task.h"
#include "kh-template.h"

#include "kh-application.h"
#include "kh-preferences-window.h"
#include "kh-result-dialog.h"
#include "kh-task-dialog.h"
#include "kh-task-row.h"
#include "kh-window.h"

#define RADIO        "Đài truyền thanh"
#define JUSTICE      "Tư pháp – Hộ tịch"
#define OFFICE       "Văn phòng – Thống kê"
#define NEW_TITLE    "Chuyên mục “Cải cách hành chính” hằng tuần"
#define NEWS         "Tin, bài"
#define NEW_INDICATOR "Phóng sự truyền hình"

typedef struct
{
  char   *dir;
  char   *path;
  gint64  plan_id;
} Fixture;

/* Waiting, finding */

static gboolean
is_mapped_button_for_action (GtkWidget     *widget,
                             gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_mapped_button_with_label (GtkWidget     *widget,
                             gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_mapped_label_with_text (GtkWidget     *widget,
                           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_row_with_title (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_mapped_task_row (GtkWidget     *widget,
                    gconstpointer  title)
{
  return KH_IS_TASK_ROW (widget) && gtk_widget_get_mapped (widget) && is_row_with_title (widget, title);
}

static gboolean
is_mapped_drop_down (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

typedef struct
{
  GtkWidget     *root;
  Match          match;
  gconstpointer  data;
  gboolean       absent;   /* wait until nothing matches */
} Search;

static gboolean
search_done (gpointer user_data)
{
  Search *search = user_data;
  gboolean found = kh_test_find_widget (search->root, search->match, search->data) != NULL;

  return search->absent ? !found : found;
}

static GtkWidget *
wait_for_widget (GtkWidget     *root,
                 Match          match,
                 gconstpointer  data)
{
  Search search = { root, match, data, FALSE };

  g_assert_true (kh_test_wait_for (search_done, &search));
  return kh_test_find_widget (root, match, data);
}

static gboolean
wait_until_gone (GtkWidget     *root,
                 Match          match,
                 gconstpointer  data)
{
  Search search = { root, match, data, TRUE };

  return kh_test_wait_for (search_done, &search);
}

/* The title of the group (department) a task's row is shown under. */
static const char *
group_of_row (GtkWidget *row)
{
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

  return group ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;
}

static guint
string_list_find (GListModel *model,
                  const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
combo_row_select (GtkWidget  *root,
                  const char *row_title,
                  const char *item)
{
  GtkWidget *row = kh_test_find_widget (root, is_row_with_title, row_title);
  guint position;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  position = string_list_find (adw_combo_row_get_model (ADW_COMBO_ROW (row)), item);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

/* The database: the agency, its departments, a plan from the template */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { const char *name, *kind; } departments[] = {
    { OFFICE, "office" },
    { "Văn hóa – Xã hội", "culture" },
    { JUSTICE, "justice" },
    { RADIO, "radio" },
    { "Tài chính – Kế toán", "finance" },
    { "Ủy ban MTTQ và các đoàn thể", "front" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhAgency) agency = kh_agency_new ();
  g_autoptr(GPtrArray) templates = NULL;
  g_auto(GStrv) skipped = NULL;
  gint64 template_id = 0;

  fixture->dir = g_dir_make_tmp ("kh-gui-tasks-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);

  g_free (agency->name);
  agency->name = g_strdup ("ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH");
  g_free (agency->parent_name);
  agency->parent_name = g_strdup ("UBND THỊ XÃ ĐỨC PHỔ");
  g_free (agency->short_name);
  agency->short_name = g_strdup ("UBND phường Phổ Minh");
  g_free (agency->locality);
  agency->locality = g_strdup ("phường Phổ Minh");
  g_free (agency->collective_name);
  agency->collective_name = g_strdup ("ỦY BAN NHÂN DÂN");
  g_free (agency->abbreviation);
  agency->abbreviation = g_strdup ("UBND");
  g_free (agency->place);
  agency->place = g_strdup ("Phổ Minh");
  g_assert_true (kh_store_save_agency (store, agency, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_assert_cmpint (kh_store_add_department (store, departments[i].name, departments[i].kind, &error), >, 0);
      g_assert_no_error (error);
    }

  g_assert_true (kh_store_install_default_indicators (store, &error));
  g_assert_no_error (error);

  if (g_strcmp0 (data, "no plan") == 0)
    return;

  g_assert_true (kh_store_install_builtin_templates (store, &error));
  g_assert_no_error (error);
  templates = kh_store_list_templates (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < templates->len && template_id == 0; i++)
    if (((KhTemplate *)templates->pdata[i])->builtin)
      template_id = ((KhTemplate *)templates->pdata[i])->id;
  g_assert_cmpint (template_id, >, 0);

  fixture->plan_id = kh_store_create_plan_from_template (store, template_id, 2025, "", &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->plan_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }

  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static KhStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KhStore *store = kh_store_open (fixture->path, &error);

  g_assert_no_error (error);
  return store;
}

static KhTask *
find_stored_task (KhStore    *store,
                  gint64      plan_id,
                  const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = kh_store_list_tasks (store, plan_id, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    if (g_strcmp0 (((KhTask *)tasks->pdata[i])->title, title) == 0)
      return kh_task_copy (tasks->pdata[i]);

  return NULL;
}

static guint
count_tasks (Fixture *fixture)
{
  g_autoptr(KhStore) store = open_store (fixture);
  g_autoptr(GPtrArray) tasks = kh_store_list_tasks (store, fixture->plan_id, 0, NULL);

  return tasks->len;
}

/* Running the application: kh_test_run_application() */
typedef KhTestBody Body;
#define run_application kh_test_run_application

static gboolean
is_view_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_VIEW_STACK (widget);
}

/* What the view switcher does when the clerk clicks “Tasks”. */
static void
show_tasks_page (KhWindow *window)
{
  GtkWidget *stack = wait_for_widget (GTK_WIDGET (window), is_view_stack, NULL);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "tasks");
}

static KhTaskDialog *
find_dialog (KhApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (KH_IS_TASK_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;

  return NULL;
}

static gboolean
dialog_open (gpointer app)
{
  return find_dialog (app) != NULL;
}

static gboolean
dialog_closed (gpointer app)
{
  return find_dialog (app) == NULL;
}

/* Clicks “Add Task” on the page and returns the dialog it opens. */
static GtkWidget *
open_new_task_dialog (KhApplication *app,
                      KhWindow      *window)
{
  GtkWidget *button;

  show_tasks_page (window);
  button = wait_for_widget (GTK_WIDGET (window), is_mapped_button_for_action, "tasks.add");
  g_signal_emit_by_name (button, "clicked");

  g_assert_true (kh_test_wait_for (dialog_open, app));
  return GTK_WIDGET (find_dialog (app));
}

static void
fill_title_and_lead (GtkWidget  *dialog,
                     const char *title,
                     const char *lead)
{
  GtkWidget *row = kh_test_find_widget (dialog, is_row_with_title, "Title, e.g. Tuyên truyền trực quan");

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), title);
  combo_row_select (dialog, "Lead department", lead);
}

/* Adding a task, and finding it after a restart */

static void
add_task_through_dialog (KhApplication *app,
                         KhWindow      *window,
                         gconstpointer  data)
{
  GtkWidget *dialog = open_new_task_dialog (app, window);
  GtkWidget *quantity_row;
  GtkWidget *spin;
  GtkWidget *row;

  fill_title_and_lead (dialog, NEW_TITLE, RADIO);
  combo_row_select (dialog, "Indicator", NEWS);

  quantity_row = kh_test_find_widget (dialog, is_row_with_title, "Quantity");
  g_assert_nonnull (quantity_row);
  g_assert_true (gtk_widget_get_sensitive (quantity_row));
  spin = kh_test_find_widget (quantity_row, is_spin_button, NULL);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 12);

  g_signal_emit_by_name (kh_test_find_widget (dialog, is_mapped_button_with_label, "_Add"), "clicked");
  g_assert_true (kh_test_wait_for (dialog_closed, app));

  row = wait_for_widget (GTK_WIDGET (window), is_mapped_task_row, NEW_TITLE);
  g_assert_cmpstr (group_of_row (row), ==, RADIO);
  g_assert_nonnull (strstr (kh_test_row_subtitle (row), "12 tin, bài"));
}

static void
task_shown_under_radio (KhApplication *app,
                        KhWindow      *window,
                        gconstpointer  data)
{
  GtkWidget *row;

  show_tasks_page (window);
  row = wait_for_widget (GTK_WIDGET (window), is_mapped_task_row, NEW_TITLE);
  g_assert_cmpstr (group_of_row (row), ==, RADIO);
}

static void
test_add_task_survives_restart (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhTask) task = NULL;
  guint before = count_tasks (fixture);

  run_application (fixture->path, add_task_through_dialog, NULL);

  store = open_store (fixture);
  task = find_stored_task (store, fixture->plan_id, NEW_TITLE);
  g_assert_nonnull (task);
  g_assert_cmpint (task->lead_department_id, ==, kh_store_find_department (store, RADIO));
  g_assert_cmpint (task->indicator_id, ==, kh_store_find_indicator (store, NEWS));
  g_assert_cmpfloat (task->target, ==, 12);
  g_assert_cmpuint (count_tasks (fixture), ==, before + 1);
  g_clear_object (&store);

  run_application (fixture->path, task_shown_under_radio, NULL);
}

/* Filtering by department */

static void
select_department (KhWindow   *window,
                   const char *name)
{
  GtkWidget *dropdown = wait_for_widget (GTK_WIDGET (window), is_mapped_drop_down, NULL);
  guint position = string_list_find (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)), name);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
}

#define LED_BY_RADIO      "Phát thanh chuyên mục cải cách hành chính"
#define SUPPORTED_BY_LAW  "Tuyên truyền tại hội nghị tiếp dân"

static void
count_task_rows (GtkWidget *widget,
                 guint     *n_rows,
                 guint     *n_hidden)
{
  if (KH_IS_TASK_ROW (widget))
    {
      (*n_rows)++;
      *n_hidden += !gtk_widget_is_visible (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_task_rows (child, n_rows, n_hidden);
}

/* Rows of an earlier filter are hidden at once and destroyed over the next
 * idle turns (kh_widget_retire): in the end only the shown rows exist. */
static gboolean
only_shown_task_rows_left (gpointer data)
{
  guint n_rows = 0, n_hidden = 0;

  count_task_rows (data, &n_rows, &n_hidden);
  return n_rows > 0 && n_hidden == 0;
}

static void
filter_by_department (KhApplication *app,
                      KhWindow      *window,
                      gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *row;

  show_tasks_page (window);
  wait_for_widget (root, is_mapped_task_row, LED_BY_RADIO);
  wait_for_widget (root, is_mapped_task_row, SUPPORTED_BY_LAW);

  /* Supported by Tư pháp: shown, under its lead. */
  select_department (window, JUSTICE);
  row = wait_for_widget (root, is_mapped_task_row, SUPPORTED_BY_LAW);
  g_assert_cmpstr (group_of_row (row), ==, OFFICE);
  g_assert_true (wait_until_gone (root, is_mapped_task_row, LED_BY_RADIO));

  select_department (window, RADIO);
  wait_for_widget (root, is_mapped_task_row, LED_BY_RADIO);
  g_assert_true (wait_until_gone (root, is_mapped_task_row, SUPPORTED_BY_LAW));
  g_assert_true (kh_test_wait_for (only_shown_task_rows_left, root));

  select_department (window, "All Departments");
  wait_for_widget (root, is_mapped_task_row, LED_BY_RADIO);
  wait_for_widget (root, is_mapped_task_row, SUPPORTED_BY_LAW);
}

static gint64
add_stored_task (KhStore    *store,
                 gint64      plan_id,
                 const char *title,
                 const char *lead,
                 const char *support)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhTask) task = kh_task_new (plan_id, title, kh_store_find_department (store, lead));
  gint64 id;

  g_free (task->description);
  task->description = g_strdup ("Mô tả của nhiệm vụ, in ở phần IV.");
  if (support != NULL)
    kh_task_add_support (task, kh_store_find_department (store, support));
  id = kh_store_add_task (store, task, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_filter_by_department (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fixture);

  add_stored_task (store, fixture->plan_id, LED_BY_RADIO, RADIO, NULL);
  add_stored_task (store, fixture->plan_id, SUPPORTED_BY_LAW, OFFICE, JUSTICE);
  g_clear_object (&store);

  run_application (fixture->path, filter_by_department, NULL);
}

/* Deleting, and undoing it */

static gboolean
is_mapped_button_with_tooltip (GtkWidget     *widget,
                               gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static void
click_delete_of (GtkWidget *row)
{
  GtkWidget *button = kh_test_find_widget (row, is_mapped_button_with_tooltip, "Delete");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
delete_and_undo (KhApplication *app,
                 KhWindow      *window,
                 gconstpointer  with_results)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *row;
  GtkWidget *undo;

  show_tasks_page (window);
  row = wait_for_widget (root, is_mapped_task_row, SUPPORTED_BY_LAW);
  click_delete_of (row);

  if (with_results != NULL)
    {
      /* Results were recorded against it: the clerk is asked first. */
      AdwMessageDialog *dialog = kh_test_wait_for_message_dialog ();

      g_assert_nonnull (dialog);
      g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                     "2 results were recorded against this task. They are kept, as work outside the plan’s tasks."));
      adw_message_dialog_response (dialog, "delete");
    }

  g_assert_true (wait_until_gone (root, is_mapped_task_row, SUPPORTED_BY_LAW));

  undo = wait_for_widget (root, is_mapped_button_with_label, "_Undo");
  g_signal_emit_by_name (undo, "clicked");

  row = wait_for_widget (root, is_mapped_task_row, SUPPORTED_BY_LAW);
  g_assert_cmpstr (group_of_row (row), ==, OFFICE);
}

/* Names with "&" and "<": toast titles and group headers are Pango markup
 * in libadwaita 1.2, so a name must be escaped, or it shows as nothing
 * (and GTK warns). */
#define TITLE_WITH_MARKUP      "Hỏi & đáp về thủ tục <mới>"
#define DEPARTMENT_WITH_MARKUP "Văn hóa & Thông tin <xã>"
#define SUPPORT_WITH_MARKUP    "Hội Nông dân & Đoàn Thanh niên"

typedef struct
{
  gint64 task_id;
  gint64 department_id;
} Named;

static void
delete_toast_names_task (KhApplication *app,
                         KhWindow      *window,
                         gconstpointer  data)
{
  const Named *named = data;
  GtkWidget *root = GTK_WIDGET (window);
  KhTaskDialog *dialog;
  KhResultDialog *result_dialog;

  show_tasks_page (window);
  /* Its department's group, headed by the name as typed. */
  g_assert_nonnull (wait_for_widget (root, is_mapped_label_with_text, DEPARTMENT_WITH_MARKUP));

  /* Its dialog, naming the supporting department. */
  dialog = kh_task_dialog_new (kh_application_get_store (app), kh_window_get_plan_id (window),
                               named->task_id, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (dialog), is_mapped_label_with_text, SUPPORT_WITH_MARKUP));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A result's dialog, its department chosen. */
  result_dialog = kh_result_dialog_new (window, 0);
  kh_result_dialog_set_department (result_dialog, named->department_id);
  gtk_window_present (GTK_WINDOW (result_dialog));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (result_dialog), is_mapped_label_with_text, DEPARTMENT_WITH_MARKUP));
  gtk_window_destroy (GTK_WINDOW (result_dialog));
  click_delete_of (wait_for_widget (root, is_mapped_task_row, TITLE_WITH_MARKUP));
  g_assert_true (wait_until_gone (root, is_mapped_task_row, TITLE_WITH_MARKUP));

  g_assert_nonnull (wait_for_widget (root, is_mapped_label_with_text, "“" TITLE_WITH_MARKUP "” deleted"));
}

static void
test_names_with_markup_characters (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fixture);

  g_autoptr(GError) error = NULL;

  Named named;

  named.department_id = kh_store_add_department (store, DEPARTMENT_WITH_MARKUP, "", &error);
  g_assert_no_error (error);
  kh_store_add_department (store, SUPPORT_WITH_MARKUP, "", &error);
  g_assert_no_error (error);
  named.task_id = add_stored_task (store, fixture->plan_id, TITLE_WITH_MARKUP,
                                   DEPARTMENT_WITH_MARKUP, SUPPORT_WITH_MARKUP);
  g_clear_object (&store);

  run_application (fixture->path, delete_toast_names_task, &named);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  with_results)
{
  g_autoptr(KhStore) store = open_store (fixture);
  g_autoptr(KhTask) before = NULL;
  g_autoptr(KhTask) after = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint n_tasks;
  gint64 id;

  id = add_stored_task (store, fixture->plan_id, SUPPORTED_BY_LAW, OFFICE, JUSTICE);
  /* Not the last one: undo must put it back in its place. */
  add_stored_task (store, fixture->plan_id, LED_BY_RADIO, RADIO, NULL);
  before = kh_store_get_task (store, id, NULL);

  for (int i = 0; with_results != NULL && i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      GDate day;
      g_autoptr(KhResult) result = NULL;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 10 + i, 3, 2025);
      result = kh_result_new (fixture->plan_id, before->lead_department_id, &day, "Đã tổ chức tuyên truyền");
      result->task_id = id;
      g_assert_cmpint (kh_store_add_result (store, result, &error), >, 0);
      g_assert_no_error (error);
    }
  g_clear_object (&store);
  n_tasks = count_tasks (fixture);

  run_application (fixture->path, delete_and_undo, with_results);

  store = open_store (fixture);
  g_assert_cmpuint (count_tasks (fixture), ==, n_tasks);
  after = find_stored_task (store, fixture->plan_id, SUPPORTED_BY_LAW);
  g_assert_nonnull (after);
  g_assert_cmpint (after->position, ==, before->position);
  g_assert_cmpint (after->lead_department_id, ==, before->lead_department_id);
  g_assert_cmpstr (after->description, ==, before->description);
  g_assert_cmpuint (after->support_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (after->support_ids, gint64, 0), ==, kh_store_find_department (store, JUSTICE));

  /* Its results point at it again. */
  results = kh_store_list_results (store, fixture->plan_id, NULL, NULL, NULL);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((KhResult *)results->pdata[i])->task_id, ==, after->id);
  g_assert_cmpuint (results->len, ==, with_results ? 2 : 0);
}

/* Moving within the department */

static void
move_down (KhApplication *app,
           KhWindow      *window,
           gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *moved;

  show_tasks_page (window);
  row = wait_for_widget (GTK_WIDGET (window), is_mapped_task_row, LED_BY_RADIO);
  button = kh_test_find_widget (row, is_mapped_button_with_tooltip, "Move Down");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  /* The old row is destroyed in an idle turn and a new one may take its
   * address: compare through a weak pointer. */
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *)&row);
  g_signal_emit_by_name (button, "clicked");

  /* Rebuilt, in the new order, with the focus still on it. */
  moved = wait_for_widget (GTK_WIDGET (window), is_mapped_task_row, LED_BY_RADIO);
  g_assert_true (moved != row);
  if (row != NULL)
    g_object_remove_weak_pointer (G_OBJECT (row), (gpointer *)&row);
  g_assert_null (gtk_widget_get_next_sibling (moved));
  g_assert_true (gtk_widget_has_focus (kh_test_find_widget (moved, is_mapped_button_with_tooltip, "Move Up")));
}

static void
test_move_within_department (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fixture);
  g_autoptr(KhTask) first = NULL;
  g_autoptr(KhTask) second = NULL;

  add_stored_task (store, fixture->plan_id, LED_BY_RADIO, RADIO, NULL);
  add_stored_task (store, fixture->plan_id, SUPPORTED_BY_LAW, OFFICE, NULL);
  add_stored_task (store, fixture->plan_id, "Phóng sự về một cửa liên thông", RADIO, NULL);
  g_clear_object (&store);

  run_application (fixture->path, move_down, NULL);

  store = open_store (fixture);
  first = find_stored_task (store, fixture->plan_id, LED_BY_RADIO);
  second = find_stored_task (store, fixture->plan_id, "Phóng sự về một cửa liên thông");
  g_assert_cmpint (first->position, ==, second->position + 1);
}

/* A date that does not exist */

static void
bad_deadline_refused (KhApplication *app,
                      KhWindow      *window,
                      gconstpointer  data)
{
  GtkWidget *dialog = open_new_task_dialog (app, window);
  GtkWidget *deadline;

  fill_title_and_lead (dialog, NEW_TITLE, RADIO);
  combo_row_select (dialog, "Rhythm", "By a date");

  deadline = kh_test_find_widget (dialog, is_row_with_title, "Deadline, e.g. 31/3/2024");
  g_assert_true (ADW_IS_ENTRY_ROW (deadline));
  g_assert_true (gtk_widget_get_mapped (deadline));
  gtk_editable_set_text (GTK_EDITABLE (deadline), "30/02/2025");

  /* Said as it is typed… */
  g_assert_true (gtk_widget_has_css_class (deadline, "error"));
  wait_for_widget (dialog, is_mapped_label_with_text,
                   "“30/02/2025” is not a date: day 30 of month 2 does not exist in 2025.");

  /* …and Save keeps the dialog open, with what was typed. */
  g_signal_emit_by_name (kh_test_find_widget (dialog, is_mapped_button_with_label, "_Add"), "clicked");
  g_assert_true (find_dialog (app) == KH_TASK_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline)), ==, "30/02/2025");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kh_test_find_widget (dialog, is_row_with_title,
                                                                       "Title, e.g. Tuyên truyền trực quan"))),
                   ==, NEW_TITLE);

  /* A real date, but before the plan's year: core says which task, which
   * date and which year; the deadline row is marked. */
  gtk_editable_set_text (GTK_EDITABLE (deadline), "31/12/2024");
  g_assert_false (gtk_widget_has_css_class (deadline, "error"));
  g_signal_emit_by_name (kh_test_find_widget (dialog, is_mapped_button_with_label, "_Add"), "clicked");
  g_assert_true (find_dialog (app) == KH_TASK_DIALOG (dialog));
  wait_for_widget (dialog, is_mapped_label_with_text,
                   "The deadline 31/12/2024 of the task “" NEW_TITLE "” falls before the plan’s year, 2025.");
  g_assert_true (gtk_widget_has_css_class (deadline, "error"));

  /* A real date saves. */
  gtk_editable_set_text (GTK_EDITABLE (deadline), "28/02/2025");
  g_assert_false (gtk_widget_has_css_class (deadline, "error"));
  g_signal_emit_by_name (kh_test_find_widget (dialog, is_mapped_button_with_label, "_Add"), "clicked");
  g_assert_true (kh_test_wait_for (dialog_closed, app));
  wait_for_widget (GTK_WIDGET (window), is_mapped_label_with_text, "By 28/02/2025");
}

static void
test_bad_deadline_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  guint before = count_tasks (fixture);
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhTask) task = NULL;
  GDate expected;

  run_application (fixture->path, bad_deadline_refused, NULL);

  /* Only the second, good, date was saved. */
  g_assert_cmpuint (count_tasks (fixture), ==, before + 1);
  store = open_store (fixture);
  task = find_stored_task (store, fixture->plan_id, NEW_TITLE);
  g_assert_nonnull (task);
  g_assert_cmpint (task->rhythm, ==, KH_RHYTHM_BY_DATE);
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 28, 2, 2025);
  g_assert_cmpint (g_date_compare (&task->deadline, &expected), ==, 0);
}

/* A title of spaces only, then one typed decomposed (NFD, as some
 * browsers and Word on a Mac paste it) with a control character */

#define NFD_TITLE "Tuye\xcc\x82n truye\xcc\x82\xcc\x80n\x07 tru\xcc\x9b\xcc\xa3\x63 quan tre\xcc\x82n loa"
#define NFC_TITLE "Tuyên truyền trực quan trên loa"

static void
blank_title_refused (KhApplication *app,
                     KhWindow      *window,
                     gconstpointer  data)
{
  GtkWidget *dialog = open_new_task_dialog (app, window);
  GtkWidget *title;
  GtkWidget *quantity_row;
  GtkWidget *spin;

  fill_title_and_lead (dialog, "   \t  ", RADIO);
  g_signal_emit_by_name (kh_test_find_widget (dialog, is_mapped_button_with_label, "_Add"), "clicked");

  /* Still open; the message says what is missing; the row is marked. */
  g_assert_true (find_dialog (app) == KH_TASK_DIALOG (dialog));
  wait_for_widget (dialog, is_mapped_label_with_text,
                   "The task needs a title, for example “Tuyên truyền trực quan”.");
  title = kh_test_find_widget (dialog, is_row_with_title, "Title, e.g. Tuyên truyền trực quan");
  g_assert_true (gtk_widget_has_css_class (title, "error"));

  gtk_editable_set_text (GTK_EDITABLE (title), NFD_TITLE);
  g_assert_false (gtk_widget_has_css_class (title, "error"));

  /* A target of a million million, typed: refused by core with the
   * task's name, not clamped unseen to the largest allowed. */
  combo_row_select (dialog, "Indicator", NEWS);
  quantity_row = kh_test_find_widget (dialog, is_row_with_title, "Quantity");
  spin = kh_test_find_widget (quantity_row, is_spin_button, NULL);
  gtk_editable_set_text (GTK_EDITABLE (spin), "1000000000000");
  g_signal_emit_by_name (kh_test_find_widget (dialog, is_mapped_button_with_label, "_Add"), "clicked");
  g_assert_true (find_dialog (app) == KH_TASK_DIALOG (dialog));
  wait_for_widget (dialog, is_mapped_label_with_text,
                   "The target of the task “" NFC_TITLE "” must be a number from 0 to 1000000.");
  g_assert_true (gtk_widget_has_css_class (quantity_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (spin), "40");
  g_signal_emit_by_name (kh_test_find_widget (dialog, is_mapped_button_with_label, "_Add"), "clicked");
  g_assert_true (kh_test_wait_for (dialog_closed, app));
}

static void
test_blank_title_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  guint before = count_tasks (fixture);
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhTask) task = NULL;

  run_application (fixture->path, blank_title_refused, NULL);

  /* One task, its title composed (NFC) and without the control
   * character: found by the title as typed on a Vietnamese keyboard. */
  g_assert_cmpuint (count_tasks (fixture), ==, before + 1);
  store = open_store (fixture);
  task = find_stored_task (store, fixture->plan_id, NFC_TITLE);
  g_assert_nonnull (task);
  g_assert_cmpstr (task->title, ==, NFC_TITLE);
  g_assert_cmpfloat (task->target, ==, 40);
}

/* Text pasted from a TCVN3 document */

#define TCVN3_TEXT   "tuyªn truyÒn c¶i c¸ch hµnh chÝnh"
#define UNICODE_TEXT "tuyên truyền cải cách hành chính"

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
legacy_paste_converted (KhApplication *app,
                        KhWindow      *window,
                        gconstpointer  data)
{
  GtkWidget *dialog = open_new_task_dialog (app, window);
  GtkWidget *view = kh_test_find_widget (dialog, is_text_view, NULL);
  g_autofree char *text = NULL;
  GtkWidget *convert;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), TCVN3_TEXT);
  gtk_widget_grab_focus (view);
  g_signal_emit_by_name (view, "paste-clipboard");

  /* Offered, not done unasked. */
  convert = wait_for_widget (dialog, is_mapped_button_with_label, "C_onvert");
  text = text_view_text (view);
  g_assert_cmpstr (text, ==, TCVN3_TEXT);
  g_clear_pointer (&text, g_free);

  g_signal_emit_by_name (convert, "clicked");
  text = text_view_text (view);
  g_assert_cmpstr (text, ==, UNICODE_TEXT);
  g_assert_false (gtk_widget_get_mapped (convert));

  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_legacy_paste_converted (Fixture       *fixture,
                             gconstpointer  data)
{
  run_application (fixture->path, legacy_paste_converted, NULL);
}

/* Indicators in Preferences */

static void
indicator_added_in_preferences (KhApplication *app,
                                KhWindow      *window,
                                gconstpointer  data)
{
  KhPreferencesWindow *preferences;
  GtkWidget *row;
  GtkWidget *dialog;
  GtkWidget *indicator_row;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = KH_PREFERENCES_WINDOW (kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW));

  /* The defaults are there… */
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (preferences), is_row_with_title, NEWS));

  /* …and one more is added as the clerk would. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "indicators");
  row = kh_test_find_widget (GTK_WIDGET (preferences), is_row_with_title, "New indicator");
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), NEW_INDICATOR);
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (ADW_IS_EXPANDER_ROW (kh_test_find_widget (GTK_WIDGET (preferences), is_row_with_title, NEW_INDICATOR)));

  gtk_window_close (GTK_WINDOW (preferences));

  dialog = open_new_task_dialog (app, window);
  indicator_row = kh_test_find_widget (dialog, is_row_with_title, "Indicator");
  g_assert_true (ADW_IS_COMBO_ROW (indicator_row));
  g_assert_cmpuint (string_list_find (adw_combo_row_get_model (ADW_COMBO_ROW (indicator_row)), NEW_INDICATOR),
                    !=, GTK_INVALID_LIST_POSITION);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_indicator_added_in_preferences (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(KhStore) store = NULL;

  run_application (fixture->path, indicator_added_in_preferences, NULL);

  store = open_store (fixture);
  g_assert_cmpint (kh_store_find_indicator (store, NEW_INDICATOR), >, 0);
}

/* Names that are no names, in Preferences: refused, saying what */

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static void
apply_name (GtkWidget  *preferences,
            const char *page,
            const char *row_title,
            const char *name,
            const char *message)
{
  GtkWidget *row;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);
  row = kh_test_find_widget (preferences, is_row_with_title, row_title);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  wait_for_widget (preferences, is_label_containing, message);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
blank_names_refused (KhApplication *app,
                     KhWindow      *window,
                     gconstpointer  data)
{
  GtkWidget *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = GTK_WIDGET (kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW));

  apply_name (preferences, "departments", "New department", " \u00a0\t ",
              "The department needs a name.");
  apply_name (preferences, "departments", "New department", " đài TRUYỀN thanh ",
              "There is already a department called “đài TRUYỀN thanh”.");
  apply_name (preferences, "indicators", "New indicator", "\u3000 ",
              "The indicator needs a name, for example “Băng rôn”.");
  gtk_window_close (GTK_WINDOW (preferences));
}

static void
test_blank_names_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fixture);
  g_autoptr(GPtrArray) departments = kh_store_list_departments (store, TRUE, NULL);
  g_autoptr(GPtrArray) indicators = kh_store_list_indicators (store, TRUE, NULL);
  guint n_departments = departments->len, n_indicators = indicators->len;

  g_clear_object (&store);
  run_application (fixture->path, blank_names_refused, NULL);

  store = open_store (fixture);
  g_clear_pointer (&departments, g_ptr_array_unref);
  g_clear_pointer (&indicators, g_ptr_array_unref);
  departments = kh_store_list_departments (store, TRUE, NULL);
  indicators = kh_store_list_indicators (store, TRUE, NULL);
  g_assert_cmpuint (departments->len, ==, n_departments);
  g_assert_cmpuint (indicators->len, ==, n_indicators);
}

/* Empty states */

static void
no_plan_points_to_new_plan (KhApplication *app,
                            KhWindow      *window,
                            gconstpointer  data)
{
  show_tasks_page (window);
  wait_for_widget (GTK_WIDGET (window), is_mapped_label_with_text, "No Plan Yet");
  wait_for_widget (GTK_WIDGET (window), is_mapped_button_for_action, "win.new-plan");
}

static void
test_no_plan (Fixture       *fixture,
              gconstpointer  data)
{
  run_application (fixture->path, no_plan_points_to_new_plan, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("The UI tests need a display: run them under "
                  "`xvfb-run -a dbus-run-session -- meson test --suite gui`.\n");
      return EXIT_FAILURE;
    }

  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    g_error ("The UI tests could not open the display.");

  g_test_add ("/gui/tasks/add-task-survives-restart", Fixture, NULL,
              fixture_set_up, test_add_task_survives_restart, fixture_tear_down);
  g_test_add ("/gui/tasks/filter-by-department", Fixture, NULL,
              fixture_set_up, test_filter_by_department, fixture_tear_down);
  g_test_add ("/gui/tasks/move-within-department", Fixture, NULL,
              fixture_set_up, test_move_within_department, fixture_tear_down);
  g_test_add ("/gui/tasks/delete-and-undo", Fixture, NULL,
              fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/gui/tasks/names-with-markup-characters", Fixture, NULL,
              fixture_set_up, test_names_with_markup_characters, fixture_tear_down);
  g_test_add ("/gui/tasks/delete-with-results-asks-and-undoes", Fixture, "results",
              fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/gui/tasks/bad-deadline-refused", Fixture, NULL,
              fixture_set_up, test_bad_deadline_refused, fixture_tear_down);
  g_test_add ("/gui/tasks/blank-names-refused", Fixture, NULL,
              fixture_set_up, test_blank_names_refused, fixture_tear_down);
  g_test_add ("/gui/tasks/blank-title-refused", Fixture, NULL,
              fixture_set_up, test_blank_title_refused, fixture_tear_down);
  g_test_add ("/gui/tasks/legacy-paste-converted", Fixture, NULL,
              fixture_set_up, test_legacy_paste_converted, fixture_tear_down);
  g_test_add ("/gui/tasks/indicator-added-in-preferences", Fixture, NULL,
              fixture_set_up, test_indicator_added_in_preferences, fixture_tear_down);
  g_test_add ("/gui/tasks/no-plan-points-to-new-plan", Fixture, "no plan",
              fixture_set_up, test_no_plan, fixture_tear_down);

  return g_test_run ();
}
