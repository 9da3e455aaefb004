/* kh-overview-page.h — the agency at a glance: its plans and departments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_OVERVIEW_PAGE (kh_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (KhOverviewPage, kh_overview_page, KH, OVERVIEW_PAGE, AdwBin)

GtkWidget *kh_overview_page_new (void);

G_END_DECLS
