/* kh-pdf-writer.c — a KhDocument as a signing-ready PDF (Nghị định 30)
 *
 * Three passes: kh_pdf_compose() lays the document out into pages of
 * positioned text, rules and images; the characters each style draws
 * are gathered and the fonts embedded as subsets of just those; then
 * libharu draws the ops and writes the PDF into memory. A file is only
 * written, atomically, once the whole PDF exists, so a failed export
 * never leaves half a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-pdf-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <hpdf.h>

#include "kh-pdf-compose.h"
#include "kh-pdf-writer-private.h"

typedef struct
{
  HPDF_STATUS code;
  HPDF_STATUS detail;
} Failure;

G_DEFINE_QUARK (kh-pdf-error-quark, kh_pdf_error)

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (HPDF_Doc, HPDF_Free, NULL)

static void
on_hpdf_error (HPDF_STATUS  code,
               HPDF_STATUS  detail,
               void        *user_data)
{
  Failure *failure = user_data;

  if (failure->code == 0)
    {
      failure->code = code;
      failure->detail = detail;
    }
}

static gboolean
check_failure (const Failure  *failure,
               GError        **error)
{
  if (failure->code == 0)
    return TRUE;

  g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_LIBRARY,
               _("The PDF library failed (error 0x%04X, detail %u)."),
               (guint) failure->code, (guint) failure->detail);
  return FALSE;
}

void
kh_pdf_options_init (KhPdfOptions *options)
{
  g_return_if_fail (options != NULL);

  options->margin_top = KH_PDF_MARGIN_TOP_MIN;
  options->margin_bottom = KH_PDF_MARGIN_BOTTOM_MIN;
  options->margin_left = KH_PDF_MARGIN_LEFT_MIN;
  options->margin_right = KH_PDF_MARGIN_RIGHT_MIN;
  options->line_spacing = KH_PDF_LINE_SPACING_DEFAULT;
  options->font_family = NULL;
}

static gboolean
check_range (double       value,
             double       min,
             double       max,
             const char  *what,
             const char  *unit,
             GError     **error)
{
  /* A hair of tolerance for values that went through a spin button. */
  if (value >= min - 1e-6 && value <= max + 1e-6)
    return TRUE;

  g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_INVALID_OPTIONS,
               /* Translators: e.g. "The left margin must be between 30 and 35 mm (Nghị định 30), not 10." */
               _("The %s must be between %g and %g%s (Nghị định 30), not %g."),
               what, min, max, unit, value);
  return FALSE;
}

gboolean
kh_pdf_options_validate (const KhPdfOptions  *options,
                         GError             **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return check_range (options->margin_top, KH_PDF_MARGIN_TOP_MIN, KH_PDF_MARGIN_TOP_MAX,
                      _("top margin"), " mm", error) &&
         check_range (options->margin_bottom, KH_PDF_MARGIN_BOTTOM_MIN, KH_PDF_MARGIN_BOTTOM_MAX,
                      _("bottom margin"), " mm", error) &&
         check_range (options->margin_left, KH_PDF_MARGIN_LEFT_MIN, KH_PDF_MARGIN_LEFT_MAX,
                      _("left margin"), " mm", error) &&
         check_range (options->margin_right, KH_PDF_MARGIN_RIGHT_MIN, KH_PDF_MARGIN_RIGHT_MAX,
                      _("right margin"), " mm", error) &&
         check_range (options->line_spacing, KH_PDF_LINE_SPACING_MIN, KH_PDF_LINE_SPACING_MAX,
                      _("line spacing"), "", error);
}

static void
collect_chars (const KhPdfLayout *layout,
               hb_set_t          *chars[KH_PDF_N_STYLES])
{
  for (guint i = 0; i < layout->pages->len; i++)
    {
      GArray *ops = g_ptr_array_index (layout->pages, i);

      for (guint j = 0; j < ops->len; j++)
        {
          const KhPdfOp *op = &g_array_index (ops, KhPdfOp, j);

          if (op->kind != KH_PDF_OP_TEXT)
            continue;
          for (const char *p = op->text; *p != '\0'; p = g_utf8_next_char (p))
            hb_set_add (chars[op->style], g_utf8_get_char (p));
        }
    }
}

static gboolean
embed_fonts (HPDF_Doc           pdf,
             const KhPdfLayout *layout,
             const KhPdfFonts  *fonts,
             HPDF_Font          loaded[KH_PDF_N_STYLES],
             GError           **error)
{
  hb_set_t *chars[KH_PDF_N_STYLES];
  gboolean ok = TRUE;

  for (guint i = 0; i < KH_PDF_N_STYLES; i++)
    chars[i] = hb_set_create ();
  collect_chars (layout, chars);

  for (guint i = 0; i < KH_PDF_N_STYLES && ok; i++)
    {
      loaded[i] = NULL;
      if (!hb_set_is_empty (chars[i]))
        ok = (loaded[i] = kh_pdf_fonts_embed (fonts, pdf, i, chars[i], error)) != NULL;
    }

  for (guint i = 0; i < KH_PDF_N_STYLES; i++)
    hb_set_destroy (chars[i]);

  return ok;
}

static gboolean
draw_graphics (HPDF_Doc        pdf,
               HPDF_Page       page,
               double          height,
               const KhPdfOp  *op,
               GError        **error)
{
  switch (op->kind)
    {
    case KH_PDF_OP_LINE:
      HPDF_Page_SetLineWidth (page, op->line_width);
      HPDF_Page_MoveTo (page, op->x, height - op->y);
      HPDF_Page_LineTo (page, op->x + op->w, height - op->y - op->h);
      HPDF_Page_Stroke (page);
      break;

    case KH_PDF_OP_RECT:
      HPDF_Page_SetLineWidth (page, op->line_width);
      HPDF_Page_Rectangle (page, op->x, height - op->y - op->h, op->w, op->h);
      HPDF_Page_Stroke (page);
      break;

    case KH_PDF_OP_IMAGE:
      {
        gsize length = 0;
        const guint8 *data = g_bytes_get_data (op->png, &length);
        HPDF_Image image = HPDF_LoadPngImageFromMem (pdf, data, length);

        if (image == NULL)
          {
            g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_INVALID_DOCUMENT,
                         _("The PDF library could not read a PNG image of the document."));
            return FALSE;
          }
        HPDF_Page_DrawImage (page, image, op->x, height - op->y - op->h, op->w, op->h);
      }
      break;

    case KH_PDF_OP_TEXT:
    default:
      break;
    }

  return TRUE;
}

/* Positions to 1/100 pt (far below what a printer resolves) compress
 * better than float noise. */
static double
snap (double value)
{
  return (double) (gint64) (value * 10 + (value < 0 ? -0.5 : 0.5)) / 10;
}

/* Rules and images first, then all text in one text object. */
static gboolean
draw_page (HPDF_Doc         pdf,
           GArray          *ops,
           const KhPdfLayout *layout,
           HPDF_Font        fonts[KH_PDF_N_STYLES],
           GError         **error)
{
  HPDF_Page page = HPDF_AddPage (pdf);
  double height = layout->geometry.height;
  int style = -1;
  double size = 0;

  if (page == NULL)
    return TRUE;  /* the error handler has it */

  HPDF_Page_SetWidth (page, layout->geometry.width);
  HPDF_Page_SetHeight (page, height);

  for (guint i = 0; i < ops->len; i++)
    if (!draw_graphics (pdf, page, height, &g_array_index (ops, KhPdfOp, i), error))
      return FALSE;

  HPDF_Page_BeginText (page);
  for (guint i = 0; i < ops->len; i++)
    {
      const KhPdfOp *op = &g_array_index (ops, KhPdfOp, i);

      if (op->kind != KH_PDF_OP_TEXT || op->text[0] == '\0')
        continue;
      if ((int) op->style != style || op->size != size)
        {
          style = op->style;
          size = op->size;
          HPDF_Page_SetFontAndSize (page, fonts[style], size);
        }
      HPDF_Page_TextOut (page, snap (op->x), snap (height - op->y), op->text);
    }
  HPDF_Page_EndText (page);

  return TRUE;
}

static GBytes *
save_to_bytes (HPDF_Doc   pdf,
               Failure   *failure,
               GError   **error)
{
  g_autofree guint8 *data = NULL;
  HPDF_UINT32 size, done = 0;

  if (HPDF_SaveToStream (pdf) != HPDF_OK || !check_failure (failure, error))
    return NULL;

  size = HPDF_GetStreamSize (pdf);
  data = g_malloc (MAX (size, 1));
  HPDF_ResetStream (pdf);
  while (done < size)
    {
      HPDF_UINT32 length = size - done;
      HPDF_STATUS status = HPDF_ReadFromStream (pdf, data + done, &length);

      done += length;
      if (length == 0 || (status != HPDF_OK && status != HPDF_STREAM_EOF))
        break;
    }

  if (done != size)
    {
      g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_LIBRARY,
                   _("The PDF library returned an incomplete document."));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), size);
}

/* Draws pages laid out by kh_pdf_compose() (or by hand, in tests). */
GBytes *
kh_pdf_render_layout (const KhPdfLayout  *layout,
                      const KhPdfFonts   *fonts,
                      const char         *title,
                      const char         *author,
                      GError            **error)
{
  g_auto(HPDF_Doc) pdf = NULL;
  HPDF_Font loaded[KH_PDF_N_STYLES] = { NULL };
  Failure failure = { 0, 0 };

  pdf = HPDF_New (on_hpdf_error, &failure);
  if (pdf == NULL)
    {
      g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_LIBRARY,
                   _("The PDF library could not start a document."));
      return NULL;
    }

  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (pdf);
  /* The info strings are UTF-8 too: libharu writes them as UTF-16. */
  HPDF_SetCurrentEncoder (pdf, "UTF-8");
#ifndef HPDF_SHARED
  /* Digital signing tools want 1.4 or later; nothing we draw needs more. */
  if (pdf->pdf_version < HPDF_VER_14)
    pdf->pdf_version = HPDF_VER_14;
#endif

  if (title != NULL)
    HPDF_SetInfoAttr (pdf, HPDF_INFO_TITLE, title);
  if (author != NULL)
    HPDF_SetInfoAttr (pdf, HPDF_INFO_AUTHOR, author);
  HPDF_SetInfoAttr (pdf, HPDF_INFO_CREATOR, "Kế Hoạch " PACKAGE_VERSION);

  if (!check_failure (&failure, error) ||
      !embed_fonts (pdf, layout, fonts, loaded, error) ||
      !check_failure (&failure, error))
    return NULL;

  for (guint i = 0; i < layout->pages->len; i++)
    if (!draw_page (pdf, g_ptr_array_index (layout->pages, i), layout, loaded, error) ||
        !check_failure (&failure, error))
      return NULL;

  return save_to_bytes (pdf, &failure, error);
}

static char *
document_title (const KhDocument *doc)
{
  g_autofree char *title = g_strdup (doc->title != NULL ? doc->title : "");

  g_strdelimit (title, "\n", ' ');
  return g_strstrip (g_strdup_printf ("%s %s", doc->type_name != NULL ? doc->type_name : "", title));
}

/* The whole PDF in memory; NULL and @error on any failure. */
GBytes *
kh_pdf_render_document (const KhDocument   *doc,
                        const KhPdfOptions *options,
                        GError            **error)
{
  g_autoptr(KhPdfLayout) layout = NULL;
  g_autofree char *title = NULL;
  const KhPdfFonts *fonts;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fonts = kh_pdf_fonts_get (options != NULL ? options->font_family : NULL, error);
  if (fonts == NULL)
    return NULL;

  layout = kh_pdf_compose (doc, options, fonts, error);
  if (layout == NULL)
    return NULL;

  title = document_title (doc);
  return kh_pdf_render_layout (layout, fonts, title, doc->agency, error);
}

/* Writes the PDF to @path atomically: on failure the file is untouched. */
gboolean
kh_pdf_write_document (const KhDocument   *doc,
                       const KhPdfOptions *options,
                       const char         *path,
                       GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = kh_pdf_render_document (doc, options, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
