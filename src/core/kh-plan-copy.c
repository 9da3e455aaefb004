/* kh-plan-copy.c — a new plan from an earlier one
 *
 * The clerk's usual January: take last year's plan, move it to this
 * year, adjust. A copy keeps the text, the legal bases, the recipients,
 * the signer and the tasks (lead, supports, indicator, target, rhythm);
 * it drops the results, the number and the issue date and starts as a
 * draft that names its source. The source is only read.
 *
 * Moving the year: in the title, intro, closing, section headings and
 * bodies, and task titles and descriptions, every whole-number
 * occurrence of the source's year becomes the new year, except where it
 * belongs to something that does not move with the plan:
 *
 *   - a date or a document symbol: a digit then “/”, “.” or “-” just
 *     before it (19/02/2024, 19.02.2024, 61/2024/NĐ-CP), or “/”, “.” or
 *     “-” then a digit just after it (2024-03-31);
 *   - a date written out: “tháng 02 năm 2024”;
 *   - a range of years: “2021 – 2024”, “2024-2025”.
 *
 * So “năm 2024” moves, “ngày 19/02/2024” and “giai đoạn 2021 – 2024” do
 * not. The legal bases are copied as they are: they name documents
 * that were really issued, which the clerk replaces with this year's.
 * Task deadlines move by the same number of years (29/02 becomes 28/02
 * in a year without it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-copy"

#include "config.h"

#include <string.h>

#include "kh-agency.h"
#include "kh-plan-copy.h"
#include "kh-task.h"

#define EN_DASH "\xe2\x80\x93"
#define EM_DASH "\xe2\x80\x94"

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gsize
skip_spaces_back (const char *text,
                  gsize       end)
{
  while (end > 0 && text[end - 1] == ' ')
    end--;
  return end;
}

static gsize
skip_spaces (const char *text,
             gsize       start)
{
  while (text[start] == ' ')
    start++;
  return start;
}

/* How many digits end text[0..end). */
static gsize
digits_back (const char *text,
             gsize       end)
{
  gsize count = 0;

  while (end > count && is_digit (text[end - count - 1]))
    count++;
  return count;
}

static gsize
digits_at (const char *text)
{
  gsize count = 0;

  while (is_digit (text[count]))
    count++;
  return count;
}

/* The length in bytes of the dash (-, –, —) that ends text[0..end). */
static gsize
dash_back (const char *text,
           gsize       end)
{
  if (end >= 1 && text[end - 1] == '-')
    return 1;
  if (end >= 3 && (memcmp (text + end - 3, EN_DASH, 3) == 0 ||
                   memcmp (text + end - 3, EM_DASH, 3) == 0))
    return 3;
  return 0;
}

static gsize
dash_at (const char *text)
{
  if (text[0] == '-')
    return 1;
  if (g_str_has_prefix (text, EN_DASH) || g_str_has_prefix (text, EM_DASH))
    return 3;
  return 0;
}

/* Whether c can be part of a word: a letter or digit, ASCII or not. */
static gboolean
is_word_byte (char c)
{
  return (guchar)c >= 0x80 || g_ascii_isalnum (c);
}

/* Whether text[0..end) ends with one of words, as a word of its own;
 * moves end before it. */
static gboolean
word_back (const char          *text,
           gsize               *end,
           const char * const  *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);

      if (*end >= len && memcmp (text + *end - len, words[i], len) == 0 &&
          (*end == len || !is_word_byte (text[*end - len - 1])))
        {
          *end -= len;
          return TRUE;
        }
    }
  return FALSE;
}

/* “… tháng 02 năm ” just before start. */
static gboolean
in_written_date (const char *text,
                 gsize       start)
{
  static const char * const years[] = { "năm", "Năm", NULL };
  static const char * const months[] = { "tháng", "Tháng", NULL };
  gsize end = skip_spaces_back (text, start);
  gsize digits;

  if (!word_back (text, &end, years))
    return FALSE;
  end = skip_spaces_back (text, end);
  digits = digits_back (text, end);
  if (digits < 1 || digits > 2)
    return FALSE;
  end = skip_spaces_back (text, end - digits);
  return word_back (text, &end, months);
}

/* Whether the number at text[start..end) is part of a date, a document
 * symbol or a range of years (see the top of the file). */
static gboolean
is_fixed (const char *text,
          gsize       start,
          gsize       end)
{
  gsize before, after, dash;

  if (start >= 2 && strchr ("/.-", text[start - 1]) != NULL && is_digit (text[start - 2]))
    return TRUE;
  if (text[end] != '\0' && strchr ("/.-", text[end]) != NULL && is_digit (text[end + 1]))
    return TRUE;
  if (in_written_date (text, start))
    return TRUE;

  before = skip_spaces_back (text, start);
  if ((dash = dash_back (text, before)) > 0 &&
      digits_back (text, skip_spaces_back (text, before - dash)) == 4)
    return TRUE;

  after = skip_spaces (text, end);
  if ((dash = dash_at (text + after)) > 0 &&
      digits_at (text + skip_spaces (text, after + dash)) == 4)
    return TRUE;

  return FALSE;
}

/**
 * kh_text_replace_year:
 * @text: a text of the plan
 * @year: the year to look for
 * @replacement: what to put in its place: the new year, or “{year}”
 *
 * Replaces the whole-number occurrences of @year that are not part of a
 * date, a document symbol or a range of years (see the top of the file).
 */
char *
kh_text_replace_year (const char *text,
                      int         year,
                      const char *replacement)
{
  g_autofree char *needle = g_strdup_printf ("%d", year);
  gsize needle_len = strlen (needle);
  GString *out;
  const char *p;

  g_return_val_if_fail (replacement != NULL, NULL);

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0'; )
    {
      const char *found = strstr (p, needle);
      gsize start, end;

      if (found == NULL)
        break;

      start = found - text;
      end = start + needle_len;
      g_string_append_len (out, p, found - p);
      if ((start > 0 && is_digit (text[start - 1])) || is_digit (text[end]) ||
          is_fixed (text, start, end))
        g_string_append (out, needle);
      else
        g_string_append (out, replacement);
      p = text + end;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

static void
move_year (char       **text,
           int          from_year,
           const char  *to_year)
{
  char *moved = kh_text_replace_year (*text, from_year, to_year);

  g_free (*text);
  *text = moved;
}

static void
move_sections (GPtrArray  *sections,
               int         from_year,
               const char *to_year)
{
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      KhSection *section = sections->pdata[i];

      move_year (&section->heading, from_year, to_year);
      move_year (&section->body, from_year, to_year);
      move_sections (section->children, from_year, to_year);
    }
}

/* The source's signer while they still sign; otherwise the first who
 * does, or nobody. */
static gint64
current_signer (KhStore *store,
                gint64   signer_id)
{
  g_autoptr(KhSigner) signer = NULL;
  g_autoptr(GPtrArray) signers = NULL;

  if (signer_id != 0 && (signer = kh_store_get_signer (store, signer_id, NULL)) != NULL &&
      !signer->archived)
    return signer_id;

  signers = kh_store_list_signers (store, FALSE, NULL);
  if (signers != NULL && signers->len > 0)
    return ((KhSigner *)signers->pdata[0])->id;
  return 0;
}

static void
move_deadline (GDate *date,
               int    years)
{
  if (!g_date_valid (date) || years == 0)
    return;

  /* GLib turns 29/02 into 28/02 when the new year has no 29/02. */
  if (years > 0)
    g_date_add_years (date, (guint)years);
  else
    g_date_subtract_years (date, (guint)-years);
}

static gboolean
copy_tasks (KhStore    *store,
            GPtrArray  *tasks,
            gint64      plan_id,
            int         from_year,
            int         to_year,
            GError    **error)
{
  g_autofree char *year = g_strdup_printf ("%d", to_year);

  for (guint i = 0; i < tasks->len; i++)
    {
      g_autoptr(KhTask) task = kh_task_copy (tasks->pdata[i]);

      task->id = 0;
      task->plan_id = plan_id;
      move_year (&task->title, from_year, year);
      move_year (&task->description, from_year, year);
      move_deadline (&task->deadline, to_year - from_year);
      /* The work starts again. */
      task->status = KH_TASK_NOT_STARTED;
      g_date_clear (&task->done_on, 1);
      task->manual_progress = -1;

      if (kh_store_add_task (store, task, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * kh_store_copy_plan:
 * @store: the database
 * @source_id: the plan to copy, in any state
 * @new_year: the year of the new plan
 * @revision: "" (or %NULL) for the year's plan, or the name of a
 *   revision; kh_store_suggest_revision_name() proposes one
 * @error: return location for a #GError
 *
 * Makes a draft plan for @new_year from the plan @source_id (see the
 * top of the file). A second plan of the same kind for a year must be a
 * named revision: %KH_STORE_ERROR_EXISTS otherwise, naming the plan
 * that is there. An issued plan is copied the same way, into a revision
 * of its own year or into a later year.
 *
 * Returns: the new plan's id, or 0
 */
gint64
kh_store_copy_plan (KhStore     *store,
                    gint64       source_id,
                    int          new_year,
                    const char  *revision,
                    GError     **error)
{
  g_autoptr(KhPlan) source = NULL;
  g_autoptr(KhPlan) copy = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *year = g_strdup_printf ("%d", new_year);
  gint64 id;

  g_return_val_if_fail (KH_IS_STORE (store), 0);

  if (!(source = kh_store_load_plan (store, source_id, error)) ||
      !(tasks = kh_store_list_tasks (store, source_id, 0, error)))
    return 0;

  copy = kh_plan_copy (source);
  copy->id = 0;
  copy->year = new_year;
  g_free (copy->revision);
  copy->revision = g_strdup (revision ? revision : "");
  copy->state = KH_PLAN_STATE_DRAFT;
  copy->number = 0;
  g_date_clear (&copy->issued_on, 1);
  copy->source_plan_id = source_id;
  copy->signer_id = current_signer (store, source->signer_id);
  move_year (&copy->title, source->year, year);
  move_year (&copy->intro, source->year, year);
  move_year (&copy->closing, source->year, year);
  move_sections (copy->sections, source->year, year);

  if (!kh_store_begin (store, error))
    return 0;

  if ((id = kh_store_create_plan (store, copy, error)) == 0 ||
      !copy_tasks (store, tasks, id, source->year, new_year, error))
    {
      kh_store_rollback (store);
      return 0;
    }

  if (!kh_store_commit (store, error))
    return 0;

  g_debug ("Plan %" G_GINT64_FORMAT " copied to %d as plan %" G_GINT64_FORMAT,
           source_id, new_year, id);
  return id;
}
