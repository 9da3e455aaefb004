/* test-backup.c — daily copies, rotation, and restores that can be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kh-backup.h"
#include "kh-department.h"
#include "kh-store-private.h"

typedef struct
{
  char    *dir;
  char    *path;
  KhStore *store;
} Fixture;

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
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kh-backup-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);
  fixture->store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  kh_store_add_department (fixture->store, "Văn phòng – Thống kê", "office", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static guint
count_departments (KhStore *store)
{
  g_autoptr(GPtrArray) departments = kh_store_list_departments (store, TRUE, NULL);
  return departments->len;
}

static void
test_daily (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) monday = g_date_time_new_local (2024, 2, 19, 8, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2024, 2, 19, 17, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new_local (2024, 2, 20, 8, 0, 0);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  GStatBuf st;

  first = kh_store_backup_daily (fixture->store, monday, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, "backups/kehoach-2024-02-19T080000-daily.db"));
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Once a day. */
  again = kh_store_backup_daily (fixture->store, later, &error);
  g_assert_no_error (error);
  g_assert_null (again);
  next = kh_store_backup_daily (fixture->store, tuesday, &error);
  g_assert_nonnull (next);

  backups = kh_backup_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (((KhBackupInfo *)backups->pdata[0])->path, ==, next);
  g_assert_cmpint (((KhBackupInfo *)backups->pdata[0])->n_plans, ==, 0);
  g_assert_cmpint (((KhBackupInfo *)backups->pdata[0])->kind, ==, KH_BACKUP_DAILY);
  g_assert_cmpint (((KhBackupInfo *)backups->pdata[0])->size, >, 0);
}

static void
test_rotation (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2024, 1, 1, 9, 0, 0);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* A copy every day for 120 days. */
  for (int day = 0; day < 120; day++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (start, day);
      g_autofree char *path = kh_store_backup_daily (fixture->store, now, &error);
      g_assert_no_error (error);
      g_assert_nonnull (path);
    }

  backups = kh_backup_list (fixture->path, &error);
  g_assert_cmpuint (backups->len, ==, 7 + 8);

  /* The 7 newest days, then one copy for each of 8 older weeks. */
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) expected = g_date_time_add_days (start, 119 - i);
      g_assert_cmpint (g_date_time_get_day_of_year (((KhBackupInfo *)backups->pdata[i])->created),
                       ==, g_date_time_get_day_of_year (expected));
    }
  for (guint i = 7; i < backups->len; i++)
    {
      GDateTime *created = ((KhBackupInfo *)backups->pdata[i])->created;
      g_autofree char *week = g_strdup_printf ("%d", g_date_time_get_week_of_year (created));
      g_assert_false (g_hash_table_contains (weeks, week));
      g_hash_table_add (weeks, g_steal_pointer (&week));
    }
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *undo_again = NULL;

  copy = kh_store_backup (fixture->store, KH_BACKUP_MANUAL, &error);
  g_assert_no_error (error);

  kh_store_add_department (fixture->store, "Đài truyền thanh", "radio", &error);
  kh_store_add_department (fixture->store, "Tư pháp – Hộ tịch", "justice", &error);
  g_assert_cmpuint (count_departments (fixture->store), ==, 3);

  g_assert_true (kh_store_restore (fixture->store, copy, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_departments (fixture->store), ==, 1);

  /* The restore itself can be undone from the copy it made first. */
  g_assert_nonnull (undo);
  g_assert_true (kh_store_restore (fixture->store, undo, &undo_again, &error));
  g_assert_cmpuint (count_departments (fixture->store), ==, 3);

  /* And the store reopens with the restored content. */
  g_clear_object (&fixture->store);
  fixture->store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_departments (fixture->store), ==, 3);
}

static void
test_restore_refuses_garbage (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bogus = g_build_filename (fixture->dir, "not-a-backup.db", NULL);
  g_autoptr(GPtrArray) backups = NULL;

  g_file_set_contents (bogus, "Kế hoạch năm 2024", -1, &error);
  g_assert_no_error (error);

  g_assert_false (kh_store_restore (fixture->store, bogus, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpuint (count_departments (fixture->store), ==, 1);

  /* Nothing was restored, so no undo copy was needed. */
  backups = kh_backup_list (fixture->path, NULL);
  g_assert_cmpuint (backups->len, ==, 0);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Keeps the header, overwrites every page after the first: quick_check
 * (or the first read) fails on it. */
static void
damage_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096 * 2);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char)(i * 7);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Newest first, the first that opens and passes quick_check. */
static void
test_find_good (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *newer = NULL;
  g_autoptr(KhBackupInfo) found = NULL;

  /* Enough rows for the copies to have pages to damage. */
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bộ phận %d", i);
      kh_store_add_department (fixture->store, name, "", &error);
      g_assert_no_error (error);
    }

  good = kh_store_backup (fixture->store, KH_BACKUP_DAILY, &error);
  g_assert_no_error (error);
  damaged = kh_store_backup (fixture->store, KH_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  newer = kh_store_backup (fixture->store, KH_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (good, <, damaged);
  g_assert_cmpstr (damaged, <, newer);

  damage_file (damaged);
  set_user_version (newer, 99);

  g_assert_false (kh_backup_check (damaged, NULL, NULL, &error));
  g_assert_true (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT) ||
                 g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_DATABASE));
  g_clear_error (&error);
  g_assert_false (kh_backup_check (newer, NULL, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  found = kh_backup_find_good (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->path, ==, good);
  g_assert_cmpint (found->kind, ==, KH_BACKUP_DAILY);
  g_assert_cmpint (found->n_plans, ==, 0);
  g_assert_cmpint (found->n_results, ==, 0);
  g_assert_cmpint (found->size, >, 0);

  /* None good: NULL, and no error. */
  damage_file (good);
  g_clear_pointer (&found, kh_backup_info_free);
  found = kh_backup_find_good (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

/* A damaged database and its side files are moved aside, byte for
 * byte; the backup takes its place and opens. */
static void
test_recover (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *damaged_path = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) aside = NULL;
  g_autoptr(GBytes) wal_aside = NULL;
  KhStore *store;

  for (int i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bộ phận %d", i);
      kh_store_add_department (fixture->store, name, "", &error);
      g_assert_no_error (error);
    }
  copy = kh_store_backup (fixture->store, KH_BACKUP_DAILY, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  set_user_version (fixture->path, KH_SCHEMA_VERSION);   /* out of WAL, so one file holds it all */
  damage_file (fixture->path);
  store = kh_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_true (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT) ||
                 g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_DATABASE));
  g_clear_error (&error);

  /* Side files a crash could leave: they belong to the damaged file. */
  g_file_set_contents (wal, "a stale write-ahead log", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (shm, "shm", -1, &error);
  g_assert_no_error (error);
  before = read_bytes (fixture->path);

  g_assert_true (kh_backup_recover (fixture->path, copy, &damaged_path, &error));
  g_assert_no_error (error);

  /* The damaged file, kept aside unchanged, with its side files. */
  g_assert_nonnull (damaged_path);
  g_assert_true (g_str_has_prefix (damaged_path, fixture->path));
  g_assert_nonnull (strstr (damaged_path, ".damaged-"));
  aside = read_bytes (damaged_path);
  g_assert_true (g_bytes_equal (before, aside));
  {
    g_autofree char *wal_path = g_strconcat (damaged_path, "-wal", NULL);
    g_autofree char *shm_path = g_strconcat (damaged_path, "-shm", NULL);
    wal_aside = read_bytes (wal_path);
    g_assert_cmpmem (g_bytes_get_data (wal_aside, NULL), g_bytes_get_size (wal_aside),
                     "a stale write-ahead log", strlen ("a stale write-ahead log"));
    g_assert_true (g_file_test (shm_path, G_FILE_TEST_EXISTS));
  }
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  /* The backup itself is still there; the database opens with its content. */
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  fixture->store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_departments (fixture->store), ==, 101);
}

static void
test_recover_refuses_bad_backup (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bogus = g_build_filename (fixture->dir, "not-a-backup.db", NULL);
  g_autofree char *damaged_path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  g_file_set_contents (fixture->path, "garbage where the database was", -1, &error);
  g_file_set_contents (bogus, "Kế hoạch năm 2024", -1, &error);
  g_assert_no_error (error);
  before = read_bytes (fixture->path);

  g_assert_false (kh_backup_recover (fixture->path, bogus, &damaged_path, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_null (damaged_path);

  /* Nothing moved, nothing left behind. */
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    {
      g_assert_null (strstr (name, ".damaged-"));
      g_assert_null (strstr (name, ".restoring-"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backup/daily", test_daily);
  ADD ("/backup/rotation", test_rotation);
  ADD ("/backup/restore", test_restore);
  ADD ("/backup/restore-refuses-garbage", test_restore_refuses_garbage);
  ADD ("/backup/find-good", test_find_good);
  ADD ("/backup/recover", test_recover);
  ADD ("/backup/recover-refuses-bad-backup", test_recover_refuses_bad_backup);
#undef ADD

  return g_test_run ();
}
