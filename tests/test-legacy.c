/* test-legacy.c — TCVN3 and VNI text recognised and converted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-legacy.h"

static void
test_tcvn3 (void)
{
  /* "Ủy ban nhân dân phường Phổ Minh" typed in .VnTime. */
  const char *legacy = "ñy ban nh©n d©n ph\u00adêng Phæ Minh tuyªn truyÒn c¶i c¸ch hµnh chÝnh";
  g_autofree char *converted = NULL;

  g_assert_cmpint (kh_legacy_detect (legacy), ==, KH_LEGACY_TCVN3);
  converted = kh_legacy_convert (legacy, KH_LEGACY_TCVN3);
  g_assert_cmpstr (converted, ==, "ủy ban nhân dân phường Phổ Minh tuyên truyền cải cách hành chính");
}

static void
test_vni (void)
{
  const char *legacy = "UÛy ban nhaân daân phöôøng Phoå Minh tuyeân truyeàn caûi caùch haønh chính, ñaëc bieät";
  g_autofree char *converted = NULL;

  g_assert_cmpint (kh_legacy_detect (legacy), ==, KH_LEGACY_VNI);
  converted = kh_legacy_convert (legacy, KH_LEGACY_VNI);
  g_assert_cmpstr (converted, ==, "Ủy ban nhân dân phường Phổ Minh tuyên truyền cải cách hành chính, đặc biệt");
}

static void
test_vni_letters (void)
{
  static const struct { const char *vni; const char *unicode; } cases[] = {
    { "Vieät Nam", "Việt Nam" },
    { "Quaûng Ngaõi", "Quảng Ngãi" },
    { "Ñöùc Phoå", "Đức Phổ" },
    { "hôïp taùc", "hợp tác" },
    { "nghò ñònh", "nghị định" },
    { "ôû ñaâu", "ở đâu" },
    { "aên uoáng", "ăn uống" },
    { "Kyø hoïp", "Kỳ họp" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *converted = kh_legacy_convert (cases[i].vni, KH_LEGACY_VNI);
      g_assert_cmpstr (converted, ==, cases[i].unicode);
    }
}

static void
test_unicode_untouched (void)
{
  /* Real Vietnamese, English, and French with Latin-1 accents. */
  g_assert_cmpint (kh_legacy_detect ("Phổ Minh, ngày 19 tháng 02 năm 2024"), ==, KH_LEGACY_NONE);
  g_assert_cmpint (kh_legacy_detect ("Cà phê, bánh mì và phở"), ==, KH_LEGACY_NONE);
  g_assert_cmpint (kh_legacy_detect ("Plan for the year"), ==, KH_LEGACY_NONE);
  g_assert_cmpint (kh_legacy_detect ("Kế hoạch số 18/KH-UBND ngày 19/02/2024"), ==, KH_LEGACY_NONE);
  g_assert_cmpint (kh_legacy_detect (""), ==, KH_LEGACY_NONE);
  g_assert_cmpint (kh_legacy_detect (NULL), ==, KH_LEGACY_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/legacy/tcvn3", test_tcvn3);
  g_test_add_func ("/legacy/vni", test_vni);
  g_test_add_func ("/legacy/vni-letters", test_vni_letters);
  g_test_add_func ("/legacy/unicode-untouched", test_unicode_untouched);

  return g_test_run ();
}
