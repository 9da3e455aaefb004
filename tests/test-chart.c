/* test-chart.c — the charts draw the expected bars, in the expected colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "kh-chart.h"

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
} Canvas;

static void
canvas_init (Canvas   *canvas,
             int       width,
             int       height,
             gboolean  dark)
{
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  canvas->cr = cairo_create (canvas->surface);
  if (dark)
    cairo_set_source_rgb (canvas->cr, 0x24 / 255., 0x24 / 255., 0x24 / 255.);
  else
    cairo_set_source_rgb (canvas->cr, 1, 1, 1);
  cairo_paint (canvas->cr);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

static void
assert_pixel (Canvas             *canvas,
              const KhChartStyle *style,
              const KhChartRect  *rect,
              KhChartColor        color)
{
  double rgb[3];
  int x = (int)(rect->x + rect->width / 2);
  int y = (int)(rect->y + rect->height / 2);
  guint32 pixel;
  guint8 *data;
  int stride;

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  stride = cairo_image_surface_get_stride (canvas->surface);
  pixel = *(guint32 *)(data + y * stride + x * 4);

  kh_chart_get_color (style, color, rgb);
  g_assert_cmpint ((pixel >> 16) & 0xff, ==, (int)(rgb[0] * 255 + 0.5));
  g_assert_cmpint ((pixel >> 8) & 0xff, ==, (int)(rgb[1] * 255 + 0.5));
  g_assert_cmpint (pixel & 0xff, ==, (int)(rgb[2] * 255 + 0.5));
}

static void
test_stack (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  const KhChartStyle style = { .dark = dark };
  const KhChartStackRow rows[] = {
    { "Văn phòng – Thống kê", 2, 1, 1, 0 },
    { "Đài truyền thanh", 0, 0, 3, 1 },
    { "Tư pháp – Hộ tịch", 0, 0, 0, 0 },
  };
  const double width = 600;
  KhChartRect segments[4];
  Canvas canvas;

  canvas_init (&canvas, (int)width, (int)kh_chart_stack_height (&style, 3), dark);
  kh_chart_draw_stack (canvas.cr, &style, width, rows, 3);

  /* Văn phòng: half done, a quarter in progress, a quarter overdue. */
  kh_chart_stack_segments (&style, width, rows, 3, 0, segments);
  g_assert_cmpfloat_with_epsilon (segments[0].width, 2 * segments[1].width, 0.001);
  g_assert_cmpfloat_with_epsilon (segments[1].width, segments[2].width, 0.001);
  g_assert_cmpfloat (segments[3].width, ==, 0);
  g_assert_cmpfloat_with_epsilon (segments[1].x, segments[0].x + segments[0].width, 0.001);
  assert_pixel (&canvas, &style, &segments[0], KH_CHART_COLOR_DONE);
  assert_pixel (&canvas, &style, &segments[1], KH_CHART_COLOR_IN_PROGRESS);
  assert_pixel (&canvas, &style, &segments[2], KH_CHART_COLOR_OVERDUE);

  /* Đài truyền thanh: three quarters overdue, the rest not started. */
  kh_chart_stack_segments (&style, width, rows, 3, 1, segments);
  g_assert_cmpfloat (segments[0].width, ==, 0);
  g_assert_cmpfloat_with_epsilon (segments[2].width, 3 * segments[3].width, 0.001);
  assert_pixel (&canvas, &style, &segments[2], KH_CHART_COLOR_OVERDUE);
  assert_pixel (&canvas, &style, &segments[3], KH_CHART_COLOR_NOT_STARTED);
  g_assert_cmpfloat (segments[2].y, >=, kh_chart_row_height (&style));

  /* A department without tasks shows the empty track. */
  kh_chart_stack_segments (&style, width, rows, 3, 2, segments);
  segments[0].width = 40;
  assert_pixel (&canvas, &style, &segments[0], KH_CHART_COLOR_TRACK);

  canvas_clear (&canvas);
}

static void
test_stack_adapts_to_width (void)
{
  const KhChartStyle style = { 0 };
  const KhChartStackRow rows[] = { { "Văn hóa – Xã hội", 1, 0, 0, 0 } };
  KhChartRect narrow[4], wide[4];

  kh_chart_stack_segments (&style, 320, rows, 1, 0, narrow);
  kh_chart_stack_segments (&style, 1200, rows, 1, 0, wide);
  g_assert_cmpfloat (wide[0].width, >, narrow[0].width * 3);
  /* The bar never runs into the value column. */
  g_assert_cmpfloat (narrow[0].x + narrow[0].width, <=, 320 - 96);
}

static void
test_progress (void)
{
  const KhChartStyle style = { 0 };
  const KhChartProgressRow rows[] = {
    { "Tin, bài", 11, 40, "tin bài" },
    { "Băng rôn", 26, 20, "băng rôn" },
    { "Hội nghị lồng ghép", 3, 0, "hội nghị" },
  };
  const double width = 700;
  KhChartRect track, fill;
  Canvas canvas;

  canvas_init (&canvas, (int)width, (int)kh_chart_progress_height (&style, 3), FALSE);
  kh_chart_draw_progress (canvas.cr, &style, width, rows, 3);

  kh_chart_progress_bar (&style, width, rows, 3, 0, &track, &fill);
  g_assert_cmpfloat_with_epsilon (fill.width, track.width * 11 / 40, 0.001);
  assert_pixel (&canvas, &style, &fill, KH_CHART_COLOR_IN_PROGRESS);
  {
    KhChartRect rest = { fill.x + fill.width + 2, track.y, track.width - fill.width - 4, track.height };
    assert_pixel (&canvas, &style, &rest, KH_CHART_COLOR_TRACK);
  }

  /* Above target: capped at the full bar, in the "done" colour. */
  kh_chart_progress_bar (&style, width, rows, 3, 1, &track, &fill);
  g_assert_cmpfloat (fill.width, ==, track.width);
  assert_pixel (&canvas, &style, &fill, KH_CHART_COLOR_DONE);

  /* No target: no fill. */
  kh_chart_progress_bar (&style, width, rows, 3, 2, &track, &fill);
  g_assert_cmpfloat (fill.width, ==, 0);
  assert_pixel (&canvas, &style, &track, KH_CHART_COLOR_TRACK);

  canvas_clear (&canvas);
}

/* A long value ("2480/870 pa nô, áp phích") widens the value column, so
 * the bar ends earlier and the text is not cut; a short one keeps 96 px. */
static void
test_progress_long_values (void)
{
  const KhChartStyle style = { 0 };
  const KhChartProgressRow short_rows[] = { { "Tin, bài", 11, 40, "tin" } };
  const KhChartProgressRow long_rows[] = {
    { "Tin, bài", 11, 40, "tin" },
    { "Pa nô, áp phích", 2480, 870, "pa nô, áp phích" },
  };
  const double width = 900;
  KhChartRect track_short, track_long, fill;

  kh_chart_progress_bar (&style, width, short_rows, 1, 0, &track_short, &fill);
  kh_chart_progress_bar (&style, width, long_rows, 2, 0, &track_long, &fill);
  g_assert_cmpfloat (track_short.x + track_short.width, ==, width - 8 - 96);
  g_assert_cmpfloat (track_long.x + track_long.width, <, width - 8 - 96 - 20);

  /* What the value needs fits between the bar and the edge. */
  {
    PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
    PangoLayout *layout = pango_layout_new (context);
    PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
    int text_width;

    pango_layout_set_font_description (layout, font);
    pango_font_description_free (font);
    pango_layout_set_text (layout, "2480/870 pa nô, áp phích", -1);
    pango_layout_get_pixel_size (layout, &text_width, NULL);
    g_object_unref (layout);
    g_object_unref (context);
    g_assert_cmpfloat (track_long.x + track_long.width + 8 + text_width, <=, width);
  }
}

static void
test_months (void)
{
  const KhChartStyle style = { 0 };
  const double values[12] = { 4, 8, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  KhChartRect january, february, april;
  Canvas canvas;

  canvas_init (&canvas, 480, 200, FALSE);
  kh_chart_draw_months (canvas.cr, &style, 480, 200, values);

  kh_chart_month_column (&style, 480, 200, values, 0, &january);
  kh_chart_month_column (&style, 480, 200, values, 1, &february);
  kh_chart_month_column (&style, 480, 200, values, 3, &april);
  g_assert_cmpfloat_with_epsilon (february.height, 2 * january.height, 0.001);
  g_assert_cmpfloat (april.height, ==, 0);
  /* Columns stand on the same base line. */
  g_assert_cmpfloat_with_epsilon (january.y + january.height, february.y + february.height, 0.001);
  assert_pixel (&canvas, &style, &february, KH_CHART_COLOR_IN_PROGRESS);
  g_assert_cmpfloat (february.x, >, january.x + january.width);

  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/chart/stack/light", GINT_TO_POINTER (FALSE), test_stack);
  g_test_add_data_func ("/chart/stack/dark", GINT_TO_POINTER (TRUE), test_stack);
  g_test_add_func ("/chart/stack/adapts-to-width", test_stack_adapts_to_width);
  g_test_add_func ("/chart/progress", test_progress);
  g_test_add_func ("/chart/progress-long-values", test_progress_long_values);
  g_test_add_func ("/chart/months", test_months);

  return g_test_run ();
}
