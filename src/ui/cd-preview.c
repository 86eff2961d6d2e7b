/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-preview"

#include <adwaita.h>
#include <webkit/webkit.h>

#include "cd-preview-private.h"

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
 * The web view's set-up and security (settings, the ephemeral network
 * session, the content filters, the local-image scheme and the context
 * menu) are in cd-preview-web.c; the device frames' layout in
 * cd-preview-device.c. */

/* The debounce after an edit: long enough to let a burst of keystrokes
 * through, short enough to feel live. */
#define DEBOUNCE_MS 150

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
 * (and a file:// lead image's origin) resolve inside it. An article never
 * saved has no folder, but its page still comes from the local scheme: only
 * a page of a local scheme may load from one, and the lead image the user
 * chose is served from it. Nothing else is: the scheme's handler serves a
 * file in the article's folder (there is none) or the lead image, so a
 * relative URL resolved against the root finds nothing. */
static char *
dup_base_uri (GFile *article_dir)
{
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;

  if (article_dir == NULL || (path = g_file_get_path (article_dir)) == NULL)
    return g_strdup (LOCAL_SCHEME ":///");

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

  cd_preview_start_next_load (self);
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

void
cd_preview_start_next_load (CdPreview *self)
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

  cd_preview_start_next_load (self);
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

static void
create_web_view (CdPreview *self)
{
  g_autoptr(WebKitSettings) settings = cd_preview_create_settings ();
  g_autoptr(WebKitWebsitePolicies) policies =
    webkit_website_policies_new_with_policies ("autoplay", WEBKIT_AUTOPLAY_DENY, NULL);

  cd_preview_register_local_scheme ();
  self->content_manager = webkit_user_content_manager_new ();
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "network-session", cd_preview_get_network_session (),
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
                           G_CALLBACK (cd_preview_context_menu_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->web_view), "page");
}

/* ------------------------------------------------------------------------ */
/* GObject */

static void
cd_preview_dispose (GObject *object)
{
  CdPreview *self = CD_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->scale_label_source, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->article_signals != NULL)
    g_signal_group_set_target (self->article_signals, NULL);
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
  g_clear_object (&self->article_signals);
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
  gtk_widget_class_bind_template_child (widget_class, CdPreview, scale_label);
  gtk_widget_class_bind_template_child (widget_class, CdPreview, stack);

  gtk_widget_class_set_css_name (widget_class, "cdpreview");
}

static void
cd_preview_init (CdPreview *self)
{
  GSimpleAction *device;

  self->cancellable = g_cancellable_new ();
  self->request_keeps_scroll = TRUE;
  self->article_signals = g_signal_group_new (CD_TYPE_ARTICLE);
  g_signal_group_connect_swapped (self->article_signals, "changed",
                                  G_CALLBACK (article_changed_cb), self);
  self->remote_images = TRUE;

  /* The device buttons and the window's shortcuts use the stateful action
   * preview.device ("desktop", "tablet" or "phone"). */
  self->actions = g_simple_action_group_new ();
  device = g_simple_action_new_stateful ("device", G_VARIANT_TYPE_STRING,
                                         g_variant_new_string ("desktop"));
  g_signal_connect (device, "change-state", G_CALLBACK (cd_preview_device_change_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (device));
  g_object_unref (device);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "preview", G_ACTION_GROUP (self->actions));

  gtk_widget_init_template (GTK_WIDGET (self));
  create_web_view (self);
  cd_preview_compile_filter (self, FALSE);
  cd_preview_compile_filter (self, TRUE);
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

  g_set_object (&self->article, article);
  g_signal_group_set_target (self->article_signals, article);

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
  cd_preview_update_device (self);
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
