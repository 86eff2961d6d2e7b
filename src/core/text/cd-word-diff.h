/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A word-level comparison of two versions of a text, for reviewing what an
 * edit changed: the body and the other prose of an article.
 *
 * Both texts are cut into tokens: words (letters, digits and the marks that
 * go with them; each Han, Hiragana or Katakana character on its own, since
 * those scripts have no spaces), runs of white space, and single
 * punctuation marks or symbols (an emoji with its modifiers and joiners is
 * one). The texts are first compared paragraph by paragraph, so that a long
 * body with scattered edits is fast and a paragraph that was moved whole
 * (or nearly whole) is reported as moved; changed paragraphs are then compared word by word
 * (Myers' O(ND) algorithm, bounded: past CD_WORD_DIFF_MAX_EDITS edits in one
 * stretch, the stretch is reported as replaced whole). Small runs of spaces
 * and punctuation between two changes are folded into them, so that
 * "[-quick brown-]{+slow red+}" reads as one change, not four.
 *
 * The result is a list of operations in reading order. Putting together
 * the text of the EQUAL, DELETE and MOVED_FROM operations gives the old
 * text; the text of the EQUAL, INSERT and MOVED_TO operations gives the new
 * one. A paragraph moved and edited too is reported as moved, its edits
 * in cd_word_diff_dup_move(). A text that is not valid UTF-8 is compared with its bad bytes
 * replaced by U+FFFD, and the operations refer to that repaired text. */

/**
 * CdWordDiffKind:
 * @CD_WORD_DIFF_EQUAL: text in both versions
 * @CD_WORD_DIFF_INSERT: text only in the new version
 * @CD_WORD_DIFF_DELETE: text only in the old version
 * @CD_WORD_DIFF_MOVED_FROM: a paragraph of the old version that is
 *   elsewhere in the new one: where it was
 * @CD_WORD_DIFF_MOVED_TO: the same paragraph where it is now
 */
typedef enum
{
  CD_WORD_DIFF_EQUAL,
  CD_WORD_DIFF_INSERT,
  CD_WORD_DIFF_DELETE,
  CD_WORD_DIFF_MOVED_FROM,
  CD_WORD_DIFF_MOVED_TO,
} CdWordDiffKind;

/* The most edits Myers' algorithm looks for in one changed stretch before
 * reporting it as replaced whole: this bounds both time and memory. */
#define CD_WORD_DIFF_MAX_EDITS 2048

/**
 * CdWordDiffOp:
 * @kind: what happened to the text
 * @start: where the text starts, in bytes: in the old text for EQUAL,
 *   DELETE and MOVED_FROM, in the new text for INSERT and MOVED_TO
 * @end: where it ends (exclusive)
 * @other_start: for EQUAL, where the same text starts in the new text;
 *   else 0
 * @move: for MOVED_FROM and MOVED_TO, a number from 1 that the two ends of
 *   one move share; else 0
 * @words: how many words the text has
 *
 * One operation of a #CdWordDiff.
 */
typedef struct
{
  CdWordDiffKind kind;
  size_t         start;
  size_t         end;
  size_t         other_start;
  guint          move;
  guint          words;
} CdWordDiffOp;

typedef struct _CdWordDiff CdWordDiff;

#define CD_TYPE_WORD_DIFF (cd_word_diff_get_type ())

GType               cd_word_diff_get_type          (void) G_GNUC_CONST;
CdWordDiff         *cd_word_diff_new               (const char          *old_text,
                                                    const char          *new_text) G_GNUC_WARN_UNUSED_RESULT;
CdWordDiff         *cd_word_diff_ref               (CdWordDiff          *self);
void                cd_word_diff_unref             (CdWordDiff          *self);
const char         *cd_word_diff_get_old_text      (CdWordDiff          *self);
const char         *cd_word_diff_get_new_text      (CdWordDiff          *self);
guint               cd_word_diff_get_n_ops         (CdWordDiff          *self);
const CdWordDiffOp *cd_word_diff_get_op            (CdWordDiff          *self,
                                                    guint                position);
const char         *cd_word_diff_get_op_text       (CdWordDiff          *self,
                                                    const CdWordDiffOp  *op,
                                                    size_t              *length);
char               *cd_word_diff_dup_op_text       (CdWordDiff          *self,
                                                    const CdWordDiffOp  *op) G_GNUC_WARN_UNUSED_RESULT;
gboolean            cd_word_diff_is_equal          (CdWordDiff          *self);
guint               cd_word_diff_get_words_added   (CdWordDiff          *self);
guint               cd_word_diff_get_words_removed (CdWordDiff          *self);
guint               cd_word_diff_get_n_moves       (CdWordDiff          *self);
CdWordDiff         *cd_word_diff_dup_move          (CdWordDiff          *self,
                                                    guint                move) G_GNUC_WARN_UNUSED_RESULT;
gboolean            cd_word_diff_get_bounded       (CdWordDiff          *self);
const char         *cd_word_diff_kind_to_string    (CdWordDiffKind       kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdWordDiff, cd_word_diff_unref)

G_END_DECLS
