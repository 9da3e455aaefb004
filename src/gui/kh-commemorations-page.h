/* kh-commemorations-page.h — Preferences: the commemorative days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"

G_BEGIN_DECLS

#define KH_TYPE_COMMEMORATIONS_PAGE (kh_commemorations_page_get_type ())
G_DECLARE_FINAL_TYPE (KhCommemorationsPage, kh_commemorations_page, KH, COMMEMORATIONS_PAGE, AdwPreferencesPage)

GtkWidget *kh_commemorations_page_new (KhApplication *application);

G_END_DECLS
