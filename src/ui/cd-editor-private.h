/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>

#include "cd-editor.h"
#include "cd-search-bar.h"

G_BEGIN_DECLS

/* The editor's type spans cd-editor.c (the buffer, the article, formatting
 * and find), cd-editor-style.c (the body's font and the style scheme) and
 * cd-editor-paste.c (HTML paste). */

struct _CdEditor
{
  GtkWidget                parent_instance;

  /* Template children */
  CdSearchBar             *search_bar;
  GtkScrolledWindow       *scroller;
  GtkSourceView           *view;

  GtkWidget               *caption;
  GtkWidget               *placeholder;
  GtkSourceBuffer         *buffer;
  GtkCssProvider          *css;       /* the body's font */
  GtkCssProvider          *page_css;
  GSettings               *interface_settings;  /* the desktop's, or NULL */

  CdArticle               *article;
  GSignalGroup            *article_signals;

  GCancellable            *cancellable;
  guint                    sync_source;
  /* Set while the editor changes the buffer or the body itself. */
  guint                    loading;
  guint                    syncing;
  /* Set while "paste-clipboard" should run GtkTextView's own paste. */
  gboolean                 paste_plain;
  /* Set after a redo, until the redone step is sealed: see
   * cd_editor_seal_history (). */
  gboolean                 history_open;
  /* The window's history of the whole article, when the editor is in a
   * window: it replaces the buffer's own undo. */
  CdHistory               *article_history;
  /* Set while a formatting action or a paste edits the buffer. */
  gboolean                 editing;
};

/* cd-editor.c */
void cd_editor_scroll_to_cursor        (CdEditor    *self);
void cd_editor_seal_history            (CdEditor    *self);
/* Starts an edit of the editor's own as one undo step (and one step of the
 * article's history); gtk_text_buffer_end_user_action () ends it. */
void cd_editor_begin_edit              (CdEditor    *self);

/* cd-editor-style.c */
GSettings *cd_editor_interface_settings_new        (void);
void       cd_editor_update_font                   (CdEditor        *self);
void       cd_editor_update_style_scheme           (CdEditor        *self);
void       cd_editor_style_manager_notify_dark_cb  (CdEditor        *self,
                                                    GParamSpec      *pspec,
                                                    AdwStyleManager *style_manager);

/* cd-editor-paste.c */
void cd_editor_paste_plain             (CdEditor    *self);
void cd_editor_insert_markdown_html    (CdEditor    *self,
                                        const char  *html,
                                        gssize       length);
void cd_editor_view_paste_clipboard_cb (CdEditor    *self,
                                        GtkTextView *view);

G_END_DECLS
