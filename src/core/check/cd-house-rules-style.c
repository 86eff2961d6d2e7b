/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The "style" member of house rules: per language tag, the preferred forms,
 * banned phrases, quotes and numbers of the house style. A file's member
 * is layered over the shipped default one language at a time, member by
 * member; "preferred" entries are merged one by one, and null drops an
 * entry of the default. Every wrong value is reported with its line and
 * column. */

#include "config.h"

#define G_LOG_DOMAIN "cd-house-rules"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-house-rules-private.h"
#include "cd-json.h"
#include "cd-preflight-private.h"
#include "cd-style-private.h"

static const char * const language_keys[] = {
  "preferred",
  "banned",
  "quotes",
  "numbers",
  NULL
};

void
cd_house_rules_style_init (CdHouseRules *self)
{
  self->style = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) cd_style_language_free);
}

void
cd_house_rules_style_inherit (CdHouseRules *self,
                              CdHouseRules *from)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_remove_all (self->style);
  g_hash_table_iter_init (&iter, from->style);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->style, g_strdup (key), cd_style_language_copy (value));
}

void
cd_house_rules_style_compile (CdHouseRules *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->style);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    cd_style_language_compile (value);
}

const CdStyleLanguage *
cd_house_rules_lookup_style (CdHouseRules *rules,
                             const char   *language)
{
  g_autofree char *tag = NULL;
  char *dash;

  g_return_val_if_fail (CD_IS_HOUSE_RULES (rules), NULL);

  if (language == NULL || language[0] == '\0')
    return NULL;

  /* From the most specific tag to its language: zh-Hant-TW, zh-Hant, zh. */
  tag = g_ascii_strdown (language, -1);
  for (;;)
    {
      CdStyleLanguage *style = g_hash_table_lookup (rules->style, tag);

      if (style != NULL)
        return style;

      dash = strrchr (tag, '-');
      if (dash == NULL)
        return NULL;
      *dash = '\0';
    }
}

/* Reading */

static gboolean G_GNUC_PRINTF (4, 5)
invalid (GError      **error,
         LoadContext  *ctx,
         JsonNode     *node,
         const char   *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  cd_house_rules_set_invalid_at (error, ctx, node, message);
  return FALSE;
}

static const char *
node_get_string (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A phrase of "preferred" or "banned": words the scan can match. */
static gboolean
check_phrase (LoadContext  *ctx,
              JsonNode     *node,
              const char   *tag,
              const char   *member,
              const char   *phrase,
              GError      **error)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *quoted = cd_json_excerpt (phrase);

  if (strlen (phrase) > CD_LIMIT_STYLE_PHRASE_BYTES)
    return invalid (error, ctx, node,
                    _("the phrase “%s” in “%s” of the style for “%s” is longer than %d bytes; "
                      "house style phrases are a few words."),
                    quoted, member, tag, CD_LIMIT_STYLE_PHRASE_BYTES);

  words = cd_style_split_phrase (phrase);
  if (words == NULL)
    return invalid (error, ctx, node,
                    _("the phrase “%s” in “%s” of the style for “%s” must be one or more words "
                      "separated by single spaces, without punctuation around them."),
                    quoted, member, tag);

  if (g_strv_length (words) > CD_LIMIT_STYLE_PHRASE_WORDS)
    return invalid (error, ctx, node,
                    _("the phrase “%s” in “%s” of the style for “%s” has more than %d words."),
                    quoted, member, tag, CD_LIMIT_STYLE_PHRASE_WORDS);

  return TRUE;
}

static gboolean
load_preferred (CdStyleLanguage  *style,
                LoadContext      *ctx,
                const char       *tag,
                JsonNode         *node,
                GError          **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = cd_house_rules_describe_node (node);

      return invalid (error, ctx, node,
                      _("“preferred” in the style for “%s” must be an object of phrases and "
                        "the forms the house prefers, such as {\"utilise\": \"use\"}, not %s."),
                      tag, found);
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *phrase = l->data;
      JsonNode *value_node = json_object_get_member (object, phrase);
      const char *value;

      if (!check_phrase (ctx, value_node, tag, "preferred", phrase, error))
        return FALSE;

      /* null drops an entry of the defaults the file is layered over. */
      if (JSON_NODE_HOLDS_NULL (value_node))
        {
          g_hash_table_remove (style->preferred, phrase);
          continue;
        }

      value = node_get_string (value_node);
      if (value == NULL || value[0] == '\0' || strlen (value) > CD_LIMIT_STYLE_PHRASE_BYTES)
        {
          g_autofree char *found = cd_house_rules_describe_node (value_node);
          g_autofree char *quoted = cd_json_excerpt (phrase);

          return invalid (error, ctx, value_node,
                          _("the preferred form of “%s” in the style for “%s” must be a text of "
                            "1 to %d bytes, or null to drop the default's entry, not %s."),
                          quoted, tag, CD_LIMIT_STYLE_PHRASE_BYTES, found);
        }

      g_hash_table_insert (style->preferred, g_strdup (phrase), g_strdup (value));
    }

  return TRUE;
}

static gboolean
load_banned (CdStyleLanguage  *style,
             LoadContext      *ctx,
             const char       *tag,
             JsonNode         *node,
             GError          **error)
{
  JsonArray *array;
  guint length;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *found = cd_house_rules_describe_node (node);

      return invalid (error, ctx, node,
                      _("“banned” in the style for “%s” must be a list of phrases, such as "
                        "[\"very unique\"], not %s."),
                      tag, found);
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);

  /* A list replaces the default's list as a whole. */
  g_ptr_array_set_size (style->banned, 0);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *phrase = node_get_string (item);

      /* Items have no position of their own; the list's is given. */
      if (phrase == NULL)
        {
          g_autofree char *found = cd_house_rules_describe_node (item);

          return invalid (error, ctx, node,
                          _("item %u of “banned” in the style for “%s” must be a phrase, not %s."),
                          i + 1, tag, found);
        }

      if (!check_phrase (ctx, node, tag, "banned", phrase, error))
        return FALSE;

      g_ptr_array_add (style->banned, g_strdup (phrase));
    }

  return TRUE;
}

static gboolean
load_quotes (CdStyleLanguage  *style,
             LoadContext      *ctx,
             const char       *tag,
             JsonNode         *node,
             GError          **error)
{
  const char *value = node_get_string (node);

  if (g_strcmp0 (value, "curly") == 0)
    style->quotes = CD_STYLE_QUOTES_CURLY;
  else if (g_strcmp0 (value, "straight") == 0)
    style->quotes = CD_STYLE_QUOTES_STRAIGHT;
  else if (g_strcmp0 (value, "any") == 0)
    style->quotes = CD_STYLE_QUOTES_ANY;
  else
    {
      g_autofree char *found = cd_house_rules_describe_node (node);

      return invalid (error, ctx, node,
                      _("“quotes” in the style for “%s” is %s; use “curly”, “straight” or "
                        "“any”."),
                      tag, found);
    }

  return TRUE;
}

static gboolean
load_numbers (CdStyleLanguage  *style,
              LoadContext      *ctx,
              const char       *tag,
              JsonNode         *node,
              GError          **error)
{
  JsonNode *below = NULL;
  gint64 value = 0;

  if (g_strcmp0 (node_get_string (node), "any") == 0)
    {
      style->words_below = 0;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (json_object_get_size (object) == 1)
        below = json_object_get_member (object, "words-below");
    }

  if (below != NULL && JSON_NODE_HOLDS_VALUE (below))
    {
      GType type = json_node_get_value_type (below);

      if (type == G_TYPE_INT64)
        value = json_node_get_int (below);
      else if (type == G_TYPE_DOUBLE && json_node_get_double (below) == (double) (int) json_node_get_double (below))
        value = (gint64) json_node_get_double (below);
    }

  if (value < CD_STYLE_WORDS_BELOW_MIN || value > CD_STYLE_WORDS_BELOW_MAX)
    {
      g_autofree char *found = cd_house_rules_describe_node (below != NULL ? below : node);

      return invalid (error, ctx, below != NULL ? below : node,
                      _("“numbers” in the style for “%s” must be “any” or an object such as "
                        "{\"words-below\": 10} with a whole number from %d to %d, not %s."),
                      tag, CD_STYLE_WORDS_BELOW_MIN, CD_STYLE_WORDS_BELOW_MAX, found);
    }

  style->words_below = (guint) value;
  return TRUE;
}

static gboolean
load_language (CdStyleLanguage  *style,
               LoadContext      *ctx,
               const char       *tag,
               JsonNode         *node,
               GError          **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = cd_house_rules_describe_node (node);

      return invalid (error, ctx, node,
                      _("the style for “%s” must be an object with “preferred”, “banned”, "
                        "“quotes” or “numbers”, not %s."),
                      tag, found);
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      gboolean ok;

      if (strcmp (key, "preferred") == 0)
        ok = load_preferred (style, ctx, tag, member, error);
      else if (strcmp (key, "banned") == 0)
        ok = load_banned (style, ctx, tag, member, error);
      else if (strcmp (key, "quotes") == 0)
        ok = load_quotes (style, ctx, tag, member, error);
      else if (strcmp (key, "numbers") == 0)
        ok = load_numbers (style, ctx, tag, member, error);
      else
        {
          g_autofree char *known = g_strjoinv (", ", (char **) language_keys);
          g_autofree char *quoted = cd_json_excerpt (key);

          ok = invalid (error, ctx, member,
                        _("unknown key “%s” in the style for “%s”; known keys are %s."),
                        quoted, tag, known);
        }

      if (!ok)
        return FALSE;
    }

  if (g_hash_table_size (style->preferred) + style->banned->len > CD_LIMIT_STYLE_PHRASES)
    return invalid (error, ctx, node,
                    _("the style for “%s” has more than %d preferred and banned phrases."),
                    tag, CD_LIMIT_STYLE_PHRASES);

  return TRUE;
}

gboolean
cd_house_rules_load_style (CdHouseRules  *self,
                           LoadContext   *ctx,
                           JsonNode      *node,
                           GError       **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = cd_house_rules_describe_node (node);

      return invalid (error, ctx, node,
                      _("“style” must be an object of language tags such as “en” or “de”, each "
                        "with its house style, not %s."),
                      found);
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *tag = l->data;
      JsonNode *member = json_object_get_member (object, tag);
      g_autofree char *key = NULL;
      CdStyleLanguage *style;

      if (strlen (tag) > 35 || !cd_preflight_is_well_formed_language_tag (tag))
        {
          g_autofree char *quoted = cd_json_excerpt (tag);

          return invalid (error, ctx, member,
                          _("“%s” in “style” is not a language tag; use one such as “en”, "
                            "“en-GB” or “de”."),
                          quoted);
        }

      key = g_ascii_strdown (tag, -1);
      style = g_hash_table_lookup (self->style, key);

      if (style == NULL)
        {
          if (g_hash_table_size (self->style) >= CD_LIMIT_STYLE_LANGUAGES)
            return invalid (error, ctx, member,
                            _("“style” has more than %d languages."),
                            CD_LIMIT_STYLE_LANGUAGES);

          style = cd_style_language_new ();
          g_hash_table_insert (self->style, g_strdup (key), style);
        }

      if (!load_language (style, ctx, tag, member, error))
        return FALSE;
    }

  return TRUE;
}
