/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gstdio.h>

#include "copydesk-core.h"
#include "cd-exporter.h"

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
  g_autoptr(CdArticle) none = cd_article_new ();
  CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, "/home/reporter/stories", NULL };
  g_autoptr(GError) error = NULL;
  char *href = NULL;

  g_assert_true (cd_export_resolve_image (none, &options, &href, &error));
  g_assert_null (href);

  g_assert_true (cd_export_resolve_image (remote, &options, &href, &error));
  g_assert_cmpstr (href, ==, "https://cdn.example.org/a.jpg");
  g_clear_pointer (&href, g_free);

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
  g_autofree char *dir = g_dir_make_tmp ("copydesk-exporter-XXXXXX", NULL);
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

  g_remove (copied_path);
  g_remove (output_path);
  g_remove (image_path);
  g_rmdir (bundle_dir);
  g_rmdir (article_dir);
  g_rmdir (dir);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exporter/registry", test_registry);
  g_test_add_func ("/exporter/resolve-image", test_resolve_image);
  g_test_add_func ("/exporter/refuses-local-image", test_export_without_options_refuses_local_image);
  g_test_add_func ("/exporter/bundle-to-file", test_bundle_to_file);
  g_test_add_func ("/exporter/deterministic", test_exports_are_deterministic);

  return g_test_run ();
}
