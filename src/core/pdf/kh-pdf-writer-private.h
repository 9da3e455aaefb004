/* kh-pdf-writer-private.h — drawing a laid-out document with libharu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-pdf-fonts.h"
#include "kh-pdf-layout.h"
#include "kh-pdf-writer.h"

G_BEGIN_DECLS

GBytes *kh_pdf_render_layout (const KhPdfLayout  *layout,
                              const KhPdfFonts   *fonts,
                              const char         *title,
                              const char         *author,
                              GError            **error);

G_END_DECLS
