/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gstdio.h>

#include "cd-application.h"
#include "cd-editor.h"
#include "cd-metadata-form.h"
#include "cd-preferences-window.h"
#include "cd-preflight-button.h"
#include "cd-preview.h"
#include "cd-status-bar.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"

#define SAMPLE_ARTICLE CD_SOURCE_DATADIR "/sample/harbour-ferry.copydesk"

/* The application every test's windows belong to, registered on the test's
 * private session bus (run-ui-test.sh), and the temporary home that
 * XDG_DATA_HOME and XDG_CONFIG_HOME point into. */
static CdApplication *app;
static char *tmp_home;

/* Helpers */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_home, name, NULL);
}

/* Under the XDG_DATA_HOME that main () sets for the whole program, where
 * the application made before the tests keeps its recovery copies: each
 * test case has other user folders of its own. */
static GFile *
recovery_dir (void)
{
  return g_file_new_build_filename (tmp_home, "data", "copydesk", "recovery", NULL);
}

static guint
count_recovery_files (void)
{
  g_autoptr(GFile) dir = recovery_dir ();
  g_autoptr(GPtrArray) files = cd_document_list_recoveries (dir);

  return files != NULL ? files->len : 0;
}

static void
remove_recovery_files (void)
{
  g_autoptr(GFile) dir = recovery_dir ();
  g_autoptr(GPtrArray) files = cd_document_list_recoveries (dir);

  for (guint i = 0; files != NULL && i < files->len; i++)
    g_assert_true (g_file_delete (g_ptr_array_index (files, i), NULL, NULL));
  /* Their .origin companions, now without a copy. */
  cd_document_remove_stale_recovery_files (dir);
}

static CdWindow *
show_window (int width,
             int height)
{
  CdWindow *window = cd_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  cd_ui_test_wait_for_frames (GTK_WIDGET (window));
  return window;
}

/* Destroys @window without asking about unsaved work, and removes the
 * recovery copy it may leave behind, so that tests do not see each other's. */
static gboolean
window_gone_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
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
  cd_ui_test_wait_for (window_gone_cb, &window, CD_UI_TEST_TIMEOUT_MS,
                       "the destroyed window to be finalized");
  cd_document_discard_recovery (document);
  cd_ui_test_flush ();
}

static gboolean
document_saved_cb (gpointer data)
{
  CdDocument *document = cd_window_get_document (data);

  return !cd_document_get_modified (document) && !cd_document_get_busy (document);
}

typedef struct
{
  CdWindow   *window;
  const char *title;
} TitleWait;

static gboolean
title_is_cb (gpointer data)
{
  TitleWait *wait = data;

  return g_strcmp0 (gtk_window_get_title (GTK_WINDOW (wait->window)), wait->title) == 0;
}

static void
assert_title_becomes (CdWindow   *window,
                      const char *title)
{
  TitleWait wait = { window, title };

  if (!cd_ui_test_wait_until (title_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS))
    g_error ("window title is “%s”, expected “%s”",
             gtk_window_get_title (GTK_WINDOW (window)), title);
}

static gboolean
file_exists_cb (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

static gboolean
file_gone_cb (gpointer data)
{
  return !g_file_query_exists (data, NULL);
}

static gboolean
pointer_cleared_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
wait_for_sample (CdWindow *window)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE_ARTICLE);
  g_autoptr(CdArticle) expected = cd_article_load_from_file (file, NULL, NULL);

  g_assert_nonnull (expected);
  cd_window_open_file (window, file);
  assert_title_becomes (window, cd_article_get_headline (expected));
}

static gboolean
preview_rendered_cb (gpointer data)
{
  return cd_preview_get_generation (CD_PREVIEW (data)) > 0;
}

static AdwFlap *
get_flap (GtkWidget *child)
{
  return ADW_FLAP (gtk_widget_get_ancestor (gtk_widget_get_parent (child), ADW_TYPE_FLAP));
}

/* Tests */

/* Runs first: the application offers recovery copies once, when it is
 * activated the first time. */
static void
test_recovery_offered (void)
{
  g_autoptr(CdDocument) lost = cd_document_new (NULL);
  g_autoptr(GFile) dir = recovery_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) recovery_file = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  CdDocument *document;

  cd_article_set_headline (cd_document_get_article (lost), "Council approves the night ferry");
  g_assert_true (g_file_make_directory_with_parents (dir, NULL, &error));
  g_assert_no_error (error);
  cd_document_set_recovery_dir (lost, dir);
  g_assert_true (cd_document_write_recovery (lost, &error));
  g_assert_no_error (error);
  recovery_file = g_object_ref (cd_document_get_recovery_file (lost));
  g_assert_true (g_file_query_exists (recovery_file, NULL));

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CD_IS_WINDOW (window));

  dialog = cd_ui_test_wait_for_dialog (window, "Recover Unsaved Work?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Council approves the night ferry"));
  cd_ui_test_respond (dialog, "recover");

  /* The new, unused window takes the recovered article. */
  document = cd_window_get_document (CD_WINDOW (window));
  g_assert_cmpstr (cd_article_get_headline (cd_document_get_article (document)), ==,
                   "Council approves the night ferry");
  g_assert_true (cd_document_get_modified (document));
  assert_title_becomes (CD_WINDOW (window), "• Council approves the night ferry");

  /* Only at the first activation: a fixed wait, asserting that no offer
   * comes. */
  g_application_activate (G_APPLICATION (app));
  cd_ui_test_wait (200);
  g_assert_null (cd_ui_test_find_message_dialog (NULL, "Recover Unsaved Work?"));

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    destroy_window (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_false (g_file_query_exists (recovery_file, NULL));
}

static void
test_new_article (void)
{
  CdWindow *window = show_window (1280, 800);
  CdDocument *document = cd_window_get_document (window);
  GtkWidget *form = cd_ui_test_window_child (window, "form");
  GtkWidget *focus;

  g_assert_true (CD_IS_DOCUMENT (document));
  g_assert_null (cd_document_get_file (document));
  g_assert_false (cd_document_get_modified (document));
  g_assert_true (cd_window_is_unused (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Article");

  /* Every part shows the same article. */
  g_assert_true (cd_metadata_form_get_article (CD_METADATA_FORM (form)) ==
                 cd_document_get_article (document));
  g_assert_true (cd_editor_get_article (CD_EDITOR (cd_ui_test_window_child (window, "editor"))) ==
                 cd_document_get_article (document));
  g_assert_true (cd_preview_get_article (CD_PREVIEW (cd_ui_test_window_child (window, "preview"))) ==
                 cd_document_get_article (document));

  /* A new article opens with the focus in the headline: typing there names it. */
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, form));
  cd_ui_test_type_text (focus, "Ferry sails at last");

  assert_title_becomes (window, "• Ferry sails at last");
  g_assert_cmpstr (cd_article_get_headline (cd_document_get_article (document)), ==,
                   "Ferry sails at last");
  g_assert_true (cd_document_get_modified (document));
  g_assert_false (cd_window_is_unused (window));

  destroy_window (window);
}

static void
test_new_article_defaults (void)
{
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  CdWindow *window;
  CdArticle *article;
  CdAuthor *author;

  g_settings_set_string (settings, "author-name", "Ada Okafor");
  g_settings_set_string (settings, "author-role", "Transport correspondent");
  g_settings_set_string (settings, "default-language", "en-GB");
  g_settings_set_string (settings, "default-section", "Local");

  window = show_window (1280, 800);
  article = cd_document_get_article (cd_window_get_document (window));
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_authors (article)), ==, 1);
  author = g_list_model_get_item (cd_article_get_authors (article), 0);
  g_assert_cmpstr (cd_author_get_name (author), ==, "Ada Okafor");
  g_assert_cmpstr (cd_author_get_role (author), ==, "Transport correspondent");
  g_object_unref (author);
  g_assert_cmpstr (cd_article_get_language (article), ==, "en-GB");
  g_assert_cmpstr (cd_article_get_section (article), ==, "Local");

  /* Defaults are not edits. */
  g_assert_false (cd_document_get_modified (cd_window_get_document (window)));
  g_assert_true (cd_window_is_unused (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Article");

  destroy_window (window);
  g_settings_reset (settings, "author-name");
  g_settings_reset (settings, "author-role");
  g_settings_reset (settings, "default-language");
  g_settings_reset (settings, "default-section");
}

typedef struct
{
  const char *uri;
} RecentWait;

static gboolean
recent_menu_has_cb (gpointer data)
{
  RecentWait *wait = data;
  GMenuModel *menu = cd_application_get_recent_menu (app);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *target = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &target) &&
          g_strcmp0 (target, wait->uri) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_save (void)
{
  g_autofree char *path = tmp_path ("saved.copydesk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  RecentWait recent = { uri };
  CdWindow *window = show_window (1280, 800);
  CdDocument *document = cd_window_get_document (window);
  CdArticle *article = cd_document_get_article (document);

  cd_article_set_headline (article, "Harbour fares frozen");
  assert_title_becomes (window, "• Harbour fares frozen");

  /* Text typed in the body a moment ago is saved too (the window flushes
   * the editor before saving). */
  cd_ui_test_type_text (GTK_WIDGET (cd_editor_get_view (CD_EDITOR (cd_ui_test_window_child (window, "editor")))),
                        "Fares stay the same until spring.\n");

  /* Save without a file is Save As; the chooser is replaced by the hook. */
  cd_window_set_save_as_file (window, file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");

  g_assert_true (g_file_query_exists (file, NULL));
  saved = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (saved), ==, "Harbour fares frozen");
  g_assert_cmpstr (cd_article_get_body (saved), ==, "Fares stay the same until spring.\n");
  g_assert_true (g_file_equal (cd_document_get_file (document), file));
  assert_title_becomes (window, "Harbour fares frozen");

  /* A saved article is offered under Open Recent. */
  cd_ui_test_wait_for (recent_menu_has_cb, &recent, CD_UI_TEST_TIMEOUT_MS,
                       "the recent-files menu to list the file");

  /* Save again, with a file now, writes the same file. */
  cd_article_set_standfirst (article, "The council holds prices.");
  assert_title_becomes (window, "• Harbour fares frozen");
  cd_window_set_save_as_file (window, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");
  g_clear_object (&saved);
  saved = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_standfirst (saved), ==, "The council holds prices.");
  assert_title_becomes (window, "Harbour fares frozen");

  destroy_window (window);
}

/* A save that fails (here a folder stands where the file should go) says
 * why, and loses nothing: the text stays in the window, the article stays
 * modified, and the recovery copy holds it. */
static gboolean
recovery_written_cb (gpointer data)
{
  GFile *file = cd_document_get_recovery_file (data);

  return file != NULL && g_file_query_exists (file, NULL);
}

static void
test_save_error (void)
{
  g_autofree char *path = tmp_path ("in-the-way.copydesk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(CdArticle) recovered = NULL;
  g_autoptr(GError) error = NULL;
  CdWindow *window = show_window (1280, 800);
  CdDocument *document = cd_window_get_document (window);
  CdArticle *article = cd_document_get_article (document);
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  cd_article_set_headline (article, "Pier closed for repairs");
  cd_article_set_body (article, "The south pier closes on Monday.\n");
  assert_title_becomes (window, "• Pier closed for repairs");

  cd_window_set_save_as_file (window, file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Could Not Save the Article");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "in-the-way.copydesk"));
  cd_ui_test_respond (dialog, "close");

  g_assert_true (cd_document_get_modified (document));
  g_assert_cmpstr (cd_article_get_body (article), ==, "The south pier closes on Monday.\n");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  assert_title_becomes (window, "• Pier closed for repairs");

  /* The recovery copy has the text within seconds. */
  cd_ui_test_wait_for (recovery_written_cb, document, CD_UI_TEST_TIMEOUT_MS,
                       "the recovery copy to be written");
  recovery = g_object_ref (cd_document_get_recovery_file (document));
  recovered = cd_article_load_from_file (recovery, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (recovered), ==, "The south pier closes on Monday.\n");

  cd_window_set_save_as_file (window, NULL);
  destroy_window (window);
}

static void
test_open (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE_ARTICLE);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  CdWindow *window = show_window (1280, 800);
  CdPreview *preview = CD_PREVIEW (cd_ui_test_window_child (window, "preview"));
  CdDocument *document;
  CdArticle *article;
  CdStats *stats;

  wait_for_sample (window);

  document = cd_window_get_document (window);
  article = cd_document_get_article (document);
  g_assert_true (g_file_equal (cd_document_get_file (document), file));
  g_assert_false (cd_document_get_modified (document));
  g_assert_false (cd_window_is_unused (window));
  g_assert_cmpstr (cd_document_get_display_name (document), ==, "harbour-ferry.copydesk");

  g_assert_true (cd_metadata_form_get_article (CD_METADATA_FORM (cd_ui_test_window_child (window, "form"))) ==
                 article);
  g_assert_true (cd_editor_get_article (CD_EDITOR (cd_ui_test_window_child (window, "editor"))) == article);
  g_assert_true (cd_preview_get_article (preview) == article);

  /* The lead image is relative to the article's folder. */
  g_assert_nonnull (cd_preview_get_article_dir (preview));
  g_assert_true (g_file_equal (cd_preview_get_article_dir (preview), dir));

  /* Statistics and checks ran on the loaded article. */
  stats = cd_status_bar_get_stats (CD_STATUS_BAR (cd_ui_test_window_child (window, "status_bar")));
  g_assert_nonnull (stats);
  g_assert_cmpuint (cd_stats_get_words (stats), >, 100);
  g_assert_nonnull (cd_preflight_button_get_issues (CD_PREFLIGHT_BUTTON (cd_ui_test_window_child (window, "preflight_button"))));

  /* Opening a file that is already open shows its window. */
  cd_application_open_file (app, file);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  destroy_window (window);
}

static void
test_open_error (void)
{
  g_autofree char *path = tmp_path ("broken.copydesk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CdWindow *window = show_window (1280, 800);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  cd_window_open_file (window, file);

  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Could Not Open “broken.copydesk”");
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  cd_ui_test_respond (dialog, "close");

  /* The window keeps its new article and may still be reused. */
  g_assert_true (cd_window_is_unused (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Article");

  destroy_window (window);
}

static void
test_import (void)
{
  g_autofree char *path = tmp_path ("wire.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CdWindow *window = show_window (1280, 800);
  CdDocument *document;

  g_assert_true (g_file_set_contents (path,
    "{\"uri\": \"urn:example:ninjs:wire-1\", \"type\": \"text\", \"language\": \"en\","
    " \"headlines\": [{\"value\": \"Wire story arrives\"}],"
    " \"bodies\": [{\"role\": \"main\", \"contentType\": \"text/plain\","
    " \"value\": \"First paragraph.\"}]}", -1, NULL));

  /* A .json file is imported: a new article, unsaved, without a file. */
  cd_window_open_file (window, file);
  assert_title_becomes (window, "• Wire story arrives");
  document = cd_window_get_document (window);
  g_assert_null (cd_document_get_file (document));
  g_assert_true (cd_document_get_modified (document));

  destroy_window (window);
}

static void
test_close_unsaved (void)
{
  g_autoptr(GFile) recovery_file = NULL;
  AdwMessageDialog *dialog;
  CdWindow *window = show_window (1280, 800);
  CdDocument *document = cd_window_get_document (window);

  cd_article_set_headline (cd_document_get_article (document), "Unsaved lede");
  assert_title_becomes (window, "• Unsaved lede");
  cd_ui_test_wait_for (file_exists_cb, cd_document_get_recovery_file (document),
                       CD_UI_TEST_TIMEOUT_MS,
                       "the file to be written");
  recovery_file = g_object_ref (cd_document_get_recovery_file (document));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));

  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Unsaved lede”"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Cancel keeps the window. */
  cd_ui_test_respond (dialog, "cancel");
  g_assert_nonnull (window);

  /* Discard closes it and drops the recovery copy. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Save Changes?");
  cd_ui_test_respond (dialog, "discard");
  cd_ui_test_wait_for (pointer_cleared_cb, &window, CD_UI_TEST_TIMEOUT_MS, "the window to go");
  g_assert_false (g_file_query_exists (recovery_file, NULL));
}

static void
test_close_save (void)
{
  g_autofree char *path = tmp_path ("closed.copydesk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  CdWindow *window = show_window (1280, 800);

  cd_article_set_headline (cd_document_get_article (cd_window_get_document (window)),
                           "Saved on the way out");
  cd_window_set_save_as_file (window, file);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Save Changes?");
  cd_ui_test_respond (dialog, "save");

  cd_ui_test_wait_for (pointer_cleared_cb, &window, CD_UI_TEST_TIMEOUT_MS, "the window to go");
  g_assert_true (g_file_query_exists (file, NULL));
}

static void
test_recovery_copy (void)
{
  g_autofree char *path = tmp_path ("recovered.copydesk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = recovery_dir ();
  g_autoptr(GFile) recovery_file = NULL;
  g_autoptr(GFile) recovery_parent = NULL;
  g_autoptr(CdArticle) copy = NULL;
  CdWindow *window = show_window (1280, 800);
  CdDocument *document = cd_window_get_document (window);
  GtkWidget *view = GTK_WIDGET (cd_editor_get_view (CD_EDITOR (cd_ui_test_window_child (window, "editor"))));
  gint64 start;

  /* Earlier tests destroy windows with unsaved articles the way a crash
   * would, which leaves their recovery copies behind on purpose. */
  remove_recovery_files ();
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  /* Typing in the body: the copy is there within 3 s, in the recovery
   * folder under XDG_DATA_HOME, with the text. */
  gtk_widget_grab_focus (view);
  start = g_get_monotonic_time ();
  cd_ui_test_type_text (view, "The ferry left at dawn.");
  g_assert_nonnull (cd_document_get_recovery_file (document));
  cd_ui_test_wait_for (file_exists_cb, cd_document_get_recovery_file (document),
                       CD_UI_TEST_TIMEOUT_MS,
                       "the file to be written");
  g_test_message ("recovery copy after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  recovery_file = g_object_ref (cd_document_get_recovery_file (document));
  recovery_parent = g_file_get_parent (recovery_file);
  g_assert_true (g_file_equal (recovery_parent, dir));
  g_assert_true (cd_document_get_modified (document));

  copy = cd_article_load_from_file (recovery_file, NULL, NULL);
  g_assert_nonnull (copy);
  g_assert_nonnull (strstr (cd_article_get_body (copy), "The ferry left at dawn."));

  /* Saving removes it. */
  cd_window_set_save_as_file (window, file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");
  cd_ui_test_wait_for (file_gone_cb, recovery_file, CD_UI_TEST_TIMEOUT_MS,
                       "the file to be removed");
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  destroy_window (window);
}

static void
test_autosave (void)
{
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  g_autofree char *path = tmp_path ("autosaved.copydesk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) saved = NULL;
  CdWindow *window = show_window (1280, 800);
  CdDocument *document = cd_window_get_document (window);

  g_settings_set_boolean (settings, "autosave", TRUE);
  g_settings_set_uint (settings, "autosave-interval", 1);

  /* An article without a file is never saved by itself: a fixed wait past
   * the interval, asserting that no autosave comes. */
  cd_article_set_headline (cd_document_get_article (document), "Draft");
  cd_ui_test_wait (1500);
  g_assert_true (cd_document_get_modified (document));

  cd_window_set_save_as_file (window, file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");

  /* With a file, a change is saved after the interval. */
  cd_article_set_headline (cd_document_get_article (document), "Draft, autosaved");
  g_assert_true (cd_document_get_modified (document));
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");
  saved = cd_article_load_from_file (file, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (cd_article_get_headline (saved), ==, "Draft, autosaved");

  destroy_window (window);
  g_settings_reset (settings, "autosave");
  g_settings_reset (settings, "autosave-interval");
}

static gboolean
wide_layout_settled_cb (gpointer data)
{
  CdWindow *window = data;

  return gtk_widget_get_width (cd_ui_test_window_child (window, "preview")) >= 300 &&
         gtk_widget_get_width (cd_ui_test_window_child (window, "editor")) >= 300;
}

static gboolean
narrow_layout_settled_cb (gpointer data)
{
  CdWindow *window = data;

  return adw_flap_get_folded (get_flap (cd_ui_test_window_child (window, "preview"))) &&
         gtk_widget_get_width (cd_ui_test_window_child (window, "editor")) >= 300;
}

static void
test_panes (void)
{
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  CdWindow *window = show_window (1280, 800);
  AdwFlap *preview_flap = get_flap (cd_ui_test_window_child (window, "preview"));
  AdwFlap *details_flap = get_flap (cd_ui_test_window_child (window, "form"));

  g_assert_true (preview_flap != details_flap);

  /* Wide: the form, the editor and the preview side by side. */
  cd_ui_test_wait_for (wide_layout_settled_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "wide layout settled");
  g_assert_false (adw_flap_get_folded (details_flap));
  g_assert_false (adw_flap_get_folded (preview_flap));
  g_assert_true (adw_flap_get_reveal_flap (details_flap));
  g_assert_true (adw_flap_get_reveal_flap (preview_flap));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-preview", NULL);
  g_assert_false (adw_flap_get_reveal_flap (preview_flap));
  g_assert_false (g_settings_get_boolean (settings, "show-preview"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-preview", NULL);
  g_assert_true (adw_flap_get_reveal_flap (preview_flap));
  g_assert_true (g_settings_get_boolean (settings, "show-preview"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-details", NULL);
  g_assert_false (adw_flap_get_reveal_flap (details_flap));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-details", NULL);
  g_assert_true (adw_flap_get_reveal_flap (details_flap));

  /* The setting drives every window. */
  g_settings_set_boolean (settings, "show-preview", FALSE);
  g_assert_false (adw_flap_get_reveal_flap (preview_flap));
  g_settings_reset (settings, "show-preview");
  g_assert_true (adw_flap_get_reveal_flap (preview_flap));

  destroy_window (window);

  /* Narrow: the preview folds away and comes back over the editor when
   * asked, without changing the setting for wide windows. */
  window = show_window (800, 800);
  preview_flap = get_flap (cd_ui_test_window_child (window, "preview"));
  details_flap = get_flap (cd_ui_test_window_child (window, "form"));
  /* On a busy machine the first allocations and the fold come later. */
  cd_ui_test_wait_for (narrow_layout_settled_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "narrow layout settled");
  g_assert_true (adw_flap_get_folded (preview_flap));
  g_assert_false (adw_flap_get_reveal_flap (preview_flap));
  g_assert_false (adw_flap_get_folded (details_flap));
  g_assert_true (adw_flap_get_reveal_flap (details_flap));
  g_assert_cmpint (gtk_widget_get_width (cd_ui_test_window_child (window, "editor")), >=, 300);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-preview", NULL);
  g_assert_true (adw_flap_get_reveal_flap (preview_flap));
  g_assert_true (g_settings_get_boolean (settings, "show-preview"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-preview", NULL);
  g_assert_false (adw_flap_get_reveal_flap (preview_flap));
  g_assert_true (g_settings_get_boolean (settings, "show-preview"));

  destroy_window (window);
}

static void
test_preview_settings (void)
{
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  CdWindow *window = show_window (1280, 800);
  CdPreview *preview = CD_PREVIEW (cd_ui_test_window_child (window, "preview"));
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  g_settings_set_string (settings, "preview-width", "phone");
  g_assert_cmpint (cd_preview_get_device (preview), ==, CD_PREVIEW_DEVICE_PHONE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.preview-device", "s", "tablet");
  g_assert_cmpstr (g_settings_get_string (settings, "preview-width"), ==, "tablet");
  g_assert_cmpint (cd_preview_get_device (preview), ==, CD_PREVIEW_DEVICE_TABLET);

  g_settings_set_string (settings, "preview-theme", "dark");
  g_assert_cmpint (cd_preview_get_theme (preview), ==, CD_PAGE_THEME_DARK);
  g_settings_set_string (settings, "preview-theme", "system");
  g_assert_cmpint (cd_preview_get_theme (preview), ==, CD_PAGE_THEME_LIGHT);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (cd_preview_get_theme (preview), ==, CD_PAGE_THEME_DARK);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_true (cd_preview_get_remote_images (preview));
  g_settings_set_boolean (settings, "preview-remote-images", FALSE);
  g_assert_false (cd_preview_get_remote_images (preview));
  g_settings_set_boolean (settings, "preview-remote-images", TRUE);
  g_assert_true (cd_preview_get_remote_images (preview));

  destroy_window (window);
  g_settings_reset (settings, "preview-width");
  g_settings_reset (settings, "preview-theme");
  g_settings_reset (settings, "preview-remote-images");
}

typedef struct
{
  CdPreflightButton *button;
  guint              count;
} IssuesWait;

static guint
n_issues (CdPreflightButton *button)
{
  GListModel *issues = cd_preflight_button_get_issues (button);

  return issues != NULL ? g_list_model_get_n_items (issues) : 0;
}

static gboolean
issues_below_cb (gpointer data)
{
  IssuesWait *wait = data;

  return n_issues (wait->button) < wait->count;
}

static gboolean
focus_in_form_cb (gpointer data)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (data));

  return focus != NULL && gtk_widget_is_ancestor (focus, cd_ui_test_window_child (data, "form"));
}

static void
test_preflight (void)
{
  CdWindow *window = show_window (1280, 800);
  CdPreflightButton *button = CD_PREFLIGHT_BUTTON (cd_ui_test_window_child (window, "preflight_button"));
  AdwFlap *details_flap = get_flap (cd_ui_test_window_child (window, "form"));
  IssuesWait wait = { button, 0 };
  GtkWidget *focus;

  /* A new article lacks a headline, among other things. */
  g_assert_nonnull (cd_preflight_button_get_issues (button));
  wait.count = n_issues (button);
  g_assert_cmpuint (wait.count, >, 0);

  cd_ui_test_type_text (gtk_window_get_focus (GTK_WINDOW (window)), "Ferry timetable changes");
  cd_ui_test_wait_for (issues_below_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "fewer preflight issues");

  /* An issue leads to its field, showing the details when they are hidden. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-body", NULL);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, cd_ui_test_window_child (window, "editor")));

  adw_flap_set_reveal_flap (details_flap, FALSE);
  cd_ui_test_wait_for_transitions (GTK_WIDGET (details_flap));
  g_signal_emit_by_name (button, "field-activated", "headline");
  cd_ui_test_wait_for_boolean (details_flap, "reveal-flap", TRUE);
  cd_ui_test_wait_for (focus_in_form_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the focus to go to the headline in the details");
  g_assert_true (adw_flap_get_reveal_flap (details_flap));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, cd_ui_test_window_child (window, "form")));

  g_signal_emit_by_name (button, "field-activated", "body");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, cd_ui_test_window_child (window, "editor")));

  destroy_window (window);
}

static void
house_rules_notified_cb (GObject    *object,
                         GParamSpec *pspec,
                         gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_house_rules (void)
{
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  g_autofree char *path = tmp_path ("our-rules.json");
  g_autofree char *missing = tmp_path ("no-such-rules.json");
  guint notified = 0;
  gulong handler;

  g_assert_cmpint (cd_house_rules_get_limit (cd_application_get_house_rules (app), "headline.hard"),
                   ==, 110);
  handler = g_signal_connect (app, "notify::house-rules",
                              G_CALLBACK (house_rules_notified_cb), &notified);

  /* The key names a file: its rules apply at once. */
  g_assert_true (g_file_set_contents (path,
    "{\"format\": \"copydesk-house-rules\", \"version\": 1,"
    " \"limits\": {\"headline.soft\": 50, \"headline.hard\": 60}}", -1, NULL));
  g_settings_set_string (settings, "house-rules-file", path);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (cd_house_rules_get_limit (cd_application_get_house_rules (app), "headline.hard"),
                   ==, 60);

  /* A file that fails to load leaves the default rules in force. */
  g_settings_set_string (settings, "house-rules-file", missing);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (cd_house_rules_get_limit (cd_application_get_house_rules (app), "headline.hard"),
                   ==, 110);

  g_settings_reset (settings, "house-rules-file");
  g_signal_handler_disconnect (app, handler);
}

static gboolean
no_windows_cb (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
test_app_actions (void)
{
  static const char * const actions[] = {
    "new", "open", "import", "preferences", "about", "quit", "open-uri",
  };
  static const char * const accels[][2] = {
    { "app.new", "<Control>n" },
    { "app.open", "<Control>o" },
    { "app.import", "<Control><Shift>i" },
    { "app.preferences", "<Control>comma" },
    { "app.quit", "<Control>q" },
  };
  g_autoptr(GFile) expected_dir = recovery_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (app), actions[i]) != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  accels[i][0]);

      guint key, expected_key;
      GdkModifierType mods, expected_mods;

      g_assert_nonnull (set[0]);
      g_assert_true (gtk_accelerator_parse (set[0], &key, &mods));
      g_assert_true (gtk_accelerator_parse (accels[i][1], &expected_key, &expected_mods));
      g_assert_cmpuint (key, ==, expected_key);
      g_assert_cmpuint (mods, ==, expected_mods);
    }

  /* From the build tree, the icon comes from the source tree. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          APP_ID));

  /* Recovery copies go under XDG_DATA_HOME. */
  g_assert_true (g_file_equal (cd_application_get_recovery_dir (app), expected_dir));
  g_assert_true (g_str_has_prefix (g_file_peek_path (expected_dir), tmp_home));
}

static gboolean
one_window_cb (gpointer data)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) == 1;
}

static void
test_new_and_quit (void)
{
  GList *windows;

  /* New opens a window; Quit closes every window through its close logic. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  g_assert_true (CD_IS_WINDOW (windows->data));
  g_assert_true (cd_window_is_unused (windows->data));

  cd_article_set_headline (cd_document_get_article (cd_window_get_document (windows->data)),
                           "Still open");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  cd_ui_test_wait_for (one_window_cb, NULL, CD_UI_TEST_TIMEOUT_MS,
                       "Quit to close the unused window");

  /* The unused window went; the other asks first. */
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  cd_ui_test_respond (cd_ui_test_wait_for_dialog (windows->data, "Save Changes?"), "discard");
  cd_ui_test_wait_for (no_windows_cb, NULL, CD_UI_TEST_TIMEOUT_MS, "every window to close");
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Emits ::drop as GTK does when files are dropped on the window. */
static gboolean
drop_files (CdWindow   *window,
            const char *path,
            ...)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  g_autoptr(GSList) files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  va_list args;

  g_assert_nonnull (target);
  va_start (args, path);
  for (const char *p = path; p != NULL; p = va_arg (args, const char *))
    files = g_slist_append (files, g_file_new_for_path (p));
  va_end (args);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  return accepted;
}

static gboolean
n_windows_is_cb (gpointer data)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) ==
         GPOINTER_TO_UINT (data);
}

static void
test_drop (void)
{
  g_autoptr(CdArticle) sample = NULL;
  g_autoptr(GFile) sample_file = g_file_new_for_path (SAMPLE_ARTICLE);
  g_autofree char *copy_path = tmp_path ("dropped.copydesk");
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autofree char *text_path = tmp_path ("notes.txt");
  CdWindow *window = show_window (1280, 800);
  CdImage *image;

  sample = cd_article_load_from_file (sample_file, NULL, NULL);
  g_assert_nonnull (sample);
  g_assert_true (cd_article_save_to_file (sample, copy_file, NULL, NULL));

  /* An article dropped on an unused window opens there. */
  g_assert_true (drop_files (window, SAMPLE_ARTICLE, NULL));
  assert_title_becomes (window, cd_article_get_headline (sample));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* On a window in use, in a new window. */
  g_assert_true (drop_files (window, copy_path, NULL));
  cd_ui_test_wait_for (n_windows_is_cb, GUINT_TO_POINTER (2), CD_UI_TEST_TIMEOUT_MS,
                       "the number of windows");
  destroy_window (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (n_windows_is_cb (GUINT_TO_POINTER (1)));

  /* An image becomes the lead image of a new article. */
  destroy_window (window);
  window = show_window (1280, 800);
  g_assert_true (drop_files (window, CD_SOURCE_DATADIR "/sample/harbour-ferry.jpg", NULL));
  image = cd_article_get_image (cd_document_get_article (cd_window_get_document (window)));
  g_assert_true (cd_image_is_set (image));
  g_assert_nonnull (strstr (cd_image_get_source (image), "harbour-ferry.jpg"));

  /* Anything else is refused with a message, and changes nothing. */
  cd_image_clear (image);
  g_assert_true (g_file_set_contents (text_path, "Notes from the quay.\n", -1, NULL));
  drop_files (window, text_path, NULL);
  g_assert_false (cd_image_is_set (image));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  destroy_window (window);
}

/* Screenshots: look at them. */

/* Changes made to the article's file by other programs. */

/* Writes an article with @headline to @path as another program would, with
 * g_file_set_contents (), and returns the bytes written. */
static char *
write_article_behind_its_back (const char *path,
                               const char *headline)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length = 0;

  cd_article_set_headline (article, headline);
  cd_article_set_body (article, "Written by another program.\n");
  data = cd_article_to_data (article, &length);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return data;
}

static char *
headline_on_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (cd_article_get_headline (article));
}

/* A window with the article at @path (written first, with @headline) open. */
static CdWindow *
show_window_with_file (const char *path,
                       const char *headline)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CdWindow *window = show_window (1280, 800);

  g_free (write_article_behind_its_back (path, headline));
  cd_window_open_file (window, file);
  assert_title_becomes (window, headline);
  g_assert_false (cd_document_get_modified (cd_window_get_document (window)));
  return window;
}

typedef struct
{
  CdWindow            *window;
  CdDocumentDiskState  state;
} BarWait;

static gboolean
bar_state_is_cb (gpointer data)
{
  BarWait *wait = data;
  CdFileBar *bar = CD_FILE_BAR (cd_ui_test_window_child (wait->window, "file_bar"));

  return cd_window_get_file_bar_state (wait->window) == wait->state &&
         cd_file_bar_get_revealed (bar) == (wait->state != CD_DOCUMENT_DISK_UNCHANGED);
}

static void
assert_bar_becomes (CdWindow            *window,
                    CdDocumentDiskState  state)
{
  BarWait wait = { window, state };

  if (!cd_ui_test_wait_until (bar_state_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS))
    g_error ("the file bar's state is %d, expected %d",
             cd_window_get_file_bar_state (window), state);
}

typedef struct
{
  CdWindow   *window;
  const char *headline;
} HeadlineWait;

static gboolean
headline_is_cb (gpointer data)
{
  HeadlineWait *wait = data;
  CdArticle *article = cd_document_get_article (cd_window_get_document (wait->window));

  return g_strcmp0 (cd_article_get_headline (article), wait->headline) == 0;
}

static void
assert_headline_becomes (CdWindow   *window,
                         const char *headline)
{
  HeadlineWait wait = { window, headline };

  if (!cd_ui_test_wait_until (headline_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS))
    g_error ("the headline is “%s”, expected “%s”",
             cd_article_get_headline (cd_document_get_article (cd_window_get_document (window))),
             headline);
}

/* Clicks the file bar's button labelled @label, which must be showing. */
static void
click_bar_button (CdWindow   *window,
                  const char *label)
{
  GtkWidget *button = cd_ui_test_find_button (cd_ui_test_window_child (window, "file_bar"), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
edit_headline (CdWindow   *window,
               const char *headline)
{
  CdDocument *document = cd_window_get_document (window);

  cd_article_set_headline (cd_document_get_article (document), headline);
  g_assert_true (cd_document_get_modified (document));
}

static void
save_and_wait (CdWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_disk_reload_unmodified (void)
{
  g_autofree char *path = tmp_path ("disk-unmodified.copydesk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CdWindow *window = show_window_with_file (path, "Ferry timetable");
  CdDocument *before = cd_window_get_document (window);

  /* Nothing unsaved: the window takes the new version by itself. */
  g_free (write_article_behind_its_back (path, "Ferry timetable, revised"));
  assert_headline_becomes (window, "Ferry timetable, revised");
  g_assert_true (cd_window_get_document (window) != before);
  g_assert_false (cd_document_get_modified (cd_window_get_document (window)));
  g_assert_true (g_file_equal (cd_document_get_file (cd_window_get_document (window)), file));
  assert_title_becomes (window, "Ferry timetable, revised");
  g_assert_false (cd_file_bar_get_revealed (CD_FILE_BAR (cd_ui_test_window_child (window, "file_bar"))));

  /* And it goes on watching the file. */
  g_free (write_article_behind_its_back (path, "Ferry timetable, final"));
  assert_headline_becomes (window, "Ferry timetable, final");

  destroy_window (window);
}

static void
test_disk_changed_reload (void)
{
  g_autofree char *path = tmp_path ("disk-reload.copydesk");
  g_autofree char *expected = NULL;
  CdWindow *window = show_window_with_file (path, "Council meets");
  CdFileBar *bar = CD_FILE_BAR (cd_ui_test_window_child (window, "file_bar"));

  edit_headline (window, "Council meets, our version");
  g_free (write_article_behind_its_back (path, "Council meets, their version"));

  /* With unsaved changes the window asks. */
  assert_bar_becomes (window, CD_DOCUMENT_DISK_CHANGED);
  g_assert_cmpstr (cd_file_bar_get_message (bar), ==,
                   "“disk-reload.copydesk” was changed by another program.");
  g_assert_cmpstr (cd_article_get_headline (cd_document_get_article (cd_window_get_document (window))),
                   ==, "Council meets, our version");
  g_assert_false (gtk_widget_get_visible (cd_ui_test_find_button (GTK_WIDGET (bar), "_Save")));

  /* Once it has slid in. */
  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  {
    g_autofree char *png = cd_ui_test_screenshot (GTK_WIDGET (window), "window-file-bar");

    g_test_message ("screenshot: %s", png);
  }

  click_bar_button (window, "_Reload");
  assert_headline_becomes (window, "Council meets, their version");
  g_assert_false (cd_document_get_modified (cd_window_get_document (window)));
  assert_bar_becomes (window, CD_DOCUMENT_DISK_UNCHANGED);
  assert_title_becomes (window, "Council meets, their version");

  /* The file was not touched. */
  expected = headline_on_disk (path);
  g_assert_cmpstr (expected, ==, "Council meets, their version");

  destroy_window (window);
}

static void
test_disk_keep_mine (void)
{
  g_autofree char *path = tmp_path ("disk-keep.copydesk");
  g_autofree char *headline = NULL;
  CdWindow *window = show_window_with_file (path, "Budget vote");
  AdwMessageDialog *dialog;

  edit_headline (window, "Budget vote, ours");
  g_free (write_article_behind_its_back (path, "Budget vote, theirs"));
  assert_bar_becomes (window, CD_DOCUMENT_DISK_CHANGED);

  click_bar_button (window, "_Keep Mine");
  assert_bar_becomes (window, CD_DOCUMENT_DISK_UNCHANGED);
  g_assert_true (cd_document_get_modified (cd_window_get_document (window)));

  /* Save overwrites that version without asking. */
  save_and_wait (window);
  g_assert_null (cd_ui_test_find_message_dialog (GTK_WINDOW (window), "The File Changed on Disk"));
  headline = headline_on_disk (path);
  g_assert_cmpstr (headline, ==, "Budget vote, ours");

  /* Only that version: a later change is asked about again, by the bar and,
   * when the bar is left alone, by Save. First a fixed wait for the file
   * monitor's news of our own save, asserting that the bar does NOT come up
   * for it. */
  cd_ui_test_wait (500);
  assert_bar_becomes (window, CD_DOCUMENT_DISK_UNCHANGED);
  edit_headline (window, "Budget vote, ours again");
  g_free (write_article_behind_its_back (path, "Budget vote, theirs again"));
  assert_bar_becomes (window, CD_DOCUMENT_DISK_CHANGED);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "The File Changed on Disk");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“disk-keep.copydesk”"));
  cd_ui_test_respond (dialog, "overwrite");
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");
  g_clear_pointer (&headline, g_free);
  headline = headline_on_disk (path);
  g_assert_cmpstr (headline, ==, "Budget vote, ours again");
  /* The bar goes once the window sees its own version on disk. */
  assert_bar_becomes (window, CD_DOCUMENT_DISK_UNCHANGED);

  destroy_window (window);
}

static void
test_disk_conflict_dialog_reload (void)
{
  g_autofree char *path = tmp_path ("disk-dialog.copydesk");
  g_autofree char *headline = NULL;
  CdWindow *window = show_window_with_file (path, "Harbour strike");
  AdwMessageDialog *dialog;

  edit_headline (window, "Harbour strike, ours");
  g_free (write_article_behind_its_back (path, "Harbour strike, theirs"));

  /* Saved before the bar could say anything: the dialog asks instead. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "The File Changed on Disk");
  cd_ui_test_respond (dialog, "reload");
  assert_headline_becomes (window, "Harbour strike, theirs");
  g_assert_false (cd_document_get_modified (cd_window_get_document (window)));
  headline = headline_on_disk (path);
  g_assert_cmpstr (headline, ==, "Harbour strike, theirs");
  assert_bar_becomes (window, CD_DOCUMENT_DISK_UNCHANGED);

  destroy_window (window);
}

static void
test_disk_deleted (void)
{
  g_autofree char *path = tmp_path ("disk-deleted.copydesk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *headline = NULL;
  CdWindow *window = show_window_with_file (path, "Bridge closed");
  CdFileBar *bar = CD_FILE_BAR (cd_ui_test_window_child (window, "file_bar"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  assert_bar_becomes (window, CD_DOCUMENT_DISK_DELETED);
  g_assert_cmpstr (cd_file_bar_get_message (bar), ==,
                   "“disk-deleted.copydesk” was deleted or moved by another program.");
  g_assert_false (gtk_widget_get_visible (cd_ui_test_find_button (GTK_WIDGET (bar), "_Reload")));
  /* The article now exists only here: closing asks about it. */
  g_assert_true (cd_document_get_modified (cd_window_get_document (window)));
  g_assert_cmpstr (cd_article_get_headline (cd_document_get_article (cd_window_get_document (window))),
                   ==, "Bridge closed");

  click_bar_button (window, "_Save");
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");
  g_assert_true (g_file_query_exists (file, NULL));
  headline = headline_on_disk (path);
  g_assert_cmpstr (headline, ==, "Bridge closed");
  assert_bar_becomes (window, CD_DOCUMENT_DISK_UNCHANGED);

  /* Moved away is the same as deleted. */
  {
    g_autofree char *elsewhere = tmp_path ("disk-moved-away.copydesk");

    g_assert_cmpint (g_rename (path, elsewhere), ==, 0);
    assert_bar_becomes (window, CD_DOCUMENT_DISK_DELETED);
    g_unlink (elsewhere);
  }

  /* Dismissed, the bar goes and the article stays unsaved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "file-bar.dismiss", NULL));
  assert_bar_becomes (window, CD_DOCUMENT_DISK_UNCHANGED);
  g_assert_true (cd_document_get_modified (cd_window_get_document (window)));

  destroy_window (window);
}

static void
test_disk_own_saves (void)
{
  g_autofree char *path = tmp_path ("disk-own.copydesk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *headline = NULL;
  CdWindow *window = show_window (1280, 800);
  GtkWidget *bar = cd_ui_test_window_child (window, "file_bar");
  guint state_changes = 0;

  g_signal_connect (bar, "notify::state", G_CALLBACK (count_notify_cb), &state_changes);

  /* Save As starts watching the new file; saving again and again, also
   * quickly one after the other, never looks like another program. */
  edit_headline (window, "Own saves");
  cd_window_set_save_as_file (window, file);
  save_and_wait (window);
  cd_window_set_save_as_file (window, NULL);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *text = g_strdup_printf ("Own saves, take %d", i);

      edit_headline (window, text);
      save_and_wait (window);
      /* Pauses between saves, and a fixed wait after them for the file
       * monitor's late news: the test asserts that none of it shows the
       * bar. */
      if (i % 2 == 1)
        cd_ui_test_wait (400);
    }
  cd_ui_test_wait (1000);

  g_assert_cmpuint (state_changes, ==, 0);
  g_assert_false (cd_file_bar_get_revealed (CD_FILE_BAR (bar)));
  g_assert_false (cd_document_get_modified (cd_window_get_document (window)));
  headline = headline_on_disk (path);
  g_assert_cmpstr (headline, ==, "Own saves, take 3");

  /* The monitor is on the saved file: a change to it shows. */
  edit_headline (window, "Own saves, unsaved");
  g_free (write_article_behind_its_back (path, "Someone else's"));
  assert_bar_becomes (window, CD_DOCUMENT_DISK_CHANGED);

  g_signal_handlers_disconnect_by_data (bar, &state_changes);
  destroy_window (window);
}

static void
screenshot_sample (const char *name,
                   int         width,
                   int         height)
{
  g_autofree char *png = NULL;
  CdWindow *window = show_window (width, height);

  wait_for_sample (window);
  /* The preview renders in the background. */
  cd_ui_test_wait_for (preview_rendered_cb, cd_ui_test_window_child (window, "preview"), CD_UI_TEST_TIMEOUT_MS,
                       "the preview to show the sample");
  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  /* Without a compositor, the frame of client-side decorations takes a few
   * pixels of the size asked for. */
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 16);
  png = cd_ui_test_screenshot (GTK_WIDGET (window), name);
  g_test_message ("screenshot: %s", png);
  destroy_window (window);
}

static void
test_screenshot_full (void)
{
  screenshot_sample ("window-full", 1280, 800);
}

static void
test_screenshot_empty (void)
{
  g_autofree char *png = NULL;
  CdWindow *window = show_window (1280, 800);

  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  png = cd_ui_test_screenshot (GTK_WIDGET (window), "window-empty");
  g_test_message ("screenshot: %s", png);
  destroy_window (window);
}

static void
test_screenshot_narrow (void)
{
  screenshot_sample ("window-narrow", 800, 800);
}

static void
test_screenshot_dark (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot_sample ("window-dark", 1280, 800);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

static void
test_about (void)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Copydesk");
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);
}

static void
test_preferences (void)
{
  CdWindow *window = show_window (1280, 800);
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_toplevel (CD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  gtk_window_destroy (preferences);

  destroy_window (window);
}

/* Explicit saves, autosave and Discard. */

static char *
file_contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
enable_autosave (GSettings *settings)
{
  g_settings_set_boolean (settings, "autosave", TRUE);
  g_settings_set_uint (settings, "autosave-interval", 1);
}

static void
reset_autosave (GSettings *settings)
{
  g_settings_reset (settings, "autosave");
  g_settings_reset (settings, "autosave-interval");
}

typedef struct
{
  const char *path;
  const char *headline;
} DiskHeadlineWait;

static gboolean
headline_on_disk_is_cb (gpointer data)
{
  DiskHeadlineWait *wait = data;
  g_autofree char *headline = headline_on_disk (wait->path);

  return g_strcmp0 (headline, wait->headline) == 0;
}

/* While "Save Changes?" is open nothing is saved, and Discard leaves the
 * file as the user last saved it. */
static void
test_discard_while_asked (void)
{
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  g_autofree char *path = tmp_path ("discard-asked.copydesk");
  g_autofree char *original = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  CdWindow *window;

  enable_autosave (settings);
  window = show_window_with_file (path, "Ferry back");
  original = file_contents (path);

  edit_headline (window, "Ferry cancelled");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Save Changes?");

  /* Longer than the autosave interval and the recovery delay: a fixed wait,
   * asserting that neither writes the file while the question is open. */
  cd_ui_test_wait (2500);
  during = file_contents (path);
  g_assert_cmpstr (during, ==, original);

  cd_ui_test_respond (dialog, "discard");
  cd_ui_test_wait_for (pointer_cleared_cb, &window, CD_UI_TEST_TIMEOUT_MS, "the window to go");
  after = file_contents (path);
  g_assert_cmpstr (after, ==, original);
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  reset_autosave (settings);
}

/* After an autosave, closing still asks, and Discard puts back the bytes of
 * the user's last explicit save. */
static void
test_discard_after_autosave (void)
{
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  g_autofree char *path = tmp_path ("discard-autosaved.copydesk");
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  DiskHeadlineWait autosaved = { path, "Ferry cancelled" };
  AdwMessageDialog *dialog;
  CdWindow *window;

  enable_autosave (settings);
  window = show_window_with_file (path, "Ferry back");
  original = file_contents (path);

  edit_headline (window, "Ferry cancelled");
  cd_ui_test_wait_for (headline_on_disk_is_cb, &autosaved, CD_UI_TEST_TIMEOUT_MS,
                       "the headline in the file on disk");
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");
  g_assert_true (cd_document_get_autosaved (cd_window_get_document (window)));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "automatically"));
  cd_ui_test_respond (dialog, "discard");
  cd_ui_test_wait_for (pointer_cleared_cb, &window, CD_UI_TEST_TIMEOUT_MS, "the window to go");

  after = file_contents (path);
  g_assert_cmpstr (after, ==, original);

  reset_autosave (settings);
}

static void
test_revert_to_saved (void)
{
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  g_autofree char *path = tmp_path ("revert.copydesk");
  g_autofree char *saved = NULL;
  g_autofree char *after = NULL;
  DiskHeadlineWait autosaved = { path, "Ferry autosaved" };
  AdwMessageDialog *dialog;
  CdWindow *window;

  enable_autosave (settings);
  window = show_window_with_file (path, "Ferry back");
  g_assert_false (cd_document_can_revert (cd_window_get_document (window)));

  edit_headline (window, "Ferry saved");
  save_and_wait (window);
  saved = file_contents (path);

  edit_headline (window, "Ferry autosaved");
  cd_ui_test_wait_for (headline_on_disk_is_cb, &autosaved, CD_UI_TEST_TIMEOUT_MS,
                       "the headline in the file on disk");
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");

  /* Asked first; Cancel changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert", NULL);
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Revert to Saved?");
  cd_ui_test_respond (dialog, "cancel");
  g_assert_cmpstr (cd_article_get_headline (cd_document_get_article (cd_window_get_document (window))),
                   ==, "Ferry autosaved");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert", NULL);
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Revert to Saved?");
  cd_ui_test_respond (dialog, "revert");
  assert_headline_becomes (window, "Ferry saved");
  assert_title_becomes (window, "Ferry saved");
  after = file_contents (path);
  g_assert_cmpstr (after, ==, saved);
  g_assert_false (cd_document_get_has_unsaved_work (cd_window_get_document (window)));

  destroy_window (window);
  reset_autosave (settings);
}

/* Lead image paths. */

static void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static CdPreflightIssue *
image_file_issue (CdWindow *window)
{
  GListModel *issues =
    cd_preflight_button_get_issues (CD_PREFLIGHT_BUTTON (cd_ui_test_window_child (window, "preflight_button")));

  for (guint i = 0; issues != NULL && i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      if (g_strcmp0 (cd_preflight_issue_get_rule (issue), "image-file") == 0)
        return issue;
    }

  return NULL;
}

static gboolean
image_file_issue_cb (gpointer data)
{
  return image_file_issue (data) != NULL;
}

static gboolean
no_image_file_issue_cb (gpointer data)
{
  return image_file_issue (data) == NULL;
}

/* Save As into another folder copies the picture beside the new file; the
 * window's preflight looks for it there. */
static void
test_save_as_keeps_image (void)
{
  g_autofree char *old_photo = tmp_path ("image-old/photo.jpg");
  g_autofree char *old_path = tmp_path ("image-old/story.copydesk");
  g_autofree char *new_photo = tmp_path ("image-new/photo.jpg");
  g_autofree char *new_path = tmp_path ("image-new/story.copydesk");
  g_autofree char *copied = NULL;
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autofree char *data = NULL;
  CdWindow *window = show_window (1280, 800);
  CdPreflightIssue *issue;

  write_file (old_photo, "photo bytes");
  g_assert_cmpint (g_mkdir_with_parents (tmp_path ("image-new"), 0700), ==, 0);
  cd_article_set_headline (article, "Ferry with a picture");
  cd_image_set_source (cd_article_get_image (article), "photo.jpg");
  data = cd_article_to_data (article, NULL);
  write_file (old_path, data);

  cd_window_open_file (window, old_file);
  assert_title_becomes (window, "Ferry with a picture");
  cd_ui_test_wait_for (no_image_file_issue_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "no image file issue");

  cd_window_set_save_as_file (window, new_file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  cd_ui_test_wait_for (file_exists_cb, new_file, CD_UI_TEST_TIMEOUT_MS, "the file to be written");
  cd_ui_test_wait_for (document_saved_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the document to be saved");
  copied = file_contents (new_photo);
  g_assert_cmpstr (copied, ==, "photo bytes");
  g_assert_cmpstr (cd_image_get_source (cd_article_get_image (cd_document_get_article (cd_window_get_document (window)))),
                   ==, "photo.jpg");
  g_assert_null (image_file_issue (window));

  /* A picture that goes missing is an error naming its path. */
  g_assert_cmpint (g_remove (new_photo), ==, 0);
  edit_headline (window, "Ferry without its picture");
  cd_ui_test_wait_for (image_file_issue_cb, window, CD_UI_TEST_TIMEOUT_MS, "image file issue");
  issue = image_file_issue (window);
  g_assert_cmpint (cd_preflight_issue_get_severity (issue), ==, CD_SEVERITY_ERROR);
  g_assert_nonnull (strstr (cd_preflight_issue_get_message (issue), new_photo));

  destroy_window (window);
}

typedef struct
{
  CdWindow   *window;
  const char *source;
} SourceWait;

static gboolean
image_source_is_cb (gpointer data)
{
  SourceWait *wait = data;
  CdArticle *article = cd_document_get_article (cd_window_get_document (wait->window));

  return g_strcmp0 (cd_image_get_source (cd_article_get_image (article)), wait->source) == 0 &&
         document_saved_cb (wait->window);
}

/* A picture chosen from elsewhere before the first save is offered to be
 * copied beside the article. */
static void
test_image_copy_offer (void)
{
  g_autofree char *elsewhere = tmp_path ("pictures-elsewhere/boat.jpg");
  g_autofree char *path = tmp_path ("image-offer/story.copydesk");
  g_autofree char *copy = tmp_path ("image-offer/boat.jpg");
  g_autofree char *copied = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) saved = NULL;
  CdWindow *window = show_window (1280, 800);
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));
  SourceWait wait = { window, "boat.jpg" };
  AdwMessageDialog *dialog;

  write_file (elsewhere, "boat bytes");
  g_assert_cmpint (g_mkdir_with_parents (tmp_path ("image-offer"), 0700), ==, 0);
  cd_article_set_headline (article, "Boat in the harbour");
  cd_image_set_source (cd_article_get_image (article), elsewhere);

  cd_window_set_save_as_file (window, file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Copy the Lead Image?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), elsewhere));
  cd_ui_test_respond (dialog, "copy");

  cd_ui_test_wait_for (image_source_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "image source is");
  copied = file_contents (copy);
  g_assert_cmpstr (copied, ==, "boat bytes");
  saved = cd_article_load_from_file (file, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (cd_image_get_source (cd_article_get_image (saved)), ==, "boat.jpg");
  on_disk = file_contents (elsewhere);
  g_assert_cmpstr (on_disk, ==, "boat bytes");

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *cache_home = NULL;
  g_autoptr(GFile) home = NULL;
  int status;

  /* Before anything reads them: GLib caches the user directories. */
  tmp_home = g_dir_make_tmp ("copydesk-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp_home, "data", NULL);
  config_home = g_build_filename (tmp_home, "config", NULL);
  cache_home = g_build_filename (tmp_home, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  /* The application picks its recovery folder when first asked: now, in the
   * program's private home, not in the first test case's own folders. */
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  /* The application alone, before any window. */
  g_test_add_func ("/application/actions", test_app_actions);
  g_test_add_func ("/application/house-rules", test_house_rules);
  g_test_add_func ("/application/about", test_about);
  /* First to activate the application: recovery is offered then only. */
  g_test_add_func ("/application/recovery-offered", test_recovery_offered);
  g_test_add_func ("/application/new-and-quit", test_new_and_quit);
  g_test_add_func ("/application/preferences", test_preferences);

  g_test_add_func ("/window/new-article", test_new_article);
  g_test_add_func ("/window/new-article-defaults", test_new_article_defaults);
  g_test_add_func ("/window/save", test_save);
  g_test_add_func ("/window/save-error", test_save_error);
  g_test_add_func ("/window/open", test_open);
  g_test_add_func ("/window/open-error", test_open_error);
  g_test_add_func ("/window/import", test_import);
  g_test_add_func ("/window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/window/close-save", test_close_save);
  g_test_add_func ("/window/recovery-copy", test_recovery_copy);
  g_test_add_func ("/window/autosave", test_autosave);
  g_test_add_func ("/window/panes", test_panes);
  g_test_add_func ("/window/preview-settings", test_preview_settings);
  g_test_add_func ("/window/preflight", test_preflight);
  g_test_add_func ("/window/drop", test_drop);
  g_test_add_func ("/window/disk/reload-unmodified", test_disk_reload_unmodified);
  g_test_add_func ("/window/disk/changed-reload", test_disk_changed_reload);
  g_test_add_func ("/window/disk/keep-mine", test_disk_keep_mine);
  g_test_add_func ("/window/disk/conflict-dialog-reload", test_disk_conflict_dialog_reload);
  g_test_add_func ("/window/disk/deleted", test_disk_deleted);
  g_test_add_func ("/window/disk/own-saves", test_disk_own_saves);
  g_test_add_func ("/window/screenshot/full", test_screenshot_full);
  g_test_add_func ("/window/screenshot/empty", test_screenshot_empty);
  g_test_add_func ("/window/screenshot/narrow", test_screenshot_narrow);
  g_test_add_func ("/window/screenshot/dark", test_screenshot_dark);
  g_test_add_func ("/window/discard-while-asked", test_discard_while_asked);
  g_test_add_func ("/window/discard-after-autosave", test_discard_after_autosave);
  g_test_add_func ("/window/revert-to-saved", test_revert_to_saved);
  g_test_add_func ("/window/save-as-keeps-image", test_save_as_keeps_image);
  g_test_add_func ("/window/image-copy-offer", test_image_copy_offer);

  status = g_test_run ();

  g_clear_object (&app);
  home = g_file_new_for_path (tmp_home);
  cd_ui_test_remove_tree (home);
  g_free (tmp_home);
  return status;
}
