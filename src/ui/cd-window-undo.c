/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-window"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-tag-editor.h"
#include "cd-window-private.h"

/*
 * Undo and redo for the whole article
 *
 * The window keeps one CdHistory per article. Its shortcuts run in the
 * capture phase, before the focused widget sees the key, so <Control>z
 * undoes the last change to the article wherever it was made, not the last
 * change to the focused field (which may be scrolled out of sight). The
 * change is then shown: its field is revealed and focused, with the cursor
 * where the text changed.
 *
 * Two entries hold text that is not part of the article: find and replace,
 * and a tag being typed. They keep their own undo while they have text.
 *
 * Removing a tag, an author or the lead image also shows a toast with Undo.
 *
 * Limits. An article must open again once saved, so a change that takes a
 * text past what loading accepts (cd_article_check_limits (): a paste of
 * megabytes into the headline, say) is taken back at once through the same
 * history, and a toast says why.
 */

static gboolean
focus_has_local_undo (CdWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || !GTK_IS_EDITABLE (focus))
    return FALSE;

  if (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_BAR) != NULL)
    return TRUE;

  return gtk_widget_get_ancestor (focus, CD_TYPE_TAG_EDITOR) != NULL &&
         gtk_editable_get_text (GTK_EDITABLE (focus))[0] != '\0';
}

static void
place_cursor (CdWindow *self,
              int       cursor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (cursor < 0 || focus == NULL)
    return;

  if (GTK_IS_EDITABLE (focus))
    {
      gtk_editable_set_position (GTK_EDITABLE (focus), cursor);
    }
  else if (GTK_IS_TEXT_VIEW (focus))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
      gtk_text_buffer_place_cursor (buffer, &iter);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (focus), gtk_text_buffer_get_insert (buffer),
                                    0.1, FALSE, 0.0, 0.0);
    }
}

static void
reveal (CdWindow   *self,
        const char *field,
        int         cursor)
{
  if (field == NULL)
    return;

  if (g_strcmp0 (field, "body") == 0)
    {
      cd_window_focus_body (self);
      if (cursor >= 0)
        cd_editor_place_cursor (self->editor, cursor);
      return;
    }

  cd_window_reveal_field (self, field);
  place_cursor (self, cursor);
}

static void
dismiss_undo_toast (CdWindow *self)
{
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
}

static void
step (CdWindow *self,
      gboolean  redo)
{
  g_autofree char *field = NULL;
  int cursor = -1;
  gboolean done;

  if (self->history == NULL)
    return;

  done = redo ? cd_history_redo (self->history, &field, &cursor)
              : cd_history_undo (self->history, &field, &cursor);
  if (!done)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  dismiss_undo_toast (self);
  reveal (self, field, cursor);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (CD_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (CD_WINDOW (widget), TRUE);
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CdWindow *self = CD_WINDOW (widget);
  gboolean redo = GPOINTER_TO_INT (user_data);

  if (focus_has_local_undo (self))
    return FALSE;

  step (self, redo);
  return TRUE;
}

static void
update_actions (CdWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL && cd_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history != NULL && cd_history_get_can_redo (self->history));
}

static void
undo_toast_dismissed_cb (CdWindow *self,
                         AdwToast *toast)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

static void
step_recorded_cb (CdWindow  *self,
                  int        kind,
                  CdHistory *history)
{
  const char *title;
  AdwToast *toast;

  /* An Undo offered for a removal would undo something else now. */
  dismiss_undo_toast (self);

  switch (kind)
    {
    case CD_HISTORY_STEP_TAG_REMOVED:
      title = _("Tag removed");
      break;
    case CD_HISTORY_STEP_AUTHOR_REMOVED:
      title = _("Author removed");
      break;
    case CD_HISTORY_STEP_IMAGE_REMOVED:
      title = _("Lead image removed");
      break;
    default:
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  cd_window_add_toast (self, toast);
}

static gboolean
check_limits_cb (gpointer user_data)
{
  CdWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  g_autofree char *message = NULL;
  int cursor = -1;

  self->limits_source = 0;
  if (self->history == NULL ||
      cd_article_check_limits (cd_history_get_article (self->history), &error))
    return G_SOURCE_REMOVE;

  if (cd_history_undo (self->history, &field, &cursor))
    {
      reveal (self, field, cursor);
      /* Translators: %s says which text is too long and what to do */
      message = g_strdup_printf (_("%s The change was taken back."), error->message);
    }
  else
    message = g_strdup (error->message);

  cd_window_show_toast (self, message);
  return G_SOURCE_REMOVE;
}

static void
article_changed_cb (CdWindow *self)
{
  /* Before the next frame: a megabyte line in a text view takes GTK long to
   * lay out, and its layout work would starve a lower priority. */
  if (self->limits_source == 0)
    {
      self->limits_source = g_idle_add_full (G_PRIORITY_HIGH, check_limits_cb, self, NULL);
      g_source_set_name_by_id (self->limits_source, "[copydesk] article limits");
    }
}

/* Called before every change the history records: only text not yet
 * copied is worth a look, not the whole body at each keystroke. */
static void
flush_body (gpointer user_data)
{
  CdWindow *self = user_data;

  if (cd_editor_has_pending_edits (self->editor))
    cd_editor_flush (self->editor);
}

/* Starts a new history for @article (NULL: none). */
void
cd_window_undo_set_article (CdWindow  *self,
                            CdArticle *article)
{
  dismiss_undo_toast (self);

  g_clear_handle_id (&self->limits_source, g_source_remove);
  g_signal_group_set_target (self->history_signals, NULL);
  g_signal_group_set_target (self->history_article_signals, NULL);
  if (self->history != NULL)
    {
      cd_history_set_flush_func (self->history, NULL, NULL);
      g_clear_object (&self->history);
    }

  if (article != NULL)
    {
      self->history = cd_history_new (article);
      cd_history_set_flush_func (self->history, flush_body, self);
      g_signal_group_set_target (self->history_signals, self->history);
      g_signal_group_set_target (self->history_article_signals, article);
    }

  cd_editor_set_history (self->editor, self->history);
  update_actions (self);
}

CdHistory *
cd_window_get_history (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);

  return self->history;
}

void
cd_window_undo_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
}

void
cd_window_undo_init (CdWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "cd-window-undo");
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                      gtk_callback_action_new (shortcut_cb, GINT_TO_POINTER (FALSE), NULL)));
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                      gtk_callback_action_new (shortcut_cb, GINT_TO_POINTER (TRUE), NULL)));
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_y, GDK_CONTROL_MASK),
                      gtk_callback_action_new (shortcut_cb, GINT_TO_POINTER (TRUE), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* As the window's other signal groups: connected once, pointed at each
   * new history and its article, and let go of together. */
  self->history_signals = g_signal_group_new (CD_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify::can-undo",
                                 G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-redo",
                                 G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "step-recorded",
                                 G_CALLBACK (step_recorded_cb), self, G_CONNECT_SWAPPED);
  self->history_article_signals = g_signal_group_new (CD_TYPE_ARTICLE);
  g_signal_group_connect_object (self->history_article_signals, "changed",
                                 G_CALLBACK (article_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

void
cd_window_undo_dispose (CdWindow *self)
{
  g_clear_handle_id (&self->limits_source, g_source_remove);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  if (self->history_article_signals != NULL)
    g_signal_group_set_target (self->history_article_signals, NULL);
  if (self->history != NULL)
    {
      cd_history_set_flush_func (self->history, NULL, NULL);
      g_clear_object (&self->history);
    }
  g_clear_object (&self->history_signals);
  g_clear_object (&self->history_article_signals);
  self->undo_toast = NULL;
}
