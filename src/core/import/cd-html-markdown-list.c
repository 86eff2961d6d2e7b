/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Whether an HTML list becomes a tight or a loose Markdown list: the
 * kinds of block its items hold decide whether blank lines must separate
 * them, so that the Markdown renders back to the same list. */

#include "config.h"

#define G_LOG_DOMAIN "cd-html-markdown"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "cd-html-markdown-private.h"

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

/* Whether a list needs blank lines between its items */

static void
classify_children (xmlNode  *first,
                   guint     depth,
                   GArray   *kinds,
                   gboolean *pending);


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

guint
cd_html_markdown_list_start (xmlNode *list)
{
  g_autofree char *start = cd_html_markdown_get_attribute (list, "start");
  gint64 value;

  if (!cd_html_markdown_is_element (list, "ol"))
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
      if (!cd_html_markdown_is_blank_text ((const char *) node->content))
        *pending = TRUE;
      return;
    }

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (depth > MAX_TREE_DEPTH)
    {
      if (cd_html_markdown_has_content (node))
        *pending = TRUE;
      return;
    }

  switch (cd_html_markdown_element_kind (node))
    {
    case KIND_DROP:
      return;

    case KIND_INLINE:
      if (cd_html_markdown_contains_block (node))
        classify_children (node->children, depth + 1, kinds, pending);
      else if (cd_html_markdown_has_content (node))
        *pending = TRUE;
      return;

    case KIND_BLOCK:
    default:
      break;
    }

  if (cd_html_markdown_heading_level (node) > 0)
    add_kind (kinds, pending, BLOCK_HEADING);
  else if (cd_html_markdown_is_element (node, "ul") || cd_html_markdown_is_element (node, "ol"))
    add_kind (kinds, pending, cd_html_markdown_is_element (node, "ol") && cd_html_markdown_list_start (node) != 1 ?
                              BLOCK_LIST_LATE_START : BLOCK_LIST);
  else if (cd_html_markdown_is_element (node, "blockquote"))
    add_kind (kinds, pending, BLOCK_QUOTE);
  else if (cd_html_markdown_is_element (node, "pre") || cd_html_markdown_is_element (node, "listing") ||
           cd_html_markdown_is_element (node, "xmp") || cd_html_markdown_is_element (node, "plaintext"))
    add_kind (kinds, pending, BLOCK_CODE);
  else if (cd_html_markdown_is_element (node, "hr"))
    add_kind (kinds, pending, BLOCK_RULE);
  else if (cd_html_markdown_is_element (node, "table"))
    add_kind (kinds, pending, BLOCK_TABLE);
  else if (cd_html_markdown_is_element (node, "figure") && cd_html_markdown_figure_image (node, NULL, NULL))
    add_kind (kinds, pending, BLOCK_FIGURE);
  else if (cd_html_markdown_is_element (node, "p") && !cd_html_markdown_contains_block (node))
    {
      add_kind (kinds, pending, BLOCK_TEXT);
      if (cd_html_markdown_has_content (node))
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
gboolean
cd_html_markdown_is_list_item (xmlNode *node)
{
  if (node->type == XML_ELEMENT_NODE)
    return cd_html_markdown_is_element (node, "li") || (cd_html_markdown_element_kind (node) != KIND_DROP && cd_html_markdown_has_content (node));

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    return !cd_html_markdown_is_blank_text ((const char *) node->content);

  return FALSE;
}

/* A list is tight (no blank lines, no <p> in its items) unless an item
 * holds a paragraph element, or blocks that only a blank line can keep
 * apart in Markdown: text after a list, a quote or a table would continue
 * it, and a table, a rule or an ordered list not starting at 1 cannot
 * follow text directly. */
gboolean
cd_html_markdown_list_is_loose (xmlNode *list,
                                guint    depth)
{
  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      g_autoptr(GArray) kinds = NULL;
      gboolean pending = FALSE;

      if (!cd_html_markdown_is_list_item (item))
        continue;

      kinds = g_array_new (FALSE, FALSE, sizeof (BlockKind));
      if (cd_html_markdown_is_element (item, "li"))
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
