/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "cd-article-file.h"
#include "cd-export-jsonld.h"
#include "cd-exporter.h"
#include "cd-json.h"
#include "cd-markdown.h"
#include "cd-text.h"
#include "cd-test-util.h"

/*
 * Tests of the schema.org NewsArticle (JSON-LD) exporter.
 *
 * test-exporter-conformance compares every article in tests/articles/ and
 * data/sample/, exported with its image under the base URL below, with
 * tests/golden/jsonld/<name>.jsonld.
 *
 * Here the same exports are checked on their own terms too: only members of
 * NewsArticle, Person, Thing and ImageObject, with the right types, RFC 3339
 * date-times, absolute URLs and the values of the article, so a golden file
 * written from a wrong export does not make the mistake permanent.
 */

#define IMAGE_BASE_URL   "https://media.example.org/images/"

static char *source_root;

static GPtrArray *fixtures;

static CdExporter *
get_exporter (void)
{
  CdExporter *exporter = cd_exporters_lookup ("jsonld");

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

static gboolean
is_urn_uuid (const char *text)
{
  return g_regex_match_simple ("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                               "[0-9a-f]{12}$",
                               text, 0, 0);
}

static void
test_checkers (void)
{
  /* The checks below are only worth something if they can say no. */
  g_assert_true (cd_test_is_rfc3339 ("2026-11-27T07:30:00Z"));
  g_assert_true (cd_test_is_rfc3339 ("2026-11-27T07:30:00.25+01:00"));
  g_assert_false (cd_test_is_rfc3339 ("2026-11-27T07:30:00"));
  g_assert_false (cd_test_is_rfc3339 ("2026-11-27 07:30:00Z"));
  g_assert_false (cd_test_is_rfc3339 ("2026-11-27T07:30:00+0100"));
  g_assert_false (cd_test_is_rfc3339 ("2026-13-27T07:30:00Z"));
  g_assert_false (cd_test_is_rfc3339 ("27/11/2026"));

  g_assert_true (cd_test_is_absolute_http_url ("https://media.example.org/images/a.jpg"));
  g_assert_false (cd_test_is_absolute_http_url ("a.jpg"));
  g_assert_false (cd_test_is_absolute_http_url ("/images/a.jpg"));
  g_assert_false (cd_test_is_absolute_http_url ("https://media.example.org/my image.jpg"));
  g_assert_false (cd_test_is_absolute_http_url ("javascript:alert(1)"));
  g_assert_false (cd_test_is_absolute_http_url ("file:///home/me/a.jpg"));

  g_assert_true (is_urn_uuid ("urn:uuid:3f6c2a8e-9b41-4d7a-a5e2-6c0d9f1b7e34"));
  g_assert_false (is_urn_uuid ("3f6c2a8e-9b41-4d7a-a5e2-6c0d9f1b7e34"));
}

static void
test_lookup (void)
{
  CdExporter *exporter = cd_exporters_lookup ("jsonld");

  g_assert_nonnull (exporter);
  g_assert_true (CD_IS_JSONLD_EXPORTER (exporter));
  /* Its id, extension, media type and name: test-exporter-conformance. */
}

/* Structure */

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("“%s” is not a string", member);
  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    g_error ("“%s” is not an array", member);
  return json_node_get_array (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
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
assert_optional_date (JsonObject *object,
                      const char *member,
                      GDateTime  *expected)
{
  const char *text;
  g_autoptr(GDateTime) parsed = NULL;

  if (expected == NULL)
    {
      g_assert_false (json_object_has_member (object, member));
      return;
    }

  text = get_string (object, member);
  if (!cd_test_is_rfc3339 (text))
    g_error ("“%s” is “%s”, not an RFC 3339 date-time with an offset", member, text);

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_true (g_date_time_equal (parsed, expected));
  g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==,
                   g_date_time_get_utc_offset (expected));
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

/* No blank string and no empty array or object anywhere: an empty value
 * means "unknown", which leaving the member out says better. */
static void
assert_nothing_empty (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_assert_cmpuint (json_array_get_length (array), >, 0);
      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_nothing_empty (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      g_assert_nonnull (members);
      for (const GList *l = members; l != NULL; l = l->next)
        assert_nothing_empty (json_object_get_member (object, l->data));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_assert_false (cd_test_is_blank (json_node_get_string (node)));
    }
}

static const char * const article_members[] = {
  "@context", "@type", "@id", "headline", "description", "inLanguage", "dateCreated",
  "datePublished", "dateModified", "dateline", "articleSection", "creativeWorkStatus",
  "author", "keywords", "about", "image", "wordCount", "articleBody", "correction", NULL,
};
static const char * const person_members[] = { "@type", "name", "url", "jobTitle", NULL };
static const char * const thing_members[] = { "@type", "name", "sameAs", "identifier", NULL };
static const char * const image_members[] = {
  "@type", "url", "contentUrl", "caption", "description", "creditText", "copyrightNotice",
  "creator", "width", "height", NULL,
};

static const char *
expected_work_status (CdArticleStatus status)
{
  switch (status)
    {
    case CD_ARTICLE_STATUS_DRAFT:
    case CD_ARTICLE_STATUS_IN_REVIEW:
      return "Draft";

    case CD_ARTICLE_STATUS_APPROVED:
    case CD_ARTICLE_STATUS_PUBLISHED:
      return "Published";

    case CD_ARTICLE_STATUS_KILLED:
      return "Obsolete";

    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
check_authors (JsonObject *root,
               CdArticle  *article)
{
  GListModel *authors = cd_article_get_authors (article);
  guint n = g_list_model_get_n_items (authors);
  JsonArray *people;
  guint j = 0;

  if (n == 0)
    {
      g_assert_false (json_object_has_member (root, "author"));
      return;
    }

  people = get_array (root, "author");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      JsonObject *person;

      if (cd_test_is_blank (cd_author_get_name (author)))
        continue;

      g_assert_cmpuint (j, <, json_array_get_length (people));
      person = json_array_get_object_element (people, j++);
      assert_only_members (person, person_members);
      g_assert_cmpstr (get_string (person, "@type"), ==, "Person");
      g_assert_cmpstr (get_string (person, "name"), ==, cd_author_get_name (author));
      assert_optional_string (person, "url", cd_author_get_url (author));
      assert_optional_string (person, "jobTitle", cd_author_get_role (author));
      if (json_object_has_member (person, "url"))
        g_assert_true (cd_test_is_absolute_http_url (get_string (person, "url")));
    }
  g_assert_cmpuint (j, ==, json_array_get_length (people));
}

static void
check_tags (JsonObject *root,
            CdArticle  *article)
{
  GListModel *tags = cd_article_get_tags (article);
  guint n = g_list_model_get_n_items (tags);
  guint n_topics = 0;
  JsonArray *keywords = NULL;
  JsonArray *about = NULL;

  if (json_object_has_member (root, "keywords"))
    keywords = get_array (root, "keywords");
  if (json_object_has_member (root, "about"))
    about = get_array (root, "about");

  g_assert_cmpuint (keywords != NULL ? json_array_get_length (keywords) : 0, ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);

      g_assert_cmpstr (json_array_get_string_element (keywords, i), ==, cd_tag_get_name (tag));

      if (g_str_has_prefix (cd_tag_get_code (tag), "medtop:"))
        {
          JsonObject *thing;
          g_autofree char *uri = g_strconcat ("http://cv.iptc.org/newscodes/mediatopic/",
                                              cd_tag_get_code (tag) + strlen ("medtop:"),
                                              NULL);

          g_assert_nonnull (about);
          g_assert_cmpuint (n_topics, <, json_array_get_length (about));
          thing = json_array_get_object_element (about, n_topics++);
          assert_only_members (thing, thing_members);
          g_assert_cmpstr (get_string (thing, "@type"), ==, "Thing");
          g_assert_cmpstr (get_string (thing, "name"), ==, cd_tag_get_name (tag));
          g_assert_cmpstr (get_string (thing, "sameAs"), ==, uri);
          g_assert_cmpstr (get_string (thing, "identifier"), ==, cd_tag_get_code (tag));
          g_assert_true (cd_test_is_absolute_http_url (get_string (thing, "sameAs")));
        }
    }

  g_assert_cmpuint (about != NULL ? json_array_get_length (about) : 0, ==, n_topics);
}

static void
check_image (JsonObject *root,
             CdArticle  *article)
{
  CdImage *image = cd_article_get_image (article);
  JsonObject *object;
  g_autofree char *basename = NULL;
  g_autofree char *expected_url = NULL;

  if (!cd_image_is_set (image))
    {
      g_assert_false (json_object_has_member (root, "image"));
      return;
    }

  if (cd_image_is_remote (image))
    {
      expected_url = g_strdup (cd_image_get_source (image));
    }
  else
    {
      basename = g_path_get_basename (cd_image_get_source (image));
      expected_url = g_strconcat (IMAGE_BASE_URL, basename, NULL);
    }

  object = get_object (root, "image");
  assert_only_members (object, image_members);
  g_assert_cmpstr (get_string (object, "@type"), ==, "ImageObject");
  g_assert_cmpstr (get_string (object, "url"), ==, expected_url);
  g_assert_cmpstr (get_string (object, "contentUrl"), ==, expected_url);
  g_assert_true (cd_test_is_absolute_http_url (get_string (object, "url")));
  assert_optional_string (object, "caption", cd_image_get_caption (image));
  /* The alt text is the ImageObject's description: see the exporter. */
  assert_optional_string (object, "description", cd_image_get_alt (image));
  assert_optional_string (object, "creditText", cd_image_get_credit (image));
  assert_optional_string (object, "copyrightNotice", cd_image_get_copyright (image));

  if (cd_test_is_blank (cd_image_get_photographer (image)))
    {
      g_assert_false (json_object_has_member (object, "creator"));
    }
  else
    {
      JsonObject *creator = get_object (object, "creator");

      assert_only_members (creator, (const char * const[]) { "@type", "name", NULL });
      g_assert_cmpstr (get_string (creator, "@type"), ==, "Person");
      g_assert_cmpstr (get_string (creator, "name"), ==, cd_image_get_photographer (image));
    }
}

static void
check_body (JsonObject *root,
            CdArticle  *article)
{
  /* What readers read: suggestions resolved, review comments left out. */
  g_autofree char *body = cd_article_dup_reader_body (article);
  g_autofree char *plain = NULL;
  JsonNode *word_count;
  CdTextCounts counts;

  if (cd_test_is_blank (body))
    {
      g_assert_false (json_object_has_member (root, "articleBody"));
      g_assert_false (json_object_has_member (root, "wordCount"));
      return;
    }

  plain = cd_markdown_to_plain_text (body, -1);
  cd_text_count (plain, -1, &counts);

  g_assert_cmpstr (get_string (root, "articleBody"), ==, plain);
  word_count = json_object_get_member (root, "wordCount");
  g_assert_nonnull (word_count);
  g_assert_cmpint (json_node_get_value_type (word_count), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (word_count), ==, (gint64) counts.words);
  g_assert_cmpint (json_node_get_int (word_count), >, 0);
}

/* What the editor writes for the desk, and the authors' e-mail addresses,
 * never reach a document that a public page may embed. */
static void
check_private_fields (const char *text,
                      CdArticle  *article)
{
  GListModel *authors = cd_article_get_authors (article);

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
check_document (const char *text,
                CdArticle  *article)
{
  g_autoptr(JsonObject) root = parse_object (text);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);

  assert_only_members (root, article_members);
  assert_nothing_empty (node);

  g_assert_cmpstr (get_string (root, "@context"), ==, "https://schema.org");
  g_assert_cmpstr (get_string (root, "@type"), ==, "NewsArticle");
  g_assert_cmpstr (get_string (root, "@id"), ==, cd_article_get_id (article));
  g_assert_true (is_urn_uuid (get_string (root, "@id")));
  g_assert_false (json_object_has_member (root, "url"));

  assert_optional_string (root, "headline", cd_article_get_headline (article));
  assert_optional_string (root, "description", cd_article_get_standfirst (article));
  assert_optional_string (root, "inLanguage", cd_article_get_language (article));
  assert_optional_string (root, "dateline", cd_article_get_dateline (article));
  assert_optional_string (root, "articleSection", cd_article_get_section (article));
  assert_optional_date (root, "dateCreated", cd_article_get_created (article));
  assert_optional_date (root, "datePublished", cd_article_get_published (article));
  assert_optional_date (root, "dateModified", cd_article_get_modified (article));
  g_assert_cmpstr (get_string (root, "creativeWorkStatus"), ==,
                   expected_work_status (cd_article_get_status (article)));

  check_authors (root, article);
  check_tags (root, article);
  check_image (root, article);
  check_body (root, article);
  check_private_fields (text, article);

  /* The members Google's Article structured data recommends, whenever the
   * article has what they are made from. */
  if (!cd_test_is_blank (cd_article_get_headline (article)))
    g_assert_true (json_object_has_member (root, "headline"));
  if (cd_image_is_set (cd_article_get_image (article)))
    g_assert_true (json_object_has_member (root, "image"));
  if (cd_article_get_published (article) != NULL)
    g_assert_true (json_object_has_member (root, "datePublished"));
  if (cd_article_get_modified (article) != NULL)
    g_assert_true (json_object_has_member (root, "dateModified"));
  if (g_list_model_get_n_items (cd_article_get_authors (article)) > 0)
    g_assert_true (json_object_has_member (root, "author"));
}

static void
test_fixtures_valid (void)
{
  for (guint i = 0; i < fixtures->len; i++)
    {
      CdTestFixture *fixture = g_ptr_array_index (fixtures, i);
      g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
      g_autofree char *text = export_text (article);

      g_test_message ("checking %s", fixture->name);
      check_document (text, article);
    }
}

static char *
fixture_path (const char *folder,
              const char *name)
{
  return g_build_filename (source_root, folder, name, NULL);
}

/* The sample article has everything Google recommends, and exactly that. */
static void
test_google_recommended (void)
{
  g_autofree char *path = fixture_path ("data/sample", "harbour-ferry.copydesk");
  g_autoptr(CdArticle) article = cd_test_load_article (path);
  g_autofree char *text = export_text (article);
  g_autoptr(JsonObject) root = parse_object (text);
  JsonArray *authors;
  JsonObject *image;

  g_assert_cmpstr (get_string (root, "headline"), ==,
                   "Electric harbour ferry enters service after two-year delay");
  g_assert_cmpstr (get_string (root, "datePublished"), ==, "2026-11-27T07:30:00Z");
  g_assert_cmpstr (get_string (root, "dateModified"), ==, "2026-11-27T06:48:12Z");

  image = get_object (root, "image");
  g_assert_cmpstr (get_string (image, "url"), ==,
                   "https://media.example.org/images/harbour-ferry.jpg");
  g_assert_cmpstr (get_string (image, "creditText"), ==, "Illustration: The Copydesk authors");

  authors = get_array (root, "author");
  g_assert_cmpuint (json_array_get_length (authors), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *person = json_array_get_object_element (authors, i);

      g_assert_true (json_object_has_member (person, "name"));
      g_assert_true (cd_test_is_absolute_http_url (get_string (person, "url")));
    }
  g_assert_cmpstr (get_string (json_array_get_object_element (authors, 1), "name"), ==,
                   "Kwame Osei");
  g_assert_cmpstr (get_string (json_array_get_object_element (authors, 1), "jobTitle"), ==,
                   "Transport correspondent");
}

/* An author without a web address is a Person with a name alone. */
static void
test_author_without_url (void)
{
  g_autofree char *path = fixture_path ("tests/articles", "remote-image.copydesk");
  g_autoptr(CdArticle) article = cd_test_load_article (path);
  g_autofree char *text = export_text (article);
  g_autoptr(JsonObject) root = parse_object (text);
  JsonArray *authors = get_array (root, "author");
  JsonObject *second = json_array_get_object_element (authors, 1);

  g_assert_cmpstr (get_string (second, "name"), ==, "Grace Liu");
  g_assert_false (json_object_has_member (second, "url"));
  g_assert_cmpstr (get_string (json_array_get_object_element (authors, 0), "url"), ==,
                   "https://example.com/staff/daniel-reyes");
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

static void
test_status (void)
{
  static const struct
  {
    CdArticleStatus status;
    const char *expected;
  } cases[] = {
    { CD_ARTICLE_STATUS_DRAFT, "Draft" },
    { CD_ARTICLE_STATUS_IN_REVIEW, "Draft" },
    { CD_ARTICLE_STATUS_APPROVED, "Published" },
    { CD_ARTICLE_STATUS_PUBLISHED, "Published" },
    { CD_ARTICLE_STATUS_KILLED, "Obsolete" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      g_autofree char *text = NULL;
      g_autoptr(JsonObject) root = NULL;

      cd_article_set_status (article, cases[i].status);
      text = export_text (article);
      root = parse_object (text);
      g_assert_cmpstr (get_string (root, "creativeWorkStatus"), ==, cases[i].expected);
    }
}

static void
test_dates (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(GDateTime) published = g_date_time_new_from_iso8601 ("2026-11-27T07:30:00.5+01:00",
                                                                 NULL);
  g_autoptr(GDateTime) embargo = g_date_time_new_from_iso8601 ("2026-11-27T07:00:00+01:00",
                                                               NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) root = NULL;

  cd_article_set_published (article, published);
  cd_article_set_embargo (article, embargo);
  text = export_text (article);
  root = parse_object (text);

  g_assert_cmpstr (get_string (root, "dateCreated"), ==, "2026-11-27T07:00:00+01:00");
  g_assert_cmpstr (get_string (root, "datePublished"), ==, "2026-11-27T07:30:00.5+01:00");
  g_assert_cmpstr (get_string (root, "dateModified"), ==, "2026-11-27T07:00:00+01:00");
  g_assert_true (cd_test_is_rfc3339 (get_string (root, "datePublished")));

  /* schema.org has no embargo. */
  g_assert_null (strstr (text, "mbargo"));
}

static void
test_about_media_topics (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(CdTag) topic = cd_tag_new ("transport",
                                       "http://cv.iptc.org/newscodes/mediatopic/20000337",
                                       "medtop:20000337");
  g_autoptr(CdTag) free_tag = cd_tag_new ("Trams, light rail", NULL, NULL);
  g_autoptr(CdTag) other = cd_tag_new ("Athens", "https://www.wikidata.org/wiki/Q1524",
                                       "wd:Q1524");
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonArray *keywords;
  JsonArray *about;
  JsonObject *thing;

  cd_article_add_tag (article, topic);
  cd_article_add_tag (article, free_tag);
  cd_article_add_tag (article, other);
  text = export_text (article);
  root = parse_object (text);

  /* A name with a comma stays one keyword. */
  keywords = get_array (root, "keywords");
  g_assert_cmpuint (json_array_get_length (keywords), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (keywords, 0), ==, "transport");
  g_assert_cmpstr (json_array_get_string_element (keywords, 1), ==, "Trams, light rail");
  g_assert_cmpstr (json_array_get_string_element (keywords, 2), ==, "Athens");

  about = get_array (root, "about");
  g_assert_cmpuint (json_array_get_length (about), ==, 1);
  thing = json_array_get_object_element (about, 0);
  g_assert_cmpstr (get_string (thing, "@type"), ==, "Thing");
  g_assert_cmpstr (get_string (thing, "name"), ==, "transport");
  g_assert_cmpstr (get_string (thing, "sameAs"), ==,
                   "http://cv.iptc.org/newscodes/mediatopic/20000337");
  g_assert_cmpstr (get_string (thing, "identifier"), ==, "medtop:20000337");
}

/* The word count is that of the text a reader reads: no Markdown syntax,
 * no HTML. */
static void
test_word_count (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) root = NULL;
  const char *body;

  cd_article_set_body (article,
                       "Hello *world*, this is `code`.\n"
                       "\n"
                       "## Heading two\n"
                       "\n"
                       "- item one\n"
                       "- [item](https://example.com/two) two\n");
  text = export_text (article);
  root = parse_object (text);

  g_assert_cmpint (json_object_get_int_member (root, "wordCount"), ==, 11);
  body = get_string (root, "articleBody");
  g_assert_nonnull (strstr (body, "Hello world, this is code."));
  g_assert_null (strchr (body, '*'));
  g_assert_null (strchr (body, '#'));
  g_assert_null (strchr (body, '<'));
  g_assert_null (strstr (body, "https://example.com"));
}

static void
test_image_modes (void)
{
  g_autofree char *full_path = fixture_path ("tests/articles", "full.copydesk");
  g_autofree char *remote_path = fixture_path ("tests/articles", "remote-image.copydesk");
  g_autofree char *greek_path = fixture_path ("tests/articles", "greek.copydesk");
  g_autoptr(CdArticle) full = cd_test_load_article (full_path);
  g_autoptr(CdArticle) remote = cd_test_load_article (remote_path);
  g_autoptr(CdArticle) greek = cd_test_load_article (greek_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *none = NULL;
  g_autofree char *remote_text = NULL;
  g_autofree char *greek_text = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonObject *image;

  /* A bundle's image is the file beside the export; when the image base
   * URL is known, that gives its absolute URL. */
  bundle = export_with_mode (full, CD_EXPORT_IMAGE_BUNDLE, NULL, &error);
  g_assert_no_error (error);
  root = parse_object (bundle);
  image = get_object (root, "image");
  g_assert_cmpstr (get_string (image, "url"), ==, IMAGE_BASE_URL "library-reading-room.jpg");
  g_assert_cmpstr (get_string (image, "contentUrl"), ==,
                   IMAGE_BASE_URL "library-reading-room.jpg");
  g_clear_pointer (&root, json_object_unref);
  g_clear_pointer (&bundle, g_free);

  /* Without one, a relative reference, resolved against the document. */
  {
    CdExportOptions options = { CD_EXPORT_IMAGE_BUNDLE, NULL, NULL, NULL };
    g_autoptr(GBytes) bytes = cd_exporter_export (get_exporter (), full, &options, &error);

    g_assert_no_error (error);
    bundle = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    root = parse_object (bundle);
    image = get_object (root, "image");
    g_assert_cmpstr (get_string (image, "url"), ==, "library-reading-room.jpg");
    g_assert_cmpstr (get_string (image, "contentUrl"), ==, "library-reading-room.jpg");
    g_clear_pointer (&root, json_object_unref);
  }

  /* Without a bundle or base URL, a file on disk cannot be exported. */
  none = export_with_mode (full, CD_EXPORT_IMAGE_NONE, NULL, &error);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (none);
  g_clear_error (&error);

  /* An image that is already a URL is kept in every mode. */
  remote_text = export_with_mode (remote, CD_EXPORT_IMAGE_NONE, NULL, &error);
  g_assert_no_error (error);
  root = parse_object (remote_text);
  image = get_object (root, "image");
  g_assert_cmpstr (get_string (image, "contentUrl"), ==,
                   "https://images.example.com/2026/06/cycle-lane-plan.jpg");
  g_assert_cmpstr (get_string (get_object (image, "creator"), "name"), ==, "Sam Ortiz");
  g_clear_pointer (&root, json_object_unref);

  /* No image, no ImageObject. */
  greek_text = export_text (greek);
  root = parse_object (greek_text);
  g_assert_false (json_object_has_member (root, "image"));
}

static void
assert_export_fails (CdArticle  *article,
                     const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = export_with_mode (article, CD_EXPORT_IMAGE_BASE_URL, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
}

/* A relative or malformed address would point somewhere else once the
 * document is on a page: the export refuses it and says where it is. */
static void
test_invalid_addresses (void)
{
  static const char * const bad_urls[] = {
    "www.example.com/authors/ana",
    "/authors/ana",
    "javascript:alert(1)",
    "https://example.com/authors/ana lopez",
    "mailto:ana@example.com",
    "https://",
  };

  for (size_t i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      g_autoptr(CdAuthor) first = cd_author_new ("Ben Ito");
      g_autoptr(CdAuthor) author = cd_author_new ("Ana López");

      cd_author_set_url (author, bad_urls[i]);
      cd_article_add_author (article, first);
      cd_article_add_author (article, author);
      assert_export_fails (article, "Ana López");
    }

  {
    g_autoptr(CdArticle) article = new_article ();

    cd_article_set_id (article, "article-17");
    assert_export_fails (article, "article-17");
  }

  {
    g_autoptr(CdArticle) article = new_article ();
    g_autoptr(CdTag) tag = cd_tag_new ("broken", NULL, "medtop:2000 0337");

    cd_article_add_tag (article, tag);
    assert_export_fails (article, "medtop:2000 0337");
  }

  {
    g_autoptr(CdArticle) article = new_article ();

    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    /* Not a web address (cd_url_is_web_address()) and not a file either:
     * refused when the image is resolved, before the document is built. */
    cd_image_set_source (cd_article_get_image (article), "https://images.example.com/a b.jpg");
    text = export_with_mode (article, CD_EXPORT_IMAGE_BASE_URL, NULL, &error);
    g_assert_null (text);
    g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
    g_assert_nonnull (strstr (error->message, "“https://images.example.com/a b.jpg”"));
  }
}

/* An article with nothing but its id and dates. */
static void
test_minimal (void)
{
  g_autofree char *path = fixture_path ("tests/articles", "minimal.copydesk");
  g_autoptr(CdArticle) article = cd_test_load_article (path);
  g_autofree char *text = export_text (article);

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"@context\": \"https://schema.org\",\n"
                   "  \"@type\": \"NewsArticle\",\n"
                   "  \"@id\": \"urn:uuid:00000000-0000-4000-8000-000000000001\",\n"
                   "  \"dateCreated\": \"2026-11-02T09:00:00Z\",\n"
                   "  \"dateModified\": \"2026-11-02T09:00:00Z\",\n"
                   "  \"creativeWorkStatus\": \"Draft\"\n"
                   "}\n");
}

int
main (int argc, char **argv)
{
  int status;

  cd_test_init (&argc, &argv);

  source_root = cd_test_dup_source_root ();
  fixtures = cd_test_fixtures_new (source_root);
  g_ptr_array_sort (fixtures, cd_test_fixture_compare);

  g_test_add_func ("/export-jsonld/checkers", test_checkers);
  g_test_add_func ("/export-jsonld/lookup", test_lookup);

  /* The golden files, their completeness and determinism:
   * test-exporter-conformance. */
  g_test_add_func ("/export-jsonld/fixtures-valid", test_fixtures_valid);
  g_test_add_func ("/export-jsonld/google-recommended", test_google_recommended);
  g_test_add_func ("/export-jsonld/author-without-url", test_author_without_url);
  g_test_add_func ("/export-jsonld/status", test_status);
  g_test_add_func ("/export-jsonld/dates", test_dates);
  g_test_add_func ("/export-jsonld/about-media-topics", test_about_media_topics);
  g_test_add_func ("/export-jsonld/word-count", test_word_count);
  g_test_add_func ("/export-jsonld/image-modes", test_image_modes);
  g_test_add_func ("/export-jsonld/invalid-addresses", test_invalid_addresses);
  g_test_add_func ("/export-jsonld/minimal", test_minimal);

  status = g_test_run ();

  g_ptr_array_unref (fixtures);
  g_free (source_root);
  return status;
}
