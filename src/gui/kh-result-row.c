/* kh-result-row.c — one recorded result in the results page
 *
 * The title says what was done; the subtitle when, by whom and for which
 * task (or outside the plan's tasks), then the evidence; the suffix how
 * much, as the reports write it (“treo 06 băng rôn”). Activating the row
 * edits the result ("results.edit"); the button deletes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-result-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-text.h"
#include "kh-vn-format.h"

#include "kh-gtk-util.h"
#include "kh-result-row.h"

struct _KhResultRow
{
  KhListRow     parent_instance;

  /* Template widgets */
  GtkLabel     *quantity_label;
  GtkButton    *delete_button;

  gint64        result_id;
};

G_DEFINE_FINAL_TYPE (KhResultRow, kh_result_row, KH_TYPE_LIST_ROW)

static void
kh_result_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_RESULT_ROW);

  G_OBJECT_CLASS (kh_result_row_parent_class)->dispose (object);
}

static void
kh_result_row_class_init (KhResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_result_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KhResultRow, quantity_label);
  gtk_widget_class_bind_template_child (widget_class, KhResultRow, delete_button);
}

static void
kh_result_row_init (KhResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_list_row_set_title_lines (KH_LIST_ROW (self), 2);
  kh_list_row_set_subtitle_lines (KH_LIST_ROW (self), 3);
  /* Here rather than in the template: see kh_widget_set_tooltip_quietly(). */
  kh_widget_set_tooltip_quietly (GTK_WIDGET (self->delete_button), _("Delete"));
}

/* task_title: NULL for work outside the plan's tasks; indicator: NULL
 * when the result counts nothing. */
GtkWidget *
kh_result_row_new (const KhResult    *result,
                   const char        *department_name,
                   const char        *task_title,
                   const KhIndicator *indicator)
{
  KhResultRow *self;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *label = NULL;
  const char *title;

  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (KH_TYPE_RESULT_ROW, NULL);
  self->result_id = result->id;

  if (indicator != NULL)
    quantity = kh_indicator_format_quantity (indicator, result->quantity);

  title = !kh_text_is_blank (result->description) ? result->description
          : quantity != NULL ? quantity : "";
  kh_list_row_set_title (KH_LIST_ROW (self), title);

  date = g_date_valid (&result->done_on) ? kh_format_date_short (&result->done_on) : g_strdup ("");
  /* Translators: a result's date · department · task */
  subtitle = g_strdup_printf (_("%s · %s · %s"), date,
                              department_name ? department_name : _("Unknown department"),
                              task_title ? task_title : _("Outside the plan’s tasks"));
  if (!kh_text_is_blank (result->evidence))
    {
      /* Translators: the evidence of a result: a link or a file name */
      g_autofree char *evidence = g_strdup_printf (_("Evidence: %s"), result->evidence);
      g_autofree char *both = g_strconcat (subtitle, "\n", evidence, NULL);

      g_free (subtitle);
      subtitle = g_steal_pointer (&both);
    }
  kh_list_row_set_subtitle (KH_LIST_ROW (self), subtitle);

  gtk_label_set_text (self->quantity_label, quantity ? quantity : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quantity_label), quantity != NULL);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", result->id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", result->id);

  /* Translators: the accessible name of a result's delete button, %s its date */
  label = g_strdup_printf (_("Delete the result of %s"), date);
  kh_widget_set_accessible_label (GTK_WIDGET (self->delete_button), label);

  return GTK_WIDGET (self);
}

gint64
kh_result_row_get_result_id (KhResultRow *self)
{
  g_return_val_if_fail (KH_IS_RESULT_ROW (self), 0);

  return self->result_id;
}
