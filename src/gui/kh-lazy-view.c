/* kh-lazy-view.c — a page of the window built the first time it is needed
 *
 * The window's view stack holds one of these per page instead of the page
 * itself: the page (a KhView of the given type) is built when the stack
 * first shows it, or when something asks for it (kh_window_get_view()),
 * not at start-up. Building the five pages the window does not open on
 * cost ~20 ms before the window could map, and the stack measured them
 * all for its first frame.
 *
 * After the first frame the window readies the pages not in sight in idle
 * turns: kh_lazy_view_build(), kh_lazy_view_get_view() to put the page in,
 * its reload, then kh_lazy_view_lay_out() (kh-window.c, prepare_pages_cb()).
 *
 * It is a KhView itself and passes reload() and is_loading() on, building
 * the page for a reload: the window reloads only the page in sight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-lazy-view"

#include "config.h"

#include "kh-lazy-view.h"
#include "kh-software-rendering.h"

struct _KhLazyView
{
  AdwBin     parent_instance;

  GType      view_type;
  GtkWidget *unplaced;   /* built by kh_lazy_view_build(), not in the bin yet */
};

static void kh_lazy_view_view_iface_init (KhViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhLazyView, kh_lazy_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (KH_TYPE_VIEW, kh_lazy_view_view_iface_init))

static void
kh_lazy_view_reload (KhView  *view,
                     KhStore *store,
                     gint64   plan_id)
{
  GtkWidget *page = kh_lazy_view_get_view (KH_LAZY_VIEW (view));

  kh_view_reload (KH_VIEW (page), store, plan_id);
}

static gboolean
kh_lazy_view_is_loading (KhView *view)
{
  GtkWidget *page = adw_bin_get_child (ADW_BIN (view));

  return page != NULL && kh_view_is_loading (KH_VIEW (page));
}

static void
kh_lazy_view_view_iface_init (KhViewInterface *iface)
{
  iface->reload = kh_lazy_view_reload;
  iface->is_loading = kh_lazy_view_is_loading;
}

/* Shown before any reload (the stack maps it first): the page is there
 * to be mapped, its data following with the reload. */
static void
kh_lazy_view_map (GtkWidget *widget)
{
  kh_lazy_view_get_view (KH_LAZY_VIEW (widget));

  GTK_WIDGET_CLASS (kh_lazy_view_parent_class)->map (widget);
}

static void
kh_lazy_view_dispose (GObject *object)
{
  KhLazyView *self = KH_LAZY_VIEW (object);

  g_clear_object (&self->unplaced);

  G_OBJECT_CLASS (kh_lazy_view_parent_class)->dispose (object);
}

static void
kh_lazy_view_class_init (KhLazyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_lazy_view_dispose;
  widget_class->map = kh_lazy_view_map;
}

static void
kh_lazy_view_init (KhLazyView *self)
{
}

/* @view_type: a GtkWidget type implementing KhView, built with
 * g_object_new() and no property. */
GtkWidget *
kh_lazy_view_new (GType view_type)
{
  KhLazyView *self;

  g_return_val_if_fail (g_type_is_a (view_type, GTK_TYPE_WIDGET), NULL);
  g_return_val_if_fail (g_type_is_a (view_type, KH_TYPE_VIEW), NULL);

  self = g_object_new (KH_TYPE_LAZY_VIEW, NULL);
  self->view_type = view_type;
  return GTK_WIDGET (self);
}

/* Builds the page from its template without putting it in the window
 * yet, so that building it and the window measuring it again (when
 * kh_lazy_view_get_view() puts it in) can be two turns of the main loop:
 * together they took the reports page 15–20 ms. Returns FALSE, doing
 * nothing, if the page was built already. */
gboolean
kh_lazy_view_build (KhLazyView *self)
{
  g_return_val_if_fail (KH_IS_LAZY_VIEW (self), FALSE);

  if (self->unplaced != NULL || adw_bin_get_child (ADW_BIN (self)) != NULL)
    return FALSE;

  self->unplaced = g_object_ref_sink (g_object_new (self->view_type, NULL));
  return TRUE;
}

/* The page, built now if it was not yet. */
GtkWidget *
kh_lazy_view_get_view (KhLazyView *self)
{
  GtkWidget *page;

  g_return_val_if_fail (KH_IS_LAZY_VIEW (self), NULL);

  page = adw_bin_get_child (ADW_BIN (self));
  if (page == NULL)
    {
      g_autoptr(GtkWidget) built = NULL;
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

      kh_lazy_view_build (self);
      built = g_steal_pointer (&self->unplaced);
      page = built;
      /* As the window's own stacks (kh_window_realize()); a window not
       * realized yet has no renderer, and walks its pages itself then. */
      if (native != NULL && kh_native_renders_in_software (native))
        kh_widget_skip_cross_fades (page);
      adw_bin_set_child (ADW_BIN (self), page);
    }
  return page;
}

/* Whether the page is in the bin: built and put in by
 * kh_lazy_view_get_view(). */
gboolean
kh_lazy_view_is_built (KhLazyView *self)
{
  g_return_val_if_fail (KH_IS_LAZY_VIEW (self), FALSE);

  return adw_bin_get_child (ADW_BIN (self)) != NULL;
}

/* Lays the page out at @width × @height while the stack hides it, as the
 * stack will when it shows the page at that size: GTK then finds the
 * allocation unchanged and skips the page's layout in that frame, the
 * costliest part of a first showing (every label shaped and measured for
 * the first time). Returns FALSE, doing nothing, if the page is not
 * built, is in sight (the stack's to lay out, in its frames), or needs
 * more room than that. */
gboolean
kh_lazy_view_lay_out (KhLazyView *self,
                      int         width,
                      int         height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int min_width, min_height;

  g_return_val_if_fail (KH_IS_LAZY_VIEW (self), FALSE);

  if (!kh_lazy_view_is_built (self) || !gtk_widget_get_visible (widget) ||
      gtk_widget_get_child_visible (widget))
    return FALSE;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  if (width < min_width || height < min_height)
    return FALSE;

  gtk_widget_allocate (widget, width, height, -1, NULL);
  return TRUE;
}

/* The page's type name, built or not: what the stall monitor names. */
const char *
kh_lazy_view_get_type_name (KhLazyView *self)
{
  g_return_val_if_fail (KH_IS_LAZY_VIEW (self), NULL);

  return g_type_name (self->view_type);
}
