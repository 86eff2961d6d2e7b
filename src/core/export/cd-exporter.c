/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-exporter"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "cd-article-file.h"
#include "cd-export-ans.h"
#include "cd-export-copydesk.h"
#include "cd-export-html.h"
#include "cd-export-jsonld.h"
#include "cd-export-ninjs.h"
#include "cd-export-wordpress.h"
#include "cd-exporter.h"
#include "cd-image-size.h"
#include "cd-url.h"

/**
 * CdExporter:
 *
 * Turns an article into a document for publishing: ninjs, JSON-LD, ANS, a
 * WordPress payload, an HTML page or the native format. The preview, the export
 * dialog and copydesk-cli all go through the same exporters, so what an editor
 * sees is what the CMS receives.
 *
 * An export is deterministic: the same article and options give the same bytes.
 */

G_DEFINE_QUARK (cd-export-error-quark, cd_export_error)

G_DEFINE_INTERFACE (CdExporter, cd_exporter, G_TYPE_OBJECT)

static void
cd_exporter_default_init (CdExporterInterface *iface)
{
}

const char *
cd_exporter_get_id (CdExporter *self)
{
  g_return_val_if_fail (CD_IS_EXPORTER (self), NULL);
  return CD_EXPORTER_GET_IFACE (self)->id;
}

const char *
cd_exporter_get_name (CdExporter *self)
{
  g_return_val_if_fail (CD_IS_EXPORTER (self), NULL);
  return g_dgettext (GETTEXT_PACKAGE, CD_EXPORTER_GET_IFACE (self)->name);
}

const char *
cd_exporter_get_extension (CdExporter *self)
{
  g_return_val_if_fail (CD_IS_EXPORTER (self), NULL);
  return CD_EXPORTER_GET_IFACE (self)->extension;
}

const char *
cd_exporter_get_mime_type (CdExporter *self)
{
  g_return_val_if_fail (CD_IS_EXPORTER (self), NULL);
  return CD_EXPORTER_GET_IFACE (self)->mime_type;
}

/**
 * cd_exporter_dup_file_name:
 * @self: a #CdExporter
 * @article: the article to export
 *
 * The name an export of @article gets unless the user chooses another: the
 * slug and the exporter's extension ("ferry-sails.html"). The formats whose
 * extension is "json" (ninjs, ANS, WordPress) put their id before it
 * ("ferry-sails.ninjs.json"), so that exports in several formats sit side by
 * side in one folder instead of replacing each other, and the name says
 * which format a file holds. The export window and copydesk-cli both name
 * files this way.
 *
 * The slug is typed by people, so it is made safe as a file name: a folder
 * separator becomes a hyphen and leading dots are dropped, so that the name
 * never points into another folder or hides the file. A slug that leaves
 * nothing is "article".
 *
 * Returns: (transfer full): the file name, without a folder
 */
char *
cd_exporter_dup_file_name (CdExporter *self,
                           CdArticle  *article)
{
  const char *extension;
  const char *slug;
  g_autoptr(GString) stem = g_string_new (NULL);

  g_return_val_if_fail (CD_IS_EXPORTER (self), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  extension = cd_exporter_get_extension (self);
  slug = cd_article_get_slug (article);

  for (const char *p = slug != NULL ? slug : ""; *p != '\0'; p++)
    {
      char c = (*p == '/' || *p == '\\') ? '-' : *p;

      /* No leading dots or hyphens, and no run of hyphens left by the
       * separators of a path. */
      if ((c == '.' || c == '-') && stem->len == 0)
        continue;
      if (c == '-' && stem->str[stem->len - 1] == '-')
        continue;
      g_string_append_c (stem, c);
    }
  g_strstrip (stem->str);
  g_string_set_size (stem, strlen (stem->str));
  if (stem->len == 0)
    g_string_assign (stem, "article");

  if (g_str_equal (extension, "json"))
    return g_strdup_printf ("%s.%s.json", stem->str, cd_exporter_get_id (self));

  return g_strdup_printf ("%s.%s", stem->str, extension);
}

/* Where the lead image file is on disk, for an image that is not a URL. */
static GFile *
local_image_file (CdImage               *image,
                  const CdExportOptions *options)
{
  const char *source = cd_image_get_source (image);

  if (g_path_is_absolute (source))
    return g_file_new_for_path (source);

  if (options->article_dir != NULL)
    {
      g_autofree char *path = g_build_filename (options->article_dir, source, NULL);
      return g_file_new_for_path (path);
    }

  return g_file_new_for_path (source);
}

/**
 * cd_export_resolve_image:
 * @article: a #CdArticle
 * @options: the export options
 * @href: (out) (transfer full) (nullable): what the export should reference the
 *   lead image by, or %NULL when there is no lead image
 * @error: return location for a #GError
 *
 * Decides how the lead image is referenced. A web address (see
 * cd_url_is_web_address()) is kept. A file on disk is never exported as a
 * path on the author's computer: it needs a bundle (the file name, the image
 * copied beside the export) or an image base URL. A source that is neither
 * (another scheme, a malformed http or https address) is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_export_resolve_image (CdArticle              *article,
                         const CdExportOptions  *options,
                         char                  **href,
                         GError                **error)
{
  CdImage *image;
  const char *source;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (href != NULL, FALSE);

  *href = NULL;
  image = cd_article_get_image (article);
  if (!cd_image_is_set (image))
    return TRUE;

  source = cd_image_get_source (image);
  if (cd_image_is_remote (image))
    {
      *href = g_strdup (source);
      return TRUE;
    }

  /* Another scheme (ftp:, file:) or a malformed web address names neither
   * a picture on the web nor a file beside the article: taking its last
   * part for a file name would export some other picture. */
  if (!cd_image_source_is_local (source))
    {
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE,
                   _("The lead image “%s” is neither a file beside the article nor an http "
                     "or https address. Choose the picture again."),
                   source);
      return FALSE;
    }

  basename = g_path_get_basename (source);

  switch (options->image_mode)
    {
    case CD_EXPORT_IMAGE_BUNDLE:
      *href = g_uri_escape_string (basename, NULL, FALSE);
      return TRUE;

    case CD_EXPORT_IMAGE_BASE_URL:
      if (!cd_url_is_web_address (options->image_base_url))
        {
          g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE,
                       _("The image base URL “%s” is not an http or https address"),
                       options->image_base_url != NULL ? options->image_base_url : "");
          return FALSE;
        }
      else
        {
          g_autofree char *escaped = g_uri_escape_string (basename, NULL, FALSE);

          *href = g_strconcat (options->image_base_url,
                               g_str_has_suffix (options->image_base_url, "/") ? "" : "/",
                               escaped, NULL);
        }
      return TRUE;

    case CD_EXPORT_IMAGE_LOCAL:
      {
        g_autoptr(GFile) file = local_image_file (image, options);

        *href = g_file_get_uri (file);
      }
      return TRUE;

    case CD_EXPORT_IMAGE_NONE:
    default:
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE,
                   _("The lead image “%s” is a file on this computer, which a CMS cannot "
                     "reach. Export a bundle (the image is copied beside the export) or "
                     "set an image base URL in the house rules."),
                   source);
      return FALSE;
    }
}

/**
 * cd_exporter_export:
 * @self: a #CdExporter
 * @article: the article
 * @options: (nullable): export options; %NULL for none
 * @error: return location for a #GError
 *
 * Exports the article to bytes. The image reference is resolved first (see
 * cd_export_resolve_image()) and handed to the exporter in
 * #CdExportOptions.image_href, with the pixel size of a lead image on disk
 * in #CdExportOptions.image_width and #CdExportOptions.image_height.
 *
 * Returns: (transfer full) (nullable): the exported document
 */
GBytes *
cd_exporter_export (CdExporter             *self,
                    CdArticle              *article,
                    const CdExportOptions  *options,
                    GError                **error)
{
  CdExportOptions resolved = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL, 0, 0 };
  g_autofree char *href = NULL;
  CdImage *image;

  g_return_val_if_fail (CD_IS_EXPORTER (self), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  if (options != NULL)
    resolved = *options;

  if (!cd_export_resolve_image (article, &resolved, &href, error))
    return NULL;
  resolved.image_href = href;

  /* The formats that have a place for the image's pixel size get it from
   * the file's header. A file that cannot be read (an image published
   * under a base URL need not be on this computer) is exported without a
   * size rather than not at all; a remote image is never fetched. */
  resolved.image_width = resolved.image_height = 0;
  image = cd_article_get_image (article);
  if (href != NULL && !cd_image_is_remote (image))
    {
      g_autoptr(GFile) file = local_image_file (image, &resolved);
      g_autoptr(GError) size_error = NULL;
      guint width, height;

      if (cd_image_size_read_file (file, &width, &height, NULL, &size_error))
        {
          resolved.image_width = width;
          resolved.image_height = height;
        }
      else
        {
          g_debug ("Exporting without the image size: %s", size_error->message);
        }
    }

  return CD_EXPORTER_GET_IFACE (self)->export (self, article, &resolved, error);
}

/* A bundle carries only what the article may name: a regular file (no
 * link, device or folder) inside the article's folder, with links along the
 * way resolved, so that an article, or a wire story imported into one, can
 * never carry another file of this computer out in an export. */
static gboolean
is_regular_file_inside (GFile      *file,
                        const char *article_dir)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *real_path = NULL;
  g_autofree char *real_dir = NULL;
  g_autoptr(GFile) real_file = NULL;
  g_autoptr(GFile) real_folder = NULL;

  if (path == NULL || article_dir == NULL)
    return FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;

  real_path = realpath (path, NULL);
  real_dir = realpath (article_dir, NULL);
  if (real_path == NULL || real_dir == NULL)
    return FALSE;

  real_file = g_file_new_for_path (real_path);
  real_folder = g_file_new_for_path (real_dir);
  return g_file_has_prefix (real_file, real_folder);
}

/**
 * cd_exporter_export_to_file:
 * @self: a #CdExporter
 * @article: the article
 * @options: (nullable): export options
 * @output: the file to write
 * @error: return location for a #GError
 *
 * Exports the article to @output, atomically. With %CD_EXPORT_IMAGE_BUNDLE, a
 * lead image on disk is copied into @output's folder first; if that fails,
 * nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_exporter_export_to_file (CdExporter             *self,
                            CdArticle              *article,
                            const CdExportOptions  *options,
                            GFile                  *output,
                            GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  CdImage *image;

  g_return_val_if_fail (CD_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  bytes = cd_exporter_export (self, article, options, error);
  if (bytes == NULL)
    return FALSE;

  image = cd_article_get_image (article);
  if (options != NULL && options->image_mode == CD_EXPORT_IMAGE_BUNDLE &&
      cd_image_is_set (image) && !cd_image_is_remote (image))
    {
      g_autoptr(GFile) source = local_image_file (image, options);
      g_autoptr(GFile) folder = g_file_get_parent (output);
      g_autofree char *basename = g_file_get_basename (source);
      g_autoptr(GFile) target = g_file_get_child (folder, basename);
      g_autoptr(GError) copy_error = NULL;

      if (!is_regular_file_inside (source, options->article_dir))
        {
          g_autofree char *name = g_file_get_parse_name (source);

          g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE,
                       _("The lead image %s is not a picture file inside the article’s "
                         "folder, so it is not copied into the bundle. Copy the picture "
                         "beside the article and choose it again. Nothing was exported."),
                       name);
          return FALSE;
        }

      if (!g_file_equal (source, target) &&
          !g_file_copy (source, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                        NULL, NULL, NULL, &copy_error))
        {
          g_autofree char *name = g_file_get_parse_name (source);

          g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE,
                       _("Could not copy the lead image %s beside the export: %s. "
                         "Nothing was exported."),
                       name, copy_error->message);
          return FALSE;
        }
    }

  if (!cd_file_replace_contents (output,
                                 g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 NULL, error))
    return FALSE;

  return TRUE;
}

static GListStore *
create_registry (void)
{
  GListStore *store = g_list_store_new (CD_TYPE_EXPORTER);
  const GType types[] = {
    CD_TYPE_NINJS_EXPORTER,
    CD_TYPE_JSONLD_EXPORTER,
    CD_TYPE_ANS_EXPORTER,
    CD_TYPE_WORDPRESS_EXPORTER,
    CD_TYPE_HTML_EXPORTER,
    CD_TYPE_COPYDESK_EXPORTER,
  };

  for (size_t i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GObject) exporter = g_object_new (types[i], NULL);
      g_list_store_append (store, exporter);
    }

  return store;
}

/**
 * cd_exporters_get_all:
 *
 * The built-in exporters, ninjs first since it is the default.
 *
 * Returns: (transfer none): a #GListModel of #CdExporter
 */
GListModel *
cd_exporters_get_all (void)
{
  static GListStore *registry;

  if (g_once_init_enter (&registry))
    g_once_init_leave (&registry, create_registry ());

  return G_LIST_MODEL (registry);
}

/**
 * cd_exporters_lookup:
 * @id: an exporter id such as `ninjs`
 *
 * Returns: (transfer none) (nullable): the exporter, or %NULL if there is none
 */
CdExporter *
cd_exporters_lookup (const char *id)
{
  GListModel *all = cd_exporters_get_all ();
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdExporter) exporter = g_list_model_get_item (all, i);

      if (g_strcmp0 (cd_exporter_get_id (exporter), id) == 0)
        return exporter;
    }

  return NULL;
}
