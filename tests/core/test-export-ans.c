/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cd-article.h"
#include "cd-article-file.h"
#include "cd-export-ans.h"
#include "cd-exporter.h"
#include "cd-test-util.h"

/* The ANS export is compared byte for byte with the golden files in
 * tests/golden/ans/, one per fixture article (the .copydesk files in
 * tests/articles and data/sample; test-exporter-conformance compares them)
 * plus the sample exported as a bundle (here), which
 * tests/ans/validate-ans.py validates against the ANS 0.10.12 schemas. Run
 * with CD_UPDATE_GOLDEN=1 to rewrite them after an intended change, and
 * review the diff. */

#define IMAGE_BASE_URL "https://media.example.org/images/"
#define BUNDLE_FIXTURE "harbour-ferry"
#define BUNDLE_GOLDEN  "harbour-ferry-bundle"
#define ANS_VERSION    "0.10.12"
#define TEST_ID        "urn:uuid:00000000-0000-4000-8000-0000000000aa"

static GPtrArray *fixtures;
static char *source_root;

static CdExporter *
ans_exporter (void)
{
  CdExporter *exporter = cd_exporters_lookup ("ans");

  g_assert_nonnull (exporter);
  return exporter;
}

/* Exports @article with @mode (the image base URL is always given) and
 * returns the bytes, or NULL with @error set. */
static GBytes *
try_export (CdArticle          *article,
            CdExportImageMode   mode,
            const char         *article_dir,
            GError            **error)
{
  CdExportOptions options = { mode, IMAGE_BASE_URL, article_dir, NULL };

  return cd_exporter_export (ans_exporter (), article, &options, error);
}

static GBytes *
export_with_mode (CdArticle         *article,
                  CdExportImageMode  mode)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = try_export (article, mode, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GBytes *
export_fixture (const CdTestFixture *fixture,
                CdExportImageMode    mode)
{
  g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = try_export (article, mode, dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static JsonNode *
export_and_parse (CdArticle         *article,
                  CdExportImageMode  mode)
{
  g_autoptr(GBytes) bytes = export_with_mode (article, mode);

  return cd_test_parse_bytes (bytes);
}

static JsonNode *
export_fixture_and_parse (const char *name)
{
  g_autoptr(GBytes) bytes = export_fixture (cd_test_find_fixture (fixtures, name),
                                            CD_EXPORT_IMAGE_BASE_URL);

  return cd_test_parse_bytes (bytes);
}

static void
assert_members (JsonObject *object,
                const char *expected)
{
  g_autofree char *names = cd_test_member_names (object);

  g_assert_cmpstr (names, ==, expected);
}

static JsonObject *
object_at (JsonArray *array,
           guint      index)
{
  g_assert_nonnull (array);
  g_assert_cmpuint (index, <, json_array_get_length (array));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, index)));
  return json_array_get_object_element (array, index);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, member)));
  return json_object_get_object_member (object, member);
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)));
  return json_object_get_array_member (object, member);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

static gboolean
member_boolean (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  return json_node_get_boolean (node);
}

/* The `type` of each element of @elements, joined by commas. */
static char *
element_types (JsonArray *elements)
{
  g_autoptr(GString) types = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      if (types->len > 0)
        g_string_append_c (types, ',');
      g_string_append (types, member_string (object_at (elements, i), "type"));
    }

  return g_string_free (g_steal_pointer (&types), FALSE);
}

/* Arc's id shape: 26 characters of RFC 4648 base32. */
static gboolean
is_ans_id (const char *id)
{
  if (strlen (id) != 26)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!((*p >= 'A' && *p <= 'Z') || (*p >= '2' && *p <= '7')))
        return FALSE;
    }

  return TRUE;
}

/* Calls @func on every member of every object in the tree under @node. */
static void
walk_members (JsonNode *node,
              void    (*func) (const char *name, JsonNode *value, gpointer data),
              gpointer  data)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        walk_members (json_array_get_element (array, i), func, data);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (object, l->data);

          func (l->data, child, data);
          walk_members (child, func, data);
        }
    }
}

static void
collect_ids_cb (const char *name,
                JsonNode   *value,
                gpointer    data)
{
  GPtrArray *ids = data;

  if (g_str_equal (name, "_id"))
    g_ptr_array_add (ids, g_strdup (json_node_get_string (value)));
}

/* Every `_id` in the document, in document order. */
static GPtrArray *
collect_ids (JsonNode *root)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  walk_members (root, collect_ids_cb, ids);
  return ids;
}

static CdArticle *
new_article (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(GDateTime) modified = g_date_time_new_from_iso8601 ("2026-11-02T09:00:00Z", NULL);

  cd_article_set_id (article, TEST_ID);
  cd_article_set_created (article, modified);
  cd_article_set_modified (article, modified);
  return article;
}

static void
compare_with_golden (const char *name,
                     GBytes     *bytes)
{
  g_autofree char *path = cd_test_golden_path (source_root, "ans", name, ".json");
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  cd_test_compare_with_golden (path, data, length);
}

static void
test_registry (void)
{
  CdExporter *exporter = cd_exporters_lookup ("ans");

  /* Its id, extension and media type, and that it is listed:
   * test-exporter-conformance. */
  g_assert_nonnull (exporter);
  g_assert_true (CD_IS_ANS_EXPORTER (exporter));
  g_assert_nonnull (strstr (cd_exporter_get_name (exporter), "ANS 0.10.12"));
}

static void
test_golden_bundle (void)
{
  g_autoptr(GBytes) bytes = export_fixture (cd_test_find_fixture (fixtures, BUNDLE_FIXTURE),
                                            CD_EXPORT_IMAGE_BUNDLE);
  g_autoptr(JsonNode) root = cd_test_parse_bytes (bytes);
  JsonObject *promo = member_object (member_object (json_node_get_object (root), "promo_items"),
                                     "basic");

  /* In a bundle the image is the file beside the export. */
  g_assert_cmpstr (member_string (promo, "url"), ==, "harbour-ferry.jpg");
  compare_with_golden (BUNDLE_GOLDEN, bytes);
}

static void
test_story (void)
{
  g_autoptr(JsonNode) root = export_fixture_and_parse ("full");
  JsonObject *story = json_node_get_object (root);
  JsonObject *source;
  JsonObject *author;
  JsonObject *embargo;
  JsonArray *tags;
  JsonObject *tag;

  assert_members (story,
                  "type,version,_id,source,language,created_date,last_updated_date,"
                  "first_publish_date,display_date,status,workflow,content_restrictions,slug,"
                  "location,headlines,subheadlines,description,credits,planning,comments,"
                  "taxonomy,promo_items,content_elements");

  g_assert_cmpstr (member_string (story, "type"), ==, "story");
  g_assert_cmpstr (member_string (story, "version"), ==, ANS_VERSION);

  /* base32 of the bytes of 9d2e7c41-58b0-4f3a-8e6d-2b1c0a9f4e57, worked out
   * independently (Python's base64.b32encode). */
  g_assert_cmpstr (member_string (story, "_id"), ==, "TUXHYQKYWBHTVDTNFMOAVH2OK4");

  source = member_object (story, "source");
  assert_members (source, "source_id,system");
  g_assert_cmpstr (member_string (source, "source_id"), ==,
                   "urn:uuid:9d2e7c41-58b0-4f3a-8e6d-2b1c0a9f4e57");
  g_assert_cmpstr (member_string (source, "system"), ==, "Copydesk");

  g_assert_cmpstr (member_string (story, "language"), ==, "en-GB");
  g_assert_cmpstr (member_string (story, "created_date"), ==, "2026-10-12T14:20:05+01:00");
  g_assert_cmpstr (member_string (story, "last_updated_date"), ==, "2026-10-14T08:02:41+01:00");
  g_assert_cmpstr (member_string (story, "first_publish_date"), ==, "2026-10-14T09:00:00+01:00");
  g_assert_cmpstr (member_string (story, "display_date"), ==, "2026-10-14T09:00:00+01:00");
  g_assert_cmpstr (member_string (story, "status"), ==, "published");
  g_assert_cmpint (member_int (member_object (story, "workflow"), "status_code"), ==, 4);

  embargo = member_object (member_object (story, "content_restrictions"), "embargo");
  assert_members (embargo, "active,end_time");
  g_assert_true (member_boolean (embargo, "active"));
  g_assert_cmpstr (member_string (embargo, "end_time"), ==, "2026-10-14T00:01:00+01:00");

  g_assert_cmpstr (member_string (story, "slug"), ==,
                   "central-library-reopens-after-roof-repairs-with-longer-hours");
  g_assert_cmpstr (member_string (story, "location"), ==, "Leeds");
  g_assert_cmpstr (member_string (member_object (story, "headlines"), "basic"), ==,
                   "Central library reopens after roof repairs with longer hours");
  g_assert_cmpstr (member_string (member_object (story, "subheadlines"), "basic"), ==,
                   "Readers returned to the Grade II-listed building on Wednesday, eight months "
                   "after a storm tore part of its roof away.");
  g_assert_cmpstr (member_string (member_object (story, "description"), "basic"), ==,
                   member_string (member_object (story, "subheadlines"), "basic"));
  /* The editor's note is for the newsroom: ANS's `editor_note` is shown to
   * readers near the content, `planning.internal_note` is not. */
  g_assert_false (json_object_has_member (story, "editor_note"));
  assert_members (member_object (story, "planning"), "internal_note");
  g_assert_cmpstr (member_string (member_object (story, "planning"), "internal_note"), ==,
                   "Opening hours confirmed with the library press office on 13 October.");
  g_assert_true (member_boolean (member_object (story, "comments"), "allow_comments"));

  g_assert_cmpuint (json_array_get_length (member_array (member_object (story, "credits"), "by")),
                    ==, 1);
  author = object_at (member_array (member_object (story, "credits"), "by"), 0);
  assert_members (author, "type,name,byline,role,url");
  g_assert_cmpstr (member_string (author, "type"), ==, "author");
  g_assert_cmpstr (member_string (author, "name"), ==, "Aisha Rahman");
  g_assert_cmpstr (member_string (author, "byline"), ==, "Aisha Rahman");
  g_assert_cmpstr (member_string (author, "role"), ==, "Arts reporter");
  g_assert_cmpstr (member_string (author, "url"), ==, "https://example.com/authors/aisha-rahman");

  tags = member_array (member_object (story, "taxonomy"), "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  tag = object_at (tags, 0);
  g_assert_cmpstr (member_string (tag, "text"), ==, "library and museum");
  g_assert_cmpstr (member_string (tag, "slug"), ==, "library-and-museum");
  g_assert_cmpstr (member_string (member_object (tag, "additional_properties"), "code"), ==,
                   "medtop:20000043");
  g_assert_cmpstr (member_string (member_object (tag, "additional_properties"), "uri"), ==,
                   "http://cv.iptc.org/newscodes/mediatopic/20000043");
  tag = object_at (tags, 1);
  assert_members (tag, "text,slug");
  g_assert_cmpstr (member_string (tag, "text"), ==, "Libraries");
  g_assert_cmpstr (member_string (tag, "slug"), ==, "libraries");
}

static void
test_lead_image (void)
{
  g_autoptr(JsonNode) root = export_fixture_and_parse ("full");
  JsonObject *promo_items = member_object (json_node_get_object (root), "promo_items");
  JsonObject *image;
  JsonObject *by;

  assert_members (promo_items, "basic");
  image = member_object (promo_items, "basic");
  assert_members (image, "type,_id,version,url,caption,alt_text,credits,vanity_credits,copyright");
  g_assert_cmpstr (member_string (image, "type"), ==, "image");
  g_assert_true (is_ans_id (member_string (image, "_id")));
  g_assert_cmpstr (member_string (image, "version"), ==, ANS_VERSION);
  g_assert_cmpstr (member_string (image, "url"), ==, IMAGE_BASE_URL "library-reading-room.jpg");
  g_assert_cmpstr (member_string (image, "caption"), ==,
                   "The reading room, closed since February, has a new glass roof.");
  g_assert_cmpstr (member_string (image, "alt_text"), ==,
                   "The domed reading room of the library, with rows of wooden desks under a "
                   "glass ceiling.");
  g_assert_cmpstr (member_string (image, "copyright"), ==, "© 2026 Owen Clarke");

  by = object_at (member_array (member_object (image, "credits"), "by"), 0);
  assert_members (by, "type,name");
  g_assert_cmpstr (member_string (by, "type"), ==, "author");
  g_assert_cmpstr (member_string (by, "name"), ==, "Owen Clarke");
  /* The credit line names the photographer: how the person is credited. */
  by = object_at (member_array (member_object (image, "vanity_credits"), "by"), 0);
  assert_members (by, "type,name,byline");
  g_assert_cmpstr (member_string (by, "type"), ==, "author");
  g_assert_cmpstr (member_string (by, "name"), ==, "Owen Clarke");
  g_assert_cmpstr (member_string (by, "byline"), ==, "Photo: Owen Clarke");
}

static void
test_lead_image_credits (void)
{
  /* ANS credits of type "author" are people: the photographer. A credit
   * line that names no one of them ("Reuters") is the image's
   * distributor. */
  static const struct
  {
    const char *photographer;
    const char *credit;
    const char *credits_name;      /* NULL: no credits */
    const char *vanity_byline;     /* NULL: no vanity_credits */
    const char *distributor_name;  /* NULL: no distributor */
  } cases[] = {
    { "Owen Clarke", "Photo: Owen Clarke", "Owen Clarke", "Photo: Owen Clarke", NULL },
    { "Owen Clarke", "", "Owen Clarke", NULL, NULL },
    { "", "Photo: Example Agency", NULL, NULL, "Photo: Example Agency" },
    { "", "Reuters", NULL, NULL, "Reuters" },
    { "Sam Ortiz", "Reuters", "Sam Ortiz", NULL, "Reuters" },
    { " Owen Clarke ", "Owen Clarke", "Owen Clarke", NULL, NULL },
    { "", " ", NULL, NULL, NULL },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      CdImage *image = cd_article_get_image (article);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *promo;

      cd_image_set_source (image, "https://images.example.com/2026/a.jpg");
      cd_image_set_photographer (image, cases[i].photographer);
      cd_image_set_credit (image, cases[i].credit);
      root = export_and_parse (article, CD_EXPORT_IMAGE_NONE);
      promo = member_object (member_object (json_node_get_object (root), "promo_items"), "basic");

      g_test_message ("case %zu", i);
      g_assert_cmpstr (member_string (promo, "url"), ==, "https://images.example.com/2026/a.jpg");
      g_assert_false (json_object_has_member (promo, "caption"));
      g_assert_false (json_object_has_member (promo, "alt_text"));
      g_assert_false (json_object_has_member (promo, "copyright"));

      if (cases[i].credits_name != NULL)
        g_assert_cmpstr (member_string (object_at (member_array (member_object (promo, "credits"),
                                                                 "by"), 0), "name"),
                         ==, cases[i].credits_name);
      else
        g_assert_false (json_object_has_member (promo, "credits"));

      if (cases[i].vanity_byline != NULL)
        {
          JsonObject *vanity = object_at (member_array (member_object (promo, "vanity_credits"),
                                                        "by"), 0);

          g_assert_cmpstr (member_string (vanity, "name"), ==, cases[i].credits_name);
          g_assert_cmpstr (member_string (vanity, "byline"), ==, cases[i].vanity_byline);
        }
      else
        {
          g_assert_false (json_object_has_member (promo, "vanity_credits"));
        }

      if (cases[i].distributor_name != NULL)
        {
          assert_members (member_object (promo, "distributor"), "name");
          g_assert_cmpstr (member_string (member_object (promo, "distributor"), "name"), ==,
                           cases[i].distributor_name);
        }
      else
        {
          g_assert_false (json_object_has_member (promo, "distributor"));
        }
    }
}

static void
test_content_elements (void)
{
  g_autoptr(JsonNode) root = export_fixture_and_parse ("markdown-constructs");
  JsonArray *elements = member_array (json_node_get_object (root), "content_elements");
  g_autofree char *types = element_types (elements);
  static const gint64 levels[] = { 2, 3, 4, 5, 6, 1, 2 };
  JsonObject *element;
  JsonArray *items;
  JsonArray *quoted;
  g_autofree char *quoted_types = NULL;
  g_autofree char *item_types = NULL;
  g_autofree char *header_types = NULL;
  JsonArray *rows;

  g_assert_cmpstr (types, ==,
                   "text,"
                   "header,header,header,header,header,header,header,"
                   "text,"
                   "list,list,list,list,list,"
                   "quote,"
                   "code,code,code,"
                   "divider,divider,"
                   "table,"
                   "text,text,text,text");

  /* A paragraph is its inline HTML, with no <p>. */
  element = object_at (elements, 0);
  assert_members (element, "type,_id,content");
  g_assert_true (g_str_has_prefix (member_string (element, "content"),
                                   "Opening paragraph with <em>emphasis</em>"));

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      element = object_at (elements, 1 + i);
      assert_members (element, "type,_id,content,level");
      g_assert_cmpint (member_int (element, "level"), ==, levels[i]);
    }
  g_assert_cmpstr (member_string (object_at (elements, 1), "content"), ==, "Second-level heading");
  g_assert_cmpstr (member_string (object_at (elements, 6), "content"), ==, "Setext heading");

  /* Lists: one text element per item. */
  element = object_at (elements, 9);
  assert_members (element, "type,_id,list_type,items");
  g_assert_cmpstr (member_string (element, "list_type"), ==, "unordered");
  items = member_array (element, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  item_types = element_types (items);
  g_assert_cmpstr (item_types, ==, "text,text,text");
  g_assert_cmpstr (member_string (object_at (items, 0), "content"), ==, "Unordered item one");
  g_assert_true (g_str_has_prefix (member_string (object_at (items, 1), "content"),
                                   "Unordered item two\n<ul>\n<li>Nested item</li>"));
  g_assert_cmpstr (member_string (object_at (items, 2), "content"), ==, "Unordered item three");

  element = object_at (elements, 12);
  g_assert_cmpstr (member_string (element, "list_type"), ==, "ordered");
  g_assert_false (json_object_has_member (element, "additional_properties"));
  g_assert_cmpuint (json_array_get_length (member_array (element, "items")), ==, 5);

  /* A quote holds elements: its paragraph as text, richer blocks as HTML. */
  element = object_at (elements, 14);
  assert_members (element, "type,_id,content_elements");
  quoted = member_array (element, "content_elements");
  quoted_types = element_types (quoted);
  g_assert_cmpstr (quoted_types, ==, "text,raw_html,raw_html");
  g_assert_cmpstr (member_string (object_at (quoted, 0), "content"), ==,
                   "A block quote with <strong>strong</strong> text.");
  g_assert_true (g_str_has_prefix (member_string (object_at (quoted, 1), "content"),
                                   "<blockquote>"));

  element = object_at (elements, 15);
  assert_members (element, "type,_id,content,language");
  g_assert_cmpstr (member_string (element, "language"), ==, "c");
  g_assert_true (g_str_has_prefix (member_string (element, "content"), "/* A fenced code block"));
  g_assert_true (g_str_has_suffix (member_string (element, "content"), "return 0;\n}"));
  g_assert_cmpstr (member_string (object_at (elements, 16), "language"), ==, "plaintext");
  g_assert_cmpstr (member_string (object_at (elements, 16), "content"), ==,
                   "A tilde-fenced code block with <angle brackets> & ampersands.");

  assert_members (object_at (elements, 18), "type,_id");

  element = object_at (elements, 20);
  assert_members (element, "type,_id,header,rows");
  header_types = element_types (member_array (element, "header"));
  g_assert_cmpstr (header_types, ==, "text,text,text");
  g_assert_cmpstr (member_string (object_at (member_array (element, "header"), 1), "content"),
                   ==, "Centre");
  rows = member_array (element, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_array_get_array_element (rows, 1)), ==, 3);
  g_assert_cmpstr (member_string (object_at (json_array_get_array_element (rows, 1), 0),
                                  "content"), ==, "<strong>c</strong>");
  g_assert_cmpstr (member_string (object_at (json_array_get_array_element (rows, 1), 1),
                                  "content"), ==, "d | e");

  /* Raw HTML typed in the body is text, escaped, never markup. */
  g_assert_cmpstr (member_string (object_at (elements, 24), "content"), ==,
                   "&lt;div class=&quot;aside&quot;&gt;\nA raw HTML block.\n&lt;/div&gt;");
}

static void
test_list_start (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *types = NULL;
  JsonArray *elements;
  JsonObject *list;

  cd_article_set_body (article, "7. seven\n8. eight\n\n- a\n\n1. one\n");
  root = export_and_parse (article, CD_EXPORT_IMAGE_NONE);
  elements = member_array (json_node_get_object (root), "content_elements");
  types = element_types (elements);
  g_assert_cmpstr (types, ==, "list,list,list");

  list = object_at (elements, 0);
  assert_members (list, "type,_id,list_type,items,additional_properties");
  g_assert_cmpint (member_int (member_object (list, "additional_properties"), "start"), ==, 7);
  g_assert_cmpstr (member_string (object_at (member_array (list, "items"), 1), "content"), ==,
                   "eight");
  g_assert_false (json_object_has_member (object_at (elements, 1), "additional_properties"));
  g_assert_false (json_object_has_member (object_at (elements, 2), "additional_properties"));
}

static void
test_body_images (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *types = NULL;
  JsonArray *elements;
  JsonObject *image;

  cd_article_set_body (article,
                       "![A harbour at dusk](https://example.com/harbour.jpg \"The harbour\")\n\n"
                       "![A chart](figures/ferry%20chart.png)\n\n"
                       "![Write to us](mailto:desk@example.com)\n\n"
                       "![](#top)\n");

  root = export_and_parse (article, CD_EXPORT_IMAGE_BASE_URL);
  elements = member_array (json_node_get_object (root), "content_elements");
  types = element_types (elements);
  g_assert_cmpstr (types, ==, "image,image,text");

  image = object_at (elements, 0);
  assert_members (image, "type,_id,version,url,caption,alt_text");
  g_assert_cmpstr (member_string (image, "version"), ==, ANS_VERSION);
  g_assert_cmpstr (member_string (image, "url"), ==, "https://example.com/harbour.jpg");
  g_assert_cmpstr (member_string (image, "caption"), ==, "The harbour");
  g_assert_cmpstr (member_string (image, "alt_text"), ==, "A harbour at dusk");

  /* A file beside the article: the image base URL and its file name. */
  image = object_at (elements, 1);
  assert_members (image, "type,_id,version,url,alt_text");
  g_assert_cmpstr (member_string (image, "url"), ==, IMAGE_BASE_URL "ferry%20chart.png");

  /* An image that names no file is its alt text, as in the preview. */
  g_assert_cmpstr (member_string (object_at (elements, 2), "content"), ==, "Write to us");

  bundle = export_and_parse (article, CD_EXPORT_IMAGE_BUNDLE);
  elements = member_array (json_node_get_object (bundle), "content_elements");
  g_assert_cmpstr (member_string (object_at (elements, 0), "url"), ==,
                   "https://example.com/harbour.jpg");
  g_assert_cmpstr (member_string (object_at (elements, 1), "url"), ==, "ferry%20chart.png");

  /* With neither, a file on disk cannot be exported. */
  bytes = try_export (article, CD_EXPORT_IMAGE_NONE, NULL, &error);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (bytes);
  g_assert_nonnull (strstr (error->message, "figures/ferry%20chart.png"));
}

static void
test_empty (void)
{
  g_autoptr(JsonNode) root = export_fixture_and_parse ("minimal");
  JsonObject *story = json_node_get_object (root);
  g_autoptr(CdArticle) article = cd_article_new_empty ();
  g_autoptr(JsonNode) bare = NULL;

  /* Blank fields are left out, not written empty. */
  assert_members (story,
                  "type,version,_id,source,created_date,last_updated_date,status,workflow,"
                  "comments");
  g_assert_cmpstr (member_string (story, "status"), ==, "draft");
  g_assert_cmpint (member_int (member_object (story, "workflow"), "status_code"), ==, 1);
  g_assert_false (member_boolean (member_object (story, "comments"), "allow_comments"));

  /* An article with no id and no dates at all. */
  bare = export_and_parse (article, CD_EXPORT_IMAGE_NONE);
  assert_members (json_node_get_object (bare), "type,version,source,status,workflow,comments");
  assert_members (member_object (json_node_get_object (bare), "source"), "system");
}

static void
test_statuses (void)
{
  static const struct
  {
    CdArticleStatus status;
    const char *name;
    gint64 code;
  } cases[] = {
    { CD_ARTICLE_STATUS_DRAFT, "draft", 1 },
    { CD_ARTICLE_STATUS_IN_REVIEW, "in-review", 2 },
    { CD_ARTICLE_STATUS_APPROVED, "approved", 3 },
    { CD_ARTICLE_STATUS_PUBLISHED, "published", 4 },
    { CD_ARTICLE_STATUS_KILLED, "killed", 5 },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = new_article ();
      g_autoptr(JsonNode) root = NULL;
      JsonObject *story;

      cd_article_set_status (article, cases[i].status);
      root = export_and_parse (article, CD_EXPORT_IMAGE_NONE);
      story = json_node_get_object (root);
      g_assert_cmpstr (member_string (story, "status"), ==, cases[i].name);
      g_assert_cmpint (member_int (member_object (story, "workflow"), "status_code"), ==,
                       cases[i].code);
    }
}

static void
test_embargo (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(GDateTime) embargo = g_date_time_new_from_iso8601 ("2026-11-03T06:00:00.25-05:00",
                                                                NULL);
  g_autoptr(JsonNode) without = NULL;
  g_autoptr(JsonNode) with = NULL;
  JsonObject *object;

  without = export_and_parse (article, CD_EXPORT_IMAGE_NONE);
  g_assert_false (json_object_has_member (json_node_get_object (without), "content_restrictions"));

  cd_article_set_embargo (article, embargo);
  with = export_and_parse (article, CD_EXPORT_IMAGE_NONE);
  object = member_object (member_object (json_node_get_object (with), "content_restrictions"),
                          "embargo");
  assert_members (object, "active,end_time");
  g_assert_true (member_boolean (object, "active"));
  g_assert_cmpstr (member_string (object, "end_time"), ==, "2026-11-03T06:00:00.25-05:00");
}

static void
test_authors (void)
{
  g_autoptr(CdArticle) article = new_article ();
  g_autoptr(CdAuthor) blank = cd_author_new ("  ");
  g_autoptr(CdAuthor) first = cd_author_new (" Helen Marsh ");
  g_autoptr(CdAuthor) second = cd_author_new ("Kwame Osei");
  g_autoptr(JsonNode) root = NULL;
  JsonArray *by;

  cd_author_set_email (first, "helen.marsh@example.com");
  cd_author_set_role (second, "Transport correspondent");
  cd_author_set_url (blank, "https://example.com/nobody");
  cd_article_add_author (article, blank);
  cd_article_add_author (article, first);
  cd_article_add_author (article, second);

  root = export_and_parse (article, CD_EXPORT_IMAGE_NONE);
  by = member_array (member_object (json_node_get_object (root), "credits"), "by");
  g_assert_cmpuint (json_array_get_length (by), ==, 2);

  /* The name as in the byline; no e-mail address. */
  assert_members (object_at (by, 0), "type,name,byline");
  g_assert_cmpstr (member_string (object_at (by, 0), "name"), ==, "Helen Marsh");
  g_assert_cmpstr (member_string (object_at (by, 0), "byline"), ==, "Helen Marsh");
  assert_members (object_at (by, 1), "type,name,byline,role");
  g_assert_cmpstr (member_string (object_at (by, 1), "role"), ==, "Transport correspondent");
}

static void
test_tags (void)
{
  g_autoptr(JsonNode) root = export_fixture_and_parse ("greek");
  JsonArray *tags = member_array (member_object (json_node_get_object (root), "taxonomy"), "tags");

  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (member_string (object_at (tags, 0), "slug"), ==, "transport");
  /* No ASCII slug for a Greek name: no slug rather than an empty one. */
  assert_members (object_at (tags, 1), "text");
  g_assert_cmpstr (member_string (object_at (tags, 1), "text"), ==, "Πειραιάς");
}

static void
test_ids (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CdArticle) upper = new_article ();
  g_autoptr(CdArticle) lower = new_article ();
  g_autoptr(CdArticle) other = new_article ();
  g_autoptr(JsonNode) upper_root = NULL;
  g_autoptr(JsonNode) lower_root = NULL;
  g_autoptr(JsonNode) other_root = NULL;

  /* Every id in every fixture's export has Arc's shape and is unique, in
   * its story and across stories. */
  for (guint i = 0; i < fixtures->len; i++)
    {
      g_autoptr(GBytes) bytes = export_fixture (g_ptr_array_index (fixtures, i),
                                                CD_EXPORT_IMAGE_BASE_URL);
      g_autoptr(JsonNode) root = cd_test_parse_bytes (bytes);
      g_autoptr(GPtrArray) ids = collect_ids (root);

      for (guint j = 0; j < ids->len; j++)
        {
          const char *id = g_ptr_array_index (ids, j);

          g_assert_true (is_ans_id (id));
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, g_strdup (id));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), >, 100);

  /* The UUID's case does not change the id; another id gives another. */
  cd_article_set_id (upper, "URN:UUID:3F6C2A8E-9B41-4D7A-A5E2-6C0D9F1B7E34");
  cd_article_set_id (lower, "urn:uuid:3f6c2a8e-9b41-4d7a-a5e2-6c0d9f1b7e34");
  cd_article_set_id (other, "tag:example.com,2026:article-17");
  upper_root = export_and_parse (upper, CD_EXPORT_IMAGE_NONE);
  lower_root = export_and_parse (lower, CD_EXPORT_IMAGE_NONE);
  other_root = export_and_parse (other, CD_EXPORT_IMAGE_NONE);
  g_assert_cmpstr (member_string (json_node_get_object (upper_root), "_id"), ==,
                   "H5WCVDU3IFGXVJPCNQGZ6G36GQ");
  g_assert_cmpstr (member_string (json_node_get_object (lower_root), "_id"), ==,
                   "H5WCVDU3IFGXVJPCNQGZ6G36GQ");
  g_assert_true (is_ans_id (member_string (json_node_get_object (other_root), "_id")));
  g_assert_cmpstr (member_string (member_object (json_node_get_object (other_root), "source"),
                                  "source_id"), ==, "tag:example.com,2026:article-17");
}

typedef struct
{
  guint n_dates;
  guint n_urls;
  gboolean bundle;
} FormatCounts;

static gboolean
is_web_url (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL &&
         (g_str_equal (g_uri_get_scheme (uri), "https") ||
          g_str_equal (g_uri_get_scheme (uri), "http")) &&
         g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0' &&
         strpbrk (text, " \t\n\"<>\\^`{|}") == NULL;
}

static void
check_formats_cb (const char *name,
                  JsonNode   *value,
                  gpointer    data)
{
  FormatCounts *counts = data;
  const char *text;

  if (!g_str_has_suffix (name, "_date") && !g_str_equal (name, "end_time") &&
      !g_str_equal (name, "url"))
    return;

  g_assert_true (JSON_NODE_HOLDS_VALUE (value));
  text = json_node_get_string (value);
  g_assert_nonnull (text);

  if (g_str_equal (name, "url"))
    {
      /* In a bundle, an image may be a file name beside the export. */
      gboolean ok = is_web_url (text) ||
                    (counts->bundle && strchr (text, '/') == NULL && strchr (text, ':') == NULL);

      if (!ok)
        g_test_message ("url “%s” is not an absolute http(s) URL", text);
      g_assert_true (ok);
      counts->n_urls++;
    }
  else
    {
      if (!cd_test_is_rfc3339 (text))
        g_test_message ("%s “%s” is not an RFC 3339 date-time with an offset", name, text);
      g_assert_true (cd_test_is_rfc3339 (text));
      counts->n_dates++;
    }
}

static void
test_formats (void)
{
  FormatCounts counts = { 0, 0, FALSE };
  g_autoptr(GBytes) bytes = export_fixture (cd_test_find_fixture (fixtures, BUNDLE_FIXTURE),
                                            CD_EXPORT_IMAGE_BUNDLE);
  g_autoptr(JsonNode) bundle = cd_test_parse_bytes (bytes);

  /* The checks themselves can fail. */
  g_assert_true (cd_test_is_rfc3339 ("2026-10-14T09:00:00+01:00"));
  g_assert_true (cd_test_is_rfc3339 ("2026-10-14T09:00:00.5Z"));
  g_assert_false (cd_test_is_rfc3339 ("2026-10-14T09:00:00"));
  g_assert_false (cd_test_is_rfc3339 ("2026-10-14 09:00:00Z"));
  g_assert_false (cd_test_is_rfc3339 ("2026-02-30T09:00:00Z"));
  g_assert_true (is_web_url ("https://media.example.org/images/a.jpg"));
  g_assert_false (is_web_url ("a.jpg"));
  g_assert_false (is_web_url ("https://example.com/a b.jpg"));
  g_assert_false (is_web_url ("file:///home/reporter/a.jpg"));

  for (guint i = 0; i < fixtures->len; i++)
    {
      g_autoptr(GBytes) fixture_bytes = export_fixture (g_ptr_array_index (fixtures, i),
                                                        CD_EXPORT_IMAGE_BASE_URL);
      g_autoptr(JsonNode) root = cd_test_parse_bytes (fixture_bytes);

      walk_members (root, check_formats_cb, &counts);
    }

  /* Every fixture has created and modified dates; several have authors'
   * pages and lead images. */
  g_assert_cmpuint (counts.n_dates, >=, 2 * fixtures->len);
  g_assert_cmpuint (counts.n_urls, >=, 5);

  counts.bundle = TRUE;
  walk_members (bundle, check_formats_cb, &counts);
}

static void
assert_export_fails (CdArticle  *article,
                     GQuark      domain,
                     int         code,
                     const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = try_export (article, CD_EXPORT_IMAGE_BASE_URL, NULL, &error);

  g_assert_error (error, domain, code);
  g_assert_null (bytes);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, in_message));
}

static void
test_invalid (void)
{
  g_autoptr(CdArticle) relative_author = new_article ();
  g_autoptr(CdArticle) spaced_image = new_article ();
  g_autoptr(CdArticle) spaced_body_image = new_article ();
  g_autoptr(CdArticle) hostless_body_image = new_article ();
  g_autoptr(CdAuthor) author = cd_author_new ("Aisha Rahman");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CdExportOptions options = { CD_EXPORT_IMAGE_BASE_URL, "ftp://media.example.org/", NULL, NULL };
  g_autoptr(CdArticle) local_body_image = new_article ();

  /* An author's page that is not an absolute URL. */
  cd_author_set_url (author, "example.com/authors/aisha-rahman");
  cd_article_add_author (relative_author, author);
  assert_export_fails (relative_author, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                       "credits.by[0].url");

  /* A lead image whose address has a space in it is not a web address
   * (cd_url_is_web_address()) and not a file either: refused when the
   * image is resolved, before the document is built. */
  cd_image_set_source (cd_article_get_image (spaced_image), "https://images.example.com/a b.jpg");
  assert_export_fails (spaced_image, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE,
                       "“https://images.example.com/a b.jpg”");

  /* A body image meant for the web that is not a web address
   * (cd_url_is_web_address()) is refused, naming the address. */
  cd_article_set_body (spaced_body_image, "![A](https://images.example.com/a%zzb.jpg)\n");
  assert_export_fails (spaced_body_image, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                       "“https://images.example.com/a%zzb.jpg”");
  cd_article_set_body (hostless_body_image, "![A](HTTPS:///a.jpg)\n");
  assert_export_fails (hostless_body_image, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                       "“HTTPS:///a.jpg”");

  /* A body image on disk with an image base URL that is not http(s). */
  cd_article_set_body (local_body_image, "![A](chart.png)\n");
  bytes = cd_exporter_export (ans_exporter (), local_body_image, &options, &error);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (bytes);
}

int
main (int argc, char **argv)
{
  int status;

  cd_test_init (&argc, &argv);

  source_root = cd_test_dup_source_root ();
  fixtures = cd_test_fixtures_new (source_root);
  g_assert_cmpuint (fixtures->len, >=, 8);

  g_test_add_func ("/export-ans/registry", test_registry);

  /* The golden files of the fixtures, their completeness and determinism:
   * test-exporter-conformance. The bundle's golden is ANS's own. */
  g_test_add_func ("/export-ans/golden/" BUNDLE_GOLDEN, test_golden_bundle);
  g_test_add_func ("/export-ans/story", test_story);
  g_test_add_func ("/export-ans/lead-image", test_lead_image);
  g_test_add_func ("/export-ans/lead-image-credits", test_lead_image_credits);
  g_test_add_func ("/export-ans/content-elements", test_content_elements);
  g_test_add_func ("/export-ans/list-start", test_list_start);
  g_test_add_func ("/export-ans/body-images", test_body_images);
  g_test_add_func ("/export-ans/empty", test_empty);
  g_test_add_func ("/export-ans/statuses", test_statuses);
  g_test_add_func ("/export-ans/embargo", test_embargo);
  g_test_add_func ("/export-ans/authors", test_authors);
  g_test_add_func ("/export-ans/tags", test_tags);
  g_test_add_func ("/export-ans/ids", test_ids);
  g_test_add_func ("/export-ans/formats", test_formats);
  g_test_add_func ("/export-ans/invalid", test_invalid);

  status = g_test_run ();

  g_clear_pointer (&fixtures, g_ptr_array_unref);
  g_clear_pointer (&source_root, g_free);
  return status;
}
