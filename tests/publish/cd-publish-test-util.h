/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The real WordPress that `wpsite.py run` started for a test program, and
 * the blocking calls the tests make to it. */

#pragma once

#include "cd-wp-site-private.h"

G_BEGIN_DECLS

/* site.json from COPYDESK_TEST_WP_INFO; NULL (and the test skipped) when
 * the program runs outside wpsite.py. */
JsonObject *cd_test_wp_info           (void);
/* A site object for "admin", "author" or "editor". */
CdWpSite   *cd_test_wp_site           (const char *account);
const char *cd_test_wp_account_string (const char *account,
                                       const char *member);
gint64      cd_test_wp_account_id     (const char *account);
/* Runs PHP inside the site; returns what it printed. */
char       *cd_test_wp_php            (const char *code);
/* wpsite.py stop-web / start-web. */
void        cd_test_wp_stop_web       (void);
void        cd_test_wp_start_web      (void);
/* A REST call that must succeed, as @account. */
JsonNode   *cd_test_wp_rest           (const char *account,
                                       const char *method,
                                       const char *route,
                                       const char *query,
                                       JsonNode   *body);
/* An HTTP GET of any page of the site, without credentials: its body. */
char       *cd_test_wp_get_page       (const char *url);
/* Runs the main loop until *@done. */
void        cd_test_wait              (gboolean   *done);

G_END_DECLS
