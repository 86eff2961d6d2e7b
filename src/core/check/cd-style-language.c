/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The house style of one language: its phrases, copied when a file is
 * layered over the defaults, and compiled once into a table of first words
 * for the scan in cd-style.c; and the words as the scan sees them. */

#include "config.h"

#define G_LOG_DOMAIN "cd-style"

#include <string.h>

#include "cd-style-private.h"

/* The style of one language */

static void
phrase_free (CdStylePhrase *phrase)
{
  g_strfreev (phrase->words);
  g_free (phrase->phrase);
  g_free (phrase->replacement);
  g_free (phrase);
}

CdStyleLanguage *
cd_style_language_new (void)
{
  CdStyleLanguage *language = g_new0 (CdStyleLanguage, 1);

  language->preferred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  language->banned = g_ptr_array_new_with_free_func (g_free);
  language->quotes = CD_STYLE_QUOTES_ANY;

  return language;
}

CdStyleLanguage *
cd_style_language_copy (const CdStyleLanguage *language)
{
  CdStyleLanguage *copy = cd_style_language_new ();
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, language->preferred);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->preferred, g_strdup (key), g_strdup (value));

  for (guint i = 0; i < language->banned->len; i++)
    g_ptr_array_add (copy->banned, g_strdup (g_ptr_array_index (language->banned, i)));

  copy->quotes = language->quotes;
  copy->words_below = language->words_below;

  return copy;
}

void
cd_style_language_free (CdStyleLanguage *language)
{
  if (language == NULL)
    return;

  g_clear_pointer (&language->preferred, g_hash_table_unref);
  g_clear_pointer (&language->banned, g_ptr_array_unref);
  g_clear_pointer (&language->first_words, g_hash_table_unref);
  g_clear_pointer (&language->phrases, g_ptr_array_unref);
  g_free (language);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* An apostrophe or hyphen joins two parts of one word: "don't", "well-known". */
static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010;
}

void
cd_style_append_folded (GString    *out,
                        const char *text,
                        gsize       length)
{
  gboolean ascii = TRUE;

  for (gsize i = 0; i < length; i++)
    {
      if ((guchar) text[i] >= 0x80)
        {
          ascii = FALSE;
          break;
        }
    }

  if (ascii)
    {
      for (gsize i = 0; i < length; i++)
        g_string_append_c (out, g_ascii_tolower (text[i]));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, (gssize) length);

      g_string_append (out, folded);
    }
}

const char *
cd_style_word_end (const char *p,
                   const char *end)
{
  const char *q = p;

  while (q < end)
    {
      gunichar c = g_utf8_get_char (q);
      const char *next = g_utf8_next_char (q);

      if (is_word_char (c))
        q = next;
      else if (q > p && is_joiner (c) && next < end && is_word_char (g_utf8_get_char (next)))
        q = next;
      else
        break;
    }

  return q;
}

char **
cd_style_split_phrase (const char *phrase)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *end = phrase + strlen (phrase);
  const char *p = phrase;

  if (!g_utf8_validate (phrase, -1, NULL))
    return NULL;

  while (p < end)
    {
      const char *q = cd_style_word_end (p, end);
      GString *folded;

      if (q == p)
        return NULL;

      folded = g_string_new (NULL);
      cd_style_append_folded (folded, p, (gsize) (q - p));
      g_ptr_array_add (words, g_string_free (folded, FALSE));

      if (q == end)
        break;
      if (*q != ' ' || q + 1 == end)
        return NULL;
      p = q + 1;
    }

  if (words->len == 0)
    return NULL;

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const CdStylePhrase *pa = *(CdStylePhrase * const *) a;
  const CdStylePhrase *pb = *(CdStylePhrase * const *) b;

  return (int) pb->n_words - (int) pa->n_words;
}

static void
add_phrase (CdStyleLanguage *language,
            const char      *text,
            const char      *replacement)
{
  CdStylePhrase *phrase;
  GPtrArray *candidates;
  char **words = cd_style_split_phrase (text);

  /* The loader refused every phrase that does not split. */
  g_assert (words != NULL);

  phrase = g_new0 (CdStylePhrase, 1);
  phrase->words = words;
  phrase->n_words = g_strv_length (words);
  phrase->phrase = g_strdup (text);
  phrase->replacement = g_strdup (replacement);
  g_ptr_array_add (language->phrases, phrase);

  candidates = g_hash_table_lookup (language->first_words, words[0]);
  if (candidates == NULL)
    {
      candidates = g_ptr_array_new ();
      g_hash_table_insert (language->first_words, g_strdup (words[0]), candidates);
    }
  g_ptr_array_add (candidates, phrase);
}

void
cd_style_language_compile (CdStyleLanguage *language)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_clear_pointer (&language->first_words, g_hash_table_unref);
  g_clear_pointer (&language->phrases, g_ptr_array_unref);

  language->phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) phrase_free);
  language->first_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < language->banned->len; i++)
    add_phrase (language, g_ptr_array_index (language->banned, i), NULL);

  g_hash_table_iter_init (&iter, language->preferred);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_phrase (language, key, value);

  g_hash_table_iter_init (&iter, language->first_words);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_longest_first);
}
