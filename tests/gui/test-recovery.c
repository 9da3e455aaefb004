/* test-recovery.c — a database that cannot be opened: the recovery page,
 * restoring the newest good backup, and the cases where none is offered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "backup-test-util.h"

#include "kh-plan.h"
#include "kh-preferences-window.h"

#define RESTORE_LABEL "_Restore This Backup"

/* Journal mode DELETE, so the one file holds everything, then every page
 * after the first overwritten. */
static void
damage_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096 * 3);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char)(i * 7);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Garbage over the last page, the file left in WAL mode as the app leaves
 * it: it opens, and only a check of the whole file finds the damage. */
static void
damage_last_page (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint page_size;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  page_size = ((guint)(guchar)contents[16] << 8) | (guchar)contents[17];
  g_assert_cmpuint (contents[18], ==, 2);   /* WAL */
  g_assert_cmpuint (length, >, page_size * 4);
  for (gsize i = length - page_size; i < length; i++)
    contents[i] = (char)(i * 7);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
make_backup (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (path, &error);
  char *copy;

  g_assert_no_error (error);
  copy = kh_store_backup (store, KH_BACKUP_DAILY, &error);
  g_assert_no_error (error);
  return copy;
}

static char *
find_damaged (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "kehoach.db.damaged-") && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      return g_build_filename (dir_path, name, NULL);
  return NULL;
}

/* A damaged database and a good backup */

static void
restore_offered_backup (KhApplication *app,
                        KhWindow      *window,
                        gconstpointer  data)
{
  const char *path = data;
  GtkWidget *button;
  g_autofree char *path_text = g_strdup_printf ("“%s”", path);

  g_assert_null (kh_application_get_store (app));
  button = wait_for_widget (GTK_WIDGET (window), is_mapped_button_labelled, RESTORE_LABEL);
  g_assert_nonnull (button);
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_with_text,
                                         "The Database Is Damaged"));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_containing, path_text));
  /* The backup offered, with what it holds: the demo's one plan. */
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_containing, "1 plan, "));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_button_for_action,
                                         "win.choose-database"));

  g_signal_emit_by_name (button, "clicked");

  /* The views, on the restored plan. */
  g_assert_nonnull (kh_application_get_store (app));
  kh_window_show_view (window, "overview");
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (window), is_mapped_label_with_text, AGENCY_NAME));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (window), is_mapped_label_with_text, "Plan 2024"));
  g_assert_true (wait_until_gone (GTK_WIDGET (window), is_mapped_button_labelled, RESTORE_LABEL));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_containing, ".damaged-"));
}

static void
test_damaged_restores_backup (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *damaged = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) aside = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  KhStore *store;

  fill_demo (fixture->path);
  copy = make_backup (fixture->path);
  damage_database (fixture->path);
  before = read_bytes (fixture->path);

  run_application (fixture->path, restore_offered_backup, fixture->path);

  /* The damaged file is kept aside, byte for byte. */
  damaged = find_damaged (fixture->dir);
  g_assert_nonnull (damaged);
  aside = read_bytes (damaged);
  g_assert_true (g_bytes_equal (before, aside));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  plans = kh_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_clear_object (&store);
}

/* Damaged deep inside: the window shows it at once, then the check in the
 * background finds the damage and the window turns to the recovery page */

static void
switches_to_recovery (KhApplication *app,
                      KhWindow      *window,
                      gconstpointer  data)
{
  const GError *error;

  /* Shown before the check's verdict reached the application. */
  g_assert_nonnull (kh_application_get_store (app));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_with_text,
                                      "The Database Is Damaged"));

  g_assert_nonnull (wait_for_widget (GTK_WIDGET (window), is_mapped_label_with_text,
                                     "The Database Is Damaged"));
  g_assert_null (kh_application_get_store (app));
  error = kh_application_get_store_error (app);
  g_assert_true (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));

  restore_offered_backup (app, window, data);
}

static void
test_damaged_inside_switches (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *copy = NULL;
  g_autofree char *damaged = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) aside = NULL;

  fill_demo (fixture->path);
  copy = make_backup (fixture->path);
  damage_last_page (fixture->path);
  before = read_bytes (fixture->path);

  run_application (fixture->path, switches_to_recovery, fixture->path);

  /* Nothing was written into the damaged file while it was open. */
  damaged = find_damaged (fixture->dir);
  g_assert_nonnull (damaged);
  aside = read_bytes (damaged);
  g_assert_true (g_bytes_equal (before, aside));
}

/* The Preferences window, open when the check's verdict comes, closes:
 * it edited the store that is gone. What was typed in it is not written
 * into the damaged file, and a toast says so. */

static void
closes_preferences (KhApplication *app,
                    KhWindow      *window,
                    gconstpointer  data)
{
  KhPreferencesWindow *preferences;
  GtkWidget *place;

  /* Before the verdict: opened and typed in, in this very turn. */
  g_assert_nonnull (kh_application_get_store (app));
  kh_window_show_preferences (window);
  preferences = KH_PREFERENCES_WINDOW (kh_test_find_toplevel (KH_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  place = kh_test_find_widget (GTK_WIDGET (preferences), kh_test_is_entry_row_titled, "Place written before the date");
  g_assert_nonnull (place);
  gtk_editable_set_text (GTK_EDITABLE (place), "Đức Phổ");

  g_assert_nonnull (wait_for_widget (GTK_WIDGET (window), is_mapped_label_with_text,
                                     "The Database Is Damaged"));
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_PREFERENCES_WINDOW)));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (window), is_mapped_label_containing,
                                     "The agency was not saved"));
}

static void
test_damaged_closes_preferences (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  fill_demo (fixture->path);
  damage_last_page (fixture->path);
  before = read_bytes (fixture->path);

  run_application (fixture->path, closes_preferences, NULL);

  /* Left where it was (nothing restored), and untouched. */
  g_assert_null (find_damaged (fixture->dir));
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* An emptied file beside good backups is not a new, empty database */

static void
restore_emptied (KhApplication *app,
                 KhWindow      *window,
                 gconstpointer  data)
{
  GtkWidget *button;

  g_assert_null (kh_application_get_store (app));
  button = wait_for_widget (GTK_WIDGET (window), is_mapped_button_labelled, RESTORE_LABEL);
  g_assert_nonnull (button);
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_with_text,
                                         "The Database Is Empty"));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_button_for_action,
                                      "win.open-demo"));
  g_signal_emit_by_name (button, "clicked");

  g_assert_nonnull (kh_application_get_store (app));
  kh_window_show_view (window, "overview");
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (window), is_mapped_label_with_text, AGENCY_NAME));
}

static void
test_emptied_restores_backup (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *damaged = NULL;
  GStatBuf st;

  fill_demo (fixture->path);
  copy = make_backup (fixture->path);
  g_assert_true (g_file_set_contents (fixture->path, "", 0, &error));

  run_application (fixture->path, restore_emptied, NULL);

  damaged = find_damaged (fixture->dir);
  g_assert_nonnull (damaged);
  g_assert_cmpint (g_stat (damaged, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
}

/* Not a database, and no backup */

static void
no_backup_offered (KhApplication *app,
                   KhWindow      *window,
                   gconstpointer  data)
{
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (window), is_mapped_button_for_action,
                                     "win.choose-database"));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_with_text, data));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_containing,
                                         "No good backup was found"));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_button_labelled, RESTORE_LABEL));
  g_assert_null (kh_application_get_store (app));
}

static void
test_not_database_without_backup (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char text[] = "Kế hoạch năm 2024 — a text file, not a database.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *backups = NULL;

  g_assert_true (g_file_set_contents (fixture->path, text, -1, &error));

  run_application (fixture->path, no_backup_offered, "This Is Not a Kế Hoạch Database");

  after = read_bytes (fixture->path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), text, strlen (text));
  g_assert_null (find_damaged (fixture->dir));
  backups = kh_backup_dir_for (fixture->path);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

/* A damaged database whose only backup is damaged too */

static void
test_damaged_backup_not_offered (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *copy = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  fill_demo (fixture->path);
  copy = make_backup (fixture->path);
  damage_database (copy);
  damage_database (fixture->path);
  before = read_bytes (fixture->path);

  run_application (fixture->path, no_backup_offered, "The Database Is Damaged");

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_null (find_damaged (fixture->dir));
}

/* From a newer version: only an update helps */

static void
update_asked (KhApplication *app,
              KhWindow      *window,
              gconstpointer  data)
{
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (window), is_mapped_label_with_text,
                                     "Kế Hoạch Needs an Update"));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_containing,
                                         "Update Kế Hoạch on this computer"));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_button_labelled, RESTORE_LABEL));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_button_for_action,
                                         "win.choose-database"));
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *copy = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *db = NULL;

  fill_demo (fixture->path);
  copy = make_backup (fixture->path);   /* a good backup, which must not be offered */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (fixture->path);

  run_application (fixture->path, update_asked, NULL);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_null (find_damaged (fixture->dir));
}

int
main (int   argc,
      char *argv[])
{
  if (test_main (&argc, &argv) != EXIT_SUCCESS)
    return EXIT_FAILURE;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/recovery/damaged-restores-backup", test_damaged_restores_backup);
  ADD ("/gui/recovery/damaged-inside-switches", test_damaged_inside_switches);
  ADD ("/gui/recovery/damaged-closes-preferences", test_damaged_closes_preferences);
  ADD ("/gui/recovery/emptied-restores-backup", test_emptied_restores_backup);
  ADD ("/gui/recovery/not-database-without-backup", test_not_database_without_backup);
  ADD ("/gui/recovery/damaged-backup-not-offered", test_damaged_backup_not_offered);
  ADD ("/gui/recovery/newer-version", test_newer_version);
#undef ADD

  return g_test_run ();
}
