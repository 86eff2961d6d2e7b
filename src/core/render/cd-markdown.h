/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* render/: turning an article into what readers see. cd-markdown renders the
 * Markdown body to inert HTML with md4c (raw HTML shown as text, links and
 * images through the one URL allow-list) and splits it into blocks;
 * cd-page builds the whole article page (headline, byline, dates, lead image,
 * body) with its stylesheet and theme, used by the preview, the HTML export
 * and the CLI. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CdBlockType:
 * @CD_BLOCK_PARAGRAPH: a paragraph; a raw HTML block, shown as text, is one too
 * @CD_BLOCK_HEADING: a heading of level 1 to 6
 * @CD_BLOCK_LIST: an ordered or unordered list
 * @CD_BLOCK_QUOTE: a block quote
 * @CD_BLOCK_IMAGE: a paragraph that holds nothing but one image
 * @CD_BLOCK_TABLE: a table
 * @CD_BLOCK_CODE: a code block
 * @CD_BLOCK_DIVIDER: a thematic break
 *
 * The kinds of top-level blocks of a Markdown body, as structured exporters
 * (Arc ANS `content_elements`) see them.
 */
typedef enum
{
  CD_BLOCK_PARAGRAPH,
  CD_BLOCK_HEADING,
  CD_BLOCK_LIST,
  CD_BLOCK_QUOTE,
  CD_BLOCK_IMAGE,
  CD_BLOCK_TABLE,
  CD_BLOCK_CODE,
  CD_BLOCK_DIVIDER,
} CdBlockType;

#define CD_TYPE_BLOCK (cd_block_get_type ())

typedef struct _CdBlock CdBlock;

GType               cd_block_get_type         (void) G_GNUC_CONST;
CdBlock            *cd_block_ref              (CdBlock       *self);
void                cd_block_unref            (CdBlock       *self);
CdBlockType         cd_block_get_block_type   (const CdBlock *self);
const char         *cd_block_get_html         (const CdBlock *self);
const char         *cd_block_get_content      (const CdBlock *self);
const char         *cd_block_get_text         (const CdBlock *self);
unsigned            cd_block_get_level        (const CdBlock *self);
const char         *cd_block_get_anchor       (const CdBlock *self);
gboolean            cd_block_get_ordered      (const CdBlock *self);
unsigned            cd_block_get_start        (const CdBlock *self);
const char * const *cd_block_get_items        (const CdBlock *self);
const char         *cd_block_get_url          (const CdBlock *self);
const char         *cd_block_get_alt          (const CdBlock *self);
const char         *cd_block_get_caption      (const CdBlock *self);
const char * const *cd_block_get_header_cells (const CdBlock *self);
unsigned            cd_block_get_n_rows       (const CdBlock *self);
const char * const *cd_block_get_row          (const CdBlock *self,
                                               unsigned       row);
const char         *cd_block_get_language     (const CdBlock *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdBlock, cd_block_unref)

char      *cd_markdown_to_plain_text (const char *markdown,
                                      gssize      length) G_GNUC_WARN_UNUSED_RESULT;
char      *cd_markdown_to_html       (const char *markdown,
                                      gssize      length) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *cd_markdown_to_blocks     (const char *markdown,
                                      gssize      length) G_GNUC_WARN_UNUSED_RESULT;

/**
 * CdMarkdownRange:
 * @start: the byte offset of its first byte
 * @end: the byte offset after its last byte
 *
 * A stretch of a Markdown text, as cd_markdown_code_ranges() finds it.
 */
typedef struct
{
  size_t start;
  size_t end;
} CdMarkdownRange;

GArray    *cd_markdown_code_ranges   (const char *markdown,
                                      gssize      length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
