/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
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

/* What cd_document_check_disk_finish () found the document's file to be. */
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
 * "title" (string: the headline, or "Untitled Article"), "display-name"
 * (string: the file's display name, or "Unsaved Article"), "busy" (boolean:
 * a save is in progress).
 *
 * Any change to the article ("changed" signal) sets "modified". A save writes
 * a snapshot of the article atomically (cd_file_replace_contents) off the main
 * thread; "modified" is cleared only if nothing changed after the snapshot.
 * Saving refuses, with CD_DOCUMENT_ERROR_CHANGED_ON_DISK, to overwrite a file
 * that changed on disk since it was loaded or last saved, unless @force.
 *
 * Recovery copies live in a folder the caller chooses (the UI uses
 * $XDG_DATA_HOME/copydesk/recovery); each is a normal .copydesk file named
 * after the article id, with a small companion file recording the original
 * file's URI. A successful save or cd_document_discard_recovery () removes it. */
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
/* Synchronous save, for tests and the CLI. */
gboolean    cd_document_save                 (CdDocument          *self,
                                              GFile               *file,
                                              gboolean             force,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* Compares the file on disk with the version the document last read or
 * wrote, off the main thread; for a file monitor's events. */
void        cd_document_check_disk_async     (CdDocument          *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CdDocumentDiskState
            cd_document_check_disk_finish    (CdDocument          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* Lets the next save replace the version of the file that the last check
 * found changed ("keep mine"); a later change is still a conflict. */
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
