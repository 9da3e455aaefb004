/* kh-period.c — report periods: quarters, half-year, nine months, year, ranges
 *
 * By default a period follows calendar months: quý I is 01/01–31/3.
 * Some provinces close report periods on a fixed day instead (the
 * agency's cut-off day, e.g. 14): quý I then runs from 15/12 of the year
 * before to 14/3, and the year from 15/12 to 14/12.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-period"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "kh-period.h"

/* First and last month of each named period. */
static const struct { guint first; guint last; } months[] = {
  [KH_PERIOD_Q1] = { 1, 3 },
  [KH_PERIOD_Q2] = { 4, 6 },
  [KH_PERIOD_Q3] = { 7, 9 },
  [KH_PERIOD_Q4] = { 10, 12 },
  [KH_PERIOD_H1] = { 1, 6 },
  [KH_PERIOD_NINE_MONTHS] = { 1, 9 },
  [KH_PERIOD_YEAR] = { 1, 12 },
};

gboolean
kh_period_init (KhPeriod      *period,
                KhPeriodKind   kind,
                int            year,
                int            cutoff_day,
                GError       **error)
{
  guint first, last;

  g_return_val_if_fail (period != NULL, FALSE);

  if (kind == KH_PERIOD_RANGE || (guint)kind >= G_N_ELEMENTS (months))
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_PERIOD,
                   _("A range of days needs its first and last day."));
      return FALSE;
    }
  if (year < 1946 || year > 9998)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_PERIOD,
                   _("%d is not a year a report can be about."), year);
      return FALSE;
    }
  if (cutoff_day < 0 || cutoff_day > 28)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_PERIOD,
                   _("Report periods can close on a day from 1 to 28 of the month, or at the month’s end."));
      return FALSE;
    }

  first = months[kind].first;
  last = months[kind].last;
  period->kind = kind;
  period->year = year;
  g_date_clear (&period->start, 1);
  g_date_clear (&period->end, 1);

  if (cutoff_day == 0)
    {
      g_date_set_dmy (&period->start, 1, first, year);
      g_date_set_dmy (&period->end, g_date_get_days_in_month (last, year), last, year);
    }
  else
    {
      /* The day after the cut-off in the month before the first month. */
      g_date_set_dmy (&period->start, cutoff_day, first, year);
      g_date_subtract_months (&period->start, 1);
      g_date_add_days (&period->start, 1);
      g_date_set_dmy (&period->end, cutoff_day, last, year);
    }

  return TRUE;
}

gboolean
kh_period_init_range (KhPeriod     *period,
                      const GDate  *start,
                      const GDate  *end,
                      GError      **error)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (!g_date_valid (start) || !g_date_valid (end) || g_date_compare (start, end) > 0)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_PERIOD,
                   _("The period must end on or after the day it starts."));
      return FALSE;
    }

  period->kind = KH_PERIOD_RANGE;
  period->year = g_date_get_year (end);
  period->start = *start;
  period->end = *end;
  return TRUE;
}

/* "q1" … "q4", "h1", "9m", "year", or "YYYY-MM-DD:YYYY-MM-DD" (any date
 * form kh_parse_date() accepts on each side of the colon). */
gboolean
kh_period_parse (KhPeriod    *period,
                 const char  *text,
                 int          year,
                 int          cutoff_day,
                 GError     **error)
{
  KhPeriodKind kind;
  const char *colon;

  if (text != NULL && kh_period_kind_from_string (text, &kind) && kind != KH_PERIOD_RANGE)
    return kh_period_init (period, kind, year, cutoff_day, error);

  colon = text ? strchr (text, ':') : NULL;
  if (colon != NULL)
    {
      g_autofree char *first = g_strndup (text, colon - text);
      GDate start, end;

      if (!kh_parse_date (first, &start, error) || !kh_parse_date (colon + 1, &end, error))
        return FALSE;
      return kh_period_init_range (period, &start, &end, error);
    }

  g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_PERIOD,
               _("“%s” is not a period. Use q1, q2, q3, q4, h1, 9m, year or FIRST-DAY:LAST-DAY."),
               text ? text : "");
  return FALSE;
}

gboolean
kh_period_contains (const KhPeriod *period,
                    const GDate    *date)
{
  return g_date_compare (date, &period->start) >= 0 &&
         g_date_compare (date, &period->end) <= 0;
}

/* "từ ngày 01/01/2024 đến ngày 31/3/2024" */
char *
kh_period_describe_dates (const KhPeriod *period)
{
  g_autofree char *start = kh_format_date_short (&period->start);
  g_autofree char *end = kh_format_date_short (&period->end);

  return g_strdup_printf ("từ ngày %s đến ngày %s", start, end);
}

/* "quý I năm 2024", or the dates of a range. */
char *
kh_period_describe (const KhPeriod *period)
{
  if (period->kind == KH_PERIOD_RANGE)
    return kh_period_describe_dates (period);
  return kh_format_period_name (period->kind, period->year);
}

/* The period a report's "phương hướng kỳ tới" is about: the next quarter
 * for a quarter, the second half for the first half, quý IV after nine
 * months, the next year after a year. Ranges have no next period. */
gboolean
kh_period_next (const KhPeriod *period,
                int             cutoff_day,
                KhPeriod       *next)
{
  switch (period->kind)
    {
    case KH_PERIOD_Q1:
    case KH_PERIOD_Q2:
    case KH_PERIOD_Q3:
      return kh_period_init (next, period->kind + 1, period->year, cutoff_day, NULL);
    case KH_PERIOD_Q4:
    case KH_PERIOD_YEAR:
      return kh_period_init (next, period->kind == KH_PERIOD_Q4 ? KH_PERIOD_Q1 : KH_PERIOD_YEAR,
                             period->year + 1, cutoff_day, NULL);
    case KH_PERIOD_H1:
      if (!kh_period_init (next, KH_PERIOD_Q3, period->year, cutoff_day, NULL))
        return FALSE;
      {
        KhPeriod q4;
        kh_period_init (&q4, KH_PERIOD_Q4, period->year, cutoff_day, NULL);
        next->kind = KH_PERIOD_RANGE;
        next->end = q4.end;
      }
      return TRUE;
    case KH_PERIOD_NINE_MONTHS:
      return kh_period_init (next, KH_PERIOD_Q4, period->year, cutoff_day, NULL);
    case KH_PERIOD_RANGE:
    default:
      return FALSE;
    }
}
