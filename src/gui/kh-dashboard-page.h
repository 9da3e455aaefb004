/* kh-dashboard-page.h — the leader's view of the plan (Tổng quan)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_DASHBOARD_PAGE (kh_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (KhDashboardPage, kh_dashboard_page, KH, DASHBOARD_PAGE, AdwBin)

GtkWidget *kh_dashboard_page_new (void);

G_END_DECLS
