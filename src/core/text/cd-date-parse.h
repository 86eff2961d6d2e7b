/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CD_DATE_PARSE_ERROR (cd_date_parse_error_quark ())

/**
 * CdDateParseError:
 * @CD_DATE_PARSE_ERROR_EMPTY: nothing was typed
 * @CD_DATE_PARSE_ERROR_SYNTAX: the text is not a date or time in any form
 *   Copydesk reads
 * @CD_DATE_PARSE_ERROR_RANGE: a form Copydesk reads, but no such day or
 *   time ("31 February 2017", "25:00")
 */
typedef enum
{
  CD_DATE_PARSE_ERROR_EMPTY,
  CD_DATE_PARSE_ERROR_SYNTAX,
  CD_DATE_PARSE_ERROR_RANGE,
} CdDateParseError;

/**
 * CdDateParts:
 * @year: the year, from 1 to 9999
 * @month: 1 to 12
 * @day: 1 to 31
 * @has_time: whether a time was typed; else @hour, @minute and @second are 0
 * @hour: 0 to 23
 * @minute: 0 to 59
 * @second: 0 to 59
 * @has_offset: whether a UTC offset was typed ("+04:00", "Z")
 * @offset: the offset, when @has_offset
 *
 * A date as typed, before it is placed in a time zone.
 */
typedef struct
{
  int       year;
  int       month;
  int       day;
  gboolean  has_time;
  int       hour;
  int       minute;
  int       second;
  gboolean  has_offset;
  GTimeSpan offset;
} CdDateParts;

GQuark     cd_date_parse_error_quark  (void);

gboolean   cd_date_parse              (const char        *text,
                                       const char        *language,
                                       int                default_year,
                                       CdDateParts       *out,
                                       GError           **error);
gboolean   cd_time_parse              (const char        *text,
                                       int               *hour,
                                       int               *minute,
                                       GError           **error);
GDateTime *cd_date_parts_to_date_time (const CdDateParts *parts,
                                       GTimeZone         *zone,
                                       GDateTime         *current) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
