/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-application.h"
#include "cd-history-dialog.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"

/* The window's versions: recorded on save in the user's version store (in
 * the test's own XDG_DATA_HOME), listed and compared in the History view,
 * restored in one undo step, and offered for comparison when an article
 * comes back changed by someone else. */

static CdApplication *app;
static char *tmp_home;

#define ME "Jane Doe"

static CdArticle *
story (void)
{
  CdArticle *article = cd_article_new ();

  cd_article_set_headline (article, "Night ferry returns");
  cd_article_set_standfirst (article, "Crossings resume after three weeks in the yard.");
  cd_article_set_body (article, "The ferry left at dawn with forty passengers.\n\n"
                                "It was full by the second crossing.");
  return article;
}

static CdVersionStore *
store (void)
{
  g_autoptr(GError) error = NULL;
  CdVersionStore *version_store = cd_application_get_version_store (app, &error);

  g_assert_no_error (error);
  return version_store;
}

static guint
count_versions (const char *article_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = cd_version_store_list (store (), article_id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (versions);
}

typedef struct
{
  const char *article_id;
  guint       n;
} VersionWait;

static gboolean
has_versions_cb (gpointer data)
{
  VersionWait *wait = data;

  return count_versions (wait->article_id) == wait->n;
}

static void
wait_for_versions (const char *article_id,
                   guint       n)
{
  VersionWait wait = { article_id, n };

  cd_ui_test_wait_for (has_versions_cb, &wait, CD_UI_TEST_TIMEOUT_MS,
                       "the version store to hold the versions");
}

static gboolean
has_file_cb (gpointer data)
{
  CdDocument *document = cd_window_get_document (data);

  return document != NULL && cd_document_get_file (document) != NULL;
}

static gboolean
not_saving_cb (gpointer data)
{
  return !cd_window_is_saving (data);
}

static CdWindow *
open_window (GFile *file)
{
  CdWindow *window = cd_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  cd_window_open_file (window, file);
  cd_ui_test_wait_for (has_file_cb, window, CD_UI_TEST_TIMEOUT_MS, "the file to open");
  return window;
}

static void
save (CdWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  cd_ui_test_wait_for (not_saving_cb, window, CD_UI_TEST_TIMEOUT_MS, "the save to finish");
}

static GFile *
write_story (const char *name,
             CdArticle  *article)
{
  g_autofree char *path = g_build_filename (tmp_home, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_article_save_to_file (article, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static CdHistoryDialog *
show_history (CdWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL);
  g_assert_nonnull (window->history_dialog);
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window->history_dialog));
  return CD_HISTORY_DIALOG (window->history_dialog);
}

/* Saves with another headline and body: two versions, and the diff of the
 * older against the current text shows what changed. Restore brings the
 * older back; one undo, the newer. */
static void
test_saves_and_restore (void)
{
  g_autoptr(CdArticle) article = story ();
  g_autoptr(GFile) file = write_story ("saves.copydesk", article);
  g_autoptr(CdVersion) older = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autofree char *screenshot = NULL;
  CdWindow *window = open_window (file);
  CdArticle *current = cd_document_get_article (cd_window_get_document (window));
  CdHistoryDialog *dialog;
  GListModel *versions;

  id = g_strdup (cd_article_get_id (current));
  g_assert_cmpuint (count_versions (id), ==, 0);

  cd_article_set_planned_words (current, 400);
  save (window);
  wait_for_versions (id, 1);

  cd_article_set_headline (current, "Night ferry back after repairs");
  cd_article_set_body (current, "The ferry left at dawn with sixty passengers.\n\n"
                                "It was full by the second crossing.");
  save (window);
  wait_for_versions (id, 2);

  dialog = show_history (window);
  versions = cd_history_dialog_get_versions (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  older = g_list_model_get_item (versions, 1);
  g_assert_cmpstr (cd_version_get_author (older), ==, ME);
  g_assert_cmpstr (cd_version_get_headline (older), ==, "Night ferry returns");

  g_assert_true (cd_history_dialog_select_version (dialog, cd_version_get_id (older)));
  text = cd_history_dialog_dup_diff_text (dialog);
  g_assert_nonnull (strstr (text, "Headline"));
  g_assert_nonnull (strstr (text, "Body"));
  g_assert_true (cd_history_dialog_has_change (dialog, "forty", FALSE));
  g_assert_true (cd_history_dialog_has_change (dialog, "sixty", TRUE));
  g_assert_true (cd_history_dialog_has_change (dialog, "back after repairs", TRUE));
  g_assert_false (cd_history_dialog_has_change (dialog, "second crossing", TRUE));

  gtk_window_set_default_size (GTK_WINDOW (dialog), 1000, 640);
  cd_ui_test_wait_for_frames (GTK_WIDGET (dialog));
  screenshot = cd_ui_test_screenshot (GTK_WIDGET (dialog), "history");
  g_test_message ("History view: %s", screenshot);
  {
    AdwStyleManager *style = adw_style_manager_get_default ();
    g_autofree char *dark = NULL;

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    cd_ui_test_wait_for_frames (GTK_WIDGET (dialog));
    dark = cd_ui_test_screenshot (GTK_WIDGET (dialog), "history-dark");
    g_test_message ("History view, dark: %s", dark);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  }

  /* Restore the older version: the fields come back… */
  g_signal_emit_by_name (cd_ui_test_find_button (GTK_WIDGET (dialog), "_Restore This Version"),
                         "clicked");
  g_assert_cmpstr (cd_article_get_headline (current), ==, "Night ferry returns");
  g_assert_nonnull (strstr (cd_article_get_body (current), "forty passengers"));
  cd_ui_test_flush ();

  /* … and one undo brings back the newer. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (cd_article_get_headline (current), ==, "Night ferry back after repairs");
  g_assert_nonnull (strstr (cd_article_get_body (current), "sixty passengers"));

  /* Redo, and save: a third version, recorded for the restore. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (cd_article_get_headline (current), ==, "Night ferry returns");
  save (window);
  wait_for_versions (id, 3);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) list = cd_version_store_list (store (), id, &error);
    g_autoptr(CdVersion) newest = g_list_model_get_item (list, 0);

    g_assert_cmpint (cd_version_get_reason (newest), ==, CD_VERSION_REASON_RESTORE);
  }

  cd_ui_test_destroy_window (GTK_WINDOW (window));
}

static CdVersionReason
newest_reason (const char *article_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = cd_version_store_list (store (), article_id, &error);
  g_autoptr(CdVersion) newest = NULL;

  g_assert_no_error (error);
  newest = g_list_model_get_item (list, 0);
  g_assert_nonnull (newest);
  return cd_version_get_reason (newest);
}

/* A status change is recorded as such at the save that follows it, and an
 * ordinary edit after it as a save; an autosave records nothing. */
static void
test_status_change (void)
{
  g_autoptr(CdArticle) article = story ();
  g_autoptr(GFile) file = write_story ("status.copydesk", article);
  g_autofree char *id = g_strdup (cd_article_get_id (article));
  CdWindow *window = open_window (file);
  CdArticle *current = cd_document_get_article (cd_window_get_document (window));

  cd_article_set_status (current, CD_ARTICLE_STATUS_IN_REVIEW);
  save (window);
  wait_for_versions (id, 1);
  g_assert_cmpint (newest_reason (id), ==, CD_VERSION_REASON_STATUS);

  cd_article_set_section (current, "Transport");
  save (window);
  wait_for_versions (id, 2);
  g_assert_cmpint (newest_reason (id), ==, CD_VERSION_REASON_SAVE);

  /* Saving the same text again records nothing new. */
  save (window);
  cd_ui_test_wait (300);
  g_assert_cmpuint (count_versions (id), ==, 2);

  cd_ui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
offer_shown_cb (gpointer data)
{
  return cd_ui_test_find_button (data, "_Compare") != NULL;
}

/* The article opened again after someone else changed its file: the window
 * offers to compare with the version this user last recorded. */
static void
test_compare_offer (void)
{
  g_autoptr(CdArticle) article = story ();
  g_autoptr(GFile) file = write_story ("offer.copydesk", article);
  g_autoptr(CdArticle) theirs = NULL;
  g_autoptr(GFile) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (cd_article_get_id (article));
  g_autofree char *text = NULL;
  CdWindow *window = open_window (file);
  CdArticle *current = cd_document_get_article (cd_window_get_document (window));
  CdHistoryDialog *dialog;
  GtkWidget *button;

  /* Opened before this user recorded anything: no offer. */
  cd_ui_test_wait (300);
  g_assert_null (cd_ui_test_find_button (GTK_WIDGET (window), "_Compare"));

  cd_article_set_section (current, "Transport");
  save (window);
  wait_for_versions (id, 1);
  cd_ui_test_destroy_window (GTK_WINDOW (window));

  /* Opened unchanged: no offer either. */
  window = open_window (file);
  cd_ui_test_wait (300);
  g_assert_null (cd_ui_test_find_button (GTK_WIDGET (window), "_Compare"));
  cd_ui_test_destroy_window (GTK_WINDOW (window));

  /* A colleague edits the file: same article, another text. */
  theirs = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  cd_article_set_headline (theirs, "Ferry cancelled again");
  written = write_story ("offer.copydesk", theirs);

  window = open_window (file);
  cd_ui_test_wait_for (offer_shown_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the offer to compare with the last version");
  button = cd_ui_test_find_button (GTK_WIDGET (window), "_Compare");
  g_signal_emit_by_name (button, "clicked");
  g_assert_nonnull (window->history_dialog);
  dialog = CD_HISTORY_DIALOG (window->history_dialog);
  text = cd_history_dialog_dup_diff_text (dialog);
  g_assert_nonnull (strstr (text, "Headline"));
  g_assert_true (cd_history_dialog_has_change (dialog, "Night ferry returns", FALSE));
  g_assert_true (cd_history_dialog_has_change (dialog, "cancelled again", TRUE));

  cd_ui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_home = cd_ui_test_make_home ("history");

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_settings_set_string (cd_application_get_settings (app), "author-name", ME);

  g_test_add_func ("/history/saves-and-restore", test_saves_and_restore);
  g_test_add_func ("/history/status-change", test_status_change);
  g_test_add_func ("/history/compare-offer", test_compare_offer);

  status = g_test_run ();

  g_clear_object (&app);
  cd_ui_test_finish_home (tmp_home);
  return status;
}
