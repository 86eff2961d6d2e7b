/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-html"

#include <glib/gi18n-lib.h>

#include "cd-export-html.h"

struct _CdHtmlExporter
{
  GObject parent_instance;
};

static void exporter_iface_init (CdExporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdHtmlExporter, cd_html_exporter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_EXPORTER, exporter_iface_init))

static GBytes *
cd_html_exporter_export (CdExporter             *exporter,
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
  iface->id = "html";
  iface->name = N_("HTML page");
  iface->extension = "html";
  iface->mime_type = "text/html";
  iface->export = cd_html_exporter_export;
}

static void
cd_html_exporter_class_init (CdHtmlExporterClass *klass)
{
}

static void
cd_html_exporter_init (CdHtmlExporter *self)
{
}
