/* kh-templates-page.h — Preferences: the templates new plans start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"

G_BEGIN_DECLS

#define KH_TYPE_TEMPLATES_PAGE (kh_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (KhTemplatesPage, kh_templates_page, KH, TEMPLATES_PAGE, AdwPreferencesPage)

GtkWidget *kh_templates_page_new (KhApplication *application);

G_END_DECLS
