/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

/* cd_html_to_markdown() spans cd-html-markdown.c (the tree walk and the
 * Markdown blocks) and cd-html-markdown-parse.c (reading the HTML into a
 * tree that keeps all of its text). */

/* cd-html-markdown-parse.c */
G_GNUC_INTERNAL
htmlDocPtr cd_html_markdown_parse (const char *html);

G_END_DECLS
