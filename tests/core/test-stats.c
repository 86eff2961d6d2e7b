/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib.h>

#include "cd-article.h"
#include "cd-stats.h"
#include "cd-test-util.h"

static const char * const field_ids[] = {
  "headline",
  "standfirst",
  "slug",
  "section",
  "dateline",
  "editor_note",
  "image.alt",
  "image.caption",
  "image.credit",
  "body",
};

/* A body of @n_words words in one paragraph. */
static char *
make_body (size_t n_words)
{
  GString *body = g_string_new (NULL);

  for (size_t i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (body, ' ');
      g_string_append (body, "word");
    }

  return g_string_free (body, FALSE);
}

static void
test_stats_empty (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(CdStats) stats = cd_stats_compute (article, 0);

  g_assert_nonnull (stats);
  g_assert_cmpuint (cd_stats_get_words (stats), ==, 0);
  g_assert_cmpuint (cd_stats_get_characters (stats), ==, 0);
  g_assert_cmpuint (cd_stats_get_characters_no_spaces (stats), ==, 0);
  g_assert_cmpuint (cd_stats_get_paragraphs (stats), ==, 0);
  g_assert_cmpuint (cd_stats_get_reading_seconds (stats), ==, 0);
  g_assert_cmpuint (cd_stats_get_reading_minutes (stats), ==, 0);

  for (size_t i = 0; i < G_N_ELEMENTS (field_ids); i++)
    g_assert_cmpuint (cd_stats_get_field_characters (stats, field_ids[i]), ==, 0);

  g_assert_finalize_object (article);
}

static void
test_stats_markdown_body (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(CdStats) stats = NULL;
  g_autoptr(CdStats) fast = NULL;

  cd_article_set_headline (article, "Council approves budget");
  cd_article_set_body (article, "# Title\n\nOne **bold** word.\n\n- a list item");

  /* Only the visible text counts: "Title", "One bold word.", "a list item". */
  stats = cd_stats_compute (article, 200);
  g_assert_cmpuint (cd_stats_get_words (stats), ==, 7);
  g_assert_cmpuint (cd_stats_get_characters_no_spaces (stats), ==, 26);
  g_assert_cmpuint (cd_stats_get_paragraphs (stats), ==, 3);
  /* The blocks are separated by one blank line: 5 + 2 + 14 + 2 + 11. */
  g_assert_cmpuint (cd_stats_get_characters (stats), ==, 34);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "body"), ==, 34);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "headline"), ==, 23);

  /* 7 words at 200 words a minute: 2.1 s, rounded up. */
  g_assert_cmpuint (cd_stats_get_reading_seconds (stats), ==, 3);
  g_assert_cmpuint (cd_stats_get_reading_minutes (stats), ==, 1);

  /* 0 means the default, 230 words a minute: 1.83 s. */
  g_clear_pointer (&stats, cd_stats_unref);
  stats = cd_stats_compute (article, 0);
  g_assert_cmpuint (cd_stats_get_words (stats), ==, 7);
  g_assert_cmpuint (cd_stats_get_reading_seconds (stats), ==, 2);
  g_assert_cmpuint (cd_stats_get_reading_minutes (stats), ==, 1);

  fast = cd_stats_compute (article, 1000);
  g_assert_cmpuint (cd_stats_get_reading_seconds (fast), ==, 1);
  g_assert_cmpuint (cd_stats_get_reading_minutes (fast), ==, 1);

  g_assert_finalize_object (article);
}

static void
test_stats_markdown_syntax (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(CdStats) stats = NULL;

  /* Link targets, emphasis markers and quote markers are not words. */
  cd_article_set_body (article,
                       "Read [the report](https://example.com/a-very-long-address) now.\n"
                       "\n"
                       "> _Quoted_ text\n");
  stats = cd_stats_compute (article, 0);

  g_assert_cmpuint (cd_stats_get_words (stats), ==, 6);
  g_assert_cmpuint (cd_stats_get_paragraphs (stats), ==, 2);
  /* "Read the report now." + blank line + "Quoted text". */
  g_assert_cmpuint (cd_stats_get_characters (stats), ==, 33);
  g_assert_cmpuint (cd_stats_get_characters_no_spaces (stats), ==, 27);

  g_assert_finalize_object (article);
}

typedef struct
{
  size_t words;
  guint  words_per_minute;
  guint  seconds;
  guint  minutes;
} ReadingCase;

static void
test_stats_reading_time (void)
{
  static const ReadingCase cases[] = {
    { 0, 200, 0, 0 },
    { 0, 0, 0, 0 },
    /* One word still takes a minute in whole minutes. */
    { 1, 200, 1, 1 },
    { 1, 0, 1, 1 },
    { 200, 200, 60, 1 },
    { 201, 200, 61, 2 },
    { 1000, 200, 300, 5 },
    { 1001, 200, 301, 6 },
    /* The default speed. */
    { CD_DEFAULT_WORDS_PER_MINUTE, 0, 60, 1 },
    { CD_DEFAULT_WORDS_PER_MINUTE + 1, 0, 61, 2 },
    { 1150, 0, 300, 5 },
    /* A slow reader. */
    { 90, 1, 5400, 90 },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CdArticle *article = cd_article_new_empty ();
      g_autofree char *body = make_body (cases[i].words);
      g_autoptr(CdStats) stats = NULL;

      cd_article_set_body (article, body);
      stats = cd_stats_compute (article, cases[i].words_per_minute);

      g_test_message ("%zu words at %u words a minute",
                      cases[i].words, cases[i].words_per_minute);
      g_assert_cmpuint (cd_stats_get_words (stats), ==, cases[i].words);
      g_assert_cmpuint (cd_stats_get_paragraphs (stats), ==, cases[i].words > 0 ? 1 : 0);
      g_assert_cmpuint (cd_stats_get_characters_no_spaces (stats), ==, cases[i].words * 4);
      g_assert_cmpuint (cd_stats_get_reading_seconds (stats), ==, cases[i].seconds);
      g_assert_cmpuint (cd_stats_get_reading_minutes (stats), ==, cases[i].minutes);

      g_assert_finalize_object (article);
    }
}

static void
test_stats_fields (void)
{
  CdArticle *article = cd_article_new_empty ();
  CdImage *image = cd_article_get_image (article);
  g_autoptr(CdStats) stats = NULL;

  cd_article_set_headline (article, "Überraschung in Köln");
  cd_article_set_standfirst (article, "Die Stra\xc3\x9f" "enbahn fa\xcc\x88hrt wieder");
  cd_article_set_slug (article, "ueberraschung-koeln");
  cd_article_set_section (article, "Lokales");
  cd_article_set_dateline (article, "KÖLN");
  cd_article_set_editor_note (article, "Bitte Foto prüfen 👍🏽");
  cd_image_set_source (image, "tram.jpg");
  cd_image_set_alt (image, "Eine Straßenbahn");
  cd_image_set_caption (image, "日本語の説明");
  cd_image_set_credit (image, "Foto: dpa");
  cd_article_set_body (article, "Kurz.");

  stats = cd_stats_compute (article, 0);

  g_assert_cmpuint (cd_stats_get_field_characters (stats, "headline"), ==, 20);
  /* The decomposed "ä" (a + COMBINING DIAERESIS) is one character. */
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "standfirst"), ==, 28);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "slug"), ==, 19);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "section"), ==, 7);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "dateline"), ==, 4);
  /* An emoji with a skin tone is one character. */
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "editor_note"), ==, 19);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "image.alt"), ==, 16);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "image.caption"), ==, 6);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "image.credit"), ==, 9);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "body"), ==, 5);
  g_assert_cmpuint (cd_stats_get_characters (stats), ==, 5);
  g_assert_cmpuint (cd_stats_get_characters_no_spaces (stats), ==, 5);
  g_assert_cmpuint (cd_stats_get_words (stats), ==, 1);

  /* Unknown ids, and names that are not ids, give 0. */
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "nonsense"), ==, 0);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "image"), ==, 0);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, "Headline"), ==, 0);
  g_assert_cmpuint (cd_stats_get_field_characters (stats, ""), ==, 0);

  g_assert_finalize_object (article);
}

static void
test_stats_snapshot (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(CdStats) before = NULL;
  g_autoptr(CdStats) after = NULL;

  cd_article_set_headline (article, "Short");
  cd_article_set_body (article, "One two three.");
  before = cd_stats_compute (article, 0);

  cd_article_set_headline (article, "Longer headline");
  cd_article_set_body (article, "One two three four five.");
  after = cd_stats_compute (article, 0);

  /* Statistics are a snapshot: editing the article does not change them. */
  g_assert_cmpuint (cd_stats_get_words (before), ==, 3);
  g_assert_cmpuint (cd_stats_get_field_characters (before, "headline"), ==, 5);
  g_assert_cmpuint (cd_stats_get_words (after), ==, 5);
  g_assert_cmpuint (cd_stats_get_field_characters (after, "headline"), ==, 15);

  g_assert_finalize_object (article);
}

static void
test_stats_boxed (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(CdStats) stats = NULL;
  CdStats *copy;
  CdStats *ref;
  g_auto(GValue) value = G_VALUE_INIT;

  cd_article_set_body (article, "Some words here.");
  stats = cd_stats_compute (article, 0);

  g_assert_true (G_TYPE_IS_BOXED (CD_TYPE_STATS));
  g_assert_cmpstr (g_type_name (CD_TYPE_STATS), ==, "CdStats");

  /* Copying a boxed CdStats takes a reference: the same instance. */
  copy = g_boxed_copy (CD_TYPE_STATS, stats);
  g_assert_true (copy == stats);
  g_boxed_free (CD_TYPE_STATS, copy);

  ref = cd_stats_ref (stats);
  g_assert_true (ref == stats);
  cd_stats_unref (ref);

  g_value_init (&value, CD_TYPE_STATS);
  g_value_set_boxed (&value, stats);
  g_assert_true (g_value_get_boxed (&value) == stats);
  g_assert_cmpuint (cd_stats_get_words (g_value_get_boxed (&value)), ==, 3);

  g_assert_finalize_object (article);
}

int
main (int argc, char **argv)
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/stats/empty", test_stats_empty);
  g_test_add_func ("/stats/markdown-body", test_stats_markdown_body);
  g_test_add_func ("/stats/markdown-syntax", test_stats_markdown_syntax);
  g_test_add_func ("/stats/reading-time", test_stats_reading_time);
  g_test_add_func ("/stats/fields", test_stats_fields);
  g_test_add_func ("/stats/snapshot", test_stats_snapshot);
  g_test_add_func ("/stats/boxed", test_stats_boxed);

  return g_test_run ();
}
