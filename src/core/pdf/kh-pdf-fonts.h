/* kh-pdf-fonts.h — the four faces of the document font, their metrics,
 * and their subsets embedded into libharu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <hb.h>
#include <hpdf.h>

G_BEGIN_DECLS

/* Times New Roman's metric twin, in Debian's fonts-liberation2. */
#define KH_PDF_DEFAULT_FAMILY "Liberation Serif"

typedef enum
{
  KH_PDF_REGULAR,
  KH_PDF_BOLD,
  KH_PDF_ITALIC,
  KH_PDF_BOLD_ITALIC,
  KH_PDF_N_STYLES
} KhPdfStyle;

typedef struct _KhPdfFonts KhPdfFonts;

const KhPdfFonts *kh_pdf_fonts_get        (const char        *family,
                                           GError           **error);
const char       *kh_pdf_fonts_get_family (const KhPdfFonts  *fonts);
const char       *kh_pdf_fonts_get_path   (const KhPdfFonts  *fonts,
                                           KhPdfStyle         style);
gboolean          kh_pdf_fonts_has_char   (const KhPdfFonts  *fonts,
                                           KhPdfStyle         style,
                                           gunichar           c);
double            kh_pdf_fonts_measure    (const KhPdfFonts  *fonts,
                                           KhPdfStyle         style,
                                           double             size,
                                           const char        *text,
                                           gssize             len);
GBytes           *kh_pdf_fonts_subset     (const KhPdfFonts  *fonts,
                                           KhPdfStyle         style,
                                           hb_set_t          *chars,
                                           GError           **error);
HPDF_Font         kh_pdf_fonts_embed      (const KhPdfFonts  *fonts,
                                           HPDF_Doc           pdf,
                                           KhPdfStyle         style,
                                           hb_set_t          *chars,
                                           GError           **error);

G_END_DECLS
