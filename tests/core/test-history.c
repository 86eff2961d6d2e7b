/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include "copydesk-core.h"
#include "cd-test-util.h"

/* One turn of the main loop: what separates two key presses. */
static void
turn (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Types @text into @property of @object one character per turn, as a
 * keyboard does, appending at the end. */
static void
type (GObject    *object,
      const char *property,
      const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *current = NULL;
      g_autofree char *next = NULL;

      g_object_get (object, property, &current, NULL);
      next = g_strdup_printf ("%s%.*s", current != NULL ? current : "",
                              (int) (g_utf8_next_char (p) - p), p);
      g_object_set (object, property, next, NULL);
      turn ();
    }
}

static void
backspace (GObject    *object,
           const char *property,
           guint       count)
{
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *current = NULL;
      char *end;

      g_object_get (object, property, &current, NULL);
      end = g_utf8_find_prev_char (current, current + strlen (current));
      g_assert_nonnull (end);
      *end = '\0';
      g_object_set (object, property, current, NULL);
      turn ();
    }
}

static CdArticle *
article_with_tags (void)
{
  CdArticle *article = cd_article_new ();
  const char *names[] = { "Shipping", "Ferries", "Harbours" };

  for (size_t i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CdTag) tag = cd_tag_new (names[i], NULL, NULL);
      cd_article_add_tag (article, tag);
    }
  return article;
}

static const char *
tag_name (CdArticle *article,
          guint      position)
{
  g_autoptr(CdTag) tag = g_list_model_get_item (cd_article_get_tags (article), position);

  g_assert_nonnull (tag);
  /* The article keeps the tag alive. */
  return cd_tag_get_name (tag);
}

static void
test_typing_by_word (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autofree char *field = NULL;
  int cursor = -2;

  g_assert_false (cd_history_get_can_undo (history));
  type (G_OBJECT (article), "headline", "Ferry sails at dawn");
  /* Three words, three steps. */
  g_assert_cmpuint (cd_history_get_n_steps (history), ==, 4);

  g_assert_true (cd_history_undo (history, &field, &cursor));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry sails at ");
  g_assert_cmpstr (field, ==, "headline");
  g_assert_cmpint (cursor, ==, 15);

  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry sails ");
  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry sails at ");
  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry sails at dawn");
  g_assert_false (cd_history_redo (history, NULL, NULL));

  /* Backspace by word too. */
  backspace (G_OBJECT (article), "headline", 7);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry sails ");
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry sails at ");
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry sails at dawn");

  while (cd_history_undo (history, NULL, NULL))
    ;
  g_assert_cmpstr (cd_article_get_headline (article), ==, "");
  /* The slug followed the headline, and nothing of it was recorded. */
  g_assert_cmpstr (cd_article_get_slug (article), ==, "");
  g_assert_false (cd_article_get_slug_edited (article));
}

static void
test_non_ascii (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  int cursor = -2;

  type (G_OBJECT (article), "dateline", "Zürich, Åland");
  g_assert_true (cd_history_undo (history, NULL, &cursor));
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "Zürich, ");
  g_assert_cmpint (cursor, ==, 8);
  /* A change inside a word, between two multi-byte characters. */
  cd_article_set_dateline (article, "Zürüich, ");
  turn ();
  g_assert_true (cd_history_undo (history, NULL, &cursor));
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "Zürich, ");
  g_assert_cmpint (cursor, ==, 3);
}

/* The walkthrough's bug: text was typed in the standfirst, then a tag
 * removed with its ×; undo must bring the tag back and leave the
 * standfirst alone. */
static void
test_tag_removal (void)
{
  g_autoptr(CdArticle) article = article_with_tags ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autofree char *field = NULL;
  type (G_OBJECT (article), "standfirst", "Crossings resume");
  cd_article_remove_tag (article, 1);
  turn ();
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 2);

  g_assert_true (cd_history_undo (history, &field, NULL));
  g_assert_cmpstr (field, ==, "tags");
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 3);
  g_assert_cmpstr (tag_name (article, 0), ==, "Shipping");
  g_assert_cmpstr (tag_name (article, 1), ==, "Ferries");
  g_assert_cmpstr (tag_name (article, 2), ==, "Harbours");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==, "Crossings resume");

  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 2);
  g_assert_cmpstr (tag_name (article, 1), ==, "Harbours");
}

/* Adding, resolving, answering and removing review comments, and the
 * corrections log, are undone like any edit, and undo shows the field a
 * comment is about. */
static void
test_review_lists (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 8, 10, 0, 0);
  g_autoptr(CdComment) comment = cd_comment_new ("c1", "E", when, "Shorter?", "headline", NULL);
  g_autoptr(CdCorrection) correction = cd_correction_new (when, "A name was wrong.");
  g_autoptr(CdComment) item = NULL;
  g_autofree char *field = NULL;
  GListModel *comments = cd_article_get_review_comments (article);

  cd_article_add_review_comment (article, comment);
  turn ();
  cd_article_resolve_review_comment (article, 0, TRUE);
  turn ();
  cd_article_reply_review_comment (article, 0, "R", when, "Done.");
  turn ();
  cd_article_add_correction (article, correction);
  turn ();

  g_assert_true (cd_history_undo (history, &field, NULL));
  g_assert_null (field);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_corrections (article)), ==, 0);

  g_assert_true (cd_history_undo (history, &field, NULL));
  g_assert_cmpstr (field, ==, "headline");
  item = g_list_model_get_item (comments, 0);
  g_assert_cmpuint (cd_comment_get_n_replies (item), ==, 0);
  g_assert_true (cd_comment_get_resolved (item));
  g_clear_object (&item);

  g_assert_true (cd_history_undo (history, NULL, NULL));
  item = g_list_model_get_item (comments, 0);
  g_assert_false (cd_comment_get_resolved (item));
  g_clear_object (&item);

  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 0);

  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_true (cd_history_redo (history, NULL, NULL));
  item = g_list_model_get_item (comments, 0);
  g_assert_true (cd_comment_get_resolved (item));
  g_assert_cmpuint (cd_comment_get_n_replies (item), ==, 1);
  g_clear_object (&item);

  cd_article_remove_review_comment (article, 0);
  turn ();
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 1);
}

static void
step_recorded_cb (CdHistory *history,
                  int        kind,
                  int       *last)
{
  *last = kind;
}

static void
test_image_removal (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  CdImage *image = cd_article_get_image (article);
  int last = -1;

  g_signal_connect (history, "step-recorded", G_CALLBACK (step_recorded_cb), &last);

  cd_image_set_source (image, "ferry.jpg");
  turn ();
  type (G_OBJECT (image), "alt", "A ferry");
  type (G_OBJECT (image), "caption", "The first crossing");
  type (G_OBJECT (image), "credit", "Desk");
  type (G_OBJECT (image), "photographer", "Ana Lima");
  type (G_OBJECT (image), "copyright", "2026 Desk");
  g_assert_cmpint (last, ==, CD_HISTORY_STEP_EDIT);

  /* "Remove Image" clears everything in one go. */
  cd_image_set_source (image, NULL);
  cd_image_set_alt (image, NULL);
  cd_image_set_caption (image, NULL);
  cd_image_set_credit (image, NULL);
  cd_image_set_photographer (image, NULL);
  cd_image_set_copyright (image, NULL);
  turn ();
  g_assert_cmpint (last, ==, CD_HISTORY_STEP_IMAGE_REMOVED);

  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_image_get_source (image), ==, "ferry.jpg");
  g_assert_cmpstr (cd_image_get_alt (image), ==, "A ferry");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "The first crossing");
  g_assert_cmpstr (cd_image_get_credit (image), ==, "Desk");
  g_assert_cmpstr (cd_image_get_photographer (image), ==, "Ana Lima");
  g_assert_cmpstr (cd_image_get_copyright (image), ==, "2026 Desk");

  /* The same with an explicit group, and no turn of the loop in between. */
  cd_history_begin_group (history);
  cd_image_set_source (image, NULL);
  cd_image_set_alt (image, NULL);
  cd_history_end_group (history);
  cd_article_set_headline (article, "Next");
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "");
  g_assert_cmpstr (cd_image_get_source (image), ==, "");
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_image_get_source (image), ==, "ferry.jpg");
  g_assert_cmpstr (cd_image_get_alt (image), ==, "A ferry");
}

/* A save that copies the image beside the article renames it; that is no
 * step of its own, and undoing the choice of the image after it gives the
 * new name back, never the old one. */
static void
test_housekeeping (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  CdImage *image = cd_article_get_image (article);
  guint steps;

  cd_image_set_source (image, "../desk/ferry.jpg");
  turn ();
  steps = cd_history_get_n_steps (history);

  cd_article_begin_housekeeping (article);
  cd_image_set_source (image, "ferry.jpg");
  cd_article_end_housekeeping (article);
  turn ();
  g_assert_cmpuint (cd_history_get_n_steps (history), ==, steps);

  cd_image_set_source (image, "harbour.jpg");
  turn ();
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_image_get_source (image), ==, "ferry.jpg");
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_image_get_source (image), ==, "");
  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_cmpstr (cd_image_get_source (image), ==, "ferry.jpg");
}

static void
test_authors (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autoptr(CdAuthor) ana = cd_author_new ("Ana Lima");
  g_autoptr(CdAuthor) ben = cd_author_new ("Ben Okoro");
  g_autofree char *field = NULL;
  int last = -1;

  g_signal_connect (history, "step-recorded", G_CALLBACK (step_recorded_cb), &last);

  cd_article_add_author (article, ana);
  turn ();
  cd_article_add_author (article, ben);
  turn ();
  type (G_OBJECT (ben), "role", "Photos");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ana Lima and Ben Okoro");

  /* Reorder: one step. */
  {
    g_autoptr(CdAuthor) moved = g_object_ref (ben);

    cd_article_remove_author (article, 1);
    cd_article_insert_author (article, 0, moved);
    turn ();
  }
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ben Okoro and Ana Lima");
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ana Lima and Ben Okoro");

  /* Remove, undo: the same author, role and all, at the same place. */
  cd_article_remove_author (article, 0);
  turn ();
  g_assert_cmpint (last, ==, CD_HISTORY_STEP_AUTHOR_REMOVED);
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ben Okoro");
  g_assert_true (cd_history_undo (history, &field, NULL));
  g_assert_cmpstr (field, ==, "authors");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ana Lima and Ben Okoro");

  /* An edit to an author that came back is recorded and undone too. */
  type (G_OBJECT (ana), "name", "e");
  g_assert_cmpstr (cd_author_get_name (ana), ==, "Ana Limae");
  g_clear_pointer (&field, g_free);
  g_assert_true (cd_history_undo (history, &field, NULL));
  g_assert_cmpstr (cd_author_get_name (ana), ==, "Ana Lima");
  g_assert_cmpstr (field, ==, "authors[0].name");

  g_clear_pointer (&field, g_free);
  g_assert_true (cd_history_undo (history, &field, NULL));
  g_assert_cmpstr (cd_author_get_role (ben), ==, "");
  g_assert_cmpstr (field, ==, "authors[1].role");
}

static void
test_slug (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);

  cd_article_set_headline (article, "Night ferry");
  turn ();
  g_assert_cmpstr (cd_article_get_slug (article), ==, "night-ferry");
  cd_article_set_slug (article, "ferry-vote");
  turn ();
  g_assert_true (cd_article_get_slug_edited (article));

  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_slug (article), ==, "night-ferry");
  g_assert_false (cd_article_get_slug_edited (article));
  /* Following the headline again. */
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_slug (article), ==, "");
  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_slug (article), ==, "ferry-vote");
  g_assert_true (cd_article_get_slug_edited (article));
}

static void
test_values (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autoptr(GDateTime) old_published = NULL;
  g_autoptr(GDateTime) published = g_date_time_new_from_iso8601 ("2026-07-01T09:30:00+04:00", NULL);
  GDateTime *current;

  if (cd_article_get_published (article) != NULL)
    old_published = g_date_time_ref (cd_article_get_published (article));

  cd_article_set_status (article, CD_ARTICLE_STATUS_APPROVED);
  turn ();
  cd_article_set_published (article, published);
  turn ();
  cd_article_set_comments (article, !cd_article_get_comments (article));
  turn ();
  cd_article_set_planned_words (article, 600);
  turn ();

  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 0);
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_true (cd_history_undo (history, NULL, NULL));
  current = cd_article_get_published (article);
  if (old_published == NULL)
    g_assert_null (current);
  else
    g_assert_true (g_date_time_equal (current, old_published));
  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_true (g_date_time_equal (cd_article_get_published (article), published));
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_DRAFT);
  g_assert_false (cd_history_get_can_undo (history));
}

typedef struct
{
  CdArticle *article;
  char      *pending;
} PendingBody;

/* What the window's editor does: text typed in the body reaches the
 * article only when flushed. */
static void
flush_body (gpointer user_data)
{
  PendingBody *pending = user_data;

  if (pending->pending != NULL)
    {
      g_autofree char *body = g_steal_pointer (&pending->pending);
      cd_article_set_body (pending->article, body);
    }
}

static void
test_body_order (void)
{
  g_autoptr(CdArticle) article = article_with_tags ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  PendingBody pending = { article, NULL };
  int cursor = -2;
  g_autofree char *field = NULL;

  cd_history_set_flush_func (history, flush_body, &pending);
  cd_article_set_body (article, "The ferry left.");
  turn ();

  /* Typed in the body, not yet flushed, then a tag removed. */
  pending.pending = g_strdup ("The night ferry left.");
  cd_article_remove_tag (article, 0);
  turn ();
  g_assert_cmpstr (cd_article_get_body (article), ==, "The night ferry left.");

  /* The tag first, then the body. */
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 3);
  g_assert_cmpstr (cd_article_get_body (article), ==, "The night ferry left.");
  g_assert_true (cd_history_undo (history, &field, &cursor));
  g_assert_cmpstr (cd_article_get_body (article), ==, "The ferry left.");
  g_assert_cmpstr (field, ==, "body");
  g_assert_cmpint (cursor, ==, 4);

  /* Undo flushes what was typed last, and undoes it. */
  pending.pending = g_strdup ("The ferry left at dawn.");
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_body (article), ==, "The ferry left.");
  cd_history_set_flush_func (history, NULL, NULL);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_notify_and_redo_cleared (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  guint undo_notes = 0, redo_notes = 0;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (notify_count_cb), &undo_notes);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (notify_count_cb), &redo_notes);

  cd_article_set_section (article, "City");
  turn ();
  g_assert_cmpuint (undo_notes, ==, 1);
  cd_article_set_section (article, "City desk");
  turn ();
  g_assert_cmpuint (undo_notes, ==, 1);

  /* Typed next to each other: one step. */
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_cmpstr (cd_article_get_section (article), ==, "");
  g_assert_cmpuint (undo_notes, ==, 2);
  g_assert_cmpuint (redo_notes, ==, 1);
  g_assert_true (cd_history_get_can_redo (history));
  /* A new change after an undo: nothing to redo. */
  cd_article_set_dateline (article, "Oslo");
  turn ();
  g_assert_false (cd_history_get_can_redo (history));
  g_assert_cmpuint (redo_notes, ==, 2);
  g_assert_cmpuint (undo_notes, ==, 3);

  cd_history_clear (history);
  g_assert_false (cd_history_get_can_undo (history));
  g_assert_cmpuint (undo_notes, ==, 4);
}

static void
test_bounded (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autoptr(GString) body = g_string_new (NULL);

  /* A long body costs a few bytes per step, not a copy of it. */
  for (int i = 0; i < 10000; i++)
    g_string_append (body, "word ");
  cd_article_set_body (article, body->str);
  turn ();
  for (int i = 0; i < 2500; i++)
    {
      g_string_insert (body, 0, "x\n");
      cd_article_set_body (article, body->str);
      turn ();
    }
  g_assert_cmpuint (cd_history_get_n_steps (history), <=, 2000);
  g_assert_cmpuint (cd_history_get_n_steps (history), >, 1000);
  while (cd_history_undo (history, NULL, NULL))
    ;
  /* The oldest steps are gone; the newest came back in order. */
  g_assert_true (g_str_has_prefix (cd_article_get_body (article), "x\n"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (article), "word "));
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/history/typing-by-word", test_typing_by_word);
  g_test_add_func ("/history/non-ascii", test_non_ascii);
  g_test_add_func ("/history/tag-removal", test_tag_removal);
  g_test_add_func ("/history/review-lists", test_review_lists);
  g_test_add_func ("/history/image-removal", test_image_removal);
  g_test_add_func ("/history/housekeeping", test_housekeeping);
  g_test_add_func ("/history/authors", test_authors);
  g_test_add_func ("/history/slug", test_slug);
  g_test_add_func ("/history/values", test_values);
  g_test_add_func ("/history/body-order", test_body_order);
  g_test_add_func ("/history/notify-and-redo-cleared", test_notify_and_redo_cleared);
  g_test_add_func ("/history/bounded", test_bounded);

  return g_test_run ();
}
