/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "cd-date-parse.h"

typedef struct
{
  const char *text;
  const char *language;
  int year, month, day;
  int hour, minute;       /* -1: no time typed */
  const char *offset;     /* NULL: no offset typed, else as "+04:00" */
} DateCase;

static const DateCase date_cases[] = {
  /* Words, in the order English and German desks write them. */
  { "12 July 2017", "en-GB", 2017, 7, 12, -1, -1, NULL },
  { "12 July 2017", "en-US", 2017, 7, 12, -1, -1, NULL },
  { "July 12, 2017", "en-US", 2017, 7, 12, -1, -1, NULL },
  { "July 12 2017", "en", 2017, 7, 12, -1, -1, NULL },
  { "12 Jul 2017", "en", 2017, 7, 12, -1, -1, NULL },
  { "12 jul. 2017", "en", 2017, 7, 12, -1, -1, NULL },
  { "  12   JULY  2017 ", "en", 2017, 7, 12, -1, -1, NULL },
  { "12th July 2017", "en", 2017, 7, 12, -1, -1, NULL },
  { "Sept. 3, 2017", "en-US", 2017, 9, 3, -1, -1, NULL },
  { "Wed 12 Jul 2017", "en", 2017, 7, 12, -1, -1, NULL },
  { "Wednesday, July 12, 2017", "en-US", 2017, 7, 12, -1, -1, NULL },
  { "12. Juli 2017", "de", 2017, 7, 12, -1, -1, NULL },
  { "3. März 2017", "de", 2017, 3, 3, -1, -1, NULL },
  { "3. Maerz 2017", "de", 2017, 3, 3, -1, -1, NULL },
  { "3 Mrz 2017", "de", 2017, 3, 3, -1, -1, NULL },
  { "1. Mai 2017", "de-AT", 2017, 5, 1, -1, -1, NULL },
  { "24. Dez. 2017", "de", 2017, 12, 24, -1, -1, NULL },
  { "Mi 12. Juli 2017", "de", 2017, 7, 12, -1, -1, NULL },
  /* English month names are read in any language. */
  { "12 July 2017", "de", 2017, 7, 12, -1, -1, NULL },
  { "12. Juli 2017", "en-GB", 2017, 7, 12, -1, -1, NULL },
  { "12 juillet 2017", "fr", 2017, 7, 12, -1, -1, NULL },
  /* No year: the year given. */
  { "12 July", "en", 2026, 7, 12, -1, -1, NULL },
  { "12.07.", "de", 2026, 7, 12, -1, -1, NULL },

  /* Numbers: the day first but in American English. */
  { "12/07/2017", "en-US", 2017, 12, 7, -1, -1, NULL },
  { "07/12/2017", "en-US", 2017, 7, 12, -1, -1, NULL },
  { "12/07/2017", "en-GB", 2017, 7, 12, -1, -1, NULL },
  { "12/07/2017", "de", 2017, 7, 12, -1, -1, NULL },
  { "12.07.2017", "de", 2017, 7, 12, -1, -1, NULL },
  { "12.07.2017", "en-US", 2017, 7, 12, -1, -1, NULL },
  { "12.7.17", "de", 2017, 7, 12, -1, -1, NULL },
  { "12-07-2017", "en-GB", 2017, 7, 12, -1, -1, NULL },

  /* ISO 8601 in every language. */
  { "2017-07-12", "en-US", 2017, 7, 12, -1, -1, NULL },
  { "2017-07-12 09:00", "de", 2017, 7, 12, 9, 0, NULL },
  { "2017-07-12T09:00:00+04:00", "en", 2017, 7, 12, 9, 0, "+04:00" },
  { "2017-07-12t09:00:00z", "en", 2017, 7, 12, 9, 0, "+00:00" },
  { "2017-07-12T09:00-0330", "en", 2017, 7, 12, 9, 0, "-03:30" },
  { "2017-07-12 9:30 pm", "en", 2017, 7, 12, 21, 30, NULL },

  /* A time after the date. */
  { "12 July 2017, 9:00", "en-GB", 2017, 7, 12, 9, 0, NULL },
  { "12 July 2017 9pm", "en-GB", 2017, 7, 12, 21, 0, NULL },
  { "July 12, 2017 at 9:30 pm", "en-US", 2017, 7, 12, 21, 30, NULL },
  { "12. Juli 2017, 9.30 Uhr", "de", 2017, 7, 12, 9, 30, NULL },
  { "12. Juli 2017 um 21:15", "de", 2017, 7, 12, 21, 15, NULL },
  { "12.07.2017 09:00", "de", 2017, 7, 12, 9, 0, NULL },
  { "2/29/2016 12am", "en-US", 2016, 2, 29, 0, 0, NULL },
};

typedef struct
{
  const char *text;
  const char *language;
  int code;
  const char *message_part;
} BadDateCase;

static const BadDateCase bad_date_cases[] = {
  { "", "en", CD_DATE_PARSE_ERROR_EMPTY, "Type a date" },
  { "   ", "en", CD_DATE_PARSE_ERROR_EMPTY, "Type a date" },
  { "31 February 2017", "en", CD_DATE_PARSE_ERROR_RANGE, "has only 28 days" },
  { "31 February", "en", CD_DATE_PARSE_ERROR_RANGE, "has only 28 days" },
  { "29 February 2017", "en", CD_DATE_PARSE_ERROR_RANGE, "has only 28 days" },
  { "31 April 2017", "en", CD_DATE_PARSE_ERROR_RANGE, "has only 30 days" },
  { "0 July 2017", "en", CD_DATE_PARSE_ERROR_RANGE, "no day 0" },
  { "2017-13-01", "en", CD_DATE_PARSE_ERROR_RANGE, "no month 13" },
  { "13/07/2017", "en-US", CD_DATE_PARSE_ERROR_RANGE, "month comes first" },
  { "07/13/2017", "en-GB", CD_DATE_PARSE_ERROR_RANGE, "day comes first" },
  { "12 Juky 2017", "en", CD_DATE_PARSE_ERROR_SYNTAX, "no month name" },
  { "12 Ju 2017", "en", CD_DATE_PARSE_ERROR_SYNTAX, "no month name" },
  { "tomorrow", "en", CD_DATE_PARSE_ERROR_SYNTAX, "not a date" },
  { "Hello 12 July 2017", "en", CD_DATE_PARSE_ERROR_SYNTAX, "not a date" },
  { "12 July 2017, 25:00", "en", CD_DATE_PARSE_ERROR_RANGE, "no hour 25" },
  { "2017-07-12T24:00:00Z", "en", CD_DATE_PARSE_ERROR_RANGE, "not a time of day" },
  { "2017-07-12T09:00:00+25:00", "en", CD_DATE_PARSE_ERROR_RANGE, "not a UTC offset" },
  { "12 July 2017 soon", "en", CD_DATE_PARSE_ERROR_SYNTAX, "not a time" },
};

static void
test_dates (void)
{
  for (size_t i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autoptr(GError) error = NULL;
      CdDateParts parts;

      g_test_message ("%s (%s)", c->text, c->language);
      g_assert_true (cd_date_parse (c->text, c->language, 2026, &parts, &error));
      g_assert_no_error (error);
      g_assert_cmpint (parts.year, ==, c->year);
      g_assert_cmpint (parts.month, ==, c->month);
      g_assert_cmpint (parts.day, ==, c->day);
      g_assert_cmpint (parts.has_time, ==, c->hour >= 0);
      if (c->hour >= 0)
        {
          g_assert_cmpint (parts.hour, ==, c->hour);
          g_assert_cmpint (parts.minute, ==, c->minute);
        }
      g_assert_cmpint (parts.has_offset, ==, c->offset != NULL);
      if (c->offset != NULL)
        {
          g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (c->offset);

          g_assert_cmpint (parts.offset, ==,
                           g_time_zone_get_offset (zone, 0) * G_TIME_SPAN_SECOND);
        }
    }
}

static void
test_bad_dates (void)
{
  for (size_t i = 0; i < G_N_ELEMENTS (bad_date_cases); i++)
    {
      const BadDateCase *c = &bad_date_cases[i];
      g_autoptr(GError) error = NULL;
      CdDateParts parts;


      g_test_message ("%s (%s)", c->text, c->language);
      g_assert_false (cd_date_parse (c->text, c->language, 2026, &parts, &error));
      g_assert_error (error, CD_DATE_PARSE_ERROR, c->code);
      g_assert_nonnull (strstr (error->message, c->message_part));
    }
}

typedef struct
{
  const char *text;
  int hour, minute;   /* -1: refused */
} TimeCase;

static const TimeCase time_cases[] = {
  { "9:00", 9, 0 },
  { "09:00", 9, 0 },
  { " 9.30 ", 9, 30 },
  { "9h30", 9, 30 },
  { "21:45", 21, 45 },
  { "0:00", 0, 0 },
  { "23:59", 23, 59 },
  { "9:30 pm", 21, 30 },
  { "9:30PM", 21, 30 },
  { "9:30 p.m.", 21, 30 },
  { "9pm", 21, 0 },
  { "9 am", 9, 0 },
  { "12am", 0, 0 },
  { "12:15 am", 0, 15 },
  { "12 pm", 12, 0 },
  { "9 Uhr", 9, 0 },
  { "21.15 Uhr", 21, 15 },
  { "09:00:00", 9, 0 },
  { "9", -1, -1 },
  { "24:00", -1, -1 },
  { "9:60", -1, -1 },
  { "13pm", -1, -1 },
  { "0am", -1, -1 },
  { "9:3", -1, -1 },
  { "nine", -1, -1 },
  { "", -1, -1 },
};

static void
test_times (void)
{
  for (size_t i = 0; i < G_N_ELEMENTS (time_cases); i++)
    {
      const TimeCase *c = &time_cases[i];
      g_autoptr(GError) error = NULL;
      int hour = -7, minute = -7;
      gboolean ok;

      g_test_message ("%s", c->text);
      ok = cd_time_parse (c->text, &hour, &minute, &error);
      if (c->hour < 0)
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
          g_assert_true (error->domain == CD_DATE_PARSE_ERROR);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_cmpint (hour, ==, -7);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (hour, ==, c->hour);
          g_assert_cmpint (minute, ==, c->minute);
        }
    }
}

static void
test_to_date_time (void)
{
  g_autoptr(GTimeZone) dubai = g_time_zone_new_identifier ("Asia/Dubai");
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) value = NULL;
  g_autoptr(GError) error = NULL;
  CdDateParts parts;

  g_assert_nonnull (dubai);
  g_assert_nonnull (berlin);

  /* A date alone keeps the time of the value it replaces. */
  current = g_date_time_new (dubai, 2026, 1, 2, 7, 45, 0);
  g_assert_true (cd_date_parse ("12 July 2017", "en", 2026, &parts, &error));
  value = cd_date_parts_to_date_time (&parts, dubai, current);
  g_assert_cmpint (g_date_time_get_year (value), ==, 2017);
  g_assert_cmpint (g_date_time_get_hour (value), ==, 7);
  g_assert_cmpint (g_date_time_get_minute (value), ==, 45);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (value)), ==, "Asia/Dubai");
  g_clear_pointer (&value, g_date_time_unref);

  /* The zone's own offset keeps the zone; another one is kept as typed. */
  g_assert_true (cd_date_parse ("2017-07-12T09:00:00+04:00", "en", 2026, &parts, &error));
  value = cd_date_parts_to_date_time (&parts, dubai, NULL);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (value)), ==, "Asia/Dubai");
  g_clear_pointer (&value, g_date_time_unref);

  value = cd_date_parts_to_date_time (&parts, berlin, NULL);
  g_assert_cmpint (g_date_time_get_utc_offset (value), ==, 4 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_hour (value), ==, 9);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (value)), !=, "Europe/Berlin");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date-parse/dates", test_dates);
  g_test_add_func ("/date-parse/bad-dates", test_bad_dates);
  g_test_add_func ("/date-parse/times", test_times);
  g_test_add_func ("/date-parse/to-date-time", test_to_date_time);

  return g_test_run ();
}
