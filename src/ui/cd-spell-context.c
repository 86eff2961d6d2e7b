/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-spell-context"

#include "cd-spell-context.h"

/* Typing "en-GB" in the language field passes through "e" and "en-": the
 * checker is made once the field rests. */
#define LANGUAGE_DELAY_MS 400

struct _CdSpellContext
{
  GObject         parent_instance;

  gboolean        enabled;
  CdArticle      *article;
  CdHouseRules   *rules;
  GListModel     *issues;
  CdSpellChecker *checker;
  /* Language tag → CdSpellChecker, or no entry when it has no dictionary. */
  GHashTable     *checkers;
  /* Language tag → core's sentence on its missing dictionary. */
  GHashTable     *missing;
  char           *message;
  guint           language_source;
};

enum
{
  PROP_0,
  PROP_ENABLED,
  PROP_ARTICLE,
  PROP_CHECKER,
  PROP_ISSUES,
  PROP_MESSAGE,
  N_PROPS
};

enum
{
  WORDS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CdSpellContext, cd_spell_context, G_TYPE_OBJECT)

static void
set_message (CdSpellContext *self,
             const char     *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
apply_house_words (CdSpellContext *self,
                   CdSpellChecker *checker)
{
  static const char * const none[] = { NULL };

  cd_spell_checker_set_house_words (checker, self->rules != NULL
                                             ? cd_house_rules_get_words (self->rules)
                                             : none);
}

static CdSpellChecker *
lookup_checker (CdSpellContext *self,
                const char     *language)
{
  g_autoptr(GError) error = NULL;
  CdSpellChecker *checker;

  checker = g_hash_table_lookup (self->checkers, language);
  if (checker != NULL || g_hash_table_contains (self->missing, language))
    return checker;

  checker = cd_spell_checker_new (language, &error);
  if (checker == NULL)
    {
      /* Asked once per language: enchant looks through every provider. */
      g_hash_table_insert (self->missing, g_strdup (language), g_strdup (error->message));
      return NULL;
    }

  apply_house_words (self, checker);
  g_hash_table_insert (self->checkers, g_strdup (language), checker);
  return checker;
}

void
cd_spell_context_update_checker (CdSpellContext *self)
{
  CdSpellChecker *checker = NULL;
  const char *message = NULL;
  const char *language = NULL;

  g_return_if_fail (CD_IS_SPELL_CONTEXT (self));

  g_clear_handle_id (&self->language_source, g_source_remove);

  if (self->article != NULL)
    language = cd_article_get_language (self->article);
  if (self->enabled && language != NULL && *language != '\0')
    {
      /* Said in the status bar, not in the way: a missing dictionary is a
       * fact about the computer, not a mistake in the article. */
      checker = lookup_checker (self, language);
      if (checker == NULL)
        message = g_hash_table_lookup (self->missing, language);
      else
        message = cd_spell_checker_get_fallback_message (checker);
    }

  set_message (self, message);
  if (g_set_object (&self->checker, checker))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

static gboolean
language_timeout_cb (gpointer user_data)
{
  CdSpellContext *self = user_data;

  self->language_source = 0;
  cd_spell_context_update_checker (self);
  return G_SOURCE_REMOVE;
}

static void
article_language_cb (CdSpellContext *self)
{
  g_clear_handle_id (&self->language_source, g_source_remove);
  self->language_source = g_timeout_add (LANGUAGE_DELAY_MS, language_timeout_cb, self);
}

static void
cd_spell_context_dispose (GObject *object)
{
  CdSpellContext *self = CD_SPELL_CONTEXT (object);

  g_clear_handle_id (&self->language_source, g_source_remove);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_clear_object (&self->article);
  g_clear_object (&self->rules);
  g_clear_object (&self->issues);
  g_clear_object (&self->checker);
  g_clear_pointer (&self->checkers, g_hash_table_unref);

  G_OBJECT_CLASS (cd_spell_context_parent_class)->dispose (object);
}

static void
cd_spell_context_finalize (GObject *object)
{
  CdSpellContext *self = CD_SPELL_CONTEXT (object);

  g_clear_pointer (&self->missing, g_hash_table_unref);
  g_free (self->message);

  G_OBJECT_CLASS (cd_spell_context_parent_class)->finalize (object);
}

static void
cd_spell_context_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CdSpellContext *self = CD_SPELL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;
    case PROP_ISSUES:
      g_value_set_object (value, self->issues);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_spell_context_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CdSpellContext *self = CD_SPELL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      cd_spell_context_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_ARTICLE:
      cd_spell_context_set_article (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_spell_context_class_init (CdSpellContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_spell_context_dispose;
  object_class->finalize = cd_spell_context_finalize;
  object_class->get_property = cd_spell_context_get_property;
  object_class->set_property = cd_spell_context_set_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, CD_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, CD_TYPE_SPELL_CHECKER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ISSUES] =
    g_param_spec_object ("issues", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WORDS_CHANGED] =
    g_signal_new ("words-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cd_spell_context_init (CdSpellContext *self)
{
  self->enabled = TRUE;
  self->checkers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CdSpellContext *
cd_spell_context_new (void)
{
  return g_object_new (CD_TYPE_SPELL_CONTEXT, NULL);
}

gboolean
cd_spell_context_get_enabled (CdSpellContext *self)
{
  g_return_val_if_fail (CD_IS_SPELL_CONTEXT (self), FALSE);
  return self->enabled;
}

void
cd_spell_context_set_enabled (CdSpellContext *self,
                              gboolean        enabled)
{
  g_return_if_fail (CD_IS_SPELL_CONTEXT (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  cd_spell_context_update_checker (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

CdArticle *
cd_spell_context_get_article (CdSpellContext *self)
{
  g_return_val_if_fail (CD_IS_SPELL_CONTEXT (self), NULL);
  return self->article;
}

void
cd_spell_context_set_article (CdSpellContext *self,
                              CdArticle      *article)
{
  g_return_if_fail (CD_IS_SPELL_CONTEXT (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_object (article, "notify::language",
                             G_CALLBACK (article_language_cb), self, G_CONNECT_SWAPPED);

  /* The issues were found in the old article. */
  cd_spell_context_set_issues (self, NULL);
  cd_spell_context_update_checker (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

void
cd_spell_context_set_house_rules (CdSpellContext *self,
                                  CdHouseRules   *rules)
{
  GHashTableIter iter;
  gpointer checker;

  g_return_if_fail (CD_IS_SPELL_CONTEXT (self));
  g_return_if_fail (rules == NULL || CD_IS_HOUSE_RULES (rules));

  if (!g_set_object (&self->rules, rules))
    return;

  g_hash_table_iter_init (&iter, self->checkers);
  while (g_hash_table_iter_next (&iter, NULL, &checker))
    apply_house_words (self, checker);
  g_signal_emit (self, signals[WORDS_CHANGED], 0);
}

GListModel *
cd_spell_context_get_issues (CdSpellContext *self)
{
  g_return_val_if_fail (CD_IS_SPELL_CONTEXT (self), NULL);
  return self->issues;
}

void
cd_spell_context_set_issues (CdSpellContext *self,
                             GListModel     *issues)
{
  g_return_if_fail (CD_IS_SPELL_CONTEXT (self));
  g_return_if_fail (issues == NULL || G_IS_LIST_MODEL (issues));

  if (self->issues == issues)
    return;
  g_set_object (&self->issues, issues);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUES]);
}

CdSpellChecker *
cd_spell_context_get_checker (CdSpellContext *self)
{
  g_return_val_if_fail (CD_IS_SPELL_CONTEXT (self), NULL);
  return self->checker;
}

const char *
cd_spell_context_get_message (CdSpellContext *self)
{
  g_return_val_if_fail (CD_IS_SPELL_CONTEXT (self), NULL);
  return self->message;
}

void
cd_spell_context_add_word (CdSpellContext *self,
                           const char     *word)
{
  g_return_if_fail (CD_IS_SPELL_CONTEXT (self));
  g_return_if_fail (word != NULL);

  if (self->checker == NULL)
    return;
  cd_spell_checker_add_word (self->checker, word, -1);
  g_signal_emit (self, signals[WORDS_CHANGED], 0);
}

void
cd_spell_context_ignore_word (CdSpellContext *self,
                              const char     *word)
{
  g_return_if_fail (CD_IS_SPELL_CONTEXT (self));
  g_return_if_fail (word != NULL);

  if (self->checker == NULL)
    return;
  cd_spell_checker_ignore_word (self->checker, word, -1);
  g_signal_emit (self, signals[WORDS_CHANGED], 0);
}
