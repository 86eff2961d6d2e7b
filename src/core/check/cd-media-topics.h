/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gio/gio.h>
#include "cd-tag.h"

G_BEGIN_DECLS

/* One concept of the IPTC Media Topics vocabulary (CC BY 4.0, © IPTC; see
 * data/mediatopics/NOTICE.md). Immutable. */
#define CD_TYPE_MEDIA_TOPIC (cd_media_topic_get_type ())
G_DECLARE_FINAL_TYPE (CdMediaTopic, cd_media_topic, CD, MEDIA_TOPIC, GObject)

const char *cd_media_topic_get_code         (CdMediaTopic *self);  /* "medtop:20000343" */
const char *cd_media_topic_get_uri          (CdMediaTopic *self);  /* "http://cv.iptc.org/newscodes/mediatopic/20000343" */
/* The label in the language the topic was looked up in (falling back to English). */
const char *cd_media_topic_get_label        (CdMediaTopic *self);
const char *cd_media_topic_get_parent_label (CdMediaTopic *self);  /* nullable for top-level topics */
const char *cd_media_topic_get_definition   (CdMediaTopic *self);  /* nullable */
CdTag      *cd_media_topic_to_tag           (CdMediaTopic *self) G_GNUC_WARN_UNUSED_RESULT;

/* The vocabulary. */
#define CD_TYPE_MEDIA_TOPICS (cd_media_topics_get_type ())
G_DECLARE_FINAL_TYPE (CdMediaTopics, cd_media_topics, CD, MEDIA_TOPICS, GObject)

/* The vocabulary shipped in the core GResource, loaded on first use. (transfer none) */
CdMediaTopics *cd_media_topics_get_default  (void);
CdMediaTopics *cd_media_topics_load_from_data (const char    *data,
                                               gsize          length,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;
guint          cd_media_topics_get_n_topics (CdMediaTopics *self);
/* Topics whose label (in @language, else English) matches @query: whole-label
 * prefix first, then word prefix, then substring; case- and accent-insensitive;
 * retired topics left out. At most @max_results. (element-type CdMediaTopic) */
GListModel    *cd_media_topics_search       (CdMediaTopics *self,
                                             const char    *query,
                                             const char    *language,
                                             guint          max_results) G_GNUC_WARN_UNUSED_RESULT;
/* Looks a topic up by code ("medtop:…") or URI. (transfer full) (nullable) */
CdMediaTopic  *cd_media_topics_lookup       (CdMediaTopics *self,
                                             const char    *code_or_uri,
                                             const char    *language) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
