/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Live preview latency: from a keystroke (one character of the body changed
 * with cd_article_set_body) to the web view having finished loading the
 * re-rendered page (the preview's "generation" bumped), in a real window
 * under Xvfb. The time includes the preview's 150 ms debounce, the copy of
 * the article, the render in a worker thread, reading and restoring the
 * scroll position and WebKit's load of the page.
 *
 * A 10,000-word article against a 500-word one, the sample article's
 * metadata and lead image on both, scrolled half-way down. Prints min, median
 * and p95 in ms, and the time of cd_page_render alone; asserts nothing.
 *
 * Usage: bench-preview [ROUNDS]   (run it under tests/ui/run-ui-test.sh) */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <webkit/webkit.h>

#include "cd-preview.h"
#include "cd-ui-test-util.h"

#define TIMEOUT_MS 30000

/* The generator of bench-render.c. */
static char *
make_body (guint words)
{
  static const char * const vocabulary[] = {
    "harbour", "ferry", "council", "électrique", "passengers", "crossing", "minutes",
    "the", "a", "of", "and", "to", "in", "schedule", "delays", "battery", "quay",
    "said", "mayor", "Ørsted", "residents", "winter", "service", "fares", "route",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  guint32 seed = 12345;
  guint written = 0;

  while (written < words)
    {
      guint in_paragraph = 60 + written % 40;

      if (written % 600 == 0)
        g_string_append_printf (text, "## Section %u\n\n", written / 600 + 1);

      for (guint i = 0; i < in_paragraph && written < words; i++, written++)
        {
          seed = seed * 1103515245 + 12345;
          if (i > 0)
            g_string_append_c (text, ' ');
          if (i % 17 == 5)
            g_string_append_printf (text, "**%s**", vocabulary[(seed >> 16) % G_N_ELEMENTS (vocabulary)]);
          else if (i % 23 == 7)
            g_string_append_printf (text, "[%s](https://example.org/%u)",
                                    vocabulary[(seed >> 16) % G_N_ELEMENTS (vocabulary)], i);
          else
            g_string_append (text, vocabulary[(seed >> 16) % G_N_ELEMENTS (vocabulary)]);
        }
      g_string_append (text, ".\n\n");

      if (written % 1000 < 100)
        g_string_append (text, "> A quote from the quayside, said with feeling.\n\n- one\n- two\n- three\n\n");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  CdPreview *preview;
  guint      after;
  gint64     reached;   /* monotonic time of the notify, 0 until then */
} Wait;

static void
generation_cb (CdPreview  *preview,
               GParamSpec *pspec,
               Wait       *wait)
{
  if (wait->reached == 0 && cd_preview_get_generation (preview) > wait->after)
    wait->reached = g_get_monotonic_time ();
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until the preview passed its current generation;
 * returns the monotonic time it did, or 0 on timeout. */
static gint64
wait_next_generation (CdPreview *preview,
                      Wait      *wait)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (TIMEOUT_MS, timeout_cb, &timed_out);

  while (wait->reached == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return wait->reached;
}

static void
js_cb (GObject      *source_object,
       GAsyncResult *result,
       gpointer      user_data)
{
  JSCValue **value = user_data;

  *value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source_object),
                                                       result, NULL);
  if (*value == NULL)
    *value = (JSCValue *) GINT_TO_POINTER (1);
}

static JSCValue *
run_js (WebKitWebView *web_view,
        const char    *script)
{
  JSCValue *value = NULL;

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL, js_cb, &value);
  while (value == NULL)
    g_main_context_iteration (NULL, TRUE);
  return value == GINT_TO_POINTER (1) ? NULL : value;
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

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double min;
  double median;
  double p95;
} Stats;

static Stats
stats_of (double *samples,
          guint   n)
{
  Stats stats;

  qsort (samples, n, sizeof *samples, compare_doubles);
  stats.min = samples[0];
  stats.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
  /* Nearest rank. */
  stats.p95 = samples[MIN (n - 1, (guint) ceil (0.95 * n) - 1)];
  return stats;
}

/* The best of a few renders of @article as the preview does it. */
static double
time_render (CdArticle *article,
             GFile     *article_dir)
{
  double best = G_MAXDOUBLE;

  for (int i = 0; i < 10; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CdArticle) copy = cd_article_copy (article);
      g_autofree char *href = cd_page_dup_image_uri (copy, article_dir);
      CdPageOptions options = { href, CD_PAGE_THEME_LIGHT };
      g_autofree char *html = cd_page_render (copy, &options);

      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
}

static gboolean
measure (guint   words,
         guint   rounds,
         Stats  *result)
{
  const char *root = g_getenv ("CD_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root ? root : ".", "data", "sample",
                                            "harbour-ferry.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) article_dir = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_file (file, NULL, &error);
  g_autofree char *body = make_body (words);
  g_autofree double *samples = g_new (double, rounds);
  CdPreview *preview;
  GtkWindow *window;
  WebKitWebView *web_view;
  Wait wait = { NULL, 0, 0 };
  JSCValue *scrolled;
  size_t position;
  gulong handler;

  if (article == NULL)
    {
      g_printerr ("bench-preview: %s\n", error->message);
      return FALSE;
    }
  cd_article_set_body (article, body);

  preview = CD_PREVIEW (cd_preview_new ());
  window = cd_ui_test_show (GTK_WIDGET (preview), 1000, 800);
  web_view = find_web_view (GTK_WIDGET (preview));
  wait.preview = preview;
  handler = g_signal_connect (preview, "notify::generation", G_CALLBACK (generation_cb), &wait);

  cd_preview_set_theme (preview, CD_PAGE_THEME_LIGHT);
  cd_preview_set_article_dir (preview, article_dir);
  cd_preview_set_article (preview, article);
  if (wait_next_generation (preview, &wait) == 0)
    {
      g_printerr ("bench-preview: the first page never loaded\n");
      return FALSE;
    }

  /* Half-way down, as when editing the middle of a story. */
  scrolled = run_js (web_view,
                     "window.scrollTo (0, (document.documentElement.scrollHeight"
                     " - window.innerHeight) / 2); window.scrollY");
  g_clear_object (&scrolled);
  cd_ui_test_wait (200);

  /* A letter of a word of text (not of a link's URL, where a typo could
   * leave the page as it was) in the middle of the body, changed back and
   * forth. */
  position = strstr (body + strlen (body) / 2, " ferry ") - body + 2;

  for (guint r = 0; r < rounds; r++)
    {
      gint64 start;
      gint64 end;

      body[position] = body[position] == 'x' ? 'y' : 'x';
      wait.after = cd_preview_get_generation (preview);
      wait.reached = 0;

      start = g_get_monotonic_time ();
      cd_article_set_body (article, body);
      end = wait_next_generation (preview, &wait);
      if (end == 0)
        {
          g_printerr ("bench-preview: round %u never loaded\n", r);
          return FALSE;
        }
      samples[r] = (end - start) / 1000.0;

      /* Let the page settle (the scroll restore, the paint) as between two
       * bursts of typing. */
      cd_ui_test_wait (100);
    }

  *result = stats_of (samples, rounds);
  g_print ("%6u words (%7zu bytes of Markdown, %8zu bytes of HTML): "
           "min %7.1f  median %7.1f  p95 %7.1f ms   (cd_page_render alone: %.1f ms)\n",
           words, strlen (body), strlen (cd_preview_get_html (preview)),
           result->min, result->median, result->p95,
           time_render (article, article_dir));

  g_signal_handler_disconnect (preview, handler);
  gtk_window_destroy (window);
  cd_ui_test_wait (200);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = 30;
  Stats small, large;

  /* The bench takes its own argument, not GTest's. */
  if (argc > 1)
    rounds = MAX (1, (guint) g_ascii_strtoull (argv[1], NULL, 10));
  argc = 1;
  /* No accessibility bus for WebKit's web process: GTK's is off in the tests
   * (GTK_A11Y=none), and otherwise WebKit starts the AT-SPI bus, whose
   * registry daemon writes to the test's stdout (TAP). */
  g_setenv ("WEBKIT_A11Y_BUS_ADDRESS", "", FALSE);
  cd_ui_test_init (&argc, &argv);

  g_print ("preview latency, keystroke to loaded page, %u rounds each "
           "(includes the 150 ms debounce)\n", rounds);
  if (!measure (500, rounds, &small) || !measure (10000, rounds, &large))
    return 1;

  g_print ("ratio 10000 / 500 words: median %.2f, p95 %.2f\n",
           large.median / small.median, large.p95 / small.p95);
  g_print ("beyond the debounce: 500 words median %.1f ms, 10000 words median %.1f ms\n",
           small.median - 150, large.median - 150);
  return 0;
}
