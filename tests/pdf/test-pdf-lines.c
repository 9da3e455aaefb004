/* test-pdf-lines.c — line breaking and justification
 *
 * Most cases measure with a fake font (every character half an em, so
 * widths are easy to reason about); the last ones with Liberation Serif.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kh-pdf-lines.h"
#include "kh-text.h"

#define SIZE 10.0  /* every character is 5 pt wide */

static double
fake_measure (gpointer    data,
              KhPdfStyle  style,
              double      size,
              const char *text,
              gssize      len)
{
  return g_utf8_strlen (text, len) * size / 2;
}

static KhPdfLineStyle
fake_style (double     width,
            KhPdfAlign align)
{
  KhPdfLineStyle style = { fake_measure, NULL, KH_PDF_REGULAR, SIZE, width, 0, 0, align };

  return style;
}

static double
real_measure (gpointer    data,
              KhPdfStyle  style,
              double      size,
              const char *text,
              gssize      len)
{
  return kh_pdf_fonts_measure (data, style, size, text, len);
}

static const char *
run_text (const KhPdfLine *line,
          guint            i)
{
  return g_array_index (line->runs, KhPdfRun, i).text;
}

static char *
line_text (GPtrArray *lines,
           guint      i)
{
  return kh_pdf_line_get_text (g_ptr_array_index (lines, i));
}

static void
test_break_at_spaces (void)
{
  /* 8 characters fit: "aaa bbb" (7) then "ccc dd" */
  KhPdfLineStyle style = fake_style (40, KH_PDF_ALIGN_LEFT);
  g_autoptr(GPtrArray) lines = kh_pdf_break_lines (&style, "aaa bbb ccc dd");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *all = NULL;

  g_assert_cmpuint (lines->len, ==, 2);
  first = line_text (lines, 0);
  second = line_text (lines, 1);
  g_assert_cmpstr (first, ==, "aaa bbb");
  g_assert_cmpstr (second, ==, "ccc dd");
  g_assert_true (((KhPdfLine *) g_ptr_array_index (lines, 1))->last);

  all = kh_pdf_lines_get_text (lines);
  g_assert_cmpstr (all, ==, "aaa bbb ccc dd");
}

static void
test_spaces_collapse (void)
{
  KhPdfLineStyle style = fake_style (400, KH_PDF_ALIGN_LEFT);
  g_autoptr(GPtrArray) lines = kh_pdf_break_lines (&style, "  a \t  b   c  ");
  g_autofree char *all = kh_pdf_lines_get_text (lines);

  g_assert_cmpstr (all, ==, "a b c");
}

static void
test_break_after_hyphen (void)
{
  /* "kinh tế-xã hội": the break comes after the hyphen, which stays on
   * the first line, and no space is lost or added. */
  KhPdfLineStyle style = fake_style (45, KH_PDF_ALIGN_LEFT);
  g_autoptr(GPtrArray) lines = kh_pdf_break_lines (&style, "kinh tế-xã hội");
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;

  g_assert_cmpuint (lines->len, ==, 2);
  first = line_text (lines, 0);
  g_assert_cmpstr (first, ==, "kinh tế-");
  g_assert_true (((KhPdfLine *) g_ptr_array_index (lines, 0))->joined_next);
  all = kh_pdf_lines_get_text (lines);
  g_assert_cmpstr (all, ==, "kinh tế-xã hội");
}

static void
test_break_after_dashes (void)
{
  KhPdfLineStyle style = fake_style (52, KH_PDF_ALIGN_LEFT);
  const char *texts[] = { "abcd 2021–2023", "abcd 2021—2023" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) lines = kh_pdf_break_lines (&style, texts[i]);
      g_autofree char *all = kh_pdf_lines_get_text (lines);
      const KhPdfLine *first = g_ptr_array_index (lines, 0);

      g_assert_cmpuint (lines->len, ==, 2);
      g_assert_true (g_str_has_suffix (run_text (first, first->runs->len - 1), "2021–") ||
                     g_str_has_suffix (run_text (first, first->runs->len - 1), "2021—"));
      g_assert_cmpstr (all, ==, texts[i]);
    }
}

static void
test_no_break_at_leading_dash (void)
{
  /* A dash that starts a word ("- Tuyên", "-5") or ends one is no break. */
  KhPdfLineStyle style = fake_style (30, KH_PDF_ALIGN_LEFT);
  g_autoptr(GPtrArray) lines = kh_pdf_break_lines (&style, "ab -5 cd- ef");
  g_autofree char *all = kh_pdf_lines_get_text (lines);

  g_assert_cmpstr (all, ==, "ab -5 cd- ef");
  for (guint i = 0; i < lines->len; i++)
    g_assert_false (((KhPdfLine *) g_ptr_array_index (lines, i))->joined_next);
}

static void
test_long_word (void)
{
  /* 300 characters in a 100 pt box (20 characters): broken by
   * character, nothing lost, nothing past the edge. */
  KhPdfLineStyle style = fake_style (100, KH_PDF_ALIGN_JUSTIFY);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (word, i % 3 == 0 ? "ệ" : "a");
  text = g_strdup_printf ("xin %s chào", word->str);

  lines = kh_pdf_break_lines (&style, text);
  all = kh_pdf_lines_get_text (lines);
  g_assert_cmpstr (all, ==, text);

  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpfloat (kh_pdf_line_get_end (g_ptr_array_index (lines, i)), <=, 100.001);
  /* "xin", 15 full lines of the word, "chào" after the rest */
  g_assert_cmpuint (lines->len, ==, 17);
  for (guint i = 1; i < 16; i++)
    g_assert_cmpuint (g_utf8_strlen (run_text (g_ptr_array_index (lines, i), 0), -1), ==, 20);
}

static void
test_character_wider_than_line (void)
{
  /* Even a box narrower than one character makes progress. */
  KhPdfLineStyle style = fake_style (2, KH_PDF_ALIGN_LEFT);
  g_autoptr(GPtrArray) lines = kh_pdf_break_lines (&style, "abc");
  g_autofree char *all = kh_pdf_lines_get_text (lines);

  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (all, ==, "abc");
}

static void
test_justify (void)
{
  KhPdfLineStyle style = fake_style (103, KH_PDF_ALIGN_JUSTIFY);
  g_autoptr(GPtrArray) lines = NULL;

  style.first_indent = 20;
  lines = kh_pdf_break_lines (&style, "aa bbb cc dddd e ff ggg hh iii jj k ll mmm");
  g_assert_cmpuint (lines->len, >=, 3);

  for (guint i = 0; i < lines->len; i++)
    {
      const KhPdfLine *line = g_ptr_array_index (lines, i);
      const KhPdfRun *first = &g_array_index (line->runs, KhPdfRun, 0);
      double end = kh_pdf_line_get_end (line);

      g_assert_cmpfloat_with_epsilon (first->x, i == 0 ? 20 : 0, 0.001);
      if (i + 1 < lines->len)
        {
          g_assert_true (line->justified);
          g_assert_cmpfloat_with_epsilon (end, 103, 0.5);
        }
      else
        {
          /* The last line stays left, one space between words. */
          g_assert_false (line->justified);
          g_assert_cmpfloat (end, <, 103 - 1);
          for (guint j = 1; j < line->runs->len; j++)
            {
              const KhPdfRun *a = &g_array_index (line->runs, KhPdfRun, j - 1);
              const KhPdfRun *b = &g_array_index (line->runs, KhPdfRun, j);

              g_assert_cmpfloat_with_epsilon (b->x - (a->x + a->width), SIZE / 2, 0.001);
            }
        }
    }
}

static void
test_newline (void)
{
  KhPdfLineStyle style = fake_style (400, KH_PDF_ALIGN_JUSTIFY);
  g_autoptr(GPtrArray) lines = kh_pdf_break_lines (&style, "one two\nthree");
  g_autofree char *all = kh_pdf_lines_get_text (lines);

  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_true (((KhPdfLine *) g_ptr_array_index (lines, 0))->last);
  g_assert_false (((KhPdfLine *) g_ptr_array_index (lines, 0))->justified);
  g_assert_cmpstr (all, ==, "one two\nthree");
}

static void
test_centre_and_balance (void)
{
  KhPdfLineStyle style = fake_style (100, KH_PDF_ALIGN_CENTER);
  g_autoptr(GPtrArray) one = kh_pdf_break_lines (&style, "abcd");
  g_autoptr(GPtrArray) balanced = NULL;
  double widths[2];

  g_assert_cmpfloat_with_epsilon (g_array_index (((KhPdfLine *) g_ptr_array_index (one, 0))->runs,
                                                 KhPdfRun, 0).x, 40, 0.001);

  /* Greedy: "aaaa bbbb cccc" + "dd"; balanced: two lines of 9 and 7. */
  style.width = 75;
  balanced = kh_pdf_break_lines_balanced (&style, "aaaa bbbb cccc dd");
  g_assert_cmpuint (balanced->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = line_text (balanced, i);
      widths[i] = g_utf8_strlen (text, -1);
    }
  g_assert_cmpfloat (widths[0], ==, 9);
  g_assert_cmpfloat (widths[1], ==, 7);
}

static void
test_empty (void)
{
  KhPdfLineStyle style = fake_style (100, KH_PDF_ALIGN_JUSTIFY);
  g_autoptr(GPtrArray) none = kh_pdf_break_lines (&style, "");
  g_autoptr(GPtrArray) blank = kh_pdf_break_lines (&style, "  \n \t ");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
}

static void
test_megabyte (void)
{
  /* A 1 MB paragraph: every word kept, in order, in well under a second. */
  KhPdfLineStyle style = fake_style (460, KH_PDF_ALIGN_JUSTIFY);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *all = NULL;
  gint64 start;

  while (text->len < 1024 * 1024)
    g_string_append (text, "tuyên truyền cải cách hành chính ");
  g_strchomp (text->str);
  text->len = strlen (text->str);

  start = g_get_monotonic_time ();
  lines = kh_pdf_break_lines (&style, text->str);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  all = kh_pdf_lines_get_text (lines);
  g_assert_true (strcmp (all, text->str) == 0);
}

/* Found by tests/fuzz/fuzz-layout: a lead byte at the end made the
 * breaker step over the nul. Bytes that are not UTF-8 become U+FFFD. */
static void
test_invalid_utf8 (void)
{
  KhPdfLineStyle style = fake_style (40, KH_PDF_ALIGN_JUSTIFY);
  const char *texts[] = { "ab \xf0", "\xe1\xbb", "x\x96 y", "\xff\xff\xff\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *copy = g_strdup (texts[i]);  /* exact size for ASan */
      g_autoptr(GPtrArray) lines = kh_pdf_break_lines (&style, copy);
      g_autofree char *all = kh_pdf_lines_get_text (lines);

      g_assert_true (g_utf8_validate (all, -1, NULL));
      g_assert_nonnull (strstr (all, "\xef\xbf\xbd"));
    }
}

static void
test_real_font (void)
{
  g_autoptr(GError) error = NULL;
  const KhPdfFonts *fonts = kh_pdf_fonts_get (NULL, &error);
  g_autofree char *nfc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *all = NULL;
  KhPdfLineStyle style = { real_measure, NULL, KH_PDF_REGULAR, 14, 467.7, 36, 0,
                           KH_PDF_ALIGN_JUSTIFY };
  const char *text =
    "Tuyên truyền, phổ biến, nâng cao nhận thức, tinh thần trách nhiệm tổ chức "
    "thực hiện cải cách hành chính của cán bộ, công chức, người hoạt động không "
    "chuyên trách, đặc biệt là cán bộ lãnh đạo về đẩy mạnh cải cách hành chính, "
    "giai đoạn 2021 – 2023, định hướng đến năm 2025; phát triển kinh tế- xã hội.";

  if (fonts == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  style.measure_data = (gpointer) fonts;

  nfc = kh_text_normalize (text);
  lines = kh_pdf_break_lines (&style, nfc);
  all = kh_pdf_lines_get_text (lines);
  g_assert_cmpstr (all, ==, nfc);
  g_assert_cmpuint (lines->len, ==, 4);

  for (guint i = 0; i + 1 < lines->len; i++)
    g_assert_cmpfloat_with_epsilon (kh_pdf_line_get_end (g_ptr_array_index (lines, i)),
                                    467.7, 0.01);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/lines/break-at-spaces", test_break_at_spaces);
  g_test_add_func ("/pdf/lines/spaces-collapse", test_spaces_collapse);
  g_test_add_func ("/pdf/lines/break-after-hyphen", test_break_after_hyphen);
  g_test_add_func ("/pdf/lines/break-after-dashes", test_break_after_dashes);
  g_test_add_func ("/pdf/lines/no-break-at-leading-dash", test_no_break_at_leading_dash);
  g_test_add_func ("/pdf/lines/long-word", test_long_word);
  g_test_add_func ("/pdf/lines/character-wider-than-line", test_character_wider_than_line);
  g_test_add_func ("/pdf/lines/justify", test_justify);
  g_test_add_func ("/pdf/lines/newline", test_newline);
  g_test_add_func ("/pdf/lines/centre-and-balance", test_centre_and_balance);
  g_test_add_func ("/pdf/lines/empty", test_empty);
  g_test_add_func ("/pdf/lines/megabyte", test_megabyte);
  g_test_add_func ("/pdf/lines/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/pdf/lines/real-font", test_real_font);

  return g_test_run ();
}
