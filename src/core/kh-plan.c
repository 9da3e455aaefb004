/* kh-plan.c — the year's plan: header, legal bases, recipients, text
 *
 * A plan goes draft → for signing → issued. Issuing records its number
 * in the agency's register and freezes its text: the header, the bases,
 * the recipients and the sections refuse every change from then on
 * (KH_STORE_ERROR_FROZEN), here in core, so no front end can forget it.
 * Tasks and results stay editable: the work goes on after the signature;
 * part IV, made from the tasks, is frozen as it was (kh-part-four.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-agency.h"
#include "kh-part-four.h"
#include "kh-plan.h"
#include "kh-register.h"
#include "kh-store-private.h"
#include "kh-text.h"
#include "kh-vn-format.h"

#define DOC_TYPE "KH"
#define MAX_TITLE_LENGTH 1000
#define MAX_NUMBER 9999

G_DEFINE_BOXED_TYPE (KhPlan, kh_plan, kh_plan_copy, kh_plan_free)

static const char * const state_names[] = {
  [KH_PLAN_STATE_DRAFT] = "draft",
  [KH_PLAN_STATE_SIGNING] = "signing",
  [KH_PLAN_STATE_ISSUED] = "issued",
};

static const char * const authorities[] = { "", "TM.", "KT.", "Q.", "TL.", "TUQ." };

static char **
empty_strv (void)
{
  return g_new0 (char *, 1);
}

KhPlan *
kh_plan_new (int         year,
             const char *title)
{
  KhPlan *plan = g_new0 (KhPlan, 1);

  plan->year = year;
  plan->kind = g_strdup (KH_PLAN_KIND_CCHC);
  plan->revision = g_strdup ("");
  plan->title = g_strdup (title ? title : "");
  plan->intro = g_strdup ("");
  plan->closing = g_strdup ("");
  plan->authority = g_strdup ("");
  plan->state = KH_PLAN_STATE_DRAFT;
  g_date_clear (&plan->issued_on, 1);
  plan->bases = empty_strv ();
  plan->recipients = empty_strv ();
  plan->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_section_free);
  return plan;
}

KhPlan *
kh_plan_copy (const KhPlan *plan)
{
  KhPlan *copy = kh_plan_new (plan->year, plan->title);

  copy->id = plan->id;
  g_free (copy->kind);
  copy->kind = g_strdup (plan->kind);
  g_free (copy->revision);
  copy->revision = g_strdup (plan->revision);
  g_free (copy->intro);
  copy->intro = g_strdup (plan->intro);
  g_free (copy->closing);
  copy->closing = g_strdup (plan->closing);
  copy->signer_id = plan->signer_id;
  g_free (copy->authority);
  copy->authority = g_strdup (plan->authority);
  copy->state = plan->state;
  copy->number = plan->number;
  copy->issued_on = plan->issued_on;
  copy->source_plan_id = plan->source_plan_id;
  copy->template_id = plan->template_id;
  if (plan->bases != NULL)
    {
      g_strfreev (copy->bases);
      copy->bases = g_strdupv (plan->bases);
    }
  if (plan->recipients != NULL)
    {
      g_strfreev (copy->recipients);
      copy->recipients = g_strdupv (plan->recipients);
    }
  for (guint i = 0; plan->sections != NULL && i < plan->sections->len; i++)
    g_ptr_array_add (copy->sections, kh_section_copy (plan->sections->pdata[i]));
  return copy;
}

void
kh_plan_free (KhPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->kind);
  g_free (plan->revision);
  g_free (plan->title);
  g_free (plan->intro);
  g_free (plan->closing);
  g_free (plan->authority);
  g_strfreev (plan->bases);
  g_strfreev (plan->recipients);
  g_clear_pointer (&plan->sections, g_ptr_array_unref);
  g_free (plan);
}

/* "I.", "1.", "2.1."… for the section with that id, or NULL. */
char *
kh_plan_section_number (const KhPlan *plan,
                        gint64        section_id,
                        KhNumbering   numbering)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return kh_sections_number_of (plan->sections, section_id, numbering);
}

const char *
kh_plan_state_to_string (KhPlanState state)
{
  g_return_val_if_fail (state <= KH_PLAN_STATE_ISSUED, NULL);

  return state_names[state];
}

gboolean
kh_plan_state_from_string (const char  *text,
                           KhPlanState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = (KhPlanState)i;
        return TRUE;
      }

  return FALSE;
}

gboolean
kh_authority_is_valid (const char *authority)
{
  for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
    if (g_strcmp0 (authority, authorities[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
strip_trailing (char       *text,
                const char *characters)
{
  gsize len = strlen (text);

  while (len > 0 && (strchr (characters, text[len - 1]) != NULL))
    text[--len] = '\0';
}

/* "Căn cứ Quyết định số 181/QĐ-UBND …;" → "Quyết định số 181/QĐ-UBND …":
 * text pasted from an old plan keeps its wording, the document adds the
 * rest. */
char *
kh_plan_clean_basis (const char *text)
{
  static const char * const prefixes[] = { "Căn cứ ", "căn cứ ", "CĂN CỨ " };
  g_autofree char *clean = kh_text_strip (text);
  const char *start = clean;
  char *result;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (clean, prefixes[i]))
      start = clean + strlen (prefixes[i]);

  result = g_strdup (start);
  strip_trailing (result, ";., \t/");
  return g_strstrip (result);
}

/* "- UBND thị xã;" → "UBND thị xã". Word processors also write list
 * marks as "–" or "•". */
char *
kh_plan_clean_recipient (const char *text)
{
  static const char * const marks[] = { "-", "+", "–", "•", " ", "\t" };
  g_autofree char *clean = kh_text_strip (text);
  const char *start = clean;
  gboolean found = TRUE;
  char *result;

  while (found)
    {
      found = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
        if (g_str_has_prefix (start, marks[i]))
          {
            start += strlen (marks[i]);
            found = TRUE;
          }
    }

  result = g_strdup (start);
  strip_trailing (result, ";., \t");
  return g_strstrip (result);
}

/* Reading */

#define HEADER_COLUMNS \
  "id, year, kind, revision, title, intro, closing, coalesce(signer_id, 0), authority," \
  " state, coalesce(number, 0), issued_on, coalesce(source_plan_id, 0)," \
  " coalesce(template_id, 0)"

static KhPlan *
plan_from_row (KhStmt *stmt)
{
  KhPlan *plan = kh_plan_new (sqlite3_column_int (stmt, 1), kh_stmt_column_text (stmt, 4));

  plan->id = sqlite3_column_int64 (stmt, 0);
  g_free (plan->kind);
  plan->kind = g_strdup (kh_stmt_column_text (stmt, 2));
  g_free (plan->revision);
  plan->revision = g_strdup (kh_stmt_column_text (stmt, 3));
  g_free (plan->intro);
  plan->intro = g_strdup (kh_stmt_column_text (stmt, 5));
  g_free (plan->closing);
  plan->closing = g_strdup (kh_stmt_column_text (stmt, 6));
  plan->signer_id = sqlite3_column_int64 (stmt, 7);
  g_free (plan->authority);
  plan->authority = g_strdup (kh_stmt_column_text (stmt, 8));
  if (!kh_plan_state_from_string (kh_stmt_column_text (stmt, 9), &plan->state))
    plan->state = KH_PLAN_STATE_DRAFT;
  plan->number = sqlite3_column_int (stmt, 10);
  kh_stmt_column_date (stmt, 11, &plan->issued_on);
  plan->source_plan_id = sqlite3_column_int64 (stmt, 12);
  plan->template_id = sqlite3_column_int64 (stmt, 13);
  return plan;
}

/* The plans, newest year first, with their header only: bases,
 * recipients and sections are left empty (kh_store_load_plan() has
 * them). */
GPtrArray *
kh_store_list_plans (KhStore  *store,
                     GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_plan_free);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT " HEADER_COLUMNS " FROM plan"
                           " ORDER BY year DESC, kind, revision, id",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (plans, plan_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&plans);
}

static KhPlan *
load_header (KhStore  *store,
             gint64    id,
             GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT " HEADER_COLUMNS " FROM plan WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The plan no longer exists."));
      return NULL;
    }

  return plan_from_row (stmt);
}

static char **
load_lines (KhStore     *store,
            const char  *sql,
            gint64       plan_id,
            GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = kh_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, kh_stmt_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/* The whole plan: header, bases, recipients and the tree of sections. */
KhPlan *
kh_store_load_plan (KhStore  *store,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(KhPlan) plan = NULL;
  char **bases, **recipients;
  GPtrArray *sections;

  if (!(plan = load_header (store, id, error)))
    return NULL;

  bases = load_lines (store, "SELECT text FROM plan_basis WHERE plan_id = ?1 ORDER BY position, id",
                      id, error);
  if (bases == NULL)
    return NULL;
  g_strfreev (plan->bases);
  plan->bases = bases;

  recipients = load_lines (store,
                           "SELECT text FROM plan_recipient WHERE plan_id = ?1 ORDER BY position, id",
                           id, error);
  if (recipients == NULL)
    return NULL;
  g_strfreev (plan->recipients);
  plan->recipients = recipients;

  if (!(sections = kh_store_load_sections (store, id, error)))
    return NULL;
  g_ptr_array_unref (plan->sections);
  plan->sections = sections;

  return g_steal_pointer (&plan);
}

/* The id of the plan for that year, kind and revision, or 0. */
gint64
kh_store_find_plan (KhStore    *store,
                    int         year,
                    const char *kind,
                    const char *revision)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean_kind = kh_text_strip (kind ? kind : KH_PLAN_KIND_CCHC);
  g_autofree char *clean_revision = kh_text_strip (revision ? revision : "");

  stmt = kh_store_prepare (store,
                           "SELECT id FROM plan WHERE year = ?1 AND kind = ?2 AND revision = ?3",
                           NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int (stmt, 1, year);
  kh_stmt_bind_text (stmt, 2, clean_kind);
  kh_stmt_bind_text (stmt, 3, clean_revision);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/* “Điều chỉnh lần 1”, “Điều chỉnh lần 2”…: the first such name no plan
 * of that year and kind has yet. */
char *
kh_store_suggest_revision_name (KhStore    *store,
                                int         year,
                                const char *kind)
{
  for (int n = 1; ; n++)
    {
      g_autofree char *name = g_strdup_printf ("Điều chỉnh lần %d", n);

      if (kh_store_find_plan (store, year, kind ? kind : KH_PLAN_KIND_CCHC, name) == 0)
        return g_steal_pointer (&name);
    }
}

static char *
agency_abbreviation (KhStore *store)
{
  g_autoptr(KhAgency) agency = kh_store_load_agency (store, NULL);

  return g_strdup (agency != NULL ? agency->abbreviation : "");
}

/* "18/KH-UBND" */
static char *
plan_symbol (KhStore *store,
             int      number)
{
  g_autofree char *abbreviation = agency_abbreviation (store);

  return kh_format_doc_symbol (number, DOC_TYPE, abbreviation);
}

gboolean
kh_store_check_plan_editable (KhStore  *store,
                              gint64    id,
                              GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *symbol = NULL;
  g_autofree char *date = NULL;
  GDate issued_on;
  int number;

  stmt = kh_store_prepare (store,
                           "SELECT state, coalesce(number, 0), issued_on FROM plan WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The plan no longer exists."));
      return FALSE;
    }

  if (g_strcmp0 (kh_stmt_column_text (stmt, 0), "issued") != 0)
    return TRUE;

  number = sqlite3_column_int (stmt, 1);
  kh_stmt_column_date (stmt, 2, &issued_on);
  g_clear_pointer (&stmt, kh_stmt_release);

  symbol = plan_symbol (store, number);
  date = g_date_valid (&issued_on) ? kh_format_date_short (&issued_on) : g_strdup ("?");
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN,
               _("The plan was issued as number %s on %s: its text can no longer change. Make a new revision of it to change the text."),
               symbol, date);
  return FALSE;
}

/* Validation and writing */

/* Names the year's plan that is already there and proposes a name for
 * the revision the clerk is making. */
static void
set_exists_error (KhStore     *store,
                  gint64       existing_id,
                  int          year,
                  const char  *kind,
                  GError     **error)
{
  g_autoptr(KhPlan) existing = load_header (store, existing_id, NULL);
  g_autofree char *suggestion = kh_store_suggest_revision_name (store, year, kind);
  g_autofree char *title = g_strdup (existing != NULL ? existing->title : "");

  g_strdelimit (title, "\n", ' ');
  if (existing != NULL && existing->state == KH_PLAN_STATE_ISSUED)
    {
      g_autofree char *symbol = plan_symbol (store, existing->number);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS,
                   _("The %d plan already exists (“%s”, issued as number %s). Give this one a revision name, for example “%s”."),
                   year, title, symbol, suggestion);
    }
  else
    g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS,
                 _("The %d plan already exists (“%s”, not issued yet). Give this one a revision name, for example “%s”, or go on with the existing one."),
                 year, title, suggestion);
}

static gboolean
check_header (KhStore       *store,
              const KhPlan  *plan,
              GError       **error)
{
  g_autofree char *title = kh_text_strip (plan->title ? plan->title : "");
  g_autofree char *kind = kh_text_strip (plan->kind ? plan->kind : "");
  g_autofree char *revision = kh_text_strip (plan->revision ? plan->revision : "");
  gint64 other;

  if (plan->year < KH_PLAN_YEAR_MIN || plan->year > KH_PLAN_YEAR_MAX)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The plan’s year must be between %d and %d, not %d."),
                   KH_PLAN_YEAR_MIN, KH_PLAN_YEAR_MAX, plan->year);
      return FALSE;
    }
  if (*title == '\0')
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The plan needs a title (trích yếu), for example “Tuyên truyền cải cách hành chính năm %d”."),
                   plan->year);
      return FALSE;
    }
  if (g_utf8_strlen (title, -1) > MAX_TITLE_LENGTH)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The plan’s title is too long (at most %d characters)."), MAX_TITLE_LENGTH);
      return FALSE;
    }
  if (*kind == '\0')
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The plan needs a kind."));
      return FALSE;
    }
  if (!kh_authority_is_valid (plan->authority ? plan->authority : ""))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("“%s” is not a signing authority: use TM., KT., Q., TL., TUQ. or none."),
                   plan->authority);
      return FALSE;
    }
  if (plan->signer_id != 0)
    {
      g_autoptr(KhSigner) signer = kh_store_get_signer (store, plan->signer_id, NULL);

      if (signer == NULL)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("The person chosen to sign the plan is no longer in the list of signers."));
          return FALSE;
        }
    }

  other = kh_store_find_plan (store, plan->year, kind, revision);
  if (other != 0 && other != plan->id)
    {
      if (*revision == '\0')
        set_exists_error (store, other, plan->year, kind, error);
      else
        g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS,
                     _("The %d plan already has a revision called “%s”."),
                     plan->year, revision);
      return FALSE;
    }

  return TRUE;
}

static gboolean
touch (KhStore  *store,
       gint64    id,
       GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "UPDATE plan SET updated_at = datetime('now') WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return kh_store_step_done (store, stmt, error);
}

typedef char *(*CleanFunc) (const char *text);

/* Replaces a plan's list of lines; blank lines are dropped. */
static gboolean
replace_lines (KhStore             *store,
               const char          *delete_sql,
               const char          *insert_sql,
               CleanFunc            clean,
               gint64               plan_id,
               const char * const  *lines,
               GError             **error)
{
  g_autoptr(KhStmt) clear = NULL;
  g_autoptr(KhStmt) insert = NULL;
  int position = 0;

  if (!(clear = kh_store_prepare (store, delete_sql, error)) ||
      !(insert = kh_store_prepare (store, insert_sql, error)))
    return FALSE;

  sqlite3_bind_int64 (clear, 1, plan_id);
  if (!kh_store_step_done (store, clear, error))
    return FALSE;

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autofree char *text = clean (lines[i]);

      if (*text == '\0')
        continue;

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, plan_id);
      sqlite3_bind_int (insert, 2, position++);
      kh_stmt_bind_text (insert, 3, text);
      if (!kh_store_step_done (store, insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
replace_bases (KhStore             *store,
               gint64               plan_id,
               const char * const  *bases,
               GError             **error)
{
  return replace_lines (store,
                        "DELETE FROM plan_basis WHERE plan_id = ?1",
                        "INSERT INTO plan_basis (plan_id, position, text) VALUES (?1, ?2, ?3)",
                        kh_plan_clean_basis, plan_id, bases, error);
}

static gboolean
replace_recipients (KhStore             *store,
                    gint64               plan_id,
                    const char * const  *recipients,
                    GError             **error)
{
  return replace_lines (store,
                        "DELETE FROM plan_recipient WHERE plan_id = ?1",
                        "INSERT INTO plan_recipient (plan_id, position, text) VALUES (?1, ?2, ?3)",
                        kh_plan_clean_recipient, plan_id, recipients, error);
}

/* Stores a new plan as a draft with its bases, recipients and sections,
 * all or nothing. Its id, state, number and date are ignored. */
gint64
kh_store_create_plan (KhStore       *store,
                      const KhPlan  *plan,
                      GError       **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *closing = NULL;
  gint64 id;
  g_autoptr(KhPlan) checked = NULL;

  g_return_val_if_fail (plan != NULL, 0);

  if (!kh_store_begin (store, error))
    return 0;

  /* A new plan is compared with every stored one, itself excluded. */
  checked = kh_plan_copy (plan);
  checked->id = 0;
  if (!check_header (store, checked, error) ||
      !(stmt = kh_store_prepare (store,
                                 "INSERT INTO plan (year, kind, revision, title, intro, closing,"
                                 " signer_id, authority, source_plan_id, template_id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                 error)))
    goto failed;

  kind = kh_text_strip (plan->kind ? plan->kind : KH_PLAN_KIND_CCHC);
  revision = kh_text_strip (plan->revision ? plan->revision : "");
  title = kh_text_strip (plan->title);
  intro = kh_text_strip (plan->intro ? plan->intro : "");
  closing = kh_text_strip (plan->closing ? plan->closing : "");
  sqlite3_bind_int (stmt, 1, plan->year);
  kh_stmt_bind_text (stmt, 2, kind);
  kh_stmt_bind_text (stmt, 3, revision);
  kh_stmt_bind_text (stmt, 4, title);
  kh_stmt_bind_text (stmt, 5, intro);
  kh_stmt_bind_text (stmt, 6, closing);
  kh_stmt_bind_id (stmt, 7, plan->signer_id);
  kh_stmt_bind_text (stmt, 8, plan->authority ? plan->authority : "");
  kh_stmt_bind_id (stmt, 9, plan->source_plan_id);
  kh_stmt_bind_id (stmt, 10, plan->template_id);
  if (!kh_store_step_done (store, stmt, error))
    goto failed;

  id = kh_store_last_insert_id (store);

  if (!replace_bases (store, id, (const char * const *)plan->bases, error) ||
      !replace_recipients (store, id, (const char * const *)plan->recipients, error))
    goto failed;

  for (guint i = 0; plan->sections != NULL && i < plan->sections->len; i++)
    if (kh_store_add_section (store, id, 0, -1, plan->sections->pdata[i], error) == 0)
      goto failed;

  if (!kh_store_commit (store, error))
    return 0;

  return id;

failed:
  kh_store_rollback (store);
  return 0;
}

/* Saves the header fields of plan->id: year, kind, revision, title,
 * intro, closing, signer and authority. */
gboolean
kh_store_update_plan (KhStore       *store,
                      const KhPlan  *plan,
                      GError       **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *closing = NULL;

  g_return_val_if_fail (plan != NULL, FALSE);

  if (!kh_store_check_writable (store, error) ||
      !kh_store_check_plan_editable (store, plan->id, error) ||
      !check_header (store, plan, error))
    return FALSE;

  stmt = kh_store_prepare (store,
                           "UPDATE plan SET year = ?2, kind = ?3, revision = ?4, title = ?5,"
                           " intro = ?6, closing = ?7, signer_id = ?8, authority = ?9,"
                           " updated_at = datetime('now') WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  kind = kh_text_strip (plan->kind);
  revision = kh_text_strip (plan->revision ? plan->revision : "");
  title = kh_text_strip (plan->title);
  intro = kh_text_strip (plan->intro ? plan->intro : "");
  closing = kh_text_strip (plan->closing ? plan->closing : "");
  sqlite3_bind_int64 (stmt, 1, plan->id);
  sqlite3_bind_int (stmt, 2, plan->year);
  kh_stmt_bind_text (stmt, 3, kind);
  kh_stmt_bind_text (stmt, 4, revision);
  kh_stmt_bind_text (stmt, 5, title);
  kh_stmt_bind_text (stmt, 6, intro);
  kh_stmt_bind_text (stmt, 7, closing);
  kh_stmt_bind_id (stmt, 8, plan->signer_id);
  kh_stmt_bind_text (stmt, 9, plan->authority ? plan->authority : "");
  return kh_store_step_done (store, stmt, error);
}

/* The legal bases, replaced whole in one transaction; each is cleaned
 * of a leading “Căn cứ ” and of its final “;” or “.”. */
gboolean
kh_store_set_plan_bases (KhStore             *store,
                         gint64               id,
                         const char * const  *bases,
                         GError             **error)
{
  if (!kh_store_begin (store, error))
    return FALSE;

  if (!kh_store_check_plan_editable (store, id, error) ||
      !replace_bases (store, id, bases, error) ||
      !touch (store, id, error))
    {
      kh_store_rollback (store);
      return FALSE;
    }

  return kh_store_commit (store, error);
}

/* The recipients, replaced whole in one transaction; each is cleaned of
 * a leading “- ” and of its final “;” or “.”. */
gboolean
kh_store_set_plan_recipients (KhStore             *store,
                              gint64               id,
                              const char * const  *recipients,
                              GError             **error)
{
  if (!kh_store_begin (store, error))
    return FALSE;

  if (!kh_store_check_plan_editable (store, id, error) ||
      !replace_recipients (store, id, recipients, error) ||
      !touch (store, id, error))
    {
      kh_store_rollback (store);
      return FALSE;
    }

  return kh_store_commit (store, error);
}

/* Between draft and for signing; issuing is kh_store_issue_plan(). */
gboolean
kh_store_set_plan_state (KhStore      *store,
                         gint64        id,
                         KhPlanState   state,
                         GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (state == KH_PLAN_STATE_ISSUED)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("A plan is issued by recording its number and date."));
      return FALSE;
    }

  if (!kh_store_check_writable (store, error) ||
      !kh_store_check_plan_editable (store, id, error))
    return FALSE;

  stmt = kh_store_prepare (store,
                           "UPDATE plan SET state = ?2, updated_at = datetime('now') WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  kh_stmt_bind_text (stmt, 2, kh_plan_state_to_string (state));
  return kh_store_step_done (store, stmt, error);
}

static gboolean
check_issue (KhStore       *store,
             const KhPlan  *plan,
             int            number,
             const GDate   *issued_on,
             GError       **error)
{
  int year;

  if (number < 1 || number > MAX_NUMBER)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The plan’s number must be between 1 and %d."), MAX_NUMBER);
      return FALSE;
    }
  if (issued_on == NULL || !g_date_valid (issued_on))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Enter the date the plan was issued."));
      return FALSE;
    }

  /* A year's plan is often signed in the December before it. */
  year = g_date_get_year (issued_on);
  if (year < plan->year - 1 || year > plan->year)
    {
      g_autofree char *date = kh_format_date_short (issued_on);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The plan for %d cannot have been issued on %s."), plan->year, date);
      return FALSE;
    }
  if (plan->signer_id == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Choose who signed the plan before recording its number."));
      return FALSE;
    }

  return kh_store_check_number_free (store, DOC_TYPE, year, number, error);
}

/* Records the number and date the plan was issued under, registers the
 * number for the year, and freezes the text, part IV as it then reads
 * included. */
gboolean
kh_store_issue_plan (KhStore      *store,
                     gint64        id,
                     int           number,
                     const GDate  *issued_on,
                     GError      **error)
{
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(KhStmt) update = NULL;
  g_autofree char *summary = NULL;

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!kh_store_check_plan_editable (store, id, error) ||
      !(plan = load_header (store, id, error)) ||
      !check_issue (store, plan, number, issued_on, error))
    goto failed;

  update = kh_store_prepare (store,
                             "UPDATE plan SET state = 'issued', number = ?2, issued_on = ?3,"
                             " updated_at = datetime('now') WHERE id = ?1",
                             error);
  if (update == NULL)
    goto failed;

  sqlite3_bind_int64 (update, 1, id);
  sqlite3_bind_int (update, 2, number);
  kh_stmt_bind_date (update, 3, issued_on);
  /* Part IV is computed from the tasks, which stay editable: keep it as
   * it reads when the plan is signed. */
  if (!kh_store_freeze_part_four (store, id, error) ||
      !kh_store_step_done (store, update, error))
    goto failed;

  summary = g_strconcat ("Kế hoạch ", plan->title, NULL);
  if (!kh_store_register_number (store, DOC_TYPE, number, issued_on, summary, id, 0, error))
    goto failed;

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}

/* Deletes a plan that was never issued, with its tasks and results. An
 * issued plan is a record of the agency and stays. */
gboolean
kh_store_delete_plan (KhStore  *store,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!kh_store_check_plan_editable (store, id, error))
    {
      if (error != NULL && g_error_matches (*error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN))
        {
          g_clear_error (error);
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN,
                       _("An issued plan is part of the agency’s records and cannot be deleted."));
        }
      goto failed;
    }

  if (!(stmt = kh_store_prepare (store, "DELETE FROM plan WHERE id = ?1", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kh_store_step_done (store, stmt, error))
    goto failed;

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}
