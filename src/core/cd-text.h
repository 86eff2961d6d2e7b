/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  size_t words;
  size_t characters;
  size_t characters_no_spaces;
  size_t paragraphs;
} CdTextCounts;

char    *cd_text_slugify        (const char   *text) G_GNUC_WARN_UNUSED_RESULT;
gboolean cd_text_is_valid_slug  (const char   *slug);
void     cd_text_count          (const char   *text,
                                 gssize        length,
                                 CdTextCounts *counts);
size_t   cd_text_count_characters (const char *text);
char    *cd_text_fold           (const char   *text) G_GNUC_WARN_UNUSED_RESULT;
/* Whether @text is NULL, empty or only white space (Unicode's). */
gboolean cd_text_is_blank       (const char   *text);

G_END_DECLS
