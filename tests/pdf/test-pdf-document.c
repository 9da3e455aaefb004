/* test-pdf-document.c — the seed plan exported, read back with
 * poppler-utils: text in reading order, positions, fonts, metadata,
 * the three modes, and bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kh-pdf-writer.h"
#include "kh-test-pdf.h"
#include "kh-text.h"

#define MM (72.0 / 25.4)

typedef struct
{
  char *dir;
} Fixture;

static gboolean
have_poppler (void)
{
  if (kh_test_have_program ("pdftotext") && kh_test_have_program ("pdfinfo") &&
      kh_test_have_program ("pdffonts"))
    return TRUE;
  g_test_skip ("poppler-utils (pdftotext, pdfinfo, pdffonts) not installed");
  return FALSE;
}

static gboolean
have_fonts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(GBytes) bytes = kh_pdf_render_document (doc, NULL, &error);

  if (bytes != NULL)
    return TRUE;
  g_test_skip (error->message);
  return FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kh-test-pdf-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
export (Fixture          *f,
        const KhDocument *doc,
        const KhPdfOptions *options,
        const char       *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  kh_pdf_write_document (doc, options, path, &error);
  g_assert_no_error (error);

  return path;
}

static char *
strip_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));

  return g_string_free (s, FALSE);
}

/* The text without the page numbers, which sit between the pages. */
static char *
without_page_numbers (const char *text)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[i], "\n", -1);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      gboolean seen = FALSE;

      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (!seen && i > 0 && g_str_equal (g_strstrip (lines[j]), number))
            {
              seen = TRUE;
              continue;
            }
          g_string_append (s, lines[j]);
          g_string_append_c (s, '\n');
        }
    }

  return g_string_free (s, FALSE);
}

/* Every block of @doc appears in @text, in order (spaces aside: the
 * PDF breaks lines where the source had none). */
static void
assert_reading_order (const KhDocument *doc,
                      const char       *text)
{
  g_autofree char *clean = without_page_numbers (text);
  g_autofree char *flat = strip_spaces (clean);
  const char *from = flat;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const KhDocumentBlock *block = g_ptr_array_index (doc->blocks, i);
      g_autofree char *nfc = kh_text_normalize (block->text);
      g_autofree char *needle = strip_spaces (nfc);
      const char *found = strstr (from, needle);

      if (found == NULL)
        g_error ("block %u missing or out of order: %s", i + 1, block->text);
      from = found + strlen (needle);
    }
}

static void
test_seed_text (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KhDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *expected[] = {
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "UBND THỊ XÃ ĐỨC PHỔ", "ỦY BAN NHÂN DÂN", "PHƯỜNG PHỔ MINH",
    "Số: 18/KH-UBND", "Phổ Minh, ngày 19 tháng 02 năm 2024", "KẾ HOẠCH",
    "Tuyên truyền cải cách hành chính năm 2024", "Trên địa bàn phường Phổ Minh",
    "Nơi nhận:", "- UBND thị xã;", "- Lưu: VT.", "CHỦ TỊCH", "Lê Duy Bảo",
  };

  if (!have_poppler () || !have_fonts ())
    return;

  doc = kh_test_load_document ("seed-plan.txt");
  path = export (f, doc, NULL, "issued.pdf");
  text = kh_test_pdftotext (path);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” missing from the PDF text", expected[i]);
  g_assert_null (strstr (text, "DỰ THẢO"));

  assert_reading_order (doc, text);
}

static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GRegex) number = g_regex_new ("Số: {3,}/KH-UBND", 0, 0, NULL);
  g_autoptr(GRegex) date = g_regex_new ("Phổ Minh, ngày {3,}tháng {3,}năm 2024", 0, 0, NULL);
  g_autofree char *signing = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler () || !have_fonts ())
    return;

  doc = kh_test_load_document ("seed-plan.txt");
  kh_document_set_signing (doc, 2024);
  signing = export (f, doc, NULL, "signing.pdf");
  text = kh_test_pdftotext (signing);
  g_assert_true (g_regex_match (number, text, 0, NULL));
  g_assert_true (g_regex_match (date, text, 0, NULL));
  g_assert_null (strstr (text, "18/KH"));
  g_assert_null (strstr (text, "19 tháng"));
  g_assert_null (strstr (text, "DỰ THẢO"));
  assert_reading_order (doc, text);
  g_clear_pointer (&text, g_free);

  kh_document_set_draft (doc, 2024);
  draft = export (f, doc, NULL, "draft.pdf");
  text = kh_test_pdftotext (draft);
  g_assert_nonnull (strstr (text, "DỰ THẢO"));
  g_assert_true (g_regex_match (number, text, 0, NULL));
  assert_reading_order (doc, text);
}

static void
test_metadata (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KhDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;
  double version;
  const char *v;

  if (!have_poppler () || !have_fonts ())
    return;

  doc = kh_test_load_document ("seed-plan.txt");
  path = export (f, doc, NULL, "issued.pdf");

  info = kh_test_spawn ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "Title:           KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2024"));
  g_assert_nonnull (strstr (info, "Author:          ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH"));
  g_assert_nonnull (strstr (info, "Creator:         Kế Hoạch " PACKAGE_VERSION));
  v = strstr (info, "PDF version:");
  g_assert_nonnull (v);
  version = g_ascii_strtod (v + strlen ("PDF version:"), NULL);
  g_assert_cmpfloat (version, >=, 1.4);

  /* every font embedded and subset */
  fonts = kh_test_spawn ("pdffonts", path, NULL);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_true (g_str_has_prefix (lines[i], "HPDF") || strchr (lines[i], '+') != NULL);
      g_assert_nonnull (strstr (lines[i], "Liberation"));
      g_assert_nonnull (strstr (lines[i], " yes yes yes "));
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, ==, 4);
}

static void
test_positions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(KhTestBoxes) boxes = NULL;
  g_autoptr(KhTestBoxes) draft_boxes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *draft = NULL;

  if (!have_poppler () || !have_fonts ())
    return;

  doc = kh_test_load_document ("seed-plan.txt");
  path = export (f, doc, NULL, "issued.pdf");
  boxes = kh_test_boxes_new (path);
  kh_test_boxes_assert_nd30 (boxes, 30 * MM, 15 * MM, 20 * MM, 20 * MM, FALSE);

  kh_document_set_draft (doc, 2024);
  draft = export (f, doc, NULL, "draft.pdf");
  draft_boxes = kh_test_boxes_new (draft);
  kh_test_boxes_assert_nd30 (draft_boxes, 30 * MM, 15 * MM, 20 * MM, 20 * MM, TRUE);
}

static void
test_margins_and_spacing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(KhTestBoxes) wide = NULL;
  g_autoptr(KhTestBoxes) single = NULL;
  g_autoptr(KhTestBoxes) loose = NULL;
  g_autofree char *path = NULL;
  KhPdfOptions options;

  if (!have_poppler () || !have_fonts ())
    return;

  doc = kh_test_load_document ("seed-plan.txt");
  kh_pdf_options_init (&options);
  options.margin_top = 25;
  options.margin_bottom = 25;
  options.margin_left = 35;
  options.margin_right = 20;
  path = export (f, doc, &options, "wide.pdf");
  wide = kh_test_boxes_new (path);
  kh_test_boxes_assert_nd30 (wide, 35 * MM, 20 * MM, 25 * MM, 25 * MM, FALSE);
  g_clear_pointer (&path, g_free);

  kh_pdf_options_init (&options);
  options.line_spacing = 1.0;
  path = export (f, doc, &options, "single.pdf");
  single = kh_test_boxes_new (path);
  g_clear_pointer (&path, g_free);

  options.line_spacing = 1.5;
  path = export (f, doc, &options, "loose.pdf");
  loose = kh_test_boxes_new (path);
  kh_test_boxes_assert_nd30 (loose, 30 * MM, 15 * MM, 20 * MM, 20 * MM, FALSE);

  g_assert_cmpuint (single->n_pages, <, loose->n_pages);
}

static void
test_invalid_options (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autofree char *path = g_build_filename (f->dir, "bad.pdf", NULL);
  struct { double *field; double value; } cases[5];
  KhPdfOptions options;

  cases[0].field = &options.margin_left, cases[0].value = 25;
  cases[1].field = &options.margin_right, cases[1].value = 21;
  cases[2].field = &options.margin_top, cases[2].value = 10;
  cases[3].field = &options.margin_bottom, cases[3].value = 30;
  cases[4].field = &options.line_spacing, cases[4].value = 2.0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      kh_pdf_options_init (&options);
      *cases[i].field = cases[i].value;
      g_assert_false (kh_pdf_write_document (doc, &options, path, &error));
      g_assert_error (error, KH_PDF_ERROR, KH_PDF_ERROR_INVALID_OPTIONS);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_emoji (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "emoji.pdf", NULL);
  g_autofree char *contents = NULL;

  if (!have_fonts ())
    return;

  doc = kh_test_load_document ("seed-plan.txt");
  kh_document_add_paragraph (doc, "Chúc mừng năm mới 😀 mọi người.");

  /* an earlier export stays untouched */
  g_file_set_contents (path, "old", -1, NULL);
  g_assert_false (kh_pdf_write_document (doc, NULL, path, &error));
  g_assert_error (error, KH_PDF_ERROR, KH_PDF_ERROR_UNSUPPORTED_CHAR);
  g_assert_nonnull (strstr (error->message, "😀"));
  g_assert_nonnull (strstr (error->message, "U+1F600"));
  g_assert_nonnull (strstr (error->message, "Chúc mừng"));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old");
  g_test_message ("%s", error->message);
}

static void
test_missing_glyph (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!have_fonts ())
    return;

  kh_document_set_title (doc, "Kế hoạch 一");
  bytes = kh_pdf_render_document (doc, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, KH_PDF_ERROR, KH_PDF_ERROR_UNSUPPORTED_CHAR);
  g_assert_nonnull (strstr (error->message, "U+4E00"));
  g_assert_nonnull (strstr (error->message, "title"));
}

static void
test_nfd (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autofree char *nfd = g_utf8_normalize ("Tuyên truyền cải cách hành chính ặ ơ ư Ữ", -1,
                                           G_NORMALIZE_NFD);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler () || !have_fonts ())
    return;

  g_assert_cmpstr (nfd, !=, "Tuyên truyền cải cách hành chính ặ ơ ư Ữ");
  kh_document_add_paragraph (doc, nfd);
  path = export (f, doc, NULL, "nfd.pdf");
  text = kh_test_pdftotext (path);
  g_assert_nonnull (strstr (text, "Tuyên truyền cải cách hành chính ặ ơ ư Ữ"));
}

static void
test_long_word_and_empty_part (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(KhTestBoxes) boxes = NULL;

  if (!have_poppler () || !have_fonts ())
    return;

  for (guint i = 0; i < 300; i++)
    g_string_append (word, i % 2 ? "ữ" : "Ặ");

  kh_document_add_heading (doc, 1, "I. PHẦN TRỐNG");
  kh_document_add_paragraph (doc, "");
  kh_document_add_heading (doc, 1, "II. TỪ DÀI");
  kh_document_add_paragraph (doc, word->str);

  path = export (f, doc, NULL, "long.pdf");
  text = kh_test_pdftotext (path);
  flat = strip_spaces (text);
  g_assert_nonnull (strstr (flat, word->str));
  g_assert_nonnull (strstr (text, "I. PHẦN TRỐNG"));

  boxes = kh_test_boxes_new (path);
  for (guint i = 0; i < boxes->words->len; i++)
    g_assert_cmpfloat (((KhTestWord *) g_ptr_array_index (boxes->words, i))->x_max, <=,
                       boxes->page_width - 15 * MM + 0.5);
}

static void
test_megabyte_paragraph (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *flat_in = NULL;
  g_autofree char *flat_out = NULL;
  guint n = 0;
  gint64 start;

  if (!have_poppler () || !have_fonts ())
    return;

  while (text->len < 1024 * 1024)
    g_string_append_printf (text, "Tuyên truyền cải cách hành chính số %u. ", n++);
  kh_document_add_paragraph (doc, text->str);

  start = g_get_monotonic_time ();
  bytes = kh_pdf_render_document (doc, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("1 MB paragraph: %.1f s", (g_get_monotonic_time () - start) / 1e6);
  path = kh_test_write_temp (bytes, "mega.pdf");
  out = kh_test_pdftotext (path);
  clean = without_page_numbers (out);
  flat_in = strip_spaces (text->str);
  flat_out = strip_spaces (clean);
  g_assert_nonnull (strstr (flat_out, flat_in));

  g_unlink (path);
  *strrchr (path, '/') = '\0';
  g_rmdir (path);
}

static void
test_header_variants (Fixture       *f,
                      gconstpointer  data)
{
  /* No parent agency, a long agency name, every authority form. */
  const char *authorities[][2] = {
    { "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH" },
    { "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" },
    { NULL, "CHỦ TỊCH" },
  };

  if (!have_poppler () || !have_fonts ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
    {
      g_autoptr(KhDocument) doc = kh_test_load_document ("seed-plan.txt");
      g_autoptr(KhTestBoxes) boxes = NULL;
      g_autofree char *name = g_strdup_printf ("variant-%u.pdf", i);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      double column_right = 30 * MM + (595.276 - 45 * MM) * 0.42;

      if (i == 0)
        kh_document_set_agency (doc, NULL, "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH QUẢNG NGÃI",
                                "SVHTTDL", "Quảng Ngãi");
      kh_document_set_signature (doc, authorities[i][0], authorities[i][1], "Nguyễn Văn A");
      path = export (f, doc, NULL, name);
      text = kh_test_pdftotext (path);
      if (authorities[i][0] != NULL)
        g_assert_nonnull (strstr (text, authorities[i][0]));
      g_assert_nonnull (strstr (text, authorities[i][1]));
      g_assert_nonnull (strstr (text, "Nguyễn Văn A"));

      /* the agency stays inside its column */
      boxes = kh_test_boxes_new (path);
      for (guint j = 0; j < boxes->words->len; j++)
        {
          const KhTestWord *word = g_ptr_array_index (boxes->words, j);

          if (word->page == 1 && (g_str_equal (word->text, "NGÃI") ||
                                  g_str_equal (word->text, "MINH")) && word->y_max < 120)
            g_assert_cmpfloat (word->x_max, <=, column_right);
        }
      if (i == 0)
        g_assert_null (strstr (text, "UBND THỊ XÃ"));
    }
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 20, 20, 120, 60);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static void
test_image (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a", 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  if (!have_poppler () || !have_fonts ())
    return;

  kh_document_add_paragraph (doc, "Biểu đồ:");
  kh_document_add_image (doc, png, 120);
  path = export (f, doc, NULL, "image.pdf");
  if (kh_test_have_program ("pdfimages"))
    {
      g_autofree char *list = kh_test_spawn ("pdfimages", "-list", path, NULL);
      g_assert_nonnull (strstr (list, "   200   100 "));
    }

  kh_document_add_image (doc, not_png, 50);
  bytes = kh_pdf_render_document (doc, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, KH_PDF_ERROR, KH_PDF_ERROR_INVALID_DOCUMENT);
}

static void
test_bare_document (Fixture       *f,
                    gconstpointer  data)
{
  /* Nothing set at all: still a valid page, no "(null)" anywhere. */
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_strdup_printf ("năm %d", g_date_time_get_year (now));
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler () || !have_fonts ())
    return;

  kh_document_set_type (doc, "BÁO CÁO", NULL);
  path = export (f, doc, NULL, "bare.pdf");
  text = kh_test_pdftotext (path);
  g_assert_null (strstr (text, "null"));
  g_assert_nonnull (strstr (text, "BÁO CÁO"));
  g_assert_nonnull (strstr (text, year));
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no", "such", "dir.pdf", NULL);

  if (!have_fonts ())
    return;

  g_assert_false (kh_pdf_write_document (doc, NULL, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/pdf/document/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("seed-text", test_seed_text);
  ADD ("modes", test_modes);
  ADD ("metadata", test_metadata);
  ADD ("positions", test_positions);
  ADD ("margins-and-spacing", test_margins_and_spacing);
  ADD ("invalid-options", test_invalid_options);
  ADD ("emoji", test_emoji);
  ADD ("missing-glyph", test_missing_glyph);
  ADD ("nfd", test_nfd);
  ADD ("long-word-and-empty-part", test_long_word_and_empty_part);
  ADD ("megabyte-paragraph", test_megabyte_paragraph);
  ADD ("header-variants", test_header_variants);
  ADD ("image", test_image);
  ADD ("bare-document", test_bare_document);
  ADD ("unwritable", test_unwritable);

#undef ADD

  return g_test_run ();
}
