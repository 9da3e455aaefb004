/* fuzz-exchange.c — libFuzzer target: the exchange file checker and
 * importer, against a database holding the demo agency
 *
 * Promises held:
 *  - a file that is refused changes nothing: no commit reaches the
 *    database, and no transaction is left open;
 *  - a file that is accepted imports, and importing it again creates
 *    nothing (plans, tasks, results and reports are matched, never
 *    doubled);
 *  - what is then exported imports back, again creating nothing;
 *  - the same for a file refused for TCVN3/VNI text, imported again
 *    with that text converted.
 *
 * The database lives in a temporary folder (in /dev/shm when there is
 * one); after an input that changed it, the demo content is copied back
 * with SQLite's backup API, so every input meets the same database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "kh-demo.h"
#include "kh-exchange-export.h"
#include "kh-exchange-import.h"
#include "kh-store-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static KhStore *store;
static sqlite3 *pristine;  /* the demo content, in memory */
static guint commits;
static char *dir;
static gint64 demo_rows;

static void
remove_dir (const char *folder)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/fuzz.db%s", folder, suffixes[i]);

      g_unlink (path);
    }
  g_rmdir (folder);
}

G_NORETURN static void
fail (const char *what,
      const char *detail)
{
  fprintf (stderr, "fuzz-exchange: %s%s%s\n", what,
           detail != NULL ? ": " : "", detail != NULL ? detail : "");
  if (dir != NULL)
    remove_dir (dir);
  abort ();
}

static int
on_commit (gpointer data)
{
  commits++;
  return 0;
}

static void
copy_db (sqlite3 *from,
         sqlite3 *to)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");

  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE ||
      sqlite3_backup_finish (backup) != SQLITE_OK)
    fail ("could not copy the database", sqlite3_errmsg (to));
}

/* Plans, tasks and results: enough to tell the demo from anything else. */
static gint64
count_rows (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM plan) * 1000000 + "
                          "(SELECT count(*) FROM task) * 1000 + (SELECT count(*) FROM result)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}


static void
cleanup (void)
{
  g_clear_object (&store);
  sqlite3_close (pristine);
  if (dir != NULL)
    remove_dir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "kehoach-fuzz-XXXXXX", NULL);

  dir = g_mkdtemp (g_steal_pointer (&template));
  if (dir == NULL)
    fail ("no temporary folder", g_strerror (errno));
  atexit (cleanup);

  path = g_build_filename (dir, "fuzz.db", NULL);
  store = kh_store_open (path, &error);
  if (store == NULL || !kh_demo_load (store, FALSE, &error))
    fail ("could not make the demo database", error->message);

  if (sqlite3_open (":memory:", &pristine) != SQLITE_OK)
    fail ("no memory database", NULL);
  copy_db (kh_store_get_db (store), pristine);
  demo_rows = count_rows (pristine);
  sqlite3_commit_hook (kh_store_get_db (store), on_commit, NULL);

  return 0;
}

static void
check_problems (const KhImportReport *report)
{
  for (guint i = 0; report->problems != NULL && i < report->problems->len; i++)
    if (!g_utf8_validate (g_ptr_array_index (report->problems, i), -1, NULL))
      fail ("a problem message is not UTF-8", NULL);
}

/* Imports @json that was imported before: nothing may be created. */
static void
import_again (const char    *json,
              KhImportFlags  flags,
              const char    *what)
{
  g_auto(KhImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;

  if (!kh_store_import_json_full (store, json, flags, &report, &error))
    fail (what, error != NULL ? error->message : "refused");
  for (guint k = 0; k < KH_IMPORT_N_KINDS; k++)
    if (report.created[k] != 0)
      fail (what, kh_import_kind_to_string (k));
}

/* Returns the number of TCVN3/VNI texts found in a refused file. */
static guint
import_checked (const char    *json,
                KhImportFlags  flags)
{
  g_auto(KhImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  sqlite3 *db = kh_store_get_db (store);
  gboolean imported;

  commits = 0;
  imported = kh_store_import_json_full (store, json, flags, &report, &error);
  check_problems (&report);

  if (!sqlite3_get_autocommit (db))
    fail ("a transaction was left open", NULL);

  if (!imported)
    {
      if (error == NULL)
        fail ("refused without an error", NULL);
      if (!g_utf8_validate (error->message, -1, NULL))
        fail ("the error is not UTF-8", NULL);
      if (commits != 0)
        fail ("a refused file changed the database", error->message);
      return report.legacy;
    }

  if (error != NULL)
    fail ("imported with an error set", error->message);

  import_again (json, flags, "the same file imported twice doubled something");
  exported = kh_store_export_json (store, 0, &error);
  if (exported == NULL)
    fail ("could not export what was imported", error->message);
  import_again (exported, KH_IMPORT_FLAGS_NONE,
                "the export of an import did not import back as it was");

  if (commits > 0)
    {
      copy_db (pristine, db);
      if (count_rows (db) != demo_rows)
        fail ("the demo database was not restored", NULL);
    }

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *json = g_strndup ((const char *) data, size);

  /* Refused for old-encoding text: again, as when the user agrees to
   * have it converted. */
  if (import_checked (json, KH_IMPORT_FLAGS_NONE) > 0)
    import_checked (json, KH_IMPORT_CONVERT_LEGACY);

  return 0;
}
