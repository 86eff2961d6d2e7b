/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-url"

#include <string.h>

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
