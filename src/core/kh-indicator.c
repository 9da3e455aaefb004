/* kh-indicator.c — what results count: tin bài, băng rôn, hội nghị…
 *
 * Indicators have history (results and targets name them), so they are
 * archived, never deleted. The defaults come from the seeds and ship in
 * data/indicators.json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-indicator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kh-indicator.h"
#include "kh-resources.h"
#include "kh-store-private.h"
#include "kh-text.h"
#include "kh-vn-format.h"

#define DEFAULTS_RESOURCE "indicators.json"
#define MAX_NAME_LENGTH 200

G_DEFINE_BOXED_TYPE (KhIndicator, kh_indicator, kh_indicator_copy, kh_indicator_free)

KhIndicator *
kh_indicator_copy (const KhIndicator *indicator)
{
  KhIndicator *copy = g_new0 (KhIndicator, 1);

  *copy = *indicator;
  copy->name = g_strdup (indicator->name);
  copy->unit = g_strdup (indicator->unit);
  copy->form = g_strdup (indicator->form);
  return copy;
}

void
kh_indicator_free (KhIndicator *indicator)
{
  if (indicator == NULL)
    return;

  g_free (indicator->name);
  g_free (indicator->unit);
  g_free (indicator->form);
  g_free (indicator);
}

/* Vietnamese writing: "06" below ten as documents count, "1.200" with a
 * dot between thousands, "2,5" with a decimal comma. */
char *
kh_format_quantity (double quantity)
{
  double whole = floor (quantity);
  g_autoptr(GString) text = NULL;
  g_autofree char *digits = NULL;
  gsize len;

  if (quantity < 0 || quantity >= 1e15)
    return g_strdup ("?");

  if (quantity == whole && whole < 10)
    return kh_format_number ((int)whole);

  digits = g_strdup_printf ("%.0f", whole);
  len = strlen (digits);
  text = g_string_new (NULL);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, digits[i]);
    }

  if (quantity != whole)
    {
      g_autofree char *fraction = g_strdup_printf ("%.2f", quantity - whole);
      char *end = fraction + strlen (fraction) - 1;

      /* "0.50" → ",5" */
      while (*end == '0')
        *end-- = '\0';
      if (fraction[2] != '\0')
        g_string_append_printf (text, ",%s", fraction + 2);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "treo 06 băng rôn"; without a form, "06 băng rôn". */
char *
kh_indicator_format_quantity (const KhIndicator *indicator,
                              double             quantity)
{
  g_autofree char *number = kh_format_quantity (quantity);
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (indicator != NULL, NULL);

  if (!kh_text_is_blank (indicator->form))
    g_string_append_printf (text, "%s ", indicator->form);
  g_string_append (text, number);
  if (!kh_text_is_blank (indicator->unit))
    g_string_append_printf (text, " %s", indicator->unit);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static KhIndicator *
indicator_from_row (KhStmt *stmt)
{
  KhIndicator *indicator = g_new0 (KhIndicator, 1);

  indicator->id = sqlite3_column_int64 (stmt, 0);
  indicator->name = g_strdup (kh_stmt_column_text (stmt, 1));
  indicator->unit = g_strdup (kh_stmt_column_text (stmt, 2));
  indicator->form = g_strdup (kh_stmt_column_text (stmt, 3));
  indicator->position = sqlite3_column_int (stmt, 4);
  indicator->archived = sqlite3_column_int (stmt, 5) != 0;
  return indicator;
}

GPtrArray *
kh_store_list_indicators (KhStore   *store,
                          gboolean   include_archived,
                          GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_indicator_free);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT id, name, unit, form, position, archived FROM indicator"
                           " WHERE archived = 0 OR ?1 ORDER BY archived, position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_archived);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (indicators, indicator_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&indicators);
}

KhIndicator *
kh_store_get_indicator (KhStore  *store,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT id, name, unit, form, position, archived FROM indicator WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The indicator no longer exists."));
      return NULL;
    }

  return indicator_from_row (stmt);
}

/* Returns the id of the indicator of that name, or 0, folding
 * Vietnamese case (SQLite's NOCASE folds only ASCII). */
gint64
kh_store_find_indicator (KhStore    *store,
                         const char *name)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = kh_text_strip (name);
  g_autofree char *wanted = g_utf8_casefold (clean, -1);

  stmt = kh_store_prepare (store, "SELECT id, name FROM indicator", NULL);
  if (stmt == NULL)
    return 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *folded = g_utf8_casefold (kh_stmt_column_text (stmt, 1), -1);

      if (g_strcmp0 (folded, wanted) == 0)
        return sqlite3_column_int64 (stmt, 0);
    }

  return 0;
}

static char *
checked_name (KhStore     *store,
              gint64       id,
              const char  *name,
              GError     **error)
{
  g_autofree char *clean = kh_text_strip (name);
  gint64 other;

  if (*clean == '\0')
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The indicator needs a name, for example “Băng rôn”."));
      return NULL;
    }

  if (g_utf8_strlen (clean, -1) > MAX_NAME_LENGTH)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The indicator’s name is too long (at most %d characters)."),
                   MAX_NAME_LENGTH);
      return NULL;
    }

  other = kh_store_find_indicator (store, clean);
  if (other != 0 && other != id)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("There is already an indicator called “%s”."), clean);
      return NULL;
    }

  return g_steal_pointer (&clean);
}

gint64
kh_store_add_indicator (KhStore     *store,
                        const char  *name,
                        const char  *unit,
                        const char  *form,
                        GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *clean_unit = NULL;
  g_autofree char *clean_form = NULL;

  if (!kh_store_check_writable (store, error))
    return 0;

  if (!(clean = checked_name (store, 0, name, error)))
    return 0;

  stmt = kh_store_prepare (store,
                           "INSERT INTO indicator (name, unit, form, position)"
                           " VALUES (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM indicator))",
                           error);
  if (stmt == NULL)
    return 0;

  clean_unit = kh_text_strip (unit ? unit : "");
  clean_form = kh_text_strip (form ? form : "");
  kh_stmt_bind_text (stmt, 1, clean);
  kh_stmt_bind_text (stmt, 2, clean_unit);
  kh_stmt_bind_text (stmt, 3, clean_form);
  if (!kh_store_step_done (store, stmt, error))
    return 0;

  return kh_store_last_insert_id (store);
}

gboolean
kh_store_update_indicator (KhStore     *store,
                           gint64       id,
                           const char  *name,
                           const char  *unit,
                           const char  *form,
                           GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *clean_unit = NULL;
  g_autofree char *clean_form = NULL;

  if (!kh_store_check_writable (store, error))
    return FALSE;

  if (!(clean = checked_name (store, id, name, error)))
    return FALSE;

  stmt = kh_store_prepare (store,
                           "UPDATE indicator SET name = ?2, unit = ?3, form = ?4 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  clean_unit = kh_text_strip (unit ? unit : "");
  clean_form = kh_text_strip (form ? form : "");
  sqlite3_bind_int64 (stmt, 1, id);
  kh_stmt_bind_text (stmt, 2, clean);
  kh_stmt_bind_text (stmt, 3, clean_unit);
  kh_stmt_bind_text (stmt, 4, clean_form);
  if (!kh_store_step_done (store, stmt, error))
    return FALSE;

  if (kh_store_changes (store) == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The indicator no longer exists."));
      return FALSE;
    }

  return TRUE;
}

/* Moves an indicator to new_index and renumbers all positions 0…n-1 in
 * one transaction. */
gboolean
kh_store_move_indicator (KhStore   *store,
                         gint64     id,
                         int        new_index,
                         GError   **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(KhStmt) update = NULL;
  KhIndicator *moving = NULL;

  if (!kh_store_begin (store, error))
    return FALSE;

  indicators = kh_store_list_indicators (store, TRUE, error);
  update = indicators ? kh_store_prepare (store,
                                          "UPDATE indicator SET position = ?2 WHERE id = ?1",
                                          error) : NULL;
  if (update == NULL)
    goto failed;

  for (guint i = 0; i < indicators->len && moving == NULL; i++)
    if (((KhIndicator *)indicators->pdata[i])->id == id)
      moving = g_ptr_array_steal_index (indicators, i);

  if (moving == NULL)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The indicator no longer exists."));
      goto failed;
    }

  new_index = CLAMP (new_index, 0, (int)indicators->len);
  g_ptr_array_insert (indicators, new_index, moving);

  for (guint i = 0; i < indicators->len; i++)
    {
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, ((KhIndicator *)indicators->pdata[i])->id);
      sqlite3_bind_int (update, 2, (int)i);
      if (!kh_store_step_done (store, update, error))
        goto failed;
    }

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}

gboolean
kh_store_set_indicator_archived (KhStore   *store,
                                 gint64     id,
                                 gboolean   archived,
                                 GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (!kh_store_check_writable (store, error))
    return FALSE;

  stmt = kh_store_prepare (store, "UPDATE indicator SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  if (!kh_store_step_done (store, stmt, error))
    return FALSE;

  if (kh_store_changes (store) == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The indicator no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/* Installs the indicators of the seeds once, into an empty table, so a
 * clerk who renamed or archived them never sees them come back. */
gboolean
kh_store_install_default_indicators (KhStore  *store,
                                     GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(KhStmt) count = NULL;
  JsonNode *root;
  JsonNode *member;
  JsonArray *indicators;

  if (!kh_store_check_writable (store, error))
    return FALSE;

  count = kh_store_prepare (store, "SELECT count(*) FROM indicator", error);
  if (count == NULL)
    return FALSE;
  if (sqlite3_step (count) == SQLITE_ROW && sqlite3_column_int (count, 0) > 0)
    return TRUE;

  bytes = kh_resources_lookup (DEFAULTS_RESOURCE, error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    return FALSE;

  root = json_parser_get_root (parser);
  member = JSON_NODE_HOLDS_OBJECT (root) ?
    json_object_get_member (json_node_get_object (root), "indicators") : NULL;
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   _("The built-in list of indicators is damaged."));
      return FALSE;
    }
  indicators = json_node_get_array (member);

  if (!kh_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (indicators); i++)
    {
      JsonObject *indicator = json_array_get_object_element (indicators, i);

      if (indicator == NULL ||
          !kh_store_add_indicator (store,
                                   json_object_get_string_member_with_default (indicator, "name", ""),
                                   json_object_get_string_member_with_default (indicator, "unit", ""),
                                   json_object_get_string_member_with_default (indicator, "form", ""),
                                   error))
        {
          if (indicator == NULL)
            g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                         _("The built-in list of indicators is damaged."));
          kh_store_rollback (store);
          return FALSE;
        }
    }

  return kh_store_commit (store, error);
}
