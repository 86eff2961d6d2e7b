/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CdCommentReply:
 * @author: who replied
 * @time: when
 * @text: the reply
 *
 * One reply in a review comment's thread.
 */
typedef struct
{
  char      *author;
  GDateTime *time;
  char      *text;
} CdCommentReply;

#define CD_TYPE_COMMENT (cd_comment_get_type ())

/* A review comment on a field of the article: for the desk only, never in
 * an export, a publish payload or the page. It names its field by registry
 * id and quotes the words it is about (the body's own comments can also
 * sit in the text as CriticMarkup, see cd-critic.h). A comment is a value:
 * resolving it or replying gives a new comment that replaces it in the
 * article's list, so that the undo history records it as a list change. */
G_DECLARE_FINAL_TYPE (CdComment, cd_comment, CD, COMMENT, GObject)

CdComment  *cd_comment_new             (const char  *id,
                                        const char  *author,
                                        GDateTime   *time,
                                        const char  *text,
                                        const char  *field,
                                        const char  *quote) G_GNUC_WARN_UNUSED_RESULT;
CdComment  *cd_comment_new_full        (const char  *id,
                                        const char  *author,
                                        GDateTime   *time,
                                        const char  *text,
                                        const char  *field,
                                        const char  *quote,
                                        gboolean     resolved,
                                        const CdCommentReply *replies,
                                        guint        n_replies) G_GNUC_WARN_UNUSED_RESULT;
CdComment  *cd_comment_new_resolved    (CdComment   *self,
                                        gboolean     resolved) G_GNUC_WARN_UNUSED_RESULT;
CdComment  *cd_comment_new_with_reply  (CdComment   *self,
                                        const char  *author,
                                        GDateTime   *time,
                                        const char  *text) G_GNUC_WARN_UNUSED_RESULT;
const char *cd_comment_get_id          (CdComment   *self);
const char *cd_comment_get_author      (CdComment   *self);
GDateTime  *cd_comment_get_time        (CdComment   *self);
const char *cd_comment_get_text        (CdComment   *self);
const char *cd_comment_get_field       (CdComment   *self);
const char *cd_comment_get_quote       (CdComment   *self);
gboolean    cd_comment_get_resolved    (CdComment   *self);
guint       cd_comment_get_n_replies   (CdComment   *self);
const CdCommentReply *cd_comment_get_reply (CdComment *self,
                                            guint      index);
gboolean    cd_comment_equal           (CdComment   *self,
                                        CdComment   *other);

G_END_DECLS
