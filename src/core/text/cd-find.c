/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-find"

#include <string.h>

#include "cd-find.h"
#include "cd-image.h"

/* Fields that are text but no prose to find words in: the slug is an
 * identifier (it follows the headline by itself, and changing it by hand
 * breaks the published address), and the section names a place on the site
 * whose name must match the site's. */
static const char * const not_searched[] = { "slug", "section" };

/**
 * cd_find_field_is_searched:
 * @field: a field of the registry
 *
 * Whether find and replace looks in @field: the article's own text fields,
 * those the registry counts (CD_FIELD_COUNTED), but not the identifiers
 * among them, and not the fields there is one of per author (names are
 * not edited by a search).
 *
 * Returns: %TRUE if @field is searched
 */
gboolean
cd_find_field_is_searched (const CdField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (!cd_field_has_flags (field, CD_FIELD_COUNTED) ||
      cd_field_has_flags (field, CD_FIELD_PER_AUTHOR))
    return FALSE;

  for (size_t i = 0; i < G_N_ELEMENTS (not_searched); i++)
    {
      if (strcmp (cd_field_get_id (field), not_searched[i]) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' || g_unichar_ismark (c);
}

static gboolean
same_char (gunichar    a,
           gunichar    b,
           CdFindFlags flags)
{
  if (a == b)
    return TRUE;
  if (flags & CD_FIND_MATCH_CASE)
    return FALSE;
  return g_unichar_tolower (a) == g_unichar_tolower (b) ||
         g_unichar_toupper (a) == g_unichar_toupper (b);
}

/**
 * cd_find_in_text:
 * @text: (nullable): the text to search
 * @search: what to find; empty finds nothing
 * @flags: how to match
 *
 * Finds every match of @search in @text, from the start, without overlaps.
 *
 * Returns: (transfer full) (element-type CdFindMatch): the matches in
 *   order, with character offsets and no field
 */
GArray *
cd_find_in_text (const char  *text,
                 const char  *search,
                 CdFindFlags  flags)
{
  g_autofree gunichar *hay = NULL;
  g_autofree gunichar *needle = NULL;
  GArray *matches;
  glong n_hay, n_needle;

  g_return_val_if_fail (search != NULL, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (CdFindMatch));
  if (text == NULL || *text == '\0' || *search == '\0' ||
      !g_utf8_validate (text, -1, NULL) || !g_utf8_validate (search, -1, NULL))
    return matches;

  hay = g_utf8_to_ucs4_fast (text, -1, &n_hay);
  needle = g_utf8_to_ucs4_fast (search, -1, &n_needle);

  for (glong i = 0; i + n_needle <= n_hay; i++)
    {
      CdFindMatch match = { NULL, (int) i, (int) (i + n_needle) };
      glong j;

      for (j = 0; j < n_needle; j++)
        {
          if (!same_char (hay[i + j], needle[j], flags))
            break;
        }
      if (j < n_needle)
        continue;

      if ((flags & CD_FIND_WHOLE_WORD) &&
          ((i > 0 && is_word_char (hay[i - 1]) && is_word_char (needle[0])) ||
           (i + n_needle < n_hay && is_word_char (hay[i + n_needle]) &&
            is_word_char (needle[n_needle - 1]))))
        continue;

      g_array_append_val (matches, match);
      i += n_needle - 1;
    }

  return matches;
}

static char *
replace_matches (const char *text,
                 GArray     *matches,
                 const char *replacement)
{
  GString *result = g_string_new (NULL);
  const char *from = text;

  for (guint i = 0; i < matches->len; i++)
    {
      CdFindMatch *match = &g_array_index (matches, CdFindMatch, i);
      const char *start = g_utf8_offset_to_pointer (text, match->start);
      const char *end = g_utf8_offset_to_pointer (text, match->end);

      g_string_append_len (result, from, start - from);
      g_string_append (result, replacement);
      from = end;
    }
  g_string_append (result, from);

  return g_string_free (result, FALSE);
}

/**
 * cd_find_replace_in_text:
 * @text: (nullable): the text
 * @search: what to replace
 * @replacement: what to put in its place, literally
 * @flags: how to match
 * @n_replaced: (out) (optional): how many matches were replaced
 *
 * Returns: (transfer full): @text with every match replaced (a copy of
 *   @text, or "" for %NULL, when there is none)
 */
char *
cd_find_replace_in_text (const char  *text,
                         const char  *search,
                         const char  *replacement,
                         CdFindFlags  flags,
                         guint       *n_replaced)
{
  g_autoptr(GArray) matches = NULL;

  g_return_val_if_fail (search != NULL, NULL);
  g_return_val_if_fail (replacement != NULL, NULL);

  matches = cd_find_in_text (text, search, flags);
  if (n_replaced != NULL)
    *n_replaced = matches->len;
  if (matches->len == 0)
    return g_strdup (text ? text : "");

  return replace_matches (text, matches, replacement);
}

static GObject *
get_holder (CdArticle     *article,
            const CdField *field)
{
  if (cd_field_has_flags (field, CD_FIELD_LEAD_IMAGE))
    return G_OBJECT (cd_article_get_image (article));

  return G_OBJECT (article);
}

static char *
dup_field_text (CdArticle     *article,
                const CdField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!cd_field_get_value (field, article, CD_FIELD_NO_INDEX, &value) ||
      !G_VALUE_HOLDS_STRING (&value))
    return NULL;

  return g_value_dup_string (&value);
}

static gboolean
field_in_search (const CdField *field,
                 CdFindFlags    flags)
{
  if (!cd_find_field_is_searched (field))
    return FALSE;

  return !(flags & CD_FIND_SKIP_BODY) || strcmp (cd_field_get_id (field), "body") != 0;
}

/**
 * cd_find_in_article:
 * @article: the article
 * @search: what to find; empty finds nothing
 * @flags: how to match, and whether to leave the body out
 *
 * Finds every match in the searched fields of @article
 * (cd_find_field_is_searched()), field by field in the order of the form,
 * the body last.
 *
 * Returns: (transfer full) (element-type CdFindMatch): the matches
 */
GArray *
cd_find_in_article (CdArticle   *article,
                    const char  *search,
                    CdFindFlags  flags)
{
  GArray *matches;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (search != NULL, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (CdFindMatch));
  for (guint i = 0; i < cd_field_get_n_fields (); i++)
    {
      const CdField *field = cd_field_get_nth (i);
      g_autofree char *text = NULL;
      g_autoptr(GArray) found = NULL;

      if (!field_in_search (field, flags))
        continue;

      text = dup_field_text (article, field);
      found = cd_find_in_text (text, search, flags);
      for (guint j = 0; j < found->len; j++)
        g_array_index (found, CdFindMatch, j).field = field;
      g_array_append_vals (matches, found->data, found->len);
    }

  return matches;
}

/**
 * cd_find_replace_match:
 * @article: the article
 * @match: a match that cd_find_in_article() found, with its field
 * @search: what was searched
 * @replacement: what to put in its place
 * @flags: how @search was matched
 *
 * Replaces one match, if it is still there: the field's text may have
 * changed since it was found, and then nothing is replaced.
 *
 * Returns: %TRUE if the match was replaced
 */
gboolean
cd_find_replace_match (CdArticle         *article,
                       const CdFindMatch *match,
                       const char        *search,
                       const char        *replacement,
                       CdFindFlags        flags)
{
  g_autofree char *text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) one = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (match != NULL && match->field != NULL, FALSE);
  g_return_val_if_fail (search != NULL && replacement != NULL, FALSE);

  if (!cd_find_field_is_searched (match->field))
    return FALSE;

  text = dup_field_text (article, match->field);
  found = cd_find_in_text (text, search, flags);
  one = g_array_new (FALSE, FALSE, sizeof (CdFindMatch));
  for (guint i = 0; i < found->len; i++)
    {
      CdFindMatch *candidate = &g_array_index (found, CdFindMatch, i);

      if (candidate->start == match->start && candidate->end == match->end)
        g_array_append_val (one, *candidate);
    }
  if (one->len == 0)
    return FALSE;

  new_text = replace_matches (text, one, replacement);
  g_object_set (get_holder (article, match->field),
                cd_field_get_property (match->field), new_text, NULL);
  return TRUE;
}

/**
 * cd_find_replace_all:
 * @article: the article
 * @search: what to replace; empty replaces nothing
 * @replacement: what to put in its place, literally
 * @flags: how to match, and whether to leave the body out
 * @n_per_field: (out caller-allocates) (array) (optional): an array of
 *   cd_field_get_n_fields() counts, set to the number of matches replaced
 *   in the field at each position of the registry
 *
 * Replaces every match in the searched fields of @article. Each field that
 * changes is set once; a caller with an undo history makes the whole
 * replacement one step with cd_history_begin_group().
 *
 * Returns: the number of matches replaced
 */
guint
cd_find_replace_all (CdArticle   *article,
                     const char  *search,
                     const char  *replacement,
                     CdFindFlags  flags,
                     guint       *n_per_field)
{
  guint total = 0;

  g_return_val_if_fail (CD_IS_ARTICLE (article), 0);
  g_return_val_if_fail (search != NULL, 0);
  g_return_val_if_fail (replacement != NULL, 0);

  if (n_per_field != NULL)
    memset (n_per_field, 0, sizeof (guint) * cd_field_get_n_fields ());

  for (guint i = 0; i < cd_field_get_n_fields (); i++)
    {
      const CdField *field = cd_field_get_nth (i);
      g_autofree char *text = NULL;
      g_autofree char *new_text = NULL;
      guint n = 0;

      if (!field_in_search (field, flags))
        continue;

      text = dup_field_text (article, field);
      new_text = cd_find_replace_in_text (text, search, replacement, flags, &n);
      if (n == 0)
        continue;

      g_object_set (get_holder (article, field), cd_field_get_property (field), new_text, NULL);
      total += n;
      if (n_per_field != NULL)
        n_per_field[i] = n;
    }

  return total;
}
