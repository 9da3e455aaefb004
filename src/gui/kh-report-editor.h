/* kh-report-editor.h — one report: its parts, state, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-document.h"
#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_REPORT_EDITOR (kh_report_editor_get_type ())
G_DECLARE_FINAL_TYPE (KhReportEditor, kh_report_editor, KH, REPORT_EDITOR, AdwBin)

void      kh_report_editor_show          (KhReportEditor      *self,
                                          KhStore             *store,
                                          gint64               report_id);
gint64    kh_report_editor_get_report_id (KhReportEditor      *self);
gboolean  kh_report_editor_flush         (KhReportEditor      *self);
void      kh_report_editor_export_async  (KhReportEditor      *self,
                                          KhDocumentMode       mode,
                                          GFile               *file,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean  kh_report_editor_export_finish (KhReportEditor      *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
