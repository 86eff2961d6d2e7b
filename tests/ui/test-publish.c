/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Publishing from the window to a real WordPress (tests/wordpress/wpsite.py,
 * whose site.json COPYDESK_TEST_WP_INFO names), with a gnome-keyring on the
 * test's session bus: adding the site in Preferences ▸ Sites (a wrong
 * password is said and nothing is kept; the right one keeps the site and
 * its password), publishing the sample article through the Publish button
 * (the toast links to the live post, the post is on the site, the file
 * records it), and publishing again (an update of the same post). */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cd-application.h"
#include "cd-open-site-dialog.h"
#include "cd-preferences-window.h"
#include "cd-publish-button.h"
#include "cd-site-dialog.h"
#include "cd-sites-page.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"
#include "cd-wp-post.h"

#define SAMPLE_DIR CD_SOURCE_DATADIR "/sample"
#define SITE_NAME "Harbour Test Site"

static CdApplication *app;
static char *tmp_home;
static JsonObject *site_info;

static const char *
info_string (const char *account,
             const char *member)
{
  JsonObject *object = account != NULL ? json_object_get_object_member (site_info, account) : site_info;

  return json_object_get_string_member (object, member);
}

static gboolean
load_site_info (void)
{
  const char *path = g_getenv ("COPYDESK_TEST_WP_INFO");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return FALSE;
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  site_info = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  return TRUE;
}

/* Runs PHP @code inside the test site (site.json's "php" command). */
static void
site_php (const char *code)
{
  JsonArray *command = json_object_get_array_member (site_info, "php");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  for (guint i = 0; i < json_array_get_length (command); i++)
    g_ptr_array_add (argv, (gpointer) json_array_get_string_element (command, i));
  g_ptr_array_add (argv, (gpointer) code);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);
}

/* Runs wpsite.py @verb (stop-web, start-web) on the test site. */
static void
site_web (const char *verb)
{
  JsonArray *command = json_object_get_array_member (site_info, "wpsite");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  for (guint i = 0; i < json_array_get_length (command); i++)
    g_ptr_array_add (argv, (gpointer) json_array_get_string_element (command, i));
  g_ptr_array_add (argv, (gpointer) verb);
  g_ptr_array_add (argv, (gpointer) info_string (NULL, "dir"));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);
}

/* Widgets */

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static CdSiteDialog *
find_site_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CD_IS_SITE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CD_SITE_DIALOG (window);
    }
  return NULL;
}

static gboolean
site_dialog_shown_cb (gpointer data)
{
  CdSiteDialog *dialog = find_site_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, prefix);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static void
set_row (CdSiteDialog *dialog,
         const char   *name,
         const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, CD_TYPE_SITE_DIALOG, name)), text);
}

static gboolean
error_shown_cb (gpointer data)
{
  GtkWidget *label = data;

  return gtk_widget_get_visible (label) && gtk_widget_has_css_class (label, "error");
}

/* With COPYDESK_TEST_SCREEN_SHOTS set to a folder, a picture of the whole
 * screen (popovers and dialogs included, which a widget's own picture
 * leaves out) for people to look at. Checks nothing. */
static void
screen_shot (const char *name)
{
  const char *folder = g_getenv ("COPYDESK_TEST_SCREEN_SHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (folder == NULL)
    return;
  path = g_strdup_printf ("%s/%s.png", folder, name);
  command = g_strdup_printf ("import -window root %s", path);
  if (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_test_message ("screen: %s", path);
}

/* Preferences ▸ Sites */

static GtkWindow *
open_sites_page (GtkWindow *parent)
{
  GtkWidget *preferences = cd_preferences_window_new (parent, cd_application_get_settings (app));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sites");
  gtk_window_present (GTK_WINDOW (preferences));
  cd_ui_test_wait_for_mapped (preferences);
  return GTK_WINDOW (preferences);
}

static CdSiteDialog *
open_site_dialog (GtkWindow *preferences)
{
  GtkWidget *add = cd_ui_test_find_button (GTK_WIDGET (preferences), "_Add Site…");

  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  cd_ui_test_wait_for (site_dialog_shown_cb, NULL, CD_UI_TEST_TIMEOUT_MS, "the Add Site dialog");
  return find_site_dialog ();
}

static void
test_add_site_wrong_password (void)
{
  GtkWindow *preferences = open_sites_page (NULL);
  CdSiteDialog *dialog = open_site_dialog (preferences);
  GtkWidget *message = template_child (dialog, CD_TYPE_SITE_DIALOG, "message_label");
  GtkWidget *add = template_child (dialog, CD_TYPE_SITE_DIALOG, "add_button");
  g_autofree char *secret = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;

  set_row (dialog, "name_row", SITE_NAME);
  set_row (dialog, "url_row", info_string (NULL, "url"));
  set_row (dialog, "user_row", info_string ("author", "user"));
  set_row (dialog, "password_row", "abcd efgh ijkl mnop qrst uvwx");
  g_assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");

  cd_ui_test_wait_for (error_shown_cb, message, CD_UI_TEST_TIMEOUT_MS, "the wrong password's message");
  /* Plainly about the password, not WordPress's "not logged in". */
  g_test_message ("message: %s", gtk_label_get_text (GTK_LABEL (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "password"));
  /* Ready for the right password. */
  {
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, template_child (dialog, CD_TYPE_SITE_DIALOG, "password_row")));
  }
  cd_ui_test_wait_for_frames (GTK_WIDGET (dialog));
  shot = cd_ui_test_screenshot (GTK_WIDGET (dialog), "site-dialog-wrong-password");
  g_test_message ("screenshot: %s", shot);
  screen_shot ("site-dialog-wrong-password");

  /* Nothing was kept. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cd_sites_get_list ())), ==, 0);
  secret = cd_site_secret_lookup_sync (info_string (NULL, "url"), info_string ("author", "user"),
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  cd_ui_test_destroy_window (GTK_WINDOW (dialog));
  cd_ui_test_destroy_window (preferences);
}

static GtkWidget *
find_tooltip_button (GtkWidget  *widget,
                     const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_tooltip_button (child, tooltip);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* What the desktop hands the application when the site's authorize page
 * sends the browser back to copydesk://authorize. */
static void
open_callback (const char *query)
{
  g_autofree char *uri = g_strconcat (CD_SITE_DIALOG_CALLBACK, "?", query, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  g_application_open (G_APPLICATION (app), &file, 1, "");
}

/* Sign In With Browser, without the browser: the authorize page's answer
 * reaches the waiting dialog through the application. Declined, it says so
 * and keeps nothing; approved, the site is checked and kept. Then Remove in
 * Preferences ▸ Sites, after its question, forgets the site and its
 * password. */
static void
test_browser_sign_in (void)
{
  GtkWindow *preferences = open_sites_page (NULL);
  CdSiteDialog *dialog = open_site_dialog (preferences);
  GtkWidget *message = template_child (dialog, CD_TYPE_SITE_DIALOG, "message_label");
  g_autofree char *site_url = g_uri_escape_string (info_string (NULL, "url"), NULL, FALSE);
  g_autofree char *password = g_uri_escape_string (info_string ("author", "password"), NULL, FALSE);
  g_autofree char *declined = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *secret = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;
  GtkWidget *remove;

  set_row (dialog, "name_row", "Harbour via Browser");
  set_row (dialog, "url_row", info_string (NULL, "url"));
  cd_site_dialog_await_sign_in (dialog);

  /* WordPress adds its answer to the return address, state and all. */
  declined = g_strdup_printf ("state=%s&success=false", cd_site_dialog_get_sign_in_state (dialog));
  open_callback (declined);
  g_assert_true (error_shown_cb (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "declined"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cd_sites_get_list ())), ==, 0);

  /* Each sign-in has its own state. */
  cd_site_dialog_await_sign_in (dialog);
  approved = g_strdup_printf ("state=%s&site_url=%s&user_login=%s&password=%s",
                              cd_site_dialog_get_sign_in_state (dialog),
                              site_url, info_string ("author", "user"), password);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  open_callback (approved);
  cd_ui_test_wait_for (cd_ui_test_pointer_cleared_cb, &dialog, CD_UI_TEST_TIMEOUT_MS,
                       "the Add Site dialog to close after the sign-in");
  g_assert_nonnull (cd_site_list_lookup (cd_sites_get_list (), "Harbour via Browser"));
  secret = cd_site_secret_lookup_sync (info_string (NULL, "url"), info_string ("author", "user"),
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, info_string ("author", "password"));
  g_clear_pointer (&secret, g_free);

  /* Remove asks first, then forgets the site and its password. */
  cd_ui_test_wait_for_frames (GTK_WIDGET (preferences));
  remove = find_tooltip_button (GTK_WIDGET (preferences), "Remove Site");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  question = cd_ui_test_wait_for_dialog (preferences, "Remove “Harbour via Browser”?");
  cd_ui_test_wait_for_frames (GTK_WIDGET (question));
  screen_shot ("remove-site-question");
  cd_ui_test_respond (question, "remove");
  g_assert_null (cd_site_list_lookup (cd_sites_get_list (), "Harbour via Browser"));
  secret = cd_site_secret_lookup_sync (info_string (NULL, "url"), info_string ("author", "user"),
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  cd_ui_test_destroy_window (preferences);
}

static void
add_site (GtkWindow *parent,
          gboolean   screenshot)
{
  GtkWindow *preferences = open_sites_page (parent);
  CdSiteDialog *dialog = open_site_dialog (preferences);
  GtkWidget *add = template_child (dialog, CD_TYPE_SITE_DIALOG, "add_button");
  g_autofree char *secret = NULL;
  g_autoptr(GError) error = NULL;
  CdSiteEntry *entry;

  set_row (dialog, "name_row", SITE_NAME);
  set_row (dialog, "url_row", info_string (NULL, "url"));
  set_row (dialog, "user_row", info_string ("author", "user"));
  set_row (dialog, "password_row", info_string ("author", "password"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (add, "clicked");
  cd_ui_test_wait_for (cd_ui_test_pointer_cleared_cb, &dialog, CD_UI_TEST_TIMEOUT_MS,
                       "the Add Site dialog to close after a good check");

  entry = cd_site_list_lookup (cd_sites_get_list (), SITE_NAME);
  g_assert_nonnull (entry);
  g_assert_cmpstr (cd_site_entry_get_user (entry), ==, info_string ("author", "user"));
  secret = cd_site_secret_lookup_sync (cd_site_entry_get_url (entry), cd_site_entry_get_user (entry),
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, info_string ("author", "password"));

  /* The row says what the account may do: an Author may publish but not
   * create categories. */
  cd_ui_test_wait_for_frames (GTK_WIDGET (preferences));
  {
    GtkLabel *status = find_label (GTK_WIDGET (preferences), "http");
    g_assert_nonnull (status);
    g_test_message ("row: %s", gtk_label_get_text (status));
    g_assert_nonnull (strstr (gtk_label_get_text (status), "may publish"));
    g_assert_nonnull (strstr (gtk_label_get_text (status), "may not create categories"));
  }
  if (screenshot)
    {
      g_autofree char *shot = cd_ui_test_screenshot (GTK_WIDGET (preferences), "sites-page");
      g_test_message ("screenshot: %s", shot);
      screen_shot ("sites-page");
    }
  cd_ui_test_destroy_window (preferences);
}

static void
test_add_site (void)
{
  /* A site in another zone than the test's, so that the Publish popover
   * has two times to show. */
  site_php ("update_option ('timezone_string', 'Europe/Berlin');");
  add_site (NULL, TRUE);
}

/* Publishing */

static gboolean
title_is_headline_cb (gpointer data)
{
  CdWindow *window = data;
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));

  return g_strcmp0 (cd_article_get_headline (article), "") != 0;
}

/* A window showing a copy of the sample article (and its picture) in a
 * folder of its own, so that saving never touches the source tree. */
static CdWindow *
open_sample_copy (char **path_out)
{
  g_autofree char *folder = g_build_filename (tmp_home, "article-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  const char *names[] = { "harbour-ferry.copydesk", "harbour-ferry.jpg" };
  CdWindow *window;

  g_assert_nonnull (g_mkdtemp (folder));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (SAMPLE_DIR, names[i], NULL);
      g_autofree char *to = g_build_filename (folder, names[i], NULL);
      g_autoptr(GFile) source = g_file_new_for_path (from);
      g_autoptr(GFile) target = g_file_new_for_path (to);
      g_autoptr(GError) error = NULL;

      g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  path = g_build_filename (folder, names[0], NULL);
  file = g_file_new_for_path (path);
  window = cd_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  cd_window_open_file (window, file);
  cd_ui_test_wait_for (title_is_headline_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the sample article to open");
  *path_out = g_steal_pointer (&path);
  return window;
}

/* A new id and slug for a copy of the sample: a publish without a record
 * finds the post an earlier test made of the sample and, its text being
 * different, stops at a conflict rather than take it over. */
static void
give_own_identity (CdArticle *article)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strdup_printf ("urn:uuid:%s", uuid);
  g_autofree char *slug = g_strdup_printf ("sample-%s", uuid + 24);

  cd_article_set_id (article, id);
  cd_article_set_slug (article, slug);
}

static void
close_window (CdWindow *window)
{
  g_autoptr(CdDocument) document = g_object_ref (cd_window_get_document (window));

  cd_ui_test_destroy_window (GTK_WINDOW (window));
  cd_document_discard_recovery (document);
}

static gboolean
publish_finished_cb (gpointer data)
{
  CdWindow *window = data;

  return window->publish_cancellable == NULL &&
         (find_label (GTK_WIDGET (window->toast_overlay), "Published to") != NULL ||
          cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Publish With Problems?") != NULL ||
          cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Could Not Publish") != NULL);
}

static gboolean
saved_cb (gpointer data)
{
  CdWindow *window = data;

  return !cd_window_is_saving (window) && !cd_document_get_modified (cd_window_get_document (window));
}

/* For a picture only: the popover shows the stage of the publish. */
static gboolean
progress_shown_cb (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (data)), "progress") == 0;
}

/* Clicks Publish (or Update) in the popover and waits for the outcome;
 * returns the live link the toast's View button opens. */
static char *
publish_through_button (CdWindow   *window,
                        const char *expected_button,
                        const char *screenshot)
{
  CdPublishButton *button = window->publish_button;
  GtkWidget *popover = template_child (button, CD_TYPE_PUBLISH_BUTTON, "popover");
  GtkWidget *publish = template_child (button, CD_TYPE_PUBLISH_BUTTON, "publish_button");
  GtkWidget *dropdown = template_child (button, CD_TYPE_PUBLISH_BUTTON, "site_dropdown");
  AdwMessageDialog *problems;
  GtkLabel *toast_label;
  GtkWidget *view;
  GVariant *target;

  if (!gtk_widget_get_mapped (popover))
    cd_publish_button_popup (button);
  cd_ui_test_wait_for_mapped (popover);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (publish)), ==, expected_button);
  cd_ui_test_wait_for_frames (popover);
  if (screenshot != NULL)
    {
      g_autofree char *shot = cd_ui_test_screenshot (popover, screenshot);
      g_test_message ("screenshot: %s", shot);
      screen_shot (screenshot);
    }

  g_assert_true (gtk_widget_is_sensitive (publish));
  g_signal_emit_by_name (publish, "clicked");
  if (screenshot != NULL &&
      cd_ui_test_wait_until (progress_shown_cb, template_child (button, CD_TYPE_PUBLISH_BUTTON, "stack"), 5000))
    screen_shot ("publish-progress");
  cd_ui_test_wait_for (publish_finished_cb, window, 120000, "the publish to finish");

  problems = cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Publish With Problems?");
  if (problems != NULL)
    {
      cd_ui_test_respond (problems, "publish");
      cd_ui_test_wait_for (publish_finished_cb, window, 120000, "the publish to finish");
    }

  g_assert_null (cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Could Not Publish"));
  cd_ui_test_wait_for_toast (GTK_WINDOW (window));
  toast_label = find_label (GTK_WIDGET (window->toast_overlay), "Published to");
  g_assert_nonnull (toast_label);
  g_assert_cmpstr (gtk_label_get_text (toast_label), ==, "Published to " SITE_NAME);

  view = cd_ui_test_find_button (GTK_WIDGET (window->toast_overlay), "_View");
  g_assert_nonnull (view);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (view)), ==, "win.open-link");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (view));
  g_assert_nonnull (target);
  return g_variant_dup_string (target, NULL);
}

typedef struct
{
  JsonObject *post;
  GError     *error;
  gboolean    done;
} FetchData;

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FetchData *data = user_data;

  data->post = cd_wp_site_fetch_post_finish (CD_WP_SITE (object), result, &data->error);
  data->done = TRUE;
}

static gboolean
fetched_cb (gpointer data)
{
  return ((FetchData *) data)->done;
}

/* The post as the site's REST API gives it to the editor account. */
static JsonObject *
fetch_post (gint64 post_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = cd_wp_site_new ("check", info_string (NULL, "url"),
                                             info_string ("editor", "user"),
                                             info_string ("editor", "password"), &error);
  FetchData data = { 0 };

  g_assert_no_error (error);
  cd_wp_site_fetch_post_async (site, post_id, NULL, fetch_cb, &data);
  cd_ui_test_wait_for (fetched_cb, &data, 60000, "the post to be fetched over REST");
  g_assert_no_error (data.error);
  return data.post;
}

static const char *
rendered (JsonObject *post,
          const char *member)
{
  JsonObject *object = json_object_get_object_member (post, member);

  if (json_object_has_member (object, "raw"))
    return json_object_get_string_member (object, "raw");
  return json_object_get_string_member (object, "rendered");
}

static void
test_publish (void)
{
  g_autofree char *path = NULL;
  CdWindow *window;
  CdArticle *article;
  CdPublication *record;
  g_autofree char *link = NULL;
  g_autofree char *link_again = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonObject) post_again = NULL;
  g_autoptr(CdDocument) reloaded = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 post_id;

  if (cd_site_list_lookup (cd_sites_get_list (), SITE_NAME) == NULL)
    add_site (NULL, FALSE);

  window = open_sample_copy (&path);
  article = cd_document_get_article (cd_window_get_document (window));
  headline = g_strdup (cd_article_get_headline (article));
  g_assert_null (cd_article_lookup_publication (article, info_string (NULL, "url")));

  /* Scheduled two days ahead: the popover says when, in the site's zone
   * and the user's. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
    GtkWidget *status = template_child (window->publish_button, CD_TYPE_PUBLISH_BUTTON, "status_dropdown");
    GtkWidget *time_label = template_child (window->publish_button, CD_TYPE_PUBLISH_BUTTON, "time_label");
    GListModel *statuses;
    guint scheduled = GTK_INVALID_LIST_POSITION;

    cd_article_set_published (article, later);
    cd_publish_button_popup (window->publish_button);
    statuses = gtk_drop_down_get_model (GTK_DROP_DOWN (status));
    for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (statuses), i), "Scheduled") == 0)
        scheduled = i;
    g_assert_cmpuint (scheduled, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (status), scheduled);
    g_assert_cmpstr (cd_publish_button_get_status (window->publish_button), ==, "future");
    g_test_message ("time: %s", gtk_label_get_text (GTK_LABEL (time_label)));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (time_label)), "Appears "));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (time_label)), " in Europe/Berlin"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (time_label)), "your time"));
  }

  link = publish_through_button (window, "_Schedule", "publish-popover");
  {
    g_autofree char *shot = cd_ui_test_screenshot (GTK_WIDGET (window), "published-toast");
    g_test_message ("screenshot: %s", shot);
    screen_shot ("published-toast");
  }

  /* The record is in the article, with the link the toast offers. */
  record = cd_article_lookup_publication (article, info_string (NULL, "url"));
  g_assert_nonnull (record);
  post_id = cd_publication_get_post_id (record);
  g_assert_cmpint (post_id, >, 0);
  g_assert_cmpstr (cd_publication_get_link (record), ==, link);

  /* The post is on the site. */
  post = fetch_post (post_id);
  g_assert_cmpint (json_object_get_int_member (post, "id"), ==, post_id);
  g_assert_cmpstr (rendered (post, "title"), ==, headline);
  g_assert_cmpstr (json_object_get_string_member (post, "link"), ==, link);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");

  /* The file was saved with the record, so the link is never lost. */
  cd_ui_test_wait_for (saved_cb, window, CD_UI_TEST_TIMEOUT_MS, "the article to be saved");
  file = g_file_new_for_path (path);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;

    g_file_get_contents (path, &contents, NULL, &error);
    g_assert_no_error (error);
    json_parser_load_from_data (parser, contents, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_true (json_object_has_member (root, "publications"));
    g_assert_nonnull (strstr (contents, link));
  }

  /* A second publish updates the same post: the popover says Update and
   * offers to keep the post's status. */
  link_again = publish_through_button (window, "_Update", "update-popover");
  record = cd_article_lookup_publication (article, info_string (NULL, "url"));
  g_assert_cmpint (cd_publication_get_post_id (record), ==, post_id);
  post_again = fetch_post (post_id);
  g_assert_cmpstr (json_object_get_string_member (post_again, "status"), ==,
                   json_object_get_string_member (post, "status"));
  g_assert_cmpstr (link_again, ==, link);

  close_window (window);
}

static gboolean
conflict_shown_cb (gpointer data)
{
  return cd_ui_test_find_message_dialog (GTK_WINDOW (data),
                                         "The Post Was Changed on " SITE_NAME) != NULL;
}

static char *
dialog_text (AdwMessageDialog *dialog)
{
  GtkWidget *child = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child));
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_VIEWPORT (view))
    view = gtk_viewport_get_child (GTK_VIEWPORT (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Someone edits the post on the site: Update stops and shows what they
 * changed; keeping the site's sends nothing, opening the site's version
 * makes a new article, replacing publishes ours over it. */
static void
test_conflict (void)
{
  g_autofree char *path = NULL;
  g_autofree char *link = NULL;
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(JsonObject) post = NULL;
  CdWindow *window;
  CdArticle *article;
  CdPublication *record;
  AdwMessageDialog *conflict;
  GtkWidget *publish;
  gint64 post_id;
  guint n_windows;

  if (cd_site_list_lookup (cd_sites_get_list (), SITE_NAME) == NULL)
    add_site (NULL, FALSE);

  window = open_sample_copy (&path);
  article = cd_document_get_article (cd_window_get_document (window));
  link = publish_through_button (window, cd_wp_post_status_for_article (article)[0] == 'd'
                                 ? "_Save as Draft" : "_Publish", NULL);
  record = cd_article_lookup_publication (article, info_string (NULL, "url"));
  post_id = cd_publication_get_post_id (record);

  /* An editor changes the title on the site, a second after the push at
   * least: WordPress keeps times to the second, and the edit's revision
   * must not pass for the one the push made. The post's modified time is
   * then set apart from the push's, so that the conflict cannot depend on
   * the clock either. */
  code = g_strdup_printf ("sleep (1); wp_update_post (array ('ID' => %" G_GINT64_FORMAT ", "
                          "'post_title' => 'Ferry delayed again, says the site')); "
                          "global $wpdb; $wpdb->update ($wpdb->posts, "
                          "array ('post_modified_gmt' => '2001-01-01 00:00:00', "
                          "'post_modified' => '2001-01-01 00:00:00'), "
                          "array ('ID' => %" G_GINT64_FORMAT ")); clean_post_cache (%" G_GINT64_FORMAT ");",
                          post_id, post_id, post_id);
  site_php (code);

  headline = g_strdup_printf ("%s (updated)", cd_article_get_headline (article));
  cd_article_set_headline (article, headline);

  /* Update: the conflict, with the site's title in it. */
  cd_publish_button_popup (window->publish_button);
  publish = template_child (window->publish_button, CD_TYPE_PUBLISH_BUTTON, "publish_button");
  cd_ui_test_wait_for_mapped (publish);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (publish)), ==, "_Update");
  g_signal_emit_by_name (publish, "clicked");
  cd_ui_test_wait_for (conflict_shown_cb, window, 120000, "the conflict dialog");
  conflict = cd_ui_test_find_message_dialog (GTK_WINDOW (window), "The Post Was Changed on " SITE_NAME);
  text = dialog_text (conflict);
  g_test_message ("site changes:\n%s", text);
  g_assert_nonnull (strstr (text, "Ferry delayed again, says the site"));
  cd_ui_test_wait_for_frames (GTK_WIDGET (conflict));
  {
    g_autofree char *shot = cd_ui_test_screenshot (GTK_WIDGET (conflict), "conflict-dialog");
    g_test_message ("screenshot: %s", shot);
    screen_shot ("conflict-dialog");
  }

  /* Keep the site's: nothing is sent. */
  cd_ui_test_respond (conflict, "keep");
  post = fetch_post (post_id);
  g_assert_cmpstr (rendered (post, "title"), ==, "Ferry delayed again, says the site");
  g_clear_pointer (&post, json_object_unref);

  /* Open the site's version: a new window with the site's title. */
  g_signal_emit_by_name (publish, "clicked");
  cd_ui_test_wait_for (conflict_shown_cb, window, 120000, "the conflict dialog again");
  conflict = cd_ui_test_find_message_dialog (GTK_WINDOW (window), "The Post Was Changed on " SITE_NAME);
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  cd_ui_test_respond (conflict, "open");
  {
    GtkWindow *opened = gtk_application_get_active_window (GTK_APPLICATION (app));
    CdArticle *theirs;

    g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows + 1);
    g_assert_true (CD_IS_WINDOW (opened) && opened != GTK_WINDOW (window));
    theirs = cd_document_get_article (cd_window_get_document (CD_WINDOW (opened)));
    g_assert_cmpstr (cd_article_get_headline (theirs), ==, "Ferry delayed again, says the site");
    /* Whole, with the site's section and tags, not only its text. */
    {
      CdArticle *mine = cd_document_get_article (cd_window_get_document (window));

      /* The Author account may not create the section "Local": the post is
       * in the site's default category, and so is the site's version. */
      g_assert_cmpstr (cd_article_get_section (theirs), ==, "Uncategorized");
      g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (theirs)), ==,
                        g_list_model_get_n_items (cd_article_get_tags (mine)));
    }
    /* Linked to the same post, so that publishing it updates that post. */
    g_assert_cmpint (cd_publication_get_post_id (cd_article_lookup_publication (theirs, info_string (NULL, "url"))),
                     ==, post_id);
    close_window (CD_WINDOW (opened));
  }

  /* Replace with mine: our headline goes to the site. */
  cd_publish_button_popup (window->publish_button);
  cd_ui_test_wait_for_mapped (publish);
  g_signal_emit_by_name (publish, "clicked");
  cd_ui_test_wait_for (conflict_shown_cb, window, 120000, "the conflict dialog once more");
  conflict = cd_ui_test_find_message_dialog (GTK_WINDOW (window), "The Post Was Changed on " SITE_NAME);
  cd_ui_test_respond (conflict, "replace");
  cd_ui_test_wait_for (publish_finished_cb, window, 120000, "the replacing publish to finish");
  post = fetch_post (post_id);
  g_assert_cmpstr (rendered (post, "title"), ==, headline);

  close_window (window);
}

static CdOpenSiteDialog *
find_open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CD_IS_OPEN_SITE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return CD_OPEN_SITE_DIALOG (window);
    }
  return NULL;
}

static gboolean
open_dialog_shown_cb (gpointer data)
{
  return find_open_dialog () != NULL;
}

typedef struct
{
  GtkWidget  *list_box;
  const char *title;   /* the only row wanted, or NULL: any rows */
} RowsWait;

static gboolean
rows_shown_cb (gpointer data)
{
  RowsWait *wait = data;
  GtkWidget *first = gtk_widget_get_first_child (wait->list_box);

  if (first == NULL || !gtk_widget_get_mapped (first))
    return FALSE;
  if (wait->title == NULL)
    return TRUE;
  return gtk_widget_get_next_sibling (first) == NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), wait->title) == 0;
}

static gboolean
headline_is_cb (gpointer data)
{
  CdWindow *window = data;
  const char *wanted = g_object_get_data (G_OBJECT (window), "wanted-headline");
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));

  return g_strcmp0 (cd_article_get_headline (article), wanted) == 0;
}

/* File ▸ Open from Site…: the site's posts, searched by title; opening one
 * makes a new unsaved article linked to that post. */
static void
test_open_from_site (void)
{
  g_autofree char *path = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *title = NULL;
  CdWindow *published;
  CdWindow *window;
  CdOpenSiteDialog *dialog;
  CdArticle *article;
  CdPublication *record;
  GtkWidget *list_box;
  GtkWidget *search;
  RowsWait wait = { 0 };
  gint64 post_id;

  if (cd_site_list_lookup (cd_sites_get_list (), SITE_NAME) == NULL)
    add_site (NULL, FALSE);

  /* A post with a title of its own to search for. */
  published = open_sample_copy (&path);
  article = cd_document_get_article (cd_window_get_document (published));
  title = g_strdup ("Quayside pontoon reopens after repairs");
  cd_article_set_headline (article, title);
  give_own_identity (article);
  g_free (publish_through_button (published, cd_wp_post_status_for_article (article)[0] == 'd'
                                  ? "_Save as Draft" : "_Publish", NULL));
  post_id = cd_publication_get_post_id (cd_article_lookup_publication (article, info_string (NULL, "url")));
  close_window (published);

  window = cd_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  g_assert_true (cd_window_is_unused (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-from-site", NULL);
  cd_ui_test_wait_for (open_dialog_shown_cb, NULL, CD_UI_TEST_TIMEOUT_MS, "the Open from Site dialog");
  dialog = find_open_dialog ();
  list_box = template_child (dialog, CD_TYPE_OPEN_SITE_DIALOG, "list_box");
  search = template_child (dialog, CD_TYPE_OPEN_SITE_DIALOG, "search_entry");

  wait.list_box = list_box;
  cd_ui_test_wait_for (rows_shown_cb, &wait, 60000, "the site's posts");
  cd_ui_test_wait_for_frames (GTK_WIDGET (dialog));
  {
    g_autofree char *shot = cd_ui_test_screenshot (GTK_WIDGET (dialog), "open-from-site");
    g_test_message ("screenshot: %s", shot);
    screen_shot ("open-from-site");
  }

  gtk_editable_set_text (GTK_EDITABLE (search), "pontoon reopens");
  wait.title = title;
  cd_ui_test_wait_for (rows_shown_cb, &wait, 60000, "the search to find the one post");

  g_object_set_data (G_OBJECT (window), "wanted-headline", title);
  gtk_widget_activate (gtk_widget_get_first_child (list_box));
  cd_ui_test_wait_for (headline_is_cb, window, 60000, "the post to open in the unused window");

  /* A new, unsaved article linked to the post. */
  g_assert_null (cd_document_get_file (cd_window_get_document (window)));
  g_assert_true (cd_document_get_modified (cd_window_get_document (window)));
  record = cd_article_lookup_publication (cd_document_get_article (cd_window_get_document (window)),
                                          info_string (NULL, "url"));
  g_assert_nonnull (record);
  g_assert_cmpint (cd_publication_get_post_id (record), ==, post_id);
  g_assert_null (find_open_dialog ());

  close_window (window);
}

static gboolean
error_dialog_shown_cb (gpointer data)
{
  CdWindow *window = data;

  return window->publish_cancellable == NULL &&
         cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Could Not Publish") != NULL;
}

/* The site is down: the publisher's message is shown, and the article and
 * its file are as they were. */
static void
test_site_down (void)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shot = NULL;
  CdWindow *window;
  CdArticle *article;
  GtkWidget *publish;
  AdwMessageDialog *dialog;

  if (cd_site_list_lookup (cd_sites_get_list (), SITE_NAME) == NULL)
    add_site (NULL, FALSE);

  window = open_sample_copy (&path);
  article = cd_document_get_article (cd_window_get_document (window));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_null (cd_article_lookup_publication (article, info_string (NULL, "url")));

  site_web ("stop-web");
  cd_publish_button_popup (window->publish_button);
  publish = template_child (window->publish_button, CD_TYPE_PUBLISH_BUTTON, "publish_button");
  cd_ui_test_wait_for_mapped (publish);
  g_signal_emit_by_name (publish, "clicked");
  {
    AdwMessageDialog *problems = NULL;
    gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

    /* The sample may have problems that ask first; publish anyway. */
    while (!error_dialog_shown_cb (window) && g_get_monotonic_time () < end)
      {
        problems = cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Publish With Problems?");
        if (problems != NULL)
          cd_ui_test_respond (problems, "publish");
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  cd_ui_test_wait_for (error_dialog_shown_cb, window, 1000, "the publish's error");
  dialog = cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Could Not Publish");
  g_test_message ("error: %s", adw_message_dialog_get_body (dialog));
  /* It names the site. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), SITE_NAME));
  cd_ui_test_wait_for_frames (GTK_WIDGET (dialog));
  shot = cd_ui_test_screenshot (GTK_WIDGET (dialog), "publish-error");
  g_test_message ("screenshot: %s", shot);
  screen_shot ("publish-error");
  cd_ui_test_respond (dialog, "close");
  site_web ("start-web");

  /* Nothing changed: no record, the file as it was, Publish ready again. */
  g_assert_null (cd_article_lookup_publication (article, info_string (NULL, "url")));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  cd_publish_button_popup (window->publish_button);
  cd_ui_test_wait_for_mapped (publish);
  g_assert_true (gtk_widget_is_sensitive (publish));
  cd_publish_button_popdown (window->publish_button);

  close_window (window);
}

static gboolean
publish_idle_cb (gpointer data)
{
  return CD_WINDOW (data)->publish_cancellable == NULL;
}

/* Cancel in the popover stops the publish: no record, no message, the
 * form back. */
static void
test_cancel (void)
{
  g_autofree char *path = NULL;
  CdWindow *window;
  CdArticle *article;
  GtkWidget *publish;
  GtkWidget *stack;
  GListModel *issues;

  if (cd_site_list_lookup (cd_sites_get_list (), SITE_NAME) == NULL)
    add_site (NULL, FALSE);

  window = open_sample_copy (&path);
  article = cd_document_get_article (cd_window_get_document (window));
  issues = cd_window_check (window);
  /* The sample is ready: Publish starts at once, with no question. */
  g_assert_true (cd_preflight_is_ready (issues));
  g_object_unref (issues);

  cd_publish_button_popup (window->publish_button);
  publish = template_child (window->publish_button, CD_TYPE_PUBLISH_BUTTON, "publish_button");
  stack = template_child (window->publish_button, CD_TYPE_PUBLISH_BUTTON, "stack");
  cd_ui_test_wait_for_mapped (publish);
  g_signal_emit_by_name (publish, "clicked");
  g_assert_nonnull (window->publish_cancellable);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "progress");
  /* Before the main loop runs again: nothing can have finished. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-cancel", NULL);
  cd_ui_test_wait_for (publish_idle_cb, window, 60000, "the cancelled publish to end");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "form");
  g_assert_null (cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Could Not Publish"));
  g_assert_null (cd_article_lookup_publication (article, info_string (NULL, "url")));

  close_window (window);
}

static gboolean
close_question_shown_cb (gpointer data)
{
  return cd_ui_test_find_message_dialog (GTK_WINDOW (data), "Publishing to " SITE_NAME "…") != NULL;
}

static gboolean
window_gone_cb (gpointer data)
{
  return *(CdWindow **) data == NULL;
}

typedef struct
{
  CdArticle  *article;
  const char *url;
  char       *modified_before;
} RecordWatch;

/* The publish that the closed window started has put a new record into
 * the article (it may also have been stopped before writing: then never). */
static gboolean
record_updated_cb (gpointer data)
{
  RecordWatch *watch = data;
  CdPublication *record = cd_article_lookup_publication (watch->article, watch->url);

  return record != NULL
         && g_strcmp0 (cd_publication_get_modified_gmt (record), watch->modified_before) != 0;
}

/* Closing the window while it publishes asks first; Cancel keeps the
 * window and lets the publish finish. Closing anyway stops it, and a
 * publish ending after the window is gone touches no widget of it. */
static void
test_close_while_publishing (void)
{
  g_autofree char *path = NULL;
  g_autofree char *link = NULL;
  g_autoptr(CdDocument) document = NULL;
  CdWindow *window;
  CdWindow *weak = NULL;
  AdwMessageDialog *question;
  GtkWidget *publish;
  RecordWatch watch = { 0 };
  CdArticle *article;
  gboolean updated;

  if (cd_site_list_lookup (cd_sites_get_list (), SITE_NAME) == NULL)
    add_site (NULL, FALSE);

  window = open_sample_copy (&path);
  article = cd_document_get_article (cd_window_get_document (window));
  give_own_identity (article);

  cd_publish_button_popup (window->publish_button);
  publish = template_child (window->publish_button, CD_TYPE_PUBLISH_BUTTON, "publish_button");
  cd_ui_test_wait_for_mapped (publish);
  g_signal_emit_by_name (publish, "clicked");
  g_assert_nonnull (window->publish_cancellable);
  gtk_window_close (GTK_WINDOW (window));
  cd_ui_test_wait_for (close_question_shown_cb, window, 10000, "the question about closing");
  question = cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Publishing to " SITE_NAME "…");
  cd_ui_test_respond (question, "cancel");
  cd_ui_test_wait_for (publish_finished_cb, window, 120000, "the publish to finish");
  g_assert_nonnull (find_label (GTK_WIDGET (window->toast_overlay), "Published to"));
  g_assert_nonnull (cd_article_lookup_publication (article, info_string (NULL, "url")));
  cd_ui_test_wait_for (saved_cb, window, 30000, "the link to the post to be saved");

  /* Update, and close anyway. */
  document = g_object_ref (cd_window_get_document (window));
  watch.article = article;
  watch.url = info_string (NULL, "url");
  watch.modified_before = g_strdup (cd_publication_get_modified_gmt (
    cd_article_lookup_publication (article, watch.url)));
  cd_publish_button_popup (window->publish_button);
  cd_ui_test_wait_for_mapped (publish);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (publish)), ==, "_Update");
  g_signal_emit_by_name (publish, "clicked");
  g_assert_nonnull (window->publish_cancellable);
  g_set_weak_pointer (&weak, window);
  /* GTK 4.8 leaves a source of the popover's running when its window is
   * destroyed with it open; the user's click on the close button has
   * closed it first anyway. */
  cd_publish_button_popdown (window->publish_button);
  cd_ui_test_flush ();
  gtk_window_close (GTK_WINDOW (window));
  cd_ui_test_wait_for (close_question_shown_cb, window, 10000, "the question about closing again");
  question = cd_ui_test_find_message_dialog (GTK_WINDOW (window), "Publishing to " SITE_NAME "…");
  cd_ui_test_respond (question, "close");
  cd_ui_test_wait_for (window_gone_cb, &weak, 30000, "the window to close");
  /* Whether the update was written before the cancel stopped it is a
   * race; either way nothing may crash, and a written update's record
   * reaches the article. */
  updated = cd_ui_test_wait_until (record_updated_cb, &watch, 20000);
  g_test_message ("the update %s before the window closed", updated ? "was written" : "was stopped");
  g_free (watch.modified_before);
  cd_document_discard_recovery (document);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_home = cd_ui_test_make_home ("publish");

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  if (load_site_info ())
    {
      g_test_add_func ("/publish/sites/wrong-password", test_add_site_wrong_password);
      g_test_add_func ("/publish/sites/browser-sign-in", test_browser_sign_in);
      g_test_add_func ("/publish/sites/application-password", test_add_site);
      g_test_add_func ("/publish/window/publish-and-update", test_publish);
      g_test_add_func ("/publish/window/conflict", test_conflict);
      g_test_add_func ("/publish/window/open-from-site", test_open_from_site);
      g_test_add_func ("/publish/window/site-down", test_site_down);
      g_test_add_func ("/publish/window/cancel", test_cancel);
      g_test_add_func ("/publish/window/close-while-publishing", test_close_while_publishing);
    }
  else
    g_test_skip ("needs a WordPress site (COPYDESK_TEST_WP_INFO): run it in suite publish");

  status = g_test_run ();

  g_clear_pointer (&site_info, json_object_unref);
  g_clear_object (&app);
  cd_ui_test_finish_home (tmp_home);
  return status;
}
