/* kh-placeholders.c — {year}, {agency}, {locality}… in templates
 *
 * Templates are written once for every agency; their text names the
 * agency and its place through placeholders that are filled from the
 * agency settings when a plan is made:
 *
 *   {year} {prev_year}       2024, 2023
 *   {agency}                 UBND phường Phổ Minh  (short name)
 *   {agency_name}            ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH
 *   {agency_abbreviation}    UBND
 *   {locality}               phường Phổ Minh
 *   {locality_level}         phường
 *   {place}                  Phổ Minh
 *   {parent_agency}          UBND thị xã Đức Phổ
 *   {parent_locality}        thị xã Đức Phổ
 *
 * Values the clerk did not set are derived from the names in capitals
 * ("UBND THỊ XÃ ĐỨC PHỔ" gives "thị xã Đức Phổ"). An unknown
 * placeholder is left as it is, so a typo shows in the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-placeholders"

#include "config.h"

#include <string.h>

#include "kh-placeholders.h"
#include "kh-text.h"

struct _KhPlaceholders
{
  GHashTable *values;
};

/* Administrative levels, longest first so "thành phố" wins over others. */
static const char * const levels[] = {
  "thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã",
};

/* The prefixes that name a People's Committee in capitals. */
static const char * const committee_prefixes[] = {
  "ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN ", "UBND ",
};

static const char *
skip_committee_prefix (const char *caps)
{
  for (guint i = 0; i < G_N_ELEMENTS (committee_prefixes); i++)
    if (g_str_has_prefix (caps, committee_prefixes[i]))
      return caps + strlen (committee_prefixes[i]);
  return NULL;
}

static const char *
find_level (const char *lower)
{
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_str_has_prefix (lower, levels[i]) &&
        (lower[strlen (levels[i])] == ' ' || lower[strlen (levels[i])] == '\0'))
      return levels[i];
  return NULL;
}

static void
append_capitalized (GString    *out,
                    const char *word)
{
  gunichar first = g_utf8_get_char (word);

  g_string_append_unichar (out, g_unichar_totitle (first));
  g_string_append (out, g_utf8_next_char (word));
}

/* "UBND THỊ XÃ ĐỨC PHỔ" or "THỊ XÃ ĐỨC PHỔ" → "thị xã Đức Phổ";
 * NULL when the name holds no administrative level. */
char *
kh_locality_from_caps (const char *caps)
{
  g_autofree char *clean = kh_text_strip (caps);
  const char *rest = skip_committee_prefix (clean);
  g_autofree char *lower = g_utf8_strdown (rest ? rest : clean, -1);
  g_auto(GStrv) words = NULL;
  const char *level = find_level (lower);
  GString *out;

  if (level == NULL)
    return NULL;

  out = g_string_new (level);
  words = g_strsplit (lower + strlen (level), " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      g_string_append_c (out, ' ');
      append_capitalized (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

static void
set (KhPlaceholders *self,
     const char     *name,
     char           *value)
{
  g_hash_table_insert (self->values, g_strdup (name), value ? value : g_strdup (""));
}

static const char *
first_set (const char *a,
           const char *b)
{
  return (a != NULL && *a != '\0') ? a : b;
}

KhPlaceholders *
kh_placeholders_new (const KhAgency *agency,
                     int             year)
{
  KhPlaceholders *self = g_new0 (KhPlaceholders, 1);
  g_autofree char *derived = kh_locality_from_caps (agency->name);
  g_autofree char *locality = NULL;
  g_autofree char *parent_locality = NULL;
  const char *level;

  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  parent_locality = kh_locality_from_caps (agency->parent_name);
  locality = g_strdup (first_set (agency->locality, derived ? derived : agency->place));
  level = find_level (locality);

  set (self, "year", g_strdup_printf ("%d", year));
  set (self, "prev_year", g_strdup_printf ("%d", year - 1));
  set (self, "agency_name", g_strdup (agency->name));
  set (self, "agency_abbreviation", g_strdup (agency->abbreviation));
  set (self, "place", g_strdup (agency->place));
  set (self, "locality_level", g_strdup (level ? level : ""));
  set (self, "agency", g_strdup (first_set (agency->short_name, agency->name)));
  set (self, "locality", g_steal_pointer (&locality));

  if (parent_locality != NULL)
    {
      set (self, "parent_agency", g_strdup_printf ("%s %s",
                                                   first_set (agency->abbreviation, "UBND"),
                                                   parent_locality));
      set (self, "parent_locality", g_steal_pointer (&parent_locality));
    }
  else
    {
      set (self, "parent_agency", g_strdup (agency->parent_name));
      set (self, "parent_locality", g_strdup (agency->parent_name));
    }

  return self;
}

void
kh_placeholders_free (KhPlaceholders *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->values);
  g_free (self);
}

const char *
kh_placeholders_lookup (KhPlaceholders *self,
                        const char     *name)
{
  return g_hash_table_lookup (self->values, name);
}

char *
kh_placeholders_expand (KhPlaceholders *self,
                        const char     *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0'; )
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;

      if (close != NULL && close - p < 40)
        {
          g_autofree char *name = g_strndup (p + 1, close - p - 1);
          const char *value = kh_placeholders_lookup (self, name);

          if (value != NULL)
            {
              g_string_append (out, value);
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}
