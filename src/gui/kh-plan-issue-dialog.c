/* kh-plan-issue-dialog.c — records the number and date a plan was issued under
 *
 * The number is checked by core against the agency's register for the
 * year: a number already given to another document is refused with that
 * document named, and the dialog stays open with the message under the
 * fields. On success it says "issued" and closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-issue-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-plan.h"
#include "kh-report.h"
#include "kh-vn-format.h"

#include "kh-plan-issue-dialog.h"

struct _KhPlanIssueDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *issue_button;
  AdwActionRow  *number_row;
  GtkSpinButton *number_spin;
  AdwEntryRow   *date_row;
  GtkLabel      *error_label;

  /* Owned */
  KhStore       *store;
  char          *abbreviation;

  gint64         plan_id;
  gint64         report_id;     /* a report's, instead of the plan's */
};

G_DEFINE_FINAL_TYPE (KhPlanIssueDialog, kh_plan_issue_dialog, ADW_TYPE_WINDOW)

enum {
  ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KhPlanIssueDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_number_spin_value_changed_cb (KhPlanIssueDialog *self,
                                 GtkSpinButton     *spin)
{
  g_autofree char *number = kh_format_doc_number (gtk_spin_button_get_value_as_int (spin),
                                                  self->report_id != 0 ? KH_REPORT_DOC_TYPE : "KH",
                                                  self->abbreviation);

  adw_action_row_set_subtitle (self->number_row, number);
  gtk_widget_remove_css_class (GTK_WIDGET (self->number_row), "error");
  show_error (self, NULL);
}

static void
on_date_row_changed_cb (KhPlanIssueDialog *self,
                        GtkEditable       *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  show_error (self, NULL);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KhPlanIssueDialog *self = KH_PLAN_ISSUE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GDate date;
  int number;

  gtk_spin_button_update (self->number_spin);
  number = gtk_spin_button_get_value_as_int (self->number_spin);

  if (!kh_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }

  if (self->report_id != 0
      ? !kh_store_issue_report (self->store, self->report_id, number, &date, &error)
      : !kh_store_issue_plan (self->store, self->plan_id, number, &date, &error))
    {
      if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS))
        gtk_widget_add_css_class (GTK_WIDGET (self->number_row), "error");
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[ISSUED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
kh_plan_issue_dialog_dispose (GObject *object)
{
  KhPlanIssueDialog *self = KH_PLAN_ISSUE_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_PLAN_ISSUE_DIALOG);

  G_OBJECT_CLASS (kh_plan_issue_dialog_parent_class)->dispose (object);
}

static void
kh_plan_issue_dialog_finalize (GObject *object)
{
  KhPlanIssueDialog *self = KH_PLAN_ISSUE_DIALOG (object);

  g_free (self->abbreviation);

  G_OBJECT_CLASS (kh_plan_issue_dialog_parent_class)->finalize (object);
}

static void
kh_plan_issue_dialog_class_init (KhPlanIssueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_plan_issue_dialog_dispose;
  object_class->finalize = kh_plan_issue_dialog_finalize;

  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-plan-issue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPlanIssueDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, KhPlanIssueDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, KhPlanIssueDialog, number_spin);
  gtk_widget_class_bind_template_child (widget_class, KhPlanIssueDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KhPlanIssueDialog, error_label);

  gtk_widget_class_install_action (widget_class, "issue.issue", NULL, issue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_plan_issue_dialog_init (KhPlanIssueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->issue_button));
  g_signal_connect_object (self->number_spin, "value-changed",
                           G_CALLBACK (on_number_spin_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "changed",
                           G_CALLBACK (on_date_row_changed_cb), self, G_CONNECT_SWAPPED);
}

KhPlanIssueDialog *
kh_plan_issue_dialog_new (GtkWindow *parent,
                          KhStore   *store,
                          gint64     plan_id)
{
  KhPlanIssueDialog *self;
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;
  GDate date;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_PLAN_ISSUE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->plan_id = plan_id;
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  agency = kh_store_load_agency (store, NULL);
  self->abbreviation = g_strdup (agency && agency->abbreviation ? agency->abbreviation : "");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)g_date_time_get_day_of_month (now),
                  (GDateMonth)g_date_time_get_month (now), (GDateYear)g_date_time_get_year (now));
  today = kh_format_date_short (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  on_number_spin_value_changed_cb (self, self->number_spin);
  show_error (self, NULL);

  return self;
}

/* The same, for a report: registered as “BC”. */
KhPlanIssueDialog *
kh_plan_issue_dialog_new_for_report (GtkWindow *parent,
                                     KhStore   *store,
                                     gint64     report_id)
{
  KhPlanIssueDialog *self = kh_plan_issue_dialog_new (parent, store, 0);

  self->report_id = report_id;
  gtk_window_set_title (GTK_WINDOW (self), _("Issue the Report"));
  on_number_spin_value_changed_cb (self, self->number_spin);
  return self;
}
