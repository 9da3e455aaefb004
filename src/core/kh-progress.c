/* kh-progress.c — how far each task is, against a given day
 *
 * Nothing here is stored: a task's category depends on the day it is
 * looked at, so it is computed each time from what is stored (status,
 * done_on, deadline, target, results). The rules, as a leader would
 * hear them:
 *
 * - The deadline of a task is its date when it is due by a date; a
 *   regular, monthly or quarterly task is due by 31/12 of the plan's
 *   year.
 * - A task is done when the clerk marks it done, on the date given (on
 *   time when no date was given), or when its results reach its target,
 *   on the date of the result that reached it. A date the clerk gives
 *   wins over the results'.
 * - Done on time: done on or before the deadline; done late: after it.
 *   Not done: within time up to and including the deadline, overdue
 *   from the day after.
 * - Progress: 100% when done; otherwise achieved ÷ target (at most 100%)
 *   for a task with a target, the progress set by hand for the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-progress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <time.h>

#include "kh-progress-private.h"
#include "kh-progress.h"
#include "kh-store-private.h"

G_DEFINE_BOXED_TYPE (KhTaskProgress, kh_task_progress,
                     kh_task_progress_copy, kh_task_progress_free)

static const char * const category_names[] = {
  [KH_TASK_DONE_ON_TIME] = "done_on_time",
  [KH_TASK_DONE_LATE] = "done_late",
  [KH_TASK_WITHIN_TIME] = "within_time",
  [KH_TASK_OVERDUE] = "overdue",
};

KhTaskProgress *
kh_task_progress_copy (const KhTaskProgress *progress)
{
  return g_memdup2 (progress, sizeof *progress);
}

void
kh_task_progress_free (KhTaskProgress *progress)
{
  g_free (progress);
}

const char *
kh_task_category_to_string (KhTaskCategory category)
{
  g_return_val_if_fail (category <= KH_TASK_OVERDUE, NULL);

  return category_names[category];
}

/* What the leader reads next to a task or in a legend. */
const char *
kh_task_category_get_label (KhTaskCategory category)
{
  switch (category)
    {
    case KH_TASK_DONE_ON_TIME:
      return _("Done on time");
    case KH_TASK_DONE_LATE:
      return _("Done late");
    case KH_TASK_WITHIN_TIME:
      return _("Not done, within time");
    case KH_TASK_OVERDUE:
      return _("Not done, overdue");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The same rule as KH_TASK_STATE_CTE, for a task being edited. */
void
kh_task_due_date (const KhTask *task,
                  int           plan_year,
                  GDate        *due_on)
{
  g_return_if_fail (task != NULL && due_on != NULL);

  g_date_clear (due_on, 1);
  if (task->rhythm == KH_RHYTHM_BY_DATE && g_date_valid (&task->deadline))
    *due_on = task->deadline;
  else
    g_date_set_dmy (due_on, 31, G_DATE_DECEMBER, plan_year);
}

static KhTaskProgress *
progress_from_row (KhStmt *stmt)
{
  KhTaskProgress *progress = g_new0 (KhTaskProgress, 1);
  int category = sqlite3_column_int (stmt, 10);

  progress->task_id = sqlite3_column_int64 (stmt, 0);
  if (!kh_task_status_from_string (kh_stmt_column_text (stmt, 1), &progress->status))
    progress->status = KH_TASK_NOT_STARTED;
  progress->done = sqlite3_column_int (stmt, 2) != 0;
  kh_stmt_column_date (stmt, 3, &progress->done_on);
  progress->started = sqlite3_column_int (stmt, 4) != 0;
  kh_stmt_column_date (stmt, 5, &progress->due_on);
  progress->achieved = sqlite3_column_double (stmt, 6);
  progress->target = sqlite3_column_double (stmt, 7);
  progress->progress = sqlite3_column_double (stmt, 8);
  progress->n_results = (guint)sqlite3_column_int (stmt, 9);
  progress->category = CLAMP (category, KH_TASK_DONE_ON_TIME, KH_TASK_OVERDUE);
  return progress;
}

/* Every task of the plan, in the plan's order, as it stood on as_of
 * (NULL: today). */
GPtrArray *
kh_store_list_task_progress (KhStore      *store,
                             gint64        plan_id,
                             const GDate  *as_of,
                             GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_task_progress_free);
  GDate today;
  int rc;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  if (as_of == NULL || !g_date_valid (as_of))
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      as_of = &today;
    }

  stmt = kh_store_prepare (store,
                           KH_TASK_STATE_CTE
                           "SELECT id, status, is_done, done_date, started, due_on, achieved,"
                           " target, progress, n_results, category"
                           " FROM state ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  kh_stmt_bind_date (stmt, 2, as_of);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, progress_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}
