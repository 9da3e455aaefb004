/* kh-pdf-compose-private.h — shared by the body and the ND30 frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-pdf-compose.h"

G_BEGIN_DECLS

/* Body text: 14 pt (the decree's 13–14, its samples' 14). */
#define KH_PDF_BODY_SIZE     14.0
/* A single line of Times New Roman / Liberation Serif: 1.15 em. */
#define KH_PDF_SINGLE_LINE   1.15
/* "At least 6 pt" between paragraphs. */
#define KH_PDF_PARA_SPACE    6.0
/* First-line indent, 1.27 cm. */
#define KH_PDF_INDENT        (12.7 * KH_PDF_MM)
/* The short rules under the agency and the title: 1/3 to 1/2 of the text. */
#define KH_PDF_RULE_FRACTION 0.4
#define KH_PDF_RULE_WIDTH    0.6

typedef struct
{
  const KhDocument *doc;
  const KhPdfFonts *fonts;
  KhPdfFlow        *flow;
  KhPdfGeometry     geometry;
  double            x0;       /* left edge of the text area, pt */
  double            width;    /* of the text area, pt */
  double            spacing;  /* line spacing, in single lines */
  guint             block;    /* the document block being composed */
} KhPdfComposer;

KhPdfLineStyle  kh_pdf_composer_style       (KhPdfComposer   *c,
                                             KhPdfStyle       style,
                                             double           size,
                                             double           width,
                                             KhPdfAlign       align);
double          kh_pdf_composer_measure     (KhPdfComposer   *c,
                                             KhPdfStyle       style,
                                             double           size,
                                             const char      *text);
char           *kh_pdf_composer_prepare     (KhPdfComposer   *c,
                                             const char      *text,
                                             KhPdfStyle       style,
                                             const char      *where,
                                             GError         **error);

gboolean        kh_pdf_compose_header       (KhPdfComposer   *c,
                                             GError         **error);
gboolean        kh_pdf_compose_title        (KhPdfComposer   *c,
                                             GError         **error);
gboolean        kh_pdf_compose_closing      (KhPdfComposer   *c,
                                             GError         **error);
gboolean        kh_pdf_compose_page_marks   (KhPdfComposer   *c,
                                             KhPdfLayout     *layout,
                                             GError         **error);

G_END_DECLS
