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

#define MAX_TREE_DEPTH      128
#define MAX_CONTAINER_DEPTH 32
#define MAX_LIST_NUMBER     999999999

typedef enum
{
  KIND_INLINE,
  KIND_BLOCK,
  KIND_DROP,
} ElementKind;

/* A Markdown container: the document, a block quote or a list item. */
typedef struct
{
  char     *marker;       /* written at the start of the first line */
  char     *indent;       /* written at the start of the other lines */
  gboolean  is_item;
  gboolean  started;      /* the marker has been written */
  gboolean  tight;        /* blocks follow each other without a blank line */
  gboolean  has_block;
  char      last_list;    /* the bullet or delimiter of the previous block, if a list */
} Container;

typedef struct
{
  GString *out;
  GArray  *containers;    /* Container */
  Inline  *para;          /* the paragraph being collected, if any */
} Converter;

/* Block kinds, to decide whether a list must be loose. */
typedef enum
{
  BLOCK_TEXT,
  BLOCK_P,
  BLOCK_HEADING,
  BLOCK_LIST,
  BLOCK_LIST_LATE_START,   /* an ordered list that does not start at 1 */
  BLOCK_QUOTE,
  BLOCK_CODE,
  BLOCK_RULE,
  BLOCK_TABLE,
  BLOCK_FIGURE,
} BlockKind;

static const char * const dropped_elements[] = {
  "head", "script", "style", "noscript", "template", "iframe", "object", "embed",
  "applet", "frame", "frameset", "noframes", "noembed", "svg", "canvas", "audio",
  "video", "select", "textarea", "button", "input", "title", "meta", "link", NULL
};

static const char * const block_elements[] = {
  "html", "body", "address", "article", "aside", "blockquote", "center", "dd",
  "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
  "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
  "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "legend",
  "listing", "xmp", "plaintext", "search", NULL
};

static void convert_children (Converter *self,
                              xmlNode   *first,
                              guint      depth);
static void convert_inline   (Converter *self,
                              Inline    *inl,
                              xmlNode   *node,
                              guint      depth);

/* Elements */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode            *node,
         const char * const *names)
{
  for (size_t i = 0; names[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

static ElementKind
element_kind (xmlNode *node)
{
  if (name_in (node, dropped_elements))
    return KIND_DROP;
  if (name_in (node, block_elements))
    return KIND_BLOCK;
  return KIND_INLINE;
}

static int
heading_level (xmlNode *node)
{
  const char *name = (const char *) node->name;

  if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    return name[1] - '0';

  return 0;
}

/* Returns the attribute's value, or NULL; free with g_free(). */
static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* Looks up a property in a style attribute: "font-weight: 700; …". */
static char *
style_property (xmlNode    *node,
                const char *property)
{
  g_autofree char *style = get_attribute (node, "style");
  g_auto(GStrv) declarations = NULL;

  if (style == NULL)
    return NULL;

  declarations = g_strsplit (style, ";", -1);
  for (size_t i = 0; declarations[i] != NULL; i++)
    {
      char *colon = strchr (declarations[i], ':');

      if (colon == NULL)
        continue;

      *colon = '\0';
      if (g_ascii_strcasecmp (g_strstrip (declarations[i]), property) == 0)
        return g_ascii_strdown (g_strstrip (colon + 1), -1);
    }

  return NULL;
}

/* The next node in document order below @root, skipping the children of
 * @node when @skip_children; NULL at the end. This walks a subtree without
 * recursion. */
static xmlNode *
next_in_subtree (xmlNode  *node,
                 xmlNode  *root,
                 gboolean  skip_children)
{
  if (!skip_children && node->children != NULL)
    return node->children;

  while (node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }

  return NULL;
}

static gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* Whether an element holds a block element (not inside a dropped one). */
static gboolean
contains_block (xmlNode *root)
{
  xmlNode *node = root->children != NULL ? root->children : NULL;

  while (node != NULL)
    {
      gboolean skip = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          ElementKind kind = element_kind (node);

          if (kind == KIND_BLOCK)
            return TRUE;
          skip = kind == KIND_DROP;
        }

      node = next_in_subtree (node, root, skip);
    }

  return FALSE;
}

/* Whether @root holds anything a reader sees: text or an image. */
static gboolean
has_content (xmlNode *root)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean skip = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (!is_blank_text ((const char *) node->content))
            return TRUE;
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (element_kind (node) == KIND_DROP)
            skip = TRUE;
          else if (is_element (node, "img") || is_element (node, "hr"))
            return TRUE;
        }

      node = next_in_subtree (node, root, skip);
    }

  return FALSE;
}

/* Appends the text of @root and its descendants, without recursion.
 * Line breaks (<br>) become @line_break; the children of dropped elements
 * are skipped. */
static void
collect_text (xmlNode    *root,
              GString    *out,
              const char *line_break)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean skip = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            g_string_append (out, (const char *) node->content);
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (element_kind (node) == KIND_DROP)
            skip = TRUE;
          else if (is_element (node, "br"))
            g_string_append (out, line_break);
        }
      else
        {
          skip = TRUE;
        }

      node = next_in_subtree (node, root, skip);
    }
}

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
static void
write_line (Converter  *self,
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
          write_line (self, p, strlen (p), FALSE);
          return;
        }

      write_line (self, p, newline - p, FALSE);
      p = newline + 1;
    }
}

/* Starts a block in the innermost container: a blank line separates it
 * from the block before, unless the container is a tight list item. */
static void
begin_block (Converter *self)
{
  Container *container = top_container (self);

  if (container->has_block && !container->tight)
    write_line (self, "", 0, TRUE);

  container->has_block = TRUE;
  container->last_list = '\0';
}

static void
ensure_paragraph (Converter *self)
{
  if (self->para == NULL)
    self->para = cd_inline_new (MODE_PARAGRAPH);
}

static void
flush_paragraph (Converter *self)
{
  g_autoptr(Inline) inl = g_steal_pointer (&self->para);
  g_autofree char *text = NULL;

  if (inl == NULL)
    return;

  text = cd_inline_finish (inl);
  if (text[0] == '\0')
    return;

  begin_block (self);
  write_lines (self, text);
}

/* Inline elements */

static void
convert_inline_children (Converter *self,
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
  g_autofree char *href = get_attribute (node, "href");
  g_autofree char *title = NULL;

  if (href != NULL)
    g_strstrip (href);

  if (href == NULL || inl->n_link > 0 || !cd_url_is_allowed (href))
    {
      /* A link that is not kept leaves its text. */
      convert_inline_children (self, inl, node, depth);
      return;
    }

  title = get_attribute (node, "title");

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
  convert_inline_children (self, inl, node, depth);
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

      collect_text (node, text, " ");
      cd_inline_text (inl, text->str, text->len);
      return;
    }

  switch (element_kind (node))
    {
    case KIND_DROP:
      return;

    case KIND_BLOCK:
      /* Only headings and table cells get here with blocks inside: they
       * are one line, so a block is a space. */
      cd_inline_space (inl, FALSE);
      convert_inline_children (self, inl, node, depth + 1);
      cd_inline_space (inl, FALSE);
      return;

    case KIND_INLINE:
    default:
      break;
    }

  if (is_element (node, "br"))
    {
      cd_inline_break (inl);
    }
  else if (is_element (node, "img"))
    {
      g_autofree char *src = get_attribute (node, "src");
      g_autofree char *alt = get_attribute (node, "alt");
      g_autofree char *title = get_attribute (node, "title");

      if (src != NULL)
        g_strstrip (src);
      cd_inline_image (inl, src, alt, title);
    }
  else if (is_element (node, "a"))
    {
      convert_link (self, inl, node, depth + 1);
    }
  else if (is_element (node, "code") || is_element (node, "tt") || is_element (node, "samp"))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      collect_text (node, text, " ");
      cd_inline_code (inl, text->str);
    }
  else
    {
      g_autofree char *weight = style_property (node, "font-weight");
      g_autofree char *font_style = style_property (node, "font-style");
      g_autofree char *decoration = style_property (node, "text-decoration");
      gboolean strong = is_element (node, "strong") || is_element (node, "b");
      gboolean em = is_element (node, "em") || is_element (node, "i");
      gboolean del = is_element (node, "del") || is_element (node, "s") ||
                     is_element (node, "strike");

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

      convert_inline_children (self, inl, node, depth + 1);

      while (pushed-- > 0)
        cd_inline_pop (inl);
    }
}

/* Whether a list needs blank lines between its items */

static void
classify_children (xmlNode  *first,
                   guint     depth,
                   GArray   *kinds,
                   gboolean *pending);

static gboolean figure_image (xmlNode  *figure,
                              xmlNode **img,
                              xmlNode **caption);

static void
add_kind (GArray    *kinds,
          gboolean  *pending,
          BlockKind  kind)
{
  if (*pending)
    {
      BlockKind text = BLOCK_TEXT;

      g_array_append_val (kinds, text);
      *pending = FALSE;
    }

  if (kind != BLOCK_TEXT)
    g_array_append_val (kinds, kind);
}

static guint
list_start (xmlNode *list)
{
  g_autofree char *start = get_attribute (list, "start");
  gint64 value;

  if (!is_element (list, "ol"))
    return 0;

  if (start == NULL)
    return 1;

  value = g_ascii_strtoll (start, NULL, 10);
  return (guint) CLAMP (value, 0, MAX_LIST_NUMBER);
}

static void
classify_node (xmlNode  *node,
               guint     depth,
               GArray   *kinds,
               gboolean *pending)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (!is_blank_text ((const char *) node->content))
        *pending = TRUE;
      return;
    }

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (depth > MAX_TREE_DEPTH)
    {
      if (has_content (node))
        *pending = TRUE;
      return;
    }

  switch (element_kind (node))
    {
    case KIND_DROP:
      return;

    case KIND_INLINE:
      if (contains_block (node))
        classify_children (node->children, depth + 1, kinds, pending);
      else if (has_content (node))
        *pending = TRUE;
      return;

    case KIND_BLOCK:
    default:
      break;
    }

  if (heading_level (node) > 0)
    add_kind (kinds, pending, BLOCK_HEADING);
  else if (is_element (node, "ul") || is_element (node, "ol"))
    add_kind (kinds, pending, is_element (node, "ol") && list_start (node) != 1 ?
                              BLOCK_LIST_LATE_START : BLOCK_LIST);
  else if (is_element (node, "blockquote"))
    add_kind (kinds, pending, BLOCK_QUOTE);
  else if (is_element (node, "pre") || is_element (node, "listing") ||
           is_element (node, "xmp") || is_element (node, "plaintext"))
    add_kind (kinds, pending, BLOCK_CODE);
  else if (is_element (node, "hr"))
    add_kind (kinds, pending, BLOCK_RULE);
  else if (is_element (node, "table"))
    add_kind (kinds, pending, BLOCK_TABLE);
  else if (is_element (node, "figure") && figure_image (node, NULL, NULL))
    add_kind (kinds, pending, BLOCK_FIGURE);
  else if (is_element (node, "p") && !contains_block (node))
    {
      add_kind (kinds, pending, BLOCK_TEXT);
      if (has_content (node))
        add_kind (kinds, pending, BLOCK_P);
    }
  else
    {
      add_kind (kinds, pending, BLOCK_TEXT);
      classify_children (node->children, depth + 1, kinds, pending);
      add_kind (kinds, pending, BLOCK_TEXT);
    }
}

static void
classify_children (xmlNode  *first,
                   guint     depth,
                   GArray   *kinds,
                   gboolean *pending)
{
  for (xmlNode *node = first; node != NULL; node = node->next)
    classify_node (node, depth, kinds, pending);
}

/* Whether @node is an item of a list: an <li>, or anything else with
 * content, which becomes an item of its own. */
static gboolean
is_list_item (xmlNode *node)
{
  if (node->type == XML_ELEMENT_NODE)
    return is_element (node, "li") || (element_kind (node) != KIND_DROP && has_content (node));

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    return !is_blank_text ((const char *) node->content);

  return FALSE;
}

/* A list is tight (no blank lines, no <p> in its items) unless an item
 * holds a paragraph element, or blocks that only a blank line can keep
 * apart in Markdown: text after a list, a quote or a table would continue
 * it, and a table, a rule or an ordered list not starting at 1 cannot
 * follow text directly. */
static gboolean
list_is_loose (xmlNode *list,
               guint    depth)
{
  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      g_autoptr(GArray) kinds = NULL;
      gboolean pending = FALSE;

      if (!is_list_item (item))
        continue;

      kinds = g_array_new (FALSE, FALSE, sizeof (BlockKind));
      if (is_element (item, "li"))
        classify_children (item->children, depth + 1, kinds, &pending);
      else
        classify_node (item, depth, kinds, &pending);
      add_kind (kinds, &pending, BLOCK_TEXT);

      for (guint i = 0; i < kinds->len; i++)
        {
          BlockKind kind = g_array_index (kinds, BlockKind, i);
          BlockKind before = i > 0 ? g_array_index (kinds, BlockKind, i - 1) : BLOCK_HEADING;

          if (kind == BLOCK_P || kind == BLOCK_FIGURE)
            return TRUE;

          if (i == 0)
            continue;

          if (kind == BLOCK_TEXT &&
              (before == BLOCK_TEXT || before == BLOCK_LIST || before == BLOCK_LIST_LATE_START ||
               before == BLOCK_QUOTE || before == BLOCK_TABLE))
            return TRUE;

          if (before == BLOCK_TEXT &&
              (kind == BLOCK_TABLE || kind == BLOCK_RULE || kind == BLOCK_LIST_LATE_START))
            return TRUE;

          if (kind == before && (kind == BLOCK_QUOTE || kind == BLOCK_TABLE))
            return TRUE;
        }
    }

  return FALSE;
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

  convert_inline_children (self, inl, node, depth + 1);
  text = cd_inline_finish (inl);

  for (int i = 0; i < level; i++)
    g_string_append_c (line, '#');
  if (text[0] != '\0')
    {
      g_string_append_c (line, ' ');
      g_string_append (line, text);
    }

  begin_block (self);
  write_line (self, line->str, line->len, FALSE);
}

static void
convert_list (Converter *self,
              xmlNode   *node,
              guint      depth)
{
  gboolean ordered = is_element (node, "ol");
  guint start = list_start (node);
  Container *parent;
  gboolean tight;
  char delimiter;
  guint n = 0;

  for (xmlNode *item = node->children; item != NULL; item = item->next)
    {
      if (is_list_item (item))
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

  tight = !list_is_loose (node, depth);
  begin_block (self);

  n = 0;
  for (xmlNode *item = node->children; item != NULL; item = item->next)
    {
      g_autofree char *marker = NULL;
      g_autofree char *indent = NULL;

      if (!is_list_item (item))
        continue;

      if (n > 0 && !tight)
        write_line (self, "", 0, TRUE);

      if (ordered)
        marker = g_strdup_printf ("%u%c ", (guint) MIN ((guint64) start + n, MAX_LIST_NUMBER),
                                  delimiter);
      else
        marker = g_strdup_printf ("%c ", delimiter);
      indent = g_strnfill (strlen (marker), ' ');

      push_container (self, marker, indent, TRUE, tight);

      if (is_element (item, "li"))
        convert_children (self, item->children, depth + 1);
      else
        convert_node (self, item, depth);
      flush_paragraph (self);

      /* An empty item is its marker alone. */
      if (!top_container (self)->started)
        write_line (self, "", 0, FALSE);

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
  begin_block (self);
  push_container (self, "> ", "> ", FALSE, FALSE);

  convert_children (self, node->children, depth + 1);
  flush_paragraph (self);

  if (!top_container (self)->has_block)
    write_line (self, "", 0, FALSE);

  pop_container (self);
}

/* The language of a code block, from class="language-…" or "lang-…" on
 * the <code> inside or on the <pre> itself. */
static char *
code_language (xmlNode *pre)
{
  xmlNode *candidates[2] = { NULL, pre };

  for (xmlNode *child = pre->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          if (is_element (child, "code"))
            candidates[0] = child;
          break;
        }
    }

  for (size_t i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *classes = NULL;
      g_auto(GStrv) tokens = NULL;

      if (candidates[i] == NULL)
        continue;

      classes = get_attribute (candidates[i], "class");
      if (classes == NULL)
        continue;

      tokens = g_strsplit_set (classes, " \t\n\r\f", -1);
      for (size_t j = 0; tokens[j] != NULL; j++)
        {
          const char *language = NULL;

          if (g_str_has_prefix (tokens[j], "language-"))
            language = tokens[j] + strlen ("language-");
          else if (g_str_has_prefix (tokens[j], "lang-"))
            language = tokens[j] + strlen ("lang-");

          /* A backtick cannot be in the info string of a backtick fence. */
          if (language != NULL && language[0] != '\0' && strchr (language, '`') == NULL)
            return g_strdup (language);
        }
    }

  return NULL;
}

static void
convert_pre (Converter *self,
             xmlNode   *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) code = g_string_new (NULL);
  g_autoptr(GString) fence = g_string_new (NULL);
  g_autofree char *language = code_language (node);
  gsize longest = 0;
  gsize run = 0;
  const char *p;

  collect_text (node, raw, "\n");

  /* HTML ignores a line break just after <pre>. */
  p = raw->str;
  if (node->children != NULL && node->children->type == XML_TEXT_NODE && *p == '\n')
    p++;

  for (; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (code, '\n');
          if (p[1] == '\n')
            p++;
          continue;
        }

      if (*p == '`')
        {
          run++;
          longest = MAX (longest, run);
        }
      else
        run = 0;

      g_string_append_c (code, *p);
    }

  if (code->len > 0 && code->str[code->len - 1] == '\n')
    g_string_truncate (code, code->len - 1);

  for (gsize i = 0; i < MAX (longest + 1, 3); i++)
    g_string_append_c (fence, '`');

  begin_block (self);

  if (language != NULL)
    {
      g_autofree char *opening = g_strconcat (fence->str, language, NULL);

      write_line (self, opening, strlen (opening), FALSE);
    }
  else
    {
      write_line (self, fence->str, fence->len, FALSE);
    }

  if (code->len > 0 || (raw->len > 0 && p != raw->str))
    {
      const char *line = code->str;

      for (;;)
        {
          const char *newline = strchr (line, '\n');

          if (newline == NULL)
            {
              write_line (self, line, strlen (line), FALSE);
              break;
            }

          write_line (self, line, newline - line, FALSE);
          line = newline + 1;
        }
    }

  write_line (self, fence->str, fence->len, FALSE);
}

static void
convert_rule (Converter *self)
{
  Container *container;

  begin_block (self);

  /* "- ---" would be a rule, not an item holding one. */
  container = top_container (self);
  if (container->is_item && !container->started && container->marker[0] != '*')
    write_line (self, "***", 3, FALSE);
  else
    write_line (self, "---", 3, FALSE);
}

static const char *
cell_alignment (xmlNode *cell)
{
  g_autofree char *align = style_property (cell, "text-align");

  if (align == NULL)
    {
      align = get_attribute (cell, "align");
      if (align != NULL)
        {
          char *lower = g_ascii_strdown (align, -1);

          g_free (align);
          align = lower;
        }
    }

  if (align == NULL)
    return "---";
  if (strcmp (align, "left") == 0)
    return ":---";
  if (strcmp (align, "center") == 0)
    return ":---:";
  if (strcmp (align, "right") == 0)
    return "---:";
  return "---";
}

static void
convert_row (Converter *self,
             xmlNode   *row,
             GPtrArray *rows,
             GPtrArray *alignments,
             guint      depth)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    {
      g_autoptr(Inline) inl = NULL;

      if (!is_element (cell, "td") && !is_element (cell, "th"))
        continue;

      inl = cd_inline_new (MODE_CELL);
      convert_inline_children (self, inl, cell, depth + 1);
      g_ptr_array_add (cells, cd_inline_finish (inl));

      if (rows->len == 0)
        g_ptr_array_add (alignments, (gpointer) cell_alignment (cell));
    }

  if (cells->len == 0)
    {
      g_ptr_array_unref (cells);
      return;
    }

  g_ptr_array_add (rows, cells);
}

static void
append_row (GString   *line,
            GPtrArray *cells,
            guint      n_columns)
{
  g_string_truncate (line, 0);
  g_string_append_c (line, '|');

  for (guint i = 0; i < n_columns; i++)
    {
      const char *cell = i < cells->len ? g_ptr_array_index (cells, i) : "";

      g_string_append_c (line, ' ');
      g_string_append (line, cell);
      g_string_append (line, " |");
    }
}

static void
convert_table (Converter *self,
               xmlNode   *node,
               guint      depth)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) alignments = g_ptr_array_new ();
  g_autoptr(GString) caption = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  guint n_columns = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "tr"))
        {
          convert_row (self, child, rows, alignments, depth + 1);
        }
      else if (is_element (child, "thead") || is_element (child, "tbody") ||
               is_element (child, "tfoot"))
        {
          for (xmlNode *row = child->children; row != NULL; row = row->next)
            {
              if (is_element (row, "tr"))
                convert_row (self, row, rows, alignments, depth + 2);
            }
        }
      else if (is_element (child, "caption"))
        {
          collect_text (child, caption, " ");
        }
    }

  if (!is_blank_text (caption->str))
    {
      ensure_paragraph (self);
      cd_inline_text (self->para, caption->str, caption->len);
      flush_paragraph (self);
    }

  for (guint i = 0; i < rows->len; i++)
    n_columns = MAX (n_columns, ((GPtrArray *) g_ptr_array_index (rows, i))->len);

  if (n_columns == 0)
    return;

  begin_block (self);

  append_row (line, g_ptr_array_index (rows, 0), n_columns);
  write_line (self, line->str, line->len, FALSE);

  g_string_assign (line, "|");
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append_c (line, ' ');
      g_string_append (line, i < alignments->len ?
                             (const char *) g_ptr_array_index (alignments, i) : "---");
      g_string_append (line, " |");
    }
  write_line (self, line->str, line->len, FALSE);

  for (guint i = 1; i < rows->len; i++)
    {
      append_row (line, g_ptr_array_index (rows, i), n_columns);
      write_line (self, line->str, line->len, FALSE);
    }
}

/* Whether a figure is one image with an optional caption, which Markdown
 * writes as an image whose title is the caption. */
static gboolean
figure_image (xmlNode  *figure,
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
          if (!is_blank_text ((const char *) node->content))
            return FALSE;
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (element_kind (node) == KIND_DROP)
            {
              skip = TRUE;
            }
          else if (is_element (node, "figcaption") && caption == NULL)
            {
              caption = node;
              skip = TRUE;
            }
          else if (is_element (node, "img"))
            {
              if (img != NULL)
                return FALSE;
              img = node;
            }
          else if (!is_element (node, "a") && !is_element (node, "picture") &&
                   !is_element (node, "span") && !is_element (node, "div") &&
                   !is_element (node, "source") &&
                   !is_element (node, "p"))
            {
              return FALSE;
            }
        }
      else
        {
          skip = TRUE;
        }

      node = next_in_subtree (node, figure, skip);
    }

  if (img == NULL)
    return FALSE;

  src = get_attribute (img, "src");
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

  if (!figure_image (node, &img, &caption))
    {
      convert_children (self, node->children, depth + 1);
      flush_paragraph (self);
      return;
    }

  src = get_attribute (img, "src");
  g_strstrip (src);
  alt = get_attribute (img, "alt");

  if (caption != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      collect_text (caption, text, " ");
      title = cd_html_collapse_space (text->str);
    }
  if (title == NULL || title[0] == '\0')
    {
      g_free (title);
      title = get_attribute (img, "title");
    }

  /* An image that is a link stays one. */
  for (xmlNode *parent = img->parent; parent != NULL && parent != node; parent = parent->parent)
    {
      if (is_element (parent, "a"))
        {
          href = get_attribute (parent, "href");
          if (href != NULL && !cd_url_is_allowed (g_strstrip (href)))
            g_clear_pointer (&href, g_free);
          break;
        }
    }

  ensure_paragraph (self);
  if (href != NULL)
    cd_inline_push (self->para, SPAN_LINK, href, NULL);
  cd_inline_image (self->para, src, alt, title);
  if (href != NULL)
    cd_inline_pop (self->para);
  flush_paragraph (self);
}

static void
convert_block (Converter *self,
               xmlNode   *node,
               guint      depth)
{
  int level = heading_level (node);
  gboolean nest = self->containers->len <= MAX_CONTAINER_DEPTH;

  if (level > 0)
    convert_heading (self, node, level, depth);
  else if (nest && (is_element (node, "ul") || is_element (node, "ol")))
    convert_list (self, node, depth);
  else if (nest && is_element (node, "blockquote"))
    convert_quote (self, node, depth);
  else if (is_element (node, "pre") || is_element (node, "listing") ||
           is_element (node, "xmp") || is_element (node, "plaintext"))
    convert_pre (self, node);
  else if (is_element (node, "hr"))
    convert_rule (self);
  else if (is_element (node, "table"))
    convert_table (self, node, depth);
  else if (is_element (node, "figure"))
    convert_figure (self, node, depth);
  else
    {
      /* p, div, section, li outside a list …: their content, as blocks. */
      convert_children (self, node->children, depth + 1);
      flush_paragraph (self);
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

      if (self->para != NULL || !is_blank_text (text))
        {
          ensure_paragraph (self);
          cd_inline_text_str (self->para, text);
        }
      return;
    }

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (depth > MAX_TREE_DEPTH)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      collect_text (node, text, " ");
      ensure_paragraph (self);
      cd_inline_text (self->para, text->str, text->len);
      return;
    }

  switch (element_kind (node))
    {
    case KIND_DROP:
      break;

    case KIND_INLINE:
      if (contains_block (node))
        {
          convert_children (self, node->children, depth + 1);
        }
      else
        {
          ensure_paragraph (self);
          convert_inline (self, self->para, node, depth);
        }
      break;

    case KIND_BLOCK:
    default:
      flush_paragraph (self);
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
  flush_paragraph (&self);

  xmlFreeDoc (doc);
  g_array_unref (self.containers);

  while (self.out->len > 0 && self.out->str[self.out->len - 1] == '\n')
    g_string_truncate (self.out, self.out->len - 1);
  if (self.out->len > 0)
    g_string_append_c (self.out, '\n');

  return g_string_free (self.out, FALSE);
}
