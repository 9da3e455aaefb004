/* kh-part-four.h — part IV “Tổ chức thực hiện”, made from the tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-plan.h"
#include "kh-task.h"

G_BEGIN_DECLS

GPtrArray *kh_part_four_build              (GPtrArray    *tasks,
                                            GPtrArray    *departments);
char      *kh_part_four_task_text          (const KhTask *task,
                                            GPtrArray    *departments);
void       kh_plan_fill_part_four          (KhPlan       *plan,
                                            GPtrArray    *generated);

GPtrArray *kh_store_build_part_four        (KhStore      *store,
                                            gint64        plan_id,
                                            GError      **error);
KhPlan    *kh_store_load_plan_for_document (KhStore      *store,
                                            gint64        plan_id,
                                            GError      **error);
gboolean   kh_store_freeze_part_four       (KhStore      *store,
                                            gint64        plan_id,
                                            GError      **error);

G_END_DECLS
