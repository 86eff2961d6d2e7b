/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-html-markdown"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "cd-html-markdown.h"
#include "cd-html-markdown-private.h"
#include "cd-url.h"

/*
 * HTML to Markdown
 *
 * cd_html_to_markdown() turns the HTML of an imported ninjs body, or of what
 * a browser puts on the clipboard, into the CommonMark (with GitHub tables
 * and strikethrough) that the body editor holds. Its aim is that rendering
 * the Markdown with cd_markdown_to_html() gives back the same document, and
 * that the Markdown of our own HTML is stable: converting, rendering and
 * converting again gives the same Markdown.
 *
 * Decisions:
 *
 * - libxml2's HTML parser reads the input as UTF-8 (invalid bytes and NUL
 *   become U+FFFD first), without network access and without blank-node
 *   removal: white space is collapsed here, as a browser does, because
 *   libxml2's blank heuristics drop spaces between inline elements.
 * - A run of white space becomes one space, or one line break (a Markdown
 *   soft break, which a browser shows as a space) if it holds a line break.
 *   Keeping line breaks keeps our own HTML byte for byte; they cannot start
 *   a block, because every line start is escaped where it needs to be.
 * - Block elements (p, div, section, li outside a list …) end a paragraph;
 *   an inline element that holds a block element is treated as a block
 *   container, its formatting dropped (Google Docs wraps the whole clipboard
 *   in a <b> that is not bold).
 * - Kept: p, h1–h6 (ATX), em/i, strong/b, del/s/strike, code, pre (fenced,
 *   with a fence longer than any backtick run inside, language from
 *   class="language-…"), a (http, https, mailto, relative and fragment
 *   URLs only, as cd_url_is_allowed() decides; any other link leaves its
 *   text), img (any other source leaves the alt text), ul/ol with start,
 *   nested lists, blockquote, br, hr, table (a GitHub table whose cells
 *   are inline; alignment kept), figure with one image and a figcaption
 *   (an image whose title is the caption, as our renderer writes one).
 *   Inline styles for bold, italic and line-through are honoured, and a
 *   <b> with font-weight: normal is not bold, since that is how word
 *   processors mark text up.
 * - Dropped with their content: head, script, style, noscript, template,
 *   iframe, object, embed, applet, frame, frameset, noframes, svg, canvas,
 *   audio, video, and form controls. Every other element is its text.
 * - Text is escaped so that it stays literal: \ * ` < [ ~ always, _ unless
 *   it is inside a word, & where it would start an entity, ] inside link
 *   text, | in table cells, and at the start of a line whatever would start
 *   a block there (# > - + = : | and "1." or "1)"). Bare URLs, www. names
 *   and e-mail addresses are escaped so that our renderer does not turn
 *   them into links that the HTML did not have.
 * - Emphasis whose delimiters CommonMark would not accept where they fall
 *   (for example inside a word after punctuation) is dropped rather than
 *   left as stray asterisks.
 * - Lists are tight unless an item holds a paragraph element or blocks
 *   that Markdown can only separate with a blank line. Adjacent lists
 *   alternate their bullet (- and *) or delimiter (. and )) so that they
 *   stay separate lists.
 * - The tree is walked recursively, but never deeper than MAX_TREE_DEPTH
 *   elements: below that, an element is its text, collected without
 *   recursion. Quotes and list items nest at most MAX_CONTAINER_DEPTH deep
 *   in the Markdown; deeper ones keep their content without their own
 *   level.
 * - The HTML is read into a tree by cd-html-markdown-parse.c, which keeps
 *   all of its text however deep or wide the markup.
 */

static void convert_children (Converter *self,
                              xmlNode   *first,
                              guint      depth);
static void convert_inline   (Converter *self,
                              Inline    *inl,
                              xmlNode   *node,
                              guint      depth);

/* Block structure */

static Container *
top_container (Converter *self)
{
  g_assert (self->containers->len > 0);

  return &g_array_index (self->containers, Container, self->containers->len - 1);
}

static void
push_container (Converter  *self,
                const char *marker,
                const char *indent,
                gboolean    is_item,
                gboolean    tight)
{
  Container container = { 0 };

  container.marker = g_strdup (marker);
  container.indent = g_strdup (indent);
  container.is_item = is_item;
  container.tight = tight;
  g_array_append_val (self->containers, container);
}

/* The array's clear function frees the container's strings. */
static void
pop_container (Converter *self)
{
  g_assert (self->containers->len > 1);

  g_array_set_size (self->containers, self->containers->len - 1);
}

static void
clear_container (gpointer data)
{
  Container *container = data;

  g_free (container->marker);
  g_free (container->indent);
}

/* Writes one line with the prefixes of the open containers: a list item's
 * marker on its first line, its indentation on the others. A line with
 * nothing after its prefixes loses their trailing spaces. */
void
cd_html_markdown_write_line (Converter  *self,
                             const char *line,
                             gsize       length,
                             gboolean    blank)
{
  GString *out = self->out;

  for (guint i = 0; i < self->containers->len; i++)
    {
      Container *container = &g_array_index (self->containers, Container, i);

      if (container->is_item && !container->started && !blank)
        {
          g_string_append (out, container->marker);
          container->started = TRUE;
        }
      else
        {
          g_string_append (out, container->indent);
        }
    }

  if (length == 0)
    {
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
    }
  else
    {
      g_string_append_len (out, line, length);
    }

  g_string_append_c (out, '\n');
}

static void
write_lines (Converter  *self,
             const char *text)
{
  const char *p = text;

  for (;;)
    {
      const char *newline = strchr (p, '\n');

      if (newline == NULL)
        {
          cd_html_markdown_write_line (self, p, strlen (p), FALSE);
          return;
        }

      cd_html_markdown_write_line (self, p, newline - p, FALSE);
      p = newline + 1;
    }
}

/* Starts a block in the innermost container: a blank line separates it
 * from the block before, unless the container is a tight list item. */
void
cd_html_markdown_begin_block (Converter *self)
{
  Container *container = top_container (self);

  if (container->has_block && !container->tight)
    cd_html_markdown_write_line (self, "", 0, TRUE);

  container->has_block = TRUE;
  container->last_list = '\0';
}

void
cd_html_markdown_ensure_paragraph (Converter *self)
{
  if (self->para == NULL)
    self->para = cd_inline_new (MODE_PARAGRAPH);
}

void
cd_html_markdown_flush_paragraph (Converter *self)
{
  g_autoptr(Inline) inl = g_steal_pointer (&self->para);
  g_autofree char *text = NULL;

  if (inl == NULL)
    return;

  text = cd_inline_finish (inl);
  if (text[0] == '\0')
    return;

  cd_html_markdown_begin_block (self);
  write_lines (self, text);
}

/* Inline elements */

void
cd_html_markdown_convert_inline_children (Converter *self,
                                          Inline    *inl,
                                          xmlNode   *node,
                                          guint      depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    convert_inline (self, inl, child, depth);
}

static gboolean
style_is_bold (const char *weight)
{
  if (weight == NULL)
    return FALSE;

  if (strcmp (weight, "bold") == 0 || strcmp (weight, "bolder") == 0)
    return TRUE;

  return g_ascii_isdigit (weight[0]) && g_ascii_strtoll (weight, NULL, 10) >= 600;
}

static void
convert_link (Converter *self,
              Inline    *inl,
              xmlNode   *node,
              guint      depth)
{
  g_autofree char *href = cd_html_markdown_get_attribute (node, "href");
  g_autofree char *title = NULL;

  if (href != NULL)
    g_strstrip (href);

  if (href == NULL || inl->n_link > 0 || !cd_url_is_allowed (href))
    {
      /* A link that is not kept leaves its text. */
      cd_html_markdown_convert_inline_children (self, inl, node, depth);
      return;
    }

  title = cd_html_markdown_get_attribute (node, "title");

  if (title == NULL && node->children != NULL && node->children->next == NULL &&
      node->children->type == XML_TEXT_NODE &&
      cd_inline_is_autolink ((const char *) node->children->content, href))
    {
      cd_inline_prepare (inl);
      inl->line_start = FALSE;
      g_string_append_c (inl->buf, '<');
      g_string_append (inl->buf, (const char *) node->children->content);
      g_string_append_c (inl->buf, '>');
      return;
    }

  cd_inline_push (inl, SPAN_LINK, href, title);
  cd_html_markdown_convert_inline_children (self, inl, node, depth);
  cd_inline_pop (inl);
}

static void
convert_inline (Converter *self,
                Inline    *inl,
                xmlNode   *node,
                guint      depth)
{
  guint pushed = 0;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      cd_inline_text_str (inl, (const char *) node->content);
      return;
    }

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (depth > MAX_TREE_DEPTH)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      cd_html_markdown_collect_text (node, text, " ");
      cd_inline_text (inl, text->str, text->len);
      return;
    }

  switch (cd_html_markdown_element_kind (node))
    {
    case KIND_DROP:
      return;

    case KIND_BLOCK:
      /* Only headings and table cells get here with blocks inside: they
       * are one line, so a block is a space. */
      cd_inline_space (inl, FALSE);
      cd_html_markdown_convert_inline_children (self, inl, node, depth + 1);
      cd_inline_space (inl, FALSE);
      return;

    case KIND_INLINE:
    default:
      break;
    }

  if (cd_html_markdown_is_element (node, "br"))
    {
      cd_inline_break (inl);
    }
  else if (cd_html_markdown_is_element (node, "img"))
    {
      g_autofree char *src = cd_html_markdown_get_attribute (node, "src");
      g_autofree char *alt = cd_html_markdown_get_attribute (node, "alt");
      g_autofree char *title = cd_html_markdown_get_attribute (node, "title");

      if (src != NULL)
        g_strstrip (src);
      cd_inline_image (inl, src, alt, title);
    }
  else if (cd_html_markdown_is_element (node, "a"))
    {
      convert_link (self, inl, node, depth + 1);
    }
  else if (cd_html_markdown_is_element (node, "code") || cd_html_markdown_is_element (node, "tt") || cd_html_markdown_is_element (node, "samp"))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      cd_html_markdown_collect_text (node, text, " ");
      cd_inline_code (inl, text->str);
    }
  else
    {
      g_autofree char *weight = cd_html_markdown_style_property (node, "font-weight");
      g_autofree char *font_style = cd_html_markdown_style_property (node, "font-style");
      g_autofree char *decoration = cd_html_markdown_style_property (node, "text-decoration");
      gboolean strong = cd_html_markdown_is_element (node, "strong") || cd_html_markdown_is_element (node, "b");
      gboolean em = cd_html_markdown_is_element (node, "em") || cd_html_markdown_is_element (node, "i");
      gboolean del = cd_html_markdown_is_element (node, "del") || cd_html_markdown_is_element (node, "s") ||
                     cd_html_markdown_is_element (node, "strike");

      /* Word processors write <b style="font-weight: normal"> around text
       * that is not bold, and bold or italic text as styled spans. */
      if (weight != NULL)
        strong = style_is_bold (weight);
      if (font_style != NULL &&
          (strcmp (font_style, "italic") == 0 || strcmp (font_style, "oblique") == 0))
        em = TRUE;
      if (decoration != NULL && strstr (decoration, "line-through") != NULL)
        del = TRUE;

      /* The same emphasis inside itself shows once. */
      if (strong && inl->n_strong == 0)
        {
          cd_inline_push (inl, SPAN_STRONG, NULL, NULL);
          pushed++;
        }
      if (em && inl->n_em == 0)
        {
          cd_inline_push (inl, SPAN_EM, NULL, NULL);
          pushed++;
        }
      if (del && inl->n_del == 0)
        {
          cd_inline_push (inl, SPAN_DEL, NULL, NULL);
          pushed++;
        }

      cd_html_markdown_convert_inline_children (self, inl, node, depth + 1);

      while (pushed-- > 0)
        cd_inline_pop (inl);
    }
}

/* Block elements */

static void
convert_node (Converter *self,
              xmlNode   *node,
              guint      depth);

static void
convert_heading (Converter *self,
                 xmlNode   *node,
                 int        level,
                 guint      depth)
{
  g_autoptr(Inline) inl = cd_inline_new (MODE_HEADING);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *text = NULL;

  cd_html_markdown_convert_inline_children (self, inl, node, depth + 1);
  text = cd_inline_finish (inl);

  for (int i = 0; i < level; i++)
    g_string_append_c (line, '#');
  if (text[0] != '\0')
    {
      g_string_append_c (line, ' ');
      g_string_append (line, text);
    }

  cd_html_markdown_begin_block (self);
  cd_html_markdown_write_line (self, line->str, line->len, FALSE);
}

static void
convert_list (Converter *self,
              xmlNode   *node,
              guint      depth)
{
  gboolean ordered = cd_html_markdown_is_element (node, "ol");
  guint start = cd_html_markdown_list_start (node);
  Container *parent;
  gboolean tight;
  char delimiter;
  guint n = 0;

  for (xmlNode *item = node->children; item != NULL; item = item->next)
    {
      if (cd_html_markdown_is_list_item (item))
        n++;
    }

  if (n == 0)
    return;

  /* Two lists in a row stay two lists only with different bullets. A
   * list that starts an item takes the other bullet too: "- - -" on one
   * line would be a thematic break. */
  parent = top_container (self);
  if (ordered)
    delimiter = parent->last_list == '.' ? ')' : '.';
  else if (parent->is_item && !parent->started && parent->marker[0] == '-')
    delimiter = '*';
  else
    delimiter = parent->last_list == '-' ? '*' : '-';

  tight = !cd_html_markdown_list_is_loose (node, depth);
  cd_html_markdown_begin_block (self);

  n = 0;
  for (xmlNode *item = node->children; item != NULL; item = item->next)
    {
      g_autofree char *marker = NULL;
      g_autofree char *indent = NULL;

      if (!cd_html_markdown_is_list_item (item))
        continue;

      if (n > 0 && !tight)
        cd_html_markdown_write_line (self, "", 0, TRUE);

      if (ordered)
        marker = g_strdup_printf ("%u%c ", (guint) MIN ((guint64) start + n, MAX_LIST_NUMBER),
                                  delimiter);
      else
        marker = g_strdup_printf ("%c ", delimiter);
      indent = g_strnfill (strlen (marker), ' ');

      push_container (self, marker, indent, TRUE, tight);

      if (cd_html_markdown_is_element (item, "li"))
        convert_children (self, item->children, depth + 1);
      else
        convert_node (self, item, depth);
      cd_html_markdown_flush_paragraph (self);

      /* An empty item is its marker alone. */
      if (!top_container (self)->started)
        cd_html_markdown_write_line (self, "", 0, FALSE);

      pop_container (self);
      n++;
    }

  top_container (self)->last_list = delimiter;
}

static void
convert_quote (Converter *self,
               xmlNode   *node,
               guint      depth)
{
  cd_html_markdown_begin_block (self);
  push_container (self, "> ", "> ", FALSE, FALSE);

  convert_children (self, node->children, depth + 1);
  cd_html_markdown_flush_paragraph (self);

  if (!top_container (self)->has_block)
    cd_html_markdown_write_line (self, "", 0, FALSE);

  pop_container (self);
}

static void
convert_rule (Converter *self)
{
  Container *container;

  cd_html_markdown_begin_block (self);

  /* "- ---" would be a rule, not an item holding one. */
  container = top_container (self);
  if (container->is_item && !container->started && container->marker[0] != '*')
    cd_html_markdown_write_line (self, "***", 3, FALSE);
  else
    cd_html_markdown_write_line (self, "---", 3, FALSE);
}

/* Whether a figure is one image with an optional caption, which Markdown
 * writes as an image whose title is the caption. */
gboolean
cd_html_markdown_figure_image (xmlNode  *figure,
                               xmlNode **img_out,
                               xmlNode **caption_out)
{
  xmlNode *img = NULL;
  xmlNode *caption = NULL;
  xmlNode *node = figure->children;
  g_autofree char *src = NULL;

  while (node != NULL)
    {
      gboolean skip = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (!cd_html_markdown_is_blank_text ((const char *) node->content))
            return FALSE;
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (cd_html_markdown_element_kind (node) == KIND_DROP)
            {
              skip = TRUE;
            }
          else if (cd_html_markdown_is_element (node, "figcaption") && caption == NULL)
            {
              caption = node;
              skip = TRUE;
            }
          else if (cd_html_markdown_is_element (node, "img"))
            {
              if (img != NULL)
                return FALSE;
              img = node;
            }
          else if (!cd_html_markdown_is_element (node, "a") && !cd_html_markdown_is_element (node, "picture") &&
                   !cd_html_markdown_is_element (node, "span") && !cd_html_markdown_is_element (node, "div") &&
                   !cd_html_markdown_is_element (node, "source") &&
                   !cd_html_markdown_is_element (node, "p"))
            {
              return FALSE;
            }
        }
      else
        {
          skip = TRUE;
        }

      node = cd_html_markdown_next_in_subtree (node, figure, skip);
    }

  if (img == NULL)
    return FALSE;

  src = cd_html_markdown_get_attribute (img, "src");
  if (src == NULL || !cd_url_is_allowed (g_strstrip (src)))
    return FALSE;

  if (img_out != NULL)
    *img_out = img;
  if (caption_out != NULL)
    *caption_out = caption;
  return TRUE;
}

static void
convert_figure (Converter *self,
                xmlNode   *node,
                guint      depth)
{
  xmlNode *img = NULL;
  xmlNode *caption = NULL;
  g_autofree char *src = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *title = NULL;
  g_autofree char *href = NULL;

  if (!cd_html_markdown_figure_image (node, &img, &caption))
    {
      convert_children (self, node->children, depth + 1);
      cd_html_markdown_flush_paragraph (self);
      return;
    }

  src = cd_html_markdown_get_attribute (img, "src");
  g_strstrip (src);
  alt = cd_html_markdown_get_attribute (img, "alt");

  if (caption != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      cd_html_markdown_collect_text (caption, text, " ");
      title = cd_html_collapse_space (text->str);
    }
  if (title == NULL || title[0] == '\0')
    {
      g_free (title);
      title = cd_html_markdown_get_attribute (img, "title");
    }

  /* An image that is a link stays one. */
  for (xmlNode *parent = img->parent; parent != NULL && parent != node; parent = parent->parent)
    {
      if (cd_html_markdown_is_element (parent, "a"))
        {
          href = cd_html_markdown_get_attribute (parent, "href");
          if (href != NULL && !cd_url_is_allowed (g_strstrip (href)))
            g_clear_pointer (&href, g_free);
          break;
        }
    }

  cd_html_markdown_ensure_paragraph (self);
  if (href != NULL)
    cd_inline_push (self->para, SPAN_LINK, href, NULL);
  cd_inline_image (self->para, src, alt, title);
  if (href != NULL)
    cd_inline_pop (self->para);
  cd_html_markdown_flush_paragraph (self);
}

static void
convert_block (Converter *self,
               xmlNode   *node,
               guint      depth)
{
  int level = cd_html_markdown_heading_level (node);
  gboolean nest = self->containers->len <= MAX_CONTAINER_DEPTH;

  if (level > 0)
    convert_heading (self, node, level, depth);
  else if (nest && (cd_html_markdown_is_element (node, "ul") || cd_html_markdown_is_element (node, "ol")))
    convert_list (self, node, depth);
  else if (nest && cd_html_markdown_is_element (node, "blockquote"))
    convert_quote (self, node, depth);
  else if (cd_html_markdown_is_element (node, "pre") || cd_html_markdown_is_element (node, "listing") ||
           cd_html_markdown_is_element (node, "xmp") || cd_html_markdown_is_element (node, "plaintext"))
    cd_html_markdown_convert_pre (self, node);
  else if (cd_html_markdown_is_element (node, "hr"))
    convert_rule (self);
  else if (cd_html_markdown_is_element (node, "table"))
    cd_html_markdown_convert_table (self, node, depth);
  else if (cd_html_markdown_is_element (node, "figure"))
    convert_figure (self, node, depth);
  else
    {
      /* p, div, section, li outside a list …: their content, as blocks. */
      convert_children (self, node->children, depth + 1);
      cd_html_markdown_flush_paragraph (self);
    }
}

static void
convert_node (Converter *self,
              xmlNode   *node,
              guint      depth)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      const char *text = (const char *) node->content;

      if (self->para != NULL || !cd_html_markdown_is_blank_text (text))
        {
          cd_html_markdown_ensure_paragraph (self);
          cd_inline_text_str (self->para, text);
        }
      return;
    }

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (depth > MAX_TREE_DEPTH)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      cd_html_markdown_collect_text (node, text, " ");
      cd_html_markdown_ensure_paragraph (self);
      cd_inline_text (self->para, text->str, text->len);
      return;
    }

  switch (cd_html_markdown_element_kind (node))
    {
    case KIND_DROP:
      break;

    case KIND_INLINE:
      if (cd_html_markdown_contains_block (node))
        {
          convert_children (self, node->children, depth + 1);
        }
      else
        {
          cd_html_markdown_ensure_paragraph (self);
          convert_inline (self, self->para, node, depth);
        }
      break;

    case KIND_BLOCK:
    default:
      cd_html_markdown_flush_paragraph (self);
      convert_block (self, node, depth);
      break;
    }
}

static void
convert_children (Converter *self,
                  xmlNode   *first,
                  guint      depth)
{
  for (xmlNode *node = first; node != NULL; node = node->next)
    convert_node (self, node, depth);
}

/**
 * cd_html_to_markdown:
 * @html: (nullable): HTML: a fragment or a whole document
 * @length: the length of @html in bytes, or -1 if it is nul-terminated
 *
 * Converts HTML into the Markdown the body editor holds (CommonMark with
 * GitHub tables and strikethrough): paragraphs, headings, emphasis, links,
 * images, lists, quotes, code, line breaks, rules and tables keep their
 * structure, figures become images whose title is the caption, and any
 * other element is its text. Scripts, styles and other content that is not
 * text are dropped, and so are links and images whose URL is not http,
 * https, mailto or relative (their text or alt text stays). Text is
 * escaped so that it reads literally, and white space is collapsed as a
 * browser does. Hostile input (deep nesting, invalid UTF-8) is safe.
 *
 * Rendering the result with cd_markdown_to_html() gives the same document;
 * for the HTML that cd_markdown_to_html() writes, the same HTML.
 *
 * Returns: (transfer full): the Markdown, ending in one newline, or "" if
 *   @html has no text
 */
char *
cd_html_to_markdown (const char *html,
                     gssize      length)
{
  g_autofree char *clean = NULL;
  htmlDocPtr doc;
  Converter self = { 0 };
  xmlNode *root;
  gsize len;

  if (html == NULL)
    return g_strdup ("");

  len = length < 0 ? strlen (html) : (gsize) length;
  if (len == 0 || len > G_MAXINT)
    return g_strdup ("");

  /* libxml2 stops at a NUL byte; g_utf8_make_valid() replaces NUL and
   * invalid bytes with U+FFFD. */
  clean = g_utf8_make_valid (html, len);
  if (clean[0] == '\0')
    return g_strdup ("");

  doc = cd_html_markdown_parse (clean);
  if (doc == NULL)
    return g_strdup ("");

  self.out = g_string_new (NULL);
  self.containers = g_array_new (FALSE, TRUE, sizeof (Container));
  g_array_set_clear_func (self.containers, clear_container);
  push_container (&self, "", "", FALSE, FALSE);

  root = xmlDocGetRootElement (doc);
  if (root != NULL)
    convert_node (&self, root, 0);
  cd_html_markdown_flush_paragraph (&self);

  xmlFreeDoc (doc);
  g_array_unref (self.containers);

  while (self.out->len > 0 && self.out->str[self.out->len - 1] == '\n')
    g_string_truncate (self.out, self.out->len - 1);
  if (self.out->len > 0)
    g_string_append_c (self.out, '\n');

  return g_string_free (self.out, FALSE);
}
