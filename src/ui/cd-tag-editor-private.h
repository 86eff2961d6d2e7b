/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The tag editor's instance structure and what its two files share: the
 * widget, its chips and actions (cd-tag-editor.c) and its suggestions
 * (cd-tag-editor-suggestions.c). Only cd-tag-editor*.c include this
 * header. */

#pragma once

#include "cd-tag-editor.h"

G_BEGIN_DECLS

struct _CdTagEditor
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *box;
  GtkFlowBox         *chips;
  GtkWidget          *empty_label;
  GtkEntry           *entry;
  GtkPopover         *popover;
  GtkWidget          *scroller;
  GtkListView        *list;

  CdArticle          *article;
  GListModel         *tags;
  /* Follows the article's tags: a change shows or hides the empty label. */
  GSignalGroup       *tags_signals;
  GSettings          *settings;

  GListStore         *suggestions;     /* (element-type GObject): CdTag, CdMediaTopic */
  GtkSingleSelection *selection;

  GdkRectangle        pointing_to;
};

char       *cd_tag_editor_dup_query          (CdTagEditor              *self) G_GNUC_WARN_UNUSED_RESULT;
const char *cd_tag_editor_article_language   (CdTagEditor              *self);
void        cd_tag_editor_remember_tag       (CdTagEditor              *self,
                                              CdTag                    *tag);
void        cd_tag_editor_update_suggestions (CdTagEditor              *self);
void        cd_tag_editor_hide_suggestions   (CdTagEditor              *self);
void        cd_tag_editor_select_offset      (CdTagEditor              *self,
                                              int                       offset);
void        cd_tag_editor_setup_row_cb       (GtkSignalListItemFactory *factory,
                                              GtkListItem              *item,
                                              CdTagEditor              *self);
void        cd_tag_editor_bind_row_cb        (GtkSignalListItemFactory *factory,
                                              GtkListItem              *item,
                                              CdTagEditor              *self);

G_END_DECLS
