/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The "words" of a house-rules file: names of people and places the desk
 * writes about, which the spell checker accepts. */

#include "config.h"

#define G_LOG_DOMAIN "cd-house-rules"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-house-rules-private.h"

static gboolean
is_word (const char *word)
{
  gsize length = strlen (word);

  if (length == 0 || length > CD_HOUSE_RULES_MAX_WORD_LENGTH
      || !g_utf8_validate (word, (gssize) length, NULL))
    return FALSE;
  if (g_unichar_isspace (g_utf8_get_char (word))
      || g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (word + length))))
    return FALSE;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_iscntrl (ch))
        return FALSE;
    }
  return TRUE;
}

gboolean
cd_house_rules_load_words (CdHouseRules  *self,
                           JsonNode      *node,
                           char         **problem)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *problem = g_strdup (_("“words” must be a list of the house’s words, such as "
                             "[\"Waitematā\", \"Ngata\"]."));
      return FALSE;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > CD_HOUSE_RULES_MAX_WORDS)
    {
      *problem = g_strdup_printf (_("“words” lists %u words; house rules may list at most %u."),
                                  n, (guint) CD_HOUSE_RULES_MAX_WORDS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *word = NULL;

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        word = json_node_get_string (element);
      if (word == NULL || !is_word (word))
        {
          *problem = g_strdup_printf (_("Item %u of “words” must be a word or name of 1 to %u "
                                        "bytes, without spaces at either end or control "
                                        "characters."),
                                      i + 1, (guint) CD_HOUSE_RULES_MAX_WORD_LENGTH);
          return FALSE;
        }
      g_strv_builder_add (builder, word);
    }
  g_strfreev (self->words);
  self->words = g_strv_builder_end (builder);
  return TRUE;
}
