/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-stats"

#include <string.h>

#include "cd-field.h"
#include "cd-markdown.h"
#include "cd-stats.h"

/**
 * CdStats:
 *
 * Statistics of an article at one moment: words, characters and paragraphs
 * of the body as readers see it (Markdown stripped), the reading time and
 * the length of each text field.
 *
 * A #CdStats is immutable and reference counted, so it can be computed in a
 * thread and handed to the UI.
 */
struct _CdStats
{
  CdTextCounts counts;
  guint        reading_seconds;
  guint        reading_minutes;
  /* One per field of the registry, by position; 0 for a field that is not
   * counted. */
  size_t       field_characters[];
};

G_DEFINE_BOXED_TYPE (CdStats, cd_stats, cd_stats_ref, cd_stats_unref)

static guint
reading_seconds_for_words (size_t words,
                           guint  words_per_minute)
{
  guint64 seconds;

  if (words == 0)
    return 0;

  /* Rounded up: one word still takes a moment to read. */
  seconds = ((guint64) words * 60 + words_per_minute - 1) / words_per_minute;

  return (guint) MIN (seconds, (guint64) G_MAXUINT);
}

/**
 * cd_stats_compute:
 * @article: a #CdArticle
 * @words_per_minute: reading speed, or 0 for %CD_DEFAULT_WORDS_PER_MINUTE
 *
 * Computes the statistics of @article as it is now.
 *
 * The body is counted as readers would read it now
 * (cd_article_dup_reader_body(): pending insertions and review comments
 * left out, pending deletions still in), as plain text after
 * cd_markdown_to_plain_text(), so that Markdown syntax, link targets and
 * the like add nothing; see
 * cd_text_count() for what counts as a word, a character and a paragraph.
 * The reading time is the body's words divided by @words_per_minute, in
 * seconds rounded up, and in minutes rounded up; it is 0 for an empty body
 * and at least one minute otherwise.
 *
 * Returns: (transfer full): the statistics
 */
CdStats *
cd_stats_compute (CdArticle *article,
                  guint      words_per_minute)
{
  g_autoptr(CdStats) self = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *reader_body = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  if (words_per_minute == 0)
    words_per_minute = CD_DEFAULT_WORDS_PER_MINUTE;

  self = g_atomic_rc_box_alloc0 (sizeof (CdStats) + cd_field_get_n_fields () * sizeof (size_t));

  /* The body counts as it would be published now: pending insertions and
   * review comments are not (yet) words for the reader. */
  reader_body = cd_article_dup_reader_body (article);
  plain = cd_markdown_to_plain_text (reader_body, -1);
  cd_text_count (plain, -1, &self->counts);

  self->reading_seconds = reading_seconds_for_words (self->counts.words, words_per_minute);
  self->reading_minutes = self->reading_seconds / 60 + (self->reading_seconds % 60 != 0);

  for (guint i = 0; i < cd_field_get_n_fields (); i++)
    {
      const CdField *field = cd_field_get_nth (i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (!cd_field_has_flags (field, CD_FIELD_COUNTED))
        continue;

      /* The body counts as readers see it, like the figures above. */
      if (strcmp (cd_field_get_id (field), "body") == 0)
        self->field_characters[i] = self->counts.characters;
      else if (cd_field_get_value (field, article, CD_FIELD_NO_INDEX, &value))
        self->field_characters[i] = cd_text_count_characters (g_value_get_string (&value));
    }

  return g_steal_pointer (&self);
}

/**
 * cd_stats_ref:
 * @self: a #CdStats
 *
 * Takes a reference on @self. Safe to call from any thread.
 *
 * Returns: (transfer full): @self
 */
CdStats *
cd_stats_ref (CdStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * cd_stats_unref:
 * @self: (transfer full): a #CdStats
 *
 * Releases a reference on @self, freeing it when it was the last one.
 */
void
cd_stats_unref (CdStats *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release (self);
}

/**
 * cd_stats_get_words:
 * @self: a #CdStats
 *
 * Returns: the number of words in the body
 */
size_t
cd_stats_get_words (const CdStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->counts.words;
}

/**
 * cd_stats_get_characters:
 * @self: a #CdStats
 *
 * Returns: the number of characters in the body, spaces included
 */
size_t
cd_stats_get_characters (const CdStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->counts.characters;
}

/**
 * cd_stats_get_characters_no_spaces:
 * @self: a #CdStats
 *
 * Returns: the number of characters in the body that are not white space
 */
size_t
cd_stats_get_characters_no_spaces (const CdStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->counts.characters_no_spaces;
}

/**
 * cd_stats_get_paragraphs:
 * @self: a #CdStats
 *
 * Returns: the number of paragraphs (blocks of text) in the body
 */
size_t
cd_stats_get_paragraphs (const CdStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->counts.paragraphs;
}

/**
 * cd_stats_get_reading_seconds:
 * @self: a #CdStats
 *
 * Returns: the time to read the body in seconds, rounded up
 */
guint
cd_stats_get_reading_seconds (const CdStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->reading_seconds;
}

/**
 * cd_stats_get_reading_minutes:
 * @self: a #CdStats
 *
 * Returns: the time to read the body in whole minutes, rounded up: 0 for an
 *   empty body, at least 1 otherwise
 */
guint
cd_stats_get_reading_minutes (const CdStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->reading_minutes;
}

/**
 * cd_stats_get_field_characters:
 * @self: a #CdStats
 * @field: a field id, such as "headline" or "image.alt"
 *
 * Gets the number of user-visible characters in a field that the registry
 * marks %CD_FIELD_COUNTED (the text fields, the body included), as
 * cd_text_count_characters() counts them. For "body" it is the characters
 * of the body's plain text, as cd_stats_get_characters().
 *
 * Returns: the number of characters, 0 for an empty, uncounted or unknown
 *   field
 */
size_t
cd_stats_get_field_characters (const CdStats *self,
                               const char    *field)
{
  const CdField *known;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (field != NULL, 0);

  known = cd_field_lookup (field);
  if (known == NULL)
    return 0;

  return self->field_characters[cd_field_get_position (known)];
}
