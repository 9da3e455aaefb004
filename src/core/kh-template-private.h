/* kh-template-private.h — reading template bodies, for core modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "kh-template.h"

G_BEGIN_DECLS

#define KH_TEMPLATE_FORMAT "kehoach-template"
#define KH_TEMPLATE_FORMAT_VERSION 1

JsonNode   *kh_template_parse_body      (const char  *name,
                                         const char  *body,
                                         GError     **error);
JsonNode   *kh_template_builtin_of_kind (const char  *kind,
                                         GError     **error);
char       *kh_template_check_name      (KhStore     *store,
                                         gint64       id,
                                         const char  *name,
                                         GError     **error);

/* Lenient access: a missing or mistyped member reads as empty. */
const char *kh_json_member_string       (JsonObject  *object,
                                         const char  *name);
double      kh_json_member_number       (JsonObject  *object,
                                         const char  *name);
JsonArray  *kh_json_member_array        (JsonObject  *object,
                                         const char  *name);
JsonObject *kh_json_element_object      (JsonArray   *array,
                                         guint        index);
char      **kh_json_member_strv         (JsonObject  *object,
                                         const char  *name);

G_END_DECLS
