/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-image-editor.h"

struct _CdImageEditor
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CdImageEditor, cd_image_editor, GTK_TYPE_WIDGET)

static void
cd_image_editor_class_init (CdImageEditorClass *klass)
{
}

static void
cd_image_editor_init (CdImageEditor *self)
{
}

GtkWidget *
cd_image_editor_new (void)
{
  return NULL;
}

CdArticle *
cd_image_editor_get_article (CdImageEditor *self)
{
  return NULL;
}

void
cd_image_editor_set_article (CdImageEditor *self, CdArticle *article)
{
}

GFile     *
cd_image_editor_get_article_dir (CdImageEditor *self)
{
  return NULL;
}

void
cd_image_editor_set_article_dir (CdImageEditor *self, GFile *article_dir)
{
}

gboolean
cd_image_editor_set_file (CdImageEditor *self, GFile *file, GError **error)
{
  return 0;
}

gboolean
cd_image_editor_focus_field (CdImageEditor *self, const char *field)
{
  return 0;
}
