/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include "copydesk-core.h"

G_BEGIN_DECLS

typedef enum
{
  CD_PREVIEW_DEVICE_DESKTOP,  /* 1280 CSS px, or the pane's width if wider */
  CD_PREVIEW_DEVICE_TABLET,   /* 768 CSS px */
  CD_PREVIEW_DEVICE_PHONE,    /* 390 CSS px */
} CdPreviewDevice;

#define CD_TYPE_PREVIEW_DEVICE (cd_preview_device_get_type ())
GType cd_preview_device_get_type (void) G_GNUC_CONST;

/* The live preview: the article page from core (cd_page_render) in a
 * WebKitWebView. Re-renders on the article's "changed" signal after a short
 * debounce, in a thread on a copy of the article; the latest edit wins and the
 * scroll position is kept. Page scripts never run; links open in the browser.
 *
 * Properties: "article" (CdArticle, nullable), "article-dir" (GFile, nullable:
 * the folder a relative lead-image path is relative to), "theme" (CdPageTheme),
 * "device" (CdPreviewDevice), "remote-images" (boolean, default TRUE: whether
 * the page may load images from https URLs; plain http is never fetched, and
 * an http lead image is not shown), "html" (string, read-only: the page last handed
 * to the web view), "generation" (uint, read-only: bumped each time the web
 * view finished loading a rendered page; tests wait on it). */
#define CD_TYPE_PREVIEW (cd_preview_get_type ())
G_DECLARE_FINAL_TYPE (CdPreview, cd_preview, CD, PREVIEW, GtkWidget)

GtkWidget      *cd_preview_new               (void);
CdArticle      *cd_preview_get_article       (CdPreview      *self);
void            cd_preview_set_article       (CdPreview      *self,
                                              CdArticle      *article);
GFile          *cd_preview_get_article_dir   (CdPreview      *self);
void            cd_preview_set_article_dir   (CdPreview      *self,
                                              GFile          *article_dir);
CdPageTheme     cd_preview_get_theme         (CdPreview      *self);
void            cd_preview_set_theme         (CdPreview      *self,
                                              CdPageTheme     theme);
CdPreviewDevice cd_preview_get_device        (CdPreview      *self);
void            cd_preview_set_device        (CdPreview      *self,
                                              CdPreviewDevice device);
gboolean        cd_preview_get_remote_images (CdPreview      *self);
void            cd_preview_set_remote_images (CdPreview      *self,
                                              gboolean        remote_images);
const char     *cd_preview_get_html          (CdPreview      *self);
guint           cd_preview_get_generation    (CdPreview      *self);
/* Renders now instead of after the debounce (used after loading a file). */
void            cd_preview_refresh           (CdPreview      *self);

G_END_DECLS
