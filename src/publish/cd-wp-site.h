/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* publish/: talking to WordPress sites over HTTP (libsoup 3) and keeping
 * their passwords in the user's keyring (libsecret). Built on core's
 * wordpress/ folder, which decides what to send; nothing here knows about
 * widgets, so the window and the CLI share it. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CD_WP_ERROR (cd_wp_error_quark ())

/* Every message names the site and says what to do. A cancelled call fails
 * with G_IO_ERROR_CANCELLED. */
typedef enum
{
  CD_WP_ERROR_INSECURE,       /* http:// to an address that is not loopback */
  CD_WP_ERROR_OFFLINE,        /* no route, refused, timed out */
  CD_WP_ERROR_UNKNOWN_HOST,   /* the name does not resolve */
  CD_WP_ERROR_TLS,            /* certificate not trusted */
  CD_WP_ERROR_NOT_WORDPRESS,  /* no WordPress REST API at that address */
  CD_WP_ERROR_UNAUTHORIZED,   /* 401: wrong user name or application password */
  CD_WP_ERROR_FORBIDDEN,      /* 403: the account may not do this */
  CD_WP_ERROR_NOT_FOUND,      /* 404: the post or media is gone */
  CD_WP_ERROR_TOO_LARGE,      /* 413: the upload is over the site's limit */
  CD_WP_ERROR_SERVER,         /* 5xx */
  CD_WP_ERROR_MALFORMED,      /* an answer that is not the JSON expected */
  CD_WP_ERROR_SCHEDULE,       /* refused: too close to its time, or before its embargo */
  CD_WP_ERROR_NO_PASSWORD,    /* no password in the keyring or the environment */
  CD_WP_ERROR_REJECTED,       /* another 4xx: the site refused what was sent */
} CdWpError;

GQuark cd_wp_error_quark (void);

#define CD_TYPE_WP_SITE (cd_wp_site_get_type ())

/* One WordPress site and the account Copydesk uses on it. */
G_DECLARE_FINAL_TYPE (CdWpSite, cd_wp_site, CD, WP_SITE, GObject)

/* @url is the site's address ("https://news.example/"); @password an
 * Application Password. Fails with CD_WP_ERROR_INSECURE for http:// to a
 * host that is not loopback. */
CdWpSite   *cd_wp_site_new              (const char    *name,
                                         const char    *url,
                                         const char    *user,
                                         const char    *password,
                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;
const char *cd_wp_site_get_name         (CdWpSite      *self);
const char *cd_wp_site_get_url          (CdWpSite      *self);
const char *cd_wp_site_get_user         (CdWpSite      *self);

/* What a check of the site found: the REST API, the account and its rights. */
typedef struct
{
  char     *site_title;
  char     *timezone;               /* the site's zone ("Europe/Berlin"), or NULL */
  double    gmt_offset_hours;       /* the site's offset when it has no zone name */
  gint64    user_id;
  char     *user_name;              /* display name */
  char     *user_slug;
  char    **roles;
  gboolean  can_publish;            /* publish_posts */
  gboolean  can_upload;             /* upload_files */
  gboolean  can_create_categories;  /* manage_categories */
  gboolean  can_edit_others;        /* edit_others_posts: may set another author */
  gboolean  accepts_meta;           /* the Copydesk plugin's meta keys are registered */
  GTimeSpan clock_skew;             /* the site's clock (Date header) minus ours */
} CdWpAccount;

void         cd_wp_account_free         (CdWpAccount   *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdWpAccount, cd_wp_account_free)

/* Finds the REST API (the site's Link header, then /wp-json/), and checks the
 * account: a wrong password says so plainly. */
void         cd_wp_site_check_async     (CdWpSite            *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
CdWpAccount *cd_wp_site_check_finish    (CdWpSite            *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* The site's recent posts (context=edit, any status), newest first,
 * optionally those whose title matches @search: a GPtrArray of JsonObject
 * with id, title, status, modified_gmt and link. */
void         cd_wp_site_list_posts_async  (CdWpSite            *self,
                                           const char          *search,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray   *cd_wp_site_list_posts_finish (CdWpSite            *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* One post, context=edit with _embed, for cd_wp_post_to_article (). */
void         cd_wp_site_fetch_post_async  (CdWpSite            *self,
                                           gint64               post_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
JsonObject  *cd_wp_site_fetch_post_finish (CdWpSite            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
