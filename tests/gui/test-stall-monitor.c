/* test-stall-monitor.c — the stall monitor names long turns and their CPU time
 *
 * Turns of the main loop that work on the CPU or wait, each longer than a
 * frame, and what the monitor logs about them; a window whose size takes
 * long to compute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "kh-stall-monitor.h"
#include "kh-test-ui.h"

#define TURN_MS 40

static GPtrArray *messages;

static void
collect_message (const char     *domain,
                 GLogLevelFlags  level,
                 const char     *message,
                 gpointer        data)
{
  g_ptr_array_add (messages, g_strdup (message));
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  g_assert_cmpint (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now), ==, 0);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Works on the CPU for TURN_MS of the thread's own time, however busy
 * the machine is. */
static gboolean
busy_turn_cb (gpointer data)
{
  double start = thread_cpu_ms ();
  volatile guint spin = 0;

  kh_stall_monitor_push ("test: busy");
  while (thread_cpu_ms () - start < TURN_MS)
    spin++;
  kh_stall_monitor_pop ();
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits TURN_MS without working, as a turn waiting on X does. */
static gboolean
waiting_turn_cb (gpointer data)
{
  g_usleep (TURN_MS * 1000);
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs one turn with @func, then the poll after it, which logs it. */
static void
run_turn (GSourceFunc func)
{
  gboolean ran = FALSE;

  g_idle_add (func, &ran);
  while (!ran)
    g_main_context_iteration (NULL, TRUE);
  g_main_context_iteration (NULL, FALSE);
}

static void
test_counts_cpu_and_waiting (void)
{
  guint stalls = kh_stall_monitor_get_n_stalls ();
  guint cpu_stalls = kh_stall_monitor_get_n_cpu_stalls ();
  double cpu_ms;
  const char *line;
  char *end;

  g_ptr_array_set_size (messages, 0);
  run_turn (busy_turn_cb);
  g_assert_cmpuint (kh_stall_monitor_get_n_stalls (), ==, stalls + 1);
  g_assert_cmpuint (kh_stall_monitor_get_n_cpu_stalls (), ==, cpu_stalls + 1);
  g_assert_cmpuint (messages->len, ==, 1);
  line = g_ptr_array_index (messages, 0);
  g_test_message ("%s", line);
  g_assert_true (g_str_has_prefix (line, "main loop stalled "));
  g_assert_nonnull (strstr (line, " on the CPU: test: busy "));
  cpu_ms = g_ascii_strtod (strstr (line, " ms, ") + strlen (" ms, "), &end);
  g_assert_cmpfloat (cpu_ms, >=, TURN_MS);
  g_assert_cmpfloat (kh_stall_monitor_get_longest_ms (), >=, TURN_MS);

  g_ptr_array_set_size (messages, 0);
  run_turn (waiting_turn_cb);
  g_assert_cmpuint (kh_stall_monitor_get_n_stalls (), ==, stalls + 2);
  g_assert_cmpuint (kh_stall_monitor_get_n_cpu_stalls (), ==, cpu_stalls + 1);
  g_assert_cmpuint (messages->len, ==, 1);
  line = g_ptr_array_index (messages, 0);
  g_test_message ("%s", line);
  g_assert_nonnull (strstr (line, "nothing named ran"));
  cpu_ms = g_ascii_strtod (strstr (line, " ms, ") + strlen (" ms, "), &end);
  g_assert_cmpfloat (cpu_ms, <, KH_STALL_MONITOR_THRESHOLD_MS);
}

/* A widget whose next measure works TURN_MS on the CPU. */
G_DECLARE_FINAL_TYPE (SlowWidget, slow_widget, SLOW, WIDGET, GtkWidget)

struct _SlowWidget
{
  GtkWidget parent_instance;
  gboolean  slow;
};

G_DEFINE_FINAL_TYPE (SlowWidget, slow_widget, GTK_TYPE_WIDGET)

static void
slow_widget_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  SlowWidget *self = SLOW_WIDGET (widget);

  if (self->slow)
    {
      double start = thread_cpu_ms ();
      volatile guint spin = 0;

      self->slow = FALSE;
      while (thread_cpu_ms () - start < TURN_MS)
        spin++;
    }
  *minimum = *natural = 20;
}

static void
slow_widget_class_init (SlowWidgetClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = slow_widget_measure;
}

static void
slow_widget_init (SlowWidget *self)
{
}

static gboolean
window_drawn (gpointer window)
{
  return gtk_widget_get_mapped (window) && gtk_widget_get_height (window) > 0;
}

static gboolean
message_arrived (gpointer data)
{
  return messages->len > 0;
}

/* GDK computes a window's size in an idle of its own, outside the frame,
 * measuring the whole window: the monitor names it. */
static void
test_names_window_size (void)
{
  GtkWidget *window = gtk_window_new ();
  SlowWidget *slow = g_object_new (slow_widget_get_type (), NULL);
  g_autoptr(GskRenderNode) drawn = NULL;
  const char *line;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (slow));
  kh_stall_monitor_watch_window (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kh_test_wait_for (window_drawn, window));
  drawn = kh_test_draw_widget (window); /* a frame */

  g_ptr_array_set_size (messages, 0);
  slow->slow = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (slow));
  g_assert_true (kh_test_wait_for (message_arrived, NULL));
  g_assert_false (slow->slow);
  line = g_ptr_array_index (messages, 0);
  g_test_message ("%s", line);
  g_assert_nonnull (strstr (line, "window size "));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  /* "all": count from the start, no window to wait for. */
  g_setenv ("KEHOACH_DEBUG_STALLS", "all", TRUE);
  messages = g_ptr_array_new_with_free_func (g_free);
  g_log_set_handler ("kh-stall", G_LOG_LEVEL_MESSAGE, collect_message, NULL);
  g_assert_true (kh_stall_monitor_install_from_env ());

  g_test_add_func ("/stall-monitor/counts-cpu-and-waiting", test_counts_cpu_and_waiting);
  g_test_add_func ("/stall-monitor/names-window-size", test_names_window_size);
  return g_test_run ();
}
