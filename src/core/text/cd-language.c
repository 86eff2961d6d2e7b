/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-language"

#include <string.h>

#include "cd-language.h"
#include "cd-text.h"

/* The words Copydesk adds to an article in the article's language, in one
 * table: the byline's "By" and joiners, which the model's byline, the page
 * and every export use (cd_byline_build()), and the page's headings and
 * dates. They follow the article's language, never the language of the
 * program or the process locale, so that the same article always gives the
 * same bytes. The date patterns are described at
 * cd_language_words_format_date(). */
#define ENGLISH_MONTHS { "January", "February", "March", "April", "May", "June", "July", \
                         "August", "September", "October", "November", "December" }
#define ENGLISH_WORDS "By ", ", ", " and ", "Untitled article", "Topics", \
                      "Comments", "Comments will appear here once the article is published.", \
                      "Embargoed until", "Corrections"

/* Region-specific ranges come before their language: the first match wins. */
static const CdLanguageWords languages[] = {
  { "en-us", "%B %d, %Y, %l:%M %p", ENGLISH_MONTHS, ENGLISH_WORDS },
  { "en-gb", "%d %B %Y, %H:%M %G", ENGLISH_MONTHS, ENGLISH_WORDS },
  { "en", "%d %B %Y, %H:%M", ENGLISH_MONTHS, ENGLISH_WORDS },
  { "de", "%d. %B %Y, %H:%M Uhr",
    { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
      "Oktober", "November", "Dezember" },
    "Von ", ", ", " und ", "Artikel ohne Titel", "Themen", "Kommentare",
    "Kommentare erscheinen hier, sobald der Artikel veröffentlicht ist.", "Sperrfrist bis", "Korrekturen" },
  { "fr", "%o %B %Y à %H:%M",
    { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
      "octobre", "novembre", "décembre" },
    "Par ", ", ", " et ", "Article sans titre", "Sujets", "Commentaires",
    "Les commentaires apparaîtront ici une fois l’article publié.", "Sous embargo jusqu’au", "Corrections" },
  { "es", "%d de %B de %Y, %k:%M",
    { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
      "octubre", "noviembre", "diciembre" },
    "Por ", ", ", " y ", "Artículo sin título", "Temas", "Comentarios",
    "Los comentarios aparecerán aquí cuando se publique el artículo.", "Embargado hasta el", "Correcciones" },
  { "it", "%d %B %Y, %H:%M",
    { "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
      "settembre", "ottobre", "novembre", "dicembre" },
    "Di ", ", ", " e ", "Articolo senza titolo", "Argomenti", "Commenti",
    "I commenti appariranno qui dopo la pubblicazione dell’articolo.", "Embargo:", "Correzioni" },
  { "nl", "%d %B %Y om %H:%M",
    { "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
      "oktober", "november", "december" },
    "Door ", ", ", " en ", "Artikel zonder titel", "Onderwerpen", "Reacties",
    "Reacties verschijnen hier zodra het artikel is gepubliceerd.", "Onder embargo tot", "Correcties" },
  { "pt", "%d de %B de %Y às %H:%M",
    { "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
      "outubro", "novembro", "dezembro" },
    "Por ", ", ", " e ", "Artigo sem título", "Temas", "Comentários",
    "Os comentários aparecerão aqui quando o artigo for publicado.", "Sob embargo até", "Correções" },
  { "sv", "%d %B %Y kl. %H:%M",
    { "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
      "oktober", "november", "december" },
    "Av ", ", ", " och ", "Artikel utan rubrik", "Ämnen", "Kommentarer",
    "Kommentarer visas här när artikeln har publicerats.", "Embargo till", "Rättelser" },
  { "da", "%d. %B %Y kl. %H.%M",
    { "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
      "oktober", "november", "december" },
    "Af ", ", ", " og ", "Artikel uden titel", "Emner", "Kommentarer",
    "Kommentarer vises her, når artiklen er udgivet.", "Embargo til", "Rettelser" },
  { "nb", "%d. %B %Y kl. %H:%M",
    { "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
      "oktober", "november", "desember" },
    "Av ", ", ", " og ", "Artikkel uten tittel", "Emner", "Kommentarer",
    "Kommentarer vises her når artikkelen er publisert.", "Sperrefrist til", "Rettelser" },
  { "no", "%d. %B %Y kl. %H:%M",
    { "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
      "oktober", "november", "desember" },
    "Av ", ", ", " og ", "Artikkel uten tittel", "Emner", "Kommentarer",
    "Kommentarer vises her når artikkelen er publisert.", "Sperrefrist til", "Rettelser" },
  { "nn", "%d. %B %Y kl. %H:%M",
    { "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
      "oktober", "november", "desember" },
    "Av ", ", ", " og ", "Artikkel utan tittel", "Emne", "Kommentarar",
    "Kommentarar blir viste her når artikkelen er publisert.", "Sperrefrist til", "Rettingar" },
  /* Polish and Greek bylines name the authors without a "by". */
  { "pl", "%d %B %Y, %H:%M",
    { "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
      "września", "października", "listopada", "grudnia" },
    "", ", ", " i ", "Artykuł bez tytułu", "Tematy", "Komentarze",
    "Komentarze pojawią się tutaj po publikacji artykułu.", "Embargo do", "Sprostowania" },
  { "el", "%d %B %Y, %H:%M",
    { "Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου",
      "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου" },
    "", ", ", " και ", "Άρθρο χωρίς τίτλο", "Θέματα", "Σχόλια",
    "Τα σχόλια θα εμφανιστούν εδώ μόλις δημοσιευτεί το άρθρο.", "Υπό εμπάργκο έως", "Διορθώσεις" },
  /* Japanese bylines list the names. */
  { "ja", "%Y年%m月%d日 %k:%M",
    { "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月" },
    "", "、", "、", "無題の記事", "トピック", "コメント",
    "記事の公開後、ここにコメントが表示されます。", "解禁日時：", "訂正" },
  /* The Arabic "and" joins the next word. */
  { "ar", "%d %B %Y، %H:%M",
    { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
      "أكتوبر", "نوفمبر", "ديسمبر" },
    "بقلم ", "، ", " و", "مقال بلا عنوان", "مواضيع", "التعليقات",
    "ستظهر التعليقات هنا بعد نشر المقال.", "محظور النشر حتى", "تصحيحات" },
};

/* Any other language: English words and an ISO-like date that no reader
 * misreads. */
static const CdLanguageWords fallback_language = {
  "", "%Y-%N-%D %H:%M %Z", ENGLISH_MONTHS, ENGLISH_WORDS
};

/* Whether @language (a BCP 47 tag) falls in @range, as in RFC 4647 basic
 * filtering: the range equals the tag or is a prefix of it ending at a hyphen.
 * An underscore counts as a hyphen, for POSIX-style tags like "en_GB". */
static gboolean
language_in_range (const char *language,
                   const char *range)
{
  size_t i;

  for (i = 0; range[i] != '\0'; i++)
    {
      char c = g_ascii_tolower (language[i]);

      if (c == '_')
        c = '-';
      if (c != range[i])
        return FALSE;
    }

  return language[i] == '\0' || language[i] == '-' || language[i] == '_';
}

/**
 * cd_language_words_lookup:
 * @language: (nullable): a BCP 47 language tag such as `en-GB`
 *
 * The words for @language: the first entry of the table whose range
 * @language falls in, or English words with an ISO-like date for a
 * language the table does not have.
 *
 * Returns: (transfer none): the words
 */
const CdLanguageWords *
cd_language_words_lookup (const char *language)
{
  if (language == NULL)
    return &fallback_language;

  for (size_t i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (language_in_range (language, languages[i].range))
        return &languages[i];
    }

  return &fallback_language;
}

/**
 * cd_language_words_get_all:
 * @n_words: (out): the number of entries
 *
 * The table, for tests and lists: every language with words of its own,
 * region-specific ranges before their language.
 *
 * Returns: (transfer none) (array length=n_words): the entries
 */
const CdLanguageWords *
cd_language_words_get_all (size_t *n_words)
{
  g_return_val_if_fail (n_words != NULL, NULL);

  *n_words = G_N_ELEMENTS (languages);
  return languages;
}

/* "UTC", "UTC+1", "UTC+5:30", "UTC−4" (with a minus sign). */
static void
append_utc_offset (GString   *out,
                   GDateTime *date_time)
{
  GTimeSpan offset = g_date_time_get_utc_offset (date_time) / G_TIME_SPAN_MINUTE;
  GTimeSpan magnitude = ABS (offset);

  g_string_append (out, "UTC");
  if (offset == 0)
    return;

  g_string_append (out, offset < 0 ? "\xe2\x88\x92" : "+");
  g_string_append_printf (out, "%d", (int)(magnitude / 60));
  if (magnitude % 60 != 0)
    g_string_append_printf (out, ":%02d", (int)(magnitude % 60));
}

static void
format_date (GString               *out,
             GDateTime             *date_time,
             const CdLanguageWords *language)
{
  int day = g_date_time_get_day_of_month (date_time);
  int month = g_date_time_get_month (date_time);
  int hour = g_date_time_get_hour (date_time);
  int minute = g_date_time_get_minute (date_time);

  for (const char *p = language->date_format; *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      switch (*++p)
        {
        case 'd':
          g_string_append_printf (out, "%d", day);
          break;

        case 'D':
          g_string_append_printf (out, "%02d", day);
          break;

        case 'o':
          g_string_append_printf (out, "%d", day);
          if (day == 1)
            g_string_append (out, "er");
          break;

        case 'B':
          g_string_append (out, language->months[month - 1]);
          break;

        case 'm':
          g_string_append_printf (out, "%d", month);
          break;

        case 'N':
          g_string_append_printf (out, "%02d", month);
          break;

        case 'Y':
          g_string_append_printf (out, "%d", g_date_time_get_year (date_time));
          break;

        case 'H':
          g_string_append_printf (out, "%02d", hour);
          break;

        case 'k':
          g_string_append_printf (out, "%d", hour);
          break;

        case 'l':
          g_string_append_printf (out, "%d", hour % 12 == 0 ? 12 : hour % 12);
          break;

        case 'M':
          g_string_append_printf (out, "%02d", minute);
          break;

        case 'p':
          g_string_append (out, hour < 12 ? "AM" : "PM");
          break;

        case 'G':
          {
            GTimeSpan offset = g_date_time_get_utc_offset (date_time);

            if (offset == 0)
              g_string_append (out, "GMT");
            else if (offset == G_TIME_SPAN_HOUR)
              g_string_append (out, "BST");
            else
              append_utc_offset (out, date_time);
          }
          break;

        case 'Z':
          append_utc_offset (out, date_time);
          break;

        case '%':
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/**
 * cd_language_words_format_date:
 * @words: the language's words
 * @date_time: a #GDateTime
 *
 * Formats a date and time as a newspaper in the language prints it, in the
 * time's own UTC offset. @date_format holds `%d` day, `%D` two-digit day,
 * `%o` day with the French ordinal ("1er"), `%B` month name, `%m` month
 * number, `%N` two-digit month, `%Y` year, `%H` two-digit 24-hour hour, `%k`
 * 24-hour hour, `%l` 12-hour hour, `%M` two-digit minute, `%p` AM or PM,
 * `%Z` the offset as "UTC" or "UTC+1", `%G` the same but "GMT" and "BST" for
 * the two British offsets, `%%` a percent sign.
 *
 * Returns: (transfer full): the formatted date
 */
char *
cd_language_words_format_date (const CdLanguageWords *words,
                               GDateTime             *date_time)
{
  GString *out;

  g_return_val_if_fail (words != NULL, NULL);
  g_return_val_if_fail (date_time != NULL, NULL);

  out = g_string_new (NULL);
  format_date (out, date_time, words);
  return g_string_free (out, FALSE);
}

/* @text without the white space around it, as a new string. */
static char *
strip_blanks (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

/**
 * cd_byline_build:
 * @names: (array zero-terminated=1) (nullable): the authors' names, in
 *   byline order
 * @language: (nullable): the article's BCP 47 language tag
 * @append: called with each piece of the byline, in order
 * @user_data: data for @append
 *
 * Builds a byline from names with the words of @language: "By A", "By A
 * and B", "By A, B and C" in English, "Von A und B" in German, "A και B" in
 * Greek, "A、B" in Japanese. A blank name is left out; the others are
 * stripped of the white space around them. Nothing is appended when no
 * name is left.
 *
 * Every byline Copydesk writes, in the model, on the page and in the
 * exports, is built here, so that they are the same text; the page adds
 * its markup around the pieces.
 */
void
cd_byline_build (const char * const *names,
                 const char         *language,
                 CdBylineAppendFunc  append,
                 gpointer            user_data)
{
  const CdLanguageWords *words = cd_language_words_lookup (language);
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (append != NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (!cd_text_is_blank (names[i]))
        g_array_append_val (present, i);
    }

  for (guint i = 0; i < present->len; i++)
    {
      guint index = g_array_index (present, guint, i);
      g_autofree char *name = strip_blanks (names[index]);

      if (i == 0)
        {
          if (words->by[0] != '\0')
            append (CD_BYLINE_PART_WORDS, words->by, 0, user_data);
        }
      else
        {
          append (CD_BYLINE_PART_WORDS,
                  i + 1 == present->len ? words->last_separator : words->list_separator,
                  0, user_data);
        }

      append (CD_BYLINE_PART_NAME, name, index, user_data);
    }
}
