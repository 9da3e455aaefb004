/* kh-reports-page.c — the “Reports” view: the plan's periodic reports
 *
 * A list of the window's plan's reports (period, dates, state, number)
 * beside the editor of the one selected. “New Report…” asks for the
 * period; a period that already has its report selects that report
 * instead of making a second one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-period.h"
#include "kh-report.h"
#include "kh-vn-format.h"

#include "kh-application.h"
#include "kh-list-row.h"
#include "kh-new-report-dialog.h"
#include "kh-report-editor.h"
#include "kh-reports-page.h"
#include "kh-view.h"
#include "kh-window.h"

struct _KhReportsPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkStack       *main_stack;
  AdwStatusPage  *error_page;
  GtkListBox     *reports_list;
  KhReportEditor *editor;

  /* Owned */
  KhStore        *store;

  gint64          plan_id;
  gint64          selected_id;
  guint           updating;
};

static void kh_reports_page_view_iface_init (KhViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhReportsPage, kh_reports_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (KH_TYPE_VIEW, kh_reports_page_view_iface_init))

static void show_reports (KhReportsPage *self);

static KhWindow *
get_window (KhReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KH_IS_WINDOW (root) ? KH_WINDOW (root) : NULL;
}

static const char *
state_name (KhPlanState state)
{
  switch (state)
    {
    case KH_PLAN_STATE_SIGNING:
      return _("For signing");
    case KH_PLAN_STATE_ISSUED:
      return _("Issued");
    case KH_PLAN_STATE_DRAFT:
    default:
      return _("Draft");
    }
}

static GtkWidget *
make_row (const KhReport *report,
          const char     *abbreviation)
{
  g_autofree char *period = kh_period_describe (&report->period);
  g_autofree char *dates = kh_period_describe_dates (&report->period);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = kh_list_row_new ();

  if (report->state == KH_PLAN_STATE_ISSUED)
    {
      g_autofree char *symbol = kh_format_doc_symbol (report->number, KH_REPORT_DOC_TYPE, abbreviation);
      g_autofree char *date = g_date_valid (&report->issued_on) ? kh_format_date_short (&report->issued_on)
                                                                 : g_strdup ("?");

      /* Translators: a report in the list: its dates, then “Số: 12/BC-UBND, 08/3/2024” */
      subtitle = g_strdup_printf (_("%s\nSố: %s, %s"), dates, symbol, date);
    }
  else
    /* Translators: a report in the list: its dates, then its state */
    subtitle = g_strdup_printf (_("%s\n%s"), dates, state_name (report->state));

  kh_list_row_set_title (KH_LIST_ROW (row), period);
  kh_list_row_set_subtitle (KH_LIST_ROW (row), subtitle);
  kh_list_row_set_subtitle_lines (KH_LIST_ROW (row), 2);
  /* Chosen by selecting it, not by activating it. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "report-id", g_memdup2 (&report->id, sizeof report->id), g_free);
  return row;
}

static gint64
row_report_id (GtkListBoxRow *row)
{
  const gint64 *id = row ? g_object_get_data (G_OBJECT (row), "report-id") : NULL;

  return id ? *id : 0;
}

static void
show_reports (KhReportsPage *self)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *selected = NULL;
  GtkWidget *child;

  if (self->store == NULL || self->plan_id == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "no-plan");
      return;
    }

  if (!(reports = kh_store_list_reports (self->store, self->plan_id, &error)))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  agency = kh_store_load_agency (self->store, NULL);

  self->updating++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reports_list))) != NULL)
    gtk_list_box_remove (self->reports_list, child);

  for (guint i = 0; i < reports->len; i++)
    {
      const KhReport *report = reports->pdata[i];
      GtkWidget *row = make_row (report, agency && agency->abbreviation ? agency->abbreviation : "");

      gtk_list_box_append (self->reports_list, row);
      if (report->id == self->selected_id)
        selected = GTK_LIST_BOX_ROW (row);
    }

  /* The newest, when the one selected is gone. */
  if (selected == NULL && reports->len > 0)
    selected = gtk_list_box_get_row_at_index (self->reports_list, (int)reports->len - 1);
  gtk_list_box_select_row (self->reports_list, selected);
  self->updating--;

  self->selected_id = row_report_id (selected);
  if (self->selected_id == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "reports");
  kh_report_editor_show (self->editor, self->store, self->selected_id);
}

static void
on_reports_list_row_selected_cb (KhReportsPage *self,
                                 GtkListBoxRow *row,
                                 GtkListBox    *list)
{
  if (self->updating > 0 || row == NULL)
    return;

  self->selected_id = row_report_id (row);
  kh_report_editor_show (self->editor, self->store, self->selected_id);
}

static void
kh_reports_page_reload (KhView  *view,
                        KhStore *store,
                        gint64   plan_id)
{
  KhReportsPage *self = KH_REPORTS_PAGE (view);

  if (self->store != store || self->plan_id != plan_id)
    {
      kh_report_editor_flush (self->editor);
      g_set_object (&self->store, store);
      self->plan_id = plan_id;
      self->selected_id = 0;
    }

  show_reports (self);
}

static void
kh_reports_page_view_iface_init (KhViewInterface *iface)
{
  iface->reload = kh_reports_page_reload;
}

/* New report */

static void
on_dialog_report_chosen_cb (KhReportsPage     *self,
                            gint64             report_id,
                            gboolean           existed,
                            KhNewReportDialog *dialog)
{
  KhWindow *window = get_window (self);

  self->selected_id = report_id;
  if (window != NULL && existed)
    kh_window_add_toast (window, adw_toast_new (_("That period already has its report: it is selected")));

  if (window != NULL && kh_window_get_application (window) != NULL)
    kh_application_store_changed (kh_window_get_application (window));
  else
    show_reports (self);
}

KhNewReportDialog *
kh_reports_page_new_report (KhReportsPage *self)
{
  KhNewReportDialog *dialog;

  g_return_val_if_fail (KH_IS_REPORTS_PAGE (self), NULL);

  if (self->store == NULL || self->plan_id == 0)
    return NULL;

  kh_report_editor_flush (self->editor);
  dialog = kh_new_report_dialog_new (GTK_WINDOW (get_window (self)), self->store, self->plan_id);
  g_signal_connect_object (dialog, "report-chosen", G_CALLBACK (on_dialog_report_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
new_report_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  kh_reports_page_new_report (KH_REPORTS_PAGE (widget));
}

void
kh_reports_page_select_report (KhReportsPage *self,
                               gint64         report_id)
{
  g_return_if_fail (KH_IS_REPORTS_PAGE (self));

  self->selected_id = report_id;
  show_reports (self);
}

KhReportEditor *
kh_reports_page_get_editor (KhReportsPage *self)
{
  g_return_val_if_fail (KH_IS_REPORTS_PAGE (self), NULL);

  return self->editor;
}

/* Overrides */

static void
kh_reports_page_dispose (GObject *object)
{
  KhReportsPage *self = KH_REPORTS_PAGE (object);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_REPORTS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_reports_page_parent_class)->dispose (object);
}

static void
kh_reports_page_class_init (KhReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_reports_page_dispose;

  g_type_ensure (KH_TYPE_REPORT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhReportsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KhReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KhReportsPage, reports_list);
  gtk_widget_class_bind_template_child (widget_class, KhReportsPage, editor);

  gtk_widget_class_install_action (widget_class, "reports.new", NULL, new_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "reports.new", NULL);
}

static void
kh_reports_page_init (KhReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->reports_list, "row-selected",
                           G_CALLBACK (on_reports_list_row_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->main_stack, "no-plan");
}

GtkWidget *
kh_reports_page_new (void)
{
  return g_object_new (KH_TYPE_REPORTS_PAGE, NULL);
}
