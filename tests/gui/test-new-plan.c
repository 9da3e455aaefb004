/* test-new-plan.c — making the year's plan, and templates, driven through
 * the widgets under a real X server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-test-ui.h"

#include <string.h>

#include <glib/gstdio.h>

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-plan.h"
#include "kh-plan-new.h"
#include "kh-task.h"
#include "kh-template.h"

#include "kh-application.h"
#include "kh-new-plan-dialog.h"
#include "kh-preferences-window.h"
#include "kh-save-template-dialog.h"
#include "kh-task-dialog.h"
#include "kh-tasks-page.h"
#include "kh-window.h"

#define RADIO       "Đài truyền thanh"
#define TASK_TITLE  "Chuyên mục cải cách hành chính trên sóng phát thanh"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* Widgets */

static gboolean
is_mapped_label_with_text (GtkWidget     *widget,
                           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_mapped_label_containing (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_row_with_title (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_entry_row_with_text (GtkWidget     *widget,
                        gconstpointer  text)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_tasks_page (GtkWidget     *widget,
               gconstpointer  data)
{
  return KH_IS_TASKS_PAGE (widget);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = kh_test_find_widget (root, is_row_with_title, title);

  g_assert_nonnull (row);
  return row;
}

static void
click (GtkWidget *root,
       Match      match,
       gconstpointer data)
{
  GtkWidget *button = kh_test_find_widget (root, match, data);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Selects the item of a combo row that reads text. */
static void
combo_row_select (AdwComboRow *row,
                  const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_error ("No “%s” in the combo row “%s”", text,
           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

typedef struct
{
  GtkWidget  *root;
  Match       match;
  const char *data;
} Search;

static gboolean
search_finds (gpointer user_data)
{
  Search *search = user_data;

  return kh_test_find_widget (search->root, search->match, search->data) != NULL;
}

static gboolean
shows (GtkWidget  *root,
       Match       match,
       const char *data)
{
  Search search = { root, match, data };

  return kh_test_wait_for (search_finds, &search);
}

/* Toplevels */

/* Fixtures */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kh-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);
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
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KhStore *store = kh_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* A fresh agency with a department of every kind the template knows
 * (or only the office, when all is FALSE), set up through core. */
static void
set_up_agency (const char *path,
               gboolean    all)
{
  static const struct { const char *name, *kind; } departments[] = {
    { "Văn phòng – Thống kê", "office" },
    { "Văn hóa – Xã hội", "culture" },
    { "Tư pháp – Hộ tịch", "justice" },
    { RADIO, "radio" },
    { "Tài chính – Kế toán", "finance" },
    { "Ủy ban MTTQ và các đoàn thể", "front" },
  };
  g_autoptr(KhStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  KhAgency agency = {
    .parent_name = (char *)"UBND THỊ XÃ ĐỨC PHỔ",
    .name = (char *)"ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH",
    .short_name = (char *)"UBND phường Phổ Minh",
    .locality = (char *)"phường Phổ Minh",
    .collective_name = (char *)"ỦY BAN NHÂN DÂN",
    .abbreviation = (char *)"UBND",
    .place = (char *)"Phổ Minh",
  };

  g_assert_true (kh_store_save_agency (store, &agency, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < (all ? G_N_ELEMENTS (departments) : 1); i++)
    {
      g_assert_cmpint (kh_store_add_department (store, departments[i].name, departments[i].kind, &error), >, 0);
      g_assert_no_error (error);
    }
}

static gint64
builtin_template (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;

  g_assert_true (kh_store_install_builtin_templates (store, &error));
  templates = kh_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >=, 1);
  g_assert_true (((KhTemplate *)templates->pdata[0])->builtin);
  return ((KhTemplate *)templates->pdata[0])->id;
}

/* The year's plan from the built-in template, through core. */
static gint64
create_plan (const char *path,
             int         year)
{
  g_autoptr(KhStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = kh_store_create_plan_from_template (store, builtin_template (store), year, "", NULL, &error);
  g_assert_no_error (error);
  return id;
}

/* The application */

/* Running the application: kh_test_run_application() */
typedef KhTestBody Body;
#define run_application kh_test_run_application

/* The New Plan dialog, opened as the header bar's menu item does. */
static GtkWidget *
open_new_plan_dialog (KhWindow *window)
{
  g_assert_true (shows (GTK_WIDGET (window), is_mapped_label_containing, "Plan") ||
                 shows (GTK_WIDGET (window), is_button_for_action, "win.set-up-agency"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  return GTK_WIDGET (kh_test_wait_for_toplevel (KH_TYPE_NEW_PLAN_DIALOG));
}

static void
set_year (GtkWidget *dialog,
          int        year)
{
  GtkWidget *spin = kh_test_find_widget (dialog, is_spin_button, NULL);

  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), year);
}

static void
create_and_wait (GtkWidget *dialog)
{
  click (dialog, is_button_for_action, "new-plan.create");
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_NEW_PLAN_DIALOG)));
}

/* Tests: from a template, a task for the radio, a restart */

static void
create_from_template_add_task (KhApplication *app,
                               KhWindow      *window,
                               gconstpointer  data)
{
  GtkWidget *dialog = open_new_plan_dialog (window);
  GtkWidget *template_row;
  GtkWidget *tasks_page;
  GtkWidget *task_dialog;
  GtkWidget *lead_row;

  /* No plan yet: the template is the way offered. */
  g_assert_false (gtk_widget_get_sensitive (find_row (dialog, "An earlier plan")));
  set_year (dialog, 2025);
  adw_action_row_activate (ADW_ACTION_ROW (find_row (dialog, "A template")));
  template_row = find_row (dialog, "Template");
  g_assert_true (gtk_widget_is_visible (template_row));
  combo_row_select (ADW_COMBO_ROW (template_row), "Kế hoạch tuyên truyền cải cách hành chính năm 2025");
  g_assert_false (gtk_widget_is_visible (find_row (dialog, "Revision name")));
  create_and_wait (dialog);

  /* The window shows it, and every default task found its department. */
  g_assert_true (shows (GTK_WIDGET (window), is_mapped_label_with_text, "Plan 2025"));
  g_assert_null (kh_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* A task for the radio, as the clerk adds one in Tasks. */
  kh_window_show_view (window, "tasks");
  tasks_page = kh_test_find_widget (GTK_WIDGET (window), is_tasks_page, NULL);
  g_assert_nonnull (tasks_page);
  g_assert_true (gtk_widget_activate_action (tasks_page, "tasks.add", NULL));
  task_dialog = GTK_WIDGET (kh_test_wait_for_toplevel (KH_TYPE_TASK_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (find_row (task_dialog, "Title, e.g. Tuyên truyền trực quan")), TASK_TITLE);
  lead_row = find_row (task_dialog, "Lead department");
  combo_row_select (ADW_COMBO_ROW (lead_row), RADIO);
  /* Its default button (Enter) saves it. */
  g_assert_nonnull (gtk_window_get_default_widget (GTK_WINDOW (task_dialog)));
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (task_dialog)), "clicked");
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_TASK_DIALOG)));
  g_assert_true (shows (GTK_WIDGET (window), is_mapped_label_with_text, TASK_TITLE));
}

static void
plan_and_task_shown (KhApplication *app,
                     KhWindow      *window,
                     gconstpointer  data)
{
  g_assert_true (shows (GTK_WIDGET (window), is_mapped_label_with_text, "Plan 2025"));
  kh_window_show_view (window, "tasks");
  g_assert_true (shows (GTK_WIDGET (window), is_mapped_label_with_text, TASK_TITLE));
}

static void
test_from_template_survives_restart (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id, radio_id;
  gboolean found = FALSE;

  set_up_agency (fixture->path, TRUE);
  run_application (fixture->path, create_from_template_add_task, NULL);

  /* After a restart: in the database… */
  store = open_store (fixture->path);
  plan_id = kh_store_find_plan (store, 2025, KH_PLAN_KIND_CCHC, "");
  g_assert_cmpint (plan_id, >, 0);
  radio_id = kh_store_find_department (store, RADIO);
  tasks = kh_store_list_tasks (store, plan_id, radio_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    found |= g_strcmp0 (((KhTask *)tasks->pdata[i])->title, TASK_TITLE) == 0;
  g_assert_true (found);
  g_clear_object (&store);

  /* …and in the window. */
  run_application (fixture->path, plan_and_task_shown, NULL);
}

/* Tests: a second plan for a year is a named revision */

static void
create_revision (KhApplication *app,
                 KhWindow      *window,
                 gconstpointer  data)
{
  GtkWidget *dialog = open_new_plan_dialog (window);
  GtkWidget *spin = kh_test_find_widget (dialog, is_spin_button, NULL);
  GtkWidget *revision_row = find_row (dialog, "Revision name");

  /* The year after the newest plan, copied from it. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 2026);
  g_assert_false (gtk_widget_is_visible (revision_row));
  adw_action_row_activate (ADW_ACTION_ROW (find_row (dialog, "A template")));

  /* 2025 typed and Create pressed at once: the clerk is told first. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "2025");
  click (dialog, is_button_for_action, "new-plan.create");
  g_assert_true (shows (dialog, is_mapped_label_containing, "There is already a plan for 2025"));
  g_assert_true (gtk_widget_is_visible (revision_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (revision_row)), ==, "Điều chỉnh lần 1");
  g_assert_cmpint (kh_store_find_plan (kh_application_get_store (app), 2025, KH_PLAN_KIND_CCHC,
                                       "Điều chỉnh lần 1"), ==, 0);

  /* An empty name is refused by core, said under the fields. */
  gtk_editable_set_text (GTK_EDITABLE (revision_row), "");
  click (dialog, is_button_for_action, "new-plan.create");
  g_assert_true (gtk_widget_has_css_class (revision_row, "error"));
  g_assert_true (shows (dialog, is_mapped_label_containing, "already exists"));

  gtk_editable_set_text (GTK_EDITABLE (revision_row), "Điều chỉnh lần 1");
  g_assert_false (gtk_widget_has_css_class (revision_row, "error"));
  create_and_wait (dialog);
  g_assert_true (shows (GTK_WIDGET (window), is_mapped_label_with_text, "Plan 2025 (Điều chỉnh lần 1)"));
}

static void
test_second_plan_is_revision (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(KhStore) store = NULL;

  set_up_agency (fixture->path, TRUE);
  create_plan (fixture->path, 2025);
  run_application (fixture->path, create_revision, NULL);

  store = open_store (fixture->path);
  g_assert_cmpint (kh_store_find_plan (store, 2025, KH_PLAN_KIND_CCHC, ""), >, 0);
  g_assert_cmpint (kh_store_find_plan (store, 2025, KH_PLAN_KIND_CCHC, "Điều chỉnh lần 1"), >, 0);
}

/* Tests: last year's plan, copied, moves its deadlines */

static void
copy_last_year (KhApplication *app,
                KhWindow      *window,
                gconstpointer  data)
{
  GtkWidget *dialog = open_new_plan_dialog (window);
  GtkWidget *source_row = find_row (dialog, "Plan to copy");
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (source_row));
  g_autoptr(GtkStringObject) selected = NULL;

  /* The usual way is offered first: the newest plan, to the next year. */
  g_assert_true (gtk_widget_is_visible (source_row));
  selected = g_list_model_get_item (model, adw_combo_row_get_selected (ADW_COMBO_ROW (source_row)));
  g_assert_cmpstr (gtk_string_object_get_string (selected), ==, "Plan 2025");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (kh_test_find_widget (dialog, is_spin_button, NULL))), ==, 2026);

  create_and_wait (dialog);
  g_assert_true (shows (GTK_WIDGET (window), is_mapped_label_with_text, "Plan 2026"));
}

static void
test_copy_moves_deadlines (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhTask) task = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_id, new_id;
  guint found = 0;

  set_up_agency (fixture->path, TRUE);
  old_id = create_plan (fixture->path, 2025);

  store = open_store (fixture->path);
  task = kh_task_new (old_id, TASK_TITLE, kh_store_find_department (store, RADIO));
  task->rhythm = KH_RHYTHM_BY_DATE;
  g_date_set_dmy (&task->deadline, 30, G_DATE_JUNE, 2025);
  g_assert_cmpint (kh_store_add_task (store, task, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  run_application (fixture->path, copy_last_year, NULL);

  store = open_store (fixture->path);
  new_id = kh_store_find_plan (store, 2026, KH_PLAN_KIND_CCHC, "");
  g_assert_cmpint (new_id, >, 0);
  tasks = kh_store_list_tasks (store, new_id, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      KhTask *copy = tasks->pdata[i];

      if (g_date_valid (&copy->deadline))
        g_assert_cmpint (g_date_get_year (&copy->deadline), >=, 2026);
      if (g_strcmp0 (copy->title, TASK_TITLE) == 0)
        {
          g_assert_true (g_date_valid (&copy->deadline));
          g_assert_cmpint (g_date_get_day (&copy->deadline), ==, 30);
          g_assert_cmpint (g_date_get_month (&copy->deadline), ==, G_DATE_JUNE);
          g_assert_cmpint (g_date_get_year (&copy->deadline), ==, 2026);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);

  /* The 2025 plan keeps its deadline. */
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = kh_store_list_tasks (store, old_id, kh_store_find_department (store, RADIO), &error);
  for (guint i = 0; i < tasks->len; i++)
    if (g_strcmp0 (((KhTask *)tasks->pdata[i])->title, TASK_TITLE) == 0)
      g_assert_cmpint (g_date_get_year (&((KhTask *)tasks->pdata[i])->deadline), ==, 2025);
}

/* Tests: template tasks no department could take are listed */

static void
create_with_missing_departments (KhApplication *app,
                                 KhWindow      *window,
                                 gconstpointer  data)
{
  GtkWidget *dialog = open_new_plan_dialog (window);
  GtkWidget *message;

  /* No plan to copy: the template is preselected. */
  g_assert_true (gtk_widget_is_visible (find_row (dialog, "Template")));
  set_year (dialog, 2025);
  create_and_wait (dialog);

  message = GTK_WIDGET (kh_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "Some Default Tasks Were Not Added");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                            "default tasks were not added: no department of their kind."));
  click (message, is_button_with_label, "_Close");
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_true (shows (GTK_WIDGET (window), is_mapped_label_with_text, "Plan 2025"));
}

static void
test_missing_departments_told (Fixture       *fixture,
                               gconstpointer  data)
{
  set_up_agency (fixture->path, FALSE);
  run_application (fixture->path, create_with_missing_departments, NULL);
}

/* Tests: templates in Preferences, and saving a plan as one */

static gboolean
row_has_no_text (gpointer user_data)
{
  Search *search = user_data;

  return kh_test_find_widget (search->root, is_entry_row_with_text, search->data) == NULL;
}

static void
manage_templates (KhApplication *app,
                  KhWindow      *window,
                  gconstpointer  data)
{
  GtkWidget *preferences;
  GtkWidget *builtin_row;
  GtkWidget *dialog;
  GtkWidget *name_row;
  GtkWidget *row;
  GtkWidget *message;
  g_autofree char *builtin_name = NULL;
  Search gone;

  g_assert_true (shows (GTK_WIDGET (window), is_mapped_label_with_text, "Plan 2025"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (kh_test_wait_for (kh_test_toplevel_shown, GSIZE_TO_POINTER (KH_TYPE_PREFERENCES_WINDOW)));
  preferences = GTK_WIDGET (kh_test_find_toplevel (KH_TYPE_PREFERENCES_WINDOW));

  /* The built-in template can be renamed, never deleted. */
  builtin_row = find_row (preferences, "Built-in template");
  builtin_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (builtin_row)));
  g_assert_nonnull (strstr (builtin_name, "{year}"));
  g_assert_null (kh_test_find_widget (builtin_row, is_button_with_tooltip, "Delete Template"));
  gtk_editable_set_text (GTK_EDITABLE (builtin_row), "");
  g_signal_emit_by_name (builtin_row, "apply");
  g_assert_true (gtk_widget_has_css_class (builtin_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (builtin_row), builtin_name);
  g_signal_emit_by_name (builtin_row, "apply");
  g_assert_false (gtk_widget_has_css_class (builtin_row, "error"));

  /* The plan page's “Save as Template…”: a taken name is refused inline. */
  kh_save_template_dialog_present (GTK_WINDOW (window), app, kh_window_get_plan_id (window));
  dialog = GTK_WIDGET (kh_test_wait_for_toplevel (KH_TYPE_SAVE_TEMPLATE_DIALOG));
  name_row = find_row (dialog, "Template name");
  g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), "{year}"));
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (name_row)), " (template)"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), builtin_name);
  click (dialog, is_button_for_action, "save-template.save");
  g_assert_true (shows (dialog, is_mapped_label_containing, "There is already a template"));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Mẫu của phường");
  click (dialog, is_button_for_action, "save-template.save");
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_SAVE_TEMPLATE_DIALOG)));

  /* It shows in Preferences at once, renamed in place… */
  g_assert_true (shows (preferences, is_entry_row_with_text, "Mẫu của phường"));
  row = kh_test_find_widget (preferences, is_entry_row_with_text, "Mẫu của phường");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Your template");
  gtk_editable_set_text (GTK_EDITABLE (row), "Mẫu riêng của phường");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* …and deleted after a confirmation. */
  click (row, is_button_with_tooltip, "Delete Template");
  message = GTK_WIDGET (kh_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                            "Mẫu riêng của phường"));
  click (message, is_button_with_label, "_Delete");
  gone = (Search) { preferences, is_entry_row_with_text, "Mẫu riêng của phường" };
  g_assert_true (kh_test_wait_for (row_has_no_text, &gone));
  g_assert_nonnull (kh_test_find_widget (preferences, is_entry_row_with_text, builtin_name));
}

static void
test_templates_saved_renamed_deleted (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  set_up_agency (fixture->path, TRUE);
  create_plan (fixture->path, 2025);
  run_application (fixture->path, manage_templates, NULL);

  store = open_store (fixture->path);
  templates = kh_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_true (((KhTemplate *)templates->pdata[0])->builtin);
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

  g_test_add ("/gui/new-plan/from-template-survives-restart", Fixture, NULL,
              fixture_set_up, test_from_template_survives_restart, fixture_tear_down);
  g_test_add ("/gui/new-plan/second-plan-is-revision", Fixture, NULL,
              fixture_set_up, test_second_plan_is_revision, fixture_tear_down);
  g_test_add ("/gui/new-plan/copy-moves-deadlines", Fixture, NULL,
              fixture_set_up, test_copy_moves_deadlines, fixture_tear_down);
  g_test_add ("/gui/new-plan/missing-departments-told", Fixture, NULL,
              fixture_set_up, test_missing_departments_told, fixture_tear_down);
  g_test_add ("/gui/templates/saved-renamed-deleted", Fixture, NULL,
              fixture_set_up, test_templates_saved_renamed_deleted, fixture_tear_down);

  return g_test_run ();
}
