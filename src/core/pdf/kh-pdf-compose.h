/* kh-pdf-compose.h — a KhDocument laid out on ND30 pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kh-document.h"
#include "kh-pdf-layout.h"
#include "kh-pdf-writer.h"

G_BEGIN_DECLS

KhPdfLayout *kh_pdf_compose (const KhDocument   *doc,
                             const KhPdfOptions *options,
                             const KhPdfFonts   *fonts,
                             GError            **error);

G_END_DECLS
