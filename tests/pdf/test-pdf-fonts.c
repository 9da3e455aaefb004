/* test-pdf-fonts.c — finding the faces, their metrics, their subsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <hb.h>
#include <hpdf.h>
#include <string.h>

#include "kh-pdf-fonts.h"
#include "kh-pdf-writer.h"

/* Every Vietnamese letter that is not plain ASCII: 67 a case. */
static const char vietnamese_lower[] =
  "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

static const KhPdfFonts *
fonts_or_skip (void)
{
  g_autoptr(GError) error = NULL;
  const KhPdfFonts *fonts = kh_pdf_fonts_get (NULL, &error);

  if (fonts == NULL)
    g_test_skip (error->message);
  return fonts;
}

static void
test_letters_count (void)
{
  g_autofree char *upper = g_utf8_strup (vietnamese_lower, -1);

  g_assert_cmpint (g_utf8_strlen (vietnamese_lower, -1), ==, 67);
  g_assert_cmpint (g_utf8_strlen (upper, -1), ==, 67);
}

static void
test_found (void)
{
  const KhPdfFonts *fonts = fonts_or_skip ();

  if (fonts == NULL)
    return;

  g_assert_cmpstr (kh_pdf_fonts_get_family (fonts), ==, KH_PDF_DEFAULT_FAMILY);
  for (guint i = 0; i < KH_PDF_N_STYLES; i++)
    {
      const char *path = kh_pdf_fonts_get_path (fonts, i);

      g_assert_nonnull (path);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  /* the same faces, loaded once */
  g_assert_true (kh_pdf_fonts_get (KH_PDF_DEFAULT_FAMILY, NULL) == fonts);
}

static void
test_missing_family (void)
{
  g_autoptr(GError) error = NULL;
  const KhPdfFonts *fonts = kh_pdf_fonts_get ("Kh No Such Family", &error);

  g_assert_null (fonts);
  g_assert_error (error, KH_PDF_ERROR, KH_PDF_ERROR_FONT_MISSING);
  g_assert_nonnull (strstr (error->message, "Kh No Such Family"));
  g_assert_nonnull (strstr (error->message, "fonts-liberation2"));
}

static void
test_has_char (void)
{
  const KhPdfFonts *fonts = fonts_or_skip ();
  g_autofree char *upper = g_utf8_strup (vietnamese_lower, -1);

  if (fonts == NULL)
    return;

  for (guint s = 0; s < KH_PDF_N_STYLES; s++)
    {
      for (const char *p = vietnamese_lower; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_true (kh_pdf_fonts_has_char (fonts, s, g_utf8_get_char (p)));
      for (const char *p = upper; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_true (kh_pdf_fonts_has_char (fonts, s, g_utf8_get_char (p)));
      g_assert_false (kh_pdf_fonts_has_char (fonts, s, 0x1F600));  /* emoji */
      g_assert_false (kh_pdf_fonts_has_char (fonts, s, 0x4E00));   /* CJK */
    }
}

/* Our widths are libharu's: the layout never disagrees with the PDF. */
static void
test_widths_match_libharu (void)
{
  const KhPdfFonts *fonts = fonts_or_skip ();
  g_autofree char *upper = g_utf8_strup (vietnamese_lower, -1);
  g_autofree char *text = NULL;
  HPDF_Doc pdf;

  if (fonts == NULL)
    return;

  text = g_strconcat (vietnamese_lower, upper, " 0123456789 Số: /KH-UBND “”–—", NULL);
  pdf = HPDF_New (NULL, NULL);
  HPDF_UseUTFEncodings (pdf);

  for (guint s = 0; s < KH_PDF_N_STYLES; s++)
    {
      const char *name = HPDF_LoadTTFontFromFile (pdf, kh_pdf_fonts_get_path (fonts, s), HPDF_TRUE);
      HPDF_Font font = HPDF_GetFont (pdf, name, "UTF-8");

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gsize len = g_utf8_next_char (p) - p;
          HPDF_TextWidth tw = HPDF_Font_TextWidth (font, (const HPDF_BYTE *) p, len);

          g_assert_cmpfloat_with_epsilon (kh_pdf_fonts_measure (fonts, s, 1000, p, len),
                                          tw.width, 0.0001);
        }
    }

  HPDF_Free (pdf);
}

static void
test_subset (void)
{
  const KhPdfFonts *fonts = fonts_or_skip ();
  g_autoptr(GBytes) subset = NULL;
  g_autofree char *full = NULL;
  gsize full_size = 0;
  hb_set_t *chars;
  hb_set_t *kept;
  hb_blob_t *blob;
  hb_face_t *face;

  if (fonts == NULL)
    return;

  chars = hb_set_create ();
  for (const char *p = vietnamese_lower; *p != '\0'; p = g_utf8_next_char (p))
    hb_set_add (chars, g_utf8_get_char (p));

  subset = kh_pdf_fonts_subset (fonts, KH_PDF_REGULAR, chars, NULL);
  g_assert_nonnull (subset);
  g_file_get_contents (kh_pdf_fonts_get_path (fonts, KH_PDF_REGULAR), &full, &full_size, NULL);
  g_assert_cmpuint (g_bytes_get_size (subset), <, full_size / 10);

  /* every character asked for is still mapped */
  blob = hb_blob_create (g_bytes_get_data (subset, NULL), g_bytes_get_size (subset),
                         HB_MEMORY_MODE_READONLY, NULL, NULL);
  face = hb_face_create (blob, 0);
  kept = hb_set_create ();
  hb_face_collect_unicodes (face, kept);
  g_assert_true (hb_set_is_subset (chars, kept));

  hb_set_destroy (kept);
  hb_face_destroy (face);
  hb_blob_destroy (blob);
  hb_set_destroy (chars);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/fonts/letters-count", test_letters_count);
  g_test_add_func ("/pdf/fonts/found", test_found);
  g_test_add_func ("/pdf/fonts/missing-family", test_missing_family);
  g_test_add_func ("/pdf/fonts/has-char", test_has_char);
  g_test_add_func ("/pdf/fonts/widths-match-libharu", test_widths_match_libharu);
  g_test_add_func ("/pdf/fonts/subset", test_subset);

  return g_test_run ();
}
