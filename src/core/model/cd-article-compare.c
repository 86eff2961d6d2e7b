/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Copying and comparing articles: a deep copy for work in another thread,
 * and an equality that covers every field, the authors, the tags, the lead
 * image, the publication records and the members Copydesk does not know,
 * so that the document can tell whether the article differs from what was
 * last saved. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article"

#include "cd-article-private.h"
#include "cd-time-zones.h"

static JsonObject *
copy_extra (JsonObject *extra)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (extra == NULL)
    return NULL;

  node = json_node_init_object (json_node_alloc (), extra);
  copy = json_node_copy (node);
  return json_node_dup_object (copy);
}

/**
 * cd_article_copy:
 * @self: a #CdArticle
 *
 * Makes an independent deep copy, for work in another thread (rendering,
 * exporting, autosave) while the original goes on being edited.
 *
 * Returns: (transfer full): the copy
 */
CdArticle *
cd_article_copy (CdArticle *self)
{
  g_autoptr(CdArticle) copy = NULL;
  g_autoptr(JsonObject) extra = NULL;
  CdImage *image;
  guint n;

  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  copy = cd_article_new_empty ();
  cd_article_set_id (copy, self->id);
  cd_article_set_created (copy, self->created);
  cd_article_set_modified (copy, self->modified);
  cd_article_set_status (copy, self->status);
  cd_article_set_planned_words (copy, self->planned_words);
  cd_article_set_language (copy, self->language);
  cd_article_set_headline (copy, self->headline);
  cd_article_set_standfirst (copy, self->standfirst);
  if (self->slug_edited)
    cd_article_set_slug (copy, self->slug);
  cd_article_set_section (copy, self->section);
  cd_article_set_dateline (copy, self->dateline);
  cd_article_set_published (copy, self->published);
  cd_article_set_embargo (copy, self->embargo);
  cd_article_set_comments (copy, self->comments);
  cd_article_set_editor_note (copy, self->editor_note);
  cd_article_set_body (copy, self->body);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (G_LIST_MODEL (self->authors), i);
      g_autoptr(CdAuthor) author_copy = cd_author_new (cd_author_get_name (author));
      g_autoptr(JsonObject) author_extra = copy_extra (cd_author_get_extra (author));

      cd_author_set_role (author_copy, cd_author_get_role (author));
      cd_author_set_email (author_copy, cd_author_get_email (author));
      cd_author_set_url (author_copy, cd_author_get_url (author));
      cd_author_set_extra (author_copy, author_extra);
      cd_article_add_author (copy, author_copy);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (G_LIST_MODEL (self->tags), i);
      g_autoptr(CdTag) tag_copy = cd_tag_new (cd_tag_get_name (tag),
                                              cd_tag_get_uri (tag),
                                              cd_tag_get_code (tag));
      g_autoptr(JsonObject) tag_extra = copy_extra (cd_tag_get_extra (tag));

      cd_tag_set_extra (tag_copy, tag_extra);
      cd_article_add_tag (copy, tag_copy);
    }

  image = cd_article_get_image (copy);
  cd_image_set_source (image, cd_image_get_source (self->image));
  cd_image_set_alt (image, cd_image_get_alt (self->image));
  cd_image_set_caption (image, cd_image_get_caption (self->image));
  cd_image_set_credit (image, cd_image_get_credit (self->image));
  cd_image_set_photographer (image, cd_image_get_photographer (self->image));
  cd_image_set_copyright (image, cd_image_get_copyright (self->image));
  {
    g_autoptr(JsonObject) image_extra = copy_extra (cd_image_get_extra (self->image));
    cd_image_set_extra (image, image_extra);
  }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->publications));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdPublication) record = g_list_model_get_item (G_LIST_MODEL (self->publications), i);

      cd_article_set_publication (copy, record);
    }

  /* Comments and corrections are values: the copy shares them. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->review_comments)); i++)
    {
      g_autoptr(CdComment) comment = g_list_model_get_item (G_LIST_MODEL (self->review_comments), i);

      g_list_store_append (copy->review_comments, comment);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->corrections)); i++)
    {
      g_autoptr(CdCorrection) correction = g_list_model_get_item (G_LIST_MODEL (self->corrections), i);

      g_list_store_append (copy->corrections, correction);
    }

  extra = copy_extra (self->extra);
  cd_article_set_extra (copy, extra);

  return g_steal_pointer (&copy);
}

/* Equality for cd_article_equal(): what the file records, so the same
 * instant with another offset differs too. */
static gboolean
date_times_equal (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static gboolean
extras_equal (JsonObject *a,
              JsonObject *b)
{
  gboolean a_empty = a == NULL || json_object_get_size (a) == 0;
  gboolean b_empty = b == NULL || json_object_get_size (b) == 0;

  if (a_empty || b_empty)
    return a_empty == b_empty;

  return json_object_equal (a, b);
}

static gboolean
authors_equal (GListModel *a,
               GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) first = g_list_model_get_item (a, i);
      g_autoptr(CdAuthor) second = g_list_model_get_item (b, i);

      if (g_strcmp0 (cd_author_get_name (first), cd_author_get_name (second)) != 0 ||
          g_strcmp0 (cd_author_get_role (first), cd_author_get_role (second)) != 0 ||
          g_strcmp0 (cd_author_get_email (first), cd_author_get_email (second)) != 0 ||
          g_strcmp0 (cd_author_get_url (first), cd_author_get_url (second)) != 0 ||
          !extras_equal (cd_author_get_extra (first), cd_author_get_extra (second)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
tags_equal (GListModel *a,
            GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) first = g_list_model_get_item (a, i);
      g_autoptr(CdTag) second = g_list_model_get_item (b, i);

      if (g_strcmp0 (cd_tag_get_name (first), cd_tag_get_name (second)) != 0 ||
          g_strcmp0 (cd_tag_get_uri (first), cd_tag_get_uri (second)) != 0 ||
          g_strcmp0 (cd_tag_get_code (first), cd_tag_get_code (second)) != 0 ||
          !extras_equal (cd_tag_get_extra (first), cd_tag_get_extra (second)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
images_equal (CdImage *a,
              CdImage *b)
{
  return g_strcmp0 (cd_image_get_source (a), cd_image_get_source (b)) == 0 &&
         g_strcmp0 (cd_image_get_alt (a), cd_image_get_alt (b)) == 0 &&
         g_strcmp0 (cd_image_get_caption (a), cd_image_get_caption (b)) == 0 &&
         g_strcmp0 (cd_image_get_credit (a), cd_image_get_credit (b)) == 0 &&
         g_strcmp0 (cd_image_get_photographer (a), cd_image_get_photographer (b)) == 0 &&
         g_strcmp0 (cd_image_get_copyright (a), cd_image_get_copyright (b)) == 0 &&
         extras_equal (cd_image_get_extra (a), cd_image_get_extra (b));
}

static gboolean
publications_equal (GListModel *a,
                    GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdPublication) first = g_list_model_get_item (a, i);
      g_autoptr(CdPublication) second = g_list_model_get_item (b, i);

      if (!cd_publication_equal (first, second))
        return FALSE;
    }

  return TRUE;
}

static gboolean
review_lists_equal (GListModel *a,
                    GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) first = g_list_model_get_item (a, i);
      g_autoptr(GObject) second = g_list_model_get_item (b, i);

      if (CD_IS_COMMENT (first) ? !cd_comment_equal (CD_COMMENT (first), CD_COMMENT (second))
                                : !cd_correction_equal (CD_CORRECTION (first),
                                                        CD_CORRECTION (second)))
        return FALSE;
    }

  return TRUE;
}

/**
 * cd_article_equal:
 * @self: a #CdArticle
 * @other: another #CdArticle
 *
 * Compares two articles field by field: everything the file format records,
 * including the keys this version does not know. The derived byline is left
 * out, since it follows from the authors. It is cheap enough to run after
 * every edit (the body is one string comparison), which is what a document
 * needs to tell whether it still matches its last save.
 *
 * Returns: %TRUE when the two would be saved alike
 */
gboolean
cd_article_equal (CdArticle *self,
                  CdArticle *other)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (other), FALSE);

  if (self == other)
    return TRUE;

  return self->status == other->status &&
         self->planned_words == other->planned_words &&
         self->comments == other->comments &&
         self->slug_edited == other->slug_edited &&
         g_strcmp0 (self->body, other->body) == 0 &&
         g_strcmp0 (self->headline, other->headline) == 0 &&
         g_strcmp0 (self->standfirst, other->standfirst) == 0 &&
         g_strcmp0 (self->id, other->id) == 0 &&
         g_strcmp0 (self->language, other->language) == 0 &&
         g_strcmp0 (self->section, other->section) == 0 &&
         g_strcmp0 (self->dateline, other->dateline) == 0 &&
         g_strcmp0 (self->editor_note, other->editor_note) == 0 &&
         g_strcmp0 (self->slug, other->slug) == 0 &&
         date_times_equal (self->created, other->created) &&
         date_times_equal (self->modified, other->modified) &&
         /* The zone a time was chosen in is saved beside it: 09:00 in Dubai
          * and 09:00 at +04:00 are different choices. */
         cd_date_time_same_choice (self->published, other->published) &&
         cd_date_time_same_choice (self->embargo, other->embargo) &&
         authors_equal (G_LIST_MODEL (self->authors), G_LIST_MODEL (other->authors)) &&
         tags_equal (G_LIST_MODEL (self->tags), G_LIST_MODEL (other->tags)) &&
         images_equal (self->image, other->image) &&
         publications_equal (G_LIST_MODEL (self->publications),
                             G_LIST_MODEL (other->publications)) &&
         review_lists_equal (G_LIST_MODEL (self->review_comments),
                             G_LIST_MODEL (other->review_comments)) &&
         review_lists_equal (G_LIST_MODEL (self->corrections),
                             G_LIST_MODEL (other->corrections)) &&
         extras_equal (self->extra, other->extra);
}
