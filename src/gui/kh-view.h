/* kh-view.h — what every page of the main window's view stack implements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_VIEW (kh_view_get_type ())
G_DECLARE_INTERFACE (KhView, kh_view, KH, VIEW, GtkWidget)

struct _KhViewInterface
{
  GTypeInterface parent_iface;

  /* Shows what the store holds now for the window's plan (0 when the
   * database has no plan yet); called for the page in sight when the
   * window opens a store, when the clerk picks another plan and after
   * anything changed, and for any other page when it is next shown: a
   * page that is not visible is never reloaded. */
  void (*reload) (KhView  *self,
                  KhStore *store,
                  gint64   plan_id);

  /* TRUE while the page is still filling itself in after a reload
   * (rows built over the following frames, a query in a worker thread).
   * Optional: a page without it is filled in when reload() returns. */
  gboolean (*is_loading) (KhView *self);
};

void     kh_view_reload     (KhView  *self,
                             KhStore *store,
                             gint64   plan_id);
gboolean kh_view_is_loading (KhView  *self);

G_END_DECLS
