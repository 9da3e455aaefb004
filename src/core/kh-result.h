/* kh-result.h — what a department did, on a day, and how much of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_RESULT_QUANTITY_MAX 1000000.0

typedef struct
{
  gint64  id;              /* 0 until stored */
  gint64  plan_id;
  gint64  department_id;   /* who did it */
  gint64  task_id;         /* 0: work outside the plan’s tasks */
  GDate   done_on;
  gint64  indicator_id;    /* 0: nothing counted */
  double  quantity;        /* how much of the indicator; 0 without one */
  char   *description;     /* what was done */
  char   *evidence;        /* a link, a file name, a document number */
} KhResult;

#define KH_TYPE_RESULT (kh_result_get_type ())

GType      kh_result_get_type        (void) G_GNUC_CONST;
KhResult  *kh_result_new             (gint64            plan_id,
                                      gint64            department_id,
                                      const GDate      *done_on,
                                      const char       *description);
KhResult  *kh_result_copy            (const KhResult   *result);
void       kh_result_free            (KhResult         *result);

GPtrArray *kh_store_list_results     (KhStore          *store,
                                      gint64            plan_id,
                                      const GDate      *from,
                                      const GDate      *to,
                                      GError          **error);
KhResult  *kh_store_get_result       (KhStore          *store,
                                      gint64            id,
                                      GError          **error);
gint64     kh_store_add_result       (KhStore          *store,
                                      const KhResult   *result,
                                      GError          **error);
gboolean   kh_store_update_result    (KhStore          *store,
                                      const KhResult   *result,
                                      GError          **error);
gboolean   kh_store_delete_result    (KhStore          *store,
                                      gint64            id,
                                      GError          **error);
gboolean   kh_store_sum_results      (KhStore          *store,
                                      gint64            plan_id,
                                      gint64            indicator_id,
                                      gint64            department_id,
                                      const GDate      *from,
                                      const GDate      *to,
                                      double           *sum,
                                      GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhResult, kh_result_free)

G_END_DECLS
