/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CdBlock, the top-level blocks of a Markdown body that structured
 * exporters map to their own structure: the boxed type and its getters,
 * and the building of the blocks while the renderer walks the Markdown. */

#include "config.h"

#define G_LOG_DOMAIN "cd-markdown"

#include "cd-markdown-private.h"

G_DEFINE_BOXED_TYPE (CdBlock, cd_block, cd_block_ref, cd_block_unref)

static void
cd_block_clear (gpointer data)
{
  CdBlock *self = data;

  g_free (self->html);
  g_free (self->content);
  g_free (self->text);
  g_free (self->anchor);
  g_strfreev (self->items);
  g_free (self->url);
  g_free (self->alt);
  g_free (self->caption);
  g_strfreev (self->header);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->language);
}

static CdBlock *
cd_block_new (CdBlockType type)
{
  CdBlock *self = g_atomic_rc_box_new0 (CdBlock);

  self->type = type;
  return self;
}

/**
 * cd_block_ref:
 * @self: a #CdBlock
 *
 * Takes a reference on @self.
 *
 * Returns: (transfer full): @self
 */
CdBlock *
cd_block_ref (CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * cd_block_unref:
 * @self: (transfer full): a #CdBlock
 *
 * Drops a reference on @self, freeing it when it was the last one.
 */
void
cd_block_unref (CdBlock *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, cd_block_clear);
}

/**
 * cd_block_get_block_type:
 * @self: a #CdBlock
 *
 * Returns: what kind of block @self is
 */
CdBlockType
cd_block_get_block_type (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, CD_BLOCK_PARAGRAPH);

  return self->type;
}

/**
 * cd_block_get_html:
 * @self: a #CdBlock
 *
 * Gets the block as cd_markdown_to_html() renders it, outer element
 * included (`<p>…</p>`, `<table>…</table>`, `<figure>…</figure>`), ending
 * in a newline. The blocks' HTML, concatenated, is the document's HTML, so
 * this is what an exporter puts in a raw HTML element.
 *
 * Returns: (transfer none): safe, well-formed HTML
 */
const char *
cd_block_get_html (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->html;
}

/**
 * cd_block_get_content:
 * @self: a #CdBlock
 *
 * Gets the HTML inside the block's element: for a paragraph or heading its
 * inline HTML (no `<p>`), for a quote the block-level HTML inside
 * `<blockquote>`. Other kinds have none: use the items, cells, text or URL.
 *
 * Returns: (transfer none) (nullable): safe HTML, or %NULL
 */
const char *
cd_block_get_content (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->content;
}

/**
 * cd_block_get_text:
 * @self: a #CdBlock
 *
 * Gets the block's plain text, as cd_markdown_to_plain_text() renders it
 * (the blocks inside a list, quote or table separated by blank lines). An
 * image's text is its alt text; a divider's is empty. A code block's text
 * is the code itself, blank lines included, without its final newline.
 *
 * Returns: (transfer none): plain text, never %NULL
 */
const char *
cd_block_get_text (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * cd_block_get_level:
 * @self: a #CdBlock
 *
 * Returns: a heading's level, 1 to 6; 0 for other blocks
 */
unsigned
cd_block_get_level (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->level;
}

/**
 * cd_block_get_anchor:
 * @self: a #CdBlock
 *
 * Gets a heading's `id`, unique in the document, as it appears in the
 * HTML.
 *
 * Returns: (transfer none) (nullable): the id, or %NULL if @self is not a
 *   heading
 */
const char *
cd_block_get_anchor (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->anchor;
}

/**
 * cd_block_get_ordered:
 * @self: a #CdBlock
 *
 * Returns: %TRUE if @self is an ordered (numbered) list
 */
gboolean
cd_block_get_ordered (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->ordered;
}

/**
 * cd_block_get_start:
 * @self: a #CdBlock
 *
 * Returns: the number of an ordered list's first item; 0 for other blocks
 */
unsigned
cd_block_get_start (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start;
}

/**
 * cd_block_get_items:
 * @self: a #CdBlock
 *
 * Gets the items of a list, or the blocks of a quote, as safe HTML. An item
 * or quoted block that is one paragraph or heading gives its inline HTML;
 * anything richer (a nested list, several paragraphs) gives its HTML
 * unchanged.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the items,
 *   or %NULL if @self is neither a list nor a quote
 */
const char * const *
cd_block_get_items (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->items;
}

/**
 * cd_block_get_url:
 * @self: a #CdBlock
 *
 * Gets an image's URL, which passed the renderer's URL policy (http, https,
 * mailto or relative) and is percent-encoded where needed. An image whose
 * URL is refused does not make an image block.
 *
 * Returns: (transfer none) (nullable): the URL, or %NULL if @self is not an
 *   image
 */
const char *
cd_block_get_url (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->url;
}

/**
 * cd_block_get_alt:
 * @self: a #CdBlock
 *
 * Returns: (transfer none) (nullable): an image's alt text (plain text), or
 *   %NULL if @self is not an image
 */
const char *
cd_block_get_alt (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->alt;
}

/**
 * cd_block_get_caption:
 * @self: a #CdBlock
 *
 * Gets an image's caption: the title in `![alt](url "title")`.
 *
 * Returns: (transfer none) (nullable): the caption (plain text), or %NULL
 *   if the image has none or @self is not an image
 */
const char *
cd_block_get_caption (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->caption;
}

/**
 * cd_block_get_header_cells:
 * @self: a #CdBlock
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the inline
 *   HTML of a table's header cells, or %NULL if @self is not a table
 */
const char * const *
cd_block_get_header_cells (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->header;
}

/**
 * cd_block_get_n_rows:
 * @self: a #CdBlock
 *
 * Returns: the number of body rows of a table; 0 for other blocks
 */
unsigned
cd_block_get_n_rows (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows != NULL ? self->rows->len : 0;
}

/**
 * cd_block_get_row:
 * @self: a #CdBlock
 * @row: a row index, less than cd_block_get_n_rows()
 *
 * Gets the cells of a table's body row. Every row has as many cells as the
 * header.
 *
 * Returns: (transfer none) (array zero-terminated=1): the cells' inline
 *   HTML
 */
const char * const *
cd_block_get_row (const CdBlock *self,
                  unsigned       row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, row);
}

/**
 * cd_block_get_language:
 * @self: a #CdBlock
 *
 * Gets a code block's language: the first word of its info string
 * (```` ```python ````).
 *
 * Returns: (transfer none) (nullable): the language, or %NULL if none was
 *   given or @self is not a code block
 */
const char *
cd_block_get_language (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

static char *
slice (GString *s,
       gsize    start,
       gsize    end)
{
  g_assert (start <= end && end <= s->len);

  return g_strndup (s->str + start, end - start);
}

/* Like slice(), without the newlines that separate blocks at either end. */
static char *
slice_trimmed (GString *s,
               gsize    start,
               gsize    end)
{
  /* A pending blank line may have been taken back below a block's start. */
  start = MIN (start, end);
  while (start < end && s->str[start] == '\n')
    start++;
  while (end > start && s->str[end - 1] == '\n')
    end--;

  return slice (s, start, end);
}

static char **
steal_strv (GPtrArray **array)
{
  GPtrArray *strings = g_steal_pointer (array);

  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (strings, FALSE);
}

/* Structured blocks: a top-level block starts at depth 1 (the document is
 * at depth 0). */
void
cd_markdown_blocks_enter (Renderer     *r,
                          MD_BLOCKTYPE  type,
                          void         *detail,
                          guint         depth)
{
  if (depth == 1)
    {
      CdBlock *block;

      switch (type)
        {
        case MD_BLOCK_H:
          block = cd_block_new (CD_BLOCK_HEADING);
          block->level = ((MD_BLOCK_H_DETAIL *) detail)->level;
          break;

        case MD_BLOCK_UL:
          block = cd_block_new (CD_BLOCK_LIST);
          r->items = g_ptr_array_new_with_free_func (g_free);
          break;

        case MD_BLOCK_OL:
          block = cd_block_new (CD_BLOCK_LIST);
          block->ordered = TRUE;
          block->start = ((MD_BLOCK_OL_DETAIL *) detail)->start;
          r->items = g_ptr_array_new_with_free_func (g_free);
          break;

        case MD_BLOCK_QUOTE:
          block = cd_block_new (CD_BLOCK_QUOTE);
          r->items = g_ptr_array_new_with_free_func (g_free);
          break;

        case MD_BLOCK_CODE:
          {
            g_autofree char *lang = cd_markdown_decode_attribute (&((MD_BLOCK_CODE_DETAIL *) detail)->lang);

            block = cd_block_new (CD_BLOCK_CODE);
            if (lang[0] != '\0')
              block->language = g_steal_pointer (&lang);
            r->code = g_string_new (NULL);
          }
          break;

        case MD_BLOCK_TABLE:
          block = cd_block_new (CD_BLOCK_TABLE);
          block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          break;

        case MD_BLOCK_HR:
          block = cd_block_new (CD_BLOCK_DIVIDER);
          break;

        case MD_BLOCK_P:
        case MD_BLOCK_HTML:
        default:
          block = cd_block_new (CD_BLOCK_PARAGRAPH);
          break;
        }

      g_assert (r->block == NULL);
      r->block = block;
    }
  else if (r->block != NULL && r->block->type == CD_BLOCK_TABLE)
    {
      if (type == MD_BLOCK_THEAD)
        r->in_thead = TRUE;
      else if (type == MD_BLOCK_TBODY)
        r->in_thead = FALSE;
      else if (type == MD_BLOCK_TR)
        r->cells = g_ptr_array_new_with_free_func (g_free);
    }
}

static void
blocks_finish (Renderer *r,
               Frame    *frame)
{
  g_autoptr(CdBlock) block = g_steal_pointer (&r->block);

  block->html = slice (r->html, frame->html_start, r->html->len);
  block->text = slice_trimmed (r->text, frame->text_start, r->text->len);

  switch (block->type)
    {
    case CD_BLOCK_PARAGRAPH:
      if (frame->lone_image)
        {
          block->type = CD_BLOCK_IMAGE;
          block->url = g_strdup (r->image_src);
          block->alt = g_strdup (r->alt->str);
          if (r->image_title[0] != '\0')
            block->caption = g_strdup (r->image_title);
        }
      else
        {
          block->content = slice (r->html, frame->inner_start, frame->inner_end);
        }
      break;

    case CD_BLOCK_HEADING:
      block->content = slice (r->html, frame->inner_start, frame->inner_end);
      block->anchor = g_strdup (frame->anchor);
      break;

    case CD_BLOCK_QUOTE:
      block->content = slice_trimmed (r->html, frame->inner_start, frame->inner_end);
      block->items = steal_strv (&r->items);
      break;

    case CD_BLOCK_LIST:
      block->items = steal_strv (&r->items);
      break;

    case CD_BLOCK_CODE:
      {
        g_autoptr(GString) code = g_steal_pointer (&r->code);

        if (code->len > 0 && code->str[code->len - 1] == '\n')
          g_string_truncate (code, code->len - 1);
        g_free (block->text);
        block->text = g_strndup (code->str, code->len);
      }
      break;

    case CD_BLOCK_TABLE:
      if (block->header == NULL)
        block->header = g_new0 (char *, 1);
      break;

    case CD_BLOCK_IMAGE:
    case CD_BLOCK_DIVIDER:
    default:
      break;
    }

  g_ptr_array_add (r->blocks, g_steal_pointer (&block));
}

void
cd_markdown_blocks_leave (Renderer *r,
                          Frame    *frame,
                          guint     depth)
{
  CdBlock *block = r->block;

  if (depth == 1)
    {
      blocks_finish (r, frame);
      return;
    }

  if (block == NULL)
    return;

  if (block->type == CD_BLOCK_QUOTE && depth == 2)
    {
      char *item;

      if (frame->inline_content)
        item = slice (r->html, frame->inner_start, frame->inner_end);
      else
        item = slice_trimmed (r->html, frame->html_start, r->html->len);
      g_ptr_array_add (r->items, item);
    }
  else if (block->type == CD_BLOCK_LIST && depth == 2)
    {
      char *item;

      /* An item that is one paragraph gives its inline HTML, whether the
       * list is tight or loose. */
      if (frame->n_children == 1 && frame->child_inline)
        item = slice (r->html, frame->child_start, frame->child_end);
      else
        item = slice_trimmed (r->html, frame->inner_start, frame->inner_end);
      g_ptr_array_add (r->items, item);
    }
  else if (block->type == CD_BLOCK_LIST && depth == 3)
    {
      Frame *item = cd_markdown_renderer_frame (r, 2);

      item->n_children++;
      item->child_inline = frame->inline_content;
      item->child_start = frame->inner_start;
      item->child_end = frame->inner_end;
    }
  else if (block->type == CD_BLOCK_TABLE && depth == 4)
    {
      g_ptr_array_add (r->cells, slice (r->html, frame->inner_start, frame->inner_end));
    }
  else if (block->type == CD_BLOCK_TABLE && depth == 3 && frame->type == MD_BLOCK_TR)
    {
      char **cells = steal_strv (&r->cells);

      if (r->in_thead && block->header == NULL)
        block->header = cells;
      else if (r->in_thead)
        g_strfreev (cells);
      else
        g_ptr_array_add (block->rows, cells);
    }
}
