/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-ui-test-util.h"

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
   * processes; what they print does not stop the test.) */
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

static gboolean
is_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
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
  g_assert_true (cd_ui_test_wait_until (is_mapped_cb, widget, 5000));
  cd_ui_test_wait (100);
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
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget paints nothing until its first frame; on a busy machine that
   * can come after the test asks, so wait for it (at most 5 s). */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        {
          gtk_widget_queue_draw (widget);
          cd_ui_test_wait (50);
        }
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
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

  if (!cd_ui_test_wait_until (dialog_shown_cb, &wait, 5000))
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
  g_signal_emit_by_name (button, "clicked");
  cd_ui_test_wait (50);
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
