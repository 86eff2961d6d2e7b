/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include "copydesk-core.h"

G_BEGIN_DECLS

/* The article's tags as removable chips, with an entry that suggests IPTC
 * Media Topics (label, code and parent shown) and tags used before while
 * typing. Enter adds the selected suggestion, or a free tag when none is
 * selected; Up/Down move through suggestions; Backspace in an empty entry
 * focuses the last chip; Delete/BackSpace on a chip removes it.
 *
 * Properties: "article" (CdArticle, nullable), "settings" (GSettings,
 * nullable: its "recent-tags" key is read for suggestions and updated when a
 * tag is added). */
#define CD_TYPE_TAG_EDITOR (cd_tag_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdTagEditor, cd_tag_editor, CD, TAG_EDITOR, GtkWidget)

GtkWidget *cd_tag_editor_new          (void);
CdArticle *cd_tag_editor_get_article  (CdTagEditor *self);
void       cd_tag_editor_set_article  (CdTagEditor *self,
                                       CdArticle   *article);
GSettings *cd_tag_editor_get_settings (CdTagEditor *self);
void       cd_tag_editor_set_settings (CdTagEditor *self,
                                       GSettings   *settings);
/* The suggestions shown for the entry's current text (a GListModel of
 * CdMediaTopic for vocabulary matches and CdTag for tags used before). */
GListModel *cd_tag_editor_get_suggestions (CdTagEditor *self);
/* Focuses the tag entry. */
void       cd_tag_editor_focus        (CdTagEditor *self);

G_END_DECLS
