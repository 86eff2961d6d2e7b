/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>
#include "copydesk-core.h"
#include "cd-spell-context.h"

G_BEGIN_DECLS

/* The Markdown body editor: a GtkSourceView with Markdown highlighting, word
 * wrap, a readable width, find and replace, formatting actions and paste of
 * browser HTML as Markdown.
 *
 * The buffer is the source of truth while typing; its text is copied into the
 * article's body on a short debounce (and at once by cd_editor_flush ()).
 * Setting an article loads its body into the buffer and clears undo.
 *
 * Properties: "article" (CdArticle, nullable), "buffer" (GtkSourceBuffer,
 * read-only).
 *
 * Actions (group "editor."): bold (<Control>b), italic (<Control>i),
 * link (<Control>k), heading (<Control><Shift>h: ## → ### → none),
 * quote (<Control>apostrophe), bulleted-list (<Control><Shift>l),
 * numbered-list (<Control><Shift>o), find (<Control>f), find-replace
 * (<Control>h, as in GNOME Text Editor and word processors), find-next
 * (<Control>g), find-previous (<Control><Shift>g), replace and replace-all
 * (the search bar's buttons), paste-plain (<Control><Shift>v: paste the
 * clipboard's text without turning its HTML into Markdown).
 * Undo and redo are GtkSourceView's own (<Control>z, <Control><Shift>z). */
#define CD_TYPE_EDITOR (cd_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdEditor, cd_editor, CD, EDITOR, GtkWidget)

GtkWidget       *cd_editor_new          (void);
CdArticle       *cd_editor_get_article  (CdEditor  *self);
void             cd_editor_set_article  (CdEditor  *self,
                                         CdArticle *article);
GtkSourceBuffer *cd_editor_get_buffer   (CdEditor  *self);
GtkTextView     *cd_editor_get_view     (CdEditor  *self);
/* Copies the buffer into the article now, if it differs. */
void             cd_editor_flush        (CdEditor  *self);
gboolean         cd_editor_has_pending_edits (CdEditor *self);
void             cd_editor_set_history  (CdEditor  *self,
                                         CdHistory *history);
void             cd_editor_place_cursor (CdEditor  *self,
                                         int        offset);
/* Inserts Markdown converted from @html at the cursor, replacing the selection. */
void             cd_editor_insert_html  (CdEditor   *self,
                                         const char *html);
/* Spell checking and house-style underlines in the body (cd-spell-adapter.h). */
void             cd_editor_set_spell_context (CdEditor       *self,
                                              CdSpellContext *context);

G_END_DECLS
