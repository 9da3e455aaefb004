/* kh-chart.c — the dashboard's charts, drawn with cairo and Pango
 *
 * Geometry is computed by functions of their own (kh_chart_*_segments,
 * _bar, _column) that drawing and tests share, so a test can look at
 * the pixel where a bar must be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kh-chart.h"

#define ROW_HEIGHT     30.0
#define BAR_HEIGHT     14.0
#define GAP             8.0
#define VALUE_WIDTH    96.0
#define MONTH_LABELS   20.0
#define MONTH_VALUES   16.0

/* GNOME palette: green 4, blue 3, red 3, light/dark 3. */
static const double light_colors[KH_CHART_N_COLORS][3] = {
  [KH_CHART_COLOR_DONE] = { 0x2e / 255., 0xc2 / 255., 0x7e / 255. },
  [KH_CHART_COLOR_IN_PROGRESS] = { 0x35 / 255., 0x84 / 255., 0xe4 / 255. },
  [KH_CHART_COLOR_OVERDUE] = { 0xe0 / 255., 0x1b / 255., 0x24 / 255. },
  [KH_CHART_COLOR_NOT_STARTED] = { 0xc0 / 255., 0xbf / 255., 0xbc / 255. },
  [KH_CHART_COLOR_TRACK] = { 0xde / 255., 0xdd / 255., 0xda / 255. },
  [KH_CHART_COLOR_TEXT] = { 0x24 / 255., 0x1f / 255., 0x31 / 255. },
};

static const double dark_colors[KH_CHART_N_COLORS][3] = {
  [KH_CHART_COLOR_DONE] = { 0x33 / 255., 0xd1 / 255., 0x7a / 255. },
  [KH_CHART_COLOR_IN_PROGRESS] = { 0x62 / 255., 0xa0 / 255., 0xea / 255. },
  [KH_CHART_COLOR_OVERDUE] = { 0xf6 / 255., 0x61 / 255., 0x51 / 255. },
  [KH_CHART_COLOR_NOT_STARTED] = { 0x77 / 255., 0x76 / 255., 0x7b / 255. },
  [KH_CHART_COLOR_TRACK] = { 0x3d / 255., 0x38 / 255., 0x46 / 255. },
  [KH_CHART_COLOR_TEXT] = { 1.0, 1.0, 1.0 },
};

void
kh_chart_get_color (const KhChartStyle *style,
                    KhChartColor        color,
                    double              rgb[3])
{
  const double *source = (style && style->dark) ? dark_colors[color] : light_colors[color];

  rgb[0] = source[0];
  rgb[1] = source[1];
  rgb[2] = source[2];
}

static void
set_color (cairo_t            *cr,
           const KhChartStyle *style,
           KhChartColor        color)
{
  double rgb[3];

  kh_chart_get_color (style, color, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static void
fill_rect (cairo_t           *cr,
           const KhChartRect *rect)
{
  if (rect->width <= 0 || rect->height <= 0)
    return;
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (cr);
}

/* Draws one line of text; align 0 = left, 0.5 = centre, 1 = right of x. */
static void
draw_text (cairo_t            *cr,
           const KhChartStyle *style,
           const char         *text,
           double              x,
           double              y_centre,
           double              max_width,
           double              align)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font;
  int text_width, text_height;

  font = pango_font_description_from_string ((style && style->font) ? style->font : "Sans 10");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int)(MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  set_color (cr, style, KH_CHART_COLOR_TEXT);
  cairo_move_to (cr, x - align * text_width, y_centre - text_height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

double
kh_chart_row_height (const KhChartStyle *style)
{
  return ROW_HEIGHT;
}

/* The label column takes 35% of a wide chart, never less than 90 px;
 * the value column what its longest value needs (value_width). */
static void
bar_area (double  width,
          double  value_width,
          double *x,
          double *bar_width)
{
  double label_width = CLAMP (width * 0.35, 90.0, 280.0);

  *x = label_width + GAP;
  *bar_width = MAX (width - *x - GAP - value_width, 20.0);
}

double
kh_chart_stack_height (const KhChartStyle *style,
                       guint               n_rows)
{
  return n_rows * ROW_HEIGHT;
}

void
kh_chart_stack_segments (const KhChartStyle    *style,
                         double                 width,
                         const KhChartStackRow *rows,
                         guint                  n_rows,
                         guint                  row,
                         KhChartRect            segments[4])
{
  const KhChartStackRow *r = &rows[row];
  const guint counts[4] = { r->done, r->in_progress, r->overdue, r->not_started };
  guint total = r->done + r->in_progress + r->overdue + r->not_started;
  double x, bar_width;

  bar_area (width, VALUE_WIDTH, &x, &bar_width);

  for (guint i = 0; i < 4; i++)
    {
      double w = total > 0 ? bar_width * counts[i] / total : 0;

      segments[i].x = x;
      segments[i].y = row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      segments[i].width = w;
      segments[i].height = BAR_HEIGHT;
      x += w;
    }
}

void
kh_chart_draw_stack (cairo_t               *cr,
                     const KhChartStyle    *style,
                     double                 width,
                     const KhChartStackRow *rows,
                     guint                  n_rows)
{
  static const KhChartColor colors[4] = {
    KH_CHART_COLOR_DONE, KH_CHART_COLOR_IN_PROGRESS,
    KH_CHART_COLOR_OVERDUE, KH_CHART_COLOR_NOT_STARTED,
  };
  double x, bar_width;

  bar_area (width, VALUE_WIDTH, &x, &bar_width);

  for (guint row = 0; row < n_rows; row++)
    {
      const KhChartStackRow *r = &rows[row];
      KhChartRect segments[4];
      double centre = row * ROW_HEIGHT + ROW_HEIGHT / 2;
      g_autofree char *value = NULL;
      guint total = r->done + r->in_progress + r->overdue + r->not_started;

      kh_chart_stack_segments (style, width, rows, n_rows, row, segments);
      if (total == 0)
        {
          KhChartRect track = { x, segments[0].y, bar_width, BAR_HEIGHT };
          set_color (cr, style, KH_CHART_COLOR_TRACK);
          fill_rect (cr, &track);
        }
      for (guint i = 0; i < 4; i++)
        {
          set_color (cr, style, colors[i]);
          fill_rect (cr, &segments[i]);
        }

      draw_text (cr, style, r->label, 0, centre, x - GAP, 0);
      /* "3/5": done out of all the department's tasks. */
      value = g_strdup_printf ("%u/%u", r->done, total);
      draw_text (cr, style, value, x + bar_width + GAP, centre, VALUE_WIDTH, 0);
    }
}

double
kh_chart_progress_height (const KhChartStyle *style,
                          guint               n_rows)
{
  return n_rows * ROW_HEIGHT;
}

static char *
format_quantity (double value)
{
  if (value == (gint64)value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)value);
  return g_strdup_printf ("%.1f", value);
}

/* "11/40 tin, bài": achieved against the target, in the unit. */
static char *
progress_value (const KhChartProgressRow *r)
{
  g_autofree char *achieved = format_quantity (r->achieved);

  if (r->target > 0)
    {
      g_autofree char *target = format_quantity (r->target);
      return g_strdup_printf ("%s/%s %s", achieved, target, r->unit ? r->unit : "");
    }
  return g_strdup_printf ("%s %s", achieved, r->unit ? r->unit : "");
}

/* The value column is as wide as the longest value ("2480/870 pa nô, áp
 * phích" does not fit the 96 px of "7/7"), at least 96 px and at most
 * 40 % of the chart, where a longer one is cut with an ellipsis. */
static double
progress_value_width (const KhChartStyle       *style,
                      double                    width,
                      const KhChartProgressRow *rows,
                      guint                     n_rows)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ((style && style->font) ? style->font : "Sans 10");
  int widest = 0;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *value = progress_value (&rows[row]);
      int text_width;

      pango_layout_set_text (layout, value, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      widest = MAX (widest, text_width);
    }
  g_object_unref (context);
  /* A pixel or two of rounding between this context and the one drawing. */
  return CLAMP (widest + 4.0, VALUE_WIDTH, MAX (width * 0.4, VALUE_WIDTH));
}

static void
progress_bar (double                    width,
              double                    value_width,
              const KhChartProgressRow *r,
              guint                     row,
              KhChartRect              *track,
              KhChartRect              *fill)
{
  double x, bar_width, share;

  bar_area (width, value_width, &x, &bar_width);
  share = r->target > 0 ? CLAMP (r->achieved / r->target, 0.0, 1.0) : 0.0;

  track->x = fill->x = x;
  track->y = fill->y = row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
  track->height = fill->height = BAR_HEIGHT;
  track->width = bar_width;
  fill->width = bar_width * share;
}

void
kh_chart_progress_bar (const KhChartStyle       *style,
                       double                    width,
                       const KhChartProgressRow *rows,
                       guint                     n_rows,
                       guint                     row,
                       KhChartRect              *track,
                       KhChartRect              *fill)
{
  progress_bar (width, progress_value_width (style, width, rows, n_rows), &rows[row], row, track, fill);
}

void
kh_chart_draw_progress (cairo_t                  *cr,
                        const KhChartStyle       *style,
                        double                    width,
                        const KhChartProgressRow *rows,
                        guint                     n_rows)
{
  double value_width = progress_value_width (style, width, rows, n_rows);

  for (guint row = 0; row < n_rows; row++)
    {
      const KhChartProgressRow *r = &rows[row];
      KhChartRect track, fill;
      double centre = row * ROW_HEIGHT + ROW_HEIGHT / 2;
      g_autofree char *value = progress_value (r);

      progress_bar (width, value_width, r, row, &track, &fill);
      set_color (cr, style, KH_CHART_COLOR_TRACK);
      fill_rect (cr, &track);
      set_color (cr, style, r->achieved >= r->target && r->target > 0
                              ? KH_CHART_COLOR_DONE : KH_CHART_COLOR_IN_PROGRESS);
      fill_rect (cr, &fill);

      draw_text (cr, style, r->label, 0, centre, track.x - GAP, 0);
      draw_text (cr, style, value, track.x + track.width + GAP, centre, value_width, 0);
    }
}

void
kh_chart_month_column (const KhChartStyle *style,
                       double              width,
                       double              height,
                       const double        values[12],
                       guint               month,
                       KhChartRect        *column)
{
  double slot = width / 12.0;
  double plot = MAX (height - MONTH_LABELS - MONTH_VALUES, 1.0);
  double highest = 0;

  for (guint i = 0; i < 12; i++)
    highest = MAX (highest, values[i]);

  column->width = slot * 0.6;
  column->x = month * slot + (slot - column->width) / 2;
  column->height = highest > 0 ? plot * MAX (values[month], 0) / highest : 0;
  column->y = MONTH_VALUES + plot - column->height;
}

void
kh_chart_draw_months (cairo_t            *cr,
                      const KhChartStyle *style,
                      double              width,
                      double              height,
                      const double        values[12])
{
  double slot = width / 12.0;

  for (guint month = 0; month < 12; month++)
    {
      KhChartRect column;
      g_autofree char *label = g_strdup_printf (C_("month on a chart: M1 is January", "M%u"), month + 1);

      kh_chart_month_column (style, width, height, values, month, &column);
      set_color (cr, style, KH_CHART_COLOR_IN_PROGRESS);
      fill_rect (cr, &column);

      draw_text (cr, style, label, column.x + column.width / 2,
                 height - MONTH_LABELS / 2, slot, 0.5);
      if (values[month] > 0)
        {
          g_autofree char *value = format_quantity (values[month]);
          draw_text (cr, style, value, column.x + column.width / 2,
                     column.y - MONTH_VALUES / 2, slot, 0.5);
        }
    }
}
