/* test-reports-page.c — the “Reports” view, driven through its widgets
 * under a real X server: a new report through the dialog, autosave and
 * restart, regeneration that keeps the clerk's text, PDF export and
 * printing through the plan's export dialog
 *
 * Set KH_TEST_SHOTS to a directory to keep PNGs of the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-test-ui.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kh-dashboard.h"
#include "kh-demo.h"
#include "kh-plan.h"
#include "kh-report-compose.h"
#include "kh-report.h"
#include "kh-result.h"

#include "kh-application.h"
#include "kh-export-dialog.h"
#include "kh-plan-issue-dialog.h"
#include "kh-new-report-dialog.h"
#include "kh-report-editor.h"
#include "kh-reports-page.h"
#include "kh-window.h"

#define FAVOURABLE     "Được sự quan tâm của Đảng ủy, HĐND phường và sự đồng thuận của nhân dân."
#define CLERK_RESULTS  "Kết quả do công chức viết lại, không được ghi đè."

typedef struct
{
  char   *dir;
  char   *path;
  gint64  plan_id;     /* the demo's 2024 plan */
} Fixture;

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_reports_page (GtkWidget     *widget,
                 gconstpointer  data)
{
  return KH_IS_REPORTS_PAGE (widget);
}

static KhReportsPage *
reports_page (KhWindow *window)
{
  GtkWidget *page = kh_test_find_widget (GTK_WIDGET (window), is_reports_page, NULL);

  g_assert_nonnull (page);
  return KH_REPORTS_PAGE (page);
}

static GtkTextView *
editor_view (KhWindow   *window,
             const char *name)
{
  GtkWidget *view = kh_test_find_widget (GTK_WIDGET (kh_reports_page_get_editor (reports_page (window))), is_named, name);

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  return GTK_TEXT_VIEW (view);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
replace_text (GtkTextView *view,
              const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
  gtk_text_buffer_insert_interactive (buffer, &start, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

/* A picture of a window once it has painted, when asked for. */
static void
maybe_shot (gpointer    window,
            const char *name)
{
  const char *dir = g_getenv ("KH_TEST_SHOTS");
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || !gtk_widget_get_mapped (widget))
    return;

  node = kh_test_draw_widget (widget);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

/* What core holds */

static KhReport *
stored_q1_report (KhStore *store,
                  gint64   plan_id)
{
  g_autoptr(GPtrArray) reports = kh_store_list_reports (store, plan_id, NULL);

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      const KhReport *report = reports->pdata[i];

      if (report->period.kind == KH_PERIOD_Q1)
        return kh_report_copy (report);
    }
  return NULL;
}

typedef struct
{
  KhApplication *app;
  Fixture       *fixture;
  const char    *favourable;
} Stored;

static gboolean
core_has_favourable (gpointer data)
{
  Stored *stored = data;
  g_autoptr(KhReport) report = stored_q1_report (kh_application_get_store (stored->app), stored->fixture->plan_id);

  return report != NULL && g_strcmp0 (report->favourable, stored->favourable) == 0;
}

/* Fixtures */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;

  fixture->dir = g_dir_make_tmp ("kh-gui-reports-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kh_demo_load (store, FALSE, &error));
  g_assert_no_error (error);

  fixture->plan_id = kh_store_find_plan (store, 2024, KH_PLAN_KIND_CCHC, "");
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

typedef void (*Body) (KhApplication *app,
                      KhWindow      *window,
                      Fixture       *fixture);

typedef struct
{
  Body     body;
  Fixture *fixture;
} Run;

static void
on_window_cb (KhApplication *app,
              KhWindow      *window,
              gconstpointer  data)
{
  const Run *run = data;

  kh_window_select_plan (window, run->fixture->plan_id);
  kh_window_show_view (window, "reports");

  run->body (app, window, run->fixture);
}

static void
run_application (Fixture *fixture,
                 Body     body)
{
  Run run = { body, fixture };

  kh_test_run_application (fixture->path, on_window_cb, &run);
}

/* Conditions */

typedef struct
{
  KhWindow   *window;
  const char *name;
  const char *text;
} Shows;

static gboolean
view_contains (gpointer data)
{
  Shows *shows = data;
  GtkWidget *view = kh_test_find_widget (GTK_WIDGET (kh_reports_page_get_editor (reports_page (shows->window))),
                                 is_named, shows->name);
  g_autofree char *text = NULL;

  if (!GTK_IS_TEXT_VIEW (view) || !gtk_widget_get_mapped (view))
    return FALSE;
  text = buffer_text (GTK_TEXT_VIEW (view));
  return strstr (text, shows->text) != NULL;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* A new report through the dialog, edited, and found after a restart */

static void
create_and_edit (KhApplication *app,
                 KhWindow      *window,
                 Fixture       *fixture)
{
  KhReportsPage *page = reports_page (window);
  Shows banners = { window, "results", "06 băng rôn" };
  Shows articles = { window, "results", "11 tin, bài" };
  Stored stored = { app, fixture, FAVOURABLE };
  KhNewReportDialog *dialog;
  GtkWidget *empty;

  /* The demo has no report yet: the empty state offers one. */
  empty = kh_test_find_widget (GTK_WIDGET (page), is_named, "new-report");
  g_assert_nonnull (empty);
  g_assert_true (kh_test_wait_for (is_mapped, page));
  maybe_shot (window, "reports-empty");

  dialog = kh_reports_page_new_report (page);
  g_assert_nonnull (dialog);
  g_assert_true (kh_test_wait_for (is_mapped, dialog));
  kh_new_report_dialog_set_period (dialog, KH_PERIOD_RANGE, NULL, NULL);
  maybe_shot (dialog, "new-report-dialog");
  kh_new_report_dialog_set_period (dialog, KH_PERIOD_Q1, NULL, NULL);
  g_assert_true (kh_new_report_dialog_create (dialog));

  g_assert_true (kh_test_wait_for (view_contains, &banners));
  g_assert_true (view_contains (&articles));
  maybe_shot (window, "reports-q1");

  replace_text (editor_view (window, "favourable"), FAVOURABLE);
  g_assert_true (kh_test_wait_for (core_has_favourable, &stored));
  if (g_getenv ("KH_TEST_SHOTS") != NULL)
    {
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (editor_view (window, "favourable")),
                                                     GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      maybe_shot (window, "reports-bottom");
    }

  /* Undo is there in every text. */
  g_assert_true (gtk_text_buffer_get_can_undo (gtk_text_view_get_buffer (editor_view (window, "favourable"))));
}

static void
edits_are_shown (KhApplication *app,
                 KhWindow      *window,
                 Fixture       *fixture)
{
  Shows favourable = { window, "favourable", FAVOURABLE };
  KhReportsPage *page = reports_page (window);
  KhNewReportDialog *dialog;
  g_autoptr(GPtrArray) reports = NULL;
  gint64 id;

  g_assert_true (kh_test_wait_for (view_contains, &favourable));
  id = kh_report_editor_get_report_id (kh_reports_page_get_editor (page));

  /* The same period again: no second report, the first is selected. */
  dialog = kh_reports_page_new_report (page);
  kh_new_report_dialog_set_period (dialog, KH_PERIOD_Q1, NULL, NULL);
  g_assert_true (kh_new_report_dialog_create (dialog));
  reports = kh_store_list_reports (kh_application_get_store (app), fixture->plan_id, NULL);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpint (kh_report_editor_get_report_id (kh_reports_page_get_editor (page)), ==, id);
}

static void
test_create_edit_restart (Fixture       *fixture,
                          gconstpointer  data)
{
  run_application (fixture, create_and_edit);
  run_application (fixture, edits_are_shown);
}

/* Regeneration keeps the clerk's text and shows what changed */

static void
add_result_to_q1 (KhStore *store,
                  gint64   plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(KhResult) result = NULL;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, 2024);
  g_date_set_dmy (&to, 1, 3, 2024);
  results = kh_store_list_results (store, plan_id, &from, &to, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < results->len && result == NULL; i++)
    if (((KhResult *)results->pdata[i])->indicator_id != 0)
      result = kh_result_copy (results->pdata[i]);
  g_assert_nonnull (result);

  result->id = 0;
  result->quantity = 7;
  g_date_set_dmy (&result->done_on, 20, 2, 2024);
  g_assert_cmpint (kh_store_add_result (store, result, &error), >, 0);
  g_assert_no_error (error);
}

static gboolean
changes_shown (gpointer window)
{
  GtkWidget *label = kh_test_find_widget (GTK_WIDGET (kh_reports_page_get_editor (reports_page (window))), is_named, "changes");

  return label != NULL && gtk_widget_get_mapped (label) &&
         strstr (gtk_label_get_text (GTK_LABEL (label)), "\n+ ") != NULL;
}

static void
regenerate_keeps_text (KhApplication *app,
                       KhWindow      *window,
                       Fixture       *fixture)
{
  KhReportEditor *editor = kh_reports_page_get_editor (reports_page (window));
  Shows clerk = { window, "results", CLERK_RESULTS };
  g_autoptr(KhReport) report = NULL;
  g_autofree char *text = NULL;

  g_assert_true (kh_test_wait_for (view_contains, &clerk));

  add_result_to_q1 (kh_application_get_store (app), fixture->plan_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.regenerate", NULL));

  g_assert_true (kh_test_wait_for (changes_shown, window));
  text = buffer_text (editor_view (window, "results"));
  g_assert_nonnull (strstr (text, CLERK_RESULTS));
  maybe_shot (window, "reports-regenerated");

  /* Taking the new text is one step, and saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.replace-results", NULL));
  report = stored_q1_report (kh_application_get_store (app), fixture->plan_id);
  g_assert_cmpstr (report->results_text, ==, report->results_generated);
  g_clear_pointer (&text, g_free);
  text = buffer_text (editor_view (window, "results"));
  g_assert_cmpstr (text, ==, report->results_generated);
}

static void
test_regenerate_keeps_text (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);
  g_autoptr(KhReport) report = NULL;
  KhPeriod period;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (kh_store_init_period (store, &period, KH_PERIOD_Q1, 2024, &error));
  id = kh_store_new_report (store, fixture->plan_id, &period, &error);
  g_assert_no_error (error);
  report = kh_store_load_report (store, id, &error);
  g_assert_no_error (error);
  g_free (report->results_text);
  report->results_text = g_strdup_printf ("%s\n%s", report->results_generated, CLERK_RESULTS);
  g_assert_true (kh_store_update_report (store, report, &error));
  g_clear_object (&store);

  run_application (fixture, regenerate_keeps_text);
}

/* Export */

typedef struct
{
  gboolean done;
  gboolean ok;
} Exported;

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Exported *exported = user_data;
  g_autoptr(GError) error = NULL;

  exported->ok = kh_report_editor_export_finish (KH_REPORT_EDITOR (object), result, &error);
  g_assert_no_error (error);
  exported->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((Exported *)data)->done;
}

static gboolean
is_pdf (gpointer path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) &&
         length > 4 && g_str_has_prefix (contents, "%PDF");
}

static void
export_pdf (KhApplication *app,
            KhWindow      *window,
            Fixture       *fixture)
{
  KhReportEditor *editor = kh_reports_page_get_editor (reports_page (window));
  Shows banners = { window, "results", "06 băng rôn" };
  g_autofree char *path = g_build_filename (fixture->dir, "bao-cao.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  Exported exported = { FALSE, FALSE };
  gsize length;

  g_assert_true (kh_test_wait_for (view_contains, &banners));
  kh_report_editor_export_async (editor, KH_DOCUMENT_MODE_SIGNING, file, on_exported_cb, &exported);
  g_assert_true (kh_test_wait_for (export_done, &exported));
  g_assert_true (exported.ok);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);

  /* “Export PDF…”: the plan's dialog, the draft form for a draft report */
  {
    g_autofree char *draft = g_build_filename (fixture->dir, "bao-cao-du-thao.pdf", NULL);
    KhExportDialog *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.export", NULL));
    g_assert_true (kh_test_wait_for (kh_test_toplevel_shown, GSIZE_TO_POINTER (KH_TYPE_EXPORT_DIALOG)));
    dialog = KH_EXPORT_DIALOG (kh_test_find_toplevel (KH_TYPE_EXPORT_DIALOG));
    g_assert_cmpint (kh_export_dialog_get_mode (dialog), ==, KH_DOCUMENT_MODE_DRAFT);
    kh_export_dialog_set_mode (dialog, KH_DOCUMENT_MODE_ISSUED);
    g_assert_cmpint (kh_export_dialog_get_mode (dialog), !=, KH_DOCUMENT_MODE_ISSUED);
    kh_export_dialog_set_mode (dialog, KH_DOCUMENT_MODE_DRAFT);
    maybe_shot (dialog, "report-export-dialog");
    kh_export_dialog_export_to_path (dialog, draft);
    g_assert_true (kh_test_wait_for (is_pdf, draft));
    g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_EXPORT_DIALOG)));
  }

  /* “Print…”: the same dialog, for the printer */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.print", NULL));
  g_assert_true (kh_test_wait_for (kh_test_toplevel_shown, GSIZE_TO_POINTER (KH_TYPE_EXPORT_DIALOG)));
  gtk_window_close (kh_test_find_toplevel (KH_TYPE_EXPORT_DIALOG));
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_EXPORT_DIALOG)));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);
  KhPeriod period;

  g_assert_no_error (error);
  g_assert_true (kh_store_init_period (store, &period, KH_PERIOD_Q1, 2024, &error));
  g_assert_cmpint (kh_store_new_report (store, fixture->plan_id, &period, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  run_application (fixture, export_pdf);
}

/* States: draft, for signing, issued (frozen); deleting a draft */

static GtkWindow *
find_app_window (KhApplication *app,
                 GType          type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  /* The message dialogs have no application: every toplevel. */
  for (GList *l = windows; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_mapped (l->data))
      return l->data;

  return NULL;
}

typedef struct
{
  KhApplication *app;
  GType          type;
} Open;

static gboolean
window_open (gpointer data)
{
  Open *open = data;

  return find_app_window (open->app, open->type) != NULL;
}

static gboolean
window_closed (gpointer data)
{
  return !window_open (data);
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_entry_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget);
}

typedef struct
{
  KhWindow   *window;
  const char *prefix;
} StateIs;

static gboolean
state_is (gpointer data)
{
  StateIs *state = data;
  GtkWidget *label = kh_test_find_widget (GTK_WIDGET (kh_reports_page_get_editor (reports_page (state->window))),
                                  is_named, "state");

  return label != NULL && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), state->prefix);
}

static void
sign_issue_delete (KhApplication *app,
                   KhWindow      *window,
                   Fixture       *fixture)
{
  KhReportsPage *page = reports_page (window);
  KhReportEditor *editor = kh_reports_page_get_editor (page);
  Shows banners = { window, "results", "06 băng rôn" };
  StateIs signing = { window, "For Signing" };
  StateIs issued = { window, "Issued as Số: 05/BC-" };
  Open issue = { app, KH_TYPE_PLAN_ISSUE_DIALOG };
  Open confirm = { app, ADW_TYPE_MESSAGE_DIALOG };
  KhNewReportDialog *new_dialog;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) reports = NULL;

  g_assert_true (kh_test_wait_for (view_contains, &banners));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "plan.send-for-signing", NULL));
  g_assert_true (kh_test_wait_for (state_is, &signing));
  g_assert_false (gtk_text_view_get_editable (editor_view (window, "favourable")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "plan.issue", NULL));
  g_assert_true (kh_test_wait_for (window_open, &issue));
  dialog = find_app_window (app, KH_TYPE_PLAN_ISSUE_DIALOG);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (kh_test_find_widget (GTK_WIDGET (dialog), is_spin_button, NULL)), 5);
  gtk_editable_set_text (GTK_EDITABLE (kh_test_find_widget (GTK_WIDGET (dialog), is_entry_row, NULL)), "08/03/2024");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "issue.issue", NULL));
  g_assert_true (kh_test_wait_for (window_closed, &issue));
  g_assert_true (kh_test_wait_for (state_is, &issued));
  g_assert_false (gtk_text_view_get_editable (editor_view (window, "results")));
  maybe_shot (window, "reports-issued");

  /* An issued report is not deleted; a draft is, after confirmation. */
  new_dialog = kh_reports_page_new_report (page);
  kh_new_report_dialog_set_period (new_dialog, KH_PERIOD_Q2, NULL, NULL);
  g_assert_true (kh_new_report_dialog_create (new_dialog));
  g_assert_true (kh_test_wait_for (view_contains, &(Shows) { window, "title", "quý II" }));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.delete", NULL));
  g_assert_true (kh_test_wait_for (window_open, &confirm));
  dialog = find_app_window (app, ADW_TYPE_MESSAGE_DIALOG);
  /* What a click on “Delete” does, less the closing. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  gtk_window_destroy (dialog);

  reports = kh_store_list_reports (kh_application_get_store (app), fixture->plan_id, NULL);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpint (((KhReport *)reports->pdata[0])->state, ==, KH_PLAN_STATE_ISSUED);
}

static void
test_sign_issue_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);
  KhPeriod period;

  g_assert_no_error (error);
  g_assert_true (kh_store_init_period (store, &period, KH_PERIOD_Q1, 2024, &error));
  g_assert_cmpint (kh_store_new_report (store, fixture->plan_id, &period, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  run_application (fixture, sign_issue_delete);
}

/* A number the register already holds */

typedef struct
{
  gint64 draft_id;    /* quý I, for signing */
  gint64 issued_id;   /* quý II, issued as 05/BC */
} TwoReports;

static TwoReports two_reports;

static gboolean
is_named_visible_label (GtkWidget     *widget,
                        gconstpointer  name)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static void
duplicate_number_refused (KhApplication *app,
                          KhWindow      *window,
                          Fixture       *fixture)
{
  KhReportsPage *page = reports_page (window);
  KhReportEditor *editor = kh_reports_page_get_editor (page);
  StateIs signing = { window, "For Signing" };
  StateIs issued = { window, "Issued as Số: 06/BC-" };
  Open issue = { app, KH_TYPE_PLAN_ISSUE_DIALOG };
  GtkWindow *dialog;
  GtkWidget *number;
  GtkWidget *error_label;
  const char *message;

  kh_reports_page_select_report (page, two_reports.draft_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "plan.send-for-signing", NULL));
  g_assert_true (kh_test_wait_for (state_is, &signing));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "plan.issue", NULL));
  g_assert_true (kh_test_wait_for (window_open, &issue));
  dialog = find_app_window (app, KH_TYPE_PLAN_ISSUE_DIALOG);
  number = kh_test_find_widget (GTK_WIDGET (dialog), is_spin_button, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (number), 5);
  gtk_editable_set_text (GTK_EDITABLE (kh_test_find_widget (GTK_WIDGET (dialog), is_entry_row, NULL)), "08/04/2024");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "issue.issue", NULL));

  /* Refused: which number, and which report holds it; the dialog stays
   * open with the number marked. */
  error_label = kh_test_find_widget (GTK_WIDGET (dialog), is_named_visible_label, "issue-error");
  g_assert_nonnull (error_label);
  message = gtk_label_get_text (GTK_LABEL (error_label));
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "05/BC-UBND"));
  g_assert_nonnull (strstr (message, "quý II"));
  g_assert_true (find_app_window (app, KH_TYPE_PLAN_ISSUE_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (number, ADW_TYPE_ACTION_ROW), "error"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (number), 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "issue.issue", NULL));
  g_assert_true (kh_test_wait_for (window_closed, &issue));
  g_assert_true (kh_test_wait_for (state_is, &issued));
}

static void
test_duplicate_number_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);
  g_autoptr(KhReport) report = NULL;
  KhPeriod period;
  GDate date;

  g_assert_no_error (error);
  g_assert_true (kh_store_init_period (store, &period, KH_PERIOD_Q1, 2024, &error));
  two_reports.draft_id = kh_store_new_report (store, fixture->plan_id, &period, &error);
  g_assert_no_error (error);
  g_assert_true (kh_store_init_period (store, &period, KH_PERIOD_Q2, 2024, &error));
  two_reports.issued_id = kh_store_new_report (store, fixture->plan_id, &period, &error);
  g_assert_no_error (error);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 7, 2024);
  g_assert_true (kh_store_issue_report (store, two_reports.issued_id, 5, &date, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  run_application (fixture, duplicate_number_refused);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  report = kh_store_load_report (store, two_reports.draft_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->state, ==, KH_PLAN_STATE_ISSUED);
  g_assert_cmpint (report->number, ==, 6);
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

  g_test_add ("/gui/reports/create-edit-restart", Fixture, NULL,
              fixture_set_up, test_create_edit_restart, fixture_tear_down);
  g_test_add ("/gui/reports/regenerate-keeps-text", Fixture, NULL,
              fixture_set_up, test_regenerate_keeps_text, fixture_tear_down);
  g_test_add ("/gui/reports/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);

  g_test_add ("/gui/reports/sign-issue-delete", Fixture, NULL,
              fixture_set_up, test_sign_issue_delete, fixture_tear_down);
  g_test_add ("/gui/reports/duplicate-number-refused", Fixture, NULL,
              fixture_set_up, test_duplicate_number_refused, fixture_tear_down);

  return g_test_run ();
}
