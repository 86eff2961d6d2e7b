/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#define G_LOG_DOMAIN "copydesk-critic"

#include "config.h"

#include <string.h>

#include "cd-critic.h"
#include "cd-markdown.h"

/* What is code is md4c's to say, with the renderers' flags
 * (cd_markdown_code_ranges()): a scanner of our own would disagree with
 * the renderer now and then, and markup it took for code would reach
 * readers as ordinary text. Outside code the scanner looks for the five
 * openers; an opener in code is text. It never goes back, so any input
 * takes time linear in its length times the longest closer search, which
 * stops at the next closer. */

typedef struct
{
  const char *body;
  size_t      len;
  GPtrArray  *marks;
  /* Where a search for a closer failed: a later search for it from
   * further on fails too, so that "{++{++{++…" stays linear. */
  size_t      no_closer[6];
  /* The last closer found: the first one after any later start before it,
   * so that "{~~{~~{~~…~~}" without "~>" stays linear too. The sixth slot
   * is the substitution's "~>". */
  const char *closer[6];
  /* Where the body holds code, in order. */
  const CdMarkdownRange *code;
  guint       n_code;
} Scan;



static void
mark_free (CdCriticMark *mark)
{
  g_free (mark->old_text);
  g_free (mark->new_text);
  g_free (mark->comment);
  g_free (mark->author);
  g_clear_pointer (&mark->time, g_date_time_unref);
  g_free (mark);
}

/* Whether the byte at @p is code. */
static gboolean
in_code (const Scan *scan,
         size_t      p)
{
  guint lo = 0;
  guint hi = scan->n_code;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (scan->code[mid].end <= p)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < scan->n_code && scan->code[lo].start <= p;
}

static const char *
find_in (Scan       *scan,
         size_t      from,
         const char *needle,
         guint       slot)
{
  const char *found;

  if (from >= scan->len || from >= scan->no_closer[slot])
    return NULL;
  if (scan->closer[slot] != NULL && scan->body + from <= scan->closer[slot])
    return scan->closer[slot];
  found = g_strstr_len (scan->body + from, scan->len - from, needle);
  if (found == NULL)
    scan->no_closer[slot] = from;
  scan->closer[slot] = found;
  return found;
}

/* GLib wants seconds; people and CriticMarkup tools often leave them out. */
static GDateTime *
parse_time (const char *word)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *fixed = NULL;
  GDateTime *time = g_date_time_new_from_iso8601 (word, utc);
  size_t len = strlen (word);

  if (time != NULL)
    return time;
  if (len > 16 && word[10] == 'T' && word[13] == ':' && word[16] != ':'
      && g_ascii_isdigit (word[0]))
    {
      fixed = g_strdup_printf ("%.16s:00%s", word, word + 16);
      return g_date_time_new_from_iso8601 (fixed, utc);
    }
  return NULL;
}

static void
parse_attribution (CdCriticMark *mark,
                   const char   *text)
{
  const char *p = text + 1;
  const char *word = p;
  const char *colon;

  /* Look for the first word that is a date and time. */
  while (*word != '\0')
    {
      const char *word_end;
      g_autofree char *copy = NULL;

      while (*word == ' ' || *word == '\t' || *word == '\n')
        word++;
      word_end = word;
      while (*word_end != '\0' && *word_end != ' ' && *word_end != '\t' && *word_end != '\n')
        word_end++;
      if (word_end == word)
        break;
      copy = g_strndup (word, word_end - word);
      if (copy[strlen (copy) - 1] == ':' || copy[strlen (copy) - 1] == ',')
        copy[strlen (copy) - 1] = '\0';
      if (word != p && g_ascii_isdigit (copy[0]))
        {
          GDateTime *time = parse_time (copy);

          if (time != NULL)
            {
              g_autofree char *author = g_strndup (p, word - p);

              g_strstrip (author);
              if (author[0] != '\0' && author[strlen (author) - 1] == ',')
                author[strlen (author) - 1] = '\0';
              g_strstrip (author);
              mark->time = time;
              mark->author = author[0] != '\0' ? g_steal_pointer (&author) : NULL;
              while (*word_end == ':' || *word_end == ' ' || *word_end == '\t'
                     || *word_end == '\n')
                word_end++;
              if (*word_end != '\0')
                mark->comment = g_strstrip (g_strdup (word_end));
              return;
            }
        }
      word = word_end;
    }

  colon = strstr (p, ": ");
  if (colon != NULL)
    {
      mark->author = g_strstrip (g_strndup (p, colon - p));
      mark->comment = g_strstrip (g_strdup (colon + 2));
      if (mark->comment[0] == '\0')
        g_clear_pointer (&mark->comment, g_free);
    }
  else
    mark->author = g_strstrip (g_strdup (p));
  if (mark->author[0] == '\0')
    g_clear_pointer (&mark->author, g_free);
}

/* A comment's text: an attribution when it starts with "@". */
static void
take_comment (CdCriticMark *mark,
              const char   *text,
              size_t        len)
{
  g_autofree char *copy = g_strndup (text, len);

  if (copy[0] == '@')
    parse_attribution (mark, copy);
  else
    mark->comment = g_steal_pointer (&copy);
}

/* Tries to read one mark at @p (a "{"); returns its end or 0. */
static size_t
read_mark (Scan   *scan,
           size_t  p)
{
  static const struct { char open[4]; char close[4]; CdCriticKind kind; } kinds[] = {
    { "{++", "++}", CD_CRITIC_INSERTION },
    { "{--", "--}", CD_CRITIC_DELETION },
    { "{~~", "~~}", CD_CRITIC_SUBSTITUTION },
    { "{==", "==}", CD_CRITIC_HIGHLIGHT },
    { "{>>", "<<}", CD_CRITIC_COMMENT },
  };
  const char *body = scan->body;
  CdCriticMark *mark;
  const char *close = NULL;
  size_t inner;
  size_t end;
  guint k;

  if (p + 3 > scan->len)
    return 0;
  for (k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (memcmp (body + p, kinds[k].open, 3) == 0)
      break;
  if (k == G_N_ELEMENTS (kinds))
    return 0;
  inner = p + 3;
  close = find_in (scan, inner, kinds[k].close, k);
  if (close == NULL)
    return 0;
  end = close - body + 3;

  mark = g_new0 (CdCriticMark, 1);
  mark->kind = kinds[k].kind;
  mark->start = p;
  switch (mark->kind)
    {
    case CD_CRITIC_INSERTION:
      mark->new_text = g_strndup (body + inner, close - body - inner);
      break;
    case CD_CRITIC_DELETION:
    case CD_CRITIC_HIGHLIGHT:
      mark->old_text = g_strndup (body + inner, close - body - inner);
      break;
    case CD_CRITIC_SUBSTITUTION:
      {
        /* The arrow's search is cached as the closers' are. */
        const char *arrow = find_in (scan, inner, "~>", 5);

        if (arrow == NULL || arrow > close - 2)
          {
            mark_free (mark);
            return 0;
          }
        mark->old_text = g_strndup (body + inner, arrow - body - inner);
        mark->new_text = g_strndup (arrow + 2, close - arrow - 2);
      }
      break;
    case CD_CRITIC_COMMENT:
    default:
      take_comment (mark, body + inner, close - body - inner);
      break;
    }

  /* A comment right after a change or highlight belongs to it. */
  if (mark->kind != CD_CRITIC_COMMENT && end + 3 <= scan->len
      && memcmp (body + end, "{>>", 3) == 0 && !in_code (scan, end))
    {
      const char *comment_close = find_in (scan, end + 3, "<<}", 4);

      if (comment_close != NULL)
        {
          take_comment (mark, body + end + 3, comment_close - body - end - 3);
          end = comment_close - body + 3;
        }
    }

  mark->end = end;
  mark->index = scan->marks->len;
  g_ptr_array_add (scan->marks, mark);
  return end;
}

/**
 * cd_critic_parse:
 * @body: (nullable): a Markdown body
 *
 * Finds the CriticMarkup in @body, in order. Markup in code and markup that
 * is never closed are left out: they are text.
 *
 * Returns: (transfer full) (element-type CdCriticMark): the marks
 */
GPtrArray *
cd_critic_parse (const char *body)
{
  Scan scan = { body != NULL ? body : "", 0, NULL, { 0 }, { NULL }, NULL, 0 };
  g_autoptr(GArray) code = NULL;
  guint next_code = 0;
  size_t p = 0;

  scan.len = strlen (scan.body);
  for (guint i = 0; i < G_N_ELEMENTS (scan.no_closer); i++)
    scan.no_closer[i] = G_MAXSIZE;
  scan.marks = g_ptr_array_new_with_free_func ((GDestroyNotify) mark_free);
  if (memchr (scan.body, '{', scan.len) == NULL)
    return scan.marks;
  code = cd_markdown_code_ranges (scan.body, scan.len);
  scan.code = (const CdMarkdownRange *) (gpointer) code->data;
  scan.n_code = code->len;

  while (p < scan.len)
    {
      char c;

      while (next_code < scan.n_code && scan.code[next_code].end <= p)
        next_code++;
      if (next_code < scan.n_code && scan.code[next_code].start <= p)
        {
          p = scan.code[next_code].end;
          continue;
        }
      c = scan.body[p];
      if (c == '\\' && p + 1 < scan.len && g_ascii_ispunct (scan.body[p + 1]))
        p += 2;
      else if (c == '{')
        {
          size_t end = read_mark (&scan, p);

          p = end != 0 ? end : p + 1;
        }
      else
        p++;
    }

  return scan.marks;
}

/**
 * cd_critic_is_suggestion:
 * @mark: a mark
 *
 * Returns: whether @mark is a suggested change (insertion, deletion or
 *   substitution), which is accepted or rejected, rather than a highlight
 *   or comment, which is resolved
 */
gboolean
cd_critic_is_suggestion (const CdCriticMark *mark)
{
  g_return_val_if_fail (mark != NULL, FALSE);

  return mark->kind == CD_CRITIC_INSERTION || mark->kind == CD_CRITIC_DELETION
         || mark->kind == CD_CRITIC_SUBSTITUTION;
}

/**
 * cd_critic_count_suggestions:
 * @body: (nullable): a Markdown body
 *
 * Returns: how many suggested changes @body holds
 */
guint
cd_critic_count_suggestions (const char *body)
{
  g_autoptr(GPtrArray) marks = cd_critic_parse (body);
  guint n = 0;

  for (guint i = 0; i < marks->len; i++)
    if (cd_critic_is_suggestion (g_ptr_array_index (marks, i)))
      n++;
  return n;
}

/**
 * cd_critic_count_comments:
 * @body: (nullable): a Markdown body
 *
 * Returns: how many comments and commented highlights @body holds
 */
guint
cd_critic_count_comments (const char *body)
{
  g_autoptr(GPtrArray) marks = cd_critic_parse (body);
  guint n = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      CdCriticMark *mark = g_ptr_array_index (marks, i);

      if (mark->kind == CD_CRITIC_COMMENT || mark->kind == CD_CRITIC_HIGHLIGHT)
        n++;
    }
  return n;
}

/**
 * cd_critic_has_markup:
 * @body: (nullable): a Markdown body
 *
 * Returns: whether @body holds any CriticMarkup outside code
 */
gboolean
cd_critic_has_markup (const char *body)
{
  g_autoptr(GPtrArray) marks = NULL;

  /* Most bodies have no "{" after one: no need to scan them. */
  if (body == NULL || (strstr (body, "{+") == NULL && strstr (body, "{-") == NULL
                       && strstr (body, "{~") == NULL && strstr (body, "{=") == NULL
                       && strstr (body, "{>") == NULL))
    return FALSE;
  marks = cd_critic_parse (body);
  return marks->len > 0;
}

typedef enum
{
  RESOLVE_KEEP,
  RESOLVE_ACCEPT,
  RESOLVE_REJECT,
  RESOLVE_READER,
} Resolve;

static void
append_resolved (GString            *out,
                 const char         *body,
                 const CdCriticMark *mark,
                 Resolve             how)
{
  const char *text = NULL;

  switch (how)
    {
    case RESOLVE_KEEP:
      g_string_append_len (out, body + mark->start, mark->end - mark->start);
      return;
    case RESOLVE_ACCEPT:
      if (!cd_critic_is_suggestion (mark))
        {
          append_resolved (out, body, mark, RESOLVE_KEEP);
          return;
        }
      text = mark->new_text;
      break;
    case RESOLVE_REJECT:
      if (!cd_critic_is_suggestion (mark))
        {
          append_resolved (out, body, mark, RESOLVE_KEEP);
          return;
        }
      text = mark->old_text;
      break;
    case RESOLVE_READER:
    default:
      /* What is published now: the old text of every change and the
       * highlighted words, no comment. */
      text = mark->old_text;
      break;
    }
  if (text != NULL)
    g_string_append (out, text);
}

/* Resolves the mark @index (or every mark when @index is G_MAXUINT) the
 * way @how says, leaving the others as they are. */
static char *
resolve (const char *body,
         guint       index,
         Resolve     how)
{
  g_autoptr(GPtrArray) marks = NULL;
  GString *out;
  size_t at = 0;

  if (body == NULL)
    return g_strdup ("");
  marks = cd_critic_parse (body);
  out = g_string_sized_new (strlen (body));
  for (guint i = 0; i < marks->len; i++)
    {
      CdCriticMark *mark = g_ptr_array_index (marks, i);

      g_string_append_len (out, body + at, mark->start - at);
      append_resolved (out, body, mark,
                       index == G_MAXUINT || index == i ? how : RESOLVE_KEEP);
      at = mark->end;
    }
  g_string_append (out, body + at);
  return g_string_free (out, FALSE);
}

/**
 * cd_critic_accept:
 * @body: a Markdown body
 * @index: the mark's #CdCriticMark.index
 *
 * Accepts one suggested change: its new text replaces the markup, and its
 * attribution goes with it. A highlight, a comment or an index past the
 * end changes nothing.
 *
 * Returns: (transfer full): the new body
 */
char *
cd_critic_accept (const char *body,
                  guint       index)
{
  g_return_val_if_fail (index != G_MAXUINT, g_strdup (body));

  return resolve (body, index, RESOLVE_ACCEPT);
}

/**
 * cd_critic_reject:
 * @body: a Markdown body
 * @index: the mark's #CdCriticMark.index
 *
 * Rejects one suggested change: its old text replaces the markup.
 *
 * Returns: (transfer full): the new body
 */
char *
cd_critic_reject (const char *body,
                  guint       index)
{
  g_return_val_if_fail (index != G_MAXUINT, g_strdup (body));

  return resolve (body, index, RESOLVE_REJECT);
}

/**
 * cd_critic_accept_all:
 * @body: a Markdown body
 *
 * Accepts every suggested change; highlights and comments stay.
 *
 * Returns: (transfer full): the new body
 */
char *
cd_critic_accept_all (const char *body)
{
  return resolve (body, G_MAXUINT, RESOLVE_ACCEPT);
}

/**
 * cd_critic_reject_all:
 * @body: a Markdown body
 *
 * Rejects every suggested change; highlights and comments stay.
 *
 * Returns: (transfer full): the new body
 */
char *
cd_critic_reject_all (const char *body)
{
  return resolve (body, G_MAXUINT, RESOLVE_REJECT);
}

/* Markup nested in markup ("{{>>a<<}>>b<<}") needs a round per level. */
#define READER_ROUNDS 16

/**
 * cd_critic_reader_view:
 * @body: (nullable): a Markdown body
 *
 * The body as it would be published now: pending insertions left out,
 * pending deletions kept, substitutions at their old text, highlights as
 * plain text, comments removed. Every exporter and the page publish this.
 *
 * Returns: (transfer full): the reader's body
 */
char *
cd_critic_reader_view (const char *body)
{
  char *view;

  if (!cd_critic_has_markup (body))
    return g_strdup (body != NULL ? body : "");
  view = resolve (body, G_MAXUINT, RESOLVE_READER);

  /* Taking markup out can change what is code: a deleted "--}" that
   * underlined a heading, a removed backtick. Markup that was code in the
   * body but is not in the view would reach readers as text, so the view
   * is resolved again until it holds none; each round removes markup, and
   * real bodies need at most two. */
  for (guint round = 0; round < READER_ROUNDS && cd_critic_has_markup (view); round++)
    {
      char *again = resolve (view, G_MAXUINT, RESOLVE_READER);

      g_free (view);
      view = again;
    }
  return view;
}

/* Leaves out what would end the comment or break its line. */
static void
append_clean (GString    *out,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else if (*p == '<' && p[1] == '<' && p[2] == '}')
        g_string_append_c (out, '(');
      else
        g_string_append_c (out, *p);
    }
}

/**
 * cd_critic_attribution:
 * @author: (nullable): who
 * @time: (nullable): when
 * @note: (nullable): a note
 *
 * The canonical attribution comment, to follow a change immediately:
 * `{>>@Eddie Editor 2026-12-08T10:15Z<<}`, with ": note" when a note is
 * given. Times are written in UTC, to the minute unless seconds are set.
 *
 * Returns: (transfer full): the comment's markup
 */
char *
cd_critic_attribution (const char *author,
                       GDateTime  *time,
                       const char *note)
{
  GString *out = g_string_new ("{>>@");

  if (author != NULL)
    append_clean (out, author);
  if (time != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
      g_autofree char *stamp = g_date_time_format (utc,
                                                   g_date_time_get_second (utc) == 0
                                                   ? "%Y-%m-%dT%H:%MZ"
                                                   : "%Y-%m-%dT%H:%M:%SZ");

      if (author != NULL)
        g_string_append_c (out, ' ');
      g_string_append (out, stamp);
    }
  if (note != NULL && note[0] != '\0')
    {
      g_string_append (out, ": ");
      append_clean (out, note);
    }
  g_string_append (out, "<<}");
  return g_string_free (out, FALSE);
}
