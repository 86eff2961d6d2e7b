/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The review comments of a body, {>>…<<}, as byte ranges: the spelling and
 * house-style checks skip them, since a comment or a reviewer's name is no
 * part of the story and a replacement there would edit the comment. The
 * text of a suggested insertion or deletion is still checked: the story may
 * carry it. */

#include "config.h"

#include <string.h>

#include "cd-critic.h"
#include "cd-preflight-private.h"

/* The closer of a change or highlight, after which its attribution or
 * comment follows; NULL for a comment on its own. */
static const char *
mark_closer (CdCriticKind kind)
{
  switch (kind)
    {
    case CD_CRITIC_INSERTION:
      return "++}";
    case CD_CRITIC_DELETION:
      return "--}";
    case CD_CRITIC_SUBSTITUTION:
      return "~~}";
    case CD_CRITIC_HIGHLIGHT:
      return "==}";
    case CD_CRITIC_COMMENT:
    default:
      return NULL;
    }
}

/* Returns: pairs of byte offsets (start, end) of the comments of @text, in
 * order, attributions included: a #GArray of size_t. */
GArray *
cd_check_comment_spans (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (size_t));
  g_autoptr(GPtrArray) marks = NULL;

  if (text == NULL || strstr (text, "{>>") == NULL)
    return spans;

  marks = cd_critic_parse (text);
  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const CdCriticMark *mark = g_ptr_array_index (marks, i);
      const char *closer = mark_closer (mark->kind);
      size_t start = mark->start;

      if (closer != NULL)
        {
          /* The comment that follows a change starts after its first
           * closer: CriticMarkup does not nest. */
          const char *found = g_strstr_len (text + mark->start + 3,
                                            (gssize) (mark->end - mark->start - 3), closer);

          if (found == NULL)
            continue;
          start = (size_t) (found - text) + 3;
          if (start >= mark->end || strncmp (text + start, "{>>", 3) != 0)
            continue;
        }
      g_array_append_val (spans, start);
      g_array_append_val (spans, mark->end);
    }
  return spans;
}

/* Whether the range [@start, @end) touches one of @spans. */
gboolean
cd_check_in_comment (GArray *spans,
                     size_t  start,
                     size_t  end)
{
  for (guint i = 0; i + 1 < spans->len; i += 2)
    {
      size_t span_start = g_array_index (spans, size_t, i);
      size_t span_end = g_array_index (spans, size_t, i + 1);

      if (start < span_end && end > span_start)
        return TRUE;
    }
  return FALSE;
}
