/* kh-section.c — the text of a plan as a tree of numbered parts
 *
 * A plan's text is parts (I, II…), items (1, 2…) and points below them.
 * The tree is stored as rows with a parent and a position among
 * siblings; numbers are computed from the place in the tree so they
 * follow every move. Positions are renumbered 0…n-1 in the same
 * transaction as the change that disturbs them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-section"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-plan.h"
#include "kh-section.h"
#include "kh-store-private.h"
#include "kh-text.h"
#include "kh-vn-format.h"

G_DEFINE_BOXED_TYPE (KhSection, kh_section, kh_section_copy, kh_section_free)

KhSection *
kh_section_new (const char *heading,
                const char *body)
{
  KhSection *section = g_new0 (KhSection, 1);

  section->heading = g_strdup (heading ? heading : "");
  section->body = g_strdup (body ? body : "");
  section->generated = g_strdup ("");
  section->children = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_section_free);
  return section;
}

KhSection *
kh_section_copy (const KhSection *section)
{
  KhSection *copy = kh_section_new (section->heading, section->body);

  copy->id = section->id;
  copy->parent_id = section->parent_id;
  copy->position = section->position;
  g_free (copy->generated);
  copy->generated = g_strdup (section->generated ? section->generated : "");
  for (guint i = 0; section->children != NULL && i < section->children->len; i++)
    g_ptr_array_add (copy->children, kh_section_copy (section->children->pdata[i]));
  return copy;
}

void
kh_section_free (KhSection *section)
{
  if (section == NULL)
    return;

  g_free (section->heading);
  g_free (section->body);
  g_free (section->generated);
  g_clear_pointer (&section->children, g_ptr_array_unref);
  g_free (section);
}

/* Takes ownership of child; returns it, for building trees in code. */
KhSection *
kh_section_append_child (KhSection *parent,
                         KhSection *child)
{
  g_return_val_if_fail (parent != NULL && child != NULL, NULL);

  child->position = (int)parent->children->len;
  child->parent_id = parent->id;
  g_ptr_array_add (parent->children, child);
  return child;
}

gboolean
kh_section_is_generated (const KhSection *section)
{
  return section != NULL && g_strcmp0 (section->generated, KH_SECTION_GENERATED_TASKS) == 0;
}

/* The body's lines, trimmed, blank ones dropped. */
char **
kh_section_split_body (const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body ? body : "", "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

/* The text of a bullet line ("- text"), or NULL for a paragraph. */
const char *
kh_section_bullet_text (const char *line)
{
  if (line == NULL || line[0] != '-' || line[1] != ' ')
    return NULL;

  line += 2;
  while (*line == ' ')
    line++;
  return line;
}

/* path holds the 0-based index at each level, depth of them. */
char *
kh_section_format_number (const int   *path,
                          guint        depth,
                          KhNumbering  numbering)
{
  g_autoptr(GString) number = NULL;

  g_return_val_if_fail (path != NULL && depth > 0, NULL);

  if (depth == 1)
    {
      g_autofree char *roman = kh_format_roman (path[0] + 1);
      return g_strconcat (roman, ".", NULL);
    }

  if (depth == 2)
    return g_strdup_printf ("%d.", path[1] + 1);

  switch (numbering)
    {
    case KH_NUMBERING_LETTERS:
      if (depth == 3)
        return g_strconcat (kh_format_point_letter (path[2]), ")", NULL);
      return g_strdup ("-");

    case KH_NUMBERING_DECIMAL:
    default:
      /* The part's Roman numeral is left out: "2.1.", not "II.2.1.". */
      number = g_string_new (NULL);
      for (guint level = 1; level < depth; level++)
        g_string_append_printf (number, "%d.", path[level] + 1);
      return g_string_free (g_steal_pointer (&number), FALSE);
    }
}

static void
foreach_level (GPtrArray     *sections,
               GArray        *path,
               KhNumbering    numbering,
               KhSectionFunc  func,
               gpointer       user_data)
{
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      const KhSection *section = sections->pdata[i];
      g_autofree char *number = NULL;
      int index = (int)i;

      g_array_append_val (path, index);
      number = kh_section_format_number ((const int *)(gpointer)path->data, path->len, numbering);
      func (section, path->len, number, user_data);
      foreach_level (section->children, path, numbering, func, user_data);
      g_array_set_size (path, path->len - 1);
    }
}

/* Calls func for every section, parents before their children, with
 * its depth (1 for a part) and its number. */
void
kh_sections_foreach (GPtrArray     *sections,
                     KhNumbering    numbering,
                     KhSectionFunc  func,
                     gpointer       user_data)
{
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_if_fail (func != NULL);

  foreach_level (sections, path, numbering, func, user_data);
}

const KhSection *
kh_sections_find (GPtrArray *sections,
                  gint64     id)
{
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      const KhSection *section = sections->pdata[i];
      const KhSection *found;

      if (section->id == id)
        return section;
      if ((found = kh_sections_find (section->children, id)) != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  gint64  id;
  char   *number;
} FindNumber;

static void
find_number_cb (const KhSection *section,
                guint            depth,
                const char      *number,
                gpointer         user_data)
{
  FindNumber *find = user_data;

  if (find->number == NULL && section->id == find->id)
    find->number = g_strdup (number);
}

/* The number of the section with that id ("I.", "2.1."…), or NULL. */
char *
kh_sections_number_of (GPtrArray   *sections,
                       gint64       id,
                       KhNumbering  numbering)
{
  FindNumber find = { id, NULL };

  kh_sections_foreach (sections, numbering, find_number_cb, &find);
  return find.number;
}

guint
kh_sections_count (GPtrArray *sections)
{
  guint count = 0;

  for (guint i = 0; sections != NULL && i < sections->len; i++)
    count += 1 + kh_sections_count (((KhSection *)sections->pdata[i])->children);

  return count;
}

static guint
section_height (const KhSection *section)
{
  guint height = 0;

  for (guint i = 0; section->children != NULL && i < section->children->len; i++)
    height = MAX (height, section_height (section->children->pdata[i]));

  return height + 1;
}

/* Storage */

GPtrArray *
kh_store_load_sections (KhStore  *store,
                        gint64    plan_id,
                        GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_section_free);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_section_free);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT id, coalesce(parent_id, 0), position, heading, body, generated"
                           " FROM plan_section WHERE plan_id = ?1 ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KhSection *section = kh_section_new (kh_stmt_column_text (stmt, 3),
                                           kh_stmt_column_text (stmt, 4));

      section->id = sqlite3_column_int64 (stmt, 0);
      section->parent_id = sqlite3_column_int64 (stmt, 1);
      section->position = sqlite3_column_int (stmt, 2);
      g_free (section->generated);
      section->generated = g_strdup (kh_stmt_column_text (stmt, 5));
      g_ptr_array_add (all, section);
      g_hash_table_insert (by_id, &section->id, section);
    }

  if (rc != SQLITE_DONE)
    {
      g_ptr_array_set_free_func (all, (GDestroyNotify)kh_section_free);
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  /* Rows come in position order, so each parent gets its children in
   * order whatever the order of the parents themselves. */
  for (guint i = 0; i < all->len; i++)
    {
      KhSection *section = all->pdata[i];
      KhSection *parent = NULL;

      if (section->parent_id != 0)
        parent = g_hash_table_lookup (by_id, &section->parent_id);

      if (section->parent_id == 0)
        g_ptr_array_add (top, section);
      else if (parent != NULL)
        g_ptr_array_add (parent->children, section);
      else
        g_ptr_array_add (orphans, section);   /* cannot happen with foreign keys on */
    }

  return g_steal_pointer (&top);
}

/* Which plan and parent a section has; 0 when it does not exist. */
static gint64
section_plan (KhStore  *store,
              gint64    id,
              gint64   *parent_id,
              GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT plan_id, coalesce(parent_id, 0) FROM plan_section WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("This part of the plan no longer exists."));
      return 0;
    }

  if (parent_id != NULL)
    *parent_id = sqlite3_column_int64 (stmt, 1);
  return sqlite3_column_int64 (stmt, 0);
}

/* The depth of a section (1 for a part) and whether `ancestor` is the
 * section itself or one of its parents. */
static gboolean
section_depth (KhStore   *store,
               gint64     id,
               gint64     ancestor,
               guint     *depth,
               gboolean  *has_ancestor,
               GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "WITH RECURSIVE up (id, parent_id, depth) AS ("
                           "  SELECT id, parent_id, 1 FROM plan_section WHERE id = ?1"
                           "  UNION ALL"
                           "  SELECT s.id, s.parent_id, up.depth + 1"
                           "  FROM plan_section s JOIN up ON s.id = up.parent_id"
                           ") SELECT coalesce(max(depth), 0), coalesce(sum(id = ?2), 0) FROM up",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, ancestor);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return kh_store_set_error (store, sqlite3_errcode (kh_store_get_db (store)), error);

  *depth = sqlite3_column_int (stmt, 0);
  *has_ancestor = sqlite3_column_int (stmt, 1) > 0;
  return TRUE;
}

/* How many levels the stored section and its descendants span. */
static gboolean
stored_height (KhStore  *store,
               gint64    id,
               guint    *height,
               GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "WITH RECURSIVE down (id, depth) AS ("
                           "  SELECT ?1, 1"
                           "  UNION ALL"
                           "  SELECT s.id, down.depth + 1"
                           "  FROM plan_section s JOIN down ON s.parent_id = down.id"
                           ") SELECT max(depth) FROM down",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return kh_store_set_error (store, sqlite3_errcode (kh_store_get_db (store)), error);

  *height = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
check_depth (guint    parent_depth,
             guint    height,
             GError **error)
{
  if (parent_depth + height > KH_SECTION_MAX_DEPTH)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Parts of a plan nest at most %d levels deep (part, item, point, sub-point); this would make %u."),
                   KH_SECTION_MAX_DEPTH, parent_depth + height);
      return FALSE;
    }
  return TRUE;
}

/* The ids of the children of parent_id (0: the parts), in order,
 * leaving out `except`. */
static GArray *
list_siblings (KhStore  *store,
               gint64    plan_id,
               gint64    parent_id,
               gint64    except,
               GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT id FROM plan_section WHERE plan_id = ?1 AND parent_id IS ?2"
                           " ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  kh_stmt_bind_id (stmt, 2, parent_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id != except)
        g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
renumber (KhStore  *store,
          GArray   *ids,
          GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store, "UPDATE plan_section SET position = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int)i);
      if (!kh_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
insert_id_at (GArray *ids,
              int     index,
              gint64  id)
{
  if (index < 0 || index > (int)ids->len)
    index = (int)ids->len;
  g_array_insert_val (ids, index, id);
}

static gboolean
check_generated (const KhSection  *section,
                 GError          **error)
{
  if (section->generated != NULL && section->generated[0] != '\0' &&
      !kh_section_is_generated (section))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The part “%s” is marked as made from “%s”, which Kế Hoạch does not know."),
                   section->heading, section->generated);
      return FALSE;
    }

  for (guint i = 0; section->children != NULL && i < section->children->len; i++)
    if (!check_generated (section->children->pdata[i], error))
      return FALSE;

  return TRUE;
}

static gint64
insert_tree (KhStore          *store,
             gint64            plan_id,
             gint64            parent_id,
             int               position,
             const KhSection  *section,
             GError          **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *heading = kh_text_strip (section->heading ? section->heading : "");
  g_autofree char *body = kh_text_strip (section->body ? section->body : "");
  gint64 id;

  stmt = kh_store_prepare (store,
                           "INSERT INTO plan_section (plan_id, parent_id, position, heading, body, generated)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  kh_stmt_bind_id (stmt, 2, parent_id);
  sqlite3_bind_int (stmt, 3, position);
  kh_stmt_bind_text (stmt, 4, heading);
  kh_stmt_bind_text (stmt, 5, body);
  kh_stmt_bind_text (stmt, 6, section->generated ? section->generated : "");
  if (!kh_store_step_done (store, stmt, error))
    return 0;

  id = kh_store_last_insert_id (store);
  /* The statement is cached and shared with the children's inserts. */
  g_clear_pointer (&stmt, kh_stmt_release);

  for (guint i = 0; section->children != NULL && i < section->children->len; i++)
    if (insert_tree (store, plan_id, id, (int)i, section->children->pdata[i], error) == 0)
      return 0;

  return id;
}

/* Inserts section and all its children under parent_id (0: as a part)
 * at index among its siblings (-1: at the end). Returns the new id. */
gint64
kh_store_add_section (KhStore          *store,
                      gint64            plan_id,
                      gint64            parent_id,
                      int               index,
                      const KhSection  *section,
                      GError          **error)
{
  g_autoptr(GArray) siblings = NULL;
  guint parent_depth = 0;
  gint64 id;

  g_return_val_if_fail (section != NULL, 0);

  if (!check_generated (section, error) ||
      !kh_store_begin (store, error))
    return 0;

  if (!kh_store_check_plan_editable (store, plan_id, error))
    goto failed;

  if (parent_id != 0)
    {
      gboolean unused;

      if (section_plan (store, parent_id, NULL, error) != plan_id)
        {
          if (error == NULL || *error == NULL)
            g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         _("A part can only be placed inside a part of the same plan."));
          goto failed;
        }
      if (!section_depth (store, parent_id, 0, &parent_depth, &unused, error))
        goto failed;
    }

  if (!check_depth (parent_depth, section_height (section), error) ||
      !(siblings = list_siblings (store, plan_id, parent_id, 0, error)) ||
      (id = insert_tree (store, plan_id, parent_id, (int)siblings->len, section, error)) == 0)
    goto failed;

  insert_id_at (siblings, index, id);
  if (!renumber (store, siblings, error) || !kh_store_commit (store, error))
    return 0;

  return id;

failed:
  kh_store_rollback (store);
  return 0;
}

gboolean
kh_store_update_section (KhStore     *store,
                         gint64       id,
                         const char  *heading,
                         const char  *body,
                         GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean_heading = kh_text_strip (heading ? heading : "");
  g_autofree char *clean_body = kh_text_strip (body ? body : "");
  gint64 plan_id;

  if (!kh_store_check_writable (store, error) ||
      !(plan_id = section_plan (store, id, NULL, error)) ||
      !kh_store_check_plan_editable (store, plan_id, error))
    return FALSE;

  stmt = kh_store_prepare (store,
                           "UPDATE plan_section SET heading = ?2, body = ?3 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  kh_stmt_bind_text (stmt, 2, clean_heading);
  kh_stmt_bind_text (stmt, 3, clean_body);
  return kh_store_step_done (store, stmt, error);
}

/* Removes the section with everything inside it. */
gboolean
kh_store_remove_section (KhStore  *store,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GArray) siblings = NULL;
  gint64 plan_id, parent_id = 0;

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!(plan_id = section_plan (store, id, &parent_id, error)) ||
      !kh_store_check_plan_editable (store, plan_id, error) ||
      !(stmt = kh_store_prepare (store, "DELETE FROM plan_section WHERE id = ?1", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kh_store_step_done (store, stmt, error) ||
      !(siblings = list_siblings (store, plan_id, parent_id, 0, error)) ||
      !renumber (store, siblings, error))
    goto failed;

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}

/* Moves the section (with what is inside it) under new_parent_id (0: to
 * the parts) at new_index among its new siblings (-1: at the end). */
gboolean
kh_store_move_section (KhStore   *store,
                       gint64     id,
                       gint64     new_parent_id,
                       int        new_index,
                       GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GArray) old_siblings = NULL;
  g_autoptr(GArray) new_siblings = NULL;
  gint64 plan_id, old_parent_id = 0;
  guint parent_depth = 0, height = 0;

  if (!kh_store_begin (store, error))
    return FALSE;

  if (!(plan_id = section_plan (store, id, &old_parent_id, error)) ||
      !kh_store_check_plan_editable (store, plan_id, error))
    goto failed;

  if (new_parent_id != 0)
    {
      gboolean inside_itself = FALSE;

      if (section_plan (store, new_parent_id, NULL, error) != plan_id)
        {
          if (error == NULL || *error == NULL)
            g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         _("A part can only be moved inside a part of the same plan."));
          goto failed;
        }
      if (!section_depth (store, new_parent_id, id, &parent_depth, &inside_itself, error))
        goto failed;
      if (inside_itself)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("A part cannot be moved inside itself."));
          goto failed;
        }
    }

  if (!stored_height (store, id, &height, error) ||
      !check_depth (parent_depth, height, error) ||
      !(stmt = kh_store_prepare (store, "UPDATE plan_section SET parent_id = ?2 WHERE id = ?1", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  kh_stmt_bind_id (stmt, 2, new_parent_id);
  if (!kh_store_step_done (store, stmt, error))
    goto failed;

  if (old_parent_id != new_parent_id)
    {
      if (!(old_siblings = list_siblings (store, plan_id, old_parent_id, id, error)) ||
          !renumber (store, old_siblings, error))
        goto failed;
    }

  if (!(new_siblings = list_siblings (store, plan_id, new_parent_id, id, error)))
    goto failed;
  insert_id_at (new_siblings, new_index, id);
  if (!renumber (store, new_siblings, error))
    goto failed;

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}
