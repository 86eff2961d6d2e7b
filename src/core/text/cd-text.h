/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* text/: rules about plain text that every other folder shares. cd-text
 * counts words and characters, tells blank text, makes slugs, folds text for
 * matching and escapes HTML (one escaper, two modes); cd-url is the one
 * allow-list of link and image addresses; cd-language knows language tags and their per-language
 * words (the byline's "and"); cd-markdown-edit is the pure string work behind
 * the editor's Markdown commands (bold, lists, headings), tested without a
 * display. */

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

/**
 * CdTextHtmlInvalid:
 * @CD_TEXT_HTML_DROP_INVALID: leave characters out that HTML and XML
 *   reject, for single values such as a headline or a name, where a control
 *   character pasted with the text is noise
 * @CD_TEXT_HTML_REPLACE_INVALID: replace them with U+FFFD, for rendered
 *   Markdown: CommonMark requires it of U+0000, and the writer then sees in
 *   the preview that the body holds something to remove
 *
 * What cd_text_append_html() does with a character that may not appear in
 * HTML or XML output.
 */
typedef enum
{
  CD_TEXT_HTML_DROP_INVALID,
  CD_TEXT_HTML_REPLACE_INVALID,
} CdTextHtmlInvalid;

void     cd_text_append_html    (GString           *out,
                                 const char        *text,
                                 gssize             length,
                                 CdTextHtmlInvalid  invalid);

G_END_DECLS
