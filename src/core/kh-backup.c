/* kh-backup.c — consistent copies of the database, and restoring them
 *
 * Copies are made with SQLite's online backup API, so they are
 * consistent even while the database is open, and written into
 * backups/ beside the database with mode 0600, under names that sort
 * by time:
 *
 *   kehoach-2024-02-19T081500-daily.db
 *   kehoach-2024-02-19T091000-before-migration.db
 *
 * Rotation keeps the newest daily copies of the last 7 days that have
 * one, then the newest copy of each of the 8 weeks before; copies made
 * for a migration, a restore or by hand are kept 10 of each kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "kh-backup.h"
#include "kh-store-private.h"

#define KEEP_DAILY   7
#define KEEP_WEEKLY  8
#define KEEP_EVENTS 10

static const char * const kind_names[] = {
  [KH_BACKUP_DAILY] = "daily",
  [KH_BACKUP_MANUAL] = "manual",
  [KH_BACKUP_BEFORE_MIGRATION] = "before-migration",
  [KH_BACKUP_BEFORE_RESTORE] = "before-restore",
};

void
kh_backup_info_free (KhBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_clear_pointer (&info->created, g_date_time_unref);
  g_free (info);
}

char *
kh_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* Parses "kehoach-YYYY-MM-DDTHHMMSS-kind.db"; NULL if it is not ours. */
static KhBackupInfo *
parse_name (const char *dir,
            const char *name)
{
  int year, month, day, hour, minute, second, consumed = 0;
  g_autoptr(KhBackupInfo) info = NULL;
  const char *kind;

  if (sscanf (name, "kehoach-%4d-%2d-%2dT%2d%2d%2d-%n",
              &year, &month, &day, &hour, &minute, &second, &consumed) != 6 || consumed == 0)
    return NULL;

  kind = name + consumed;
  info = g_new0 (KhBackupInfo, 1);
  info->kind = G_N_ELEMENTS (kind_names);
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      g_autofree char *suffix = g_strconcat (kind_names[i], ".db", NULL);
      if (g_strcmp0 (kind, suffix) == 0)
        info->kind = i;
    }
  if (info->kind == G_N_ELEMENTS (kind_names))
    return NULL;

  info->created = g_date_time_new_local (year, month, day, hour, minute, second);
  if (info->created == NULL)
    return NULL;

  info->path = g_build_filename (dir, name, NULL);
  info->n_plans = info->n_results = -1;
  return g_steal_pointer (&info);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const KhBackupInfo *x = *(KhBackupInfo * const *)a;
  const KhBackupInfo *y = *(KhBackupInfo * const *)b;

  return g_date_time_compare (y->created, x->created);
}

static GPtrArray *
list_names (const char  *db_path,
            GError     **error)
{
  g_autofree char *dir = kh_backup_dir_for (db_path);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_backup_info_free);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  listing = g_dir_open (dir, 0, &local_error);
  if (listing == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (listing)))
    {
      KhBackupInfo *info = parse_name (dir, name);
      if (info != NULL)
        g_ptr_array_add (backups, info);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

/* Copies the database behind `source` into a new private file. */
static gboolean
copy_database (sqlite3     *source,
               const char  *path,
               GError     **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN,
                   _("The backup “%s” cannot be written: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  rc = sqlite3_open_v2 (path, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (target);
      else
        {
          /* Copy everything in one step: the source is then read in one
           * consistent snapshot. */
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, KH_STORE_ERROR, (rc & 0xff) == SQLITE_FULL ? KH_STORE_ERROR_DISK_FULL
                                                                     : KH_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be made: %s."), path,
                   target ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close (target);
      g_remove (path);
      return FALSE;
    }

  sqlite3_close (target);
  return TRUE;
}

static char *
backup_path (const char   *db_path,
             KhBackupKind  kind,
             GDateTime    *now,
             GError      **error)
{
  g_autofree char *dir = kh_backup_dir_for (db_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H%M%S");
  g_autofree char *name = NULL;
  char *path;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN,
                   _("The backup folder “%s” cannot be created: %s."), dir, g_strerror (saved_errno));
      return NULL;
    }

  name = g_strdup_printf ("kehoach-%s-%s.db", stamp, kind_names[kind]);
  path = g_build_filename (dir, name, NULL);

  /* Two copies within a second: the second gets a later name. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 1);
      g_free (path);
      return backup_path (db_path, kind, later, error);
    }

  return path;
}

/* A copy of a database file that no KhStore holds open (used before a
 * migration, when the store is not made yet). */
char *
kh_backup_file_copy (const char    *db_path,
                     KhBackupKind   kind,
                     GDateTime     *now,
                     GError       **error)
{
  g_autofree char *path = backup_path (db_path, kind, now, error);
  sqlite3 *source = NULL;
  gboolean ok;

  if (path == NULL)
    return NULL;

  if (sqlite3_open_v2 (db_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be read for a backup."), db_path);
      sqlite3_close (source);
      return NULL;
    }

  ok = copy_database (source, path, error);
  sqlite3_close (source);
  return ok ? g_steal_pointer (&path) : NULL;
}

char *
kh_store_backup (KhStore       *store,
                 KhBackupKind   kind,
                 GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = backup_path (kh_store_get_path (store), kind, now, error);

  if (path == NULL || !copy_database (kh_store_get_db (store), path, error))
    return NULL;

  kh_backup_rotate (kh_store_get_path (store), now, NULL);
  return g_steal_pointer (&path);
}

/* Makes the day's copy unless one exists; returns its path, or NULL
 * with no error when there was nothing to do. It reads the database
 * through a connection of its own, so it may run in a worker thread
 * while the application goes on with its store. */
char *
kh_backup_daily (const char  *db_path,
                 GDateTime   *now,
                 GError     **error)
{
  g_autoptr(GPtrArray) backups = list_names (db_path, error);
  g_autofree char *path = NULL;

  if (backups == NULL)
    return NULL;

  for (guint i = 0; i < backups->len; i++)
    {
      KhBackupInfo *info = backups->pdata[i];

      if (info->kind == KH_BACKUP_DAILY &&
          g_date_time_get_year (info->created) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (info->created) == g_date_time_get_day_of_year (now))
        return NULL;
    }

  path = kh_backup_file_copy (db_path, KH_BACKUP_DAILY, now, error);
  if (path == NULL || !kh_backup_rotate (db_path, now, error))
    return NULL;

  return g_steal_pointer (&path);
}

char *
kh_store_backup_daily (KhStore     *store,
                       GDateTime   *now,
                       GError     **error)
{
  return kh_backup_daily (kh_store_get_path (store), now, error);
}

static char *
week_of (GDateTime *time)
{
  return g_strdup_printf ("%d-%02d", g_date_time_get_week_numbering_year (time),
                          g_date_time_get_week_of_year (time));
}

gboolean
kh_backup_rotate (const char  *db_path,
                  GDateTime   *now,
                  GError     **error)
{
  g_autoptr(GPtrArray) backups = list_names (db_path, error);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint events[G_N_ELEMENTS (kind_names)] = { 0 };
  guint n_weekly = 0;

  if (backups == NULL)
    return FALSE;

  /* Newest first: the first copy of a day or week is the one kept. */
  for (guint i = 0; i < backups->len; i++)
    {
      KhBackupInfo *info = backups->pdata[i];
      gboolean keep;

      if (info->kind != KH_BACKUP_DAILY)
        keep = ++events[info->kind] <= KEEP_EVENTS;
      else
        {
          g_autofree char *day = g_date_time_format (info->created, "%F");
          g_autofree char *week = week_of (info->created);

          if (g_hash_table_contains (days, day))
            keep = FALSE;
          else if (g_hash_table_size (days) < KEEP_DAILY)
            {
              keep = TRUE;
              g_hash_table_add (days, g_steal_pointer (&day));
              g_hash_table_add (weeks, g_steal_pointer (&week));
            }
          else if (!g_hash_table_contains (weeks, week) && n_weekly < KEEP_WEEKLY)
            {
              keep = TRUE;
              n_weekly++;
              g_hash_table_add (weeks, g_steal_pointer (&week));
            }
          else
            keep = FALSE;
        }

      if (!keep && g_remove (info->path) != 0)
        g_warning ("Cannot remove old backup %s: %s", info->path, g_strerror (errno));
    }

  return TRUE;
}

/* A backup is never written once made: read it as it is, without the
 * -shm file (and the write access to backups/) a WAL database needs. */
static int
open_backup (const char  *path,
             sqlite3    **db)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

  return sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

static void
count_contents (KhBackupInfo *info)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (open_backup (info->path, &db) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM plan), (SELECT count(*) FROM result)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      info->n_plans = sqlite3_column_int (stmt, 0);
      info->n_results = sqlite3_column_int (stmt, 1);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Every backup beside the database, newest first, with its size and
 * how many plans and results it holds. */
GPtrArray *
kh_backup_list (const char  *db_path,
                GError     **error)
{
  GPtrArray *backups = list_names (db_path, error);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      KhBackupInfo *info = backups->pdata[i];
      GStatBuf st;

      if (g_stat (info->path, &st) == 0)
        info->size = st.st_size;
      count_contents (info);
    }

  return backups;
}

/* Replaces the store's content with the backup's, after copying the
 * current state aside (its path in undo_path) so the restore itself
 * can be undone. The backup is checked whole before anything changes. */
gboolean
kh_store_restore (KhStore     *store,
                  const char  *backup_path_,
                  char       **undo_path,
                  GError     **error)
{
  g_autoptr(KhStore) checked = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *scratch = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *source = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!kh_store_check_writable (store, error))
    return FALSE;

  /* Open a scratch copy: kh_store_open() refuses foreign, damaged and
   * newer files, and upgrades an older one, without touching the
   * backup itself. */
  {
    g_autofree char *tmpl = g_build_filename (g_get_tmp_dir (), "kehoach-restore-XXXXXX", NULL);
    g_autofree char *contents = NULL;
    gsize length;
    int fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);

    if (fd < 0)
      {
        g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                     _("No room to check the backup: %s."), g_strerror (errno));
        return FALSE;
      }
    g_close (fd, NULL);
    scratch = g_steal_pointer (&tmpl);

    if (!g_file_get_contents (backup_path_, &contents, &length, error) ||
        !g_file_set_contents_full (scratch, contents, length,
                                   G_FILE_SET_CONTENTS_NONE, 0600, error))
      {
        g_remove (scratch);
        return FALSE;
      }
  }

  checked = kh_store_open (scratch, &local_error);
  if (checked == NULL)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("“%s” cannot be restored: %s"), backup_path_, local_error->message);
      g_remove (scratch);
      return FALSE;
    }

  undo = kh_store_backup (store, KH_BACKUP_BEFORE_RESTORE, error);
  if (undo == NULL)
    goto out;

  source = kh_store_get_db (checked);
  backup = sqlite3_backup_init (kh_store_get_db (store), "main", source, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (kh_store_get_db (store));
  else
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      g_clear_pointer (&undo, g_free);
      goto out;
    }

out:
  g_clear_object (&checked);
  {
    g_autofree char *wal = g_strconcat (scratch, "-wal", NULL);
    g_autofree char *shm = g_strconcat (scratch, "-shm", NULL);
    g_remove (scratch);
    g_remove (wal);
    g_remove (shm);
  }

  if (undo == NULL)
    return FALSE;
  if (undo_path != NULL)
    *undo_path = g_steal_pointer (&undo);
  return TRUE;
}

/* Recovery: the database cannot be opened at all (damaged, or not a
 * database), so there is no KhStore to restore into. The damaged file
 * is moved aside, never deleted, and a checked backup copied in its
 * place; opening it afterwards is the caller's. */

static gboolean
has_sqlite_header (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *file = g_fopen (path, "rb");
  size_t n_read;

  if (file == NULL)
    return FALSE;
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);
  return n_read == sizeof header && memcmp (header, magic, sizeof magic) == 0;
}

/**
 * kh_backup_check:
 * @n_plans: (out) (optional): the plans it holds
 * @n_results: (out) (optional): the results it holds
 *
 * Whether a backup can be restored: an SQLite file of this version of
 * Kế Hoạch or an older one that passes quick_check. It is only read.
 */
gboolean
kh_backup_check (const char  *backup_path_,
                 int         *n_plans,
                 int         *n_results,
                 GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *verdict = NULL;
  int version = -1, plans = -1, results = -1;

  if (!has_sqlite_header (backup_path_) || open_backup (backup_path_, &db) != SQLITE_OK)
    {
      sqlite3_close (db);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_DATABASE,
                   _("The backup “%s” is not a Kế Hoạch database."), backup_path_);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (version > KH_SCHEMA_VERSION)
    {
      sqlite3_close (db);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW,
                   _("The backup “%s” was written by a newer version of Kế Hoạch."), backup_path_);
      return FALSE;
    }

  if (version > 0 &&
      sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    verdict = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (g_strcmp0 (verdict, "ok") == 0 &&
      sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM plan), (SELECT count(*) FROM result)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      plans = sqlite3_column_int (stmt, 0);
      results = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (plans < 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged."), backup_path_);
      return FALSE;
    }

  if (n_plans != NULL)
    *n_plans = plans;
  if (n_results != NULL)
    *n_results = results;
  return TRUE;
}

/* The newest backup that passes kh_backup_check(), or NULL (without an
 * error) when there is none. */
KhBackupInfo *
kh_backup_find_good (const char  *db_path,
                     GError     **error)
{
  g_autoptr(GPtrArray) backups = list_names (db_path, error);

  if (backups == NULL)
    return NULL;

  for (guint i = 0; i < backups->len; i++)
    {
      KhBackupInfo *info = backups->pdata[i];
      GStatBuf st;

      if (!kh_backup_check (info->path, &info->n_plans, &info->n_results, NULL))
        continue;
      if (g_stat (info->path, &st) == 0)
        info->size = st.st_size;
      return g_ptr_array_steal_index (backups, i);
    }

  return NULL;
}

static const char * const side_suffixes[] = { "-wal", "-shm", "-journal" };

/* Writes the backup into a new private file beside the database, synced
 * to the disk, so the database is replaced by one rename. */
static char *
copy_beside (const char  *db_path,
             const char  *source,
             GError     **error)
{
  g_autofree char *tmpl = g_strconcat (db_path, ".restoring-XXXXXX", NULL);
  g_autofree char *contents = NULL;
  gsize length, written = 0;
  int fd;

  if (!g_file_get_contents (source, &contents, &length, error))
    return NULL;

  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, KH_STORE_ERROR, saved_errno == ENOSPC ? KH_STORE_ERROR_DISK_FULL : KH_STORE_ERROR_OPEN,
                   _("The backup cannot be copied beside the database: %s."), g_strerror (saved_errno));
      return NULL;
    }

  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += n;
    }

  if (written < length || fsync (fd) != 0)
    {
      int saved_errno = errno;
      g_close (fd, NULL);
      g_remove (tmpl);
      g_set_error (error, KH_STORE_ERROR, saved_errno == ENOSPC ? KH_STORE_ERROR_DISK_FULL : KH_STORE_ERROR_FAILED,
                   _("The backup cannot be copied beside the database: %s."), g_strerror (saved_errno));
      return NULL;
    }

  g_close (fd, NULL);
  return g_steal_pointer (&tmpl);
}

static char *
damaged_name (const char *db_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *path = g_strdup_printf ("%s.damaged-%s", db_path, stamp);

  for (int n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s.damaged-%s-%d", db_path, stamp, n);
    }
  return path;
}

/**
 * kh_backup_recover:
 * @damaged_path: (out) (optional): where the damaged file now is, or
 *   %NULL when there was none
 *
 * Puts a backup in place of a database that cannot be opened. The
 * backup is checked first; the damaged file and its -wal, -shm and
 * -journal files are renamed to `<name>.damaged-YYYYMMDD-HHMMSS`
 * (and its side files), never deleted; a failure puts them back.
 */
gboolean
kh_backup_recover (const char  *db_path,
                   const char  *backup_path_,
                   char       **damaged_path,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *damaged = NULL;
  gboolean moved[G_N_ELEMENTS (side_suffixes)] = { FALSE };
  gboolean moved_main = FALSE;

  if (!kh_backup_check (backup_path_, NULL, NULL, &local_error))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("“%s” cannot be restored: %s"), backup_path_, local_error->message);
      return FALSE;
    }

  copy = copy_beside (db_path, backup_path_, error);
  if (copy == NULL)
    return FALSE;

  damaged = damaged_name (db_path);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      if (g_rename (db_path, damaged) != 0)
        goto failed;
      moved_main = TRUE;
    }

  /* A -wal or -journal left by the damaged file would be applied to the
   * restored one: they go with it. */
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, side_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (damaged, side_suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        goto failed;
      moved[i] = TRUE;
    }

  if (g_rename (copy, db_path) != 0)
    goto failed;

  if (damaged_path != NULL)
    *damaged_path = moved_main ? g_steal_pointer (&damaged) : NULL;
  return TRUE;

failed:
  {
    int saved_errno = errno;

    /* Put everything back as it was. */
    for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
      if (moved[i])
        {
          g_autofree char *from = g_strconcat (damaged, side_suffixes[i], NULL);
          g_autofree char *to = g_strconcat (db_path, side_suffixes[i], NULL);
          g_rename (from, to);
        }
    if (moved_main)
      g_rename (damaged, db_path);
    g_remove (copy);

    g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                 _("The damaged database “%s” cannot be moved aside: %s. Nothing was changed."),
                 db_path, g_strerror (saved_errno));
    return FALSE;
  }
}
