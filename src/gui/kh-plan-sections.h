/* kh-plan-sections.h — the parts and items of a plan, as numbered rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-plan.h"
#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_PLAN_SECTIONS (kh_plan_sections_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanSections, kh_plan_sections, KH, PLAN_SECTIONS, AdwBin)

void      kh_plan_sections_show      (KhPlanSections  *self,
                                      KhStore         *store,
                                      const KhPlan    *plan,
                                      gboolean         editable);
void      kh_plan_sections_clear     (KhPlanSections  *self);
gboolean  kh_plan_sections_is_dirty  (KhPlanSections  *self);
gboolean  kh_plan_sections_save      (KhPlanSections  *self,
                                      GError         **error);
void      kh_plan_sections_add_part  (KhPlanSections  *self);

G_END_DECLS
