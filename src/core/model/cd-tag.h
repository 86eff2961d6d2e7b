/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CD_TYPE_TAG (cd_tag_get_type ())

/* A tag is a value: its name, vocabulary URI and code never change after creation.
 * Editing a tag means replacing it in the article's list. */
G_DECLARE_FINAL_TYPE (CdTag, cd_tag, CD, TAG, GObject)

CdTag      *cd_tag_new        (const char *name,
                               const char *uri,
                               const char *code) G_GNUC_WARN_UNUSED_RESULT;
const char *cd_tag_get_name   (CdTag      *self);
const char *cd_tag_get_uri    (CdTag      *self);
const char *cd_tag_get_code   (CdTag      *self);
gboolean    cd_tag_is_media_topic (CdTag  *self);
JsonObject *cd_tag_get_extra  (CdTag      *self);
void        cd_tag_set_extra  (CdTag      *self,
                               JsonObject *extra);

G_END_DECLS
