/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The live preview in a real WebKitWebView under Xvfb. What the web view
 * really loaded is read back with JavaScript (in the page's DOM), not taken
 * from the HTML string the widget handed over. */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <math.h>
#include <string.h>
#include <webkit/webkit.h>

#include "cd-preview.h"
#include "cd-ui-test-util.h"

#define TIMEOUT_MS 30000

/* ------------------------------------------------------------------------ */
/* Helpers */

static CdArticle *
load_sample (GFile **article_dir)
{
  const char *root = g_getenv ("CD_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CdArticle *article;

  g_assert_nonnull (root);
  path = g_build_filename (root, "data", "sample", "harbour-ferry.copydesk", NULL);
  file = g_file_new_for_path (path);
  article = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  if (article_dir != NULL)
    *article_dir = g_file_get_parent (file);
  return article;
}

static WebKitWebView *
find_web_view (GtkWidget *widget)
{
  if (WEBKIT_IS_WEB_VIEW (widget))
    return WEBKIT_WEB_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      WebKitWebView *found = find_web_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkToggleButton *
find_device_button (GtkWidget  *widget,
                    const char *device)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), device))
        return GTK_TOGGLE_BUTTON (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_device_button (child, device);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  gboolean  done;
  char     *result;
  GError   *error;
} JsCall;

static void
js_done_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JsCall *call = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source_object),
                                                      result, &call->error);
  if (value != NULL)
    call->result = jsc_value_to_string (value);
  call->done = TRUE;
}

static gboolean
js_call_done (gpointer data)
{
  return ((JsCall *) data)->done;
}

/* Runs @script in the page and returns its value as a string. */
static char *
run_js (WebKitWebView *web_view,
        const char    *script)
{
  JsCall call = { FALSE, NULL, NULL };

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL,
                                       js_done_cb, &call);
  cd_ui_test_wait_for (js_call_done, &call, TIMEOUT_MS, "the script's result");
  if (call.error != NULL)
    g_test_message ("script failed: %s", script);
  g_assert_no_error (call.error);
  return call.result;
}

typedef struct
{
  WebKitWebView *web_view;
  const char    *script;
  const char    *expected;
} JsWait;

static gboolean
js_is_cb (gpointer data)
{
  JsWait *wait = data;
  g_autofree char *value = run_js (wait->web_view, wait->script);

  return g_strcmp0 (value, wait->expected) == 0;
}

/* Waits until @script's value in the page is @expected. */
static void
wait_js (WebKitWebView *web_view,
         const char    *script,
         const char    *expected)
{
  JsWait wait = { web_view, script, expected };
  g_autofree char *what = g_strdup_printf ("“%s” to be %s in the page", script, expected);

  cd_ui_test_wait_for (js_is_cb, &wait, TIMEOUT_MS, what);
}

static gboolean
web_process_ready_cb (gpointer data)
{
  WebKitWebView *web_view = data;

  return webkit_web_view_get_is_web_process_responsive (web_view) &&
         !webkit_web_view_is_loading (web_view);
}

static double
run_js_number (WebKitWebView *web_view,
               const char    *script)
{
  g_autofree char *result = run_js (web_view, script);

  return g_ascii_strtod (result, NULL);
}

typedef struct
{
  CdPreview *preview;
  guint      generation;
} GenerationWait;

static gboolean
generation_passed (gpointer data)
{
  GenerationWait *wait = data;

  return cd_preview_get_generation (wait->preview) > wait->generation;
}

/* Waits until the preview has loaded a page after generation @after. */
static void
wait_generation_after (CdPreview *preview,
                       guint      after)
{
  GenerationWait wait = { preview, after };

  cd_ui_test_wait_for (generation_passed, &wait, TIMEOUT_MS, "the preview to load a new page");
}

/* Waits @ms and checks that no page was loaded meanwhile: a fixed wait, as
 * the test asserts that something does NOT happen. */
static void
assert_no_new_generation (CdPreview *preview,
                          guint      ms)
{
  guint before = cd_preview_get_generation (preview);

  cd_ui_test_wait (ms);
  g_assert_cmpuint (cd_preview_get_generation (preview), ==, before);
}

typedef struct
{
  GtkWindow     *window;
  CdPreview     *preview;
  WebKitWebView *web_view;
  CdArticle     *article;
  GFile         *article_dir;
} Fixture;

/* A preview of the sample article in a window, its first page loaded. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->article = load_sample (&fixture->article_dir);
  fixture->preview = CD_PREVIEW (cd_preview_new ());
  fixture->window = cd_ui_test_show (GTK_WIDGET (fixture->preview), 1000, 800);
  fixture->web_view = find_web_view (GTK_WIDGET (fixture->preview));
  g_assert_nonnull (fixture->web_view);

  cd_preview_set_theme (fixture->preview, CD_PAGE_THEME_LIGHT);
  cd_preview_set_article_dir (fixture->preview, fixture->article_dir);
  cd_preview_set_article (fixture->preview, fixture->article);
  wait_generation_after (fixture->preview, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->article);
  g_clear_object (&fixture->article_dir);
}

static char *
make_long_body (guint paragraphs)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < paragraphs; i++)
    {
      if (i % 10 == 0)
        g_string_append_printf (body, "## Part %u\n\n", i / 10 + 1);
      g_string_append_printf (body,
                              "Paragraph %u. The ferry crossed the harbour again, and the "
                              "council said the timetable would hold through the winter; "
                              "passengers on the quay said they had heard that before.\n\n",
                              i + 1);
    }
  return g_string_free (body, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Tests */

static void
test_preview_sample (Fixture       *fixture,
                     gconstpointer  data)
{
  CdArticle *article = fixture->article;
  g_autofree char *title = NULL;
  g_autofree char *h1 = NULL;
  g_autofree char *src = NULL;
  g_autofree char *file_uri = cd_page_dup_image_uri (article, fixture->article_dir);
  g_autofree char *image_path = g_filename_from_uri (file_uri, NULL, NULL);
  g_autofree char *expected_src = g_strconcat ("copydesk-local://", image_path, NULL);
  g_autofree char *dir_path = g_file_get_path (fixture->article_dir);
  g_autofree char *base_uri = g_strconcat ("copydesk-local://", dir_path, "/", NULL);

  g_assert_cmpuint (cd_preview_get_generation (fixture->preview), ==, 1);
  g_assert_true (cd_preview_get_article (fixture->preview) == article);
  g_assert_true (g_file_equal (cd_preview_get_article_dir (fixture->preview),
                               fixture->article_dir));
  g_assert_nonnull (strstr (cd_preview_get_html (fixture->preview), "<h1"));

  /* What WebKit shows: the title, the headline and the lead image, which
   * loaded from the article's folder through the preview's own scheme (no
   * file: URL is ever loaded). */
  title = run_js (fixture->web_view, "document.title");
  g_assert_cmpstr (title, ==, cd_article_get_headline (article));
  h1 = run_js (fixture->web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (h1, ==, cd_article_get_headline (article));
  src = run_js (fixture->web_view, "document.querySelector('figure img').src");
  g_assert_true (g_str_has_prefix (file_uri, "file://"));
  g_assert_cmpstr (src, ==, expected_src);
  g_assert_cmpfloat (run_js_number (fixture->web_view,
                                    "document.querySelector('figure img').naturalWidth"), >, 0);
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, base_uri);

  /* The page's colour scheme follows the theme property. */
  g_free (title);
  title = run_js (fixture->web_view, "document.documentElement.dataset.theme");
  g_assert_cmpstr (title, ==, "light");
}

static void
test_preview_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  guint generation = cd_preview_get_generation (fixture->preview);
  g_autofree char *h1 = NULL;
  g_autofree char *title = NULL;

  cd_article_set_headline (fixture->article, "Ferry service suspended after storm");
  wait_generation_after (fixture->preview, generation);
  g_assert_cmpuint (cd_preview_get_generation (fixture->preview), ==, generation + 1);

  h1 = run_js (fixture->web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (h1, ==, "Ferry service suspended after storm");
  title = run_js (fixture->web_view, "document.title");
  g_assert_cmpstr (title, ==, "Ferry service suspended after storm");
  g_assert_nonnull (strstr (cd_preview_get_html (fixture->preview),
                            "Ferry service suspended after storm"));

  /* An edit the page does not show loads nothing. */
  cd_article_set_editor_note (fixture->article, "Check the fares with the council");
  assert_no_new_generation (fixture->preview, 600);

  /* A refresh loads even an unchanged page. */
  generation = cd_preview_get_generation (fixture->preview);
  cd_preview_refresh (fixture->preview);
  wait_generation_after (fixture->preview, generation);
}

/* A preview that is not on screen (hidden, or folded away in a narrow
 * window) does not render on every edit; shown again, it renders the
 * latest article once. */
static void
test_preview_hidden (Fixture       *fixture,
                     gconstpointer  data)
{
  guint generation;
  g_autofree char *h1 = NULL;

  /* A load started before the preview was hidden may still finish. The
   * render thread's work cannot be observed from here, so this is a fixed
   * wait; it belongs to the assertion below that hidden, nothing more
   * loads. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->preview), FALSE);
  cd_ui_test_wait (800);
  generation = cd_preview_get_generation (fixture->preview);
  cd_article_set_headline (fixture->article, "Ferry timetable changes in spring");
  cd_article_set_headline (fixture->article, "Ferry timetable changes in summer");
  assert_no_new_generation (fixture->preview, 600);

  gtk_widget_set_visible (GTK_WIDGET (fixture->preview), TRUE);
  wait_generation_after (fixture->preview, generation);
  assert_no_new_generation (fixture->preview, 600);
  g_assert_cmpuint (cd_preview_get_generation (fixture->preview), ==, generation + 1);
  h1 = run_js (fixture->web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (h1, ==, "Ferry timetable changes in summer");
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

typedef struct
{
  WebKitWebView *web_view;
  CdPreview     *preview;
  const char    *expected;
} H1Wait;

static gboolean
h1_is (gpointer data)
{
  H1Wait *wait = data;
  g_autofree char *h1 = run_js (wait->web_view, "document.querySelector('h1').textContent");

  return g_strcmp0 (h1, wait->expected) == 0;
}

static void
test_preview_latest_wins (Fixture       *fixture,
                          gconstpointer  data)
{
  guint loads = 0, generations = 0;
  H1Wait wait = { fixture->web_view, fixture->preview, "Headline edit 20" };

  g_signal_connect (fixture->preview, "notify::html", G_CALLBACK (count_cb), &loads);
  g_signal_connect (fixture->preview, "notify::generation", G_CALLBACK (count_cb), &generations);

  /* 20 edits as fast as typing, with a pause now and then longer than the
   * debounce, so that renders start and loads are under way while the next
   * edits come in. */
  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Headline edit %u", i);

      cd_article_set_headline (fixture->article, headline);
      /* The pace of the edits is what this test is about, not a wait for
       * anything. */
      cd_ui_test_wait (i % 5 == 0 ? 170 : 20);
    }

  cd_ui_test_wait_for (h1_is, &wait, TIMEOUT_MS, "the page's headline");
  /* Nothing older arrives later (a fixed wait: it asserts an absence). */
  cd_ui_test_wait (500);
  g_assert_true (h1_is (&wait));
  g_assert_nonnull (strstr (cd_preview_get_html (fixture->preview), "Headline edit 20"));

  g_test_message ("20 edits: %u pages loaded, %u generations", loads, generations);
  g_assert_cmpuint (loads, >=, 1);
  g_assert_cmpuint (loads, <, 20);
  g_assert_cmpuint (generations, <=, loads);

  /* Renders started back to back: only the last one's page is loaded, the
   * others are dropped when they come back from their threads. */
  loads = 0;
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Burst %u", i);

      cd_article_set_headline (fixture->article, headline);
      cd_preview_refresh (fixture->preview);
    }
  wait.expected = "Burst 5";
  cd_ui_test_wait_for (h1_is, &wait, TIMEOUT_MS, "the page's headline");
  /* No second load comes (a fixed wait: it asserts an absence). */
  cd_ui_test_wait (500);
  g_assert_true (h1_is (&wait));
  g_assert_cmpuint (loads, ==, 1);

  g_signal_handlers_disconnect_by_func (fixture->preview, count_cb, &loads);
  g_signal_handlers_disconnect_by_func (fixture->preview, count_cb, &generations);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
width_is (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->widget) == wait->width;
}

static void
wait_width (GtkWidget *widget,
            int        width)
{
  WidthWait wait = { widget, width };

  cd_ui_test_wait_for (width_is, &wait, TIMEOUT_MS, "the web view's width");
}

static GtkWidget *
find_label_with (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The page of @device is laid out at @page_width CSS pixels, in a web view
 * @view_width pixels wide (zoomed out when that is less). */
static void
check_device (Fixture    *fixture,
              const char *device,
              int         page_width,
              int         view_width)
{
  GtkWidget *preview = GTK_WIDGET (fixture->preview);
  GtkToggleButton *button = find_device_button (preview, device);
  g_autofree char *inner_width = NULL;
  g_autofree char *client_width = NULL;
  g_autofree char *expected = NULL;

  g_assert_nonnull (button);
  wait_width (GTK_WIDGET (fixture->web_view), view_width);
  g_assert_true (gtk_toggle_button_get_active (button));
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (fixture->web_view),
                                  (double) view_width / page_width, 1e-6);

  /* The page itself lays out at that width. */
  expected = g_strdup_printf ("%d", page_width);
  wait_js (fixture->web_view, "window.innerWidth", expected);
  inner_width = run_js (fixture->web_view, "window.innerWidth");
  g_assert_cmpstr (inner_width, ==, expected);
  client_width = run_js (fixture->web_view, "document.documentElement.clientWidth");
  g_assert_cmpstr (client_width, ==, expected);
}

typedef struct
{
  GtkWidget  *preview;
  const char *expected;
} ScaleLabelWait;

static gboolean
scale_label_is_cb (gpointer data)
{
  ScaleLabelWait *wait = data;
  GtkWidget *label = find_label_with (wait->preview, wait->expected);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* The label beside the device buttons says @expected. */
static void
wait_scale_label (GtkWidget  *preview,
                  const char *expected)
{
  ScaleLabelWait wait = { preview, expected };

  cd_ui_test_wait_for (scale_label_is_cb, &wait, TIMEOUT_MS, expected);
}

static void screenshot (Fixture    *fixture,
                        const char *name);

static void
test_preview_devices (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *preview = GTK_WIDGET (fixture->preview);
  int full_width = gtk_widget_get_width (preview);

  /* The desktop's page is 1280 CSS pixels wide, zoomed out to the pane. */
  g_assert_cmpint (full_width, <, 1280);
  g_assert_cmpint (cd_preview_get_device (fixture->preview), ==, CD_PREVIEW_DEVICE_DESKTOP);
  check_device (fixture, "desktop", 1280, full_width);
  {
    g_autofree char *label = g_strdup_printf ("Desktop, 1280 px, %d%%",
                                              (int) (full_width * 100.0 / 1280 + 0.5));

    wait_scale_label (preview, label);
  }
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (find_device_button (preview, "desktop"))),
                   ==, "Desktop width");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (find_device_button (preview, "tablet"))),
                   ==, "Tablet width");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (find_device_button (preview, "phone"))),
                   ==, "Phone width");

  /* The property. */
  cd_preview_set_device (fixture->preview, CD_PREVIEW_DEVICE_TABLET);
  check_device (fixture, "tablet", 768, 768);
  wait_scale_label (preview, "Tablet, 768 px, 100%");

  /* The action, as the window's shortcuts use it. */
  g_assert_true (gtk_widget_activate_action (preview, "preview.device", "s", "phone"));
  g_assert_cmpint (cd_preview_get_device (fixture->preview), ==, CD_PREVIEW_DEVICE_PHONE);
  check_device (fixture, "phone", 390, 390);
  wait_scale_label (preview, "Phone, 390 px, 100%");
  g_assert_false (gtk_toggle_button_get_active (find_device_button (preview, "tablet")));

  /* A button, as the reader clicks it. */
  g_signal_emit_by_name (find_device_button (preview, "desktop"), "clicked");
  g_assert_cmpint (cd_preview_get_device (fixture->preview), ==, CD_PREVIEW_DEVICE_DESKTOP);
  check_device (fixture, "desktop", 1280, full_width);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (find_device_button (preview, "desktop"))),
                   ==, "Desktop width");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (find_device_button (preview, "tablet"))),
                   ==, "Tablet width");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (find_device_button (preview, "phone"))),
                   ==, "Phone width");

  /* A narrow pane zooms the tablet's page out: it stays 768 CSS pixels
   * wide in its frame (12 pixels of margin each side, a 10-pixel bezel). */
  cd_preview_set_device (fixture->preview, CD_PREVIEW_DEVICE_TABLET);
  gtk_window_set_default_size (fixture->window, 500, 800);
  wait_width (preview, 500);
  check_device (fixture, "tablet", 768, 500 - 2 * 12 - 2 * 10);
  wait_scale_label (preview, "Tablet, 768 px, 59%");

  /* And the phone's: still 390 CSS pixels. */
  gtk_window_set_default_size (fixture->window, 380, 800);
  cd_preview_set_device (fixture->preview, CD_PREVIEW_DEVICE_PHONE);
  wait_width (preview, 380);
  check_device (fixture, "phone", 390, 380 - 2 * 12 - 2 * 8);
  wait_scale_label (preview, "Phone, 390 px, 87%");
  screenshot (fixture, "preview-phone-zoomed");
  {
    int min_width;

    gtk_widget_measure (preview, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, >=, 360);
    g_assert_cmpint (min_width, <=, 400);
  }

  /* Switching devices loads nothing: the page reflows. */
  assert_no_new_generation (fixture->preview, 300);
}

/* Runs @script and returns its number, or NAN when it failed. */
static double
try_js_number (WebKitWebView *web_view,
               const char    *script)
{
  JsCall call = { FALSE, NULL, NULL };
  double number = NAN;

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL,
                                       js_done_cb, &call);
  cd_ui_test_wait_for (js_call_done, &call, TIMEOUT_MS, "the script's result");
  if (call.error == NULL)
    number = g_ascii_strtod (call.result, NULL);
  g_clear_error (&call.error);
  g_free (call.result);
  return number;
}

static void
count_crash_cb (WebKitWebView *web_view,
                int            reason,
                guint         *crashes)
{
  (*crashes)++;
}

/* Loads @body, scrolls half-way down, types at the end and reads the scroll
 * position back. */
static void
scroll_and_edit (Fixture    *fixture,
                 const char *body,
                 double     *range,
                 double     *before,
                 double     *after)
{
  g_autofree char *edited = g_strconcat (body, "One more line.", NULL);
  guint generation = cd_preview_get_generation (fixture->preview);

  cd_article_set_body (fixture->article, body);
  wait_generation_after (fixture->preview, generation);

  *range = try_js_number (fixture->web_view,
                          "document.documentElement.scrollHeight - window.innerHeight");
  *before = try_js_number (fixture->web_view,
                           "window.scrollTo (0, (document.documentElement.scrollHeight"
                           " - window.innerHeight) / 2); window.scrollY");

  /* One line typed at the end. */
  generation = cd_preview_get_generation (fixture->preview);
  cd_article_set_body (fixture->article, edited);
  wait_generation_after (fixture->preview, generation);
  g_assert_nonnull (strstr (cd_preview_get_html (fixture->preview), "One more line."));
  *after = try_js_number (fixture->web_view, "window.scrollY");
}

static void
test_preview_scroll_kept (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *body = make_long_body (120);
  guint generation;
  guint crashes = 0;
  double before, after, range;

  /* The web process crashed, rarely, right after loading the long page
   * (WebKitGTK 2.50 under Xvfb on a loaded machine); the preview then shows
   * the page again, at its top. Such a run says nothing about keeping the
   * position, so it is tried again. */
  g_signal_connect (fixture->web_view, "web-process-terminated",
                    G_CALLBACK (count_crash_cb), &crashes);
  for (guint attempt = 1; ; attempt++)
    {
      g_autofree char *attempt_body = g_strdup_printf ("%s\n\nAttempt %u.\n", body, attempt);
      guint crashes_before = crashes;

      scroll_and_edit (fixture, attempt_body, &range, &before, &after);
      if (crashes == crashes_before)
        break;
      g_test_message ("the web process ended during attempt %u; trying again", attempt);
      g_assert_cmpuint (attempt, <, 3);
      cd_ui_test_wait_for (web_process_ready_cb, fixture->web_view, TIMEOUT_MS,
                           "a new web process after the crash");
    }
  g_signal_handlers_disconnect_by_func (fixture->web_view, count_crash_cb, &crashes);

  g_test_message ("scrollY before %.0f, after %.0f (range %.0f)", before, after, range);
  g_assert_cmpfloat (range, >, 3000);
  g_assert_cmpfloat (before, >, 1000);
  g_assert_cmpfloat (fabs (after - before), <, 50);

  /* Another article starts at its top. */
  {
    g_autoptr(CdArticle) other = load_sample (NULL);

    generation = cd_preview_get_generation (fixture->preview);
    cd_preview_set_article (fixture->preview, other);
    wait_generation_after (fixture->preview, generation);
    g_assert_cmpfloat (run_js_number (fixture->web_view, "window.scrollY"), ==, 0);
    cd_preview_set_article (fixture->preview, fixture->article);
    wait_generation_after (fixture->preview, generation + 1);
  }
}

/* Defence in depth: even a page without our policy runs no script with the
 * preview's settings. */
static void
check_settings_block_scripts (WebKitWebView *preview_view)
{
  WebKitSettings *settings = webkit_web_view_get_settings (preview_view);
  GtkWidget *view;
  GtkWindow *window;
  g_autofree char *title = NULL;
  g_autofree char *marker = NULL;
  gboolean loaded = FALSE;

  g_assert_true (webkit_settings_get_enable_javascript (settings));
  g_assert_false (webkit_settings_get_enable_javascript_markup (settings));
  g_assert_false (webkit_settings_get_allow_file_access_from_file_urls (settings));
  g_assert_false (webkit_settings_get_allow_universal_access_from_file_urls (settings));
  g_assert_false (webkit_settings_get_enable_html5_local_storage (settings));
  g_assert_false (webkit_settings_get_enable_html5_database (settings));
  g_assert_false (webkit_settings_get_enable_page_cache (settings));
  g_assert_false (webkit_settings_get_enable_webgl (settings));
  g_assert_false (webkit_settings_get_javascript_can_open_windows_automatically (settings));
  g_assert_true (webkit_settings_get_media_playback_requires_user_gesture (settings));
  g_assert_true (webkit_network_session_is_ephemeral (webkit_web_view_get_network_session (preview_view)));
#ifdef CD_DEVELOPMENT_BUILD
  g_assert_true (webkit_settings_get_enable_developer_extras (settings));
#else
  g_assert_false (webkit_settings_get_enable_developer_extras (settings));
#endif

  view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "settings", settings,
                       "network-session", webkit_web_view_get_network_session (preview_view),
                       NULL);
  window = cd_ui_test_show (view, 400, 300);
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (view),
                             "<!DOCTYPE html><html><head><title>Safe</title></head><body>"
                             "<p id=p>text</p>"
                             "<script>document.title = 'pwned'</script>"
                             "<img src=x onerror=\"document.title = 'pwned'\">"
                             "<svg onload=\"document.title = 'pwned'\"></svg>"
                             "<iframe src=\"javascript:parent.document.title='pwned'\"></iframe>"
                             "</body></html>",
                             "about:blank");
  wait_js (WEBKIT_WEB_VIEW (view),
           "document.getElementById('p') ? document.readyState : 'none'", "complete");
  loaded = TRUE;
  g_assert_true (loaded);
  /* The page's scripts must NOT run: a fixed wait for any that would. */
  cd_ui_test_wait (200);
  title = run_js (WEBKIT_WEB_VIEW (view), "document.title");
  g_assert_cmpstr (title, ==, "Safe");
  marker = run_js (WEBKIT_WEB_VIEW (view), "typeof window.pwned");
  g_assert_cmpstr (marker, ==, "undefined");
  gtk_window_destroy (window);
}

static gboolean
ignore_link_cb (void)
{
  return TRUE;
}

static void
test_preview_hostile (Fixture       *fixture,
                      gconstpointer  data)
{
  guint generation = cd_preview_get_generation (fixture->preview);
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *handlers = NULL;
  g_autofree char *hrefs = NULL;
  g_autofree char *uri_before = g_strdup (webkit_web_view_get_uri (fixture->web_view));

  cd_article_set_headline (fixture->article, "Hostile </title><script>document.title='pwned'</script>");
  cd_article_set_body (fixture->article,
                       "Text <script>document.title = 'pwned'; window.pwned = 1;</script> more.\n\n"
                       "<img src=x onerror=\"document.title = 'pwned'\">\n\n"
                       "<a href=\"javascript:document.title='pwned'\">raw link</a>\n\n"
                       "A [markdown link](javascript:document.title='pwned') and "
                       "[another](JaVaScRiPt&colon;document.title='pwned').\n\n"
                       "<iframe src=\"https://example.org/\"></iframe>\n\n"
                       "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/\">\n");
  wait_generation_after (fixture->preview, generation);
  /* The article's scripts must NOT run: a fixed wait for any that would. */
  cd_ui_test_wait (300);

  title = run_js (fixture->web_view, "document.title");
  g_assert_cmpstr (title, ==, "Hostile </title><script>document.title='pwned'</script>");
  count = run_js (fixture->web_view,
                  "document.querySelectorAll('script, iframe, body meta, object, embed').length");
  g_assert_cmpstr (count, ==, "0");
  handlers = run_js (fixture->web_view,
                     "Array.from (document.querySelectorAll('*')).filter (e =>"
                     " Array.from (e.attributes).some (a => a.name.startsWith ('on'))).length");
  g_assert_cmpstr (handlers, ==, "0");
  hrefs = run_js (fixture->web_view,
                  "Array.from (document.querySelectorAll('a[href]')).filter (a =>"
                  " a.protocol == 'javascript:').length");
  g_assert_cmpstr (hrefs, ==, "0");

  /* Clicking every link runs nothing and goes nowhere. */
  g_signal_connect (fixture->preview, "activate-link", G_CALLBACK (ignore_link_cb), NULL);
  g_free (run_js (fixture->web_view,
                  "document.querySelectorAll('a').forEach (a => a.click()); 0"));
  /* Clicks must NOT run anything or navigate: a fixed wait for either. */
  cd_ui_test_wait (300);
  g_free (title);
  title = run_js (fixture->web_view, "document.title");
  g_assert_cmpstr (title, ==, "Hostile </title><script>document.title='pwned'</script>");
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, uri_before);
  g_free (count);
  count = run_js (fixture->web_view, "typeof window.pwned");
  g_assert_cmpstr (count, ==, "undefined");
  g_signal_handlers_disconnect_by_func (fixture->preview, ignore_link_cb, NULL);

  check_settings_block_scripts (fixture->web_view);
}

/* An article can name any path as an image: the preview shows only regular
 * files inside the article's folder (and the lead image the user chose), of
 * a bounded size; never a device, a FIFO, a file elsewhere or behind a link
 * out of the folder, and nothing through file: URLs. */
static void
test_preview_local_images (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("copydesk-preview-local-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (tmp, "story", NULL);
  g_autofree char *sample_dir = g_file_get_path (fixture->article_dir);
  g_autofree char *sample = g_build_filename (sample_dir, "harbour-ferry.jpg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *outside = g_build_filename (tmp, "outside.jpg", NULL);
  g_autofree char *lead = g_build_filename (tmp, "lead.jpg", NULL);
  g_autofree char *widths = NULL;
  g_autoptr(GFile) dir = NULL;
  gsize length;
  guint generation = cd_preview_get_generation (fixture->preview);
  int fd;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  path = g_build_filename (folder, "ok.jpg", NULL);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  g_assert_true (g_file_set_contents (outside, contents, (gssize) length, NULL));
  g_assert_true (g_file_set_contents (lead, contents, (gssize) length, NULL));
  g_free (path);
  path = g_build_filename (folder, "fifo.jpg", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_free (path);
  /* A JPEG's first bytes, then far more than an image may have. */
  path = g_build_filename (folder, "big.jpg", NULL);
  g_assert_true (g_file_set_contents (path, contents, 4096, NULL));
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 200 * 1024 * 1024), ==, 0);
  close (fd);
  g_free (path);
  path = g_build_filename (folder, "link.jpg", NULL);
  g_assert_cmpint (symlink (outside, path), ==, 0);

  dir = g_file_new_for_path (folder);
  cd_preview_set_article_dir (fixture->preview, dir);
  /* The lead image the user chose may lie elsewhere. */
  cd_image_set_source (cd_article_get_image (fixture->article), lead);
  cd_article_set_body (fixture->article,
                       "![ok](ok.jpg) ![zero](/dev/zero) ![random](/dev/urandom) "
                       "![passwd](/etc/passwd) ![fifo](fifo.jpg) ![big](big.jpg) "
                       "![link](link.jpg) ![out](../outside.jpg)\n\n"
                       "<img alt=\"raw\" src=\"file:///dev/zero\">\n");
  wait_generation_after (fixture->preview, generation);
  /* The page of the last edit (each change above renders), and the one
   * image that may load in it; the others must NOT load, which a fixed wait
   * gives the time to. */
  wait_js (fixture->web_view,
           "(() => { const ok = document.querySelector ('img[alt=ok]');"
           " return ok != null && ok.naturalWidth > 0; }) ()",
           "true");
  cd_ui_test_wait (500);

  widths = run_js (fixture->web_view,
                   "Array.from (document.querySelectorAll('article img, main img, img'))"
                   ".map (i => (i.alt || 'lead') + '=' + (i.naturalWidth > 0 ? 1 : 0)).join (' ')");
  g_test_message ("images: %s", widths);
  g_assert_nonnull (strstr (widths, "ok=1"));
  g_assert_null (strstr (widths, "zero=1"));
  g_assert_null (strstr (widths, "random=1"));
  g_assert_null (strstr (widths, "passwd=1"));
  g_assert_null (strstr (widths, "fifo=1"));
  g_assert_null (strstr (widths, "big=1"));
  g_assert_null (strstr (widths, "link=1"));
  g_assert_null (strstr (widths, "out=1"));
  g_assert_null (strstr (widths, "raw=1"));
  g_assert_cmpfloat (run_js_number (fixture->web_view,
                                    "document.querySelector('figure img').naturalWidth"), >, 0);

  cd_preview_set_article_dir (fixture->preview, fixture->article_dir);
  {
    g_autoptr(GFile) top = g_file_new_for_path (tmp);
    g_autoptr(GFile) story = g_file_new_for_path (folder);
    const char *names[] = { "ok.jpg", "fifo.jpg", "big.jpg", "link.jpg" };

    for (size_t i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(GFile) child = g_file_get_child (story, names[i]);
        g_file_delete (child, NULL, NULL);
      }
    g_file_delete (story, NULL, NULL);
    g_remove (outside);
    g_remove (lead);
    g_file_delete (top, NULL, NULL);
  }
}

/* A TCP server on the loopback interface that counts the connections it
 * gets and closes each at once: the preview must never reach some, and the
 * counts show what the web process tried to fetch. */
typedef struct
{
  GSocketService *service;
  guint16         port;
  guint           connections;
} CountingServer;

static gboolean
counting_server_incoming_cb (GSocketService    *service,
                             GSocketConnection *connection,
                             GObject           *source_object,
                             gpointer           user_data)
{
  CountingServer *server = user_data;

  server->connections++;
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
counting_server_start (CountingServer *server)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  server->connections = 0;
  server->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_assert_cmpuint (server->port, >, 0);
  g_signal_connect (server->service, "incoming",
                    G_CALLBACK (counting_server_incoming_cb), server);
  g_socket_service_start (server->service);
}

static void
counting_server_stop (CountingServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);
}

/* An article that asks for server H in every way a page could make a
 * request, and for one https image on server S. */
static char *
make_fetching_body (guint16 h,
                    guint16 s)
{
  return g_strdup_printf (
    "The harbourmaster closed the quay at noon.\n\n"
    "![x](http://127.0.0.1:%1$u/a.png)\n\n"
    "<img src=http://127.0.0.1:%1$u/b.png>\n\n"
    "<script src=http://127.0.0.1:%1$u/c.js></script>\n\n"
    "<link rel=stylesheet href=http://127.0.0.1:%1$u/d.css>\n\n"
    "<iframe src=http://127.0.0.1:%1$u/e></iframe>\n\n"
    "<video src=http://127.0.0.1:%1$u/v.webm poster=http://127.0.0.1:%1$u/p.png></video>\n\n"
    "<audio src=http://127.0.0.1:%1$u/s.ogg></audio>\n\n"
    "<object data=http://127.0.0.1:%1$u/o></object>\n\n"
    "<embed src=http://127.0.0.1:%1$u/m>\n\n"
    "<picture><source srcset=http://127.0.0.1:%1$u/set.png><img src=data:,></picture>\n\n"
    "<style>@import url(http://127.0.0.1:%1$u/f.css); body { background: url(http://127.0.0.1:%1$u/bg.png) }</style>\n\n"
    "<meta http-equiv=refresh content=\"0;url=http://127.0.0.1:%1$u/g\">\n\n"
    "<p style=\"background-image: url(http://127.0.0.1:%1$u/st.png)\">Styled paragraph.</p>\n\n"
    "<form action=http://127.0.0.1:%1$u/form><input type=image src=http://127.0.0.1:%1$u/i.png></form>\n\n"
    "<svg><image href=http://127.0.0.1:%1$u/svg.png /></svg>\n\n"
    "A [click](http://127.0.0.1:%1$u/h) and an autolink <http://127.0.0.1:%1$u/auto>.\n\n"
    "![ok](https://127.0.0.1:%2$u/ok.png)\n",
    h, s);
}

static void
wait_for_fetches (CdPreview *preview,
                  guint      generation)
{
  wait_generation_after (preview, generation);
  /* Late fetches: a stylesheet's import, a lazy image, a refresh. A fixed
   * wait: the tests assert that none of them happens. */
  cd_ui_test_wait (1500);
}

/* The web process fetches nothing over http, whatever the article asks for,
 * and fetches https images only while remote images are on. */
static void
test_preview_no_fetch (Fixture       *fixture,
                       gconstpointer  data)
{
  CountingServer h = { NULL, 0, 0 };
  CountingServer s = { NULL, 0, 0 };
  g_autofree char *body = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *text = NULL;
  g_autofree char *https_image = NULL;
  guint generation;
  guint notified = 0;

  counting_server_start (&h);
  counting_server_start (&s);
  lead = g_strdup_printf ("http://127.0.0.1:%u/lead.jpg", h.port);
  https_image = g_strdup_printf ("https://127.0.0.1:%u/ok.png", s.port);
  body = make_fetching_body (h.port, s.port);

  g_assert_true (cd_preview_get_remote_images (fixture->preview));
  g_signal_connect (fixture->preview, "notify::remote-images", G_CALLBACK (count_cb), &notified);

  /* Remote images on: only the https image is tried (and fails, the server
   * speaks no TLS). */
  generation = cd_preview_get_generation (fixture->preview);
  cd_image_set_source (cd_article_get_image (fixture->article), lead);
  cd_article_set_body (fixture->article, body);
  cd_preview_refresh (fixture->preview);
  wait_for_fetches (fixture->preview, generation);
  g_test_message ("remote images on: H %u, S %u connections", h.connections, s.connections);
  g_assert_cmpuint (h.connections, ==, 0);
  g_assert_cmpuint (s.connections, >=, 1);

  /* The http lead image is left out of the page altogether. */
  g_assert_null (strstr (cd_preview_get_html (fixture->preview), lead));
  g_assert_nonnull (strstr (cd_preview_get_html (fixture->preview), https_image));
  text = run_js (fixture->web_view, "document.body.innerText");
  g_assert_nonnull (strstr (text, "harbourmaster"));

  /* Off: the page is rendered again at once, and fetches nothing at all. */
  generation = cd_preview_get_generation (fixture->preview);
  cd_preview_set_remote_images (fixture->preview, FALSE);
  g_assert_false (cd_preview_get_remote_images (fixture->preview));
  g_assert_cmpuint (notified, ==, 1);
  cd_preview_set_remote_images (fixture->preview, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  h.connections = 0;
  s.connections = 0;
  wait_generation_after (fixture->preview, generation);

  generation = cd_preview_get_generation (fixture->preview);
  cd_preview_refresh (fixture->preview);
  wait_for_fetches (fixture->preview, generation);
  g_test_message ("remote images off: H %u, S %u connections", h.connections, s.connections);
  g_assert_cmpuint (h.connections, ==, 0);
  g_assert_cmpuint (s.connections, ==, 0);

  /* Still the article, the image blocked rather than missing. */
  g_assert_nonnull (strstr (cd_preview_get_html (fixture->preview), https_image));
  g_free (text);
  text = run_js (fixture->web_view, "document.body.innerText");
  g_assert_nonnull (strstr (text, "harbourmaster"));

  g_signal_handlers_disconnect_by_func (fixture->preview, count_cb, &notified);
  counting_server_stop (&h);
  counting_server_stop (&s);
}

static gboolean
record_link_cb (CdPreview  *preview,
                const char *uri,
                gpointer    user_data)
{
  GPtrArray *links = user_data;

  g_ptr_array_add (links, g_strdup (uri));
  return TRUE;
}

typedef struct
{
  GPtrArray *links;
  guint      count;
} LinkWait;

static gboolean
links_reached (gpointer data)
{
  LinkWait *wait = data;

  return wait->links->len >= wait->count;
}

static void
test_preview_links (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uri_before = NULL;
  g_autofree char *h1 = NULL;
  guint generation = cd_preview_get_generation (fixture->preview);
  LinkWait wait = { links, 1 };

  g_signal_connect (fixture->preview, "activate-link", G_CALLBACK (record_link_cb), links);

  cd_article_set_body (fixture->article,
                       "Write to [the desk](mailto:desk@example.com), read "
                       "[the timetable](https://example.org/timetable) or "
                       "[the notice](http://example.org/notice), "
                       "see [a file](file:///etc/passwd) and [a part](#part).\n");
  wait_generation_after (fixture->preview, generation);
  generation = cd_preview_get_generation (fixture->preview);
  uri_before = g_strdup (webkit_web_view_get_uri (fixture->web_view));

  g_free (run_js (fixture->web_view, "document.querySelector('a[href=\"https://example.org/timetable\"]').click(); 0"));
  cd_ui_test_wait_for (links_reached, &wait, TIMEOUT_MS, "the links to be opened");
  g_assert_cmpstr (g_ptr_array_index (links, 0), ==, "https://example.org/timetable");

  wait.count = 2;
  g_free (run_js (fixture->web_view, "document.querySelector('a[href=\"mailto:desk@example.com\"]').click(); 0"));
  cd_ui_test_wait_for (links_reached, &wait, TIMEOUT_MS, "the links to be opened");
  g_assert_cmpstr (g_ptr_array_index (links, 1), ==, "mailto:desk@example.com");

  wait.count = 3;
  g_free (run_js (fixture->web_view, "document.querySelector('a[href=\"http://example.org/notice\"]').click(); 0"));
  cd_ui_test_wait_for (links_reached, &wait, TIMEOUT_MS, "the links to be opened");
  g_assert_cmpstr (g_ptr_array_index (links, 2), ==, "http://example.org/notice");

  /* Other links neither open nor navigate; a new-window request opens the
   * link like a click. */
  g_free (run_js (fixture->web_view,
                  "document.querySelectorAll('a:not([href^=\"http\"]):not([href^=\"mailto\"])')"
                  ".forEach (a => a.click()); 0"));
  /* None of them may open: a fixed wait for a link that would. */
  cd_ui_test_wait (300);
  g_assert_cmpuint (links->len, ==, 3);

  wait.count = 4;
  g_free (run_js (fixture->web_view,
                  "var a = document.querySelector('a[href=\"https://example.org/timetable\"]');"
                  " a.target = '_blank'; a.click(); 0"));
  cd_ui_test_wait_for (links_reached, &wait, TIMEOUT_MS, "the links to be opened");
  g_assert_cmpstr (g_ptr_array_index (links, 3), ==, "https://example.org/timetable");

  /* The page stayed: a fixed wait for a navigation that must NOT come. */
  cd_ui_test_wait (300);
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, uri_before);
  g_assert_cmpuint (cd_preview_get_generation (fixture->preview), ==, generation);
  h1 = run_js (fixture->web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (h1, ==, cd_article_get_headline (fixture->article));
  g_assert_cmpuint (links->len, ==, 4);

  g_signal_handlers_disconnect_by_func (fixture->preview, record_link_cb, links);
}

static void
test_preview_context_menu (Fixture       *fixture,
                           gconstpointer  data)
{
  WebKitContextMenu *menu = webkit_context_menu_new ();
  WebKitContextMenuAction actions[] = {
    WEBKIT_CONTEXT_MENU_ACTION_GO_BACK,
    WEBKIT_CONTEXT_MENU_ACTION_GO_FORWARD,
    WEBKIT_CONTEXT_MENU_ACTION_RELOAD,
    WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION,
    WEBKIT_CONTEXT_MENU_ACTION_COPY,
    WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK,
    WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK_IN_NEW_WINDOW,
    WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_LINK_TO_DISK,
    WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD,
    WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION,
    WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL,
    WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION,
    WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT,
  };
  WebKitContextMenuAction kept[] = {
    WEBKIT_CONTEXT_MENU_ACTION_COPY,
    WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD,
    WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION,
    WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL,
  };
  gboolean handled = TRUE;
  GList *items;
  guint i = 0;

  for (i = 0; i < G_N_ELEMENTS (actions); i++)
    webkit_context_menu_append (menu, actions[i] == WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION
                                      ? webkit_context_menu_item_new_separator ()
                                      : webkit_context_menu_item_new_from_stock_action (actions[i]));

  g_signal_emit_by_name (fixture->web_view, "context-menu", menu, NULL, &handled);
  g_assert_false (handled);
  items = webkit_context_menu_get_items (menu);
  g_assert_cmpuint (g_list_length (items), ==, G_N_ELEMENTS (kept));
  i = 0;
  for (GList *l = items; l != NULL; l = l->next, i++)
    g_assert_cmpint (webkit_context_menu_item_get_stock_action (l->data), ==, kept[i]);
  g_object_unref (menu);

  /* Nothing left: no menu. */
  menu = webkit_context_menu_new ();
  webkit_context_menu_append (menu, webkit_context_menu_item_new_from_stock_action (WEBKIT_CONTEXT_MENU_ACTION_RELOAD));
  webkit_context_menu_append (menu, webkit_context_menu_item_new_separator ());
  webkit_context_menu_append (menu, webkit_context_menu_item_new_from_stock_action (WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT));
  handled = FALSE;
  g_signal_emit_by_name (fixture->web_view, "context-menu", menu, NULL, &handled);
  g_assert_true (handled);
  g_object_unref (menu);
}

/* A web process that died is replaced, and the page shown again. */
static void
test_preview_web_process_ended (Fixture       *fixture,
                                gconstpointer  data)
{
  guint generation = cd_preview_get_generation (fixture->preview);
  g_autofree char *h1 = NULL;

  webkit_web_view_terminate_web_process (fixture->web_view);
  wait_generation_after (fixture->preview, generation);
  h1 = run_js (fixture->web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (h1, ==, cd_article_get_headline (fixture->article));

  /* And the preview goes on following edits. */
  generation = cd_preview_get_generation (fixture->preview);
  cd_article_set_headline (fixture->article, "After the crash");
  wait_generation_after (fixture->preview, generation);
  g_free (h1);
  h1 = run_js (fixture->web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (h1, ==, "After the crash");
}

static void
test_preview_no_article (void)
{
  CdPreview *preview = CD_PREVIEW (cd_preview_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (preview), 600, 500);
  g_autoptr(CdArticle) article = load_sample (NULL);
  GtkWidget *stack;

  g_assert_null (cd_preview_get_article (preview));
  g_assert_null (cd_preview_get_html (preview));
  g_assert_cmpuint (cd_preview_get_generation (preview), ==, 0);
  stack = gtk_widget_get_parent (GTK_WIDGET (find_web_view (GTK_WIDGET (preview))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  /* Without a folder, the page's base is the root of the preview's local
   * scheme, whose handler then serves only the chosen lead image. */
  cd_preview_set_article (preview, article);
  wait_generation_after (preview, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "page");
  g_assert_cmpstr (webkit_web_view_get_uri (find_web_view (GTK_WIDGET (preview))), ==,
                   "copydesk-local:///");

  cd_preview_set_article (preview, NULL);
  g_assert_null (cd_preview_get_html (preview));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  /* The article no longer drives the preview. */
  cd_article_set_headline (article, "Not shown");
  assert_no_new_generation (preview, 400);

  gtk_window_destroy (window);
}

/* Disposing the preview while a render and a load are under way is safe. */
static void
test_preview_dispose_busy (void)
{
  for (int i = 0; i < 3; i++)
    {
      CdPreview *preview = CD_PREVIEW (cd_preview_new ());
      GtkWindow *window = cd_ui_test_show (GTK_WIDGET (preview), 600, 500);
      g_autoptr(CdArticle) article = load_sample (NULL);

      cd_preview_set_article (preview, article);
      /* Each round goes away at another moment of the render and load: the
       * pause is the test, not a wait for anything. */
      cd_ui_test_wait (i * 30);
      cd_article_set_headline (article, "Edited");
      g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
      gtk_window_destroy (window);
      cd_ui_test_wait_for (cd_ui_test_pointer_cleared_cb, &preview, TIMEOUT_MS,
                           "the busy preview to be finalized");
      cd_ui_test_flush ();
    }
}

/* Whether the image at @path has more than one colour in its middle band,
 * where the article's text is. */
static gboolean
png_has_content (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  g_autofree guchar *pixels = NULL;
  int width, height;
  gsize stride;

  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  for (int y = height / 4; y < height * 3 / 4; y++)
    for (int x = 0; x < width; x++)
      if (memcmp (pixels + y * stride + x * 4, pixels + (height / 4) * stride, 4) != 0)
        return TRUE;
  return FALSE;
}

/* Like cd_ui_test_screenshot(), but returns NULL instead of failing while
 * the window has nothing to draw yet (between a resize and its frame). */
static char *
try_screenshot (GtkWidget  *widget,
                const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  if (!png_has_content (file))
    return NULL;
  return g_steal_pointer (&file);
}

typedef struct
{
  GtkWidget  *window;
  const char *name;
  char       *path;
} ShotWait;

/* Takes the screenshot once the next frames are drawn; TRUE once it shows
 * something. */
static gboolean
screenshot_taken_cb (gpointer data)
{
  ShotWait *wait = data;

  cd_ui_test_wait_for_frames (wait->window);
  wait->path = try_screenshot (wait->window, wait->name);
  return wait->path != NULL;
}

/* WebKit's own snapshot of the page. When the web process has to start
 * again (the preview shows the page once more), a snapshot can fail or come
 * back blank until the page is back: take another until one shows it. */
typedef struct
{
  WebKitWebView *view;
  char          *path;
  gboolean       pending;
  gboolean       taken;
} PageShot;

static void
page_shot_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PageShot *shot = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source_object), result, &error);
  shot->pending = FALSE;
  if (texture == NULL)
    {
      g_test_message ("no snapshot of the page yet: %s", error->message);
      return;
    }
  g_assert_true (gdk_texture_save_to_png (texture, shot->path));
  shot->taken = png_has_content (shot->path);
}

static gboolean
page_shot_taken_cb (gpointer data)
{
  PageShot *shot = data;

  if (!shot->taken && !shot->pending)
    {
      shot->pending = TRUE;
      webkit_web_view_get_snapshot (shot->view, WEBKIT_SNAPSHOT_REGION_VISIBLE,
                                    WEBKIT_SNAPSHOT_OPTIONS_NONE, NULL, page_shot_cb, shot);
    }
  return shot->taken;
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  g_autofree char *page_name = g_strconcat (name, "-page", NULL);
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  PageShot page_shot = { NULL, NULL, FALSE, FALSE };
  ShotWait shot = { GTK_WIDGET (fixture->window), name, NULL };
  char *widget_path = NULL;

  /* The window as GTK draws it. WebKit's frame of a page comes a little
   * after the load finished, and after a resize; the lead image decodes
   * after the text shows. */
  wait_js (fixture->web_view,
           "Array.from (document.images).every (i => i.complete) && document.readyState",
           "complete");
  cd_ui_test_wait_for (screenshot_taken_cb, &shot, TIMEOUT_MS, "the window to draw the page");
  widget_path = g_steal_pointer (&shot.path);

  /* And the page as WebKit renders it (its visible part). */
  page_shot.view = fixture->web_view;
  page_shot.path = g_strdup_printf ("%s/screenshots/%s.png", builddir ? builddir : ".", page_name);
  cd_ui_test_wait_for (page_shot_taken_cb, &page_shot, TIMEOUT_MS, "WebKit's snapshot of the page");
  g_test_message ("screenshots: %s, %s", widget_path, page_shot.path);
  g_free (page_shot.path);
  g_free (widget_path);
}

static void
test_preview_screenshots (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  guint generation;

  screenshot (fixture, "preview-desktop-light");

  cd_preview_set_device (fixture->preview, CD_PREVIEW_DEVICE_PHONE);
  wait_width (GTK_WIDGET (fixture->web_view), 390);
  /* WebKit lays the page out again at the phone's width before it draws. */
  wait_js (fixture->web_view, "window.innerWidth", "390");
  screenshot (fixture, "preview-phone-light");

  /* Dark, as the window sets it: the app's style and the page's theme. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  generation = cd_preview_get_generation (fixture->preview);
  cd_preview_set_theme (fixture->preview, CD_PAGE_THEME_DARK);
  wait_generation_after (fixture->preview, generation);
  {
    g_autofree char *theme = run_js (fixture->web_view, "document.documentElement.dataset.theme");

    g_assert_cmpstr (theme, ==, "dark");
  }
  screenshot (fixture, "preview-phone-dark");

  cd_preview_set_device (fixture->preview, CD_PREVIEW_DEVICE_DESKTOP);
  wait_width (GTK_WIDGET (fixture->web_view), gtk_widget_get_width (GTK_WIDGET (fixture->preview)));
  screenshot (fixture, "preview-desktop-dark");

  cd_preview_set_device (fixture->preview, CD_PREVIEW_DEVICE_TABLET);
  wait_width (GTK_WIDGET (fixture->web_view), 768);
  screenshot (fixture, "preview-tablet-dark");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  /* No accessibility bus for WebKit's web process: GTK's is off in the tests
   * (GTK_A11Y=none), and otherwise WebKit starts the AT-SPI bus, whose
   * registry daemon writes to the test's stdout (TAP). */
  g_setenv ("WEBKIT_A11Y_BUS_ADDRESS", "", FALSE);
  cd_ui_test_init (&argc, &argv);

  /* The window's style sheet, as the application loads it: the device
   * frames' bezels are in it, and the layout makes room for them. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/copydesk/Copydesk/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) \
  g_test_add ("/preview/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("sample", test_preview_sample);
  ADD ("edit", test_preview_edit);
  ADD ("hidden", test_preview_hidden);
  ADD ("latest-wins", test_preview_latest_wins);
  ADD ("devices", test_preview_devices);
  ADD ("scroll-kept", test_preview_scroll_kept);
  ADD ("hostile", test_preview_hostile);
  ADD ("no-fetch", test_preview_no_fetch);
  ADD ("local-images", test_preview_local_images);
  ADD ("links", test_preview_links);
  ADD ("context-menu", test_preview_context_menu);
  ADD ("screenshots", test_preview_screenshots);
  ADD ("web-process-ended", test_preview_web_process_ended);
  g_test_add_func ("/preview/no-article", test_preview_no_article);
  g_test_add_func ("/preview/dispose-busy", test_preview_dispose_busy);

#undef ADD

  return g_test_run ();
}
