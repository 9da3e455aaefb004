/* kh-lazy-view.h — a page of the window built the first time it is needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-view.h"

G_BEGIN_DECLS

#define KH_TYPE_LAZY_VIEW (kh_lazy_view_get_type ())
G_DECLARE_FINAL_TYPE (KhLazyView, kh_lazy_view, KH, LAZY_VIEW, AdwBin)

GtkWidget  *kh_lazy_view_new           (GType       view_type);
gboolean    kh_lazy_view_build         (KhLazyView *self);
GtkWidget  *kh_lazy_view_get_view      (KhLazyView *self);
gboolean    kh_lazy_view_is_built      (KhLazyView *self);
const char *kh_lazy_view_get_type_name (KhLazyView *self);
gboolean    kh_lazy_view_lay_out       (KhLazyView *self,
                                        int         width,
                                        int         height);

G_END_DECLS
