/* kh-export-dialog.h — choose the form of a plan's or a report's PDF, then save or print it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-plan-document.h"
#include "kh-store.h"
#include "kh-window.h"

G_BEGIN_DECLS

typedef enum
{
  KH_EXPORT_TO_FILE,
  KH_EXPORT_TO_PRINTER,
} KhExportPurpose;

#define KH_TYPE_EXPORT_DIALOG (kh_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhExportDialog, kh_export_dialog, KH, EXPORT_DIALOG, AdwWindow)

KhExportDialog *kh_export_dialog_new            (KhWindow        *window,
                                                 KhStore         *store,
                                                 gint64           plan_id,
                                                 KhExportPurpose  purpose);
KhExportDialog *kh_export_dialog_new_for_report (KhWindow        *window,
                                                 KhStore         *store,
                                                 gint64           report_id,
                                                 KhExportPurpose  purpose);
KhDocumentMode  kh_export_dialog_get_mode       (KhExportDialog  *self);
void            kh_export_dialog_set_mode       (KhExportDialog  *self,
                                                 KhDocumentMode   mode);
gboolean        kh_export_dialog_get_busy       (KhExportDialog  *self);
void            kh_export_dialog_export_to_path (KhExportDialog  *self,
                                                 const char      *path);

G_END_DECLS
