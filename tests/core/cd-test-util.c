/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-test-util"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "cd-article-file.h"
#include "cd-test-util.h"

#define FIXTURE_SUFFIX ".copydesk"

/**
 * cd_test_init:
 * @argc: the program's argc
 * @argv: the program's argv
 *
 * g_test_init () for a core test: warnings are fatal, and each test case
 * gets folders of its own for HOME and the XDG user and system folders
 * (%G_TEST_OPTION_ISOLATE_DIRS), so that no test reads or writes the
 * user's, nor sees what another test case left there. Environment the
 * tests need from meson (CD_SOURCE_ROOT, G_TEST_SRCDIR) is untouched.
 */
void
cd_test_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/**
 * cd_test_make_temp_dir:
 *
 * A new, empty folder for one test case, named after the test program; the
 * test removes it with cd_test_remove_tree () when it is done.
 *
 * Returns: (transfer full): its path
 */
char *
cd_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_strdup_printf ("copydesk-%s-XXXXXX",
                                              g_get_prgname () != NULL ? g_get_prgname () : "test");
  char *dir;

  /* g_get_prgname () may be a path. */
  g_strdelimit (pattern, G_DIR_SEPARATOR_S, '-');
  dir = g_dir_make_tmp (pattern, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/**
 * cd_test_remove_tree:
 * @path: a file or folder
 *
 * Deletes @path and, for a folder, everything in it, also what a test made
 * unreadable or unwritable. Symbolic links are removed, never followed.
 * Nothing happens when @path does not exist.
 */
void
cd_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

          cd_test_remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

/* The page's one <style> element, without attributes: where it starts and
 * where the text after it starts. */
static gboolean
find_stylesheet (const char  *page,
                 const char **start,
                 const char **end)
{
  const char *open = strstr (page, "<style>");
  const char *close = open != NULL ? strstr (open, "</style>") : NULL;

  if (close == NULL)
    return FALSE;
  *start = open;
  *end = close + strlen ("</style>");
  return TRUE;
}

/**
 * cd_test_dup_page_stylesheet:
 * @page: an HTML page
 *
 * Returns: (transfer full) (nullable): the text of @page's <style> element,
 *   or %NULL when it has none
 */
char *
cd_test_dup_page_stylesheet (const char *page)
{
  const char *start, *end;

  if (!find_stylesheet (page, &start, &end))
    return NULL;
  start += strlen ("<style>");
  end -= strlen ("</style>");
  return g_strndup (start, (gsize) (end - start));
}

/**
 * cd_test_strip_page_stylesheet:
 * @page: an HTML page
 *
 * @page with its <style> element left empty, and the stylesheet's hash in
 * its Content-Security-Policy replaced by `sha256-STYLESHEET`: what a golden
 * page holds, so that a change to the stylesheet, which has a golden of its
 * own, does not rewrite every golden page. The hashes of style attributes
 * stay. A page without a stylesheet is returned as it is.
 *
 * Returns: (transfer full): the page
 */
char *
cd_test_strip_page_stylesheet (const char *page)
{
  g_autofree char *stylesheet = cd_test_dup_page_stylesheet (page);
  g_autofree char *digest = NULL;
  g_autofree char *hash = NULL;
  g_autofree guint8 *raw = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GString) stripped = NULL;
  gsize raw_length = 32;
  const char *start, *end;

  if (stylesheet == NULL || !find_stylesheet (page, &start, &end))
    return g_strdup (page);

  stripped = g_string_new_len (page, start - page);
  g_string_append (stripped, "<style></style>");
  g_string_append (stripped, end);

  /* The policy names the stylesheet by the base64 of its SHA-256. */
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) stylesheet, (gssize) strlen (stylesheet));
  raw = g_new0 (guint8, raw_length);
  g_checksum_get_digest (checksum, raw, &raw_length);
  digest = g_base64_encode (raw, raw_length);
  hash = g_strdup_printf ("'sha256-%s'", digest);
  g_string_replace (stripped, hash, "'sha256-STYLESHEET'", 0);
  return g_string_free (g_steal_pointer (&stripped), FALSE);
}

/**
 * cd_test_dup_source_root:
 *
 * The top of the source tree: $CD_SOURCE_ROOT, which meson sets, or two
 * folders above the test's distributed files.
 *
 * Returns: (transfer full): the path
 */
char *
cd_test_dup_source_root (void)
{
  const char *root = g_getenv ("CD_SOURCE_ROOT");

  if (root != NULL)
    return g_strdup (root);

  return g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "..", NULL);
}

static void
fixture_free (gpointer data)
{
  CdTestFixture *fixture = data;

  g_free (fixture->name);
  g_free (fixture->path);
  g_free (fixture);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_fixtures_in (GPtrArray  *fixtures,
                 const char *source_root,
                 const char *folder)
{
  g_autofree char *dir_path = g_build_filename (source_root, folder, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, FIXTURE_SUFFIX))
        g_ptr_array_add (names, g_strdup (name));
    }

  /* Sorted, so that the tests run in the same order everywhere. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      CdTestFixture *fixture = g_new0 (CdTestFixture, 1);

      fixture->name = g_strndup (file_name, strlen (file_name) - strlen (FIXTURE_SUFFIX));
      fixture->path = g_build_filename (dir_path, file_name, NULL);

      /* Two fixtures of one name would share a golden file. */
      for (guint j = 0; j < fixtures->len; j++)
        g_assert_cmpstr (((CdTestFixture *) g_ptr_array_index (fixtures, j))->name, !=,
                         fixture->name);

      g_ptr_array_add (fixtures, fixture);
    }
}

/**
 * cd_test_fixtures_new:
 * @source_root: the top of the source tree
 *
 * The fixture articles: those in tests/articles, then those in
 * data/sample, each folder sorted by name.
 *
 * Returns: (transfer full) (element-type CdTestFixture): the fixtures
 */
GPtrArray *
cd_test_fixtures_new (const char *source_root)
{
  GPtrArray *fixtures = g_ptr_array_new_with_free_func (fixture_free);

  g_assert (source_root != NULL);

  add_fixtures_in (fixtures, source_root, "tests/articles");
  add_fixtures_in (fixtures, source_root, "data/sample");
  return fixtures;
}

/**
 * cd_test_fixture_compare:
 * @a: a pointer to a #CdTestFixture pointer
 * @b: a pointer to a #CdTestFixture pointer
 *
 * Orders fixtures by name, for g_ptr_array_sort().
 *
 * Returns: less than, equal to or greater than zero
 */
int
cd_test_fixture_compare (gconstpointer a,
                         gconstpointer b)
{
  const CdTestFixture *fa = *(const CdTestFixture * const *) a;
  const CdTestFixture *fb = *(const CdTestFixture * const *) b;

  return strcmp (fa->name, fb->name);
}

/**
 * cd_test_find_fixture:
 * @fixtures: (element-type CdTestFixture): the fixtures
 * @name: a fixture's name
 *
 * The fixture called @name, which must exist.
 *
 * Returns: (transfer none): the fixture
 */
const CdTestFixture *
cd_test_find_fixture (GPtrArray  *fixtures,
                      const char *name)
{
  for (guint i = 0; i < fixtures->len; i++)
    {
      const CdTestFixture *fixture = g_ptr_array_index (fixtures, i);

      if (g_str_equal (fixture->name, name))
        return fixture;
    }

  g_assert_not_reached ();
  return NULL;
}

/**
 * cd_test_load_article:
 * @path: a .copydesk file
 *
 * Loads the article at @path, which must load without an error.
 *
 * Returns: (transfer full): the article
 */
CdArticle *
cd_test_load_article (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return g_steal_pointer (&article);
}

/**
 * cd_test_golden_path:
 * @source_root: the top of the source tree
 * @folder: the folder below tests/golden
 * @name: the golden's name
 * @extension: the golden's extension, with its dot
 *
 * The path of tests/golden/@folder/@name@extension.
 *
 * Returns: (transfer full): the path
 */
char *
cd_test_golden_path (const char *source_root,
                     const char *folder,
                     const char *name,
                     const char *extension)
{
  g_autofree char *file_name = g_strconcat (name, extension, NULL);

  return g_build_filename (source_root, "tests", "golden", folder, file_name, NULL);
}

/**
 * cd_test_updating_golden:
 *
 * Whether the golden files are being rewritten: CD_UPDATE_GOLDEN=1.
 *
 * Returns: %TRUE when rewriting
 */
gboolean
cd_test_updating_golden (void)
{
  return g_strcmp0 (g_getenv ("CD_UPDATE_GOLDEN"), "1") == 0;
}

/**
 * cd_test_compare_with_golden:
 * @path: the golden file
 * @data: (array length=length): the output
 * @length: the length of @data
 *
 * Compares @data byte for byte with the golden file at @path, and fails
 * the test at the first line that differs, or when there is no golden file.
 * With CD_UPDATE_GOLDEN=1, writes @data to @path instead.
 */
void
cd_test_compare_with_golden (const char *path,
                             const char *data,
                             gsize       length)
{
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  gsize expected_length = 0;

  if (cd_test_updating_golden ())
    {
      g_autofree char *folder = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      g_file_set_contents (path, data, length, &error);
      g_assert_no_error (error);
      g_test_message ("Wrote %s", path);
      return;
    }

  if (!g_file_get_contents (path, &expected, &expected_length, &error))
    {
      g_test_fail_printf ("No golden file %s (%s): run with CD_UPDATE_GOLDEN=1 to make it, "
                          "then review it",
                          path, error->message);
      return;
    }

  if (expected_length != length || memcmp (expected, data, length) != 0)
    {
      g_auto(GStrv) want = g_strsplit (expected, "\n", -1);
      g_autofree char *got_text = g_strndup (data, length);
      g_auto(GStrv) got = g_strsplit (got_text, "\n", -1);
      guint line = 0;

      while (want[line] != NULL && got[line] != NULL && g_str_equal (want[line], got[line]))
        line++;

      g_test_fail_printf ("The export differs from %s from line %u: expected “%s”, "
                          "got “%s”. Run with CD_UPDATE_GOLDEN=1 if the change is intended.",
                          path, line + 1,
                          want[line] != NULL ? want[line] : "(end of file)",
                          got[line] != NULL ? got[line] : "(end of file)");
    }
}

/**
 * cd_test_compare_result_with_golden:
 * @name: the fixture's name, for messages
 * @output_golden: the golden file of a successful export
 * @error_golden: the golden file of a failed export, which holds its message
 * @output: (nullable): the export's text, or %NULL when it failed
 * @error: (nullable): the export's error when it failed
 *
 * Compares an export that succeeds with @output_golden, one that fails
 * with @error_golden, so that a fixture cannot silently stop exporting:
 * an export that succeeds where @error_golden exists fails the test, and
 * so does one that fails where @output_golden exists.
 */
void
cd_test_compare_result_with_golden (const char   *name,
                                    const char   *output_golden,
                                    const char   *error_golden,
                                    const char   *output,
                                    const GError *error)
{
  if (output != NULL)
    {
      g_assert_no_error (error);
      if (!cd_test_updating_golden () && g_file_test (error_golden, G_FILE_TEST_EXISTS))
        g_test_fail_printf ("%s exports, but %s says it should fail", name, error_golden);
      cd_test_compare_with_golden (output_golden, output, strlen (output));
    }
  else
    {
      g_autofree char *message = NULL;

      g_assert_nonnull (error);
      if (!cd_test_updating_golden () && g_file_test (output_golden, G_FILE_TEST_EXISTS))
        g_test_fail_printf ("%s no longer exports: %s", name, error->message);
      message = g_strconcat (error->message, "\n", NULL);
      cd_test_compare_with_golden (error_golden, message, strlen (message));
    }
}

/**
 * cd_test_check_goldens_have_fixtures:
 * @folder: a folder of golden files
 * @fixtures: (element-type CdTestFixture): the fixtures
 * @extensions: (array zero-terminated=1): the golden files' extensions
 * @extra_name: (nullable): a golden's name that belongs to no fixture
 *   but is expected
 *
 * Fails the test for each file in @folder that belongs to no fixture:
 * whose name is not a fixture's (or @extra_name) followed by one of
 * @extensions. So no golden file is left over, unchecked.
 *
 * Returns: the number of files in @folder
 */
guint
cd_test_check_goldens_have_fixtures (const char         *folder,
                                     GPtrArray          *fixtures,
                                     const char * const *extensions,
                                     const char         *extra_name)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *entry;
  guint n_goldens = 0;

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = NULL;
      gboolean known = FALSE;

      for (guint i = 0; extensions[i] != NULL && stem == NULL; i++)
        {
          if (g_str_has_suffix (entry, extensions[i]))
            stem = g_strndup (entry, strlen (entry) - strlen (extensions[i]));
        }

      if (stem != NULL)
        {
          known = g_strcmp0 (stem, extra_name) == 0;
          for (guint i = 0; i < fixtures->len && !known; i++)
            known = g_str_equal (((CdTestFixture *) g_ptr_array_index (fixtures, i))->name, stem);
        }

      if (!known)
        g_test_fail_printf ("%s/%s belongs to no fixture", folder, entry);
      n_goldens++;
    }

  return n_goldens;
}

/**
 * cd_test_is_rfc3339:
 * @text: text
 *
 * Whether @text is an RFC 3339 date-time with "Z" or an offset, checked
 * independently of the exporters: the shape with a regular expression, the
 * values by GLib.
 *
 * Returns: %TRUE for a valid date-time
 */
gboolean
cd_test_is_rfc3339 (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                             "(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$",
                             text, 0, 0))
    return FALSE;

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

/**
 * cd_test_is_absolute_http_url:
 * @text: text
 *
 * Whether @text is an absolute http or https URL with a host and no
 * characters a URL may not hold, checked independently of the exporters.
 *
 * Returns: %TRUE for an absolute http or https URL
 */
gboolean
cd_test_is_absolute_http_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;

  if (!g_regex_match_simple ("^https?://[^\\s\"<>\\\\^`{|}]+$", text, 0, 0))
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

/**
 * cd_test_parse_bytes:
 * @bytes: an export
 *
 * Parses @bytes, which must be UTF-8 text holding a JSON object.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
cd_test_parse_bytes (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;

  g_assert_true (g_utf8_validate (data, size, NULL));
  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);

  root = json_parser_steal_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

/**
 * cd_test_member_names:
 * @object: a JSON object
 *
 * The names of @object's members, in order, joined by commas.
 *
 * Returns: (transfer full): the names
 */
char *
cd_test_member_names (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GString) names = g_string_new (NULL);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (names->len > 0)
        g_string_append_c (names, ',');
      g_string_append (names, l->data);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * cd_test_is_blank:
 * @text: (nullable): UTF-8 text
 *
 * Whether @text is %NULL, empty or only white space. The tests keep their
 * own copy of cd_text_is_blank() on purpose: they judge core's output with
 * it, so a bug in core's must not hide itself.
 *
 * Returns: %TRUE for blank text
 */
gboolean
cd_test_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}
