/* kh-backup.h — consistent copies of the database, and restoring them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

typedef enum
{
  KH_BACKUP_DAILY,           /* the first start of each day */
  KH_BACKUP_MANUAL,          /* asked for by the clerk (kehoach-cli backup) */
  KH_BACKUP_BEFORE_MIGRATION,
  KH_BACKUP_BEFORE_RESTORE,  /* so that a restore can be undone */
} KhBackupKind;

typedef struct
{
  char         *path;
  KhBackupKind  kind;
  GDateTime    *created;
  goffset       size;
  int           n_plans;     /* -1 when the copy cannot be read */
  int           n_results;
} KhBackupInfo;

void       kh_backup_info_free      (KhBackupInfo  *info);

char      *kh_backup_dir_for        (const char    *db_path);
char      *kh_backup_file_copy      (const char    *db_path,
                                     KhBackupKind   kind,
                                     GDateTime     *now,
                                     GError       **error);
char      *kh_store_backup          (KhStore       *store,
                                     KhBackupKind   kind,
                                     GError       **error);
char      *kh_backup_daily          (const char    *db_path,
                                     GDateTime     *now,
                                     GError       **error);
char      *kh_store_backup_daily    (KhStore       *store,
                                     GDateTime     *now,
                                     GError       **error);
gboolean   kh_backup_rotate         (const char    *db_path,
                                     GDateTime     *now,
                                     GError       **error);
GPtrArray *kh_backup_list           (const char    *db_path,
                                     GError       **error);
gboolean   kh_store_restore         (KhStore       *store,
                                     const char    *backup_path,
                                     char         **undo_path,
                                     GError       **error);

/* When the database itself cannot be opened */
gboolean      kh_backup_check       (const char    *backup_path,
                                     int           *n_plans,
                                     int           *n_results,
                                     GError       **error);
KhBackupInfo *kh_backup_find_good   (const char    *db_path,
                                     GError       **error);
gboolean      kh_backup_recover     (const char    *db_path,
                                     const char    *backup_path,
                                     char         **damaged_path,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhBackupInfo, kh_backup_info_free)

G_END_DECLS
