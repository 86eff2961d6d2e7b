/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* format/: the article on disk. cd-article-file reads and writes the
 * .copydesk file (JSON, format version below) through cd-json, Copydesk's
 * own bounded JSON reader: depth, size and count limits, exact line and
 * column in every message, numbers kept as written. Reading checks every
 * member and says which one is wrong and what to do; writing is atomic
 * (cd-file-util: a temporary file renamed over the old one), so a file is
 * never half-written. Lead image paths are stored relative to the article's
 * folder. cd-image-size reads an image's pixel size from its header without
 * decoding it. */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"
#include "cd-limits.h"

G_BEGIN_DECLS

#define CD_FILE_FORMAT_NAME    "copydesk-article"
#define CD_FILE_FORMAT_VERSION 1
#define CD_FILE_MAX_SIZE       CD_LIMIT_FILE_SIZE

#define CD_FILE_ERROR (cd_file_error_quark ())

typedef enum
{
  CD_FILE_ERROR_READ,
  CD_FILE_ERROR_WRITE,
  CD_FILE_ERROR_TOO_LARGE,
  CD_FILE_ERROR_ENCODING,
  CD_FILE_ERROR_SYNTAX,
  CD_FILE_ERROR_NOT_ARTICLE,
  CD_FILE_ERROR_NEWER_VERSION,
  CD_FILE_ERROR_INVALID,
} CdFileError;

GQuark     cd_file_error_quark        (void);

CdArticle *cd_article_load_from_data  (const char    *data,
                                       gsize          length,
                                       const char    *display_name,
                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;
CdArticle *cd_article_load_from_file  (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;
CdArticle *cd_article_load_from_file_full (GFile       *file,
                                           GBytes     **contents,
                                           GCancellable *cancellable,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;
void       cd_article_file_set_folder (CdArticle     *article,
                                       GFile         *folder);
GFile     *cd_article_file_get_folder (CdArticle     *article);
gboolean   cd_article_file_copy_image (GFile         *image,
                                       GFile         *folder,
                                       char         **name,
                                       GCancellable  *cancellable,
                                       GError       **error);
char      *cd_article_to_data         (CdArticle     *article,
                                       gsize         *length) G_GNUC_WARN_UNUSED_RESULT;
gboolean   cd_article_check_limits    (CdArticle     *article,
                                       GError       **error);
char      *cd_article_to_checked_data (CdArticle     *article,
                                       gsize         *length,
                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   cd_article_save_to_file    (CdArticle     *article,
                                       GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);
JsonNode  *cd_article_to_json         (CdArticle     *article) G_GNUC_WARN_UNUSED_RESULT;
char      *cd_date_time_to_string     (GDateTime     *date_time) G_GNUC_WARN_UNUSED_RESULT;
gboolean   cd_file_replace_contents   (GFile         *file,
                                       const char    *data,
                                       gsize          length,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
