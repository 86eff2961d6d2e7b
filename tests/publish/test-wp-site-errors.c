/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CdWpSite without WordPress: which addresses it accepts, and how it maps
 * the answers a real WordPress cannot be made to give on demand (a broken
 * proxy's HTML, 413, 5xx, an endless answer) to messages. A small
 * SoupServer in a thread of its own plays the site. */

#include <glib/gstdio.h>

#include "cd-wp-site-private.h"

static SoupServer *server;
static GMainContext *server_context;
static char *base_url;
static GBytes *huge;
/* Set when a request with the password reached the "other host". */
static gint foreign_authorized;

static void
reply (SoupServerMessage *message,
       guint              status,
       const char        *type,
       const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
handle (SoupServer        *srv,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  const char *route = query != NULL ? g_hash_table_lookup (query, "rest_route") : NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  if (g_str_equal (path, "/blog/"))
    {
      g_autofree char *link = g_strdup_printf ("<%sblog/wp-json/>; rel=\"https://api.w.org/\"", base_url);

      soup_message_headers_append (headers, "Link", link);
      reply (message, 200, "text/html", "<html>home</html>");
    }
  else if (g_str_equal (path, "/evil/"))
    {
      soup_message_headers_append (headers, "Link",
                                   "<http://copydesk.example/wp-json/>; rel=\"https://api.w.org/\"");
      reply (message, 200, "text/html", "<html>home</html>");
    }
  else if (g_str_equal (path, "/elsewhere/"))
    {
      /* The same server under another host name: another origin. */
      g_autofree char *link = g_strdup_printf ("<http://localhost:%u/foreign/wp-json/>; "
                                               "rel=\"https://api.w.org/\"",
                                               g_uri_get_port (soup_server_message_get_uri (message)));

      soup_message_headers_append (headers, "Link", link);
      reply (message, 200, "text/html", "<html>home</html>");
    }
  else if (g_str_has_prefix (path, "/foreign/"))
    {
      if (soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                        "Authorization") != NULL)
        g_atomic_int_set (&foreign_authorized, 1);
      if (g_str_equal (path, "/foreign/wp-json/"))
        reply (message, 200, "application/json", "{\"namespaces\":[\"wp/v2\"]}");
      else
        reply (message, 401, "application/json",
               "{\"code\":\"rest_not_logged_in\",\"message\":\"Not here\"}");
    }
  else if (g_str_equal (path, "/elsewhere/wp-json/"))
    reply (message, 200, "application/json", "{\"namespaces\":[\"wp/v2\"],\"name\":\"Here\"}");
  else if (g_str_equal (path, "/elsewhere/wp-json/wp/v2/users/me"))
    reply (message, 200, "application/json",
           "{\"id\":7,\"name\":\"Ada\",\"slug\":\"ada\",\"roles\":[\"author\"],"
           "\"capabilities\":{\"publish_posts\":true,\"upload_files\":true}}");
  else if (g_str_equal (path, "/blog/wp-json/"))
    reply (message, 200, "application/json", "{\"namespaces\":[\"wp/v2\"]}");
  else if (g_str_equal (path, "/query/") && route != NULL && g_str_equal (route, "/"))
    reply (message, 200, "application/json", "{\"namespaces\":[\"wp/v2\"]}");
  else if (g_str_equal (path, "/query/") && route != NULL && g_str_equal (route, "/status413"))
    reply (message, 413, "text/html", "<html>Request Entity Too Large</html>");
  else if (g_str_equal (path, "/blog/wp-json/status413"))
    reply (message, 413, "text/html", "<html>Request Entity Too Large</html>");
  else if (g_str_equal (path, "/blog/wp-json/status502"))
    reply (message, 502, "text/html", "<html>Bad Gateway</html>");
  else if (g_str_equal (path, "/blog/wp-json/status500"))
    reply (message, 500, "application/json",
           "{\"code\":\"internal_server_error\",\"message\":\"The database is gone\"}");
  else if (g_str_equal (path, "/blog/wp-json/malformed"))
    reply (message, 200, "text/html", "<html>Please log in to the hotel network</html>");
  else if (g_str_equal (path, "/blog/wp-json/huge"))
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (huge, NULL), g_bytes_get_size (huge));
    }
  else if (g_str_equal (path, "/blog/wp-json/moved"))
    {
      soup_message_headers_append (headers, "Location", "http://copydesk.example/wp-json/moved");
      reply (message, 301, "text/html", "<html>Moved</html>");
    }
  else if (g_str_equal (path, "/skew/wp-json/"))
    {
      /* A site whose clock is a day ahead of ours. */
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) ahead = g_date_time_add_days (now, 1);
      g_autofree char *date = soup_date_time_to_string (ahead, SOUP_DATE_HTTP);

      soup_message_headers_replace (headers, "Date", date);
      reply (message, 200, "application/json",
             "{\"namespaces\":[\"wp/v2\"],\"name\":\"Skewed\",\"timezone_string\":\"\","
             "\"gmt_offset\":5.5}");
    }
  else if (g_str_equal (path, "/skew/wp-json/wp/v2/users/me"))
    reply (message, 200, "application/json",
           "{\"id\":7,\"name\":\"Ada\",\"slug\":\"ada\",\"roles\":[\"author\"],"
           "\"capabilities\":{\"publish_posts\":true,\"upload_files\":true}}");
  else if (g_str_equal (path, "/blog/wp-json/wp/v2/users/me"))
    reply (message, 200, "application/json", "[1, 2, 3]");
  else
    reply (message, 404, "text/html", "<html>Not found</html>");
}

static gpointer
serve (gpointer data)
{
  GMainLoop *loop = data;

  g_main_context_push_thread_default (g_main_loop_get_context (loop));
  g_main_loop_run (loop);
  return NULL;
}

static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;
  GMainLoop *loop;
  GByteArray *array;

  /* An answer bigger than any WordPress gives, and still valid JSON. */
  array = g_byte_array_sized_new (CD_WP_MAX_ANSWER + 1024);
  g_byte_array_append (array, (const guint8 *) "[", 1);
  while (array->len < CD_WP_MAX_ANSWER + 16)
    g_byte_array_append (array, (const guint8 *) "0,0,0,0,0,0,0,0,", 16);
  g_byte_array_append (array, (const guint8 *) "0]", 2);
  huge = g_byte_array_free_to_bytes (array);

  server_context = g_main_context_new ();
  g_main_context_push_thread_default (server_context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handle, NULL, NULL);
  soup_server_listen (server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base_url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_context_pop_thread_default (server_context);

  loop = g_main_loop_new (server_context, FALSE);
  g_thread_unref (g_thread_new ("fake-site", serve, loop));
}

static CdWpSite *
fake_site (const char *folder)
{
  g_autofree char *url = g_strconcat (base_url, folder, NULL);
  g_autoptr(GError) error = NULL;
  CdWpSite *site = cd_wp_site_new ("Fake Site", url, "ada", "abcd efgh ijkl", &error);

  g_assert_no_error (error);
  return site;
}

static void
assert_rest_fails (const char *folder,
                   const char *route,
                   int         code,
                   const char *fragment)
{
  g_autoptr(CdWpSite) site = fake_site (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = cd_wp_site_rest_sync (site, "GET", route, NULL, NULL, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, CD_WP_ERROR, code);
  g_assert_nonnull (strstr (error->message, "Fake Site"));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
test_url_security (void)
{
  const char *allowed[] = {
    "https://news.example/", "https://news.example", "http://127.0.0.1:8080/",
    "http://127.3.4.5/blog/", "http://localhost/", "http://LOCALHOST:81/", "http://[::1]:9000/",
  };
  const char *insecure[] = {
    "http://news.example/", "http://10.0.0.1/", "http://192.168.1.20:8080/",
    "http://[2001:db8::1]/", "http://localhost.news.example/",
  };
  const char *invalid[] = { "ftp://news.example/", "news.example", "", "https://", "file:///tmp/" };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdWpSite) site = cd_wp_site_new ("S", allowed[i], "u", "p", &error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_suffix (cd_wp_site_get_url (site), "/"));
      g_assert_cmpstr (cd_wp_site_get_user (site), ==, "u");
    }
  for (guint i = 0; i < G_N_ELEMENTS (insecure); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdWpSite) site = cd_wp_site_new ("S", insecure[i], "u", "p", &error);

      g_assert_null (site);
      g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_INSECURE);
      g_assert_nonnull (strstr (error->message, "https://"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdWpSite) site = cd_wp_site_new ("S", invalid[i], "u", "p", &error);

      g_assert_null (site);
      g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_WORDPRESS);
    }
}

static void
test_too_large (void)
{
  assert_rest_fails ("blog/", "status413", CD_WP_ERROR_TOO_LARGE, "smaller image");
}

static void
test_server_errors (void)
{
  assert_rest_fails ("blog/", "status502", CD_WP_ERROR_SERVER, "502");
  assert_rest_fails ("blog/", "status500", CD_WP_ERROR_SERVER, "The database is gone");
}

static void
test_malformed (void)
{
  assert_rest_fails ("blog/", "malformed", CD_WP_ERROR_MALFORMED, "not WordPress");
}

static void
test_huge (void)
{
  assert_rest_fails ("blog/", "huge", CD_WP_ERROR_MALFORMED, "MB");
}

/* A site whose users/me is not an object fails the check, not crashes. */
static void
test_check_malformed (void)
{
  g_autoptr(CdWpSite) site = fake_site ("blog/");
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpAccount) account = NULL;

  account = cd_wp_site_check_sync (site, NULL, &error);
  g_assert_null (account);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_MALFORMED);
}

/* The site's clock from its Date header, its zone as an offset, and a
 * site without Copydesk's plugin (the posts schema cannot be read). */
static void
test_check_skew (void)
{
  g_autoptr(CdWpSite) site = fake_site ("skew/");
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpAccount) account = NULL;

  account = cd_wp_site_check_sync (site, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->site_title, ==, "Skewed");
  g_assert_null (account->timezone);
  g_assert_cmpfloat (account->gmt_offset_hours, ==, 5.5);
  g_assert_cmpint (account->clock_skew, >, 23 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (account->clock_skew, <, 25 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (account->user_id, ==, 7);
  g_assert_true (account->can_publish);
  g_assert_false (account->can_edit_others);
  g_assert_false (account->accepts_meta);
}

/* Without a Link header and without /wp-json/, the ?rest_route= form. */
static void
test_rest_route_fallback (void)
{
  assert_rest_fails ("query/", "status413", CD_WP_ERROR_TOO_LARGE, NULL);
}

static void
test_not_wordpress (void)
{
  assert_rest_fails ("plain/", "wp/v2/posts", CD_WP_ERROR_NOT_WORDPRESS, "Preferences");
}

/* A REST root without https:// on another host would carry the password
 * in the clear: refused even though the site's own address was loopback. */
static void
test_insecure_rest_root (void)
{
  assert_rest_fails ("evil/", "wp/v2/posts", CD_WP_ERROR_INSECURE, "copydesk.example");
}

/* A Link header that gives the REST API on another host (or port) is not
 * followed: the password would go there. The site's own /wp-json/ is used,
 * and the other host never sees an Authorization header. */
static void
test_foreign_rest_root (void)
{
  g_autoptr(CdWpSite) site = fake_site ("elsewhere/");
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpAccount) account = NULL;

  g_atomic_int_set (&foreign_authorized, 0);
  account = cd_wp_site_check_sync (site, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_assert_cmpint (account->user_id, ==, 7);
  g_assert_cmpint (g_atomic_int_get (&foreign_authorized), ==, 0);
}

/* A redirect would carry the password wherever it points: never followed. */
static void
test_redirect (void)
{
  assert_rest_fails ("blog/", "moved", CD_WP_ERROR_NOT_WORDPRESS, "http://copydesk.example/wp-json/moved");
}

static void
test_offline (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = NULL;
  g_autoptr(CdWpAccount) account = NULL;
  g_autofree char *url = NULL;

  /* A port nobody listens on: bound, then closed. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  site = cd_wp_site_new ("Closed Site", url, "ada", "x", &error);
  g_assert_no_error (error);
  account = cd_wp_site_check_sync (site, NULL, &error);
  g_assert_null (account);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "Closed Site"));
}

static void
test_unknown_host (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = cd_wp_site_new ("Nowhere", "https://copydesk-test.invalid/",
                                             "ada", "x", &error);
  g_autoptr(CdWpAccount) account = NULL;

  g_assert_no_error (error);
  account = cd_wp_site_check_sync (site, NULL, &error);
  g_assert_null (account);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_UNKNOWN_HOST);
  g_assert_nonnull (strstr (error->message, "Nowhere"));
}

/* A certificate that nobody vouches for, made for the test. */
static void
test_untrusted_certificate (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *folder = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) tls_server = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GThread *thread;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(CdWpSite) site = NULL;
  g_autoptr(CdWpAccount) account = NULL;
  GSList *uris;
  int status = 0;

  if (openssl == NULL || !g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("needs openssl and a TLS backend (glib-networking)");
      return;
    }
  folder = g_dir_make_tmp ("copydesk-tls-XXXXXX", &error);
  g_assert_no_error (error);
  cert = g_build_filename (folder, "cert.pem", NULL);
  key = g_build_filename (folder, "key.pem", NULL);
  {
    const char *argv[] = { openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                           "-keyout", key, "-out", cert, "-days", "1",
                           "-subj", "/CN=127.0.0.1", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  g_unlink (cert);
  g_unlink (key);
  g_rmdir (folder);

  /* Served from a thread of its own, like the plain fake site. */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  tls_server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (tls_server, NULL, handle, NULL, NULL);
  soup_server_listen (tls_server, address, SOUP_SERVER_LISTEN_HTTPS, &error);
  g_main_context_pop_thread_default (context);
  g_assert_no_error (error);
  loop = g_main_loop_new (context, FALSE);
  thread = g_thread_new ("fake-tls-site", serve, loop);
  uris = soup_server_get_uris (tls_server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  site = cd_wp_site_new ("Self-signed Site", url, "ada", "x", &error);
  g_assert_no_error (error);
  account = cd_wp_site_check_sync (site, NULL, &error);
  g_assert_null (account);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "Self-signed Site"));

  g_main_loop_quit (loop);
  g_thread_join (thread);
  g_main_context_push_thread_default (context);
  soup_server_disconnect (tls_server);
  g_clear_object (&tls_server);
  g_main_context_pop_thread_default (context);
}

static void
test_cancelled (void)
{
  g_autoptr(CdWpSite) site = fake_site ("blog/");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpAccount) account = NULL;

  g_cancellable_cancel (cancellable);
  account = cd_wp_site_check_sync (site, cancellable, &error);
  g_assert_null (account);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  start_server ();

  g_test_add_func ("/wp-site/url-security", test_url_security);
  g_test_add_func ("/wp-site/too-large", test_too_large);
  g_test_add_func ("/wp-site/server-errors", test_server_errors);
  g_test_add_func ("/wp-site/malformed", test_malformed);
  g_test_add_func ("/wp-site/huge", test_huge);
  g_test_add_func ("/wp-site/check-malformed", test_check_malformed);
  g_test_add_func ("/wp-site/check-skew", test_check_skew);
  g_test_add_func ("/wp-site/rest-route-fallback", test_rest_route_fallback);
  g_test_add_func ("/wp-site/not-wordpress", test_not_wordpress);
  g_test_add_func ("/wp-site/insecure-rest-root", test_insecure_rest_root);
  g_test_add_func ("/wp-site/foreign-rest-root", test_foreign_rest_root);
  g_test_add_func ("/wp-site/redirect", test_redirect);
  g_test_add_func ("/wp-site/offline", test_offline);
  g_test_add_func ("/wp-site/unknown-host", test_unknown_host);
  g_test_add_func ("/wp-site/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/wp-site/cancelled", test_cancelled);
  return g_test_run ();
}
