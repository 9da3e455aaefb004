/* test-crash.c — every edit core reported committed survives SIGKILL
 *
 * Runs kh-crash-writer on one database again and again, kills it with
 * SIGKILL after a random number of commits plus a random delay (so the
 * kill lands anywhere: inside a transaction, during a checkpoint,
 * between two statements), then reopens the database through core and
 * checks: it opens, PRAGMA integrity_check says ok, and every edit the
 * writer printed as committed is there with its text.
 *
 * KH_CRASH_KILLS sets how many kills (default 200; bench/crash.sh runs
 * 1,000). The writer comes from KH_CRASH_WRITER.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kh-result.h"
#include "kh-section.h"
#include "kh-store-private.h"
#include "kh-task.h"

typedef struct
{
  GHashTable *sections;   /* id → expected "heading\nbody" */
  GHashTable *tasks;      /* id → expected title */
  GHashTable *results;    /* id → expected description */
  guint       committed;
} Expected;

static void
record (Expected   *expected,
        const char *line)
{
  char kind[32];
  gint64 id;
  guint64 n;
  GHashTable *table;
  char *value;

  if (sscanf (line, "%31s %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT, kind, &id, &n) != 3)
    g_error ("Unexpected line from the writer: %s", line);

  if (g_str_equal (kind, "section"))
    {
      table = expected->sections;
      value = g_strdup_printf ("Mục %" G_GUINT64_FORMAT "\nNội dung tuyên truyền %" G_GUINT64_FORMAT, n, n);
    }
  else if (g_str_equal (kind, "section-update"))
    {
      table = expected->sections;
      value = g_strdup_printf ("Mục sửa %" G_GUINT64_FORMAT "\nSửa %" G_GUINT64_FORMAT, n, n);
    }
  else if (g_str_equal (kind, "task"))
    {
      table = expected->tasks;
      value = g_strdup_printf ("Nhiệm vụ %" G_GUINT64_FORMAT, n);
    }
  else
    {
      g_assert_cmpstr (kind, ==, "result");
      table = expected->results;
      value = g_strdup_printf ("Kết quả %" G_GUINT64_FORMAT, n);
    }

  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), value);
  expected->committed++;
}

/* Runs the writer until it has reported `commits` edits, waits a random
 * moment more, kills it, and records every complete line it printed. */
static void
run_and_kill (const char *writer,
              const char *db,
              guint       seed,
              guint       commits,
              guint       extra_us,
              Expected   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *argv[] = { writer, db, seed_text, NULL };
  g_autoptr(GString) pending = g_string_new (NULL);
  GPid pid;
  int out_fd, status;
  guint seen = 0;
  gboolean killed = FALSE;
  char buffer[4096];
  ssize_t n;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  /* Read until the writer has committed enough, then kill it; keep
   * reading what it printed before it died. */
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    {
      char *newline;

      g_string_append_len (pending, buffer, n);
      while ((newline = strchr (pending->str, '\n')) != NULL)
        {
          *newline = '\0';
          record (expected, pending->str);
          g_string_erase (pending, 0, newline - pending->str + 1);
          seen++;
        }

      if (!killed && seen >= commits)
        {
          if (extra_us > 0)
            g_usleep (extra_us);
          kill (pid, SIGKILL);
          killed = TRUE;
        }
    }

  close (out_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* It must have died by our hand, not by an error of its own. */
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

static guint64
trailing_number (const char *text)
{
  const char *space = strrchr (text, ' ');

  return space ? g_ascii_strtoull (space + 1, NULL, 10) : 0;
}

/* A section may hold a later update than the last one reported: the
 * writer can be killed after a commit and before it prints the line. */
static gboolean
matches (const char *stored,
         const char *expected)
{
  if (g_str_equal (stored, expected))
    return TRUE;
  return g_str_has_prefix (stored, "Mục sửa ") &&
         trailing_number (stored) > trailing_number (expected);
}

static void
check_database (const char *db,
                Expected   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (db, &error);
  g_autoptr(KhStmt) check = NULL;
  g_autoptr(KhStmt) section = NULL;
  g_autoptr(KhStmt) task = NULL;
  g_autoptr(KhStmt) result = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  check = kh_store_prepare (store, "PRAGMA integrity_check", &error);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
  g_assert_cmpstr (kh_stmt_column_text (check, 0), ==, "ok");

  section = kh_store_prepare (store, "SELECT heading || char(10) || body FROM plan_section WHERE id = ?1", &error);
  task = kh_store_prepare (store, "SELECT title FROM task WHERE id = ?1", &error);
  result = kh_store_prepare (store, "SELECT description FROM result WHERE id = ?1", &error);

  {
    struct { GHashTable *table; KhStmt *stmt; } kinds[] = {
      { expected->sections, section }, { expected->tasks, task }, { expected->results, result },
    };

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_hash_table_iter_init (&iter, kinds[k].table);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            sqlite3_reset (kinds[k].stmt);
            sqlite3_bind_int64 (kinds[k].stmt, 1, *(gint64 *)key);
            if (sqlite3_step (kinds[k].stmt) != SQLITE_ROW)
              g_error ("Edit %" G_GINT64_FORMAT " (“%s”) was reported committed but is lost",
                       *(gint64 *)key, (char *)value);
            if (!matches (kh_stmt_column_text (kinds[k].stmt, 0), value))
              g_error ("Edit %" G_GINT64_FORMAT " holds “%s”, expected “%s” or a later edit",
                       *(gint64 *)key, kh_stmt_column_text (kinds[k].stmt, 0), (char *)value);
          }
      }
  }
}

static void
test_kills (void)
{
  const char *writer = g_getenv ("KH_CRASH_WRITER");
  const char *kills_text = g_getenv ("KH_CRASH_KILLS");
  guint kills = kills_text ? (guint)g_ascii_strtoull (kills_text, NULL, 10) : 200;
  g_autofree char *dir = g_dir_make_tmp ("kh-crash-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  Expected expected = {
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    0,
  };
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());

  g_assert_nonnull (writer);

  for (guint i = 1; i <= kills; i++)
    {
      run_and_kill (writer, db, i, g_rand_int_range (rand, 1, 12),
                    g_rand_int_range (rand, 0, 3000), &expected);
      check_database (db, &expected);
    }

  g_test_message ("%u kills survived, %u committed edits all found", kills, expected.committed);
  g_assert_cmpuint (expected.committed, >=, kills);

  g_hash_table_unref (expected.sections);
  g_hash_table_unref (expected.tasks);
  g_hash_table_unref (expected.results);
  g_rand_free (rand);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
        g_remove (path);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kills", test_kills);

  return g_test_run ();
}
