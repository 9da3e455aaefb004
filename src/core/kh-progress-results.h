/* kh-progress-results.h — the results page's list, filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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

gboolean   kh_store_plan_has_results      (KhStore         *store,
                                           gint64           plan_id,
                                           GError         **error);

/* The same list read in a worker thread on a connection of its own to the
 * store's file, so that a year of results never holds up the window. */
void       kh_store_list_results_filtered_async  (KhStore             *store,
                                                  gint64               plan_id,
                                                  const KhPeriod      *period,
                                                  gint64               department_id,
                                                  gint64               task_id,
                                                  gint64               indicator_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray *kh_store_list_results_filtered_finish (KhStore             *store,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
