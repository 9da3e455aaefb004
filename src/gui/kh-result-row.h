/* kh-result-row.h — one recorded result in the results page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-list-row.h"

#include "kh-indicator.h"
#include "kh-result.h"

G_BEGIN_DECLS

#define KH_TYPE_RESULT_ROW (kh_result_row_get_type ())
G_DECLARE_FINAL_TYPE (KhResultRow, kh_result_row, KH, RESULT_ROW, KhListRow)

GtkWidget *kh_result_row_new           (const KhResult    *result,
                                        const char        *department_name,
                                        const char        *task_title,
                                        const KhIndicator *indicator);
gint64     kh_result_row_get_result_id (KhResultRow       *self);

G_END_DECLS
