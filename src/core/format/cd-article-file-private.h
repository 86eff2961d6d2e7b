/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the parts of the .copydesk reader share: the members each object may
 * have, the size limits of text fields, the state of one load, and the
 * readers of single members (cd-article-file-fields.c) that the reading of
 * the whole file (cd-article-file.c) calls. Only cd-article-file*.c include
 * this header. */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-article-file.h"

G_BEGIN_DECLS

/* The limits the reader enforces, which cd_article_check_limits() checks
 * before a save, so that a saved article always opens again. */
#define MAX_TEXT_BYTES CD_LIMIT_TEXT_BYTES
#define MAX_BODY_BYTES CD_LIMIT_BODY_BYTES

/* The members of an article, in the order they are written, and of the
 * objects inside it. Members not listed are kept as they are. */
static const char * const known_members[] = {
  "format", "version", "id", "created", "modified", "status", "planned_words",
  "language", "headline", "standfirst", "slug", "section", "authors", "dateline",
  "published", "published_zone", "embargo", "embargo_zone", "image", "tags", "comments", "editor_note", "body", "review_comments", "corrections",
  "publications",
  NULL
};

static const char * const author_members[] = { "name", "role", "email", "url", NULL };
static const char * const tag_members[] = { "name", "uri", "code", NULL };
static const char * const publication_members[] = {
  "site", "post_id", "link", "media_id", "media_source", "modified_gmt", "fingerprint", "status",
  "slug", "tags", "categories", "pushed", NULL
};
static const char * const image_members[] = {
  "source", "alt", "caption", "credit", "photographer", "copyright", NULL
};

typedef struct
{
  const char *display_name;
  GError    **error;
} Loader;

gboolean    cd_article_file_fail               (Loader              *loader,
                                                CdFileError          code,
                                                const char          *format,
                                                ...) G_GNUC_PRINTF (3, 4);
gboolean    cd_article_file_wrong_type         (Loader              *loader,
                                                const char          *path,
                                                const char          *expected,
                                                JsonNode            *node);
gboolean    cd_article_file_is_string          (JsonNode            *node);
gboolean    cd_article_file_read_text          (Loader              *loader,
                                                JsonObject          *object,
                                                const char          *member,
                                                const char          *path,
                                                gsize                max_bytes,
                                                const char         **out);
gboolean    cd_article_file_read_date          (Loader              *loader,
                                                JsonObject          *object,
                                                const char          *member,
                                                gboolean             nullable,
                                                GDateTime          **out);
JsonObject *cd_article_file_collect_extra      (JsonObject          *object,
                                                const char * const  *known);
gboolean    cd_article_file_read_authors       (Loader              *loader,
                                                JsonObject          *root,
                                                CdArticle           *article);
gboolean    cd_article_file_read_tags          (Loader              *loader,
                                                JsonObject          *root,
                                                CdArticle           *article);
gboolean    cd_article_file_read_image         (Loader              *loader,
                                                JsonObject          *root,
                                                CdArticle           *article);
gboolean    cd_article_file_read_planned_words (Loader              *loader,
                                                JsonObject          *root,
                                                CdArticle           *article);
gboolean    cd_article_file_read_publications  (Loader              *loader,
                                                JsonObject          *root,
                                                CdArticle           *article);
JsonArray  *cd_article_file_write_publications (CdArticle           *article);
gboolean    cd_article_file_read_review        (Loader              *loader,
                                                JsonObject          *root,
                                                CdArticle           *article);
void        cd_article_file_write_review       (CdArticle           *article,
                                                JsonObject          *root);

G_END_DECLS
