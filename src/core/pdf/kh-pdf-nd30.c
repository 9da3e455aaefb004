/* kh-pdf-nd30.c — the frame Nghị định 30 puts around a document
 *
 * The two-column header (agency | Quốc hiệu and Tiêu ngữ, then "Số:"
 * and the place and date on one baseline), the type name and trích
 * yếu, "Kính gửi", the closing block (Nơi nhận | authority, signature
 * space, name), the page numbers and the draft mark. Sizes and styles
 * are the decree's (../shared/nd30-format.md); see docs/pdf.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-pdf-nd30"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-pdf-compose-private.h"
#include "kh-text.h"
#include "kh-vn-format.h"

#define HEAD_SIZE        13.0  /* agencies, tiêu ngữ, số, date, page numbers */
#define NATION_SIZE      12.0  /* quốc hiệu */
#define TITLE_SIZE       14.0  /* type name, trích yếu, signature */
#define RECEIVERS_LABEL  12.0  /* "Nơi nhận:" */
#define RECEIVERS_SIZE   11.0
#define SIGNATURE_LINES  4     /* blank lines for signature and seal */
#define RULE_GAP         1.5   /* from the bottom of a line to its rule */

static const char nation[] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
static const char motto[] = "Độc lập - Tự do - Hạnh phúc";

static double
single_pitch (double size)
{
  return size * KH_PDF_SINGLE_LINE;
}

/* The extent of centred or balanced lines: from the leftmost run's
 * start to the rightmost run's end. */
static void
lines_extent (GPtrArray *lines,
              double    *left,
              double    *right)
{
  *left = G_MAXDOUBLE;
  *right = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      const KhPdfLine *line = g_ptr_array_index (lines, i);

      if (line->runs->len == 0)
        continue;
      *left = MIN (*left, g_array_index (line->runs, KhPdfRun, 0).x);
      *right = MAX (*right, kh_pdf_line_get_end (line));
    }
  if (*left > *right)
    *left = *right = 0;
}

/* Centred, balanced lines of @raw (each "\n" a new line) in a column,
 * from @y down; sets the height used, and the widest line's width in
 * @widest. */
static gboolean
add_centred (KhPdfComposer  *c,
             KhPdfBox       *box,
             const char     *raw,
             gboolean        caps,
             KhPdfStyle      style,
             double          size,
             double          x,
             double          width,
             double          y,
             double          pitch,
             const char     *where,
             double         *height,
             double         *widest,
             GError        **error)
{
  g_autofree char *upper = caps ? g_utf8_strup (raw, -1) : g_strdup (raw);
  g_autofree char *text = kh_pdf_composer_prepare (c, upper, style, where, error);
  g_auto(GStrv) parts = NULL;
  KhPdfLineStyle line_style;

  *height = 0;
  if (widest != NULL)
    *widest = 0;
  if (text == NULL)
    return FALSE;

  line_style = kh_pdf_composer_style (c, style, size, width, KH_PDF_ALIGN_CENTER);
  parts = g_strsplit (text, "\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) lines = NULL;
      double left, right;

      if (kh_text_is_blank (parts[i]))
        continue;
      lines = kh_pdf_break_lines_balanced (&line_style, parts[i]);
      kh_pdf_box_add_lines (box, lines, &line_style, x, y + *height, pitch);
      *height += lines->len * pitch;
      lines_extent (lines, &left, &right);
      if (widest != NULL)
        *widest = MAX (*widest, right - left);
    }

  return TRUE;
}

/* One line of text centred on @centre, kept inside the text area. */
static gboolean
add_single (KhPdfComposer  *c,
            KhPdfBox       *box,
            const char     *raw,
            KhPdfStyle      style,
            double          size,
            double          centre,
            double          baseline,
            const char     *where,
            GError        **error)
{
  g_autofree char *text = kh_pdf_composer_prepare (c, raw, style, where, error);
  double w, x;

  if (text == NULL)
    return FALSE;

  w = kh_pdf_composer_measure (c, style, size, text);
  x = CLAMP (centre - w / 2, c->x0, MAX (c->x0, c->x0 + c->width - w));
  kh_pdf_box_add_text (box, style, size, x, baseline, text);

  return TRUE;
}

static void
add_rule (KhPdfBox *box,
          double    centre,
          double    length,
          double    y)
{
  kh_pdf_box_add_line (box, centre - length / 2, y, centre + length / 2, y,
                       KH_PDF_RULE_WIDTH);
}

gboolean
kh_pdf_compose_header (KhPdfComposer  *c,
                       GError        **error)
{
  const KhDocument *doc = c->doc;
  const char *type_abbr = doc->type_abbr != NULL ? doc->type_abbr : "";
  double pitch = single_pitch (HEAD_SIZE);
  double right_w, left_w, left_c, right_c;
  double left_y = 0, right_y = 0, h, widest, w, top;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  KhPdfBox *box;

  /* The Quốc hiệu never wraps: its column is at least as wide. */
  right_w = MAX (c->width * 0.58,
                 kh_pdf_composer_measure (c, KH_PDF_BOLD, NATION_SIZE, nation) + 8);
  left_w = c->width - right_w;
  left_c = c->x0 + left_w / 2;
  right_c = c->x0 + left_w + right_w / 2;

  box = kh_pdf_flow_add_box (c->flow, 0, 0);

  if (!kh_text_is_blank (doc->parent_agency))
    {
      if (!add_centred (c, box, doc->parent_agency, TRUE, KH_PDF_REGULAR, HEAD_SIZE,
                        c->x0 + 2, left_w - 4, left_y, pitch,
                        _("the parent agency’s name"), &h, NULL, error))
        return FALSE;
      left_y += h;
    }
  if (!add_centred (c, box, doc->agency != NULL ? doc->agency : "", TRUE, KH_PDF_BOLD,
                    HEAD_SIZE, c->x0 + 2, left_w - 4, left_y, pitch,
                    _("the agency’s name"), &h, &widest, error))
    return FALSE;
  left_y += h;
  if (widest > 0)
    add_rule (box, left_c, widest * KH_PDF_RULE_FRACTION, left_y + RULE_GAP);

  if (!add_single (c, box, nation, KH_PDF_BOLD, NATION_SIZE, right_c,
                   kh_pdf_baseline_offset (HEAD_SIZE, pitch), _("the header"), error) ||
      !add_single (c, box, motto, KH_PDF_BOLD, HEAD_SIZE, right_c,
                   pitch + kh_pdf_baseline_offset (HEAD_SIZE, pitch), _("the header"), error))
    return FALSE;
  right_y = 2 * pitch;
  w = kh_pdf_composer_measure (c, KH_PDF_BOLD, HEAD_SIZE, motto);
  add_rule (box, right_c, w, right_y + RULE_GAP);

  /* ô 3 and ô 4 share one baseline, under their columns. */
  if (doc->mode == KH_DOCUMENT_MODE_ISSUED && g_date_valid (&doc->date))
    {
      number = kh_format_doc_number (doc->number, type_abbr, doc->agency_abbr);
      date = kh_format_place_date (doc->place, &doc->date);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      number = kh_format_doc_number (0, type_abbr, doc->agency_abbr);
      date = kh_format_place_date_blank (doc->place, doc->year > 0 ? doc->year
                                                    : g_date_time_get_year (now));
    }

  top = MAX (left_y, right_y) + pitch * 0.6;
  if (!add_single (c, box, number, KH_PDF_REGULAR, HEAD_SIZE, left_c,
                   top + kh_pdf_baseline_offset (HEAD_SIZE, pitch), _("the number"), error) ||
      !add_single (c, box, date, KH_PDF_ITALIC, HEAD_SIZE, right_c,
                   top + kh_pdf_baseline_offset (HEAD_SIZE, pitch), _("the place name"), error))
    return FALSE;

  box->height = top + pitch;

  return TRUE;
}

static gboolean
compose_addressees (KhPdfComposer  *c,
                    GError        **error)
{
  const KhDocument *doc = c->doc;
  double pitch = single_pitch (TITLE_SIZE) * c->spacing;
  const char *label = "Kính gửi:";
  double label_w = kh_pdf_composer_measure (c, KH_PDF_REGULAR, TITLE_SIZE, label);
  double x = c->x0 + c->width * 0.15;
  double y = 0;
  KhPdfBox *box;

  box = kh_pdf_flow_add_box (c->flow, 0, KH_PDF_PARA_SPACE * 2);
  box->keep_with_prev = TRUE;

  kh_pdf_box_add_text (box, KH_PDF_REGULAR, TITLE_SIZE, x,
                       kh_pdf_baseline_offset (TITLE_SIZE, pitch), label);

  for (guint i = 0; i < doc->addressees->len; i++)
    {
      const char *raw = g_ptr_array_index (doc->addressees, i);
      g_autofree char *with_dash = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      KhPdfLineStyle style;

      with_dash = doc->addressees->len > 1 && !g_str_has_prefix (raw, "-")
                  ? g_strconcat ("- ", raw, NULL) : g_strdup (raw);
      text = kh_pdf_composer_prepare (c, with_dash, KH_PDF_REGULAR, _("“Kính gửi”"), error);
      if (text == NULL)
        return FALSE;

      style = kh_pdf_composer_style (c, KH_PDF_REGULAR, TITLE_SIZE,
                                     c->x0 + c->width - (x + label_w + 4), KH_PDF_ALIGN_LEFT);
      lines = kh_pdf_break_lines (&style, text);
      kh_pdf_box_add_lines (box, lines, &style, x + label_w + 4, y, pitch);
      y += lines->len * pitch;
    }

  box->height = MAX (y, pitch);

  return TRUE;
}

gboolean
kh_pdf_compose_title (KhPdfComposer  *c,
                      GError        **error)
{
  const KhDocument *doc = c->doc;
  double pitch = single_pitch (TITLE_SIZE) * c->spacing;
  double h, widest, y;
  KhPdfBox *box;

  box = kh_pdf_flow_add_box (c->flow, 0, pitch * 0.8);
  box->keep_with_prev = TRUE;

  if (!add_centred (c, box, doc->type_name != NULL ? doc->type_name : "", TRUE,
                    KH_PDF_BOLD, TITLE_SIZE, c->x0, c->width, 0, pitch,
                    _("the document type"), &h, NULL, error))
    return FALSE;
  y = h;

  if (!add_centred (c, box, doc->title != NULL ? doc->title : "", FALSE,
                    KH_PDF_BOLD, TITLE_SIZE, c->x0, c->width, y, pitch,
                    _("the title"), &h, &widest, error))
    return FALSE;
  y += h;
  if (widest > 0)
    add_rule (box, c->x0 + c->width / 2, widest * KH_PDF_RULE_FRACTION, y + RULE_GAP);

  box->height = y + pitch * 0.5;

  if (doc->addressees->len > 0 && !compose_addressees (c, error))
    return FALSE;

  /* The text starts a little below the title. */
  kh_pdf_flow_keep_next (c->flow, 1);

  return TRUE;
}

static gboolean
compose_recipients (KhPdfComposer  *c,
                    KhPdfBox       *box,
                    double          width,
                    double          first_baseline,
                    double         *height,
                    GError        **error)
{
  const KhDocument *doc = c->doc;
  double pitch = single_pitch (RECEIVERS_SIZE);
  double y = single_pitch (TITLE_SIZE);
  KhPdfLineStyle style;

  kh_pdf_box_add_text (box, KH_PDF_BOLD_ITALIC, RECEIVERS_LABEL, c->x0,
                       first_baseline, "Nơi nhận:");

  style = kh_pdf_composer_style (c, KH_PDF_REGULAR, RECEIVERS_SIZE, width,
                                 KH_PDF_ALIGN_LEFT);
  style.rest_indent = kh_pdf_composer_measure (c, KH_PDF_REGULAR, RECEIVERS_SIZE, "- ");

  for (guint i = 0; i < doc->recipients->len; i++)
    {
      const char *raw = g_ptr_array_index (doc->recipients, i);
      g_autofree char *with_dash = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) lines = NULL;

      if (kh_text_is_blank (raw))
        continue;
      with_dash = g_str_has_prefix (raw, "-") ? g_strdup (raw) : g_strconcat ("- ", raw, NULL);
      text = kh_pdf_composer_prepare (c, with_dash, KH_PDF_REGULAR, _("the recipients"), error);
      if (text == NULL)
        return FALSE;

      lines = kh_pdf_break_lines (&style, text);
      kh_pdf_box_add_lines (box, lines, &style, c->x0, y, pitch);
      y += lines->len * pitch;
    }

  *height = y;

  return TRUE;
}

/* Nơi nhận on the left, the signature on the right; one box, so it
 * never splits, keeping the last two lines above it company. */
gboolean
kh_pdf_compose_closing (KhPdfComposer  *c,
                        GError        **error)
{
  const KhDocument *doc = c->doc;
  double pitch = single_pitch (TITLE_SIZE);
  double left_w = c->width * 0.45;
  double right_x = c->x0 + left_w;
  double right_w = c->width - left_w;
  double y = 0, h, left_h = 0;
  guint n_boxes = kh_pdf_flow_get_n_boxes (c->flow);
  KhPdfBox *box;

  if (doc->recipients->len == 0 && kh_text_is_blank (doc->authority) &&
      kh_text_is_blank (doc->signer_title) && kh_text_is_blank (doc->signer_name))
    return TRUE;

  box = kh_pdf_flow_add_box (c->flow, 0, KH_PDF_PARA_SPACE * 2);
  box->keep_with_prev = TRUE;
  if (n_boxes > 0)
    kh_pdf_flow_get_box (c->flow, n_boxes - 1)->keep_with_prev = TRUE;

  if (!kh_text_is_blank (doc->authority))
    {
      if (!add_centred (c, box, doc->authority, TRUE, KH_PDF_BOLD, TITLE_SIZE,
                        right_x, right_w, y, pitch, _("the signature"), &h, NULL, error))
        return FALSE;
      y += h;
    }
  if (!kh_text_is_blank (doc->signer_title))
    {
      if (!add_centred (c, box, doc->signer_title, TRUE, KH_PDF_BOLD, TITLE_SIZE,
                        right_x, right_w, y, pitch, _("the signature"), &h, NULL, error))
        return FALSE;
      y += h;
    }
  y += SIGNATURE_LINES * pitch;
  if (!kh_text_is_blank (doc->signer_name))
    {
      if (!add_centred (c, box, doc->signer_name, FALSE, KH_PDF_BOLD, TITLE_SIZE,
                        right_x, right_w, y, pitch, _("the signature"), &h, NULL, error))
        return FALSE;
      y += h;
    }

  if (doc->recipients->len > 0 &&
      !compose_recipients (c, box, left_w - 6, kh_pdf_baseline_offset (TITLE_SIZE, pitch),
                           &left_h, error))
    return FALSE;

  box->height = MAX (y, left_h);

  return TRUE;
}

/* Page numbers centred in the top margin from page 2; the draft mark,
 * boxed, in the top margin of page 1, clear of the text. */
gboolean
kh_pdf_compose_page_marks (KhPdfComposer  *c,
                           KhPdfLayout    *layout,
                           GError        **error)
{
  double centre = c->x0 + c->width / 2;

  for (guint i = 1; i < layout->pages->len; i++)
    {
      GArray *ops = g_ptr_array_index (layout->pages, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double w = kh_pdf_composer_measure (c, KH_PDF_REGULAR, HEAD_SIZE, number);
      KhPdfOp op = { KH_PDF_OP_TEXT, KH_PDF_REGULAR, HEAD_SIZE, 0, 0, 0, 0, 0, NULL, NULL };

      /* Digits are about 0.66 em tall: centre them, not the line. */
      op.x = centre - w / 2;
      op.y = c->geometry.top / 2 + 0.33 * HEAD_SIZE;
      op.text = g_steal_pointer (&number);
      g_array_append_val (ops, op);
    }

  if (c->doc->mode == KH_DOCUMENT_MODE_DRAFT)
    {
      GArray *ops = g_ptr_array_index (layout->pages, 0);
      const char *mark = "DỰ THẢO";
      double w = kh_pdf_composer_measure (c, KH_PDF_BOLD, HEAD_SIZE, mark);
      double box_w = w + 12, box_h = single_pitch (HEAD_SIZE) + 6;
      double x = c->x0 + c->width - box_w;
      double y = (c->geometry.top - box_h) / 2;
      KhPdfOp rect = { KH_PDF_OP_RECT, 0, 0, x, y, box_w, box_h, KH_PDF_RULE_WIDTH, NULL, NULL };
      KhPdfOp text = { KH_PDF_OP_TEXT, KH_PDF_BOLD, HEAD_SIZE, x + 6, 0, 0, 0, 0, NULL, NULL };

      if (!kh_pdf_fonts_has_char (c->fonts, KH_PDF_BOLD, 0x1EF0))
        {
          g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_UNSUPPORTED_CHAR,
                       _("The font %s cannot print the draft mark."),
                       kh_pdf_fonts_get_family (c->fonts));
          return FALSE;
        }
      text.y = y + 3 + kh_pdf_baseline_offset (HEAD_SIZE, single_pitch (HEAD_SIZE));
      text.text = g_strdup (mark);
      g_array_append_val (ops, rect);
      g_array_append_val (ops, text);
    }

  return TRUE;
}
