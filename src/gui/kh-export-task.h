/* kh-export-task.h — a plan or a report exported as a PDF in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kh-plan-document.h"
#include "kh-plan.h"
#include "kh-store.h"

G_BEGIN_DECLS

/* What is exported: the words the dialogs use differ. */
typedef enum
{
  KH_EXPORT_KIND_PLAN,
  KH_EXPORT_KIND_REPORT,
} KhExportKind;

/* kh_store_export_plan_pdf, kh_store_export_report_pdf */
typedef gboolean (*KhExportFunc) (KhStore             *store,
                                  gint64               id,
                                  KhDocumentMode       mode,
                                  const KhPdfOptions  *options,
                                  const char          *path,
                                  GError             **error);

KhDocumentMode kh_export_default_mode (const KhPlan        *plan);
KhDocumentMode kh_export_default_mode_for_state (KhPlanState state);
void           kh_export_document_async (const char          *database_path,
                                         KhExportFunc         export_func,
                                         gint64               id,
                                         KhDocumentMode       mode,
                                         double               line_spacing,
                                         const char          *path,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
char          *kh_export_document_finish (GAsyncResult       *result,
                                          GError            **error);
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
