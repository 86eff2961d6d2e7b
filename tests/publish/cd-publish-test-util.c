/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "cd-publish-test-util.h"

static JsonObject *info;

JsonObject *
cd_test_wp_info (void)
{
  const char *path = g_getenv ("COPYDESK_TEST_WP_INFO");
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (info != NULL)
    return info;
  if (path == NULL)
    return NULL;
  parser = json_parser_new ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  info = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  return info;
}

const char *
cd_test_wp_account_string (const char *account,
                           const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (cd_test_wp_info (), account),
                                        member);
}

gint64
cd_test_wp_account_id (const char *account)
{
  return json_object_get_int_member (json_object_get_object_member (cd_test_wp_info (), account),
                                     "id");
}

CdWpSite *
cd_test_wp_site (const char *account)
{
  g_autoptr(GError) error = NULL;
  CdWpSite *site;

  site = cd_wp_site_new ("Test Site", json_object_get_string_member (cd_test_wp_info (), "url"),
                         cd_test_wp_account_string (account, "user"),
                         cd_test_wp_account_string (account, "password"), &error);
  g_assert_no_error (error);
  return site;
}

char *
cd_test_wp_php (const char *code)
{
  JsonArray *command = json_object_get_array_member (cd_test_wp_info (), "php");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  for (guint i = 0; i < json_array_get_length (command); i++)
    g_ptr_array_add (argv, (gpointer) json_array_get_string_element (command, i));
  g_ptr_array_add (argv, (gpointer) code);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (json_object_get_string_member (cd_test_wp_info (), "dir"),
                (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("PHP failed: %s\n%s", out, err);
  return out;
}

static void
wpsite (const char *command)
{
  g_autofree char *script = g_build_filename (g_getenv ("CD_SOURCE_ROOT"), "tests", "wordpress",
                                              "wpsite.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, command,
                         json_object_get_string_member (cd_test_wp_info (), "dir"), NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

void
cd_test_wp_stop_web (void)
{
  wpsite ("stop-web");
}

void
cd_test_wp_start_web (void)
{
  wpsite ("start-web");
}

JsonNode *
cd_test_wp_rest (const char *account,
                 const char *method,
                 const char *route,
                 const char *query,
                 JsonNode   *body)
{
  g_autoptr(CdWpSite) site = cd_test_wp_site (account);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = cd_wp_site_rest_sync (site, method, route, query, body, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

char *
cd_test_wp_get_page (const char *url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

void
cd_test_wait (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}
