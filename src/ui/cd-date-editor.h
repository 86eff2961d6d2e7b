/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A date, a time and a time zone editing one date-time: three rows of a list
 * (the date, typed or chosen from a calendar; the time, "09:30" or "9:30 pm";
 * and the zone, chosen by searching every zone of the system by city,
 * country or offset). Changing the zone keeps the wall-clock time, as a desk
 * says "09:00 New York time".
 *
 * Properties: "date-time" (GDateTime, nullable): the value, set by the user
 * through the rows or from outside (the metadata form binds it to the
 * article); "title" (string): the date row's title; "language" (string,
 * nullable): the article's language, in which dates are typed. */
#define CD_TYPE_DATE_EDITOR (cd_date_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdDateEditor, cd_date_editor, CD, DATE_EDITOR, GtkWidget)

GtkWidget  *cd_date_editor_new             (void);
GDateTime  *cd_date_editor_get_date_time   (CdDateEditor *self);
void        cd_date_editor_set_date_time   (CdDateEditor *self,
                                            GDateTime    *date_time);
const char *cd_date_editor_get_title       (CdDateEditor *self);
void        cd_date_editor_set_title       (CdDateEditor *self,
                                            const char   *title);
const char *cd_date_editor_get_language    (CdDateEditor *self);
void        cd_date_editor_set_language    (CdDateEditor *self,
                                            const char   *language);
/* The zone new values are made in: the value's, or the one chosen. */
GTimeZone  *cd_date_editor_get_zone        (CdDateEditor *self);
/* Adds @widget (a "Now" button, say) at the end of the time row. */
void        cd_date_editor_add_time_suffix (CdDateEditor *self,
                                            GtkWidget    *widget);
/* "Fri 27 Nov 2026, 07:30 UTC", as the rows show @value. */
char       *cd_date_editor_format          (GDateTime    *value) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
