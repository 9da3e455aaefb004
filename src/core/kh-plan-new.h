/* kh-plan-new.h — a new plan from a template, or blank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-plan.h"

G_BEGIN_DECLS

gint64 kh_store_create_plan_from_template (KhStore      *store,
                                           gint64        template_id,
                                           int           year,
                                           const char   *revision,
                                           char       ***skipped_tasks,
                                           GError      **error);
gint64 kh_store_create_blank_plan         (KhStore      *store,
                                           int           year,
                                           const char   *kind,
                                           const char   *revision,
                                           GError      **error);

G_END_DECLS
