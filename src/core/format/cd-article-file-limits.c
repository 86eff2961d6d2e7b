/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The sizes an article may have: every text field and the body have a limit
 * that the reader enforces too, so that an article Copydesk saves can always
 * be opened again. cd_article_check_limits() says which field is too long
 * before a save or an export writes anything. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-file"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file-private.h"

typedef struct
{
  const char *label;
  const char *text;
  gsize       limit;
} LimitedText;

static gboolean
check_text (const LimitedText  *field,
            GError            **error)
{
  gsize length = field->text != NULL ? strlen (field->text) : 0;
  g_autofree char *size = NULL;
  g_autofree char *limit = NULL;

  if (length <= field->limit)
    return TRUE;

  size = g_format_size (length);
  limit = g_format_size (field->limit);
  g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
               /* Translators: the first %s is a field such as "the headline" */
               _("%s is %s long, more than the %s an article can hold there. Shorten it."),
               _(field->label), size, limit);
  return FALSE;
}

/* The review comments and the corrections log, as the loader checks them
 * (cd-article-file-review.c). */
static gboolean
check_review_limits (CdArticle  *article,
                     GError    **error)
{
  GListModel *comments = cd_article_get_review_comments (article);
  GListModel *corrections = cd_article_get_corrections (article);
  guint n = g_list_model_get_n_items (comments);

  if (n > CD_LIMIT_COMMENTS)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                   _("The article has %u review comments, more than the %d it can hold."),
                   n, CD_LIMIT_COMMENTS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdComment) comment = g_list_model_get_item (comments, i);
      guint n_replies = cd_comment_get_n_replies (comment);
      const LimitedText fields[] = {
        { N_("A review comment"), cd_comment_get_text (comment), CD_LIMIT_TEXT_BYTES },
        { N_("A review comment’s author"), cd_comment_get_author (comment), CD_LIMIT_TEXT_BYTES },
        { N_("A review comment’s id"), cd_comment_get_id (comment), CD_LIMIT_TEXT_BYTES },
        { N_("The words a review comment quotes"), cd_comment_get_quote (comment), CD_LIMIT_TEXT_BYTES },
      };

      for (size_t j = 0; j < G_N_ELEMENTS (fields); j++)
        if (!check_text (&fields[j], error))
          return FALSE;
      if (n_replies > CD_LIMIT_COMMENT_REPLIES)
        {
          g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                       _("A review comment has %u replies, more than the %d it can hold."),
                       n_replies, CD_LIMIT_COMMENT_REPLIES);
          return FALSE;
        }
      for (guint j = 0; j < n_replies; j++)
        {
          const CdCommentReply *reply = cd_comment_get_reply (comment, j);
          const LimitedText reply_fields[] = {
            { N_("A reply to a review comment"), reply->text, CD_LIMIT_TEXT_BYTES },
            { N_("A review comment’s author"), reply->author, CD_LIMIT_TEXT_BYTES },
          };

          for (size_t k = 0; k < G_N_ELEMENTS (reply_fields); k++)
            if (!check_text (&reply_fields[k], error))
              return FALSE;
        }
    }

  n = g_list_model_get_n_items (corrections);
  if (n > CD_LIMIT_CORRECTIONS)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                   _("The article has %u corrections, more than the %d it can hold."),
                   n, CD_LIMIT_CORRECTIONS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdCorrection) correction = g_list_model_get_item (corrections, i);
      const LimitedText field = { N_("A correction"), cd_correction_get_text (correction),
                                  CD_LIMIT_TEXT_BYTES };

      if (!check_text (&field, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cd_article_check_limits:
 * @article: a #CdArticle
 * @error: return location for a %CD_FILE_ERROR_TOO_LARGE error
 *
 * Whether @article fits the limits that loading enforces (cd-limits.h): the
 * length of each text, the number of authors, tags and publication records. Whatever is saved must
 * open again, so saving, importing and the window's edits all ask this.
 *
 * Returns: %TRUE when the article fits
 */
gboolean
cd_article_check_limits (CdArticle  *article,
                         GError    **error)
{
  CdImage *image;
  GListModel *authors, *tags, *publications;
  guint n;

  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);

  image = cd_article_get_image (article);
  {
    const LimitedText fields[] = {
      { N_("The body"), cd_article_get_body (article), CD_LIMIT_BODY_BYTES },
      { N_("The headline"), cd_article_get_headline (article), CD_LIMIT_TEXT_BYTES },
      { N_("The standfirst"), cd_article_get_standfirst (article), CD_LIMIT_TEXT_BYTES },
      { N_("The slug"), cd_article_get_slug (article), CD_LIMIT_TEXT_BYTES },
      { N_("The section"), cd_article_get_section (article), CD_LIMIT_TEXT_BYTES },
      { N_("The language"), cd_article_get_language (article), CD_LIMIT_TEXT_BYTES },
      { N_("The dateline"), cd_article_get_dateline (article), CD_LIMIT_TEXT_BYTES },
      { N_("The editor’s note"), cd_article_get_editor_note (article), CD_LIMIT_TEXT_BYTES },
      { N_("The article’s id"), cd_article_get_id (article), CD_LIMIT_TEXT_BYTES },
      { N_("The lead image’s source"), cd_image_get_source (image), CD_LIMIT_TEXT_BYTES },
      { N_("The alt text"), cd_image_get_alt (image), CD_LIMIT_TEXT_BYTES },
      { N_("The caption"), cd_image_get_caption (image), CD_LIMIT_TEXT_BYTES },
      { N_("The credit"), cd_image_get_credit (image), CD_LIMIT_TEXT_BYTES },
      { N_("The photographer"), cd_image_get_photographer (image), CD_LIMIT_TEXT_BYTES },
      { N_("The copyright"), cd_image_get_copyright (image), CD_LIMIT_TEXT_BYTES },
    };

    for (size_t i = 0; i < G_N_ELEMENTS (fields); i++)
      if (!check_text (&fields[i], error))
        return FALSE;
  }

  authors = cd_article_get_authors (article);
  n = g_list_model_get_n_items (authors);
  if (n > CD_LIMIT_AUTHORS)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                   _("The article has %u authors, more than the %d it can hold."),
                   n, CD_LIMIT_AUTHORS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      const LimitedText fields[] = {
        { N_("An author’s name"), cd_author_get_name (author), CD_LIMIT_TEXT_BYTES },
        { N_("An author’s role"), cd_author_get_role (author), CD_LIMIT_TEXT_BYTES },
        { N_("An author’s e-mail address"), cd_author_get_email (author), CD_LIMIT_TEXT_BYTES },
        { N_("An author’s web address"), cd_author_get_url (author), CD_LIMIT_TEXT_BYTES },
      };

      for (size_t j = 0; j < G_N_ELEMENTS (fields); j++)
        if (!check_text (&fields[j], error))
          return FALSE;
    }

  tags = cd_article_get_tags (article);
  n = g_list_model_get_n_items (tags);
  if (n > CD_LIMIT_TAGS)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                   _("The article has %u tags, more than the %d it can hold."),
                   n, CD_LIMIT_TAGS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      const LimitedText fields[] = {
        { N_("A tag"), cd_tag_get_name (tag), CD_LIMIT_TEXT_BYTES },
        { N_("A tag’s address"), cd_tag_get_uri (tag), CD_LIMIT_TEXT_BYTES },
        { N_("A tag’s code"), cd_tag_get_code (tag), CD_LIMIT_TEXT_BYTES },
      };

      for (size_t j = 0; j < G_N_ELEMENTS (fields); j++)
        if (!check_text (&fields[j], error))
          return FALSE;
    }

  if (!check_review_limits (article, error))
    return FALSE;

  publications = cd_article_get_publications (article);
  n = g_list_model_get_n_items (publications);
  if (n > CD_LIMIT_PUBLICATIONS)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                   _("The article records %u sites it was published on, more than the %d it can hold."),
                   n, CD_LIMIT_PUBLICATIONS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdPublication) record = g_list_model_get_item (publications, i);
      gsize n_tags, n_categories;
      const LimitedText fields[] = {
        { N_("A site’s address"), cd_publication_get_site (record), CD_LIMIT_TEXT_BYTES },
        { N_("A post’s address"), cd_publication_get_link (record), CD_LIMIT_TEXT_BYTES },
        { N_("An uploaded image’s source"), cd_publication_get_media_source (record), CD_LIMIT_TEXT_BYTES },
        { N_("A post’s modification time"), cd_publication_get_modified_gmt (record), CD_LIMIT_TEXT_BYTES },
        { N_("A post’s status"), cd_publication_get_status (record), CD_LIMIT_TEXT_BYTES },
        { N_("A post’s slug"), cd_publication_get_slug (record), CD_LIMIT_TEXT_BYTES },
      };

      for (size_t j = 0; j < G_N_ELEMENTS (fields); j++)
        if (!check_text (&fields[j], error))
          return FALSE;

      cd_publication_get_tag_ids (record, &n_tags);
      cd_publication_get_category_ids (record, &n_categories);
      if (n_tags > CD_LIMIT_TAGS || n_categories > CD_LIMIT_TAGS)
        {
          g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                       _("A post on %s has more than %d tags or categories."),
                       cd_publication_get_site (record), CD_LIMIT_TAGS);
          return FALSE;
        }
    }

  return TRUE;
}
