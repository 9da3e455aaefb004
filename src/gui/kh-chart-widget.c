/* kh-chart-widget.c — one of the dashboard's charts, on screen
 *
 * Draws with the pure functions of kh-chart.h at the width it is given
 * (so the bars follow the window) and in the palette of the current
 * style (light or dark, followed as it changes). Each row (a department,
 * an indicator, a month) can be activated: by a click, or from the
 * keyboard (arrows move, Enter activates). Every row also has a sentence
 * ("Tin, bài: 11 of 40 tin, bài") that the tooltip shows and screen
 * readers read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-chart-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kh-chart-widget.h"

#define MONTHS_HEIGHT 180.0

struct _KhChartWidget
{
  GtkWidget           parent_instance;

  KhChartWidgetKind   kind;
  GPtrArray          *strings;    /* owns the labels and units the rows point to */
  KhChartStackRow    *stack;
  KhChartProgressRow *progress;
  double              months[12];
  guint               n_rows;
  GPtrArray          *texts;      /* a sentence per row */
  int                 focus_row;  /* -1: none */
  int                 hover_row;  /* -1: none */
};

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KhChartWidget, kh_chart_widget, GTK_TYPE_WIDGET)

/* Helpers */

static char *
format_number (double value)
{
  if (value == (gint64)value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)value);
  return g_strdup_printf ("%.1f", value);
}

static const char *
keep (KhChartWidget *self,
      const char    *text)
{
  char *copy = g_strdup (text ? text : "");

  g_ptr_array_add (self->strings, copy);
  return copy;
}

static void
fill_style (KhChartWidget *self,
            KhChartStyle  *style,
            char         **font)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *description = pango_context_get_font_description (context);

  *font = description ? pango_font_description_to_string (description) : NULL;
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style->font = *font;
}

static int
row_at (KhChartWidget *self,
        double         x,
        double         y)
{
  int row;

  if (self->n_rows == 0)
    return -1;

  if (self->kind == KH_CHART_WIDGET_MONTHS)
    row = (int)(x / (gtk_widget_get_width (GTK_WIDGET (self)) / 12.0));
  else
    row = (int)(y / kh_chart_row_height (NULL));

  return row >= 0 && (guint)row < self->n_rows ? row : -1;
}

static void
update_accessible (KhChartWidget *self)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < self->texts->len; i++)
    {
      if (all->len > 0)
        g_string_append (all, "; ");
      g_string_append (all, g_ptr_array_index (self->texts, i));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, all->str,
                                  -1);
}

static void
reset (KhChartWidget *self,
       guint          n_rows)
{
  g_ptr_array_set_size (self->strings, 0);
  g_ptr_array_set_size (self->texts, 0);
  g_clear_pointer (&self->stack, g_free);
  g_clear_pointer (&self->progress, g_free);
  self->n_rows = n_rows;
  if (self->focus_row >= (int)n_rows)
    self->focus_row = n_rows > 0 ? (int)n_rows - 1 : -1;
  self->hover_row = -1;
}

static void
changed (KhChartWidget *self)
{
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Callbacks */

static void
on_style_manager_notify_dark_cb (KhChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_released_cb (KhChartWidget   *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  int row = row_at (self, x, y);

  if (row < 0)
    return;

  self->focus_row = row;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[ROW_ACTIVATED], 0, (guint)row);
}

static void
on_motion_cb (KhChartWidget            *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  int row = row_at (self, x, y);

  if (row == self->hover_row)
    return;

  self->hover_row = row;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), row >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave_cb (KhChartWidget            *self,
             GtkEventControllerMotion *motion)
{
  self->hover_row = -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed_cb (KhChartWidget         *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *key)
{
  gboolean months = self->kind == KH_CHART_WIDGET_MONTHS;
  int step = 0;

  if (self->n_rows == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step = months ? 0 : -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step = months ? 0 : 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step = months ? -1 : 0;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step = months ? 1 : 0;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus_row < 0)
        return FALSE;
      g_signal_emit (self, signals[ROW_ACTIVATED], 0, (guint)self->focus_row);
      return TRUE;
    default:
      return FALSE;
    }

  if (step == 0)
    return FALSE;

  /* Past the first or last row, the focus leaves the chart. */
  if ((step < 0 && self->focus_row <= 0 && self->focus_row != -1) ||
      (step > 0 && self->focus_row >= (int)self->n_rows - 1))
    return FALSE;

  self->focus_row = self->focus_row < 0 ? 0 : self->focus_row + step;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
on_query_tooltip_cb (KhChartWidget *self,
                     int            x,
                     int            y,
                     gboolean       keyboard,
                     GtkTooltip    *tooltip)
{
  int row = keyboard ? self->focus_row : row_at (self, x, y);

  if (row < 0 || (guint)row >= self->texts->len)
    return FALSE;

  gtk_tooltip_set_text (tooltip, g_ptr_array_index (self->texts, row));
  return TRUE;
}

/* Drawing */

static void
row_rect (KhChartWidget   *self,
          int              row,
          graphene_rect_t *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double row_height = kh_chart_row_height (NULL);

  if (self->kind == KH_CHART_WIDGET_MONTHS)
    graphene_rect_init (rect, row * width / 12.0, 0, width / 12.0, height);
  else
    graphene_rect_init (rect, 0, row * row_height, width, row_height);
}

static void
kh_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KhChartWidget *self = KH_CHART_WIDGET (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autofree char *font = NULL;
  KhChartStyle style = { 0 };
  double text[3];
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->n_rows == 0)
    return;

  fill_style (self, &style, &font);
  kh_chart_get_color (&style, KH_CHART_COLOR_TEXT, text);

  if (self->hover_row >= 0)
    {
      graphene_rect_t rect;
      GdkRGBA shade = { text[0], text[1], text[2], 0.06 };

      row_rect (self, self->hover_row, &rect);
      gtk_snapshot_append_color (snapshot, &shade, &rect);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  switch (self->kind)
    {
    case KH_CHART_WIDGET_STACK:
      kh_chart_draw_stack (cr, &style, width, self->stack, self->n_rows);
      break;
    case KH_CHART_WIDGET_PROGRESS:
      kh_chart_draw_progress (cr, &style, width, self->progress, self->n_rows);
      break;
    case KH_CHART_WIDGET_MONTHS:
    default:
      kh_chart_draw_months (cr, &style, width, height, self->months);
      break;
    }
  cairo_destroy (cr);

  if (gtk_widget_has_visible_focus (widget) && self->focus_row >= 0)
    {
      graphene_rect_t rect;
      GskRoundedRect outline;
      GdkRGBA colors[4];
      float widths[4] = { 2, 2, 2, 2 };

      row_rect (self, self->focus_row, &rect);
      gsk_rounded_rect_init_from_rect (&outline, &rect, 6);
      for (guint i = 0; i < 4; i++)
        colors[i] = (GdkRGBA){ text[0], text[1], text[2], 0.5 };
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
kh_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  KhChartWidget *self = KH_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
      return;
    }

  if (self->kind == KH_CHART_WIDGET_MONTHS)
    *minimum = *natural = MONTHS_HEIGHT;
  else if (self->kind == KH_CHART_WIDGET_STACK)
    *minimum = *natural = (int)kh_chart_stack_height (NULL, MAX (self->n_rows, 1));
  else
    *minimum = *natural = (int)kh_chart_progress_height (NULL, MAX (self->n_rows, 1));
}

static gboolean
kh_chart_widget_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  KhChartWidget *self = KH_CHART_WIDGET (widget);

  /* Tab in: the first (or last) row takes the focus ring. */
  if (!gtk_widget_has_focus (widget) && self->n_rows > 0)
    {
      if (self->focus_row < 0)
        self->focus_row = direction == GTK_DIR_TAB_BACKWARD ? (int)self->n_rows - 1 : 0;
      gtk_widget_grab_focus (widget);
      return TRUE;
    }

  return FALSE;
}

/* GObject */

static void
kh_chart_widget_finalize (GObject *object)
{
  KhChartWidget *self = KH_CHART_WIDGET (object);

  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->stack, g_free);
  g_clear_pointer (&self->progress, g_free);

  G_OBJECT_CLASS (kh_chart_widget_parent_class)->finalize (object);
}

static void
kh_chart_widget_class_init (KhChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kh_chart_widget_finalize;

  widget_class->snapshot = kh_chart_widget_snapshot;
  widget_class->measure = kh_chart_widget_measure;
  widget_class->focus = kh_chart_widget_focus;

  /**
   * KhChartWidget::row-activated:
   * @row: the department's, indicator's or month's index (from 0)
   *
   * The clerk clicked a row or pressed Enter on it.
   */
  signals[ROW_ACTIVATED] = g_signal_new ("row-activated",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kh_chart_widget_init (KhChartWidget *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->focus_row = -1;
  self->hover_row = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_object (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_notify_dark_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
kh_chart_widget_new (KhChartWidgetKind kind)
{
  KhChartWidget *self = g_object_new (KH_TYPE_CHART_WIDGET, NULL);

  self->kind = kind;
  return GTK_WIDGET (self);
}

/* The rows are copied, labels included. */
void
kh_chart_widget_set_stack (KhChartWidget         *self,
                           const KhChartStackRow *rows,
                           guint                  n_rows)
{
  g_return_if_fail (KH_IS_CHART_WIDGET (self));
  g_return_if_fail (self->kind == KH_CHART_WIDGET_STACK);

  reset (self, n_rows);
  self->stack = g_new0 (KhChartStackRow, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    {
      guint total = rows[i].done + rows[i].in_progress + rows[i].overdue + rows[i].not_started;

      self->stack[i] = rows[i];
      self->stack[i].label = keep (self, rows[i].label);
      g_ptr_array_add (self->texts,
                       /* Translators: a department's bar: its name, then how many of its tasks are in each state */
                       g_strdup_printf (_("%s: %u of %u done, %u in progress, %u overdue, %u not started"),
                                        self->stack[i].label, rows[i].done, total,
                                        rows[i].in_progress, rows[i].overdue, rows[i].not_started));
    }
  changed (self);
}

void
kh_chart_widget_set_progress (KhChartWidget            *self,
                              const KhChartProgressRow *rows,
                              guint                     n_rows)
{
  g_return_if_fail (KH_IS_CHART_WIDGET (self));
  g_return_if_fail (self->kind == KH_CHART_WIDGET_PROGRESS);

  reset (self, n_rows);
  self->progress = g_new0 (KhChartProgressRow, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *achieved = format_number (rows[i].achieved);

      self->progress[i] = rows[i];
      self->progress[i].label = keep (self, rows[i].label);
      self->progress[i].unit = keep (self, rows[i].unit);
      if (rows[i].target > 0)
        {
          g_autofree char *target = format_number (rows[i].target);
          int share = (int)(100 * MIN (rows[i].achieved / rows[i].target, 1.0) + 0.5);

          g_ptr_array_add (self->texts,
                           /* Translators: an indicator's bar, e.g. “Tin, bài: 11 of 40 tin, bài (28%)” */
                           g_strdup_printf (_("%s: %s of %s %s (%d%%)"), self->progress[i].label,
                                            achieved, target, self->progress[i].unit, share));
        }
      else
        g_ptr_array_add (self->texts,
                         /* Translators: an indicator without a target, e.g. “Băng rôn: 6 băng rôn” */
                         g_strdup_printf (_("%s: %s %s"), self->progress[i].label,
                                          achieved, self->progress[i].unit));
    }
  changed (self);
}

/* unit: what the values count, NULL for results. */
void
kh_chart_widget_set_months (KhChartWidget *self,
                            const double   values[12],
                            const char    *unit)
{
  g_return_if_fail (KH_IS_CHART_WIDGET (self));
  g_return_if_fail (self->kind == KH_CHART_WIDGET_MONTHS);

  reset (self, 12);
  for (guint month = 0; month < 12; month++)
    {
      g_autofree char *value = format_number (values[month]);

      self->months[month] = values[month];
      if (unit != NULL)
        /* Translators: a month's column, e.g. “Month 3: 7 tin, bài” */
        g_ptr_array_add (self->texts, g_strdup_printf (_("Month %u: %s %s"), month + 1, value, unit));
      else
        g_ptr_array_add (self->texts,
                         g_strdup_printf (ngettext ("Month %u: %s result", "Month %u: %s results",
                                                    (gulong)values[month]),
                                          month + 1, value));
    }
  changed (self);
}

guint
kh_chart_widget_get_n_rows (KhChartWidget *self)
{
  g_return_val_if_fail (KH_IS_CHART_WIDGET (self), 0);

  return self->n_rows;
}

/* The sentence the row says to a screen reader and in its tooltip. */
const char *
kh_chart_widget_get_row_text (KhChartWidget *self,
                              guint          row)
{
  g_return_val_if_fail (KH_IS_CHART_WIDGET (self), NULL);

  return row < self->texts->len ? g_ptr_array_index (self->texts, row) : NULL;
}

void
kh_chart_widget_activate_row (KhChartWidget *self,
                              guint          row)
{
  g_return_if_fail (KH_IS_CHART_WIDGET (self));
  g_return_if_fail (row < self->n_rows);

  g_signal_emit (self, signals[ROW_ACTIVATED], 0, row);
}
