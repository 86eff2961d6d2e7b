/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include "cd-editor.h"
#include "cd-ui-test-util.h"

/* Helpers */

static CdEditor *
editor_new (void)
{
  return CD_EDITOR (g_object_ref_sink (cd_editor_new ()));
}

static CdArticle *
article_new_with_body (const char *body)
{
  CdArticle *article = cd_article_new ();

  cd_article_set_body (article, body);
  return article;
}

static char *
dup_text (CdEditor *editor)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
get_selection (CdEditor *editor,
               int      *start_offset,
               int      *end_offset)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  *start_offset = gtk_text_iter_get_offset (&start);
  *end_offset = gtk_text_iter_get_offset (&end);
}

static void
select_range (CdEditor *editor,
              int       start_offset,
              int       end_offset)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static void
assert_text (CdEditor   *editor,
             const char *expected)
{
  g_autofree char *text = dup_text (editor);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_selection (CdEditor *editor,
                  int       start_offset,
                  int       end_offset)
{
  int start, end;

  get_selection (editor, &start, &end);
  g_assert_cmpint (start, ==, start_offset);
  g_assert_cmpint (end, ==, end_offset);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkSearchBar *
get_search_bar (CdEditor *editor)
{
  GtkWidget *bar = find_descendant (GTK_WIDGET (editor), GTK_TYPE_SEARCH_BAR);

  g_assert_nonnull (bar);
  return GTK_SEARCH_BAR (bar);
}

static GtkEditable *
get_search_entry (CdEditor *editor)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (get_search_bar (editor)),
                                      GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

static GtkEditable *
get_replace_entry (CdEditor *editor)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (get_search_bar (editor)), GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

static GtkWidget *
find_label_outside_entries (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child))
        return child;
      if (GTK_IS_EDITABLE (child))
        continue;
      found = find_label_outside_entries (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The match count is the first label in the search bar, outside the
 * entries (whose placeholders are labels). */
static GtkLabel *
get_match_label (CdEditor *editor)
{
  GtkWidget *label = find_label_outside_entries (GTK_WIDGET (get_search_bar (editor)));

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static GtkToggleButton *
find_toggle_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_TOGGLE_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_toggle_with_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The "Aa" toggle of the search bar. */
static GtkToggleButton *
get_case_check (CdEditor *editor)
{
  GtkToggleButton *toggle = find_toggle_with_label (GTK_WIDGET (get_search_bar (editor)), "Aa");

  g_assert_nonnull (toggle);
  return toggle;
}

typedef struct
{
  CdEditor   *editor;
  const char *expected;
} LabelWait;

static gboolean
match_label_is_cb (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_label (get_match_label (wait->editor)), wait->expected) == 0;
}

static void
assert_match_label (CdEditor   *editor,
                    const char *expected)
{
  LabelWait wait = { editor, expected };

  cd_ui_test_wait_until (match_label_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS);
  g_assert_cmpstr (gtk_label_get_label (get_match_label (editor)), ==, expected);
}

typedef struct
{
  CdEditor   *editor;
  const char *needle;
} TextWait;

static gboolean
text_contains_cb (gpointer data)
{
  TextWait *wait = data;
  g_autofree char *text = dup_text (wait->editor);

  return strstr (text, wait->needle) != NULL;
}

static gboolean
body_is_cb (gpointer data)
{
  TextWait *wait = data;

  return g_strcmp0 (cd_article_get_body (cd_editor_get_article (wait->editor)),
                    wait->needle) == 0;
}

/* Tests */

static void
test_editor_template (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  GtkSourceBuffer *buffer = cd_editor_get_buffer (editor);
  GtkSourceView *view = GTK_SOURCE_VIEW (cd_editor_get_view (editor));
  GtkSourceLanguage *language = gtk_source_buffer_get_language (buffer);
  GtkSourceBuffer *property = NULL;

  g_assert_true (GTK_SOURCE_IS_BUFFER (buffer));
  g_assert_true (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)) == GTK_TEXT_BUFFER (buffer));
  g_object_get (editor, "buffer", &property, NULL);
  g_assert_true (property == buffer);
  g_object_unref (property);

  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "markdown");
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), ==, GTK_WRAP_WORD_CHAR);
  g_assert_false (gtk_source_view_get_show_line_numbers (view));
  g_assert_false (gtk_source_view_get_highlight_current_line (view));
  g_assert_false (gtk_text_view_get_monospace (GTK_TEXT_VIEW (view)));
  g_assert_true (gtk_text_buffer_get_enable_undo (GTK_TEXT_BUFFER (buffer)));
  g_assert_cmpint (gtk_text_buffer_get_max_undo_levels (GTK_TEXT_BUFFER (buffer)), >=, 100);
  g_assert_cmpint (gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view)), >=, 24);
  g_assert_nonnull (find_descendant (GTK_WIDGET (editor), ADW_TYPE_CLAMP_SCROLLABLE));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Body"));

  /* Without an article there is nothing to edit. */
  g_assert_null (cd_editor_get_article (editor));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.bold", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.heading", NULL);
  assert_text (editor, "");
  cd_editor_flush (editor);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_editor_load (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = article_new_with_body ("Hello\n\nWorld");
  g_autoptr(CdArticle) other = article_new_with_body ("Other");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  GtkTextView *view = cd_editor_get_view (editor);
  GtkWidget *placeholder = find_label (GTK_WIDGET (view), "Write your story in Markdown…");
  guint notified = 0;

  g_assert_nonnull (placeholder);
  g_signal_connect (editor, "notify::article", G_CALLBACK (count_notify_cb), &notified);

  cd_editor_set_article (editor, article);
  g_assert_true (cd_editor_get_article (editor) == article);
  g_assert_cmpuint (notified, ==, 1);
  assert_text (editor, "Hello\n\nWorld");
  assert_selection (editor, 0, 0);
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  g_assert_true (gtk_text_view_get_editable (view));
  g_assert_false (gtk_widget_get_visible (placeholder));

  /* Setting the same article again changes nothing. */
  cd_editor_set_article (editor, article);
  g_assert_cmpuint (notified, ==, 1);

  /* Typing, then switching: the first article keeps what was typed and the
   * second one's history starts clean. */
  cd_ui_test_type_text (GTK_WIDGET (view), "Typed. ");
  g_object_set (editor, "article", other, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (cd_article_get_body (article), ==, "Typed. Hello\n\nWorld");
  assert_text (editor, "Other");
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));

  cd_article_set_body (other, "");
  assert_text (editor, "");
  g_assert_true (gtk_widget_get_visible (placeholder));

  cd_editor_set_article (editor, NULL);
  g_assert_cmpuint (notified, ==, 3);
  assert_text (editor, "");
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_false (gtk_widget_get_visible (placeholder));

  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_editor_debounce (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = article_new_with_body ("Body.");
  TextWait wait = { editor, "New. Body." };
  guint notified = 0;

  cd_editor_set_article (editor, article);
  g_signal_connect (article, "notify::body", G_CALLBACK (count_notify_cb), &notified);

  cd_ui_test_type_text (GTK_WIDGET (cd_editor_get_view (editor)), "New. ");
  assert_text (editor, "New. Body.");
  g_assert_cmpstr (cd_article_get_body (article), ==, "Body.");

  /* Within the delay nothing is copied; after it, once. Both fixed waits
   * assert that something does NOT happen: no copy within a third of the
   * delay, no second copy after it. */
  cd_ui_test_wait (100);
  g_assert_cmpstr (cd_article_get_body (article), ==, "Body.");
  cd_ui_test_wait_for (body_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS,
                       "the typed text to reach the article");
  g_assert_cmpuint (notified, ==, 1);
  cd_ui_test_wait (400);
  g_assert_cmpuint (notified, ==, 1);

  /* Each change restarts the delay: typing every 100 ms (a third of it, so
   * that a loaded machine does not make this fail) copies nothing. */
  for (int i = 0; i < 4; i++)
    {
      /* The pace of the typing, which must NOT let the delay run out. */
      cd_ui_test_wait (100);
      cd_ui_test_type_text (GTK_WIDGET (cd_editor_get_view (editor)), "x");
    }
  g_assert_cmpuint (notified, ==, 1);
  wait.needle = "New. xxxxBody.";
  cd_ui_test_wait_for (body_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the edits to reach the article");
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_editor_flush (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = article_new_with_body ("Body.");
  guint notified = 0;

  cd_editor_set_article (editor, article);
  g_signal_connect (article, "notify::body", G_CALLBACK (count_notify_cb), &notified);

  cd_editor_flush (editor);
  g_assert_cmpuint (notified, ==, 0);

  cd_ui_test_type_text (GTK_WIDGET (cd_editor_get_view (editor)), "Now. ");
  cd_editor_flush (editor);
  g_assert_cmpstr (cd_article_get_body (article), ==, "Now. Body.");
  g_assert_cmpuint (notified, ==, 1);

  /* The pending copy was cancelled: nothing more happens (a fixed wait past
   * the delay, asserting that no copy comes). */
  cd_ui_test_wait (400);
  g_assert_cmpuint (notified, ==, 1);

  /* Edits not yet copied are copied when the editor goes away. */
  cd_ui_test_type_text (GTK_WIDGET (cd_editor_get_view (editor)), "Last. ");
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_cmpstr (cd_article_get_body (article), ==, "Now. Last. Body.");
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_editor_external_change (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = article_new_with_body ("Original.");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  guint notified = 0;

  cd_editor_set_article (editor, article);
  g_signal_connect (article, "notify::body", G_CALLBACK (count_notify_cb), &notified);

  cd_article_set_body (article, "Reloaded.");
  assert_text (editor, "Reloaded.");
  g_assert_cmpuint (notified, ==, 1);

  /* No copy back, and no loop (a fixed wait past the delay, asserting that
   * none comes). */
  cd_ui_test_wait (400);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (cd_article_get_body (article), ==, "Reloaded.");

  /* A change from elsewhere wins over edits not yet copied; they can be
   * undone back to. */
  cd_ui_test_type_text (GTK_WIDGET (cd_editor_get_view (editor)), "Typed ");
  cd_article_set_body (article, "From the desk.");
  assert_text (editor, "From the desk.");
  /* Past the delay: the edits typed before must NOT be copied over it. */
  cd_ui_test_wait (400);
  g_assert_cmpstr (cd_article_get_body (article), ==, "From the desk.");
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  assert_text (editor, "Typed Reloaded.");

  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_editor_undo (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = article_new_with_body ("First paragraph.");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  GtkTextIter end;

  cd_editor_set_article (editor, article);
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  cd_ui_test_type_text (GTK_WIDGET (cd_editor_get_view (editor)), " More text.");
  assert_text (editor, "First paragraph. More text.");
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));

  gtk_text_buffer_undo (buffer);
  assert_text (editor, "First paragraph.");
  g_assert_true (gtk_text_buffer_get_can_redo (buffer));
  gtk_text_buffer_redo (buffer);
  assert_text (editor, "First paragraph. More text.");

  /* After a redo, the next edit is a step of its own (GTK 4.8 would merge
   * it into the redone one). */
  select_range (editor, 0, 5);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.bold", NULL);
  assert_text (editor, "**First** paragraph. More text.");
  gtk_text_buffer_undo (buffer);
  gtk_text_buffer_redo (buffer);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.heading", NULL);
  assert_text (editor, "## **First** paragraph. More text.");
  gtk_text_buffer_undo (buffer);
  assert_text (editor, "**First** paragraph. More text.");
  gtk_text_buffer_undo (buffer);
  assert_text (editor, "First paragraph. More text.");

  /* The undo reaches the article too. */
  gtk_text_buffer_undo (buffer);
  cd_editor_flush (editor);
  g_assert_cmpstr (cd_article_get_body (article), ==, "First paragraph.");

  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

typedef struct
{
  const char *action;
  const char *before;
  int         select_start;
  int         select_end;
  const char *after;
  int         after_start;
  int         after_end;
} FormatCase;

static const FormatCase format_cases[] = {
  /* Bold: wrap, insert, unwrap from inside and outside, trim. */
  { "bold", "Hello world", 6, 11, "Hello **world**", 8, 13 },
  { "bold", "Hello world", 6, 6, "Hello ****world", 8, 8 },
  { "bold", "", 0, 0, "****", 2, 2 },
  { "bold", "Hello **world**", 6, 15, "Hello world", 6, 11 },
  { "bold", "Hello **world**", 8, 13, "Hello world", 6, 11 },
  { "bold", "Hello ****", 8, 8, "Hello ", 6, 6 },
  { "bold", "Hello world ", 6, 12, "Hello **world** ", 8, 13 },
  { "bold", "Hello __world__", 8, 13, "Hello world", 6, 11 },
  { "bold", "Grüße, 東京!", 7, 9, "Grüße, **東京**!", 9, 11 },
  /* Italic: _, and * without confusing it with bold. */
  { "italic", "Hello world", 6, 11, "Hello _world_", 7, 12 },
  { "italic", "Hello world", 11, 11, "Hello world__", 12, 12 },
  { "italic", "Hello _world_", 7, 12, "Hello world", 6, 11 },
  { "italic", "Hello _world_", 6, 13, "Hello world", 6, 11 },
  { "italic", "The *Harbour Spirit*, a", 5, 19, "The Harbour Spirit, a", 4, 18 },
  { "italic", "**bold**", 2, 6, "**_bold_**", 3, 7 },
  { "italic", "***both***", 3, 7, "**both**", 2, 6 },
  { "bold", "***both***", 3, 7, "*both*", 1, 5 },
  { "italic", "snake_case_name", 6, 10, "snake__case__name", 7, 11 },
  /* Link. */
  { "link", "See the council page.", 8, 20, "See the [council page](url).", 23, 26 },
  { "link", "Go to https://example.com now", 6, 25, "Go to [](https://example.com) now", 7, 7 },
  { "link", "Go ", 3, 3, "Go [](url)", 4, 4 },
  { "link", "www.example.org", 0, 15, "[](https://www.example.org)", 1, 1 },
  /* Heading: ## → ### → none, on the cursor's line. */
  { "heading", "Title\nText", 2, 2, "## Title\nText", 5, 5 },
  { "heading", "## Title\nText", 5, 5, "### Title\nText", 6, 6 },
  { "heading", "### Title\nText", 6, 6, "Title\nText", 2, 2 },
  { "heading", "# Big", 3, 3, "Big", 1, 1 },
  { "heading", "Text\n", 5, 5, "Text\n## ", 8, 8 },
  { "heading", "One\nTwo", 0, 7, "## One\n## Two", 0, 13 },
  /* Quote: every line, blank ones as ">" inside, toggled off. */
  { "quote", "A\n\nB", 0, 4, "> A\n>\n> B", 0, 9 },
  { "quote", "> A\n>\n> B", 0, 9, "A\n\nB", 0, 4 },
  { "quote", "", 0, 0, "> ", 2, 2 },
  { "quote", "Line one\nLine two\nNext", 2, 9, "> Line one\nLine two\nNext", 0, 10 },
  { "quote", "Said\n", 0, 5, "> Said\n", 0, 6 },
  /* Bulleted list. */
  { "bulleted-list", "one\ntwo\n\nthree", 0, 14, "- one\n- two\n\n- three", 0, 20 },
  { "bulleted-list", "- one\n- two\n\n- three", 0, 20, "one\ntwo\n\nthree", 0, 14 },
  { "bulleted-list", "item", 2, 2, "- item", 4, 4 },
  { "bulleted-list", "1. a\n2. b", 0, 9, "- a\n- b", 0, 7 },
  { "bulleted-list", "- a\nb", 0, 5, "- a\n- b", 0, 7 },
  /* Numbered list. */
  { "numbered-list", "one\ntwo\nthree", 0, 13, "1. one\n2. two\n3. three", 0, 22 },
  { "numbered-list", "1. one\n2. two\n3. three", 0, 22, "one\ntwo\nthree", 0, 13 },
  { "numbered-list", "- a\n- b", 0, 7, "1. a\n2. b", 0, 9 },
  { "numbered-list", "", 0, 0, "1. ", 3, 3 },
  { "numbered-list", "  - nested", 10, 10, "  1. nested", 11, 11 },
};

static void
test_editor_format (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = cd_article_new ();
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));

  cd_editor_set_article (editor, article);

  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autofree char *action = g_strconcat ("editor.", c->action, NULL);

      g_test_message ("%s on \"%s\" [%d, %d]", c->action, c->before,
                      c->select_start, c->select_end);
      cd_editor_flush (editor);
      cd_article_set_body (article, c->before);
      assert_text (editor, c->before);
      select_range (editor, c->select_start, c->select_end);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
      assert_text (editor, c->after);
      assert_selection (editor, c->after_start, c->after_end);

      /* One undo step. */
      gtk_text_buffer_undo (buffer);
      assert_text (editor, c->before);
      gtk_text_buffer_redo (buffer);
      assert_text (editor, c->after);
    }

  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_editor_format_round_trip (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = article_new_with_body ("Hello world");
  static const char * const actions[] = { "editor.bold", "editor.italic" };

  cd_editor_set_article (editor, article);

  /* Applying twice gives back the text and the selection. */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      select_range (editor, 0, 5);
      gtk_widget_activate_action (GTK_WIDGET (editor), actions[i], NULL);
      gtk_widget_activate_action (GTK_WIDGET (editor), actions[i], NULL);
      assert_text (editor, "Hello world");
      assert_selection (editor, 0, 5);
    }

  /* Three headings come back to none. */
  select_range (editor, 3, 3);
  for (int i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.heading", NULL);
  assert_text (editor, "Hello world");
  assert_selection (editor, 3, 3);

  cd_editor_flush (editor);
  g_assert_cmpstr (cd_article_get_body (article), ==, "Hello world");

  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_editor_find (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article =
    article_new_with_body ("The ferry sailed. the Ferry docked.\n\nA new ferry, said the mayor.");
  GtkWindow *window;
  GtkSearchBar *bar;
  GtkTextView *view;

  cd_editor_set_article (editor, article);
  window = cd_ui_test_show (GTK_WIDGET (editor), 700, 500);
  bar = get_search_bar (editor);
  view = cd_editor_get_view (editor);
  g_assert_false (gtk_search_bar_get_search_mode (bar));

  /* Find, with the selection as the first search. */
  select_range (editor, 4, 9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpstr (gtk_editable_get_text (get_search_entry (editor)), ==, "ferry");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                        GTK_WIDGET (get_search_entry (editor))));
  assert_match_label (editor, "1 of 3");
  assert_selection (editor, 4, 9);

  /* Next, next, wrapping around, and previous. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL));
  assert_selection (editor, 22, 27);
  assert_match_label (editor, "2 of 3");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL);
  assert_selection (editor, 43, 48);
  assert_match_label (editor, "3 of 3");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL);
  assert_selection (editor, 4, 9);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-previous", NULL);
  assert_selection (editor, 43, 48);

  /* Match Case. */
  gtk_toggle_button_set_active (get_case_check (editor), TRUE);
  assert_match_label (editor, "2 of 2");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL);
  assert_selection (editor, 4, 9);
  assert_match_label (editor, "1 of 2");
  gtk_toggle_button_set_active (get_case_check (editor), FALSE);

  /* Typing a search: as-you-type from the selection's start. */
  gtk_editable_set_text (get_search_entry (editor), "said");
  assert_match_label (editor, "1 of 1");
  assert_selection (editor, 50, 54);
  gtk_editable_set_text (get_search_entry (editor), "tram");
  assert_match_label (editor, "No matches");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (get_search_entry (editor)), "error"));

  /* Escape (the entry's stop-search) closes the bar and returns to the text;
   * the search stays for find-next. */
  gtk_editable_set_text (get_search_entry (editor), "ferry");
  assert_match_label (editor, "1 of 3");
  g_signal_emit_by_name (get_search_entry (editor), "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (view)));
  select_range (editor, 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL);
  assert_selection (editor, 4, 9);

  gtk_window_destroy (window);
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_editor_replace (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article =
    article_new_with_body ("The ferry sailed. the Ferry docked.\n\nA new ferry, said the mayor.");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  GtkWindow *window;
  GtkWidget *replace_entry;

  cd_editor_set_article (editor, article);
  window = cd_ui_test_show (GTK_WIDGET (editor), 700, 500);
  replace_entry = GTK_WIDGET (get_replace_entry (editor));
  g_assert_false (gtk_widget_is_visible (replace_entry));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-replace", NULL));
  g_assert_true (gtk_widget_is_visible (replace_entry));
  gtk_editable_set_text (get_search_entry (editor), "ferry");
  assert_match_label (editor, "1 of 3");
  gtk_editable_set_text (get_replace_entry (editor), "boat");

  /* Replace: the selected match, then on to the next one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace", NULL));
  assert_text (editor, "The boat sailed. the Ferry docked.\n\nA new ferry, said the mayor.");
  assert_selection (editor, 21, 26);
  assert_match_label (editor, "1 of 2");

  gtk_text_buffer_undo (buffer);
  assert_text (editor, "The ferry sailed. the Ferry docked.\n\nA new ferry, said the mayor.");
  gtk_text_buffer_redo (buffer);

  /* Replace All, as one undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace-all", NULL));
  assert_text (editor, "The boat sailed. the boat docked.\n\nA new boat, said the mayor.");
  assert_match_label (editor, "No matches");
  gtk_text_buffer_undo (buffer);
  assert_text (editor, "The boat sailed. the Ferry docked.\n\nA new ferry, said the mayor.");

  /* Replacing with non-ASCII text. */
  gtk_editable_set_text (get_replace_entry (editor), "Fähre ⛴");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace-all", NULL);
  assert_text (editor, "The boat sailed. the Fähre ⛴ docked.\n\nA new Fähre ⛴, said the mayor.");
  cd_editor_flush (editor);
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The boat sailed. the Fähre ⛴ docked.\n\nA new Fähre ⛴, said the mayor.");

  gtk_window_destroy (window);
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
set_clipboard_bytes (GtkWidget    *widget,
                     const char   *mime_type,
                     const guint8 *data,
                     gsize         length)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GdkContentProvider) provider = gdk_content_provider_new_for_bytes (mime_type, bytes);

  g_assert_true (gdk_clipboard_set_content (clipboard, provider));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                        mime_type));
}

static void
test_editor_paste_html (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = article_new_with_body ("Before. After.");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  GtkWidget *view = GTK_WIDGET (cd_editor_get_view (editor));
  const char *html = "<p>Hello <b>world</b></p><ul><li>a</li></ul>";
  g_autofree char *expected = NULL;
  g_autofree char *utf16 = NULL;
  g_autoptr(GByteArray) with_bom = NULL;
  TextWait wait = { editor, "Hello **world**" };
  GtkWindow *window;
  gsize utf16_length = 0;

  cd_editor_set_article (editor, article);
  window = cd_ui_test_show (GTK_WIDGET (editor), 700, 500);

  /* HTML from a browser replaces the selection, as Markdown, in one step. */
  set_clipboard_bytes (view, "text/html", (const guint8 *) html, strlen (html));
  select_range (editor, 8, 8);
  g_signal_emit_by_name (view, "paste-clipboard");
  cd_ui_test_wait_for (text_contains_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the pasted text");
  assert_text (editor, "Before. \n\nHello **world**\n\n- a\n\nAfter.");
  assert_selection (editor, 30, 30);
  gtk_text_buffer_undo (buffer);
  assert_text (editor, "Before. After.");

  /* Between paragraphs, a block keeps them apart with blank lines. */
  cd_article_set_body (article, "Before.\nAfter.");
  select_range (editor, 8, 8);
  g_signal_emit_by_name (view, "paste-clipboard");
  cd_ui_test_wait_for (text_contains_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the pasted text");
  assert_text (editor, "Before.\n\nHello **world**\n\n- a\n\nAfter.");
  cd_article_set_body (article, "Before. After.");

  select_range (editor, 0, 7);
  cd_editor_insert_html (editor, "<p><i>Earlier</i>.</p>");
  assert_text (editor, "*Earlier*. After.");
  gtk_text_buffer_undo (buffer);

  /* UTF-16 with a byte order mark, as some programs put it, and UTF-8 with
   * one and a trailing NUL. */
  utf16 = g_convert ("<p>Grüße aus 東京 🚢</p>", -1, "UTF-16LE", "UTF-8", NULL,
                     &utf16_length, NULL);
  g_assert_nonnull (utf16);
  with_bom = g_byte_array_new ();
  g_byte_array_append (with_bom, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (with_bom, (const guint8 *) utf16, utf16_length);
  set_clipboard_bytes (view, "text/html", with_bom->data, with_bom->len);
  select_range (editor, 0, 7);
  g_signal_emit_by_name (view, "paste-clipboard");
  wait.needle = "Grüße aus 東京 🚢";
  cd_ui_test_wait_for (text_contains_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the pasted text");
  assert_text (editor, "Grüße aus 東京 🚢 After.");

  set_clipboard_bytes (view, "text/html",
                       (const guint8 *) "\xef\xbb\xbf<p>Ångström</p>",
                       strlen ("\xef\xbb\xbf<p>Ångström</p>"));
  select_range (editor, 0, 0);
  g_signal_emit_by_name (view, "paste-clipboard");
  wait.needle = "ÅngströmGrüße";
  cd_ui_test_wait_for (text_contains_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the pasted text");
  assert_text (editor, "ÅngströmGrüße aus 東京 🚢 After.");

  /* Plain text keeps GtkTextView's own paste. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), "*plain* <b>");
  cd_article_set_body (article, "");
  g_signal_emit_by_name (view, "paste-clipboard");
  wait.needle = "*plain* <b>";
  cd_ui_test_wait_for (text_contains_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the pasted text");
  assert_text (editor, "*plain* <b>");

  /* Paste without formatting takes the text of an HTML clipboard's plain
   * version; with HTML only, there is nothing to paste as text. */
  expected = g_strdup ("*plain* <b>");
  set_clipboard_bytes (view, "text/html", (const guint8 *) html, strlen (html));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.paste-plain", NULL));
  /* Asserts that nothing is pasted: a fixed wait for a clipboard read that
   * must NOT change the text. */
  cd_ui_test_wait (300);
  assert_text (editor, expected);

  cd_editor_flush (editor);
  g_assert_cmpstr (cd_article_get_body (article), ==, expected);

  gtk_window_destroy (window);
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_editor_non_ascii (void)
{
  const char *body = "Grüße, Ångström, 東京, emoji 🚢👩‍💻\n\nŁódź — «quotes» “curly”";
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = article_new_with_body (body);
  g_autofree char *expected = NULL;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  GtkTextIter end;

  cd_editor_set_article (editor, article);
  assert_text (editor, body);

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  cd_ui_test_type_text (GTK_WIDGET (cd_editor_get_view (editor)), " ñ 🎉");
  cd_editor_flush (editor);
  expected = g_strconcat (body, " ñ 🎉", NULL);
  g_assert_cmpstr (cd_article_get_body (article), ==, expected);

  /* Offsets count characters, not bytes. */
  select_range (editor, 17, 19);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.italic", NULL);
  cd_editor_flush (editor);
  g_assert_true (g_str_has_prefix (cd_article_get_body (article), "Grüße, Ångström, _東京_, emoji"));

  cd_article_set_body (article, body);
  assert_text (editor, body);

  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static gboolean
scheme_is_cb (gpointer data)
{
  CdEditor *editor = ((TextWait *) data)->editor;
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (cd_editor_get_buffer (editor));

  return scheme != NULL &&
         g_strcmp0 (gtk_source_style_scheme_get_id (scheme), ((TextWait *) data)->needle) == 0;
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} SizeWait;

static gboolean
width_is_cb (gpointer data)
{
  SizeWait *wait = data;

  return gtk_widget_get_width (wait->widget) == wait->width;
}

static void
test_editor_screenshots (void)
{
  g_autoptr(CdEditor) editor = editor_new ();
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shot = NULL;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  TextWait wait = { editor, "Adwaita" };
  SizeWait size = { GTK_WIDGET (editor), 0 };
  GtkWindow *window;

  path = g_build_filename (CD_SOURCE_DATADIR, "sample", "harbour-ferry.copydesk", NULL);
  file = g_file_new_for_path (path);
  article = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);

  cd_editor_set_article (editor, article);
  window = cd_ui_test_show (GTK_WIDGET (editor), 700, 700);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cd_ui_test_wait_for (scheme_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the editor's colour scheme to follow the style");
  g_clear_pointer (&shot, g_free);
  shot = cd_ui_test_screenshot (GTK_WIDGET (window), "editor-light");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait.needle = "Adwaita-dark";
  cd_ui_test_wait_for (scheme_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the editor's colour scheme to follow the style");
  g_clear_pointer (&shot, g_free);
  shot = cd_ui_test_screenshot (GTK_WIDGET (window), "editor-dark");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));

  /* Wide: the lines keep their length, the page fills the pane. */
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (window, 1200, 700);
  {
    GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_line (buffer, &iter, 20);
    gtk_text_buffer_place_cursor (buffer, &iter);
    gtk_text_view_scroll_to_iter (cd_editor_get_view (editor), &iter, 0.0, TRUE, 0.0, 0.3);
  }
  size.width = 1200;
  cd_ui_test_wait_for (width_is_cb, &size, CD_UI_TEST_TIMEOUT_MS,
                       "the editor to be 1200 pixels wide");
  cd_ui_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), ==, 1200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (cd_editor_get_view (editor))), <=, 760);
  g_clear_pointer (&shot, g_free);
  shot = cd_ui_test_screenshot (GTK_WIDGET (window), "editor-wide");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));
  gtk_window_set_default_size (window, 700, 700);
  select_range (editor, 0, 0);
  size.width = 700;
  cd_ui_test_wait_for (width_is_cb, &size, CD_UI_TEST_TIMEOUT_MS,
                       "the editor to be 700 pixels wide");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-replace", NULL);
  gtk_editable_set_text (get_search_entry (editor), "ferry");
  /* Nine in the body, after one in the headline and one in the alt text. */
  assert_match_label (editor, "3 of 11");
  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  g_clear_pointer (&shot, g_free);
  shot = cd_ui_test_screenshot (GTK_WIDGET (window), "editor-find");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));

  /* The empty editor shows its hint. */
  gtk_search_bar_set_search_mode (get_search_bar (editor), FALSE);
  cd_article_set_body (article, "");
  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  g_clear_pointer (&shot, g_free);
  shot = cd_ui_test_screenshot (GTK_WIDGET (window), "editor-empty");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&article));
}

typedef struct
{
  GtkWidget  *view;
  const char *family;
} FontWait;

static gboolean
view_has_family (gpointer data)
{
  FontWait *wait = data;
  const PangoFontDescription *font =
    pango_context_get_font_description (gtk_widget_get_pango_context (wait->view));
  const char *families = pango_font_description_get_family (font);
  size_t len = strlen (wait->family);

  /* The first of the families, which the editor's fallbacks follow. */
  return families != NULL && strncmp (families, wait->family, len) == 0 &&
         (families[len] == '\0' || families[len] == ',');
}

/* The size of @font in points; GTK gives CSS sizes to Pango in pixels, at
 * CSS's 96 pixels to 72 points. */
static double
font_points (const PangoFontDescription *font)
{
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font) ? size * 72.0 / 96.0 : size;
}

/* The body follows the desktop's document font, larger by the ratio the
 * default body size has to GNOME's default document font (12.5 to 11). */
static void
test_editor_document_font (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  g_autoptr(GSettings) interface = NULL;
  g_autoptr(CdEditor) editor = NULL;
  GtkWindow *window;
  FontWait wait;
  const PangoFontDescription *font;

  if (schema == NULL)
    {
      g_test_skip ("The org.gnome.desktop.interface schema is not installed");
      return;
    }

  /* The memory backend keeps the value to this test program. */
  interface = g_settings_new ("org.gnome.desktop.interface");
  g_settings_set_string (interface, "document-font-name", "Serif Bold 22");
  editor = editor_new ();
  window = cd_ui_test_show (GTK_WIDGET (editor), 600, 400);
  wait.view = GTK_WIDGET (cd_editor_get_view (editor));

  wait.family = "Serif";
  g_assert_true (cd_ui_test_wait_until (view_has_family, &wait, 5000));
  font = pango_context_get_font_description (gtk_widget_get_pango_context (wait.view));
  g_assert_cmpfloat_with_epsilon (font_points (font), 25.0, 0.01);
  g_assert_cmpint (pango_font_description_get_weight (font), ==, PANGO_WEIGHT_BOLD);

  /* A change reaches an open editor. */
  g_settings_set_string (interface, "document-font-name", "Sans 11");
  wait.family = "Sans";
  g_assert_true (cd_ui_test_wait_until (view_has_family, &wait, 5000));
  font = pango_context_get_font_description (gtk_widget_get_pango_context (wait.view));
  g_assert_cmpfloat_with_epsilon (font_points (font), 12.5, 0.01);
  g_assert_cmpint (pango_font_description_get_weight (font), ==, PANGO_WEIGHT_NORMAL);

  g_settings_reset (interface, "document-font-name");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  cd_ui_test_init (&argc, &argv);

  g_test_add_func ("/editor/template", test_editor_template);
  g_test_add_func ("/editor/load", test_editor_load);
  g_test_add_func ("/editor/debounce", test_editor_debounce);
  g_test_add_func ("/editor/flush", test_editor_flush);
  g_test_add_func ("/editor/external-change", test_editor_external_change);
  g_test_add_func ("/editor/undo", test_editor_undo);
  g_test_add_func ("/editor/format", test_editor_format);
  g_test_add_func ("/editor/format-round-trip", test_editor_format_round_trip);
  g_test_add_func ("/editor/find", test_editor_find);
  g_test_add_func ("/editor/replace", test_editor_replace);
  g_test_add_func ("/editor/paste-html", test_editor_paste_html);
  g_test_add_func ("/editor/non-ascii", test_editor_non_ascii);
  g_test_add_func ("/editor/screenshots", test_editor_screenshots);
  g_test_add_func ("/editor/document-font", test_editor_document_font);

  return g_test_run ();
}
