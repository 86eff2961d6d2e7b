/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gstdio.h>

#include "copydesk-core.h"
#include "cd-exporter.h"
#include "cd-test-util.h"

/* A string that no fixture holds, planted in the editor's note. */
#define INTERNAL_MARKER "DESKNOTE-4c1f9a-internal"

static CdArticle *
article_with_image (const char *source)
{
  CdArticle *article = cd_article_new ();

  cd_article_set_headline (article, "Ferry sails");
  cd_image_set_source (cd_article_get_image (article), source);
  cd_image_set_alt (cd_article_get_image (article), "A ferry");
  return article;
}

static void
test_registry (void)
{
  static const char * const ids[] = { "ninjs", "jsonld", "ans", "wordpress", "html", "copydesk" };
  GListModel *all = cd_exporters_get_all ();

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, G_N_ELEMENTS (ids));
  g_assert_true (g_list_model_get_item_type (all) == CD_TYPE_EXPORTER);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(CdExporter) exporter = g_list_model_get_item (all, i);

      g_assert_cmpstr (cd_exporter_get_id (exporter), ==, ids[i]);
      g_assert_true (cd_exporters_lookup (ids[i]) == exporter);
      g_assert_cmpstr (cd_exporter_get_name (exporter), !=, "");
      g_assert_cmpstr (cd_exporter_get_extension (exporter), !=, "");
      g_assert_true (strchr (cd_exporter_get_mime_type (exporter), '/') != NULL);
    }

  g_assert_null (cd_exporters_lookup ("docx"));
  g_assert_null (cd_exporters_lookup (NULL));
}

static void
test_resolve_image (void)
{
  g_autoptr(CdArticle) local = article_with_image ("photos/harbour ferry.jpg");
  g_autoptr(CdArticle) remote = article_with_image ("https://cdn.example.org/a.jpg");
  g_autoptr(CdArticle) upper = article_with_image ("HTTPS://CDN.EXAMPLE.ORG/a.jpg");
  g_autoptr(CdArticle) none = cd_article_new ();
  CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, "/home/reporter/stories", NULL };
  g_autoptr(GError) error = NULL;
  char *href = NULL;

  g_assert_true (cd_export_resolve_image (none, &options, &href, &error));
  g_assert_null (href);

  g_assert_true (cd_export_resolve_image (remote, &options, &href, &error));
  g_assert_cmpstr (href, ==, "https://cdn.example.org/a.jpg");
  g_clear_pointer (&href, g_free);

  /* A web address in any case is on the web already. */
  g_assert_true (cd_export_resolve_image (upper, &options, &href, &error));
  g_assert_cmpstr (href, ==, "HTTPS://CDN.EXAMPLE.ORG/a.jpg");
  g_clear_pointer (&href, g_free);

  /* Neither a web address nor a file: refused in every mode, never taken
   * for a file named after its last part. */
  for (int mode = CD_EXPORT_IMAGE_NONE; mode <= CD_EXPORT_IMAGE_LOCAL; mode++)
    {
      static const char * const sources[] = {
        "https://cdn.example.org/a b.jpg", "https:///a.jpg", "ftp://cdn.example.org/a.jpg",
      };

      for (size_t i = 0; i < G_N_ELEMENTS (sources); i++)
        {
          g_autoptr(CdArticle) neither = article_with_image (sources[i]);
          CdExportOptions any = { mode, "https://media.example.org/img/",
                                  "/home/reporter/stories", NULL };

          g_assert_false (cd_export_resolve_image (neither, &any, &href, &error));
          g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
          g_assert_nonnull (strstr (error->message, sources[i]));
          g_assert_null (href);
          g_clear_error (&error);
        }
    }

  /* A file on disk is never exported as a path on the author's computer. */
  g_assert_false (cd_export_resolve_image (local, &options, &href, &error));
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_nonnull (strstr (error->message, "photos/harbour ferry.jpg"));
  g_assert_null (href);
  g_clear_error (&error);

  options.image_mode = CD_EXPORT_IMAGE_BUNDLE;
  g_assert_true (cd_export_resolve_image (local, &options, &href, &error));
  g_assert_cmpstr (href, ==, "harbour%20ferry.jpg");
  g_clear_pointer (&href, g_free);

  options.image_mode = CD_EXPORT_IMAGE_BASE_URL;
  options.image_base_url = "https://media.example.org/img";
  g_assert_true (cd_export_resolve_image (local, &options, &href, &error));
  g_assert_cmpstr (href, ==, "https://media.example.org/img/harbour%20ferry.jpg");
  g_clear_pointer (&href, g_free);

  options.image_base_url = "https://media.example.org/img/";
  g_assert_true (cd_export_resolve_image (local, &options, &href, &error));
  g_assert_cmpstr (href, ==, "https://media.example.org/img/harbour%20ferry.jpg");
  g_clear_pointer (&href, g_free);

  options.image_base_url = "ftp://media.example.org/";
  g_assert_false (cd_export_resolve_image (local, &options, &href, &error));
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_clear_error (&error);

  /* The base URL is a web address as cd_url_is_web_address() has it: the
   * scheme in any case, but with a host and without white space. */
  options.image_base_url = "HTTPS://media.example.org/img";
  g_assert_true (cd_export_resolve_image (local, &options, &href, &error));
  g_assert_cmpstr (href, ==, "HTTPS://media.example.org/img/harbour%20ferry.jpg");
  g_clear_pointer (&href, g_free);

  options.image_base_url = "https://";
  g_assert_false (cd_export_resolve_image (local, &options, &href, &error));
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (href);
  g_clear_error (&error);

  options.image_base_url = "https://media.example.org/my images/";
  g_assert_false (cd_export_resolve_image (local, &options, &href, &error));
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_null (href);
  g_clear_error (&error);

  options.image_mode = CD_EXPORT_IMAGE_LOCAL;
  g_assert_true (cd_export_resolve_image (local, &options, &href, &error));
  g_assert_cmpstr (href, ==, "file:///home/reporter/stories/photos/harbour%20ferry.jpg");
  g_clear_pointer (&href, g_free);
}

static void
test_export_without_options_refuses_local_image (void)
{
  GListModel *all = cd_exporters_get_all ();
  g_autoptr(CdArticle) local = article_with_image ("ferry.jpg");

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CdExporter) exporter = g_list_model_get_item (all, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = cd_exporter_export (exporter, local, NULL, &error);

      g_test_message ("%s", cd_exporter_get_id (exporter));
      g_assert_null (bytes);
      g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
    }
}

static void
test_bundle_to_file (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *article_dir = g_build_filename (dir, "story", NULL);
  g_autofree char *bundle_dir = g_build_filename (dir, "bundle", NULL);
  g_autofree char *image_path = g_build_filename (article_dir, "harbour ferry.jpg", NULL);
  g_autofree char *copied_path = g_build_filename (bundle_dir, "harbour ferry.jpg", NULL);
  g_autofree char *output_path = g_build_filename (bundle_dir, "story.copydesk", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (output_path);
  g_autoptr(CdArticle) article = article_with_image ("harbour ferry.jpg");
  g_autoptr(CdArticle) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copied = NULL;
  CdExportOptions options = { CD_EXPORT_IMAGE_BUNDLE, NULL, article_dir, NULL };
  CdExporter *exporter = cd_exporters_lookup ("copydesk");
  const char image[] = "\xff\xd8\xff\xe0 not really a JPEG";

  g_assert_cmpint (g_mkdir_with_parents (article_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (bundle_dir, 0755), ==, 0);

  /* The image is missing: nothing is written. */
  g_assert_false (cd_exporter_export_to_file (exporter, article, &options, output, &error));
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE);
  g_assert_false (g_file_test (output_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (image_path, image, sizeof image, NULL));
  g_assert_true (cd_exporter_export_to_file (exporter, article, &options, output, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (copied_path, &copied, NULL, NULL));
  g_assert_cmpmem (copied, sizeof image, image, sizeof image);

  reloaded = cd_article_load_from_file (output, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_get_source (cd_article_get_image (reloaded)), ==, "harbour ferry.jpg");
  g_assert_cmpstr (cd_article_get_headline (reloaded), ==, "Ferry sails");

  cd_test_remove_tree (dir);
}

static void
test_exports_are_deterministic (void)
{
  GListModel *all = cd_exporters_get_all ();
  g_autofree char *root = g_strdup (g_getenv ("CD_SOURCE_ROOT"));
  g_autofree char *path = g_build_filename (root, "data", "sample", "harbour-ferry.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_file (file, NULL, &error);
  CdExportOptions options = { CD_EXPORT_IMAGE_BASE_URL, "https://media.example.org/", NULL, NULL };

  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CdExporter) exporter = g_list_model_get_item (all, i);
      g_autoptr(CdArticle) copy = cd_article_copy (article);
      g_autoptr(GBytes) first = cd_exporter_export (exporter, article, &options, &error);
      g_autoptr(GBytes) again = cd_exporter_export (exporter, article, &options, &error);
      g_autoptr(GBytes) from_copy = cd_exporter_export (exporter, copy, &options, &error);

      g_test_message ("%s", cd_exporter_get_id (exporter));
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (first, again));
      g_assert_true (g_bytes_equal (first, from_copy));
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                      "Harbour Spirit"));
    }
}

/* One rule names an export, in the window and in copydesk-cli: the slug
 * and the format, with the format's id before ".json" for the formats that
 * share that extension, so that exports sit side by side in one folder. */
static void
test_default_file_name (void)
{
  static const struct
  {
    const char *id;
    const char *slug;
    const char *expected;
  } cases[] = {
    { "ninjs", "ferry-sails", "ferry-sails.ninjs.json" },
    { "ans", "ferry-sails", "ferry-sails.ans.json" },
    { "wordpress", "ferry-sails", "ferry-sails.wordpress.json" },
    { "jsonld", "ferry-sails", "ferry-sails.jsonld" },
    { "html", "ferry-sails", "ferry-sails.html" },
    { "copydesk", "ferry-sails", "ferry-sails.copydesk" },
    { "ninjs", "", "article.ninjs.json" },
    { "html", "   ", "article.html" },
    /* A slug is typed by people: it never names another folder or a
     * hidden file. */
    { "ninjs", "../../etc/passwd", "etc-passwd.ninjs.json" },
    { "html", "a/b\\c", "a-b-c.html" },
    { "html", "..", "article.html" },
    { "html", ".hidden", "hidden.html" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdArticle) article = cd_article_new ();
      g_autofree char *name = NULL;

      cd_article_set_slug (article, cases[i].slug);
      name = cd_exporter_dup_file_name (cd_exporters_lookup (cases[i].id), article);
      g_test_message ("%s, “%s”", cases[i].id, cases[i].slug);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

/* The text of the page's byline paragraph: its markup dropped, the few
 * entities the page writes for names like these read back. */
static char *
page_byline (const char *page)
{
  const char *start = strstr (page, "<p class=\"byline\">");
  const char *end;
  GString *text = g_string_new (NULL);
  gboolean in_tag = FALSE;

  if (start == NULL)
    return g_string_free (text, FALSE);

  start += strlen ("<p class=\"byline\">");
  end = strstr (start, "</p>");
  g_assert_nonnull (end);

  for (const char *p = start; p < end; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (text, *p);
    }

  g_assert_null (strchr (text->str, '&'));
  return g_string_free (text, FALSE);
}

/* The byline joined from a list of names in a document, as
 * cd_byline_for_names() joins them: how formats without a byline of the
 * whole story (ANS, JSON-LD) carry it. */
static char *
byline_from_members (JsonArray  *array,
                     const char *member,
                     const char *language)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (names, (gpointer) json_object_get_string_member (
                                         json_array_get_object_element (array, i), member));
  g_ptr_array_add (names, NULL);

  return cd_byline_for_names ((const char * const *) names->pdata, language);
}

static void
check_bylines_agree (CdArticle  *article,
                     const char *expected)
{
  GListModel *all = cd_exporters_get_all ();
  CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL };
  const char *language = cd_article_get_language (article);
  CdPageOptions page_options = { NULL, CD_PAGE_THEME_AUTO, FALSE };
  g_autofree char *page = cd_page_render (article, &page_options);
  g_autofree char *on_page = page_byline (page);

  g_assert_cmpstr (cd_article_get_byline (article), ==, expected);
  g_assert_cmpstr (on_page, ==, expected);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CdExporter) exporter = g_list_model_get_item (all, i);
      const char *id = cd_exporter_get_id (exporter);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = cd_exporter_export (exporter, article, &options, &error);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;
      g_autofree char *byline = NULL;

      g_test_message ("%s, %s", language, id);
      g_assert_no_error (error);

      if (g_str_equal (id, "html"))
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes));

          byline = page_byline (text);
        }
      else if (g_str_equal (id, "copydesk"))
        {
          /* The article file holds the authors, not a byline. */
          continue;
        }
      else
        {
          root = cd_test_parse_bytes (bytes);
          object = json_node_get_object (root);

          if (g_str_equal (id, "ninjs"))
            byline = g_strdup (json_object_get_string_member (object, "by"));
          else if (g_str_equal (id, "wordpress"))
            byline = g_strdup (json_object_get_string_member (
                       json_object_get_object_member (
                         json_object_get_object_member (object, "post"), "meta"),
                       "copydesk_byline"));
          else if (g_str_equal (id, "ans"))
            byline = byline_from_members (json_object_get_array_member (
                                            json_object_get_object_member (object, "credits"),
                                            "by"),
                                          "byline", language);
          else if (g_str_equal (id, "jsonld"))
            byline = byline_from_members (json_object_get_array_member (object, "author"),
                                          "name", language);
          else
            g_error ("The exporter “%s” does not say where its byline is", id);
        }

      g_assert_cmpstr (byline, ==, expected);
    }
}

/* One multi-author article in every language the table has, and in one it
 * does not: the model, the page and every export give the same byline. */
static void
test_bylines_agree (void)
{
  static const struct
  {
    const char *language;
    const char *expected;  /* NULL: worked out by the model */
  } anchors[] = {
    { "el", "Ada Okafor, Jonas Berg και Marta Núñez" },
    { "ja", "Ada Okafor、Jonas Berg、Marta Núñez" },
    { "en-GB", "By Ada Okafor, Jonas Berg and Marta Núñez" },
    { "de-AT", "Von Ada Okafor, Jonas Berg und Marta Núñez" },
    { "fi", "By Ada Okafor, Jonas Berg and Marta Núñez" },
  };
  size_t n_words;
  const CdLanguageWords *words = cd_language_words_get_all (&n_words);
  g_autoptr(CdArticle) article = cd_article_new ();
  const char *names[] = { "Ada Okafor", "  ", " Jonas Berg ", "Marta Núñez" };

  g_assert_cmpuint (n_words, >, 10);

  cd_article_set_headline (article, "Ferry sails");
  for (size_t i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CdAuthor) author = cd_author_new (names[i]);

      if (i == 0)
        cd_author_set_url (author, "https://example.com/staff/ada");
      if (i == 2)
        cd_author_set_role (author, "Transport correspondent");
      cd_article_add_author (article, author);
    }

  for (size_t i = 0; i < G_N_ELEMENTS (anchors); i++)
    {
      cd_article_set_language (article, anchors[i].language);
      check_bylines_agree (article, anchors[i].expected);
    }

  for (size_t i = 0; i < n_words; i++)
    {
      g_autofree char *expected = NULL;

      cd_article_set_language (article, words[i].range);
      expected = g_strdup (cd_article_get_byline (article));
      g_assert_true (g_str_has_prefix (expected, words[i].by));
      g_assert_nonnull (strstr (expected, words[i].last_separator));
      check_bylines_agree (article, expected);
    }
}

/* Reads the size of @data, an image's first bytes, and where the reader
 * stopped. */
static gboolean
read_size (const guint8  *data,
           gsize          length,
           guint         *width,
           guint         *height,
           goffset       *stopped,
           GError       **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, length, NULL);
  gboolean ok;

  *width = *height = 0;
  ok = cd_image_size_read (stream, width, height, NULL, error);
  *stopped = g_seekable_tell (G_SEEKABLE (stream));
  return ok;
}

/* A JPEG of 1600 × 900 pixels whose frame header follows an Exif segment of
 * @exif_length bytes and @fill fill bytes. */
static GByteArray *
make_jpeg (gsize exif_length,
           gsize fill)
{
  static const guint8 start[] = {
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
  };
  static const guint8 frame[] = {
    0xff, 0xc2, 0x00, 0x11, 0x08, 0x03, 0x84, 0x06, 0x40, 0x03,
    0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    0xff, 0xda, 0x00, 0x0c,
  };
  GByteArray *jpeg = g_byte_array_new ();
  guint8 header[4] = { 0xff, 0xe1, (exif_length + 2) >> 8, (exif_length + 2) & 0xff };

  g_assert_cmpuint (exif_length + 2, <=, 0xffff);
  g_byte_array_append (jpeg, start, sizeof start);
  g_byte_array_append (jpeg, header, sizeof header);
  for (gsize i = 0; i < exif_length; i++)
    g_byte_array_append (jpeg, (const guint8 *) "\xab", 1);
  for (gsize i = 0; i < fill; i++)
    g_byte_array_append (jpeg, (const guint8 *) "\xff", 1);
  g_byte_array_append (jpeg, frame, sizeof frame);

  return jpeg;
}

static void
test_image_size (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R',
    0x00, 0x00, 0x02, 0x80, 0x00, 0x00, 0x01, 0xe0, 0x08, 0x02, 0x00, 0x00, 0x00,
    0xde, 0xad, 0xbe, 0xef, 0x00, 0x00, 0x00, 0x00, 'I', 'E', 'N', 'D',
  };
  static const guint8 gif[] = {
    'G', 'I', 'F', '8', '9', 'a', 0x40, 0x01, 0xf0, 0x00, 0xf7, 0x00, 0x00, ';',
  };
  static const guint8 webp_lossy[] = {
    'R', 'I', 'F', 'F', 0x24, 0x00, 0x00, 0x00, 'W', 'E', 'B', 'P',
    'V', 'P', '8', ' ', 0x18, 0x00, 0x00, 0x00,
    0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x90, 0x01, 0x2c, 0x01, 0x00, 0x00, 0x00, 0x00,
  };
  static const guint8 webp_lossless[] = {
    'R', 'I', 'F', 'F', 0x1a, 0x00, 0x00, 0x00, 'W', 'E', 'B', 'P',
    'V', 'P', '8', 'L', 0x0d, 0x00, 0x00, 0x00,
    0x2f, 0x8f, 0xc1, 0x4a, 0x00, 0x00, 0x00, 0x00,
  };
  static const guint8 webp_extended[] = {
    'R', 'I', 'F', 'F', 0x24, 0x00, 0x00, 0x00, 'W', 'E', 'B', 'P',
    'V', 'P', '8', 'X', 0x0a, 0x00, 0x00, 0x00,
    0x10, 0x00, 0x00, 0x00, 0x9f, 0x0f, 0x00, 0xb7, 0x0b, 0x00,
  };
  static const struct
  {
    const guint8 *data;
    gsize         length;
    gsize         header_length;  /* the bytes that state the size */
    guint         width;
    guint         height;
  } cases[] = {
    { png, sizeof png, 24, 640, 480 },
    { gif, sizeof gif, 10, 320, 240 },
    { webp_lossy, sizeof webp_lossy, 30, 400, 300 },
    { webp_lossless, sizeof webp_lossless, 25, 400, 300 },
    { webp_extended, sizeof webp_extended, 30, 4000, 3000 },
  };
  g_autofree char *root = cd_test_dup_source_root ();
  g_autofree char *sample = g_build_filename (root, "data", "sample", "harbour-ferry.jpg", NULL);
  g_autoptr(GFile) sample_file = g_file_new_for_path (sample);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/copydesk/photo.jpg");
  g_autoptr(GError) error = NULL;
  guint width, height;
  goffset stopped;

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %zu", i);
      g_assert_true (read_size (cases[i].data, cases[i].length, &width, &height, &stopped,
                                &error));
      g_assert_no_error (error);
      g_assert_cmpuint (width, ==, cases[i].width);
      g_assert_cmpuint (height, ==, cases[i].height);
      /* The header is all that is read. */
      g_assert_cmpint (stopped, <=, 32);

      /* Cut anywhere in the header, the image is damaged, never misread. */
      for (gsize cut = 0; cut < cases[i].header_length; cut++)
        {
          if (read_size (cases[i].data, cut, &width, &height, &stopped, &error))
            g_error ("case %zu cut at %zu gives %u × %u", i, cut, width, height);
          g_assert_nonnull (error);
          g_assert_true (error->domain == CD_IMAGE_SIZE_ERROR);
          g_clear_error (&error);
        }
    }

  /* A JPEG's frame header may follow long metadata, which is skipped. */
  {
    g_autoptr(GByteArray) jpeg = make_jpeg (60000, 0);

    g_assert_true (read_size (jpeg->data, jpeg->len, &width, &height, &stopped, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (width, ==, 1600);
    g_assert_cmpuint (height, ==, 900);
  }
  {
    g_autoptr(GByteArray) jpeg = make_jpeg (10, 5);

    g_assert_true (read_size (jpeg->data, jpeg->len, &width, &height, &stopped, &error));
    g_assert_cmpuint (width, ==, 1600);
  }

  /* Endless fill bytes, a segment longer than the file, a frame that comes
   * after the scan, a size of zero: errors, not hangs or guesses. */
  {
    g_autoptr(GByteArray) fill = make_jpeg (10, 100000);
    g_autoptr(GByteArray) longer = make_jpeg (300, 0);
    static const guint8 scan_first[] = { 0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9 };
    static const guint8 empty_gif[] = { 'G', 'I', 'F', '8', '7', 'a', 0, 0, 0, 0, 0, 0 };

    g_assert_false (read_size (fill->data, fill->len, &width, &height, &stopped, &error));
    g_assert_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_false (read_size (longer->data, 100, &width, &height, &stopped, &error));
    g_assert_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_false (read_size (scan_first, sizeof scan_first, &width, &height, &stopped, &error));
    g_assert_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_false (read_size (empty_gif, sizeof empty_gif, &width, &height, &stopped, &error));
    g_assert_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_false (read_size ((const guint8 *) "<svg/>", 6, &width, &height, &stopped, &error));
    g_assert_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_UNSUPPORTED);
    g_clear_error (&error);
  }

  /* Random bytes after each format's signature: an answer or an error,
   * never a crash. */
  for (size_t i = 0; i <= G_N_ELEMENTS (cases); i++)
    {
      static const guint8 jpeg_start[12] = { 0xff, 0xd8, 0xff };
      const guint8 *signature = i < G_N_ELEMENTS (cases) ? cases[i].data : jpeg_start;

      for (int round = 0; round < 200; round++)
        {
          guint8 data[64];
          gsize length = (gsize) g_test_rand_int_range (0, sizeof data + 1);
          gboolean ok;

          for (gsize k = 0; k < sizeof data; k++)
            data[k] = (guint8) g_test_rand_int_range (0, 256);
          memcpy (data, signature, MIN (length, i < G_N_ELEMENTS (cases) ? 12 : 3));

          ok = read_size (data, length, &width, &height, &stopped, &error);
          g_assert_true (ok ? error == NULL && width > 0 && height > 0 : error != NULL);
          g_clear_error (&error);
        }
    }

  /* The sample photograph, a progressive JPEG. */
  g_assert_true (cd_image_size_read_file (sample_file, &width, &height, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, 1600);
  g_assert_cmpuint (height, ==, 900);

  g_assert_false (cd_image_size_read_file (missing, &width, &height, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static JsonObject *
export_image_object (const char            *id,
                     CdArticle             *article,
                     const CdExportOptions *options,
                     JsonNode             **root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = cd_exporter_export (cd_exporters_lookup (id), article, options,
                                                &error);
  JsonObject *object;

  g_assert_no_error (error);
  *root = cd_test_parse_bytes (bytes);
  object = json_node_get_object (*root);

  if (g_str_equal (id, "ninjs"))
    return json_array_get_object_element (
             json_object_get_array_member (
               json_array_get_object_element (json_object_get_array_member (object,
                                                                            "associations"),
                                              0),
               "renditions"),
             0);
  if (g_str_equal (id, "jsonld"))
    return json_object_get_object_member (object, "image");
  if (g_str_equal (id, "ans"))
    return json_object_get_object_member (json_object_get_object_member (object, "promo_items"),
                                          "basic");

  g_assert_not_reached ();
  return NULL;
}

static gint64
jsonld_pixels (JsonObject *image,
               const char *member)
{
  JsonObject *value = json_object_get_object_member (image, member);

  /* schema.org's width and height are a Distance or a QuantitativeValue;
   * E37 is UN/CEFACT's code for a pixel. */
  g_assert_cmpstr (json_object_get_string_member (value, "@type"), ==, "QuantitativeValue");
  g_assert_cmpstr (json_object_get_string_member (value, "unitCode"), ==, "E37");
  return json_object_get_int_member (value, "value");
}

/* The lead image in the formats that have a place for its address, type,
 * alt text and pixel size. */
static void
test_image_exports (void)
{
  g_autofree char *root = cd_test_dup_source_root ();
  g_autofree char *dir = g_build_filename (root, "data", "sample", NULL);
  g_autofree char *path = g_build_filename (dir, "harbour-ferry.copydesk", NULL);
  g_autoptr(CdArticle) article = cd_test_load_article (path);
  g_autoptr(CdArticle) remote = cd_article_copy (article);
  const char *absolute = "https://media.example.org/images/harbour-ferry.jpg";
  const char *alt = cd_image_get_alt (cd_article_get_image (article));
  const struct
  {
    CdExportImageMode  mode;
    const char        *base_url;
    gboolean           absolute;  /* an absolute URL can be given */
  } cases[] = {
    { CD_EXPORT_IMAGE_BASE_URL, "https://media.example.org/images/", TRUE },
    /* A bundle whose image is also published under a known base URL. */
    { CD_EXPORT_IMAGE_BUNDLE, "https://media.example.org/images", TRUE },
    { CD_EXPORT_IMAGE_BUNDLE, NULL, FALSE },
  };

  g_assert_cmpstr (cd_image_get_source (cd_article_get_image (article)), ==, "harbour-ferry.jpg");

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CdExportOptions options = { cases[i].mode, cases[i].base_url, dir, NULL };
      g_autoptr(JsonNode) ninjs_root = NULL;
      g_autoptr(JsonNode) jsonld_root = NULL;
      g_autoptr(JsonNode) ans_root = NULL;
      JsonObject *rendition = export_image_object ("ninjs", article, &options, &ninjs_root);
      JsonObject *image = export_image_object ("jsonld", article, &options, &jsonld_root);
      JsonObject *promo = export_image_object ("ans", article, &options, &ans_root);

      g_test_message ("case %zu", i);

      /* The sample is 1600 × 900 pixels, read from the file. */
      g_assert_cmpint (json_object_get_int_member (rendition, "width"), ==, 1600);
      g_assert_cmpint (json_object_get_int_member (rendition, "height"), ==, 900);
      g_assert_cmpstr (json_object_get_string_member (rendition, "contenttype"), ==, "image/jpeg");
      g_assert_cmpint (jsonld_pixels (image, "width"), ==, 1600);
      g_assert_cmpint (jsonld_pixels (image, "height"), ==, 900);
      g_assert_cmpint (json_object_get_int_member (promo, "width"), ==, 1600);
      g_assert_cmpint (json_object_get_int_member (promo, "height"), ==, 900);

      /* Alt text: schema.org's description of the image. */
      g_assert_cmpstr (json_object_get_string_member (image, "description"), ==, alt);

      if (cases[i].absolute)
        {
          g_assert_cmpstr (json_object_get_string_member (rendition, "href"), ==, absolute);
          g_assert_cmpstr (json_object_get_string_member (image, "url"), ==, absolute);
          g_assert_cmpstr (json_object_get_string_member (image, "contentUrl"), ==, absolute);
        }
      else
        {
          /* ninjs allows no relative href; JSON-LD resolves a relative one
           * against the document. */
          g_assert_false (json_object_has_member (rendition, "href"));
          g_assert_cmpstr (json_object_get_string_member (rendition, "title"), ==,
                           "harbour-ferry.jpg");
          g_assert_cmpstr (json_object_get_string_member (image, "url"), ==, "harbour-ferry.jpg");
        }
    }

  /* A remote image's size is not known without fetching it, which an
   * export never does. */
  cd_image_set_source (cd_article_get_image (remote), "https://images.example.com/ferry.webp");
  {
    CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, dir, NULL };
    g_autoptr(JsonNode) ninjs_root = NULL;
    g_autoptr(JsonNode) jsonld_root = NULL;
    g_autoptr(JsonNode) ans_root = NULL;
    JsonObject *rendition = export_image_object ("ninjs", remote, &options, &ninjs_root);
    JsonObject *image = export_image_object ("jsonld", remote, &options, &jsonld_root);
    JsonObject *promo = export_image_object ("ans", remote, &options, &ans_root);

    g_assert_cmpstr (json_object_get_string_member (rendition, "href"), ==,
                     "https://images.example.com/ferry.webp");
    g_assert_cmpstr (json_object_get_string_member (rendition, "contenttype"), ==, "image/webp");
    g_assert_false (json_object_has_member (rendition, "width"));
    g_assert_false (json_object_has_member (image, "width"));
    g_assert_false (json_object_has_member (promo, "width"));
  }

  /* An image file that cannot be read exports without a size. */
  {
    CdExportOptions options = { CD_EXPORT_IMAGE_BASE_URL, "https://media.example.org/",
                                "/nonexistent", NULL };
    g_autoptr(JsonNode) ninjs_root = NULL;
    JsonObject *rendition = export_image_object ("ninjs", article, &options, &ninjs_root);

    g_assert_false (json_object_has_member (rendition, "width"));
    g_assert_false (json_object_has_member (rendition, "height"));
  }
}

/* Counts the places in @node that hold @marker, in a member's value or
 * name, and fails on any whose place (without indexes) is not @allowed. */
static guint
count_marker_in_json (JsonNode   *node,
                      GString    *pattern,
                      const char *marker,
                      const char *allowed)
{
  gsize length = pattern->len;
  guint found = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append (pattern, "[]");
      for (guint i = 0; i < json_array_get_length (array); i++)
        found += count_marker_in_json (json_array_get_element (array, i), pattern, marker,
                                       allowed);
      g_string_truncate (pattern, length);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;

          g_assert_null (strstr (name, marker));
          if (pattern->len > 0)
            g_string_append_c (pattern, '.');
          g_string_append (pattern, name);
          found += count_marker_in_json (json_object_get_member (object, name), pattern,
                                         marker, allowed);
          g_string_truncate (pattern, length);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           strstr (json_node_get_string (node), marker) != NULL)
    {
      if (g_strcmp0 (pattern->str, allowed) != 0)
        g_error ("The editor's note reaches “%s”, which readers may see", pattern->str);
      found++;
    }

  return found;
}

static guint
count_occurrences (const char *text,
                   gsize       length,
                   const char *marker)
{
  g_autofree char *copy = g_strndup (text, length);
  guint n = 0;

  for (const char *p = strstr (copy, marker); p != NULL; p = strstr (p + 1, marker))
    n++;

  return n;
}

/* Checks one export: @marker is in the member the format defines as
 * internal, once, and nowhere else in the bytes. */
static void
check_internal_marker (const char *id,
                       GBytes     *bytes,
                       const char *marker)
{
  /* Where each format keeps a note for the newsroom; NULL: it has no such
   * place, so the note must not appear at all. Every registered exporter
   * must be listed, so that a new format is checked too. */
  static const struct
  {
    const char *id;
    const char *internal_member;
  } formats[] = {
    { "ninjs", "ednote" },
    { "ans", "planning.internal_note" },
    { "jsonld", NULL },
    { "wordpress", NULL },
    { "html", NULL },
  };
  const char *data;
  gsize size;
  guint in_bytes;

  /* The native format is the article file itself, editor's note and all. */
  if (g_str_equal (id, "copydesk"))
    return;

  data = g_bytes_get_data (bytes, &size);
  in_bytes = count_occurrences (data, size, marker);

  for (size_t i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (!g_str_equal (formats[i].id, id))
        continue;

      if (formats[i].internal_member == NULL)
        {
          g_assert_cmpuint (in_bytes, ==, 0);
        }
      else
        {
          g_autoptr(JsonNode) root = cd_test_parse_bytes (bytes);
          g_autoptr(GString) pattern = g_string_new (NULL);
          guint in_members = count_marker_in_json (root, pattern, marker,
                                                   formats[i].internal_member);

          /* Once, in its member, and not anywhere the JSON walk would miss. */
          g_assert_cmpuint (in_members, ==, 1);
          g_assert_cmpuint (in_bytes, ==, 1);
        }
      return;
    }

  g_error ("The exporter “%s” does not say where, if anywhere, the editor's note goes", id);
}

static void
check_article_keeps_note_internal (CdArticle  *article,
                                   const char *article_dir)
{
  GListModel *all = cd_exporters_get_all ();
  const CdExportImageMode modes[] = { CD_EXPORT_IMAGE_BASE_URL, CD_EXPORT_IMAGE_BUNDLE };
  g_autofree char *image_uri = NULL;

  cd_article_set_editor_note (article, "Check with legal: " INTERNAL_MARKER ". Not for print.");

  for (size_t m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      CdExportOptions options = { modes[m], "https://media.example.org/", article_dir, NULL };

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(CdExporter) exporter = g_list_model_get_item (all, i);
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = cd_exporter_export (exporter, article, &options, &error);

          g_test_message ("%s, image mode %d", cd_exporter_get_id (exporter), (int) modes[m]);
          /* An article some format cannot take (WordPress refuses an empty
           * post) has nothing to leak. */
          if (bytes == NULL)
            {
              g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID);
              continue;
            }
          check_internal_marker (cd_exporter_get_id (exporter), bytes, INTERNAL_MARKER);
        }
    }

  /* The preview: with no image, with the image on this computer and with
   * remote images blocked. */
  for (int variant = 0; variant < 3; variant++)
    {
      g_autoptr(GFile) dir = article_dir != NULL ? g_file_new_for_path (article_dir) : NULL;
      g_autofree char *href = variant > 0 ? cd_page_dup_image_uri (article, dir) : NULL;
      CdPageOptions page_options = { href, CD_PAGE_THEME_LIGHT, variant == 2 };
      g_autofree char *page = cd_page_render (article, &page_options);

      g_assert_null (strstr (page, INTERNAL_MARKER));
    }
}

/* The editor's note is for the desk: it reaches only the members that
 * formats define as internal (ninjs `ednote`, ANS `planning.internal_note`)
 * and nothing readers see. */
static void
test_editor_note_stays_internal (void)
{
  g_autofree char *root = cd_test_dup_source_root ();
  g_autoptr(GPtrArray) fixtures = cd_test_fixtures_new (root);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdAuthor) author = cd_author_new ("Helen Marsh");
  g_autoptr(CdTag) tag = cd_tag_new ("transport", NULL, NULL);
  CdImage *image = cd_article_get_image (article);

  cd_author_set_role (author, "Transport correspondent");
  cd_article_add_author (article, author);
  cd_article_add_tag (article, tag);
  cd_article_set_headline (article, "Ferry sails");
  cd_article_set_standfirst (article, "The first crossing left at dawn.");
  cd_article_set_dateline (article, "Portmere");
  cd_article_set_section (article, "Local");
  cd_article_set_body (article, "The ferry *sailed*.\n\n- one\n- two\n");
  cd_image_set_source (image, "https://images.example.com/ferry.jpg");
  cd_image_set_alt (image, "A ferry");
  cd_image_set_caption (image, "The ferry at dawn.");
  cd_image_set_credit (image, "Photo: Example Agency");
  cd_image_set_photographer (image, "Owen Clarke");
  cd_image_set_copyright (image, "© 2026 Example Agency");
  check_article_keeps_note_internal (article, NULL);

  for (guint i = 0; i < fixtures->len; i++)
    {
      const CdTestFixture *fixture = g_ptr_array_index (fixtures, i);
      g_autoptr(CdArticle) loaded = cd_test_load_article (fixture->path);
      g_autofree char *dir = g_path_get_dirname (fixture->path);

      g_test_message ("fixture %s", fixture->name);
      check_article_keeps_note_internal (loaded, dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/exporter/registry", test_registry);
  g_test_add_func ("/exporter/resolve-image", test_resolve_image);
  g_test_add_func ("/exporter/refuses-local-image", test_export_without_options_refuses_local_image);
  g_test_add_func ("/exporter/bundle-to-file", test_bundle_to_file);
  g_test_add_func ("/exporter/deterministic", test_exports_are_deterministic);
  g_test_add_func ("/exporter/default-file-name", test_default_file_name);
  g_test_add_func ("/exporter/image-size", test_image_size);
  g_test_add_func ("/exporter/image-exports", test_image_exports);
  g_test_add_func ("/exporter/bylines-agree", test_bylines_agree);
  g_test_add_func ("/exporter/editor-note-stays-internal", test_editor_note_stays_internal);

  return g_test_run ();
}
