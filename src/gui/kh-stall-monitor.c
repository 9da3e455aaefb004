/* kh-stall-monitor.c — logs every turn of the main loop longer than a frame
 *
 * A debugging aid, off unless KEHOACH_DEBUG_STALLS is set (to anything but
 * "0"). It wraps the default main context's poll function: the time from
 * one poll returning to the next one starting is the work done in that turn
 * of the loop, during which the window can neither draw nor take input.
 * A turn longer than 16 ms is logged (g_message, domain "kh-stall") with
 * what ran in it: the operations our code names with
 * kh_stall_monitor_push()/pop() (reloading a view, showing a list…) and
 * GTK's frames (layout and drawing) of the windows watched, and GDK's
 * computing of their size, which X11 does in an idle of its own. Each stall
 * and each frame also says how much of it the main thread spent on the
 * CPU: the rest it waited, mostly on the display server (under Xvfb,
 * X's own drawing of the frame before), which the app cannot shorten.
 *
 * Stalls count from the first frame drawn: before it there is no window to
 * freeze, and start-up is measured by bench/startup.sh instead.
 * KEHOACH_DEBUG_STALLS=all counts them from the start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-stall"

#include "config.h"

#include <time.h>

#include "kh-stall-monitor.h"

/* Operations shorter than this are left out of a stall's description. */
#define NAMED_MIN_MS 1.0

typedef struct
{
  const char *what;
  gint64      start;
} Open;

static struct
{
  GThread   *thread;     /* the main thread; NULL until installed */
  GPollFunc  poll;       /* the context's poll function before ours */
  gint64     woke;       /* when the last poll returned */
  gint64     woke_cpu;   /* the main thread's CPU time then */
  gboolean   drawn;      /* a first frame was drawn */
  GArray    *open;       /* Open: the named operations under way */
  GString   *ran;        /* what ran in this turn */
  guint      n_stalls;
  guint      n_cpu_stalls;   /* stalls with over 16 ms on the CPU */
  double     longest_ms;
  gint64     update_end;     /* this turn's frame: tick callbacks and animations done */
  gint64     layout_end;     /* its layout done */
  gint64     paint_end;      /* its drawing done */
  gint64     update_cpu;     /* the main thread's CPU time at each of those */
  gint64     layout_cpu;
  gint64     paint_cpu;
  gulong     compute_size_hook;
} monitor;

static void describe_frame (gint64 start,
                            gint64 start_cpu);

/* The calling thread's CPU time, in µs. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;
  return (gint64)now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
is_monitored_thread (void)
{
  return monitor.thread != NULL && monitor.thread == g_thread_self ();
}

static gint
monitor_poll (GPollFD *fds,
              guint    n_fds,
              gint     timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint64 now_cpu = thread_cpu_time ();
  gint result;

  describe_frame (monitor.woke, monitor.woke_cpu);
  if (monitor.drawn && monitor.woke != 0)
    {
      double ms = (now - monitor.woke) / 1000.0;
      double cpu_ms = (now_cpu - monitor.woke_cpu) / 1000.0;

      if (ms > KH_STALL_MONITOR_THRESHOLD_MS)
        {
          monitor.n_stalls++;
          if (cpu_ms > KH_STALL_MONITOR_THRESHOLD_MS)
            monitor.n_cpu_stalls++;
          monitor.longest_ms = MAX (monitor.longest_ms, ms);
          g_message ("main loop stalled %.1f ms, %.1f on the CPU: %s", ms, cpu_ms,
                     monitor.ran->len > 0 ? monitor.ran->str
                                          : "nothing named ran (GTK's own work or an unnamed source)");
        }
    }

  g_string_truncate (monitor.ran, 0);
  result = monitor.poll (fds, n_fds, timeout);
  monitor.woke = g_get_monotonic_time ();
  monitor.woke_cpu = thread_cpu_time ();
  return result;
}

/* GTK's frames, in three parts: tick callbacks and animations
 * ("update"), measuring and allocating ("layout"), and snapshotting and
 * rendering ("drawing"). The frame clock emits only the phases someone
 * asked for (a frame may lay out without drawing), and our handlers run
 * after GTK's, so each marks the end of its phase; the frame clock's
 * idle has its turn of the main loop to itself (its priority is its
 * own), so the frame starts when the turn does. */

static void
describe_frame (gint64 start,
                gint64 start_cpu)
{
  gint64 update_end = monitor.update_end ? monitor.update_end : start;
  gint64 layout_end = monitor.layout_end ? monitor.layout_end : update_end;
  gint64 end = MAX (monitor.paint_end, layout_end);
  gint64 update_cpu = monitor.update_end ? monitor.update_cpu : start_cpu;
  gint64 layout_cpu = monitor.layout_end ? monitor.layout_cpu : update_cpu;
  gint64 end_cpu = monitor.paint_end > layout_end ? monitor.paint_cpu : layout_cpu;

  if (monitor.update_end == 0 && monitor.layout_end == 0 && monitor.paint_end == 0)
    return;
  monitor.update_end = monitor.layout_end = monitor.paint_end = 0;

  if ((end - start) / 1000.0 >= NAMED_MIN_MS)
    g_string_append_printf (monitor.ran,
                            "%sframe %.1f ms (update %.1f, layout %.1f, drawing %.1f; on the CPU %.1f, %.1f, %.1f)",
                            monitor.ran->len > 0 ? ", " : "",
                            (end - start) / 1000.0,
                            (update_end - start) / 1000.0,
                            (layout_end - update_end) / 1000.0,
                            (end - layout_end) / 1000.0,
                            (update_cpu - start_cpu) / 1000.0,
                            (layout_cpu - update_cpu) / 1000.0,
                            (end_cpu - layout_cpu) / 1000.0);
}

static void
on_frame_clock_update_after_cb (GdkFrameClock *clock,
                                gpointer       user_data)
{
  monitor.update_end = g_get_monotonic_time ();
  monitor.update_cpu = thread_cpu_time ();
}

static void
on_frame_clock_layout_after_cb (GdkFrameClock *clock,
                                gpointer       user_data)
{
  monitor.layout_end = g_get_monotonic_time ();
  monitor.layout_cpu = thread_cpu_time ();
}

static void
on_frame_clock_paint_after_cb (GdkFrameClock *clock,
                               gpointer       user_data)
{
  monitor.paint_end = g_get_monotonic_time ();
  monitor.paint_cpu = thread_cpu_time ();

  /* The turn that drew the first frame is start-up: measuring starts now. */
  if (!monitor.drawn)
    {
      monitor.drawn = TRUE;
      monitor.woke = 0;
    }
}

/* GdkToplevel::compute-size: GTK's handler measures the whole window.
 * The hook runs before any handler, ours after GTK's; only the watched
 * windows' surfaces, which have both, are named. */

static GQuark
watched_quark (void)
{
  return g_quark_from_static_string ("kh-stall-monitor-watched");
}

static gboolean
compute_size_hook (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               data)
{
  GObject *toplevel = g_value_get_object (&values[0]);

  if (g_object_get_qdata (toplevel, watched_quark ()) != NULL)
    kh_stall_monitor_push ("window size");
  return TRUE;
}

static void
on_compute_size_after_cb (GdkToplevel     *toplevel,
                          GdkToplevelSize *size,
                          gpointer         data)
{
  kh_stall_monitor_pop ();
}

static void
on_window_realize_cb (GtkWidget *window,
                      gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (GDK_IS_TOPLEVEL (surface) && g_object_get_qdata (G_OBJECT (surface), watched_quark ()) == NULL)
    {
      /* Added once a toplevel exists: its interface's signals do then. */
      if (monitor.compute_size_hook == 0)
        monitor.compute_size_hook = g_signal_add_emission_hook (g_signal_lookup ("compute-size", GDK_TYPE_TOPLEVEL),
                                                                0, compute_size_hook, NULL, NULL);
      g_object_set_qdata (G_OBJECT (surface), watched_quark (), GINT_TO_POINTER (TRUE));
      g_signal_connect_after (surface, "compute-size", G_CALLBACK (on_compute_size_after_cb), NULL);
    }

  if (clock == NULL)
    return;
  g_signal_connect_after (clock, "update", G_CALLBACK (on_frame_clock_update_after_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_frame_clock_layout_after_cb), NULL);
  g_signal_connect_after (clock, "paint", G_CALLBACK (on_frame_clock_paint_after_cb), NULL);
}

/* Public API */

/* Installs the monitor when KEHOACH_DEBUG_STALLS asks for it. */
gboolean
kh_stall_monitor_install_from_env (void)
{
  const char *value = g_getenv ("KEHOACH_DEBUG_STALLS");

  if (value == NULL || value[0] == '\0' || g_str_equal (value, "0"))
    return FALSE;

  kh_stall_monitor_install ();
  if (g_str_equal (value, "all"))
    monitor.drawn = TRUE;
  return TRUE;
}

/* Watches the default main context from the calling (main) thread. */
void
kh_stall_monitor_install (void)
{
  GMainContext *context = g_main_context_default ();

  if (monitor.thread != NULL)
    return;

  monitor.thread = g_thread_self ();
  monitor.open = g_array_new (FALSE, FALSE, sizeof (Open));
  monitor.ran = g_string_new (NULL);
  monitor.poll = g_main_context_get_poll_func (context);
  g_main_context_set_poll_func (context, monitor_poll);
  g_message ("logging every turn of the main loop longer than %.0f ms",
             KH_STALL_MONITOR_THRESHOLD_MS);
}

/* Names the window's frames in the log; its first frame starts the count. */
void
kh_stall_monitor_watch_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (monitor.thread == NULL)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_window_realize_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

/* Marks the start of an operation worth naming in a stall's description;
 * @what must live as long as the program (a string literal). Cheap, and
 * does nothing unless the monitor is installed or off the main thread. */
void
kh_stall_monitor_push (const char *what)
{
  Open open = { what, 0 };

  if (!is_monitored_thread ())
    return;

  open.start = g_get_monotonic_time ();
  g_array_append_val (monitor.open, open);
}

void
kh_stall_monitor_pop (void)
{
  Open *open;
  double ms;

  if (!is_monitored_thread () || monitor.open->len == 0)
    return;

  open = &g_array_index (monitor.open, Open, monitor.open->len - 1);
  ms = (g_get_monotonic_time () - open->start) / 1000.0;
  if (ms >= NAMED_MIN_MS)
    g_string_append_printf (monitor.ran, "%s%s %.1f ms",
                            monitor.ran->len > 0 ? ", " : "", open->what, ms);
  g_array_set_size (monitor.open, monitor.open->len - 1);
}

guint
kh_stall_monitor_get_n_stalls (void)
{
  return monitor.n_stalls;
}

/* The stalls in which the main thread itself was on the CPU for longer
 * than a frame, not waiting. */
guint
kh_stall_monitor_get_n_cpu_stalls (void)
{
  return monitor.n_cpu_stalls;
}

double
kh_stall_monitor_get_longest_ms (void)
{
  return monitor.longest_ms;
}
