/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The words of a text worth spell checking: one pass over the bytes, with
 * the block structure of Markdown read line by line (fenced and indented
 * code, reference definitions) and its inline constructs (code spans, link
 * targets, autolinks, HTML tags and comments, entities) skipped where they
 * start. Every search ahead is bounded or done once, so the pass stays
 * linear in the length of the text whatever it holds. */

#include "config.h"

#define G_LOG_DOMAIN "cd-spell"

#include <string.h>

#include "cd-spell.h"

/* How far a tag, a link target or an autolink may reach for its end. */
#define MAX_INLINE_REACH 2048
/* Code spans of up to this many backticks; each length remembers where its
 * search failed. */
#define MAX_TICKS 16

typedef struct
{
  const char      *text;
  gsize            length;
  CdSpellTextKind  kind;
  CdSpellWordFunc  func;
  gpointer         user_data;
  gboolean         stopped;

  /* Markdown block state. */
  gboolean         in_fence;
  char             fence_char;
  gsize            fence_length;
  gboolean         previous_blank;
  gboolean         in_list;
  gboolean         in_code_block;
  /* For each backtick count, the paragraph end up to which no closing run
   * exists. */
  gsize            no_close_until[MAX_TICKS + 1];
  /* Bytes the bounded searches may still read. */
  gsize            budget;
  /* The end of the last run of letters, digits and dots that was no
   * address: a word starting inside it is none either. */
  gsize            no_address_until;
} Scanner;

static inline gboolean
is_ascii_alnum (char c)
{
  return g_ascii_isalnum (c);
}

static inline gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t';
}

/* The character at @pos, or -1 when the bytes there are not UTF-8; its
 * length in @len (1 for invalid bytes). */
static gunichar
char_at (const Scanner *s,
         gsize          pos,
         gsize         *len)
{
  guchar c = (guchar) s->text[pos];
  gunichar ch;

  if (c < 0x80)
    {
      *len = 1;
      return c;
    }
  ch = g_utf8_get_char_validated (s->text + pos, (gssize) (s->length - pos));
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    {
      *len = 1;
      return (gunichar) -1;
    }
  *len = (gsize) g_unichar_to_utf8 (ch, NULL);
  return ch;
}

static inline gboolean
is_word_char (gunichar ch)
{
  return ch != (gunichar) -1 && (g_unichar_isalpha (ch) || g_unichar_ismark (ch));
}

static inline gboolean
is_digit_char (gunichar ch)
{
  return ch != (gunichar) -1 && g_unichar_isdigit (ch);
}

static gsize
line_end (const Scanner *s,
          gsize          pos)
{
  const char *nl = memchr (s->text + pos, '\n', s->length - pos);

  return nl ? (gsize) (nl - s->text) : s->length;
}

static gboolean
line_is_blank (const Scanner *s,
               gsize          start,
               gsize          end)
{
  for (gsize i = start; i < end; i++)
    if (!is_blank_char (s->text[i]) && s->text[i] != '\r')
      return FALSE;
  return TRUE;
}

/* Whether the line after the newline at @pos is blank: the end of a
 * paragraph. */
static gboolean
next_line_is_blank (const Scanner *s,
                    gsize          pos)
{
  for (gsize i = pos + 1; i < s->length; i++)
    {
      if (s->text[i] == '\n')
        return TRUE;
      if (!is_blank_char (s->text[i]) && s->text[i] != '\r')
        return FALSE;
    }
  return TRUE;
}

/* How far a search for the end of a link target or a tag may look from
 * @pos; 0 once the searches have read 16 times the text, so that text made
 * of nothing but openings stays linear. */
static gsize
reach_limit (Scanner *s,
             gsize    pos)
{
  gsize limit = MIN (s->length, pos + MAX_INLINE_REACH);

  if (s->budget < limit - pos)
    return pos;
  return limit;
}

static gboolean
has_prefix_ci (const Scanner *s,
               gsize          pos,
               const char    *prefix)
{
  gsize n = strlen (prefix);

  return s->length - pos >= n && g_ascii_strncasecmp (s->text + pos, prefix, n) == 0;
}

/* Where a run of bytes that are not blank and not in @stops ends. */
static gsize
skip_until_space (const Scanner *s,
                  gsize          pos,
                  const char    *stops)
{
  while (pos < s->length)
    {
      char c = s->text[pos];

      if (g_ascii_isspace (c) || (stops && strchr (stops, c) && c != '\0'))
        break;
      pos++;
    }
  return pos;
}

/* URLs, e-mail addresses, bare domains and codes that start at @pos, a word
 * boundary: the end of what to skip, or @pos when there is none. */
static gsize
skip_address (Scanner *s,
              gsize    pos)
{
  const char *stops = s->kind == CD_SPELL_TEXT_MARKDOWN ? "<>\"`)]" : "<>\"";
  gsize i = pos;
  gsize end;
  gsize last_dot = 0;
  gsize n_dots = 0;
  gsize at = 0;
  gboolean last_label_alpha = TRUE;
  gsize last_label_length = 0;
  gsize scheme_end;

  if (!g_ascii_isalnum (s->text[pos]) || pos < s->no_address_until)
    return pos;

  /* scheme://… and the schemes without slashes that carry addresses. */
  while (i < s->length && (g_ascii_isalnum (s->text[i]) || s->text[i] == '+'
                           || s->text[i] == '.' || s->text[i] == '-'))
    i++;
  scheme_end = i;
  if (i < s->length && s->text[i] == ':' && g_ascii_isalpha (s->text[pos]))
    {
      if (s->length - i >= 3 && s->text[i + 1] == '/' && s->text[i + 2] == '/')
        return skip_until_space (s, i + 3, stops);
      if (has_prefix_ci (s, pos, "mailto:") || has_prefix_ci (s, pos, "tel:")
          || has_prefix_ci (s, pos, "urn:"))
        return skip_until_space (s, i + 1, stops);
      if (has_prefix_ci (s, pos, "medtop:") || has_prefix_ci (s, pos, "subj:"))
        {
          end = i + 1;
          while (end < s->length && (g_ascii_isalnum (s->text[end])))
            end++;
          return end;
        }
    }
  if (has_prefix_ci (s, pos, "www."))
    return skip_until_space (s, pos, stops);

  /* name@domain and domain.tld, in ASCII. */
  for (i = pos; i < s->length; i++)
    {
      char c = s->text[i];

      if (g_ascii_isalnum (c))
        {
          last_label_alpha = last_label_alpha && g_ascii_isalpha (c);
          last_label_length++;
        }
      else if (c == '.' || c == '@')
        {
          if (i + 1 >= s->length || !g_ascii_isalnum (s->text[i + 1]))
            break;
          if (c == '@')
            {
              if (at)
                break;
              at = i;
              n_dots = 0;
            }
          else
            {
              last_dot = i;
              n_dots++;
            }
          last_label_alpha = TRUE;
          last_label_length = 0;
        }
      else if (c == '-' || c == '_' || c == '%' || c == '+')
        last_label_alpha = last_label_alpha && c == '-';
      else
        break;
    }
  end = i;
  if (at && n_dots >= 1 && last_dot > at)
    return skip_until_space (s, end, stops);
  if (!at && n_dots >= 1 && last_label_alpha && last_label_length >= 2)
    {
      /* A path, a port or a query after a domain goes with it. */
      if (end < s->length && (s->text[end] == '/' || s->text[end] == ':'
                              || s->text[end] == '?' || s->text[end] == '#'))
        return skip_until_space (s, end, stops);
      return end;
    }
  /* Scanning "a.b+c…" again from each of its words would be quadratic. */
  s->no_address_until = MAX (end, scheme_end);
  return pos;
}

static void
yield (Scanner *s,
       gsize    start,
       gsize    end)
{
  if (!s->stopped && end > start)
    s->stopped = !s->func (s->text, start, end, s->user_data);
}

/* Whether @ch at @i joins the letters around it into one word (an
 * apostrophe) or a compound (a hyphen, an underscore): it must be followed
 * by a letter or digit. Its length in @len. */
static gboolean
is_joiner (const Scanner *s,
           gsize          i,
           gunichar       ch,
           gsize          len)
{
  gsize next_len = 0;
  gunichar next;

  if (ch != '\'' && ch != 0x2019 && ch != '-' && ch != 0x2010 && ch != 0x2011 && ch != '_')
    return FALSE;
  if (i + len >= s->length)
    return FALSE;
  next = char_at (s, i + len, &next_len);
  return is_word_char (next) || is_digit_char (next);
}

/* A word and its parts from @pos, a letter or digit: letters with inner
 * apostrophes, split at inner hyphens; parts with digits and identifiers
 * with inner underscores are not words. Returns where it ends. */
static gsize
scan_word (Scanner *s,
           gsize    pos)
{
  gboolean identifier = FALSE;
  gsize end = pos;
  gsize part_start = pos;
  gboolean digits = FALSE;

  /* Where the compound ends, and whether it is an identifier. */
  while (end < s->length)
    {
      gsize len = 0;
      gunichar ch = char_at (s, end, &len);

      if (is_word_char (ch) || is_digit_char (ch))
        end += len;
      else if (is_joiner (s, end, ch, len))
        {
          identifier = identifier || ch == '_';
          end += len;
        }
      else
        break;
    }
  if (identifier)
    return end;

  /* Its parts, split at the hyphens. */
  for (gsize i = pos; i < end && !s->stopped;)
    {
      gsize len = 0;
      gunichar ch = char_at (s, i, &len);

      if (ch == '-' || ch == 0x2010 || ch == 0x2011)
        {
          if (!digits)
            yield (s, part_start, i);
          i += len;
          part_start = i;
          digits = FALSE;
          continue;
        }
      digits = digits || is_digit_char (ch);
      i += len;
    }
  if (!digits && !s->stopped)
    yield (s, part_start, end);
  return end;
}

/* Markdown inline constructs at @pos that are not prose: returns where they
 * end, or @pos. */
static gsize
skip_markdown_inline (Scanner *s,
                      gsize    pos)
{
  char c = s->text[pos];

  if (c == '\\' && pos + 1 < s->length && g_ascii_ispunct (s->text[pos + 1]))
    return pos + 2;

  if (c == '`')
    {
      gsize n = 0;
      gsize i = pos;
      gsize para_end;

      while (i < s->length && s->text[i] == '`')
        i++;
      n = i - pos;
      /* Longer runs are taken as they are; each length fails its search
       * at most once a paragraph, so the pass stays linear. */
      if (n > MAX_TICKS || s->no_close_until[n] > pos)
        return i;
      /* The closing run of as many backticks, within the paragraph. */
      para_end = s->length;
      for (gsize j = i; j < s->length;)
        {
          if (s->text[j] == '`')
            {
              gsize k = j;

              while (k < s->length && s->text[k] == '`')
                k++;
              if (k - j == n)
                return k;
              j = k;
            }
          else if (s->text[j] == '\n' && next_line_is_blank (s, j))
            {
              para_end = j;
              break;
            }
          else
            j++;
        }
      s->no_close_until[n] = para_end;
      return i;
    }

  if (c == ']' && pos + 1 < s->length && (s->text[pos + 1] == '(' || s->text[pos + 1] == '['))
    {
      char open = s->text[pos + 1];
      char close = open == '(' ? ')' : ']';
      int depth = 0;
      gsize limit = reach_limit (s, pos + 1);

      s->budget -= limit - (pos + 1);
      for (gsize i = pos + 1; i < limit; i++)
        {
          char d = s->text[i];

          if (d == '\\' && i + 1 < limit)
            {
              i++;
              continue;
            }
          if (d == '\n' && i + 1 < limit && s->text[i + 1] == '\n')
            break;
          if (d == open)
            depth++;
          else if (d == close && --depth == 0)
            return i + 1;
        }
      return pos + 1;
    }

  if (c == '&')
    {
      gsize i = pos + 1;

      if (i < s->length && s->text[i] == '#')
        i++;
      while (i < s->length && i - pos <= 32 && is_ascii_alnum (s->text[i]))
        i++;
      if (i < s->length && s->text[i] == ';' && i > pos + 1)
        return i + 1;
      return pos + 1;
    }

  if (c == '<' && pos + 1 < s->length)
    {
      char d = s->text[pos + 1];

      if (has_prefix_ci (s, pos, "<!--"))
        {
          const char *close = g_strstr_len (s->text + pos + 4, (gssize) (s->length - pos - 4), "-->");

          return close ? (gsize) (close - s->text) + 3 : s->length;
        }
      if (has_prefix_ci (s, pos, "<script") || has_prefix_ci (s, pos, "<style")
          || has_prefix_ci (s, pos, "<pre"))
        {
          const char *name = s->text[pos + 2] == 'c' || s->text[pos + 2] == 'C' ? "</script"
                             : s->text[pos + 2] == 't' || s->text[pos + 2] == 'T' ? "</style" : "</pre";
          gsize name_length = strlen (name);

          for (gsize i = pos + 1; i + name_length <= s->length; i++)
            if (s->text[i] == '<' && g_ascii_strncasecmp (s->text + i, name, name_length) == 0)
              {
                const char *gt = memchr (s->text + i, '>', s->length - i);

                return gt ? (gsize) (gt - s->text) + 1 : s->length;
              }
          return s->length;
        }
      if (g_ascii_isalpha (d) || d == '/' || d == '!' || d == '?')
        {
          gboolean autolink = FALSE;
          gsize limit = reach_limit (s, pos + 1);

          s->budget -= limit - (pos + 1);
          for (gsize i = pos + 1; i < limit; i++)
            {
              char e = s->text[i];

              if (e == ':' || e == '@')
                autolink = TRUE;
              if (e == '>')
                return i + 1;
              if (e == '<' || (e == '\n' && i + 1 < limit && s->text[i + 1] == '\n'))
                break;
              if (autolink && g_ascii_isspace (e))
                break;
            }
        }
    }
  return pos;
}

/* The indentation of @pos's line after blockquote markers, in columns, and
 * where its content starts. */
static gsize
block_indent (const Scanner *s,
              gsize          pos,
              gsize          end,
              gsize         *content,
              gboolean      *list_item)
{
  gsize i = pos;
  gsize columns = 0;

  *list_item = FALSE;
  for (;;)
    {
      gsize save = i;
      gsize col = 0;

      while (i < end && s->text[i] == ' ' && col < 3)
        i++, col++;
      if (i < end && s->text[i] == '>')
        {
          i++;
          if (i < end && s->text[i] == ' ')
            i++;
          continue;
        }
      i = save;
      break;
    }
  while (i < end && is_blank_char (s->text[i]))
    {
      columns += s->text[i] == '\t' ? 4 - columns % 4 : 1;
      i++;
    }
  *content = i;
  if (i < end)
    {
      gsize j = i;
      char c = s->text[i];

      if ((c == '-' || c == '*' || c == '+') && j + 1 < end && is_blank_char (s->text[j + 1]))
        *list_item = TRUE;
      else
        {
          while (j < end && j - i < 9 && g_ascii_isdigit (s->text[j]))
            j++;
          if (j > i && j + 1 < end && (s->text[j] == '.' || s->text[j] == ')')
              && is_blank_char (s->text[j + 1]))
            *list_item = TRUE;
        }
    }
  return columns;
}

/* Block structure at the start of a Markdown line: TRUE if the whole line
 * is to be skipped. */
static gboolean
skip_markdown_line (Scanner *s,
                    gsize    start,
                    gsize    end)
{
  gsize content;
  gboolean list_item;
  gsize indent;
  gboolean blank = line_is_blank (s, start, end);
  gboolean was_blank = s->previous_blank;

  s->previous_blank = blank;
  if (blank)
    return TRUE;

  indent = block_indent (s, start, end, &content, &list_item);

  if (s->in_fence)
    {
      gsize i = content;

      while (i < end && s->text[i] == s->fence_char)
        i++;
      if (i - content >= s->fence_length && line_is_blank (s, i, end))
        s->in_fence = FALSE;
      return TRUE;
    }

  if (indent >= 4 && !s->in_list && (was_blank || s->in_code_block))
    {
      s->in_code_block = TRUE;
      return TRUE;
    }
  s->in_code_block = FALSE;

  if (list_item)
    s->in_list = TRUE;
  else if (was_blank && indent == 0)
    s->in_list = FALSE;

  /* After a list marker, the item's content may itself open a fence. */
  if (list_item)
    {
      while (content < end && !is_blank_char (s->text[content]))
        content++;
      while (content < end && is_blank_char (s->text[content]))
        content++;
    }

  if (content + 3 <= end && (s->text[content] == '`' || s->text[content] == '~'))
    {
      char f = s->text[content];
      gsize i = content;

      while (i < end && s->text[i] == f)
        i++;
      if (i - content >= 3
          && (f == '~' || !memchr (s->text + i, '`', end - i)))
        {
          s->in_fence = TRUE;
          s->fence_char = f;
          s->fence_length = i - content;
          return TRUE;
        }
    }

  /* A reference definition: [label]: destination "title"; not a footnote,
   * [^label]: text, whose text is prose. */
  if (content + 1 < end && s->text[content] == '[' && s->text[content + 1] != '^' && indent < 4)
    {
      const char *close = memchr (s->text + content, ']', end - content);

      if (close && (gsize) (close - s->text) + 1 < end && close[1] == ':')
        return TRUE;
    }
  return FALSE;
}

/**
 * cd_spell_foreach_word:
 * @text: the text, not necessarily valid UTF-8
 * @length: its length in bytes, or -1 when nul-terminated
 * @kind: whether @text is Markdown or plain text
 * @func: called with each word's byte range
 * @user_data: for @func
 *
 * Calls @func for each word of @text worth checking, in order.
 */
void
cd_spell_foreach_word (const char      *text,
                       gssize           length,
                       CdSpellTextKind  kind,
                       CdSpellWordFunc  func,
                       gpointer         user_data)
{
  Scanner s = { 0 };
  gsize pos = 0;
  gsize end_of_line = 0;
  gboolean line_start = TRUE;
  gboolean at_boundary = TRUE;

  g_return_if_fail (func != NULL);

  if (text == NULL)
    return;
  s.text = text;
  s.length = length < 0 ? strlen (text) : (gsize) length;
  s.kind = kind;
  s.func = func;
  s.user_data = user_data;
  s.previous_blank = TRUE;
  s.budget = 16 * s.length + 4 * MAX_INLINE_REACH;

  while (pos < s.length && !s.stopped)
    {
      gsize len = 1;
      gunichar ch;
      gsize next;

      if (line_start)
        {
          line_start = FALSE;
          at_boundary = TRUE;
          end_of_line = line_end (&s, pos);
          if (kind == CD_SPELL_TEXT_MARKDOWN && skip_markdown_line (&s, pos, end_of_line))
            {
              pos = end_of_line;
              continue;
            }
        }
      if (pos == end_of_line)
        {
          /* The newline. */
          pos++;
          line_start = TRUE;
          continue;
        }

      next = pos;
      if (kind == CD_SPELL_TEXT_MARKDOWN)
        next = skip_markdown_inline (&s, pos);
      if (next == pos)
        {
          ch = char_at (&s, pos, &len);
          /* A handle, @copydesk: a name, not a word. */
          if (ch == '@' && at_boundary && pos + 1 < s.length && g_ascii_isalnum (s.text[pos + 1]))
            {
              next = pos + 1;
              while (next < s.length && (g_ascii_isalnum (s.text[next]) || s.text[next] == '_'))
                next++;
              at_boundary = FALSE;
            }
          else if (is_word_char (ch) || is_digit_char (ch))
            {
              if (at_boundary)
                {
                  next = skip_address (&s, pos);
                  if (next == pos)
                    next = scan_word (&s, pos);
                }
              else
                next = pos + len;
              at_boundary = FALSE;
            }
          else
            {
              next = pos + len;
              at_boundary = TRUE;
            }
        }
      else
        at_boundary = TRUE;

      pos = next;
      /* A construct may run over lines: carry on mid-line. */
      if (pos > end_of_line)
        end_of_line = line_end (&s, pos);
    }
}
