/* kh-plan-new.c — a new plan from a template, or blank
 *
 * From a template (kh-template.c): its text with the placeholders
 * filled from the agency and the year; its legal bases, intro, closing
 * and recipients (the agency's usual recipients when the template has
 * none); its default tasks, each given to the first department of the
 * kind the task names (by name when it names no kind). A task no
 * department can take is left out and its title returned, so the clerk
 * is told rather than finding it missing.
 *
 * Blank: the title and the part headings of the built-in template for
 * the kind of plan, with empty bodies; part IV stays generated from the
 * tasks; no bases, no tasks; the agency's usual recipients.
 *
 * Either way the plan is signed by default by the first active signer,
 * “TM.” the collective (ỦY BAN NHÂN DÂN) when the agency has one, as
 * Nghị định 30 writes a committee's plans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-new"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-placeholders.h"
#include "kh-plan-new.h"
#include "kh-task.h"
#include "kh-template-private.h"
#include "kh-text.h"

typedef struct
{
  KhStore        *store;
  KhPlaceholders *placeholders;
  int             year;
  GPtrArray      *departments;   /* active ones, in order */
} Maker;

static char *
expand (Maker      *maker,
        const char *text)
{
  return kh_placeholders_expand (maker->placeholders, text);
}

static char **
expand_lines (Maker      *maker,
              JsonObject *object,
              const char *name)
{
  g_auto(GStrv) lines = kh_json_member_strv (object, name);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *expanded = expand (maker, lines[i]);

      g_free (lines[i]);
      lines[i] = expanded;
    }
  return g_steal_pointer (&lines);
}

static KhSection *
section_from_json (Maker      *maker,
                   JsonObject *object,
                   gboolean    blank)
{
  g_autofree char *heading = expand (maker, kh_json_member_string (object, "heading"));
  g_autofree char *body = blank ? g_strdup ("") : expand (maker, kh_json_member_string (object, "body"));
  KhSection *section = kh_section_new (heading, body);
  JsonArray *children = kh_json_member_array (object, "children");

  g_free (section->generated);
  section->generated = g_strdup (kh_json_member_string (object, "generated"));

  for (guint i = 0; !blank && children != NULL && i < json_array_get_length (children); i++)
    {
      JsonObject *child = kh_json_element_object (children, i);

      if (child != NULL)
        kh_section_append_child (section, section_from_json (maker, child, blank));
    }

  return section;
}

static KhPlan *
plan_from_json (Maker      *maker,
                JsonObject *root,
                gboolean    blank)
{
  g_autofree char *title = expand (maker, kh_json_member_string (root, "title"));
  KhPlan *plan = kh_plan_new (maker->year, title);
  const char *kind = kh_json_member_string (root, "kind");
  JsonArray *sections = kh_json_member_array (root, "sections");

  g_free (plan->kind);
  plan->kind = g_strdup (*kind != '\0' ? kind : KH_PLAN_KIND_CCHC);
  if (!blank)
    {
      g_free (plan->intro);
      plan->intro = expand (maker, kh_json_member_string (root, "intro"));
      g_free (plan->closing);
      plan->closing = expand (maker, kh_json_member_string (root, "closing"));
      g_strfreev (plan->bases);
      plan->bases = expand_lines (maker, root, "bases");
      g_strfreev (plan->recipients);
      plan->recipients = expand_lines (maker, root, "recipients");
    }

  for (guint i = 0; sections != NULL && i < json_array_get_length (sections); i++)
    {
      JsonObject *section = kh_json_element_object (sections, i);

      if (section != NULL)
        g_ptr_array_add (plan->sections, section_from_json (maker, section, blank));
    }

  return plan;
}

/* Who signs and how, and to whom it goes, when the plan does not say. */
static gboolean
set_defaults (KhStore   *store,
              KhPlan    *plan,
              GError   **error)
{
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(GPtrArray) signers = NULL;

  if (!(agency = kh_store_load_agency (store, error)) ||
      !(signers = kh_store_list_signers (store, FALSE, error)))
    return FALSE;

  if (signers->len > 0)
    plan->signer_id = ((KhSigner *)signers->pdata[0])->id;
  g_free (plan->authority);
  plan->authority = g_strdup (kh_text_is_blank (agency->collective_name) ? "" : "TM.");

  if (plan->recipients == NULL || plan->recipients[0] == NULL)
    {
      g_strfreev (plan->recipients);
      if (!(plan->recipients = kh_store_list_default_recipients (store, error)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
maker_init (Maker     *maker,
            KhStore   *store,
            int        year,
            GError   **error)
{
  g_autoptr(KhAgency) agency = NULL;

  maker->store = store;
  maker->year = year;
  if (!(agency = kh_store_load_agency (store, error)))
    return FALSE;

  /* The text names the agency: without it the plan would read
   * “của  về…”. */
  if (!kh_agency_is_set_up (agency))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Set up the agency first (its name, abbreviation and place): the plan’s text names it."));
      return FALSE;
    }

  if (!(maker->departments = kh_store_list_departments (store, FALSE, error)))
    return FALSE;
  maker->placeholders = kh_placeholders_new (agency, year);
  return TRUE;
}

static void
maker_clear (Maker *maker)
{
  g_clear_pointer (&maker->departments, g_ptr_array_unref);
  g_clear_pointer (&maker->placeholders, kh_placeholders_free);
}

static gint64
find_department (Maker      *maker,
                 const char *kind,
                 const char *name)
{
  g_autofree char *wanted = g_utf8_casefold (name ? name : "", -1);

  for (guint i = 0; kind != NULL && *kind != '\0' && i < maker->departments->len; i++)
    if (g_strcmp0 (kh_department_get_kind (maker->departments->pdata[i]), kind) == 0)
      return kh_department_get_id (maker->departments->pdata[i]);

  for (guint i = 0; *wanted != '\0' && i < maker->departments->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (kh_department_get_name (maker->departments->pdata[i]), -1);

      if (g_strcmp0 (folded, wanted) == 0)
        return kh_department_get_id (maker->departments->pdata[i]);
    }

  return 0;
}

/* "{year}-03-31", "{year+1}-01-15" or "2025-03-31"; 29/02 becomes
 * 28/02 in a year without it. */
static gboolean
parse_deadline (const char *text,
                int         year,
                GDate      *date)
{
  unsigned int month, day, fixed;
  int offset = 0;
  char end;

  g_date_clear (date, 1);
  if (sscanf (text, "{year}-%2u-%2u%c", &month, &day, &end) == 2 ||
      sscanf (text, "{year%d}-%2u-%2u%c", &offset, &month, &day, &end) == 3)
    year += offset;
  else if (sscanf (text, "%4u-%2u-%2u%c", &fixed, &month, &day, &end) == 3)
    year = (int)fixed;
  else
    return FALSE;

  if (month == 2 && day == 29 && !g_date_is_leap_year ((GDateYear)year))
    day = 28;
  if (year < 1 || year > G_MAXUINT16 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return TRUE;
}

static KhTask *
task_from_json (Maker      *maker,
                gint64      plan_id,
                JsonObject *object,
                gint64      lead)
{
  g_autofree char *title = expand (maker, kh_json_member_string (object, "title"));
  KhTask *task = kh_task_new (plan_id, title, lead);
  g_auto(GStrv) support_kinds = kh_json_member_strv (object, "support_kinds");
  g_auto(GStrv) supports = kh_json_member_strv (object, "supports");
  guint n_supports = MAX (g_strv_length (support_kinds), g_strv_length (supports));
  const char *indicator = kh_json_member_string (object, "indicator");

  g_free (task->description);
  task->description = expand (maker, kh_json_member_string (object, "description"));

  /* A supporter no department can be is left out: the lead still has
   * the task. */
  for (guint i = 0; i < n_supports; i++)
    {
      const char *kind = i < g_strv_length (support_kinds) ? support_kinds[i] : "";
      const char *name = i < g_strv_length (supports) ? supports[i] : "";
      gint64 department = find_department (maker, kind, name);

      if (department != 0 && department != lead)
        kh_task_add_support (task, department);
    }

  if (!kh_rhythm_from_string (kh_json_member_string (object, "rhythm"), &task->rhythm))
    task->rhythm = KH_RHYTHM_REGULAR;
  if (!parse_deadline (kh_json_member_string (object, "deadline"), maker->year, &task->deadline) &&
      task->rhythm == KH_RHYTHM_BY_DATE)
    task->rhythm = KH_RHYTHM_REGULAR;

  /* An indicator the agency does not count takes its target with it. */
  if (*indicator != '\0' && (task->indicator_id = kh_store_find_indicator (maker->store, indicator)) != 0)
    task->target = MAX (kh_json_member_number (object, "target"), 0);

  return task;
}

static gboolean
add_tasks (Maker         *maker,
           gint64         plan_id,
           JsonArray     *tasks,
           GStrvBuilder  *skipped,
           GError       **error)
{
  for (guint i = 0; tasks != NULL && i < json_array_get_length (tasks); i++)
    {
      JsonObject *object = kh_json_element_object (tasks, i);
      g_autoptr(KhTask) task = NULL;
      gint64 lead;

      if (object == NULL)
        continue;

      lead = find_department (maker, kh_json_member_string (object, "department_kind"),
                              kh_json_member_string (object, "department"));
      task = task_from_json (maker, plan_id, object, lead);
      if (lead == 0)
        {
          g_strv_builder_add (skipped, task->title);
          continue;
        }

      if (kh_store_add_task (maker->store, task, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * kh_store_create_plan_from_template:
 * @store: the database
 * @template_id: the template
 * @year: the plan's year
 * @revision: "" (or %NULL) for the year's plan, or a revision's name
 * @skipped_tasks: (out) (optional) (transfer full): the titles of the
 *   template's tasks that no department could take, %NULL-terminated
 * @error: return location for a #GError
 *
 * Makes a draft plan for @year from the template (see the top of the
 * file), all or nothing. A second plan of the same kind for a year must
 * be a named revision: %KH_STORE_ERROR_EXISTS otherwise.
 *
 * Returns: the new plan's id, or 0
 */
gint64
kh_store_create_plan_from_template (KhStore      *store,
                                    gint64        template_id,
                                    int           year,
                                    const char   *revision,
                                    char       ***skipped_tasks,
                                    GError      **error)
{
  g_autoptr(KhTemplate) tmpl = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GStrvBuilder) skipped = g_strv_builder_new ();
  Maker maker = { NULL };
  gint64 id = 0;

  g_return_val_if_fail (KH_IS_STORE (store), 0);

  if (skipped_tasks != NULL)
    *skipped_tasks = NULL;

  if (!(tmpl = kh_store_get_template (store, template_id, error)) ||
      !(root = kh_template_parse_body (tmpl->name, tmpl->body, error)) ||
      !maker_init (&maker, store, year, error))
    goto out;

  plan = plan_from_json (&maker, json_node_get_object (root), FALSE);
  g_free (plan->revision);
  plan->revision = g_strdup (revision ? revision : "");
  plan->template_id = template_id;

  if (!set_defaults (store, plan, error) ||
      !kh_store_begin (store, error))
    goto out;

  if ((id = kh_store_create_plan (store, plan, error)) == 0 ||
      !add_tasks (&maker, id, kh_json_member_array (json_node_get_object (root), "tasks"), skipped, error))
    {
      kh_store_rollback (store);
      id = 0;
      goto out;
    }
  /* A failed commit rolls back by itself. */
  if (!kh_store_commit (store, error))
    {
      id = 0;
      goto out;
    }

  if (skipped_tasks != NULL)
    *skipped_tasks = g_strv_builder_end (skipped);

out:
  maker_clear (&maker);
  return id;
}

/**
 * kh_store_create_blank_plan:
 * @store: the database
 * @year: the plan's year
 * @kind: the kind of plan (%NULL: %KH_PLAN_KIND_CCHC)
 * @revision: "" (or %NULL) for the year's plan, or a revision's name
 * @error: return location for a #GError
 *
 * Makes a draft plan with the title and part headings of the built-in
 * template for @kind and nothing else (see the top of the file).
 *
 * Returns: the new plan's id, or 0
 */
gint64
kh_store_create_blank_plan (KhStore     *store,
                            int          year,
                            const char  *kind,
                            const char  *revision,
                            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(KhPlan) plan = NULL;
  Maker maker = { NULL };
  gint64 id = 0;

  g_return_val_if_fail (KH_IS_STORE (store), 0);

  if (!(root = kh_template_builtin_of_kind (kind ? kind : KH_PLAN_KIND_CCHC, error)) ||
      !maker_init (&maker, store, year, error))
    goto out;

  plan = plan_from_json (&maker, json_node_get_object (root), TRUE);
  g_free (plan->revision);
  plan->revision = g_strdup (revision ? revision : "");

  if (set_defaults (store, plan, error))
    id = kh_store_create_plan (store, plan, error);

out:
  maker_clear (&maker);
  return id;
}
