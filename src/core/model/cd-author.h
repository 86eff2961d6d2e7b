/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CD_TYPE_AUTHOR (cd_author_get_type ())

G_DECLARE_FINAL_TYPE (CdAuthor, cd_author, CD, AUTHOR, GObject)

CdAuthor   *cd_author_new        (const char *name) G_GNUC_WARN_UNUSED_RESULT;
const char *cd_author_get_name   (CdAuthor   *self);
void        cd_author_set_name   (CdAuthor   *self,
                                  const char *name);
const char *cd_author_get_role   (CdAuthor   *self);
void        cd_author_set_role   (CdAuthor   *self,
                                  const char *role);
const char *cd_author_get_email  (CdAuthor   *self);
void        cd_author_set_email  (CdAuthor   *self,
                                  const char *email);
const char *cd_author_get_url    (CdAuthor   *self);
void        cd_author_set_url    (CdAuthor   *self,
                                  const char *url);
JsonObject *cd_author_get_extra  (CdAuthor   *self);
void        cd_author_set_extra  (CdAuthor   *self,
                                  JsonObject *extra);

G_END_DECLS
