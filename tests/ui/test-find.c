/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-application.h"
#include "cd-editor.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"

/* Find and replace in the window: the body and the article's other text
 * fields, one count, next going through the fields, Replace All as one
 * undo step. */

static CdApplication *app;
static char *tmp_home;

static CdWindow *
show_story (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdDocument) document = NULL;
  CdImage *image = cd_article_get_image (article);
  CdWindow *window = cd_window_new (app);

  cd_article_set_headline (article, "Night ferry returns");
  cd_article_set_standfirst (article, "Crossings resume after three weeks in the yard.");
  cd_article_set_body (article, "The Ferry left at dawn.\n\nIt was full.");
  cd_image_set_source (image, "https://example.com/boat.jpg");
  cd_image_set_alt (image, "A ferry at the quay");
  cd_image_set_caption (image, "The first ferry crossing");
  cd_image_set_photographer (image, "Ann Ferry");
  document = cd_document_new (article);

  cd_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
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
  cd_ui_test_wait_for (cd_ui_test_pointer_cleared_cb, &window, CD_UI_TEST_TIMEOUT_MS,
                       "the destroyed window to be finalized");
  cd_document_discard_recovery (document);
  cd_ui_test_flush ();
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkLabel   *label;
  const char *expected;
} LabelWait;

static gboolean
label_is_cb (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_label (wait->label), wait->expected) == 0;
}

static void
assert_label (GtkLabel   *label,
              const char *expected)
{
  LabelWait wait = { label, expected };

  cd_ui_test_wait_until (label_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);
}

/* The focus is a text view holding @text, with [@start, @end) selected. */
static void
assert_focus_selection (CdWindow   *window,
                        const char *text,
                        int         start,
                        int         end)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  g_autofree char *content = NULL;

  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  content = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  g_assert_cmpstr (content, ==, text);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, start);
  g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, end);
}

typedef struct
{
  CdWindow   *window;
  const char *text;
  int         start;
  int         end;
} SelectionWait;

static gboolean
focus_selection_is_cb (gpointer data)
{
  SelectionWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->window));
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  g_autofree char *content = NULL;

  if (focus == NULL || !GTK_IS_TEXT_VIEW (focus))
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  content = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  return g_strcmp0 (content, wait->text) == 0 &&
         gtk_text_buffer_get_selection_bounds (buffer, &s, &e) &&
         gtk_text_iter_get_offset (&s) == wait->start &&
         gtk_text_iter_get_offset (&e) == wait->end;
}

static void
test_find_across_fields (void)
{
  CdWindow *window = show_story ();
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));
  CdImage *image = cd_article_get_image (article);
  CdEditor *editor = CD_EDITOR (cd_ui_test_window_child (window, "editor"));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  GtkWidget *bar = find_descendant (GTK_WIDGET (editor), GTK_TYPE_SEARCH_BAR, NULL);
  GtkEditable *search_entry;
  GtkEditable *replace_entry;
  GtkLabel *count;
  GtkTextIter start, end;
  g_autofree char *shot = NULL;

  g_assert_nonnull (bar);
  search_entry = GTK_EDITABLE (find_descendant (bar, GTK_TYPE_SEARCH_ENTRY, NULL));
  replace_entry = GTK_EDITABLE (find_descendant (bar, GTK_TYPE_ENTRY, NULL));
  count = GTK_LABEL (find_descendant (bar, GTK_TYPE_LABEL, "numeric"));
  g_assert_nonnull (count);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-replace", NULL));
  gtk_editable_set_text (search_entry, "ferry");

  /* Three in the fields (the photographer's name is not searched), one in
   * the body; typing selects the body's, the fourth in the form's order. */
  assert_label (count, "4 of 4");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (count)), ==,
                   "4 matches: 1 in Headline, 1 in Lead image alt text, "
                   "1 in Lead image caption, 1 in Body");
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 4);

  /* Next wraps to the top of the form: the headline, focused, with the
   * match selected; then the alt text; and back. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL);
  assert_label (count, "1 of 4");
  assert_focus_selection (window, "Night ferry returns", 6, 11);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL);
  assert_label (count, "2 of 4");
  assert_focus_selection (window, "A ferry at the quay", 2, 7);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-previous", NULL);
  assert_label (count, "1 of 4");
  assert_focus_selection (window, "Night ferry returns", 6, 11);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-previous", NULL);
  assert_label (count, "4 of 4");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cd_editor_get_view (editor))));

  /* A match in the details while they are hidden: they open, and the
   * match is selected once its field has the focus. */
  adw_flap_set_reveal_flap (window->details_flap, FALSE);
  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-previous", NULL);
  assert_label (count, "3 of 4");
  {
    SelectionWait wait = { window, "The first ferry crossing", 10, 15 };

    cd_ui_test_wait_for (focus_selection_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS,
                         "the caption's match to be selected");
  }
  g_assert_true (adw_flap_get_reveal_flap (window->details_flap));

  g_clear_pointer (&shot, g_free);
  shot = cd_ui_test_screenshot (GTK_WIDGET (window), "find-across-fields");

  /* Replace All: every field and the body. */
  gtk_editable_set_text (replace_entry, "boat");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace-all", NULL));
  assert_label (count, "No matches");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Night boat returns");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "The first boat crossing");
  g_assert_cmpstr (cd_image_get_alt (image), ==, "A boat at the quay");
  g_assert_cmpstr (cd_image_get_photographer (image), ==, "Ann Ferry");
  g_assert_cmpstr (cd_article_get_body (article), ==, "The boat left at dawn.\n\nIt was full.");

  /* One undo brings everything back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cd_ui_test_wait_for_string (article, "headline", "Night ferry returns");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "The first ferry crossing");
  g_assert_cmpstr (cd_image_get_alt (image), ==, "A ferry at the quay");
  g_assert_cmpstr (cd_article_get_body (article), ==, "The Ferry left at dawn.\n\nIt was full.");
  cd_editor_flush (editor);
  g_assert_cmpstr (cd_article_get_body (article), ==, "The Ferry left at dawn.\n\nIt was full.");
  assert_label (count, "4 matches");
  g_assert_false (cd_history_get_can_undo (window->history));

  /* Replace one match in a field: the headline's, then on to the next. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL);
  assert_label (count, "4 of 4");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL);
  assert_label (count, "1 of 4");
  assert_focus_selection (window, "Night ferry returns", 6, 11);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace", NULL));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Night boat returns");
  g_assert_cmpstr (cd_image_get_alt (image), ==, "A ferry at the quay");
  assert_label (count, "1 of 3");
  assert_focus_selection (window, "A ferry at the quay", 2, 7);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cd_ui_test_wait_for_string (article, "headline", "Night ferry returns");

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_home = cd_ui_test_make_home ("find");

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/find/across-fields", test_find_across_fields);

  status = g_test_run ();

  g_clear_object (&app);
  cd_ui_test_finish_home (tmp_home);
  return status;
}
