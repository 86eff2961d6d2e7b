/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/capability.h>
#include <sys/syscall.h>
#endif

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "cd-article-file.h"
#include "cd-document.h"
#include "cd-html-markdown.h"
#include "cd-file-util.h"
#include "cd-test-util.h"

/*
 * Tests of the .copydesk loader and saver.
 *
 * The malformed corpus lives in tests/malformed/ with its expectations in
 * tests/malformed/EXPECTED.txt, one line per file:
 *
 *   file name <TAB> error code name <TAB> text the message must contain
 *
 * Each line is one test case, and a further case checks that every file of the
 * folder has a line, so a new file cannot be ignored by accident. Inputs too big
 * to commit (10 MB strings, 33 MiB files, 100,000 levels of nesting) are made in
 * memory by the tests below.
 *
 * The canonical articles in tests/roundtrip/, and those in data/sample/,
 * tests/articles/ and tests/schema/articles/ when they exist, must come back
 * byte for byte after a load and a save.
 *
 * Data-driven cases report a mismatch with soft_fail() and go on, and the
 * program runs with --keep-going, so that one wrong file or message does not
 * hide the results of the others.
 */

#define GENERATED_NAME "generated.copydesk"
#define MIN_MALFORMED  45
#define MIN_ROUNDTRIP  5

static char *source_root;

static const struct
{
  const char  *name;
  CdFileError  code;
} error_codes[] = {
  { "READ", CD_FILE_ERROR_READ },
  { "WRITE", CD_FILE_ERROR_WRITE },
  { "TOO_LARGE", CD_FILE_ERROR_TOO_LARGE },
  { "ENCODING", CD_FILE_ERROR_ENCODING },
  { "SYNTAX", CD_FILE_ERROR_SYNTAX },
  { "NOT_ARTICLE", CD_FILE_ERROR_NOT_ARTICLE },
  { "NEWER_VERSION", CD_FILE_ERROR_NEWER_VERSION },
  { "INVALID", CD_FILE_ERROR_INVALID },
};

static const char *
error_code_name (int code)
{
  for (size_t i = 0; i < G_N_ELEMENTS (error_codes); i++)
    {
      if ((int) error_codes[i].code == code)
        return error_codes[i].name;
    }

  return "(unknown code)";
}

static gboolean
error_code_from_name (const char  *name,
                      CdFileError *code)
{
  for (size_t i = 0; i < G_N_ELEMENTS (error_codes); i++)
    {
      if (strcmp (error_codes[i].name, name) == 0)
        {
          *code = error_codes[i].code;
          return TRUE;
        }
    }

  return FALSE;
}

static void soft_fail (const char *format,
                       ...) G_GNUC_PRINTF (1, 2);

/* Fails the current test without ending it. g_test_fail_printf() keeps only
 * the last message of a test, so each one also goes to the log. */
static void
soft_fail (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("%s", message);
  g_test_fail_printf ("%s", message);
}

/* Helpers for files and folders. */

static char *source_path (const char *first_element,
                          ...) G_GNUC_NULL_TERMINATED;

/* A path in the source tree: CD_SOURCE_ROOT, which the test environment sets,
 * or else two folders up from G_TEST_SRCDIR. */
static char *
source_path (const char *first_element,
             ...)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  const char *element;
  va_list args;

  g_ptr_array_add (elements, source_root);
  va_start (args, first_element);
  for (element = first_element; element != NULL; element = va_arg (args, const char *))
    g_ptr_array_add (elements, (gpointer) element);
  va_end (args);
  g_ptr_array_add (elements, NULL);

  return g_build_filenamev ((char **) elements->pdata);
}

static char *
read_contents (const char *path,
               gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_contents (const char *path,
                const char *contents,
                gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Returns the names in @dir in no particular order, or NULL if it cannot be read. */
static GPtrArray *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return NULL;

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return g_steal_pointer (&names);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Returns the names in @dir sorted, or NULL if it cannot be read. */
static GPtrArray *
list_dir_sorted (const char *dir)
{
  GPtrArray *names = list_dir (dir);

  if (names != NULL)
    g_ptr_array_sort (names, compare_names);

  return names;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* The line of @text that starts at @start, without its line break, cut to 200
 * bytes so that a 10 MB line does not flood the log. */
static char *
dup_line (const char *text,
          gsize       length,
          gsize       start)
{
  const char *end = memchr (text + start, '\n', length - start);
  gsize line_length = (end != NULL ? (gsize) (end - text) : length) - start;

  return g_strndup (text + start, MIN (line_length, 200));
}

/* Compares two byte strings and on a difference fails the test with the first
 * line that differs. Returns TRUE if they are equal. */
static gboolean
check_same_bytes (const char *what,
                  const char *expected,
                  gsize       expected_length,
                  const char *actual,
                  gsize       actual_length)
{
  gsize n = MIN (expected_length, actual_length);
  gsize line_start = 0;
  guint line = 1;
  g_autofree char *expected_line = NULL;
  g_autofree char *actual_line = NULL;

  if (expected_length == actual_length && memcmp (expected, actual, n) == 0)
    return TRUE;

  for (gsize offset = 0; offset < n && expected[offset] == actual[offset]; offset++)
    {
      if (expected[offset] == '\n')
        {
          line++;
          line_start = offset + 1;
        }
    }

  expected_line = dup_line (expected, expected_length, line_start);
  actual_line = dup_line (actual, actual_length, line_start);
  soft_fail ("%s: %" G_GSIZE_FORMAT " bytes expected, %" G_GSIZE_FORMAT " written; "
             "first difference at line %u:\n  expected: %s\n  written:  %s",
             what, expected_length, actual_length, line, expected_line, actual_line);
  return FALSE;
}

/* Checks that @error is a CD_FILE_ERROR with @code whose message contains
 * @display_name and @substring. Returns TRUE if so; otherwise fails the test. */
static gboolean
check_error (const char   *what,
             const GError *error,
             int           code,
             const char   *display_name,
             const char   *substring)
{
  if (error == NULL)
    {
      soft_fail ("%s: no error, expected %s", what, error_code_name (code));
      return FALSE;
    }

  if (error->domain != CD_FILE_ERROR || error->code != code)
    {
      soft_fail ("%s: error %s %d (%s) “%s”, expected cd-file-error-quark %s",
                 what, g_quark_to_string (error->domain), error->code,
                 error->domain == CD_FILE_ERROR ? error_code_name (error->code) : "",
                 error->message, error_code_name (code));
      return FALSE;
    }

  if (strstr (error->message, display_name) == NULL)
    {
      soft_fail ("%s: message “%s” does not name the file “%s”",
                 what, error->message, display_name);
      return FALSE;
    }

  if (substring != NULL && strstr (error->message, substring) == NULL)
    {
      soft_fail ("%s: message “%s” does not contain “%s”",
                 what, error->message, substring);
      return FALSE;
    }

  return TRUE;
}

/* Loads @length bytes of @data as GENERATED_NAME and checks the error. */
static void
assert_data_fails (const char *data,
                   gsize       length,
                   CdFileError code,
                   const char *substring)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;

  article = cd_article_load_from_data (data, length, GENERATED_NAME, &error);
  g_assert_null (article);
  check_error (GENERATED_NAME, error, code, GENERATED_NAME, substring);
}

static CdArticle *
load_data_ok (const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  CdArticle *article;

  article = cd_article_load_from_data (data, length, GENERATED_NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);

  return article;
}

static CdArticle *
load_path_ok (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CdArticle *article;

  article = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);

  return article;
}

static void
save_path_ok (CdArticle  *article,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = cd_article_save_to_file (article, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* A canonical article with the given headline and body, both raw JSON text, and
 * @more: further members, each written as ",\n  \"name\": value". */
static GString *
build_article (const char *headline,
               const char *body,
               const char *more)
{
  GString *text = g_string_new (NULL);

  g_string_append (text,
                   "{\n"
                   "  \"format\": \"copydesk-article\",\n"
                   "  \"version\": 1,\n"
                   "  \"id\": \"urn:uuid:6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\n"
                   "  \"created\": \"2026-11-27T09:30:00+01:00\",\n"
                   "  \"modified\": \"2026-11-27T09:30:00+01:00\",\n"
                   "  \"status\": \"draft\",\n"
                   "  \"language\": \"en\",\n"
                   "  \"headline\": ");
  g_string_append (text, headline);
  g_string_append (text,
                   ",\n"
                   "  \"standfirst\": \"\",\n"
                   "  \"slug\": \"generated\",\n"
                   "  \"section\": \"\",\n"
                   "  \"authors\": [],\n"
                   "  \"dateline\": \"\",\n"
                   "  \"published\": null,\n"
                   "  \"embargo\": null,\n"
                   "  \"image\": null,\n"
                   "  \"tags\": [],\n"
                   "  \"comments\": false,\n"
                   "  \"editor_note\": \"\",\n"
                   "  \"body\": ");
  g_string_append (text, body);
  g_string_append (text, more != NULL ? more : "");
  g_string_append (text, "\n}\n");

  return text;
}

/* A JSON string of @n times the letter a. */
static GString *
long_json_string (gsize n)
{
  GString *text = g_string_sized_new (n + 2);

  g_string_append_c (text, '"');
  for (gsize i = 0; i < n; i++)
    g_string_append_c (text, 'a');
  g_string_append_c (text, '"');

  return text;
}

/* The malformed corpus. */

typedef struct
{
  char        *name;
  char        *path;
  CdFileError  code;
  char        *substring;
} MalformedCase;

static void
malformed_case_free (gpointer data)
{
  MalformedCase *malformed = data;

  g_free (malformed->name);
  g_free (malformed->path);
  g_free (malformed->substring);
  g_free (malformed);
}

static char *
malformed_dir (void)
{
  return source_path ("tests", "malformed", NULL);
}

/* Reads EXPECTED.txt. Returns NULL with @error set if a line is not well formed. */
static GPtrArray *
read_manifest (GError **error)
{
  g_autofree char *dir = malformed_dir ();
  g_autofree char *manifest_path = g_build_filename (dir, "EXPECTED.txt", NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (malformed_case_free);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (manifest_path, &contents, NULL, error))
    return NULL;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      MalformedCase *malformed;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 3 || fields[0][0] == '\0' || fields[2][0] == '\0')
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s:%u: expected “name<TAB>CODE<TAB>substring”", manifest_path, i + 1);
          return NULL;
        }

      malformed = g_new0 (MalformedCase, 1);
      malformed->name = g_strdup (fields[0]);
      malformed->path = g_build_filename (dir, fields[0], NULL);
      malformed->substring = g_strdup (fields[2]);
      g_ptr_array_add (cases, malformed);

      if (!error_code_from_name (fields[1], &malformed->code))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s:%u: unknown error code “%s”", manifest_path, i + 1, fields[1]);
          return NULL;
        }
    }

  return g_steal_pointer (&cases);
}

static void
test_malformed_manifest (void)
{
  g_autofree char *dir = malformed_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  cases = read_manifest (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, >=, MIN_MALFORMED);

  for (guint i = 0; i < cases->len; i++)
    {
      MalformedCase *malformed = g_ptr_array_index (cases, i);

      if (!g_hash_table_add (listed, malformed->name))
        soft_fail ("EXPECTED.txt lists %s twice", malformed->name);
      if (!g_file_test (malformed->path, G_FILE_TEST_IS_REGULAR))
        soft_fail ("EXPECTED.txt lists %s, which is not in %s", malformed->name, dir);
    }

  names = list_dir_sorted (dir);
  g_assert_nonnull (names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (strcmp (name, "EXPECTED.txt") == 0)
        continue;
      if (!g_hash_table_contains (listed, name))
        soft_fail ("%s/%s has no line in EXPECTED.txt", dir, name);
    }

  g_assert_cmpuint (names->len, ==, cases->len + 1);
}

static void
test_malformed_file (gconstpointer data)
{
  const MalformedCase *malformed = data;
  g_autoptr(GFile) file = g_file_new_for_path (malformed->path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) data_error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdArticle) data_article = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  article = cd_article_load_from_file (file, NULL, &error);
  if (article != NULL)
    {
      soft_fail ("%s loaded, expected %s “%s”", malformed->name,
                 error_code_name (malformed->code), malformed->substring);
      return;
    }
  if (!check_error (malformed->name, error, malformed->code, display_name, malformed->substring))
    return;

  /* The same bytes given as data fail the same way, under the name given. */
  contents = read_contents (malformed->path, &length);
  data_article = cd_article_load_from_data (contents, length, malformed->name, &data_error);
  g_assert_null (data_article);
  check_error (malformed->name, data_error, malformed->code, malformed->name, malformed->substring);

  /* Without a GError the load fails quietly. */
  g_clear_object (&data_article);
  data_article = cd_article_load_from_data (contents, length, malformed->name, NULL);
  g_assert_null (data_article);
}

/* Generated inputs, too big to keep in the repository. */

static void
test_generated_long_headline (void)
{
  g_autoptr(GString) value = long_json_string (10 * 1024 * 1024);
  g_autoptr(GString) text = build_article (value->str, "\"\"", NULL);

  assert_data_fails (text->str, text->len, CD_FILE_ERROR_INVALID,
                     "headline is 10.5\u00a0MB (10485760 bytes) long, more than the 65.5\u00a0kB (65536 bytes) Copydesk accepts");
}

static void
test_generated_long_author_name (void)
{
  g_autoptr(GString) value = long_json_string (10 * 1024 * 1024);
  g_autoptr(GString) authors = g_string_new ("\"authors\": [{\"name\": \"Ann\"}, {\"name\": ");
  g_autoptr(GString) text = build_article ("\"x\"", "\"\"", NULL);

  g_string_append (authors, value->str);
  g_string_append (authors, "}]");
  g_assert_cmpuint (g_string_replace (text, "\"authors\": []", authors->str, 1), ==, 1);

  assert_data_fails (text->str, text->len, CD_FILE_ERROR_INVALID,
                     "authors[1].name is 10.5\u00a0MB (10485760 bytes) long");
}

static void
test_generated_text_field_limit (void)
{
  g_autoptr(GString) at_limit = long_json_string (64 * 1024);
  g_autoptr(GString) over_limit = long_json_string (64 * 1024 + 1);
  g_autoptr(GString) text = build_article (at_limit->str, "\"\"", NULL);
  g_autoptr(GString) too_long = build_article (over_limit->str, "\"\"", NULL);
  g_autoptr(CdArticle) article = load_data_ok (text->str, text->len);
  g_autofree char *written = NULL;
  gsize length = 0;

  g_assert_cmpuint (strlen (cd_article_get_headline (article)), ==, 64 * 1024);
  written = cd_article_to_data (article, &length);
  check_same_bytes ("64 KiB headline", text->str, text->len, written, length);

  assert_data_fails (too_long->str, too_long->len, CD_FILE_ERROR_INVALID,
                     "headline is 65.5\u00a0kB (65537 bytes) long, more than the 65.5\u00a0kB (65536 bytes)");
}

static void
test_generated_long_body (void)
{
  g_autoptr(GString) value = long_json_string (10 * 1024 * 1024);
  g_autoptr(GString) text = build_article ("\"x\"", value->str, NULL);

  assert_data_fails (text->str, text->len, CD_FILE_ERROR_INVALID,
                     "body is 10.5\u00a0MB (10485760 bytes) long, more than the 8.4\u00a0MB (8388608 bytes) Copydesk accepts");
}

static void
test_generated_body_limit (void)
{
  g_autoptr(GString) at_limit = long_json_string (8 * 1024 * 1024);
  g_autoptr(GString) over_limit = long_json_string (8 * 1024 * 1024 + 1);
  g_autoptr(GString) text = build_article ("\"x\"", at_limit->str, NULL);
  g_autoptr(GString) too_long = NULL;
  g_autoptr(CdArticle) article = load_data_ok (text->str, text->len);
  g_autofree char *written = NULL;
  gsize length = 0;

  g_assert_cmpuint (strlen (cd_article_get_body (article)), ==, 8 * 1024 * 1024);
  written = cd_article_to_data (article, &length);
  check_same_bytes ("8 MiB body", text->str, text->len, written, length);
  g_clear_pointer (&written, g_free);
  g_clear_object (&article);

  too_long = build_article ("\"x\"", over_limit->str, NULL);
  assert_data_fails (too_long->str, too_long->len, CD_FILE_ERROR_INVALID,
                     "body is 8.4\u00a0MB (8388609 bytes) long, more than the 8.4\u00a0MB (8388608 bytes)");
}

/* A string in a member Copydesk does not know has no limit of its own; it is
 * kept like any other unknown member. */
static void
test_generated_long_unknown_member (void)
{
  g_autoptr(GString) value = long_json_string (10 * 1024 * 1024);
  g_autoptr(GString) more = g_string_new (",\n  \"x-newer-blob\": ");
  g_autoptr(GString) text = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autofree char *written = NULL;
  gsize length = 0;

  g_string_append (more, value->str);
  text = build_article ("\"x\"", "\"\"", more->str);
  article = load_data_ok (text->str, text->len);
  written = cd_article_to_data (article, &length);
  check_same_bytes ("10 MB unknown member", text->str, text->len, written, length);
}

static void
test_generated_too_large_data (void)
{
  gsize length = 33 * 1024 * 1024;
  g_autofree char *data = g_malloc (length);

  /* Only white space: the size alone must be refused, before it is parsed. */
  memset (data, ' ', length);
  assert_data_fails (data, length, CD_FILE_ERROR_TOO_LARGE,
                     "the file is 34.6\u00a0MB, larger than any article (at most 33.6\u00a0MB)");
}

static void
test_generated_too_large_file (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;

  /* A sparse file: the loader must refuse it by its size, before reading it. */
  write_contents (path, "{", 1);
  g_assert_cmpint (truncate (path, 33 * 1024 * 1024), ==, 0);

  article = cd_article_load_from_file (file, NULL, &error);
  g_assert_null (article);
  check_error ("33 MiB file", error, CD_FILE_ERROR_TOO_LARGE, display_name,
               "the file is 34.6\u00a0MB, larger than any article");

  cd_test_remove_tree (dir);
}

/* An article padded with white space to exactly the largest size accepted. */
static void
test_generated_size_limit (void)
{
  g_autoptr(GString) text = build_article ("\"x\"", "\"\"", NULL);
  g_autoptr(CdArticle) article = NULL;
  gsize canonical_length = text->len;

  while (text->len < CD_FILE_MAX_SIZE)
    g_string_append_c (text, ' ');

  article = load_data_ok (text->str, text->len);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "x");

  g_string_append_c (text, ' ');
  assert_data_fails (text->str, text->len, CD_FILE_ERROR_TOO_LARGE, "larger than any article");
  g_assert_cmpuint (canonical_length, <, CD_FILE_MAX_SIZE);
}

/* @open @depth times, then @close @depth times. */
static GString *
nesting (const char *open,
         const char *close,
         guint       depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, "null");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);

  return text;
}

static void
test_generated_deep_arrays (void)
{
  g_autoptr(GString) text = nesting ("[", "]", 100000);

  /* The 65th “[” is one level too deep. */
  assert_data_fails (text->str, text->len, CD_FILE_ERROR_SYNTAX,
                     GENERATED_NAME ":1:65: ");
  assert_data_fails (text->str, 100000, CD_FILE_ERROR_SYNTAX, GENERATED_NAME ":1:65: ");
}

static void
test_generated_deep_objects (void)
{
  g_autoptr(GString) text = nesting ("{\"a\": ", "}", 100000);

  /* Each level takes six characters; the 65th “{” starts at column 6 × 64 + 1. */
  assert_data_fails (text->str, text->len, CD_FILE_ERROR_SYNTAX,
                     GENERATED_NAME ":1:385: ");
}

/* An unknown member nested @depth levels below the article object. */
static GString *
article_with_deep_member (guint depth)
{
  g_autoptr(GString) value = nesting ("[", "]", depth);
  g_autoptr(GString) more = g_string_new (",\n  \"x-deep\": ");

  g_string_append (more, value->str);
  return build_article ("\"x\"", "\"\"", more->str);
}

static void
test_generated_deep_unknown_member (void)
{
  g_autoptr(GString) deep = article_with_deep_member (100000);
  g_autoptr(GString) too_deep = article_with_deep_member (64);
  g_autoptr(GString) deepest = article_with_deep_member (63);
  g_autoptr(CdArticle) article = NULL;
  g_autofree char *location = NULL;
  const char *line_start;
  guint line = 1;

  /* The article object is the first level, so the 64th “[” is the 65th level. */
  line_start = strstr (deep->str, "  \"x-deep\"");
  g_assert_nonnull (line_start);
  for (const char *p = deep->str; p < line_start; p++)
    line += *p == '\n';
  location = g_strdup_printf (GENERATED_NAME ":%u:%u: ", line, 12 + 64);

  assert_data_fails (deep->str, deep->len, CD_FILE_ERROR_SYNTAX, location);
  assert_data_fails (too_deep->str, too_deep->len, CD_FILE_ERROR_SYNTAX, location);

  article = load_data_ok (deepest->str, deepest->len);
  g_assert_nonnull (cd_article_get_extra (article));
  g_assert_true (json_object_has_member (cd_article_get_extra (article), "x-deep"));
}

/* Round trips. */

static void
test_round_trip (gconstpointer data)
{
  const char *path = data;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *saved_path = g_build_filename (dir, basename, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *rewritten = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdArticle) reloaded = NULL;
  gsize length = 0;
  gsize written_length = 0;
  gsize saved_length = 0;
  gsize rewritten_length = 0;

  contents = read_contents (path, &length);

  article = cd_article_load_from_file (file, NULL, &error);
  if (article == NULL)
    {
      soft_fail ("%s does not load: %s", path, error->message);
      cd_test_remove_tree (dir);
      return;
    }

  written = cd_article_to_data (article, &written_length);
  g_assert_cmpuint (written_length, ==, strlen (written));
  check_same_bytes (path, contents, length, written, written_length);

  /* Saving writes the same bytes, and they load back to the same article. */
  save_path_ok (article, saved_path);
  saved = read_contents (saved_path, &saved_length);
  check_same_bytes (saved_path, written, written_length, saved, saved_length);

  reloaded = load_path_ok (saved_path);
  rewritten = cd_article_to_data (reloaded, &rewritten_length);
  check_same_bytes ("saved and loaded again", written, written_length,
                    rewritten, rewritten_length);

  cd_test_remove_tree (dir);
}

static void
test_round_trip_corpus_size (void)
{
  g_autofree char *dir = source_path ("tests", "roundtrip", NULL);
  g_autoptr(GPtrArray) names = list_dir_sorted (dir);
  guint n = 0;

  g_assert_nonnull (names);
  for (guint i = 0; i < names->len; i++)
    n += g_str_has_suffix (g_ptr_array_index (names, i), ".copydesk");

  g_assert_cmpuint (n, >=, MIN_ROUNDTRIP);
  g_assert_cmpuint (n, ==, names->len);
}

static char *
roundtrip_path (const char *name)
{
  return source_path ("tests", "roundtrip", name, NULL);
}

/* A byte order mark is accepted, and not written back. */
static void
test_round_trip_bom (void)
{
  g_autofree char *path = roundtrip_path ("02-full.copydesk");
  g_autofree char *contents = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *written = NULL;
  g_autoptr(CdArticle) article = NULL;
  gsize length = 0;
  gsize written_length = 0;

  contents = read_contents (path, &length);
  with_bom = g_strconcat ("\xEF\xBB\xBF", contents, NULL);

  article = load_data_ok (with_bom, length + 3);
  g_assert_cmpstr (cd_article_get_language (article), ==, "en-GB");
  written = cd_article_to_data (article, &written_length);
  check_same_bytes ("BOM + 02-full.copydesk", contents, length, written, written_length);
}

/* Windows line ends are accepted; the article is written with Unix ones. */
static void
test_round_trip_crlf (void)
{
  g_autofree char *path = roundtrip_path ("03-unknown-members.copydesk");
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GString) crlf = NULL;
  g_autoptr(CdArticle) article = NULL;
  gsize length = 0;
  gsize written_length = 0;
  guint n_lines;

  contents = read_contents (path, &length);
  crlf = g_string_new (contents);
  n_lines = g_string_replace (crlf, "\n", "\r\n", 0);
  g_assert_cmpuint (n_lines, >, 50);

  article = load_data_ok (crlf->str, crlf->len);
  written = cd_article_to_data (article, &written_length);
  check_same_bytes ("CRLF 03-unknown-members.copydesk", contents, length, written, written_length);
}

/* Unknown members. */

static void
assert_members (JsonObject *object,
                const char *first_name,
                ...)
{
  g_autoptr(GList) members = NULL;
  const char *name;
  const GList *l;
  va_list args;

  g_assert_nonnull (object);
  members = json_object_get_members (object);
  l = members;

  va_start (args, first_name);
  for (name = first_name; name != NULL; name = va_arg (args, const char *), l = l->next)
    {
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, name);
    }
  va_end (args);

  g_assert_null (l);
}

static void
test_unknown_members_kept (void)
{
  g_autofree char *path = roundtrip_path ("03-unknown-members.copydesk");
  g_autoptr(CdArticle) article = load_path_ok (path);
  g_autoptr(CdAuthor) first = g_list_model_get_item (cd_article_get_authors (article), 0);
  g_autoptr(CdAuthor) second = g_list_model_get_item (cd_article_get_authors (article), 1);
  g_autoptr(CdTag) weighted = g_list_model_get_item (cd_article_get_tags (article), 0);
  g_autoptr(CdTag) kiel = g_list_model_get_item (cd_article_get_tags (article), 1);
  JsonObject *extra = cd_article_get_extra (article);
  JsonObject *nested;
  JsonArray *array;

  assert_members (extra, "zz-newer-first", "aa-newer-second", "mm-newer-third", NULL);
  g_assert_cmpstr (json_object_get_string_member (extra, "zz-newer-first"), ==,
                   "unknown members come after the known ones");
  array = json_object_get_array_member (extra, "aa-newer-second");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpint (json_array_get_int_element (array, 1), ==, -2);
  nested = json_object_get_object_member (extra, "mm-newer-third");
  assert_members (nested, "b", "a", NULL);

  assert_members (cd_author_get_extra (first), "x-newer-pronouns", "x-newer-ids", NULL);
  nested = json_object_get_object_member (cd_author_get_extra (first), "x-newer-ids");
  g_assert_cmpint (json_object_get_int_member (nested, "staff"), ==, 4711);
  assert_members (cd_author_get_extra (second), "x-newer-avatar", NULL);
  g_assert_true (json_object_get_null_member (cd_author_get_extra (second), "x-newer-avatar"));

  assert_members (cd_tag_get_extra (weighted), "x-newer-weight", NULL);
  assert_members (cd_tag_get_extra (kiel), "x-newer-confidence", "x-newer-reviewed", NULL);
  g_assert_cmpfloat (json_object_get_double_member (cd_tag_get_extra (kiel), "x-newer-confidence"),
                     ==, 0.875);

  assert_members (cd_image_get_extra (cd_article_get_image (article)),
                  "x-newer-focal-point", "x-newer-renditions", NULL);

  /* The known members are not repeated among the unknown ones. */
  g_assert_cmpstr (cd_author_get_name (first), ==, "Anna Schmidt");
  g_assert_cmpstr (cd_author_get_role (first), ==, "Redakteurin");
  g_assert_cmpstr (cd_tag_get_code (kiel), ==, "geo:kiel");
  g_assert_cmpstr (cd_image_get_credit (cd_article_get_image (article)), ==, "Foto: Redaktion");
}

/* Unknown members written between known ones are kept, in their order, after
 * the known ones. */
static void
test_unknown_members_interleaved (void)
{
  static const char input[] =
    "{\"x-first\": 1, \"body\": \"Text\", \"format\": \"copydesk-article\", \"version\": 1,\n"
    " \"x-second\": \"two\", \"id\": \"urn:uuid:6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\n"
    " \"created\": \"2026-11-27T09:30:00Z\", \"modified\": \"2026-11-27T09:30:00Z\",\n"
    " \"tags\": [{\"x-t\": [], \"name\": \"T\", \"x-u\": {}}],\n"
    " \"image\": {\"x-i\": 0.5, \"alt\": \"Alt\", \"source\": \"a.jpg\", \"caption\": \"\",\n"
    "   \"credit\": \"\", \"photographer\": \"\", \"copyright\": \"\"},\n"
    " \"authors\": [{\"x-a\": true, \"role\": \"R\", \"x-b\": null, \"name\": \"A\"}],\n"
    " \"x-third\": [3], \"status\": \"draft\", \"language\": \"en\", \"headline\": \"H\",\n"
    " \"standfirst\": \"\", \"slug\": \"h\", \"section\": \"\", \"dateline\": \"\",\n"
    " \"published\": null, \"embargo\": null, \"comments\": false, \"editor_note\": \"\"}";
  static const char expected[] =
    "{\n"
    "  \"format\": \"copydesk-article\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"urn:uuid:6b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\n"
    "  \"created\": \"2026-11-27T09:30:00Z\",\n"
    "  \"modified\": \"2026-11-27T09:30:00Z\",\n"
    "  \"status\": \"draft\",\n"
    "  \"language\": \"en\",\n"
    "  \"headline\": \"H\",\n"
    "  \"standfirst\": \"\",\n"
    "  \"slug\": \"h\",\n"
    "  \"section\": \"\",\n"
    "  \"authors\": [\n"
    "    {\n"
    "      \"name\": \"A\",\n"
    "      \"role\": \"R\",\n"
    "      \"x-a\": true,\n"
    "      \"x-b\": null\n"
    "    }\n"
    "  ],\n"
    "  \"dateline\": \"\",\n"
    "  \"published\": null,\n"
    "  \"embargo\": null,\n"
    "  \"image\": {\n"
    "    \"source\": \"a.jpg\",\n"
    "    \"alt\": \"Alt\",\n"
    "    \"caption\": \"\",\n"
    "    \"credit\": \"\",\n"
    "    \"photographer\": \"\",\n"
    "    \"copyright\": \"\",\n"
    "    \"x-i\": 0.5\n"
    "  },\n"
    "  \"tags\": [\n"
    "    {\n"
    "      \"name\": \"T\",\n"
    "      \"x-t\": [],\n"
    "      \"x-u\": {}\n"
    "    }\n"
    "  ],\n"
    "  \"comments\": false,\n"
    "  \"editor_note\": \"\",\n"
    "  \"body\": \"Text\",\n"
    "  \"x-first\": 1,\n"
    "  \"x-second\": \"two\",\n"
    "  \"x-third\": [\n"
    "    3\n"
    "  ]\n"
    "}\n";
  g_autoptr(CdArticle) article = load_data_ok (input, strlen (input));
  g_autofree char *written = NULL;
  gsize length = 0;

  written = cd_article_to_data (article, &length);
  check_same_bytes ("interleaved unknown members", expected, strlen (expected), written, length);
}

/* Editing an article keeps what Copydesk does not know. */
static void
test_unknown_members_survive_edits (void)
{
  g_autofree char *path = roundtrip_path ("03-unknown-members.copydesk");
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *saved_path = g_build_filename (dir, "edited.copydesk", NULL);
  g_autoptr(CdArticle) article = load_path_ok (path);
  g_autoptr(CdArticle) reloaded = NULL;
  g_autoptr(CdAuthor) author = NULL;
  g_autoptr(CdAuthor) added = cd_author_new ("New Author");
  g_autoptr(CdTag) tag = NULL;

  cd_article_set_headline (article, "Fähre fährt nicht mehr");
  cd_article_set_body (article, "Neu.\n");
  cd_image_set_caption (cd_article_get_image (article), "Neue Bildunterschrift");
  cd_article_insert_author (article, 0, added);
  cd_article_remove_tag (article, 0);
  save_path_ok (article, saved_path);

  reloaded = load_path_ok (saved_path);
  g_assert_cmpstr (cd_article_get_headline (reloaded), ==, "Fähre fährt nicht mehr");
  assert_members (cd_article_get_extra (reloaded),
                  "zz-newer-first", "aa-newer-second", "mm-newer-third", NULL);
  author = g_list_model_get_item (cd_article_get_authors (reloaded), 1);
  g_assert_cmpstr (cd_author_get_name (author), ==, "Anna Schmidt");
  assert_members (cd_author_get_extra (author), "x-newer-pronouns", "x-newer-ids", NULL);
  g_clear_object (&author);
  author = g_list_model_get_item (cd_article_get_authors (reloaded), 0);
  g_assert_null (cd_author_get_extra (author));
  tag = g_list_model_get_item (cd_article_get_tags (reloaded), 0);
  g_assert_cmpstr (cd_tag_get_name (tag), ==, "Kiel");
  assert_members (cd_tag_get_extra (tag), "x-newer-confidence", "x-newer-reviewed", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (reloaded)), ==, 1);
  assert_members (cd_image_get_extra (cd_article_get_image (reloaded)),
                  "x-newer-focal-point", "x-newer-renditions", NULL);

  cd_test_remove_tree (dir);
}

/* Field values after a load. */

static void
assert_date_time (GDateTime  *date_time,
                  int         year,
                  int         month,
                  int         day,
                  int         hour,
                  int         minute,
                  int         second,
                  int         microsecond,
                  GTimeSpan   offset_minutes)
{
  g_assert_nonnull (date_time);
  g_assert_cmpint (g_date_time_get_year (date_time), ==, year);
  g_assert_cmpint (g_date_time_get_month (date_time), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (date_time), ==, day);
  g_assert_cmpint (g_date_time_get_hour (date_time), ==, hour);
  g_assert_cmpint (g_date_time_get_minute (date_time), ==, minute);
  g_assert_cmpint (g_date_time_get_second (date_time), ==, second);
  g_assert_cmpint (g_date_time_get_microsecond (date_time), ==, microsecond);
  g_assert_cmpint (g_date_time_get_utc_offset (date_time), ==, offset_minutes * G_TIME_SPAN_MINUTE);
}

static void
assert_author (CdArticle  *article,
               guint       position,
               const char *name,
               const char *role,
               const char *email,
               const char *url)
{
  g_autoptr(CdAuthor) author = g_list_model_get_item (cd_article_get_authors (article), position);

  g_assert_nonnull (author);
  g_assert_cmpstr (cd_author_get_name (author), ==, name);
  g_assert_cmpstr (cd_author_get_role (author), ==, role);
  g_assert_cmpstr (cd_author_get_email (author), ==, email);
  g_assert_cmpstr (cd_author_get_url (author), ==, url);
  g_assert_null (cd_author_get_extra (author));
}

static void
assert_tag (CdArticle  *article,
            guint       position,
            const char *name,
            const char *uri,
            const char *code)
{
  g_autoptr(CdTag) tag = g_list_model_get_item (cd_article_get_tags (article), position);

  g_assert_nonnull (tag);
  g_assert_cmpstr (cd_tag_get_name (tag), ==, name);
  g_assert_cmpstr (cd_tag_get_uri (tag), ==, uri);
  g_assert_cmpstr (cd_tag_get_code (tag), ==, code);
  g_assert_null (cd_tag_get_extra (tag));
}

static void
test_load_values (void)
{
  g_autofree char *path = roundtrip_path ("02-full.copydesk");
  g_autoptr(CdArticle) article = load_path_ok (path);
  CdImage *image = cd_article_get_image (article);

  g_assert_cmpstr (cd_article_get_id (article), ==,
                   "urn:uuid:5d1c7e0a-8b2f-4c6d-9e3a-1f0b2c3d4e5f");
  assert_date_time (cd_article_get_created (article), 2026, 11, 26, 16, 5, 0, 0, 0);
  assert_date_time (cd_article_get_modified (article), 2026, 11, 27, 6, 48, 12, 0, 60);
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_APPROVED);
  g_assert_cmpstr (cd_article_get_language (article), ==, "en-GB");
  g_assert_cmpstr (cd_article_get_headline (article), ==,
                   "Council approves £40m harbour plan after \"heated\" debate");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==,
                   "Councillors voted 31 to 19 for the scheme, which opponents say will "
                   "price out fishing crews.");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "harbour-plan-approved");
  g_assert_true (cd_article_get_slug_edited (article));
  g_assert_cmpstr (cd_article_get_section (article), ==, "Local");

  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_authors (article)), ==, 3);
  assert_author (article, 0, "Helen Marsh", "Senior reporter", "helen.marsh@example.com",
                 "https://example.com/authors/helen-marsh");
  assert_author (article, 1, "Kwame Osei", "Transport correspondent", "", "");
  assert_author (article, 2, "Agency staff", "", "", "");

  g_assert_cmpstr (cd_article_get_dateline (article), ==, "Portmere");
  assert_date_time (cd_article_get_published (article), 2026, 11, 27, 7, 30, 0, 0, 0);
  assert_date_time (cd_article_get_embargo (article), 2026, 11, 27, 7, 0, 0, 0, 60);

  g_assert_cmpstr (cd_image_get_source (image), ==, "https://images.example.com/harbour/plan.jpg");
  g_assert_cmpstr (cd_image_get_alt (image), ==,
                   "An architect's drawing of the new quay with cranes and a marina.");
  g_assert_cmpstr (cd_image_get_caption (image), ==,
                   "The quay as the council's architects imagine it in 2030.");
  g_assert_cmpstr (cd_image_get_credit (image), ==, "Illustration: Portmere City Council");
  g_assert_cmpstr (cd_image_get_photographer (image), ==, "Jo Bright");
  g_assert_cmpstr (cd_image_get_copyright (image), ==, "© 2026 Portmere City Council");
  g_assert_null (cd_image_get_extra (image));

  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 3);
  assert_tag (article, 0, "waterway and maritime transport",
              "http://cv.iptc.org/newscodes/mediatopic/20000343", "medtop:20000343");
  assert_tag (article, 1, "local government and authority",
              "http://cv.iptc.org/newscodes/mediatopic/20000612", "");
  assert_tag (article, 2, "Portmere harbour", "", "");

  g_assert_true (cd_article_get_comments (article));
  g_assert_cmpstr (cd_article_get_editor_note (article), ==,
                   "Check the vote count against the minutes; path C:\\minutes\\2026 on the "
                   "shared drive.");
  g_assert_true (g_str_has_prefix (cd_article_get_body (article),
                                   "Councillors approved the plan on Thursday.\n\n## What"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (article), "| 2027 | £12m |\n"));
  g_assert_null (cd_article_get_extra (article));
}

static void
test_load_empty_fields (void)
{
  g_autofree char *path = roundtrip_path ("01-empty-fields.copydesk");
  g_autoptr(CdArticle) article = load_path_ok (path);

  g_assert_cmpstr (cd_article_get_id (article), ==, "");
  assert_date_time (cd_article_get_created (article), 2026, 1, 1, 0, 0, 0, 0, 0);
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_DRAFT);
  g_assert_cmpstr (cd_article_get_language (article), ==, "");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==, "");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "");
  g_assert_cmpstr (cd_article_get_section (article), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_authors (article)), ==, 0);
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "");
  g_assert_null (cd_article_get_published (article));
  g_assert_null (cd_article_get_embargo (article));
  g_assert_true (cd_image_is_empty (cd_article_get_image (article)));
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 0);
  g_assert_false (cd_article_get_comments (article));
  g_assert_cmpstr (cd_article_get_editor_note (article), ==, "");
  g_assert_cmpstr (cd_article_get_body (article), ==, "");
  g_assert_null (cd_article_get_extra (article));
}

static void
test_load_dates (void)
{
  g_autofree char *path = roundtrip_path ("05-dates.copydesk");
  g_autoptr(CdArticle) article = load_path_ok (path);

  assert_date_time (cd_article_get_created (article), 2026, 3, 29, 1, 59, 59, 500000, -5 * 60);
  assert_date_time (cd_article_get_modified (article), 2026, 3, 29, 2, 0, 0, 123456,
                    -(9 * 60 + 30));
  assert_date_time (cd_article_get_published (article), 1999, 12, 31, 23, 59, 59, 1, 14 * 60);
  assert_date_time (cd_article_get_embargo (article), 2026, 11, 27, 9, 30, 0, 250000,
                    5 * 60 + 45);
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_KILLED);
}

static void
test_load_non_ascii (void)
{
  g_autofree char *path = roundtrip_path ("04-non-ascii.copydesk");
  g_autoptr(CdArticle) article = load_path_ok (path);

  g_assert_cmpstr (cd_article_get_headline (article), ==, "東京の港で新しいフェリー就航 🚢🎉");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==,
                   "مرحبا بالعالم — שלום עולם — Привет, мир — Ελληνικά");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "tokyo-ferry");
  assert_author (article, 0, "山田 太郎", "記者", "", "");
  assert_author (article, 1, "Zoë Ñúñez-Łódź", "", "zoe@example.com", "");
  assert_author (article, 2, "محمد الأحمد", "", "", "");
  assert_tag (article, 1, "🛳️", "", "");
  g_assert_cmpstr (cd_image_get_caption (cd_article_get_image (article)), ==,
                   "👨‍👩‍👧‍👦 family emoji, e\xCC\x81 combining, ﷽ ligature");
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_PUBLISHED);
}

static void
test_load_missing_file (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;

  article = cd_article_load_from_file (file, NULL, &error);
  g_assert_null (article);
  check_error ("missing file", error, CD_FILE_ERROR_READ, path, NULL);

  cd_test_remove_tree (dir);
}

static void
test_load_folder (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  article = cd_article_load_from_file (file, NULL, &error);
  g_assert_null (article);
  check_error ("folder", error, CD_FILE_ERROR_READ, path, "it is a folder");

  cd_test_remove_tree (dir);
}

/* Loading is all or nothing: a problem in the last member, after everything
 * else was read, still gives no article. */
static void
test_load_all_or_nothing (void)
{
  static const struct
  {
    const char *more;
    const char *substring;
  } cases[] = {
    { ",\n  \"x\": 1\n  \"y\": 2", GENERATED_NAME ":23:" },
    { ",\n  \"x\": 1,\n  \"x\": 2", GENERATED_NAME ":23:3: " },
  };
  g_autoptr(GString) text = build_article ("\"Headline\"", "\"Body\"", NULL);

  /* The last member read, the image, is wrong. */
  g_string_replace (text, "\"image\": null", "\"image\": {\"alt\": false}", 1);
  assert_data_fails (text->str, text->len, CD_FILE_ERROR_INVALID,
                     "image.alt must be text, not true or false");

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) broken = build_article ("\"Headline\"", "\"Body\"", cases[i].more);

      assert_data_fails (broken->str, broken->len, CD_FILE_ERROR_SYNTAX, cases[i].substring);
    }
}

/* The planned length. */

#define STATUS_LINE "  \"status\": \"draft\",\n"

/* A canonical article with @planned_words, raw JSON text, written where the
 * saver puts it: right after the status. */
static GString *
build_planned_article (const char *planned_words)
{
  GString *text = build_article ("\"Headline\"", "\"Body\"", NULL);
  g_autofree char *line = g_strdup_printf (STATUS_LINE "  \"planned_words\": %s,\n",
                                           planned_words);

  g_assert_cmpuint (g_string_replace (text, STATUS_LINE, line, 1), ==, 1);
  return text;
}

static void
test_planned_words_load (void)
{
  static const struct
  {
    const char *json;
    guint       words;
  } cases[] = {
    { "650", 650 },
    { "1", 1 },
    { "1000000", 1000000 },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = build_planned_article (cases[i].json);
      g_autoptr(CdArticle) article = load_data_ok (text->str, text->len);
      g_autofree char *written = NULL;
      gsize length = 0;

      g_assert_cmpuint (cd_article_get_planned_words (article), ==, cases[i].words);

      /* Written back byte for byte, in the same place. */
      written = cd_article_to_data (article, &length);
      check_same_bytes (cases[i].json, text->str, text->len, written, length);
    }
}

/* An article without a planned length has no planned_words member at all, so
 * files written before the field existed keep their bytes. */
static void
test_planned_words_save (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "planned.copydesk", NULL);
  g_autoptr(GString) text = build_article ("\"Headline\"", "\"Body\"", NULL);
  g_autoptr(GString) planned = build_planned_article ("800");
  g_autoptr(CdArticle) article = load_data_ok (text->str, text->len);
  g_autoptr(CdArticle) loaded = NULL;
  g_autofree char *written = NULL;
  g_autofree char *saved = NULL;
  gsize length = 0;

  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 0);
  written = cd_article_to_data (article, &length);
  check_same_bytes ("no planned length", text->str, text->len, written, length);
  g_assert_null (strstr (written, "planned_words"));
  g_clear_pointer (&written, g_free);

  cd_article_set_planned_words (article, 800);
  save_path_ok (article, path);
  saved = read_contents (path, &length);
  check_same_bytes ("planned length 800", planned->str, planned->len, saved, length);
  loaded = load_path_ok (path);
  g_assert_cmpuint (cd_article_get_planned_words (loaded), ==, 800);

  cd_article_set_planned_words (article, 0);
  written = cd_article_to_data (article, &length);
  check_same_bytes ("planned length removed", text->str, text->len, written, length);

  cd_test_remove_tree (dir);
}

/* A planned_words member out of its place (by hand, or from another tool) is
 * read, and written back in its place. */
static void
test_planned_words_position (void)
{
  g_autoptr(GString) text = build_article ("\"Headline\"", "\"Body\"",
                                           ",\n  \"planned_words\": 420");
  g_autoptr(GString) canonical = build_planned_article ("420");
  g_autoptr(CdArticle) article = load_data_ok (text->str, text->len);
  g_autofree char *written = NULL;
  gsize length = 0;

  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 420);
  g_assert_null (cd_article_get_extra (article));
  written = cd_article_to_data (article, &length);
  check_same_bytes ("planned_words moved into place", canonical->str, canonical->len,
                    written, length);
}

static void
test_planned_words_invalid (void)
{
  static const struct
  {
    const char *json;
    const char *substring;
  } cases[] = {
    { "0", GENERATED_NAME ": planned_words 0 is out of range: a planned length is from 1 to 1000000 words" },
    { "-5", GENERATED_NAME ": planned_words -5 is out of range" },
    { "1000001", GENERATED_NAME ": planned_words 1000001 is out of range" },
    { "9223372036854775807", "planned_words 9223372036854775807 is out of range" },
    { "99999999999999999999", "planned_words 1e+20 is out of range" },
    { "-0.5", "planned_words -0.5 is out of range" },
    { "800.0", GENERATED_NAME ": planned_words 800 must be a whole number of words written without a decimal point or exponent" },
    { "8e2", "planned_words 800 must be a whole number of words written without a decimal point" },
    { "799.5", "planned_words 799.5 must be a whole number of words" },
    { "\"800\"", GENERATED_NAME ": planned_words must be a whole number of words, not text" },
    { "null", "planned_words must be a whole number of words, not null" },
    { "true", "planned_words must be a whole number of words, not true or false" },
    { "[800]", "planned_words must be a whole number of words, not a list" },
    { "{\"words\": 800}", "planned_words must be a whole number of words, not an object" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = build_planned_article (cases[i].json);

      assert_data_fails (text->str, text->len, CD_FILE_ERROR_INVALID, cases[i].substring);
    }
}

/* The same checks apply when the article comes from a file, whose name the
 * message gives. */
static void
test_planned_words_invalid_file (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "too-long.copydesk", NULL);
  g_autoptr(GString) text = build_planned_article ("2000000");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autofree char *expected = g_strconcat (display_name, ": planned_words 2000000", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;

  write_contents (path, text->str, text->len);
  article = cd_article_load_from_file (file, NULL, &error);
  g_assert_null (article);
  check_error ("planned_words in a file", error, CD_FILE_ERROR_INVALID, display_name, expected);

  cd_test_remove_tree (dir);
}

/* An article that loads also loads again once saved, and saving it twice gives
 * the same bytes: the saver never writes what the loader refuses. */
static void
test_saved_form_loads (void)
{
  static const struct
  {
    const char *name;
    const char *text;
  } cases[] = {
    { "dates only",
      "{\"format\": \"copydesk-article\", \"version\": 1, \"created\": \"2026-11-27T09:30:00Z\", "
      "\"modified\": \"2026-11-27T09:30:00Z\"}" },
    { "author without optional members and empty image",
      "{\"format\": \"copydesk-article\", \"version\": 1, \"created\": \"2026-11-27T09:30:00Z\", "
      "\"modified\": \"2026-11-27T09:30:00Z\", \"authors\": [{\"name\": \"\", \"role\": \"\"}], "
      "\"image\": {\"source\": \"\"}, \"tags\": [{\"name\": \"t\", \"uri\": \"\"}]}" },
    { "largest planned length",
      "{\"format\": \"copydesk-article\", \"version\": 1, \"created\": \"2026-11-27T09:30:00Z\", "
      "\"modified\": \"2026-11-27T09:30:00Z\", \"planned_words\": 1000000}" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = NULL;
      g_autoptr(CdArticle) reloaded = NULL;
      g_autofree char *written = NULL;
      g_autofree char *rewritten = NULL;
      gsize length = 0;
      gsize rewritten_length = 0;

      article = cd_article_load_from_data (cases[i].text, strlen (cases[i].text),
                                           GENERATED_NAME, &error);
      g_assert_no_error (error);
      g_assert_nonnull (article);

      written = cd_article_to_data (article, &length);
      reloaded = cd_article_load_from_data (written, length, GENERATED_NAME, &error);
      if (reloaded == NULL)
        {
          soft_fail ("%s: loads, but what it saves does not: %s",
                     cases[i].name, error->message);
          continue;
        }

      rewritten = cd_article_to_data (reloaded, &rewritten_length);
      check_same_bytes (cases[i].name, written, length, rewritten, rewritten_length);
    }
}

/* Saving. */

static void
test_save_new_article (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.copydesk", NULL);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdArticle) loaded = NULL;
  g_autofree char *written = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *reloaded = NULL;
  gsize length = 0;
  gsize saved_length = 0;
  gsize reloaded_length = 0;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  save_path_ok (article, path);

  written = cd_article_to_data (article, &length);
  saved = read_contents (path, &saved_length);
  check_same_bytes ("new article on disk", written, length, saved, saved_length);

  loaded = load_path_ok (path);
  reloaded = cd_article_to_data (loaded, &reloaded_length);
  check_same_bytes ("new article loaded", written, length, reloaded, reloaded_length);
  g_assert_true (g_str_has_prefix (cd_article_get_id (loaded), "urn:uuid:"));
  g_assert_cmpstr (cd_article_get_id (loaded), ==, cd_article_get_id (article));
  g_assert_true (g_date_time_equal (cd_article_get_created (loaded),
                                    cd_article_get_created (article)));
  g_assert_cmpint (g_date_time_get_utc_offset (cd_article_get_created (loaded)), ==,
                   g_date_time_get_utc_offset (cd_article_get_created (article)));

  cd_test_remove_tree (dir);
}

static void
test_save_edited_article (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "edited.copydesk", NULL);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdArticle) loaded = NULL;
  g_autoptr(CdAuthor) author = cd_author_new ("Line \"One\"\nTwo");
  g_autoptr(CdTag) tag = cd_tag_new ("tag\twith tab", "urn:x:1", "x:1");
  g_autoptr(GDateTime) published = g_date_time_new_from_iso8601 ("2026-12-01T08:00:00.75-03:30",
                                                                 NULL);
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autofree char *written = NULL;
  g_autofree char *reloaded = NULL;
  gsize length = 0;
  gsize reloaded_length = 0;

  cd_article_set_headline (article, "Ünïcödé \\ \"quoted\" \x01 control");
  cd_article_set_body (article, "Line one\r\nline two\u2028line three\n");
  cd_article_set_status (article, CD_ARTICLE_STATUS_IN_REVIEW);
  cd_article_set_published (article, published);
  cd_article_set_comments (article, TRUE);
  cd_author_set_email (author, "one@example.com");
  cd_article_add_author (article, author);
  cd_article_add_tag (article, tag);
  cd_image_set_source (cd_article_get_image (article), "pic.jpg");
  json_object_set_string_member (extra, "x-added", "by a plug-in");
  cd_article_set_extra (article, extra);

  save_path_ok (article, path);
  written = cd_article_to_data (article, &length);
  loaded = load_path_ok (path);
  reloaded = cd_article_to_data (loaded, &reloaded_length);
  check_same_bytes ("edited article loaded", written, length, reloaded, reloaded_length);

  g_assert_cmpstr (cd_article_get_headline (loaded), ==, "Ünïcödé \\ \"quoted\" \x01 control");
  g_assert_cmpstr (cd_article_get_body (loaded), ==, "Line one\r\nline two\u2028line three\n");
  assert_author (loaded, 0, "Line \"One\"\nTwo", "", "one@example.com", "");
  assert_tag (loaded, 0, "tag\twith tab", "urn:x:1", "x:1");
  assert_date_time (cd_article_get_published (loaded), 2026, 12, 1, 8, 0, 0, 750000,
                    -(3 * 60 + 30));
  assert_members (cd_article_get_extra (loaded), "x-added", NULL);

  cd_test_remove_tree (dir);
}

/* Returns the inode of @path, to tell a replaced file from one rewritten in place. */
static guint64
file_inode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_ino;
}

static void
test_save_replaces_atomically (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *source = roundtrip_path ("02-full.copydesk");
  g_autoptr(CdArticle) article = load_path_ok (source);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GString) old = g_string_new (NULL);
  g_autofree char *written = NULL;
  g_autofree char *saved = NULL;
  gsize length = 0;
  gsize saved_length = 0;
  guint64 old_inode;

  /* The old file is longer than the new one, so a save that did not truncate
   * would leave its tail behind. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (old, "old content ");
  write_contents (path, old->str, old->len);
  old_inode = file_inode (path);

  save_path_ok (article, path);

  written = cd_article_to_data (article, &length);
  saved = read_contents (path, &saved_length);
  check_same_bytes ("replaced file", written, length, saved, saved_length);

  /* The new contents went to a new file renamed over the old one, and no
   * temporary file is left beside it. */
  g_assert_cmpuint (file_inode (path), !=, old_inode);
  names = list_dir_sorted (dir);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "article.copydesk");

  cd_test_remove_tree (dir);
}

static void
test_save_keeps_permissions (void)
{
  static const guint modes[] = { 0640, 0600, 0604, 0664 };
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *source = roundtrip_path ("01-empty-fields.copydesk");
  g_autoptr(CdArticle) article = load_path_ok (source);

  for (size_t i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      write_contents (path, "old", 3);
      g_assert_cmpint (g_chmod (path, modes[i]), ==, 0);
      g_assert_cmpuint (file_mode (path), ==, modes[i]);

      save_path_ok (article, path);
      g_assert_cmpuint (file_mode (path), ==, modes[i]);
    }

  cd_test_remove_tree (dir);
}

#ifdef __linux__
/* Root ignores file permissions. To test a read-only folder as root, the
 * capabilities that let it do so are dropped from the thread's effective set,
 * and restored afterwards. */
#define DAC_CAPABILITIES ((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH))

static gboolean
set_dac_capabilities (gboolean enabled)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2];

  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;

  if (enabled)
    data[0].effective |= DAC_CAPABILITIES & data[0].permitted;
  else
    data[0].effective &= ~DAC_CAPABILITIES;

  return syscall (SYS_capset, &header, data) == 0;
}
#else
static gboolean
set_dac_capabilities (gboolean enabled)
{
  return TRUE;
}
#endif

/* Whether a file can be created in @dir by this thread. */
static gboolean
can_create_in (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  int fd = g_open (probe, O_WRONLY | O_CREAT | O_EXCL, 0600);

  if (fd < 0)
    return FALSE;

  close (fd);
  g_unlink (probe);
  return TRUE;
}

static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *read_only = g_build_filename (dir, "read-only", NULL);
  g_autofree char *path = g_build_filename (read_only, "article.copydesk", NULL);
  g_autofree char *source = roundtrip_path ("02-full.copydesk");
  g_autoptr(CdArticle) article = load_path_ok (source);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *contents = NULL;
  gboolean ok;
  gsize length = 0;

  /* The file itself may be written; only the folder is read-only, so a
   * temporary file cannot be made beside it. */
  g_assert_cmpint (g_mkdir (read_only, 0755), ==, 0);
  write_contents (path, "old content\n", -1);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (read_only, 0555), ==, 0);

  if (geteuid () == 0 && !set_dac_capabilities (FALSE))
    {
      g_test_skip ("running as root and cannot drop CAP_DAC_OVERRIDE");
      cd_test_remove_tree (dir);
      return;
    }
  if (can_create_in (read_only))
    {
      set_dac_capabilities (TRUE);
      g_test_skip ("this user can create files in a read-only folder");
      cd_test_remove_tree (dir);
      return;
    }

  ok = cd_article_save_to_file (article, file, NULL, &error);
  g_assert_true (set_dac_capabilities (TRUE));

  contents = read_contents (path, &length);
  if (ok)
    soft_fail ("saving into a read-only folder succeeded, so it was not atomic "
               "(the file was rewritten in place); it now holds %" G_GSIZE_FORMAT
               " bytes", length);
  else if (check_error ("read-only folder", error, CD_FILE_ERROR_WRITE, display_name,
                        "The file on disk was not changed"))
    check_same_bytes ("file in a read-only folder", "old content\n", 12, contents, length);

  names = list_dir_sorted (read_only);
  g_assert_cmpuint (names->len, ==, 1);

  cd_test_remove_tree (dir);
}

static void
test_save_over_folder (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "folder.copydesk", NULL);
  g_autofree char *inside = g_build_filename (path, "keep.txt", NULL);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *contents = NULL;
  gboolean ok;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  write_contents (inside, "kept", -1);

  ok = cd_article_save_to_file (article, file, NULL, &error);
  g_assert_false (ok);
  check_error ("folder", error, CD_FILE_ERROR_WRITE, display_name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  contents = read_contents (inside, NULL);
  g_assert_cmpstr (contents, ==, "kept");
  names = list_dir_sorted (dir);
  g_assert_cmpuint (names->len, ==, 1);

  cd_test_remove_tree (dir);
}

static void
test_save_missing_folder (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "article.copydesk", NULL);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_assert_false (cd_article_save_to_file (article, file, NULL, &error));
  check_error ("missing folder", error, CD_FILE_ERROR_WRITE, display_name, NULL);
  names = list_dir_sorted (dir);
  g_assert_cmpuint (names->len, ==, 0);

  cd_test_remove_tree (dir);
}

/* A save that fails leaves the old file as it was. */
static void
test_save_failure_keeps_old (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *source = roundtrip_path ("02-full.copydesk");
  g_autoptr(CdArticle) article = load_path_ok (source);
  g_autoptr(CdArticle) other = cd_article_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0;
  gsize after_length = 0;

  save_path_ok (article, path);
  before = read_contents (path, &before_length);

  g_cancellable_cancel (cancellable);
  g_assert_false (cd_article_save_to_file (other, file, cancellable, &error));
  check_error ("cancelled save", error, CD_FILE_ERROR_WRITE, display_name, NULL);

  after = read_contents (path, &after_length);
  check_same_bytes ("after a cancelled save", before, before_length, after, after_length);
  names = list_dir_sorted (dir);
  g_assert_cmpuint (names->len, ==, 1);

  cd_test_remove_tree (dir);
}

/* A full disk: writing stops part way (here the soft limit on file size is
 * lowered to 64 KiB for the length of the save, which fails the same way as
 * ENOSPC does, with EFBIG). The save reports it, names the file, leaves the
 * old file whole and no temporary file behind. */
static void
test_save_disk_full (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autofree char *source = roundtrip_path ("02-full.copydesk");
  g_autoptr(CdArticle) small = load_path_ok (source);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0;
  gsize after_length = 0;
  struct rlimit saved_limit;
  struct rlimit limit;
  void (*saved_handler) (int);
  gboolean saved;

  save_path_ok (small, path);
  before = read_contents (path, &before_length);

  for (guint i = 0; i < 20000; i++)
    g_string_append (body, "The ferry sails at dawn. ");
  cd_article_set_body (article, body->str);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  limit = saved_limit;
  limit.rlim_cur = 64 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  saved = cd_article_save_to_file (article, file, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (saved);
  check_error ("save to a full disk", error, CD_FILE_ERROR_WRITE, display_name, NULL);
  after = read_contents (path, &after_length);
  check_same_bytes ("after a save to a full disk", before, before_length, after, after_length);
  names = list_dir_sorted (dir);
  g_assert_cmpuint (names->len, ==, 1);
  cd_test_remove_tree (dir);
}

/* A process killed while it saves leaves the old file or the new one, complete.
 * The child writes two different articles in turn until it is killed; the
 * file must then hold exactly one of them. The child writes bytes made
 * beforehand with cd_file_replace_contents(), which cd_article_save_to_file()
 * ends with, so that it spends its time writing and the kill most likely comes
 * in the middle of a write. */
#define CRASH_FILE_VARIABLE "CD_TEST_FILE_CRASH_PATH"

static GString *
crash_article (char letter)
{
  g_autoptr(GString) body = g_string_new ("\"");

  for (guint i = 0; i < 4 * 1024 * 1024; i++)
    g_string_append_c (body, letter);
  g_string_append_c (body, '"');

  return build_article ("\"Crash test\"", body->str, NULL);
}

static void
test_save_crash (void)
{
  static const guint64 timeouts[] = { 300000, 500000, 700000 };
  g_autoptr(GString) a = crash_article ('a');
  g_autoptr(GString) b = crash_article ('b');
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv (CRASH_FILE_VARIABLE));
      g_autoptr(CdArticle) article = load_data_ok (a->str, a->len);

      save_path_ok (article, g_getenv (CRASH_FILE_VARIABLE));
      for (;;)
        {
          if (!cd_file_replace_contents (file, b->str, b->len, NULL, NULL) ||
              !cd_file_replace_contents (file, a->str, a->len, NULL, NULL))
            g_error ("save failed");
        }
    }

  dir = cd_test_make_temp_dir ();
  path = g_build_filename (dir, "article.copydesk", NULL);
  write_contents (path, a->str, a->len);
  g_setenv (CRASH_FILE_VARIABLE, path, TRUE);

  for (size_t i = 0; i < G_N_ELEMENTS (timeouts); i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* The child is killed when the time is up; it never ends by itself. */
      g_test_trap_subprocess (NULL, timeouts[i], G_TEST_SUBPROCESS_DEFAULT);
      g_assert_false (g_test_trap_has_passed ());
      g_test_trap_assert_stderr_unmatched ("*save failed*");

      contents = read_contents (path, &length);
      if (length != a->len || (memcmp (contents, a->str, a->len) != 0 &&
                               memcmp (contents, b->str, b->len) != 0))
        soft_fail ("after a crash during a save the file holds %" G_GSIZE_FORMAT
                   " bytes, neither the old article nor the new one (%" G_GSIZE_FORMAT
                   " bytes each)", length, a->len);
    }

  g_unsetenv (CRASH_FILE_VARIABLE);
  cd_test_remove_tree (dir);
}

/* Registration. */

static void
add_round_trip_tests (const char *group,
                      const char *dir)
{
  g_autoptr(GPtrArray) names = list_dir_sorted (dir);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *test_path = NULL;

      if (!g_str_has_suffix (name, ".copydesk"))
        continue;

      test_path = g_strdup_printf ("/file/round-trip/%s/%s", group, name);
      g_test_add_data_func_full (test_path, g_build_filename (dir, name, NULL),
                                 test_round_trip, g_free);
    }
}

static void
test_manifest_unreadable (gconstpointer data)
{
  g_test_fail_printf ("%s", (const char *) data);
}

/* Loading hands back the exact bytes (for Revert to Saved) and the folder
 * relative paths start from (for preflight). */
static void
test_load_full (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "story.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdArticle) loaded = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = cd_article_to_data (article, NULL);
  g_autofree char *foreign = g_strconcat (canonical, "\n  \n", NULL);

  g_assert_true (g_file_set_contents (path, foreign, -1, NULL));
  loaded = cd_article_load_from_file_full (file, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                   foreign, strlen (foreign));
  g_assert_true (g_file_equal (cd_article_file_get_folder (loaded), folder));
  g_assert_true (cd_article_equal (loaded, article));

  cd_test_remove_tree (dir);
}

/* Copying a lead image beside an article: never over another picture. */
static void
test_copy_image (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *story = g_build_filename (dir, "story", NULL);
  g_autofree char *source_path = g_build_filename (elsewhere, "ferry.jpg", NULL);
  g_autofree char *taken_path = g_build_filename (story, "ferry.jpg", NULL);
  g_autofree char *copy_path = g_build_filename (story, "ferry-2.jpg", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) folder = g_file_new_for_path (story);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (story, 0700), ==, 0);
  g_assert_true (g_file_set_contents (source_path, "ferry", -1, NULL));
  g_assert_true (g_file_set_contents (taken_path, "another picture", -1, NULL));

  g_assert_true (cd_article_file_copy_image (source, folder, &name, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "ferry-2.jpg");
  g_assert_true (g_file_get_contents (taken_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "another picture");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (copy_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "ferry");

  /* The same picture again is not copied twice. */
  g_clear_pointer (&name, g_free);
  g_assert_true (cd_article_file_copy_image (source, folder, &name, NULL, &error));
  g_assert_cmpstr (name, ==, "ferry-2.jpg");

  /* A folder is no picture. */
  g_clear_pointer (&name, g_free);
  {
    g_autoptr(GFile) not_a_picture = g_file_new_for_path (elsewhere);

    g_assert_false (cd_article_file_copy_image (not_a_picture, folder, &name, NULL, &error));
    g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_READ);
    g_assert_nonnull (strstr (error->message, elsewhere));
    g_clear_error (&error);
  }

  cd_test_remove_tree (dir);
}

/* Files that are not regular files are refused before anything is read
 * from them: reading /dev/zero would not end, nor would opening a FIFO that
 * has no writer. */
static void
test_read_bounded_special_files (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.copydesk", NULL);
  const struct
  {
    const char *path;
    int code;
    const char *message;
  } cases[] = {
    { "/dev/zero", G_IO_ERROR_NOT_REGULAR_FILE, "it is a device, not a file" },
    { "/dev/urandom", G_IO_ERROR_NOT_REGULAR_FILE, "it is a device, not a file" },
    { fifo, G_IO_ERROR_NOT_REGULAR_FILE, "it is a pipe (FIFO), not a file" },
    { dir, G_IO_ERROR_IS_DIRECTORY, "it is a folder, not a file" },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = NULL;
      g_autofree char *contents = NULL;
      gsize length = 1;

      g_test_message ("%s", cases[i].path);
      g_assert_false (cd_file_read_bounded (file, 1024, NULL, &contents, &length, &error));
      g_assert_error (error, G_IO_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_null (contents);
      g_clear_error (&error);

      article = cd_article_load_from_file (file, NULL, &error);
      g_assert_null (article);
      g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_READ);
      g_assert_nonnull (strstr (error->message, cases[i].path));
    }

  cd_test_remove_tree (dir);
}

/* No more than one byte past the limit is read, and the limit itself is
 * allowed. */
static void
test_read_bounded_limit (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ten.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));

  g_assert_true (cd_file_read_bounded (file, 10, NULL, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 10);
  g_assert_cmpstr (contents, ==, "0123456789");
  g_clear_pointer (&contents, g_free);

  g_assert_false (cd_file_read_bounded (file, 9, NULL, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_cmpuint (length, ==, 10);
  g_assert_null (contents);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_true (cd_file_read_bounded (file, 9, NULL, &contents, &length, &error));
  g_assert_cmpuint (length, ==, 0);
  g_assert_cmpstr (contents, ==, "");

  cd_test_remove_tree (dir);
}

static void
store_async_result_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Another program that rewrites an article in place with the same size
 * and puts the modification time back is still noticed: the document
 * compares the content too, not only what the file system says. */
static void
test_document_same_size_and_time (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) original = cd_article_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDocument) document = NULL;
  g_autofree char *data = NULL;
  g_autofree char *after = NULL;
  struct stat before;
  struct stat changed;
  struct timespec times[2];
  gsize length = 0;
  gsize after_length = 0;
  int fd;

  cd_article_set_headline (original, "Original");
  data = cd_article_to_data (original, &length);
  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  cd_document_load_async (file, NULL, store_async_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = cd_document_load_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* The same file (same inode), the same size, the same time; one letter
   * of the headline differs. */
  *strstr (data, "Original") = 'X';
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, data, length), ==, (gssize) length);
  g_assert_cmpint (close (fd), ==, 0);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (g_stat (path, &changed), ==, 0);
  g_assert_cmpint (changed.st_ino, ==, before.st_ino);
  g_assert_cmpint (changed.st_size, ==, before.st_size);
  g_assert_cmpint (changed.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);

  cd_document_check_disk_async (document, NULL, store_async_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (cd_document_check_disk_finish (document, result, &error), ==,
                   CD_DOCUMENT_DISK_CHANGED);
  g_assert_no_error (error);

  cd_article_set_body (cd_document_get_article (document), "Mine.\n");
  g_assert_false (cd_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK);

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, data, length);

  cd_test_remove_tree (dir);
}

static char *
nest_html (const char *open,
           const char *close,
           guint       depth,
           const char *inner,
           const char *after)
{
  GString *html = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (html, open);
  g_string_append (html, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (html, close);
  g_string_append (html, after);

  return g_string_free (html, FALSE);
}

/* libxml2 stops building the tree at 256 levels and used to take the deep
 * text and everything after it along; imported HTML is now flattened
 * instead, whatever the nesting. */
static void
test_html_import_deep (void)
{
  const struct
  {
    const char *open;
    const char *close;
    guint depth;
  } cases[] = {
    { "<div>", "</div>", 256 },
    { "<div>", "</div>", 300 },
    { "<span>", "</span>", 5000 },
    { "<div><span>", "</span></div>", 1000 },
    { "<ul><li>", "</li></ul>", 400 },
    { "<div>", "</span>", 20000 },
    { "<p><span>", "", 3000 },
    { "<table><tr><td>", "</td></tr></table>", 300 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = nest_html (cases[i].open, cases[i].close, cases[i].depth,
                                         "<b>Deep text</b>", "<p>Text after</p>");
      g_autofree char *markdown = cd_html_to_markdown (html, -1);

      g_test_message ("%s × %u", cases[i].open, cases[i].depth);
      g_assert_nonnull (strstr (markdown, "Deep text"));
      g_assert_nonnull (strstr (markdown, "Text after"));
    }
}

/* A tag with a huge number of attributes keeps its element and text; the
 * attributes Copydesk reads come first in real HTML. */
static void
test_html_import_many_attributes (void)
{
  g_autoptr(GString) html = g_string_new ("<p><a href=\"https://example.org/\"");
  g_autofree char *markdown = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (html, " data-a%u='v>'", i);
  g_string_append (html, ">Link text</a> and more</p><p>After</p>");

  markdown = cd_html_to_markdown (html->str, html->len);
  g_assert_cmpstr (markdown, ==, "[Link text](https://example.org/) and more\n\nAfter\n");
}

/* Scripts stay dropped and raw text stays raw when tags are left out. */
static void
test_html_import_flattened_script (void)
{
  g_autofree char *html = nest_html ("<div>", "</div>", 400,
                                     "<script>var secret = '<div>';</script>Shown",
                                     "<p>After</p>");
  g_autofree char *markdown = cd_html_to_markdown (html, -1);

  g_assert_null (strstr (markdown, "secret"));
  g_assert_nonnull (strstr (markdown, "Shown"));
  g_assert_nonnull (strstr (markdown, "After"));
}

/* Whatever is saved opens again: a text past what loading accepts is refused
 * when saving, with a message naming it, and nothing is written. */
static void
test_save_within_limits (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdAuthor) author = cd_author_new ("Ana Lima");
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = g_strnfill (CD_LIMIT_TEXT_BYTES + 1, 'h');
  g_autofree char *body = g_strnfill (CD_LIMIT_BODY_BYTES + 1, 'b');
  g_autofree char *role = g_strnfill (CD_LIMIT_TEXT_BYTES + 1, 'r');
  g_autoptr(CdArticle) reloaded = NULL;

  g_assert_true (cd_article_check_limits (article, NULL));

  cd_article_set_headline (article, headline);
  g_assert_false (cd_article_save_to_file (article, file, NULL, &error));
  g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "headline"));
  g_assert_false (g_file_query_exists (file, NULL));
  g_clear_error (&error);

  /* Exactly at the limit is fine, and opens again. */
  headline[CD_LIMIT_TEXT_BYTES] = '\0';
  cd_article_set_headline (article, headline);
  g_assert_true (cd_article_save_to_file (article, file, NULL, &error));
  g_assert_no_error (error);
  reloaded = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);

  cd_article_set_body (article, body);
  g_assert_false (cd_article_check_limits (article, &error));
  g_assert_nonnull (strstr (error->message, "body"));
  g_clear_error (&error);
  body[CD_LIMIT_BODY_BYTES] = '\0';
  cd_article_set_body (article, body);
  g_assert_true (cd_article_check_limits (article, NULL));

  cd_author_set_role (author, role);
  cd_article_add_author (article, author);
  g_assert_false (cd_article_check_limits (article, &error));
  g_assert_nonnull (strstr (error->message, "role"));

  cd_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *roundtrip_dir = NULL;
  g_autofree char *sample_dir = NULL;
  g_autofree char *articles_dir = NULL;
  g_autofree char *schema_articles_dir = NULL;
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = 0;
  int status;

  /* Keep going after a failed case, so that one malformed file or article
   * with a wrong result does not hide the results of all the others. */
  args[n_args++] = argv[0];
  args[n_args++] = (char *) "--keep-going";
  for (int i = 1; i < argc; i++)
    args[n_args++] = argv[i];
  argv = args;
  argc = n_args;

  cd_test_init (&argc, &argv);

  if (g_getenv ("CD_SOURCE_ROOT") != NULL)
    source_root = g_strdup (g_getenv ("CD_SOURCE_ROOT"));
  else
    source_root = g_test_build_filename (G_TEST_DIST, "..", "..", NULL);

  g_test_add_func ("/file/malformed/manifest", test_malformed_manifest);
  g_test_add_func ("/file/load-full", test_load_full);
  g_test_add_func ("/file/copy-image", test_copy_image);
  cases = read_manifest (&error);
  if (cases == NULL)
    {
      g_test_add_data_func_full ("/file/malformed/manifest-unreadable",
                                 g_strdup (error->message), test_manifest_unreadable, g_free);
    }
  else
    {
      for (guint i = 0; i < cases->len; i++)
        {
          MalformedCase *malformed = g_ptr_array_index (cases, i);
          g_autofree char *test_path = g_strdup_printf ("/file/malformed/%s", malformed->name);

          g_test_add_data_func (test_path, malformed, test_malformed_file);
        }
    }

  g_test_add_func ("/file/generated/long-headline", test_generated_long_headline);
  g_test_add_func ("/file/generated/long-author-name", test_generated_long_author_name);
  g_test_add_func ("/file/generated/text-field-limit", test_generated_text_field_limit);
  g_test_add_func ("/file/generated/long-body", test_generated_long_body);
  g_test_add_func ("/file/generated/body-limit", test_generated_body_limit);
  g_test_add_func ("/file/generated/long-unknown-member", test_generated_long_unknown_member);
  g_test_add_func ("/file/generated/too-large-data", test_generated_too_large_data);
  g_test_add_func ("/file/generated/too-large-file", test_generated_too_large_file);
  g_test_add_func ("/file/generated/size-limit", test_generated_size_limit);
  g_test_add_func ("/file/generated/deep-arrays", test_generated_deep_arrays);
  g_test_add_func ("/file/generated/deep-objects", test_generated_deep_objects);
  g_test_add_func ("/file/generated/deep-unknown-member", test_generated_deep_unknown_member);

  g_test_add_func ("/file/round-trip/corpus-size", test_round_trip_corpus_size);
  roundtrip_dir = source_path ("tests", "roundtrip", NULL);
  sample_dir = source_path ("data", "sample", NULL);
  articles_dir = source_path ("tests", "articles", NULL);
  add_round_trip_tests ("roundtrip", roundtrip_dir);
  add_round_trip_tests ("sample", sample_dir);
  add_round_trip_tests ("articles", articles_dir);
  schema_articles_dir = source_path ("tests", "schema", "articles", NULL);
  add_round_trip_tests ("schema", schema_articles_dir);
  g_test_add_func ("/file/round-trip/bom", test_round_trip_bom);
  g_test_add_func ("/file/round-trip/crlf", test_round_trip_crlf);

  g_test_add_func ("/file/unknown-members/kept", test_unknown_members_kept);
  g_test_add_func ("/file/unknown-members/interleaved", test_unknown_members_interleaved);
  g_test_add_func ("/file/unknown-members/survive-edits", test_unknown_members_survive_edits);

  g_test_add_func ("/file/load/values", test_load_values);
  g_test_add_func ("/file/load/empty-fields", test_load_empty_fields);
  g_test_add_func ("/file/load/dates", test_load_dates);
  g_test_add_func ("/file/load/non-ascii", test_load_non_ascii);
  g_test_add_func ("/file/load/missing-file", test_load_missing_file);
  g_test_add_func ("/file/load/folder", test_load_folder);
  g_test_add_func ("/file/load/all-or-nothing", test_load_all_or_nothing);
  g_test_add_func ("/file/load/saved-form-loads", test_saved_form_loads);

  g_test_add_func ("/file/planned-words/load", test_planned_words_load);
  g_test_add_func ("/file/planned-words/save", test_planned_words_save);
  g_test_add_func ("/file/planned-words/position", test_planned_words_position);
  g_test_add_func ("/file/planned-words/invalid", test_planned_words_invalid);
  g_test_add_func ("/file/planned-words/invalid-file", test_planned_words_invalid_file);

  g_test_add_func ("/file/save/new-article", test_save_new_article);
  g_test_add_func ("/file/save/edited-article", test_save_edited_article);
  g_test_add_func ("/file/save/replaces-atomically", test_save_replaces_atomically);
  g_test_add_func ("/file/save/keeps-permissions", test_save_keeps_permissions);
  g_test_add_func ("/file/save/read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/file/save/over-folder", test_save_over_folder);
  g_test_add_func ("/file/save/missing-folder", test_save_missing_folder);
  g_test_add_func ("/file/save/failure-keeps-old", test_save_failure_keeps_old);
  g_test_add_func ("/file/save/disk-full", test_save_disk_full);
  g_test_add_func ("/file/save/crash", test_save_crash);

  g_test_add_func ("/file/read-bounded/special-files", test_read_bounded_special_files);
  g_test_add_func ("/file/read-bounded/limit", test_read_bounded_limit);
  g_test_add_func ("/file/document/same-size-and-time", test_document_same_size_and_time);
  g_test_add_func ("/file/html-import/deep", test_html_import_deep);
  g_test_add_func ("/file/html-import/many-attributes", test_html_import_many_attributes);
  g_test_add_func ("/file/html-import/flattened-script", test_html_import_flattened_script);

  g_test_add_func ("/file/save-within-limits", test_save_within_limits);

  status = g_test_run ();

  g_clear_pointer (&source_root, g_free);
  return status;
}
