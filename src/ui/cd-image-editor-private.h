/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The image editor's instance structure and what its two files share: the
 * widget, its thumbnail and text rows (cd-image-editor.c) and where the
 * image comes from, an address, a chosen or dropped file (or none)
 * (cd-image-editor-source.c). Only cd-image-editor*.c include this
 * header. */

#pragma once

#include <adwaita.h>

#include "cd-image-editor.h"

G_BEGIN_DECLS

struct _CdImageEditor
{
  GtkWidget             parent_instance;

  CdArticle            *article;
  CdImage              *image;
  GFile                *article_dir;
  gulong                image_notify_id;

  GtkFileChooserNative *chooser;
  GCancellable         *load_cancellable;
  const char           *state;
  char                 *message;
  GdkPaintable         *thumbnail;
  guint                 syncing;

  /* Template widgets */
  GtkWidget            *group;
  GtkStack             *thumb_stack;
  GtkImage             *placeholder_icon;
  GtkWidget            *spinner;
  GtkLabel             *placeholder_label;
  AdwClamp             *picture_clamp;
  GtkPicture           *picture;
  GtkLabel             *message_label;
  GtkWidget            *choose_button;
  GtkWidget            *remove_button;
  GtkLabel             *file_error_label;
  AdwEntryRow          *url_row;
  GtkLabel             *url_error_label;
  GtkWidget            *alt_row;
  GtkTextView          *alt_view;
  GtkLabel             *alt_hint_label;
  GtkWidget            *caption_row;
  GtkTextView          *caption_view;
  AdwEntryRow          *credit_row;
  AdwEntryRow          *photographer_row;
  AdwEntryRow          *copyright_row;
};

/* cd-image-editor.c */
/* Shows the image the article has now, starting a load for a local file. */
void     cd_image_editor_reload_thumbnail  (CdImageEditor *self);
void     cd_image_editor_sync_url_row      (CdImageEditor *self);
void     cd_image_editor_set_url_error     (CdImageEditor *self,
                                            const char    *message);
void     cd_image_editor_set_file_error    (CdImageEditor *self,
                                            const char    *message);

/* cd-image-editor-source.c: template callbacks, bound under their names
 * without the prefix, and the drop target's handler. */
void     cd_image_editor_url_apply_cb      (CdImageEditor *self);
void     cd_image_editor_url_changed_cb    (CdImageEditor *self);
void     cd_image_editor_choose_clicked_cb (CdImageEditor *self);
void     cd_image_editor_remove_clicked_cb (CdImageEditor *self);
gboolean cd_image_editor_drop_cb           (GtkDropTarget *target,
                                            const GValue  *value,
                                            double         x,
                                            double         y,
                                            CdImageEditor *self);

G_END_DECLS
