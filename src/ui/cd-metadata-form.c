/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-metadata-form.h"

struct _CdMetadataForm
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CdMetadataForm, cd_metadata_form, GTK_TYPE_WIDGET)

static void
cd_metadata_form_class_init (CdMetadataFormClass *klass)
{
}

static void
cd_metadata_form_init (CdMetadataForm *self)
{
}

GtkWidget    *
cd_metadata_form_new (void)
{
  return NULL;
}

CdArticle    *
cd_metadata_form_get_article (CdMetadataForm *self)
{
  return NULL;
}

void
cd_metadata_form_set_article (CdMetadataForm *self, CdArticle *article)
{
}

CdHouseRules *
cd_metadata_form_get_house_rules (CdMetadataForm *self)
{
  return NULL;
}

void
cd_metadata_form_set_house_rules (CdMetadataForm *self, CdHouseRules *rules)
{
}

GSettings    *
cd_metadata_form_get_settings (CdMetadataForm *self)
{
  return NULL;
}

void
cd_metadata_form_set_settings (CdMetadataForm *self, GSettings *settings)
{
}

GFile        *
cd_metadata_form_get_article_dir (CdMetadataForm *self)
{
  return NULL;
}

void
cd_metadata_form_set_article_dir (CdMetadataForm *self, GFile *article_dir)
{
}

gboolean
cd_metadata_form_focus_field (CdMetadataForm *self, const char *field)
{
  return 0;
}

void
cd_metadata_form_focus_headline (CdMetadataForm *self)
{
}

GtkWidget    *
cd_metadata_form_get_image_editor (CdMetadataForm *self)
{
  return NULL;
}
