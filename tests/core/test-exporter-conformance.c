/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "cd-exporter.h"
#include "cd-test-util.h"

/*
 * What every exporter must do, whatever its format: run once per exporter
 * in the registry (cd_exporters_get_all ()), each under
 * /exporter-conformance/<id>/.
 *
 * - registry: it is found by its id, with the file extension and media
 *   type in the table below;
 * - deterministic: the same article exported twice, from a copy and after
 *   reloading its file gives the same bytes (or the same error), with the
 *   image referenced by URL and bundled;
 * - golden/<fixture>: every fixture article (tests/articles, data/sample)
 *   exports as UTF-8 text without NUL bytes and equal to its golden file in
 *   tests/golden/<format>/ (or, for an export that fails, to <name>.error,
 *   which holds its message), so that a fixture cannot silently stop
 *   exporting. Run with CD_UPDATE_GOLDEN=1 to rewrite them after an intended
 *   change, and review the diff; tests/ninjs and tests/ans validate those
 *   goldens against their formats' schemas;
 * - goldens-have-fixtures: every golden file belongs to a fixture, there are
 *   enough fixtures for the goldens to mean something, and no two share a
 *   name.
 *
 * The format's own mapping (which member holds what) is tested in
 * test-export-<format>.c; the HTML page's goldens in test-page.c, without
 * the page's inlined stylesheet, which is compared with its source
 * (/exporter-conformance/html/stylesheet, data/page/article.css).
 */

#define IMAGE_BASE_URL "https://media.example.org/images/"
#define MIN_FIXTURES   8

typedef struct
{
  const char *id;
  const char *extension;
  const char *mime_type;
  /* The folder under tests/golden of the goldens made here, or NULL. */
  const char *golden_dir;
  const char *golden_extension;
  /* A golden in that folder that belongs to no fixture, or NULL. */
  const char *extra_golden;
} Format;

static const Format formats[] = {
  { "ninjs", "json", "application/json", "ninjs", ".json", "harbour-ferry-bundle" },
  { "jsonld", "jsonld", "application/ld+json", "jsonld", ".jsonld", NULL },
  { "ans", "json", "application/json", "ans", ".json", "harbour-ferry-bundle" },
  { "wordpress", "json", "application/json", "wordpress", ".json", NULL },
  /* The page's goldens are compared by test-page.c, with the image bundled. */
  { "html", "html", "text/html", NULL, NULL, NULL },
  { "copydesk", "copydesk", "application/x-copydesk-article", NULL, NULL, NULL },
};

typedef struct
{
  const Format        *format;
  const CdTestFixture *fixture;
} GoldenCase;

static char *source_root;
static GPtrArray *fixtures;

static CdExporter *
get_exporter (const Format *format)
{
  CdExporter *exporter = cd_exporters_lookup (format->id);

  if (exporter == NULL)
    g_error ("no exporter “%s” is registered", format->id);
  return exporter;
}

/* Exports @article as @format, the image referenced by URL or bundled, and
 * returns the text (checked to be UTF-8 without NUL bytes), or NULL with
 * @error set. */
static char *
export_text (const Format       *format,
             CdArticle          *article,
             CdExportImageMode   mode,
             const char         *article_dir,
             GError            **error)
{
  CdExportOptions options = { mode, IMAGE_BASE_URL, article_dir, NULL };
  g_autoptr(GBytes) bytes = cd_exporter_export (get_exporter (format), article, &options, error);
  const char *data;
  gsize size;

  if (bytes == NULL)
    {
      g_assert_true (error == NULL || *error != NULL);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, (gssize) size, NULL));
  g_assert_null (memchr (data, '\0', size));
  return g_strndup (data, size);
}

/* The exporter is found by its id and says what the table says. */
static void
test_registry (gconstpointer data)
{
  const Format *format = data;
  CdExporter *exporter = get_exporter (format);
  GListModel *all = cd_exporters_get_all ();
  gboolean listed = FALSE;

  g_assert_cmpstr (cd_exporter_get_id (exporter), ==, format->id);
  g_assert_cmpstr (cd_exporter_get_extension (exporter), ==, format->extension);
  g_assert_cmpstr (cd_exporter_get_mime_type (exporter), ==, format->mime_type);
  g_assert_nonnull (cd_exporter_get_name (exporter));
  g_assert_cmpstr (cd_exporter_get_name (exporter), !=, "");

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CdExporter) item = g_list_model_get_item (all, i);

      if (item == exporter)
        listed = TRUE;
    }
  g_assert_true (listed);
}

/* Every exporter in the registry is in the table, so none escapes these
 * tests. */
static void
test_all_registered (void)
{
  GListModel *all = cd_exporters_get_all ();

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, G_N_ELEMENTS (formats));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CdExporter) exporter = g_list_model_get_item (all, i);
      gboolean known = FALSE;

      for (size_t j = 0; j < G_N_ELEMENTS (formats); j++)
        if (g_strcmp0 (cd_exporter_get_id (exporter), formats[j].id) == 0)
          known = TRUE;
      if (!known)
        g_test_fail_printf ("the exporter “%s” is not in test-exporter-conformance.c's table",
                            cd_exporter_get_id (exporter));
    }
}

static void
assert_same_result (const char   *fixture,
                    const char   *first,
                    const GError *first_error,
                    const char   *other,
                    const GError *other_error)
{
  g_test_message ("%s", fixture);
  g_assert_cmpstr (first, ==, other);
  if (first == NULL)
    {
      g_assert_nonnull (first_error);
      g_assert_nonnull (other_error);
      g_assert_cmpstr (first_error->message, ==, other_error->message);
    }
}

static void
test_deterministic (gconstpointer data)
{
  const Format *format = data;
  const CdExportImageMode modes[] = { CD_EXPORT_IMAGE_BASE_URL, CD_EXPORT_IMAGE_BUNDLE };

  for (guint i = 0; i < fixtures->len; i++)
    {
      const CdTestFixture *fixture = g_ptr_array_index (fixtures, i);
      g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
      g_autoptr(CdArticle) reloaded = cd_test_load_article (fixture->path);
      g_autoptr(CdArticle) copy = cd_article_copy (article);
      g_autofree char *dir = g_path_get_dirname (fixture->path);

      for (size_t m = 0; m < G_N_ELEMENTS (modes); m++)
        {
          g_autoptr(GError) first_error = NULL;
          g_autoptr(GError) second_error = NULL;
          g_autoptr(GError) copy_error = NULL;
          g_autoptr(GError) reloaded_error = NULL;
          g_autofree char *first = export_text (format, article, modes[m], dir, &first_error);
          g_autofree char *second = export_text (format, article, modes[m], dir, &second_error);
          g_autofree char *from_copy = export_text (format, copy, modes[m], dir, &copy_error);
          g_autofree char *from_file = export_text (format, reloaded, modes[m], dir,
                                                    &reloaded_error);

          assert_same_result (fixture->name, first, first_error, second, second_error);
          assert_same_result (fixture->name, first, first_error, from_copy, copy_error);
          assert_same_result (fixture->name, first, first_error, from_file, reloaded_error);
        }
    }
}

static void
test_golden (gconstpointer data)
{
  const GoldenCase *golden_case = data;
  const Format *format = golden_case->format;
  const CdTestFixture *fixture = golden_case->fixture;
  g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
  g_autofree char *article_dir = g_path_get_dirname (fixture->path);
  g_autofree char *output_golden = cd_test_golden_path (source_root, format->golden_dir,
                                                        fixture->name, format->golden_extension);
  g_autofree char *error_golden = cd_test_golden_path (source_root, format->golden_dir,
                                                       fixture->name, ".error");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = export_text (format, article, CD_EXPORT_IMAGE_BASE_URL, article_dir,
                                       &error);

  cd_test_compare_result_with_golden (fixture->name, output_golden, error_golden, text, error);
}

static void
test_goldens_have_fixtures (gconstpointer data)
{
  const Format *format = data;
  const char * const extensions[] = { format->golden_extension, ".error", NULL };
  g_autofree char *folder = g_build_filename (source_root, "tests", "golden", format->golden_dir,
                                              NULL);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_golden;

  g_assert_cmpuint (fixtures->len, >=, MIN_FIXTURES);
  for (guint i = 0; i < fixtures->len; i++)
    {
      CdTestFixture *fixture = g_ptr_array_index (fixtures, i);

      /* Two fixtures of one name would share a golden file. */
      g_assert_false (g_hash_table_contains (names, fixture->name));
      g_hash_table_add (names, fixture->name);
    }

  /* GLib runs the golden tests, a sub-suite, after this one. */
  if (cd_test_updating_golden ())
    {
      g_test_skip ("The goldens are being rewritten");
      return;
    }

  n_golden = cd_test_check_goldens_have_fixtures (folder, fixtures, extensions,
                                                  format->extra_golden);
  g_assert_cmpuint (n_golden, ==, fixtures->len + (format->extra_golden != NULL ? 1 : 0));
}

/* The stylesheet every page inlines: the same for every article, and
 * exactly the page's stylesheet, data/page/article.css. The golden pages
 * leave it out (test-page.c), so that a change to the stylesheet rewrites no
 * golden at all. */
static void
test_page_stylesheet (void)
{
  const Format *html = NULL;
  g_autofree char *source = g_build_filename (source_root, "data", "page", "article.css", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GError) read_error = NULL;

  for (size_t i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].id, "html"))
      html = &formats[i];
  g_assert_nonnull (html);

  for (guint i = 0; i < fixtures->len; i++)
    {
      const CdTestFixture *fixture = g_ptr_array_index (fixtures, i);
      g_autoptr(CdArticle) article = cd_test_load_article (fixture->path);
      g_autofree char *dir = g_path_get_dirname (fixture->path);
      g_autoptr(GError) error = NULL;
      g_autofree char *page = export_text (html, article, CD_EXPORT_IMAGE_BUNDLE, dir, &error);
      g_autofree char *stylesheet = NULL;

      g_assert_no_error (error);
      stylesheet = cd_test_dup_page_stylesheet (page);
      g_test_message ("%s", fixture->name);
      g_assert_nonnull (stylesheet);
      g_assert_cmpuint (strlen (stylesheet), >, 0);
      if (first == NULL)
        first = g_steal_pointer (&stylesheet);
      else
        g_assert_cmpstr (stylesheet, ==, first);
    }

  g_file_get_contents (source, &expected, NULL, &read_error);
  g_assert_no_error (read_error);
  g_assert_cmpstr (first, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  cd_test_init (&argc, &argv);

  source_root = cd_test_dup_source_root ();
  fixtures = cd_test_fixtures_new (source_root);
  g_ptr_array_sort (fixtures, cd_test_fixture_compare);

  g_test_add_func ("/exporter-conformance/all-registered", test_all_registered);
  g_test_add_func ("/exporter-conformance/html/stylesheet", test_page_stylesheet);
  for (size_t i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const Format *format = &formats[i];
      g_autofree char *registry = g_strdup_printf ("/exporter-conformance/%s/registry", format->id);
      g_autofree char *deterministic = g_strdup_printf ("/exporter-conformance/%s/deterministic",
                                                        format->id);

      g_test_add_data_func (registry, format, test_registry);
      g_test_add_data_func (deterministic, format, test_deterministic);
      if (format->golden_dir == NULL)
        continue;

      {
        g_autofree char *complete = g_strdup_printf ("/exporter-conformance/%s/goldens-have-fixtures",
                                                     format->id);

        g_test_add_data_func (complete, format, test_goldens_have_fixtures);
      }
      for (guint j = 0; j < fixtures->len; j++)
        {
          GoldenCase *golden_case = g_new0 (GoldenCase, 1);
          g_autofree char *path = NULL;

          golden_case->format = format;
          golden_case->fixture = g_ptr_array_index (fixtures, j);
          path = g_strdup_printf ("/exporter-conformance/%s/golden/%s", format->id,
                                  golden_case->fixture->name);
          g_test_add_data_func (path, golden_case, test_golden);
          g_ptr_array_add (cases, golden_case);
        }
    }

  status = g_test_run ();

  g_clear_pointer (&fixtures, g_ptr_array_unref);
  g_clear_pointer (&source_root, g_free);
  return status;
}
