/* kh-software-rendering.h — whether windows are drawn on the CPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean kh_display_renders_gl_in_software (GdkDisplay *display);
gboolean kh_native_renders_in_software     (GtkNative  *native);
void     kh_widget_skip_cross_fades        (GtkWidget  *widget);

G_END_DECLS
