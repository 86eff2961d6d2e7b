/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Preferences, bound to GSettings: your name and role (default byline),
 * default language and section, reading speed, house-rules file (with a
 * chooser and a clear button; a file that fails to load shows its message),
 * preview theme, autosave and its interval. */
#define CD_TYPE_PREFERENCES_WINDOW (cd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CdPreferencesWindow, cd_preferences_window, CD, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *cd_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
