/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Bringing an image into an article's folder, so that the article and its
 * images travel together: a file that is already there is reused, and a
 * different file of the same name gets a numbered name instead of
 * overwriting it. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-file"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file-private.h"

/* Whether two files hold the same bytes; FALSE when either cannot be read. */
static gboolean
same_contents (GFile        *a,
               GFile        *b,
               GCancellable *cancellable)
{
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;

  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                              cancellable, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                              cancellable, NULL);
  if (info_a == NULL || info_b == NULL ||
      g_file_info_get_size (info_a) != g_file_info_get_size (info_b))
    return FALSE;

  first = g_file_load_bytes (a, cancellable, NULL, NULL);
  second = g_file_load_bytes (b, cancellable, NULL, NULL);

  return first != NULL && second != NULL && g_bytes_equal (first, second);
}

/* "photo.jpg" → "photo-2.jpg" for @n = 2. */
static char *
numbered_name (const char *basename,
               guint       n)
{
  const char *dot = strrchr (basename, '.');

  if (dot == NULL || dot == basename)
    return g_strdup_printf ("%s-%u", basename, n);

  return g_strdup_printf ("%.*s-%u%s", (int) (dot - basename), basename, n, dot);
}

/**
 * cd_article_file_copy_image:
 * @image: the lead image file
 * @folder: the article's folder
 * @name: (out) (transfer full): the copy's name in @folder, the new source
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies a lead image into the article's folder, so that the article can
 * name it by a relative path as the file format asks. The copy keeps the
 * image's name; if another file of that name is there, it is used when it
 * holds the same bytes, and otherwise the copy gets a free name such as
 * `photo-2.jpg`. An image that is already in @folder is not copied. Only a
 * regular file is copied.
 *
 * Returns: %TRUE with @name set, or %FALSE with a %CD_FILE_ERROR that names
 *   the image
 */
gboolean
cd_article_file_copy_image (GFile         *image,
                            GFile         *folder,
                            char         **name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (image), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *name = NULL;
  display_name = g_file_get_parse_name (image);
  basename = g_file_get_basename (image);

  info = g_file_query_info (image, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_READ,
                   _("Could not copy the lead image %s beside the article: %s"),
                   display_name, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || basename == NULL)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_READ,
                   _("Could not copy the lead image %s beside the article: it is not "
                     "an ordinary file. Choose the picture again."),
                   display_name);
      return FALSE;
    }

  parent = g_file_get_parent (image);
  if (parent != NULL && g_file_equal (parent, folder))
    {
      *name = g_steal_pointer (&basename);
      return TRUE;
    }

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (basename) : numbered_name (basename, n);
      g_autoptr(GFile) target = g_file_get_child (folder, candidate);

      g_clear_error (&local_error);
      if (g_file_copy (image, target, G_FILE_COPY_TARGET_DEFAULT_PERMS,
                       cancellable, NULL, NULL, &local_error))
        {
          *name = g_steal_pointer (&candidate);
          return TRUE;
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;

      /* The same picture is already there, from an earlier save. */
      if (same_contents (image, target, cancellable))
        {
          *name = g_steal_pointer (&candidate);
          return TRUE;
        }
    }

  {
    g_autofree char *folder_name = g_file_get_parse_name (folder);

    g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
                 _("Could not copy the lead image %s into %s: %s"),
                 display_name, folder_name,
                 local_error != NULL ? local_error->message : _("no free file name"));
  }
  return FALSE;
}
