/* kh-plan-state-bar.c — where the plan stands: draft, for signing, issued
 *
 * The bar names the state, says what it means for the text, offers the
 * next step (the buttons run the page's plan.* actions) and shows
 * whether the last edits are saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-state-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-vn-format.h"

#include "kh-plan-state-bar.h"

struct _KhPlanStateBar
{
  AdwBin     parent_instance;

  /* Template widgets */
  GtkImage  *state_icon;
  GtkLabel  *state_label;
  GtkLabel  *detail_label;
  GtkLabel  *save_label;
  GtkButton *draft_button;
  GtkButton *signing_button;
  GtkButton *issue_button;
  GtkButton *copy_button;
};

G_DEFINE_FINAL_TYPE (KhPlanStateBar, kh_plan_state_bar, ADW_TYPE_BIN)

static void
kh_plan_state_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_PLAN_STATE_BAR);

  G_OBJECT_CLASS (kh_plan_state_bar_parent_class)->dispose (object);
}

static void
kh_plan_state_bar_class_init (KhPlanStateBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_plan_state_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-plan-state-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPlanStateBar, state_icon);
  gtk_widget_class_bind_template_child (widget_class, KhPlanStateBar, state_label);
  gtk_widget_class_bind_template_child (widget_class, KhPlanStateBar, detail_label);
  gtk_widget_class_bind_template_child (widget_class, KhPlanStateBar, save_label);
  gtk_widget_class_bind_template_child (widget_class, KhPlanStateBar, draft_button);
  gtk_widget_class_bind_template_child (widget_class, KhPlanStateBar, signing_button);
  gtk_widget_class_bind_template_child (widget_class, KhPlanStateBar, issue_button);
  gtk_widget_class_bind_template_child (widget_class, KhPlanStateBar, copy_button);
}

static void
kh_plan_state_bar_init (KhPlanStateBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
kh_plan_state_bar_set_plan (KhPlanStateBar *self,
                            const KhPlan   *plan,
                            const KhAgency *agency)
{
  g_autofree char *number = NULL;

  g_return_if_fail (KH_IS_PLAN_STATE_BAR (self));
  g_return_if_fail (plan != NULL);

  if (plan->state == KH_PLAN_STATE_ISSUED)
    number = kh_format_doc_symbol (plan->number, "KH",
                                   agency && agency->abbreviation ? agency->abbreviation : "");
  kh_plan_state_bar_set_state (self, plan->state, number, &plan->issued_on,
                               _("The text can no longer change. Its tasks and results can."),
                               TRUE);
}

/**
 * kh_plan_state_bar_set_state:
 * @symbol: (nullable): the document's “Số:” once issued, e.g. 18/KH-UBND
 * @issued_on: (nullable): the date it was issued
 * @issued_detail: what being issued means for this kind of document
 * @can_copy: whether an issued document offers a new revision
 *
 * The bar for any document that follows the plan's three states: a
 * plan, or a report.
 */
void
kh_plan_state_bar_set_state (KhPlanStateBar *self,
                             KhPlanState     state_value,
                             const char     *symbol,
                             const GDate    *issued_on,
                             const char     *issued_detail,
                             gboolean        can_copy)
{
  g_autofree char *state = NULL;
  g_autofree char *detail = NULL;
  const char *icon = "document-edit-symbolic";

  g_return_if_fail (KH_IS_PLAN_STATE_BAR (self));

  switch (state_value)
    {
    case KH_PLAN_STATE_SIGNING:
      icon = "document-send-symbolic";
      state = g_strdup (_("For Signing"));
      detail = g_strdup (_("Printed with the number and date left blank for the records officer. Back to draft to change the text."));
      break;

    case KH_PLAN_STATE_ISSUED:
      {
        g_autofree char *date = issued_on != NULL && g_date_valid (issued_on) ? kh_format_date_short (issued_on)
                                                                             : g_strdup ("?");

        icon = "emblem-ok-symbolic";
        /* Translators: “Issued as Số: 18/KH-UBND on 19/02/2024” */
        state = g_strdup_printf (_("Issued as Số: %s on %s"), symbol ? symbol : "?", date);
        detail = g_strdup (issued_detail);
      }
      break;

    case KH_PLAN_STATE_DRAFT:
    default:
      state = g_strdup (_("Draft"));
      detail = g_strdup (_("Saved as you type"));
      break;
    }

  gtk_image_set_from_icon_name (self->state_icon, icon);
  gtk_label_set_text (self->state_label, state);
  gtk_label_set_text (self->detail_label, detail);

  gtk_widget_set_visible (GTK_WIDGET (self->signing_button), state_value == KH_PLAN_STATE_DRAFT);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_button), state_value == KH_PLAN_STATE_SIGNING);
  gtk_widget_set_visible (GTK_WIDGET (self->issue_button), state_value == KH_PLAN_STATE_SIGNING);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), can_copy && state_value == KH_PLAN_STATE_ISSUED);
  gtk_widget_set_visible (GTK_WIDGET (self->save_label), state_value != KH_PLAN_STATE_ISSUED);
}

void
kh_plan_state_bar_set_save_status (KhPlanStateBar *self,
                                   const char     *status,
                                   gboolean        error)
{
  g_return_if_fail (KH_IS_PLAN_STATE_BAR (self));

  gtk_label_set_text (self->save_label, status ? status : "");
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "dim-label");
    }
}
