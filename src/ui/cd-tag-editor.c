/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-tag-editor.h"

struct _CdTagEditor
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CdTagEditor, cd_tag_editor, GTK_TYPE_WIDGET)

static void
cd_tag_editor_class_init (CdTagEditorClass *klass)
{
}

static void
cd_tag_editor_init (CdTagEditor *self)
{
}

GtkWidget *
cd_tag_editor_new (void)
{
  return NULL;
}

CdArticle *
cd_tag_editor_get_article (CdTagEditor *self)
{
  return NULL;
}

void
cd_tag_editor_set_article (CdTagEditor *self, CdArticle *article)
{
}

GSettings *
cd_tag_editor_get_settings (CdTagEditor *self)
{
  return NULL;
}

void
cd_tag_editor_set_settings (CdTagEditor *self, GSettings *settings)
{
}

GListModel *
cd_tag_editor_get_suggestions (CdTagEditor *self)
{
  return NULL;
}

void
cd_tag_editor_focus (CdTagEditor *self)
{
}
