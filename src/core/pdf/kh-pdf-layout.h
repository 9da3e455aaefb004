/* kh-pdf-layout.h — boxes stacked down the page and broken into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kh-pdf-lines.h"

G_BEGIN_DECLS

#define KH_PDF_MM             (72.0 / 25.4)
#define KH_PDF_A4_WIDTH       (210.0 * KH_PDF_MM)
#define KH_PDF_A4_HEIGHT      (297.0 * KH_PDF_MM)

typedef enum
{
  KH_PDF_OP_TEXT,   /* x, y: start of the baseline */
  KH_PDF_OP_LINE,   /* from x, y to x + w, y + h */
  KH_PDF_OP_RECT,   /* stroked; x, y: top left corner */
  KH_PDF_OP_IMAGE,  /* a PNG; x, y: top left corner */
} KhPdfOpKind;

/* One thing to draw. Coordinates are points from the top left corner
 * of the page, y growing downwards, as pdftotext reports them. */
typedef struct
{
  KhPdfOpKind  kind;
  KhPdfStyle   style;
  double       size;
  double       x, y, w, h;
  double       line_width;
  char        *text;
  GBytes      *png;
} KhPdfOp;

/* A box that is never split: a line of text, a table row, the header.
 * x is absolute, y of its ops relative to the box's top. */
typedef struct
{
  double    height;
  double    space_before;    /* dropped at the top of a page */
  gboolean  keep_with_prev;  /* no page break before it */
  int       repeat;          /* index of a table header row to repeat
                              * when it starts a page, or -1 */
  guint     block;           /* the document block it comes from */
  GArray   *ops;             /* of KhPdfOp */
} KhPdfBox;

typedef struct
{
  double width, height;               /* of the page, pt */
  double top, bottom, left, right;    /* margins, pt */
} KhPdfGeometry;

typedef struct _KhPdfFlow KhPdfFlow;

typedef struct
{
  KhPdfGeometry  geometry;
  GPtrArray     *pages;  /* of GArray of KhPdfOp */
} KhPdfLayout;

KhPdfFlow   *kh_pdf_flow_new             (const KhPdfGeometry  *geometry);
void         kh_pdf_flow_free            (KhPdfFlow            *flow);
KhPdfBox    *kh_pdf_flow_add_box         (KhPdfFlow            *flow,
                                          double                height,
                                          double                space_before);
KhPdfBox    *kh_pdf_flow_get_box         (KhPdfFlow            *flow,
                                          guint                 index);
guint        kh_pdf_flow_get_n_boxes     (KhPdfFlow            *flow);
void         kh_pdf_flow_set_block       (KhPdfFlow            *flow,
                                          guint                 block);
void         kh_pdf_flow_keep_next       (KhPdfFlow            *flow,
                                          guint                 n_boxes);
void         kh_pdf_flow_add_lines       (KhPdfFlow            *flow,
                                          GPtrArray            *lines,
                                          const KhPdfLineStyle *style,
                                          double                x,
                                          double                pitch,
                                          double                space_before);
KhPdfLayout *kh_pdf_flow_paginate        (KhPdfFlow            *flow);

void         kh_pdf_box_add_text         (KhPdfBox             *box,
                                          KhPdfStyle            style,
                                          double                size,
                                          double                x,
                                          double                y,
                                          const char           *text);
void         kh_pdf_box_add_lines        (KhPdfBox             *box,
                                          GPtrArray            *lines,
                                          const KhPdfLineStyle *style,
                                          double                x,
                                          double                y,
                                          double                pitch);
void         kh_pdf_box_add_line         (KhPdfBox             *box,
                                          double                x1,
                                          double                y1,
                                          double                x2,
                                          double                y2,
                                          double                width);
void         kh_pdf_box_add_rect         (KhPdfBox             *box,
                                          double                x,
                                          double                y,
                                          double                w,
                                          double                h,
                                          double                line_width);
void         kh_pdf_box_add_image        (KhPdfBox             *box,
                                          GBytes               *png,
                                          double                x,
                                          double                y,
                                          double                w,
                                          double                h);

GArray      *kh_pdf_ops_new              (void);
void         kh_pdf_ops_add_copy         (GArray               *ops,
                                          const KhPdfOp        *op,
                                          double                dy);
void         kh_pdf_layout_free          (KhPdfLayout          *layout);

double       kh_pdf_baseline_offset      (double                size,
                                          double                pitch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPdfFlow, kh_pdf_flow_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPdfLayout, kh_pdf_layout_free)

G_END_DECLS
