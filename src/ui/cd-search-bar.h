/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>

#include "copydesk-core.h"

G_BEGIN_DECLS

/* Find and replace for a GtkSourceView: a GtkSearchBar with the search
 * entry, the match count ("3 of 12"), "Aa" for case, and the replace row
 * behind a toggle.
 *
 * The bar's buttons and entries activate the body editor's actions
 * (editor.find-next, editor.find-previous, editor.replace,
 * editor.replace-all), which call the functions below: the editor owns the
 * shortcuts and the undo history the replacements go into.
 *
 * With an article, the other text fields of the article are searched too,
 * before the body as on the form (core's cd_find_in_article ()); a match in
 * a field is shown through the window's win.reveal-field action.
 *
 * Properties: "view" (GtkSourceView, nullable): the view searched;
 * "article" (CdArticle, nullable): the article whose fields are searched. */
#define CD_TYPE_SEARCH_BAR (cd_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (CdSearchBar, cd_search_bar, CD, SEARCH_BAR, GtkWidget)

GtkWidget     *cd_search_bar_new                (void);
GtkSourceView *cd_search_bar_get_view           (CdSearchBar   *self);
void           cd_search_bar_set_view           (CdSearchBar   *self,
                                                 GtkSourceView *view);
CdArticle     *cd_search_bar_get_article        (CdSearchBar   *self);
void           cd_search_bar_set_article        (CdSearchBar   *self,
                                                 CdArticle     *article);
/* Shows the bar (with the replace row if @replace), the selection as the
 * search when it is a short piece of one line, and focuses the entry. */
void           cd_search_bar_open               (CdSearchBar   *self,
                                                 gboolean       replace);
void           cd_search_bar_close              (CdSearchBar   *self);
/* Select the next or previous match; with no search they open the bar. */
void           cd_search_bar_find_next          (CdSearchBar   *self);
void           cd_search_bar_find_previous      (CdSearchBar   *self);
/* Whether the selection is a match, which cd_search_bar_replace () replaces. */
gboolean       cd_search_bar_selection_is_match (CdSearchBar   *self);
gboolean       cd_search_bar_has_search         (CdSearchBar   *self);
/* Replaces the selected match and selects the next one. */
void           cd_search_bar_replace            (CdSearchBar   *self);
void           cd_search_bar_replace_all        (CdSearchBar   *self);

G_END_DECLS
