/* kh-text-column.h — wrapping text that a row's box lays out cheaply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KH_TYPE_TEXT_COLUMN (kh_text_column_get_type ())

G_DECLARE_FINAL_TYPE (KhTextColumn, kh_text_column, KH, TEXT_COLUMN, GtkWidget)

GtkWidget *kh_text_column_new       (void);
void       kh_text_column_set_child (KhTextColumn *self,
                                     GtkWidget    *child);
GtkWidget *kh_text_column_get_child (KhTextColumn *self);

G_END_DECLS
