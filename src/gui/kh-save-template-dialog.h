/* kh-save-template-dialog.h — saves a plan as a template of the agency's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"

G_BEGIN_DECLS

#define KH_TYPE_SAVE_TEMPLATE_DIALOG (kh_save_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhSaveTemplateDialog, kh_save_template_dialog, KH, SAVE_TEMPLATE_DIALOG, AdwWindow)

void kh_save_template_dialog_present (GtkWindow     *parent,
                                      KhApplication *application,
                                      gint64         plan_id);

G_END_DECLS
