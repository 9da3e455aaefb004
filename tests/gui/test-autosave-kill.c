/* test-autosave-kill.c — what the Plan page showed as saved survives
 * SIGKILL
 *
 * The crash harness (tests/crash/) holds core to its word; this holds the
 * window to the same rule. The test binary runs itself as a child with
 * --autosave-child: the real application on a draft plan, typing into
 * two items of the Plan page through their text views. Each time the
 * page's status says “Saved” after a text was typed, the child prints
 * `SAVED <section id> <counter>` and types the next one at once. The
 * parent kills it with SIGKILL after a random number of such lines plus
 * a random delay (landing inside a save as often as between two), then
 * reopens the database through core: integrity_check must say ok and
 * each item must hold the last text reported saved, or a later one the
 * child typed but could not report before it died.
 *
 * KH_AUTOSAVE_KILLS sets the number of kills (default 15).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-test-ui.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kh-demo.h"
#include "kh-plan-copy.h"
#include "kh-plan.h"
#include "kh-section.h"
#include "kh-store-private.h"

#include "kh-application.h"
#include "kh-plan-page.h"
#include "kh-plan-state-bar.h"
#include "kh-section-row.h"
#include "kh-window.h"

#define TEXT_PREFIX "Nội dung gõ lần "

/* The child: the application, typing */

typedef struct
{
  gint64  plan_id;
  gint64  section_ids[2];
  guint64 counter;
} Child;

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_row_of_section (GtkWidget     *widget,
                   gconstpointer  id)
{
  return KH_IS_SECTION_ROW (widget) &&
         kh_section_row_get_section_id (KH_SECTION_ROW (widget)) == *(const gint64 *)id;
}

static gboolean
is_state_bar (GtkWidget     *widget,
              gconstpointer  data)
{
  return KH_IS_PLAN_STATE_BAR (widget);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shown;

/* What the clerk reads in the Plan page's state bar. */
static gboolean
status_shows (gpointer data)
{
  Shown *shown = data;
  GtkWidget *bar = kh_test_find_widget (shown->root, is_state_bar, NULL);

  return bar != NULL && kh_test_find_widget (bar, is_label_with_text, shown->text) != NULL;
}

static gboolean
body_shown (gpointer data)
{
  Shown *shown = data;

  return kh_test_find_widget (shown->root, is_named, "body") != NULL;
}

static GtkTextView *
section_body (KhWindow *window,
              gint64    id)
{
  GtkWidget *row = kh_test_find_widget (GTK_WIDGET (window), is_row_of_section, &id);
  GtkWidget *view;

  g_assert_nonnull (row);
  view = kh_test_find_widget (row, is_named, "body");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  return GTK_TEXT_VIEW (view);
}

/* As a person would: select all, type over it, in one user action. */
static void
type_over (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
  gtk_text_buffer_insert_interactive (buffer, &start, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
on_child_activate_cb (KhApplication *app,
                      Child         *child)
{
  KhWindow *window = KH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  Shown body = { GTK_WIDGET (window), NULL };

  kh_window_select_plan (window, child->plan_id);
  kh_window_show_view (window, "plan");
  if (!kh_test_wait_for (body_shown, &body))
    g_error ("The Plan page did not show the plan");

  /* Until killed. */
  for (guint i = 0; ; i++)
    {
      gint64 id = child->section_ids[i % 2];
      g_autofree char *text = g_strdup_printf (TEXT_PREFIX "%" G_GUINT64_FORMAT, ++child->counter);
      Shown saving = { GTK_WIDGET (window), "Saving…" };
      Shown saved = { GTK_WIDGET (window), "Saved" };

      type_over (section_body (window, id), text);
      if (!status_shows (&saving))
        g_error ("Typing did not show “Saving…”");
      if (!kh_test_wait_for (status_shows, &saved))
        g_error ("The page never said “Saved”");

      g_print ("SAVED %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT "\n", id, child->counter);
      fflush (stdout);
    }
}

static int
run_child (int    argc,
           char **argv)
{
  g_autoptr(KhApplication) app = NULL;
  Child child = { 0 };

  g_assert_cmpint (argc, ==, 7);
  child.plan_id = g_ascii_strtoll (argv[3], NULL, 10);
  child.section_ids[0] = g_ascii_strtoll (argv[4], NULL, 10);
  child.section_ids[1] = g_ascii_strtoll (argv[5], NULL, 10);
  child.counter = g_ascii_strtoull (argv[6], NULL, 10);

  gtk_init ();
  app = g_object_new (KH_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "database-path", argv[2],
                      NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_child_activate_cb), &child);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* The parent: killing, and checking */

typedef struct
{
  char       *dir;
  char       *path;
  gint64      plan_id;
  gint64      section_ids[2];
  GHashTable *saved;   /* section id → last counter reported saved */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhPlan) plan = NULL;
  KhSection *part;
  gint64 issued;

  fixture->dir = g_dir_make_tmp ("kh-gui-autosave-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);
  fixture->saved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kh_demo_load (store, FALSE, &error));
  g_assert_no_error (error);

  issued = kh_store_find_plan (store, 2024, KH_PLAN_KIND_CCHC, "");
  fixture->plan_id = kh_store_copy_plan (store, issued, 2025, "", &error);
  g_assert_no_error (error);
  plan = kh_store_load_plan (store, fixture->plan_id, &error);
  g_assert_no_error (error);
  part = plan->sections->pdata[0];
  g_assert_cmpuint (part->children->len, >=, 2);
  fixture->section_ids[0] = ((KhSection *)part->children->pdata[0])->id;
  fixture->section_ids[1] = ((KhSection *)part->children->pdata[1])->id;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_hash_table_unref (fixture->saved);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
record_saved (Fixture    *fixture,
              const char *line)
{
  gint64 id;
  guint64 counter;

  if (sscanf (line, "SAVED %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT, &id, &counter) != 2)
    g_error ("Unexpected line from the child: %s", line);
  g_hash_table_insert (fixture->saved, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER ((guint)counter));
}

/* Runs the child until it has reported `saves` texts saved, waits a
 * random moment more, kills it. Returns the lines it printed. */
static guint
run_and_kill (Fixture *fixture,
              guint64  counter,
              guint    saves,
              guint    extra_us)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *plan = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->plan_id);
  g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->section_ids[0]);
  g_autofree char *second = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->section_ids[1]);
  g_autofree char *start = g_strdup_printf ("%" G_GUINT64_FORMAT, counter);
  const char *argv[] = { self, "--autosave-child", fixture->path, plan, first, second, start, NULL };
  g_autoptr(GString) pending = g_string_new (NULL);
  GPid pid;
  int out_fd, status;
  guint seen = 0;
  gboolean killed = FALSE;
  char buffer[4096];
  ssize_t n;

  g_assert_no_error (error);
  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    {
      char *newline;

      g_string_append_len (pending, buffer, n);
      while ((newline = strchr (pending->str, '\n')) != NULL)
        {
          *newline = '\0';
          record_saved (fixture, pending->str);
          g_string_erase (pending, 0, newline - pending->str + 1);
          seen++;
        }

      if (!killed && seen >= saves)
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

  /* Killed by us, not dead of an error of its own. */
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_error ("The child ended by itself (status %d) after %u saves", status, seen);
  return seen;
}

static guint64
counter_of (const char *text)
{
  g_assert_true (g_str_has_prefix (text, TEXT_PREFIX));
  return g_ascii_strtoull (text + strlen (TEXT_PREFIX), NULL, 10);
}

static void
check_database (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);
  g_autoptr(KhStmt) check = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  check = kh_store_prepare (store, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
  g_assert_cmpstr (kh_stmt_column_text (check, 0), ==, "ok");

  sections = kh_store_load_sections (store, fixture->plan_id, &error);
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, fixture->saved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const KhSection *section = kh_sections_find (sections, *(gint64 *)key);
      guint64 saved = GPOINTER_TO_UINT (value);

      g_assert_nonnull (section);
      /* The last text reported saved, or one typed after it whose save
       * the kill cut off from its report. */
      if (counter_of (section->body) < saved)
        g_error ("Item %" G_GINT64_FORMAT " holds “%s”; the screen had shown “"
                 TEXT_PREFIX "%" G_GUINT64_FORMAT "” saved",
                 *(gint64 *)key, section->body, saved);
    }
}

static void
test_kills (Fixture       *fixture,
            gconstpointer  data)
{
  const char *kills_text = g_getenv ("KH_AUTOSAVE_KILLS");
  guint kills = kills_text ? (guint)g_ascii_strtoull (kills_text, NULL, 10) : 15;
  guint64 counter = 0;
  guint total = 0;

  for (guint i = 0; i < kills; i++)
    {
      guint saves = g_test_rand_int_range (1, 3);
      guint extra_us = g_test_rand_int_range (0, 300 * 1000);

      total += run_and_kill (fixture, counter, saves, extra_us);
      /* Each run types texts of its own. */
      counter += 100000;
      check_database (fixture);
    }

  g_assert_cmpuint (g_hash_table_size (fixture->saved), ==, 2);
  g_test_message ("%u kills, %u texts shown saved, all found", kills, total);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1 && g_str_equal (argv[1], "--autosave-child"))
    return run_child (argc, argv);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("The UI tests need a display: run them under "
                  "`xvfb-run -a dbus-run-session -- meson test --suite gui`.\n");
      return EXIT_FAILURE;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gui/autosave/survives-kill", Fixture, NULL,
              fixture_set_up, test_kills, fixture_tear_down);

  return g_test_run ();
}
