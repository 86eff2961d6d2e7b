/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One IANA time zone as people look for it: its identifier
 * ("America/New_York"), its city ("New York"), its country ("United
 * States") and its UTC offset at the time the list was made.
 *
 * Properties (read-only): "id", "city", "country", "offset-label"
 * ("UTC+04:00"). */
#define CD_TYPE_TIME_ZONE (cd_time_zone_get_type ())
G_DECLARE_FINAL_TYPE (CdTimeZone, cd_time_zone, CD, TIME_ZONE, GObject)

CdTimeZone *cd_time_zone_new_local          (GDateTime   *now) G_GNUC_WARN_UNUSED_RESULT;
const char *cd_time_zone_get_id             (CdTimeZone  *self);
const char *cd_time_zone_get_city           (CdTimeZone  *self);
const char *cd_time_zone_get_country        (CdTimeZone  *self);
const char *cd_time_zone_get_offset_label   (CdTimeZone  *self);
GTimeSpan   cd_time_zone_get_offset         (CdTimeZone  *self);
GTimeZone  *cd_time_zone_get_zone           (CdTimeZone  *self);
gboolean    cd_time_zone_get_is_local       (CdTimeZone  *self);
gboolean    cd_time_zone_matches            (CdTimeZone  *self,
                                             const char  *query);

GListModel *cd_time_zones_load              (const char  *tzdir,
                                             GDateTime   *now,
                                             gboolean    *out_fallback) G_GNUC_WARN_UNUSED_RESULT;
GListModel *cd_time_zones_search            (GListModel  *zones,
                                             const char  *query) G_GNUC_WARN_UNUSED_RESULT;

char       *cd_utc_offset_to_string         (GTimeSpan    offset) G_GNUC_WARN_UNUSED_RESULT;
char       *cd_date_time_dup_zone_label     (GDateTime   *date_time) G_GNUC_WARN_UNUSED_RESULT;
char       *cd_time_zone_dup_iana_id        (GTimeZone   *zone) G_GNUC_WARN_UNUSED_RESULT;
gboolean    cd_date_time_same_choice        (GDateTime   *a,
                                             GDateTime   *b);
GDateTime  *cd_date_time_in_named_zone      (GDateTime   *date_time,
                                             const char  *zone_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
