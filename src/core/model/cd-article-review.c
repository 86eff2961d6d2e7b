/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The review of an article: comments on its fields (for the desk only) and
 * the public corrections log. Both are lists of values, changed only by
 * replacing, adding or removing items, so that CdHistory records every
 * change as a list change and undoes it. */

#define G_LOG_DOMAIN "copydesk-article"

#include "config.h"

#include <string.h>

#include "cd-article-private.h"
#include "cd-critic.h"
#include "cd-field.h"
#include "cd-language.h"

/**
 * cd_article_get_review_comments:
 * @self: a #CdArticle
 *
 * Returns: (transfer none): the review comments (#CdComment), in order
 */
GListModel *
cd_article_get_review_comments (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  return G_LIST_MODEL (self->review_comments);
}

/**
 * cd_article_lookup_review_comment:
 * @self: a #CdArticle
 * @id: a comment's id
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): the comment with that id
 */
CdComment *
cd_article_lookup_review_comment (CdArticle  *self,
                                  const char *id,
                                  guint      *position)
{
  guint n;

  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->review_comments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdComment) comment = g_list_model_get_item (G_LIST_MODEL (self->review_comments), i);

      if (strcmp (cd_comment_get_id (comment), id) == 0)
        {
          if (position != NULL)
            *position = i;
          /* The list holds it. */
          return comment;
        }
    }
  return NULL;
}

/**
 * cd_article_dup_new_comment_id:
 * @self: a #CdArticle
 *
 * Returns: (transfer full): an id no comment of the article has, "c1",
 *   "c2"…
 */
char *
cd_article_dup_new_comment_id (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->review_comments)) + 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);

      if (cd_article_lookup_review_comment (self, id, NULL) == NULL)
        return g_steal_pointer (&id);
    }
}

/**
 * cd_article_add_review_comment:
 * @self: a #CdArticle
 * @comment: a comment whose id the article does not have yet, on a field
 *   of the registry (cd_field_lookup())
 *
 * Appends a comment.
 */
void
cd_article_add_review_comment (CdArticle *self,
                               CdComment *comment)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_COMMENT (comment));
  g_return_if_fail (cd_article_lookup_review_comment (self, cd_comment_get_id (comment), NULL) == NULL);
  /* The file names the field by its registry id and refuses any other. */
  g_return_if_fail (cd_field_lookup (cd_comment_get_field (comment)) != NULL);

  g_list_store_append (self->review_comments, comment);
  cd_article_emit_changed (self);
}

/**
 * cd_article_insert_review_comment:
 * @self: a #CdArticle
 * @position: where; past the end appends
 * @comment: a comment whose id the article does not have yet
 *
 * Inserts a comment where it was, for the undo history.
 */
void
cd_article_insert_review_comment (CdArticle *self,
                                  guint      position,
                                  CdComment *comment)
{
  guint n;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_COMMENT (comment));
  g_return_if_fail (cd_article_lookup_review_comment (self, cd_comment_get_id (comment), NULL) == NULL);
  g_return_if_fail (cd_field_lookup (cd_comment_get_field (comment)) != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->review_comments));
  g_list_store_insert (self->review_comments, MIN (position, n), comment);
  cd_article_emit_changed (self);
}

void
cd_article_remove_review_comment (CdArticle *self,
                                  guint      position)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->review_comments)));

  g_list_store_remove (self->review_comments, position);
  cd_article_emit_changed (self);
}

static void
replace_comment (CdArticle *self,
                 guint      position,
                 CdComment *comment)
{
  g_list_store_splice (self->review_comments, position, 1, (gpointer *) &comment, 1);
  cd_article_emit_changed (self);
}

/**
 * cd_article_resolve_review_comment:
 * @self: a #CdArticle
 * @position: the comment's place in the list
 * @resolved: %TRUE to resolve it, %FALSE to reopen it
 */
void
cd_article_resolve_review_comment (CdArticle *self,
                                   guint      position,
                                   gboolean   resolved)
{
  g_autoptr(CdComment) comment = NULL;
  g_autoptr(CdComment) changed = NULL;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->review_comments)));

  comment = g_list_model_get_item (G_LIST_MODEL (self->review_comments), position);
  if (cd_comment_get_resolved (comment) == !!resolved)
    return;
  changed = cd_comment_new_resolved (comment, resolved);
  replace_comment (self, position, changed);
}

/**
 * cd_article_reply_review_comment:
 * @self: a #CdArticle
 * @position: the comment's place in the list
 * @author: who replies
 * @time: (nullable): when
 * @text: the reply
 */
void
cd_article_reply_review_comment (CdArticle  *self,
                                 guint       position,
                                 const char *author,
                                 GDateTime  *time,
                                 const char *text)
{
  g_autoptr(CdComment) comment = NULL;
  g_autoptr(CdComment) changed = NULL;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->review_comments)));
  g_return_if_fail (text != NULL);

  comment = g_list_model_get_item (G_LIST_MODEL (self->review_comments), position);
  changed = cd_comment_new_with_reply (comment, author, time, text);
  replace_comment (self, position, changed);
}

/**
 * cd_article_count_open_comments:
 * @self: a #CdArticle
 *
 * Returns: how many comments are still open: the unresolved comments on
 *   fields and the comments in the body's CriticMarkup
 */
guint
cd_article_count_open_comments (CdArticle *self)
{
  guint n = 0;

  g_return_val_if_fail (CD_IS_ARTICLE (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->review_comments)); i++)
    {
      g_autoptr(CdComment) comment = g_list_model_get_item (G_LIST_MODEL (self->review_comments), i);

      if (!cd_comment_get_resolved (comment))
        n++;
    }
  return n + cd_critic_count_comments (self->body);
}

/**
 * cd_article_get_corrections:
 * @self: a #CdArticle
 *
 * Returns: (transfer none): the corrections log (#CdCorrection), oldest
 *   first as readers read it
 */
GListModel *
cd_article_get_corrections (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  return G_LIST_MODEL (self->corrections);
}

void
cd_article_add_correction (CdArticle    *self,
                           CdCorrection *correction)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_CORRECTION (correction));

  g_list_store_append (self->corrections, correction);
  cd_article_emit_changed (self);
}

/**
 * cd_article_insert_correction:
 * @self: a #CdArticle
 * @position: where; past the end appends
 * @correction: the correction
 */
void
cd_article_insert_correction (CdArticle    *self,
                              guint         position,
                              CdCorrection *correction)
{
  guint n;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_CORRECTION (correction));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->corrections));
  g_list_store_insert (self->corrections, MIN (position, n), correction);
  cd_article_emit_changed (self);
}

void
cd_article_replace_correction (CdArticle    *self,
                               guint         position,
                               CdCorrection *correction)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_CORRECTION (correction));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->corrections)));

  g_list_store_splice (self->corrections, position, 1, (gpointer *) &correction, 1);
  cd_article_emit_changed (self);
}

void
cd_article_remove_correction (CdArticle *self,
                              guint      position)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->corrections)));

  g_list_store_remove (self->corrections, position);
  cd_article_emit_changed (self);
}

/**
 * cd_article_dup_reader_body:
 * @self: a #CdArticle
 *
 * The body as readers would read it now (cd_critic_reader_view()): what
 * every export, the page and the word counts use, so that no suggestion
 * or comment leaves the file.
 *
 * Returns: (transfer full): the reader's body
 */
char *
cd_article_dup_reader_body (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  return cd_critic_reader_view (self->body);
}

/* Text as Markdown that means exactly that text: every ASCII punctuation
 * mark escaped (CommonMark allows it for all of them), line breaks as
 * spaces so that an entry stays one list item. */
static void
append_markdown_literal (GString    *out,
                         const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        {
          if (g_ascii_ispunct (*p))
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
}

/**
 * cd_article_dup_corrections_markdown:
 * @self: a #CdArticle
 *
 * The corrections log as a Markdown section for formats that have no
 * place of their own for it (the ninjs body, the WordPress post): a
 * heading in the article's language and one item per correction, dated
 * as the page dates it.
 *
 * Returns: (transfer full) (nullable): the section, or %NULL when the log
 *   is empty
 */
char *
cd_article_dup_corrections_markdown (CdArticle *self)
{
  const CdLanguageWords *words;
  GString *out;
  guint n;

  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->corrections));
  if (n == 0)
    return NULL;

  words = cd_language_words_lookup (self->language);
  out = g_string_new ("## ");
  append_markdown_literal (out, words->corrections);
  g_string_append (out, "\n\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdCorrection) correction = g_list_model_get_item (G_LIST_MODEL (self->corrections), i);
      g_autofree char *date = cd_language_words_format_date (words,
                                                             cd_correction_get_date (correction));

      g_string_append (out, "- **");
      append_markdown_literal (out, date);
      g_string_append (out, ":** ");
      append_markdown_literal (out, cd_correction_get_text (correction));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
