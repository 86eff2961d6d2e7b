/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include "copydesk-core.h"

/* Helpers */

/* The id of @field for the first author, or its own id. */
static char *
dup_example_id (const CdField *field)
{
  if (cd_field_has_flags (field, CD_FIELD_PER_AUTHOR))
    return cd_field_id_format (cd_field_get_id (field), 0);
  return g_strdup (cd_field_get_id (field));
}

static CdArticle *
article_with_author (void)
{
  CdArticle *article = cd_article_new ();
  g_autoptr(CdAuthor) author = cd_author_new ("Ana Lima");

  cd_article_add_author (article, author);
  return article;
}

static void
assert_known_field (const char *id,
                    const char *who)
{
  if (cd_field_lookup (id) == NULL)
    g_error ("%s reported the field “%s”, which is not in the registry", who, id);
}

/* Tests */

static void
test_field_lookup (void)
{
  const CdField *field;
  const char * const unknown[] = {
    "", "Headline", "headline ", "image.nope", "headline[1]", "authors[x].name",
    "authors[].nope", "authors[1].nope", "authors[-1].name", "authors[1", "image.alt.x",
  };

  field = cd_field_lookup ("headline");
  g_assert_nonnull (field);
  g_assert_cmpstr (cd_field_get_id (field), ==, "headline");
  g_assert_true (cd_field_has_flags (field, CD_FIELD_PROSE | CD_FIELD_COUNTED | CD_FIELD_ON_FORM));
  g_assert_false (cd_field_has_flags (field, CD_FIELD_LEAD_IMAGE));
  g_assert_cmpstr (cd_field_get_property (field), ==, "headline");
  g_assert_true (cd_field_get_nth (cd_field_get_position (field)) == field);

  field = cd_field_lookup ("image.alt");
  g_assert_nonnull (field);
  g_assert_cmpuint (cd_field_get_flags (field), ==,
                    CD_FIELD_PROSE | CD_FIELD_COUNTED | CD_FIELD_LEAD_IMAGE | CD_FIELD_ON_FORM);
  g_assert_cmpstr (cd_field_get_property (field), ==, "alt");

  field = cd_field_lookup ("editor_note");
  g_assert_nonnull (field);
  g_assert_cmpstr (cd_field_get_property (field), ==, "editor-note");

  /* An indexed id finds its field by the base id. */
  field = cd_field_lookup ("authors[1].name");
  g_assert_nonnull (field);
  g_assert_true (field == cd_field_lookup ("authors[].name"));
  g_assert_true (field == cd_field_lookup ("authors[0].name"));
  g_assert_cmpstr (cd_field_get_id (field), ==, "authors[].name");
  g_assert_cmpuint (cd_field_get_flags (field), ==, CD_FIELD_PER_AUTHOR | CD_FIELD_ON_FORM);
  g_assert_true (cd_field_lookup ("authors[3]") == cd_field_lookup ("authors[]"));
  g_assert_false (cd_field_lookup ("authors[3]") == cd_field_lookup ("authors"));

  /* The body is counted but edited in its own editor. */
  field = cd_field_lookup ("body");
  g_assert_nonnull (field);
  g_assert_true (cd_field_has_flags (field, CD_FIELD_PROSE | CD_FIELD_COUNTED));
  g_assert_false (cd_field_has_flags (field, CD_FIELD_ON_FORM));

  for (size_t i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_test_message ("unknown: “%s”", unknown[i]);
      g_assert_null (cd_field_lookup (unknown[i]));
    }
}

static void
test_field_parse_format (void)
{
  static const struct {
    const char *id;
    const char *base;
    guint       index;
  } good[] = {
    { "headline", "headline", CD_FIELD_NO_INDEX },
    { "image.alt", "image.alt", CD_FIELD_NO_INDEX },
    { "editor_note", "editor_note", CD_FIELD_NO_INDEX },
    { "authors[2].name", "authors[].name", 2 },
    { "authors[0]", "authors[]", 0 },
    { "authors[10].url", "authors[].url", 10 },
    { "house.rules[4294967294].x", "house.rules[].x", 4294967294u },
  };
  static const char * const bad[] = {
    "", "authors[]", "authors[].name", "authors[x].name", "authors[-1].name",
    "authors[ 1].name", "authors[+1].name", "authors[01].name", "authors[1",
    "authors[1]x", "authors[1][2]", "authors[1].name[2]", ".name", "image..alt",
    "image.", "Headline", "head line", "authors[4294967295].name",
    "authors[99999999999].name", "[1]", "authors.[1]",
  };

  for (size_t i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *base = NULL;
      g_autofree char *formatted = NULL;
      guint index = 7;

      g_test_message ("good: %s", good[i].id);
      g_assert_true (cd_field_id_parse (good[i].id, &base, &index));
      g_assert_cmpstr (base, ==, good[i].base);
      g_assert_cmpuint (index, ==, good[i].index);

      formatted = cd_field_id_format (base, index);
      g_assert_cmpstr (formatted, ==, good[i].id);
    }

  for (size_t i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *base = g_strdup ("untouched");
      guint index = 7;

      g_test_message ("bad: “%s”", bad[i]);
      g_assert_false (cd_field_id_parse (bad[i], NULL, NULL));
      g_assert_false (cd_field_id_parse (bad[i], &base, &index));
      g_assert_cmpstr (base, ==, "untouched");
      g_assert_cmpuint (index, ==, 7);
    }
}

static void
test_field_labels (void)
{
  static const struct {
    const char *id;
    const char *label;
  } labels[] = {
    { "headline", "Headline" },
    { "image.alt", "Lead image alt text" },
    { "image.source", "Lead image file" },
    { "authors", "Byline" },
    { "authors[1].name", "Name of author 2" },
    { "authors[0].role", "Role of author 1" },
    { "authors[2]", "Author 3" },
    { "editor_note", "Note for the desk" },
    /* An author's field the registry does not know is the author. */
    { "authors[1].nickname", "Author 2" },
    /* Any other unknown field still reads sensibly. */
    { "house_style.x-y", "House style x y" },
    { "[]", "[]" },
    { "", "Article" },
    { NULL, "Article" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *label = cd_field_dup_label (labels[i].id);

      g_assert_cmpstr (label, ==, labels[i].label);
    }
}

/* Every field has a well-formed id, a label of its own and a value in an
 * article, and the flags agree with the id. */
static void
test_field_registry (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CdArticle) article = article_with_author ();
  guint n_fields = cd_field_get_n_fields ();
  guint n_counted = 0;

  g_assert_cmpuint (n_fields, >, 20);

  for (guint i = 0; i < n_fields; i++)
    {
      const CdField *field = cd_field_get_nth (i);
      const char *id = cd_field_get_id (field);
      gboolean per_author = cd_field_has_flags (field, CD_FIELD_PER_AUTHOR);
      g_autofree char *example = dup_example_id (field);
      g_autofree char *base = NULL;
      g_autofree char *label = NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      guint index;

      g_test_message ("%s", id);
      g_assert_cmpuint (cd_field_get_position (field), ==, i);
      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      g_assert_true (cd_field_lookup (id) == field);

      /* The base id is the field id with the index taken out. */
      g_assert_cmpint (per_author, ==, strstr (id, "[]") != NULL);
      g_assert_cmpint (per_author, ==, g_str_has_prefix (id, "authors[]"));
      g_assert_true (cd_field_id_parse (example, &base, &index));
      g_assert_cmpstr (base, ==, id);
      g_assert_cmpuint (index, ==, per_author ? 0 : CD_FIELD_NO_INDEX);
      g_assert_true (cd_field_lookup (example) == field);

      /* No two fields look the same to the journalist. */
      label = cd_field_dup_label (example);
      g_assert_cmpstr (label, !=, "");
      g_assert_true (g_hash_table_add (labels, g_steal_pointer (&label)));

      g_assert_cmpint (cd_field_has_flags (field, CD_FIELD_LEAD_IMAGE), ==,
                       g_str_equal (id, "image") || g_str_has_prefix (id, "image."));
      g_assert_cmpint (cd_field_has_flags (field, CD_FIELD_ON_FORM), ==, !g_str_equal (id, "body"));

      /* Each field has a value: its property on the article, the image or
       * the author, or the author itself. */
      g_assert_true (cd_field_get_value (field, article, per_author ? 0 : CD_FIELD_NO_INDEX, &value));
      g_assert_true (G_IS_VALUE (&value));
      if (cd_field_has_flags (field, CD_FIELD_COUNTED | CD_FIELD_PROSE))
        g_assert_true (G_VALUE_HOLDS_STRING (&value));
      if (cd_field_get_property (field) == NULL)
        g_assert_true (G_VALUE_HOLDS (&value, CD_TYPE_AUTHOR));

      /* Only an existing author has a value. */
      if (per_author)
        {
          g_auto(GValue) missing = G_VALUE_INIT;

          g_assert_false (cd_field_get_value (field, article, 1, &missing));
          g_assert_false (G_IS_VALUE (&missing));
        }

      if (cd_field_has_flags (field, CD_FIELD_COUNTED))
        n_counted++;
    }

  g_assert_cmpuint (n_counted, ==, 10);
  g_assert_null (cd_field_lookup ("authors[1]x"));
}

/* Statistics count exactly the fields flagged as counted. */
static void
test_field_stats (void)
{
  g_autoptr(CdArticle) article = article_with_author ();
  g_autoptr(CdStats) stats = NULL;
  g_autoptr(GPtrArray) holders = g_ptr_array_new ();
  g_autoptr(CdAuthor) author = g_list_model_get_item (cd_article_get_authors (article), 0);

  /* Every text of the article, the image and the author is set. */
  g_ptr_array_add (holders, article);
  g_ptr_array_add (holders, cd_article_get_image (article));
  g_ptr_array_add (holders, author);
  for (guint h = 0; h < holders->len; h++)
    {
      GObject *holder = g_ptr_array_index (holders, h);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (holder), &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        {
          if (pspecs[i]->value_type == G_TYPE_STRING && (pspecs[i]->flags & G_PARAM_WRITABLE) != 0 &&
              strcmp (pspecs[i]->name, "id") != 0)
            g_object_set (holder, pspecs[i]->name, "Ten chars!", NULL);
        }
    }

  stats = cd_stats_compute (article, 0);

  for (guint i = 0; i < cd_field_get_n_fields (); i++)
    {
      const CdField *field = cd_field_get_nth (i);
      g_autofree char *id = dup_example_id (field);

      g_test_message ("%s", id);
      if (cd_field_has_flags (field, CD_FIELD_COUNTED))
        g_assert_cmpuint (cd_stats_get_field_characters (stats, id), ==, 10);
      else
        g_assert_cmpuint (cd_stats_get_field_characters (stats, id), ==, 0);
    }
}

static CdHouseRules *
every_rule_an_error (void)
{
  const char * const *rules = cd_house_rules_list_rules ();
  g_autoptr(GString) json = g_string_new ("{\"format\": \"copydesk-house-rules\", \"version\": 1, "
                                          "\"rules\": {");
  g_autoptr(GError) error = NULL;
  CdHouseRules *house_rules;

  for (guint i = 0; rules[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\": \"error\"", i > 0 ? ", " : "", rules[i]);
  /* Straight quotes are the house style's only when a house says so. */
  g_string_append (json, "}, \"style\": {\"en\": {\"quotes\": \"curly\"}}}");

  house_rules = cd_house_rules_load_from_data (json->str, json->len, "every-rule.json", &error);
  g_assert_no_error (error);
  return house_rules;
}

static void
add_issues (GHashTable *rules_seen,
            CdArticle  *article,
            CdHouseRules *rules)
{
  g_autoptr(GListModel) issues = cd_preflight_check_in_folder (article, rules, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      assert_known_field (cd_preflight_issue_get_field (issue), cd_preflight_issue_get_rule (issue));
      g_hash_table_add (rules_seen, g_strdup (cd_preflight_issue_get_rule (issue)));
    }
}

/* Articles that break every house rule between them: each issue names a
 * field of the registry. */
static void
test_field_preflight (void)
{
  g_autoptr(CdHouseRules) rules = every_rule_an_error ();
  g_autoptr(GHashTable) rules_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CdArticle) empty = cd_article_new ();
  g_autoptr(CdArticle) messy = cd_article_new ();
  g_autoptr(CdArticle) pictured = cd_article_new ();
  g_autoptr(CdArticle) styled = cd_article_new ();
  g_autoptr(CdAuthor) named = cd_author_new ("Ana Lima");
  g_autoptr(CdAuthor) unnamed = cd_author_new ("");
  g_autoptr(CdAuthor) unnamed_too = cd_author_new (NULL);
  g_autoptr(GDateTime) published = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GDateTime) embargo = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  g_autofree char *long_text = g_strnfill (400, 'x');
  g_autofree char *long_slug = g_strnfill (100, 'a');
  const char * const *all_rules = cd_house_rules_list_rules ();

  cd_article_set_language (empty, "");
  add_issues (rules_seen, empty, rules);

  cd_article_set_headline (messy, long_text);
  cd_article_set_standfirst (messy, long_text);
  cd_article_set_slug (messy, "Not A Slug!");
  cd_article_set_language (messy, "en--GB");
  cd_article_add_author (messy, named);
  cd_article_add_author (messy, unnamed);
  cd_article_set_published (messy, published);
  cd_article_set_embargo (messy, embargo);
  cd_image_set_alt (cd_article_get_image (messy), "A ferry");
  cd_article_set_body (messy, "TK: the [fare]() is short. {++More.++} {>>Check.<<}");
  add_issues (rules_seen, messy, rules);

  cd_article_set_slug (pictured, long_slug);
  cd_article_add_author (pictured, unnamed_too);
  cd_image_set_source (cd_article_get_image (pictured), "/nonexistent/copydesk/ferry.jpg");
  add_issues (rules_seen, pictured, rules);

  cd_article_set_language (styled, "en");
  cd_image_set_caption (cd_article_get_image (styled), "The  the ferry \"Spirit\".");
  cd_article_set_body (styled, "We utilise 3 boats, a very unique fleet.");
  add_issues (rules_seen, styled, rules);

  for (guint i = 0; all_rules[i] != NULL; i++)
    {
      g_test_message ("rule %s", all_rules[i]);
      /* The spell checker, not the preflight, reports spelling. */
      if (g_str_equal (all_rules[i], "spelling"))
        continue;
      g_assert_true (g_hash_table_contains (rules_seen, all_rules[i]));
    }
  /* The image file is checked beyond the house rules. */
  g_assert_true (g_hash_table_contains (rules_seen, "image-file"));
}

static void
set_another_value (GObject    *holder,
                   const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (holder), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (pspec);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (holder, property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    {
      g_autofree char *text = g_strconcat (g_value_get_string (&value), "More text", NULL);

      g_value_set_string (&value, text);
    }
  else if (G_VALUE_HOLDS_BOOLEAN (&value))
    g_value_set_boolean (&value, !g_value_get_boolean (&value));
  else if (G_VALUE_HOLDS_UINT (&value))
    g_value_set_uint (&value, g_value_get_uint (&value) + 7);
  else if (G_VALUE_HOLDS_ENUM (&value))
    g_value_set_enum (&value, g_value_get_enum (&value) == 0 ? 1 : 0);
  else if (G_VALUE_HOLDS (&value, G_TYPE_DATE_TIME))
    g_value_take_boxed (&value, g_date_time_new_utc (2026, 3, 1, 9, 0, 0));
  else
    g_error ("%s has a type the test cannot change", property);

  g_object_set_property (holder, property, &value);
}

/* Each field changed in the article comes back from the undo history with
 * its id in the registry. */
static void
test_field_history (void)
{
  g_autoptr(CdArticle) article = article_with_author ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autoptr(CdAuthor) author = g_list_model_get_item (cd_article_get_authors (article), 0);
  g_autoptr(CdAuthor) another = cd_author_new ("Ben Ode");
  g_autoptr(CdTag) tag = cd_tag_new ("Ferries", NULL, NULL);
  guint checked = 0;

  for (guint i = 0; i < cd_field_get_n_fields (); i++)
    {
      const CdField *field = cd_field_get_nth (i);
      const char *property = cd_field_get_property (field);
      g_autofree char *id = dup_example_id (field);
      g_autofree char *undone = NULL;
      GObject *holder;
      GParamSpec *pspec;

      if (property == NULL)
        continue;

      if (cd_field_has_flags (field, CD_FIELD_PER_AUTHOR))
        holder = G_OBJECT (author);
      else if (cd_field_has_flags (field, CD_FIELD_LEAD_IMAGE) && !g_str_equal (property, "image"))
        holder = G_OBJECT (cd_article_get_image (article));
      else
        holder = G_OBJECT (article);

      /* Lists and the image are changed through their items below. */
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (holder), property);
      g_assert_nonnull (pspec);
      if ((pspec->flags & G_PARAM_WRITABLE) == 0)
        continue;

      g_test_message ("%s", id);
      cd_history_seal (history);
      set_another_value (holder, property);
      g_assert_true (cd_history_undo (history, &undone, NULL));
      g_assert_cmpstr (undone, ==, id);
      assert_known_field (undone, "the history");
      checked++;
    }
  g_assert_cmpuint (checked, >=, 20);

  /* The lists of authors and tags, and the image as a whole. */
  {
    g_autofree char *undone = NULL;

    cd_history_seal (history);
    cd_article_add_author (article, another);
    g_assert_true (cd_history_undo (history, &undone, NULL));
    assert_known_field (undone, "the history");
  }
  {
    g_autofree char *undone = NULL;

    cd_history_seal (history);
    cd_article_add_tag (article, tag);
    g_assert_true (cd_history_undo (history, &undone, NULL));
    assert_known_field (undone, "the history");
  }
  {
    g_autofree char *undone = NULL;

    cd_image_set_source (cd_article_get_image (article), "ferry.jpg");
    cd_image_set_alt (cd_article_get_image (article), "A ferry");
    cd_history_seal (history);
    cd_image_clear (cd_article_get_image (article));
    g_assert_true (cd_history_undo (history, &undone, NULL));
    assert_known_field (undone, "the history");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/field/lookup", test_field_lookup);
  g_test_add_func ("/field/parse-format", test_field_parse_format);
  g_test_add_func ("/field/labels", test_field_labels);
  g_test_add_func ("/field/registry", test_field_registry);
  g_test_add_func ("/field/stats", test_field_stats);
  g_test_add_func ("/field/preflight", test_field_preflight);
  g_test_add_func ("/field/history", test_field_history);

  return g_test_run ();
}
