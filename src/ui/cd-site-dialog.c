/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#define G_LOG_DOMAIN "copydesk-sites"

#include "config.h"

#include <glib/gi18n.h>

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
finish_busy (CdSiteDialog *self)
{
  g_clear_object (&self->cancellable);
  g_clear_object (&self->site);
  update_sensitivity (self);
}

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CdSiteDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdSiteEntry) entry = NULL;
  g_autofree char *url = NULL;
  g_autofree char *name = NULL;

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

  url = dup_url (self);
  name = g_strstrip (g_strdup (row_text (self->name_row)));
  entry = cd_site_entry_new (name, url, row_text (self->user_row));
  /* The check goes first so that the new row in Preferences shows it. */
  cd_sites_remember_account (url, g_steal_pointer (&self->account));
  if (!cd_site_list_add (cd_sites_get_list (), entry, &error))
    {
      /* Nothing is kept half: the password goes again with the site. */
      cd_site_secret_clear_sync (url, row_text (self->user_row), NULL, NULL);
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
  g_autofree char *url = NULL;

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

  url = dup_url (self);
  show_message (self, _("Keeping the password in your keyring…"), FALSE);
  cd_site_secret_store_async (url, row_text (self->user_row), row_text (self->password_row),
                              self->cancellable, store_done_cb, g_object_ref (self));
}

static void
add_clicked_cb (CdSiteDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = dup_url (self);
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));

  if (is_busy (self) || !gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;

  if (cd_site_list_lookup (cd_sites_get_list (), name) != NULL)
    {
      /* Translators: %s is the name the user typed for a site. */
      g_autofree char *message = g_strdup_printf (_("You already have a site called “%s”. "
                                                    "Choose another name."), name);
      show_message (self, message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  self->site = cd_wp_site_new (name, url, row_text (self->user_row),
                               row_text (self->password_row), &error);
  if (self->site == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  show_message (self, _("Checking the site and your account…"), FALSE);
  update_sensitivity (self);
  cd_wp_site_check_async (self->site, self->cancellable, check_done_cb, g_object_ref (self));
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

static void
browser_clicked_cb (CdSiteDialog *self)
{
  g_autofree char *url = dup_url (self);
  g_autofree char *base = g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
  g_autofree char *app_name = g_uri_escape_string ("Copydesk", NULL, FALSE);
  g_autofree char *success = g_uri_escape_string (CD_SITE_DIALOG_CALLBACK, NULL, FALSE);
  g_autofree char *page = NULL;

  page = g_strdup_printf ("%swp-admin/authorize-application.php?app_name=%s&app_id=%s&success_url=%s",
                          base, app_name, CD_SITE_DIALOG_APP_ID, success);
  cd_site_dialog_await_sign_in (self);
  gtk_show_uri (GTK_WINDOW (self), page, GDK_CURRENT_TIME);
}

void
cd_site_dialog_await_sign_in (CdSiteDialog *self)
{
  g_return_if_fail (CD_IS_SITE_DIALOG (self));

  waiting_dialog = self;
  show_message (self, _("Approve Copydesk on the page that opened in your browser. "
                        "This window fills in the rest."), FALSE);
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

  if (self == NULL)
    return FALSE;

  gtk_window_present (GTK_WINDOW (self));
  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  query = parsed != NULL ? g_uri_get_query (parsed) : NULL;
  if (query != NULL)
    params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);

  if (params == NULL || g_strcmp0 (g_hash_table_lookup (params, "success"), "false") == 0)
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

  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  add_clicked_cb (self);
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
