/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include "copydesk-core.h"

G_BEGIN_DECLS

/* The status bar under the body: words, characters, reading time and, when
 * the article has a planned length, "N of M words" (over the plan marked).
 *
 * Properties: "stats" (CdStats, nullable), "planned-words" (uint, 0 = none). */
#define CD_TYPE_STATUS_BAR (cd_status_bar_get_type ())
G_DECLARE_FINAL_TYPE (CdStatusBar, cd_status_bar, CD, STATUS_BAR, GtkWidget)

GtkWidget *cd_status_bar_new               (void);
CdStats   *cd_status_bar_get_stats         (CdStatusBar *self);
void       cd_status_bar_set_stats         (CdStatusBar *self,
                                            CdStats     *stats);
guint      cd_status_bar_get_planned_words (CdStatusBar *self);
void       cd_status_bar_set_planned_words (CdStatusBar *self,
                                            guint        planned_words);
/* A short remark at the end of the bar ("No spelling dictionary for …"). */
void        cd_status_bar_set_note          (CdStatusBar *self,
                                             const char  *note,
                                             const char  *details);
const char *cd_status_bar_get_note          (CdStatusBar *self);
/* The text shown, for tests and the accessible description. */
char      *cd_status_bar_dup_text          (CdStatusBar *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
