/* kh-software-rendering.c — whether windows are drawn on the CPU
 *
 * An office PC without a working GPU driver draws GTK's windows on the
 * CPU: GTK's GL renderer runs on Mesa's llvmpipe (or softpipe), or GTK
 * falls back to its cairo renderer.
 *
 * Under llvmpipe, GTK's GL renderer is the slower of the two by far: a
 * first frame cost kehoach 1.2 s against 0.28 s with cairo, and 216 MB
 * of memory against 105 (bench/startup.sh), most of it LLVM compiling
 * shaders. So at start-up, before any window, the application asks how
 * OpenGL would run (kh_display_renders_gl_in_software()) and, on the
 * CPU, chooses the cairo renderer unless GSK_RENDERER says otherwise.
 *
 * Either way on the CPU, a blurred shadow is costly, drawn again
 * whenever the card under it changes size: under cairo the tasks page's
 * shadows took 12 of the 18 ms a frame of it cost to draw. A window
 * drawn on the CPU (kh_native_renders_in_software()) draws outlines
 * instead (style.css, .kh-software-rendering).
 *
 * The GL renderer's own context is not public: this asks a context of
 * the same display, which the driver gives the same renderer string.
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
static gboolean
context_is_software (GdkGLContext *context)
{
  const char *name;
  gboolean software;

  gdk_gl_context_make_current (context);
  name = (const char *)glGetString (GL_RENDERER);
  software = is_software (name);
  g_debug ("GL renderer: %s%s", name ? name : "(unknown)", software ? " (software)" : "");
  gdk_gl_context_clear_current ();
  return software;
}

/* Whether OpenGL on @display runs on the CPU (llvmpipe and the like).
 * Asked once at start-up, before any window: there GTK's cairo renderer
 * draws the same windows sooner and with less memory (kh_application
 * then chooses it). FALSE when there is no OpenGL at all: GTK uses cairo
 * on its own then. */
gboolean
kh_display_renders_gl_in_software (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gpointer known;
  gboolean software = FALSE;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  /* A GL context costs tens of milliseconds: asked once per display. */
  known = g_object_get_data (G_OBJECT (display), "kh-gl-in-software");
  if (known != NULL)
    return GPOINTER_TO_INT (known) == 2;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    g_debug ("No OpenGL on the display: %s", error ? error->message : "no context");
  else
    software = context_is_software (context);

  g_object_set_data (G_OBJECT (display), "kh-gl-in-software", GINT_TO_POINTER (software ? 2 : 1));
  return software;
}

/* Whether @native is drawn on the CPU: by the cairo renderer, or by
 * GL emulated on the CPU. */
gboolean
kh_native_renders_in_software (GtkNative *native)
{
  GskRenderer *renderer;

  g_return_val_if_fail (GTK_IS_NATIVE (native), FALSE);

  renderer = gtk_native_get_renderer (native);
  if (renderer == NULL)
    return FALSE;
  if (GSK_IS_CAIRO_RENDERER (renderer))
    return TRUE;
  return GSK_IS_GL_RENDERER (renderer) &&
         kh_display_renders_gl_in_software (gtk_widget_get_display (GTK_WIDGET (native)));
}
