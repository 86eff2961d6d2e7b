/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#define G_LOG_DOMAIN "copydesk-sites"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-publication.h"
#include "cd-site-dialog.h"
#include "cd-site-list.h"
#include "cd-sites-page.h"

struct _CdSiteDialog
{
  AdwWindow     parent_instance;

  AdwEntryRow  *name_row;
  AdwEntryRow  *url_row;
  AdwEntryRow  *user_row;
  AdwEntryRow  *password_row;
  GtkButton    *add_button;
  GtkButton    *cancel_button;
  GtkButton    *browser_button;
  GtkSpinner   *spinner;
  GtkLabel     *message_label;

  GCancellable *cancellable;   /* the check and the keyring; NULL when idle */
  CdWpSite     *site;          /* the site being checked */
  CdWpAccount  *account;       /* what the check found, until it is kept */

  /* What Add checks and keeps, taken from the rows when the check starts:
   * nothing that changes the rows afterwards reaches the keyring. */
  char         *pending_name;
  char         *pending_url;
  char         *pending_user;
  char         *pending_password;

  /* The browser sign-in under way: the random value sent with the return
   * address, which the answer must bring back, and the address the
   * authorize page was opened for. NULL when none is under way. */
  char         *sign_in_state;
  char         *sign_in_url;
};

G_DEFINE_FINAL_TYPE (CdSiteDialog, cd_site_dialog, ADW_TYPE_WINDOW)

/* The dialog that sent the user to the browser, waiting for the answer. */
static CdSiteDialog *waiting_dialog;

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The address as typed, with https:// when the user left the scheme out. */
static char *
dup_url (CdSiteDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (row_text (self->url_row)));

  if (text[0] != '\0' && strstr (text, "://") == NULL)
    return g_strconcat ("https://", text, NULL);
  return g_steal_pointer (&text);
}

static void
show_message (CdSiteDialog *self,
              const char   *message,
              gboolean      is_error)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static gboolean
is_busy (CdSiteDialog *self)
{
  return self->cancellable != NULL;
}

static void
update_sensitivity (CdSiteDialog *self)
{
  gboolean busy = is_busy (self);
  g_autofree char *url = dup_url (self);
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  gboolean has_site = name[0] != '\0' && url[0] != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            !busy && has_site &&
                            row_text (self->user_row)[0] != '\0' &&
                            row_text (self->password_row)[0] != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->browser_button), !busy && has_site);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
fields_changed_cb (CdSiteDialog *self)
{
  update_sensitivity (self);
}

static void
clear_password (char **password)
{
  if (*password != NULL)
    explicit_bzero (*password, strlen (*password));
  g_clear_pointer (password, g_free);
}

static void
clear_pending (CdSiteDialog *self)
{
  g_clear_pointer (&self->pending_name, g_free);
  g_clear_pointer (&self->pending_url, g_free);
  g_clear_pointer (&self->pending_user, g_free);
  clear_password (&self->pending_password);
}

static void
finish_busy (CdSiteDialog *self)
{
  g_clear_object (&self->cancellable);
  g_clear_object (&self->site);
  clear_pending (self);
  update_sensitivity (self);
}

static void
end_sign_in (CdSiteDialog *self)
{
  g_clear_pointer (&self->sign_in_state, g_free);
  g_clear_pointer (&self->sign_in_url, g_free);
}

/* The entry of the list that has this account on this site, if any. */
static CdSiteEntry *
find_account (const char *url,
              const char *user)
{
  GListModel *list = G_LIST_MODEL (cd_sites_get_list ());
  g_autofree char *normalized = cd_publication_normalize_site (url);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdSiteEntry) entry = g_list_model_get_item (list, i);

      if (g_strcmp0 (cd_site_entry_get_url (entry), normalized != NULL ? normalized : url) == 0
          && g_strcmp0 (cd_site_entry_get_user (entry), user) == 0)
        return entry;
    }
  return NULL;
}

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CdSiteDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdSiteEntry) entry = NULL;

  if (!cd_site_secret_store_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message =
            g_strdup_printf (_("Could not keep the password in your keyring: %s"), error->message);
          show_message (self, message, TRUE);
        }
      g_clear_pointer (&self->account, cd_wp_account_free);
      finish_busy (self);
      return;
    }

  entry = cd_site_entry_new (self->pending_name, self->pending_url, self->pending_user);
  /* The check goes first so that the new row in Preferences shows it. */
  cd_sites_remember_account (self->pending_url, g_steal_pointer (&self->account));
  if (!cd_site_list_add (cd_sites_get_list (), entry, &error))
    {
      /* Nothing is kept half: the password goes again with the site, but
       * only when no site of the list has this account (someone may have
       * added it meanwhile), as the password is then that site's. */
      if (find_account (self->pending_url, self->pending_user) == NULL)
        cd_site_secret_clear_sync (self->pending_url, self->pending_user, NULL, NULL);
      show_message (self, error->message, TRUE);
      finish_busy (self);
      return;
    }

  finish_busy (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CdSiteDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->account = cd_wp_site_check_finish (CD_WP_SITE (object), result, &error);
  if (self->account == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, TRUE);
      finish_busy (self);
      /* The field to correct is where the user types next. */
      if (g_error_matches (error, CD_WP_ERROR, CD_WP_ERROR_UNAUTHORIZED))
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      else if (error->domain == CD_WP_ERROR)
        gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return;
    }

  /* Another site with this account may have been added while the check
   * ran: its password is not replaced. */
  if (find_account (self->pending_url, self->pending_user) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” already has this account on this site. Remove it first in "
                           "Preferences ▸ Sites to add it again."),
                         cd_site_entry_get_name (find_account (self->pending_url, self->pending_user)));

      g_clear_pointer (&self->account, cd_wp_account_free);
      show_message (self, message, TRUE);
      finish_busy (self);
      return;
    }

  show_message (self, _("Keeping the password in your keyring…"), FALSE);
  cd_site_secret_store_async (self->pending_url, self->pending_user, self->pending_password,
                              self->cancellable, store_done_cb, g_object_ref (self));
}

/* Checks the account given by the rows, then keeps it. Only what the rows
 * say now is checked and kept. */
static void
start_check (CdSiteDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = dup_url (self);
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  const char *user = row_text (self->user_row);
  CdSiteEntry *existing;

  if (is_busy (self))
    return;

  /* Both duplicates are refused before anything is checked or stored: the
   * keyring item of an account is its site's, and adding it again would
   * replace or, on failure, remove that site's password. */
  if (cd_site_list_lookup (cd_sites_get_list (), name) != NULL)
    {
      /* Translators: %s is the name the user typed for a site. */
      g_autofree char *message = g_strdup_printf (_("You already have a site called “%s”. "
                                                    "Choose another name."), name);
      show_message (self, message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  existing = find_account (url, user);
  if (existing != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” already has this account on this site. Remove it first in "
                           "Preferences ▸ Sites to add it again."),
                         cd_site_entry_get_name (existing));

      show_message (self, message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
      return;
    }

  self->site = cd_wp_site_new (name, url, user, row_text (self->password_row), &error);
  if (self->site == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }

  self->pending_name = g_steal_pointer (&name);
  self->pending_url = g_steal_pointer (&url);
  self->pending_user = g_strdup (user);
  self->pending_password = g_strdup (row_text (self->password_row));
  self->cancellable = g_cancellable_new ();
  show_message (self, _("Checking the site and your account…"), FALSE);
  update_sensitivity (self);
  cd_wp_site_check_async (self->site, self->cancellable, check_done_cb, g_object_ref (self));
}

static void
add_clicked_cb (CdSiteDialog *self)
{
  if (is_busy (self) || !gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;
  start_check (self);
}

static void
cancel_clicked_cb (CdSiteDialog *self)
{
  if (is_busy (self))
    {
      /* The first click stops the check; the dialog stays for a retry. */
      g_cancellable_cancel (self->cancellable);
      show_message (self, NULL, FALSE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * cd_site_dialog_begin_sign_in:
 *
 * Starts a sign-in with a new state and returns the site's authorize page
 * to open in the browser: WordPress's authorize-application.php, which
 * sends the browser back to copydesk://authorize with the user name and a
 * new Application Password.
 *
 * Returns: (transfer full): the page's address
 */
char *
cd_site_dialog_begin_sign_in (CdSiteDialog *self)
{
  g_autofree char *url = NULL;
  g_autofree char *base = NULL;
  g_autofree char *app_name = g_uri_escape_string ("Copydesk", NULL, FALSE);
  g_autofree char *success = NULL;
  g_autofree char *callback = NULL;

  g_return_val_if_fail (CD_IS_SITE_DIALOG (self), NULL);

  url = dup_url (self);
  base = g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
  cd_site_dialog_await_sign_in (self);
  /* WordPress adds its answer to this address's query and keeps what is
   * there (add_query_arg ()), so the state comes back with it. */
  callback = g_strconcat (CD_SITE_DIALOG_CALLBACK "?state=", self->sign_in_state, NULL);
  success = g_uri_escape_string (callback, NULL, FALSE);
  return g_strdup_printf ("%swp-admin/authorize-application.php?app_name=%s&app_id=%s&success_url=%s",
                          base, app_name, CD_SITE_DIALOG_APP_ID, success);
}

static void
browser_clicked_cb (CdSiteDialog *self)
{
  g_autofree char *page = NULL;

  if (is_busy (self))
    return;
  page = cd_site_dialog_begin_sign_in (self);
  gtk_show_uri (GTK_WINDOW (self), page, GDK_CURRENT_TIME);
}

void
cd_site_dialog_await_sign_in (CdSiteDialog *self)
{
  g_return_if_fail (CD_IS_SITE_DIALOG (self));

  /* A new value for each sign-in: an answer to an earlier one, or one that
   * another page made up, is not taken. */
  end_sign_in (self);
  self->sign_in_state = g_strdup_printf ("%08x%08x%08x%08x", g_random_int (), g_random_int (),
                                         g_random_int (), g_random_int ());
  self->sign_in_url = dup_url (self);
  waiting_dialog = self;
  /* WordPress 6.1 drops a return address with the application's own
   * scheme from its form (esc_url () knows only web schemes) and shows the
   * new password on its page instead; newer sites, or sites that allow the
   * scheme, send the browser back here. */
  show_message (self, _("Approve Copydesk on the page that opened in your browser. "
                        "If the site then shows you a new password instead of coming "
                        "back here, enter your user name and that password below."), FALSE);
}

const char *
cd_site_dialog_get_sign_in_state (CdSiteDialog *self)
{
  g_return_val_if_fail (CD_IS_SITE_DIALOG (self), NULL);

  return self->sign_in_state;
}

gboolean
cd_site_dialog_receive_callback (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  CdSiteDialog *self = waiting_dialog;
  const char *query;
  const char *user;
  const char *password;
  const char *site_url;
  g_autofree char *answered_site = NULL;
  g_autofree char *asked_site = NULL;
  g_autofree char *asked_url = NULL;

  if (self == NULL)
    return FALSE;

  gtk_window_present (GTK_WINDOW (self));
  /* While a check runs, the rows and what is kept are that check's. */
  if (is_busy (self))
    {
      g_debug ("A sign-in answer came while the site was being checked: not taken");
      return TRUE;
    }

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  query = parsed != NULL ? g_uri_get_query (parsed) : NULL;
  if (query != NULL)
    params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);

  /* Only the answer to the sign-in this dialog started, once. */
  if (self->sign_in_state == NULL || params == NULL
      || g_strcmp0 (g_hash_table_lookup (params, "state"), self->sign_in_state) != 0)
    {
      show_message (self, _("Copydesk did not take an answer that does not belong to the "
                            "sign-in this window started. Sign in with the browser again."),
                    TRUE);
      return TRUE;
    }
  asked_url = g_steal_pointer (&self->sign_in_url);
  asked_site = cd_publication_normalize_site (asked_url);
  end_sign_in (self);

  if (g_strcmp0 (g_hash_table_lookup (params, "success"), "false") == 0)
    {
      show_message (self, _("The site did not give Copydesk a password: the request was "
                            "declined. Sign in again, or use an application password."), TRUE);
      return TRUE;
    }

  user = g_hash_table_lookup (params, "user_login");
  password = g_hash_table_lookup (params, "password");
  if (user == NULL || password == NULL)
    {
      show_message (self, _("The site’s answer had no user name or password. Sign in again, "
                            "or use an application password."), TRUE);
      return TRUE;
    }

  /* The password is for the site that gave it, which must be the one the
   * authorize page was opened for. */
  site_url = g_hash_table_lookup (params, "site_url");
  answered_site = site_url != NULL ? cd_publication_normalize_site (site_url) : NULL;
  if (answered_site == NULL || asked_site == NULL || g_strcmp0 (answered_site, asked_site) != 0)
    {
      /* Translators: %s is a site's address. */
      g_autofree char *message =
        g_strdup_printf (_("The answer came from %s, not from the site this window asked. "
                           "Check the address and sign in again."),
                         site_url != NULL ? site_url : "?");

      show_message (self, message, TRUE);
      return TRUE;
    }

  /* The address the authorize page was opened for, even if the row was
   * edited since. */
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), asked_url);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  start_check (self);
  return TRUE;
}

static void
cd_site_dialog_dispose (GObject *object)
{
  CdSiteDialog *self = CD_SITE_DIALOG (object);

  if (waiting_dialog == self)
    waiting_dialog = NULL;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->site);
  g_clear_pointer (&self->account, cd_wp_account_free);
  clear_pending (self);
  end_sign_in (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_SITE_DIALOG);

  G_OBJECT_CLASS (cd_site_dialog_parent_class)->dispose (object);
}

static void
cd_site_dialog_class_init (CdSiteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_site_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-site-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CdSiteDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CdSiteDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, CdSiteDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, CdSiteDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, CdSiteDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, CdSiteDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CdSiteDialog, browser_button);
  gtk_widget_class_bind_template_child (widget_class, CdSiteDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdSiteDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, browser_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_site_dialog_init (CdSiteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cd_site_dialog_new (GtkWindow *parent)
{
  return g_object_new (CD_TYPE_SITE_DIALOG, "transient-for", parent, NULL);
}
