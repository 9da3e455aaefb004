/* kh-pdf-writer.h — a KhDocument as a signing-ready PDF (Nghị định 30)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kh-document.h"

G_BEGIN_DECLS

#define KH_PDF_ERROR (kh_pdf_error_quark ())

typedef enum
{
  KH_PDF_ERROR_FONT_MISSING,      /* the font is not installed */
  KH_PDF_ERROR_UNSUPPORTED_CHAR,  /* a character the font or libharu cannot draw */
  KH_PDF_ERROR_INVALID_OPTIONS,   /* margins or spacing outside the decree's ranges */
  KH_PDF_ERROR_INVALID_DOCUMENT,  /* e.g. an image that is not a PNG */
  KH_PDF_ERROR_LIBRARY,           /* libharu or HarfBuzz failed */
} KhPdfError;

/* The decree's ranges, in millimetres; the defaults are its samples'. */
#define KH_PDF_MARGIN_TOP_MIN      20.0
#define KH_PDF_MARGIN_TOP_MAX      25.0
#define KH_PDF_MARGIN_BOTTOM_MIN   20.0
#define KH_PDF_MARGIN_BOTTOM_MAX   25.0
#define KH_PDF_MARGIN_LEFT_MIN     30.0
#define KH_PDF_MARGIN_LEFT_MAX     35.0
#define KH_PDF_MARGIN_RIGHT_MIN    15.0
#define KH_PDF_MARGIN_RIGHT_MAX    20.0
#define KH_PDF_LINE_SPACING_MIN     1.0
#define KH_PDF_LINE_SPACING_MAX     1.5
#define KH_PDF_LINE_SPACING_DEFAULT 1.15

typedef struct
{
  double      margin_top;     /* mm */
  double      margin_bottom;
  double      margin_left;
  double      margin_right;
  double      line_spacing;   /* in single lines (1.15 em), 1.0 to 1.5 */
  const char *font_family;    /* NULL: Liberation Serif */
} KhPdfOptions;

GQuark    kh_pdf_error_quark        (void);

void      kh_pdf_options_init       (KhPdfOptions      *options);
gboolean  kh_pdf_options_validate   (const KhPdfOptions *options,
                                     GError           **error);

GBytes   *kh_pdf_render_document    (const KhDocument   *doc,
                                     const KhPdfOptions *options,
                                     GError            **error);
gboolean  kh_pdf_write_document     (const KhDocument   *doc,
                                     const KhPdfOptions *options,
                                     const char         *path,
                                     GError            **error);

G_END_DECLS
