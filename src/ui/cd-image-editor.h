/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>

#include "cd-spell-context.h"
#include "copydesk-core.h"

G_BEGIN_DECLS

/* The lead image: choose a file (images only) or paste an https URL, a
 * thumbnail (loaded off the main thread, size-limited, a placeholder with a
 * message for a broken image), alt text, caption, credit, photographer and
 * copyright, and a remove button. Edits go to cd_article_get_image ().
 *
 * Properties: "article" (CdArticle, nullable), "article-dir" (GFile,
 * nullable: a chosen file inside it is stored as a relative path), and, read
 * only, "thumbnail-state" (string: "empty", "loading", "loaded", "remote" or
 * "error"), "message" (string: what the widget says about the image, such as
 * why it cannot be shown) and "thumbnail" (GdkPaintable, nullable: the loaded
 * thumbnail, at most 340 x 200). */
#define CD_TYPE_IMAGE_EDITOR (cd_image_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdImageEditor, cd_image_editor, CD, IMAGE_EDITOR, GtkWidget)

GtkWidget *cd_image_editor_new             (void);
CdArticle *cd_image_editor_get_article     (CdImageEditor *self);
void       cd_image_editor_set_article     (CdImageEditor *self,
                                            CdArticle     *article);
GFile     *cd_image_editor_get_article_dir (CdImageEditor *self);
/* Spell checking in the alt text, caption and credit. */
void       cd_image_editor_set_spell_context (CdImageEditor  *self,
                                              CdSpellContext *context);
void       cd_image_editor_set_article_dir (CdImageEditor *self,
                                            GFile         *article_dir);
/* Uses @file as the lead image (from the file chooser or a drop). Returns
 * FALSE, with @error set, when it is not an image file. */
gboolean   cd_image_editor_set_file        (CdImageEditor *self,
                                            GFile         *file,
                                            GError       **error);
/* Focuses the widget for "image" or "image.source" (the Choose button, or the
 * URL row for a remote image), "image.alt", "image.caption", "image.credit",
 * "image.photographer" or "image.copyright". Returns FALSE for another field. */
gboolean   cd_image_editor_focus_field     (CdImageEditor *self,
                                            const char    *field);
/* Whether cd_image_editor_focus_field () has a widget for @field, a field id
 * of the registry (cd-field.h). */
gboolean   cd_image_editor_has_field       (const char    *field);
const char   *cd_image_editor_get_thumbnail_state (CdImageEditor *self);
const char   *cd_image_editor_get_message         (CdImageEditor *self);
GdkPaintable *cd_image_editor_get_thumbnail       (CdImageEditor *self);

G_END_DECLS
