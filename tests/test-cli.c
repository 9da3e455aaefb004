/* test-cli.c — kehoach-cli as a script would use it: exit codes, messages
 *
 * The binary under test comes from KH_CLI (set by tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kh-department.h"
#include "kh-plan-copy.h"
#include "kh-plan.h"
#include "kh-result.h"
#include "kh-store-private.h"
#include "kh-task.h"

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

/* How the next run_cli() starts the program: with more in its
 * environment, or as another user. */
static char **run_envp;
static GSpawnChildSetupFunc run_setup;

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

  g_spawn_sync (NULL, (char **)argv->pdata, run_envp, G_SPAWN_DEFAULT, run_setup, NULL,
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


/* Bad database files: each refused with what is wrong, and left
 * byte-for-byte as it was. */

static char *
file_contents (const char *path,
               gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static void
assert_refused_untouched (const char *db,
                          const char *message)
{
  gsize before_length = 0, after_length = 0;
  g_autofree char *before = file_contents (db, &before_length);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "info", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, db));
  g_assert_nonnull (strstr (run.err, message));
  g_assert_cmpint (run_cli (&run, "--db", db, "demo", "--replace", NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, message));

  after = file_contents (db, &after_length);
  g_assert_cmpuint (after_length, ==, before_length);
  g_assert_true (memcmp (before, after, before_length) == 0);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

static void
test_bad_database_files (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *corrupt = g_build_filename (dir, "corrupt.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  contents = file_contents (db, &length);
  g_assert_cmpuint (length, >, 8192);

  /* From a newer version: the header's user_version (offset 60) says 99. */
  contents[60] = 0, contents[61] = 0, contents[62] = 0, contents[63] = 99;
  g_assert_true (g_file_set_contents (newer, contents, length, NULL));
  assert_refused_untouched (newer, "newer version of Kế Hoạch (data version 99");

  /* Cut short, as by a copy that did not finish. */
  g_clear_pointer (&contents, g_free);
  contents = file_contents (db, &length);
  g_assert_true (g_file_set_contents (truncated, contents, length / 2 + 100, NULL));
  assert_refused_untouched (truncated, "is damaged");

  /* Pages 2 to 6 overwritten. */
  memset (contents + 4096, 0x5a, 5 * 4096);
  g_assert_true (g_file_set_contents (corrupt, contents, length, NULL));
  assert_refused_untouched (corrupt, "is damaged");

  run_clear (&run);
  remove_dir (dir);
}

static void
become_nobody (gpointer data)
{
  if (setgid (65534) != 0 || setuid (65534) != 0)
    _exit (99);
}

/* A database in a folder the user cannot write: opened read-only, and a
 * change refused with a message saying so. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *json = g_build_filename (dir, "kehoach.json", NULL);
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  g_assert_cmpint (run_cli (&run, "--db", db, "export-json", "--output", json, NULL), ==, 0);

  if (geteuid () == 0)
    {
      /* root writes anywhere: run it as nobody, who may read only. */
      g_chmod (dir, 0755);
      g_chmod (db, 0644);
      g_chmod (json, 0644);
      run_setup = become_nobody;
    }
  else
    {
      g_chmod (db, 0444);
      g_chmod (dir, 0555);
    }

  g_assert_cmpint (run_cli (&run, "--db", db, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "Departments: 6"));
  g_assert_cmpint (run_cli (&run, "--db", db, "demo", "--replace", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, "read-only"));
  g_assert_nonnull (strstr (run.err, db));

  run_setup = NULL;
  g_chmod (dir, 0700);
  g_chmod (db, 0600);
  run_clear (&run);
  remove_dir (dir);
}

/* No Liberation fonts: the message names the Debian package. Fontconfig
 * is pointed at a configuration without fonts. */
static void
test_missing_font (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "KH.pdf", NULL);
  g_autofree char *conf = g_build_filename (dir, "fonts.conf", NULL);
  g_autofree char *fonts = g_build_filename (dir, "no-fonts", NULL);
  g_autofree char *conf_text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                                "<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n",
                                                fonts, fonts);
  Run run = { 0 };

  g_assert_cmpint (g_mkdir (fonts, 0700), ==, 0);
  g_assert_true (g_file_set_contents (conf, conf_text, -1, NULL));
  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);

  run_envp = g_environ_setenv (g_get_environ (), "FONTCONFIG_FILE", conf, TRUE);
  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2024",
                            "--mode", "issued", "--output", pdf, NULL), ==, 1);
  g_clear_pointer (&run_envp, g_strfreev);

  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, "The font “Liberation Serif"));
  g_assert_nonnull (strstr (run.err, "is not installed"));
  g_assert_nonnull (strstr (run.err, "fonts-liberation2"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_clear (&run);
  remove_dir (dir);
}

/* A character the PDF fonts cannot draw, in a task's title: named, with
 * where it is, and no file written. */
static void
test_emoji_in_task (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "KH-2025.pdf", NULL);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  {
    g_autoptr(KhStore) store = kh_store_open (db, &error);
    g_autoptr(KhTask) task = NULL;
    gint64 plan_id;

    g_assert_no_error (error);
    plan_id = kh_store_copy_plan (store, kh_store_find_plan (store, 2024, KH_PLAN_KIND_CCHC, ""),
                                  2025, "", &error);
    g_assert_no_error (error);
    task = kh_task_new (plan_id, "Chúc mừng năm mới 🎉 trên trang thông tin điện tử",
                        kh_store_find_department (store, "Đài truyền thanh"));
    g_assert_cmpint (kh_store_add_task (store, task, &error), >, 0);
    g_assert_no_error (error);
  }

  g_assert_cmpint (run_cli (&run, "--db", db, "export", "plan", "--year", "2025",
                            "--mode", "draft", "--output", pdf, NULL), ==, 1);
  g_test_message ("%s", run.err);
  /* Which character, which text, and where in it: the 21st of the
   * item “- Chúc mừng năm mới 🎉…” that part IV writes for the task. */
  g_assert_nonnull (strstr (run.err, "“🎉” (U+1F389)"));
  g_assert_nonnull (strstr (run.err, "(“- Chúc mừng năm mới"));
  g_assert_nonnull (strstr (run.err, "”) at position 21 cannot be printed"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_clear (&run);
  remove_dir (dir);
}

static guint
count_rows (const char *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (db, &error);
  g_autoptr(KhStmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = kh_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

#define ALL_ROWS "SELECT (SELECT count(*) FROM plan) * 1000000 + (SELECT count(*) FROM task) * 1000" \
                 " + (SELECT count(*) FROM result)"

/* Exchange files that are too big, too deep, or half right: refused
 * whole, with every problem named by its place, and nothing imported. */
static void
test_import_bad_files (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *json = g_build_filename (dir, "kehoach-2024.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *exported = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"kehoach-exchange\", \"version\": 1, \"plans\": ");
  g_autoptr(GString) half = NULL;
  guint before;
  gint64 start;
  FILE *file;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  before = count_rows (db, ALL_ROWS);

  /* 60 MB, refused before it is read (sparse: nothing to read anyway). */
  file = g_fopen (bad, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 60L * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', file), ==, '}');
  fclose (file);
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_cli (&run, "--db", db, "import", bad, NULL), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_true (g_str_has_prefix (run.err, "kehoach-cli: "));
  g_assert_nonnull (strstr (run.err, "50 MB"));
  g_assert_nonnull (strstr (run.err, bad));

  /* 100,000 brackets deep: bounded before the parser recurses. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  g_assert_true (g_file_set_contents (bad, deep->str, deep->len, NULL));
  g_assert_cmpint (run_cli (&run, "--db", db, "import", bad, NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "nests more than 64 levels"));

  /* Half valid: the real plan, with a new good result and three bad
   * ones: the good one is not imported either. */
  g_assert_cmpint (run_cli (&run, "--db", db, "export-json", "--year", "2024", "--output", json, NULL), ==, 0);
  g_assert_true (g_file_get_contents (json, &exported, NULL, NULL));
  half = g_string_new (exported);
  g_assert_cmpuint (g_string_replace (half, "\"results\" : [",
                                      "\"results\" : [{\"uid\": \"bad-1\", \"date\": \"2024-02-30\","
                                      " \"department\": \"Đài truyền thanh\", \"description\": \"x\"},"
                                      " {\"uid\": \"bad-2\", \"date\": \"2024-03-01\","
                                      " \"department\": \"Phòng không có\", \"description\": \"y\"},"
                                      " {\"uid\": \"bad-3\", \"date\": \"2024-03-02\","
                                      " \"department\": \"Đài truyền thanh\", \"indicator\": \"Tin, bài\","
                                      " \"quantity\": -4, \"description\": \"z\"},"
                                      " {\"uid\": \"good-1\", \"date\": \"2024-03-03\","
                                      " \"department\": \"Đài truyền thanh\", \"description\": \"Tốt\"},", 1), ==, 1);
  g_assert_true (g_file_set_contents (bad, half->str, half->len, NULL));
  g_assert_cmpint (run_cli (&run, "--db", db, "import", bad, NULL), ==, 1);
  g_test_message ("%s", run.err);
  g_assert_nonnull (strstr (run.err, "nothing was imported"));
  g_assert_nonnull (strstr (run.err, "plans[0].results[0].date: 2024-02-30 is not a date"));
  g_assert_nonnull (strstr (run.err, "plans[0].results[1].department"));
  g_assert_nonnull (strstr (run.err, "Phòng không có"));
  g_assert_nonnull (strstr (run.err, "plans[0].results[2].quantity: -4 is not between 0 and 1000000"));
  g_assert_null (strstr (run.err, "results[3]"));
  g_assert_cmpuint (count_rows (db, ALL_ROWS), ==, before);

  run_clear (&run);
  remove_dir (dir);
}

/* An exchange file with a task typed in TCVN3: refused with its place
 * and how to agree to converting it; converted with --convert-legacy. */
static void
test_import_legacy (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *json = g_build_filename (dir, "kehoach-2024.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) legacy = NULL;
  guint before;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  g_assert_cmpint (run_cli (&run, "--db", db, "export-json", "--year", "2024", "--output", json, NULL), ==, 0);
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  legacy = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (legacy, "\"Tin, bài về cải cách hành chính\"",
                                      "\"Tin, bµi vÒ c¶i c¸ch hµnh chÝnh\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (json, legacy->str, legacy->len, NULL));

  /* Into a new database: nothing at all is imported. */
  g_assert_cmpint (run_cli (&run, "--db", other, "import", json, NULL), ==, 1);
  before = count_rows (other, "SELECT count(*) FROM task");
  g_assert_cmpuint (before, ==, 0);
  g_test_message ("%s", run.err);
  g_assert_nonnull (strstr (run.err, "nothing was imported"));
  g_assert_nonnull (strstr (run.err, ".title: “Tin, bµi vÒ c¶i c¸ch hµnh chÝnh” is written in the old TCVN3"));
  g_assert_nonnull (strstr (run.err, "--convert-legacy"));

  g_assert_cmpint (run_cli (&run, "--db", other, "import", "--convert-legacy", json, NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "converted from TCVN3 (ABC) to Unicode (“Tin, bài về cải cách hành chính”)"));
  g_assert_cmpuint (count_rows (other, "SELECT count(*) FROM task WHERE title = 'Tin, bài về cải cách hành chính'"),
                    ==, 1);
  g_assert_cmpuint (count_rows (other, "SELECT count(*) FROM task"), ==, 16);

  run_clear (&run);
  remove_dir (dir);
}

/* This process holds the database open while kehoach-cli writes to it,
 * and opens a second store on it meanwhile (the dashboard does, in a
 * thread): the first store's locks must survive the second, or the CLI
 * checkpoints and resets the WAL under it. */
static void
test_cli_beside_open_store (void)
{
  g_autofree char *dir = temporary_dir ();
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *json = g_build_filename (dir, "kehoach-2024.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GString) more = NULL;
  Run run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", db, "demo", NULL), ==, 0);
  g_assert_cmpint (run_cli (&run, "--db", db, "export-json", "--output", json, NULL), ==, 0);

  store = kh_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_add_department (store, "Tổ công nghệ số cộng đồng", "", &error), >, 0);
  g_assert_no_error (error);

  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *name = g_strdup_printf ("Tổ tuyên truyền số %u", round);
      g_autofree char *uid = g_strdup_printf ("\"results\" : [{\"uid\": \"cli-%u\", \"date\": \"2024-03-0%u\","
                                              " \"department\": \"Đài truyền thanh\", \"description\": \"Lần %u\"},",
                                              round, round + 1, round);

      /* A second store comes and goes. */
      {
        g_autoptr(KhStore) second = kh_store_open (db, &error);

        g_assert_no_error (error);
      }

      g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
      more = g_string_new (contents);
      g_clear_pointer (&contents, g_free);
      g_assert_cmpuint (g_string_replace (more, "\"results\" : [", uid, 1), ==, 1);
      g_assert_true (g_file_set_contents (json, more->str, more->len, NULL));
      g_string_free (g_steal_pointer (&more), TRUE);
      g_assert_cmpint (run_cli (&run, "--db", db, "import", json, NULL), ==, 0);

      /* The first store goes on reading and writing. */
      g_assert_cmpint (kh_store_add_department (store, name, "", &error), >, 0);
      g_assert_no_error (error);
    }

  g_clear_object (&store);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM department"), ==, 6 + 1 + 5);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM result WHERE description LIKE 'Lần %'"), ==, 5);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);

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
  g_test_add_func ("/cli/bad-database-files", test_bad_database_files);
  g_test_add_func ("/cli/read-only-folder", test_read_only_folder);
  g_test_add_func ("/cli/missing-font", test_missing_font);
  g_test_add_func ("/cli/emoji-in-task", test_emoji_in_task);
  g_test_add_func ("/cli/import-bad-files", test_import_bad_files);
  g_test_add_func ("/cli/import-legacy", test_import_legacy);
  g_test_add_func ("/cli/beside-open-store", test_cli_beside_open_store);

  return g_test_run ();
}
