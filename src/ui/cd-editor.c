/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-editor.h"

struct _CdEditor
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CdEditor, cd_editor, GTK_TYPE_WIDGET)

static void
cd_editor_class_init (CdEditorClass *klass)
{
}

static void
cd_editor_init (CdEditor *self)
{
}

GtkWidget       *
cd_editor_new (void)
{
  return NULL;
}

CdArticle       *
cd_editor_get_article (CdEditor *self)
{
  return NULL;
}

void
cd_editor_set_article (CdEditor *self, CdArticle *article)
{
}

GtkSourceBuffer *
cd_editor_get_buffer (CdEditor *self)
{
  return NULL;
}

GtkTextView     *
cd_editor_get_view (CdEditor *self)
{
  return NULL;
}

void
cd_editor_flush (CdEditor *self)
{
}

void
cd_editor_insert_html (CdEditor *self, const char *html)
{
}
