/* kh-template-save.c — a plan saved as a template
 *
 * The plan's text, bases, recipients and tasks become a template of the
 * agency (the body described in kh-template.c). What names this year
 * and this agency goes back into placeholders so the template serves
 * another year or another agency: the plan's year and the year before
 * it (as kh-plan-copy.c finds them: not in dates, symbols or ranges of
 * years), and the agency's names as kh-placeholders.c derives them,
 * longest first, where they stand as words of their own. Tasks keep
 * their lead's kind of department and its name, for an agency whose
 * departments have no kind; deadlines keep their day and month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-template-save"

#include "config.h"

#include <string.h>

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-indicator.h"
#include "kh-placeholders.h"
#include "kh-plan-copy.h"
#include "kh-store-private.h"
#include "kh-task.h"
#include "kh-template-private.h"
#include "kh-text.h"

/* Placeholders a saved plan gets back, in this order of preference when
 * two have the same value. {agency_abbreviation} is left out: “UBND”
 * also names other committees (“UBND tỉnh”). */
static const char * const generalised_names[] = {
  "agency_name", "agency", "locality", "parent_agency", "parent_locality", "place",
};

/* Administrative levels that are safe to replace as a word of their
 * own. “xã” is not (“xã hội”, “thị xã”), nor “tỉnh” (“UBND tỉnh” is the
 * province above, not the agency). */
static const char * const generalised_levels[] = {
  "phường", "quận", "huyện", "thị trấn", "thành phố", "đặc khu",
};

typedef struct
{
  char *value;
  char *placeholder;    /* “{agency}” */
} Pattern;

typedef struct
{
  int        year;
  GPtrArray *patterns;  /* Pattern, longest value first */
} Generaliser;

static void
pattern_free (Pattern *pattern)
{
  g_free (pattern->value);
  g_free (pattern->placeholder);
  g_free (pattern);
}

static int
compare_patterns (gconstpointer a,
                  gconstpointer b)
{
  const Pattern *pa = *(const Pattern * const *)a;
  const Pattern *pb = *(const Pattern * const *)b;

  return (int)strlen (pb->value) - (int)strlen (pa->value);
}

static void
add_pattern (Generaliser *self,
             const char  *name,
             const char  *value)
{
  Pattern *pattern;

  if (value == NULL || kh_text_is_blank (value))
    return;
  for (guint i = 0; i < self->patterns->len; i++)
    if (g_strcmp0 (((Pattern *)self->patterns->pdata[i])->value, value) == 0)
      return;

  pattern = g_new0 (Pattern, 1);
  pattern->value = kh_text_strip (value);
  pattern->placeholder = g_strconcat ("{", name, "}", NULL);
  g_ptr_array_add (self->patterns, pattern);
}

static void
generaliser_init (Generaliser    *self,
                  const KhAgency *agency,
                  int             year)
{
  g_autoptr(KhPlaceholders) placeholders = kh_placeholders_new (agency, year);
  const char *level = kh_placeholders_lookup (placeholders, "locality_level");

  self->year = year;
  self->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify)pattern_free);
  for (guint i = 0; i < G_N_ELEMENTS (generalised_names); i++)
    add_pattern (self, generalised_names[i],
                 kh_placeholders_lookup (placeholders, generalised_names[i]));
  for (guint i = 0; i < G_N_ELEMENTS (generalised_levels); i++)
    if (g_strcmp0 (level, generalised_levels[i]) == 0)
      add_pattern (self, "locality_level", level);

  g_ptr_array_sort (self->patterns, compare_patterns);
}

static void
generaliser_clear (Generaliser *self)
{
  g_clear_pointer (&self->patterns, g_ptr_array_unref);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Whether a pattern's value stands at p as words of its own. */
static gboolean
matches_at (const char    *text,
            const char    *p,
            const Pattern *pattern)
{
  gsize len = strlen (pattern->value);

  if (strncmp (p, pattern->value, len) != 0)
    return FALSE;
  if (p > text && is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, p))))
    return FALSE;
  return p[len] == '\0' || !is_word_char (g_utf8_get_char (p + len));
}

/* The plan's year and the agency's names back into placeholders. */
static char *
generalise (Generaliser *self,
            const char  *text)
{
  g_autofree char *normal = kh_text_normalize (text);
  g_autofree char *with_year = kh_text_replace_year (normal, self->year, "{year}");
  g_autofree char *with_years = kh_text_replace_year (with_year, self->year - 1, "{prev_year}");
  GString *out = g_string_sized_new (strlen (with_years));
  const char *p = with_years;

  while (*p != '\0')
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;
      const Pattern *found = NULL;

      /* A placeholder already there is kept whole. */
      if (close != NULL && close - p < 40)
        {
          g_string_append_len (out, p, close + 1 - p);
          p = close + 1;
          continue;
        }

      for (guint i = 0; found == NULL && i < self->patterns->len; i++)
        if (matches_at (with_years, p, self->patterns->pdata[i]))
          found = self->patterns->pdata[i];

      if (found != NULL)
        {
          g_string_append (out, found->placeholder);
          p += strlen (found->value);
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  return g_string_free (out, FALSE);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_generalised (JsonBuilder *builder,
                 Generaliser *generaliser,
                 const char  *name,
                 const char  *value)
{
  g_autofree char *text = generalise (generaliser, value);

  add_string (builder, name, text);
}

static void
add_lines (JsonBuilder  *builder,
           Generaliser  *generaliser,
           const char   *name,
           char        **lines)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autofree char *text = generalise (generaliser, lines[i]);

      json_builder_add_string_value (builder, text);
    }
  json_builder_end_array (builder);
}

static void
add_sections (JsonBuilder *builder,
              Generaliser *generaliser,
              GPtrArray   *sections)
{
  json_builder_begin_array (builder);
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      const KhSection *section = sections->pdata[i];

      json_builder_begin_object (builder);
      add_generalised (builder, generaliser, "heading", section->heading);
      add_generalised (builder, generaliser, "body", section->body);
      if (kh_section_is_generated (section))
        add_string (builder, "generated", section->generated);
      if (section->children->len > 0)
        {
          json_builder_set_member_name (builder, "children");
          add_sections (builder, generaliser, section->children);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static KhDepartment *
department_by_id (GPtrArray *departments,
                  gint64     id)
{
  for (guint i = 0; i < departments->len; i++)
    if (kh_department_get_id (departments->pdata[i]) == id)
      return departments->pdata[i];
  return NULL;
}

/* Kinds where they are set, names where they are not: an agency that
 * gave its departments no kind still gets its own plan back. */
static void
add_departments (JsonBuilder *builder,
                 GPtrArray   *departments,
                 const KhTask *task)
{
  KhDepartment *lead = department_by_id (departments, task->lead_department_id);

  add_string (builder, "department_kind", lead ? kh_department_get_kind (lead) : "");
  add_string (builder, "department", lead ? kh_department_get_name (lead) : "");
  if (task->support_ids == NULL || task->support_ids->len == 0)
    return;

  json_builder_set_member_name (builder, "support_kinds");
  json_builder_begin_array (builder);
  for (guint i = 0; i < task->support_ids->len; i++)
    {
      KhDepartment *support = department_by_id (departments, g_array_index (task->support_ids, gint64, i));

      json_builder_add_string_value (builder, support ? kh_department_get_kind (support) : "");
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "supports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < task->support_ids->len; i++)
    {
      KhDepartment *support = department_by_id (departments, g_array_index (task->support_ids, gint64, i));

      json_builder_add_string_value (builder, support ? kh_department_get_name (support) : "");
    }
  json_builder_end_array (builder);
}

static void
add_tasks (KhStore     *store,
           JsonBuilder *builder,
           Generaliser *generaliser,
           GPtrArray   *tasks,
           GPtrArray   *departments)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < tasks->len; i++)
    {
      const KhTask *task = tasks->pdata[i];

      json_builder_begin_object (builder);
      add_departments (builder, departments, task);
      add_generalised (builder, generaliser, "title", task->title);
      add_generalised (builder, generaliser, "description", task->description);
      add_string (builder, "rhythm", kh_rhythm_to_string (task->rhythm));
      if (g_date_valid (&task->deadline))
        {
          int offset = g_date_get_year (&task->deadline) - generaliser->year;
          g_autofree char *year = offset == 0 ? g_strdup ("{year}")
                                              : g_strdup_printf ("{year%+d}", offset);
          g_autofree char *deadline = g_strdup_printf ("%s-%02u-%02u", year,
                                                       g_date_get_month (&task->deadline),
                                                       g_date_get_day (&task->deadline));
          add_string (builder, "deadline", deadline);
        }
      if (task->indicator_id != 0)
        {
          g_autoptr(KhIndicator) indicator = kh_store_get_indicator (store, task->indicator_id, NULL);

          if (indicator != NULL)
            {
              add_string (builder, "indicator", indicator->name);
              if (task->target > 0)
                {
                  json_builder_set_member_name (builder, "target");
                  json_builder_add_double_value (builder, task->target);
                }
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
plan_to_json (KhStore     *store,
              const char  *name,
              KhPlan      *plan,
              GPtrArray   *tasks,
              GPtrArray   *departments,
              Generaliser *generaliser)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", KH_TEMPLATE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, KH_TEMPLATE_FORMAT_VERSION);
  add_string (builder, "name", name);
  add_string (builder, "doc_type", "KH");
  add_string (builder, "kind", plan->kind);
  add_generalised (builder, generaliser, "title", plan->title);
  add_lines (builder, generaliser, "bases", plan->bases);
  add_generalised (builder, generaliser, "intro", plan->intro);
  add_generalised (builder, generaliser, "closing", plan->closing);
  json_builder_set_member_name (builder, "sections");
  add_sections (builder, generaliser, plan->sections);
  json_builder_set_member_name (builder, "tasks");
  add_tasks (store, builder, generaliser, tasks, departments);
  add_lines (builder, generaliser, "recipients", plan->recipients);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

/**
 * kh_store_save_plan_as_template:
 * @store: the database
 * @plan_id: the plan, in any state
 * @name: the template's name, unique among templates
 * @error: return location for a #GError
 *
 * Stores the plan's text, bases, recipients and tasks as a new template
 * of the agency, with the plan's year and the agency's names turned
 * back into placeholders. Part IV is stored as the plan has it: its
 * opening paragraph, its items made from the tasks.
 *
 * Returns: the template's id, or 0
 */
gint64
kh_store_save_plan_as_template (KhStore     *store,
                                gint64       plan_id,
                                const char  *name,
                                GError     **error)
{
  g_autoptr(KhPlan) plan = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *body = NULL;
  Generaliser generaliser;

  g_return_val_if_fail (KH_IS_STORE (store), 0);

  if (!kh_store_check_writable (store, error) ||
      !(clean = kh_template_check_name (store, 0, name, error)) ||
      !(plan = kh_store_load_plan (store, plan_id, error)) ||
      !(tasks = kh_store_list_tasks (store, plan_id, 0, error)) ||
      !(departments = kh_store_list_departments (store, TRUE, error)) ||
      !(agency = kh_store_load_agency (store, error)))
    return 0;

  generaliser_init (&generaliser, agency, plan->year);
  body = plan_to_json (store, clean, plan, tasks, departments, &generaliser);
  generaliser_clear (&generaliser);

  stmt = kh_store_prepare (store,
                           "INSERT INTO template (name, doc_type, builtin, body) VALUES (?1, 'KH', 0, ?2)",
                           error);
  if (stmt == NULL)
    return 0;

  kh_stmt_bind_text (stmt, 1, clean);
  kh_stmt_bind_text (stmt, 2, body);
  if (!kh_store_step_done (store, stmt, error))
    return 0;

  return kh_store_last_insert_id (store);
}
