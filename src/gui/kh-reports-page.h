/* kh-reports-page.h — the “Reports” view: the plan's periodic reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-new-report-dialog.h"
#include "kh-report-editor.h"

G_BEGIN_DECLS

#define KH_TYPE_REPORTS_PAGE (kh_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (KhReportsPage, kh_reports_page, KH, REPORTS_PAGE, AdwBin)

GtkWidget         *kh_reports_page_new           (void);
KhNewReportDialog *kh_reports_page_new_report    (KhReportsPage *self);
void               kh_reports_page_select_report (KhReportsPage *self,
                                                  gint64         report_id);
KhReportEditor    *kh_reports_page_get_editor    (KhReportsPage *self);

G_END_DECLS
