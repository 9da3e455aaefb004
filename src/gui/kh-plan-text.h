/* kh-plan-text.h — what every text editor of the plan page shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       kh_plan_text_view_setup       (GtkTextView *view);
char      *kh_plan_text_view_get_text    (GtkTextView *view);
gboolean   kh_plan_text_view_update      (GtkTextView *view,
                                          const char  *text);
gboolean   kh_plan_editable_update       (GtkEditable *editable,
                                          const char  *text);
void       kh_plan_watch_legacy_paste    (GtkWidget   *widget);

G_END_DECLS
