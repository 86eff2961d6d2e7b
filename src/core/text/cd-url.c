/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-url"

#include <string.h>

#include "cd-text.h"
#include "cd-url.h"

/**
 * cd_url_is_allowed:
 * @url: (nullable): a link's href or an image's src, as written
 *
 * The one URL policy for links and images in article bodies, which both
 * the Markdown renderer and the HTML to Markdown converter apply, so that
 * what one refuses the other never writes.
 *
 * http, https and mailto URLs (in any case), relative references and
 * fragments are allowed; every other scheme (javascript:, data:,
 * vbscript:, file: …) is refused.
 *
 * Browsers ignore ASCII white space and control characters inside a scheme
 * (` java\tscript:` runs script), so this check skips them too. Per RFC
 * 3986, a scheme is whatever comes before a ':' that precedes any '/', '?'
 * or '#': a colon there with a scheme that is not on the list (even a
 * malformed one, such as `C:\…`) means refusal. An '&' there means
 * refusal as well: an entity left undecoded (unknown, or `&#58` without
 * its ';', which browsers still read in attributes) could hide a colon, and
 * the policy refuses rather than guesses. After the first '/', '?' or '#'
 * nothing can name a scheme any more, so the rest is not looked at.
 *
 * Returns: %TRUE if @url may be a link's or an image's address; %FALSE for
 *   %NULL
 */
gboolean
cd_url_is_allowed (const char *url)
{
  /* Long enough for "mailto" and a terminator, plus one to tell a longer
   * scheme from it. */
  char scheme[8];
  size_t len = 0;
  gboolean too_long = FALSE;

  if (url == NULL)
    return FALSE;

  for (const char *p = url; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c <= 0x20 || c == 0x7f)
        continue;
      if (c == '/' || c == '?' || c == '#')
        return TRUE;
      if (c == '&')
        return FALSE;
      if (c == ':')
        {
          if (too_long)
            return FALSE;
          scheme[len] = '\0';
          return strcmp (scheme, "http") == 0 ||
                 strcmp (scheme, "https") == 0 ||
                 strcmp (scheme, "mailto") == 0;
        }
      if (len < sizeof scheme - 1)
        scheme[len++] = g_ascii_tolower (c);
      else
        too_long = TRUE;
    }

  return TRUE;
}

/* Skips an RFC 3986 scheme and its colon; NULL when @text does not start
 * with a scheme followed by at least one more character. */
static const char *
skip_scheme (const char *text)
{
  const char *p = text;

  if (!g_ascii_isalpha (*p))
    return NULL;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  if (*p != ':' || p[1] == '\0')
    return NULL;

  return p + 1;
}

/**
 * cd_url_is_absolute_uri:
 * @text: (nullable): text
 *
 * Whether @text is an absolute URI as RFC 3986 defines it (`format: uri`
 * in JSON Schema): a scheme, then only ASCII characters a URI may hold,
 * with valid percent escapes, at most one fragment, and a structure that
 * GLib can parse.
 *
 * Returns: %TRUE for an absolute URI; %FALSE for %NULL
 */
gboolean
cd_url_is_absolute_uri (const char *text)
{
  const char *p;
  gboolean in_fragment = FALSE;

  if (text == NULL)
    return FALSE;

  p = skip_scheme (text);
  if (p == NULL)
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == '%')
        {
          if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
            return FALSE;
          p += 2;
        }
      else if (*p == '#')
        {
          if (in_fragment)
            return FALSE;
          in_fragment = TRUE;
        }
      else if (!g_ascii_isalnum (*p) && strchr ("-._~:/?[]@!$&'()*+,;=", *p) == NULL)
        {
          return FALSE;
        }
    }

  return g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL);
}

/* Parses @text when it is an absolute IRI (see cd_url_is_absolute_iri()). */
static GUri *
parse_absolute_iri (const char *text)
{
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  p = skip_scheme (text);
  if (p == NULL)
    return NULL;

  /* GLib's parser lets white space, controls and characters such as '<'
   * or '"' through, which no URI holds unescaped: they are refused here. */
  for (; *p != '\0'; p++)
    {
      if (*p == '%')
        {
          if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
            return NULL;
          p += 2;
        }
      else if ((guchar) *p < 0x80 && !g_ascii_isalnum (*p) &&
               strchr ("-._~:/?#[]@!$&'()*+,;=", *p) == NULL)
        {
          return NULL;
        }
    }

  return g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
}

/**
 * cd_url_is_absolute_iri:
 * @text: (nullable): text
 *
 * Whether @text is an absolute URI (RFC 3986) or IRI (RFC 3987): valid
 * UTF-8, a scheme, then only characters a URI may hold or non-ASCII
 * characters, valid percent escapes and a structure that GLib can parse.
 *
 * Returns: %TRUE for an absolute IRI; %FALSE for %NULL
 */
gboolean
cd_url_is_absolute_iri (const char *text)
{
  g_autoptr(GUri) uri = parse_absolute_iri (text);

  return uri != NULL;
}

/**
 * cd_url_is_web_address:
 * @text: (nullable): text, as written
 *
 * The one test of whether text is an absolute web address: an absolute
 * IRI (see cd_url_is_absolute_iri()) whose scheme is http or https, in any
 * case, and which has a host. Userinfo, a port and an IPv6 literal host
 * are allowed; white space and control characters are refused anywhere,
 * around the address too, because a file's value is taken as it is
 * written and a padded address is not one a browser or CMS is given.
 *
 * Whether a lead image is on the web, which author pages and image base
 * URLs an export may write and which sources an import keeps all follow
 * this test, so that they agree with each other. Every web address is
 * also allowed by cd_url_is_allowed().
 *
 * Returns: %TRUE for an absolute http or https URL with a host; %FALSE for
 *   %NULL
 */
gboolean
cd_url_is_web_address (const char *text)
{
  g_autoptr(GUri) uri = parse_absolute_iri (text);
  const char *scheme;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "http") == 0) &&
         !cd_text_is_blank (g_uri_get_host (uri));
}
