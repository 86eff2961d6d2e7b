/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The lead image uploaded to the site's media library, with its progress,
 * and the article's JSON-LD that names the post and its image. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-publisher-private.h"

/* ---------------------------------------------------------------- image */

static void
on_upload_progress (guint64  written,
                    guint64  total,
                    gpointer user_data)
{
  Job *job = user_data;
  double part = total > 0 ? (double) written / (double) total : 1.0;

  cd_publish_job_progress (job, NULL,
                           job->upload_from + part * (job->upload_to - job->upload_from));
}

/* Sends the image's alt text and caption to media item @media_id: the
 * upload's body is the file itself, and an image kept from an earlier
 * push may have new ones. */
static gboolean
send_media_fields (Job      *job,
                   CdImage  *image,
                   gint64    media_id,
                   GError  **error)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT, media_id);
  g_autofree char *caption = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) updated = NULL;
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "alt_text",
                                 cd_image_get_alt (image) != NULL ? cd_image_get_alt (image) : "");
  caption = cd_wp_media_caption (cd_image_get_caption (image), cd_image_get_credit (image));
  if (caption != NULL)
    json_object_set_string_member (fields, "caption", caption);
  body = json_node_init_object (json_node_alloc (), fields);
  json_object_unref (fields);
  updated = cd_wp_site_rest_sync (job->site, "POST", route, NULL, body, job->cancellable, error);
  return updated != NULL;
}

/* A media item kept for this article, with its alt text and caption
 * brought up to date. 0 when the item is gone from the site (upload the
 * image again), -1 on error. Another error than a missing item only costs
 * the alt text: the image stays. */
static gint64
keep_media (Job      *job,
            CdImage  *image,
            gint64    media_id,
            GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (send_media_fields (job, image, media_id, &local_error))
    return media_id;
  if (g_error_matches (local_error, CD_WP_ERROR, CD_WP_ERROR_NOT_FOUND))
    return 0;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  cd_publish_job_warn (job, _("The lead image’s alt text and caption could not be updated on %s "
                              "(%s). Edit them in the site’s media library"),
                       cd_publish_site_label (job), local_error->message);
  return media_id;
}

static const char *
path_basename (const char *path)
{
  const char *slash = path != NULL ? strrchr (path, '/') : NULL;

  return slash != NULL ? slash + 1 : path;
}

/* An upload of the same file by this account that an earlier attempt made
 * before it failed: same file name and size, and the article's alt text or
 * none yet (the attempt may have failed before sending it). 0 when there
 * is none; the search is best effort, an error only means uploading. */
static gint64
find_earlier_upload (Job        *job,
                     CdImage    *image,
                     const char *basename,
                     gsize       size)
{
  g_autofree char *stem = g_strdup (basename);
  g_autofree char *escaped = NULL;
  g_autofree char *query = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *alt = cd_image_get_alt (image) != NULL ? cd_image_get_alt (image) : "";
  char *dot = strrchr (stem, '.');
  JsonArray *array;

  if (dot != NULL && dot != stem)
    *dot = '\0';
  escaped = g_uri_escape_string (stem, NULL, FALSE);
  query = g_strdup_printf ("context=edit&media_type=image&per_page=20&search=%s", escaped);
  node = cd_wp_site_rest_sync (job->site, "GET", "wp/v2/media", query, NULL,
                               job->cancellable, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *media;
      JsonObject *details;
      const char *file;
      const char *their_alt;
      gint64 filesize;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      media = json_node_get_object (element);
      details = cd_publish_object_object (media, "media_details");
      file = cd_publish_object_string (details, "file");
      if (file == NULL)
        file = cd_publish_object_string (media, "source_url");
      filesize = cd_publish_object_int (details, "filesize");
      their_alt = cd_publish_object_string (media, "alt_text");
      if (job->account->user_id > 0
          && cd_publish_object_int (media, "author") != job->account->user_id)
        continue;
      if (g_strcmp0 (path_basename (file), basename) != 0)
        continue;
      if (filesize > 0 && (guint64) filesize != size)
        continue;
      if (their_alt != NULL && *their_alt != '\0' && strcmp (their_alt, alt) != 0)
        continue;
      if (cd_publish_object_int (media, "id") > 0)
        return cd_publish_object_int (media, "id");
    }
  return 0;
}

/* The featured image: the record's when the image is the one uploaded
 * then, the post's when an earlier push whose answer was lost set it, an
 * upload an earlier failed attempt left, else uploaded now. 0 without an
 * image; -1 on error. */
gint64
cd_publish_upload_image (Job           *job,
                         CdPublication *record,
                         JsonObject    *existing,
                         const char   **media_source,
                         GError       **error)
{
  CdImage *image = cd_article_get_image (job->article);
  const char *source = image != NULL ? cd_image_get_source (image) : NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) media = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  gint64 kept = 0;
  gint64 media_id;
  gsize size;
  const guchar *data;

  *media_source = NULL;
  if (image == NULL || !cd_image_is_set (image) || source == NULL || *source == '\0')
    return 0;
  *media_source = source;

  /* With a record, the post's image is the record's: a different source
   * is a new image to upload. Without one, the post an earlier push made
   * has the image that push uploaded. */
  if (record != NULL && cd_publication_get_media_id (record) > 0
      && g_strcmp0 (cd_publication_get_media_source (record), source) == 0)
    kept = cd_publication_get_media_id (record);
  else if (record == NULL && existing != NULL
           && cd_publish_object_int (existing, "featured_media") > 0)
    kept = cd_publish_object_int (existing, "featured_media");
  if (kept > 0)
    {
      kept = keep_media (job, image, kept, error);
      if (kept != 0)
        return kept;
    }

  if (cd_image_is_remote (image))
    {
      cd_publish_job_warn (job, _("The lead image is a web address (%s): Copydesk leaves it where "
                                  "it is, and the post on %s has no featured image"),
                           source, cd_publish_site_label (job));
      *media_source = NULL;
      return 0;
    }
  if (!job->account->can_upload)
    {
      cd_publish_job_warn (job, _("Your account on %s may not upload files: the post has no "
                                  "featured image. Ask the site’s administrator for the right"),
                           cd_publish_site_label (job));
      *media_source = NULL;
      return 0;
    }

  folder = g_file_new_for_path (job->article_dir != NULL ? job->article_dir : ".");
  file = cd_image_source_resolve (source, folder);
  if (file != NULL)
    bytes = g_file_load_bytes (file, job->cancellable, NULL, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The lead image “%s” cannot be read (%s). Choose the image "
                     "again in the article’s Image field"),
                   source, local_error != NULL ? local_error->message : _("outside the article’s folder"));
      return -1;
    }

  basename = g_file_get_basename (file);
  data = g_bytes_get_data (bytes, &size);

  media_id = find_earlier_upload (job, image, basename, size);
  if (media_id > 0)
    {
      media_id = keep_media (job, image, media_id, error);
      if (media_id != 0)
        return media_id;
    }

  content_type = g_content_type_guess (basename, data, size, NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  if (mime_type == NULL || !g_str_has_prefix (mime_type, "image/"))
    {
      g_free (mime_type);
      mime_type = g_strdup ("application/octet-stream");
    }

  cd_publish_job_progress (job, _("Uploading the lead image…"), job->upload_from);
  media = cd_wp_site_upload_sync (job->site, bytes, basename, mime_type,
                                  on_upload_progress, job, job->cancellable, error);
  if (media == NULL)
    return -1;
  if (!JSON_NODE_HOLDS_OBJECT (media)
      || cd_publish_object_int (json_node_get_object (media), "id") <= 0)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_MALFORMED,
                   _("%s answered the upload with JSON that is not a media item. "
                     "Check the site’s address in Preferences"), cd_publish_site_label (job));
      return -1;
    }
  media_id = cd_publish_object_int (json_node_get_object (media), "id");
  if (!send_media_fields (job, image, media_id, error))
    return -1;
  return media_id;
}

/* -------------------------------------------------------------- JSON-LD */

/* The address WordPress serves the media item at, or NULL. */
static char *
media_url (Job    *job,
           gint64  media_id)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT, media_id);
  g_autoptr(JsonNode) media = NULL;

  media = cd_wp_site_rest_sync (job->site, "GET", route, NULL, NULL, job->cancellable, NULL);
  if (media == NULL || !JSON_NODE_HOLDS_OBJECT (media))
    return NULL;
  return g_strdup (cd_publish_object_string (json_node_get_object (media), "source_url"));
}

/* The article's JSON-LD with "url" the post's address and the lead image
 * where WordPress serves it, or NULL with a warning when it cannot be
 * made. */
char *
cd_publish_build_jsonld (Job        *job,
                         const char *link,
                         gint64      media_id)
{
  CdExporter *exporter = cd_exporters_lookup ("jsonld");
  CdExportOptions options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CdArticle) copy = cd_article_copy (job->article);
  CdImage *image = cd_article_get_image (copy);
  JsonNode *root;
  gsize size;
  const char *data;

  if (exporter == NULL)
    return NULL;
  if (media_id > 0 && image != NULL && cd_image_is_set (image) && !cd_image_is_remote (image))
    {
      g_autofree char *url = media_url (job, media_id);

      if (url != NULL)
        cd_image_set_source (image, url);
    }
  options.image_mode = CD_EXPORT_IMAGE_NONE;
  options.article_dir = job->article_dir;
  bytes = cd_exporter_export (exporter, copy, &options, &error);
  if (bytes == NULL)
    {
      /* The JSON-LD names only https images; without one it goes without
       * the image rather than not at all. */
      g_clear_error (&error);
      cd_image_clear (image);
      bytes = cd_exporter_export (exporter, copy, &options, &error);
    }
  if (bytes == NULL)
    {
      cd_publish_job_warn (job, _("The article’s JSON-LD could not be made (%s): the page on %s "
                                  "has none from Copydesk"),
                           error->message, cd_publish_site_label (job));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) && link != NULL)
    json_object_set_string_member (json_node_get_object (root), "url", link);
  return json_to_string (root, FALSE);
}
