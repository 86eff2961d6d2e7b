/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <sqlite3.h>

#include "cd-version-store.h"

G_BEGIN_DECLS

/* What the files of the version store share: cd-version-store.c (opening,
 * recording, listing, loading), cd-version-store-prune.c (the pruning
 * policy) and cd-version.c (one listed version). */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Every public call holds @lock, so that one store may be used from the
 * threads of cd_version_store_record_async and the main thread at once. */
struct _CdVersionStore
{
  GObject parent_instance;

  GMutex lock;
  sqlite3 *db;
  char *path;
  guint max_per_article;
  gint64 max_total_bytes;
};

/* The columns that make a CdVersion, in the order cd_version_new_from_row
 * reads them. */
#define VERSION_COLUMNS \
  "id, article_id, recorded_us, reason, author, status, headline, words, path, sha256, size"

#define CD_VERSION_STORE_KEEP_ALL_DAYS       14
#define CD_VERSION_STORE_DAILY_DAYS          90
#define CD_VERSION_STORE_MAX_PER_ARTICLE     500
#define CD_VERSION_STORE_MAX_TOTAL_BYTES     (G_GINT64_CONSTANT (256) * 1024 * 1024)
#define CD_VERSION_STORE_BUSY_TIMEOUT_MS     5000

/* cd-version.c: a version made from one row of the versions table. */
CdVersion *cd_version_new_internal (gint64           id,
                                    const char      *article_id,
                                    gint64           time_us,
                                    CdVersionReason  reason,
                                    const char      *author,
                                    CdArticleStatus  status,
                                    const char      *headline,
                                    guint            words,
                                    const char      *path,
                                    const char      *sha256,
                                    gsize            size) G_GNUC_WARN_UNUSED_RESULT;

CdVersion *cd_version_new_from_row (sqlite3_stmt *stmt) G_GNUC_WARN_UNUSED_RESULT;

/* cd-version-store-prune.c: applies the policy to @article_id, then the
 * size cap to the whole store, inside the caller's transaction. @now_us is
 * the time of the recording that runs it. */
gboolean   cd_version_store_prune_locked (sqlite3     *db,
                                          const char  *article_id,
                                          gint64       now_us,
                                          guint        max_per_article,
                                          gint64       max_total_bytes,
                                          guint       *n_deleted,
                                          GError     **error);

/* cd-version-store.c: an error from the last statement on @db, with the
 * store's path and what to do. */
void       cd_version_store_set_sqlite_error (GError     **error,
                                              sqlite3     *db,
                                              int          code,
                                              const char  *path);

/* For the tests: smaller caps, and a shorter wait for a lock. */
void       cd_version_store_set_limits       (CdVersionStore *self,
                                              guint           max_per_article,
                                              gint64          max_total_bytes);
void       cd_version_store_set_busy_timeout (CdVersionStore *self,
                                              int             timeout_ms);

G_END_DECLS
