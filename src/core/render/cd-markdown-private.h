/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the parts of the Markdown renderer share: the blocks it gives
 * exporters, the state of one rendering, and the helpers that cross files.
 * cd-markdown.c walks the Markdown with md4c and writes HTML and plain
 * text, cd-markdown-block.c builds the structured blocks (CdBlock) and
 * cd-markdown-escape.c decodes entities and attributes, escapes HTML and
 * filters URLs. Only cd-markdown*.c include this header, and
 * cd-wp-blocks.c, which writes the same Markdown as WordPress blocks with
 * the same entity decoding and URL policy. */

#pragma once

#include <md4c.h>

#include "cd-markdown.h"

G_BEGIN_DECLS

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

/* How every renderer of the body reads its Markdown: CommonMark with
 * GitHub's tables, strikethrough and autolinks. Raw HTML stays recognised
 * (no MD_FLAG_NOHTML) so that it reaches the renderers as MD_BLOCK_HTML and
 * MD_TEXT_HTML, which they escape. cd_markdown_code_ranges() reads with the
 * same flags, so that review markup is code exactly where readers see code. */
#define CD_MARKDOWN_PARSER_FLAGS \
  (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS)

/**
 * CdBlock:
 *
 * One top-level block of a Markdown body, as cd_markdown_to_blocks() finds
 * it: immutable, reference counted and safe to share between threads. An
 * exporter maps it to its own structure (for Arc ANS: `text`, `header`,
 * `list`, `quote`, `image`, `raw_html` for tables, `code`, `divider`).
 */
struct _CdBlock
{
  CdBlockType type;
  char *html;
  char *content;
  char *text;
  unsigned level;
  char *anchor;
  gboolean ordered;
  unsigned start;
  char **items;
  char *url;
  char *alt;
  char *caption;
  char **header;
  GPtrArray *rows;
  char *language;
};

/* One open Markdown block. The positions are byte offsets into the
 * renderer's HTML and text buffers. */
typedef struct
{
  MD_BLOCKTYPE type;
  gsize html_start;
  gsize inner_start;
  gsize inner_end;
  gsize text_start;

  /* Paragraphs: how many inline items (texts and spans outside images) the
   * paragraph holds, and whether the first one is an image; a paragraph that
   * holds one image only becomes a figure or an image block. */
  unsigned n_inline;
  gboolean image_first;
  gboolean lone_image;

  /* Set on leaving a paragraph, heading or raw HTML block: the range from
   * inner_start to inner_end is inline HTML. */
  gboolean inline_content;

  /* Headings: the id, owned by the renderer's id set. */
  const char *anchor;

  /* Items of a top-level list: their child blocks. */
  unsigned n_children;
  gboolean child_inline;
  gsize child_start;
  gsize child_end;
} Frame;

typedef struct
{
  GString *html;
  GString *text;
  GPtrArray *blocks;

  GArray *frames;
  /* One gboolean per open link: whether it was written as an <a>. */
  GArray *links;

  GHashTable *ids;
  GHashTable *id_counters;
  GString *heading_text;
  gboolean in_heading;

  unsigned image_depth;
  GString *alt;
  char *image_src;
  char *image_title;

  gboolean text_break;
  gboolean verbatim;
  gsize verbatim_line;
  unsigned cell;

  CdBlock *block;
  GPtrArray *items;
  GPtrArray *cells;
  gboolean in_thead;
  GString *code;
} Renderer;

/* cd-markdown.c */
G_GNUC_INTERNAL
Frame *cd_markdown_renderer_frame (Renderer *r,
                                   guint     depth);

/* cd-markdown-block.c */
G_GNUC_INTERNAL
void cd_markdown_blocks_enter (Renderer     *r,
                               MD_BLOCKTYPE  type,
                               void         *detail,
                               guint         depth);
G_GNUC_INTERNAL
void cd_markdown_blocks_leave (Renderer *r,
                               Frame    *frame,
                               guint     depth);

/* cd-markdown-escape.c */
G_GNUC_INTERNAL
void cd_markdown_append_escaped (GString    *out,
                                 const char *s,
                                 size_t      n);
G_GNUC_INTERNAL
void cd_markdown_append_escaped_str (GString    *out,
                                     const char *s);
G_GNUC_INTERNAL
gboolean cd_markdown_decode_entity (const char *s,
                                    size_t      n,
                                    GString    *out);
G_GNUC_INTERNAL
void cd_markdown_append_plain (GString     *out,
                               MD_TEXTTYPE  type,
                               const char  *s,
                               size_t       n,
                               const char  *line_break);
G_GNUC_INTERNAL
char *cd_markdown_decode_attribute (const MD_ATTRIBUTE *attr);
G_GNUC_INTERNAL
char *cd_markdown_filter_url (const char *url);

G_END_DECLS
