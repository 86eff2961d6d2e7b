/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>
#include "copydesk-core.h"
#include "cd-application.h"

G_BEGIN_DECLS

/* The editor window for one article (a CdDocument). */
#define CD_TYPE_WINDOW (cd_window_get_type ())
G_DECLARE_FINAL_TYPE (CdWindow, cd_window, CD, WINDOW, AdwApplicationWindow)

CdWindow   *cd_window_new          (CdApplication *application);
CdDocument *cd_window_get_document (CdWindow      *self);
/* Replaces the window's document (after New or Open in an unused window). */
void        cd_window_set_document (CdWindow      *self,
                                    CdDocument    *document);
/* Loads @file into this window; errors are shown in the window. */
void        cd_window_open_file    (CdWindow      *self,
                                    GFile         *file);
/* TRUE when the window holds an untouched new article that Open may reuse. */
gboolean    cd_window_is_unused    (CdWindow      *self);

G_END_DECLS
