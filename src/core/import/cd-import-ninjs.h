/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* import/: other formats in. cd-import-ninjs reads a wire story in ninjs
 * (through the bounded JSON reader) into a new article, mapping people,
 * texts and the lead image; cd-html-markdown turns the HTML bodies wire
 * services send into Markdown, dropping scripts, styles and anything outside
 * the URL allow-list. The result is an ordinary model held to the same
 * limits as a file opened from disk. */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"

G_BEGIN_DECLS

#define CD_IMPORT_ERROR (cd_import_error_quark ())

typedef enum
{
  CD_IMPORT_ERROR_READ,
  CD_IMPORT_ERROR_SYNTAX,
  CD_IMPORT_ERROR_NOT_NINJS,
  CD_IMPORT_ERROR_INVALID,
} CdImportError;

GQuark     cd_import_error_quark        (void);

CdArticle *cd_ninjs_import_from_data    (const char    *data,
                                         gsize          length,
                                         const char    *display_name,
                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;
CdArticle *cd_ninjs_import_from_file    (GFile         *file,
                                         GCancellable  *cancellable,
                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* @warnings: (out) (optional) (element-type utf8): what was left out, such
 * as a lead image that names a local file outside the document's folder. */
CdArticle *cd_ninjs_import_from_data_full (const char  *data,
                                           gsize        length,
                                           const char  *display_name,
                                           GPtrArray  **warnings,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;
CdArticle *cd_ninjs_import_from_file_full (GFile        *file,
                                           GCancellable *cancellable,
                                           GPtrArray   **warnings,
                                           GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
