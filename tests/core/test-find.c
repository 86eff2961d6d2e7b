/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "copydesk-core.h"

static void
turn (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
assert_match (GArray     *matches,
              guint       i,
              const char *field,
              int         start,
              int         end)
{
  CdFindMatch *match;

  g_assert_cmpuint (i, <, matches->len);
  match = &g_array_index (matches, CdFindMatch, i);
  if (field == NULL)
    g_assert_null (match->field);
  else
    g_assert_cmpstr (cd_field_get_id (match->field), ==, field);
  g_assert_cmpint (match->start, ==, start);
  g_assert_cmpint (match->end, ==, end);
}

static void
test_find_text (void)
{
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) exact = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) overlaps = NULL;
  g_autoptr(GArray) accents = NULL;

  /* Case-insensitive by default; offsets in characters, not bytes. */
  matches = cd_find_in_text ("Fähre fähre FÄHRE ferry", "fähre", CD_FIND_FLAGS_NONE);
  g_assert_cmpuint (matches->len, ==, 3);
  assert_match (matches, 0, NULL, 0, 5);
  assert_match (matches, 1, NULL, 6, 11);
  assert_match (matches, 2, NULL, 12, 17);

  exact = cd_find_in_text ("Fähre fähre FÄHRE", "fähre", CD_FIND_MATCH_CASE);
  g_assert_cmpuint (exact->len, ==, 1);
  assert_match (exact, 0, NULL, 6, 11);

  /* Whole words: not inside "ferryman" or "Ferry2", but next to
   * punctuation. */
  words = cd_find_in_text ("ferryman, ferry. Ferry2 (ferry)", "ferry", CD_FIND_WHOLE_WORD);
  g_assert_cmpuint (words->len, ==, 2);
  assert_match (words, 0, NULL, 10, 15);
  assert_match (words, 1, NULL, 25, 30);

  /* Matches do not overlap; an empty search or text finds nothing. */
  overlaps = cd_find_in_text ("aaaa", "aa", CD_FIND_FLAGS_NONE);
  g_assert_cmpuint (overlaps->len, ==, 2);
  assert_match (overlaps, 1, NULL, 2, 4);
  none = cd_find_in_text ("text", "", CD_FIND_FLAGS_NONE);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_array_unref);
  none = cd_find_in_text (NULL, "x", CD_FIND_FLAGS_NONE);
  g_assert_cmpuint (none->len, ==, 0);

  /* A search past the end of the text, and a word of combining marks. */
  accents = cd_find_in_text ("caf", "café", CD_FIND_FLAGS_NONE);
  g_assert_cmpuint (accents->len, ==, 0);
}

static void
test_find_replace_text (void)
{
  g_autofree char *replaced = NULL;
  g_autofree char *unchanged = NULL;
  guint n = 99;

  replaced = cd_find_replace_in_text ("The ferry, the Ferry ⛴ and a ferryman.", "ferry",
                                      "Fähre", CD_FIND_WHOLE_WORD, &n);
  g_assert_cmpstr (replaced, ==, "The Fähre, the Fähre ⛴ and a ferryman.");
  g_assert_cmpuint (n, ==, 2);

  unchanged = cd_find_replace_in_text ("No boats", "ferry", "x", CD_FIND_FLAGS_NONE, &n);
  g_assert_cmpstr (unchanged, ==, "No boats");
  g_assert_cmpuint (n, ==, 0);
}

static CdArticle *
article_with_ferries (void)
{
  CdArticle *article = cd_article_new ();
  CdImage *image = cd_article_get_image (article);

  cd_article_set_headline (article, "Ferry strike ends");
  cd_article_set_standfirst (article, "The ferries sail again");
  cd_article_set_slug (article, "ferry-strike-ends");
  cd_article_set_section (article, "Ferry news");
  cd_article_set_dateline (article, "FERRYPORT");
  cd_article_set_editor_note (article, "Check the ferry times");
  cd_article_set_body (article, "The ferry left at noon. Another ferry followed.");
  cd_image_set_alt (image, "A ferry at the quay");
  cd_image_set_caption (image, "The first ferry, on Tuesday");
  cd_image_set_credit (image, "Ferry Photos Ltd");
  cd_image_set_photographer (image, "Ann Ferry");
  return article;
}

static void
test_find_fields (void)
{
  g_autoptr(CdArticle) article = article_with_ferries ();
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) fields_only = NULL;

  /* Identifiers, names and the per-author fields are not searched. */
  g_assert_true (cd_find_field_is_searched (cd_field_lookup ("headline")));
  g_assert_true (cd_find_field_is_searched (cd_field_lookup ("dateline")));
  g_assert_true (cd_find_field_is_searched (cd_field_lookup ("image.credit")));
  g_assert_true (cd_find_field_is_searched (cd_field_lookup ("body")));
  g_assert_false (cd_find_field_is_searched (cd_field_lookup ("slug")));
  g_assert_false (cd_find_field_is_searched (cd_field_lookup ("section")));
  g_assert_false (cd_find_field_is_searched (cd_field_lookup ("image.photographer")));
  g_assert_false (cd_find_field_is_searched (cd_field_lookup ("authors[].name")));
  g_assert_false (cd_find_field_is_searched (cd_field_lookup ("tags")));

  /* In the order of the form, the body last. */
  matches = cd_find_in_article (article, "ferry", CD_FIND_FLAGS_NONE);
  /* "ferries" is no "ferry". */
  g_assert_cmpuint (matches->len, ==, 8);
  assert_match (matches, 0, "headline", 0, 5);
  assert_match (matches, 1, "dateline", 0, 5);
  assert_match (matches, 2, "image.alt", 2, 7);
  assert_match (matches, 3, "image.caption", 10, 15);
  assert_match (matches, 4, "image.credit", 0, 5);
  assert_match (matches, 5, "editor_note", 10, 15);
  assert_match (matches, 6, "body", 4, 9);
  assert_match (matches, 7, "body", 32, 37);

  fields_only = cd_find_in_article (article, "ferry", CD_FIND_WHOLE_WORD | CD_FIND_SKIP_BODY);
  /* "FERRYPORT" is not the word. */
  g_assert_cmpuint (fields_only->len, ==, 5);
  assert_match (fields_only, 0, "headline", 0, 5);
  assert_match (fields_only, 1, "image.alt", 2, 7);
  assert_match (fields_only, 4, "editor_note", 10, 15);
}

static void
test_find_replace_match (void)
{
  g_autoptr(CdArticle) article = article_with_ferries ();
  g_autoptr(GArray) matches = cd_find_in_article (article, "ferry", CD_FIND_SKIP_BODY);
  CdFindMatch caption = g_array_index (matches, CdFindMatch, 3);
  CdFindMatch stale = caption;

  g_assert_cmpstr (cd_field_get_id (caption.field), ==, "image.caption");
  g_assert_true (cd_find_replace_match (article, &caption, "ferry", "boat", CD_FIND_FLAGS_NONE));
  g_assert_cmpstr (cd_image_get_caption (cd_article_get_image (article)), ==,
                   "The first boat, on Tuesday");
  /* The text changed: the old match is no longer there. */
  g_assert_false (cd_find_replace_match (article, &stale, "ferry", "boat", CD_FIND_FLAGS_NONE));
  g_assert_cmpstr (cd_image_get_caption (cd_article_get_image (article)), ==,
                   "The first boat, on Tuesday");
}

static void
test_find_replace_all_undo (void)
{
  g_autoptr(CdArticle) article = article_with_ferries ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autofree guint *counts = g_new0 (guint, cd_field_get_n_fields ());
  CdImage *image = cd_article_get_image (article);
  g_autofree char *field = NULL;
  guint n;

  turn ();
  cd_history_clear (history);

  cd_history_begin_group (history);
  n = cd_find_replace_all (article, "ferry", "boat", CD_FIND_WHOLE_WORD, counts);
  cd_history_end_group (history);
  turn ();

  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (counts[cd_field_get_position (cd_field_lookup ("headline"))], ==, 1);
  g_assert_cmpuint (counts[cd_field_get_position (cd_field_lookup ("body"))], ==, 2);
  g_assert_cmpuint (counts[cd_field_get_position (cd_field_lookup ("slug"))], ==, 0);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "boat strike ends");
  /* The slug is not searched; it follows the headline, as it does when
   * the headline is typed. */
  g_assert_cmpstr (cd_article_get_slug (article), ==, "boat-strike-ends");
  g_assert_cmpstr (cd_article_get_section (article), ==, "Ferry news");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "The first boat, on Tuesday");
  g_assert_cmpstr (cd_image_get_credit (image), ==, "boat Photos Ltd");
  g_assert_cmpstr (cd_image_get_photographer (image), ==, "Ann Ferry");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The boat left at noon. Another boat followed.");

  /* One step: one undo brings back every field. */
  g_assert_cmpuint (cd_history_get_n_steps (history), ==, 1);
  g_assert_true (cd_history_undo (history, &field, NULL));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry strike ends");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "ferry-strike-ends");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "The first ferry, on Tuesday");
  g_assert_cmpstr (cd_image_get_credit (image), ==, "Ferry Photos Ltd");
  g_assert_cmpstr (cd_article_get_editor_note (article), ==, "Check the ferry times");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The ferry left at noon. Another ferry followed.");
  g_assert_false (cd_history_get_can_undo (history));

  g_assert_finalize_object (g_steal_pointer (&history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/find/text", test_find_text);
  g_test_add_func ("/find/replace-text", test_find_replace_text);
  g_test_add_func ("/find/fields", test_find_fields);
  g_test_add_func ("/find/replace-match", test_find_replace_match);
  g_test_add_func ("/find/replace-all-undo", test_find_replace_all_undo);

  return g_test_run ();
}
