/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include "copydesk-core.h"

G_BEGIN_DECLS

/* The header bar's preflight indicator: a menu button showing "Ready" or the
 * number of problems (errors red, warnings amber), whose popover lists each
 * CdPreflightIssue with its message; activating an item closes the popover and
 * emits ::field-activated with the issue's field.
 *
 * Properties: "issues" (GListModel of CdPreflightIssue, nullable). */
#define CD_TYPE_PREFLIGHT_BUTTON (cd_preflight_button_get_type ())
G_DECLARE_FINAL_TYPE (CdPreflightButton, cd_preflight_button, CD, PREFLIGHT_BUTTON, GtkWidget)

GtkWidget  *cd_preflight_button_new        (void);
GListModel *cd_preflight_button_get_issues (CdPreflightButton *self);
void        cd_preflight_button_set_issues (CdPreflightButton *self,
                                            GListModel        *issues);
/* Opens the popover with the first item focused. */
void        cd_preflight_button_popup      (CdPreflightButton *self);

G_END_DECLS
