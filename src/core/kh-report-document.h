/* kh-report-document.h — a report as the document the leader signs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-document.h"
#include "kh-pdf-writer.h"
#include "kh-report.h"
#include "kh-store.h"

G_BEGIN_DECLS

KhDocument *kh_store_compose_report_document (KhStore             *store,
                                              gint64               report_id,
                                              KhDocumentMode       mode,
                                              GError             **error);
gboolean    kh_store_export_report_pdf       (KhStore             *store,
                                              gint64               report_id,
                                              KhDocumentMode       mode,
                                              const KhPdfOptions  *options,
                                              const char          *path,
                                              GError             **error);
char       *kh_store_report_default_file_name (KhStore            *store,
                                               const KhReport     *report,
                                               KhDocumentMode      mode);

G_END_DECLS
