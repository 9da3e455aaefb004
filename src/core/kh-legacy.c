/* kh-legacy.c — Vietnamese text in the pre-Unicode encodings TCVN3 and VNI
 *
 * Old office documents were typed in ".VnTime" (TCVN3, also called ABC)
 * or "VNI-Times" fonts. Pasted or imported today, their text arrives as
 * Latin-1 look-alikes: "Uû ban nh©n d©n" (TCVN3), "UÛy ban nhaân daân"
 * (VNI). We recognise that shape and, with the clerk's consent, turn it
 * back into Vietnamese. Text that already holds Vietnamese letters
 * beyond Latin-1 is Unicode and never touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-legacy"

#include "config.h"

#include <string.h>

#include "kh-legacy.h"

/* TCVN3: the Latin-1 character a byte shows as → the Vietnamese letter. */
static const struct { gunichar latin1; gunichar letter; } tcvn3[] = {
  { 0xA1, 0x0102 },
  { 0xA2, 0x00C2 },
  { 0xA3, 0x00CA },
  { 0xA4, 0x00D4 },
  { 0xA5, 0x01A0 },
  { 0xA6, 0x01AF },
  { 0xA7, 0x0110 },
  { 0xA8, 0x0103 },
  { 0xA9, 0x00E2 },
  { 0xAA, 0x00EA },
  { 0xAB, 0x00F4 },
  { 0xAC, 0x01A1 },
  { 0xAD, 0x01B0 },
  { 0xAE, 0x0111 },
  { 0xB5, 0x00E0 },
  { 0xB6, 0x1EA3 },
  { 0xB7, 0x00E3 },
  { 0xB8, 0x00E1 },
  { 0xB9, 0x1EA1 },
  { 0xBB, 0x1EB1 },
  { 0xBC, 0x1EB3 },
  { 0xBD, 0x1EB5 },
  { 0xBE, 0x1EAF },
  { 0xC6, 0x1EB7 },
  { 0xC7, 0x1EA7 },
  { 0xC8, 0x1EA9 },
  { 0xC9, 0x1EAB },
  { 0xCA, 0x1EA5 },
  { 0xCB, 0x1EAD },
  { 0xCC, 0x00E8 },
  { 0xCE, 0x1EBB },
  { 0xCF, 0x1EBD },
  { 0xD0, 0x00E9 },
  { 0xD1, 0x1EB9 },
  { 0xD2, 0x1EC1 },
  { 0xD3, 0x1EC3 },
  { 0xD4, 0x1EC5 },
  { 0xD5, 0x1EBF },
  { 0xD6, 0x1EC7 },
  { 0xD7, 0x00EC },
  { 0xD8, 0x1EC9 },
  { 0xDC, 0x0129 },
  { 0xDD, 0x00ED },
  { 0xDE, 0x1ECB },
  { 0xDF, 0x00F2 },
  { 0xE1, 0x1ECF },
  { 0xE2, 0x00F5 },
  { 0xE3, 0x00F3 },
  { 0xE4, 0x1ECD },
  { 0xE5, 0x1ED3 },
  { 0xE6, 0x1ED5 },
  { 0xE7, 0x1ED7 },
  { 0xE8, 0x1ED1 },
  { 0xE9, 0x1ED9 },
  { 0xEA, 0x1EDD },
  { 0xEB, 0x1EDF },
  { 0xEC, 0x1EE1 },
  { 0xED, 0x1EDB },
  { 0xEE, 0x1EE3 },
  { 0xEF, 0x00F9 },
  { 0xF1, 0x1EE7 },
  { 0xF2, 0x0169 },
  { 0xF3, 0x00FA },
  { 0xF4, 0x1EE5 },
  { 0xF5, 0x1EEB },
  { 0xF6, 0x1EED },
  { 0xF7, 0x1EEF },
  { 0xF8, 0x1EE9 },
  { 0xF9, 0x1EF1 },
  { 0xFA, 0x1EF3 },
  { 0xFB, 0x1EF7 },
  { 0xFC, 0x1EF9 },
  { 0xFE, 0x1EF5 },
};

/* VNI writes a letter as its base plus one or two mark characters.
 * Each mark stands for the combining marks it adds. */
static const struct { gunichar mark; gunichar combining[2]; } vni_marks[] = {
  { 0x00F8, { 0x0300, 0 } },      /* ø grave */
  { 0x00F9, { 0x0301, 0 } },      /* ù acute */
  { 0x00FB, { 0x0309, 0 } },      /* û hook above */
  { 0x00F5, { 0x0303, 0 } },      /* õ tilde */
  { 0x00EF, { 0x0323, 0 } },      /* ï dot below */
  { 0x00E2, { 0x0302, 0 } },      /* â circumflex */
  { 0x00E0, { 0x0302, 0x0300 } }, /* à circumflex and grave */
  { 0x00E1, { 0x0302, 0x0301 } }, /* á */
  { 0x00E5, { 0x0302, 0x0309 } }, /* å */
  { 0x00E3, { 0x0302, 0x0303 } }, /* ã */
  { 0x00E4, { 0x0302, 0x0323 } }, /* ä */
  { 0x00EA, { 0x0306, 0 } },      /* ê breve */
  { 0x00E8, { 0x0306, 0x0300 } }, /* è breve and grave */
  { 0x00E9, { 0x0306, 0x0301 } }, /* é */
  { 0x00FA, { 0x0306, 0x0309 } }, /* ú */
  { 0x00FC, { 0x0306, 0x0303 } }, /* ü */
  { 0x00EB, { 0x0306, 0x0323 } }, /* ë */
};

/* Letters VNI writes as one character of their own. */
static const struct { gunichar latin1; gunichar letter; } vni_single[] = {
  { 0x00F1, 0x0111 }, { 0x00D1, 0x0110 },   /* ñ đ */
  { 0x00F4, 0x01A1 }, { 0x00D4, 0x01A0 },   /* ô ơ */
  { 0x00F6, 0x01B0 }, { 0x00D6, 0x01AF },   /* ö ư */
  { 0x00EC, 0x00EC }, { 0x00CC, 0x00CC },   /* ì */
  { 0x00ED, 0x00ED }, { 0x00CD, 0x00CD },   /* í */
  { 0x00E6, 0x1EC9 }, { 0x00C6, 0x1EC8 },   /* æ ỉ */
  { 0x00F3, 0x0129 }, { 0x00D3, 0x0128 },   /* ó ĩ */
  { 0x00F2, 0x1ECB }, { 0x00D2, 0x1ECA },   /* ò ị */
  { 0x00EE, 0x1EF5 }, { 0x00CE, 0x1EF4 },   /* î ỵ */
};

static gunichar
tcvn3_letter (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (tcvn3); i++)
    if (tcvn3[i].latin1 == c)
      return tcvn3[i].letter;
  return 0;
}

static const gunichar *
vni_mark (gunichar c)
{
  gunichar lower = g_unichar_tolower (c);

  for (guint i = 0; i < G_N_ELEMENTS (vni_marks); i++)
    if (vni_marks[i].mark == lower)
      return vni_marks[i].combining;
  return NULL;
}

static gunichar
vni_single_letter (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (vni_single); i++)
    if (vni_single[i].latin1 == c)
      return vni_single[i].letter;
  return 0;
}

static gboolean
is_vietnamese_beyond_latin1 (gunichar c)
{
  return (c >= 0x0100 && c <= 0x01B0) || (c >= 0x1EA0 && c <= 0x1EF9);
}

static gboolean
is_vni_base (gunichar c)
{
  return strchr ("aeiouyAEIOUY", (int)c) != NULL || c == 0x00F4 || c == 0x00D4 ||
         c == 0x00F6 || c == 0x00D6;
}

KhLegacyEncoding
kh_legacy_detect (const char *text)
{
  /* Latin-1 letters Unicode Vietnamese uses itself. */
  static const char vietnamese_latin1[] = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";
  guint tcvn3_points = 0;
  guint vni_points = 0;
  gunichar previous = 0;

  if (text == NULL)
    return KH_LEGACY_NONE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char utf8[8] = { 0 };

      if (is_vietnamese_beyond_latin1 (c))
        return KH_LEGACY_NONE;

      g_unichar_to_utf8 (c, utf8);
      if (c >= 0x00A1 && c <= 0x00FF && strstr (vietnamese_latin1, utf8) == NULL)
        {
          /* A VNI mark follows a vowel; a TCVN3 letter stands alone. */
          if (vni_mark (c) != NULL && is_vni_base (previous))
            vni_points++;
          else if (vni_single_letter (c) != 0 && !tcvn3_letter (c))
            vni_points++;
          else if (tcvn3_letter (c) != 0)
            tcvn3_points++;
        }
      else if (vni_mark (c) != NULL && strchr ("aeouyAEOUY", (int)previous) != NULL && previous != 0)
        vni_points++;

      previous = c;
    }

  if (tcvn3_points < 2 && vni_points < 2)
    return KH_LEGACY_NONE;
  return vni_points > tcvn3_points ? KH_LEGACY_VNI : KH_LEGACY_TCVN3;
}

static char *
convert_tcvn3 (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar letter = tcvn3_letter (c);

      g_string_append_unichar (out, letter ? letter : c);
    }

  return g_string_free (out, FALSE);
}

/* Base + marks composed to one letter, or 0 when they make none
 * (a breve on an e, say). */
static gunichar
compose (gunichar        base,
         const gunichar *combining)
{
  gunichar decomposed[3] = { base, combining[0], combining[1] };
  g_autofree char *utf8 = g_ucs4_to_utf8 (decomposed, combining[1] ? 3 : 2, NULL, NULL, NULL);
  g_autofree char *nfc = utf8 ? g_utf8_normalize (utf8, -1, G_NORMALIZE_NFC) : NULL;

  if (nfc == NULL || g_utf8_strlen (nfc, -1) != 1)
    return 0;
  return g_utf8_get_char (nfc);
}

static char *
convert_vni (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gunichar following = *next ? g_utf8_get_char (next) : 0;
      gunichar base = c;
      const gunichar *combining;
      gunichar letter;

      /* ô and ö are VNI's ơ and ư, which may carry a tone mark. */
      if (c == 0x00F4 || c == 0x00D4 || c == 0x00F6 || c == 0x00D6)
        base = vni_single_letter (c);

      if (is_vni_base (c) && (combining = vni_mark (following)) != NULL &&
          (g_unichar_isupper (c) || !g_unichar_isupper (following)) &&
          (letter = compose (base, combining)) != 0)
        {
          g_string_append_unichar (out, letter);
          p = g_utf8_next_char (next);
          continue;
        }

      letter = vni_single_letter (c);
      g_string_append_unichar (out, letter ? letter : c);
      p = next;
    }

  return g_string_free (out, FALSE);
}

char *
kh_legacy_convert (const char       *text,
                   KhLegacyEncoding  encoding)
{
  g_autofree char *converted = NULL;

  if (text == NULL)
    return g_strdup ("");

  switch (encoding)
    {
    case KH_LEGACY_TCVN3:
      converted = convert_tcvn3 (text);
      break;
    case KH_LEGACY_VNI:
      converted = convert_vni (text);
      break;
    case KH_LEGACY_NONE:
    default:
      return g_strdup (text);
    }

  return g_utf8_normalize (converted, -1, G_NORMALIZE_NFC);
}

const char *
kh_legacy_name (KhLegacyEncoding encoding)
{
  switch (encoding)
    {
    case KH_LEGACY_TCVN3:
      return "TCVN3 (ABC)";
    case KH_LEGACY_VNI:
      return "VNI";
    case KH_LEGACY_NONE:
    default:
      return "Unicode";
    }
}
