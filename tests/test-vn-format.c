/* test-vn-format.c — dates, numbers and names by Nghị định 30
 *
 * The cases are the dates and numbers of the seed documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-vn-format.h"

static void
assert_date_full (guint day, guint month, guint year, const char *expected)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  g_autofree char *text = kh_format_date_full (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_date_full (void)
{
  /* Days below 10 and months 1 and 2 get a leading zero. */
  assert_date_full (19, 2, 2024, "ngày 19 tháng 02 năm 2024");
  assert_date_full (8, 3, 2024, "ngày 08 tháng 3 năm 2024");
  assert_date_full (14, 6, 2024, "ngày 14 tháng 6 năm 2024");
  assert_date_full (5, 1, 2025, "ngày 05 tháng 01 năm 2025");
  assert_date_full (25, 10, 2017, "ngày 25 tháng 10 năm 2017");
  assert_date_full (31, 12, 2024, "ngày 31 tháng 12 năm 2024");
}

static void
assert_date_short (guint day, guint month, guint year, const char *expected)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  g_autofree char *text = kh_format_date_short (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_date_short (void)
{
  /* As the seeds write them. */
  assert_date_short (19, 2, 2024, "19/02/2024");
  assert_date_short (29, 12, 2023, "29/12/2023");
  assert_date_short (6, 9, 2023, "06/9/2023");
  assert_date_short (11, 1, 2022, "11/01/2022");
  assert_date_short (1, 3, 2024, "01/3/2024");
  assert_date_short (23, 4, 2018, "23/4/2018");
}

static void
test_place_date (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (19, 2, 2024);
  g_autofree char *issued = kh_format_place_date ("Phổ Minh", date);
  g_autofree char *blank = kh_format_place_date_blank ("Phổ Minh", 2024);
  g_autofree char *no_place = kh_format_place_date (NULL, date);

  g_assert_cmpstr (issued, ==, "Phổ Minh, ngày 19 tháng 02 năm 2024");
  g_assert_cmpstr (blank, ==, "Phổ Minh, ngày      tháng      năm 2024");
  g_assert_cmpstr (no_place, ==, "ngày 19 tháng 02 năm 2024");
}

static void
test_doc_number (void)
{
  g_autofree char *plan = kh_format_doc_number (18, "KH", "UBND");
  g_autofree char *report = kh_format_doc_number (5, "BC", "UBND");
  g_autofree char *big = kh_format_doc_number (134, "BC", "UBND");
  g_autofree char *blank = kh_format_doc_number (0, "KH", "UBND");
  g_autofree char *symbol = kh_format_doc_symbol (18, "KH", "UBND");

  g_assert_cmpstr (plan, ==, "Số: 18/KH-UBND");
  g_assert_cmpstr (report, ==, "Số: 05/BC-UBND");
  g_assert_cmpstr (big, ==, "Số: 134/BC-UBND");
  g_assert_cmpstr (blank, ==, "Số:      /KH-UBND");
  g_assert_cmpstr (symbol, ==, "18/KH-UBND");
}

static void
test_roman (void)
{
  static const char * const expected[] = {
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XIV", "XIX", "XX",
  };
  static const int numbers[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 19, 20 };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *roman = kh_format_roman (numbers[i]);
      g_assert_cmpstr (roman, ==, expected[i]);
    }
}

static void
test_point_letters (void)
{
  g_assert_cmpstr (kh_format_point_letter (0), ==, "a");
  g_assert_cmpstr (kh_format_point_letter (3), ==, "d");
  /* The Vietnamese alphabet: đ follows d, there is no f. */
  g_assert_cmpstr (kh_format_point_letter (4), ==, "đ");
  g_assert_cmpstr (kh_format_point_letter (5), ==, "e");
  g_assert_cmpstr (kh_format_point_letter (6), ==, "g");
}

static void
test_period_names (void)
{
  static const struct { KhPeriodKind kind; const char *id; const char *name; } cases[] = {
    { KH_PERIOD_Q1, "q1", "quý I năm 2024" },
    { KH_PERIOD_Q2, "q2", "quý II năm 2024" },
    { KH_PERIOD_Q3, "q3", "quý III năm 2024" },
    { KH_PERIOD_Q4, "q4", "quý IV năm 2024" },
    { KH_PERIOD_H1, "h1", "6 tháng đầu năm 2024" },
    { KH_PERIOD_NINE_MONTHS, "9m", "9 tháng năm 2024" },
    { KH_PERIOD_YEAR, "year", "năm 2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = kh_format_period_name (cases[i].kind, 2024);
      KhPeriodKind parsed;

      g_assert_cmpstr (name, ==, cases[i].name);
      g_assert_cmpstr (kh_period_kind_to_string (cases[i].kind), ==, cases[i].id);
      g_assert_true (kh_period_kind_from_string (cases[i].id, &parsed));
      g_assert_cmpint (parsed, ==, cases[i].kind);
    }
  g_assert_false (kh_period_kind_from_string ("q5", &(KhPeriodKind){ 0 }));
}

static void
test_parse_date (void)
{
  static const struct { const char *text; guint d, m, y; } good[] = {
    { "19/02/2024", 19, 2, 2024 },
    { "19/2/2024", 19, 2, 2024 },
    { " 08-03-2024 ", 8, 3, 2024 },
    { "29.02.2024", 29, 2, 2024 },
    { "2024-02-19", 19, 2, 2024 },
  };
  static const char * const bad[] = {
    "30/02/2024", "29/02/2023", "", "19/02", "19/02/24", "hôm nay", "19/02-2024", "32/01/2024",
    "19/13/2024", "1/1/2024x",
    /* Found by fuzz-dates: day 257 wrapped to the 1st of the month. */
    "2024-02-257", "2024-02-513",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_assert_true (kh_parse_date (good[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_date_get_day (&date), ==, good[i].d);
      g_assert_cmpuint (g_date_get_month (&date), ==, good[i].m);
      g_assert_cmpuint (g_date_get_year (&date), ==, good[i].y);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_assert_false (kh_parse_date (bad[i], &date, &error));
      g_assert_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_DATE);
      g_assert_false (g_date_valid (&date));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vn-format/date-full", test_date_full);
  g_test_add_func ("/vn-format/date-short", test_date_short);
  g_test_add_func ("/vn-format/place-date", test_place_date);
  g_test_add_func ("/vn-format/doc-number", test_doc_number);
  g_test_add_func ("/vn-format/roman", test_roman);
  g_test_add_func ("/vn-format/point-letters", test_point_letters);
  g_test_add_func ("/vn-format/period-names", test_period_names);
  g_test_add_func ("/vn-format/parse-date", test_parse_date);

  return g_test_run ();
}
