/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-version"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cd-article-file.h"
#include "cd-text.h"
#include "cd-version-store-private.h"

/* The version store (cd-version-store.h says what it promises). Every
 * statement binds its values; every transaction that writes begins
 * IMMEDIATE, so that two writers wait for each other through the busy
 * timeout instead of failing on a read lock that cannot be upgraded. */

/* PRAGMA user_version: 0 for a new file, then the schema below. A later
 * schema adds a step from each earlier version in prepare_schema (); a store
 * with a higher number than this is refused, not changed. */
#define SCHEMA_VERSION 1

G_DEFINE_FINAL_TYPE (CdVersionStore, cd_version_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cd-version-store-error-quark, cd_version_store_error)

static const char schema[] =
  "CREATE TABLE versions ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  article_id TEXT NOT NULL,"
  "  recorded_us INTEGER NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  author TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  headline TEXT NOT NULL,"
  "  words INTEGER NOT NULL,"
  "  path TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  /* Recorded, or recorded again unchanged, for a status change or a
   * publish: never thinned, last to go under a cap. */
  "  pinned INTEGER NOT NULL,"
  /* Last, so that listing never reads the article's bytes. */
  "  data BLOB NOT NULL"
  ");"
  "CREATE INDEX versions_by_article ON versions (article_id, recorded_us, id);"
  "PRAGMA user_version = 1;";

void
cd_version_store_set_sqlite_error (GError     **error,
                                   sqlite3     *db,
                                   int          code,
                                   const char  *path)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);

  if (path == NULL || *path == '\0')
    path = "versions.sqlite";

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_BUSY,
                   _("The version store %s stayed locked by another Copydesk window or "
                     "copydesk-cli; try again in a moment."), path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_CORRUPT,
                   _("The version store %s is damaged (%s). Quit Copydesk and move the file "
                     "aside; Copydesk starts a new store the next time."), path, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_WRITE,
                   _("The version store %s could not be written: the disk is full. "
                     "Free some space and try again."), path);
      break;
    default:
      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_WRITE,
                   _("The version store %s could not be written (%s). Check that its folder "
                     "is writable and the disk not full."), path, detail);
      break;
    }
}

static gboolean
exec (CdVersionStore  *self,
      const char      *sql,
      GError         **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      cd_version_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

static void
rollback (CdVersionStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
query_int (CdVersionStore  *self,
           const char      *sql,
           gint64          *value,
           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cd_version_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* A file that is not a version store is kept under a new name, with its
 * write-ahead log, so that whatever it holds can still be rescued. */
static void
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *broken = g_strdup_printf ("%s.broken-%s", path, stamp);
  int saved_errno;

  for (guint i = 2; g_file_test (broken, G_FILE_TEST_EXISTS); i++)
    {
      g_free (broken);
      broken = g_strdup_printf ("%s.broken-%s-%u", path, stamp, i);
    }

  if (g_rename (path, broken) != 0)
    {
      saved_errno = errno;
      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_CORRUPT,
                   _("The version store %s is not a Copydesk version store or is damaged, "
                     "and could not be moved aside (%s). Move or delete it, then try again."),
                   path, g_strerror (saved_errno));
      return;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (broken, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_CORRUPT,
               _("The version store %s is not a Copydesk version store or is damaged. "
                 "It was moved to %s so that nothing in it is lost; Copydesk starts a new "
                 "store the next time it is opened."), path, broken);
}

/* The schema, made once by whichever program opens the store first. */
static gboolean
prepare_schema (CdVersionStore  *self,
                GError         **error)
{
  gint64 version = 0;
  gint64 tables = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version == SCHEMA_VERSION)
    return TRUE;
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_NEWER_VERSION,
                   _("The version store %s was made by a newer version of Copydesk; update "
                     "Copydesk to use it."), self->path);
      return FALSE;
    }

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &tables, error))
    {
      rollback (self);
      return FALSE;
    }
  if (version == 0 && tables > 0)
    {
      rollback (self);
      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_CORRUPT,
                   "%s holds another program's tables", self->path);
      return FALSE;
    }
  if ((version == 0 && !exec (self, schema, error)) || !exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_database (CdVersionStore  *self,
               GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_OPEN,
                   _("Could not open the version store %s (%s). Check that its folder exists "
                     "and is writable."), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, CD_VERSION_STORE_BUSY_TIMEOUT_MS);

  /* The first statements read the file's header: a file that is not a
   * database fails here. auto_vacuum only takes effect on a new store. */
  if (exec (self, "PRAGMA auto_vacuum = INCREMENTAL", &local_error) &&
      exec (self, "PRAGMA journal_mode = WAL", &local_error) &&
      exec (self, "PRAGMA synchronous = FULL", &local_error) &&
      /* The log of a big recording is cut back after its checkpoint. */
      exec (self, "PRAGMA journal_size_limit = 8388608", &local_error) &&
      prepare_schema (self, &local_error))
    return TRUE;

  g_clear_pointer (&self->db, sqlite3_close);
  if (g_error_matches (local_error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_CORRUPT))
    {
      move_aside (self->path, error);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
cd_version_store_finalize (GObject *object)
{
  CdVersionStore *self = CD_VERSION_STORE (object);

  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_critical ("The version store %s was closed with statements still open", self->path);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cd_version_store_parent_class)->finalize (object);
}

static void
cd_version_store_class_init (CdVersionStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_version_store_finalize;
}

static void
cd_version_store_init (CdVersionStore *self)
{
  g_mutex_init (&self->lock);
  self->max_per_article = CD_VERSION_STORE_MAX_PER_ARTICLE;
  self->max_total_bytes = CD_VERSION_STORE_MAX_TOTAL_BYTES;
}

/**
 * cd_version_store_new_for_path:
 * @path: the database file, made if it does not exist
 * @error: return location for a #GError
 *
 * Opens the version store at @path. A file there that is not a version
 * store is moved aside (%CD_VERSION_STORE_ERROR_CORRUPT says where) and the
 * next call starts a new store.
 *
 * Returns: (transfer full) (nullable): the store
 */
CdVersionStore *
cd_version_store_new_for_path (const char  *path,
                               GError     **error)
{
  g_autoptr(CdVersionStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CD_TYPE_VERSION_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_database (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * cd_version_store_new_for_user:
 * @error: return location for a #GError
 *
 * Opens the user's version store, $XDG_DATA_HOME/copydesk/versions.sqlite,
 * making its folder (readable by the user alone) if needed.
 *
 * Returns: (transfer full) (nullable): the store
 */
CdVersionStore *
cd_version_store_new_for_user (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "copydesk", NULL);
  g_autofree char *path = g_build_filename (dir, "versions.sqlite", NULL);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_OPEN,
                   _("Could not make the folder %s for the version store (%s)."),
                   dir, g_strerror (saved_errno));
      return NULL;
    }
  return cd_version_store_new_for_path (path, error);
}

const char *
cd_version_store_get_path (CdVersionStore *self)
{
  g_return_val_if_fail (CD_IS_VERSION_STORE (self), NULL);
  return self->path;
}

void
cd_version_store_set_limits (CdVersionStore *self,
                             guint           max_per_article,
                             gint64          max_total_bytes)
{
  g_return_if_fail (CD_IS_VERSION_STORE (self));

  g_mutex_lock (&self->lock);
  self->max_per_article = max_per_article;
  self->max_total_bytes = max_total_bytes;
  g_mutex_unlock (&self->lock);
}

void
cd_version_store_set_busy_timeout (CdVersionStore *self,
                                   int             timeout_ms)
{
  g_return_if_fail (CD_IS_VERSION_STORE (self));

  g_mutex_lock (&self->lock);
  sqlite3_busy_timeout (self->db, timeout_ms);
  g_mutex_unlock (&self->lock);
}

/* What a recording writes, taken from the article in the caller's thread,
 * so that the article is never read from another thread. */
typedef struct
{
  char *article_id;
  CdVersionReason reason;
  char *author;
  char *status;
  CdArticleStatus status_value;
  char *headline;
  guint words;
  char *path;
  char *sha256;
  char *data;
  gsize length;
  gint64 time_us;
} Record;

static void
record_free (Record *record)
{
  g_free (record->article_id);
  g_free (record->author);
  g_free (record->status);
  g_free (record->headline);
  g_free (record->path);
  g_free (record->sha256);
  g_free (record->data);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Record, record_free)

static Record *
record_new (CdArticle        *article,
            CdVersionReason   reason,
            const char       *author,
            const char       *path,
            GDateTime        *time,
            GError          **error)
{
  g_autoptr(Record) record = g_new0 (Record, 1);
  CdTextCounts counts = { 0 };

  record->data = cd_article_to_checked_data (article, &record->length, error);
  if (record->data == NULL)
    return NULL;
  record->article_id = g_strdup (cd_article_get_id (article));
  record->reason = reason;
  record->author = g_utf8_make_valid (author != NULL ? author : "", -1);
  record->status_value = cd_article_get_status (article);
  record->status = g_strdup (cd_article_status_to_string (record->status_value));
  record->headline = g_strdup (cd_article_get_headline (article));
  cd_text_count (cd_article_get_body (article), -1, &counts);
  record->words = (guint) MIN (counts.words, G_MAXUINT);
  record->path = g_utf8_make_valid (path != NULL ? path : "", -1);
  record->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) record->data,
                                                record->length);
  if (time != NULL)
    record->time_us = g_date_time_to_unix (time) * G_USEC_PER_SEC +
                      g_date_time_get_microsecond (time);
  else
    record->time_us = g_get_real_time ();
  return g_steal_pointer (&record);
}

static gboolean
is_pinned (CdVersionReason reason)
{
  return reason == CD_VERSION_REASON_STATUS || reason == CD_VERSION_REASON_PUBLISH;
}

static CdVersion *
record_locked (CdVersionStore  *self,
               Record          *record,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CdVersion) version = NULL;
  guint n_deleted = 0;
  int rc;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  /* The same bytes as the newest version: nothing new to keep, but a
   * publish or status change of them pins that version. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT " VERSION_COLUMNS " FROM versions WHERE article_id = ?1 "
                           "ORDER BY recorded_us DESC, id DESC LIMIT 1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, record->article_id, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 9), record->sha256) == 0)
    version = cd_version_new_from_row (stmt);
  else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (version != NULL)
    {
      if (is_pinned (record->reason))
        {
          rc = sqlite3_prepare_v2 (self->db, "UPDATE versions SET pinned = 1 WHERE id = ?1",
                                   -1, &stmt, NULL);
          if (rc == SQLITE_OK)
            rc = sqlite3_bind_int64 (stmt, 1, cd_version_get_id (version));
          if (rc == SQLITE_OK)
            rc = sqlite3_step (stmt);
          if (rc != SQLITE_DONE)
            goto failed;
        }
      if (!exec (self, "COMMIT", error))
        {
          rollback (self);
          return NULL;
        }
      return g_steal_pointer (&version);
    }

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO versions (article_id, recorded_us, reason, author, status, "
                           "headline, words, path, sha256, size, pinned, data) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, record->article_id, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 2, record->time_us);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 3, cd_version_reason_to_string (record->reason), -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 4, record->author, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 5, record->status, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 6, record->headline, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 7, record->words);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 8, record->path, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 9, record->sha256, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 10, (sqlite3_int64) record->length);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, 11, is_pinned (record->reason));
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_blob64 (stmt, 12, record->data, record->length, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  version = cd_version_new_internal (sqlite3_last_insert_rowid (self->db), record->article_id,
                                     record->time_us, record->reason, record->author,
                                     record->status_value, record->headline, record->words,
                                     record->path, record->sha256, record->length);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!cd_version_store_prune_locked (self->db, record->article_id, record->time_us,
                                      self->max_per_article, self->max_total_bytes,
                                      &n_deleted, error) ||
      !exec (self, "COMMIT", error))
    {
      rollback (self);
      return NULL;
    }

  /* Gives the pages of pruned versions back to the file system; a failure
   * here leaves them for the next recording to reuse. */
  if (n_deleted > 0)
    sqlite3_exec (self->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);

  return g_steal_pointer (&version);

failed:
  cd_version_store_set_sqlite_error (error, self->db, rc, self->path);
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback (self);
  return NULL;
}

static CdVersion *
record_with_lock (CdVersionStore  *self,
                  Record          *record,
                  GError         **error)
{
  CdVersion *version;

  g_mutex_lock (&self->lock);
  version = record_locked (self, record, error);
  g_mutex_unlock (&self->lock);
  return version;
}

/**
 * cd_version_store_record_at_time:
 * @self: a #CdVersionStore
 * @article: the article as it is now
 * @reason: why the version is recorded
 * @author: (nullable): the name of the person recording it (the byline name
 *   the window knows the user by)
 * @path: (nullable): the file the article was saved to, for information
 * @time: (nullable): when it was recorded; %NULL for now (tests give one to
 *   try the pruning policy)
 * @error: return location for a #GError
 *
 * Records @article as a version, then prunes its history. When the
 * article's newest version holds the same bytes, nothing is recorded and
 * that version is returned.
 *
 * Returns: (transfer full) (nullable): the version
 */
CdVersion *
cd_version_store_record_at_time (CdVersionStore  *self,
                                 CdArticle       *article,
                                 CdVersionReason  reason,
                                 const char      *author,
                                 const char      *path,
                                 GDateTime       *time,
                                 GError         **error)
{
  g_autoptr(Record) record = NULL;

  g_return_val_if_fail (CD_IS_VERSION_STORE (self), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = record_new (article, reason, author, path, time, error);
  if (record == NULL)
    return NULL;
  return record_with_lock (self, record, error);
}

/**
 * cd_version_store_record:
 * @self: a #CdVersionStore
 * @article: the article as it is now
 * @reason: why the version is recorded
 * @author: (nullable): the name of the person recording it
 * @path: (nullable): the file the article was saved to, for information
 * @error: return location for a #GError
 *
 * cd_version_store_record_at_time() now.
 *
 * Returns: (transfer full) (nullable): the version
 */
CdVersion *
cd_version_store_record (CdVersionStore  *self,
                         CdArticle       *article,
                         CdVersionReason  reason,
                         const char      *author,
                         const char      *path,
                         GError         **error)
{
  return cd_version_store_record_at_time (self, article, reason, author, path, NULL, error);
}

static void
record_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  CdVersion *version;

  if (g_task_return_error_if_cancelled (task))
    return;

  version = record_with_lock (CD_VERSION_STORE (source_object), task_data, &error);
  if (version == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, version, g_object_unref);
}

/**
 * cd_version_store_record_async:
 * @self: a #CdVersionStore
 * @article: the article as it is now; it is read before this returns
 * @reason: why the version is recorded
 * @author: (nullable): the name of the person recording it
 * @path: (nullable): the file the article was saved to, for information
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the version is recorded
 * @user_data: for @callback
 *
 * cd_version_store_record() in a thread, so that a window never waits for
 * the disk. The article is serialized at once, so later edits do not reach
 * this version.
 */
void
cd_version_store_record_async (CdVersionStore      *self,
                               CdArticle           *article,
                               CdVersionReason      reason,
                               const char          *author,
                               const char          *path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Record *record;

  g_return_if_fail (CD_IS_VERSION_STORE (self));
  g_return_if_fail (CD_IS_ARTICLE (article));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_version_store_record_async);

  record = record_new (article, reason, author, path, NULL, &error);
  if (record == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, record, (GDestroyNotify) record_free);
  g_task_run_in_thread (task, record_thread);
}

/**
 * cd_version_store_record_finish:
 * @self: a #CdVersionStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the version
 */
CdVersion *
cd_version_store_record_finish (CdVersionStore  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (CD_IS_VERSION_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_version_store_record_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
