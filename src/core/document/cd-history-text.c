/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The text differences CdHistory records: the one change that turns a
 * text into another, applying it either way, and whether a change made by
 * typing joins the one before it in a single step. */

#include "config.h"

#define G_LOG_DOMAIN "cd-history"

#include <string.h>

#include "cd-history-private.h"
#include "cd-field.h"

/* Text differences */

const char *
cd_history_safe (const char *text)
{
  return text != NULL ? text : "";
}

/* The one change that turns @before into @after: the longest common start
 * and end, in whole characters. */
void
cd_history_diff_text (const char  *before,
                      const char  *after,
                      int         *offset,
                      char       **removed,
                      char       **inserted)
{
  size_t before_len = strlen (before);
  size_t after_len = strlen (after);
  size_t start = 0;
  size_t before_end = before_len;
  size_t after_end = after_len;

  while (start < before_len && start < after_len && before[start] == after[start])
    start++;
  /* Back to the start of a character. */
  while (start > 0 && (before[start] & 0xC0) == 0x80)
    start--;

  while (before_end > start && after_end > start &&
         before[before_end - 1] == after[after_end - 1])
    {
      before_end--;
      after_end--;
    }
  /* Forward to the start of a character, in both (their tails are equal). */
  while (before_end < before_len && (before[before_end] & 0xC0) == 0x80)
    {
      before_end++;
      after_end++;
    }

  *offset = (int) g_utf8_strlen (before, (gssize) start);
  *removed = g_strndup (before + start, before_end - start);
  *inserted = g_strndup (after + start, after_end - start);
}

/* @text with @length characters at character @offset replaced by @with, or
 * NULL when @text is too short (it changed behind the history's back). */
char *
cd_history_splice_text (const char *text,
                        int         offset,
                        const char *expected,
                        const char *with)
{
  long length = (long) strlen (text);
  long chars = g_utf8_strlen (text, length);
  long expected_chars = g_utf8_strlen (expected, -1);
  const char *start;
  const char *end;
  GString *result;

  if (offset < 0 || offset + expected_chars > chars)
    return NULL;

  start = g_utf8_offset_to_pointer (text, offset);
  end = g_utf8_offset_to_pointer (start, expected_chars);
  if (strncmp (start, expected, (size_t) (end - start)) != 0)
    return NULL;

  result = g_string_sized_new ((gsize) length + strlen (with));
  g_string_append_len (result, text, start - text);
  g_string_append (result, with);
  g_string_append (result, end);
  return g_string_free (result, FALSE);
}

static gboolean
is_space (const char *text)
{
  return text[0] != '\0' && g_unichar_isspace (g_utf8_get_char (text));
}

static gboolean
ends_with_space (const char *text)
{
  const char *last;

  if (text[0] == '\0')
    return FALSE;
  last = g_utf8_find_prev_char (text, text + strlen (text));
  return last != NULL && g_unichar_isspace (g_utf8_get_char (last));
}

/* Whether typing @next can cd_history_join @last, as GtkTextView's history groups
 * typing: insertions right after the last one, or deletions right before
 * (Backspace) or at (Delete) the last one, until a new word starts. */
gboolean
cd_history_can_join (Entry *last,
                     Entry *next)
{
  gboolean last_inserts, next_inserts;

  if (last->kind != ENTRY_TEXT || next->kind != ENTRY_TEXT ||
      last->target != next->target || last->property != next->property)
    return FALSE;

  last_inserts = last->removed[0] == '\0' && last->inserted[0] != '\0';
  next_inserts = next->removed[0] == '\0' && next->inserted[0] != '\0';

  if (last_inserts && next_inserts)
    {
      if (next->offset != last->offset + (int) g_utf8_strlen (last->inserted, -1))
        return FALSE;
      /* A word typed after a space starts a step; so does a new line. */
      if (ends_with_space (last->inserted) && !is_space (next->inserted))
        return FALSE;
      return strchr (next->inserted, '\n') == NULL;
    }

  if (last->inserted[0] == '\0' && next->inserted[0] == '\0' &&
      last->removed[0] != '\0' && next->removed[0] != '\0')
    {
      /* Backspace */
      if (next->offset + (int) g_utf8_strlen (next->removed, -1) == last->offset)
        return !(ends_with_space (next->removed) && !is_space (last->removed));
      /* Delete */
      if (next->offset == last->offset)
        return !(is_space (next->removed) && !ends_with_space (last->removed));
    }

  return FALSE;
}

void
cd_history_join (Entry *last,
                 Entry *next)
{
  char *joined;

  if (next->inserted[0] != '\0')
    {
      joined = g_strconcat (last->inserted, next->inserted, NULL);
      g_free (last->inserted);
      last->inserted = joined;
    }
  else if (next->offset < last->offset)
    {
      joined = g_strconcat (next->removed, last->removed, NULL);
      g_free (last->removed);
      last->removed = joined;
      last->offset = next->offset;
    }
  else
    {
      joined = g_strconcat (last->removed, next->removed, NULL);
      g_free (last->removed);
      last->removed = joined;
    }
  last->new_edited = next->new_edited;
}
