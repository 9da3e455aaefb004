/* kh-print.c — a PDF sent as it is to a printer that accepts PDF
 *
 * The document is printed from the very PDF the export writes, so the
 * paper matches the file: the GTK print dialog picks the printer and its
 * options, and the job carries the PDF to the print system. Printers that
 * need the application to draw each page (no PDF input) are refused with
 * a message. The temporary PDF is removed when the job is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-print"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>

#include "kh-gtk-util.h"
#include "kh-print.h"

typedef struct
{
  GWeakRef      window;
  char         *path;     /* the temporary PDF, removed at the end */
  char         *title;
  char         *printer;
  KhExportKind  kind;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *print = data;

  g_unlink (print->path);
  g_weak_ref_clear (&print->window);
  g_free (print->path);
  g_free (print->title);
  g_free (print->printer);
  g_free (print);
}

static void
toast (PrintData  *print,
       const char *message,
       gboolean    error)
{
  g_autoptr(KhWindow) window = g_weak_ref_get (&print->window);
  AdwToast *t;

  if (window == NULL)
    return;
  t = kh_toast_new (message);
  if (error)
    {
      adw_toast_set_timeout (t, 0);
      adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
    }
  kh_window_add_toast (window, t);
}

static char *
could_not_print (PrintData  *print,
                 const char *reason)
{
  if (print->kind == KH_EXPORT_KIND_REPORT)
    /* Translators: a toast; %s is the reason the print system gave */
    return g_strdup_printf (_("The report could not be printed: %s"), reason);
  /* Translators: a toast; %s is the reason the print system gave */
  return g_strdup_printf (_("The plan could not be printed: %s"), reason);
}

static void
on_job_complete_cb (GtkPrintJob  *job,
                    gpointer      user_data,
                    const GError *error)
{
  PrintData *print = user_data;
  g_autofree char *message = NULL;

  if (error != NULL)
    message = could_not_print (print, error->message);
  else
    /* Translators: a toast; %s is the printer's name */
    message = g_strdup_printf (_("Sent to the printer “%s”"), print->printer);
  toast (print, message, error != NULL);
}

static void
send_job (PrintData          *print,
          GtkPrintUnixDialog *dialog)
{
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (dialog);
  g_autoptr(GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (dialog);
  GtkPageSetup *page_setup = gtk_print_unix_dialog_get_page_setup (dialog);
  g_autoptr(GtkPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;

  if (printer == NULL)
    {
      toast (print, _("No printer was chosen."), TRUE);
      print_data_free (print);
      return;
    }

  print->printer = g_strdup (gtk_printer_get_name (printer));
  if (!gtk_printer_accepts_pdf (printer))
    {
      g_autofree char *message =
        /* Translators: %s is a printer's name */
        g_strdup_printf (_("The printer “%s” does not accept PDF documents. Choose another printer, or export the PDF and print it from a PDF viewer."),
                         print->printer);
      toast (print, message, TRUE);
      print_data_free (print);
      return;
    }

  job = gtk_print_job_new (print->title, printer, settings, page_setup);
  if (!gtk_print_job_set_source_file (job, print->path, &error))
    {
      g_autofree char *message = could_not_print (print, error->message);
      toast (print, message, TRUE);
      print_data_free (print);
      return;
    }

  gtk_print_job_send (job, on_job_complete_cb, print, print_data_free);
}

static void
on_dialog_response_cb (GtkDialog *dialog,
                       int        response,
                       gpointer   user_data)
{
  PrintData *print = user_data;

  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  if (response == GTK_RESPONSE_OK)
    send_job (print, GTK_PRINT_UNIX_DIALOG (dialog));
  else
    print_data_free (print);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * kh_print_document_pdf:
 * @window: the window the print dialog belongs to, which shows the toasts
 * @path: a temporary PDF; it is removed when done
 * @title: the job's title
 * @kind: a plan or a report, for the dialog's title and the messages
 *
 * Shows the print dialog and sends the PDF itself to the printer chosen.
 */
void
kh_print_document_pdf (KhWindow     *window,
                       const char   *path,
                       const char   *title,
                       KhExportKind  kind)
{
  PrintData *print;
  GtkWidget *dialog;

  g_return_if_fail (KH_IS_WINDOW (window));
  g_return_if_fail (path != NULL);

  print = g_new0 (PrintData, 1);
  g_weak_ref_init (&print->window, window);
  print->path = g_strdup (path);
  print->title = g_strdup (title);
  print->kind = kind;

  dialog = gtk_print_unix_dialog_new (kind == KH_EXPORT_KIND_REPORT ? _("Print the Report") : _("Print the Plan"),
                                      GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  /* The PDF goes to the print system as it is: copies, ranges and
   * collation are the printer's to handle, nothing is drawn by us. */
  gtk_print_unix_dialog_set_manual_capabilities (GTK_PRINT_UNIX_DIALOG (dialog), 0);
  gtk_print_unix_dialog_set_embed_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), print);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * kh_print_pdf_file:
 * @window: the window the print dialog belongs to, which shows the toasts
 * @path: a temporary PDF of a plan; it is removed when done
 * @title: the job's title
 *
 * kh_print_document_pdf() for a plan.
 */
void
kh_print_pdf_file (KhWindow   *window,
                   const char *path,
                   const char *title)
{
  kh_print_document_pdf (window, path, title, KH_EXPORT_KIND_PLAN);
}
