/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CD_TYPE_IMAGE (cd_image_get_type ())

/* The lead image of an article. The article always owns one; an image whose
 * source is empty means "no lead image". */
G_DECLARE_FINAL_TYPE (CdImage, cd_image, CD, IMAGE, GObject)

CdImage    *cd_image_new              (void) G_GNUC_WARN_UNUSED_RESULT;
const char *cd_image_get_source       (CdImage    *self);
void        cd_image_set_source       (CdImage    *self,
                                       const char *source);
const char *cd_image_get_alt          (CdImage    *self);
void        cd_image_set_alt          (CdImage    *self,
                                       const char *alt);
const char *cd_image_get_caption      (CdImage    *self);
void        cd_image_set_caption      (CdImage    *self,
                                       const char *caption);
const char *cd_image_get_credit       (CdImage    *self);
void        cd_image_set_credit       (CdImage    *self,
                                       const char *credit);
const char *cd_image_get_photographer (CdImage    *self);
void        cd_image_set_photographer (CdImage    *self,
                                       const char *photographer);
const char *cd_image_get_copyright    (CdImage    *self);
void        cd_image_set_copyright    (CdImage    *self,
                                       const char *copyright);
gboolean    cd_image_is_set           (CdImage    *self);
gboolean    cd_image_is_empty         (CdImage    *self);
gboolean    cd_image_is_remote        (CdImage    *self);
JsonObject *cd_image_get_extra        (CdImage    *self);
void        cd_image_set_extra        (CdImage    *self,
                                       JsonObject *extra);
void        cd_image_clear            (CdImage    *self);

/* Paths of lead images on disk (sources that are not URLs). */
gboolean    cd_image_source_is_local       (const char *source);
gboolean    cd_image_source_stays_inside   (const char *source);
GFile      *cd_image_source_resolve        (const char *source,
                                            GFile      *folder) G_GNUC_WARN_UNUSED_RESULT;
char       *cd_image_source_relative_to    (const char *source,
                                            GFile      *folder) G_GNUC_WARN_UNUSED_RESULT;
gboolean    cd_image_file_is_inside        (GFile      *file,
                                            GFile      *folder);

G_END_DECLS
