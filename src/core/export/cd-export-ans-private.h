/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the two parts of the ANS exporter share: the story document
 * (cd-export-ans.c) and its content elements (cd-export-ans-content.c)
 * both make elements with ids derived from the article id. Only
 * cd-export-ans*.c include this header. */

#pragma once

#include "cd-export-ans.h"
#include "cd-export-private.h"

G_BEGIN_DECLS

#define ANS_VERSION      "0.10.12"
#define UUID_URN_PREFIX  "urn:uuid:"
#define ID_BYTES         16

/* What building the content elements needs besides the blocks. */
typedef struct
{
  const CdExportOptions *options;
  const char            *seed;  /* the article id, which element ids derive from */
} Builder;

char       *cd_export_ans_story_id               (const char     *article_id) G_GNUC_WARN_UNUSED_RESULT;
JsonObject *cd_export_ans_new_element            (const Builder  *builder,
                                                  const char     *type,
                                                  const char     *path);
JsonArray  *cd_export_ans_build_content_elements (const Builder  *builder,
                                                  CdArticle      *article,
                                                  GError        **error);

G_END_DECLS
