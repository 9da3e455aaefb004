/* kh-export-task.h — a plan exported as a PDF in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kh-plan-document.h"
#include "kh-plan.h"

G_BEGIN_DECLS

KhDocumentMode kh_export_default_mode (const KhPlan        *plan);
void           kh_export_plan_async   (const char          *database_path,
                                       gint64               plan_id,
                                       KhDocumentMode       mode,
                                       double               line_spacing,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char          *kh_export_plan_finish  (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
