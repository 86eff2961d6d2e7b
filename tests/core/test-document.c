/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#ifdef __linux__
#include <linux/capability.h>
#include <sys/syscall.h>
#endif

#include <glib/gstdio.h>

#include "cd-test-util.h"
#include "copydesk-core.h"

/*
 * Tests of CdDocument: modified tracking, titles, loading and saving (in
 * threads and not), conflicts with changes made on disk, failed saves, and
 * recovery copies. Every case works in its own temporary folder.
 */

/* Helpers for files and folders. */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("copydesk-test-document-XXXXXX", &error);

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
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
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

static char *
read_contents (const char *path,
               gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_contents (const char *path,
                const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Sets a file's modification time to @seconds after the epoch. */
static void
set_mtime (const char *path,
           time_t      seconds)
{
  struct utimbuf times = { seconds, seconds };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* The names in @path, in no particular order. */
static GPtrArray *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return names;
}

/* The article's canonical bytes. */
static char *
article_data (CdArticle *article)
{
  return cd_article_to_data (article, NULL);
}

/* Writes a fresh article with @headline to @path and returns its bytes. */
static char *
write_article (const char *path,
               const char *headline)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  cd_article_set_headline (article, headline);
  cd_article_set_body (article, "Some words.\n");
  g_assert_true (cd_article_save_to_file (article, file, NULL, &error));
  g_assert_no_error (error);

  return article_data (article);
}

/* Notifications. */

typedef struct
{
  GHashTable *counts;
} Recorder;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Recorder   *recorder)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (recorder->counts, pspec->name));

  g_hash_table_insert (recorder->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static void
recorder_init (Recorder   *recorder,
               CdDocument *document)
{
  recorder->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (document, "notify", G_CALLBACK (notify_cb), recorder);
}

static guint
count (Recorder   *recorder,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (recorder->counts, name));
}

static void
recorder_clear (Recorder *recorder)
{
  g_hash_table_remove_all (recorder->counts);
}

static void
recorder_finish (Recorder   *recorder,
                 CdDocument *document)
{
  g_signal_handlers_disconnect_by_data (document, recorder);
  g_hash_table_unref (recorder->counts);
}

/* Async helpers: run the main loop until the result is in. */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static void
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static CdDocument *
load_async_and_wait (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cd_document_load_async (file, cancellable, store_result_cb, &result);
  wait_for_result (&result);
  return cd_document_load_finish (result, error);
}

static gboolean
save_async_and_wait (CdDocument  *document,
                     GFile       *file,
                     gboolean     force,
                     GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cd_document_save_async (document, file, force, NULL, store_result_cb, &result);
  wait_for_result (&result);
  return cd_document_save_finish (document, result, error);
}

static CdDocument *
load_ok (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CdDocument *document = load_async_and_wait (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
assert_error_names (const GError *error,
                    GQuark        domain,
                    int           code,
                    const char   *name)
{
  g_assert_error (error, domain, code);
  if (name != NULL && strstr (error->message, name) == NULL)
    g_error ("message “%s” does not name “%s”", error->message, name);
}

static void
assert_file_has (const char *path,
                 const char *expected)
{
  g_autofree char *contents = read_contents (path, NULL);

  g_assert_cmpstr (contents, ==, expected);
}

/* New documents and properties. */

static void
test_new (void)
{
  CdDocument *document = cd_document_new (NULL);
  CdArticle *article = cd_document_get_article (document);
  g_autofree char *title = NULL;
  gboolean modified = TRUE;
  gboolean busy = TRUE;

  g_assert_true (CD_IS_ARTICLE (article));
  g_assert_true (g_str_has_prefix (cd_article_get_id (article), "urn:uuid:"));
  g_assert_null (cd_document_get_file (document));
  g_assert_null (cd_document_dup_article_dir (document));
  g_assert_false (cd_document_get_modified (document));
  g_assert_false (cd_document_get_busy (document));
  g_assert_cmpstr (cd_document_get_title (document), ==, "Untitled Article");
  g_assert_cmpstr (cd_document_get_display_name (document), ==, "Unsaved Article");

  g_object_get (document, "title", &title, "modified", &modified, "busy", &busy, NULL);
  g_assert_cmpstr (title, ==, "Untitled Article");
  g_assert_false (modified);
  g_assert_false (busy);

  g_assert_finalize_object (document);
}

static void
test_new_with_article (void)
{
  CdArticle *article = cd_article_new ();
  CdDocument *document;
  CdArticle *got = NULL;

  cd_article_set_headline (article, "Harbour ferry sails at last");
  document = cd_document_new (article);

  g_assert_true (cd_document_get_article (document) == article);
  g_object_get (document, "article", &got, NULL);
  g_assert_true (got == article);
  g_object_unref (got);
  g_assert_cmpstr (cd_document_get_title (document), ==, "Harbour ferry sails at last");
  g_assert_false (cd_document_get_modified (document));

  /* The document lets go of the article, and stops following it. */
  g_assert_finalize_object (document);
  cd_article_set_headline (article, "Still here");
  g_assert_finalize_object (article);
}

static void
test_property_specs (void)
{
  static const struct
  {
    const char *name;
    GParamFlags flags;
  } specs[] = {
    { "article", G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY },
    { "file", G_PARAM_READABLE },
    { "modified", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY },
    { "title", G_PARAM_READABLE },
    { "display-name", G_PARAM_READABLE },
    { "busy", G_PARAM_READABLE },
    { "disk-state", G_PARAM_READABLE },
  };
  GObjectClass *klass = g_type_class_ref (CD_TYPE_DOCUMENT);

  for (size_t i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, specs[i].name);
      GParamFlags mask = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY;

      g_assert_nonnull (pspec);
      g_assert_cmphex (pspec->flags & mask, ==, specs[i].flags);
      g_assert_true (pspec->flags & G_PARAM_STATIC_NAME);
    }

  g_type_class_unref (klass);
}

static void
test_modified_follows_article (void)
{
  CdDocument *document = cd_document_new (NULL);
  CdArticle *article = cd_document_get_article (document);
  g_autoptr(CdAuthor) author = cd_author_new ("Ada Okafor");
  g_autoptr(CdTag) tag = cd_tag_new ("Harbour", NULL, NULL);
  Recorder recorder;

  recorder_init (&recorder, document);

  cd_article_set_body (article, "First words.");
  g_assert_true (cd_document_get_modified (document));
  cd_article_set_body (article, "More words.");
  cd_article_set_standfirst (article, "A deck.");
  g_assert_cmpuint (count (&recorder, "modified"), ==, 1);

  /* Setting a field to what it holds is no change. */
  cd_document_set_modified (document, FALSE);
  g_assert_cmpuint (count (&recorder, "modified"), ==, 2);
  cd_article_set_body (article, "More words.");
  g_assert_false (cd_document_get_modified (document));

  /* Changes inside authors, tags, the image and the planned length count. */
  cd_article_add_author (article, author);
  g_assert_true (cd_document_get_modified (document));
  cd_document_set_modified (document, FALSE);
  cd_author_set_role (author, "Reporter");
  g_assert_true (cd_document_get_modified (document));
  cd_document_set_modified (document, FALSE);
  cd_article_add_tag (article, tag);
  g_assert_true (cd_document_get_modified (document));
  cd_document_set_modified (document, FALSE);
  cd_image_set_alt (cd_article_get_image (article), "A ferry");
  g_assert_true (cd_document_get_modified (document));
  cd_document_set_modified (document, FALSE);
  cd_article_set_planned_words (article, 600);
  g_assert_true (cd_document_get_modified (document));

  /* The setter and the property notify only on a real change. */
  recorder_clear (&recorder);
  cd_document_set_modified (document, TRUE);
  g_object_set (document, "modified", TRUE, NULL);
  g_assert_cmpuint (count (&recorder, "modified"), ==, 0);
  g_object_set (document, "modified", FALSE, NULL);
  g_object_set (document, "modified", FALSE, NULL);
  g_assert_cmpuint (count (&recorder, "modified"), ==, 1);
  g_assert_false (cd_document_get_modified (document));
  g_assert_cmpuint (count (&recorder, "title"), ==, 0);
  g_assert_cmpuint (count (&recorder, "file"), ==, 0);

  recorder_finish (&recorder, document);
  g_assert_finalize_object (document);
}

static void
test_title (void)
{
  CdDocument *document = cd_document_new (NULL);
  CdArticle *article = cd_document_get_article (document);
  Recorder recorder;

  recorder_init (&recorder, document);

  cd_article_set_headline (article, "Council approves harbour plan");
  g_assert_cmpstr (cd_document_get_title (document), ==, "Council approves harbour plan");
  g_assert_cmpuint (count (&recorder, "title"), ==, 1);

  /* Space around the headline is not part of the title. */
  cd_article_set_headline (article, "  Council approves harbour plan ");
  g_assert_cmpuint (count (&recorder, "title"), ==, 1);

  /* Other fields leave the title alone. */
  cd_article_set_body (article, "Body");
  cd_article_set_slug (article, "by-hand");
  g_assert_cmpuint (count (&recorder, "title"), ==, 1);

  cd_article_set_headline (article, "   ");
  g_assert_cmpstr (cd_document_get_title (document), ==, "Untitled Article");
  g_assert_cmpuint (count (&recorder, "title"), ==, 2);
  cd_article_set_headline (article, "");
  g_assert_cmpuint (count (&recorder, "title"), ==, 2);

  cd_article_set_headline (article, "東京の港で新しいフェリー");
  g_assert_cmpstr (cd_document_get_title (document), ==, "東京の港で新しいフェリー");
  g_assert_cmpuint (count (&recorder, "title"), ==, 3);
  g_assert_cmpuint (count (&recorder, "display-name"), ==, 0);

  recorder_finish (&recorder, document);
  g_assert_finalize_object (document);
}

/* Saving and loading. */

static void
test_save_sync (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) first_stamp = NULL;
  CdDocument *document = cd_document_new (NULL);
  CdArticle *article = cd_document_get_article (document);
  g_autofree char *expected = NULL;
  Recorder recorder;
  gboolean ok;

  cd_article_set_headline (article, "Harbour plan approved");
  cd_article_set_planned_words (article, 650);
  g_assert_true (cd_document_get_modified (document));

  recorder_init (&recorder, document);
  before = g_date_time_new_now_local ();
  ok = cd_document_save (document, file, FALSE, NULL, &error);
  after = g_date_time_new_now_local ();
  g_assert_no_error (error);
  g_assert_true (ok);

  g_assert_true (g_file_equal (cd_document_get_file (document), file));
  g_assert_cmpstr (cd_document_get_display_name (document), ==, "harbour.copydesk");
  g_assert_false (cd_document_get_modified (document));
  g_assert_false (cd_document_get_busy (document));
  g_assert_cmpuint (count (&recorder, "file"), ==, 1);
  g_assert_cmpuint (count (&recorder, "display-name"), ==, 1);
  g_assert_cmpuint (count (&recorder, "modified"), ==, 1);
  g_assert_cmpuint (count (&recorder, "busy"), ==, 2);
  g_assert_cmpuint (count (&recorder, "title"), ==, 0);

  /* A save by the user stamps the article's modified time, to the second. */
  first_stamp = g_date_time_ref (cd_article_get_modified (article));
  g_assert_cmpint (g_date_time_get_microsecond (first_stamp), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (first_stamp), >=, g_date_time_to_unix (before));
  g_assert_cmpint (g_date_time_to_unix (first_stamp), <=, g_date_time_to_unix (after));

  /* The file holds exactly the article, stamp included. */
  expected = article_data (article);
  assert_file_has (path, expected);
  g_assert_nonnull (strstr (expected, "\"planned_words\": 650,"));

  /* Relative image paths start from the file's folder. */
  parent = cd_document_dup_article_dir (document);
  {
    g_autoptr(GFile) expected_dir = g_file_new_for_path (dir);

    g_assert_true (g_file_equal (parent, expected_dir));
  }

  /* Saving again without changes writes the same bytes and keeps the time. */
  recorder_clear (&recorder);
  ok = cd_document_save (document, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_date_time_equal (cd_article_get_modified (article), first_stamp));
  assert_file_has (path, expected);
  g_assert_cmpuint (count (&recorder, "file"), ==, 0);
  g_assert_cmpuint (count (&recorder, "display-name"), ==, 0);
  g_assert_cmpuint (count (&recorder, "modified"), ==, 0);
  g_assert_cmpuint (count (&recorder, "busy"), ==, 2);

  recorder_finish (&recorder, document);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_save_without_file (void)
{
  CdDocument *document = cd_document_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;
  Recorder recorder;

  cd_article_set_body (cd_document_get_article (document), "Unsaved words");
  recorder_init (&recorder, document);

  g_assert_false (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_NO_FILE);
  g_assert_false (save_async_and_wait (document, NULL, FALSE, &async_error));
  g_assert_error (async_error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_NO_FILE);

  g_assert_true (cd_document_get_modified (document));
  g_assert_false (cd_document_get_busy (document));
  g_assert_cmpuint (count (&recorder, "busy"), ==, 0);
  g_assert_cmpuint (count (&recorder, "modified"), ==, 0);

  recorder_finish (&recorder, document);
  g_assert_finalize_object (document);
}

static void
test_load_and_save_async (void)
{
  g_autofree char *source_root = cd_test_dup_source_root ();
  g_autofree char *fixture = g_build_filename (source_root, "tests", "articles", "full.copydesk", NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "full.copydesk", NULL);
  g_autofree char *original = read_contents (fixture, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  CdDocument *document;
  CdDocument *reloaded;
  CdArticle *article;
  Recorder recorder;

  write_contents (path, original);
  document = load_ok (path);
  article = cd_document_get_article (document);

  g_assert_true (g_file_equal (cd_document_get_file (document), file));
  g_assert_cmpstr (cd_document_get_display_name (document), ==, "full.copydesk");
  g_assert_false (cd_document_get_modified (document));
  g_assert_false (cd_document_get_busy (document));
  g_assert_cmpstr (cd_document_get_title (document), ==, cd_article_get_headline (article));
  {
    g_autofree char *loaded = article_data (article);

    g_assert_cmpstr (loaded, ==, original);
  }

  recorder_init (&recorder, document);
  cd_article_set_headline (article, "A new headline for the desk");
  g_assert_true (cd_document_get_modified (document));

  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (cd_document_get_modified (document));
  g_assert_false (cd_document_get_busy (document));
  g_assert_cmpuint (count (&recorder, "busy"), ==, 2);
  g_assert_cmpuint (count (&recorder, "modified"), ==, 2);
  g_assert_cmpuint (count (&recorder, "title"), ==, 1);
  g_assert_cmpuint (count (&recorder, "file"), ==, 0);

  expected = article_data (article);
  assert_file_has (path, expected);

  /* Loaded again, it is the same article. */
  reloaded = load_ok (path);
  {
    g_autofree char *again = article_data (cd_document_get_article (reloaded));

    g_assert_cmpstr (again, ==, expected);
  }
  g_assert_cmpstr (cd_document_get_title (reloaded), ==, "A new headline for the desk");

  recorder_finish (&recorder, document);
  g_assert_finalize_object (reloaded);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_load_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.copydesk", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.copydesk", NULL);
  g_autofree char *ninjs = g_build_filename (dir, "story.json", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GFile) ninjs_file = g_file_new_for_path (ninjs);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CdDocument *document;

  document = load_async_and_wait (missing_file, NULL, &error);
  g_assert_null (document);
  assert_error_names (error, CD_FILE_ERROR, CD_FILE_ERROR_READ, missing);
  g_clear_error (&error);

  /* Core's message, with the file and the line and column. */
  write_contents (broken, "{\n  \"format\": \"copydesk-article\",\n  \"version\": 1,\n  oops\n}\n");
  document = load_async_and_wait (broken_file, NULL, &error);
  g_assert_null (document);
  assert_error_names (error, CD_FILE_ERROR, CD_FILE_ERROR_SYNTAX, broken);
  g_assert_nonnull (strstr (error->message, ":4:3: "));
  g_clear_error (&error);

  write_contents (ninjs, "{\"uri\": \"urn:x\", \"headline\": \"Hi\"}");
  document = load_async_and_wait (ninjs_file, NULL, &error);
  g_assert_null (document);
  assert_error_names (error, CD_FILE_ERROR, CD_FILE_ERROR_NOT_ARTICLE, "import it instead");
  g_clear_error (&error);

  document = load_async_and_wait (dir_file, NULL, &error);
  g_assert_null (document);
  assert_error_names (error, CD_FILE_ERROR, CD_FILE_ERROR_READ, "it is a folder");
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  document = load_async_and_wait (broken_file, cancellable, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  remove_tree (dir);
}

/* An edit made while the file is written is not in the file, so the document
 * stays modified. The snapshot is taken when the save starts. */
static void
test_edit_during_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CdDocument *document = cd_document_new (NULL);
  CdArticle *article = cd_document_get_article (document);
  g_autofree char *snapshot = NULL;
  g_autofree char *saved = NULL;

  cd_article_set_headline (article, "Before the save");
  cd_document_save_async (document, file, FALSE, NULL, store_result_cb, &result);
  g_assert_true (cd_document_get_busy (document));
  snapshot = article_data (article);

  cd_article_set_headline (article, "Typed while saving");
  wait_for_result (&result);
  g_assert_true (cd_document_save_finish (document, result, &error));
  g_assert_no_error (error);

  g_assert_true (cd_document_get_modified (document));
  g_assert_false (cd_document_get_busy (document));
  g_assert_true (g_file_equal (cd_document_get_file (document), file));
  saved = read_contents (path, NULL);
  g_assert_cmpstr (saved, ==, snapshot);
  g_assert_null (strstr (saved, "Typed while saving"));

  /* Marking the document modified by hand during a save counts as a change too. */
  g_clear_object (&result);
  cd_document_save_async (document, NULL, FALSE, NULL, store_result_cb, &result);
  cd_document_set_modified (document, TRUE);
  wait_for_result (&result);
  g_assert_true (cd_document_save_finish (document, result, &error));
  g_assert_true (cd_document_get_modified (document));
  g_clear_pointer (&saved, g_free);
  saved = article_data (article);
  assert_file_has (path, saved);
  g_clear_object (&result);

  /* With nothing typed meanwhile, the next save leaves it clean. */
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (cd_document_get_modified (document));

  g_assert_finalize_object (document);
  remove_tree (dir);
}

typedef struct
{
  CdDocument *document;
  GPtrArray  *order;
  guint       done;
  gboolean    busy_in_callback[3];
} QueueState;

static void
queued_save_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  QueueState *state = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_document_save_finish (state->document, result, &error));
  g_assert_no_error (error);
  state->busy_in_callback[state->done] = cd_document_get_busy (state->document);
  state->done++;
}

/* Saves asked for while one is running wait their turn, and each writes the
 * article as it is when it starts. */
static void
test_concurrent_saves (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *other_path = g_build_filename (dir, "renamed.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  CdDocument *document = cd_document_new (NULL);
  CdArticle *article = cd_document_get_article (document);
  QueueState state = { document, NULL, 0, { FALSE, } };
  g_autofree char *latest = NULL;
  g_autoptr(GPtrArray) names = NULL;
  Recorder recorder;

  recorder_init (&recorder, document);

  cd_article_set_headline (article, "First");
  cd_document_save_async (document, file, FALSE, NULL, queued_save_cb, &state);
  cd_article_set_headline (article, "Second");
  /* A Save As, then a plain Save that goes to the file the Save As chose. */
  cd_document_save_async (document, other, FALSE, NULL, queued_save_cb, &state);
  cd_article_set_headline (article, "Third");
  cd_document_save_async (document, NULL, FALSE, NULL, queued_save_cb, &state);
  g_assert_true (cd_document_get_busy (document));

  /* The synchronous save does not wait: it refuses. */
  g_assert_false (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  while (state.done < 3)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (state.busy_in_callback[0]);
  g_assert_true (state.busy_in_callback[1]);
  g_assert_false (state.busy_in_callback[2]);
  g_assert_false (cd_document_get_busy (document));
  g_assert_cmpuint (count (&recorder, "busy"), ==, 2);
  g_assert_false (cd_document_get_modified (document));
  g_assert_true (g_file_equal (cd_document_get_file (document), other));
  g_assert_cmpstr (cd_document_get_display_name (document), ==, "renamed.copydesk");

  /* The first file got the first text; the queued saves both wrote the latest. */
  {
    g_autofree char *first = read_contents (path, NULL);

    g_assert_nonnull (strstr (first, "\"headline\": \"First\""));
  }
  latest = article_data (article);
  assert_file_has (other_path, latest);
  g_assert_nonnull (strstr (latest, "\"headline\": \"Third\""));

  /* No temporary file is left behind. */
  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 2);

  recorder_finish (&recorder, document);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* Changes made on disk by another program. */

static void
change_behind_its_back (const char *path,
                        const char *contents)
{
  write_contents (path, contents);
  /* A time far from now, so that the change shows even on file systems that
   * keep whole seconds. */
  set_mtime (path, 1000000000);
}

static void
test_conflict (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;
  g_autoptr(GError) error = NULL;
  CdDocument *document;
  CdArticle *article;

  g_free (write_article (path, "Original"));
  document = load_ok (path);
  article = cd_document_get_article (document);
  cd_article_set_headline (article, "Ours");

  /* Someone else rewrites the file. */
  theirs = write_article (path, "Theirs");
  set_mtime (path, 1000000000);

  g_assert_false (save_async_and_wait (document, NULL, FALSE, &error));
  assert_error_names (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK, display_name);
  g_clear_error (&error);
  g_assert_true (cd_document_get_modified (document));
  g_assert_false (cd_document_get_busy (document));
  assert_file_has (path, theirs);

  /* The synchronous save refuses the same way. */
  g_assert_false (cd_document_save (document, NULL, FALSE, NULL, &error));
  assert_error_names (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK, display_name);
  g_clear_error (&error);
  assert_file_has (path, theirs);

  /* Naming the same file explicitly is no way around the check. */
  g_assert_false (cd_document_save (document, file, FALSE, NULL, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* Forced, it overwrites; afterwards saving works without force. */
  g_assert_true (save_async_and_wait (document, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (cd_document_get_modified (document));
  ours = article_data (article);
  assert_file_has (path, ours);

  cd_article_set_body (article, "Edited after the forced save.\n");
  g_assert_true (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* A change after our own save is noticed too, even with the same size. */
  g_clear_pointer (&ours, g_free);
  ours = article_data (article);
  {
    g_autofree char *same_size = g_strdup (ours);

    same_size[strlen (same_size) - 3] = 'X';
    change_behind_its_back (path, same_size);
  }
  cd_article_set_body (article, "Another edit.\n");
  g_assert_false (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* Only a change made after the file was read counts. */
static void
test_no_conflict (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.copydesk", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GError) error = NULL;
  CdDocument *document;
  CdArticle *article;

  g_free (write_article (path, "Original"));
  set_mtime (path, 1000000000);
  document = load_ok (path);
  article = cd_document_get_article (document);

  /* A file deleted meanwhile is written again. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  cd_article_set_headline (article, "Saved again");
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Save As to another file checks nothing there, and the document follows
   * the new file, whose old one may then change freely. */
  write_contents (copy_path, "something else");
  cd_article_set_headline (article, "Saved as a copy");
  g_assert_true (cd_document_save (document, copy, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (cd_document_get_file (document), copy));
  change_behind_its_back (path, "changed after the document moved on");
  cd_article_set_body (article, "More.\n");
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* Failed saves. */

#ifdef __linux__
/* Root ignores file permissions. To test a read-only folder as root, the
 * capabilities that let it do so are dropped from this thread's effective set,
 * and restored afterwards; the synchronous save runs in this thread. */
#define DAC_CAPABILITIES ((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH))

static gboolean
set_dac_capabilities (gboolean enabled)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2];

  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;

  if (enabled)
    data[0].effective |= DAC_CAPABILITIES & data[0].permitted;
  else
    data[0].effective &= ~DAC_CAPABILITIES;

  return syscall (SYS_capset, &header, data) == 0;
}
#else
static gboolean
set_dac_capabilities (gboolean enabled)
{
  return TRUE;
}
#endif

/* Whether this thread can make a file in @dir. access() is not enough: for
 * root it asks with the permitted capabilities, not the effective ones. */
static gboolean
can_create_in (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  int fd = g_open (probe, O_WRONLY | O_CREAT | O_EXCL, 0600);

  if (fd < 0)
    return FALSE;

  close (fd);
  g_unlink (probe);
  return TRUE;
}

/* A modified document loaded from @path, with a recovery copy in @recovery
 * whose bytes go to @recovery_bytes. */
static CdDocument *
document_with_recovery (const char  *path,
                        const char  *recovery,
                        char       **recovery_bytes)
{
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autoptr(GError) error = NULL;
  CdDocument *document;
  GFile *recovery_file;

  g_free (write_article (path, "On disk"));
  document = load_ok (path);
  cd_article_set_headline (cd_document_get_article (document), "Unsaved edit");
  cd_document_set_recovery_dir (document, recovery_dir);
  g_assert_true (cd_document_write_recovery (document, &error));
  g_assert_no_error (error);

  recovery_file = cd_document_get_recovery_file (document);
  g_assert_true (g_file_query_exists (recovery_file, NULL));
  g_file_load_contents (recovery_file, NULL, recovery_bytes, NULL, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static void
assert_recovery_untouched (CdDocument *document,
                           const char *recovery_bytes)
{
  GFile *recovery_file = cd_document_get_recovery_file (document);
  g_autofree char *path = g_file_get_path (recovery_file);
  g_autofree char *stem = NULL;
  g_autofree char *origin = NULL;

  assert_file_has (path, recovery_bytes);
  g_assert_true (g_str_has_suffix (path, ".copydesk"));
  stem = g_strndup (path, strlen (path) - strlen (".copydesk"));
  origin = g_strconcat (stem, ".origin", NULL);
  g_assert_true (g_file_test (origin, G_FILE_TEST_IS_REGULAR));
}

/* Changes on disk seen without saving. */

static CdDocumentDiskState
check_disk_and_wait (CdDocument *document)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CdDocumentDiskState state;

  cd_document_check_disk_async (document, NULL, store_result_cb, &result);
  wait_for_result (&result);
  state = cd_document_check_disk_finish (document, result, &error);
  g_assert_no_error (error);
  return state;
}

static void
test_disk_check (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *moved = g_build_filename (dir, "moved.copydesk", NULL);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (CD_TYPE_DOCUMENT_DISK_STATE);
  g_autoptr(GError) error = NULL;
  CdDocument *unsaved = cd_document_new (NULL);
  CdDocument *document;
  CdArticle *article;

  g_assert_cmpstr (g_enum_get_value (enum_class, CD_DOCUMENT_DISK_CHANGED)->value_nick, ==, "changed");

  /* Without a file there is nothing to differ. */
  g_assert_cmpint (check_disk_and_wait (unsaved), ==, CD_DOCUMENT_DISK_UNCHANGED);

  g_free (write_article (path, "Original"));
  document = load_ok (path);
  article = cd_document_get_article (document);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_UNCHANGED);

  /* The document's own saves are not changes, in a thread or not. */
  cd_article_set_headline (article, "Saved by us");
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_UNCHANGED);
  cd_article_set_headline (article, "Saved by us again");
  g_assert_true (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_UNCHANGED);

  /* Another program's are, and so is a file that has gone. */
  g_free (write_article (path, "Theirs"));
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_CHANGED);
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_DELETED);

  /* Saving writes it again, and then all is as it should be. */
  g_assert_true (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_UNCHANGED);

  /* Checking changed nothing about the document. */
  g_assert_false (cd_document_get_modified (document));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Saved by us again");

  g_assert_finalize_object (unsaved);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_disk_ignore_change (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;
  g_autoptr(GError) error = NULL;
  CdDocument *document;
  CdArticle *article;

  g_free (write_article (path, "Original"));
  document = load_ok (path);
  article = cd_document_get_article (document);
  cd_article_set_headline (article, "Ours");

  /* Nothing found yet: nothing to ignore. */
  cd_document_ignore_disk_change (document);
  theirs = write_article (path, "Theirs");
  set_mtime (path, 1000000000);
  g_assert_false (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* Found and ignored: the next save replaces that version without force. */
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_CHANGED);
  cd_document_ignore_disk_change (document);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_UNCHANGED);
  g_assert_true (cd_document_get_modified (document));
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  ours = article_data (article);
  assert_file_has (path, ours);

  /* Only that version: one written after the check is still a conflict. */
  g_free (write_article (path, "Theirs, first"));
  set_mtime (path, 1000000000);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_CHANGED);
  g_clear_pointer (&theirs, g_free);
  theirs = write_article (path, "Theirs, second and longer");
  set_mtime (path, 1100000000);
  cd_document_ignore_disk_change (document);
  cd_article_set_headline (article, "Ours, again");
  g_assert_false (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  assert_file_has (path, theirs);

  /* A save in between makes an earlier finding stale: ignoring it then must
   * not bring back the version the save replaced. */
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_CHANGED);
  g_assert_true (cd_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  cd_document_ignore_disk_change (document);
  cd_article_set_headline (article, "Ours, once more");
  g_assert_true (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_UNCHANGED);

  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* The document watches its own file: "disk-state" follows what other
 * programs do to it, and the document's own saves never show there. */

typedef struct
{
  CdDocument          *document;
  CdDocumentDiskState  state;
} DiskStateWait;

static gboolean
disk_state_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the document's disk state is @state, or fails
 * after a time far longer than a file monitor ever needs. */
static void
wait_for_disk_state (CdDocument          *document,
                     CdDocumentDiskState  state)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (20, disk_state_timeout_cb, &timed_out);

  while (cd_document_get_disk_state (document) != state && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("the disk state is %d, expected %d", cd_document_get_disk_state (document), state);
  g_source_remove (timeout);
}

/* Runs the main loop for @ms milliseconds, so that whatever a file monitor
 * would report has been reported. Nothing is asserted about the time. */
static void
run_main_loop_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, disk_state_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_disk_state_follows_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *moved = g_build_filename (dir, "moved.copydesk", NULL);
  g_autoptr(GError) error = NULL;
  CdDocumentDiskState state = CD_DOCUMENT_DISK_CHANGED;
  CdDocument *document;
  Recorder recorder;

  g_free (write_article (path, "Original"));
  document = load_ok (path);
  recorder_init (&recorder, document);
  g_assert_cmpint (cd_document_get_disk_state (document), ==, CD_DOCUMENT_DISK_UNCHANGED);

  /* Another program writes the file. */
  g_free (write_article (path, "Theirs"));
  set_mtime (path, 1000000000);
  wait_for_disk_state (document, CD_DOCUMENT_DISK_CHANGED);
  g_assert_cmpuint (count (&recorder, "disk-state"), ==, 1);
  g_object_get (document, "disk-state", &state, NULL);
  g_assert_cmpint (state, ==, CD_DOCUMENT_DISK_CHANGED);
  /* Seeing it changed nothing in the article. */
  g_assert_cmpstr (cd_article_get_headline (cd_document_get_article (document)), ==, "Original");

  /* "Keep mine": the version seen is the one the next save replaces. */
  cd_document_ignore_disk_change (document);
  g_assert_cmpint (cd_document_get_disk_state (document), ==, CD_DOCUMENT_DISK_UNCHANGED);
  g_assert_cmpuint (count (&recorder, "disk-state"), ==, 2);

  /* Moved away is gone too, and the article is then in no file at all:
   * closing must ask about it. */
  g_assert_false (cd_document_get_modified (document));
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  wait_for_disk_state (document, CD_DOCUMENT_DISK_DELETED);
  g_assert_true (cd_document_get_modified (document));

  /* Saving writes it again. */
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cd_document_get_disk_state (document), ==, CD_DOCUMENT_DISK_UNCHANGED);

  /* Deleted. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for_disk_state (document, CD_DOCUMENT_DISK_DELETED);

  recorder_finish (&recorder, document);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_disk_state_own_saves (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.copydesk", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  CdDocument *document;
  CdArticle *article;
  Recorder recorder;

  g_free (write_article (path, "Original"));
  document = load_ok (path);
  article = cd_document_get_article (document);
  recorder_init (&recorder, document);

  /* Saves of both kinds, one quickly after the other and with pauses in
   * between, in a thread and not. */
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Ours, take %d", i);

      cd_article_set_headline (article, headline);
      if (i == 2)
        g_assert_true (cd_document_save (document, NULL, FALSE, NULL, &error));
      else
        g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
      g_assert_no_error (error);
      if (i % 2 == 1)
        run_main_loop_for (500);
    }
  run_main_loop_for (1000);
  g_assert_cmpuint (count (&recorder, "disk-state"), ==, 0);

  /* Save As: the new file is the one watched, and not the old one. */
  g_assert_true (save_async_and_wait (document, other, FALSE, &error));
  g_assert_no_error (error);
  g_free (write_article (path, "Theirs, in the old file"));
  set_mtime (path, 1000000000);
  run_main_loop_for (1000);
  g_assert_cmpuint (count (&recorder, "disk-state"), ==, 0);
  g_free (write_article (other_path, "Theirs, in the new file"));
  set_mtime (other_path, 1000000000);
  wait_for_disk_state (document, CD_DOCUMENT_DISK_CHANGED);

  /* A forced save replaces their version: that is ours again. */
  g_assert_true (save_async_and_wait (document, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cd_document_get_disk_state (document), ==, CD_DOCUMENT_DISK_UNCHANGED);
  run_main_loop_for (1000);
  g_assert_cmpint (cd_document_get_disk_state (document), ==, CD_DOCUMENT_DISK_UNCHANGED);

  /* A document without a file watches nothing. */
  {
    CdDocument *unsaved = cd_document_new (NULL);

    g_assert_cmpint (cd_document_get_disk_state (unsaved), ==, CD_DOCUMENT_DISK_UNCHANGED);
    g_assert_finalize_object (unsaved);
  }

  recorder_finish (&recorder, document);
  /* A check still running does not keep the document alive. */
  g_free (write_article (other_path, "Theirs, once more"));
  g_assert_finalize_object (document);
  run_main_loop_for (500);
  remove_tree (dir);
}

/* A check that the document has moved past (here by "keep mine" while it
 * ran) reports no change: what it compared is no longer what is expected. */
static void
test_disk_stale_check (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CdDocument *document;

  g_free (write_article (path, "Original"));
  document = load_ok (path);
  g_free (write_article (path, "Theirs"));
  set_mtime (path, 1000000000);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_CHANGED);

  cd_document_check_disk_async (document, NULL, store_result_cb, &result);
  cd_document_ignore_disk_change (document);
  wait_for_result (&result);
  g_assert_cmpint (cd_document_check_disk_finish (document, result, &error), ==,
                   CD_DOCUMENT_DISK_UNCHANGED);
  g_assert_no_error (error);
  g_assert_cmpint (check_disk_and_wait (document), ==, CD_DOCUMENT_DISK_UNCHANGED);

  /* A cancelled check reports the cancellation. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) cancelled = NULL;

    g_cancellable_cancel (cancellable);
    cd_document_check_disk_async (document, cancellable, store_result_cb, &cancelled);
    wait_for_result (&cancelled);
    g_assert_cmpint (cd_document_check_disk_finish (document, cancelled, &error), ==,
                     CD_DOCUMENT_DISK_UNCHANGED);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  /* The results hold the document. */
  g_clear_object (&result);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "read-only", NULL);
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (folder, "article.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autofree char *recovery_bytes = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  CdDocument *document;
  gboolean ok;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  document = document_with_recovery (path, recovery, &recovery_bytes);
  before = read_contents (path, NULL);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  if (geteuid () == 0 && !set_dac_capabilities (FALSE))
    {
      g_test_skip ("running as root and cannot drop CAP_DAC_OVERRIDE");
      g_assert_finalize_object (document);
      remove_tree (dir);
      return;
    }
  if (can_create_in (folder))
    {
      set_dac_capabilities (TRUE);
      g_test_skip ("this user can create files in a read-only folder");
      g_assert_finalize_object (document);
      remove_tree (dir);
      return;
    }

  ok = cd_document_save (document, NULL, FALSE, NULL, &error);
  g_assert_true (set_dac_capabilities (TRUE));

  g_assert_false (ok);
  assert_error_names (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE, display_name);
  g_assert_nonnull (strstr (error->message, "The file on disk was not changed"));
  g_assert_true (cd_document_get_modified (document));
  g_assert_false (cd_document_get_busy (document));
  assert_file_has (path, before);
  assert_recovery_untouched (document, recovery_bytes);

  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_save_over_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "folder.copydesk", NULL);
  g_autofree char *inside = g_build_filename (folder_path, "keep.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *display_name = g_file_get_parse_name (folder);
  g_autofree char *recovery_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) original = g_file_new_for_path (path);
  CdDocument *document;
  Recorder recorder;

  document = document_with_recovery (path, recovery, &recovery_bytes);
  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  write_contents (inside, "kept");
  recorder_init (&recorder, document);

  g_assert_false (save_async_and_wait (document, folder, FALSE, &error));
  assert_error_names (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE, display_name);
  g_assert_nonnull (strstr (error->message, "it is a folder"));
  g_clear_error (&error);

  g_assert_true (cd_document_get_modified (document));
  g_assert_false (cd_document_get_busy (document));
  g_assert_true (g_file_equal (cd_document_get_file (document), original));
  g_assert_cmpuint (count (&recorder, "file"), ==, 0);
  g_assert_cmpuint (count (&recorder, "display-name"), ==, 0);
  g_assert_cmpuint (count (&recorder, "modified"), ==, 0);
  g_assert_cmpuint (count (&recorder, "busy"), ==, 2);
  assert_file_has (inside, "kept");
  assert_recovery_untouched (document, recovery_bytes);

  /* The same through the synchronous save. */
  g_assert_false (cd_document_save (document, folder, FALSE, NULL, &error));
  g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE);
  g_assert_true (cd_document_get_modified (document));
  assert_recovery_untouched (document, recovery_bytes);

  recorder_finish (&recorder, document);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_save_missing_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "gone", "article.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  CdDocument *document = cd_document_new (NULL);

  cd_article_set_body (cd_document_get_article (document), "Words");
  g_assert_false (save_async_and_wait (document, file, FALSE, &error));
  assert_error_names (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE, display_name);
  g_assert_true (cd_document_get_modified (document));
  g_assert_null (cd_document_get_file (document));
  g_assert_cmpstr (cd_document_get_display_name (document), ==, "Unsaved Article");

  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* Recovery copies. */

static char *
recovery_name (CdDocument *document)
{
  return g_file_get_basename (cd_document_get_recovery_file (document));
}

static void
test_recovery_write (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery = g_build_filename (dir, "data", "copydesk", "recovery", NULL);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autoptr(GError) error = NULL;
  CdDocument *document = cd_document_new (NULL);
  CdArticle *article = cd_document_get_article (document);
  g_autofree char *expected_name = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *origin_path = NULL;
  g_autofree char *expected = NULL;

  /* Without a folder there is nowhere to write. */
  g_assert_null (cd_document_get_recovery_file (document));
  cd_article_set_body (article, "Words to keep");
  g_assert_false (cd_document_write_recovery (document, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY);
  g_clear_error (&error);

  /* An unmodified document never gets a copy; the folder is not even made. */
  cd_document_set_modified (document, FALSE);
  cd_document_set_recovery_dir (document, recovery_dir);
  name = recovery_name (document);
  g_assert_true (g_str_has_prefix (name, "document-"));
  g_assert_true (g_str_has_suffix (name, ".copydesk"));
  expected_name = g_strdup (name);
  stem = g_strndup (name, strlen (name) - strlen (".copydesk"));
  g_assert_true (cd_document_write_recovery (document, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));

  cd_article_set_headline (article, "Recover me");
  g_assert_true (cd_document_write_recovery (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (recovery), ==, 0700);

  copy_path = g_build_filename (recovery, expected_name, NULL);
  expected = article_data (article);
  assert_file_has (copy_path, expected);

  /* An unsaved article has no origin. */
  origin_path = g_strconcat (recovery, G_DIR_SEPARATOR_S, stem, ".origin", NULL);
  g_assert_false (g_file_test (origin_path, G_FILE_TEST_EXISTS));

  /* Writing the copy changes nothing in the document. */
  g_assert_true (cd_document_get_modified (document));
  g_assert_null (cd_document_get_file (document));

  /* A later write replaces it. */
  cd_article_set_body (article, "More words to keep");
  g_assert_true (cd_document_write_recovery (document, &error));
  g_clear_pointer (&expected, g_free);
  expected = article_data (article);
  assert_file_has (copy_path, expected);
  {
    g_autoptr(GPtrArray) names = list_dir (recovery);

    g_assert_cmpuint (names->len, ==, 1);
  }

  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_recovery_origin_and_restore (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, "harbour.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) recovery_file = NULL;
  g_autofree char *origin_path = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *on_disk = NULL;
  CdDocument *document;
  CdDocument *restored;
  g_auto(GStrv) lines = NULL;

  on_disk = write_article (path, "Saved headline");
  document = load_ok (path);
  cd_article_set_headline (cd_document_get_article (document), "Edited, not saved");
  cd_document_set_recovery_dir (document, recovery_dir);
  g_assert_true (cd_document_write_recovery (document, &error));
  g_assert_no_error (error);
  edited = article_data (cd_document_get_article (document));
  recovery_file = g_object_ref (cd_document_get_recovery_file (document));

  /* The origin names the file. */
  {
    g_autofree char *copy_name = g_file_get_basename (recovery_file);

    copy_name[strlen (copy_name) - strlen (".copydesk")] = '\0';
    origin_path = g_strconcat (recovery, G_DIR_SEPARATOR_S, copy_name, ".origin", NULL);
  }
  origin = read_contents (origin_path, NULL);
  lines = g_strsplit (origin, "\n", -1);
  g_assert_cmpstr (lines[0], ==, uri);

  /* The program crashes; the document is gone. */
  g_assert_finalize_object (document);

  restored = cd_document_new_from_recovery (recovery_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_true (cd_document_get_modified (restored));
  g_assert_true (g_file_equal (cd_document_get_file (restored), file));
  g_assert_cmpstr (cd_document_get_display_name (restored), ==, "harbour.copydesk");
  g_assert_cmpstr (cd_document_get_title (restored), ==, "Edited, not saved");
  g_assert_true (g_file_equal (cd_document_get_recovery_file (restored), recovery_file));
  {
    g_autofree char *restored_data = article_data (cd_document_get_article (restored));

    g_assert_cmpstr (restored_data, ==, edited);
  }

  /* The UI sets the same folder on every document; the copy stays the same. */
  cd_document_set_recovery_dir (restored, recovery_dir);
  g_assert_true (g_file_equal (cd_document_get_recovery_file (restored), recovery_file));

  /* Saving puts the text back in its file and removes the copy and origin. */
  g_assert_true (save_async_and_wait (restored, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (cd_document_get_modified (restored));
  g_assert_false (g_file_query_exists (recovery_file, NULL));
  g_assert_false (g_file_test (origin_path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *saved = read_contents (path, NULL);

    g_assert_nonnull (strstr (saved, "Edited, not saved"));
  }

  g_assert_finalize_object (restored);
  remove_tree (dir);
}

/* The origin keeps the file's fingerprint, so a document restored after a
 * crash still will not overwrite a file someone changed meanwhile. */
static void
test_recovery_restore_conflict (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, "harbour.copydesk", NULL);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autoptr(GFile) recovery_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  CdDocument *document;
  CdDocument *restored;

  g_free (write_article (path, "Saved headline"));
  document = load_ok (path);
  cd_article_set_headline (cd_document_get_article (document), "Ours");
  cd_document_set_recovery_dir (document, recovery_dir);
  g_assert_true (cd_document_write_recovery (document, &error));
  recovery_file = g_object_ref (cd_document_get_recovery_file (document));
  g_assert_finalize_object (document);

  theirs = write_article (path, "Theirs");
  set_mtime (path, 1000000000);

  restored = cd_document_new_from_recovery (recovery_file, &error);
  g_assert_no_error (error);
  g_assert_false (cd_document_save (restored, NULL, FALSE, NULL, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  assert_file_has (path, theirs);
  g_assert_true (g_file_query_exists (recovery_file, NULL));

  g_assert_true (cd_document_save (restored, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (recovery_file, NULL));

  g_assert_finalize_object (restored);
  remove_tree (dir);
}

static void
test_recovery_without_origin (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (dir);
  g_autoptr(GFile) recovery_file = NULL;
  g_autoptr(GError) error = NULL;
  CdDocument *document = cd_document_new (NULL);
  CdDocument *restored;

  cd_article_set_headline (cd_document_get_article (document), "Never saved");
  cd_document_set_recovery_dir (document, recovery_dir);
  g_assert_true (cd_document_write_recovery (document, &error));
  recovery_file = g_object_ref (cd_document_get_recovery_file (document));
  g_assert_finalize_object (document);

  restored = cd_document_new_from_recovery (recovery_file, &error);
  g_assert_no_error (error);
  g_assert_null (cd_document_get_file (restored));
  g_assert_cmpstr (cd_document_get_display_name (restored), ==, "Unsaved Article");
  g_assert_cmpstr (cd_document_get_title (restored), ==, "Never saved");
  g_assert_true (cd_document_get_modified (restored));

  /* Until it is saved somewhere, a save needs a file. */
  g_assert_false (cd_document_save (restored, NULL, FALSE, NULL, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_NO_FILE);
  g_assert_true (g_file_query_exists (recovery_file, NULL));

  cd_document_discard_recovery (restored);
  g_assert_false (g_file_query_exists (recovery_file, NULL));
  g_assert_true (cd_document_get_modified (restored));

  g_assert_finalize_object (restored);
  remove_tree (dir);
}

static void
test_recovery_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing_path = g_build_filename (dir, "missing.copydesk", NULL);
  g_autofree char *broken_path = g_build_filename (dir, "broken.copydesk", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GError) error = NULL;
  CdDocument *document;

  document = cd_document_new_from_recovery (missing, &error);
  g_assert_null (document);
  assert_error_names (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY, missing_path);
  g_clear_error (&error);

  write_contents (broken_path, "{\"format\": \"copydesk-article\", \"version\": 1, \"created\": 5}");
  document = cd_document_new_from_recovery (broken, &error);
  g_assert_null (document);
  assert_error_names (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY, broken_path);
  g_assert_nonnull (strstr (error->message, "created must be a date and time as text"));
  g_clear_error (&error);

  /* An origin that is not a URI is ignored: the copy is still restored. */
  g_free (write_article (broken_path, "Fine after all"));
  {
    g_autofree char *origin_path = g_build_filename (dir, "broken.origin", NULL);

    write_contents (origin_path, "not a uri at all\n");
    document = cd_document_new_from_recovery (broken, &error);
    g_assert_no_error (error);
    g_assert_null (cd_document_get_file (document));
    g_assert_finalize_object (document);
  }

  /* A folder where the recovery folder should be. */
  {
    g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
    g_autofree char *below = g_build_filename (blocker, "recovery", NULL);
    g_autoptr(GFile) below_dir = g_file_new_for_path (below);

    write_contents (blocker, "a file, not a folder");
    document = cd_document_new (NULL);
    cd_article_set_body (cd_document_get_article (document), "Words");
    cd_document_set_recovery_dir (document, below_dir);
    g_assert_false (cd_document_write_recovery (document, &error));
    assert_error_names (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY, below);
    g_clear_error (&error);
    g_assert_finalize_object (document);
  }

  remove_tree (dir);
}

/* After a save the copy goes, unless it holds edits newer than the save. */
static void
test_recovery_after_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autoptr(GFile) recovery_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CdDocument *document;
  CdArticle *article;

  g_free (write_article (path, "On disk"));
  document = load_ok (path);
  article = cd_document_get_article (document);
  cd_document_set_recovery_dir (document, recovery_dir);

  cd_article_set_headline (article, "Edit one");
  g_assert_true (cd_document_write_recovery (document, &error));
  recovery_file = g_object_ref (cd_document_get_recovery_file (document));
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (recovery_file, NULL));

  /* A copy written before the save began, with an edit during the save: the
   * saved file is newer than the copy, which goes; the document stays modified. */
  cd_article_set_headline (article, "Edit two");
  g_assert_true (cd_document_write_recovery (document, &error));
  cd_document_save_async (document, NULL, FALSE, NULL, store_result_cb, &result);
  cd_article_set_body (article, "Typed during the save.\n");
  wait_for_result (&result);
  g_assert_true (cd_document_save_finish (document, result, &error));
  g_assert_true (cd_document_get_modified (document));
  g_assert_false (g_file_query_exists (recovery_file, NULL));

  /* A copy written during the save holds the newer edit, and stays. */
  g_clear_object (&result);
  cd_document_save_async (document, NULL, FALSE, NULL, store_result_cb, &result);
  cd_article_set_body (article, "Typed during the next save.\n");
  g_assert_true (cd_document_write_recovery (document, &error));
  g_assert_no_error (error);
  wait_for_result (&result);
  g_assert_true (cd_document_save_finish (document, result, &error));
  g_clear_object (&result);
  g_assert_true (cd_document_get_modified (document));
  g_assert_true (g_file_query_exists (recovery_file, NULL));
  {
    g_autofree char *copy_path = g_file_get_path (recovery_file);
    g_autofree char *copy = read_contents (copy_path, NULL);

    g_assert_nonnull (strstr (copy, "Typed during the next save."));
  }

  /* A clean save removes it. */
  g_assert_true (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_false (cd_document_get_modified (document));
  g_assert_false (g_file_query_exists (recovery_file, NULL));

  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_recovery_discard (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *recovery_bytes = NULL;
  g_autoptr(GFile) recovery_file = NULL;
  g_autoptr(GPtrArray) names = NULL;
  CdDocument *document;

  document = document_with_recovery (path, recovery, &recovery_bytes);
  recovery_file = g_object_ref (cd_document_get_recovery_file (document));
  names = list_dir (recovery);
  g_assert_cmpuint (names->len, ==, 2);

  cd_document_discard_recovery (document);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_dir (recovery);
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_true (cd_document_get_modified (document));

  /* Again, with nothing there, is fine. */
  cd_document_discard_recovery (document);
  g_assert_true (g_file_equal (cd_document_get_recovery_file (document), recovery_file));

  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* The copy's name belongs to the document: safe whatever the article id,
 * and the same while the document lives, whatever happens to the id. */
static void
test_recovery_names (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (dir);
  CdDocument *document = cd_document_new (NULL);
  CdArticle *article = cd_document_get_article (document);
  g_autofree char *name = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  GFile *recovery_file;

  cd_document_set_recovery_dir (document, recovery_dir);

  cd_article_set_id (article, "../../etc/evil");
  name = recovery_name (document);
  g_assert_true (g_str_has_prefix (name, "document-"));
  g_assert_true (g_str_has_suffix (name, ".copydesk"));
  g_assert_null (strchr (name, '/'));
  g_assert_null (strstr (name, "evil"));
  recovery_file = cd_document_get_recovery_file (document);
  {
    g_autoptr(GFile) parent = g_file_get_parent (recovery_file);

    g_assert_true (g_file_equal (parent, recovery_dir));
  }

  cd_article_set_id (article, "urn:uuid:6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
  again = recovery_name (document);
  g_assert_cmpstr (again, ==, name);
  g_assert_true (cd_document_write_recovery (document, &error));
  g_assert_no_error (error);

  /* After the copy is removed, the next one has the same name again. */
  cd_document_discard_recovery (document);
  cd_article_set_id (article, "");
  g_clear_pointer (&again, g_free);
  again = recovery_name (document);
  g_assert_cmpstr (again, ==, name);

  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* Two open copies of one story share its article id: each has a copy of its
 * own, and saving one leaves the other's alone. */
static void
test_recovery_same_article_id (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autofree char *first_path = g_build_filename (dir, "first.copydesk", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.copydesk", NULL);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  CdDocument *first;
  CdDocument *second;

  g_free (write_article (first_path, "The story"));
  first = load_ok (first_path);
  g_free (write_article (second_path, "The story"));
  second = load_ok (second_path);
  cd_article_set_id (cd_document_get_article (second),
                     cd_article_get_id (cd_document_get_article (first)));
  cd_document_set_modified (second, FALSE);

  cd_document_set_recovery_dir (first, recovery_dir);
  cd_document_set_recovery_dir (second, recovery_dir);
  cd_article_set_body (cd_document_get_article (first), "Words of the first window.");
  cd_article_set_body (cd_document_get_article (second), "Words of the second window.");
  g_assert_true (cd_document_write_recovery (first, &error));
  g_assert_no_error (error);
  g_assert_true (cd_document_write_recovery (second, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_equal (cd_document_get_recovery_file (first),
                                cd_document_get_recovery_file (second)));
  first_data = article_data (cd_document_get_article (first));
  second_data = article_data (cd_document_get_article (second));
  {
    g_autofree char *first_copy = g_file_get_path (cd_document_get_recovery_file (first));
    g_autofree char *second_copy = g_file_get_path (cd_document_get_recovery_file (second));

    assert_file_has (first_copy, first_data);
    assert_file_has (second_copy, second_data);
  }

  /* Saving the first removes its copy only. */
  g_assert_true (save_async_and_wait (first, NULL, FALSE, &error));
  g_assert_no_error (error);
  found = cd_document_list_recoveries (recovery_dir);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (found, 0),
                               cd_document_get_recovery_file (second)));
  {
    g_autoptr(CdDocument) restored = cd_document_new_from_recovery (g_ptr_array_index (found, 0),
                                                                      &error);
    g_autofree char *restored_data = NULL;

    g_assert_no_error (error);
    restored_data = article_data (cd_document_get_article (restored));
    g_assert_cmpstr (restored_data, ==, second_data);
    g_assert_true (g_file_equal (cd_document_get_file (restored), cd_document_get_file (second)));
  }

  cd_document_discard_recovery (second);
  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
  remove_tree (dir);
}

static void
test_recovery_list (void)
{
  static const struct
  {
    const char *name;
    time_t      mtime;
  } copies[] = {
    { "urn:uuid:00000000-0000-4000-8000-000000000002.copydesk", 1700000200 },
    { "urn:uuid:00000000-0000-4000-8000-000000000001.copydesk", 1700000100 },
    { "urn:uuid:00000000-0000-4000-8000-000000000003.copydesk", 1700000300 },
  };
  static const char * const junk[] = {
    ".urn:uuid:00000000-0000-4000-8000-000000000001.copydesk.Ab12Cd",
    "urn:uuid:00000000-0000-4000-8000-000000000001.origin",
    ".hidden.copydesk",
    "notes.txt",
    "copydesk",
    ".copydesk",
    "backup.copydesk~",
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.copydesk", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) found = NULL;
  static const guint newest_first[] = { 2, 0, 1 };

  none = cd_document_list_recoveries (missing_file);
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);

  for (size_t i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *path = g_build_filename (dir, copies[i].name, NULL);

      g_free (write_article (path, copies[i].name));
      set_mtime (path, copies[i].mtime);
    }
  for (size_t i = 0; i < G_N_ELEMENTS (junk); i++)
    {
      g_autofree char *path = g_build_filename (dir, junk[i], NULL);

      write_contents (path, "junk");
    }
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  found = cd_document_list_recoveries (dir_file);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (copies));
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *basename = g_file_get_basename (g_ptr_array_index (found, i));

      g_assert_cmpstr (basename, ==, copies[newest_first[i]].name);
    }

  remove_tree (dir);
}

/* A crash in the middle of writing a recovery copy leaves the temporary file
 * of the write, and one between writing the origin and the copy (or between
 * removing the copy and the origin) leaves an origin alone. Both go at
 * start-up; the copies, their origins and other files stay. */
static void
test_recovery_stale_files (void)
{
  static const char * const stale[] = {
    ".urn:uuid:00000000-0000-4000-8000-000000000001.copydesk.Ab12Cd",
    ".urn:uuid:00000000-0000-4000-8000-000000000002.origin.x9Y8z7",
    "urn:uuid:00000000-0000-4000-8000-000000000003.origin",
  };
  static const char * const kept[] = {
    "notes.txt",
    ".hidden.copydesk",
    "backup.copydesk~",
    ".copydesk.Ab12Cd",
    ".urn:uuid:00000000-0000-4000-8000-000000000001.copydesk.toolong7",
    ".origin",
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autoptr(GFile) missing = g_file_new_for_path (path);
  g_autoptr(CdDocument) document = NULL;
  g_autoptr(CdDocument) restored = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *origin_name = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;

  /* A folder that is not there has nothing stale. */
  cd_document_remove_stale_recovery_files (missing);

  /* A saved article's copy, with its origin, and the temporary file of a
   * newer write of it that a crash interrupted. */
  g_free (write_article (path, "Saved"));
  document = load_ok (path);
  cd_document_set_recovery_dir (document, recovery_dir);
  cd_article_set_body (cd_document_get_article (document), "Typed before the crash.\n");
  g_assert_true (cd_document_write_recovery (document, &error));
  g_assert_no_error (error);
  copy_name = g_file_get_basename (cd_document_get_recovery_file (document));
  origin_name = g_strdup_printf ("%.*s.origin", (int) (strlen (copy_name) - strlen (".copydesk")),
                                 copy_name);
  temp_name = g_strdup_printf (".%s.Qw3rTy", copy_name);
  temp_path = g_build_filename (recovery, temp_name, NULL);
  write_contents (temp_path, "{\"headline\": \"Half-wri");

  for (size_t i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *stale_path = g_build_filename (recovery, stale[i], NULL);

      write_contents (stale_path, "junk");
    }
  for (size_t i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *kept_path = g_build_filename (recovery, kept[i], NULL);

      write_contents (kept_path, "not ours");
    }

  cd_document_remove_stale_recovery_files (recovery_dir);

  names = list_dir (recovery);
  g_assert_cmpuint (names->len, ==, 2 + G_N_ELEMENTS (kept));
  g_assert_true (g_ptr_array_find_with_equal_func (names, copy_name, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, origin_name, g_str_equal, NULL));
  for (size_t i = 0; i < G_N_ELEMENTS (kept); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, kept[i], g_str_equal, NULL));

  /* The copy itself is whole and still restores, with its file. */
  found = cd_document_list_recoveries (recovery_dir);
  g_assert_cmpuint (found->len, ==, 1);
  restored = cd_document_new_from_recovery (g_ptr_array_index (found, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (cd_document_get_article (restored)), ==,
                   "Typed before the crash.\n");
  g_assert_true (g_file_equal (cd_document_get_file (restored), missing));

  g_assert_finalize_object (g_steal_pointer (&restored));
  g_assert_finalize_object (g_steal_pointer (&document));
  remove_tree (dir);
}

/* Restoring every listed copy works, newest first, which is what the UI does
 * at start-up. */
static void
test_recovery_list_and_restore (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *headlines[] = { "Older", "Newer" };

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      CdDocument *document = cd_document_new (NULL);
      g_autofree char *path = NULL;

      cd_article_set_headline (cd_document_get_article (document), headlines[i]);
      cd_document_set_recovery_dir (document, recovery_dir);
      g_assert_true (cd_document_write_recovery (document, &error));
      g_assert_no_error (error);
      path = g_file_get_path (cd_document_get_recovery_file (document));
      set_mtime (path, 1700000000 + i);
      g_assert_finalize_object (document);
    }

  found = cd_document_list_recoveries (recovery_dir);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      CdDocument *restored = cd_document_new_from_recovery (g_ptr_array_index (found, i), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_document_get_title (restored), ==, headlines[1 - i]);
      cd_document_discard_recovery (restored);
      g_assert_finalize_object (restored);
    }

  g_clear_pointer (&found, g_ptr_array_unref);
  found = cd_document_list_recoveries (recovery_dir);
  g_assert_cmpuint (found->len, ==, 0);

  remove_tree (dir);
}

/* Content-based "modified". */

static void
test_modified_undo_to_saved (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.copydesk", NULL);
  g_autoptr(GError) error = NULL;
  CdDocument *document;
  CdArticle *article;

  g_free (write_article (path, "Ferry back"));
  document = load_ok (path);
  article = cd_document_get_article (document);

  /* Change the headline and change it back: nothing to save. */
  cd_article_set_headline (article, "Ferry back today");
  g_assert_true (cd_document_get_modified (document));
  cd_article_set_headline (article, "Ferry back");
  g_assert_false (cd_document_get_modified (document));

  /* The same after a save, against what was saved. */
  cd_article_set_body (article, "Saved words.");
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (cd_document_get_modified (document));
  cd_article_set_body (article, "Saved words and more.");
  g_assert_true (cd_document_get_modified (document));
  cd_article_set_body (article, "Saved words.");
  g_assert_false (cd_document_get_modified (document));

  /* Lists too: a tag added and removed again. */
  {
    g_autoptr(CdTag) tag = cd_tag_new ("Harbour", NULL, NULL);

    cd_article_add_tag (article, tag);
    g_assert_true (cd_document_get_modified (document));
    cd_article_remove_tag (article, 0);
    g_assert_false (cd_document_get_modified (document));
  }

  /* Marked modified by hand, it stays so until saved. */
  cd_document_set_modified (document, TRUE);
  cd_article_set_body (article, "Saved words and more.");
  cd_article_set_body (article, "Saved words.");
  g_assert_true (cd_document_get_modified (document));

  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* Explicit saves and autosaves. */

static gboolean
autosave_and_wait (CdDocument  *document,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cd_document_autosave_async (document, NULL, store_result_cb, &result);
  wait_for_result (&result);
  return cd_document_save_finish (document, result, error);
}

/* Bytes of an article as another program might write it: valid, but not
 * what Copydesk writes, so that only a byte-for-byte copy matches. */
static char *
write_foreign_article (const char *path,
                       const char *headline)
{
  g_autofree char *canonical = write_article (path, headline);
  char *foreign = g_strconcat (canonical, "\n   \n", NULL);

  write_contents (path, foreign);
  return foreign;
}

/* Undoing back to the explicit save and letting autosave run leaves the file
 * as that save wrote it, byte for byte, and nothing to ask about. */
static void
test_autosave_back_to_explicit (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.copydesk", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *body = NULL;
  CdDocument *document;
  CdArticle *article;

  original = write_foreign_article (path, "Ferry back");
  document = load_ok (path);
  article = cd_document_get_article (document);
  body = g_strdup (cd_article_get_body (article));

  cd_article_set_body (article, "An edit, autosaved.");
  g_assert_true (autosave_and_wait (document, &error));
  g_assert_no_error (error);
  g_assert_true (cd_document_get_autosaved (document));

  cd_article_set_body (article, body);
  g_assert_true (cd_document_get_modified (document));
  g_assert_true (autosave_and_wait (document, &error));
  g_assert_no_error (error);
  assert_file_has (path, original);
  g_assert_false (cd_document_get_autosaved (document));
  g_assert_false (cd_document_get_modified (document));
  g_assert_false (cd_document_get_has_unsaved_work (document));

  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_autosave_discard (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.copydesk", NULL);
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *autosaved = NULL;
  CdDocument *document;
  CdArticle *article;
  Recorder recorder;

  original = write_foreign_article (path, "Ferry back");
  document = load_ok (path);
  article = cd_document_get_article (document);
  cd_document_set_recovery_dir (document, recovery_dir);
  recorder_init (&recorder, document);
  g_assert_false (cd_document_get_autosaved (document));
  g_assert_false (cd_document_get_has_unsaved_work (document));

  /* Autosave writes the edit to the file... */
  cd_article_set_body (article, "Typed while the question was open.");
  g_assert_true (autosave_and_wait (document, &error));
  g_assert_no_error (error);
  autosaved = read_contents (path, NULL);
  g_assert_nonnull (strstr (autosaved, "Typed while"));
  g_assert_false (cd_document_get_modified (document));
  g_assert_true (cd_document_get_autosaved (document));
  g_assert_cmpuint (count (&recorder, "autosaved"), ==, 1);
  /* ...and closing must still ask. */
  g_assert_true (cd_document_get_has_unsaved_work (document));
  g_assert_true (cd_document_can_revert (document));

  /* Discard puts back the user's last explicit save, byte for byte. */
  g_assert_true (cd_document_discard_autosaves (document, &error));
  g_assert_no_error (error);
  assert_file_has (path, original);
  g_assert_false (cd_document_get_autosaved (document));
  g_assert_cmpuint (count (&recorder, "autosaved"), ==, 2);
  /* The article still has the edit, which is now unsaved again. */
  g_assert_true (cd_document_get_modified (document));
  g_assert_cmpstr (cd_article_get_body (article), ==, "Typed while the question was open.");

  /* Two autosaves in a row still go back to the explicit save. */
  g_assert_true (autosave_and_wait (document, &error));
  cd_article_set_headline (article, "Ferry back at noon");
  g_assert_true (autosave_and_wait (document, &error));
  g_assert_no_error (error);
  g_assert_true (cd_document_get_autosaved (document));
  g_assert_true (cd_document_discard_autosaves (document, &error));
  g_assert_no_error (error);
  assert_file_has (path, original);

  /* The document's later saves are not confused by the restored file. */
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (cd_document_get_autosaved (document));
  g_assert_false (cd_document_get_has_unsaved_work (document));

  recorder_finish (&recorder, document);
  g_assert_finalize_object (document);
  remove_tree (dir);
}

static void
test_revert_to_saved (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.copydesk", NULL);
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autoptr(GFile) recovery_dir = g_file_new_for_path (recovery);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(CdAuthor) author = cd_author_new ("Ada Okafor");
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 8, 10, 0, 0);
  g_autoptr(CdComment) comment = cd_comment_new ("c1", "E", when, "Shorter?", "headline", NULL);
  g_autoptr(CdCorrection) correction = cd_correction_new (when, "A name was wrong.");
  CdDocument *document;
  CdArticle *article;
  CdDocument *unsaved;

  /* A new article has nothing to go back to. */
  unsaved = cd_document_new (NULL);
  cd_article_set_body (cd_document_get_article (unsaved), "Words");
  g_assert_false (cd_document_can_revert (unsaved));
  g_assert_false (cd_document_revert_to_saved (unsaved, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_NO_FILE);
  g_clear_error (&error);
  g_assert_finalize_object (unsaved);

  g_free (write_article (path, "Ferry back"));
  document = load_ok (path);
  article = cd_document_get_article (document);
  cd_document_set_recovery_dir (document, recovery_dir);

  /* The explicit save is the version to go back to. */
  cd_article_set_body (article, "Saved by the user.");
  g_assert_true (save_async_and_wait (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  saved = read_contents (path, NULL);

  cd_article_set_headline (article, "Ferry cancelled");
  cd_article_set_body (article, "Autosaved, never saved by the user.");
  cd_article_add_author (article, author);
  cd_article_add_review_comment (article, comment);
  cd_article_add_correction (article, correction);
  g_assert_true (autosave_and_wait (document, &error));
  g_assert_no_error (error);
  cd_article_set_body (article, "Typed after the autosave.");
  g_assert_true (cd_document_write_recovery (document, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (cd_document_get_recovery_file (document), NULL));

  g_assert_true (cd_document_revert_to_saved (document, &error));
  g_assert_no_error (error);
  assert_file_has (path, saved);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry back");
  g_assert_cmpstr (cd_article_get_body (article), ==, "Saved by the user.");
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_authors (article)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_review_comments (article)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_corrections (article)), ==, 0);
  g_assert_cmpstr (cd_document_get_title (document), ==, "Ferry back");
  g_assert_false (cd_document_get_modified (document));
  g_assert_false (cd_document_get_autosaved (document));
  g_assert_false (cd_document_can_revert (document));
  {
    g_autoptr(GPtrArray) names = list_dir (recovery);

    g_assert_cmpuint (names->len, ==, 0);
  }
  {
    g_autofree char *now = article_data (article);

    g_assert_cmpstr (now, ==, saved);
  }

  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* Lead image paths. */

static void
write_image (const char *path,
             const char *contents)
{
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_contents (path, contents);
}

static char *
saved_image_source (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (cd_image_get_source (cd_article_get_image (article)));
}

/* An image chosen before the first save is an absolute path; saving the
 * article beside it makes it relative, as the file format asks. */
static void
test_image_made_relative (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *story = g_build_filename (dir, "story", NULL);
  g_autofree char *photo = g_build_filename (story, "photo.jpg", NULL);
  g_autofree char *nested = g_build_filename (story, "pictures", "quay.jpg", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", "boat.jpg", NULL);
  g_autofree char *path = g_build_filename (story, "story.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  CdDocument *document = cd_document_new (NULL);
  CdImage *image = cd_article_get_image (cd_document_get_article (document));

  write_image (photo, "photo bytes");
  write_image (nested, "quay bytes");
  write_image (elsewhere, "boat bytes");

  cd_image_set_source (image, photo);
  g_assert_true (cd_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  source = saved_image_source (path);
  g_assert_cmpstr (source, ==, "photo.jpg");
  g_assert_cmpstr (cd_image_get_source (image), ==, "photo.jpg");
  g_assert_false (cd_document_get_modified (document));

  /* Below the folder: a relative path with its subfolder. */
  cd_image_set_source (image, nested);
  g_assert_true (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&source, g_free);
  source = saved_image_source (path);
  g_assert_cmpstr (source, ==, "pictures/quay.jpg");

  /* Elsewhere: left for the user to decide (the window offers a copy). */
  cd_image_set_source (image, elsewhere);
  g_assert_true (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&source, g_free);
  source = saved_image_source (path);
  g_assert_cmpstr (source, ==, elsewhere);

  g_assert_finalize_object (document);
  remove_tree (dir);
}

/* Save As into another folder keeps the image reachable: a copy beside the
 * new file, under a free name when another picture has the name. */
static void
test_image_save_as_copies (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *old_photo = g_build_filename (dir, "old", "photo.jpg", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old", "story.copydesk", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new", "story.copydesk", NULL);
  g_autofree char *new_photo = g_build_filename (dir, "new", "photo.jpg", NULL);
  g_autofree char *busy_path = g_build_filename (dir, "busy", "story.copydesk", NULL);
  g_autofree char *busy_photo = g_build_filename (dir, "busy", "photo.jpg", NULL);
  g_autofree char *busy_copy = g_build_filename (dir, "busy", "photo-2.jpg", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GFile) busy_file = g_file_new_for_path (busy_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  CdDocument *document = cd_document_new (NULL);
  CdImage *image = cd_article_get_image (cd_document_get_article (document));

  write_image (old_photo, "photo bytes");
  write_image (new_path, "");
  write_image (busy_photo, "another picture");
  cd_image_set_source (image, "photo.jpg");
  g_assert_true (cd_document_save (document, old_file, FALSE, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (save_async_and_wait (document, new_file, TRUE, &error));
  g_assert_no_error (error);
  assert_file_has (new_photo, "photo bytes");
  source = saved_image_source (new_path);
  g_assert_cmpstr (source, ==, "photo.jpg");
  g_assert_false (cd_document_get_modified (document));

  /* Again into the same folder: the same picture is not copied twice. */
  g_assert_true (cd_document_save (document, new_file, TRUE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *folder = g_path_get_dirname (new_path);
    g_autoptr(GPtrArray) names = list_dir (folder);

    g_assert_cmpuint (names->len, ==, 2);
  }

  /* Another picture of that name is never overwritten. */
  g_assert_true (cd_document_save (document, busy_file, TRUE, NULL, &error));
  g_assert_no_error (error);
  assert_file_has (busy_photo, "another picture");
  assert_file_has (busy_copy, "photo bytes");
  g_clear_pointer (&source, g_free);
  source = saved_image_source (busy_path);
  g_assert_cmpstr (source, ==, "photo-2.jpg");
  g_assert_cmpstr (cd_image_get_source (image), ==, "photo-2.jpg");

  g_assert_finalize_object (document);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/new", test_new);
  g_test_add_func ("/document/new-with-article", test_new_with_article);
  g_test_add_func ("/document/property-specs", test_property_specs);
  g_test_add_func ("/document/modified-follows-article", test_modified_follows_article);
  g_test_add_func ("/document/title", test_title);
  g_test_add_func ("/document/modified/undo-to-saved", test_modified_undo_to_saved);
  g_test_add_func ("/document/autosave/discard", test_autosave_discard);
  g_test_add_func ("/document/autosave/back-to-explicit", test_autosave_back_to_explicit);
  g_test_add_func ("/document/autosave/revert-to-saved", test_revert_to_saved);
  g_test_add_func ("/document/image/made-relative", test_image_made_relative);
  g_test_add_func ("/document/image/save-as-copies", test_image_save_as_copies);

  g_test_add_func ("/document/save/sync", test_save_sync);
  g_test_add_func ("/document/save/without-file", test_save_without_file);
  g_test_add_func ("/document/save/load-and-save-async", test_load_and_save_async);
  g_test_add_func ("/document/save/edit-during-save", test_edit_during_save);
  g_test_add_func ("/document/save/concurrent", test_concurrent_saves);
  g_test_add_func ("/document/save/conflict", test_conflict);
  g_test_add_func ("/document/save/no-conflict", test_no_conflict);
  g_test_add_func ("/document/disk/check", test_disk_check);
  g_test_add_func ("/document/disk/ignore-change", test_disk_ignore_change);
  g_test_add_func ("/document/disk/stale-check", test_disk_stale_check);
  g_test_add_func ("/document/disk/state-follows-file", test_disk_state_follows_file);
  g_test_add_func ("/document/disk/state-own-saves", test_disk_state_own_saves);
  g_test_add_func ("/document/save/read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/document/save/over-folder", test_save_over_folder);
  g_test_add_func ("/document/save/missing-folder", test_save_missing_folder);
  g_test_add_func ("/document/load/errors", test_load_errors);

  g_test_add_func ("/document/recovery/write", test_recovery_write);
  g_test_add_func ("/document/recovery/origin-and-restore", test_recovery_origin_and_restore);
  g_test_add_func ("/document/recovery/restore-conflict", test_recovery_restore_conflict);
  g_test_add_func ("/document/recovery/without-origin", test_recovery_without_origin);
  g_test_add_func ("/document/recovery/errors", test_recovery_errors);
  g_test_add_func ("/document/recovery/after-save", test_recovery_after_save);
  g_test_add_func ("/document/recovery/discard", test_recovery_discard);
  g_test_add_func ("/document/recovery/names", test_recovery_names);
  g_test_add_func ("/document/recovery/same-article-id", test_recovery_same_article_id);
  g_test_add_func ("/document/recovery/list", test_recovery_list);
  g_test_add_func ("/document/recovery/list-and-restore", test_recovery_list_and_restore);
  g_test_add_func ("/document/recovery/stale-files", test_recovery_stale_files);

  return g_test_run ();
}
