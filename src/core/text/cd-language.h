/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CdLanguageWords:
 * @range: a BCP 47 basic language range, lower case ("en-gb", "de"); ""
 *   for the fallback
 * @date_format: how a date and time are printed; see
 *   cd_language_words_format_date()
 * @months: the month names as used after a day number
 * @by: before the first author of a byline, with its space ("By "); may be
 *   empty
 * @list_separator: between authors of a byline (", ")
 * @last_separator: before the last author of a byline (" and ")
 * @untitled: the page title of an article without a headline
 * @topics: the heading of the page's list of tags
 * @comments: the heading of the page's comments
 * @comments_note: what the page says where comments will appear
 * @embargoed_until: before the embargo date on the page
 * @corrections: the heading of the page's corrections log
 *
 * The words that Copydesk adds to an article, and how it writes dates, in
 * one language. There is one table of them in core, so that the byline of
 * the model, of the page and of every export is the same text.
 */
typedef struct
{
  const char *range;
  const char *date_format;
  const char *months[12];
  const char *by;
  const char *list_separator;
  const char *last_separator;
  const char *untitled;
  const char *topics;
  const char *comments;
  const char *comments_note;
  const char *embargoed_until;
  const char *corrections;
} CdLanguageWords;

/**
 * CdBylinePart:
 * @CD_BYLINE_PART_WORDS: words of the language ("By ", " and ", ", ")
 * @CD_BYLINE_PART_NAME: an author's name, without surrounding blanks
 *
 * The kinds of text a byline is made of; see cd_byline_build().
 */
typedef enum
{
  CD_BYLINE_PART_WORDS,
  CD_BYLINE_PART_NAME,
} CdBylinePart;

/**
 * CdBylineAppendFunc:
 * @part: what @text is
 * @text: the text to append
 * @index: for %CD_BYLINE_PART_NAME, the name's index in the names given to
 *   cd_byline_build(); else 0
 * @user_data: the data given to cd_byline_build()
 *
 * Appends one piece of a byline.
 */
typedef void (*CdBylineAppendFunc) (CdBylinePart  part,
                                    const char   *text,
                                    guint         index,
                                    gpointer      user_data);

const CdLanguageWords *cd_language_words_lookup      (const char             *language);
const CdLanguageWords *cd_language_words_get_all     (size_t                 *n_words);
char                  *cd_language_words_format_date (const CdLanguageWords  *words,
                                                      GDateTime              *date_time)
                                                      G_GNUC_WARN_UNUSED_RESULT;

void                   cd_byline_build               (const char * const     *names,
                                                      const char             *language,
                                                      CdBylineAppendFunc      append,
                                                      gpointer                user_data);

G_END_DECLS
