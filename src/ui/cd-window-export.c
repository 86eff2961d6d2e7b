/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-window-private.h"

void
cd_window_export_class_init (GtkWidgetClass *widget_class)
{
}

GMenuModel *
cd_window_export_dup_menu (void)
{
  return G_MENU_MODEL (g_menu_new ());
}
