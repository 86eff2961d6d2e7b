/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CdWpSite against a real WordPress (tests/wordpress/wpsite.py): the
 * account check, a wrong password, plain permalinks, listing and fetching
 * posts, and a site that is down. */

#include "cd-publish-test-util.h"

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gpointer *out = user_data;
  GError *error = NULL;

  out[0] = cd_wp_site_check_finish (CD_WP_SITE (source), result, &error);
  out[1] = error;
  out[2] = GINT_TO_POINTER (TRUE);
}

static CdWpAccount *
check (CdWpSite  *site,
       GError   **error)
{
  gpointer out[3] = { NULL, NULL, NULL };

  cd_wp_site_check_async (site, NULL, on_checked, out);
  while (out[2] == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (out[1] != NULL)
    g_propagate_error (error, out[1]);
  return out[0];
}

static void
test_check_admin (void)
{
  g_autoptr(CdWpSite) site = cd_test_wp_site ("admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpAccount) account = check (site, &error);
  gboolean plugin = json_object_get_boolean_member (cd_test_wp_info (), "plugin");

  g_assert_no_error (error);
  g_assert_cmpstr (account->site_title, ==, "Copydesk Test Site");
  g_assert_cmpstr (account->timezone, ==, "Europe/Berlin");
  g_assert_cmpint (account->user_id, ==, cd_test_wp_account_id ("admin"));
  g_assert_cmpstr (account->user_name, ==, "Site Admin");
  g_assert_cmpstr (account->user_slug, ==, "admin");
  g_assert_true (g_strv_contains ((const char * const *) account->roles, "administrator"));
  g_assert_true (account->can_publish);
  g_assert_true (account->can_upload);
  g_assert_true (account->can_create_categories);
  g_assert_true (account->can_edit_others);
  g_assert_cmpint (account->accepts_meta, ==, plugin);
}

static void
test_check_author (void)
{
  g_autoptr(CdWpSite) site = cd_test_wp_site ("author");
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpAccount) account = check (site, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (account->user_name, ==, "Ada Reporter");
  g_assert_true (g_strv_contains ((const char * const *) account->roles, "author"));
  g_assert_true (account->can_publish);
  g_assert_true (account->can_upload);
  g_assert_false (account->can_create_categories);
  g_assert_false (account->can_edit_others);
}

static void
test_wrong_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = cd_wp_site_new ("Test Site",
                                             json_object_get_string_member (cd_test_wp_info (), "url"),
                                             "ada", "abcd efgh ijkl mnop qrst uvwx", &error);
  g_autoptr(CdWpAccount) account = NULL;

  g_assert_no_error (error);
  account = check (site, &error);
  g_assert_null (account);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "Test Site"));
  g_assert_nonnull (strstr (error->message, "application password"));
  g_assert_nonnull (strstr (error->message, "Preferences"));
}

/* With plain permalinks the REST API is only at ?rest_route=/. */
static void
test_plain_permalinks (void)
{
  g_autofree char *before = cd_test_wp_php ("echo get_option( 'permalink_structure' );");
  g_autofree char *restore = g_strdup_printf ("update_option( 'permalink_structure', '%s' ); "
                                              "flush_rewrite_rules( false );", before);
  g_autofree char *out = cd_test_wp_php ("update_option( 'permalink_structure', '' ); "
                                         "flush_rewrite_rules( false );");
  g_autoptr(CdWpSite) site = cd_test_wp_site ("admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpAccount) account = NULL;
  g_autoptr(JsonNode) posts = NULL;
  g_autofree char *out2 = NULL;

  account = check (site, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->user_slug, ==, "admin");
  posts = cd_wp_site_rest_sync (site, "GET", "wp/v2/posts", "per_page=1&context=edit", NULL,
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (posts));

  out2 = cd_test_wp_php (restore);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gpointer *out = user_data;
  GError *error = NULL;

  out[0] = cd_wp_site_list_posts_finish (CD_WP_SITE (source), result, &error);
  g_assert_no_error (error);
  out[1] = GINT_TO_POINTER (TRUE);
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gpointer *out = user_data;
  GError *error = NULL;

  out[0] = cd_wp_site_fetch_post_finish (CD_WP_SITE (source), result, &error);
  g_assert_no_error (error);
  out[1] = GINT_TO_POINTER (TRUE);
}

static void
test_list_and_fetch (void)
{
  g_autoptr(CdWpSite) site = cd_test_wp_site ("author");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(JsonObject) post = NULL;
  gpointer out[2] = { NULL, NULL };
  gint64 id;
  JsonObject *summary;

  json_parser_load_from_data (parser,
                              "{\"title\":\"Harbour cranes return\",\"status\":\"draft\","
                              "\"content\":\"<!-- wp:paragraph --><p>Back.</p><!-- /wp:paragraph -->\"}",
                              -1, NULL);
  created = cd_test_wp_rest ("author", "POST", "wp/v2/posts", NULL, json_parser_get_root (parser));
  id = json_object_get_int_member (json_node_get_object (created), "id");

  cd_wp_site_list_posts_async (site, "Harbour cranes", NULL, on_listed, out);
  while (out[1] == NULL)
    g_main_context_iteration (NULL, TRUE);
  posts = out[0];
  g_assert_cmpuint (posts->len, ==, 1);
  summary = g_ptr_array_index (posts, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (summary, "title"), ==, "Harbour cranes return");
  g_assert_cmpstr (json_object_get_string_member (summary, "status"), ==, "draft");
  g_assert_true (json_object_has_member (summary, "modified_gmt"));
  g_assert_true (json_object_has_member (summary, "link"));

  out[0] = out[1] = NULL;
  cd_wp_site_fetch_post_async (site, id, NULL, on_fetched, out);
  while (out[1] == NULL)
    g_main_context_iteration (NULL, TRUE);
  post = out[0];
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (post, "title"), "raw"),
                   ==, "Harbour cranes return");
  g_assert_true (json_object_has_member (post, "_embedded"));
}

/* The list is newest change first, as Open from Site says ("changed …"),
 * not by publication date: a story dated long ago but edited just now
 * comes first. */
static void
test_list_by_change (void)
{
  g_autoptr(CdWpSite) site = cd_test_wp_site ("author");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) recent = NULL;
  g_autoptr(JsonNode) backdated = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  gpointer out[2] = { NULL, NULL };
  g_autofree char *route = NULL;

  /* A post dated years back (WordPress takes a new post's date as its
   * last change too), then a recent one, then a change to the old one. */
  json_parser_load_from_data (parser,
                              "{\"title\":\"Quay lamps archive\",\"status\":\"draft\","
                              "\"date_gmt\":\"2019-03-01T10:00:00\"}", -1, NULL);
  backdated = cd_test_wp_rest ("author", "POST", "wp/v2/posts", NULL, json_parser_get_root (parser));
  json_parser_load_from_data (parser, "{\"title\":\"Quay lamps lit\",\"status\":\"draft\"}", -1, NULL);
  recent = cd_test_wp_rest ("author", "POST", "wp/v2/posts", NULL, json_parser_get_root (parser));
  g_usleep (1100 * 1000);
  route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT,
                           json_object_get_int_member (json_node_get_object (backdated), "id"));
  json_parser_load_from_data (parser, "{\"title\":\"Quay lamps archive, corrected\"}", -1, NULL);
  edited = cd_test_wp_rest ("author", "POST", route, NULL, json_parser_get_root (parser));

  cd_wp_site_list_posts_async (site, "Quay lamps", NULL, on_listed, out);
  while (out[1] == NULL)
    g_main_context_iteration (NULL, TRUE);
  posts = out[0];
  g_assert_cmpuint (posts->len, ==, 2);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (posts, 0), "id"), ==,
                   json_object_get_int_member (json_node_get_object (backdated), "id"));
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (posts, 1), "id"), ==,
                   json_object_get_int_member (json_node_get_object (recent), "id"));
}

static void
test_not_found (void)
{
  g_autoptr(CdWpSite) site = cd_test_wp_site ("admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = cd_wp_site_rest_sync (site, "GET", "wp/v2/posts/987654", "context=edit", NULL, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Test Site"));
}

/* An Author may not create categories: 403, with WordPress's reason. */
static void
test_forbidden (void)
{
  g_autoptr(CdWpSite) site = cd_test_wp_site ("author");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_parser_load_from_data (parser, "{\"name\":\"Forbidden Section\"}", -1, NULL);
  node = cd_wp_site_rest_sync (site, "POST", "wp/v2/categories", NULL, json_parser_get_root (parser),
                               NULL, &error);
  g_assert_null (node);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Test Site"));
  g_assert_nonnull (strstr (error->message, "rest_cannot_create"));
}

static void
test_offline (void)
{
  g_autoptr(CdWpSite) site = cd_test_wp_site ("admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpAccount) account = NULL;

  cd_test_wp_stop_web ();
  account = check (site, &error);
  cd_test_wp_start_web ();
  g_assert_null (account);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "Test Site"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (cd_test_wp_info () == NULL)
    {
      g_print ("1..0 # SKIP needs COPYDESK_TEST_WP_INFO (run under tests/wordpress/wpsite.py run)\n");
      return 77;
    }

  g_test_add_func ("/wp-site/check-admin", test_check_admin);
  g_test_add_func ("/wp-site/check-author", test_check_author);
  g_test_add_func ("/wp-site/wrong-password", test_wrong_password);
  g_test_add_func ("/wp-site/plain-permalinks", test_plain_permalinks);
  g_test_add_func ("/wp-site/list-and-fetch", test_list_and_fetch);
  g_test_add_func ("/wp-site/list-by-change", test_list_by_change);
  g_test_add_func ("/wp-site/not-found", test_not_found);
  g_test_add_func ("/wp-site/forbidden", test_forbidden);
  g_test_add_func ("/wp-site/offline", test_offline);
  return g_test_run ();
}
