/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The word diff: golden pairs in several scripts, moved paragraphs, the
 * readability folding, bad input, and the property that the operations
 * rebuild both texts, on random edits with a fixed seed. */

#include "config.h"

#include <string.h>

#include "cd-word-diff.h"

/* The operations with git's --word-diff markers, and moves as [<…<] and
 * {>…>}. */
static char *
render (CdWordDiff *diff)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cd_word_diff_get_n_ops (diff); i++)
    {
      const CdWordDiffOp *op = cd_word_diff_get_op (diff, i);
      size_t length = 0;
      const char *text = cd_word_diff_get_op_text (diff, op, &length);
      static const char * const open[] = { "", "{+", "[-", "[<", "{>" };
      static const char * const close[] = { "", "+}", "-]", "<]", ">}" };

      g_string_append (out, open[op->kind]);
      g_string_append_len (out, text, (gssize) length);
      g_string_append (out, close[op->kind]);
    }

  return g_string_free (out, FALSE);
}

/* Rebuilds one side from the operations. */
static char *
rebuild (CdWordDiff *diff,
         gboolean    new_side)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cd_word_diff_get_n_ops (diff); i++)
    {
      const CdWordDiffOp *op = cd_word_diff_get_op (diff, i);
      size_t length = 0;
      const char *text = cd_word_diff_get_op_text (diff, op, &length);
      gboolean wanted = op->kind == CD_WORD_DIFF_EQUAL ||
                        (new_side ? op->kind == CD_WORD_DIFF_INSERT || op->kind == CD_WORD_DIFF_MOVED_TO
                                  : op->kind == CD_WORD_DIFF_DELETE || op->kind == CD_WORD_DIFF_MOVED_FROM);

      if (op->kind == CD_WORD_DIFF_EQUAL)
        g_assert_cmpmem (text, length, cd_word_diff_get_new_text (diff) + op->other_start, length);
      if (wanted)
        g_string_append_len (out, text, (gssize) length);
    }

  return g_string_free (out, FALSE);
}

static void
assert_rebuilds (CdWordDiff *diff)
{
  g_autofree char *old_text = rebuild (diff, FALSE);
  g_autofree char *new_text = rebuild (diff, TRUE);

  g_assert_cmpstr (old_text, ==, cd_word_diff_get_old_text (diff));
  g_assert_cmpstr (new_text, ==, cd_word_diff_get_new_text (diff));
}

typedef struct
{
  const char *name;
  const char *old_text;
  const char *new_text;
  const char *expected;
  guint       added;
  guint       removed;
} Golden;

static const Golden goldens[] = {
  { "identical", "The ferry sails.", "The ferry sails.", "The ferry sails.", 0, 0 },
  { "empty", "", "", "", 0, 0 },
  { "from-empty", "", "New text here.", "{+New text here.+}", 3, 0 },
  { "to-empty", "Old text.", "", "[-Old text.-]", 0, 2 },
  { "insert", "The ferry sails.", "The new ferry sails.", "The {+new +}ferry sails.", 1, 0 },
  { "delete", "The old ferry sails.", "The ferry sails.", "The [-old -]ferry sails.", 0, 1 },
  { "replace", "The ferry sails today.", "The ferry sails tomorrow.",
    "The ferry sails [-today-]{+tomorrow+}.", 1, 1 },
  { "replace-two-words", "The quick brown fox.", "The slow red fox.",
    "The [-quick brown-]{+slow red+} fox.", 2, 2 },
  { "punctuation", "Yes, it sails.", "Yes; it sails!", "Yes[-,-]{+;+} it sails[-.-]{+!+}", 0, 0 },
  { "whitespace", "The  ferry sails.", "The ferry sails.", "The[-  -]{+ +}ferry sails.", 0, 0 },
  { "contraction", "It doesn't sail.", "It does sail.", "It [-doesn't-]{+does+} sail.", 1, 1 },
  { "number", "It cost 3.5 million.", "It cost 4.25 million.",
    "It cost [-3.5-]{+4.25+} million.", 1, 1 },
  { "german", "Die Fähre überquert den Hafen.", "Die Fähre überquerte den Fluss.",
    "Die Fähre [-überquert-]{+überquerte+} den [-Hafen-]{+Fluss+}.", 2, 2 },
  { "russian", "Паром пересёк гавань утром.", "Паром пересёк бухту вечером.",
    "Паром пересёк [-гавань утром-]{+бухту вечером+}.", 2, 2 },
  { "arabic", "عبرت العبارة الميناء صباحا", "عبرت العبارة النهر صباحا",
    "عبرت العبارة [-الميناء-]{+النهر+} صباحا", 1, 1 },
  { "greek", "Το πλοίο έφυγε νωρίς.", "Το πλοίο έφυγε αργά.", "Το πλοίο έφυγε [-νωρίς-]{+αργά+}.", 1, 1 },
  { "japanese", "フェリーは港を渡った。", "フェリーは川を渡った。",
    "フェリーは[-港-]{+川+}を渡った。", 1, 1 },
  { "chinese", "渡轮今天穿过港口。", "渡轮昨天穿过港口。", "渡轮[-今-]{+昨+}天穿过港口。", 1, 1 },
  { "emoji", "Great news 👍 today", "Great news 🎉 today", "Great news [-👍-]{+🎉+} today", 0, 0 },
  { "emoji-sequence", "Team 👩‍👩‍👧 won", "Team 👩‍👩‍👦 won", "Team [-👩‍👩‍👧-]{+👩‍👩‍👦+} won", 0, 0 },
  { "flag", "Go 🇩🇪 now", "Go 🇫🇷 now", "Go [-🇩🇪-]{+🇫🇷+} now", 0, 0 },
  { "new-paragraph", "First paragraph here.\n\nSecond one.",
    "First paragraph here.\n\nA new one.\n\nSecond one.",
    "First paragraph here.\n\n{+A new one.\n\n+}Second one.", 3, 0 },
  { "moved-paragraph",
    "Alpha paragraph text.\n\nBeta paragraph text.\n\nGamma paragraph text.\n\nDelta paragraph text.",
    "Beta paragraph text.\n\nGamma paragraph text.\n\nDelta paragraph text.\n\nAlpha paragraph text.",
    "[<Alpha paragraph text.\n\n<]Beta paragraph text.\n\nGamma paragraph text.\n\nDelta paragraph text.{+\n\n+}{>Alpha paragraph text.>}",
    0, 0 },
};

static void
test_golden (gconstpointer data)
{
  const Golden *golden = data;
  g_autoptr(CdWordDiff) diff = cd_word_diff_new (golden->old_text, golden->new_text);
  g_autofree char *rendered = render (diff);

  g_assert_cmpstr (rendered, ==, golden->expected);
  g_assert_cmpuint (cd_word_diff_get_words_added (diff), ==, golden->added);
  g_assert_cmpuint (cd_word_diff_get_words_removed (diff), ==, golden->removed);
  g_assert_true (cd_word_diff_is_equal (diff) == (strcmp (golden->old_text, golden->new_text) == 0));
  assert_rebuilds (diff);
}

static void
test_moved_pairs (void)
{
  const char *old_text = "One two three.\n\nFour five six.\n\nSeven eight nine.\n\nTen eleven twelve.\n";
  const char *new_text = "One two three.\n\nSeven eight nine.\n\nTen eleven twelve.\n\nFour five six.\n\n";
  g_autoptr(CdWordDiff) diff = cd_word_diff_new (old_text, new_text);
  guint from = 0;
  guint to = 0;

  g_assert_cmpuint (cd_word_diff_get_n_moves (diff), ==, 1);
  for (guint i = 0; i < cd_word_diff_get_n_ops (diff); i++)
    {
      const CdWordDiffOp *op = cd_word_diff_get_op (diff, i);

      if (op->kind == CD_WORD_DIFF_MOVED_FROM)
        {
          g_assert_cmpuint (op->move, ==, 1);
          g_assert_cmpuint (op->words, ==, 3);
          from++;
        }
      else if (op->kind == CD_WORD_DIFF_MOVED_TO)
        {
          g_autofree char *text = cd_word_diff_dup_op_text (diff, op);

          g_assert_cmpuint (op->move, ==, 1);
          g_assert_cmpstr (text, ==, "Four five six.\n\n");
          to++;
        }
    }
  g_assert_cmpuint (from, ==, 1);
  g_assert_cmpuint (to, ==, 1);
  /* A move is neither added nor removed. */
  g_assert_cmpuint (cd_word_diff_get_words_added (diff), ==, 0);
  g_assert_cmpuint (cd_word_diff_get_words_removed (diff), ==, 0);
  assert_rebuilds (diff);
}

/* A paragraph moved and edited on the way: still a move, its edits in
 * the move's own diff and in the counts. */
static void
test_moved_and_edited (void)
{
  const char *old_text = "The ferry left the quay at nine.\n\n"
                         "Passengers on the first crossing cheered as it docked at Eastbank.\n\n"
                         "The council plans a second boat.\n\n"
                         "Fares stay the same.";
  const char *new_text = "The ferry left the quay at nine.\n\n"
                         "The council plans a second boat.\n\n"
                         "Fares stay the same.\n\n"
                         "Passengers on the first crossing cheered loudly as it docked at Eastbank.";
  g_autoptr(CdWordDiff) diff = cd_word_diff_new (old_text, new_text);
  g_autoptr(CdWordDiff) edits = NULL;
  g_autofree char *rendered = NULL;

  g_assert_cmpuint (cd_word_diff_get_n_moves (diff), ==, 1);
  edits = cd_word_diff_dup_move (diff, 1);
  rendered = render (edits);
  g_assert_cmpstr (rendered, ==, "Passengers on the first crossing cheered {+loudly +}as it docked at Eastbank.");
  g_assert_cmpuint (cd_word_diff_get_words_added (diff), ==, 1);
  g_assert_cmpuint (cd_word_diff_get_words_removed (diff), ==, 0);
  assert_rebuilds (diff);

  /* The same edit where the paragraph stands is an edit, not a move. */
  {
    g_autoptr(CdWordDiff) in_place = cd_word_diff_new (
      "Passengers on the first crossing cheered as it docked.\n\nEnd of story here.",
      "Passengers on the first crossing cheered loudly as it docked.\n\nEnd of story here.");

    g_assert_cmpuint (cd_word_diff_get_n_moves (in_place), ==, 0);
    g_assert_cmpuint (cd_word_diff_get_words_added (in_place), ==, 1);
  }

  /* Two alike paragraphs, each edited where it stands, with an unchanged
   * one between: edits, not two moves, though each is much like the
   * other's new text. */
  {
    g_autoptr(CdWordDiff) alike = cd_word_diff_new (
      "The ferry crossed the harbour and the council paid for the boat.\n\n"
      "Nothing changed here.\n\n"
      "The ferry crossed the harbour and the council paid for the pier.",
      "The ferry crossed the harbour and the council paid for a boat.\n\n"
      "Nothing changed here.\n\n"
      "The ferry crossed the harbour and the council paid for a pier.");

    g_assert_cmpuint (cd_word_diff_get_n_moves (alike), ==, 0);
    g_assert_cmpuint (cd_word_diff_get_words_added (alike), ==, 2);
    g_assert_cmpuint (cd_word_diff_get_words_removed (alike), ==, 2);
  }
}

static void
test_short_line_not_moved (void)
{
  g_autoptr(CdWordDiff) diff = cd_word_diff_new ("* * *\n\nA long paragraph.\n\nEnd here.",
                                                 "A long paragraph.\n\n* * *\n\nEnd here.");

  /* Either way round, a line without words is no move. */
  g_assert_cmpuint (cd_word_diff_get_n_moves (diff), ==, 0);
  assert_rebuilds (diff);
}

static void
test_invalid_utf8 (void)
{
  const char old_text[] = "Caf\xc3\xa9 \xff\xfe ferry \xe2\x82";
  const char new_text[] = "Caf\xc3\xa9 \xc0 boat \xf0\x9f";
  g_autoptr(CdWordDiff) diff = cd_word_diff_new (old_text, new_text);

  g_assert_true (g_utf8_validate (cd_word_diff_get_old_text (diff), -1, NULL));
  g_assert_true (g_utf8_validate (cd_word_diff_get_new_text (diff), -1, NULL));
  g_assert_false (cd_word_diff_is_equal (diff));
  assert_rebuilds (diff);
}

static void
test_null_is_empty (void)
{
  g_autoptr(CdWordDiff) diff = cd_word_diff_new (NULL, NULL);
  g_autoptr(CdWordDiff) other = cd_word_diff_new (NULL, "Word");

  g_assert_true (cd_word_diff_is_equal (diff));
  g_assert_cmpuint (cd_word_diff_get_n_ops (diff), ==, 0);
  g_assert_cmpuint (cd_word_diff_get_words_added (other), ==, 1);
}

static void
test_boxed (void)
{
  g_autoptr(CdWordDiff) diff = cd_word_diff_new ("a b", "a c");
  CdWordDiff *copy = g_boxed_copy (CD_TYPE_WORD_DIFF, diff);

  g_assert_true (copy == diff);
  g_boxed_free (CD_TYPE_WORD_DIFF, copy);
  g_assert_cmpstr (cd_word_diff_kind_to_string (CD_WORD_DIFF_MOVED_TO), ==, "moved-to");
}

/* Random edits to a random text of words in several scripts, paragraphs
 * and punctuation: the operations must rebuild both texts and count only
 * what changed. */
static const char * const vocabulary[] = {
  "ferry", "harbour", "the", "a", "Fähre", "über", "паром", "гавань", "العبارة", "πλοίο",
  "港", "を", "フェリー", "😀", "👩‍👩‍👧", ",", ".", ";", "—", "don't", "3.5", " ", "  ", "\n",
  "\n\n", "\t", "(", ")", "«", "»", "ß", "e\xcc\x81", "10,000",
};

static void
append_random_text (GString *text,
                    GRand   *rand,
                    guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_string_append (text, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
      if (g_rand_boolean (rand))
        g_string_append_c (text, ' ');
    }
}

static void
test_random_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261208);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) old_text = g_string_new (NULL);
      g_autoptr(GString) new_text = NULL;
      g_autoptr(CdWordDiff) diff = NULL;
      guint n_edits = (guint) g_rand_int_range (rand, 0, 12);

      append_random_text (old_text, rand, (guint) g_rand_int_range (rand, 0, 200));
      new_text = g_string_new (old_text->str);

      for (guint e = 0; e < n_edits; e++)
        {
          g_autoptr(GString) piece = g_string_new (NULL);
          size_t at = new_text->len > 0 ? (size_t) g_rand_int_range (rand, 0, (gint32) new_text->len + 1) : 0;
          size_t cut;

          /* Edits land on character boundaries, as an editor's do. */
          while (at < new_text->len && (new_text->str[at] & 0xC0) == 0x80)
            at++;
          cut = at + (size_t) g_rand_int_range (rand, 0, 20);
          cut = MIN (cut, new_text->len);
          while (cut < new_text->len && (new_text->str[cut] & 0xC0) == 0x80)
            cut++;

          append_random_text (piece, rand, (guint) g_rand_int_range (rand, 0, 6));
          g_string_erase (new_text, (gssize) at, (gssize) (cut - at));
          g_string_insert (new_text, (gssize) at, piece->str);
        }

      diff = cd_word_diff_new (old_text->str, new_text->str);
      assert_rebuilds (diff);
      g_assert_true (cd_word_diff_is_equal (diff) == g_str_equal (old_text->str, new_text->str));
      if (cd_word_diff_is_equal (diff))
        {
          g_assert_cmpuint (cd_word_diff_get_words_added (diff), ==, 0);
          g_assert_cmpuint (cd_word_diff_get_words_removed (diff), ==, 0);
        }
    }
}

/* Paragraphs moved about, some edited on the way: the operations still
 * rebuild both texts, and every move has its two ends. */
static void
test_random_moves (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5081);
  guint total_moves = 0;

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autoptr(CdWordDiff) diff = NULL;
      guint n = (guint) g_rand_int_range (rand, 2, 16);
      guint from_ends = 0;
      guint to_ends = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GString) paragraph = g_string_new (NULL);

          for (guint w = 0, words = (guint) g_rand_int_range (rand, 1, 14); w < words; w++)
            g_string_append_printf (paragraph, "%sw%d", w > 0 ? " " : "", g_rand_int_range (rand, 0, 60));
          g_ptr_array_add (paragraphs, g_string_free (g_steal_pointer (&paragraph), FALSE));
        }
      g_ptr_array_add (paragraphs, NULL);
      old_text = g_strjoinv ("\n\n", (char **) paragraphs->pdata);
      g_ptr_array_remove_index (paragraphs, n);

      for (guint m = 0, moves = (guint) g_rand_int_range (rand, 0, 3); m < moves; m++)
        {
          char *moved = g_ptr_array_steal_index (paragraphs, (guint) g_rand_int_range (rand, 0, (gint32) n));

          if (g_rand_boolean (rand))
            {
              char *edited = g_strconcat (moved, " extra", NULL);

              g_free (moved);
              moved = edited;
            }
          g_ptr_array_insert (paragraphs, g_rand_int_range (rand, 0, (gint32) n), moved);
        }
      g_ptr_array_add (paragraphs, NULL);
      new_text = g_strjoinv ("\n\n", (char **) paragraphs->pdata);

      diff = cd_word_diff_new (old_text, new_text);
      assert_rebuilds (diff);
      for (guint i = 0; i < cd_word_diff_get_n_ops (diff); i++)
        {
          const CdWordDiffOp *op = cd_word_diff_get_op (diff, i);

          if (op->kind == CD_WORD_DIFF_MOVED_FROM || op->kind == CD_WORD_DIFF_MOVED_TO)
            {
              g_autoptr(CdWordDiff) edits = cd_word_diff_dup_move (diff, op->move);

              g_assert_cmpuint (op->move, >=, 1);
              g_assert_cmpuint (op->move, <=, cd_word_diff_get_n_moves (diff));
              assert_rebuilds (edits);
              if (op->kind == CD_WORD_DIFF_MOVED_FROM)
                from_ends++;
              else
                to_ends++;
            }
          else
            {
              g_assert_cmpuint (op->move, ==, 0);
            }
        }
      g_assert_cmpuint (from_ends, ==, cd_word_diff_get_n_moves (diff));
      g_assert_cmpuint (to_ends, ==, cd_word_diff_get_n_moves (diff));
      total_moves += cd_word_diff_get_n_moves (diff);
    }

  /* The seed gives moves to check. */
  g_assert_cmpuint (total_moves, >, 20);
}

/* Past the bound, a stretch is replaced whole, and still rebuilds. */
static void
test_bounded (void)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(CdWordDiff) diff = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (old_text, "a%u ", i);
      g_string_append_printf (new_text, "b%u ", i);
    }

  diff = cd_word_diff_new (old_text->str, new_text->str);
  g_assert_true (cd_word_diff_get_bounded (diff));
  g_assert_cmpuint (cd_word_diff_get_words_removed (diff), ==, 3000);
  g_assert_cmpuint (cd_word_diff_get_words_added (diff), ==, 3000);
  assert_rebuilds (diff);
}

/* A rewrite with more edits than the bound, over many paragraphs: each
 * paragraph is still compared word by word. */
static void
test_rewrite_by_paragraph (void)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(CdWordDiff) diff = NULL;

  for (guint p = 0; p < 30; p++)
    {
      g_string_append_printf (old_text, "%sKeep%u", p > 0 ? "\n\n" : "", p);
      g_string_append_printf (new_text, "%sKeep%u", p > 0 ? "\n\n" : "", p);
      for (guint i = 0; i < 100; i++)
        {
          g_string_append_printf (old_text, " a%u", i);
          g_string_append_printf (new_text, " b%u", i);
        }
    }

  diff = cd_word_diff_new (old_text->str, new_text->str);
  g_assert_false (cd_word_diff_get_bounded (diff));
  g_assert_cmpuint (cd_word_diff_get_words_removed (diff), ==, 3000);
  g_assert_cmpuint (cd_word_diff_get_words_added (diff), ==, 3000);
  /* Each paragraph's first word is kept. */
  for (guint i = 0, kept = 0; i < cd_word_diff_get_n_ops (diff); i++)
    {
      const CdWordDiffOp *op = cd_word_diff_get_op (diff, i);

      if (op->kind == CD_WORD_DIFF_EQUAL)
        kept += op->words;
      if (i + 1 == cd_word_diff_get_n_ops (diff))
        g_assert_cmpuint (kept, ==, 30);
    }
  assert_rebuilds (diff);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (size_t i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/word-diff/golden/%s", goldens[i].name);

      g_test_add_data_func (path, &goldens[i], test_golden);
    }
  g_test_add_func ("/word-diff/moved-pairs", test_moved_pairs);
  g_test_add_func ("/word-diff/moved-and-edited", test_moved_and_edited);
  g_test_add_func ("/word-diff/short-line-not-moved", test_short_line_not_moved);
  g_test_add_func ("/word-diff/rewrite-by-paragraph", test_rewrite_by_paragraph);
  g_test_add_func ("/word-diff/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/word-diff/null-is-empty", test_null_is_empty);
  g_test_add_func ("/word-diff/boxed", test_boxed);
  g_test_add_func ("/word-diff/random-edits", test_random_edits);
  g_test_add_func ("/word-diff/random-moves", test_random_moves);
  g_test_add_func ("/word-diff/bounded", test_bounded);

  return g_test_run ();
}
