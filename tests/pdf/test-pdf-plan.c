/* test-pdf-plan.c — the demo's 2024 plan, composed from the store and
 * exported in each mode, read back with poppler-utils: the seed's text in
 * reading order, the header and closing, positions, fonts, metadata;
 * every signing authority; an agency without a parent; and bad input
 * entered through the plan model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "kh-agency.h"
#include "kh-demo.h"
#include "kh-department.h"
#include "kh-part-four.h"
#include "kh-pdf-writer.h"
#include "kh-plan-copy.h"
#include "kh-plan-document.h"
#include "kh-plan.h"
#include "kh-task.h"
#include "kh-test-pdf.h"
#include "kh-text.h"

#define MM (72.0 / 25.4)

typedef struct
{
  char    *dir;
  KhStore *store;
  gint64   plan_id;   /* the demo's 2024 plan, issued */
} Fixture;

static gboolean
have_tools (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(GBytes) bytes = NULL;

  if (!kh_test_have_program ("pdftotext") || !kh_test_have_program ("pdfinfo") ||
      !kh_test_have_program ("pdffonts"))
    {
      g_test_skip ("poppler-utils (pdftotext, pdfinfo, pdffonts) not installed");
      return FALSE;
    }

  bytes = kh_pdf_render_document (doc, NULL, &error);
  if (bytes == NULL)
    {
      g_test_skip (error->message);
      return FALSE;
    }
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("kh-test-pdf-plan-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "kehoach.db", NULL);
  f->store = kh_store_open (db, &error);
  g_assert_no_error (error);
  kh_demo_load (f->store, FALSE, &error);
  g_assert_no_error (error);
  f->plan_id = kh_store_find_plan (f->store, 2024, KH_PLAN_KIND_CCHC, "");
  g_assert_cmpint (f->plan_id, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Composes the plan and writes it, as the app and the CLI do. */
static char *
export (Fixture            *f,
        gint64              plan_id,
        KhDocumentMode      mode,
        const KhPdfOptions *options,
        const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = kh_store_compose_plan_document (f->store, plan_id, mode, &error);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  kh_pdf_write_document (doc, options, path, &error);
  g_assert_no_error (error);

  return path;
}

/* A draft copy of the demo plan, for 2025: the issued one is frozen. */
static gint64
draft_copy (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kh_store_copy_plan (f->store, f->plan_id, 2025, "", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Whitespace squashed to single spaces, and no space after a dash: a
 * line may break after “2021-” or “tế-” where the source has no space. */
static char *
flatten (const char *text)
{
  g_autofree char *nfc = kh_text_normalize (text);
  GString *s = g_string_sized_new (strlen (nfc));
  gboolean space = FALSE;
  gunichar last = 0;

  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && last != 0 && last != '-' && last != 0x2013 && last != 0x2014)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_unichar (s, c);
      last = c;
    }

  return g_string_free (s, FALSE);
}

/* pdftotext in reading order (not -layout: the columns of the header
 * and the closing block come one after the other), without the page
 * numbers that sit between the pages. */
static char *
reading_text (const char *path)
{
  g_autofree char *raw = kh_test_spawn ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  g_auto(GStrv) pages = g_strsplit (raw, "\f", -1);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[i], "\n", -1);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      gboolean seen = FALSE;

      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (!seen && i > 0 && g_str_equal (g_strstrip (lines[j]), number))
            {
              seen = TRUE;
              continue;
            }
          g_string_append (s, lines[j]);
          g_string_append_c (s, '\n');
        }
    }

  return flatten (s->str);
}

/* Finds @needle in @text from *@from on; moves *@from past it. */
static void
assert_next (const char  *text,
             const char **from,
             const char  *needle,
             const char  *what)
{
  g_autofree char *flat = flatten (needle);
  const char *found = strstr (*from, flat);

  if (found == NULL)
    g_error ("%s missing or out of order: “%s”", what, flat);
  *from = found + strlen (flat);
}

static void
assert_has (const char *text,
            const char *needle)
{
  g_autofree char *flat = flatten (needle);

  if (strstr (text, flat) == NULL)
    g_error ("“%s” missing from the PDF text", flat);
}

/* Every heading and paragraph of the seed's parts I–III in order; in
 * part IV, the seed's bullets (the demo's task descriptions, which part
 * IV prints followed by their partners and deadlines) and paragraphs. */
static void
assert_seed_text (const char *text)
{
  g_autofree char *seed_path = g_test_build_filename (G_TEST_DIST, "seed-plan.txt", NULL);
  g_autofree char *seed = NULL;
  g_auto(GStrv) lines = NULL;
  const char *from = text;
  gboolean part_four = FALSE;
  guint n = 0;

  g_assert_true (g_file_get_contents (seed_path, &seed, NULL, NULL));
  lines = g_strsplit (seed, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *colon = strstr (line, ": ");
      g_autofree char *kind = NULL;
      g_autofree char *needle = NULL;

      if (*line == '\0' || *line == '#' || *line == '@' || colon == NULL)
        continue;
      kind = g_strndup (line, colon - line);
      needle = g_strdup (colon + 2);

      if (g_str_equal (kind, "r"))
        continue;   /* checked with the closing block */
      if (g_str_equal (kind, "h1") && g_str_has_prefix (needle, "IV."))
        part_four = TRUE;

      if (part_four && g_str_equal (kind, "h2"))
        continue;   /* part IV is headed by the departments' names */
      if (part_four && g_str_has_suffix (needle, "."))
        needle[strlen (needle) - 1] = '\0';
      if (g_str_equal (kind, "-"))
        {
          g_autofree char *bullet = g_strconcat ("- ", needle, NULL);
          assert_next (text, &from, bullet, "seed bullet");
        }
      else
        assert_next (text, &from, needle, kind);
      n++;
    }
  g_assert_cmpuint (n, >, 60);
}

/* Part IV as core generates it: each department, then its tasks. */
static void
assert_part_four (Fixture    *f,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = kh_store_list_tasks (f->store, f->plan_id, 0, &error);
  g_autoptr(GPtrArray) departments = kh_store_list_departments (f->store, TRUE, &error);
  const char *part_four;

  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 16);
  part_four = strstr (text, "IV. TỔ CHỨC THỰC HIỆN");
  g_assert_nonnull (part_four);

  for (guint i = 0; i < tasks->len; i++)
    {
      const KhTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *generated = kh_part_four_task_text (task, departments);
      g_autofree char *flat = flatten (generated);
      g_autofree char *description = flatten (task->description);

      /* the description, its full stop aside: partners and deadline follow */
      if (g_str_has_suffix (description, "."))
        description[strlen (description) - 1] = '\0';
      if (strstr (part_four, flat) == NULL)
        g_error ("task %u missing from part IV: “%s”", i + 1, flat);
      g_assert_nonnull (strstr (part_four, description));
    }

  for (guint i = 0; i < departments->len; i++)
    {
      KhDepartment *department = g_ptr_array_index (departments, i);
      g_autofree char *heading = g_strdup_printf ("%s:", kh_department_get_name (department));

      assert_has (part_four, heading);
    }
}

static void
assert_header_and_closing (const char     *text,
                           KhDocumentMode  mode)
{
  const char *common[] = {
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "UBND THỊ XÃ ĐỨC PHỔ", "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024",
    "Trên địa bàn phường Phổ Minh", "Nơi nhận:", "- UBND thị xã;", "- Phòng VH-TT thị xã;",
    "- Đài phát thanh phường;", "- Lưu: VT.", "CHỦ TỊCH", "Lê Duy Bảo",
  };
  const char *closing;

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    assert_has (text, common[i]);

  /* the agency's name may be balanced over two lines */
  g_assert_true (strstr (text, "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH") != NULL ||
                 strstr (text, "ỦY BAN NHÂN DÂN") != NULL);
  assert_has (text, "PHƯỜNG PHỔ MINH");

  if (mode == KH_DOCUMENT_MODE_ISSUED)
    {
      assert_has (text, "Số: 18/KH-UBND");
      assert_has (text, "Phổ Minh, ngày 19 tháng 02 năm 2024");
    }
  else
    {
      /* the blanks squash to one space each */
      assert_has (text, "Số: /KH-UBND");
      assert_has (text, "Phổ Minh, ngày tháng năm 2024");
      g_assert_null (strstr (text, "18/KH"));
      g_assert_null (strstr (text, "19 tháng"));
    }

  if (mode == KH_DOCUMENT_MODE_DRAFT)
    assert_has (text, "DỰ THẢO");
  else
    g_assert_null (strstr (text, "DỰ THẢO"));

  /* The closing paragraph, then the recipients, then the signature. */
  closing = strstr (text, "Trên đây là kế hoạch");
  g_assert_nonnull (closing);
  g_assert_nonnull (strstr (closing, "Nơi nhận:"));
  g_assert_nonnull (strstr (closing, "CHỦ TỊCH Lê Duy Bảo"));
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  const KhDocumentMode modes[] = { KH_DOCUMENT_MODE_ISSUED, KH_DOCUMENT_MODE_SIGNING,
                                   KH_DOCUMENT_MODE_DRAFT };

  if (!have_tools ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", kh_document_mode_to_string (modes[i]));
      g_autofree char *path = export (f, f->plan_id, modes[i], NULL, name);
      g_autofree char *text = reading_text (path);

      g_test_message ("mode %s", name);
      assert_header_and_closing (text, modes[i]);
      assert_seed_text (text);
      assert_part_four (f, text);
    }
}

/* The same with -layout: the number and the date on one line. */
static void
test_layout_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *issued = NULL;
  g_autofree char *signing = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GRegex) number = g_regex_new ("Số: {3,}/KH-UBND", 0, 0, NULL);
  g_autoptr(GRegex) date = g_regex_new ("Phổ Minh, ngày {3,}tháng {3,}năm 2024", 0, 0, NULL);

  if (!have_tools ())
    return;

  issued = export (f, f->plan_id, KH_DOCUMENT_MODE_ISSUED, NULL, "issued.pdf");
  text = kh_test_pdftotext (issued);
  g_assert_true (g_regex_match_simple ("Số: 18/KH-UBND +Phổ Minh, ngày 19 tháng 02 năm 2024",
                                       text, 0, 0));
  g_clear_pointer (&text, g_free);

  signing = export (f, f->plan_id, KH_DOCUMENT_MODE_SIGNING, NULL, "signing.pdf");
  text = kh_test_pdftotext (signing);
  g_assert_true (g_regex_match (number, text, 0, NULL));
  g_assert_true (g_regex_match (date, text, 0, NULL));
}

/* Margins of the default options: top 20, bottom 20, left 30, right 15. */
static void
check_positions (KhTestBoxes *boxes,
                 gboolean     draft)
{
  kh_test_boxes_assert_nd30 (boxes, 30 * MM, 15 * MM, 20 * MM, 20 * MM, draft);
  g_assert_cmpuint (boxes->n_pages, >=, 5);
}

static void
test_positions (Fixture       *f,
                gconstpointer  data)
{
  const KhDocumentMode modes[] = { KH_DOCUMENT_MODE_ISSUED, KH_DOCUMENT_MODE_SIGNING,
                                   KH_DOCUMENT_MODE_DRAFT };

  if (!have_tools ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", kh_document_mode_to_string (modes[i]));
      g_autofree char *path = export (f, f->plan_id, modes[i], NULL, name);
      g_autoptr(KhTestBoxes) boxes = kh_test_boxes_new (path);

      g_test_message ("mode %s", name);
      check_positions (boxes, modes[i] == KH_DOCUMENT_MODE_DRAFT);
    }
}

static void
test_fonts_and_metadata (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  const char *version;
  guint n_fonts = 0;

  if (!have_tools ())
    return;

  path = export (f, f->plan_id, KH_DOCUMENT_MODE_ISSUED, NULL, "issued.pdf");

  info = kh_test_spawn ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "(A4)"));
  g_assert_nonnull (strstr (info, "Title:           KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2024"));
  g_assert_nonnull (strstr (info, "Author:          ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH"));
  g_assert_nonnull (strstr (info, "Creator:         Kế Hoạch " PACKAGE_VERSION));
  version = strstr (info, "PDF version:");
  g_assert_nonnull (version);
  g_assert_cmpfloat (g_ascii_strtod (version + strlen ("PDF version:"), NULL), >=, 1.4);

  fonts = kh_test_spawn ("pdffonts", path, NULL);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      /* subset: the name has a tag; embedded, subset, ToUnicode */
      g_assert_nonnull (strchr (lines[i], '+'));
      g_assert_nonnull (strstr (lines[i], "Liberation"));
      g_assert_nonnull (strstr (lines[i], " yes yes yes "));
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 3);
}

/* The signature lines for every authority form of Nghị định 30. */
static void
test_authorities (Fixture       *f,
                  gconstpointer  data)
{
  static const struct {
    const char *authority;
    const char *signer;
    const char *lines;       /* authority, title and name, squashed */
    const char *absent;
  } cases[] = {
    { "",     "Lê Duy Bảo",      "Nơi nhận:", "TM." },
    { "TM.",  "Lê Duy Bảo",      "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lê Duy Bảo", "KT." },
    { "KT.",  "Nguyễn Tấn Phát", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Tấn Phát", "TM." },
    { "Q.",   "Lê Duy Bảo",      "Q. CHỦ TỊCH Lê Duy Bảo", "TM." },
    /* A deputy acting as head signs “Q. CHỦ TỊCH”, not with their own title. */
    { "Q.",   "Nguyễn Tấn Phát", "Q. CHỦ TỊCH Nguyễn Tấn Phát", "PHÓ" },
    { "TL.",  "Lê Duy Bảo",      "TL. CHỦ TỊCH CHỦ TỊCH Lê Duy Bảo", "TM." },
    { "TUQ.", "Lê Duy Bảo",      "TUQ. CHỦ TỊCH CHỦ TỊCH Lê Duy Bảo", "TM." },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signers = NULL;
  gint64 id;

  if (!have_tools ())
    return;

  id = draft_copy (f);
  signers = kh_store_list_signers (f->store, FALSE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhPlan) plan = kh_store_load_plan (f->store, id, &error);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr(KhTestBoxes) boxes = NULL;
      const char *closing;

      g_assert_no_error (error);
      g_free (plan->authority);
      plan->authority = g_strdup (cases[i].authority);
      for (guint j = 0; j < signers->len; j++)
        {
          const KhSigner *signer = g_ptr_array_index (signers, j);

          if (g_str_equal (signer->name, cases[i].signer))
            plan->signer_id = signer->id;
        }
      kh_store_update_plan (f->store, plan, &error);
      g_assert_no_error (error);

      path = export (f, id, KH_DOCUMENT_MODE_SIGNING, NULL, "authority.pdf");
      text = reading_text (path);
      closing = strstr (text, "Nơi nhận:");
      g_test_message ("authority “%s”", cases[i].authority);
      g_assert_nonnull (closing);
      if (*cases[i].authority == '\0')
        g_assert_nonnull (strstr (closing, "CHỦ TỊCH Lê Duy Bảo"));
      else
        g_assert_nonnull (strstr (closing, cases[i].lines));
      g_assert_null (strstr (closing, cases[i].absent));

      /* the authority over the title over the name, in the right column */
      boxes = kh_test_boxes_new (path);
      {
        const KhTestWord *authority = NULL, *name = NULL;

        for (guint j = 0; j < boxes->words->len; j++)
          {
            const KhTestWord *word = g_ptr_array_index (boxes->words, j);

            if (word->page != boxes->n_pages)
              continue;
            if (*cases[i].authority != '\0' && g_str_equal (word->text, cases[i].authority))
              authority = word;
            if (g_str_has_prefix (cases[i].signer, word->text) && name == NULL &&
                g_str_equal (word->text, cases[i].signer[0] == 'L' ? "Lê" : "Nguyễn"))
              name = word;
          }
        g_assert_nonnull (name);
        g_assert_cmpfloat (name->x_min, >, boxes->page_width / 2 - 20);
        if (authority != NULL)
          {
            g_assert_cmpfloat (authority->y_max, <, name->y_min - 4 * 14);
            g_assert_cmpfloat (authority->x_min, >, boxes->page_width / 2 - 20);
          }
        else
          g_assert_true (*cases[i].authority == '\0');
      }
    }
}

/* An agency directly under the province: no parent agency line. */
static void
test_no_parent_agency (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(KhTestBoxes) boxes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const KhTestWord *so, *date, *committee;

  if (!have_tools ())
    return;

  agency = kh_store_load_agency (f->store, &error);
  g_assert_no_error (error);
  g_free (agency->parent_name);
  agency->parent_name = g_strdup ("");
  kh_store_save_agency (f->store, agency, &error);
  g_assert_no_error (error);

  path = export (f, f->plan_id, KH_DOCUMENT_MODE_ISSUED, NULL, "no-parent.pdf");
  text = reading_text (path);
  g_assert_null (strstr (text, "ĐỨC PHỔ UBND") );
  g_assert_null (strstr (text, "UBND THỊ XÃ ĐỨC PHỔ"));
  assert_has (text, "PHƯỜNG PHỔ MINH");
  assert_has (text, "Số: 18/KH-UBND");
  assert_has (text, "Phổ Minh, ngày 19 tháng 02 năm 2024");
  assert_has (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

  boxes = kh_test_boxes_new (path);
  so = kh_test_boxes_find_word (boxes, 1, "Số:");
  date = kh_test_boxes_find_word (boxes, 1, "Phổ");
  committee = kh_test_boxes_find_word (boxes, 1, "ỦY");
  g_assert_nonnull (so);
  g_assert_nonnull (date);
  g_assert_nonnull (committee);
  g_assert_cmpfloat_with_epsilon (so->y_max, date->y_max, 0.5);
  /* the agency's name now starts the left column, level with the Quốc hiệu */
  g_assert_cmpfloat (committee->y_max, <, so->y_min);
  g_assert_cmpfloat (committee->x_max, <, date->x_min);
  g_assert_cmpfloat (committee->y_min, <, 20 * MM + 20);
}

/* A draft has no number and date to print as issued. */
static void
test_draft_as_issued (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = NULL;
  g_autofree char *path = g_build_filename (f->dir, "draft-issued.pdf", NULL);
  gint64 id = draft_copy (f);

  doc = kh_store_compose_plan_document (f->store, id, KH_DOCUMENT_MODE_ISSUED, &error);
  g_assert_null (doc);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025"));
  g_assert_nonnull (strstr (error->message, "Issue it first"));
  g_clear_error (&error);

  g_assert_false (kh_store_export_plan_pdf (f->store, id, KH_DOCUMENT_MODE_ISSUED, NULL, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Bad input, typed into the plan: a part added at the end of the draft. */
static gint64
add_part (Fixture    *f,
          gint64      plan_id,
          const char *heading,
          const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhSection) section = kh_section_new (heading, body);
  gint64 id = kh_store_add_section (f->store, plan_id, 0, -1, section, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_empty_part_and_heading_only (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (!have_tools ())
    return;

  id = draft_copy (f);
  add_part (f, id, "", "");
  add_part (f, id, "PHỤ LỤC", "");

  path = export (f, id, KH_DOCUMENT_MODE_DRAFT, NULL, "empty-part.pdf");
  text = reading_text (path);
  /* the empty part prints nothing; the heading-only part prints its
   * heading, before the closing paragraph */
  assert_has (text, "IV. TỔ CHỨC THỰC HIỆN");
  g_assert_nonnull (strstr (text, "PHỤ LỤC Trên đây là kế hoạch"));
  g_assert_null (strstr (text, "V. VI."));
}

static void
test_megabyte_paragraph (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *pages;
  guint words = 0;
  gint64 id;

  if (!have_tools ())
    return;

  while (body->len < 1024 * 1024)
    g_string_append_printf (body, "Tuyên truyền cải cách hành chính %u; ", words++);
  g_string_append (body, "hết.");

  id = draft_copy (f);
  add_part (f, id, "DÀI", body->str);

  path = export (f, id, KH_DOCUMENT_MODE_DRAFT, NULL, "megabyte.pdf");
  text = reading_text (path);
  /* nothing lost: the first, a middle and the last words, and all of it */
  {
    g_autofree char *flat = flatten (body->str);
    g_assert_nonnull (strstr (text, flat));
  }
  /* pdfinfo, not the word boxes: GRegex is quadratic on 10 MB of XML */
  info = kh_test_spawn ("pdfinfo", path, NULL);
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), >, 200);
}

static void
test_long_word (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(KhTestBoxes) boxes = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  gint64 id;

  if (!have_tools ())
    return;

  for (guint i = 0; i < 300; i++)
    g_string_append_unichar (word, g_utf8_get_char (g_utf8_offset_to_pointer ("ạbcđêghíklmnôpqrstưvxỹ", i % 22)));
  g_assert_cmpuint (g_utf8_strlen (word->str, -1), ==, 300);
  body = g_strdup_printf ("Trước %s sau.", word->str);

  id = draft_copy (f);
  add_part (f, id, "TỪ DÀI", body);
  path = export (f, id, KH_DOCUMENT_MODE_DRAFT, NULL, "long-word.pdf");

  /* every character, broken over lines, inside the margins */
  text = reading_text (path);
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (joined, *p);
  g_assert_nonnull (strstr (joined->str, word->str));

  boxes = kh_test_boxes_new (path);
  for (guint i = 0; i < boxes->words->len; i++)
    {
      const KhTestWord *w = g_ptr_array_index (boxes->words, i);

      g_assert_cmpfloat (w->x_min, >=, 30 * MM - 0.5);
      g_assert_cmpfloat (w->x_max, <=, boxes->page_width - 15 * MM + 0.5);
    }
}

static void
test_nfd (Fixture       *f,
          gconstpointer  data)
{
  const char *nfc = "Tuyên truyền cải cách hành chính ở phường Phổ Minh, Quảng Ngãi.";
  g_autofree char *nfd = g_utf8_normalize (nfc, -1, G_NORMALIZE_NFD);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (!have_tools ())
    return;

  g_assert_cmpstr (nfd, !=, nfc);
  id = draft_copy (f);
  add_part (f, id, nfd, nfd);
  path = export (f, id, KH_DOCUMENT_MODE_DRAFT, NULL, "nfd.pdf");
  text = reading_text (path);
  g_assert_nonnull (strstr (text, nfc));
  g_assert_null (strstr (text, nfd));
}

/* Emoji: a clear error naming the character and where, and no file. */
static void
test_emoji (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "emoji.pdf", NULL);
  g_autofree char *earlier = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  if (!have_tools ())
    return;

  id = draft_copy (f);
  add_part (f, id, "CHÚC MỪNG", "Chúc mừng năm mới 🎉 an khang thịnh vượng.");

  g_assert_false (kh_store_export_plan_pdf (f->store, id, KH_DOCUMENT_MODE_DRAFT, NULL, path, &error));
  g_assert_error (error, KH_PDF_ERROR, KH_PDF_ERROR_UNSUPPORTED_CHAR);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "🎉"));
  g_assert_nonnull (strstr (error->message, "U+1F389"));
  g_assert_nonnull (strstr (error->message, "Chúc mừng năm mới"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* an earlier export at the same path is left as it was */
  g_assert_true (g_file_set_contents (path, "%PDF-1.4 earlier", -1, NULL));
  g_assert_false (kh_store_export_plan_pdf (f->store, id, KH_DOCUMENT_MODE_DRAFT, NULL, path, &error));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "%PDF-1.4 earlier");
  (void) earlier;
}

/* Line spacing from the setting: 1.0 fits more on a page than 1.5. */
static void
test_line_spacing (Fixture       *f,
                   gconstpointer  data)
{
  KhPdfOptions options;
  g_autofree char *single = NULL;
  g_autofree char *wide = NULL;
  g_autoptr(KhTestBoxes) single_boxes = NULL;
  g_autoptr(KhTestBoxes) wide_boxes = NULL;

  if (!have_tools ())
    return;

  kh_pdf_options_init (&options);
  options.line_spacing = 1.0;
  single = export (f, f->plan_id, KH_DOCUMENT_MODE_ISSUED, &options, "single.pdf");
  options.line_spacing = 1.5;
  wide = export (f, f->plan_id, KH_DOCUMENT_MODE_ISSUED, &options, "wide.pdf");

  single_boxes = kh_test_boxes_new (single);
  wide_boxes = kh_test_boxes_new (wide);
  g_assert_cmpuint (single_boxes->n_pages, <, wide_boxes->n_pages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/pdf-plan/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("text", test_text);
  ADD ("layout-text", test_layout_text);
  ADD ("positions", test_positions);
  ADD ("fonts-and-metadata", test_fonts_and_metadata);
  ADD ("authorities", test_authorities);
  ADD ("no-parent-agency", test_no_parent_agency);
  ADD ("draft-as-issued", test_draft_as_issued);
  ADD ("empty-part-and-heading-only", test_empty_part_and_heading_only);
  ADD ("megabyte-paragraph", test_megabyte_paragraph);
  ADD ("long-word", test_long_word);
  ADD ("nfd", test_nfd);
  ADD ("emoji", test_emoji);
  ADD ("line-spacing", test_line_spacing);

#undef ADD

  return g_test_run ();
}
