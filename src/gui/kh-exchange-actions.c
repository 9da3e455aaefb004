/* kh-exchange-actions.c — export and import exchange files from the window
 *
 * The file is chosen through the file chooser portal (no filesystem
 * access needed in the Flatpak); the work runs in a thread on a
 * connection of its own, so a large file never freezes the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-exchange-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-exchange-export.h"
#include "kh-exchange-import.h"
#include "kh-gtk-util.h"
#include "kh-store-task.h"

#include "kh-exchange-actions.h"

typedef struct
{
  char           *db_path;
  char           *file_path;
  KhImportFlags   flags;
  KhImportReport  report;
} ExchangeJob;

static void
exchange_job_free (ExchangeJob *job)
{
  g_free (job->db_path);
  g_free (job->file_path);
  kh_import_report_clear (&job->report);
  g_free (job);
}

static gpointer
export_exchange (KhStore  *store,
                 gpointer  data,
                 GError  **error)
{
  ExchangeJob *job = data;

  return kh_store_export_json_to_file (store, 0, 0, job->file_path, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
import_exchange (KhStore  *store,
                 gpointer  data,
                 GError  **error)
{
  ExchangeJob *job = data;

  return kh_store_import_file_full (store, job->file_path, job->flags, &job->report, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  KhWindow *window = KH_WINDOW (object);
  ExchangeJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (job->file_path);
  g_autofree char *message = NULL;

  kh_window_release_busy (window);

  if (g_task_propagate_pointer (G_TASK (result), &error) == NULL)
    message = g_strdup (error->message);
  else
    message = g_strdup_printf (_("Exported everything to %s"), name);

  kh_window_add_toast (window, kh_toast_new (message));
}

/* "plans: 1 created, 0 updated, 2 unchanged; tasks: …" */
static char *
describe_import (const KhImportReport *report)
{
  GString *text = g_string_new (NULL);

  for (int kind = 0; kind < KH_IMPORT_N_KINDS; kind++)
    {
      if (report->created[kind] + report->updated[kind] == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: a kind of data (plans, tasks…), then counts */
      g_string_append_printf (text, _("%s: %u new, %u updated"),
                              kh_import_kind_to_string (kind),
                              report->created[kind], report->updated[kind]);
    }

  if (text->len == 0)
    g_string_append (text, _("Everything in the file was already here."));
  return g_string_free (text, FALSE);
}

static void import_again_converting (KhWindow   *window,
                                     const char *path);

static void
on_problems_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "kh-import-path");

  if (g_str_equal (response, "convert"))
    import_again_converting (KH_WINDOW (user_data), path);
}

/* @convertible_path: the file, when its only problems are text in the
 * old encodings; converting is then offered, never done unasked. */
static void
show_problems (KhWindow             *window,
               const char           *heading,
               const KhImportReport *report,
               const GError         *error,
               const char           *convertible_path)
{
  GString *body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  guint shown = 0;

  if (error != NULL)
    g_string_append (body, error->message);

  for (guint i = 0; report->problems != NULL && i < report->problems->len; i++)
    {
      if (shown++ == 20)
        {
          g_string_append_printf (body, "\n%s",
                                  _("… and more. kehoach-cli import lists them all."));
          break;
        }
      g_string_append_printf (body, "\n• %s", (const char *)report->problems->pdata[i]);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (convertible_path != NULL)
    {
      adw_message_dialog_add_response (dialog, "convert", _("Con_vert and Import"));
      adw_message_dialog_set_response_appearance (dialog, "convert", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "convert");
      g_object_set_data_full (G_OBJECT (dialog), "kh-import-path",
                              g_strdup (convertible_path), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_problems_response_cb),
                               window, G_CONNECT_DEFAULT);
    }
  gtk_window_present (GTK_WINDOW (dialog));
  g_string_free (body, TRUE);
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  KhWindow *window = KH_WINDOW (object);
  ExchangeJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  kh_window_release_busy (window);

  if (g_task_propagate_pointer (G_TASK (result), &error) == NULL)
    {
      const KhImportReport *report = &job->report;
      gboolean only_legacy = report->legacy > 0 && report->problems != NULL &&
                             report->problems->len == report->legacy &&
                             !(job->flags & KH_IMPORT_CONVERT_LEGACY);

      show_problems (window, _("Nothing Was Imported"), report, error,
                     only_legacy ? job->file_path : NULL);
      return;
    }

  kh_application_store_changed (kh_window_get_application (window));
  summary = describe_import (&job->report);
  if (job->report.notes != NULL && job->report.notes->len > 0)
    show_problems (window, _("Imported, With Notes"), &(KhImportReport) { .problems = job->report.notes }, NULL, NULL);
  kh_window_add_toast (window, kh_toast_new (summary));
}

static void
start_job (KhWindow            *window,
           GFile               *file,
           KhImportFlags        flags,
           KhStoreTaskFunc      work,
           GAsyncReadyCallback  done)
{
  KhStore *store = kh_application_get_store (kh_window_get_application (window));
  g_autoptr(GTask) task = NULL;
  ExchangeJob *job;

  if (store == NULL)
    return;

  job = g_new0 (ExchangeJob, 1);
  job->db_path = g_strdup (kh_store_get_path (store));
  job->file_path = g_file_get_path (file);
  job->flags = flags;
  if (job->file_path == NULL)
    {
      kh_window_add_toast (window, adw_toast_new (_("Only a file on this computer can be used.")));
      exchange_job_free (job);
      return;
    }

  /* The header bar's spinner turns until the work ends; the toast that
   * says how it went then shows at once. */
  kh_window_hold_busy (window);
  task = g_task_new (window, NULL, done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify)exchange_job_free);
  kh_store_task_run_in_thread (task, job->db_path, work, NULL);
}

static GtkFileFilter *
json_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Kế Hoạch Exchange Files"));
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

typedef struct
{
  KhWindow *window;
  gboolean  export;
} ChooserData;

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        gpointer         user_data)
{
  ChooserData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        start_job (data->window, file, KH_IMPORT_FLAGS_NONE,
                   data->export ? export_exchange : import_exchange,
                   data->export ? on_export_done_cb : on_import_done_cb);
    }

  g_object_unref (data->window);
  g_free (data);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* GtkFileChooserNative goes through the portal on GTK 4.8 and newer
 * alike; it is deprecated from 4.10, where GtkFileDialog replaces it. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
choose_file (KhWindow   *window,
             gboolean    export)
{
  g_autoptr(GtkFileFilter) filter = json_filter_new ();
  GtkFileChooserNative *native;
  ChooserData *data;

  native = gtk_file_chooser_native_new (export ? _("Export an Exchange File") : _("Import an Exchange File"),
                                        GTK_WINDOW (window),
                                        export ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        export ? _("_Export") : _("_Import"),
                                        _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (export)
    {
      KhStore *store = kh_application_get_store (kh_window_get_application (window));
      g_autoptr(KhAgency) agency = store ? kh_store_load_agency (store, NULL) : NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *name = g_strdup_printf ("kehoach-%s-%s.json",
                                               agency && *agency->abbreviation ? agency->abbreviation : "du-lieu",
                                               day);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  data = g_new0 (ChooserData, 1);
  data->window = g_object_ref (window);
  data->export = export;
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
G_GNUC_END_IGNORE_DEPRECATIONS

void
kh_exchange_export_present (KhWindow *window)
{
  g_return_if_fail (KH_IS_WINDOW (window));
  choose_file (window, TRUE);
}

void
kh_exchange_import_present (KhWindow *window)
{
  g_return_if_fail (KH_IS_WINDOW (window));
  choose_file (window, FALSE);
}

/* For tests and scripts: the same work, on a path given directly. */
void
kh_exchange_export_to_path (KhWindow   *window,
                            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  start_job (window, file, KH_IMPORT_FLAGS_NONE, export_exchange, on_export_done_cb);
}

void
kh_exchange_import_from_path (KhWindow   *window,
                              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  start_job (window, file, KH_IMPORT_FLAGS_NONE, import_exchange, on_import_done_cb);
}

/* The clerk agreed to have TCVN3/VNI text made Unicode. */
static void
import_again_converting (KhWindow   *window,
                         const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  start_job (window, file, KH_IMPORT_CONVERT_LEGACY, import_exchange, on_import_done_cb);
}
