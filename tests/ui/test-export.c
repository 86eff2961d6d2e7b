/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Exporting from the window: the one-click export in the last-used format and
 * folder, the format menu, the question before exporting an article that is
 * not ready, and the shortcuts window. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cd-application.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"

#define SAMPLE_ARTICLE CD_SOURCE_DATADIR "/sample/harbour-ferry.copydesk"

static CdApplication *app;
static char *tmp_home;

static gboolean
title_is_headline_cb (gpointer data)
{
  CdWindow *window = data;
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));

  return g_strcmp0 (cd_article_get_headline (article), "") != 0;
}

/* A window showing the sample article, exporting to a fresh folder. */
static CdWindow *
open_sample (char **exports)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE_ARTICLE);
  GSettings *settings = cd_application_get_settings (app);
  CdWindow *window = cd_window_new (app);
  g_autofree char *folder = g_build_filename (tmp_home, "exports-XXXXXX", NULL);

  g_assert_nonnull (g_mkdtemp (folder));
  g_settings_set_string (settings, "last-export-folder", folder);
  g_settings_set_string (settings, "last-export-format", "ninjs");

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  cd_window_open_file (window, file);
  cd_ui_test_wait_for (title_is_headline_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the sample article to open");

  *exports = g_steal_pointer (&folder);
  return window;
}

static void
close_window (CdWindow *window)
{
  g_autoptr(CdDocument) document = g_object_ref (cd_window_get_document (window));

  /* The window writes its recovery copy when it goes: remove it after. */
  cd_ui_test_destroy_window (GTK_WINDOW (window));
  cd_document_discard_recovery (document);
}

static gboolean
file_exists_cb (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static char *
export_path (const char *folder,
             const char *name)
{
  return g_build_filename (folder, name, NULL);
}

/* What copydesk-cli would write for the same article with the lead image
 * bundled beside it. */
static GBytes *
expected_export (CdWindow   *window,
                 const char *format)
{
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));
  CdExportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  options.image_mode = CD_EXPORT_IMAGE_BUNDLE;
  options.article_dir = CD_SOURCE_DATADIR "/sample";
  bytes = cd_exporter_export (cd_exporters_lookup (format), article, &options, &error);
  g_assert_no_error (error);
  return bytes;
}

static void
assert_file_equals (const char *path,
                    GBytes     *expected)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_export_last_format (void)
{
  g_autofree char *exports = NULL;
  CdWindow *window = open_sample (&exports);
  g_autofree char *output = export_path (exports, "electric-harbour-ferry-enters-service-after-two-year-delay.ninjs.json");
  g_autofree char *image = export_path (exports, "harbour-ferry.jpg");
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  /* The sample is ready, so one click exports without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  cd_ui_test_wait_for_file (output, TRUE);

  expected = expected_export (window, "ninjs");
  assert_file_equals (output, expected);
  g_assert_true (g_file_test (image, G_FILE_TEST_IS_REGULAR));

  g_assert_true (json_parser_load_from_file (parser, output, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "standard"), "version"),
                   ==, "2.2");

  close_window (window);
}

static void
test_export_format_menu (void)
{
  g_autofree char *exports = NULL;
  CdWindow *window = open_sample (&exports);
  GSettings *settings = cd_application_get_settings (app);
  g_autoptr(GMenuModel) menu = cd_window_export_dup_menu ();
  GListModel *exporters = cd_exporters_get_all ();
  const char *slug = "electric-harbour-ferry-enters-service-after-two-year-delay";
  const char *formats[] = { "jsonld", "wordpress", "ans", "html", "copydesk" };
  const char *names[] = { ".jsonld", ".wordpress.json", ".ans.json", ".html", ".copydesk" };
  GMenuModel *section;

  /* One menu item per exporter, in the registry's order. */
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, g_list_model_get_n_items (exporters));
  g_object_unref (section);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat (slug, names[i], NULL);
      g_autofree char *output = export_path (exports, name);
      g_autoptr(GBytes) expected = expected_export (window, formats[i]);
      g_autofree char *last = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-format",
                                                 "s", formats[i]));
      if (!cd_ui_test_wait_until (file_exists_cb, output, CD_UI_TEST_TIMEOUT_MS))
        g_error ("exporting as %s wrote no %s", formats[i], output);
      assert_file_equals (output, expected);

      /* The format used becomes the one-click default. */
      last = g_settings_get_string (settings, "last-export-format");
      g_assert_cmpstr (last, ==, formats[i]);
    }

  close_window (window);
}

static void
test_export_not_ready (void)
{
  g_autofree char *exports = NULL;
  CdWindow *window = open_sample (&exports);
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));
  g_autofree char *output = export_path (exports, "electric-harbour-ferry-enters-service-after-two-year-delay.ninjs.json");
  AdwMessageDialog *dialog;

  /* A headline is required: the export now asks first. */
  cd_article_set_headline (article, "");
  cd_article_set_slug (article, "electric-harbour-ferry-enters-service-after-two-year-delay");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Export With Problems?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no headline"));
  cd_ui_test_respond (dialog, "cancel");
  /* Asserts that nothing is written after Cancel: a fixed wait, long enough
   * for an export that had wrongly started to reach the disk. */
  cd_ui_test_wait (300);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Export With Problems?");
  cd_ui_test_respond (dialog, "export");
  cd_ui_test_wait_for_file (output, TRUE);

  close_window (window);
}

static void
test_export_write_error (void)
{
  g_autofree char *exports = NULL;
  CdWindow *window = open_sample (&exports);
  const char *slug = "electric-harbour-ferry-enters-service-after-two-year-delay";
  g_autofree char *name = g_strconcat (slug, ".ninjs.json", NULL);
  g_autofree char *in_the_way = export_path (exports, name);
  AdwMessageDialog *dialog;

  /* A folder where the export should go: the write fails, and says so. */
  g_assert_cmpint (g_mkdir (in_the_way, 0755), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = cd_ui_test_wait_for_dialog (GTK_WINDOW (window), "Export Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), name));
  cd_ui_test_respond (dialog, "close");
  g_assert_true (g_file_test (in_the_way, G_FILE_TEST_IS_DIR));

  close_window (window);
}

static gboolean
shortcuts_shown_cb (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        {
          *(GtkWindow **) data = GTK_WINDOW (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

/* The shortcuts window comes from gtk/help-overlay.ui and lists the
 * export shortcuts the window installs. */
static void
test_shortcuts_window (void)
{
  g_autofree char *exports = NULL;
  CdWindow *window = open_sample (&exports);
  GtkWindow *shortcuts = NULL;
  g_autofree char *path = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  cd_ui_test_wait_for (shortcuts_shown_cb, &shortcuts, CD_UI_TEST_TIMEOUT_MS,
                       "the shortcuts window");
  path = cd_ui_test_screenshot (GTK_WIDGET (shortcuts), "shortcuts");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (shortcuts);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_home = cd_ui_test_make_home ("export");

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  /* The application picks its recovery folder when first asked: now, in the
   * program's private home, not in the first test case's own folders. */
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/export/last-format", test_export_last_format);
  g_test_add_func ("/export/format-menu", test_export_format_menu);
  g_test_add_func ("/export/not-ready", test_export_not_ready);
  g_test_add_func ("/export/write-error", test_export_write_error);
  g_test_add_func ("/export/shortcuts-window", test_shortcuts_window);

  status = g_test_run ();

  g_clear_object (&app);
  cd_ui_test_finish_home (tmp_home);
  return status;
}
