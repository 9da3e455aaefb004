/* test-two-processes.c — the GUI and kehoach-cli on one database at once,
 * and a second launch of the GUI
 *
 * The clerk records results in the window while kehoach-cli imports
 * exchange files into the same database, and while another connection
 * holds the write lock for a while: no message may speak of a locked
 * or busy database, and every write of both is in the file afterwards.
 * One more import while the window sits idle shows up in it by itself.
 *
 * Then the real `kehoach` binary is started while this process is the
 * registered application: it must hand over to it and exit, and the
 * running window is presented again — one window, not two.
 *
 * KH_CLI and KH_GUI name the binaries (set by tests/gui/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "results-test-util.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "kh-exchange-export.h"
#include "kh-store-private.h"

#define N_CLI_FILES   8
#define N_GUI_RESULTS 12
#define CLI_PREFIX    "Kết quả nhập từ dòng lệnh số "
#define GUI_PREFIX    "Kết quả ghi trong cửa sổ số "

/* Messages that must never reach the clerk */

static gboolean
label_speaks_of_lock (GtkWidget     *widget,
                      gconstpointer  data)
{
  const char *text;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  text = gtk_label_get_text (GTK_LABEL (widget));
  return strstr (text, "locked") != NULL || strstr (text, "another program") != NULL ||
         strstr (text, "busy") != NULL;
}

/* Every window of the application, toasts included, looked at now. */
static void
assert_no_lock_message (KhApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      GtkWidget *label = kh_test_find_widget (l->data, label_speaks_of_lock, NULL);

      if (label != NULL)
        g_error ("The clerk was shown: %s", gtk_label_get_text (GTK_LABEL (label)));
    }
}

/* The exchange files kehoach-cli imports: the demo's plan, each with one
 * result more, by a uid of its own. */
static void
write_cli_files (Fixture *fixture)
{
  g_autoptr(KhStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = kh_store_export_json (store, fixture->plan_id, &error);

  g_assert_no_error (error);

  /* One more than the imports running with the window's writes: the
   * last one comes while the window sits idle. */
  for (guint i = 0; i <= N_CLI_FILES; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *uid = g_strdup_printf ("cli-result-%u", i);
      g_autofree char *date = g_strdup_printf ("2024-03-%02u", i + 1);
      g_autofree char *description = g_strdup_printf (CLI_PREFIX "%u", i);
      g_autofree char *name = g_strdup_printf ("cli-%u.json", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      JsonObject *plan;
      JsonObject *result = json_object_new ();

      g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
      plan = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                          "plans"), 0);
      json_object_set_string_member (result, "uid", uid);
      json_object_set_string_member (result, "date", date);
      json_object_set_string_member (result, "department", RADIO);
      json_object_set_string_member (result, "description", description);
      json_array_add_object_element (json_object_get_array_member (plan, "results"), result);

      json_generator_set_root (generator, json_parser_get_root (parser));
      g_assert_true (json_generator_to_file (generator, path, &error));
      g_assert_no_error (error);
    }
}

/* kehoach-cli, one import after another while the window writes */

typedef struct
{
  Fixture *fixture;
  guint    started;
  guint    finished;
} Cli;

static void start_next_import (Cli *cli);

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GSubprocess *subprocess = G_SUBPROCESS (object);
  Cli *cli = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_subprocess_communicate_utf8_finish (subprocess, result, &out, &err, &error));
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (subprocess) != 0)
    g_error ("kehoach-cli import failed (%d): %s", g_subprocess_get_exit_status (subprocess), err);
  g_assert_null (strstr (err, "locked"));
  g_assert_null (strstr (err, "another program"));

  cli->finished++;
  if (cli->started < N_CLI_FILES)
    start_next_import (cli);
}

static void
start_next_import (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autofree char *name = g_strdup_printf ("cli-%u.json", cli->started);
  g_autofree char *path = g_build_filename (cli->fixture->dir, name, NULL);

  subprocess = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                 g_getenv ("KH_CLI"), "--db", cli->fixture->path, "import", path, NULL);
  g_assert_no_error (error);
  cli->started++;
  g_subprocess_communicate_utf8_async (subprocess, NULL, NULL, on_import_done_cb, cli);
}

static gboolean
cli_done (gpointer data)
{
  Cli *cli = data;

  return cli->finished == N_CLI_FILES;
}

/* Another program holding the write lock for a moment, as a long import
 * would: the window must wait for it, not give up. */

typedef struct
{
  char    *path;
  gboolean holding;
  gboolean done;
} Holder;

static gpointer
hold_lock_thread (gpointer data)
{
  Holder *holder = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (holder->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_atomic_int_set (&holder->holding, TRUE);
  g_usleep (1500 * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_atomic_int_set (&holder->done, TRUE);
  return NULL;
}

static gboolean
holder_holds (gpointer data)
{
  return g_atomic_int_get (&((Holder *)data)->holding);
}

/* Recording results in the window */

static gboolean
is_mapped_error_label (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_has_css_class (widget, "error");
}

/* Looks at every label while it waits: a toast may come and go. */
static gboolean
dialog_closed_no_lock_message (gpointer app)
{
  assert_no_lock_message (app);
  return find_dialog (app) == NULL;
}

static void
record_one (KhApplication *app,
            KhWindow      *window,
            guint          n)
{
  GtkWidget *dialog = open_result_dialog (app, window);
  g_autofree char *description = g_strdup_printf (GUI_PREFIX "%u", n);

  combo_row_select (dialog, "Department", RADIO);
  combo_row_select (dialog, "Task", NEWS_TASK);
  set_quantity (dialog, 1);
  set_description (dialog, description);
  click (dialog, "_Save");

  if (!kh_test_wait_for (dialog_closed_no_lock_message, app))
    {
      GtkWidget *label = kh_test_find_widget (dialog, is_mapped_error_label, NULL);
      g_error ("Result %u was not saved%s%s", n, label ? ": " : "",
               label ? gtk_label_get_text (GTK_LABEL (label)) : "");
    }
}

static gboolean
is_mapped_label_containing (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static void
write_together (KhApplication *app,
                KhWindow      *window,
                gconstpointer  data)
{
  Fixture *fixture = (Fixture *)data;
  Cli cli = { fixture, 0, 0 };
  Holder holder = { fixture->path, FALSE, FALSE };
  GThread *thread;
  guint n = 0;

  start_next_import (&cli);

  /* Half the results while the imports run… */
  for (; n < N_GUI_RESULTS / 2; n++)
    record_one (app, window, n);

  /* …one while another connection holds the write lock… */
  thread = g_thread_new ("hold-lock", hold_lock_thread, &holder);
  g_assert_true (kh_test_wait_for (holder_holds, &holder));
  record_one (app, window, n++);
  g_assert_true (g_atomic_int_get (&holder.done));
  g_thread_join (thread);

  /* …and the rest, the imports going on if they still are. */
  for (; n < N_GUI_RESULTS; n++)
    record_one (app, window, n);

  g_assert_true (kh_test_wait_for (cli_done, &cli));
  assert_no_lock_message (app);

  show_view (window, "results");
  wait_for_widget (GTK_WIDGET (window), is_mapped_label_containing, CLI_PREFIX "7");

  /* With no change of its own, the window notices another program's (it
   * looks at SQLite's data_version every two seconds) and shows it. */
  {
    g_autofree char *name = g_strdup_printf ("cli-%u.json", N_CLI_FILES);
    g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
    g_autofree char *err = NULL;
    const char *argv[] = { g_getenv ("KH_CLI"), "--db", fixture->path, "import", path, NULL };
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_containing,
                                        CLI_PREFIX G_STRINGIFY (N_CLI_FILES)));
    wait_for_widget (GTK_WIDGET (window), is_mapped_label_containing, CLI_PREFIX G_STRINGIFY (N_CLI_FILES));
  }
}

static void
test_cli_while_gui_writes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint before = count_results (fixture);
  guint from_cli = 0, from_gui = 0;
  int integrity_ok = 0;
  sqlite3_stmt *stmt = NULL;

  write_cli_files (fixture);
  run_application (fixture->path, write_together, fixture);

  store = open_store (fixture);
  results = kh_store_list_results (store, fixture->plan_id, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      const char *description = ((KhResult *)results->pdata[i])->description;

      from_cli += g_str_has_prefix (description, CLI_PREFIX);
      from_gui += g_str_has_prefix (description, GUI_PREFIX);
    }
  g_assert_cmpuint (from_cli, ==, N_CLI_FILES + 1);
  g_assert_cmpuint (from_gui, ==, N_GUI_RESULTS);
  g_assert_cmpuint (results->len, ==, before + N_CLI_FILES + 1 + N_GUI_RESULTS);

  for (guint i = 0; i <= N_CLI_FILES; i++)
    {
      g_autofree char *description = g_strdup_printf (CLI_PREFIX "%u", i);
      g_autoptr(KhResult) result = find_stored_result (fixture, description);

      g_assert_nonnull (result);
      g_assert_cmpint (g_date_get_day (&result->done_on), ==, i + 1);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (kh_store_get_db (store), "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  integrity_ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  g_assert_true (integrity_ok);
}

/* A second launch */

typedef struct
{
  guint    activations;
  gboolean child_exited;
  int      child_status;
  gint64   child_ms;
} Launch;

static void
on_second_exited_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Launch *launch = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (object), result, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (G_SUBPROCESS (object)));
  launch->child_status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
  launch->child_exited = TRUE;
}

static gboolean
second_launch_handled (gpointer data)
{
  Launch *launch = data;

  return launch->child_exited && launch->activations == 2;
}

static guint
count_main_windows (KhApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    n += KH_IS_WINDOW (l->data);
  return n;
}

static void
on_activate_count_cb (KhApplication *app,
                      Launch        *launch)
{
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gint64 start;

  launch->activations++;
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_assert_true (KH_IS_WINDOW (window));
  g_assert_cmpuint (count_main_windows (app), ==, 1);
  if (launch->activations > 1)
    return;

  /* The clerk starts Kế Hoạch again from the menu. */
  start = g_get_monotonic_time ();
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("KH_GUI"), NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (second, NULL, on_second_exited_cb, launch);

  g_assert_true (kh_test_wait_for (second_launch_handled, launch));
  launch->child_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_cmpint (launch->child_status, ==, 0);
  g_assert_cmpuint (count_main_windows (app), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_second_launch_presents_window (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Launch launch = { 0 };
  KhApplication *app;

  /* Registered on the session bus under the real id, as the first
   * `kehoach` would be. */
  app = g_object_new (KH_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_DEFAULT_FLAGS,
                      "database-path", fixture->path,
                      NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_count_cb), &launch);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_cmpuint (launch.activations, ==, 2);
  g_test_message ("the second launch exited after %" G_GINT64_FORMAT " ms", launch.child_ms);
  g_assert_cmpint (launch.child_ms, <, 10000);

  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *)&app);
  g_object_unref (app);
  g_assert_null (app);
}

/* What SQLite saw go wrong, in the log of a failing run. */
static void
sqlite_log_cb (void       *data,
               int         code,
               const char *message)
{
  if ((code & 0xff) != SQLITE_WARNING && (code & 0xff) != SQLITE_NOTICE)
    g_printerr ("sqlite %d: %s\n", code, message);
}

int
main (int   argc,
      char *argv[])
{
  sqlite3_config (SQLITE_CONFIG_LOG, sqlite_log_cb, NULL);
  init_ui_tests (&argc, &argv);

  g_test_add ("/gui/two-processes/cli-while-gui-writes", Fixture, NULL,
              fixture_set_up, test_cli_while_gui_writes, fixture_tear_down);
  g_test_add ("/gui/two-processes/second-launch-presents-window", Fixture, NULL,
              fixture_set_up, test_second_launch_presents_window, fixture_tear_down);

  return g_test_run ();
}
