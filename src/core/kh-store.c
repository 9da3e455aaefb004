/* kh-store.c — the SQLite database behind everything
 *
 * One KhStore is one connection. It refuses what it cannot safely use
 * (a file that is not a database, a corrupt one, one from a newer
 * version) before writing a single byte to it, then upgrades the schema
 * one migration per transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kh-backup.h"
#include "kh-store-private.h"
#include "kh-text.h"

#define BUSY_TIMEOUT_MS 10000

typedef enum
{
  VERDICT_UNCHECKED,
  VERDICT_CHECKING,
  VERDICT_OK,
  VERDICT_DAMAGED,
} VerdictState;

/* Whether a file passed quick_check. One verdict is shared by every store
 * of this process on the file (a second connection does not check again),
 * so a check deferred by the first store is the one the others wait for. */
typedef struct
{
  GMutex        lock;
  GCond         cond;
  VerdictState  state;
  GError       *error;
  char         *path;
} Verdict;

static void
verdict_clear (gpointer data)
{
  Verdict *verdict = data;

  g_mutex_clear (&verdict->lock);
  g_cond_clear (&verdict->cond);
  g_clear_error (&verdict->error);
  g_free (verdict->path);
}

static Verdict *
verdict_new (const char   *path,
             VerdictState  state)
{
  Verdict *verdict = g_atomic_rc_box_new0 (Verdict);

  g_mutex_init (&verdict->lock);
  g_cond_init (&verdict->cond);
  verdict->state = state;
  verdict->path = g_strdup (path);
  return verdict;
}

static void
verdict_unref (Verdict *verdict)
{
  g_atomic_rc_box_release_full (verdict, verdict_clear);
}

struct _KhStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  char       *file_key;     /* in open_files while the connection is open */
  Verdict    *verdict;      /* shared with the other stores of the file */
  guint       transaction_depth;
  guint       read_only : 1;
};

G_DEFINE_FINAL_TYPE (KhStore, kh_store, G_TYPE_OBJECT)

/* SQLite's locks are POSIX locks, and a process loses all of them on a
 * file when it closes any descriptor of that file. Reading the header of
 * a database another store of this process has open (the dashboard's
 * worker does) would drop that store's locks, and another program could
 * then checkpoint the WAL under it. So the header is read only by the
 * first store to open a file. */
G_LOCK_DEFINE_STATIC (open_files);
static GHashTable *open_files;   /* "device:inode" → OpenFile */

typedef struct
{
  guint    n_stores;
  Verdict *verdict;   /* the first store's */
} OpenFile;

static void
open_file_free (gpointer data)
{
  OpenFile *file = data;

  verdict_unref (file->verdict);
  g_free (file);
}

static char *
file_key_for (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64)st.st_dev, (guint64)st.st_ino);
}

/* The verdict of the stores that have the file open, or NULL. */
static Verdict *
file_open_verdict (const char *key)
{
  Verdict *verdict = NULL;
  OpenFile *file;

  G_LOCK (open_files);
  if (key != NULL && open_files != NULL && (file = g_hash_table_lookup (open_files, key)))
    verdict = g_atomic_rc_box_acquire (file->verdict);
  G_UNLOCK (open_files);
  return verdict;
}

static void
file_opened (KhStore *self)
{
  OpenFile *file;

  if ((self->file_key = file_key_for (self->path)) == NULL)
    return;

  G_LOCK (open_files);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, open_file_free);
  file = g_hash_table_lookup (open_files, self->file_key);
  if (file == NULL)
    {
      file = g_new0 (OpenFile, 1);
      file->verdict = g_atomic_rc_box_acquire (self->verdict);
      g_hash_table_insert (open_files, g_strdup (self->file_key), file);
    }
  file->n_stores++;
  G_UNLOCK (open_files);
}

static void
file_closed (KhStore *self)
{
  OpenFile *file;

  if (self->file_key == NULL)
    return;

  G_LOCK (open_files);
  file = g_hash_table_lookup (open_files, self->file_key);
  if (file != NULL && --file->n_stores == 0)
    g_hash_table_remove (open_files, self->file_key);
  G_UNLOCK (open_files);
  g_clear_pointer (&self->file_key, g_free);
}

G_DEFINE_QUARK (kh-store-error-quark, kh_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
kh_store_finalize (GObject *object)
{
  KhStore *self = (KhStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
  file_closed (self);
  g_clear_pointer (&self->verdict, verdict_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (kh_store_parent_class)->finalize (object);
}

static void
kh_store_class_init (KhStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_store_finalize;
}

static void
kh_store_init (KhStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, finalize_statement);
}

char *
kh_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kehoach", "kehoach.db", NULL);
}

/* Turns an SQLite result code into an error a clerk can act on. */
gboolean
kh_store_set_error (KhStore  *self,
                    int       rc,
                    GError  **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_BUSY,
                   _("The database is being used by another program. Try again in a moment."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written: the file or its folder is read-only."),
                   self->path);
      break;
    case SQLITE_FULL:
      /* SQLite rolls the statement or transaction back: what was saved
       * before stays as it was. */
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DISK_FULL,
                   _("The disk is full: your last change was not saved. Free some space and try again."));
      break;
    case SQLITE_IOERR:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   _("The disk could not be written: your last change was not saved. Check the disk or USB drive and try again (%s)."),
                   detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CONSTRAINT,
                   _("The change breaks a rule of the data and was not saved (%s)."), detail);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged. Restore it from a backup."), self->path);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_DATABASE,
                   _("The file “%s” is not a Kế Hoạch database."), self->path);
      break;
    default:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   _("The database could not be used: %s."), detail);
      break;
    }

  return FALSE;
}

/* Reads the first bytes so that a foreign file is refused before SQLite
 * touches it: opening it in WAL mode would already write to it. */
static gboolean
check_file_header (const char  *path,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *file;
  size_t n_read;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be opened: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  /* An empty file is a valid, empty database. */
  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_DATABASE,
                   _("The file “%s” is not a Kế Hoạch database. It was left unchanged."),
                   path);
      return FALSE;
    }

  return TRUE;
}

/* Creates the folder and an empty file readable by its owner only, so the
 * database (and its -wal and -shm files, which SQLite creates with the
 * same mode) never exists world-readable, even for a moment. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN,
                   _("The folder “%s” cannot be created: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be created: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  return TRUE;
}

static gboolean
exec_sql (KhStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return kh_store_set_error (self, rc, error);

  return TRUE;
}

static gboolean
query_int (KhStore     *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  sqlite3_finalize (stmt);
  return kh_store_set_error (self, rc, error);
}

static gboolean
query_text (KhStore     *self,
            const char  *sql,
            char       **value,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return TRUE;
    }

  sqlite3_finalize (stmt);
  return kh_store_set_error (self, rc, error);
}

static gboolean
quick_check (KhStore  *self,
             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *verdict = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    verdict = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (verdict == NULL)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        return kh_store_set_error (self, rc, error);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged and cannot be read. It was left unchanged; restore it from a backup."),
                   self->path);
      return FALSE;
    }

  if (g_strcmp0 (verdict, "ok") != 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). It was left unchanged; restore it from a backup."),
                   self->path, verdict);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_connection (KhStore     *self,
                 gboolean     exists,
                 GError     **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);

  /* A database in a read-only place is still worth showing. SQLite
   * opens a read-only file "read-write" without saying so but for
   * sqlite3_db_readonly(). */
  if (exists && ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN ||
                 (rc & 0xff) == SQLITE_PERM ||
                 (rc == SQLITE_OK && sqlite3_db_readonly (self->db, "main") == 1)))
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);

      sqlite3_close_v2 (self->db);
      self->db = NULL;
      self->read_only = TRUE;

      /* A WAL database needs its -shm file, which a read-only folder
       * cannot hold (SQLITE_READONLY_DIRECTORY on the first read). With
       * no -wal there is no log to apply: read the file as it is. */
      if (!g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
          g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

          rc = sqlite3_open_v2 (uri, &self->db,
                                SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
        }
      else
        rc = sqlite3_open_v2 (self->path, &self->db,
                              SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be opened: %s."),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  return TRUE;
}

/* quick_check through a connection of its own, so that it can run in a
 * worker thread while the store's connection serves the window. */
static gboolean
check_file (const char  *path,
            GError     **error)
{
  g_autoptr(KhStore) checker = g_object_new (KH_TYPE_STORE, NULL);

  checker->path = g_strdup (path);
  return open_connection (checker, TRUE, error) && quick_check (checker, error);
}

/* Runs the check if no one has, waits for it if another thread runs it. */
static gboolean
verdict_settle (Verdict  *verdict,
                GError  **error)
{
  gboolean ok;

  g_mutex_lock (&verdict->lock);
  while (verdict->state == VERDICT_CHECKING)
    g_cond_wait (&verdict->cond, &verdict->lock);

  if (verdict->state == VERDICT_UNCHECKED)
    {
      g_autoptr(GError) local_error = NULL;

      verdict->state = VERDICT_CHECKING;
      g_mutex_unlock (&verdict->lock);
      ok = check_file (verdict->path, &local_error);
      g_mutex_lock (&verdict->lock);
      verdict->state = ok ? VERDICT_OK : VERDICT_DAMAGED;
      verdict->error = g_steal_pointer (&local_error);
      g_cond_broadcast (&verdict->cond);
    }

  ok = verdict->state == VERDICT_OK;
  if (!ok)
    g_propagate_error (error, g_error_copy (verdict->error));
  g_mutex_unlock (&verdict->lock);
  return ok;
}

/**
 * kh_store_verify:
 *
 * Makes sure the file passed quick_check: runs it (reading the whole
 * file, through a connection of its own) if the store was opened with
 * %KH_STORE_OPEN_DEFER_CHECK and no one has yet, waits for it if another
 * thread is running it. Safe to call from any thread.
 *
 * Returns: %FALSE with %KH_STORE_ERROR_CORRUPT (or another reason the
 *   file cannot be read) when the file is damaged
 */
gboolean
kh_store_verify (KhStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (KH_IS_STORE (self), FALSE);

  return verdict_settle (self->verdict, error);
}

/* Whether kh_store_verify() would return at once. */
gboolean
kh_store_is_verified (KhStore *self)
{
  gboolean settled;

  g_return_val_if_fail (KH_IS_STORE (self), FALSE);

  g_mutex_lock (&self->verdict->lock);
  settled = self->verdict->state == VERDICT_OK || self->verdict->state == VERDICT_DAMAGED;
  g_mutex_unlock (&self->verdict->lock);
  return settled;
}

KhStore *
kh_store_open (const char  *path,
               GError     **error)
{
  return kh_store_open_full (path, KH_STORE_OPEN_DEFAULT, error);
}

/**
 * kh_store_open_full:
 * @flags: %KH_STORE_OPEN_DEFER_CHECK leaves quick_check (which reads the
 *   whole file) to kh_store_verify(), e.g. in a worker thread; every write
 *   first waits for its verdict (kh_store_begin() fails on a damaged file)
 *
 * Opens the database, refusing what it cannot safely use.
 */
KhStore *
kh_store_open_full (const char        *path,
                    KhStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(KhStore) self = g_object_new (KH_TYPE_STORE, NULL);
  g_autofree char *default_path = NULL;
  g_autofree char *key = NULL;
  g_autofree char *journal_mode = NULL;
  gboolean exists, already_open;
  gboolean defer = (flags & KH_STORE_OPEN_DEFER_CHECK) != 0;
  int version = 0;

  if (path == NULL || *path == '\0')
    path = default_path = kh_store_default_path ();

  self->path = g_strdup (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }

  /* A file this process has open already passed the checks below when it
   * was first opened, or its deferred check is under way: a worker's own
   * connection (the dashboard, an export) shares that verdict rather than
   * read the whole file again (quick_check reads every page: 0.1 s on ten
   * years of data). */
  if (exists)
    self->verdict = file_open_verdict (key = file_key_for (path));
  already_open = self->verdict != NULL;
  if (!already_open)
    self->verdict = verdict_new (path, exists ? VERDICT_UNCHECKED : VERDICT_OK);

  if (exists && !already_open && !check_file_header (path, error))
    return NULL;

  if (!exists && !create_private_file (path, error))
    return NULL;

  if (!open_connection (self, exists, error))
    return NULL;
  file_opened (self);

  /* Everything up to the migration only reads: a refused file stays
   * exactly as it was. */
  if (!query_int (self, "PRAGMA user_version", &version, error))
    return NULL;

  if (version > KH_SCHEMA_VERSION)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Kế Hoạch (data version %d; this version reads up to %d). Update Kế Hoạch to open it. The file was left unchanged."),
                   path, version, KH_SCHEMA_VERSION);
      return NULL;
    }

  /* The check can wait only when opening writes nothing: no migration,
   * and already in WAL mode (switching to it rewrites the header). */
  if (defer && !self->read_only &&
      (version < KH_SCHEMA_VERSION ||
       !query_text (self, "PRAGMA journal_mode", &journal_mode, error) ||
       g_ascii_strcasecmp (journal_mode, "wal") != 0))
    {
      g_clear_error (error);
      defer = FALSE;
    }

  /* A second connection shares the first one's verdict without waiting
   * for it: reading a damaged file only fails, and its writes wait. */
  if (!defer && !already_open && !kh_store_verify (self, error))
    return NULL;

  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!self->read_only)
    {
      /* synchronous=FULL: a commit survives a power cut, not only a crash. */
      if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
          !exec_sql (self, "PRAGMA synchronous = FULL", error))
        return NULL;
    }

  if (version < KH_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_READ_ONLY,
                       _("The database “%s” needs an upgrade but is read-only."), path);
          return NULL;
        }
      /* A database with data is copied aside before its schema changes. */
      if (version > 0)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autofree char *copy = kh_backup_file_copy (path, KH_BACKUP_BEFORE_MIGRATION, now, error);
          if (copy == NULL)
            return NULL;
        }
      if (!kh_schema_migrate (self->db, version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
kh_store_get_path (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  return self->path;
}

gboolean
kh_store_is_read_only (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), TRUE);

  return self->read_only;
}

int
kh_store_get_schema_version (KhStore *self)
{
  int version = -1;

  g_return_val_if_fail (KH_IS_STORE (self), -1);

  if (!query_int (self, "PRAGMA user_version", &version, NULL))
    return -1;
  return version;
}

/* SQLite's data_version: it changes when another connection (kehoach-cli,
 * another copy of the app) commits to the file, never for this one's own
 * commits. -1 when it cannot be read. */
gint64
kh_store_get_data_version (KhStore *self)
{
  int version = -1;

  g_return_val_if_fail (KH_IS_STORE (self), -1);

  if (!query_int (self, "PRAGMA data_version", &version, NULL))
    return -1;
  return version;
}

/* Empty means nothing a person entered: no agency name, signer,
 * department or plan. Built-in lists (indicators, commemorative days)
 * do not count. */
gboolean
kh_store_is_empty (KhStore *self)
{
  int count = 0;

  g_return_val_if_fail (KH_IS_STORE (self), TRUE);

  if (!query_int (self,
                  "SELECT (SELECT count(*) FROM agency WHERE name <> '')"
                  " + (SELECT count(*) FROM plan)"
                  " + (SELECT count(*) FROM department)"
                  " + (SELECT count(*) FROM signer)",
                  &count, NULL))
    return TRUE;

  return count == 0;
}

sqlite3 *
kh_store_get_db (KhStore *self)
{
  return self->db;
}

gboolean
kh_store_check_writable (KhStore  *self,
                         GError  **error)
{
  /* Nothing is written into a file before it is known to be sound: a
   * write during a deferred check waits for its verdict. */
  if (!verdict_settle (self->verdict, error))
    return FALSE;

  if (self->read_only)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open read-only: the change was not saved."),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

KhStmt *
kh_store_prepare (KhStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      kh_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
kh_store_step_done (KhStore  *self,
                    KhStmt   *stmt,
                    GError  **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return kh_store_set_error (self, rc, error);
  return TRUE;
}

gint64
kh_store_last_insert_id (KhStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

int
kh_store_changes (KhStore *self)
{
  return sqlite3_changes (self->db);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE (it takes the write
 * lock at once, so a busy database waits here rather than failing half
 * way), the inner ones are savepoints. */
gboolean
kh_store_begin (KhStore  *self,
                GError  **error)
{
  g_return_val_if_fail (KH_IS_STORE (self), FALSE);

  if (!kh_store_check_writable (self, error))
    return FALSE;

  if (!exec_sql (self, self->transaction_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT kh", error))
    return FALSE;

  self->transaction_depth++;
  return TRUE;
}

gboolean
kh_store_commit (KhStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (KH_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (!exec_sql (self, self->transaction_depth == 1 ? "COMMIT" : "RELEASE kh", error))
    {
      kh_store_rollback (self);
      return FALSE;
    }

  self->transaction_depth--;
  return TRUE;
}

void
kh_store_rollback (KhStore *self)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO kh; RELEASE kh", NULL, NULL, NULL);

  self->transaction_depth--;
}

void
kh_stmt_bind_text (KhStmt     *stmt,
                   int         index,
                   const char *text)
{
  if (text == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  sqlite3_bind_text (stmt, index, kh_text_normalize (text), -1, g_free);
}

void
kh_stmt_bind_date (KhStmt      *stmt,
                   int          index,
                   const GDate *date)
{
  char iso[16];

  if (date == NULL || !g_date_valid (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
}

void
kh_stmt_bind_id (KhStmt *stmt,
                 int     index,
                 gint64  id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
kh_stmt_column_text (KhStmt *stmt,
                     int     column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

gboolean
kh_stmt_column_date (KhStmt *stmt,
                     int     column,
                     GDate  *date)
{
  const char *iso = (const char *)sqlite3_column_text (stmt, column);
  guint year, month, day;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}
