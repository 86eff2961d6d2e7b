/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Bounded loading of image thumbnails: the header is read first, and an
 * image too large to decode safely (over 50 MB, 64 megapixels, or 20000
 * pixels a side) is refused with a message saying so. */
void          cd_image_loader_load_thumbnail_async  (GFile               *file,
                                                     const char          *name,
                                                     int                  max_width,
                                                     int                  max_height,
                                                     int                  scale_factor,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GdkPaintable *cd_image_loader_load_thumbnail_finish (GAsyncResult        *result,
                                                     int                 *width,
                                                     int                 *height,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
