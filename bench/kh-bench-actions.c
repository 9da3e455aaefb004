/* kh-bench-actions.c — the work a clerk waits on, on a large database
 *
 *   kh-bench-actions LARGE.db DEMO.db [N]
 *
 * Works on copies of the databases (the originals are left alone) and
 * times each action N times (20 by default) after one warm-up, printing
 * the median, minimum and maximum wall time and the median CPU time of
 * the main thread, in milliseconds, as a Markdown table:
 *
 * - core, on the large database's 2024 plan: composing and writing the
 *   plan's PDF (and the demo plan's); composing the yearly report (and
 *   storing it, as the app does); exporting the year as JSON; importing
 *   that file into an empty database, and again into the large one;
 * - the window (needs a display: bench/actions.sh runs it under Xvfb):
 *   opening another plan in the plan page (kh_window_select_plan), and
 *   switching to each page after the plan changed, until the page is
 *   ready (the main loop idle, no spinner turning — the dashboard computes
 *   in a worker thread — and every row built: kh_view_is_loading()) and
 *   until its next frame is drawn. Each action runs from the main loop,
 *   in a turn of its own, as a click would; and, once the stall monitor
 *   has stopped counting, what drawing the whole window with each page
 *   costs GTK's cairo renderer (its render nodes drawn into an image, N
 *   times: the part of a frame that depends on what the page shows, free
 *   of the display server and of damage).
 *
 * KH_BENCH_CORE_ONLY=1 leaves the window out, KH_BENCH_WINDOW_ONLY=1 the core;
 * KH_BENCH_PAGES="tasks,results" switches to those pages only (and skips
 * opening plans in the plan page).
 *
 * The window part begins once the window has readied the pages it does
 * not show (kh_window_is_preparing_pages(): built, filled and laid out in
 * idle turns after the first frame), as a clerk's first click comes a
 * second or more after the window appears. The stall monitor
 * (kh-stall-monitor.c) watches all of it and logs every turn of the main
 * loop over 16 ms; the count ends the table, with those of the readying,
 * of the warm-ups (each page's first showing) and of the timed runs apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kh-exchange-export.h"
#include "kh-exchange-import.h"
#include "kh-plan-document.h"
#include "kh-plan.h"
#include "kh-report-compose.h"
#include "kh-report.h"
#include "kh-dashboard.h"

#include "kh-application.h"
#include "kh-stall-monitor.h"
#include "kh-view.h"
#include "kh-window.h"

#define YEAR 2024

typedef struct
{
  char   *large;        /* copies */
  char   *demo;
  char   *dir;
  guint   n_runs;
  guint   frames;       /* frames drawn by the window so far */
  guint   stalls_before;      /* the stall monitor's counts as a warm-up began */
  guint   cpu_stalls_before;
  guint   preparing_stalls;   /* stalls until the window had readied its pages */
  guint   preparing_cpu_stalls;
  guint   warm_up_stalls;     /* stalls in the warm-ups, which show each page first */
  guint   warm_up_cpu_stalls;
  GPtrArray *drawings;  /* Drawing: each page's render nodes, drawn last */
} Bench;

typedef struct
{
  char          *page;
  GskRenderNode *node;
  int            width, height;
} Drawing;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The calling thread's CPU time: what the work costs, whatever else the
 * machine is doing (the wall time holds that too). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct
{
  GArray *wall;
  GArray *cpu;
  double  wall_start;
  double  cpu_start;
} Times;

static void
times_init (Times *times)
{
  times->wall = g_array_new (FALSE, FALSE, sizeof (double));
  times->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
times_start (Times *times)
{
  times->wall_start = now_ms ();
  times->cpu_start = cpu_ms ();
}

/* The first run is a warm-up: not kept. */
static void
times_stop (Times *times,
            guint  run)
{
  double wall = now_ms () - times->wall_start;
  double cpu = cpu_ms () - times->cpu_start;

  if (run == 0)
    return;
  g_array_append_val (times->wall, wall);
  g_array_append_val (times->cpu, cpu);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  double m;

  g_array_sort (values, compare_doubles);
  m = g_array_index (values, double, values->len / 2);
  if (values->len % 2 == 0)
    m = (m + g_array_index (values, double, values->len / 2 - 1)) / 2;
  return m;
}

/* One row: wall median, min, max; CPU median; whether the wall median
 * meets the goal (none when goal_ms is 0). */
static void
print_row (const char *what,
           Times      *times,
           double      goal_ms)
{
  double wall = median (times->wall);

  g_print ("| %s | %.1f | %.1f | %.1f | %.1f | %s |\n", what, wall,
           g_array_index (times->wall, double, 0),
           g_array_index (times->wall, double, times->wall->len - 1),
           median (times->cpu),
           goal_ms <= 0 ? "" : wall < goal_ms ? "yes" : "**no**");
  g_array_unref (times->wall);
  g_array_unref (times->cpu);
}

static char *
copy_file (const char *path,
           const char *dir,
           const char *name)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *copy = g_build_filename (dir, name, NULL);
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error) ||
      !g_file_set_contents (copy, contents, length, &error))
    g_error ("%s", error->message);
  return copy;
}

#define CHECK(x) G_STMT_START { if (!(x)) g_error ("%s: %s", #x, error ? error->message : "failed"); } G_STMT_END

/* Core */

static void
bench_plan_pdf (Bench      *bench,
                const char *what,
                const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (db, &error);
  g_autofree char *pdf = g_build_filename (bench->dir, "plan.pdf", NULL);
  KhPdfOptions options;
  gint64 plan_id;
  Times times;

  CHECK (store != NULL);
  CHECK ((plan_id = kh_store_find_plan (store, YEAR, KH_PLAN_KIND_CCHC, "")) != 0);
  kh_pdf_options_init (&options);

  times_init (&times);
  for (guint i = 0; i <= bench->n_runs; i++)
    {
      times_start (&times);
      CHECK (kh_store_export_plan_pdf (store, plan_id, KH_DOCUMENT_MODE_DRAFT, &options, pdf, &error));
      times_stop (&times, i);
    }
  print_row (what, &times, g_str_has_prefix (what, "demo") ? 50 : 100);
}

static void
bench_report (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (bench->large, &error);
  gint64 plan_id;
  KhPeriod period;
  Times times;

  CHECK (store != NULL);
  CHECK ((plan_id = kh_store_find_plan (store, YEAR, KH_PLAN_KIND_CCHC, "")) != 0);
  CHECK (kh_store_init_period (store, &period, KH_PERIOD_YEAR, YEAR, &error));

  times_init (&times);
  for (guint i = 0; i <= bench->n_runs; i++)
    {
      gint64 id = kh_store_find_report (store, plan_id, &period);

      if (id != 0)
        CHECK (kh_store_delete_report (store, id, &error));

      times_start (&times);
      CHECK ((id = kh_store_new_report (store, plan_id, &period, &error)) != 0);
      times_stop (&times, i);
    }
  print_row ("compose the yearly report (and store it)", &times, 100);
}

static void
bench_json (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (bench->large, &error);
  g_autofree char *json = NULL;
  g_autofree char *empty = g_build_filename (bench->dir, "empty.db", NULL);
  Times exports, imports, reimports;

  CHECK (store != NULL);
  times_init (&exports);
  for (guint i = 0; i <= bench->n_runs; i++)
    {
      g_clear_pointer (&json, g_free);
      times_start (&exports);
      CHECK ((json = kh_store_export_json_year (store, YEAR, &error)) != NULL);
      times_stop (&exports, i);
    }

  times_init (&imports);
  for (guint i = 0; i <= bench->n_runs; i++)
    {
      g_auto(KhImportReport) report = { 0 };
      g_autoptr(KhStore) target = NULL;

      g_unlink (empty);
      CHECK ((target = kh_store_open (empty, &error)) != NULL);
      times_start (&imports);
      CHECK (kh_store_import_json (target, json, &report, &error));
      times_stop (&imports, i);
    }

  times_init (&reimports);
  for (guint i = 0; i <= bench->n_runs; i++)
    {
      g_auto(KhImportReport) report = { 0 };

      times_start (&reimports);
      CHECK (kh_store_import_json (store, json, &report, &error));
      times_stop (&reimports, i);
    }

  print_row ("export the year as JSON (50 tasks, 5,000 results)", &exports, 100);
  print_row ("import that file into an empty database", &imports, 100);
  print_row ("import it again into the large database (all unchanged)", &reimports, 100);
}

/* The window */

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  ((Bench *)data)->frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
still_loading (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget)))
    return TRUE;
  if (KH_IS_VIEW (widget) && kh_view_is_loading (KH_VIEW (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (still_loading (child))
      return TRUE;
  return FALSE;
}

/* Runs the main loop until nothing is left to do now, no spinner turns
 * and no page in sight is still filling itself in (kh_view_is_loading:
 * rows built over several frames, a query in a worker) — the page is
 * ready — then until the next frame is drawn. */
static void
wait_ready (Bench     *bench,
            GtkWidget *window,
            Times     *ready,
            Times     *drawn,
            guint      run)
{
  guint frames;

  for (;;)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (!still_loading (window))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  if (ready != NULL)
    times_stop (ready, run);

  frames = bench->frames;
  gtk_widget_queue_draw (window);
  while (bench->frames == frames)
    g_main_context_iteration (NULL, TRUE);
  if (drawn != NULL)
    times_stop (drawn, run);
}

static void
start_both (Times *ready,
            Times *drawn)
{
  times_start (ready);
  drawn->wall_start = ready->wall_start;
  drawn->cpu_start = ready->cpu_start;
}

static gint64
plan_of (KhStore *store,
         int      year)
{
  return kh_store_find_plan (store, year, KH_PLAN_KIND_CCHC, "");
}

/* What the clerk's click would do, run from the main loop in a turn of
 * its own as the click's event would be (not between two turns, where the
 * stall monitor would count it with whatever ran before). */
typedef struct
{
  KhWindow   *window;
  gint64      plan_id;     /* 0: leave the plan */
  const char *page;        /* NULL: stay */
  Times      *ready;       /* started when the action starts; NULL: untimed */
  Times      *drawn;
  gboolean    done;
} Action;

static gboolean
run_action_cb (gpointer data)
{
  Action *action = data;

  if (action->ready != NULL)
    start_both (action->ready, action->drawn);
  if (action->page != NULL)
    kh_window_show_view (action->window, action->page);
  if (action->plan_id != 0)
    kh_window_select_plan (action->window, action->plan_id);
  action->done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_action (Bench      *bench,
            KhWindow   *window,
            const char *page,
            gint64      plan_id,
            Times      *ready,
            Times      *drawn,
            guint       run)
{
  Action action = { window, plan_id, page, ready, drawn, FALSE };

  g_idle_add_full (G_PRIORITY_DEFAULT, run_action_cb, &action, NULL);
  while (!action.done)
    g_main_context_iteration (NULL, TRUE);
  wait_ready (bench, GTK_WIDGET (window), ready, drawn, run);
}

/* Each action's first round is a warm-up, untimed: the first showing of
 * its page, which builds the page. Its stalls are counted apart. */
static void
warm_up_begin (Bench *bench)
{
  bench->stalls_before = kh_stall_monitor_get_n_stalls ();
  bench->cpu_stalls_before = kh_stall_monitor_get_n_cpu_stalls ();
}

static void
warm_up_end (Bench *bench)
{
  bench->warm_up_stalls += kh_stall_monitor_get_n_stalls () - bench->stalls_before;
  bench->warm_up_cpu_stalls += kh_stall_monitor_get_n_cpu_stalls () - bench->cpu_stalls_before;
}

static void
bench_select_plan (Bench    *bench,
                   KhWindow *window,
                   KhStore  *store)
{
  Times ready, drawn;

  /* In the stall log too, so each stall can be put down to its page. */
  g_printerr ("bench: opening plans in the plan page\n");
  warm_up_begin (bench);
  run_action (bench, window, "plan", 0, NULL, NULL, 0);

  times_init (&ready);
  times_init (&drawn);
  for (guint i = 0; i <= bench->n_runs; i++)
    {
      run_action (bench, window, NULL, plan_of (store, i % 2 ? YEAR - 1 : YEAR), &ready, &drawn, i);
      if (i == 0)
        warm_up_end (bench);
    }
  print_row ("open another plan in the plan page: ready", &ready, 100);
  print_row ("open another plan in the plan page: drawn", &drawn, 0);
}

/* The window's render nodes as GTK's next frame would draw them, kept to
 * be drawn once the stall monitor has stopped counting. */
static void
keep_drawing (Bench      *bench,
              GtkWidget  *window,
              const char *page)
{
  Drawing *drawing = g_new0 (Drawing, 1);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  drawing->page = g_strdup (page);
  drawing->width = gtk_widget_get_width (window);
  drawing->height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, snapshot, drawing->width, drawing->height);
  drawing->node = gtk_snapshot_to_node (snapshot);
  g_ptr_array_add (bench->drawings, drawing);
}

/* Each kept page drawn by cairo into an image of the window's size. */
static void
time_drawings (Bench *bench)
{
  for (guint i = 0; i < bench->drawings->len; i++)
    {
      Drawing *drawing = g_ptr_array_index (bench->drawings, i);
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, drawing->width, drawing->height);
      g_autofree char *what = g_strdup_printf ("draw the window with the %s page, all of it, with cairo",
                                               drawing->page);
      Times times;

      times_init (&times);
      for (guint run = 0; run <= bench->n_runs; run++)
        {
          cairo_t *cr = cairo_create (image);

          times_start (&times);
          gsk_render_node_draw (drawing->node, cr);
          cairo_surface_flush (image);
          times_stop (&times, run);
          cairo_destroy (cr);
        }
      print_row (what, &times, 0);
      cairo_surface_destroy (image);
      gsk_render_node_unref (drawing->node);
      g_free (drawing->page);
    }
  g_ptr_array_set_size (bench->drawings, 0);
}

static void
bench_switch (Bench      *bench,
              KhWindow   *window,
              KhStore    *store,
              const char *page)
{
  g_autofree char *what = NULL;
  Times ready, drawn;

  times_init (&ready);
  times_init (&drawn);
  g_printerr ("bench: switching to the %s page\n", page);
  for (guint i = 0; i <= bench->n_runs; i++)
    {
      if (i == 0)
        warm_up_begin (bench);
      /* Another plan while elsewhere: the page shows it when switched to. */
      run_action (bench, window, g_str_equal (page, "overview") ? "reports" : "overview", 0, NULL, NULL, 0);
      run_action (bench, window, NULL, plan_of (store, i % 2 ? YEAR - 1 : YEAR), NULL, NULL, 0);
      run_action (bench, window, page, 0, &ready, &drawn, i);
      if (i == 0)
        warm_up_end (bench);
    }

  keep_drawing (bench, GTK_WIDGET (window), page);
  what = g_strdup_printf ("switch to the %s page: ready", page);
  print_row (what, &ready, 100);
  g_free (what);
  what = g_strdup_printf ("switch to the %s page: drawn", page);
  print_row (what, &drawn, 0);
}

static void
on_activate_cb (KhApplication *app,
                Bench         *bench)
{
  KhWindow *window = NULL;
  KhStore *store = kh_application_get_store (app);
  const char *pages[] = { "dashboard", "overview", "tasks", "results", "reports" };
  const char *only;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (KH_IS_WINDOW (l->data))
      window = l->data;
  g_assert (window != NULL && store != NULL);

  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, bench, NULL);
  kh_stall_monitor_watch_window (GTK_WINDOW (window));
  while (bench->frames < 2)
    g_main_context_iteration (NULL, TRUE);
  wait_ready (bench, GTK_WIDGET (window), NULL, NULL, 0);
  /* A clerk's first click comes a second or more after the window
   * appears, when it has readied its other pages. */
  g_printerr ("bench: waiting for the window to ready its pages\n");
  while (kh_window_is_preparing_pages (window))
    g_main_context_iteration (NULL, TRUE);
  bench->preparing_stalls = kh_stall_monitor_get_n_stalls ();
  bench->preparing_cpu_stalls = kh_stall_monitor_get_n_cpu_stalls ();
  wait_ready (bench, GTK_WIDGET (window), NULL, NULL, 0);

  only = g_getenv ("KH_BENCH_PAGES");
  if (only == NULL)
    bench_select_plan (bench, window, store);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (only == NULL || strstr (only, pages[i]) != NULL)
      bench_switch (bench, window, store, pages[i]);

  g_print ("\nmain-loop stalls over %.0f ms while the window was measured: %u",
           KH_STALL_MONITOR_THRESHOLD_MS, kh_stall_monitor_get_n_stalls ());
  if (kh_stall_monitor_get_n_stalls () > 0)
    g_print (" (longest %.1f ms); of them over %.0f ms on the main thread's CPU: %u",
             kh_stall_monitor_get_longest_ms (), KH_STALL_MONITOR_THRESHOLD_MS,
             kh_stall_monitor_get_n_cpu_stalls ());
  g_print ("\nof them while the window readied its pages after start-up: %u (%u);"
           " in the warm-ups, which show each page for the first time: %u (%u over %.0f ms of CPU);"
           " in the timed runs: %u (%u)\n",
           bench->preparing_stalls, bench->preparing_cpu_stalls,
           bench->warm_up_stalls, bench->warm_up_cpu_stalls, KH_STALL_MONITOR_THRESHOLD_MS,
           kh_stall_monitor_get_n_stalls () - bench->warm_up_stalls - bench->preparing_stalls,
           kh_stall_monitor_get_n_cpu_stalls () - bench->warm_up_cpu_stalls - bench->preparing_cpu_stalls);
  kh_stall_monitor_push ("bench: drawing each page, not counted");
  time_drawings (bench);
  kh_stall_monitor_pop ();

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  g_autoptr(KhApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("usage: %s LARGE.db DEMO.db [N]\n", argv[0]);
      return 2;
    }
  bench.n_runs = argc > 3 ? (guint)atoi (argv[3]) : 20;
  bench.drawings = g_ptr_array_new_with_free_func (g_free);
  if (bench.n_runs < 1)
    bench.n_runs = 1;
  if (!(bench.dir = g_dir_make_tmp ("kh-bench-actions-XXXXXX", &error)))
    g_error ("%s", error->message);
  bench.large = copy_file (argv[1], bench.dir, "large.db");
  bench.demo = copy_file (argv[2], bench.dir, "demo.db");

  g_print ("| action | wall median ms | wall min | wall max | CPU median ms | goal met |\n"
           "|---|---|---|---|---|---|\n");
  if (g_getenv ("KH_BENCH_WINDOW_ONLY") != NULL)
    goto window;
  bench_plan_pdf (&bench, "demo plan PDF (compose + write)", bench.demo);
  bench_plan_pdf (&bench, "large-database plan PDF, 2024 (compose + write)", bench.large);
  bench_report (&bench);
  bench_json (&bench);

  if (g_getenv ("KH_BENCH_CORE_ONLY") != NULL)
    return 0;

window:
  /* The window, on the large database, watched for stalls. */
  kh_stall_monitor_install ();
  app = g_object_new (KH_TYPE_APPLICATION,
                      "application-id", "io.github.kehoach.KeHoach.Bench",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "database-path", bench.large,
                      NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), &bench);
  g_application_run (G_APPLICATION (app), 0, NULL);

  g_print ("\n(%u runs each after one warm-up; copies in %s)\n", bench.n_runs, bench.dir);
  return 0;
}
