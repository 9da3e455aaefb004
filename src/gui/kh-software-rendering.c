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
 * And it switches without cross-fades (kh_widget_skip_cross_fades()):
 * GTK 4.8's cairo renderer draws a cross-fade through two offscreen
 * surfaces the size of the whole area being drawn, not of the widget
 * fading, for every frame of it. The header's view switcher fading in
 * at start-up made each frame of its 250 ms cost 4 ms more, and so did
 * a page fading from its spinner to its rows.
 *
 * The GL renderer's own context is not public: this asks a context of
 * the same display, which the driver gives the same renderer string.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-software-rendering"

#include "config.h"

#include <adwaita.h>
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

/* Makes every cross-fading GtkStack and AdwSqueezer in @widget's tree,
 * @widget included, switch at once instead: for windows drawn on the CPU
 * (see above). The squeezer is the one inside AdwViewSwitcherTitle. */
void
kh_widget_skip_cross_fades (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_STACK (widget) &&
      gtk_stack_get_transition_type (GTK_STACK (widget)) == GTK_STACK_TRANSITION_TYPE_CROSSFADE)
    gtk_stack_set_transition_type (GTK_STACK (widget), GTK_STACK_TRANSITION_TYPE_NONE);
  else if (ADW_IS_SQUEEZER (widget) &&
           adw_squeezer_get_transition_type (ADW_SQUEEZER (widget)) == ADW_SQUEEZER_TRANSITION_TYPE_CROSSFADE)
    adw_squeezer_set_transition_type (ADW_SQUEEZER (widget), ADW_SQUEEZER_TRANSITION_TYPE_NONE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kh_widget_skip_cross_fades (child);
}
