/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-authors-editor.h"

struct _CdAuthorsEditor
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CdAuthorsEditor, cd_authors_editor, GTK_TYPE_WIDGET)

static void
cd_authors_editor_class_init (CdAuthorsEditorClass *klass)
{
}

static void
cd_authors_editor_init (CdAuthorsEditor *self)
{
}

GtkWidget *
cd_authors_editor_new (void)
{
  return NULL;
}

CdArticle *
cd_authors_editor_get_article (CdAuthorsEditor *self)
{
  return NULL;
}

void
cd_authors_editor_set_article (CdAuthorsEditor *self, CdArticle *article)
{
}

void
cd_authors_editor_focus (CdAuthorsEditor *self)
{
}
