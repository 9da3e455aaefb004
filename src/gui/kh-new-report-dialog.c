/* kh-new-report-dialog.c — chooses the period of a new report on a plan
 *
 * Quý I–IV, the first six months, nine months, the year, or any range
 * of days. Core makes the draft with every part filled. A period that
 * already has a report is not reported twice: the dialog emits
 * "report-chosen" with that report, which the page selects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-new-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-dashboard.h"
#include "kh-period.h"
#include "kh-plan.h"
#include "kh-report-compose.h"
#include "kh-report.h"
#include "kh-vn-format.h"

#include "kh-new-report-dialog.h"

struct _KhNewReportDialog
{
  AdwWindow     parent_instance;

  /* Template widgets */
  GtkButton    *create_button;
  AdwComboRow  *period_row;
  AdwEntryRow  *from_row;
  AdwEntryRow  *to_row;
  GtkLabel     *error_label;

  /* Owned */
  KhStore      *store;

  gint64        plan_id;
  int           year;
};

G_DEFINE_FINAL_TYPE (KhNewReportDialog, kh_new_report_dialog, ADW_TYPE_WINDOW)

enum {
  REPORT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KhNewReportDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_period_row_selected_cb (KhNewReportDialog *self,
                           GParamSpec        *pspec,
                           AdwComboRow       *row)
{
  gboolean range = adw_combo_row_get_selected (row) == KH_PERIOD_RANGE;

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), range);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), range);
  show_error (self, NULL);
}

static void
on_date_row_changed_cb (KhNewReportDialog *self,
                        GtkEditable       *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  show_error (self, NULL);
}

static gboolean
parse_row (KhNewReportDialog  *self,
           AdwEntryRow        *row,
           GDate              *date,
           GError            **error)
{
  if (kh_parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), date, error))
    return TRUE;

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return FALSE;
}

/**
 * kh_new_report_dialog_create:
 *
 * Makes the report for the chosen period, or finds the one it has, and
 * closes. On an error the dialog stays open and says what is wrong.
 *
 * Returns: whether a report was made or found
 */
gboolean
kh_new_report_dialog_create (KhNewReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint kind = adw_combo_row_get_selected (self->period_row);
  KhPeriod period;
  gint64 id;
  gboolean existed;

  if (kind == KH_PERIOD_RANGE)
    {
      GDate from, to;

      if (!parse_row (self, self->from_row, &from, &error) ||
          !parse_row (self, self->to_row, &to, &error) ||
          !kh_period_init_range (&period, &from, &to, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
    }
  else if (!kh_store_init_period (self->store, &period, (KhPeriodKind)kind, self->year, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  id = kh_store_find_report (self->store, self->plan_id, &period);
  existed = id > 0;
  if (!existed && (id = kh_store_new_report (self->store, self->plan_id, &period, &error)) <= 0)
    {
      show_error (self, error ? error->message : _("The report could not be made"));
      return FALSE;
    }

  g_signal_emit (self, signals[REPORT_CHOSEN], 0, id, existed);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kh_new_report_dialog_create (KH_NEW_REPORT_DIALOG (widget));
}

static void
kh_new_report_dialog_dispose (GObject *object)
{
  KhNewReportDialog *self = KH_NEW_REPORT_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_NEW_REPORT_DIALOG);

  G_OBJECT_CLASS (kh_new_report_dialog_parent_class)->dispose (object);
}

static void
kh_new_report_dialog_class_init (KhNewReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_new_report_dialog_dispose;

  /* (id, whether the period already had it) */
  signals[REPORT_CHOSEN] = g_signal_new ("report-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         G_TYPE_INT64, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-new-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KhNewReportDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, KhNewReportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, KhNewReportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, KhNewReportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, KhNewReportDialog, error_label);

  gtk_widget_class_install_action (widget_class, "new-report.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_new_report_dialog_init (KhNewReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));
  g_signal_connect_object (self->period_row, "notify::selected",
                           G_CALLBACK (on_period_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_row, "changed",
                           G_CALLBACK (on_date_row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_row, "changed",
                           G_CALLBACK (on_date_row_changed_cb), self, G_CONNECT_SWAPPED);
  on_period_row_selected_cb (self, NULL, self->period_row);
}

/* The first period of the year, in the order reports fall due, that has
 * no report yet. */
static guint
suggest_kind (KhNewReportDialog *self)
{
  static const KhPeriodKind order[] = {
    KH_PERIOD_Q1, KH_PERIOD_Q2, KH_PERIOD_H1, KH_PERIOD_Q3,
    KH_PERIOD_NINE_MONTHS, KH_PERIOD_Q4, KH_PERIOD_YEAR,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      KhPeriod period;

      if (kh_store_init_period (self->store, &period, order[i], self->year, NULL) &&
          kh_store_find_report (self->store, self->plan_id, &period) <= 0)
        return order[i];
    }
  return KH_PERIOD_Q1;
}

KhNewReportDialog *
kh_new_report_dialog_new (GtkWindow *parent,
                          KhStore   *store,
                          gint64     plan_id)
{
  g_autoptr(KhPlan) plan = NULL;
  KhNewReportDialog *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_NEW_REPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plan_id = plan_id;
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  plan = kh_store_load_plan (store, plan_id, NULL);
  self->year = plan ? plan->year : 0;
  if (plan != NULL)
    {
      g_autofree char *from = g_strdup_printf ("01/01/%d", plan->year);
      g_autofree char *to = g_strdup_printf ("31/12/%d", plan->year);

      gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
    }
  adw_combo_row_set_selected (self->period_row, suggest_kind (self));
  show_error (self, NULL);

  return self;
}

/* For tests and scripts: the choice a person makes with the rows. */
void
kh_new_report_dialog_set_period (KhNewReportDialog *self,
                                 guint              kind,
                                 const char        *from,
                                 const char        *to)
{
  g_return_if_fail (KH_IS_NEW_REPORT_DIALOG (self));

  adw_combo_row_set_selected (self->period_row, kind);
  if (from != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  if (to != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
}
