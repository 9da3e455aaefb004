/* kh-plan-issue-dialog.h — records the number and date a plan was issued under
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_PLAN_ISSUE_DIALOG (kh_plan_issue_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanIssueDialog, kh_plan_issue_dialog, KH, PLAN_ISSUE_DIALOG, AdwWindow)

KhPlanIssueDialog *kh_plan_issue_dialog_new (GtkWindow *parent,
                                             KhStore   *store,
                                             gint64     plan_id);
KhPlanIssueDialog *kh_plan_issue_dialog_new_for_report (GtkWindow *parent,
                                                        KhStore   *store,
                                                        gint64     report_id);

G_END_DECLS
