/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CriticMarkup: parsing, accepting, rejecting and the reader's view. */

#include "config.h"

#include "copydesk-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *body = fuzz_dup (data, size);
  g_autoptr(GPtrArray) marks = NULL;
  g_autofree char *reader = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *rejected = NULL;
  g_autofree char *marked_up = NULL;
  size_t len;
  size_t at = 0;

  /* The editor hands over valid UTF-8 only; so does the loader. */
  if (!g_utf8_validate_len (body, size, NULL))
    return 0;
  len = strlen (body);

  /* Marks are in order, apart and inside the body. */
  marks = cd_critic_parse (body);
  for (guint i = 0; i < marks->len; i++)
    {
      CdCriticMark *mark = g_ptr_array_index (marks, i);

      g_assert_cmpuint (mark->index, ==, i);
      g_assert_cmpuint (mark->start, >=, at);
      g_assert_cmpuint (mark->start, <, mark->end);
      g_assert_cmpuint (mark->end, <=, len);
      g_assert_true (body[mark->start] == '{' && body[mark->end - 1] == '}');
      at = mark->end;
      if (i < 8)
        {
          g_autofree char *one = cd_critic_accept (body, i);
          g_autofree char *other = cd_critic_reject (body, i);

          g_assert_true (g_utf8_validate (one, -1, NULL));
          g_assert_true (g_utf8_validate (other, -1, NULL));
        }
    }

  /* Resolving only ever removes markup: nothing grows. */
  reader = cd_critic_reader_view (body);
  g_assert_true (g_utf8_validate (reader, -1, NULL));
  g_assert_cmpuint (strlen (reader), <=, len);
  accepted = cd_critic_accept_all (body);
  g_assert_true (g_utf8_validate (accepted, -1, NULL));
  g_assert_cmpuint (strlen (accepted), <=, len);
  rejected = cd_critic_reject_all (body);
  g_assert_true (g_utf8_validate (rejected, -1, NULL));
  g_assert_cmpuint (strlen (rejected), <=, len);

  /* The marked-up view is the renderer's inert HTML plus our tags. */
  marked_up = cd_critic_render_marked_up (body);
  g_assert_true (g_utf8_validate (marked_up, -1, NULL));
  g_assert_null (strstr (marked_up, "<script"));
  return 0;
}
