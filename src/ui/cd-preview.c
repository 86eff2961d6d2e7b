/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-preview.h"

struct _CdPreview
{
  GtkWidget parent_instance;
};

G_DEFINE_ENUM_TYPE (CdPreviewDevice, cd_preview_device,
  G_DEFINE_ENUM_VALUE (CD_PREVIEW_DEVICE_DESKTOP, "desktop"),
  G_DEFINE_ENUM_VALUE (CD_PREVIEW_DEVICE_TABLET, "tablet"),
  G_DEFINE_ENUM_VALUE (CD_PREVIEW_DEVICE_PHONE, "phone"))

G_DEFINE_FINAL_TYPE (CdPreview, cd_preview, GTK_TYPE_WIDGET)

static void
cd_preview_class_init (CdPreviewClass *klass)
{
}

static void
cd_preview_init (CdPreview *self)
{
}

GtkWidget      *
cd_preview_new (void)
{
  return NULL;
}

CdArticle      *
cd_preview_get_article (CdPreview *self)
{
  return NULL;
}

void
cd_preview_set_article (CdPreview *self, CdArticle *article)
{
}

GFile          *
cd_preview_get_article_dir (CdPreview *self)
{
  return NULL;
}

void
cd_preview_set_article_dir (CdPreview *self, GFile *article_dir)
{
}

CdPageTheme
cd_preview_get_theme (CdPreview *self)
{
  return 0;
}

void
cd_preview_set_theme (CdPreview *self, CdPageTheme theme)
{
}

CdPreviewDevice
cd_preview_get_device (CdPreview *self)
{
  return 0;
}

void
cd_preview_set_device (CdPreview *self, CdPreviewDevice device)
{
}

const char     *
cd_preview_get_html (CdPreview *self)
{
  return NULL;
}

guint
cd_preview_get_generation (CdPreview *self)
{
  return 0;
}

void
cd_preview_refresh (CdPreview *self)
{
}
