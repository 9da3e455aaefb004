/* fuzz-layout.c — libFuzzer target: line breaking, justification and
 * pagination with the real Liberation Serif metrics
 *
 * The first HEADER bytes choose the box (width, indents), the font
 * (size, style), the alignment and the page; the rest is the text, fed
 * as it comes when it is valid UTF-8 (not normalised, control
 * characters and all) and as bytes otherwise. Values include zero,
 * negative, huge, infinite and NaN ones: the engine must not crash or
 * loop on them, and must keep its promises whenever they are sane.
 *
 * Violations abort() so that libFuzzer keeps the input. Nothing is
 * written to disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kh-pdf-layout.h"
#include "kh-pdf-lines.h"

#define HEADER    10
#define MAX_TEXT  4096  /* the breaker re-measures a long word's rest per cut */
#define EPS       0.01

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const KhPdfFonts *fonts;

G_NORETURN static void
fail (const char *what,
      const char *text)
{
  fprintf (stderr, "fuzz-layout: %s\n  text: \"%s\"\n", what, text);
  abort ();
}

static double
measure (gpointer    data,
         KhPdfStyle  style,
         double      size,
         const char *text,
         gssize      len)
{
  return kh_pdf_fonts_measure (fonts, style, size, text, len);
}

/* Two bytes to a length: mostly 0–2047.97 pt in 1/32 steps, sometimes
 * a value the API was never meant to get. */
static double
length_of (const guint8 *p)
{
  static const double odd[] = {
    0.0, -0.0, -1.0, -1e9, 1e9, 1e300, -1e300, INFINITY, -INFINITY, NAN,
    DBL_MIN, DBL_MAX, -DBL_MAX, 1e-300, 0.001, 0.5,
  };
  guint v = (p[0] << 8) | p[1];

  if (v & 0x8000)
    return odd[v % G_N_ELEMENTS (odd)];

  return v / 32.0;
}

static gboolean
sane (double v,
      double lo,
      double hi)
{
  return isfinite (v) && v >= lo && v <= hi;
}

/* Word characters of @text, blanks and line ends removed: what the
 * runs of all lines must hold between them, in order. */
static char *
strip_breaks (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static void
check_lines (const KhPdfLineStyle *style,
             GPtrArray            *lines,
             const char           *text,
             gboolean              balanced)
{
  g_autofree char *expected = strip_breaks (text);
  g_autofree char *all = NULL;
  GString *runs = g_string_new (NULL);
  gboolean geometry = sane (style->size, 0.01, 1e4) && sane (style->width, -1e5, 1e5) &&
                      sane (style->first_indent, 0, 1e5) && sane (style->rest_indent, 0, 1e5);

  for (guint i = 0; i < lines->len; i++)
    {
      const KhPdfLine *line = g_ptr_array_index (lines, i);
      const KhPdfRun *first = NULL;
      gboolean one_char;

      if (line->runs->len == 0)
        fail ("a line without runs", text);
      first = &g_array_index (line->runs, KhPdfRun, 0);
      one_char = line->runs->len == 1 && g_utf8_strlen (first->text, -1) == 1;

      for (guint j = 0; j < line->runs->len; j++)
        {
          const KhPdfRun *run = &g_array_index (line->runs, KhPdfRun, j);

          if (*run->text == '\0' || !g_utf8_validate (run->text, -1, NULL))
            fail ("an empty or invalid run", text);
          g_string_append (runs, run->text);

          if (!geometry)
            continue;
          if (j > 0)
            {
              const KhPdfRun *prev = &g_array_index (line->runs, KhPdfRun, j - 1);

              if (prev->x + prev->width > run->x + EPS)
                fail ("runs overlap or go backwards", text);
            }
        }

      if (!geometry)
        continue;

      /* Only a character wider than the line may stick out of it. */
      if (!one_char && kh_pdf_line_get_end (line) > style->width + EPS)
        fail ("a line is wider than the box", text);
      if (!one_char && !balanced && style->align != KH_PDF_ALIGN_CENTER &&
          style->align != KH_PDF_ALIGN_RIGHT &&
          first->x < (i == 0 ? style->first_indent : style->rest_indent) - EPS)
        fail ("a line starts before its indent", text);
      if (line->justified &&
          fabs (kh_pdf_line_get_end (line) - style->width) > EPS)
        fail ("a justified line misses the right edge", text);
    }

  if (strcmp (runs->str, expected) != 0)
    fail ("characters lost, added or reordered", text);
  g_string_free (runs, TRUE);

  all = kh_pdf_lines_get_text (lines);
  if (!g_utf8_validate (all, -1, NULL))
    fail ("the text of the lines is not UTF-8", text);
}

/* Every box placed once and in order, a repeated header at most once
 * a page, and nothing below the bottom margin but a box alone on its
 * page. Each box is tagged with a marker line of width = index + 1. */
static void
check_pages (KhPdfFlow   *flow,
             KhPdfLayout *layout,
             int          header,
             double       pitch,
             const char  *text)
{
  const KhPdfGeometry *g = &layout->geometry;
  double avail = g->height - g->top - g->bottom;
  gboolean geometry = sane (g->height, 0, 1e6) && sane (g->top, 0, 1e6) &&
                      sane (g->bottom, 0, 1e6) && avail > 0 && sane (pitch, 0, 1e6);
  guint n_boxes = kh_pdf_flow_get_n_boxes (flow);
  guint next = 0;

  if (layout->pages->len == 0 || layout->pages->len > MAX (n_boxes, 1))
    fail ("no page, or more pages than boxes", text);

  for (guint p = 0; p < layout->pages->len; p++)
    {
      GArray *ops = g_ptr_array_index (layout->pages, p);
      guint on_page = 0;
      guint headers = 0;
      gboolean own = FALSE;  /* the page holds one of its own boxes yet */

      for (guint i = 0; i < ops->len; i++)
        {
          const KhPdfOp *op = &g_array_index (ops, KhPdfOp, i);
          guint index;
          const KhPdfBox *box;

          if (op->kind != KH_PDF_OP_LINE)
            continue;
          index = (guint) op->line_width - 1;
          if (index >= n_boxes)
            fail ("a marker of no box", text);
          box = kh_pdf_flow_get_box (flow, index);

          if ((int) index == header && index != next)
            {
              if (++headers > 1 || on_page > 0)
                fail ("a header repeated twice or not at the top", text);
            }
          else if (index != next)
            fail ("a box lost, doubled or out of order", text);
          else
            next++;

          /* The first box of a page is placed whatever its height. */
          if (geometry && own &&
              op->y + box->height > g->top + avail + 0.01 + EPS)
            fail ("a box runs below the bottom margin", text);
          if (geometry && op->y < g->top - EPS)
            fail ("a box starts above the top margin", text);
          if ((int) index != header || on_page > 0)
            own = TRUE;
          on_page++;
        }

      if (n_boxes > 0 && on_page == 0)
        fail ("an empty page", text);
    }

  if (next != n_boxes)
    fail ("boxes missing from the pages", text);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fonts = kh_pdf_fonts_get (NULL, &error);
  if (fonts == NULL)
    {
      fprintf (stderr, "fuzz-layout: %s\n", error->message);
      exit (1);
    }

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  guint8 header[HEADER] = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(KhPdfFlow) flow = NULL;
  g_autoptr(KhPdfLayout) layout = NULL;
  KhPdfLineStyle style;
  KhPdfGeometry geometry;
  gboolean balanced;
  double pitch;
  int header_box = -1;

  memcpy (header, data, MIN (size, HEADER));
  if (size > HEADER)
    text = g_strndup ((const char *) data + HEADER, MIN (size - HEADER, MAX_TEXT));
  else
    text = g_strdup ("");

  style.measure = measure;
  style.measure_data = NULL;
  style.align = header[0] & 3;
  style.style = (header[0] >> 2) & 3;
  balanced = (header[0] >> 4) & 1;
  style.width = length_of (header + 1);
  style.size = length_of (header + 3) / 16;
  style.first_indent = (header[5] & 0x80) ? length_of (header + 5) : header[5];
  style.rest_indent = (header[6] & 0x80) ? -header[6] : header[6] / 4.0;

  lines = balanced ? kh_pdf_break_lines_balanced (&style, text)
                   : kh_pdf_break_lines (&style, text);
  if (g_utf8_validate (text, -1, NULL))
    check_lines (&style, lines, text, balanced);
  else
    {
      /* Bytes that are not UTF-8 must not be read past; what they
       * become is the engine's choice. */
      g_autofree char *all = kh_pdf_lines_get_text (lines);

      if (!g_utf8_validate (all, -1, NULL))
        fail ("invalid input gave invalid lines", text);
    }

  /* A page from A4 down to a few lines, or an odd one. */
  geometry.width = KH_PDF_A4_WIDTH;
  geometry.height = (header[7] & 0x80) ? length_of (header + 7) : 20 + header[8] * 4;
  geometry.top = (header[9] & 0xf) * 4;
  geometry.bottom = (header[9] >> 4) * 4;
  geometry.left = geometry.right = 20;
  pitch = (header[0] & 0x20) ? style.size * 1.2 : (header[8] & 0x3f) + 0.5;

  flow = kh_pdf_flow_new (&geometry);
  /* Sometimes a table: a header row repeated on every page. */
  if (header[0] & 0x40)
    {
      KhPdfBox *box = kh_pdf_flow_add_box (flow, pitch * 2, 6);

      kh_pdf_box_add_text (box, KH_PDF_BOLD, 12, 0, 0, "TT");
      header_box = 0;
      kh_pdf_flow_keep_next (flow, 1);
    }
  if (header[0] & 0x80)
    kh_pdf_flow_keep_next (flow, header[8] >> 6);
  kh_pdf_flow_add_lines (flow, lines, &style, geometry.left, pitch, header[7] & 0x7f);

  for (guint i = 0; i < kh_pdf_flow_get_n_boxes (flow); i++)
    {
      KhPdfBox *box = kh_pdf_flow_get_box (flow, i);

      if (header_box >= 0 && i > 0)
        box->repeat = header_box;
      kh_pdf_box_add_line (box, 0, 0, 0, 0, i + 1);
    }

  layout = kh_pdf_flow_paginate (flow);
  check_pages (flow, layout, header_box, pitch, text);

  return 0;
}
