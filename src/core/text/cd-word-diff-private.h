/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the files of the word diff share: the tokens and keys that
 * cd-word-diff-myers.c cuts and compares, the paragraphs and moves that
 * cd-word-diff-moves.c pairs, and the diff that cd-word-diff.c turns into
 * operations. */

#pragma once

#include "cd-word-diff.h"

G_BEGIN_DECLS

typedef enum
{
  TOKEN_WORD,
  TOKEN_SPACE,
  TOKEN_PUNCT,
  /* A whole paragraph that moved: it never equals anything. */
  TOKEN_MOVE,
} TokenKind;

/* What Myers' algorithm compares: a stretch of text and its hash. A key
 * with no text equals nothing, not even itself. */
typedef struct
{
  const char *text;
  size_t      length;
  guint64     hash;
} Key;

typedef struct
{
  Key       key;
  size_t    start;
  size_t    end;
  TokenKind kind;
  guint     move;
  guint     words;
} Token;

/* One step of an edit script: keep, delete from the old, insert from the
 * new. */
enum
{
  STEP_EQUAL = 'e',
  STEP_DELETE = 'd',
  STEP_INSERT = 'i',
};

/* A paragraph and the blank lines after it. Only its text (without them)
 * is compared, so that the last paragraph matches its moved copy. */
typedef struct
{
  Key    key;
  size_t start;
  size_t end;
  /* From a matched pair of the paragraph script, so not moved. */
  gboolean paired;
  /* Which changed stretch it is in: the matched pairs before it. */
  guint  stretch;
  guint  move;
} Paragraph;

/* The two ends of a move, as byte ranges in the old and new text. */
typedef struct
{
  size_t old_start;
  size_t old_end;
  size_t new_start;
  size_t new_end;
} Move;

struct _CdWordDiff
{
  gatomicrefcount  ref_count;
  char            *old_text;
  char            *new_text;
  GArray          *ops;
  GArray          *moves;
  guint            words_added;
  guint            words_removed;
  guint            n_moves;
  gboolean         bounded;
};

guint64  cd_word_diff_hash     (const char *text,
                                size_t      length);
void     cd_word_diff_tokenize (const char *text,
                                size_t      start,
                                size_t      end,
                                GArray     *tokens);
guint    cd_word_diff_count    (const char *text,
                                size_t      start,
                                size_t      end);
gboolean cd_word_diff_myers    (const Key  *a,
                                size_t      a_stride,
                                size_t      n,
                                const Key  *b,
                                size_t      b_stride,
                                size_t      m,
                                guint       max_edits,
                                GByteArray *script);

void     cd_word_diff_find_moves (CdWordDiff       *self,
                                  GArray           *old_paragraphs,
                                  GArray           *new_paragraphs,
                                  const GByteArray *script);

G_END_DECLS
