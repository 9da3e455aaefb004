/* fuzz-dates.c — libFuzzer target: the date, period and number parsers
 *
 * The numbers a clerk or an exchange file writes are dates ("19/2/2024",
 * "2024-02-19"), periods and years; quantities and document numbers
 * arrive as JSON integers (fuzz-exchange). A date that parses must be
 * the one written: the same day, month and year, none wrapped around.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kh-exchange-private.h"
#include "kh-period.h"
#include "kh-vn-format.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

G_NORETURN static void
fail (const char *what,
      const char *text)
{
  fprintf (stderr, "fuzz-dates: %s: \"%s\"\n", what, text);
  abort ();
}

/* The three numbers of a date as written, in their order. */
static void
numbers_of (const char *text,
            guint64     numbers[3])
{
  const char *p = text;

  for (guint i = 0; i < 3; i++)
    {
      char *end = NULL;

      while (*p != '\0' && !g_ascii_isdigit (*p))
        p++;
      numbers[i] = g_ascii_strtoull (p, &end, 10);
      p = end;
    }
}

static void
check_date (const char *text)
{
  g_autofree char *full = NULL;
  g_autofree char *shortened = NULL;
  GDate date;
  guint64 n[3];
  guint64 d, m, y;

  if (!kh_parse_date (text, &date, NULL))
    return;

  full = kh_format_date_full (&date);
  shortened = kh_format_date_short (&date);
  if (!g_date_valid (&date) || full == NULL || shortened == NULL)
    fail ("a parsed date is not valid", text);

  numbers_of (text, n);
  d = g_date_get_day (&date);
  m = g_date_get_month (&date);
  y = g_date_get_year (&date);
  if (!(n[0] == d && n[1] == m && n[2] == y) && !(n[0] == y && n[1] == m && n[2] == d))
    fail ("a date parsed as another day", text);
}

static void
check_exchange_date (const char *text)
{
  GDate date;
  char again[16];

  if (!kh_exchange_parse_date (text, &date))
    return;

  g_snprintf (again, sizeof again, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  if (strcmp (again, text) != 0)
    fail ("an exchange date parsed as another day", text);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  /* Years a caller may pass, including ones it should not. */
  int years[] = { 2024, 1946, 9998, 0, -1, G_MAXINT, G_MININT, 0 };
  KhPeriod period;

  if (size >= 2)
    years[G_N_ELEMENTS (years) - 1] = (gint16) (data[0] << 8 | data[1]);

  check_date (text);
  check_exchange_date (text);

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    for (int cutoff = -1; cutoff <= 29; cutoff += 15)
      if (kh_period_parse (&period, text, years[y], cutoff, NULL))
        {
          g_autofree char *described = kh_period_describe (&period);
          KhPeriod next;

          if (g_date_compare (&period.start, &period.end) > 0 || described == NULL)
            fail ("a period ends before it starts", text);
          if (kh_period_next (&period, MAX (cutoff, 0), &next) &&
              g_date_compare (&next.start, &period.start) <= 0)
            fail ("the next period does not come later", text);
        }

  return 0;
}
