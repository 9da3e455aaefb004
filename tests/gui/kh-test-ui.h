/* kh-test-ui.h — what every UI test needs: waiting on a condition,
 * finding a widget, a window or the message dialog shown, what a widget draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"
#include "kh-window.h"

G_BEGIN_DECLS

typedef gboolean (*Predicate) (gpointer data);
typedef void     (*KhTestBody) (KhApplication *app,
                                KhWindow      *window,
                                gconstpointer  data);
typedef gboolean (*Match)     (GtkWidget     *widget,
                               gconstpointer  data);

gboolean   kh_test_wait_for    (Predicate      predicate,
                                gpointer       data);
GtkWidget *kh_test_find_widget (GtkWidget     *root,
                                Match          match,
                                gconstpointer  data);
AdwMessageDialog *
           kh_test_wait_for_message_dialog
                               (void);
GskRenderNode *
           kh_test_draw_widget (GtkWidget     *widget);
GtkWindow *kh_test_find_toplevel
                               (GType          type);
gboolean   kh_test_toplevel_shown
                               (gpointer       type);
gboolean   kh_test_toplevel_gone
                               (gpointer       type);
GtkWindow *kh_test_wait_for_toplevel
                               (GType          type);
gboolean   kh_test_is_entry_row_titled
                               (GtkWidget     *widget,
                                gconstpointer  title);
const char *kh_test_row_subtitle
                               (GtkWidget     *row);
void       kh_test_run_application
                               (const char    *path,
                                KhTestBody     body,
                                gconstpointer  data);

G_END_DECLS
