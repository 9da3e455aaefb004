/* kh-text.c — cleaning text before it is stored or drawn
 *
 * Text reaches us pasted from Word, web pages and old documents: often
 * decomposed (NFD), sometimes with control characters or invalid bytes.
 * Everything stored is valid UTF-8 in NFC with Unix line ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-text"

#include "config.h"

#include <string.h>

#include "kh-text.h"

/* g_utf8_normalize() grows much faster than linearly with the length of
 * its input (9 s for a megabyte pasted into a section), so long text is
 * normalised in chunks of about 4 KB. Each chunk ends just before an
 * ASCII character: ASCII characters start a new composition sequence,
 * so no composition crosses a cut and the result is the same. */
#define NORMALIZE_CHUNK 4096

static char *
normalize_nfc (const char *valid)
{
  gsize length = strlen (valid);
  GString *nfc = g_string_sized_new (length);
  const char *start = valid;
  const char *end = valid + length;

  while (start < end)
    {
      const char *cut = start + MIN ((gsize)(end - start), NORMALIZE_CHUNK);
      g_autofree char *normal = NULL;

      while (cut < end && (guchar)*cut >= 0x80)
        cut++;

      normal = g_utf8_normalize (start, cut - start, G_NORMALIZE_NFC);
      if (normal != NULL)
        g_string_append (nfc, normal);
      start = cut;
    }

  return g_string_free (nfc, FALSE);
}

static gboolean
is_plain_ascii (const char *text)
{
  for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
    if (*p >= 0x7F || (*p < 0x20 && *p != '\n' && *p != '\t'))
      return FALSE;
  return TRUE;
}

/* Returns valid NFC UTF-8 with "\r\n" and "\r" made "\n", and control
 * characters other than newline and tab removed. Never NULL. */
char *
kh_text_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  GString *clean;

  if (text == NULL)
    return g_strdup ("");

  /* Most text bound to a statement (uids, dates, states) is plain
   * printable ASCII, already normal: no need to decompose it. */
  if (is_plain_ascii (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  nfc = normalize_nfc (valid);

  clean = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (clean, '\n');
          continue;
        }
      if (c != '\n' && c != '\t' &&
          (g_unichar_type (c) == G_UNICODE_CONTROL || c == 0xFEFF))
        continue;
      g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

gboolean
kh_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* kh_text_normalize() and trimmed of surrounding white space, Unicode's
 * too: a title of no-break spaces pasted from Word is no title. */
char *
kh_text_strip (const char *text)
{
  g_autofree char *clean = kh_text_normalize (text);
  const char *start = clean;
  const char *end = clean + strlen (clean);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *last = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (last)))
        break;
      end = last;
    }

  return g_strndup (start, end - start);
}
