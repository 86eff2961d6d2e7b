/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The preview's instance structure and what its files share: rendering,
 * loading, navigation and the public API (cd-preview.c), the web view's
 * set-up and security (cd-preview-web.c) and the layout of device frames
 * (cd-preview-device.c). Only cd-preview*.c include this header. */

#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

#include "cd-preview.h"

G_BEGIN_DECLS

/* The scheme the page's local images are served under (cd-preview-web.c). */
#define LOCAL_SCHEME "copydesk-local"

struct _CdPreview
{
  GtkWidget           parent_instance;

  /* Template children. */
  GtkWidget          *device_box;
  GtkWidget          *frame;
  GtkWidget          *separator;
  GtkWidget          *stack;
  GtkWidget          *scale_label;

  WebKitWebView      *web_view;
  WebKitUserContentManager *content_manager;
  GSimpleActionGroup *actions;

  /* Content filters, below the page's policy: [TRUE] blocks every request
   * but those for local files and data: URIs and https images, [FALSE] every
   * request but those for local files and data: URIs. Compiled when the
   * widget is made; no page loads before they are ready (or failed). */
  WebKitUserContentFilter *filters[2];
  guint               filters_waiting;

  CdArticle          *article;
  /* Follows the article: its "changed" starts a render. */
  GSignalGroup       *article_signals;
  GFile              *article_dir;
  CdPageTheme         theme;
  CdPreviewDevice     device;
  /* The page's width in CSS pixels and the zoom that fits it in the pane,
   * for the label beside the device buttons (cd-preview-device.c). */
  double              scale;
  int                 page_width;
  CdPreviewDevice     scale_device;
  guint               scale_label_source;
  gboolean            remote_images;
  char               *html;         /* the page last handed to the web view */
  guint               generation;

  guint               debounce_id;
  /* An edit came while the preview was not on screen (hidden or folded
   * away): it renders when it is shown again, not on every keystroke. */
  gboolean            stale;
  guint64             request;      /* the latest render request */
  gboolean            request_forced; /* the latest request loads even an unchanged page */
  gboolean            request_keeps_scroll;
  GCancellable       *cancellable;  /* cancelled at dispose */

  /* The newest rendered page not yet handed to the web view. */
  char               *pending_html;
  char               *pending_base_uri;
  gboolean            pending_remote_images;
  guint64             pending_request;
  gboolean            pending_forced;
  gboolean            pending_keeps_scroll;

  gboolean            busy;         /* reading the scroll position or loading */
  gboolean            loading;      /* a page of ours is loading */
  guint64             loading_request;
  guint               crashes;      /* web process crashes since the last load */
  gboolean            expect_load;  /* decide-policy lets our next load through */
  gboolean            load_failed;
  double              scroll_ratio; /* to restore when the load finished */
};

/* cd-preview.c */
void                  cd_preview_start_next_load         (CdPreview           *self);

/* cd-preview-web.c */
WebKitNetworkSession *cd_preview_get_network_session     (void);
WebKitSettings       *cd_preview_create_settings         (void);
void                  cd_preview_compile_filter          (CdPreview           *self,
                                                          gboolean             remote_images);
void                  cd_preview_register_local_scheme   (void);
gboolean              cd_preview_context_menu_cb         (CdPreview           *self,
                                                          WebKitContextMenu   *menu,
                                                          WebKitHitTestResult *hit_test_result);

/* cd-preview-device.c */
int                   cd_preview_device_get_width        (CdPreviewDevice      device);
void                  cd_preview_measure                 (GtkWidget           *widget,
                                                          GtkOrientation       orientation,
                                                          int                  for_size,
                                                          int                 *minimum,
                                                          int                 *natural,
                                                          int                 *minimum_baseline,
                                                          int                 *natural_baseline);
void                  cd_preview_size_allocate           (GtkWidget           *widget,
                                                          int                  width,
                                                          int                  height,
                                                          int                  baseline);
void                  cd_preview_update_device           (CdPreview           *self);
void                  cd_preview_device_change_state_cb  (GSimpleAction       *action,
                                                          GVariant            *value,
                                                          gpointer             user_data);

G_END_DECLS
