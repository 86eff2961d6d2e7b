/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The words of the numbers rule of house style: numbers in words, and the
 * words next to which a figure stays a figure (months, units, money, times)
 * or is a label ("Platform 3", "Seite 4"). */

#include "config.h"

#define G_LOG_DOMAIN "cd-style"

#include <string.h>

#include "cd-language.h"
#include "cd-style-private.h"

static const char * const english_numbers[CD_STYLE_WORDS_BELOW_MAX] = {
  NULL, "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
  "seventeen", "eighteen", "nineteen", "twenty",
};

/* German 1 is "ein", "eine" or "eins" by what follows: no single word. */
static const char * const german_numbers[CD_STYLE_WORDS_BELOW_MAX] = {
  NULL, NULL, "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
  "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn",
  "siebzehn", "achtzehn", "neunzehn", "zwanzig",
};

/* Folded: after these a figure is a measure, money, a time or a date. */
static const char * const unit_words[] = {
  "km", "m", "cm", "mm", "kg", "g", "mg", "t", "lb", "lbs", "oz", "ft", "mi",
  "mph", "kmh", "h", "hr", "hrs", "min", "mins", "s", "sec", "secs", "ms", "l",
  "ml", "cl", "gb", "mb", "kb", "tb", "kw", "kwh", "mw", "gw", "w", "v", "hz",
  "ghz", "mhz", "am", "pm", "percent", "per", "prozent", "uhr", "o'clock",
  "o’clock", "million", "millions", "billion", "billions", "trillion", "bn",
  "mio", "mrd", "millionen", "milliarden", "euro", "euros", "cent", "cents",
  "dollar", "dollars", "pounds", "pence", "p", "franken", "eur", "usd", "gbp",
  "chf", "degrees", "grad", "metres", "meters", "metre", "meter", "kilometres",
  "kilometers", "kilometre", "kilometer", "kilometer", "miles", "mile", "feet",
  "foot", "inches", "inch", "kilograms", "kilogram", "kilos", "kilo", "grams",
  "tonnes", "tons", "tonnen", "litres", "liters", "litre", "liter", "knots",
  "knoten", "meilen", "seemeilen", "zentimeter", "millimeter", "stundenkilometer",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
  "dec", "okt", "dez", "mär",
};

/* Folded: before these a figure is a label or a reference, not a count. */
static const char * const label_words[] = {
  "page", "pages", "p", "pp", "chapter", "section", "article", "paragraph",
  "clause", "number", "no", "nos", "nr", "item", "step", "stage", "level",
  "grade", "round", "game", "heat", "race", "leg", "part", "volume", "vol",
  "issue", "episode", "season", "series", "platform", "gate", "terminal",
  "pier", "berth", "route", "line", "bus", "track", "lane", "class", "aged",
  "age", "ages", "seite", "seiten", "kapitel", "abschnitt", "artikel", "absatz",
  "paragraf", "nummer", "stufe", "runde", "spiel", "rennen", "teil", "band",
  "folge", "staffel", "gleis", "bahnsteig", "linie", "platz", "klasse",
};

static GHashTable *
build_set (gboolean units)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (units)
    {
      const CdLanguageWords *all;
      size_t n = 0;

      for (size_t i = 0; i < G_N_ELEMENTS (unit_words); i++)
        g_hash_table_add (set, g_strdup (unit_words[i]));

      /* The month names of every language Copydesk writes dates in. */
      all = cd_language_words_get_all (&n);
      for (size_t i = 0; i < n; i++)
        {
          for (size_t m = 0; m < 12; m++)
            {
              if (all[i].months[m] != NULL)
                g_hash_table_add (set, g_utf8_casefold (all[i].months[m], -1));
            }
        }
    }
  else
    {
      for (size_t i = 0; i < G_N_ELEMENTS (label_words); i++)
        g_hash_table_add (set, g_strdup (label_words[i]));
    }

  return set;
}

gboolean
cd_style_is_month_or_unit (const char *folded_word)
{
  static GHashTable *set = NULL;

  if (g_once_init_enter (&set))
    g_once_init_leave (&set, build_set (TRUE));

  return g_hash_table_contains (set, folded_word);
}

gboolean
cd_style_is_label (const char *folded_word)
{
  static GHashTable *set = NULL;

  if (g_once_init_enter (&set))
    g_once_init_leave (&set, build_set (FALSE));

  return g_hash_table_contains (set, folded_word);
}

const char *
cd_style_number_word (const char *language,
                      guint       value)
{
  if (value >= CD_STYLE_WORDS_BELOW_MAX || language == NULL)
    return NULL;

  if (g_ascii_strncasecmp (language, "en", 2) == 0 && (language[2] == '\0' || language[2] == '-'))
    return english_numbers[value];

  if (g_ascii_strncasecmp (language, "de", 2) == 0 && (language[2] == '\0' || language[2] == '-'))
    return german_numbers[value];

  return NULL;
}
