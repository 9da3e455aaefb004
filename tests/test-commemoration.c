/* test-commemoration.c — anniversaries as the reports write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-commemoration.h"

#include "kh-test-store.h"

static void
test_format (void)
{
  g_autofree char *ba_to = kh_format_anniversary ("Ngày Khởi nghĩa Ba Tơ", 11, 3, 1945, 2024);
  g_autofree char *women = kh_format_anniversary ("Ngày Quốc tế Phụ nữ", 8, 3, 1910, 2024);
  g_autofree char *happiness = kh_format_anniversary ("Ngày Quốc tế Hạnh phúc", 20, 3, 0, 2024);
  g_autofree char *january = kh_format_anniversary ("Ngày X", 5, 1, 2000, 2025);

  /* As seeds/bao-cao-quy-I-2024-phuong-pho-minh.txt writes them. */
  g_assert_cmpstr (ba_to, ==, "79 năm Ngày Khởi nghĩa Ba Tơ (11/3/1945 – 11/3/2024)");
  g_assert_cmpstr (women, ==, "114 năm Ngày Quốc tế Phụ nữ (08/3/1910 – 08/3/2024)");
  g_assert_cmpstr (happiness, ==, "Ngày Quốc tế Hạnh phúc (20/3)");
  g_assert_cmpstr (january, ==, "25 năm Ngày X (05/01/2000 – 05/01/2025)");
}

static void
test_leap_day (void)
{
  g_autofree char *leap = kh_format_anniversary ("Ngày Y", 29, 2, 1980, 2024);
  g_autofree char *common = kh_format_anniversary ("Ngày Y", 29, 2, 1980, 2023);

  g_assert_cmpstr (leap, ==, "44 năm Ngày Y (29/02/1980 – 29/02/2024)");
  /* In a common year the day is kept on 28 February. */
  g_assert_cmpstr (common, ==, "43 năm Ngày Y (29/02/1980 – 28/02/2023)");
}

static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(KhStore) store = kh_test_store_new ("kh-comm", &dir);
  g_autoptr(GPtrArray) days = NULL;
  g_auto(GStrv) march = NULL;
  KhPeriod q1;
  guint national;

  g_assert_no_error (error);
  g_assert_true (kh_store_install_commemorations (store, &error));
  g_assert_no_error (error);
  days = kh_store_list_commemorations (store, FALSE, &error);
  national = days->len;
  g_assert_cmpuint (national, >=, 25);

  /* Installing again adds nothing. */
  g_assert_true (kh_store_install_commemorations (store, &error));
  g_clear_pointer (&days, g_ptr_array_unref);
  days = kh_store_list_commemorations (store, FALSE, &error);
  g_assert_cmpuint (days->len, ==, national);

  g_assert_cmpint (kh_store_add_commemoration (store, "Ngày Khởi nghĩa Ba Tơ", 11, 3, 1945, TRUE, &error), >, 0);
  g_assert_cmpint (kh_store_add_commemoration (store, "Ngày giải phóng tỉnh Quảng Ngãi", 24, 3, 1975, TRUE, &error), >, 0);
  g_assert_cmpint (kh_store_add_commemoration (store, "Ngày không có", 30, 2, 0, TRUE, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  kh_period_init (&q1, KH_PERIOD_Q1, 2024, 0, NULL);
  march = kh_store_list_anniversaries (store, &q1, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *)march,
                                  "79 năm Ngày Khởi nghĩa Ba Tơ (11/3/1945 – 11/3/2024)"));
  g_assert_true (g_strv_contains ((const char * const *)march,
                                  "49 năm Ngày giải phóng tỉnh Quảng Ngãi (24/3/1975 – 24/3/2024)"));
  g_assert_true (g_strv_contains ((const char * const *)march,
                                  "93 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh (26/3/1931 – 26/3/2024)"));
  g_assert_false (g_strv_contains ((const char * const *)march,
                                   "79 năm Ngày Cách mạng Tháng Tám thành công (19/8/1945 – 19/8/2024)"));
  /* In date order: 3 February comes before 8 March. */
  g_assert_true (g_str_has_prefix (march[0], "94 năm Ngày thành lập Đảng"));

  kh_test_store_remove (&store, &dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/commemoration/format", test_format);
  g_test_add_func ("/commemoration/leap-day", test_leap_day);
  g_test_add_func ("/commemoration/store", test_store);

  return g_test_run ();
}
