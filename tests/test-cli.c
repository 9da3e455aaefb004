/* test-cli.c — kehoach-cli as a script would use it: exit codes, messages
 *
 * The binary under test comes from KH_CLI (set by tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

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
  g_assert_nonnull (strstr (run.out, "16 tasks, 12 results"));

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
  g_assert_nonnull (strstr (run.out, "1 plans, 12 results"));

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

  return g_test_run ();
}
