/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-date-parse"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-date-parse.h"
#include "cd-language.h"
#include "cd-text.h"

/*
 * Dates as a desk types them: "12 July 2017", "July 12, 2017", "12 Jul
 * 2017", "12. Juli 2017", "12/07/2017" (month first only in American
 * English), "12.07.2017", ISO 8601 ("2017-07-12", "2017-07-12 09:00",
 * "2017-07-12T09:00:00+04:00"), each optionally followed by a time: "9:00",
 * "09:00", "9.30", "9:30 pm", "9pm", "9 Uhr". The text is folded first
 * (cd_text_fold), so case and accents do not matter ("marz" is März).
 * Month names are the article language's (from the table in cd-language.c)
 * and English ones, whole or cut to three letters or more ("Sept.").
 */

G_DEFINE_QUARK (cd-date-parse-error-quark, cd_date_parse_error)

static const char * const english_months[12] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
};

static const char * const german_months[12] = {
  "januar", "februar", "marz", "april", "mai", "juni", "juli", "august",
  "september", "oktober", "november", "dezember",
};

/* Weekdays a date may start with, as the date button shows it ("Wed 12 Jul
 * 2017"): English and German, matched by prefix. */
static const char * const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
  "sonnabend", "sonntag",
};

static GMatchInfo *
match (const char *pattern,
       const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
  GMatchInfo *info = NULL;

  g_assert (regex != NULL);
  if (!g_regex_match (regex, text, 0, &info))
    {
      g_clear_pointer (&info, g_match_info_free);
      return NULL;
    }
  return info;
}

/* Group @group of @info as a number, or -1 when it did not take part. */
static int
group_int (GMatchInfo *info,
           int         group)
{
  g_autofree char *text = g_match_info_fetch (info, group);

  if (text == NULL || text[0] == '\0')
    return -1;
  return (int) g_ascii_strtoll (text, NULL, 10);
}

static char *
group_text (GMatchInfo *info,
            int         group)
{
  char *text = g_match_info_fetch (info, group);

  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
month_matches (const char *word,
               const char *name)
{
  g_autofree char *folded = cd_text_fold (name);
  size_t length = strlen (word);

  return strcmp (word, folded) == 0 ||
         (g_utf8_strlen (word, -1) >= 3 && strncmp (word, folded, length) == 0);
}

/* The month @word names (folded, without a final dot), 0 when none. */
static int
month_from_word (const char             *word,
                 const CdLanguageWords  *words)
{
  /* German abbreviations that are not the start of the name. */
  if (strcmp (word, "mrz") == 0 || strcmp (word, "maerz") == 0)
    return 3;

  for (int i = 0; i < 12; i++)
    if (month_matches (word, words->months[i]))
      return i + 1;

  for (int i = 0; i < 12; i++)
    if (month_matches (word, english_months[i]))
      return i + 1;

  /* German too, the other language Copydesk's own window speaks: a German
   * desk editing an English article types "12. Juli". */
  for (int i = 0; i < 12; i++)
    if (month_matches (word, german_months[i]))
      return i + 1;

  return 0;
}

static gboolean
is_weekday (const char *word)
{
  size_t length = strlen (word);

  if (length < 2)
    return FALSE;

  for (size_t i = 0; i < G_N_ELEMENTS (weekdays); i++)
    if (strncmp (word, weekdays[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* Whether "12/07/2017" is month first for @language: American English, or
 * English without a region when the user's own locale is American. */
static gboolean
is_month_first (const char *language)
{
  g_autofree char *tag = g_ascii_strdown (language != NULL ? language : "", -1);
  const char *locale;

  g_strdelimit (tag, "_", '-');
  if (strcmp (tag, "en-us") == 0 || g_str_has_prefix (tag, "en-us-"))
    return TRUE;
  if (strcmp (tag, "en") != 0)
    return FALSE;

  locale = setlocale (LC_TIME, NULL);
  return locale != NULL && g_str_has_prefix (locale, "en_US");
}

static gboolean
check_date (CdDateParts  *out,
            GError      **error)
{
  if (out->month < 1 || out->month > 12)
    {
      g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                   _("There is no month %d; months run from 1 to 12"), out->month);
      return FALSE;
    }

  if (out->year < 1 || out->year > 9999)
    {
      g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                   _("The year %d is out of range; type a year from 1 to 9999"), out->year);
      return FALSE;
    }

  if (out->day < 1 || out->day > g_date_get_days_in_month (out->month, out->year))
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (out->year, out->month, 1, 0, 0, 0);
      g_autofree char *month = g_date_time_format (first, "%B %Y");

      if (out->day < 1)
        g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                     _("There is no day %d; days start at 1"), out->day);
      else
        g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                     /* Translators: "February 2017 has only 28 days". */
                     _("%s has only %d days"), month,
                     g_date_get_days_in_month (out->month, out->year));
      return FALSE;
    }

  return TRUE;
}

/* Reads the time after a date into @out, when there is one. */
static gboolean
parse_rest (const char   *rest,
            CdDateParts  *out,
            GError      **error)
{
  if (rest == NULL)
    return TRUE;

  if (!cd_time_parse (rest, &out->hour, &out->minute, error))
    return FALSE;

  out->has_time = TRUE;
  return TRUE;
}

static gboolean
parse_offset (const char *text,
              GTimeSpan  *offset)
{
  int hours, minutes = 0;
  int sign = text[0] == '-' ? -1 : 1;

  if (text[0] == 'z' || text[0] == 'Z')
    {
      *offset = 0;
      return TRUE;
    }

  hours = (text[1] - '0') * 10 + (text[2] - '0');
  if (text[3] == ':')
    text++;
  if (text[3] != '\0')
    minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59)
    return FALSE;

  *offset = (hours * G_TIME_SPAN_HOUR + minutes * G_TIME_SPAN_MINUTE) * sign;
  return TRUE;
}

static gboolean
parse_iso (const char   *text,
           CdDateParts  *out,
           GError      **error,
           gboolean     *matched)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *rest = NULL;

  info = match ("^(\\d{4})-(\\d{2})-(\\d{2})(?:(?:t|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
                "\\s*(z|[+-]\\d{2}(?::?\\d{2})?)?)?$", text);
  if (info != NULL)
    {
      *matched = TRUE;
      out->year = group_int (info, 1);
      out->month = group_int (info, 2);
      out->day = group_int (info, 3);
      if (group_int (info, 4) >= 0)
        {
          out->has_time = TRUE;
          out->hour = group_int (info, 4);
          out->minute = group_int (info, 5);
          out->second = MAX (group_int (info, 6), 0);
          if (out->hour > 23 || out->minute > 59 || out->second > 59)
            {
              g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                           _("“%02d:%02d” is not a time of day; hours run from 00 to 23 and "
                             "minutes from 00 to 59"), out->hour, out->minute);
              return FALSE;
            }
        }
      offset = group_text (info, 7);
      if (offset != NULL)
        {
          out->has_offset = TRUE;
          if (!parse_offset (offset, &out->offset))
            {
              g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                           _("“%s” is not a UTC offset; type it as in “+04:00”"), offset);
              return FALSE;
            }
        }
      return check_date (out, error);
    }

  /* An ISO date followed by a time in another form: "2017-07-12 9:30 pm". */
  info = match ("^(\\d{4})-(\\d{2})-(\\d{2})(?:,?\\s+(.+))?$", text);
  if (info == NULL)
    return FALSE;

  *matched = TRUE;
  out->year = group_int (info, 1);
  out->month = group_int (info, 2);
  out->day = group_int (info, 3);
  rest = group_text (info, 4);
  return check_date (out, error) && parse_rest (rest, out, error);
}

static int
full_year (int year)
{
  return year < 100 ? 2000 + year : year;
}

/**
 * cd_date_parse:
 * @text: what the user typed
 * @language: (nullable): the article's language (BCP 47), for month names
 *   and for the order of "12/07/2017"
 * @default_year: the year of a date typed without one ("12 July")
 * @out: (out caller-allocates): the date, and the time and offset when typed
 * @error: a message for the user when @text is not a date
 *
 * Reads a date as people type it in @language, or in ISO 8601.
 *
 * Returns: whether @text is a date
 */
gboolean
cd_date_parse (const char   *text,
               const char   *language,
               int           default_year,
               CdDateParts  *out,
               GError      **error)
{
  const CdLanguageWords *words = cd_language_words_lookup (language != NULL ? language : "");
  g_autofree char *folded = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *rest = NULL;
  gboolean matched = FALSE;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);
  folded = cd_text_fold (text);
  if (folded[0] == '\0')
    {
      g_set_error_literal (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_EMPTY,
                           _("Type a date, such as “12 July 2017” or “2017-07-12”"));
      return FALSE;
    }

  ok = parse_iso (folded, out, error, &matched);
  if (matched)
    return ok;

  /* "12/07/2017", "12.07.2017", "12-07-17", "12.07." */
  info = match ("^(\\d{1,2})([./-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?\\.?(?:(?:,\\s*|\\s+)(.+))?$",
                folded);
  if (info != NULL)
    {
      g_autofree char *separator = g_match_info_fetch (info, 2);
      int first = group_int (info, 1);
      int second = group_int (info, 3);
      int year = group_int (info, 4);

      if (separator[0] == '/' && is_month_first (language))
        out->month = first, out->day = second;
      else
        out->day = first, out->month = second;
      out->year = year >= 0 ? full_year (year) : default_year;
      rest = group_text (info, 5);

      if (out->month > 12 && out->day <= 12 && separator[0] == '/')
        {
          g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                       is_month_first (language)
                       ? _("There is no month %d; in American English the month comes first, "
                           "as in 07/12/2017 for 12 July 2017")
                       : _("There is no month %d; the day comes first, as in 12/07/2017 for "
                           "12 July 2017"),
                       out->month);
          return FALSE;
        }

      return check_date (out, error) && parse_rest (rest, out, error);
    }

  /* "12 July 2017", "12. Juli 2017", "Wed 12 Jul 2017", "12th July" */
  info = match ("^(?:(\\pL+)\\.?,?\\s+)?(\\d{1,2})(?:st|nd|rd|th|er)?\\.?\\s*(?:de\\s+)?(\\pL+)\\.?"
                "(?:,?\\s*(?:de\\s+)?(\\d{4}))?(?:(?:,\\s*|\\s+)(?:at\\s+|um\\s+)?(.+))?$", folded);
  if (info == NULL)
    /* "July 12, 2017", "Wed, July 12 2017", "Jul. 12" */
    {
      info = match ("^(?:(\\pL+)\\.?,?\\s+)?(\\pL+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?"
                    "(?:,?\\s*(\\d{4}))?(?:(?:,\\s*|\\s+)(?:at\\s+)?(.+))?$", folded);
      if (info != NULL)
        {
          g_autofree char *word = g_match_info_fetch (info, 2);

          out->month = month_from_word (word, words);
          out->day = group_int (info, 3);
        }
    }
  else
    {
      g_autofree char *word = g_match_info_fetch (info, 3);

      out->day = group_int (info, 2);
      out->month = month_from_word (word, words);
    }

  if (info != NULL)
    {
      g_autofree char *weekday = group_text (info, 1);
      g_autofree char *word = NULL;
      int year = group_int (info, 4);

      if (weekday != NULL && !is_weekday (weekday))
        goto syntax;

      if (out->month == 0)
        {
          g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_SYNTAX,
                       _("“%s” has no month name Copydesk knows; type the date as in "
                         "“12 July 2017” or “2017-07-12”"), text);
          return FALSE;
        }

      out->year = year >= 0 ? year : default_year;
      rest = group_text (info, 5);
      return check_date (out, error) && parse_rest (rest, out, error);
    }

syntax:
  g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_SYNTAX,
               _("“%s” is not a date Copydesk can read; type it as in “12 July 2017”, "
                 "“%s” or “2017-07-12”"),
               text, is_month_first (language) ? "07/12/2017" : "12/07/2017");
  return FALSE;
}

/**
 * cd_time_parse:
 * @text: what the user typed
 * @hour: (out): 0 to 23
 * @minute: (out): 0 to 59
 * @error: a message for the user when @text is not a time
 *
 * Reads a time of day: "9:00", "09:00", "9.30", "9h30", "9:30 pm", "9pm",
 * "21:00 Uhr", "9:00:00".
 *
 * Returns: whether @text is a time
 */
gboolean
cd_time_parse (const char  *text,
               int         *hour,
               int         *minute,
               GError     **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *meridiem = NULL;
  g_autofree char *suffix = NULL;
  int h, m;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (hour != NULL && minute != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = cd_text_fold (text);
  if (folded[0] == '\0')
    {
      g_set_error_literal (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_EMPTY,
                           _("Type a time, such as “09:30” or “9:30 pm”"));
      return FALSE;
    }

  info = match ("^(\\d{1,2})(?:[:.h](\\d{2})(?::(\\d{2}))?)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(uhr|h)?$",
                folded);
  if (info == NULL)
    {
      g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_SYNTAX,
                   _("“%s” is not a time; type it as in “09:30”, “9.30” or “9:30 pm”"), text);
      return FALSE;
    }

  h = group_int (info, 1);
  m = group_int (info, 2);
  meridiem = group_text (info, 4);
  suffix = group_text (info, 5);

  /* A bare "9" is a time being typed, or a typing slip; "9pm" and "9 Uhr"
   * say what they mean. */
  if (m < 0 && meridiem == NULL && suffix == NULL)
    {
      g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_SYNTAX,
                   _("“%s” is not a time; add the minutes, as in “%d:00”"), text, h);
      return FALSE;
    }
  if (m < 0)
    m = 0;

  if (meridiem != NULL)
    {
      if (h < 1 || h > 12)
        {
          g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                       _("With am or pm the hour runs from 1 to 12; “%s” has %d"), text, h);
          return FALSE;
        }
      h = h % 12 + (meridiem[0] == 'p' ? 12 : 0);
    }

  if (h > 23)
    {
      g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                   _("There is no hour %d; hours run from 0 to 23"), h);
      return FALSE;
    }
  if (m > 59 || group_int (info, 3) > 59)
    {
      g_set_error (error, CD_DATE_PARSE_ERROR, CD_DATE_PARSE_ERROR_RANGE,
                   _("There is no minute %d; minutes run from 0 to 59"), MAX (m, group_int (info, 3)));
      return FALSE;
    }

  *hour = h;
  *minute = m;
  return TRUE;
}

/**
 * cd_date_parts_to_date_time:
 * @parts: a date as typed
 * @zone: the zone the date is typed in
 * @current: (nullable): the value being replaced, whose time of day a date
 *   typed without one keeps
 *
 * Places @parts in @zone. A typed offset that is not @zone's at that time
 * gives a date-time at that offset.
 *
 * Returns: (transfer full) (nullable): the date-time, or %NULL when it does
 *   not exist
 */
GDateTime *
cd_date_parts_to_date_time (const CdDateParts *parts,
                            GTimeZone         *zone,
                            GDateTime         *current)
{
  g_autoptr(GDateTime) value = NULL;
  int hour = parts->hour, minute = parts->minute;
  double seconds = parts->second;

  g_return_val_if_fail (parts != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  if (!parts->has_time && current != NULL)
    {
      hour = g_date_time_get_hour (current);
      minute = g_date_time_get_minute (current);
      seconds = g_date_time_get_seconds (current);
    }

  value = g_date_time_new (zone, parts->year, parts->month, parts->day, hour, minute, seconds);
  if (value != NULL && parts->has_offset &&
      g_date_time_get_utc_offset (value) != parts->offset)
    {
      g_autoptr(GTimeZone) fixed = g_time_zone_new_offset ((gint32) (parts->offset / G_TIME_SPAN_SECOND));

      g_clear_pointer (&value, g_date_time_unref);
      value = g_date_time_new (fixed, parts->year, parts->month, parts->day, hour, minute, seconds);
    }

  return g_steal_pointer (&value);
}
