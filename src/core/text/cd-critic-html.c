/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The marked-up view of a body under review, for the preview: the Markdown
 * renderer's HTML with every suggestion shown as <ins>, <del> or both, each
 * highlight as <mark>, each comment as a <span>, with who and when in a
 * title. The renderer knows no CriticMarkup, so each mark's edges become
 * characters from the Private Use Area before rendering (the body's own
 * such characters are replaced first) and tags after it. */

#define G_LOG_DOMAIN "copydesk-critic"

#include "config.h"

#include <string.h>

#include "cd-critic.h"
#include "cd-markdown.h"
#include "cd-text.h"

/* U+E000 + n: the edges, in the UTF-8 that the renderer passes through. */
enum
{
  EDGE_INS_OPEN,
  EDGE_INS_CLOSE,
  EDGE_DEL_OPEN,
  EDGE_DEL_CLOSE,
  EDGE_MARK_OPEN,
  EDGE_MARK_CLOSE,
  EDGE_COMMENT_OPEN,
  EDGE_COMMENT_CLOSE,
  N_EDGES
};

#define EDGE_BASE  0xE000
/* After an opening edge, the mark's index in digits U+E010…U+E019, ended
 * by U+E01A, so that the tag gets its own mark's title. */
#define DIGIT_BASE 0xE010
#define DIGITS_END 0xE01A
#define EDGE_LAST  DIGITS_END

static void
append_edge (GString *out,
             guint    edge,
             guint    index)
{
  g_autofree char *digits = NULL;

  g_string_append_unichar (out, EDGE_BASE + edge);
  if (edge % 2 != 0)
    return;
  digits = g_strdup_printf ("%u", index);
  for (const char *d = digits; *d != '\0'; d++)
    g_string_append_unichar (out, DIGIT_BASE + (*d - '0'));
  g_string_append_unichar (out, DIGITS_END);
}

/* A mark's text, closed and reopened at every blank line so that each
 * paragraph holds whole elements. */
static void
append_marked (GString    *out,
               const char *text,
               guint       open,
               guint       close,
               guint       index)
{
  const char *p = text;

  append_edge (out, open, index);
  for (;;)
    {
      const char *gap = strstr (p, "\n\n");

      if (gap == NULL)
        break;
      g_string_append_len (out, p, gap - p);
      append_edge (out, close, index);
      g_string_append (out, "\n\n");
      append_edge (out, open, index);
      p = gap + 2;
    }
  g_string_append (out, p);
  append_edge (out, close, index);
}

static char *
dup_title (const CdCriticMark *mark)
{
  GString *title = g_string_new (mark->author != NULL ? mark->author : "");

  if (mark->time != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (mark->time);
      g_autofree char *stamp = g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");

      if (title->len > 0)
        g_string_append (title, ", ");
      g_string_append (title, stamp);
    }
  if (mark->comment != NULL && mark->kind != CD_CRITIC_COMMENT)
    {
      if (title->len > 0)
        g_string_append (title, ": ");
      g_string_append (title, mark->comment);
    }
  return g_string_free (title, FALSE);
}

/* Valid UTF-8 with the body's own edge characters replaced (by U+FFFD,
 * as long in UTF-8), so that only ours are turned into tags. */
static char *
sanitize (const char *body)
{
  char *clean = g_utf8_make_valid (body, -1);

  for (char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= EDGE_BASE && c <= EDGE_LAST)
        {
          /* U+FFFD is EF BF BD, three bytes like every edge. */
          p[0] = (char) 0xEF;
          p[1] = (char) 0xBF;
          p[2] = (char) 0xBD;
        }
    }
  return clean;
}

/* The body with edges for marks. */
static char *
dup_with_edges (const char *body,
                GPtrArray  *marks)
{
  GString *out = g_string_sized_new (strlen (body) + 16);
  size_t at = 0;

  for (guint i = 0; i <= marks->len; i++)
    {
      CdCriticMark *mark = i < marks->len ? g_ptr_array_index (marks, i) : NULL;
      size_t end = mark != NULL ? mark->start : strlen (body);
      const char *p = body + at;

      g_string_append_len (out, p, body + end - p);
      if (mark == NULL)
        break;

      switch (mark->kind)
        {
        case CD_CRITIC_INSERTION:
          append_marked (out, mark->new_text, EDGE_INS_OPEN, EDGE_INS_CLOSE, i);
          break;
        case CD_CRITIC_DELETION:
          append_marked (out, mark->old_text, EDGE_DEL_OPEN, EDGE_DEL_CLOSE, i);
          break;
        case CD_CRITIC_SUBSTITUTION:
          append_marked (out, mark->old_text, EDGE_DEL_OPEN, EDGE_DEL_CLOSE, i);
          append_marked (out, mark->new_text, EDGE_INS_OPEN, EDGE_INS_CLOSE, i);
          break;
        case CD_CRITIC_HIGHLIGHT:
          append_marked (out, mark->old_text, EDGE_MARK_OPEN, EDGE_MARK_CLOSE, i);
          break;
        case CD_CRITIC_COMMENT:
        default:
          append_marked (out, mark->comment != NULL ? mark->comment : "",
                         EDGE_COMMENT_OPEN, EDGE_COMMENT_CLOSE, i);
          break;
        }
      at = mark->end;
    }
  return g_string_free (out, FALSE);
}

/**
 * cd_critic_render_marked_up:
 * @body: (nullable): a Markdown body
 *
 * Renders @body as the preview's marked-up view: HTML as
 * cd_markdown_to_html() makes it, with `<ins class="critic">`,
 * `<del class="critic">`, `<mark class="critic">` and
 * `<span class="critic-comment">`, each with a title naming who made it
 * and when. Edit text that breaks Markdown's own nesting may give
 * elements that overlap, which browsers repair; the page that readers see
 * never holds them.
 *
 * Returns: (transfer full): the HTML
 */
char *
cd_critic_render_marked_up (const char *body)
{
  g_autofree char *clean = sanitize (body != NULL ? body : "");
  g_autoptr(GPtrArray) marks = cd_critic_parse (clean);
  g_autofree char *edged = dup_with_edges (clean, marks);
  g_autofree char *html = cd_markdown_to_html (edged, -1);
  GString *out = g_string_sized_new (strlen (html) + 64);
  static const char * const tags[N_EDGES] = {
    "ins class=\"critic\"", "/ins", "del class=\"critic\"", "/del",
    "mark class=\"critic\"", "/mark", "span class=\"critic-comment\"", "/span",
  };

  gboolean in_tag = FALSE;

  for (const char *p = html; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      guint64 index = 0;

      /* The renderer escapes "<" and ">" in text and attributes: a raw
       * one is a tag's edge. An edge inside a tag (an image's alt text)
       * is dropped, never turned into a tag there. */
      if (c == '<')
        in_tag = TRUE;
      else if (c == '>')
        in_tag = FALSE;
      if (c < EDGE_BASE || c >= EDGE_BASE + N_EDGES || in_tag)
        {
          /* Stray digits cannot occur: the body's own were replaced. */
          if (c < EDGE_BASE || c > EDGE_LAST)
            g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }

      c -= EDGE_BASE;
      p = next;
      g_string_append_c (out, '<');
      g_string_append (out, tags[c]);
      if (c % 2 != 0)
        {
          g_string_append_c (out, '>');
          continue;
        }

      for (;;)
        {
          gunichar d = g_utf8_get_char (p);

          if (d < DIGIT_BASE || d > DIGITS_END)
            break;
          p = g_utf8_next_char (p);
          if (d == DIGITS_END)
            break;
          index = MIN (index * 10 + (d - DIGIT_BASE), (guint64) G_MAXUINT);
        }
      if (index < marks->len)
        {
          g_autofree char *title = dup_title (g_ptr_array_index (marks, index));

          if (title[0] != '\0')
            {
              g_string_append (out, " title=\"");
              cd_text_append_html (out, title, -1, CD_TEXT_HTML_DROP_INVALID);
              g_string_append_c (out, '"');
            }
        }
      g_string_append_c (out, '>');
    }
  return g_string_free (out, FALSE);
}
