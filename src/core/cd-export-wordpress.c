/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-wordpress"

#include <glib/gi18n-lib.h>

#include "cd-export-wordpress.h"

struct _CdWordpressExporter
{
  GObject parent_instance;
};

static void exporter_iface_init (CdExporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdWordpressExporter, cd_wordpress_exporter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_EXPORTER, exporter_iface_init))

static GBytes *
cd_wordpress_exporter_export (CdExporter             *exporter,
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
  iface->id = "wordpress";
  iface->name = N_("WordPress REST post");
  iface->extension = "json";
  iface->mime_type = "application/json";
  iface->export = cd_wordpress_exporter_export;
}

static void
cd_wordpress_exporter_class_init (CdWordpressExporterClass *klass)
{
}

static void
cd_wordpress_exporter_init (CdWordpressExporter *self)
{
}
