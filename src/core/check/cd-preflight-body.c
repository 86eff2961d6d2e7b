/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Scanning the body for the preflight check: "TK" placeholders and links
 * without an address, found with md4c so that code is left alone, and the
 * line each first one is on. */

#include "config.h"

#define G_LOG_DOMAIN "cd-preflight"

#include <md4c.h>
#include <stdint.h>
#include <string.h>

#include "cd-preflight-private.h"

/* The same dialect as cd-markdown.c, so that what is a link here is a link in
 * the preview and the export. */
#define PARSER_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS)

/* The body: "TK" placeholders and links without an address. md4c gives the
 * text outside code and the link targets, so that `[x]()` in a code span or
 * "TK" in a code block is left alone. */

static gboolean
in_body (BodyScan   *scan,
         const char *text,
         size_t      size)
{
  uintptr_t start = (uintptr_t) scan->body;
  uintptr_t p = (uintptr_t) text;

  return p >= start && p + size <= start + scan->length;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/* Finds the placeholders in one run of text: a word made of "T" followed by
 * one or more "K", once or more (TK, TKK, TKTK), upper case only, so that
 * "TKO" or "Tk" are not placeholders. */
static void
scan_placeholders (BodyScan   *scan,
                   const char *text,
                   size_t      size)
{
  const char *end = text + size;
  const char *p = text;

  while (p < end)
    {
      const char *word_end = p;
      const char *before = p > text ? g_utf8_find_prev_char (text, p) : NULL;

      if (*p != 'T' ||
          (before != NULL && is_word_char (g_utf8_get_char_validated (before, p - before))))
        {
          p = g_utf8_find_next_char (p, end);
          if (p == NULL)
            break;
          continue;
        }

      while (word_end < end && *word_end == 'T' && word_end + 1 < end && word_end[1] == 'K')
        {
          word_end += 2;
          while (word_end < end && *word_end == 'K')
            word_end++;
        }

      if (word_end > p &&
          (word_end == end || !is_word_char (g_utf8_get_char_validated (word_end, end - word_end))))
        {
          if (scan->tk_count == 0 && in_body (scan, text, size))
            scan->tk_offset = (size_t) (p - scan->body);
          scan->tk_count++;
          p = word_end;
        }
      else
        {
          p++;
        }
    }
}

static int
body_enter_block_cb (MD_BLOCKTYPE  type,
                     void         *detail,
                     void         *user_data)
{
  return 0;
}

static int
body_leave_block_cb (MD_BLOCKTYPE  type,
                     void         *detail,
                     void         *user_data)
{
  return 0;
}

static gboolean
attribute_is_blank (const MD_ATTRIBUTE *attribute)
{
  for (MD_SIZE i = 0; i < attribute->size; i++)
    {
      if (!g_ascii_isspace (attribute->text[i]))
        return FALSE;
    }

  return TRUE;
}

static int
body_enter_span_cb (MD_SPANTYPE  type,
                    void        *detail,
                    void        *user_data)
{
  BodyScan *scan = user_data;
  const MD_SPAN_A_DETAIL *link = detail;
  const char *bracket;

  if (type != MD_SPAN_A)
    return 0;

  g_clear_pointer (&scan->href, g_free);
  scan->href = g_strndup (link->href.text != NULL ? link->href.text : "", link->href.size);

  if (!attribute_is_blank (&link->href))
    return 0;

  /* md4c does not say where a span starts. Nothing but markup lies between
   * the end of the last text and this link, so its "[" is the first one
   * after that text. */
  if (scan->empty_link_count == 0)
    {
      bracket = memchr (scan->body + scan->last_text_end, '[',
                        scan->length - scan->last_text_end);
      scan->empty_link_offset = bracket != NULL ? (size_t) (bracket - scan->body)
                                                : scan->last_text_end;
    }

  scan->empty_link_count++;

  return 0;
}

static int
body_leave_span_cb (MD_SPANTYPE  type,
                    void        *detail,
                    void        *user_data)
{
  BodyScan *scan = user_data;

  if (type == MD_SPAN_A)
    g_clear_pointer (&scan->href, g_free);

  return 0;
}

static int
body_text_cb (MD_TEXTTYPE    type,
              const MD_CHAR *text,
              MD_SIZE        size,
              void          *user_data)
{
  BodyScan *scan = user_data;

  if (in_body (scan, text, size))
    scan->last_text_end = (size_t) (text - scan->body) + size;

  if (type != MD_TEXT_NORMAL)
    return 0;

  /* The text of an autolink is its address, which is no placeholder even
   * when it has "TK" in it. */
  if (scan->href != NULL)
    {
      size_t href_length = strlen (scan->href);

      if (href_length >= size && memcmp (scan->href + href_length - size, text, size) == 0)
        return 0;
    }

  scan_placeholders (scan, text, size);

  return 0;
}

guint
cd_preflight_line_at (const char *text,
                      size_t      offset)
{
  guint line = 1;

  for (size_t i = 0; i < offset && text[i] != '\0'; i++)
    {
      if (text[i] == '\n')
        line++;
    }

  return line;
}

void
cd_preflight_scan_body (const char *body,
                        BodyScan   *scan)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = PARSER_FLAGS,
    .enter_block = body_enter_block_cb,
    .leave_block = body_leave_block_cb,
    .enter_span = body_enter_span_cb,
    .leave_span = body_leave_span_cb,
    .text = body_text_cb,
  };

  scan->body = body;
  scan->length = strlen (body);

  md_parse (body, (MD_SIZE) scan->length, &parser, scan);

  g_clear_pointer (&scan->href, g_free);
}
