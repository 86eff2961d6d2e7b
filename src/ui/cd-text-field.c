/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-text-field"

#include <string.h>

#include "cd-text-field.h"

static void
insert_text_cb (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            length,
                gpointer       user_data)
{
  g_autofree char *flat = NULL;

  if (length < 0)
    length = (int) strlen (text);
  if (memchr (text, '\n', (size_t) length) == NULL && memchr (text, '\r', (size_t) length) == NULL)
    return;

  flat = g_strndup (text, (gsize) length);
  g_strdelimit (flat, "\r\n", ' ');
  g_signal_stop_emission_by_name (buffer, "insert-text");
  gtk_text_buffer_insert (buffer, location, flat, -1);
}

static gboolean
is_return (guint keyval)
{
  return keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;
}

static gboolean
body_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* Control+Return goes to the body, as everywhere in the window; the view
   * would otherwise take it as a line break. */
  if (!is_return (keyval) || (state & GDK_CONTROL_MASK) == 0)
    return FALSE;

  gtk_widget_activate_action (view, "win.focus-body", NULL);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root;

  if (!is_return (keyval))
    return FALSE;

  if (body_key_pressed_cb (controller, keyval, keycode, state, user_data))
    return TRUE;

  root = gtk_widget_get_root (view);
  if (root != NULL)
    gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                GtkWidget               *row)
{
  gtk_widget_add_css_class (row, "focused");
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                GtkWidget               *row)
{
  gtk_widget_remove_css_class (row, "focused");
}

void
cd_text_field_setup (GtkTextView *view,
                     GtkWidget   *row)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (GTK_IS_WIDGET (row));

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "inline-text");
  g_signal_connect (gtk_text_view_get_buffer (view), "insert-text",
                    G_CALLBACK (insert_text_cb), NULL);

  /* Before the view's own key handling, which would break the line. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (focus_enter_cb), row, 0);
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_leave_cb), row, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}

void
cd_text_field_add_body_shortcut (GtkTextView *view)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  /* Before the view's own key handling, which would break the line. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (body_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}
