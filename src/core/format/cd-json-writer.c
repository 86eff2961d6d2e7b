/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The writer: cd_json_to_string() turns a tree into the text that Copydesk
 * saves, in a fixed layout so that a file saved twice is the same byte for
 * byte and a version-control diff shows only what changed. It also writes
 * back the numbers whose text the parser kept (see
 * cd_json_node_get_number_text()) exactly as they were. */

#include "config.h"

#define G_LOG_DOMAIN "cd-json"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "cd-json-private.h"

/* An array or object that the writer is in the middle of. */
typedef struct
{
  JsonNode *node;
  GList    *members;         /* objects: the member names in insertion order */
  GList    *next_member;
  guint     index;           /* how many children have been written */
} CdJsonWriteFrame;

static void
write_frame_clear (gpointer data)
{
  CdJsonWriteFrame *frame = data;

  g_clear_pointer (&frame->members, g_list_free);
}

static void
append_indent (GString *out,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Appends @str as a JSON string. Only what must be escaped is: the quote,
 * the backslash and control characters; and U+2028 and U+2029 too, which
 * JavaScript before ES2019 does not accept inside strings. Everything else,
 * “/” included, stays as it is. */
static void
append_string (GString    *out,
               const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');

  for (p = str; *p != '\0'; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      char code[8];
      gsize skip = 1;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;

        default:
          if (c < 0x20)
            {
              g_snprintf (code, sizeof code, "\\u%04x", (guint) c);
              escape = code;
            }
          else if (c == 0xE2 && (guchar) p[1] == 0x80
                   && ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
            {
              escape = (guchar) p[2] == 0xA8 ? "\\u2028" : "\\u2029";
              skip = 3;
            }
          break;
        }

      if (escape != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, escape);
          p += skip - 1;
          run = p + 1;
        }
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Appends @value in the shortest of “%.15g”, “%.16g” and “%.17g” that reads
 * back as the same double (17 significant digits always do). The result
 * always has a “.” or an exponent so that it reads back as a double, not an
 * integer, and the exponent is written without “+” or leading zeros. JSON
 * has no NaN or infinity; like JavaScript, we write those as null. */
static void
append_double (GString *out,
               double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *exponent;

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  exponent = strchr (buf, 'e');
  if (exponent == NULL)
    {
      g_string_append (out, buf);
      if (strchr (buf, '.') == NULL)
        g_string_append (out, ".0");
      return;
    }

  g_string_append_len (out, buf, exponent - buf + 1);
  exponent++;
  if (*exponent == '-')
    g_string_append_c (out, *exponent++);
  else if (*exponent == '+')
    exponent++;
  while (exponent[0] == '0' && exponent[1] != '\0')
    exponent++;
  g_string_append (out, exponent);
}

void
cd_json_append_value (GString  *out,
                      JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_INT64)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      append_double (out, json_node_get_double (node));
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
    }
  else if (type == G_TYPE_STRING && cd_json_node_get_number_text (node) != NULL)
    {
      g_string_append (out, cd_json_node_get_number_text (node));
    }
  else if (type == G_TYPE_STRING && json_node_get_string (node) != NULL)
    {
      append_string (out, json_node_get_string (node));
    }
  else
    {
      g_string_append (out, "null");
    }
}

/* Writes a scalar or an empty array or object at once; opens a non-empty
 * array or object and pushes it on @stack for its children to follow. */
static void
write_node (GString  *out,
            GArray   *stack,
            JsonNode *node)
{
  CdJsonWriteFrame frame = { node, NULL, NULL, 0 };
  JsonObject *object;
  JsonArray *array;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      object = json_node_get_object (node);
      if (object == NULL || json_object_get_size (object) == 0)
        {
          g_string_append (out, "{}");
          return;
        }
      /* In json-glib 1.6 the member list is in insertion order; the plain
       * JsonObjectIter is not (it walks the hash table). */
      frame.members = json_object_get_members (object);
      frame.next_member = frame.members;
      g_string_append_c (out, '{');
      g_array_append_val (stack, frame);
      return;

    case JSON_NODE_ARRAY:
      array = json_node_get_array (node);
      if (array == NULL || json_array_get_length (array) == 0)
        {
          g_string_append (out, "[]");
          return;
        }
      g_string_append_c (out, '[');
      g_array_append_val (stack, frame);
      return;

    case JSON_NODE_VALUE:
      cd_json_append_value (out, node);
      return;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      return;
    }
}

/**
 * cd_json_to_string:
 * @node: the root of a JSON tree
 * @length: (out) (optional): return location for the length in bytes
 *
 * Writes @node in Copydesk's canonical form: two spaces of indentation per
 * level, one member or element per line, `"key": value`, `{}` and `[]` for
 * empty objects and arrays, object members in insertion order and a final
 * newline. Strings keep their UTF-8 and escape only `"`, `\`, control
 * characters, U+2028 and U+2029. Doubles use the shortest of 15, 16 or 17
 * significant digits that reads back exactly and always carry a “.” or an
 * exponent; NaN and infinities, which JSON cannot hold, are written as null.
 *
 * Like the parser, the writer does not recurse, and it runs in time linear
 * in the size of its output.
 *
 * Returns: (transfer full): the text, in UTF-8
 */
char *
cd_json_to_string (JsonNode *node,
                   gsize    *length)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) stack = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_new (NULL);
  stack = g_array_new (FALSE, FALSE, sizeof (CdJsonWriteFrame));
  g_array_set_clear_func (stack, write_frame_clear);

  write_node (out, stack, node);

  while (stack->len > 0)
    {
      CdJsonWriteFrame *frame = &g_array_index (stack, CdJsonWriteFrame, stack->len - 1);
      gboolean is_array = JSON_NODE_HOLDS_ARRAY (frame->node);
      guint depth = stack->len;
      const char *name = NULL;
      JsonNode *child = NULL;

      if (is_array)
        {
          JsonArray *array = json_node_get_array (frame->node);

          if (frame->index < json_array_get_length (array))
            child = json_array_get_element (array, frame->index);
        }
      else if (frame->next_member != NULL)
        {
          name = frame->next_member->data;
          child = json_object_get_member (json_node_get_object (frame->node), name);
          frame->next_member = frame->next_member->next;
        }

      if (child == NULL)
        {
          g_string_append_c (out, '\n');
          append_indent (out, depth - 1);
          g_string_append_c (out, is_array ? ']' : '}');
          g_array_set_size (stack, stack->len - 1);
          continue;
        }

      if (frame->index > 0)
        g_string_append_c (out, ',');
      frame->index++;

      g_string_append_c (out, '\n');
      append_indent (out, depth);
      if (name != NULL)
        {
          append_string (out, name);
          g_string_append (out, ": ");
        }

      /* This may grow the stack and move @frame. */
      write_node (out, stack, child);
    }

  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cd_json_node_get_number_text:
 * @node: a #JsonNode
 *
 * Gets the text of a number that cd_json_parse_full() kept with
 * %CD_JSON_PARSE_KEEP_NUMBER_TEXT. Such a node holds a string for
 * json-glib; cd_json_to_string() writes it back as the number it was.
 *
 * Returns: (nullable): the number as written in the document, or %NULL
 *   when @node is not a number whose text was kept
 */
const char *
cd_json_node_get_number_text (JsonNode *node)
{
  const char *text;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  text = json_node_get_string (node);
  if (text == NULL || text[0] != NUMBER_TEXT_MARK)
    return NULL;

  return text + 1;
}

/**
 * cd_json_node_forget_number_text:
 * @node: a #JsonNode
 *
 * Turns a number whose text was kept back into a plain number node (an
 * integer when its text is one that fits, otherwise a double), for code that
 * reads the number's value. Does nothing to any other node.
 */
void
cd_json_node_forget_number_text (JsonNode *node)
{
  g_autofree char *text = NULL;
  gint64 integer;

  g_return_if_fail (node != NULL);

  if (cd_json_node_get_number_text (node) == NULL)
    return;

  text = g_strdup (cd_json_node_get_number_text (node));

  /* json_node_init_*() would free the node's value without forgetting it
   * (json-glib 1.6); the setters change the value in place. */
  errno = 0;
  integer = g_ascii_strtoll (text, NULL, 10);
  if (errno == 0 && strpbrk (text, ".eE") == NULL)
    json_node_set_int (node, integer);
  else
    json_node_set_double (node, g_ascii_strtod (text, NULL));
}
