/* kh-recovery-page.h — why the database cannot be opened, and the way back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"

G_BEGIN_DECLS

#define KH_TYPE_RECOVERY_PAGE (kh_recovery_page_get_type ())
G_DECLARE_FINAL_TYPE (KhRecoveryPage, kh_recovery_page, KH, RECOVERY_PAGE, GtkWidget)

void        kh_recovery_page_update          (KhRecoveryPage *self,
                                              KhApplication  *application);
const char *kh_recovery_page_get_backup_path (KhRecoveryPage *self);

G_END_DECLS
