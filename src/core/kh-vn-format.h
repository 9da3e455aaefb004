/* kh-vn-format.h — Vietnamese administrative formatting (Nghị định 30)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KH_PERIOD_Q1,
  KH_PERIOD_Q2,
  KH_PERIOD_Q3,
  KH_PERIOD_Q4,
  KH_PERIOD_H1,          /* 6 tháng đầu năm */
  KH_PERIOD_NINE_MONTHS, /* 9 tháng */
  KH_PERIOD_YEAR,        /* năm */
  KH_PERIOD_RANGE,       /* any range of days */
} KhPeriodKind;

#define KH_FORMAT_ERROR (kh_format_error_quark ())

typedef enum
{
  KH_FORMAT_ERROR_INVALID_DATE,
  KH_FORMAT_ERROR_INVALID_PERIOD,
} KhFormatError;

GQuark      kh_format_error_quark       (void);

char       *kh_format_day_month         (guint         day,
                                         guint         month);
char       *kh_format_date_full         (const GDate  *date);
char       *kh_format_date_short        (const GDate  *date);
char       *kh_format_place_date        (const char   *place,
                                         const GDate  *date);
char       *kh_format_place_date_blank  (const char   *place,
                                         int           year);
gboolean    kh_parse_date               (const char   *text,
                                         GDate        *date,
                                         GError      **error);

char       *kh_format_number            (int           number);
char       *kh_format_doc_symbol        (int           number,
                                         const char   *type_abbreviation,
                                         const char   *agency_abbreviation);
char       *kh_format_doc_number        (int           number,
                                         const char   *type_abbreviation,
                                         const char   *agency_abbreviation);

char       *kh_format_roman             (int           number);
const char *kh_format_point_letter      (int           index);

const char *kh_period_kind_to_string    (KhPeriodKind  kind);
gboolean    kh_period_kind_from_string  (const char   *text,
                                         KhPeriodKind *kind);
char       *kh_format_period_name       (KhPeriodKind  kind,
                                         int           year);

G_END_DECLS
