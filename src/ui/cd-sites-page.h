/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>

#include "cd-site-list.h"

G_BEGIN_DECLS

/* Preferences ▸ Sites: the WordPress sites the user publishes to, each with
 * its address and account and, once checked, what the account may do; Add
 * Site… (CdSiteDialog) and Remove (which also clears the keyring's password). */
#define CD_TYPE_SITES_PAGE (cd_sites_page_get_type ())
G_DECLARE_FINAL_TYPE (CdSitesPage, cd_sites_page, CD, SITES_PAGE, AdwPreferencesPage)

GtkWidget   *cd_sites_page_new (void);

/* The user's sites, loaded once and shared by Preferences, every window's
 * Publish button and Open from Site, so that a site added in one shows in
 * all. (transfer none) */
CdSiteList  *cd_sites_get_list            (void);
/* The last check of the site at @url in this run (the account, its rights
 * and the site's time zone), or NULL when it was not checked. (transfer none) */
CdWpAccount *cd_sites_lookup_account      (const char  *url);
/* Keeps @account (transfer full) as the last check of the site at @url. */
void         cd_sites_remember_account    (const char  *url,
                                           CdWpAccount *account);
/* "Ada Reporter · Author · may publish, may not create categories". */
char        *cd_sites_describe_account    (CdWpAccount *account) G_GNUC_WARN_UNUSED_RESULT;

/* The site of @entry with its password, from the keyring only (which may
 * ask the user to unlock it, so this waits in a thread). */
void         cd_sites_open_async          (CdSiteEntry         *entry,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
CdWpSite    *cd_sites_open_finish         (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
