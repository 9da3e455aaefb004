/* kh-exchange-export.h — plans, tasks, results and reports as JSON
 *
 * The format is described in docs/exchange-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

char     *kh_store_export_json         (KhStore     *store,
                                        gint64       plan_id,
                                        GError     **error);
char     *kh_store_export_json_year    (KhStore     *store,
                                        int          year,
                                        GError     **error);
gboolean  kh_store_export_json_to_file (KhStore     *store,
                                        gint64       plan_id,
                                        int          year,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
