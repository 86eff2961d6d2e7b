/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include "cd-article.h"
#include "cd-publication.h"
#include "cd-wp-site.h"

G_BEGIN_DECLS

/* How to publish. Plain data, borrowed for the call. */
typedef struct
{
  const char *status;          /* "draft", "pending", "publish", "future"; NULL:
                                * from the article for a new post, unchanged
                                * for an update */
  gboolean    change_slug;     /* send the article's slug on an update (explicit) */
  gboolean    overwrite;       /* the user chose to replace changes made on the site */
  const char *article_dir;     /* the folder the article's relative image path is in */
  /* With overwrite: the post's state the user chose to replace, from the
   * conflict (cd_publish_result_get_site_modified_gmt () and _fingerprint ());
   * a post changed on the site since is a new conflict. NULL: replace
   * whatever is there (the CLI's --overwrite, which shows no conflict). */
  const char *expected_modified_gmt;
  const char *expected_fingerprint;
} CdPublishOptions;

typedef enum
{
  CD_PUBLISH_DONE,       /* the post is on the site */
  CD_PUBLISH_CONFLICT,   /* someone changed the post on the site: nothing was sent */
} CdPublishOutcome;

#define CD_TYPE_PUBLISH_RESULT (cd_publish_result_get_type ())
G_DECLARE_FINAL_TYPE (CdPublishResult, cd_publish_result, CD, PUBLISH_RESULT, GObject)

CdPublishOutcome cd_publish_result_get_outcome      (CdPublishResult *self);
/* DONE: the record to keep in the article (cd_article_set_publication ()). */
CdPublication   *cd_publish_result_get_publication  (CdPublishResult *self);
const char      *cd_publish_result_get_link         (CdPublishResult *self);
gint64           cd_publish_result_get_post_id      (CdPublishResult *self);
const char      *cd_publish_result_get_status       (CdPublishResult *self);
/* When the post appears on the site (its date_gmt), or NULL. */
GDateTime       *cd_publish_result_get_date         (CdPublishResult *self);
/* DONE: fields the site dropped or changed on read-back (CdWpDifference). */
GPtrArray       *cd_publish_result_get_differences  (CdPublishResult *self);
/* Translated sentences: terms the account may not create, co-authors with
 * no user on the site, a status the site changed, … */
GPtrArray       *cd_publish_result_get_warnings     (CdPublishResult *self);
/* CONFLICT: what changed on the site since the last push (CdWpDifference),
 * and the post as it is there now (for cd_wp_post_to_article ()). */
GPtrArray       *cd_publish_result_get_site_changes (CdPublishResult *self);
JsonObject      *cd_publish_result_get_site_post    (CdPublishResult *self);
/* CONFLICT: the state of the post the conflict shows, for
 * CdPublishOptions.expected_modified_gmt and expected_fingerprint. */
const char      *cd_publish_result_get_site_modified_gmt (CdPublishResult *self);
const char      *cd_publish_result_get_site_fingerprint  (CdPublishResult *self);

#define CD_TYPE_PUBLISHER (cd_publisher_get_type ())

/* Publishes one article to one site: checks the account, resolves tags and
 * the section into terms, maps authors to users, uploads the lead image
 * once, creates or updates the post, reads it back. The article is never
 * changed: the caller stores the result's record. Properties "stage" (a
 * translated sentence: "Uploading the lead image…") and "fraction" (0–1)
 * say how far it is. */
G_DECLARE_FINAL_TYPE (CdPublisher, cd_publisher, CD, PUBLISHER, GObject)

CdPublisher     *cd_publisher_new             (CdWpSite               *site) G_GNUC_WARN_UNUSED_RESULT;
const char      *cd_publisher_get_stage       (CdPublisher            *self);
double           cd_publisher_get_fraction    (CdPublisher            *self);
void             cd_publisher_publish_async   (CdPublisher            *self,
                                               CdArticle              *article,
                                               const CdPublishOptions *options,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data);
CdPublishResult *cd_publisher_publish_finish  (CdPublisher            *self,
                                               GAsyncResult           *result,
                                               GError                **error);

G_END_DECLS
