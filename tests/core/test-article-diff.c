/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Two versions of an article compared field by field: which fields are
 * listed, in which order, with which values, and the body's word counts. */

#include "config.h"

#include <string.h>

#include "cd-article-diff.h"
#include "cd-field.h"

static CdArticle *
make_article (void)
{
  CdArticle *article = cd_article_new ();
  g_autoptr(CdAuthor) author = cd_author_new ("Ruth Okonkwo");
  g_autoptr(CdTag) tag = cd_tag_new ("Transport", NULL, NULL);

  cd_article_set_language (article, "en-GB");
  cd_article_set_headline (article, "Electric ferry crosses the harbour");
  cd_article_set_standfirst (article, "The first run carried 112 passengers.");
  cd_article_set_section (article, "Local");
  cd_article_set_dateline (article, "PORTMERE");
  cd_author_set_role (author, "Reporter");
  cd_article_add_author (article, author);
  cd_article_add_tag (article, tag);
  cd_image_set_alt (cd_article_get_image (article), "The ferry at the quay");
  cd_article_set_body (article,
                       "The ferry left at nine.\n\n"
                       "Passengers cheered as it docked.\n\n"
                       "The council plans a second boat.\n");
  return article;
}

static void
test_identical (void)
{
  g_autoptr(CdArticle) old_article = make_article ();
  g_autoptr(CdArticle) new_article = cd_article_copy (old_article);
  CdArticleDiff *diff = cd_article_diff_new (old_article, new_article);

  g_assert_true (cd_article_diff_get_identical (diff));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (diff)) == CD_TYPE_FIELD_CHANGE);
  g_assert_finalize_object (diff);
}

static CdFieldChange *
nth_change (CdArticleDiff *diff,
            guint          position)
{
  g_autoptr(CdFieldChange) change = g_list_model_get_item (G_LIST_MODEL (diff), position);

  g_assert_nonnull (change);
  /* The diff keeps its own reference. */
  return change;
}

static void
test_fields (void)
{
  g_autoptr(CdArticle) old_article = make_article ();
  g_autoptr(CdArticle) new_article = cd_article_copy (old_article);
  g_autoptr(CdAuthor) second = cd_author_new ("Tomás Ferreira");
  g_autoptr(GDateTime) published = g_date_time_new_utc (2026, 12, 8, 9, 30, 0);
  g_autoptr(CdArticleDiff) diff = NULL;
  static const char * const expected_ids[] = {
    "headline", "slug", "section", "authors", "authors[1].name", "published", "image.alt",
    "status", "comments", "body",
  };
  CdFieldChange *change;
  CdWordDiff *words;
  guint n;

  cd_article_set_headline (new_article, "Electric ferry finally crosses the harbour");
  cd_article_set_section (new_article, "News");
  cd_article_add_author (new_article, second);
  cd_article_set_published (new_article, published);
  cd_image_set_alt (cd_article_get_image (new_article), "");
  cd_article_set_status (new_article, CD_ARTICLE_STATUS_APPROVED);
  cd_article_set_comments (new_article, !cd_article_get_comments (old_article));
  cd_article_set_body (new_article,
                       "Passengers cheered as it docked.\n\n"
                       "The ferry left at nine.\n\n"
                       "The council plans a second and third boat.\n");

  diff = cd_article_diff_new (old_article, new_article);
  g_assert_false (cd_article_diff_get_identical (diff));

  /* In the order of the form, the body last. */
  n = g_list_model_get_n_items (G_LIST_MODEL (diff));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected_ids));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (cd_field_change_get_field_id (nth_change (diff, i)), ==, expected_ids[i]);

  change = cd_article_diff_lookup (diff, "headline");
  g_assert_cmpstr (cd_field_change_get_label (change), ==, "Headline");
  g_assert_cmpint (cd_field_change_get_kind (change), ==, CD_FIELD_CHANGE_CHANGED);
  words = cd_field_change_get_word_diff (change);
  g_assert_nonnull (words);
  g_assert_cmpuint (cd_word_diff_get_words_added (words), ==, 1);
  g_assert_cmpuint (cd_word_diff_get_words_removed (words), ==, 0);

  /* A name, not prose: shown whole. */
  change = cd_article_diff_lookup (diff, "section");
  g_assert_null (cd_field_change_get_word_diff (change));
  g_assert_cmpstr (cd_field_change_get_old_value (change), ==, "Local");
  g_assert_cmpstr (cd_field_change_get_new_value (change), ==, "News");

  change = cd_article_diff_lookup (diff, "authors");
  g_assert_cmpstr (cd_field_change_get_label (change), ==, "Byline");
  g_assert_cmpstr (cd_field_change_get_new_value (change), ==, "By Ruth Okonkwo and Tomás Ferreira");

  change = cd_article_diff_lookup (diff, "authors[1].name");
  g_assert_cmpstr (cd_field_change_get_label (change), ==, "Name of author 2");
  g_assert_cmpint (cd_field_change_get_kind (change), ==, CD_FIELD_CHANGE_ADDED);
  g_assert_cmpstr (cd_field_change_get_old_value (change), ==, "");

  change = cd_article_diff_lookup (diff, "published");
  g_assert_cmpstr (cd_field_change_get_new_value (change), ==, "2026-12-08T09:30:00Z");
  g_assert_cmpint (cd_field_change_get_kind (change), ==, CD_FIELD_CHANGE_ADDED);

  change = cd_article_diff_lookup (diff, "image.alt");
  g_assert_cmpint (cd_field_change_get_kind (change), ==, CD_FIELD_CHANGE_REMOVED);
  g_assert_cmpuint (cd_word_diff_get_words_removed (cd_field_change_get_word_diff (change)), ==, 5);

  change = cd_article_diff_lookup (diff, "status");
  g_assert_cmpstr (cd_field_change_get_old_value (change), ==,
                   cd_article_status_get_label (CD_ARTICLE_STATUS_DRAFT));
  g_assert_cmpstr (cd_field_change_get_new_value (change), ==,
                   cd_article_status_get_label (CD_ARTICLE_STATUS_APPROVED));

  /* The body: a paragraph moved, two words added. */
  change = cd_article_diff_lookup (diff, "body");
  words = cd_field_change_get_word_diff (change);
  g_assert_cmpuint (cd_word_diff_get_n_moves (words), ==, 1);
  g_assert_cmpuint (cd_article_diff_get_body_words_added (diff), ==, 2);
  g_assert_cmpuint (cd_article_diff_get_body_words_removed (diff), ==, 0);
  g_assert_cmpuint (cd_word_diff_get_words_added (words), ==, 2);

  /* The slug follows the headline until someone edits it. */
  change = cd_article_diff_lookup (diff, "slug");
  g_assert_cmpstr (cd_field_change_get_new_value (change), ==, "electric-ferry-finally-crosses-the-harbour");
  g_assert_null (cd_article_diff_lookup (diff, "standfirst"));
}

/* A change that is not in the registry's fields: not identical, yet
 * nothing to list. */
static void
test_unlisted_change (void)
{
  g_autoptr(CdArticle) old_article = make_article ();
  g_autoptr(CdArticle) new_article = cd_article_copy (old_article);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);
  g_autoptr(CdArticleDiff) diff = NULL;
  gboolean identical = TRUE;
  guint n_items = 1;

  cd_article_set_modified (new_article, modified);
  diff = cd_article_diff_new (old_article, new_article);
  g_object_get (diff, "identical", &identical, "n-items", &n_items, NULL);
  g_assert_false (identical);
  g_assert_cmpuint (n_items, ==, 0);
}

/* An author removed: each of their filled fields is listed as removed. */
static void
test_author_removed (void)
{
  g_autoptr(CdArticle) old_article = make_article ();
  g_autoptr(CdArticle) new_article = cd_article_copy (old_article);
  g_autoptr(CdArticleDiff) diff = NULL;
  CdFieldChange *change;

  cd_article_remove_author (new_article, 0);
  diff = cd_article_diff_new (old_article, new_article);

  change = cd_article_diff_lookup (diff, "authors[0].name");
  g_assert_cmpint (cd_field_change_get_kind (change), ==, CD_FIELD_CHANGE_REMOVED);
  change = cd_article_diff_lookup (diff, "authors[0].role");
  g_assert_cmpstr (cd_field_change_get_old_value (change), ==, "Reporter");
  g_assert_null (cd_article_diff_lookup (diff, "authors[0].email"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-diff/identical", test_identical);
  g_test_add_func ("/article-diff/fields", test_fields);
  g_test_add_func ("/article-diff/unlisted-change", test_unlisted_change);
  g_test_add_func ("/article-diff/author-removed", test_author_removed);

  return g_test_run ();
}
