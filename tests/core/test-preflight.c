/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cd-article.h"
#include "cd-article-file.h"
#include "cd-house-rules.h"
#include "cd-preflight.h"
#include "cd-test-util.h"

#define DEFAULT_RESOURCE "/io/github/copydesk/Copydesk/core/house-rules.json"

/* The smallest valid house rules, and the start of a file to add keys to. */
#define MINIMAL "{\"format\": \"copydesk-house-rules\", \"version\": 1}"
#define HEAD "{\"format\": \"copydesk-house-rules\", \"version\": 1, "

/* Helpers */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "house-rules", name, NULL);
}

static CdHouseRules *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CdHouseRules *rules;

  rules = cd_house_rules_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (CD_IS_HOUSE_RULES (rules));

  return rules;
}

static CdHouseRules *
load_string (const char *json)
{
  g_autoptr(GError) error = NULL;
  CdHouseRules *rules;

  rules = cd_house_rules_load_from_data (json, strlen (json), "test.json", &error);
  g_assert_no_error (error);
  g_assert_true (CD_IS_HOUSE_RULES (rules));

  return rules;
}

/* The rules with every built-in default and nothing from the shipped file. */
static CdHouseRules *
load_builtin (void)
{
  return load_string (MINIMAL);
}

static GDateTime *
date_time (const char *iso8601)
{
  GDateTime *result = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (result);
  return result;
}

/* 60 words of plain prose, with a link that has an address. */
#define READY_BODY \
  "The council voted on Tuesday to approve a new ferry route across the harbour, " \
  "ending two years of argument over the cost of the service.\n\n" \
  "Councillors backed the plan by nine votes to four after a long debate in which " \
  "residents of both shores spoke for and against it. The first boats will sail " \
  "next spring, the [council said](https://council.example/ferry) in a statement.\n"

static CdArticle *
new_ready_article (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(CdAuthor) author = cd_author_new ("Jane Doe");
  g_autoptr(CdTag) tag = cd_tag_new ("Ferries", NULL, NULL);
  g_autoptr(GDateTime) published = date_time ("2026-03-12T09:00:00+00:00");
  CdImage *image;

  cd_article_set_headline (article, "Council approves new harbour ferry route");
  cd_article_set_slug (article, "harbour-ferry");
  cd_article_set_standfirst (article, "Boats will sail from next spring after a two-year row "
                                      "over cost.");
  cd_article_set_section (article, "Local");
  cd_article_set_language (article, "en-GB");
  cd_article_add_author (article, author);
  cd_article_set_dateline (article, "Portsmouth");
  cd_article_set_published (article, published);
  cd_article_add_tag (article, tag);
  cd_article_set_body (article, READY_BODY);

  image = cd_article_get_image (article);
  cd_image_set_source (image, "harbour.jpg");
  cd_image_set_alt (image, "A ferry leaves the harbour at dusk.");
  cd_image_set_caption (image, "The current ferry at Portsmouth harbour.");
  cd_image_set_credit (image, "John Smith/Harbour Gazette");

  return article;
}

/* "E rule field" or "W rule field" for each issue, one a line, so that a
 * failure shows the whole list. */
static char *
describe_issues (GListModel *issues)
{
  g_autoptr(GString) string = g_string_new (NULL);
  guint n_items = g_list_model_get_n_items (issues);

  g_assert_true (g_list_model_get_item_type (issues) == CD_TYPE_PREFLIGHT_ISSUE);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);
      const char *message = cd_preflight_issue_get_message (issue);

      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 0);

      g_string_append_printf (string, "%s %s %s\n",
                              cd_preflight_issue_get_severity (issue) == CD_SEVERITY_ERROR
                                ? "E" : "W",
                              cd_preflight_issue_get_rule (issue),
                              cd_preflight_issue_get_field (issue));
    }

  return g_string_free (g_steal_pointer (&string), FALSE);
}

static void
assert_issues (CdArticle    *article,
               CdHouseRules *rules,
               const char   *expected)
{
  g_autoptr(GListModel) issues = cd_preflight_check (article, rules);
  g_autofree char *described = describe_issues (issues);

  g_assert_cmpstr (described, ==, expected);
  g_assert_finalize_object (g_steal_pointer (&issues));
}

/* The message of the only issue. */
static char *
single_message (CdArticle    *article,
                CdHouseRules *rules)
{
  g_autoptr(GListModel) issues = cd_preflight_check (article, rules);
  g_autoptr(CdPreflightIssue) issue = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
  issue = g_list_model_get_item (issues, 0);

  return g_strdup (cd_preflight_issue_get_message (issue));
}

static void
assert_load_error (const char *json,
                   gssize      length,
                   int         code,
                   const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHouseRules) rules = NULL;

  rules = cd_house_rules_load_from_data (json, length < 0 ? strlen (json) : (gsize) length,
                                         "rules.json", &error);
  g_assert_null (rules);
  g_assert_error (error, CD_HOUSE_RULES_ERROR, code);
  g_assert_cmpstr (error->message, ==, expected_message);
}

/* House rules */

static void
test_house_rules_default (void)
{
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();
  g_autofree char *name = NULL;
  g_autofree char *base_url = NULL;
  guint reading_speed = 0;

  g_assert_cmpstr (cd_house_rules_get_name (rules), ==, "Copydesk default");
  g_assert_cmpint (cd_house_rules_get_limit (rules, "headline.soft"), ==, 70);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "headline.hard"), ==, 110);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "standfirst.soft"), ==, 200);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "standfirst.hard"), ==, 320);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "slug.hard"), ==, 80);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "tags.min"), ==, 1);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "body.min_words"), ==, 50);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "headline.medium"), ==, -1);
  g_assert_cmpint (cd_house_rules_get_limit (rules, ""), ==, -1);

  g_assert_cmpuint (cd_house_rules_get_reading_speed (rules), ==, 230);
  g_assert_null (cd_house_rules_get_image_base_url (rules));

  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "headline-length"), ==,
                   CD_RULE_LEVEL_ERROR);
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "image-caption"), ==,
                   CD_RULE_LEVEL_WARNING);
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "section-required"), ==,
                   CD_RULE_LEVEL_OFF);
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "no-such-rule"), ==, CD_RULE_LEVEL_OFF);

  g_object_get (rules,
                "name", &name,
                "reading-speed", &reading_speed,
                "image-base-url", &base_url,
                NULL);
  g_assert_cmpstr (name, ==, "Copydesk default");
  g_assert_cmpuint (reading_speed, ==, 230);
  g_assert_null (base_url);

  g_assert_finalize_object (g_steal_pointer (&rules));
}

/* The shipped file loads, lists every rule and limit exactly once, and agrees
 * with the defaults built into the code, which partial files inherit. */
static void
test_house_rules_default_file (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CdHouseRules) from_file = NULL;
  g_autoptr(CdHouseRules) builtin = load_builtin ();
  const char * const *rule_ids = cd_house_rules_list_rules ();
  const char * const *limit_ids = cd_house_rules_list_limits ();
  GEnumClass *levels = g_type_class_ref (CD_TYPE_RULE_LEVEL);
  JsonObject *root;
  JsonObject *rules;
  JsonObject *limits;
  const char *data;
  gsize length;

  bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);

  from_file = cd_house_rules_load_from_data (data, length, "house-rules.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_house_rules_get_name (from_file), ==, "Copydesk default");

  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  rules = json_object_get_object_member (root, "rules");
  limits = json_object_get_object_member (root, "limits");

  g_assert_cmpuint (g_strv_length ((char **) rule_ids), ==, 32);
  g_assert_cmpuint (json_object_get_size (rules), ==, g_strv_length ((char **) rule_ids));
  for (guint i = 0; rule_ids[i] != NULL; i++)
    {
      CdRuleLevel level = cd_house_rules_get_rule_level (builtin, rule_ids[i]);
      GEnumValue *value = g_enum_get_value (levels, level);

      g_test_message ("rule %s", rule_ids[i]);
      g_assert_true (json_object_has_member (rules, rule_ids[i]));
      g_assert_cmpstr (json_object_get_string_member (rules, rule_ids[i]), ==, value->value_nick);
      g_assert_cmpint (cd_house_rules_get_rule_level (from_file, rule_ids[i]), ==, level);
    }

  g_assert_cmpuint (g_strv_length ((char **) limit_ids), ==, 7);
  g_assert_cmpuint (json_object_get_size (limits), ==, g_strv_length ((char **) limit_ids));
  for (guint i = 0; limit_ids[i] != NULL; i++)
    {
      int limit = cd_house_rules_get_limit (builtin, limit_ids[i]);

      g_test_message ("limit %s", limit_ids[i]);
      g_assert_cmpint (limit, >, 0);
      g_assert_cmpint (json_object_get_int_member (limits, limit_ids[i]), ==, limit);
      g_assert_cmpint (cd_house_rules_get_limit (from_file, limit_ids[i]), ==, limit);
    }

  g_assert_cmpint (json_object_get_int_member (root, "reading_speed"), ==,
                   cd_house_rules_get_reading_speed (builtin));
  g_assert_cmpstr (json_object_get_string_member (root, "image_base_url"), ==, "");

  g_type_class_unref (levels);
}

/* The JSON Schema names the same rules and limits, with the same defaults. */
static void
test_house_rules_schema (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data",
                                                 "house-rules.schema.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHouseRules) builtin = load_builtin ();
  GEnumClass *levels = g_type_class_ref (CD_TYPE_RULE_LEVEL);
  const char * const *rule_ids = cd_house_rules_list_rules ();
  const char * const *limit_ids = cd_house_rules_list_limits ();
  JsonObject *root;
  JsonObject *properties;
  JsonObject *rules;
  JsonObject *limits;
  JsonArray *required;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "$schema"), ==,
                   "https://json-schema.org/draft/2020-12/schema");
  required = json_object_get_array_member (root, "required");
  g_assert_cmpuint (json_array_get_length (required), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (required, 0), ==, "format");
  g_assert_cmpstr (json_array_get_string_element (required, 1), ==, "version");

  properties = json_object_get_object_member (root, "properties");
  rules = json_object_get_object_member (json_object_get_object_member (properties, "rules"),
                                         "properties");
  limits = json_object_get_object_member (json_object_get_object_member (properties, "limits"),
                                          "properties");

  g_assert_cmpuint (json_object_get_size (rules), ==, g_strv_length ((char **) rule_ids));
  for (guint i = 0; rule_ids[i] != NULL; i++)
    {
      CdRuleLevel level = cd_house_rules_get_rule_level (builtin, rule_ids[i]);
      GEnumValue *value = g_enum_get_value (levels, level);
      JsonObject *rule = json_object_get_object_member (rules, rule_ids[i]);

      g_test_message ("rule %s", rule_ids[i]);
      g_assert_nonnull (rule);
      g_assert_cmpstr (json_object_get_string_member (rule, "default"), ==, value->value_nick);
    }

  g_assert_cmpuint (json_object_get_size (limits), ==, g_strv_length ((char **) limit_ids));
  for (guint i = 0; limit_ids[i] != NULL; i++)
    {
      JsonObject *limit = json_object_get_object_member (limits, limit_ids[i]);

      g_test_message ("limit %s", limit_ids[i]);
      g_assert_nonnull (limit);
      g_assert_cmpint (json_object_get_int_member (limit, "default"), ==,
                       cd_house_rules_get_limit (builtin, limit_ids[i]));
    }

  g_type_class_unref (levels);
}

static void
test_house_rules_custom (void)
{
  g_autoptr(CdHouseRules) rules = load_fixture ("custom.json");

  g_assert_cmpstr (cd_house_rules_get_name (rules), ==, "Harbour Gazette");
  g_assert_cmpuint (cd_house_rules_get_reading_speed (rules), ==, 200);
  g_assert_cmpstr (cd_house_rules_get_image_base_url (rules), ==,
                   "https://images.harbour-gazette.example/");

  /* Set by the file. */
  g_assert_cmpint (cd_house_rules_get_limit (rules, "headline.soft"), ==, 40);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "slug.hard"), ==, 30);
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "tags-required"), ==, CD_RULE_LEVEL_OFF);
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "image-caption"), ==, CD_RULE_LEVEL_ERROR);
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "section-required"), ==,
                   CD_RULE_LEVEL_WARNING);
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "body-too-short"), ==, CD_RULE_LEVEL_OFF);

  /* Inherited. */
  g_assert_cmpint (cd_house_rules_get_limit (rules, "headline.hard"), ==, 110);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "body.min_words"), ==, 50);
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "image-alt"), ==, CD_RULE_LEVEL_ERROR);
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "standfirst-required"), ==,
                   CD_RULE_LEVEL_WARNING);

  g_assert_finalize_object (g_steal_pointer (&rules));
}

static void
test_house_rules_partial (void)
{
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  const char *json =
    "{\"format\": \"copydesk-house-rules\", \"version\": 1,\n"
    " \"$schema\": \"https://copydesk.github.io/schema/copydesk-house-rules-1.json\",\n"
    " \"limits\": {\"headline.hard\": 90.0, \"tags.min\": 3}}";

  rules = cd_house_rules_load_from_data (json, strlen (json), "/srv/desk/sport.json", &error);
  g_assert_no_error (error);

  /* A file without a name is known by its file name, not as the defaults. */
  g_assert_cmpstr (cd_house_rules_get_name (rules), ==, "sport.json");
  g_assert_cmpint (cd_house_rules_get_limit (rules, "headline.hard"), ==, 90);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "tags.min"), ==, 3);
  g_assert_cmpint (cd_house_rules_get_limit (rules, "headline.soft"), ==, 70);
  g_assert_cmpuint (cd_house_rules_get_reading_speed (rules), ==, 230);
  g_assert_null (cd_house_rules_get_image_base_url (rules));
  g_assert_cmpint (cd_house_rules_get_rule_level (rules, "body-tk"), ==, CD_RULE_LEVEL_ERROR);
}

#define KNOWN_RULES \
  "headline-required, headline-length, standfirst-required, standfirst-length, slug-format, " \
  "slug-length, section-required, language-required, language-tag, byline-required, " \
  "author-name, dateline-required, published-required, embargo-order, image-source, " \
  "image-alt, image-caption, image-credit, tags-required, body-required, body-tk, " \
  "body-empty-link, body-too-short, style-preferred, style-banned, style-doubled-word, " \
  "style-double-space, style-quotes, style-numbers, spelling, review-suggestions, review-comments."

#define KNOWN_KEYS \
  "$schema, format, version, name, reading_speed, image_base_url, limits, rules, style, words."

#define NOT_POSITIVE(column, limit, found) \
  "rules.json:1:" column ": the limit “" limit "” must be a positive whole number, not " found "."

static void
test_house_rules_bad_files (void)
{
  const struct {
    const char *name;
    int code;
    const char *message;  /* after "<path>" */
  } cases[] = {
    { "bad-unknown-rule.json", CD_HOUSE_RULES_ERROR_INVALID,
      ":6:5: unknown rule “headline-lenght” in “rules”; did you mean “headline-length”? "
      "Known rules are " KNOWN_RULES },
    { "bad-severity.json", CD_HOUSE_RULES_ERROR_INVALID,
      ":5:5: the rule “body-tk” is set to “fatal”; use “error”, “warning” or “off”." },
    { "bad-limit.json", CD_HOUSE_RULES_ERROR_INVALID,
      ":6:5: the limit “headline.hard” must be a positive whole number, not -5." },
    { "bad-soft-over-hard.json", CD_HOUSE_RULES_ERROR_INVALID,
      ":5:5: the soft limit “standfirst.soft” (400) is greater than the hard limit "
      "“standfirst.hard” (300). Lower the soft limit or raise the hard one." },
    { "bad-format.json", CD_HOUSE_RULES_ERROR_INVALID,
      ":2:3: this is not a house-rules file: “format” is “copydesk-article”, not "
      "“copydesk-house-rules”." },
    { "bad-version.json", CD_HOUSE_RULES_ERROR_INVALID,
      ":3:3: the file is house-rules version 2, but this version of Copydesk reads up to "
      "version 1. Update Copydesk, or write the file for version 1." },
    { "bad-syntax.json", CD_HOUSE_RULES_ERROR_SYNTAX,
      ":5:24: a trailing comma is not allowed before “}”; remove this “,”" },
    { "bad-duplicate.json", CD_HOUSE_RULES_ERROR_INVALID,
      ":7:5: the key “headline.hard” appears twice in the same object; remove one of them" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *expected = g_strconcat (parse_name, cases[i].message, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CdHouseRules) rules = NULL;

      g_test_message ("%s", cases[i].name);
      rules = cd_house_rules_load_from_file (file, NULL, &error);
      g_assert_null (rules);
      g_assert_error (error, CD_HOUSE_RULES_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_house_rules_bad_data (void)
{
  const struct {
    const char *json;
    int code;
    const char *message;
  } cases[] = {
    { "", CD_HOUSE_RULES_ERROR_SYNTAX,
      "rules.json: the file is empty. House rules are a JSON object that starts "
      "with \"format\": \"copydesk-house-rules\", \"version\": 1." },
    { " \n ", CD_HOUSE_RULES_ERROR_SYNTAX,
      "rules.json: the file is empty. House rules are a JSON object that starts "
      "with \"format\": \"copydesk-house-rules\", \"version\": 1." },
    { "{\"format\": \"\xff\"}", CD_HOUSE_RULES_ERROR_SYNTAX,
      "rules.json:1:13: the file is not valid UTF-8 text (byte 0xFF at line 1, column 13); "
      "save it as UTF-8" },
    { MINIMAL " trailing", CD_HOUSE_RULES_ERROR_SYNTAX,
      "rules.json:1:50: unexpected “trailing” after the end of the value; "
      "a JSON file holds exactly one value" },
    { "[1, 2]", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json: house rules are a JSON object, not a list." },
    { "{\"version\": 1}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json: this is not a house-rules file: it has no “format”. House rules "
      "start with \"format\": \"copydesk-house-rules\", \"version\": 1." },
    { "{\"format\": 1}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:2: this is not a house-rules file: “format” is 1, not "
      "“copydesk-house-rules”." },
    { "{\"format\": \"copydesk-house-rules\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json: the file has no “version”; add \"version\": 1." },
    { "{\"format\": \"copydesk-house-rules\", \"version\": \"1\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:36: “version” must be a positive whole number, not “1”." },
    { "{\"format\": \"copydesk-house-rules\", \"version\": 0}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:36: “version” must be a positive whole number, not 0." },
    { HEAD "\"limit\": {}}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: unknown key “limit”; did you mean “limits”? Known keys are " KNOWN_KEYS },
    { HEAD "\"colour\": \"blue\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: unknown key “colour”; known keys are " KNOWN_KEYS },
    { HEAD "\"$schema\": 5}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “$schema” must be the text of a URL." },
    { HEAD "\"name\": \"\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “name” must be a non-empty text naming these house rules." },
    { HEAD "\"reading_speed\": 0}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “reading_speed” must be a positive whole number of words "
      "per minute, not 0." },
    { HEAD "\"reading_speed\": \"fast\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “reading_speed” must be a positive whole number of words "
      "per minute, not “fast”." },
    { HEAD "\"image_base_url\": \"ftp://images.example/\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “image_base_url” must be empty or an absolute http or https "
      "URL such as “https://images.example.com/”, not “ftp://images.example/”." },
    { HEAD "\"image_base_url\": \"images/\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “image_base_url” must be empty or an absolute http or https "
      "URL such as “https://images.example.com/”, not “images/”." },
    /* A web address as cd_url_is_web_address() has it: a host and no
     * white space. */
    { HEAD "\"image_base_url\": \"https:///images/\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “image_base_url” must be empty or an absolute http or https "
      "URL such as “https://images.example.com/”, not “https:///images/”." },
    { HEAD "\"image_base_url\": \"https://images.example.com/our photos/\"}",
      CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “image_base_url” must be empty or an absolute http or https "
      "URL such as “https://images.example.com/”, not “https://images.example.com/our "
      "photos/”." },
    { HEAD "\"image_base_url\": \" https://images.example.com/\"}",
      CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “image_base_url” must be empty or an absolute http or https "
      "URL such as “https://images.example.com/”, not “ https://images.example.com/”." },
    { HEAD "\"limits\": [70]}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “limits” must be an object of limit names and numbers, not a list." },
    { HEAD "\"rules\": \"strict\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “rules” must be an object of rule names and severities, not “strict”." },
    { HEAD "\"limits\": {\"headline.sotf\": 60}}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:61: unknown limit “headline.sotf” in “limits”; did you mean "
      "“headline.soft”? Known limits are headline.soft, headline.hard, "
      "standfirst.soft, standfirst.hard, slug.hard, tags.min, body.min_words." },
    { HEAD "\"limits\": {\"headline.soft\": 0}}", CD_HOUSE_RULES_ERROR_INVALID,
      NOT_POSITIVE ("61", "headline.soft", "0") },
    { HEAD "\"limits\": {\"headline.soft\": 60.5}}", CD_HOUSE_RULES_ERROR_INVALID,
      NOT_POSITIVE ("61", "headline.soft", "60.5") },
    { HEAD "\"limits\": {\"headline.soft\": \"60\"}}", CD_HOUSE_RULES_ERROR_INVALID,
      NOT_POSITIVE ("61", "headline.soft", "“60”") },
    { HEAD "\"limits\": {\"body.min_words\": 3000000000}}", CD_HOUSE_RULES_ERROR_INVALID,
      NOT_POSITIVE ("61", "body.min_words", "3000000000") },
    { HEAD "\"limits\": {\"tags.min\": null}}", CD_HOUSE_RULES_ERROR_INVALID,
      NOT_POSITIVE ("61", "tags.min", "null") },
    /* The hard limit alone, below the default soft limit of 70. */
    { HEAD "\"limits\": {\"headline.hard\": 60}}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:61: the soft limit “headline.soft” (70) is greater than the hard "
      "limit “headline.hard” (60). Lower the soft limit or raise the hard one." },
    { HEAD "\"rules\": {\"body-tk\": \"Error\"}}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:60: the rule “body-tk” is set to “Error”; use “error”, “warning” or “off”." },
    { HEAD "\"rules\": {\"body-tk\": false}}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:60: the rule “body-tk” is set to false; use “error”, “warning” or “off”." },
    { HEAD "\"rules\": {\"grammar\": \"error\"}}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:60: unknown rule “grammar” in “rules”; known rules are " KNOWN_RULES },
    /* The house words: a list of words or names, bounded. */
    { HEAD "\"words\": \"Ngata\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: “words” must be a list of the house’s words, such as "
      "[\"Waitematā\", \"Ngata\"]." },
    { HEAD "\"words\": [\"Ngata\", 7]}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: Item 2 of “words” must be a word or name of 1 to 100 bytes, "
      "without spaces at either end or control characters." },
    { HEAD "\"words\": [\" Ngata\"]}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: Item 1 of “words” must be a word or name of 1 to 100 bytes, "
      "without spaces at either end or control characters." },
    { HEAD "\"words\": [\"\"]}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:50: Item 1 of “words” must be a word or name of 1 to 100 bytes, "
      "without spaces at either end or control characters." },
    { HEAD "\"rules\": {\"body-tk\": \"off\", \"body-tk\": \"error\"}}",
      CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:78: the key “body-tk” appears twice in the same object; "
      "remove one of them" },
    { HEAD "\"name\": \"a\", \"name\": \"b\"}", CD_HOUSE_RULES_ERROR_INVALID,
      "rules.json:1:63: the key “name” appears twice in the same object; "
      "remove one of them" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      {
        /* Some cases are deliberately not UTF-8; TAP output must stay text. */
        g_autofree char *printable = g_utf8_make_valid (cases[i].json, -1);
        g_test_message ("%s", printable);
      }
      assert_load_error (cases[i].json, -1, cases[i].code, cases[i].message);
    }
}

static void
test_house_rules_too_large (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHouseRules) rules = NULL;
  g_autofree char *data = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *parse_name = NULL;
  gsize length = CD_HOUSE_RULES_MAX_SIZE + 1;

  /* Valid JSON padded with spaces, so that only the size is wrong. */
  data = g_malloc (length);
  memset (data, ' ', length);
  memcpy (data, MINIMAL, strlen (MINIMAL));

  assert_load_error (data, (gssize) length, CD_HOUSE_RULES_ERROR_INVALID,
                     "rules.json: the file is larger than 1 MiB; house rules take a few "
                     "kilobytes. Check that this is the right file.");

  /* One byte less loads. */
  rules = cd_house_rules_load_from_data (data, length - 1, "rules.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (rules);
  g_clear_object (&rules);

  file = g_file_new_tmp ("house-rules-XXXXXX.json", &stream, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                             data, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  parse_name = g_file_get_parse_name (file);
  expected = g_strdup_printf ("%s: the file is larger than 1 MiB; house rules take a few "
                              "kilobytes. Check that this is the right file.", parse_name);

  rules = cd_house_rules_load_from_file (file, NULL, &error);
  g_assert_null (rules);
  g_assert_error (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
}

static void
test_house_rules_unreadable (void)
{
  g_autofree char *path = fixture_path ("no-such-file.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHouseRules) rules = NULL;
  g_autofree char *custom_path = fixture_path ("custom.json");

  rules = cd_house_rules_load_from_file (file, NULL, &error);
  g_assert_null (rules);
  g_assert_error (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_READ);
  {
    g_autofree char *parse_name = g_file_get_parse_name (file);

    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, parse_name));
  }
  g_clear_error (&error);

  folder = g_file_get_parent (file);
  rules = cd_house_rules_load_from_file (folder, NULL, &error);
  g_assert_null (rules);
  g_assert_error (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_READ);
  g_clear_error (&error);

  /* Cancelling is not a broken file: the caller sees G_IO_ERROR_CANCELLED. */
  g_clear_object (&file);
  file = g_file_new_for_path (custom_path);
  g_cancellable_cancel (cancellable);
  rules = cd_house_rules_load_from_file (file, cancellable, &error);
  g_assert_null (rules);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Preflight */

static void
test_preflight_ready (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 0);
  g_assert_true (cd_preflight_is_ready (issues));
  g_assert_cmpuint (cd_preflight_count (issues, CD_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (cd_preflight_count (issues, CD_SEVERITY_WARNING), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&issues));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_preflight_empty (void)
{
  g_autoptr(CdArticle) article = cd_article_new_empty ();
  g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);
  g_autofree char *described = describe_issues (issues);

  /* Errors first, then warnings, each in the order of the form. The slug
   * follows the missing headline, so it is not reported on its own. */
  g_assert_cmpstr (described, ==,
                   "E headline-required headline\n"
                   "E language-required language\n"
                   "E byline-required authors\n"
                   "E published-required published\n"
                   "E tags-required tags\n"
                   "E body-required body\n"
                   "W standfirst-required standfirst\n");
  g_assert_false (cd_preflight_is_ready (issues));
  g_assert_cmpuint (cd_preflight_count (issues, CD_SEVERITY_ERROR), ==, 6);
  g_assert_cmpuint (cd_preflight_count (issues, CD_SEVERITY_WARNING), ==, 1);
}

static void
test_preflight_messages (void)
{
  g_autoptr(CdArticle) article = cd_article_new_empty ();
  g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);
  const char *expected[] = {
    "The article has no headline. Write one before publishing.",
    "The article has no language. Set its language tag, such as “en” or “en-GB”.",
    "The article has no byline. Add the author.",
    "The article has no publication date. Set the date and time it goes live.",
    "The article has no tags. Add at least 1 tag from the house vocabulary.",
    "The body is empty. Write the story before publishing.",
    ("The article has no standfirst. Write a sentence or two that sums up the story under the "
     "headline."),
  };

  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      g_assert_cmpstr (cd_preflight_issue_get_message (issue), ==, expected[i]);
    }
}

static void
test_preflight_null_rules (void)
{
  g_autoptr(CdArticle) article = cd_article_new_empty ();
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();
  g_autoptr(GListModel) with_null = cd_preflight_check (article, NULL);
  g_autoptr(GListModel) with_default = cd_preflight_check (article, rules);
  g_autofree char *a = describe_issues (with_null);
  g_autofree char *b = describe_issues (with_default);

  g_assert_cmpuint (g_list_model_get_n_items (with_null), >, 0);
  g_assert_cmpstr (a, ==, b);
}

/* @n words of the length of @word, every other one reversed so that no
 * word is doubled for the house style. */
static char *
repeat_words (const char *word,
              guint       n)
{
  g_autoptr(GString) string = g_string_new (NULL);
  g_autofree char *reversed = g_strreverse (g_strdup (word));

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (string, ' ');
      g_string_append (string, i % 2 == 0 ? word : reversed);
    }

  return g_string_free (g_steal_pointer (&string), FALSE);
}

static void
test_preflight_headline (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdHouseRules) rules = load_fixture ("custom.json");
  g_autofree char *message = NULL;
  char text[200];

  /* 124 characters: over the hard limit of 110. Non-ASCII letters count as
   * one character each. */
  memset (text, 'a', 122);
  text[122] = '\0';
  {
    g_autofree char *headline = g_strconcat ("é", text, "é", NULL);

    cd_article_set_headline (article, headline);
  }
  assert_issues (article, NULL, "E headline-length headline\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The headline is 124 characters long; the house limit is 110. "
                   "Shorten it by 14 characters.");
  g_clear_pointer (&message, g_free);

  /* 111: one over. */
  memset (text, 'a', 111);
  text[111] = '\0';
  cd_article_set_headline (article, text);
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The headline is 111 characters long; the house limit is 110. "
                   "Shorten it by 1 character.");
  g_clear_pointer (&message, g_free);

  /* 110: at the hard limit, over the soft one. */
  text[110] = '\0';
  cd_article_set_headline (article, text);
  assert_issues (article, NULL, "W headline-length headline\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The headline is 110 characters long; the house aims for 70 or fewer. "
                   "Consider shortening it by 40 characters.");
  g_clear_pointer (&message, g_free);

  /* 71 and 70. */
  text[71] = '\0';
  cd_article_set_headline (article, text);
  assert_issues (article, NULL, "W headline-length headline\n");
  text[70] = '\0';
  cd_article_set_headline (article, text);
  assert_issues (article, NULL, "");

  /* The newsroom's soft limit is 40. */
  text[41] = '\0';
  cd_article_set_headline (article, text);
  assert_issues (article, NULL, "");
  assert_issues (article, rules, "W headline-length headline\n");
  message = single_message (article, rules);
  g_assert_cmpstr (message, ==,
                   "The headline is 41 characters long; the house aims for 40 or fewer. "
                   "Consider shortening it by 1 character.");
  g_clear_pointer (&message, g_free);

  /* Only white space is no headline. */
  cd_article_set_headline (article, " \t ");
  assert_issues (article, NULL, "E headline-required headline\n");
}

static void
test_preflight_headline_length_levels (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdHouseRules) as_warning = load_string (HEAD "\"rules\": {\"headline-length\": "
                                                         "\"warning\"}}");
  g_autoptr(CdHouseRules) off = load_string (HEAD "\"rules\": {\"headline-length\": \"off\"}}");
  g_autofree char *long_headline = repeat_words ("harbour", 20);

  cd_article_set_headline (article, long_headline);
  assert_issues (article, NULL, "E headline-length headline\n");
  assert_issues (article, as_warning, "W headline-length headline\n");
  assert_issues (article, off, "");
}

static void
test_preflight_standfirst (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdHouseRules) required = load_string (HEAD "\"rules\": {\"standfirst-required\": "
                                                       "\"error\"}}");
  g_autofree char *message = NULL;
  char text[400];

  memset (text, 'b', 321);
  text[321] = '\0';
  cd_article_set_standfirst (article, text);
  assert_issues (article, NULL, "E standfirst-length standfirst\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The standfirst is 321 characters long; the house limit is 320. "
                   "Shorten it by 1 character.");
  g_clear_pointer (&message, g_free);

  text[320] = '\0';
  cd_article_set_standfirst (article, text);
  assert_issues (article, NULL, "W standfirst-length standfirst\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The standfirst is 320 characters long; the house aims for 200 or fewer. "
                   "Consider shortening it by 120 characters.");
  g_clear_pointer (&message, g_free);

  text[200] = '\0';
  cd_article_set_standfirst (article, text);
  assert_issues (article, NULL, "");

  cd_article_set_standfirst (article, "");
  assert_issues (article, NULL, "W standfirst-required standfirst\n");
  assert_issues (article, required, "E standfirst-required standfirst\n");
}

static void
test_preflight_slug (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdHouseRules) custom = load_fixture ("custom.json");
  g_autoptr(CdHouseRules) long_slugs = load_string (HEAD "\"limits\": {\"slug.hard\": 120}}");
  g_autofree char *message = NULL;
  g_autofree char *long_slug = NULL;

  cd_article_set_slug (article, "Ferry Route!");
  assert_issues (article, NULL, "E slug-format slug\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The slug “Ferry Route!” may only have lowercase letters and digits in words "
                   "joined by single hyphens. Use “ferry-route” instead.");
  g_clear_pointer (&message, g_free);

  cd_article_set_slug (article, "ferry--route");
  assert_issues (article, NULL, "E slug-format slug\n");
  cd_article_set_slug (article, "-ferry-route");
  assert_issues (article, NULL, "E slug-format slug\n");
  cd_article_set_slug (article, "ferry-route-");
  assert_issues (article, NULL, "E slug-format slug\n");
  cd_article_set_slug (article, "ferry-route-2026");
  assert_issues (article, NULL, "");

  /* The derived slug is 40 characters: too long for the newsroom's 30. */
  cd_article_reset_slug (article);
  assert_issues (article, custom, "E slug-length slug\n");
  message = single_message (article, custom);
  g_assert_cmpstr (message, ==,
                   "The slug is 40 characters long; the house limit is 30. "
                   "Shorten it by 10 characters.");
  g_clear_pointer (&message, g_free);

  /* A well-formed slug of 95 characters passes where the house allows 120,
   * and is too long for the default 80. */
  long_slug = repeat_words ("harbour", 12);
  g_strdelimit (long_slug, " ", '-');
  g_assert_cmpuint (strlen (long_slug), ==, 95);
  cd_article_set_slug (article, long_slug);
  assert_issues (article, long_slugs, "");
  assert_issues (article, NULL, "E slug-length slug\n");

  /* A headline with no Latin letters gives an empty slug. */
  cd_article_set_headline (article, "渡轮新航线获批");
  cd_article_reset_slug (article);
  g_assert_cmpstr (cd_article_get_slug (article), ==, "");
  assert_issues (article, NULL, "E slug-format slug\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The slug is empty. Enter a slug of lowercase words joined by hyphens, "
                   "such as “council-backs-harbour-plan”.");
}

static void
test_preflight_section_and_dateline (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdHouseRules) custom = load_fixture ("custom.json");
  g_autoptr(CdHouseRules) dateline = load_string (HEAD "\"rules\": {\"dateline-required\": "
                                                       "\"error\"}}");

  cd_article_set_section (article, "");
  cd_article_set_dateline (article, "  ");

  /* Both rules are off by default. */
  assert_issues (article, NULL, "");
  assert_issues (article, custom, "W section-required section\n");
  assert_issues (article, dateline, "E dateline-required dateline\n");
}

static void
test_preflight_language (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autofree char *message = NULL;
  const char *valid[] = {
    "en", "EN", "en-GB", "en-gb", "de", "pt-BR", "zh-Hant-TW", "sr-Latn", "es-419",
    "gsw", "zh-yue", "zh-yue-HK", "sl-rozaj-biske", "de-CH-1901", "en-US-u-ca-gregory",
    "en-a-bbb-x-private", "x-newsroom", "i-klingon", "en-GB-oed", "art-lojban",
    "haw", "tlh", "abcd", "abcdefgh",
  };
  const char *invalid[] = {
    "e", "english!", "en-", "-en", "en--GB", "en-G", "en-GB-x", "abcdefghi",
    "en-US-u", "en-a-b-c", "en-1901-1901", "en-a-bb-a-cc", "x", "123", "en GB",
    "en-Latn-Latn-GB", "français",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("valid %s", valid[i]);
      cd_article_set_language (article, valid[i]);
      assert_issues (article, NULL, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid %s", invalid[i]);
      cd_article_set_language (article, invalid[i]);
      assert_issues (article, NULL, "E language-tag language\n");
    }

  cd_article_set_language (article, "en_GB");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "“en_GB” is not a language tag: the parts are joined with a hyphen. "
                   "Use “en-GB”.");
  g_clear_pointer (&message, g_free);

  /* "english" would be well-formed: 5 to 8 letters are a language subtag. */
  cd_article_set_language (article, "English (UK)");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "“English (UK)” is not a language tag. Use a BCP 47 tag such as “en”, “en-GB” "
                   "or “pt-BR”.");
  g_clear_pointer (&message, g_free);

  cd_article_set_language (article, "");
  assert_issues (article, NULL, "E language-required language\n");
}

static void
test_preflight_authors (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdAuthor) unnamed = cd_author_new ("");
  g_autoptr(CdAuthor) blank = cd_author_new ("  ");
  g_autofree char *message = NULL;

  cd_article_add_author (article, unnamed);
  assert_issues (article, NULL, "E author-name authors[1].name\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==, "Author 2 has no name. Enter the name or remove the author.");
  g_clear_pointer (&message, g_free);

  /* No author with a name at all: no byline either. */
  cd_article_remove_author (article, 0);
  cd_article_add_author (article, blank);
  assert_issues (article, NULL,
                 "E byline-required authors\n"
                 "E author-name authors[0].name\n"
                 "E author-name authors[1].name\n");

  cd_article_remove_author (article, 0);
  cd_article_remove_author (article, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_authors (article)), ==, 0);
  assert_issues (article, NULL, "E byline-required authors\n");
}

static void
test_preflight_dates (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(GDateTime) later = date_time ("2026-03-12T10:00:00+00:00");
  g_autoptr(GDateTime) same = date_time ("2026-03-12T09:00:00+00:00");
  g_autoptr(GDateTime) earlier_in_paris = date_time ("2026-03-12T09:30:00+01:00");
  g_autoptr(GDateTime) later_in_new_york = date_time ("2026-03-12T05:00:30-04:00");
  g_autofree char *message = NULL;

  /* The embargo lifts after publication: the article would break it. */
  cd_article_set_embargo (article, later);
  assert_issues (article, NULL, "E embargo-order embargo\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The embargo lifts at 2026-03-12 10:00 +00:00, after the publication date "
                   "2026-03-12 09:00 +00:00, so the article would break the embargo. Publish at "
                   "the embargo time or later, or correct the embargo.");
  g_clear_pointer (&message, g_free);

  /* Offsets are compared as instants: 09:30+01:00 is before 09:00Z, and
   * 05:00:30-04:00 is 30 seconds after it. */
  cd_article_set_embargo (article, same);
  assert_issues (article, NULL, "");
  cd_article_set_embargo (article, earlier_in_paris);
  assert_issues (article, NULL, "");
  cd_article_set_embargo (article, later_in_new_york);
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The embargo lifts at 2026-03-12 05:00:30 -04:00, after the publication date "
                   "2026-03-12 09:00 +00:00, so the article would break the embargo. Publish at "
                   "the embargo time or later, or correct the embargo.");

  /* Without a publication date, that is the issue. */
  cd_article_set_published (article, NULL);
  assert_issues (article, NULL, "E published-required published\n");
}

static void
test_preflight_image (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdHouseRules) custom = load_fixture ("custom.json");
  CdImage *image = cd_article_get_image (article);

  cd_image_set_alt (image, "");
  assert_issues (article, NULL, "E image-alt image.alt\n");
  cd_image_set_credit (image, " ");
  cd_image_set_caption (image, "");

  /* Errors first, in form order, then the warning. */
  assert_issues (article, NULL,
                 "E image-alt image.alt\n"
                 "E image-credit image.credit\n"
                 "W image-caption image.caption\n");
  assert_issues (article, custom,
                 "E image-alt image.alt\n"
                 "E image-caption image.caption\n"
                 "E image-credit image.credit\n");

  /* No picture: the image rules do not apply, unless something else about
   * the image was filled in. */
  cd_image_clear (image);
  assert_issues (article, NULL, "");
  cd_image_set_caption (image, "The ferry at dusk.");
  assert_issues (article, NULL, "W image-source image.source\n");
  cd_image_set_caption (image, "");
  cd_image_set_copyright (image, "© Harbour Gazette");
  assert_issues (article, NULL, "W image-source image.source\n");
}

static void
test_preflight_tags (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdHouseRules) custom = load_fixture ("custom.json");
  g_autoptr(CdHouseRules) three = load_string (HEAD "\"limits\": {\"tags.min\": 3}}");
  g_autoptr(CdTag) tag = cd_tag_new ("Transport",
                                     "http://cv.iptc.org/newscodes/mediatopic/20000763",
                                     "medtop:20000763");
  g_autofree char *message = NULL;

  message = single_message (article, three);
  g_assert_cmpstr (message, ==,
                   "The article has 1 tag; the house asks for at least 3. Add 2 more.");
  g_clear_pointer (&message, g_free);

  cd_article_add_tag (article, tag);
  assert_issues (article, three, "E tags-required tags\n");
  message = single_message (article, three);
  g_assert_cmpstr (message, ==,
                   "The article has 2 tags; the house asks for at least 3. Add 1 more.");
  g_clear_pointer (&message, g_free);

  cd_article_remove_tag (article, 0);
  cd_article_remove_tag (article, 0);
  assert_issues (article, NULL, "E tags-required tags\n");
  message = single_message (article, three);
  g_assert_cmpstr (message, ==, "The article has no tags. Add at least 3 tags from the house "
                                "vocabulary.");

  /* The newsroom does without tags. */
  assert_issues (article, custom, "");
}

static void
test_preflight_body_tk (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdHouseRules) as_warning = load_string (HEAD "\"rules\": {\"body-tk\": \"warning\"}}");
  const struct {
    const char *markdown;
    guint count;
    guint line;
  } cases[] = {
    { "The ferry costs TK a year.", 1, 1 },
    { "First line.\n\nThe ferry costs TK.", 1, 3 },
    { "Cost: TKTK. Opening: TKK. Operator: TK: to come.", 3, 1 },
    { "**TK** and _TK_ and [TK](https://example.com/a).", 3, 1 },
    { "# TK\n\n- item TK\n\n| a | b |\n|---|---|\n| TK | x |\n", 3, 1 },
    { "Quote:\n\n> said TK\n", 1, 3 },
    { "(TK) and “TK” and TK's.", 3, 1 },
    /* Not placeholders: inside words, other cases, code, addresses. */
    { "The boxer won by a TKO. Tk, tk, tK. ATK TKA TK2 _TK_x ÉTK TKé.", 0, 0 },
    { "Use `TK` in code.\n\n```\nTK = 1\n```\n\n    TK indented\n", 0, 0 },
    { "See <https://example.com/TK> and https://example.com/TK/page.", 0, 0 },
    /* Raw HTML around it does not hide it from readers. */
    { "<span>TK</span>", 1, 1 },
    { "Line one.\nLine two `TK`.\nLine three TK.\n", 1, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strconcat (READY_BODY, "\n", cases[i].markdown, NULL);
      g_autoptr(GListModel) issues = NULL;
      /* READY_BODY takes three lines and a blank one follows it. */
      guint line = cases[i].line + 4;

      g_test_message ("%s", cases[i].markdown);
      cd_article_set_body (article, body);
      issues = cd_preflight_check (article, NULL);

      if (cases[i].count == 0)
        {
          g_autofree char *described = describe_issues (issues);

          g_assert_cmpstr (described, ==, "");
        }
      else
        {
          g_autoptr(CdPreflightIssue) issue = NULL;
          g_autofree char *expected = NULL;

          g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
          issue = g_list_model_get_item (issues, 0);
          g_assert_cmpstr (cd_preflight_issue_get_rule (issue), ==, "body-tk");
          g_assert_cmpstr (cd_preflight_issue_get_field (issue), ==, "body");
          g_assert_cmpint (cd_preflight_issue_get_severity (issue), ==, CD_SEVERITY_ERROR);

          if (cases[i].count == 1)
            expected = g_strdup_printf ("The body still has 1 “TK” placeholder, on line %u. "
                                        "Replace it with the missing fact.", line);
          else
            expected = g_strdup_printf ("The body still has %u “TK” placeholders, the first on "
                                        "line %u. Replace each with the missing fact.",
                                        cases[i].count, line);
          g_assert_cmpstr (cd_preflight_issue_get_message (issue), ==, expected);
        }
    }

  cd_article_set_body (article, READY_BODY "\nTK\n");
  assert_issues (article, as_warning, "W body-tk body\n");
}

static void
test_preflight_body_links (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  const struct {
    const char *markdown;
    guint count;
    guint line;
  } cases[] = {
    { "See [the report]().", 1, 1 },
    { "See [the report](<>).", 1, 1 },
    { "See [the report]( ).", 1, 1 },
    { "See [the report](< >).", 1, 1 },
    { "Text.\n\n[]()", 1, 3 },
    { "One.\nTwo [a]() and [b](<>).\n\n[c]()", 3, 2 },
    { "Ask [us][contact].\n\n[contact]: <>\n", 1, 1 },
    { "An image ![ferry](ferry.jpg) then\n**[bold]()**", 1, 2 },
    /* Not empty links. */
    { "A [real link](https://example.com) and `[code]()` in a span.", 0, 0 },
    { "```\n[x]()\n```\n", 0, 0 },
    { "A [relative](page.html) link and [an anchor](#top).", 0, 0 },
    { "Brackets [like this] and (this) are text.", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strconcat (READY_BODY, "\n", cases[i].markdown, NULL);
      g_autoptr(GListModel) issues = NULL;
      guint line = cases[i].line + 4;

      g_test_message ("%s", cases[i].markdown);
      cd_article_set_body (article, body);
      issues = cd_preflight_check (article, NULL);

      if (cases[i].count == 0)
        {
          g_autofree char *described = describe_issues (issues);

          g_assert_cmpstr (described, ==, "");
        }
      else
        {
          g_autoptr(CdPreflightIssue) issue = NULL;
          g_autofree char *expected = NULL;

          g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
          issue = g_list_model_get_item (issues, 0);
          g_assert_cmpstr (cd_preflight_issue_get_rule (issue), ==, "body-empty-link");
          g_assert_cmpstr (cd_preflight_issue_get_field (issue), ==, "body");
          g_assert_cmpint (cd_preflight_issue_get_severity (issue), ==, CD_SEVERITY_ERROR);

          if (cases[i].count == 1)
            expected = g_strdup_printf ("The body has 1 link with no address, on line %u. "
                                        "Add the address or remove the link.", line);
          else
            expected = g_strdup_printf ("The body has %u links with no address, the first on "
                                        "line %u. Add the addresses or remove the links.",
                                        cases[i].count, line);
          g_assert_cmpstr (cd_preflight_issue_get_message (issue), ==, expected);
        }
    }
}

static void
test_preflight_body_length (void)
{
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdHouseRules) custom = load_fixture ("custom.json");
  g_autoptr(CdHouseRules) longer = load_string (HEAD "\"limits\": {\"body.min_words\": 100}}");
  g_autofree char *ten = repeat_words ("word", 10);
  g_autofree char *fifty = repeat_words ("word", 50);
  g_autofree char *message = NULL;

  cd_article_set_body (article, ten);
  assert_issues (article, NULL, "W body-too-short body\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The body has 10 words; the house minimum is 50. Add at least 40 more words.");
  g_clear_pointer (&message, g_free);
  assert_issues (article, custom, "");

  cd_article_set_body (article, fifty);
  assert_issues (article, NULL, "");
  assert_issues (article, longer, "W body-too-short body\n");

  /* Markdown syntax is not words. */
  cd_article_set_body (article, "# Heading\n\n- one\n- two\n\n[link](https://example.com/a/b/c)\n");
  message = single_message (article, NULL);
  g_assert_cmpstr (message, ==,
                   "The body has 4 words; the house minimum is 50. Add at least 46 more words.");
  g_clear_pointer (&message, g_free);

  cd_article_set_body (article, "\n  \n\t");
  assert_issues (article, NULL, "E body-required body\n");
}

/* One article that breaks many rules, under the newsroom's rules: the whole
 * list, errors first, each group in form order. */
static void
test_preflight_order (void)
{
  g_autoptr(CdArticle) article = cd_article_new_empty ();
  g_autoptr(CdHouseRules) custom = load_fixture ("custom.json");
  g_autoptr(CdAuthor) named = cd_author_new ("Jane Doe");
  g_autoptr(CdAuthor) unnamed = cd_author_new (NULL);
  g_autoptr(GDateTime) published = date_time ("2026-03-12T09:00:00+00:00");
  g_autoptr(GDateTime) embargo = date_time ("2026-03-13T00:00:00+00:00");
  g_autoptr(GListModel) issues = NULL;
  g_autofree char *described = NULL;
  CdImage *image = cd_article_get_image (article);

  cd_article_set_headline (article, "Council approves new harbour ferry route after row");
  cd_article_set_language (article, "en_GB");
  cd_article_add_author (article, named);
  cd_article_add_author (article, unnamed);
  cd_article_set_published (article, published);
  cd_article_set_embargo (article, embargo);
  cd_image_set_source (image, "https://images.example/ferry.jpg");
  cd_article_set_body (article, "Fares are TK and the [timetable]() is due.");

  issues = cd_preflight_check (article, custom);
  described = describe_issues (issues);
  g_assert_cmpstr (described, ==,
                   "E slug-length slug\n"
                   "E language-tag language\n"
                   "E author-name authors[1].name\n"
                   "E embargo-order embargo\n"
                   "E image-alt image.alt\n"
                   "E image-caption image.caption\n"
                   "E image-credit image.credit\n"
                   "E body-tk body\n"
                   "E body-empty-link body\n"
                   "W headline-length headline\n"
                   "W standfirst-required standfirst\n"
                   "W section-required section\n");
  g_assert_false (cd_preflight_is_ready (issues));
  g_assert_cmpuint (cd_preflight_count (issues, CD_SEVERITY_ERROR), ==, 9);
  g_assert_cmpuint (cd_preflight_count (issues, CD_SEVERITY_WARNING), ==, 3);
}

static void
test_preflight_issue (void)
{
  g_autoptr(CdPreflightIssue) issue = NULL;
  g_autoptr(GListStore) store = g_list_store_new (CD_TYPE_PREFLIGHT_ISSUE);
  g_autofree char *rule = NULL;
  g_autofree char *field = NULL;
  g_autofree char *message = NULL;
  GEnumClass *severities = g_type_class_ref (CD_TYPE_SEVERITY);
  CdSeverity severity = CD_SEVERITY_WARNING;

  g_assert_cmpstr (g_enum_get_value (severities, CD_SEVERITY_ERROR)->value_nick, ==, "error");
  g_assert_cmpstr (g_enum_get_value (severities, CD_SEVERITY_WARNING)->value_nick, ==, "warning");
  g_type_class_unref (severities);

  issue = cd_preflight_issue_new (CD_SEVERITY_ERROR, "image-alt", "image.alt", "No alt text.");
  g_object_get (issue,
                "severity", &severity,
                "rule", &rule,
                "field", &field,
                "message", &message,
                NULL);
  g_assert_cmpint (severity, ==, CD_SEVERITY_ERROR);
  g_assert_cmpstr (rule, ==, "image-alt");
  g_assert_cmpstr (field, ==, "image.alt");
  g_assert_cmpstr (message, ==, "No alt text.");

  /* Counting and the verdict. */
  g_assert_true (cd_preflight_is_ready (G_LIST_MODEL (store)));
  {
    g_autoptr(CdPreflightIssue) warning = NULL;

    warning = cd_preflight_issue_new (CD_SEVERITY_WARNING, "image-caption", "image.caption",
                                      "No caption.");

    g_list_store_append (store, warning);
  }
  g_assert_true (cd_preflight_is_ready (G_LIST_MODEL (store)));
  g_assert_cmpuint (cd_preflight_count (G_LIST_MODEL (store), CD_SEVERITY_WARNING), ==, 1);
  g_assert_cmpuint (cd_preflight_count (G_LIST_MODEL (store), CD_SEVERITY_ERROR), ==, 0);

  g_list_store_append (store, issue);
  g_assert_false (cd_preflight_is_ready (G_LIST_MODEL (store)));
  g_assert_cmpuint (cd_preflight_count (G_LIST_MODEL (store), CD_SEVERITY_ERROR), ==, 1);

  g_list_store_remove_all (store);
  g_assert_finalize_object (g_steal_pointer (&issue));
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The lead image on disk, looked for from the article's folder. */

static CdPreflightIssue *
find_issue (GListModel *issues,
            const char *rule)
{
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      if (g_strcmp0 (cd_preflight_issue_get_rule (issue), rule) == 0)
        return issue;
    }

  return NULL;
}

static void
test_preflight_image_file (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *photo = g_build_filename (dir, "harbour.jpg", NULL);
  g_autofree char *elsewhere = g_build_filename (g_get_tmp_dir (), "harbour.jpg", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) sub_folder = g_file_new_for_path (sub);
  g_autoptr(CdArticle) article = new_ready_article ();
  CdImage *image = cd_article_get_image (article);
  CdPreflightIssue *issue;

  /* Without a folder a relative path cannot be looked for. */
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    g_assert_true (cd_preflight_is_ready (issues));
  }

  /* With one, a missing picture is an error that names its path. */
  {
    g_autoptr(GListModel) issues = cd_preflight_check_in_folder (article, NULL, folder);

    g_assert_false (cd_preflight_is_ready (issues));
    issue = find_issue (issues, "image-file");
    g_assert_nonnull (issue);
    g_assert_cmpint (cd_preflight_issue_get_severity (issue), ==, CD_SEVERITY_ERROR);
    g_assert_cmpstr (cd_preflight_issue_get_field (issue), ==, "image.source");
    g_assert_nonnull (strstr (cd_preflight_issue_get_message (issue), photo));
  }

  /* The folder the article remembers counts the same. */
  cd_article_file_set_folder (article, folder);
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    g_assert_nonnull (find_issue (issues, "image-file"));
  }

  g_assert_true (g_file_set_contents (photo, "jpeg bytes", -1, NULL));
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    g_assert_true (cd_preflight_is_ready (issues));
  }

  /* A folder of that name is no picture. */
  cd_image_set_source (image, "sub");
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    g_assert_nonnull (find_issue (issues, "image-file"));
  }

  /* Paths that leave the folder are errors even when the file is there. */
  cd_image_set_source (image, "../harbour.jpg");
  {
    g_autoptr(GListModel) issues = cd_preflight_check_in_folder (article, NULL, sub_folder);

    issue = find_issue (issues, "image-file");
    g_assert_nonnull (issue);
    g_assert_nonnull (strstr (cd_preflight_issue_get_message (issue), "../harbour.jpg"));
  }
  cd_image_set_source (image, "/etc/passwd");
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    issue = find_issue (issues, "image-file");
    g_assert_nonnull (issue);
    g_assert_nonnull (strstr (cd_preflight_issue_get_message (issue), "/etc/passwd"));
  }
  /* An absolute path inside the folder is found. */
  cd_image_set_source (image, photo);
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    g_assert_true (cd_preflight_is_ready (issues));
  }

  /* A new article (no folder) may name a picture anywhere, if it is there. */
  cd_article_file_set_folder (article, NULL);
  cd_image_set_source (image, elsewhere);
  g_remove (elsewhere);
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    g_assert_nonnull (find_issue (issues, "image-file"));
  }

  /* A file: URI is neither a file beside the article nor a web address. */
  cd_image_set_source (image, "file:///etc/passwd");
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    g_assert_nonnull (find_issue (issues, "image-file"));
  }

  /* A web address is not looked for on disk. */
  cd_image_set_source (image, "https://images.example.com/harbour.jpg");
  cd_article_file_set_folder (article, folder);
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    g_assert_true (cd_preflight_is_ready (issues));
  }

  /* A web address in any case (cd_url_is_web_address()) is one too. */
  cd_image_set_source (image, "HTTPS://IMAGES.EXAMPLE.COM/harbour.jpg");
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    g_assert_true (cd_preflight_is_ready (issues));
  }

  /* An https address with a space in it is not a web address, and no
   * file either. */
  cd_image_set_source (image, "https://images.example.com/harbour front.jpg");
  {
    g_autoptr(GListModel) issues = cd_preflight_check (article, NULL);

    issue = find_issue (issues, "image-file");
    g_assert_nonnull (issue);
    g_assert_nonnull (strstr (cd_preflight_issue_get_message (issue),
                              "https://images.example.com/harbour front.jpg"));
  }

  cd_test_remove_tree (dir);
}

/* An article opened from a file with an absolute image path elsewhere is
 * kept as it is, and preflight says what to do. */
static void
test_preflight_opened_absolute_image (void)
{
  g_autofree char *dir = cd_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "story.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) article = new_ready_article ();
  g_autoptr(CdArticle) opened = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GError) error = NULL;
  CdPreflightIssue *issue;

  cd_article_set_created (article, cd_article_get_published (article));
  cd_article_set_modified (article, cd_article_get_published (article));
  cd_image_set_source (cd_article_get_image (article), "/proc/self/environ");
  g_assert_true (cd_article_save_to_file (article, file, NULL, &error));
  g_assert_no_error (error);

  opened = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_get_source (cd_article_get_image (opened)), ==, "/proc/self/environ");
  issues = cd_preflight_check (opened, NULL);
  issue = find_issue (issues, "image-file");
  g_assert_nonnull (issue);
  g_assert_cmpint (cd_preflight_issue_get_severity (issue), ==, CD_SEVERITY_ERROR);
  g_assert_nonnull (strstr (cd_preflight_issue_get_message (issue), "/proc/self/environ"));

  cd_test_remove_tree (dir);
}

/* Suggested changes and open comments stop publication until someone
 * decides on them; a house can lower either rule. */
static void
test_preflight_review (void)
{
  g_autoptr(CdHouseRules) rules = load_builtin ();
  g_autoptr(CdHouseRules) lowered = load_string (HEAD "\"rules\": {\"review-suggestions\": \"warning\", "
                                                 "\"review-comments\": \"off\"}}");
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 8, 10, 0, 0);
  g_autoptr(CdComment) on_headline = cd_comment_new ("c1", "E", when, "Shorter?", "headline", NULL);
  g_autoptr(CdComment) on_body = cd_comment_new ("c2", "E", when, "Source?", "body", "figures");
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GListModel) resolved = NULL;
  g_autoptr(GListModel) relaxed = NULL;
  CdPreflightIssue *issue;
  guint n_comment_issues = 0;

  cd_article_set_body (article, "Plain text with `{++code++}` in it.");
  issues = cd_preflight_check (article, rules);
  g_assert_null (find_issue (issues, "review-suggestions"));
  g_assert_null (find_issue (issues, "review-comments"));
  g_clear_object (&issues);

  cd_article_set_body (article, "A {++new++} and {~~old~>new~~} word.{>>Really?<<}");
  cd_article_add_review_comment (article, on_headline);
  cd_article_add_review_comment (article, on_body);
  issues = cd_preflight_check (article, rules);
  issue = find_issue (issues, "review-suggestions");
  g_assert_nonnull (issue);
  g_assert_cmpint (cd_preflight_issue_get_severity (issue), ==, CD_SEVERITY_ERROR);
  g_assert_cmpstr (cd_preflight_issue_get_field (issue), ==, "body");
  g_assert_cmpstr (cd_preflight_issue_get_message (issue), ==,
                   "2 suggested changes are still open: accept or reject them before publishing.");
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(CdPreflightIssue) item = g_list_model_get_item (issues, i);

      if (g_strcmp0 (cd_preflight_issue_get_rule (item), "review-comments") != 0)
        continue;
      n_comment_issues++;
      if (g_strcmp0 (cd_preflight_issue_get_field (item), "body") == 0)
        g_assert_cmpstr (cd_preflight_issue_get_message (item), ==,
                         "2 review comments are still open: resolve them before publishing.");
      else
        g_assert_cmpstr (cd_preflight_issue_get_field (item), ==, "headline");
    }
  g_assert_cmpuint (n_comment_issues, ==, 2);

  /* Resolved comments no longer count. */
  cd_article_resolve_review_comment (article, 0, TRUE);
  resolved = cd_preflight_check (article, rules);
  issue = find_issue (resolved, "review-comments");
  g_assert_nonnull (issue);
  g_assert_cmpstr (cd_preflight_issue_get_field (issue), ==, "body");

  relaxed = cd_preflight_check (article, lowered);
  issue = find_issue (relaxed, "review-suggestions");
  g_assert_nonnull (issue);
  g_assert_cmpint (cd_preflight_issue_get_severity (issue), ==, CD_SEVERITY_WARNING);
  g_assert_null (find_issue (relaxed, "review-comments"));
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/house-rules/default", test_house_rules_default);
  g_test_add_func ("/preflight/image-file", test_preflight_image_file);
  g_test_add_func ("/preflight/opened-absolute-image", test_preflight_opened_absolute_image);
  g_test_add_func ("/house-rules/default-file", test_house_rules_default_file);
  g_test_add_func ("/house-rules/schema", test_house_rules_schema);
  g_test_add_func ("/house-rules/custom", test_house_rules_custom);
  g_test_add_func ("/house-rules/partial", test_house_rules_partial);
  g_test_add_func ("/house-rules/bad-files", test_house_rules_bad_files);
  g_test_add_func ("/house-rules/bad-data", test_house_rules_bad_data);
  g_test_add_func ("/house-rules/too-large", test_house_rules_too_large);
  g_test_add_func ("/house-rules/unreadable", test_house_rules_unreadable);

  g_test_add_func ("/preflight/issue", test_preflight_issue);
  g_test_add_func ("/preflight/ready", test_preflight_ready);
  g_test_add_func ("/preflight/empty", test_preflight_empty);
  g_test_add_func ("/preflight/messages", test_preflight_messages);
  g_test_add_func ("/preflight/null-rules", test_preflight_null_rules);
  g_test_add_func ("/preflight/headline", test_preflight_headline);
  g_test_add_func ("/preflight/headline-length-levels", test_preflight_headline_length_levels);
  g_test_add_func ("/preflight/standfirst", test_preflight_standfirst);
  g_test_add_func ("/preflight/slug", test_preflight_slug);
  g_test_add_func ("/preflight/section-and-dateline", test_preflight_section_and_dateline);
  g_test_add_func ("/preflight/language", test_preflight_language);
  g_test_add_func ("/preflight/authors", test_preflight_authors);
  g_test_add_func ("/preflight/dates", test_preflight_dates);
  g_test_add_func ("/preflight/image", test_preflight_image);
  g_test_add_func ("/preflight/tags", test_preflight_tags);
  g_test_add_func ("/preflight/body-tk", test_preflight_body_tk);
  g_test_add_func ("/preflight/body-links", test_preflight_body_links);
  g_test_add_func ("/preflight/body-length", test_preflight_body_length);
  g_test_add_func ("/preflight/order", test_preflight_order);
  g_test_add_func ("/preflight/review", test_preflight_review);

  return g_test_run ();
}
