/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-html"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-export-html.h"
#include "cd-page.h"

/* The "HTML page" exporter: the article page that the preview shows, as a
 * file. The lead image is referenced as cd_export_resolve_image() decided
 * (an https URL, the bundled file's name or the image base URL), and the
 * page follows the reader's light or dark preference. */

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
  CdPageOptions page_options = { NULL, CD_PAGE_THEME_AUTO };
  char *page;

  g_assert (CD_IS_HTML_EXPORTER (exporter));
  g_assert (CD_IS_ARTICLE (article));

  if (options != NULL)
    page_options.image_href = options->image_href;

  page = cd_page_render (article, &page_options);
  return g_bytes_new_take (page, strlen (page));
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
