/* kh-print.h — a PDF sent as it is to a printer that accepts PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-export-task.h"
#include "kh-window.h"

G_BEGIN_DECLS

void kh_print_pdf_file (KhWindow   *window,
                        const char *path,
                        const char *title);
void kh_print_document_pdf (KhWindow     *window,
                            const char   *path,
                            const char   *title,
                            KhExportKind  kind);

G_END_DECLS
