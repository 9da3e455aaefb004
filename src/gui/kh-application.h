/* kh-application.h — the application: the database, settings and app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_APPLICATION (kh_application_get_type ())
G_DECLARE_FINAL_TYPE (KhApplication, kh_application, KH, APPLICATION, AdwApplication)

KhApplication *kh_application_new                (void);
GSettings     *kh_application_get_settings       (KhApplication  *self);
KhStore       *kh_application_get_store          (KhApplication  *self);
const GError  *kh_application_get_store_error    (KhApplication  *self);
const char    *kh_application_get_database_path  (KhApplication  *self);
gboolean       kh_application_open_database      (KhApplication  *self,
                                                  const char     *path);
void           kh_application_store_changed      (KhApplication  *self);
gboolean       kh_application_restore_backup     (KhApplication  *self,
                                                  const char     *backup_path,
                                                  char          **undo_path,
                                                  GError        **error);
gboolean       kh_application_recover            (KhApplication  *self,
                                                  const char     *backup_path,
                                                  char          **damaged_path,
                                                  GError        **error);

G_END_DECLS
