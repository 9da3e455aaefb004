/* kh-new-plan-dialog.h — makes the plan of a year: from an earlier plan, a template, or blank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-window.h"

G_BEGIN_DECLS

#define KH_TYPE_NEW_PLAN_DIALOG (kh_new_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhNewPlanDialog, kh_new_plan_dialog, KH, NEW_PLAN_DIALOG, AdwWindow)

KhNewPlanDialog *kh_new_plan_dialog_new (KhWindow *window);

G_END_DECLS
