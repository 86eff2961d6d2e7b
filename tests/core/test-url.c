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

/* What counts as an absolute web address: an http or https URL with a
 * host, written with only the characters an IRI may hold. */
static const UrlCase web_cases[] = {
  /* The two schemes, in any case, with a host. */
  { "http://example.org", TRUE },
  { "https://example.org/", TRUE },
  { "https://example.org/a/b.jpg?w=2&h=3#top", TRUE },
  { "HTTPS://EXAMPLE.ORG/", TRUE },
  { "Http://example.org/", TRUE },
  { "https://images.example.com/2026/", TRUE },

  /* Userinfo, ports and an IPv6 literal are parts of an authority. */
  { "https://desk:secret@example.org/", TRUE },
  { "https://example.org:8443/a.jpg", TRUE },
  { "http://[::1]:8080/a.jpg", TRUE },
  { "http://[2001:db8::7]/", TRUE },
  { "https://example.org:99999/", FALSE },
  { "https://example.org:port/", FALSE },
  { "http://[::1/", FALSE },

  /* Percent escapes must be whole; non-ASCII UTF-8 is an IRI's right. */
  { "https://example.org/caf%C3%A9.jpg", TRUE },
  { "https://example.org/caf\xc3\xa9.jpg", TRUE },
  { "https://caf\xc3\xa9.example/", TRUE },
  { "https://example.org/%zz.jpg", FALSE },
  { "https://example.org/100%", FALSE },
  { "https://example.org/\xff.jpg", FALSE },

  /* No host, no web address. */
  { "https://", FALSE },
  { "https:", FALSE },
  { "https:///path", FALSE },
  { "https:/example.org/", FALSE },
  { "https:example.org", FALSE },
  { "https://@/", FALSE },
  { "https://:80/", FALSE },

  /* White space and controls anywhere, including around the address: a
   * file's value is taken verbatim, so padding is not trimmed away. */
  { "https://example.org/a b.jpg", FALSE },
  { "https://exa mple.org/", FALSE },
  { "https://example.org/\ta.jpg", FALSE },
  { "https://example.org/\x01", FALSE },
  { "https://example.org/\x7f", FALSE },
  { " https://example.org/", FALSE },
  { "https://example.org/ ", FALSE },
  { "https://example.org/\n", FALSE },
  { "ht\ttps://example.org/", FALSE },

  /* Characters a URI never holds unescaped. */
  { "https://example.org/<script>", FALSE },
  { "https://example.org/\"x\"", FALSE },
  { "https://example.org/a\\b", FALSE },

  /* Other schemes, relative references and no text at all. */
  { "ftp://example.org/a.jpg", FALSE },
  { "file:///home/desk/a.jpg", FALSE },
  { "mailto:desk@example.org", FALSE },
  { "javascript://example.org/%0Aalert(1)", FALSE },
  { "httpx://example.org/", FALSE },
  { "urn:uuid:0b4e2f4a-6c43-4d5e-9f1a-2b3c4d5e6f70", FALSE },
  { "//example.org/a.jpg", FALSE },
  { "/images/a.jpg", FALSE },
  { "images/a.jpg", FALSE },
  { "www.example.org", FALSE },
  { "", FALSE },
};

static void
test_web_address (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (web_cases); i++)
    {
      /* Some cases are deliberately not UTF-8; TAP output must stay text. */
      g_autofree char *printable = g_utf8_make_valid (web_cases[i].url, -1);

      g_test_message ("cd_url_is_web_address (\"%s\")", printable);
      g_assert_cmpint (cd_url_is_web_address (web_cases[i].url), ==, web_cases[i].allowed);
    }

  g_assert_false (cd_url_is_web_address (NULL));
}

/* Every web address is one the Markdown allow-list lets through: the two
 * policies must never disagree about http and https. */
static void
test_web_address_is_allowed (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (web_cases); i++)
    if (web_cases[i].allowed)
      g_assert_true (cd_url_is_allowed (web_cases[i].url));
}

/* The syntax that cd_url_is_web_address() builds on: an absolute URI is
 * ASCII only, an absolute IRI may hold other characters, and neither
 * needs a host or a web scheme. */
static void
test_absolute_uri_and_iri (void)
{
  g_assert_true (cd_url_is_absolute_uri ("urn:uuid:0b4e2f4a-6c43-4d5e-9f1a-2b3c4d5e6f70"));
  g_assert_true (cd_url_is_absolute_iri ("urn:uuid:0b4e2f4a-6c43-4d5e-9f1a-2b3c4d5e6f70"));
  g_assert_true (cd_url_is_absolute_uri ("https://"));
  g_assert_true (cd_url_is_absolute_iri ("HTTPS:///path"));
  g_assert_false (cd_url_is_absolute_uri ("https://example.org/caf\xc3\xa9"));
  g_assert_true (cd_url_is_absolute_iri ("https://example.org/caf\xc3\xa9"));
  g_assert_false (cd_url_is_absolute_iri ("https://example.org/\xff"));
  g_assert_false (cd_url_is_absolute_uri ("https://example.org/a#b#c"));
  g_assert_false (cd_url_is_absolute_uri ("https://example.org/a b"));
  g_assert_false (cd_url_is_absolute_iri ("https://example.org/a b"));
  g_assert_false (cd_url_is_absolute_uri ("images/a.jpg"));
  g_assert_false (cd_url_is_absolute_iri ("images/a.jpg"));
  g_assert_false (cd_url_is_absolute_uri ("urn:"));
  g_assert_false (cd_url_is_absolute_uri (NULL));
  g_assert_false (cd_url_is_absolute_iri (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/url/allow-list", test_allow_list);
  g_test_add_func ("/url/null", test_null);
  g_test_add_func ("/url/web-address", test_web_address);
  g_test_add_func ("/url/web-address-is-allowed", test_web_address_is_allowed);
  g_test_add_func ("/url/absolute-uri-and-iri", test_absolute_uri_and_iri);

  return g_test_run ();
}
