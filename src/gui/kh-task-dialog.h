/* kh-task-dialog.h — adds or edits one task of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_TASK_DIALOG (kh_task_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskDialog, kh_task_dialog, KH, TASK_DIALOG, AdwWindow)

KhTaskDialog *kh_task_dialog_new     (KhStore      *store,
                                      gint64        plan_id,
                                      gint64        task_id,
                                      gint64        lead_department_id);
gint64        kh_task_dialog_get_task_id (KhTaskDialog *self);

G_END_DECLS
