/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <glib-object.h>

#include "cd-article.h"

G_BEGIN_DECLS

/**
 * CdVersionReason:
 * @CD_VERSION_REASON_SAVE: the user saved explicitly (autosaves make none)
 * @CD_VERSION_REASON_STATUS: the status changed (filed for review,
 *   approved, published, killed)
 * @CD_VERSION_REASON_PUBLISH: the article was published to a site
 * @CD_VERSION_REASON_EXPORT: the article was exported for a CMS
 * @CD_VERSION_REASON_RESTORE: an earlier version was restored
 *
 * Why a version was recorded. Versions recorded for a status change or a
 * publish are never thinned by the pruning policy (cd-version-store.h).
 */
typedef enum
{
  CD_VERSION_REASON_SAVE,
  CD_VERSION_REASON_STATUS,
  CD_VERSION_REASON_PUBLISH,
  CD_VERSION_REASON_EXPORT,
  CD_VERSION_REASON_RESTORE,
} CdVersionReason;

const char *cd_version_reason_to_string   (CdVersionReason  reason);
gboolean    cd_version_reason_from_string (const char      *string,
                                           CdVersionReason *reason);
const char *cd_version_reason_get_label   (CdVersionReason  reason);

/* One recorded version of an article, as the version store lists it: what
 * a History view shows without loading the article itself (that is
 * cd_version_store_load_article). Immutable; every property is read-only:
 * "id" (int64, the store's number for it, stable while it is kept),
 * "article-id", "time" (GDateTime, UTC, microseconds), "reason"
 * (CdVersionReason as int), "author", "status" (CdArticleStatus as int),
 * "headline", "words" (the body's words), "path" (where the article was
 * saved to, informational), "sha256" (of the stored .copydesk bytes),
 * "size" (bytes). */
#define CD_TYPE_VERSION (cd_version_get_type ())
G_DECLARE_FINAL_TYPE (CdVersion, cd_version, CD, VERSION, GObject)

gint64           cd_version_get_id         (CdVersion *self);
const char      *cd_version_get_article_id (CdVersion *self);
GDateTime       *cd_version_get_time       (CdVersion *self);
CdVersionReason  cd_version_get_reason     (CdVersion *self);
const char      *cd_version_get_author     (CdVersion *self);
CdArticleStatus  cd_version_get_status     (CdVersion *self);
const char      *cd_version_get_headline   (CdVersion *self);
guint            cd_version_get_words      (CdVersion *self);
const char      *cd_version_get_path       (CdVersion *self);
const char      *cd_version_get_sha256     (CdVersion *self);
gsize            cd_version_get_size       (CdVersion *self);

G_END_DECLS
