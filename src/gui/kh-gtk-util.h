/* kh-gtk-util.h — small helpers the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       kh_list_box_remove_all      (GtkListBox  *list);
void       kh_widget_retire            (GtkWidget   *widget);
gboolean   kh_widget_content_changed   (GtkWidget   *widget,
                                        const char  *key);
GtkWidget *kh_placeholder_new          (const char  *text);
AdwToast  *kh_toast_new                (const char  *text);
void       kh_toast_set_text           (AdwToast    *toast,
                                        const char  *text);
GtkWidget *kh_icon_button_new          (const char  *icon_name,
                                        const char  *tooltip,
                                        const char  *accessible_label);
void       kh_widget_set_tooltip_quietly (GtkWidget  *widget,
                                          const char *text);
void       kh_widget_set_accessible_label (GtkWidget  *widget,
                                           const char *label);
void       kh_today                    (GDate       *date);

G_END_DECLS
