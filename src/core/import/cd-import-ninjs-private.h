/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the parts of the ninjs importer share: the limits an imported article
 * keeps to, the state of one import, the texts gathered from a document, and
 * the functions one part calls in another (cd-import-ninjs-read.c reads
 * members, cd-import-ninjs-text.c the texts, cd-import-ninjs-people.c the
 * authors and tags, cd-import-ninjs-image.c the lead image, and
 * cd-import-ninjs.c the document as a whole). Only cd-import-ninjs*.c
 * include this header. */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-import-ninjs.h"
#include "cd-limits.h"

G_BEGIN_DECLS

/* The limits of the .copydesk format, so that an imported article can be
 * saved and opened again. */
#define MAX_TEXT_BYTES CD_LIMIT_TEXT_BYTES
#define MAX_BODY_BYTES CD_LIMIT_BODY_BYTES

#define MEDIA_TOPIC_URI  "http://cv.iptc.org/newscodes/mediatopic/"
#define MEDIA_TOPIC_CODE "medtop:"

typedef struct
{
  const char  *display_name;
  GError     **error;
  /* What was left out, for people: (element-type utf8). */
  GPtrArray   *warnings;
} Importer;

/* One entry of `headlines`, `descriptions` or `bodies`, or a 1.x
 * `headline_*`, `description_*` or `body_*` member; strings are borrowed
 * from the document. */
typedef struct
{
  const char *role;
  const char *contenttype;
  const char *value;
} TextItem;

gboolean        cd_import_ninjs_fail              (Importer            *self,
                                                   CdImportError        code,
                                                   const char          *format,
                                                   ...) G_GNUC_PRINTF (3, 4);
gboolean        cd_import_ninjs_wrong_type        (Importer            *self,
                                                   const char          *path,
                                                   const char          *expected,
                                                   JsonNode            *node);
char           *cd_import_ninjs_member_path       (const char          *parent,
                                                   const char          *member) G_GNUC_WARN_UNUSED_RESULT;
gboolean        cd_import_ninjs_read_string       (Importer            *self,
                                                   JsonObject          *object,
                                                   const char          *parent,
                                                   const char          *member,
                                                   const char         **out);
gboolean        cd_import_ninjs_read_array        (Importer            *self,
                                                   JsonObject          *object,
                                                   const char          *parent,
                                                   const char          *member,
                                                   JsonArray          **out);
gboolean        cd_import_ninjs_array_object      (Importer            *self,
                                                   JsonArray           *array,
                                                   const char          *path,
                                                   guint                index,
                                                   JsonObject         **out);
gboolean        cd_import_ninjs_check_length      (Importer            *self,
                                                   const char          *path,
                                                   const char          *value,
                                                   gsize                max_bytes);
gboolean        cd_import_ninjs_role_is           (const char          *role,
                                                   const char          *name);
char           *cd_import_ninjs_item_text         (const TextItem      *item) G_GNUC_WARN_UNUSED_RESULT;
const TextItem *cd_import_ninjs_pick_item         (GArray              *items,
                                                   const char * const  *roles,
                                                   gboolean             prefer_html);
gboolean        cd_import_ninjs_read_all_items    (Importer            *self,
                                                   JsonObject          *object,
                                                   const char          *parent,
                                                   const char          *member,
                                                   const char          *prefix,
                                                   GArray             **out);
gboolean        cd_import_ninjs_import_headline   (Importer            *self,
                                                   JsonObject          *root,
                                                   CdArticle           *article);
gboolean        cd_import_ninjs_import_standfirst (Importer            *self,
                                                   JsonObject          *root,
                                                   gboolean             picture,
                                                   CdArticle           *article);
gboolean        cd_import_ninjs_import_body       (Importer            *self,
                                                   JsonObject          *root,
                                                   CdArticle           *article);
gboolean        cd_import_ninjs_import_authors    (Importer            *self,
                                                   JsonObject          *root,
                                                   CdArticle           *article);
gboolean        cd_import_ninjs_import_subjects   (Importer            *self,
                                                   JsonObject          *root,
                                                   CdArticle           *article);
gboolean        cd_import_ninjs_is_picture_type   (const char          *type);
gboolean        cd_import_ninjs_import_image      (Importer            *self,
                                                   JsonObject          *root,
                                                   gboolean             picture,
                                                   const char          *uri,
                                                   CdArticle           *article);

G_END_DECLS
