/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The Markdown body as WordPress block markup, written as the block editor
 * of WordPress 6.1 saves it, so that the post opens as real blocks and
 * WordPress leaves it alone: content made of blocks is not run through
 * wpautop, which would turn line breaks into <br>.
 *
 * md4c walks the Markdown (the same parser and flags as the preview, with
 * the page's entity decoding and URL policy from cd-markdown-escape.c) into
 * a small tree of blocks, which is then written out: a block is
 * "<!-- wp:name {attrs} -->\n" + its HTML + "\n<!-- /wp:name -->", and
 * blocks side by side, at the top or inside a quote or list, are separated
 * by a blank line, as WordPress's serializer does.
 *
 * Text is escaped for WordPress rather than for a browser: "&", "<" and
 * ">" as entities, "[" and "]" as &#91; and &#93; so that no bracketed word
 * runs as a shortcode, and quotes left as characters so that wptexturize
 * can curl them (an entity would stay straight). Attribute values escape
 * quotes too. Soft line breaks become spaces, hard breaks <br>. */

#include "config.h"

#define G_LOG_DOMAIN "cd-wp-blocks"

#include <string.h>

#include <md4c.h>

#include "cd-markdown-private.h"
#include "cd-wp-blocks.h"

#define PARSER_FLAGS CD_MARKDOWN_PARSER_FLAGS

typedef struct _Node Node;

struct _Node
{
  MD_BLOCKTYPE type;
  GPtrArray   *children;
  GString     *content;

  /* Headings, lists, cells, code. */
  unsigned     level;
  gboolean     ordered;
  unsigned     start;
  MD_ALIGN     align;

  /* Paragraphs: how many inline items they hold, and whether the first is
   * an image, to find paragraphs that are only an image. */
  unsigned     n_inline;
  gboolean     image_first;
  char        *image_src;
  char        *image_alt;
  char        *image_title;
};

typedef struct
{
  Node      *root;
  /* The open blocks; a block inside a list item that WordPress cannot hold
   * there (a paragraph of a loose list, say) is NULL: its text goes into the
   * item. */
  GPtrArray *stack;
  /* One gboolean per open link: whether it was written as an <a>. */
  GArray    *links;
  unsigned   image_depth;
  GString   *alt;
  char      *image_src;
  char      *image_title;
  /* A flattened block started in a list item that already has text. */
  gboolean   pending_break;
} Builder;

static void
node_free (gpointer data)
{
  Node *node = data;

  g_clear_pointer (&node->children, g_ptr_array_unref);
  if (node->content != NULL)
    g_string_free (node->content, TRUE);
  g_free (node->image_src);
  g_free (node->image_alt);
  g_free (node->image_title);
  g_free (node);
}

static Node *
node_new (MD_BLOCKTYPE type)
{
  Node *node = g_new0 (Node, 1);

  node->type = type;
  node->children = g_ptr_array_new_with_free_func (node_free);
  node->content = g_string_new (NULL);
  return node;
}

/* Text in HTML content, for WordPress: see the top of this file. */
static void
append_text (GString    *out,
             const char *s,
             gsize       n)
{
  const char *end = s + n;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;

        case '<':
          g_string_append (out, "&lt;");
          break;

        case '>':
          g_string_append (out, "&gt;");
          break;

        case '[':
          g_string_append (out, "&#91;");
          break;

        case ']':
          g_string_append (out, "&#93;");
          break;

        default:
          /* What XML does not allow shows as U+FFFD, as in the preview. */
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
            g_string_append (out, REPLACEMENT_CHARACTER);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
}

static void
append_attribute (GString    *out,
                  const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "&quot;");
      else if (*p == '\'')
        g_string_append (out, "&#039;");
      else
        append_text (out, p, 1);
    }
}

/* The node that receives the inline content: the innermost open block, or
 * the list item a flattened block belongs to. */
static Node *
builder_target (Builder *b)
{
  for (guint i = b->stack->len; i > 0; i--)
    {
      Node *node = g_ptr_array_index (b->stack, i - 1);

      if (node != NULL)
        return node;
    }

  return b->root;
}

static gboolean
builder_flattening (Builder *b)
{
  return b->stack->len > 0 && g_ptr_array_index (b->stack, b->stack->len - 1) == NULL;
}

static GString *
builder_out (Builder *b)
{
  Node *target = builder_target (b);

  if (b->pending_break)
    {
      b->pending_break = FALSE;
      if (target->content->len > 0)
        g_string_append (target->content, "<br>");
    }

  return target->content;
}

static void
note_inline (Builder  *b,
             gboolean  is_image)
{
  Node *target;

  if (builder_flattening (b))
    return;

  target = builder_target (b);
  if (target->type != MD_BLOCK_P)
    return;

  target->n_inline++;
  if (target->n_inline == 1)
    target->image_first = is_image;
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Builder *b = user_data;
  Node *parent;
  Node *node;

  if (type == MD_BLOCK_DOC)
    return 0;

  parent = builder_target (b);

  /* A WordPress list item holds text and nested lists only. */
  if ((parent->type == MD_BLOCK_LI || builder_flattening (b)) &&
      type != MD_BLOCK_UL && type != MD_BLOCK_OL)
    {
      b->pending_break = TRUE;
      g_ptr_array_add (b->stack, NULL);
      return 0;
    }

  b->pending_break = FALSE;
  node = node_new (type);
  switch (type)
    {
    case MD_BLOCK_H:
      node->level = ((MD_BLOCK_H_DETAIL *) detail)->level;
      break;

    case MD_BLOCK_OL:
      node->ordered = TRUE;
      node->start = ((MD_BLOCK_OL_DETAIL *) detail)->start;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      node->align = ((MD_BLOCK_TD_DETAIL *) detail)->align;
      break;

    default:
      break;
    }

  g_ptr_array_add (parent->children, node);
  g_ptr_array_add (b->stack, node);
  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Builder *b = user_data;
  Node *node;

  if (type == MD_BLOCK_DOC)
    return 0;

  node = g_ptr_array_steal_index (b->stack, b->stack->len - 1);
  if (node == NULL)
    {
      b->pending_break = TRUE;
      return 0;
    }

  if (type == MD_BLOCK_P && node->n_inline == 1 && node->image_first && b->image_src != NULL)
    {
      node->image_src = g_strdup (b->image_src);
      node->image_alt = g_strdup (b->alt->str);
      node->image_title = g_strdup (b->image_title);
    }

  return 0;
}

static void
append_image (GString    *out,
              const char *src,
              const char *alt)
{
  g_string_append (out, "<img src=\"");
  append_attribute (out, src);
  g_string_append (out, "\" alt=\"");
  append_attribute (out, alt);
  g_string_append (out, "\"/>");
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Builder *b = user_data;
  GString *out;

  if (b->image_depth > 0)
    {
      gboolean written = FALSE;

      if (type == MD_SPAN_IMG)
        b->image_depth++;
      else if (type == MD_SPAN_A)
        g_array_append_val (b->links, written);
      return 0;
    }

  note_inline (b, type == MD_SPAN_IMG);
  out = builder_out (b);

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (out, "<em>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (out, "<strong>");
      break;

    case MD_SPAN_DEL:
      g_string_append (out, "<s>");
      break;

    case MD_SPAN_CODE:
      g_string_append (out, "<code>");
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

            g_string_append (out, "<a href=\"");
            append_attribute (out, url);
            g_string_append_c (out, '"');
            if (title[0] != '\0')
              {
                g_string_append (out, " title=\"");
                append_attribute (out, title);
                g_string_append_c (out, '"');
              }
            g_string_append_c (out, '>');
          }
        g_array_append_val (b->links, written);
      }
      break;

    case MD_SPAN_IMG:
      {
        MD_SPAN_IMG_DETAIL *img = detail;
        g_autofree char *src = cd_markdown_decode_attribute (&img->src);

        b->image_depth = 1;
        g_free (b->image_src);
        b->image_src = cd_markdown_filter_url (src);
        g_free (b->image_title);
        b->image_title = cd_markdown_decode_attribute (&img->title);
        g_string_truncate (b->alt, 0);
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
  Builder *b = user_data;
  GString *out;

  if (type == MD_SPAN_A && b->image_depth > 0)
    {
      if (b->links->len > 0)
        g_array_set_size (b->links, b->links->len - 1);
      return 0;
    }

  if (b->image_depth > 0)
    {
      if (type == MD_SPAN_IMG && --b->image_depth == 0)
        {
          out = builder_out (b);
          /* A refused image leaves its alt text. */
          if (b->image_src != NULL)
            append_image (out, b->image_src, b->alt->str);
          else
            append_text (out, b->alt->str, b->alt->len);
        }
      return 0;
    }

  out = builder_out (b);
  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (out, "</em>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (out, "</strong>");
      break;

    case MD_SPAN_DEL:
      g_string_append (out, "</s>");
      break;

    case MD_SPAN_CODE:
      g_string_append (out, "</code>");
      break;

    case MD_SPAN_A:
      {
        gboolean written;

        if (b->links->len == 0)
          break;
        written = g_array_index (b->links, gboolean, b->links->len - 1);
        g_array_set_size (b->links, b->links->len - 1);
        if (written)
          g_string_append (out, "</a>");
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
  Builder *b = user_data;
  Node *target;
  GString *out;

  if (b->image_depth > 0)
    {
      cd_markdown_append_plain (b->alt, type, s, size, " ");
      return 0;
    }

  note_inline (b, FALSE);
  target = builder_target (b);
  out = builder_out (b);

  /* Code and raw HTML blocks keep their text as it is, to be written
   * whole; a flattened one reads as text of its list item. */
  if (!builder_flattening (b) && (target->type == MD_BLOCK_CODE || target->type == MD_BLOCK_HTML))
    {
      if (type == MD_TEXT_NULLCHAR)
        g_string_append (out, REPLACEMENT_CHARACTER);
      else
        g_string_append_len (out, s, size);
      return 0;
    }

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (out, REPLACEMENT_CHARACTER);
      break;

    case MD_TEXT_BR:
      g_string_append (out, "<br>");
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ' ');
      break;

    case MD_TEXT_ENTITY:
      {
        g_autoptr(GString) decoded = g_string_new (NULL);

        if (cd_markdown_decode_entity (s, size, decoded))
          append_text (out, decoded->str, decoded->len);
        else
          append_text (out, s, size);
      }
      break;

    case MD_TEXT_CODE:
      /* A line break inside a code span is a space (CommonMark). */
      if (size == 1 && s[0] == '\n')
        g_string_append_c (out, ' ');
      else
        append_text (out, s, size);
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      /* Inline raw HTML is shown as the text it is, as in the preview. */
      append_text (out, s, size);
      break;
    }

  return 0;
}

/* Writing the tree */

static void write_blocks (GString   *out,
                          GPtrArray *blocks);

static void
open_comment (GString    *out,
              const char *name,
              const char *attributes)
{
  g_string_append_printf (out, "<!-- wp:%s ", name);
  if (attributes != NULL)
    g_string_append_printf (out, "%s ", attributes);
  g_string_append (out, "-->\n");
}

static void
close_comment (GString    *out,
               const char *name)
{
  g_string_append_printf (out, "\n<!-- /wp:%s -->", name);
}

static void
trim_trailing_newlines (GString *text)
{
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
}

static void
write_list (GString *out,
            Node    *list)
{
  g_autofree char *attributes = NULL;
  const char *tag = list->ordered ? "ol" : "ul";

  if (list->ordered && list->start != 1)
    attributes = g_strdup_printf ("{\"ordered\":true,\"start\":%u}", list->start);
  else if (list->ordered)
    attributes = g_strdup ("{\"ordered\":true}");

  open_comment (out, "list", attributes);
  g_string_append_printf (out, "<%s", tag);
  if (list->ordered && list->start != 1)
    g_string_append_printf (out, " start=\"%u\"", list->start);
  g_string_append_c (out, '>');

  for (guint i = 0; i < list->children->len; i++)
    {
      Node *item = g_ptr_array_index (list->children, i);

      if (i > 0)
        g_string_append (out, "\n\n");
      open_comment (out, "list-item", NULL);
      g_string_append (out, "<li>");
      g_string_append_len (out, item->content->str, item->content->len);
      for (guint j = 0; j < item->children->len; j++)
        {
          Node *nested = g_ptr_array_index (item->children, j);

          if (j > 0)
            g_string_append (out, "\n\n");
          write_list (out, nested);
        }
      g_string_append (out, "</li>");
      close_comment (out, "list-item");
    }

  g_string_append_printf (out, "</%s>", tag);
  close_comment (out, "list");
}

static void
write_cell (GString *out,
            Node    *cell)
{
  const char *tag = cell->type == MD_BLOCK_TH ? "th" : "td";
  const char *align = NULL;

  if (cell->align == MD_ALIGN_LEFT)
    align = "left";
  else if (cell->align == MD_ALIGN_CENTER)
    align = "center";
  else if (cell->align == MD_ALIGN_RIGHT)
    align = "right";

  g_string_append_printf (out, "<%s", tag);
  if (align != NULL)
    g_string_append_printf (out, " class=\"has-text-align-%s\" data-align=\"%s\"", align, align);
  g_string_append_c (out, '>');
  g_string_append_len (out, cell->content->str, cell->content->len);
  g_string_append_printf (out, "</%s>", tag);
}

static void
write_table (GString *out,
             Node    *table)
{
  open_comment (out, "table", NULL);
  g_string_append (out, "<figure class=\"wp-block-table\"><table>");
  for (guint i = 0; i < table->children->len; i++)
    {
      Node *section = g_ptr_array_index (table->children, i);
      const char *tag = section->type == MD_BLOCK_THEAD ? "thead" : "tbody";

      g_string_append_printf (out, "<%s>", tag);
      for (guint j = 0; j < section->children->len; j++)
        {
          Node *row = g_ptr_array_index (section->children, j);

          g_string_append (out, "<tr>");
          for (guint k = 0; k < row->children->len; k++)
            write_cell (out, g_ptr_array_index (row->children, k));
          g_string_append (out, "</tr>");
        }
      g_string_append_printf (out, "</%s>", tag);
    }
  g_string_append (out, "</table></figure>");
  close_comment (out, "table");
}

static void
write_block (GString *out,
             Node    *node)
{
  switch (node->type)
    {
    case MD_BLOCK_P:
      if (node->image_src != NULL)
        {
          open_comment (out, "image", NULL);
          g_string_append (out, "<figure class=\"wp-block-image\">");
          append_image (out, node->image_src, node->image_alt);
          if (node->image_title[0] != '\0')
            {
              g_string_append (out, "<figcaption class=\"wp-element-caption\">");
              append_text (out, node->image_title, strlen (node->image_title));
              g_string_append (out, "</figcaption>");
            }
          g_string_append (out, "</figure>");
          close_comment (out, "image");
        }
      else
        {
          open_comment (out, "paragraph", NULL);
          g_string_append (out, "<p>");
          g_string_append_len (out, node->content->str, node->content->len);
          g_string_append (out, "</p>");
          close_comment (out, "paragraph");
        }
      break;

    case MD_BLOCK_H:
      {
        g_autofree char *attributes = NULL;

        if (node->level != 2)
          attributes = g_strdup_printf ("{\"level\":%u}", node->level);
        open_comment (out, "heading", attributes);
        /* As WordPress 6.1's heading block saves it: the wp-block-heading
         * class came with 6.2, and 6.1's editor would take it for a custom
         * class. */
        g_string_append_printf (out, "<h%u>", node->level);
        g_string_append_len (out, node->content->str, node->content->len);
        g_string_append_printf (out, "</h%u>", node->level);
        close_comment (out, "heading");
      }
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      write_list (out, node);
      break;

    case MD_BLOCK_QUOTE:
      open_comment (out, "quote", NULL);
      g_string_append (out, "<blockquote class=\"wp-block-quote\">");
      write_blocks (out, node->children);
      g_string_append (out, "</blockquote>");
      close_comment (out, "quote");
      break;

    case MD_BLOCK_TABLE:
      write_table (out, node);
      break;

    case MD_BLOCK_HR:
      open_comment (out, "separator", NULL);
      g_string_append (out, "<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>");
      close_comment (out, "separator");
      break;

    case MD_BLOCK_CODE:
      trim_trailing_newlines (node->content);
      open_comment (out, "code", NULL);
      g_string_append (out, "<pre class=\"wp-block-code\"><code>");
      append_text (out, node->content->str, node->content->len);
      g_string_append (out, "</code></pre>");
      close_comment (out, "code");
      break;

    case MD_BLOCK_HTML:
      /* As the page shows it (render/cd-markdown.c): the markup as text in
       * a paragraph, so that readers see what the writer saw in the
       * preview, the site runs none of it, and it cannot end a block
       * early. Its line breaks are spaces, as in the page. */
      trim_trailing_newlines (node->content);
      g_strdelimit (node->content->str, "\n", ' ');
      open_comment (out, "paragraph", NULL);
      g_string_append (out, "<p>");
      append_text (out, node->content->str, node->content->len);
      g_string_append (out, "</p>");
      close_comment (out, "paragraph");
      break;

    default:
      /* Blocks with nothing of their own (none at the top level). */
      write_blocks (out, node->children);
      break;
    }
}

static void
write_blocks (GString   *out,
              GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      if (i > 0)
        g_string_append (out, "\n\n");
      write_block (out, g_ptr_array_index (blocks, i));
    }
}

/**
 * cd_wp_blocks_from_markdown:
 * @markdown: (nullable): a Markdown text
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Writes @markdown as WordPress block markup, as the block editor of
 * WordPress 6.1 saves it: paragraphs, headings (with their level when it is
 * not 2), lists with list items (nested lists inside their item), quotes
 * holding blocks, tables, images (a paragraph that holds only an image; its
 * title is the caption), separators and code; raw HTML as the text it is,
 * in a paragraph, as the page shows it. Links and
 * images follow the preview's URL policy (cd_url_is_allowed()); a refused
 * link keeps its text and a refused image its alt text. Blocks are
 * separated by a blank line and there is no final newline.
 *
 * Returns: (transfer full): the block markup; empty for %NULL or ""
 */
char *
cd_wp_blocks_from_markdown (const char *markdown,
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
  GString *out = g_string_new (NULL);
  Builder b = { 0 };
  size_t len;
  int ret;

  if (markdown == NULL)
    return g_string_free (out, FALSE);

  len = length < 0 ? strlen (markdown) : (size_t) length;
  if (!g_utf8_validate_len (markdown, len, NULL))
    {
      valid = g_utf8_make_valid (markdown, len);
      markdown = valid;
      len = strlen (valid);
    }

  if (len > G_MAXUINT)
    {
      g_warning ("Markdown text of %zu bytes is too long for block markup", len);
      return g_string_free (out, FALSE);
    }

  b.root = node_new (MD_BLOCK_DOC);
  b.stack = g_ptr_array_new ();
  b.links = g_array_new (FALSE, FALSE, sizeof (gboolean));
  b.alt = g_string_new (NULL);

  ret = md_parse (markdown, (MD_SIZE) len, &parser, &b);
  if (ret != 0)
    g_warning ("Markdown parser failed (%d); the block markup is incomplete", ret);

  write_blocks (out, b.root->children);

  node_free (b.root);
  g_ptr_array_unref (b.stack);
  g_array_unref (b.links);
  g_string_free (b.alt, TRUE);
  g_free (b.image_src);
  g_free (b.image_title);

  return g_string_free (out, FALSE);
}
