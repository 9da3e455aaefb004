/* test-store.c — opening, migrating and refusing databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kh-department.h"
#include "kh-store-private.h"
#include "kh-store-task.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("kh-store-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "sub", "kehoach.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_chmod (child, 0700);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_chmod (fixture->dir, 0700);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static int
count_rows (KhStore    *store,
            const char *sql)
{
  g_autoptr(KhStmt) stmt = kh_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_create_and_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  GStatBuf st;
  gint64 id;

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (kh_store_get_schema_version (store), ==, KH_SCHEMA_VERSION);
  g_assert_true (kh_store_is_empty (store));
  g_assert_false (kh_store_is_read_only (store));

  /* The database holds the clerk's data: readable by its owner only. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  id = kh_store_add_department (store, "Đài truyền thanh", "radio", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&store);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (kh_store_is_empty (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM department"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
  g_assert_cmpint (count_rows (store, "PRAGMA foreign_keys"), ==, 1);
}

/* An empty file is what version 0 looks like: it is migrated in place. */
static void
test_migrate_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_get_schema_version (store), ==, KH_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_master WHERE name = 'document_number'"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM agency"), ==, 1);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  KhStore *store;
  sqlite3 *db;

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  /* Pretend a future version wrote it, with a rollback journal. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = read_file (fixture->path);
  store = kh_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_refuse_not_database (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char text[] = "Kế hoạch tuyên truyền cải cách hành chính năm 2024 — a Word export";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  KhStore *store;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (fixture->path, text, -1, &error);
  g_assert_no_error (error);

  store = kh_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_DATABASE);

  after = read_file (fixture->path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), text, strlen (text));
}

/* A valid header over garbage pages: quick_check or the first read
 * must refuse it with a clear error, and the file stays as it was. */
static void
test_refuse_corrupt (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  KhStore *store;
  sqlite3 *db;
  char *contents = NULL;
  gsize length = 0;

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bộ phận %d", i);
      kh_store_add_department (store, name, "", &error);
      g_assert_no_error (error);
    }
  g_object_unref (store);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096 * 3);
  /* Overwrite everything after the first page with a pattern. */
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char)(i * 7);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);
  g_free (contents);

  before = read_file (fixture->path);
  store = kh_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_true (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT) ||
                 g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_DATABASE));
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Garbage over the last page: the header, the schema and most of the data
 * still read, only a check of the whole file finds the damage. The file
 * stays in WAL mode, as the app leaves it. */
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
  g_assert_cmpuint (length, >, page_size * 8);
  for (gsize i = length - page_size; i < length; i++)
    contents[i] = (char)(i * 7);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* KH_STORE_OPEN_DEFER_CHECK opens a damaged-inside file at once; the check
 * comes later, every write waits for it, and a second connection of the
 * process shares its verdict. */
static void
test_deferred_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(KhStore) deferred = NULL;
  KhStore *store;

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kh_store_is_verified (store));   /* a new file */
  for (int i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bộ phận có tên dài số %d — %0100d", i, i);
      kh_store_add_department (store, name, "", &error);
      g_assert_no_error (error);
    }
  g_object_unref (store);

  /* A sound file: open unchecked, then verified, then written. */
  deferred = kh_store_open_full (fixture->path, KH_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_false (kh_store_is_verified (deferred));
  g_assert_true (kh_store_verify (deferred, &error));
  g_assert_no_error (error);
  g_assert_true (kh_store_is_verified (deferred));
  g_assert_cmpint (kh_store_add_department (deferred, "Đài truyền thanh", "", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&deferred);

  damage_last_page (fixture->path);
  before = read_file (fixture->path);

  /* The usual open still checks at once. */
  store = kh_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  deferred = kh_store_open_full (fixture->path, KH_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deferred);
  g_assert_false (kh_store_is_verified (deferred));

  /* A second connection shares the unchecked verdict: it opens (as a
   * worker's does, without reading the file again), but cannot write. */
  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (kh_store_is_verified (store));
  g_assert_false (kh_store_begin (store, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (kh_store_is_verified (deferred));
  g_clear_object (&store);

  /* Writes are refused; the file is as it was. */
  g_assert_false (kh_store_verify (deferred, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_add_department (deferred, "Phòng mới", "", &error), <=, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_clear_object (&deferred);
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_directory (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KhStore *store;

  store = kh_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN);
}

static void
test_foreign_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhStmt) stmt = NULL;

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);

  stmt = kh_store_prepare (store,
                           "INSERT INTO task (plan_id, title) VALUES (12345, 'Nhiệm vụ')",
                           &error);
  g_assert_no_error (error);
  g_assert_false (kh_store_step_done (store, stmt, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM task"), ==, 0);
}

/* kh_store_move_department() renumbers every row; if one update fails
 * the whole move must be rolled back. A trigger makes the third fail. */
static void
test_failed_change_leaves_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 last = 0;

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bộ phận %d", i);
      last = kh_store_add_department (store, name, "", &error);
      g_assert_no_error (error);
    }
  before = kh_store_list_departments (store, TRUE, &error);

  g_assert_cmpint (sqlite3_exec (kh_store_get_db (store),
                                 "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF position ON department"
                                 " WHEN NEW.position = 2 BEGIN SELECT RAISE(ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (kh_store_move_department (store, last, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  after = kh_store_list_departments (store, TRUE, &error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      g_assert_cmpint (kh_department_get_id (after->pdata[i]), ==, kh_department_get_id (before->pdata[i]));
      g_assert_cmpint (kh_department_get_position (after->pdata[i]), ==, kh_department_get_position (before->pdata[i]));
    }

  /* And the store is usable afterwards: no transaction was left open. */
  sqlite3_exec (kh_store_get_db (store), "DROP TRIGGER refuse", NULL, NULL, NULL);
  g_assert_true (kh_store_move_department (store, last, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = kh_store_list_departments (store, TRUE, &error);
  g_assert_cmpint (kh_department_get_id (after->pdata[0]), ==, last);
}

static void
test_text_is_nfc (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhDepartment) department = NULL;
  /* "Tư pháp – Hộ tịch" typed with combining marks (NFD). */
  g_autofree char *nfd = g_utf8_normalize ("Tư pháp – Hộ tịch", -1, G_NORMALIZE_NFD);
  gint64 id;

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nfd, !=, "Tư pháp – Hộ tịch");

  id = kh_store_add_department (store, nfd, "justice", &error);
  g_assert_no_error (error);
  department = kh_store_get_department (store, id, &error);
  g_assert_cmpstr (kh_department_get_name (department), ==, "Tư pháp – Hộ tịch");

  /* The same name in the other normal form is a duplicate. */
  g_assert_cmpint (kh_store_add_department (store, "Tư pháp – Hộ tịch", "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
}

/* As root, permissions do not stop writes: the test then checks them
 * as the user nobody would (the file-system uid, which drops root's
 * override of permissions for this thread). */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  gboolean as_nobody = geteuid () == 0;
  KhStore *store;

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_add_department (store, "Văn phòng", "", &error), >, 0);
  g_object_unref (store);
  g_chmod (fixture->dir, 0755);
  g_chmod (dir, as_nobody ? 0555 : 0500);
  g_chmod (fixture->path, as_nobody ? 0444 : 0400);

  if (as_nobody)
    {
      setfsuid (65534);
      g_assert_cmpint (setfsuid (-1), ==, 65534);
    }

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kh_store_is_read_only (store));
  g_assert_cmpint (kh_store_add_department (store, "Tư pháp", "", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM department"), ==, 1);
  g_object_unref (store);

  if (as_nobody)
    setfsuid (0);
  g_chmod (dir, 0700);
}

/* A full disk, simulated by capping the database's size: the change is
 * refused with a message that says so, and what was there stays. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  int pages = 0, saved = 0;

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bộ phận %d", i);
      g_assert_cmpint (kh_store_add_department (store, name, "", &error), >, 0);
    }

  pages = count_rows (store, "PRAGMA page_count");
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages);
    g_assert_cmpint (sqlite3_exec (kh_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }

  /* Long names fill the last page soon. */
  for (int i = 0; i < 10000 && error == NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bộ phận có tên rất dài số %d — %0150d", i, i);
      if (kh_store_add_department (store, name, "", &error) > 0)
        saved++;
    }

  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DISK_FULL);
  g_assert_cmpstr (error->message, ==,
                   "The disk is full: your last change was not saved. Free some space and try again.");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM department"), ==, 5 + saved);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM department WHERE name = 'Bộ phận 4'"), ==, 1);

  /* No transaction was left open. */
  g_clear_error (&error);
  g_assert_true (kh_store_begin (store, &error));
  kh_store_rollback (store);

  /* Space again: the store goes on, and a reopen finds the rows. */
  g_assert_cmpint (sqlite3_exec (kh_store_get_db (store), "PRAGMA max_page_count = 1000000", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (kh_store_add_department (store, "Đài truyền thanh", "radio", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM department"), ==, 5 + saved + 1);
}

static gpointer
count_departments (KhStore  *store,
                   gpointer  data,
                   GError  **error)
{
  g_autoptr(GPtrArray) departments = kh_store_list_departments (store, TRUE, error);

  g_assert_true (g_thread_self () != data);   /* not the test's thread */
  return departments ? GUINT_TO_POINTER (departments->len + 1) : NULL;
}

static void
on_task_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gpointer
run_task (const char  *path,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_task_done_cb, &result);

  g_task_set_task_data (task, g_thread_self (), NULL);
  kh_store_task_run_in_thread (task, path, count_departments, NULL);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Work on a connection of its own in a worker thread: the result of the
 * work, or the error of opening the file. */
static void
test_task_in_thread (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *not_a_database = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (kh_store_add_department (store, "Văn phòng – Thống kê", NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpuint (GPOINTER_TO_UINT (run_task (fixture->path, &error)), ==, 2);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (not_a_database, "Ghi chú, không phải cơ sở dữ liệu.\n", -1, NULL));
  g_assert_null (run_task (not_a_database, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/create-and-reopen", test_create_and_reopen);
  ADD ("/store/migrate-empty", test_migrate_empty);
  ADD ("/store/refuse-newer", test_refuse_newer);
  ADD ("/store/refuse-not-database", test_refuse_not_database);
  ADD ("/store/refuse-corrupt", test_refuse_corrupt);
  ADD ("/store/deferred-check", test_deferred_check);
  ADD ("/store/refuse-directory", test_refuse_directory);
  ADD ("/store/foreign-keys", test_foreign_keys);
  ADD ("/store/failed-change-leaves-nothing", test_failed_change_leaves_nothing);
  ADD ("/store/text-is-nfc", test_text_is_nfc);
  ADD ("/store/read-only-folder", test_read_only_folder);
  ADD ("/store/disk-full", test_disk_full);
  ADD ("/store/task-in-thread", test_task_in_thread);
#undef ADD

  return g_test_run ();
}
