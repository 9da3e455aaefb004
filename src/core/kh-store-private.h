/* kh-store-private.h — for core modules that run SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "kh-store.h"

G_BEGIN_DECLS

/* A cached prepared statement. Declared with g_autoptr(KhStmt) it is
 * reset and unbound when it goes out of scope, ready for the next use. */
typedef sqlite3_stmt KhStmt;

static inline void
kh_stmt_release (KhStmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhStmt, kh_stmt_release)

sqlite3    *kh_store_get_db         (KhStore     *self);
KhStmt     *kh_store_prepare        (KhStore     *self,
                                     const char  *sql,
                                     GError     **error);
gboolean    kh_store_check_writable (KhStore     *self,
                                     GError     **error);
gboolean    kh_store_set_error      (KhStore     *self,
                                     int          rc,
                                     GError     **error);
gboolean    kh_store_step_done      (KhStore     *self,
                                     KhStmt      *stmt,
                                     GError     **error);
gint64      kh_store_last_insert_id (KhStore     *self);
int         kh_store_changes        (KhStore     *self);

/* Binding text always stores it NFC-normalised and cleaned (kh-text.h). */
void        kh_stmt_bind_text       (KhStmt      *stmt,
                                     int          index,
                                     const char  *text);
void        kh_stmt_bind_date       (KhStmt      *stmt,
                                     int          index,
                                     const GDate *date);
void        kh_stmt_bind_id         (KhStmt      *stmt,
                                     int          index,
                                     gint64       id);
const char *kh_stmt_column_text     (KhStmt      *stmt,
                                     int          column);
gboolean    kh_stmt_column_date     (KhStmt      *stmt,
                                     int          column,
                                     GDate       *date);

/* kh-schema.c */
#define KH_SCHEMA_VERSION 1
gboolean    kh_schema_migrate       (sqlite3     *db,
                                     int          from_version,
                                     GError     **error);

G_END_DECLS
