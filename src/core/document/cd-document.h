/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* document/: an article and its file over time. CdDocument owns the article,
 * its file, the bytes last saved explicitly (for Discard and Revert) and a
 * file monitor whose findings it exposes as the "disk-state" property
 * (cd-document-disk.c); it writes and restores recovery copies
 * (cd-document-recovery.c). CdSession runs a document's autosave and recovery
 * clocks, and CdHistory is its one undo history across every field. None of
 * this knows about widgets: the window observes these objects. */

#pragma once

#include <gio/gio.h>
#include "cd-article.h"

G_BEGIN_DECLS

#define CD_DOCUMENT_ERROR (cd_document_error_quark ())

typedef enum
{
  CD_DOCUMENT_ERROR_NO_FILE,          /* save without a file: use Save As */
  CD_DOCUMENT_ERROR_CHANGED_ON_DISK,  /* the file changed since it was loaded or saved */
  CD_DOCUMENT_ERROR_RECOVERY,         /* a recovery copy could not be written or read */
} CdDocumentError;

GQuark cd_document_error_quark (void);

/* What cd_document_check_disk_finish () found the document's file to be,
 * and what the document's "disk-state" property says its file monitor found. */
typedef enum
{
  CD_DOCUMENT_DISK_UNCHANGED,  /* as last read or written, or it cannot be told */
  CD_DOCUMENT_DISK_CHANGED,    /* changed or replaced by another program */
  CD_DOCUMENT_DISK_DELETED,    /* gone: deleted, or moved elsewhere */
} CdDocumentDiskState;

#define CD_TYPE_DOCUMENT_DISK_STATE (cd_document_disk_state_get_type ())
GType cd_document_disk_state_get_type (void) G_GNUC_CONST;

/* An article being edited: the article, the file it belongs to (if any),
 * whether it has unsaved changes, and its recovery copy.
 *
 * Properties (read-only unless noted, all notify): "article" (CdArticle,
 * construct-only), "file" (GFile, nullable), "modified" (boolean, writable),
 * "autosaved" (boolean: the file holds changes only autosave wrote),
 * "title" (string: the headline, or "Untitled Article"), "display-name"
 * (string: the file's display name, or "Unsaved Article"), "busy" (boolean:
 * a save is in progress), "disk-state" (CdDocumentDiskState: what other
 * programs did to the file, see below).
 *
 * "modified" means exactly "differs from what the file holds": the document
 * keeps a copy of the article as last loaded or saved and compares field by
 * field (cd_article_equal) after each change, so undoing back to the saved
 * text clears it. cd_document_set_modified (TRUE) marks it modified whatever
 * the content (an import, a deleted file) until the next save; FALSE takes
 * the article as it is as the saved version. A save writes a snapshot of the
 * article atomically (cd_file_replace_contents) off the main thread. Saving
 * refuses, with CD_DOCUMENT_ERROR_CHANGED_ON_DISK, to overwrite a file that
 * changed on disk since it was loaded or last saved, unless @force.
 *
 * Explicit saves and autosaves. An explicit save (Ctrl+S, Save in a dialog:
 * cd_document_save_async) is the user's promise; an automatic one
 * (cd_document_autosave_async) protects against crashes but must never take
 * away the way back to that promise. Both write the file, but the document
 * keeps the bytes of the last explicit save (or of the file as loaded) in
 * memory, and "autosaved" says the file now holds something else. Discard
 * (cd_document_discard_autosaves) puts those bytes back byte for byte, and
 * cd_document_revert_to_saved also brings the article back to them. A window
 * asks before closing when cd_document_get_has_unsaved_work: modified, or
 * autosaved. The bytes are kept in memory only: after a crash, the file as it
 * is on disk is the version a restored document goes back to.
 *
 * Changes on disk. The document watches its file with a GFileMonitor (the
 * new one after Save As) and, once the monitor's events have settled, checks
 * in a thread whether the file is still the version it last read or wrote
 * (a fingerprint: etag, times, size, inode). "disk-state" says what it
 * found; the document's own saves never show there, and a save, Discard or
 * cd_document_ignore_disk_change () brings it back to UNCHANGED. A deleted
 * (or moved) file also marks the document modified. The monitor needs the
 * main context the document was made in to run.
 *
 * Paths. When saving, the lead image is named relative to the target's folder
 * (see cd_document_save_async). The document keeps its article's folder
 * (cd_article_file_set_folder) in step with its file, for preflight.
 *
 * Recovery copies live in a folder the caller chooses (the UI uses
 * $XDG_DATA_HOME/copydesk/recovery); each is a normal .copydesk file named
 * `document-<random id>.copydesk`, a name of the document's own (never the
 * article id, which two copies of a story share), with a small companion
 * `.origin` file recording the original file's URI. A successful save or
 * cd_document_discard_recovery () removes it. */
#define CD_TYPE_DOCUMENT (cd_document_get_type ())
G_DECLARE_FINAL_TYPE (CdDocument, cd_document, CD, DOCUMENT, GObject)

/* @article: (nullable): the article; NULL makes a new, empty one. */
CdDocument *cd_document_new                  (CdArticle           *article) G_GNUC_WARN_UNUSED_RESULT;
CdArticle  *cd_document_get_article          (CdDocument          *self);
GFile      *cd_document_get_file             (CdDocument          *self);
gboolean    cd_document_get_modified         (CdDocument          *self);
void        cd_document_set_modified         (CdDocument          *self,
                                              gboolean             modified);
gboolean    cd_document_get_busy             (CdDocument          *self);
gboolean    cd_document_get_autosaved        (CdDocument          *self);
/* Modified, or autosaved: closing must ask. */
gboolean    cd_document_get_has_unsaved_work (CdDocument          *self);
/* There is an explicit save to go back to, and something differs from it. */
gboolean    cd_document_can_revert           (CdDocument          *self);
const char *cd_document_get_title            (CdDocument          *self);
const char *cd_document_get_display_name     (CdDocument          *self);
/* The folder of the document's file, for relative image paths; NULL if unsaved. */
GFile      *cd_document_dup_article_dir      (CdDocument          *self) G_GNUC_WARN_UNUSED_RESULT;

void        cd_document_load_async           (GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CdDocument *cd_document_load_finish          (GAsyncResult        *result,
                                              GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* @file: (nullable): where to save; NULL for the document's own file. */
void        cd_document_save_async           (CdDocument          *self,
                                              GFile               *file,
                                              gboolean             force,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    cd_document_save_finish          (CdDocument          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* An automatic save to the document's own file; finish with
 * cd_document_save_finish (). The bytes of the last explicit save are kept. */
void        cd_document_autosave_async       (CdDocument          *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Puts the file back as last saved explicitly, if autosave wrote over it. */
gboolean    cd_document_discard_autosaves    (CdDocument          *self,
                                              GError             **error);
/* Back to the last explicit save: the file and the article. */
void        cd_document_assign_article       (CdDocument          *self,
                                              CdArticle           *source);
gboolean    cd_document_revert_to_saved      (CdDocument          *self,
                                              GError             **error);
/* Synchronous save, for tests and the CLI. */
gboolean    cd_document_save                 (CdDocument          *self,
                                              GFile               *file,
                                              gboolean             force,
                                              GCancellable        *cancellable,
                                              GError             **error);

CdDocumentDiskState
            cd_document_get_disk_state       (CdDocument          *self);
/* Compares the file on disk with the version the document last read or
 * wrote, off the main thread, now (the "disk-state" property does it by
 * itself when the file monitor reports something). */
void        cd_document_check_disk_async     (CdDocument          *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CdDocumentDiskState
            cd_document_check_disk_finish    (CdDocument          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* Lets the next save replace the version of the file that the last check
 * found changed ("keep mine"); a later change is still a conflict. Brings
 * "disk-state" back to UNCHANGED. */
void        cd_document_ignore_disk_change   (CdDocument          *self);

void        cd_document_set_recovery_dir     (CdDocument          *self,
                                              GFile               *dir);
GFile      *cd_document_get_recovery_file    (CdDocument          *self);
/* Writes the recovery copy now (atomically). */
gboolean    cd_document_write_recovery       (CdDocument          *self,
                                              GError             **error);
/* Removes the recovery copy, if any (after Discard). */
void        cd_document_discard_recovery     (CdDocument          *self);
/* A document restored from a recovery copy: its original file (if it had one)
 * becomes the document's file, it is modified, and it keeps using @recovery_file
 * as its recovery copy until saved or discarded. */
CdDocument *cd_document_new_from_recovery    (GFile               *recovery_file,
                                              GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* The recovery copies in @dir, newest first: (element-type GFile) (transfer full). */
GPtrArray  *cd_document_list_recoveries      (GFile               *dir) G_GNUC_WARN_UNUSED_RESULT;
/* Removes what interrupted writes left in @dir: temporary files, and origin
 * files without a copy. Only while no document writes there (at start-up). */
void        cd_document_remove_stale_recovery_files (GFile        *dir);

G_END_DECLS
