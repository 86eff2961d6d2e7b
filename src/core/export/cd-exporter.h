/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* export/: handing the article to a CMS. CdExporter is the registry and the
 * interface: each format (ninjs 2.2, schema.org JSON-LD, Arc ANS, the
 * WordPress payload, HTML, Copydesk) is one subclass in its own file that maps
 * the model to JSON as FORMATS.md says and reports which article field a bad
 * value came from. Export names its files and decides how images travel here,
 * once, for the window and the CLI alike. Internal fields (the editor's note)
 * go only where a format keeps them away from readers. */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"

G_BEGIN_DECLS

#define CD_EXPORT_ERROR (cd_export_error_quark ())

typedef enum
{
  CD_EXPORT_ERROR_IMAGE,
  CD_EXPORT_ERROR_INVALID,
  CD_EXPORT_ERROR_WRITE,
  CD_EXPORT_ERROR_UNKNOWN_FORMAT,
} CdExportError;

GQuark cd_export_error_quark (void);

/**
 * CdExportImageMode:
 * @CD_EXPORT_IMAGE_NONE: the article's image must already be an https URL;
 *   a local image file is an error, so an export never points at the author's disk
 * @CD_EXPORT_IMAGE_BUNDLE: the image file is copied beside the exported file and
 *   referenced by its relative name
 * @CD_EXPORT_IMAGE_BASE_URL: a local image is referenced as base URL + file name
 * @CD_EXPORT_IMAGE_LOCAL: a local image is referenced by its `file://` URI; for
 *   the preview and for proofs read on the author's own computer, never for
 *   publishing
 *
 * How an exported document refers to a lead image that is a file on disk.
 */
typedef enum
{
  CD_EXPORT_IMAGE_NONE,
  CD_EXPORT_IMAGE_BUNDLE,
  CD_EXPORT_IMAGE_BASE_URL,
  CD_EXPORT_IMAGE_LOCAL,
} CdExportImageMode;

/* What an exporter needs to know besides the article. Plain data, copied by
 * value; strings are borrowed for the duration of the export call. */
typedef struct
{
  CdExportImageMode  image_mode;
  const char        *image_base_url;  /* for CD_EXPORT_IMAGE_BASE_URL */
  const char        *article_dir;     /* folder the article's relative image path is relative to */
  const char        *image_href;      /* filled in by cd_export_resolve_image (): what to write */
  guint              image_width;     /* filled in by cd_exporter_export (): the pixel size of a */
  guint              image_height;    /* lead image on disk; 0 when it is remote or unreadable */
} CdExportOptions;

#define CD_TYPE_EXPORTER (cd_exporter_get_type ())

G_DECLARE_INTERFACE (CdExporter, cd_exporter, CD, EXPORTER, GObject)

struct _CdExporterInterface
{
  GTypeInterface parent_iface;

  const char *id;          /* "ninjs", "jsonld", "ans", "wordpress", "html", "copydesk" */
  const char *name;        /* for people, translatable: "ninjs 2.2 (IPTC)" */
  const char *extension;   /* without the dot: "json", "html", "copydesk" */
  const char *mime_type;

  GBytes *(*export) (CdExporter             *self,
                     CdArticle              *article,
                     const CdExportOptions  *options,
                     GError                **error);
};

const char *cd_exporter_get_id        (CdExporter             *self);
const char *cd_exporter_get_name      (CdExporter             *self);
const char *cd_exporter_get_extension (CdExporter             *self);
const char *cd_exporter_get_mime_type (CdExporter             *self);
char       *cd_exporter_dup_file_name (CdExporter             *self,
                                       CdArticle              *article) G_GNUC_WARN_UNUSED_RESULT;
GBytes     *cd_exporter_export        (CdExporter             *self,
                                       CdArticle              *article,
                                       const CdExportOptions  *options,
                                       GError                **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean    cd_exporter_export_to_file (CdExporter            *self,
                                        CdArticle             *article,
                                        const CdExportOptions *options,
                                        GFile                 *output,
                                        GError               **error);
gboolean    cd_export_resolve_image   (CdArticle              *article,
                                       const CdExportOptions  *options,
                                       char                  **href,
                                       GError                **error);

/* The registry of built-in exporters, ninjs first (the default). */
GListModel *cd_exporters_get_all      (void);
CdExporter *cd_exporters_lookup       (const char             *id);

G_END_DECLS
