/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-ui-test-util.h"

#include "cd-window.h"

void
cd_ui_test_init (int    *argc,
                 char ***argv)
{
  g_setenv ("GSETTINGS_SCHEMA_DIR", CD_BUILD_DATADIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* g_test_init () makes warnings fatal, as in libadwaita's tests: a GTK
   * warning is a bug in the window. (WebKit's helper processes are other
   * processes; what they print does not stop the test.)
   *
   * The UI tests do not isolate each case's folders as the core tests do
   * (G_TEST_OPTION_ISOLATE_DIRS): WebKit starts its web processes in a
   * sandbox that binds the cache and data folders it saw first, and GLib
   * deletes a case's folders when the case ends, so a web process started in
   * a later case failed to start ("bwrap: Can't bind mount …/.dirs/cache").
   * Every case shares the private home of cd_ui_test_make_home () instead;
   * the tests that care about files clean up after themselves. */
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
}

gboolean
cd_ui_test_wait_until (gboolean (*condition) (gpointer data),
                       gpointer   data,
                       guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return condition (data);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
cd_ui_test_wait_for (gboolean  (*condition) (gpointer data),
                     gpointer    data,
                     guint       timeout_ms,
                     const char *what)
{
  if (!cd_ui_test_wait_until (condition, data, timeout_ms))
    g_error ("timed out after %u ms waiting for %s", timeout_ms, what);
}

void
cd_ui_test_flush (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

gboolean
cd_ui_test_is_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

gboolean
cd_ui_test_pointer_cleared_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
cd_ui_test_wait_for_mapped (GtkWidget *widget)
{
  g_autofree char *what = g_strdup_printf ("the %s to be mapped", G_OBJECT_TYPE_NAME (widget));

  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, widget, CD_UI_TEST_TIMEOUT_MS, what);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_drawn_cb (gpointer data)
{
  return *(guint *) data >= 3;
}

void
cd_ui_test_wait_for_frames (GtkWidget *widget)
{
  g_autofree char *what = NULL;
  guint frames = 0;
  guint id;

  g_assert_true (gtk_widget_get_mapped (widget));
  what = g_strdup_printf ("the %s to draw two frames", G_OBJECT_TYPE_NAME (widget));
  /* A tick callback keeps the frame clock running and runs at the start of
   * each frame; by the third tick the two frames after the call have been
   * laid out and painted. */
  id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);
  gtk_widget_queue_draw (widget);
  cd_ui_test_wait_for (frames_drawn_cb, &frames, CD_UI_TEST_TIMEOUT_MS, what);
  gtk_widget_remove_tick_callback (widget, id);
}

static gboolean
in_transition (GtkWidget *widget)
{
  if (GTK_IS_REVEALER (widget) &&
      gtk_revealer_get_child_revealed (GTK_REVEALER (widget)) !=
      gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) &&
      gtk_revealer_get_child (GTK_REVEALER (widget)) != NULL)
    return TRUE;
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  if (ADW_IS_FLAP (widget))
    {
      double progress = adw_flap_get_reveal_progress (ADW_FLAP (widget));

      if (progress != (adw_flap_get_reveal_flap (ADW_FLAP (widget)) ? 1.0 : 0.0))
        return TRUE;
    }
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) && in_transition (child))
      return TRUE;
  return FALSE;
}

static gboolean
transitions_done_cb (gpointer data)
{
  return !in_transition (GTK_WIDGET (data));
}

void
cd_ui_test_wait_for_transitions (GtkWidget *widget)
{
  g_autofree char *what = g_strdup_printf ("the animations in the %s to end",
                                           G_OBJECT_TYPE_NAME (widget));

  cd_ui_test_wait_for (transitions_done_cb, widget, CD_UI_TEST_TIMEOUT_MS, what);
  cd_ui_test_wait_for_frames (widget);
}

typedef struct
{
  GObject    *object;
  const char *property;
  GValue      expected;
} PropertyWait;

static gboolean
property_is_cb (gpointer data)
{
  PropertyWait *wait = data;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_VALUE_TYPE (&wait->expected));
  g_object_get_property (wait->object, wait->property, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    return g_strcmp0 (g_value_get_string (&value), g_value_get_string (&wait->expected)) == 0;
  return g_value_get_boolean (&value) == g_value_get_boolean (&wait->expected);
}

static void
wait_for_property (PropertyWait *wait)
{
  if (!cd_ui_test_wait_until (property_is_cb, wait, CD_UI_TEST_TIMEOUT_MS))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *now = NULL;
      g_autofree char *expected = g_strdup_value_contents (&wait->expected);

      g_value_init (&value, G_VALUE_TYPE (&wait->expected));
      g_object_get_property (wait->object, wait->property, &value);
      now = g_strdup_value_contents (&value);
      g_error ("timed out after %u ms waiting for %s:%s to be %s; it is %s",
               CD_UI_TEST_TIMEOUT_MS, G_OBJECT_TYPE_NAME (wait->object), wait->property,
               expected, now);
    }
  g_value_unset (&wait->expected);
}

void
cd_ui_test_wait_for_string (gpointer    object,
                            const char *property,
                            const char *expected)
{
  PropertyWait wait = { G_OBJECT (object), property, G_VALUE_INIT };

  g_value_init (&wait.expected, G_TYPE_STRING);
  g_value_set_string (&wait.expected, expected);
  wait_for_property (&wait);
}

void
cd_ui_test_wait_for_boolean (gpointer    object,
                             const char *property,
                             gboolean    expected)
{
  PropertyWait wait = { G_OBJECT (object), property, G_VALUE_INIT };

  g_value_init (&wait.expected, G_TYPE_BOOLEAN);
  g_value_set_boolean (&wait.expected, expected);
  wait_for_property (&wait);
}

static GtkWidget *
find_toast (GtkWidget *widget)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "toast") == 0 && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toast = find_toast (child);

      if (toast != NULL)
        return toast;
    }
  return NULL;
}

static gboolean
toast_shown_cb (gpointer data)
{
  return find_toast (GTK_WIDGET (data)) != NULL;
}

void
cd_ui_test_wait_for_toast (GtkWindow *window)
{
  cd_ui_test_wait_for (toast_shown_cb, window, CD_UI_TEST_TIMEOUT_MS, "a toast to be shown");
  cd_ui_test_wait_for_frames (find_toast (GTK_WIDGET (window)));
}

void
cd_ui_test_destroy_window (GtkWindow *window)
{
  g_autofree char *what = g_strdup_printf ("the destroyed %s to be finalized",
                                           G_OBJECT_TYPE_NAME (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  cd_ui_test_wait_for (cd_ui_test_pointer_cleared_cb, &window, CD_UI_TEST_TIMEOUT_MS, what);
  cd_ui_test_flush ();
}

typedef struct
{
  const char *path;
  gboolean    exists;
} FileWait;

static gboolean
file_is_cb (gpointer data)
{
  FileWait *wait = data;

  return g_file_test (wait->path, G_FILE_TEST_EXISTS) == wait->exists;
}

void
cd_ui_test_wait_for_file (const char *path,
                          gboolean    exists)
{
  FileWait wait = { path, exists };
  g_autofree char *what = g_strdup_printf ("“%s” to %s", path, exists ? "exist" : "be gone");

  cd_ui_test_wait_for (file_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS, what);
}

static gboolean
wait_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
cd_ui_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

GtkWindow *
cd_ui_test_show (GtkWidget *widget,
                 int        width,
                 int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for_mapped (widget);
  cd_ui_test_wait_for_frames (widget);
  return GTK_WINDOW (window);
}

char *
cd_ui_test_screenshot (GtkWidget  *widget,
                       const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width, height;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  /* A widget paints nothing until its first frame, and what was changed
   * just before shows only after the next ones: wait for them. */
  cd_ui_test_wait_for_mapped (widget);
  cd_ui_test_wait_for_frames (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  {
    g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

    gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
    node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  }
  if (node == NULL)
    g_error ("the %s drew nothing for the screenshot “%s”", G_OBJECT_TYPE_NAME (widget), name);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  return g_steal_pointer (&file);
}

GSettings *
cd_ui_test_settings_new (void)
{
  return g_settings_new (APP_ID);
}

void
cd_ui_test_type_text (GtkWidget  *widget,
                      const char *text)
{
  /* GTK 4 has no public way to synthesise key events; editable widgets take
   * text through their delegate, which runs the same insert-text path. */
  if (GTK_IS_EDITABLE (widget))
    {
      int pos = gtk_editable_get_position (GTK_EDITABLE (widget));
      gtk_editable_insert_text (GTK_EDITABLE (widget), text, -1, &pos);
      gtk_editable_set_position (GTK_EDITABLE (widget), pos);
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
    }
  else
    g_assert_not_reached ();
}

AdwMessageDialog *
cd_ui_test_find_message_dialog (GtkWindow  *parent,
                                const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          (parent == NULL || gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == parent) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
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

AdwMessageDialog *
cd_ui_test_wait_for_dialog (GtkWindow  *parent,
                            const char *heading)
{
  DialogWait wait = { parent, heading };

  if (!cd_ui_test_wait_until (dialog_shown_cb, &wait, CD_UI_TEST_TIMEOUT_MS))
    g_error ("no dialog “%s” appeared", heading);
  return cd_ui_test_find_message_dialog (parent, heading);
}

GtkWidget *
cd_ui_test_find_button (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = cd_ui_test_find_button (child, label);

      if (button != NULL)
        return button;
    }
  return NULL;
}

static gboolean
dialog_gone_cb (gpointer data)
{
  GtkWidget *dialog = *(GtkWidget **) data;

  return dialog == NULL || !gtk_widget_get_visible (dialog);
}

void
cd_ui_test_respond (AdwMessageDialog *dialog,
                    const char       *response)
{
  GtkWidget *button;

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  button = cd_ui_test_find_button (GTK_WIDGET (dialog),
                        adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (button, "clicked");
  /* The dialog closes itself once its response was handled. */
  cd_ui_test_wait_for (dialog_gone_cb, &dialog, CD_UI_TEST_TIMEOUT_MS,
                       "the message dialog to close after its response");
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  cd_ui_test_flush ();
}

void
cd_ui_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          cd_ui_test_remove_tree (child);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

char *
cd_ui_test_make_home (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_strdup_printf ("copydesk-test-%s-XXXXXX", name);
  char *home = g_dir_make_tmp (pattern, &error);
  const struct { const char *variable, *folder; } dirs[] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
  };

  g_assert_no_error (error);
  for (size_t i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (home, dirs[i].folder, NULL);
      g_setenv (dirs[i].variable, path, TRUE);
    }
  return home;
}

void
cd_ui_test_finish_home (char *home)
{
  g_autoptr(GFile) file = g_file_new_for_path (home);

  cd_ui_test_remove_tree (file);
  g_free (home);
}

GtkWidget *
cd_ui_test_window_child (gpointer    window,
                         const char *name)
{
  GObject *child;

  g_assert_true (CD_IS_WINDOW (window));
  child = gtk_widget_get_template_child (GTK_WIDGET (window), CD_TYPE_WINDOW, name);
  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}
