/* test-pdf-layout.c — pagination: widows, orphans, headings kept with
 * their text, the closing block, repeated table headers
 *
 * The first cases stack fake boxes on a page exactly ten lines high;
 * the others lay out whole documents (Liberation Serif) and check the
 * rules hold wherever the page breaks fall.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kh-pdf-compose.h"

#define PITCH 20.0

static const KhPdfGeometry ten_lines = {
  200, 10 * PITCH + 20, 10, 10, 10, 10,
};

static double
fake_measure (gpointer    data,
              KhPdfStyle  style,
              double      size,
              const char *text,
              gssize      len)
{
  return g_utf8_strlen (text, len) * size / 2;
}

/* A paragraph of @n lines "<tag>1" … "<tag>n". */
static void
add_paragraph (KhPdfFlow  *flow,
               const char *tag,
               guint       n)
{
  KhPdfLineStyle style = { fake_measure, NULL, KH_PDF_REGULAR, 10, 180, 0, 0, KH_PDF_ALIGN_LEFT };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;

  /* each "tagN" word is at most 5 characters = 25 pt; 180 pt lines, so
   * force one word a line with "\n" */
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, "%s%u\n", tag, i);
  lines = kh_pdf_break_lines (&style, text->str);
  g_assert_cmpuint (lines->len, ==, n);
  kh_pdf_flow_add_lines (flow, lines, &style, 10, PITCH, 0);
}

/* The texts on page @page, joined by spaces. */
static char *
page_text (KhPdfLayout *layout,
           guint        page)
{
  GArray *ops = g_ptr_array_index (layout->pages, page);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ops->len; i++)
    {
      const KhPdfOp *op = &g_array_index (ops, KhPdfOp, i);

      if (op->kind != KH_PDF_OP_TEXT)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, op->text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_pages (KhPdfLayout         *layout,
              const char * const  *expected)
{
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *text = NULL;

      g_assert_cmpuint (i, <, layout->pages->len);
      text = page_text (layout, i);
      g_assert_cmpstr (text, ==, expected[i]);
    }
  g_assert_cmpuint (g_strv_length ((char **) expected), ==, layout->pages->len);
}

static void
test_fits (void)
{
  g_autoptr(KhPdfFlow) flow = kh_pdf_flow_new (&ten_lines);
  g_autoptr(KhPdfLayout) layout = NULL;
  const char *pages[] = { "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10", NULL };

  add_paragraph (flow, "a", 10);
  layout = kh_pdf_flow_paginate (flow);
  assert_pages (layout, pages);
}

static void
test_orphan (void)
{
  /* b1 would fit at the bottom of page 1, alone: it moves on. */
  g_autoptr(KhPdfFlow) flow = kh_pdf_flow_new (&ten_lines);
  g_autoptr(KhPdfLayout) layout = NULL;
  const char *pages[] = { "a1 a2 a3 a4 a5 a6 a7 a8 a9", "b1 b2 b3 b4", NULL };

  add_paragraph (flow, "a", 9);
  add_paragraph (flow, "b", 4);
  layout = kh_pdf_flow_paginate (flow);
  assert_pages (layout, pages);
}

static void
test_widow (void)
{
  /* a11 would be alone at the top of page 2: a10 goes with it. */
  g_autoptr(KhPdfFlow) flow = kh_pdf_flow_new (&ten_lines);
  g_autoptr(KhPdfLayout) layout = NULL;
  const char *pages[] = { "a1 a2 a3 a4 a5 a6 a7 a8 a9", "a10 a11", NULL };

  add_paragraph (flow, "a", 11);
  layout = kh_pdf_flow_paginate (flow);
  assert_pages (layout, pages);
}

static void
test_short_paragraph_whole (void)
{
  /* Three lines can break nowhere without a widow or an orphan. */
  g_autoptr(KhPdfFlow) flow = kh_pdf_flow_new (&ten_lines);
  g_autoptr(KhPdfLayout) layout = NULL;
  const char *pages[] = { "a1 a2 a3 a4 a5 a6 a7 a8", "b1 b2 b3", NULL };

  add_paragraph (flow, "a", 8);
  add_paragraph (flow, "b", 3);
  layout = kh_pdf_flow_paginate (flow);
  assert_pages (layout, pages);
}

static void
test_keep_with_next (void)
{
  /* A heading at the bottom goes over with two lines of its text. */
  g_autoptr(KhPdfFlow) flow = kh_pdf_flow_new (&ten_lines);
  g_autoptr(KhPdfLayout) layout = NULL;
  const char *pages[] = { "a1 a2 a3 a4 a5 a6 a7 a8", "h1 b1 b2 b3 b4", NULL };

  add_paragraph (flow, "a", 8);
  add_paragraph (flow, "h", 1);
  kh_pdf_flow_keep_next (flow, 2);
  add_paragraph (flow, "b", 4);
  layout = kh_pdf_flow_paginate (flow);
  assert_pages (layout, pages);
}

static void
test_space_dropped_at_top (void)
{
  g_autoptr(KhPdfFlow) flow = kh_pdf_flow_new (&ten_lines);
  g_autoptr(KhPdfLayout) layout = NULL;
  KhPdfBox *box;
  GArray *ops;

  for (guint i = 0; i < 11; i++)
    {
      box = kh_pdf_flow_add_box (flow, PITCH, 6);
      kh_pdf_box_add_text (box, KH_PDF_REGULAR, 10, 10, 15, "x");
    }
  layout = kh_pdf_flow_paginate (flow);

  /* 6 pt before every box but the first of a page: 20 + 7 × 26 = 202 pt
   * > 200, so 7 boxes on page 1, and page 2 starts at its top. */
  g_assert_cmpuint (layout->pages->len, ==, 2);
  ops = g_ptr_array_index (layout->pages, 1);
  g_assert_cmpuint (((GArray *) g_ptr_array_index (layout->pages, 0))->len, ==, 7);
  g_assert_cmpfloat_with_epsilon (g_array_index (ops, KhPdfOp, 0).y, 10 + 15, 0.001);
}

static void
test_unbreakable_chain (void)
{
  /* Boxes that all keep together but fill more than a page still come
   * out, all of them, rather than looping or overflowing. */
  g_autoptr(KhPdfFlow) flow = kh_pdf_flow_new (&ten_lines);
  g_autoptr(KhPdfLayout) layout = NULL;
  guint total = 0;

  for (guint i = 0; i < 25; i++)
    {
      KhPdfBox *box = kh_pdf_flow_add_box (flow, PITCH, 0);

      box->keep_with_prev = i > 0;
      kh_pdf_box_add_text (box, KH_PDF_REGULAR, 10, 10, 15, "x");
    }
  layout = kh_pdf_flow_paginate (flow);
  for (guint i = 0; i < layout->pages->len; i++)
    total += ((GArray *) g_ptr_array_index (layout->pages, i))->len;
  g_assert_cmpuint (total, ==, 25);
  g_assert_cmpuint (layout->pages->len, ==, 3);
}

/* Whole documents ------------------------------------------------------ */

static const KhPdfFonts *
fonts_or_skip (void)
{
  g_autoptr(GError) error = NULL;
  const KhPdfFonts *fonts = kh_pdf_fonts_get (NULL, &error);

  if (fonts == NULL)
    g_test_skip (error->message);
  return fonts;
}

static KhDocument *
new_document (void)
{
  KhDocument *doc = kh_document_new ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 19, 2, 2024);
  kh_document_set_agency (doc, "UBND THỊ XÃ ĐỨC PHỔ", "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH",
                          "UBND", "Phổ Minh");
  kh_document_set_issued (doc, 18, &date);
  kh_document_set_title (doc, "Tuyên truyền cải cách hành chính năm 2024");
  kh_document_set_signature (doc, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Duy Bảo");
  kh_document_add_recipient (doc, "UBND thị xã;");
  kh_document_add_recipient (doc, "Lưu: VT.");

  return doc;
}

/* Where the first text op containing @needle is: page, index among the
 * page's text ops not counting the page number, and y. */
static gboolean
find_text (KhPdfLayout *layout,
           const char  *needle,
           guint       *page,
           guint       *index,
           double      *y)
{
  for (guint p = 0; p < layout->pages->len; p++)
    {
      GArray *ops = g_ptr_array_index (layout->pages, p);
      guint n = 0;

      for (guint i = 0; i < ops->len; i++)
        {
          const KhPdfOp *op = &g_array_index (ops, KhPdfOp, i);

          if (op->kind != KH_PDF_OP_TEXT || op->y < layout->geometry.top)
            continue;
          if (strstr (op->text, needle) != NULL)
            {
              *page = p;
              *index = n;
              *y = op->y;
              return TRUE;
            }
          n++;
        }
    }

  return FALSE;
}

static void
test_heading_only_part_at_page_end (void)
{
  /* "II." with nothing under it, then "III." with a paragraph: wherever
   * the page breaks, neither heading ends a page. Some filler length
   * puts them at the bottom: check that this case was met. */
  const KhPdfFonts *fonts = fonts_or_skip ();
  gboolean moved = FALSE;

  if (fonts == NULL)
    return;

  for (guint n = 28; n < 48; n++)
    {
      g_autoptr(KhDocument) doc = new_document ();
      g_autoptr(KhPdfLayout) layout = NULL;
      g_autoptr(GError) error = NULL;
      guint p2 = 0, i2 = 0, p3 = 0, i3 = 0, pb = 0, ib = 0;
      double y;

      kh_document_add_heading (doc, 1, "I. MỤC ĐÍCH");
      for (guint i = 0; i < n; i++)
        kh_document_add_paragraph (doc, "Dòng đệm.");
      kh_document_add_heading (doc, 1, "II. PHẦN TRỐNG");
      kh_document_add_paragraph (doc, "   ");
      kh_document_add_heading (doc, 1, "III. PHẦN BA");
      kh_document_add_paragraph (doc, "Nội dung phần ba có hai dòng: "
                                 "tuyên truyền cải cách hành chính trên địa bàn phường, "
                                 "đến tận người dân và doanh nghiệp.");

      layout = kh_pdf_compose (doc, NULL, fonts, &error);
      g_assert_no_error (error);
      g_assert_true (find_text (layout, "II. PHẦN TRỐNG", &p2, &i2, &y));
      g_assert_true (find_text (layout, "III. PHẦN BA", &p3, &i3, &y));
      g_assert_true (find_text (layout, "Nội", &pb, &ib, &y));

      g_assert_cmpuint (p2, ==, p3);
      g_assert_cmpuint (p3, ==, pb);
      if (p2 > 0 && i2 == 0)
        moved = TRUE;
    }

  g_assert_true (moved);
}

static void
test_closing_block (void)
{
  /* The closing block is never split, and never alone: the last two
   * lines of the text above share its page. */
  const KhPdfFonts *fonts = fonts_or_skip ();
  gboolean carried = FALSE;

  if (fonts == NULL)
    return;

  for (guint n = 20; n < 40; n++)
    {
      g_autoptr(KhDocument) doc = new_document ();
      g_autoptr(KhPdfLayout) layout = NULL;
      g_autoptr(GError) error = NULL;
      guint pl = 0, il = 0, pn = 0, in = 0, pr = 0, ir = 0, pc = 0, ic = 0;
      double y;

      for (guint i = 0; i < n; i++)
        kh_document_add_paragraph (doc, "Dòng đệm.");
      kh_document_add_paragraph (doc, "Trên đây là kế hoạch thông tin, tuyên truyền cải cách "
                                 "hành chính năm 2024 của Ủy ban nhân dân phường Phổ Minh, "
                                 "đề nghị các ngành đoàn thể quán triệt và tổ chức thực hiện./.");

      layout = kh_pdf_compose (doc, NULL, fonts, &error);
      g_assert_no_error (error);
      g_assert_true (find_text (layout, "Trên", &pl, &il, &y));
      g_assert_true (find_text (layout, "Nơi nhận:", &pn, &in, &y));
      g_assert_true (find_text (layout, "Lê Duy Bảo", &pc, &ic, &y));
      g_assert_true (find_text (layout, "Lưu: VT.", &pr, &ir, &y));

      g_assert_cmpuint (pn, ==, pc);
      g_assert_cmpuint (pn, ==, pr);
      g_assert_cmpuint (pl, ==, pn);
      if (pn > 0 && il == 0)
        carried = TRUE;
    }

  g_assert_true (carried);
}

static void
test_table_header_repeated (void)
{
  const KhPdfFonts *fonts = fonts_or_skip ();
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(KhPdfLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const char *header[] = { "STT", "Nội dung", "Kết quả", NULL };
  const double widths[] = { 0.1, 0.6, 0.3 };
  KhDocumentBlock *table;
  guint rows_seen = 0;

  if (fonts == NULL)
    return;

  doc = new_document ();
  kh_document_add_heading (doc, 1, "I. KẾT QUẢ");
  table = kh_document_add_table (doc, 3, widths, header);
  for (guint i = 1; i <= 80; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", i);
      g_autofree char *text = g_strdup_printf ("Tin bài số %u về cải cách hành chính, "
                                               "đăng trên trang thông tin điện tử", i);
      const char *row[] = { n, text, "Đạt", NULL };

      kh_document_table_add_row (table, row);
    }

  layout = kh_pdf_compose (doc, NULL, fonts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (layout->pages->len, >=, 3);

  for (guint p = 0; p < layout->pages->len; p++)
    {
      GArray *ops = g_ptr_array_index (layout->pages, p);
      gboolean header_first = FALSE;
      gboolean has_rows = FALSE;

      for (guint i = 0; i < ops->len; i++)
        {
          const KhPdfOp *op = &g_array_index (ops, KhPdfOp, i);

          if (op->kind != KH_PDF_OP_TEXT || op->y < layout->geometry.top)
            continue;
          if (strstr (op->text, "Tin bài số") != NULL)
            {
              has_rows = TRUE;
              rows_seen++;
            }
          if (!has_rows && g_str_equal (op->text, "STT") && op->style == KH_PDF_BOLD)
            header_first = TRUE;
        }
      if (has_rows)
        g_assert_true (header_first);
    }

  /* every row exactly once */
  g_assert_cmpuint (rows_seen, >=, 80);
}

static void
test_huge_table_row (void)
{
  /* A cell longer than a page is cut into page-high parts. */
  const KhPdfFonts *fonts = fonts_or_skip ();
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(KhPdfLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *header[] = { "A", "B", NULL };
  const char *row[] = { NULL, "ngắn", NULL };
  KhDocumentBlock *table;

  if (fonts == NULL)
    return;

  for (guint i = 0; i < 3000; i++)
    g_string_append (text, "chữ ");
  row[0] = text->str;

  doc = new_document ();
  table = kh_document_add_table (doc, 2, NULL, header);
  kh_document_table_add_row (table, row);
  layout = kh_pdf_compose (doc, NULL, fonts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (layout->pages->len, >=, 3);

  for (guint p = 0; p < layout->pages->len; p++)
    {
      GArray *ops = g_ptr_array_index (layout->pages, p);

      for (guint i = 0; i < ops->len; i++)
        {
          const KhPdfOp *op = &g_array_index (ops, KhPdfOp, i);

          if (op->kind == KH_PDF_OP_RECT)
            g_assert_cmpfloat (op->y + op->h, <=,
                               layout->geometry.height - layout->geometry.bottom + 0.01);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/layout/fits", test_fits);
  g_test_add_func ("/pdf/layout/orphan", test_orphan);
  g_test_add_func ("/pdf/layout/widow", test_widow);
  g_test_add_func ("/pdf/layout/short-paragraph-whole", test_short_paragraph_whole);
  g_test_add_func ("/pdf/layout/keep-with-next", test_keep_with_next);
  g_test_add_func ("/pdf/layout/space-dropped-at-top", test_space_dropped_at_top);
  g_test_add_func ("/pdf/layout/unbreakable-chain", test_unbreakable_chain);
  g_test_add_func ("/pdf/layout/heading-only-part-at-page-end", test_heading_only_part_at_page_end);
  g_test_add_func ("/pdf/layout/closing-block", test_closing_block);
  g_test_add_func ("/pdf/layout/table-header-repeated", test_table_header_repeated);
  g_test_add_func ("/pdf/layout/huge-table-row", test_huge_table_row);

  return g_test_run ();
}
