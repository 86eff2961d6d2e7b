/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The spell checker on the real enchant-2 and hunspell dictionaries (en_GB,
 * en_US, de_DE), with enchant's personal dictionaries in the test case's own
 * folder. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cd-article.h"
#include "cd-image.h"
#include "cd-preflight.h"
#include "cd-spell.h"
#include "cd-test-util.h"

static gboolean
collect_word (const char *text,
              gsize       start,
              gsize       end,
              gpointer    user_data)
{
  GString *words = user_data;

  g_assert_cmpuint (start, <, end);
  g_assert_true (g_utf8_validate (text + start, (gssize) (end - start), NULL));
  if (words->len > 0)
    g_string_append_c (words, '|');
  g_string_append_len (words, text + start, (gssize) (end - start));
  return TRUE;
}

static char *
words_of (const char      *text,
          gssize           length,
          CdSpellTextKind  kind)
{
  GString *words = g_string_new (NULL);

  cd_spell_foreach_word (text, length, kind, collect_word, words);
  return g_string_free (words, FALSE);
}

typedef struct
{
  const char *text;
  const char *words;
} WordCase;

static const WordCase markdown_cases[] = {
  { "Hello world", "Hello|world" },
  { "# A *bold* _claim_ > **here**", "A|bold|claim|here" },
  { "> quoted text\n> - listed item\n1. numbered one", "quoted|text|listed|item|numbered|one" },
  { "Read [the report](https://example.com/reportt \"Titel\") now", "Read|the|report|now" },
  { "An ![aerial view](images/ferryy.jpg) here", "An|aerial|view|here" },
  { "See [the list][refx] and [more][]", "See|the|list|and|more" },
  { "[refx]: https://example.com/xyzzy \"Some titel\"\nnext line", "next|line" },
  { "Mail <https://example.com/abcd> or <someone@example.com> today", "Mail|or|today" },
  { "Run `git frobnicate` or ``a ` b`` then", "Run|or|then" },
  { "Before\n\n```sh\nfenced kode\n```\nafter", "Before|after" },
  { "Before\n\n~~~~\nfenced kode\n~~~\nstill kode\n~~~~\nafter", "Before|after" },
  { "Para\n\n    indented kode\n    more kode\n\nback", "Para|back" },
  { "Para\n    lazy continuation", "Para|lazy|continuation" },
  { "- item\n\n    continued item", "item|continued|item" },
  { "Some <span class=\"hilite\">marked</span> text", "Some|marked|text" },
  { "<div align=\"centre\">\nblock words\n</div>", "block|words" },
  { "Text <!-- a commment\nover lines --> after", "Text|after" },
  { "<script>var foo = bar;</script>after", "after" },
  { "Caf&eacute; &amp; bar&#8217;s", "Caf|bar|s" },
  { "Visit https://www.example.com/path?q=wordz, then", "Visit|then" },
  { "Visit www.examplee.org/x or example.com today", "Visit|or|today" },
  { "Write to jane.doe@example.co.uk please", "Write|to|please" },
  { "Tagged medtop:20000123 and subj:04000000", "Tagged|and" },
  { "The 4th of 12 COVID-19 mp3 files", "The|of|COVID|files" },
  { "A well-known state-of-the-art plan", "A|well|known|state|of|the|art|plan" },
  { "don't won’t rock'n'roll students' dogs", "don't|won’t|rock'n'roll|students|dogs" },
  { "Über straße Ærø naïve", "Über|straße|Ærø|naïve" },
  { "snake_case and __bold__ names", "and|bold|names" },
  { "e.g. i.e. U.S. policy", "e|g|i|e|U|S|policy" },
  { "Escaped \\*stars\\* and \\[brackets]", "Escaped|stars|and|brackets" },
  { "| Table | head |\n|---|---|\n| cell | two |", "Table|head|cell|two" },
  { "Unclosed `tick and [text](", "Unclosed|tick|and|text" },
  { "A note.[^1]\n\n[^1]: Footnote prose here", "A|note|Footnote|prose|here" },
  { "Follow @portmere_news and @Harbour", "Follow|and" },
  { "Two ``` ticks ``` and a ```` run", "Two|and|a|run" },
  { "", "" },
};

static const WordCase plain_cases[] = {
  { "Hello `code` [link](target)", "Hello|code|link|target" },
  { "Visit https://example.com/abc today", "Visit|today" },
  { "Mail jane@example.com or see example.org", "Mail|or|see" },
  { "Code medtop:20000123 here", "Code|here" },
  { "Plain <b>tags</b> count", "Plain|b|tags|b|count" },
  { "4th well-known", "well|known" },
};

static void
test_words_markdown (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (markdown_cases); i++)
    {
      g_autofree char *words = words_of (markdown_cases[i].text, -1, CD_SPELL_TEXT_MARKDOWN);

      g_test_message ("markdown: %s", markdown_cases[i].text);
      g_assert_cmpstr (words, ==, markdown_cases[i].words);
    }
}

static void
test_words_plain (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (plain_cases); i++)
    {
      g_autofree char *words = words_of (plain_cases[i].text, -1, CD_SPELL_TEXT_PLAIN);

      g_test_message ("plain: %s", plain_cases[i].text);
      g_assert_cmpstr (words, ==, plain_cases[i].words);
    }
}

static gboolean
stop_after_two (const char *text,
                gsize       start,
                gsize       end,
                gpointer    user_data)
{
  guint *count = user_data;

  return ++*count < 2;
}

static gboolean
count_words (const char *text,
             gsize       start,
             gsize       end,
             gpointer    user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static void
test_words_robust (void)
{
  /* Invalid UTF-8 separates words and is never part of one. */
  static const char invalid[] = "good\xff" "bad\xc3 more \xe2\x80 end\xf0\x9f";
  g_autofree char *words = words_of (invalid, -1, CD_SPELL_TEXT_MARKDOWN);
  g_autofree char *plain = words_of (invalid, -1, CD_SPELL_TEXT_PLAIN);
  /* The length given, not the nul. */
  g_autofree char *cut = words_of ("alpha beta", 7, CD_SPELL_TEXT_PLAIN);
  g_autofree char *nul = words_of ("one\0two", 7, CD_SPELL_TEXT_PLAIN);
  guint count = 0;

  g_assert_cmpstr (words, ==, "good|bad|more|end");
  g_assert_cmpstr (plain, ==, "good|bad|more|end");
  g_assert_cmpstr (cut, ==, "alpha|b");
  g_assert_cmpstr (nul, ==, "one|two");

  cd_spell_foreach_word ("one two three four", -1, CD_SPELL_TEXT_PLAIN, stop_after_two, &count);
  g_assert_cmpuint (count, ==, 2);

  /* Long runs of one construct: every word, in linear time. */
  {
    static const struct
    {
      const char *piece;
      guint       words;
    } runs[] = {
      { "ab-", 1 }, { "ab+", 1 }, { "ab.c", 1 }, { "ab%", 1 }, { "ab:", 1 }, { "ab ](", 1 },
      { "ab <x ", 2 }, { "ab ` ", 1 }, { "ab @x ", 1 }, { "a.1", 0 },
    };

    for (gsize r = 0; r < G_N_ELEMENTS (runs); r++)
      {
        g_autoptr(GString) run = g_string_new (NULL);
        guint found = 0;

        for (guint i = 0; i < 3000; i++)
          g_string_append (run, runs[r].piece);
        cd_spell_foreach_word (run->str, (gssize) run->len, CD_SPELL_TEXT_MARKDOWN,
                               count_words, &found);
        g_test_message ("run of %s", runs[r].piece);
        g_assert_cmpuint (found, >=, runs[r].words * 3000 / 2);
        g_assert_cmpuint (found, <=, runs[r].words * 3000 + 1);
      }
  }

  /* Every byte value, in every kind, at every length. */
  for (guint seed = 0; seed < 200; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      char junk[257];
      static const char pieces[] = "`[]()<>!-*_#>&;:/.@\n \\'~";

      for (gsize i = 0; i < sizeof junk; i++)
        {
          guint32 r = g_rand_int (rand);

          junk[i] = (r & 1) ? pieces[(r >> 8) % (sizeof pieces - 1)] : (char) (r >> 16);
        }
      for (gsize length = 0; length <= sizeof junk; length += 37)
        {
          g_autofree char *a = words_of (junk, (gssize) length, CD_SPELL_TEXT_MARKDOWN);
          g_autofree char *b = words_of (junk, (gssize) length, CD_SPELL_TEXT_PLAIN);

          g_assert_nonnull (a);
          g_assert_nonnull (b);
        }
    }
}

static CdSpellChecker *
new_checker (const char *language)
{
  g_autoptr(GError) error = NULL;
  CdSpellChecker *checker = cd_spell_checker_new (language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (checker);
  return checker;
}

static void
test_language_exact (void)
{
  g_autoptr(CdSpellChecker) gb = new_checker ("en-GB");
  g_autoptr(CdSpellChecker) us = new_checker ("en_us");
  g_autoptr(CdSpellChecker) de = new_checker ("de-DE");

  g_assert_cmpstr (cd_spell_checker_get_language (gb), ==, "en-GB");
  g_assert_cmpstr (cd_spell_checker_get_dictionary (gb), ==, "en_GB");
  g_assert_cmpstr (cd_spell_checker_get_dictionary_name (gb), ==, "English (United Kingdom)");
  g_assert_null (cd_spell_checker_get_fallback_message (gb));
  g_assert_true (cd_spell_checker_check_word (gb, "colour", -1));
  g_assert_false (cd_spell_checker_check_word (gb, "recieve", -1));

  g_assert_cmpstr (cd_spell_checker_get_dictionary (us), ==, "en_US");
  g_assert_true (cd_spell_checker_check_word (us, "color", -1));
  g_assert_false (cd_spell_checker_check_word (us, "colour", -1));

  g_assert_cmpstr (cd_spell_checker_get_dictionary (de), ==, "de_DE");
  g_assert_cmpstr (cd_spell_checker_get_dictionary_name (de), ==, "German (Germany)");
  g_assert_null (cd_spell_checker_get_fallback_message (de));
  g_assert_true (cd_spell_checker_check_word (de, "Straße", -1));
  g_assert_true (cd_spell_checker_check_word (de, "Fähre", -1));
  g_assert_false (cd_spell_checker_check_word (de, "Fährre", -1));
}

static void
test_language_fallback (void)
{
  g_autoptr(CdSpellChecker) nz = new_checker ("en-NZ");
  g_autoptr(CdSpellChecker) en = new_checker ("en");
  g_autoptr(CdSpellChecker) de = new_checker ("de");
  g_autoptr(CdSpellChecker) ch = new_checker ("de-CH");

  g_assert_cmpstr (cd_spell_checker_get_dictionary (nz), ==, "en_US");
  g_assert_cmpstr (cd_spell_checker_get_fallback_message (nz), ==,
                   "No dictionary for en-NZ; checking with English (United States).");
  g_assert_false (cd_spell_checker_check_word (nz, "recieve", -1));

  /* A language alone is no fallback. */
  g_assert_cmpstr (cd_spell_checker_get_dictionary (en), ==, "en_US");
  g_assert_null (cd_spell_checker_get_fallback_message (en));
  g_assert_cmpstr (cd_spell_checker_get_dictionary (de), ==, "de_DE");
  g_assert_null (cd_spell_checker_get_fallback_message (de));

  g_assert_cmpstr (cd_spell_checker_get_dictionary (ch), ==, "de_DE");
  g_assert_cmpstr (cd_spell_checker_get_fallback_message (ch), ==,
                   "No dictionary for de-CH; checking with German (Germany).");
}

static void
test_language_missing (void)
{
  static const struct
  {
    const char *tag;
    const char *message;
  } cases[] = {
    { "sw", "There is no spelling dictionary for Swahili (sw). Install the hunspell dictionary "
            "for the language (for example the Debian package hunspell-sw) and check again." },
    { "sw-KE", "There is no spelling dictionary for Swahili (Kenya) (sw-KE). Install the "
               "hunspell dictionary for the language (for example the Debian package "
               "hunspell-sw-ke) and check again." },
    { "qq", "There is no spelling dictionary for qq. Install the hunspell dictionary for the "
            "language (for example the Debian package hunspell-qq) and check again." },
    { "", "“” is not a language tag, so there is no dictionary to check spelling with." },
    { "e", "“e” is not a language tag, so there is no dictionary to check spelling with." },
    { "../en", "“../en” is not a language tag, so there is no dictionary to check spelling "
               "with." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdSpellChecker) checker = cd_spell_checker_new (cases[i].tag, &error);

      g_test_message ("language %s", cases[i].tag);
      g_assert_null (checker);
      g_assert_error (error, CD_SPELL_ERROR, CD_SPELL_ERROR_NO_DICTIONARY);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static CdHouseRules *load_rules (const char *json);

static gboolean
strv_has (char       **strv,
          const char  *word)
{
  return g_strv_contains ((const char * const *) strv, word);
}

static void
test_suggest (void)
{
  g_autoptr(CdSpellChecker) gb = new_checker ("en-GB");
  g_auto(GStrv) receive = cd_spell_checker_suggest (gb, "recieve", -1, 5);
  g_auto(GStrv) one = cd_spell_checker_suggest (gb, "recieve", -1, 1);
  g_auto(GStrv) none = cd_spell_checker_suggest (gb, "recieve", -1, 0);
  g_auto(GStrv) invalid = cd_spell_checker_suggest (gb, "re\xffieve", -1, 5);
  g_auto(GStrv) curly = cd_spell_checker_suggest (gb, "dont’", 5, 5);
  g_auto(GStrv) curly_word = cd_spell_checker_suggest (gb, "doesn’tt", -1, 8);

  g_assert_true (strv_has (receive, "receive"));
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (invalid), ==, 0);
  g_assert_nonnull (curly);
  /* A word with ’ gets suggestions with ’, not the dictionary's '. */
  g_assert_true (strv_has (curly_word, "doesn’t"));
  for (guint i = 0; curly_word[i] != NULL; i++)
    g_assert_null (strchr (curly_word[i], '\''));
}

static void
test_apostrophes (void)
{
  g_autoptr(CdSpellChecker) gb = new_checker ("en-GB");

  g_assert_true (cd_spell_checker_check_word (gb, "don't", -1));
  g_assert_true (cd_spell_checker_check_word (gb, "don’t", -1));
  g_assert_true (cd_spell_checker_check_word (gb, "ferry's", -1));
  g_assert_true (cd_spell_checker_check_word (gb, "ferry’s", -1));
  g_assert_false (cd_spell_checker_check_word (gb, "dont’", -1));
  /* The length given. */
  g_assert_true (cd_spell_checker_check_word (gb, "ferryzzz", 5));
  /* Not UTF-8: not the writer's spelling to judge. */
  g_assert_true (cd_spell_checker_check_word (gb, "f\xffrry", -1));
}

static void
test_personal_dictionary (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *config = g_build_filename (dir, "enchant", NULL);
  g_autofree char *file = g_build_filename (config, "en_GB.dic", NULL);
  g_autofree char *contents = NULL;

  g_setenv ("ENCHANT_CONFIG_DIR", config, TRUE);
  {
    g_autoptr(CdSpellChecker) gb = new_checker ("en-GB");

    g_assert_false (cd_spell_checker_check_word (gb, "Portmere", -1));
    cd_spell_checker_add_word (gb, "Portmere", -1);
    /* The cache does not hold the old answer. */
    g_assert_true (cd_spell_checker_check_word (gb, "Portmere", -1));
  }
  /* enchant keeps it in its configuration folder, here the test's own. */
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Portmere"));
  {
    g_autoptr(CdSpellChecker) again = new_checker ("en-GB");

    g_assert_true (cd_spell_checker_check_word (again, "Portmere", -1));
    g_assert_false (cd_spell_checker_check_word (again, "Portmeer", -1));
  }
  g_unsetenv ("ENCHANT_CONFIG_DIR");
  cd_test_remove_tree (dir);
}

static void
test_ignore (void)
{
  g_autoptr(CdSpellChecker) gb = new_checker ("en-GB");
  g_autoptr(CdSpellChecker) other = new_checker ("en-GB");

  g_assert_false (cd_spell_checker_check_word (gb, "Kwamee", -1));
  cd_spell_checker_ignore_word (gb, "Kwamee", -1);
  g_assert_true (cd_spell_checker_check_word (gb, "Kwamee", -1));
  /* For this checker only. */
  g_assert_false (cd_spell_checker_check_word (other, "Kwamee", -1));
}

static void
test_house_words (void)
{
  static const char * const words[] = { "Waitematā", "Te Atatū", "Ngata-Smythe", NULL };
  static const char * const fewer[] = { "Ngata-Smythe", NULL };
  g_autoptr(CdSpellChecker) gb = new_checker ("en-GB");
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  const char *text = "Waitematā and Te Atatū, Waitematā's shore, WAITEMATĀ, Ngata.";

  before = cd_spell_checker_check_text (gb, text, -1, CD_SPELL_TEXT_PLAIN);
  g_assert_cmpuint (before->len, ==, 8);

  cd_spell_checker_set_house_words (gb, words);
  after = cd_spell_checker_check_text (gb, text, -1, CD_SPELL_TEXT_PLAIN);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_true (cd_spell_checker_check_word (gb, "Te", -1));
  g_assert_true (cd_spell_checker_check_word (gb, "Ngata", -1));

  cd_spell_checker_set_house_words (gb, fewer);
  g_assert_false (cd_spell_checker_check_word (gb, "Waitematā", -1));
  g_assert_true (cd_spell_checker_check_word (gb, "Ngata", -1));
  cd_spell_checker_set_house_words (gb, NULL);
  g_assert_false (cd_spell_checker_check_word (gb, "Ngata", -1));
}

static void
test_check_text (void)
{
  g_autoptr(CdSpellChecker) gb = new_checker ("en-GB");
  const char *body = "The ferrry left [the harbour](https://example.com/harbr) at dawn.\n\n"
                     "```\nmisspelt kode\n```\nIt was a beautifull day.";
  g_autoptr(GArray) ranges = cd_spell_checker_check_text (gb, body, -1, CD_SPELL_TEXT_MARKDOWN);
  g_autoptr(GArray) empty = cd_spell_checker_check_text (gb, NULL, 0, CD_SPELL_TEXT_MARKDOWN);

  g_assert_cmpuint (ranges->len, ==, 4);
  g_assert_cmpuint (g_array_index (ranges, guint, 0), ==, 4);
  g_assert_cmpuint (g_array_index (ranges, guint, 1), ==, 10);
  g_assert_cmpuint (g_array_index (ranges, guint, 2), ==, (guint) (strstr (body, "beautifull") - body));
  g_assert_cmpuint (g_array_index (ranges, guint, 3), ==, (guint) (strstr (body, "beautifull") - body) + 10);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_check_article (void)
{
  g_autoptr(CdSpellChecker) gb = new_checker ("en-GB");
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GListModel) with_words = NULL;
  g_autoptr(GListModel) as_errors = NULL;
  g_autoptr(GListModel) off = NULL;
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(CdHouseRules) error_rules = NULL;
  g_autoptr(CdHouseRules) off_rules = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    const char *field;
    const char *word;
  } expected[] = {
    { "headline", "Ferrry" },
    { "standfirst", "recieve" },
    { "dateline", "Portmere" },
    { "image.alt", "habour" },
    { "image.caption", "pasengers" },
    { "image.credit", "Marsch" },
    { "editor_note", "chek" },
    { "body", "Portmere" },
    { "body", "goverment" },
  };
  CdImage *image = cd_article_get_image (article);

  cd_article_set_headline (article, "Ferrry enters service");
  cd_article_set_standfirst (article, "Passengers recieve a welcome.");
  cd_article_set_dateline (article, "Portmere");
  cd_image_set_alt (image, "The habour at dawn");
  cd_image_set_caption (image, "First pasengers board");
  cd_image_set_credit (image, "Helen Marsch");
  cd_article_set_editor_note (article, "Please chek the fares");
  cd_article_set_body (article, "In Portmere, the `sudo kode` and [goverment](https://x.example/lnk) "
                                "said so.\n\n    indented kode\n");

  issues = cd_spell_checker_check_article (gb, article, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);
      const char *field = cd_preflight_issue_get_field (issue);
      g_autofree char *word = NULL;
      g_autoptr(CdArticle) copy = NULL;
      const char *text;
      gsize start = 0, end = 0;

      g_assert_cmpstr (field, ==, expected[i].field);
      g_assert_cmpstr (cd_preflight_issue_get_rule (issue), ==, "spelling");
      g_assert_cmpint (cd_preflight_issue_get_severity (issue), ==, CD_SEVERITY_WARNING);
      g_assert_true (cd_preflight_issue_get_range (issue, &start, &end));
      if (g_str_has_prefix (field, "image."))
        text = g_str_equal (field, "image.alt") ? cd_image_get_alt (image)
               : g_str_equal (field, "image.caption") ? cd_image_get_caption (image)
               : cd_image_get_credit (image);
      else if (g_str_equal (field, "headline"))
        text = cd_article_get_headline (article);
      else if (g_str_equal (field, "standfirst"))
        text = cd_article_get_standfirst (article);
      else if (g_str_equal (field, "dateline"))
        text = cd_article_get_dateline (article);
      else if (g_str_equal (field, "editor_note"))
        text = cd_article_get_editor_note (article);
      else
        text = cd_article_get_body (article);
      word = g_strndup (text + start, end - start);
      g_assert_cmpstr (word, ==, expected[i].word);
    }

  {
    g_autoptr(CdPreflightIssue) first = g_list_model_get_item (issues, 1);

    g_assert_cmpstr (cd_preflight_issue_get_message (first), ==,
                     "“recieve” is not in the English (United Kingdom) dictionary. "
                     "Did you mean “receive”?");
  }

  /* The house's words and its severity. */
  rules = load_rules ("{\"format\": \"copydesk-house-rules\", \"version\": 1, "
                                         "\"words\": [\"Portmere\", \"Marsch\"]}");
  g_assert_no_error (error);
  g_assert_cmpstr (cd_house_rules_get_words (rules)[0], ==, "Portmere");
  with_words = cd_spell_checker_check_article (gb, article, rules);
  g_assert_cmpuint (g_list_model_get_n_items (with_words), ==, G_N_ELEMENTS (expected) - 3);

  error_rules = load_rules ("{\"format\": \"copydesk-house-rules\", "
                                               "\"version\": 1, \"rules\": "
                                               "{\"spelling\": \"error\"}}");
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) cd_house_rules_get_words (error_rules)), ==, 0);
  as_errors = cd_spell_checker_check_article (gb, article, error_rules);
  g_assert_cmpuint (g_list_model_get_n_items (as_errors), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (cd_preflight_count (as_errors, CD_SEVERITY_ERROR), ==, G_N_ELEMENTS (expected));

  off_rules = load_rules ("{\"format\": \"copydesk-house-rules\", "
                                             "\"version\": 1, \"rules\": "
                                             "{\"spelling\": \"off\"}}");
  g_assert_no_error (error);
  off = cd_spell_checker_check_article (gb, article, off_rules);
  g_assert_cmpuint (g_list_model_get_n_items (off), ==, 0);
}

static CdHouseRules *
load_rules (const char *json)
{
  g_autoptr(GError) error = NULL;
  CdHouseRules *rules = cd_house_rules_load_from_data (json, strlen (json), "rules.json", &error);

  g_assert_no_error (error);
  return rules;
}

/* A review comment, with the reviewer's name, is not the story: no
 * misspelling is found in it. A suggested insertion still is checked, and
 * the range is that in the body as it stands. */
static void
test_check_article_comments (void)
{
  g_autoptr(CdSpellChecker) gb = new_checker ("en-GB");
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GListModel) issues = NULL;
  const char *body = "The boats{>>Plese chek 4 Zorbulon's figures<<} sail "
                     "{++goverment++}{>>@Xyzzq Qwertz 2026-12-08T10:15Z: recieve<<} "
                     "and teh ferry.\n";
  const char *expected[] = { "goverment", "teh" };

  cd_article_set_body (article, body);
  issues = cd_spell_checker_check_article (gb, article, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);
      g_autofree char *word = NULL;
      gsize start = 0, end = 0;

      g_assert_cmpstr (cd_preflight_issue_get_field (issue), ==, "body");
      g_assert_true (cd_preflight_issue_get_range (issue, &start, &end));
      word = g_strndup (body + start, end - start);
      g_assert_cmpstr (word, ==, expected[i]);
    }
}

static void
test_house_words_limit (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"copydesk-house-rules\", \"version\": 1, "
                                          "\"words\": [");
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= 10000; i++)
    g_string_append_printf (json, "%s\"Name%u\"", i > 0 ? ", " : "", i);
  g_string_append (json, "]}");
  rules = cd_house_rules_load_from_data (json->str, json->len, "rules.json", &error);
  g_assert_null (rules);
  g_assert_error (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "rules.json:1:50: “words” lists 10001 words; house rules may list at most 10000.");
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/spell/words/markdown", test_words_markdown);
  g_test_add_func ("/spell/words/plain", test_words_plain);
  g_test_add_func ("/spell/words/robust", test_words_robust);
  g_test_add_func ("/spell/language/exact", test_language_exact);
  g_test_add_func ("/spell/language/fallback", test_language_fallback);
  g_test_add_func ("/spell/language/missing", test_language_missing);
  g_test_add_func ("/spell/suggest", test_suggest);
  g_test_add_func ("/spell/apostrophes", test_apostrophes);
  g_test_add_func ("/spell/personal-dictionary", test_personal_dictionary);
  g_test_add_func ("/spell/ignore", test_ignore);
  g_test_add_func ("/spell/house-words", test_house_words);
  g_test_add_func ("/spell/house-words-limit", test_house_words_limit);
  g_test_add_func ("/spell/check-text", test_check_text);
  g_test_add_func ("/spell/check-article", test_check_article);
  g_test_add_func ("/spell/check-article-comments", test_check_article_comments);

  return g_test_run ();
}
