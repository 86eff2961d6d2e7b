/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The preview's web view set-up and security: the settings that keep page
 * scripts from running, the ephemeral network session, the content filters
 * below the page's policy, the scheme that serves the article's local images
 * and the trimmed context menu. Creating the web view, and deciding which
 * navigations it may make, are in cd-preview.c.
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

#include "config.h"

#define G_LOG_DOMAIN "cd-preview"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cd-preview-private.h"

/* As the lead-image editor's limit. */
#define MAX_LOCAL_IMAGE_BYTES (50 * 1024 * 1024)

/* ------------------------------------------------------------------------ */
/* The context menu */

/* Keeps only what reads the page: copying and selecting. Reload, back,
 * forward, stop, open, download, media and inspector items go. */
gboolean
cd_preview_context_menu_cb (CdPreview           *self,
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

WebKitNetworkSession *
cd_preview_get_network_session (void)
{
  static WebKitNetworkSession *session;

  /* One for every preview of the process; nothing of it reaches the disk. */
  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();
  return session;
}

WebKitSettings *
cd_preview_create_settings (void)
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
  cd_preview_start_next_load (self);
}

void
cd_preview_compile_filter (CdPreview *self,
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

void
cd_preview_register_local_scheme (void)
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
