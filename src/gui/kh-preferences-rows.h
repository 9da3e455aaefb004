/* kh-preferences-rows.h — what the Preferences pages' lists share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A page's errors: the row's "error" style and one toast that says why.
 * An error from before the page is in a window waits until it is mapped. */
typedef struct
{
  GtkWidget *page;      /* borrowed */
  AdwToast  *toast;     /* weak */
  GError    *pending;
} KhPageErrors;

void       kh_page_errors_init          (KhPageErrors  *errors,
                                         GtkWidget     *page);
void       kh_page_errors_show          (KhPageErrors  *errors,
                                         GtkWidget     *row,
                                         const GError  *error);
void       kh_page_errors_clear         (KhPageErrors  *errors,
                                         GtkWidget     *row);
void       kh_page_errors_show_pending  (KhPageErrors  *errors);
void       kh_page_errors_dispose       (KhPageErrors  *errors);
void       kh_page_add_toast            (GtkWidget     *page,
                                         AdwToast      *toast);
void       kh_entry_row_clear_error_on_change (GtkWidget *row);

/* Rows that stand for something in the store */
void       kh_row_set_id                (GtkWidget     *row,
                                         gint64         id);
gint64     kh_row_get_id                (GtkWidget     *row);
GtkWidget *kh_list_box_find_row         (GtkListBox    *list,
                                         gint64         id);
void       kh_list_box_remove_rows_except (GtkListBox  *list,
                                           GtkWidget   *keep);

/* Ordered lists: rows moved up and down, archived and restored */
GtkWidget *kh_move_button_new           (gboolean       up,
                                         const char    *item,
                                         gboolean       sensitive);
GtkWidget *kh_archive_button_new        (const char    *item,
                                         const char    *tooltip);
GtkWidget *kh_restore_button_new        (const char    *item);
void       kh_ordered_row_set_buttons   (GtkWidget     *row,
                                         GtkWidget     *up,
                                         GtkWidget     *down,
                                         GtkWidget     *archive);
void       kh_ordered_list_focus_moved  (GtkListBox    *list,
                                         gint64         id,
                                         int            delta);
void       kh_ordered_list_focus_archived (GtkListBox  *list,
                                           int          index,
                                           GtkWidget   *fallback);
AdwToast  *kh_archived_toast_new        (const char    *item,
                                         gint64         id);
gint64     kh_archived_toast_get_id     (AdwToast      *toast);

G_END_DECLS
