/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Body rendering throughput: Copydesk's safe HTML renderer against md4c's own
 * md4c-html on the same 10,000-word article, side by side in one process.
 * Prints the time per render of each and their ratio; asserts nothing. */

#include "config.h"

#include <md4c-html.h>

#include "copydesk-core.h"

static char *
make_article (guint words)
{
  static const char * const vocabulary[] = {
    "harbour", "ferry", "council", "électrique", "passengers", "crossing", "minutes",
    "the", "a", "of", "and", "to", "in", "schedule", "delays", "battery", "quay",
    "said", "mayor", "Ørsted", "residents", "winter", "service", "fares", "route",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  guint32 seed = 12345;
  guint written = 0;

  while (written < words)
    {
      guint in_paragraph = 60 + written % 40;

      if (written % 600 == 0)
        g_string_append_printf (text, "## Section %u\n\n", written / 600 + 1);

      for (guint i = 0; i < in_paragraph && written < words; i++, written++)
        {
          seed = seed * 1103515245 + 12345;
          if (i > 0)
            g_string_append_c (text, ' ');
          if (i % 17 == 5)
            g_string_append_printf (text, "**%s**", vocabulary[(seed >> 16) % G_N_ELEMENTS (vocabulary)]);
          else if (i % 23 == 7)
            g_string_append_printf (text, "[%s](https://example.org/%u)",
                                    vocabulary[(seed >> 16) % G_N_ELEMENTS (vocabulary)], i);
          else
            g_string_append (text, vocabulary[(seed >> 16) % G_N_ELEMENTS (vocabulary)]);
        }
      g_string_append (text, ".\n\n");

      if (written % 1000 < 100)
        g_string_append (text, "> A quote from the quayside, said with feeling.\n\n- one\n- two\n- three\n\n");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_cb (const MD_CHAR *text,
           MD_SIZE        size,
           void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 200;
  g_autofree char *body = make_article (10000);
  size_t length = strlen (body);
  double ours = G_MAXDOUBLE, theirs = G_MAXDOUBLE;

  /* Interleave the two renderers and keep each one's best round, so that
   * machine noise affects both alike. */
  for (guint r = 0; r < rounds; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *html = cd_markdown_to_html (body, length);
      gint64 middle = g_get_monotonic_time ();
      g_autoptr(GString) reference = g_string_new (NULL);

      md_html (body, length, append_cb, reference,
               MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS, 0);
      theirs = MIN (theirs, (g_get_monotonic_time () - middle) / 1000.0);
      ours = MIN (ours, (middle - start) / 1000.0);
    }

  g_print ("article: 10000 words, %zu bytes, best of %u rounds\n", length, rounds);
  g_print ("md4c-html:          %8.3f ms\n", theirs);
  g_print ("cd_markdown_to_html: %7.3f ms\n", ours);
  g_print ("ratio (ours / md4c-html): %.2f\n", ours / theirs);
  return 0;
}
