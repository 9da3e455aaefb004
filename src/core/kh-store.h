/* kh-store.h — the SQLite database behind everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KH_STORE_ERROR (kh_store_error_quark ())

typedef enum
{
  KH_STORE_ERROR_OPEN,          /* the file or its folder cannot be opened */
  KH_STORE_ERROR_NOT_DATABASE,  /* the file is not an SQLite database */
  KH_STORE_ERROR_CORRUPT,       /* quick_check failed */
  KH_STORE_ERROR_TOO_NEW,       /* written by a newer Kế Hoạch */
  KH_STORE_ERROR_MIGRATION,     /* a schema upgrade failed (rolled back) */
  KH_STORE_ERROR_READ_ONLY,     /* the database cannot be written */
  KH_STORE_ERROR_BUSY,          /* another program holds the database */
  KH_STORE_ERROR_DISK_FULL,
  KH_STORE_ERROR_CONSTRAINT,    /* a rule of the data was broken */
  KH_STORE_ERROR_NOT_FOUND,
  KH_STORE_ERROR_INVALID,       /* a value given by the user is not acceptable */
  KH_STORE_ERROR_FROZEN,        /* the document is issued; its text cannot change */
  KH_STORE_ERROR_EXISTS,        /* data is already there (e.g. the demo) */
  KH_STORE_ERROR_FAILED,
} KhStoreError;

typedef enum
{
  KH_STORE_OPEN_DEFAULT     = 0,
  KH_STORE_OPEN_DEFER_CHECK = 1 << 0,  /* quick_check later, see kh_store_verify() */
} KhStoreOpenFlags;

#define KH_TYPE_STORE (kh_store_get_type ())
G_DECLARE_FINAL_TYPE (KhStore, kh_store, KH, STORE, GObject)

GQuark      kh_store_error_quark        (void);
char       *kh_store_default_path       (void);
KhStore    *kh_store_open               (const char  *path,
                                         GError     **error);
KhStore    *kh_store_open_full          (const char  *path,
                                         KhStoreOpenFlags flags,
                                         GError     **error);
gboolean    kh_store_verify             (KhStore     *self,
                                         GError     **error);
gboolean    kh_store_is_verified        (KhStore     *self);
const char *kh_store_get_path           (KhStore     *self);
int         kh_store_get_schema_version (KhStore     *self);
gint64      kh_store_get_data_version   (KhStore     *self);
gboolean    kh_store_is_read_only       (KhStore     *self);
gboolean    kh_store_is_empty           (KhStore     *self);

gboolean    kh_store_begin              (KhStore     *self,
                                         GError     **error);
gboolean    kh_store_commit             (KhStore     *self,
                                         GError     **error);
void        kh_store_rollback           (KhStore     *self);

G_END_DECLS
