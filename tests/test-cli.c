/* test-cli.c — kehoach-cli as a script would use it: exit codes, messages
 *
 * The binary under test comes from KH_CLI (set by tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kh-plan-copy.h"
#include "kh-plan.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs kehoach-cli with the NULL-terminated arguments; returns its exit
 * status, with what it printed in run. */
static int
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("KH_CLI");
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  run_clear (run);

  g_ptr_array_add (argv, (gpointer)cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    g_error ("kehoach-cli did not exit normally: %s", error->message);

  return run->status;
}

static char *
temporary_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kh-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_help (void)
{
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "demo"));
  g_assert_nonnull (strstr (run.out, "--db"));
  g_assert_nonnull (strstr (run.out, "Exit status"));

  g_assert_cmpint (run_cli (&run, "demo", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "--replace"));
  run_clear (&run);
}

static void
test_bad_arguments (void)
{
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "frobnicate", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, "Unknown command “frobnicate”"));

  g_assert_cmpint (run_cli (&run, NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "No command given"));

  g_assert_cmpint (run_cli (&run, "--no-such-option", "info", NULL), ==, 2);
  g_assert_cmpint (run_cli (&run, "demo", "--no-such-option", NULL), ==, 2);
  g_assert_cmpint (run_cli (&run, "demo", "extra", NULL), ==, 2);
  run_clear (&run);
}

static void
test_demo (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH"));
  g_assert_nonnull (strstr (run.out, "departments: 6"));
  g_assert_nonnull (strstr (run.out, "Số: 18/KH-UBND"));
  g_assert_nonnull (strstr (run.out, "tasks: 16, results: 12"));

  /* Data is never overwritten unless asked. */
  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "already holds data"));
  g_assert_nonnull (strstr (run.err, "--replace"));

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", "--replace", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "departments: 6"));

  g_assert_cmpint (run_cli (&run, "--db", db, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "Agency: ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH"));
  g_assert_nonnull (strstr (run.out, "Đài truyền thanh"));

  run_clear (&run);
  remove_dir (dir);
}

static void
test_bad_database (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *file = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *under_file = g_build_filename (file, "x", "y.db", NULL);
  g_autofree char *after = NULL;
  const char *text = "Kế hoạch năm 2024 — ghi chú, not a database\n";
  Run run = { 0 };

  g_assert_true (g_file_set_contents (file, text, -1, NULL));

  /* A folder that cannot be made: a regular file is in the way. */
  g_assert_cmpint (run_cli (&run, "--db", under_file, "demo", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, "cannot be created"));

  g_assert_cmpint (run_cli (&run, "--db", file, "demo", NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "is not a Kế Hoạch database"));
  g_assert_cmpint (run_cli (&run, "--db", file, "info", NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "is not a Kế Hoạch database"));

  /* … and it was left as it was. */
  g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  g_assert_cmpint (run_cli (&run, "--db", dir, "info", NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "is a folder"));

  run_clear (&run);
  remove_dir (dir);
}

static void
test_backup_and_restore (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *copy = NULL;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  g_assert_cmpint (run_cli (&run, "--db", db, "backup", NULL), ==, 0);
  copy = g_strstrip (g_strdup (run.out));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (copy, "/backups/kehoach-"));

  g_assert_cmpint (run_cli (&run, "--db", db, "backups", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "plans: 1, results: 12"));

  /* Restoring puts the demo back over a replaced database, and says
   * where the state before the restore went. */
  g_assert_cmpint (run_cli (&run, "--db", db, "restore", copy, NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "before-restore"));

  g_assert_true (g_file_set_contents (text, "Kế hoạch", -1, NULL));
  g_assert_cmpint (run_cli (&run, "--db", db, "restore", text, NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "cannot be restored"));
  g_assert_cmpint (run_cli (&run, "--db", db, "restore", NULL), ==, 2);
  g_assert_cmpint (run_cli (&run, "--db", db, "backup", "extra", NULL), ==, 2);

  run_clear (&run);
  remove_dir (dir);
}

/* export plan: the demo's 2024 plan as a PDF, and every way it can fail. */
static void
test_export_plan (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "KH-18-2024.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "KH.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      const char *modes[] = { "issued", "signing", "draft" };

      g_remove (pdf);
      g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2024",
                                "--mode", modes[i], "--output", pdf, NULL), ==, 0);
      g_assert_nonnull (strstr (run.out, pdf));
      g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, "%PDF-1."));
      g_clear_pointer (&contents, g_free);
    }

  /* the line spacing is a setting, within the decree's range */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2024",
                            "--output", pdf, "--line-spacing", "1.5", NULL), ==, 0);
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2024",
                            "--output", pdf, "--line-spacing", "3", NULL), ==, 2);

  /* no plan that year */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2031",
                            "--mode", "draft", "--output", pdf, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, "2031"));

  /* bad arguments */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2024",
                            "--mode", "final", "--output", pdf, NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "draft, signing or issued"));
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2024",
                            "--mode", "issued", NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "--output"));
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--mode", "issued",
                            "--output", pdf, NULL), ==, 2);
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "--year", "2024", NULL), ==, 2);

  /* a folder that does not exist: a message, and no file at all */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2024",
                            "--mode", "issued", "--output", missing, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, "no-such-folder"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  {
    g_autofree char *folder = g_path_get_dirname (missing);
    g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  }

  run_clear (&run);
  remove_dir (dir);
}

/* --mode issued needs an issued plan: a draft copied for 2025 has no
 * number and date yet. */
static void
test_export_draft_as_issued (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "KH-2025.pdf", NULL);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  {
    g_autoptr(KhStore) store = kh_store_open (db, &error);
    gint64 id;

    g_assert_no_error (error);
    id = kh_store_copy_plan (store, kh_store_find_plan (store, 2024, KH_PLAN_KIND_CCHC, ""),
                             2025, "", &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
  }

  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2025",
                            "--mode", "issued", "--output", pdf, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, "2025"));
  g_assert_nonnull (strstr (run.err, "Issue it first"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* … and for signing it is fine. */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2025",
                            "--mode", "signing", "--output", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  run_clear (&run);
  remove_dir (dir);
}

static void
test_export_help (void)
{
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "export"));
  g_assert_nonnull (strstr (run.out, "draft|signing|issued"));

  g_assert_cmpint (run_cli (&run, "export", "plan", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "--year"));
  g_assert_nonnull (strstr (run.out, "--mode"));
  g_assert_nonnull (strstr (run.out, "--output"));
  g_assert_nonnull (strstr (run.out, "signing"));
  g_assert_nonnull (strstr (run.out, "--line-spacing"));
  run_clear (&run);
}

/* export report: a stored draft is made on the first run and used after;
 * issued mode needs an issued report; bad periods are usage errors. */
static void
test_export_report (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "BC-2024-quy-I.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);

  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2024",
                            "--period", "q1", "--mode", "draft", "--output", pdf, NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, pdf));
  g_assert_nonnull (strstr (run.out, "new draft report"));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-1."));
  g_clear_pointer (&contents, g_free);

  /* the second run uses the stored report */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2024",
                            "--period", "q1", "--mode", "signing", "--output", pdf, NULL), ==, 0);
  g_assert_null (strstr (run.out, "new draft report"));

  /* a range, and every named period */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2024",
                            "--period", "2024-01-01:2024-02-15", "--output", pdf, NULL), ==, 0);
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2024",
                            "--period", "h1", "--output", pdf, NULL), ==, 0);

  /* not issued: no issued mode */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2024",
                            "--period", "q1", "--mode", "issued", "--output", pdf, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));

  /* no plan that year */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2031",
                            "--period", "q1", "--output", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "2031"));

  /* bad arguments */
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2024",
                            "--period", "q5", "--output", pdf, NULL), ==, 2);
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2024",
                            "--output", pdf, NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "--period"));
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2024",
                            "--period", "q1", "--mode", "final", "--output", pdf, NULL), ==, 2);
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "report", "--year", "2024",
                            "--period", "q1", NULL), ==, 2);

  run_clear (&run);
  remove_dir (dir);
}

/* export-json, then import into another database: twice, nothing doubled;
 * a bad file: every problem on stderr, exit 1, nothing changed. */
static void
test_exchange (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *json = g_build_filename (dir, "kehoach-2024.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *contents = NULL;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  g_assert_cmpint (run_cli (&run, "--db", db, "export-json", "--year", "2024", "--output", json, NULL), ==, 0);
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"kehoach-exchange\""));

  g_assert_cmpint (run_cli (&run, "--db", other, "import", json, NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "plans: 1 created"));
  g_assert_cmpint (run_cli (&run, "--db", other, "import", json, NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "plans: 0 created, 0 updated, 1 unchanged"));
  g_assert_nonnull (strstr (run.out, "results: 0 created, 0 updated"));

  /* no plan that year; no --output */
  g_assert_cmpint (run_cli (&run, "--db", db, "export-json", "--year", "2031", "--output", json, NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "2031"));
  g_assert_cmpint (run_cli (&run, "--db", db, "export-json", NULL), ==, 2);

  g_assert_true (g_file_set_contents (bad,
                                      "{\"format\": \"kehoach-exchange\", \"version\": 1, \"plans\": ["
                                      "{\"uid\": \"x\", \"year\": 2026, \"title\": \"Kế hoạch\","
                                      " \"tasks\": [{\"uid\": \"t\", \"lead\": \"Đài phát thanh\"}],"
                                      " \"results\": [{\"uid\": \"r\", \"date\": \"2026-02-30\","
                                      " \"department\": \"Văn hóa – Xã hội\"}]}]}",
                                      -1, NULL));
  g_assert_cmpint (run_cli (&run, "--db", db, "import", bad, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, "nothing was imported"));
  g_assert_nonnull (strstr (run.err, "plans[0].tasks[0].lead: no department “Đài phát thanh”"));
  g_assert_nonnull (strstr (run.err, "plans[0].results[0].date: 2026-02-30 is not a date"));
  g_assert_cmpint (run_cli (&run, "--db", db, "export-json", "--year", "2026", "--output", json, NULL), ==, 1);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"kehoach-exchange\",\n \"version\": 1,,}", -1, NULL));
  g_assert_cmpint (run_cli (&run, "--db", db, "import", bad, NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "line 2"));
  g_assert_cmpint (run_cli (&run, "--db", db, "import", NULL), ==, 2);

  run_clear (&run);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/bad-database", test_bad_database);
  g_test_add_func ("/cli/backup-and-restore", test_backup_and_restore);
  g_test_add_func ("/cli/export-plan", test_export_plan);
  g_test_add_func ("/cli/export-draft-as-issued", test_export_draft_as_issued);
  g_test_add_func ("/cli/export-help", test_export_help);
  g_test_add_func ("/cli/exchange", test_exchange);
  g_test_add_func ("/cli/export-report", test_export_report);

  return g_test_run ();
}
