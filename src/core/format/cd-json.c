/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The bounded JSON reader that every Copydesk file goes through: it refuses
 * what json-glib would accept but a person should fix (comments, trailing
 * commas, duplicate keys, numbers that are not finite, text that is not
 * UTF-8), limits how deeply a document nests, and says in every message
 * which file, line and column are wrong and what to do. This file walks the
 * arrays and objects of a document without recursion; its tokens are read in
 * cd-json-tokens.c, its messages worded in cd-json-messages.c, and the text
 * is written back by cd-json-writer.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-json"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-json-private.h"

/* How deeply arrays and objects may nest when the caller passes 0. Article
 * files nest a handful of levels; the limit keeps hostile input from making
 * the tree (and json-glib's recursive free) arbitrarily deep. */
#define DEFAULT_MAX_DEPTH 64

G_DEFINE_QUARK (cd-json-error-quark, cd_json_error)

/* json-glib frees a tree recursively, so a deep one overflows the stack. A
 * tree that the parser throws away after an error can be as deep as the
 * caller's max_depth allows, so it is taken apart here without recursion:
 * each node's children get a reference of their own before the node goes,
 * which makes freeing the node only drop their count back to one. */
static void
free_tree (JsonNode *root)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  g_ptr_array_add (pending, root);

  while (pending->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index (pending, pending->len - 1);

      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint n_elements = json_array_get_length (array);

          for (guint i = 0; i < n_elements; i++)
            g_ptr_array_add (pending, json_node_ref (json_array_get_element (array, i)));
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObjectIter iter;
          JsonNode *member;

          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, NULL, &member))
            g_ptr_array_add (pending, json_node_ref (member));
        }

      json_node_unref (node);
    }
}

static void
frame_clear (gpointer data)
{
  CdJsonFrame *frame = data;

  g_clear_pointer (&frame->node, free_tree);
  g_clear_pointer (&frame->key, g_free);
}

void
cd_json_parser_skip_whitespace (CdJsonParser *self)
{
  while (self->pos < self->end
         && (*self->pos == ' ' || *self->pos == '\n' || *self->pos == '\r' || *self->pos == '\t'))
    self->pos++;
}

static JsonNode *
pop_frame (GArray *stack)
{
  CdJsonFrame *frame = &g_array_index (stack, CdJsonFrame, stack->len - 1);
  JsonNode *node = g_steal_pointer (&frame->node);

  g_array_set_size (stack, stack->len - 1);

  return node;
}

/* The parser proper. It does not recurse: open arrays and objects live on
 * @stack, so the C stack stays flat however deep the input nests. */
static JsonNode *
parse_document (CdJsonParser *self,
                GError      **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (CdJsonFrame));

  g_array_set_clear_func (stack, frame_clear);

  for (;;)
    {
      g_autoptr(JsonNode) node = NULL;
      CdJsonFrame *top = NULL;
      char c;

      if (stack->len > 0)
        top = &g_array_index (stack, CdJsonFrame, stack->len - 1);

      /* A value is expected here. */
      cd_json_parser_skip_whitespace (self);

      if (self->pos == self->end)
        {
          cd_json_parser_error_expected_value (self, top, error);
          return NULL;
        }

      c = *self->pos;

      if (c == '[' || c == '{')
        {
          CdJsonFrame frame = { NULL, NULL, self->pos, 0 };

          if (stack->len >= self->max_depth)
            {
              cd_json_parser_set_error (self, error, CD_JSON_ERROR_TOO_DEEP, self->pos,
                                        _("nested more than %u levels deep"), self->max_depth);
              return NULL;
            }

          if (c == '[')
            {
              frame.node = json_node_new (JSON_NODE_ARRAY);
              json_node_take_array (frame.node, json_array_new ());
            }
          else
            {
              frame.node = json_node_new (JSON_NODE_OBJECT);
              json_node_take_object (frame.node, json_object_new ());
            }

          g_array_append_val (stack, frame);
          top = &g_array_index (stack, CdJsonFrame, stack->len - 1);

          self->pos++;
          cd_json_parser_skip_whitespace (self);

          if (self->pos < self->end && *self->pos == (c == '[' ? ']' : '}'))
            {
              self->pos++;
              node = pop_frame (stack);
            }
          else if (c == '[')
            {
              continue;
            }
          else if (!cd_json_parser_parse_key (self, top, error))
            {
              return NULL;
            }
          else
            {
              continue;
            }
        }
      else
        {
          node = cd_json_parser_parse_scalar (self, top, error);
          if (node == NULL)
            return NULL;
        }

      /* A value has ended: add it to its array or object, then see what
       * follows it, closing arrays and objects as they end, until the next
       * value is due. */
      for (;;)
        {
          gboolean is_object;
          const char *comma;
          char close;

          if (stack->len == 0)
            {
              cd_json_parser_skip_whitespace (self);

              if (self->pos == self->end)
                return g_steal_pointer (&node);

              free_tree (g_steal_pointer (&node));

              if (cd_json_parser_at_comment (self))
                {
                  cd_json_parser_error_comment (self, error);
                }
              else
                {
                  g_autofree char *found = cd_json_parser_describe_found (self, self->pos);

                  cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
                                            /* Translators: %s is what follows, such as “x” */
                                            _("unexpected %s after the end of the value; "
                                              "a JSON file holds exactly one value"), found);
                }
              return NULL;
            }

          top = &g_array_index (stack, CdJsonFrame, stack->len - 1);
          is_object = JSON_NODE_HOLDS_OBJECT (top->node);
          close = is_object ? '}' : ']';

          if (is_object)
            {
              if (self->member_offsets != NULL)
                g_hash_table_insert (self->member_offsets, node, GSIZE_TO_POINTER (top->key_offset));
              json_object_set_member (json_node_get_object (top->node), top->key,
                                      g_steal_pointer (&node));
            }
          else
            json_array_add_element (json_node_get_array (top->node), g_steal_pointer (&node));

          cd_json_parser_skip_whitespace (self);

          if (self->pos == self->end)
            {
              cd_json_parser_error_unclosed (self, top, error);
              return NULL;
            }

          if (*self->pos == close)
            {
              self->pos++;
              node = pop_frame (stack);
              continue;
            }

          if (*self->pos != ',')
            {
              cd_json_parser_error_expected_separator (self, top, error);
              return NULL;
            }

          comma = self->pos;
          self->pos++;
          cd_json_parser_skip_whitespace (self);

          if (self->pos < self->end && *self->pos == close)
            {
              cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, comma,
                                        _("a trailing comma is not allowed before “%c”; remove this “,”"), close);
              return NULL;
            }

          if (is_object && !cd_json_parser_parse_key (self, top, error))
            return NULL;

          break;
        }
    }
}

/**
 * cd_json_parse:
 * @data: (array length=length): the text to parse
 * @length: the length of @data in bytes
 * @display_name: how messages name the text, usually the file's name
 * @max_depth: how deeply arrays and objects may nest, or 0 for 64
 * @error: return location for a #GError
 *
 * Parses @data as strict RFC 8259 JSON into a json-glib tree.
 *
 * The parser does not recurse, so nesting cannot overflow the stack; nesting
 * deeper than @max_depth fails with %CD_JSON_ERROR_TOO_DEEP. Object members
 * keep the order of the document, and a key that appears twice in one
 * object fails with %CD_JSON_ERROR_DUPLICATE_KEY. An integer without a
 * fraction or exponent that fits in #gint64 becomes an integer node, every
 * other number a double; a number too large for a double fails with
 * %CD_JSON_ERROR_TOO_LARGE. Strings never contain NUL: “\u0000” is an error.
 *
 * Input that is empty or only white space fails with %CD_JSON_ERROR_EMPTY;
 * input that is not UTF-8 or contains a NUL byte with
 * %CD_JSON_ERROR_ENCODING; everything else RFC 8259 forbids (comments,
 * trailing commas, NaN, leading zeros, …) with %CD_JSON_ERROR_SYNTAX.
 *
 * Every message starts with “@display_name:LINE:COLUMN: ”, counting lines
 * and columns from 1 and columns in characters.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL on error
 */
JsonNode *
cd_json_parse (const char  *data,
               gsize        length,
               const char  *display_name,
               guint        max_depth,
               GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return cd_json_parse_full (data, length, display_name, max_depth,
                             CD_JSON_PARSE_DEFAULT, NULL, error);
}

/**
 * cd_json_parse_full:
 * @data: (array length=length): the text to parse
 * @length: the length of @data in bytes
 * @display_name: how messages name the text, usually the file's name
 * @max_depth: how deeply arrays and objects may nest, or 0 for 64
 * @flags: how to parse
 * @member_offsets: (nullable): a hash table with direct keys, or %NULL
 * @error: return location for a #GError
 *
 * Parses @data like cd_json_parse(). With %CD_JSON_PARSE_KEEP_NUMBER_TEXT,
 * a number that cd_json_to_string() would not write back as the same text
 * (such as 12345678901234567890, which no double holds exactly, or 1E2)
 * becomes a node whose text is kept: see cd_json_node_get_number_text().
 *
 * When @member_offsets is given, each object member's value node is
 * inserted into it as a key, with the offset in bytes of the member's key
 * in @data as a value (GSIZE_TO_POINTER(); never 0, since a key follows a
 * “{”), so that callers can say where a wrong value is with
 * cd_json_locate().
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL on error
 */
JsonNode *
cd_json_parse_full (const char        *data,
                    gsize              length,
                    const char        *display_name,
                    guint              max_depth,
                    CdJsonParseFlags   flags,
                    GHashTable        *member_offsets,
                    GError           **error)
{
  g_autoptr(GString) buffer = NULL;
  CdJsonParser parser = { 0, };
  const char *invalid = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";

  parser.start = data;
  parser.end = data + length;
  parser.display_name = display_name;
  parser.max_depth = max_depth > 0 ? max_depth : DEFAULT_MAX_DEPTH;
  parser.flags = flags;
  parser.data = data;
  parser.member_offsets = member_offsets;

  /* RFC 8259 forbids a byte order mark but lets parsers ignore one. Windows
   * editors such as Notepad write one at the start of UTF-8 files, so we
   * accept and skip it, and count columns from after it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    parser.start += 3;
  parser.pos = parser.start;

  /* A UTF-16 byte order mark means the file was saved as “Unicode” on
   * Windows; say so rather than report its first byte as invalid. */
  if (length >= 2
      && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
          || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      cd_json_parser_set_error (&parser, error, CD_JSON_ERROR_ENCODING, parser.start,
                                _("the file is UTF-16 text, not UTF-8; save it as UTF-8"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line;
      guint column;

      if (*invalid == '\0')
        {
          cd_json_parser_set_error (&parser, error, CD_JSON_ERROR_ENCODING, invalid,
                                    _("the file contains a NUL byte; it may be a binary file, not JSON text"));
        }
      else
        {
          cd_json_parser_locate (&parser, invalid, &line, &column);
          cd_json_parser_set_error (&parser, error, CD_JSON_ERROR_ENCODING, invalid,
                                    _("the file is not valid UTF-8 text (byte 0x%02X at line %u, column %u); "
                                      "save it as UTF-8"),
                                    (guint) (guchar) *invalid, line, column);
        }
      return NULL;
    }

  cd_json_parser_skip_whitespace (&parser);
  if (parser.pos == parser.end)
    {
      if (parser.start == parser.end)
        cd_json_parser_set_error (&parser, error, CD_JSON_ERROR_EMPTY, parser.start, _("the file is empty"));
      else
        cd_json_parser_set_error (&parser, error, CD_JSON_ERROR_EMPTY, parser.start,
                                  _("the file is empty; it contains only white space"));
      return NULL;
    }

  buffer = g_string_new (NULL);
  parser.buffer = buffer;

  return parse_document (&parser, error);
}
