/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The publication record, the article's publications and the file's
 * "publications" member: the record that lets a second publish update the
 * post the first one made. */

#include "config.h"

#include <string.h>

#include "copydesk-core.h"
#include "cd-test-util.h"

static char *source_root;

/* The fingerprint of the first record in tests/schema/articles/published.copydesk. */
#define FINGERPRINT "a09b2c78d7b657cc562a2000329a0191b70c25002838e84b54f6c5d73e801e9d"

static CdPublication *
make_record (const char *site)
{
  static const gint64 tags[] = { 12, 31 };
  static const gint64 categories[] = { 4 };
  CdPublication *record = cd_publication_new (site);
  g_autoptr(GDateTime) pushed = g_date_time_new_from_iso8601 ("2026-11-27T09:31:05+01:00", NULL);

  cd_publication_set_post_id (record, 4182);
  cd_publication_set_link (record, "https://news.example/2026/11/27/ferry/");
  cd_publication_set_media (record, 977, "images/ferry.jpg");
  cd_publication_set_modified_gmt (record, "2026-11-27T08:31:04");
  cd_publication_set_fingerprint (record, FINGERPRINT);
  cd_publication_set_status (record, "publish");
  cd_publication_set_slug (record, "ferry");
  cd_publication_set_tag_ids (record, tags, G_N_ELEMENTS (tags));
  cd_publication_set_category_ids (record, categories, G_N_ELEMENTS (categories));
  cd_publication_set_pushed (record, pushed);
  return record;
}

static void
test_normalize_site (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "https://news.example/", "https://news.example/" },
    { "https://news.example", "https://news.example/" },
    { "HTTPS://News.Example:443", "https://news.example/" },
    { "  https://news.example/  ", "https://news.example/" },
    { "http://127.0.0.1:8080/blog", "http://127.0.0.1:8080/blog/" },
    { "http://localhost:80/", "http://localhost/" },
    { "https://news.example/newsroom/?x=1#top", "https://news.example/newsroom/" },
    { "https://user:secret@news.example/", "https://news.example/" },
    { "http://[::1]:8080/", "http://[::1]:8080/" },
    { "not a url", "not a url" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = cd_publication_normalize_site (cases[i].in);

      g_assert_cmpstr (normalized, ==, cases[i].out);
    }
}

static void
test_record (void)
{
  g_autoptr(CdPublication) record = make_record ("https://News.Example");
  g_autoptr(CdPublication) copy = cd_publication_copy (record);
  g_autoptr(CdPublication) other = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  const gint64 *ids;
  gsize n = 0;

  g_assert_cmpstr (cd_publication_get_site (record), ==, "https://news.example/");
  g_assert_cmpint (cd_publication_get_post_id (record), ==, 4182);
  g_assert_cmpint (cd_publication_get_media_id (record), ==, 977);
  g_assert_cmpstr (cd_publication_get_media_source (record), ==, "images/ferry.jpg");
  ids = cd_publication_get_tag_ids (record, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, 12);
  g_assert_cmpint (ids[1], ==, 31);
  g_assert_true (cd_publication_equal (record, copy));

  /* The copy is independent. */
  cd_publication_set_slug (copy, "ferry-2");
  g_assert_cmpstr (cd_publication_get_slug (record), ==, "ferry");
  g_assert_false (cd_publication_equal (record, copy));

  other = cd_publication_copy (record);
  cd_publication_set_tag_ids (other, NULL, 0);
  g_assert_false (cd_publication_equal (record, other));
  cd_publication_get_tag_ids (other, &n);
  g_assert_cmpuint (n, ==, 0);

  g_clear_object (&other);
  other = cd_publication_copy (record);
  json_object_set_string_member (extra, "note", "x");
  cd_publication_set_extra (other, extra);
  g_assert_false (cd_publication_equal (record, other));

  /* A copy's unknown members are its own. */
  {
    g_autoptr(CdPublication) copied = cd_publication_copy (other);
    JsonObject *nested = json_object_new ();

    json_object_set_object_member (cd_publication_get_extra (other), "nested", nested);
    json_object_set_string_member (nested, "x", "changed");
    g_assert_false (json_object_has_member (cd_publication_get_extra (copied), "nested"));
    g_assert_cmpstr (json_object_get_string_member (cd_publication_get_extra (copied), "note"), ==, "x");
  }

  /* The fingerprint is copied and compared like the rest. */
  g_assert_cmpstr (cd_publication_get_fingerprint (copy), ==, FINGERPRINT);
  g_clear_object (&other);
  other = cd_publication_copy (record);
  cd_publication_set_fingerprint (other, NULL);
  g_assert_cmpstr (cd_publication_get_fingerprint (other), ==, "");
  g_assert_false (cd_publication_equal (record, other));

  g_clear_object (&other);
  other = cd_publication_copy (record);
  cd_publication_set_pushed (other, NULL);
  g_assert_false (cd_publication_equal (record, other));

  /* Setting the ids from the record's own array keeps them. */
  ids = cd_publication_get_tag_ids (record, &n);
  cd_publication_set_tag_ids (record, ids, n);
  ids = cd_publication_get_tag_ids (record, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[1], ==, 31);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
changed_cb (CdArticle *article,
            guint     *count)
{
  (*count)++;
}

static void
test_article_publications (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdPublication) record = make_record ("https://news.example/");
  g_autoptr(CdPublication) second = make_record ("http://127.0.0.1:8080/");
  g_autoptr(CdPublication) changed = NULL;
  g_autoptr(CdArticle) copy = NULL;
  GListModel *list = cd_article_get_publications (article);
  CdPublication *stored;
  guint notified = 0;
  guint changes = 0;

  g_signal_connect (article, "notify::publications", G_CALLBACK (count_cb), &notified);
  g_signal_connect (article, "changed", G_CALLBACK (changed_cb), &changes);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_null (cd_article_lookup_publication (article, "https://news.example/"));

  cd_article_set_publication (article, record);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* Found under any spelling of the site; the article keeps a copy. */
  stored = cd_article_lookup_publication (article, "HTTPS://NEWS.EXAMPLE");
  g_assert_nonnull (stored);
  g_assert_true (stored != record);
  g_assert_true (cd_publication_equal (stored, record));
  cd_publication_set_slug (record, "changed-after");
  g_assert_cmpstr (cd_publication_get_slug (stored), ==, "ferry");

  /* An equal record is no change. */
  cd_publication_set_slug (record, "ferry");
  cd_article_set_publication (article, record);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  cd_article_set_publication (article, second);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* A record for the same site replaces the old one in its place. */
  changed = cd_publication_copy (record);
  cd_publication_set_modified_gmt (changed, "2026-11-27T10:00:00");
  cd_article_set_publication (article, changed);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(CdPublication) first = g_list_model_get_item (list, 0);

    g_assert_cmpstr (cd_publication_get_modified_gmt (first), ==, "2026-11-27T10:00:00");
  }
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (changes, ==, 3);

  /* Copies and comparisons include the records. */
  copy = cd_article_copy (article);
  g_assert_true (cd_article_equal (article, copy));
  cd_article_remove_publication (copy, "http://127.0.0.1:8080");
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_publications (copy)), ==, 1);
  g_assert_false (cd_article_equal (article, copy));
  cd_article_set_publication (copy, second);
  /* Same records, another order: another file. */
  g_assert_true (cd_article_equal (article, copy));

  cd_article_remove_publication (article, "https://nowhere.example/");
  g_assert_cmpuint (notified, ==, 3);
  cd_article_remove_publication (article, "https://news.example/");
  g_assert_cmpuint (notified, ==, 4);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_null (cd_article_lookup_publication (article, "https://news.example/"));
}

/* A record is where the story went, not an edit of it: undo must never
 * bring back an old record (which would make the next publish update a
 * post that no longer matches) nor count it as a step, yet the document
 * must be saved. */
static void
test_history_ignores_publications (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autoptr(CdDocument) document = cd_document_new (article);
  g_autoptr(CdPublication) record = make_record ("https://news.example/");
  g_autoptr(CdPublication) updated = NULL;

  g_assert_false (cd_document_get_modified (document));

  cd_article_set_publication (article, record);
  g_assert_false (cd_history_get_can_undo (history));
  g_assert_cmpuint (cd_history_get_n_steps (history), ==, 0);
  g_assert_true (cd_document_get_modified (document));

  cd_article_set_headline (article, "Ferry sails");
  cd_history_seal (history);
  g_assert_cmpuint (cd_history_get_n_steps (history), ==, 1);

  updated = cd_publication_copy (record);
  cd_publication_set_modified_gmt (updated, "2026-11-27T11:00:00");
  cd_article_set_publication (article, updated);
  g_assert_cmpuint (cd_history_get_n_steps (history), ==, 1);

  /* Undoing the headline leaves the newest record alone. */
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "");
  g_assert_false (cd_history_get_can_undo (history));
  g_assert_cmpstr (cd_publication_get_modified_gmt (cd_article_lookup_publication (article, "https://news.example/")),
                   ==, "2026-11-27T11:00:00");
  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_cmpstr (cd_publication_get_modified_gmt (cd_article_lookup_publication (article, "https://news.example/")),
                   ==, "2026-11-27T11:00:00");

  cd_article_remove_publication (article, "https://news.example/");
  g_assert_cmpuint (cd_history_get_n_steps (history), ==, 1);
}

static char *
read_source (const char *relative,
             gsize      *length)
{
  g_autofree char *path = g_build_filename (source_root, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_file_round_trip (void)
{
  gsize length = 0, written_length = 0;
  g_autofree char *data = read_source ("tests/schema/articles/published.copydesk", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_data (data, length, "published.copydesk", &error);
  g_autofree char *written = NULL;
  GListModel *list;
  CdPublication *record;
  JsonObject *extra;
  const gint64 *ids;
  gsize n;

  g_assert_no_error (error);
  list = cd_article_get_publications (article);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  record = cd_article_lookup_publication (article, "https://news.example/");
  g_assert_nonnull (record);
  g_assert_cmpint (cd_publication_get_post_id (record), ==, 4182);
  g_assert_cmpint (cd_publication_get_media_id (record), ==, 977);
  g_assert_cmpstr (cd_publication_get_modified_gmt (record), ==, "2026-11-27T08:31:04");
  g_assert_cmpstr (cd_publication_get_fingerprint (record), ==, FINGERPRINT);
  g_assert_cmpstr (cd_publication_get_status (record), ==, "publish");
  ids = cd_publication_get_category_ids (record, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, 4);
  g_assert_nonnull (cd_publication_get_pushed (record));

  record = cd_article_lookup_publication (article, "http://127.0.0.1:8080/blog/");
  g_assert_nonnull (record);
  g_assert_null (cd_publication_get_pushed (record));
  /* A record from before fingerprints loads without one, and is saved
   * without one (below, byte for byte). */
  g_assert_cmpstr (cd_publication_get_fingerprint (record), ==, "");
  extra = cd_publication_get_extra (record);
  g_assert_false (json_object_has_member (extra, "fingerprint"));
  g_assert_nonnull (extra);
  g_assert_cmpstr (json_object_get_string_member (extra, "syndication_note"), ==, "kept by a newer Copydesk");

  /* Byte for byte, the unknown member included. */
  written = cd_article_to_data (article, &written_length);
  g_assert_cmpstr (written, ==, data);
  g_assert_cmpuint (written_length, ==, length);
}

/* Files written before the member existed load and save as they were, and
 * an article never published gets no member. */
static void
test_file_without_publications (void)
{
  gsize length = 0, written_length = 0;
  g_autofree char *data = read_source ("tests/articles/full.copydesk", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_data (data, length, "full.copydesk", &error);
  g_autoptr(CdPublication) record = make_record ("https://news.example/");
  g_autofree char *written = NULL;
  g_autofree char *published = NULL;
  g_autoptr(CdArticle) reloaded = NULL;
  const char *body, *publications;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_publications (article)), ==, 0);
  written = cd_article_to_data (article, &written_length);
  g_assert_cmpstr (written, ==, data);
  g_assert_null (strstr (written, "\"publications\""));

  /* Once published, the member comes after the body. */
  cd_article_set_publication (article, record);
  published = cd_article_to_data (article, NULL);
  body = strstr (published, "\n  \"body\": ");
  publications = strstr (published, "\n  \"publications\": [");
  g_assert_nonnull (body);
  g_assert_nonnull (publications);
  g_assert_true (publications > body);

  reloaded = cd_article_load_from_data (published, strlen (published), "published", &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (article, reloaded));

  /* An empty list, as another tool may write it, is no record at all. */
  {
    g_autoptr(GString) text = g_string_new (data);
    g_autoptr(CdArticle) empty = NULL;
    g_autofree char *rewritten = NULL;
    gsize end = text->len;

    while (end > 0 && text->str[end - 1] != '}')
      end--;
    g_assert_cmpuint (end, >, 0);
    g_string_insert (text, end - 1, ",\n  \"publications\": []\n");
    empty = cd_article_load_from_data (text->str, text->len, "empty.copydesk", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_publications (empty)), ==, 0);
    rewritten = cd_article_to_data (empty, NULL);
    g_assert_null (strstr (rewritten, "\"publications\""));
  }
}

static GString *
article_with_publications (const char *json)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text,
                          "{\n"
                          "  \"format\": \"copydesk-article\",\n"
                          "  \"version\": 1,\n"
                          "  \"id\": \"urn:uuid:6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\n"
                          "  \"created\": \"2026-11-27T09:30:00+01:00\",\n"
                          "  \"modified\": \"2026-11-27T09:30:00+01:00\",\n"
                          "  \"body\": \"Text\",\n"
                          "  \"publications\": %s\n"
                          "}\n", json);
  return text;
}

static void
test_file_invalid (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{}", "publications must be a list, not an object" },
    { "[ 3 ]", "publications[0] must be an object with a site, not a number" },
    { "[ {} ]", "publications[0] has no site" },
    { "[ { \"site\": \"\" } ]", "publications[0] has no site" },
    { "[ { \"site\": 5 } ]", "publications[0].site must be text, not a number" },
    { "[ { \"site\": \"https://a.example/\", \"post_id\": \"12\" } ]",
      "publications[0].post_id must be a whole number from 0 up, not text" },
    { "[ { \"site\": \"https://a.example/\", \"post_id\": -1 } ]",
      "publications[0].post_id must be a whole number from 0 up" },
    { "[ { \"site\": \"https://a.example/\", \"post_id\": 1.5 } ]",
      "publications[0].post_id must be a whole number from 0 up" },
    { "[ { \"site\": \"https://a.example/\", \"media_id\": true } ]",
      "publications[0].media_id must be a whole number from 0 up" },
    { "[ { \"site\": \"https://a.example/\", \"tags\": 4 } ]",
      "publications[0].tags must be a list of whole numbers, not a number" },
    { "[ { \"site\": \"https://a.example/\", \"categories\": [ 4, 0 ] } ]",
      "publications[0].categories[1] must be a whole number from 1 up" },
    { "[ { \"site\": \"https://a.example/\", \"categories\": [ { \"id\": 4 } ] } ]",
      "publications[0].categories[0] must be a whole number from 1 up, not an object" },
    { "[ { \"site\": \"https://a.example/\", \"modified_gmt\": \"2026-11-27T08:31:04Z\" } ]",
      "publications[0].modified_gmt “2026-11-27T08:31:04Z” is not a time as WordPress gives it" },
    { "[ { \"site\": \"https://a.example/\", \"fingerprint\": \"ABC\" } ]",
      "publications[0].fingerprint “ABC” is not a fingerprint Copydesk wrote" },
    { "[ { \"site\": \"https://a.example/\", \"fingerprint\": 5 } ]",
      "publications[0].fingerprint must be text, not a number" },
    { "[ { \"site\": \"https://a.example/\", \"pushed\": \"yesterday\" } ]",
      "publications[0].pushed “yesterday” is not a date and time" },
    { "[ { \"site\": \"https://a.example/\", \"link\": [] } ]",
      "publications[0].link must be text, not a list" },
    { "[ { \"site\": \"https://a.example\" }, { \"site\": \"HTTPS://A.EXAMPLE/\" } ]",
      "publications[1] is a second record for https://a.example/" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = article_with_publications (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = cd_article_load_from_data (text->str, text->len, "bad.copydesk", &error);

      g_assert_null (article);
      g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL ||
          !g_str_has_prefix (error->message, "bad.copydesk: "))
        g_error ("case %zu: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

static void
test_file_limits (void)
{
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdArticle) big = cd_article_new ();
  g_autofree char *long_slug = g_strnfill (CD_LIMIT_TEXT_BYTES + 1, 'a');
  g_autoptr(CdPublication) record = cd_publication_new ("https://a.example/");

  for (int i = 0; i <= CD_LIMIT_PUBLICATIONS; i++)
    g_string_append_printf (list, "%s{ \"site\": \"https://s%d.example/\" }", i > 0 ? ", " : "", i);
  g_string_append (list, "]");
  text = article_with_publications (list->str);
  article = cd_article_load_from_data (text->str, text->len, "many.copydesk", &error);
  g_assert_null (article);
  g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "publications has 101 entries"));
  g_clear_error (&error);

  /* What could not be loaded is not saved. */
  cd_publication_set_slug (record, long_slug);
  cd_article_set_publication (big, record);
  g_assert_false (cd_article_check_limits (big, &error));
  g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);
  source_root = cd_test_dup_source_root ();

  g_test_add_func ("/publication/normalize-site", test_normalize_site);
  g_test_add_func ("/publication/record", test_record);
  g_test_add_func ("/publication/article", test_article_publications);
  g_test_add_func ("/publication/history-ignores", test_history_ignores_publications);
  g_test_add_func ("/publication/file/round-trip", test_file_round_trip);
  g_test_add_func ("/publication/file/without", test_file_without_publications);
  g_test_add_func ("/publication/file/invalid", test_file_invalid);
  g_test_add_func ("/publication/file/limits", test_file_limits);

  {
    int status = g_test_run ();

    g_free (source_root);
    return status;
  }
}
