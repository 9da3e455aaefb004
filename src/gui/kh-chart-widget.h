/* kh-chart-widget.h — one of the dashboard's charts, on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-chart.h"

G_BEGIN_DECLS

typedef enum
{
  KH_CHART_WIDGET_STACK,     /* a bar per department: done / in progress / overdue / not started */
  KH_CHART_WIDGET_PROGRESS,  /* a bar per indicator: achieved against target */
  KH_CHART_WIDGET_MONTHS,    /* a column per month */
} KhChartWidgetKind;

#define KH_TYPE_CHART_WIDGET (kh_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (KhChartWidget, kh_chart_widget, KH, CHART_WIDGET, GtkWidget)

GtkWidget  *kh_chart_widget_new          (KhChartWidgetKind         kind);
void        kh_chart_widget_set_stack    (KhChartWidget            *self,
                                          const KhChartStackRow    *rows,
                                          guint                     n_rows);
void        kh_chart_widget_set_progress (KhChartWidget            *self,
                                          const KhChartProgressRow *rows,
                                          guint                     n_rows);
void        kh_chart_widget_set_months   (KhChartWidget            *self,
                                          const double              values[12],
                                          const char               *unit);
guint       kh_chart_widget_get_n_rows   (KhChartWidget            *self);
const char *kh_chart_widget_get_row_text (KhChartWidget            *self,
                                          guint                     row);
void        kh_chart_widget_activate_row (KhChartWidget            *self,
                                          guint                     row);

G_END_DECLS
