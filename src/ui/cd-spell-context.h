/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gio/gio.h>

#include "copydesk-core.h"
#include "cd-spell.h"

G_BEGIN_DECLS

/* What every spell adapter of one window shares: the checker for the
 * article's language (made again when the language changes, kept per
 * language so that switching back costs nothing), the house's words, the
 * latest preflight issues (whose ranged findings are underlined), and
 * whether checking is on (the "check-spelling" setting).
 *
 * Properties: "enabled" (boolean), "article" (CdArticle, nullable),
 * "checker" (CdSpellChecker, read-only: NULL when checking is off or there
 * is no dictionary), "issues" (GListModel of CdPreflightIssue, read-only),
 * "message" (string, read-only: "No spelling dictionary for …", or NULL).
 * Signal "words-changed": a word was added to the dictionary or ignored, so
 * every adapter checks its text again. */
#define CD_TYPE_SPELL_CONTEXT (cd_spell_context_get_type ())
G_DECLARE_FINAL_TYPE (CdSpellContext, cd_spell_context, CD, SPELL_CONTEXT, GObject)

CdSpellContext *cd_spell_context_new             (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean        cd_spell_context_get_enabled     (CdSpellContext *self);
void            cd_spell_context_set_enabled     (CdSpellContext *self,
                                                  gboolean        enabled);
CdArticle      *cd_spell_context_get_article     (CdSpellContext *self);
void            cd_spell_context_set_article     (CdSpellContext *self,
                                                  CdArticle      *article);
void            cd_spell_context_set_house_rules (CdSpellContext *self,
                                                  CdHouseRules   *rules);
GListModel     *cd_spell_context_get_issues      (CdSpellContext *self);
void            cd_spell_context_set_issues      (CdSpellContext *self,
                                                  GListModel     *issues);
CdSpellChecker *cd_spell_context_get_checker     (CdSpellContext *self);
const char     *cd_spell_context_get_message     (CdSpellContext *self);
/* Makes the checker for the article's language now rather than after the
 * short pause that follows typing in the language field (tests). */
void            cd_spell_context_update_checker  (CdSpellContext *self);

void            cd_spell_context_add_word        (CdSpellContext *self,
                                                  const char     *word);
void            cd_spell_context_ignore_word     (CdSpellContext *self,
                                                  const char     *word);

G_END_DECLS
