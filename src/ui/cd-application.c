/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-application.h"

struct _CdApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CdApplication, cd_application, ADW_TYPE_APPLICATION)

static void
cd_application_class_init (CdApplicationClass *klass)
{
}

static void
cd_application_init (CdApplication *self)
{
}

CdApplication *
cd_application_new (void)
{
  return NULL;
}

GSettings     *
cd_application_get_settings (CdApplication *self)
{
  return NULL;
}

CdHouseRules  *
cd_application_get_house_rules (CdApplication *self)
{
  return NULL;
}

GFile         *
cd_application_get_recovery_dir (CdApplication *self)
{
  return NULL;
}

const char *
cd_application_get_locale_dir (void)
{
  return LOCALEDIR;
}
