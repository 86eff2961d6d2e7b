/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-image-size"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-image-size.h"

/* The pixel size of a PNG, JPEG, GIF or WebP image, read from its header,
 * for the exports that carry an image's width and height. Core links no
 * image library, and decoding a photograph to learn its size would take
 * far longer than reading the few bytes that state it.
 *
 * Reads are bounded: PNG, GIF and WebP state the size in their first 30
 * bytes. A JPEG states it in its frame header, which may follow metadata
 * segments (Exif, ICC profiles, thumbnails); those are skipped, never read,
 * and at most MAX_JPEG_SEGMENTS of them, so a damaged or hostile file
 * cannot make the reader loop or load it into memory. */

#define SNIFF_BYTES       12
#define MAX_JPEG_SEGMENTS 1024

G_DEFINE_QUARK (cd-image-size-error-quark, cd_image_size_error)

/* A stream whose first bytes were already read to tell the format. */
typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  guint8        prefix[SNIFF_BYTES];
  gsize         prefix_length;
  gsize         prefix_position;
} Reader;

static gboolean
set_truncated (GError **error)
{
  g_set_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID,
               _("The image ends before its header does: the file is damaged or incomplete"));
  return FALSE;
}

static gboolean
reader_read (Reader  *reader,
             guint8  *buffer,
             gsize    length,
             GError **error)
{
  gsize from_prefix = MIN (length, reader->prefix_length - reader->prefix_position);
  gsize read = 0;

  memcpy (buffer, reader->prefix + reader->prefix_position, from_prefix);
  reader->prefix_position += from_prefix;
  if (from_prefix == length)
    return TRUE;

  if (!g_input_stream_read_all (reader->stream, buffer + from_prefix, length - from_prefix,
                                &read, reader->cancellable, error))
    return FALSE;
  if (read < length - from_prefix)
    return set_truncated (error);

  return TRUE;
}

static gboolean
reader_skip (Reader  *reader,
             gsize    length,
             GError **error)
{
  gsize from_prefix = MIN (length, reader->prefix_length - reader->prefix_position);

  reader->prefix_position += from_prefix;
  length -= from_prefix;

  while (length > 0)
    {
      gssize skipped = g_input_stream_skip (reader->stream, length, reader->cancellable, error);

      if (skipped < 0)
        return FALSE;
      if (skipped == 0)
        return set_truncated (error);
      length -= (gsize) skipped;
    }

  return TRUE;
}

static guint
read_be16 (const guint8 *p)
{
  return (guint) p[0] << 8 | p[1];
}

static guint
read_le16 (const guint8 *p)
{
  return (guint) p[1] << 8 | p[0];
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static guint32
read_le24 (const guint8 *p)
{
  return (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

static gboolean
set_size (guint32   w,
          guint32   h,
          guint    *width,
          guint    *height,
          GError  **error)
{
  /* PNG allows up to 2^31 - 1; nothing larger is a real image. */
  if (w == 0 || h == 0 || w > G_MAXINT32 || h > G_MAXINT32)
    {
      g_set_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID,
                   _("The image’s header gives a size of %u × %u pixels, which no image has"),
                   (guint) w, (guint) h);
      return FALSE;
    }

  *width = w;
  *height = h;
  return TRUE;
}

/* PNG: the signature, then the IHDR chunk, whose data starts with the
 * width and the height. */
static gboolean
read_png (Reader  *reader,
          guint   *width,
          guint   *height,
          GError **error)
{
  guint8 chunk[16];

  if (!reader_skip (reader, 8, error) || !reader_read (reader, chunk, sizeof chunk, error))
    return FALSE;

  if (memcmp (chunk + 4, "IHDR", 4) != 0)
    {
      g_set_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID,
                   _("The PNG image does not start with its header chunk (IHDR)"));
      return FALSE;
    }

  return set_size (read_be32 (chunk + 8), read_be32 (chunk + 12), width, height, error);
}

/* GIF: the logical screen's width and height follow the signature. */
static gboolean
read_gif (Reader  *reader,
          guint   *width,
          guint   *height,
          GError **error)
{
  guint8 header[10];

  if (!reader_read (reader, header, sizeof header, error))
    return FALSE;

  return set_size (read_le16 (header + 6), read_le16 (header + 8), width, height, error);
}

/* Whether @marker starts a frame header (SOF0 to SOF15), which holds the
 * image's size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are
 * not frames. */
static gboolean
is_start_of_frame (guint8 marker)
{
  return marker >= 0xc0 && marker <= 0xcf &&
         marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

/* JPEG: segments up to the frame header, each skipped by its length. */
static gboolean
read_jpeg (Reader  *reader,
           guint   *width,
           guint   *height,
           GError **error)
{
  guint8 bytes[5];

  if (!reader_skip (reader, 2, error))
    return FALSE;

  for (guint segment = 0; segment < MAX_JPEG_SEGMENTS; segment++)
    {
      guint8 marker;
      guint length;

      if (!reader_read (reader, bytes, 1, error))
        return FALSE;
      if (bytes[0] != 0xff)
        break;

      /* A marker may be preceded by any number of fill bytes, 0xFF, which
       * count as segments here so that they too are bounded. */
      if (!reader_read (reader, &marker, 1, error))
        return FALSE;
      while (marker == 0xff && ++segment < MAX_JPEG_SEGMENTS)
        {
          if (!reader_read (reader, &marker, 1, error))
            return FALSE;
        }

      /* Markers without a length: TEM, RST0 to RST7, SOI. */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
        continue;

      /* The scan or the end came before any frame header. */
      if (marker == 0xd9 || marker == 0xda || marker == 0x00 || marker == 0xff)
        break;

      if (!reader_read (reader, bytes, 2, error))
        return FALSE;
      length = read_be16 (bytes);
      if (length < 2)
        break;

      if (is_start_of_frame (marker))
        {
          if (length < 2 + sizeof bytes || !reader_read (reader, bytes, sizeof bytes, error))
            return length < 2 + sizeof bytes ? set_truncated (error) : FALSE;

          /* Precision, then the height and the width. */
          return set_size (read_be16 (bytes + 3), read_be16 (bytes + 1), width, height, error);
        }

      if (!reader_skip (reader, length - 2, error))
        return FALSE;
    }

  g_set_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID,
               _("The JPEG image has no readable frame header, which gives its size"));
  return FALSE;
}

/* WebP: a RIFF container whose first chunk is a lossy (VP8), lossless
 * (VP8L) or extended (VP8X) image, each stating the size its own way. */
static gboolean
read_webp (Reader  *reader,
           guint   *width,
           guint   *height,
           GError **error)
{
  guint8 chunk[8];
  guint8 data[10];

  if (!reader_skip (reader, 12, error) || !reader_read (reader, chunk, sizeof chunk, error))
    return FALSE;

  if (memcmp (chunk, "VP8 ", 4) == 0)
    {
      /* The frame tag, the start code, then 14-bit width and height. */
      if (!reader_read (reader, data, 10, error))
        return FALSE;
      if (data[3] != 0x9d || data[4] != 0x01 || data[5] != 0x2a)
        {
          g_set_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID,
                       _("The WebP image’s frame has no start code"));
          return FALSE;
        }
      return set_size (read_le16 (data + 6) & 0x3fff, read_le16 (data + 8) & 0x3fff,
                       width, height, error);
    }

  if (memcmp (chunk, "VP8L", 4) == 0)
    {
      /* The signature 0x2F, then width - 1 and height - 1 in 14 bits each. */
      if (!reader_read (reader, data, 5, error))
        return FALSE;
      if (data[0] != 0x2f)
        {
          g_set_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID,
                       _("The lossless WebP image has no signature"));
          return FALSE;
        }
      return set_size (((guint32) data[1] | (guint32) (data[2] & 0x3f) << 8) + 1,
                       ((guint32) data[2] >> 6 | (guint32) data[3] << 2 |
                        (guint32) (data[4] & 0x0f) << 10) + 1,
                       width, height, error);
    }

  if (memcmp (chunk, "VP8X", 4) == 0)
    {
      /* Flags and reserved bytes, then the canvas's width - 1 and
       * height - 1 in 24 bits each. */
      if (!reader_read (reader, data, 10, error))
        return FALSE;
      return set_size (read_le24 (data + 4) + 1, read_le24 (data + 7) + 1, width, height, error);
    }

  g_set_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_INVALID,
               _("The WebP image starts with a chunk that is not an image"));
  return FALSE;
}

/**
 * cd_image_size_read:
 * @stream: the image's bytes, from the start
 * @width: (out): the width in pixels
 * @height: (out): the height in pixels
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the pixel size of a PNG, JPEG, GIF or WebP image from its header,
 * without decoding it and reading no more of @stream than the header
 * needs. The stream is read from where it is; it is not closed.
 *
 * Returns: %TRUE with @width and @height set, else %FALSE with @error set
 *   (%CD_IMAGE_SIZE_ERROR for an unknown or damaged image)
 */
gboolean
cd_image_size_read (GInputStream  *stream,
                    guint         *width,
                    guint         *height,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Reader reader = { stream, cancellable, { 0 }, 0, 0 };
  const guint8 *p = reader.prefix;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  if (!g_input_stream_read_all (stream, reader.prefix, SNIFF_BYTES, &reader.prefix_length,
                                cancellable, error))
    return FALSE;

  if (reader.prefix_length >= 8 && memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0)
    return read_png (&reader, width, height, error);

  if (reader.prefix_length >= 6 && (memcmp (p, "GIF87a", 6) == 0 || memcmp (p, "GIF89a", 6) == 0))
    return read_gif (&reader, width, height, error);

  if (reader.prefix_length >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
    return read_jpeg (&reader, width, height, error);

  if (reader.prefix_length >= 12 && memcmp (p, "RIFF", 4) == 0 && memcmp (p + 8, "WEBP", 4) == 0)
    return read_webp (&reader, width, height, error);

  g_set_error (error, CD_IMAGE_SIZE_ERROR, CD_IMAGE_SIZE_ERROR_UNSUPPORTED,
               _("The file is not a PNG, JPEG, GIF or WebP image"));
  return FALSE;
}

/**
 * cd_image_size_read_file:
 * @file: an image file
 * @width: (out): the width in pixels
 * @height: (out): the height in pixels
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the pixel size of the image in @file, as cd_image_size_read() does.
 * An error message names the file.
 *
 * Returns: %TRUE with @width and @height set, else %FALSE with @error set
 */
gboolean
cd_image_size_read_file (GFile         *file,
                         guint         *width,
                         guint         *height,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  ok = cd_image_size_read (G_INPUT_STREAM (stream), width, height, cancellable, &local_error);
  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);

  if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the size of the image %s: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
