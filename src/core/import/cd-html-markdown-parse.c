/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-html-markdown"

#include <string.h>

#include "cd-html-markdown-private.h"

/*
 * Reading HTML into a tree, for cd_html_to_markdown()
 *
 * libxml2 stops building the tree at 256 levels without HTML_PARSE_HUGE
 * (which is not used), silently dropping the deep content and everything
 * after it; it compares each attribute of a tag with all the earlier
 * ones, and an end tag that matches nothing with every open element. So
 * the HTML first goes through prepare_html(), one linear pass that keeps
 * at most MAX_ATTRIBUTES attributes per tag and leaves out the tags (not
 * the content) of elements that would nest deeper than MAX_PARSE_DEPTH:
 * deep content is flattened into its ancestor, never lost.
 */

/* Counted as prepare_html() counts (elements whose end tag may be left out,
 * such as p and li, do not count), so well below libxml2's 256. */
#define MAX_PARSE_DEPTH     96
#define MAX_ATTRIBUTES      64

/* Prepares HTML for libxml2 */

static gboolean
name_is (const char *name,
         const char * const *names)
{
  return g_strv_contains (names, name);
}

/* Elements that never have content. */
static const char * const void_elements[] = {
  "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img",
  "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr", NULL
};

/* Elements whose end tag may be left out: a sibling closes them, so a run
 * of them does not nest. */
static const char * const optional_end_elements[] = {
  "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
  "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", NULL
};

/* Elements whose content is text up to their own end tag. */
static const char * const raw_text_elements[] = {
  "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", NULL
};

static gboolean
is_tag_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == ':' || c == '_' || c == '.';
}

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Stands for a tag that is left out, so that the words on either side
 * stay apart; once is enough for a run of them. */
static void
append_separator (GString *out)
{
  char last = out->len > 0 ? out->str[out->len - 1] : ' ';

  if (!is_html_space (last) && last != '>')
    g_string_append_c (out, ' ');
}

/* Finds the end of the raw text that starts at @p: the next “</@name”
 * (in any case) followed by a character that ends a tag name, or @end. */
static const char *
find_raw_text_end (const char *p,
                   const char *end,
                   const char *name)
{
  gsize name_len = strlen (name);

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);

      if (lt == NULL)
        return end;

      if ((gsize) (end - lt) >= name_len + 2 && lt[1] == '/' &&
          g_ascii_strncasecmp (lt + 2, name, name_len) == 0 &&
          (lt + 2 + name_len == end || !is_tag_name_char (lt[2 + name_len])))
        return lt;

      p = lt + 1;
    }

  return end;
}

/* One linear pass over @html (see the notes at the top). Comments,
 * declarations and text are copied as they are; tags are copied with at
 * most MAX_ATTRIBUTES attributes, or left out when they open an element
 * MAX_PARSE_DEPTH deep (and so are their end tags), with a space in their
 * place so that words on either side stay apart. @max_depth 0 leaves out
 * every tag but those of void elements. */
static char *
prepare_html (const char *html,
              gsize       length,
              guint       max_depth)
{
  GString *out = g_string_sized_new (length + 1);
  const char *p = html;
  const char *end = html + length;
  guint depth = 0;
  guint dropped = 0;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *tag;
      const char *q;
      gboolean closing;
      gboolean self_closing = FALSE;
      char name[16];
      gsize name_len = 0;
      gsize tag_start;
      gboolean left_out = FALSE;
      guint n_attributes = 0;

      if (lt == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }

      g_string_append_len (out, p, lt - p);
      tag = lt;
      q = lt + 1;

      if (q < end && (*q == '!' || *q == '?'))
        {
          const char *close;

          if (end - q >= 3 && q[1] == '-' && q[2] == '-')
            {
              close = g_strstr_len (q + 3, end - q - 3, "-->");
              close = close != NULL ? close + 3 : end;
            }
          else
            {
              close = memchr (q, '>', end - q);
              close = close != NULL ? close + 1 : end;
            }
          g_string_append_len (out, tag, close - tag);
          p = close;
          continue;
        }

      closing = q < end && *q == '/';
      if (closing)
        q++;

      if (q >= end || !g_ascii_isalpha (*q))
        {
          /* Not a tag: a “<” in text. */
          g_string_append_c (out, '<');
          p = lt + 1;
          continue;
        }

      while (q < end && is_tag_name_char (*q))
        {
          if (name_len < sizeof name - 1)
            name[name_len++] = g_ascii_tolower (*q);
          q++;
        }
      name[name_len] = '\0';

      if (closing)
        {
          const char *close = memchr (q, '>', end - q);

          p = close != NULL ? close + 1 : end;
          if (name_is (name, void_elements) || name_is (name, optional_end_elements))
            {
              if (max_depth > 0)
                g_string_append_len (out, tag, p - tag);
              else
                append_separator (out);
            }
          else if (dropped > 0)
            {
              dropped--;
              append_separator (out);
            }
          else
            {
              if (depth > 0)
                depth--;
              g_string_append_len (out, tag, p - tag);
            }
          continue;
        }

      /* The start tag: “<name”, then its attributes, copied one by one. */
      tag_start = out->len;
      g_string_append_len (out, tag, q - tag);
      while (q < end && *q != '>')
        {
          const char *attribute = q;

          if (is_html_space (*q) || *q == '/')
            {
              self_closing = *q == '/';
              q++;
              continue;
            }

          self_closing = FALSE;
          while (q < end && !is_html_space (*q) && *q != '=' && *q != '>' && *q != '/')
            q++;
          if (q == attribute)
            q++;

          while (q < end && is_html_space (*q))
            q++;
          if (q < end && *q == '=')
            {
              q++;
              while (q < end && is_html_space (*q))
                q++;
              if (q < end && (*q == '"' || *q == '\''))
                {
                  const char *close = memchr (q + 1, *q, end - q - 1);

                  q = close != NULL ? close + 1 : end;
                }
              else
                {
                  while (q < end && !is_html_space (*q) && *q != '>')
                    q++;
                }
            }

          if (++n_attributes <= MAX_ATTRIBUTES)
            {
              append_separator (out);
              g_string_append_len (out, attribute, q - attribute);
            }
        }

      p = q < end ? q + 1 : end;

      if (name_is (name, void_elements) || self_closing)
        {
          g_string_append (out, self_closing ? "/>" : ">");
        }
      else if (name_is (name, optional_end_elements))
        {
          /* These do not nest in runs, so they are left out only when
           * every tag is. */
          if (max_depth > 0)
            g_string_append_c (out, '>');
          else
            left_out = TRUE;
        }
      else if (dropped > 0 || depth >= max_depth)
        {
          dropped++;
          left_out = TRUE;
        }
      else
        {
          depth++;
          g_string_append_c (out, '>');
        }

      if (left_out)
        {
          g_string_truncate (out, tag_start);
          append_separator (out);
        }

      if (name_is (name, raw_text_elements) && !self_closing)
        {
          const char *raw_end = find_raw_text_end (p, end, name);

          /* A script or style whose tag is left out must not become text. */
          if (!left_out || !(strcmp (name, "script") == 0 || strcmp (name, "style") == 0))
            g_string_append_len (out, p, raw_end - p);
          p = raw_end;
        }
    }

  return g_string_free (out, FALSE);
}

/* Parses @html after prepare_html(). @stopped tells whether libxml2
 * stopped before the end of the text, which it does at 256 levels. */
static htmlDocPtr
parse_html (const char *html,
            guint       max_depth,
            gboolean   *stopped)
{
  g_autofree char *prepared = prepare_html (html, strlen (html), max_depth);
  htmlParserCtxtPtr ctxt;
  htmlDocPtr doc;

  *stopped = FALSE;
  if (strlen (prepared) > G_MAXINT)
    return NULL;

  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    return NULL;

  doc = htmlCtxtReadMemory (ctxt, prepared, (int) strlen (prepared), NULL, "UTF-8",
                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  *stopped = ctxt->disableSAX != 0;
  htmlFreeParserCtxt (ctxt);

  return doc;
}

/**
 * cd_html_markdown_parse:
 * @html: valid UTF-8 without NUL bytes
 *
 * Reads @html into a libxml2 tree that holds all of its text: through
 * prepare_html() first, and, should libxml2 still stop early (on nesting
 * that the count in prepare_html() cannot see), once more without any
 * structure, so that the text is kept rather than cut off.
 *
 * Returns: (transfer full) (nullable): the document, for xmlFreeDoc()
 */
htmlDocPtr
cd_html_markdown_parse (const char *html)
{
  gboolean stopped = FALSE;
  htmlDocPtr doc = parse_html (html, MAX_PARSE_DEPTH, &stopped);

  if (stopped)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      doc = parse_html (html, 0, &stopped);
    }

  return doc;
}
