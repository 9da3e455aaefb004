/* kh-recipients-group.h — Preferences: the default recipients (Nơi nhận)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"
#include "kh-preferences-rows.h"

G_BEGIN_DECLS

#define KH_TYPE_RECIPIENTS_GROUP (kh_recipients_group_get_type ())
G_DECLARE_FINAL_TYPE (KhRecipientsGroup, kh_recipients_group, KH, RECIPIENTS_GROUP, AdwPreferencesGroup)

void kh_recipients_group_load (KhRecipientsGroup *self,
                               KhApplication     *application,
                               KhPageErrors      *errors);

G_END_DECLS
