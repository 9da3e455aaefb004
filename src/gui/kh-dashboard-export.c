/* kh-dashboard-export.c — the dashboard as a one-page PDF
 *
 * “Tình hình thực hiện kế hoạch…”: the agency's header and the date
 * (Nghị định 30, drawn by the project's PDF writer), the headline
 * figures, the three charts drawn with the same kh-chart.h functions as
 * the screen (light palette, the document's serif font) into PNG images,
 * and the overdue and due-soon tasks. The text of the document is
 * Vietnamese, as every document the app writes; the charts and the text
 * are composed on the main thread (a few milliseconds), the PDF is
 * written in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-dashboard-export"

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "kh-chart.h"
#include "kh-pdf-writer.h"
#include "kh-text.h"
#include "kh-vn-format.h"

#include "kh-dashboard-export.h"

/* The charts are drawn this many pixels wide, at twice the resolution,
 * and placed across the text width. */
#define CHART_WIDTH      800.0
#define CHART_SCALE        2.0
#define CHART_WIDTH_MM   160.0
#define MONTHS_HEIGHT    130.0
#define LEGEND_HEIGHT     28.0
#define CHART_FONT       "Liberation Serif 13"
#define MAX_TASKS          6

/* Drawing the charts */

typedef void (*DrawFunc) (cairo_t *cr, const KhChartStyle *style, double width, gpointer data);

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_png (double   height,
            DrawFunc draw,
            gpointer data)
{
  KhChartStyle style = { FALSE, CHART_FONT };
  cairo_surface_t *surface;
  GByteArray *png = g_byte_array_new ();
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int)(CHART_WIDTH * CHART_SCALE),
                                        (int)(height * CHART_SCALE));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, CHART_SCALE, CHART_SCALE);
  draw (cr, &style, CHART_WIDTH, data);
  cairo_destroy (cr);

  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

typedef struct
{
  KhChartStackRow    *stack;
  KhChartProgressRow *progress;
  guint               n_rows;
  double              months[12];
} Charts;

static void
draw_legend (cairo_t            *cr,
             const KhChartStyle *style,
             double              y)
{
  static const struct { KhChartColor color; const char *label; } items[] = {
    { KH_CHART_COLOR_DONE, "Hoàn thành" },
    { KH_CHART_COLOR_IN_PROGRESS, "Đang thực hiện" },
    { KH_CHART_COLOR_OVERDUE, "Quá hạn" },
    { KH_CHART_COLOR_NOT_STARTED, "Chưa bắt đầu" },
  };
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font);
  double x = 0;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      double rgb[3];
      int width, height;

      kh_chart_get_color (style, items[i].color, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, x, y + 8, 14, 14);
      cairo_fill (cr);

      kh_chart_get_color (style, KH_CHART_COLOR_TEXT, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      pango_layout_set_text (layout, items[i].label, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      cairo_move_to (cr, x + 20, y + 15 - height / 2.0);
      pango_cairo_show_layout (cr, layout);
      x += 20 + width + 28;
    }
}

static void
draw_stack (cairo_t            *cr,
            const KhChartStyle *style,
            double              width,
            gpointer            data)
{
  Charts *charts = data;

  kh_chart_draw_stack (cr, style, width, charts->stack, charts->n_rows);
  draw_legend (cr, style, kh_chart_stack_height (style, charts->n_rows));
}

static void
draw_progress (cairo_t            *cr,
               const KhChartStyle *style,
               double              width,
               gpointer            data)
{
  Charts *charts = data;

  kh_chart_draw_progress (cr, style, width, charts->progress, charts->n_rows);
}

static void
draw_months (cairo_t            *cr,
             const KhChartStyle *style,
             double              width,
             gpointer            data)
{
  Charts *charts = data;

  kh_chart_draw_months (cr, style, width, MONTHS_HEIGHT, charts->months);
}

/* The text */

static char *
percent (double share)
{
  g_autofree char *text = g_strdup_printf ("%.1f", share * 100);
  char *comma = strchr (text, '.');

  /* Vietnamese writes 37,5%; a whole number without decimals. */
  if (comma != NULL && g_str_equal (comma, ".0"))
    *comma = '\0';
  else if (comma != NULL)
    *comma = ',';
  return g_strdup_printf ("%s%%", text);
}

static void
add_tasks (KhDocument *document,
           GPtrArray  *tasks,
           const char *none)
{
  if (tasks->len == 0)
    {
      kh_document_add_paragraph (document, none);
      return;
    }

  for (guint i = 0; i < tasks->len && i < MAX_TASKS; i++)
    {
      const KhDashboardTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *due = kh_format_date_short (&task->due_on);
      g_autofree char *line = g_strdup_printf ("%s (%s; hạn %s; đạt %d%%).", task->title,
                                               task->department_name, due,
                                               (int)(task->progress + 0.5));

      kh_document_add_bullet (document, line);
    }

  if (tasks->len > MAX_TASKS)
    {
      g_autofree char *more = g_strdup_printf ("Và %u nhiệm vụ khác.", tasks->len - MAX_TASKS);
      kh_document_add_bullet (document, more);
    }
}

/* The document: Vietnamese, as printed and signed. plan_title is the
 * plan's trích yếu ("Tuyên truyền cải cách hành chính năm 2024"). */
KhDocument *
kh_dashboard_export_document (const KhDashboard *dashboard,
                              const KhAgency    *agency,
                              const char        *plan_title,
                              const GDate       *today)
{
  g_autoptr(KhDocument) document = kh_document_new ();
  g_autofree char *period = kh_period_describe (&dashboard->period);
  g_autofree char *as_of = kh_format_date_short (&dashboard->as_of);
  g_autofree char *done = percent (dashboard->done_share);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *plan_line = NULL;
  g_autofree KhChartProgressRow *progress = NULL;
  g_autoptr(GBytes) png = NULL;
  Charts charts = { 0 };
  guint n_progress;

  g_return_val_if_fail (dashboard != NULL && agency != NULL, NULL);

  kh_document_set_type (document, "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH", "BC");
  kh_document_set_agency (document, agency->parent_name, agency->name, agency->abbreviation, agency->place);
  kh_document_set_issued (document, 0, today);

  plan_line = g_strdup (kh_text_is_blank (plan_title) ? "" : plan_title);
  title = g_strdup_printf ("%s\n(%s)", plan_line, period ? period : "");
  kh_document_set_title (document, title);

  summary = g_strdup_printf ("Số liệu tính đến ngày %s. Kế hoạch có %u nhiệm vụ, đã hoàn thành %u "
                             "(%s), trong đó đúng hạn %u, quá hạn %u; chưa hoàn thành trong hạn %u; "
                             "chưa hoàn thành quá hạn %u. Trong kỳ đã ghi nhận %u kết quả.",
                             as_of, dashboard->n_tasks, dashboard->n_done, done,
                             dashboard->n_done_on_time, dashboard->n_done_late,
                             dashboard->n_within_time, dashboard->n_overdue, dashboard->n_results);
  kh_document_add_paragraph (document, summary);

  kh_document_add_heading (document, 2, "1. Tiến độ theo đơn vị chủ trì");
  charts.stack = kh_dashboard_stack_rows (dashboard, &charts.n_rows);
  png = render_png (kh_chart_stack_height (NULL, charts.n_rows) + LEGEND_HEIGHT + 4, draw_stack, &charts);
  kh_document_add_image (document, png, CHART_WIDTH_MM);
  g_clear_pointer (&png, g_bytes_unref);
  g_clear_pointer (&charts.stack, g_free);

  /* Only the indicators with a target or a result. */
  kh_document_add_heading (document, 2, "2. Chỉ tiêu so với kế hoạch (lũy kế từ đầu năm)");
  progress = kh_dashboard_progress_rows (dashboard, TRUE, &n_progress);
  charts.progress = g_new0 (KhChartProgressRow, MAX (n_progress, 1));
  charts.n_rows = 0;
  for (guint i = 0; i < n_progress; i++)
    if (progress[i].target > 0 || progress[i].achieved > 0)
      charts.progress[charts.n_rows++] = progress[i];
  if (charts.n_rows > 0)
    {
      png = render_png (kh_chart_progress_height (NULL, charts.n_rows), draw_progress, &charts);
      kh_document_add_image (document, png, CHART_WIDTH_MM);
      g_clear_pointer (&png, g_bytes_unref);
    }
  else
    kh_document_add_paragraph (document, "Chưa có chỉ tiêu và chưa ghi nhận kết quả nào.");
  g_clear_pointer (&charts.progress, g_free);

  kh_document_add_heading (document, 2, "3. Số kết quả ghi nhận theo tháng");
  kh_dashboard_month_values (dashboard, 0, charts.months);
  png = render_png (MONTHS_HEIGHT, draw_months, &charts);
  kh_document_add_image (document, png, CHART_WIDTH_MM);
  g_clear_pointer (&png, g_bytes_unref);

  kh_document_add_heading (document, 2, "4. Nhiệm vụ quá hạn");
  add_tasks (document, dashboard->overdue, "Không có nhiệm vụ quá hạn.");
  kh_document_add_heading (document, 2, "5. Nhiệm vụ đến hạn trong 14 ngày tới");
  add_tasks (document, dashboard->due_soon, "Không có nhiệm vụ đến hạn trong 14 ngày tới.");

  return g_steal_pointer (&document);
}

/* “Tình hình thực hiện kế hoạch - quý I năm 2024.pdf” */
char *
kh_dashboard_export_file_name (const KhDashboard *dashboard)
{
  g_autofree char *period = kh_period_describe (&dashboard->period);

  g_strdelimit (period, "/", '-');
  return g_strdup_printf ("Tình hình thực hiện kế hoạch - %s.pdf", period);
}

/* Writing, in a worker thread */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KhDocument *document = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "kh-file");
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  KhPdfOptions options;

  kh_pdf_options_init (&options);
  if (!(pdf = kh_pdf_render_document (document, &options, &error)) ||
      !g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Takes the document. */
void
kh_dashboard_export_async (KhDocument          *document,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, kh_dashboard_export_async);
  g_task_set_task_data (task, document, (GDestroyNotify)kh_document_free);
  g_object_set_data_full (G_OBJECT (task), "kh-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

gboolean
kh_dashboard_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
