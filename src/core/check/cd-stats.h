/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib-object.h>

#include "cd-article.h"
#include "cd-text.h"

G_BEGIN_DECLS

#define CD_DEFAULT_WORDS_PER_MINUTE 230

#define CD_TYPE_STATS (cd_stats_get_type ())

typedef struct _CdStats CdStats;

GType       cd_stats_get_type              (void) G_GNUC_CONST;
CdStats    *cd_stats_compute               (CdArticle  *article,
                                            guint       words_per_minute) G_GNUC_WARN_UNUSED_RESULT;
CdStats    *cd_stats_ref                   (CdStats    *self);
void        cd_stats_unref                 (CdStats    *self);
size_t      cd_stats_get_words             (const CdStats *self);
size_t      cd_stats_get_characters        (const CdStats *self);
size_t      cd_stats_get_characters_no_spaces (const CdStats *self);
size_t      cd_stats_get_paragraphs        (const CdStats *self);
guint       cd_stats_get_reading_seconds   (const CdStats *self);
guint       cd_stats_get_reading_minutes   (const CdStats *self);
size_t      cd_stats_get_field_characters  (const CdStats *self,
                                            const char    *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdStats, cd_stats_unref)

G_END_DECLS
