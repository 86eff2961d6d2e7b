/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include "cd-window.h"

G_BEGIN_DECLS

/* Shared by the files that make up CdWindow (cd-window.c, cd-window-export.c). */

GSettings    *cd_window_get_settings    (CdWindow   *self);
CdHouseRules *cd_window_get_house_rules (CdWindow   *self);
/* Copies pending body edits into the article (before save and export). */
void          cd_window_flush           (CdWindow   *self);
/* A fresh preflight check of the current article. (transfer full) */
GListModel   *cd_window_check           (CdWindow   *self) G_GNUC_WARN_UNUSED_RESULT;
void          cd_window_add_toast       (CdWindow   *self,
                                         AdwToast   *toast);

/* cd-window-export.c: installs win.export (<Control>e: last-used format and
 * folder; the first time a file chooser), win.export-as (<Control><Shift>e:
 * always asks where) and win.export-format (string parameter: an exporter id;
 * exports in that format and makes it the last-used one). */
void          cd_window_export_class_init (GtkWidgetClass *widget_class);
/* The "Export As" menu: one item per registered exporter. (transfer full) */
GMenuModel   *cd_window_export_dup_menu   (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
