/* kh-departments-page.h — Preferences: the agency's departments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"

G_BEGIN_DECLS

#define KH_TYPE_DEPARTMENTS_PAGE (kh_departments_page_get_type ())
G_DECLARE_FINAL_TYPE (KhDepartmentsPage, kh_departments_page, KH, DEPARTMENTS_PAGE, AdwPreferencesPage)

GtkWidget *kh_departments_page_new (KhApplication *application);

G_END_DECLS
