/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

/* cd_html_to_markdown() spans cd-html-markdown.c (the tree walk and the
 * Markdown blocks), cd-html-markdown-inline.c (the Markdown of inline
 * content and its escaping), cd-html-markdown-parse.c (reading the HTML
 * into a tree that keeps all of its text), cd-html-markdown-node.c
 * (questions about the tree's elements), cd-html-markdown-list.c (whether a
 * list is loose), cd-html-markdown-code.c (code blocks) and
 * cd-html-markdown-table.c (tables). */

/* cd-html-markdown-inline.c */

typedef enum
{
  MODE_PARAGRAPH,
  MODE_HEADING,
  MODE_CELL,
} InlineMode;

typedef enum
{
  SPAN_EM,
  SPAN_STRONG,
  SPAN_DEL,
  SPAN_LINK,
  SPAN_NONE,
} SpanKind;

/* The inline content of one paragraph, heading or table cell. */
typedef struct
{
  GString    *buf;
  InlineMode  mode;
  gboolean    space;        /* white space is pending */
  gboolean    newline;      /* the pending white space holds a line break */
  guint       breaks;       /* hard line breaks pending */
  gboolean    line_start;   /* nothing is written on the current line yet */
  GArray     *spans;        /* Span */
  GArray     *pairs;        /* Pair */
  guint       n_em;
  guint       n_strong;
  guint       n_del;
  guint       n_link;
} Inline;

G_GNUC_INTERNAL
char *cd_html_collapse_space (const char *text);
G_GNUC_INTERNAL
gboolean cd_inline_is_autolink (const char *text,
                                const char *href);
G_GNUC_INTERNAL
Inline *cd_inline_new (InlineMode mode);
G_GNUC_INTERNAL
void cd_inline_free (Inline *inl);
G_GNUC_INTERNAL
void cd_inline_prepare (Inline *inl);
G_GNUC_INTERNAL
void cd_inline_space (Inline   *inl,
                      gboolean  newline);
G_GNUC_INTERNAL
void cd_inline_break (Inline *inl);
G_GNUC_INTERNAL
void cd_inline_text (Inline     *inl,
                     const char *text,
                     gsize       length);
G_GNUC_INTERNAL
void cd_inline_text_str (Inline     *inl,
                         const char *text);
G_GNUC_INTERNAL
void cd_inline_push (Inline     *inl,
                     SpanKind    kind,
                     const char *url,
                     const char *title);
G_GNUC_INTERNAL
void cd_inline_pop (Inline *inl);
G_GNUC_INTERNAL
void cd_inline_code (Inline     *inl,
                     const char *code);
G_GNUC_INTERNAL
void cd_inline_image (Inline     *inl,
                      const char *src,
                      const char *alt,
                      const char *title);
G_GNUC_INTERNAL
char *cd_inline_finish (Inline *inl);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Inline, cd_inline_free)

/* cd-html-markdown-parse.c */
G_GNUC_INTERNAL
htmlDocPtr cd_html_markdown_parse (const char *html);

/* cd-html-markdown.c */

#define MAX_TREE_DEPTH      128
#define MAX_CONTAINER_DEPTH 32
#define MAX_LIST_NUMBER     999999999

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

G_GNUC_INTERNAL
void cd_html_markdown_write_line (Converter  *self,
                                  const char *line,
                                  gsize       length,
                                  gboolean    blank);
G_GNUC_INTERNAL
void cd_html_markdown_begin_block (Converter *self);
G_GNUC_INTERNAL
void cd_html_markdown_ensure_paragraph (Converter *self);
G_GNUC_INTERNAL
void cd_html_markdown_flush_paragraph (Converter *self);
G_GNUC_INTERNAL
void cd_html_markdown_convert_inline_children (Converter *self,
                                               Inline    *inl,
                                               xmlNode   *node,
                                               guint      depth);
G_GNUC_INTERNAL
gboolean cd_html_markdown_figure_image (xmlNode  *figure,
                                        xmlNode **img_out,
                                        xmlNode **caption_out);

/* cd-html-markdown-node.c */

typedef enum
{
  KIND_INLINE,
  KIND_BLOCK,
  KIND_DROP,
} ElementKind;

G_GNUC_INTERNAL
gboolean cd_html_markdown_is_element (xmlNode    *node,
                                      const char *name);
G_GNUC_INTERNAL
ElementKind cd_html_markdown_element_kind (xmlNode *node);
G_GNUC_INTERNAL
int cd_html_markdown_heading_level (xmlNode *node);
G_GNUC_INTERNAL
char *cd_html_markdown_get_attribute (xmlNode    *node,
                                      const char *name);
G_GNUC_INTERNAL
char *cd_html_markdown_style_property (xmlNode    *node,
                                       const char *property);
G_GNUC_INTERNAL
xmlNode *cd_html_markdown_next_in_subtree (xmlNode  *node,
                                           xmlNode  *root,
                                           gboolean  skip_children);
G_GNUC_INTERNAL
gboolean cd_html_markdown_is_blank_text (const char *text);
G_GNUC_INTERNAL
gboolean cd_html_markdown_contains_block (xmlNode *root);
G_GNUC_INTERNAL
gboolean cd_html_markdown_has_content (xmlNode *root);
G_GNUC_INTERNAL
void cd_html_markdown_collect_text (xmlNode    *root,
                                    GString    *out,
                                    const char *line_break);

/* cd-html-markdown-list.c */
G_GNUC_INTERNAL
guint cd_html_markdown_list_start (xmlNode *list);
G_GNUC_INTERNAL
gboolean cd_html_markdown_is_list_item (xmlNode *node);
G_GNUC_INTERNAL
gboolean cd_html_markdown_list_is_loose (xmlNode *list,
                                         guint    depth);

/* cd-html-markdown-code.c */
G_GNUC_INTERNAL
void cd_html_markdown_convert_pre (Converter *self,
                                   xmlNode   *node);

/* cd-html-markdown-table.c */
G_GNUC_INTERNAL
void cd_html_markdown_convert_table (Converter *self,
                                     xmlNode   *node,
                                     guint      depth);

G_END_DECLS
