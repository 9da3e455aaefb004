/* kh-json.c — a read-only JSON tree, parsed at once into a few blocks
 *
 * One pass over the text, no recursion: the open arrays and objects are
 * frames on a small array (as deep as allowed), and their values wait on
 * one growing stack until the container closes; then they are copied
 * into the arena, side by side. Strings are unescaped into one block as
 * large as the text (a string is never longer than its JSON). Line and
 * column are counted only for an error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-json.h"

typedef struct _Member Member;

struct _KhJsonNode
{
  guint32 type;       /* KhJsonType */
  guint32 length;     /* bytes of a string; elements or members of a container */
  union
  {
    gboolean    boolean;
    gint64      integer;
    double      number;
    char       *string;
    KhJsonNode *elements;
    Member     *members;
  } v;
};

struct _Member
{
  const char *name;       /* NUL-terminated: no name holds U+0000 */
  KhJsonNode  value;
};

struct _KhJson
{
  KhJsonNode  root;
  char       *strings;    /* every string of the text, unescaped */
  GPtrArray  *blocks;     /* the elements and members of containers */
  char       *next;       /* the free end of the last block */
  gsize       left;
};

typedef struct
{
  KhJsonType type;        /* KH_JSON_ARRAY or KH_JSON_OBJECT */
  gsize      start;       /* its first value on the stack */
} Frame;

typedef struct
{
  KhJson         *json;
  const char     *text;   /* after a byte order mark */
  const char     *end;
  const char     *p;
  char           *strings;
  Frame          *frames; /* the open containers */
  guint           depth;
  guint           frames_size;
  guint           max_depth;
  Member         *stack;  /* the values of the open containers */
  gsize           stack_length;
  gsize           stack_size;
  gsize           values;
  gsize           max_values;
  KhJsonPosition *position;
  GError        **error;
} Parser;

#define BLOCK_SIZE (64 * 1024)

G_DEFINE_QUARK (kh-json-error-quark, kh_json_error)

/* Memory */

static gpointer
arena_alloc (KhJson *json,
             gsize   size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize)7;
  if (size > json->left)
    {
      /* Blocks grow, so a large text takes a few large ones. */
      gsize block = MAX (size, (gsize)BLOCK_SIZE << MIN (json->blocks->len, 5));

      json->next = g_malloc (block);
      json->left = block;
      g_ptr_array_add (json->blocks, json->next);
    }
  memory = json->next;
  json->next += size;
  json->left -= size;
  return memory;
}

static Member *
push (Parser *parser)
{
  if (parser->stack_length == parser->stack_size)
    {
      parser->stack_size *= 2;
      parser->stack = g_renew (Member, parser->stack, parser->stack_size);
    }
  return &parser->stack[parser->stack_length++];
}

static inline gboolean
same_name (const Member *member,
           const char   *name)
{
  return member->name[0] == name[0] && strcmp (member->name, name) == 0;
}

/* Errors */

static void
locate (const char     *text,
        const char     *at,
        KhJsonPosition *position)
{
  const char *line_start = text;

  position->line = 1;
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      {
        position->line++;
        line_start = p + 1;
      }
  position->column = 1;
  for (const char *p = line_start; p < at; p++)
    if (((guchar)*p & 0xC0) != 0x80)
      position->column++;
}

static gboolean
fail (Parser      *parser,
      const char  *at,
      KhJsonError  code,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Parser      *parser,
      const char  *at,
      KhJsonError  code,
      const char  *format,
      ...)
{
  KhJsonPosition position;
  va_list args;

  locate (parser->text, at, &position);
  if (parser->position != NULL)
    *parser->position = position;
  if (parser->error != NULL)
    {
      va_start (args, format);
      *parser->error = g_error_new_valist (KH_JSON_ERROR, code, format, args);
      va_end (args);
    }
  return FALSE;
}

static gboolean
fail_ended (Parser *parser)
{
  return fail (parser, parser->end, KH_JSON_ERROR_SYNTAX,
               _("the text ends too early (was the file cut off?)"));
}

/* Text where something else was expected: say what it looks like. */
static gboolean
fail_unexpected (Parser     *parser,
                 const char *expected)
{
  char c = *parser->p;

  if (c == '/')
    return fail (parser, parser->p, KH_JSON_ERROR_SYNTAX, _("JSON has no comments"));
  if (c == '\'')
    return fail (parser, parser->p, KH_JSON_ERROR_SYNTAX,
                 _("texts and names go in double quotes (\"), not single ones"));
  return fail (parser, parser->p, KH_JSON_ERROR_SYNTAX, "%s", expected);
}

/* Whether the last thing before parser->p, past spaces, is a ','. */
static gboolean
follows_comma (Parser *parser)
{
  const char *p = parser->p;

  while (p > parser->text && strchr (" \t\r\n", p[-1]) != NULL)
    p--;
  return p > parser->text && p[-1] == ',';
}

/* Scanning */

static inline void
skip_space (Parser *parser)
{
  const char *p = parser->p;

  while (p < parser->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  parser->p = p;
}

/* The length of the valid UTF-8 character at @p (RFC 3629: no overlong
 * form, no surrogate, nothing above U+10FFFF), or 0. */
static inline gsize
utf8_length (const guchar *p,
             const guchar *end)
{
  guchar lead = p[0];
  guchar low = 0x80, high = 0xBF;
  gsize length;

  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    {
      length = 3;
      if (lead == 0xE0)
        low = 0xA0;
      else if (lead == 0xED)
        high = 0x9F;
    }
  else if (lead >= 0xF0 && lead <= 0xF4)
    {
      length = 4;
      if (lead == 0xF0)
        low = 0x90;
      else if (lead == 0xF4)
        high = 0x8F;
    }
  else
    return 0;

  if ((gsize)(end - p) < length || p[1] < low || p[1] > high)
    return 0;
  for (gsize i = 2; i < length; i++)
    if (p[i] < 0x80 || p[i] > 0xBF)
      return 0;
  return length;
}

static gboolean
parse_hex4 (const char *p,
            const char *end,
            gunichar   *value)
{
  *value = 0;
  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + (gunichar)digit;
    }
  return TRUE;
}

/* A "\u" escape at @p, with the low half of a surrogate pair. */
static gboolean
parse_unicode_escape (Parser      *parser,
                      const char **p,
                      gunichar    *c)
{
  const char *escape = *p;
  gunichar low;

  if (!parse_hex4 (escape + 2, parser->end, c))
    return fail (parser, escape, KH_JSON_ERROR_SYNTAX,
                 _("“\\u” must be followed by four hexadecimal digits"));
  *p = escape + 6;
  if (*c == 0)
    return fail (parser, escape, KH_JSON_ERROR_ENCODING,
                 _("a text holds the character U+0000 (\\u0000), which is not allowed"));
  if (*c >= 0xDC00 && *c <= 0xDFFF)
    return fail (parser, escape, KH_JSON_ERROR_ENCODING,
                 _("“\\u%04X” is the second half of a surrogate pair, without the first"), *c);
  if (*c >= 0xD800 && *c <= 0xDBFF)
    {
      if (parser->end - *p < 2 || (*p)[0] != '\\' || (*p)[1] != 'u' ||
          !parse_hex4 (*p + 2, parser->end, &low) || low < 0xDC00 || low > 0xDFFF)
        return fail (parser, escape, KH_JSON_ERROR_ENCODING,
                     _("“\\u%04X” is the first half of a surrogate pair, without the second"), *c);
      *c = 0x10000 + ((*c - 0xD800) << 10) + (low - 0xDC00);
      *p += 6;
    }
  return TRUE;
}

/* The string whose opening quote is at parser->p, unescaped into the
 * string block. Most of a string needs no unescaping: it is checked,
 * then copied in runs. */
static gboolean
parse_string (Parser      *parser,
              char       **string,
              guint32     *length)
{
  const char *opening = parser->p;
  const char *p = opening + 1;
  const char *run = p;
  char *out = parser->strings;

  *string = out;
  for (;;)
    {
      guchar c;

      /* Printable ASCII but '"' and '\\' */
      while (p < parser->end && (guchar)(*p - 0x20) < 0x60 && *p != '"' && *p != '\\')
        p++;
      if (p == parser->end)
        return fail (parser, opening, KH_JSON_ERROR_SYNTAX,
                     _("this text has no closing double quote"));

      c = (guchar)*p;
      if (c >= 0x80)
        {
          gsize n = utf8_length ((const guchar *)p, (const guchar *)parser->end);

          if (n == 0)
            return fail (parser, p, KH_JSON_ERROR_ENCODING,
                         _("the text is not valid UTF-8 here; save the file in UTF-8"));
          p += n;
          continue;
        }
      if (c < 0x20)
        return fail (parser, p, KH_JSON_ERROR_SYNTAX,
                     _("a text holds the control character U+%04X; within quotes it must be "
                       "written as an escape (\\n for a new line, \\t for a tab)"), c);

      memcpy (out, run, (gsize)(p - run));
      out += p - run;
      if (c == '"')
        {
          p++;
          break;
        }

      /* c == '\\' */
      if (p + 1 == parser->end)
        return fail (parser, opening, KH_JSON_ERROR_SYNTAX,
                     _("this text has no closing double quote"));
      switch (p[1])
        {
        case '"': *out++ = '"'; p += 2; break;
        case '\\': *out++ = '\\'; p += 2; break;
        case '/': *out++ = '/'; p += 2; break;
        case 'b': *out++ = '\b'; p += 2; break;
        case 'f': *out++ = '\f'; p += 2; break;
        case 'n': *out++ = '\n'; p += 2; break;
        case 'r': *out++ = '\r'; p += 2; break;
        case 't': *out++ = '\t'; p += 2; break;
        case 'u':
          {
            gunichar u;

            if (!parse_unicode_escape (parser, &p, &u))
              return FALSE;
            out += g_unichar_to_utf8 (u, out);
          }
          break;
        default:
          return fail (parser, p, KH_JSON_ERROR_SYNTAX,
                       _("a backslash in a text must start an escape: \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u"));
        }
      run = p;
    }

  *out++ = '\0';
  *length = (guint32)(out - 1 - *string);
  parser->strings = out;
  parser->p = p;
  return TRUE;
}

static gboolean
parse_number (Parser     *parser,
              KhJsonNode *node)
{
  const char *start = parser->p;
  const char *p = start;
  const char *end = parser->end;
  const char *digits;
  gboolean negative = FALSE;
  gboolean integral = TRUE;
  guint64 magnitude = 0;
  gboolean fits = TRUE;
  char buffer[64];
  char *copy;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    goto bad;
  if (p < end && *p == '.')
    {
      integral = FALSE;
      if (++p == end || !g_ascii_isdigit (*p))
        goto bad;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !g_ascii_isdigit (*p))
        goto bad;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  /* "01", "0x1F", "1.2.3", "12abc" */
  if (p < end && (g_ascii_isalnum (*p) || *p == '.'))
    goto bad;
  parser->p = p;

  if (integral)
    {
      for (const char *d = digits; d < p && fits; d++)
        {
          guint digit = (guint)(*d - '0');

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            fits = FALSE;
          else
            magnitude = magnitude * 10 + digit;
        }
      if (fits && magnitude <= (guint64)G_MAXINT64 + negative)
        {
          node->type = KH_JSON_INTEGER;
          if (!negative)
            node->v.integer = (gint64)magnitude;
          else if (magnitude == (guint64)G_MAXINT64 + 1)
            node->v.integer = G_MININT64;
          else
            node->v.integer = -(gint64)magnitude;
          return TRUE;
        }
    }

  /* The text need not end after the number: g_ascii_strtod() reads a
   * copy of it. */
  copy = (gsize)(p - start) < sizeof buffer ? buffer : g_malloc ((gsize)(p - start) + 1);
  memcpy (copy, start, (gsize)(p - start));
  copy[p - start] = '\0';
  node->type = KH_JSON_DOUBLE;
  node->v.number = g_ascii_strtod (copy, NULL);
  if (copy != buffer)
    g_free (copy);
  return TRUE;

bad:
  return fail (parser, start, KH_JSON_ERROR_SYNTAX,
               _("a number is written wrongly here (numbers are written like 12, -3.5 or 1e6)"));
}

/* true, false, null, or a word that is none of them */
static gboolean
parse_word (Parser     *parser,
            KhJsonNode *node)
{
  const char *start = parser->p;
  const char *p = start;
  gsize length;

  while (p < parser->end && (g_ascii_isalnum (*p) || *p == '_'))
    p++;
  length = (gsize)(p - start);
  if (length == 4 && memcmp (start, "true", 4) == 0)
    {
      node->type = KH_JSON_BOOLEAN;
      node->v.boolean = TRUE;
    }
  else if (length == 5 && memcmp (start, "false", 5) == 0)
    {
      node->type = KH_JSON_BOOLEAN;
      node->v.boolean = FALSE;
    }
  else if (length == 4 && memcmp (start, "null", 4) == 0)
    {
      node->type = KH_JSON_NULL;
      node->v.integer = 0;
    }
  else
    return fail (parser, start, KH_JSON_ERROR_SYNTAX,
                 _("“%.*s” is not a value: texts go in double quotes, and true, false and null in lower case"),
                 (int)MIN (length, 40), start);
  parser->p = p;
  return TRUE;
}

static gboolean
parse_scalar (Parser     *parser,
              KhJsonNode *node)
{
  char c = *parser->p;

  node->length = 0;
  if (c == '"')
    {
      node->type = KH_JSON_STRING;
      return parse_string (parser, &node->v.string, &node->length);
    }
  if (c == '-' || g_ascii_isdigit (c))
    return parse_number (parser, node);
  if (g_ascii_isalpha (c))
    return parse_word (parser, node);
  if ((c == ']' || c == '}') && follows_comma (parser))
    return fail (parser, parser->p, KH_JSON_ERROR_SYNTAX,
                 _("a value is missing before “%c”: remove the “,” before it, or add the value"), c);
  return fail_unexpected (parser, _("a value was expected here"));
}

/* A member's name and its ':', at parser->p; the member waits on the
 * stack for its value. */
static gboolean
parse_name (Parser *parser)
{
  Member *member;
  char *name;
  guint32 length;

  skip_space (parser);
  if (parser->p == parser->end)
    return fail_ended (parser);
  if (*parser->p == '}')
    return fail (parser, parser->p, KH_JSON_ERROR_SYNTAX,
                 _("a member is missing before “}”: remove the “,” before it, or add the member"));
  if (*parser->p != '"')
    return fail_unexpected (parser, _("a member name in double quotes was expected here"));
  if (!parse_string (parser, &name, &length))
    return FALSE;

  skip_space (parser);
  if (parser->p == parser->end)
    return fail_ended (parser);
  if (*parser->p != ':')
    return fail_unexpected (parser, _("a “:” was expected after the member name"));
  parser->p++;

  member = push (parser);
  member->name = name;
  return TRUE;
}

/* A name given twice keeps the place of its first member and the value
 * of its last, as in json-glib. Only files not written by a JSON library
 * have them. */
static gsize
merge_duplicates (Member *members,
                  gsize   n)
{
  g_autoptr(GHashTable) seen = NULL;
  gsize kept = 0;

  if (n > 16)
    seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < n; i++)
    {
      gsize first = kept;

      if (seen != NULL)
        {
          gpointer index;

          if (g_hash_table_lookup_extended (seen, members[i].name, NULL, &index))
            first = GPOINTER_TO_SIZE (index);
          else
            g_hash_table_insert (seen, (gpointer)members[i].name, GSIZE_TO_POINTER (kept));
        }
      else
        {
          for (gsize j = 0; j < kept; j++)
            if (same_name (&members[j], members[i].name))
              {
                first = j;
                break;
              }
        }

      if (first < kept)
        members[first].value = members[i].value;
      else
        members[kept++] = members[i];
    }
  return kept;
}

/* The container of @frame, closed: its values leave the stack for the
 * arena. */
static void
close_container (Parser      *parser,
                 const Frame *frame,
                 KhJsonNode  *node)
{
  Member *values = parser->stack + frame->start;
  gsize n = parser->stack_length - frame->start;

  node->type = frame->type;
  node->v.elements = NULL;
  if (frame->type == KH_JSON_OBJECT)
    {
      n = merge_duplicates (values, n);
      if (n > 0)
        {
          node->v.members = arena_alloc (parser->json, n * sizeof (Member));
          memcpy (node->v.members, values, n * sizeof (Member));
        }
    }
  else if (n > 0)
    {
      node->v.elements = arena_alloc (parser->json, n * sizeof (KhJsonNode));
      for (gsize i = 0; i < n; i++)
        node->v.elements[i] = values[i].value;
    }
  node->length = (guint32)n;
  parser->stack_length = frame->start;
}

/* An array or object opens at parser->p. */
static gboolean
open_container (Parser     *parser,
                KhJsonType  type)
{
  if (parser->depth == parser->max_depth)
    return fail (parser, parser->p, KH_JSON_ERROR_DEPTH,
                 _("the text nests more than %u levels deep"), parser->max_depth);
  if (parser->depth == parser->frames_size)
    {
      parser->frames_size = MAX (16, parser->frames_size * 2);
      parser->frames = g_renew (Frame, parser->frames, parser->frames_size);
    }
  parser->frames[parser->depth].type = type;
  parser->frames[parser->depth].start = parser->stack_length;
  parser->depth++;
  parser->p++;
  return TRUE;
}

static gboolean
parse (Parser *parser)
{
  skip_space (parser);
  if (parser->p == parser->end)
    return fail (parser, parser->p, KH_JSON_ERROR_SYNTAX, _("the text is empty"));

  for (;;)
    {
      KhJsonNode value;
      char c;

      /* A value */
      skip_space (parser);
      if (parser->p == parser->end)
        return fail_ended (parser);
      if (++parser->values > parser->max_values)
        return fail (parser, parser->p, KH_JSON_ERROR_SIZE,
                     _("the text holds more than %u values"), (guint)parser->max_values);

      c = *parser->p;
      if (c == '[' || c == '{')
        {
          gboolean object = c == '{';

          if (!open_container (parser, object ? KH_JSON_OBJECT : KH_JSON_ARRAY))
            return FALSE;
          skip_space (parser);
          if (parser->p == parser->end || *parser->p != (object ? '}' : ']'))
            {
              if (object && !parse_name (parser))
                return FALSE;
              continue;
            }
          parser->p++;
          close_container (parser, &parser->frames[--parser->depth], &value);
        }
      else if (!parse_scalar (parser, &value))
        return FALSE;

      /* Where the value goes, and what follows it: a container that
       * closes is a value in turn. */
      for (;;)
        {
          Frame *frame;
          char close;

          if (parser->depth == 0)
            {
              parser->json->root = value;
              skip_space (parser);
              if (parser->p != parser->end)
                return fail_unexpected (parser, _("more text follows the end of the value"));
              return TRUE;
            }

          frame = &parser->frames[parser->depth - 1];
          close = frame->type == KH_JSON_OBJECT ? '}' : ']';
          if (frame->type == KH_JSON_OBJECT)
            parser->stack[parser->stack_length - 1].value = value;
          else
            push (parser)->value = value;

          skip_space (parser);
          if (parser->p == parser->end)
            return fail_ended (parser);
          if (*parser->p == ',')
            {
              parser->p++;
              if (frame->type == KH_JSON_OBJECT && !parse_name (parser))
                return FALSE;
              break;
            }
          if (*parser->p != close)
            return fail_unexpected (parser, close == '}' ? _("a “,” or “}” was expected here")
                                                         : _("a “,” or “]” was expected here"));
          parser->p++;
          close_container (parser, frame, &value);
          parser->depth--;
        }
    }
}

/* Public API */

/**
 * kh_json_parse:
 * @text: JSON in UTF-8; it need not end with a NUL
 * @length: the bytes of @text (less than 4 GB)
 * @max_depth: how deep arrays and objects may nest (64 allows 64)
 * @max_values: how many values the text may hold, containers counted
 *   (at most %G_MAXUINT32)
 * @position: (out) (optional): where the error is, when there is one
 * @error: return location for a #GError in %KH_JSON_ERROR; its message
 *   says what is wrong, @position where
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL
 */
KhJson *
kh_json_parse (const char      *text,
               gsize            length,
               guint            max_depth,
               gsize            max_values,
               KhJsonPosition  *position,
               GError         **error)
{
  g_autoptr(KhJson) json = NULL;
  Parser parser = { 0 };
  gboolean parsed;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (length < G_MAXUINT32, NULL);
  g_return_val_if_fail (max_values <= G_MAXUINT32, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  json = g_new0 (KhJson, 1);
  json->blocks = g_ptr_array_new_with_free_func (g_free);
  json->strings = g_malloc (length + 1);

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  parser.json = json;
  parser.text = text != NULL ? text : "";
  parser.end = parser.text + length;
  parser.p = parser.text;
  parser.strings = json->strings;
  parser.stack_size = 64;
  parser.stack = g_new (Member, parser.stack_size);
  parser.max_depth = max_depth;
  parser.max_values = max_values;
  parser.position = position;
  parser.error = error;

  parsed = parse (&parser);
  g_free (parser.frames);
  g_free (parser.stack);
  return parsed ? g_steal_pointer (&json) : NULL;
}

void
kh_json_free (KhJson *json)
{
  if (json == NULL)
    return;
  g_ptr_array_unref (json->blocks);
  g_free (json->strings);
  g_free (json);
}

KhJsonNode *
kh_json_get_root (KhJson *json)
{
  g_return_val_if_fail (json != NULL, NULL);

  return &json->root;
}

/**
 * kh_json_set_string:
 * @json: the tree of @node
 * @node: a string node of @json
 * @text: its new value, valid UTF-8
 *
 * The one change a tree allows: text converted from an old encoding
 * (kh-legacy.h) replaces the string it was read from. @json keeps a copy.
 */
void
kh_json_set_string (KhJson     *json,
                    KhJsonNode *node,
                    const char *text)
{
  gsize length;

  g_return_if_fail (json != NULL && node != NULL && text != NULL);
  g_return_if_fail (node->type == KH_JSON_STRING);

  length = strlen (text);
  g_return_if_fail (length <= G_MAXUINT32);
  node->v.string = memcpy (arena_alloc (json, length + 1), text, length + 1);
  node->length = (guint32)length;
}

/**
 * kh_json_node_get_node_type:
 *
 * Returns: the type of @node; %KH_JSON_NULL for %NULL
 */
KhJsonType
kh_json_node_get_node_type (const KhJsonNode *node)
{
  return node != NULL ? (KhJsonType)node->type : KH_JSON_NULL;
}

/* Whether @node is absent or null. */
gboolean
kh_json_node_is_null (const KhJsonNode *node)
{
  return node == NULL || node->type == KH_JSON_NULL;
}

gboolean
kh_json_node_get_boolean (const KhJsonNode *node)
{
  return node != NULL && node->type == KH_JSON_BOOLEAN && node->v.boolean;
}

gint64
kh_json_node_get_int (const KhJsonNode *node)
{
  return node != NULL && node->type == KH_JSON_INTEGER ? node->v.integer : 0;
}

/* The value of a double, or of an integer, as json_node_get_double(). */
double
kh_json_node_get_double (const KhJsonNode *node)
{
  if (node != NULL && node->type == KH_JSON_DOUBLE)
    return node->v.number;
  if (node != NULL && node->type == KH_JSON_INTEGER)
    return (double)node->v.integer;
  return 0;
}

/**
 * kh_json_node_get_string:
 * @node: (nullable): a node
 * @length: (out) (optional): the bytes of the string, without its NUL
 *
 * Returns: (nullable): the string of a string node, NUL-terminated UTF-8
 *   (owned by the tree), or %NULL for any other node
 */
const char *
kh_json_node_get_string (const KhJsonNode *node,
                         gsize            *length)
{
  gboolean string = node != NULL && node->type == KH_JSON_STRING;

  if (length != NULL)
    *length = string ? node->length : 0;
  return string ? node->v.string : NULL;
}

/* The elements of an array, the members of an object; else 0. */
guint
kh_json_node_get_length (const KhJsonNode *node)
{
  return node != NULL && (node->type == KH_JSON_ARRAY || node->type == KH_JSON_OBJECT) ? node->length : 0;
}

KhJsonNode *
kh_json_array_get_element (const KhJsonNode *array,
                           guint             index)
{
  if (array == NULL || array->type != KH_JSON_ARRAY || index >= array->length)
    return NULL;
  return &array->v.elements[index];
}

/* A linear scan: our objects have a few dozen members at most, and
 * their names mostly differ from the first letter. */
KhJsonNode *
kh_json_object_get_member (const KhJsonNode *object,
                           const char       *name)
{
  if (object == NULL || object->type != KH_JSON_OBJECT || name == NULL)
    return NULL;
  for (guint i = 0; i < object->length; i++)
    if (same_name (&object->v.members[i], name))
      return &object->v.members[i].value;
  return NULL;
}

const char *
kh_json_object_get_name (const KhJsonNode *object,
                         guint             index)
{
  if (object == NULL || object->type != KH_JSON_OBJECT || index >= object->length)
    return NULL;
  return object->v.members[index].name;
}

KhJsonNode *
kh_json_object_get_value (const KhJsonNode *object,
                          guint             index)
{
  if (object == NULL || object->type != KH_JSON_OBJECT || index >= object->length)
    return NULL;
  return &object->v.members[index].value;
}
