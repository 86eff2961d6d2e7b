/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Markdown to HTML, plain text and blocks: md4c walks the Markdown and the
 * callbacks here write the HTML and the plain text, handing each block to
 * cd-markdown-block.c when blocks are wanted. */

#include "config.h"

#define G_LOG_DOMAIN "cd-markdown"

#include <string.h>

#include <md4c.h>

#include "cd-markdown-private.h"

/* Raw HTML reaches us as MD_BLOCK_HTML and MD_TEXT_HTML, which we escape:
 * the reader sees the markup as text instead of losing it. */
#define PARSER_FLAGS CD_MARKDOWN_PARSER_FLAGS

Frame *
cd_markdown_renderer_frame (Renderer *r,
                            guint     depth)
{
  g_assert (depth < r->frames->len);

  return &g_array_index (r->frames, Frame, depth);
}

static Frame *
renderer_top (Renderer *r)
{
  return cd_markdown_renderer_frame (r, r->frames->len - 1);
}

static char *
heading_slug (const char *text)
{
  /* NFKC first, so that decomposed accents ("o" + U+0308) and
   * compatibility forms (full-width letters, "₂") transliterate too. */
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *ascii = g_str_to_ascii (composed != NULL ? composed : text, "C");
  GString *slug = g_string_sized_new (strlen (ascii));
  gboolean separator = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      /* "Don't" reads better as "dont" than "don-t". */
      if (*p == '\'')
        continue;

      if (g_ascii_isalnum (*p))
        {
          if (separator && slug->len > 0)
            g_string_append_c (slug, '-');
          separator = FALSE;
          g_string_append_c (slug, g_ascii_tolower (*p));
        }
      else
        {
          separator = TRUE;
        }
    }

  if (slug->len == 0)
    g_string_assign (slug, "section");

  return g_string_free (slug, FALSE);
}

/* Returns a heading id for @text that no earlier heading has. Each slug
 * remembers the last suffix it tried, so that a run of identical headings
 * costs linear time. */
static const char *
renderer_heading_id (Renderer   *r,
                     const char *text)
{
  g_autofree char *slug = heading_slug (text);
  gpointer base = NULL;
  char *id = NULL;
  unsigned n;

  if (!g_hash_table_lookup_extended (r->ids, slug, &base, NULL))
    {
      id = g_steal_pointer (&slug);
      g_hash_table_add (r->ids, id);
      return id;
    }

  /* The counters are keyed by the id set's own copy of the slug. */
  n = MAX (GPOINTER_TO_UINT (g_hash_table_lookup (r->id_counters, base)), 1);
  do
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", slug, ++n);
    }
  while (g_hash_table_contains (r->ids, id));

  g_hash_table_insert (r->id_counters, base, GUINT_TO_POINTER (n));
  g_hash_table_add (r->ids, id);
  return id;
}

/* Plain text: blocks are separated by exactly one blank line. The
 * separator is written lazily, before a block's first text, so that empty
 * blocks leave no trace. */
static void
text_flush_break (Renderer *r)
{
  GString *text = r->text;

  if (!r->text_break)
    return;

  r->text_break = FALSE;
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  if (text->len > 0)
    g_string_append (text, "\n\n");
  r->verbatim_line = text->len;
}

/* Ends a line of a code or raw HTML block in the plain text. A blank line
 * is dropped so that it does not read as a paragraph break. */
static void
text_end_verbatim_line (Renderer *r,
                        gboolean  newline)
{
  GString *text = r->text;
  gboolean blank = TRUE;

  if (r->text_break)
    return;

  for (gsize i = r->verbatim_line; i < text->len && blank; i++)
    blank = g_ascii_isspace (text->str[i]);

  if (blank)
    g_string_truncate (text, r->verbatim_line);
  else if (newline)
    g_string_append_c (text, '\n');

  r->verbatim_line = text->len;
}

static void
text_append_verbatim (Renderer   *r,
                      const char *s,
                      size_t      n)
{
  const char *end = s + n;

  while (s < end)
    {
      const char *newline = memchr (s, '\n', end - s);
      const char *stop = newline != NULL ? newline : end;

      if (stop > s)
        {
          text_flush_break (r);
          g_string_append_len (r->text, s, stop - s);
        }
      if (newline != NULL)
        text_end_verbatim_line (r, TRUE);

      s = newline != NULL ? newline + 1 : end;
    }
}

/* Counts an inline item of the innermost paragraph, to find paragraphs that
 * hold one image only. */
static void
renderer_note_inline (Renderer *r,
                      gboolean  is_image)
{
  Frame *frame = renderer_top (r);

  if (frame->type != MD_BLOCK_P)
    return;

  frame->n_inline++;
  if (frame->n_inline == 1)
    frame->image_first = is_image;
}

static void
append_image_tag (Renderer *r,
                  gboolean  with_title)
{
  GString *html = r->html;

  g_string_append (html, "<img src=\"");
  cd_markdown_append_escaped_str (html, r->image_src);
  g_string_append (html, "\" alt=\"");
  cd_markdown_append_escaped (html, r->alt->str, r->alt->len);
  g_string_append_c (html, '"');
  if (with_title && r->image_title[0] != '\0')
    {
      g_string_append (html, " title=\"");
      cd_markdown_append_escaped_str (html, r->image_title);
      g_string_append_c (html, '"');
    }
  g_string_append (html, " />");
}

static void
html_open_block (Renderer     *r,
                 MD_BLOCKTYPE  type,
                 void         *detail)
{
  GString *html = r->html;

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      g_string_append (html, "<blockquote>\n");
      break;

    case MD_BLOCK_UL:
      g_string_append (html, "<ul>\n");
      break;

    case MD_BLOCK_OL:
      {
        MD_BLOCK_OL_DETAIL *ol = detail;

        if (ol->start != 1)
          g_string_append_printf (html, "<ol start=\"%u\">\n", ol->start);
        else
          g_string_append (html, "<ol>\n");
      }
      break;

    case MD_BLOCK_LI:
      g_string_append (html, "<li>");
      break;

    case MD_BLOCK_HR:
      g_string_append (html, "<hr />\n");
      break;

    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;
        g_autofree char *lang = cd_markdown_decode_attribute (&code->lang);

        g_string_append (html, "<pre><code");
        if (lang[0] != '\0')
          {
            g_string_append (html, " class=\"language-");
            cd_markdown_append_escaped_str (html, lang);
            g_string_append_c (html, '"');
          }
        g_string_append_c (html, '>');
      }
      break;

    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
      g_string_append (html, "<p>");
      break;

    case MD_BLOCK_TABLE:
      g_string_append (html, "<table>\n");
      break;

    case MD_BLOCK_THEAD:
      g_string_append (html, "<thead>\n");
      break;

    case MD_BLOCK_TBODY:
      g_string_append (html, "<tbody>\n");
      break;

    case MD_BLOCK_TR:
      g_string_append (html, "<tr>\n");
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      {
        MD_BLOCK_TD_DETAIL *td = detail;
        const char *align = NULL;

        g_string_append (html, type == MD_BLOCK_TH ? "<th" : "<td");
        if (td->align == MD_ALIGN_LEFT)
          align = "left";
        else if (td->align == MD_ALIGN_CENTER)
          align = "center";
        else if (td->align == MD_ALIGN_RIGHT)
          align = "right";
        if (align != NULL)
          g_string_append_printf (html, " style=\"text-align: %s\"", align);
        g_string_append_c (html, '>');
      }
      break;

    case MD_BLOCK_H:
      /* The opening tag needs the heading's id, known at its end. */
    case MD_BLOCK_DOC:
    default:
      break;
    }
}

static void
html_close_block (Renderer     *r,
                  Frame        *frame,
                  void         *detail)
{
  GString *html = r->html;

  frame->inner_end = html->len;

  switch (frame->type)
    {
    case MD_BLOCK_QUOTE:
      g_string_append (html, "</blockquote>\n");
      break;

    case MD_BLOCK_UL:
      g_string_append (html, "</ul>\n");
      break;

    case MD_BLOCK_OL:
      g_string_append (html, "</ol>\n");
      break;

    case MD_BLOCK_LI:
      g_string_append (html, "</li>\n");
      break;

    case MD_BLOCK_H:
      {
        MD_BLOCK_H_DETAIL *h = detail;
        g_autofree char *tag = NULL;

        frame->anchor = renderer_heading_id (r, r->heading_text->str);
        tag = g_strdup_printf ("<h%u id=\"%s\">", h->level, frame->anchor);
        g_string_insert (html, frame->html_start, tag);
        frame->inner_start += strlen (tag);
        frame->inner_end = html->len;
        frame->inline_content = TRUE;
        g_string_append_printf (html, "</h%u>\n", h->level);
      }
      break;

    case MD_BLOCK_CODE:
      g_string_append (html, "</code></pre>\n");
      break;

    case MD_BLOCK_HTML:
      while (html->len > frame->inner_start && html->str[html->len - 1] == '\n')
        g_string_truncate (html, html->len - 1);
      frame->inner_end = html->len;
      frame->inline_content = TRUE;
      g_string_append (html, "</p>\n");
      break;

    case MD_BLOCK_P:
      frame->lone_image = frame->n_inline == 1 && frame->image_first &&
                          r->image_src != NULL;
      if (frame->lone_image && r->image_title[0] != '\0')
        {
          /* An image alone in its paragraph, with a title: a captioned
           * figure rather than an inline image. */
          g_string_truncate (html, frame->html_start);
          g_string_append (html, "<figure>\n");
          append_image_tag (r, FALSE);
          g_string_append (html, "\n<figcaption>");
          cd_markdown_append_escaped_str (html, r->image_title);
          g_string_append (html, "</figcaption>\n</figure>\n");
        }
      else
        {
          frame->inline_content = TRUE;
          g_string_append (html, "</p>\n");
        }
      break;

    case MD_BLOCK_TABLE:
      g_string_append (html, "</table>\n");
      break;

    case MD_BLOCK_THEAD:
      g_string_append (html, "</thead>\n");
      break;

    case MD_BLOCK_TBODY:
      g_string_append (html, "</tbody>\n");
      break;

    case MD_BLOCK_TR:
      g_string_append (html, "</tr>\n");
      break;

    case MD_BLOCK_TH:
      g_string_append (html, "</th>\n");
      break;

    case MD_BLOCK_TD:
      g_string_append (html, "</td>\n");
      break;

    case MD_BLOCK_HR:
    case MD_BLOCK_DOC:
    default:
      break;
    }
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Renderer *r = user_data;
  gboolean cell = type == MD_BLOCK_TH || type == MD_BLOCK_TD;
  Frame frame = { 0 };

  frame.type = type;

  if (r->text != NULL)
    {
      if (!cell)
        {
          r->text_break = TRUE;
        }
      else if (r->cell++ > 0)
        {
          text_flush_break (r);
          g_string_append_c (r->text, '\t');
        }
      if (type == MD_BLOCK_TR)
        r->cell = 0;
      frame.text_start = r->text->len;
    }

  if (r->html != NULL)
    {
      GString *html = r->html;

      /* Each block starts on a line of its own, also inside a list item
       * (`<li>\n<p>…`). */
      if (html->len > 0 && html->str[html->len - 1] != '\n')
        g_string_append_c (html, '\n');
      frame.html_start = html->len;
      html_open_block (r, type, detail);
      frame.inner_start = html->len;
    }

  g_array_append_val (r->frames, frame);

  if (r->blocks != NULL && type != MD_BLOCK_DOC)
    cd_markdown_blocks_enter (r, type, detail, r->frames->len - 1);

  if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML)
    {
      r->verbatim = TRUE;
      if (r->text != NULL)
        r->verbatim_line = r->text->len;
    }
  else if (type == MD_BLOCK_H && r->html != NULL)
    {
      r->in_heading = TRUE;
      g_string_truncate (r->heading_text, 0);
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Renderer *r = user_data;
  guint depth = r->frames->len - 1;
  Frame *frame = renderer_top (r);

  g_assert (frame->type == type);

  if (r->html != NULL)
    html_close_block (r, frame, detail);

  if (r->text != NULL)
    {
      if (r->verbatim)
        {
          text_end_verbatim_line (r, FALSE);
          while (r->text->len > 0 && r->text->str[r->text->len - 1] == '\n')
            g_string_truncate (r->text, r->text->len - 1);
        }
      if (type != MD_BLOCK_TH && type != MD_BLOCK_TD)
        r->text_break = TRUE;
    }

  if (r->blocks != NULL && type != MD_BLOCK_DOC)
    cd_markdown_blocks_leave (r, frame, depth);

  r->verbatim = FALSE;
  if (type == MD_BLOCK_H)
    r->in_heading = FALSE;

  g_array_set_size (r->frames, depth);
  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Renderer *r = user_data;
  GString *html = r->html;

  if (html == NULL)
    return 0;

  /* Inside an image only text matters: it becomes the alt text. A link
   * there is still counted, because md4c does not always close spans in the
   * order it opened them (an image can end before a link it contains). */
  if (r->image_depth > 0)
    {
      gboolean written = FALSE;

      if (type == MD_SPAN_IMG)
        r->image_depth++;
      else if (type == MD_SPAN_A)
        g_array_append_val (r->links, written);
      return 0;
    }

  renderer_note_inline (r, type == MD_SPAN_IMG);

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (html, "<em>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (html, "<strong>");
      break;

    case MD_SPAN_DEL:
      g_string_append (html, "<del>");
      break;

    case MD_SPAN_CODE:
      g_string_append (html, "<code>");
      break;

    case MD_SPAN_A:
      {
        MD_SPAN_A_DETAIL *a = detail;
        g_autofree char *href = cd_markdown_decode_attribute (&a->href);
        g_autofree char *url = cd_markdown_filter_url (href);
        gboolean written = url != NULL;

        if (written)
          {
            g_autofree char *title = cd_markdown_decode_attribute (&a->title);

            g_string_append (html, "<a href=\"");
            cd_markdown_append_escaped_str (html, url);
            g_string_append_c (html, '"');
            if (title[0] != '\0')
              {
                g_string_append (html, " title=\"");
                cd_markdown_append_escaped_str (html, title);
                g_string_append_c (html, '"');
              }
            g_string_append_c (html, '>');
          }
        g_array_append_val (r->links, written);
      }
      break;

    case MD_SPAN_IMG:
      {
        MD_SPAN_IMG_DETAIL *img = detail;
        g_autofree char *src = cd_markdown_decode_attribute (&img->src);

        r->image_depth = 1;
        g_free (r->image_src);
        r->image_src = cd_markdown_filter_url (src);
        g_free (r->image_title);
        r->image_title = cd_markdown_decode_attribute (&img->title);
        g_string_truncate (r->alt, 0);
      }
      break;

    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
    default:
      break;
    }

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Renderer *r = user_data;
  GString *html = r->html;

  if (html == NULL)
    return 0;

  if (type == MD_SPAN_A && r->image_depth > 0)
    {
      if (r->links->len > 0)
        g_array_set_size (r->links, r->links->len - 1);
      return 0;
    }

  if (r->image_depth > 0)
    {
      if (type == MD_SPAN_IMG && --r->image_depth == 0)
        {
          /* A refused image leaves its alt text. */
          if (r->image_src != NULL)
            append_image_tag (r, TRUE);
          else
            cd_markdown_append_escaped (html, r->alt->str, r->alt->len);
        }
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (html, "</em>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (html, "</strong>");
      break;

    case MD_SPAN_DEL:
      g_string_append (html, "</del>");
      break;

    case MD_SPAN_CODE:
      g_string_append (html, "</code>");
      break;

    case MD_SPAN_A:
      {
        gboolean written;

        /* A link opened inside an image that has closed since. */
        if (r->links->len == 0)
          break;
        written = g_array_index (r->links, gboolean, r->links->len - 1);
        g_array_set_size (r->links, r->links->len - 1);
        if (written)
          g_string_append (html, "</a>");
      }
      break;

    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
    default:
      break;
    }

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *s,
         MD_SIZE        size,
         void          *user_data)
{
  Renderer *r = user_data;
  GString *html = r->html;

  if (r->text != NULL)
    {
      if (r->verbatim && type == MD_TEXT_NULLCHAR)
        {
          text_flush_break (r);
          g_string_append (r->text, REPLACEMENT_CHARACTER);
        }
      else if (r->verbatim)
        {
          text_append_verbatim (r, s, size);
        }
      else
        {
          text_flush_break (r);
          cd_markdown_append_plain (r->text, type, s, size, "\n");
        }
    }

  if (r->code != NULL)
    cd_markdown_append_plain (r->code, type, s, size, "\n");

  if (html == NULL)
    return 0;

  if (r->in_heading)
    cd_markdown_append_plain (r->heading_text, type, s, size, " ");

  if (r->image_depth > 0)
    {
      cd_markdown_append_plain (r->alt, type, s, size, " ");
      return 0;
    }

  renderer_note_inline (r, FALSE);

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (html, REPLACEMENT_CHARACTER);
      break;

    case MD_TEXT_BR:
      g_string_append (html, "<br />\n");
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (html, '\n');
      break;

    case MD_TEXT_ENTITY:
      {
        g_autoptr(GString) decoded = g_string_new (NULL);

        if (cd_markdown_decode_entity (s, size, decoded))
          cd_markdown_append_escaped (html, decoded->str, decoded->len);
        else
          cd_markdown_append_escaped (html, s, size);
      }
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      /* Raw HTML included: escaped, it reads as the markup it is. */
      cd_markdown_append_escaped (html, s, size);
      break;
    }

  return 0;
}

static void
renderer_init (Renderer *r,
               gboolean  html,
               gboolean  text,
               gboolean  blocks)
{
  memset (r, 0, sizeof *r);

  r->frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  if (text)
    r->text = g_string_new (NULL);
  if (html)
    {
      r->html = g_string_new (NULL);
      r->links = g_array_new (FALSE, FALSE, sizeof (gboolean));
      r->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      r->id_counters = g_hash_table_new (g_str_hash, g_str_equal);
      r->heading_text = g_string_new (NULL);
      r->alt = g_string_new (NULL);
    }
  if (blocks)
    r->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_block_unref);
}

static void
renderer_clear (Renderer *r)
{
  if (r->html != NULL)
    g_string_free (r->html, TRUE);
  if (r->text != NULL)
    g_string_free (r->text, TRUE);
  g_clear_pointer (&r->blocks, g_ptr_array_unref);
  g_clear_pointer (&r->frames, g_array_unref);
  g_clear_pointer (&r->links, g_array_unref);
  /* The counters' keys belong to the id set: free the counters first. */
  g_clear_pointer (&r->id_counters, g_hash_table_unref);
  g_clear_pointer (&r->ids, g_hash_table_unref);
  if (r->heading_text != NULL)
    g_string_free (r->heading_text, TRUE);
  if (r->alt != NULL)
    g_string_free (r->alt, TRUE);
  g_free (r->image_src);
  g_free (r->image_title);
  g_clear_pointer (&r->block, cd_block_unref);
  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_clear_pointer (&r->cells, g_ptr_array_unref);
  if (r->code != NULL)
    g_string_free (r->code, TRUE);
}

static void
renderer_run (Renderer   *r,
              const char *markdown,
              gssize      length)
{
  const MD_PARSER parser = {
    0,
    PARSER_FLAGS,
    enter_block_cb,
    leave_block_cb,
    enter_span_cb,
    leave_span_cb,
    text_cb,
    NULL,
    NULL,
  };
  g_autofree char *valid = NULL;
  size_t len;
  int ret;

  if (markdown == NULL)
    return;

  len = length < 0 ? strlen (markdown) : (size_t) length;

  /* Invalid UTF-8 (and NUL) would make invalid output; U+FFFD it is. */
  if (!g_utf8_validate_len (markdown, len, NULL))
    {
      valid = g_utf8_make_valid (markdown, len);
      markdown = valid;
      len = strlen (valid);
    }

  if (len > G_MAXUINT)
    {
      g_warning ("Markdown text of %zu bytes is too long to render", len);
      return;
    }

  ret = md_parse (markdown, (MD_SIZE) len, &parser, r);
  if (ret != 0)
    g_warning ("Markdown parser failed (%d); the rendering is incomplete", ret);
}

/**
 * cd_markdown_to_plain_text:
 * @markdown: (nullable): a Markdown text
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Renders @markdown as plain text without Markdown syntax, for word counts
 * and schema.org `articleBody`. Paragraphs, headings, list items, quoted
 * paragraphs, table rows and code blocks are separated by exactly one blank
 * line; there is no blank line inside a block. Soft line breaks become
 * spaces and hard ones newlines; table cells are separated by tabs. Links
 * keep their text and images their alt text; entities are decoded; raw
 * HTML is kept as the text it is. There is no trailing newline.
 *
 * Returns: (transfer full): the plain text; empty for %NULL or ""
 */
char *
cd_markdown_to_plain_text (const char *markdown,
                           gssize      length)
{
  Renderer r;
  GString *text;

  renderer_init (&r, FALSE, TRUE, FALSE);
  renderer_run (&r, markdown, length);

  text = g_steal_pointer (&r.text);
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  renderer_clear (&r);
  return g_string_free (text, FALSE);
}

/**
 * cd_markdown_to_html:
 * @markdown: (nullable): a Markdown text
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Renders @markdown (CommonMark with tables, strikethrough and autolinks)
 * as a safe HTML fragment that is also well-formed XML (void elements are
 * written `<br />`). Raw HTML is shown escaped, as text. Links and images
 * keep their URL only if it is http, https, mailto, relative or a
 * fragment; otherwise a link leaves its text and an image its alt text.
 * Headings get ids made from their text, unique in the document. An image
 * alone in its paragraph with a title becomes a `<figure>` whose
 * `<figcaption>` is the title.
 *
 * Returns: (transfer full): the HTML; empty for %NULL or ""
 */
char *
cd_markdown_to_html (const char *markdown,
                     gssize      length)
{
  Renderer r;
  GString *html;

  renderer_init (&r, TRUE, FALSE, FALSE);
  renderer_run (&r, markdown, length);

  html = g_steal_pointer (&r.html);
  renderer_clear (&r);
  return g_string_free (html, FALSE);
}

/**
 * cd_markdown_to_blocks:
 * @markdown: (nullable): a Markdown text
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Splits @markdown into its top-level blocks for structured exporters. Each
 * block carries its HTML as cd_markdown_to_html() renders it (the blocks'
 * HTML, concatenated, is the document's) and its plain text, plus what its
 * kind needs: a heading's level and id, a list's items, a quote's blocks,
 * an image's URL, alt text and caption, a table's cells, a code block's
 * language and code. What is nested inside a list item or quote is given
 * as HTML. A raw HTML block is a paragraph of escaped text; a paragraph
 * holding only an image whose URL is refused stays a paragraph of its alt
 * text.
 *
 * Returns: (transfer container) (element-type CdBlock): the blocks, in
 *   document order
 */
GPtrArray *
cd_markdown_to_blocks (const char *markdown,
                       gssize      length)
{
  Renderer r;
  GPtrArray *blocks;

  renderer_init (&r, TRUE, TRUE, TRUE);
  renderer_run (&r, markdown, length);

  blocks = g_steal_pointer (&r.blocks);
  renderer_clear (&r);
  return blocks;
}
