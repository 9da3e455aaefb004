/* kh-task-trash.c — deletes tasks so that the toast's Undo brings them back
 *
 * Core deletes a task for good and keeps its results as work outside the
 * tasks. The trash keeps what is needed to undo that while the toast is
 * shown: the task with its supports, its place in the plan, and which
 * results pointed at it. Undo adds it again (it gets a new id), moves it
 * back to its place and points the results at it; the trash then emits
 * "restored", or "failed" with core's reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-task-trash"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-result.h"
#include "kh-task.h"

#include "kh-gtk-util.h"
#include "kh-task-trash.h"

typedef struct
{
  KhStore *store;
  KhTask  *task;        /* as it was: its old id, its position */
  GArray  *result_ids;  /* gint64: results that pointed at it */
} Deleted;

struct _KhTaskTrash
{
  GObject     parent_instance;

  GHashTable *deleted;      /* deletion number → Deleted */
  guint       n_deletions;
};

enum {
  RESTORED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KhTaskTrash, kh_task_trash, G_TYPE_OBJECT)

static void
deleted_free (Deleted *deleted)
{
  g_clear_object (&deleted->store);
  kh_task_free (deleted->task);
  g_array_unref (deleted->result_ids);
  g_free (deleted);
}

/* Brings the task back as it was: a new id, the old place, its results. */
static gint64
restore (Deleted  *deleted,
         GError  **error)
{
  KhStore *store = deleted->store;
  gint64 id;

  if (!kh_store_begin (store, error))
    return 0;

  if (!(id = kh_store_add_task (store, deleted->task, error)) ||
      !kh_store_move_task (store, id, deleted->task->position, error))
    goto failed;

  for (guint i = 0; i < deleted->result_ids->len; i++)
    {
      g_autoptr(KhResult) result = kh_store_get_result (store,
                                                        g_array_index (deleted->result_ids, gint64, i),
                                                        NULL);

      /* A result deleted or reassigned since then is left alone. */
      if (result == NULL || result->task_id != 0)
        continue;

      result->task_id = id;
      if (!kh_store_update_result (store, result, error))
        goto failed;
    }

  if (!kh_store_commit (store, error))
    return 0;
  return id;

failed:
  kh_store_rollback (store);
  return 0;
}

static void
on_toast_button_clicked_cb (KhTaskTrash *self,
                            AdwToast    *toast)
{
  gpointer key = g_object_get_data (G_OBJECT (toast), "kh-deletion");
  Deleted *deleted = g_hash_table_lookup (self->deleted, key);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (deleted == NULL)
    return;

  if (!(id = restore (deleted, &error)))
    {
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  g_hash_table_remove (self->deleted, key);
  g_signal_emit (self, signals[RESTORED], 0, id);
}

static void
on_toast_dismissed_cb (KhTaskTrash *self,
                       AdwToast    *toast)
{
  g_hash_table_remove (self->deleted, g_object_get_data (G_OBJECT (toast), "kh-deletion"));
}

static void
kh_task_trash_finalize (GObject *object)
{
  KhTaskTrash *self = KH_TASK_TRASH (object);

  g_clear_pointer (&self->deleted, g_hash_table_unref);

  G_OBJECT_CLASS (kh_task_trash_parent_class)->finalize (object);
}

static void
kh_task_trash_class_init (KhTaskTrashClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_task_trash_finalize;

  /**
   * KhTaskTrash::restored:
   * @task_id: the new id of the task brought back
   */
  signals[RESTORED] = g_signal_new ("restored",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * KhTaskTrash::failed:
   * @error: why the task could not be brought back
   */
  signals[FAILED] = g_signal_new ("failed",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
kh_task_trash_init (KhTaskTrash *self)
{
  self->deleted = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify)deleted_free);
}

KhTaskTrash *
kh_task_trash_new (void)
{
  return g_object_new (KH_TYPE_TASK_TRASH, NULL);
}

/* Appends to result_ids the results recorded against the task. */
gboolean
kh_task_trash_list_results (KhStore  *store,
                            gint64    plan_id,
                            gint64    task_id,
                            GArray   *result_ids,
                            GError  **error)
{
  g_autoptr(GPtrArray) results = kh_store_list_results (store, plan_id, NULL, NULL, error);

  if (results == NULL)
    return FALSE;

  for (guint i = 0; i < results->len; i++)
    {
      const KhResult *result = g_ptr_array_index (results, i);

      if (result->task_id == task_id)
        g_array_append_val (result_ids, result->id);
    }

  return TRUE;
}

/* Deletes the task, which is at position in its plan; returns the toast
 * that says so and offers Undo (transfer full), or NULL and why not. */
AdwToast *
kh_task_trash_delete (KhTaskTrash  *self,
                      KhStore      *store,
                      gint64        task_id,
                      int           position,
                      GError      **error)
{
  g_autofree char *title = NULL;
  Deleted *deleted;
  KhTask *task;
  AdwToast *toast;
  gpointer key;

  g_return_val_if_fail (KH_IS_TASK_TRASH (self), NULL);
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  if (!(task = kh_store_get_task (store, task_id, error)))
    return NULL;

  deleted = g_new0 (Deleted, 1);
  deleted->store = g_object_ref (store);
  deleted->task = task;
  deleted->result_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  task->position = position;

  if (!kh_task_trash_list_results (store, task->plan_id, task_id, deleted->result_ids, error) ||
      !kh_store_delete_task (store, task_id, error))
    {
      deleted_free (deleted);
      return NULL;
    }

  /* Keyed by the deletion, not the id, which SQLite may give again. */
  key = GUINT_TO_POINTER (++self->n_deletions);
  g_hash_table_insert (self->deleted, key, deleted);

  /* Translators: %s is the title of a task */
  title = g_strdup_printf (_("“%s” deleted"), task->title);
  toast = kh_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "kh-deletion", key);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);

  return toast;
}
