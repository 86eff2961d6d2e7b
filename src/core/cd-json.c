/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-json"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "cd-json.h"

/* How deeply arrays and objects may nest when the caller passes 0. Article
 * files nest a handful of levels; the limit keeps hostile input from making
 * the tree (and json-glib's recursive free) arbitrarily deep. */
#define DEFAULT_MAX_DEPTH 64

/* Keys, numbers and words quoted in messages are cut to this many
 * characters, so that a megabyte-long key does not become the message. */
#define QUOTE_MAX_CHARS 40

/* A number whose text is kept is held as a string node that starts with
 * this byte, which never occurs in UTF-8 and so in no parsed string. */
#define NUMBER_TEXT_MARK '\xFF'

G_DEFINE_QUARK (cd-json-error-quark, cd_json_error)

typedef struct
{
  const char *start;         /* the first byte after a byte order mark */
  const char *end;
  const char *pos;
  const char *display_name;
  guint       max_depth;
  CdJsonParseFlags flags;
  GString    *buffer;        /* the decoded text of the last string read */
  const char *data;          /* the text as given, byte order mark included */
  GHashTable *member_offsets; /* JsonNode → offset of its key, or NULL */
} CdJsonParser;

/* An array or object that is still open. Its node is added to its parent
 * only once it is closed. */
typedef struct
{
  JsonNode   *node;
  char       *key;           /* objects: the key read last */
  const char *open;          /* where its “[” or “{” is */
  gsize       key_offset;    /* objects: where that key is in the text */
} CdJsonFrame;

/* An array or object that the writer is in the middle of. */
typedef struct
{
  JsonNode *node;
  GList    *members;         /* objects: the member names in insertion order */
  GList    *next_member;
  guint     index;           /* how many children have been written */
} CdJsonWriteFrame;

static void append_value (GString  *out,
                          JsonNode *node);

static void set_error (CdJsonParser *self,
                       GError      **error,
                       CdJsonError   code,
                       const char   *where,
                       const char   *format,
                       ...) G_GNUC_PRINTF (5, 6);

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

/* Finds the 1-based line and column of @where. Columns count characters,
 * not bytes, as text editors do. “\n”, “\r\n” and a lone “\r” each end a
 * line. This runs only when an error is reported, so the parser itself does
 * not have to track lines. */
static void
locate (const CdJsonParser *self,
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

static void
set_error (CdJsonParser *self,
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

  locate (self, where, &line, &column);
  g_set_error (error, CD_JSON_ERROR, code, "%s:%u:%u: %s",
               self->display_name, line, column, message);
}

/* Returns @length bytes of valid UTF-8 between typographic quotes, cut
 * short with “…” when they are long. */
static char *
quote_text (const char *text,
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

static char *
quote_key (const char *key)
{
  return quote_text (key, strlen (key));
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

static gsize
word_length (const CdJsonParser *self,
             const char         *p)
{
  const char *q = p;

  while (q < self->end && is_word_char (*q))
    q++;

  return q - p;
}

static gboolean
at_comment (const CdJsonParser *self)
{
  return self->end - self->pos >= 2
         && self->pos[0] == '/'
         && (self->pos[1] == '/' || self->pos[1] == '*');
}

/* Describes what stands at @p for a “found …” part of a message. */
static char *
describe_found (const CdJsonParser *self,
                const char         *p)
{
  gsize word = word_length (self, p);
  gunichar ch;

  if (p == self->end)
    return g_strdup ("the end of the text");

  if (word > 0)
    return quote_text (p, word);

  ch = g_utf8_get_char (p);
  if (g_unichar_isgraph (ch))
    return quote_text (p, g_utf8_next_char (p) - p);

  return g_strdup_printf ("the character U+%04X", ch);
}

static void
skip_whitespace (CdJsonParser *self)
{
  while (self->pos < self->end
         && (*self->pos == ' ' || *self->pos == '\n' || *self->pos == '\r' || *self->pos == '\t'))
    self->pos++;
}

static void
error_comment (CdJsonParser *self,
               GError      **error)
{
  set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
             "comments are not allowed in JSON; remove the comment");
}

static void
error_unclosed (CdJsonParser      *self,
                const CdJsonFrame *frame,
                GError           **error)
{
  gboolean is_object = JSON_NODE_HOLDS_OBJECT (frame->node);
  guint line;
  guint column;

  locate (self, frame->open, &line, &column);
  set_error (self, error, CD_JSON_ERROR_SYNTAX, self->end,
             "the text ends before the “%c” at line %u, column %u is closed with “%c”; "
             "the file may be cut short",
             is_object ? '{' : '[', line, column, is_object ? '}' : ']');
}

static void
error_unterminated_string (CdJsonParser *self,
                           const char   *open,
                           GError      **error)
{
  guint line;
  guint column;

  locate (self, open, &line, &column);
  set_error (self, error, CD_JSON_ERROR_SYNTAX, self->end,
             "the text ends in the middle of a string (the string starts at line %u, column %u); "
             "the file may be cut short",
             line, column);
}

/* A value was expected at the current position but something else is
 * there. @top is the innermost open array or object, or %NULL. */
static void
error_expected_value (CdJsonParser      *self,
                      const CdJsonFrame *top,
                      GError           **error)
{
  const char *p = self->pos;
  gsize word = word_length (self, p);
  g_autofree char *found = NULL;

  if (p == self->end)
    {
      if (top != NULL && JSON_NODE_HOLDS_OBJECT (top->node))
        {
          g_autofree char *key = quote_key (top->key);

          set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                     "the text ends before the value of %s; the file may be cut short", key);
        }
      else if (top != NULL)
        {
          error_unclosed (self, top, error);
        }
      else
        {
          set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                     "the text ends where a value was expected");
        }
      return;
    }

  if (at_comment (self))
    {
      error_comment (self, error);
      return;
    }

  if (word == 3 && memcmp (p, "NaN", 3) == 0)
    {
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "“NaN” is not a JSON value; write null or a number instead");
      return;
    }

  if (word == 8 && memcmp (p, "Infinity", 8) == 0)
    {
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "“Infinity” is not a JSON value; JSON numbers must be finite");
      return;
    }

  if ((word == 4 && g_ascii_strncasecmp (p, "true", 4) == 0)
      || (word == 5 && g_ascii_strncasecmp (p, "false", 5) == 0)
      || (word == 4 && g_ascii_strncasecmp (p, "null", 4) == 0))
    {
      g_autofree char *lower = g_ascii_strdown (p, word);

      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "“%.*s” must be written in lower case: “%s”", (int) word, p, lower);
      return;
    }

  switch (*p)
    {
    case '\'':
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "strings must be in double quotes (“\"”), not single quotes");
      return;

    case '+':
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "a number must not start with “+”; remove it");
      return;

    case '.':
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "a number must start with a digit, as in “0.5”");
      return;

    case ',':
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "expected a value before “,”");
      return;

    default:
      break;
    }

  found = describe_found (self, p);
  if (word == 0 && g_unichar_isspace (g_utf8_get_char (p)))
    set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
               "expected a value, found %s; JSON allows only spaces, tabs and line breaks "
               "between values", found);
  else if (word > 0)
    set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
               "expected a value, found %s; text must be in double quotes", found);
  else
    set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
               "expected a value, found %s", found);
}

static void
error_control_character (CdJsonParser *self,
                         const char   *p,
                         GError      **error)
{
  switch (*p)
    {
    case '\n':
    case '\r':
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "a string must not contain a line break; end the string with “\"” "
                 "or write the line break as “\\n”");
      break;

    case '\t':
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "a string must not contain a tab character; write it as “\\t”");
      break;

    default:
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "a string must not contain the control character U+%04X; write it as “\\u%04X”",
                 (guint) (guchar) *p, (guint) (guchar) *p);
      break;
    }
}

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
        error_unterminated_string (self, open, error);
      else
        set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                   "“\\u” in a string must be followed by four hexadecimal digits, "
                   "as in “\\u00E9”");
      return FALSE;
    }

  escape = quote_text (p, 6);

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
          set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                     "the escape %s is the first half of a surrogate pair, but no second half "
                     "(“\\uDC00” to “\\uDFFF”) follows it", escape);
          return FALSE;
        }
    }
  else if (ch >= 0xDC00 && ch <= 0xDFFF)
    {
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "the escape %s is the second half of a surrogate pair, but the first half "
                 "(“\\uD800” to “\\uDBFF”) is missing before it", escape);
      return FALSE;
    }
  else if (ch == 0)
    {
      set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                 "the escape “\\u0000” stands for a NUL character, which text fields cannot hold; "
                 "remove it");
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
      error_unterminated_string (self, open, error);
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
            g_autofree char *escape = quote_text (p, g_utf8_next_char (p + 1) - p);

            set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                       "invalid escape %s in a string; to write a backslash, write “\\\\”",
                       escape);
          }
        else
          {
            set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                       "invalid escape: a backslash followed by the character U+%04X; "
                       "to write a backslash, write “\\\\”", ch);
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
          error_control_character (self, p, error);
          return FALSE;
        }
      else
        {
          p++;
        }
    }

  error_unterminated_string (self, open, error);
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
      gsize word = word_length (self, p);

      if ((word == 8 && memcmp (p, "Infinity", 8) == 0) || (word == 3 && memcmp (p, "NaN", 3) == 0))
        set_error (self, error, CD_JSON_ERROR_SYNTAX, start,
                   "“-%.*s” is not a JSON value; JSON numbers must be finite", (int) word, p);
      else
        set_error (self, error, CD_JSON_ERROR_SYNTAX, p, "expected a digit after “-”");
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
          number = quote_text (start, q - start);
          set_error (self, error, CD_JSON_ERROR_SYNTAX, start,
                     "the number %s starts with a leading zero, which JSON does not allow; "
                     "remove the zero", number);
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
          number = quote_text (start, p - start);
          set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                     "expected a digit after the decimal point of the number %s", number);
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
          number = quote_text (start, p - start);
          set_error (self, error, CD_JSON_ERROR_SYNTAX, p,
                     "expected a digit in the exponent of the number %s", number);
          return NULL;
        }
      while (is_digit_at (self, p))
        p++;
    }

  /* “0x1F”, “1.2.3” and “12px” must not read as a number followed by
   * something unexpected: name the whole word. */
  if (p < self->end && (is_word_char (*p) || *p == '.'))
    {
      const char *q = p;

      while (q < self->end && (is_word_char (*q) || *q == '.' || *q == '+' || *q == '-'))
        q++;
      number = quote_text (start, q - start);
      set_error (self, error, CD_JSON_ERROR_SYNTAX, start, "%s is not a valid number", number);
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
          g_autofree char *quoted = quote_text (start, p - start);

          set_error (self, error, CD_JSON_ERROR_TOO_LARGE, start,
                     "the number %s is too large; numbers must lie between about -1.8e308 and 1.8e308",
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
      append_value (canonical, node);
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

  return word_length (self, self->pos) == length && memcmp (self->pos, word, length) == 0;
}

/* Reads a string, number, true, false or null at the current position. */
static JsonNode *
parse_scalar (CdJsonParser      *self,
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

  error_expected_value (self, top, error);
  return NULL;
}

/* Reads a key and the colon after it, at the current position, into the
 * object @frame. */
static gboolean
parse_key (CdJsonParser *self,
           CdJsonFrame  *frame,
           GError      **error)
{
  const char *key_start = self->pos;
  g_autofree char *quoted = NULL;

  if (key_start == self->end)
    {
      error_unclosed (self, frame, error);
      return FALSE;
    }

  if (*key_start != '"')
    {
      gsize word = word_length (self, key_start);

      if (at_comment (self))
        {
          error_comment (self, error);
        }
      else if (*key_start == '\'')
        {
          set_error (self, error, CD_JSON_ERROR_SYNTAX, key_start,
                     "keys must be in double quotes (“\"”), not single quotes");
        }
      else if (word > 0)
        {
          quoted = quote_text (key_start, word);
          set_error (self, error, CD_JSON_ERROR_SYNTAX, key_start,
                     "the key %s must be in double quotes", quoted);
        }
      else
        {
          g_autofree char *found = describe_found (self, key_start);

          set_error (self, error, CD_JSON_ERROR_SYNTAX, key_start,
                     "expected a key in double quotes, found %s", found);
        }
      return FALSE;
    }

  if (!parse_string (self, error))
    return FALSE;

  g_free (frame->key);
  frame->key = g_strdup (self->buffer->str);
  quoted = quote_key (frame->key);
  frame->key_offset = key_start - self->data;

  /* Earlier members are already in the object (a member is added as soon
   * as its value ends), and json-glib looks members up in a hash table, so
   * checking here keeps the parser linear. */
  if (json_object_has_member (json_node_get_object (frame->node), frame->key))
    {
      set_error (self, error, CD_JSON_ERROR_DUPLICATE_KEY, key_start,
                 "the key %s appears twice in the same object; remove one of them", quoted);
      return FALSE;
    }

  skip_whitespace (self);

  if (self->pos == self->end)
    {
      error_unclosed (self, frame, error);
      return FALSE;
    }

  if (*self->pos != ':')
    {
      if (at_comment (self))
        error_comment (self, error);
      else
        set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
                   "expected “:” after the key %s", quoted);
      return FALSE;
    }

  self->pos++;

  return TRUE;
}

/* Something other than “,” or the closing bracket follows a value inside
 * @frame. */
static void
error_expected_separator (CdJsonParser      *self,
                          const CdJsonFrame *frame,
                          GError           **error)
{
  if (at_comment (self))
    {
      error_comment (self, error);
    }
  else if (JSON_NODE_HOLDS_OBJECT (frame->node))
    {
      g_autofree char *key = quote_key (frame->key);

      set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
                 "expected “,” or “}” after the value of %s", key);
    }
  else
    {
      set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
                 "expected “,” or “]” after element %u of the array",
                 json_array_get_length (json_node_get_array (frame->node)));
    }
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
      skip_whitespace (self);

      if (self->pos == self->end)
        {
          error_expected_value (self, top, error);
          return NULL;
        }

      c = *self->pos;

      if (c == '[' || c == '{')
        {
          CdJsonFrame frame = { NULL, NULL, self->pos, 0 };

          if (stack->len >= self->max_depth)
            {
              set_error (self, error, CD_JSON_ERROR_TOO_DEEP, self->pos,
                         "nested more than %u levels deep", self->max_depth);
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
          skip_whitespace (self);

          if (self->pos < self->end && *self->pos == (c == '[' ? ']' : '}'))
            {
              self->pos++;
              node = pop_frame (stack);
            }
          else if (c == '[')
            {
              continue;
            }
          else if (!parse_key (self, top, error))
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
          node = parse_scalar (self, top, error);
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
              skip_whitespace (self);

              if (self->pos == self->end)
                return g_steal_pointer (&node);

              free_tree (g_steal_pointer (&node));

              if (at_comment (self))
                {
                  error_comment (self, error);
                }
              else
                {
                  g_autofree char *found = describe_found (self, self->pos);

                  set_error (self, error, CD_JSON_ERROR_SYNTAX, self->pos,
                             "unexpected %s after the end of the value; "
                             "a JSON file holds exactly one value", found);
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

          skip_whitespace (self);

          if (self->pos == self->end)
            {
              error_unclosed (self, top, error);
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
              error_expected_separator (self, top, error);
              return NULL;
            }

          comma = self->pos;
          self->pos++;
          skip_whitespace (self);

          if (self->pos < self->end && *self->pos == close)
            {
              set_error (self, error, CD_JSON_ERROR_SYNTAX, comma,
                         "a trailing comma is not allowed before “%c”; remove this “,”", close);
              return NULL;
            }

          if (is_object && !parse_key (self, top, error))
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
      set_error (&parser, error, CD_JSON_ERROR_ENCODING, parser.start,
                 "the file is UTF-16 text, not UTF-8; save it as UTF-8");
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line;
      guint column;

      if (*invalid == '\0')
        {
          set_error (&parser, error, CD_JSON_ERROR_ENCODING, invalid,
                     "the file contains a NUL byte; it may be a binary file, not JSON text");
        }
      else
        {
          locate (&parser, invalid, &line, &column);
          set_error (&parser, error, CD_JSON_ERROR_ENCODING, invalid,
                     "the file is not valid UTF-8 text (byte 0x%02X at line %u, column %u); "
                     "save it as UTF-8",
                     (guint) (guchar) *invalid, line, column);
        }
      return NULL;
    }

  skip_whitespace (&parser);
  if (parser.pos == parser.end)
    {
      if (parser.start == parser.end)
        set_error (&parser, error, CD_JSON_ERROR_EMPTY, parser.start, "the file is empty");
      else
        set_error (&parser, error, CD_JSON_ERROR_EMPTY, parser.start,
                   "the file is empty; it contains only white space");
      return NULL;
    }

  buffer = g_string_new (NULL);
  parser.buffer = buffer;

  return parse_document (&parser, error);
}

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

static void
append_value (GString  *out,
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
      append_value (out, node);
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

  locate (&parser, MAX (data + offset, parser.start), line, column);
}
