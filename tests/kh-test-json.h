/* kh-test-json.h — kh-json against json-glib, for test-json and fuzz-json
 *
 * The differential property of a text:
 *  - what kh-json accepts, json-glib accepts too, as the same tree: the
 *    same types and values, the members in the same order (a name given
 *    twice at its first place, with its last value);
 *  - what json-glib accepts beyond JSON (comments, 'strings', 010, 0x1F,
 *    raw control characters…), kh-json refuses; but the same tree written
 *    as strict JSON, kh-json reads as json-glib read it;
 *  - a refusal has a line, a column and a UTF-8 message.
 * By design, an integer beyond gint64 (which json-glib wraps) is a double
 * in kh-json, and json-glib trees holding invalid UTF-8 (from a lone
 * surrogate escape) or an infinite number cannot be written as JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kh-json.h"

/* json-glib recurses: deeper texts would overflow its stack. */
#define KH_TEST_JSON_MAX_BRACKETS 2000

static inline char *
kh_test_json_compare (KhJsonNode *node,
                      JsonNode   *expected,
                      const char *path)
{
  KhJsonType type = kh_json_node_get_node_type (node);

  switch (JSON_NODE_TYPE (expected))
    {
    case JSON_NODE_NULL:
      return type == KH_JSON_NULL ? NULL : g_strdup_printf ("%s: not null", path);

    case JSON_NODE_VALUE:
      {
        GType value_type = json_node_get_value_type (expected);

        if (value_type == G_TYPE_BOOLEAN)
          return type == KH_JSON_BOOLEAN && kh_json_node_get_boolean (node) == json_node_get_boolean (expected)
                 ? NULL : g_strdup_printf ("%s: not the same boolean", path);
        if (value_type == G_TYPE_STRING)
          return g_strcmp0 (kh_json_node_get_string (node, NULL), json_node_get_string (expected)) == 0
                 ? NULL : g_strdup_printf ("%s: not the same string", path);
        if (value_type == G_TYPE_INT64)
          {
            double d = kh_json_node_get_double (node);

            if (type == KH_JSON_INTEGER && kh_json_node_get_int (node) == json_node_get_int (expected))
              return NULL;
            /* json-glib wraps what does not fit. */
            if (type == KH_JSON_DOUBLE && (d >= 9223372036854775808.0 || d <= -9223372036854775808.0))
              return NULL;
            return g_strdup_printf ("%s: not the integer %" G_GINT64_FORMAT, path, json_node_get_int (expected));
          }
        if (value_type == G_TYPE_DOUBLE)
          {
            double d = json_node_get_double (expected);

            return type == KH_JSON_DOUBLE && kh_json_node_get_double (node) == d &&
                   !signbit (kh_json_node_get_double (node)) == !signbit (d)
                   ? NULL : g_strdup_printf ("%s: not the double %.17g", path, d);
          }
        return g_strdup_printf ("%s: json-glib holds a %s", path, g_type_name (value_type));
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (expected);

        if (type != KH_JSON_ARRAY || kh_json_node_get_length (node) != json_array_get_length (array))
          return g_strdup_printf ("%s: not an array of %u", path, json_array_get_length (array));
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *element = g_strdup_printf ("%s[%u]", path, i);
            char *difference = kh_test_json_compare (kh_json_array_get_element (node, i),
                                                     json_array_get_element (array, i), element);
            if (difference != NULL)
              return difference;
          }
        return NULL;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (expected);
        g_autoptr(GList) names = json_object_get_members (object);
        guint i = 0;

        if (type != KH_JSON_OBJECT || kh_json_node_get_length (node) != g_list_length (names))
          return g_strdup_printf ("%s: not an object of %u", path, g_list_length (names));
        for (GList *l = names; l != NULL; l = l->next, i++)
          {
            g_autofree char *member = g_strdup_printf ("%s.%s", path, (const char *)l->data);
            char *difference;

            if (g_strcmp0 (kh_json_object_get_name (node, i), l->data) != 0)
              return g_strdup_printf ("%s: member %u is “%s”", member, i, kh_json_object_get_name (node, i));
            difference = kh_test_json_compare (kh_json_object_get_value (node, i),
                                               json_object_get_member (object, l->data), member);
            if (difference != NULL)
              return difference;
          }
        return NULL;
      }

    default:
      return g_strdup_printf ("%s: unknown json-glib node", path);
    }
}

static inline gboolean
kh_test_json_write_string (GString    *out,
                           const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar)*p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint)(guchar)*p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return TRUE;
}

/* @node as strict JSON (json_to_string() writes 1e-300 as "1e-300.0"):
 * FALSE when it cannot be. */
static inline gboolean
kh_test_json_write (GString  *out,
                    JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return TRUE;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          double d = json_node_get_double (node);

          if (!isfinite (d))
            return FALSE;
          g_ascii_formatd (buffer, sizeof buffer, "%.17g", d);
          g_string_append (out, buffer);
          if (strpbrk (buffer, ".e") == NULL)
            g_string_append (out, ".0");
        }
      else
        return kh_test_json_write_string (out, json_node_get_string (node));
      return TRUE;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (!kh_test_json_write (out, json_array_get_element (array, i)))
              return FALSE;
          }
        g_string_append_c (out, ']');
        return TRUE;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) names = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = names; l != NULL; l = l->next)
          {
            if (l != names)
              g_string_append_c (out, ',');
            if (!kh_test_json_write_string (out, l->data))
              return FALSE;
            g_string_append_c (out, ':');
            if (!kh_test_json_write (out, json_object_get_member (object, l->data)))
              return FALSE;
          }
        g_string_append_c (out, '}');
        return TRUE;
      }

    default:
      return FALSE;
    }
}

/* NULL when @text holds the property above, else what breaks it. */
static inline char *
kh_test_json_differential (const char *text,
                           gsize       length)
{
  g_autoptr(KhJson) tree = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) glib_error = NULL;
  g_autoptr(GString) strict = NULL;
  g_autoptr(KhJson) strict_tree = NULL;
  g_autofree char *copy = NULL;
  KhJsonPosition where = { 0, 0 };
  JsonNode *root;
  gsize brackets = 0;

  tree = kh_json_parse (text, length, KH_TEST_JSON_MAX_BRACKETS, G_MAXUINT32, &where, &error);
  if (tree == NULL &&
      (error == NULL || error->domain != KH_JSON_ERROR || where.line == 0 || where.column == 0 ||
       !g_utf8_validate (error->message, -1, NULL)))
    return g_strdup ("refused without a position or a UTF-8 message");

  for (gsize i = 0; i < length; i++)
    brackets += text[i] == '[' || text[i] == '{';
  if (brackets > KH_TEST_JSON_MAX_BRACKETS)
    return NULL;

  /* json-glib gets a copy that ends with a NUL, to be safe. */
  copy = g_malloc (length + 1);
  memcpy (copy, text, length);
  copy[length] = '\0';
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, copy, (gssize)length, &glib_error))
    return tree != NULL ? g_strdup_printf ("accepted what json-glib refuses (%s)", glib_error->message) : NULL;
  root = json_parser_get_root (parser);
  if (tree != NULL)
    return root != NULL ? kh_test_json_compare (kh_json_get_root (tree), root, "$")
                        : g_strdup ("accepted what json-glib reads as nothing");

  /* json-glib took what kh-json refused: as JSON, it must be the same. */
  strict = g_string_new (NULL);
  if (root == NULL || !kh_test_json_write (strict, root))
    return NULL;
  g_clear_error (&error);
  strict_tree = kh_json_parse (strict->str, strict->len, KH_TEST_JSON_MAX_BRACKETS, G_MAXUINT32, NULL, &error);
  if (strict_tree == NULL)
    return g_strdup_printf ("refused json-glib's tree written as JSON: %s (%s)", error->message, strict->str);
  return kh_test_json_compare (kh_json_get_root (strict_tree), root, "$");
}
