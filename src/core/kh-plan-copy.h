/* kh-plan-copy.h — a new plan from an earlier one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-plan.h"

G_BEGIN_DECLS

char   *kh_text_replace_year (const char  *text,
                              int          year,
                              const char  *replacement);
gint64  kh_store_copy_plan   (KhStore     *store,
                              gint64       source_id,
                              int          new_year,
                              const char  *revision,
                              GError     **error);

G_END_DECLS
