/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib.h>

#include "cd-url.h"

typedef struct
{
  const char *url;
  gboolean allowed;
} UrlCase;

static const UrlCase url_cases[] = {
  /* The schemes on the list, in any case. */
  { "http://example.org/", TRUE },
  { "https://example.org/a?b=c#d", TRUE },
  { "mailto:desk@example.org", TRUE },
  { "HTTPS://EXAMPLE.ORG/", TRUE },
  { "MailTo:desk@example.org", TRUE },
  { "https:", TRUE },

  /* Every other scheme, however it is spelt. */
  { "javascript:alert(1)", FALSE },
  { "JavaScript:alert(1)", FALSE },
  { "vbscript:msgbox", FALSE },
  { "data:text/html;base64,PHNjcmlwdD4=", FALSE },
  { "data:image/png;base64,iVBORw0KGgo=", FALSE },
  { "file:///etc/passwd", FALSE },
  { "tel:+441234567890", FALSE },
  { "ftp://example.org/", FALSE },
  { "httpx://example.org/", FALSE },
  { "mailtox:desk@example.org", FALSE },
  { "mailtoxx:desk@example.org", FALSE },
  { "C:\\Users\\desk\\photo.jpg", FALSE },
  { ":no-scheme", FALSE },
  { "caf\xc3\xa9:x", FALSE },

  /* Browsers ignore white space and controls inside a scheme: so do we. */
  { " javascript:alert(1)", FALSE },
  { "java\tscript:alert(1)", FALSE },
  { "java\nscript:alert(1)", FALSE },
  { "jav\x01" "ascript:alert(1)", FALSE },
  { "java\x7fscript:alert(1)", FALSE },
  { "  https://example.org/", TRUE },
  { "ht\ttp://example.org/", TRUE },
  { "h t t p s://example.org/", TRUE },
  { "\x01https://example.org/", TRUE },

  /* Relative references and fragments have no scheme. */
  { "", TRUE },
  { "photo.jpg", TRUE },
  { "images/photo.jpg", TRUE },
  { "../photo.jpg", TRUE },
  { "/absolute/path", TRUE },
  { "//example.org/photo.jpg", TRUE },
  { "#section", TRUE },
  { "?page=2", TRUE },
  { "page?x=javascript:alert(1)", TRUE },
  { "section#javascript:alert(1)", TRUE },
  { "dir/javascript:alert(1)", TRUE },

  /* An entity left undecoded could hide a colon: refused before the first
   * '/', '?' or '#', and harmless after one. */
  { "javascript&colon;alert(1)", FALSE },
  { "javascript&#58;alert(1)", FALSE },
  { "javascript&#x3A;alert(1)", FALSE },
  { "&#106;avascript:alert(1)", FALSE },
  { "a&b.html", FALSE },
  { "page?a=1&b=2", TRUE },
  { "https://example.org/?a=1&amp;b=2", TRUE },
};

static void
test_allow_list (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (url_cases); i++)
    {
      g_test_message ("cd_url_is_allowed (\"%s\")", url_cases[i].url);
      g_assert_cmpint (cd_url_is_allowed (url_cases[i].url), ==, url_cases[i].allowed);
    }
}

static void
test_null (void)
{
  g_assert_false (cd_url_is_allowed (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/url/allow-list", test_allow_list);
  g_test_add_func ("/url/null", test_null);

  return g_test_run ();
}
