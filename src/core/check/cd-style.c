/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* House style in the article's prose: preferred forms, banned phrases,
 * doubled words, double spaces, quotes and numbers. The body is read with
 * md4c so that code, HTML and link targets are left alone; each field is
 * cut into runs of prose, the runs into words, and the words are walked
 * once, with one hash lookup of each word's folded form for the phrases of
 * the house style (compiled once per house rules). */

#include "config.h"

#define G_LOG_DOMAIN "cd-style"

#include <glib/gi18n-lib.h>
#include <md4c.h>
#include <stdint.h>
#include <string.h>

#include "cd-preflight-private.h"
#include "cd-style-private.h"

#define PARSER_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS)

/* Cutting a field into runs of prose and words */

typedef enum
{
  GAP_SPACE,  /* only blanks, at most one line break */
  GAP_OTHER,  /* punctuation or markup */
  GAP_BREAK,  /* another block, code, a URL: nothing carries across */
} Gap;

typedef struct
{
  gsize    start;
  gsize    end;
  gboolean broken;  /* a block boundary or skipped text lies before it */
} Run;

/* Offsets fit in 32 bits: check_field() skips a longer text, which no
 * article that loads has. Small, for the words of a long body. */
typedef struct
{
  guint32  start;
  guint32  end;
  guint32  folded;              /* offset in Field.folded */
  guint8   gap;                 /* Gap: what lies before it */
  guint8   is_number : 1;       /* only ASCII digits */
  guint8   sentence_start : 1;
} Token;

enum {
  CHECK_PREFERRED    = 1 << 0,
  CHECK_BANNED       = 1 << 1,
  CHECK_DOUBLED      = 1 << 2,
  CHECK_DOUBLE_SPACE = 1 << 3,
  CHECK_QUOTES       = 1 << 4,
  CHECK_NUMBERS      = 1 << 5,
  CHECK_ALL          = 0x3f,
};

typedef struct
{
  CdHouseRules          *rules;
  const CdStyleLanguage *style;     /* nullable */
  const char            *language;  /* the article's tag, nullable */
  gboolean               german;
  guint                  checks;    /* the rules that are on */
  CdSeverity             severity[6];
  GPtrArray             *issues;    /* of CdPreflightIssue, this field's */
} StyleCheck;

typedef struct
{
  const char *text;
  gsize       length;
  GArray     *runs;
  GArray     *tokens;
  GString    *folded;
  gboolean    pending_break;
  char       *href;  /* of the link being read */
} Field;

static const char * const rule_names[] = {
  "style-preferred",
  "style-banned",
  "style-doubled-word",
  "style-double-space",
  "style-quotes",
  "style-numbers",
};

static guint
check_index (guint check)
{
  guint index = 0;

  while ((1u << index) != check)
    index++;
  return index;
}

static void
add_issue (StyleCheck *sc,
           const char *field_id,
           guint       check,
           gsize       start,
           gsize       end,
           const char *replacement,
           char       *message)
{
  g_autofree char *owned = message;
  guint index = check_index (check);
  CdPreflightIssue *issue;

  if (sc->issues->len >= CD_LIMIT_STYLE_FINDINGS)
    return;

  issue = cd_preflight_issue_new (sc->severity[index], rule_names[index], field_id, owned);
  cd_preflight_issue_set_range (issue, start, end);
  if (replacement != NULL)
    cd_preflight_issue_set_replacement (issue, replacement);
  g_ptr_array_add (sc->issues, issue);
}

static void
add_run (Field *field,
         gsize  start,
         gsize  end)
{
  Run *last = field->runs->len > 0 ? &g_array_index (field->runs, Run, field->runs->len - 1) : NULL;

  if (start >= end)
    return;

  /* md4c cuts text at entities and unused delimiters: one run again. */
  if (last != NULL && !field->pending_break && last->end == start)
    {
      last->end = end;
      return;
    }

  g_array_append_val (field->runs, ((Run) { start, end, field->pending_break }));
  field->pending_break = FALSE;
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  ((Field *) user_data)->pending_break = TRUE;
  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  ((Field *) user_data)->pending_break = TRUE;
  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Field *field = user_data;

  if (type == MD_SPAN_A)
    {
      const MD_SPAN_A_DETAIL *link = detail;

      g_clear_pointer (&field->href, g_free);
      field->href = g_strndup (link->href.text != NULL ? link->href.text : "", link->href.size);
    }

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Field *field = user_data;

  if (type == MD_SPAN_A)
    g_clear_pointer (&field->href, g_free);

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Field *field = user_data;
  uintptr_t start = (uintptr_t) field->text;
  uintptr_t p = (uintptr_t) text;

  if (type == MD_TEXT_SOFTBR)
    return 0;

  /* Code, HTML, entities, and text md4c made up (not in the body). */
  if (type != MD_TEXT_NORMAL || p < start || p + size > start + field->length)
    {
      field->pending_break = TRUE;
      return 0;
    }

  /* An autolink's text is its address. */
  if (field->href != NULL)
    {
      size_t href_length = strlen (field->href);

      if (href_length >= size && memcmp (field->href + href_length - size, text, size) == 0)
        {
          field->pending_break = TRUE;
          return 0;
        }
    }

  add_run (field, (gsize) (p - start), (gsize) (p - start) + size);
  return 0;
}

static void
find_runs (Field    *field,
           gboolean  markdown)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = PARSER_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };

  if (!markdown)
    {
      add_run (field, 0, field->length);
      return;
    }

  md_parse (field->text, (MD_SIZE) field->length, &parser, field);
  g_clear_pointer (&field->href, g_free);
}

/* A chunk between blanks that is an address or a code, not prose. */
static gboolean
is_address (const char *chunk,
            gsize       length)
{
  const char *at;

  if (g_strstr_len (chunk, (gssize) length, "://") != NULL)
    return TRUE;
  if (length >= 4 && g_ascii_strncasecmp (chunk, "www.", 4) == 0)
    return TRUE;
  if (length >= 7 && g_ascii_strncasecmp (chunk, "medtop:", 7) == 0)
    return TRUE;
  if (length >= 7 && g_ascii_strncasecmp (chunk, "mailto:", 7) == 0)
    return TRUE;

  at = memchr (chunk, '@', length);
  return at != NULL && at > chunk && memchr (at, '.', length - (gsize) (at - chunk)) != NULL;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static Gap
gap_between (const char *text,
             gsize       start,
             gsize       end)
{
  guint newlines = 0;

  for (gsize i = start; i < end; i++)
    {
      if (!is_blank (text[i]))
        return GAP_OTHER;
      if (text[i] == '\n')
        newlines++;
    }

  return newlines > 1 ? GAP_BREAK : GAP_SPACE;
}

static gboolean
ends_sentence (const char *text,
               gsize       start,
               gsize       end)
{
  for (gsize i = start; i < end; i++)
    {
      if (text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == ':')
        return TRUE;
    }

  return FALSE;
}

static void check_quotes (StyleCheck *sc, const char *field_id, Field *field,
                          gsize start, gsize end);

/* Words of one chunk; @gap is what lies before its first word. */
static void
tokenize_chunk (Field *field,
                gsize  start,
                gsize  end,
                Gap    gap)
{
  const char *text = field->text;
  const char *p = text + start;
  const char *chunk_end = text + end;

  while (p < chunk_end)
    {
      const char *q = cd_style_word_end (p, chunk_end);
      Token token = { 0 };
      const Token *last;

      if (q == p)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      token.start = (guint32) (p - text);
      token.end = (guint32) (q - text);
      token.is_number = TRUE;
      for (const char *c = p; c < q; c++)
        token.is_number = token.is_number && g_ascii_isdigit (*c);

      last = field->tokens->len > 0
               ? &g_array_index (field->tokens, Token, field->tokens->len - 1) : NULL;

      if (last == NULL || gap == GAP_BREAK)
        {
          token.gap = GAP_BREAK;
          token.sentence_start = TRUE;
        }
      else
        {
          Gap between = gap_between (text, last->end, token.start);

          token.gap = gap == GAP_OTHER && between == GAP_SPACE ? GAP_OTHER : between;
          token.sentence_start = token.gap == GAP_BREAK ||
                                 ends_sentence (text, last->end, token.start);
        }

      token.folded = (guint32) field->folded->len;
      cd_style_append_folded (field->folded, p, (gsize) (q - p));
      g_string_append_c (field->folded, '\0');
      g_array_append_val (field->tokens, token);

      gap = GAP_SPACE;
      p = q;
    }
}

/* Cuts every run into chunks between blanks: checks the blanks between
 * them and the quotes in them, and collects the words of those that are
 * prose. */
static void
scan_runs (StyleCheck *sc,
           const char *field_id,
           Field      *field)
{
  const char *text = field->text;
  Gap gap = GAP_BREAK;
  gsize previous_end = 0;

  for (guint r = 0; r < field->runs->len; r++)
    {
      const Run *run = &g_array_index (field->runs, Run, r);
      gsize i = run->start;

      if (run->broken)
        gap = GAP_BREAK;
      else if (r > 0 && gap != GAP_BREAK)
        gap = gap_between (text, previous_end, run->start) == GAP_SPACE ? GAP_SPACE : GAP_OTHER;

      while (i < run->end)
        {
          gsize blank_start = i;
          gsize chunk_start;

          while (i < run->end && is_blank (text[i]))
            i++;

          /* Two or more spaces between words on one line. */
          if ((sc->checks & CHECK_DOUBLE_SPACE) && blank_start > run->start && i < run->end &&
              i - blank_start >= 2)
            {
              gboolean spaces = TRUE;

              for (gsize k = blank_start; k < i; k++)
                spaces = spaces && text[k] == ' ';
              if (spaces)
                add_issue (sc, field_id, CHECK_DOUBLE_SPACE, blank_start, i, " ",
                           g_strdup (_("Two spaces in a row; use one.")));
            }

          chunk_start = i;
          while (i < run->end && !is_blank (text[i]))
            i++;

          if (i == chunk_start)
            break;

          if (is_address (text + chunk_start, i - chunk_start))
            {
              gap = GAP_BREAK;
              continue;
            }

          if (sc->checks & CHECK_QUOTES)
            check_quotes (sc, field_id, field, chunk_start, i);

          tokenize_chunk (field, chunk_start, i, gap);
          gap = GAP_SPACE;
        }

      previous_end = run->end;
    }
}

/* Quotes */

/* Whether the quote at @position opens: it follows a blank, an opening
 * bracket, a dash or another quote, past any emphasis markup. */
static gboolean
opens (const char *text,
       gsize       position)
{
  const char *p = text + position;
  gunichar before;

  while (p > text && (p[-1] == '*' || p[-1] == '_' || p[-1] == '~'))
    p--;

  if (p == text)
    return TRUE;

  p = g_utf8_find_prev_char (text, p);
  before = g_utf8_get_char (p);

  return g_unichar_isspace (before) ||
         (before < 0x80 && strchr ("([{\"'-/", (int) before) != NULL) ||
         before == 0x2013 || before == 0x2014 || before == 0x201C || before == 0x2018 ||
         before == 0x201E || before == 0x201A;
}

static void
check_quotes (StyleCheck *sc,
              const char *field_id,
              Field      *field,
              gsize       start,
              gsize       end)
{
  const char *text = field->text;
  const char *p = text + start;
  const char *chunk_end = text + end;

  while (p < chunk_end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gsize position = (gsize) (p - text);
      const char *wanted = NULL;

      if (sc->style->quotes == CD_STYLE_QUOTES_CURLY && (c == '"' || c == '\''))
        {
          gboolean open = opens (text, position);

          /* 5'11" are feet and inches. */
          if (position > start && g_ascii_isdigit (text[position - 1]))
            wanted = NULL;
          else if (c == '"')
            wanted = open ? (sc->german ? "„" : "“") : (sc->german ? "“" : "”");
          else
            wanted = open ? (sc->german ? "‚" : "‘") : "’";
        }
      else if (sc->style->quotes == CD_STYLE_QUOTES_STRAIGHT)
        {
          if (c == 0x201C || c == 0x201D || c == 0x201E)
            wanted = "\"";
          else if (c == 0x2018 || c == 0x2019 || c == 0x201A)
            wanted = "'";
        }

      if (wanted != NULL)
        {
          g_autofree char *found = g_strndup (p, (gsize) (next - p));

          add_issue (sc, field_id, CHECK_QUOTES, position, (gsize) (next - text), wanted,
                     g_strdup_printf (sc->style->quotes == CD_STYLE_QUOTES_CURLY
                                        ? _("House style: curly quotes; write %s here, not %s.")
                                        : _("House style: straight quotes; write %s here, not %s."),
                                      wanted, found));
        }

      p = next;
    }
}

/* Phrases and doubled words */

static const char *
folded_at (Field *field,
           guint  index)
{
  return field->folded->str + g_array_index (field->tokens, Token, index).folded;
}

/* @replacement in the case of @found: "Utilise" gives "Use", "UTILISE" "USE". */
static char *
match_case (const char *found,
            gsize       length,
            const char *replacement)
{
  gboolean any_upper = FALSE;
  gboolean any_lower = FALSE;
  guint letters = 0;
  gunichar first = g_utf8_get_char (found);

  for (const char *p = found; p < found + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        any_upper = TRUE, letters++;
      else if (g_unichar_islower (c))
        any_lower = TRUE, letters++;
    }

  if (any_upper && !any_lower && letters > 1)
    return g_utf8_strup (replacement, -1);

  if (g_unichar_isupper (first) && g_unichar_islower (g_utf8_get_char (replacement)))
    {
      char buffer[8] = { 0 };
      const char *rest = g_utf8_next_char (replacement);

      g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (replacement)), buffer);
      return g_strconcat (buffer, rest, NULL);
    }

  return g_strdup (replacement);
}

/* text[start..end) with every run of blanks as one space, for a message. */
static char *
as_one_line (const char *text,
             gsize       start,
             gsize       end)
{
  GString *line = g_string_sized_new (end - start);

  for (gsize i = start; i < end; i++)
    {
      if (is_blank (text[i]))
        {
          if (line->len == 0 || line->str[line->len - 1] != ' ')
            g_string_append_c (line, ' ');
        }
      else
        g_string_append_c (line, text[i]);
    }

  return g_string_free (line, FALSE);
}

/* The phrase of the house style that starts at token @i, if any; the
 * longest one wins. */
static const CdStylePhrase *
match_phrase (StyleCheck *sc,
              Field      *field,
              guint       i)
{
  GPtrArray *candidates;

  if (sc->style == NULL || sc->style->first_words == NULL)
    return NULL;

  candidates = g_hash_table_lookup (sc->style->first_words, folded_at (field, i));
  if (candidates == NULL)
    return NULL;

  for (guint c = 0; c < candidates->len; c++)
    {
      const CdStylePhrase *phrase = g_ptr_array_index (candidates, c);
      gboolean matches;

      if (!(sc->checks & (phrase->replacement != NULL ? CHECK_PREFERRED : CHECK_BANNED)))
        continue;
      if (i + phrase->n_words > field->tokens->len)
        continue;

      matches = TRUE;
      for (guint w = 1; w < phrase->n_words && matches; w++)
        {
          const Token *token = &g_array_index (field->tokens, Token, i + w);

          matches = token->gap == GAP_SPACE &&
                    strcmp (folded_at (field, i + w), phrase->words[w]) == 0;
        }

      if (matches)
        return phrase;
    }

  return NULL;
}

/* Words that are often rightly written twice: "had had", "that that",
 * German "die die" after a comma. */
static gboolean
may_double (const char *folded)
{
  static const char * const words[] = {
    "had", "that", "die", "der", "das", "den", "dem", "des", "sie", NULL,
  };

  return g_strv_contains (words, folded);
}

static gboolean
has_letter (const char *text,
            gsize       start,
            gsize       end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

static void check_number (StyleCheck *sc, const char *field_id, Field *field, guint i);

static void
walk_words (StyleCheck *sc,
            const char *field_id,
            Field      *field)
{
  const char *text = field->text;

  for (guint i = 0; i < field->tokens->len && sc->issues->len < CD_LIMIT_STYLE_FINDINGS; i++)
    {
      const Token *token = &g_array_index (field->tokens, Token, i);
      const CdStylePhrase *phrase = match_phrase (sc, field, i);

      if (phrase != NULL)
        {
          const Token *last = &g_array_index (field->tokens, Token, i + phrase->n_words - 1);
          g_autofree char *found = as_one_line (text, token->start, last->end);

          if (phrase->replacement != NULL)
            {
              g_autofree char *replacement = match_case (text + token->start,
                                                         token->end - token->start,
                                                         phrase->replacement);

              add_issue (sc, field_id, CHECK_PREFERRED, token->start, last->end, replacement,
                         g_strdup_printf (_("House style: “%s”, not “%s”."),
                                          replacement, found));
            }
          else
            add_issue (sc, field_id, CHECK_BANNED, token->start, last->end, NULL,
                       g_strdup_printf (_("House style: avoid “%s”."), found));

          i += phrase->n_words - 1;
          continue;
        }

      if ((sc->checks & CHECK_DOUBLED) && i + 1 < field->tokens->len)
        {
          const Token *next = &g_array_index (field->tokens, Token, i + 1);

          if (next->gap == GAP_SPACE && !token->is_number &&
              strcmp (folded_at (field, i), folded_at (field, i + 1)) == 0 &&
              has_letter (text, token->start, token->end) &&
              !may_double (folded_at (field, i)))
            {
              g_autofree char *found = as_one_line (text, token->start, next->end);
              g_autofree char *word = g_strndup (text + token->start, token->end - token->start);

              add_issue (sc, field_id, CHECK_DOUBLED, token->start, next->end, word,
                         g_strdup_printf (_("“%s”: a word is doubled."), found));
              i++;
              continue;
            }
        }

      if ((sc->checks & CHECK_NUMBERS) && token->is_number)
        check_number (sc, field_id, field, i);
    }
}

/* Numbers */

static gboolean
starts_with_any (const char         *p,
                 const char         *end,
                 const char * const *prefixes)
{
  for (guint k = 0; prefixes[k] != NULL; k++)
    {
      gsize n = strlen (prefixes[k]);

      if ((gsize) (end - p) >= n && memcmp (p, prefixes[k], n) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
ends_with_any (const char         *start,
               const char         *p,
               const char * const *suffixes)
{
  for (guint k = 0; suffixes[k] != NULL; k++)
    {
      gsize n = strlen (suffixes[k]);

      if ((gsize) (p - start) >= n && memcmp (p - n, suffixes[k], n) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Whether the figure of token @i stays a figure: a date, a time, a score,
 * a decimal, a measure, money, a label, a list or one of several figures. */
static gboolean
keeps_figure (StyleCheck *sc,
              Field      *field,
              guint       i)
{
  static const char * const before_marks[] = {
    ".", ",", ":", "/", "-", "#", "+", "$", "£", "€", "¥", "–", "—", "§", "±", NULL,
  };
  static const char * const after_marks[] = {
    "%", "/", ":", "-", "'", "\"", "°", "–", "—", "′", "″", "’", "×", "x", NULL,
  };
  static const char * const after_spaced[] = {
    "%", "€", "$", "£", "°", "a.m", "p.m", "A.M", "P.M", NULL,
  };
  const char *text = field->text;
  const char *end = text + field->length;
  const Token *token = &g_array_index (field->tokens, Token, i);
  const char *after = text + token->end;

  if (ends_with_any (text, text + token->start, before_marks) ||
      starts_with_any (after, end, after_marks))
    return TRUE;

  /* 3.5, 1,000; "3." starting a line is a list, in German an ordinal. */
  if (after < end && (*after == '.' || *after == ',' || *after == ')'))
    {
      if (after + 1 < end && g_ascii_isdigit (after[1]))
        return TRUE;
      if (*after != ',' && (token->sentence_start || sc->german))
        return TRUE;
    }

  while (after < end && *after == ' ')
    after++;
  if (after > text + token->end && starts_with_any (after, end, after_spaced))
    return TRUE;

  for (guint k = i >= 2 ? i - 2 : 0; k <= i + 2 && k < field->tokens->len; k++)
    {
      const Token *other = &g_array_index (field->tokens, Token, k);

      if (k != i && g_ascii_isdigit (text[other->start]))
        return TRUE;
    }

  if (i + 1 < field->tokens->len)
    {
      const Token *next = &g_array_index (field->tokens, Token, i + 1);
      const char *word = folded_at (field, i + 1);

      if (next->gap == GAP_SPACE && cd_style_is_month_or_unit (word))
        return TRUE;

      /* "3 years old", "3 Jahre alt". */
      if (next->gap == GAP_SPACE && i + 2 < field->tokens->len &&
          (strcmp (word, "year") == 0 || strcmp (word, "years") == 0 ||
           strcmp (word, "jahr") == 0 || strcmp (word, "jahre") == 0))
        {
          const char *third = folded_at (field, i + 2);

          if (strcmp (third, "old") == 0 || strcmp (third, "alt") == 0)
            return TRUE;
        }
    }

  if (i > 0 && token->gap == GAP_SPACE && !token->sentence_start)
    {
      const Token *previous = &g_array_index (field->tokens, Token, i - 1);
      const char *word = folded_at (field, i - 1);

      if (cd_style_is_month_or_unit (word) || cd_style_is_label (word))
        return TRUE;

      /* "Platform 3", "Pier 4": a capital inside a sentence names a thing. */
      if (!previous->sentence_start && g_unichar_isupper (g_utf8_get_char (text + previous->start)))
        return TRUE;
    }

  return FALSE;
}

static void
check_number (StyleCheck *sc,
              const char *field_id,
              Field      *field,
              guint       i)
{
  const Token *token = &g_array_index (field->tokens, Token, i);
  const char *text = field->text;
  g_autofree char *figure = NULL;
  const char *word;
  guint value;

  if (sc->style == NULL || sc->style->words_below == 0)
    return;
  if (token->end - token->start > 2 || text[token->start] == '0')
    return;

  value = (guint) g_ascii_strtoull (text + token->start, NULL, 10);
  if (value >= sc->style->words_below || keeps_figure (sc, field, i))
    return;

  figure = g_strndup (text + token->start, token->end - token->start);
  word = cd_style_number_word (sc->language, value);

  if (word != NULL)
    {
      g_autofree char *cased = token->sentence_start ? match_case ("A", 1, word) : g_strdup (word);

      add_issue (sc, field_id, CHECK_NUMBERS, token->start, token->end, cased,
                 g_strdup_printf (_("House style: spell out numbers below %u; "
                                    "write “%s”, not “%s”."),
                                  sc->style->words_below, cased, figure));
    }
  else
    add_issue (sc, field_id, CHECK_NUMBERS, token->start, token->end, NULL,
               g_strdup_printf (_("House style: spell out numbers below %u, such as “%s”."),
                                sc->style->words_below, figure));
}

/* The article */

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  gsize sa = 0;
  gsize sb = 0;

  cd_preflight_issue_get_range (*(CdPreflightIssue * const *) a, &sa, NULL);
  cd_preflight_issue_get_range (*(CdPreflightIssue * const *) b, &sb, NULL);

  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

static void
check_field (StyleCheck *sc,
             const char *field_id,
             const char *text,
             gboolean    markdown,
             guint       checks,
             GPtrArray  *issues)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) comments = NULL;
  Field field = { 0 };
  guint saved = sc->checks;

  if (text == NULL || text[0] == '\0')
    return;

  field.text = text;
  field.length = strlen (text);
  if (field.length > G_MAXUINT32 / 8)
    return;
  field.runs = g_array_new (FALSE, FALSE, sizeof (Run));
  field.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  field.folded = g_string_sized_new (field.length + field.length / 4);
  field.pending_break = TRUE;

  sc->checks &= checks;
  if (sc->style == NULL)
    sc->checks &= ~(CHECK_PREFERRED | CHECK_BANNED | CHECK_QUOTES | CHECK_NUMBERS);
  sc->issues = found;

  find_runs (&field, markdown);
  scan_runs (sc, field_id, &field);
  walk_words (sc, field_id, &field);

  /* A review comment is not the story: nothing found in it is reported. */
  comments = markdown ? cd_check_comment_spans (text) : g_array_new (FALSE, FALSE, sizeof (size_t));
  g_ptr_array_sort (found, compare_by_start);
  for (guint i = 0; i < found->len; i++)
    {
      CdPreflightIssue *issue = g_ptr_array_index (found, i);
      gsize start, end;

      if (cd_preflight_issue_get_range (issue, &start, &end) &&
          cd_check_in_comment (comments, start, end))
        continue;
      g_ptr_array_add (issues, g_object_ref (issue));
    }

  sc->checks = saved;
  sc->issues = NULL;
  g_array_unref (field.runs);
  g_array_unref (field.tokens);
  g_string_free (field.folded, TRUE);
}

void
cd_style_check_article (CdArticle    *article,
                        CdHouseRules *rules,
                        GPtrArray    *issues)
{
  StyleCheck sc = { 0 };
  CdImage *image = cd_article_get_image (article);

  sc.rules = rules;
  sc.language = cd_article_get_language (article);
  sc.style = cd_house_rules_lookup_style (rules, sc.language);
  sc.german = sc.language != NULL && g_ascii_strncasecmp (sc.language, "de", 2) == 0 &&
              (sc.language[2] == '\0' || sc.language[2] == '-');

  for (guint k = 0; k < G_N_ELEMENTS (rule_names); k++)
    {
      switch (cd_house_rules_get_rule_level (rules, rule_names[k]))
        {
        case CD_RULE_LEVEL_ERROR:
          sc.severity[k] = CD_SEVERITY_ERROR;
          sc.checks |= 1u << k;
          break;

        case CD_RULE_LEVEL_WARNING:
          sc.severity[k] = CD_SEVERITY_WARNING;
          sc.checks |= 1u << k;
          break;

        case CD_RULE_LEVEL_OFF:
        default:
          break;
        }
    }

  if (sc.checks == 0)
    return;

  /* Headlines keep figures ("3 hurt as ferry hits pier"); datelines and
   * credits are names, checked only for slips of the keyboard; the note
   * for the desk is not published. */
  check_field (&sc, "headline", cd_article_get_headline (article), FALSE,
               CHECK_ALL & ~CHECK_NUMBERS, issues);
  check_field (&sc, "standfirst", cd_article_get_standfirst (article), FALSE, CHECK_ALL, issues);
  check_field (&sc, "dateline", cd_article_get_dateline (article), FALSE,
               CHECK_DOUBLED | CHECK_DOUBLE_SPACE, issues);

  if (image != NULL)
    {
      check_field (&sc, "image.alt", cd_image_get_alt (image), FALSE, CHECK_ALL, issues);
      check_field (&sc, "image.caption", cd_image_get_caption (image), FALSE, CHECK_ALL, issues);
      check_field (&sc, "image.credit", cd_image_get_credit (image), FALSE,
                   CHECK_DOUBLED | CHECK_DOUBLE_SPACE, issues);
    }

  check_field (&sc, "body", cd_article_get_body (article), TRUE, CHECK_ALL, issues);
}
