/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-version"

#include "cd-version-store-private.h"

/* The pruning policy of cd-version-store.h, run inside the transaction that
 * recorded a version, so that a crash leaves either the old history or the
 * new one pruned, never a half-pruned one. "Pinned" versions (recorded for a
 * status change or a publish) are never thinned and go last under a cap. */

#define DAY_US (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

typedef struct
{
  gint64 id;
  gint64 time_us;
  gboolean pinned;
  gboolean keep;
} Row;

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static gint64
month_key (gint64 time_us)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) time = g_date_time_add (epoch, time_us);

  if (time == NULL)
    return G_MININT64;
  return (gint64) g_date_time_get_year (time) * 12 + g_date_time_get_month (time) - 1;
}

static gboolean
delete_version (sqlite3     *db,
                gint64       id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "DELETE FROM versions WHERE id = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, id);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_version_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
prune_article (sqlite3     *db,
               const char  *article_id,
               gint64       now_us,
               guint        max_per_article,
               guint       *n_deleted,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  gint64 last_day = G_MININT64;
  gint64 last_month = G_MININT64;
  guint kept = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT id, recorded_us, pinned FROM versions WHERE article_id = ?1 "
                           "ORDER BY recorded_us DESC, id DESC", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, article_id, -1, SQLITE_TRANSIENT);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .time_us = sqlite3_column_int64 (stmt, 1),
        .pinned = sqlite3_column_int (stmt, 2) != 0,
        .keep = TRUE,
      };
      g_array_append_val (rows, row);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      cd_version_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
      return FALSE;
    }

  /* Newest first, so the first thinnable version met in a day or month is
   * the one that day or month keeps. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      gint64 age = now_us - row->time_us;

      if (i == 0 || row->pinned || age < CD_VERSION_STORE_KEEP_ALL_DAYS * DAY_US)
        row->keep = TRUE;
      else if (age < CD_VERSION_STORE_DAILY_DAYS * DAY_US)
        {
          gint64 day = floor_div (row->time_us, DAY_US);

          row->keep = day != last_day;
          last_day = day;
        }
      else
        {
          gint64 month = month_key (row->time_us);

          row->keep = month != last_month;
          last_month = month;
        }
      if (row->keep)
        kept++;
    }

  /* The cap: the oldest thinnable versions first, then the oldest pinned. */
  for (int pass = 0; pass < 2 && kept > max_per_article; pass++)
    {
      for (guint i = rows->len; i > 1 && kept > max_per_article; i--)
        {
          Row *row = &g_array_index (rows, Row, i - 1);

          if (row->keep && (pass == 1 || !row->pinned))
            {
              row->keep = FALSE;
              kept--;
            }
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      if (row->keep)
        continue;
      if (!delete_version (db, row->id, error))
        return FALSE;
      (*n_deleted)++;
    }
  return TRUE;
}

static gboolean
prune_total (sqlite3     *db,
             gint64       max_total_bytes,
             guint       *n_deleted,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) total_stmt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) victims = NULL;
  gint64 total;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT COALESCE(SUM(size), 0) FROM versions", -1, &total_stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (total_stmt);
  if (rc != SQLITE_ROW)
    {
      cd_version_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
      return FALSE;
    }
  total = sqlite3_column_int64 (total_stmt, 0);
  if (total <= max_total_bytes)
    return TRUE;

  /* Every article keeps its newest version; of the rest, the thinnable go
   * first, oldest first. */
  victims = g_array_new (FALSE, FALSE, sizeof (gint64));
  rc = sqlite3_prepare_v2 (db,
                           "SELECT id, size FROM versions AS v WHERE v.id <> "
                           "(SELECT w.id FROM versions AS w WHERE w.article_id = v.article_id "
                           "ORDER BY w.recorded_us DESC, w.id DESC LIMIT 1) "
                           "ORDER BY v.pinned ASC, v.recorded_us ASC, v.id ASC", -1, &stmt, NULL);
  while (rc == SQLITE_OK && total > max_total_bytes && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      total -= sqlite3_column_int64 (stmt, 1);
      g_array_append_val (victims, id);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      cd_version_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < victims->len; i++)
    {
      if (!delete_version (db, g_array_index (victims, gint64, i), error))
        return FALSE;
      (*n_deleted)++;
    }
  return TRUE;
}

gboolean
cd_version_store_prune_locked (sqlite3     *db,
                               const char  *article_id,
                               gint64       now_us,
                               guint        max_per_article,
                               gint64       max_total_bytes,
                               guint       *n_deleted,
                               GError     **error)
{
  g_assert (db != NULL);
  g_assert (article_id != NULL);
  g_assert (n_deleted != NULL);

  return prune_article (db, article_id, now_us, MAX (max_per_article, 1), n_deleted, error) &&
         prune_total (db, max_total_bytes, n_deleted, error);
}
