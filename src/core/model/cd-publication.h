/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CD_TYPE_PUBLICATION (cd_publication_get_type ())

/* Where an article was published: one record per site, kept in the
 * .copydesk file ("publications") so that the next publish to that site
 * updates the same post instead of making a second one, and can tell whether
 * someone changed the post on the site since. A record is a value: the
 * article keeps its own copy, so change a copy and set it again. */
G_DECLARE_FINAL_TYPE (CdPublication, cd_publication, CD, PUBLICATION, GObject)

CdPublication *cd_publication_new              (const char    *site) G_GNUC_WARN_UNUSED_RESULT;
CdPublication *cd_publication_copy             (CdPublication *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean       cd_publication_equal            (CdPublication *a,
                                                CdPublication *b);

/* The site's address, as the user gave it in Preferences, normalised by
 * cd_publication_normalize_site (): "https://news.example/" */
const char    *cd_publication_get_site         (CdPublication *self);
char          *cd_publication_normalize_site   (const char    *url) G_GNUC_WARN_UNUSED_RESULT;

/* The post's id on the site (0 until the first publish has an answer). */
gint64         cd_publication_get_post_id      (CdPublication *self);
void           cd_publication_set_post_id      (CdPublication *self,
                                                gint64         post_id);
/* The post's public address as WordPress last gave it ("link"). */
const char    *cd_publication_get_link         (CdPublication *self);
void           cd_publication_set_link         (CdPublication *self,
                                                const char    *link);
/* The uploaded lead image (0: none) and the image source (the article's
 * image path or URL) it was uploaded from, so that an unchanged image is
 * never uploaded twice and a changed one is. */
gint64         cd_publication_get_media_id     (CdPublication *self);
const char    *cd_publication_get_media_source (CdPublication *self);
void           cd_publication_set_media        (CdPublication *self,
                                                gint64         media_id,
                                                const char    *source);
/* The post's "modified_gmt" ("YYYY-MM-DDTHH:MM:SS") after the last push:
 * a different value on the site means someone edited the post there. */
const char    *cd_publication_get_modified_gmt (CdPublication *self);
void           cd_publication_set_modified_gmt (CdPublication *self,
                                                const char    *modified_gmt);
/* cd_wp_post_fingerprint () of the post as read back after the last push;
 * empty when unknown (a record from an older Copydesk). A different value
 * on the site means someone edited the post there, even in the same second
 * as the push, which modified_gmt cannot show. */
const char    *cd_publication_get_fingerprint  (CdPublication *self);
void           cd_publication_set_fingerprint  (CdPublication *self,
                                                const char    *fingerprint);
/* The post's status and slug on the site after the last push. */
const char    *cd_publication_get_status       (CdPublication *self);
void           cd_publication_set_status       (CdPublication *self,
                                                const char    *status);
const char    *cd_publication_get_slug         (CdPublication *self);
void           cd_publication_set_slug         (CdPublication *self,
                                                const char    *slug);
/* The term ids the post had after the last push. */
const gint64  *cd_publication_get_tag_ids      (CdPublication *self,
                                                gsize         *n_ids);
void           cd_publication_set_tag_ids      (CdPublication *self,
                                                const gint64  *ids,
                                                gsize          n_ids);
const gint64  *cd_publication_get_category_ids (CdPublication *self,
                                                gsize         *n_ids);
void           cd_publication_set_category_ids (CdPublication *self,
                                                const gint64  *ids,
                                                gsize          n_ids);
/* When the last push was answered (local clock). */
GDateTime     *cd_publication_get_pushed       (CdPublication *self);
void           cd_publication_set_pushed       (CdPublication *self,
                                                GDateTime     *pushed);
/* Members of the record that this version does not know, kept on save. */
JsonObject    *cd_publication_get_extra        (CdPublication *self);
void           cd_publication_set_extra        (CdPublication *self,
                                                JsonObject    *extra);

G_END_DECLS
