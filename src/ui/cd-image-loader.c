/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-image-loader"

#include <math.h>

#include <glib/gi18n.h>

#include "cd-image-loader.h"

/*
 * Thumbnails of local images, decoded off the main thread, and only after
 * the image's declared size has been read from its header: a file over
 * 50 MB, an image over 64 megapixels or with a side over 20000 pixels is
 * never decoded (a few hundred bytes of PNG can declare 50000 x 50000
 * pixels, which is 10 GB to decode). The loader is also told the size to
 * decode to, so a large photo is never held whole in memory, and it checks
 * the size again when decoding starts, in case the file changed since.
 */

#define MAX_FILE_BYTES    ((goffset) 50 * 1000 * 1000)
#define MAX_PIXELS        ((gint64) 64 * 1000 * 1000)
#define MAX_SIDE          20000
#define READ_CHUNK        (64 * 1024)

/* A texture shown at a size in logical pixels, so a thumbnail decoded at
 * twice the size on a high-resolution screen is drawn sharp rather than
 * twice as large. */
#define CD_TYPE_THUMB_PAINTABLE (cd_thumb_paintable_get_type ())
G_DECLARE_FINAL_TYPE (CdThumbPaintable, cd_thumb_paintable, CD, THUMB_PAINTABLE, GObject)

struct _CdThumbPaintable
{
  GObject     parent_instance;
  GdkTexture *texture;
  int         width;
  int         height;
};

static void cd_thumb_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdThumbPaintable, cd_thumb_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      cd_thumb_paintable_iface_init))

static void
cd_thumb_paintable_snapshot (GdkPaintable *paintable,
                             GdkSnapshot  *snapshot,
                             double        width,
                             double        height)
{
  CdThumbPaintable *self = CD_THUMB_PAINTABLE (paintable);

  gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
}

static int
cd_thumb_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return CD_THUMB_PAINTABLE (paintable)->width;
}

static int
cd_thumb_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return CD_THUMB_PAINTABLE (paintable)->height;
}

static GdkPaintableFlags
cd_thumb_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_CONTENTS | GDK_PAINTABLE_STATIC_SIZE;
}

static void
cd_thumb_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = cd_thumb_paintable_snapshot;
  iface->get_intrinsic_width = cd_thumb_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = cd_thumb_paintable_get_intrinsic_height;
  iface->get_flags = cd_thumb_paintable_get_flags;
}

static void
cd_thumb_paintable_finalize (GObject *object)
{
  g_clear_object (&CD_THUMB_PAINTABLE (object)->texture);
  G_OBJECT_CLASS (cd_thumb_paintable_parent_class)->finalize (object);
}

static void
cd_thumb_paintable_class_init (CdThumbPaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_thumb_paintable_finalize;
}

static void
cd_thumb_paintable_init (CdThumbPaintable *self)
{
}

static GdkPaintable *
cd_thumb_paintable_new (GdkTexture *texture,
                        int         width,
                        int         height)
{
  CdThumbPaintable *self = g_object_new (CD_TYPE_THUMB_PAINTABLE, NULL);

  self->texture = g_object_ref (texture);
  self->width = width;
  self->height = height;
  return GDK_PAINTABLE (self);
}

static gboolean
too_large (int width,
           int height)
{
  return width > MAX_SIDE || height > MAX_SIDE ||
         (gint64) width * (gint64) height > MAX_PIXELS;
}

/* Scales @width x @height down, never up, to fit in @max_width x @max_height. */
static void
fit_size (int  width,
          int  height,
          int  max_width,
          int  max_height,
          int *fit_width,
          int *fit_height)
{
  double scale = MIN (1.0, MIN ((double) max_width / width, (double) max_height / height));

  *fit_width = CLAMP ((int) floor (width * scale + 0.5), 1, max_width);
  *fit_height = CLAMP ((int) floor (height * scale + 0.5), 1, max_height);
}

/* In a worker thread */

typedef struct
{
  GFile *file;
  char  *name;        /* for messages */
  int    max_width;   /* the thumbnail's largest size on screen */
  int    max_height;
  int    scale;       /* the widget's scale factor */
} LoadJob;

typedef struct
{
  GdkPixbuf *pixbuf;
  int        width;          /* the image's own size */
  int        height;
  int        logical_width;  /* the thumbnail's size on screen */
  int        logical_height;
} LoadResult;

typedef struct
{
  int      max_width;
  int      max_height;
  gboolean refused;
  int      width;
  int      height;
} SizeCheck;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_object (&job->file);
  g_free (job->name);
  g_free (job);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->pixbuf);
  g_free (result);
}

static void
return_too_large (GTask   *task,
                  LoadJob *job,
                  int      width,
                  int      height)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           /* Translators: the file name, then its size in pixels */
                           _("The image “%s” is too large to preview (%d × %d pixels)"),
                           job->name, width, height);
}

/* Fails @task with "could not be read" and a reason made from @error (or a
 * generic one without it). */
static void
return_unreadable (GTask        *task,
                   LoadJob      *job,
                   const GError *error)
{
  const char *reason = NULL;

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (error));
      return;
    }

  if (error == NULL)
    reason = _("it is damaged, or not in an image format that can be shown");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("there is no such file");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("permission denied");
  else if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE))
    reason = _("the file is damaged or incomplete");
  else if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE) ||
           g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNSUPPORTED_OPERATION))
    reason = _("it is not in an image format that can be shown");
  else if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY))
    reason = _("there is not enough memory");
  else
    reason = error->message;

  if (error != NULL)
    g_debug ("Cannot read “%s”: %s", job->name, error->message);

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                           /* Translators: the file name, then why */
                           _("The image “%s” could not be read: %s"), job->name, reason);
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  SizeCheck *check = user_data;
  int fit_width, fit_height;

  check->width = width;
  check->height = height;

  /* The header was read before decoding started, but the file may have
   * changed since; a loader given the size 0 x 0 decodes nothing. */
  if (width <= 0 || height <= 0 || too_large (width, height))
    {
      check->refused = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  fit_size (width, height, check->max_width, check->max_height, &fit_width, &fit_height);
  gdk_pixbuf_loader_set_size (loader, fit_width, fit_height);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autofree char *path = NULL;
  g_autofree guint8 *buffer = NULL;
  GdkPixbufFormat *format;
  GdkPixbuf *pixbuf;
  const char *orientation;
  LoadResult *result;
  SizeCheck check = { 0, };
  goffset total = 0;
  gboolean closed;
  int width = 0, height = 0;

  info = g_file_query_info (job->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      return_unreadable (task, job, error);
      return;
    }

  /* A folder, or a pipe that would block the thread for ever. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               _("The image “%s” could not be read: it is not a file"),
                               job->name);
      return;
    }

  if (g_file_info_get_size (info) > MAX_FILE_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (MAX_FILE_BYTES);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                               /* Translators: the file name, its size, then the limit */
                               _("The image “%s” is too large to preview (%s; the limit is %s)"),
                               job->name, size, limit);
      return;
    }

  path = g_file_get_path (job->file);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The image “%s” could not be read: it is not a local file"),
                               job->name);
      return;
    }

  /* Only the header: the declared size decides whether to decode at all. */
  format = gdk_pixbuf_get_file_info (path, &width, &height);
  if (format == NULL || width <= 0 || height <= 0)
    {
      return_unreadable (task, job, NULL);
      return;
    }
  if (too_large (width, height))
    {
      return_too_large (task, job, width, height);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  stream = g_file_read (job->file, cancellable, &error);
  if (stream == NULL)
    {
      return_unreadable (task, job, error);
      return;
    }

  check.max_width = job->max_width * job->scale;
  check.max_height = job->max_height * job->scale;
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &check);

  buffer = g_malloc (READ_CHUNK);
  while (!check.refused)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_CHUNK,
                                      cancellable, &error);

      if (n <= 0)
        break;

      total += n;
      if (total > MAX_FILE_BYTES)
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "");
          break;
        }

      if (!gdk_pixbuf_loader_write (loader, buffer, (gsize) n, &error))
        break;
    }

  /* The loader is always closed; its error matters only after a clean read. */
  closed = gdk_pixbuf_loader_close (loader, error == NULL ? &error : NULL);

  if (check.refused)
    {
      return_too_large (task, job, check.width, check.height);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      g_autofree char *limit = g_format_size (MAX_FILE_BYTES);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                               _("The image “%s” is too large to preview (more than %s)"),
                               job->name, limit);
      return;
    }
  if (error != NULL || !closed)
    {
      return_unreadable (task, job, error);
      return;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      return_unreadable (task, job, NULL);
      return;
    }

  /* A photo taken sideways says so in its EXIF data. */
  orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  if (orientation != NULL && g_ascii_strtoll (orientation, NULL, 10) >= 5)
    {
      int swap = width;

      width = height;
      height = swap;
    }
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (oriented == NULL)
    {
      return_unreadable (task, job, NULL);
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->width = width;
  result->height = height;
  fit_size (width, height, job->max_width, job->max_height,
            &result->logical_width, &result->logical_height);

  if (gdk_pixbuf_get_width (oriented) > check.max_width ||
      gdk_pixbuf_get_height (oriented) > check.max_height)
    {
      int fit_width, fit_height;

      fit_size (gdk_pixbuf_get_width (oriented), gdk_pixbuf_get_height (oriented),
                check.max_width, check.max_height, &fit_width, &fit_height);
      result->pixbuf = gdk_pixbuf_scale_simple (oriented, fit_width, fit_height,
                                                GDK_INTERP_BILINEAR);
    }
  else
    result->pixbuf = g_object_ref (oriented);

  if (result->pixbuf == NULL)
    {
      load_result_free (result);
      return_unreadable (task, job, NULL);
      return;
    }

  g_task_return_pointer (task, result, load_result_free);
}

/**
 * cd_image_loader_load_thumbnail_async:
 * @file: a local image file
 * @name: the image's name in messages, such as its file name
 * @max_width: the thumbnail's largest width on screen, in logical pixels
 * @max_height: its largest height
 * @scale_factor: the scale factor of the screen it is shown on
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Reads and decodes a thumbnail of @file in a worker thread, refusing
 * images too large to decode safely.
 */
void
cd_image_loader_load_thumbnail_async (GFile               *file,
                                      const char          *name,
                                      int                  max_width,
                                      int                  max_height,
                                      int                  scale_factor,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (name != NULL);
  g_return_if_fail (max_width > 0 && max_height > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  job->name = g_strdup (name);
  job->max_width = max_width;
  job->max_height = max_height;
  job->scale = MAX (1, scale_factor);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_image_loader_load_thumbnail_async);
  g_task_set_name (task, "[copydesk] lead image thumbnail");
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cd_image_loader_load_thumbnail_finish:
 * @result: the result given to the callback
 * @width: (out) (optional): the image's own width in pixels
 * @height: (out) (optional): the image's own height in pixels
 * @error: return location for an error, whose message names the image and
 *   says why it is not shown
 *
 * Returns: (transfer full): the thumbnail, at its size on screen, or %NULL
 *   with @error set
 */
GdkPaintable *
cd_image_loader_load_thumbnail_finish (GAsyncResult  *result,
                                       int           *width,
                                       int           *height,
                                       GError       **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  LoadResult *loaded;
  GdkPaintable *thumbnail;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cd_image_loader_load_thumbnail_async, NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  texture = gdk_texture_new_for_pixbuf (loaded->pixbuf);
  thumbnail = cd_thumb_paintable_new (texture, loaded->logical_width, loaded->logical_height);
  if (width != NULL)
    *width = loaded->width;
  if (height != NULL)
    *height = loaded->height;
  load_result_free (loaded);
  return thumbnail;
}
