/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "cd-text.h"

typedef struct
{
  const char *text;
  const char *slug;
} SlugCase;

static const SlugCase slug_cases[] = {
  { "Council approves new budget for 2026", "council-approves-new-budget-for-2026" },
  { "Überraschung in Köln: Straßenbahn fährt wieder",
    "uberraschung-in-koln-strassenbahn-fahrt-wieder" },
  { "À Paris, l’été sera chaud", "a-paris-lete-sera-chaud" },
  { "Grève générale : les cheminots en tête", "greve-generale-les-cheminots-en-tete" },
  { "Łódź", "lodz" },
  { "Żółć gęślą jaźń", "zolc-gesla-jazn" },
  { "¿Qué?", "que" },
  { "¡Señor Muñoz gana!", "senor-munoz-gana" },
  { "Ærø", "aero" },
  { "Søren Kierkegaard på Øresund", "soren-kierkegaard-pa-oresund" },
  { "Œuvre complète", "oeuvre-complete" },
  { "Þingvellir og Reykjavík", "thingvellir-og-reykjavik" },
  { "Đakovo", "dakovo" },
  { "Reporter's notebook", "reporters-notebook" },
  { "Reporter’s notebook", "reporters-notebook" },
  { "‘Quoted’ words", "quoted-words" },
  { "Rock 'n' roll", "rock-n-roll" },
  { "  --Hello,   world!!--  ", "hello-world" },
  { "a -- b __ c ... d", "a-b-c-d" },
  { "Q&A: what/why?", "q-a-what-why" },
  { "3.5% growth", "3-5-growth" },
  { "🎉 Party time 🎉", "party-time" },
  { "Ko\xcc\x88ln (decomposed)", "koln-decomposed" },
  { "CO₂ emissions", "co2-emissions" },
  { "ǅemal", "dzemal" },
  { "Ｆｕｌｌ width", "full-width" },
  { "日本語の文章です", "" },
  { "Москва", "" },
  { "🎉🎉🎉", "" },
  { "", "" },
  { "?!", "" },
};

static void
test_slugify_table (void)
{
  for (size_t i = 0; i < G_N_ELEMENTS (slug_cases); i++)
    {
      g_autofree char *slug = cd_text_slugify (slug_cases[i].text);

      g_test_message ("slugify (\"%s\")", slug_cases[i].text);
      g_assert_cmpstr (slug, ==, slug_cases[i].slug);

      if (*slug != '\0')
        g_assert_true (cd_text_is_valid_slug (slug));
      else
        g_assert_false (cd_text_is_valid_slug (slug));
    }
}

static void
test_slugify_length (void)
{
  /* The first 78 characters are whole words; the next word would end past
   * 80, so the cut falls at the hyphen before it. */
  const char *headline =
    "The quick brown fox jumps over the lazy dog while the committee "
    "deliberates at length about everything";
  const char *expected =
    "the-quick-brown-fox-jumps-over-the-lazy-dog-while-the-committee-deliberates-at";
  g_autofree char *slug = cd_text_slugify (headline);
  g_autofree char *exact = NULL;
  g_autofree char *one_word = NULL;
  g_autofree char *long_word = g_strnfill (100, 'x');
  g_autofree char *short_then_long = g_strconcat ("ab ", long_word, NULL);
  g_autofree char *two_words = NULL;

  g_assert_cmpstr (slug, ==, expected);
  g_assert_cmpuint (strlen (slug), ==, 78);
  g_assert_true (cd_text_is_valid_slug (slug));

  /* Exactly 80 characters of whole words are kept whole. */
  exact = cd_text_slugify ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa "
                           "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb ccc");
  g_assert_cmpstr (exact, ==,
                   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-"
                   "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
  g_assert_cmpuint (strlen (exact), ==, 80);

  /* A single word longer than the limit is cut at the limit. */
  one_word = cd_text_slugify (long_word);
  g_assert_cmpuint (strlen (one_word), ==, 80);
  g_assert_true (cd_text_is_valid_slug (one_word));

  /* A short word followed by a long one: cut at the only hyphen. */
  two_words = cd_text_slugify (short_then_long);
  g_assert_cmpstr (two_words, ==, "ab");
}

typedef struct
{
  const char *slug;
  gboolean    valid;
} ValidCase;

static void
test_is_valid_slug (void)
{
  static const ValidCase cases[] = {
    { "a", TRUE },
    { "council-approves-budget", TRUE },
    { "2026-election-results", TRUE },
    { "a1-b2-c3", TRUE },
    { "", FALSE },
    { "-leading", FALSE },
    { "trailing-", FALSE },
    { "double--hyphen", FALSE },
    { "Upper-case", FALSE },
    { "under_score", FALSE },
    { "with space", FALSE },
    { "köln", FALSE },
    { "dot.ted", FALSE },
    { "-", FALSE },
  };
  g_autofree char *eighty = g_strnfill (80, 'a');
  g_autofree char *eighty_one = g_strnfill (81, 'a');

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("is_valid_slug (\"%s\")", cases[i].slug);
      g_assert_true (cd_text_is_valid_slug (cases[i].slug) == cases[i].valid);
    }

  g_assert_false (cd_text_is_valid_slug (NULL));
  g_assert_true (cd_text_is_valid_slug (eighty));
  g_assert_false (cd_text_is_valid_slug (eighty_one));
}

typedef struct
{
  const char *text;
  size_t      words;
  size_t      characters;
  size_t      characters_no_spaces;
  size_t      paragraphs;
} CountCase;

static void
check_counts (const CountCase *cases,
              size_t           n_cases)
{
  for (size_t i = 0; i < n_cases; i++)
    {
      CdTextCounts counts;

      g_test_message ("count (\"%s\")", cases[i].text);
      cd_text_count (cases[i].text, -1, &counts);
      g_assert_cmpuint (counts.words, ==, cases[i].words);
      g_assert_cmpuint (counts.characters, ==, cases[i].characters);
      g_assert_cmpuint (counts.characters_no_spaces, ==, cases[i].characters_no_spaces);
      g_assert_cmpuint (counts.paragraphs, ==, cases[i].paragraphs);

      /* The per-field counter uses the same rule as the body's. */
      g_assert_cmpuint (cd_text_count_characters (cases[i].text), ==, cases[i].characters);

      /* An explicit length that covers the whole string counts the same. */
      cd_text_count (cases[i].text, (gssize) strlen (cases[i].text), &counts);
      g_assert_cmpuint (counts.words, ==, cases[i].words);
      g_assert_cmpuint (counts.characters, ==, cases[i].characters);
      g_assert_cmpuint (counts.characters_no_spaces, ==, cases[i].characters_no_spaces);
      g_assert_cmpuint (counts.paragraphs, ==, cases[i].paragraphs);
    }
}

static void
test_count_english (void)
{
  static const CountCase cases[] = {
    { "The quick brown fox jumps over the lazy dog.", 9, 44, 36, 1 },
    { "Hello, world!", 2, 13, 12, 1 },
    { "  leading and trailing  ", 3, 24, 18, 1 },
    { "one\ttab\fothers", 3, 14, 12, 1 },
  };

  check_counts (cases, G_N_ELEMENTS (cases));
}

static void
test_count_accented (void)
{
  static const CountCase cases[] = {
    /* Precomposed: each accented letter is one character. */
    { "Café crème à l’œil", 4, 18, 15, 1 },
    /* Decomposed: e + COMBINING ACUTE ACCENT still counts once, and the
     * mark does not split the word. */
    { "Cafe\xcc\x81 cre\xcc\x80me", 2, 10, 9, 1 },
    /* Several marks on one letter (Vietnamese ệ as e + dot below + circumflex). */
    { "Vie\xcc\xa3\xcc\x82t Nam", 2, 8, 7, 1 },
    /* A mark alone after a space neither starts a word nor counts. */
    { "a \xcc\x81 b", 2, 4, 2, 1 },
    { "Überraschung in Köln: Straßenbahn fährt wieder", 6, 46, 41, 1 },
    /* German compounds are one word however long. */
    { "Donaudampfschifffahrtsgesellschaftskapitän", 1, 42, 42, 1 },
    { "Ελληνικά και русский язык", 4, 25, 22, 1 },
    { "हिन्दी भाषा", 2, 6, 5, 1 },
  };

  check_counts (cases, G_N_ELEMENTS (cases));
}

static void
test_count_cjk (void)
{
  static const CountCase cases[] = {
    /* Every ideograph and kana is a word. */
    { "日本語の文章です", 8, 8, 8, 1 },
    /* Ideographic punctuation separates but is not a word. */
    { "東京は晴れ。大阪は雨。", 9, 11, 11, 1 },
    /* The prolonged sound mark is written as a kana and counts as one. */
    { "コーヒー", 4, 4, 4, 1 },
    /* Decomposed kana: ka + COMBINING VOICED SOUND MARK is ga. */
    { "か\xe3\x82\x99", 1, 1, 1, 1 },
    { "中文，简体", 4, 5, 5, 1 },
    /* Latin runs inside CJK count as words of their own. */
    { "日本のGDPは3.5%増えた", 9, 14, 14, 1 },
    { "Tokyo 東京 Osaka", 4, 14, 12, 1 },
    /* An ideographic space separates and is a space. */
    { "東京\xe3\x80\x80大阪", 4, 5, 4, 1 },
    /* Hangul is written with spaces: counted by space-separated run. */
    { "한국어 문장입니다", 2, 9, 8, 1 },
    /* Decomposed Hangul (jamo) counts one character per syllable. */
    { "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", 1, 1, 1, 1 },
    /* Thai has no spaces between words: a run counts as one word. */
    { "ภาษาไทย ง่าย", 2, 11, 10, 1 },
  };

  check_counts (cases, G_N_ELEMENTS (cases));
}

static void
test_count_numbers (void)
{
  static const CountCase cases[] = {
    { "3.5", 1, 3, 3, 1 },
    { "1,000 people", 2, 12, 11, 1 },
    { "1,000,000.50 euros", 2, 18, 17, 1 },
    /* A comma between words or after a number still separates. */
    { "red,green", 2, 9, 9, 1 },
    { "5, 6", 2, 4, 3, 1 },
    { "1,a", 2, 3, 3, 1 },
    /* A full stop at the end of a sentence does not join. */
    { "It cost 5. Then 6.", 5, 18, 14, 1 },
    { "2024-25 season", 2, 14, 13, 1 },
    { "٣٫٥ ١٬٠٠٠", 2, 9, 8, 1 },
    { "10:30", 2, 5, 5, 1 },
  };

  check_counts (cases, G_N_ELEMENTS (cases));
}

static void
test_count_joiners (void)
{
  static const CountCase cases[] = {
    { "don't", 1, 5, 5, 1 },
    { "don’t", 1, 5, 5, 1 },
    { "well-known", 1, 10, 10, 1 },
    { "well‐known non‑breaking", 2, 23, 22, 1 },
    { "snake_case U.S. e.g.", 3, 20, 18, 1 },
    /* Quotes at the edges of a word do not join anything. */
    { "'quoted' and ’this’", 3, 19, 17, 1 },
    { "rock 'n' roll", 3, 13, 11, 1 },
    /* Runs of joiners and dashes separate. */
    { "a--b", 2, 4, 4, 1 },
    { "a - b", 2, 5, 3, 1 },
    { "Paris–Berlin", 2, 12, 12, 1 },
    { "yes—no", 2, 6, 6, 1 },
    { "and/or", 2, 6, 6, 1 },
    { "-", 0, 1, 1, 1 },
    /* Invisible format characters join: soft hyphen, ZWNJ in Persian. */
    { "news\xc2\xadpaper", 1, 9, 9, 1 },
    { "می\xe2\x80\x8cخواهم", 1, 7, 7, 1 },
    /* ZERO WIDTH SPACE separates words and is not a visible character. */
    { "ภาษา\xe2\x80\x8bไทย", 2, 7, 7, 1 },
  };

  check_counts (cases, G_N_ELEMENTS (cases));
}

static void
test_count_emoji (void)
{
  static const CountCase cases[] = {
    /* Emoji are characters but not words. */
    { "Party 🎉", 1, 7, 6, 1 },
    /* Heart + VS16. */
    { "\xe2\x9d\xa4\xef\xb8\x8f", 0, 1, 1, 1 },
    /* Man, ZWJ, woman, ZWJ, girl: one family. */
    { "👨\xe2\x80\x8d👩\xe2\x80\x8d👧", 0, 1, 1, 1 },
    /* Woman + skin tone + ZWJ + laptop. */
    { "👩🏽\xe2\x80\x8d💻", 0, 1, 1, 1 },
    /* Heart on fire: heart, VS16, ZWJ, fire. */
    { "\xe2\x9d\xa4\xef\xb8\x8f\xe2\x80\x8d🔥", 0, 1, 1, 1 },
    /* Two flags, four regional indicators. */
    { "🇩🇪🇫🇷", 0, 2, 2, 1 },
    { "🇩🇪 🇫", 0, 3, 2, 1 },
    /* A ZWJ between letters is invisible and the letters still count. */
    { "a\xe2\x80\x8d" "b", 1, 2, 2, 1 },
  };

  check_counts (cases, G_N_ELEMENTS (cases));
}

static void
test_count_paragraphs (void)
{
  static const CountCase cases[] = {
    { "one\ntwo", 2, 7, 6, 1 },
    { "one\n\ntwo", 2, 8, 6, 2 },
    { "one\n\n\n\ntwo\n\nthree\n", 3, 18, 11, 3 },
    /* A line of only white space is blank. */
    { "one\n \t \ntwo", 2, 11, 6, 2 },
    /* CR LF is one character and one line break. */
    { "one\r\ntwo", 2, 7, 6, 1 },
    { "one\r\n\r\ntwo", 2, 8, 6, 2 },
    { "one\r\rtwo", 2, 8, 6, 2 },
    /* U+2029 PARAGRAPH SEPARATOR ends a paragraph by itself. */
    { "one\xe2\x80\xa9two", 2, 7, 6, 2 },
    { "\n\n  one  \n\n", 1, 11, 3, 1 },
  };

  check_counts (cases, G_N_ELEMENTS (cases));
}

static void
test_count_blank (void)
{
  static const CountCase cases[] = {
    { "", 0, 0, 0, 0 },
    { " ", 0, 1, 0, 0 },
    { " \t\n\n \r\n\xc2\xa0\xe3\x80\x80", 0, 8, 0, 0 },
    /* Punctuation alone is text: a paragraph of no words. */
    { "…", 0, 1, 1, 1 },
  };
  CdTextCounts counts;

  check_counts (cases, G_N_ELEMENTS (cases));

  /* NULL with length 0 is an empty text. */
  memset (&counts, 0xff, sizeof counts);
  cd_text_count (NULL, 0, &counts);
  g_assert_cmpuint (counts.words, ==, 0);
  g_assert_cmpuint (counts.characters, ==, 0);
  g_assert_cmpuint (counts.characters_no_spaces, ==, 0);
  g_assert_cmpuint (counts.paragraphs, ==, 0);

  g_assert_cmpuint (cd_text_count_characters (NULL), ==, 0);
}

static void
test_count_length (void)
{
  const char *text = "Hello wonderful world\n\nSecond paragraph";
  const char *accented = "Köln Köln";
  CdTextCounts counts;

  /* Only the first 5 bytes. */
  cd_text_count (text, 5, &counts);
  g_assert_cmpuint (counts.words, ==, 1);
  g_assert_cmpuint (counts.characters, ==, 5);
  g_assert_cmpuint (counts.characters_no_spaces, ==, 5);
  g_assert_cmpuint (counts.paragraphs, ==, 1);

  /* A length that ends inside a word counts the part before it. */
  cd_text_count (text, 9, &counts);
  g_assert_cmpuint (counts.words, ==, 2);
  g_assert_cmpuint (counts.characters, ==, 9);
  g_assert_cmpuint (counts.characters_no_spaces, ==, 8);

  cd_text_count (text, 0, &counts);
  g_assert_cmpuint (counts.words, ==, 0);
  g_assert_cmpuint (counts.characters, ==, 0);
  g_assert_cmpuint (counts.paragraphs, ==, 0);

  /* -1 and the full length agree. */
  cd_text_count (text, -1, &counts);
  g_assert_cmpuint (counts.words, ==, 5);
  g_assert_cmpuint (counts.characters, ==, 39);
  g_assert_cmpuint (counts.characters_no_spaces, ==, 34);
  g_assert_cmpuint (counts.paragraphs, ==, 2);

  /* A length in the middle of "ö" (2 bytes) counts the broken byte as one
   * character instead of reading past the end. */
  cd_text_count (accented, 2, &counts);
  g_assert_cmpuint (counts.words, ==, 1);
  g_assert_cmpuint (counts.characters, ==, 2);

  /* The text need not be nul-terminated at the length. */
  cd_text_count (accented, 6, &counts);
  g_assert_cmpuint (counts.words, ==, 1);
  g_assert_cmpuint (counts.characters, ==, 5);
  g_assert_cmpuint (counts.characters_no_spaces, ==, 4);

  /* An embedded nul ends the text. */
  cd_text_count ("one\0two", 7, &counts);
  g_assert_cmpuint (counts.words, ==, 1);
  g_assert_cmpuint (counts.characters, ==, 3);
}

static void
test_count_invalid_utf8 (void)
{
  CdTextCounts counts;

  /* Each stray byte is one character and separates words. */
  cd_text_count ("ab\xff\xfe" "cd", -1, &counts);
  g_assert_cmpuint (counts.words, ==, 2);
  g_assert_cmpuint (counts.characters, ==, 6);
  g_assert_cmpuint (counts.characters_no_spaces, ==, 6);
  g_assert_cmpuint (counts.paragraphs, ==, 1);

  /* A truncated sequence at the end. */
  cd_text_count ("ab\xe6\x97", -1, &counts);
  g_assert_cmpuint (counts.words, ==, 1);
  g_assert_cmpuint (counts.characters, ==, 4);

  g_assert_cmpuint (cd_text_count_characters ("ab\xff"), ==, 3);
}

static void
test_count_linear (void)
{
  /* A large text is counted exactly; run under valgrind this also shows
   * that nothing is allocated per character. */
  g_autoptr(GString) text = g_string_new (NULL);
  CdTextCounts counts;

  for (size_t i = 0; i < 10000; i++)
    g_string_append (text, "Ein schöner Tag, 日本. don't\n\n");

  cd_text_count (text->str, (gssize) text->len, &counts);
  g_assert_cmpuint (counts.words, ==, 10000 * 6);
  g_assert_cmpuint (counts.characters, ==, 10000 * 28);
  g_assert_cmpuint (counts.characters_no_spaces, ==, 10000 * 22);
  g_assert_cmpuint (counts.paragraphs, ==, 10000);
}

static void
test_fold (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "", "" },
    { "Économie", "economie" },
    { "  Umwelt   und\tKlima ", "umwelt und klima" },
    { "STRASSE", "strasse" },
    { "Ærø", "ærø" },
    { "driver\u2019s licence", "driver's licence" },
    { "e\u0301te\u0301", "ete" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = cd_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static char *
html (const char        *text,
      gssize             length,
      CdTextHtmlInvalid  invalid)
{
  GString *out = g_string_new ("<");

  /* Appending keeps what the string already holds. */
  cd_text_append_html (out, text, length, invalid);
  return g_string_free (out, FALSE);
}

static void
test_html_markup (void)
{
  for (int invalid = CD_TEXT_HTML_DROP_INVALID; invalid <= CD_TEXT_HTML_REPLACE_INVALID; invalid++)
    {
      g_autofree char *markup = html ("a & b < c > d \"e\" 'f'", -1, invalid);
      g_autofree char *entity = html ("&amp; &#58;", -1, invalid);
      g_autofree char *text = html ("Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80\ttab\nline", -1, invalid);
      g_autofree char *lines = html ("a\r\nb\rc\n", -1, invalid);
      g_autofree char *part = html ("ab&cd", 3, invalid);
      g_autofree char *empty = html (NULL, -1, invalid);

      g_assert_cmpstr (markup, ==, "<a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
      g_assert_cmpstr (entity, ==, "<&amp;amp; &amp;#58;");
      g_assert_cmpstr (text, ==, "<Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80\ttab\nline");
      /* CR LF and a lone CR are one line break, as HTML parsers read them. */
      g_assert_cmpstr (lines, ==, "<a\nb\nc\n");
      g_assert_cmpstr (part, ==, "<ab&amp;");
      g_assert_cmpstr (empty, ==, "<");
    }
}

/* Characters that HTML calls errors and XML 1.1 or XML 1.0 rejects: C0
 * controls other than white space, DEL, C1 controls, U+FFFE and U+FFFF. */
#define INVALID "a\x01" "b\x1b" "c\x7f" "d\xc2\x85" "e\xc2\x9f" "f\xef\xbf\xbe" "g\xef\xbf\xbf" "h"

static void
test_html_invalid (void)
{
  static const char with_nul[] = "x\0y";
  g_autofree char *dropped = html (INVALID, -1, CD_TEXT_HTML_DROP_INVALID);
  g_autofree char *replaced = html (INVALID, -1, CD_TEXT_HTML_REPLACE_INVALID);
  g_autofree char *nul_dropped = html (with_nul, sizeof with_nul - 1, CD_TEXT_HTML_DROP_INVALID);
  g_autofree char *nul_replaced = html (with_nul, sizeof with_nul - 1, CD_TEXT_HTML_REPLACE_INVALID);
  g_autofree char *bad_utf8 = html ("caf\xe9 \xff!", -1, CD_TEXT_HTML_DROP_INVALID);
  /* Characters next to the invalid ones stay: U+00A0, U+FFFD, U+FFFC. */
  g_autofree char *neighbours = html ("\xc2\xa0\xef\xbf\xbd\xef\xbf\xbc", -1, CD_TEXT_HTML_DROP_INVALID);

  g_assert_cmpstr (dropped, ==, "<abcdefgh");
  g_assert_cmpstr (replaced, ==, "<a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd" "d\xef\xbf\xbd"
                                 "e\xef\xbf\xbd" "f\xef\xbf\xbd" "g\xef\xbf\xbd" "h");
  g_assert_cmpstr (nul_dropped, ==, "<xy");
  g_assert_cmpstr (nul_replaced, ==, "<x\xef\xbf\xbdy");
  g_assert_true (g_utf8_validate (bad_utf8, -1, NULL));
  g_assert_true (g_str_has_prefix (bad_utf8, "<caf"));
  g_assert_true (g_str_has_suffix (bad_utf8, "!"));
  g_assert_cmpstr (neighbours, ==, "<\xc2\xa0\xef\xbf\xbd\xef\xbf\xbc");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/slugify/table", test_slugify_table);
  g_test_add_func ("/text/slugify/length", test_slugify_length);
  g_test_add_func ("/text/is-valid-slug", test_is_valid_slug);
  g_test_add_func ("/text/count/english", test_count_english);
  g_test_add_func ("/text/count/accented", test_count_accented);
  g_test_add_func ("/text/count/cjk", test_count_cjk);
  g_test_add_func ("/text/count/numbers", test_count_numbers);
  g_test_add_func ("/text/count/joiners", test_count_joiners);
  g_test_add_func ("/text/count/emoji", test_count_emoji);
  g_test_add_func ("/text/count/paragraphs", test_count_paragraphs);
  g_test_add_func ("/text/count/blank", test_count_blank);
  g_test_add_func ("/text/count/length", test_count_length);
  g_test_add_func ("/text/count/invalid-utf8", test_count_invalid_utf8);
  g_test_add_func ("/text/count/linear", test_count_linear);

  g_test_add_func ("/text/fold", test_fold);

  g_test_add_func ("/text/html/markup", test_html_markup);
  g_test_add_func ("/text/html/invalid", test_html_invalid);

  return g_test_run ();
}
