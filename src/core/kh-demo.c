/* kh-demo.c — the demo agency: phường Phổ Minh and its 2024 plan
 *
 * The demo is data, not code: data/demo/pho-minh-2024.json, compiled
 * into core. It holds the seed documents as the app would store them:
 * the agency, its signers, departments and indicators, and the 2024
 * plan (Số 18/KH-UBND, 19/02/2024) with its full text, its part IV as
 * tasks, and the results of quý I 2024 that the seed report counts.
 *
 * The file mirrors the tables, with names in place of ids:
 *
 *   { "format": "kehoach-demo", "version": 1,
 *     "agency": { "parent_name", "name", "short_name", "locality",
 *                 "collective_name", "abbreviation", "place" },
 *     "signers": [ { "name", "title" } ],
 *     "default_recipients": [ "UBND thị xã", …, "Lưu: VT" ],
 *     "departments": [ { "name", "kind" } ],
 *     "indicators": [ { "name", "unit", "form" } ],
 *     "plans": [ {
 *       "year", "kind", "revision", "title" ("\n" between its lines),
 *       "bases": [ … ]        bare: no “Căn cứ ”, no final “;” or “.”
 *       "intro", "closing",
 *       "signer" (a signer's name), "authority" ("", "TM.", "KT."…),
 *       "state" ("draft", "signing", "issued"), "number", "issued_on",
 *       "recipients": [ … ]   bare: no “- ”, no final “;” or “.”
 *       "sections": [ { "heading", "body", "generated", "children": [ … ] } ],
 *       "tasks": [ { "ref", "title", "description", "lead", "support": [ … ],
 *                    "rhythm", "deadline", "indicator", "target",
 *                    "status", "done_on" } ],
 *       "results": [ { "date", "department", "task" (a task's ref),
 *                      "indicator", "quantity", "description", "evidence" } ]
 *     } ] }
 *
 * Dates are ISO 8601 (YYYY-MM-DD). Section bodies hold one paragraph
 * per line; “- ” starts a bullet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "kh-agency.h"
#include "kh-demo.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-plan.h"
#include "kh-resources.h"
#include "kh-result.h"
#include "kh-store-private.h"
#include "kh-task.h"

#define RESOURCE "demo/pho-minh-2024.json"
#define FORMAT "kehoach-demo"
#define FORMAT_VERSION 1

/* Everything a person entered, children before parents. The built-in
 * templates and national commemorative days stay: they ship with the
 * app. A table added by a later migration must be added here. */
static const char * const wipe_statements[] = {
  "DELETE FROM result",
  "DELETE FROM task_support",
  "DELETE FROM task",
  "DELETE FROM report_recipient",
  "DELETE FROM report",
  "DELETE FROM document_number",
  "DELETE FROM plan_section",
  "DELETE FROM plan_basis",
  "DELETE FROM plan_recipient",
  "DELETE FROM plan",
  "DELETE FROM template WHERE builtin = 0",
  "DELETE FROM indicator",
  "DELETE FROM department",
  "DELETE FROM signer",
  "DELETE FROM default_recipient",
  "DELETE FROM commemoration WHERE local = 1",
  ("UPDATE agency SET parent_name = '', name = '', short_name = '', locality = '',"
   " collective_name = '', abbreviation = '', place = '', period_cutoff_day = 0"),
};

typedef struct
{
  KhStore    *store;
  GHashTable *signers;    /* name → gint64 id */
} Loader;

/* JSON access that tolerates missing members */

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static double
member_number (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_double (node);
}

static guint
array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static JsonObject *
element_object (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char **
member_strv (JsonObject *object,
             const char *name)
{
  JsonArray *array = member_array (object, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < array_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static gboolean
damaged (GError     **error,
         const char  *what)
{
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
               _("The demo data is damaged (%s)."), what);
  return FALSE;
}

/* "" leaves the date invalid; anything else must be YYYY-MM-DD. */
static gboolean
parse_iso_date (const char  *text,
                GDate       *date,
                GError     **error)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || *text == '\0')
    return TRUE;

  if (sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_autofree char *what = g_strdup_printf ("date “%s”", text);
      return damaged (error, what);
    }

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gint64
find_department (KhStore     *store,
                 const char  *name,
                 GError     **error)
{
  gint64 id = kh_store_find_department (store, name);

  if (id == 0)
    {
      g_autofree char *what = g_strdup_printf ("unknown department “%s”", name);
      damaged (error, what);
    }
  return id;
}

static gint64
find_indicator (KhStore     *store,
                const char  *name,
                GError     **error)
{
  gint64 id;

  if (*name == '\0')
    return 0;

  if ((id = kh_store_find_indicator (store, name)) == 0)
    {
      g_autofree char *what = g_strdup_printf ("unknown indicator “%s”", name);
      damaged (error, what);
      return -1;
    }
  return id;
}

/* Loading, in the order of the foreign keys */

static gboolean
wipe (KhStore  *store,
      GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (wipe_statements); i++)
    {
      g_autoptr(KhStmt) stmt = kh_store_prepare (store, wipe_statements[i], error);

      if (stmt == NULL || !kh_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_agency (Loader      *loader,
             JsonObject  *root,
             GError     **error)
{
  JsonObject *object = member_object (root, "agency");
  g_autoptr(KhAgency) agency = kh_agency_new ();
  JsonArray *signers = member_array (root, "signers");
  g_auto(GStrv) recipients = member_strv (root, "default_recipients");

  if (object == NULL)
    return damaged (error, "no agency");

#define TAKE(field) g_free (agency->field); agency->field = g_strdup (member_string (object, #field))
  TAKE (parent_name);
  TAKE (name);
  TAKE (short_name);
  TAKE (locality);
  TAKE (collective_name);
  TAKE (abbreviation);
  TAKE (place);
#undef TAKE

  if (!kh_store_save_agency (loader->store, agency, error))
    return FALSE;

  for (guint i = 0; i < array_length (signers); i++)
    {
      JsonObject *signer = element_object (signers, i);
      gint64 id;

      if (signer == NULL)
        return damaged (error, "signers");
      id = kh_store_add_signer (loader->store, member_string (signer, "name"),
                                member_string (signer, "title"), error);
      if (id == 0)
        return FALSE;
      g_hash_table_insert (loader->signers, g_strdup (member_string (signer, "name")),
                           g_memdup2 (&id, sizeof id));
    }

  return kh_store_set_default_recipients (loader->store, (const char * const *)recipients, error);
}

static gboolean
load_lists (Loader      *loader,
            JsonObject  *root,
            GError     **error)
{
  JsonArray *departments = member_array (root, "departments");
  JsonArray *indicators = member_array (root, "indicators");

  for (guint i = 0; i < array_length (departments); i++)
    {
      JsonObject *department = element_object (departments, i);

      if (department == NULL)
        return damaged (error, "departments");
      if (kh_store_add_department (loader->store, member_string (department, "name"),
                                   member_string (department, "kind"), error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < array_length (indicators); i++)
    {
      JsonObject *indicator = element_object (indicators, i);

      if (indicator == NULL)
        return damaged (error, "indicators");
      /* An empty database may already have the default indicators. */
      if (kh_store_find_indicator (loader->store, member_string (indicator, "name")) != 0)
        continue;
      if (kh_store_add_indicator (loader->store, member_string (indicator, "name"),
                                  member_string (indicator, "unit"),
                                  member_string (indicator, "form"), error) == 0)
        return FALSE;
    }

  return TRUE;
}

static KhSection *
parse_section (JsonObject *object)
{
  KhSection *section = kh_section_new (member_string (object, "heading"),
                                       member_string (object, "body"));
  JsonArray *children = member_array (object, "children");

  g_free (section->generated);
  section->generated = g_strdup (member_string (object, "generated"));

  for (guint i = 0; i < array_length (children); i++)
    {
      JsonObject *child = element_object (children, i);

      if (child != NULL)
        kh_section_append_child (section, parse_section (child));
    }

  return section;
}

static KhPlan *
parse_plan (Loader      *loader,
            JsonObject  *object,
            GError     **error)
{
  g_autoptr(KhPlan) plan = kh_plan_new ((int)member_number (object, "year"),
                                        member_string (object, "title"));
  JsonArray *sections = member_array (object, "sections");
  const char *signer = member_string (object, "signer");

  g_free (plan->kind);
  plan->kind = g_strdup (member_string (object, "kind"));
  g_free (plan->revision);
  plan->revision = g_strdup (member_string (object, "revision"));
  g_free (plan->intro);
  plan->intro = g_strdup (member_string (object, "intro"));
  g_free (plan->closing);
  plan->closing = g_strdup (member_string (object, "closing"));
  g_free (plan->authority);
  plan->authority = g_strdup (member_string (object, "authority"));
  g_strfreev (plan->bases);
  plan->bases = member_strv (object, "bases");
  g_strfreev (plan->recipients);
  plan->recipients = member_strv (object, "recipients");

  if (*signer != '\0')
    {
      gint64 *id = g_hash_table_lookup (loader->signers, signer);

      if (id == NULL)
        {
          g_autofree char *what = g_strdup_printf ("unknown signer “%s”", signer);
          damaged (error, what);
          return NULL;
        }
      plan->signer_id = *id;
    }

  for (guint i = 0; i < array_length (sections); i++)
    {
      JsonObject *section = element_object (sections, i);

      if (section != NULL)
        g_ptr_array_add (plan->sections, parse_section (section));
    }

  return g_steal_pointer (&plan);
}

static gboolean
load_tasks (Loader      *loader,
            gint64       plan_id,
            JsonArray   *tasks,
            GHashTable  *refs,
            GError     **error)
{
  for (guint i = 0; i < array_length (tasks); i++)
    {
      JsonObject *object = element_object (tasks, i);
      g_autoptr(KhTask) task = NULL;
      g_auto(GStrv) support = NULL;
      gint64 lead, id;

      if (object == NULL)
        return damaged (error, "tasks");
      if ((lead = find_department (loader->store, member_string (object, "lead"), error)) == 0)
        return FALSE;

      task = kh_task_new (plan_id, member_string (object, "title"), lead);
      g_free (task->description);
      task->description = g_strdup (member_string (object, "description"));

      support = member_strv (object, "support");
      for (guint j = 0; support[j] != NULL; j++)
        {
          gint64 department = find_department (loader->store, support[j], error);

          if (department == 0)
            return FALSE;
          kh_task_add_support (task, department);
        }

      if (!kh_rhythm_from_string (member_string (object, "rhythm"), &task->rhythm))
        return damaged (error, "rhythm of a task");
      if (!kh_task_status_from_string (member_string (object, "status"), &task->status))
        task->status = KH_TASK_NOT_STARTED;
      if (!parse_iso_date (member_string (object, "deadline"), &task->deadline, error) ||
          !parse_iso_date (member_string (object, "done_on"), &task->done_on, error) ||
          (task->indicator_id = find_indicator (loader->store,
                                                member_string (object, "indicator"), error)) < 0)
        return FALSE;
      task->target = member_number (object, "target");

      if ((id = kh_store_add_task (loader->store, task, error)) == 0)
        return FALSE;

      g_hash_table_insert (refs, g_strdup (member_string (object, "ref")), g_memdup2 (&id, sizeof id));
    }

  return TRUE;
}

static gboolean
load_results (Loader      *loader,
              gint64       plan_id,
              JsonArray   *results,
              GHashTable  *refs,
              GError     **error)
{
  for (guint i = 0; i < array_length (results); i++)
    {
      JsonObject *object = element_object (results, i);
      g_autoptr(KhResult) result = NULL;
      const char *ref;
      gint64 department;

      if (object == NULL)
        return damaged (error, "results");
      if ((department = find_department (loader->store, member_string (object, "department"), error)) == 0)
        return FALSE;

      result = kh_result_new (plan_id, department, NULL, member_string (object, "description"));
      g_free (result->evidence);
      result->evidence = g_strdup (member_string (object, "evidence"));
      result->quantity = member_number (object, "quantity");

      ref = member_string (object, "task");
      if (*ref != '\0')
        {
          gint64 *task_id = g_hash_table_lookup (refs, ref);

          if (task_id == NULL)
            {
              g_autofree char *what = g_strdup_printf ("unknown task “%s”", ref);
              return damaged (error, what);
            }
          result->task_id = *task_id;
        }

      if (!parse_iso_date (member_string (object, "date"), &result->done_on, error) ||
          (result->indicator_id = find_indicator (loader->store,
                                                  member_string (object, "indicator"), error)) < 0 ||
          kh_store_add_result (loader->store, result, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_plan (Loader      *loader,
           JsonObject  *object,
           GError     **error)
{
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  KhPlanState state = KH_PLAN_STATE_DRAFT;
  gint64 id;

  if (!(plan = parse_plan (loader, object, error)) ||
      (id = kh_store_create_plan (loader->store, plan, error)) == 0)
    return FALSE;

  /* Tasks and results first: the text freezes when the plan is issued. */
  if (!load_tasks (loader, id, member_array (object, "tasks"), refs, error) ||
      !load_results (loader, id, member_array (object, "results"), refs, error))
    return FALSE;

  if (!kh_plan_state_from_string (member_string (object, "state"), &state))
    return damaged (error, "state of a plan");

  if (state == KH_PLAN_STATE_ISSUED)
    {
      GDate issued_on;

      if (!parse_iso_date (member_string (object, "issued_on"), &issued_on, error))
        return FALSE;
      return kh_store_issue_plan (loader->store, id, (int)member_number (object, "number"),
                                  &issued_on, error);
    }
  if (state == KH_PLAN_STATE_SIGNING)
    return kh_store_set_plan_state (loader->store, id, state, error);

  return TRUE;
}

static JsonParser *
parse_resource (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  bytes = kh_resources_lookup (RESOURCE, error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    return NULL;

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL ||
      g_strcmp0 (member_string (object, "format"), FORMAT) != 0 ||
      member_number (object, "version") != FORMAT_VERSION)
    {
      damaged (error, "not a Kế Hoạch demo file of version 1");
      return NULL;
    }

  return g_steal_pointer (&parser);
}

/**
 * kh_demo_load:
 * @store: the database
 * @replace: wipe what the database holds first
 * @error: return location for a #GError
 *
 * Fills the database with the demo agency and its 2024 plan, all in one
 * transaction: on failure nothing changes. A database that already
 * holds data is refused with %KH_STORE_ERROR_EXISTS unless @replace.
 */
gboolean
kh_demo_load (KhStore   *store,
              gboolean   replace,
              GError   **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) signers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Loader loader = { store, signers };
  JsonObject *root;
  JsonArray *plans;

  g_return_val_if_fail (KH_IS_STORE (store), FALSE);

  if (!(parser = parse_resource (error)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  plans = member_array (root, "plans");

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!replace && !kh_store_is_empty (store))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS,
                   _("The database “%s” already holds data. The demo is loaded only into an empty database, or in place of everything in it."),
                   kh_store_get_path (store));
      goto failed;
    }

  if ((replace && !wipe (store, error)) ||
      !load_agency (&loader, root, error) ||
      !load_lists (&loader, root, error))
    goto failed;

  for (guint i = 0; i < array_length (plans); i++)
    {
      JsonObject *plan = element_object (plans, i);

      if (plan == NULL)
        {
          damaged (error, "plans");
          goto failed;
        }
      if (!load_plan (&loader, plan, error))
        goto failed;
    }

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}
