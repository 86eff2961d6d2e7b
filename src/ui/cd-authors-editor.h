/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include "copydesk-core.h"

G_BEGIN_DECLS

/* The article's authors as an editable list: each row has a name and a role
 * entry and a remove button; "Add Author" appends an empty one and focuses it.
 * Edits go straight to the CdAuthor objects of the article.
 *
 * Properties: "article" (CdArticle, nullable). */
#define CD_TYPE_AUTHORS_EDITOR (cd_authors_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdAuthorsEditor, cd_authors_editor, CD, AUTHORS_EDITOR, GtkWidget)

GtkWidget *cd_authors_editor_new         (void);
CdArticle *cd_authors_editor_get_article (CdAuthorsEditor *self);
void       cd_authors_editor_set_article (CdAuthorsEditor *self,
                                          CdArticle       *article);
/* Focuses the name of the author at @position (a preflight issue's
 * "authors[N].name"); FALSE when there is no such author. */
gboolean   cd_authors_editor_focus_author (CdAuthorsEditor *self,
                                           guint            position);
/* Focuses the first author's name, or the add button when there is none. */
void       cd_authors_editor_focus       (CdAuthorsEditor *self);

G_END_DECLS
