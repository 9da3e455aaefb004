/* kh-plan-state-bar.h — where the plan stands: draft, for signing, issued
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-agency.h"
#include "kh-plan.h"

G_BEGIN_DECLS

#define KH_TYPE_PLAN_STATE_BAR (kh_plan_state_bar_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanStateBar, kh_plan_state_bar, KH, PLAN_STATE_BAR, AdwBin)

void kh_plan_state_bar_set_plan        (KhPlanStateBar *self,
                                        const KhPlan   *plan,
                                        const KhAgency *agency);
void kh_plan_state_bar_set_state      (KhPlanStateBar *self,
                                        KhPlanState     state,
                                        const char     *symbol,
                                        const GDate    *issued_on,
                                        const char     *issued_detail,
                                        gboolean        can_copy);
void kh_plan_state_bar_set_save_status (KhPlanStateBar *self,
                                        const char     *status,
                                        gboolean        error);

G_END_DECLS
