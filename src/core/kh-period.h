/* kh-period.h — report periods: quarters, half-year, nine months, year, ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kh-vn-format.h"

G_BEGIN_DECLS

typedef struct
{
  KhPeriodKind kind;
  int          year;
  GDate        start;   /* first day, inclusive */
  GDate        end;     /* last day, inclusive */
} KhPeriod;

gboolean  kh_period_init        (KhPeriod       *period,
                                 KhPeriodKind    kind,
                                 int             year,
                                 int             cutoff_day,
                                 GError        **error);
gboolean  kh_period_init_range  (KhPeriod       *period,
                                 const GDate    *start,
                                 const GDate    *end,
                                 GError        **error);
gboolean  kh_period_parse       (KhPeriod       *period,
                                 const char     *text,
                                 int             year,
                                 int             cutoff_day,
                                 GError        **error);
gboolean  kh_period_contains    (const KhPeriod *period,
                                 const GDate    *date);
char     *kh_period_describe    (const KhPeriod *period);
char     *kh_period_describe_dates (const KhPeriod *period);
gboolean  kh_period_next        (const KhPeriod *period,
                                 int             cutoff_day,
                                 KhPeriod       *next);

G_END_DECLS
