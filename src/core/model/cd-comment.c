/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#define G_LOG_DOMAIN "copydesk-comment"

#include "config.h"

#include "cd-comment.h"

struct _CdComment
{
  GObject    parent_instance;

  char      *id;
  char      *author;
  GDateTime *time;
  char      *text;
  char      *field;
  char      *quote;
  GPtrArray *replies;   /* CdCommentReply */
  gboolean   resolved;
};

G_DEFINE_FINAL_TYPE (CdComment, cd_comment, G_TYPE_OBJECT)

static void
reply_free (CdCommentReply *reply)
{
  g_free (reply->author);
  g_clear_pointer (&reply->time, g_date_time_unref);
  g_free (reply->text);
  g_free (reply);
}

static CdCommentReply *
reply_new (const char *author,
           GDateTime  *time,
           const char *text)
{
  CdCommentReply *reply = g_new0 (CdCommentReply, 1);

  reply->author = g_strdup (author != NULL ? author : "");
  reply->time = time != NULL ? g_date_time_ref (time) : NULL;
  reply->text = g_strdup (text != NULL ? text : "");
  return reply;
}

static void
cd_comment_finalize (GObject *object)
{
  CdComment *self = CD_COMMENT (object);

  g_free (self->id);
  g_free (self->author);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->text);
  g_free (self->field);
  g_free (self->quote);
  g_ptr_array_unref (self->replies);

  G_OBJECT_CLASS (cd_comment_parent_class)->finalize (object);
}

static void
cd_comment_class_init (CdCommentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_comment_finalize;
}

static void
cd_comment_init (CdComment *self)
{
  self->replies = g_ptr_array_new_with_free_func ((GDestroyNotify) reply_free);
}

/**
 * cd_comment_new:
 * @id: an id unique in the article, such as "c1"
 * @author: who wrote it
 * @time: (nullable): when
 * @text: the comment
 * @field: the registry id of the field it is about
 * @quote: (nullable): the words of the field it is about
 *
 * Returns: (transfer full): a new, open comment without replies
 */
CdComment *
cd_comment_new (const char *id,
                const char *author,
                GDateTime  *time,
                const char *text,
                const char *field,
                const char *quote)
{
  CdComment *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (CD_TYPE_COMMENT, NULL);
  self->id = g_strdup (id);
  self->author = g_strdup (author != NULL ? author : "");
  self->time = time != NULL ? g_date_time_ref (time) : NULL;
  self->text = g_strdup (text);
  self->field = g_strdup (field);
  self->quote = quote != NULL && quote[0] != '\0' ? g_strdup (quote) : NULL;
  return self;
}

/**
 * cd_comment_new_full:
 * @id: an id unique in the article
 * @author: who wrote it
 * @time: (nullable): when
 * @text: the comment
 * @field: the registry id of the field it is about
 * @quote: (nullable): the words of the field it is about
 * @resolved: whether it is resolved
 * @replies: (array length=n_replies): its replies, copied
 * @n_replies: how many
 *
 * A comment with its whole thread at once, as the file holds it.
 *
 * Returns: (transfer full): a new comment
 */
CdComment *
cd_comment_new_full (const char           *id,
                     const char           *author,
                     GDateTime            *time,
                     const char           *text,
                     const char           *field,
                     const char           *quote,
                     gboolean              resolved,
                     const CdCommentReply *replies,
                     guint                 n_replies)
{
  CdComment *self = cd_comment_new (id, author, time, text, field, quote);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (replies != NULL || n_replies == 0, self);

  for (guint i = 0; i < n_replies; i++)
    g_ptr_array_add (self->replies, reply_new (replies[i].author, replies[i].time, replies[i].text));
  self->resolved = !!resolved;
  return self;
}

static CdComment *
copy (CdComment *self)
{
  CdComment *other = cd_comment_new (self->id, self->author, self->time, self->text,
                                     self->field, self->quote);

  for (guint i = 0; i < self->replies->len; i++)
    {
      CdCommentReply *reply = g_ptr_array_index (self->replies, i);

      g_ptr_array_add (other->replies, reply_new (reply->author, reply->time, reply->text));
    }
  other->resolved = self->resolved;
  return other;
}

/**
 * cd_comment_new_resolved:
 * @self: a comment
 * @resolved: whether the new comment is resolved
 *
 * Returns: (transfer full): a copy of @self, resolved or reopened
 */
CdComment *
cd_comment_new_resolved (CdComment *self,
                         gboolean   resolved)
{
  CdComment *other;

  g_return_val_if_fail (CD_IS_COMMENT (self), NULL);

  other = copy (self);
  other->resolved = !!resolved;
  return other;
}

/**
 * cd_comment_new_with_reply:
 * @self: a comment
 * @author: who replies
 * @time: (nullable): when
 * @text: the reply
 *
 * Returns: (transfer full): a copy of @self with the reply at the end
 */
CdComment *
cd_comment_new_with_reply (CdComment  *self,
                           const char *author,
                           GDateTime  *time,
                           const char *text)
{
  CdComment *other;

  g_return_val_if_fail (CD_IS_COMMENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  other = copy (self);
  g_ptr_array_add (other->replies, reply_new (author, time, text));
  return other;
}

const char *
cd_comment_get_id (CdComment *self)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), NULL);
  return self->id;
}

const char *
cd_comment_get_author (CdComment *self)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), NULL);
  return self->author;
}

GDateTime *
cd_comment_get_time (CdComment *self)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), NULL);
  return self->time;
}

const char *
cd_comment_get_text (CdComment *self)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), NULL);
  return self->text;
}

const char *
cd_comment_get_field (CdComment *self)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), NULL);
  return self->field;
}

const char *
cd_comment_get_quote (CdComment *self)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), NULL);
  return self->quote;
}

gboolean
cd_comment_get_resolved (CdComment *self)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), FALSE);
  return self->resolved;
}

guint
cd_comment_get_n_replies (CdComment *self)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), 0);
  return self->replies->len;
}

/**
 * cd_comment_get_reply:
 * @self: a comment
 * @index: which reply, from 0
 *
 * Returns: (transfer none): the reply
 */
const CdCommentReply *
cd_comment_get_reply (CdComment *self,
                      guint      index)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), NULL);
  g_return_val_if_fail (index < self->replies->len, NULL);

  return g_ptr_array_index (self->replies, index);
}

static gboolean
times_equal (GDateTime *a,
             GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

gboolean
cd_comment_equal (CdComment *self,
                  CdComment *other)
{
  g_return_val_if_fail (CD_IS_COMMENT (self), FALSE);
  g_return_val_if_fail (CD_IS_COMMENT (other), FALSE);

  if (g_strcmp0 (self->id, other->id) != 0 || g_strcmp0 (self->author, other->author) != 0
      || !times_equal (self->time, other->time) || g_strcmp0 (self->text, other->text) != 0
      || g_strcmp0 (self->field, other->field) != 0 || g_strcmp0 (self->quote, other->quote) != 0
      || self->resolved != other->resolved || self->replies->len != other->replies->len)
    return FALSE;
  for (guint i = 0; i < self->replies->len; i++)
    {
      CdCommentReply *a = g_ptr_array_index (self->replies, i);
      CdCommentReply *b = g_ptr_array_index (other->replies, i);

      if (g_strcmp0 (a->author, b->author) != 0 || !times_equal (a->time, b->time)
          || g_strcmp0 (a->text, b->text) != 0)
        return FALSE;
    }
  return TRUE;
}
