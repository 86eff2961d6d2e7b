/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>

#include "cd-spell-context.h"

G_BEGIN_DECLS

/* Spell checking as you type in one GtkTextView: misspelt words get a red
 * wavy underline (the "misspelt" tag), ranged preflight findings such as
 * house-style ones a blue line (the "finding" tag), and the view's context
 * menu offers suggestions, Add to Dictionary, Ignore and the finding's
 * replacement for the word under the pointer or the cursor.
 *
 * Checking never holds up typing: the visible part of the text is checked
 * first and the rest in idle time, a few milliseconds at a time; an edit
 * queues only the paragraphs it touched. The word being typed is underlined
 * once the cursor leaves it. The text kind decides what is a word:
 * CD_SPELL_TEXT_MARKDOWN for the body (code, links and markup are skipped by
 * core), CD_SPELL_TEXT_PLAIN for the fields. @field is the registry id the
 * preflight issues name ("body", "headline", "image.caption").
 *
 * F7 opens the suggestions for the misspelt word at the cursor, or moves to
 * the next misspelt word and opens them there. */
#define CD_TYPE_SPELL_ADAPTER (cd_spell_adapter_get_type ())
G_DECLARE_FINAL_TYPE (CdSpellAdapter, cd_spell_adapter, CD, SPELL_ADAPTER, GObject)

/* Attaches an adapter to @view (it lives as long as the view) and returns
 * it. (transfer none) */
CdSpellAdapter *cd_spell_adapter_attach           (GtkTextView     *view,
                                                   CdSpellTextKind  kind,
                                                   const char      *field);
/* The adapter attached to @view, or NULL. (transfer none) */
CdSpellAdapter *cd_spell_adapter_get_for_view     (GtkTextView     *view);

void            cd_spell_adapter_set_context      (CdSpellAdapter  *self,
                                                   CdSpellContext  *context);
CdSpellContext *cd_spell_adapter_get_context      (CdSpellAdapter  *self);
GtkTextBuffer  *cd_spell_adapter_get_buffer       (CdSpellAdapter  *self);
GtkTextTag     *cd_spell_adapter_get_misspelt_tag (CdSpellAdapter  *self);
GtkTextTag     *cd_spell_adapter_get_finding_tag  (CdSpellAdapter  *self);
/* Whether text is still waiting to be checked. */
gboolean        cd_spell_adapter_is_pending       (CdSpellAdapter  *self);
/* Checks everything still waiting, now (tests and benchmarks). */
void            cd_spell_adapter_check_now        (CdSpellAdapter  *self);

/* Fills the context menu's spelling part for the word at @iter (what a
 * right-click or the Menu key does before the menu opens). Its actions are
 * "spell.replace" (string: the replacement), "spell.add" and
 * "spell.ignore", on the view. */
void            cd_spell_adapter_update_menu      (CdSpellAdapter    *self,
                                                   const GtkTextIter *iter);
GMenuModel     *cd_spell_adapter_get_menu         (CdSpellAdapter    *self);

/* The same for a one-line entry (AdwEntryRow, GtkEntry): underlines through
 * its GtkText's "attributes"; the context menu (its "extra-menu") is about
 * the misspelt word at the cursor, or else the entry's first one, since a
 * right-click does not move an entry's cursor. Lives as long as @editable. */
void            cd_spell_adapter_attach_entry      (GtkEditable     *editable,
                                                    const char      *field);
void            cd_spell_adapter_set_entry_context (GtkEditable     *editable,
                                                    CdSpellContext  *context);
/* The entry's GtkText, whose "attributes" hold the underlines (tests). */
GtkText        *cd_spell_adapter_get_entry_text    (GtkEditable     *editable);
/* Fills the entry's menu as the Menu key would (tests). */
GMenuModel     *cd_spell_adapter_update_entry_menu (GtkEditable     *editable);

G_END_DECLS
