/* kh-dashboard-export.h — the dashboard as a one-page PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kh-agency.h"
#include "kh-dashboard.h"
#include "kh-document.h"

G_BEGIN_DECLS

KhDocument *kh_dashboard_export_document (const KhDashboard    *dashboard,
                                          const KhAgency       *agency,
                                          const char           *plan_title,
                                          const GDate          *today);
char       *kh_dashboard_export_file_name (const KhDashboard   *dashboard);
void        kh_dashboard_export_async    (KhDocument           *document,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean    kh_dashboard_export_finish   (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
