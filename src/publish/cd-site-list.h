/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <gio/gio.h>

#include "cd-wp-site.h"

G_BEGIN_DECLS

#define CD_TYPE_SITE_ENTRY (cd_site_entry_get_type ())

/* A site the user added: its name, address and account. Never a password:
 * that is in the keyring (cd_site_secret_*). */
G_DECLARE_FINAL_TYPE (CdSiteEntry, cd_site_entry, CD, SITE_ENTRY, GObject)

CdSiteEntry *cd_site_entry_new      (const char  *name,
                                     const char  *url,
                                     const char  *user) G_GNUC_WARN_UNUSED_RESULT;
const char  *cd_site_entry_get_name (CdSiteEntry *self);
const char  *cd_site_entry_get_url  (CdSiteEntry *self);
const char  *cd_site_entry_get_user (CdSiteEntry *self);

#define CD_TYPE_SITE_LIST (cd_site_list_get_type ())

/* The user's sites, a GListModel of CdSiteEntry kept in
 * $XDG_CONFIG_HOME/copydesk/sites.ini (written atomically), shared by the
 * window and the CLI. */
G_DECLARE_FINAL_TYPE (CdSiteList, cd_site_list, CD, SITE_LIST, GObject)

CdSiteList  *cd_site_list_new       (const char  *path) G_GNUC_WARN_UNUSED_RESULT;
CdSiteList  *cd_site_list_new_default (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean     cd_site_list_load      (CdSiteList  *self,
                                     GError     **error);
gboolean     cd_site_list_add       (CdSiteList  *self,
                                     CdSiteEntry *entry,
                                     GError     **error);
gboolean     cd_site_list_remove    (CdSiteList  *self,
                                     const char  *name,
                                     GError     **error);
/* By name, or by address. */
CdSiteEntry *cd_site_list_lookup    (CdSiteList  *self,
                                     const char  *name_or_url);

/* The site's Application Password, in the user's keyring (Secret Service),
 * keyed by site address and user. */
void         cd_site_secret_store_async  (const char          *url,
                                          const char          *user,
                                          const char          *password,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     cd_site_secret_store_finish (GAsyncResult        *result,
                                          GError             **error);
void         cd_site_secret_lookup_async (const char          *url,
                                          const char          *user,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* NULL without error when the keyring has none. */
char        *cd_site_secret_lookup_finish (GAsyncResult       *result,
                                           GError            **error);
char        *cd_site_secret_lookup_sync  (const char          *url,
                                          const char          *user,
                                          GCancellable        *cancellable,
                                          GError             **error);
gboolean     cd_site_secret_clear_sync   (const char          *url,
                                          const char          *user,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* A CdWpSite for @entry with its password from the keyring, never from the
 * environment (copydesk-cli reads COPYDESK_WP_PASSWORD itself, for the one
 * account a command names). */
CdWpSite    *cd_site_entry_open_sync     (CdSiteEntry         *entry,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_END_DECLS
