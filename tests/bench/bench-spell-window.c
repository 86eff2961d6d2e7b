/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Spell checking as you type in the body editor, in a real window under
 * Xvfb, with the en_GB hunspell dictionary: a 10,000-word article (with
 * some misspelt words, a fenced code block, links and emphasis).
 *
 * Prints, with checking on and off:
 *  - per keystroke, the time of the insertion itself (the buffer's
 *    handlers, the spell adapter's included) and of the spell check that
 *    follows in idle time, typing in a paragraph near the top and at the end
 *    of the body;
 *  - for the whole body after loading it, the wall time until it is all
 *    checked and the longest main-loop iteration meanwhile (what a key
 *    press could wait behind).
 * Asserts nothing.
 *
 * Usage: bench-spell-window [KEYSTROKES]   (under tests/ui/run-ui-test.sh) */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cd-editor.h"
#include "cd-spell-adapter.h"
#include "cd-ui-test-util.h"

static char *
make_body (guint words)
{
  static const char * const vocabulary[] = {
    "harbour", "ferry", "council", "passengers", "crossing", "minutes", "the", "a",
    "of", "and", "to", "in", "schedule", "delays", "battery", "quay", "said",
    "mayor", "residents", "winter", "service", "fares", "route", "recieved",
    "goverment", "Ørsted", "électrique",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  guint32 seed = 12345;
  guint written = 0;

  while (written < words)
    {
      guint in_paragraph = 60 + written % 40;

      if (written % 600 == 0)
        g_string_append_printf (text, "## Section %u\n\n", written / 600 + 1);
      if (written % 2400 == 0)
        g_string_append (text, "```\nlet qwzx = frobnicate ();\n\nplugh (xyzzy);\n```\n\n");

      for (guint i = 0; i < in_paragraph && written < words; i++, written++)
        {
          const char *word;

          seed = seed * 1103515245 + 12345;
          word = vocabulary[(seed >> 16) % G_N_ELEMENTS (vocabulary)];
          if (i > 0)
            g_string_append_c (text, ' ');
          if (i % 17 == 5)
            g_string_append_printf (text, "**%s**", word);
          else if (i % 23 == 7)
            g_string_append_printf (text, "[%s](https://example.org/%u)", word, i);
          else
            g_string_append (text, word);
        }
      g_string_append (text, ".\n\n");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_stats (const char *what,
             GArray     *ms)
{
  double *v = (double *) (void *) ms->data;

  qsort (v, ms->len, sizeof (double), compare_double);
  g_print ("  %-44s median %7.3f ms   p95 %7.3f ms   max %7.3f ms\n", what,
           v[ms->len / 2], v[MIN (ms->len - 1, ms->len * 95 / 100)], v[ms->len - 1]);
}

/* Types @keystrokes letters at @offset, each followed by the idle check. */
static void
type_at (CdEditor       *editor,
         CdSpellAdapter *adapter,
         int             offset,
         guint           keystrokes,
         const char     *where)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  g_autoptr(GArray) insert_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *insert_label = g_strdup_printf ("insert, %s", where);
  g_autofree char *check_label = g_strdup_printf ("spell check after it, %s", where);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  cd_ui_test_flush ();

  for (guint i = 0; i < keystrokes; i++)
    {
      const char *key = i % 6 == 5 ? " " : "e";
      gint64 t0, t1, t2;
      double ms;

      t0 = g_get_monotonic_time ();
      gtk_text_buffer_insert_interactive_at_cursor (buffer, key, -1, TRUE);
      t1 = g_get_monotonic_time ();
      /* What the idle callback does for this keystroke. */
      cd_spell_adapter_check_now (adapter);
      t2 = g_get_monotonic_time ();

      ms = (t1 - t0) / 1000.0;
      g_array_append_val (insert_ms, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (check_ms, ms);
      cd_ui_test_flush ();
    }

  print_stats (insert_label, insert_ms);
  print_stats (check_label, check_ms);
}

static void
run (gboolean enabled,
     guint    keystrokes)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdSpellContext) context = cd_spell_context_new ();
  g_autofree char *body = make_body (10000);
  CdEditor *editor = CD_EDITOR (cd_editor_new ());
  CdSpellAdapter *adapter = cd_spell_adapter_get_for_view (cd_editor_get_view (editor));
  GtkWindow *window;
  gint64 start, first = 0, longest = 0;
  guint iterations = 0;

  cd_article_set_language (article, "en-GB");
  cd_spell_context_set_enabled (context, enabled);
  cd_spell_context_set_article (context, article);
  cd_editor_set_spell_context (editor, context);
  window = cd_ui_test_show (GTK_WIDGET (editor), 1280, 800);

  g_print ("checking %s, %zu bytes of Markdown:\n", enabled ? "on" : "off", strlen (body));

  /* Loading: the visible part first, then the rest in idle time. */
  start = g_get_monotonic_time ();
  cd_article_set_body (article, body);
  cd_editor_set_article (editor, article);
  while (cd_spell_adapter_is_pending (adapter) || iterations == 0)
    {
      gint64 t = g_get_monotonic_time ();

      g_main_context_iteration (NULL, FALSE);
      /* The first lays out the new text, with or without checking. */
      if (iterations == 0)
        first = g_get_monotonic_time () - t;
      else
        longest = MAX (longest, g_get_monotonic_time () - t);
      iterations++;
    }
  g_print ("  whole body checked after loading: %.1f ms, %u main-loop iterations: "
           "the first %.1f ms, the longest after it %.1f ms\n",
           (g_get_monotonic_time () - start) / 1000.0, iterations,
           first / 1000.0, longest / 1000.0);

  type_at (editor, adapter, 200, keystrokes, "top paragraph");
  type_at (editor, adapter,
           gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (cd_editor_get_buffer (editor))) - 3,
           keystrokes, "end of the body");

  cd_ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  guint keystrokes = argc > 1 ? (guint) atoi (argv[1]) : 200;

  cd_ui_test_init (&argc, &argv);
  if (keystrokes == 0)
    keystrokes = 200;

  g_print ("spell checking in the body editor, 10,000 words, %u keystrokes per place\n",
           keystrokes);
  run (TRUE, keystrokes);
  run (FALSE, keystrokes);
  return 0;
}
