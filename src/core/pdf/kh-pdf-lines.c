/* kh-pdf-lines.c — breaking text into lines and placing its words
 *
 * libharu's own text box cannot be used for Vietnamese: it cuts inside
 * UTF-8 characters, wraps only at ASCII spaces, draws nothing for an
 * over-long word, and justifies by spreading letters. So we break lines
 * ourselves: at spaces, after a hyphen or dash inside a word, and, for a
 * word longer than the line, between characters. A justified line is
 * made by placing its words, one run each, so the spaces stretch and
 * the last word ends exactly at the right edge.
 *
 * Text is taken as NFC already (kh_text_normalize). Runs of spaces and
 * tabs count as one break; "\n" forces a line break.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-pdf-lines"

#include "config.h"

#include <string.h>

#include "kh-pdf-lines.h"

typedef struct
{
  gsize    start;         /* byte offset in the text */
  gsize    len;
  double   width;
  gboolean space_before;  /* a space separates it from the piece before */
  gboolean newline_before;
} Piece;

typedef struct
{
  const KhPdfLineStyle *style;
  const char           *text;
  GArray               *pieces;  /* of Piece */
  double                space;   /* width of one space */
  GPtrArray            *lines;
} Breaker;

static void
run_clear (gpointer data)
{
  KhPdfRun *run = data;

  g_free (run->text);
}

static void
line_free (gpointer data)
{
  KhPdfLine *line = data;

  g_array_unref (line->runs);
  g_free (line);
}

static double
measure (const Breaker *b,
         const char    *text,
         gsize          len)
{
  return b->style->measure (b->style->measure_data, b->style->style,
                            b->style->size, text, len);
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014;
}

static void
add_piece (Breaker  *b,
           gsize     start,
           gsize     end,
           gboolean  space_before,
           gboolean  newline_before)
{
  Piece piece = { start, end - start, 0, space_before, newline_before };

  piece.width = measure (b, b->text + start, end - start);
  g_array_append_val (b->pieces, piece);
}

/* Words split at blanks; a word splits again after a dash that has a
 * letter on both sides ("kinh tế-xã hội", "2021–2023"). */
static void
split_pieces (Breaker *b)
{
  const char *text = b->text;
  const char *p = text;
  gboolean space_before = FALSE;
  gboolean newline_before = FALSE;

  while (*p != '\0')
    {
      const char *word;
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          newline_before = TRUE;
          space_before = FALSE;
          p++;
          continue;
        }
      if (is_blank (c))
        {
          space_before = TRUE;
          p++;
          continue;
        }

      word = p;
      while (*p != '\0')
        {
          const char *here = p;

          c = g_utf8_get_char (p);
          if (c == '\n' || is_blank (c))
            break;
          p = g_utf8_next_char (p);

          if (is_dash (c) && here > word && *p != '\0')
            {
              gunichar next = g_utf8_get_char (p);

              if (next == '\n' || is_blank (next) || is_dash (next))
                continue;
              add_piece (b, word - text, p - text,
                         space_before && b->pieces->len > 0 && !newline_before,
                         newline_before);
              space_before = newline_before = FALSE;
              word = p;
            }
        }
      add_piece (b, word - text, p - text,
                 space_before && b->pieces->len > 0 && !newline_before,
                 newline_before);
      space_before = newline_before = FALSE;
    }
}

static double
indent_of (const Breaker *b)
{
  return b->lines->len == 0 ? b->style->first_indent : b->style->rest_indent;
}

/* Emits pieces [first, last) as one line. */
static void
emit_line (Breaker  *b,
           guint     first,
           guint     last,
           gboolean  is_last,
           gboolean  joined_next)
{
  const KhPdfLineStyle *style = b->style;
  KhPdfLine *line = g_new0 (KhPdfLine, 1);
  double indent = indent_of (b);
  double avail = style->width - indent;
  double natural = 0;
  double gap = b->space;
  double x;
  guint gaps = 0;

  for (guint i = first; i < last; i++)
    {
      const Piece *piece = &g_array_index (b->pieces, Piece, i);

      if (i > first && piece->space_before)
        {
          natural += b->space;
          gaps++;
        }
      natural += piece->width;
    }

  x = indent;
  switch (style->align)
    {
    case KH_PDF_ALIGN_JUSTIFY:
      if (!is_last && gaps > 0 && natural < avail)
        {
          gap = b->space + (avail - natural) / gaps;
          line->justified = TRUE;
        }
      break;
    case KH_PDF_ALIGN_CENTER:
      x += (avail - natural) / 2;
      break;
    case KH_PDF_ALIGN_RIGHT:
      x += avail - natural;
      break;
    case KH_PDF_ALIGN_LEFT:
    default:
      break;
    }

  line->runs = g_array_new (FALSE, FALSE, sizeof (KhPdfRun));
  g_array_set_clear_func (line->runs, run_clear);
  line->last = is_last;
  line->joined_next = joined_next;

  for (guint i = first; i < last; i++)
    {
      const Piece *piece = &g_array_index (b->pieces, Piece, i);
      gsize end = piece->start + piece->len;
      double width = piece->width;
      KhPdfRun run;

      if (i > first && piece->space_before)
        x += gap;

      /* Pieces of one word on one line are drawn as one run. */
      while (i + 1 < last && !g_array_index (b->pieces, Piece, i + 1).space_before)
        {
          const Piece *next = &g_array_index (b->pieces, Piece, ++i);

          end = next->start + next->len;
          width += next->width;
        }

      run.text = g_strndup (b->text + piece->start, end - piece->start);
      run.x = x;
      run.width = width;
      g_array_append_val (line->runs, run);
      x += width;
    }

  /* Rounding must not leave a justified line short of the margin. */
  if (line->justified)
    {
      KhPdfRun *final = &g_array_index (line->runs, KhPdfRun, line->runs->len - 1);

      final->x = style->width - final->width;
    }

  g_ptr_array_add (b->lines, line);
}

/* A piece wider than a whole line: cut off as many characters as fit
 * (at least one, so the layout always moves on) and keep the rest as
 * the next piece. FALSE if it is one character: it stays whole. */
static gboolean
split_long_piece (Breaker *b,
                  guint    index)
{
  Piece *piece = &g_array_index (b->pieces, Piece, index);
  const char *start = b->text + piece->start;
  const char *end = start + piece->len;
  double avail = b->style->width - indent_of (b);
  const char *cut = g_utf8_next_char (start);
  double width = measure (b, start, cut - start);
  Piece head;

  while (cut < end)
    {
      const char *next = g_utf8_next_char (cut);
      double w = measure (b, cut, next - cut);

      if (width + w > avail)
        break;
      width += w;
      cut = next;
    }
  if (cut == end)
    return FALSE;

  head = *piece;
  head.len = cut - start;
  head.width = width;
  piece->start += head.len;
  piece->len -= head.len;
  piece->width = measure (b, b->text + piece->start, piece->len);
  piece->space_before = FALSE;
  piece->newline_before = FALSE;
  g_array_insert_val (b->pieces, index, head);

  return TRUE;
}

GPtrArray *
kh_pdf_break_lines (const KhPdfLineStyle *style,
                    const char           *text)
{
  Breaker b = { style, text, NULL, 0, NULL };
  g_autofree char *valid = NULL;
  guint first = 0;
  double filled = 0;

  g_return_val_if_fail (style != NULL && style->measure != NULL, NULL);

  b.lines = g_ptr_array_new_with_free_func (line_free);
  if (text == NULL)
    return b.lines;

  /* Callers pass normalised text; bytes that are not UTF-8 would make
   * g_utf8_next_char() step over the terminating nul (found by
   * tests/fuzz/fuzz-layout). */
  if (!g_utf8_validate (text, -1, NULL))
    b.text = valid = g_utf8_make_valid (text, -1);

  b.pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  b.space = measure (&b, " ", 1);
  split_pieces (&b);

  for (guint i = 0; i < b.pieces->len; i++)
    {
      const Piece *piece = &g_array_index (b.pieces, Piece, i);
      double avail = style->width - indent_of (&b);
      double advance = piece->width;

      if (i > first && piece->newline_before)
        {
          emit_line (&b, first, i, TRUE, FALSE);
          first = i;
          filled = 0;
          avail = style->width - indent_of (&b);
        }

      if (i > first && piece->space_before)
        advance += b.space;

      if (filled + advance <= avail + 0.001)
        {
          filled += advance;
          continue;
        }

      if (i > first)
        {
          /* A break inside a word (after a dash) joins the lines. */
          emit_line (&b, first, i, FALSE, !piece->space_before);
          first = i;
          filled = 0;
          i--;
          continue;
        }

      /* Alone on its line and still too wide. */
      if (!split_long_piece (&b, i))
        {
          filled = advance;
          continue;
        }
      emit_line (&b, i, i + 1, FALSE, TRUE);
      first = i + 1;
      filled = 0;
    }

  if (first < b.pieces->len)
    emit_line (&b, first, b.pieces->len, TRUE, FALSE);

  g_array_unref (b.pieces);

  return b.lines;
}

static guint
count_lines (const KhPdfLineStyle *style,
             const char           *text)
{
  g_autoptr(GPtrArray) lines = kh_pdf_break_lines (style, text);

  return lines->len;
}

/* Centred lines as even as possible: the narrowest box that keeps the
 * number of lines, centred in the real one. For header names, so
 * "ỦY BAN NHÂN DÂN / PHƯỜNG PHỔ MINH" rather than a long and a short. */
GPtrArray *
kh_pdf_break_lines_balanced (const KhPdfLineStyle *style,
                             const char           *text)
{
  KhPdfLineStyle narrow = *style;
  GPtrArray *lines;
  guint n;
  double lo, hi;

  narrow.align = KH_PDF_ALIGN_CENTER;
  narrow.first_indent = narrow.rest_indent = 0;
  n = count_lines (&narrow, text);
  if (n <= 1)
    return kh_pdf_break_lines (&narrow, text);

  lo = style->width / n;
  hi = style->width;
  for (guint i = 0; i < 16 && hi - lo > 0.5; i++)
    {
      narrow.width = (lo + hi) / 2;
      if (count_lines (&narrow, text) == n)
        hi = narrow.width;
      else
        lo = narrow.width;
    }

  narrow.width = hi;
  lines = kh_pdf_break_lines (&narrow, text);
  for (guint i = 0; i < lines->len; i++)
    {
      KhPdfLine *line = g_ptr_array_index (lines, i);

      for (guint j = 0; j < line->runs->len; j++)
        g_array_index (line->runs, KhPdfRun, j).x += (style->width - hi) / 2;
    }

  return lines;
}

/* Where the last run ends, from the left edge of the box. */
double
kh_pdf_line_get_end (const KhPdfLine *line)
{
  const KhPdfRun *run;

  if (line->runs->len == 0)
    return 0;
  run = &g_array_index (line->runs, KhPdfRun, line->runs->len - 1);

  return run->x + run->width;
}

/* The runs of a line joined by single spaces. */
char *
kh_pdf_line_get_text (const KhPdfLine *line)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < line->runs->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, g_array_index (line->runs, KhPdfRun, i).text);
    }

  return g_string_free (text, FALSE);
}

/* The text of all lines, as the reader sees it: a line broken inside a
 * word continues without a space, a forced break gives "\n". */
char *
kh_pdf_lines_get_text (GPtrArray *lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      const KhPdfLine *line = g_ptr_array_index (lines, i);
      g_autofree char *line_text = kh_pdf_line_get_text (line);

      g_string_append (text, line_text);
      if (i + 1 < lines->len)
        {
          if (line->last)
            g_string_append_c (text, '\n');
          else if (!line->joined_next)
            g_string_append_c (text, ' ');
        }
    }

  return g_string_free (text, FALSE);
}

/* The widest line's extent, from the box's left edge. */
double
kh_pdf_lines_get_width (GPtrArray *lines)
{
  double width = 0;

  for (guint i = 0; i < lines->len; i++)
    width = MAX (width, kh_pdf_line_get_end (g_ptr_array_index (lines, i)));

  return width;
}
