/* kh-software-gl.h — whether a window is drawn by OpenGL emulated on the CPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean kh_native_uses_software_gl (GtkNative *native);

G_END_DECLS
