/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the two files of the word diff share: the tokens and keys that
 * cd-word-diff-myers.c cuts and compares, and that cd-word-diff.c turns
 * into operations. */

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

G_END_DECLS
