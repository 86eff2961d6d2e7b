/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-preview"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <webkit/webkit.h>

#include "cd-preview.h"

/* The live preview.
 *
 * Rendering: an edit ("changed" on the article) restarts a short timer; when
 * it fires, the article is copied on the main thread and the copy rendered
 * (cd_page_render) in a worker thread. Each render has a request number; a
 * result that is not of the latest request is dropped, so the latest edit
 * wins. A rendered page waits in "pending" while the web view is busy with the
 * previous one: there is at most one load in flight, and a newer page replaces
 * a waiting one.
 *
 * Loading: before a page replaces the one shown, the shown page's scroll
 * position is read as a fraction of its scrollable height; the same fraction
 * is restored by a user script as soon as the new document is parsed (so that
 * the page does not flash at its top) and again when the load finished, when
 * "generation" is bumped. A page identical to the one shown is not loaded
 * again unless a refresh asked for it. A web process that ended is replaced
 * and the page shown again.
 *
 * Security: the page comes with a Content-Security-Policy that allows no
 * script, and the web view is set up so that no page script could run anyway
 * (JavaScript markup off: no <script>, no event handler attributes, no
 * javascript: URL). JavaScript itself stays on only for this widget's own
 * calls (webkit_web_view_evaluate_javascript, in a world of its own), which
 * the page's policy does not govern. No storage, no plugins, no media, no
 * WebGL, no page cache, no access from file URLs to other files, and an
 * ephemeral network session. Nothing is fetched over plain http: a lead image
 * given as an http URL is left out of the preview, and under the page's policy
 * a content filter lets through only local files, data: URIs and https images
 * (no https image with "remote-images" off), which also stops the requests
 * WebKit starts before it parsed the policy.
 *
 * Local images never come from file: URLs. The page's base is the article's
 * folder under a scheme of this widget's own (LOCAL_SCHEME), whose handler
 * serves a file only if it is a regular file inside the article's folder (or
 * the lead image the user chose), of at most MAX_LOCAL_IMAGE_BYTES, read off
 * the main thread: never a device, a FIFO or a file elsewhere (an article
 * could name /dev/zero or /etc/passwd as an image). file: is neither in the
 * page's policy nor in the content filter. The only navigations allowed are
 * this widget's own loads; a link click is refused and, for http, https and
 * mailto links, handed to ::activate-link, whose default handler opens the
 * browser. The context menu keeps only the copy and select items. */

#define LOCAL_SCHEME "copydesk-local"
/* As the lead-image editor's limit. */
#define MAX_LOCAL_IMAGE_BYTES (50 * 1024 * 1024)

/* The debounce after an edit: long enough to let a burst of keystrokes
 * through, short enough to feel live. */
#define DEBOUNCE_MS 150

/* Device widths in CSS pixels (the web view's zoom level is 1). */
#define TABLET_WIDTH 768
#define PHONE_WIDTH 375

/* The preview pane's minimum width, and the margin around a device frame. */
#define MIN_WIDTH 360
#define FRAME_MARGIN 12

/* The script world our own scripts run in: isolated from the page's (empty)
 * one. */
#define SCRIPT_WORLD "copydesk-preview"

#define SCROLL_READ_SCRIPT \
  "(function () {" \
  "  var e = document.scrollingElement || document.documentElement;" \
  "  var range = e.scrollHeight - window.innerHeight;" \
  "  return range > 0 ? window.scrollY / range : 0;" \
  "})()"

#define SCROLL_RESTORE_SCRIPT \
  "(function (ratio) {" \
  "  var e = document.scrollingElement || document.documentElement;" \
  "  window.scrollTo (0, Math.round (ratio * Math.max (0, e.scrollHeight - window.innerHeight)));" \
  "})(%s)"

struct _CdPreview
{
  GtkWidget           parent_instance;

  /* Template children. */
  GtkWidget          *device_box;
  GtkWidget          *frame;
  GtkWidget          *separator;
  GtkWidget          *stack;

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
  GFile              *article_dir;
  CdPageTheme         theme;
  CdPreviewDevice     device;
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

G_DEFINE_ENUM_TYPE (CdPreviewDevice, cd_preview_device,
  G_DEFINE_ENUM_VALUE (CD_PREVIEW_DEVICE_DESKTOP, "desktop"),
  G_DEFINE_ENUM_VALUE (CD_PREVIEW_DEVICE_TABLET, "tablet"),
  G_DEFINE_ENUM_VALUE (CD_PREVIEW_DEVICE_PHONE, "phone"))

G_DEFINE_FINAL_TYPE (CdPreview, cd_preview, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ARTICLE,
  PROP_ARTICLE_DIR,
  PROP_THEME,
  PROP_DEVICE,
  PROP_REMOTE_IMAGES,
  PROP_HTML,
  PROP_GENERATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_next_load (CdPreview *self);

/* ------------------------------------------------------------------------ */
/* Rendering */

typedef struct
{
  CdArticle   *article;      /* a copy no other thread touches */
  GFile       *article_dir;
  CdPageTheme  theme;
  gboolean     remote_images;
  guint64      request;
  gboolean     forced;
  gboolean     keeps_scroll;
} RenderData;

static void
render_data_free (gpointer data)
{
  RenderData *render = data;

  g_clear_object (&render->article);
  g_clear_object (&render->article_dir);
  g_free (render);
}

/* Whether the preview may show a lead image from @href. The preview never
 * fetches anything over plain http (anyone on the way could read or change
 * it), so an http lead image is not shown at all; https, file and data URIs
 * are, and so is a relative href, which resolves against the article's
 * folder (a file URI) or against nothing. */
static gboolean
is_previewable_image_href (const char *href)
{
  const char *scheme = g_uri_peek_scheme (href);

  return scheme == NULL ||
         g_str_equal (scheme, "https") ||
         g_str_equal (scheme, "file") ||
         g_str_equal (scheme, "data");
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *render = task_data;
  g_autofree char *image_href = NULL;
  CdPageOptions options = { NULL, CD_PAGE_THEME_AUTO, FALSE };

  image_href = cd_page_dup_image_uri (render->article, render->article_dir);
  if (image_href != NULL && !is_previewable_image_href (image_href))
    {
      g_debug ("lead image not shown in the preview: %s", image_href);
      g_clear_pointer (&image_href, g_free);
    }
  /* A local lead image is served as the page's other local images are. */
  if (image_href != NULL && g_strcmp0 (g_uri_peek_scheme (image_href), "file") == 0)
    {
      g_autofree char *path = g_filename_from_uri (image_href, NULL, NULL);
      g_autofree char *escaped = path != NULL ? g_uri_escape_string (path, "/", FALSE) : NULL;

      g_free (image_href);
      image_href = escaped != NULL ? g_strconcat (LOCAL_SCHEME "://", escaped, NULL) : NULL;
    }
  options.image_href = image_href;
  options.theme = render->theme;
  options.no_remote_images = !render->remote_images;
  options.local_scheme = LOCAL_SCHEME;
  g_task_return_pointer (task, cd_page_render (render->article, &options), g_free);
}

/* The folder's URI with a trailing slash, so that the page's relative URLs
 * (and a file:// lead image's origin) resolve inside it. */
static char *
dup_base_uri (GFile *article_dir)
{
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;

  if (article_dir == NULL || (path = g_file_get_path (article_dir)) == NULL)
    return g_strdup ("about:blank");

  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strconcat (LOCAL_SCHEME "://", escaped, NULL);
  if (g_str_has_suffix (uri, "/"))
    return g_steal_pointer (&uri);
  return g_strconcat (uri, "/", NULL);
}

static void
render_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CdPreview *self = CD_PREVIEW (source_object);
  GTask *task = G_TASK (result);
  RenderData *render = g_task_get_task_data (task);
  g_autofree char *html = g_task_propagate_pointer (task, NULL);

  /* Disposed meanwhile, or overtaken by a newer request: drop it. */
  if (g_cancellable_is_cancelled (self->cancellable) || self->web_view == NULL)
    return;
  if (render->request != self->request || html == NULL)
    {
      g_debug ("render %" G_GUINT64_FORMAT " dropped (latest %" G_GUINT64_FORMAT ")",
               render->request, self->request);
      return;
    }
  g_debug ("render %" G_GUINT64_FORMAT " done", render->request);

  g_free (self->pending_html);
  self->pending_html = g_steal_pointer (&html);
  g_free (self->pending_base_uri);
  self->pending_base_uri = dup_base_uri (render->article_dir);
  self->pending_remote_images = render->remote_images;
  self->pending_request = render->request;
  self->pending_forced = render->forced;
  self->pending_keeps_scroll = render->keeps_scroll;

  start_next_load (self);
}

static void
start_render (CdPreview *self,
              gboolean   forced,
              gboolean   keeps_scroll)
{
  g_autoptr(GTask) task = NULL;
  RenderData *render;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->stale = FALSE;

  /* A forced request stays forced when an edit supersedes it before it is
   * loaded, and so does a request that must not keep the scroll position. */
  if (self->request_forced && self->request > 0)
    forced = TRUE;
  if (!self->request_keeps_scroll && self->request > 0)
    keeps_scroll = FALSE;

  self->request++;
  self->request_forced = forced;
  self->request_keeps_scroll = keeps_scroll;

  if (self->article == NULL)
    return;

  render = g_new0 (RenderData, 1);
  render->article = cd_article_copy (self->article);
  render->article_dir = self->article_dir ? g_object_ref (self->article_dir) : NULL;
  render->theme = self->theme;
  render->remote_images = self->remote_images;
  render->request = self->request;
  render->forced = forced;
  render->keeps_scroll = keeps_scroll;

  task = g_task_new (self, self->cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, start_render);
  g_task_set_task_data (task, render, render_data_free);
  g_task_run_in_thread (task, render_thread);
}

/* Request @request has been shown (or found unchanged): when it is the latest,
 * later requests start afresh. */
static void
request_settled (CdPreview *self,
                 guint64    request)
{
  if (request != self->request)
    return;
  self->request_forced = FALSE;
  self->request_keeps_scroll = TRUE;
}

static gboolean
debounce_cb (gpointer user_data)
{
  CdPreview *self = user_data;

  self->debounce_id = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return G_SOURCE_REMOVE;
    }
  start_render (self, FALSE, TRUE);
  return G_SOURCE_REMOVE;
}

static void
article_changed_cb (CdPreview *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

static void
cd_preview_map (GtkWidget *widget)
{
  CdPreview *self = CD_PREVIEW (widget);

  GTK_WIDGET_CLASS (cd_preview_parent_class)->map (widget);

  if (self->stale)
    {
      self->stale = FALSE;
      start_render (self, FALSE, TRUE);
    }
}

/* ------------------------------------------------------------------------ */
/* Loading */

static char *
dup_scroll_restore_script (double ratio)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (number, sizeof number, ratio);
  return g_strdup_printf (SCROLL_RESTORE_SCRIPT, number);
}

static void
load_pending (CdPreview *self)
{
  g_autofree char *base_uri = g_steal_pointer (&self->pending_base_uri);

  /* The position is restored as soon as the document is parsed, before the
   * page is first shown if it can be, so that the page does not flash at its
   * top; and again when the load finished, images laid out. */
  webkit_user_content_manager_remove_all_scripts (self->content_manager);
  webkit_user_content_manager_remove_all_filters (self->content_manager);
  if (self->filters[self->pending_remote_images] != NULL)
    webkit_user_content_manager_add_filter (self->content_manager,
                                            self->filters[self->pending_remote_images]);
  if (self->scroll_ratio > 0.0)
    {
      g_autofree char *source = dup_scroll_restore_script (self->scroll_ratio);
      g_autoptr(WebKitUserScript) script =
        webkit_user_script_new_for_world (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                          WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                          SCRIPT_WORLD, NULL, NULL);

      webkit_user_content_manager_add_script (self->content_manager, script);
    }

  g_free (self->html);
  self->html = g_steal_pointer (&self->pending_html);
  self->loading_request = self->pending_request;
  self->loading = TRUE;
  self->expect_load = TRUE;
  self->load_failed = FALSE;
  g_debug ("loading render %" G_GUINT64_FORMAT ", scroll %g", self->loading_request,
           self->scroll_ratio);
  webkit_web_view_load_html (self->web_view, self->html, base_uri);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HTML]);
}

static void
scroll_read_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;
  CdPreview *self;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source_object),
                                                      result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CD_PREVIEW (user_data);
  if (value != NULL && jsc_value_is_number (value))
    self->scroll_ratio = CLAMP (jsc_value_to_double (value), 0.0, 1.0);
  else
    self->scroll_ratio = 0.0;

  if (self->pending_html == NULL)
    {
      /* Cannot happen (pages are only replaced, never withdrawn), but leave
       * the widget ready for the next one. */
      self->busy = FALSE;
      return;
    }
  load_pending (self);
}

static void
start_next_load (CdPreview *self)
{
  if (self->busy || self->pending_html == NULL || self->filters_waiting > 0)
    return;

  /* An edit that changed nothing the page shows. */
  if (!self->pending_forced && g_strcmp0 (self->pending_html, self->html) == 0)
    {
      g_debug ("render %" G_GUINT64_FORMAT " unchanged", self->pending_request);
      g_clear_pointer (&self->pending_html, g_free);
      g_clear_pointer (&self->pending_base_uri, g_free);
      request_settled (self, self->pending_request);
      return;
    }

  gtk_stack_set_visible_child (GTK_STACK (self->stack), GTK_WIDGET (self->web_view));
  self->busy = TRUE;
  self->scroll_ratio = 0.0;

  if (self->pending_keeps_scroll && self->generation > 0)
    {
      g_debug ("reading the scroll position");
      webkit_web_view_evaluate_javascript (self->web_view, SCROLL_READ_SCRIPT, -1,
                                           SCRIPT_WORLD, NULL, self->cancellable,
                                           scroll_read_cb, self);
    }
  else
    load_pending (self);
}

static void
load_changed_cb (CdPreview       *self,
                 WebKitLoadEvent  load_event)
{
  if (load_event != WEBKIT_LOAD_FINISHED || !self->loading)
    return;

  self->busy = FALSE;
  self->loading = FALSE;
  self->expect_load = FALSE;

  if (!self->load_failed)
    {
      g_debug ("render %" G_GUINT64_FORMAT " loaded", self->loading_request);
      self->crashes = 0;
      if (self->scroll_ratio > 0.0)
        {
          g_autofree char *script = dup_scroll_restore_script (self->scroll_ratio);

          /* Scripts run in order, so whoever waits on "generation" and then
           * asks the page anything sees the position restored. */
          webkit_web_view_evaluate_javascript (self->web_view, script, -1, SCRIPT_WORLD,
                                               NULL, NULL, NULL, NULL);
        }

      request_settled (self, self->loading_request);
      self->generation++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATION]);
    }

  start_next_load (self);
}

static gboolean
load_failed_cb (CdPreview       *self,
                WebKitLoadEvent  load_event,
                const char      *failing_uri,
                GError          *error)
{
  if (self->loading)
    {
      self->load_failed = TRUE;
      if (!g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED))
        g_warning ("Cannot show the preview: %s", error->message);
    }
  /* No error page: the last page stays. */
  return TRUE;
}

/* The web process is gone, and the page with it: show it again in a new one,
 * unless the page itself seems to be what kills it. */
static void
web_process_terminated_cb (CdPreview                        *self,
                           WebKitWebProcessTerminationReason reason)
{
  const char *why = reason == WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT ? "out of memory"
                    : reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API ? "terminated"
                    : "crashed";

  self->busy = FALSE;
  self->loading = FALSE;
  self->expect_load = FALSE;
  if (++self->crashes <= 2)
    {
      g_message ("The preview's web process ended (%s); showing the page again", why);
      start_render (self, TRUE, FALSE);
    }
  else
    g_warning ("The preview's web process ended (%s) %u times in a row; giving up",
               why, self->crashes);
}

/* ------------------------------------------------------------------------ */
/* Policy */

static gboolean
is_openable_uri (const char *uri)
{
  const char *scheme = uri ? g_uri_peek_scheme (uri) : NULL;

  return g_strcmp0 (scheme, "https") == 0 ||
         g_strcmp0 (scheme, "http") == 0 ||
         g_strcmp0 (scheme, "mailto") == 0;
}

static void
handle_link (CdPreview              *self,
             WebKitNavigationAction *action)
{
  WebKitURIRequest *request = webkit_navigation_action_get_request (action);
  const char *uri = webkit_uri_request_get_uri (request);
  gboolean handled = FALSE;

  /* Only what the reader clicked opens, never what the page would load by
   * itself. */
  if (webkit_navigation_action_get_navigation_type (action) != WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
    return;
  if (!is_openable_uri (uri))
    return;

  g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
}

static gboolean
decide_policy_cb (CdPreview                *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type)
{
  WebKitNavigationAction *action;

  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
      action = webkit_navigation_policy_decision_get_navigation_action (
        WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      if (self->expect_load &&
          webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER &&
          !webkit_navigation_action_is_redirect (action))
        {
          self->expect_load = FALSE;
          webkit_policy_decision_use (decision);
          return TRUE;
        }
      handle_link (self, action);
      webkit_policy_decision_ignore (decision);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      action = webkit_navigation_policy_decision_get_navigation_action (
        WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      handle_link (self, action);
      webkit_policy_decision_ignore (decision);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
    default:
      return FALSE;
    }
}

static gboolean
cd_preview_real_activate_link (CdPreview  *self,
                               const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

/* Keeps only what reads the page: copying and selecting. Reload, back,
 * forward, stop, open, download, media and inspector items go. */
static gboolean
context_menu_cb (CdPreview           *self,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test_result)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));
  gboolean last_was_separator = TRUE;
  WebKitContextMenuItem *last;

  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;
      gboolean keep;

      if (webkit_context_menu_item_is_separator (item))
        {
          keep = !last_was_separator;
          last_was_separator = TRUE;
        }
      else
        {
          switch (webkit_context_menu_item_get_stock_action (item))
            {
            case WEBKIT_CONTEXT_MENU_ACTION_COPY:
            case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
            case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_TO_CLIPBOARD:
            case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_URL_TO_CLIPBOARD:
            case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
              keep = TRUE;
              break;

            default:
              keep = FALSE;
              break;
            }
          if (keep)
            last_was_separator = FALSE;
        }

      if (!keep)
        webkit_context_menu_remove (menu, item);
    }
  g_list_free (items);

  last = webkit_context_menu_last (menu);
  if (last != NULL && webkit_context_menu_item_is_separator (last))
    webkit_context_menu_remove (menu, last);

  /* Nothing left: no menu at all. */
  return webkit_context_menu_get_n_items (menu) == 0;
}

/* ------------------------------------------------------------------------ */
/* The web view */

static WebKitNetworkSession *
get_network_session (void)
{
  static WebKitNetworkSession *session;

  /* One for every preview of the process; nothing of it reaches the disk. */
  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();
  return session;
}

static WebKitSettings *
create_settings (void)
{
  WebKitSettings *settings = webkit_settings_new ();

  g_object_set (settings,
                /* Our own evaluate_javascript calls need JavaScript; page
                 * scripts (elements, handlers, javascript: URLs) never run. */
                "enable-javascript", TRUE,
                "enable-javascript-markup", FALSE,
                "javascript-can-open-windows-automatically", FALSE,
                "javascript-can-access-clipboard", FALSE,
                "allow-modal-dialogs", FALSE,
                "allow-file-access-from-file-urls", FALSE,
                "allow-universal-access-from-file-urls", FALSE,
                "allow-top-navigation-to-data-urls", FALSE,
                "enable-html5-local-storage", FALSE,
                "enable-html5-database", FALSE,
                "enable-page-cache", FALSE,
                "enable-webgl", FALSE,
                "enable-webaudio", FALSE,
                "enable-media", FALSE,
                "enable-media-stream", FALSE,
                "enable-mediasource", FALSE,
                "enable-encrypted-media", FALSE,
                "enable-webrtc", FALSE,
                "media-playback-requires-user-gesture", TRUE,
                "enable-fullscreen", FALSE,
                "enable-back-forward-navigation-gestures", FALSE,
                "enable-site-specific-quirks", FALSE,
                "enable-write-console-messages-to-stdout", FALSE,
#ifdef CD_DEVELOPMENT_BUILD
                /* Ctrl+Shift+I opens the inspector. */
                "enable-developer-extras", TRUE,
#else
                "enable-developer-extras", FALSE,
#endif
                NULL);
  return settings;
}

/* The page's Content-Security-Policy is in a <meta> element, which WebKit
 * applies only once it parsed it: a request started earlier (by the parser's
 * look-ahead for images) is not checked against it. These rules block such
 * requests below the page. A rule list blocks everything, then lets through
 * what the page may load, one rule a scheme (content blocker expressions have
 * no alternatives). */
#define FILTER_RULE_ALLOW(scheme) \
  " {\"trigger\": {\"url-filter\": \"^" scheme ":\"}," \
  "  \"action\": {\"type\": \"ignore-previous-rules\"}}"
#define FILTER_RULES_START \
  "[{\"trigger\": {\"url-filter\": \".*\"}, \"action\": {\"type\": \"block\"}}," \
  FILTER_RULE_ALLOW (LOCAL_SCHEME) "," FILTER_RULE_ALLOW ("data") "," \
  FILTER_RULE_ALLOW ("about") "," FILTER_RULE_ALLOW ("blob")
#define FILTER_RULES_REMOTE_IMAGES \
  ", {\"trigger\": {\"url-filter\": \"^https:\", \"resource-type\": [\"image\"]}," \
  "   \"action\": {\"type\": \"ignore-previous-rules\"}}"

static WebKitUserContentFilterStore *
get_filter_store (void)
{
  static WebKitUserContentFilterStore *store;

  if (store == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "copydesk",
                                                "preview-filters", NULL);

      store = webkit_user_content_filter_store_new (path);
    }
  return store;
}

typedef struct
{
  CdPreview *self;
  gboolean   remote_images;
} FilterSave;

static void
filter_saved_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree FilterSave *save = user_data;
  g_autoptr(CdPreview) self = save->self;
  g_autoptr(GError) error = NULL;
  WebKitUserContentFilter *filter;

  filter = webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (source_object),
                                                        result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&filter, webkit_user_content_filter_unref);
      return;
    }

  if (filter == NULL)
    g_warning ("Cannot set up the preview's content filter: %s", error->message);
  self->filters[save->remote_images] = filter;
  g_assert (self->filters_waiting > 0);
  self->filters_waiting--;
  start_next_load (self);
}

static void
compile_filter (CdPreview *self,
                gboolean   remote_images)
{
  const char *rules = remote_images
                      ? FILTER_RULES_START FILTER_RULES_REMOTE_IMAGES "]"
                      : FILTER_RULES_START "]";
  g_autoptr(GBytes) source = g_bytes_new_static (rules, strlen (rules));
  FilterSave *save = g_new0 (FilterSave, 1);

  save->self = g_object_ref (self);
  save->remote_images = remote_images;
  self->filters_waiting++;
  webkit_user_content_filter_store_save (get_filter_store (),
                                         remote_images ? "preview-remote-images-2"
                                                       : "preview-local-only-2",
                                         source, self->cancellable, filter_saved_cb, save);
}

/* ------------------------------------------------------------------------ */
/* Local images */

typedef struct
{
  char *path;      /* as the page asked for it */
  char *folder;    /* the article's folder, or NULL */
  char *lead;      /* the lead image the user chose, or NULL */
} LocalRead;

static void
local_read_free (gpointer data)
{
  LocalRead *read = data;

  g_free (read->path);
  g_free (read->folder);
  g_free (read->lead);
  g_free (read);
}

static gboolean
is_inside (const char *path,
           const char *folder)
{
  size_t length = strlen (folder);

  return strncmp (path, folder, length) == 0 &&
         (path[length] == '/' || (length > 0 && folder[length - 1] == '/'));
}

/* In a worker thread: the bytes of @read's file, if the page may have them. */
static void
local_read_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LocalRead *job = task_data;
  g_autofree char *real = realpath (job->path, NULL);
  g_autofree char *real_folder = job->folder != NULL ? realpath (job->folder, NULL) : NULL;
  g_autofree char *real_lead = job->lead != NULL ? realpath (job->lead, NULL) : NULL;
  g_autofree char *data = NULL;
  struct stat info;
  size_t done = 0;
  int fd;

  if (real == NULL ||
      !((real_folder != NULL && is_inside (real, real_folder)) ||
        (real_lead != NULL && strcmp (real, real_lead) == 0)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               "%s is not an image beside the article", job->path);
      return;
    }

  /* Not blocking on a FIFO; then only a regular file is read. */
  fd = g_open (real, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               "%s: %s", real, g_strerror (saved));
      return;
    }

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode) || info.st_size > MAX_LOCAL_IMAGE_BYTES)
    {
      close (fd);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               "%s is not an ordinary file of at most %d bytes",
                               real, MAX_LOCAL_IMAGE_BYTES);
      return;
    }

  data = g_malloc ((size_t) info.st_size + 1);
  while (done <= (size_t) info.st_size)
    {
      ssize_t n = read (fd, data + done, (size_t) info.st_size + 1 - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (size_t) n;
    }
  close (fd);

  /* A file that grew while it was read is refused rather than cut. */
  if (done != (size_t) info.st_size)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "%s changed while it was read", real);
      return;
    }

  g_task_return_pointer (task, g_bytes_new_take (g_steal_pointer (&data), done),
                         (GDestroyNotify) g_bytes_unref);
}

static void
local_read_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WebKitURISchemeRequest) request = user_data;
  LocalRead *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;
  gsize size;
  const guchar *data;

  if (bytes == NULL)
    {
      g_debug ("preview image refused: %s", error->message);
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  type = g_content_type_guess (read->path, data, MIN (size, 4096), NULL);
  mime = g_content_type_get_mime_type (type);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  webkit_uri_scheme_request_finish (request, stream, (gint64) size,
                                    mime != NULL ? mime : "application/octet-stream");
}

/* The lead image's file, resolved against the article's folder; NULL when it
 * is not a local file. */
static char *
dup_lead_image_path (CdPreview *self)
{
  g_autofree char *uri = NULL;

  if (self->article == NULL)
    return NULL;

  uri = cd_page_dup_image_uri (self->article, self->article_dir);
  if (uri == NULL || g_strcmp0 (g_uri_peek_scheme (uri), "file") != 0)
    return NULL;
  return g_filename_from_uri (uri, NULL, NULL);
}

static void
local_scheme_cb (WebKitURISchemeRequest *request,
                 gpointer                user_data)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  CdPreview *self = web_view != NULL ? g_object_get_data (G_OBJECT (web_view), "cd-preview") : NULL;
  const char *path = webkit_uri_scheme_request_get_path (request);
  g_autoptr(GTask) task = NULL;
  LocalRead *read;

  if (self == NULL || path == NULL || path[0] != '/')
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                             "Nothing to show at %s",
                                             webkit_uri_scheme_request_get_uri (request));
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  read = g_new0 (LocalRead, 1);
  read->path = g_uri_unescape_string (path, NULL);
  read->folder = self->article_dir != NULL ? g_file_get_path (self->article_dir) : NULL;
  read->lead = dup_lead_image_path (self);
  if (read->path == NULL)
    read->path = g_strdup (path);

  task = g_task_new (NULL, self->cancellable, local_read_done_cb, g_object_ref (request));
  g_task_set_source_tag (task, local_scheme_cb);
  g_task_set_task_data (task, read, local_read_free);
  g_task_run_in_thread (task, local_read_thread);
}

static void
register_local_scheme (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      WebKitWebContext *context = webkit_web_context_get_default ();

      webkit_web_context_register_uri_scheme (context, LOCAL_SCHEME, local_scheme_cb, NULL, NULL);
      webkit_security_manager_register_uri_scheme_as_local (
        webkit_web_context_get_security_manager (context), LOCAL_SCHEME);
      g_once_init_leave (&registered, 1);
    }
}

static void
create_web_view (CdPreview *self)
{
  g_autoptr(WebKitSettings) settings = create_settings ();
  g_autoptr(WebKitWebsitePolicies) policies =
    webkit_website_policies_new_with_policies ("autoplay", WEBKIT_AUTOPLAY_DENY, NULL);

  register_local_scheme ();
  self->content_manager = webkit_user_content_manager_new ();
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "network-session", get_network_session (),
                                 "user-content-manager", self->content_manager,
                                 "settings", settings,
                                 "website-policies", policies,
                                 "hexpand", TRUE,
                                 "vexpand", TRUE,
                                 NULL);

  /* For the local-image scheme's handler, which knows only the view. */
  g_object_set_data (G_OBJECT (self->web_view), "cd-preview", self);
  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (decide_policy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (load_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "load-failed",
                           G_CALLBACK (load_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (web_process_terminated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "context-menu",
                           G_CALLBACK (context_menu_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->web_view), "page");
}

/* ------------------------------------------------------------------------ */
/* Layout */

static int
device_width (CdPreviewDevice device)
{
  switch (device)
    {
    case CD_PREVIEW_DEVICE_TABLET:
      return TABLET_WIDTH;
    case CD_PREVIEW_DEVICE_PHONE:
      return PHONE_WIDTH;
    case CD_PREVIEW_DEVICE_DESKTOP:
    default:
      return -1;
    }
}

static void
cd_preview_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  CdPreview *self = CD_PREVIEW (widget);
  int bar_min, bar_nat, frame_min, frame_nat;

  gtk_widget_measure (self->device_box, orientation, -1, &bar_min, &bar_nat, NULL, NULL);
  gtk_widget_measure (self->frame, orientation, -1, &frame_min, &frame_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int width = device_width (self->device);

      *minimum = MAX (MIN_WIDTH, MAX (bar_min, frame_min));
      *natural = MAX (*minimum, width > 0 ? width + 2 * FRAME_MARGIN : 480);
    }
  else
    {
      *minimum = bar_min + frame_min;
      *natural = bar_nat + MAX (frame_nat, 400);
    }
}

static void
cd_preview_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  CdPreview *self = CD_PREVIEW (widget);
  int bar_height, frame_min, frame_width, frame_height, device, x;

  gtk_widget_measure (self->device_box, GTK_ORIENTATION_VERTICAL, width,
                      NULL, &bar_height, NULL, NULL);
  gtk_widget_allocate (self->device_box, width, bar_height, -1, NULL);

  gtk_widget_measure (self->frame, GTK_ORIENTATION_HORIZONTAL, -1,
                      &frame_min, NULL, NULL, NULL);
  device = device_width (self->device);
  if (device < 0)
    {
      frame_width = width;
      frame_height = height - bar_height;
    }
  else
    {
      frame_width = MIN (device, width - 2 * FRAME_MARGIN);
      frame_height = height - bar_height - FRAME_MARGIN;
    }
  frame_width = MAX (frame_width, frame_min);
  frame_height = MAX (frame_height, 0);
  x = (width - frame_width) / 2;

  gtk_widget_allocate (self->frame, frame_width, frame_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, bar_height)));
}

static void
update_device (CdPreview *self)
{
  static const char * const nicks[] = { "desktop", "tablet", "phone" };
  const char *nick = nicks[self->device];
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "device");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (nick));

  /* A device's page stands in a frame of its own; the desktop's fills the
   * pane under a separator. */
  if (self->device == CD_PREVIEW_DEVICE_DESKTOP)
    gtk_widget_remove_css_class (self->frame, "card");
  else
    gtk_widget_add_css_class (self->frame, "card");
  gtk_widget_set_visible (self->separator, self->device == CD_PREVIEW_DEVICE_DESKTOP);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
device_change_state_cb (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  CdPreview *self = user_data;
  GEnumValue *device = g_enum_get_value_by_nick (g_type_class_peek (CD_TYPE_PREVIEW_DEVICE),
                                                 g_variant_get_string (value, NULL));

  if (device == NULL)
    {
      g_warning ("No such preview device: %s", g_variant_get_string (value, NULL));
      return;
    }
  cd_preview_set_device (self, device->value);
}

/* ------------------------------------------------------------------------ */
/* GObject */

static void
cd_preview_dispose (GObject *object)
{
  CdPreview *self = CD_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, article_changed_cb, self);
  g_clear_object (&self->article);
  g_clear_object (&self->article_dir);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_PREVIEW);
  self->web_view = NULL;

  G_OBJECT_CLASS (cd_preview_parent_class)->dispose (object);
}

static void
cd_preview_finalize (GObject *object)
{
  CdPreview *self = CD_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->actions);
  g_clear_object (&self->content_manager);
  g_clear_pointer (&self->filters[FALSE], webkit_user_content_filter_unref);
  g_clear_pointer (&self->filters[TRUE], webkit_user_content_filter_unref);
  g_free (self->html);
  g_free (self->pending_html);
  g_free (self->pending_base_uri);

  G_OBJECT_CLASS (cd_preview_parent_class)->finalize (object);
}

static void
cd_preview_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CdPreview *self = CD_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_ARTICLE_DIR:
      g_value_set_object (value, self->article_dir);
      break;
    case PROP_THEME:
      g_value_set_enum (value, self->theme);
      break;
    case PROP_DEVICE:
      g_value_set_enum (value, self->device);
      break;
    case PROP_REMOTE_IMAGES:
      g_value_set_boolean (value, self->remote_images);
      break;
    case PROP_HTML:
      g_value_set_string (value, self->html);
      break;
    case PROP_GENERATION:
      g_value_set_uint (value, self->generation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preview_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CdPreview *self = CD_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cd_preview_set_article (self, g_value_get_object (value));
      break;
    case PROP_ARTICLE_DIR:
      cd_preview_set_article_dir (self, g_value_get_object (value));
      break;
    case PROP_THEME:
      cd_preview_set_theme (self, g_value_get_enum (value));
      break;
    case PROP_DEVICE:
      cd_preview_set_device (self, g_value_get_enum (value));
      break;
    case PROP_REMOTE_IMAGES:
      cd_preview_set_remote_images (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preview_class_init (CdPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cd_preview_dispose;
  object_class->finalize = cd_preview_finalize;
  object_class->get_property = cd_preview_get_property;
  object_class->set_property = cd_preview_set_property;

  widget_class->measure = cd_preview_measure;
  widget_class->map = cd_preview_map;
  widget_class->size_allocate = cd_preview_size_allocate;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, CD_TYPE_ARTICLE, rw);
  properties[PROP_ARTICLE_DIR] =
    g_param_spec_object ("article-dir", NULL, NULL, G_TYPE_FILE, rw);
  properties[PROP_THEME] =
    g_param_spec_enum ("theme", NULL, NULL, CD_TYPE_PAGE_THEME,
                       CD_PAGE_THEME_AUTO, rw);
  properties[PROP_DEVICE] =
    g_param_spec_enum ("device", NULL, NULL, CD_TYPE_PREVIEW_DEVICE,
                       CD_PREVIEW_DEVICE_DESKTOP, rw);
  properties[PROP_REMOTE_IMAGES] =
    g_param_spec_boolean ("remote-images", NULL, NULL, TRUE, rw);
  properties[PROP_HTML] =
    g_param_spec_string ("html", NULL, NULL, NULL, ro);
  properties[PROP_GENERATION] =
    g_param_spec_uint ("generation", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdPreview::activate-link:
   * @self: the preview
   * @uri: an http, https or mailto URI
   *
   * Emitted when the reader clicks a link in the page, which the preview
   * itself never follows. The default handler opens @uri with gtk_show_uri();
   * a handler that returns %TRUE stops it.
   *
   * Returns: %TRUE when the link was handled
   */
  signals[ACTIVATE_LINK] =
    g_signal_new_class_handler ("activate-link",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (cd_preview_real_activate_link),
                                g_signal_accumulator_true_handled, NULL,
                                NULL,
                                G_TYPE_BOOLEAN, 1,
                                G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, CdPreview, device_box);
  gtk_widget_class_bind_template_child (widget_class, CdPreview, frame);
  gtk_widget_class_bind_template_child (widget_class, CdPreview, separator);
  gtk_widget_class_bind_template_child (widget_class, CdPreview, stack);

  gtk_widget_class_set_css_name (widget_class, "cdpreview");
}

static void
cd_preview_init (CdPreview *self)
{
  GSimpleAction *device;

  self->cancellable = g_cancellable_new ();
  self->request_keeps_scroll = TRUE;
  self->remote_images = TRUE;

  /* The device buttons and the window's shortcuts use the stateful action
   * preview.device ("desktop", "tablet" or "phone"). */
  self->actions = g_simple_action_group_new ();
  device = g_simple_action_new_stateful ("device", G_VARIANT_TYPE_STRING,
                                         g_variant_new_string ("desktop"));
  g_signal_connect (device, "change-state", G_CALLBACK (device_change_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (device));
  g_object_unref (device);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "preview", G_ACTION_GROUP (self->actions));

  gtk_widget_init_template (GTK_WIDGET (self));
  create_web_view (self);
  compile_filter (self, FALSE);
  compile_filter (self, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Public API */

GtkWidget *
cd_preview_new (void)
{
  return g_object_new (CD_TYPE_PREVIEW, NULL);
}

CdArticle *
cd_preview_get_article (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), NULL);

  return self->article;
}

void
cd_preview_set_article (CdPreview *self,
                        CdArticle *article)
{
  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, article_changed_cb, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_swapped (article, "changed", G_CALLBACK (article_changed_cb), self);

  /* Another article starts at its top. */
  start_render (self, TRUE, FALSE);

  if (article == NULL)
    {
      /* Nothing to show: drop whatever waits and show the placeholder. */
      g_clear_pointer (&self->pending_html, g_free);
      g_clear_pointer (&self->pending_base_uri, g_free);
      request_settled (self, self->request);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      if (self->html != NULL)
        {
          g_clear_pointer (&self->html, g_free);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HTML]);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

GFile *
cd_preview_get_article_dir (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), NULL);

  return self->article_dir;
}

void
cd_preview_set_article_dir (CdPreview *self,
                            GFile     *article_dir)
{
  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (article_dir == NULL || G_IS_FILE (article_dir));

  if (self->article_dir == article_dir ||
      (self->article_dir != NULL && article_dir != NULL &&
       g_file_equal (self->article_dir, article_dir)))
    return;

  g_set_object (&self->article_dir, article_dir);
  start_render (self, TRUE, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_DIR]);
}

CdPageTheme
cd_preview_get_theme (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), CD_PAGE_THEME_AUTO);

  return self->theme;
}

void
cd_preview_set_theme (CdPreview   *self,
                      CdPageTheme  theme)
{
  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (theme <= CD_PAGE_THEME_DARK);

  if (self->theme == theme)
    return;

  self->theme = theme;
  start_render (self, FALSE, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

CdPreviewDevice
cd_preview_get_device (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), CD_PREVIEW_DEVICE_DESKTOP);

  return self->device;
}

void
cd_preview_set_device (CdPreview       *self,
                       CdPreviewDevice  device)
{
  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (device <= CD_PREVIEW_DEVICE_PHONE);

  if (self->device == device)
    return;

  self->device = device;
  update_device (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE]);
}

gboolean
cd_preview_get_remote_images (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), TRUE);

  return self->remote_images;
}

void
cd_preview_set_remote_images (CdPreview *self,
                              gboolean   remote_images)
{
  g_return_if_fail (CD_IS_PREVIEW (self));

  remote_images = !!remote_images;
  if (self->remote_images == remote_images)
    return;

  /* At once, not after the debounce: turned off, the images shown must go
   * (the new page's policy blocks them). */
  self->remote_images = remote_images;
  start_render (self, FALSE, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_IMAGES]);
}

const char *
cd_preview_get_html (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), NULL);

  return self->html;
}

guint
cd_preview_get_generation (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), 0);

  return self->generation;
}

void
cd_preview_refresh (CdPreview *self)
{
  g_return_if_fail (CD_IS_PREVIEW (self));

  start_render (self, TRUE, TRUE);
}
