/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The spell checker's word finder, on any bytes in both kinds of text:
 * every word it gives lies inside the text, after the one before, and is
 * valid UTF-8 made of letters and inner apostrophes. */

#include "config.h"

#include "cd-spell.h"
#include "fuzz-common.h"

typedef struct
{
  gsize length;
  gsize last_end;
} Words;

static gboolean
check_word (const char *text,
            gsize       start,
            gsize       end,
            gpointer    user_data)
{
  Words *words = user_data;

  g_assert_cmpuint (start, <, end);
  g_assert_cmpuint (end, <=, words->length);
  g_assert_cmpuint (start, >=, words->last_end);
  g_assert_true (g_utf8_validate_len (text + start, end - start, NULL));
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      g_assert_true (g_unichar_isalpha (ch) || g_unichar_ismark (ch)
                     || ch == '\'' || ch == 0x2019);
    }
  words->last_end = end;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_dup (data, size);
  Words markdown = { size, 0 };
  Words plain = { size, 0 };

  cd_spell_foreach_word (text, (gssize) size, CD_SPELL_TEXT_MARKDOWN, check_word, &markdown);
  cd_spell_foreach_word (text, (gssize) size, CD_SPELL_TEXT_PLAIN, check_word, &plain);
  return 0;
}
