/* kh-resources.h — data files compiled into core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *kh_resources_lookup (const char  *name,
                             GError     **error);

G_END_DECLS
