/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the parts of the publisher share: the result's fields, which the run
 * fills in, the job of one publish, and the helpers the parts call. Only
 * cd-publisher*.c include this header. */

#pragma once

#include "cd-exporter.h"
#include "cd-publisher.h"
#include "cd-text.h"
#include "cd-wp-post.h"
#include "cd-wp-site-private.h"

G_BEGIN_DECLS

struct _CdPublishResult
{
  GObject           parent_instance;

  CdPublishOutcome  outcome;
  CdPublication    *publication;
  char             *link;
  gint64            post_id;
  char             *status;
  GDateTime        *date;
  GPtrArray        *differences;
  GPtrArray        *warnings;
  GPtrArray        *site_changes;
  JsonObject       *site_post;
  char             *site_modified_gmt;
  char             *site_fingerprint;
};

/* One publish, run in a worker thread. */
typedef struct
{
  CdPublisher   *publisher;
  CdWpSite      *site;
  GMainContext  *context;
  CdArticle     *article;
  char          *status;
  gboolean       change_slug;
  gboolean       overwrite;
  char          *article_dir;
  char          *expected_modified_gmt;
  char          *expected_fingerprint;

  GCancellable  *cancellable;
  CdWpAccount   *account;
  CdPublishResult *result;
  double         upload_from;
  double         upload_to;
} Job;

/* cd-publisher.c: progress and warnings of a job, and members of WordPress's JSON. */
void        cd_publish_job_progress  (Job        *job,
                                      const char *stage,
                                      double      fraction);
void        cd_publish_job_warn      (Job        *job,
                                      const char *format,
                                      ...) G_GNUC_PRINTF (2, 3);
const char *cd_publish_site_label    (Job        *job);
const char *cd_publish_object_string (JsonObject *object,
                                      const char *member);
gint64      cd_publish_object_int    (JsonObject *object,
                                      const char *member);
JsonObject *cd_publish_object_object (JsonObject *object,
                                      const char *member);

/* cd-publisher-terms.c */
gboolean    cd_publish_resolve_terms (Job        *job,
                                      GArray     *tag_ids,
                                      GArray     *category_ids,
                                      GError    **error);
gint64      cd_publish_map_authors   (Job        *job);

/* cd-publisher-media.c */
gint64      cd_publish_upload_image  (Job            *job,
                                      CdPublication  *record,
                                      JsonObject     *existing,
                                      const char    **media_source,
                                      GError        **error);
char       *cd_publish_build_jsonld  (Job        *job,
                                      const char *link,
                                      gint64      media_id);

/* cd-publisher-run.c: the whole publish, in the worker thread. */
CdPublishResult *cd_publish_run      (Job        *job,
                                      GError    **error);

G_END_DECLS
