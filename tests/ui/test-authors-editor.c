/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-authors-editor.h"
#include "cd-ui-test-util.h"

static CdArticle *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("CD_SOURCE_ROOT"), "data", "sample",
                                                     "harbour-ferry.copydesk", NULL);
  g_autoptr(GError) error = NULL;
  CdArticle *article = cd_article_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return article;
}

static GtkWidget *
child (GtkWidget  *editor,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (editor, CD_TYPE_AUTHORS_EDITOR, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* Each author is a boxed list: the name row, then the role row with the
 * remove button. */
typedef struct
{
  GtkWidget *name_row;
  GtkWidget *role_row;
  GtkWidget *remove_button;
} Card;

static GtkWidget *
find_remove_button (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (c)),
                                          "user-trash-symbolic") == 0)
        return c;
      if ((found = find_remove_button (c)) != NULL)
        return found;
    }

  return NULL;
}

static guint
count_cards (GtkWidget *editor)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (child (editor, "authors_box"));
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;

  return n;
}

static Card
get_card (GtkWidget *editor,
          guint      position)
{
  GtkWidget *list = gtk_widget_get_first_child (child (editor, "authors_box"));
  Card card;

  for (guint i = 0; i < position; i++)
    list = gtk_widget_get_next_sibling (list);

  g_assert_true (GTK_IS_LIST_BOX (list));
  card.name_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  card.role_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_true (ADW_IS_ENTRY_ROW (card.name_row));
  g_assert_true (ADW_IS_ENTRY_ROW (card.role_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (card.name_row)), ==, "Name");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (card.role_row)), ==, "Role");
  card.remove_button = find_remove_button (card.role_row);
  /* After the role, so that Tab from the name goes to the role. */
  g_assert_null (find_remove_button (card.name_row));
  g_assert_nonnull (card.remove_button);

  return card;
}

static CdAuthor *
get_author (CdArticle *article,
            guint      position)
{
  g_autoptr(CdAuthor) author = g_list_model_get_item (cd_article_get_authors (article), position);

  g_assert_nonnull (author);
  /* The article keeps its own reference. */
  return author;
}

static const char *
text (GtkWidget *widget)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

static const char *
byline (GtkWidget *editor)
{
  GtkWidget *label = child (editor, "byline_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static GtkWidget *
new_editor (void)
{
  GtkWidget *editor = cd_authors_editor_new ();

  g_object_ref_sink (editor);
  return editor;
}

static void
test_authors_new (void)
{
  GtkWidget *editor = new_editor ();
  g_autoptr(CdArticle) article = load_sample ();
  guint notified = 0;

  g_assert_null (cd_authors_editor_get_article (CD_AUTHORS_EDITOR (editor)));
  g_assert_cmpuint (count_cards (editor), ==, 0);
  g_assert_null (byline (editor));
  /* Nothing to add to without an article. */
  gtk_widget_activate_action (editor, "authors.add", NULL);
  g_assert_cmpuint (count_cards (editor), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (child (editor, "add_button")));

  g_signal_connect_swapped (editor, "notify::article", G_CALLBACK (g_atomic_int_inc), &notified);
  g_object_set (editor, "article", article, NULL);
  cd_authors_editor_set_article (CD_AUTHORS_EDITOR (editor), article);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (cd_authors_editor_get_article (CD_AUTHORS_EDITOR (editor)) == article);
  gtk_widget_activate_action (editor, "authors.add", NULL);
  g_assert_cmpuint (count_cards (editor), ==, 3);

  cd_authors_editor_set_article (CD_AUTHORS_EDITOR (editor), NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (count_cards (editor), ==, 0);
  g_assert_null (byline (editor));

  g_assert_finalize_object (editor);
}

static void
test_authors_show (void)
{
  GtkWidget *editor = new_editor ();
  g_autoptr(CdArticle) article = load_sample ();
  Card card;

  cd_authors_editor_set_article (CD_AUTHORS_EDITOR (editor), article);

  g_assert_cmpuint (count_cards (editor), ==, 2);
  card = get_card (editor, 0);
  g_assert_cmpstr (text (card.name_row), ==, "Helen Marsh");
  g_assert_cmpstr (text (card.role_row), ==, "Senior reporter");
  card = get_card (editor, 1);
  g_assert_cmpstr (text (card.name_row), ==, "Kwame Osei");
  g_assert_cmpstr (text (card.role_row), ==, "Transport correspondent");
  g_assert_cmpstr (byline (editor), ==, "By Helen Marsh and Kwame Osei");

  g_assert_finalize_object (editor);
}

static void
test_authors_add_edit_remove (void)
{
  GtkWidget *editor = new_editor ();
  g_autoptr(CdArticle) article = load_sample ();
  GListModel *authors = cd_article_get_authors (article);
  g_autoptr(CdAuthor) kwame = g_object_ref (get_author (article, 1));
  Card card;

  cd_authors_editor_set_article (CD_AUTHORS_EDITOR (editor), article);

  /* Add: an empty author at the end. */
  g_assert_true (gtk_widget_activate_action (editor, "authors.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (authors), ==, 3);
  g_assert_cmpuint (count_cards (editor), ==, 3);
  g_assert_cmpstr (cd_author_get_name (get_author (article, 2)), ==, "");
  card = get_card (editor, 2);
  g_assert_cmpstr (text (card.name_row), ==, "");

  /* Edit: name and role go to the author; the byline follows. */
  gtk_editable_set_text (GTK_EDITABLE (card.name_row), "Ada Okafor");
  gtk_editable_set_text (GTK_EDITABLE (card.role_row), "Photographer");
  g_assert_cmpstr (cd_author_get_name (get_author (article, 2)), ==, "Ada Okafor");
  g_assert_cmpstr (cd_author_get_role (get_author (article, 2)), ==, "Photographer");
  g_assert_cmpstr (byline (editor), ==, "By Helen Marsh, Kwame Osei and Ada Okafor");
  g_assert_cmpstr (byline (editor), ==, cd_article_get_byline (article));

  card = get_card (editor, 0);
  gtk_editable_set_text (GTK_EDITABLE (card.name_row), "Helen Marsh-Jones");
  g_assert_cmpstr (cd_author_get_name (get_author (article, 0)), ==, "Helen Marsh-Jones");
  g_assert_cmpstr (byline (editor), ==, "By Helen Marsh-Jones, Kwame Osei and Ada Okafor");

  /* Remove the first: the others move up. */
  g_signal_emit_by_name (card.remove_button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (authors), ==, 2);
  g_assert_cmpuint (count_cards (editor), ==, 2);
  g_assert_true (get_author (article, 0) == kwame);
  g_assert_cmpstr (text (get_card (editor, 0).name_row), ==, "Kwame Osei");
  g_assert_cmpstr (text (get_card (editor, 1).name_row), ==, "Ada Okafor");
  g_assert_cmpstr (byline (editor), ==, "By Kwame Osei and Ada Okafor");

  /* Remove the last. */
  g_signal_emit_by_name (get_card (editor, 1).remove_button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (authors), ==, 1);
  g_assert_cmpstr (byline (editor), ==, "By Kwame Osei");
  g_signal_emit_by_name (get_card (editor, 0).remove_button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (authors), ==, 0);
  g_assert_cmpuint (count_cards (editor), ==, 0);
  g_assert_null (byline (editor));

  g_assert_finalize_object (editor);
}

static void
test_authors_follow_article (void)
{
  GtkWidget *editor = new_editor ();
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(CdArticle) other = cd_article_new ();
  g_autoptr(CdAuthor) ada = cd_author_new ("Ada Okafor");
  g_autoptr(CdAuthor) ben = cd_author_new ("Ben Ito");
  guint role_notified = 0;
  guint changed = 0;
  Card card;

  cd_authors_editor_set_article (CD_AUTHORS_EDITOR (editor), article);

  /* Changes made elsewhere show; an unchanged entry keeps its cursor. */
  card = get_card (editor, 1);
  gtk_editable_set_position (GTK_EDITABLE (card.name_row), 3);
  cd_author_set_name (get_author (article, 1), "Kwame Osei");
  g_signal_connect_swapped (get_author (article, 1), "notify::role",
                            G_CALLBACK (g_atomic_int_inc), &role_notified);
  g_signal_connect_swapped (article, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  cd_author_set_role (get_author (article, 1), "Editor");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (card.name_row)), ==, 3);
  g_assert_cmpstr (text (card.role_row), ==, "Editor");
  /* Showing it wrote nothing back: one change only. */
  g_assert_cmpuint (role_notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  cd_author_set_name (get_author (article, 1), "K. Osei");
  g_assert_cmpstr (text (card.name_row), ==, "K. Osei");

  cd_article_insert_author (article, 0, ada);
  g_assert_cmpuint (count_cards (editor), ==, 3);
  g_assert_cmpstr (text (get_card (editor, 0).name_row), ==, "Ada Okafor");
  g_assert_cmpstr (text (get_card (editor, 1).name_row), ==, "Helen Marsh");
  g_assert_cmpstr (text (get_card (editor, 2).name_row), ==, "K. Osei");
  cd_article_remove_author (article, 1);
  g_assert_cmpuint (count_cards (editor), ==, 2);
  g_assert_cmpstr (text (get_card (editor, 1).name_row), ==, "K. Osei");
  g_assert_cmpstr (byline (editor), ==, "By Ada Okafor and K. Osei");

  /* Another article: its authors, and the first one's are left alone. */
  cd_article_add_author (other, ben);
  cd_authors_editor_set_article (CD_AUTHORS_EDITOR (editor), other);
  g_assert_cmpuint (count_cards (editor), ==, 1);
  g_assert_cmpstr (text (get_card (editor, 0).name_row), ==, "Ben Ito");
  g_assert_cmpstr (byline (editor), ==, "By Ben Ito");
  cd_article_remove_author (article, 0);
  cd_author_set_name (ada, "Ignored");
  g_assert_cmpuint (count_cards (editor), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (get_card (editor, 0).name_row), "Ben Ito-Smith");
  g_assert_cmpstr (cd_author_get_name (ben), ==, "Ben Ito-Smith");

  g_assert_finalize_object (editor);
}

static GtkWidget *
focus_of (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in (GtkWindow *window,
          GtkWidget *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
press_tab (GtkWindow *window)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
}

static void
count_click_cb (GtkButton *button,
                gpointer   data)
{
  (*(guint *) data)++;
}

static gboolean
clicked_cb (gpointer data)
{
  return *(guint *) data > 0;
}

/* As Space on a focused button: it is clicked once its press is shown. Waits
 * for the click, then for the window to draw what it changed. */
static void
press_button (GtkWidget *button)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (button));
  guint clicks = 0;
  gulong id = g_signal_connect (button, "clicked", G_CALLBACK (count_click_cb), &clicks);

  /* The click may remove the button; hold it until it is disconnected. */
  g_object_ref (button);
  gtk_widget_activate (button);
  cd_ui_test_wait_for (clicked_cb, &clicks, CD_UI_TEST_TIMEOUT_MS, "the button to be clicked");
  g_signal_handler_disconnect (button, id);
  g_object_unref (button);
  cd_ui_test_flush ();
  cd_ui_test_wait_for_frames (window);
}

static void
test_authors_keyboard (void)
{
  GtkWidget *editor = cd_authors_editor_new ();
  g_autoptr(CdArticle) article = load_sample ();
  g_autofree char *path = NULL;
  GtkWindow *window;
  Card first, second, added;

  cd_authors_editor_set_article (CD_AUTHORS_EDITOR (editor), article);
  window = cd_ui_test_show (editor, 400, 500);
  first = get_card (editor, 0);
  second = get_card (editor, 1);

  cd_authors_editor_focus (CD_AUTHORS_EDITOR (editor));
  g_assert_true (focus_in (window, first.name_row));
  g_assert_true (cd_authors_editor_focus_author (CD_AUTHORS_EDITOR (editor), 1));
  g_assert_true (focus_in (window, second.name_row));
  g_assert_false (cd_authors_editor_focus_author (CD_AUTHORS_EDITOR (editor), 2));

  /* Tab goes name, role, remove, then the next author, then "Add Author":
   * from a name, Tab never lands on the remove button. */
  cd_authors_editor_focus (CD_AUTHORS_EDITOR (editor));
  press_tab (window);
  g_assert_true (focus_in (window, first.role_row));
  press_tab (window);
  g_assert_true (focus_of (window) == first.remove_button);
  press_tab (window);
  g_assert_true (focus_in (window, second.name_row));
  press_tab (window);
  g_assert_true (focus_in (window, second.role_row));
  press_tab (window);
  press_tab (window);
  g_assert_true (focus_of (window) == child (editor, "add_button"));

  /* Adding focuses the new name, ready to type. */
  press_button (child (editor, "add_button"));
  added = get_card (editor, 2);
  g_assert_true (focus_in (window, added.name_row));
  cd_ui_test_type_text (focus_of (window), "Ada Okafor");
  g_assert_cmpstr (cd_author_get_name (get_author (article, 2)), ==, "Ada Okafor");

  path = cd_ui_test_screenshot (editor, "authors-editor");
  g_test_message ("screenshot: %s", path);

  /* Removing keeps the keyboard nearby: on the next author, or on "Add
   * Author" after the last. */
  gtk_widget_grab_focus (first.remove_button);
  press_button (first.remove_button);
  g_assert_true (focus_in (window, get_card (editor, 0).name_row));
  g_assert_cmpstr (text (focus_of (window)), ==, "Kwame Osei");
  added = get_card (editor, 1);
  gtk_widget_grab_focus (added.remove_button);
  press_button (added.remove_button);
  g_assert_true (focus_of (window) == child (editor, "add_button"));

  /* No author: the focus goes to "Add Author". */
  press_button (get_card (editor, 0).remove_button);
  g_assert_cmpuint (count_cards (editor), ==, 0);
  gtk_widget_grab_focus (GTK_WIDGET (window));
  cd_authors_editor_focus (CD_AUTHORS_EDITOR (editor));
  g_assert_true (focus_of (window) == child (editor, "add_button"));

  gtk_window_destroy (window);
}

static void
test_authors_accessible (void)
{
  GtkWidget *editor = new_editor ();
  g_autoptr(CdArticle) article = load_sample ();
  char *failure;

  cd_authors_editor_set_article (CD_AUTHORS_EDITOR (editor), article);

  /* The icon-only remove button is named. */
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (get_card (editor, 0).remove_button),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove Author");
  g_assert_cmpstr (failure, ==, NULL);

  g_assert_finalize_object (editor);
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend keeps the names to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cd_ui_test_init (&argc, &argv);

  g_test_add_func ("/authors-editor/new", test_authors_new);
  g_test_add_func ("/authors-editor/show", test_authors_show);
  g_test_add_func ("/authors-editor/add-edit-remove", test_authors_add_edit_remove);
  g_test_add_func ("/authors-editor/follow-article", test_authors_follow_article);
  g_test_add_func ("/authors-editor/keyboard", test_authors_keyboard);
  g_test_add_func ("/authors-editor/accessible", test_authors_accessible);

  return g_test_run ();
}
