/* kh-part-four.c — part IV “Tổ chức thực hiện”, made from the tasks
 *
 * Part IV of a plan says who does what: one item per department that
 * leads at least one task, in the departments' order, headed by the
 * department's name and listing its tasks as “- ” bullets (a single
 * task is a plain paragraph, as the seed plan writes Tư pháp's). It is
 * never typed and never stored for a plan being drafted: it is computed
 * from the tasks whenever the plan is shown or printed, so editing a
 * task changes it. The generated part's own body (its opening
 * paragraph) is kept, and items the clerk typed under the part follow
 * the generated ones.
 *
 * An issued plan must read as it was signed while its tasks stay
 * editable, so kh_store_issue_plan() freezes the generated items into
 * the plan's part_four column, and an issued plan is shown from there:
 *
 *   { "version": 1, "children": [ { "heading": "…", "body": "…" } ] }
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-part-four"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kh-department.h"
#include "kh-part-four.h"
#include "kh-store-private.h"
#include "kh-text.h"
#include "kh-vn-format.h"

#define SNAPSHOT_VERSION 1

static KhDepartment *
find_department (GPtrArray *departments,
                 gint64     id)
{
  for (guint i = 0; departments != NULL && i < departments->len; i++)
    if (kh_department_get_id (departments->pdata[i]) == id)
      return departments->pdata[i];

  return NULL;
}

/* One task is one bullet: line breaks typed into its text would split
 * it into several. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \t\n", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append (line, words[i]);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* The sentence part IV prints for a task: its description (or title),
 * the supporting departments and, for a task due by a date, the date —
 * placed before the sentence's final “.” or “;”:
 * “Tham mưu … trên địa bàn phường (phối hợp: Văn phòng – Thống kê),
 *  hoàn thành trước ngày 31/3/2025.” */
char *
kh_part_four_task_text (const KhTask *task,
                        GPtrArray    *departments)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) supports = g_string_new (NULL);
  char final = '\0';
  gsize len;

  g_return_val_if_fail (task != NULL, NULL);

  text = one_line (kh_text_is_blank (task->description) ? task->title : task->description);
  len = strlen (text);
  /* “…” and “...” end a sentence that goes on: leave them. */
  if (len > 0 && (text[len - 1] == '.' || text[len - 1] == ';') &&
      !g_str_has_suffix (text, ".."))
    {
      final = text[len - 1];
      text[len - 1] = '\0';
      g_strchomp (text);
    }
  out = g_string_new (text);

  for (guint i = 0; task->support_ids != NULL && i < task->support_ids->len; i++)
    {
      KhDepartment *department = find_department (departments,
                                                   g_array_index (task->support_ids, gint64, i));

      if (department == NULL || kh_department_get_id (department) == task->lead_department_id)
        continue;
      if (supports->len > 0)
        g_string_append (supports, ", ");
      g_string_append (supports, kh_department_get_name (department));
    }
  if (supports->len > 0)
    g_string_append_printf (out, " (phối hợp: %s)", supports->str);

  if (task->rhythm == KH_RHYTHM_BY_DATE && g_date_valid (&task->deadline))
    {
      g_autofree char *date = kh_format_date_short (&task->deadline);
      g_string_append_printf (out, ", hoàn thành trước ngày %s", date);
    }

  if (final != '\0')
    g_string_append_c (out, final);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * kh_part_four_build:
 * @tasks: (element-type KhTask): the plan's tasks, in their order
 * @departments: (element-type KhDepartment): every department, archived
 *   ones too, in the agency's order (kh_store_list_departments())
 *
 * Returns: (transfer full) (element-type KhSection): the items of part
 * IV, one per department that leads a task. They are not stored: their
 * ids are 0.
 */
GPtrArray *
kh_part_four_build (GPtrArray *tasks,
                    GPtrArray *departments)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_section_free);

  for (guint d = 0; departments != NULL && d < departments->len; d++)
    {
      KhDepartment *department = departments->pdata[d];
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;
      KhSection *item;

      for (guint t = 0; tasks != NULL && t < tasks->len; t++)
        {
          const KhTask *task = tasks->pdata[t];

          if (task->lead_department_id == kh_department_get_id (department))
            g_ptr_array_add (lines, kh_part_four_task_text (task, departments));
        }

      if (lines->len == 0)
        continue;

      if (lines->len == 1)
        body = g_strdup (lines->pdata[0]);
      else
        {
          GString *bullets = g_string_new (NULL);

          for (guint i = 0; i < lines->len; i++)
            g_string_append_printf (bullets, "%s- %s", i > 0 ? "\n" : "", (char *)lines->pdata[i]);
          body = g_string_free (bullets, FALSE);
        }

      heading = g_strconcat (kh_department_get_name (department), ":", NULL);
      item = kh_section_new (heading, body);
      item->position = (int)items->len;
      g_ptr_array_add (items, item);
    }

  return items;
}

static void
fill_sections (GPtrArray *sections,
               GPtrArray *generated)
{
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      KhSection *section = sections->pdata[i];

      if (kh_section_is_generated (section))
        {
          for (guint j = 0; j < generated->len; j++)
            {
              KhSection *item = kh_section_copy (generated->pdata[j]);

              item->parent_id = section->id;
              g_ptr_array_insert (section->children, (int)j, item);
            }
          for (guint j = 0; j < section->children->len; j++)
            ((KhSection *)section->children->pdata[j])->position = (int)j;
        }
      else
        fill_sections (section->children, generated);
    }
}

/* Puts copies of the generated items first in every generated part of
 * plan, before the items typed there. */
void
kh_plan_fill_part_four (KhPlan    *plan,
                        GPtrArray *generated)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (generated != NULL);

  fill_sections (plan->sections, generated);
}

static GPtrArray *
build_live (KhStore  *store,
            gint64    plan_id,
            GError  **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) departments = NULL;

  if (!(tasks = kh_store_list_tasks (store, plan_id, 0, error)) ||
      !(departments = kh_store_list_departments (store, TRUE, error)))
    return NULL;

  return kh_part_four_build (tasks, departments);
}

static char *
snapshot_to_json (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SNAPSHOT_VERSION);
  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const KhSection *item = items->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "heading");
      json_builder_add_string_value (builder, item->heading);
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, item->body);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static GPtrArray *
snapshot_from_json (const char  *json,
                    GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_section_free);
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *children = object != NULL ? json_object_get_member (object, "children") : NULL;
  JsonArray *array;

  if (children == NULL || !JSON_NODE_HOLDS_ARRAY (children) ||
      json_object_get_int_member_with_default (object, "version", 0) != SNAPSHOT_VERSION)
    goto damaged;

  array = json_node_get_array (children);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *child = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      KhSection *item;

      if (child == NULL)
        goto damaged;
      item = kh_section_new (json_object_get_string_member_with_default (child, "heading", ""),
                             json_object_get_string_member_with_default (child, "body", ""));
      item->position = (int)i;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);

damaged:
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT,
               _("Part IV of the issued plan, as it was issued, is damaged in the database. Restore the database from a backup."));
  return NULL;
}

/**
 * kh_store_build_part_four:
 *
 * Returns: (transfer full) (element-type KhSection): the items of part
 * IV of the plan: computed from its tasks, or, for an issued plan, as
 * they were when it was issued.
 */
GPtrArray *
kh_store_build_part_four (KhStore  *store,
                          gint64    plan_id,
                          GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "SELECT state, part_four FROM plan WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The plan no longer exists."));
      return NULL;
    }

  if (g_strcmp0 (kh_stmt_column_text (stmt, 0), "issued") == 0 &&
      sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    return snapshot_from_json (kh_stmt_column_text (stmt, 1), error);

  g_clear_pointer (&stmt, kh_stmt_release);
  return build_live (store, plan_id, error);
}

/**
 * kh_store_load_plan_for_document:
 *
 * The plan as a document shows it, for the PDF composer and the
 * preview: kh_store_load_plan() with part IV's items filled in.
 */
KhPlan *
kh_store_load_plan_for_document (KhStore  *store,
                                 gint64    plan_id,
                                 GError  **error)
{
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (!(plan = kh_store_load_plan (store, plan_id, error)) ||
      !(items = kh_store_build_part_four (store, plan_id, error)))
    return NULL;

  kh_plan_fill_part_four (plan, items);
  return g_steal_pointer (&plan);
}

/* Stores part IV as it reads now. kh_store_issue_plan() calls it inside
 * its transaction, just before it marks the plan issued, so the
 * snapshot and the issue happen together; an issued plan's snapshot is
 * never taken again. */
gboolean
kh_store_freeze_part_four (KhStore  *store,
                           gint64    plan_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *json = NULL;

  if (!kh_store_check_writable (store, error) ||
      !kh_store_check_plan_editable (store, plan_id, error) ||
      !(items = build_live (store, plan_id, error)) ||
      !(stmt = kh_store_prepare (store, "UPDATE plan SET part_four = ?2 WHERE id = ?1", error)))
    return FALSE;

  json = snapshot_to_json (items);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  kh_stmt_bind_text (stmt, 2, json);
  return kh_store_step_done (store, stmt, error);
}
