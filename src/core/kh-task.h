/* kh-task.h — the tasks of a plan, each led by a department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

typedef enum
{
  KH_RHYTHM_REGULAR,     /* thường xuyên */
  KH_RHYTHM_MONTHLY,     /* hằng tháng */
  KH_RHYTHM_QUARTERLY,   /* hằng quý */
  KH_RHYTHM_BY_DATE,     /* trước một ngày: the deadline */
} KhRhythm;

typedef enum
{
  KH_TASK_NOT_STARTED,
  KH_TASK_IN_PROGRESS,
  KH_TASK_DONE,
} KhTaskStatus;

#define KH_TASK_TARGET_MAX 1000000.0

typedef struct
{
  gint64        id;                  /* 0 until stored */
  gint64        plan_id;
  int           position;            /* in the plan, from 0 */
  char         *title;               /* short: “Tuyên truyền trực quan” */
  char         *description;         /* the sentence part IV of the plan prints */
  gint64        lead_department_id;  /* chủ trì */
  GArray       *support_ids;         /* gint64: phối hợp, in order */
  KhRhythm      rhythm;
  GDate         deadline;            /* invalid when there is none */
  gint64        indicator_id;        /* 0: no target */
  double        target;              /* how much of the indicator, in the plan’s year */
  KhTaskStatus  status;
  GDate         done_on;             /* invalid until done */
  int           manual_progress;     /* 0–100, or -1 to follow the results */
} KhTask;

#define KH_TYPE_TASK (kh_task_get_type ())

GType        kh_task_get_type            (void) G_GNUC_CONST;
KhTask      *kh_task_new                 (gint64               plan_id,
                                          const char          *title,
                                          gint64               lead_department_id);
KhTask      *kh_task_copy                (const KhTask        *task);
void         kh_task_free                (KhTask              *task);
void         kh_task_add_support         (KhTask              *task,
                                          gint64               department_id);

const char  *kh_rhythm_to_string         (KhRhythm             rhythm);
gboolean     kh_rhythm_from_string       (const char          *text,
                                          KhRhythm            *rhythm);
const char  *kh_task_status_to_string    (KhTaskStatus         status);
gboolean     kh_task_status_from_string  (const char          *text,
                                          KhTaskStatus        *status);

GPtrArray   *kh_store_list_tasks         (KhStore             *store,
                                          gint64               plan_id,
                                          gint64               department_id,
                                          GError             **error);
KhTask      *kh_store_get_task           (KhStore             *store,
                                          gint64               id,
                                          GError             **error);
gint64       kh_store_add_task           (KhStore             *store,
                                          const KhTask        *task,
                                          GError             **error);
gboolean     kh_store_update_task        (KhStore             *store,
                                          const KhTask        *task,
                                          GError             **error);
gboolean     kh_store_delete_task        (KhStore             *store,
                                          gint64               id,
                                          GError             **error);
gboolean     kh_store_move_task          (KhStore             *store,
                                          gint64               id,
                                          int                  new_index,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhTask, kh_task_free)

G_END_DECLS
