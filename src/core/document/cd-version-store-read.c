/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-version"

#include <glib/gi18n-lib.h>

#include "cd-article-file.h"
#include "cd-version-store-private.h"

/* Reading the version store: listing an article's versions, finding one,
 * loading one back as an article (its checksum checked first), deleting an
 * article's versions and checking the whole database. */

/* Runs @sql with the text @a (and @b, or the integer @n, when given) bound,
 * and returns the versions its rows describe. */
static GListStore *
query_versions (CdVersionStore  *self,
                const char      *sql,
                const char      *a,
                const char      *b,
                gint64           n,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) versions = g_list_store_new (CD_TYPE_VERSION);
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK && b != NULL)
    rc = sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  else if (rc == SQLITE_OK && sqlite3_bind_parameter_count (stmt) >= 2)
    rc = sqlite3_bind_int64 (stmt, 2, n);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CdVersion) version = cd_version_new_from_row (stmt);

      g_list_store_append (versions, version);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      cd_version_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }
  return g_steal_pointer (&versions);
}

/**
 * cd_version_store_list:
 * @self: a #CdVersionStore
 * @article_id: the article's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the article's versions, newest
 *   first, as #CdVersion items (empty when it has none)
 */
GListModel *
cd_version_store_list (CdVersionStore  *self,
                       const char      *article_id,
                       GError         **error)
{
  GListStore *versions;

  g_return_val_if_fail (CD_IS_VERSION_STORE (self), NULL);
  g_return_val_if_fail (article_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->lock);
  versions = query_versions (self,
                             "SELECT " VERSION_COLUMNS " FROM versions WHERE article_id = ?1 "
                             "ORDER BY recorded_us DESC, id DESC", article_id, NULL, 0, error);
  g_mutex_unlock (&self->lock);
  return versions != NULL ? G_LIST_MODEL (versions) : NULL;
}

static CdVersion *
first_version (GListStore *versions)
{
  g_autoptr(GListStore) owned = versions;

  if (owned == NULL || g_list_model_get_n_items (G_LIST_MODEL (owned)) == 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (owned), 0);
}

/**
 * cd_version_store_find:
 * @self: a #CdVersionStore
 * @article_id: the article's id
 * @version_id: the version's id (cd_version_get_id())
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the version, or %NULL with
 *   %CD_VERSION_STORE_ERROR_NOT_FOUND when the article has no such version
 */
CdVersion *
cd_version_store_find (CdVersionStore  *self,
                       const char      *article_id,
                       gint64           version_id,
                       GError         **error)
{
  GError *local_error = NULL;
  CdVersion *version;

  g_return_val_if_fail (CD_IS_VERSION_STORE (self), NULL);
  g_return_val_if_fail (article_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->lock);
  version = first_version (query_versions (self,
                                           "SELECT " VERSION_COLUMNS " FROM versions "
                                           "WHERE article_id = ?1 AND id = ?2",
                                           article_id, NULL, version_id, &local_error));
  g_mutex_unlock (&self->lock);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (version == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version_id);

      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_NOT_FOUND,
                   _("The version store %s has no version %s of this article."),
                   self->path, number);
    }
  return version;
}

/**
 * cd_version_store_find_last_by_author:
 * @self: a #CdVersionStore
 * @article_id: the article's id
 * @author: the name given when the versions were recorded
 * @error: return location for a #GError
 *
 * The newest version that @author recorded, for "Compare with your last
 * version".
 *
 * Returns: (transfer full) (nullable): the version; %NULL without an error
 *   when @author recorded none
 */
CdVersion *
cd_version_store_find_last_by_author (CdVersionStore  *self,
                                      const char      *article_id,
                                      const char      *author,
                                      GError         **error)
{
  CdVersion *version;

  g_return_val_if_fail (CD_IS_VERSION_STORE (self), NULL);
  g_return_val_if_fail (article_id != NULL, NULL);
  g_return_val_if_fail (author != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->lock);
  version = first_version (query_versions (self,
                                           "SELECT " VERSION_COLUMNS " FROM versions "
                                           "WHERE article_id = ?1 AND author = ?2 "
                                           "ORDER BY recorded_us DESC, id DESC LIMIT 1",
                                           article_id, author, 0, error));
  g_mutex_unlock (&self->lock);
  return version;
}

static GBytes *
read_data_locked (CdVersionStore  *self,
                  gint64           version_id,
                  char           **sha256,
                  GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT data, sha256 FROM versions WHERE id = ?1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, version_id);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version_id);

      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_NOT_FOUND,
                   _("The version store %s no longer has version %s of this article."),
                   self->path, number);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cd_version_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  *sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/**
 * cd_version_store_load_article:
 * @self: a #CdVersionStore
 * @version: a version listed by @self
 * @error: return location for a #GError
 *
 * Loads the article as it was in @version. Bytes that do not match their
 * checksum or do not load give %CD_VERSION_STORE_ERROR_DAMAGED.
 *
 * Returns: (transfer full) (nullable): the article
 */
CdArticle *
cd_version_store_load_article (CdVersionStore  *self,
                               CdVersion       *version,
                               GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *name = NULL;
  g_autofree char *number = NULL;
  CdArticle *article;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (CD_IS_VERSION_STORE (self), NULL);
  g_return_val_if_fail (CD_IS_VERSION (version), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->lock);
  bytes = read_data_locked (self, cd_version_get_id (version), &sha256, error);
  g_mutex_unlock (&self->lock);
  if (bytes == NULL)
    return NULL;

  number = g_strdup_printf ("%" G_GINT64_FORMAT, cd_version_get_id (version));
  data = g_bytes_get_data (bytes, &length);
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) (data != NULL ? data : ""),
                                        length);
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_DAMAGED,
                   _("Version %s in the version store %s is damaged: its content does not "
                     "match its checksum. Choose another version."), number, self->path);
      return NULL;
    }

  /* TRANSLATORS: where a stored article came from, in its error messages. */
  name = g_strdup_printf (_("version %s in %s"), number, self->path);
  article = cd_article_load_from_data (data != NULL ? data : "", length, name, &load_error);
  if (article == NULL)
    g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_DAMAGED,
                 _("Version %s in the version store %s does not load: %s"),
                 number, self->path, load_error->message);
  return article;
}

/**
 * cd_version_store_delete_article:
 * @self: a #CdVersionStore
 * @article_id: the article's id
 * @error: return location for a #GError
 *
 * Deletes every version of the article.
 *
 * Returns: %TRUE when they are gone
 */
gboolean
cd_version_store_delete_article (CdVersionStore  *self,
                                 const char      *article_id,
                                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CD_IS_VERSION_STORE (self), FALSE);
  g_return_val_if_fail (article_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&self->lock);
  rc = sqlite3_prepare_v2 (self->db, "DELETE FROM versions WHERE article_id = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, article_id, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    cd_version_store_set_sqlite_error (error, self->db, rc, self->path);
  else
    sqlite3_exec (self->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE;
}

/**
 * cd_version_store_check:
 * @self: a #CdVersionStore
 * @error: return location for a #GError
 *
 * Runs SQLite's integrity check over the whole store (it reads every page).
 *
 * Returns: %TRUE when the store is whole; otherwise
 *   %CD_VERSION_STORE_ERROR_CORRUPT with SQLite's first finding
 */
gboolean
cd_version_store_check (CdVersionStore  *self,
                        GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (CD_IS_VERSION_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&self->lock);
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (result, "ok") == 0;
      if (!ok)
        g_set_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_CORRUPT,
                     _("The version store %s is damaged (%s). Quit Copydesk and move the file "
                       "aside; Copydesk starts a new store the next time."),
                     self->path, result != NULL ? result : "");
    }
  else
    cd_version_store_set_sqlite_error (error, self->db, rc, self->path);
  g_mutex_unlock (&self->lock);
  return ok;
}
