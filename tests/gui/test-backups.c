/* test-backups.c — Preferences › Backups: the list with what each copy
 * holds, Back Up Now, restoring a copy and undoing the restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "backup-test-util.h"

#include "kh-agency.h"
#include "kh-department.h"

#include "kh-backups-page.h"
#include "kh-preferences-window.h"

#define ADDED "Phòng chống thiên tai"   /* added after the backup */

typedef struct
{
  char *backup;      /* the manual copy of the demo */
  char *subtitle;    /* what its row says */
  char *when;        /* its row's title */
  char *backups_dir;
} Expected;

/* The daily copy made at start-up can have the same minute: the row is
 * told by both its title and its subtitle. */
static gboolean
is_expected_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  const Expected *expected = data;

  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), expected->when) == 0 &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), expected->subtitle) == 0;
}

static gboolean
is_entry_row_with_text (GtkWidget     *widget,
                        gconstpointer  text)
{
  return ADW_IS_ENTRY_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

static gboolean
department_is (gpointer data)
{
  KhApplication *app = ((gpointer *)data)[0];
  gboolean present = GPOINTER_TO_INT (((gpointer *)data)[1]);
  KhStore *store = kh_application_get_store (app);

  return store != NULL && (kh_store_find_department (store, ADDED) > 0) == present;
}

static guint
count_files (const char *dir_path,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir && (name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, suffix))
      n++;
  return n;
}

static KhBackupsPage *
open_backups_page (KhApplication *app,
                   KhWindow      *window)
{
  KhPreferencesWindow *preferences;

  kh_window_show_preferences (window);
  preferences = KH_PREFERENCES_WINDOW (kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "backups");
  return KH_BACKUPS_PAGE (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
}

static void
restore_and_undo (KhApplication *app,
                  KhWindow      *window,
                  gconstpointer  data)
{
  const Expected *expected = data;
  gpointer gone[2] = { app, GINT_TO_POINTER (FALSE) };
  gpointer back[2] = { app, GINT_TO_POINTER (TRUE) };
  KhPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  GtkWidget *row, *restore, *undo;

  g_assert_cmpint (kh_store_find_department (kh_application_get_store (app), ADDED), >, 0);
  open_backups_page (app, window);
  preferences = KH_PREFERENCES_WINDOW (kh_test_find_toplevel (KH_TYPE_PREFERENCES_WINDOW));

  /* The copy, with when it was made and what it holds. */
  row = wait_for_widget (GTK_WIDGET (preferences), is_expected_row, expected);
  g_assert_nonnull (row);

  restore = kh_test_find_widget (row, is_mapped_button_labelled, "_Restore…");
  g_assert_nonnull (restore);
  g_assert_true (gtk_widget_is_sensitive (restore));
  g_signal_emit_by_name (restore, "clicked");

  /* Asked first; what will happen is said. */
  dialog = kh_test_wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "can be undone"));
  adw_message_dialog_response (dialog, "restore");

  g_assert_true (kh_test_wait_for (department_is, gone));
  /* The Preferences show the restored departments, not the old ones. */
  g_assert_null (kh_test_find_widget (GTK_WIDGET (kh_test_find_toplevel (KH_TYPE_PREFERENCES_WINDOW)), is_entry_row_with_text, ADDED));
  g_assert_cmpuint (count_files (expected->backups_dir, "-before-restore.db"), ==, 1);

  /* The toast undoes it. */
  undo = wait_for_widget (GTK_WIDGET (kh_test_find_toplevel (KH_TYPE_PREFERENCES_WINDOW)), is_mapped_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (kh_test_find_toplevel (KH_TYPE_PREFERENCES_WINDOW)), is_mapped_label_containing,
                                         "Restored the backup of "));
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (kh_test_wait_for (department_is, back));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (kh_test_find_toplevel (KH_TYPE_PREFERENCES_WINDOW)), is_mapped_label_with_text,
                                     "The restore was undone"));
}

static void
test_restore_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  Expected expected = { 0 };
  KhStore *store;

  fill_demo (fixture->path);
  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  expected.backup = kh_store_backup (store, KH_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_add_department (store, ADDED, "", &error), >, 0);
  g_clear_object (&store);

  backups = kh_backup_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  {
    const KhBackupInfo *info = backups->pdata[0];
    g_autofree char *size = g_format_size (info->size);

    g_assert_cmpint (info->n_plans, ==, 1);
    g_assert_cmpint (info->n_results, >, 1);
    expected.when = g_date_time_format (info->created, "%d/%m/%Y, %H:%M");
    expected.subtitle = g_strdup_printf ("Made by hand · %s · 1 plan, %d results", size, info->n_results);
  }

  expected.backups_dir = kh_backup_dir_for (fixture->path);
  run_application (fixture->path, restore_and_undo, &expected);

  /* After the application: the department is there, in the file. */
  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_find_department (store, ADDED), >, 0);
  g_clear_object (&store);

  /* The two restores each saved what was there first. */
  g_assert_cmpuint (count_files (expected.backups_dir, "-before-restore.db"), ==, 2);
  g_free (expected.backups_dir);
  g_free (expected.backup);
  g_free (expected.when);
  g_free (expected.subtitle);
}

/* What was typed and not saved yet goes into the copy made before the
 * restore, not over the restored content. */

static char *
place_in (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *place = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT place FROM agency WHERE id = 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  place = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return place;
}

static void
typed_then_restored (KhApplication *app,
                     KhWindow      *window,
                     gconstpointer  data)
{
  const Expected *expected = data;
  gpointer gone[2] = { app, GINT_TO_POINTER (FALSE) };
  KhPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  g_autoptr(KhAgency) agency = NULL;
  GtkWidget *place, *row;

  kh_window_show_preferences (window);
  preferences = KH_PREFERENCES_WINDOW (kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW));
  place = kh_test_find_widget (GTK_WIDGET (preferences), kh_test_is_entry_row_titled, "Place written before the date");
  g_assert_nonnull (place);
  gtk_editable_set_text (GTK_EDITABLE (place), "Đức Phổ");   /* saved half a second later */

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "backups");
  row = wait_for_widget (GTK_WIDGET (preferences), is_expected_row, expected);
  g_assert_nonnull (row);
  g_signal_emit_by_name (kh_test_find_widget (row, is_mapped_button_labelled, "_Restore…"), "clicked");
  dialog = kh_test_wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "restore");
  g_assert_true (kh_test_wait_for (department_is, gone));

  agency = kh_store_load_agency (kh_application_get_store (app), NULL);
  g_assert_cmpstr (agency->place, ==, "Phổ Minh");
  /* The Agency page shows the restored place. */
  place = kh_test_find_widget (GTK_WIDGET (kh_test_find_toplevel (KH_TYPE_PREFERENCES_WINDOW)), kh_test_is_entry_row_titled,
                               "Place written before the date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Phổ Minh");
}

static void
test_typed_then_restored (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *place = NULL;
  Expected expected = { 0 };
  KhStore *store;

  fill_demo (fixture->path);
  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  expected.backup = kh_store_backup (store, KH_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_add_department (store, ADDED, "", &error), >, 0);
  g_clear_object (&store);

  backups = kh_backup_list (fixture->path, &error);
  g_assert_no_error (error);
  {
    const KhBackupInfo *info = backups->pdata[0];
    g_autofree char *size = g_format_size (info->size);

    expected.when = g_date_time_format (info->created, "%d/%m/%Y, %H:%M");
    expected.subtitle = g_strdup_printf ("Made by hand · %s · 1 plan, %d results", size, info->n_results);
  }
  expected.backups_dir = kh_backup_dir_for (fixture->path);

  run_application (fixture->path, typed_then_restored, &expected);

  /* In the file: the restored place; in the copy made first: the typed one. */
  place = place_in (fixture->path);
  g_assert_cmpstr (place, ==, "Phổ Minh");
  g_clear_pointer (&place, g_free);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = kh_backup_list (fixture->path, &error);
  for (guint i = 0; i < backups->len; i++)
    {
      const KhBackupInfo *info = backups->pdata[i];
      if (info->kind == KH_BACKUP_BEFORE_RESTORE)
        place = place_in (info->path);
    }
  g_assert_cmpstr (place, ==, "Đức Phổ");

  g_free (expected.backups_dir);
  g_free (expected.backup);
  g_free (expected.when);
  g_free (expected.subtitle);
}

/* Back Up Now */

static gboolean
page_idle (gpointer page)
{
  return !kh_backups_page_is_busy (page);
}

static gboolean
is_row_subtitled (GtkWidget     *widget,
                  gconstpointer  prefix)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), prefix);
}

static void
back_up_now (KhApplication *app,
             KhWindow      *window,
             gconstpointer  data)
{
  const char *backups_dir = data;
  KhBackupsPage *page = open_backups_page (app, window);
  GtkWidget *button;

  /* No manual copy yet: the list shows none. */
  g_assert_null (kh_test_find_widget (GTK_WIDGET (page), is_row_subtitled, "Made by hand"));

  button = kh_test_find_widget (GTK_WIDGET (page), is_mapped_button_labelled, "_Back Up Now");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (kh_backups_page_is_busy (page));
  g_assert_false (gtk_widget_is_sensitive (button));

  g_assert_true (kh_test_wait_for (page_idle, page));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpuint (count_files (backups_dir, "-manual.db"), ==, 1);
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (page), is_row_subtitled, "Made by hand"));
}

static void
test_back_up_now (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *backups_dir = kh_backup_dir_for (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  fill_demo (fixture->path);
  run_application (fixture->path, back_up_now, backups_dir);

  backups = kh_backup_list (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      const KhBackupInfo *info = backups->pdata[i];
      if (info->kind == KH_BACKUP_MANUAL)
        g_assert_cmpint (info->n_plans, ==, 1);
    }
}

/* No backups yet: the list says so */

static gboolean
daily_made (gpointer backups_dir)
{
  return count_files (backups_dir, "-daily.db") == 1;
}

static void
empty_list (KhApplication *app,
            KhWindow      *window,
            gconstpointer  data)
{
  const char *backups_dir = data;
  g_autofree char *daily = NULL;
  g_autoptr(GDir) dir = NULL;
  KhBackupsPage *page;

  /* The day's copy, made at start-up, taken away again. */
  g_assert_true (kh_test_wait_for (daily_made, (gpointer)backups_dir));
  dir = g_dir_open (backups_dir, 0, NULL);
  daily = g_build_filename (backups_dir, g_dir_read_name (dir), NULL);
  g_assert_true (g_str_has_suffix (daily, "-daily.db"));
  g_assert_cmpint (g_remove (daily), ==, 0);

  page = open_backups_page (app, window);
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (page), is_mapped_label_containing, "No backups yet"));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (page), is_row_subtitled, ""));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *backups_dir = kh_backup_dir_for (fixture->path);

  fill_demo (fixture->path);
  run_application (fixture->path, empty_list, backups_dir);
}

int
main (int   argc,
      char *argv[])
{
  if (test_main (&argc, &argv) != EXIT_SUCCESS)
    return EXIT_FAILURE;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/backups/restore-and-undo", test_restore_and_undo);
  ADD ("/gui/backups/typed-then-restored", test_typed_then_restored);
  ADD ("/gui/backups/back-up-now", test_back_up_now);
  ADD ("/gui/backups/empty", test_empty);
#undef ADD

  return g_test_run ();
}
