/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include "cd-window.h"

#include "cd-editor.h"
#include "cd-file-bar.h"
#include "cd-metadata-form.h"
#include "cd-preflight-button.h"
#include "cd-preview.h"
#include "cd-publish-button.h"
#include "cd-spell-context.h"
#include "cd-status-bar.h"

G_BEGIN_DECLS

/* Shared by the files that make up CdWindow: cd-window.c (layout, panes,
 * checks, the document), cd-window-files.c (save, autosave, recovery,
 * closing), cd-window-open.c (open, import, drop, changes on disk) and
 * cd-window-export.c. */

struct _CdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwSplitButton       *open_button;
  AdwSplitButton       *export_button;
  CdPublishButton      *publish_button;
  CdPreflightButton    *preflight_button;
  AdwFlap              *details_flap;
  AdwFlap              *preview_flap;
  CdMetadataForm       *form;
  CdPreview            *preview;
  CdFileBar            *file_bar;
  CdEditor             *editor;
  CdStatusBar          *status_bar;
  GMenu                *file_section;
  CdSpellContext       *spell;

  GSettings            *settings;
  CdHouseRules         *default_rules;   /* only without a CdApplication */
  CdDocument           *document;
  GSignalGroup         *document_signals;
  GBindingGroup        *document_bindings;
  /* The recovery copy and autosave of the document (cd-window-files.c). */
  CdSession            *session;
  GSignalGroup         *session_signals;
  GSignalGroup         *article_signals;
  GSignalGroup         *buffer_signals;
  GCancellable         *cancellable;     /* loading and importing */
  AdwMessageDialog     *close_dialog;    /* weak */
  GFile                *save_as_file;    /* tests */
  char                 *preview_device;
  char                 *pending_focus_field;
  CdHistory            *history;         /* cd-window-undo.c */
  GSignalGroup         *history_signals;          /* cd-window-undo.c */
  GSignalGroup         *history_article_signals;  /* cd-window-undo.c */
  AdwToast             *undo_toast;      /* weak */
  guint                 limits_source;
  GCancellable         *publish_cancellable;  /* cd-window-publish.c */

  /* The version store (cd-window-history.c). */
  GtkWindow            *history_dialog;   /* NULL once destroyed */
  gpointer              history_document; /* compared only: whose status below */
  CdArticleStatus       history_status;   /* at the last recorded version */
  GCancellable         *history_cancellable;
  guint                 history_restored : 1;
  guint                 history_failed : 1;

  guint                 check_source;
  /* Questions about the article on screen (closing, reverting, copying the
   * lead image): the session is paused while there are any. */
  guint                 questions;

  guint                 loading : 1;
  guint                 saving : 1;
  guint                 save_again : 1;
  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
  /* Destroyed: its last recovery copy is written, and it writes no more even
   * if something keeps it alive for a while. */
  guint                 destroyed : 1;
  /* The folded state each flap had when last seen, to tell a reveal change
   * made by folding from one the user asked for. */
  guint                 preview_folded : 1;
  guint                 details_folded : 1;
  /* Whether the user wants the details beside the editor when there is room. */
  guint                 details_wanted : 1;
};

/* Accessors for cd-window-export.c */
GSettings    *cd_window_get_settings    (CdWindow   *self);
CdHouseRules *cd_window_get_house_rules (CdWindow   *self);
/* Copies pending body edits into the article (before save and export). */
void          cd_window_flush           (CdWindow   *self);
/* A fresh preflight check of the current article, after flushing the body
 * editor. (transfer full) */
GListModel   *cd_window_check           (CdWindow   *self) G_GNUC_WARN_UNUSED_RESULT;
/* Shows @toast in the window. (transfer full: takes the toast) */
void          cd_window_add_toast       (CdWindow   *self,
                                         AdwToast   *toast);

/* cd-window.c */
CdApplication *cd_window_get_cd_application (CdWindow   *self);
/* A toast with plain text (escaped here: toast titles are markup). */
void          cd_window_show_toast      (CdWindow   *self,
                                         const char *message);
void          cd_window_show_error      (CdWindow   *self,
                                         const char *heading,
                                         const char *message);
void          cd_window_focus_body      (CdWindow   *self);

/* Shows @field (a field id as preflight names it) and focuses it. */
void          cd_window_reveal_field    (CdWindow   *self,
                                         const char *field);

/* cd-window-spell.c: the spell checking every text of the window shares,
 * and win.check-spelling (the "check-spelling" setting). */
void          cd_window_spell_init       (CdWindow       *self);
CdSpellContext *cd_window_get_spell_context (CdWindow    *self);

/* cd-window-undo.c: win.undo (<Control>z) and win.redo (<Control><Shift>z,
 * <Control>y) for the whole article. */
void          cd_window_undo_class_init  (GtkWidgetClass *widget_class);
void          cd_window_undo_init        (CdWindow       *self);
void          cd_window_undo_dispose     (CdWindow       *self);
/* A new history for the window's article. */
void          cd_window_undo_set_article (CdWindow       *self,
                                          CdArticle      *article);
CdHistory    *cd_window_get_history      (CdWindow       *self);

/* cd-window-files.c */
void          cd_window_files_class_init       (GtkWidgetClass *widget_class);
void          cd_window_files_init             (CdWindow       *self);
/* Replaces the session with one for @document (NULL: none), forwarding the
 * settings and whether a question is open. */
void          cd_window_set_session            (CdWindow       *self,
                                                CdDocument     *document);
/* A save of the article is running: the user's, or an autosave. */
gboolean      cd_window_is_saving              (CdWindow       *self);
/* FALSE when the window must not close yet (it asks about unsaved changes). */
gboolean      cd_window_may_close              (CdWindow       *self);
/* Adds @file to the recently used files. */
void          cd_window_add_to_recent          (GFile          *file);

/* cd-window-open.c: opening, importing, dropped files, changes on disk
 * (win.reload). Called from cd_window_files_class_init () and
 * cd_window_files_init (). */
void          cd_window_open_class_init        (GtkWidgetClass *widget_class);
void          cd_window_open_init              (CdWindow       *self);

/* Imports the ninjs JSON @file as a new, unsaved article in this window;
 * errors are shown in the window. */
void          cd_window_import_file     (CdWindow   *self,
                                         GFile      *file);

/* What the bar above the editor says about the article's file:
 * UNCHANGED when it is hidden. */
CdDocumentDiskState
              cd_window_get_file_bar_state   (CdWindow *self);
/* For tests, which cannot drive a file chooser: when set, Save As (and Save
 * of an article without a file) writes to @file instead of asking. */
void          cd_window_set_save_as_file     (CdWindow *self,
                                              GFile    *file);

/* cd-window-export.c: installs win.export (<Control>e: last-used format and
 * folder; the first time a file chooser), win.export-as (<Control><Shift>e:
 * always asks where) and win.export-format (string parameter: an exporter id;
 * exports in that format and makes it the last-used one). */
void          cd_window_export_class_init (GtkWidgetClass *widget_class);
/* The "Export As" menu: one item per registered exporter. (transfer full) */
GMenuModel   *cd_window_export_dup_menu   (void) G_GNUC_WARN_UNUSED_RESULT;
/* "This article has 2 problems that block publication: …", for a question
 * before exporting or publishing an article that is not ready. */
char         *cd_window_describe_problems (GListModel *issues) G_GNUC_WARN_UNUSED_RESULT;

/* cd-window-publish.c: win.publish and win.publish-cancel (the Publish
 * button's popover), win.open-link (string: an address) and
 * win.open-from-site. */
void          cd_window_publish_class_init (GtkWidgetClass *widget_class);
void          cd_window_publish_init       (CdWindow       *self);
void          cd_window_publish_dispose    (CdWindow       *self);
/* Opens @article as a new, unsaved document: in this window when it is
 * unused, else in a new window. */
void          cd_window_open_article       (CdWindow       *self,
                                            CdArticle      *article);

/* cd-window-history.c: win.history (<Control><Alt>h) and the versions the
 * window records in the user's version store. */
void          cd_window_history_class_init (GtkWidgetClass  *widget_class);
void          cd_window_history_dispose    (CdWindow        *self);
/* Records the article as it is now, for @reason (an export, a publish). */
void          cd_window_history_record     (CdWindow        *self,
                                            CdVersionReason  reason);
/* After an explicit save: records a version for the save, or for the
 * status change or restore it carries. */
void          cd_window_history_saved      (CdWindow        *self);
/* After opening a file: offers to compare with the user's last version
 * when the article differs from it. */
void          cd_window_history_opened     (CdWindow        *self);
/* Opens the History view; @version_id selects a version (0: the newest). */
void          cd_window_history_show       (CdWindow        *self,
                                            gint64           version_id);

G_END_DECLS
