/* kh-list-row.h — a row with a title, a subtitle and widgets after them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_LIST_ROW (kh_list_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (KhListRow, kh_list_row, KH, LIST_ROW, AdwPreferencesRow)

struct _KhListRowClass
{
  AdwPreferencesRowClass parent_class;
};

GtkWidget  *kh_list_row_new                (void);
void        kh_list_row_set_title          (KhListRow  *self,
                                            const char *title);
const char *kh_list_row_get_title          (KhListRow  *self);
void        kh_list_row_set_subtitle       (KhListRow  *self,
                                            const char *subtitle);
const char *kh_list_row_get_subtitle       (KhListRow  *self);
void        kh_list_row_set_title_lines    (KhListRow  *self,
                                            int         lines);
void        kh_list_row_set_subtitle_lines (KhListRow  *self,
                                            int         lines);
void        kh_list_row_add_prefix         (KhListRow  *self,
                                            GtkWidget  *widget);
void        kh_list_row_add_suffix         (KhListRow  *self,
                                            GtkWidget  *widget);

G_END_DECLS
