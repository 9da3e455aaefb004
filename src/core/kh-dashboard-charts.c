/* kh-dashboard-charts.c — a dashboard's figures as kh-chart.c rows
 *
 * The dashboard on screen and the exported PDF both draw from these, so
 * they show the same bars. Row i is dashboard->departments[i] (or
 * ->indicators[i]): the UI leads from a bar to the results behind it
 * through the same index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-dashboard"

#include "config.h"

#include <string.h>

#include "kh-dashboard.h"

KhChartStackRow *
kh_dashboard_stack_rows (const KhDashboard *dashboard,
                         guint             *n_rows)
{
  KhChartStackRow *rows;

  g_return_val_if_fail (dashboard != NULL && n_rows != NULL, NULL);

  *n_rows = dashboard->departments->len;
  rows = g_new0 (KhChartStackRow, MAX (*n_rows, 1));
  for (guint i = 0; i < *n_rows; i++)
    {
      const KhDashboardDepartment *department = dashboard->departments->pdata[i];

      rows[i].label = department->name;
      rows[i].done = department->done;
      rows[i].in_progress = department->in_progress;
      rows[i].overdue = department->overdue;
      rows[i].not_started = department->not_started;
    }

  return rows;
}

/* cumulative: achieved since the start of the year, which is what a
 * year's target is measured against; otherwise achieved in the period. */
KhChartProgressRow *
kh_dashboard_progress_rows (const KhDashboard *dashboard,
                            gboolean           cumulative,
                            guint             *n_rows)
{
  KhChartProgressRow *rows;

  g_return_val_if_fail (dashboard != NULL && n_rows != NULL, NULL);

  *n_rows = dashboard->indicators->len;
  rows = g_new0 (KhChartProgressRow, MAX (*n_rows, 1));
  for (guint i = 0; i < *n_rows; i++)
    {
      const KhDashboardIndicator *indicator = dashboard->indicators->pdata[i];

      rows[i].label = indicator->name;
      rows[i].achieved = cumulative ? indicator->cumulative : indicator->achieved;
      rows[i].target = indicator->target;
      rows[i].unit = indicator->unit;
    }

  return rows;
}

/* The count of results per month (indicator_id 0), or one indicator's
 * quantity per month (all zero if the dashboard does not list it). */
void
kh_dashboard_month_values (const KhDashboard *dashboard,
                           gint64             indicator_id,
                           double             values[12])
{
  g_return_if_fail (dashboard != NULL && values != NULL);

  for (guint month = 0; month < 12; month++)
    values[month] = indicator_id == 0 ? dashboard->month_results[month] : 0;

  if (indicator_id == 0)
    return;

  for (guint i = 0; i < dashboard->indicators->len; i++)
    {
      const KhDashboardIndicator *indicator = dashboard->indicators->pdata[i];

      if (indicator->indicator_id == indicator_id)
        {
          memcpy (values, indicator->months, sizeof indicator->months);
          return;
        }
    }
}
