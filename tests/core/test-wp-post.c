/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The post Copydesk sends to WordPress, the comparison with what the site
 * kept, the changes made on the site since a push, and a post opened as an
 * article. The answers of the site are written after WordPress 6.1's REST
 * schema for posts in context=edit (title, content and excerpt as
 * {"raw", "rendered"}, dates in UTC without an offset, unregistered meta
 * keys absent). */

#include "config.h"

#include <string.h>

#include "copydesk-core.h"
#include "cd-test-util.h"

static char *source_root;

static CdArticle *
make_article (void)
{
  CdArticle *article = cd_article_new ();
  g_autoptr(CdAuthor) author = cd_author_new ("Kwame Osei");
  g_autoptr(GDateTime) published = g_date_time_new_from_iso8601 ("2026-11-27T09:30:00+01:00", NULL);

  cd_article_set_id (article, "urn:uuid:5b0c2a8e-7d14-4c3f-9e61-2f8a4b7c9d01");
  cd_article_set_headline (article, "Night ferry timetable cut to two sailings");
  cd_article_set_standfirst (article, "The operator blames crew shortages.");
  cd_article_set_body (article, "The operator will run two night sailings.\n\n"
                                "\"We cannot staff the late boats,\" it said [sic].");
  cd_article_set_slug (article, "night-ferry-timetable-cut");
  cd_article_set_dateline (article, "Portmere");
  cd_article_set_language (article, "en-GB");
  cd_article_set_editor_note (article, "LEGAL: check the fares with the desk");
  cd_article_set_status (article, CD_ARTICLE_STATUS_APPROVED);
  cd_article_set_published (article, published);
  cd_article_set_comments (article, FALSE);
  cd_article_add_author (article, author);
  return article;
}

static char *
to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static GList *
sorted_members (JsonObject *object)
{
  return g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);
}

static void
assert_members (JsonObject *object,
                const char *expected)
{
  g_autoptr(GList) members = sorted_members (object);
  g_autoptr(GString) names = g_string_new (NULL);

  for (const GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", (const char *) l->data);
  g_assert_cmpstr (names->str, ==, expected);
}

static void
test_build_new (void)
{
  g_autoptr(CdArticle) article = make_article ();
  static const gint64 tags[] = { 12, 31 };
  static const gint64 categories[] = { 4 };
  CdWpPostOptions options = {
    .tag_ids = tags,
    .n_tag_ids = G_N_ELEMENTS (tags),
    .category_ids = categories,
    .n_category_ids = G_N_ELEMENTS (categories),
    .author_id = 3,
    .featured_media = 977,
    .jsonld = "{\"@type\":\"NewsArticle\"}",
    .send_meta = TRUE,
  };
  g_autoptr(JsonObject) post = cd_wp_post_build (article, &options);
  g_autofree char *text = to_string (post);
  JsonObject *meta;
  JsonArray *array;

  assert_members (post, "author categories comment_status content date_gmt excerpt featured_media "
                        "meta slug status tags title");
  g_assert_cmpstr (json_object_get_string_member (post, "title"), ==,
                   "Night ferry timetable cut to two sailings");
  g_assert_cmpstr (json_object_get_string_member (post, "excerpt"), ==, "The operator blames crew shortages.");
  g_assert_cmpstr (json_object_get_string_member (post, "content"), ==,
                   "<!-- wp:paragraph -->\n<p>The operator will run two night sailings.</p>\n<!-- /wp:paragraph -->\n\n"
                   "<!-- wp:paragraph -->\n<p>\"We cannot staff the late boats,\" it said &#91;sic&#93;.</p>\n"
                   "<!-- /wp:paragraph -->");
  g_assert_cmpstr (json_object_get_string_member (post, "slug"), ==, "night-ferry-timetable-cut");
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, "2026-11-27T08:30:00");
  g_assert_cmpstr (json_object_get_string_member (post, "comment_status"), ==, "closed");
  g_assert_cmpint (json_object_get_int_member (post, "author"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==, 977);
  array = json_object_get_array_member (post, "tags");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpint (json_array_get_int_element (array, 1), ==, 31);
  array = json_object_get_array_member (post, "categories");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);

  meta = json_object_get_object_member (post, "meta");
  assert_members (meta, "copydesk_authors copydesk_byline copydesk_dateline copydesk_id copydesk_jsonld "
                        "copydesk_language copydesk_status");
  g_assert_cmpstr (json_object_get_string_member (meta, "copydesk_id"), ==,
                   "urn:uuid:5b0c2a8e-7d14-4c3f-9e61-2f8a4b7c9d01");
  g_assert_cmpstr (json_object_get_string_member (meta, "copydesk_status"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (meta, "copydesk_byline"), ==, "By Kwame Osei");
  g_assert_cmpstr (json_object_get_string_member (meta, "copydesk_authors"), ==, "Kwame Osei");
  g_assert_cmpstr (json_object_get_string_member (meta, "copydesk_jsonld"), ==, "{\"@type\":\"NewsArticle\"}");

  /* The editor's note stays in Copydesk. */
  g_assert_null (strstr (text, "LEGAL"));
}

static void
test_build_minimal (void)
{
  g_autoptr(CdArticle) article = make_article ();
  CdWpPostOptions options = { 0 };
  g_autoptr(JsonObject) post = NULL;

  cd_article_set_embargo (article, NULL);
  post = cd_wp_post_build (article, &options);
  /* No meta unless the site has the keys; never an empty list of terms;
   * no author or image without ids. */
  assert_members (post, "comment_status content date_gmt excerpt slug status title");

  options.status = "draft";
  g_clear_pointer (&post, json_object_unref);
  post = cd_wp_post_build (article, &options);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "draft");
}

/* An update must never change the post's status or address by the way,
 * and must empty on the site what was emptied in Copydesk. */
static void
test_build_update (void)
{
  g_autoptr(CdArticle) article = make_article ();
  CdWpPostOptions options = { .update = TRUE, .send_meta = TRUE };
  g_autoptr(JsonObject) post = NULL;
  JsonObject *meta;

  cd_article_set_standfirst (article, "");
  cd_article_set_dateline (article, "");
  post = cd_wp_post_build (article, &options);
  assert_members (post, "comment_status content date_gmt excerpt meta title");
  g_assert_cmpstr (json_object_get_string_member (post, "excerpt"), ==, "");
  meta = json_object_get_object_member (post, "meta");
  g_assert_cmpstr (json_object_get_string_member (meta, "copydesk_dateline"), ==, "");

  options.send_slug = TRUE;
  options.status = "publish";
  g_clear_pointer (&post, json_object_unref);
  post = cd_wp_post_build (article, &options);
  g_assert_cmpstr (json_object_get_string_member (post, "slug"), ==, "night-ferry-timetable-cut");
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
}

static void
test_status_and_date (void)
{
  static const struct
  {
    CdArticleStatus  status;
    const char      *published;
    const char      *embargo;
    const char      *post_status;
    const char      *date_gmt;
  } cases[] = {
    { CD_ARTICLE_STATUS_DRAFT, NULL, NULL, "draft", NULL },
    { CD_ARTICLE_STATUS_IN_REVIEW, NULL, NULL, "pending", NULL },
    { CD_ARTICLE_STATUS_APPROVED, "2026-11-27T09:30:00+01:00", NULL, "publish", "2026-11-27T08:30:00" },
    { CD_ARTICLE_STATUS_PUBLISHED, NULL, NULL, "publish", NULL },
    { CD_ARTICLE_STATUS_KILLED, NULL, NULL, "draft", NULL },
    /* The embargo wins when it is later, rounded up to the second. */
    { CD_ARTICLE_STATUS_APPROVED, "2026-11-27T09:30:00+01:00", "2026-11-27T10:00:00.25+01:00",
      "future", "2026-11-27T09:00:01" },
    { CD_ARTICLE_STATUS_APPROVED, "2026-11-27T11:00:00+01:00", "2026-11-27T10:00:00+01:00",
      "future", "2026-11-27T10:00:00" },
    { CD_ARTICLE_STATUS_APPROVED, NULL, "2026-12-31T23:30:00-05:00", "future", "2027-01-01T04:30:00" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = cd_article_new ();
      g_autoptr(GDateTime) published = cases[i].published != NULL
                                       ? g_date_time_new_from_iso8601 (cases[i].published, NULL) : NULL;
      g_autoptr(GDateTime) embargo = cases[i].embargo != NULL
                                     ? g_date_time_new_from_iso8601 (cases[i].embargo, NULL) : NULL;
      g_autofree char *date_gmt = NULL;

      cd_article_set_status (article, cases[i].status);
      cd_article_set_published (article, published);
      cd_article_set_embargo (article, embargo);
      g_assert_cmpstr (cd_wp_post_status_for_article (article), ==, cases[i].post_status);
      date_gmt = cd_wp_post_date_gmt (article);
      g_assert_cmpstr (date_gmt, ==, cases[i].date_gmt);
    }
}

static void
test_media_caption (void)
{
  static const struct
  {
    const char *caption;
    const char *credit;
    const char *expected;
  } cases[] = {
    { NULL, NULL, "" },
    { "The last boat.", NULL, "The last boat." },
    { NULL, "Photo: Ana Lima", "Photo: Ana Lima" },
    { " The last boat. ", " Photo: Ana Lima ", "The last boat. Photo: Ana Lima" },
    { "The last boat. Photo: Ana Lima", "Photo: Ana Lima", "The last boat. Photo: Ana Lima" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *caption = cd_wp_media_caption (cases[i].caption, cases[i].credit);

      g_assert_cmpstr (caption, ==, cases[i].expected);
    }
}

/* What WordPress 6.1 answers to GET /wp/v2/posts/<id>?context=edit after
 * storing @sent as it is, with the meta keys the plugin registers. */
static JsonObject *
site_answer (JsonObject *sent,
             gboolean    meta_registered)
{
  /* A deep copy: json_node_copy () shares the object. */
  g_autofree char *text = to_string (sent);
  g_autoptr(JsonNode) copy = json_from_string (text, NULL);
  JsonObject *answer = json_node_dup_object (copy);
  const char *wrapped[] = { "title", "content", "excerpt" };

  for (size_t i = 0; i < G_N_ELEMENTS (wrapped); i++)
    {
      JsonObject *field = json_object_new ();
      const char *raw = json_object_has_member (sent, wrapped[i])
                        ? json_object_get_string_member (sent, wrapped[i]) : "";

      json_object_set_string_member (field, "raw", raw);
      json_object_set_string_member (field, "rendered", "(rendered)");
      json_object_set_object_member (answer, wrapped[i], field);
    }

  json_object_set_int_member (answer, "id", 4182);
  json_object_set_string_member (answer, "modified_gmt", "2026-11-27T08:45:10");
  json_object_set_string_member (answer, "link", "https://news.example/?p=4182");
  if (!json_object_has_member (answer, "tags"))
    json_object_set_array_member (answer, "tags", json_array_new ());
  if (!json_object_has_member (answer, "categories"))
    json_object_set_array_member (answer, "categories", json_array_new ());
  if (!meta_registered)
    json_object_set_array_member (answer, "meta", json_array_new ());
  return answer;
}

static JsonObject *
build_full_post (void)
{
  g_autoptr(CdArticle) article = make_article ();
  static const gint64 tags[] = { 12, 31 };
  static const gint64 categories[] = { 4 };
  CdWpPostOptions options = {
    .tag_ids = tags,
    .n_tag_ids = G_N_ELEMENTS (tags),
    .category_ids = categories,
    .n_category_ids = G_N_ELEMENTS (categories),
    .author_id = 3,
    .featured_media = 977,
    .send_meta = TRUE,
  };

  return cd_wp_post_build (article, &options);
}

static char *
differences_summary (GPtrArray *differences)
{
  GString *summary = g_string_new (NULL);

  for (guint i = 0; i < differences->len; i++)
    {
      CdWpDifference *difference = g_ptr_array_index (differences, i);

      g_string_append_printf (summary, "%s%s: %s → %s", i > 0 ? "; " : "", difference->field,
                              difference->before != NULL ? difference->before : "(none)",
                              difference->after != NULL ? difference->after : "(none)");
    }
  return g_string_free (summary, FALSE);
}

static void
test_compare_kept (void)
{
  g_autoptr(JsonObject) sent = build_full_post ();
  g_autoptr(JsonObject) answer = site_answer (sent, TRUE);
  g_autoptr(GPtrArray) differences = cd_wp_post_compare (sent, answer);
  g_autofree char *summary = differences_summary (differences);

  g_assert_cmpstr (summary, ==, "");
}

/* What WordPress changes on purpose is no difference. */
static void
test_compare_normalised (void)
{
  g_autoptr(JsonObject) sent = build_full_post ();
  g_autoptr(JsonObject) answer = site_answer (sent, TRUE);
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *summary = NULL;
  JsonObject *title = json_object_get_object_member (answer, "title");

  /* Trimmed title, trailing newline on the content. */
  json_object_set_string_member (title, "raw", "  Night ferry timetable cut to two  sailings ");
  {
    JsonObject *content = json_object_get_object_member (answer, "content");
    g_autofree char *raw = g_strconcat (json_object_get_string_member (content, "raw"), "\n", NULL);

    json_object_set_string_member (content, "raw", raw);
  }
  /* "future" sent with a time already past on the site's clock: published. */
  json_object_set_string_member (sent, "status", "future");
  json_object_set_string_member (answer, "status", "publish");
  json_object_set_string_member (answer, "date_gmt", "2026-11-27T08:30:00");
  json_object_set_string_member (answer, "modified_gmt", "2026-11-27T08:45:10");
  /* A non-ASCII slug is kept percent-encoded. */
  json_object_set_string_member (sent, "slug", "το-πλοίο");
  json_object_set_string_member (answer, "slug", "%cf%84%ce%bf-%cf%80%ce%bb%ce%bf%ce%af%ce%bf");
  /* Terms in another order. */
  {
    JsonArray *tags = json_array_new ();

    json_array_add_int_element (tags, 31);
    json_array_add_int_element (tags, 12);
    json_object_set_array_member (answer, "tags", tags);
  }

  differences = cd_wp_post_compare (sent, answer);
  summary = differences_summary (differences);
  g_assert_cmpstr (summary, ==, "");

  /* A scheduled post: "publish" with a time ahead of the site's clock. */
  json_object_set_string_member (sent, "status", "publish");
  json_object_set_string_member (answer, "status", "future");
  json_object_set_string_member (answer, "modified_gmt", "2026-11-27T07:00:00");
  g_clear_pointer (&differences, g_ptr_array_unref);
  differences = cd_wp_post_compare (sent, answer);
  g_assert_cmpuint (differences->len, ==, 0);

  /* But a "future" post that the site published while its time is still
   * ahead is a difference: an embargo broken. */
  json_object_set_string_member (sent, "status", "future");
  json_object_set_string_member (answer, "status", "publish");
  g_clear_pointer (&differences, g_ptr_array_unref);
  differences = cd_wp_post_compare (sent, answer);
  g_clear_pointer (&summary, g_free);
  summary = differences_summary (differences);
  g_assert_cmpstr (summary, ==, "status: future → publish");
}

/* What the site dropped or changed is reported, field by field. */
static void
test_compare_dropped (void)
{
  g_autoptr(JsonObject) sent = build_full_post ();
  g_autoptr(JsonObject) answer = site_answer (sent, FALSE);
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  /* Another post had the slug; the site's default category replaced ours;
   * the tags were not assigned; kses took the quotes' paragraph out; the
   * image was refused; the author is the account's own user. */
  json_object_set_string_member (answer, "slug", "night-ferry-timetable-cut-2");
  {
    JsonArray *categories = json_array_new ();

    json_array_add_int_element (categories, 1);
    json_object_set_array_member (answer, "categories", categories);
  }
  json_object_set_array_member (answer, "tags", json_array_new ());
  {
    JsonObject *content = json_object_get_object_member (answer, "content");

    json_object_set_string_member (content, "raw",
                                   "<!-- wp:paragraph -->\n<p>The operator will run two night sailings.</p>\n"
                                   "<!-- /wp:paragraph -->");
  }
  json_object_set_int_member (answer, "featured_media", 0);
  json_object_set_int_member (answer, "author", 1);
  json_object_set_string_member (answer, "comment_status", "open");
  json_object_set_string_member (answer, "status", "pending");

  differences = cd_wp_post_compare (sent, answer);
  summary = differences_summary (differences);
  g_assert_cmpstr (summary, ==,
                   "content: The operator will run two night sailings.\n\n"
                   "\"We cannot staff the late boats,\" it said [sic]. → The operator will run two night sailings.; "
                   "status: publish → pending; "
                   "slug: night-ferry-timetable-cut → night-ferry-timetable-cut-2; "
                   "comment_status: closed → open; "
                   "tags: 12, 31 → ; "
                   "categories: 4 → 1; "
                   "author: 3 → 1; "
                   "featured_media: 977 → (none); "
                   "meta.copydesk_id: urn:uuid:5b0c2a8e-7d14-4c3f-9e61-2f8a4b7c9d01 → (none); "
                   "meta.copydesk_status: approved → (none); "
                   "meta.copydesk_byline: By Kwame Osei → (none); "
                   "meta.copydesk_authors: Kwame Osei → (none); "
                   "meta.copydesk_dateline: Portmere → (none); "
                   "meta.copydesk_language: en-GB → (none)");

  text = cd_wp_differences_to_text (differences);
  g_assert_true (g_str_has_prefix (text,
                                   "Body\n"
                                   "  − \"We cannot staff the late boats,\" it said [sic].\n"
                                   "Status\n"
                                   "  − publish\n"
                                   "  + pending\n"
                                   "Slug\n"
                                   "  − night-ferry-timetable-cut\n"
                                   "  + night-ferry-timetable-cut-2\n"));
  g_assert_nonnull (strstr (text, "Featured image\n  − 977\n  + (not kept by the site)\n"));
}

static JsonObject *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (source_root, "tests", "core", "wordpress", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_dup_object (json_parser_get_root (parser));
}

static void
set_raw (JsonObject *post,
         const char *member,
         const char *raw)
{
  json_object_set_string_member (json_object_get_object_member (post, member), "raw", raw);
}

static void
test_site_changes (void)
{
  g_autoptr(JsonObject) pushed = load_fixture ("post-edit.json");
  g_autoptr(JsonObject) current = load_fixture ("post-edit.json");
  g_autoptr(CdPublication) record = cd_publication_new ("https://news.example/");
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *text = NULL;
  static const gint64 tags[] = { 31, 12 };
  static const gint64 categories[] = { 4 };

  cd_publication_set_post_id (record, 4182);
  cd_publication_set_status (record, "publish");
  cd_publication_set_slug (record, "night-ferry-timetable-cut");
  cd_publication_set_tag_ids (record, tags, G_N_ELEMENTS (tags));
  cd_publication_set_category_ids (record, categories, G_N_ELEMENTS (categories));

  differences = cd_wp_post_site_changes (record, pushed, current);
  g_assert_cmpuint (differences->len, ==, 0);
  g_clear_pointer (&differences, g_ptr_array_unref);

  /* A colleague edits the post on the site: a new title, a paragraph
   * rewritten, one added, a tag removed, the post taken offline. */
  set_raw (current, "title", "Night ferry cut to two sailings from Monday");
  set_raw (current, "content",
           "<!-- wp:paragraph -->\n<p>The operator will run two night sailings instead of four from Monday, "
           "it said on Friday.</p>\n<!-- /wp:paragraph -->\n\n"
           "<!-- wp:paragraph -->\n<p>Commuters have started a petition.</p>\n<!-- /wp:paragraph -->\n\n"
           "<!-- wp:heading -->\n<h2>Crew shortages</h2>\n<!-- /wp:heading -->\n\n"
           "<!-- wp:paragraph -->\n<p>\"We cannot staff the late boats,\" a spokesperson said.</p>\n"
           "<!-- /wp:paragraph -->\n\n"
           "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Last boat: 22:40</li>\n<!-- /wp:list-item -->\n\n"
           "<!-- wp:list-item -->\n<li>First boat: 05:50</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->");
  json_object_set_string_member (current, "status", "draft");
  {
    JsonArray *array = json_array_new ();

    json_array_add_int_element (array, 12);
    json_object_set_array_member (current, "tags", array);
  }

  differences = cd_wp_post_site_changes (record, pushed, current);
  text = cd_wp_differences_to_text (differences);
  g_assert_cmpstr (text, ==,
                   "Title\n"
                   "  − Night ferry timetable cut to two sailings\n"
                   "  + Night ferry cut to two sailings from Monday\n"
                   "Body\n"
                   "  + Commuters have started a petition.\n"
                   "  − \"We cannot staff the late boats,\" a spokesperson said. Fares stay at [£3] for now.\n"
                   "  + \"We cannot staff the late boats,\" a spokesperson said.\n"
                   "Status\n"
                   "  − publish\n"
                   "  + draft\n"
                   "Tags\n"
                   "  − 31, 12\n"
                   "  + 12\n");

  /* Without the pushed revision only the record's fields are compared. */
  g_clear_pointer (&differences, g_ptr_array_unref);
  differences = cd_wp_post_site_changes (record, NULL, current);
  g_assert_cmpuint (differences->len, ==, 2);
}

static void
test_to_article (void)
{
  g_autoptr(JsonObject) post = load_fixture ("post-edit.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_wp_post_to_article (post, "https://News.Example", &error);
  g_autoptr(CdTag) tag = NULL;
  g_autoptr(CdAuthor) author = NULL;
  g_autofree char *published = NULL;
  CdPublication *record;
  CdImage *image;
  const gint64 *ids;
  gsize n;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_id (article), ==, "urn:uuid:5b0c2a8e-7d14-4c3f-9e61-2f8a4b7c9d01");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Night ferry timetable cut to two sailings");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==,
                   "The operator blames crew shortages; commuters say the last boat now leaves too early.");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The operator will run two night sailings instead of four from Monday, it said on Friday.\n\n"
                   "## Crew shortages\n\n"
                   "\"We cannot staff the late boats,\" a spokesperson said. Fares stay at \\[£3] for now.\n\n"
                   "- Last boat: 22:40\n"
                   "- First boat: 05:50");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "night-ferry-timetable-cut");
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_PUBLISHED);
  published = cd_date_time_to_string (cd_article_get_published (article));
  g_assert_cmpstr (published, ==, "2026-11-27T08:31:04Z");
  g_assert_false (cd_article_get_comments (article));
  g_assert_cmpstr (cd_article_get_section (article), ==, "Local & regional");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "Portmere");
  g_assert_cmpstr (cd_article_get_language (article), ==, "en-GB");
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 2);
  tag = g_list_model_get_item (cd_article_get_tags (article), 1);
  g_assert_cmpstr (cd_tag_get_name (tag), ==, "Portmere");
  author = g_list_model_get_item (cd_article_get_authors (article), 0);
  g_assert_cmpstr (cd_author_get_name (author), ==, "Kwame Osei");
  image = cd_article_get_image (article);
  g_assert_cmpstr (cd_image_get_source (image), ==, "https://news.example/wp-content/uploads/2026/11/ferry.jpg");
  g_assert_cmpstr (cd_image_get_alt (image), ==, "A ferry at night beside a lit pontoon");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "The last boat leaves Quayside. Photo: Ana Lima");

  /* Linked to the post, so that publishing it updates that post. */
  record = cd_article_lookup_publication (article, "https://news.example/");
  g_assert_nonnull (record);
  g_assert_cmpint (cd_publication_get_post_id (record), ==, 4182);
  g_assert_cmpstr (cd_publication_get_link (record), ==,
                   "https://news.example/2026/11/27/night-ferry-timetable-cut/");
  g_assert_cmpstr (cd_publication_get_modified_gmt (record), ==, "2026-11-27T08:45:10");
  g_assert_cmpstr (cd_publication_get_status (record), ==, "publish");
  g_assert_cmpint (cd_publication_get_media_id (record), ==, 977);
  ids = cd_publication_get_tag_ids (record, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, 12);
  ids = cd_publication_get_category_ids (record, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, 4);

  /* The article saves and opens again. */
  g_assert_true (cd_article_check_limits (article, &error));
  g_assert_no_error (error);
}

static void
test_to_article_statuses (void)
{
  static const struct
  {
    const char      *status;
    CdArticleStatus  expected;
  } cases[] = {
    { "publish", CD_ARTICLE_STATUS_PUBLISHED },
    { "future", CD_ARTICLE_STATUS_APPROVED },
    { "pending", CD_ARTICLE_STATUS_IN_REVIEW },
    { "draft", CD_ARTICLE_STATUS_DRAFT },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) post = load_fixture ("post-edit.json");
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = NULL;

      json_object_set_string_member (post, "status", cases[i].status);
      article = cd_wp_post_to_article (post, "https://news.example/", &error);
      g_assert_no_error (error);
      g_assert_cmpint (cd_article_get_status (article), ==, cases[i].expected);
    }
}

/* WordPress gives a draft that was never dated the time of its last save
 * as date_gmt (its modified_gmt). Taken as the publication time, it would
 * later publish the story backdated to that save. A dated draft keeps its
 * time, and so does a published post. */
static void
test_to_article_floating_draft (void)
{
  static const struct
  {
    const char *status;
    const char *date_gmt;
    gboolean    dated;
  } cases[] = {
    { "draft", "2026-12-07T09:15:00", FALSE },
    { "pending", "2026-12-07T09:15:00", FALSE },
    { "draft", "2026-12-24T06:00:00", TRUE },
    { "publish", "2026-12-07T09:15:00", TRUE },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) post = load_fixture ("post-edit.json");
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = NULL;

      json_object_set_string_member (post, "status", cases[i].status);
      json_object_set_string_member (post, "date_gmt", cases[i].date_gmt);
      json_object_set_string_member (post, "modified_gmt", "2026-12-07T09:15:00");
      article = cd_wp_post_to_article (post, "https://news.example/", &error);
      g_assert_no_error (error);
      g_assert_cmpint (cd_article_get_published (article) != NULL, ==, cases[i].dated);
    }
}

static void
test_to_article_minimal (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  JsonObject *post;

  /* A post of a site without Copydesk's meta, read without _embed, with a
   * classic-editor body and a foreign id in the meta. */
  json_parser_load_from_data (parser,
                              "{\"id\": 7, \"status\": \"draft\", \"date_gmt\": null, \"slug\": \"\","
                              " \"title\": {\"raw\": \"Fish &amp; chips\"},"
                              " \"content\": {\"raw\": \"<p>One<br>\\ntwo</p>\\n<p>Three</p>\"},"
                              " \"excerpt\": {\"raw\": \"\"}, \"meta\": {\"copydesk_id\": \"42\"},"
                              " \"tags\": [], \"categories\": [1]}", -1, &error);
  g_assert_no_error (error);
  post = json_node_get_object (json_parser_get_root (parser));

  article = cd_wp_post_to_article (post, "http://127.0.0.1:8080", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Fish & chips");
  g_assert_true (g_str_has_prefix (cd_article_get_id (article), "urn:uuid:"));
  g_assert_null (cd_article_get_published (article));
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_DRAFT);
  g_assert_nonnull (strstr (cd_article_get_body (article), "Three"));
  g_assert_nonnull (cd_article_lookup_publication (article, "http://127.0.0.1:8080/"));
}

static void
test_to_article_malformed (void)
{
  static const char * const posts[] = {
    "{}",
    "{\"id\": \"7\", \"title\": {\"raw\": \"x\"}}",
    "{\"id\": 0}",
    "{\"code\": \"rest_post_invalid_id\", \"message\": \"Invalid post ID.\", \"data\": {\"status\": 404}}",
  };

  for (size_t i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = NULL;

      json_parser_load_from_data (parser, posts[i], -1, &error);
      g_assert_no_error (error);
      article = cd_wp_post_to_article (json_node_get_object (json_parser_get_root (parser)),
                                       "https://news.example", &error);
      g_assert_null (article);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "https://news.example/"));
    }
}

/* Published and opened again, an article's body comes back the same. */
static void
test_round_trip (void)
{
  g_autoptr(CdArticle) article = make_article ();
  CdWpPostOptions options = { .send_meta = TRUE };
  g_autoptr(JsonObject) sent = cd_wp_post_build (article, &options);
  g_autoptr(JsonObject) answer = site_answer (sent, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) opened = NULL;
  g_autofree char *text = NULL;
  g_autofree char *opened_text = NULL;

  opened = cd_wp_post_to_article (answer, "https://news.example/", &error);
  g_assert_no_error (error);
  /* The same text; the converter may escape a bracket the writer did not. */
  text = cd_markdown_to_plain_text (cd_article_get_body (article), -1);
  opened_text = cd_markdown_to_plain_text (cd_article_get_body (opened), -1);
  g_assert_cmpstr (opened_text, ==, text);
  g_assert_cmpstr (cd_article_get_headline (opened), ==, cd_article_get_headline (article));
  g_assert_cmpstr (cd_article_get_id (opened), ==, cd_article_get_id (article));
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_dup_object (json_parser_get_root (parser));
}

/* A post as GET context=edit gives it, with one member's value replaced
 * when @member is not NULL. */
static char *
fingerprint_of (const char *member,
                const char *value)
{
  static const struct
  {
    const char *name;
    const char *json;
  } members[] = {
    { "id", "4182" },
    { "title", "{ \"raw\": \"Night ferry cut\", \"rendered\": \"Night ferry cut\" }" },
    { "excerpt", "{ \"raw\": \"The last boat goes.\", \"rendered\": \"<p>The last boat goes.</p>\" }" },
    { "content", "{ \"raw\": \"<!-- wp:paragraph --><p>Text</p><!-- /wp:paragraph -->\", \"rendered\": \"<p>Text</p>\" }" },
    { "status", "\"publish\"" },
    { "slug", "\"night-ferry-cut\"" },
    { "tags", "[ 12, 31 ]" },
    { "categories", "[ 4 ]" },
    { "featured_media", "977" },
    { "author", "2" },
    { "modified_gmt", "\"2026-11-27T08:31:04\"" },
    { "link", "\"https://news.example/night-ferry-cut/\"" },
  };
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(JsonObject) post = NULL;

  for (size_t i = 0; i < G_N_ELEMENTS (members); i++)
    g_string_append_printf (json, "%s\"%s\": %s", i > 0 ? ", " : "", members[i].name,
                            g_strcmp0 (member, members[i].name) == 0 ? value : members[i].json);
  g_string_append (json, "}");
  post = parse_object (json->str);
  return cd_wp_post_fingerprint (post);
}

static void
test_fingerprint (void)
{
  static const struct
  {
    const char *member;
    const char *value;
  } changes[] = {
    { "title", "{ \"raw\": \"Night ferry cut!\", \"rendered\": \"Night ferry cut\" }" },
    { "excerpt", "{ \"raw\": \"The last boat goes early.\", \"rendered\": \"<p>The last boat goes.</p>\" }" },
    { "content", "{ \"raw\": \"<!-- wp:paragraph --><p>Text.</p><!-- /wp:paragraph -->\", \"rendered\": \"<p>Text</p>\" }" },
    { "status", "\"draft\"" },
    { "slug", "\"night-ferry-cut-2\"" },
    { "tags", "[ 12 ]" },
    { "tags", "[ 12, 31, 40 ]" },
    { "categories", "[ 5 ]" },
    { "categories", "[]" },
    { "featured_media", "0" },
    { "author", "3" },
  };
  g_autofree char *base = fingerprint_of (NULL, NULL);
  g_autofree char *again = fingerprint_of (NULL, NULL);
  g_autoptr(JsonObject) reordered = NULL;
  g_autoptr(JsonObject) shifted = NULL;
  g_autoptr(JsonObject) unshifted = NULL;
  g_autofree char *reordered_fingerprint = NULL;
  g_autofree char *shifted_fingerprint = NULL;
  g_autofree char *unshifted_fingerprint = NULL;

  /* A SHA-256 digest in lower-case hex, the same for the same post. */
  g_assert_cmpuint (strlen (base), ==, 64);
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{64}$", base, 0, 0));
  g_assert_cmpstr (base, ==, again);

  /* Each member an editor can change changes it. */
  for (size_t i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *changed = fingerprint_of (changes[i].member, changes[i].value);

      if (g_strcmp0 (changed, base) == 0)
        g_error ("case %zu: changing %s left the fingerprint as it was", i, changes[i].member);
    }

  /* What WordPress changes by itself, or shows only, does not. */
  {
    g_autofree char *rendered = fingerprint_of ("title", "{ \"raw\": \"Night ferry cut\", \"rendered\": \"Other\" }");
    g_autofree char *modified = fingerprint_of ("modified_gmt", "\"2026-11-27T08:31:05\"");
    g_autofree char *scheduled = fingerprint_of ("status", "\"future\"");
    g_autofree char *tag_order = fingerprint_of ("tags", "[ 31, 12 ]");

    g_assert_cmpstr (rendered, ==, base);
    g_assert_cmpstr (modified, ==, base);
    g_assert_cmpstr (scheduled, ==, base);
    g_assert_cmpstr (tag_order, ==, base);
  }

  /* The order of the members in the JSON does not matter. */
  reordered = parse_object ("{ \"link\": \"https://news.example/night-ferry-cut/\", \"author\": 2, "
                            "\"featured_media\": 977, \"categories\": [ 4 ], \"tags\": [ 12, 31 ], "
                            "\"slug\": \"night-ferry-cut\", \"status\": \"publish\", "
                            "\"content\": { \"rendered\": \"<p>Text</p>\", \"raw\": \"<!-- wp:paragraph --><p>Text</p><!-- /wp:paragraph -->\" }, "
                            "\"excerpt\": { \"rendered\": \"<p>The last boat goes.</p>\", \"raw\": \"The last boat goes.\" }, "
                            "\"title\": { \"rendered\": \"Night ferry cut\", \"raw\": \"Night ferry cut\" }, "
                            "\"modified_gmt\": \"2026-11-27T08:31:04\", \"id\": 4182 }");
  reordered_fingerprint = cd_wp_post_fingerprint (reordered);
  g_assert_cmpstr (reordered_fingerprint, ==, base);

  /* Text moved from one member to the next is a change: the separators
   * cannot be forged by the text. */
  shifted = parse_object ("{ \"title\": { \"raw\": \"A\\nexcerpt:1:B\" }, \"excerpt\": { \"raw\": \"\" } }");
  unshifted = parse_object ("{ \"title\": { \"raw\": \"A\" }, \"excerpt\": { \"raw\": \"B\" } }");
  shifted_fingerprint = cd_wp_post_fingerprint (shifted);
  unshifted_fingerprint = cd_wp_post_fingerprint (unshifted);
  g_assert_cmpstr (shifted_fingerprint, !=, unshifted_fingerprint);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cd_test_init (&argc, &argv);
  source_root = cd_test_dup_source_root ();

  g_test_add_func ("/wp-post/build/new", test_build_new);
  g_test_add_func ("/wp-post/build/minimal", test_build_minimal);
  g_test_add_func ("/wp-post/build/update", test_build_update);
  g_test_add_func ("/wp-post/status-and-date", test_status_and_date);
  g_test_add_func ("/wp-post/media-caption", test_media_caption);
  g_test_add_func ("/wp-post/compare/kept", test_compare_kept);
  g_test_add_func ("/wp-post/compare/normalised", test_compare_normalised);
  g_test_add_func ("/wp-post/compare/dropped", test_compare_dropped);
  g_test_add_func ("/wp-post/site-changes", test_site_changes);
  g_test_add_func ("/wp-post/fingerprint", test_fingerprint);
  g_test_add_func ("/wp-post/to-article", test_to_article);
  g_test_add_func ("/wp-post/to-article/statuses", test_to_article_statuses);
  g_test_add_func ("/wp-post/to-article/floating-draft", test_to_article_floating_draft);
  g_test_add_func ("/wp-post/to-article/minimal", test_to_article_minimal);
  g_test_add_func ("/wp-post/to-article/malformed", test_to_article_malformed);
  g_test_add_func ("/wp-post/round-trip", test_round_trip);

  status = g_test_run ();
  g_free (source_root);
  return status;
}
