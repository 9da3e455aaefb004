/* kh-indicators-page.h — Preferences: what reports count (chỉ tiêu)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"

G_BEGIN_DECLS

#define KH_TYPE_INDICATORS_PAGE (kh_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (KhIndicatorsPage, kh_indicators_page, KH, INDICATORS_PAGE, AdwPreferencesPage)

GtkWidget *kh_indicators_page_new (KhApplication *application);

G_END_DECLS
