/* kh-department.h — the units of the agency that carry out tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_DEPARTMENT (kh_department_get_type ())
G_DECLARE_FINAL_TYPE (KhDepartment, kh_department, KH, DEPARTMENT, GObject)

KhDepartment *kh_department_new               (gint64       id,
                                               const char  *name,
                                               const char  *kind,
                                               int          position,
                                               gboolean     archived);
gint64        kh_department_get_id            (KhDepartment *self);
const char   *kh_department_get_name          (KhDepartment *self);
const char   *kh_department_get_kind          (KhDepartment *self);
int           kh_department_get_position      (KhDepartment *self);
gboolean      kh_department_get_archived      (KhDepartment *self);

GPtrArray    *kh_store_list_departments       (KhStore      *store,
                                               gboolean      include_archived,
                                               GError      **error);
KhDepartment *kh_store_get_department         (KhStore      *store,
                                               gint64        id,
                                               GError      **error);
gint64        kh_store_find_department        (KhStore      *store,
                                               const char   *name);
gint64        kh_store_add_department         (KhStore      *store,
                                               const char   *name,
                                               const char   *kind,
                                               GError      **error);
gboolean      kh_store_rename_department      (KhStore      *store,
                                               gint64        id,
                                               const char   *name,
                                               GError      **error);
gboolean      kh_store_move_department        (KhStore      *store,
                                               gint64        id,
                                               int           new_index,
                                               GError      **error);
gboolean      kh_store_set_department_archived (KhStore     *store,
                                                gint64       id,
                                                gboolean     archived,
                                                GError     **error);

G_END_DECLS
