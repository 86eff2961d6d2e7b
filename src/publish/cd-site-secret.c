/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The sites' Application Passwords, in the user's keyring through
 * libsecret (the Secret Service: GNOME Keyring, KWallet, KeePassXC …),
 * never in a file or in GSettings. One item per site address and user, in
 * the default collection. Pipelines with no keyring give copydesk-cli the
 * password in COPYDESK_WP_PASSWORD instead, which the CLI reads itself, for
 * one account only; nothing here reads the environment. */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-publish"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "cd-publication.h"
#include "cd-site-list.h"

static const SecretSchema *
site_schema (void)
{
  static const SecretSchema schema = {
    "io.github.copydesk.Copydesk.Site", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* The address as the site list keeps it, so that the keyring item is found
 * whichever way the user wrote the address. */
static char *
secret_url (const char *url)
{
  char *normalized = cd_publication_normalize_site (url);

  return normalized != NULL ? normalized : g_strdup (url);
}

/* Errors that are not the keyring's own (no D-Bus session, no Secret
 * Service on it) mean there is no keyring to ask: say so plainly, and what
 * to do instead. */
static void
explain_error (GError     **error,
               const char  *url,
               const char  *user)
{
  GError *e;

  if (error == NULL || *error == NULL)
    return;
  e = *error;
  if (g_error_matches (e, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (e->domain == SECRET_ERROR)
    g_prefix_error (error, _("The keyring refused the password for %s on %s: "), user, url);
  else
    g_prefix_error (error,
                    _("No keyring (Secret Service) is running, so the password for %s on %s "
                      "cannot be kept or read. Start GNOME Keyring or another Secret Service. "
                      "copydesk-cli also takes the password from the environment variable "
                      "COPYDESK_WP_PASSWORD, for the account named by COPYDESK_WP_USER or "
                      "--user. Details: "), user, url);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      const char * const *names = g_task_get_task_data (task);

      explain_error (&error, names[0], names[1]);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * cd_site_secret_store_async:
 * @url: the site's address
 * @user: the account's user name
 * @password: its Application Password
 * @cancellable: (nullable): to stop
 * @callback: called when the keyring has it
 * @user_data: for @callback
 *
 * Keeps @password in the default collection of the user's keyring,
 * replacing any earlier one for @url and @user.
 */
void
cd_site_secret_store_async (const char          *url,
                            const char          *user,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *site = NULL;
  g_autofree char *label = NULL;
  char **names;

  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  site = secret_url (url);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_site_secret_store_async);
  names = g_new0 (char *, 3);
  names[0] = g_strdup (site);
  names[1] = g_strdup (user);
  g_task_set_task_data (task, names, (GDestroyNotify) g_strfreev);

  /* Translators: the keyring item's label, as the user sees it in Passwords
   * and Keys: an account and a site address. */
  label = g_strdup_printf (_("Copydesk: %s on %s"), user, site);
  secret_password_store (site_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "url", site, "user", user, NULL);
}

gboolean
cd_site_secret_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_site_secret_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      const char * const *names = g_task_get_task_data (task);

      explain_error (&error, names[0], names[1]);
      g_task_return_error (task, error);
      return;
    }
  /* Copied out of libsecret's non-pageable memory: the rest of Copydesk
   * frees strings with g_free (). */
  g_task_return_pointer (task, g_strdup (password), g_free);
  secret_password_free (password);
}

/**
 * cd_site_secret_lookup_async:
 * @url: the site's address
 * @user: the account's user name
 * @cancellable: (nullable): to stop
 * @callback: called with the answer
 * @user_data: for @callback
 *
 * Asks the keyring for the password of @user on @url.
 */
void
cd_site_secret_lookup_async (const char          *url,
                             const char          *user,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *site = NULL;
  char **names;

  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);

  site = secret_url (url);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_site_secret_lookup_async);
  names = g_new0 (char *, 3);
  names[0] = g_strdup (site);
  names[1] = g_strdup (user);
  g_task_set_task_data (task, names, (GDestroyNotify) g_strfreev);

  secret_password_lookup (site_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                          "url", site, "user", user, NULL);
}

char *
cd_site_secret_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_site_secret_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cd_site_secret_lookup_sync:
 * @url: the site's address
 * @user: the account's user name
 * @cancellable: (nullable): to stop
 * @error: where to say why the keyring could not be asked
 *
 * Returns: (transfer full) (nullable): the password, or %NULL without an
 * error when the keyring has none for @user on @url
 */
char *
cd_site_secret_lookup_sync (const char    *url,
                            const char    *user,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *site = NULL;
  GError *local_error = NULL;
  char *password;
  char *copy;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  site = secret_url (url);
  password = secret_password_lookup_sync (site_schema (), cancellable, &local_error,
                                          "url", site, "user", user, NULL);
  if (local_error != NULL)
    {
      explain_error (&local_error, site, user);
      g_propagate_error (error, local_error);
      return NULL;
    }
  copy = g_strdup (password);
  secret_password_free (password);
  return copy;
}

/**
 * cd_site_secret_clear_sync:
 * @url: the site's address
 * @user: the account's user name
 * @cancellable: (nullable): to stop
 * @error: where to say why the keyring could not be asked
 *
 * Removes the password of @user on @url from the keyring. That there was
 * none is not an error.
 *
 * Returns: whether the keyring could be asked
 */
gboolean
cd_site_secret_clear_sync (const char    *url,
                           const char    *user,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *site = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (user != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  site = secret_url (url);
  secret_password_clear_sync (site_schema (), cancellable, &local_error,
                              "url", site, "user", user, NULL);
  if (local_error != NULL)
    {
      explain_error (&local_error, site, user);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_site_entry_open_sync:
 * @entry: a site of the list
 * @cancellable: (nullable): to stop
 * @error: where to say why not
 *
 * The password comes from the keyring only, never from the environment: a
 * shell that exported COPYDESK_WP_PASSWORD for one pipeline must not send
 * it to every site (copydesk-cli reads it itself, for the one account a
 * command names). Without one, fails with %CD_WP_ERROR_NO_PASSWORD and
 * says how to add one.
 *
 * Returns: (transfer full): the site, ready to use
 */
CdWpSite *
cd_site_entry_open_sync (CdSiteEntry   *entry,
                         GCancellable  *cancellable,
                         GError       **error)
{
  const char *name;
  const char *url;
  const char *user;
  g_autofree char *password = NULL;

  g_return_val_if_fail (CD_IS_SITE_ENTRY (entry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = cd_site_entry_get_name (entry);
  url = cd_site_entry_get_url (entry);
  user = cd_site_entry_get_user (entry);

  password = cd_site_secret_lookup_sync (url, user, cancellable, error);
  if (password == NULL && error != NULL && *error != NULL)
    return NULL;
  if (password == NULL)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NO_PASSWORD,
                   _("There is no password for %s on %s (%s) in the keyring. Add it in "
                     "Preferences ▸ Sites, or with “copydesk-cli site add %s %s --user %s”. "
                     "copydesk-cli also takes it from the environment variable "
                     "COPYDESK_WP_PASSWORD, with COPYDESK_WP_USER=%s or --user %s."),
                   user, name, url, name, url, user, user, user);
      return NULL;
    }
  return cd_wp_site_new (name, url, user, password, error);
}
