/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* wordpress/: what Copydesk sends to a WordPress site and how it reads the
 * answer, with no network: the body as block markup, the post for the REST
 * API, the comparison of what was sent with what the site kept, the changes
 * someone made on the site since the last push, and a post turned back into
 * an article. The network side is src/publish/. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Markdown body as WordPress block markup (<!-- wp:paragraph --> …),
 * so that it opens as real blocks in the site's editor and survives
 * wpautop: paragraphs, headings, lists, quotes, tables, images, separators,
 * code; raw HTML goes as the text the preview shows. Square brackets are
 * escaped so that no text runs
 * as a shortcode; quotes stay characters so WordPress can curl them. */
char *cd_wp_blocks_from_markdown (const char *markdown,
                                  gssize      length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
