/* kh-overview-page.c — the agency at a glance: its plans and departments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-plan.h"
#include "kh-vn-format.h"

#include "kh-gtk-util.h"
#include "kh-list-row.h"
#include "kh-overview-page.h"
#include "kh-scrolled-content.h"
#include "kh-view.h"

struct _KhOverviewPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *parent_label;
  GtkLabel            *name_label;
  GtkLabel            *details_label;
  AdwPreferencesGroup *plans_group;
  GtkListBox          *plans_list;
  AdwPreferencesGroup *departments_group;
  GtkListBox          *departments_list;
  AdwPreferencesGroup *signers_group;
  GtkListBox          *signers_list;
};

static void kh_overview_page_view_iface_init (KhViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhOverviewPage, kh_overview_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (KH_TYPE_VIEW, kh_overview_page_view_iface_init))

static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = kh_list_row_new ();

  kh_list_row_set_title (KH_LIST_ROW (row), title);
  kh_list_row_set_subtitle (KH_LIST_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_agency (KhOverviewPage *self,
             const KhAgency *agency)
{
  g_autoptr(GString) details = g_string_new (NULL);
  gboolean has_parent = agency && agency->parent_name && agency->parent_name[0];

  gtk_label_set_text (self->parent_label, has_parent ? agency->parent_name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->parent_label), has_parent);

  if (agency != NULL && agency->name != NULL && agency->name[0] != '\0')
    gtk_label_set_text (self->name_label, agency->name);
  else
    gtk_label_set_text (self->name_label, _("Your Agency Has No Name Yet"));

  if (agency != NULL && agency->abbreviation && agency->abbreviation[0])
    /* Translators: how the agency's documents are numbered, e.g. “Documents numbered …/KH-UBND” */
    g_string_append_printf (details, _("Documents numbered …/KH-%s"), agency->abbreviation);
  if (agency != NULL && agency->place && agency->place[0])
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      /* Translators: the place written before the date of a document */
      g_string_append_printf (details, _("Dated at %s"), agency->place);
    }

  gtk_label_set_text (self->details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);
}

static const char *
plan_state_label (KhPlanState state)
{
  switch (state)
    {
    case KH_PLAN_STATE_DRAFT:
      return _("Draft");
    case KH_PLAN_STATE_SIGNING:
      return _("For Signing");
    case KH_PLAN_STATE_ISSUED:
      return _("Issued");
    default:
      g_return_val_if_reached ("");
    }
}

static GtkWidget *
plan_row_new (const KhPlan   *plan,
              const KhAgency *agency)
{
  g_autofree char *title = NULL;
  g_autofree char *year = g_strdup_printf ("%d", plan->year);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *label;

  /* The trích yếu breaks into lines on paper; here it is one line. */
  title = g_strdelimit (g_strdup (plan->title ? plan->title : ""), "\n", ' ');
  if (plan->revision != NULL && plan->revision[0] != '\0')
    {
      char *with_revision = g_strdup_printf ("%s (%s)", title, plan->revision);

      g_free (title);
      title = with_revision;
    }

  if (plan->state == KH_PLAN_STATE_ISSUED && plan->number > 0 && g_date_valid (&plan->issued_on))
    {
      g_autofree char *number = kh_format_doc_number (plan->number, "KH",
                                                      agency && agency->abbreviation ? agency->abbreviation : "");
      g_autofree char *date = kh_format_date_short (&plan->issued_on);

      /* Translators: “Số: 18/KH-UBND, 19/02/2024”: a document's number and the date it was issued */
      subtitle = g_strdup_printf (C_("document number, date", "%s, %s"), number, date);
    }

  row = text_row_new (title[0] ? title : _("Untitled Plan"), subtitle);

  label = gtk_label_new (year);
  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_add_css_class (label, "numeric");
  kh_list_row_add_prefix (KH_LIST_ROW (row), label);

  label = gtk_label_new (plan_state_label (plan->state));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, plan->state == KH_PLAN_STATE_ISSUED ? "success" : "dim-label");
  kh_list_row_add_suffix (KH_LIST_ROW (row), label);

  return row;
}

static void
show_plans (KhOverviewPage *self,
            KhStore        *store,
            const KhAgency *agency)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) key = g_string_new (agency && agency->abbreviation ? agency->abbreviation : "");

  if (!(plans = kh_store_list_plans (store, &error)))
    {
      kh_widget_content_changed (GTK_WIDGET (self->plans_list), "");
      kh_list_box_remove_all (self->plans_list);
      gtk_list_box_set_placeholder (self->plans_list, kh_placeholder_new (error->message));
      return;
    }

  for (guint i = 0; i < plans->len; i++)
    {
      const KhPlan *plan = g_ptr_array_index (plans, i);

      g_string_append_printf (key, "\x1e%d\x1f%s\x1f%s\x1f%d\x1f%d\x1f%u", plan->year,
                              plan->title ? plan->title : "", plan->revision ? plan->revision : "",
                              (int)plan->state, plan->number,
                              g_date_valid (&plan->issued_on) ? g_date_get_julian (&plan->issued_on) : 0);
    }
  if (!kh_widget_content_changed (GTK_WIDGET (self->plans_list), key->str))
    return;

  kh_list_box_remove_all (self->plans_list);
  for (guint i = 0; i < plans->len; i++)
    gtk_list_box_append (self->plans_list, plan_row_new (g_ptr_array_index (plans, i), agency));
}

static void
show_departments (KhOverviewPage *self,
                  KhStore        *store)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  departments = kh_store_list_departments (store, FALSE, &error);
  if (departments == NULL)
    {
      kh_widget_content_changed (GTK_WIDGET (self->departments_list), "");
      kh_list_box_remove_all (self->departments_list);
      gtk_list_box_set_placeholder (self->departments_list, kh_placeholder_new (error->message));
      return;
    }

  for (guint i = 0; i < departments->len; i++)
    g_string_append_printf (key, "%s\x1e", kh_department_get_name (g_ptr_array_index (departments, i)));
  if (!kh_widget_content_changed (GTK_WIDGET (self->departments_list), key->str))
    return;

  kh_list_box_remove_all (self->departments_list);

  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (departments, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *row = text_row_new (kh_department_get_name (department), NULL);
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_size_request (label, 24, -1);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      kh_list_row_add_prefix (KH_LIST_ROW (row), label);
      gtk_list_box_append (self->departments_list, row);
    }
}

static void
show_signers (KhOverviewPage *self,
              KhStore        *store)
{
  g_autoptr(GPtrArray) signers = kh_store_list_signers (store, FALSE, NULL);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; signers != NULL && i < signers->len; i++)
    {
      KhSigner *signer = g_ptr_array_index (signers, i);

      g_string_append_printf (key, "%s\x1f%s\x1e", signer->name, signer->title ? signer->title : "");
    }
  if (!kh_widget_content_changed (GTK_WIDGET (self->signers_list), key->str))
    return;

  kh_list_box_remove_all (self->signers_list);

  for (guint i = 0; signers != NULL && i < signers->len; i++)
    {
      KhSigner *signer = g_ptr_array_index (signers, i);

      gtk_list_box_append (self->signers_list, text_row_new (signer->name, signer->title));
    }
}

static void
kh_overview_page_reload (KhView  *view,
                         KhStore *store,
                         gint64   plan_id)
{
  KhOverviewPage *self = KH_OVERVIEW_PAGE (view);
  g_autoptr(KhAgency) agency = kh_store_load_agency (store, NULL);

  show_agency (self, agency);
  show_plans (self, store, agency);
  show_departments (self, store);
  show_signers (self, store);
}

static void
kh_overview_page_view_iface_init (KhViewInterface *iface)
{
  iface->reload = kh_overview_page_reload;
}

static void
kh_overview_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (kh_overview_page_parent_class)->dispose (object);
}

static void
kh_overview_page_class_init (KhOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_overview_page_dispose;

  g_type_ensure (KH_TYPE_SCROLLED_CONTENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhOverviewPage, parent_label);
  gtk_widget_class_bind_template_child (widget_class, KhOverviewPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KhOverviewPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, KhOverviewPage, plans_group);
  gtk_widget_class_bind_template_child (widget_class, KhOverviewPage, plans_list);
  gtk_widget_class_bind_template_child (widget_class, KhOverviewPage, departments_group);
  gtk_widget_class_bind_template_child (widget_class, KhOverviewPage, departments_list);
  gtk_widget_class_bind_template_child (widget_class, KhOverviewPage, signers_group);
  gtk_widget_class_bind_template_child (widget_class, KhOverviewPage, signers_list);
}

static void
kh_overview_page_init (KhOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->plans_list,
                                kh_placeholder_new (_("No plans yet")));
  gtk_list_box_set_placeholder (self->departments_list,
                                kh_placeholder_new (_("No departments yet. Add them in Preferences.")));
  gtk_list_box_set_placeholder (self->signers_list,
                                kh_placeholder_new (_("No signers yet. Add them in Preferences.")));
}

GtkWidget *
kh_overview_page_new (void)
{
  return g_object_new (KH_TYPE_OVERVIEW_PAGE, NULL);
}
