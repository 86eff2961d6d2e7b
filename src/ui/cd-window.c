/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-window.h"

struct _CdWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (CdWindow, cd_window, ADW_TYPE_APPLICATION_WINDOW)

static void
cd_window_class_init (CdWindowClass *klass)
{
}

static void
cd_window_init (CdWindow *self)
{
}

CdWindow   *
cd_window_new (CdApplication *application)
{
  return NULL;
}

CdDocument *
cd_window_get_document (CdWindow *self)
{
  return NULL;
}

void
cd_window_set_document (CdWindow *self, CdDocument *document)
{
}

void
cd_window_open_file (CdWindow *self, GFile *file)
{
}

gboolean
cd_window_is_unused (CdWindow *self)
{
  return 0;
}
