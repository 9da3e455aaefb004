/* kh-progress-results.h — the results page's list, filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-period.h"
#include "kh-result.h"

G_BEGIN_DECLS

/* As task_id: the results recorded outside any task of the plan. */
#define KH_RESULT_NO_TASK ((gint64) -1)

GPtrArray *kh_store_list_results_filtered (KhStore         *store,
                                           gint64           plan_id,
                                           const KhPeriod  *period,
                                           gint64           department_id,
                                           gint64           task_id,
                                           gint64           indicator_id,
                                           GError         **error);

G_END_DECLS
