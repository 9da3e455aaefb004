/* kh-report-compose.h — a report's text, made from the plan and the recorded results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-period.h"
#include "kh-plan.h"
#include "kh-report.h"
#include "kh-store.h"

G_BEGIN_DECLS

#define KH_REPORT_ANNIVERSARIES_PREFIX "Tuyên truyền các ngày lễ, kỷ niệm như: "

/* What regenerating the results changed, for the clerk to see. */
typedef struct
{
  gboolean   kept_clerk_text;  /* the clerk had edited the results: left as written */
  char     **added;            /* lines new in the generated text */
  char     **removed;          /* lines no longer in it */
} KhReportChanges;

void      kh_report_changes_free             (KhReportChanges   *changes);
gboolean  kh_report_changes_is_empty         (const KhReportChanges *changes);

char     *kh_plan_report_subject             (const KhPlan      *plan);
char     *kh_report_next_period_name         (const KhPeriod    *period,
                                              int                cutoff_day);
char     *kh_store_compose_report_title      (KhStore           *store,
                                              const KhPlan      *plan,
                                              const KhPeriod    *period);
char     *kh_store_compose_report_opening    (KhStore           *store,
                                              const KhPlan      *plan,
                                              const KhPeriod    *period,
                                              GError           **error);
char     *kh_store_compose_report_results    (KhStore           *store,
                                              gint64             plan_id,
                                              const KhPeriod    *period,
                                              GError           **error);
char     *kh_store_compose_report_closing    (KhStore           *store,
                                              const KhPlan      *plan,
                                              const KhPeriod    *period);
char     *kh_store_compose_anniversaries     (KhStore           *store,
                                              const KhPeriod    *period,
                                              GError           **error);

gint64    kh_store_new_report                (KhStore           *store,
                                              gint64             plan_id,
                                              const KhPeriod    *period,
                                              GError           **error);
gboolean  kh_store_regenerate_report_results (KhStore           *store,
                                              gint64             report_id,
                                              KhReportChanges  **changes,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhReportChanges, kh_report_changes_free)

G_END_DECLS
