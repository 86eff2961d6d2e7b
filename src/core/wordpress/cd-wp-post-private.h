/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What cd-wp-post.c and cd-wp-compare.c share: reading members of a post
 * as WordPress's REST API gives them, and its content as readable text.
 * Only cd-wp-*.c include this header. */

#pragma once

#include "cd-wp-post.h"

G_BEGIN_DECLS

const char *cd_wp_post_get_raw         (JsonObject *post,
                                        const char *member,
                                        gboolean   *is_html);
const char *cd_wp_post_get_string      (JsonObject *post,
                                        const char *member);
gint64      cd_wp_post_get_int         (JsonObject *post,
                                        const char *member);
GArray     *cd_wp_post_get_ids         (JsonObject *post,
                                        const char *member);
char       *cd_wp_strip_block_comments (const char *html) G_GNUC_WARN_UNUSED_RESULT;
char       *cd_wp_html_to_text         (const char *html) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
