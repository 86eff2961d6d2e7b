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
  g_autofree char *source = NULL;
  char *data;
  gsize length = 0;

  /* A bundled image sits beside the article, and an article names its image
   * by file path, not by URL-escaped reference. */
  if (options->image_mode == CD_EXPORT_IMAGE_BUNDLE && options->image_href != NULL &&
      !cd_image_is_remote (cd_article_get_image (article)))
    source = g_path_get_basename (cd_image_get_source (cd_article_get_image (article)));
  else
    source = g_strdup (options->image_href);

  if (source != NULL &&
      g_strcmp0 (source, cd_image_get_source (cd_article_get_image (article))) != 0)
    {
      copy = cd_article_copy (article);
      cd_image_set_source (cd_article_get_image (copy), source);
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
