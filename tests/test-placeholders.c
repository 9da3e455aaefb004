/* test-placeholders.c — filling templates for an agency and a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-placeholders.h"

static KhAgency *
pho_minh (void)
{
  KhAgency *agency = kh_agency_new ();

  g_free (agency->name);
  agency->name = g_strdup ("ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH");
  g_free (agency->parent_name);
  agency->parent_name = g_strdup ("UBND THỊ XÃ ĐỨC PHỔ");
  g_free (agency->short_name);
  agency->short_name = g_strdup ("UBND phường Phổ Minh");
  g_free (agency->abbreviation);
  agency->abbreviation = g_strdup ("UBND");
  g_free (agency->place);
  agency->place = g_strdup ("Phổ Minh");
  return agency;
}

static void
test_locality_from_caps (void)
{
  static const struct { const char *caps; const char *expected; } cases[] = {
    { "UBND THỊ XÃ ĐỨC PHỔ", "thị xã Đức Phổ" },
    { "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH", "phường Phổ Minh" },
    { "UBND TỈNH QUẢNG NGÃI", "tỉnh Quảng Ngãi" },
    { "UBND THÀNH PHỐ HÀ NỘI", "thành phố Hà Nội" },
    { "ỦY BAN NHÂN DÂN XÃ TÂN QUANG", "xã Tân Quang" },
    { "UBND HUYỆN VĂN LÂM", "huyện Văn Lâm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *locality = kh_locality_from_caps (cases[i].caps);
      g_assert_cmpstr (locality, ==, cases[i].expected);
    }

  g_assert_null (kh_locality_from_caps ("SỞ NỘI VỤ"));
}

static void
test_expand (void)
{
  g_autoptr(KhAgency) agency = pho_minh ();
  g_autoptr(KhPlaceholders) placeholders = kh_placeholders_new (agency, 2025);
  g_autofree char *title = kh_placeholders_expand (placeholders,
                                                   "Tuyên truyền cải cách hành chính năm {year}\nTrên địa bàn {locality}");
  g_autofree char *basis = kh_placeholders_expand (placeholders,
                                                   "Quyết định số …/QĐ-UBND ngày …/…/{prev_year} của {agency}");
  g_autofree char *parent = kh_placeholders_expand (placeholders,
                                                    "{parent_agency}; {parent_locality}; Đài truyền thanh {locality_level}");
  g_autofree char *unknown = kh_placeholders_expand (placeholders, "{nam} {year");

  g_assert_cmpstr (title, ==, "Tuyên truyền cải cách hành chính năm 2025\nTrên địa bàn phường Phổ Minh");
  g_assert_cmpstr (basis, ==, "Quyết định số …/QĐ-UBND ngày …/…/2024 của UBND phường Phổ Minh");
  g_assert_cmpstr (parent, ==, "UBND thị xã Đức Phổ; thị xã Đức Phổ; Đài truyền thanh phường");
  /* A typo stays visible rather than disappearing. */
  g_assert_cmpstr (unknown, ==, "{nam} {year");
}

static void
test_no_parent (void)
{
  g_autoptr(KhAgency) agency = pho_minh ();
  g_autoptr(KhPlaceholders) placeholders = NULL;
  g_autofree char *text = NULL;

  /* Since 2025 communes sit directly under the province. */
  g_free (agency->parent_name);
  agency->parent_name = g_strdup ("");
  placeholders = kh_placeholders_new (agency, 2026);
  text = kh_placeholders_expand (placeholders, "[{parent_agency}] {locality}");
  g_assert_cmpstr (text, ==, "[] phường Phổ Minh");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/placeholders/locality-from-caps", test_locality_from_caps);
  g_test_add_func ("/placeholders/expand", test_expand);
  g_test_add_func ("/placeholders/no-parent", test_no_parent);

  return g_test_run ();
}
