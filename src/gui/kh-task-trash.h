/* kh-task-trash.h — deletes tasks so that the toast's Undo brings them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_TASK_TRASH (kh_task_trash_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskTrash, kh_task_trash, KH, TASK_TRASH, GObject)

KhTaskTrash *kh_task_trash_new           (void);
gboolean     kh_task_trash_list_results  (KhStore      *store,
                                          gint64        plan_id,
                                          gint64        task_id,
                                          GArray       *result_ids,
                                          GError      **error);
AdwToast    *kh_task_trash_delete        (KhTaskTrash  *self,
                                          KhStore      *store,
                                          gint64        task_id,
                                          int           position,
                                          GError      **error);

G_END_DECLS
