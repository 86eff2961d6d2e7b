/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-jsonld"

#include <glib/gi18n-lib.h>

#include "cd-export-jsonld.h"

struct _CdJsonldExporter
{
  GObject parent_instance;
};

static void exporter_iface_init (CdExporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdJsonldExporter, cd_jsonld_exporter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_EXPORTER, exporter_iface_init))

static GBytes *
cd_jsonld_exporter_export (CdExporter             *exporter,
                          CdArticle              *article,
                          const CdExportOptions  *options,
                          GError                **error)
{
  g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_UNKNOWN_FORMAT, "not written yet");
  return NULL;
}

static void
exporter_iface_init (CdExporterInterface *iface)
{
  iface->id = "jsonld";
  iface->name = N_("schema.org NewsArticle (JSON-LD)");
  iface->extension = "jsonld";
  iface->mime_type = "application/ld+json";
  iface->export = cd_jsonld_exporter_export;
}

static void
cd_jsonld_exporter_class_init (CdJsonldExporterClass *klass)
{
}

static void
cd_jsonld_exporter_init (CdJsonldExporter *self)
{
}
