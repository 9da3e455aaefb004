/* kh-template.c — plan templates: built-in and the agency's own
 *
 * A template is the skeleton of a plan, written once for every agency
 * and every year: its text names them through placeholders ({year},
 * {agency}, {locality}… see kh-placeholders.c), and its default tasks
 * name the kind of department that leads them (office, culture,
 * justice, radio, finance, front), since every agency calls its
 * departments differently. The body is JSON:
 *
 *   { "format": "kehoach-template", "version": 1,
 *     "id":      built-in ones only: which file of data/templates it is
 *     "name", "doc_type" ("KH"), "kind" ("cchc"),
 *     "title" ("\n" between its lines), "intro", "closing",
 *     "bases": [ … ], "recipients": [ … ]   bare, as plans store them
 *     "sections": [ { "heading", "body", "generated", "children": [ … ] } ],
 *     "tasks": [ { "department_kind", "department" (a name, when no kind
 *                  fits), "support_kinds": [ … ], "supports": [ names ],
 *                  "title", "description", "rhythm",
 *                  "deadline" ("{year}-03-31", "{year+1}-01-15"),
 *                  "indicator" (an indicator's name), "target" } ] }
 *
 * Built-in templates ship in data/templates and are installed into the
 * template table, where the clerk can rename them but not delete them.
 * kh-template-save.c makes templates from plans, kh-plan-new.c plans
 * from templates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-resources.h"
#include "kh-store-private.h"
#include "kh-template-private.h"
#include "kh-text.h"

#define MAX_NAME_LENGTH 200

/* Under data/, in the order the list shows them. */
static const char * const builtin_resources[] = {
  "templates/ke-hoach-tuyen-truyen-cchc.json",
};

G_DEFINE_BOXED_TYPE (KhTemplate, kh_template, kh_template_copy, kh_template_free)

KhTemplate *
kh_template_copy (const KhTemplate *tmpl)
{
  KhTemplate *copy = g_new0 (KhTemplate, 1);

  *copy = *tmpl;
  copy->name = g_strdup (tmpl->name);
  copy->doc_type = g_strdup (tmpl->doc_type);
  copy->kind = g_strdup (tmpl->kind);
  copy->body = g_strdup (tmpl->body);
  return copy;
}

void
kh_template_free (KhTemplate *tmpl)
{
  if (tmpl == NULL)
    return;

  g_free (tmpl->name);
  g_free (tmpl->doc_type);
  g_free (tmpl->kind);
  g_free (tmpl->body);
  g_free (tmpl);
}

/* The name with {year} and {prev_year} filled in, for a list that
 * offers templates for a year. */
char *
kh_template_display_name (const KhTemplate *tmpl,
                          int               year)
{
  g_autofree char *this_year = g_strdup_printf ("%d", year);
  g_autofree char *prev_year = g_strdup_printf ("%d", year - 1);
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (tmpl != NULL, NULL);

  parts = g_strsplit (tmpl->name, "{year}", -1);
  joined = g_strjoinv (this_year, parts);
  g_strfreev (parts);
  parts = g_strsplit (joined, "{prev_year}", -1);
  return g_strjoinv (prev_year, parts);
}

/* JSON */

const char *
kh_json_member_string (JsonObject *object,
                       const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

double
kh_json_member_number (JsonObject *object,
                       const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) == G_TYPE_STRING)
    return 0;
  return json_node_get_double (node);
}

JsonArray *
kh_json_member_array (JsonObject *object,
                      const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
kh_json_element_object (JsonArray *array,
                        guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

char **
kh_json_member_strv (JsonObject *object,
                     const char *name)
{
  JsonArray *array = kh_json_member_array (object, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

/* The body's root object, checked to be a template of a version this
 * build reads; name is the template's, for the message. */
JsonNode *
kh_template_parse_body (const char  *name,
                        const char  *body,
                        GError     **error)
{
  g_autoptr(JsonNode) root = json_from_string (body, NULL);
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  if (object == NULL ||
      g_strcmp0 (kh_json_member_string (object, "format"), KH_TEMPLATE_FORMAT) != 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   _("The template “%s” is damaged: it is not a Kế Hoạch template."), name);
      return NULL;
    }
  if (kh_json_member_number (object, "version") > KH_TEMPLATE_FORMAT_VERSION)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW,
                   _("The template “%s” was made by a newer version of Kế Hoạch. Update Kế Hoạch to use it."),
                   name);
      return NULL;
    }

  return g_steal_pointer (&root);
}

static JsonNode *
load_builtin (const char  *resource,
              char       **text,
              GError     **error)
{
  g_autoptr(GBytes) bytes = kh_resources_lookup (resource, error);
  g_autofree char *body = NULL;
  JsonNode *root;

  if (bytes == NULL)
    return NULL;

  body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!(root = kh_template_parse_body (resource, body, error)))
    return NULL;

  if (text != NULL)
    *text = g_steal_pointer (&body);
  return root;
}

/* The built-in template for plans of that kind, read from the app's
 * data (not the table: it is the same text whatever its name there). */
JsonNode *
kh_template_builtin_of_kind (const char  *kind,
                             GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_resources); i++)
    {
      g_autoptr(JsonNode) root = load_builtin (builtin_resources[i], NULL, error);

      if (root == NULL)
        return NULL;
      if (g_strcmp0 (kh_json_member_string (json_node_get_object (root), "kind"), kind) == 0)
        return g_steal_pointer (&root);
    }

  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
               _("Kế Hoạch has no blank form for plans of the kind “%s”."), kind);
  return NULL;
}

/* The table */

static KhTemplate *
template_from_row (KhStmt *stmt)
{
  KhTemplate *tmpl = g_new0 (KhTemplate, 1);
  g_autoptr(JsonNode) root = NULL;
  const char *kind;

  tmpl->id = sqlite3_column_int64 (stmt, 0);
  tmpl->name = g_strdup (kh_stmt_column_text (stmt, 1));
  tmpl->doc_type = g_strdup (kh_stmt_column_text (stmt, 2));
  tmpl->builtin = sqlite3_column_int (stmt, 3) != 0;
  tmpl->body = g_strdup (kh_stmt_column_text (stmt, 4));

  root = json_from_string (tmpl->body, NULL);
  kind = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
    ? kh_json_member_string (json_node_get_object (root), "kind") : "";
  tmpl->kind = g_strdup (*kind != '\0' ? kind : KH_PLAN_KIND_CCHC);
  return tmpl;
}

#define TEMPLATE_COLUMNS "id, name, doc_type, builtin, body"

/* Built-in templates first, then the agency's own by name. */
GPtrArray *
kh_store_list_templates (KhStore  *store,
                         GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_template_free);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT " TEMPLATE_COLUMNS " FROM template ORDER BY builtin DESC, name, id",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (templates, template_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&templates);
}

KhTemplate *
kh_store_get_template (KhStore  *store,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT " TEMPLATE_COLUMNS " FROM template WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The template no longer exists."));
      return NULL;
    }

  return template_from_row (stmt);
}

/* The id of the installed copy of a built-in template, or 0. */
static gint64
find_builtin (KhStore    *store,
              const char *builtin_id,
              char      **body)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT id, body FROM template WHERE builtin = 1", NULL);
  if (stmt == NULL)
    return 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) root = json_from_string (kh_stmt_column_text (stmt, 1), NULL);

      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
          g_strcmp0 (kh_json_member_string (json_node_get_object (root), "id"), builtin_id) == 0)
        {
          *body = g_strdup (kh_stmt_column_text (stmt, 1));
          return sqlite3_column_int64 (stmt, 0);
        }
    }

  return 0;
}

static gboolean
install_builtin (KhStore     *store,
                 const char  *resource,
                 GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *installed_body = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(KhStmt) stmt = NULL;
  JsonObject *object;
  gint64 id;

  if (!(root = load_builtin (resource, &text, error)))
    return FALSE;
  object = json_node_get_object (root);
  body = kh_text_normalize (text);

  /* Installed already: a newer version of the app may bring better
   * text; the name stays the clerk's. */
  if ((id = find_builtin (store, kh_json_member_string (object, "id"), &installed_body)) != 0)
    {
      if (g_strcmp0 (installed_body, body) == 0)
        return TRUE;
      if (!(stmt = kh_store_prepare (store, "UPDATE template SET body = ?2 WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      kh_stmt_bind_text (stmt, 2, body);
      return kh_store_step_done (store, stmt, error);
    }

  stmt = kh_store_prepare (store,
                           "INSERT INTO template (name, doc_type, builtin, body) VALUES (?1, ?2, 1, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  kh_stmt_bind_text (stmt, 1, kh_json_member_string (object, "name"));
  kh_stmt_bind_text (stmt, 2, kh_json_member_string (object, "doc_type"));
  kh_stmt_bind_text (stmt, 3, body);
  return kh_store_step_done (store, stmt, error);
}

/* Puts the templates that ship with the app into the table, each once;
 * safe to call at every start. */
gboolean
kh_store_install_builtin_templates (KhStore  *store,
                                    GError  **error)
{
  g_return_val_if_fail (KH_IS_STORE (store), FALSE);

  if (!kh_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_resources); i++)
    if (!install_builtin (store, builtin_resources[i], error))
      {
        kh_store_rollback (store);
        return FALSE;
      }

  return kh_store_commit (store, error);
}

/* The name, cleaned, or NULL when it is empty, too long, or another
 * template's (id is the template being renamed, or 0). */
char *
kh_template_check_name (KhStore     *store,
                        gint64       id,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *clean = kh_text_strip (name ? name : "");
  g_autofree char *wanted = g_utf8_casefold (clean, -1);
  g_autoptr(KhStmt) stmt = NULL;

  if (*clean == '\0')
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The template needs a name, for example “Kế hoạch tuyên truyền cải cách hành chính năm {year}”."));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > MAX_NAME_LENGTH)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The template’s name is too long (at most %d characters)."), MAX_NAME_LENGTH);
      return NULL;
    }

  if (!(stmt = kh_store_prepare (store, "SELECT id, name FROM template", error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *folded = g_utf8_casefold (kh_stmt_column_text (stmt, 1), -1);

      if (sqlite3_column_int64 (stmt, 0) != id && g_strcmp0 (folded, wanted) == 0)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS,
                       _("There is already a template called “%s”."), clean);
          return NULL;
        }
    }

  return g_steal_pointer (&clean);
}

gboolean
kh_store_rename_template (KhStore     *store,
                          gint64       id,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(KhTemplate) tmpl = NULL;
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = NULL;

  if (!kh_store_check_writable (store, error) ||
      !(tmpl = kh_store_get_template (store, id, error)) ||
      !(clean = kh_template_check_name (store, id, name, error)) ||
      !(stmt = kh_store_prepare (store, "UPDATE template SET name = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  kh_stmt_bind_text (stmt, 2, clean);
  return kh_store_step_done (store, stmt, error);
}

/* Deletes one of the agency's own templates; plans made from it stay. */
gboolean
kh_store_delete_template (KhStore  *store,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(KhTemplate) tmpl = NULL;
  g_autoptr(KhStmt) stmt = NULL;

  if (!kh_store_check_writable (store, error) ||
      !(tmpl = kh_store_get_template (store, id, error)))
    return FALSE;

  if (tmpl->builtin)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The template “%s” comes with Kế Hoạch and cannot be deleted. You can rename it, or save a plan as a template of your own."),
                   tmpl->name);
      return FALSE;
    }

  if (!(stmt = kh_store_prepare (store, "DELETE FROM template WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return kh_store_step_done (store, stmt, error);
}
