/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The three channels of a story under review never mix: the editor's note
 * goes only where each format has a place for staff, suggested edits and
 * review comments stay in the file, and the corrections log goes wherever
 * readers read the story. */

#include "config.h"

#include <string.h>

#include "copydesk-core.h"
#include "cd-test-util.h"

#define NOTE        "Notezebra7f3a"
#define BODY_NOTE   "Bodycomment91c"
#define HIGHLIGHT   "Highlightnote33e"
#define INSERTED    "Insertedword4be"
#define DELETED     "Deletedword2d8"
#define OLD_WORD    "Oldword6c1"
#define NEW_WORD    "Newword8f2"
#define FIELD_NOTE  "Fieldcomment5e1"
#define REPLY       "Replytext0a9"
#define CORRECTION  "Correctiontext c33 was wrong"

static CdArticle *
new_article_under_review (const char *language)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 8, 10, 15, 0);
  g_autoptr(CdComment) comment = NULL;
  g_autoptr(CdCorrection) correction = NULL;

  cd_article_set_language (article, language);
  cd_article_set_headline (article, "Council approves the budget");
  cd_article_set_standfirst (article, "Spending rises next year.");
  cd_article_set_editor_note (article, NOTE);
  cd_article_set_body (article,
                       "The council {++" INSERTED " ++}approved the budget "
                       "{--" DELETED "--}{>>@Eddie Editor 2026-12-08T10:15Z<<} and "
                       "{~~" OLD_WORD "~>" NEW_WORD "~~} rose.\n\n"
                       "{==The mayor==}{>>" HIGHLIGHT "<<} said so.{>>" BODY_NOTE "<<}\n");
  comment = cd_comment_new ("c1", "Eddie Editor", when, FIELD_NOTE, "headline", "budget");
  cd_article_add_review_comment (article, comment);
  cd_article_reply_review_comment (article, 0, "Rita Reporter", when, REPLY);
  correction = cd_correction_new (when, CORRECTION);
  cd_article_add_correction (article, correction);
  return g_steal_pointer (&article);
}

static void
assert_reader_text (const char *what,
                    const char *text,
                    gboolean    note_expected)
{
  const char *never[] = { BODY_NOTE, HIGHLIGHT, INSERTED, NEW_WORD, FIELD_NOTE, REPLY, "{++",
                          "{--", "{>>", "Eddie Editor" };

  g_test_message ("checking %s", what);
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    if (strstr (text, never[i]) != NULL)
      g_error ("%s leaks “%s”", what, never[i]);
  /* A pending deletion is still the published text. */
  g_assert_nonnull (strstr (text, DELETED));
  g_assert_nonnull (strstr (text, OLD_WORD));
  g_assert_nonnull (strstr (text, "The mayor"));
  g_assert_nonnull (strstr (text, CORRECTION));
  if (note_expected)
    g_assert_nonnull (strstr (text, NOTE));
  else
    g_assert_null (strstr (text, NOTE));
}

static void
test_review_nothing_leaks (void)
{
  g_autoptr(CdArticle) article = new_article_under_review ("en");
  GListModel *exporters = cd_exporters_get_all ();
  CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL, 0, 0 };
  CdWpPostOptions post_options = { 0 };
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonNode) post_node = NULL;
  g_autofree char *post_text = NULL;
  g_autofree char *page = NULL;
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (exporters); i++)
    {
      g_autoptr(CdExporter) exporter = g_list_model_get_item (exporters, i);
      const char *id = cd_exporter_get_id (exporter);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = cd_exporter_export (exporter, article, &options, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      /* The native format is the file itself: everything stays. */
      if (strcmp (id, "copydesk") == 0)
        {
          g_assert_nonnull (strstr (text, FIELD_NOTE));
          g_assert_nonnull (strstr (text, INSERTED));
          continue;
        }
      /* FORMATS.md: ninjs `ednote` and ANS `planning.internal_note` are
       * for staff at the receiving end; nothing else carries the note. */
      assert_reader_text (id, text, strcmp (id, "ninjs") == 0 || strcmp (id, "ans") == 0);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 5);

  page = cd_page_render (article, NULL);
  assert_reader_text ("the page", page, FALSE);
  g_assert_nonnull (strstr (page, "<h2 class=\"corrections-title\">Corrections</h2>"));

  post = cd_wp_post_build (article, &post_options);
  post_node = json_node_init_object (json_node_alloc (), post);
  post_text = json_to_string (post_node, FALSE);
  assert_reader_text ("the WordPress post", post_text, FALSE);
}

static void
test_review_corrections_in_formats (void)
{
  g_autoptr(CdArticle) article = new_article_under_review ("de");
  CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jsonld = NULL;
  g_autoptr(GBytes) ans = NULL;
  g_autoptr(JsonNode) jsonld_root = NULL;
  g_autoptr(JsonNode) ans_root = NULL;
  g_autofree char *page = NULL;
  JsonArray *items;
  JsonArray *elements;
  JsonObject *item;
  JsonObject *last;

  page = cd_page_render (article, NULL);
  g_assert_nonnull (strstr (page, ">Korrekturen</h2>"));
  g_assert_nonnull (strstr (page, "<time datetime=\"2026-12-08T10:15:00Z\">8. Dezember 2026"));

  jsonld = cd_exporter_export (cd_exporters_lookup ("jsonld"), article, &options, &error);
  g_assert_no_error (error);
  jsonld_root = cd_test_parse_bytes (jsonld);
  items = json_object_get_array_member (json_node_get_object (jsonld_root), "correction");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  item = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "@type"), ==, "CorrectionComment");
  g_assert_cmpstr (json_object_get_string_member (item, "text"), ==, CORRECTION);
  g_assert_cmpstr (json_object_get_string_member (item, "datePublished"), ==, "2026-12-08T10:15:00Z");

  ans = cd_exporter_export (cd_exporters_lookup ("ans"), article, &options, &error);
  g_assert_no_error (error);
  ans_root = cd_test_parse_bytes (ans);
  elements = json_object_get_array_member (json_node_get_object (ans_root), "content_elements");
  last = json_array_get_object_element (elements, json_array_get_length (elements) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "type"), ==, "correction");
  g_assert_cmpstr (json_object_get_string_member (last, "correction_type"), ==, "correction");
  g_assert_cmpstr (json_object_get_string_member (last, "text"), ==, CORRECTION);
}

/* The HTML before the correction opens as many code blocks and code spans
 * as it closes: the correction is text for readers, not code. */
static void
assert_correction_outside_code (const char *what,
                                const char *html)
{
  const char *at = strstr (html, CORRECTION);
  const char *tags[][2] = { { "<pre", "</pre>" }, { "<code", "</code>" } };

  g_test_message ("checking %s", what);
  g_assert_nonnull (at);
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      guint open = 0, closed = 0;

      for (const char *p = html; (p = strstr (p, tags[i][0])) != NULL && p < at; p++)
        open++;
      for (const char *p = html; (p = strstr (p, tags[i][1])) != NULL && p < at; p++)
        closed++;
      g_assert_cmpuint (open, >, 0);
      g_assert_cmpuint (open, ==, closed);
    }
}

/* A body that ends inside a code fence never closed keeps its code; the
 * corrections log that follows it in ninjs and in the WordPress post is
 * still text for readers, after the code. */
static void
test_review_corrections_after_open_fence (void)
{
  g_autoptr(CdArticle) article = new_article_under_review ("en");
  CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL, 0, 0 };
  CdWpPostOptions post_options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ninjs = NULL;
  g_autoptr(JsonNode) ninjs_root = NULL;
  g_autoptr(JsonObject) post = NULL;
  JsonArray *bodies;
  JsonObject *main_body;
  const char *value;
  const char *content;

  cd_article_set_body (article, "Story text.\n\n```\nsome code\n");

  ninjs = cd_exporter_export (cd_exporters_lookup ("ninjs"), article, &options, &error);
  g_assert_no_error (error);
  ninjs_root = cd_test_parse_bytes (ninjs);
  bodies = json_object_get_array_member (json_node_get_object (ninjs_root), "bodies");
  g_assert_cmpuint (json_array_get_length (bodies), ==, 1);
  main_body = json_array_get_object_element (bodies, 0);
  value = json_object_get_string_member (main_body, "value");
  g_assert_nonnull (strstr (value, "some code"));
  assert_correction_outside_code ("the ninjs body", value);
  g_assert_nonnull (strstr (value, ">Corrections</h2>"));
  /* "Story text", "some code", "Corrections", the date and the text. */
  g_assert_cmpint (json_object_get_int_member (main_body, "wordcount"), >=, 12);

  post = cd_wp_post_build (article, &post_options);
  content = json_object_get_string_member (post, "content");
  g_assert_nonnull (strstr (content, "some code"));
  assert_correction_outside_code ("the WordPress post", content);
  g_assert_true (g_str_has_suffix (content, "<!-- /wp:list -->"));
}

static void
test_review_file_round_trip (void)
{
  g_autoptr(CdArticle) article = new_article_under_review ("en");
  g_autoptr(CdArticle) loaded = NULL;
  g_autoptr(CdArticle) plain = cd_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autofree char *plain_data = NULL;
  g_autoptr(CdComment) comment = NULL;
  gsize length;

  cd_article_resolve_review_comment (article, 0, TRUE);
  data = cd_article_to_data (article, &length);
  loaded = cd_article_load_from_data (data, length, "review.copydesk", &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (article, loaded));
  again = cd_article_to_data (loaded, NULL);
  g_assert_cmpstr (data, ==, again);

  comment = g_list_model_get_item (cd_article_get_review_comments (loaded), 0);
  g_assert_true (cd_comment_get_resolved (comment));
  g_assert_cmpuint (cd_comment_get_n_replies (comment), ==, 1);
  g_assert_cmpstr (cd_comment_get_reply (comment, 0)->text, ==, REPLY);
  g_assert_cmpstr (cd_comment_get_field (comment), ==, "headline");
  g_assert_cmpstr (cd_comment_get_quote (comment), ==, "budget");

  /* Without comments or corrections neither member is written. */
  plain_data = cd_article_to_data (plain, NULL);
  g_assert_null (strstr (plain_data, "review_comments"));
  g_assert_null (strstr (plain_data, "\"corrections\""));
}

static void
test_review_bad_members (void)
{
  const struct { const char *member; const char *message; } cases[] = {
    { "\"review_comments\": {}", "review_comments must be a list" },
    { "\"review_comments\": [{\"id\": \"c1\", \"field\": \"headline\"}]",
      "review_comments[0].text is missing or empty" },
    { "\"review_comments\": [{\"id\": \"c1\", \"text\": \"x\", \"field\": \"nowhere\"}]",
      "review_comments[0].field “nowhere” is not a field" },
    { "\"review_comments\": [{\"id\": \"c1\", \"text\": \"x\", \"field\": \"body\"},"
      " {\"id\": \"c1\", \"text\": \"y\", \"field\": \"body\"}]",
      "review_comments[1] has the id “c1” of an earlier comment" },
    { "\"review_comments\": [{\"id\": \"c1\", \"text\": \"x\", \"field\": \"body\", \"resolved\": 1}]",
      "review_comments[0].resolved must be true or false" },
    { "\"review_comments\": [{\"id\": \"c1\", \"text\": \"x\", \"field\": \"body\", \"extra\": 1}]",
      "review_comments[0] has a member “extra”" },
    { "\"review_comments\": [{\"id\": \"c1\", \"text\": \"x\", \"field\": \"body\","
      " \"replies\": [{\"text\": \"\"}]}]",
      "review_comments[0].replies[0].text is missing or empty" },
    { "\"corrections\": [{\"text\": \"x\"}]", "corrections[0].date is missing" },
    { "\"corrections\": [{\"date\": \"yesterday\", \"text\": \"x\"}]", "corrections[0].date" },
    { "\"corrections\": [\"x\"]", "corrections[0] must be an object" },
  };

  g_autoptr(CdArticle) base = cd_article_new ();
  g_autofree char *valid = cd_article_to_data (base, NULL);
  char *end = strrchr (valid, '}');

  /* A valid file with one more member. */
  g_assert_nonnull (end);
  *end = '\0';
  g_strchomp (valid);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_strdup_printf ("%s,\n  %s\n}\n", valid, cases[i].member);
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = cd_article_load_from_data (data, strlen (data), "bad.copydesk",
                                                               &error);

      g_test_message ("%s", data);
      g_assert_null (article);
      g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].message);
      g_assert_true (g_str_has_prefix (error->message, "bad.copydesk: "));
    }
}

static void
count_changes_cb (CdArticle *article,
                  guint     *count)
{
  (*count)++;
}

static void
test_review_article_api (void)
{
  g_autoptr(CdArticle) article = new_article_under_review ("en");
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 9, 8, 0, 0);
  g_autoptr(CdComment) second = NULL;
  g_autoptr(CdCorrection) fixed = NULL;
  g_autofree char *id = NULL;
  CdComment *found;
  guint changes = 0;
  guint position = 99;

  g_signal_connect (article, "changed", G_CALLBACK (count_changes_cb), &changes);

  /* One open field comment, and the highlight's and the body's comments. */
  g_assert_cmpuint (cd_article_count_open_comments (article), ==, 3);
  id = cd_article_dup_new_comment_id (article);
  g_assert_cmpstr (id, ==, "c2");
  second = cd_comment_new (id, "Ann", when, "Shorter?", "standfirst", NULL);
  cd_article_add_review_comment (article, second);
  g_assert_cmpuint (changes, ==, 1);
  found = cd_article_lookup_review_comment (article, "c2", &position);
  g_assert_true (found == second);
  g_assert_cmpuint (position, ==, 1);

  cd_article_resolve_review_comment (article, 0, TRUE);
  g_assert_cmpuint (changes, ==, 2);
  /* Resolving a resolved comment changes nothing. */
  cd_article_resolve_review_comment (article, 0, TRUE);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (cd_article_count_open_comments (article), ==, 3);

  cd_article_remove_review_comment (article, 1);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_null (cd_article_lookup_review_comment (article, "c2", NULL));

  fixed = cd_correction_new (when, "The budget is 4 per cent.");
  cd_article_replace_correction (article, 0, fixed);
  g_assert_cmpuint (changes, ==, 4);
  cd_article_remove_correction (article, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_corrections (article)), ==, 0);
  g_assert_cmpuint (changes, ==, 5);
}

/* A body of pending insertions only is an empty post for WordPress. */
static void
test_review_wordpress_empty (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  cd_article_set_body (article, "{++Not decided yet.++}{>>@E<<}");
  bytes = cd_exporter_export (cd_exporters_lookup ("wordpress"), article, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID);
}

/* What the loader would refuse is refused before saving, so that a
 * saved article always opens again. */
static void
test_review_limits (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 8, 10, 0, 0);
  g_autofree char *huge = g_strnfill (CD_LIMIT_TEXT_BYTES + 1, 'x');
  g_autoptr(CdComment) comment = cd_comment_new ("c1", "E", when, "Fine.", "body", NULL);
  g_autoptr(CdCorrection) correction = cd_correction_new (when, huge);
  g_autoptr(GError) error = NULL;

  cd_article_add_review_comment (article, comment);
  cd_article_reply_review_comment (article, 0, "R", when, huge);
  g_assert_false (cd_article_check_limits (article, &error));
  g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "A reply to a review comment"));
  g_clear_error (&error);

  cd_article_remove_review_comment (article, 0);
  g_assert_true (cd_article_check_limits (article, &error));
  g_assert_no_error (error);
  cd_article_add_correction (article, correction);
  g_assert_false (cd_article_check_limits (article, &error));
  g_assert_nonnull (strstr (error->message, "A correction"));
}

/* Word counts follow what readers read. */
static void
test_review_stats (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdStats) stats = NULL;

  cd_article_set_body (article, "one {++two three ++}four {--five--} {>>six seven eight<<}");
  stats = cd_stats_compute (article, 0);
  g_assert_cmpuint (cd_stats_get_words (stats), ==, 3);
}

/* Markup is code exactly where the renderer shows code. Each of these once
 * fooled a scanner of its own into taking a review comment or a pending
 * insertion for code, which the renderer then published as text. */
#define PLANTED "Plantedsecret5a1"

static const char * const code_edge_bodies[] = {
  "a `b\n# Heading {>>" PLANTED "<<} `\n",
  "Text with a stray `backtick\n# Heading {>>" PLANTED " legal says no<<} end `\n\nMore text.\n",
  "- item `tick\n- second {>>" PLANTED "<<} item `\n",
  "- item `tick\n- second {++" PLANTED "++} item `\n",
  "| Name | Note |\n| --- | --- |\n| a `b | c |\n| {>>" PLANTED "<<} | ` |\n",
  "Para `tick\n> quote {>>" PLANTED "<<} `\n",
  "> quote `tick\n\nx {>>" PLANTED "<<} `\n",
  "Para `x\n***\nLine {>>" PLANTED "<<} `\n",
  "1. item\n   ```\n   code\n\nAfter list {>>" PLANTED "<<} text.\n",
  "- item\n\n  ~~~\n  code\n\nParagraph {>>" PLANTED "<<} here.\n",
  "{>>" PLANTED " `<<}` tail\n",
  "A {~~old~>" PLANTED "~~} and `{>>code<<}`\n",
};

static void
assert_no_planted (const char *what,
                   const char *body,
                   const char *text)
{
  if (strstr (text, PLANTED) != NULL)
    g_error ("%s publishes the review markup of “%s”: %s", what, body, text);
}

static void
test_review_code_edges (void)
{
  GListModel *exporters = cd_exporters_get_all ();
  CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL, 0, 0 };

  for (guint b = 0; b < G_N_ELEMENTS (code_edge_bodies); b++)
    {
      const char *body = code_edge_bodies[b];
      g_autoptr(CdArticle) article = cd_article_new ();
      CdWpPostOptions post_options = { 0 };
      g_autoptr(JsonObject) post = NULL;
      g_autoptr(JsonNode) post_node = NULL;
      g_autofree char *post_text = NULL;
      g_autofree char *page = NULL;
      g_autofree char *view = cd_critic_reader_view (body);

      cd_article_set_language (article, "en");
      cd_article_set_headline (article, "Council approves the budget");
      cd_article_set_body (article, body);
      assert_no_planted ("the reader view", body, view);
      for (guint i = 0; i < g_list_model_get_n_items (exporters); i++)
        {
          g_autoptr(CdExporter) exporter = g_list_model_get_item (exporters, i);
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = cd_exporter_export (exporter, article, &options, &error);
          g_autofree char *text = NULL;

          g_assert_no_error (error);
          if (strcmp (cd_exporter_get_id (exporter), "copydesk") == 0)
            continue;
          text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          assert_no_planted (cd_exporter_get_id (exporter), body, text);
        }
      page = cd_page_render (article, NULL);
      assert_no_planted ("the page", body, page);
      post = cd_wp_post_build (article, &post_options);
      post_node = json_node_init_object (json_node_alloc (), post);
      post_text = json_to_string (post_node, FALSE);
      assert_no_planted ("the WordPress post", body, post_text);

      /* What the reader view leaves out, preflight counts. */
      g_assert_cmpuint (cd_critic_count_comments (body) + cd_critic_count_suggestions (body), >=, 1);
    }
  g_assert_cmpuint (cd_critic_count_comments (code_edge_bodies[0]), ==, 1);
  g_assert_cmpuint (cd_critic_count_suggestions (code_edge_bodies[3]), ==, 1);
  /* Markup shown as code is code, not a suggestion. */
  g_assert_cmpuint (cd_critic_count_comments (code_edge_bodies[11]), ==, 0);
  g_assert_cmpuint (cd_critic_count_suggestions (code_edge_bodies[11]), ==, 1);
}

/* The page's HTML without what it shows as code. */
static char *
strip_code (const char *html)
{
  GString *out = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      const char *code = strstr (p, "<code");
      const char *pre = strstr (p, "<pre");
      const char *open = code == NULL ? pre : pre == NULL ? code : MIN (code, pre);
      const char *close;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      close = strstr (open, open == pre ? "</pre>" : "</code>");
      if (close == NULL)
        break;
      p = close + (open == pre ? 6 : 7);
    }
  return g_string_free (out, FALSE);
}

/* Whatever the Markdown around it, a review comment or a pending insertion
 * reaches the page only as code. */
static void
test_review_code_random (void)
{
  static const char * const pieces[] = {
    "\n", "\n\n", "# ", "## ", "- ", "* ", "1. ", "> ", "    ", "   ", "  ",
    "| a | b |\n| --- | --- |\n", "| ", " |", "***\n", "---\n", "===\n",
    "`", "``", "```", "```\n", "~~~\n", "text ", "word", " ", "<div>", "</div>\n",
    "[link](", ")", "*", "_", "{++", "++}", "{>>", "<<}", "{--", "--}", "{~~", "~>", "~~}",
    "{==", "==}", "{--old--}", "{==high==}", "{>>SECRETCOMMENT<<}", "{++SECRETINSERT++}",
    "{~~old~>SECRETINSERT~~}", "{>>@Ed 2026-12-08T10:15Z: SECRETCOMMENT<<}",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261208);
  guint runs = g_test_slow () ? 20000 : 3000;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(CdArticle) article = cd_article_new ();
      g_autofree char *view = NULL;
      g_autofree char *html = NULL;
      g_autofree char *outside = NULL;
      guint n = g_rand_int_range (rand, 1, 40);

      for (guint i = 0; i < n; i++)
        g_string_append (body, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      view = cd_critic_reader_view (body->str);
      html = cd_markdown_to_html (view, -1);
      outside = strip_code (html);
      if (strstr (outside, "SECRET") != NULL)
        g_error ("“%s” publishes review markup: %s", body->str, html);
      if (run % 10 == 0)
        {
          g_autofree char *page = NULL;

          cd_article_set_body (article, body->str);
          page = cd_page_render (article, NULL);
          g_free (outside);
          outside = strip_code (page);
          if (strstr (outside, "SECRET") != NULL)
            g_error ("“%s” publishes review markup on the page: %s", body->str, page);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/review/nothing-leaks", test_review_nothing_leaks);
  g_test_add_func ("/review/corrections-in-formats", test_review_corrections_in_formats);
  g_test_add_func ("/review/corrections-after-open-fence",
                   test_review_corrections_after_open_fence);
  g_test_add_func ("/review/file-round-trip", test_review_file_round_trip);
  g_test_add_func ("/review/bad-members", test_review_bad_members);
  g_test_add_func ("/review/article-api", test_review_article_api);
  g_test_add_func ("/review/limits", test_review_limits);
  g_test_add_func ("/review/wordpress-empty", test_review_wordpress_empty);
  g_test_add_func ("/review/stats", test_review_stats);
  g_test_add_func ("/review/code-edges", test_review_code_edges);
  g_test_add_func ("/review/code-random", test_review_code_random);

  return g_test_run ();
}
