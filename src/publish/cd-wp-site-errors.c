/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What went wrong talking to a site, as messages that name the site and
 * say what to do: the CdWpError domain, a connection that gave no answer
 * (offline, unknown host, TLS, cancelled), and an answer with an HTTP
 * error status and WordPress's error code. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cd-wp-site-private.h"

G_DEFINE_QUARK (cd-wp-error-quark, cd_wp_error)

/* Transport failures: no answer came at all. */
void
cd_wp_site_set_transport_error (CdWpSite     *self,
                                const GError *cause,
                                GError      **error)
{
  const char *site = cd_wp_site_get_label (self);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_UNKNOWN_HOST,
                 _("The address of %s cannot be found (%s). Check the site’s "
                   "address in Preferences and your connection to the Internet"),
                 site, cause->message);
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_TLS,
                 _("The secure connection to %s failed: its certificate is not "
                   "trusted (%s). Ask the site’s administrator to renew it"),
                 site, cause->message);
  else
    g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_OFFLINE,
                 _("%s cannot be reached (%s). Check your connection to the "
                   "Internet, or try again when the site is back"),
                 site, cause->message);
}

const char *
cd_wp_response_get_code (CdWpResponse *response)
{
  JsonObject *object;

  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    return NULL;
  object = json_node_get_object (response->json);
  if (!json_object_has_member (object, "code")
      || json_node_get_value_type (json_object_get_member (object, "code")) != G_TYPE_STRING)
    return NULL;
  return json_object_get_string_member (object, "code");
}

static const char *
response_message (CdWpResponse *response)
{
  JsonObject *object;

  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    return NULL;
  object = json_node_get_object (response->json);
  if (!json_object_has_member (object, "message")
      || json_node_get_value_type (json_object_get_member (object, "message")) != G_TYPE_STRING)
    return NULL;
  return json_object_get_string_member (object, "message");
}

gboolean
cd_wp_site_check_response (CdWpSite     *self,
                           CdWpResponse *response,
                           GError      **error)
{
  const char *site = cd_wp_site_get_label (self);
  const char *code = cd_wp_response_get_code (response);
  const char *message = response_message (response);
  guint status = response->status;

  if (status >= 200 && status < 300)
    return TRUE;

  if (status >= 300 && status < 400)
    {
      const char *location = soup_message_headers_get_one (response->headers, "Location");

      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_WORDPRESS,
                   _("%s sends its REST API on to %s. Enter the site’s current "
                     "address in Preferences"),
                   site, location != NULL ? location : _("another address"));
    }
  else if (status == 401)
    g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_UNAUTHORIZED,
                 _("The user name or application password for %s is wrong. "
                   "Create a new application password in %s’s profile page "
                   "and enter it in Preferences"), site, site);
  else if (status == 403)
    g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_FORBIDDEN,
                 _("Your account on %s may not do this (%s: %s). Ask the "
                   "site’s administrator for the right, or for a role that has it"),
                 site, code != NULL ? code : "403",
                 message != NULL ? message : _("forbidden"));
  else if (status == 404)
    g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_FOUND,
                 _("%s has no such item (%s). It may have been deleted on the site"),
                 site, message != NULL ? message : "404");
  else if (status == 413)
    g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_TOO_LARGE,
                 _("%s refused the upload as too large. Use a smaller image, or "
                   "ask the site’s administrator to raise the upload limit"), site);
  else if (status >= 500)
    g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_SERVER,
                 _("%s failed with an error of its own (HTTP %u%s%s). Try again "
                   "later, or tell the site’s administrator"),
                 site, status, message != NULL ? ": " : "", message != NULL ? message : "");
  else
    g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_REJECTED,
                 _("%s refused the request (HTTP %u, %s: %s). Check the "
                   "article’s fields, or tell the site’s administrator"),
                 site, status, code != NULL ? code : "?",
                 message != NULL ? message : _("no reason given"));
  return FALSE;
}
