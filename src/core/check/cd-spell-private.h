/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the parts of the spell checker share. cd-spell.c holds the checker
 * and its enchant dictionary, cd-spell-words.c finds the words,
 * cd-spell-article.c checks an article's fields and names languages. Only
 * cd-spell*.c include this header. */

#pragma once

#include "cd-spell.h"

G_BEGIN_DECLS

/* cd-spell-article.c */
/* A language tag or enchant dictionary name for a sentence: "en_GB" and
 * "en-GB" give "English (United Kingdom)", "de" "German"; one the table
 * does not know, the tag itself. */
char       *cd_spell_language_name               (const char     *tag) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
