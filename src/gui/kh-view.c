/* kh-view.c — what every page of the main window's view stack implements
 *
 * A page of the window is a widget class implementing KhView; the window
 * adds it with adw_view_stack_add_titled_with_icon() and calls
 * kh_view_reload() when the data changes if the page is in sight, else
 * when it is next shown (kh-window.c, reload_views()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-view"

#include "config.h"

#include "kh-view.h"

G_DEFINE_INTERFACE (KhView, kh_view, GTK_TYPE_WIDGET)

static void
kh_view_default_init (KhViewInterface *iface)
{
}

void
kh_view_reload (KhView  *self,
                KhStore *store,
                gint64   plan_id)
{
  g_return_if_fail (KH_IS_VIEW (self));
  g_return_if_fail (KH_IS_STORE (store));

  if (KH_VIEW_GET_IFACE (self)->reload)
    KH_VIEW_GET_IFACE (self)->reload (self, store, plan_id);
}

gboolean
kh_view_is_loading (KhView *self)
{
  g_return_val_if_fail (KH_IS_VIEW (self), FALSE);

  if (KH_VIEW_GET_IFACE (self)->is_loading)
    return KH_VIEW_GET_IFACE (self)->is_loading (self);
  return FALSE;
}
