/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-ans"

#include <glib/gi18n-lib.h>

#include "cd-export-ans.h"

struct _CdAnsExporter
{
  GObject parent_instance;
};

static void exporter_iface_init (CdExporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdAnsExporter, cd_ans_exporter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_EXPORTER, exporter_iface_init))

static GBytes *
cd_ans_exporter_export (CdExporter             *exporter,
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
  iface->id = "ans";
  iface->name = N_("Arc ANS 0.10.12 story");
  iface->extension = "json";
  iface->mime_type = "application/json";
  iface->export = cd_ans_exporter_export;
}

static void
cd_ans_exporter_class_init (CdAnsExporterClass *klass)
{
}

static void
cd_ans_exporter_init (CdAnsExporter *self)
{
}
