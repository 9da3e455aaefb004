/* kh-pdf-compose.c — a KhDocument laid out on ND30 pages: the body
 *
 * Turns the document's blocks into boxes of the flow (kh-pdf-layout.c)
 * with the decree's typography: 14 pt body, justified, first-line
 * indent 1.27 cm, 6 pt between paragraphs, the chosen line spacing.
 * The header, title and closing block are in kh-pdf-nd30.c.
 *
 * Every text passes kh_pdf_composer_prepare() first: normalised to NFC,
 * and refused, with the character and the place named, when the font
 * or libharu cannot draw it — never dropped silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-pdf-compose"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-pdf-compose-private.h"
#include "kh-text.h"

/* Table cells: a size smaller than the body, single spaced. */
#define CELL_SIZE    13.0
#define CELL_PAD_X   4.0
#define CELL_PAD_Y   2.0
#define BORDER_WIDTH 0.5

static double
measure_cb (gpointer    data,
            KhPdfStyle  style,
            double      size,
            const char *text,
            gssize      len)
{
  return kh_pdf_fonts_measure (data, style, size, text, len);
}

KhPdfLineStyle
kh_pdf_composer_style (KhPdfComposer *c,
                       KhPdfStyle     style,
                       double         size,
                       double         width,
                       KhPdfAlign     align)
{
  KhPdfLineStyle line_style = {
    measure_cb, (gpointer) c->fonts, style, size, width, 0, 0, align,
  };

  return line_style;
}

double
kh_pdf_composer_measure (KhPdfComposer *c,
                         KhPdfStyle     style,
                         double         size,
                         const char    *text)
{
  return kh_pdf_fonts_measure (c->fonts, style, size, text, -1);
}

/* "block 12 (“Tuyên truyền cải cách hành…”)": enough to find it. */
static char *
describe_block (guint       block,
                const char *text)
{
  g_autofree char *start = NULL;
  const char *end = text;
  guint words = 0;

  while (*end != '\0' && words < 6 && g_utf8_pointer_to_offset (text, end) < 40)
    {
      end = g_utf8_next_char (end);
      if (*end == ' ' || *end == '\n')
        words++;
    }
  start = g_strndup (text, end - text);

  /* Translators: %u is a block number, %s its first words */
  return g_strdup_printf (_("block %u (“%s%s”)"), block + 1, start,
                          *end != '\0' ? "…" : "");
}

char *
kh_pdf_composer_prepare (KhPdfComposer  *c,
                         const char     *text,
                         KhPdfStyle      style,
                         const char     *where,
                         GError        **error)
{
  g_autofree char *clean = kh_text_normalize (text);

  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      g_autofree char *place = NULL;
      char utf8[8] = { 0 };

      if (ch == '\n' || ch == '\t' || kh_pdf_fonts_has_char (c->fonts, style, ch))
        continue;

      {
        g_autofree char *block = where != NULL ? g_strdup (where) : describe_block (c->block, clean);

        /* Translators: where a character is, and its position there (1 is the first) */
        place = g_strdup_printf (_("%s at position %ld"), block, g_utf8_pointer_to_offset (clean, p) + 1);
      }
      g_unichar_to_utf8 (ch, utf8);
      if (ch > 0xFFFF)
        g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_UNSUPPORTED_CHAR,
                     /* Translators: a character, its code, and where it is */
                     _("The character “%s” (U+%04X) in %s cannot be printed: "
                       "the PDF library draws no characters beyond U+FFFF, "
                       "such as emoji. Remove or replace it."),
                     utf8, ch, place);
      else
        g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_UNSUPPORTED_CHAR,
                     /* Translators: a character, its code, where it is, and a font */
                     _("The character “%s” (U+%04X) in %s cannot be printed: "
                       "the font %s has no such character. Remove or replace it."),
                     utf8, ch, place, kh_pdf_fonts_get_family (c->fonts));
      return NULL;
    }

  return g_steal_pointer (&clean);
}

static double
body_pitch (KhPdfComposer *c,
            double         size)
{
  return size * KH_PDF_SINGLE_LINE * c->spacing;
}

/* A justified paragraph with the first-line indent; a heading keeps
 * all its lines together and with what follows. */
static gboolean
add_paragraph (KhPdfComposer  *c,
               const char     *raw,
               KhPdfStyle      style,
               const char     *prefix,
               gboolean        heading,
               GError        **error)
{
  g_autofree char *joined = g_strconcat (prefix, raw, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  KhPdfLineStyle line_style;
  guint first_box;

  /* An empty part or paragraph leaves no trace, not an empty line. */
  if (kh_text_is_blank (raw))
    return TRUE;
  text = kh_pdf_composer_prepare (c, joined, style, NULL, error);
  if (text == NULL)
    return FALSE;

  line_style = kh_pdf_composer_style (c, style, KH_PDF_BODY_SIZE, c->width,
                                      KH_PDF_ALIGN_JUSTIFY);
  line_style.first_indent = KH_PDF_INDENT;
  lines = kh_pdf_break_lines (&line_style, text);

  first_box = kh_pdf_flow_get_n_boxes (c->flow);
  kh_pdf_flow_add_lines (c->flow, lines, &line_style, c->x0,
                         body_pitch (c, KH_PDF_BODY_SIZE), KH_PDF_PARA_SPACE);

  if (heading)
    {
      for (guint i = first_box + 1; i < kh_pdf_flow_get_n_boxes (c->flow); i++)
        kh_pdf_flow_get_box (c->flow, i)->keep_with_prev = TRUE;
      kh_pdf_flow_keep_next (c->flow, 2);
    }

  return TRUE;
}

/* Draws lines [first, last) of each cell of @cells into one box. */
static void
add_row_part (KhPdfComposer       *c,
              const KhDocumentBlock *table,
              GPtrArray           *cells,
              KhPdfLineStyle      *styles,
              guint                first,
              guint                last,
              double               pitch,
              gboolean             header,
              int                  header_box)
{
  KhPdfBox *box;
  double height = (last - first) * pitch + 2 * CELL_PAD_Y;
  double x = c->x0;

  box = kh_pdf_flow_add_box (c->flow, height, 0);
  if (!header)
    box->repeat = header_box;

  for (guint col = 0; col < table->n_columns; col++)
    {
      GPtrArray *lines = g_ptr_array_index (cells, col);
      double w = table->column_widths[col] * c->width;
      g_autoptr(GPtrArray) part = g_ptr_array_new ();

      for (guint i = first; i < MIN (last, lines->len); i++)
        g_ptr_array_add (part, g_ptr_array_index (lines, i));

      kh_pdf_box_add_rect (box, x, 0, w, height, BORDER_WIDTH);
      kh_pdf_box_add_lines (box, part, &styles[col], x + CELL_PAD_X, CELL_PAD_Y, pitch);
      x += w;
    }
}

/* Rows never split, unless one is taller than a page: then it is cut
 * into page-high parts rather than run off the page. */
static gboolean
add_table (KhPdfComposer          *c,
           const KhDocumentBlock  *table,
           GError                **error)
{
  double pitch = CELL_SIZE * KH_PDF_SINGLE_LINE;
  double page = c->geometry.height - c->geometry.top - c->geometry.bottom;
  guint per_part = MAX (1, (guint) ((page - 2 * CELL_PAD_Y) / pitch) - 2);
  g_autofree KhPdfLineStyle *styles = g_new (KhPdfLineStyle, table->n_columns);
  int header_box = -1;

  for (guint row = 0; row < table->rows->len; row++)
    {
      char **cells = g_ptr_array_index (table->rows, row);
      g_autoptr(GPtrArray) broken = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      gboolean header = row == 0;
      guint n_lines = 1;

      for (guint col = 0; col < table->n_columns; col++)
        {
          g_autofree char *text = NULL;
          double w = table->column_widths[col] * c->width - 2 * CELL_PAD_X;

          styles[col] = kh_pdf_composer_style (c, header ? KH_PDF_BOLD : KH_PDF_REGULAR,
                                               CELL_SIZE, MAX (w, CELL_SIZE),
                                               header ? KH_PDF_ALIGN_CENTER : KH_PDF_ALIGN_LEFT);
          text = kh_pdf_composer_prepare (c, cells[col], styles[col].style, NULL, error);
          if (text == NULL)
            return FALSE;
          g_ptr_array_add (broken, kh_pdf_break_lines (&styles[col], text));
          n_lines = MAX (n_lines, ((GPtrArray *) g_ptr_array_index (broken, col))->len);
        }

      for (guint first = 0; first < n_lines; first += per_part)
        {
          guint start = kh_pdf_flow_get_n_boxes (c->flow);

          add_row_part (c, table, broken, styles, first, MIN (first + per_part, n_lines),
                        pitch, header, header_box);
          if (header && first == 0)
            {
              header_box = start;
              kh_pdf_flow_get_box (c->flow, start)->space_before = KH_PDF_PARA_SPACE;
              kh_pdf_flow_keep_next (c->flow, 1);
            }
        }
    }

  return TRUE;
}

static gboolean
png_size (GBytes *png,
          guint  *width,
          guint  *height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (png, &length);

  if (length < 24 || memcmp (data, signature, sizeof signature) != 0 ||
      memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;

  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];

  return *width > 0 && *height > 0;
}

static gboolean
add_image (KhPdfComposer          *c,
           const KhDocumentBlock  *block,
           GError                **error)
{
  double page = c->geometry.height - c->geometry.top - c->geometry.bottom;
  guint pw = 0, ph = 0;
  double w, h;
  KhPdfBox *box;

  if (!png_size (block->png, &pw, &ph))
    {
      g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_INVALID_DOCUMENT,
                   _("The image in block %u is not a PNG image."), c->block + 1);
      return FALSE;
    }

  w = block->width_mm > 0 ? MIN (block->width_mm * KH_PDF_MM, c->width) : c->width;
  h = w * ph / pw;
  if (h > page - KH_PDF_PARA_SPACE)
    {
      w *= (page - KH_PDF_PARA_SPACE) / h;
      h = page - KH_PDF_PARA_SPACE;
    }

  box = kh_pdf_flow_add_box (c->flow, h, KH_PDF_PARA_SPACE);
  kh_pdf_box_add_image (box, block->png, c->x0 + (c->width - w) / 2, 0, w, h);

  return TRUE;
}

static gboolean
add_block (KhPdfComposer          *c,
           const KhDocumentBlock  *block,
           GError                **error)
{
  switch (block->kind)
    {
    case KH_DOCUMENT_BLOCK_LEGAL_BASIS:
      return add_paragraph (c, block->text, KH_PDF_ITALIC, "", FALSE, error);
    case KH_DOCUMENT_BLOCK_HEADING:
      return add_paragraph (c, block->text, block->level >= 3 ? KH_PDF_ITALIC : KH_PDF_BOLD,
                            "", TRUE, error);
    case KH_DOCUMENT_BLOCK_PARAGRAPH:
      return add_paragraph (c, block->text, KH_PDF_REGULAR, "", FALSE, error);
    case KH_DOCUMENT_BLOCK_BULLET:
      return add_paragraph (c, block->text, KH_PDF_REGULAR, "- ", FALSE, error);
    case KH_DOCUMENT_BLOCK_TABLE:
      return add_table (c, block, error);
    case KH_DOCUMENT_BLOCK_IMAGE:
      return add_image (c, block, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

KhPdfLayout *
kh_pdf_compose (const KhDocument   *doc,
                const KhPdfOptions *options,
                const KhPdfFonts   *fonts,
                GError            **error)
{
  g_autoptr(KhPdfFlow) flow = NULL;
  g_autoptr(KhPdfLayout) layout = NULL;
  KhPdfOptions defaults;
  KhPdfComposer c = { 0 };

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (fonts != NULL, NULL);

  if (options == NULL)
    {
      kh_pdf_options_init (&defaults);
      options = &defaults;
    }
  if (!kh_pdf_options_validate (options, error))
    return NULL;

  c.doc = doc;
  c.fonts = fonts;
  c.geometry.width = KH_PDF_A4_WIDTH;
  c.geometry.height = KH_PDF_A4_HEIGHT;
  c.geometry.top = options->margin_top * KH_PDF_MM;
  c.geometry.bottom = options->margin_bottom * KH_PDF_MM;
  c.geometry.left = options->margin_left * KH_PDF_MM;
  c.geometry.right = options->margin_right * KH_PDF_MM;
  c.x0 = c.geometry.left;
  c.width = c.geometry.width - c.geometry.left - c.geometry.right;
  c.spacing = options->line_spacing;

  flow = kh_pdf_flow_new (&c.geometry);
  c.flow = flow;

  if (!kh_pdf_compose_header (&c, error) || !kh_pdf_compose_title (&c, error))
    return NULL;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      c.block = i;
      kh_pdf_flow_set_block (flow, i);
      if (!add_block (&c, g_ptr_array_index (doc->blocks, i), error))
        return NULL;
    }

  c.block = doc->blocks->len;
  kh_pdf_flow_set_block (flow, c.block);
  if (!kh_pdf_compose_closing (&c, error))
    return NULL;

  layout = kh_pdf_flow_paginate (flow);
  if (!kh_pdf_compose_page_marks (&c, layout, error))
    return NULL;

  return g_steal_pointer (&layout);
}
