/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-media-topics.h"

struct _CdMediaTopic
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (CdMediaTopic, cd_media_topic, G_TYPE_OBJECT)

struct _CdMediaTopics
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (CdMediaTopics, cd_media_topics, G_TYPE_OBJECT)

static void
cd_media_topics_class_init (CdMediaTopicsClass *klass)
{
}

static void
cd_media_topics_init (CdMediaTopics *self)
{
}

static void
cd_media_topic_class_init (CdMediaTopicClass *klass)
{
}

static void
cd_media_topic_init (CdMediaTopic *self)
{
}

const char *
cd_media_topic_get_code (CdMediaTopic *self)
{
  return NULL;
}

const char *
cd_media_topic_get_uri (CdMediaTopic *self)
{
  return NULL;
}

const char *
cd_media_topic_get_label (CdMediaTopic *self)
{
  return NULL;
}

const char *
cd_media_topic_get_parent_label (CdMediaTopic *self)
{
  return NULL;
}

const char *
cd_media_topic_get_definition (CdMediaTopic *self)
{
  return NULL;
}

CdTag      *
cd_media_topic_to_tag (CdMediaTopic *self)
{
  return NULL;
}

CdMediaTopics *
cd_media_topics_get_default (void)
{
  return NULL;
}

CdMediaTopics *
cd_media_topics_load_from_data (const char *data, gsize length, GError **error)
{
  return NULL;
}

guint
cd_media_topics_get_n_topics (CdMediaTopics *self)
{
  return 0;
}

GListModel    *
cd_media_topics_search (CdMediaTopics *self, const char *query, const char *language, guint max_results)
{
  return NULL;
}

CdMediaTopic  *
cd_media_topics_lookup (CdMediaTopics *self, const char *code_or_uri, const char *language)
{
  return NULL;
}
