/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gio/gio.h>

#include "cd-article.h"
#include "cd-version.h"

G_BEGIN_DECLS

/* The version store: every version of every article the user saved
 * explicitly, changed the status of, published, exported or restored, in one
 * SQLite database per user ($XDG_DATA_HOME/copydesk/versions.sqlite). Keyed
 * by the article's id, not its file, so that the history follows an article
 * that was moved, renamed or sent back by a colleague. Each version holds
 * the whole article in the canonical .copydesk form (cd_article_to_data), so
 * any version loads back as a CdArticle. Autosaves make no version.
 *
 * Recording the same bytes as the article's newest version records nothing
 * and returns that version.
 *
 * Durability: the database is in WAL mode with synchronous=FULL. A version
 * recorded for a publish or an export is the only record of what left the
 * desk; FULL makes every recording durable through a power cut, at the
 * price of one fsync of the write-ahead log per recording, which is small
 * beside the fsync the article's own save already pays (and recording can
 * run in a thread: cd_version_store_record_async). A crash mid-write
 * (a killed process) loses at most the recording under way; the database
 * stays whole.
 *
 * Pruning policy, applied to the article after each recording in the same
 * transaction, so the store stays bounded:
 * - every version of the last 14 days is kept;
 * - versions between 14 and 90 days old are thinned to the newest of each
 *   day (UTC), older ones to the newest of each month (UTC);
 * - versions recorded for a status change or a publish (or whose content was
 *   recorded again for one) are never thinned;
 * - at most 500 versions per article: beyond that the oldest go, thinnable
 *   ones first;
 * - at most 256 MiB of article data in the whole store: beyond that the
 *   oldest versions of any article go, thinnable ones first.
 * An article's newest version is never pruned.
 *
 * Several windows and copydesk-cli may use the store at once: each waits up
 * to 5 seconds for another's write, then reports CD_VERSION_STORE_ERROR_BUSY.
 * One store object may be used from several threads; its calls are
 * serialized. */

#define CD_VERSION_STORE_ERROR (cd_version_store_error_quark ())

/**
 * CdVersionStoreError:
 * @CD_VERSION_STORE_ERROR_OPEN: the store could not be opened or created
 * @CD_VERSION_STORE_ERROR_CORRUPT: the file is not a version store or is
 *   damaged; when opening, it was moved aside (the message says where) and
 *   the next open starts a new store
 * @CD_VERSION_STORE_ERROR_NEWER_VERSION: a newer Copydesk made the store
 * @CD_VERSION_STORE_ERROR_BUSY: another program kept the store locked
 * @CD_VERSION_STORE_ERROR_NOT_FOUND: no such version of the article
 * @CD_VERSION_STORE_ERROR_DAMAGED: a stored version does not load back
 * @CD_VERSION_STORE_ERROR_WRITE: the store could not be written (a full
 *   disk, a read-only folder)
 *
 * Errors of the version store. Every message names the store's file and says
 * what to do.
 */
typedef enum
{
  CD_VERSION_STORE_ERROR_OPEN,
  CD_VERSION_STORE_ERROR_CORRUPT,
  CD_VERSION_STORE_ERROR_NEWER_VERSION,
  CD_VERSION_STORE_ERROR_BUSY,
  CD_VERSION_STORE_ERROR_NOT_FOUND,
  CD_VERSION_STORE_ERROR_DAMAGED,
  CD_VERSION_STORE_ERROR_WRITE,
} CdVersionStoreError;

GQuark cd_version_store_error_quark (void);

#define CD_TYPE_VERSION_STORE (cd_version_store_get_type ())
G_DECLARE_FINAL_TYPE (CdVersionStore, cd_version_store, CD, VERSION_STORE, GObject)

CdVersionStore *cd_version_store_new_for_user      (GError         **error) G_GNUC_WARN_UNUSED_RESULT;
CdVersionStore *cd_version_store_new_for_path      (const char      *path,
                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
const char     *cd_version_store_get_path          (CdVersionStore  *self);

CdVersion      *cd_version_store_record            (CdVersionStore  *self,
                                                    CdArticle       *article,
                                                    CdVersionReason  reason,
                                                    const char      *author,
                                                    const char      *path,
                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
CdVersion      *cd_version_store_record_at_time    (CdVersionStore  *self,
                                                    CdArticle       *article,
                                                    CdVersionReason  reason,
                                                    const char      *author,
                                                    const char      *path,
                                                    GDateTime       *time,
                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
void            cd_version_store_record_async      (CdVersionStore  *self,
                                                    CdArticle       *article,
                                                    CdVersionReason  reason,
                                                    const char      *author,
                                                    const char      *path,
                                                    GCancellable    *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer         user_data);
CdVersion      *cd_version_store_record_finish     (CdVersionStore  *self,
                                                    GAsyncResult    *result,
                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;

GListModel     *cd_version_store_list              (CdVersionStore  *self,
                                                    const char      *article_id,
                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
CdVersion      *cd_version_store_find              (CdVersionStore  *self,
                                                    const char      *article_id,
                                                    gint64           version_id,
                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
CdVersion      *cd_version_store_find_last_by_author (CdVersionStore *self,
                                                      const char     *article_id,
                                                      const char     *author,
                                                      GError        **error) G_GNUC_WARN_UNUSED_RESULT;
CdArticle      *cd_version_store_load_article      (CdVersionStore  *self,
                                                    CdVersion       *version,
                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        cd_version_store_delete_article    (CdVersionStore  *self,
                                                    const char      *article_id,
                                                    GError         **error);
gboolean        cd_version_store_check             (CdVersionStore  *self,
                                                    GError         **error);

G_END_DECLS
