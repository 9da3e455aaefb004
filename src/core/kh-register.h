/* kh-register.h — the register of issued document numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

gboolean kh_store_check_number_free (KhStore      *store,
                                     const char   *doc_type,
                                     int           year,
                                     int           number,
                                     GError      **error);
gboolean kh_store_register_number   (KhStore      *store,
                                     const char   *doc_type,
                                     int           number,
                                     const GDate  *issued_on,
                                     const char   *summary,
                                     gint64        plan_id,
                                     gint64        report_id,
                                     GError      **error);

G_END_DECLS
