/* kh-new-report-dialog.h — chooses the period of a new report on a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_NEW_REPORT_DIALOG (kh_new_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhNewReportDialog, kh_new_report_dialog, KH, NEW_REPORT_DIALOG, AdwWindow)

KhNewReportDialog *kh_new_report_dialog_new        (GtkWindow         *parent,
                                                    KhStore           *store,
                                                    gint64             plan_id);
void               kh_new_report_dialog_set_period (KhNewReportDialog *self,
                                                    guint              kind,
                                                    const char        *from,
                                                    const char        *to);
gboolean           kh_new_report_dialog_create     (KhNewReportDialog *self);

G_END_DECLS
