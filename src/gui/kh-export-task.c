/* kh-export-task.c — a plan or a report exported as a PDF in a worker thread
 *
 * The export runs off the main loop, on its own connection to the same
 * database (a KhStore is not shared between threads). The writer puts the
 * file in place atomically, so a failed export leaves nothing behind; the
 * folder is checked first, so the clerk reads “the folder does not exist”
 * rather than the name of a temporary file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-export-task"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "kh-export-task.h"

typedef struct
{
  char           *database_path;
  char           *path;          /* NULL: a temporary file, for printing */
  KhExportFunc    export_func;
  gint64          id;
  KhDocumentMode  mode;
  double          line_spacing;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->database_path);
  g_free (export->path);
  g_free (export);
}

/**
 * kh_export_default_mode:
 * @plan: a plan
 *
 * The mode the plan is most likely exported in: issued once it is
 * issued, for signing while it waits for the signature, else a draft.
 */
KhDocumentMode
kh_export_default_mode (const KhPlan *plan)
{
  g_return_val_if_fail (plan != NULL, KH_DOCUMENT_MODE_DRAFT);

  return kh_export_default_mode_for_state (plan->state);
}

/**
 * kh_export_default_mode_for_state:
 * @state: the state of a plan or a report
 *
 * As kh_export_default_mode(), for anything that follows a plan's states.
 */
KhDocumentMode
kh_export_default_mode_for_state (KhPlanState state)
{
  switch (state)
    {
    case KH_PLAN_STATE_ISSUED:
      return KH_DOCUMENT_MODE_ISSUED;
    case KH_PLAN_STATE_SIGNING:
      return KH_DOCUMENT_MODE_SIGNING;
    case KH_PLAN_STATE_DRAFT:
    default:
      return KH_DOCUMENT_MODE_DRAFT;
    }
}

static gboolean
check_folder (const char  *path,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (folder);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("The folder “%s” does not exist. Choose another folder."), display);
      return FALSE;
    }
  if (g_access (folder, W_OK) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                   _("The folder “%s” cannot be written to. Choose another folder."), display);
      return FALSE;
    }
  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (export->path);
  KhPdfOptions options;

  kh_pdf_options_init (&options);
  options.line_spacing = CLAMP (export->line_spacing, KH_PDF_LINE_SPACING_MIN, KH_PDF_LINE_SPACING_MAX);

  if (path == NULL)
    {
      int fd = g_file_open_tmp ("kehoach-XXXXXX.pdf", &path, &error);

      if (fd < 0)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      close (fd);
    }
  else if (!check_folder (path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!(store = kh_store_open (export->database_path, &error)) ||
      g_task_return_error_if_cancelled (task) ||
      !export->export_func (store, export->id, export->mode, &options, path, &error))
    {
      if (export->path == NULL)
        g_unlink (path);
      if (error != NULL)
        {
          if (error->domain == G_FILE_ERROR)
            {
              g_autofree char *display = g_filename_display_name (path);
              g_prefix_error (&error, _("“%s” could not be saved: "), display);
            }
          g_task_return_error (task, g_steal_pointer (&error));
        }
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

/**
 * kh_export_document_async:
 * @database_path: the database the document is in
 * @export_func: what writes it: kh_store_export_plan_pdf() or
 *   kh_store_export_report_pdf()
 * @id: the plan or report
 * @mode: draft, for signing, or issued
 * @line_spacing: the body's line spacing (the “line-spacing” setting)
 * @path: (nullable): the PDF to write, or %NULL for a temporary file
 *
 * Writes the plan or report as a PDF in a worker thread, on its own
 * connection to the database.
 */
void
kh_export_document_async (const char          *database_path,
                          KhExportFunc         export_func,
                          gint64               id,
                          KhDocumentMode       mode,
                          double               line_spacing,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (export_func != NULL);

  export = g_new0 (ExportData, 1);
  export->database_path = g_strdup (database_path);
  export->path = g_strdup (path);
  export->export_func = export_func;
  export->id = id;
  export->mode = mode;
  export->line_spacing = line_spacing;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kh_export_document_async);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * kh_export_document_finish:
 *
 * Returns: (transfer full): the path of the PDF written, or %NULL
 */
char *
kh_export_document_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * kh_export_plan_async:
 * @database_path: the database the plan is in
 * @plan_id: the plan
 * @mode: draft, for signing, or issued
 * @line_spacing: the body's line spacing (the “line-spacing” setting)
 * @path: (nullable): the PDF to write, or %NULL for a temporary file
 *
 * Composes the plan and writes it as a PDF in a worker thread.
 */
void
kh_export_plan_async (const char          *database_path,
                      gint64               plan_id,
                      KhDocumentMode       mode,
                      double               line_spacing,
                      const char          *path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  kh_export_document_async (database_path, kh_store_export_plan_pdf, plan_id, mode,
                            line_spacing, path, cancellable, callback, user_data);
}

/**
 * kh_export_plan_finish:
 *
 * Returns: (transfer full): the path of the PDF written, or %NULL
 */
char *
kh_export_plan_finish (GAsyncResult  *result,
                       GError       **error)
{
  return kh_export_document_finish (result, error);
}
