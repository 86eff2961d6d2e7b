/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cd-application.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"

/* Hostile input in the window: each case gets a message, never a hang or a
 * crash, and loses nothing. */

static CdApplication *app;
static char *tmp_home;

/* Under the XDG_DATA_HOME of the whole program (cd_ui_test_make_home ()),
 * where the application made before the tests keeps its recovery copies:
 * each test case has other user folders of its own. */
static GFile *
recovery_dir (void)
{
  return g_file_new_build_filename (tmp_home, "data", "copydesk", "recovery", NULL);
}

/* Runs first: the application offers recovery copies when it is first
 * activated. One copy cannot be read: it is named in the offer and kept. */
static void
test_unreadable_recovery (void)
{
  g_autoptr(CdDocument) lost = cd_document_new (NULL);
  g_autoptr(GFile) dir = recovery_dir ();
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken_path = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;

  cd_article_set_headline (cd_document_get_article (lost), "Council approves the night ferry");
  g_assert_true (g_file_make_directory_with_parents (dir, NULL, &error));
  g_assert_no_error (error);
  cd_document_set_recovery_dir (lost, dir);
  g_assert_true (cd_document_write_recovery (lost, &error));
  g_assert_no_error (error);

  broken = g_file_get_child (dir, "document-broken.copydesk");
  broken_path = g_file_get_path (broken);
  g_assert_true (g_file_set_contents (broken_path, "{\"format\": \"copydesk-article\", ", -1, NULL));

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CD_IS_WINDOW (window));

  dialog = cd_ui_test_wait_for_dialog (window, "Recover Unsaved Work?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Council approves"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), broken_path));
  cd_ui_test_respond (dialog, "discard");

  /* The copy that could not be read is still there. */
  g_assert_true (g_file_query_exists (broken, NULL));
  g_assert_true (g_file_delete (broken, NULL, NULL));

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    cd_ui_test_destroy_window (gtk_application_get_windows (GTK_APPLICATION (app))->data);
}

static CdWindow *
show_window (void)
{
  CdWindow *window = cd_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  return window;
}

typedef struct
{
  GtkWindow  *parent;
  const char *heading;
} DialogWait;

static gboolean
dialog_shown_cb (gpointer data)
{
  DialogWait *wait = data;

  return cd_ui_test_find_message_dialog (wait->parent, wait->heading) != NULL;
}

/* Opening a device or a FIFO with no writer says why at once, and the
 * window keeps its article. */
static void
test_open_special_files (void)
{
  g_autofree char *fifo_path = g_build_filename (tmp_home, "wire.copydesk", NULL);
  const char *paths[] = { "/dev/zero", "/dev/urandom", fifo_path };

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);

  for (size_t i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf ("Could Not Open “%s”", name);
      CdWindow *window = show_window ();
      CdArticle *article = cd_document_get_article (cd_window_get_document (window));
      DialogWait wait = { GTK_WINDOW (window), heading };
      AdwMessageDialog *dialog;

      cd_article_set_headline (article, "Kept while the open fails");
      cd_window_open_file (window, file);
      cd_ui_test_wait_for (dialog_shown_cb, &wait, CD_UI_TEST_TIMEOUT_MS, heading);
      dialog = cd_ui_test_find_message_dialog (GTK_WINDOW (window), heading);
      g_test_message ("%s: %s", paths[i], adw_message_dialog_get_body (dialog));
      g_assert_true (strlen (adw_message_dialog_get_body (dialog)) < 1000);
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_cmpstr (cd_article_get_headline (cd_document_get_article (cd_window_get_document (window))),
                       ==, "Kept while the open fails");

      cd_document_discard_recovery (cd_window_get_document (window));
      cd_ui_test_destroy_window (GTK_WINDOW (window));
    }

  g_remove (fifo_path);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static gboolean
count_positive_cb (gpointer data)
{
  return *(guint *) data > 0;
}

static gboolean
check_done_cb (gpointer data)
{
  return CD_WINDOW (data)->check_source == 0;
}

/* House rules nested far deeper than any parser stack allows, chosen in the
 * preferences: the window starts, says which rules apply, and checks. */
static void
test_deep_house_rules (void)
{
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  g_autofree char *path = g_build_filename (tmp_home, "deep-rules.json", NULL);
  GString *deep = g_string_new (NULL);
  CdWindow *window;
  guint rules_loaded = 0;

  for (int i = 0; i < 75000; i++)
    g_string_append_c (deep, '[');
  for (int i = 0; i < 75000; i++)
    g_string_append_c (deep, ']');
  g_assert_true (g_file_set_contents (path, deep->str, (gssize) deep->len, NULL));
  g_string_free (deep, TRUE);

  g_signal_connect (app, "notify::house-rules", G_CALLBACK (count_notify_cb), &rules_loaded);
  g_settings_set_string (settings, "house-rules-file", path);
  cd_ui_test_wait_for (count_positive_cb, &rules_loaded, CD_UI_TEST_TIMEOUT_MS,
                       "the application to load the chosen house rules");
  g_signal_handlers_disconnect_by_func (app, count_notify_cb, &rules_loaded);
  g_assert_nonnull (cd_application_get_house_rules (app));

  window = show_window ();
  cd_article_set_headline (cd_document_get_article (cd_window_get_document (window)), "Still checked");
  /* The window checks the article a moment after the change. */
  g_assert_cmpuint (window->check_source, !=, 0);
  cd_ui_test_wait_for (check_done_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the window's own check of the changed article");
  {
    g_autoptr(GListModel) issues = cd_window_check (window);

    g_assert_nonnull (issues);
  }

  g_settings_reset (settings, "house-rules-file");
  cd_document_discard_recovery (cd_window_get_document (window));
  cd_ui_test_destroy_window (GTK_WINDOW (window));
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_home = cd_ui_test_make_home ("hostile");

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  /* The application picks its recovery folder when first asked: now, in the
   * program's private home, not in the first test case's own folders. */
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* First to activate the application: recovery is offered then only. */
  g_test_add_func ("/hostile/unreadable-recovery", test_unreadable_recovery);
  g_test_add_func ("/hostile/open-special-files", test_open_special_files);
  g_test_add_func ("/hostile/deep-house-rules", test_deep_house_rules);

  status = g_test_run ();

  g_clear_object (&app);
  cd_ui_test_finish_home (tmp_home);
  return status;
}
