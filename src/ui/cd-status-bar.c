/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-status-bar.h"

struct _CdStatusBar
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CdStatusBar, cd_status_bar, GTK_TYPE_WIDGET)

static void
cd_status_bar_class_init (CdStatusBarClass *klass)
{
}

static void
cd_status_bar_init (CdStatusBar *self)
{
}

GtkWidget *
cd_status_bar_new (void)
{
  return NULL;
}

CdStats   *
cd_status_bar_get_stats (CdStatusBar *self)
{
  return NULL;
}

void
cd_status_bar_set_stats (CdStatusBar *self, CdStats *stats)
{
}

guint
cd_status_bar_get_planned_words (CdStatusBar *self)
{
  return 0;
}

void
cd_status_bar_set_planned_words (CdStatusBar *self, guint planned_words)
{
}

char      *
cd_status_bar_dup_text (CdStatusBar *self)
{
  return NULL;
}
