/* kh-plan-page.h — the “Plan” view: the plan's text, header and state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_PLAN_PAGE (kh_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanPage, kh_plan_page, KH, PLAN_PAGE, AdwBin)

GtkWidget *kh_plan_page_new   (void);
gboolean   kh_plan_page_flush (KhPlanPage *self);

G_END_DECLS
