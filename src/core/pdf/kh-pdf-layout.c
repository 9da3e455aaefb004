/* kh-pdf-layout.c — boxes stacked down the page and broken into pages
 *
 * The document becomes a flow of boxes that are never split: one per
 * line of text, per table row, and whole ones for the header and the
 * closing block. A box marked keep_with_prev may not start a page; that
 * one flag carries every rule:
 *
 *  - no single line of a paragraph alone at the bottom (orphan) or the
 *    top (widow) of a page: lines 2 and n keep with the line before;
 *  - a heading keeps with what follows it (at least two lines);
 *  - the closing block keeps with the last two lines above it;
 *  - a table's first row keeps with its header row.
 *
 * Pagination is greedy: boxes are placed until one does not fit, then
 * the page ends at the last box before it that may start a page. If
 * none may (a box chain taller than a page), the page breaks where it
 * is: the rules give way rather than the text overflow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-pdf-layout"

#include "config.h"

#include "kh-pdf-layout.h"

/* Liberation Serif's ascender and descender, in em (hhea). */
#define ASCENT  0.891
#define DESCENT 0.216

struct _KhPdfFlow
{
  KhPdfGeometry  geometry;
  GPtrArray     *boxes;      /* of KhPdfBox */
  guint          keep_next;  /* boxes still to keep with the one before */
  guint          block;
};

typedef struct
{
  guint  box;    /* its index in the flow */
  guint  owner;  /* the box it was placed for (a repeated header's row) */
  double y;      /* from the top of the text area */
} Placement;

static void
op_clear (gpointer data)
{
  KhPdfOp *op = data;

  g_free (op->text);
  g_clear_pointer (&op->png, g_bytes_unref);
}

GArray *
kh_pdf_ops_new (void)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (KhPdfOp));

  g_array_set_clear_func (ops, op_clear);
  return ops;
}

void
kh_pdf_ops_add_copy (GArray        *ops,
                     const KhPdfOp *op,
                     double         dy)
{
  KhPdfOp copy = *op;

  copy.y += dy;
  copy.text = g_strdup (op->text);
  copy.png = op->png != NULL ? g_bytes_ref (op->png) : NULL;
  g_array_append_val (ops, copy);
}

static void
box_free (gpointer data)
{
  KhPdfBox *box = data;

  g_array_unref (box->ops);
  g_free (box);
}

/* Where the baseline sits in a line @pitch high: the extra leading
 * shared above and below the glyphs. */
double
kh_pdf_baseline_offset (double size,
                        double pitch)
{
  return (pitch - (ASCENT + DESCENT) * size) / 2 + ASCENT * size;
}

KhPdfFlow *
kh_pdf_flow_new (const KhPdfGeometry *geometry)
{
  KhPdfFlow *flow = g_new0 (KhPdfFlow, 1);

  flow->geometry = *geometry;
  flow->boxes = g_ptr_array_new_with_free_func (box_free);

  return flow;
}

void
kh_pdf_flow_free (KhPdfFlow *flow)
{
  if (flow == NULL)
    return;

  g_ptr_array_unref (flow->boxes);
  g_free (flow);
}

KhPdfBox *
kh_pdf_flow_add_box (KhPdfFlow *flow,
                     double     height,
                     double     space_before)
{
  KhPdfBox *box = g_new0 (KhPdfBox, 1);

  box->height = height;
  box->space_before = space_before;
  box->repeat = -1;
  box->block = flow->block;
  box->ops = kh_pdf_ops_new ();
  if (flow->keep_next > 0)
    {
      box->keep_with_prev = TRUE;
      flow->keep_next--;
    }
  g_ptr_array_add (flow->boxes, box);

  return box;
}

KhPdfBox *
kh_pdf_flow_get_box (KhPdfFlow *flow,
                     guint      index)
{
  g_return_val_if_fail (index < flow->boxes->len, NULL);

  return g_ptr_array_index (flow->boxes, index);
}

guint
kh_pdf_flow_get_n_boxes (KhPdfFlow *flow)
{
  return flow->boxes->len;
}

/* Boxes added from now on come from document block @block (for error
 * messages and tests). */
void
kh_pdf_flow_set_block (KhPdfFlow *flow,
                       guint      block)
{
  flow->block = block;
}

/* The next @n_boxes boxes added keep with the one before them. */
void
kh_pdf_flow_keep_next (KhPdfFlow *flow,
                       guint      n_boxes)
{
  flow->keep_next = MAX (flow->keep_next, n_boxes);
}

void
kh_pdf_box_add_text (KhPdfBox   *box,
                     KhPdfStyle  style,
                     double      size,
                     double      x,
                     double      y,
                     const char *text)
{
  KhPdfOp op = { KH_PDF_OP_TEXT, style, size, x, y, 0, 0, 0, NULL, NULL };

  op.text = g_strdup (text);
  g_array_append_val (box->ops, op);
}

/* Draws @lines (broken with @style) into one box, the top of the first
 * line at @y. */
void
kh_pdf_box_add_lines (KhPdfBox             *box,
                      GPtrArray            *lines,
                      const KhPdfLineStyle *style,
                      double                x,
                      double                y,
                      double                pitch)
{
  double baseline = y + kh_pdf_baseline_offset (style->size, pitch);

  for (guint i = 0; i < lines->len; i++, baseline += pitch)
    {
      const KhPdfLine *line = g_ptr_array_index (lines, i);

      /* Words of a line that is not stretched sit one space apart:
       * drawn as one string, the page holds a third fewer operators. */
      if (!line->justified && line->runs->len > 0)
        {
          g_autofree char *text = kh_pdf_line_get_text (line);

          kh_pdf_box_add_text (box, style->style, style->size,
                               x + g_array_index (line->runs, KhPdfRun, 0).x,
                               baseline, text);
          continue;
        }

      for (guint j = 0; j < line->runs->len; j++)
        {
          const KhPdfRun *run = &g_array_index (line->runs, KhPdfRun, j);

          kh_pdf_box_add_text (box, style->style, style->size,
                               x + run->x, baseline, run->text);
        }
    }
}

void
kh_pdf_box_add_line (KhPdfBox *box,
                     double    x1,
                     double    y1,
                     double    x2,
                     double    y2,
                     double    width)
{
  KhPdfOp op = { KH_PDF_OP_LINE, 0, 0, x1, y1, x2 - x1, y2 - y1, width, NULL, NULL };

  g_array_append_val (box->ops, op);
}

void
kh_pdf_box_add_rect (KhPdfBox *box,
                     double    x,
                     double    y,
                     double    w,
                     double    h,
                     double    line_width)
{
  KhPdfOp op = { KH_PDF_OP_RECT, 0, 0, x, y, w, h, line_width, NULL, NULL };

  g_array_append_val (box->ops, op);
}

void
kh_pdf_box_add_image (KhPdfBox *box,
                      GBytes   *png,
                      double    x,
                      double    y,
                      double    w,
                      double    h)
{
  KhPdfOp op = { KH_PDF_OP_IMAGE, 0, 0, x, y, w, h, 0, NULL, NULL };

  op.png = g_bytes_ref (png);
  g_array_append_val (box->ops, op);
}

/* One box per line, so a paragraph can break across pages, but never
 * leaving its first or last line alone: lines 2 and n keep with the
 * line before. A paragraph of two or three lines thus never breaks. */
void
kh_pdf_flow_add_lines (KhPdfFlow            *flow,
                       GPtrArray            *lines,
                       const KhPdfLineStyle *style,
                       double                x,
                       double                pitch,
                       double                space_before)
{
  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      KhPdfBox *box;

      box = kh_pdf_flow_add_box (flow, pitch, i == 0 ? space_before : 0);
      if (i == 1 || (i > 0 && i == lines->len - 1))
        box->keep_with_prev = TRUE;

      g_ptr_array_add (one, g_ptr_array_index (lines, i));
      kh_pdf_box_add_lines (box, one, style, x, 0, pitch);
    }
}

static void
place (GArray   *placements,
       guint     box,
       guint     owner,
       double    y)
{
  Placement p = { box, owner, y };

  g_array_append_val (placements, p);
}

static GArray *
page_ops (KhPdfFlow *flow,
          GArray    *placements)
{
  GArray *ops = kh_pdf_ops_new ();

  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *p = &g_array_index (placements, Placement, i);
      const KhPdfBox *box = g_ptr_array_index (flow->boxes, p->box);

      for (guint j = 0; j < box->ops->len; j++)
        kh_pdf_ops_add_copy (ops, &g_array_index (box->ops, KhPdfOp, j),
                             flow->geometry.top + p->y);
    }

  return ops;
}

KhPdfLayout *
kh_pdf_flow_paginate (KhPdfFlow *flow)
{
  KhPdfLayout *layout = g_new0 (KhPdfLayout, 1);
  double avail = flow->geometry.height - flow->geometry.top - flow->geometry.bottom;
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  guint page_first = 0;
  double y = 0;
  guint i = 0;

  layout->geometry = flow->geometry;
  layout->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  while (i < flow->boxes->len)
    {
      const KhPdfBox *box = g_ptr_array_index (flow->boxes, i);
      gboolean empty = placements->len == 0;
      double space = empty ? 0 : box->space_before;
      guint j;

      if (empty || y + space + box->height <= avail + 0.01)
        {
          /* A table continued on a new page gets its header again. */
          if (empty && box->repeat >= 0 && (guint) box->repeat != i)
            {
              const KhPdfBox *header = g_ptr_array_index (flow->boxes, box->repeat);

              place (placements, box->repeat, i, y);
              y += header->height;
            }
          place (placements, i, i, y + space);
          y += space + box->height;
          i++;
          continue;
        }

      /* Break before the last box of this page that may start one. */
      j = i;
      while (j > page_first &&
             ((const KhPdfBox *) g_ptr_array_index (flow->boxes, j))->keep_with_prev)
        j--;
      if (j == page_first)
        j = i;

      while (placements->len > 0 &&
             g_array_index (placements, Placement, placements->len - 1).owner >= j)
        g_array_set_size (placements, placements->len - 1);

      g_ptr_array_add (layout->pages, page_ops (flow, placements));
      g_array_set_size (placements, 0);
      page_first = j;
      i = j;
      y = 0;
    }

  if (placements->len > 0 || layout->pages->len == 0)
    g_ptr_array_add (layout->pages, page_ops (flow, placements));

  return layout;
}

void
kh_pdf_layout_free (KhPdfLayout *layout)
{
  if (layout == NULL)
    return;

  g_ptr_array_unref (layout->pages);
  g_free (layout);
}
