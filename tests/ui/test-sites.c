/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The publishing widgets without a site to talk to (the real WordPress
 * tests are test-publish.c, in suite publish): the Publish popover with no
 * site, the Add Site dialog's fields and its refusal of an address that is
 * not safe, the account's description, and the browser sign-in's answer
 * when no dialog waits for it. */

#include "config.h"

#include "cd-application.h"
#include "cd-preferences-window.h"
#include "cd-publish-button.h"
#include "cd-site-dialog.h"
#include "cd-sites-page.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"

static CdApplication *app;
static char *tmp_home;

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
test_popover_without_sites (void)
{
  CdWindow *window = cd_window_new (app);
  CdPublishButton *button = window->publish_button;
  GtkWidget *popover = template_child (button, CD_TYPE_PUBLISH_BUTTON, "popover");
  GtkWidget *empty = template_child (button, CD_TYPE_PUBLISH_BUTTON, "empty_box");
  GtkWidget *publish = template_child (button, CD_TYPE_PUBLISH_BUTTON, "publish_button");
  GtkWidget *add;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cd_sites_get_list ())), ==, 0);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  cd_publish_button_popup (button);
  cd_ui_test_wait_for_mapped (popover);

  /* No site: the way to add one instead of a Publish that cannot work. */
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_false (gtk_widget_get_visible (publish));
  g_assert_null (cd_publish_button_get_site (button));
  add = cd_ui_test_find_button (popover, "_Add a Site in Preferences…");
  g_assert_nonnull (add);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (add)), ==, "app.sites");
  cd_ui_test_wait_for_frames (popover);
  {
    g_autofree char *shot = cd_ui_test_screenshot (popover, "publish-popover-no-site");
    g_test_message ("screenshot: %s", shot);
  }

  cd_publish_button_popdown (button);
  cd_ui_test_destroy_window (GTK_WINDOW (window));
}

static void
set_row (GtkWidget  *dialog,
         const char *name,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, CD_TYPE_SITE_DIALOG, name)), text);
}

static void
test_dialog_fields (void)
{
  GtkWidget *dialog = cd_site_dialog_new (NULL);
  GtkWidget *add = template_child (dialog, CD_TYPE_SITE_DIALOG, "add_button");
  GtkWidget *browser = template_child (dialog, CD_TYPE_SITE_DIALOG, "browser_button");
  GtkWidget *message = template_child (dialog, CD_TYPE_SITE_DIALOG, "message_label");

  gtk_window_present (GTK_WINDOW (dialog));
  cd_ui_test_wait_for_mapped (dialog);
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_false (gtk_widget_get_sensitive (browser));

  /* A name and an address are enough to sign in with the browser; Add
   * needs the account too. */
  set_row (dialog, "name_row", "The Gazette");
  set_row (dialog, "url_row", "http://gazette.example");
  g_assert_true (gtk_widget_get_sensitive (browser));
  g_assert_false (gtk_widget_get_sensitive (add));
  set_row (dialog, "user_row", "ada");
  set_row (dialog, "password_row", "abcd efgh ijkl mnop qrst uvwx");
  g_assert_true (gtk_widget_get_sensitive (add));

  /* http:// to a site that is not this computer is refused before anything
   * is sent, with a message, and nothing is kept. */
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_test_message ("message: %s", gtk_label_get_text (GTK_LABEL (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "https"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cd_sites_get_list ())), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (add));

  cd_ui_test_destroy_window (GTK_WINDOW (dialog));
}

static void
test_callback_without_dialog (void)
{
  /* A sign-in that arrives when no Add Site dialog waits is not taken. */
  g_assert_false (cd_site_dialog_receive_callback (CD_SITE_DIALOG_CALLBACK
                                                   "?site_url=https%3A%2F%2Fgazette.example"
                                                   "&user_login=ada&password=abcd"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cd_sites_get_list ())), ==, 0);
}

static void
test_describe_account (void)
{
  CdWpAccount *account = g_new0 (CdWpAccount, 1);
  const char *roles[] = { "author", NULL };
  g_autofree char *text = NULL;

  account->user_name = g_strdup ("Ada Reporter");
  account->roles = g_strdupv ((char **) roles);
  account->can_publish = TRUE;
  account->can_upload = TRUE;
  account->can_create_categories = FALSE;
  text = cd_sites_describe_account (account);
  g_assert_cmpstr (text, ==, "Ada Reporter · Author · may publish, may not create categories");

  /* The description is kept for the site, by address. */
  cd_sites_remember_account ("https://gazette.example/", account);
  g_assert_true (cd_sites_lookup_account ("https://gazette.example/") == account);
  g_assert_null (cd_sites_lookup_account ("https://other.example/"));
}

static void
test_sites_page_empty (void)
{
  GtkWidget *preferences = cd_preferences_window_new (NULL, cd_application_get_settings (app));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sites");
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)),
                   ==, "sites");
  gtk_window_present (GTK_WINDOW (preferences));
  cd_ui_test_wait_for_mapped (preferences);
  g_assert_nonnull (cd_ui_test_find_button (preferences, "_Add Site…"));
  cd_ui_test_wait_for_frames (preferences);
  {
    g_autofree char *shot = cd_ui_test_screenshot (preferences, "sites-page-empty");
    g_test_message ("screenshot: %s", shot);
  }
  cd_ui_test_destroy_window (GTK_WINDOW (preferences));
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
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

static gboolean
row_checked_cb (gpointer data)
{
  GtkLabel *label = find_label (data, "http://127.0.0.1:9/ · signed in as ada");

  return label != NULL && strchr (gtk_label_get_text (label), '\n') != NULL;
}

/* A site that was not checked in this run is checked when Preferences ▸
 * Sites shows it, and its row says what is wrong: here, nothing answers at
 * its address. The password comes from COPYDESK_WP_PASSWORD (no keyring in
 * this suite). */
static void
test_sites_page_checks (void)
{
  g_autoptr(CdSiteEntry) entry = cd_site_entry_new ("Closed", "http://127.0.0.1:9/", "ada");
  g_autoptr(GError) error = NULL;
  GtkWidget *preferences;
  GtkLabel *label;

  g_setenv ("COPYDESK_WP_PASSWORD", "abcd efgh ijkl mnop qrst uvwx", TRUE);
  cd_site_list_add (cd_sites_get_list (), entry, &error);
  g_assert_no_error (error);

  preferences = cd_preferences_window_new (NULL, cd_application_get_settings (app));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sites");
  gtk_window_present (GTK_WINDOW (preferences));
  cd_ui_test_wait_for_mapped (preferences);
  cd_ui_test_wait_for (row_checked_cb, preferences, 60000, "the site's row to say how its check went");
  label = find_label (preferences, "http://127.0.0.1:9/ · signed in as ada");
  g_test_message ("row: %s", gtk_label_get_text (label));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "Closed"));
  cd_ui_test_destroy_window (GTK_WINDOW (preferences));

  cd_site_list_remove (cd_sites_get_list (), "Closed", &error);
  g_assert_no_error (error);
  g_unsetenv ("COPYDESK_WP_PASSWORD");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_home = cd_ui_test_make_home ("sites");

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/sites/popover-without-sites", test_popover_without_sites);
  g_test_add_func ("/sites/dialog-fields", test_dialog_fields);
  g_test_add_func ("/sites/callback-without-dialog", test_callback_without_dialog);
  g_test_add_func ("/sites/describe-account", test_describe_account);
  g_test_add_func ("/sites/page-empty", test_sites_page_empty);
  g_test_add_func ("/sites/page-checks", test_sites_page_checks);

  status = g_test_run ();

  g_clear_object (&app);
  cd_ui_test_finish_home (tmp_home);
  return status;
}
