/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-preflight-button.h"

struct _CdPreflightButton
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CdPreflightButton, cd_preflight_button, GTK_TYPE_WIDGET)

static void
cd_preflight_button_class_init (CdPreflightButtonClass *klass)
{
}

static void
cd_preflight_button_init (CdPreflightButton *self)
{
}

GtkWidget  *
cd_preflight_button_new (void)
{
  return NULL;
}

GListModel *
cd_preflight_button_get_issues (CdPreflightButton *self)
{
  return NULL;
}

void
cd_preflight_button_set_issues (CdPreflightButton *self, GListModel *issues)
{
}

void
cd_preflight_button_popup (CdPreflightButton *self)
{
}
