/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <sys/stat.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "copydesk-core.h"

/*
 * Tests of CdSession: when the recovery copy and autosave are written, with
 * delays made short through the properties. Every wait runs the main loop
 * until something happens, with a generous limit; no time is asserted.
 */

#define SHORT_MS 40

/* Helpers. */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("copydesk-test-session-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static gboolean
flag_timeout_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; FALSE if it still does not
 * after a time far longer than any of these clocks. */
static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (20, flag_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout);
  return !timed_out;
}

/* Runs the main loop for @ms milliseconds, long past the session's short
 * delays, to see that something does not happen. */
static void
run_main_loop_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
recovery_exists_cb (gpointer data)
{
  GFile *file = cd_document_get_recovery_file (data);

  return file != NULL && g_file_query_exists (file, NULL);
}

static char *
recovery_headline (CdDocument *document)
{
  g_autoptr(CdArticle) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = cd_article_load_from_file (cd_document_get_recovery_file (document), NULL, &error);
  g_assert_no_error (error);
  return g_strdup (cd_article_get_headline (copy));
}

/* A document with a recovery folder inside @dir and short clocks. */
static CdSession *
session_in (const char  *dir,
            CdDocument **document)
{
  g_autofree char *recovery_path = g_build_filename (dir, "recovery", NULL);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery_path);
  CdSession *session;

  if (*document == NULL)
    *document = cd_document_new (NULL);
  cd_document_set_recovery_dir (*document, recovery_dir);
  session = cd_session_new (*document);
  g_object_set (session,
                "recovery-delay", SHORT_MS,
                "recovery-max-delay", 2 * SHORT_MS,
                "autosave-delay", SHORT_MS,
                NULL);
  return session;
}

/* Connected swapped: the count comes first. */
static void
count_cb (guint *count)
{
  (*count)++;
}

/* Keeps the article changing while the recovery clock's delay has not
 * passed since the last change: only the longest delay can fire. */
static gboolean
keep_typing_cb (gpointer data)
{
  CdArticle *article = data;
  g_autofree char *headline = g_strconcat (cd_article_get_headline (article), "a", NULL);

  cd_article_set_headline (article, headline);
  return G_SOURCE_CONTINUE;
}

/* Tests. */

static void
test_properties (void)
{
  CdDocument *document = cd_document_new (NULL);
  CdSession *session = cd_session_new (document);
  guint notified = 0;

  g_assert_true (cd_session_get_document (session) == document);
  g_assert_false (cd_session_get_autosave (session));
  g_assert_false (cd_session_get_paused (session));
  g_assert_false (cd_session_get_autosave_blocked (session));
  g_assert_false (cd_session_get_autosaving (session));
  g_assert_cmpuint (cd_session_get_recovery_delay (session), <,
                    cd_session_get_recovery_max_delay (session));
  /* The recovery copy must be on disk within two seconds of a change. */
  g_assert_cmpuint (cd_session_get_recovery_max_delay (session), <, 2000);

  g_signal_connect_swapped (session, "notify", G_CALLBACK (count_cb), &notified);
  cd_session_set_autosave (session, TRUE);
  cd_session_set_autosave (session, TRUE);
  cd_session_set_autosave_delay (session, 5000);
  cd_session_set_autosave_delay (session, 5000);
  cd_session_set_paused (session, TRUE);
  cd_session_set_paused (session, TRUE);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_true (cd_session_get_autosave (session));
  g_assert_cmpuint (cd_session_get_autosave_delay (session), ==, 5000);
  g_assert_true (cd_session_get_paused (session));

  g_assert_finalize_object (session);
  g_assert_finalize_object (document);
}

static void
test_recovery_after_change (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *headline = NULL;
  CdDocument *document = NULL;
  CdSession *session = session_in (dir, &document);
  guint flushes = 0;

  g_signal_connect_swapped (session, "flush", G_CALLBACK (count_cb), &flushes);

  /* Nothing changed: nothing written. */
  run_main_loop_for (5 * SHORT_MS);
  g_assert_false (recovery_exists_cb (document));
  g_assert_cmpuint (flushes, ==, 0);

  cd_article_set_headline (cd_document_get_article (document), "Storm warning");
  g_assert_true (wait_until (recovery_exists_cb, document));
  g_assert_cmpuint (flushes, ==, 1);
  headline = recovery_headline (document);
  g_assert_cmpstr (headline, ==, "Storm warning");

  /* Edits not yet in the article start the clock too, and "flush" brings
   * them in before the write. */
  g_signal_handlers_disconnect_by_data (session, &flushes);
  cd_document_discard_recovery (document);
  g_signal_connect_swapped (session, "flush", G_CALLBACK (keep_typing_cb),
                            cd_document_get_article (document));
  cd_session_note_change (session);
  g_assert_true (wait_until (recovery_exists_cb, document));
  g_signal_handlers_disconnect_by_data (session, cd_document_get_article (document));
  g_clear_pointer (&headline, g_free);
  headline = recovery_headline (document);
  g_assert_cmpstr (headline, ==, "Storm warninga");

  g_assert_finalize_object (session);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_recovery_longest_delay (void)
{
  g_autofree char *dir = make_temp_dir ();
  CdDocument *document = NULL;
  CdSession *session = session_in (dir, &document);
  CdArticle *article = cd_document_get_article (document);
  guint typing;

  /* A change every SHORT_MS / 4 never leaves the short delay to pass. */
  g_object_set (session, "recovery-delay", 4 * SHORT_MS, "recovery-max-delay", 8 * SHORT_MS, NULL);
  cd_article_set_headline (article, "Steady typist");
  typing = g_timeout_add (SHORT_MS / 4, keep_typing_cb, article);
  g_assert_true (wait_until (recovery_exists_cb, document));
  g_source_remove (typing);

  g_assert_finalize_object (session);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static gboolean
recovery_says_while_asked_cb (gpointer data)
{
  g_autofree char *headline = recovery_headline (data);

  return g_strcmp0 (headline, "While asked") == 0;
}

static void
test_paused (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *headline = NULL;
  CdDocument *document = NULL;
  CdSession *session = session_in (dir, &document);
  CdArticle *article = cd_document_get_article (document);

  /* Pausing (a question appears) writes what is pending at once. */
  g_object_set (session, "recovery-delay", 60000, "recovery-max-delay", 60000, NULL);
  cd_article_set_headline (article, "Before the question");
  g_assert_false (recovery_exists_cb (document));
  cd_session_set_paused (session, TRUE);
  g_assert_true (recovery_exists_cb (document));

  /* While paused, nothing is written. */
  g_object_set (session, "recovery-delay", SHORT_MS, "recovery-max-delay", SHORT_MS, NULL);
  cd_article_set_headline (article, "While asked");
  run_main_loop_for (5 * SHORT_MS);
  headline = recovery_headline (document);
  g_assert_cmpstr (headline, ==, "Before the question");

  /* Answered: the clock starts again for what is unsaved. */
  cd_session_set_paused (session, FALSE);
  g_assert_true (wait_until (recovery_says_while_asked_cb, document));

  g_assert_finalize_object (session);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_close_and_stop (void)
{
  g_autofree char *dir = make_temp_dir ();
  CdDocument *document = NULL;
  CdSession *session = session_in (dir, &document);
  CdArticle *article = cd_document_get_article (document);

  /* Stopped (the user discarded): the pending copy is not written. */
  cd_article_set_headline (article, "Discarded");
  cd_session_stop (session);
  cd_session_write_pending_recovery (session);
  run_main_loop_for (5 * SHORT_MS);
  g_assert_false (recovery_exists_cb (document));

  /* Pending, written on demand (the window goes without asking). */
  cd_article_set_headline (article, "Kept");
  cd_session_write_pending_recovery (session);
  g_assert_true (recovery_exists_cb (document));
  cd_document_discard_recovery (document);

  /* Closed: never again. */
  cd_session_close (session);
  cd_article_set_headline (article, "After closing");
  cd_session_write_pending_recovery (session);
  run_main_loop_for (5 * SHORT_MS);
  g_assert_false (recovery_exists_cb (document));

  g_assert_finalize_object (session);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

typedef struct
{
  guint   count;
  GError *error;
} Failures;

static void
failed_cb (CdSession    *session,
           const GError *error,
           Failures     *failures)
{
  failures->count++;
  g_clear_error (&failures->error);
  if (error != NULL)
    failures->error = g_error_copy (error);
}

static gboolean
failed_once_cb (gpointer data)
{
  return ((Failures *) data)->count > 0;
}

static void
test_recovery_failure_once (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *blocker = g_build_filename (dir, "recovery", NULL);
  CdDocument *document = NULL;
  CdSession *session;
  CdArticle *article;
  Failures failures = { 0, NULL };

  /* A file where the recovery folder should be. */
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  session = session_in (dir, &document);
  article = cd_document_get_article (document);
  g_signal_connect (session, "recovery-failed", G_CALLBACK (failed_cb), &failures);

  cd_article_set_headline (article, "Nowhere to go");
  g_assert_true (wait_until (failed_once_cb, &failures));
  g_assert_error (failures.error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY);

  /* The same failure again is not reported again. */
  cd_article_set_headline (article, "Still nowhere");
  cd_session_write_pending_recovery (session);
  run_main_loop_for (5 * SHORT_MS);
  g_assert_cmpuint (failures.count, ==, 1);

  /* Once a copy is written, a new failure is reported. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  cd_article_set_headline (article, "Somewhere");
  g_assert_true (wait_until (recovery_exists_cb, document));
  cd_document_discard_recovery (document);
  g_assert_cmpint (g_rmdir (blocker), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  failures.count = 0;
  cd_article_set_headline (article, "Nowhere again");
  g_assert_true (wait_until (failed_once_cb, &failures));

  g_clear_error (&failures.error);
  g_assert_finalize_object (session);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

typedef struct
{
  guint   finished;
  gboolean failed;
} Autosaves;

static void
autosave_finished_cb (CdSession    *session,
                      const GError *error,
                      Autosaves    *autosaves)
{
  autosaves->finished++;
  autosaves->failed = error != NULL;
}

static gboolean
autosaved_cb (gpointer data)
{
  return ((Autosaves *) data)->finished > 0;
}

static CdDocument *
saved_document (const char *path,
                const char *headline)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CdDocument *document = cd_document_new (NULL);

  cd_article_set_headline (cd_document_get_article (document), headline);
  g_assert_true (cd_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  return document;
}

static char *
headline_on_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) article = cd_article_load_from_file (file, NULL, NULL);

  return article != NULL ? g_strdup (cd_article_get_headline (article)) : NULL;
}

static void
test_autosave (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *headline = NULL;
  CdDocument *document = saved_document (path, "Explicit");
  CdSession *session = session_in (dir, &document);
  CdArticle *article = cd_document_get_article (document);
  Autosaves autosaves = { 0, FALSE };

  g_signal_connect (session, "autosave-finished", G_CALLBACK (autosave_finished_cb), &autosaves);

  /* Off: the file stays as the user saved it. */
  cd_article_set_headline (article, "Not autosaved");
  run_main_loop_for (5 * SHORT_MS);
  g_assert_cmpuint (autosaves.finished, ==, 0);
  headline = headline_on_disk (path);
  g_assert_cmpstr (headline, ==, "Explicit");

  /* On: the clock starts at once. */
  cd_session_set_autosave (session, TRUE);
  g_assert_true (wait_until (autosaved_cb, &autosaves));
  g_assert_false (autosaves.failed);
  g_assert_false (cd_session_get_autosaving (session));
  g_clear_pointer (&headline, g_free);
  headline = headline_on_disk (path);
  g_assert_cmpstr (headline, ==, "Not autosaved");
  g_assert_false (cd_document_get_modified (document));
  g_assert_true (cd_document_get_autosaved (document));

  /* After the next change. */
  autosaves.finished = 0;
  cd_article_set_headline (article, "Autosaved");
  g_assert_true (wait_until (autosaved_cb, &autosaves));
  g_clear_pointer (&headline, g_free);
  headline = headline_on_disk (path);
  g_assert_cmpstr (headline, ==, "Autosaved");

  /* Not while paused. */
  autosaves.finished = 0;
  cd_session_set_paused (session, TRUE);
  cd_article_set_headline (article, "While asked");
  run_main_loop_for (5 * SHORT_MS);
  g_assert_cmpuint (autosaves.finished, ==, 0);

  g_assert_finalize_object (session);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_autosave_failure_blocks (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  CdDocument *document = saved_document (path, "Explicit");
  CdSession *session = session_in (dir, &document);
  CdArticle *article = cd_document_get_article (document);
  Autosaves autosaves = { 0, FALSE };
  guint blocked_notified = 0;

  g_signal_connect (session, "autosave-finished", G_CALLBACK (autosave_finished_cb), &autosaves);
  g_signal_connect_swapped (session, "notify::autosave-blocked", G_CALLBACK (count_cb),
                            &blocked_notified);
  cd_session_set_autosave (session, TRUE);

  /* Another program changed the file: an autosave never overwrites it. */
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  {
    struct utimbuf times = { 1000000000, 1000000000 };

    g_assert_cmpint (g_utime (path, &times), ==, 0);
  }
  cd_article_set_headline (article, "Ours");
  g_assert_true (wait_until (autosaved_cb, &autosaves));
  g_assert_true (autosaves.failed);
  g_assert_true (cd_session_get_autosave_blocked (session));
  g_assert_cmpuint (blocked_notified, ==, 1);

  /* Blocked until the user saves. */
  autosaves.finished = 0;
  cd_article_set_headline (article, "Ours, more");
  run_main_loop_for (5 * SHORT_MS);
  g_assert_cmpuint (autosaves.finished, ==, 0);

  cd_session_unblock_autosave (session);
  g_assert_false (cd_session_get_autosave_blocked (session));
  g_assert_cmpuint (blocked_notified, ==, 2);

  g_assert_finalize_object (session);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
have_result_cb (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* A file deleted by another program leaves the article in no file: it gets a
 * recovery copy without any change. */
static void
test_recovery_after_deletion (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;
  CdDocument *document;
  CdSession *session;

  g_object_unref (saved_document (path, "Only here"));

  /* Loaded, as a window does: it watches its file. */
  cd_document_load_async (file, NULL, store_result_cb, &result);
  g_assert_true (wait_until (have_result_cb, &result));
  document = cd_document_load_finish (result, &error);
  g_assert_no_error (error);
  session = session_in (dir, &document);

  run_main_loop_for (5 * SHORT_MS);
  g_assert_false (recovery_exists_cb (document));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (wait_until (recovery_exists_cb, document));
  headline = recovery_headline (document);
  g_assert_cmpstr (headline, ==, "Only here");

  g_assert_finalize_object (session);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/properties", test_properties);
  g_test_add_func ("/session/recovery/after-change", test_recovery_after_change);
  g_test_add_func ("/session/recovery/longest-delay", test_recovery_longest_delay);
  g_test_add_func ("/session/recovery/failure-once", test_recovery_failure_once);
  g_test_add_func ("/session/recovery/after-deletion", test_recovery_after_deletion);
  g_test_add_func ("/session/paused", test_paused);
  g_test_add_func ("/session/close-and-stop", test_close_and_stop);
  g_test_add_func ("/session/autosave", test_autosave);
  g_test_add_func ("/session/autosave/failure-blocks", test_autosave_failure_blocks);

  return g_test_run ();
}
