/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#define G_LOG_DOMAIN "copydesk-correction"

#include "config.h"

#include "cd-correction.h"

struct _CdCorrection
{
  GObject    parent_instance;

  GDateTime *date;
  char      *text;
};

G_DEFINE_FINAL_TYPE (CdCorrection, cd_correction, G_TYPE_OBJECT)

static void
cd_correction_finalize (GObject *object)
{
  CdCorrection *self = CD_CORRECTION (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (cd_correction_parent_class)->finalize (object);
}

static void
cd_correction_class_init (CdCorrectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_correction_finalize;
}

static void
cd_correction_init (CdCorrection *self)
{
}

/**
 * cd_correction_new:
 * @date: when the correction was made
 * @text: what was corrected, as readers will read it
 *
 * Returns: (transfer full): a new correction
 */
CdCorrection *
cd_correction_new (GDateTime  *date,
                   const char *text)
{
  CdCorrection *self;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (CD_TYPE_CORRECTION, NULL);
  self->date = g_date_time_ref (date);
  self->text = g_strdup (text);
  return self;
}

GDateTime *
cd_correction_get_date (CdCorrection *self)
{
  g_return_val_if_fail (CD_IS_CORRECTION (self), NULL);

  return self->date;
}

const char *
cd_correction_get_text (CdCorrection *self)
{
  g_return_val_if_fail (CD_IS_CORRECTION (self), NULL);

  return self->text;
}

gboolean
cd_correction_equal (CdCorrection *self,
                     CdCorrection *other)
{
  g_return_val_if_fail (CD_IS_CORRECTION (self), FALSE);
  g_return_val_if_fail (CD_IS_CORRECTION (other), FALSE);

  return g_date_time_equal (self->date, other->date) && g_strcmp0 (self->text, other->text) == 0;
}
