/* kh-resources.c — data files compiled into core
 *
 * The demo, the built-in templates and the commemorative days live in
 * data/ and are compiled into core as a GResource. Core is a static
 * library: naming kh_core_get_resource() here makes the linker keep the
 * resource object, whose constructor registers it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-resources"

#include "config.h"

#include "kh-core-resources.h"
#include "kh-resources.h"

#define PREFIX "/io/github/kehoach/KeHoach/core/"

/* name is relative to data/, e.g. "demo/pho-minh-2024.json". */
GBytes *
kh_resources_lookup (const char  *name,
                     GError     **error)
{
  g_autofree char *path = g_strconcat (PREFIX, name, NULL);

  (void)kh_core_get_resource ();
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}
