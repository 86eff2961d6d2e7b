/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CD_TYPE_CORRECTION (cd_correction_get_type ())

/* One entry of the public corrections log, shown to readers at the end of
 * the story and carried by every export. A correction is a value: editing
 * one means replacing it in the article's list, which the undo history
 * records like any list change. */
G_DECLARE_FINAL_TYPE (CdCorrection, cd_correction, CD, CORRECTION, GObject)

CdCorrection *cd_correction_new      (GDateTime    *date,
                                      const char   *text) G_GNUC_WARN_UNUSED_RESULT;
GDateTime    *cd_correction_get_date (CdCorrection *self);
const char   *cd_correction_get_text (CdCorrection *self);
gboolean      cd_correction_equal    (CdCorrection *self,
                                      CdCorrection *other);

G_END_DECLS
