/* kh-task-row.c — one task in the tasks page
 *
 * The row shows what the clerk needs to recognise a task at a glance:
 * its title, when it is due, who supports the lead department, its
 * target and its status. Activating the row edits the task (the
 * "tasks.edit" action of the page); the buttons move and delete it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-task-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-indicator.h"
#include "kh-vn-format.h"

#include "kh-gtk-util.h"
#include "kh-task-row.h"

struct _KhTaskRow
{
  KhListRow     parent_instance;

  /* Template widgets */
  GtkLabel     *status_label;
  GtkButton    *up_button;
  GtkButton    *down_button;
  GtkButton    *delete_button;

  gint64        task_id;
};

G_DEFINE_FINAL_TYPE (KhTaskRow, kh_task_row, KH_TYPE_LIST_ROW)

/* “Quarterly”, “By 31/3/2024”, “Monthly, by 30/6/2024” */
char *
kh_task_describe_timing (const KhTask *task)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (task != NULL, NULL);

  if (g_date_valid (&task->deadline))
    date = kh_format_date_short (&task->deadline);

  switch (task->rhythm)
    {
    case KH_RHYTHM_BY_DATE:
      if (date == NULL)
        return g_strdup (_("By a date not yet set"));
      /* Translators: a task's deadline, e.g. “By 31/3/2024” (Vietnamese: “Trước 31/3/2024”) */
      return g_strdup_printf (_("By %s"), date);

    case KH_RHYTHM_MONTHLY:
      if (date != NULL)
        /* Translators: a monthly task with a final deadline */
        return g_strdup_printf (_("Monthly, by %s"), date);
      return g_strdup (_("Monthly"));

    case KH_RHYTHM_QUARTERLY:
      if (date != NULL)
        /* Translators: a quarterly task with a final deadline */
        return g_strdup_printf (_("Quarterly, by %s"), date);
      return g_strdup (_("Quarterly"));

    case KH_RHYTHM_REGULAR:
    default:
      if (date != NULL)
        /* Translators: an ongoing task with a final deadline */
        return g_strdup_printf (_("Regular, by %s"), date);
      /* Translators: an ongoing task (Vietnamese: “Thường xuyên”) */
      return g_strdup (_("Regular"));
    }
}

static char *
describe_supports (const KhTask *task,
                   GHashTable   *department_names)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; task->support_ids != NULL && i < task->support_ids->len; i++)
    {
      gint64 id = g_array_index (task->support_ids, gint64, i);
      const char *name = g_hash_table_lookup (department_names, &id);

      if (name == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }

  if (names->len == 0)
    return NULL;

  /* Translators: the departments that support a task (Vietnamese: “Phối hợp: …”) */
  return g_strdup_printf (_("With %s"), names->str);
}

static char *
describe_target (const KhTask *task,
                 GHashTable   *indicators)
{
  const KhIndicator *indicator;
  g_autofree char *quantity = NULL;

  if (task->indicator_id == 0 || task->target <= 0)
    return NULL;

  indicator = g_hash_table_lookup (indicators, &task->indicator_id);
  quantity = kh_format_quantity (task->target);
  if (indicator == NULL)
    return g_strdup (quantity);

  /* Translators: a task's target, e.g. “Target: 40 tin, bài”: the quantity, then the unit */
  return g_strdup_printf (_("Target: %s %s"), quantity,
                          indicator->unit && indicator->unit[0] ? indicator->unit : indicator->name);
}

static void
show_status (KhTaskRow    *self,
             const KhTask *task)
{
  GtkWidget *label = GTK_WIDGET (self->status_label);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_remove_css_class (label, "accent");
  gtk_widget_remove_css_class (label, "success");

  switch (task->status)
    {
    case KH_TASK_DONE:
      if (g_date_valid (&task->done_on))
        {
          g_autofree char *date = kh_format_date_short (&task->done_on);
          /* Translators: a task's status with the day it was done */
          text = g_strdup_printf (_("Done %s"), date);
        }
      else
        text = g_strdup (_("Done"));
      gtk_widget_add_css_class (label, "success");
      break;

    case KH_TASK_IN_PROGRESS:
      text = g_strdup (_("In Progress"));
      gtk_widget_add_css_class (label, "accent");
      break;

    case KH_TASK_NOT_STARTED:
    default:
      text = g_strdup (_("Not Started"));
      gtk_widget_add_css_class (label, "dim-label");
      break;
    }

  gtk_label_set_text (self->status_label, text);
}

static void
activate_with_id (KhTaskRow  *self,
                  const char *action_name)
{
  gtk_widget_activate_action (GTK_WIDGET (self), action_name, "x", self->task_id);
}

static void
on_up_button_clicked_cb (KhTaskRow *self,
                         GtkButton *button)
{
  activate_with_id (self, "tasks.move-up");
}

static void
on_down_button_clicked_cb (KhTaskRow *self,
                           GtkButton *button)
{
  activate_with_id (self, "tasks.move-down");
}

static void
on_delete_button_clicked_cb (KhTaskRow *self,
                             GtkButton *button)
{
  activate_with_id (self, "tasks.delete");
}

static void
kh_task_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_TASK_ROW);

  G_OBJECT_CLASS (kh_task_row_parent_class)->dispose (object);
}

static void
kh_task_row_class_init (KhTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_task_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KhTaskRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, KhTaskRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, KhTaskRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, KhTaskRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_up_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_down_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_button_clicked_cb);
}

static void
kh_task_row_init (KhTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_list_row_set_subtitle_lines (KH_LIST_ROW (self), 3);
  /* Here rather than in the template: see kh_widget_set_tooltip_quietly(). */
  kh_widget_set_tooltip_quietly (GTK_WIDGET (self->up_button), _("Move Up"));
  kh_widget_set_tooltip_quietly (GTK_WIDGET (self->down_button), _("Move Down"));
  kh_widget_set_tooltip_quietly (GTK_WIDGET (self->delete_button), _("Delete"));
}

/* department_names: gint64 id → name; indicators: gint64 id → KhIndicator. */
GtkWidget *
kh_task_row_new (const KhTask *task,
                 GHashTable   *department_names,
                 GHashTable   *indicators)
{
  KhTaskRow *self;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *timing = NULL;
  g_autofree char *target = NULL;
  g_autofree char *supports = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (task != NULL, NULL);

  self = g_object_new (KH_TYPE_TASK_ROW, NULL);
  self->task_id = task->id;

  kh_list_row_set_title (KH_LIST_ROW (self), task->title);

  timing = kh_task_describe_timing (task);
  target = describe_target (task, indicators);
  supports = describe_supports (task, department_names);
  g_string_append (subtitle, timing);
  if (target != NULL)
    g_string_append_printf (subtitle, " · %s", target);
  if (supports != NULL)
    g_string_append_printf (subtitle, "\n%s", supports);
  kh_list_row_set_subtitle (KH_LIST_ROW (self), subtitle->str);

  show_status (self, task);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self), g_variant_new_int64 (task->id));

  /* Translators: %s is a task's title */
  label = g_strdup_printf (_("Move “%s” up"), task->title);
  kh_widget_set_accessible_label (GTK_WIDGET (self->up_button), label);
  g_free (label);
  /* Translators: %s is a task's title */
  label = g_strdup_printf (_("Move “%s” down"), task->title);
  kh_widget_set_accessible_label (GTK_WIDGET (self->down_button), label);
  g_free (label);
  /* Translators: %s is a task's title */
  label = g_strdup_printf (_("Delete “%s”"), task->title);
  kh_widget_set_accessible_label (GTK_WIDGET (self->delete_button), label);

  return GTK_WIDGET (self);
}

gint64
kh_task_row_get_task_id (KhTaskRow *self)
{
  g_return_val_if_fail (KH_IS_TASK_ROW (self), 0);

  return self->task_id;
}

void
kh_task_row_set_movable (KhTaskRow *self,
                         gboolean   up,
                         gboolean   down)
{
  g_return_if_fail (KH_IS_TASK_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), down);
}

/* Gives the focus to "up", "down" or "delete", or to the row when that
 * button cannot take it. */
void
kh_task_row_focus_button (KhTaskRow  *self,
                          const char *which)
{
  GtkWidget *button = NULL;

  g_return_if_fail (KH_IS_TASK_ROW (self));

  if (g_strcmp0 (which, "up") == 0)
    button = GTK_WIDGET (self->up_button);
  else if (g_strcmp0 (which, "down") == 0)
    button = GTK_WIDGET (self->down_button);
  else if (g_strcmp0 (which, "delete") == 0)
    button = GTK_WIDGET (self->delete_button);

  if (button == NULL || !gtk_widget_get_sensitive (button))
    {
      /* The other move button, when the row reached an end. */
      if (button == GTK_WIDGET (self->up_button))
        button = GTK_WIDGET (self->down_button);
      else if (button == GTK_WIDGET (self->down_button))
        button = GTK_WIDGET (self->up_button);
    }

  if (button != NULL && gtk_widget_get_sensitive (button))
    gtk_widget_grab_focus (button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}
