/* kh-export-dialog.c — choose the form of a plan's or a report's PDF, then save or print it
 *
 * The clerk picks the form — draft, for signing, or issued (only once the
 * plan is issued) — with the plan's state choosing the likely one, then
 * a file (the save dialog offers “KH-18-2024-tuyen-truyen-CCHC.pdf”) or a
 * printer. The PDF is written in a worker thread on its own connection to
 * the database while a spinner turns; a failure (a missing font, a
 * character the PDF cannot hold and where it is, a folder that cannot be
 * written) is said in the dialog, which stays open, and nothing is left
 * half-written. A saved PDF is announced by a toast that can open it.
 *
 * A report (“BC”) goes through the same dialog: what the dialog needs of
 * the document — its title, state, number, date, file names and the
 * function that writes it — is taken when the dialog is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-gtk-util.h"
#include "kh-plan.h"
#include "kh-report-document.h"
#include "kh-report.h"
#include "kh-vn-format.h"

#include "kh-application.h"
#include "kh-export-dialog.h"
#include "kh-export-task.h"
#include "kh-print.h"

struct _KhExportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *run_button;
  GtkSpinner           *spinner;
  GtkLabel             *plan_label;
  GtkListBox           *mode_list;
  AdwActionRow         *issued_row;
  GtkCheckButton       *draft_check;
  GtkCheckButton       *signing_check;
  GtkCheckButton       *issued_check;
  GtkLabel             *status_label;

  /* Borrowed */
  KhWindow             *window;        /* weak */

  /* Owned: what is exported, taken when the dialog is made */
  char                 *title;         /* NULL: it could not be loaded */
  char                 *file_names[3]; /* by KhDocumentMode */
  char                 *database_path;
  GCancellable         *cancellable;
#if !GTK_CHECK_VERSION (4, 10, 0)
  GtkFileChooserNative *chooser;
#endif

  KhExportKind          kind;
  KhExportFunc          export_func;
  KhPlanState           state;
  gint64                plan_id;       /* the plan's or the report's id */
  KhExportPurpose       purpose;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (KhExportDialog, kh_export_dialog, ADW_TYPE_WINDOW)

static void
show_status (KhExportDialog *self,
             const char     *message,
             gboolean        error)
{
  gtk_label_set_text (self->status_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_busy (KhExportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_list), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", !busy && self->title != NULL);
}

static void
add_toast (KhExportDialog *self,
           AdwToast       *toast)
{
  if (self->window != NULL)
    kh_window_add_toast (self->window, toast);
  else
    g_object_unref (toast);
}

static double
line_spacing (KhExportDialog *self)
{
  KhApplication *application = self->window ? kh_window_get_application (self->window) : NULL;
  GSettings *settings = application ? kh_application_get_settings (application) : NULL;

  return settings ? g_settings_get_double (settings, "line-spacing") : KH_PDF_LINE_SPACING_DEFAULT;
}

/* Opening the PDF from the toast */

static void
on_launch_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;
#endif

  /* Translators: a toast; %s says why, e.g. no application for PDF files */
  message = g_strdup_printf (_("The PDF could not be opened: %s"), error->message);
  kh_window_add_toast (window, kh_toast_new (message));
}

static void
on_toast_button_clicked_cb (AdwToast *toast,
                            GFile    *file)
{
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "window");

  if (window == NULL)
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
    gtk_file_launcher_launch (launcher, GTK_WINDOW (window), NULL,
                              on_launch_done_cb, g_object_ref (window));
  }
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autoptr(GdkAppLaunchContext) context =
      gdk_display_get_app_launch_context (gtk_widget_get_display (window));

    g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                             on_launch_done_cb, g_object_ref (window));
  }
#endif
}

static void
announce_export (KhExportDialog *self,
                 const char     *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->window == NULL)
    return;

  /* Translators: a toast; %s is the file name, e.g. KH-18-2024-tuyen-truyen-CCHC.pdf */
  title = g_strdup_printf (_("Exported %s"), display);
  toast = kh_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "window", g_object_ref (self->window), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked_cb),
                         g_file_new_for_path (path), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  add_toast (self, toast);
}

/* Exporting */

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kh_export_document_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (path == NULL)
    {
      AdwToast *toast = kh_toast_new (error->message);

      show_status (self, error->message, TRUE);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      add_toast (self, toast);
      return;
    }

  if (self->purpose == KH_EXPORT_TO_PRINTER)
    {
      if (self->window != NULL)
        kh_print_document_pdf (self->window, path, self->title, self->kind);
    }
  else
    announce_export (self, path);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start (KhExportDialog *self,
       const char     *path)
{
  set_busy (self, TRUE);
  show_status (self, path ? _("Exporting…") : _("Preparing the document for printing…"), FALSE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  kh_export_document_async (self->database_path, self->export_func, self->plan_id,
                            kh_export_dialog_get_mode (self), line_spacing (self), path,
                            self->cancellable, on_export_done_cb, g_object_ref (self));
}

/* Choosing the file */

static void
file_chosen (KhExportDialog *self,
             GFile          *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      show_status (self, _("Only a file on this computer can be written. Choose another place."), TRUE);
      return;
    }
  kh_export_dialog_export_to_path (self, path);
}

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
on_file_dialog_save_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(KhExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    file_chosen (self, file);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
on_chooser_response_cb (KhExportDialog  *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        file_chosen (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}
#endif

static GFile *
default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
choose_file (KhExportDialog *self)
{
  const char *name = self->file_names[CLAMP (kh_export_dialog_get_mode (self), 0, 2)];
  g_autoptr(GFile) folder = default_folder ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export as PDF"));
    gtk_file_dialog_set_initial_folder (dialog, folder);
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_file_dialog_save_cb, g_object_ref (self));
  }
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export as PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
#endif
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KhExportDialog *self = KH_EXPORT_DIALOG (widget);

  if (self->busy || self->title == NULL)
    return;

  show_status (self, NULL, FALSE);
  if (self->purpose == KH_EXPORT_TO_PRINTER)
    start (self, NULL);
  else
    choose_file (self);
}

static void
on_mode_toggled_cb (KhExportDialog *self,
                    GtkCheckButton *check)
{
  if (!self->busy)
    show_status (self, NULL, FALSE);
}

/* Overrides */

static void
kh_export_dialog_dispose (GObject *object)
{
  KhExportDialog *self = KH_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
#if !GTK_CHECK_VERSION (4, 10, 0)
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
#endif
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->title, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->file_names); i++)
    g_clear_pointer (&self->file_names[i], g_free);
  g_clear_pointer (&self->database_path, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (kh_export_dialog_parent_class)->dispose (object);
}

static void
kh_export_dialog_class_init (KhExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KhExportDialog, run_button);
  gtk_widget_class_bind_template_child (widget_class, KhExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KhExportDialog, plan_label);
  gtk_widget_class_bind_template_child (widget_class, KhExportDialog, mode_list);
  gtk_widget_class_bind_template_child (widget_class, KhExportDialog, issued_row);
  gtk_widget_class_bind_template_child (widget_class, KhExportDialog, draft_check);
  gtk_widget_class_bind_template_child (widget_class, KhExportDialog, signing_check);
  gtk_widget_class_bind_template_child (widget_class, KhExportDialog, issued_check);
  gtk_widget_class_bind_template_child (widget_class, KhExportDialog, status_label);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_export_dialog_init (KhExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->run_button));
  g_signal_connect_object (self->draft_check, "toggled",
                           G_CALLBACK (on_mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->signing_check, "toggled",
                           G_CALLBACK (on_mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->issued_check, "toggled",
                           G_CALLBACK (on_mode_toggled_cb), self, G_CONNECT_SWAPPED);
}

/* What the dialog says of the document, once it is loaded. */
static void
show_document (KhExportDialog *self,
               int             number,
               const GDate    *issued_on,
               const char     *abbreviation)
{
  g_autofree char *description = NULL;
  gboolean issued = self->state == KH_PLAN_STATE_ISSUED;
  gboolean report = self->kind == KH_EXPORT_KIND_REPORT;

  if (self->purpose == KH_EXPORT_TO_PRINTER)
    /* Translators: %s is the plan's or the report's title (trích yếu) */
    description = g_strdup_printf (_("“%s” goes to the printer as the PDF the export writes, laid out by Nghị định 30. Which form?"), self->title);
  else
    /* Translators: %s is the plan's or the report's title (trích yếu) */
    description = g_strdup_printf (_("“%s” as a PDF laid out by Nghị định 30. Which form?"), self->title);
  gtk_label_set_text (self->plan_label, description);

  gtk_widget_set_sensitive (GTK_WIDGET (self->issued_row), issued);
  if (issued)
    {
      g_autofree char *symbol = kh_format_doc_symbol (number, report ? "BC" : "KH", abbreviation);
      g_autofree char *date = kh_format_date_short (issued_on);
      /* Translators: “As issued: Số: 18/KH-UBND, 19/02/2024” */
      g_autofree char *subtitle = g_strdup_printf (_("As issued, with its number and date: Số: %s, %s"), symbol, date);

      adw_action_row_set_subtitle (self->issued_row, subtitle);
    }
  else if (report)
    adw_action_row_set_subtitle (self->issued_row, _("Once the report is issued: with the number and date it was issued under"));
  else
    adw_action_row_set_subtitle (self->issued_row, _("Once the plan is issued: with the number and date it was issued under"));

  kh_export_dialog_set_mode (self, kh_export_default_mode_for_state (self->state));
}

static KhExportDialog *
export_dialog_new (KhWindow        *window,
                   KhStore         *store,
                   KhExportKind     kind,
                   gint64           id,
                   KhExportPurpose  purpose)
{
  KhExportDialog *self;

  self = g_object_new (KH_TYPE_EXPORT_DIALOG,
                       "transient-for", window,
                       "application", window ? gtk_window_get_application (GTK_WINDOW (window)) : NULL,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->database_path = g_strdup (kh_store_get_path (store));
  self->kind = kind;
  self->plan_id = id;
  self->purpose = purpose;

  if (purpose == KH_EXPORT_TO_PRINTER)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Print"));
      gtk_button_set_label (self->run_button, _("_Print…"));
    }

  return self;
}

static char *
one_line (const char *title)
{
  char *line = g_strdup (title ? title : "");

  return g_strdelimit (line, "\n", ' ');
}

/* Public API */

/**
 * kh_export_dialog_new:
 * @window: the main window (it shows the toasts)
 * @store: the store the plan is in; the export opens its own connection
 *   to the same file
 * @plan_id: the plan
 * @purpose: save a PDF, or print it
 */
KhExportDialog *
kh_export_dialog_new (KhWindow        *window,
                      KhStore         *store,
                      gint64           plan_id,
                      KhExportPurpose  purpose)
{
  KhExportDialog *self;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (window == NULL || KH_IS_WINDOW (window), NULL);
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = export_dialog_new (window, store, KH_EXPORT_KIND_PLAN, plan_id, purpose);
  self->export_func = kh_store_export_plan_pdf;

  plan = kh_store_load_plan (store, plan_id, &error);
  if (plan != NULL)
    {
      g_autoptr(KhAgency) agency = kh_store_load_agency (store, NULL);

      self->title = one_line (plan->title);
      self->state = plan->state;
      for (guint i = 0; i < G_N_ELEMENTS (self->file_names); i++)
        self->file_names[i] = kh_plan_default_file_name (plan, (KhDocumentMode) i);
      show_document (self, plan->number, &plan->issued_on,
                     agency && agency->abbreviation ? agency->abbreviation : "");
    }
  else
    show_status (self, error->message, TRUE);
  set_busy (self, FALSE);

  return self;
}

/**
 * kh_export_dialog_new_for_report:
 * @window: the main window (it shows the toasts)
 * @store: the store the report is in; the export opens its own
 *   connection to the same file
 * @report_id: the report
 * @purpose: save a PDF, or print it
 *
 * As kh_export_dialog_new(), for a report.
 */
KhExportDialog *
kh_export_dialog_new_for_report (KhWindow        *window,
                                 KhStore         *store,
                                 gint64           report_id,
                                 KhExportPurpose  purpose)
{
  KhExportDialog *self;
  g_autoptr(KhReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (window == NULL || KH_IS_WINDOW (window), NULL);
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = export_dialog_new (window, store, KH_EXPORT_KIND_REPORT, report_id, purpose);
  self->export_func = kh_store_export_report_pdf;

  report = kh_store_load_report (store, report_id, &error);
  if (report != NULL)
    {
      g_autoptr(KhAgency) agency = kh_store_load_agency (store, NULL);

      self->title = one_line (report->title);
      self->state = report->state;
      for (guint i = 0; i < G_N_ELEMENTS (self->file_names); i++)
        self->file_names[i] = kh_store_report_default_file_name (store, report, (KhDocumentMode) i);
      show_document (self, report->number, &report->issued_on,
                     agency && agency->abbreviation ? agency->abbreviation : "");
    }
  else
    show_status (self, error->message, TRUE);
  set_busy (self, FALSE);

  return self;
}

KhDocumentMode
kh_export_dialog_get_mode (KhExportDialog *self)
{
  g_return_val_if_fail (KH_IS_EXPORT_DIALOG (self), KH_DOCUMENT_MODE_DRAFT);

  if (gtk_check_button_get_active (self->issued_check))
    return KH_DOCUMENT_MODE_ISSUED;
  if (gtk_check_button_get_active (self->signing_check))
    return KH_DOCUMENT_MODE_SIGNING;
  return KH_DOCUMENT_MODE_DRAFT;
}

void
kh_export_dialog_set_mode (KhExportDialog *self,
                           KhDocumentMode  mode)
{
  g_return_if_fail (KH_IS_EXPORT_DIALOG (self));

  switch (mode)
    {
    case KH_DOCUMENT_MODE_ISSUED:
      if (self->title != NULL && self->state == KH_PLAN_STATE_ISSUED)
        {
          gtk_check_button_set_active (self->issued_check, TRUE);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case KH_DOCUMENT_MODE_SIGNING:
      gtk_check_button_set_active (self->signing_check, TRUE);
      break;
    case KH_DOCUMENT_MODE_DRAFT:
    default:
      gtk_check_button_set_active (self->draft_check, TRUE);
      break;
    }
}

gboolean
kh_export_dialog_get_busy (KhExportDialog *self)
{
  g_return_val_if_fail (KH_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * kh_export_dialog_export_to_path:
 * @path: the PDF to write
 *
 * Writes the PDF in the form chosen, as if @path had been chosen in the
 * save dialog; the dialog closes with a toast when it is written, or
 * stays open and says what went wrong.
 */
void
kh_export_dialog_export_to_path (KhExportDialog *self,
                                 const char     *path)
{
  g_return_if_fail (KH_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->busy || self->title == NULL)
    return;
  self->purpose = KH_EXPORT_TO_FILE;
  start (self, path);
}
