/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include "cd-document.h"

G_BEGIN_DECLS

/* Shared by the files that make up CdDocument: cd-document.c (the type and
 * loading), cd-document-save.c (saving), cd-document-revert.c (saved
 * versions), cd-document-disk.c (changes other programs make to the file)
 * and cd-document-recovery.c (recovery copies). */

#define FINGERPRINT_ATTRIBUTES \
  G_FILE_ATTRIBUTE_ETAG_VALUE "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_UNIX_INODE

#define RECOVERY_SUFFIX ".copydesk"
#define ORIGIN_SUFFIX   ".origin"

struct _CdDocument
{
  GObject    parent_instance;

  CdArticle *article;
  GFile     *file;
  char      *title;
  char      *display_name;

  /* The file's fingerprint when it was loaded or last saved; NULL when not known. */
  char      *fingerprint;
  /* The fingerprint of the other version the last disk check found, for
   * cd_document_ignore_disk_change(); NULL when it found none. */
  char      *disk_fingerprint;

  /* Watches the file for other programs' changes; NULL without a file, or
   * on a file system that cannot be watched. */
  GFileMonitor *monitor;
  GSignalGroup *monitor_signals;
  /* Waits for the monitor's events to settle before the file is looked at. */
  guint      disk_settle_source;
  /* The running check, if any; a new check cancels the one before. */
  GCancellable *disk_check_cancellable;
  CdDocumentDiskState disk_state;

  /* The article as its file holds it: a copy taken when the document was
   * made or loaded and at each save, of either kind. "modified" is whether
   * the article differs from it. */
  CdArticle *saved_article;
  /* The file's bytes at the user's last explicit save, or as loaded; NULL
   * when there are none (a new article, or a file that was gone). */
  GBytes    *explicit_bytes;

  /* Changes made to the article since the document was made. */
  guint64    change_count;
  gulong     changed_handler;

  /* Saves waiting for the running one: GTasks of cd_document_save_async(). */
  GQueue     save_queue;

  GFile     *recovery_dir;
  GFile     *recovery_file;
  /* The name of this document's recovery copy, without its suffix: unique
   * to the document, whatever its article's id. */
  char      *recovery_stem;
  guint64    recovery_change_count;

  guint      modified : 1;
  /* Marked modified by cd_document_set_modified() whatever the content. */
  guint      forced_modified : 1;
  /* The file holds changes that only autosave wrote. */
  guint      autosaved : 1;
  guint      busy : 1;
  /* A recovery copy of this document is on disk at recovery_file, which is
   * then fixed until the copy is removed. */
  guint      has_recovery : 1;
};

/* cd-document.c */
/* The file's metadata and a hash of its content; safe in any thread. */
char       *cd_document_dup_fingerprint          (GFile               *file,
                                                  GFileInfo           *info) G_GNUC_WARN_UNUSED_RESULT;
char       *cd_document_dup_info_display_name    (GFileInfo           *info) G_GNUC_WARN_UNUSED_RESULT;
/* Sets the file and its display name; @display_name NULL works it out. */
void        cd_document_store_file               (CdDocument          *self,
                                                  GFile               *file,
                                                  const char          *display_name);
/* (transfer full) @saved: the article as its file now holds it. */
void        cd_document_take_saved_article       (CdDocument          *self,
                                                  CdArticle           *saved);
void        cd_document_store_disk_state         (CdDocument          *self,
                                                  CdDocumentDiskState  state);
void        cd_document_set_busy                 (CdDocument          *self,
                                                  gboolean             busy);
void        cd_document_update_modified          (CdDocument          *self);
void        cd_document_store_autosaved          (CdDocument          *self,
                                                  gboolean             autosaved);

/* cd-document-revert.c */
CdArticle  *cd_document_parse_explicit_bytes     (CdDocument          *self,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* cd-document-disk.c */
void        cd_document_disk_init                (CdDocument          *self);
void        cd_document_watch_file               (CdDocument          *self);
void        cd_document_stop_watching            (CdDocument          *self);

/* cd-document-recovery.c */
void        cd_document_remove_recovery_files    (CdDocument          *self);

G_END_DECLS
