/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The article's instance structure and what its files share: the property
 * table, whose setters live in several files, and the functions that emit
 * #CdArticle::changed and update the derived byline. cd-article.c defines
 * the type; its fields, the slug, the lists, and copying and comparing are
 * in cd-article-fields.c, cd-article-slug.c, cd-article-lists.c and
 * cd-article-compare.c. Only cd-article*.c include this header. */

#pragma once

#include "cd-article.h"

G_BEGIN_DECLS

struct _CdArticle
{
  GObject          parent_instance;

  char            *id;
  char            *language;
  char            *headline;
  char            *standfirst;
  char            *section;
  char            *dateline;
  char            *editor_note;
  char            *body;
  char            *slug;
  char            *byline;
  GDateTime       *created;
  GDateTime       *modified;
  GDateTime       *published;
  GDateTime       *embargo;
  CdArticleStatus  status;
  guint            planned_words;
  GListStore      *authors;
  GListStore      *tags;
  GListStore      *publications;
  GListStore      *review_comments;
  GListStore      *corrections;
  CdImage         *image;
  JsonObject      *extra;

  guint            slug_edited : 1;
  guint            comments : 1;
  guint            housekeeping;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_STATUS,
  PROP_PLANNED_WORDS,
  PROP_LANGUAGE,
  PROP_HEADLINE,
  PROP_STANDFIRST,
  PROP_SLUG,
  PROP_SLUG_EDITED,
  PROP_SECTION,
  PROP_AUTHORS,
  PROP_BYLINE,
  PROP_DATELINE,
  PROP_PUBLISHED,
  PROP_EMBARGO,
  PROP_IMAGE,
  PROP_TAGS,
  PROP_COMMENTS,
  PROP_EDITOR_NOTE,
  PROP_BODY,
  PROP_PUBLICATIONS,
  N_PROPS
};

extern GParamSpec *cd_article_properties[N_PROPS];

void cd_article_emit_changed  (CdArticle *self);
void cd_article_update_byline (CdArticle *self);

G_END_DECLS
