/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* House style: the "style" member of the house rules, one CdStyleLanguage
 * per language tag (read in cd-house-rules-style.c), and the scan of an
 * article's prose for preferred forms, banned phrases, doubled words,
 * double spaces, quotes and numbers (cd-style.c, cd-style-language.c,
 * cd-style-numbers.c), which
 * the preflight check calls. Only core's check/ files include this header. */

#pragma once

#include "cd-article.h"
#include "cd-house-rules.h"

G_BEGIN_DECLS

typedef enum
{
  CD_STYLE_QUOTES_ANY,
  CD_STYLE_QUOTES_CURLY,
  CD_STYLE_QUOTES_STRAIGHT,
} CdStyleQuotes;

/* One phrase to look for, in words folded to lower case. */
typedef struct
{
  char  **words;
  guint   n_words;
  char   *phrase;       /* as the house rules write it */
  char   *replacement;  /* the preferred form; NULL for a banned phrase */
} CdStylePhrase;

typedef struct
{
  GHashTable    *preferred;    /* phrase as written → preferred form */
  GPtrArray     *banned;       /* of char *, as written */
  CdStyleQuotes  quotes;
  guint          words_below;  /* spell out numbers below this; 0 for any */

  /* Built once per house rules by cd_style_language_compile(), so that a
   * check is one walk over the words with one lookup each. */
  GPtrArray     *phrases;      /* of CdStylePhrase */
  GHashTable    *first_words;  /* folded first word → GPtrArray of borrowed
                                * CdStylePhrase, longest first */
} CdStyleLanguage;

/* The smallest and largest "words-below" a house may set. */
#define CD_STYLE_WORDS_BELOW_MIN 2
#define CD_STYLE_WORDS_BELOW_MAX 21

G_GNUC_INTERNAL
CdStyleLanguage       *cd_style_language_new      (void);
G_GNUC_INTERNAL
CdStyleLanguage       *cd_style_language_copy     (const CdStyleLanguage *language);
G_GNUC_INTERNAL
void                   cd_style_language_free     (CdStyleLanguage       *language);
G_GNUC_INTERNAL
void                   cd_style_language_compile  (CdStyleLanguage       *language);

/* The end of the word starting at @p (letters, digits, and apostrophes or
 * hyphens inside: "don't", "well-known"), or @p when none starts there. */
G_GNUC_INTERNAL
const char            *cd_style_word_end          (const char            *p,
                                                   const char            *end);
/* Appends the folded form of text[0..length) to @out. */
G_GNUC_INTERNAL
void                   cd_style_append_folded     (GString               *out,
                                                   const char            *text,
                                                   gsize                  length);

/* Splits @phrase into words folded to lower case, as the scan sees them;
 * NULL when it is not one or more words separated by single spaces. */
G_GNUC_INTERNAL
char                 **cd_style_split_phrase      (const char            *phrase);

/* The style for @language ("en-GB" uses "en-gb" if the house rules have it,
 * else "en"), or NULL. */
G_GNUC_INTERNAL
const CdStyleLanguage *cd_house_rules_lookup_style (CdHouseRules         *rules,
                                                    const char           *language);

/* Appends the house-style findings in @article's prose to @issues (of
 * CdPreflightIssue), each with its range and, where there is one, its
 * replacement. */
G_GNUC_INTERNAL
void                   cd_style_check_article     (CdArticle             *article,
                                                   CdHouseRules          *rules,
                                                   GPtrArray             *issues);

/* cd-style-numbers.c */

/* The number @value in words in @language's base language ("three",
 * "drei"), or NULL when there is no safe word for it. */
G_GNUC_INTERNAL
const char            *cd_style_number_word       (const char            *language,
                                                   guint                  value);

/* Whether the words around a figure make it one that stays in figures: a
 * date, a time, a measure, money, a score, a label such as "Platform 3". */
G_GNUC_INTERNAL
gboolean               cd_style_is_month_or_unit  (const char            *folded_word);
G_GNUC_INTERNAL
gboolean               cd_style_is_label          (const char            *folded_word);

G_END_DECLS
