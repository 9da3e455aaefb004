/* kh-vn-format.c — Vietnamese administrative formatting (Nghị định 30)
 *
 * These strings are fixed by law, not by the user's language, so they
 * are not translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-vn-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "kh-vn-format.h"

/* The gap the văn thư fills by hand in documents awaiting signature. */
#define BLANK "      "

G_DEFINE_QUARK (kh-format-error-quark, kh_format_error)

/* Days below 10 and the months 1 and 2 get a leading zero:
 * "05/01", "19/02", but "08/3" and "11/12". */
static char *
format_month (guint month)
{
  return month <= 2 ? g_strdup_printf ("%02u", month) : g_strdup_printf ("%u", month);
}

char *
kh_format_day_month (guint day,
                     guint month)
{
  g_autofree char *m = format_month (month);

  return g_strdup_printf ("%02u/%s", day, m);
}

char *
kh_format_date_full (const GDate *date)
{
  g_autofree char *month = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = format_month (g_date_get_month (date));
  return g_strdup_printf ("ngày %02u tháng %s năm %u",
                          g_date_get_day (date), month, g_date_get_year (date));
}

char *
kh_format_date_short (const GDate *date)
{
  g_autofree char *day_month = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  day_month = kh_format_day_month (g_date_get_day (date), g_date_get_month (date));
  return g_strdup_printf ("%s/%u", day_month, g_date_get_year (date));
}

char *
kh_format_place_date (const char  *place,
                      const GDate *date)
{
  g_autofree char *full = kh_format_date_full (date);

  g_return_val_if_fail (full != NULL, NULL);

  if (place == NULL || *place == '\0')
    return g_steal_pointer (&full);
  return g_strdup_printf ("%s, %s", place, full);
}

char *
kh_format_place_date_blank (const char *place,
                            int         year)
{
  if (place == NULL || *place == '\0')
    return g_strdup_printf ("ngày" BLANK "tháng" BLANK "năm %d", year);
  return g_strdup_printf ("%s, ngày" BLANK "tháng" BLANK "năm %d", place, year);
}

static gboolean
parse_uint (const char *text,
            guint      *value,
            const char **end)
{
  char *stop = NULL;
  guint64 v;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  v = g_ascii_strtoull (text, &stop, 10);
  if (stop == text || v > 99999)
    return FALSE;
  *value = (guint)v;
  *end = stop;
  return TRUE;
}

/* Accepts what clerks type: 19/02/2024, 19/2/2024, 19-02-2024,
 * 19.02.2024 and the ISO form 2024-02-19. */
gboolean
kh_parse_date (const char  *text,
               GDate       *date,
               GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  guint parts[3] = { 0, 0, 0 };
  const char *p = stripped;
  guint day, month, year;
  char separator = 0;

  g_date_clear (date, 1);

  for (guint i = 0; i < 3; i++)
    {
      if (!parse_uint (p, &parts[i], &p))
        goto malformed;
      if (i < 2)
        {
          if ((*p != '/' && *p != '-' && *p != '.') || (separator && *p != separator))
            goto malformed;
          separator = *p++;
        }
    }
  if (*p != '\0')
    goto malformed;

  if (parts[0] > 31)
    year = parts[0], month = parts[1], day = parts[2];
  else
    day = parts[0], month = parts[1], year = parts[2];

  if (year < 1000 || year > 9999)
    goto malformed;

  /* GDateDay is 8 bits: day 257 would pass as the 1st (found by
   * tests/fuzz/fuzz-dates). */
  if (day > 31 || month > 12 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_DATE,
                   _("“%s” is not a date: day %u of month %u does not exist in %u."),
                   stripped, day, month, year);
      return FALSE;
    }

  g_date_set_dmy (date, day, month, year);
  return TRUE;

malformed:
  g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_DATE,
               _("“%s” is not a date. Write it as day/month/year, for example 19/02/2024."),
               stripped);
  return FALSE;
}

/* Numbers below 10 are written with a leading zero: 05, 18, 134. */
char *
kh_format_number (int number)
{
  return g_strdup_printf ("%02d", number);
}

/* "18/KH-UBND"; a number of 0 or less leaves the gap for the văn thư. */
char *
kh_format_doc_symbol (int         number,
                      const char *type_abbreviation,
                      const char *agency_abbreviation)
{
  g_autofree char *n = number > 0 ? kh_format_number (number) : g_strdup (BLANK);

  if (agency_abbreviation == NULL || *agency_abbreviation == '\0')
    return g_strdup_printf ("%s/%s", n, type_abbreviation);
  return g_strdup_printf ("%s/%s-%s", n, type_abbreviation, agency_abbreviation);
}

char *
kh_format_doc_number (int         number,
                      const char *type_abbreviation,
                      const char *agency_abbreviation)
{
  g_autofree char *symbol = kh_format_doc_symbol (number, type_abbreviation,
                                                  agency_abbreviation);

  /* The blank form keeps the gap right after the colon: "Số:      /KH-UBND". */
  return g_strdup_printf (number > 0 ? "Số: %s" : "Số:%s", symbol);
}

char *
kh_format_roman (int number)
{
  static const struct { int value; const char *digits; } table[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" },
    { 100, "C" }, { 90, "XC" }, { 50, "L" }, { 40, "XL" },
    { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *roman;

  g_return_val_if_fail (number > 0 && number < 4000, NULL);

  roman = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    while (number >= table[i].value)
      {
        g_string_append (roman, table[i].digits);
        number -= table[i].value;
      }

  return g_string_free (roman, FALSE);
}

/* Points are lettered in the Vietnamese alphabet, as legal texts do:
 * a, b, c, d, đ, e, g, h… (no f, j, w, z). Index 0 is "a". */
const char *
kh_format_point_letter (int index)
{
  static const char * const letters[] = {
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
  };

  g_return_val_if_fail (index >= 0, NULL);

  if (index >= (int)G_N_ELEMENTS (letters))
    return letters[G_N_ELEMENTS (letters) - 1];
  return letters[index];
}

static const char * const period_ids[] = {
  [KH_PERIOD_Q1] = "q1",
  [KH_PERIOD_Q2] = "q2",
  [KH_PERIOD_Q3] = "q3",
  [KH_PERIOD_Q4] = "q4",
  [KH_PERIOD_H1] = "h1",
  [KH_PERIOD_NINE_MONTHS] = "9m",
  [KH_PERIOD_YEAR] = "year",
  [KH_PERIOD_RANGE] = "range",
};

const char *
kh_period_kind_to_string (KhPeriodKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (period_ids), NULL);

  return period_ids[kind];
}

gboolean
kh_period_kind_from_string (const char   *text,
                            KhPeriodKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_ids); i++)
    if (g_strcmp0 (text, period_ids[i]) == 0)
      {
        *kind = (KhPeriodKind)i;
        return TRUE;
      }
  return FALSE;
}

/* "quý I năm 2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "năm 2024".
 * A range has no name of its own: the caller writes its dates. */
char *
kh_format_period_name (KhPeriodKind kind,
                       int          year)
{
  switch (kind)
    {
    case KH_PERIOD_Q1:
    case KH_PERIOD_Q2:
    case KH_PERIOD_Q3:
    case KH_PERIOD_Q4:
      {
        g_autofree char *roman = kh_format_roman (kind - KH_PERIOD_Q1 + 1);
        return g_strdup_printf ("quý %s năm %d", roman, year);
      }
    case KH_PERIOD_H1:
      return g_strdup_printf ("6 tháng đầu năm %d", year);
    case KH_PERIOD_NINE_MONTHS:
      return g_strdup_printf ("9 tháng năm %d", year);
    case KH_PERIOD_YEAR:
      return g_strdup_printf ("năm %d", year);
    case KH_PERIOD_RANGE:
    default:
      return NULL;
    }
}
