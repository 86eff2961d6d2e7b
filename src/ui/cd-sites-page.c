/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#define G_LOG_DOMAIN "copydesk-sites"

#include "config.h"

#include <glib/gi18n.h>

#include "copydesk-core.h"

#include "cd-site-dialog.h"
#include "cd-sites-page.h"

struct _CdSitesPage
{
  AdwPreferencesPage  parent_instance;

  GtkListBox         *list_box;
  GtkButton          *add_button;

  /* The checks of sites not checked yet in this run, for their rows. */
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (CdSitesPage, cd_sites_page, ADW_TYPE_PREFERENCES_PAGE)

/* The shared list and the checks made in this run */

static CdSiteList *site_list;
static GHashTable *accounts;   /* normalised address → CdWpAccount */

CdSiteList *
cd_sites_get_list (void)
{
  if (site_list == NULL)
    {
      g_autoptr(GError) error = NULL;

      site_list = cd_site_list_new_default ();
      /* A damaged file leaves the list empty; adding a site rewrites it,
       * so say what was wrong instead of failing quietly. */
      if (!cd_site_list_load (site_list, &error))
        g_warning ("Could not read your sites: %s", error->message);
    }

  return site_list;
}

static char *
account_key (const char *url)
{
  char *normal = cd_publication_normalize_site (url);

  return normal != NULL ? normal : g_strdup (url);
}

CdWpAccount *
cd_sites_lookup_account (const char *url)
{
  g_autofree char *key = NULL;

  if (accounts == NULL || url == NULL)
    return NULL;
  key = account_key (url);
  return g_hash_table_lookup (accounts, key);
}

void
cd_sites_remember_account (const char  *url,
                           CdWpAccount *account)
{
  g_return_if_fail (url != NULL);
  g_return_if_fail (account != NULL);

  if (accounts == NULL)
    accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) cd_wp_account_free);
  g_hash_table_replace (accounts, account_key (url), account);
}

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, "administrator") == 0)
    return _("Administrator");
  if (g_strcmp0 (role, "editor") == 0)
    return _("Editor");
  if (g_strcmp0 (role, "author") == 0)
    return _("Author");
  if (g_strcmp0 (role, "contributor") == 0)
    return _("Contributor");
  if (g_strcmp0 (role, "subscriber") == 0)
    return _("Subscriber");
  return role;
}

char *
cd_sites_describe_account (CdWpAccount *account)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (account != NULL, NULL);

  if (account->user_name != NULL && account->user_name[0] != '\0')
    g_string_append (text, account->user_name);
  else if (account->user_slug != NULL)
    g_string_append (text, account->user_slug);

  for (guint i = 0; account->roles != NULL && account->roles[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, role_label (account->roles[i]));
    }

  if (text->len > 0)
    g_string_append (text, " · ");
  /* Translators: what the account may do on the site, as a list. */
  g_string_append (text, account->can_publish ? _("may publish") : _("may not publish"));
  g_string_append (text, ", ");
  g_string_append (text, account->can_create_categories
                   ? _("may create categories") : _("may not create categories"));
  if (!account->can_upload)
    {
      g_string_append (text, ", ");
      g_string_append (text, _("may not upload images"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CdWpSite *site = cd_site_entry_open_sync (CD_SITE_ENTRY (task_data), cancellable, &error);

  if (site == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, site, g_object_unref);
}

void
cd_sites_open_async (CdSiteEntry         *entry,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CD_IS_SITE_ENTRY (entry));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_sites_open_async);
  g_task_set_task_data (task, g_object_ref (entry), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

CdWpSite *
cd_sites_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Rows */

typedef struct
{
  char        *name;
  char        *url;
  char        *user;
} RemoveRequest;

static void
remove_request_free (RemoveRequest *request)
{
  g_free (request->name);
  g_free (request->url);
  g_free (request->user);
  g_free (request);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  RemoveRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) secret_error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  /* The password goes first: a site that stays in the list without one
   * asks for it again, while a password without a site would linger in the
   * keyring where nobody sees it. */
  if (!cd_site_secret_clear_sync (request->url, request->user, NULL, &secret_error))
    g_warning ("Could not remove the password of %s from the keyring: %s",
               request->url, secret_error->message);

  if (!cd_site_list_remove (cd_sites_get_list (), request->name, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (dialog));
      AdwMessageDialog *error_dialog;

      error_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                                 _("Could Not Remove the Site"),
                                                                 error->message));
      adw_message_dialog_add_response (error_dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (error_dialog));
    }
}

static void
remove_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  CdSitesPage *self = CD_SITES_PAGE (user_data);
  CdSiteEntry *entry = g_object_get_data (G_OBJECT (button), "cd-site-entry");
  RemoveRequest *request;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  request = g_new0 (RemoveRequest, 1);
  request->name = g_strdup (cd_site_entry_get_name (entry));
  request->url = g_strdup (cd_site_entry_get_url (entry));
  request->user = g_strdup (cd_site_entry_get_user (entry));

  /* Translators: %s is the name the user gave a site. */
  heading = g_strdup_printf (_("Remove “%s”?"), request->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading,
                                                       _("Copydesk forgets the site and removes its "
                                                         "password from your keyring. Posts on the "
                                                         "site stay as they are, and articles keep "
                                                         "their links to them.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb), request,
                         (GClosureNotify) (void (*) (void)) remove_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "https://news.example/ · signed in as ada", and on a second line what
 * the check found (or why it failed), when there is one. */
static void
set_row_subtitle (AdwActionRow *row,
                  CdSiteEntry  *entry,
                  const char   *status)
{
  /* Translators: a site's address and the user name Copydesk signs in with. */
  g_autofree char *subtitle = g_strdup_printf (_("%s · signed in as %s"),
                                               cd_site_entry_get_url (entry),
                                               cd_site_entry_get_user (entry));

  if (status != NULL)
    {
      g_autofree char *both = g_strconcat (subtitle, "\n", status, NULL);
      adw_action_row_set_subtitle (row, both);
    }
  else
    adw_action_row_set_subtitle (row, subtitle);
}

typedef struct
{
  GWeakRef     row;
  CdSiteEntry *entry;
  GCancellable *cancellable;
} RowCheck;

static void
row_check_free (RowCheck *check)
{
  g_weak_ref_clear (&check->row);
  g_clear_object (&check->entry);
  g_clear_object (&check->cancellable);
  g_free (check);
}

static void
row_check_done (RowCheck   *check,
                const char *status)
{
  g_autoptr(AdwActionRow) row = g_weak_ref_get (&check->row);

  if (row != NULL)
    set_row_subtitle (row, check->entry, status);
  row_check_free (check);
}

static void
row_checked_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RowCheck *check = user_data;
  g_autoptr(GError) error = NULL;
  CdWpAccount *account = cd_wp_site_check_finish (CD_WP_SITE (object), result, &error);
  g_autofree char *status = NULL;

  if (account == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          row_check_free (check);
          return;
        }
      row_check_done (check, error->message);
      return;
    }

  status = cd_sites_describe_account (account);
  cd_sites_remember_account (cd_site_entry_get_url (check->entry), account);
  row_check_done (check, status);
}

static void
row_opened_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RowCheck *check = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = cd_sites_open_finish (result, &error);

  if (site == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        row_check_free (check);
      else
        row_check_done (check, error->message);
      return;
    }

  cd_wp_site_check_async (site, check->cancellable, row_checked_cb, check);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CdSitesPage *self = CD_SITES_PAGE (user_data);
  CdSiteEntry *entry = CD_SITE_ENTRY (item);
  CdWpAccount *account = cd_sites_lookup_account (cd_site_entry_get_url (entry));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove;
  g_autofree char *status = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cd_site_entry_get_name (entry));
  status = account != NULL ? cd_sites_describe_account (account) : NULL;
  set_row_subtitle (ADW_ACTION_ROW (row), entry, status);
  if (account == NULL)
    {
      /* Said at once when a site's password no longer works, rather than
       * at the next publish. */
      RowCheck *check = g_new0 (RowCheck, 1);

      g_weak_ref_init (&check->row, row);
      check->entry = g_object_ref (entry);
      check->cancellable = g_object_ref (self->cancellable);
      cd_sites_open_async (entry, self->cancellable, row_opened_cb, check);
    }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Site"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Site"),
                                  -1);
  g_object_set_data_full (G_OBJECT (remove), "cd-site-entry", g_object_ref (entry), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
add_clicked_cb (CdSitesPage *self)
{
  GtkWidget *dialog = cd_site_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cd_sites_page_dispose (GObject *object)
{
  CdSitesPage *self = CD_SITES_PAGE (object);

  /* The list outlives every Preferences window: it must stop making rows
   * for this one. */
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_SITES_PAGE);

  G_OBJECT_CLASS (cd_sites_page_parent_class)->dispose (object);
}

static void
cd_sites_page_class_init (CdSitesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_sites_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-sites-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CdSitesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, CdSitesPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
cd_sites_page_init (CdSitesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (cd_sites_get_list ()),
                           create_row, self, NULL);
}

GtkWidget *
cd_sites_page_new (void)
{
  return g_object_new (CD_TYPE_SITES_PAGE, NULL);
}
