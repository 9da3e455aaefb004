/* kh-software-rendering.c — whether a window is drawn on the CPU
 *
 * An office PC without a working GPU driver draws GTK's windows on the
 * CPU: GTK's GL renderer runs on Mesa's llvmpipe (or softpipe), or GTK
 * falls back to its cairo renderer. There a blurred shadow is costly,
 * drawn again whenever the card under it changes size:
 *  - under llvmpipe, Adwaita's cards and boxed lists made kehoach's
 *    first frame cost 1.35 s against 0.97 s with outlines instead
 *    (bench/startup.sh; GNOME Text Editor 1.02 s);
 *  - under cairo, the tasks page's shadows took 12 of the 18 ms a frame
 *    of it cost to draw (docs/performance.md).
 * The window then draws outlines (style.css, .kh-software-rendering).
 *
 * The GL renderer's own context is not public: this asks a context of
 * the same surface, which the driver gives the same renderer string.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-software-rendering"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "kh-software-rendering.h"

/* Not in <gtk/gtk.h>; includable once <gsk/gsk.h> is in. */
#include <gsk/gl/gskglrenderer.h>

static gboolean
is_software (const char *renderer)
{
  static const char * const names[] = { "llvmpipe", "softpipe", "Software Rasterizer", "SWR" };

  for (guint i = 0; renderer != NULL && i < G_N_ELEMENTS (names); i++)
    if (strstr (renderer, names[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* TRUE when @native (realized) is drawn by GTK's GL renderer on a
 * software rasterizer; FALSE for a GPU, for the cairo renderer (which
 * draws the shadows at no such cost), and when it cannot be told. */
gboolean
kh_native_renders_in_software (GtkNative *native)
{
  GskRenderer *renderer;
  GdkSurface *surface;
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gboolean software;

  g_return_val_if_fail (GTK_IS_NATIVE (native), FALSE);

  renderer = gtk_native_get_renderer (native);
  surface = gtk_native_get_surface (native);
  if (renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer))
    return TRUE;
  if (renderer == NULL || surface == NULL || !GSK_IS_GL_RENDERER (renderer))
    return FALSE;

  context = gdk_surface_create_gl_context (surface, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("Cannot tell the GL renderer: %s", error ? error->message : "no context");
      return FALSE;
    }

  gdk_gl_context_make_current (context);
  name = (const char *)glGetString (GL_RENDERER);
  software = is_software (name);
  g_debug ("GL renderer: %s%s", name ? name : "(unknown)", software ? " (software)" : "");
  gdk_gl_context_clear_current ();
  return software;
}
