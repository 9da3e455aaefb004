/* kh-test-pdf.c — helpers shared by the PDF tests
 *
 * Loading the seed-like document from tests/pdf/seed-plan.txt, running
 * poppler-utils, and reading pdftotext -bbox-layout's word boxes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-test-pdf"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kh-test-pdf.h"

static void
add_line (KhDocument *doc,
          const char *line)
{
  static const struct { const char *prefix; int kind; int level; } kinds[] = {
    { "basis: ", KH_DOCUMENT_BLOCK_LEGAL_BASIS, 0 },
    { "h1: ", KH_DOCUMENT_BLOCK_HEADING, 1 },
    { "h2: ", KH_DOCUMENT_BLOCK_HEADING, 2 },
    { "h3: ", KH_DOCUMENT_BLOCK_HEADING, 3 },
    { "p: ", KH_DOCUMENT_BLOCK_PARAGRAPH, 0 },
    { "-: ", KH_DOCUMENT_BLOCK_BULLET, 0 },
  };

  if (g_str_has_prefix (line, "r: "))
    {
      kh_document_add_recipient (doc, line + 3);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *text = line + strlen (kinds[i].prefix);

      if (!g_str_has_prefix (line, kinds[i].prefix))
        continue;
      switch (kinds[i].kind)
        {
        case KH_DOCUMENT_BLOCK_LEGAL_BASIS:
          kh_document_add_legal_basis (doc, text);
          break;
        case KH_DOCUMENT_BLOCK_HEADING:
          kh_document_add_heading (doc, kinds[i].level, text);
          break;
        case KH_DOCUMENT_BLOCK_PARAGRAPH:
          kh_document_add_paragraph (doc, text);
          break;
        case KH_DOCUMENT_BLOCK_BULLET:
        default:
          kh_document_add_bullet (doc, text);
          break;
        }
      return;
    }

  g_error ("bad line in test data: %s", line);
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
set_field (KhDocument *doc,
           const char *key,
           const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, "|", -1);

  if (g_str_equal (key, "type"))
    kh_document_set_type (doc, parts[0], parts[1]);
  else if (g_str_equal (key, "parent"))
    replace (&doc->parent_agency, value);
  else if (g_str_equal (key, "agency"))
    replace (&doc->agency, value);
  else if (g_str_equal (key, "abbr"))
    replace (&doc->agency_abbr, value);
  else if (g_str_equal (key, "place"))
    replace (&doc->place, value);
  else if (g_str_equal (key, "number"))
    doc->number = atoi (value);
  else if (g_str_equal (key, "date"))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, value);
      g_assert_true (g_date_valid (&date));
      kh_document_set_issued (doc, doc->number, &date);
    }
  else if (g_str_equal (key, "title"))
    {
      g_autofree char *title = doc->title != NULL
                               ? g_strconcat (doc->title, "\n", value, NULL)
                               : g_strdup (value);
      kh_document_set_title (doc, title);
    }
  else if (g_str_equal (key, "signer"))
    kh_document_set_signature (doc, *parts[0] != '\0' ? parts[0] : NULL, parts[1], parts[2]);
  else
    g_error ("bad key in test data: %s", key);
}

/* Reads @path: "@key value" fields, then one block a line. */
KhDocument *
kh_test_load_document_from_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  KhDocument *doc = kh_document_new ();

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '@')
        {
          const char *space = strchr (line, ' ');
          g_autofree char *key = g_strndup (line + 1, space - line - 1);

          set_field (doc, key, space + 1);
        }
      else
        add_line (doc, line);
    }

  return doc;
}

/* Reads tests/pdf/@name. */
KhDocument *
kh_test_load_document (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, name, NULL);

  return kh_test_load_document_from_file (path);
}

gboolean
kh_test_have_program (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

/* Runs a program; returns its output, asserting it succeeded. */
char *
kh_test_spawn (const char *program,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) program);
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

char *
kh_test_write_temp (GBytes     *bytes,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kh-test-pdf-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

char *
kh_test_pdftotext (const char *pdf_path)
{
  return kh_test_spawn ("pdftotext", "-layout", "-enc", "UTF-8", pdf_path, "-", NULL);
}

/* Collapses all whitespace to single spaces, for reading-order checks.
 * A loop rather than a GRegex: that is quadratic on megabyte inputs. */
char *
kh_test_squash (const char *text)
{
  GString *squashed = g_string_sized_new (strlen (text));
  gboolean in_blank = FALSE;

  /* ASCII blanks only, as \s means to PCRE: a no-break space stays. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (!in_blank)
            g_string_append_c (squashed, ' ');
          in_blank = TRUE;
          continue;
        }
      in_blank = FALSE;
      g_string_append_c (squashed, *p);
    }

  return g_string_free (squashed, FALSE);
}

static char *
unescape (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "&lt;", "<", 0);
  g_string_replace (s, "&gt;", ">", 0);
  g_string_replace (s, "&quot;", "\"", 0);
  g_string_replace (s, "&apos;", "'", 0);
  g_string_replace (s, "&amp;", "&", 0);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
word_free (gpointer data)
{
  KhTestWord *word = data;

  g_free (word->text);
  g_free (word);
}

static void
line_free (gpointer data)
{
  KhTestLine *line = data;

  g_ptr_array_unref (line->words);
  g_free (line);
}

/* Parses pdftotext -bbox-layout: pages, lines and words in points from
 * the top left corner. */
KhTestBoxes *
kh_test_boxes_new (const char *pdf_path)
{
  g_autofree char *xml = kh_test_spawn ("pdftotext", "-bbox-layout", "-enc", "UTF-8",
                                        pdf_path, "-", NULL);
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  KhTestBoxes *boxes = g_new0 (KhTestBoxes, 1);
  KhTestLine *line = NULL;

  boxes->words = g_ptr_array_new_with_free_func (word_free);
  boxes->lines = g_ptr_array_new_with_free_func (line_free);

  re = g_regex_new ("<(page|line|word) (?:width=\"([0-9.]+)\" height=\"([0-9.]+)\"|"
                    "xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\")>"
                    "(?:([^<]*)</word>)?", 0, 0, NULL);
  g_regex_match (re, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *tag = g_match_info_fetch (match, 1);

      if (g_str_equal (tag, "page"))
        {
          g_autofree char *w = g_match_info_fetch (match, 2);
          g_autofree char *h = g_match_info_fetch (match, 3);

          boxes->n_pages++;
          boxes->page_width = g_ascii_strtod (w, NULL);
          boxes->page_height = g_ascii_strtod (h, NULL);
        }
      else
        {
          double v[4];

          for (guint i = 0; i < 4; i++)
            {
              g_autofree char *s = g_match_info_fetch (match, 4 + i);
              v[i] = g_ascii_strtod (s, NULL);
            }

          if (g_str_equal (tag, "line"))
            {
              line = g_new0 (KhTestLine, 1);
              line->page = boxes->n_pages;
              line->x_min = v[0], line->y_min = v[1], line->x_max = v[2], line->y_max = v[3];
              line->words = g_ptr_array_new ();
              g_ptr_array_add (boxes->lines, line);
            }
          else
            {
              KhTestWord *word = g_new0 (KhTestWord, 1);
              g_autofree char *text = g_match_info_fetch (match, 8);

              word->page = boxes->n_pages;
              word->x_min = v[0], word->y_min = v[1], word->x_max = v[2], word->y_max = v[3];
              word->text = unescape (text);
              g_ptr_array_add (boxes->words, word);
              if (line != NULL)
                g_ptr_array_add (line->words, word);
            }
        }
      g_match_info_next (match, NULL);
    }

  return boxes;
}

void
kh_test_boxes_free (KhTestBoxes *boxes)
{
  g_ptr_array_unref (boxes->lines);
  g_ptr_array_unref (boxes->words);
  g_free (boxes);
}

const KhTestWord *
kh_test_boxes_find_word (KhTestBoxes *boxes,
                         guint        page,
                         const char  *text)
{
  for (guint i = 0; i < boxes->words->len; i++)
    {
      const KhTestWord *word = g_ptr_array_index (boxes->words, i);

      if (word->page == page && g_str_equal (word->text, text))
        return word;
    }
  return NULL;
}

/* The page of a Phổ Minh document as Nghị định 30 lays it out, margins
 * in points: A4; "Số:" and the place and date on one baseline; nothing
 * outside the margins but the page numbers, centred in the top margin
 * from page 2 on, and on page 1 the draft mark only; the text starts on
 * the left margin and every stretched line ends on the right one. */
void
kh_test_boxes_assert_nd30 (KhTestBoxes *boxes,
                           double       left,
                           double       right,
                           double       top,
                           double       bottom,
                           gboolean     draft)
{
  double text_right = boxes->page_width - right;
  double centre = (left + text_right) / 2;
  double min_x = G_MAXDOUBLE;
  const KhTestWord *so, *date, *title, *one, *two;
  guint full_lines = 0;

  g_assert_cmpfloat_with_epsilon (boxes->page_width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (boxes->page_height, 841.89, 0.01);
  g_assert_cmpuint (boxes->n_pages, >=, 2);

  so = kh_test_boxes_find_word (boxes, 1, "Số:");
  date = kh_test_boxes_find_word (boxes, 1, "Phổ");
  g_assert_nonnull (so);
  g_assert_nonnull (date);
  g_assert_cmpfloat_with_epsilon (so->y_max, date->y_max, 0.05);
  g_assert_cmpfloat (so->x_max, <, date->x_min);

  title = kh_test_boxes_find_word (boxes, 1, "HOẠCH");
  g_assert_nonnull (title);

  for (guint i = 0; i < boxes->words->len; i++)
    {
      const KhTestWord *word = g_ptr_array_index (boxes->words, i);

      if (word->y_max <= top + 0.5)
        {
          if (word->page == 1)
            {
              g_assert_true (draft);
              g_assert_true (g_str_equal (word->text, "DỰ") || g_str_equal (word->text, "THẢO"));
            }
          else
            {
              g_autofree char *number = g_strdup_printf ("%u", word->page);

              g_assert_cmpstr (word->text, ==, number);
              g_assert_cmpfloat_with_epsilon ((word->x_min + word->x_max) / 2, centre, 0.5);
              g_assert_cmpfloat (word->y_min, >=, 0);
            }
          continue;
        }

      min_x = MIN (min_x, word->x_min);
      if (word->x_min < left - 0.5 || word->x_max > text_right + 0.5 ||
          word->y_min < top - 0.5 || word->y_max > boxes->page_height - bottom + 0.5)
        g_error ("“%s” on page %u outside the margins (%.1f %.1f %.1f %.1f)",
                 word->text, word->page, word->x_min, word->y_min, word->x_max, word->y_max);
    }
  g_assert_cmpfloat_with_epsilon (min_x, left, 0.5);

  /* A stretched line has a gap wider than a 14 pt space. */
  for (guint i = 0; i < boxes->lines->len; i++)
    {
      const KhTestLine *line = g_ptr_array_index (boxes->lines, i);
      double widest_gap = 0;

      if (line->page == 1 && line->y_min < title->y_min)
        continue;
      g_assert_cmpfloat (line->x_max, <=, text_right + 0.5);
      for (guint j = 1; j < line->words->len; j++)
        {
          const KhTestWord *a = g_ptr_array_index (line->words, j - 1);
          const KhTestWord *b = g_ptr_array_index (line->words, j);

          widest_gap = MAX (widest_gap, b->x_min - a->x_max);
        }
      if (widest_gap < 0.25 * 14 + 0.3)
        continue;
      if (!G_APPROX_VALUE (line->x_max, text_right, 0.5))
        g_error ("stretched line on page %u ends at %.2f, not %.2f: %s …", line->page,
                 line->x_max, text_right,
                 ((KhTestWord *) g_ptr_array_index (line->words, 0))->text);
      full_lines++;
    }
  g_assert_cmpuint (full_lines, >, 100);

  two = kh_test_boxes_find_word (boxes, 2, "2");
  one = kh_test_boxes_find_word (boxes, 1, "1");
  g_assert_nonnull (two);
  g_assert_cmpfloat (two->y_max, <, top);
  g_assert_cmpfloat (two->y_min, >, 0);
  g_assert_cmpfloat_with_epsilon ((two->x_min + two->x_max) / 2, centre, 0.5);
  g_assert_true (one == NULL || one->y_min > top);
}
