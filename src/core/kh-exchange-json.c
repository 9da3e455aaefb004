/* kh-exchange-json.c — reading an exchange file's tree
 *
 * Typed access to the members of the file's tree (kh-json.h) that
 * tolerates what the checks already reported, ISO dates, folded names,
 * and rows found by uid: shared by the checks (kh-exchange-check.c) and
 * the import (kh-exchange-import.c).
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

gboolean
kh_exchange_is_string (KhJsonNode *node)
{
  return kh_json_node_get_node_type (node) == KH_JSON_STRING;
}

gboolean
kh_exchange_is_integer (KhJsonNode *node)
{
  return kh_json_node_get_node_type (node) == KH_JSON_INTEGER;
}

gboolean
kh_exchange_is_number (KhJsonNode *node)
{
  KhJsonType type = kh_json_node_get_node_type (node);

  return type == KH_JSON_INTEGER || type == KH_JSON_DOUBLE;
}

gboolean
kh_exchange_is_boolean (KhJsonNode *node)
{
  return kh_json_node_get_node_type (node) == KH_JSON_BOOLEAN;
}

/* "" for a missing or null member: the checks made sure of the type. */
const char *
kh_exchange_string_of (KhJsonNode *object,
                       const char *name)
{
  const char *text = kh_json_node_get_string (kh_json_object_get_member (object, name), NULL);

  return text != NULL ? text : "";
}

const char *
kh_exchange_string_or_null (KhJsonNode *object,
                            const char *name)
{
  const char *text = kh_json_node_get_string (kh_json_object_get_member (object, name), NULL);

  return text != NULL && *text != '\0' ? text : NULL;
}

KhJsonNode *
kh_exchange_array_of (KhJsonNode *object,
                      const char *name)
{
  KhJsonNode *node = kh_json_object_get_member (object, name);

  return kh_json_node_get_node_type (node) == KH_JSON_ARRAY ? node : NULL;
}

KhJsonNode *
kh_exchange_object_at (KhJsonNode *array,
                       guint       index)
{
  KhJsonNode *node = kh_json_array_get_element (array, index);

  return kh_json_node_get_node_type (node) == KH_JSON_OBJECT ? node : NULL;
}

/* A small part of the file as json-glib's tree, for what is stored as
 * JSON text (a plan's part four). Its texts are normalised, as every
 * stored text is: besides, json-glib 1.6 writes U+001F unescaped, and
 * an export holding one would not import back. The parser bounded the
 * depth. */
JsonNode *
kh_exchange_to_json_node (KhJsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  switch (kh_json_node_get_node_type (node))
    {
    case KH_JSON_BOOLEAN:
      return json_node_init_boolean (copy, kh_json_node_get_boolean (node));
    case KH_JSON_INTEGER:
      return json_node_init_int (copy, kh_json_node_get_int (node));
    case KH_JSON_DOUBLE:
      return json_node_init_double (copy, kh_json_node_get_double (node));
    case KH_JSON_STRING:
      {
        g_autofree char *text = kh_text_normalize (kh_json_node_get_string (node, NULL));

        return json_node_init_string (copy, text);
      }
    case KH_JSON_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_sized_new (kh_json_node_get_length (node));

        for (guint i = 0; i < kh_json_node_get_length (node); i++)
          json_array_add_element (array, kh_exchange_to_json_node (kh_json_array_get_element (node, i)));
        return json_node_init_array (copy, array);
      }
    case KH_JSON_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        for (guint i = 0; i < kh_json_node_get_length (node); i++)
          {
            g_autofree char *name = kh_text_normalize (kh_json_object_get_name (node, i));

            json_object_set_member (object, name, kh_exchange_to_json_node (kh_json_object_get_value (node, i)));
          }
        return json_node_init_object (copy, object);
      }
    case KH_JSON_NULL:
    default:
      return json_node_init_null (copy);
    }
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
