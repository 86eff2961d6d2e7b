/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-exporter.h"

G_BEGIN_DECLS

/* Helpers that the JSON exporters (ninjs, ANS, JSON-LD, WordPress) share.
 * Private to core: not part of any public header. */

#define CD_EXPORT_MEDIA_TOPIC_URI  "http://cv.iptc.org/newscodes/mediatopic/"
#define CD_EXPORT_MEDIA_TOPIC_CODE "medtop:"

/**
 * CdExportSource:
 * @pattern: a member's place in a document without indexes ("people[].uri")
 * @field: the article field it comes from, marked with N_()
 *
 * One row of a table that cd_export_describe_source() looks in.
 */
typedef struct
{
  const char *pattern;
  const char *field;
} CdExportSource;

/**
 * CdExportCheckFunc:
 * @object: the object that holds the member
 * @member: the member's name
 * @value: (nullable): the member's value when it is a string, else %NULL
 * @path: the member's place for people ("people[1].uri")
 * @pattern: @path without indexes ("people[].uri")
 * @user_data: the data given to cd_export_check_document()
 * @error: return location for an error
 *
 * Checks one member of a finished document.
 *
 * Returns: %TRUE when the member is valid, else %FALSE with @error set
 */
typedef gboolean (*CdExportCheckFunc) (JsonObject  *object,
                                       const char  *member,
                                       const char  *value,
                                       const char  *path,
                                       const char  *pattern,
                                       gpointer     user_data,
                                       GError     **error);

void        cd_export_set_string            (JsonObject            *object,
                                             const char            *member,
                                             const char            *value);
void        cd_export_set_date              (JsonObject            *object,
                                             const char            *member,
                                             GDateTime             *value);
void        cd_export_set_array             (JsonObject            *object,
                                             const char            *member,
                                             JsonArray             *array);
char       *cd_export_media_topic_uri       (const char            *code) G_GNUC_WARN_UNUSED_RESULT;
char       *cd_export_href_file_name        (const char            *href) G_GNUC_WARN_UNUSED_RESULT;
char       *cd_export_dup_absolute_image_href (CdArticle             *article,
                                               const CdExportOptions *options)
                                               G_GNUC_WARN_UNUSED_RESULT;
const char *cd_export_image_mime_type       (const char            *file_name,
                                             gboolean               with_avif);
gboolean    cd_export_is_rfc3339_date_time  (const char            *text);
const char *cd_export_describe_source       (const CdExportSource  *sources,
                                             size_t                 n_sources,
                                             const char            *pattern);
gboolean    cd_export_check_document        (JsonNode              *root,
                                             CdExportCheckFunc      check,
                                             gpointer               user_data,
                                             GError               **error);
GBytes     *cd_export_json_to_bytes         (JsonNode              *root) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
