/* kh-agency-page.h — Preferences: the agency, its signers and default recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"

G_BEGIN_DECLS

#define KH_TYPE_AGENCY_PAGE (kh_agency_page_get_type ())
G_DECLARE_FINAL_TYPE (KhAgencyPage, kh_agency_page, KH, AGENCY_PAGE, AdwPreferencesPage)

GtkWidget *kh_agency_page_new  (KhApplication  *application);
gboolean   kh_agency_page_save (KhAgencyPage   *self,
                                GError        **error);

G_END_DECLS
