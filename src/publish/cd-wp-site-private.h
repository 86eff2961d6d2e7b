/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the publisher needs from CdWpSite beyond the public API: blocking
 * REST calls for its worker thread, and the answers with their status and
 * headers so that it can read WordPress's error codes itself. */

#pragma once

#include <libsoup/soup.h>

#include "cd-wp-site.h"

G_BEGIN_DECLS

/* The most any answer may be: WordPress's largest (a page of 100 posts with
 * their bodies) is well below. */
#define CD_WP_MAX_ANSWER (32 * 1024 * 1024)

/* One answer: its HTTP status, headers and JSON (NULL when the body was not
 * JSON; that is only an error for a 2xx answer). */
typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  JsonNode           *json;
} CdWpResponse;

void          cd_wp_response_free       (CdWpResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdWpResponse, cd_wp_response_free)

/* Sets @error from a connection that gave no answer (@cause from libsoup or
 * GIO), with a message that names the site and says what to do. */
void          cd_wp_site_set_transport_error (CdWpSite     *self,
                                              const GError *cause,
                                              GError      **error);
/* The WordPress error code of an error answer ("term_exists"), or NULL. */
const char   *cd_wp_response_get_code   (CdWpResponse *response);
/* Sets @error from a non-2xx answer and returns FALSE; TRUE for a 2xx one. */
gboolean      cd_wp_site_check_response (CdWpSite     *self,
                                         CdWpResponse *response,
                                         GError      **error);

/* Called in the sending thread with the bytes written so far. */
typedef void (*CdWpProgressFunc) (guint64  written,
                                  guint64  total,
                                  gpointer user_data);

/* Blocking REST call to @route under the REST root ("wp/v2/posts/12"),
 * with @query already escaped ("context=edit&per_page=100", or NULL) and
 * @body a JSON node or NULL. Fails only when no answer came (offline, TLS,
 * DNS, cancelled) or it was not JSON where JSON was due. */
CdWpResponse *cd_wp_site_request_sync   (CdWpSite     *self,
                                         const char   *method,
                                         const char   *route,
                                         const char   *query,
                                         JsonNode     *body,
                                         GCancellable *cancellable,
                                         GError      **error);
/* The same, with every non-2xx answer turned into an error: the JSON. */
JsonNode     *cd_wp_site_rest_sync      (CdWpSite     *self,
                                         const char   *method,
                                         const char   *route,
                                         const char   *query,
                                         JsonNode     *body,
                                         GCancellable *cancellable,
                                         GError      **error);
/* POST wp/v2/media with @bytes as the file @filename. */
JsonNode     *cd_wp_site_upload_sync    (CdWpSite         *self,
                                         GBytes           *bytes,
                                         const char       *filename,
                                         const char       *mime_type,
                                         CdWpProgressFunc  progress,
                                         gpointer          progress_data,
                                         GCancellable     *cancellable,
                                         GError          **error);
CdWpAccount  *cd_wp_site_check_sync     (CdWpSite     *self,
                                         GCancellable *cancellable,
                                         GError      **error);
/* The name to put in messages: the site's name, else its address. */
const char   *cd_wp_site_get_label      (CdWpSite     *self);
/* TRUE for https://, and for http:// to a loopback host. */
gboolean      cd_wp_url_is_secure       (const char   *url);

G_END_DECLS
