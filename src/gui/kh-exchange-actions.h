/* kh-exchange-actions.h — export and import exchange files from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-window.h"

G_BEGIN_DECLS

void kh_exchange_export_present   (KhWindow   *window);
void kh_exchange_import_present   (KhWindow   *window);
void kh_exchange_export_to_path   (KhWindow   *window,
                                   const char *path);
void kh_exchange_import_from_path (KhWindow   *window,
                                   const char *path);

G_END_DECLS
