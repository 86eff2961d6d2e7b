/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* A CdDocument's saved versions: reading the bytes of the last explicit
 * save, putting them back in the file when autosave wrote over them, and
 * reverting the article to what the file holds. */

#include "config.h"

#define G_LOG_DOMAIN "cd-document"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file.h"
#include "cd-document-private.h"
#include "cd-file-util.h"

/* Saved versions. */

static JsonObject *
copy_json_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (object == NULL)
    return NULL;

  node = json_node_init_object (json_node_alloc (), object);
  copy = json_node_copy (node);
  return json_node_dup_object (copy);
}

/* Makes @target hold what @source holds, through the setters, so that every
 * view of @target follows and its "changed" signals tell the document. */
static void
assign_article (CdArticle *target,
                CdArticle *source)
{
  GListModel *authors = cd_article_get_authors (source);
  GListModel *tags = cd_article_get_tags (source);
  CdImage *from = cd_article_get_image (source);
  CdImage *to = cd_article_get_image (target);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonObject) image_extra = NULL;

  cd_article_set_id (target, cd_article_get_id (source));
  cd_article_set_created (target, cd_article_get_created (source));
  cd_article_set_modified (target, cd_article_get_modified (source));
  cd_article_set_status (target, cd_article_get_status (source));
  cd_article_set_planned_words (target, cd_article_get_planned_words (source));
  cd_article_set_language (target, cd_article_get_language (source));
  cd_article_set_headline (target, cd_article_get_headline (source));
  cd_article_set_standfirst (target, cd_article_get_standfirst (source));
  if (cd_article_get_slug_edited (source))
    cd_article_set_slug (target, cd_article_get_slug (source));
  else
    cd_article_reset_slug (target);
  cd_article_set_section (target, cd_article_get_section (source));
  cd_article_set_dateline (target, cd_article_get_dateline (source));
  cd_article_set_published (target, cd_article_get_published (source));
  cd_article_set_embargo (target, cd_article_get_embargo (source));
  cd_article_set_comments (target, cd_article_get_comments (source));
  cd_article_set_editor_note (target, cd_article_get_editor_note (source));
  cd_article_set_body (target, cd_article_get_body (source));

  while (g_list_model_get_n_items (cd_article_get_authors (target)) > 0)
    cd_article_remove_author (target, 0);
  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      g_autoptr(CdAuthor) copy = cd_author_new (cd_author_get_name (author));
      g_autoptr(JsonObject) author_extra = copy_json_object (cd_author_get_extra (author));

      cd_author_set_role (copy, cd_author_get_role (author));
      cd_author_set_email (copy, cd_author_get_email (author));
      cd_author_set_url (copy, cd_author_get_url (author));
      cd_author_set_extra (copy, author_extra);
      cd_article_add_author (target, copy);
    }

  while (g_list_model_get_n_items (cd_article_get_tags (target)) > 0)
    cd_article_remove_tag (target, 0);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      g_autoptr(CdTag) copy = cd_tag_new (cd_tag_get_name (tag), cd_tag_get_uri (tag),
                                          cd_tag_get_code (tag));
      g_autoptr(JsonObject) tag_extra = copy_json_object (cd_tag_get_extra (tag));

      cd_tag_set_extra (copy, tag_extra);
      cd_article_add_tag (target, copy);
    }

  /* Review comments and corrections are values: the target shares them. */
  while (g_list_model_get_n_items (cd_article_get_review_comments (target)) > 0)
    cd_article_remove_review_comment (target, 0);
  for (guint i = 0; i < g_list_model_get_n_items (cd_article_get_review_comments (source)); i++)
    {
      g_autoptr(CdComment) comment = g_list_model_get_item (cd_article_get_review_comments (source), i);

      cd_article_add_review_comment (target, comment);
    }
  while (g_list_model_get_n_items (cd_article_get_corrections (target)) > 0)
    cd_article_remove_correction (target, 0);
  for (guint i = 0; i < g_list_model_get_n_items (cd_article_get_corrections (source)); i++)
    {
      g_autoptr(CdCorrection) correction = g_list_model_get_item (cd_article_get_corrections (source), i);

      cd_article_add_correction (target, correction);
    }

  cd_image_set_source (to, cd_image_get_source (from));
  cd_image_set_alt (to, cd_image_get_alt (from));
  cd_image_set_caption (to, cd_image_get_caption (from));
  cd_image_set_credit (to, cd_image_get_credit (from));
  cd_image_set_photographer (to, cd_image_get_photographer (from));
  cd_image_set_copyright (to, cd_image_get_copyright (from));
  image_extra = copy_json_object (cd_image_get_extra (from));
  cd_image_set_extra (to, image_extra);

  extra = copy_json_object (cd_article_get_extra (source));
  cd_article_set_extra (target, extra);
}

CdArticle *
cd_document_parse_explicit_bytes (CdDocument  *self,
                                  GError     **error)
{
  return cd_article_load_from_data (g_bytes_get_data (self->explicit_bytes, NULL),
                                    g_bytes_get_size (self->explicit_bytes),
                                    cd_document_get_display_name (self), error);
}

/* Puts the bytes of the last explicit save back into the file, if autosave
 * wrote over them. A file another program changed since is left alone. */
static gboolean
restore_explicit_file (CdDocument  *self,
                       GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(CdArticle) saved = NULL;

  if (!self->autosaved || self->file == NULL || self->explicit_bytes == NULL)
    return TRUE;

  info = g_file_query_info (self->file, FINGERPRINT_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL && self->fingerprint != NULL)
    {
      g_autofree char *current = cd_document_dup_fingerprint (self->file, info);

      if (strcmp (current, self->fingerprint) != 0)
        {
          g_autofree char *name = g_file_get_parse_name (self->file);

          g_set_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK,
                       _("%s was changed by another program after it was saved "
                         "automatically, so it was left as it is. Open it to see "
                         "those changes."),
                       name);
          return FALSE;
        }
    }

  if (!cd_file_replace_contents (self->file,
                                 g_bytes_get_data (self->explicit_bytes, NULL),
                                 g_bytes_get_size (self->explicit_bytes),
                                 NULL, error))
    return FALSE;

  g_clear_object (&info);
  info = g_file_query_info (self->file, FINGERPRINT_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  g_free (self->fingerprint);
  self->fingerprint = info != NULL ? cd_document_dup_fingerprint (self->file, info) : NULL;
  g_clear_pointer (&self->disk_fingerprint, g_free);
  cd_document_store_disk_state (self, CD_DOCUMENT_DISK_UNCHANGED);

  saved = cd_document_parse_explicit_bytes (self, NULL);
  cd_document_take_saved_article (self, g_steal_pointer (&saved));
  cd_document_store_autosaved (self, FALSE);
  cd_document_update_modified (self);

  return TRUE;
}

/**
 * cd_document_discard_autosaves:
 * @self: a #CdDocument
 * @error: return location for a #GError
 *
 * Puts the document's file back, byte for byte, as the user last saved it
 * explicitly, when autosave has written over it since (Discard when
 * closing). The article is left as it is. Does nothing when the file holds
 * no autosaved changes.
 *
 * Returns: %TRUE on success; %FALSE with %CD_DOCUMENT_ERROR_CHANGED_ON_DISK
 *   when another program changed the file meanwhile, or the %CD_FILE_ERROR
 *   of the write
 */
gboolean
cd_document_discard_autosaves (CdDocument  *self,
                               GError     **error)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return restore_explicit_file (self, error);
}

/**
 * cd_document_assign_article:
 * @self: a document
 * @source: the content to take, such as an earlier version of the article
 *
 * Makes the document's article hold what @source holds, field by field
 * through the article's setters, as Revert does: every view follows, an
 * undo history records it, and the document is modified unless @source
 * is what was saved. The file is not touched.
 */
void
cd_document_assign_article (CdDocument *self,
                            CdArticle  *source)
{
  g_return_if_fail (CD_IS_DOCUMENT (self));
  g_return_if_fail (CD_IS_ARTICLE (source));

  assign_article (self->article, source);
}

/**
 * cd_document_revert_to_saved:
 * @self: a #CdDocument
 * @error: return location for a #GError
 *
 * Goes back to the user's last explicit save (or to the file as it was
 * loaded): the file gets those bytes back if autosave wrote over them, the
 * article takes that content through its setters, the recovery copy goes,
 * and the document is no longer modified.
 *
 * Returns: %TRUE on success; %FALSE with %CD_DOCUMENT_ERROR_NO_FILE when
 *   there is no saved version, %G_IO_ERROR_BUSY during a save, or an error
 *   as from cd_document_discard_autosaves()
 */
gboolean
cd_document_revert_to_saved (CdDocument  *self,
                             GError     **error)
{
  g_autoptr(CdArticle) saved = NULL;

  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->explicit_bytes == NULL)
    {
      g_set_error_literal (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_NO_FILE,
                           _("The article has no saved version to go back to"));
      return FALSE;
    }

  if (self->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The article is being saved; revert when that save has "
                             "finished"));
      return FALSE;
    }

  saved = cd_document_parse_explicit_bytes (self, error);
  if (saved == NULL)
    return FALSE;

  if (!restore_explicit_file (self, error))
    return FALSE;

  cd_document_take_saved_article (self, cd_article_copy (saved));
  self->forced_modified = FALSE;
  assign_article (self->article, saved);
  self->forced_modified = FALSE;
  cd_document_update_modified (self);
  cd_document_remove_recovery_files (self);

  return TRUE;
}
