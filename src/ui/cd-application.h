/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>
#include "copydesk-core.h"

G_BEGIN_DECLS

/* The application: one CdWindow per article, opened from the command line,
 * the desktop file or the Open action. App actions: new (<Control>n), open
 * (<Control>o), import (<Control><Shift>i), preferences (<Control>comma),
 * about, quit (<Control>q), open-uri (string: a file URI, from Open Recent).
 * Holds the GSettings and the house rules they name.
 *
 * Properties: "house-rules" (CdHouseRules, read-only: notified when the
 * "house-rules-file" key changes and the rules are reloaded). */
#define CD_TYPE_APPLICATION (cd_application_get_type ())
G_DECLARE_FINAL_TYPE (CdApplication, cd_application, CD, APPLICATION, AdwApplication)

CdApplication *cd_application_new             (void);
GSettings     *cd_application_get_settings    (CdApplication *self);
/* The house rules from the "house-rules-file" key, or the defaults when it is
 * empty or fails to load (the failure is reported once in a window). */
CdHouseRules  *cd_application_get_house_rules (CdApplication *self);
/* The folder recovery copies are written to ($XDG_DATA_HOME/copydesk/recovery). */
GFile         *cd_application_get_recovery_dir (CdApplication *self);
/* The user's version store ($XDG_DATA_HOME/copydesk/versions.sqlite),
 * opened when first asked for. NULL with @error when it cannot be opened.
 * (transfer none) */
CdVersionStore *cd_application_get_version_store (CdApplication  *self,
                                                  GError        **error);
/* Opens @file in a window: the window that already shows it, else the active
 * window when it is unused (cd_window_is_unused), else a new one. ninjs JSON
 * files (*.json) are imported as new, unsaved articles. */
void           cd_application_open_file       (CdApplication *self,
                                               GFile         *file);
/* The recently used articles, newest first, for "Open Recent" menus. */
GMenuModel    *cd_application_get_recent_menu (CdApplication *self);

/* Where translations are: $COPYDESK_LOCALEDIR, which `meson devenv` sets to
 * the build tree's po/, else LOCALEDIR. */
const char    *cd_application_get_locale_dir  (void);

G_END_DECLS
