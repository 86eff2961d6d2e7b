/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the parts of the house rules share: the tables of rules and limits
 * with their defaults, the object's fields, and the lookup of an id in a
 * table. cd-house-rules.c holds the object and its getters,
 * cd-house-rules-load.c reads files into it. Only cd-house-rules*.c include
 * this header. */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-house-rules.h"

G_BEGIN_DECLS

/* The preflight rules, in the order of the fields they check on the form. The
 * shipped data/house-rules.json lists every one with the same level; a test
 * keeps the two in step. */
static const char * const rule_ids[] = {
  "headline-required",
  "headline-length",
  "standfirst-required",
  "standfirst-length",
  "slug-format",
  "slug-length",
  "section-required",
  "language-required",
  "language-tag",
  "byline-required",
  "author-name",
  "dateline-required",
  "published-required",
  "embargo-order",
  "image-source",
  "image-alt",
  "image-caption",
  "image-credit",
  "tags-required",
  "body-required",
  "body-tk",
  "body-empty-link",
  "body-too-short",
  "style-preferred",
  "style-banned",
  "style-doubled-word",
  "style-double-space",
  "style-quotes",
  "style-numbers",
  "spelling",
  "review-suggestions",
  "review-comments",
  NULL
};

static const CdRuleLevel rule_defaults[] = {
  CD_RULE_LEVEL_ERROR,    /* headline-required */
  CD_RULE_LEVEL_ERROR,    /* headline-length */
  CD_RULE_LEVEL_WARNING,  /* standfirst-required */
  CD_RULE_LEVEL_ERROR,    /* standfirst-length */
  CD_RULE_LEVEL_ERROR,    /* slug-format */
  CD_RULE_LEVEL_ERROR,    /* slug-length */
  CD_RULE_LEVEL_OFF,      /* section-required */
  CD_RULE_LEVEL_ERROR,    /* language-required */
  CD_RULE_LEVEL_ERROR,    /* language-tag */
  CD_RULE_LEVEL_ERROR,    /* byline-required */
  CD_RULE_LEVEL_ERROR,    /* author-name */
  CD_RULE_LEVEL_OFF,      /* dateline-required */
  CD_RULE_LEVEL_ERROR,    /* published-required */
  CD_RULE_LEVEL_ERROR,    /* embargo-order */
  CD_RULE_LEVEL_WARNING,  /* image-source */
  CD_RULE_LEVEL_ERROR,    /* image-alt */
  CD_RULE_LEVEL_WARNING,  /* image-caption */
  CD_RULE_LEVEL_ERROR,    /* image-credit */
  CD_RULE_LEVEL_ERROR,    /* tags-required */
  CD_RULE_LEVEL_ERROR,    /* body-required */
  CD_RULE_LEVEL_ERROR,    /* body-tk */
  CD_RULE_LEVEL_ERROR,    /* body-empty-link */
  CD_RULE_LEVEL_WARNING,  /* body-too-short */
  CD_RULE_LEVEL_WARNING,  /* style-preferred */
  CD_RULE_LEVEL_WARNING,  /* style-banned */
  CD_RULE_LEVEL_WARNING,  /* style-doubled-word */
  CD_RULE_LEVEL_WARNING,  /* style-double-space */
  CD_RULE_LEVEL_WARNING,  /* style-quotes */
  CD_RULE_LEVEL_WARNING,  /* style-numbers */
  CD_RULE_LEVEL_WARNING,  /* spelling */
  CD_RULE_LEVEL_ERROR,    /* review-suggestions */
  CD_RULE_LEVEL_ERROR,    /* review-comments */
};

#define N_RULES G_N_ELEMENTS (rule_defaults)
G_STATIC_ASSERT (G_N_ELEMENTS (rule_ids) == N_RULES + 1);

/* A limit whose id ends in ".soft" must not be greater than the ".hard" one
 * with the same prefix. */
static const char * const limit_ids[] = {
  "headline.soft",
  "headline.hard",
  "standfirst.soft",
  "standfirst.hard",
  "slug.hard",
  "tags.min",
  "body.min_words",
  NULL
};

static const int limit_defaults[] = {
  70,   /* headline.soft */
  110,  /* headline.hard */
  200,  /* standfirst.soft */
  320,  /* standfirst.hard */
  80,   /* slug.hard */
  1,    /* tags.min */
  50,   /* body.min_words */
};

#define N_LIMITS G_N_ELEMENTS (limit_defaults)
G_STATIC_ASSERT (G_N_ELEMENTS (limit_ids) == N_LIMITS + 1);

struct _CdHouseRules
{
  GObject      parent_instance;

  char        *name;
  char        *image_base_url;  /* never NULL; "" when there is none */
  guint        reading_speed;
  int          limits[N_LIMITS];
  CdRuleLevel  levels[N_RULES];

  /* The "style" member: language tag, lower case → CdStyleLanguage; never
   * NULL (cd-house-rules-style.c). */
  GHashTable  *style;
  /* The house words; NULL for none. */
  char       **words;
};

/* cd-house-rules-load.c: what reading one member of a file needs, shared
 * with the readers of members in their own files. */
typedef struct
{
  const char *display_name;
  const char *data;
  gsize       length;
  /* JsonNode → offset of the member's key that holds it, recorded while
   * parsing so that a wrong value can be reported where it is. */
  GHashTable *offsets;
} LoadContext;

G_GNUC_INTERNAL
gsize cd_house_rules_node_position (LoadContext *ctx,
                                    JsonNode    *node);
/* An invalid value at @node: the file, line and column, then @message. */
G_GNUC_INTERNAL
void  cd_house_rules_set_invalid_at (GError      **error,
                                     LoadContext  *ctx,
                                     JsonNode     *node,
                                     const char   *message);
G_GNUC_INTERNAL
char *cd_house_rules_describe_node (JsonNode    *node);

/* cd-house-rules-style.c */
G_GNUC_INTERNAL
void     cd_house_rules_style_init    (CdHouseRules  *self);
G_GNUC_INTERNAL
void     cd_house_rules_style_inherit (CdHouseRules  *self,
                                       CdHouseRules  *from);
G_GNUC_INTERNAL
gboolean cd_house_rules_load_style    (CdHouseRules  *self,
                                       LoadContext   *ctx,
                                       JsonNode      *node,
                                       GError       **error);
G_GNUC_INTERNAL
void     cd_house_rules_style_compile (CdHouseRules  *self);

/* cd-house-rules.c */
/* The index of @id in the NULL-terminated @ids, or -1. */
int cd_house_rules_find_id (const char * const *ids,
                            const char         *id);

/* cd-house-rules-words.c */
/* The most house words, and the longest, that a file may give. */
#define CD_HOUSE_RULES_MAX_WORDS       10000
#define CD_HOUSE_RULES_MAX_WORD_LENGTH 100
/* Reads the "words" member into @self; FALSE with a sentence in @problem
 * when it is not a list of words. */
gboolean cd_house_rules_load_words (CdHouseRules  *self,
                                    JsonNode      *node,
                                    char         **problem);

G_END_DECLS
