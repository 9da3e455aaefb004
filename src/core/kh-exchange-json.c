/* kh-exchange-json.c — reading an exchange file's tree
 *
 * Typed access to members that tolerates what the checks already
 * reported, ISO dates, folded names, and rows found by uid: shared by
 * the checks (kh-exchange-check.c) and the import (kh-exchange-import.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-exchange"

#include "config.h"

#include <string.h>

#include "kh-exchange-private.h"
#include "kh-text.h"

char *
kh_exchange_fold (const char *name)
{
  g_autofree char *clean = kh_text_strip (name != NULL ? name : "");

  return g_utf8_casefold (clean, -1);
}

JsonNode *
kh_exchange_member (JsonObject *object,
                    const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

gboolean
kh_exchange_is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

gboolean
kh_exchange_is_string (JsonNode *node)
{
  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
kh_exchange_is_integer (JsonNode *node)
{
  return node != NULL && json_node_get_value_type (node) == G_TYPE_INT64;
}

gboolean
kh_exchange_is_number (JsonNode *node)
{
  return node != NULL && (json_node_get_value_type (node) == G_TYPE_INT64 ||
                          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* "" for a missing or null member: the checks made sure of the type. */
const char *
kh_exchange_string_of (JsonObject *object,
                       const char *name)
{
  JsonNode *node = kh_exchange_member (object, name);

  return kh_exchange_is_string (node) ? json_node_get_string (node) : "";
}

const char *
kh_exchange_string_or_null (JsonObject *object,
                            const char *name)
{
  JsonNode *node = kh_exchange_member (object, name);

  return kh_exchange_is_string (node) && *json_node_get_string (node) != '\0' ? json_node_get_string (node) : NULL;
}

JsonArray *
kh_exchange_array_of (JsonObject *object,
                      const char *name)
{
  JsonNode *node = kh_exchange_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

guint
kh_exchange_length_of (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

JsonObject *
kh_exchange_object_at (JsonArray *array,
                       guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
kh_exchange_parse_date (const char *text,
                        GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint)g_ascii_strtoull (text, NULL, 10);
  month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return TRUE;
}

gint64
kh_exchange_find_by_uid (KhStore    *store,
                         const char *table,
                         const char *uid,
                         gint64     *plan_id,
                         char      **state)
{
  const char *sql;
  g_autoptr(KhStmt) stmt = NULL;
  gint64 id = 0;

  /* Written out: this runs once a row of the file. */
  if (g_str_equal (table, "plan"))
    sql = "SELECT id, 0, state FROM plan WHERE uid = ?1";
  else if (g_str_equal (table, "task"))
    sql = "SELECT id, plan_id, '' FROM task WHERE uid = ?1";
  else if (g_str_equal (table, "result"))
    sql = "SELECT id, plan_id, '' FROM result WHERE uid = ?1";
  else if (g_str_equal (table, "report"))
    sql = "SELECT id, plan_id, state FROM report WHERE uid = ?1";
  else
    g_return_val_if_reached (0);

  if (uid == NULL || !(stmt = kh_store_prepare (store, sql, NULL)))
    return 0;
  kh_stmt_bind_text (stmt, 1, uid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (plan_id != NULL)
        *plan_id = sqlite3_column_int64 (stmt, 1);
      if (state != NULL)
        *state = g_strdup (kh_stmt_column_text (stmt, 2));
    }
  return id;
}

gint64
kh_exchange_find_signer (KhStore    *store,
                         const char *name)
{
  g_autoptr(KhStmt) stmt = kh_store_prepare (store, "SELECT id, name FROM signer ORDER BY archived, id", NULL);
  g_autofree char *wanted = kh_exchange_fold (name);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *folded = kh_exchange_fold (kh_stmt_column_text (stmt, 1));

      if (g_str_equal (folded, wanted))
        return sqlite3_column_int64 (stmt, 0);
    }
  return 0;
}
