/* kh-result-dialog.h — records one result, or edits one (quick entry)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-window.h"

G_BEGIN_DECLS

#define KH_TYPE_RESULT_DIALOG (kh_result_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhResultDialog, kh_result_dialog, KH, RESULT_DIALOG, AdwWindow)

KhResultDialog *kh_result_dialog_new            (KhWindow       *window,
                                                 gint64          result_id);
void            kh_result_dialog_set_department (KhResultDialog *self,
                                                 gint64          department_id);

G_END_DECLS
