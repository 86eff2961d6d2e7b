/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-application.h"
#include "cd-editor.h"
#include "cd-metadata-form.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"

/* The window's one undo history for the whole article: what the user sees
 * after Undo, wherever the change was made. */

static CdApplication *app;
static char *tmp_home;

static CdArticle *
story (void)
{
  CdArticle *article = cd_article_new ();
  CdImage *image = cd_article_get_image (article);
  const char *tags[] = { "Shipping", "Ferries", "Harbours" };

  cd_article_set_headline (article, "Night ferry returns");
  cd_article_set_standfirst (article, "Crossings resume after three weeks in the yard.");
  cd_article_set_body (article, "The ferry left at dawn.\n\nIt was full.");
  for (size_t i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      g_autoptr(CdTag) tag = cd_tag_new (tags[i], NULL, NULL);
      cd_article_add_tag (article, tag);
    }
  cd_image_set_source (image, "https://example.com/ferry.jpg");
  cd_image_set_alt (image, "The ferry at the quay");
  cd_image_set_caption (image, "The first crossing");
  cd_image_set_credit (image, "Desk photo");
  cd_image_set_photographer (image, "Ana Lima");
  cd_image_set_copyright (image, "2026 Desk");
  return article;
}

static CdWindow *
show_story (void)
{
  g_autoptr(CdArticle) article = story ();
  g_autoptr(CdDocument) document = cd_document_new (article);
  CdWindow *window = cd_window_new (app);

  cd_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  /* The tests check where the focus goes, and only the active window's
   * focus widget has the focus: the X server makes it active a moment
   * after it is mapped. */
  cd_ui_test_wait_for_boolean (window, "is-active", TRUE);
  cd_ui_test_wait_for_frames (GTK_WIDGET (window));
  return window;
}

static void
destroy_window (CdWindow *window)
{
  g_autoptr(CdDocument) document = g_object_ref (cd_window_get_document (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Work still running in other threads (a render, a check) may hold the
   * window for a moment; it writes its recovery copy when it goes, so the
   * copy is removed after that. */
  cd_ui_test_wait_for (cd_ui_test_pointer_cleared_cb, &window, CD_UI_TEST_TIMEOUT_MS,
                       "the destroyed window to be finalized");
  cd_document_discard_recovery (document);
  cd_ui_test_flush ();
}

static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkTextView *
find_text_view_with (GtkWidget  *widget,
                     const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget) && !GTK_SOURCE_IS_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *content = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      content = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (content, text) == 0)
        return GTK_TEXT_VIEW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* One key press per turn of the main loop, as a keyboard types. */
static void
type_keys (GtkWidget  *widget,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_strndup (p, (gsize) (g_utf8_next_char (p) - p));

      cd_ui_test_type_text (widget, key);
      cd_ui_test_flush ();
    }
}

static const char *
tag_name (CdArticle *article,
          guint      position)
{
  g_autoptr(CdTag) tag = g_list_model_get_item (cd_article_get_tags (article), position);

  return tag != NULL ? cd_tag_get_name (tag) : NULL;
}

typedef struct
{
  CdArticle *article;
  guint      n_tags;
} TagsWait;

static gboolean
n_tags_is_cb (gpointer data)
{
  TagsWait *wait = data;

  return g_list_model_get_n_items (cd_article_get_tags (wait->article)) == wait->n_tags;
}

static AdwToast *
undo_toast (CdWindow *window)
{
  return window->undo_toast;
}

/* The walkthrough's bug: the cursor in the standfirst (scrolled out of
 * view), a tag removed with its ×, Undo: the tag comes back, the
 * standfirst keeps its last word. */
static void
test_tag_removed_from_standfirst (void)
{
  CdWindow *window = show_story ();
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));
  GtkWidget *form = cd_ui_test_window_child (window, "form");
  GtkTextView *standfirst = find_text_view_with (form, cd_article_get_standfirst (article));
  TagsWait wait = { article, 0 };
  GtkWidget *remove;

  g_assert_nonnull (standfirst);
  gtk_widget_grab_focus (GTK_WIDGET (standfirst));
  type_keys (GTK_WIDGET (standfirst), " Tickets sold out");
  cd_ui_test_wait_for_string (article, "standfirst",
                              "Crossings resume after three weeks in the yard. Tickets sold out");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==,
                   "Crossings resume after three weeks in the yard. Tickets sold out");

  remove = find_by_tooltip (form, "Remove tag Ferries");
  g_assert_nonnull (remove);
  /* What a click on the × does. */
  g_assert_true (gtk_widget_activate_action_variant (remove,
                   gtk_actionable_get_action_name (GTK_ACTIONABLE (remove)),
                   gtk_actionable_get_action_target_value (GTK_ACTIONABLE (remove))));
  wait.n_tags = 2;
  cd_ui_test_wait_for (n_tags_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the tag to be removed");
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 2);
  /* The focus stayed in the standfirst; a toast offers Undo. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (standfirst)));
  g_assert_nonnull (undo_toast (window));
  cd_ui_test_wait_for_toast (GTK_WINDOW (window));
  {
    g_autofree char *shot = cd_ui_test_screenshot (GTK_WIDGET (window), "undo-toast");
    g_test_message ("screenshot: %s", shot);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait.n_tags = 3;
  cd_ui_test_wait_for (n_tags_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "Undo to bring the tag back");
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 3);
  g_assert_cmpstr (tag_name (article, 1), ==, "Ferries");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==,
                   "Crossings resume after three weeks in the yard. Tickets sold out");
  g_assert_null (undo_toast (window));

  /* The next undo takes back the standfirst's last word, and shows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cd_ui_test_wait_for_string (article, "standfirst",
                              "Crossings resume after three weeks in the yard. Tickets sold ");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==,
                   "Crossings resume after three weeks in the yard. Tickets sold ");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (standfirst)));

  /* Redo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  cd_ui_test_wait_for_string (article, "standfirst",
                              "Crossings resume after three weeks in the yard. Tickets sold out");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==,
                   "Crossings resume after three weeks in the yard. Tickets sold out");

  destroy_window (window);
}

static void
test_remove_image (void)
{
  CdWindow *window = show_story ();
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));
  CdImage *image = cd_article_get_image (article);
  GtkWidget *remove = cd_ui_test_find_button (cd_ui_test_window_child (window, "form"), "_Remove Image");

  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  cd_ui_test_wait_for_string (image, "source", "");
  g_assert_cmpstr (cd_image_get_source (image), ==, "");
  g_assert_cmpstr (cd_image_get_alt (image), ==, "");
  g_assert_nonnull (undo_toast (window));

  /* One undo: all six fields. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cd_ui_test_wait_for_string (image, "source", "https://example.com/ferry.jpg");
  g_assert_cmpstr (cd_image_get_source (image), ==, "https://example.com/ferry.jpg");
  g_assert_cmpstr (cd_image_get_alt (image), ==, "The ferry at the quay");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "The first crossing");
  g_assert_cmpstr (cd_image_get_credit (image), ==, "Desk photo");
  g_assert_cmpstr (cd_image_get_photographer (image), ==, "Ana Lima");
  g_assert_cmpstr (cd_image_get_copyright (image), ==, "2026 Desk");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Night ferry returns");

  destroy_window (window);
}

/* Typing in the body, then in the headline: undo takes back the headline
 * first, then the body, and puts the cursor where the body changed. */
static void
test_body_then_headline (void)
{
  CdWindow *window = show_story ();
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));
  CdEditor *editor = CD_EDITOR (cd_ui_test_window_child (window, "editor"));
  GtkTextView *view = cd_editor_get_view (editor);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 4);
  gtk_text_buffer_place_cursor (buffer, &iter);
  cd_ui_test_type_text (GTK_WIDGET (view), "night ");
  /* Straight on, before the body reaches the article by itself. */
  cd_article_set_headline (article, "Night ferry returns at last");
  g_assert_cmpstr (cd_article_get_body (article), ==, "The night ferry left at dawn.\n\nIt was full.");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cd_ui_test_wait_for_string (article, "headline", "Night ferry returns");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Night ferry returns");
  g_assert_cmpstr (cd_article_get_body (article), ==, "The night ferry left at dawn.\n\nIt was full.");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cd_ui_test_wait_for_string (article, "body", "The ferry left at dawn.\n\nIt was full.");
  g_assert_cmpstr (cd_article_get_body (article), ==, "The ferry left at dawn.\n\nIt was full.");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 4);
  /* The buffer has no history of its own in the window. */
  g_assert_false (gtk_text_buffer_get_enable_undo (buffer));

  destroy_window (window);
}

/* Undoing back to the state just opened leaves nothing to undo, and the
 * actions follow. */
static void
test_actions_enabled (void)
{
  CdWindow *window = show_story ();
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));

  g_assert_false (cd_history_get_can_undo (cd_window_get_history (window)));
  cd_article_set_dateline (article, "Cuxhaven");
  cd_ui_test_wait_for_boolean (cd_window_get_history (window), "can-undo", TRUE);
  g_assert_true (cd_history_get_can_undo (cd_window_get_history (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cd_ui_test_wait_for_string (article, "dateline", "");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "");
  g_assert_false (cd_history_get_can_undo (cd_window_get_history (window)));
  g_assert_true (cd_history_get_can_redo (cd_window_get_history (window)));

  destroy_window (window);
}

static gboolean
has_file_cb (gpointer data)
{
  return cd_document_get_file (cd_window_get_document (data)) != NULL;
}

static gboolean
title_marked_cb (gpointer data)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (data)), "• ");
}

static gboolean
title_unmarked_cb (gpointer data)
{
  return !title_marked_cb (data);
}

/* Undoing back to what was saved is not a change: no "•". */
static void
test_undo_to_saved (void)
{
  g_autofree char *path = g_build_filename (tmp_home, "saved.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) article = story ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDocument) document = NULL;
  CdWindow *window;

  g_assert_true (cd_article_save_to_file (article, file, NULL, &error));
  g_assert_no_error (error);
  window = cd_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  cd_window_open_file (window, file);
  cd_ui_test_wait_for (has_file_cb, window, CD_UI_TEST_TIMEOUT_MS, "the file to open");
  document = g_object_ref (cd_window_get_document (window));

  cd_article_set_section (cd_document_get_article (document), "Transport");
  cd_ui_test_wait_for (title_marked_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the title to show the change with “• ”");
  g_assert_true (cd_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cd_ui_test_wait_for (title_unmarked_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the title to lose its “• ” after Undo");
  g_assert_false (cd_document_get_modified (document));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  destroy_window (window);
}

static gboolean
headline_is_cb (gpointer data)
{
  return g_strcmp0 (cd_article_get_headline (data), "Night ferry returns") == 0;
}

static gboolean
buffer_is_short_cb (gpointer data)
{
  return gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (data)) < 1000;
}

/* A text past what an article can hold is taken back at once, with a word
 * why: a file saved with it would not open again. */
static void
test_limits (void)
{
  CdWindow *window = show_story ();
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));
  CdEditor *editor = CD_EDITOR (cd_ui_test_window_child (window, "editor"));
  GtkTextView *view = cd_editor_get_view (editor);
  g_autofree char *headline = g_strnfill (CD_LIMIT_TEXT_BYTES + 10, 'h');
  g_autofree char *paste = g_strnfill (CD_LIMIT_BODY_BYTES, 'b');
  g_autofree char *body = g_strdup (cd_article_get_body (article));

  cd_article_set_headline (article, headline);
  cd_ui_test_wait_for (headline_is_cb, article, CD_UI_TEST_TIMEOUT_MS, "the headline");

  /* Megabytes pasted into the body: the editor's text comes back too. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  cd_ui_test_type_text (GTK_WIDGET (view), paste);
  cd_ui_test_wait_for (buffer_is_short_cb, view, CD_UI_TEST_TIMEOUT_MS, "buffer is short");
  g_assert_true (g_strcmp0 (cd_article_get_body (article), body) == 0);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_home = cd_ui_test_make_home ("undo");

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  /* The application picks its recovery folder when first asked: now, in the
   * program's private home, not in the first test case's own folders. */
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/undo/tag-removed-from-standfirst", test_tag_removed_from_standfirst);
  g_test_add_func ("/undo/remove-image", test_remove_image);
  g_test_add_func ("/undo/body-then-headline", test_body_then_headline);
  g_test_add_func ("/undo/actions-enabled", test_actions_enabled);
  g_test_add_func ("/undo/undo-to-saved", test_undo_to_saved);
  g_test_add_func ("/undo/limits", test_limits);

  status = g_test_run ();

  g_clear_object (&app);
  cd_ui_test_finish_home (tmp_home);
  return status;
}
