/* fuzz-dates.c — libFuzzer target: the date and period parsers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-period.h"
#include "kh-vn-format.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  GDate date;
  KhPeriod period;

  if (kh_parse_date (text, &date, NULL))
    {
      g_autofree char *full = kh_format_date_full (&date);
      g_autofree char *shortened = kh_format_date_short (&date);
      g_assert_true (g_date_valid (&date));
      g_assert_nonnull (full);
      g_assert_nonnull (shortened);
    }

  for (int cutoff = 0; cutoff <= 28; cutoff += 14)
    if (kh_period_parse (&period, text, 2024, cutoff, NULL))
      {
        g_autofree char *described = kh_period_describe (&period);
        g_assert_true (g_date_compare (&period.start, &period.end) <= 0);
        g_assert_nonnull (described);
      }

  return 0;
}
