/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The word diff: paragraphs first, then words inside the changed stretches
 * (moved paragraphs are found in cd-word-diff-moves.c), and the operations
 * tidied for reading. See cd-word-diff.h. */

#include "config.h"

#define G_LOG_DOMAIN "cd-word-diff"

#include <string.h>

#include "cd-word-diff-private.h"

/* A stretch of a token script: equal tokens, or changed ones. */
typedef struct
{
  gboolean equal;
  guint    a0;
  guint    a1;
  guint    b0;
  guint    b1;
} Segment;

/* Equal runs of spaces and punctuation between two changes of at most
 * this many tokens are folded into them. */
#define FOLD_TOKENS 3

G_DEFINE_BOXED_TYPE (CdWordDiff, cd_word_diff, cd_word_diff_ref, cd_word_diff_unref)

/* Paragraphs */

static gboolean
is_blank_byte (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
add_paragraph (GArray     *paragraphs,
               const char *text,
               size_t      start,
               size_t      text_end,
               size_t      end)
{
  Paragraph paragraph = { 0 };

  paragraph.key.text = text + start;
  paragraph.key.length = text_end - start;
  paragraph.key.hash = cd_word_diff_hash (paragraph.key.text, paragraph.key.length);
  paragraph.start = start;
  paragraph.end = end;
  g_array_append_val (paragraphs, paragraph);
}

/* Cuts @text at blank lines: a run of white space with two line breaks. */
static GArray *
split_paragraphs (const char *text,
                  size_t      length)
{
  GArray *paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  size_t start = 0;
  size_t i = 0;

  while (i < length)
    {
      size_t j;
      guint breaks = 1;

      if (text[i] != '\n')
        {
          i++;
          continue;
        }

      for (j = i + 1; j < length && is_blank_byte (text[j]); j++)
        {
          if (text[j] == '\n')
            breaks++;
        }

      if (breaks >= 2)
        {
          add_paragraph (paragraphs, text, start, i, j);
          start = j;
        }
      i = j;
    }

  if (start < length || paragraphs->len == 0)
    add_paragraph (paragraphs, text, start, length, length);

  return paragraphs;
}

/* Operations */

static void
push_op (CdWordDiff     *self,
         CdWordDiffKind  kind,
         size_t          start,
         size_t          end,
         size_t          other_start,
         guint           move,
         guint           words)
{
  CdWordDiffOp op = { kind, start, end, kind == CD_WORD_DIFF_EQUAL ? other_start : 0, move, words };

  if (start == end)
    return;

  if (kind == CD_WORD_DIFF_INSERT)
    self->words_added += words;
  else if (kind == CD_WORD_DIFF_DELETE)
    self->words_removed += words;

  /* Text that follows on from the last operation of its kind joins it. */
  if (self->ops->len > 0 && move == 0)
    {
      CdWordDiffOp *last = &g_array_index (self->ops, CdWordDiffOp, self->ops->len - 1);

      if (last->kind == kind && last->end == start &&
          (kind != CD_WORD_DIFF_EQUAL ||
           last->other_start + (last->end - last->start) == other_start))
        {
          last->end = end;
          last->words += words;
          return;
        }
    }

  g_array_append_val (self->ops, op);
}

static void
push_equal (CdWordDiff *self,
            size_t      start,
            size_t      end,
            size_t      other_start)
{
  push_op (self, CD_WORD_DIFF_EQUAL, start, end, other_start, 0,
           cd_word_diff_count (self->old_text, start, end));
}

/* One side of a change: deleted or inserted tokens, and moved paragraphs. */
static void
push_side (CdWordDiff     *self,
           const Token    *tokens,
           guint           from,
           guint           to,
           CdWordDiffKind  kind,
           CdWordDiffKind  moved_kind)
{
  for (guint i = from; i < to; i++)
    {
      const Token *token = &tokens[i];

      if (token->kind == TOKEN_MOVE)
        push_op (self, moved_kind, token->start, token->end, 0, token->move, token->words);
      else
        push_op (self, kind, token->start, token->end, 0, 0, token->words);
    }
}

static gboolean
only_spaces_and_punctuation (const Token *tokens,
                             guint        from,
                             guint        to)
{
  if (to - from > FOLD_TOKENS)
    return FALSE;

  for (guint i = from; i < to; i++)
    {
      if (tokens[i].kind != TOKEN_SPACE && tokens[i].kind != TOKEN_PUNCT)
        return FALSE;
    }

  return TRUE;
}

/* Turns a token script into segments, folding the small equal runs
 * between two changes into one change. */
static GArray *
script_segments (const GByteArray *script,
                 const Token      *a)
{
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (Segment));
  GArray *folded = g_array_new (FALSE, FALSE, sizeof (Segment));
  guint ai = 0;
  guint bi = 0;

  for (guint i = 0; i < script->len;)
    {
      Segment segment = { script->data[i] == STEP_EQUAL, ai, ai, bi, bi };

      for (; i < script->len && (script->data[i] == STEP_EQUAL) == segment.equal; i++)
        {
          if (script->data[i] != STEP_INSERT)
            ai++;
          if (script->data[i] != STEP_DELETE)
            bi++;
        }
      segment.a1 = ai;
      segment.b1 = bi;
      g_array_append_val (raw, segment);
    }

  for (guint i = 0; i < raw->len; i++)
    {
      Segment *segment = &g_array_index (raw, Segment, i);
      Segment *last = folded->len > 0 ? &g_array_index (folded, Segment, folded->len - 1) : NULL;

      if (segment->equal && last != NULL && !last->equal && i + 1 < raw->len &&
          only_spaces_and_punctuation (a, segment->a0, segment->a1))
        {
          /* The equal run joins the change before it, and the change after
           * it joins too. */
          Segment *next = &g_array_index (raw, Segment, i + 1);

          last->a1 = next->a1;
          last->b1 = next->b1;
          i++;
          continue;
        }

      if (!segment->equal && last != NULL && !last->equal)
        {
          last->a1 = segment->a1;
          last->b1 = segment->b1;
          continue;
        }

      g_array_append_val (folded, *segment);
    }

  return folded;
}

/* Compares the paragraphs @a0 … @a1 of the old text with @b0 … @b1 of the
 * new word by word, moved paragraphs standing as one token each. */
static void
diff_stretch (CdWordDiff      *self,
              const Paragraph *old_paragraphs,
              guint            a0,
              guint            a1,
              const Paragraph *new_paragraphs,
              guint            b0,
              guint            b1)
{
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GByteArray) script = g_byte_array_new ();
  g_autoptr(GArray) segments = NULL;
  const Token *at;
  const Token *bt;

  for (int side = 0; side < 2; side++)
    {
      const Paragraph *paragraphs = side == 0 ? old_paragraphs : new_paragraphs;
      const char *text = side == 0 ? self->old_text : self->new_text;
      GArray *tokens = side == 0 ? a : b;
      guint from = side == 0 ? a0 : b0;
      guint to = side == 0 ? a1 : b1;

      for (guint i = from; i < to; i++)
        {
          const Paragraph *paragraph = &paragraphs[i];

          if (paragraph->move != 0)
            {
              Token token = { { NULL, 0, 0 }, paragraph->start, paragraph->end, TOKEN_MOVE,
                              paragraph->move,
                              cd_word_diff_count (text, paragraph->start, paragraph->end) };

              g_array_append_val (tokens, token);
            }
          else
            {
              cd_word_diff_tokenize (text, paragraph->start, paragraph->end, tokens);
            }
        }
    }

  if (!cd_word_diff_myers ((const Key *) (gconstpointer) a->data, sizeof (Token), a->len,
                           (const Key *) (gconstpointer) b->data, sizeof (Token), b->len,
                           CD_WORD_DIFF_MAX_EDITS, script))
    {
      /* Too many edits for one stretch of several paragraphs (a heavy
       * rewrite): compare them paragraph by paragraph, the first with the
       * first, so that each still shows its own changes. */
      if (a1 - a0 > 1 || b1 - b0 > 1)
        {
          for (guint i = 0; a0 + i < a1 || b0 + i < b1; i++)
            {
              guint a_from = MIN (a0 + i, a1);
              guint b_from = MIN (b0 + i, b1);

              diff_stretch (self, old_paragraphs, a_from, MIN (a_from + 1, a1),
                            new_paragraphs, b_from, MIN (b_from + 1, b1));
            }
          return;
        }
      self->bounded = TRUE;
    }

  at = (const Token *) (gconstpointer) a->data;
  bt = (const Token *) (gconstpointer) b->data;
  segments = script_segments (script, at);

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);

      if (segment->equal)
        {
          push_equal (self, at[segment->a0].start, at[segment->a1 - 1].end, bt[segment->b0].start);
          continue;
        }

      push_side (self, at, segment->a0, segment->a1, CD_WORD_DIFF_DELETE, CD_WORD_DIFF_MOVED_FROM);
      push_side (self, bt, segment->b0, segment->b1, CD_WORD_DIFF_INSERT, CD_WORD_DIFF_MOVED_TO);
    }
}

static void
diff_paragraphs (CdWordDiff *self)
{
  g_autoptr(GArray) a = split_paragraphs (self->old_text, strlen (self->old_text));
  g_autoptr(GArray) b = split_paragraphs (self->new_text, strlen (self->new_text));
  g_autoptr(GByteArray) script = g_byte_array_new ();
  const Paragraph *ap = (const Paragraph *) (gconstpointer) a->data;
  const Paragraph *bp = (const Paragraph *) (gconstpointer) b->data;
  guint ai = 0;
  guint bi = 0;

  if (!cd_word_diff_myers ((const Key *) (gconstpointer) a->data, sizeof (Paragraph), a->len,
                           (const Key *) (gconstpointer) b->data, sizeof (Paragraph), b->len,
                           CD_WORD_DIFF_MAX_EDITS, script))
    self->bounded = TRUE;

  cd_word_diff_find_moves (self, a, b, script);

  for (guint i = 0; i < script->len;)
    {
      guint a0 = ai;
      guint b0 = bi;

      /* Paragraphs whose text and blank lines after it are both the same. */
      if (script->data[i] == STEP_EQUAL &&
          ap[ai].end - ap[ai].start == bp[bi].end - bp[bi].start &&
          memcmp (self->old_text + ap[ai].start, self->new_text + bp[bi].start,
                  ap[ai].end - ap[ai].start) == 0)
        {
          push_equal (self, ap[ai].start, ap[ai].end, bp[bi].start);
          ai++;
          bi++;
          i++;
          continue;
        }

      /* A changed stretch: up to the next paragraph that is the same
       * throughout. */
      for (; i < script->len; i++)
        {
          if (script->data[i] == STEP_EQUAL && (ai > a0 || bi > b0) &&
              ap[ai].end - ap[ai].start == bp[bi].end - bp[bi].start &&
              memcmp (self->old_text + ap[ai].start, self->new_text + bp[bi].start,
                      ap[ai].end - ap[ai].start) == 0)
            break;
          if (script->data[i] != STEP_INSERT)
            ai++;
          if (script->data[i] != STEP_DELETE)
            bi++;
        }

      diff_stretch (self, ap, a0, ai, bp, b0, bi);
    }
}

/**
 * cd_word_diff_new:
 * @old_text: (nullable): the old version; %NULL is the empty text
 * @new_text: (nullable): the new version; %NULL is the empty text
 *
 * Compares two versions of a text word by word.
 *
 * Returns: (transfer full): the differences
 */
CdWordDiff *
cd_word_diff_new (const char *old_text,
                  const char *new_text)
{
  CdWordDiff *self = g_new0 (CdWordDiff, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->old_text = g_utf8_make_valid (old_text != NULL ? old_text : "", -1);
  self->new_text = g_utf8_make_valid (new_text != NULL ? new_text : "", -1);
  self->ops = g_array_new (FALSE, FALSE, sizeof (CdWordDiffOp));
  self->moves = g_array_new (FALSE, FALSE, sizeof (Move));

  if (strcmp (self->old_text, self->new_text) == 0)
    push_equal (self, 0, strlen (self->old_text), 0);
  else
    diff_paragraphs (self);

  return self;
}

/**
 * cd_word_diff_ref:
 * @self: a #CdWordDiff
 *
 * Returns: (transfer full): @self
 */
CdWordDiff *
cd_word_diff_ref (CdWordDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * cd_word_diff_unref:
 * @self: (transfer full): a #CdWordDiff
 */
void
cd_word_diff_unref (CdWordDiff *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->old_text);
  g_free (self->new_text);
  g_array_unref (self->ops);
  g_array_unref (self->moves);
  g_free (self);
}

/**
 * cd_word_diff_get_old_text:
 * @self: a #CdWordDiff
 *
 * Returns: (transfer none): the old text the operations refer to
 */
const char *
cd_word_diff_get_old_text (CdWordDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->old_text;
}

/**
 * cd_word_diff_get_new_text:
 * @self: a #CdWordDiff
 *
 * Returns: (transfer none): the new text the operations refer to
 */
const char *
cd_word_diff_get_new_text (CdWordDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->new_text;
}

/**
 * cd_word_diff_get_n_ops:
 * @self: a #CdWordDiff
 *
 * Returns: the number of operations; 0 when both texts are empty
 */
guint
cd_word_diff_get_n_ops (CdWordDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->ops->len;
}

/**
 * cd_word_diff_get_op:
 * @self: a #CdWordDiff
 * @position: less than cd_word_diff_get_n_ops()
 *
 * Returns: (transfer none): the operation at @position, in reading order
 */
const CdWordDiffOp *
cd_word_diff_get_op (CdWordDiff *self,
                     guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->ops->len, NULL);

  return &g_array_index (self->ops, CdWordDiffOp, position);
}

/**
 * cd_word_diff_get_op_text:
 * @self: a #CdWordDiff
 * @op: one of its operations
 * @length: (out): the length of the text in bytes
 *
 * Returns: (transfer none): the text of @op, not nul-terminated
 */
const char *
cd_word_diff_get_op_text (CdWordDiff         *self,
                          const CdWordDiffOp *op,
                          size_t             *length)
{
  gboolean in_new;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (op != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  in_new = op->kind == CD_WORD_DIFF_INSERT || op->kind == CD_WORD_DIFF_MOVED_TO;
  *length = op->end - op->start;
  return (in_new ? self->new_text : self->old_text) + op->start;
}

/**
 * cd_word_diff_dup_op_text:
 * @self: a #CdWordDiff
 * @op: one of its operations
 *
 * Returns: (transfer full): the text of @op
 */
char *
cd_word_diff_dup_op_text (CdWordDiff         *self,
                          const CdWordDiffOp *op)
{
  const char *text;
  size_t length = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (op != NULL, NULL);

  text = cd_word_diff_get_op_text (self, op, &length);
  return g_strndup (text, length);
}

/**
 * cd_word_diff_is_equal:
 * @self: a #CdWordDiff
 *
 * Returns: %TRUE if the two texts are the same
 */
gboolean
cd_word_diff_is_equal (CdWordDiff *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->ops->len == 0 ||
         (self->ops->len == 1 && g_array_index (self->ops, CdWordDiffOp, 0).kind == CD_WORD_DIFF_EQUAL);
}

/**
 * cd_word_diff_get_words_added:
 * @self: a #CdWordDiff
 *
 * Returns: the number of words inserted; a moved paragraph counts only
 *   for the edits made to it
 */
guint
cd_word_diff_get_words_added (CdWordDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->words_added;
}

/**
 * cd_word_diff_get_words_removed:
 * @self: a #CdWordDiff
 *
 * Returns: the number of words deleted; a moved paragraph counts only
 *   for the edits made to it
 */
guint
cd_word_diff_get_words_removed (CdWordDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->words_removed;
}

/**
 * cd_word_diff_get_n_moves:
 * @self: a #CdWordDiff
 *
 * Returns: the number of paragraphs moved
 */
guint
cd_word_diff_get_n_moves (CdWordDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_moves;
}

/**
 * cd_word_diff_dup_move:
 * @self: a #CdWordDiff
 * @move: the number of a move, from 1 to cd_word_diff_get_n_moves()
 *
 * Compares the two ends of a move: the paragraph where it was and where it
 * is now, without the blank lines after it (so the texts of its operations
 * can be shorter than those of the MOVED_FROM and MOVED_TO operations). A paragraph can be moved and edited too (when most of its words
 * are the same); the edits are in this diff, and count in
 * cd_word_diff_get_words_added() and cd_word_diff_get_words_removed().
 *
 * Returns: (transfer full): the paragraph's own changes; equal for a
 *   paragraph moved as it was
 */
CdWordDiff *
cd_word_diff_dup_move (CdWordDiff *self,
                       guint       move)
{
  const Move *ends;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (move >= 1 && move <= self->moves->len, NULL);

  ends = &g_array_index (self->moves, Move, move - 1);
  from = g_strndup (self->old_text + ends->old_start, ends->old_end - ends->old_start);
  to = g_strndup (self->new_text + ends->new_start, ends->new_end - ends->new_start);
  return cd_word_diff_new (from, to);
}

/**
 * cd_word_diff_get_bounded:
 * @self: a #CdWordDiff
 *
 * Returns: %TRUE if a stretch had more than %CD_WORD_DIFF_MAX_EDITS edits
 *   and is reported as replaced whole
 */
gboolean
cd_word_diff_get_bounded (CdWordDiff *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->bounded;
}

/**
 * cd_word_diff_kind_to_string:
 * @kind: a #CdWordDiffKind
 *
 * Returns: (transfer none): the name of @kind in JSON output: "equal",
 *   "insert", "delete", "moved-from" or "moved-to"
 */
const char *
cd_word_diff_kind_to_string (CdWordDiffKind kind)
{
  switch (kind)
    {
    case CD_WORD_DIFF_EQUAL:
      return "equal";
    case CD_WORD_DIFF_INSERT:
      return "insert";
    case CD_WORD_DIFF_DELETE:
      return "delete";
    case CD_WORD_DIFF_MOVED_FROM:
      return "moved-from";
    case CD_WORD_DIFF_MOVED_TO:
      return "moved-to";
    default:
      g_return_val_if_reached ("");
    }
}
