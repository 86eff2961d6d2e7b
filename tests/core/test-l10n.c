/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The messages people see when an article does not open (the JSON reader's,
 * the article reader's and the size limits') in German, read from the build
 * tree's translations. Every other core test runs in the C locale and
 * compares the English text; this program alone switches to German, so that
 * no other test sees a translated message. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n-lib.h>

#include "cd-article-file.h"
#include "cd-json.h"
#include "cd-limits.h"

#define DISPLAY_NAME "story.copydesk"

/* The text of a fresh article as Copydesk saves it, with @member's value
 * (written as `"member": ""`) replaced by @value. */
static char *
article_text_with (const char *member,
                   const char *value)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autofree char *data = cd_article_to_data (article, NULL);
  g_autofree char *empty = g_strdup_printf ("\"%s\": \"\"", member);
  g_autofree char *replaced = g_strdup_printf ("\"%s\": %s", member, value);
  g_autoptr(GString) text = g_string_new (data);

  g_assert_cmpuint (g_string_replace (text, empty, replaced, 1), ==, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_load_fails (const char  *text,
                   int          code,
                   const char  *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_data (text, strlen (text),
                                                            DISPLAY_NAME, &error);

  g_assert_null (article);
  g_assert_error (error, CD_FILE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* A mistake in the JSON itself: the reader's message, with the file, line
 * and column in front and the quoted character in the middle. */
static void
test_json_syntax (void)
{
  assert_load_fails ("{\n  \"format\": \"copydesk\",\n}\n", CD_FILE_ERROR_SYNTAX,
                     DISPLAY_NAME ":2:23: vor „}“ ist kein abschließendes Komma erlaubt; "
                     "entfernen Sie dieses „,“");
  assert_load_fails ("{\n  \"format\": NaN\n}\n", CD_FILE_ERROR_SYNTAX,
                     DISPLAY_NAME ":2:13: „NaN“ ist kein JSON-Wert; "
                     "schreiben Sie stattdessen null oder eine Zahl");
  assert_load_fails ("", CD_FILE_ERROR_NOT_ARTICLE, DISPLAY_NAME ":1:1: die Datei ist leer");
}

/* Parts of a message are translated too: what the reader found where a
 * value should be. */
static void
test_json_found (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "[1, ?]", "test.json:1:5: erwartet wurde ein Wert, gefunden wurde “?”" },
    { "[1,\u00A02]", "test.json:1:4: erwartet wurde ein Wert, gefunden wurde das Zeichen U+00A0; "
                     "JSON erlaubt zwischen Werten nur Leerzeichen, Tabulatoren und Zeilenumbrüche" },
    { "{\"a\": 1 \"b\": 2}", "test.json:1:9: nach dem Wert von “a” wurde „,“ oder „}“ erwartet" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = cd_json_parse (cases[i].text, strlen (cases[i].text),
                                                "test.json", 0, &error);

      g_assert_null (node);
      g_assert_error (error, CD_JSON_ERROR, CD_JSON_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A member of the wrong type: the article reader's message, which puts the
 * member and two translated descriptions into one sentence. */
static void
test_member_type (void)
{
  g_autofree char *text = article_text_with ("headline", "5");

  assert_load_fails (text, CD_FILE_ERROR_INVALID,
                     DISPLAY_NAME ": headline muss Text sein, ist aber eine Zahl");
}

/* A text longer than the format allows, as saving reports it. */
static void
test_limits (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = g_strnfill (CD_LIMIT_TEXT_BYTES + 1, 'x');
  g_autofree char *size = g_format_size (CD_LIMIT_TEXT_BYTES + 1);
  g_autofree char *limit = g_format_size (CD_LIMIT_TEXT_BYTES);
  g_autofree char *expected = g_strdup_printf ("Die Überschrift ist %s lang, mehr als die %s, die ein "
                                               "Artikel dort fassen kann. Kürzen Sie den Text.",
                                               size, limit);

  cd_article_set_headline (article, headline);
  g_assert_false (cd_article_check_limits (article, &error));
  g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("COPYDESK_LOCALEDIR");
  g_autofree char *catalog = NULL;

  g_test_init (&argc, &argv, NULL);

  /* The build tree's catalogue, which tests/core/meson.build points at.
   * Without it every assertion below would compare English text, so its
   * absence is a failure, not a reason to skip. */
  g_assert_nonnull (locale_dir);
  catalog = g_build_filename (locale_dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (catalog, G_FILE_TEST_IS_REGULAR));

  /* No German locale need be installed: gettext follows LANGUAGE in any
   * locale but "C", and C.UTF-8 is built into the C library. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/l10n/json-syntax", test_json_syntax);
  g_test_add_func ("/l10n/json-found", test_json_found);
  g_test_add_func ("/l10n/member-type", test_member_type);
  g_test_add_func ("/l10n/limits", test_limits);

  return g_test_run ();
}
