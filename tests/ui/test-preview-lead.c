/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <webkit/webkit.h>

#include "cd-application.h"
#include "cd-image-editor.h"
#include "cd-metadata-form.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"

/* The lead image of a new article, never saved, shows in the window's
 * preview as soon as it is chosen. */

static CdApplication *app;
static char *tmp_home;

static CdWindow *
show_new_article (void)
{
  CdWindow *window = cd_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
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

static WebKitWebView *
find_web_view (GtkWidget *widget)
{
  if (WEBKIT_IS_WEB_VIEW (widget))
    return WEBKIT_WEB_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      WebKitWebView *found = find_web_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  WebKitWebView *web_view;
  const char    *script;
  gboolean       pending;
  char          *result;
} JsWait;

static void
js_done_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JsWait *wait = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source_object),
                                                      result, NULL);
  g_clear_pointer (&wait->result, g_free);
  if (value != NULL)
    wait->result = jsc_value_to_string (value);
  wait->pending = FALSE;
}

/* Runs the script again until it says "true". */
static gboolean
js_true_cb (gpointer data)
{
  JsWait *wait = data;

  if (wait->pending)
    return FALSE;
  if (g_strcmp0 (wait->result, "true") == 0)
    return TRUE;
  wait->pending = TRUE;
  webkit_web_view_evaluate_javascript (wait->web_view, wait->script, -1, NULL, NULL, NULL,
                                       js_done_cb, wait);
  return FALSE;
}

static void
test_new_article_lead_image (void)
{
  CdWindow *window = show_new_article ();
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));
  GtkWidget *image_editor = cd_metadata_form_get_image_editor (window->form);
  g_autofree char *path = g_build_filename (CD_SOURCE_DATADIR, "sample", "harbour-ferry.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = cd_document_dup_article_dir (cd_window_get_document (window));
  g_autoptr(GError) error = NULL;
  JsWait wait = { NULL, NULL, FALSE, NULL };
  g_autofree char *other = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GFile) other_file = NULL;

  /* A new article has no folder. */
  g_assert_null (dir);
  g_assert_nonnull (image_editor);

  /* The preview is shown (the window is wide), and the image chosen. */
  adw_flap_set_reveal_flap (window->preview_flap, TRUE);
  g_assert_true (cd_image_editor_set_file (CD_IMAGE_EDITOR (image_editor), file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_get_source (cd_article_get_image (article)), ==, path);

  /* The page has the image, loaded: it reached the web view. */
  wait.web_view = find_web_view (GTK_WIDGET (window->preview));
  g_assert_nonnull (wait.web_view);
  wait.script = "(() => { const i = document.querySelector ('figure img, header img, img');"
                " return i != null && i.complete && i.naturalWidth > 0; }) ()";
  cd_ui_test_wait_for (js_true_cb, &wait, CD_UI_TEST_TIMEOUT_MS,
                       "the lead image to load in the preview");
  g_assert_cmpstr (wait.result, ==, "true");
  g_clear_pointer (&wait.result, g_free);
  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  g_free (cd_ui_test_screenshot (GTK_WIDGET (window), "preview-new-article-lead"));

  /* The page may load the lead image, and nothing else from this computer:
   * another image, by its path or by a path relative to no folder, stays
   * out. */
  other = g_build_filename (tmp_home, "other.jpg", NULL);
  other_file = g_file_new_for_path (other);
  g_assert_true (g_file_copy (file, other_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  body = g_strdup_printf ("![Other](%s)\n\n![Rel](other.jpg)\n\n![Up](../%s)\n", other,
                          other + 1);
  cd_article_set_body (article, body);
  wait.script = "(() => { const a = Array.from (document.querySelectorAll ('img'));"
                " const b = a.filter (i => i.alt == 'Other' || i.alt == 'Rel' || i.alt == 'Up');"
                " const lead = a.filter (i => b.indexOf (i) < 0);"
                " return document.body.textContent.length > 0 && b.every (i => i.complete)"
                " && lead.some (i => i.naturalWidth > 0); }) ()";
  cd_ui_test_wait_for (js_true_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the page with the body's images");
  g_clear_pointer (&wait.result, g_free);
  wait.script = "Array.from (document.querySelectorAll ('img'))"
                ".filter (i => (i.alt == 'Other' || i.alt == 'Rel' || i.alt == 'Up')"
                " && i.naturalWidth > 0).length == 0";
  cd_ui_test_wait_for (js_true_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the script's answer");
  g_assert_cmpstr (wait.result, ==, "true");
  g_clear_pointer (&wait.result, g_free);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_home = cd_ui_test_make_home ("preview-lead");

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/preview-lead/new-article", test_new_article_lead_image);

  status = g_test_run ();

  g_clear_object (&app);
  cd_ui_test_finish_home (tmp_home);
  return status;
}
