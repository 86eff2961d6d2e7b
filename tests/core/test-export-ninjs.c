/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cd-article.h"
#include "cd-article-file.h"
#include "cd-export-ninjs.h"
#include "cd-exporter.h"
#include "cd-markdown.h"
#include "cd-text.h"
#include "cd-test-util.h"

/* The ninjs export is compared byte for byte with the golden files in
 * tests/golden/ninjs/, one per fixture article (the .copydesk files in
 * tests/articles and data/sample; test-exporter-conformance compares them)
 * plus the sample as a bundle (here), which tests/ninjs/validate-ninjs.py
 * validates against IPTC's schema. Run with CD_UPDATE_GOLDEN=1 to rewrite
 * them after an intended change, and review the diff. */

#define IMAGE_BASE_URL   "https://media.example.org/images/"
#define BUNDLE_FIXTURE   "harbour-ferry"
#define BUNDLE_GOLDEN    "harbour-ferry-bundle"
#define NINJS_SCHEMA_URI "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"

static GPtrArray *fixtures;
static char *source_root;

static CdExporter *
ninjs_exporter (void)
{
  CdExporter *exporter = cd_exporters_lookup ("ninjs");

  g_assert_nonnull (exporter);
  return exporter;
}

/* The options the goldens are made with: a local lead image is referenced
 * by an absolute URL, as the schema requires. @article_dir may be NULL. */
static CdExportOptions
base_url_options (const char *article_dir)
{
  CdExportOptions options = { CD_EXPORT_IMAGE_BASE_URL, IMAGE_BASE_URL, article_dir, NULL };

  return options;
}

static GBytes *
export_fixture (const CdTestFixture *fixture,
                CdExportImageMode    mode)
{
  g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  CdExportOptions options = base_url_options (dir);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* A bundle as the export window and copydesk-cli make it: without an
   * image base URL, which would give the image an absolute URL. */
  options.image_mode = mode;
  if (mode == CD_EXPORT_IMAGE_BUNDLE)
    options.image_base_url = NULL;
  bytes = cd_exporter_export (ninjs_exporter (), article, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GBytes *
export_article (CdArticle *article)
{
  CdExportOptions options = base_url_options (NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = cd_exporter_export (ninjs_exporter (), article, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* Exports @article (with an image base URL) and parses the result. */
static JsonNode *
export_and_parse (CdArticle *article)
{
  g_autoptr(GBytes) bytes = export_article (article);

  return cd_test_parse_bytes (bytes);
}

static guint
array_length (JsonObject *object,
              const char *member)
{
  JsonArray *array = json_object_get_array_member (object, member);

  g_assert_nonnull (array);
  return json_array_get_length (array);
}

static JsonObject *
array_object (JsonObject *object,
              const char *member,
              guint       index)
{
  JsonArray *array = json_object_get_array_member (object, member);

  g_assert_nonnull (array);
  g_assert_cmpuint (index, <, json_array_get_length (array));
  return json_array_get_object_element (array, index);
}

static CdArticle *
new_article (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(GDateTime) modified = g_date_time_new_from_iso8601 ("2026-11-02T09:00:00Z", NULL);

  cd_article_set_id (article, "urn:uuid:00000000-0000-4000-8000-0000000000aa");
  cd_article_set_created (article, modified);
  cd_article_set_modified (article, modified);
  return article;
}

static void
compare_with_golden (const char *name,
                     GBytes     *bytes)
{
  g_autofree char *path = cd_test_golden_path (source_root, "ninjs", name, ".json");
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (strnlen (data, length), ==, length);
  cd_test_compare_with_golden (path, data, length);
}

static void
test_registry (void)
{
  CdExporter *exporter = cd_exporters_lookup ("ninjs");
  GListModel *all = cd_exporters_get_all ();
  g_autoptr(CdExporter) first = NULL;

  g_assert_nonnull (exporter);
  g_assert_true (CD_IS_NINJS_EXPORTER (exporter));
  /* Its id, extension and media type: test-exporter-conformance. */
  g_assert_cmpstr (cd_exporter_get_name (exporter), ==, "ninjs 2.2 (IPTC)");

  /* ninjs is the default export, so it comes first. */
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 1);
  first = g_list_model_get_item (all, 0);
  g_assert_true (first == exporter);
}

static void
test_golden_bundle (void)
{
  g_autoptr(GBytes) bytes = export_fixture (cd_test_find_fixture (fixtures, BUNDLE_FIXTURE),
                                            CD_EXPORT_IMAGE_BUNDLE);

  compare_with_golden (BUNDLE_GOLDEN, bytes);
}

static void
test_pubstatus (void)
{
  static const struct
  {
    CdArticleStatus status;
    const char *pubstatus;
  } cases[] = {
    { CD_ARTICLE_STATUS_DRAFT, "withheld" },
    { CD_ARTICLE_STATUS_IN_REVIEW, "withheld" },
    { CD_ARTICLE_STATUS_APPROVED, "usable" },
    { CD_ARTICLE_STATUS_PUBLISHED, "usable" },
    { CD_ARTICLE_STATUS_KILLED, "canceled" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      g_autoptr(JsonNode) root = NULL;

      cd_article_set_status (article, cases[i].status);
      root = export_and_parse (article);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "pubstatus"),
                       ==, cases[i].pubstatus);
    }
}

static void
test_subjects (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(CdTag) topic = cd_tag_new ("library and museum",
                                       "http://cv.iptc.org/newscodes/mediatopic/20000043",
                                       "medtop:20000043");
  g_autoptr(CdTag) free_tag = cd_tag_new ("Libraries", NULL, NULL);
  g_autoptr(CdTag) place = cd_tag_new ("Leeds", "https://sws.geonames.org/2644688/",
                                       "geonames:2644688");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *subject;
  g_autofree char *topic_names = NULL;
  g_autofree char *free_names = NULL;
  g_autofree char *place_names = NULL;

  cd_article_add_tag (article, topic);
  cd_article_add_tag (article, free_tag);
  cd_article_add_tag (article, place);
  root = export_and_parse (article);
  object = json_node_get_object (root);
  g_assert_cmpuint (array_length (object, "subjects"), ==, 3);

  /* A Media Topic: its URI in the IPTC vocabulary and its qualified code. */
  subject = array_object (object, "subjects", 0);
  topic_names = cd_test_member_names (subject);
  g_assert_cmpstr (topic_names, ==, "name,rel,uri,literal");
  g_assert_cmpstr (json_object_get_string_member (subject, "name"), ==, "library and museum");
  g_assert_cmpstr (json_object_get_string_member (subject, "rel"), ==, "about");
  g_assert_cmpstr (json_object_get_string_member (subject, "uri"), ==,
                   "http://cv.iptc.org/newscodes/mediatopic/20000043");
  g_assert_cmpstr (json_object_get_string_member (subject, "literal"), ==, "medtop:20000043");

  /* A free tag: its name only. */
  subject = array_object (object, "subjects", 1);
  free_names = cd_test_member_names (subject);
  g_assert_cmpstr (free_names, ==, "name,rel");
  g_assert_cmpstr (json_object_get_string_member (subject, "name"), ==, "Libraries");
  g_assert_cmpstr (json_object_get_string_member (subject, "rel"), ==, "about");

  /* A tag of another vocabulary keeps its own URI and code. */
  subject = array_object (object, "subjects", 2);
  place_names = cd_test_member_names (subject);
  g_assert_cmpstr (place_names, ==, "name,rel,uri,literal");
  g_assert_cmpstr (json_object_get_string_member (subject, "uri"), ==,
                   "https://sws.geonames.org/2644688/");
  g_assert_cmpstr (json_object_get_string_member (subject, "literal"), ==, "geonames:2644688");
}

static void
test_media_topic_uri_from_code (void)
{
  g_autoptr(CdArticle) article = new_article ();
  /* The URI is made from the code, whatever the tag says. */
  g_autoptr(CdTag) topic = cd_tag_new ("transport", "", "medtop:20000337");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *subject;

  cd_article_add_tag (article, topic);
  root = export_and_parse (article);
  subject = array_object (json_node_get_object (root), "subjects", 0);
  g_assert_cmpstr (json_object_get_string_member (subject, "uri"), ==,
                   "http://cv.iptc.org/newscodes/mediatopic/20000337");
  g_assert_cmpstr (json_object_get_string_member (subject, "literal"), ==, "medtop:20000337");
}

static void
assert_description (JsonObject *association,
                    guint       index,
                    const char *role,
                    const char *value)
{
  JsonObject *description = array_object (association, "descriptions", index);
  g_autofree char *names = cd_test_member_names (description);

  g_assert_cmpstr (names, ==, "role,contenttype,value");
  g_assert_cmpstr (json_object_get_string_member (description, "role"), ==, role);
  g_assert_cmpstr (json_object_get_string_member (description, "contenttype"), ==, "text/plain");
  g_assert_cmpstr (json_object_get_string_member (description, "value"), ==, value);
}

static void
test_image (void)
{
  CdArticle *article = new_article ();
  CdImage *image = cd_article_get_image (article);
  const char *url = "https://images.example.com/2026/harbour.PNG?w=1200";
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *association;
  JsonObject *rendition;
  g_autofree char *association_names = NULL;
  g_autofree char *rendition_names = NULL;

  cd_image_set_source (image, url);
  cd_image_set_alt (image, "A white ferry crossing the harbour.");
  cd_image_set_caption (image, "The Harbour Spirit on its first crossing.");
  cd_image_set_credit (image, "Photo: Example Agency");
  cd_image_set_photographer (image, "Sam Ortiz");
  cd_image_set_copyright (image, "© 2026 Example Agency");

  root = export_and_parse (article);
  object = json_node_get_object (root);
  g_assert_cmpuint (array_length (object, "associations"), ==, 1);

  association = array_object (object, "associations", 0);
  association_names = cd_test_member_names (association);
  g_assert_cmpstr (association_names, ==,
                   "name,uri,type,by,copyrightholder,copyrightnotice,descriptions,renditions");
  g_assert_cmpstr (json_object_get_string_member (association, "name"), ==, "featureimage");
  g_assert_cmpstr (json_object_get_string_member (association, "uri"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (association, "type"), ==, "picture");
  g_assert_cmpstr (json_object_get_string_member (association, "by"), ==, "Sam Ortiz");
  g_assert_cmpstr (json_object_get_string_member (association, "copyrightholder"), ==,
                   "Example Agency");
  g_assert_cmpstr (json_object_get_string_member (association, "copyrightnotice"), ==,
                   "© 2026 Example Agency");

  /* ninjs has no alt member: the alt text is the description with role "alt". */
  g_assert_cmpuint (array_length (association, "descriptions"), ==, 3);
  assert_description (association, 0, "caption", "The Harbour Spirit on its first crossing.");
  assert_description (association, 1, "alt", "A white ferry crossing the harbour.");
  assert_description (association, 2, "creditline", "Photo: Example Agency");

  g_assert_cmpuint (array_length (association, "renditions"), ==, 1);
  rendition = array_object (association, "renditions", 0);
  rendition_names = cd_test_member_names (rendition);
  g_assert_cmpstr (rendition_names, ==, "name,href,contenttype");
  g_assert_cmpstr (json_object_get_string_member (rendition, "name"), ==, "original");
  g_assert_cmpstr (json_object_get_string_member (rendition, "href"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (rendition, "contenttype"), ==, "image/png");

  /* The export keeps no reference to the article. */
  g_assert_finalize_object (article);
}

static void
test_image_source_only (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *association;
  g_autofree char *names = NULL;

  cd_image_set_source (cd_article_get_image (article), "https://images.example.com/a.jpg");
  root = export_and_parse (article);
  association = array_object (json_node_get_object (root), "associations", 0);
  names = cd_test_member_names (association);

  /* No empty descriptions, by or copyright members. */
  g_assert_cmpstr (names, ==, "name,uri,type,renditions");
}

static void
test_no_image (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(JsonNode) root = NULL;

  /* An image with a caption but no source is no lead image. */
  cd_image_set_caption (cd_article_get_image (article), "A caption without a picture.");
  root = export_and_parse (article);
  g_assert_false (json_object_has_member (json_node_get_object (root), "associations"));
}

static void
test_image_content_types (void)
{
  static const struct
  {
    const char *source;
    const char *content_type;  /* NULL: no contenttype member */
  } cases[] = {
    { "https://images.example.com/a.jpg", "image/jpeg" },
    { "https://images.example.com/a.JPEG", "image/jpeg" },
    { "https://images.example.com/a.png", "image/png" },
    { "https://images.example.com/a.webp", "image/webp" },
    { "https://images.example.com/a.gif", "image/gif" },
    { "https://images.example.com/a.gif?size=large.jpg", "image/gif" },
    { "https://images.example.com/a.webp#top", "image/webp" },
    { "https://images.example.com/a.tiff", NULL },
    { "https://images.example.com/picture", NULL },
    { "https://images.example.com/folder.png/picture", NULL },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      g_autoptr(JsonNode) root = NULL;
      JsonObject *rendition;

      g_test_message ("%s", cases[i].source);
      cd_image_set_source (cd_article_get_image (article), cases[i].source);
      root = export_and_parse (article);
      rendition = array_object (array_object (json_node_get_object (root), "associations", 0),
                                "renditions", 0);

      if (cases[i].content_type != NULL)
        g_assert_cmpstr (json_object_get_string_member (rendition, "contenttype"), ==,
                         cases[i].content_type);
      else
        g_assert_false (json_object_has_member (rendition, "contenttype"));
    }
}

static void
test_copyright_holder (void)
{
  static const struct
  {
    const char *copyright;
    const char *holder;  /* NULL: no copyrightholder member */
  } cases[] = {
    { "© 2026 Owen Clarke", "Owen Clarke" },
    { "©2026 Owen Clarke", "Owen Clarke" },
    { "Copyright (c) 2020–2026 Example Agency", "Example Agency" },
    { "Copyright 2019-2026, Example Agency", "Example Agency" },
    { "(C) Reuters", "Reuters" },
    { "© 2026 佐藤 健", "佐藤 健" },
    { "© 2026 3M Company", "3M Company" },
    { "Copyrighted Images Ltd", NULL },
    { "Example Agency", NULL },
    { "© 2026", NULL },
    { "Photo: Example Agency", NULL },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      g_autoptr(JsonNode) root = NULL;
      JsonObject *association;

      g_test_message ("%s", cases[i].copyright);
      cd_image_set_source (cd_article_get_image (article), "https://images.example.com/a.jpg");
      cd_image_set_copyright (cd_article_get_image (article), cases[i].copyright);
      root = export_and_parse (article);
      association = array_object (json_node_get_object (root), "associations", 0);

      g_assert_cmpstr (json_object_get_string_member (association, "copyrightnotice"), ==,
                       cases[i].copyright);
      if (cases[i].holder != NULL)
        g_assert_cmpstr (json_object_get_string_member (association, "copyrightholder"), ==,
                         cases[i].holder);
      else
        g_assert_false (json_object_has_member (association, "copyrightholder"));
    }
}

/* The counts describe the body's plain text, the text a reader reads, as
 * cd_text_count() counts it; the value is the body's HTML. */
static void
assert_body_matches (JsonObject *object,
                     const char *markdown)
{
  JsonObject *body = array_object (object, "bodies", 0);
  g_autofree char *html = cd_markdown_to_html (markdown, -1);
  g_autofree char *plain = cd_markdown_to_plain_text (markdown, -1);
  g_autofree char *names = cd_test_member_names (body);
  CdTextCounts counts;

  cd_text_count (plain, -1, &counts);
  g_assert_cmpuint (array_length (object, "bodies"), ==, 1);
  g_assert_cmpstr (names, ==, "role,contenttype,value,wordcount,charcount");
  g_assert_cmpstr (json_object_get_string_member (body, "role"), ==, "main");
  g_assert_cmpstr (json_object_get_string_member (body, "contenttype"), ==, "text/html");
  g_assert_cmpstr (json_object_get_string_member (body, "value"), ==, html);
  g_assert_cmpint (json_object_get_int_member (body, "wordcount"), ==, (gint64) counts.words);
  g_assert_cmpint (json_object_get_int_member (body, "charcount"), ==, (gint64) counts.characters);
}

static void
test_body_counts (void)
{
  const char *markdown = "# Title\n\nOne **bold** word.\n\n- a list item\n";
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body;

  cd_article_set_body (article, markdown);
  root = export_and_parse (article);
  assert_body_matches (json_node_get_object (root), markdown);

  /* "Title", "One bold word.", "a list item", separated by blank lines:
   * 7 words and 5 + 2 + 14 + 2 + 11 characters. Markup is not counted. */
  body = array_object (json_node_get_object (root), "bodies", 0);
  g_assert_cmpint (json_object_get_int_member (body, "wordcount"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (body, "charcount"), ==, 34);
  g_assert_nonnull (strstr (json_object_get_string_member (body, "value"),
                            "<strong>bold</strong>"));
}

static void
test_body_counts_fixtures (void)
{
  guint n_bodies = 0;

  for (guint i = 0; i < fixtures->len; i++)
    {
      const CdTestFixture *fixture = g_ptr_array_index (fixtures, i);
      g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
      g_autoptr(GBytes) bytes = export_fixture (fixture, CD_EXPORT_IMAGE_BASE_URL);
      g_autoptr(JsonNode) root = cd_test_parse_bytes (bytes);
      JsonObject *object = json_node_get_object (root);

      g_test_message ("%s", fixture->name);
      if (cd_article_get_body (article)[0] == '\0')
        {
          g_assert_false (json_object_has_member (object, "bodies"));
          continue;
        }

      {
        /* What readers read: suggestions resolved, comments left out,
         * the corrections log at the end (counted apart from the story). */
        g_autofree char *reader = cd_article_dup_reader_body (article);
        g_autofree char *log = cd_article_dup_corrections_markdown (article);

        g_autofree char *markdown = log != NULL ? g_strconcat (reader, "\n\n", log, NULL)
                                                : g_strdup (reader);

        assert_body_matches (object, markdown);
      }
      n_bodies++;
    }

  g_assert_cmpuint (n_bodies, >, 0);
}

static gboolean
test_is_absolute_uri (const char *text)
{
  /* RFC 3986: a scheme, then only unreserved, reserved or %-escaped characters. */
  if (!g_regex_match_simple ("^[A-Za-z][A-Za-z0-9+.-]*:"
                             "([A-Za-z0-9._~:/?@!$&'()*+,;=\\[\\]-]|%[0-9A-Fa-f]{2})+"
                             "(#([A-Za-z0-9._~:/?@!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*)?$",
                             text, 0, 0))
    return FALSE;

  return g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL);
}

typedef struct
{
  guint dates;
  guint uris;
} FormatCounts;

/* Checks every date-time and URI member under @node, and that nothing is
 * written empty: no blank string, no empty array or object. */
static void
check_formats (JsonNode     *node,
               const char   *member,
               FormatCounts *counts)
{
  static const char * const uri_members[] = { "uri", "href", "schema", NULL };
  static const char * const date_members[] = {
    "firstcreated", "versioncreated", "contentcreated", "embargoed", "expires", NULL
  };

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      g_assert_nonnull (members);
      for (const GList *l = members; l != NULL; l = l->next)
        check_formats (json_object_get_member (object, l->data), l->data, counts);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_assert_cmpuint (json_array_get_length (array), >, 0);
      for (guint i = 0; i < json_array_get_length (array); i++)
        check_formats (json_array_get_element (array, i), member, counts);
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *value = json_node_get_string (node);
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      g_assert_cmpstr (stripped, !=, "");

      if (member != NULL && g_strv_contains (date_members, member))
        {
          if (!cd_test_is_rfc3339 (value))
            g_test_message ("%s: %s", member, value);
          g_assert_true (cd_test_is_rfc3339 (value));
          counts->dates++;
        }

      if (member != NULL && g_strv_contains (uri_members, member))
        {
          if (!test_is_absolute_uri (value))
            g_test_message ("%s: %s", member, value);
          g_assert_true (test_is_absolute_uri (value));
          counts->uris++;
        }
    }
  else
    {
      g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);
      g_assert_true (g_strcmp0 (member, "wordcount") == 0 ||
                     g_strcmp0 (member, "charcount") == 0 ||
                     g_strcmp0 (member, "width") == 0 ||
                     g_strcmp0 (member, "height") == 0);
      g_assert_cmpint (json_node_get_int (node), >, 0);
    }
}

static void
test_checkers (void)
{
  /* The checks of this file reject what they must, or they prove nothing. */
  g_assert_true (cd_test_is_rfc3339 ("2026-11-27T09:30:00+01:00"));
  g_assert_true (cd_test_is_rfc3339 ("2026-11-27T09:30:00.250Z"));
  g_assert_false (cd_test_is_rfc3339 ("2026-11-27T09:30:00"));
  g_assert_false (cd_test_is_rfc3339 ("2026-11-27 09:30:00Z"));
  g_assert_false (cd_test_is_rfc3339 ("2026-13-27T09:30:00Z"));
  g_assert_false (cd_test_is_rfc3339 ("2026-11-27T09:30:00+0100"));

  g_assert_true (test_is_absolute_uri ("urn:uuid:9d2e7c41-58b0-4f3a-8e6d-2b1c0a9f4e57"));
  g_assert_true (test_is_absolute_uri ("https://media.example.org/images/a%20b.jpg"));
  g_assert_true (test_is_absolute_uri ("urn:uuid:9d2e7c41-58b0-4f3a-8e6d-2b1c0a9f4e57#image"));
  g_assert_false (test_is_absolute_uri ("harbour-ferry.jpg"));
  g_assert_false (test_is_absolute_uri ("/images/harbour-ferry.jpg"));
  g_assert_false (test_is_absolute_uri ("https://media.example.org/a b.jpg"));
  g_assert_false (test_is_absolute_uri ("https://media.example.org/a%2.jpg"));
  g_assert_false (test_is_absolute_uri ("urn:a#b#c"));
  g_assert_false (test_is_absolute_uri ("https://media.example.org/ü.jpg"));
  g_assert_false (test_is_absolute_uri ("https://media.example.org:80a/a.jpg"));
}

static void
test_formats (void)
{
  FormatCounts total = { 0, 0 };

  for (guint i = 0; i < fixtures->len; i++)
    {
      const CdTestFixture *fixture = g_ptr_array_index (fixtures, i);
      g_autoptr(GBytes) bytes = export_fixture (fixture, CD_EXPORT_IMAGE_BASE_URL);
      g_autoptr(GBytes) bundle = export_fixture (fixture, CD_EXPORT_IMAGE_BUNDLE);
      g_autoptr(JsonNode) root = cd_test_parse_bytes (bytes);
      g_autoptr(JsonNode) bundle_root = cd_test_parse_bytes (bundle);
      FormatCounts counts = { 0, 0 };

      g_test_message ("%s", fixture->name);
      check_formats (root, NULL, &counts);
      /* Each export has at least its uri and the standard's schema, and
       * every fixture has a creation and a modification time. */
      g_assert_cmpuint (counts.uris, >=, 2);
      g_assert_cmpuint (counts.dates, >=, 2);
      total.dates += counts.dates;
      total.uris += counts.uris;

      check_formats (bundle_root, NULL, &counts);
    }

  g_test_message ("checked %u date-times and %u URIs", total.dates, total.uris);
}

static void
test_format_counts_full (void)
{
  g_autoptr(GBytes) bytes = export_fixture (cd_test_find_fixture (fixtures, "full"),
                                            CD_EXPORT_IMAGE_BASE_URL);
  g_autoptr(JsonNode) root = cd_test_parse_bytes (bytes);
  FormatCounts counts = { 0, 0 };

  /* created, published, modified, embargo; the uri, the schema, the author's
   * URL, a Media Topic, the image association and its rendition. */
  check_formats (root, NULL, &counts);
  g_assert_cmpuint (counts.dates, ==, 4);
  g_assert_cmpuint (counts.uris, ==, 6);
}

static void
test_mapping_full (void)
{
  g_autoptr(GBytes) bytes = export_fixture (cd_test_find_fixture (fixtures, "full"),
                                            CD_EXPORT_IMAGE_BASE_URL);
  g_autoptr(JsonNode) root = cd_test_parse_bytes (bytes);
  JsonObject *object = json_node_get_object (root);
  JsonObject *standard;
  JsonObject *item;
  g_autofree char *names = NULL;
  g_autofree char *standard_names = NULL;
  g_autofree char *person_names = NULL;

  names = cd_test_member_names (object);
  g_assert_cmpstr (names, ==,
                   "uri,standard,type,version,pubstatus,contentcreated,firstcreated,"
                   "versioncreated,embargoed,language,slugline,located,by,people,headlines,"
                   "descriptions,subjects,ednote,bodies,associations");

  g_assert_cmpstr (json_object_get_string_member (object, "uri"), ==,
                   "urn:uuid:9d2e7c41-58b0-4f3a-8e6d-2b1c0a9f4e57");

  standard = json_object_get_object_member (object, "standard");
  standard_names = cd_test_member_names (standard);
  g_assert_cmpstr (standard_names, ==, "name,version,schema");
  g_assert_cmpstr (json_object_get_string_member (standard, "name"), ==, "ninjs");
  g_assert_cmpstr (json_object_get_string_member (standard, "version"), ==, "2.2");
  g_assert_cmpstr (json_object_get_string_member (standard, "schema"), ==, NINJS_SCHEMA_URI);

  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "text");
  /* The modification time, 2026-10-14T08:02:41+01:00, in seconds since 1970. */
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "version")));
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, "1791961361");
  g_assert_cmpstr (json_object_get_string_member (object, "pubstatus"), ==, "usable");
  g_assert_cmpstr (json_object_get_string_member (object, "contentcreated"), ==,
                   "2026-10-12T14:20:05+01:00");
  g_assert_cmpstr (json_object_get_string_member (object, "firstcreated"), ==,
                   "2026-10-14T09:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (object, "versioncreated"), ==,
                   "2026-10-14T08:02:41+01:00");
  g_assert_cmpstr (json_object_get_string_member (object, "embargoed"), ==,
                   "2026-10-14T00:01:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "en-GB");
  g_assert_cmpstr (json_object_get_string_member (object, "slugline"), ==,
                   "central-library-reopens-after-roof-repairs-with-longer-hours");
  g_assert_cmpstr (json_object_get_string_member (object, "located"), ==, "Leeds");
  g_assert_cmpstr (json_object_get_string_member (object, "by"), ==, "By Aisha Rahman");
  g_assert_cmpstr (json_object_get_string_member (object, "ednote"), ==,
                   "Opening hours confirmed with the library press office on 13 October.");

  item = array_object (object, "people", 0);
  person_names = cd_test_member_names (item);
  g_assert_cmpstr (person_names, ==, "name,rel,uri");
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "Aisha Rahman");
  g_assert_cmpstr (json_object_get_string_member (item, "rel"), ==, "author");
  g_assert_cmpstr (json_object_get_string_member (item, "uri"), ==,
                   "https://example.com/authors/aisha-rahman");

  item = array_object (object, "headlines", 0);
  g_assert_cmpstr (json_object_get_string_member (item, "role"), ==, "main");
  g_assert_cmpstr (json_object_get_string_member (item, "value"), ==,
                   "Central library reopens after roof repairs with longer hours");

  item = array_object (object, "descriptions", 0);
  g_assert_cmpstr (json_object_get_string_member (item, "role"), ==, "summary");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "value"),
                                   "Readers returned to the Grade II-listed building"));

  /* A local image with a base URL: the URL is the association's uri and href. */
  item = array_object (object, "associations", 0);
  g_assert_cmpstr (json_object_get_string_member (item, "uri"), ==,
                   IMAGE_BASE_URL "library-reading-room.jpg");
  item = array_object (item, "renditions", 0);
  g_assert_cmpstr (json_object_get_string_member (item, "href"), ==,
                   IMAGE_BASE_URL "library-reading-room.jpg");
  g_assert_cmpstr (json_object_get_string_member (item, "contenttype"), ==, "image/jpeg");
}

static void
test_minimal (void)
{
  g_autoptr(GBytes) bytes = export_fixture (cd_test_find_fixture (fixtures, "minimal"),
                                            CD_EXPORT_IMAGE_BASE_URL);
  g_autoptr(JsonNode) root = cd_test_parse_bytes (bytes);
  g_autofree char *names = cd_test_member_names (json_node_get_object (root));

  /* Empty fields leave no empty members behind. */
  g_assert_cmpstr (names, ==, "uri,standard,type,version,pubstatus,contentcreated,versioncreated");
}

static void
test_no_times (void)
{
  g_autoptr(CdArticle) article = cd_article_new_empty ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *names = NULL;

  /* Without a modification time there is no version to derive. */
  cd_article_set_id (article, "urn:uuid:00000000-0000-4000-8000-0000000000bb");
  root = export_and_parse (article);
  names = cd_test_member_names (json_node_get_object (root));
  g_assert_cmpstr (names, ==, "uri,standard,type,pubstatus");
}

static void
test_bundle (void)
{
  const CdTestFixture *fixture = cd_test_find_fixture (fixtures, BUNDLE_FIXTURE);
  g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
  g_autoptr(GBytes) bytes = export_fixture (fixture, CD_EXPORT_IMAGE_BUNDLE);
  g_autoptr(JsonNode) root = cd_test_parse_bytes (bytes);
  JsonObject *association = array_object (json_node_get_object (root), "associations", 0);
  JsonObject *rendition = array_object (association, "renditions", 0);
  g_autofree char *uri = g_strconcat (cd_article_get_id (article), "#featureimage", NULL);
  g_autofree char *names = cd_test_member_names (rendition);

  /* The schema wants an absolute URI in `href`, which a file beside the
   * export does not have: the file name is the rendition's title. */
  g_assert_cmpstr (json_object_get_string_member (association, "uri"), ==, uri);
  g_assert_cmpstr (names, ==, "name,title,contenttype,width,height");
  g_assert_cmpstr (json_object_get_string_member (rendition, "title"), ==, "harbour-ferry.jpg");
  g_assert_cmpstr (json_object_get_string_member (rendition, "contenttype"), ==, "image/jpeg");
}

static void
test_bundle_file_name (void)
{
  g_autoptr(CdArticle) article = new_article ();
  CdExportOptions options = { CD_EXPORT_IMAGE_BUNDLE, NULL, NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *rendition;

  cd_image_set_source (cd_article_get_image (article), "photos/ferry at dawn.webp");
  bytes = cd_exporter_export (ninjs_exporter (), article, &options, &error);
  g_assert_no_error (error);
  root = cd_test_parse_bytes (bytes);
  rendition = array_object (array_object (json_node_get_object (root), "associations", 0),
                            "renditions", 0);
  g_assert_cmpstr (json_object_get_string_member (rendition, "title"), ==, "ferry at dawn.webp");
  g_assert_cmpstr (json_object_get_string_member (rendition, "contenttype"), ==, "image/webp");
  g_assert_false (json_object_has_member (rendition, "href"));
}

static void
test_bundle_remote_image (void)
{
  g_autoptr(CdArticle) article = new_article ();
  CdExportOptions options = { CD_EXPORT_IMAGE_BUNDLE, NULL, NULL, NULL };
  const char *url = "https://images.example.com/a.jpg";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *association;
  JsonObject *rendition;

  /* An image that already has a URL keeps it in a bundle too. */
  cd_image_set_source (cd_article_get_image (article), url);
  bytes = cd_exporter_export (ninjs_exporter (), article, &options, &error);
  g_assert_no_error (error);
  root = cd_test_parse_bytes (bytes);
  association = array_object (json_node_get_object (root), "associations", 0);
  g_assert_cmpstr (json_object_get_string_member (association, "uri"), ==, url);
  rendition = array_object (association, "renditions", 0);
  g_assert_cmpstr (json_object_get_string_member (rendition, "href"), ==, url);
}

static void
test_bundle_to_file (void)
{
  const CdTestFixture *fixture = cd_test_find_fixture (fixtures, BUNDLE_FIXTURE);
  g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
  g_autofree char *article_dir = g_path_get_dirname (fixture->path);
  CdExportOptions options = { CD_EXPORT_IMAGE_BUNDLE, NULL, article_dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = cd_test_make_temp_dir ();
  g_autofree char *json_path = NULL;
  g_autofree char *image_path = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GBytes) expected = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  json_path = g_build_filename (tmp, "article.json", NULL);
  image_path = g_build_filename (tmp, "harbour-ferry.jpg", NULL);
  output = g_file_new_for_path (json_path);

  g_assert_true (cd_exporter_export_to_file (ninjs_exporter (), article, &options, output, &error));
  g_assert_no_error (error);

  /* The file holds the export, and the image it names is beside it. */
  expected = cd_exporter_export (ninjs_exporter (), article, &options, &error);
  g_assert_no_error (error);
  g_file_get_contents (json_path, &written, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (written, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_true (g_file_test (image_path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (g_remove (image_path), ==, 0);
  g_assert_cmpint (g_remove (json_path), ==, 0);
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

static void
test_local_image_needs_mode (void)
{
  g_autoptr(CdArticle) article = new_article ();
  CdExportOptions none = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  cd_image_set_source (cd_article_get_image (article), "harbour-ferry.jpg");

  /* With no options an export never points at the author's disk. */
  bytes = cd_exporter_export (ninjs_exporter (), article, NULL, &error);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (bytes);
  g_clear_error (&error);

  bytes = cd_exporter_export (ninjs_exporter (), article, &none, &error);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (bytes);
}

typedef void (*BreakFunc) (CdArticle *article);

static void
break_empty_id (CdArticle *article)
{
  cd_article_set_id (article, "");
}

static void
break_relative_id (CdArticle *article)
{
  cd_article_set_id (article, "9d2e7c41-58b0-4f3a-8e6d-2b1c0a9f4e57");
}

static void
break_author_url (CdArticle *article)
{
  g_autoptr(CdAuthor) author = cd_author_new ("Aisha Rahman");

  cd_author_set_url (author, "example.com/authors/aisha-rahman");
  cd_article_add_author (article, author);
}

static void
break_author_port (CdArticle *article)
{
  g_autoptr(CdAuthor) author = cd_author_new ("Aisha Rahman");

  /* Only characters a URI may hold, but no valid port. */
  cd_author_set_url (author, "https://example.com:80a/authors/aisha-rahman");
  cd_article_add_author (article, author);
}

static void
break_image_url (CdArticle *article)
{
  cd_image_set_source (cd_article_get_image (article), "https://images.example.com/a photo.jpg");
}

static void
break_tag_uri (CdArticle *article)
{
  g_autoptr(CdTag) tag = cd_tag_new ("Leeds", "places/leeds", "places:leeds");

  cd_article_add_tag (article, tag);
}

static void
test_invalid (void)
{
  static const struct
  {
    BreakFunc break_article;
    CdExportError code;
    const char *path;  /* what the message must name */
  } cases[] = {
    { break_empty_id, CD_EXPORT_ERROR_INVALID, "uri" },
    { break_relative_id, CD_EXPORT_ERROR_INVALID, "“uri”" },
    { break_author_url, CD_EXPORT_ERROR_INVALID, "people[0].uri" },
    { break_author_port, CD_EXPORT_ERROR_INVALID, "people[0].uri" },
    /* Not a web address (cd_url_is_web_address()) and not a file either:
     * refused when the image is resolved, before the document is built. */
    { break_image_url, CD_EXPORT_ERROR_IMAGE, "“https://images.example.com/a photo.jpg”" },
    { break_tag_uri, CD_EXPORT_ERROR_INVALID, "subjects[0].uri" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      CdExportOptions options = base_url_options (NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      cases[i].break_article (article);
      bytes = cd_exporter_export (ninjs_exporter (), article, &options, &error);
      g_assert_error (error, CD_EXPORT_ERROR, (int) cases[i].code);
      g_assert_null (bytes);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].path));
    }
}

static void
test_invalid_base_url (void)
{
  g_autoptr(CdArticle) article = new_article ();
  CdExportOptions options = { CD_EXPORT_IMAGE_BASE_URL, "https://media.example.org/our images/",
                              NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* Not a web address (cd_url_is_web_address()): refused when the image
   * is resolved, before the document is built. */
  cd_image_set_source (cd_article_get_image (article), "harbour-ferry.jpg");
  bytes = cd_exporter_export (ninjs_exporter (), article, &options, &error);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (bytes);
  g_assert_nonnull (strstr (error->message, "“https://media.example.org/our images/”"));
  g_assert_nonnull (strstr (error->message, "image base URL"));
}

static void
test_invalid_bundle_uri (void)
{
  g_autoptr(CdArticle) article = new_article ();
  CdExportOptions options = { CD_EXPORT_IMAGE_BUNDLE, NULL, NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* An id with a fragment leaves no room for the image's: two "#" are no URI. */
  cd_article_set_id (article, "urn:example:article#1");
  cd_image_set_source (cd_article_get_image (article), "harbour-ferry.jpg");
  bytes = cd_exporter_export (ninjs_exporter (), article, &options, &error);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID);
  g_assert_null (bytes);
  g_assert_nonnull (strstr (error->message, "associations[0].uri"));
}

int
main (int argc, char **argv)
{
  int ret;

  cd_test_init (&argc, &argv);

  source_root = cd_test_dup_source_root ();
  fixtures = cd_test_fixtures_new (source_root);

  g_test_add_func ("/export-ninjs/registry", test_registry);
  /* The golden files of the fixtures, their completeness and determinism:
   * test-exporter-conformance. The bundle's golden is ninjs's own. */
  g_test_add_func ("/export-ninjs/golden/" BUNDLE_GOLDEN, test_golden_bundle);
  g_test_add_func ("/export-ninjs/pubstatus", test_pubstatus);
  g_test_add_func ("/export-ninjs/subjects", test_subjects);
  g_test_add_func ("/export-ninjs/media-topic-uri-from-code", test_media_topic_uri_from_code);
  g_test_add_func ("/export-ninjs/image", test_image);
  g_test_add_func ("/export-ninjs/image-source-only", test_image_source_only);
  g_test_add_func ("/export-ninjs/no-image", test_no_image);
  g_test_add_func ("/export-ninjs/image-content-types", test_image_content_types);
  g_test_add_func ("/export-ninjs/copyright-holder", test_copyright_holder);
  g_test_add_func ("/export-ninjs/body-counts", test_body_counts);
  g_test_add_func ("/export-ninjs/body-counts-fixtures", test_body_counts_fixtures);
  g_test_add_func ("/export-ninjs/checkers", test_checkers);
  g_test_add_func ("/export-ninjs/formats", test_formats);
  g_test_add_func ("/export-ninjs/format-counts-full", test_format_counts_full);
  g_test_add_func ("/export-ninjs/mapping-full", test_mapping_full);
  g_test_add_func ("/export-ninjs/minimal", test_minimal);
  g_test_add_func ("/export-ninjs/no-times", test_no_times);
  g_test_add_func ("/export-ninjs/bundle", test_bundle);
  g_test_add_func ("/export-ninjs/bundle-file-name", test_bundle_file_name);
  g_test_add_func ("/export-ninjs/bundle-remote-image", test_bundle_remote_image);
  g_test_add_func ("/export-ninjs/bundle-to-file", test_bundle_to_file);
  g_test_add_func ("/export-ninjs/local-image-needs-mode", test_local_image_needs_mode);
  g_test_add_func ("/export-ninjs/invalid", test_invalid);
  g_test_add_func ("/export-ninjs/invalid-base-url", test_invalid_base_url);
  g_test_add_func ("/export-ninjs/invalid-bundle-uri", test_invalid_bundle_uri);

  ret = g_test_run ();

  g_ptr_array_unref (fixtures);
  g_free (source_root);
  return ret;
}
