/* kh-results-page.h — the results recorded against the plan (Kết quả)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-period.h"

G_BEGIN_DECLS

#define KH_TYPE_RESULTS_PAGE (kh_results_page_get_type ())
G_DECLARE_FINAL_TYPE (KhResultsPage, kh_results_page, KH, RESULTS_PAGE, AdwBin)

GtkWidget *kh_results_page_new        (void);
void       kh_results_page_set_filter (KhResultsPage  *self,
                                       const KhPeriod *period,
                                       gint64          department_id,
                                       gint64          indicator_id);

G_END_DECLS
