/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A date, a time and a time zone editing one date-time: three rows of a list
 * (a date button with a calendar, "Time (HH:MM)" in 24 hours, and the zone).
 * The zone is a list of common zones plus, when the value is in another zone
 * (a file stores only the offset), that zone. Changing the zone keeps the
 * wall-clock time, as a desk says "09:00 New York time".
 *
 * Properties: "date-time" (GDateTime, nullable): the value, set by the user
 * through the rows or from outside (the metadata form binds it to the
 * article); "title" (string): the date row's title and the date button's
 * accessible name. */
#define CD_TYPE_DATE_EDITOR (cd_date_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdDateEditor, cd_date_editor, CD, DATE_EDITOR, GtkWidget)

GtkWidget  *cd_date_editor_new             (void);
GDateTime  *cd_date_editor_get_date_time   (CdDateEditor *self);
void        cd_date_editor_set_date_time   (CdDateEditor *self,
                                            GDateTime    *date_time);
const char *cd_date_editor_get_title       (CdDateEditor *self);
void        cd_date_editor_set_title       (CdDateEditor *self,
                                            const char   *title);
/* The zone selected in the zone row. */
GTimeZone  *cd_date_editor_get_zone        (CdDateEditor *self);
/* Adds @widget (a "Now" button, say) at the end of the time row. */
void        cd_date_editor_add_time_suffix (CdDateEditor *self,
                                            GtkWidget    *widget);
/* "Fri 27 Nov 2026, 07:30 UTC", as the rows show @value. */
char       *cd_date_editor_format          (GDateTime    *value) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
