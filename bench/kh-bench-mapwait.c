/* kh-bench-mapwait.c — how long an X11 application takes to show its window
 *
 *   kh-bench-mapwait [--settle MS] -- COMMAND [ARG…]
 *
 * Measured from outside the application, the same way for any of them:
 * watches the root window (SubstructureNotifyMask), notes the monotonic
 * time, forks and execs COMMAND, and waits for the first toplevel to be
 * mapped (map_ms) and then for the first frame it draws there (paint_ms,
 * the first DAMAGE event after the one mapping causes). A damage object
 * is put on every new toplevel as soon as it is created, so the first
 * frame cannot be drawn before it is watched. Then it waits MS
 * milliseconds (default 2000), reads the process's resident memory
 * (VmRSS) and proportional set size (Pss, /proc/PID/smaps_rollup), and
 * ends it. Prints one line:
 *
 *   map_ms=… paint_ms=… rss_kb=… pss_kb=…
 *
 * Exit status 1 when no window was shown within 30 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#define TIMEOUT_MS 30000
#define MAX_WINDOWS 256

typedef struct
{
  Window window;
  Damage damage;
} Watched;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Windows vanish between their creation and our request: not an error. */
static int
ignore_x_errors (Display *display, XErrorEvent *event)
{
  (void)display;
  (void)event;
  return 0;
}

static Damage
damage_of (const Watched *watched,
           int            n,
           Window         window)
{
  for (int i = 0; i < n; i++)
    if (watched[i].window == window)
      return watched[i].damage;
  return None;
}

static long
read_kb (const char *path,
         const char *key)
{
  char line[256];
  long value = -1;
  size_t key_len = strlen (key);
  FILE *file = fopen (path, "r");

  if (file == NULL)
    return -1;
  while (fgets (line, sizeof line, file) != NULL)
    if (strncmp (line, key, key_len) == 0)
      {
        value = strtol (line + key_len, NULL, 10);
        break;
      }
  fclose (file);
  return value;
}

/* Waits for the next X event for at most timeout_ms; FALSE on timeout. */
static int
next_event (Display *display,
            XEvent  *event,
            double   deadline)
{
  while (!XPending (display))
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };
      double left = deadline - now_ms ();

      if (left <= 0)
        return 0;
      if (poll (&fd, 1, (int)left + 1) < 0 && errno != EINTR)
        return 0;
    }
  XNextEvent (display, event);
  return 1;
}

static void
end_child (pid_t pid)
{
  int status;

  kill (pid, SIGTERM);
  for (int i = 0; i < 100; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return;
      usleep (20000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  Window root, shown = None;
  int damage_event, damage_error, argi = 1;
  long settle_ms = 2000;
  double start, map_ms = -1, paint_ms = -1, deadline;
  Watched damages[MAX_WINDOWS];
  int n_damages = 0;
  unsigned long drawn_after = 0;
  char path[64];
  long rss, pss;
  pid_t pid;

  if (argi + 1 < argc && strcmp (argv[argi], "--settle") == 0)
    {
      settle_ms = strtol (argv[argi + 1], NULL, 10);
      argi += 2;
    }
  if (argi < argc && strcmp (argv[argi], "--") == 0)
    argi++;
  if (argi >= argc)
    {
      fprintf (stderr, "usage: %s [--settle MS] -- COMMAND [ARG…]\n", argv[0]);
      return 2;
    }

  if ((display = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "cannot open the display\n");
      return 2;
    }
  if (!XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      fprintf (stderr, "the X server has no DAMAGE extension\n");
      return 2;
    }
  XSetErrorHandler (ignore_x_errors);
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 2;
    }
  if (pid == 0)
    {
      close (ConnectionNumber (display));
      execvp (argv[argi], argv + argi);
      perror (argv[argi]);
      _exit (127);
    }

  deadline = start + TIMEOUT_MS;
  while (paint_ms < 0)
    {
      XEvent event;

      if (!next_event (display, &event, deadline))
        break;

      if (event.type == CreateNotify && !event.xcreatewindow.override_redirect)
        {
          if (n_damages < MAX_WINDOWS)
            {
              damages[n_damages].window = event.xcreatewindow.window;
              damages[n_damages++].damage = XDamageCreate (display, event.xcreatewindow.window,
                                                           XDamageReportNonEmpty);
            }
          XFlush (display);
        }
      else if (event.type == MapNotify && shown == None &&
               !event.xmap.override_redirect && event.xmap.event == root)
        {
          /* Mapping damages the window by itself: what the application
           * draws is what comes after this request. */
          shown = event.xmap.window;
          map_ms = now_ms () - start;
          drawn_after = NextRequest (display);
          XDamageSubtract (display, damage_of (damages, n_damages, shown), None, None);
          XFlush (display);
        }
      else if (event.type == damage_event + XDamageNotify && shown != None &&
               ((XDamageNotifyEvent *)&event)->drawable == shown &&
               event.xany.serial >= drawn_after)
        paint_ms = now_ms () - start;
    }

  if (paint_ms < 0)
    {
      fprintf (stderr, "no window shown within %d ms (map %.1f ms)\n", TIMEOUT_MS, map_ms);
      end_child (pid);
      return 1;
    }

  usleep (settle_ms * 1000);
  snprintf (path, sizeof path, "/proc/%d/status", (int)pid);
  rss = read_kb (path, "VmRSS:");
  snprintf (path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
  pss = read_kb (path, "Pss:");

  printf ("map_ms=%.1f paint_ms=%.1f rss_kb=%ld pss_kb=%ld\n", map_ms, paint_ms, rss, pss);
  end_child (pid);
  XCloseDisplay (display);
  return 0;
}
