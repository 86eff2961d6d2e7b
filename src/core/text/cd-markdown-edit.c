/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-markdown-edit"

#include <stdlib.h>
#include <string.h>

#include "cd-markdown-edit.h"

/*
 * Formatting as edits of the Markdown source
 *
 * Each action takes the whole text and the selection (character offsets) and
 * gives back the new text and the new selection, so the body editor can apply
 * it as one undo step and the rules can be tested without a display.
 *
 * - bold (**…**) and italic (_…_) wrap the selection, trimmed of surrounding
 *   white space, and leave the text selected; when the selection is already
 *   wrapped (markers inside or just outside it) they unwrap it. Bold also
 *   recognises __…__ and italic *…*. With no selection they insert a pair of
 *   markers with the cursor between them, or remove such an empty pair
 *   around the cursor.
 * - link turns the selection into [text](url) and selects "url" for the user
 *   to type over; a selection that is itself a URL becomes [](url) with the
 *   cursor between the brackets (www. names get https://), and so does no
 *   selection: [](url).
 * - heading cycles the lines of the selection through "## ", "### " and no
 *   heading; any other level counts as a heading and is removed (the headline
 *   is the article's only first-level heading).
 * - quote, bulleted-list and numbered-list add their prefix ("> ", "- ",
 *   "1. ", "2. " …) to every non-blank line of the selection, or remove it
 *   when every such line has it already. A list replaces the other kind of
 *   list marker. Blank lines between quoted lines get a bare ">" so that the
 *   quote stays one block. After a line action that had a selection the
 *   whole lines are selected, so the action can be repeated on them.
 *
 * Lines end at "\n"; a "\r" before it is part of the line break, as in a
 * GtkTextBuffer.
 */

/* Inline formatting */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* Length of the run of @c that ends at @end (going backwards from @end). */
static int
run_before (const char *text,
            const char *end,
            gunichar    c,
            gunichar   *beyond)
{
  const char *p = end;
  int n = 0;

  *beyond = 0;
  while (p > text)
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar ch = g_utf8_get_char (prev);

      if (ch != c)
        {
          *beyond = ch;
          break;
        }
      n++;
      p = prev;
    }
  return n;
}

/* Length of the run of @c that starts at @start. */
static int
run_after (const char *start,
           gunichar    c,
           gunichar   *beyond)
{
  const char *p = start;
  int n = 0;

  *beyond = 0;
  while (*p != '\0')
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch != c)
        {
          *beyond = ch;
          break;
        }
      n++;
      p = g_utf8_next_char (p);
    }
  return n;
}

/* Whether runs of @lead and @trail delimiters can hold the emphasis of
 * @width (2 for bold, 1 for italic): bold needs at least two on each side,
 * italic an odd number (1, or 3 for bold italic). */
static gboolean
runs_hold (int lead,
           int trail,
           int width)
{
  int n = MIN (lead, trail);

  if (width == 2)
    return n >= 2;
  return n == 1 || n == 3;
}

static void
trim_selection (const char  *text,
                const char **start,
                const char **end)
{
  while (*start < *end && g_unichar_isspace (g_utf8_get_char (*start)))
    *start = g_utf8_next_char (*start);
  while (*start < *end)
    {
      const char *prev = g_utf8_prev_char (*end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      *end = prev;
    }
}

/* Joins the text before @a, @middle (@middle_len bytes), and the text from
 * @b on. */
static char *
splice (const char *text,
        const char *a,
        const char *middle,
        size_t      middle_len,
        const char *b)
{
  GString *out = g_string_sized_new (strlen (text) + middle_len + 8);

  g_string_append_len (out, text, a - text);
  g_string_append_len (out, middle, middle_len);
  g_string_append (out, b);
  return g_string_free (out, FALSE);
}

static char *
toggle_inline (const char *text,
               const char *start,
               const char *end,
               const char *marker,
               const char *alternate,
               int        *new_start,
               int        *new_end)
{
  const char *markers[] = { marker, alternate };
  int width = strlen (marker);
  int start_offset, end_offset;
  g_autoptr(GString) wrapped = NULL;

  trim_selection (text, &start, &end);
  start_offset = g_utf8_pointer_to_offset (text, start);
  end_offset = g_utf8_pointer_to_offset (text, end);

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      gunichar c = g_utf8_get_char (markers[i]);
      gunichar outside_lead, outside_trail, inner_lead, inner_trail;
      int lead, trail;

      /* Markers just outside the selection (or around the cursor). The
       * markers are ASCII: a character is a byte. */
      lead = run_before (text, start, c, &outside_lead);
      trail = run_after (end, c, &outside_trail);
      if (runs_hold (lead, trail, width) &&
          !is_word_char (outside_lead) && !is_word_char (outside_trail))
        {
          g_autoptr(GString) out = g_string_new (NULL);

          g_string_append_len (out, text, start - width - text);
          g_string_append_len (out, start, end - start);
          g_string_append (out, end + width);
          *new_start = start_offset - width;
          *new_end = end_offset - width;
          return g_string_free (g_steal_pointer (&out), FALSE);
        }

      /* Markers at the ends of the selection. */
      if (end_offset - start_offset > 2 * width)
        {
          lead = run_after (start, c, &inner_lead);
          trail = run_before (text, end, c, &inner_trail);
          if (lead + trail <= end_offset - start_offset && runs_hold (lead, trail, width))
            {
              g_autofree char *inner = g_strndup (start + width, (end - width) - (start + width));

              if (strstr (inner, markers[i]) == NULL)
                {
                  *new_start = start_offset;
                  *new_end = end_offset - 2 * width;
                  return splice (text, start, inner, strlen (inner), end);
                }
            }
        }
    }

  /* Not wrapped: wrap it, leaving the same text selected (or the cursor
   * between the markers). */
  wrapped = g_string_new (marker);
  g_string_append_len (wrapped, start, end - start);
  g_string_append (wrapped, marker);
  *new_start = start_offset + width;
  *new_end = end_offset + width;
  return splice (text, start, wrapped->str, wrapped->len, end);
}

static gboolean
looks_like_url (const char *text)
{
  static const char * const prefixes[] = { "http://", "https://", "mailto:", "www." };
  gboolean prefixed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_ascii_strncasecmp (text, prefixes[i], strlen (prefixes[i])) == 0 &&
        strlen (text) > strlen (prefixes[i]))
      prefixed = TRUE;
  if (!prefixed)
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
make_link (const char *text,
           const char *start,
           const char *end,
           int        *new_start,
           int        *new_end)
{
  g_autofree char *selected = NULL;
  g_autofree char *link = NULL;
  int start_offset;

  trim_selection (text, &start, &end);
  start_offset = g_utf8_pointer_to_offset (text, start);
  selected = g_strndup (start, end - start);

  if (*selected == '\0' || looks_like_url (selected))
    {
      /* [](url): the cursor goes where the link text is typed. A bare
       * www. name would be a relative link. */
      const char *scheme = g_ascii_strncasecmp (selected, "www.", 4) == 0 ? "https://" : "";

      link = g_strdup_printf ("[](%s%s)", scheme, *selected ? selected : "url");
      *new_start = *new_end = start_offset + 1;
    }
  else
    {
      /* [text](url): "url" is selected to be typed over. */
      int text_chars = g_utf8_strlen (selected, -1);

      link = g_strdup_printf ("[%s](url)", selected);
      *new_start = start_offset + text_chars + 3;
      *new_end = start_offset + text_chars + 6;
    }
  return splice (text, start, link, strlen (link), end);
}

/* Line formatting */

typedef enum
{
  LINE_HEADING,
  LINE_QUOTE,
  LINE_BULLET,
  LINE_NUMBER,
} LineKind;

typedef struct
{
  int indent;   /* bytes of leading spaces */
  int length;   /* bytes of the prefix after the indent, with its space */
  int level;    /* heading level, list number */
} Prefix;

static gboolean
parse_heading (const char *line,
               Prefix     *prefix)
{
  int n = 0;
  int i;

  while (line[n] == '#')
    n++;
  if (n < 1 || n > 6)
    return FALSE;
  if (line[n] != '\0' && line[n] != ' ' && line[n] != '\t')
    return FALSE;
  for (i = n; line[i] == ' ' || line[i] == '\t'; i++)
    ;
  prefix->indent = 0;
  prefix->length = i;
  prefix->level = n;
  return TRUE;
}

static gboolean
parse_quote (const char *line,
             Prefix     *prefix)
{
  if (line[0] != '>')
    return FALSE;
  prefix->indent = 0;
  prefix->length = line[1] == ' ' ? 2 : 1;
  prefix->level = 0;
  return TRUE;
}

static int
count_indent (const char *line)
{
  int n = 0;

  while (line[n] == ' ' || line[n] == '\t')
    n++;
  return n;
}

static gboolean
parse_bullet (const char *line,
              Prefix     *prefix)
{
  int i = count_indent (line);
  int j;

  if (line[i] != '-' && line[i] != '*' && line[i] != '+')
    return FALSE;
  if (line[i + 1] != ' ' && line[i + 1] != '\t')
    return FALSE;
  for (j = i + 1; line[j] == ' ' || line[j] == '\t'; j++)
    ;
  prefix->indent = i;
  prefix->length = j - i;
  prefix->level = 0;
  return TRUE;
}

static gboolean
parse_number (const char *line,
              Prefix     *prefix)
{
  int i = count_indent (line);
  int j = i;

  while (g_ascii_isdigit (line[j]) && j - i < 9)
    j++;
  if (j == i || (line[j] != '.' && line[j] != ')'))
    return FALSE;
  if (line[j + 1] != ' ' && line[j + 1] != '\t')
    return FALSE;
  prefix->level = atoi (line + i);
  for (j = j + 1; line[j] == ' ' || line[j] == '\t'; j++)
    ;
  prefix->indent = i;
  prefix->length = j - i;
  return TRUE;
}

static gboolean
parse_prefix (LineKind    kind,
              const char *line,
              Prefix     *prefix)
{
  switch (kind)
    {
    case LINE_HEADING:
      return parse_heading (line, prefix);
    case LINE_QUOTE:
      return parse_quote (line, prefix);
    case LINE_BULLET:
      return parse_bullet (line, prefix);
    case LINE_NUMBER:
      return parse_number (line, prefix);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_blank_line (const char *line)
{
  for (const char *p = line; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

typedef struct
{
  size_t start;  /* byte offset of the line's first character */
  size_t end;    /* byte offset of its line break, or of the text's end */
} Line;

static GArray *
split_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  size_t pos = 0;

  for (;;)
    {
      const char *newline = strchr (text + pos, '\n');
      Line line = { pos, newline ? (size_t) (newline - text) : strlen (text) };

      if (line.end > line.start && text[line.end - 1] == '\r')
        line.end--;
      g_array_append_val (lines, line);
      if (newline == NULL)
        break;
      pos = newline - text + 1;
    }
  return lines;
}

static int
line_at (GArray *lines,
         size_t  byte)
{
  int line = 0;

  while ((guint) line + 1 < lines->len && g_array_index (lines, Line, line + 1).start <= byte)
    line++;
  return line;
}

/* Replaces the first @old_bytes bytes after @indent bytes of @line with
 * @new_prefix, appending the result to @out. Returns the change in
 * characters. */
static int
append_with_prefix (GString    *out,
                    const char *line,
                    int         indent,
                    int         old_bytes,
                    const char *new_prefix)
{
  int old_chars = g_utf8_strlen (line + indent, old_bytes);

  g_string_append_len (out, line, indent);
  g_string_append (out, new_prefix);
  g_string_append (out, line + indent + old_bytes);
  return g_utf8_strlen (new_prefix, -1) - old_chars;
}

static char *
toggle_lines (const char *text,
              const char *start,
              const char *end,
              LineKind    kind,
              int        *new_start,
              int        *new_end)
{
  g_autoptr(GArray) line_spans = split_lines (text);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean has_selection = start != end;
  gboolean all_have = TRUE;
  guint non_blank = 0;
  int first, last;
  int cursor_column = 0;
  int heading_level = 2;
  int number = 1;
  int first_start, last_end = 0;

  first = line_at (line_spans, start - text);
  last = line_at (line_spans, end - text);
  if (has_selection && last > first &&
      (size_t) (end - text) == g_array_index (line_spans, Line, last).start)
    last--;
  if (!has_selection)
    cursor_column = g_utf8_pointer_to_offset (text + g_array_index (line_spans, Line, first).start,
                                              start);

  for (int line = first; line <= last; line++)
    {
      const Line *span = &g_array_index (line_spans, Line, line);
      char *line_text = g_strndup (text + span->start, span->end - span->start);
      Prefix prefix;

      g_ptr_array_add (lines, line_text);
      if (is_blank_line (line_text))
        continue;
      non_blank++;
      if (!parse_prefix (kind, line_text, &prefix))
        all_have = FALSE;
    }
  if (non_blank == 0)
    all_have = FALSE;

  if (kind == LINE_HEADING)
    {
      Prefix prefix;

      /* The first non-blank line decides the next level for all. */
      for (guint i = 0; i < lines->len; i++)
        {
          const char *line_text = g_ptr_array_index (lines, i);

          if (is_blank_line (line_text))
            continue;
          if (parse_heading (line_text, &prefix))
            heading_level = prefix.level == 2 ? 3 : 0;
          break;
        }
    }

  g_string_append_len (out, text, g_array_index (line_spans, Line, first).start);
  first_start = g_utf8_strlen (out->str, out->len);

  for (int line = first; line <= last; line++)
    {
      const char *line_text = g_ptr_array_index (lines, line - first);
      const Line *span = &g_array_index (line_spans, Line, line);
      gboolean blank = is_blank_line (line_text);
      gboolean single = first == last;
      Prefix prefix = { 0, };
      gboolean has = parse_prefix (kind, line_text, &prefix);
      g_autofree char *new_prefix = NULL;
      gboolean changed = FALSE;
      int delta = 0;

      switch (kind)
        {
        case LINE_HEADING:
          if (blank && !single)
            break;
          new_prefix = heading_level > 0
            ? g_strdup_printf ("%.*s ", heading_level, "######")
            : g_strdup ("");
          if (!has)
            prefix.length = 0;
          delta = append_with_prefix (out, line_text, 0, prefix.length, new_prefix);
          changed = TRUE;
          break;

        case LINE_QUOTE:
          if (all_have)
            {
              if (has)
                {
                  delta = append_with_prefix (out, line_text, 0, prefix.length, "");
                  changed = TRUE;
                }
            }
          else if (!has)
            {
              delta = append_with_prefix (out, line_text, 0, 0, blank && !single ? ">" : "> ");
              changed = TRUE;
            }
          break;

        case LINE_BULLET:
        case LINE_NUMBER:
          if (blank && !single)
            break;
          if (all_have)
            {
              delta = append_with_prefix (out, line_text, prefix.indent, prefix.length, "");
            }
          else
            {
              Prefix other;
              int indent = count_indent (line_text);
              int old_length = 0;

              if (kind == LINE_BULLET ? parse_number (line_text, &other)
                                      : parse_bullet (line_text, &other))
                old_length = other.length;
              else if (has)
                old_length = prefix.length;
              if (kind == LINE_BULLET)
                new_prefix = g_strdup ("- ");
              else
                new_prefix = g_strdup_printf ("%d. ", number++);
              delta = append_with_prefix (out, line_text, indent, old_length, new_prefix);
            }
          changed = TRUE;
          break;

        default:
          g_assert_not_reached ();
        }

      if (!changed)
        g_string_append (out, line_text);
      if (line == first)
        cursor_column = MAX (0, cursor_column + delta);
      if (line == last)
        last_end = g_utf8_strlen (out->str, out->len);
      else
        g_string_append_len (out, text + span->end,
                             g_array_index (line_spans, Line, line + 1).start - span->end);
    }
  g_string_append (out, text + g_array_index (line_spans, Line, last).end);

  if (has_selection)
    {
      *new_start = first_start;
      *new_end = last_end;
    }
  else
    {
      /* The cursor stays in its line (without a selection the only one),
       * as far as the line allows. */
      *new_start = *new_end = first_start + MIN (cursor_column, last_end - first_start);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cd_markdown_edit_apply:
 * @edit: the formatting action
 * @text: the whole Markdown text
 * @selection_start: the character offset where the selection starts
 * @selection_end: the character offset where it ends (equal for a cursor)
 * @new_start: (out): where the selection starts in the new text
 * @new_end: (out): where it ends in the new text
 *
 * Applies @edit to the selection of @text: see the list at the top of this
 * file for what each action does. The offsets may be given in either order
 * and are clamped to the text.
 *
 * Returns: (transfer full): the new text
 */
char *
cd_markdown_edit_apply (CdMarkdownEdit  edit,
                        const char     *text,
                        int             selection_start,
                        int             selection_end,
                        int            *new_start,
                        int            *new_end)
{
  long length;
  const char *start, *end;
  int ignored_start, ignored_end;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  if (new_start == NULL)
    new_start = &ignored_start;
  if (new_end == NULL)
    new_end = &ignored_end;

  length = g_utf8_strlen (text, -1);
  selection_start = CLAMP (selection_start, 0, (int) length);
  selection_end = CLAMP (selection_end, 0, (int) length);
  start = g_utf8_offset_to_pointer (text, MIN (selection_start, selection_end));
  end = g_utf8_offset_to_pointer (text, MAX (selection_start, selection_end));

  switch (edit)
    {
    case CD_MARKDOWN_EDIT_BOLD:
      return toggle_inline (text, start, end, "**", "__", new_start, new_end);
    case CD_MARKDOWN_EDIT_ITALIC:
      return toggle_inline (text, start, end, "_", "*", new_start, new_end);
    case CD_MARKDOWN_EDIT_LINK:
      return make_link (text, start, end, new_start, new_end);
    case CD_MARKDOWN_EDIT_HEADING:
      return toggle_lines (text, start, end, LINE_HEADING, new_start, new_end);
    case CD_MARKDOWN_EDIT_QUOTE:
      return toggle_lines (text, start, end, LINE_QUOTE, new_start, new_end);
    case CD_MARKDOWN_EDIT_BULLETED_LIST:
      return toggle_lines (text, start, end, LINE_BULLET, new_start, new_end);
    case CD_MARKDOWN_EDIT_NUMBERED_LIST:
      return toggle_lines (text, start, end, LINE_NUMBER, new_start, new_end);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cd_markdown_edit_is_block:
 * @markdown: Markdown text
 *
 * Whether @markdown is more than a run of inline text: it has several
 * blocks, or starts as a heading, quote or list. A paste sets such text
 * apart from the text around it.
 *
 * Returns: %TRUE for block Markdown
 */
gboolean
cd_markdown_edit_is_block (const char *markdown)
{
  Prefix prefix;

  g_return_val_if_fail (markdown != NULL, FALSE);

  return strstr (markdown, "\n\n") != NULL ||
         parse_heading (markdown, &prefix) ||
         parse_quote (markdown, &prefix) ||
         parse_bullet (markdown, &prefix) ||
         parse_number (markdown, &prefix);
}
