/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Moved paragraphs: a deleted paragraph that is inserted elsewhere, as it
 * was or with a few edits. See cd-word-diff.h. */

#include "config.h"

#define G_LOG_DOMAIN "cd-word-diff"

#include <string.h>

#include "cd-word-diff-private.h"

/* A paragraph must have this many words to be reported as moved, so that a
 * lone "* * *" or a repeated one-word line is not. */
#define MOVE_MIN_WORDS 2

/* A paragraph moved and edited too: it has this many words, and this share
 * of its words (Dice's coefficient) is in the other. Only paragraphs of
 * different changed stretches are compared, at most this many pairs, and
 * each must be more like the other than like any paragraph of its own
 * stretch, so that a paragraph edited where it stands is not taken for a
 * move. */
#define NEAR_MOVE_MIN_WORDS 5
#define NEAR_MOVE_SIMILARITY 0.75
#define NEAR_MOVE_MAX_PAIRS 40000

static void
add_move (CdWordDiff *self,
          Paragraph  *from,
          Paragraph  *to)
{
  /* The paragraphs without the blank lines after them, which may differ
   * for the last paragraph of a text. */
  Move move = { from->start, from->start + from->key.length, to->start, to->start + to->key.length };

  g_array_append_val (self->moves, move);
  from->move = to->move = ++self->n_moves;
}

static int
compare_hashes (gconstpointer a,
                gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* The hashes of a paragraph's words, sorted, or NULL if it is no candidate
 * for a near move. */
static GArray *
word_hashes (const char      *text,
             const Paragraph *paragraph)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));

  if (paragraph->paired || paragraph->move != 0)
    return NULL;

  cd_word_diff_tokenize (text, paragraph->start, paragraph->end, tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      if (token->kind == TOKEN_WORD)
        g_array_append_val (hashes, token->key.hash);
    }

  if (hashes->len < NEAR_MOVE_MIN_WORDS)
    return NULL;

  g_array_sort (hashes, compare_hashes);
  return g_steal_pointer (&hashes);
}

static void
free_hashes (gpointer hashes)
{
  if (hashes != NULL)
    g_array_unref (hashes);
}

static double
similarity (GArray *x,
            GArray *y)
{
  guint i = 0;
  guint j = 0;
  guint common = 0;

  while (i < x->len && j < y->len)
    {
      guint64 a = g_array_index (x, guint64, i);
      guint64 b = g_array_index (y, guint64, j);

      if (a == b)
        {
          common++;
          i++;
          j++;
        }
      else if (a < b)
        i++;
      else
        j++;
    }

  return 2.0 * common / (x->len + y->len);
}

/* Pairs a deleted paragraph with the most similar inserted one of another
 * changed stretch: moved, and edited too. Its edits count as words added
 * and removed. */
static void
find_near_moves (CdWordDiff *self,
                 GArray     *old_paragraphs,
                 GArray     *new_paragraphs)
{
  g_autoptr(GPtrArray) old_words = g_ptr_array_new_with_free_func (free_hashes);
  g_autoptr(GPtrArray) new_words = g_ptr_array_new_with_free_func (free_hashes);
  g_autofree double *old_in_place = NULL;
  g_autofree double *new_in_place = NULL;
  guint n_old = 0;
  guint n_new = 0;

  for (guint i = 0; i < old_paragraphs->len; i++)
    {
      GArray *hashes = word_hashes (self->old_text, &g_array_index (old_paragraphs, Paragraph, i));

      g_ptr_array_add (old_words, hashes);
      n_old += hashes != NULL;
    }
  if (n_old == 0)
    return;
  for (guint i = 0; i < new_paragraphs->len; i++)
    {
      GArray *hashes = word_hashes (self->new_text, &g_array_index (new_paragraphs, Paragraph, i));

      g_ptr_array_add (new_words, hashes);
      n_new += hashes != NULL;
    }
  if (n_new == 0 || (guint64) n_old * n_new > NEAR_MOVE_MAX_PAIRS)
    return;

  /* How like each paragraph is to one of its own stretch: the edit in
   * place that a move must beat. */
  old_in_place = g_new0 (double, old_paragraphs->len);
  new_in_place = g_new0 (double, new_paragraphs->len);
  for (guint i = 0; i < old_paragraphs->len; i++)
    {
      const Paragraph *from = &g_array_index (old_paragraphs, Paragraph, i);

      for (guint j = 0; old_words->pdata[i] != NULL && j < new_paragraphs->len; j++)
        {
          const Paragraph *to = &g_array_index (new_paragraphs, Paragraph, j);
          double value;

          if (new_words->pdata[j] == NULL || to->stretch != from->stretch)
            continue;

          value = similarity (old_words->pdata[i], new_words->pdata[j]);
          old_in_place[i] = MAX (old_in_place[i], value);
          new_in_place[j] = MAX (new_in_place[j], value);
        }
    }

  for (guint i = 0; i < old_paragraphs->len; i++)
    {
      Paragraph *from = &g_array_index (old_paragraphs, Paragraph, i);
      Paragraph *best = NULL;
      double best_similarity = NEAR_MOVE_SIMILARITY;

      if (old_words->pdata[i] == NULL)
        continue;

      for (guint j = 0; j < new_paragraphs->len; j++)
        {
          Paragraph *to = &g_array_index (new_paragraphs, Paragraph, j);
          double value;

          if (new_words->pdata[j] == NULL || to->move != 0 || to->stretch == from->stretch)
            continue;

          value = similarity (old_words->pdata[i], new_words->pdata[j]);
          if (value >= best_similarity && value > old_in_place[i] && value > new_in_place[j])
            {
              best = to;
              best_similarity = value;
            }
        }

      if (best != NULL)
        {
          g_autoptr(CdWordDiff) edits = NULL;

          add_move (self, from, best);
          edits = cd_word_diff_dup_move (self, from->move);
          self->words_added += edits->words_added;
          self->words_removed += edits->words_removed;
        }
    }
}

/* Pairs each deleted paragraph with an inserted one of the same text
 * elsewhere: those moved. */
void
cd_word_diff_find_moves (CdWordDiff       *self,
                         GArray           *old_paragraphs,
                         GArray           *new_paragraphs,
                         const GByteArray *script)
{
  g_autoptr(GHashTable) inserted = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         NULL, (GDestroyNotify) g_array_unref);
  guint ai = 0;
  guint bi = 0;
  guint stretch = 0;

  for (guint i = 0; i < script->len; i++)
    {
      if (script->data[i] == STEP_EQUAL)
        {
          g_array_index (old_paragraphs, Paragraph, ai++).paired = TRUE;
          g_array_index (new_paragraphs, Paragraph, bi++).paired = TRUE;
          stretch++;
        }
      else if (script->data[i] == STEP_DELETE)
        {
          g_array_index (old_paragraphs, Paragraph, ai++).stretch = stretch;
        }
      else
        {
          Paragraph *paragraph = &g_array_index (new_paragraphs, Paragraph, bi);
          GArray *list;

          paragraph->stretch = stretch;

          if (cd_word_diff_count (self->new_text, paragraph->start, paragraph->end) >= MOVE_MIN_WORDS)
            {
              list = g_hash_table_lookup (inserted, &paragraph->key.hash);
              if (list == NULL)
                {
                  list = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_hash_table_insert (inserted, &paragraph->key.hash, list);
                }
              g_array_append_val (list, bi);
            }
          bi++;
        }
    }

  for (guint i = 0; i < old_paragraphs->len; i++)
    {
      Paragraph *paragraph = &g_array_index (old_paragraphs, Paragraph, i);
      GArray *list;

      if (paragraph->paired)
        continue;

      list = g_hash_table_lookup (inserted, &paragraph->key.hash);
      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          Paragraph *other = &g_array_index (new_paragraphs, Paragraph, g_array_index (list, guint, j));

          if (other->move == 0 && other->key.length == paragraph->key.length &&
              memcmp (other->key.text, paragraph->key.text, paragraph->key.length) == 0)
            {
              add_move (self, paragraph, other);
              break;
            }
        }
    }

  find_near_moves (self, old_paragraphs, new_paragraphs);
}
