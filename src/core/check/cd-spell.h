/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Spell checking on enchant-2, for the window and the CLI.
 *
 * CdSpellChecker holds one enchant dictionary for an article's language
 * (falling back from a regional tag such as en-GB to the language, en, and
 * saying so), the house's own words and the words ignored for this session,
 * and a cache of results so that checking a paragraph again after an edit
 * costs hash lookups. cd_spell_foreach_word() finds the words worth checking
 * in Markdown or plain text: never URLs, link targets, code spans and
 * blocks, e-mail addresses, `medtop:` codes, HTML or Markdown syntax. Offsets
 * are in bytes into the text given. Not thread-safe: one checker per thread. */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"
#include "cd-house-rules.h"

G_BEGIN_DECLS

#define CD_SPELL_ERROR (cd_spell_error_quark ())

typedef enum
{
  /* No dictionary for the language or its fallback. */
  CD_SPELL_ERROR_NO_DICTIONARY,
  /* enchant itself could not start. */
  CD_SPELL_ERROR_FAILED,
} CdSpellError;

GQuark cd_spell_error_quark (void);

/* What cd_spell_foreach_word() is given: Markdown (the body) or plain text
 * (headline, caption and the other prose fields, where URLs, e-mail
 * addresses and codes are still skipped). */
typedef enum
{
  CD_SPELL_TEXT_PLAIN,
  CD_SPELL_TEXT_MARKDOWN,
} CdSpellTextKind;

/* Called for each word worth checking: text[start..end) in bytes. Return
 * FALSE to stop. */
typedef gboolean (*CdSpellWordFunc) (const char *text,
                                     gsize       start,
                                     gsize       end,
                                     gpointer    user_data);

void cd_spell_foreach_word (const char      *text,
                            gssize           length,
                            CdSpellTextKind  kind,
                            CdSpellWordFunc  func,
                            gpointer         user_data);

#define CD_TYPE_SPELL_CHECKER (cd_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (CdSpellChecker, cd_spell_checker, CD, SPELL_CHECKER, GObject)

/* @language is a BCP 47 tag as the article holds it ("en-GB", "de").
 * Fails with CD_SPELL_ERROR_NO_DICTIONARY and a message naming the language
 * and the packages to install when neither it nor its fallback has one. */
CdSpellChecker *cd_spell_checker_new            (const char      *language,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* The tag asked for. */
const char     *cd_spell_checker_get_language   (CdSpellChecker  *self);
/* The enchant dictionary in use, such as "en_GB" or "en_US". */
const char     *cd_spell_checker_get_dictionary (CdSpellChecker  *self);
/* The dictionary's language for a sentence: "English (United Kingdom)". */
const char     *cd_spell_checker_get_dictionary_name (CdSpellChecker *self);
/* A sentence for the user when the dictionary is a fallback ("No dictionary
 * for en-NZ; checking with English (United States)."), or NULL. */
const char     *cd_spell_checker_get_fallback_message (CdSpellChecker *self);

/* Whether @word (as cd_spell_foreach_word() finds them; ’ is read as ') is
 * in the dictionary, the personal dictionary, the house words or the words
 * ignored. Bytes that are not UTF-8 are not judged: TRUE. */
gboolean        cd_spell_checker_check_word     (CdSpellChecker  *self,
                                                 const char      *word,
                                                 gssize           length);
/* Up to @max_suggestions replacements, best first; never NULL. */
char          **cd_spell_checker_suggest        (CdSpellChecker  *self,
                                                 const char      *word,
                                                 gssize           length,
                                                 guint            max_suggestions) G_GNUC_WARN_UNUSED_RESULT;
/* Adds to the user's enchant personal dictionary (kept across sessions). */
void            cd_spell_checker_add_word       (CdSpellChecker  *self,
                                                 const char      *word,
                                                 gssize           length);
/* Accepts the word until the checker is finalized. */
void            cd_spell_checker_ignore_word    (CdSpellChecker  *self,
                                                 const char      *word,
                                                 gssize           length);
/* Words the desk uses (names of people and places), from the house rules;
 * replaces any set before. Accepted in any case and with a possessive 's;
 * an entry of several words ("Te Atatū") accepts each of them. */
void            cd_spell_checker_set_house_words (CdSpellChecker *self,
                                                  const char * const *words);

/* The misspelt words of @text, as pairs of guint byte offsets
 * (start, end, start, end, …) in an array of guint. */
GArray         *cd_spell_checker_check_text     (CdSpellChecker  *self,
                                                 const char      *text,
                                                 gssize           length,
                                                 CdSpellTextKind  kind) G_GNUC_WARN_UNUSED_RESULT;

/* Every misspelt word of every prose field of @article (headline,
 * standfirst, body, dateline, image alt text, caption and credit, editor's
 * note) as CdPreflightIssue items with rule "spelling", the field's registry
 * id, a range (cd_preflight_issue_set_range()) and the severity the house
 * rules give "spelling" (warning by default). Empty when the rules set
 * "spelling" to off. */
GListModel     *cd_spell_checker_check_article  (CdSpellChecker  *self,
                                                 CdArticle       *article,
                                                 CdHouseRules    *rules) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
