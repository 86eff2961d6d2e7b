/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <gio/gio.h>

#include "cd-limits.h"

G_BEGIN_DECLS

#define CD_HOUSE_RULES_ERROR (cd_house_rules_error_quark ())

typedef enum
{
  CD_HOUSE_RULES_ERROR_READ,
  CD_HOUSE_RULES_ERROR_SYNTAX,
  CD_HOUSE_RULES_ERROR_INVALID,
} CdHouseRulesError;

GQuark cd_house_rules_error_quark (void);

/* The largest house-rules file that is read; real ones are a few kilobytes. */
#define CD_HOUSE_RULES_MAX_SIZE CD_LIMIT_HOUSE_RULES_SIZE

/**
 * CdRuleLevel:
 * @CD_RULE_LEVEL_OFF: the rule is not checked
 * @CD_RULE_LEVEL_WARNING: the rule reports warnings, which do not block publication
 * @CD_RULE_LEVEL_ERROR: the rule reports errors, which block publication
 *
 * How a newsroom has set one preflight rule. The nicks are the values of the
 * `rules` object of a house-rules file.
 */
typedef enum
{
  CD_RULE_LEVEL_OFF,
  CD_RULE_LEVEL_WARNING,
  CD_RULE_LEVEL_ERROR,
} CdRuleLevel;

#define CD_TYPE_RULE_LEVEL (cd_rule_level_get_type ())
GType cd_rule_level_get_type (void) G_GNUC_CONST;

#define CD_TYPE_HOUSE_RULES (cd_house_rules_get_type ())

G_DECLARE_FINAL_TYPE (CdHouseRules, cd_house_rules, CD, HOUSE_RULES, GObject)

CdHouseRules *cd_house_rules_new_default     (void) G_GNUC_WARN_UNUSED_RESULT;
CdHouseRules *cd_house_rules_load_from_data  (const char    *data,
                                              gsize          length,
                                              const char    *display_name,
                                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;
CdHouseRules *cd_house_rules_load_from_file  (GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;
const char   *cd_house_rules_get_name        (CdHouseRules  *self);
int           cd_house_rules_get_limit       (CdHouseRules  *self,
                                              const char    *limit_id);
guint         cd_house_rules_get_reading_speed (CdHouseRules *self);
const char   *cd_house_rules_get_image_base_url (CdHouseRules *self);
const char * const *cd_house_rules_get_words (CdHouseRules *self);

CdRuleLevel   cd_house_rules_get_rule_level  (CdHouseRules  *self,
                                              const char    *rule_id);
const char * const *cd_house_rules_list_rules  (void);
const char * const *cd_house_rules_list_limits (void);

G_END_DECLS
