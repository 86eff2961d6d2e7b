/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The parser's messages. When a document is not valid JSON, the reader stops
 * at the first mistake and says where it is (file, line and column) and what
 * to do about it; this file finds the line and column, quotes what it found
 * there in a short form and words the messages that more than one part of
 * the parser gives. cd_json_excerpt() and cd_json_locate() let the readers
 * of article files word their own messages the same way. */

#include "config.h"

#define G_LOG_DOMAIN "cd-json"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-json-private.h"

/* Keys, numbers and words quoted in messages are cut to this many
 * characters, so that a megabyte-long key does not become the message. */
#define QUOTE_MAX_CHARS 40

/* Finds the 1-based line and column of @where. Columns count characters,
 * not bytes, as text editors do. “\n”, “\r\n” and a lone “\r” each end a
 * line. This runs only when an error is reported, so the parser itself does
 * not have to track lines. */
void
cd_json_parser_locate (const CdJsonParser *self,
                       const char         *where,
                       guint              *line,
                       guint              *column)
{
  const char *p;

  g_assert (where >= self->start && where <= self->end);

  *line = 1;
  *column = 1;

  for (p = self->start; p < where; p++)
    {
      if (*p == '\r' && p + 1 < self->end && p[1] == '\n')
        continue;

      if (*p == '\n' || *p == '\r')
        {
          *line += 1;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        {
          *column += 1;
        }
    }
}

void
cd_json_parser_set_error (CdJsonParser *self,
                          GError      **error,
                          CdJsonError   code,
                          const char   *where,
                          const char   *format,
                          ...)
{
  g_autofree char *message = NULL;
  guint line;
  guint column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  cd_json_parser_locate (self, where, &line, &column);
  g_set_error (error, CD_JSON_ERROR, code, "%s:%u:%u: %s",
               self->display_name, line, column, message);
}

/* Returns @length bytes of valid UTF-8 between typographic quotes, cut
 * short with “…” when they are long. */
char *
cd_json_quote_text (const char *text,
                    gsize       length)
{
  const char *end = text + length;
  const char *p = text;
  guint n_chars = 0;

  while (p < end && n_chars < QUOTE_MAX_CHARS)
    {
      p = g_utf8_next_char (p);
      n_chars++;
    }

  return g_strdup_printf ("“%.*s%s”", (int) (p - text), text, p < end ? "…" : "");
}

char *
cd_json_quote_key (const char *key)
{
  return cd_json_quote_text (key, strlen (key));
}

gboolean
cd_json_is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

gsize
cd_json_parser_word_length (const CdJsonParser *self,
                            const char         *p)
{
  const char *q = p;

  while (q < self->end && cd_json_is_word_char (*q))
    q++;

  return q - p;
}

gboolean
cd_json_parser_at_comment (const CdJsonParser *self)
{
  return self->end - self->pos >= 2
         && self->pos[0] == '/'
         && (self->pos[1] == '/' || self->pos[1] == '*');
}

/* Describes what stands at @p for a “found …” part of a message. */
char *
cd_json_parser_describe_found (const CdJsonParser *self,
                               const char         *p)
{
  gsize word = cd_json_parser_word_length (self, p);
  gunichar ch;

  if (p == self->end)
    /* Translators: what was found where a value was expected */
    return g_strdup (_("the end of the text"));

  if (word > 0)
    return cd_json_quote_text (p, word);

  ch = g_utf8_get_char (p);
  if (g_unichar_isgraph (ch))
    return cd_json_quote_text (p, g_utf8_next_char (p) - p);

  /* Translators: what was found, a character that cannot be shown */
  return g_strdup_printf (_("the character U+%04X"), ch);
}

void
cd_json_parser_error_comment (CdJsonParser *self,
                              GError      **error)
{
  cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
                            _("comments are not allowed in JSON; remove the comment"));
}

void
cd_json_parser_error_unclosed (CdJsonParser      *self,
                               const CdJsonFrame *frame,
                               GError           **error)
{
  gboolean is_object = JSON_NODE_HOLDS_OBJECT (frame->node);
  guint line;
  guint column;

  cd_json_parser_locate (self, frame->open, &line, &column);
  cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, self->end,
                            /* Translators: “[” … “]” or “{” … “}” */
                            _("the text ends before the “%c” at line %u, column %u is closed with “%c”; "
                              "the file may be cut short"),
                            is_object ? '{' : '[', line, column, is_object ? '}' : ']');
}

void
cd_json_parser_error_unterminated_string (CdJsonParser *self,
                                          const char   *open,
                                          GError      **error)
{
  guint line;
  guint column;

  cd_json_parser_locate (self, open, &line, &column);
  cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, self->end,
                            _("the text ends in the middle of a string (the string starts at line %u, column %u); "
                              "the file may be cut short"),
                            line, column);
}

/* A value was expected at the current position but something else is
 * there. @top is the innermost open array or object, or %NULL. */
void
cd_json_parser_error_expected_value (CdJsonParser      *self,
                                     const CdJsonFrame *top,
                                     GError           **error)
{
  const char *p = self->pos;
  gsize word = cd_json_parser_word_length (self, p);
  g_autofree char *found = NULL;

  if (p == self->end)
    {
      if (top != NULL && JSON_NODE_HOLDS_OBJECT (top->node))
        {
          g_autofree char *key = cd_json_quote_key (top->key);

          cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                    /* Translators: %s is a key such as “headline” */
                                    _("the text ends before the value of %s; the file may be cut short"), key);
        }
      else if (top != NULL)
        {
          cd_json_parser_error_unclosed (self, top, error);
        }
      else
        {
          cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                    _("the text ends where a value was expected"));
        }
      return;
    }

  if (cd_json_parser_at_comment (self))
    {
      cd_json_parser_error_comment (self, error);
      return;
    }

  if (word == 3 && memcmp (p, "NaN", 3) == 0)
    {
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("“NaN” is not a JSON value; write null or a number instead"));
      return;
    }

  if (word == 8 && memcmp (p, "Infinity", 8) == 0)
    {
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("“Infinity” is not a JSON value; JSON numbers must be finite"));
      return;
    }

  if ((word == 4 && g_ascii_strncasecmp (p, "true", 4) == 0)
      || (word == 5 && g_ascii_strncasecmp (p, "false", 5) == 0)
      || (word == 4 && g_ascii_strncasecmp (p, "null", 4) == 0))
    {
      g_autofree char *lower = g_ascii_strdown (p, word);

      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                /* Translators: “True” … “true” */
                                _("“%.*s” must be written in lower case: “%s”"), (int) word, p, lower);
      return;
    }

  switch (*p)
    {
    case '\'':
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("strings must be in double quotes (“\"”), not single quotes"));
      return;

    case '+':
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("a number must not start with “+”; remove it"));
      return;

    case '.':
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("a number must start with a digit, as in “0.5”"));
      return;

    case ',':
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("expected a value before “,”"));
      return;

    default:
      break;
    }

  found = cd_json_parser_describe_found (self, p);
  if (word == 0 && g_unichar_isspace (g_utf8_get_char (p)))
    cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                              /* Translators: %s is what was found, such as “x” */
                              _("expected a value, found %s; JSON allows only spaces, tabs and line breaks "
                                "between values"), found);
  else if (word > 0)
    cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                              _("expected a value, found %s; text must be in double quotes"), found);
  else
    cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                              _("expected a value, found %s"), found);
}

void
cd_json_parser_error_control_character (CdJsonParser *self,
                                        const char   *p,
                                        GError      **error)
{
  switch (*p)
    {
    case '\n':
    case '\r':
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("a string must not contain a line break; end the string with “\"” "
                                  "or write the line break as “\\n”"));
      break;

    case '\t':
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("a string must not contain a tab character; write it as “\\t”"));
      break;

    default:
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("a string must not contain the control character U+%04X; write it as “\\u%04X”"),
                                (guint) (guchar) *p, (guint) (guchar) *p);
      break;
    }
}

/* Something other than “,” or the closing bracket follows a value inside
 * @frame. */
void
cd_json_parser_error_expected_separator (CdJsonParser      *self,
                                         const CdJsonFrame *frame,
                                         GError           **error)
{
  if (cd_json_parser_at_comment (self))
    {
      cd_json_parser_error_comment (self, error);
    }
  else if (JSON_NODE_HOLDS_OBJECT (frame->node))
    {
      g_autofree char *key = cd_json_quote_key (frame->key);

      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
                                /* Translators: %s is a key such as “headline” */
                                _("expected “,” or “}” after the value of %s"), key);
    }
  else
    {
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
                                _("expected “,” or “]” after element %u of the array"),
                                json_array_get_length (json_node_get_array (frame->node)));
    }
}

/**
 * cd_json_excerpt:
 * @text: (nullable): UTF-8 text from a document
 *
 * Shortens @text for a message: after 40 characters it is cut short with
 * “…”, so that a value of many megabytes does not become the message. The
 * result is always valid UTF-8, even when @text is not.
 *
 * Returns: (transfer full): the excerpt
 */
char *
cd_json_excerpt (const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;
  guint n_chars = 0;

  if (text == NULL)
    text = "";

  /* Only the start is looked at, so that this stays cheap for a long
   * text. It holds more than QUOTE_MAX_CHARS characters whenever the text
   * goes on after it (no character takes more than four bytes); a
   * character cut in two there becomes U+FFFD past the part that is kept. */
  valid = g_utf8_make_valid (text, strnlen (text, QUOTE_MAX_CHARS * 4 + 4));

  for (p = valid; *p != '\0' && n_chars < QUOTE_MAX_CHARS; p = g_utf8_next_char (p))
    n_chars++;

  if (*p == '\0')
    return g_steal_pointer (&valid);

  return g_strdup_printf ("%.*s…", (int) (p - valid), valid);
}

/**
 * cd_json_locate:
 * @data: (array length=length): the text that was parsed
 * @length: the length of @data in bytes
 * @offset: an offset in bytes into @data, at most @length
 * @line: (out): return location for the 1-based line
 * @column: (out): return location for the 1-based column
 *
 * Finds the line and column of @offset as the parser's messages count them:
 * columns in characters, from after a byte order mark, and “\n”, “\r\n”
 * and a lone “\r” each ending a line.
 */
void
cd_json_locate (const char *data,
                gsize       length,
                gsize       offset,
                guint      *line,
                guint      *column)
{
  CdJsonParser parser = { 0, };

  g_return_if_fail (data != NULL || length == 0);
  g_return_if_fail (offset <= length);
  g_return_if_fail (line != NULL && column != NULL);

  if (data == NULL)
    data = "";

  parser.start = data;
  parser.end = data + length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    parser.start += 3;

  cd_json_parser_locate (&parser, MAX (data + offset, parser.start), line, column);
}

/**
 * cd_json_describe_node:
 * @node: a JSON node
 *
 * Says what kind of value @node is, as a person reading their file would
 * name it ("a list", "a number", "text"), for messages such as "expected
 * text, found a list".
 *
 * Returns: (transfer none): a translated description
 */
const char *
cd_json_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return _("null");

    case JSON_NODE_ARRAY:
      return _("a list");

    case JSON_NODE_OBJECT:
      return _("an object");

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return _("true or false");

    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");

    case G_TYPE_STRING:
      return _("text");

    default:
      return _("something else");
    }
}
