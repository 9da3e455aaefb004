/* test-results-page.c — the quick-entry dialog and the results page,
 * driven through their widgets under a real X server, on the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "results-test-util.h"

#define RECORDED     "Phát sóng 05 tin, bài về một cửa liên thông"
#define ANOTHER      "Viết 02 tin về dịch vụ công trực tuyến"
#define PASSAGE_TEXT "Lồng ghép tuyên truyền cải cách hành chính trong các cuộc họp, hội nghị của cơ quan"

/* Recording a result */

static void
record_result (KhApplication *app,
               KhWindow      *window,
               gconstpointer  data)
{
  GtkWidget *dialog = open_result_dialog (app, window);
  GtkWidget *row;

  /* Today by default. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kh_test_find_widget (dialog, is_row_with_title,
                                                                       "Date, e.g. 15/3/2024"))),
                   ==, "10/4/2024");

  combo_row_select (dialog, "Department", RADIO);
  combo_row_select (dialog, "Task", NEWS_TASK);
  /* The task's indicator comes with it. */
  g_assert_cmpstr (combo_row_selected (dialog, "Indicator"), ==, NEWS);
  set_quantity (dialog, 5);
  set_description (dialog, RECORDED);
  save_shot (dialog, "result-dialog");

  click (dialog, "_Save");
  g_assert_true (kh_test_wait_for (dialog_closed, app));

  show_view (window, "results");
  row = wait_for_widget (GTK_WIDGET (window), is_mapped_result_row, RECORDED);
  g_assert_nonnull (strstr (kh_test_row_subtitle (row), NEWS_TASK));
  g_assert_nonnull (kh_test_find_widget (row, is_mapped_label_with_text, "viết 05 tin, bài"));
  save_shot (GTK_WIDGET (window), "results-page");
}

static void
test_record_result (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhResult) result = NULL;
  g_autoptr(KhTask) task = NULL;
  guint before = count_results (fixture);

  run_application (fixture->path, record_result, NULL);

  g_assert_cmpuint (count_results (fixture), ==, before + 1);
  result = find_stored_result (fixture, RECORDED);
  g_assert_nonnull (result);
  store = open_store (fixture);
  task = kh_store_get_task (store, result->task_id, NULL);
  g_assert_nonnull (task);
  g_assert_cmpstr (task->title, ==, NEWS_TASK);
  g_assert_cmpint (result->department_id, ==, kh_store_find_department (store, RADIO));
  g_assert_cmpint (result->indicator_id, ==, kh_store_find_indicator (store, NEWS));
  g_assert_cmpfloat (result->quantity, ==, 5);
  g_assert_cmpint (g_date_get_day (&result->done_on), ==, 10);
  g_assert_cmpint (g_date_get_month (&result->done_on), ==, 4);
}

/* Save and Add Another */

static gboolean
label_starts_with_recorded (GtkWidget     *widget,
                            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), "Recorded: viết 02 tin, bài.");
}

static void
save_and_add_another (KhApplication *app,
                      KhWindow      *window,
                      gconstpointer  data)
{
  GtkWidget *dialog = open_result_dialog (app, window);
  g_autofree char *description = NULL;

  combo_row_select (dialog, "Department", RADIO);
  combo_row_select (dialog, "Task", NEWS_TASK);
  set_date (dialog, "12/4/2024");
  set_quantity (dialog, 2);
  set_description (dialog, ANOTHER);

  click (dialog, "Save and Add _Another");

  /* Still open, for the next one: same department, task and date… */
  g_assert_true (find_dialog (app) == KH_RESULT_DIALOG (dialog));
  wait_for_widget (dialog, label_starts_with_recorded, NULL);
  g_assert_cmpstr (combo_row_selected (dialog, "Department"), ==, RADIO);
  g_assert_cmpstr (combo_row_selected (dialog, "Task"), ==, NEWS_TASK);
  g_assert_cmpstr (combo_row_selected (dialog, "Indicator"), ==, NEWS);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kh_test_find_widget (dialog, is_row_with_title,
                                                                       "Date, e.g. 15/3/2024"))),
                   ==, "12/4/2024");
  /* …the rest cleared. */
  description = get_description (dialog);
  g_assert_cmpstr (description, ==, "");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (kh_test_find_widget (dialog, is_spin_button, NULL))), ==, 0);
  save_shot (dialog, "result-dialog-another");

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (kh_test_wait_for (dialog_closed, app));

  /* The window remembers them for the next opening. */
  dialog = open_result_dialog (app, window);
  g_assert_cmpstr (combo_row_selected (dialog, "Department"), ==, RADIO);
  g_assert_cmpstr (combo_row_selected (dialog, "Task"), ==, NEWS_TASK);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_save_and_add_another (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KhResult) result = NULL;
  guint before = count_results (fixture);

  run_application (fixture->path, save_and_add_another, NULL);

  g_assert_cmpuint (count_results (fixture), ==, before + 1);
  result = find_stored_result (fixture, ANOTHER);
  g_assert_nonnull (result);
  g_assert_cmpfloat (result->quantity, ==, 2);
}

/* A date that does not exist */

static void
bad_date_refused (KhApplication *app,
                  KhWindow      *window,
                  gconstpointer  data)
{
  GtkWidget *dialog = open_result_dialog (app, window);
  GtkWidget *date;
  g_autofree char *description = NULL;

  combo_row_select (dialog, "Department", RADIO);
  combo_row_select (dialog, "Task", NEWS_TASK);
  set_quantity (dialog, 3);
  set_description (dialog, RECORDED);
  set_date (dialog, "30/02/2024");

  date = kh_test_find_widget (dialog, is_row_with_title, "Date, e.g. 15/3/2024");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  wait_for_widget (dialog, is_mapped_label_with_text,
                   "“30/02/2024” is not a date: day 30 of month 2 does not exist in 2024.");

  /* Enter keeps the dialog open, with everything typed. */
  g_assert_true (gtk_widget_activate_action (dialog, "result.save", NULL));
  g_assert_true (find_dialog (app) == KH_RESULT_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "30/02/2024");
  description = get_description (dialog);
  g_assert_cmpstr (description, ==, RECORDED);
  save_shot (dialog, "result-dialog-bad-date");

  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_bad_date_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  guint before = count_results (fixture);

  run_application (fixture->path, bad_date_refused, NULL);

  g_assert_cmpuint (count_results (fixture), ==, before);
  g_assert_null (find_stored_result (fixture, RECORDED));
}

/* Quantities that cannot be: negative, absurd, typed as text */

static GtkWidget *
quantity_spin (GtkWidget *dialog)
{
  GtkWidget *row = kh_test_find_widget (dialog, is_row_with_title, "Quantity");

  return kh_test_find_widget (row, is_spin_button, NULL);
}

/* Types into the spin button, then saves: the spin button reads its
 * text then, as on Enter. */
static void
type_quantity_and_save (GtkWidget  *dialog,
                        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (quantity_spin (dialog)), text);
  g_assert_true (gtk_widget_activate_action (dialog, "result.save", NULL));
}

static void
bad_quantity_refused (KhApplication *app,
                      KhWindow      *window,
                      gconstpointer  data)
{
  GtkWidget *dialog = open_result_dialog (app, window);
  GtkWidget *row;

  combo_row_select (dialog, "Department", RADIO);
  combo_row_select (dialog, "Task", NEWS_TASK);
  set_description (dialog, RECORDED);
  row = kh_test_find_widget (dialog, is_row_with_title, "Quantity");

  /* Negative: refused, saying whose result, the row marked. */
  type_quantity_and_save (dialog, "-5");
  g_assert_true (find_dialog (app) == KH_RESULT_DIALOG (dialog));
  wait_for_widget (dialog, is_mapped_label_with_text,
                   "The quantity of a result of " RADIO " cannot be negative.");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* …and not quietly turned into 0 or another number. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (quantity_spin (dialog))), ==, -5);

  /* A million million: refused with the number as it was read. */
  type_quantity_and_save (dialog, "1000000000000");
  g_assert_true (find_dialog (app) == KH_RESULT_DIALOG (dialog));
  wait_for_widget (dialog, is_mapped_label_with_text,
                   "1.000.000.000.000 is too large a quantity for one result of " RADIO " (at most 1.000.000).");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* Letters never get into the field. */
  gtk_editable_set_text (GTK_EDITABLE (quantity_spin (dialog)), "");
  gtk_editable_insert_text (GTK_EDITABLE (quantity_spin (dialog)), "NaN", -1, &(int){ 0 });
  g_assert_null (strstr (gtk_editable_get_text (GTK_EDITABLE (quantity_spin (dialog))), "NaN"));

  /* A real number saves. */
  type_quantity_and_save (dialog, "7");
  g_assert_true (kh_test_wait_for (dialog_closed, app));
}

static void
test_bad_quantity_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KhResult) result = NULL;
  guint before = count_results (fixture);

  run_application (fixture->path, bad_quantity_refused, NULL);

  /* Only the good one. */
  g_assert_cmpuint (count_results (fixture), ==, before + 1);
  result = find_stored_result (fixture, RECORDED);
  g_assert_nonnull (result);
  g_assert_cmpfloat (result->quantity, ==, 7);
}

/* Filtering */

static guint
count_rows (GtkWidget *root)
{
  GtkWidget *row = kh_test_find_widget (root, is_mapped_result_row_any, NULL);
  guint n = 0;

  for (GtkWidget *r = row ? gtk_widget_get_parent (row) : NULL, *c = r ? gtk_widget_get_first_child (r) : NULL;
       c != NULL; c = gtk_widget_get_next_sibling (c))
    n += KH_IS_RESULT_ROW (c);
  return n;
}

typedef struct
{
  GtkWidget *root;
  guint      n;
} Count;

static gboolean
rows_counted (gpointer data)
{
  Count *count = data;

  return count_rows (count->root) == count->n;
}

static void
filter_by_indicator (KhApplication *app,
                     KhWindow      *window,
                     gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (window);
  Count all = { root, 12 }, banners = { root, 2 }, news = { root, 3 }, quarter = { root, 0 };

  show_view (window, "results");
  wait_for_widget (root, is_mapped_result_row, PASSAGE_TEXT);
  g_assert_true (kh_test_wait_for (rows_counted, &all));

  drop_down_select (root, BANNERS);
  g_assert_true (kh_test_wait_for (rows_counted, &banners));
  wait_for_widget (root, is_mapped_label_with_text, "2 results · treo 06 băng rôn in all");
  g_assert_true (wait_until_gone (root, is_mapped_result_row, PASSAGE_TEXT));

  drop_down_select (root, NEWS);
  g_assert_true (kh_test_wait_for (rows_counted, &news));
  wait_for_widget (root, is_mapped_label_with_text, "3 results · viết 11 tin, bài in all");

  /* Nothing of quý II yet. */
  drop_down_select (root, "Quarter II");
  wait_for_widget (root, is_mapped_label_with_text, "No Matching Results");
  g_assert_true (kh_test_wait_for (rows_counted, &quarter));

  drop_down_select (root, "Quarter I");
  drop_down_select (root, "All Indicators");
  g_assert_true (kh_test_wait_for (rows_counted, &all));
}

static void
test_filter_by_indicator (Fixture       *fixture,
                          gconstpointer  data)
{
  run_application (fixture->path, filter_by_indicator, NULL);
}

/* Deleting, and Undo */

static gboolean
is_delete_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "results.delete") == 0;
}

static void
delete_and_undo (KhApplication *app,
                 KhWindow      *window,
                 gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *row;
  GtkWidget *undo;

  show_view (window, "results");
  row = wait_for_widget (root, is_mapped_result_row, PASSAGE_TEXT);
  g_signal_emit_by_name (kh_test_find_widget (row, is_delete_button, NULL), "clicked");
  g_assert_true (wait_until_gone (root, is_mapped_result_row, PASSAGE_TEXT));

  undo = wait_for_widget (root, is_mapped_button_with_label, "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  wait_for_widget (root, is_mapped_result_row, PASSAGE_TEXT);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KhResult) before = find_stored_result (fixture, PASSAGE_TEXT);
  g_autoptr(KhResult) after = NULL;
  guint n = count_results (fixture);

  g_assert_nonnull (before);
  run_application (fixture->path, delete_and_undo, NULL);

  g_assert_cmpuint (count_results (fixture), ==, n);
  after = find_stored_result (fixture, PASSAGE_TEXT);
  g_assert_nonnull (after);
  g_assert_cmpint (after->task_id, ==, before->task_id);
  g_assert_cmpint (after->department_id, ==, before->department_id);
  g_assert_cmpint (g_date_compare (&after->done_on, &before->done_on), ==, 0);
}

/* Editing */

static gboolean
is_mapped_passage_row_of_28_february (GtkWidget     *widget,
                                      gconstpointer  data)
{
  return is_mapped_result_row (widget, PASSAGE_TEXT) &&
         g_str_has_prefix (kh_test_row_subtitle (widget), "28/02/2024");
}

static void
edit_result (KhApplication *app,
             KhWindow      *window,
             gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *row;
  GtkWidget *dialog;

  show_view (window, "results");
  row = wait_for_widget (root, is_mapped_result_row, PASSAGE_TEXT);
  g_assert_true (gtk_widget_activate (row));
  g_assert_true (kh_test_wait_for (dialog_open, app));
  dialog = GTK_WIDGET (find_dialog (app));

  /* As stored; no “Save and Add Another” when editing. */
  g_assert_cmpstr (combo_row_selected (dialog, "Department"), ==, "Tư pháp – Hộ tịch");
  g_assert_null (kh_test_find_widget (dialog, is_mapped_button_with_label, "Save and Add _Another"));
  set_date (dialog, "28/02/2024");
  click (dialog, "_Save");
  g_assert_true (kh_test_wait_for (dialog_closed, app));
  /* The list is read again in a worker: the row comes back with its date. */
  row = wait_for_widget (root, is_mapped_passage_row_of_28_february, NULL);
  g_assert_true (g_str_has_prefix (kh_test_row_subtitle (row), "28/02/2024"));
}

static void
test_edit_result (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KhResult) after = NULL;

  run_application (fixture->path, edit_result, NULL);

  after = find_stored_result (fixture, PASSAGE_TEXT);
  g_assert_cmpint (g_date_get_day (&after->done_on), ==, 28);
}

/* Another plan: its results are read in a worker, and until they come the
 * list shows none, never the other plan's; back again, they return. */
static void
other_plan_shows_its_own (KhApplication *app,
                          KhWindow      *window,
                          gconstpointer  data)
{
  const gint64 *plans = data;   /* the demo's, and an empty one */
  GtkWidget *root = GTK_WIDGET (window);

  kh_window_select_plan (window, plans[0]);
  show_view (window, "results");
  wait_for_widget (root, is_mapped_result_row, PASSAGE_TEXT);

  kh_window_select_plan (window, plans[1]);
  g_assert_null (kh_test_find_widget (root, is_mapped_result_row_any, NULL));
  wait_for_widget (root, is_mapped_label_with_text, "No Results Yet");

  kh_window_select_plan (window, plans[0]);
  wait_for_widget (root, is_mapped_result_row, PASSAGE_TEXT);
}

static void
test_other_plan_shows_its_own (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = kh_plan_new (2025, "Tuyên truyền cải cách hành chính năm 2025");
  gint64 plans[2] = { fixture->plan_id, 0 };

  {
    g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);

    g_assert_no_error (error);
    plans[1] = kh_store_create_plan (store, plan, &error);
    g_assert_no_error (error);
  }
  run_application (fixture->path, other_plan_shows_its_own, plans);
}

int
main (int   argc,
      char *argv[])
{
  init_ui_tests (&argc, &argv);

  g_test_add ("/gui/results/record-result", Fixture, NULL,
              fixture_set_up, test_record_result, fixture_tear_down);
  g_test_add ("/gui/results/save-and-add-another", Fixture, NULL,
              fixture_set_up, test_save_and_add_another, fixture_tear_down);
  g_test_add ("/gui/results/bad-date-refused", Fixture, NULL,
              fixture_set_up, test_bad_date_refused, fixture_tear_down);
  g_test_add ("/gui/results/bad-quantity-refused", Fixture, NULL,
              fixture_set_up, test_bad_quantity_refused, fixture_tear_down);
  g_test_add ("/gui/results/filter-by-indicator", Fixture, NULL,
              fixture_set_up, test_filter_by_indicator, fixture_tear_down);
  g_test_add ("/gui/results/delete-and-undo", Fixture, NULL,
              fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/gui/results/other-plan-shows-its-own", Fixture, NULL,
              fixture_set_up, test_other_plan_shows_its_own, fixture_tear_down);
  g_test_add ("/gui/results/edit-result", Fixture, NULL,
              fixture_set_up, test_edit_result, fixture_tear_down);

  return g_test_run ();
}
