/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <glib-object.h>

#include "cd-article.h"
#include "cd-field.h"

G_BEGIN_DECLS

/* Find and replace across an article: the text fields of the registry
 * (headline, standfirst, dateline, the lead image's alt text, caption and
 * credit, the note for the desk, the body), in the order of the form.
 *
 * Matching is by characters: case-insensitive unless CD_FIND_MATCH_CASE,
 * and with CD_FIND_WHOLE_WORD only where the match neither starts nor ends
 * inside a word. Offsets are in characters, as GTK's text widgets count
 * them, never bytes. The window searches the body in its editor (which
 * holds text not yet copied into the article) and the other fields here. */

typedef enum
{
  CD_FIND_FLAGS_NONE  = 0,
  CD_FIND_MATCH_CASE  = 1 << 0,
  CD_FIND_WHOLE_WORD  = 1 << 1,
  /* Leave the body out: its editor searches it. */
  CD_FIND_SKIP_BODY   = 1 << 2,
} CdFindFlags;

/**
 * CdFindMatch:
 * @field: the field of the registry the match is in, or %NULL for a match
 *   in a plain text (cd_find_in_text())
 * @start: the offset of the match's first character
 * @end: the offset just after its last character
 */
typedef struct
{
  const CdField *field;
  int            start;
  int            end;
} CdFindMatch;

gboolean  cd_find_field_is_searched  (const CdField     *field);
GArray   *cd_find_in_text            (const char        *text,
                                      const char        *search,
                                      CdFindFlags        flags) G_GNUC_WARN_UNUSED_RESULT;
char     *cd_find_replace_in_text    (const char        *text,
                                      const char        *search,
                                      const char        *replacement,
                                      CdFindFlags        flags,
                                      guint             *n_replaced) G_GNUC_WARN_UNUSED_RESULT;
GArray   *cd_find_in_article         (CdArticle         *article,
                                      const char        *search,
                                      CdFindFlags        flags) G_GNUC_WARN_UNUSED_RESULT;
gboolean  cd_find_replace_match      (CdArticle         *article,
                                      const CdFindMatch *match,
                                      const char        *search,
                                      const char        *replacement,
                                      CdFindFlags        flags);
guint     cd_find_replace_all        (CdArticle         *article,
                                      const char        *search,
                                      const char        *replacement,
                                      CdFindFlags        flags,
                                      guint             *n_per_field);

G_END_DECLS
