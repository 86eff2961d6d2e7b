/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* How long the word diff takes on a 10,000-word body against an edited
 * copy (a few hundred scattered edits and a moved paragraph), and on the
 * same body without paragraph breaks, where only the word level helps. It
 * prints the times; it never fails on them. */

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cd-word-diff.h"

#define RUNS 21

static const char * const words[] = {
  "ferry", "harbour", "council", "passengers", "crossing", "battery", "pontoon", "the",
  "a", "of", "and", "to", "in", "said", "boat", "service", "new", "first", "second", "cost",
};

static void
make_body (GRand   *rand,
           GString *body,
           gboolean paragraphs)
{
  for (guint p = 0; p < 100; p++)
    {
      for (guint w = 0; w < 100; w++)
        {
          g_string_append (body, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append (body, w % 17 == 16 ? ". " : w == 99 ? "." : " ");
        }
      g_string_append (body, paragraphs ? "\n\n" : " ");
    }
}

/* Replaces, deletes or inserts a word at @n random places, and moves the
 * tenth paragraph to the end. */
static char *
edit (GRand      *rand,
      const char *text,
      guint       n,
      gboolean    move)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *moved = NULL;
  guint n_paragraphs = g_strv_length (paragraphs);
  g_autofree char *joined = NULL;

  if (move && n_paragraphs > 20)
    {
      moved = paragraphs[10];
      memmove (&paragraphs[10], &paragraphs[11], (n_paragraphs - 10) * sizeof (char *));
      paragraphs[n_paragraphs - 1] = NULL;
    }
  joined = g_strjoinv ("\n\n", paragraphs);
  g_string_assign (out, joined);
  if (moved != NULL)
    {
      g_string_append (out, "\n\n");
      g_string_append (out, moved);
    }

  for (guint i = 0; i < n; i++)
    {
      size_t at = (size_t) g_rand_int_range (rand, 0, (gint32) out->len);
      const char *space = strchr (out->str + at, ' ');
      size_t start;
      size_t end;

      if (space == NULL)
        continue;
      start = (size_t) (space - out->str) + 1;
      end = start;
      while (end < out->len && g_ascii_isalpha (out->str[end]))
        end++;

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          g_string_erase (out, (gssize) start, (gssize) (end - start));
          g_string_insert (out, (gssize) start, "edited");
          break;
        case 1:
          g_string_erase (out, (gssize) start, (gssize) (end - start));
          break;
        default:
          g_string_insert (out, (gssize) start, "inserted ");
          break;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
measure (const char *name,
         const char *old_text,
         const char *new_text)
{
  double times[RUNS];
  guint added = 0;
  guint removed = 0;
  guint moves = 0;
  gboolean bounded = FALSE;

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CdWordDiff) diff = cd_word_diff_new (old_text, new_text);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      added = cd_word_diff_get_words_added (diff);
      removed = cd_word_diff_get_words_removed (diff);
      moves = cd_word_diff_get_n_moves (diff);
      bounded = cd_word_diff_get_bounded (diff);
    }

  qsort (times, RUNS, sizeof (double), compare_doubles);
  printf ("%-34s median %8.2f ms  (min %.2f, max %.2f)  +%u −%u words, %u moved%s\n",
           name, times[RUNS / 2], times[0], times[RUNS - 1], added, removed, moves,
           bounded ? ", bounded" : "");
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) flat = g_string_new (NULL);
  g_autofree char *edited = NULL;
  g_autofree char *edited_flat = NULL;
  g_autofree char *rewritten = NULL;

  make_body (rand, body, TRUE);
  make_body (rand, flat, FALSE);
  edited = edit (rand, body->str, 300, TRUE);
  edited_flat = edit (rand, flat->str, 300, FALSE);
  rewritten = edit (rand, body->str, 5000, FALSE);

  printf ("Word diff of a 10,000-word body (%u runs each)\n", RUNS);
  measure ("identical", body->str, body->str);
  measure ("300 edits and a moved paragraph", body->str, edited);
  measure ("300 edits, no paragraph breaks", flat->str, edited_flat);
  measure ("5,000 edits", body->str, rewritten);

  return 0;
}
