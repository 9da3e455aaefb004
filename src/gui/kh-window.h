/* kh-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-application.h"

G_BEGIN_DECLS

#define KH_TYPE_WINDOW (kh_window_get_type ())
G_DECLARE_FINAL_TYPE (KhWindow, kh_window, KH, WINDOW, AdwApplicationWindow)

KhWindow *kh_window_new              (KhApplication *application);
void      kh_window_show_preferences (KhWindow      *self);
void      kh_window_hold_busy        (KhWindow      *self);
void      kh_window_release_busy     (KhWindow      *self);
void      kh_window_add_toast        (KhWindow      *self,
                                      AdwToast      *toast);
void      kh_window_add_toast_for    (GtkWidget     *widget,
                                      AdwToast      *toast);
void      kh_window_show_error_for   (GtkWidget     *widget,
                                      const GError  *error);
gint64    kh_window_get_plan_id      (KhWindow      *self);
void      kh_window_select_plan      (KhWindow      *self,
                                      gint64         plan_id);
KhApplication *kh_window_get_application (KhWindow  *self);
void      kh_window_show_view        (KhWindow      *self,
                                      const char    *name);
gboolean  kh_window_is_preparing_pages (KhWindow *self);
GtkWidget *kh_window_get_view        (KhWindow      *self,
                                     const char    *name);

G_END_DECLS
