/* kh-task.c — the tasks of a plan, each led by a department
 *
 * Tasks stay editable after the plan is issued: the work goes on after
 * the signature. Part IV of the plan is made from them, grouped by lead
 * department. Deleting a task keeps its results, outside the tasks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-task"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-store-private.h"
#include "kh-task.h"
#include "kh-text.h"
#include "kh-vn-format.h"

#define MAX_TITLE_LENGTH 500

G_DEFINE_BOXED_TYPE (KhTask, kh_task, kh_task_copy, kh_task_free)

static const char * const rhythm_names[] = {
  [KH_RHYTHM_REGULAR] = "regular",
  [KH_RHYTHM_MONTHLY] = "monthly",
  [KH_RHYTHM_QUARTERLY] = "quarterly",
  [KH_RHYTHM_BY_DATE] = "by_date",
};

static const char * const status_names[] = {
  [KH_TASK_NOT_STARTED] = "not_started",
  [KH_TASK_IN_PROGRESS] = "in_progress",
  [KH_TASK_DONE] = "done",
};

KhTask *
kh_task_new (gint64      plan_id,
             const char *title,
             gint64      lead_department_id)
{
  KhTask *task = g_new0 (KhTask, 1);

  task->plan_id = plan_id;
  task->title = g_strdup (title ? title : "");
  task->description = g_strdup ("");
  task->lead_department_id = lead_department_id;
  task->support_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  task->rhythm = KH_RHYTHM_REGULAR;
  g_date_clear (&task->deadline, 1);
  task->status = KH_TASK_NOT_STARTED;
  g_date_clear (&task->done_on, 1);
  task->manual_progress = -1;
  return task;
}

KhTask *
kh_task_copy (const KhTask *task)
{
  KhTask *copy = g_new0 (KhTask, 1);

  *copy = *task;
  copy->title = g_strdup (task->title);
  copy->description = g_strdup (task->description);
  copy->support_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (task->support_ids != NULL)
    g_array_append_vals (copy->support_ids, task->support_ids->data, task->support_ids->len);
  return copy;
}

void
kh_task_free (KhTask *task)
{
  if (task == NULL)
    return;

  g_free (task->title);
  g_free (task->description);
  g_clear_pointer (&task->support_ids, g_array_unref);
  g_free (task);
}

void
kh_task_add_support (KhTask *task,
                     gint64  department_id)
{
  g_return_if_fail (task != NULL);

  g_array_append_val (task->support_ids, department_id);
}

const char *
kh_rhythm_to_string (KhRhythm rhythm)
{
  g_return_val_if_fail (rhythm <= KH_RHYTHM_BY_DATE, NULL);

  return rhythm_names[rhythm];
}

gboolean
kh_rhythm_from_string (const char *text,
                       KhRhythm   *rhythm)
{
  for (guint i = 0; i < G_N_ELEMENTS (rhythm_names); i++)
    if (g_strcmp0 (text, rhythm_names[i]) == 0)
      {
        *rhythm = (KhRhythm)i;
        return TRUE;
      }

  return FALSE;
}

const char *
kh_task_status_to_string (KhTaskStatus status)
{
  g_return_val_if_fail (status <= KH_TASK_DONE, NULL);

  return status_names[status];
}

gboolean
kh_task_status_from_string (const char   *text,
                            KhTaskStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (KhTaskStatus)i;
        return TRUE;
      }

  return FALSE;
}

#define TASK_COLUMNS \
  "id, plan_id, position, title, description, coalesce(lead_department_id, 0), rhythm," \
  " deadline, coalesce(indicator_id, 0), coalesce(target, 0), status, done_on," \
  " coalesce(manual_progress, -1)"

static KhTask *
task_from_row (KhStmt *stmt)
{
  KhTask *task = kh_task_new (sqlite3_column_int64 (stmt, 1),
                              kh_stmt_column_text (stmt, 3),
                              sqlite3_column_int64 (stmt, 5));

  task->id = sqlite3_column_int64 (stmt, 0);
  task->position = sqlite3_column_int (stmt, 2);
  g_free (task->description);
  task->description = g_strdup (kh_stmt_column_text (stmt, 4));
  if (!kh_rhythm_from_string (kh_stmt_column_text (stmt, 6), &task->rhythm))
    task->rhythm = KH_RHYTHM_REGULAR;
  kh_stmt_column_date (stmt, 7, &task->deadline);
  task->indicator_id = sqlite3_column_int64 (stmt, 8);
  task->target = sqlite3_column_double (stmt, 9);
  if (!kh_task_status_from_string (kh_stmt_column_text (stmt, 10), &task->status))
    task->status = KH_TASK_NOT_STARTED;
  kh_stmt_column_date (stmt, 11, &task->done_on);
  task->manual_progress = sqlite3_column_int (stmt, 12);
  return task;
}

/* Fills in the supporting departments of the plan's tasks, in the
 * departments' order. */
static gboolean
load_supports (KhStore     *store,
               gint64       plan_id,
               GPtrArray   *tasks,
               GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  for (guint i = 0; i < tasks->len; i++)
    g_hash_table_insert (by_id, &((KhTask *)tasks->pdata[i])->id, tasks->pdata[i]);

  stmt = kh_store_prepare (store,
                           "SELECT s.task_id, s.department_id FROM task_support s"
                           " JOIN task t ON t.id = s.task_id"
                           " JOIN department d ON d.id = s.department_id"
                           " WHERE t.plan_id = ?1 ORDER BY d.position, d.id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 task_id = sqlite3_column_int64 (stmt, 0);
      KhTask *task = g_hash_table_lookup (by_id, &task_id);

      if (task != NULL)
        kh_task_add_support (task, sqlite3_column_int64 (stmt, 1));
    }

  if (rc != SQLITE_DONE)
    return kh_store_set_error (store, rc, error);

  return TRUE;
}

/* The plan's tasks in order; with department_id, only those the
 * department leads or supports. */
GPtrArray *
kh_store_list_tasks (KhStore   *store,
                     gint64     plan_id,
                     gint64     department_id,
                     GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_task_free);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT " TASK_COLUMNS " FROM task WHERE plan_id = ?1"
                           " AND (?2 IS NULL OR lead_department_id = ?2"
                           "      OR EXISTS (SELECT 1 FROM task_support s"
                           "                 WHERE s.task_id = task.id AND s.department_id = ?2))"
                           " ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  kh_stmt_bind_id (stmt, 2, department_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tasks, task_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, kh_stmt_release);

  if (!load_supports (store, plan_id, tasks, error))
    return NULL;

  return g_steal_pointer (&tasks);
}

KhTask *
kh_store_get_task (KhStore  *store,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(KhStmt) supports = NULL;
  g_autoptr(KhTask) task = NULL;
  int rc;

  stmt = kh_store_prepare (store, "SELECT " TASK_COLUMNS " FROM task WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The task no longer exists."));
      return NULL;
    }
  task = task_from_row (stmt);

  supports = kh_store_prepare (store,
                               "SELECT s.department_id FROM task_support s"
                               " JOIN department d ON d.id = s.department_id"
                               " WHERE s.task_id = ?1 ORDER BY d.position, d.id",
                               error);
  if (supports == NULL)
    return NULL;

  sqlite3_bind_int64 (supports, 1, id);
  while ((rc = sqlite3_step (supports)) == SQLITE_ROW)
    kh_task_add_support (task, sqlite3_column_int64 (supports, 0));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&task);
}

static gboolean
plan_year (KhStore  *store,
           gint64    plan_id,
           int      *year,
           GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT year FROM plan WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The plan no longer exists."));
      return FALSE;
    }

  *year = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
department_exists (KhStore *store,
                   gint64   id)
{
  g_autoptr(KhDepartment) department = kh_store_get_department (store, id, NULL);

  return department != NULL;
}

static gboolean
check_task (KhStore       *store,
            const KhTask  *task,
            GError       **error)
{
  g_autofree char *title = kh_text_strip (task->title ? task->title : "");
  int year = 0;

  if (!plan_year (store, task->plan_id, &year, error))
    return FALSE;

  if (*title == '\0')
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The task needs a title, for example “Tuyên truyền trực quan”."));
      return FALSE;
    }
  if (g_utf8_strlen (title, -1) > MAX_TITLE_LENGTH)
    {
      g_autofree char *start = g_utf8_substring (title, 0, 40);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The title of the task “%s…” is too long (at most %d characters)."),
                   start, MAX_TITLE_LENGTH);
      return FALSE;
    }
  if (task->lead_department_id == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Choose the department that leads the task “%s”."), title);
      return FALSE;
    }
  if (!department_exists (store, task->lead_department_id))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The department chosen to lead the task “%s” no longer exists."), title);
      return FALSE;
    }
  for (guint i = 0; task->support_ids != NULL && i < task->support_ids->len; i++)
    if (!department_exists (store, g_array_index (task->support_ids, gint64, i)))
      {
        g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                     _("A department chosen to support the task “%s” no longer exists."), title);
        return FALSE;
      }

  if (task->rhythm > KH_RHYTHM_BY_DATE)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The task “%s” has an unknown rhythm."), title);
      return FALSE;
    }
  if (task->rhythm == KH_RHYTHM_BY_DATE && !g_date_valid (&task->deadline))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The task “%s” is due by a date: enter the date."), title);
      return FALSE;
    }
  if (g_date_valid (&task->deadline) && g_date_get_year (&task->deadline) < year)
    {
      g_autofree char *date = kh_format_date_short (&task->deadline);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The deadline %s of the task “%s” falls before the plan’s year, %d."),
                   date, title, year);
      return FALSE;
    }

  if (task->target < 0 || task->target > KH_TASK_TARGET_MAX || task->target != task->target)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The target of the task “%s” must be a number from 0 to %d."),
                   title, (int)KH_TASK_TARGET_MAX);
      return FALSE;
    }
  if (task->target > 0 && task->indicator_id == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Choose what the target of the task “%s” counts, for example “Tin, bài”."), title);
      return FALSE;
    }
  if (task->indicator_id != 0)
    {
      g_autoptr(KhIndicator) indicator = kh_store_get_indicator (store, task->indicator_id, NULL);

      if (indicator == NULL)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("The indicator of the task “%s” no longer exists."), title);
          return FALSE;
        }
    }

  if (task->status > KH_TASK_DONE)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The task “%s” has an unknown status."), title);
      return FALSE;
    }
  if (task->manual_progress < -1 || task->manual_progress > 100)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The progress of the task “%s” must be from 0 to 100%%."), title);
      return FALSE;
    }

  return TRUE;
}

static void
bind_fields (KhStmt        *stmt,
             const KhTask  *task)
{
  g_autofree char *title = kh_text_strip (task->title);
  g_autofree char *description = kh_text_strip (task->description ? task->description : "");

  kh_stmt_bind_text (stmt, 3, title);
  kh_stmt_bind_text (stmt, 4, description);
  kh_stmt_bind_id (stmt, 5, task->lead_department_id);
  kh_stmt_bind_text (stmt, 6, kh_rhythm_to_string (task->rhythm));
  kh_stmt_bind_date (stmt, 7, &task->deadline);
  kh_stmt_bind_id (stmt, 8, task->indicator_id);
  if (task->indicator_id != 0 && task->target > 0)
    sqlite3_bind_double (stmt, 9, task->target);
  else
    sqlite3_bind_null (stmt, 9);
  kh_stmt_bind_text (stmt, 10, kh_task_status_to_string (task->status));
  kh_stmt_bind_date (stmt, 11, task->status == KH_TASK_DONE ? &task->done_on : NULL);
  if (task->manual_progress >= 0)
    sqlite3_bind_int (stmt, 12, task->manual_progress);
  else
    sqlite3_bind_null (stmt, 12);
}

/* The lead is not also a supporter, and nobody supports twice. */
static gboolean
replace_supports (KhStore       *store,
                  gint64         task_id,
                  const KhTask  *task,
                  GError       **error)
{
  g_autoptr(KhStmt) clear = NULL;
  g_autoptr(KhStmt) insert = NULL;

  if (!(clear = kh_store_prepare (store, "DELETE FROM task_support WHERE task_id = ?1", error)) ||
      !(insert = kh_store_prepare (store,
                                   "INSERT OR IGNORE INTO task_support (task_id, department_id)"
                                   " VALUES (?1, ?2)",
                                   error)))
    return FALSE;

  sqlite3_bind_int64 (clear, 1, task_id);
  if (!kh_store_step_done (store, clear, error))
    return FALSE;

  for (guint i = 0; task->support_ids != NULL && i < task->support_ids->len; i++)
    {
      gint64 department_id = g_array_index (task->support_ids, gint64, i);

      if (department_id == task->lead_department_id)
        continue;

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, task_id);
      sqlite3_bind_int64 (insert, 2, department_id);
      if (!kh_store_step_done (store, insert, error))
        return FALSE;
    }

  return TRUE;
}

/* Adds the task at the end of task->plan_id's tasks. */
gint64
kh_store_add_task (KhStore       *store,
                   const KhTask  *task,
                   GError       **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (task != NULL, 0);

  if (!kh_store_begin (store, error))
    return 0;

  if (!check_task (store, task, error) ||
      !(stmt = kh_store_prepare (store,
                                 "INSERT INTO task (plan_id, position, title, description,"
                                 " lead_department_id, rhythm, deadline, indicator_id, target,"
                                 " status, done_on, manual_progress)"
                                 " VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM task"
                                 " WHERE plan_id = ?1), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                 error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, task->plan_id);
  bind_fields (stmt, task);
  if (!kh_store_step_done (store, stmt, error))
    goto failed;

  id = kh_store_last_insert_id (store);
  if (!replace_supports (store, id, task, error))
    goto failed;

  if (!kh_store_commit (store, error))
    return 0;
  return id;

failed:
  kh_store_rollback (store);
  return 0;
}

/* Saves every field of task->id but its plan and position. */
gboolean
kh_store_update_task (KhStore       *store,
                      const KhTask  *task,
                      GError       **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  g_return_val_if_fail (task != NULL, FALSE);

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!check_task (store, task, error) ||
      !(stmt = kh_store_prepare (store,
                                 "UPDATE task SET title = ?3, description = ?4,"
                                 " lead_department_id = ?5, rhythm = ?6, deadline = ?7,"
                                 " indicator_id = ?8, target = ?9, status = ?10, done_on = ?11,"
                                 " manual_progress = ?12 WHERE id = ?1 AND plan_id = ?2",
                                 error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, task->id);
  sqlite3_bind_int64 (stmt, 2, task->plan_id);
  bind_fields (stmt, task);
  if (!kh_store_step_done (store, stmt, error))
    goto failed;

  if (kh_store_changes (store) == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The task no longer exists."));
      goto failed;
    }

  if (!replace_supports (store, task->id, task, error))
    goto failed;

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}

static gint64
task_plan (KhStore  *store,
           gint64    id,
           GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT plan_id FROM task WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The task no longer exists."));
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/* Puts the plan's tasks in the order of ids, with `moving` placed at
 * new_index; positions become 0…n-1. */
static gboolean
reorder (KhStore  *store,
         gint64    plan_id,
         gint64    moving,
         int       new_index,
         GError  **error)
{
  g_autoptr(KhStmt) list = NULL;
  g_autoptr(KhStmt) update = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  list = kh_store_prepare (store, "SELECT id FROM task WHERE plan_id = ?1 ORDER BY position, id", error);
  if (list == NULL)
    return FALSE;

  sqlite3_bind_int64 (list, 1, plan_id);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (list, 0);

      if (id != moving)
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return kh_store_set_error (store, rc, error);

  if (moving != 0)
    {
      new_index = CLAMP (new_index, 0, (int)ids->len);
      g_array_insert_val (ids, new_index, moving);
    }

  update = kh_store_prepare (store, "UPDATE task SET position = ?2 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (update, 2, (int)i);
      if (!kh_store_step_done (store, update, error))
        return FALSE;
    }

  return TRUE;
}

/* Deletes the task; its results stay, as work done outside the tasks. */
gboolean
kh_store_delete_task (KhStore  *store,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  gint64 plan_id;

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!(plan_id = task_plan (store, id, error)) ||
      !(stmt = kh_store_prepare (store, "DELETE FROM task WHERE id = ?1", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kh_store_step_done (store, stmt, error) ||
      !reorder (store, plan_id, 0, 0, error))
    goto failed;

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}

gboolean
kh_store_move_task (KhStore   *store,
                    gint64     id,
                    int        new_index,
                    GError   **error)
{
  gint64 plan_id;

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!(plan_id = task_plan (store, id, error)) ||
      !reorder (store, plan_id, id, new_index, error))
    {
      kh_store_rollback (store);
      return FALSE;
    }

  return kh_store_commit (store, error);
}
