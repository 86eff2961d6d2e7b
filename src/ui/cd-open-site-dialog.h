/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>

#include "cd-window.h"

G_BEGIN_DECLS

/* File ▸ Open from Site…: a site's recent posts (searchable by title);
 * opening one makes a new, unsaved article from it, linked to that post so
 * that publishing it updates the post. */
#define CD_TYPE_OPEN_SITE_DIALOG (cd_open_site_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CdOpenSiteDialog, cd_open_site_dialog, CD, OPEN_SITE_DIALOG, AdwWindow)

GtkWidget *cd_open_site_dialog_new (CdWindow *window);

G_END_DECLS
