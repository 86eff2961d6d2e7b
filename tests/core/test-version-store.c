/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "copydesk-core.h"
#include "cd-test-util.h"
#include "cd-version-store-private.h"

/*
 * Tests of CdVersionStore: recording, listing and loading versions, the
 * pruning policy with given times, a writer killed at random moments, a
 * damaged or foreign file, and two programs writing at once. Every store is
 * in a temporary folder; g_test_init's isolated folders keep the user's own
 * store out of reach as well.
 */

#define DAY_US (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define HOUR_US (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

/* Helpers. */

typedef struct
{
  char *dir;
  char *path;
  CdVersionStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = cd_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "versions.sqlite", NULL);
  fixture->store = cd_version_store_new_for_path (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  cd_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static CdArticle *
make_article (const char *headline,
              const char *body)
{
  CdArticle *article = cd_article_new ();

  cd_article_set_language (article, "en");
  cd_article_set_headline (article, headline);
  cd_article_set_body (article, body);
  return article;
}

static CdVersion *
record_ok (CdVersionStore  *store,
           CdArticle       *article,
           CdVersionReason  reason,
           const char      *author,
           GDateTime       *time)
{
  g_autoptr(GError) error = NULL;
  CdVersion *version;

  version = cd_version_store_record_at_time (store, article, reason, author, "/tmp/a.copydesk",
                                             time, &error);
  g_assert_no_error (error);
  g_assert_nonnull (version);
  return version;
}

static GListModel *
list_ok (CdVersionStore *store,
         const char     *article_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *versions = cd_version_store_list (store, article_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (versions);
  return versions;
}

static CdVersion *
nth_version (GListModel *versions,
             guint       i)
{
  CdVersion *version = g_list_model_get_item (versions, i);

  g_assert_nonnull (version);
  /* The list holds a reference; the tests borrow it. */
  g_object_unref (version);
  return version;
}

static char *
load_data_ok (CdVersionStore *store,
              CdVersion      *version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_version_store_load_article (store, version, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return cd_article_to_data (article, NULL);
}

static GDateTime *
time_from_us (gint64 us)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);

  return g_date_time_add (epoch, us);
}

static gint64
time_to_us (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Recording, listing, loading. */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CdArticle) article = make_article ("Ferry strike ends", "Three words here.\n\nAnd four more words.");
  g_autoptr(CdVersion) version = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  CdVersion *listed;
  gsize length = 0;

  cd_article_set_status (article, CD_ARTICLE_STATUS_IN_REVIEW);
  bytes = cd_article_to_data (article, &length);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, length);

  version = record_ok (fixture->store, article, CD_VERSION_REASON_STATUS, "Ana Reporter", NULL);
  after = g_date_time_new_now_utc ();

  versions = list_ok (fixture->store, cd_article_get_id (article));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  listed = nth_version (versions, 0);
  g_assert_cmpint (cd_version_get_id (listed), ==, cd_version_get_id (version));
  g_assert_cmpstr (cd_version_get_article_id (listed), ==, cd_article_get_id (article));
  g_assert_cmpint (cd_version_get_reason (listed), ==, CD_VERSION_REASON_STATUS);
  g_assert_cmpstr (cd_version_get_author (listed), ==, "Ana Reporter");
  g_assert_cmpint (cd_version_get_status (listed), ==, CD_ARTICLE_STATUS_IN_REVIEW);
  g_assert_cmpint (cd_version_get_status (version), ==, CD_ARTICLE_STATUS_IN_REVIEW);
  g_assert_cmpstr (cd_version_get_headline (listed), ==, "Ferry strike ends");
  g_assert_cmpuint (cd_version_get_words (listed), ==, 7);
  g_assert_cmpstr (cd_version_get_path (listed), ==, "/tmp/a.copydesk");
  g_assert_cmpstr (cd_version_get_sha256 (listed), ==, sha256);
  g_assert_cmpuint (cd_version_get_size (listed), ==, length);
  g_assert_cmpint (g_date_time_compare (cd_version_get_time (listed), before), >=, 0);
  g_assert_cmpint (g_date_time_compare (cd_version_get_time (listed), after), <=, 0);
  g_assert_cmpint (g_date_time_compare (cd_version_get_time (listed), cd_version_get_time (version)), ==, 0);
  g_object_get (listed, "headline", &headline, NULL);
  g_assert_cmpstr (headline, ==, "Ferry strike ends");

  loaded = load_data_ok (fixture->store, listed);
  g_assert_cmpstr (loaded, ==, bytes);

  /* Another article has a history of its own. */
  {
    g_autoptr(CdArticle) other = make_article ("Other", "Other body");
    g_autoptr(CdVersion) other_version = record_ok (fixture->store, other, CD_VERSION_REASON_SAVE, "Ben", NULL);
    g_autoptr(GListModel) again = list_ok (fixture->store, cd_article_get_id (article));
    g_autoptr(GListModel) none = list_ok (fixture->store, "urn:uuid:00000000-0000-0000-0000-000000000000");

    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
    g_assert_cmpint (cd_version_get_id (other_version), !=, cd_version_get_id (version));
  }

  /* Microseconds survive the store. */
  {
    g_autoptr(GDateTime) given = time_from_us (G_GINT64_CONSTANT (4102444800123456));
    g_autoptr(CdVersion) timed = NULL;
    g_autoptr(GListModel) all = NULL;

    cd_article_set_headline (article, "Ferry strike ends after talks");
    timed = record_ok (fixture->store, article, CD_VERSION_REASON_SAVE, "Ana Reporter", given);
    all = list_ok (fixture->store, cd_article_get_id (article));
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
    /* Newest first: the given time is in 2100. */
    g_assert_cmpint (time_to_us (cd_version_get_time (nth_version (all, 0))), ==,
                     G_GINT64_CONSTANT (4102444800123456));
  }
}

static void
test_identical (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CdArticle) article = make_article ("Same", "Body one.");
  g_autoptr(CdVersion) first = record_ok (fixture->store, article, CD_VERSION_REASON_SAVE, "Ana", NULL);
  g_autoptr(CdVersion) again = record_ok (fixture->store, article, CD_VERSION_REASON_EXPORT, "Ben", NULL);
  g_autoptr(CdVersion) second = NULL;
  g_autoptr(CdVersion) third = NULL;
  g_autoptr(GListModel) versions = NULL;

  /* The same bytes twice in a row: the existing version, unchanged. */
  g_assert_cmpint (cd_version_get_id (again), ==, cd_version_get_id (first));
  g_assert_cmpint (cd_version_get_reason (again), ==, CD_VERSION_REASON_SAVE);
  g_assert_cmpstr (cd_version_get_author (again), ==, "Ana");

  cd_article_set_body (article, "Body two.");
  second = record_ok (fixture->store, article, CD_VERSION_REASON_SAVE, "Ana", NULL);
  g_assert_cmpint (cd_version_get_id (second), !=, cd_version_get_id (first));

  /* Back to the first text: new, since it is not the newest version. */
  cd_article_set_body (article, "Body one.");
  third = record_ok (fixture->store, article, CD_VERSION_REASON_SAVE, "Ana", NULL);
  g_assert_cmpint (cd_version_get_id (third), !=, cd_version_get_id (first));
  g_assert_cmpstr (cd_version_get_sha256 (third), ==, cd_version_get_sha256 (first));

  versions = list_ok (fixture->store, cd_article_get_id (article));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 3);

  /* Publishing unchanged content records nothing, but the version is then
   * kept like a publish: under a cap of two, the save before it goes. */
  {
    g_autoptr(CdVersion) published = record_ok (fixture->store, article, CD_VERSION_REASON_PUBLISH, "Ben", NULL);
    g_autoptr(CdVersion) fourth = NULL;
    g_autoptr(CdVersion) fifth = NULL;
    g_autoptr(GListModel) capped = NULL;

    g_assert_cmpint (cd_version_get_id (published), ==, cd_version_get_id (third));
    cd_version_store_set_limits (fixture->store, 2, G_MAXINT64);
    cd_article_set_body (article, "Body four.");
    fourth = record_ok (fixture->store, article, CD_VERSION_REASON_SAVE, "Ana", NULL);
    cd_article_set_body (article, "Body five.");
    fifth = record_ok (fixture->store, article, CD_VERSION_REASON_SAVE, "Ana", NULL);
    capped = list_ok (fixture->store, cd_article_get_id (article));
    g_assert_cmpuint (g_list_model_get_n_items (capped), ==, 2);
    g_assert_cmpint (cd_version_get_id (nth_version (capped, 0)), ==, cd_version_get_id (fifth));
    g_assert_cmpint (cd_version_get_id (nth_version (capped, 1)), ==, cd_version_get_id (third));
  }
}

/* The same article saved at two paths, as after a move or a colleague's
 * copy: one history. */
static void
test_keyed_by_id (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = make_article ("Moved", "Written at the desk.");
  g_autoptr(CdArticle) at_a = NULL;
  g_autoptr(CdArticle) at_b = NULL;
  g_autoptr(CdArticle) other = make_article ("Other", "Another story.");
  g_autoptr(GFile) file_a = NULL;
  g_autoptr(GFile) file_b = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GListModel) others = NULL;
  g_autofree char *path_a = g_build_filename (fixture->dir, "a.copydesk", NULL);
  g_autofree char *folder_b = g_build_filename (fixture->dir, "sent-back", NULL);
  g_autofree char *path_b = g_build_filename (folder_b, "renamed.copydesk", NULL);
  g_autoptr(CdVersion) va = NULL;
  g_autoptr(CdVersion) vb = NULL;
  g_autoptr(CdVersion) vo = NULL;

  g_assert_cmpint (g_mkdir (folder_b, 0700), ==, 0);
  file_a = g_file_new_for_path (path_a);
  file_b = g_file_new_for_path (path_b);
  g_assert_true (cd_article_save_to_file (article, file_a, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cd_article_save_to_file (article, file_b, NULL, &error));
  g_assert_no_error (error);

  at_a = cd_article_load_from_file (file_a, NULL, &error);
  g_assert_no_error (error);
  at_b = cd_article_load_from_file (file_b, NULL, &error);
  g_assert_no_error (error);
  cd_article_set_body (at_b, "Written at the desk, then edited by a colleague.");

  va = cd_version_store_record (fixture->store, at_a, CD_VERSION_REASON_SAVE, "Ana", path_a, &error);
  g_assert_no_error (error);
  vb = cd_version_store_record (fixture->store, at_b, CD_VERSION_REASON_SAVE, "Ben", path_b, &error);
  g_assert_no_error (error);
  vo = record_ok (fixture->store, other, CD_VERSION_REASON_SAVE, "Ana", NULL);

  versions = list_ok (fixture->store, cd_article_get_id (article));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  g_assert_cmpstr (cd_version_get_path (nth_version (versions, 0)), ==, path_b);
  g_assert_cmpstr (cd_version_get_path (nth_version (versions, 1)), ==, path_a);

  /* The author's last version, for "Compare with your last version". */
  {
    g_autoptr(CdVersion) ana = cd_version_store_find_last_by_author (fixture->store, cd_article_get_id (article), "Ana", &error);
    g_autoptr(CdVersion) ben = NULL;
    g_autoptr(CdVersion) cleo = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (cd_version_get_id (ana), ==, cd_version_get_id (va));
    ben = cd_version_store_find_last_by_author (fixture->store, cd_article_get_id (article), "Ben", &error);
    g_assert_no_error (error);
    g_assert_cmpint (cd_version_get_id (ben), ==, cd_version_get_id (vb));
    cleo = cd_version_store_find_last_by_author (fixture->store, cd_article_get_id (article), "Cleo", &error);
    g_assert_no_error (error);
    g_assert_null (cleo);
  }

  /* Finding by number, only within the article. */
  {
    g_autoptr(CdVersion) found = cd_version_store_find (fixture->store, cd_article_get_id (article),
                                                        cd_version_get_id (va), &error);
    g_autoptr(CdVersion) wrong = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (cd_version_get_author (found), ==, "Ana");
    wrong = cd_version_store_find (fixture->store, cd_article_get_id (article),
                                   cd_version_get_id (vo), &error);
    g_assert_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_NOT_FOUND);
    g_assert_null (wrong);
    g_assert_nonnull (strstr (error->message, fixture->path));
    g_clear_error (&error);
  }

  /* Deleting an article's versions leaves the others. */
  g_assert_true (cd_version_store_delete_article (fixture->store, cd_article_get_id (article), &error));
  g_assert_no_error (error);
  g_clear_object (&versions);
  versions = list_ok (fixture->store, cd_article_get_id (article));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 0);
  others = list_ok (fixture->store, cd_article_get_id (other));
  g_assert_cmpuint (g_list_model_get_n_items (others), ==, 1);

  /* A deleted version no longer loads; it says so. */
  {
    g_autoptr(CdArticle) gone = cd_version_store_load_article (fixture->store, va, &error);

    g_assert_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_NOT_FOUND);
    g_assert_null (gone);
    g_clear_error (&error);
  }
}

/* Pruning, with given times. */

static gint64
month_of (gint64 us)
{
  g_autoptr(GDateTime) time = time_from_us (us);

  return (gint64) g_date_time_get_year (time) * 12 + g_date_time_get_month (time);
}

/* Two saves a day for 200 days, a publish and a status change among them,
 * and the policy checked at each boundary against counts worked out here. */
static void
test_prune_policy (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now_time = g_date_time_new_utc (2026, 6, 15, 15, 0, 0);
  g_autoptr(CdArticle) article = make_article ("Long story", "");
  g_autoptr(GListModel) versions = NULL;
  gint64 last_month = 0;
  gint64 now = time_to_us (now_time);
  gint64 publish_time = now - 150 * DAY_US - 5 * HOUR_US;
  gint64 status_time = now - 120 * DAY_US - 5 * HOUR_US;
  guint expected = 0;
  guint n = 0;
  gboolean seen_publish = FALSE;
  gboolean seen_status = FALSE;

  /* Large enough caps to see the thinning alone. */
  cd_version_store_set_limits (fixture->store, 100000, G_MAXINT64);

  for (int day = 200; day >= 0; day--)
    {
      for (int hour = 9; hour <= 15; hour += 6)
        {
          gint64 at = now - day * DAY_US - (15 - hour) * HOUR_US;
          g_autoptr(GDateTime) time = time_from_us (at);
          g_autofree char *body = g_strdup_printf ("Version %u.", n++);
          g_autoptr(CdVersion) version = NULL;

          cd_article_set_body (article, body);
          version = record_ok (fixture->store, article, CD_VERSION_REASON_SAVE, "Ana", time);
        }
      if (day == 150 || day == 120)
        {
          g_autoptr(GDateTime) time = time_from_us (day == 150 ? publish_time : status_time);
          g_autofree char *body = g_strdup_printf ("Pinned %d.", day);
          g_autoptr(CdVersion) version = NULL;

          cd_article_set_body (article, body);
          version = record_ok (fixture->store, article,
                               day == 150 ? CD_VERSION_REASON_PUBLISH : CD_VERSION_REASON_STATUS,
                               "Ben", time);
        }
    }

  /* Worked out here: every version of days 0-13 (ages under 14 days, two a
   * day), the newest of each day 14-89 (day 14's 15:00 version is exactly 14
   * days old), the newest of each month among days 90-200, and the two
   * pinned ones. */
  expected = 14 * 2 + (89 - 14 + 1);
  for (int day = 200; day >= 90; day--)
    {
      gint64 month = month_of (now - day * DAY_US);

      if (month != last_month)
        expected++;
      last_month = month;
    }
  expected += 2;

  versions = list_ok (fixture->store, cd_article_get_id (article));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, expected);

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      CdVersion *version = nth_version (versions, i);
      gint64 at = time_to_us (cd_version_get_time (version));
      gint64 age = now - at;

      if (cd_version_get_reason (version) == CD_VERSION_REASON_PUBLISH)
        {
          seen_publish = TRUE;
          g_assert_cmpint (at, ==, publish_time);
          continue;
        }
      if (cd_version_get_reason (version) == CD_VERSION_REASON_STATUS)
        {
          seen_status = TRUE;
          g_assert_cmpint (at, ==, status_time);
          continue;
        }
      /* Past 14 days only 15:00 versions, the newest of their day. */
      if (age >= 14 * DAY_US)
        g_assert_cmpint (age % DAY_US, ==, 0);
    }
  g_assert_true (seen_publish);
  g_assert_true (seen_status);

  /* The boundaries themselves: day 13's 9:00 version is kept, day 14's is
   * not; day 89 and day 90 keep their newest. */
  {
    gboolean day13_morning = FALSE;
    gboolean day14_morning = FALSE;
    gboolean day89 = FALSE;
    gboolean day90 = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
      {
        gint64 at = time_to_us (cd_version_get_time (nth_version (versions, i)));

        day13_morning |= at == now - 13 * DAY_US - 6 * HOUR_US;
        day14_morning |= at == now - 14 * DAY_US - 6 * HOUR_US;
        day89 |= at == now - 89 * DAY_US;
        day90 |= at == now - 90 * DAY_US;
      }
    g_assert_true (day13_morning);
    g_assert_false (day14_morning);
    g_assert_true (day89);
    g_assert_true (day90);
  }

  /* Every version kept still loads. */
  g_free (load_data_ok (fixture->store, nth_version (versions, expected - 1)));
}

/* The caps: per article, the oldest thinnable versions go first; over the
 * whole store, the oldest of any article but never an article's newest. */
static void
test_prune_caps (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 6, 15, 9, 0, 0);
  g_autoptr(CdArticle) article = make_article ("Capped", "");
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  gint64 base = time_to_us (start);
  g_autoptr(CdArticle) a = make_article ("A", "");
  g_autoptr(CdArticle) b = make_article ("B", "");
  gsize size = 0;

  cd_version_store_set_limits (fixture->store, 5, G_MAXINT64);
  for (int i = 0; i < 10; i++)
    {
      g_autoptr(GDateTime) time = time_from_us (base + i * 60 * G_USEC_PER_SEC);
      g_autofree char *body = g_strdup_printf ("Save %d.", i);
      g_autoptr(CdVersion) version = NULL;

      cd_article_set_body (article, body);
      version = record_ok (fixture->store, article,
                           i == 3 || i == 6 ? CD_VERSION_REASON_PUBLISH : CD_VERSION_REASON_SAVE,
                           "Ana", time);
    }

  /* Saves 9, 8, 7 and the publishes 6 and 3. */
  versions = list_ok (fixture->store, cd_article_get_id (article));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 5);
  {
    static const int kept[] = { 9, 8, 7, 6, 3 };

    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      g_assert_cmpint (time_to_us (cd_version_get_time (nth_version (versions, i))), ==,
                       base + kept[i] * 60 * G_USEC_PER_SEC);
  }

  /* When pinned versions alone exceed the cap, the oldest of them go too. */
  cd_version_store_set_limits (fixture->store, 2, G_MAXINT64);
  {
    g_autoptr(GDateTime) time = time_from_us (base + 10 * 60 * G_USEC_PER_SEC);
    g_autoptr(CdVersion) version = NULL;
    g_autoptr(GListModel) two = NULL;

    cd_article_set_body (article, "Published again.");
    version = record_ok (fixture->store, article, CD_VERSION_REASON_PUBLISH, "Ana", time);
    two = list_ok (fixture->store, cd_article_get_id (article));
    g_assert_cmpuint (g_list_model_get_n_items (two), ==, 2);
    g_assert_cmpint (cd_version_get_id (nth_version (two, 0)), ==, cd_version_get_id (version));
    g_assert_cmpint (cd_version_get_reason (nth_version (two, 1)), ==, CD_VERSION_REASON_PUBLISH);
  }

  /* The size cap, room for about three versions in all. */
  g_assert_true (cd_version_store_delete_article (fixture->store, cd_article_get_id (article), NULL));
  cd_article_set_body (a, "Version 0 of A.");
  g_free (cd_article_to_data (a, &size));
  cd_version_store_set_limits (fixture->store, 500, (gint64) size * 3 + size / 2);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GDateTime) time = time_from_us (base + i * 60 * G_USEC_PER_SEC);
      g_autofree char *body = g_strdup_printf ("Version %d of A.", i);
      g_autoptr(CdVersion) version = NULL;

      cd_article_set_body (a, body);
      version = record_ok (fixture->store, a, CD_VERSION_REASON_SAVE, "Ana", time);
    }
  {
    g_autoptr(GDateTime) time = time_from_us (base + 10 * 60 * G_USEC_PER_SEC);
    g_autoptr(CdVersion) version = NULL;

    cd_article_set_body (b, "Version 0 of A."); /* The same length as A's. */
    version = record_ok (fixture->store, b, CD_VERSION_REASON_SAVE, "Ben", time);
  }
  first = list_ok (fixture->store, cd_article_get_id (a));
  second = list_ok (fixture->store, cd_article_get_id (b));
  /* Three fit: B's only version, and A's two newest. */
  g_assert_cmpuint (g_list_model_get_n_items (second), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 2);
  g_assert_cmpint (time_to_us (cd_version_get_time (nth_version (first, 1))), ==,
                   base + 2 * 60 * G_USEC_PER_SEC);

  /* A cap smaller than one version keeps each article's newest. */
  cd_version_store_set_limits (fixture->store, 500, 1);
  {
    g_autoptr(CdVersion) version = NULL;
    g_autoptr(GListModel) only_a = NULL;
    g_autoptr(GListModel) only_b = NULL;

    cd_article_set_body (a, "Version 9 of A.");
    version = record_ok (fixture->store, a, CD_VERSION_REASON_SAVE, "Ana", NULL);
    only_a = list_ok (fixture->store, cd_article_get_id (a));
    only_b = list_ok (fixture->store, cd_article_get_id (b));
    g_assert_cmpuint (g_list_model_get_n_items (only_a), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (only_b), ==, 1);
  }
}

/* A writer killed at random moments, as tests/core/test-file.c kills a
 * saving child: a forked child records big articles (and prunes, with a
 * small cap) until it is killed with SIGKILL; the store must then pass
 * SQLite's integrity check and every listed version must load. The child
 * reports each recording through a pipe, and the parent kills it a random
 * time (fixed seed) after its first one, so that the kill comes while it
 * records however slow the machine (valgrind, sanitizers) is. */
#define CRASH_ARTICLE_ID "urn:uuid:5d1c3a52-5a0e-4d1b-9a57-2f0c1bd2c0de"
#define CRASH_KILLS 8

/* About 1 MB, so that each recording writes hundreds of pages and a kill
 * most likely comes in the middle of a commit. */
static CdArticle *
crash_article (const GString *base,
               guint          n)
{
  g_autoptr(GString) body = g_string_new_len (base->str, base->len);
  CdArticle *article = make_article ("Crash test", "");

  cd_article_set_id (article, CRASH_ARTICLE_ID);
  g_string_append_printf (body, "\n\nRevision %u.", n);
  cd_article_set_body (article, body->str);
  return article;
}

G_GNUC_NORETURN static void
crash_child (const char *path,
             guint       first,
             int         report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) base = g_string_new (NULL);
  CdVersionStore *store = cd_version_store_new_for_path (path, &error);

  for (guint i = 0; i < 150000; i++)
    g_string_append (base, (i % 3) == 0 ? "harbour " : (i % 3) == 1 ? "ferry " : "service ");
  if (store == NULL)
    {
      g_printerr ("record failed: %s\n", error->message);
      _exit (1);
    }
  cd_version_store_set_limits (store, 6, G_MAXINT64);
  for (guint n = first;; n++)
    {
      g_autoptr(CdArticle) article = crash_article (base, n);
      g_autoptr(CdVersion) version = cd_version_store_record (store, article, CD_VERSION_REASON_SAVE,
                                                              "Ana", NULL, &error);

      if (version == NULL)
        {
          g_printerr ("record failed: %s\n", error->message);
          _exit (1);
        }
      if (write (report, "r", 1) != 1)
        _exit (1);
    }
}

static void
test_crash (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261208);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "versions.sqlite", NULL);

  for (guint i = 0; i < CRASH_KILLS; i++)
    {
      g_autoptr(CdVersionStore) store = NULL;
      g_autoptr(GListModel) versions = NULL;
      guint delay_us = g_rand_int_range (rand, 0, 150000);
      guint n_versions;
      int report[2];
      int status = 0;
      char byte;
      pid_t pid;

      g_assert_cmpint (pipe (report), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (report[0]);
          crash_child (path, i * 100000, report[1]);
        }
      close (report[1]);

      /* The first recording is done; the next one is under way. */
      g_assert_cmpint (read (report[0], &byte, 1), ==, 1);
      g_usleep (delay_us);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      close (report[0]);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      store = cd_version_store_new_for_path (path, &error);
      g_assert_no_error (error);
      g_assert_true (cd_version_store_check (store, &error));
      g_assert_no_error (error);

      versions = list_ok (store, CRASH_ARTICLE_ID);
      n_versions = g_list_model_get_n_items (versions);
      g_assert_cmpuint (n_versions, >, 0);
      g_assert_cmpuint (n_versions, <=, 6);
      for (guint j = 0; j < n_versions; j++)
        g_free (load_data_ok (store, nth_version (versions, j)));
      g_test_message ("kill %u, %u microseconds after the first recording: %u versions, all whole",
                      i, delay_us, n_versions);
    }

  cd_test_remove_tree (dir);
}

/* The file itself stays bounded: pruned versions give their pages back. */
static void
test_prune_file_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdVersionStore) store = NULL;
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "versions.sqlite", NULL);
  gsize size = 0;
  GStatBuf st;

  store = cd_version_store_new_for_path (path, &error);
  g_assert_no_error (error);
  cd_version_store_set_limits (store, 3, G_MAXINT64);
  for (guint i = 0; i < 30000; i++)
    g_string_append (base, (i % 2) == 0 ? "harbour " : "ferry ");
  for (guint n = 0; n < 20; n++)
    {
      g_autoptr(CdArticle) article = make_article ("Bounded", "");
      g_autoptr(CdVersion) version = NULL;
      g_autofree char *body = g_strdup_printf ("%s\n\nRevision %u.", base->str, n);

      cd_article_set_id (article, CRASH_ARTICLE_ID);
      cd_article_set_body (article, body);
      version = record_ok (store, article, CD_VERSION_REASON_SAVE, "Ana", NULL);
      size = cd_version_get_size (version);
    }
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Three versions of about 200 KB, and some room for the pages around them;
   * twenty would not fit. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("store file: %" G_GINT64_FORMAT " bytes for versions of %" G_GSIZE_FORMAT " bytes",
                  (gint64) st.st_size, size);
  g_assert_cmpint (st.st_size, <, 6 * (goffset) size);
  cd_test_remove_tree (dir);
}

/* Damaged, foreign and newer stores. */

static void
assert_moved_aside (const char   *dir,
                    const char   *path,
                    const GError *error,
                    const char   *contents)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  gboolean found = FALSE;

  g_assert_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, ".broken-"));

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;

      if (!g_str_has_prefix (name, "versions.sqlite.broken-") || g_str_has_suffix (name, "-wal") ||
          g_str_has_suffix (name, "-shm"))
        continue;
      /* The message names the file the store went to. */
      g_assert_nonnull (strstr (error->message, full));
      if (contents != NULL)
        {
          g_assert_true (g_file_get_contents (full, &data, NULL, NULL));
          g_assert_cmpstr (data, ==, contents);
        }
      found = TRUE;
    }
  g_assert_true (found);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_not_a_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdVersionStore) store = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "versions.sqlite", NULL);

  for (int i = 0; i < 200; i++)
    g_string_append (text, "Not a database: a shopping list. Eggs, milk, bread.\n");
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  store = cd_version_store_new_for_path (path, &error);
  g_assert_null (store);
  assert_moved_aside (dir, path, error, text->str);
  g_clear_error (&error);

  /* The next open starts a new, empty store. */
  store = cd_version_store_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_version_store_check (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  cd_test_remove_tree (dir);

  /* Another program's SQLite database is not written into. */
  dir = (g_free (dir), cd_test_make_temp_dir ());
  g_free (path);
  path = g_build_filename (dir, "versions.sqlite", NULL);
  exec_raw (path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread');");
  store = cd_version_store_new_for_path (path, &error);
  g_assert_null (store);
  assert_moved_aside (dir, path, error, NULL);
  g_clear_error (&error);
  cd_test_remove_tree (dir);

  /* A store that a newer Copydesk made is left alone. */
  dir = (g_free (dir), cd_test_make_temp_dir ());
  g_free (path);
  path = g_build_filename (dir, "versions.sqlite", NULL);
  store = cd_version_store_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  exec_raw (path, "PRAGMA user_version = 2;");
  store = cd_version_store_new_for_path (path, &error);
  g_assert_null (store);
  g_assert_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder where the file should be cannot be opened; it says so. */
  cd_test_remove_tree (dir);
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  store = cd_version_store_new_for_path (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  cd_test_remove_tree (dir);
}

/* Stored bytes damaged behind the store's back: a clear error, no crash. */
static void
test_damaged_version (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = make_article ("Damaged", "A body.");
  g_autoptr(CdVersion) version = record_ok (fixture->store, article, CD_VERSION_REASON_SAVE, "Ana", NULL);
  g_autoptr(CdArticle) loaded = NULL;
  g_autofree char *sql = NULL;
  static const char not_json[] = "{\"format\": \"copydesk-article\", \"version\": 1, \"head";

  /* Bytes that do not match their checksum. */
  exec_raw (fixture->path, "UPDATE versions SET data = CAST('{}' AS BLOB);");
  loaded = cd_version_store_load_article (fixture->store, version, &error);
  g_assert_null (loaded);
  g_assert_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  /* Bytes that match their checksum but are no article. */
  {
    g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, not_json, -1);

    sql = g_strdup_printf ("UPDATE versions SET data = CAST('%s' AS BLOB), sha256 = '%s';",
                           not_json, sha256);
  }
  exec_raw (fixture->path, sql);
  loaded = cd_version_store_load_article (fixture->store, version, &error);
  g_assert_null (loaded);
  g_assert_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "does not load"));
  g_clear_error (&error);

  /* An empty blob. */
  exec_raw (fixture->path, "UPDATE versions SET data = X'', sha256 = 'x';");
  loaded = cd_version_store_load_article (fixture->store, version, &error);
  g_assert_null (loaded);
  g_assert_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
}

/* Two programs at once. */

typedef struct
{
  const char *path;
  GMutex lock;
  GCond cond;
  gboolean holding;
} Holder;

static gpointer
hold_lock_thread (gpointer data)
{
  Holder *holder = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (holder->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&holder->lock);
  holder->holding = TRUE;
  g_cond_signal (&holder->cond);
  g_mutex_unlock (&holder->lock);
  /* Long enough that the other writer must wait, well within its timeout. */
  g_usleep (300 * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return NULL;
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = make_article ("Busy", "First.");
  g_autoptr(CdVersionStore) second = NULL;
  g_autoptr(CdVersion) version = NULL;
  g_autoptr(GListModel) versions = NULL;
  sqlite3 *db = NULL;
  Holder holder = { .path = fixture->path };
  GThread *thread;

  second = cd_version_store_new_for_path (fixture->path, &error);
  g_assert_no_error (error);

  /* Another writer holds the lock past the wait: a clear error. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  cd_version_store_set_busy_timeout (second, 50);
  version = cd_version_store_record (second, article, CD_VERSION_REASON_SAVE, "Ana", NULL, &error);
  g_assert_null (version);
  g_assert_error (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  /* The same store works once the lock is gone. */
  version = record_ok (second, article, CD_VERSION_REASON_SAVE, "Ana", NULL);
  g_clear_object (&version);

  /* A writer that lets go within the wait: the recording waits for it. */
  cd_version_store_set_busy_timeout (second, CD_VERSION_STORE_BUSY_TIMEOUT_MS);
  g_mutex_init (&holder.lock);
  g_cond_init (&holder.cond);
  thread = g_thread_new ("holder", hold_lock_thread, &holder);
  g_mutex_lock (&holder.lock);
  while (!holder.holding)
    g_cond_wait (&holder.cond, &holder.lock);
  g_mutex_unlock (&holder.lock);
  cd_article_set_body (article, "Second.");
  version = cd_version_store_record (fixture->store, article, CD_VERSION_REASON_SAVE, "Ben", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (version);
  g_thread_join (thread);
  g_mutex_clear (&holder.lock);
  g_cond_clear (&holder.cond);

  /* Both connections see both versions. */
  versions = list_ok (second, cd_article_get_id (article));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  g_assert_finalize_object (g_steal_pointer (&second));
}

/* Asynchronous recording, and the user's own store. */

static void
record_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CdVersion **version = user_data;
  g_autoptr(GError) error = NULL;

  *version = cd_version_store_record_finish (CD_VERSION_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CdArticle) article = make_article ("Async", "Recorded in a thread.");
  g_autofree char *expected = cd_article_to_data (article, NULL);
  g_autofree char *loaded = NULL;
  g_autoptr(GListModel) versions = NULL;
  CdVersion *version = NULL;

  cd_version_store_record_async (fixture->store, article, CD_VERSION_REASON_EXPORT, "Ana",
                                 "/tmp/async.copydesk", NULL, record_done_cb, &version);
  /* Later edits do not reach the version under way. */
  cd_article_set_body (article, "Changed after the call.");
  while (version == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The worker thread lets go of its task (and so of the store) only after
   * the callback may have run; the fixture then checks the store is freed. */
  while (g_atomic_int_get (&G_OBJECT (fixture->store)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_cmpint (cd_version_get_reason (version), ==, CD_VERSION_REASON_EXPORT);
  versions = list_ok (fixture->store, cd_article_get_id (article));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  loaded = load_data_ok (fixture->store, version);
  g_assert_cmpstr (loaded, ==, expected);
  g_object_unref (version);
}

static void
test_for_user (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdVersionStore) store = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "copydesk", NULL);
  g_autofree char *expected = g_build_filename (dir, "versions.sqlite", NULL);
  GStatBuf st;

  store = cd_version_store_new_for_user (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_version_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/version-store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("identical", test_identical);
  ADD ("keyed-by-id", test_keyed_by_id);
  ADD ("prune/policy", test_prune_policy);
  ADD ("prune/caps", test_prune_caps);
  ADD ("damaged-version", test_damaged_version);
  ADD ("busy", test_busy);
  ADD ("async", test_async);
#undef ADD
  g_test_add_func ("/version-store/crash", test_crash);
  g_test_add_func ("/version-store/prune/file-size", test_prune_file_size);
  g_test_add_func ("/version-store/not-a-store", test_not_a_store);
  g_test_add_func ("/version-store/for-user", test_for_user);

  return g_test_run ();
}
