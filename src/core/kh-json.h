/* kh-json.h — a read-only JSON tree, parsed at once into a few blocks
 *
 * For reading large JSON texts (the exchange files) fast: no object, no
 * hash table, no allocation per value. A whole text is parsed into an
 * arena freed at once by kh_json_free(); the nodes point into it.
 *
 * What it accepts is RFC 8259, strictly: no comments, no 'strings', no
 * trailing commas, no leading zeros, no text after the value, no control
 * character inside a string. A UTF-8 byte order mark before the value is
 * skipped. The text must be UTF-8; a lone surrogate escape and \u0000
 * are refused (every string is a C string). Nesting and the number of
 * values are bounded while parsing, without recursion.
 *
 * Values as json-glib reads them:
 *  - a number without fraction or exponent that fits a gint64 is an
 *    integer, any other a double (json-glib wraps an integer that does
 *    not fit; here it becomes the nearest double);
 *  - an object keeps its members in the order of the text; a name given
 *    twice keeps the place of its first member and the value of its last.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KH_JSON_ERROR (kh_json_error_quark ())

typedef enum
{
  KH_JSON_ERROR_SYNTAX,     /* not JSON */
  KH_JSON_ERROR_ENCODING,   /* not UTF-8, a lone surrogate, U+0000 */
  KH_JSON_ERROR_DEPTH,      /* nested deeper than allowed */
  KH_JSON_ERROR_SIZE,       /* more values than allowed */
} KhJsonError;

typedef enum
{
  KH_JSON_NULL,
  KH_JSON_BOOLEAN,
  KH_JSON_INTEGER,
  KH_JSON_DOUBLE,
  KH_JSON_STRING,
  KH_JSON_ARRAY,
  KH_JSON_OBJECT,
} KhJsonType;

/* Where a parse error is: both from 1, the column in characters. */
typedef struct
{
  guint line;
  guint column;
} KhJsonPosition;

typedef struct _KhJson     KhJson;
typedef struct _KhJsonNode KhJsonNode;

GQuark       kh_json_error_quark        (void);

KhJson      *kh_json_parse              (const char        *text,
                                         gsize              length,
                                         guint              max_depth,
                                         gsize              max_values,
                                         KhJsonPosition    *position,
                                         GError           **error);
void         kh_json_free               (KhJson            *json);
KhJsonNode  *kh_json_get_root           (KhJson            *json);
void         kh_json_set_string         (KhJson            *json,
                                         KhJsonNode        *node,
                                         const char        *text);

/* Each of these takes NULL, or a node of another type, as absent:
 * 0, FALSE, NULL. */
KhJsonType   kh_json_node_get_node_type (const KhJsonNode  *node);
gboolean     kh_json_node_is_null       (const KhJsonNode  *node);
gboolean     kh_json_node_get_boolean   (const KhJsonNode  *node);
gint64       kh_json_node_get_int       (const KhJsonNode  *node);
double       kh_json_node_get_double    (const KhJsonNode  *node);
const char  *kh_json_node_get_string    (const KhJsonNode  *node,
                                         gsize             *length);
guint        kh_json_node_get_length    (const KhJsonNode  *node);

KhJsonNode  *kh_json_array_get_element  (const KhJsonNode  *array,
                                         guint              index);
KhJsonNode  *kh_json_object_get_member  (const KhJsonNode  *object,
                                         const char        *name);
const char  *kh_json_object_get_name    (const KhJsonNode  *object,
                                         guint              index);
KhJsonNode  *kh_json_object_get_value   (const KhJsonNode  *object,
                                         guint              index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhJson, kh_json_free)

G_END_DECLS
