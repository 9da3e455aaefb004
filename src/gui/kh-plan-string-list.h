/* kh-plan-string-list.h — an ordered list of lines: legal bases, recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_PLAN_STRING_LIST (kh_plan_string_list_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanStringList, kh_plan_string_list, KH, PLAN_STRING_LIST, AdwPreferencesGroup)

void    kh_plan_string_list_set_lines    (KhPlanStringList   *self,
                                          const char * const *lines);
char  **kh_plan_string_list_get_lines    (KhPlanStringList   *self);
void    kh_plan_string_list_set_editable (KhPlanStringList   *self,
                                          gboolean            editable);
void    kh_plan_string_list_add_line     (KhPlanStringList   *self,
                                          int                 index,
                                          const char         *text);
void    kh_plan_string_list_remove_line  (KhPlanStringList   *self,
                                          guint               index);

G_END_DECLS
