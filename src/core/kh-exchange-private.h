/* kh-exchange-private.h — shared by the exporter and the importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "kh-exchange-import.h"
#include "kh-json.h"
#include "kh-store-private.h"

G_BEGIN_DECLS

#define KH_EXCHANGE_FORMAT          "kehoach-exchange"
#define KH_EXCHANGE_VERSION         1
#define KH_EXCHANGE_MAX_BYTES       (50 * 1024 * 1024)
#define KH_EXCHANGE_MAX_DEPTH       64
#define KH_EXCHANGE_MAX_ELEMENTS    1000000

/* The JSON of one stored row, exactly as the exporter writes it: the
 * importer compares these before and after it applies a change. With
 * with_children FALSE a plan's node leaves out tasks, results, reports. */
JsonNode *kh_exchange_plan_node   (KhStore   *store,
                                   gint64     plan_id,
                                   gboolean   with_children,
                                   GError   **error);
JsonNode *kh_exchange_task_node   (KhStore   *store,
                                   gint64     task_id,
                                   GError   **error);
JsonNode *kh_exchange_result_node (KhStore   *store,
                                   gint64     result_id,
                                   GError   **error);
JsonNode *kh_exchange_report_node (KhStore   *store,
                                   gint64     report_id,
                                   GError   **error);

/* kh-exchange-check.c: the file is parsed within the bounds above, then
 * checked whole. */
KhJson     *kh_exchange_parse           (const char      *json,
                                         gsize            length,
                                         GError         **error);
gboolean    kh_exchange_check           (KhStore         *store,
                                         KhJsonNode      *root,
                                         KhImportReport  *report);

/* kh-exchange-json.c: members of the wrong type read as absent (the
 * checks reported them); text members read as "" when absent. */
char       *kh_exchange_fold            (const char      *name);
gboolean    kh_exchange_is_string       (KhJsonNode      *node);
gboolean    kh_exchange_is_integer      (KhJsonNode      *node);
gboolean    kh_exchange_is_number       (KhJsonNode      *node);
gboolean    kh_exchange_is_boolean      (KhJsonNode      *node);
const char *kh_exchange_string_of       (KhJsonNode      *object,
                                         const char      *name);
const char *kh_exchange_string_or_null  (KhJsonNode      *object,
                                         const char      *name);
KhJsonNode *kh_exchange_array_of        (KhJsonNode      *object,
                                         const char      *name);
KhJsonNode *kh_exchange_object_at       (KhJsonNode      *array,
                                         guint            index);
JsonNode   *kh_exchange_to_json_node    (KhJsonNode      *node);
gboolean    kh_exchange_parse_date      (const char      *text,
                                         GDate           *date);
gint64      kh_exchange_find_by_uid     (KhStore         *store,
                                         const char      *table,
                                         const char      *uid,
                                         gint64          *plan_id,
                                         char           **state);
gint64      kh_exchange_find_signer     (KhStore         *store,
                                         const char      *name);

G_END_DECLS
