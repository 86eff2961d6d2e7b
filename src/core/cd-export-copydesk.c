/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-copydesk"

#include <glib/gi18n-lib.h>

#include "cd-article-file.h"
#include "cd-export-copydesk.h"

/* The native format as an export target: a copy of the article in canonical
 * form, with the lead image reference rewritten the same way as every other
 * export, so a bundle can be sent to a colleague as it is. */

struct _CdCopydeskExporter
{
  GObject parent_instance;
};

static void exporter_iface_init (CdExporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdCopydeskExporter, cd_copydesk_exporter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_EXPORTER, exporter_iface_init))

static GBytes *
cd_copydesk_exporter_export (CdExporter             *exporter,
                             CdArticle              *article,
                             const CdExportOptions  *options,
                             GError                **error)
{
  g_autoptr(CdArticle) copy = NULL;
  char *data;
  gsize length = 0;

  if (options->image_href != NULL &&
      g_strcmp0 (options->image_href, cd_image_get_source (cd_article_get_image (article))) != 0)
    {
      copy = cd_article_copy (article);
      cd_image_set_source (cd_article_get_image (copy), options->image_href);
      article = copy;
    }

  data = cd_article_to_data (article, &length);
  return g_bytes_new_take (data, length);
}

static void
exporter_iface_init (CdExporterInterface *iface)
{
  iface->id = "copydesk";
  iface->name = N_("Copydesk article");
  iface->extension = "copydesk";
  iface->mime_type = "application/x-copydesk-article";
  iface->export = cd_copydesk_exporter_export;
}

static void
cd_copydesk_exporter_class_init (CdCopydeskExporterClass *klass)
{
}

static void
cd_copydesk_exporter_init (CdCopydeskExporter *self)
{
}
