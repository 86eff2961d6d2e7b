/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Questions about the HTML tree for cd_html_to_markdown(): what an
 * element is (inline, block or dropped), its attributes and style, whether
 * it holds blocks or anything a reader sees, and its text. */

#include "config.h"

#define G_LOG_DOMAIN "cd-html-markdown"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "cd-html-markdown-private.h"

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

/* Elements */

gboolean
cd_html_markdown_is_element (xmlNode    *node,
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

ElementKind
cd_html_markdown_element_kind (xmlNode *node)
{
  if (name_in (node, dropped_elements))
    return KIND_DROP;
  if (name_in (node, block_elements))
    return KIND_BLOCK;
  return KIND_INLINE;
}

int
cd_html_markdown_heading_level (xmlNode *node)
{
  const char *name = (const char *) node->name;

  if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    return name[1] - '0';

  return 0;
}

/* Returns the attribute's value, or NULL; free with g_free(). */
char *
cd_html_markdown_get_attribute (xmlNode    *node,
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
char *
cd_html_markdown_style_property (xmlNode    *node,
                                 const char *property)
{
  g_autofree char *style = cd_html_markdown_get_attribute (node, "style");
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
xmlNode *
cd_html_markdown_next_in_subtree (xmlNode  *node,
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

gboolean
cd_html_markdown_is_blank_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* Whether an element holds a block element (not inside a dropped one). */
gboolean
cd_html_markdown_contains_block (xmlNode *root)
{
  xmlNode *node = root->children != NULL ? root->children : NULL;

  while (node != NULL)
    {
      gboolean skip = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          ElementKind kind = cd_html_markdown_element_kind (node);

          if (kind == KIND_BLOCK)
            return TRUE;
          skip = kind == KIND_DROP;
        }

      node = cd_html_markdown_next_in_subtree (node, root, skip);
    }

  return FALSE;
}

/* Whether @root holds anything a reader sees: text or an image. */
gboolean
cd_html_markdown_has_content (xmlNode *root)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean skip = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (!cd_html_markdown_is_blank_text ((const char *) node->content))
            return TRUE;
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (cd_html_markdown_element_kind (node) == KIND_DROP)
            skip = TRUE;
          else if (cd_html_markdown_is_element (node, "img") || cd_html_markdown_is_element (node, "hr"))
            return TRUE;
        }

      node = cd_html_markdown_next_in_subtree (node, root, skip);
    }

  return FALSE;
}

/* Appends the text of @root and its descendants, without recursion.
 * Line breaks (<br>) become @line_break; the children of dropped elements
 * are skipped. */
void
cd_html_markdown_collect_text (xmlNode    *root,
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
          if (cd_html_markdown_element_kind (node) == KIND_DROP)
            skip = TRUE;
          else if (cd_html_markdown_is_element (node, "br"))
            g_string_append (out, line_break);
        }
      else
        {
          skip = TRUE;
        }

      node = cd_html_markdown_next_in_subtree (node, root, skip);
    }
}
