/* test-period.c — report periods, calendar and cut-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-period.h"

static void
assert_period (KhPeriodKind kind,
               int          cutoff,
               const char  *start,
               const char  *end)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;
  KhPeriod period;

  g_assert_true (kh_period_init (&period, kind, 2024, cutoff, &error));
  g_assert_no_error (error);
  s = kh_format_date_short (&period.start);
  e = kh_format_date_short (&period.end);
  g_assert_cmpstr (s, ==, start);
  g_assert_cmpstr (e, ==, end);
}

static void
test_calendar (void)
{
  assert_period (KH_PERIOD_Q1, 0, "01/01/2024", "31/3/2024");
  assert_period (KH_PERIOD_Q2, 0, "01/4/2024", "30/6/2024");
  assert_period (KH_PERIOD_Q3, 0, "01/7/2024", "30/9/2024");
  assert_period (KH_PERIOD_Q4, 0, "01/10/2024", "31/12/2024");
  assert_period (KH_PERIOD_H1, 0, "01/01/2024", "30/6/2024");
  assert_period (KH_PERIOD_NINE_MONTHS, 0, "01/01/2024", "30/9/2024");
  assert_period (KH_PERIOD_YEAR, 0, "01/01/2024", "31/12/2024");
}

static void
test_cutoff (void)
{
  /* Closing on the 14th: quý I is 15/12/2023 – 14/3/2024. */
  assert_period (KH_PERIOD_Q1, 14, "15/12/2023", "14/3/2024");
  assert_period (KH_PERIOD_Q2, 14, "15/3/2024", "14/6/2024");
  assert_period (KH_PERIOD_Q4, 14, "15/9/2024", "14/12/2024");
  assert_period (KH_PERIOD_H1, 15, "16/12/2023", "15/6/2024");
  assert_period (KH_PERIOD_YEAR, 15, "16/12/2023", "15/12/2024");
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  KhPeriod period;
  GDate date;

  g_assert_true (kh_period_parse (&period, "9m", 2024, 0, &error));
  g_assert_cmpint (period.kind, ==, KH_PERIOD_NINE_MONTHS);

  g_assert_true (kh_period_parse (&period, "2024-01-01:2024-03-01", 2024, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.kind, ==, KH_PERIOD_RANGE);
  described = kh_period_describe (&period);
  /* As the seed report of quý I writes its range. */
  g_assert_cmpstr (described, ==, "từ ngày 01/01/2024 đến ngày 01/3/2024");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 3, 2024);
  g_assert_true (kh_period_contains (&period, &date));
  g_date_set_dmy (&date, 2, 3, 2024);
  g_assert_false (kh_period_contains (&period, &date));

  g_assert_false (kh_period_parse (&period, "q5", 2024, 0, &error));
  g_assert_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_PERIOD);
  g_clear_error (&error);
  g_assert_false (kh_period_parse (&period, "2024-03-01:2024-01-01", 2024, 0, &error));
  g_assert_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_PERIOD);
  g_clear_error (&error);
  g_assert_false (kh_period_parse (&period, "2024-02-30:2024-03-01", 2024, 0, &error));
  g_assert_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_false (kh_period_init (&period, KH_PERIOD_Q1, 2024, 31, &error));
  g_assert_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_PERIOD);
}

static void
test_next (void)
{
  KhPeriod period, next;
  g_autofree char *name = NULL;
  g_autofree char *dates = NULL;

  kh_period_init (&period, KH_PERIOD_Q1, 2024, 0, NULL);
  g_assert_true (kh_period_next (&period, 0, &next));
  name = kh_period_describe (&next);
  g_assert_cmpstr (name, ==, "quý II năm 2024");

  kh_period_init (&period, KH_PERIOD_H1, 2024, 0, NULL);
  g_assert_true (kh_period_next (&period, 0, &next));
  dates = kh_period_describe_dates (&next);
  g_assert_cmpstr (dates, ==, "từ ngày 01/7/2024 đến ngày 31/12/2024");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/calendar", test_calendar);
  g_test_add_func ("/period/cutoff", test_cutoff);
  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/next", test_next);

  return g_test_run ();
}
