/* test-pdf-pixels.c — every Vietnamese letter keeps its marks on paper
 *
 * libharu 2.3.0 drops parts of composite glyphs for some fonts (DejaVu
 * loses the marks of ặ, ơ, ư, Ữ…), and the PDF's text still reads right:
 * only pixels tell. So all 134 Vietnamese letters that are not ASCII,
 * both cases, in each of the four styles, go through our writer
 * (subsetting, libharu), are rendered by pdftoppm at 150 dpi, and are
 * compared, letter by letter, with the same font file drawn by cairo
 * and FreeType at the same size and resolution.
 *
 * KH_TEST_PDF_FAMILY=… runs it with another font family, to see it
 * fail (DejaVu Serif does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kh-pdf-writer-private.h"
#include "kh-test-pdf.h"

#define DPI       150.0
#define SIZE      32.0
#define CELL_W    44.0
#define CELL_H    56.0
#define COLUMNS   12
#define ORIGIN_X  30.0
#define ORIGIN_Y  40.0
#define BASELINE  40.0   /* from the top of a cell */

static const char lower[] =
  "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

typedef struct
{
  int x, y, w, h;   /* the cell, in pixels */
} Cell;

static GPtrArray *
letters (void)
{
  g_autofree char *upper = g_utf8_strup (lower, -1);
  g_autofree char *all = g_strconcat (lower, upper, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = all; *p != '\0'; p = g_utf8_next_char (p))
    g_ptr_array_add (list, g_strndup (p, g_utf8_next_char (p) - p));

  return list;
}

static void
cell_origin (guint   i,
             double *x,
             double *y)
{
  *x = ORIGIN_X + (i % COLUMNS) * CELL_W;
  *y = ORIGIN_Y + (i / COLUMNS) * CELL_H;
}

static Cell
cell_pixels (guint i)
{
  double x, y;
  Cell cell;

  cell_origin (i, &x, &y);
  cell.x = (int) (x * DPI / 72);
  cell.y = (int) (y * DPI / 72);
  cell.w = (int) (CELL_W * DPI / 72);
  cell.h = (int) (CELL_H * DPI / 72);

  return cell;
}

/* One page per style, the letters in a grid. */
static KhPdfLayout *
grid_layout (GPtrArray *list)
{
  KhPdfLayout *layout = g_new0 (KhPdfLayout, 1);

  layout->geometry.width = 210 * 72 / 25.4;
  layout->geometry.height = 297 * 72 / 25.4;
  layout->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint style = 0; style < KH_PDF_N_STYLES; style++)
    {
      GArray *ops = kh_pdf_ops_new ();

      for (guint i = 0; i < list->len; i++)
        {
          KhPdfOp op = { KH_PDF_OP_TEXT, style, SIZE, 0, 0, 0, 0, 0, NULL, NULL };

          cell_origin (i, &op.x, &op.y);
          op.x += 4;
          op.y += BASELINE;
          op.text = g_strdup (g_ptr_array_index (list, i));
          g_array_append_val (ops, op);
        }
      g_ptr_array_add (layout->pages, ops);
    }

  return layout;
}

static cairo_surface_t *
reference_page (const char *font_path,
                GPtrArray  *list,
                int         width,
                int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  FcPattern *pattern = FcPatternCreate ();
  cairo_font_face_t *face;
  cairo_font_options_t *options = cairo_font_options_create ();

  FcPatternAddString (pattern, FC_FILE, (const FcChar8 *) font_path);
  FcPatternAddInteger (pattern, FC_INDEX, 0);
  face = cairo_ft_font_face_create_for_pattern (pattern);

  /* poppler draws unhinted, antialiased glyphs: so do we */
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, DPI / 72, DPI / 72);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_font_face (cr, face);
  cairo_set_font_options (cr, options);
  cairo_set_font_size (cr, SIZE);

  for (guint i = 0; i < list->len; i++)
    {
      double x, y;

      cell_origin (i, &x, &y);
      cairo_move_to (cr, x + 4, y + BASELINE);
      cairo_show_text (cr, g_ptr_array_index (list, i));
    }

  cairo_destroy (cr);
  cairo_font_face_destroy (face);
  cairo_font_options_destroy (options);
  FcPatternDestroy (pattern);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
ink (cairo_surface_t *surface,
     int              x,
     int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  if (x < 0 || y < 0 ||
      x >= cairo_image_surface_get_width (surface) ||
      y >= cairo_image_surface_get_height (surface))
    return FALSE;

  pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
  return ((pixel >> 8) & 0xff) < 128;   /* the green channel: grey enough */
}

static gboolean
ink_near (cairo_surface_t *surface,
          int              x,
          int              y)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      if (ink (surface, x + dx, y + dy))
        return TRUE;
  return FALSE;
}

/* The share of @a's ink that @b has too, give or take a pixel. */
static double
covered (cairo_surface_t *a,
         cairo_surface_t *b,
         const Cell      *cell,
         guint           *count)
{
  guint total = 0, hit = 0;

  for (int y = cell->y; y < cell->y + cell->h; y++)
    for (int x = cell->x; x < cell->x + cell->w; x++)
      if (ink (a, x, y))
        {
          total++;
          hit += ink_near (b, x, y);
        }

  *count = total;
  return total > 0 ? (double) hit / total : 0;
}

static void
test_letters (void)
{
  const char *family = g_getenv ("KH_TEST_PDF_FAMILY");
  g_autoptr(GPtrArray) list = letters ();
  g_autoptr(KhPdfLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  const KhPdfFonts *fonts;
  double worst_kept = 1, worst_extra = 1, worst_ink = 0;

  if (!kh_test_have_program ("pdftoppm"))
    {
      g_test_skip ("pdftoppm (poppler-utils) not installed");
      return;
    }
  fonts = kh_pdf_fonts_get (family, &error);
  if (fonts == NULL)
    {
      g_test_skip (error->message);
      return;
    }

  g_assert_cmpuint (list->len, ==, 134);

  layout = grid_layout (list);
  pdf = kh_pdf_render_layout (layout, fonts, "letters", NULL, &error);
  g_assert_no_error (error);
  path = kh_test_write_temp (pdf, "letters.pdf");
  dir = g_path_get_dirname (path);

  {
    g_autofree char *prefix = g_build_filename (dir, "page", NULL);
    g_autofree char *out = kh_test_spawn ("pdftoppm", "-r", "150", "-png", path, prefix, NULL);
  }

  for (guint style = 0; style < KH_PDF_N_STYLES; style++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u.png", style + 1);
      g_autofree char *png = g_build_filename (dir, name, NULL);
      cairo_surface_t *rendered = cairo_image_surface_create_from_png (png);
      cairo_surface_t *reference;

      g_assert_cmpint (cairo_surface_status (rendered), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_format (rendered), !=, CAIRO_FORMAT_A8);
      reference = reference_page (kh_pdf_fonts_get_path (fonts, style), list,
                                  cairo_image_surface_get_width (rendered),
                                  cairo_image_surface_get_height (rendered));

      for (guint i = 0; i < list->len; i++)
        {
          Cell cell = cell_pixels (i);
          guint n_ref, n_pdf;
          double kept = covered (reference, rendered, &cell, &n_ref);
          double extra = covered (rendered, reference, &cell, &n_pdf);

          worst_kept = MIN (worst_kept, kept);
          worst_extra = MIN (worst_extra, extra);
          worst_ink = MAX (worst_ink, ABS ((double) n_pdf - n_ref) / MAX (n_ref, 1));

          /* A lost mark is 5 to 15 % of a letter's ink; rendering
           * differences stay within a pixel and a percent or two. */
          if (n_ref == 0 || kept < 0.97 || extra < 0.97 ||
              ABS ((double) n_pdf - n_ref) > 0.06 * n_ref)
            g_string_append_printf (failures, " %s(style %u: %u/%u px, %.3f %.3f)",
                                    (char *) g_ptr_array_index (list, i), style,
                                    n_pdf, n_ref, kept, extra);
        }

      cairo_surface_destroy (reference);
      cairo_surface_destroy (rendered);
      g_unlink (png);
    }

  g_unlink (path);
  g_rmdir (dir);

  g_test_message ("%s: worst ink kept %.3f, worst extra %.3f, worst ink difference %.1f %%",
                  kh_pdf_fonts_get_family (fonts), worst_kept, worst_extra, 100 * worst_ink);

  if (failures->len > 0)
    g_error ("letters drawn unlike their font (%s):%s", kh_pdf_fonts_get_family (fonts),
             failures->str);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/pixels/vietnamese-letters", test_letters);

  return g_test_run ();
}
