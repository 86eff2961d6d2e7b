/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-file-util"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cd-file-util.h"

/* Says what a file that is not a regular file is, in the words of a
 * message “it is …, not a file”. */
static gboolean
refuse_mode (mode_t   mode,
             GError **error)
{
  if (S_ISREG (mode))
    return TRUE;

  if (S_ISDIR (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                         _("it is a folder, not a file"));
  else if (S_ISFIFO (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("it is a pipe (FIFO), not a file"));
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("it is a device, not a file"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("it is not a regular file"));
  return FALSE;
}

static void
set_too_large (goffset  size,
               gsize    max_size,
               gsize   *length,
               GError **error)
{
  g_autofree char *limit = g_format_size (max_size);

  *length = size;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("it is larger than %s, the most Copydesk reads here"), limit);
}

static gboolean
read_fd (int            fd,
         gsize          max_size,
         GCancellable  *cancellable,
         char         **contents,
         gsize         *length,
         GError       **error)
{
  g_autofree char *data = NULL;
  struct stat info;
  gsize size = 0;
  gsize capacity;

  if (fstat (fd, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  /* Checked again on what was opened: the name may have been replaced by
   * a device or a pipe since it was looked at. */
  if (!refuse_mode (info.st_mode, error))
    return FALSE;

  if (info.st_size > 0 && (guint64) info.st_size > max_size)
    {
      set_too_large (info.st_size, max_size, length, error);
      return FALSE;
    }

  /* Regular files do not block, but the flag is cleared all the same so
   * that a short read can only mean the end of the file. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  /* The size on disk is only a hint (the file may be growing), so reading
   * goes on until the end of the file, and stops one byte past the
   * limit, which is enough to tell that the file is too large. */
  capacity = MIN ((gsize) MAX (info.st_size, 0), max_size) + 1;
  data = g_malloc (capacity + 1);

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (size == capacity)
        {
          if (capacity > max_size)
            {
              set_too_large (size, max_size, length, error);
              return FALSE;
            }
          capacity = MIN (capacity * 2, max_size + 1);
          data = g_realloc (data, capacity + 1);
        }

      n = read (fd, data + size, capacity - size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      size += n;
    }

  if (size > max_size)
    {
      set_too_large (size, max_size, length, error);
      return FALSE;
    }

  data[size] = '\0';
  *contents = g_steal_pointer (&data);
  *length = size;
  return TRUE;
}

/* For files that are not on a local disk (such as in a GVfs mount), with
 * the same checks through GIO. */
static gboolean
read_stream (GFile         *file,
             gsize          max_size,
             GCancellable  *cancellable,
             char         **contents,
             gsize         *length,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      return refuse_mode (S_IFDIR, error);

    default:
      return refuse_mode (0, error);
    }

  if ((guint64) MAX (g_file_info_get_size (info), 0) > max_size)
    {
      set_too_large (g_file_info_get_size (info), max_size, length, error);
      return FALSE;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  data = g_malloc (max_size + 2);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, max_size + 1, &size,
                                cancellable, error))
    return FALSE;

  if (size > max_size)
    {
      set_too_large (size, max_size, length, error);
      return FALSE;
    }

  data[size] = '\0';
  *contents = g_realloc (g_steal_pointer (&data), size + 1);
  *length = size;
  return TRUE;
}

/**
 * cd_file_read_bounded:
 * @file: the file to read
 * @max_size: the most bytes to read
 * @cancellable: (nullable): a #GCancellable
 * @contents: (out) (transfer full): return location for the contents, with
 *   a NUL byte after them
 * @length: (out): return location for the length of @contents; when the
 *   file is too large, its size as far as it is known
 * @error: return location for a #GError
 *
 * Reads a whole file that must be a regular file of at most @max_size
 * bytes. A folder fails with %G_IO_ERROR_IS_DIRECTORY, and a device, pipe
 * or socket with %G_IO_ERROR_NOT_REGULAR_FILE, before anything is read from
 * it, so that /dev/zero or a pipe with no writer cannot make the caller
 * read without end or wait for ever. A larger file fails with
 * %G_IO_ERROR_MESSAGE_TOO_LARGE, and no more than @max_size + 1 bytes are
 * ever read, even from a file that grows while it is read.
 *
 * Messages say what is wrong (“it is a folder, not a file”) without naming
 * the file, for callers to put after its name.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_file_read_bounded (GFile         *file,
                      gsize          max_size,
                      GCancellable  *cancellable,
                      char         **contents,
                      gsize         *length,
                      GError       **error)
{
  g_autofree char *path = NULL;
  struct stat info;
  gboolean ok;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (max_size < G_MAXSIZE - 2, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (length != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *contents = NULL;
  *length = 0;

  path = g_file_get_path (file);
  if (path == NULL)
    return read_stream (file, max_size, cancellable, contents, length, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Looked at before it is opened: opening some devices does something
   * (a tape rewinds, a terminal becomes ours). */
  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  if (!refuse_mode (info.st_mode, error))
    return FALSE;

  /* O_NONBLOCK so that a FIFO put in the file's place since does not
   * block the open until a writer comes. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  ok = read_fd (fd, max_size, cancellable, contents, length, error);
  close (fd);

  return ok;
}
