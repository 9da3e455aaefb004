/* kh-pdf-fonts.c — the four faces of the document font, their metrics,
 * and their subsets embedded into libharu
 *
 * Faces are found through fontconfig, never by path, and checked: it
 * substitutes another family silently, and another family may lose
 * the Vietnamese marks in libharu 2.3.0 (DejaVu does).
 *
 * Widths are read from the font with HarfBuzz and rounded exactly as
 * libharu rounds them (advance × 1000 / units per em, truncated), so the
 * layout measures what the PDF will draw without a libharu document.
 *
 * libharu 2.3.0 copies every font table but the outlines whole (~39 KB a
 * style), so each style is first cut down with hb-subset to the
 * characters the document draws, hinting dropped (PDF viewers do not use
 * TrueType hints), and the subset handed to libharu.
 *
 * The faces of a family are loaded once per process and never freed:
 * exporting is repeated, and the metrics tables are read-only after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-pdf-fonts"

#include "config.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <string.h>
#include <unistd.h>

#include "kh-pdf-fonts.h"
#include "kh-pdf-writer.h"

#define N_BMP 0x10000

typedef struct
{
  char      *path;
  hb_blob_t *blob;
  hb_face_t *face;
  gint16    *widths;  /* per BMP code point, 1/1000 em; -1: not in the font */
} KhPdfFace;

struct _KhPdfFonts
{
  char      *family;
  KhPdfFace  faces[KH_PDF_N_STYLES];
};

static const char * const style_names[KH_PDF_N_STYLES] = {
  "Regular", "Bold", "Italic", "Bold Italic",
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcPattern, FcPatternDestroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_set_t, hb_set_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_font_t, hb_font_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_blob_t, hb_blob_destroy)

G_LOCK_DEFINE_STATIC (cache);
static GHashTable *cache;  /* family → KhPdfFonts, never freed */

static void
kh_pdf_fonts_free (KhPdfFonts *fonts)
{
  for (guint i = 0; i < KH_PDF_N_STYLES; i++)
    {
      KhPdfFace *face = &fonts->faces[i];

      g_free (face->path);
      g_clear_pointer (&face->face, hb_face_destroy);
      g_clear_pointer (&face->blob, hb_blob_destroy);
      g_free (face->widths);
    }
  g_free (fonts->family);
  g_free (fonts);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPdfFonts, kh_pdf_fonts_free)

static gboolean
family_matches (FcPattern  *match,
                const char *family)
{
  FcChar8 *value = NULL;

  for (int i = 0; FcPatternGetString (match, FC_FAMILY, i, &value) == FcResultMatch; i++)
    if (g_ascii_strcasecmp ((const char *) value, family) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
set_font_missing (const char  *family,
                  KhPdfStyle   style,
                  GError     **error)
{
  g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_FONT_MISSING,
               /* Translators: the first %s is a font family, the second its style */
               _("The font “%s %s” is not installed. Install the Debian package "
                 "fonts-liberation2 (or your system’s Liberation fonts)."),
               family, style_names[style]);
  return FALSE;
}

/* Asks for the real face, not fontconfig's nearest: a regular face it
 * would embolden or slant, or another family, does not count. */
static char *
find_face (const char  *family,
           KhPdfStyle   style,
           GError     **error)
{
  g_autoptr(FcPattern) pattern = NULL;
  g_autoptr(FcPattern) match = NULL;
  gboolean bold = style == KH_PDF_BOLD || style == KH_PDF_BOLD_ITALIC;
  gboolean italic = style == KH_PDF_ITALIC || style == KH_PDF_BOLD_ITALIC;
  FcResult result = FcResultNoMatch;
  FcChar8 *file = NULL;
  int weight = 0;
  int slant = 0;

  if (!FcInit ())
    return set_font_missing (family, style, error), NULL;

  pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcPatternAddInteger (pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger (pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcPatternAddBool (pattern, FC_SCALABLE, FcTrue);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);

  match = FcFontMatch (NULL, pattern, &result);
  if (match == NULL || result != FcResultMatch ||
      !family_matches (match, family) ||
      FcPatternGetString (match, FC_FILE, 0, &file) != FcResultMatch ||
      FcPatternGetInteger (match, FC_WEIGHT, 0, &weight) != FcResultMatch ||
      FcPatternGetInteger (match, FC_SLANT, 0, &slant) != FcResultMatch ||
      (bold != (weight >= FC_WEIGHT_DEMIBOLD)) ||
      (italic != (slant != FC_SLANT_ROMAN)))
    return set_font_missing (family, style, error), NULL;

  return g_strdup ((const char *) file);
}

static gboolean
load_face (KhPdfFace   *face,
           const char  *family,
           KhPdfStyle   style,
           GError     **error)
{
  g_autoptr(hb_set_t) unicodes = hb_set_create ();
  g_autoptr(hb_font_t) font = NULL;
  g_autoptr(hb_blob_t) glyf = NULL;
  hb_codepoint_t c = HB_SET_VALUE_INVALID;
  guint upem;

  face->path = find_face (family, style, error);
  if (face->path == NULL)
    return FALSE;

  face->blob = hb_blob_create_from_file_or_fail (face->path);
  if (face->blob == NULL)
    return set_font_missing (family, style, error);
  face->face = hb_face_create (face->blob, 0);

  /* libharu embeds TrueType outlines only, not CFF. */
  glyf = hb_face_reference_table (face->face, HB_TAG ('g', 'l', 'y', 'f'));
  upem = hb_face_get_upem (face->face);
  if (hb_blob_get_length (glyf) == 0 || upem == 0)
    {
      g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_FONT_MISSING,
                   _("The font file “%s” is not a TrueType font; the PDF "
                     "library can embed only TrueType fonts."),
                   face->path);
      return FALSE;
    }

  font = hb_font_create (face->face);
  face->widths = g_new (gint16, N_BMP);
  for (guint i = 0; i < N_BMP; i++)
    face->widths[i] = -1;

  hb_face_collect_unicodes (face->face, unicodes);
  while (hb_set_next (unicodes, &c) && c < N_BMP)
    {
      hb_codepoint_t glyph = 0;
      guint advance;

      if (!hb_font_get_nominal_glyph (font, c, &glyph))
        continue;
      advance = (guint) hb_font_get_glyph_h_advance (font, glyph);
      face->widths[c] = (gint16) MIN (advance * 1000u / upem, G_MAXINT16);
    }

  return TRUE;
}

/* Returns the faces of @family (NULL: Liberation Serif), loaded once. */
const KhPdfFonts *
kh_pdf_fonts_get (const char  *family,
                  GError     **error)
{
  g_autoptr(KhPdfFonts) fonts = NULL;
  KhPdfFonts *cached;

  if (family == NULL || *family == '\0')
    family = KH_PDF_DEFAULT_FAMILY;

  G_LOCK (cache);

  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);

  cached = g_hash_table_lookup (cache, family);
  if (cached != NULL)
    {
      G_UNLOCK (cache);
      return cached;
    }

  fonts = g_new0 (KhPdfFonts, 1);
  fonts->family = g_strdup (family);
  for (guint i = 0; i < KH_PDF_N_STYLES; i++)
    {
      if (!load_face (&fonts->faces[i], family, i, error))
        {
          G_UNLOCK (cache);
          return NULL;
        }
    }

  cached = g_steal_pointer (&fonts);
  g_hash_table_insert (cache, cached->family, cached);

  G_UNLOCK (cache);

  return cached;
}

const char *
kh_pdf_fonts_get_family (const KhPdfFonts *fonts)
{
  return fonts->family;
}

const char *
kh_pdf_fonts_get_path (const KhPdfFonts *fonts,
                       KhPdfStyle        style)
{
  g_return_val_if_fail (style < KH_PDF_N_STYLES, NULL);

  return fonts->faces[style].path;
}

/* libharu turns characters above U+FFFF into spaces, so they count as
 * missing whatever the font holds. */
gboolean
kh_pdf_fonts_has_char (const KhPdfFonts *fonts,
                       KhPdfStyle        style,
                       gunichar          c)
{
  g_return_val_if_fail (style < KH_PDF_N_STYLES, FALSE);

  return c < N_BMP && fonts->faces[style].widths[c] >= 0;
}

/* The width of @len bytes of UTF-8 @text, in points. */
double
kh_pdf_fonts_measure (const KhPdfFonts *fonts,
                      KhPdfStyle        style,
                      double            size,
                      const char       *text,
                      gssize            len)
{
  const gint16 *widths = fonts->faces[style].widths;
  const char *end;
  gint64 total = 0;

  if (len < 0)
    len = strlen (text);
  end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Missing characters are refused before layout; half an em keeps
       * the layout sane if one slips through. */
      total += c < N_BMP && widths[c] >= 0 ? widths[c] : 500;
    }

  return total * size / 1000.0;
}

GBytes *
kh_pdf_fonts_subset (const KhPdfFonts  *fonts,
                     KhPdfStyle         style,
                     hb_set_t          *chars,
                     GError           **error)
{
  /* Tables libharu never writes: no need to subset them. */
  static const hb_tag_t dropped[] = {
    HB_TAG ('G', 'S', 'U', 'B'), HB_TAG ('G', 'P', 'O', 'S'),
    HB_TAG ('G', 'D', 'E', 'F'), HB_TAG ('k', 'e', 'r', 'n'),
    HB_TAG ('g', 'a', 's', 'p'), HB_TAG ('D', 'S', 'I', 'G'),
    HB_TAG ('h', 'd', 'm', 'x'), HB_TAG ('V', 'D', 'M', 'X'),
    HB_TAG ('L', 'T', 'S', 'H'), HB_TAG ('J', 'S', 'T', 'F'),
    HB_TAG ('B', 'A', 'S', 'E'), HB_TAG ('m', 'e', 't', 'a'),
  };
  const KhPdfFace *face = &fonts->faces[style];
  hb_subset_input_t *input;
  hb_set_t *drop;
  hb_face_t *subset;
  hb_blob_t *blob;
  const char *data;
  guint length = 0;
  GBytes *bytes;

  input = hb_subset_input_create_or_fail ();
  if (input == NULL)
    goto failed;

  hb_set_union (hb_subset_input_unicode_set (input), chars);
  drop = hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    hb_set_add (drop, dropped[i]);
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING);

  subset = hb_subset_or_fail (face->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    goto failed;

  blob = hb_face_reference_blob (subset);
  hb_face_destroy (subset);
  data = hb_blob_get_data (blob, &length);
  if (length == 0)
    {
      hb_blob_destroy (blob);
      goto failed;
    }
  bytes = g_bytes_new_with_free_func (data, length,
                                      (GDestroyNotify) hb_blob_destroy, blob);

  return bytes;

failed:
  g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_LIBRARY,
               _("Could not make a subset of the font “%s”."), face->path);
  return NULL;
}

#if HPDF_VERSION_ID >= 20405
static const char *
load_into_pdf (HPDF_Doc   pdf,
               GBytes    *ttf,
               GError   **error)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (ttf, &length);

  return HPDF_LoadTTFontFromMemory (pdf, data, length, HPDF_TRUE);
}
#else
/* libharu before 2.4.5 reads fonts from files only. It keeps the file
 * open until the document is freed, so the name can go at once: no temp
 * file outlives the export, even a crashed one. */
static const char *
load_into_pdf (HPDF_Doc   pdf,
               GBytes    *ttf,
               GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (ttf, &length);
  const char *name;
  int fd;

  fd = g_file_open_tmp ("kehoach-font-XXXXXX.ttf", &path, &local_error);
  if (fd < 0)
    {
      g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_LIBRARY,
                   _("Could not write a temporary font file: %s"),
                   local_error->message);
      return NULL;
    }

  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written <= 0)
        {
          close (fd);
          g_unlink (path);
          g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_LIBRARY,
                       _("Could not write a temporary font file: %s"),
                       g_strerror (errno));
          return NULL;
        }
      data += written;
      length -= written;
    }
  close (fd);

  name = HPDF_LoadTTFontFromFile (pdf, path, HPDF_TRUE);
  g_unlink (path);

  return name;
}
#endif

/* Embeds the subset of @style holding @chars; returns the libharu font
 * with UTF-8 encoding (HPDF_UseUTFEncodings must have been called). */
HPDF_Font
kh_pdf_fonts_embed (const KhPdfFonts  *fonts,
                    HPDF_Doc           pdf,
                    KhPdfStyle         style,
                    hb_set_t          *chars,
                    GError           **error)
{
  g_autoptr(GBytes) ttf = NULL;
  const char *name;
  HPDF_Font font;

  ttf = kh_pdf_fonts_subset (fonts, style, chars, error);
  if (ttf == NULL)
    return NULL;

  name = load_into_pdf (pdf, ttf, error);
  if (error != NULL && *error != NULL)
    return NULL;

  font = name != NULL ? HPDF_GetFont (pdf, name, "UTF-8") : NULL;
  if (font == NULL)
    {
      g_set_error (error, KH_PDF_ERROR, KH_PDF_ERROR_LIBRARY,
                   _("The PDF library could not load the font “%s”."),
                   fonts->faces[style].path);
      return NULL;
    }

  return font;
}
