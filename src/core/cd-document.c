/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-document.h"

struct _CdDocument
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (CdDocument, cd_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (cd-document-error-quark, cd_document_error)

static void
cd_document_class_init (CdDocumentClass *klass)
{
}

static void
cd_document_init (CdDocument *self)
{
}


CdDocument *
cd_document_new (CdArticle *article)
{
  return NULL;
}

CdArticle  *
cd_document_get_article (CdDocument *self)
{
  return NULL;
}

GFile      *
cd_document_get_file (CdDocument *self)
{
  return NULL;
}

gboolean
cd_document_get_modified (CdDocument *self)
{
  return 0;
}

void
cd_document_set_modified (CdDocument *self, gboolean modified)
{
}

gboolean
cd_document_get_busy (CdDocument *self)
{
  return 0;
}

const char *
cd_document_get_title (CdDocument *self)
{
  return NULL;
}

const char *
cd_document_get_display_name (CdDocument *self)
{
  return NULL;
}

GFile      *
cd_document_dup_article_dir (CdDocument *self)
{
  return NULL;
}

void
cd_document_load_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
}

CdDocument *
cd_document_load_finish (GAsyncResult *result, GError **error)
{
  return NULL;
}

void
cd_document_save_async (CdDocument *self, GFile *file, gboolean force, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
}

gboolean
cd_document_save_finish (CdDocument *self, GAsyncResult *result, GError **error)
{
  return 0;
}

gboolean
cd_document_save (CdDocument *self, GFile *file, gboolean force, GCancellable *cancellable, GError **error)
{
  return 0;
}

void
cd_document_set_recovery_dir (CdDocument *self, GFile *dir)
{
}

GFile      *
cd_document_get_recovery_file (CdDocument *self)
{
  return NULL;
}

gboolean
cd_document_write_recovery (CdDocument *self, GError **error)
{
  return 0;
}

void
cd_document_discard_recovery (CdDocument *self)
{
}

CdDocument *
cd_document_new_from_recovery (GFile *recovery_file, GError **error)
{
  return NULL;
}

GPtrArray  *
cd_document_list_recoveries (GFile *dir)
{
  return NULL;
}
