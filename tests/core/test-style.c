/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "cd-article.h"
#include "cd-house-rules.h"
#include "cd-preflight.h"

static CdHouseRules *
load_rules (const char *json)
{
  g_autoptr(GError) error = NULL;
  CdHouseRules *rules = cd_house_rules_load_from_data (json, strlen (json), "style.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

static CdArticle *
article_new (const char *language,
             const char *body)
{
  CdArticle *article = cd_article_new ();

  cd_article_set_language (article, language);
  cd_article_set_body (article, body);
  return article;
}

/* The style findings of @article, as "rule field start-end replacement"
 * lines, so that a test shows exactly what is found where. */
static char *
style_findings (CdArticle    *article,
                CdHouseRules *rules)
{
  g_autoptr(GListModel) issues = cd_preflight_check_in_folder (article, rules, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);
      const char *rule = cd_preflight_issue_get_rule (issue);
      const char *replacement = cd_preflight_issue_get_replacement (issue);
      gsize start = 0;
      gsize end = 0;

      if (!g_str_has_prefix (rule, "style-"))
        continue;

      g_assert_true (cd_preflight_issue_get_range (issue, &start, &end));
      g_string_append_printf (out, "%s %s %zu-%zu %s%s\n", rule,
                              cd_preflight_issue_get_field (issue), start, end,
                              cd_preflight_issue_get_severity (issue) == CD_SEVERITY_ERROR ? "E" : "W",
                              replacement != NULL ? replacement : "");
      g_test_message ("%s", cd_preflight_issue_get_message (issue));
    }

  return g_string_free (out, FALSE);
}

static void
assert_body (const char   *language,
             const char   *body,
             CdHouseRules *rules,
             const char   *expected)
{
  g_autoptr(CdArticle) article = article_new (language, body);
  g_autofree char *found = style_findings (article, rules);

  g_test_message ("body: %s", body);
  g_assert_cmpstr (found, ==, expected);
}

/* Each rule of the default English set, with its range and severity. */
static void
test_style_default_english (void)
{
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();

  assert_body ("en-GB", "We utilise it.", rules, "style-preferred body 3-10 Wuse\n");
  assert_body ("en", "It was very unique.", rules, "style-banned body 7-18 W\n");
  assert_body ("en", "Meet the the crew.", rules, "style-doubled-word body 5-12 Wthe\n");
  assert_body ("en", "Meet  the crew.", rules, "style-double-space body 4-6 W \n");
  assert_body ("en", "We saw 3 boats.", rules, "style-numbers body 7-8 Wthree\n");
  /* Quotes are "any" by default: many sites curl them when they publish. */
  assert_body ("en", "She said \"yes\" and didn't.", rules, "");
  /* Words that are rightly doubled, and larger numbers. */
  assert_body ("en", "He had had 12 boats.", rules, "");
}

static void
test_style_case_and_phrases (void)
{
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();

  assert_body ("en", "Utilise it.", rules, "style-preferred body 0-7 WUse\n");
  assert_body ("en", "UTILISE IT.", rules, "style-preferred body 0-7 WUSE\n");
  /* Across a line break, and the longest phrase wins. */
  assert_body ("en", "We came in order\nto go.", rules, "style-preferred body 8-19 Wto\n");
  assert_body ("en", "At this point in time we go.", rules, "style-preferred body 0-21 WNow\n");
  /* Not across punctuation, not inside a longer word. */
  assert_body ("en", "in order, to go; reutilise.", rules, "");
  assert_body ("en", "The the end.", rules, "style-doubled-word body 0-7 WThe\n");
}

/* Code, HTML, URLs, link targets and e-mail addresses are not prose. */
static void
test_style_markdown_skipped (void)
{
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();

  assert_body ("en", "Use `utilise  the the` here.", rules, "");
  assert_body ("en", "```\nutilise the the 3\n```\n", rules, "");
  assert_body ("en", "See [the site](https://example.com/utilise/the/the).", rules, "");
  assert_body ("en", "See https://example.com/in-order-to and utilise@example.com.", rules, "");
  assert_body ("en", "<span title=\"utilise\">x</span> ok.", rules, "");
  assert_body ("en", "A line  \nbreak.", rules, "");
  assert_body ("en", "The\n\nthe end.", rules, "");
  /* A list's markers and headings' numbers are not counts. */
  assert_body ("en", "1. First\n2. Second\n", rules, "");
}

/* A review comment, a reviewer's name and an attribution's note are not
 * the story: nothing in them is a finding, and no replacement may edit
 * them. Suggested text is still checked: the story may carry it. */
static void
test_style_comments_skipped (void)
{
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();

  assert_body ("en", "The boats sail.{>>We should utilise 4 the the figures.<<}", rules, "");
  assert_body ("en",
               "The {==boats==}{>>@Utilise Smith 2026-12-08T10:15Z: 4 of them?<<} sail.",
               rules, "");
  assert_body ("en", "We sail.{>>4 boats<<} We saw 3 boats.", rules,
               "style-numbers body 29-30 Wthree\n");
  assert_body ("en", "We {++utilise++}{>>@Eddie Editor 2026-12-08T10:15Z<<} boats.", rules,
               "style-preferred body 6-13 Wuse\n");
}

static void
test_style_numbers (void)
{
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();

  assert_body ("en",
               "At 3pm on 5 March, 3.5 km, 3 km, a 3-1 win, 4% and 4 % more, £3, 7.15am, "
               "Platform 4, page 3, between 5 and 15, a 3-year-old.",
               rules, "");
  assert_body ("en", "3 people came.", rules, "style-numbers body 0-1 WThree\n");
  assert_body ("de", "Die Fähre hat 3 Decks und 12 Plätze.", rules,
               "style-numbers body 15-16 Wdrei\n"
               "style-numbers body 27-29 Wzwölf\n");
  assert_body ("de", "Am 3. Mai, der 3. Platz, 13 Boote.", rules, "");

  /* Headlines keep their figures. */
  {
    g_autoptr(CdArticle) article = article_new ("en", "Body.");
    g_autofree char *found = NULL;

    cd_article_set_headline (article, "3 hurt as ferry utilises pier");
    found = style_findings (article, rules);
    g_assert_cmpstr (found, ==, "style-preferred headline 16-24 Wuses\n");
  }
}

static void
test_style_german (void)
{
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();

  assert_body ("de-DE", "Das macht Sinn.", rules, "style-preferred body 4-14 Wergibt Sinn\n");
  assert_body ("de", "Zeitnah kommt sie.", rules, "style-preferred body 0-7 WBald\n");
  /* "die die" after a comma is German grammar. */
  assert_body ("de", "Frauen, die die Fähre nehmen.", rules, "");
  /* English phrases are not German style. */
  assert_body ("de", "We utilise it.", rules, "");
}

static void
test_style_quotes (void)
{
  g_autoptr(CdHouseRules) curly = load_rules (
    "{\"format\": \"copydesk-house-rules\", \"version\": 1,"
    " \"style\": {\"en\": {\"quotes\": \"curly\"}, \"de\": {\"quotes\": \"curly\"}}}");
  g_autoptr(CdHouseRules) straight = load_rules (
    "{\"format\": \"copydesk-house-rules\", \"version\": 1,"
    " \"style\": {\"en\": {\"quotes\": \"straight\"}}}");

  assert_body ("en", "\"Go\", it's 5'11\".", curly,
               "style-quotes body 0-1 W“\n"
               "style-quotes body 3-4 W”\n"
               "style-quotes body 8-9 W’\n");
  assert_body ("de", "Sie sagte \"ja\".", curly,
               "style-quotes body 10-11 W„\n"
               "style-quotes body 13-14 W“\n");
  assert_body ("en", "“Go” now `\"x\"`.", curly, "");
  /* Emphasis does not hide which side a quote is on. */
  assert_body ("en", "He said \"*no*\" (\"yes\").", curly,
               "style-quotes body 8-9 W“\n"
               "style-quotes body 13-14 W”\n"
               "style-quotes body 16-17 W“\n"
               "style-quotes body 20-21 W”\n");
  assert_body ("en", "“Go”, it’s.", straight,
               "style-quotes body 0-3 W\"\n"
               "style-quotes body 5-8 W\"\n"
               "style-quotes body 12-15 W'\n");
  /* The defaults the file is layered over are still there. */
  assert_body ("en", "We utilise it.", straight, "style-preferred body 3-10 Wuse\n");
}

/* Rules off, severities, the lookup of a regional tag, and layering. */
static void
test_style_rules (void)
{
  g_autoptr(CdHouseRules) off = load_rules (
    "{\"format\": \"copydesk-house-rules\", \"version\": 1, \"rules\": {"
    " \"style-preferred\": \"off\", \"style-banned\": \"off\", \"style-doubled-word\": \"off\","
    " \"style-double-space\": \"off\", \"style-quotes\": \"off\", \"style-numbers\": \"off\"}}");
  g_autoptr(CdHouseRules) house = load_rules (
    "{\"format\": \"copydesk-house-rules\", \"version\": 1,"
    " \"rules\": {\"style-banned\": \"error\"},"
    " \"style\": {\"en\": {\"preferred\": {\"utilise\": null, \"whilst\": \"while\"},"
    "                     \"banned\": [\"going forward\"], \"numbers\": \"any\"},"
    "             \"en-US\": {\"preferred\": {\"color\": \"colour\"}}}}");

  assert_body ("en", "We utilise  the the 3 very unique boats.", off, "");

  assert_body ("en-GB", "Whilst we utilise 3 boats going\nforward, very unique.", house,
               "style-banned body 26-39 E\n"
               "style-preferred body 0-6 WWhile\n");
  /* en-US has an entry of its own, which replaces en's. */
  assert_body ("en-US", "The color, whilst 3.", house, "style-preferred body 4-9 Wcolour\n");
  /* A language without a style still gets doubled words and spaces. */
  assert_body ("fr", "Le le  port.", house,
               "style-doubled-word body 0-5 WLe\n"
               "style-double-space body 5-7 W \n");
}

static void
assert_load_error (const char *json,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHouseRules) rules = cd_house_rules_load_from_data (json, strlen (json),
                                                                 "style.json", &error);

  g_assert_null (rules);
  g_assert_error (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

static void
test_style_load_errors (void)
{
#define HEAD "{\"format\": \"copydesk-house-rules\", \"version\": 1,\n"
  assert_load_error (HEAD "\"style\": []}",
                     "style.json:2:1: “style” must be an object of language tags");
  assert_load_error (HEAD "\"style\": {\"en GB\": {}}}",
                     "style.json:2:11: “en GB” in “style” is not a language tag");
  assert_load_error (HEAD "\"style\": {\"en\": 3}}",
                     "style.json:2:11: the style for “en” must be an object");
  assert_load_error (HEAD "\"style\": {\"en\": {\"prefered\": {}}}}",
                     "style.json:2:18: unknown key “prefered” in the style for “en”");
  assert_load_error (HEAD "\"style\": {\"en\": {\"preferred\": {\"e.g.\": \"for example\"}}}}",
                     "style.json:2:32: the phrase “e.g.” in “preferred”");
  assert_load_error (HEAD "\"style\": {\"en\": {\"preferred\": {\"utilise\": 3}}}}",
                     "style.json:2:32: the preferred form of “utilise”");
  assert_load_error (HEAD "\"style\": {\"en\": {\"banned\": [\"ok\", 3]}}}",
                     "style.json:2:18: item 2 of “banned”");
  assert_load_error (HEAD "\"style\": {\"en\": {\"quotes\": \"smart\"}}}",
                     "style.json:2:18: “quotes” in the style for “en” is “smart”");
  assert_load_error (HEAD "\"style\": {\"en\": {\"numbers\": {\"words-below\": 100}}}}",
                     "style.json:2:30: “numbers” in the style for “en” must be");
  assert_load_error (HEAD "\"style\": {\"en\": {\"numbers\": \"words\"}}}",
                     "style.json:2:18: “numbers” in the style for “en” must be");
  assert_load_error (HEAD "\"rules\": {\"style-number\": \"off\"}}",
                     "style.json:2:11: unknown rule “style-number” in “rules”; did you mean "
                     "“style-numbers”?");
#undef HEAD
}

/* A body of nothing but doubled words gives a bounded list. */
static void
test_style_findings_limit (void)
{
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(GListModel) issues = NULL;
  guint style = 0;

  for (guint i = 0; i < 5000; i++)
    g_string_append (body, "the the ");
  article = article_new ("en", body->str);
  issues = cd_preflight_check_in_folder (article, rules, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      if (g_str_has_prefix (cd_preflight_issue_get_rule (issue), "style-"))
        style++;
    }

  g_assert_cmpuint (style, ==, 1000);
}

/* Too many phrases is refused, not slow. */
static void
test_style_limits (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"copydesk-house-rules\", \"version\": 1, "
                                          "\"style\": {\"en\": {\"banned\": [");

  for (guint i = 0; i < 2001; i++)
    g_string_append_printf (json, "%s\"word%u\"", i > 0 ? ", " : "", i);
  g_string_append (json, "]}}}");

  assert_load_error (json->str, "style.json:1:");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/style/default-english", test_style_default_english);
  g_test_add_func ("/style/case-and-phrases", test_style_case_and_phrases);
  g_test_add_func ("/style/markdown-skipped", test_style_markdown_skipped);
  g_test_add_func ("/style/comments-skipped", test_style_comments_skipped);
  g_test_add_func ("/style/numbers", test_style_numbers);
  g_test_add_func ("/style/german", test_style_german);
  g_test_add_func ("/style/quotes", test_style_quotes);
  g_test_add_func ("/style/rules", test_style_rules);
  g_test_add_func ("/style/load-errors", test_style_load_errors);
  g_test_add_func ("/style/limits", test_style_limits);
  g_test_add_func ("/style/findings-limit", test_style_findings_limit);

  return g_test_run ();
}
