/* kh-report.c — a periodic report on a plan: its text, recipients, signer and state
 *
 * A report goes draft → for signing → issued, as a plan does. Issuing
 * records its number in the agency's register under "BC" and freezes
 * the report: every change is refused from then on
 * (KH_STORE_ERROR_FROZEN), here in core. Composing the text is
 * kh-report-compose.c; the document, kh-report-document.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-agency.h"
#include "kh-register.h"
#include "kh-report.h"
#include "kh-store-private.h"
#include "kh-vn-format.h"

#define MAX_NUMBER 9999

G_DEFINE_BOXED_TYPE (KhReport, kh_report, kh_report_copy, kh_report_free)

KhReport *
kh_report_new (gint64          plan_id,
               const KhPeriod *period)
{
  KhReport *report = g_new0 (KhReport, 1);

  report->plan_id = plan_id;
  if (period != NULL)
    report->period = *period;
  else
    {
      g_date_clear (&report->period.start, 1);
      g_date_clear (&report->period.end, 1);
    }
  report->title = g_strdup ("");
  report->opening = g_strdup ("");
  report->results_generated = g_strdup ("");
  report->results_text = g_strdup ("");
  report->favourable = g_strdup ("");
  report->difficulties = g_strdup ("");
  report->proposals = g_strdup ("");
  report->direction = g_strdup ("");
  report->closing = g_strdup ("");
  report->addressees = g_strdup ("");
  report->authority = g_strdup ("");
  report->state = KH_PLAN_STATE_DRAFT;
  g_date_clear (&report->issued_on, 1);
  report->recipients = g_new0 (char *, 1);
  return report;
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value ? value : "");
}

KhReport *
kh_report_copy (const KhReport *report)
{
  KhReport *copy = kh_report_new (report->plan_id, &report->period);

  copy->id = report->id;
  replace (&copy->title, report->title);
  replace (&copy->opening, report->opening);
  replace (&copy->results_generated, report->results_generated);
  replace (&copy->results_text, report->results_text);
  replace (&copy->favourable, report->favourable);
  replace (&copy->difficulties, report->difficulties);
  replace (&copy->proposals, report->proposals);
  replace (&copy->direction, report->direction);
  replace (&copy->closing, report->closing);
  replace (&copy->addressees, report->addressees);
  replace (&copy->authority, report->authority);
  copy->with_table = report->with_table;
  copy->signer_id = report->signer_id;
  copy->state = report->state;
  copy->number = report->number;
  copy->issued_on = report->issued_on;
  if (report->recipients != NULL)
    {
      g_strfreev (copy->recipients);
      copy->recipients = g_strdupv (report->recipients);
    }
  return copy;
}

void
kh_report_free (KhReport *report)
{
  if (report == NULL)
    return;

  g_free (report->title);
  g_free (report->opening);
  g_free (report->results_generated);
  g_free (report->results_text);
  g_free (report->favourable);
  g_free (report->difficulties);
  g_free (report->proposals);
  g_free (report->direction);
  g_free (report->closing);
  g_free (report->addressees);
  g_free (report->authority);
  g_strfreev (report->recipients);
  g_free (report);
}

/* Reading */

#define COLUMNS \
  "r.id, r.plan_id, p.year, r.period, r.start_on, r.end_on, r.title, r.opening," \
  " r.results_generated, r.results_text, r.favourable, r.difficulties, r.proposals," \
  " r.direction, r.closing, r.with_table, r.addressees, coalesce(r.signer_id, 0)," \
  " r.authority, r.state, coalesce(r.number, 0), r.issued_on"

static KhReport *
report_from_row (KhStmt *stmt)
{
  KhReport *report = kh_report_new (sqlite3_column_int64 (stmt, 1), NULL);
  KhPeriodKind kind = KH_PERIOD_RANGE;

  report->id = sqlite3_column_int64 (stmt, 0);
  report->period.year = sqlite3_column_int (stmt, 2);
  if (kh_period_kind_from_string (kh_stmt_column_text (stmt, 3), &kind))
    report->period.kind = kind;
  kh_stmt_column_date (stmt, 4, &report->period.start);
  kh_stmt_column_date (stmt, 5, &report->period.end);
  replace (&report->title, kh_stmt_column_text (stmt, 6));
  replace (&report->opening, kh_stmt_column_text (stmt, 7));
  replace (&report->results_generated, kh_stmt_column_text (stmt, 8));
  replace (&report->results_text, kh_stmt_column_text (stmt, 9));
  replace (&report->favourable, kh_stmt_column_text (stmt, 10));
  replace (&report->difficulties, kh_stmt_column_text (stmt, 11));
  replace (&report->proposals, kh_stmt_column_text (stmt, 12));
  replace (&report->direction, kh_stmt_column_text (stmt, 13));
  replace (&report->closing, kh_stmt_column_text (stmt, 14));
  report->with_table = sqlite3_column_int (stmt, 15) != 0;
  replace (&report->addressees, kh_stmt_column_text (stmt, 16));
  report->signer_id = sqlite3_column_int64 (stmt, 17);
  replace (&report->authority, kh_stmt_column_text (stmt, 18));
  if (!kh_plan_state_from_string (kh_stmt_column_text (stmt, 19), &report->state))
    report->state = KH_PLAN_STATE_DRAFT;
  report->number = sqlite3_column_int (stmt, 20);
  kh_stmt_column_date (stmt, 21, &report->issued_on);
  return report;
}

/* The plan's reports, earliest period first, without their recipients. */
GPtrArray *
kh_store_list_reports (KhStore  *store,
                       gint64    plan_id,
                       GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_report_free);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT " COLUMNS " FROM report r JOIN plan p ON p.id = r.plan_id"
                           " WHERE r.plan_id = ?1 ORDER BY r.start_on, r.end_on, r.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reports, report_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&reports);
}

static gboolean
load_recipients (KhStore   *store,
                 KhReport  *report,
                 GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT text FROM report_recipient WHERE report_id = ?1"
                           " ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, report->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, kh_stmt_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return kh_store_set_error (store, rc, error);

  g_strfreev (report->recipients);
  report->recipients = g_strv_builder_end (builder);
  return TRUE;
}

KhReport *
kh_store_load_report (KhStore  *store,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(KhReport) report = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT " COLUMNS " FROM report r JOIN plan p ON p.id = r.plan_id"
                           " WHERE r.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The report no longer exists."));
      return NULL;
    }
  report = report_from_row (stmt);
  g_clear_pointer (&stmt, kh_stmt_release);

  if (!load_recipients (store, report, error))
    return NULL;
  return g_steal_pointer (&report);
}

/* The plan's report on exactly that period, or 0. */
gint64
kh_store_find_report (KhStore        *store,
                      gint64          plan_id,
                      const KhPeriod *period)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT id FROM report WHERE plan_id = ?1 AND period = ?2"
                           " AND start_on = ?3 AND end_on = ?4 ORDER BY id LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  kh_stmt_bind_text (stmt, 2, kh_period_kind_to_string (period->kind));
  kh_stmt_bind_date (stmt, 3, &period->start);
  kh_stmt_bind_date (stmt, 4, &period->end);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* The latest report of the plan that ends before the day, or 0: the
 * one a new report takes its written parts from. */
gint64
kh_store_find_previous_report (KhStore     *store,
                               gint64       plan_id,
                               const GDate *before)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT id FROM report WHERE plan_id = ?1 AND end_on < ?2"
                           " ORDER BY end_on DESC, start_on DESC, id DESC LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  kh_stmt_bind_date (stmt, 2, before);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Writing */

static gboolean
check_report (const KhReport  *report,
              GError         **error)
{
  if (!g_date_valid (&report->period.start) || !g_date_valid (&report->period.end) ||
      g_date_compare (&report->period.start, &report->period.end) > 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The report's period must start before it ends."));
      return FALSE;
    }
  if (!kh_authority_is_valid (report->authority))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("“%s” is not a signing authority: use TM., KT., Q., TL., TUQ. or nothing."),
                   report->authority);
      return FALSE;
    }
  return TRUE;
}

static gboolean
replace_recipients (KhStore         *store,
                    const KhReport  *report,
                    GError         **error)
{
  g_autoptr(KhStmt) clear = NULL;
  g_autoptr(KhStmt) insert = NULL;
  int position = 0;

  clear = kh_store_prepare (store, "DELETE FROM report_recipient WHERE report_id = ?1", error);
  insert = clear ? kh_store_prepare (store,
                                     "INSERT INTO report_recipient (report_id, position, text)"
                                     " VALUES (?1, ?2, ?3)",
                                     error) : NULL;
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (clear, 1, report->id);
  if (!kh_store_step_done (store, clear, error))
    return FALSE;

  for (guint i = 0; report->recipients != NULL && report->recipients[i] != NULL; i++)
    {
      g_autofree char *text = kh_plan_clean_recipient (report->recipients[i]);

      if (*text == '\0')
        continue;
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, report->id);
      sqlite3_bind_int (insert, 2, position++);
      kh_stmt_bind_text (insert, 3, text);
      if (!kh_store_step_done (store, insert, error))
        return FALSE;
    }
  return TRUE;
}

/* The fields a clerk edits, bound as ?2…?16 for both INSERT and UPDATE. */
static void
bind_text_fields (KhStmt         *stmt,
                  const KhReport *report)
{
  kh_stmt_bind_text (stmt, 2, kh_period_kind_to_string (report->period.kind));
  kh_stmt_bind_date (stmt, 3, &report->period.start);
  kh_stmt_bind_date (stmt, 4, &report->period.end);
  kh_stmt_bind_text (stmt, 5, report->title);
  kh_stmt_bind_text (stmt, 6, report->opening);
  kh_stmt_bind_text (stmt, 7, report->results_generated);
  kh_stmt_bind_text (stmt, 8, report->results_text);
  kh_stmt_bind_text (stmt, 9, report->favourable);
  kh_stmt_bind_text (stmt, 10, report->difficulties);
  kh_stmt_bind_text (stmt, 11, report->proposals);
  kh_stmt_bind_text (stmt, 12, report->direction);
  kh_stmt_bind_text (stmt, 13, report->closing);
  sqlite3_bind_int (stmt, 14, report->with_table ? 1 : 0);
  kh_stmt_bind_text (stmt, 15, report->addressees);
  kh_stmt_bind_id (stmt, 16, report->signer_id);
  kh_stmt_bind_text (stmt, 17, report->authority);
}

/* Stores a new draft report with its recipients; returns its id or 0. */
gint64
kh_store_insert_report (KhStore         *store,
                        const KhReport  *report,
                        GError         **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(KhReport) stored = NULL;

  if (!check_report (report, error) || !kh_store_begin (store, error))
    return 0;

  stmt = kh_store_prepare (store,
                           "INSERT INTO report (plan_id, period, start_on, end_on, title, opening,"
                           " results_generated, results_text, favourable, difficulties, proposals,"
                           " direction, closing, with_table, addressees, signer_id, authority)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                           " ?15, ?16, ?17)",
                           error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, report->plan_id);
  bind_text_fields (stmt, report);
  if (!kh_store_step_done (store, stmt, error))
    goto failed;

  stored = kh_report_copy (report);
  stored->id = kh_store_last_insert_id (store);
  if (!replace_recipients (store, stored, error) || !kh_store_commit (store, error))
    goto failed;
  return stored->id;

failed:
  kh_store_rollback (store);
  return 0;
}

gboolean
kh_store_check_report_editable (KhStore  *store,
                                gint64    id,
                                GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autofree char *symbol = NULL;
  g_autofree char *date = NULL;
  GDate issued_on;
  int number;

  stmt = kh_store_prepare (store,
                           "SELECT state, coalesce(number, 0), issued_on FROM report WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The report no longer exists."));
      return FALSE;
    }
  if (g_strcmp0 (kh_stmt_column_text (stmt, 0), "issued") != 0)
    return TRUE;

  number = sqlite3_column_int (stmt, 1);
  kh_stmt_column_date (stmt, 2, &issued_on);
  g_clear_pointer (&stmt, kh_stmt_release);

  agency = kh_store_load_agency (store, NULL);
  symbol = kh_format_doc_symbol (number, KH_REPORT_DOC_TYPE, agency ? agency->abbreviation : "");
  date = g_date_valid (&issued_on) ? kh_format_date_short (&issued_on) : g_strdup ("?");
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN,
               _("The report was issued as number %s on %s: its text can no longer change."),
               symbol, date);
  return FALSE;
}

/* Saves what the clerk edited: the period, the text, the table switch,
 * the addressees, the signer and the recipients. State and number are
 * changed by kh_store_set_report_state() and kh_store_issue_report(). */
gboolean
kh_store_update_report (KhStore         *store,
                        const KhReport  *report,
                        GError         **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (!check_report (report, error) || !kh_store_check_writable (store, error) ||
      !kh_store_begin (store, error))
    return FALSE;

  if (!kh_store_check_report_editable (store, report->id, error))
    goto failed;

  stmt = kh_store_prepare (store,
                           "UPDATE report SET period = ?2, start_on = ?3, end_on = ?4, title = ?5,"
                           " opening = ?6, results_generated = ?7, results_text = ?8,"
                           " favourable = ?9, difficulties = ?10, proposals = ?11, direction = ?12,"
                           " closing = ?13, with_table = ?14, addressees = ?15, signer_id = ?16,"
                           " authority = ?17, updated_at = datetime('now') WHERE id = ?1",
                           error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, report->id);
  bind_text_fields (stmt, report);
  if (!kh_store_step_done (store, stmt, error) ||
      !replace_recipients (store, report, error))
    goto failed;

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}

/* Between draft and for signing; issuing is kh_store_issue_report(). */
gboolean
kh_store_set_report_state (KhStore      *store,
                           gint64        id,
                           KhPlanState   state,
                           GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (state == KH_PLAN_STATE_ISSUED)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("A report is issued by recording its number and date."));
      return FALSE;
    }

  if (!kh_store_check_writable (store, error) ||
      !kh_store_check_report_editable (store, id, error))
    return FALSE;

  stmt = kh_store_prepare (store,
                           "UPDATE report SET state = ?2, updated_at = datetime('now') WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  kh_stmt_bind_text (stmt, 2, kh_plan_state_to_string (state));
  return kh_store_step_done (store, stmt, error);
}

static gboolean
check_issue (KhStore         *store,
             const KhReport  *report,
             int              number,
             const GDate     *issued_on,
             GError         **error)
{
  int year;

  if (number < 1 || number > MAX_NUMBER)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The report's number must be between 1 and %d."), MAX_NUMBER);
      return FALSE;
    }
  if (issued_on == NULL || !g_date_valid (issued_on))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Enter the date the report was issued."));
      return FALSE;
    }
  /* A report is written during its period's last days or after it;
   * the year's report often in the January after. */
  year = g_date_get_year (issued_on);
  if (g_date_compare (issued_on, &report->period.start) < 0 || year > report->period.year + 1)
    {
      g_autofree char *date = kh_format_date_short (issued_on);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("A report on “%s” cannot have been issued on %s."), report->title, date);
      return FALSE;
    }
  if (report->signer_id == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Choose who signed the report before recording its number."));
      return FALSE;
    }

  return kh_store_check_number_free (store, KH_REPORT_DOC_TYPE, year, number, error);
}

/* Records the number and date the report was issued under, registers
 * the number as a "BC" of the year, and freezes the report. */
gboolean
kh_store_issue_report (KhStore      *store,
                       gint64        id,
                       int           number,
                       const GDate  *issued_on,
                       GError      **error)
{
  g_autoptr(KhReport) report = NULL;
  g_autoptr(KhStmt) update = NULL;
  g_autofree char *summary = NULL;

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!kh_store_check_report_editable (store, id, error) ||
      !(report = kh_store_load_report (store, id, error)) ||
      !check_issue (store, report, number, issued_on, error))
    goto failed;

  update = kh_store_prepare (store,
                             "UPDATE report SET state = 'issued', number = ?2, issued_on = ?3,"
                             " updated_at = datetime('now') WHERE id = ?1",
                             error);
  if (update == NULL)
    goto failed;
  sqlite3_bind_int64 (update, 1, id);
  sqlite3_bind_int (update, 2, number);
  kh_stmt_bind_date (update, 3, issued_on);
  if (!kh_store_step_done (store, update, error))
    goto failed;

  summary = g_strconcat ("Báo cáo ", report->title, NULL);
  if (!kh_store_register_number (store, KH_REPORT_DOC_TYPE, number, issued_on, summary, 0, id, error))
    goto failed;

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}

/* Deletes a report that was never issued. */
gboolean
kh_store_delete_report (KhStore  *store,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!kh_store_check_report_editable (store, id, error))
    {
      if (error != NULL && g_error_matches (*error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN))
        {
          g_clear_error (error);
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN,
                       _("An issued report is part of the agency’s records and cannot be deleted."));
        }
      goto failed;
    }

  if (!(stmt = kh_store_prepare (store, "DELETE FROM report WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!kh_store_step_done (store, stmt, error))
    goto failed;

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}
