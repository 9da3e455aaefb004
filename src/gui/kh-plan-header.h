/* kh-plan-header.h — the plan's header: year, title, signer, bases, opening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-agency.h"
#include "kh-plan.h"

G_BEGIN_DECLS

#define KH_TYPE_PLAN_HEADER (kh_plan_header_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanHeader, kh_plan_header, KH, PLAN_HEADER, AdwBin)

void    kh_plan_header_set_plan      (KhPlanHeader   *self,
                                      const KhPlan   *plan,
                                      GPtrArray      *signers,
                                      const KhAgency *agency,
                                      gboolean        fields,
                                      gboolean        bases);
void    kh_plan_header_fill_plan     (KhPlanHeader   *self,
                                      KhPlan         *plan);
char  **kh_plan_header_get_bases     (KhPlanHeader   *self);
void    kh_plan_header_set_editable  (KhPlanHeader   *self,
                                      gboolean        editable,
                                      gboolean        year_editable);
void    kh_plan_header_show_error    (KhPlanHeader   *self,
                                      const GError   *error);

char   *kh_plan_signature_preview    (const char     *authority,
                                      const KhSigner *signer,
                                      GPtrArray      *signers,
                                      const KhAgency *agency);

G_END_DECLS
