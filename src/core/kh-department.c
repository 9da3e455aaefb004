/* kh-department.c — the units of the agency that carry out tasks
 *
 * Departments are never deleted once they have history: they are
 * archived, so old plans, tasks and results still name them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-department"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-department.h"
#include "kh-store-private.h"
#include "kh-text.h"

struct _KhDepartment
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  char     *kind;
  int       position;
  gboolean  archived;
};

G_DEFINE_FINAL_TYPE (KhDepartment, kh_department, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_department_finalize (GObject *object)
{
  KhDepartment *self = (KhDepartment *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (kh_department_parent_class)->finalize (object);
}

static void
kh_department_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KhDepartment *self = KH_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_department_class_init (KhDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_department_finalize;
  object_class->get_property = kh_department_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_department_init (KhDepartment *self)
{
}

KhDepartment *
kh_department_new (gint64      id,
                   const char *name,
                   const char *kind,
                   int         position,
                   gboolean    archived)
{
  KhDepartment *self = g_object_new (KH_TYPE_DEPARTMENT, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->kind = g_strdup (kind ? kind : "");
  self->position = position;
  self->archived = archived;
  return self;
}

gint64
kh_department_get_id (KhDepartment *self)
{
  g_return_val_if_fail (KH_IS_DEPARTMENT (self), 0);
  return self->id;
}

const char *
kh_department_get_name (KhDepartment *self)
{
  g_return_val_if_fail (KH_IS_DEPARTMENT (self), NULL);
  return self->name;
}

const char *
kh_department_get_kind (KhDepartment *self)
{
  g_return_val_if_fail (KH_IS_DEPARTMENT (self), NULL);
  return self->kind;
}

int
kh_department_get_position (KhDepartment *self)
{
  g_return_val_if_fail (KH_IS_DEPARTMENT (self), 0);
  return self->position;
}

gboolean
kh_department_get_archived (KhDepartment *self)
{
  g_return_val_if_fail (KH_IS_DEPARTMENT (self), FALSE);
  return self->archived;
}

static KhDepartment *
department_from_row (KhStmt *stmt)
{
  return kh_department_new (sqlite3_column_int64 (stmt, 0),
                            kh_stmt_column_text (stmt, 1),
                            kh_stmt_column_text (stmt, 2),
                            sqlite3_column_int (stmt, 3),
                            sqlite3_column_int (stmt, 4) != 0);
}

GPtrArray *
kh_store_list_departments (KhStore   *store,
                           gboolean   include_archived,
                           GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT id, name, kind, position, archived FROM department"
                           " WHERE archived = 0 OR ?1 ORDER BY archived, position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_archived);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (departments, department_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&departments);
}

KhDepartment *
kh_store_get_department (KhStore  *store,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT id, name, kind, position, archived FROM department WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The department no longer exists."));
      return NULL;
    }

  return department_from_row (stmt);
}

/* Returns the id of the department of that name, or 0. Vietnamese case
 * is folded here: SQLite's NOCASE folds only ASCII. */
gint64
kh_store_find_department (KhStore    *store,
                          const char *name)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = kh_text_strip (name);
  g_autofree char *wanted = g_utf8_casefold (clean, -1);

  stmt = kh_store_prepare (store, "SELECT id, name FROM department", NULL);
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
                   _("The department needs a name."));
      return NULL;
    }

  if (g_utf8_strlen (clean, -1) > 200)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The department’s name is too long (at most 200 characters)."));
      return NULL;
    }

  other = kh_store_find_department (store, clean);
  if (other != 0 && other != id)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("There is already a department called “%s”."), clean);
      return NULL;
    }

  return g_steal_pointer (&clean);
}

gint64
kh_store_add_department (KhStore     *store,
                         const char  *name,
                         const char  *kind,
                         GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = NULL;

  if (!kh_store_check_writable (store, error))
    return 0;

  if (!(clean = checked_name (store, 0, name, error)))
    return 0;

  stmt = kh_store_prepare (store,
                           "INSERT INTO department (name, kind, position)"
                           " VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM department))",
                           error);
  if (stmt == NULL)
    return 0;

  kh_stmt_bind_text (stmt, 1, clean);
  kh_stmt_bind_text (stmt, 2, kind ? kind : "");
  if (!kh_store_step_done (store, stmt, error))
    return 0;

  return kh_store_last_insert_id (store);
}

gboolean
kh_store_rename_department (KhStore     *store,
                            gint64       id,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean = NULL;

  if (!kh_store_check_writable (store, error))
    return FALSE;

  if (!(clean = checked_name (store, id, name, error)))
    return FALSE;

  stmt = kh_store_prepare (store, "UPDATE department SET name = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  kh_stmt_bind_text (stmt, 2, clean);
  if (!kh_store_step_done (store, stmt, error))
    return FALSE;

  if (kh_store_changes (store) == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The department no longer exists."));
      return FALSE;
    }

  return TRUE;
}

/* Moves a department to new_index among all departments and renumbers
 * the positions 0…n-1 in one transaction. */
gboolean
kh_store_move_department (KhStore   *store,
                          gint64     id,
                          int        new_index,
                          GError   **error)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(KhStmt) update = NULL;
  KhDepartment *moving = NULL;

  if (!kh_store_begin (store, error))
    return FALSE;

  departments = kh_store_list_departments (store, TRUE, error);
  update = departments ? kh_store_prepare (store,
                                           "UPDATE department SET position = ?2 WHERE id = ?1",
                                           error) : NULL;
  if (update == NULL)
    goto failed;

  for (guint i = 0; i < departments->len; i++)
    if (kh_department_get_id (departments->pdata[i]) == id)
      moving = g_ptr_array_steal_index (departments, i);

  if (moving == NULL)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The department no longer exists."));
      goto failed;
    }

  new_index = CLAMP (new_index, 0, (int)departments->len);
  g_ptr_array_insert (departments, new_index, moving);

  for (guint i = 0; i < departments->len; i++)
    {
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, kh_department_get_id (departments->pdata[i]));
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
kh_store_set_department_archived (KhStore   *store,
                                  gint64     id,
                                  gboolean   archived,
                                  GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (!kh_store_check_writable (store, error))
    return FALSE;

  stmt = kh_store_prepare (store, "UPDATE department SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  if (!kh_store_step_done (store, stmt, error))
    return FALSE;

  if (kh_store_changes (store) == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The department no longer exists."));
      return FALSE;
    }
  return TRUE;
}
