/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Saving to disk without ever leaving half a file: the new contents go to a
 * temporary file beside the old one, are flushed, and then replace it in one
 * rename, keeping the old file's permissions. An article is checked against
 * the limits before anything is written. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-file"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cd-article-file-private.h"

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      data += written;
      length -= (gsize)written;
    }

  return TRUE;
}

static gboolean
replace_local_file (const char  *path,
                    const char  *display_name,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  gboolean existed;
  int saved_errno;
  int fd;

  /* Saving through a symbolic link replaces the file it points to and keeps
   * the link. */
  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);

  existed = stat (target, &st) == 0;
  if (existed && S_ISDIR (st.st_mode))
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
                   _("Could not save %s: it is a folder. Choose another name."), display_name);
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    goto failed_no_temp;

  /* The new file takes the old one's permissions and, where allowed, its owner;
   * a new file gets the usual ones (0666 less the umask). */
  if (existed)
    {
      if (fchown (fd, st.st_uid, st.st_gid) != 0)
        {
          /* Only root may give a file away; keeping our own ownership is fine. */
        }
      if (fchmod (fd, st.st_mode & 07777) != 0)
        goto failed;
    }
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      if (fchmod (fd, 0666 & ~mask) != 0)
        goto failed;
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;

  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (rename (temp, target) != 0)
    goto failed;

  /* Make the rename itself durable. */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  unlink (temp);
  errno = saved_errno;

failed_no_temp:
  saved_errno = errno;
  g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
               _("Could not save %s: %s. The file on disk was not changed."),
               display_name, g_strerror (saved_errno));
  return FALSE;
}

/**
 * cd_file_replace_contents:
 * @file: the file to write
 * @data: the new contents
 * @length: the length of @data
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces a file's contents atomically: the data goes to a temporary file in
 * the same folder, which is flushed to disk and then renamed over the old file,
 * so a crash leaves either the old file or the new one, never a truncated one.
 * If the temporary file cannot be made (a read-only folder, a full disk), the
 * old file is left as it was. The file's permissions are kept.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_file_replace_contents (GFile         *file,
                          const char    *data,
                          gsize          length,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  display_name = g_file_get_parse_name (file);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
                   _("Could not save %s: the save was cancelled. The file on disk was not changed."),
                   display_name);
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path != NULL)
    return replace_local_file (path, display_name, data, length, error);

  /* Files that are not on a local file system go through GIO. */
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, &local_error))
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
                   _("Could not save %s: %s. The file on disk was not changed."),
                   display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The bytes of @article as saved, if they will open again. */
char *
cd_article_to_checked_data (CdArticle  *article,
                            gsize      *length,
                            GError    **error)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  if (!cd_article_check_limits (article, error))
    return NULL;

  data = cd_article_to_data (article, &size);
  if (size > CD_LIMIT_FILE_SIZE)
    {
      g_autofree char *actual = g_format_size (size);
      g_autofree char *limit = g_format_size (CD_LIMIT_FILE_SIZE);

      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                   _("The article would take %s, more than the %s an article file may have. "
                     "Shorten the body or the other texts."),
                   actual, limit);
      return NULL;
    }

  if (length != NULL)
    *length = size;
  return g_steal_pointer (&data);
}

/**
 * cd_article_save_to_file:
 * @article: a #CdArticle
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves the article in the canonical .copydesk form, atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_article_save_to_file (CdArticle     *article,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = cd_article_to_checked_data (article, &length, error);
  if (data == NULL)
    return FALSE;
  return cd_file_replace_contents (file, data, length, cancellable, error);
}
