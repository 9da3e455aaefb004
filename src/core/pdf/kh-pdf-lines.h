/* kh-pdf-lines.h — breaking text into lines and placing its words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kh-pdf-fonts.h"

G_BEGIN_DECLS

/* Returns the width in points of @len bytes of UTF-8 @text. */
typedef double (*KhPdfMeasureFunc) (gpointer     data,
                                    KhPdfStyle   style,
                                    double       size,
                                    const char  *text,
                                    gssize       len);

typedef enum
{
  KH_PDF_ALIGN_LEFT,
  KH_PDF_ALIGN_CENTER,
  KH_PDF_ALIGN_RIGHT,
  KH_PDF_ALIGN_JUSTIFY,  /* the last line of a paragraph stays left */
} KhPdfAlign;

typedef struct
{
  KhPdfMeasureFunc  measure;
  gpointer          measure_data;
  KhPdfStyle        style;
  double            size;          /* pt */
  double            width;         /* of the box, pt */
  double            first_indent;  /* of the first line, pt */
  double            rest_indent;   /* of the others */
  KhPdfAlign        align;
} KhPdfLineStyle;

typedef struct
{
  char   *text;   /* one word, or the part of one that fits */
  double  x;      /* from the left edge of the box, pt */
  double  width;
} KhPdfRun;

typedef struct
{
  GArray *runs;             /* of KhPdfRun */
  guint   last : 1;         /* ends the paragraph or a "\n": not stretched */
  guint   justified : 1;    /* stretched to the full width */
  guint   joined_next : 1;  /* broke inside a word: no space before the next line */
} KhPdfLine;

GPtrArray *kh_pdf_break_lines          (const KhPdfLineStyle *style,
                                        const char           *text);
GPtrArray *kh_pdf_break_lines_balanced (const KhPdfLineStyle *style,
                                        const char           *text);
double     kh_pdf_line_get_end         (const KhPdfLine      *line);
char      *kh_pdf_line_get_text        (const KhPdfLine      *line);
char      *kh_pdf_lines_get_text       (GPtrArray            *lines);
double     kh_pdf_lines_get_width      (GPtrArray            *lines);

G_END_DECLS
