/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* model/: what an article is. CdArticle holds the story's metadata and its
 * Markdown body as GObject properties, with its authors (CdAuthor), lead
 * image (CdImage) and tags (CdTag) as objects and list models, so that the
 * window binds to them and the undo history watches them. cd-field.h names
 * every field once (its id, label and flags) for statistics, preflight, the
 * form and the CLI; cd-limits.h holds the one set of size limits that
 * editing, saving, importing and loading all enforce. Nothing here reads or
 * writes files: that is format/. The flow through core is
 * model → format (the file) → render (HTML) → export, with import/ turning
 * other formats into a model and check/ reading a model. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cd-author.h"
#include "cd-comment.h"
#include "cd-correction.h"
#include "cd-image.h"
#include "cd-publication.h"
#include "cd-tag.h"

G_BEGIN_DECLS

typedef enum
{
  CD_ARTICLE_STATUS_DRAFT,
  CD_ARTICLE_STATUS_IN_REVIEW,
  CD_ARTICLE_STATUS_APPROVED,
  CD_ARTICLE_STATUS_PUBLISHED,
  CD_ARTICLE_STATUS_KILLED,
} CdArticleStatus;

#define CD_TYPE_ARTICLE_STATUS (cd_article_status_get_type ())
GType       cd_article_status_get_type      (void) G_GNUC_CONST;
const char *cd_article_status_to_string     (CdArticleStatus  status);
gboolean    cd_article_status_from_string   (const char      *string,
                                             CdArticleStatus *status);
const char *cd_article_status_get_label     (CdArticleStatus  status);

#define CD_TYPE_ARTICLE (cd_article_get_type ())

G_DECLARE_FINAL_TYPE (CdArticle, cd_article, CD, ARTICLE, GObject)

CdArticle      *cd_article_new                 (void) G_GNUC_WARN_UNUSED_RESULT;
CdArticle      *cd_article_new_empty           (void) G_GNUC_WARN_UNUSED_RESULT;
CdArticle      *cd_article_copy                (CdArticle       *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean        cd_article_equal               (CdArticle       *self,
                                                CdArticle       *other);

const char     *cd_article_get_id              (CdArticle       *self);
void            cd_article_set_id              (CdArticle       *self,
                                                const char      *id);
GDateTime      *cd_article_get_created         (CdArticle       *self);
void            cd_article_set_created         (CdArticle       *self,
                                                GDateTime       *created);
GDateTime      *cd_article_get_modified        (CdArticle       *self);
void            cd_article_set_modified        (CdArticle       *self,
                                                GDateTime       *modified);
CdArticleStatus cd_article_get_status          (CdArticle       *self);
void            cd_article_set_status          (CdArticle       *self,
                                                CdArticleStatus  status);
const char     *cd_article_get_language        (CdArticle       *self);
void            cd_article_set_language        (CdArticle       *self,
                                                const char      *language);
const char     *cd_article_get_headline        (CdArticle       *self);
void            cd_article_set_headline        (CdArticle       *self,
                                                const char      *headline);
const char     *cd_article_get_standfirst      (CdArticle       *self);
void            cd_article_set_standfirst      (CdArticle       *self,
                                                const char      *standfirst);
const char     *cd_article_get_slug            (CdArticle       *self);
void            cd_article_set_slug            (CdArticle       *self,
                                                const char      *slug);
gboolean        cd_article_get_slug_edited     (CdArticle       *self);
void            cd_article_reset_slug          (CdArticle       *self);
const char     *cd_article_get_section         (CdArticle       *self);
void            cd_article_set_section         (CdArticle       *self,
                                                const char      *section);
GListModel     *cd_article_get_authors         (CdArticle       *self);
void            cd_article_add_author          (CdArticle       *self,
                                                CdAuthor        *author);
void            cd_article_add_authors         (CdArticle       *self,
                                                GPtrArray       *authors);
void            cd_article_insert_author       (CdArticle       *self,
                                                guint            position,
                                                CdAuthor        *author);
void            cd_article_remove_author       (CdArticle       *self,
                                                guint            position);
char           *cd_article_dup_byline          (CdArticle       *self) G_GNUC_WARN_UNUSED_RESULT;
const char     *cd_article_get_byline          (CdArticle       *self);
const char     *cd_article_get_dateline        (CdArticle       *self);
void            cd_article_set_dateline        (CdArticle       *self,
                                                const char      *dateline);
GDateTime      *cd_article_get_published       (CdArticle       *self);
void            cd_article_set_published       (CdArticle       *self,
                                                GDateTime       *published);
GDateTime      *cd_article_get_embargo         (CdArticle       *self);
void            cd_article_set_embargo         (CdArticle       *self,
                                                GDateTime       *embargo);
CdImage        *cd_article_get_image           (CdArticle       *self);
GListModel     *cd_article_get_tags            (CdArticle       *self);
void            cd_article_add_tag             (CdArticle       *self,
                                                CdTag           *tag);
void            cd_article_insert_tag          (CdArticle       *self,
                                                guint            position,
                                                CdTag           *tag);
void            cd_article_remove_tag          (CdArticle       *self,
                                                guint            position);
gboolean        cd_article_has_tag             (CdArticle       *self,
                                                const char      *name);
gboolean        cd_article_get_comments        (CdArticle       *self);
void            cd_article_set_comments        (CdArticle       *self,
                                                gboolean         comments);
const char     *cd_article_get_editor_note     (CdArticle       *self);
void            cd_article_set_editor_note     (CdArticle       *self,
                                                const char      *editor_note);
/* The length the desk asked for, in words; 0 when none was set. The file
 * format accepts 1 to CD_ARTICLE_MAX_PLANNED_WORDS. */
#define CD_ARTICLE_MAX_PLANNED_WORDS 1000000
guint           cd_article_get_planned_words   (CdArticle       *self);
void            cd_article_set_planned_words   (CdArticle       *self,
                                                guint            planned_words);
const char     *cd_article_get_body            (CdArticle       *self);
void            cd_article_set_body            (CdArticle       *self,
                                                const char      *body);
void            cd_article_begin_housekeeping  (CdArticle       *self);
void            cd_article_end_housekeeping    (CdArticle       *self);
gboolean        cd_article_get_housekeeping    (CdArticle       *self);
GListModel     *cd_article_get_publications    (CdArticle       *self);
CdPublication  *cd_article_lookup_publication  (CdArticle       *self,
                                                const char      *site);
void            cd_article_set_publication     (CdArticle       *self,
                                                CdPublication   *publication);
void            cd_article_remove_publication  (CdArticle       *self,
                                                const char      *site);
JsonObject     *cd_article_get_extra           (CdArticle       *self);
void            cd_article_set_extra           (CdArticle       *self,
                                                JsonObject      *extra);

/* Review comments and the corrections log: cd-article-review.c. */
GListModel     *cd_article_get_review_comments (CdArticle       *self);
CdComment      *cd_article_lookup_review_comment (CdArticle     *self,
                                                const char      *id,
                                                guint           *position);
void            cd_article_add_review_comment  (CdArticle       *self,
                                                CdComment       *comment);
void            cd_article_insert_review_comment (CdArticle     *self,
                                                guint            position,
                                                CdComment       *comment);
void            cd_article_remove_review_comment (CdArticle     *self,
                                                guint            position);
void            cd_article_resolve_review_comment (CdArticle    *self,
                                                guint            position,
                                                gboolean         resolved);
void            cd_article_reply_review_comment (CdArticle      *self,
                                                guint            position,
                                                const char      *author,
                                                GDateTime       *time,
                                                const char      *text);
char           *cd_article_dup_new_comment_id  (CdArticle       *self) G_GNUC_WARN_UNUSED_RESULT;
guint           cd_article_count_open_comments (CdArticle       *self);
GListModel     *cd_article_get_corrections     (CdArticle       *self);
void            cd_article_add_correction      (CdArticle       *self,
                                                CdCorrection    *correction);
void            cd_article_insert_correction   (CdArticle       *self,
                                                guint            position,
                                                CdCorrection    *correction);
void            cd_article_replace_correction  (CdArticle       *self,
                                                guint            position,
                                                CdCorrection    *correction);
void            cd_article_remove_correction   (CdArticle       *self,
                                                guint            position);
char           *cd_article_dup_reader_body     (CdArticle       *self) G_GNUC_WARN_UNUSED_RESULT;
char           *cd_article_dup_corrections_markdown (CdArticle  *self) G_GNUC_WARN_UNUSED_RESULT;

char           *cd_byline_for_names            (const char * const *names,
                                                const char         *language) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
