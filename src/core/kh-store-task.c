/* kh-store-task.c — work on a database in a worker thread, on a connection of its own
 *
 * SQLite connections are not shared between threads here: a worker
 * opens the file again (kh_store_open() skips the checks of a file the
 * process has open already), does its work, and closes it. The task's
 * result is what the work returned, its pointer freed with result_free
 * when nobody takes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-store"

#include "config.h"

#include "kh-store-task.h"

typedef struct
{
  char            *path;
  KhStoreTaskFunc  func;
  GDestroyNotify   result_free;
} Runner;

static void
runner_free (gpointer data)
{
  Runner *runner = data;

  g_free (runner->path);
  g_free (runner);
}

static GQuark
runner_quark (void)
{
  return g_quark_from_static_string ("kh-store-task-runner");
}

static void
store_task_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Runner *runner = g_object_get_qdata (G_OBJECT (task), runner_quark ());
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  if ((store = kh_store_open (runner->path, &error)))
    result = runner->func (store, task_data, &error);

  if (result == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "no result");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, runner->result_free);
}

/* Runs @func on a connection of its own to the database at @path in a
 * worker thread of @task; g_task_propagate_pointer() gives its result. */
void
kh_store_task_run_in_thread (GTask           *task,
                             const char      *path,
                             KhStoreTaskFunc  func,
                             GDestroyNotify   result_free)
{
  Runner *runner;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (path != NULL);
  g_return_if_fail (func != NULL);

  runner = g_new0 (Runner, 1);
  runner->path = g_strdup (path);
  runner->func = func;
  runner->result_free = result_free;
  g_object_set_qdata_full (G_OBJECT (task), runner_quark (), runner, runner_free);
  g_task_run_in_thread (task, store_task_thread);
}
