/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

/* cd_html_to_markdown() spans cd-html-markdown.c (the tree walk and the
 * Markdown blocks), cd-html-markdown-inline.c (the Markdown of inline
 * content and its escaping) and cd-html-markdown-parse.c (reading the HTML
 * into a tree that keeps all of its text). */

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

G_END_DECLS
