/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CD_JSON_ERROR (cd_json_error_quark ())

typedef enum
{
  CD_JSON_ERROR_EMPTY,
  CD_JSON_ERROR_ENCODING,
  CD_JSON_ERROR_SYNTAX,
  CD_JSON_ERROR_DUPLICATE_KEY,
  CD_JSON_ERROR_TOO_DEEP,
  CD_JSON_ERROR_TOO_LARGE,
} CdJsonError;

/**
 * CdJsonParseFlags:
 * @CD_JSON_PARSE_DEFAULT: numbers become integer or double nodes
 * @CD_JSON_PARSE_KEEP_NUMBER_TEXT: a number that would not be written back
 *   as the same text keeps its text (see cd_json_node_get_number_text())
 *
 * How cd_json_parse_full() reads a document.
 */
typedef enum
{
  CD_JSON_PARSE_DEFAULT = 0,
  CD_JSON_PARSE_KEEP_NUMBER_TEXT = 1 << 0,
} CdJsonParseFlags;

GQuark    cd_json_error_quark (void);

JsonNode *cd_json_parse       (const char  *data,
                               gsize        length,
                               const char  *display_name,
                               guint        max_depth,
                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *cd_json_parse_full  (const char        *data,
                               gsize              length,
                               const char        *display_name,
                               guint              max_depth,
                               CdJsonParseFlags   flags,
                               GHashTable        *member_offsets,
                               GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char     *cd_json_to_string   (JsonNode    *node,
                               gsize       *length) G_GNUC_WARN_UNUSED_RESULT;
const char *cd_json_node_get_number_text    (JsonNode   *node);
void        cd_json_node_forget_number_text (JsonNode   *node);
void        cd_json_locate                  (const char *data,
                                             gsize       length,
                                             gsize       offset,
                                             guint      *line,
                                             guint      *column);
char       *cd_json_excerpt                 (const char *text) G_GNUC_WARN_UNUSED_RESULT;
const char *cd_json_describe_node           (JsonNode   *node);

G_END_DECLS
