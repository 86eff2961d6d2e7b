/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CD_IMAGE_SIZE_ERROR (cd_image_size_error_quark ())

/**
 * CdImageSizeError:
 * @CD_IMAGE_SIZE_ERROR_UNSUPPORTED: the file is not a PNG, JPEG, GIF or WebP image
 * @CD_IMAGE_SIZE_ERROR_INVALID: the header is damaged or ends too soon
 *
 * Why the pixel size of an image could not be read.
 */
typedef enum
{
  CD_IMAGE_SIZE_ERROR_UNSUPPORTED,
  CD_IMAGE_SIZE_ERROR_INVALID,
} CdImageSizeError;

GQuark   cd_image_size_error_quark (void);

gboolean cd_image_size_read        (GInputStream  *stream,
                                    guint         *width,
                                    guint         *height,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean cd_image_size_read_file   (GFile         *file,
                                    guint         *width,
                                    guint         *height,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
