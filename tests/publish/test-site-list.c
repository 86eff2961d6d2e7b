/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The user's sites (sites.ini) and their passwords in a real Secret
 * Service: run through run-with-keyring.sh, which starts GNOME Keyring on
 * the test's own session bus in a private home. */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cd-site-list.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("copydesk-sites-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "copydesk", "sites.ini", NULL);
  g_unsetenv ("COPYDESK_WP_PASSWORD");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static void
write_all (const char *path,
           const char *data)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
}

/* sites.ini */

static void
test_missing_file_is_empty (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CdSiteList) list = cd_site_list_new (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_site_list_load (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CD_TYPE_SITE_ENTRY);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  (*(int *) user_data)++;
}

static void
test_add_lookup_remove (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CdSiteList) list = cd_site_list_new (fixture->path);
  g_autoptr(CdSiteList) again = cd_site_list_new (fixture->path);
  g_autoptr(CdSiteEntry) entry = cd_site_entry_new ("Newsroom", "HTTPS://News.Example", "editor");
  g_autoptr(CdSiteEntry) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf info;
  int changes = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  g_assert_true (cd_site_list_load (list, &error));
  g_assert_true (cd_site_list_add (list, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  /* Reading the file it just wrote changes nothing: the entry is the same
   * object, and lists bound to the model keep their selection. */
  g_assert_true (cd_site_list_load (list, &error));
  g_assert_cmpint (changes, ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (item == entry);
  g_clear_object (&item);
  g_assert_cmpstr (cd_site_entry_get_url (entry), ==, "https://news.example/");

  /* Written for its owner only. */
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  contents = read_all (fixture->path);
  g_assert_nonnull (strstr (contents, "[Newsroom]"));
  g_assert_nonnull (strstr (contents, "url=https://news.example/"));
  g_assert_nonnull (strstr (contents, "user=editor"));

  /* Another Copydesk reads the same. */
  g_assert_true (cd_site_list_load (again, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_assert_cmpstr (cd_site_entry_get_name (item), ==, "Newsroom");
  g_assert_cmpstr (cd_site_entry_get_url (item), ==, "https://news.example/");
  g_assert_cmpstr (cd_site_entry_get_user (item), ==, "editor");

  /* By name, letter case ignored, or by address, however it is written. */
  g_assert_true (cd_site_list_lookup (again, "newsroom") != NULL);
  g_assert_true (cd_site_list_lookup (again, "NEWSROOM") != NULL);
  g_assert_true (cd_site_list_lookup (again, "https://news.example") != NULL);
  g_assert_null (cd_site_list_lookup (again, "Sports"));
  g_assert_null (cd_site_list_lookup (again, "https://sports.example/"));

  g_assert_true (cd_site_list_remove (again, "NEWSroom", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 0);

  g_assert_false (cd_site_list_remove (again, "Newsroom", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_assert_finalize_object (g_steal_pointer (&item));
}

static void
test_names_unique (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CdSiteList) list = cd_site_list_new (fixture->path);
  g_autoptr(CdSiteEntry) first = cd_site_entry_new ("Newsroom", "https://news.example/", "a");
  g_autoptr(CdSiteEntry) same_name = cd_site_entry_new ("NEWSROOM", "https://other.example/", "a");
  g_autoptr(CdSiteEntry) same_account = cd_site_entry_new ("Other", "https://news.example", "a");
  g_autoptr(CdSiteEntry) other_user = cd_site_entry_new ("News as b", "https://news.example", "b");
  g_autoptr(CdSiteEntry) bad_name = cd_site_entry_new ("[News]", "https://x.example", "a");
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_site_list_add (list, first, &error));
  g_assert_false (cd_site_list_add (list, same_name, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "NEWSROOM"));
  g_clear_error (&error);
  g_assert_false (cd_site_list_add (list, same_account, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (cd_site_list_add (list, bad_name, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (cd_site_list_add (list, other_user, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

static void
test_http_only_loopback (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CdSiteList) list = cd_site_list_new (fixture->path);
  g_autoptr(CdSiteEntry) remote = cd_site_entry_new ("Plain", "http://news.example/", "a");
  g_autoptr(CdSiteEntry) local = cd_site_entry_new ("Local", "http://127.0.0.1:8080/", "a");
  g_autoptr(GError) error = NULL;

  g_assert_false (cd_site_list_add (list, remote, &error));
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_INSECURE);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (cd_site_list_add (list, local, &error));
  g_assert_no_error (error);
}

/* A file the user broke by hand is reported with its name and line, and
 * nothing is written over it. */
static void
test_corrupt_file_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *broken = "# my sites\n[Newsroom]\nurl=https://news.example/\nuser=a\nthis is not a key\n";
  const char *no_url = "[Newsroom]\nurl=https://news.example/\nuser=a\n\n[Sports]\nuser=b\n";
  g_autoptr(CdSiteList) list = cd_site_list_new (fixture->path);
  g_autoptr(CdSiteEntry) entry = cd_site_entry_new ("Other", "https://other.example/", "a");
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *line = NULL;

  write_all (fixture->path, broken);
  g_assert_false (cd_site_list_load (list, &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "line 5"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_assert_false (cd_site_list_add (list, entry, &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (cd_site_list_remove (list, "Newsroom", &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE);
  g_clear_error (&error);
  after = read_all (fixture->path);
  g_assert_cmpstr (after, ==, broken);

  /* A group without its address names the group and its line. */
  write_all (fixture->path, no_url);
  g_assert_false (cd_site_list_load (list, &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE);
  line = g_strdup_printf ("%s", "line 5");
  g_assert_nonnull (strstr (error->message, line));
  g_assert_nonnull (strstr (error->message, "Sports"));
  g_assert_nonnull (strstr (error->message, "url"));
}

/* Comments and keys the user added survive a change. */
static void
test_keeps_comments (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CdSiteList) list = cd_site_list_new (fixture->path);
  g_autoptr(CdSiteEntry) entry = cd_site_entry_new ("Sports", "https://sports.example/", "b");
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  write_all (fixture->path, "# the desk's sites\n[Newsroom]\nurl=https://news.example/\nuser=a\nnote=keep me\n");
  g_assert_true (cd_site_list_add (list, entry, &error));
  g_assert_no_error (error);
  after = read_all (fixture->path);
  g_assert_nonnull (strstr (after, "# the desk's sites"));
  g_assert_nonnull (strstr (after, "note=keep me"));
  g_assert_nonnull (strstr (after, "[Sports]"));
}

/* The keyring */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static void
store (const char *url,
       const char *user,
       const char *password)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GError) error = NULL;

  cd_site_secret_store_async (url, user, password, NULL, wait_cb, &wait);
  g_main_loop_run (wait.loop);
  g_assert_true (cd_site_secret_store_finish (wait.result, &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);
}

static char *
lookup_async (const char *url,
              const char *user)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GError) error = NULL;
  char *password;

  cd_site_secret_lookup_async (url, user, NULL, wait_cb, &wait);
  g_main_loop_run (wait.loop);
  password = cd_site_secret_lookup_finish (wait.result, &error);
  g_assert_no_error (error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);
  return password;
}

static void
test_secret_store_lookup_clear (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *again = NULL;
  g_autofree char *gone = NULL;

  store ("https://news.example/", "editor", "abcd efgh ijkl mnop qrst uvwx");

  password = cd_site_secret_lookup_sync ("https://news.example/", "editor", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "abcd efgh ijkl mnop qrst uvwx");
  /* Found however the address is written. */
  again = lookup_async ("HTTPS://NEWS.example", "editor");
  g_assert_cmpstr (again, ==, "abcd efgh ijkl mnop qrst uvwx");

  /* A second store replaces the first. */
  store ("https://news.example/", "editor", "new one");
  g_clear_pointer (&password, g_free);
  password = cd_site_secret_lookup_sync ("https://news.example/", "editor", NULL, &error);
  g_assert_cmpstr (password, ==, "new one");

  g_assert_true (cd_site_secret_clear_sync ("https://news.example/", "editor", NULL, &error));
  g_assert_no_error (error);
  gone = cd_site_secret_lookup_sync ("https://news.example/", "editor", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);
  /* Clearing what is not there is no error. */
  g_assert_true (cd_site_secret_clear_sync ("https://news.example/", "editor", NULL, &error));
  g_assert_no_error (error);
}

static void
test_secret_users_apart (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *other_site = NULL;
  g_autofree char *after = NULL;

  store ("https://two.example/", "alice", "alice's");
  store ("https://two.example/", "bob", "bob's");

  a = cd_site_secret_lookup_sync ("https://two.example/", "alice", NULL, &error);
  b = lookup_async ("https://two.example/", "bob");
  g_assert_cmpstr (a, ==, "alice's");
  g_assert_cmpstr (b, ==, "bob's");
  other_site = cd_site_secret_lookup_sync ("https://three.example/", "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (other_site);

  /* Clearing one leaves the other. */
  g_assert_true (cd_site_secret_clear_sync ("https://two.example/", "alice", NULL, &error));
  g_clear_pointer (&a, g_free);
  a = cd_site_secret_lookup_sync ("https://two.example/", "alice", NULL, &error);
  g_assert_null (a);
  after = cd_site_secret_lookup_sync ("https://two.example/", "bob", NULL, &error);
  g_assert_cmpstr (after, ==, "bob's");
  cd_site_secret_clear_sync ("https://two.example/", "bob", NULL, NULL);
}

static void
test_secret_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *none = cd_site_secret_lookup_sync ("https://nobody.example/", "x", NULL, &error);
  g_autofree char *none_async = lookup_async ("https://nobody.example/", "x");

  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_null (none_async);
}

/* A site and its password: the password is in the keyring and nowhere in
 * sites.ini. */
static void
test_password_never_in_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CdSiteList) list = cd_site_list_new (fixture->path);
  g_autoptr(CdSiteEntry) entry = cd_site_entry_new ("Local", "http://127.0.0.1:8080/", "editor");
  g_autoptr(CdWpSite) site = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *planted = g_strdup_printf ("planted-%08x-%08x", g_random_int (), g_random_int ());
  g_autofree char *contents = NULL;

  g_assert_true (cd_site_list_add (list, entry, &error));
  g_assert_no_error (error);
  store (cd_site_entry_get_url (entry), cd_site_entry_get_user (entry), planted);

  site = cd_site_entry_open_sync (entry, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (site);
  g_assert_cmpstr (cd_wp_site_get_user (site), ==, "editor");

  contents = read_all (fixture->path);
  g_assert_null (strstr (contents, planted));
  g_assert_null (strstr (contents, "planted-"));

  cd_site_secret_clear_sync (cd_site_entry_get_url (entry), "editor", NULL, &error);
  g_assert_no_error (error);
}

static void
test_open_without_password (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CdSiteEntry) entry = cd_site_entry_new ("Local", "http://127.0.0.1:8080/", "nobody");
  g_autoptr(CdWpSite) site = NULL;
  g_autoptr(CdWpSite) from_environment = NULL;
  g_autoptr(GError) error = NULL;

  site = cd_site_entry_open_sync (entry, NULL, &error);
  g_assert_null (site);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_NO_PASSWORD);
  /* It says how to add one. */
  g_assert_nonnull (strstr (error->message, "copydesk-cli site add"));
  g_assert_nonnull (strstr (error->message, "COPYDESK_WP_PASSWORD"));
  g_clear_error (&error);

  /* COPYDESK_WP_PASSWORD is not the keyring: a shell that exported it for
   * one pipeline would send it to every site. Only copydesk-cli takes it,
   * for the one account a command names. */
  g_setenv ("COPYDESK_WP_PASSWORD", "from the pipeline", TRUE);
  g_setenv ("COPYDESK_WP_USER", "nobody", TRUE);
  from_environment = cd_site_entry_open_sync (entry, NULL, &error);
  g_unsetenv ("COPYDESK_WP_PASSWORD");
  g_unsetenv ("COPYDESK_WP_USER");
  g_assert_null (from_environment);
  g_assert_error (error, CD_WP_ERROR, CD_WP_ERROR_NO_PASSWORD);
}

/* With no Secret Service on the bus, the message says so plainly. */
static void
test_no_secret_service (Fixture       *fixture,
                        gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *password = NULL;

      password = cd_site_secret_lookup_sync ("https://news.example/", "editor", NULL, &error);
      g_assert_null (password);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "No keyring (Secret Service) is running"));
      g_assert_nonnull (strstr (error->message, "COPYDESK_WP_PASSWORD"));
      return;
    }

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/copydesk-test-bus", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  const char *real_bus = g_getenv ("DBUS_SESSION_BUS_ADDRESS");

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/site-list/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("missing-file", test_missing_file_is_empty);
  ADD ("add-lookup-remove", test_add_lookup_remove);
  ADD ("names-unique", test_names_unique);
  ADD ("http-only-loopback", test_http_only_loopback);
  ADD ("corrupt-file-kept", test_corrupt_file_kept);
  ADD ("keeps-comments", test_keeps_comments);
  /* The keyring tests need the Secret Service that run-with-keyring.sh
   * starts (it says so in COPYDESK_TEST_KEYRING); never the user's own. */
  if (real_bus != NULL && g_strcmp0 (g_getenv ("COPYDESK_TEST_KEYRING"), "1") == 0)
    {
      ADD ("secret/store-lookup-clear", test_secret_store_lookup_clear);
      ADD ("secret/users-apart", test_secret_users_apart);
      ADD ("secret/missing", test_secret_missing);
      ADD ("secret/password-never-in-file", test_password_never_in_file);
      ADD ("secret/open-without-password", test_open_without_password);
    }
  ADD ("secret/no-secret-service", test_no_secret_service);

#undef ADD

  return g_test_run ();
}
