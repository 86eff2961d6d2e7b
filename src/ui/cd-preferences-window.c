/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-preferences-window.h"

struct _CdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (CdPreferencesWindow, cd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
cd_preferences_window_class_init (CdPreferencesWindowClass *klass)
{
}

static void
cd_preferences_window_init (CdPreferencesWindow *self)
{
}

GtkWidget *
cd_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  return NULL;
}
