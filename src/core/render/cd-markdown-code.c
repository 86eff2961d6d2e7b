/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Where a Markdown text holds code, as the renderers see it: the review
 * markup parser (cd-critic.c) leaves markup in code alone, and must agree
 * with the renderer to the byte on what is code, or a review comment that
 * it took for code would be published as ordinary text. So md4c itself
 * decides, with the renderers' own flags. */

#include "config.h"

#define G_LOG_DOMAIN "cd-markdown"

#include <string.h>

#include <md4c.h>

#include "cd-markdown-private.h"

typedef struct
{
  const char *text;
  size_t      len;
  GArray     *ranges;
} CodeScan;

static int
code_block_cb (MD_BLOCKTYPE  type,
               void         *detail,
               void         *data)
{
  return 0;
}

static int
code_span_cb (MD_SPANTYPE  type,
              void        *detail,
              void        *data)
{
  return 0;
}

static int
code_text_cb (MD_TEXTTYPE     type,
              const MD_CHAR  *text,
              MD_SIZE         size,
              void           *data)
{
  CodeScan *scan = data;
  CdMarkdownRange range;

  if (type != MD_TEXT_CODE || size == 0)
    return 0;
  /* md4c hands out some text of its own (a space for a line break in a
   * code span, spaces for a tab): only text in the input is a range. */
  if ((const char *) text < scan->text
      || (const char *) text > scan->text + scan->len
      || (size_t) ((const char *) text - scan->text) + size > scan->len)
    return 0;
  range.start = (const char *) text - scan->text;
  range.end = range.start + size;
  if (scan->ranges->len > 0)
    {
      CdMarkdownRange *last = &g_array_index (scan->ranges, CdMarkdownRange,
                                              scan->ranges->len - 1);

      /* md4c walks the text in order; adjacent pieces are one range. */
      if (range.start < last->end)
        return 0;
      if (range.start == last->end)
        {
          last->end = range.end;
          return 0;
        }
    }
  g_array_append_val (scan->ranges, range);
  return 0;
}

/**
 * cd_markdown_code_ranges:
 * @markdown: a Markdown text
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Finds the bytes of @markdown that the renderers show as code: the
 * content of code spans and the lines of code blocks, without their
 * backticks, fences or indentation. The ranges are in order and do not
 * overlap. This takes time linear in the length of @markdown, as rendering
 * does.
 *
 * Returns: (transfer full) (element-type CdMarkdownRange): the ranges
 */
GArray *
cd_markdown_code_ranges (const char *markdown,
                         gssize      length)
{
  const MD_PARSER parser = {
    0,
    CD_MARKDOWN_PARSER_FLAGS,
    code_block_cb,
    code_block_cb,
    code_span_cb,
    code_span_cb,
    code_text_cb,
    NULL,
    NULL,
  };
  CodeScan scan = { markdown, 0, g_array_new (FALSE, FALSE, sizeof (CdMarkdownRange)) };

  if (markdown == NULL)
    return scan.ranges;
  scan.len = length < 0 ? strlen (markdown) : (size_t) length;
  if (scan.len > G_MAXUINT)
    return scan.ranges;
  if (md_parse (markdown, (MD_SIZE) scan.len, &parser, &scan) != 0)
    g_warning ("Markdown parser failed; code is not told apart from text");
  return scan.ranges;
}
