/* kh-result.c — what a department did, on a day, and how much of it
 *
 * Results are what the reports count: “treo 06 băng rôn” is the sum of
 * the quantities of the “Băng rôn” results in the period. A result may
 * answer a task of the plan or stand outside the tasks (the Tết
 * propaganda of the seed report).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-result"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-result-private.h"
#include "kh-store-private.h"
#include "kh-text.h"
#include "kh-vn-format.h"

G_DEFINE_BOXED_TYPE (KhResult, kh_result, kh_result_copy, kh_result_free)

KhResult *
kh_result_new (gint64       plan_id,
               gint64       department_id,
               const GDate *done_on,
               const char  *description)
{
  KhResult *result = g_new0 (KhResult, 1);

  result->plan_id = plan_id;
  result->department_id = department_id;
  g_date_clear (&result->done_on, 1);
  if (done_on != NULL)
    result->done_on = *done_on;
  result->description = g_strdup (description ? description : "");
  result->evidence = g_strdup ("");
  return result;
}

KhResult *
kh_result_copy (const KhResult *result)
{
  KhResult *copy = g_new0 (KhResult, 1);

  *copy = *result;
  copy->description = g_strdup (result->description);
  copy->evidence = g_strdup (result->evidence);
  return copy;
}

void
kh_result_free (KhResult *result)
{
  if (result == NULL)
    return;

  g_free (result->description);
  g_free (result->evidence);
  g_free (result);
}

KhResult *
kh_result_from_row (KhStmt *stmt)
{
  KhResult *result = kh_result_new (sqlite3_column_int64 (stmt, 1),
                                    sqlite3_column_int64 (stmt, 2),
                                    NULL,
                                    kh_stmt_column_text (stmt, 7));

  result->id = sqlite3_column_int64 (stmt, 0);
  result->task_id = sqlite3_column_int64 (stmt, 3);
  kh_stmt_column_date (stmt, 4, &result->done_on);
  result->indicator_id = sqlite3_column_int64 (stmt, 5);
  result->quantity = sqlite3_column_double (stmt, 6);
  g_free (result->evidence);
  result->evidence = g_strdup (kh_stmt_column_text (stmt, 8));
  return result;
}

/* The plan's results from `from` to `to` (both included; NULL leaves
 * that end open), oldest first. */
GPtrArray *
kh_store_list_results (KhStore      *store,
                       gint64        plan_id,
                       const GDate  *from,
                       const GDate  *to,
                       GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_result_free);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT " KH_RESULT_COLUMNS " FROM result WHERE plan_id = ?1"
                           " AND (?2 IS NULL OR done_on >= ?2) AND (?3 IS NULL OR done_on <= ?3)"
                           " ORDER BY done_on, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  kh_stmt_bind_date (stmt, 2, from);
  kh_stmt_bind_date (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (results, kh_result_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&results);
}

KhResult *
kh_store_get_result (KhStore  *store,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT " KH_RESULT_COLUMNS " FROM result WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The result no longer exists."));
      return NULL;
    }

  return kh_result_from_row (stmt);
}

/* Sums the quantities of one indicator in the plan's results, for one
 * department or (department_id 0) all, between two dates (NULL: open). */
gboolean
kh_store_sum_results (KhStore      *store,
                      gint64        plan_id,
                      gint64        indicator_id,
                      gint64        department_id,
                      const GDate  *from,
                      const GDate  *to,
                      double       *sum,
                      GError      **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (sum != NULL, FALSE);

  stmt = kh_store_prepare (store,
                           "SELECT total(quantity) FROM result WHERE plan_id = ?1 AND indicator_id = ?2"
                           " AND (?3 IS NULL OR department_id = ?3)"
                           " AND (?4 IS NULL OR done_on >= ?4) AND (?5 IS NULL OR done_on <= ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, indicator_id);
  kh_stmt_bind_id (stmt, 3, department_id);
  kh_stmt_bind_date (stmt, 4, from);
  kh_stmt_bind_date (stmt, 5, to);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return kh_store_set_error (store, rc, error);

  *sum = sqlite3_column_double (stmt, 0);
  return TRUE;
}

static gboolean
plan_year (KhStore  *store,
           gint64    plan_id,
           int      *year,
           GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT year FROM plan WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The plan no longer exists."));
      return FALSE;
    }

  *year = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gint64
task_plan (KhStore *store,
           gint64   task_id)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT plan_id FROM task WHERE id = ?1", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, task_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
check_result (KhStore         *store,
              const KhResult  *result,
              GError         **error)
{
  g_autoptr(KhDepartment) department = NULL;
  GDate first, last;
  int year = 0;

  if (!plan_year (store, result->plan_id, &year, error))
    return FALSE;

  if (result->department_id == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Choose the department that did the work."));
      return FALSE;
    }
  if (!(department = kh_store_get_department (store, result->department_id, NULL)))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The department chosen for the result no longer exists."));
      return FALSE;
    }
  if (result->task_id != 0 && task_plan (store, result->task_id) != result->plan_id)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The task chosen for the result is not a task of this plan."));
      return FALSE;
    }

  if (!g_date_valid (&result->done_on))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Enter the date the work of %s was done."),
                   kh_department_get_name (department));
      return FALSE;
    }
  /* Report periods may close on a day of December (the cut-off day), so
   * the plan's year starts in the December before it. */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_DECEMBER, year - 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, year);
  if (g_date_compare (&result->done_on, &first) < 0 ||
      g_date_compare (&result->done_on, &last) > 0)
    {
      g_autofree char *date = kh_format_date_short (&result->done_on);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The result of %s dated %s falls outside the plan’s year, %d."),
                   kh_department_get_name (department), date, year);
      return FALSE;
    }

  if (!isfinite (result->quantity))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The quantity of a result of %s is not a number."),
                   kh_department_get_name (department));
      return FALSE;
    }
  if (result->quantity < 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The quantity of a result of %s cannot be negative."),
                   kh_department_get_name (department));
      return FALSE;
    }
  if (result->quantity > KH_RESULT_QUANTITY_MAX)
    {
      g_autofree char *quantity = kh_format_quantity (result->quantity);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("%s is too large a quantity for one result of %s (at most 1.000.000)."),
                   quantity, kh_department_get_name (department));
      return FALSE;
    }

  if (result->indicator_id != 0)
    {
      g_autoptr(KhIndicator) indicator = kh_store_get_indicator (store, result->indicator_id, NULL);

      if (indicator == NULL)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("The indicator chosen for the result no longer exists."));
          return FALSE;
        }
      if (result->quantity <= 0)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("Enter how many %s the result of %s counts (more than 0)."),
                       indicator->unit[0] != '\0' ? indicator->unit : indicator->name,
                       kh_department_get_name (department));
          return FALSE;
        }
    }
  else
    {
      if (result->quantity > 0)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("Choose what the quantity of the result of %s counts, for example “Băng rôn”."),
                       kh_department_get_name (department));
          return FALSE;
        }
      if (kh_text_is_blank (result->description))
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("Describe what %s did."), kh_department_get_name (department));
          return FALSE;
        }
    }

  return TRUE;
}

static void
bind_fields (KhStmt          *stmt,
             const KhResult  *result)
{
  g_autofree char *description = kh_text_strip (result->description ? result->description : "");
  g_autofree char *evidence = kh_text_strip (result->evidence ? result->evidence : "");

  sqlite3_bind_int64 (stmt, 2, result->plan_id);
  sqlite3_bind_int64 (stmt, 3, result->department_id);
  kh_stmt_bind_id (stmt, 4, result->task_id);
  kh_stmt_bind_date (stmt, 5, &result->done_on);
  kh_stmt_bind_id (stmt, 6, result->indicator_id);
  if (result->indicator_id != 0)
    sqlite3_bind_double (stmt, 7, result->quantity);
  else
    sqlite3_bind_null (stmt, 7);
  kh_stmt_bind_text (stmt, 8, description);
  kh_stmt_bind_text (stmt, 9, evidence);
}

gint64
kh_store_add_result (KhStore         *store,
                     const KhResult  *result,
                     GError         **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  g_return_val_if_fail (result != NULL, 0);

  if (!kh_store_check_writable (store, error) ||
      !check_result (store, result, error))
    return 0;

  stmt = kh_store_prepare (store,
                           "INSERT INTO result (plan_id, department_id, task_id, done_on,"
                           " indicator_id, quantity, description, evidence)"
                           " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    return 0;

  bind_fields (stmt, result);
  if (!kh_store_step_done (store, stmt, error))
    return 0;

  return kh_store_last_insert_id (store);
}

/* Saves every field of result->id; a result can move to another
 * department or task, not to another plan. */
gboolean
kh_store_update_result (KhStore         *store,
                        const KhResult  *result,
                        GError         **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  g_return_val_if_fail (result != NULL, FALSE);

  if (!kh_store_check_writable (store, error) ||
      !check_result (store, result, error))
    return FALSE;

  stmt = kh_store_prepare (store,
                           "UPDATE result SET department_id = ?3, task_id = ?4, done_on = ?5,"
                           " indicator_id = ?6, quantity = ?7, description = ?8, evidence = ?9"
                           " WHERE id = ?1 AND plan_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, result->id);
  bind_fields (stmt, result);
  if (!kh_store_step_done (store, stmt, error))
    return FALSE;

  if (kh_store_changes (store) == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The result no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
kh_store_delete_result (KhStore  *store,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (!kh_store_check_writable (store, error))
    return FALSE;

  stmt = kh_store_prepare (store, "DELETE FROM result WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kh_store_step_done (store, stmt, error))
    return FALSE;

  if (kh_store_changes (store) == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The result no longer exists."));
      return FALSE;
    }

  return TRUE;
}
