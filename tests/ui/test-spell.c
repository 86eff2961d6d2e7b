/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Spell checking in the window: misspelt words underlined in the body and
 * the fields, the context menu's suggestions, Add to Dictionary and Ignore,
 * house-style findings, the setting and a missing dictionary. With the real
 * enchant and hunspell dictionaries, and a personal dictionary in a
 * temporary folder. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cd-application.h"
#include "cd-editor.h"
#include "cd-image-editor-private.h"
#include "cd-metadata-form-private.h"
#include "cd-spell-adapter.h"
#include "cd-status-bar.h"
#include "cd-ui-test-util.h"
#include "cd-window-private.h"

#include <gsk/gl/gskglrenderer.h>

static CdApplication *app;
static char *tmp_home;

/* Helpers */

static CdWindow *
show_window (const char *language)
{
  CdWindow *window = cd_window_new (app);
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (window));
  cd_ui_test_wait_for_frames (GTK_WIDGET (window));

  cd_article_set_language (article, language);
  /* Not after the pause that follows typing in the language field. */
  cd_spell_context_update_checker (cd_window_get_spell_context (window));
  return window;
}

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
  cd_ui_test_wait_for (window_gone_cb, &window, CD_UI_TEST_TIMEOUT_MS,
                       "the destroyed window to be finalized");
  cd_document_discard_recovery (document);
  cd_ui_test_flush ();
}

static CdArticle *
window_article (CdWindow *window)
{
  return cd_document_get_article (cd_window_get_document (window));
}

static GtkTextView *
body_view (CdWindow *window)
{
  return cd_editor_get_view (window->editor);
}

static GtkTextView *
headline_view (CdWindow *window)
{
  CdMetadataForm *form = window->form;

  return GTK_TEXT_VIEW (form->headline_view);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* The iters of the first @word in @view's text. */
static void
find_word (GtkTextView *view,
           const char  *word,
           GtkTextIter *start,
           GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_forward_search (&iter, word, GTK_TEXT_SEARCH_TEXT_ONLY, start, end, NULL))
    g_error ("“%s” is not in the text", word);
}

typedef struct
{
  GtkTextView *view;
  const char  *word;
  gboolean     finding;   /* the finding tag, else the misspelt one */
  gboolean     tagged;
} TagWait;

/* Whether the tag covers exactly the word (@tagged) or none of it. */
static gboolean
word_tagged_cb (gpointer data)
{
  TagWait *wait = data;
  CdSpellAdapter *adapter = cd_spell_adapter_get_for_view (wait->view);
  GtkTextTag *tag = wait->finding ? cd_spell_adapter_get_finding_tag (adapter)
                                  : cd_spell_adapter_get_misspelt_tag (adapter);
  GtkTextIter start, end, iter;

  find_word (wait->view, wait->word, &start, &end);
  if (!wait->tagged)
    {
      for (iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
        if (gtk_text_iter_has_tag (&iter, tag))
          return FALSE;
      return TRUE;
    }

  if (!gtk_text_iter_starts_tag (&start, tag) || !gtk_text_iter_ends_tag (&end, tag))
    return FALSE;
  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_has_tag (&iter, tag))
      return FALSE;
  return TRUE;
}

static void
wait_for_tag (GtkTextView *view,
              const char  *word,
              gboolean     finding,
              gboolean     tagged)
{
  TagWait wait = { view, word, finding, tagged };
  g_autofree char *what = g_strdup_printf ("“%s” to be %s", word,
                                           tagged ? "underlined" : "without an underline");

  cd_ui_test_wait_for (word_tagged_cb, &wait, CD_UI_TEST_TIMEOUT_MS, what);
}

static void
assert_tagged_now (GtkTextView *view,
                   const char  *word,
                   gboolean     tagged)
{
  TagWait wait = { view, word, FALSE, tagged };

  if (!word_tagged_cb (&wait))
    g_error ("“%s” is %s", word, tagged ? "not underlined" : "underlined");
}

static gboolean
adapter_idle_cb (gpointer data)
{
  return !cd_spell_adapter_is_pending (data);
}

/* Waits until @view's text has all been checked. */
static void
wait_for_checked (GtkTextView *view)
{
  cd_ui_test_wait_for (adapter_idle_cb, cd_spell_adapter_get_for_view (view),
                       CD_UI_TEST_TIMEOUT_MS, "the text to be checked");
}

typedef struct
{
  GtkTextView *view;
  GdkRGBA      color;
  GskRenderer *renderer;
} DrawWait;

/* Whether @texture has a pixel of about @color. The view's background is
 * transparent: a pixel that the line covers in part has @color with less
 * alpha. */
static gboolean
texture_has_color (GdkTexture    *texture,
                   const GdkRGBA *color)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * (gsize) height * 4);

  /* GDK_MEMORY_DEFAULT: B, G, R, A premultiplied, on little-endian. */
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * (gsize) height; i++)
    {
      const guchar *p = pixels + i * 4;
      double alpha = p[3] / 255.;

      if (alpha > 0.3 &&
          fabs (p[2] / 255. / alpha - color->red) < 0.15 &&
          fabs (p[1] / 255. / alpha - color->green) < 0.15 &&
          fabs (p[0] / 255. / alpha - color->blue) < 0.15)
        return TRUE;
    }
  return FALSE;
}

/* Whether the view, as it draws itself now, puts pixels of the colour on
 * the screen: its render nodes, drawn by GTK's OpenGL renderer, which a
 * desktop uses (the tests' own windows draw with cairo). */
static gboolean
view_draws_color_cb (gpointer data)
{
  DrawWait *wait = data;
  GtkWidget *widget = GTK_WIDGET (wait->view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (wait->renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  return texture_has_color (texture, &wait->color);
}

/* Waits until @view draws the house-style underline: the tag alone is not
 * enough, the view has to show it. The tests' windows draw with cairo; a
 * desktop draws with OpenGL, so the view is drawn with GTK's OpenGL
 * renderer, made once for the whole wait. FALSE, with the test marked
 * skipped, when there is no OpenGL to draw with (a machine without Mesa's
 * drivers); the caller then stops the test. */
static gboolean
wait_for_drawn_finding (GtkTextView *view,
                        const char  *field)
{
  DrawWait wait = { view, { 0 }, NULL };
  g_autofree char *what = g_strdup_printf ("the %s to draw the house-style underline", field);
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (GTK_WIDGET (view)));
  g_autoptr(GskRenderer) renderer = gsk_gl_renderer_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gdk_rgba_parse (&wait.color, "#3584e4"));
  if (!gsk_renderer_realize (renderer, surface, &error))
    {
      g_autofree char *message =
        g_strdup_printf ("GTK's OpenGL renderer cannot be realized here (%s): "
                         "install Mesa's drivers (libgl1-mesa-dri) to check that "
                         "the underline is drawn", error->message);

      g_test_skip (message);
      return FALSE;
    }
  wait.renderer = renderer;
  cd_ui_test_wait_for (view_draws_color_cb, &wait, CD_UI_TEST_TIMEOUT_MS, what);
  gsk_renderer_unrealize (renderer);
  return TRUE;
}

/* The menu's spelling part for @word, as a right-click on it fills it. */
static GMenuModel *
menu_for_word (GtkTextView *view,
               const char  *word)
{
  CdSpellAdapter *adapter = cd_spell_adapter_get_for_view (view);
  GtkTextIter start, end;

  find_word (view, word, &start, &end);
  gtk_text_iter_forward_char (&start);
  cd_spell_adapter_update_menu (adapter, &start);
  return cd_spell_adapter_get_menu (adapter);
}

/* The action and target of item @index of section @section of @menu. */
static char *
menu_item_action (GMenuModel  *menu,
                  int          section,
                  int          index,
                  GVariant   **target)
{
  GMenuModel *items = g_menu_model_get_item_link (menu, section, G_MENU_LINK_SECTION);
  char *action = NULL;

  g_assert_nonnull (items);
  g_assert_true (g_menu_model_get_item_attribute (items, index, G_MENU_ATTRIBUTE_ACTION,
                                                  "s", &action));
  if (target != NULL)
    *target = g_menu_model_get_item_attribute_value (items, index, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_object_unref (items);
  return action;
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Tests */

static void
test_body_suggestion (void)
{
  CdWindow *window = show_window ("en-US");
  GtkTextView *view = body_view (window);
  g_autoptr(GMenuModel) suggestions = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  GMenuModel *menu;
  guint steps;

  set_view_text (view, "The ferry leaves the harbor at noon.\n\n"
                       "Passengers were warned of dealys on the crossing.\n");
  wait_for_tag (view, "dealys", FALSE, TRUE);
  assert_tagged_now (view, "ferry", FALSE);
  assert_tagged_now (view, "Passengers", FALSE);

  menu = menu_for_word (view, "dealys");
  /* Suggestions, then Add to Dictionary and Ignore. */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  suggestions = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (suggestions), >=, 1);
  g_assert_cmpint (g_menu_model_get_n_items (suggestions), <=, 5);
  action = menu_item_action (menu, 0, 0, &target);
  g_assert_cmpstr (action, ==, "spell.replace");
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "delays");

  cd_editor_flush (window->editor);
  cd_history_seal (cd_window_get_history (window));
  steps = cd_history_get_n_steps (cd_window_get_history (window));

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (view), action, target));
  text = dup_view_text (view);
  g_assert_cmpstr (text, ==, "The ferry leaves the harbor at noon.\n\n"
                             "Passengers were warned of delays on the crossing.\n");
  wait_for_tag (view, "delays", FALSE, FALSE);

  /* One step for Undo. */
  cd_editor_flush (window->editor);
  g_assert_cmpuint (cd_history_get_n_steps (cd_window_get_history (window)), ==, steps + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_free (text);
  text = dup_view_text (view);
  expected = g_strdup ("The ferry leaves the harbor at noon.\n\n"
                       "Passengers were warned of dealys on the crossing.\n");
  g_assert_cmpstr (text, ==, expected);

  destroy_window (window);
}

static void
test_headline (void)
{
  CdWindow *window = show_window ("en-GB");
  GtkTextView *view = headline_view (window);
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  g_autofree char *text = NULL;
  GMenuModel *menu;

  set_view_text (view, "Harbour ferry returns after a winter of reapirs");
  wait_for_tag (view, "reapirs", FALSE, TRUE);
  assert_tagged_now (view, "Harbour", FALSE);

  menu = menu_for_word (view, "reapirs");
  action = menu_item_action (menu, 0, 0, &target);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (view), action, target));
  text = dup_view_text (view);
  g_assert_cmpstr (text, ==, "Harbour ferry returns after a winter of repairs");
  g_assert_cmpstr (cd_article_get_headline (window_article (window)), ==, text);

  destroy_window (window);
}

static void
test_add_to_dictionary (void)
{
  CdWindow *window = show_window ("en-US");
  GtkTextView *view = body_view (window);
  GtkTextView *headline = headline_view (window);
  g_autofree char *action = NULL;
  g_autofree char *dic = NULL;
  g_autofree char *contents = NULL;
  GMenuModel *menu;

  set_view_text (view, "The Quaywright runs the harbor.\n");
  set_view_text (headline, "Quaywright keeps the ferry");
  wait_for_tag (view, "Quaywright", FALSE, TRUE);
  wait_for_tag (headline, "Quaywright", FALSE, TRUE);

  menu = menu_for_word (view, "Quaywright");
  action = menu_item_action (menu, 1, 0, NULL);
  g_assert_cmpstr (action, ==, "spell.add");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), action, NULL));

  /* Every field of the window takes it. */
  wait_for_tag (view, "Quaywright", FALSE, FALSE);
  wait_for_tag (headline, "Quaywright", FALSE, FALSE);

  /* In the user's personal dictionary, which outlives the session. */
  dic = g_build_filename (tmp_home, "enchant", "en_US.dic", NULL);
  g_assert_true (g_file_get_contents (dic, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Quaywright"));

  destroy_window (window);
}

static void
test_ignore (void)
{
  CdWindow *window = show_window ("en-US");
  GtkTextView *view = body_view (window);
  g_autofree char *action = NULL;
  GMenuModel *menu;

  set_view_text (view, "Dockmastr Jones and dockmastr Smith.\n");
  wait_for_tag (view, "Dockmastr", FALSE, TRUE);
  menu = menu_for_word (view, "Dockmastr");
  action = menu_item_action (menu, 1, 1, NULL);
  g_assert_cmpstr (action, ==, "spell.ignore");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), action, NULL));
  wait_for_tag (view, "Dockmastr", FALSE, FALSE);

  destroy_window (window);
}

static void
test_typing (void)
{
  CdWindow *window = show_window ("en-US");
  GtkTextView *view = body_view (window);
  const char *typed = "The ferri ";

  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (const char *p = typed; *p != '\0'; p++)
    {
      char c[2] = { *p, '\0' };

      cd_ui_test_type_text (GTK_WIDGET (view), c);
      if (*p == 'i')
        {
          /* Checked, but the word being typed is left alone. */
          wait_for_checked (view);
          assert_tagged_now (view, "ferri", FALSE);
        }
    }
  wait_for_tag (view, "ferri", FALSE, TRUE);

  destroy_window (window);
}

/* The last word typed in a field is checked when the focus leaves the
 * field, not only when the cursor next moves in it. */
static void
test_typing_leave_field (void)
{
  CdWindow *window = show_window ("en-GB");
  GtkTextView *headline = headline_view (window);
  const char *typed = "Fares rise in Janaury";

  gtk_widget_grab_focus (GTK_WIDGET (headline));
  for (const char *p = typed; *p != '\0'; p++)
    {
      char c[2] = { *p, '\0' };

      cd_ui_test_type_text (GTK_WIDGET (headline), c);
    }
  wait_for_checked (headline);
  assert_tagged_now (headline, "Janaury", FALSE);

  gtk_widget_grab_focus (GTK_WIDGET (body_view (window)));
  wait_for_tag (headline, "Janaury", FALSE, TRUE);

  destroy_window (window);
}

static void
test_code_block (void)
{
  CdWindow *window = show_window ("en-US");
  GtkTextView *view = body_view (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  set_view_text (view, "Intro with a mistaek.\n\n"
                       "```\n"
                       "let qwzx = frobnicate();\n"
                       "\n"
                       "plugh xyzzy\n"
                       "```\n\n"
                       "Then a secnd one.\n");
  wait_for_tag (view, "mistaek", FALSE, TRUE);
  wait_for_tag (view, "secnd", FALSE, TRUE);
  wait_for_checked (view);
  assert_tagged_now (view, "qwzx", FALSE);
  assert_tagged_now (view, "plugh", FALSE);

  /* An edit inside the block, after its blank line, is still code. */
  find_word (view, "xyzzy", &start, &end);
  gtk_text_buffer_insert (buffer, &end, " wibblr", -1);
  wait_for_checked (view);
  assert_tagged_now (view, "wibblr", FALSE);
  assert_tagged_now (view, "secnd", TRUE);

  /* A fence typed at the top turns the fences around: what was code is
   * prose and the last paragraph is in an open block. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "```\n", -1);
  wait_for_tag (view, "secnd", FALSE, FALSE);
  wait_for_tag (view, "qwzx", FALSE, TRUE);
  assert_tagged_now (view, "mistaek", FALSE);

  /* And back when it goes. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  gtk_text_iter_forward_line (&end);
  gtk_text_buffer_delete (buffer, &start, &end);
  wait_for_tag (view, "secnd", FALSE, TRUE);
  wait_for_tag (view, "qwzx", FALSE, FALSE);
  assert_tagged_now (view, "mistaek", TRUE);

  destroy_window (window);
}

static void
test_style_finding (void)
{
  CdWindow *window = show_window ("en-GB");
  GtkTextView *view = body_view (window);
  g_autoptr(CdPreflightIssue) issue = NULL;
  g_autoptr(GListStore) issues = g_list_store_new (CD_TYPE_PREFLIGHT_ISSUE);
  const char *body = "The council will utilise the old pier.\n";
  g_autoptr(GListModel) found = NULL;
  gboolean style_in_core = FALSE;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  g_autofree char *text = NULL;
  GMenuModel *menu;

  set_view_text (view, body);
  cd_editor_flush (window->editor);
  g_assert_cmpstr (cd_article_get_body (window_article (window)), ==, body);

  /* Any preflight issue with a range in the field is underlined. */
  issue = cd_preflight_issue_new (CD_SEVERITY_WARNING, "style-plain-words", "body",
                                  "Say “use”, not “utilise”.");
  cd_preflight_issue_set_range (issue, strstr (body, "utilise") - body,
                                strstr (body, "utilise") - body + strlen ("utilise"));
  cd_preflight_issue_set_replacement (issue, "use");
  g_list_store_append (issues, issue);
  cd_spell_context_set_issues (cd_window_get_spell_context (window), G_LIST_MODEL (issues));
  wait_for_tag (view, "utilise", TRUE, TRUE);
  assert_tagged_now (view, "council", FALSE);

  /* The menu offers core's replacement. */
  menu = menu_for_word (view, "utilise");
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  action = menu_item_action (menu, 0, 0, &target);
  g_assert_cmpstr (action, ==, "spell.replace");
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "use");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (view), action, target));
  text = dup_view_text (view);
  g_assert_cmpstr (text, ==, "The council will use the old pier.\n");
  wait_for_tag (view, "use", TRUE, FALSE);

  /* The window's own preflight: what core's house style finds in the text
   * is underlined and replaced from the menu. */
  set_view_text (view, "We will utilise the ferry in order to cross.\n");
  found = cd_window_check (window);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(CdPreflightIssue) item = g_list_model_get_item (found, i);

      if (g_str_has_prefix (cd_preflight_issue_get_rule (item), "style-") &&
          g_strcmp0 (cd_preflight_issue_get_replacement (item), "to") == 0)
        style_in_core = TRUE;
    }
  if (!style_in_core)
    {
      g_test_message ("core's preflight has no house style: only given findings are tested");
      destroy_window (window);
      return;
    }
  wait_for_tag (view, "in order to", TRUE, TRUE);
  g_free (action);
  g_clear_pointer (&target, g_variant_unref);
  menu = menu_for_word (view, "in order to");
  action = menu_item_action (menu, 0, 0, &target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "to");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (view), action, target));
  g_free (text);
  text = dup_view_text (view);
  g_assert_cmpstr (text, ==, "We will utilise the ferry to cross.\n");

  destroy_window (window);
}

/* The standfirst underlines what the window's preflight finds in it, as
 * the headline does; the underline has to be drawn, not only be in the
 * buffer. */
static void
test_field_findings_drawn (void)
{
  CdWindow *window = show_window ("en-GB");
  CdMetadataForm *form = window->form;
  GtkTextView *views[] = {
    headline_view (window),
    GTK_TEXT_VIEW (form->standfirst_view),
  };
  const char *fields[] = { "headline", "standfirst" };
  const char *text = "The bridge will utilise recycled steel, and 3 firms are bidding.";

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    set_view_text (views[i], text);
  g_assert_cmpstr (cd_article_get_standfirst (window_article (window)), ==, text);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_test_message ("%s", fields[i]);
      wait_for_tag (views[i], "utilise", TRUE, TRUE);
      if (!wait_for_drawn_finding (views[i], fields[i]))
        break;
    }

  destroy_window (window);
}

static gboolean
standfirst_loaded_cb (gpointer data)
{
  CdWindow *window = data;
  g_autofree char *text = dup_view_text (GTK_TEXT_VIEW (window->form->standfirst_view));

  return g_str_has_prefix (text, "The bridge will utilise");
}

/* As the user meets it: a saved article whose standfirst has house-style
 * findings, opened in a window, shows them underlined once preflight has
 * run on it. */
static void
test_opened_standfirst_drawn (void)
{
  g_autofree char *sample = g_build_filename (CD_SOURCE_DATADIR, "sample",
                                              "harbour-ferry.copydesk", NULL);
  g_autoptr(GFile) sample_file = g_file_new_for_path (sample);
  g_autofree char *path = g_build_filename (tmp_home, "standfirst.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) article = cd_article_load_from_file (sample_file, NULL, NULL);
  const char *text = "The bridge will utilise recycled steel, and 3 firms are bidding.";
  g_autoptr(GError) error = NULL;
  CdWindow *window;
  GtkTextView *view;

  g_assert_nonnull (article);
  cd_article_set_standfirst (article, text);
  cd_article_save_to_file (article, file, NULL, &error);
  g_assert_no_error (error);

  window = show_window ("en-GB");
  cd_window_open_file (window, file);
  view = GTK_TEXT_VIEW (window->form->standfirst_view);
  cd_ui_test_wait_for (standfirst_loaded_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the article to be opened");
  wait_for_tag (view, "utilise", TRUE, TRUE);
  /* Without OpenGL the test is marked skipped and ends here. */
  wait_for_drawn_finding (view, "opened standfirst");

  destroy_window (window);
}

static void
test_setting (void)
{
  CdWindow *window = show_window ("en-US");
  GtkTextView *view = body_view (window);
  GSettings *settings = cd_window_get_settings (window);
  GVariant *state;

  set_view_text (view, "A mispelt word.\n");
  wait_for_tag (view, "mispelt", FALSE, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-spelling", NULL));
  g_assert_false (g_settings_get_boolean (settings, "check-spelling"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "check-spelling");
  g_assert_false (g_variant_get_boolean (state));
  g_variant_unref (state);
  wait_for_tag (view, "mispelt", FALSE, FALSE);

  g_settings_set_boolean (settings, "check-spelling", TRUE);
  wait_for_tag (view, "mispelt", FALSE, TRUE);

  destroy_window (window);
}

static void
test_no_dictionary (void)
{
  CdWindow *window = show_window ("sw");
  GtkTextView *view = body_view (window);
  const char *note;

  set_view_text (view, "Habari za asubuhi, mispelt.\n");
  cd_ui_test_wait (200);
  assert_tagged_now (view, "mispelt", FALSE);
  note = cd_status_bar_get_note (window->status_bar);
  g_assert_nonnull (strstr (note, "Swahili"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->status_bar)));

  /* A language with one: the note goes, the underlines come. */
  cd_article_set_language (window_article (window), "en-US");
  cd_spell_context_update_checker (cd_window_get_spell_context (window));
  g_assert_cmpstr (cd_status_bar_get_note (window->status_bar), ==, "");
  wait_for_tag (view, "mispelt", FALSE, TRUE);

  destroy_window (window);
}

static void
test_language (void)
{
  CdWindow *window = show_window ("en-US");
  GtkTextView *view = body_view (window);

  set_view_text (view, "Der Hafen ist im Winter geschlossen.\n");
  wait_for_tag (view, "Hafen", FALSE, TRUE);

  /* As when the language is typed in the form: the checker follows after
   * the field rests. */
  cd_article_set_language (window_article (window), "de");
  wait_for_tag (view, "Hafen", FALSE, FALSE);
  wait_for_tag (view, "geschlossen", FALSE, FALSE);

  destroy_window (window);
}

static void
test_house_words (void)
{
  CdWindow *window = show_window ("en-GB");
  GtkTextView *view = body_view (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHouseRules) rules = NULL;

  set_view_text (view, "Councillor Brannagh opened the Kittiwake Quay.\n");
  wait_for_tag (view, "Brannagh", FALSE, TRUE);

  const char *json = "{ \"format\": \"copydesk-house-rules\", \"version\": 1, "
                     "\"words\": [\"Brannagh\"] }";

  rules = cd_house_rules_load_from_data (json, strlen (json), "house-rules.json", &error);
  g_assert_no_error (error);
  cd_spell_context_set_house_rules (cd_window_get_spell_context (window), rules);
  wait_for_tag (view, "Brannagh", FALSE, FALSE);

  destroy_window (window);
}

static gboolean
entry_underlined_cb (gpointer data)
{
  GtkText *text = cd_spell_adapter_get_entry_text (data);
  PangoAttrList *attrs = gtk_text_get_attributes (text);
  const char *value = gtk_editable_get_text (data);
  const char *word = strstr (value, "Lundon");
  g_autoptr(GSList) list = NULL;
  gboolean found = FALSE;

  if (attrs == NULL)
    return FALSE;
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_UNDERLINE &&
          attr->start_index == (guint) (word - value) &&
          attr->end_index == (guint) (word - value + 6))
        found = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  return found;
}

static void
test_entry (void)
{
  CdWindow *window = show_window ("en-US");
  CdMetadataForm *form = window->form;
  GtkEditable *dateline = GTK_EDITABLE (form->dateline_row);
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  GMenuModel *menu;

  gtk_editable_set_text (dateline, "Lundon");
  cd_ui_test_wait_for (entry_underlined_cb, dateline, CD_UI_TEST_TIMEOUT_MS,
                       "the dateline's misspelling to be underlined");

  menu = cd_spell_adapter_update_entry_menu (dateline);
  action = menu_item_action (menu, 0, 0, &target);
  g_assert_cmpstr (action, ==, "spell.replace");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (cd_spell_adapter_get_entry_text (dateline)),
                                                     action, target));
  g_assert_cmpstr (gtk_editable_get_text (dateline), ==, g_variant_get_string (target, NULL));
  g_assert_cmpstr (cd_article_get_dateline (window_article (window)), ==,
                   g_variant_get_string (target, NULL));

  destroy_window (window);
}

static void
test_screenshot (void)
{
  CdWindow *window = show_window ("en-GB");
  g_autofree char *png = NULL;

  set_view_text (headline_view (window), "Harbour ferry returns after a winter of reapirs");
  set_view_text (body_view (window),
                 "The harbour ferry is back in service after four months in the boatyard, "
                 "and the first crossing left the quay at seven this morning with "
                 "fourty passengers on board.\n\n"
                 "Engineers replaced both engines and the steering gear, which had "
                 "failed twice last autum. The council says the repairs cost less "
                 "than expected.\n");
  wait_for_tag (headline_view (window), "reapirs", FALSE, TRUE);
  wait_for_tag (body_view (window), "autum", FALSE, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (body_view (window)));
  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  png = cd_ui_test_screenshot (GTK_WIDGET (window), "window-spelling");
  g_test_message ("screenshot: %s", png);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *enchant_home = NULL;
  g_autoptr(GFile) home = NULL;
  int status;

  /* Before anything reads them: GLib caches the user directories. The
   * personal dictionary goes to ENCHANT_CONFIG_DIR. */
  tmp_home = g_dir_make_tmp ("copydesk-test-spell-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp_home, "data", NULL);
  config_home = g_build_filename (tmp_home, "config", NULL);
  enchant_home = g_build_filename (tmp_home, "enchant", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("ENCHANT_CONFIG_DIR", enchant_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_home, TRUE);

  cd_ui_test_init (&argc, &argv);

  app = cd_application_new ();
  g_assert_nonnull (cd_application_get_recovery_dir (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/spell/body-suggestion", test_body_suggestion);
  g_test_add_func ("/spell/headline", test_headline);
  g_test_add_func ("/spell/add-to-dictionary", test_add_to_dictionary);
  g_test_add_func ("/spell/ignore", test_ignore);
  g_test_add_func ("/spell/typing", test_typing);
  g_test_add_func ("/spell/code-block", test_code_block);
  g_test_add_func ("/spell/typing-leave-field", test_typing_leave_field);
  g_test_add_func ("/spell/style-finding", test_style_finding);
  g_test_add_func ("/spell/field-findings-drawn", test_field_findings_drawn);
  g_test_add_func ("/spell/opened-standfirst-drawn", test_opened_standfirst_drawn);
  g_test_add_func ("/spell/setting", test_setting);
  g_test_add_func ("/spell/no-dictionary", test_no_dictionary);
  g_test_add_func ("/spell/language", test_language);
  g_test_add_func ("/spell/house-words", test_house_words);
  g_test_add_func ("/spell/entry", test_entry);
  g_test_add_func ("/spell/screenshot", test_screenshot);

  status = g_test_run ();

  g_clear_object (&app);
  home = g_file_new_for_path (tmp_home);
  cd_ui_test_remove_tree (home);
  g_free (tmp_home);
  return status;
}
