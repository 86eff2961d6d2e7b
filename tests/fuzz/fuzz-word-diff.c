/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The word diff on any two texts, valid UTF-8 or not: no crash, and the
 * operations rebuild both (repaired) texts. The input is the old text, a
 * NUL, and the new text; without a NUL, its two halves. */

#include "config.h"

#include "copydesk-core.h"
#include "fuzz-common.h"

static void
check_rebuilds (CdWordDiff *diff)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);

  for (guint i = 0; i < cd_word_diff_get_n_ops (diff); i++)
    {
      const CdWordDiffOp *op = cd_word_diff_get_op (diff, i);
      size_t length = 0;
      const char *text = cd_word_diff_get_op_text (diff, op, &length);

      if (op->kind != CD_WORD_DIFF_INSERT && op->kind != CD_WORD_DIFF_MOVED_TO)
        g_string_append_len (old_text, text, (gssize) length);
      if (op->kind != CD_WORD_DIFF_DELETE && op->kind != CD_WORD_DIFF_MOVED_FROM)
        g_string_append_len (new_text, text, (gssize) length);
      if (op->move != 0)
        {
          g_autoptr(CdWordDiff) edits = cd_word_diff_dup_move (diff, op->move);

          g_assert_nonnull (edits);
        }
    }

  g_assert_cmpstr (old_text->str, ==, cd_word_diff_get_old_text (diff));
  g_assert_cmpstr (new_text->str, ==, cd_word_diff_get_new_text (diff));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = fuzz_dup (data, size);
  const char *nul = memchr (input, '\0', size);
  g_autofree char *old_text = NULL;
  const char *new_text;
  g_autoptr(CdWordDiff) diff = NULL;

  if (nul != NULL)
    {
      old_text = g_strdup (input);
      new_text = nul + 1;
    }
  else
    {
      old_text = g_strndup (input, size / 2);
      new_text = input + size / 2;
    }

  diff = cd_word_diff_new (old_text, new_text);
  check_rebuilds (diff);
  return 0;
}
