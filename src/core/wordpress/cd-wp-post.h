/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-article.h"
#include "cd-publication.h"

G_BEGIN_DECLS

/* What the publisher knows about the site when it builds the post. Plain
 * data; arrays and strings are borrowed for the call. */
typedef struct
{
  gboolean      update;          /* FALSE: a new post; TRUE: an update of the post */
  const char   *status;          /* the status to send; NULL: for a new post
                                  * cd_wp_post_status_for_article (), for an
                                  * update none (the post keeps its status) */
  gboolean      send_slug;       /* an update sends the slug only when this is
                                  * TRUE (an explicit change); a new post always */
  const gint64 *tag_ids;         /* resolved terms; an empty list is never sent */
  gsize         n_tag_ids;
  const gint64 *category_ids;
  gsize         n_category_ids;
  gint64        author_id;       /* 0: not sent (the account's own user) */
  gint64        featured_media;  /* 0: not sent */
  const char   *jsonld;          /* the article's JSON-LD for meta; NULL: not sent */
  gboolean      send_meta;       /* the site accepts Copydesk's meta keys */
} CdWpPostOptions;

/* The body of POST /wp/v2/posts (or /wp/v2/posts/<id>) for @article. */
JsonObject *cd_wp_post_build             (CdArticle             *article,
                                          const CdWpPostOptions *options) G_GNUC_WARN_UNUSED_RESULT;
/* "draft", "pending", "publish" or "future", from the article's status and embargo. */
const char *cd_wp_post_status_for_article (CdArticle            *article);
/* When the post is to appear, "YYYY-MM-DDTHH:MM:SS" in UTC; NULL when the
 * article has neither a publication time nor an embargo. */
char       *cd_wp_post_date_gmt          (CdArticle             *article) G_GNUC_WARN_UNUSED_RESULT;
/* The media caption: the image's caption with the credit line once. */
char       *cd_wp_media_caption          (const char            *caption,
                                          const char            *credit) G_GNUC_WARN_UNUSED_RESULT;

/* One field that differs: what was sent (or pushed last time) and what the
 * site has. Strings are plain text for people; NULL means absent. */
typedef struct
{
  char *field;   /* the REST member: "title", "content", "tags", "status", … */
  char *label;   /* for people, translated: "Title", "Body", "Tags" */
  char *before;  /* what Copydesk sent / pushed last */
  char *after;   /* what the site has */
} CdWpDifference;

void        cd_wp_difference_free        (CdWpDifference        *difference);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdWpDifference, cd_wp_difference_free)

/* Fields of @sent (a post as built above) that the site dropped or changed
 * in @read_back (the post as GET /wp/v2/posts/<id>?context=edit returns
 * it), ignoring what WordPress normalises on purpose. A GPtrArray of
 * CdWpDifference, empty when the site kept everything. */
GPtrArray  *cd_wp_post_compare           (JsonObject            *sent,
                                          JsonObject            *read_back) G_GNUC_WARN_UNUSED_RESULT;
/* What changed on the site since the last push: @record is what Copydesk
 * pushed (status, slug, terms), @pushed the revision of the post that the
 * last push made (context=edit; NULL when the site keeps no revisions), and
 * @current the post as it is now. The body is compared as readable text,
 * paragraph by paragraph. */
GPtrArray  *cd_wp_post_site_changes      (CdPublication         *record,
                                          JsonObject            *pushed,
                                          JsonObject            *current) G_GNUC_WARN_UNUSED_RESULT;
/* A SHA-256 digest (hex) of what an editor can change in @post (GET
 * context=edit): raw title, excerpt and content, status, slug, tags,
 * categories, featured_media and author. Kept in the publication record
 * after a push: a different value later means the post was edited on the
 * site, even within the second that modified_gmt cannot tell apart. */
char       *cd_wp_post_fingerprint       (JsonObject            *post) G_GNUC_WARN_UNUSED_RESULT;
/* The differences as text for a terminal or a dialog, one field after the other. */
char       *cd_wp_differences_to_text    (GPtrArray             *differences) G_GNUC_WARN_UNUSED_RESULT;

/* A post of @site (as GET /wp/v2/posts/<id>?context=edit&_embed returns it)
 * as a new article: the body through the HTML-to-Markdown converter, terms
 * and author names from _embedded, and a publication record for @site so
 * that publishing it updates that post. */
CdArticle  *cd_wp_post_to_article        (JsonObject            *post,
                                          const char            *site,
                                          GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
