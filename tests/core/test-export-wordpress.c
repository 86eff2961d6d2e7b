/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "cd-article-file.h"
#include "cd-export-wordpress.h"
#include "cd-exporter.h"
#include "cd-json.h"
#include "cd-markdown.h"
#include "cd-wp-blocks.h"
#include "cd-test-util.h"

/*
 * Tests of the WordPress REST post exporter.
 *
 * test-exporter-conformance compares every article in tests/articles/ and
 * data/sample/, exported with its image under the base URL below, with
 * tests/golden/wordpress/<name>.json, or, for an article that WordPress would
 * refuse, with the export's error message in <name>.error.
 *
 * Here the same exports are checked on their own terms too: a `post` with only
 * members that /wp/v2/posts accepts, of the types it expects, a status that
 * WordPress knows, `date_gmt` in UTC without an offset, and the values of the
 * article, computed here independently of the exporter.
 */

#define IMAGE_BASE_URL   "https://media.example.org/images/"
#define MIN_FIXTURES     8

static char *source_root;

static GPtrArray *fixtures;

static CdExporter *
get_exporter (void)
{
  CdExporter *exporter = cd_exporters_lookup ("wordpress");

  g_assert_nonnull (exporter);
  return exporter;
}

static char *
export_with_mode (CdArticle          *article,
                  CdExportImageMode   mode,
                  const char         *article_dir,
                  GError            **error)
{
  CdExportOptions options = { mode, IMAGE_BASE_URL, article_dir, NULL };
  g_autoptr(GBytes) bytes = cd_exporter_export (get_exporter (), article, &options, error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, size, NULL));
  g_assert_cmpuint (strlen (data), ==, size);
  return g_strndup (data, size);
}

static char *
export_text (CdArticle *article)
{
  g_autoptr(GError) error = NULL;
  char *text = export_with_mode (article, CD_EXPORT_IMAGE_BASE_URL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static char *
export_text_or_error (CdArticle  *article,
                      GError    **error)
{
  return export_with_mode (article, CD_EXPORT_IMAGE_BASE_URL, NULL, error);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = cd_json_parse (text, strlen (text), "export", 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* Checks written independently of the exporter's own. */

/* WordPress's `date_gmt`: a UTC date-time without an offset. */
static gboolean
is_wordpress_gmt (const char *text)
{
  g_autofree char *with_zone = NULL;
  g_autoptr(GDateTime) parsed = NULL;

  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$",
                             text, 0, 0))
    return FALSE;

  with_zone = g_strconcat (text, "Z", NULL);
  parsed = g_date_time_new_from_iso8601 (with_zone, NULL);
  return parsed != NULL;
}

static void
test_checkers (void)
{
  /* The checks below are only worth something if they can say no. */
  g_assert_true (is_wordpress_gmt ("2026-11-27T06:30:00"));
  g_assert_false (is_wordpress_gmt ("2026-11-27T06:30:00Z"));
  g_assert_false (is_wordpress_gmt ("2026-11-27T07:30:00+01:00"));
  g_assert_false (is_wordpress_gmt ("2026-11-27T06:30:00.5"));
  g_assert_false (is_wordpress_gmt ("2026-11-27 06:30:00"));
  g_assert_false (is_wordpress_gmt ("2026-02-30T06:30:00"));

  g_assert_true (cd_test_is_absolute_http_url ("https://media.example.org/images/a.jpg"));
  g_assert_false (cd_test_is_absolute_http_url ("a.jpg"));
  g_assert_false (cd_test_is_absolute_http_url ("/images/a.jpg"));
  g_assert_false (cd_test_is_absolute_http_url ("https://media.example.org/my image.jpg"));
  g_assert_false (cd_test_is_absolute_http_url ("javascript:alert(1)"));
  g_assert_false (cd_test_is_absolute_http_url ("file:///home/me/a.jpg"));
}

static void
test_lookup (void)
{
  CdExporter *exporter = cd_exporters_lookup ("wordpress");

  g_assert_nonnull (exporter);
  g_assert_true (CD_IS_WORDPRESS_EXPORTER (exporter));
  /* Its id, extension, media type and name: test-exporter-conformance. */
}

/* Structure */

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_error ("No member “%s”", member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("“%s” is not a string", member);
  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_error ("No member “%s”", member);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    g_error ("“%s” is not an array", member);
  return json_node_get_array (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_error ("No member “%s”", member);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    g_error ("“%s” is not an object", member);
  return json_node_get_object (node);
}

/* @member is a string equal to @expected, or absent when @expected is blank. */
static void
assert_optional_string (JsonObject *object,
                        const char *member,
                        const char *expected)
{
  if (cd_test_is_blank (expected))
    g_assert_false (json_object_has_member (object, member));
  else
    g_assert_cmpstr (get_string (object, member), ==, expected);
}

static void
assert_only_members (JsonObject         *object,
                     const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        g_error ("Unexpected member “%s”", (const char *) l->data);
    }
}

static const char * const root_members[] = {
  "post", "tag_names", "category_names", "featured_media", NULL,
};
static const char * const post_members[] = {
  "title", "content", "excerpt", "slug", "status", "date_gmt", "comment_status", "meta",
  "tags", "categories", NULL,
};
static const char * const meta_members[] = {
  "copydesk_id", "copydesk_status", "copydesk_byline", "copydesk_authors",
  "copydesk_dateline", "copydesk_language", NULL,
};
static const char * const media_members[] = {
  "source_url", "file_name", "mime_type", "alt_text", "caption", NULL,
};
static const char * const wordpress_statuses[] = {
  "draft", "pending", "private", "publish", "future", NULL,
};

/* The mapping, written out as a table here rather than derived. */
static const char *
expected_status (CdArticleStatus status,
                 gboolean        embargoed)
{
  static const struct
  {
    CdArticleStatus status;
    const char *plain;
    const char *embargoed;
  } table[] = {
    { CD_ARTICLE_STATUS_DRAFT, "draft", "draft" },
    { CD_ARTICLE_STATUS_IN_REVIEW, "pending", "pending" },
    { CD_ARTICLE_STATUS_APPROVED, "publish", "future" },
    { CD_ARTICLE_STATUS_PUBLISHED, "publish", "future" },
    { CD_ARTICLE_STATUS_KILLED, "draft", "draft" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (table[i].status == status)
        return embargoed ? table[i].embargoed : table[i].plain;
    }

  g_assert_not_reached ();
  return NULL;
}

/* The later of the publication time and the embargo, in UTC, to the next
 * whole second. */
static char *
expected_date_gmt (CdArticle *article)
{
  GDateTime *published = cd_article_get_published (article);
  GDateTime *embargo = cd_article_get_embargo (article);
  GDateTime *when = published;
  g_autoptr(GDateTime) whole = NULL;
  gint64 seconds;

  if (when == NULL || (embargo != NULL && g_date_time_compare (embargo, when) > 0))
    when = embargo;
  if (when == NULL)
    return NULL;

  seconds = g_date_time_to_unix (when) + (g_date_time_get_microsecond (when) > 0 ? 1 : 0);
  whole = g_date_time_new_from_unix_utc (seconds);
  return g_date_time_format (whole, "%Y-%m-%dT%H:%M:%S");
}

static char *
expected_image_url (CdImage *image)
{
  g_autofree char *basename = NULL;

  if (cd_image_is_remote (image))
    return g_strdup (cd_image_get_source (image));

  basename = g_path_get_basename (cd_image_get_source (image));
  return g_strconcat (IMAGE_BASE_URL, basename, NULL);
}

static void
check_featured_media (JsonObject *root,
                      CdArticle  *article)
{
  CdImage *image = cd_article_get_image (article);
  const char *caption = cd_image_get_caption (image);
  const char *credit = cd_image_get_credit (image);
  g_autofree char *url = NULL;
  g_autofree char *basename = NULL;
  JsonObject *media;

  if (!cd_image_is_set (image))
    {
      g_assert_false (json_object_has_member (root, "featured_media"));
      return;
    }

  media = get_object (root, "featured_media");
  assert_only_members (media, media_members);

  url = expected_image_url (image);
  basename = g_path_get_basename (cd_image_get_source (image));
  g_assert_cmpstr (get_string (media, "source_url"), ==, url);
  g_assert_true (cd_test_is_absolute_http_url (get_string (media, "source_url")));
  g_assert_cmpstr (get_string (media, "file_name"), ==, basename);
  if (g_str_has_suffix (basename, ".jpg"))
    g_assert_cmpstr (get_string (media, "mime_type"), ==, "image/jpeg");

  assert_optional_string (media, "alt_text", cd_image_get_alt (image));
  /* The credit is in the caption, once: a member of its own would have a
   * publisher show it twice. */
  g_assert_false (json_object_has_member (media, "credit"));

  /* WordPress has no credit field: the caption ends with the credit line. */
  if (cd_test_is_blank (caption) && cd_test_is_blank (credit))
    {
      g_assert_false (json_object_has_member (media, "caption"));
    }
  else
    {
      const char *exported = get_string (media, "caption");
      g_autofree char *stripped_caption = g_strstrip (g_strdup (caption));
      g_autofree char *stripped_credit = g_strstrip (g_strdup (credit));

      g_assert_true (g_str_has_prefix (exported, stripped_caption));
      g_assert_true (g_str_has_suffix (exported, stripped_credit));
    }
}

static void
check_document (const char *text,
                CdArticle  *article)
{
  g_autoptr(JsonObject) root = parse_object (text);
  const char *body = cd_article_get_body (article);
  GListModel *tags = cd_article_get_tags (article);
  GListModel *authors = cd_article_get_authors (article);
  g_autofree char *date_gmt = expected_date_gmt (article);
  JsonObject *post;
  JsonObject *meta;
  const char *status;

  assert_only_members (root, root_members);
  post = get_object (root, "post");
  assert_only_members (post, post_members);

  assert_optional_string (post, "title", cd_article_get_headline (article));
  assert_optional_string (post, "excerpt", cd_article_get_standfirst (article));
  assert_optional_string (post, "slug", cd_article_get_slug (article));
  if (cd_test_is_blank (body))
    {
      g_assert_false (json_object_has_member (post, "content"));
    }
  else
    {
      /* The publisher's block markup, so that export and publish agree:
       * the reader's body, then the corrections log. */
      g_autofree char *reader = cd_article_dup_reader_body (article);
      g_autofree char *log = cd_article_dup_corrections_markdown (article);
      g_autofree char *markdown = log != NULL ? g_strconcat (reader, "\n\n", log, NULL)
                                              : g_strdup (reader);
      g_autofree char *blocks = cd_wp_blocks_from_markdown (markdown, -1);

      g_assert_cmpstr (get_string (post, "content"), ==, blocks);
    }

  status = get_string (post, "status");
  g_assert_true (g_strv_contains (wordpress_statuses, status));
  g_assert_cmpstr (status, ==, expected_status (cd_article_get_status (article),
                                                cd_article_get_embargo (article) != NULL));

  if (date_gmt == NULL)
    {
      g_assert_false (json_object_has_member (post, "date_gmt"));
    }
  else
    {
      g_assert_true (is_wordpress_gmt (get_string (post, "date_gmt")));
      g_assert_cmpstr (get_string (post, "date_gmt"), ==, date_gmt);
    }

  g_assert_cmpstr (get_string (post, "comment_status"), ==,
                   cd_article_get_comments (article) ? "open" : "closed");

  meta = get_object (post, "meta");
  assert_only_members (meta, meta_members);
  g_assert_cmpstr (get_string (meta, "copydesk_id"), ==, cd_article_get_id (article));
  g_assert_cmpstr (get_string (meta, "copydesk_status"), ==,
                   cd_article_status_to_string (cd_article_get_status (article)));
  assert_optional_string (meta, "copydesk_byline", cd_article_get_byline (article));
  assert_optional_string (meta, "copydesk_dateline", cd_article_get_dateline (article));
  assert_optional_string (meta, "copydesk_language", cd_article_get_language (article));

  /* Term ids are the site's: the publisher adds them from the names. An
   * empty list is never sent: with an update it would take every term off
   * the post. */
  g_assert_false (json_object_has_member (post, "tags"));
  g_assert_false (json_object_has_member (post, "categories"));
  g_assert_false (json_object_has_member (post, "featured_media"));
  g_assert_false (json_object_has_member (post, "author"));

  if (g_list_model_get_n_items (tags) == 0)
    {
      g_assert_false (json_object_has_member (root, "tag_names"));
    }
  else
    {
      JsonArray *names = get_array (root, "tag_names");

      g_assert_cmpuint (json_array_get_length (names), ==, g_list_model_get_n_items (tags));
      for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);

          g_assert_cmpstr (json_array_get_string_element (names, i), ==, cd_tag_get_name (tag));
        }
    }

  if (cd_test_is_blank (cd_article_get_section (article)))
    {
      g_assert_false (json_object_has_member (root, "category_names"));
    }
  else
    {
      JsonArray *names = get_array (root, "category_names");

      g_assert_cmpuint (json_array_get_length (names), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (names, 0), ==,
                       cd_article_get_section (article));
    }

  check_featured_media (root, article);

  /* The desk's note and the authors' e-mail addresses stay in Copydesk. */
  if (!cd_test_is_blank (cd_article_get_editor_note (article)))
    g_assert_null (strstr (text, cd_article_get_editor_note (article)));
  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);

      if (!cd_test_is_blank (cd_author_get_email (author)))
        g_assert_null (strstr (text, cd_author_get_email (author)));
    }
}

static void
test_fixtures_valid (void)
{
  guint n_checked = 0;

  for (guint i = 0; i < fixtures->len; i++)
    {
      CdTestFixture *fixture = g_ptr_array_index (fixtures, i);
      g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = export_with_mode (article, CD_EXPORT_IMAGE_BASE_URL, NULL,
                                                &error);

      /* An empty article is refused: see test_empty_post (). */
      if (text == NULL)
        {
          g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID);
          g_assert_true (cd_test_is_blank (cd_article_get_headline (article)));
          continue;
        }

      g_test_message ("checking %s", fixture->name);
      check_document (text, article);
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >=, MIN_FIXTURES - 1);
}

static char *
fixture_path (const char *folder,
              const char *name)
{
  return g_build_filename (source_root, folder, name, NULL);
}

static CdArticle *
new_article (void)
{
  g_autoptr(CdArticle) article = cd_article_new_empty ();
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 ("2026-11-27T07:00:00+01:00",
                                                               NULL);

  cd_article_set_id (article, "urn:uuid:0b9f2a52-3c1e-4a8e-9d2f-51c7e3a0b6d4");
  cd_article_set_created (article, created);
  cd_article_set_modified (article, created);
  cd_article_set_headline (article, "A headline");
  return g_steal_pointer (&article);
}

static JsonObject *
export_post (CdArticle   *article,
             JsonObject **root_out)
{
  g_autofree char *text = export_text (article);
  g_autoptr(JsonObject) root = parse_object (text);
  JsonObject *post = get_object (root, "post");

  check_document (text, article);
  *root_out = g_steal_pointer (&root);
  return post;
}

static void
set_date (CdArticle  *article,
          void      (*setter) (CdArticle *, GDateTime *),
          const char *iso8601)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (iso8601 != NULL)
    {
      date_time = g_date_time_new_from_iso8601 (iso8601, NULL);
      g_assert_nonnull (date_time);
    }
  setter (article, date_time);
}

static void
test_status (void)
{
  static const struct
  {
    CdArticleStatus status;
    const char *embargo;
    const char *expected;
  } cases[] = {
    { CD_ARTICLE_STATUS_DRAFT, NULL, "draft" },
    { CD_ARTICLE_STATUS_DRAFT, "2026-11-28T00:00:00Z", "draft" },
    { CD_ARTICLE_STATUS_IN_REVIEW, NULL, "pending" },
    { CD_ARTICLE_STATUS_IN_REVIEW, "2026-11-28T00:00:00Z", "pending" },
    { CD_ARTICLE_STATUS_APPROVED, NULL, "publish" },
    { CD_ARTICLE_STATUS_APPROVED, "2026-11-28T00:00:00Z", "future" },
    { CD_ARTICLE_STATUS_PUBLISHED, NULL, "publish" },
    { CD_ARTICLE_STATUS_PUBLISHED, "2026-11-28T00:00:00Z", "future" },
    { CD_ARTICLE_STATUS_KILLED, NULL, "draft" },
    { CD_ARTICLE_STATUS_KILLED, "2026-11-28T00:00:00Z", "draft" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      g_autoptr(JsonObject) root = NULL;
      JsonObject *post;

      cd_article_set_status (article, cases[i].status);
      set_date (article, cd_article_set_published, "2026-11-27T07:30:00+01:00");
      set_date (article, cd_article_set_embargo, cases[i].embargo);
      post = export_post (article, &root);

      g_assert_cmpstr (get_string (post, "status"), ==, cases[i].expected);
      g_assert_cmpstr (get_string (get_object (post, "meta"), "copydesk_status"), ==,
                       cd_article_status_to_string (cases[i].status));
    }
}

static void
test_date_gmt (void)
{
  static const struct
  {
    const char *published;
    const char *embargo;
    const char *expected;
  } cases[] = {
    /* The conversion to UTC, whichever side of it the offset is. */
    { "2026-11-27T07:30:00+01:00", NULL, "2026-11-27T06:30:00" },
    { "2026-11-27T07:30:00Z", NULL, "2026-11-27T07:30:00" },
    { "2026-06-04T06:00:00-04:00", NULL, "2026-06-04T10:00:00" },
    { "2026-11-20T18:00:00+09:00", NULL, "2026-11-20T09:00:00" },
    { "2026-12-31T23:30:00-02:00", NULL, "2027-01-01T01:30:00" },
    { "2027-01-01T00:15:00+05:30", NULL, "2026-12-31T18:45:00" },
    /* An embargo earlier than the publication does not bring it forward. */
    { "2026-10-14T09:00:00+01:00", "2026-10-14T00:01:00+01:00", "2026-10-14T08:00:00" },
    /* A later embargo holds it back. */
    { "2026-11-27T07:30:00+01:00", "2026-11-27T09:00:00Z", "2026-11-27T09:00:00" },
    { NULL, "2026-11-25T06:00:00+02:00", "2026-11-25T04:00:00" },
    /* Whole seconds, never before the time asked for. */
    { "2026-11-27T07:30:00.25+01:00", NULL, "2026-11-27T06:30:01" },
    { NULL, "2026-11-27T23:59:59.999999Z", "2026-11-28T00:00:00" },
    { NULL, NULL, NULL },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      g_autoptr(JsonObject) root = NULL;
      JsonObject *post;

      cd_article_set_status (article, CD_ARTICLE_STATUS_APPROVED);
      set_date (article, cd_article_set_published, cases[i].published);
      set_date (article, cd_article_set_embargo, cases[i].embargo);
      post = export_post (article, &root);

      if (cases[i].expected == NULL)
        {
          g_assert_false (json_object_has_member (post, "date_gmt"));
        }
      else
        {
          g_assert_cmpstr (get_string (post, "date_gmt"), ==, cases[i].expected);
          g_assert_true (is_wordpress_gmt (get_string (post, "date_gmt")));
        }
    }
}

/* The fixtures' dates and statuses, spelt out. */
static void
test_fixture_schedules (void)
{
  static const struct
  {
    const char *folder;
    const char *file;
    const char *status;
    const char *date_gmt;
  } cases[] = {
    { "tests/articles", "full.copydesk", "future", "2026-10-14T08:00:00" },
    { "data/sample", "harbour-ferry.copydesk", "publish", "2026-11-27T07:30:00" },
    { "tests/articles", "remote-image.copydesk", "future", "2026-06-04T10:00:00" },
    { "tests/articles", "greek.copydesk", "pending", "2026-11-25T06:00:00" },
    { "tests/articles", "japanese.copydesk", "publish", "2026-11-20T09:00:00" },
    { "tests/articles", "future-keys.copydesk", "draft", NULL },
    { "tests/articles", "markdown-constructs.copydesk", "draft", NULL },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].folder, cases[i].file);
      g_autoptr(CdArticle) article = cd_test_load_article (path);
      g_autoptr(JsonObject) root = NULL;
      JsonObject *post = export_post (article, &root);

      g_assert_cmpstr (get_string (post, "status"), ==, cases[i].status);
      if (cases[i].date_gmt != NULL)
        g_assert_cmpstr (get_string (post, "date_gmt"), ==, cases[i].date_gmt);
      else
        g_assert_false (json_object_has_member (post, "date_gmt"));
    }
}

static void
test_sample_post (void)
{
  g_autofree char *path = fixture_path ("data/sample", "harbour-ferry.copydesk");
  g_autoptr(CdArticle) article = cd_test_load_article (path);
  g_autoptr(JsonObject) root = NULL;
  JsonObject *post = export_post (article, &root);
  JsonObject *meta = get_object (post, "meta");
  JsonObject *media = get_object (root, "featured_media");
  JsonArray *tag_names = get_array (root, "tag_names");
  const char *content = get_string (post, "content");

  g_assert_cmpstr (get_string (post, "title"), ==,
                   "Electric harbour ferry enters service after two-year delay");
  g_assert_true (g_str_has_prefix (content, "<!-- wp:paragraph -->\n<p>The first electric ferry"));
  g_assert_nonnull (strstr (content, "<em>Harbour Spirit</em>"));
  g_assert_nonnull (strstr (content, "<!-- wp:heading -->\n<h2>"));
  /* Soft line breaks are spaces: wpautop would not run, but the editor
   * would show a newline inside a paragraph as a line break. */
  g_assert_null (strstr (content, "<br"));
  g_assert_cmpstr (get_string (post, "slug"), ==,
                   "electric-harbour-ferry-enters-service-after-two-year-delay");
  g_assert_cmpstr (get_string (post, "comment_status"), ==, "open");

  g_assert_cmpstr (get_string (meta, "copydesk_id"), ==,
                   "urn:uuid:3f6c2a8e-9b41-4d7a-a5e2-6c0d9f1b7e34");
  g_assert_cmpstr (get_string (meta, "copydesk_byline"), ==, "By Helen Marsh and Kwame Osei");
  /* The names alone, for the site's own "by …". */
  g_assert_cmpstr (get_string (meta, "copydesk_authors"), ==, "Helen Marsh and Kwame Osei");
  g_assert_cmpstr (get_string (meta, "copydesk_dateline"), ==, "Portmere");

  g_assert_cmpuint (json_array_get_length (tag_names), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (tag_names, 3), ==, "Portmere harbour");
  g_assert_cmpstr (json_array_get_string_element (get_array (root, "category_names"), 0), ==,
                   "Local");

  g_assert_cmpstr (get_string (media, "source_url"), ==,
                   "https://media.example.org/images/harbour-ferry.jpg");
  g_assert_cmpstr (get_string (media, "file_name"), ==, "harbour-ferry.jpg");
  g_assert_cmpstr (get_string (media, "mime_type"), ==, "image/jpeg");
  g_assert_cmpstr (get_string (media, "caption"), ==,
                   "The Harbour Spirit leaves the Quayside pontoon on its first scheduled "
                   "crossing to Eastbank. Illustration: The Copydesk authors");
  g_assert_false (json_object_has_member (media, "credit"));
  g_assert_true (g_str_has_prefix (get_string (media, "alt_text"),
                                   "Illustration of a white ferry"));
}

static void
test_caption_credit (void)
{
  static const struct
  {
    const char *caption;
    const char *credit;
    const char *expected;
  } cases[] = {
    { "The pier at dawn.", "Photo: Ana López", "The pier at dawn. Photo: Ana López" },
    { "  The pier at dawn.  ", "Photo: Ana López", "The pier at dawn. Photo: Ana López" },
    { "", "Photo: Ana López", "Photo: Ana López" },
    { "The pier at dawn.", "", "The pier at dawn." },
    { "The pier at dawn. Photo: Ana López", "Photo: Ana López",
      "The pier at dawn. Photo: Ana López" },
    { "", "", NULL },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      CdImage *image = cd_article_get_image (article);
      g_autoptr(JsonObject) root = NULL;
      JsonObject *media;

      cd_image_set_source (image, "pier.png");
      cd_image_set_caption (image, cases[i].caption);
      cd_image_set_credit (image, cases[i].credit);
      export_post (article, &root);

      media = get_object (root, "featured_media");
      g_assert_cmpstr (get_string (media, "mime_type"), ==, "image/png");
      g_assert_false (json_object_has_member (media, "credit"));
      if (cases[i].expected == NULL)
        g_assert_false (json_object_has_member (media, "caption"));
      else
        g_assert_cmpstr (get_string (media, "caption"), ==, cases[i].expected);
    }
}

static void
test_image_modes (void)
{
  g_autofree char *full_path = fixture_path ("tests/articles", "full.copydesk");
  g_autofree char *remote_path = fixture_path ("tests/articles", "remote-image.copydesk");
  g_autoptr(CdArticle) full = cd_test_load_article (full_path);
  g_autoptr(CdArticle) remote = cd_test_load_article (remote_path);
  g_autoptr(CdArticle) escaped = new_article ();
  g_autoptr(CdArticle) bad = new_article ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *none = NULL;
  g_autofree char *remote_text = NULL;
  g_autofree char *escaped_text = NULL;
  g_autofree char *bad_text = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonObject *media;

  /* In a bundle the image is the file beside the payload: no URL. */
  bundle = export_with_mode (full, CD_EXPORT_IMAGE_BUNDLE, NULL, &error);
  g_assert_no_error (error);
  root = parse_object (bundle);
  media = get_object (root, "featured_media");
  g_assert_false (json_object_has_member (media, "source_url"));
  g_assert_cmpstr (get_string (media, "file_name"), ==, "library-reading-room.jpg");
  g_clear_pointer (&root, json_object_unref);

  /* Without a bundle or base URL, a file on disk cannot be exported. */
  none = export_with_mode (full, CD_EXPORT_IMAGE_NONE, NULL, &error);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (none);
  g_clear_error (&error);

  remote_text = export_with_mode (remote, CD_EXPORT_IMAGE_NONE, NULL, &error);
  g_assert_no_error (error);
  root = parse_object (remote_text);
  media = get_object (root, "featured_media");
  g_assert_cmpstr (get_string (media, "source_url"), ==,
                   "https://images.example.com/2026/06/cycle-lane-plan.jpg");
  g_assert_cmpstr (get_string (media, "file_name"), ==, "cycle-lane-plan.jpg");
  g_clear_pointer (&root, json_object_unref);

  /* The URL is escaped; the file name to upload under is not. */
  cd_image_set_source (cd_article_get_image (escaped), "quay side.webp");
  escaped_text = export_text (escaped);
  root = parse_object (escaped_text);
  media = get_object (root, "featured_media");
  g_assert_cmpstr (get_string (media, "source_url"), ==,
                   "https://media.example.org/images/quay%20side.webp");
  g_assert_cmpstr (get_string (media, "file_name"), ==, "quay side.webp");
  g_assert_cmpstr (get_string (media, "mime_type"), ==, "image/webp");
  g_clear_pointer (&root, json_object_unref);

  /* A malformed remote address is refused, not passed on nor taken for a
   * file name: it is neither a web address nor a file. */
  cd_image_set_source (cd_article_get_image (bad), "https://images.example.com/a b.jpg");
  bad_text = export_text_or_error (bad, &error);
  g_assert_null (bad_text);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_nonnull (strstr (error->message, "https://images.example.com/a b.jpg"));
}

/* WordPress refuses a new post with no title, content or excerpt. */
static void
test_empty_post (void)
{
  g_autofree char *path = fixture_path ("tests/articles", "minimal.copydesk");
  g_autoptr(CdArticle) minimal = cd_test_load_article (path);
  g_autoptr(CdArticle) body_only = cd_article_new_empty ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = export_text_or_error (minimal, &error);
  g_autofree char *body_text = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonObject *post;

  g_assert_null (text);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "headline"));

  /* Any one of the three is enough. */
  cd_article_set_body (body_only, "Just a *body*.");
  cd_article_set_comments (body_only, FALSE);
  body_text = export_text (body_only);
  root = parse_object (body_text);
  post = get_object (root, "post");
  g_assert_false (json_object_has_member (post, "title"));
  g_assert_cmpstr (get_string (post, "content"), ==,
                   "<!-- wp:paragraph -->\n<p>Just a <em>body</em>.</p>\n<!-- /wp:paragraph -->");
  g_assert_cmpstr (get_string (post, "status"), ==, "draft");
  g_assert_cmpstr (get_string (post, "comment_status"), ==, "closed");
  g_assert_false (json_object_has_member (get_object (post, "meta"), "copydesk_id"));
}

static void
test_comments (void)
{
  for (int allowed = 0; allowed <= 1; allowed++)
    {
      g_autoptr(CdArticle) article = new_article ();
      g_autoptr(JsonObject) root = NULL;
      JsonObject *post;

      cd_article_set_comments (article, allowed);
      post = export_post (article, &root);
      g_assert_cmpstr (get_string (post, "comment_status"), ==, allowed ? "open" : "closed");
    }
}

/* Plain text goes out as the text WordPress's editor would store: no
 * Markdown processing of the headline or the standfirst. */
static void
test_plain_fields (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(JsonObject) root = NULL;
  JsonObject *post;

  cd_article_set_headline (article, "Fish & chips *still* cost £4 at \"Lou's\"");
  cd_article_set_standfirst (article, "A < B, and C > D.");
  post = export_post (article, &root);

  g_assert_cmpstr (get_string (post, "title"), ==, "Fish & chips *still* cost £4 at \"Lou's\"");
  g_assert_cmpstr (get_string (post, "excerpt"), ==, "A < B, and C > D.");
}

int
main (int argc, char **argv)
{
  int status;

  cd_test_init (&argc, &argv);

  source_root = cd_test_dup_source_root ();
  fixtures = cd_test_fixtures_new (source_root);
  g_ptr_array_sort (fixtures, cd_test_fixture_compare);

  g_test_add_func ("/export-wordpress/checkers", test_checkers);
  g_test_add_func ("/export-wordpress/lookup", test_lookup);

  /* The golden files, their completeness and determinism:
   * test-exporter-conformance. */
  g_test_add_func ("/export-wordpress/fixtures-valid", test_fixtures_valid);
  g_test_add_func ("/export-wordpress/status", test_status);
  g_test_add_func ("/export-wordpress/date-gmt", test_date_gmt);
  g_test_add_func ("/export-wordpress/fixture-schedules", test_fixture_schedules);
  g_test_add_func ("/export-wordpress/sample-post", test_sample_post);
  g_test_add_func ("/export-wordpress/caption-credit", test_caption_credit);
  g_test_add_func ("/export-wordpress/image-modes", test_image_modes);
  g_test_add_func ("/export-wordpress/empty-post", test_empty_post);
  g_test_add_func ("/export-wordpress/comments", test_comments);
  g_test_add_func ("/export-wordpress/plain-fields", test_plain_fields);

  status = g_test_run ();

  g_ptr_array_unref (fixtures);
  g_free (source_root);
  return status;
}
