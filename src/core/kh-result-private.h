/* kh-result-private.h — reading a result row, for core modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-result.h"
#include "kh-store-private.h"

G_BEGIN_DECLS

/* The columns kh_result_from_row() reads, in its order. */
#define KH_RESULT_COLUMNS \
  "id, plan_id, department_id, coalesce(task_id, 0), done_on, coalesce(indicator_id, 0)," \
  " coalesce(quantity, 0), description, evidence"

KhResult *kh_result_from_row (KhStmt *stmt);

G_END_DECLS
