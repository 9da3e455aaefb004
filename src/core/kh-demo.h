/* kh-demo.h — the demo agency: phường Phổ Minh and its 2024 plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

gboolean kh_demo_load (KhStore   *store,
                       gboolean   replace,
                       GError   **error);

G_END_DECLS
