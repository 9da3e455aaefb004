/* kh-progress.h — how far each task is, against a given day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"
#include "kh-task.h"

G_BEGIN_DECLS

/* The four categories of government task tracking. */
typedef enum
{
  KH_TASK_DONE_ON_TIME,   /* hoàn thành đúng hạn */
  KH_TASK_DONE_LATE,      /* hoàn thành quá hạn */
  KH_TASK_WITHIN_TIME,    /* chưa hoàn thành, trong hạn */
  KH_TASK_OVERDUE,        /* chưa hoàn thành, quá hạn */
} KhTaskCategory;

/* A task as it stood on a day (`as_of`): computed, never stored. */
typedef struct
{
  gint64          task_id;
  KhTaskStatus    status;      /* as the clerk set it */
  gboolean        done;        /* marked done by as_of, or its target reached */
  GDate           done_on;     /* when it was done; invalid if unknown or not done */
  gboolean        started;     /* done, in progress, or with a result or some progress */
  GDate           due_on;      /* kh_task_due_date() */
  double          achieved;    /* of its indicator, in its results up to as_of */
  double          target;      /* 0: none */
  double          progress;    /* 0–100 */
  guint           n_results;   /* its results up to as_of */
  KhTaskCategory  category;
} KhTaskProgress;

#define KH_TYPE_TASK_PROGRESS (kh_task_progress_get_type ())

GType           kh_task_progress_get_type       (void) G_GNUC_CONST;
KhTaskProgress *kh_task_progress_copy           (const KhTaskProgress  *progress);
void            kh_task_progress_free           (KhTaskProgress        *progress);

const char     *kh_task_category_to_string      (KhTaskCategory         category);
const char     *kh_task_category_get_label      (KhTaskCategory         category);
void            kh_task_due_date                (const KhTask          *task,
                                                 int                    plan_year,
                                                 GDate                 *due_on);

GPtrArray      *kh_store_list_task_progress     (KhStore               *store,
                                                 gint64                 plan_id,
                                                 const GDate           *as_of,
                                                 GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhTaskProgress, kh_task_progress_free)

G_END_DECLS
