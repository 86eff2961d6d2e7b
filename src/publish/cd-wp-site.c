/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CdWpSite: one WordPress site over HTTP with libsoup 3. Its address and
 * credentials, sending a request and reading its bounded answer, finding
 * the REST API, the account check, and listing and fetching posts. What an
 * error answer or a failed connection means to the user is in
 * cd-wp-site-errors.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-wp-site-private.h"

/* One session per site: its connections and cookies are that site's alone.
 * Every call runs its requests blocking in a worker thread (libsoup 3.2's
 * session may be used from any thread), so the publisher reads as the
 * sequence of requests it is, and the public calls are GTask wrappers. */
struct _CdWpSite
{
  GObject      parent_instance;

  char        *name;
  char        *url;
  char        *user;
  char        *authorization;
  SoupSession *session;

  /* The REST root once found ("https://x/wp-json/" or
   * "https://x/?rest_route=/"); guarded by the lock since calls may run in
   * several threads at once. */
  GMutex       lock;
  char        *rest_root;
};

G_DEFINE_TYPE (CdWpSite, cd_wp_site, G_TYPE_OBJECT)

static void
cd_wp_site_finalize (GObject *object)
{
  CdWpSite *self = CD_WP_SITE (object);

  g_free (self->name);
  g_free (self->url);
  g_free (self->user);
  if (self->authorization != NULL)
    explicit_bzero (self->authorization, strlen (self->authorization));
  g_free (self->authorization);
  g_clear_object (&self->session);
  g_free (self->rest_root);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cd_wp_site_parent_class)->finalize (object);
}

static void
cd_wp_site_class_init (CdWpSiteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_wp_site_finalize;
}

static void
cd_wp_site_init (CdWpSite *self)
{
  g_mutex_init (&self->lock);
}

void
cd_wp_account_free (CdWpAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->site_title);
  g_free (account->timezone);
  g_free (account->user_name);
  g_free (account->user_slug);
  g_strfreev (account->roles);
  g_free (account);
}

void
cd_wp_response_free (CdWpResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response);
}

gboolean
cd_wp_url_is_secure (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;
  const char *host;
  g_autoptr(GInetAddress) address = NULL;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") != 0)
    return FALSE;
  host = g_uri_get_host (uri);
  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

/* Whether @url is on the site's own origin (scheme, host and port of
 * @site_url), the only place the password may go. The same host moved to
 * https:// on its default port is the same site made safer, and is
 * allowed. */
static gboolean
same_origin (const char *site_url,
             const char *url)
{
  g_autoptr(GUri) site = g_uri_parse (site_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) other = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *site_scheme;
  const char *other_scheme;

  if (site == NULL || other == NULL
      || g_uri_get_host (site) == NULL || g_uri_get_host (other) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_host (site), g_uri_get_host (other)) != 0)
    return FALSE;
  site_scheme = g_uri_get_scheme (site);
  other_scheme = g_uri_get_scheme (other);
  if (g_ascii_strcasecmp (site_scheme, other_scheme) == 0)
    return effective_port (site) == effective_port (other);
  return g_ascii_strcasecmp (site_scheme, "http") == 0
         && g_ascii_strcasecmp (other_scheme, "https") == 0
         && effective_port (other) == 443;
}

/**
 * cd_wp_site_new:
 * @name: the site's name for people
 * @url: the site's address
 * @user: the account's user name
 * @password: an Application Password of that account
 * @error: where a refused address is reported
 *
 * Returns: (transfer full): the site, or %NULL for an address that is not
 *   http(s), or http:// to a host that is not loopback
 */
CdWpSite *
cd_wp_site_new (const char  *name,
                const char  *url,
                const char  *user,
                const char  *password,
                GError     **error)
{
  CdWpSite *self;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *user_agent = NULL;
  const char *scheme;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_WORDPRESS,
                   _("“%s” is not the web address of a site. Enter the address "
                     "that starts with https://"), url);
      return NULL;
    }
  if (!cd_wp_url_is_secure (url))
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_INSECURE,
                   _("%s does not use https://: the password would cross the "
                     "network readable to anyone. Use the site’s https:// address"),
                   url);
      return NULL;
    }

  self = g_object_new (CD_TYPE_WP_SITE, NULL);
  self->name = g_strdup (name != NULL && *name != '\0' ? name : url);
  /* The REST root and the links WordPress gives are below the site's
   * folder: keep the address ending with a slash. */
  self->url = g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
  self->user = g_strdup (user);
  credentials = g_strdup_printf ("%s:%s", user, password);
  encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  explicit_bzero (credentials, strlen (credentials));
  self->authorization = g_strconcat ("Basic ", encoded, NULL);
  explicit_bzero (encoded, strlen (encoded));

  user_agent = g_strdup_printf ("Copydesk/%s", PACKAGE_VERSION);
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", 60,
                                                 "idle-timeout", 30,
                                                 NULL);
  return self;
}

const char *
cd_wp_site_get_name (CdWpSite *self)
{
  g_return_val_if_fail (CD_IS_WP_SITE (self), NULL);
  return self->name;
}

const char *
cd_wp_site_get_url (CdWpSite *self)
{
  g_return_val_if_fail (CD_IS_WP_SITE (self), NULL);
  return self->url;
}

const char *
cd_wp_site_get_user (CdWpSite *self)
{
  g_return_val_if_fail (CD_IS_WP_SITE (self), NULL);
  return self->user;
}

const char *
cd_wp_site_get_label (CdWpSite *self)
{
  return self->name;
}

/* Reads the whole answer, but never more than CD_WP_MAX_ANSWER. */
static GBytes *
read_bounded (CdWpSite      *self,
              GInputStream  *stream,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[16384];

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, &local_error);

      if (n < 0)
        {
          cd_wp_site_set_transport_error (self, local_error, error);
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > CD_WP_MAX_ANSWER)
        {
          g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_MALFORMED,
                       _("%s sent an answer of more than %d MB, which no "
                         "WordPress answer is. Check the site’s address in Preferences"),
                       cd_wp_site_get_label (self), CD_WP_MAX_ANSWER / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

typedef struct
{
  CdWpProgressFunc func;
  gpointer         data;
  guint64          written;
  guint64          total;
} ProgressData;

static void
on_wrote_body_data (SoupMessage *message,
                    guint        chunk_size,
                    gpointer     user_data)
{
  ProgressData *progress = user_data;

  progress->written += chunk_size;
  progress->func (progress->written, progress->total, progress->data);
}

/* Sends @message and reads its answer: the status, headers and JSON. A
 * REST call carries the password and so never follows a redirect, which
 * could lead it to another host or to plain http; finding the REST API
 * needs no password and follows them, but must end on a secure address. */
static CdWpResponse *
send_message (CdWpSite      *self,
              SoupMessage   *message,
              gboolean       rest,
              ProgressData  *progress,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(CdWpResponse) response = NULL;
  gulong handler = 0;
  guint status;

  if (rest)
    {
      g_autofree char *target = g_uri_to_string (soup_message_get_uri (message));

      /* The last guard: whatever gave this address, the password goes to
       * the site's own origin only. */
      if (!same_origin (self->url, target))
        {
          g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_INSECURE,
                       _("Copydesk did not send your password to %s, which is not %s (%s). "
                         "Check the site’s address in Preferences"),
                       target, cd_wp_site_get_label (self), self->url);
          return NULL;
        }
      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", self->authorization);
      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
    }
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");
  if (progress != NULL)
    handler = g_signal_connect (message, "wrote-body-data",
                                G_CALLBACK (on_wrote_body_data), progress);

  stream = soup_session_send (self->session, message, cancellable, &local_error);
  if (handler != 0)
    g_signal_handler_disconnect (message, handler);
  if (stream == NULL)
    {
      cd_wp_site_set_transport_error (self, local_error, error);
      return NULL;
    }

  if (!rest)
    {
      g_autofree char *final = g_uri_to_string (soup_message_get_uri (message));

      if (!cd_wp_url_is_secure (final))
        {
          g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_INSECURE,
                       _("%s sent Copydesk on to %s, without https://. Ask the "
                         "site’s administrator to set the site’s address to https://"),
                       cd_wp_site_get_label (self), final);
          return NULL;
        }
    }

  body = read_bounded (self, stream, cancellable, error);
  if (body == NULL)
    return NULL;

  status = soup_message_get_status (message);
  response = g_new0 (CdWpResponse, 1);
  response->status = status;
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (message));

  if (g_bytes_get_size (body) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize size;
      const char *data = g_bytes_get_data (body, &size);

      if (json_parser_load_from_data (parser, data, (gssize) size, NULL)
          && json_parser_get_root (parser) != NULL)
        response->json = json_node_ref (json_parser_get_root (parser));
    }

  if (rest && status >= 200 && status < 300 && response->json == NULL)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_MALFORMED,
                   _("%s answered with something that is not WordPress’s JSON. "
                     "Check the site’s address in Preferences, and that no "
                     "plugin or proxy rewrites its answers"),
                   cd_wp_site_get_label (self));
      return NULL;
    }
  return g_steal_pointer (&response);
}

/* The REST root from the site page's Link headers, or NULL. */
static char *
rest_root_from_links (SoupMessageHeaders *headers)
{
  const char *list = soup_message_headers_get_list (headers, "Link");
  g_auto(GStrv) links = NULL;

  if (list == NULL)
    return NULL;
  /* Commas separate links; a URL in angle brackets has none unescaped. */
  links = g_strsplit (list, ",", -1);
  for (guint i = 0; links[i] != NULL; i++)
    {
      const char *link = links[i];
      const char *open = strchr (link, '<');
      const char *close = open != NULL ? strchr (open, '>') : NULL;

      if (close == NULL)
        continue;
      if (strstr (close, "rel=\"https://api.w.org/\"") == NULL
          && strstr (close, "rel=https://api.w.org/") == NULL)
        continue;
      return g_strndup (open + 1, (gsize) (close - open - 1));
    }
  return NULL;
}

/* Whether @root answers as a WordPress REST index. */
static gboolean
probe_rest_root (CdWpSite     *self,
                 const char   *root,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", root);
  g_autoptr(CdWpResponse) response = NULL;
  JsonObject *object;

  if (message == NULL)
    return FALSE;
  response = send_message (self, message, FALSE, NULL, cancellable, error);
  if (response == NULL)
    return FALSE;
  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    return FALSE;
  object = json_node_get_object (response->json);
  /* A site that closes its REST API to visitors still answers as
   * WordPress, with an error code; the password opens it later. */
  if ((response->status == 401 || response->status == 403)
      && cd_wp_response_get_code (response) != NULL)
    return TRUE;
  return json_object_has_member (object, "namespaces") || json_object_has_member (object, "routes");
}

/* Finds the REST API: the site page's Link header says where it is; without
 * one, /wp-json/ with pretty permalinks, else ?rest_route=/. */
static char *
discover (CdWpSite      *self,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(CdWpResponse) response = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *root = NULL;
  const char *fallbacks[] = { "wp-json/", "?rest_route=/" };

  g_mutex_lock (&self->lock);
  root = g_strdup (self->rest_root);
  g_mutex_unlock (&self->lock);
  if (root != NULL)
    return g_steal_pointer (&root);

  message = soup_message_new ("GET", self->url);
  if (message == NULL)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_WORDPRESS,
                   _("“%s” is not the web address of a site. Correct it in Preferences"),
                   self->url);
      return NULL;
    }
  response = send_message (self, message, FALSE, NULL, cancellable, error);
  if (response == NULL)
    return NULL;
  root = rest_root_from_links (response->headers);
  if (root != NULL && !cd_wp_url_is_secure (root))
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_INSECURE,
                   _("%s gives its REST API at %s, without https://. Ask the "
                     "site’s administrator to set the site’s address to https://"),
                   cd_wp_site_get_label (self), root);
      return NULL;
    }
  /* A REST root on another host or port would receive the password: the
   * site's page (even after redirects) does not choose where that goes.
   * Fall back to the site's own address instead. */
  if (root != NULL && !same_origin (self->url, root))
    {
      g_debug ("%s gives its REST API at %s, another origin than %s: not used",
               cd_wp_site_get_label (self), root, self->url);
      g_clear_pointer (&root, g_free);
    }

  if (root == NULL || !probe_rest_root (self, root, cancellable, &local_error))
    {
      g_clear_pointer (&root, g_free);
      for (guint i = 0; i < G_N_ELEMENTS (fallbacks) && root == NULL; i++)
        {
          g_autofree char *candidate = g_strconcat (self->url, fallbacks[i], NULL);

          if (local_error != NULL)
            break;
          if (probe_rest_root (self, candidate, cancellable, &local_error))
            root = g_steal_pointer (&candidate);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (root == NULL)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_WORDPRESS,
                   _("%s has no WordPress REST API at %s. Check the site’s "
                     "address in Preferences (the address of the blog’s home "
                     "page), and that the REST API is not turned off"),
                   cd_wp_site_get_label (self), self->url);
      return NULL;
    }

  g_mutex_lock (&self->lock);
  g_free (self->rest_root);
  self->rest_root = g_strdup (root);
  g_mutex_unlock (&self->lock);
  return g_steal_pointer (&root);
}

static char *
build_url (const char *root,
           const char *route,
           const char *query)
{
  /* "?rest_route=/" takes the route in its query, so parameters follow
   * with "&". */
  const char *separator = strchr (root, '?') != NULL ? "&" : "?";

  if (query == NULL || *query == '\0')
    return g_strconcat (root, route, NULL);
  return g_strconcat (root, route, separator, query, NULL);
}

CdWpResponse *
cd_wp_site_request_sync (CdWpSite     *self,
                         const char   *method,
                         const char   *route,
                         const char   *query,
                         JsonNode     *body,
                         GCancellable *cancellable,
                         GError      **error)
{
  g_autofree char *root = NULL;
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;

  g_return_val_if_fail (CD_IS_WP_SITE (self), NULL);

  root = discover (self, cancellable, error);
  if (root == NULL)
    return NULL;
  url = build_url (root, route, query);
  message = soup_message_new (method, url);
  if (message == NULL)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_WORDPRESS,
                   _("“%s” is not a web address Copydesk can ask %s. Check the "
                     "site’s address in Preferences"), url, cd_wp_site_get_label (self));
      return NULL;
    }
  if (body != NULL)
    {
      gsize length = 0;
      char *text = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GBytes) bytes = NULL;

      json_generator_set_root (generator, body);
      text = json_generator_to_data (generator, &length);
      bytes = g_bytes_new_take (text, length);
      soup_message_set_request_body_from_bytes (message, "application/json; charset=utf-8", bytes);
    }
  return send_message (self, message, TRUE, NULL, cancellable, error);
}

JsonNode *
cd_wp_site_rest_sync (CdWpSite     *self,
                      const char   *method,
                      const char   *route,
                      const char   *query,
                      JsonNode     *body,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr(CdWpResponse) response = NULL;

  response = cd_wp_site_request_sync (self, method, route, query, body, cancellable, error);
  if (response == NULL || !cd_wp_site_check_response (self, response, error))
    return NULL;
  return json_node_ref (response->json);
}

JsonNode *
cd_wp_site_upload_sync (CdWpSite         *self,
                        GBytes           *bytes,
                        const char       *filename,
                        const char       *mime_type,
                        CdWpProgressFunc  progress,
                        gpointer          progress_data,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autofree char *root = NULL;
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(CdWpResponse) response = NULL;
  g_autoptr(GHashTable) params = NULL;
  ProgressData data = { progress, progress_data, 0, g_bytes_get_size (bytes) };

  root = discover (self, cancellable, error);
  if (root == NULL)
    return NULL;
  url = build_url (root, "wp/v2/media", NULL);
  message = soup_message_new ("POST", url);
  if (message == NULL)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_WORDPRESS,
                   _("“%s” is not a web address Copydesk can ask %s. Check the "
                     "site’s address in Preferences"), url, cd_wp_site_get_label (self));
      return NULL;
    }
  params = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (params, (gpointer) "filename", (gpointer) filename);
  soup_message_headers_set_content_disposition (soup_message_get_request_headers (message),
                                                "attachment", params);
  soup_message_set_request_body_from_bytes (message, mime_type, bytes);

  response = send_message (self, message, TRUE, progress != NULL ? &data : NULL,
                           cancellable, error);
  if (response == NULL || !cd_wp_site_check_response (self, response, error))
    return NULL;
  return json_node_ref (response->json);
}

/* A member of @object as a string, or NULL when absent or not a string. */
static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_capability (JsonObject *capabilities,
                const char *name)
{
  JsonNode *node = capabilities != NULL ? json_object_get_member (capabilities, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
require_object (CdWpSite  *self,
                JsonNode  *node,
                GError   **error)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_MALFORMED,
               _("%s answered with JSON that is not what WordPress sends. Check "
                 "the site’s address in Preferences"), cd_wp_site_get_label (self));
  return FALSE;
}

CdWpAccount *
cd_wp_site_check_sync (CdWpSite     *self,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autoptr(CdWpAccount) account = g_new0 (CdWpAccount, 1);
  g_autoptr(CdWpResponse) index = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(JsonNode) schema = NULL;
  g_autoptr(GDateTime) now = NULL;
  JsonObject *object;
  JsonObject *capabilities;
  JsonNode *node;
  const char *date;

  /* The index: the site's title and zone, and its clock. */
  index = cd_wp_site_request_sync (self, "GET", "", NULL, NULL, cancellable, error);
  if (index == NULL || !cd_wp_site_check_response (self, index, error)
      || !require_object (self, index->json, error))
    return NULL;
  now = g_date_time_new_now_utc ();
  object = json_node_get_object (index->json);
  account->site_title = g_strdup (get_string (object, "name"));
  if (get_string (object, "timezone_string") != NULL && *get_string (object, "timezone_string") != '\0')
    account->timezone = g_strdup (get_string (object, "timezone_string"));
  node = json_object_get_member (object, "gmt_offset");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_DOUBLE || type == G_TYPE_INT64)
        account->gmt_offset_hours = json_node_get_double (node);
      else if (type == G_TYPE_STRING)
        account->gmt_offset_hours = g_ascii_strtod (json_node_get_string (node), NULL);
    }
  date = soup_message_headers_get_one (index->headers, "Date");
  if (date != NULL)
    {
      g_autoptr(GDateTime) site_now = soup_date_time_new_from_http_string (date);

      if (site_now != NULL)
        account->clock_skew = g_date_time_difference (site_now, now);
    }

  /* The account and its rights. */
  me = cd_wp_site_rest_sync (self, "GET", "wp/v2/users/me", "context=edit", NULL,
                             cancellable, error);
  if (me == NULL || !require_object (self, me, error))
    return NULL;
  object = json_node_get_object (me);
  node = json_object_get_member (object, "id");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    account->user_id = json_node_get_int (node);
  account->user_name = g_strdup (get_string (object, "name"));
  account->user_slug = g_strdup (get_string (object, "slug"));
  node = json_object_get_member (object, "roles");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *roles = json_node_get_array (node);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (roles); i++)
        {
          JsonNode *role = json_array_get_element (roles, i);

          if (json_node_get_value_type (role) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (role));
        }
      account->roles = g_strv_builder_end (builder);
    }
  else
    account->roles = g_new0 (char *, 1);
  capabilities = get_object (object, "capabilities");
  account->can_publish = get_capability (capabilities, "publish_posts");
  account->can_upload = get_capability (capabilities, "upload_files");
  account->can_create_categories = get_capability (capabilities, "manage_categories");
  account->can_edit_others = get_capability (capabilities, "edit_others_posts");

  /* Whether the site plugin registered Copydesk's meta: the posts schema
   * lists it. A site without it is fine, so a failure here is not one. */
  schema = cd_wp_site_rest_sync (self, "OPTIONS", "wp/v2/posts", NULL, NULL,
                                 cancellable, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (schema != NULL && JSON_NODE_HOLDS_OBJECT (schema))
    {
      JsonObject *meta = get_object (get_object (get_object (get_object (json_node_get_object (schema),
                                                                         "schema"),
                                                             "properties"),
                                                 "meta"),
                                     "properties");

      account->accepts_meta = meta != NULL && json_object_has_member (meta, "copydesk_id");
    }

  return g_steal_pointer (&account);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  CdWpAccount *account = cd_wp_site_check_sync (source_object, cancellable, &error);

  if (account == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, account, (GDestroyNotify) cd_wp_account_free);
}

void
cd_wp_site_check_async (CdWpSite            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CD_IS_WP_SITE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_wp_site_check_async);
  g_task_run_in_thread (task, check_thread);
}

CdWpAccount *
cd_wp_site_check_finish (CdWpSite      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* One post of a listing: what a chooser shows. */
static JsonObject *
post_summary (JsonObject *post)
{
  JsonObject *summary = json_object_new ();
  JsonNode *id = json_object_get_member (post, "id");
  JsonObject *title = get_object (post, "title");
  const char *title_text = get_string (title, "raw");

  if (title_text == NULL)
    title_text = get_string (title, "rendered");
  json_object_set_int_member (summary, "id",
                              id != NULL && JSON_NODE_HOLDS_VALUE (id) ? json_node_get_int (id) : 0);
  json_object_set_string_member (summary, "title", title_text != NULL ? title_text : "");
  json_object_set_string_member (summary, "status", get_string (post, "status"));
  json_object_set_string_member (summary, "modified_gmt", get_string (post, "modified_gmt"));
  json_object_set_string_member (summary, "link", get_string (post, "link"));
  return summary;
}

static void
list_posts_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *search = task_data;
  GError *error = NULL;
  g_autoptr(GString) query = g_string_new ("context=edit&status=any&per_page=50&orderby=modified");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonArray *array;

  if (search != NULL && *search != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (search, NULL, FALSE);

      g_string_append_printf (query, "&search=%s", escaped);
    }
  node = cd_wp_site_rest_sync (source_object, "GET", "wp/v2/posts", query->str, NULL,
                               cancellable, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_task_return_new_error (task, CD_WP_ERROR, CD_WP_ERROR_MALFORMED,
                               _("%s answered with JSON that is not a list of posts. "
                                 "Check the site’s address in Preferences"),
                               cd_wp_site_get_label (source_object));
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        g_ptr_array_add (posts, post_summary (json_node_get_object (element)));
    }
  g_task_return_pointer (task, g_steal_pointer (&posts), (GDestroyNotify) g_ptr_array_unref);
}

void
cd_wp_site_list_posts_async (CdWpSite            *self,
                             const char          *search,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CD_IS_WP_SITE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_wp_site_list_posts_async);
  g_task_set_task_data (task, g_strdup (search), g_free);
  g_task_run_in_thread (task, list_posts_thread);
}

GPtrArray *
cd_wp_site_list_posts_finish (CdWpSite      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
fetch_post_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  gint64 post_id = *(gint64 *) task_data;
  GError *error = NULL;
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, post_id);
  g_autoptr(JsonNode) node = NULL;

  node = cd_wp_site_rest_sync (source_object, "GET", route, "context=edit&_embed=1", NULL,
                               cancellable, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!require_object (source_object, node, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, json_object_ref (json_node_get_object (node)),
                         (GDestroyNotify) json_object_unref);
}

void
cd_wp_site_fetch_post_async (CdWpSite            *self,
                             gint64               post_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CD_IS_WP_SITE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_wp_site_fetch_post_async);
  g_task_set_task_data (task, g_memdup2 (&post_id, sizeof post_id), g_free);
  g_task_run_in_thread (task, fetch_post_thread);
}

JsonObject *
cd_wp_site_fetch_post_finish (CdWpSite      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
