/* kh-stall-monitor.h — logs every turn of the main loop longer than a frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Longer than this, a turn of the main loop misses a frame at 60 Hz. */
#define KH_STALL_MONITOR_THRESHOLD_MS 16.0

gboolean kh_stall_monitor_install_from_env (void);
void     kh_stall_monitor_install          (void);
void     kh_stall_monitor_watch_window     (GtkWindow  *window);
void     kh_stall_monitor_push             (const char *what);
void     kh_stall_monitor_pop              (void);
guint    kh_stall_monitor_get_n_stalls     (void);
guint    kh_stall_monitor_get_n_cpu_stalls (void);
double   kh_stall_monitor_get_longest_ms   (void);

G_END_DECLS
