/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The spell checker: an enchant-2 dictionary for the article's language,
 * the house's words and a cache of results. The words to check come from
 * cd-spell-words.c; the issues for a whole article from
 * cd-spell-article.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-spell"

#include <enchant.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-spell-private.h"

G_DEFINE_QUARK (cd-spell-error-quark, cd_spell_error)

/* Results kept before the cache starts afresh: enough for a long article
 * several times over, bounded for a window kept open all day. */
#define MAX_CACHED_WORDS 50000
/* Longer "words" are not words: checked as misspelt without asking. */
#define MAX_WORD_LENGTH 100

enum
{
  RESULT_CORRECT = 1,
  RESULT_MISSPELT = 2,
};

struct _CdSpellChecker
{
  GObject        parent_instance;

  char          *language;
  char          *dictionary;
  char          *dictionary_name;
  char          *fallback_message;
  EnchantBroker *broker;
  EnchantDict   *dict;
  /* Normalized word → RESULT_*. */
  GHashTable    *cache;
  /* Case-folded house words (a set). */
  GHashTable    *house_words;
  GStrv          house_words_given;
};

G_DEFINE_FINAL_TYPE (CdSpellChecker, cd_spell_checker, G_TYPE_OBJECT)

static void
cd_spell_checker_finalize (GObject *object)
{
  CdSpellChecker *self = CD_SPELL_CHECKER (object);

  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);
  g_free (self->language);
  g_free (self->dictionary);
  g_free (self->dictionary_name);
  g_free (self->fallback_message);
  g_hash_table_unref (self->cache);
  g_hash_table_unref (self->house_words);
  g_strfreev (self->house_words_given);

  G_OBJECT_CLASS (cd_spell_checker_parent_class)->finalize (object);
}

static void
cd_spell_checker_class_init (CdSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_spell_checker_finalize;
}

static void
cd_spell_checker_init (CdSpellChecker *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->house_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* "en-gb", "en_GB" → "en_GB"; "DE" → "de". NULL when @tag does not start
 * with a language of two or three letters. */
static char *
normalize_tag (const char *tag)
{
  g_auto(GStrv) parts = NULL;
  GString *out;

  if (tag == NULL)
    return NULL;
  parts = g_strsplit_set (tag, "-_", -1);
  if (parts[0] == NULL || strlen (parts[0]) < 2 || strlen (parts[0]) > 3)
    return NULL;
  for (const char *p = parts[0]; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return NULL;
  out = g_string_new (NULL);
  for (const char *p = parts[0]; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_tolower (*p));
  /* The region, skipping a script subtag such as Latn. */
  for (guint i = 1; parts[i] != NULL; i++)
    {
      size_t n = strlen (parts[i]);
      gboolean alpha = TRUE;
      gboolean digit = TRUE;

      for (const char *p = parts[i]; *p != '\0'; p++)
        {
          alpha = alpha && g_ascii_isalpha (*p);
          digit = digit && g_ascii_isdigit (*p);
        }
      if ((n == 2 && alpha) || (n == 3 && digit))
        {
          g_string_append_c (out, '_');
          for (const char *p = parts[i]; *p != '\0'; p++)
            g_string_append_c (out, g_ascii_toupper (*p));
          break;
        }
      if (!(n == 4 && alpha))
        break;
    }
  return g_string_free (out, FALSE);
}

static void
collect_dict (const char * const lang_tag,
              const char * const provider_name,
              const char * const provider_desc,
              const char * const provider_file,
              void              *user_data)
{
  GPtrArray *tags = user_data;

  g_ptr_array_add (tags, g_strdup (lang_tag));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The dictionary for the bare @language: its own, or the usual region's
 * (en_US for English, de_DE for German), or the first there is. */
static char *
find_language_dict (EnchantBroker *broker,
                    const char    *language)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *usual = NULL;
  g_autofree char *prefix = g_strconcat (language, "_", NULL);

  if (enchant_broker_dict_exists (broker, language) == 1)
    return g_strdup (language);
  if (strcmp (language, "en") == 0)
    usual = g_strdup ("en_US");
  else
    {
      g_autofree char *region = g_ascii_strup (language, -1);

      usual = g_strconcat (prefix, region, NULL);
    }
  if (enchant_broker_dict_exists (broker, usual) == 1)
    return g_steal_pointer (&usual);

  enchant_broker_list_dicts (broker, collect_dict, tags);
  g_ptr_array_sort (tags, compare_strings);
  for (guint i = 0; i < tags->len; i++)
    {
      const char *tag = g_ptr_array_index (tags, i);

      if (g_str_has_prefix (tag, prefix) && enchant_broker_dict_exists (broker, tag) == 1)
        return g_strdup (tag);
    }
  return NULL;
}

/**
 * cd_spell_checker_new:
 * @language: a BCP 47 tag, such as "en-GB" or "de"
 * @error: where to put an error
 *
 * Opens the dictionary for @language, or falls back to one for its
 * language alone.
 *
 * Returns: (transfer full): the checker, or %NULL with @error set
 */
CdSpellChecker *
cd_spell_checker_new (const char  *language,
                      GError     **error)
{
  g_autoptr(CdSpellChecker) self = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *asked_name = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CD_TYPE_SPELL_CHECKER, NULL);
  self->language = g_strdup (language);
  asked_name = cd_spell_language_name (language);

  tag = normalize_tag (language);
  if (tag == NULL)
    {
      g_set_error (error, CD_SPELL_ERROR, CD_SPELL_ERROR_NO_DICTIONARY,
                   _("“%s” is not a language tag, so there is no dictionary to check "
                     "spelling with."), language);
      return NULL;
    }

  self->broker = enchant_broker_init ();
  if (self->broker == NULL)
    {
      g_set_error (error, CD_SPELL_ERROR, CD_SPELL_ERROR_FAILED,
                   _("The spell checker (enchant) could not start."));
      return NULL;
    }

  bare = g_strndup (tag, strcspn (tag, "_"));
  if (enchant_broker_dict_exists (self->broker, tag) == 1)
    chosen = g_strdup (tag);
  else
    chosen = find_language_dict (self->broker, bare);

  if (chosen != NULL)
    self->dict = enchant_broker_request_dict (self->broker, chosen);
  if (self->dict == NULL)
    {
      g_autofree char *package = g_strconcat ("hunspell-", tag, NULL);
      g_autofree char *named = NULL;

      g_strdelimit (package, "_", '-');
      for (char *p = package; *p != '\0'; p++)
        *p = g_ascii_tolower (*p);
      /* TRANSLATORS: a language's name and its tag, "Swahili (sw)". */
      named = strcmp (asked_name, language) != 0
              ? g_strdup_printf (C_("language", "%s (%s)"), asked_name, language)
              : g_strdup (language);
      g_set_error (error, CD_SPELL_ERROR, CD_SPELL_ERROR_NO_DICTIONARY,
                   _("There is no spelling dictionary for %s. Install the hunspell "
                     "dictionary for the language (for example the Debian package %s) "
                     "and check again."),
                   named, package);
      return NULL;
    }

  self->dictionary = g_steal_pointer (&chosen);
  self->dictionary_name = cd_spell_language_name (self->dictionary);
  /* A tag with a region that has no dictionary of its own; "en" being
   * checked with en_US is no fallback. */
  if (strcmp (self->dictionary, tag) != 0 && strcmp (tag, bare) != 0)
    self->fallback_message = g_strdup_printf (_("No dictionary for %s; checking with %s."),
                                              language, self->dictionary_name);

  return g_steal_pointer (&self);
}

const char *
cd_spell_checker_get_language (CdSpellChecker *self)
{
  g_return_val_if_fail (CD_IS_SPELL_CHECKER (self), NULL);

  return self->language;
}

const char *
cd_spell_checker_get_dictionary (CdSpellChecker *self)
{
  g_return_val_if_fail (CD_IS_SPELL_CHECKER (self), NULL);

  return self->dictionary;
}

const char *
cd_spell_checker_get_dictionary_name (CdSpellChecker *self)
{
  g_return_val_if_fail (CD_IS_SPELL_CHECKER (self), NULL);

  return self->dictionary_name;
}

const char *
cd_spell_checker_get_fallback_message (CdSpellChecker *self)
{
  g_return_val_if_fail (CD_IS_SPELL_CHECKER (self), NULL);

  return self->fallback_message;
}

/* @word with ’ as ', as the dictionaries spell it; NULL when it is not
 * UTF-8. */
static char *
normalize_word (const char *word,
                gssize      length,
                gboolean   *had_curly)
{
  gsize n = length < 0 ? strlen (word) : (gsize) length;
  GString *out;

  if (had_curly)
    *had_curly = FALSE;
  if (!g_utf8_validate_len (word, n, NULL))
    return NULL;
  out = g_string_sized_new (n);
  for (gsize i = 0; i < n; i++)
    {
      if (i + 2 < n && (guchar) word[i] == 0xE2 && (guchar) word[i + 1] == 0x80
          && (guchar) word[i + 2] == 0x99)
        {
          g_string_append_c (out, '\'');
          i += 2;
          if (had_curly)
            *had_curly = TRUE;
        }
      else
        g_string_append_c (out, word[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_house_word (CdSpellChecker *self,
               const char     *word)
{
  g_autofree char *folded = NULL;
  size_t n;

  if (g_hash_table_size (self->house_words) == 0)
    return FALSE;
  folded = g_utf8_casefold (word, -1);
  if (g_hash_table_contains (self->house_words, folded))
    return TRUE;
  /* The house's names take the possessive: "Aroha's". */
  n = strlen (folded);
  if (n > 2 && strcmp (folded + n - 2, "'s") == 0)
    {
      folded[n - 2] = '\0';
      return g_hash_table_contains (self->house_words, folded);
    }
  return FALSE;
}

/**
 * cd_spell_checker_check_word:
 * @self: the checker
 * @word: a word, as cd_spell_foreach_word() finds them
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Returns: whether @word is spelt right: in the dictionary, the user's
 *   personal dictionary, the house's words or the words ignored
 */
gboolean
cd_spell_checker_check_word (CdSpellChecker *self,
                             const char     *word,
                             gssize          length)
{
  g_autofree char *normal = NULL;
  gpointer cached;
  gboolean correct;

  g_return_val_if_fail (CD_IS_SPELL_CHECKER (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  normal = normalize_word (word, length, NULL);
  if (normal == NULL || normal[0] == '\0')
    return TRUE;
  if (strlen (normal) > MAX_WORD_LENGTH)
    return FALSE;

  cached = g_hash_table_lookup (self->cache, normal);
  if (cached != NULL)
    return GPOINTER_TO_INT (cached) == RESULT_CORRECT;

  correct = is_house_word (self, normal)
            || enchant_dict_check (self->dict, normal, (ssize_t) strlen (normal)) <= 0;
  /* enchant_dict_check() is negative on an error: not the user's mistake. */

  if (g_hash_table_size (self->cache) >= MAX_CACHED_WORDS)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_steal_pointer (&normal),
                       GINT_TO_POINTER (correct ? RESULT_CORRECT : RESULT_MISSPELT));
  return correct;
}

/**
 * cd_spell_checker_suggest:
 * @self: the checker
 * @word: a misspelt word
 * @length: its length in bytes, or -1 when nul-terminated
 * @max_suggestions: how many at most
 *
 * Returns: (transfer full): the replacements, best first, with the word's
 *   own curly apostrophes; never %NULL
 */
char **
cd_spell_checker_suggest (CdSpellChecker *self,
                          const char     *word,
                          gssize          length,
                          guint           max_suggestions)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *normal = NULL;
  gboolean curly = FALSE;
  char **suggestions;
  size_t n_suggestions = 0;

  g_return_val_if_fail (CD_IS_SPELL_CHECKER (self), g_new0 (char *, 1));
  g_return_val_if_fail (word != NULL, g_new0 (char *, 1));

  normal = normalize_word (word, length, &curly);
  if (normal == NULL || normal[0] == '\0' || strlen (normal) > MAX_WORD_LENGTH)
    return g_new0 (char *, 1);

  suggestions = enchant_dict_suggest (self->dict, normal, (ssize_t) strlen (normal),
                                      &n_suggestions);
  for (size_t i = 0; i < n_suggestions && i < max_suggestions; i++)
    {
      if (!g_utf8_validate (suggestions[i], -1, NULL))
        continue;
      if (curly)
        {
          g_auto(GStrv) pieces = g_strsplit (suggestions[i], "'", -1);
          g_autofree char *curled = g_strjoinv ("\u2019", pieces);

          g_strv_builder_add (builder, curled);
        }
      else
        g_strv_builder_add (builder, suggestions[i]);
    }
  if (suggestions != NULL)
    enchant_dict_free_string_list (self->dict, suggestions);

  return g_strv_builder_end (builder);
}

/**
 * cd_spell_checker_add_word:
 * @self: the checker
 * @word: a word
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Adds @word to the user's personal dictionary, which enchant keeps in its
 * configuration folder for every later session.
 */
void
cd_spell_checker_add_word (CdSpellChecker *self,
                           const char     *word,
                           gssize          length)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (CD_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  normal = normalize_word (word, length, NULL);
  if (normal == NULL || normal[0] == '\0' || strlen (normal) > MAX_WORD_LENGTH)
    return;
  enchant_dict_add (self->dict, normal, (ssize_t) strlen (normal));
  g_hash_table_remove_all (self->cache);
}

/**
 * cd_spell_checker_ignore_word:
 * @self: the checker
 * @word: a word
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Accepts @word for as long as the checker lives.
 */
void
cd_spell_checker_ignore_word (CdSpellChecker *self,
                              const char     *word,
                              gssize          length)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (CD_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  normal = normalize_word (word, length, NULL);
  if (normal == NULL || normal[0] == '\0' || strlen (normal) > MAX_WORD_LENGTH)
    return;
  enchant_dict_add_to_session (self->dict, normal, (ssize_t) strlen (normal));
  g_hash_table_remove_all (self->cache);
}

static gboolean
add_house_word (const char *text,
                gsize       start,
                gsize       end,
                gpointer    user_data)
{
  CdSpellChecker *self = user_data;
  g_autofree char *normal = normalize_word (text + start, (gssize) (end - start), NULL);

  if (normal != NULL && normal[0] != '\0')
    g_hash_table_add (self->house_words, g_utf8_casefold (normal, -1));
  return TRUE;
}

/**
 * cd_spell_checker_set_house_words:
 * @self: the checker
 * @words: (nullable) (array zero-terminated=1): the house's words
 *
 * Accepts @words in any case, and with a possessive "'s", in place of the
 * house words set before. An entry of several words, such as "Te Atatū",
 * accepts each of them.
 */
void
cd_spell_checker_set_house_words (CdSpellChecker     *self,
                                  const char * const *words)
{
  g_return_if_fail (CD_IS_SPELL_CHECKER (self));

  if (self->house_words_given != NULL && words != NULL
      && g_strv_equal ((const char * const *) self->house_words_given, words))
    return;
  if (self->house_words_given == NULL && (words == NULL || words[0] == NULL))
    return;

  g_strfreev (self->house_words_given);
  self->house_words_given = words && words[0] ? g_strdupv ((char **) words) : NULL;
  g_hash_table_remove_all (self->house_words);
  /* "Te Atatū" and "Hawke's Bay" give each of their words. */
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    cd_spell_foreach_word (words[i], -1, CD_SPELL_TEXT_PLAIN, add_house_word, self);
  g_hash_table_remove_all (self->cache);
}

typedef struct
{
  CdSpellChecker *self;
  GArray         *ranges;
} CheckText;

static gboolean
check_one (const char *text,
           gsize       start,
           gsize       end,
           gpointer    user_data)
{
  CheckText *check = user_data;

  if (!cd_spell_checker_check_word (check->self, text + start, (gssize) (end - start)))
    {
      guint range[2] = { (guint) start, (guint) end };

      g_array_append_vals (check->ranges, range, 2);
    }
  return TRUE;
}

/**
 * cd_spell_checker_check_text:
 * @self: the checker
 * @text: the text
 * @length: its length in bytes, or -1 when nul-terminated
 * @kind: Markdown or plain text
 *
 * Returns: (transfer full) (element-type guint): the byte ranges of the
 *   misspelt words, as start, end pairs
 */
GArray *
cd_spell_checker_check_text (CdSpellChecker  *self,
                             const char      *text,
                             gssize           length,
                             CdSpellTextKind  kind)
{
  CheckText check = { self, g_array_new (FALSE, FALSE, sizeof (guint)) };

  g_return_val_if_fail (CD_IS_SPELL_CHECKER (self), check.ranges);

  if (text != NULL)
    cd_spell_foreach_word (text, length, kind, check_one, &check);
  return check.ranges;
}
