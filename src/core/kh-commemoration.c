/* kh-commemoration.c — commemorative days and their anniversaries
 *
 * Reports list the days of the coming period the way the seeds write
 * them: "79 năm Ngày Khởi nghĩa Ba Tơ (11/3/1945 – 11/3/2024)", or just
 * "Ngày Quốc tế Hạnh phúc (20/3)" for a day without a founding year.
 * The national days ship in data/commemorations.json; agencies add
 * their own (local = 1) and edit or archive any of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-commemoration"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "kh-commemoration.h"
#include "kh-resources.h"
#include "kh-store-private.h"
#include "kh-text.h"

#define RESOURCE "commemorations.json"

void
kh_commemoration_free (KhCommemoration *day)
{
  if (day == NULL)
    return;

  g_free (day->name);
  g_free (day);
}

/* 29 February is kept on 28 February in common years. */
static void
anniversary_date (GDate *date,
                  guint  day,
                  guint  month,
                  int    year)
{
  g_date_clear (date, 1);
  if (!g_date_valid_dmy (day, month, year))
    day = g_date_get_days_in_month (month, year);
  g_date_set_dmy (date, day, month, year);
}

char *
kh_format_anniversary (const char *name,
                       guint       day,
                       guint       month,
                       int         founding_year,
                       int         year)
{
  if (founding_year > 0 && founding_year < year)
    {
      GDate founded, now;
      g_autofree char *founded_text = NULL;
      g_autofree char *now_text = NULL;

      anniversary_date (&founded, day, month, founding_year);
      anniversary_date (&now, day, month, year);
      founded_text = kh_format_date_short (&founded);
      now_text = kh_format_date_short (&now);
      return g_strdup_printf ("%d năm %s (%s – %s)", year - founding_year, name,
                              founded_text, now_text);
    }
  else
    {
      g_autofree char *day_month = kh_format_day_month (day, month);
      return g_strdup_printf ("%s (%s)", name, day_month);
    }
}

static gboolean
check_fields (const char  *name,
              guint        day,
              guint        month,
              int          founding_year,
              GError     **error)
{
  if (kh_text_is_blank (name))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The commemorative day needs a name."));
      return FALSE;
    }
  /* 2024 is a leap year: 29/02 is a valid day to remember. */
  if (!g_date_valid_dmy (day, month, 2024))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Day %u of month %u does not exist."), day, month);
      return FALSE;
    }
  if (founding_year != 0 && (founding_year < 1 || founding_year > 9999))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("%d is not a year."), founding_year);
      return FALSE;
    }
  return TRUE;
}

gint64
kh_store_add_commemoration (KhStore     *store,
                            const char  *name,
                            guint        day,
                            guint        month,
                            int          founding_year,
                            gboolean     local,
                            GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = NULL;

  if (!kh_store_check_writable (store, error) ||
      !check_fields (name, day, month, founding_year, error))
    return 0;

  stmt = kh_store_prepare (store,
                           "INSERT INTO commemoration (name, day, month, founding_year, local)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return 0;

  clean = kh_text_strip (name);
  kh_stmt_bind_text (stmt, 1, clean);
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_int (stmt, 3, month);
  if (founding_year > 0)
    sqlite3_bind_int (stmt, 4, founding_year);
  sqlite3_bind_int (stmt, 5, local ? 1 : 0);
  if (!kh_store_step_done (store, stmt, error))
    return 0;

  return kh_store_last_insert_id (store);
}

gboolean
kh_store_update_commemoration (KhStore     *store,
                               gint64       id,
                               const char  *name,
                               guint        day,
                               guint        month,
                               int          founding_year,
                               GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = NULL;

  if (!kh_store_check_writable (store, error) ||
      !check_fields (name, day, month, founding_year, error))
    return FALSE;

  stmt = kh_store_prepare (store,
                           "UPDATE commemoration SET name = ?2, day = ?3, month = ?4,"
                           " founding_year = ?5 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  clean = kh_text_strip (name);
  sqlite3_bind_int64 (stmt, 1, id);
  kh_stmt_bind_text (stmt, 2, clean);
  sqlite3_bind_int (stmt, 3, day);
  sqlite3_bind_int (stmt, 4, month);
  if (founding_year > 0)
    sqlite3_bind_int (stmt, 5, founding_year);
  return kh_store_step_done (store, stmt, error);
}

gboolean
kh_store_set_commemoration_archived (KhStore   *store,
                                     gint64     id,
                                     gboolean   archived,
                                     GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (!kh_store_check_writable (store, error))
    return FALSE;

  stmt = kh_store_prepare (store, "UPDATE commemoration SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  return kh_store_step_done (store, stmt, error);
}

/* Installs the national days once, into an empty table. */
gboolean
kh_store_install_commemorations (KhStore  *store,
                                 GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(KhStmt) count = NULL;
  JsonArray *days;

  count = kh_store_prepare (store, "SELECT count(*) FROM commemoration", error);
  if (count == NULL)
    return FALSE;
  if (sqlite3_step (count) == SQLITE_ROW && sqlite3_column_int (count, 0) > 0)
    return TRUE;

  bytes = kh_resources_lookup (RESOURCE, error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    return FALSE;

  days = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "days");

  if (!kh_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      JsonObject *day = json_array_get_object_element (days, i);

      if (!kh_store_add_commemoration (store,
                                       json_object_get_string_member (day, "name"),
                                       json_object_get_int_member (day, "day"),
                                       json_object_get_int_member (day, "month"),
                                       json_object_get_int_member_with_default (day, "founding_year", 0),
                                       FALSE, error))
        {
          kh_store_rollback (store);
          return FALSE;
        }
    }

  return kh_store_commit (store, error);
}

GPtrArray *
kh_store_list_commemorations (KhStore   *store,
                              gboolean   include_archived,
                              GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_commemoration_free);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT id, name, day, month, coalesce(founding_year, 0), local, archived"
                           " FROM commemoration WHERE archived = 0 OR ?1 ORDER BY month, day, name",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_archived);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KhCommemoration *day = g_new0 (KhCommemoration, 1);

      day->id = sqlite3_column_int64 (stmt, 0);
      day->name = g_strdup (kh_stmt_column_text (stmt, 1));
      day->day = sqlite3_column_int (stmt, 2);
      day->month = sqlite3_column_int (stmt, 3);
      day->founding_year = sqlite3_column_int (stmt, 4);
      day->local = sqlite3_column_int (stmt, 5) != 0;
      day->archived = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (days, day);
    }

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

typedef struct
{
  GDate  date;
  char  *text;
} Anniversary;

static int
compare_anniversaries (gconstpointer a,
                       gconstpointer b)
{
  const Anniversary *x = *(Anniversary * const *)a;
  const Anniversary *y = *(Anniversary * const *)b;

  return g_date_compare (&x->date, &y->date);
}

static void
anniversary_free (Anniversary *anniversary)
{
  g_free (anniversary->text);
  g_free (anniversary);
}

/* The days that fall in the period, in date order, ready to insert
 * into a report's "phương hướng". */
char **
kh_store_list_anniversaries (KhStore         *store,
                             const KhPeriod  *period,
                             GError         **error)
{
  g_autoptr(GPtrArray) days = kh_store_list_commemorations (store, FALSE, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)anniversary_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int first_year, last_year;

  if (days == NULL)
    return NULL;

  first_year = g_date_get_year (&period->start);
  last_year = g_date_get_year (&period->end);

  for (guint i = 0; i < days->len; i++)
    {
      const KhCommemoration *day = days->pdata[i];

      for (int year = first_year; year <= last_year; year++)
        {
          Anniversary *anniversary;
          GDate date;

          anniversary_date (&date, day->day, day->month, year);
          if (!kh_period_contains (period, &date) ||
              (day->founding_year > 0 && day->founding_year > year))
            continue;

          anniversary = g_new0 (Anniversary, 1);
          anniversary->date = date;
          anniversary->text = kh_format_anniversary (day->name, day->day, day->month,
                                                     day->founding_year, year);
          g_ptr_array_add (found, anniversary);
        }
    }

  g_ptr_array_sort (found, compare_anniversaries);
  for (guint i = 0; i < found->len; i++)
    g_strv_builder_add (builder, ((Anniversary *)found->pdata[i])->text);

  return g_strv_builder_end (builder);
}
