/* kh-store-task.h — work on a database in a worker thread, on a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kh-store.h"

G_BEGIN_DECLS

/* Runs in the worker on its own connection; returns what the task
 * returns (not NULL), or NULL with @error set. */
typedef gpointer (*KhStoreTaskFunc) (KhStore   *store,
                                     gpointer   task_data,
                                     GError   **error);

void kh_store_task_run_in_thread (GTask           *task,
                                  const char      *path,
                                  KhStoreTaskFunc  func,
                                  GDestroyNotify   result_free);

G_END_DECLS
