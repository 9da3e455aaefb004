/* kh-register.c — the register of issued document numbers
 *
 * Numbers run per year and per type of document (KH, BC…), as the văn
 * thư's register keeps them; plans and reports are issued through the
 * same two steps: check that the number is free, then register it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-agency.h"
#include "kh-register.h"
#include "kh-store-private.h"
#include "kh-vn-format.h"

/* Refuses a number the year's register already holds for that type of
 * document, naming the document that holds it. */
gboolean
kh_store_check_number_free (KhStore     *store,
                            const char  *doc_type,
                            int          year,
                            int          number,
                            GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autofree char *symbol = NULL;
  g_autofree char *date = NULL;
  GDate other;

  stmt = kh_store_prepare (store,
                           "SELECT summary, issued_on FROM document_number"
                           " WHERE year = ?1 AND doc_type = ?2 AND number = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, year);
  kh_stmt_bind_text (stmt, 2, doc_type);
  sqlite3_bind_int (stmt, 3, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  agency = kh_store_load_agency (store, NULL);
  symbol = kh_format_doc_symbol (number, doc_type, agency ? agency->abbreviation : "");
  date = kh_stmt_column_date (stmt, 1, &other) ? kh_format_date_short (&other) : g_strdup ("?");
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS,
               _("Number %s is already used in %d by “%s”, issued on %s."),
               symbol, year, kh_stmt_column_text (stmt, 0), date);
  return FALSE;
}

/* Registers the number under the year of its issue date; summary is
 * the document's one-line description ("Kế hoạch Tuyên truyền…"). */
gboolean
kh_store_register_number (KhStore      *store,
                          const char   *doc_type,
                          int           number,
                          const GDate  *issued_on,
                          const char   *summary,
                          gint64        plan_id,
                          gint64        report_id,
                          GError      **error)
{
  g_autoptr(KhStmt) insert = NULL;
  g_autofree char *line = g_strdup (summary);

  insert = kh_store_prepare (store,
                             "INSERT INTO document_number"
                             " (year, doc_type, number, issued_on, summary, plan_id, report_id)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             error);
  if (insert == NULL)
    return FALSE;

  /* One line, as a register lists it. */
  g_strdelimit (line, "\n", ' ');
  sqlite3_bind_int (insert, 1, g_date_get_year (issued_on));
  kh_stmt_bind_text (insert, 2, doc_type);
  sqlite3_bind_int (insert, 3, number);
  kh_stmt_bind_date (insert, 4, issued_on);
  kh_stmt_bind_text (insert, 5, line);
  kh_stmt_bind_id (insert, 6, plan_id);
  kh_stmt_bind_id (insert, 7, report_id);
  return kh_store_step_done (store, insert, error);
}
