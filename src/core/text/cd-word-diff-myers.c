/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The two halves of the word diff that know nothing of operations: cutting
 * a text into tokens (words, spaces, punctuation) and Myers' O(ND) shortest
 * edit script between two sequences of keys, bounded in edits. */

#include "config.h"

#define G_LOG_DOMAIN "cd-word-diff"

#include <string.h>

#include "cd-word-diff-private.h"

guint64
cd_word_diff_hash (const char *text,
                   size_t      length)
{
  /* FNV-1a: equal texts hash alike; keys_equal() compares the bytes too. */
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (size_t i = 0; i < length; i++)
    {
      hash ^= (guchar) text[i];
      hash *= G_GUINT64_CONSTANT (1099511628211);
    }

  return hash;
}

/* Tokenizing */

/* Scripts written without spaces between words: each character is a word
 * of its own, which is how a reader of a Japanese or Chinese diff expects
 * a changed character to show. */
static gboolean
is_unspaced (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN ||
         script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA;
}

/* Letters, digits and combining marks in any script, and the joiners that
 * Arabic, Persian and Indic words use inside a word. */
static gboolean
is_word_char (gunichar c)
{
  return (g_unichar_isalnum (c) || g_unichar_ismark (c) ||
          c == 0x200C || c == 0x200D) && !is_unspaced (c);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF;
}

/* What stays attached to a symbol: combining marks and variation
 * selectors, emoji skin tones. */
static gboolean
is_symbol_modifier (gunichar c)
{
  return g_unichar_ismark (c) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
         (c >= 0xE0020 && c <= 0xE007F);
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Where the token that starts at @p ends, and what it is. @text is valid
 * UTF-8 up to @end. */
static const char *
next_token (const char *p,
            const char *end,
            TokenKind  *kind)
{
  gunichar c = g_utf8_get_char (p);
  const char *q = g_utf8_next_char (p);

  if (is_space (c))
    {
      *kind = TOKEN_SPACE;
      while (q < end && is_space (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      return q;
    }

  if (is_unspaced (c))
    {
      *kind = TOKEN_WORD;
      while (q < end && g_unichar_ismark (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      return q;
    }

  if (is_word_char (c))
    {
      gunichar previous = c;

      *kind = TOKEN_WORD;
      while (q < end)
        {
          gunichar d = g_utf8_get_char (q);
          const char *after = g_utf8_next_char (q);

          if (is_word_char (d))
            {
              previous = d;
              q = after;
              continue;
            }

          /* "don't", "l’homme", "3.5", "10,000": one word each. */
          if (after < end &&
              (((d == '\'' || d == 0x2019) && g_unichar_isalpha (previous) &&
                g_unichar_isalpha (g_utf8_get_char (after)) &&
                !is_unspaced (g_utf8_get_char (after))) ||
               ((d == '.' || d == ',') && g_unichar_isdigit (previous) &&
                g_unichar_isdigit (g_utf8_get_char (after)))))
            {
              previous = d;
              q = after;
              continue;
            }
          break;
        }
      return q;
    }

  /* Punctuation or a symbol, with what belongs to it: an emoji's
   * modifiers, the next emoji after a zero-width joiner, the second half
   * of a flag. */
  *kind = TOKEN_PUNCT;
  if (is_regional_indicator (c) && q < end && is_regional_indicator (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  while (q < end)
    {
      gunichar d = g_utf8_get_char (q);

      if (is_symbol_modifier (d))
        q = g_utf8_next_char (q);
      else if (d == 0x200D && g_utf8_next_char (q) < end &&
               !is_space (g_utf8_get_char (g_utf8_next_char (q))))
        q = g_utf8_next_char (g_utf8_next_char (q));
      else
        break;
    }
  return q;
}

/* Appends the tokens of @text between the byte offsets @start and @end. */
void
cd_word_diff_tokenize (const char *text,
                       size_t      start,
                       size_t      end,
                       GArray     *tokens)
{
  const char *p = text + start;
  const char *stop = text + end;

  while (p < stop)
    {
      Token token = { 0 };
      const char *q = next_token (p, stop, &token.kind);

      token.start = (size_t) (p - text);
      token.end = (size_t) (q - text);
      token.key.text = p;
      token.key.length = token.end - token.start;
      token.key.hash = cd_word_diff_hash (p, token.key.length);
      token.words = token.kind == TOKEN_WORD ? 1 : 0;
      g_array_append_val (tokens, token);
      p = q;
    }
}

/* The number of words between @start and @end. */
guint
cd_word_diff_count (const char *text,
                    size_t      start,
                    size_t      end)
{
  const char *p = text + start;
  const char *stop = text + end;
  guint words = 0;

  while (p < stop)
    {
      TokenKind kind;

      p = next_token (p, stop, &kind);
      if (kind == TOKEN_WORD)
        words++;
    }

  return words;
}

/* Myers */

static inline const Key *
key_at (const Key *keys,
        size_t     stride,
        size_t     i)
{
  return (const Key *) (gconstpointer) ((const char *) keys + i * stride);
}

static inline gboolean
keys_equal (const Key *a,
            const Key *b)
{
  return a->text != NULL && b->text != NULL && a->hash == b->hash &&
         a->length == b->length && memcmp (a->text, b->text, a->length) == 0;
}

static void
append_steps (GByteArray *script,
              guint8      step,
              size_t      count)
{
  for (size_t i = 0; i < count; i++)
    g_byte_array_append (script, &step, 1);
}

/* Myers' greedy algorithm, keeping each round's furthest reaches to walk
 * the path back: (D + 1)² integers for D edits, which the bound keeps to a
 * few megabytes. Returns FALSE if there are more than @max_edits edits:
 * then nothing was appended to @script. */
static gboolean
shortest_script (const Key  *a,
                 size_t      a_stride,
                 ssize_t     n,
                 const Key  *b,
                 size_t      b_stride,
                 ssize_t     m,
                 ssize_t     max_edits,
                 GByteArray *script)
{
  ssize_t limit = MIN (n + m, max_edits);
  ssize_t offset = limit + 1;
  g_autofree ssize_t *v = g_new0 (ssize_t, 2 * limit + 3);
  g_autoptr(GArray) trace = g_array_new (FALSE, FALSE, sizeof (ssize_t));
  g_autoptr(GByteArray) reversed = NULL;
  ssize_t found = -1;
  ssize_t x;
  ssize_t y;

  for (ssize_t d = 0; d <= limit && found < 0; d++)
    {
      g_array_append_vals (trace, v + offset - d, (guint) (2 * d + 1));

      for (ssize_t k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;

          while (x < n && y < m && keys_equal (key_at (a, a_stride, x), key_at (b, b_stride, y)))
            {
              x++;
              y++;
            }
          v[offset + k] = x;

          if (x >= n && y >= m)
            {
              found = d;
              break;
            }
        }
    }

  if (found < 0)
    return FALSE;

  reversed = g_byte_array_new ();
  x = n;
  y = m;
  for (ssize_t d = found; d > 0; d--)
    {
      /* The round d's copy starts after rounds 0 … d-1: d² integers. */
      const ssize_t *saved = &g_array_index (trace, ssize_t, (guint) (d * d)) + d;
      ssize_t k = x - y;
      ssize_t previous_k;
      ssize_t previous_x;
      ssize_t previous_y;

      if (k == -d || (k != d && saved[k - 1] < saved[k + 1]))
        previous_k = k + 1;
      else
        previous_k = k - 1;
      previous_x = saved[previous_k];
      previous_y = previous_x - previous_k;

      while (x > previous_x && y > previous_y)
        {
          append_steps (reversed, STEP_EQUAL, 1);
          x--;
          y--;
        }
      append_steps (reversed, x == previous_x ? STEP_INSERT : STEP_DELETE, 1);
      x = previous_x;
      y = previous_y;
    }
  append_steps (reversed, STEP_EQUAL, (size_t) x);

  for (guint i = reversed->len; i > 0; i--)
    g_byte_array_append (script, &reversed->data[i - 1], 1);

  return TRUE;
}

/* Appends to @script the steps that turn the keys @a into the keys @b: one
 * step per key of either. Past @max_edits edits, what lies between the
 * common beginning and end is deleted and inserted whole; returns FALSE
 * then. */
gboolean
cd_word_diff_myers (const Key  *a,
                    size_t      a_stride,
                    size_t      n,
                    const Key  *b,
                    size_t      b_stride,
                    size_t      m,
                    guint       max_edits,
                    GByteArray *script)
{
  size_t prefix = 0;
  size_t suffix = 0;
  gboolean complete = TRUE;

  while (prefix < n && prefix < m &&
         keys_equal (key_at (a, a_stride, prefix), key_at (b, b_stride, prefix)))
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         keys_equal (key_at (a, a_stride, n - 1 - suffix), key_at (b, b_stride, m - 1 - suffix)))
    suffix++;

  append_steps (script, STEP_EQUAL, prefix);
  n -= prefix + suffix;
  m -= prefix + suffix;

  if (n == 0 || m == 0 ||
      !shortest_script (key_at (a, a_stride, prefix), a_stride, (ssize_t) n,
                        key_at (b, b_stride, prefix), b_stride, (ssize_t) m,
                        (ssize_t) max_edits, script))
    {
      complete = n == 0 || m == 0;
      append_steps (script, STEP_DELETE, n);
      append_steps (script, STEP_INSERT, m);
    }

  append_steps (script, STEP_EQUAL, suffix);
  return complete;
}
