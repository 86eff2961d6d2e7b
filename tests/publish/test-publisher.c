/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CdPublisher against a real WordPress (tests/wordpress/wpsite.py): a first
 * publish checked field by field over REST and on the rendered page, an
 * update, a retry after a lost answer, a conflict, scheduling and its
 * refusals, an Author account, a wrong password and a site that stops. */

#include <string.h>

#include "cd-article-file.h"
#include "cd-publish-test-util.h"
#include "cd-publisher.h"
#include "cd-wp-post.h"

static char *image_dir;
static guint serial;

typedef struct
{
  CdArticle *article;
  char      *name;   /* unique per test: the slug and the image's file name */
} Story;

static void
story_clear (Story *story)
{
  g_clear_object (&story->article);
  g_clear_pointer (&story->name, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Story, story_clear)

/* tests/articles/full.copydesk under a new id, headline and slug, with its
 * lead image a real JPEG named after the story so that each test's media
 * can be counted. */
static void
story_init (Story      *story,
            const char *label)
{
  g_autofree char *path = g_build_filename (g_getenv ("CD_SOURCE_ROOT"), "tests", "articles",
                                            "full.copydesk", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("CD_SOURCE_ROOT"), "data", "sample",
                                              "harbour-ferry.jpg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *image_name = NULL;
  g_autofree char *image_path = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *id = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  story->article = cd_article_load_from_data (contents, length, "full.copydesk", &error);
  g_assert_no_error (error);

  uuid = g_uuid_string_random ();
  /* The last twelve hex digits keep names apart between runs on one site. */
  story->name = g_strdup_printf ("%s-%u-%s", label, ++serial, uuid + 24);
  id = g_strdup_printf ("urn:uuid:%s", uuid);
  cd_article_set_id (story->article, id);
  headline = g_strdup_printf ("Central library reopens (%s)", story->name);
  cd_article_set_headline (story->article, headline);
  cd_article_set_slug (story->article, story->name);

  g_free (contents);
  contents = NULL;
  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  image_name = g_strconcat (story->name, ".jpg", NULL);
  image_path = g_build_filename (image_dir, image_name, NULL);
  g_file_set_contents (image_path, contents, (gssize) length, &error);
  g_assert_no_error (error);
  cd_image_set_source (cd_article_get_image (story->article), image_name);
}

typedef struct
{
  CdPublishResult *result;
  GError          *error;
  gboolean         done;
} Outcome;

static void
on_published (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->result = cd_publisher_publish_finish (CD_PUBLISHER (source), result, &outcome->error);
  outcome->done = TRUE;
}

static CdPublishResult *
publish_with (CdPublisher            *publisher,
              CdArticle              *article,
              const CdPublishOptions *options,
              GError                **error)
{
  Outcome outcome = { NULL, NULL, FALSE };
  CdPublishOptions defaults = { .article_dir = image_dir };

  cd_publisher_publish_async (publisher, article, options != NULL ? options : &defaults,
                              NULL, on_published, &outcome);
  cd_test_wait (&outcome.done);
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.result;
}

static CdPublishResult *
publish (const char             *account,
         CdArticle              *article,
         const CdPublishOptions *options,
         GError                **error)
{
  g_autoptr(CdWpSite) site = cd_test_wp_site (account);
  g_autoptr(CdPublisher) publisher = cd_publisher_new (site);

  return publish_with (publisher, article, options, error);
}

/* Publishes and keeps the record in the article, as the window does. */
static CdPublishResult *
publish_and_keep (const char *account,
                  CdArticle  *article)
{
  g_autoptr(GError) error = NULL;
  CdPublishResult *result = publish (account, article, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (result), ==, CD_PUBLISH_DONE);
  cd_article_set_publication (article, cd_publish_result_get_publication (result));
  return result;
}

static JsonObject *
get_post (gint64 id)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) node = cd_test_wp_rest ("admin", "GET", route, "context=edit", NULL);

  return json_object_ref (json_node_get_object (node));
}

static const char *
raw (JsonObject *post,
     const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (post, member), "raw");
}

static gboolean
has_warning (CdPublishResult *result,
             const char      *fragment)
{
  GPtrArray *warnings = cd_publish_result_get_warnings (result);

  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), fragment) != NULL)
      return TRUE;
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names of a post's terms, sorted and joined with "|". */
static char *
term_names (JsonObject *post,
            const char *taxonomy)
{
  JsonArray *ids = json_object_get_array_member (post, taxonomy);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      g_autofree char *route = g_strdup_printf ("wp/v2/%s/%" G_GINT64_FORMAT, taxonomy,
                                                json_array_get_int_element (ids, i));
      g_autoptr(JsonNode) term = cd_test_wp_rest ("admin", "GET", route, NULL, NULL);

      g_ptr_array_add (names, g_strdup (json_object_get_string_member (json_node_get_object (term),
                                                                       "name")));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

/* How many posts (any status) and media items carry @name. */
static guint
count (const char *route,
       const char *query)
{
  g_autoptr(JsonNode) node = cd_test_wp_rest ("admin", "GET", route, query, NULL);

  return json_array_get_length (json_node_get_array (node));
}

static guint
count_posts (const char *slug)
{
  g_autofree char *query = g_strdup_printf ("context=edit&status=any&slug=%s", slug);

  return count ("wp/v2/posts", query);
}

static guint
count_media (const char *name)
{
  g_autofree char *query = g_strdup_printf ("context=edit&search=%s", name);

  return count ("wp/v2/media", query);
}

static gint64
make_user (const char *login,
           const char *name,
           const char *email)
{
  g_autofree char *code = g_strdup_printf (
    "$id = username_exists( '%s' ); if ( ! $id ) { $id = wp_insert_user( array( "
    "'user_login' => '%s', 'user_email' => '%s', 'display_name' => '%s', "
    "'user_pass' => wp_generate_password(), 'role' => 'author' ) ); } "
    /* WordPress lists a user to accounts without list_users only once
     * they have a published post. */
    "if ( ! count_user_posts( $id ) ) { wp_insert_post( array( 'post_author' => $id, "
    "'post_status' => 'publish', 'post_title' => 'Earlier story' ) ); } echo $id;",
    login, login, email, name);
  g_autofree char *out = cd_test_wp_php (code);

  return g_ascii_strtoll (g_strstrip (out), NULL, 10);
}

static void
test_first_publish (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(CdArticle) before = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonNode) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *media_route = NULL;
  g_autofree char *page = NULL;
  g_autofree char *date_gmt = NULL;
  CdPublication *record;
  gboolean plugin = json_object_get_boolean_member (cd_test_wp_info (), "plugin");
  gint64 aisha = make_user ("aisha", "Aisha Rahman", "aisha.rahman@example.com");

  story_init (&story, "first");
  cd_article_add_author (story.article, cd_author_new ("Nobody Onsite"));
  before = cd_article_copy (story.article);

  result = publish ("admin", story.article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (result), ==, CD_PUBLISH_DONE);
  {
    g_autofree char *text = cd_wp_differences_to_text (cd_publish_result_get_differences (result));
    GPtrArray *warnings = cd_publish_result_get_warnings (result);

    g_test_message ("differences: %s", text);
    for (guint i = 0; i < warnings->len; i++)
      g_test_message ("warning: %s", (char *) g_ptr_array_index (warnings, i));
    /* WordPress kept every field of the full article. */
    g_assert_cmpuint (cd_publish_result_get_differences (result)->len, ==, 0);
  }
  /* The publisher never changes the article: the caller stores the record. */
  g_assert_true (cd_article_equal (story.article, before));

  record = cd_publish_result_get_publication (result);
  g_assert_nonnull (record);
  g_assert_cmpint (cd_publication_get_post_id (record), ==, cd_publish_result_get_post_id (result));
  g_assert_cmpint (cd_publication_get_post_id (record), >, 0);
  g_assert_cmpstr (cd_publication_get_status (record), ==, "publish");
  g_assert_cmpstr (cd_publication_get_slug (record), ==, story.name);
  g_assert_cmpint (cd_publication_get_media_id (record), >, 0);
  g_assert_cmpstr (cd_publication_get_media_source (record), ==,
                   cd_image_get_source (cd_article_get_image (story.article)));
  g_assert_nonnull (cd_publication_get_pushed (record));

  post = get_post (cd_publication_get_post_id (record));
  g_assert_cmpstr (cd_publication_get_modified_gmt (record), ==,
                   json_object_get_string_member (post, "modified_gmt"));
  g_assert_cmpstr (cd_publication_get_link (record), ==, json_object_get_string_member (post, "link"));
  g_assert_cmpstr (cd_publish_result_get_link (result), ==, json_object_get_string_member (post, "link"));
  g_assert_cmpstr (raw (post, "title"), ==, cd_article_get_headline (story.article));
  g_assert_nonnull (strstr (raw (post, "excerpt"), "Grade II-listed building"));
  g_assert_nonnull (strstr (raw (post, "content"), "<!-- wp:paragraph -->"));
  g_assert_nonnull (strstr (raw (post, "content"), "eight months of repairs"));
  g_assert_nonnull (strstr (raw (post, "content"), "<!-- wp:heading"));
  g_assert_nonnull (strstr (raw (post, "content"), "<!-- wp:list"));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (post, "slug"), ==, story.name);
  g_assert_cmpstr (json_object_get_string_member (post, "comment_status"), ==, "open");
  date_gmt = cd_wp_post_date_gmt (story.article);
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, date_gmt);
  g_assert_cmpint (json_object_get_int_member (post, "author"), ==, aisha);
  tags = term_names (post, "tags");
  g_assert_cmpstr (tags, ==, "Libraries|library and museum");
  categories = term_names (post, "categories");
  g_assert_cmpstr (categories, ==, "Culture");
  g_assert_true (has_warning (result, "Nobody Onsite"));

  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==,
                   cd_publication_get_media_id (record));
  media_route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT, cd_publication_get_media_id (record));
  media = cd_test_wp_rest ("admin", "GET", media_route, "context=edit", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (media), "alt_text"), ==,
                   cd_image_get_alt (cd_article_get_image (story.article)));
  g_assert_nonnull (strstr (raw (json_node_get_object (media), "caption"), "has a new glass roof"));
  g_assert_nonnull (strstr (raw (json_node_get_object (media), "caption"), "Owen Clarke"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (media), "mime_type"), ==,
                   "image/jpeg");

  if (plugin)
    {
      JsonObject *meta = json_object_get_object_member (post, "meta");
      const char *jsonld = json_object_get_string_member (meta, "copydesk_jsonld");
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *ld;

      g_assert_cmpstr (json_object_get_string_member (meta, "copydesk_id"), ==,
                       cd_article_get_id (story.article));
      json_parser_load_from_data (parser, jsonld, -1, &error);
      g_assert_no_error (error);
      ld = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (ld, "url"), ==, cd_publication_get_link (record));
      /* The image where WordPress serves it, not the author's file name. */
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ld, "image"), "url"),
                       ==, json_object_get_string_member (json_node_get_object (media), "source_url"));
    }

  /* The page readers see. */
  page = cd_test_wp_get_page (cd_publication_get_link (record));
  g_assert_nonnull (strstr (page, "Central library reopens"));
  g_assert_nonnull (strstr (page, "eight months of repairs"));
  g_assert_nonnull (strstr (page, "What has changed"));
  if (plugin)
    {
      g_assert_nonnull (strstr (page, "application/ld+json"));
      /* The co-author with no user on the site is in the visible byline. */
      g_assert_nonnull (strstr (page, "<p class=\"byline\">Aisha Rahman and Nobody Onsite</p>"));
    }
}

static void
test_update_after_edit (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) first = NULL;
  g_autoptr(CdPublishResult) second = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *tags_before = NULL;
  g_autofree char *tags_after = NULL;
  CdPublication *record;

  story_init (&story, "update");
  first = publish_and_keep ("admin", story.article);
  record = cd_publish_result_get_publication (first);
  before = get_post (cd_publication_get_post_id (record));

  cd_article_set_headline (story.article, "Central library reopens with a new glass roof");
  cd_article_set_slug (story.article, "a-slug-that-must-not-reach-the-site");
  cd_article_set_body (story.article, "Readers queued again on Thursday.\n");
  second = publish_and_keep ("admin", story.article);
  g_assert_cmpint (cd_publish_result_get_post_id (second), ==, cd_publication_get_post_id (record));

  after = get_post (cd_publish_result_get_post_id (second));
  g_assert_cmpstr (raw (after, "title"), ==, "Central library reopens with a new glass roof");
  g_assert_nonnull (strstr (raw (after, "content"), "Readers queued again on Thursday."));
  g_assert_cmpstr (json_object_get_string_member (after, "slug"), ==, story.name);
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "publish");
  tags_before = term_names (before, "tags");
  tags_after = term_names (after, "tags");
  g_assert_cmpstr (tags_after, ==, tags_before);
  g_assert_cmpint (json_object_get_int_member (after, "featured_media"), ==,
                   json_object_get_int_member (before, "featured_media"));
  g_assert_cmpuint (count_posts (story.name), ==, 1);
  g_assert_cmpuint (count_media (story.name), ==, 1);
}

/* An update that keeps the post's status never moves a live post: a live
 * post whose article now has a later publication time would go off the
 * site until then, and a scheduled post whose time has passed would go out
 * at once. Both are refused, nothing is sent; choosing a status does it. */
static void
test_update_keeps_live_post (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) first = NULL;
  g_autoptr(CdPublishResult) refused = NULL;
  g_autoptr(CdPublishResult) rescheduled = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -1);
  CdPublishOptions keep = { .article_dir = image_dir };
  CdPublishOptions schedule = { .status = "future", .article_dir = image_dir };
  gint64 post_id;

  story_init (&story, "live");
  first = publish_and_keep ("admin", story.article);
  post_id = cd_publish_result_get_post_id (first);
  g_assert_cmpstr (cd_publish_result_get_status (first), ==, "publish");

  cd_article_set_embargo (story.article, NULL);
  cd_article_set_published (story.article, tomorrow);
  cd_article_set_headline (story.article, "A headline that must not reach the site");
  refused = publish ("admin", story.article, &keep, &error);
  g_assert_null (refused);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE);
  g_assert_nonnull (strstr (error->message, "off the site"));
  post = get_post (post_id);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_assert_cmpstr (raw (post, "title"), !=, "A headline that must not reach the site");
  g_clear_pointer (&post, json_object_unref);
  g_clear_error (&error);

  /* Rescheduling on purpose works, and then the scheduled post is not
   * published early by an update whose time has passed. */
  rescheduled = publish ("admin", story.article, &schedule, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_publish_result_get_status (rescheduled), ==, "future");
  cd_article_set_publication (story.article, cd_publish_result_get_publication (rescheduled));

  cd_article_set_published (story.article, past);
  g_clear_object (&refused);
  refused = publish ("admin", story.article, &keep, &error);
  g_assert_null (refused);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE);
  g_assert_nonnull (strstr (error->message, "at once"));
  post = get_post (post_id);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
}

/* A lead image that is a web address stays where it is: no upload, and
 * the result says the post has no featured image. The embargo is over, so
 * the post is published. */
static void
test_remote_image (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CD_SOURCE_ROOT"), "tests", "articles",
                                            "remote-image.copydesk", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strdup_printf ("urn:uuid:%s", uuid);
  g_autofree char *slug = g_strdup_printf ("remote-image-%s", uuid);
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  article = cd_article_load_from_data (contents, length, "remote-image.copydesk", &error);
  g_assert_no_error (error);
  cd_article_set_id (article, id);
  cd_article_set_slug (article, slug);

  result = publish ("admin", article, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (result, "https://images.example.com/2026/06/cycle-lane-plan.jpg"));
  g_assert_cmpint (cd_publication_get_media_id (cd_publish_result_get_publication (result)), ==, 0);
  post = get_post (cd_publish_result_get_post_id (result));
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
}

/* Changing a live post's slug is explicit, and the result names the old
 * address, which WordPress sends on to the new one. */
static void
test_change_slug (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) first = NULL;
  g_autoptr(CdPublishResult) second = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_link = NULL;
  g_autofree char *new_slug = NULL;
  g_autofree char *page = NULL;
  CdPublishOptions options = { .change_slug = TRUE, .article_dir = image_dir };

  story_init (&story, "slug");
  first = publish_and_keep ("admin", story.article);
  old_link = g_strdup (cd_publish_result_get_link (first));
  new_slug = g_strconcat (story.name, "-renamed", NULL);
  cd_article_set_slug (story.article, new_slug);
  second = publish ("admin", story.article, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_post_id (second), ==, cd_publish_result_get_post_id (first));
  post = get_post (cd_publish_result_get_post_id (second));
  g_assert_cmpstr (json_object_get_string_member (post, "slug"), ==, new_slug);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_assert_true (has_warning (second, old_link));
  page = cd_test_wp_get_page (old_link);
  g_assert_nonnull (strstr (page, "eight months of repairs"));
}

/* The first answer was lost (a timeout): the article has no record, and a
 * second publish finds the post instead of making another. */
static void
test_retry_after_timeout (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) first = NULL;
  g_autoptr(CdPublishResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = cd_test_wp_site ("admin");

  story_init (&story, "retry");
  first = publish ("admin", story.article, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cd_article_lookup_publication (story.article, cd_wp_site_get_url (site)));

  second = publish ("admin", story.article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (second), ==, CD_PUBLISH_DONE);
  g_assert_cmpint (cd_publish_result_get_post_id (second), ==, cd_publish_result_get_post_id (first));
  g_assert_cmpint (cd_publication_get_media_id (cd_publish_result_get_publication (second)), ==,
                   cd_publication_get_media_id (cd_publish_result_get_publication (first)));
  g_assert_cmpuint (count_posts (story.name), ==, 1);
  g_assert_cmpuint (count_media (story.name), ==, 1);
}

static CdWpDifference *
find_change (CdPublishResult *result,
             const char      *field)
{
  GPtrArray *changes = cd_publish_result_get_site_changes (result);

  for (guint i = 0; i < changes->len; i++)
    if (g_strcmp0 (((CdWpDifference *) g_ptr_array_index (changes, i))->field, field) == 0)
      return g_ptr_array_index (changes, i);
  return NULL;
}

static void
test_conflict (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) first = NULL;
  g_autoptr(CdPublishResult) conflict = NULL;
  g_autoptr(CdPublishResult) overwritten = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *route = NULL;
  CdPublishOptions overwrite = { .overwrite = TRUE, .article_dir = image_dir };
  CdWpDifference *title;
  gint64 id;

  story_init (&story, "conflict");
  first = publish_and_keep ("admin", story.article);
  id = cd_publish_result_get_post_id (first);

  /* A colleague edits the title on the site. WordPress keeps modified_gmt
   * to the second: wait for the next one so that the edit shows. */
  g_usleep (1100 * 1000);
  route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, id);
  json_parser_load_from_data (parser, "{\"title\":\"Library reopens: the desk's version\"}", -1, NULL);
  edited = cd_test_wp_rest ("admin", "POST", route, NULL, json_parser_get_root (parser));

  cd_article_set_body (story.article, "Our newer body.\n");
  conflict = publish ("admin", story.article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (conflict), ==, CD_PUBLISH_CONFLICT);
  title = find_change (conflict, "title");
  g_assert_nonnull (title);
  /* What was pushed against what the site has now. */
  g_assert_cmpstr (title->before, ==, cd_article_get_headline (story.article));
  g_assert_cmpstr (title->after, ==, "Library reopens: the desk's version");
  g_assert_null (find_change (conflict, "content"));
  g_assert_null (cd_publish_result_get_publication (conflict));
  g_assert_cmpstr (raw (cd_publish_result_get_site_post (conflict), "title"), ==,
                   "Library reopens: the desk's version");
  /* Nothing was sent. */
  post = get_post (id);
  g_assert_cmpstr (raw (post, "title"), ==, "Library reopens: the desk's version");
  g_assert_null (strstr (raw (post, "content"), "Our newer body."));

  overwritten = publish ("admin", story.article, &overwrite, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (overwritten), ==, CD_PUBLISH_DONE);
  g_assert_cmpint (cd_publish_result_get_post_id (overwritten), ==, id);
  after = get_post (id);
  g_assert_cmpstr (raw (after, "title"), ==, cd_article_get_headline (story.article));
  g_assert_nonnull (strstr (raw (after, "content"), "Our newer body."));
}

/* An edit on the site in the same second as the push leaves modified_gmt
 * as it was, since WordPress keeps it to the second. Made deterministic
 * here by putting the old modified times back after the edit. */
static void
test_conflict_same_second (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) first = NULL;
  g_autoptr(CdPublishResult) conflict = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *out = NULL;
  CdWpDifference *title;
  gint64 id;

  story_init (&story, "same-second");
  first = publish_and_keep ("admin", story.article);
  id = cd_publish_result_get_post_id (first);
  before = get_post (id);

  code = g_strdup_printf (
    "global $wpdb; $id = %" G_GINT64_FORMAT "; $p = get_post( $id ); "
    "$m = $p->post_modified; $g = $p->post_modified_gmt; "
    "wp_update_post( array( 'ID' => $id, 'post_title' => 'Edited in the same second' ) ); "
    "$wpdb->update( $wpdb->posts, array( 'post_modified' => $m, 'post_modified_gmt' => $g ), "
    "array( 'ID' => $id ) ); clean_post_cache( $id ); echo 'ok';",
    id);
  out = cd_test_wp_php (code);
  g_assert_nonnull (strstr (out, "ok"));

  /* The edit is there and modified_gmt says nothing of it. */
  post = get_post (id);
  g_assert_cmpstr (raw (post, "title"), ==, "Edited in the same second");
  g_assert_cmpstr (json_object_get_string_member (post, "modified_gmt"), ==,
                   json_object_get_string_member (before, "modified_gmt"));
  g_assert_cmpstr (json_object_get_string_member (post, "modified_gmt"), ==,
                   cd_publication_get_modified_gmt (cd_publish_result_get_publication (first)));

  cd_article_set_body (story.article, "Our newer body.\n");
  conflict = publish ("admin", story.article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (conflict), ==, CD_PUBLISH_CONFLICT);
  title = find_change (conflict, "title");
  g_assert_nonnull (title);
  /* What was pushed, from the push's revision, not the edit's of the same second. */
  g_assert_cmpstr (title->before, ==, cd_article_get_headline (story.article));
  g_assert_cmpstr (title->after, ==, "Edited in the same second");
  g_assert_null (cd_publish_result_get_publication (conflict));

  /* Nothing was sent. */
  g_clear_pointer (&post, json_object_unref);
  post = get_post (id);
  g_assert_cmpstr (raw (post, "title"), ==, "Edited in the same second");
  g_assert_null (strstr (raw (post, "content"), "Our newer body."));
}

static void
test_schedule_future (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *date_gmt = NULL;
  CdPublishOptions options = { .status = "publish", .article_dir = image_dir };

  story_init (&story, "future");
  cd_article_set_embargo (story.article, NULL);
  cd_article_set_published (story.article, tomorrow);
  result = publish ("admin", story.article, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_publish_result_get_status (result), ==, "future");
  post = get_post (cd_publish_result_get_post_id (result));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
  date_gmt = cd_wp_post_date_gmt (story.article);
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, date_gmt);
  g_assert_nonnull (cd_publish_result_get_date (result));
}

static void
test_schedule_too_soon (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(CdArticle) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 60);
  CdPublishOptions options = { .status = "publish", .article_dir = image_dir };

  story_init (&story, "soon");
  cd_article_set_embargo (story.article, NULL);
  cd_article_set_published (story.article, soon);
  before = cd_article_copy (story.article);
  result = publish ("admin", story.article, &options, &error);
  g_assert_null (result);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE);
  g_assert_nonnull (strstr (error->message, "two minutes"));
  g_assert_nonnull (strstr (error->message, "Test Site"));
  g_assert_true (cd_article_equal (story.article, before));
  g_assert_cmpuint (count_posts (story.name), ==, 0);
  g_assert_cmpuint (count_media (story.name), ==, 0);
}

/* Published an hour ago but under embargo until tomorrow: the post waits
 * for the embargo on the site, it never goes out early. */
static void
test_embargo_holds (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) embargo_utc = NULL;
  g_autofree char *embargo_gmt = NULL;
  CdPublishOptions options = { .status = "publish", .article_dir = image_dir };

  story_init (&story, "embargo");
  cd_article_set_embargo (story.article, tomorrow);
  cd_article_set_published (story.article, earlier);
  result = publish ("admin", story.article, &options, &error);
  g_assert_no_error (error);
  post = get_post (cd_publish_result_get_post_id (result));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
  /* Not before the embargo (WordPress keeps whole seconds). */
  embargo_utc = g_date_time_add_seconds (tomorrow, -1);
  embargo_gmt = g_date_time_format (embargo_utc, "%Y-%m-%dT%H:%M:%S");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), >, embargo_gmt);
}

/* An embargo that ends in a minute: WordPress would publish at once. */
static void
test_embargo_too_soon (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 60);

  story_init (&story, "embargo-soon");
  cd_article_set_embargo (story.article, soon);
  cd_article_set_published (story.article, NULL);
  result = publish ("admin", story.article, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE);
  g_assert_nonnull (strstr (error->message, "embargo"));
  g_assert_cmpuint (count_posts (story.name), ==, 0);
}

/* An Author may not create categories: the post goes out without the new
 * section, and the result says so. */
static void
test_author_account (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *section = NULL;

  make_user ("aisha", "Aisha Rahman", "aisha.rahman@example.com");
  story_init (&story, "author");
  section = g_strdup_printf ("Section %s", story.name);
  cd_article_set_section (story.article, section);
  result = publish ("author", story.article, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cd_publish_result_get_warnings (result)->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (cd_publish_result_get_warnings (result), i));
  g_assert_cmpint (cd_publish_result_get_outcome (result), ==, CD_PUBLISH_DONE);
  g_assert_true (has_warning (result, section));
  /* Aisha Rahman has a user, found without
   * list_users, but an Author may not give her the post. */
  g_assert_true (has_warning (result, "may not make Aisha Rahman"));
  post = get_post (cd_publish_result_get_post_id (result));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_assert_cmpint (json_object_get_int_member (post, "author"), ==, cd_test_wp_account_id ("author"));
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), >, 0);
}

static void
test_wrong_password (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = NULL;
  g_autoptr(CdPublisher) publisher = NULL;
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(CdArticle) before = NULL;

  story_init (&story, "password");
  before = cd_article_copy (story.article);
  site = cd_wp_site_new ("Test Site", json_object_get_string_member (cd_test_wp_info (), "url"),
                         "admin", "wrong wrong wrong wrong", &error);
  g_assert_no_error (error);
  publisher = cd_publisher_new (site);
  result = publish_with (publisher, story.article, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "application password for Test Site is wrong"));
  g_assert_true (cd_article_equal (story.article, before));
}

static void
on_stage (CdPublisher *publisher,
          GParamSpec  *pspec,
          gpointer     user_data)
{
  gboolean *stopped = user_data;

  if (!*stopped && g_strcmp0 (cd_publisher_get_stage (publisher), "Uploading the lead image…") == 0)
    {
      cd_test_wp_stop_web ();
      *stopped = TRUE;
    }
}

/* The web server stops while the image goes up: the publish fails as
 * offline, nothing in the article changes, and once the site is back a
 * publish makes one post, not two. */
static void
test_stopped_mid_upload (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = cd_test_wp_site ("admin");
  g_autoptr(CdPublisher) publisher = cd_publisher_new (site);
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(CdPublishResult) again = NULL;
  g_autoptr(CdArticle) before = NULL;
  gboolean stopped = FALSE;
  gulong handler;

  story_init (&story, "stopped");
  before = cd_article_copy (story.article);
  handler = g_signal_connect (publisher, "notify::stage", G_CALLBACK (on_stage), &stopped);
  result = publish_with (publisher, story.article, NULL, &error);
  g_signal_handler_disconnect (publisher, handler);
  if (!stopped)
    cd_test_wp_stop_web ();
  cd_test_wp_start_web ();
  g_assert_true (stopped);
  g_assert_null (result);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "Test Site"));
  g_assert_true (cd_article_equal (story.article, before));

  g_clear_error (&error);
  again = publish_with (publisher, story.article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_posts (story.name), ==, 1);
}

static void
test_cancelled (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdWpSite) site = cd_test_wp_site ("admin");
  g_autoptr(CdPublisher) publisher = cd_publisher_new (site);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CdArticle) before = NULL;
  CdPublishOptions options = { .article_dir = image_dir };
  Outcome outcome = { NULL, NULL, FALSE };

  story_init (&story, "cancelled");
  before = cd_article_copy (story.article);
  cd_publisher_publish_async (publisher, story.article, &options, cancellable,
                              on_published, &outcome);
  g_cancellable_cancel (cancellable);
  cd_test_wait (&outcome.done);
  g_assert_null (outcome.result);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);
  g_assert_true (cd_article_equal (story.article, before));
  g_assert_cmpuint (count_posts (story.name), ==, 0);
}

static void
on_fraction (CdPublisher *publisher,
             GParamSpec  *pspec,
             gpointer     user_data)
{
  gboolean *seen_upload = user_data;
  double fraction = cd_publisher_get_fraction (publisher);

  if (g_strcmp0 (cd_publisher_get_stage (publisher), "Uploading the lead image…") == 0
      && fraction > 0.3 && fraction <= 0.75)
    *seen_upload = TRUE;
}

/* The stage and fraction follow the publish, the upload's bytes too. */
static void
test_progress (void)
{
  gboolean seen_upload = FALSE;
  g_auto(Story) story = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = cd_test_wp_site ("admin");
  g_autoptr(CdPublisher) publisher = cd_publisher_new (site);
  g_autoptr(CdPublishResult) result = NULL;

  story_init (&story, "progress");
  g_signal_connect (publisher, "notify::fraction", G_CALLBACK (on_fraction), &seen_upload);
  result = publish_with (publisher, story.article, NULL, &error);
  g_assert_no_error (error);
  /* The last notification arrives in this thread after the callback's
   * idle at the latest: run what is pending. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpfloat (cd_publisher_get_fraction (publisher), ==, 1.0);
  g_assert_true (seen_upload);
  g_assert_nonnull (cd_publisher_get_stage (publisher));
}

/* A copy of the sample JPEG next to the story's, named @name, as the
 * story's lead image now. */
static void
story_set_image (Story      *story,
                 const char *name)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CD_SOURCE_ROOT"), "data", "sample",
                                              "harbour-ferry.jpg", NULL);
  g_autofree char *path = g_build_filename (image_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
  cd_image_set_source (cd_article_get_image (story->article), name);
}

static JsonObject *
get_media (gint64 id)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) node = cd_test_wp_rest ("admin", "GET", route, "context=edit", NULL);

  return json_object_ref (json_node_get_object (node));
}

static void
edit_post (gint64      id,
           const char *member,
           const char *value)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) edited = NULL;

  json_object_set_string_member (body, member, value);
  node = json_node_init_object (json_node_alloc (), body);
  edited = cd_test_wp_rest ("admin", "POST", route, NULL, node);
}

/* Makes the site refuse, with an error, the creation (@what "create") or
 * any update (@what "update") of the post with slug @slug, or (@what
 * "slow") take three seconds over each update of it; "" refuses nothing.
 * A must-use plugin of the tests reads the options. */
static void
refuse_on_site (const char *what,
                const char *slug)
{
  static const char plugin[] =
    "<?php\n"
    "add_filter( 'rest_pre_insert_post', function ( $post, $request ) {\n"
    "  $update = isset( $request['id'] );\n"
    "  $slug = $update ? get_post( $request['id'] )->post_name : $request['slug'];\n"
    "  $slow = get_option( 'copydesk_test_fail_slow' );\n"
    "  if ( $update && $slow && $slug === $slow ) {\n"
    "    sleep( 3 );\n"
    "  }\n"
    "  $fail = get_option( $update ? 'copydesk_test_fail_update' : 'copydesk_test_fail_create' );\n"
    "  if ( $fail && $slug === $fail ) {\n"
    "    return new WP_Error( 'copydesk_test', 'Refused by the test', array( 'status' => 500 ) );\n"
    "  }\n"
    "  return $post;\n"
    "}, 10, 2 );\n";
  g_autofree char *encoded = g_base64_encode ((const guchar *) plugin, strlen (plugin));
  g_autofree char *code = g_strdup_printf (
    "wp_mkdir_p( WPMU_PLUGIN_DIR ); "
    "file_put_contents( WPMU_PLUGIN_DIR . '/copydesk-test-refuse.php', base64_decode( '%s' ) ); "
    "update_option( 'copydesk_test_fail_%s', '%s' ); echo 'ok';",
    encoded, what, slug);
  g_autofree char *out = cd_test_wp_php (code);

  g_assert_nonnull (strstr (out, "ok"));
}

/* A new lead image, new alt text and no image at all each reach the live
 * post on an update, and the record says what is there. */
static void
test_lead_image_changes (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) first = NULL;
  g_autoptr(CdPublishResult) second = NULL;
  g_autoptr(CdPublishResult) third = NULL;
  g_autoptr(CdPublishResult) fourth = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonObject) media = NULL;
  g_autofree char *new_name = NULL;
  CdImage *image;
  CdPublication *record;
  gint64 old_media;
  gint64 new_media;

  story_init (&story, "image-change");
  first = publish_and_keep ("admin", story.article);
  old_media = cd_publication_get_media_id (cd_publish_result_get_publication (first));
  g_assert_cmpint (old_media, >, 0);

  new_name = g_strconcat (story.name, "-new.jpg", NULL);
  story_set_image (&story, new_name);
  image = cd_article_get_image (story.article);
  cd_image_set_alt (image, "The new reading room");
  second = publish_and_keep ("admin", story.article);
  post = get_post (cd_publish_result_get_post_id (second));
  new_media = json_object_get_int_member (post, "featured_media");
  g_assert_cmpint (new_media, >, 0);
  g_assert_cmpint (new_media, !=, old_media);
  record = cd_publish_result_get_publication (second);
  g_assert_cmpint (cd_publication_get_media_id (record), ==, new_media);
  g_assert_cmpstr (cd_publication_get_media_source (record), ==, new_name);
  media = get_media (new_media);
  g_assert_cmpstr (json_object_get_string_member (media, "alt_text"), ==, "The new reading room");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (media, "source_url"), "-new.jpg"));

  /* Only the alt text changes: the same media item, its new alt text. */
  cd_image_set_alt (image, "The reading room at night");
  third = publish_and_keep ("admin", story.article);
  g_clear_pointer (&post, json_object_unref);
  post = get_post (cd_publish_result_get_post_id (third));
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==, new_media);
  g_clear_pointer (&media, json_object_unref);
  media = get_media (new_media);
  g_assert_cmpstr (json_object_get_string_member (media, "alt_text"), ==, "The reading room at night");

  /* No image: the post drops its featured image. */
  cd_image_clear (image);
  fourth = publish_and_keep ("admin", story.article);
  g_clear_pointer (&post, json_object_unref);
  post = get_post (cd_publish_result_get_post_id (fourth));
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==, 0);
  g_assert_cmpint (cd_publication_get_media_id (cd_publish_result_get_publication (fourth)), ==, 0);
}

/* The post was made but the request after it failed: the result still
 * has the post's record, with a warning, and the next publish updates that
 * post. */
static void
test_followup_fails (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(CdPublishResult) again = NULL;
  g_autoptr(GError) error = NULL;
  CdPublication *record;

  story_init (&story, "followup");
  refuse_on_site ("update", story.name);
  result = publish ("admin", story.article, NULL, &error);
  refuse_on_site ("update", "");
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (cd_publish_result_get_outcome (result), ==, CD_PUBLISH_DONE);
  record = cd_publish_result_get_publication (result);
  g_assert_nonnull (record);
  g_assert_cmpint (cd_publication_get_post_id (record), >, 0);
  g_assert_cmpint (cd_publish_result_get_post_id (result), ==, cd_publication_get_post_id (record));
  g_assert_cmpuint (cd_publish_result_get_warnings (result)->len, >, 0);
  g_assert_cmpuint (count_posts (story.name), ==, 1);

  cd_article_set_publication (story.article, record);
  cd_article_set_body (story.article, "Readers queued again on Thursday.\n");
  again = publish_and_keep ("admin", story.article);
  g_assert_cmpint (cd_publish_result_get_post_id (again), ==, cd_publication_get_post_id (record));
  g_assert_cmpuint (count_posts (story.name), ==, 1);
}

/* A cancel that comes after the post was made is too late to take it
 * back: the publish goes on and returns the post's record. */
static void
test_cancel_after_create (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdWpSite) site = cd_test_wp_site ("admin");
  g_autoptr(CdPublisher) publisher = cd_publisher_new (site);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CdPublishResult) result = NULL;
  CdPublishOptions options = { .article_dir = image_dir };
  Outcome outcome = { NULL, NULL, FALSE };
  gint64 end;

  story_init (&story, "cancel-late");
  /* The request after the create takes three seconds: the cancel below
   * lands in it. */
  refuse_on_site ("slow", story.name);
  cd_publisher_publish_async (publisher, story.article, &options, cancellable,
                              on_published, &outcome);
  end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (!outcome.done && count_posts (story.name) == 0 && g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (50 * 1000);
    }
  g_assert_cmpuint (count_posts (story.name), ==, 1);
  g_cancellable_cancel (cancellable);
  cd_test_wait (&outcome.done);
  refuse_on_site ("slow", "");
  g_assert_no_error (outcome.error);
  result = outcome.result;
  g_assert_nonnull (result);
  g_assert_cmpint (cd_publish_result_get_outcome (result), ==, CD_PUBLISH_DONE);
  g_assert_nonnull (cd_publish_result_get_publication (result));
  g_assert_cmpint (cd_publication_get_post_id (cd_publish_result_get_publication (result)), >, 0);
  g_assert_cmpuint (count_posts (story.name), ==, 1);
}

/* The answer of a first publish was lost, and someone edited the post on
 * the site since: the retry does not overwrite the edit unasked. */
static void
test_earlier_push_edited (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) first = NULL;
  g_autoptr(CdPublishResult) conflict = NULL;
  g_autoptr(CdPublishResult) overwritten = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GError) error = NULL;
  CdPublishOptions overwrite = { .overwrite = TRUE, .article_dir = image_dir };
  CdWpDifference *body;
  gint64 id;

  story_init (&story, "earlier-edited");
  first = publish ("admin", story.article, NULL, &error);
  g_assert_no_error (error);
  id = cd_publish_result_get_post_id (first);
  g_usleep (1100 * 1000);
  /* The body: without the plugin, the earlier post is found by its slug
   * and title. */
  edit_post (id, "content", "<!-- wp:paragraph -->\n<p>The desk rewrote this.</p>\n<!-- /wp:paragraph -->");

  conflict = publish ("admin", story.article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (conflict), ==, CD_PUBLISH_CONFLICT);
  g_assert_true (has_warning (conflict, "earlier publish"));
  body = find_change (conflict, "content");
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body->after, "The desk rewrote this."));
  g_assert_cmpint (cd_publish_result_get_post_id (conflict), ==, id);
  post = get_post (id);
  g_assert_nonnull (strstr (raw (post, "content"), "The desk rewrote this."));

  overwritten = publish ("admin", story.article, &overwrite, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (overwritten), ==, CD_PUBLISH_DONE);
  g_assert_cmpint (cd_publish_result_get_post_id (overwritten), ==, id);
  after = get_post (id);
  g_assert_null (strstr (raw (after, "content"), "The desk rewrote this."));
  g_assert_cmpuint (count_posts (story.name), ==, 1);
}

/* The first attempt failed after the lead image went up: the retry uses
 * that upload instead of making a second. */
static void
test_retry_reuses_upload (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) failed = NULL;
  g_autoptr(CdPublishResult) again = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;

  story_init (&story, "upload-retry");
  refuse_on_site ("create", story.name);
  failed = publish ("admin", story.article, NULL, &error);
  refuse_on_site ("create", "");
  g_assert_null (failed);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_posts (story.name), ==, 0);
  g_assert_cmpuint (count_media (story.name), ==, 1);

  again = publish ("admin", story.article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (again), ==, CD_PUBLISH_DONE);
  g_assert_cmpuint (count_media (story.name), ==, 1);
  post = get_post (cd_publish_result_get_post_id (again));
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), >, 0);
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==,
                   cd_publication_get_media_id (cd_publish_result_get_publication (again)));
}

/* "Replace with mine" after a conflict replaces what the user saw: an
 * edit made on the site after that is a new conflict. */
static void
test_overwrite_checks_again (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) first = NULL;
  g_autoptr(CdPublishResult) conflict = NULL;
  g_autoptr(CdPublishResult) second_conflict = NULL;
  g_autoptr(CdPublishResult) overwritten = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GError) error = NULL;
  CdPublishOptions options = { .overwrite = TRUE, .article_dir = image_dir };
  gint64 id;

  story_init (&story, "overwrite-check");
  first = publish_and_keep ("admin", story.article);
  id = cd_publish_result_get_post_id (first);
  g_usleep (1100 * 1000);
  edit_post (id, "title", "The desk's first version");

  cd_article_set_body (story.article, "Our newer body.\n");
  conflict = publish ("admin", story.article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (conflict), ==, CD_PUBLISH_CONFLICT);
  g_assert_nonnull (cd_publish_result_get_site_modified_gmt (conflict));
  g_assert_nonnull (cd_publish_result_get_site_fingerprint (conflict));

  /* Another edit while the user reads the conflict. */
  g_usleep (1100 * 1000);
  edit_post (id, "title", "The desk's second version");
  options.expected_modified_gmt = cd_publish_result_get_site_modified_gmt (conflict);
  options.expected_fingerprint = cd_publish_result_get_site_fingerprint (conflict);
  second_conflict = publish ("admin", story.article, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (second_conflict), ==, CD_PUBLISH_CONFLICT);
  post = get_post (id);
  g_assert_cmpstr (raw (post, "title"), ==, "The desk's second version");
  g_assert_null (strstr (raw (post, "content"), "Our newer body."));

  /* Replacing what the site has now goes through. */
  options.expected_modified_gmt = cd_publish_result_get_site_modified_gmt (second_conflict);
  options.expected_fingerprint = cd_publish_result_get_site_fingerprint (second_conflict);
  overwritten = publish ("admin", story.article, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (overwritten), ==, CD_PUBLISH_DONE);
  after = get_post (id);
  g_assert_cmpstr (raw (after, "title"), ==, cd_article_get_headline (story.article));
  g_assert_nonnull (strstr (raw (after, "content"), "Our newer body."));
}

/* "Scheduled" for a time that has passed: WordPress publishes at once,
 * and the result says so. */
static void
test_future_passed (void)
{
  g_auto(Story) story = { 0 };
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (now, -1);
  CdPublishOptions options = { .status = "future", .article_dir = image_dir };

  story_init (&story, "future-passed");
  cd_article_set_embargo (story.article, NULL);
  cd_article_set_published (story.article, earlier);
  result = publish ("admin", story.article, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_publish_result_get_outcome (result), ==, CD_PUBLISH_DONE);
  g_assert_cmpstr (cd_publish_result_get_status (result), ==, "publish");
  g_assert_true (has_warning (result, "its time had passed"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (cd_test_wp_info () == NULL)
    {
      g_print ("1..0 # SKIP needs COPYDESK_TEST_WP_INFO (run under tests/wordpress/wpsite.py run)\n");
      return 77;
    }
  image_dir = g_dir_make_tmp ("copydesk-publish-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/publisher/first-publish", test_first_publish);
  g_test_add_func ("/publisher/update-after-edit", test_update_after_edit);
  g_test_add_func ("/publisher/update-keeps-live-post", test_update_keeps_live_post);
  g_test_add_func ("/publisher/remote-image", test_remote_image);
  g_test_add_func ("/publisher/change-slug", test_change_slug);
  g_test_add_func ("/publisher/retry-after-timeout", test_retry_after_timeout);
  g_test_add_func ("/publisher/conflict", test_conflict);
  g_test_add_func ("/publisher/conflict-same-second", test_conflict_same_second);
  g_test_add_func ("/publisher/schedule-future", test_schedule_future);
  g_test_add_func ("/publisher/schedule-too-soon", test_schedule_too_soon);
  g_test_add_func ("/publisher/embargo-holds", test_embargo_holds);
  g_test_add_func ("/publisher/embargo-too-soon", test_embargo_too_soon);
  g_test_add_func ("/publisher/author-account", test_author_account);
  g_test_add_func ("/publisher/wrong-password", test_wrong_password);
  g_test_add_func ("/publisher/stopped-mid-upload", test_stopped_mid_upload);
  g_test_add_func ("/publisher/cancelled", test_cancelled);
  g_test_add_func ("/publisher/progress", test_progress);
  g_test_add_func ("/publisher/lead-image-changes", test_lead_image_changes);
  g_test_add_func ("/publisher/followup-fails", test_followup_fails);
  g_test_add_func ("/publisher/cancel-after-create", test_cancel_after_create);
  g_test_add_func ("/publisher/earlier-push-edited", test_earlier_push_edited);
  g_test_add_func ("/publisher/retry-reuses-upload", test_retry_reuses_upload);
  g_test_add_func ("/publisher/overwrite-checks-again", test_overwrite_checks_again);
  g_test_add_func ("/publisher/future-passed", test_future_passed);
  status = g_test_run ();

  {
    g_autoptr(GFile) folder = g_file_new_for_path (image_dir);
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFileInfo *info;

    while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));

        g_file_delete (child, NULL, NULL);
        g_object_unref (info);
      }
    g_file_delete (folder, NULL, NULL);
  }
  return status;
}
