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

static gboolean
dialog_idle_cb (gpointer data)
{
  return !gtk_widget_get_visible (template_child (data, CD_TYPE_SITE_DIALOG, "spinner"));
}

static const char *
row_value (GtkWidget  *dialog,
           const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (template_child (dialog, CD_TYPE_SITE_DIALOG, name)));
}

/* Adding an account that is already in the list, under another name, is
 * refused before anything is checked or kept: the keyring item for the
 * address and user is the existing site's, and replacing or clearing it
 * would take that site's password. */
static void
test_dialog_duplicate_account (void)
{
  g_autoptr(CdSiteEntry) entry = cd_site_entry_new ("Gazette", "http://127.0.0.1:9/", "ada");
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *add;
  GtkWidget *message;

  cd_site_list_add (cd_sites_get_list (), entry, &error);
  g_assert_no_error (error);

  dialog = cd_site_dialog_new (NULL);
  add = template_child (dialog, CD_TYPE_SITE_DIALOG, "add_button");
  message = template_child (dialog, CD_TYPE_SITE_DIALOG, "message_label");
  gtk_window_present (GTK_WINDOW (dialog));
  cd_ui_test_wait_for_mapped (dialog);
  set_row (dialog, "name_row", "Gazette Again");
  set_row (dialog, "url_row", "http://127.0.0.1:9");
  set_row (dialog, "user_row", "ada");
  set_row (dialog, "password_row", "abcd efgh ijkl mnop qrst uvwx");
  g_signal_emit_by_name (add, "clicked");

  /* Said at once, with the site that has the account; no check started. */
  g_test_message ("message: %s", gtk_label_get_text (GTK_LABEL (message)));
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "Gazette"));
  g_assert_true (dialog_idle_cb (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cd_sites_get_list ())), ==, 1);

  cd_ui_test_destroy_window (GTK_WINDOW (dialog));
  cd_site_list_remove (cd_sites_get_list (), "Gazette", &error);
  g_assert_no_error (error);
}

static void
send_callback (const char *state,
               const char *site_url,
               const char *user)
{
  g_autofree char *escaped = g_uri_escape_string (site_url, NULL, FALSE);
  g_autofree char *uri = NULL;

  uri = g_strdup_printf (CD_SITE_DIALOG_CALLBACK "?%s%s%ssite_url=%s&user_login=%s&password=abcd",
                         state != NULL ? "state=" : "", state != NULL ? state : "",
                         state != NULL ? "&" : "", escaped, user);
  g_assert_true (cd_site_dialog_receive_callback (uri));
}

/* The browser sign-in's answer is taken only with the state this sign-in
 * sent, only from the site it asked, once, and never while a check runs:
 * a second copydesk://authorize during the check would otherwise replace
 * the account that is being checked, and be kept unchecked. */
static void
test_callback_checks (void)
{
  CdSiteDialog *dialog = CD_SITE_DIALOG (cd_site_dialog_new (NULL));
  GtkWidget *message = template_child (dialog, CD_TYPE_SITE_DIALOG, "message_label");
  g_autofree char *state = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (dialog));
  set_row (GTK_WIDGET (dialog), "name_row", "Closed");
  set_row (GTK_WIDGET (dialog), "url_row", "http://127.0.0.1:9/");
  cd_site_dialog_await_sign_in (dialog);
  state = g_strdup (cd_site_dialog_get_sign_in_state (dialog));
  g_assert_nonnull (state);
  g_assert_cmpuint (strlen (state), >=, 16);

  /* Without the state: not taken, and said. */
  send_callback (NULL, "http://127.0.0.1:9/", "eve");
  g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "user_row"), ==, "");
  g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "password_row"), ==, "");
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_assert_true (dialog_idle_cb (dialog));

  /* From another site: not taken, and the sign-in is over. */
  send_callback (state, "https://elsewhere.example/", "eve");
  g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "user_row"), ==, "");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "elsewhere.example"));
  g_assert_null (cd_site_dialog_get_sign_in_state (dialog));
  send_callback (state, "http://127.0.0.1:9/", "eve");
  g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "user_row"), ==, "");

  /* The right answer starts the check; one that follows during it changes
   * nothing. */
  cd_site_dialog_await_sign_in (dialog);
  g_free (state);
  state = g_strdup (cd_site_dialog_get_sign_in_state (dialog));
  send_callback (state, "http://127.0.0.1:9", "ada");
  g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "user_row"), ==, "ada");
  g_assert_false (dialog_idle_cb (dialog));
  send_callback (state, "http://127.0.0.1:9/", "eve");
  g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "user_row"), ==, "ada");

  /* Nothing answers there: the check fails, and the same answer again is
   * not taken, as that sign-in is over. */
  cd_ui_test_wait_for (dialog_idle_cb, dialog, 60000, "the check to fail");
  send_callback (state, "http://127.0.0.1:9/", "eve");
  g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "user_row"), ==, "ada");
  g_assert_true (dialog_idle_cb (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cd_sites_get_list ())), ==, 0);

  cd_ui_test_destroy_window (GTK_WINDOW (dialog));
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
 * Sites shows it, and its row says what is wrong: here, that the keyring
 * has no password for it (there is no keyring in this suite). The window
 * never takes COPYDESK_WP_PASSWORD, even for the user COPYDESK_WP_USER
 * names: a shell that exported it for one pipeline must not send it to
 * every site. */
static void
test_sites_page_checks (void)
{
  g_autoptr(CdSiteEntry) entry = cd_site_entry_new ("Closed", "http://127.0.0.1:9/", "ada");
  g_autoptr(GError) error = NULL;
  GtkWidget *preferences;
  GtkLabel *label;

  g_setenv ("COPYDESK_WP_PASSWORD", "abcd efgh ijkl mnop qrst uvwx", TRUE);
  g_setenv ("COPYDESK_WP_USER", "ada", TRUE);
  cd_site_list_add (cd_sites_get_list (), entry, &error);
  g_assert_no_error (error);

  preferences = cd_preferences_window_new (NULL, cd_application_get_settings (app));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sites");
  gtk_window_present (GTK_WINDOW (preferences));
  cd_ui_test_wait_for_mapped (preferences);
  cd_ui_test_wait_for (row_checked_cb, preferences, 60000, "the site's row to say how its check went");
  label = find_label (preferences, "http://127.0.0.1:9/ · signed in as ada");
  g_test_message ("row: %s", gtk_label_get_text (label));
  /* The site was not asked: without a password from the keyring there is
   * nothing to ask it with. */
  g_assert_nonnull (strstr (gtk_label_get_text (label), "keyring"));
  g_assert_null (strstr (gtk_label_get_text (label), "cannot be reached"));
  cd_ui_test_destroy_window (GTK_WINDOW (preferences));

  cd_site_list_remove (cd_sites_get_list (), "Closed", &error);
  g_assert_no_error (error);
  g_unsetenv ("COPYDESK_WP_PASSWORD");
  g_unsetenv ("COPYDESK_WP_USER");
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
  g_test_add_func ("/sites/dialog-duplicate-account", test_dialog_duplicate_account);
  g_test_add_func ("/sites/callback-checks", test_callback_checks);
  g_test_add_func ("/sites/describe-account", test_describe_account);
  g_test_add_func ("/sites/page-empty", test_sites_page_empty);
  g_test_add_func ("/sites/page-checks", test_sites_page_checks);

  status = g_test_run ();

  g_clear_object (&app);
  cd_ui_test_finish_home (tmp_home);
  return status;
}
