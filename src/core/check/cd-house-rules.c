/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The house rules object: its defaults, its properties and the lookups of
 * rules and limits by id. Reading a house-rules file into it is in
 * cd-house-rules-load.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-house-rules"

#include <string.h>

#include "cd-house-rules-private.h"
#include "cd-stats.h"

#define DEFAULT_NAME         "Copydesk default"

G_DEFINE_FINAL_TYPE (CdHouseRules, cd_house_rules, G_TYPE_OBJECT)

G_DEFINE_QUARK (cd-house-rules-error-quark, cd_house_rules_error)

G_DEFINE_ENUM_TYPE (CdRuleLevel, cd_rule_level,
  G_DEFINE_ENUM_VALUE (CD_RULE_LEVEL_OFF, "off"),
  G_DEFINE_ENUM_VALUE (CD_RULE_LEVEL_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (CD_RULE_LEVEL_ERROR, "error"))

enum {
  PROP_0,
  PROP_NAME,
  PROP_READING_SPEED,
  PROP_IMAGE_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_house_rules_finalize (GObject *object)
{
  CdHouseRules *self = (CdHouseRules *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->image_base_url, g_free);
  g_clear_pointer (&self->words, g_strfreev);

  G_OBJECT_CLASS (cd_house_rules_parent_class)->finalize (object);
}

static void
cd_house_rules_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CdHouseRules *self = CD_HOUSE_RULES (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, cd_house_rules_get_name (self));
      break;

    case PROP_READING_SPEED:
      g_value_set_uint (value, cd_house_rules_get_reading_speed (self));
      break;

    case PROP_IMAGE_BASE_URL:
      g_value_set_string (value, cd_house_rules_get_image_base_url (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_house_rules_class_init (CdHouseRulesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_house_rules_finalize;
  object_class->get_property = cd_house_rules_get_property;

  /**
   * CdHouseRules:name:
   *
   * The name the newsroom gave its rules, or the file name when it gave none.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CdHouseRules:reading-speed:
   *
   * Words read per minute, for the reading time shown with the statistics.
   */
  properties[PROP_READING_SPEED] =
    g_param_spec_uint ("reading-speed", NULL, NULL,
                       1, G_MAXUINT, CD_DEFAULT_WORDS_PER_MINUTE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CdHouseRules:image-base-url:
   *
   * The URL that relative image sources are resolved against on export, or
   * %NULL.
   */
  properties[PROP_IMAGE_BASE_URL] =
    g_param_spec_string ("image-base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_house_rules_init (CdHouseRules *self)
{
  self->name = g_strdup (DEFAULT_NAME);
  self->image_base_url = g_strdup ("");
  self->reading_speed = CD_DEFAULT_WORDS_PER_MINUTE;

  for (size_t i = 0; i < N_LIMITS; i++)
    self->limits[i] = limit_defaults[i];

  for (size_t i = 0; i < N_RULES; i++)
    self->levels[i] = rule_defaults[i];
}

int
cd_house_rules_find_id (const char * const *ids,
                        const char         *id)
{
  for (int i = 0; ids[i] != NULL; i++)
    {
      if (strcmp (ids[i], id) == 0)
        return i;
    }

  return -1;
}

/* Public API */

/**
 * cd_house_rules_get_name:
 * @self: a #CdHouseRules
 *
 * Returns: (transfer none): the name of the house rules
 */
const char *
cd_house_rules_get_name (CdHouseRules *self)
{
  g_return_val_if_fail (CD_IS_HOUSE_RULES (self), NULL);

  return self->name;
}

/**
 * cd_house_rules_get_limit:
 * @self: a #CdHouseRules
 * @limit_id: a limit such as `headline.soft`; see cd_house_rules_list_limits()
 *
 * Returns: the limit, always positive, or -1 when @limit_id is not a limit
 */
int
cd_house_rules_get_limit (CdHouseRules *self,
                          const char   *limit_id)
{
  int index;

  g_return_val_if_fail (CD_IS_HOUSE_RULES (self), -1);
  g_return_val_if_fail (limit_id != NULL, -1);

  index = cd_house_rules_find_id (limit_ids, limit_id);

  return index >= 0 ? self->limits[index] : -1;
}

/**
 * cd_house_rules_get_reading_speed:
 * @self: a #CdHouseRules
 *
 * Returns: the reading speed in words per minute, at least 1
 */
guint
cd_house_rules_get_reading_speed (CdHouseRules *self)
{
  g_return_val_if_fail (CD_IS_HOUSE_RULES (self), CD_DEFAULT_WORDS_PER_MINUTE);

  return self->reading_speed;
}

/**
 * cd_house_rules_get_image_base_url:
 * @self: a #CdHouseRules
 *
 * Returns: (transfer none) (nullable): the absolute http or https URL that
 *   relative image sources are resolved against, or %NULL when the house rules
 *   set none
 */
const char *
cd_house_rules_get_image_base_url (CdHouseRules *self)
{
  g_return_val_if_fail (CD_IS_HOUSE_RULES (self), NULL);

  return self->image_base_url[0] != '\0' ? self->image_base_url : NULL;
}

/**
 * cd_house_rules_get_rule_level:
 * @self: a #CdHouseRules
 * @rule_id: a preflight rule such as `headline-length`; see
 *   cd_house_rules_list_rules()
 *
 * Returns: whether the rule is off or reports warnings or errors;
 *   %CD_RULE_LEVEL_OFF when @rule_id is not a rule
 */
CdRuleLevel
cd_house_rules_get_rule_level (CdHouseRules *self,
                               const char   *rule_id)
{
  int index;

  g_return_val_if_fail (CD_IS_HOUSE_RULES (self), CD_RULE_LEVEL_OFF);
  g_return_val_if_fail (rule_id != NULL, CD_RULE_LEVEL_OFF);

  index = cd_house_rules_find_id (rule_ids, rule_id);

  return index >= 0 ? self->levels[index] : CD_RULE_LEVEL_OFF;
}

/**
 * cd_house_rules_list_rules:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of every
 *   preflight rule, in the order of the fields they check
 */
const char * const *
cd_house_rules_list_rules (void)
{
  return rule_ids;
}

/**
 * cd_house_rules_list_limits:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of every limit
 */
const char * const *
cd_house_rules_list_limits (void)
{
  return limit_ids;
}

/**
 * cd_house_rules_get_words:
 * @self: a #CdHouseRules
 *
 * The house's own words, such as the names of people and places the desk
 * writes about, which the spell checker accepts.
 *
 * Returns: (transfer none) (array zero-terminated=1): the words; empty
 *   when there are none
 */
const char * const *
cd_house_rules_get_words (CdHouseRules *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (CD_IS_HOUSE_RULES (self), none);

  return self->words != NULL ? (const char * const *) self->words : none;
}
