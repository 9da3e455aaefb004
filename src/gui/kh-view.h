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

  /* Shows what the store holds now; called when the window opens a store
   * and after anything in it changed. */
  void (*reload) (KhView  *self,
                  KhStore *store);
};

void kh_view_reload (KhView  *self,
                     KhStore *store);

G_END_DECLS
