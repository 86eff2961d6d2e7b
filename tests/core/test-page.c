/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cd-article-file.h"
#include "cd-export-html.h"
#include "cd-exporter.h"
#include "cd-test-util.h"
#include "cd-page.h"

/*
 * Tests of the article page (cd-page.c, data/page/) and the "html" exporter.
 *
 * Every article in tests/articles/ and data/sample/ is exported as a page
 * with its image bundled and compared with tests/golden/html/<name>.html.
 * Run with CD_UPDATE_GOLDEN=1 to write the golden files after a deliberate
 * change, look at the pages in a browser and read the diff before committing
 * them. A missing golden file fails the test.
 *
 * Every page, golden or not, is also checked on its own terms by
 * check_page(): well-formed XML, no script or event handler anywhere, and a
 * Content-Security-Policy whose hashes match the stylesheet and style
 * attributes the page really has, so a golden file written from a broken
 * page does not make the mistake permanent.
 */

#define GOLDEN_DIR       "html"
#define GOLDEN_EXTENSION ".html"
#define MIN_FIXTURES     8

#define HOSTILE "<script>alert(1)</script>\"><img src=x onerror=alert(1)>'"

static char *source_root;

typedef struct
{
  char *name;
  char *path;
} Fixture;

static GPtrArray *fixtures;

static void
fixture_free (gpointer data)
{
  Fixture *fixture = data;

  g_free (fixture->name);
  g_free (fixture->path);
  g_free (fixture);
}

static int
compare_fixtures (gconstpointer a,
                  gconstpointer b)
{
  const Fixture *fa = *(const Fixture * const *) a;
  const Fixture *fb = *(const Fixture * const *) b;

  return strcmp (fa->name, fb->name);
}

static void
collect_fixtures (const char *folder)
{
  g_autofree char *dir_path = g_build_filename (source_root, folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      Fixture *fixture;

      if (!g_str_has_suffix (entry, ".copydesk"))
        continue;

      fixture = g_new0 (Fixture, 1);
      fixture->name = g_strndup (entry, strlen (entry) - strlen (".copydesk"));
      fixture->path = g_build_filename (dir_path, entry, NULL);
      g_ptr_array_add (fixtures, fixture);
    }
}

static CdArticle *
load_article (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return g_steal_pointer (&article);
}

static GDateTime *
parse_date (const char *text)
{
  GDateTime *date_time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (date_time);
  return date_time;
}

static char *
render (CdArticle   *article,
        const char  *image_href,
        CdPageTheme  theme)
{
  CdPageOptions options = { image_href, theme };

  return cd_page_render (article, &options);
}

/* Parsing and inspecting a page */

/* The page must be well-formed XML, which is stricter than HTML: every
 * element closed, every attribute quoted, every & an entity. */
static xmlDoc *
parse_page (const char *page)
{
  xmlParserCtxt *context = xmlNewParserCtxt ();
  xmlDoc *doc;

  g_assert_nonnull (context);
  doc = xmlCtxtReadMemory (context, page, (int)strlen (page), "page.html", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !context->wellFormed)
    {
      const xmlError *error = xmlCtxtGetLastError (context);

      g_test_message ("%s", page);
      g_error ("The page is not well-formed: line %d: %s", error != NULL ? error->line : 0,
               error != NULL ? error->message : "(no message)");
    }

  xmlFreeParserCtxt (context);
  return doc;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

static char *
get_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *)content);

  xmlFree (content);
  return copy;
}

static gboolean
has_class (xmlNode    *node,
           const char *class_name)
{
  g_autofree char *classes = get_attribute (node, "class");
  g_auto(GStrv) tokens = NULL;

  if (classes == NULL)
    return FALSE;

  tokens = g_strsplit (classes, " ", -1);
  return g_strv_contains ((const char * const *)tokens, class_name);
}

/* Collects, in document order, the elements called @name (any name for
 * NULL) that have @class_name (any class for NULL). */
static void
collect_elements (xmlNode    *node,
                  const char *name,
                  const char *class_name,
                  GPtrArray  *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if ((name == NULL || g_ascii_strcasecmp ((const char *)node->name, name) == 0) &&
          (class_name == NULL || has_class (node, class_name)))
        g_ptr_array_add (out, node);

      collect_elements (node->children, name, class_name, out);
    }
}

static GPtrArray *
find_all (xmlDoc     *doc,
          const char *name,
          const char *class_name)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_elements (xmlDocGetRootElement (doc), name, class_name, out);
  return out;
}

static xmlNode *
find_one (xmlDoc     *doc,
          const char *name,
          const char *class_name)
{
  g_autoptr(GPtrArray) all = find_all (doc, name, class_name);

  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

static guint
count (xmlDoc     *doc,
       const char *name,
       const char *class_name)
{
  g_autoptr(GPtrArray) all = find_all (doc, name, class_name);

  return all->len;
}

/* The text of the one element called @name with @class_name, NULL if none. */
static char *
text_of (xmlDoc     *doc,
         const char *name,
         const char *class_name)
{
  g_autoptr(GPtrArray) all = find_all (doc, name, class_name);

  g_assert_cmpuint (all->len, <=, 1);
  return all->len == 1 ? get_text (g_ptr_array_index (all, 0)) : NULL;
}

static char *
hash_source (const char *text)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autofree char *base64 = NULL;

  g_checksum_update (checksum, (const guchar *)text, strlen (text));
  g_checksum_get_digest (checksum, digest, &length);
  base64 = g_base64_encode (digest, length);
  return g_strdup_printf ("'sha256-%s'", base64);
}

/* The directive @name of @policy, with the spaces around it trimmed. */
static char *
policy_directive (const char *policy,
                  const char *name)
{
  g_auto(GStrv) directives = g_strsplit (policy, ";", -1);

  for (guint i = 0; directives[i] != NULL; i++)
    {
      char *directive = g_strstrip (directives[i]);

      if (g_str_has_prefix (directive, name) && directive[strlen (name)] == ' ')
        return g_strdup (directive + strlen (name) + 1);
    }

  return NULL;
}

static gboolean
is_dangerous_url (const char *url)
{
  g_autofree char *trimmed = g_strstrip (g_ascii_strdown (url, -1));

  return g_str_has_prefix (trimmed, "javascript:") || g_str_has_prefix (trimmed, "vbscript:") ||
         (g_str_has_prefix (trimmed, "data:") && !g_str_has_prefix (trimmed, "data:image/"));
}

static void
check_attributes (xmlNode   *node,
                  GPtrArray *style_values)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
        {
          const char *name = (const char *)attribute->name;
          g_autofree char *value = get_attribute (node, name);

          if (g_ascii_strncasecmp (name, "on", 2) == 0)
            g_test_fail_printf ("<%s> has an event handler %s=\"%s\"", node->name, name, value);
          if ((g_ascii_strcasecmp (name, "href") == 0 || g_ascii_strcasecmp (name, "src") == 0) &&
              is_dangerous_url (value))
            g_test_fail_printf ("<%s> has %s=\"%s\"", node->name, name, value);
          if (g_ascii_strcasecmp (name, "style") == 0)
            g_ptr_array_add (style_values, g_steal_pointer (&value));
        }

      check_attributes (node->children, style_values);
    }
}

/* What every page must be, whatever the article: parses as XML, runs
 * nothing, loads nothing the policy does not name, and has a policy that
 * allows exactly its own stylesheet and style attributes. */
static void
check_page (const char *page)
{
  static const char * const forbidden[] = {
    "script", "iframe", "frame", "object", "embed", "form", "input", "button", "link", "base",
    "svg", "math", "template", "noscript", "audio", "video", "source",
  };
  xmlDoc *doc = parse_page (page);
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(GPtrArray) metas = find_all (doc, "meta", NULL);
  g_autoptr(GPtrArray) styles = find_all (doc, "style", NULL);
  g_autoptr(GPtrArray) style_values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *policy = NULL;
  g_autofree char *style_src = NULL;
  g_autofree char *stylesheet = NULL;
  g_autofree char *stylesheet_hash = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *dir = NULL;
  xmlNode *head;
  xmlNode *first_meta = NULL;
  guint n_policies = 0;

  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html "));
  g_assert_cmpstr ((const char *)root->name, ==, "html");
  g_assert_null (strstr (page, "SPDX-License-Identifier: GPL-3.0-or-later\n    SPDX"));

  lang = get_attribute (root, "lang");
  dir = get_attribute (root, "dir");
  g_assert_nonnull (lang);
  g_assert_true (g_strcmp0 (dir, "ltr") == 0 || g_strcmp0 (dir, "rtl") == 0);

  for (size_t i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      if (count (doc, forbidden[i], NULL) != 0)
        g_test_fail_printf ("The page has a <%s> element", forbidden[i]);
    }
  g_assert_null (strstr (page, "<script"));

  /* The policy comes first in <head>, after the character set, so that it
   * covers everything after it. */
  head = find_one (doc, "head", NULL);
  g_assert_nonnull (head);
  for (xmlNode *child = head->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          if (first_meta == NULL)
            {
              g_autofree char *charset = get_attribute (child, "charset");

              g_assert_cmpstr (charset, ==, "utf-8");
              first_meta = child;
              continue;
            }
          else
            {
              g_autofree char *equiv = get_attribute (child, "http-equiv");

              g_assert_cmpstr (equiv, ==, "Content-Security-Policy");
              policy = get_attribute (child, "content");
              break;
            }
        }
    }

  for (guint i = 0; i < metas->len; i++)
    {
      g_autofree char *equiv = get_attribute (g_ptr_array_index (metas, i), "http-equiv");

      if (equiv != NULL)
        {
          g_assert_cmpstr (equiv, ==, "Content-Security-Policy");
          n_policies++;
        }
    }
  g_assert_cmpuint (n_policies, ==, 1);

  g_assert_nonnull (policy);
  g_assert_true (g_str_has_prefix (policy, "default-src 'none'; "));
  g_assert_nonnull (strstr (policy, "; base-uri 'none'"));
  g_assert_nonnull (strstr (policy, "; form-action 'none'"));
  g_assert_null (strstr (policy, "unsafe-inline"));
  g_assert_null (strstr (policy, "unsafe-eval"));
  g_assert_null (strstr (policy, "script-src"));
  g_assert_null (strstr (policy, "*"));

  /* One stylesheet, inline, allowed by its hash; every style attribute
   * allowed by its own. */
  g_assert_cmpuint (styles->len, ==, 1);
  stylesheet = get_text (g_ptr_array_index (styles, 0));
  g_assert_cmpuint (strlen (stylesheet), >, 1000);
  stylesheet_hash = hash_source (stylesheet);
  style_src = policy_directive (policy, "style-src");
  g_assert_nonnull (style_src);
  g_assert_true (g_str_has_prefix (style_src, stylesheet_hash));

  check_attributes (root, style_values);
  for (guint i = 0; i < style_values->len; i++)
    {
      g_autofree char *hash = hash_source (g_ptr_array_index (style_values, i));

      g_assert_nonnull (strstr (style_src, "'unsafe-hashes'"));
      if (strstr (style_src, hash) == NULL)
        g_test_fail_printf ("style=\"%s\" is not allowed by the policy",
                            (const char *)g_ptr_array_index (style_values, i));
    }

  xmlFreeDoc (doc);
}

/* Golden files */

static char *
golden_path (const char *name)
{
  g_autofree char *file_name = g_strconcat (name, GOLDEN_EXTENSION, NULL);

  return g_build_filename (source_root, "tests", "golden", GOLDEN_DIR, file_name, NULL);
}

static gboolean
updating_golden (void)
{
  return g_strcmp0 (g_getenv ("CD_UPDATE_GOLDEN"), "1") == 0;
}

/* Reports the first line where @actual and @expected differ. */
static void
fail_with_difference (const char *golden,
                      const char *expected,
                      const char *actual)
{
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);
  g_auto(GStrv) actual_lines = g_strsplit (actual, "\n", -1);
  guint i;

  for (i = 0; expected_lines[i] != NULL && actual_lines[i] != NULL; i++)
    {
      if (strcmp (expected_lines[i], actual_lines[i]) != 0)
        break;
    }

  /* Each line of a TAP diagnostic must start with "#": g_test_message()
   * does that, a failure message with newlines would break the protocol. */
  g_test_message ("expected: %s",
                  expected_lines[i] != NULL ? expected_lines[i] : "(end of file)");
  g_test_message ("actual:   %s",
                  actual_lines[i] != NULL ? actual_lines[i] : "(end of file)");
  g_test_fail_printf ("%s differs at line %u (CD_UPDATE_GOLDEN=1 rewrites it after a "
                      "deliberate change)", golden, i + 1);
}

/* The pages are compared without their stylesheet, which has a golden of
 * its own (test-exporter-conformance): a change to it rewrites one file. */
static void
compare_with_golden (const char *golden,
                     const char *page)
{
  g_autofree char *actual = cd_test_strip_page_stylesheet (page);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (updating_golden ())
    {
      g_autofree char *folder = g_path_get_dirname (golden);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      g_file_set_contents (golden, actual, -1, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", golden);
      return;
    }

  if (!g_file_get_contents (golden, &expected, NULL, &error))
    {
      g_test_fail_printf ("No golden file %s (%s); run the test with CD_UPDATE_GOLDEN=1 "
                          "to write it, and check it", golden, error->message);
      return;
    }

  {
    g_autofree char *stripped = cd_test_strip_page_stylesheet (expected);

    if (strcmp (stripped, actual) != 0)
      fail_with_difference (golden, stripped, actual);
  }
}

/* The page as the "html" exporter writes it, the image bundled beside it. */
static char *
export_page (CdArticle  *article,
             const char *article_dir)
{
  CdExportOptions options = { CD_EXPORT_IMAGE_BUNDLE, NULL, article_dir, NULL };
  CdExporter *exporter = cd_exporters_lookup ("html");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_assert_nonnull (exporter);
  bytes = cd_exporter_export (exporter, article, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, size, NULL));
  g_assert_null (memchr (data, '\0', size));
  return g_strndup (data, size);
}

static void
test_golden (gconstpointer data)
{
  const Fixture *fixture = data;
  g_autoptr(CdArticle) article = load_article (fixture->path);
  g_autofree char *article_dir = g_path_get_dirname (fixture->path);
  g_autofree char *golden = golden_path (fixture->name);
  g_autofree char *page = export_page (article, article_dir);

  check_page (page);
  compare_with_golden (golden, page);
}

/* Every fixture has a golden page and every golden page a fixture. */
static void
test_golden_complete (void)
{
  g_autofree char *folder = g_build_filename (source_root, "tests", "golden", GOLDEN_DIR, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char *entry;
  guint n_golden = 0;

  g_assert_cmpuint (fixtures->len, >=, MIN_FIXTURES);

  /* GTest runs this before the golden tests of /page/golden/. */
  if (updating_golden ())
    {
      g_test_skip ("The golden files are being written");
      return;
    }

  for (guint i = 0; i < fixtures->len; i++)
    {
      Fixture *fixture = g_ptr_array_index (fixtures, i);

      /* Two fixtures of one name would share a golden file. */
      g_assert_false (g_hash_table_contains (names, fixture->name));
      g_hash_table_add (names, fixture->name);
    }

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = NULL;

      if (g_str_has_suffix (entry, GOLDEN_EXTENSION))
        name = g_strndup (entry, strlen (entry) - strlen (GOLDEN_EXTENSION));

      if (name == NULL || !g_hash_table_contains (names, name))
        g_test_fail_printf ("%s/%s belongs to no fixture", folder, entry);
      n_golden++;
    }

  g_assert_cmpuint (n_golden, ==, fixtures->len);
}

/* The exporter */

static void
test_exporter (void)
{
  CdExporter *exporter = cd_exporters_lookup ("html");
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autofree char *direct = NULL;
  g_autofree char *exported = NULL;
  CdExportOptions none = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (exporter);
  g_assert_true (CD_IS_HTML_EXPORTER (exporter));
  g_assert_cmpstr (cd_exporter_get_id (exporter), ==, "html");
  g_assert_cmpstr (cd_exporter_get_extension (exporter), ==, "html");
  g_assert_cmpstr (cd_exporter_get_mime_type (exporter), ==, "text/html");

  cd_article_set_language (article, "en-GB");
  cd_article_set_headline (article, "Ferry delayed");
  cd_image_set_source (cd_article_get_image (article), "photos/ferry pier.jpg");
  cd_image_set_alt (cd_article_get_image (article), "A ferry at a pier");

  /* A bundle refers to the copied file by its escaped name. */
  exported = export_page (article, "/nonexistent");
  direct = render (article, "ferry%20pier.jpg", CD_PAGE_THEME_AUTO);
  g_assert_cmpstr (exported, ==, direct);
  g_assert_nonnull (strstr (exported,
                            "<img src=\"ferry%20pier.jpg\" alt=\"A ferry at a pier\" />"));

  /* A file on the author's disk is never exported as a path. */
  bytes = cd_exporter_export (exporter, article, &none, &error);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (bytes);
  g_clear_error (&error);

  /* A remote image needs no bundle. */
  cd_image_set_source (cd_article_get_image (article),
                       "https://img.example.com/a.jpg?w=1600&h=900");
  bytes = cd_exporter_export (exporter, article, &none, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "src=\"https://img.example.com/a.jpg?w=1600&amp;h=900\""));

  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_deterministic (void)
{
  for (guint i = 0; i < fixtures->len; i++)
    {
      Fixture *fixture = g_ptr_array_index (fixtures, i);
      g_autoptr(CdArticle) article = load_article (fixture->path);
      g_autoptr(CdArticle) copy = cd_article_copy (article);
      g_autofree char *first = render (article, "image.jpg", CD_PAGE_THEME_AUTO);
      g_autofree char *second = render (article, "image.jpg", CD_PAGE_THEME_AUTO);
      g_autofree char *of_copy = render (copy, "image.jpg", CD_PAGE_THEME_AUTO);

      g_assert_cmpstr (first, ==, second);
      g_assert_cmpstr (first, ==, of_copy);
    }
}

/* Escaping */

static CdArticle *
new_hostile_article (void)
{
  CdArticle *article = cd_article_new ();
  CdImage *image = cd_article_get_image (article);
  g_autoptr(CdAuthor) author = cd_author_new (HOSTILE);
  g_autoptr(CdAuthor) linked = cd_author_new (HOSTILE);
  g_autoptr(CdTag) tag = cd_tag_new (HOSTILE, NULL, NULL);

  cd_article_set_language (article, "en\"><script>alert(1)</script>");
  cd_article_set_headline (article, HOSTILE);
  cd_article_set_standfirst (article, HOSTILE);
  cd_article_set_section (article, HOSTILE);
  cd_article_set_dateline (article, HOSTILE);
  cd_article_set_editor_note (article, "DESK-ONLY-NOTE " HOSTILE);
  cd_article_set_comments (article, TRUE);
  cd_article_set_body (article,
                       HOSTILE "\n\n"
                       "<script>alert(2)</script>\n\n"
                       "[link](javascript:alert(3)) ![image](javascript:alert(4)) "
                       "<img src=x onerror=alert(5)> <a href=\"javascript:alert(6)\">a</a>\n\n"
                       "| a | b |\n|:-|-:|\n| <script> | \" onmouseover=alert(7) |\n");

  cd_author_set_role (author, HOSTILE);
  cd_author_set_url (author, "javascript:alert(8)");
  cd_article_add_author (article, author);
  cd_author_set_role (linked, HOSTILE);
  /* Only characters a web address may hold (cd_url_is_web_address()), but
   * ones that need escaping in an attribute. */
  cd_author_set_url (linked, "https://example.com/?q='onmouseover='alert(9)&lt=1");
  cd_article_add_author (article, linked);
  cd_article_add_tag (article, tag);

  cd_image_set_source (image, "https://example.com/x.jpg");
  cd_image_set_alt (image, HOSTILE);
  cd_image_set_caption (image, HOSTILE);
  cd_image_set_credit (image, HOSTILE);

  return article;
}

/* Every field that holds the hostile text comes back as exactly that text:
 * it was escaped, once, and never interpreted. */
static void
test_escaping (void)
{
  g_autoptr(CdArticle) article = new_hostile_article ();
  g_autofree char *page = render (article, "x.jpg\"><script>alert(10)</script>",
                                  CD_PAGE_THEME_AUTO);
  xmlDoc *doc;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) metas = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *standfirst = NULL;
  g_autofree char *place = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *section = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *src = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *title = NULL;
  gboolean found_description = FALSE;

  /* check_page() finds no script element, event handler or javascript: URL
   * in the parsed page; the hostile text is still there, as text. */
  check_page (page);
  g_assert_null (strstr (page, "<script"));
  g_assert_null (strstr (page, "<img src=x"));
  g_assert_nonnull (strstr (page, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x "
                                  "onerror=alert(1)&gt;&#39;"));
  g_assert_null (strstr (page, "&amp;lt;"));

  doc = parse_page (page);

  headline = text_of (doc, "h1", "headline");
  standfirst = text_of (doc, "p", "standfirst");
  place = text_of (doc, "span", "place");
  caption = text_of (doc, "span", "caption");
  credit = text_of (doc, "span", "credit");
  section = text_of (doc, "span", "section");
  title = text_of (doc, "title", NULL);
  g_assert_cmpstr (headline, ==, HOSTILE);
  g_assert_cmpstr (standfirst, ==, HOSTILE);
  g_assert_cmpstr (place, ==, HOSTILE);
  g_assert_cmpstr (caption, ==, HOSTILE);
  g_assert_cmpstr (credit, ==, HOSTILE);
  g_assert_cmpstr (section, ==, HOSTILE);
  g_assert_cmpstr (title, ==, HOSTILE);

  lang = get_attribute (xmlDocGetRootElement (doc), "lang");
  g_assert_cmpstr (lang, ==, "en\"><script>alert(1)</script>");

  metas = find_all (doc, "meta", NULL);
  for (guint i = 0; i < metas->len; i++)
    {
      g_autofree char *name = get_attribute (g_ptr_array_index (metas, i), "name");
      g_autofree char *content = get_attribute (g_ptr_array_index (metas, i), "content");

      if (g_strcmp0 (name, "description") == 0)
        {
          g_assert_cmpstr (content, ==, HOSTILE);
          found_description = TRUE;
        }
    }
  g_assert_true (found_description);

  /* One image: the lead, with the hostile href as a harmless relative URL. */
  images = find_all (doc, "img", NULL);
  g_assert_cmpuint (images->len, ==, 1);
  alt = get_attribute (g_ptr_array_index (images, 0), "alt");
  src = get_attribute (g_ptr_array_index (images, 0), "src");
  g_assert_cmpstr (alt, ==, HOSTILE);
  g_assert_cmpstr (src, ==, "x.jpg\"><script>alert(10)</script>");

  /* The only links are the https author page and none from the body. */
  links = find_all (doc, "a", NULL);
  g_assert_cmpuint (links->len, ==, 1);
  {
    g_autofree char *href = get_attribute (g_ptr_array_index (links, 0), "href");
    g_autofree char *name = get_text (g_ptr_array_index (links, 0));

    g_assert_cmpstr (href, ==, "https://example.com/?q='onmouseover='alert(9)&lt=1");
    g_assert_cmpstr (name, ==, HOSTILE);
  }

  /* Roles are not part of the byline, which reads as in every export. */
  g_assert_cmpuint (count (doc, "span", "role"), ==, 0);
  g_assert_cmpuint (count (doc, "li", NULL), ==, 1);

  /* The editor's note is for the desk only. */
  g_assert_null (strstr (page, "DESK-ONLY-NOTE"));

  xmlFreeDoc (doc);
  g_assert_finalize_object (g_steal_pointer (&article));
}

/* Characters that neither HTML nor XML allow are dropped, and invalid UTF-8
 * cannot reach the page. */
static void
test_control_characters (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autofree char *page = NULL;
  xmlDoc *doc;
  g_autofree char *headline = NULL;

  cd_article_set_headline (article, "Bell\x07 and\x1b escape\xc2\x85 next\r\nline\tand tab");
  page = render (article, NULL, CD_PAGE_THEME_AUTO);
  check_page (page);

  doc = parse_page (page);
  headline = text_of (doc, "h1", "headline");
  g_assert_cmpstr (headline, ==, "Bell and escape next\nline\tand tab");
  xmlFreeDoc (doc);
}

/* The template is filled in one pass: a field that looks like a
 * placeholder stays text. */
static void
test_placeholders_in_fields (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autofree char *page = NULL;

  cd_article_set_headline (article, "{{body}} and {{#comments_note}}x{{/comments_note}}");
  cd_article_set_body (article, "Body {{headline}} {{csp}}");
  page = render (article, NULL, CD_PAGE_THEME_AUTO);
  check_page (page);

  g_assert_nonnull (strstr (page, "<h1 class=\"headline\">{{body}} and "
                                  "{{#comments_note}}x{{/comments_note}}</h1>"));
  g_assert_nonnull (strstr (page, "<p>Body {{headline}} {{csp}}</p>"));
}

/* Dates */

typedef struct
{
  const char *date_time;
  const char *language;
  const char *expected;
} DateCase;

static void
test_dates (void)
{
  static const DateCase cases[] = {
    { "2026-11-27T07:30:00Z", "en-GB", "27 November 2026, 07:30 GMT" },
    { "2026-06-27T08:30:00+01:00", "en-GB", "27 June 2026, 08:30 BST" },
    { "2026-06-27T08:30:00+05:30", "en-GB", "27 June 2026, 08:30 UTC+5:30" },
    { "2026-11-27T07:30:00Z", "en-US", "November 27, 2026, 7:30 AM" },
    { "2026-11-27T19:05:00-05:00", "en-US", "November 27, 2026, 7:05 PM" },
    { "2026-01-01T00:00:00Z", "en-US", "January 1, 2026, 12:00 AM" },
    { "2026-01-01T12:00:00Z", "en-US", "January 1, 2026, 12:00 PM" },
    { "2026-11-27T07:30:00Z", "en", "27 November 2026, 07:30" },
    { "2026-11-27T07:30:00Z", "en-AU", "27 November 2026, 07:30" },
    { "2026-11-27T07:30:00Z", "de", "27. November 2026, 07:30 Uhr" },
    { "2026-03-05T21:00:00+01:00", "de-AT", "5. März 2026, 21:00 Uhr" },
    { "2026-11-27T07:30:00Z", "ja", "2026年11月27日 7:30" },
    { "2026-11-20T18:00:00+09:00", "ja-JP", "2026年11月20日 18:00" },
    { "2026-12-01T07:30:00Z", "fr", "1er décembre 2026 à 07:30" },
    { "2026-08-15T09:05:00Z", "fr-CA", "15 août 2026 à 09:05" },
    { "2026-11-27T07:30:00Z", "es", "27 de noviembre de 2026, 7:30" },
    { "2026-11-27T07:30:00Z", "it", "27 novembre 2026, 07:30" },
    { "2026-11-27T07:30:00Z", "nl", "27 november 2026 om 07:30" },
    { "2026-11-27T07:30:00Z", "pt-BR", "27 de novembro de 2026 às 07:30" },
    { "2026-11-27T07:30:00Z", "sv", "27 november 2026 kl. 07:30" },
    { "2026-11-27T07:30:00Z", "da", "27. november 2026 kl. 07.30" },
    { "2026-11-27T07:30:00Z", "nb", "27. november 2026 kl. 07:30" },
    { "2026-11-27T07:30:00Z", "pl", "27 listopada 2026, 07:30" },
    { "2026-11-25T08:00:00+02:00", "el", "25 Νοεμβρίου 2026, 08:00" },
    { "2026-11-27T07:30:00Z", "EN_us", "November 27, 2026, 7:30 AM" },
    { "2026-11-27T07:30:00Z", "english", "2026-11-27 07:30 UTC" },
    { "2026-11-27T07:30:00Z", "tlh", "2026-11-27 07:30 UTC" },
    { "2026-11-27T07:30:00-04:00", "", "2026-11-27 07:30 UTC\xe2\x88\x92" "4" },
    { "2026-11-27T07:30:00+05:45", NULL, "2026-11-27 07:30 UTC+5:45" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date_time = parse_date (cases[i].date_time);
      g_autofree char *formatted = cd_page_format_date (date_time, cases[i].language);

      g_assert_cmpstr (formatted, ==, cases[i].expected);
    }
}

/* The page shows the date in the article's language and gives the machine
 * the exact time. */
static void
test_published_date (void)
{
  static const DateCase cases[] = {
    { "2026-11-27T07:30:00Z", "en-GB", "27 November 2026, 07:30 GMT" },
    { "2026-11-27T07:30:00Z", "en-US", "November 27, 2026, 7:30 AM UTC" },
    { "2026-11-27T07:30:00Z", "de", "27. November 2026, 07:30 Uhr UTC" },
    { "2026-11-27T07:30:00Z", "ja", "2026年11月27日 7:30 UTC" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = cd_article_new ();
      g_autoptr(GDateTime) published = parse_date (cases[i].date_time);
      g_autofree char *page = NULL;
      g_autofree char *expected = NULL;

      cd_article_set_language (article, cases[i].language);
      cd_article_set_published (article, published);
      cd_article_set_dateline (article, "Portmere");
      page = render (article, NULL, CD_PAGE_THEME_AUTO);
      check_page (page);

      expected = g_strdup_printf ("<p class=\"dateline\"><span class=\"place\">Portmere</span>"
                                  "<time datetime=\"2026-11-27T07:30:00Z\">%s</time></p>",
                                  cases[i].expected);
      g_assert_nonnull (strstr (page, expected));
    }
}

static void
test_offset_kept (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GDateTime) published = parse_date ("2026-11-20T18:00:00+09:00");
  g_autofree char *page = NULL;

  cd_article_set_language (article, "ja");
  cd_article_set_published (article, published);
  page = render (article, NULL, CD_PAGE_THEME_AUTO);
  g_assert_nonnull (strstr (page, "<p class=\"dateline\"><time "
                                  "datetime=\"2026-11-20T18:00:00+09:00\">"
                                  "2026年11月20日 18:00 UTC+09:00</time></p>"));
}

/* The time says which zone it is in: the zone's abbreviation where it has
 * one, else the offset. */
static void
test_zone_shown (void)
{
  static const struct
  {
    const char *zone;
    const char *language;
    const char *expected;
  } cases[] = {
    { "Europe/Berlin", "en", "12 July 2017, 09:00 CEST" },
    { "Europe/Berlin", "de", "12. Juli 2017, 09:00 Uhr CEST" },
    { "America/New_York", "en-US", "July 12, 2017, 9:00 AM EDT" },
    { "Asia/Dubai", "en", "12 July 2017, 09:00 UTC+04:00" },
    { "+04:00", "en", "12 July 2017, 09:00 UTC+04:00" },
    { "-03:30", "en", "12 July 2017, 09:00 UTC\xe2\x88\x92" "03:30" },
    { "Europe/London", "en-GB", "12 July 2017, 09:00 BST" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = cd_article_new ();
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (cases[i].zone);
      g_autoptr(GDateTime) published = g_date_time_new (zone, 2017, 7, 12, 9, 0, 0);
      g_autofree char *page = NULL;

      g_test_message ("%s %s", cases[i].zone, cases[i].language);
      cd_article_set_language (article, cases[i].language);
      cd_article_set_published (article, published);
      page = render (article, NULL, CD_PAGE_THEME_AUTO);
      g_assert_nonnull (strstr (page, cases[i].expected));
    }
}

/* Sections of the page */

static void
test_comments (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autofree char *closed = NULL;
  g_autofree char *open = NULL;
  g_autofree char *german = NULL;
  xmlDoc *doc;
  g_autofree char *note = NULL;

  cd_article_set_language (article, "en");
  cd_article_set_comments (article, FALSE);
  closed = render (article, NULL, CD_PAGE_THEME_AUTO);
  check_page (closed);
  doc = parse_page (closed);
  g_assert_cmpuint (count (doc, "section", "comments"), ==, 0);
  xmlFreeDoc (doc);
  g_assert_null (strstr (closed, "class=\"comments"));

  cd_article_set_comments (article, TRUE);
  open = render (article, NULL, CD_PAGE_THEME_AUTO);
  check_page (open);
  doc = parse_page (open);
  g_assert_cmpuint (count (doc, "section", "comments"), ==, 1);
  note = text_of (doc, "p", "comments-note");
  g_assert_cmpstr (note, ==, "Comments will appear here once the article is published.");
  xmlFreeDoc (doc);

  /* In the article's language, not the program's. */
  cd_article_set_language (article, "de-DE");
  german = render (article, NULL, CD_PAGE_THEME_AUTO);
  g_assert_nonnull (strstr (german, "<h2 class=\"comments-title\">Kommentare</h2>"));
}

static void
test_direction (void)
{
  static const struct
  {
    const char *language;
    gboolean rtl;
  } cases[] = {
    { "ar", TRUE }, { "ar-EG", TRUE }, { "he", TRUE }, { "he-IL", TRUE }, { "fa", TRUE },
    { "ur-PK", TRUE }, { "yi", TRUE }, { "az-Arab", TRUE }, { "pa-Arab-PK", TRUE },
    { "AR", TRUE }, { "en", FALSE }, { "de", FALSE }, { "ja", FALSE }, { "", FALSE },
    { NULL, FALSE }, { "arn", FALSE }, { "hea", FALSE }, { "ar-Latn", FALSE },
    { "az-Latn", FALSE }, { "en-US", FALSE },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cd_page_language_is_rtl (cases[i].language) != cases[i].rtl)
        g_test_fail_printf ("“%s” should be %s", cases[i].language,
                            cases[i].rtl ? "right to left" : "left to right");
    }
}

static void
test_rtl_page (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdAuthor) first = cd_author_new ("هيلين مارش");
  g_autoptr(CdAuthor) second = cd_author_new ("كوامي أوسي");
  g_autofree char *page = NULL;
  g_autofree char *english = NULL;

  cd_article_set_language (article, "ar");
  cd_article_set_headline (article, "عبّارة كهربائية تبدأ الخدمة");
  cd_article_add_author (article, first);
  cd_article_add_author (article, second);
  page = render (article, NULL, CD_PAGE_THEME_AUTO);
  check_page (page);
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
  g_assert_nonnull (strstr (page, "<p class=\"byline\">بقلم <span class=\"author\">"
                                  "<span class=\"name\">هيلين مارش</span></span> و"
                                  "<span class=\"author\"><span class=\"name\">كوامي أوسي"
                                  "</span></span></p>"));

  cd_article_set_language (article, "en");
  english = render (article, NULL, CD_PAGE_THEME_AUTO);
  g_assert_true (g_str_has_prefix (english, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
}

/* A name links to the author's page only when that is a web address. */
static void
test_author_links (void)
{
  static const struct
  {
    const char *url;
    gboolean linked;
  } cases[] = {
    { "https://example.com/staff/a", TRUE },
    { "http://example.com/staff/a", TRUE },
    { "  HTTPS://example.com/staff/a  ", TRUE },
    { "javascript:alert(1)", FALSE },
    { "JavaScript:alert(1)", FALSE },
    { "data:text/html,<script>alert(1)</script>", FALSE },
    { "mailto:a@example.com", FALSE },
    { "ftp://example.com/a", FALSE },
    { "example.com/staff/a", FALSE },
    { "//example.com/staff/a", FALSE },
    { "https://", FALSE },
    { "https:///staff/a", FALSE },
    /* The address is trimmed, then must be a web address as
     * cd_url_is_web_address() has it: no white space or controls inside. */
    { "https://example.com/staff a", FALSE },
    { "https://example.com/staff\ta", FALSE },
    { "https://example.com/<staff>", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = cd_article_new ();
      g_autoptr(CdAuthor) author = cd_author_new ("Helen Marsh");
      g_autofree char *page = NULL;
      xmlDoc *doc;
      g_autoptr(GPtrArray) links = NULL;

      cd_author_set_url (author, cases[i].url);
      cd_author_set_role (author, "Senior reporter");
      cd_article_add_author (article, author);
      page = render (article, NULL, CD_PAGE_THEME_AUTO);
      check_page (page);

      doc = parse_page (page);
      links = find_all (doc, "a", NULL);
      g_assert_cmpuint (links->len, ==, cases[i].linked ? 1 : 0);
      if (cases[i].linked)
        {
          g_autofree char *rel = get_attribute (g_ptr_array_index (links, 0), "rel");
          g_autofree char *href = get_attribute (g_ptr_array_index (links, 0), "href");
          g_autofree char *expected = g_strstrip (g_strdup (cases[i].url));

          g_assert_cmpstr (rel, ==, "author");
          g_assert_cmpstr (href, ==, expected);
        }
      xmlFreeDoc (doc);

      g_assert_nonnull (strstr (page, "Helen Marsh</"));
      /* The byline is the article's byline, without roles. */
      g_assert_null (strstr (page, "Senior reporter"));
    }
}

static void
test_byline (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  const char *names[] = { "Ann", "  ", "Bea", "Cy" };
  g_autofree char *page = NULL;
  xmlDoc *doc;
  g_autofree char *byline = NULL;

  cd_article_set_language (article, "en-GB");
  for (size_t i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CdAuthor) author = cd_author_new (names[i]);
      cd_article_add_author (article, author);
    }

  page = render (article, NULL, CD_PAGE_THEME_AUTO);
  doc = parse_page (page);
  byline = text_of (doc, "p", "byline");
  g_assert_cmpstr (byline, ==, "By Ann, Bea and Cy");
  xmlFreeDoc (doc);
}

static void
test_kicker_and_topics (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  const char *names[] = { "transport", "air pollution", "Portmere harbour" };
  g_autofree char *page = NULL;
  g_autofree char *bare = NULL;
  xmlDoc *doc;
  g_autofree char *kicker = NULL;
  g_autoptr(GPtrArray) topics = NULL;

  cd_article_set_section (article, " Local ");
  for (size_t i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CdTag) tag = cd_tag_new (names[i], NULL, NULL);
      cd_article_add_tag (article, tag);
    }

  page = render (article, NULL, CD_PAGE_THEME_AUTO);
  check_page (page);
  doc = parse_page (page);
  kicker = text_of (doc, "p", "kicker");
  g_assert_cmpstr (kicker, ==, "Local·transport");
  topics = find_all (doc, "li", NULL);
  g_assert_cmpuint (topics->len, ==, 3);
  xmlFreeDoc (doc);

  /* Without section and tags there is neither kicker nor footer. */
  g_clear_object (&article);
  article = cd_article_new_empty ();
  bare = render (article, NULL, CD_PAGE_THEME_AUTO);
  g_assert_null (strstr (bare, "class=\"kicker\""));
  g_assert_null (strstr (bare, "class=\"article-footer\""));
}

static void
test_embargo (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GDateTime) embargo = parse_date ("2026-11-27T00:01:00Z");
  g_autofree char *none = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *published = NULL;

  cd_article_set_language (article, "en-GB");
  cd_article_set_status (article, CD_ARTICLE_STATUS_APPROVED);
  none = render (article, NULL, CD_PAGE_THEME_AUTO);
  g_assert_null (strstr (none, "class=\"embargo\""));

  cd_article_set_embargo (article, embargo);
  approved = render (article, NULL, CD_PAGE_THEME_AUTO);
  check_page (approved);
  g_assert_nonnull (strstr (approved, "<p class=\"embargo\" role=\"note\"><strong>Embargoed "
                                      "until</strong> <time datetime=\"2026-11-27T00:01:00Z\">"
                                      "27 November 2026, 00:01 GMT</time></p>"));

  /* Once out, the embargo is history. */
  cd_article_set_status (article, CD_ARTICLE_STATUS_PUBLISHED);
  published = render (article, NULL, CD_PAGE_THEME_AUTO);
  g_assert_null (strstr (published, "class=\"embargo\""));
}

static void
test_lead_image (void)
{
  static const struct
  {
    const char *href;
    gboolean shown;
    const char *extra_source;
  } cases[] = {
    { NULL, FALSE, NULL },
    { "", FALSE, NULL },
    { "   ", FALSE, NULL },
    { "harbour-ferry.jpg", TRUE, NULL },
    { "images/harbour ferry.jpg", TRUE, NULL },
    { "https://img.example.com/a.jpg", TRUE, NULL },
    { "http://img.example.com/a.jpg", TRUE, "http:" },
    { "file:///home/helen/Articles/harbour-ferry.jpg", TRUE, "file:" },
    { "data:image/png;base64,iVBORw0KGgo=", TRUE, NULL },
    { "data:text/html;base64,PHNjcmlwdD4=", FALSE, NULL },
    { "javascript:alert(1)", FALSE, NULL },
    { "JAVASCRIPT:alert(1)", FALSE, NULL },
    { "vbscript:msgbox", FALSE, NULL },
    { "ftp://example.com/a.jpg", FALSE, NULL },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = cd_article_new ();
      CdImage *image = cd_article_get_image (article);
      g_autofree char *page = NULL;
      xmlDoc *doc;
      g_autoptr(GPtrArray) figures = NULL;
      g_autoptr(GPtrArray) metas = NULL;
      g_autofree char *policy = NULL;
      g_autofree char *img_src = NULL;

      cd_image_set_source (image, "harbour-ferry.jpg");
      cd_image_set_alt (image, "A ferry");
      cd_image_set_caption (image, "The ferry.");
      page = render (article, cases[i].href, CD_PAGE_THEME_AUTO);
      check_page (page);

      doc = parse_page (page);
      figures = find_all (doc, "figure", "lead-image");
      g_assert_cmpuint (figures->len, ==, cases[i].shown ? 1 : 0);
      g_assert_cmpuint (count (doc, "img", NULL), ==, cases[i].shown ? 1 : 0);

      metas = find_all (doc, "meta", NULL);
      for (guint j = 0; j < metas->len; j++)
        {
          g_autofree char *equiv = get_attribute (g_ptr_array_index (metas, j), "http-equiv");

          if (equiv != NULL)
            policy = get_attribute (g_ptr_array_index (metas, j), "content");
        }
      g_assert_nonnull (policy);
      img_src = policy_directive (policy, "img-src");
      if (cases[i].extra_source != NULL)
        {
          g_autofree char *expected = g_strconcat ("'self' https: data: ",
                                                   cases[i].extra_source, NULL);
          g_assert_cmpstr (img_src, ==, expected);
        }
      else
        {
          g_assert_cmpstr (img_src, ==, "'self' https: data:");
        }

      xmlFreeDoc (doc);
    }
}

/* With remote images off, the policy lets no image come from the network,
 * the lead image included; a lead image on disk still shows. */
static void
test_no_remote_images (void)
{
  static const struct
  {
    const char *href;
    const char *img_src;
  } cases[] = {
    { "https://img.example.com/a.jpg", "'self' data:" },
    { "http://img.example.com/a.jpg", "'self' data:" },
    { "file:///home/helen/Articles/harbour-ferry.jpg", "'self' data: file:" },
    { "harbour-ferry.jpg", "'self' data:" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = cd_article_new ();
      CdPageOptions options = { cases[i].href, CD_PAGE_THEME_AUTO, TRUE };
      g_autofree char *page = NULL;
      g_autofree char *img_src = NULL;
      const char *start;
      const char *end;
      g_autofree char *policy = NULL;

      cd_image_set_source (cd_article_get_image (article), "a.jpg");
      cd_article_set_body (article, "![A pier](https://img.example.com/pier.jpg)");
      page = cd_page_render (article, &options);
      check_page (page);

      start = strstr (page, "content=\"default-src");
      g_assert_nonnull (start);
      start += strlen ("content=\"");
      end = strchr (start, '"');
      policy = g_strndup (start, end - start);
      img_src = policy_directive (policy, "img-src");
      g_assert_cmpstr (img_src, ==, cases[i].img_src);
      g_assert_null (strstr (policy, "https:"));
    }
}

/* A figure without caption or credit has no empty figcaption. */
static void
test_figcaption (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  CdImage *image = cd_article_get_image (article);
  g_autofree char *bare = NULL;
  g_autofree char *credited = NULL;

  cd_image_set_source (image, "a.jpg");
  bare = render (article, "a.jpg", CD_PAGE_THEME_AUTO);
  g_assert_nonnull (strstr (bare, "<img src=\"a.jpg\" alt=\"\" />"));
  g_assert_null (strstr (bare, "<figcaption"));

  cd_image_set_credit (image, "Photo: Owen Clarke");
  credited = render (article, "a.jpg", CD_PAGE_THEME_AUTO);
  g_assert_nonnull (strstr (credited, "<figcaption> <span class=\"credit\">Photo: Owen Clarke"
                                      "</span></figcaption>"));
}

static void
test_theme (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autofree char *automatic = render (article, NULL, CD_PAGE_THEME_AUTO);
  g_autofree char *light = render (article, NULL, CD_PAGE_THEME_LIGHT);
  g_autofree char *dark = render (article, NULL, CD_PAGE_THEME_DARK);
  g_autofree char *defaults = cd_page_render (article, NULL);

  check_page (light);
  check_page (dark);
  g_assert_cmpstr (automatic, ==, defaults);
  g_assert_true (g_str_has_prefix (automatic, "<!DOCTYPE html>\n<html lang=\"\" dir=\"ltr\">"));
  g_assert_nonnull (strstr (automatic, "<meta name=\"color-scheme\" content=\"light dark\" />"));
  g_assert_nonnull (strstr (light, "<html lang=\"\" dir=\"ltr\" data-theme=\"light\">"));
  g_assert_nonnull (strstr (light, "<meta name=\"color-scheme\" content=\"light\" />"));
  g_assert_nonnull (strstr (dark, "<html lang=\"\" dir=\"ltr\" data-theme=\"dark\">"));
  g_assert_nonnull (strstr (dark, "<meta name=\"color-scheme\" content=\"dark\" />"));

  /* The stylesheet has rules for both, and for readers who ask for dark. */
  g_assert_nonnull (strstr (automatic, ":root[data-theme=\"dark\"]"));
  g_assert_nonnull (strstr (automatic, "@media (prefers-color-scheme: dark)"));
  g_assert_nonnull (strstr (automatic, ":root:not([data-theme=\"light\"])"));
}

/* An article with nothing in it is still a valid page, with a title. */
static void
test_empty_article (void)
{
  g_autoptr(CdArticle) article = cd_article_new_empty ();
  g_autofree char *page = cd_page_render (article, NULL);
  g_autofree char *german = NULL;
  xmlDoc *doc;
  g_autofree char *title = NULL;

  check_page (page);
  doc = parse_page (page);
  title = text_of (doc, "title", NULL);
  g_assert_cmpstr (title, ==, "Untitled article");
  g_assert_cmpuint (count (doc, "h1", NULL), ==, 0);
  g_assert_cmpuint (count (doc, "p", "byline"), ==, 0);
  g_assert_cmpuint (count (doc, "p", "dateline"), ==, 0);
  g_assert_cmpuint (count (doc, "p", "standfirst"), ==, 0);
  g_assert_cmpuint (count (doc, "meta", NULL), ==, 6);
  g_assert_cmpuint (count (doc, "figure", NULL), ==, 0);
  g_assert_cmpuint (count (doc, "div", "article-body"), ==, 1);
  xmlFreeDoc (doc);

  /* Nothing of the template's syntax is left, and no blank lines where
   * sections were dropped. */
  g_assert_null (strstr (page, "{{"));
  g_assert_null (strstr (page, "}}"));
  g_assert_nonnull (strstr (page, "</style>"));
  g_assert_null (strstr (strstr (page, "</style>"), "\n\n"));
  g_assert_null (strstr (strstr (page, "</style>"), "\n    \n"));

  cd_article_set_language (article, "de");
  german = cd_page_render (article, NULL);
  g_assert_nonnull (strstr (german, "<title>Artikel ohne Titel</title>"));
}

/* The body is the Markdown renderer's, tables and all, and the policy
 * allows the alignment it writes. */
static void
test_body (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autofree char *page = NULL;
  xmlDoc *doc;

  cd_article_set_comments (article, FALSE);
  cd_article_set_body (article,
                       "Fish & chips *today*.\n\n"
                       "## Prices\n\n"
                       "| item | left | centre | right |\n"
                       "|------|:-----|:------:|------:|\n"
                       "| cod  | a    | b      | 1.50  |\n\n"
                       "> A quote.\n");
  page = render (article, NULL, CD_PAGE_THEME_AUTO);
  check_page (page);

  g_assert_nonnull (strstr (page, "<p>Fish &amp; chips <em>today</em>.</p>"));
  g_assert_nonnull (strstr (page, "style=\"text-align: left\""));
  g_assert_nonnull (strstr (page, "style=\"text-align: center\""));
  g_assert_nonnull (strstr (page, "style=\"text-align: right\""));

  doc = parse_page (page);
  g_assert_cmpuint (count (doc, "table", NULL), ==, 1);
  g_assert_cmpuint (count (doc, "blockquote", NULL), ==, 1);
  g_assert_cmpuint (count (doc, "h2", NULL), ==, 1);
  xmlFreeDoc (doc);
}

static void
test_image_uri (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  CdImage *image = cd_article_get_image (article);
  g_autoptr(GFile) dir = g_file_new_for_path ("/home/helen/Articles");
  g_autofree char *none = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *malformed = NULL;
  g_autofree char *other_scheme = NULL;

  none = cd_page_dup_image_uri (article, dir);
  g_assert_null (none);

  cd_image_set_source (image, "photos/harbour ferry.jpg");
  relative = cd_page_dup_image_uri (article, dir);
  g_assert_cmpstr (relative, ==, "file:///home/helen/Articles/photos/harbour%20ferry.jpg");
  bare = cd_page_dup_image_uri (article, NULL);
  g_assert_cmpstr (bare, ==, "photos/harbour%20ferry.jpg");

  cd_image_set_source (image, "/srv/pictures/ferry.jpg");
  absolute = cd_page_dup_image_uri (article, dir);
  g_assert_cmpstr (absolute, ==, "file:///srv/pictures/ferry.jpg");

  cd_image_set_source (image, "https://img.example.com/ferry.jpg");
  remote = cd_page_dup_image_uri (article, dir);
  g_assert_cmpstr (remote, ==, "https://img.example.com/ferry.jpg");

  /* A web address in any case (cd_url_is_web_address()) stays as it is. */
  cd_image_set_source (image, "HTTPS://IMG.EXAMPLE.COM/ferry.jpg");
  upper = cd_page_dup_image_uri (article, dir);
  g_assert_cmpstr (upper, ==, "HTTPS://IMG.EXAMPLE.COM/ferry.jpg");

  /* Neither a web address nor a file: nothing to show, rather than a file
   * named after the address. */
  cd_image_set_source (image, "https://img.example.com/harbour ferry.jpg");
  malformed = cd_page_dup_image_uri (article, dir);
  g_assert_null (malformed);
  cd_image_set_source (image, "ftp://img.example.com/ferry.jpg");
  other_scheme = cd_page_dup_image_uri (article, dir);
  g_assert_null (other_scheme);
}

/* A page's stylesheet must stay fit to be inlined: check_page() proves it
 * parses, this that it cannot close its element or reach the network. */
static void
test_stylesheet (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *css = NULL;

  bytes = g_resources_lookup_data ("/io/github/copydesk/Copydesk/core/page/article.css",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  css = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_null (strchr (css, '<'));
  g_assert_null (strchr (css, '&'));
  g_assert_null (strstr (css, "]]>"));
  g_assert_null (strstr (css, "url("));
  g_assert_null (strstr (css, "@import"));
  g_assert_null (strstr (css, "@font-face"));
  g_assert_null (strchr (css, '\r'));
}

/* The preview-theme setting is bound through CD_TYPE_PAGE_THEME, so the
 * type must name every value of the schema's enum by the same nick and
 * number, and nothing else. */
static void
test_theme_type (void)
{
  g_autofree char *path = g_build_filename (source_root, "data",
                                            "io.github.copydesk.Copydesk.gschema.xml.in", NULL);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (CD_TYPE_PAGE_THEME);
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  guint n_nicks = 0;

  g_assert_nonnull (doc);

  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      xmlChar *id;
      gboolean is_theme;

      if (node->type != XML_ELEMENT_NODE || !xmlStrEqual (node->name, BAD_CAST "enum"))
        continue;

      id = xmlGetProp (node, BAD_CAST "id");
      is_theme = id != NULL && g_str_has_suffix ((const char *) id, ".PreviewTheme");
      xmlFree (id);
      if (!is_theme)
        continue;

      for (xmlNode *value = node->children; value != NULL; value = value->next)
        {
          xmlChar *nick;
          xmlChar *number;
          GEnumValue *by_nick;
          GEnumValue *by_value;

          if (value->type != XML_ELEMENT_NODE)
            continue;

          nick = xmlGetProp (value, BAD_CAST "nick");
          number = xmlGetProp (value, BAD_CAST "value");
          g_assert_nonnull (nick);
          g_assert_nonnull (number);
          by_nick = g_enum_get_value_by_nick (enum_class, (const char *) nick);
          by_value = g_enum_get_value (enum_class, (int) g_ascii_strtoll ((const char *) number, NULL, 10));

          g_test_message ("preview-theme nick %s = %s", nick, number);
          g_assert_nonnull (by_nick);
          g_assert_nonnull (by_value);
          g_assert_true (by_nick == by_value);
          g_assert_cmpstr (by_value->value_nick, ==, (const char *) nick);
          n_nicks++;

          xmlFree (nick);
          xmlFree (number);
        }
    }

  xmlFreeDoc (doc);
  g_assert_cmpuint (n_nicks, ==, enum_class->n_values);
  g_assert_cmpuint (n_nicks, ==, 3);
  g_assert_cmpint (g_enum_get_value_by_nick (enum_class, "system")->value, ==, CD_PAGE_THEME_AUTO);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CD_SOURCE_ROOT") != NULL)
    source_root = g_strdup (g_getenv ("CD_SOURCE_ROOT"));
  else
    source_root = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "..", NULL);

  fixtures = g_ptr_array_new_with_free_func (fixture_free);
  collect_fixtures ("tests/articles");
  collect_fixtures ("data/sample");
  g_ptr_array_sort (fixtures, compare_fixtures);

  for (guint i = 0; i < fixtures->len; i++)
    {
      Fixture *fixture = g_ptr_array_index (fixtures, i);
      g_autofree char *test_path = g_strconcat ("/page/golden/", fixture->name, NULL);

      g_test_add_data_func (test_path, fixture, test_golden);
    }

  g_test_add_func ("/page/golden-complete", test_golden_complete);
  g_test_add_func ("/page/exporter", test_exporter);
  g_test_add_func ("/page/deterministic", test_deterministic);
  g_test_add_func ("/page/escaping", test_escaping);
  g_test_add_func ("/page/control-characters", test_control_characters);
  g_test_add_func ("/page/placeholders-in-fields", test_placeholders_in_fields);
  g_test_add_func ("/page/dates", test_dates);
  g_test_add_func ("/page/published-date", test_published_date);
  g_test_add_func ("/page/offset-kept", test_offset_kept);
  g_test_add_func ("/page/zone-shown", test_zone_shown);
  g_test_add_func ("/page/comments", test_comments);
  g_test_add_func ("/page/direction", test_direction);
  g_test_add_func ("/page/rtl-page", test_rtl_page);
  g_test_add_func ("/page/author-links", test_author_links);
  g_test_add_func ("/page/byline", test_byline);
  g_test_add_func ("/page/kicker-and-topics", test_kicker_and_topics);
  g_test_add_func ("/page/embargo", test_embargo);
  g_test_add_func ("/page/lead-image", test_lead_image);
  g_test_add_func ("/page/no-remote-images", test_no_remote_images);
  g_test_add_func ("/page/figcaption", test_figcaption);
  g_test_add_func ("/page/theme", test_theme);
  g_test_add_func ("/page/empty-article", test_empty_article);
  g_test_add_func ("/page/body", test_body);
  g_test_add_func ("/page/image-uri", test_image_uri);
  g_test_add_func ("/page/stylesheet", test_stylesheet);
  g_test_add_func ("/page/theme-type", test_theme_type);

  status = g_test_run ();

  g_ptr_array_unref (fixtures);
  g_free (source_root);
  return status;
}
