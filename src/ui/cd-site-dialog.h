/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Add Site: a name, the site's address and an account, given either by
 * signing in with the browser (WordPress's "authorize application" page,
 * which returns to Copydesk through a copydesk://authorize address) or by
 * pasting a user name and an Application Password. Add checks the account on
 * the site first; only an account that works is kept (the site in the list,
 * the password in the keyring). */
#define CD_TYPE_SITE_DIALOG (cd_site_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CdSiteDialog, cd_site_dialog, CD, SITE_DIALOG, AdwWindow)

/* What WordPress calls Copydesk on the authorize page: a fixed UUID, so that
 * the site lists its passwords under one application. */
#define CD_SITE_DIALOG_APP_ID "9abd0edd-1131-489f-8eb8-d61a69e3afb5"
/* Where the authorize page sends the browser back. WordPress refuses http
 * return addresses outside "local" sites, but accepts any other scheme with
 * a host; the desktop file makes Copydesk the handler of copydesk:. */
#define CD_SITE_DIALOG_CALLBACK "copydesk://authorize"

GtkWidget *cd_site_dialog_new              (GtkWindow  *parent);
/* Makes @self the dialog that the authorize page's answer goes to (Sign In
 * With Browser does this before it opens the page), for the address in its
 * row now, with a new random state that the answer must bring back. */
void       cd_site_dialog_await_sign_in    (CdSiteDialog *self);
char      *cd_site_dialog_begin_sign_in    (CdSiteDialog *self) G_GNUC_WARN_UNUSED_RESULT;
/* The state of the sign-in under way, sent as copydesk://authorize?state=…
 * (WordPress keeps it and adds its answer); NULL when none is. */
const char *cd_site_dialog_get_sign_in_state (CdSiteDialog *self);
/* The authorize page's answer (copydesk://authorize?state=…&site_url=…
 * &user_login=…&password=…, or …?state=…&success=false): fills in and
 * checks the dialog that is waiting for it. Taken once per sign-in, only
 * with its state, only from the site it was asked of (site_url), and never
 * while a check runs. FALSE when no dialog is waiting. */
gboolean   cd_site_dialog_receive_callback (const char *uri);

G_END_DECLS
