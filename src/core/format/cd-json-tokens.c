/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The parser's tokens: strings with their escapes, numbers, the words true,
 * false and null, and object keys. Each reads from the parser's position,
 * moves past what it read and returns it, or sets an error that says what is
 * wrong with the token. How tokens nest into arrays and objects is in
 * cd-json.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-json"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-json-private.h"

/* Reads up to four hexadecimal digits at @p and returns how many there were
 * before something else or the end of the text. */
static int
read_hex4 (const CdJsonParser *self,
           const char         *p,
           gunichar           *value)
{
  int i;

  *value = 0;
  for (i = 0; i < 4 && p + i < self->end && g_ascii_isxdigit (p[i]); i++)
    *value = *value * 16 + g_ascii_xdigit_value (p[i]);

  return i;
}

/* Decodes the “\u” escape at *@pp (which points at the backslash), with
 * the second half of a surrogate pair if there is one, and moves *@pp past
 * it. */
static gboolean
parse_unicode_escape (CdJsonParser *self,
                      const char  **pp,
                      const char   *open,
                      GError      **error)
{
  const char *p = *pp;
  g_autofree char *escape = NULL;
  gunichar ch;
  int n_digits;

  n_digits = read_hex4 (self, p + 2, &ch);
  if (n_digits < 4)
    {
      if (p + 2 + n_digits == self->end)
        cd_json_parser_error_unterminated_string (self, open, error);
      else
        cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                  _("“\\u” in a string must be followed by four hexadecimal digits, "
                                    "as in “\\u00E9”"));
      return FALSE;
    }

  escape = cd_json_quote_text (p, 6);

  if (ch >= 0xD800 && ch <= 0xDBFF)
    {
      gunichar low = 0;

      if (self->end - p >= 12
          && p[6] == '\\'
          && p[7] == 'u'
          && read_hex4 (self, p + 8, &low) == 4
          && low >= 0xDC00 && low <= 0xDFFF)
        {
          ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
          p += 12;
        }
      else
        {
          cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                    /* Translators: %s is an escape such as “\\uD83D” */
                                    _("the escape %s is the first half of a surrogate pair, but no second half "
                                      "(“\\uDC00” to “\\uDFFF”) follows it"), escape);
          return FALSE;
        }
    }
  else if (ch >= 0xDC00 && ch <= 0xDFFF)
    {
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                /* Translators: %s is an escape such as “\\uDE00” */
                                _("the escape %s is the second half of a surrogate pair, but the first half "
                                  "(“\\uD800” to “\\uDBFF”) is missing before it"), escape);
      return FALSE;
    }
  else if (ch == 0)
    {
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                _("the escape “\\u0000” stands for a NUL character, which text fields cannot hold; "
                                  "remove it"));
      return FALSE;
    }
  else
    {
      p += 6;
    }

  g_string_append_unichar (self->buffer, ch);
  *pp = p;

  return TRUE;
}

/* Decodes the escape sequence at *@pp (which points at the backslash) into
 * the buffer and moves *@pp past it. @open is the string's opening quote. */
static gboolean
parse_escape (CdJsonParser *self,
              const char  **pp,
              const char   *open,
              GError      **error)
{
  const char *p = *pp;
  char decoded;

  if (p + 1 == self->end)
    {
      cd_json_parser_error_unterminated_string (self, open, error);
      return FALSE;
    }

  switch (p[1])
    {
    case '"': decoded = '"'; break;
    case '\\': decoded = '\\'; break;
    case '/': decoded = '/'; break;
    case 'b': decoded = '\b'; break;
    case 'f': decoded = '\f'; break;
    case 'n': decoded = '\n'; break;
    case 'r': decoded = '\r'; break;
    case 't': decoded = '\t'; break;

    case 'u':
      return parse_unicode_escape (self, pp, open, error);

    default:
      {
        gunichar ch = g_utf8_get_char (p + 1);

        if (g_unichar_isgraph (ch))
          {
            g_autofree char *escape = cd_json_quote_text (p, g_utf8_next_char (p + 1) - p);

            cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                      /* Translators: %s is an escape such as “\\q” */
                                      _("invalid escape %s in a string; to write a backslash, write “\\\\”"),
                                      escape);
          }
        else
          {
            cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                      _("invalid escape: a backslash followed by the character U+%04X; "
                                        "to write a backslash, write “\\\\”"), ch);
          }
        return FALSE;
      }
    }

  g_string_append_c (self->buffer, decoded);
  *pp = p + 2;

  return TRUE;
}

/* Reads the string whose opening quote is at the current position into the
 * buffer. Runs without escapes are copied in one piece. */
static gboolean
parse_string (CdJsonParser *self,
              GError      **error)
{
  const char *open = self->pos;
  const char *p = open + 1;
  const char *run = p;

  g_assert (*open == '"');

  g_string_truncate (self->buffer, 0);

  while (p < self->end)
    {
      guchar c = *p;

      if (c == '"')
        {
          g_string_append_len (self->buffer, run, p - run);
          self->pos = p + 1;
          return TRUE;
        }
      else if (c == '\\')
        {
          g_string_append_len (self->buffer, run, p - run);
          if (!parse_escape (self, &p, open, error))
            return FALSE;
          run = p;
        }
      else if (c < 0x20)
        {
          cd_json_parser_error_control_character (self, p, error);
          return FALSE;
        }
      else
        {
          p++;
        }
    }

  cd_json_parser_error_unterminated_string (self, open, error);
  return FALSE;
}

static gboolean
is_digit_at (const CdJsonParser *self,
             const char         *p)
{
  return p < self->end && g_ascii_isdigit (*p);
}

static JsonNode *
parse_number (CdJsonParser *self,
              GError      **error)
{
  const char *start = self->pos;
  const char *p = start;
  gboolean is_integer = TRUE;
  g_autofree char *number = NULL;
  JsonNode *node = NULL;
  double value;

  if (*p == '-')
    p++;

  if (!is_digit_at (self, p))
    {
      gsize word = cd_json_parser_word_length (self, p);

      if ((word == 8 && memcmp (p, "Infinity", 8) == 0) || (word == 3 && memcmp (p, "NaN", 3) == 0))
        cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, start,
                                  _("“-%.*s” is not a JSON value; JSON numbers must be finite"), (int) word, p);
      else
        cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p, _("expected a digit after “-”"));
      return NULL;
    }

  if (*p == '0')
    {
      p++;
      if (is_digit_at (self, p))
        {
          const char *q = p;

          while (is_digit_at (self, q))
            q++;
          number = cd_json_quote_text (start, q - start);
          cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, start,
                                    /* Translators: %s is a number such as “012” */
                                    _("the number %s starts with a leading zero, which JSON does not allow; "
                                      "remove the zero"), number);
          return NULL;
        }
    }
  else
    {
      while (is_digit_at (self, p))
        p++;
    }

  if (p < self->end && *p == '.')
    {
      is_integer = FALSE;
      p++;
      if (!is_digit_at (self, p))
        {
          number = cd_json_quote_text (start, p - start);
          cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                    _("expected a digit after the decimal point of the number %s"), number);
          return NULL;
        }
      while (is_digit_at (self, p))
        p++;
    }

  if (p < self->end && (*p == 'e' || *p == 'E'))
    {
      is_integer = FALSE;
      p++;
      if (p < self->end && (*p == '+' || *p == '-'))
        p++;
      if (!is_digit_at (self, p))
        {
          number = cd_json_quote_text (start, p - start);
          cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                                    _("expected a digit in the exponent of the number %s"), number);
          return NULL;
        }
      while (is_digit_at (self, p))
        p++;
    }

  /* “0x1F”, “1.2.3” and “12px” must not read as a number followed by
   * something unexpected: name the whole word. */
  if (p < self->end && (cd_json_is_word_char (*p) || *p == '.'))
    {
      const char *q = p;

      while (q < self->end && (cd_json_is_word_char (*q) || *q == '.' || *q == '+' || *q == '-'))
        q++;
      number = cd_json_quote_text (start, q - start);
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, start, _("%s is not a valid number"), number);
      return NULL;
    }

  /* The text is not necessarily NUL-terminated after the number, so the
   * C conversions work on a copy. */
  number = g_strndup (start, p - start);
  self->pos = p;

  if (is_integer)
    {
      gint64 integer;

      errno = 0;
      integer = g_ascii_strtoll (number, NULL, 10);
      if (errno == 0)
        node = json_node_init_int (json_node_alloc (), integer);
    }

  if (node == NULL)
    {
      value = g_ascii_strtod (number, NULL);
      if (isinf (value))
        {
          g_autofree char *quoted = cd_json_quote_text (start, p - start);

          cd_json_parser_set_error (self, error, CD_JSON_ERROR_TOO_LARGE, start,
                                    _("the number %s is too large; numbers must lie between about -1.8e308 and 1.8e308"),
                                    quoted);
          return NULL;
        }

      node = json_node_init_double (json_node_alloc (), value);
    }

  if (self->flags & CD_JSON_PARSE_KEEP_NUMBER_TEXT)
    {
      g_autoptr(GString) canonical = g_string_new (NULL);

      /* A number that would be written back differently (one too long for
       * a 64-bit integer or a double, or written as 1E2 or -0) keeps its
       * text, so that a file's members that Copydesk does not know are
       * saved as they were. */
      cd_json_append_value (canonical, node);
      if (strcmp (canonical->str, number) != 0)
        {
          g_autofree char *marked = g_strdup_printf ("%c%s", NUMBER_TEXT_MARK, number);

          json_node_unref (node);
          node = json_node_init_string (json_node_alloc (), marked);
        }
    }

  return node;
}

static gboolean
match_word (const CdJsonParser *self,
            const char         *word)
{
  gsize length = strlen (word);

  return cd_json_parser_word_length (self, self->pos) == length && memcmp (self->pos, word, length) == 0;
}

/* Reads a string, number, true, false or null at the current position. */
JsonNode *
cd_json_parser_parse_scalar (CdJsonParser      *self,
                             const CdJsonFrame *top,
                             GError           **error)
{
  char c = *self->pos;

  if (c == '"')
    {
      if (!parse_string (self, error))
        return NULL;
      return json_node_init_string (json_node_alloc (), self->buffer->str);
    }

  if (c == '-' || g_ascii_isdigit (c))
    return parse_number (self, error);

  if (match_word (self, "true"))
    {
      self->pos += 4;
      return json_node_init_boolean (json_node_alloc (), TRUE);
    }

  if (match_word (self, "false"))
    {
      self->pos += 5;
      return json_node_init_boolean (json_node_alloc (), FALSE);
    }

  if (match_word (self, "null"))
    {
      self->pos += 4;
      return json_node_init_null (json_node_alloc ());
    }

  cd_json_parser_error_expected_value (self, top, error);
  return NULL;
}

/* Reads a key and the colon after it, at the current position, into the
 * object @frame. */
gboolean
cd_json_parser_parse_key (CdJsonParser *self,
                          CdJsonFrame  *frame,
                          GError      **error)
{
  const char *key_start = self->pos;
  g_autofree char *quoted = NULL;

  if (key_start == self->end)
    {
      cd_json_parser_error_unclosed (self, frame, error);
      return FALSE;
    }

  if (*key_start != '"')
    {
      gsize word = cd_json_parser_word_length (self, key_start);

      if (cd_json_parser_at_comment (self))
        {
          cd_json_parser_error_comment (self, error);
        }
      else if (*key_start == '\'')
        {
          cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, key_start,
                                    _("keys must be in double quotes (“\"”), not single quotes"));
        }
      else if (word > 0)
        {
          quoted = cd_json_quote_text (key_start, word);
          cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, key_start,
                                    /* Translators: %s is a key such as “headline” */
                                    _("the key %s must be in double quotes"), quoted);
        }
      else
        {
          g_autofree char *found = cd_json_parser_describe_found (self, key_start);

          cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, key_start,
                                    /* Translators: %s is what was found, such as “x” */
                                    _("expected a key in double quotes, found %s"), found);
        }
      return FALSE;
    }

  if (!parse_string (self, error))
    return FALSE;

  g_free (frame->key);
  frame->key = g_strdup (self->buffer->str);
  quoted = cd_json_quote_key (frame->key);
  frame->key_offset = key_start - self->data;

  /* Earlier members are already in the object (a member is added as soon
   * as its value ends), and json-glib looks members up in a hash table, so
   * checking here keeps the parser linear. */
  if (json_object_has_member (json_node_get_object (frame->node), frame->key))
    {
      cd_json_parser_set_error (self, error, CD_JSON_ERROR_DUPLICATE_KEY, key_start,
                                _("the key %s appears twice in the same object; remove one of them"), quoted);
      return FALSE;
    }

  cd_json_parser_skip_whitespace (self);

  if (self->pos == self->end)
    {
      cd_json_parser_error_unclosed (self, frame, error);
      return FALSE;
    }

  if (*self->pos != ':')
    {
      if (cd_json_parser_at_comment (self))
        cd_json_parser_error_comment (self, error);
      else
        cd_json_parser_set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
                                  _("expected “:” after the key %s"), quoted);
      return FALSE;
    }

  self->pos++;

  return TRUE;
}
