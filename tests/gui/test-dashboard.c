/* test-dashboard.c — the leader's dashboard under a real X server, on
 * the demo, with today fixed at 10/4/2024 (KEHOACH_TODAY)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-agency.h"
#include "kh-dashboard.h"
#include "kh-task-dialog.h"
#include "kh-dashboard-export.h"
#include "kh-tasks-page.h"

#include "results-test-util.h"

#define NEWS_Q1_BEFORE "Tin, bài: 11 of 40 tin, bài (28%)"
#define NEWS_Q1_AFTER  "Tin, bài: 14 of 40 tin, bài (35%)"
#define OVERDUE_TASK   "Bố trí kinh phí tuyên truyền"
#define FINANCE        "Tài chính – Kế toán"

/* The chart row that says `text`. */
typedef struct
{
  GtkWidget  *root;
  const char *text;
} ChartText;

static gboolean
chart_says (GtkWidget     *widget,
            gconstpointer  text)
{
  if (!KH_IS_CHART_WIDGET (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  for (guint i = 0; i < kh_chart_widget_get_n_rows (KH_CHART_WIDGET (widget)); i++)
    if (g_strcmp0 (kh_chart_widget_get_row_text (KH_CHART_WIDGET (widget), i), text) == 0)
      return TRUE;

  return FALSE;
}

static guint
chart_row (GtkWidget  *chart,
           const char *prefix)
{
  for (guint i = 0; i < kh_chart_widget_get_n_rows (KH_CHART_WIDGET (chart)); i++)
    if (g_str_has_prefix (kh_chart_widget_get_row_text (KH_CHART_WIDGET (chart), i), prefix))
      return i;

  g_assert_not_reached ();
}

static gboolean
is_mapped_row_with_title (GtkWidget     *widget,
                          gconstpointer  title)
{
  return gtk_widget_get_mapped (widget) && is_row_with_title (widget, title);
}

static const char *
visible_view (KhWindow *window)
{
  GtkWidget *stack = kh_test_find_widget (GTK_WIDGET (window), is_view_stack, NULL);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* The test: a result added through the dialog moves the figure. */

static void
figure_follows_new_result (KhApplication *app,
                           KhWindow      *window,
                           gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *dialog;

  /* The first page; today's quarter by default. */
  g_assert_cmpstr (visible_view (window), ==, "dashboard");
  wait_for_widget (root, is_mapped_drop_down_with, "Quarter II");

  drop_down_select (root, "Quarter I");
  wait_for_widget (root, chart_says, NEWS_Q1_BEFORE);
  wait_for_widget (root, is_mapped_label_with_text, "Tasks as of 31/3/2024");
  save_shot (root, "dashboard-q1");

  dialog = open_result_dialog (app, window);
  combo_row_select (dialog, "Department", RADIO);
  combo_row_select (dialog, "Task", NEWS_TASK);
  set_date (dialog, "15/3/2024");
  set_quantity (dialog, 3);
  set_description (dialog, "Viết 03 tin về tiếp nhận hồ sơ trực tuyến");
  click (dialog, "_Save");
  g_assert_true (kh_test_wait_for (dialog_closed, app));

  wait_for_widget (root, chart_says, NEWS_Q1_AFTER);
  g_assert_null (kh_test_find_widget (root, chart_says, NEWS_Q1_BEFORE));
}

static void
test_figure_follows_new_result (Fixture       *fixture,
                                gconstpointer  data)
{
  run_application (fixture->path, figure_follows_new_result, NULL);
}

/* The overdue task, and where it leads */

static KhTaskDialog *
find_task_dialog (KhApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (KH_IS_TASK_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;

  return NULL;
}

static gboolean
task_dialog_open (gpointer app)
{
  return find_task_dialog (app) != NULL;
}

static gboolean
allocated (gpointer adjustment)
{
  return gtk_adjustment_get_page_size (adjustment) > 0;
}

/* For the screenshot: the lists are at the end. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW)));

  g_assert_true (kh_test_wait_for (allocated, adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
overdue_task_opens_its_dialog (KhApplication *app,
                               KhWindow      *window,
                               gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *row;
  GtkWidget *list;
  KhTaskDialog *dialog;

  /* Due 31/3/2024, still in progress on 10/4/2024. */
  row = wait_for_widget (root, is_mapped_row_with_title, OVERDUE_TASK);
  list = gtk_widget_get_parent (row);
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_nonnull (strstr (kh_test_row_subtitle (row), "was due 31/3/2024"));
  wait_for_widget (root, is_mapped_label_with_text, "Overdue");
  scroll_to_end (row);
  save_shot (root, "dashboard-q2");

  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (kh_test_wait_for (task_dialog_open, app));
  dialog = find_task_dialog (app);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kh_test_find_widget (GTK_WIDGET (dialog), is_row_with_title,
                                                                       "Title, e.g. Tuyên truyền trực quan"))),
                   ==, OVERDUE_TASK);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_overdue_task (Fixture       *fixture,
                   gconstpointer  data)
{
  run_application (fixture->path, overdue_task_opens_its_dialog, NULL);
}

static gboolean
is_chart_with_row (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  if (!KH_IS_CHART_WIDGET (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  for (guint i = 0; i < kh_chart_widget_get_n_rows (KH_CHART_WIDGET (widget)); i++)
    if (g_str_has_prefix (kh_chart_widget_get_row_text (KH_CHART_WIDGET (widget), i), prefix))
      return TRUE;

  return FALSE;
}

static gboolean
is_drop_down_showing (GtkWidget     *widget,
                      gconstpointer  item)
{
  GtkStringObject *selected;

  if (!GTK_IS_DROP_DOWN (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  selected = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget));
  return selected != NULL && g_strcmp0 (gtk_string_object_get_string (selected), item) == 0;
}

static void
figures_lead_behind (KhApplication *app,
                     KhWindow      *window,
                     gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *chart;

  /* A department's bar: its tasks. */
  chart = wait_for_widget (root, is_chart_with_row, FINANCE ":");
  kh_chart_widget_activate_row (KH_CHART_WIDGET (chart), chart_row (chart, FINANCE ":"));
  g_assert_cmpstr (visible_view (window), ==, "tasks");
  wait_for_widget (root, is_drop_down_showing, FINANCE);

  /* An indicator's bar: its results in the period. */
  show_view (window, "dashboard");
  drop_down_select (root, "Quarter I");
  wait_for_widget (root, is_mapped_label_with_text, "Tasks as of 31/3/2024");
  chart = wait_for_widget (root, chart_says, NEWS_Q1_BEFORE);
  kh_chart_widget_activate_row (KH_CHART_WIDGET (chart), chart_row (chart, NEWS ":"));
  g_assert_cmpstr (visible_view (window), ==, "results");
  wait_for_widget (root, is_drop_down_showing, NEWS);
  save_shot (root, "results-from-dashboard");
  wait_for_widget (root, is_mapped_label_with_text, "3 results · viết 11 tin, bài in all");
}

static void
test_figures_lead_behind (Fixture       *fixture,
                          gconstpointer  data)
{
  run_application (fixture->path, figures_lead_behind, NULL);
}

/* Export: the same figures, one page, through the PDF writer */

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kh_dashboard_export_finish (result, &error));
  g_assert_no_error (error);
  *(gboolean *)user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fixture);
  g_autoptr(KhAgency) agency = kh_store_load_agency (store, NULL);
  g_autoptr(KhPlan) plan = kh_store_load_plan (store, fixture->plan_id, NULL);
  g_autoptr(KhDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "dashboard.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *command = NULL;
  gboolean done = FALSE;
  KhPeriod period;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, 4, 2024);
  g_assert_true (kh_store_init_period (store, &period, KH_PERIOD_Q1, 2024, NULL));
  dashboard = kh_store_compute_dashboard (store, fixture->plan_id, &period, &today, &error);
  g_assert_no_error (error);

  name = kh_dashboard_export_file_name (dashboard);
  g_assert_cmpstr (name, ==, "Tình hình thực hiện kế hoạch - quý I năm 2024.pdf");

  kh_dashboard_export_async (kh_dashboard_export_document (dashboard, agency, plan->title, &today),
                             file, NULL, on_exported_cb, &done);
  g_assert_true (kh_test_wait_for (is_true, &done));

  if (g_getenv ("KH_TEST_SHOTS") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("KH_TEST_SHOTS"), "dashboard.pdf", NULL);
      g_autofree char *cp = g_strdup_printf ("cp '%s' '%s'", path, copy);
      g_spawn_command_line_sync (cp, NULL, NULL, NULL, NULL);
    }

  /* One page, with the header, the title and the figures. */
  command = g_strdup_printf ("pdfinfo '%s'", path);
  if (!g_spawn_command_line_sync (command, &info, NULL, NULL, NULL))
    {
      g_test_skip ("pdfinfo is not installed");
      return;
    }
  g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("pdftotext -layout '%s' -", path);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH"));
  g_assert_nonnull (strstr (text, "PHƯỜNG PHỔ MINH"));
  g_assert_nonnull (strstr (text, "ngày 10 tháng 4 năm 2024"));
  g_assert_nonnull (strstr (text, "quý I năm 2024"));
  g_assert_nonnull (strstr (text, "Kế hoạch có 16 nhiệm vụ"));
}

int
main (int   argc,
      char *argv[])
{
  init_ui_tests (&argc, &argv);

  g_test_add ("/gui/dashboard/figure-follows-new-result", Fixture, NULL,
              fixture_set_up, test_figure_follows_new_result, fixture_tear_down);
  g_test_add ("/gui/dashboard/overdue-task", Fixture, NULL,
              fixture_set_up, test_overdue_task, fixture_tear_down);
  g_test_add ("/gui/dashboard/figures-lead-behind", Fixture, NULL,
              fixture_set_up, test_figures_lead_behind, fixture_tear_down);

  g_test_add ("/gui/dashboard/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);

  return g_test_run ();
}
