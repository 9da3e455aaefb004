/* kh-backups-page.h — Preferences: the backups, made and restored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"
#include "kh-backup.h"

G_BEGIN_DECLS

#define KH_TYPE_BACKUPS_PAGE (kh_backups_page_get_type ())
G_DECLARE_FINAL_TYPE (KhBackupsPage, kh_backups_page, KH, BACKUPS_PAGE, AdwPreferencesPage)

GtkWidget *kh_backups_page_new           (KhApplication       *application);
gboolean   kh_backups_page_is_busy       (KhBackupsPage       *self);

/* How a backup is described, here and on the recovery page */
char      *kh_backup_format_time         (GDateTime           *created);
char      *kh_backup_format_contents     (const KhBackupInfo  *info);

G_END_DECLS
