/* kh-dashboard.h — the leader's figures for a plan and a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-chart.h"
#include "kh-period.h"
#include "kh-store.h"

G_BEGIN_DECLS

/* One department: its tasks (those it leads) by state, and its results. */
typedef struct
{
  gint64  department_id;   /* for the results page's filter */
  char   *name;
  guint   n_tasks;
  guint   done;            /* on time or late */
  guint   done_late;       /* of which late */
  guint   in_progress;     /* not done, within time, started */
  guint   overdue;         /* not done, past the deadline */
  guint   not_started;     /* not done, within time, nothing yet */
  guint   n_results;       /* results it recorded in the period */
} KhDashboardDepartment;

/* One indicator: achieved against the plan's target. */
typedef struct
{
  gint64  indicator_id;    /* for the results page's filter */
  char   *name;
  char   *unit;
  double  achieved;        /* in the period */
  double  cumulative;      /* from the start of the plan's year to the end of the period */
  double  target;          /* the targets of the plan's tasks on it, added; 0: none */
  double  months[12];      /* quantity per month of the plan's year */
} KhDashboardIndicator;

/* A task the leader must look at: overdue, or due soon. */
typedef struct
{
  gint64  task_id;
  char   *title;
  gint64  department_id;   /* the lead */
  char   *department_name;
  GDate   due_on;
  double  progress;        /* 0–100 */
} KhDashboardTask;

#define KH_DASHBOARD_DUE_SOON_DAYS 14

typedef struct
{
  gint64     plan_id;
  int        year;             /* the plan's */
  KhPeriod   period;
  GDate      today;
  GDate      as_of;            /* tasks as they stood then: today, or the period's end if earlier */
  int        cutoff_day;       /* the agency's: 0 for calendar months */
  GDate      year_start;       /* the plan's year, closed on the cut-off day */
  GDate      year_end;

  /* The plan's tasks, as of as_of. */
  guint      n_tasks;
  guint      n_done;           /* n_done_on_time + n_done_late */
  guint      n_done_on_time;
  guint      n_done_late;
  guint      n_within_time;    /* n_in_progress + n_not_started */
  guint      n_in_progress;
  guint      n_not_started;
  guint      n_overdue;
  double     done_share;       /* n_done / n_tasks, 0–1 */

  /* Results. */
  guint      n_results;        /* in the period */
  guint      month_results[12];/* count per month of the plan's year */

  GPtrArray *departments;      /* KhDashboardDepartment, in the departments' order */
  GPtrArray *indicators;       /* KhDashboardIndicator, in the indicators' order */
  GPtrArray *overdue;          /* KhDashboardTask, oldest deadline first */
  GPtrArray *due_soon;         /* KhDashboardTask due in the 14 days after as_of */
} KhDashboard;

gboolean            kh_store_init_period       (KhStore            *store,
                                                KhPeriod           *period,
                                                KhPeriodKind        kind,
                                                int                 year,
                                                GError            **error);
KhDashboard        *kh_store_compute_dashboard (KhStore            *store,
                                                gint64              plan_id,
                                                const KhPeriod     *period,
                                                const GDate        *today,
                                                GError            **error);
void                kh_dashboard_free          (KhDashboard        *dashboard);

/* For kh-chart.c: labels and units point into the dashboard, which must
 * outlive the rows; free the array with g_free(). */
KhChartStackRow    *kh_dashboard_stack_rows    (const KhDashboard  *dashboard,
                                                guint              *n_rows);
KhChartProgressRow *kh_dashboard_progress_rows (const KhDashboard  *dashboard,
                                                gboolean            cumulative,
                                                guint              *n_rows);
void                kh_dashboard_month_values  (const KhDashboard  *dashboard,
                                                gint64              indicator_id,
                                                double              values[12]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDashboard, kh_dashboard_free)

G_END_DECLS
