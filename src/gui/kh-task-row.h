/* kh-task-row.h — one task in the tasks page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-list-row.h"

#include "kh-task.h"

G_BEGIN_DECLS

#define KH_TYPE_TASK_ROW (kh_task_row_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskRow, kh_task_row, KH, TASK_ROW, KhListRow)

GtkWidget *kh_task_row_new             (const KhTask *task,
                                        GHashTable   *department_names,
                                        GHashTable   *indicators);
gint64     kh_task_row_get_task_id     (KhTaskRow    *self);
void       kh_task_row_set_movable     (KhTaskRow    *self,
                                        gboolean      up,
                                        gboolean      down);
void       kh_task_row_focus_button    (KhTaskRow    *self,
                                        const char   *which);
char      *kh_task_describe_timing     (const KhTask *task);

G_END_DECLS
