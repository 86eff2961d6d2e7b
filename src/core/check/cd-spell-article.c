/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Spell checking a whole article: the misspelt words of its prose fields as
 * preflight issues, and the names of languages the messages use. */

#include "config.h"

#define G_LOG_DOMAIN "cd-spell"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-image.h"
#include "cd-preflight.h"
#include "cd-preflight-private.h"
#include "cd-spell-private.h"

/* Distinct misspelt words of one article that get a suggestion in their
 * message: asking hunspell takes milliseconds a word. */
#define MAX_SUGGESTED_WORDS 200

typedef struct
{
  const char *code;
  const char *name;
} Name;

static const Name language_names[] = {
  { "cs", N_("Czech") },
  { "cy", N_("Welsh") },
  { "da", N_("Danish") },
  { "de", N_("German") },
  { "el", N_("Greek") },
  { "en", N_("English") },
  { "es", N_("Spanish") },
  { "fi", N_("Finnish") },
  { "fr", N_("French") },
  { "ga", N_("Irish") },
  { "hu", N_("Hungarian") },
  { "it", N_("Italian") },
  { "mi", N_("Māori") },
  { "nb", N_("Norwegian Bokmål") },
  { "nl", N_("Dutch") },
  { "nn", N_("Norwegian Nynorsk") },
  { "pl", N_("Polish") },
  { "pt", N_("Portuguese") },
  { "ru", N_("Russian") },
  { "sv", N_("Swedish") },
  { "sw", N_("Swahili") },
  { "tr", N_("Turkish") },
};

static const Name region_names[] = {
  { "AT", N_("Austria") },
  { "AU", N_("Australia") },
  { "BE", N_("Belgium") },
  { "BR", N_("Brazil") },
  { "CA", N_("Canada") },
  { "CH", N_("Switzerland") },
  { "DE", N_("Germany") },
  { "ES", N_("Spain") },
  { "FR", N_("France") },
  { "GB", N_("United Kingdom") },
  { "IE", N_("Ireland") },
  { "IN", N_("India") },
  { "IT", N_("Italy") },
  { "KE", N_("Kenya") },
  { "LU", N_("Luxembourg") },
  { "MX", N_("Mexico") },
  { "NL", N_("Netherlands") },
  { "NZ", N_("New Zealand") },
  { "PT", N_("Portugal") },
  { "TZ", N_("Tanzania") },
  { "US", N_("United States") },
  { "ZA", N_("South Africa") },
};

static const char *
lookup_name (const Name *names,
             gsize       n_names,
             const char *code)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (names[i].code, code) == 0)
      return _(names[i].name);
  return NULL;
}

char *
cd_spell_language_name (const char *tag)
{
  g_auto(GStrv) parts = NULL;
  const char *language;
  const char *region = NULL;

  g_return_val_if_fail (tag != NULL, NULL);

  parts = g_strsplit_set (tag, "-_", 3);
  if (parts[0] == NULL)
    return g_strdup (tag);
  language = lookup_name (language_names, G_N_ELEMENTS (language_names), parts[0]);
  if (language == NULL)
    return g_strdup (tag);
  if (parts[1] == NULL)
    return g_strdup (language);
  region = lookup_name (region_names, G_N_ELEMENTS (region_names), parts[1]);
  if (region == NULL)
    return g_strdup_printf ("%s (%s)", language, parts[1]);
  /* TRANSLATORS: a language and the country of its dictionary, "English
   * (United Kingdom)". */
  return g_strdup_printf (C_("language", "%s (%s)"), language, region);
}

typedef struct
{
  const char      *field;
  CdSpellTextKind  kind;
} ProseField;

/* In the order of the form. */
static const ProseField prose_fields[] = {
  { "headline", CD_SPELL_TEXT_PLAIN },
  { "standfirst", CD_SPELL_TEXT_PLAIN },
  { "dateline", CD_SPELL_TEXT_PLAIN },
  { "image.alt", CD_SPELL_TEXT_PLAIN },
  { "image.caption", CD_SPELL_TEXT_PLAIN },
  { "image.credit", CD_SPELL_TEXT_PLAIN },
  { "editor_note", CD_SPELL_TEXT_PLAIN },
  { "body", CD_SPELL_TEXT_MARKDOWN },
};

static const char *
field_text (CdArticle  *article,
            const char *field)
{
  CdImage *image = cd_article_get_image (article);

  if (strcmp (field, "headline") == 0)
    return cd_article_get_headline (article);
  if (strcmp (field, "standfirst") == 0)
    return cd_article_get_standfirst (article);
  if (strcmp (field, "dateline") == 0)
    return cd_article_get_dateline (article);
  if (strcmp (field, "editor_note") == 0)
    return cd_article_get_editor_note (article);
  if (strcmp (field, "body") == 0)
    return cd_article_get_body (article);
  if (image == NULL)
    return NULL;
  if (strcmp (field, "image.alt") == 0)
    return cd_image_get_alt (image);
  if (strcmp (field, "image.caption") == 0)
    return cd_image_get_caption (image);
  if (strcmp (field, "image.credit") == 0)
    return cd_image_get_credit (image);
  return NULL;
}

static char *
issue_message (CdSpellChecker *self,
               GHashTable     *suggested,
               const char     *word)
{
  const char *suggestion = NULL;
  g_autofree char *sentence = NULL;

  if (g_hash_table_lookup_extended (suggested, word, NULL, (gpointer *) &suggestion))
    ;
  else if (g_hash_table_size (suggested) < MAX_SUGGESTED_WORDS)
    {
      g_auto(GStrv) suggestions = cd_spell_checker_suggest (self, word, -1, 1);

      g_hash_table_insert (suggested, g_strdup (word),
                           suggestions[0] ? g_strdup (suggestions[0]) : NULL);
      suggestion = g_hash_table_lookup (suggested, word);
    }

  /* TRANSLATORS: a misspelt word and the dictionary's language, "English
   * (United Kingdom)". */
  sentence = g_strdup_printf (_("“%s” is not in the %s dictionary."), word,
                              cd_spell_checker_get_dictionary_name (self));
  if (suggestion == NULL)
    return g_steal_pointer (&sentence);
  /* TRANSLATORS: the first sentence says which word is misspelt. */
  return g_strdup_printf (_("%s Did you mean “%s”?"), sentence, suggestion);
}

/**
 * cd_spell_checker_check_article:
 * @self: the checker
 * @article: the article
 * @rules: (nullable): the house rules; %NULL for the default
 *
 * Returns: (transfer full): a list of #CdPreflightIssue, one for each
 *   misspelt word of each prose field, with its range in the field's text
 */
GListModel *
cd_spell_checker_check_article (CdSpellChecker *self,
                                CdArticle      *article,
                                CdHouseRules   *rules)
{
  g_autoptr(GListStore) issues = g_list_store_new (CD_TYPE_PREFLIGHT_ISSUE);
  g_autoptr(CdHouseRules) default_rules = NULL;
  g_autoptr(GHashTable) suggested = NULL;
  CdRuleLevel level;
  CdSeverity severity;

  g_return_val_if_fail (CD_IS_SPELL_CHECKER (self), G_LIST_MODEL (g_steal_pointer (&issues)));
  g_return_val_if_fail (CD_IS_ARTICLE (article), G_LIST_MODEL (g_steal_pointer (&issues)));

  if (rules == NULL)
    rules = default_rules = cd_house_rules_new_default ();
  level = cd_house_rules_get_rule_level (rules, "spelling");
  if (level == CD_RULE_LEVEL_OFF)
    return G_LIST_MODEL (g_steal_pointer (&issues));
  severity = level == CD_RULE_LEVEL_ERROR ? CD_SEVERITY_ERROR : CD_SEVERITY_WARNING;
  cd_spell_checker_set_house_words (self, cd_house_rules_get_words (rules));

  suggested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (gsize f = 0; f < G_N_ELEMENTS (prose_fields); f++)
    {
      const char *text = field_text (article, prose_fields[f].field);
      g_autoptr(GArray) ranges = NULL;
      g_autoptr(GArray) comments = NULL;

      if (text == NULL || text[0] == '\0')
        continue;
      ranges = cd_spell_checker_check_text (self, text, -1, prose_fields[f].kind);
      /* Review comments and reviewers' names are not the story's words. */
      comments = prose_fields[f].kind == CD_SPELL_TEXT_MARKDOWN
        ? cd_check_comment_spans (text) : g_array_new (FALSE, FALSE, sizeof (size_t));
      for (guint i = 0; i + 1 < ranges->len; i += 2)
        {
          guint start = g_array_index (ranges, guint, i);
          guint end = g_array_index (ranges, guint, i + 1);
          g_autofree char *word = NULL;
          g_autofree char *message = NULL;
          g_autoptr(CdPreflightIssue) issue = NULL;

          if (cd_check_in_comment (comments, start, end))
            continue;
          word = g_strndup (text + start, end - start);
          message = issue_message (self, suggested, word);
          issue = cd_preflight_issue_new (severity, "spelling", prose_fields[f].field, message);
          cd_preflight_issue_set_range (issue, start, end);
          g_list_store_append (issues, issue);
        }
    }
  return G_LIST_MODEL (g_steal_pointer (&issues));
}
