/* kh-test-ui.h — what every UI test needs: waiting on a condition and
 * finding a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*Predicate) (gpointer data);
typedef gboolean (*Match)     (GtkWidget     *widget,
                               gconstpointer  data);

gboolean   kh_test_wait_for    (Predicate      predicate,
                                gpointer       data);
GtkWidget *kh_test_find_widget (GtkWidget     *root,
                                Match          match,
                                gconstpointer  data);

G_END_DECLS
