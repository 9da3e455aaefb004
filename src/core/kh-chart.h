/* kh-chart.h — the dashboard's charts, drawn with cairo and Pango
 *
 * Pure functions of their data and a cairo context: the dashboard draws
 * them on screen, the PDF export on an image, the tests on an image
 * surface whose pixels they check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean    dark;        /* light text on a dark background */
  const char *font;        /* Pango font description, NULL for "Sans 10" */
} KhChartStyle;

/* One department: how many of its tasks are in each state. */
typedef struct
{
  const char *label;
  guint       done;
  guint       in_progress;
  guint       overdue;
  guint       not_started;
} KhChartStackRow;

/* One indicator: achieved against the plan's target (0: no target). */
typedef struct
{
  const char *label;
  double      achieved;
  double      target;
  const char *unit;
} KhChartProgressRow;

typedef struct
{
  double x, y, width, height;
} KhChartRect;

typedef enum
{
  KH_CHART_COLOR_DONE,
  KH_CHART_COLOR_IN_PROGRESS,
  KH_CHART_COLOR_OVERDUE,
  KH_CHART_COLOR_NOT_STARTED,
  KH_CHART_COLOR_TRACK,       /* the empty part of a progress bar */
  KH_CHART_COLOR_TEXT,
  KH_CHART_N_COLORS
} KhChartColor;

void   kh_chart_get_color          (const KhChartStyle       *style,
                                    KhChartColor              color,
                                    double                    rgb[3]);

double kh_chart_row_height         (const KhChartStyle       *style);
double kh_chart_stack_height       (const KhChartStyle       *style,
                                    guint                     n_rows);
void   kh_chart_stack_segments     (const KhChartStyle       *style,
                                    double                    width,
                                    const KhChartStackRow    *rows,
                                    guint                     n_rows,
                                    guint                     row,
                                    KhChartRect               segments[4]);
void   kh_chart_draw_stack         (cairo_t                  *cr,
                                    const KhChartStyle       *style,
                                    double                    width,
                                    const KhChartStackRow    *rows,
                                    guint                     n_rows);

double kh_chart_progress_height    (const KhChartStyle       *style,
                                    guint                     n_rows);
void   kh_chart_progress_bar       (const KhChartStyle       *style,
                                    double                    width,
                                    const KhChartProgressRow *rows,
                                    guint                     n_rows,
                                    guint                     row,
                                    KhChartRect              *track,
                                    KhChartRect              *fill);
void   kh_chart_draw_progress      (cairo_t                  *cr,
                                    const KhChartStyle       *style,
                                    double                    width,
                                    const KhChartProgressRow *rows,
                                    guint                     n_rows);

void   kh_chart_month_column       (const KhChartStyle       *style,
                                    double                    width,
                                    double                    height,
                                    const double              values[12],
                                    guint                     month,
                                    KhChartRect              *column);
void   kh_chart_draw_months        (cairo_t                  *cr,
                                    const KhChartStyle       *style,
                                    double                    width,
                                    double                    height,
                                    const double              values[12]);

G_END_DECLS
