/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Spell checking throughput on a 10,000-word Markdown body with the real
 * en_GB hunspell dictionary: finding the words alone, checking them with an
 * empty cache (every distinct word asks hunspell) and again with a warm one
 * (as the window does after an edit), and one suggestion. Prints the times;
 * asserts nothing. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "copydesk-core.h"
#include "cd-spell.h"

static const char * const vocabulary[] = {
  "harbour", "ferry", "council", "passengers", "crossing", "minutes", "the", "a", "of",
  "and", "to", "in", "schedule", "delays", "battery", "quay", "said", "mayor", "residents",
  "winter", "service", "fares", "route", "electric", "engineers", "budget", "timetable",
  "morning", "evening", "commuters", "tide", "weather", "crew", "captain", "charging",
  "don't", "well-known", "Portmere", "recieve", "goverment", "beautifull", "colour",
};

static const char * const endings[] = { "", "", "", "s", "ed", "ing", "er", "ly" };

static char *
make_body (guint  words,
           guint *distinct)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint32 seed = 4242;
  guint written = 0;

  while (written < words)
    {
      guint in_paragraph = 50 + written % 40;

      if (written % 700 == 0)
        g_string_append_printf (text, "## Part %u\n\n", written / 700 + 1);
      for (guint i = 0; i < in_paragraph && written < words; i++, written++)
        {
          g_autofree char *word = NULL;

          seed = seed * 1103515245 + 12345;
          word = g_strconcat (vocabulary[(seed >> 16) % G_N_ELEMENTS (vocabulary)],
                              endings[(seed >> 8) % G_N_ELEMENTS (endings)], NULL);
          /* One word in nine a made-up one, so that the cache meets many
           * distinct words, as in a real article full of names. */
          if ((seed >> 4) % 9 == 0)
            {
              g_free (word);
              word = g_strdup_printf ("Name%c%c%c", 'a' + (seed >> 20) % 26,
                                      'a' + (seed >> 12) % 26, 'a' + (seed >> 24) % 26);
              g_strdelimit (word, "0123456789", 'x');
            }
          g_hash_table_add (seen, g_strdup (word));
          if (i > 0)
            g_string_append_c (text, ' ');
          if (i % 19 == 3)
            g_string_append_printf (text, "**%s**", word);
          else if (i % 29 == 11)
            g_string_append_printf (text, "[%s](https://example.org/story/%u)", word, i);
          else if (i % 31 == 13)
            g_string_append_printf (text, "`%s`", word);
          else
            g_string_append (text, word);
        }
      g_string_append (text, ".\n\n");
    }
  *distinct = g_hash_table_size (seen);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
count_word (const char *text,
            gsize       start,
            gsize       end,
            gpointer    user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20;
  guint distinct = 0;
  g_autofree char *body = make_body (10000, &distinct);
  gsize length = strlen (body);
  g_autoptr(GError) error = NULL;
  double tokenize = G_MAXDOUBLE, cold = G_MAXDOUBLE, warm = G_MAXDOUBLE, open = G_MAXDOUBLE;
  double suggest = G_MAXDOUBLE;
  guint words = 0, misspelt = 0;
  g_autofree char *config = g_dir_make_tmp ("copydesk-bench-spell-XXXXXX", NULL);

  /* enchant creates empty personal word lists where it looks for them: a
   * folder of the benchmark's own, not the user's. */
  if (config == NULL)
    {
      g_printerr ("bench-spell: no temporary folder\n");
      return 1;
    }
  g_setenv ("ENCHANT_CONFIG_DIR", config, TRUE);
  rounds = MAX (rounds, 1);
  for (guint r = 0; r < rounds; r++)
    {
      gint64 start = g_get_monotonic_time ();

      words = 0;
      cd_spell_foreach_word (body, (gssize) length, CD_SPELL_TEXT_MARKDOWN, count_word, &words);
      tokenize = MIN (tokenize, (g_get_monotonic_time () - start) / 1000.0);
    }

  for (guint r = 0; r < rounds; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(CdSpellChecker) checker = cd_spell_checker_new ("en-GB", &error);
      gint64 t1;
      g_autoptr(GArray) first = NULL;
      g_autoptr(GArray) second = NULL;
      g_auto(GStrv) suggestions = NULL;

      if (checker == NULL)
        {
          g_printerr ("bench-spell: %s\n", error->message);
          g_rmdir (config);
          return 77;
        }
      t1 = g_get_monotonic_time ();
      first = cd_spell_checker_check_text (checker, body, (gssize) length, CD_SPELL_TEXT_MARKDOWN);
      cold = MIN (cold, (g_get_monotonic_time () - t1) / 1000.0);
      open = MIN (open, (t1 - t0) / 1000.0);

      t1 = g_get_monotonic_time ();
      second = cd_spell_checker_check_text (checker, body, (gssize) length, CD_SPELL_TEXT_MARKDOWN);
      warm = MIN (warm, (g_get_monotonic_time () - t1) / 1000.0);
      misspelt = second->len / 2;

      t1 = g_get_monotonic_time ();
      suggestions = cd_spell_checker_suggest (checker, "recieve", -1, 5);
      suggest = MIN (suggest, (g_get_monotonic_time () - t1) / 1000.0);
    }

  g_print ("body: %u words found (%u distinct made), %zu bytes, best of %u rounds, en_GB\n",
           words, distinct, length, rounds);
  g_print ("finding the words:      %8.3f ms  (%.0f words/s)\n", tokenize, words / (tokenize / 1000.0));
  g_print ("checking, empty cache:  %8.3f ms  (%.0f words/s)\n", cold, words / (cold / 1000.0));
  g_print ("checking, warm cache:   %8.3f ms  (%.0f words/s)\n", warm, words / (warm / 1000.0));
  g_print ("misspelt words:         %u\n", misspelt);
  g_print ("opening the dictionary: %8.3f ms\n", open);
  g_print ("one suggestion list:    %8.3f ms\n", suggest);

  {
    g_autoptr(GDir) dir = g_dir_open (config, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (config, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (config);
  return 0;
}
