/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-editor"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-editor-private.h"
#include "cd-search-bar.h"
#include "cd-spell-adapter.h"

/*
 * The body editor
 *
 * A GtkSourceView inside an AdwClampScrollable, so that lines keep a readable
 * length however wide the pane grows. The buffer is the source of truth while
 * the user types: every change restarts a short timer (SYNC_DELAY_MS), and
 * when it fires, or when cd_editor_flush () is called, the text is copied into
 * the article's body. A change of the body that did not come from here (a
 * reload, a fix made elsewhere) replaces the buffer's text as one undoable
 * step; the copy the editor made itself is recognised because it equals the
 * buffer, so there is no feedback loop.
 *
 * Formatting actions (bold, italic, link, heading, quote, lists) edit the
 * Markdown source: cd_markdown_edit_apply () in core computes the new text
 * and selection, and the editor replaces the part that differs as one undo
 * step.
 *
 * Shortcuts. Lists use letters rather than <Control><Shift>8 and 7 because
 * letters are on every Latin layout at the same level, while digits are not
 * (on AZERTY they need Shift, which changes the key's symbol). Replace takes
 * <Control>h as in GNOME Text Editor and word processors, so heading moves
 * to <Control><Shift>h. GtkSourceView and GtkTextView bind none of these.
 *
 *   bold <Control>b, italic <Control>i, link <Control>k,
 *   heading <Control><Shift>h, quote <Control>apostrophe,
 *   bulleted-list <Control><Shift>l, numbered-list <Control><Shift>o,
 *   find <Control>f, find-replace <Control>h (as in GNOME Text Editor, gedit
 *   and word processors), find-next <Control>g, find-previous
 *   <Control><Shift>g, paste-plain <Control><Shift>v (paste without turning
 *   HTML into Markdown).
 *
 * Paste of HTML as Markdown is in cd-editor-paste.c, the body's font and
 * style scheme in cd-editor-style.c, find and replace in CdSearchBar.
 */

#define SYNC_DELAY_MS      300
#define MAX_UNDO_LEVELS    1000

G_DEFINE_FINAL_TYPE (CdEditor, cd_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_BUFFER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text helpers */

static char *
dup_buffer_text (CdEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

void
cd_editor_scroll_to_cursor (CdEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view),
                                gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0.0, 0.0);
}

static void
select_offsets (CdEditor *self,
                int       start_offset,
                int       end_offset)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static void
update_placeholder (CdEditor *self)
{
  gboolean empty = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->buffer)) == 0;

  gtk_widget_set_visible (self->placeholder, empty && self->article != NULL);
}

/* GTK 4.8's undo history leaves the step that was redone last open: the
 * next user action is merged into it, and one undo then takes back both.
 * An empty user action closes it (and clears what could be redone, as the
 * edit that follows does anyway), so it is run before every edit that can
 * follow a redo: the editor's own, a paste, and a key that types. */
void
cd_editor_seal_history (CdEditor *self)
{
  if (!self->history_open)
    return;

  self->history_open = FALSE;
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (self->buffer));
}

void
cd_editor_begin_edit (CdEditor *self)
{
  cd_editor_seal_history (self);
  /* An edit of the editor's own is a step of its own in the article's
   * history: what was typed before it goes in first. */
  if (self->article_history != NULL && !self->editing && self->loading == 0)
    {
      cd_editor_flush (self);
      cd_history_seal (self->article_history);
      self->editing = TRUE;
    }
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (self->buffer));
}

static void
buffer_end_user_action_cb (CdEditor      *self,
                           GtkTextBuffer *buffer)
{
  if (!self->editing || self->article_history == NULL)
    return;

  self->editing = FALSE;
  cd_editor_flush (self);
  cd_history_seal (self->article_history);
}

static void
buffer_redo_cb (CdEditor      *self,
                GtkTextBuffer *buffer)
{
  self->history_open = TRUE;
}

static void
buffer_undo_cb (CdEditor      *self,
                GtkTextBuffer *buffer)
{
  self->history_open = FALSE;
}

static gboolean
view_key_pressed_cb (CdEditor              *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  /* Only keys that edit: Control+Shift+z must keep redoing. */
  if (self->history_open &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0 &&
      (gdk_keyval_to_unicode (keyval) != 0 ||
       keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete ||
       keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_Return ||
       keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter ||
       keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab))
    cd_editor_seal_history (self);
  return FALSE;
}

/* Body and article */

/* Replaces only the part of the buffer's text @old that differs from
 * @new_text, so that marks and the scroll position stay put elsewhere, and
 * leaves the cursor at the end of the change. The caller groups it into a
 * user action. */
static void
replace_differing_text (CdEditor   *self,
                        const char *old,
                        const char *new_text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  size_t old_len = strlen (old), new_len = strlen (new_text);
  size_t prefix = 0, old_end = old_len, new_end = new_len;
  GtkTextIter start, end;

  while (prefix < old_len && prefix < new_len && old[prefix] == new_text[prefix])
    prefix++;
  while (prefix > 0 && (old[prefix] & 0xC0) == 0x80)
    prefix--;
  while (old_end > prefix && new_end > prefix && old[old_end - 1] == new_text[new_end - 1])
    {
      old_end--;
      new_end--;
    }
  while (old_end < old_len && (old[old_end] & 0xC0) == 0x80)
    {
      old_end++;
      new_end++;
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                      (int) g_utf8_strlen (old, (gssize) prefix));
  gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                      (int) g_utf8_strlen (old, (gssize) old_end));
  if (old_end > prefix)
    gtk_text_buffer_delete (buffer, &start, &end);
  if (new_end > prefix)
    gtk_text_buffer_insert (buffer, &start, new_text + prefix, (int) (new_end - prefix));
  gtk_text_buffer_place_cursor (buffer, &start);
}

static void
replace_buffer_text (CdEditor   *self,
                     const char *text,
                     gboolean    undoable)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *new_text = text ? text : "";
  GtkTextIter start, end;

  self->loading++;
  if (undoable && self->article_history == NULL)
    {
      /* The buffer's own undo takes the replacement back as one step;
       * GTK 4.8's history joins a partial replacement with the typing
       * before it, so the whole text is replaced. The cursor stays where
       * it was, as far as the new text allows. */
      GtkTextIter cursor;
      int offset;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&cursor);
      cd_editor_begin_edit (self);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, new_text, -1);
      gtk_text_buffer_get_iter_at_offset (buffer, &cursor, offset);
      gtk_text_buffer_place_cursor (buffer, &cursor);
      gtk_text_buffer_end_user_action (buffer);
    }
  else if (undoable)
    {
      /* With the article's history, only the part that differs is
       * replaced, so that marks and the scroll position stay put elsewhere
       * and the cursor lands at the change: after an undo it shows where
       * the text was changed. */
      g_autofree char *old = dup_buffer_text (self);

      cd_editor_begin_edit (self);
      replace_differing_text (self, old, new_text);
      gtk_text_buffer_end_user_action (buffer);
    }
  else
    {
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, new_text, -1);
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_text_buffer_end_irreversible_action (buffer);
    }
  self->loading--;

  update_placeholder (self);
}

static void
article_notify_body_cb (CdEditor   *self,
                        GParamSpec *pspec,
                        CdArticle  *article)
{
  g_autofree char *text = NULL;
  const char *body;

  if (self->syncing > 0)
    return;

  body = cd_article_get_body (article);
  text = dup_buffer_text (self);
  if (g_strcmp0 (body, text) == 0)
    return;

  /* The body was changed elsewhere: that change wins over edits not yet
   * copied, which stay in the undo history. */
  g_clear_handle_id (&self->sync_source, g_source_remove);
  replace_buffer_text (self, body, TRUE);
}

static gboolean
sync_timeout_cb (gpointer user_data)
{
  CdEditor *self = user_data;

  self->sync_source = 0;
  cd_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (CdEditor      *self,
                   GtkTextBuffer *buffer)
{
  update_placeholder (self);

  if (self->loading > 0 || self->article == NULL)
    return;

  g_clear_handle_id (&self->sync_source, g_source_remove);
  self->sync_source = g_timeout_add (SYNC_DELAY_MS, sync_timeout_cb, self);
  g_source_set_name_by_id (self->sync_source, "[copydesk] editor body sync");
}

static void
update_article_actions (CdEditor *self)
{
  static const char * const actions[] = {
    "editor.bold", "editor.italic", "editor.link", "editor.heading",
    "editor.quote", "editor.bulleted-list", "editor.numbered-list",
    "editor.paste-plain",
  };
  gboolean editable = self->article != NULL;

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), editable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->view), editable);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.replace", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.replace-all", editable);
}

/* Formatting: core computes the edit, the buffer takes it as one step. */

static void
apply_markdown_edit (CdEditor       *self,
                     CdMarkdownEdit  edit)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autofree char *text = dup_buffer_text (self);
  g_autofree char *new_text = NULL;
  GtkTextIter start, end;
  int new_start, new_end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  new_text = cd_markdown_edit_apply (edit, text,
                                     gtk_text_iter_get_offset (&start),
                                     gtk_text_iter_get_offset (&end),
                                     &new_start, &new_end);

  cd_editor_begin_edit (self);
  replace_differing_text (self, text, new_text);
  select_offsets (self, new_start, new_end);
  gtk_text_buffer_end_user_action (buffer);
  cd_editor_scroll_to_cursor (self);
}

static void
editor_bold_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  apply_markdown_edit (CD_EDITOR (widget), CD_MARKDOWN_EDIT_BOLD);
}

static void
editor_italic_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  apply_markdown_edit (CD_EDITOR (widget), CD_MARKDOWN_EDIT_ITALIC);
}

static void
editor_link_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  apply_markdown_edit (CD_EDITOR (widget), CD_MARKDOWN_EDIT_LINK);
}

static void
editor_heading_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  apply_markdown_edit (CD_EDITOR (widget), CD_MARKDOWN_EDIT_HEADING);
}

static void
editor_quote_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  apply_markdown_edit (CD_EDITOR (widget), CD_MARKDOWN_EDIT_QUOTE);
}

static void
editor_bulleted_list_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  apply_markdown_edit (CD_EDITOR (widget), CD_MARKDOWN_EDIT_BULLETED_LIST);
}

static void
editor_numbered_list_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  apply_markdown_edit (CD_EDITOR (widget), CD_MARKDOWN_EDIT_NUMBERED_LIST);
}

/* Find and replace: the search bar does the work, the editor owns the
 * actions and the history the replacements go into. */

static void
editor_find_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cd_search_bar_open (CD_EDITOR (widget)->search_bar, FALSE);
}

static void
editor_find_replace_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cd_search_bar_open (CD_EDITOR (widget)->search_bar, TRUE);
}

static void
editor_find_next_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cd_search_bar_find_next (CD_EDITOR (widget)->search_bar);
}

static void
editor_find_previous_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  cd_search_bar_find_previous (CD_EDITOR (widget)->search_bar);
}

static void
editor_replace_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CdEditor *self = CD_EDITOR (widget);

  if (cd_search_bar_selection_is_match (self->search_bar))
    cd_editor_seal_history (self);
  cd_search_bar_replace (self->search_bar);
}

static void
editor_replace_all_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CdEditor *self = CD_EDITOR (widget);
  CdHistory *history = self->article_history;

  if (!cd_search_bar_has_search (self->search_bar))
    return;
  cd_editor_seal_history (self);
  /* Replace All changes the body and the other fields: one step of the
   * article's history, with the body copied in before and after. */
  if (history != NULL)
    {
      cd_editor_flush (self);
      cd_history_seal (history);
      cd_history_begin_group (history);
    }
  cd_search_bar_replace_all (self->search_bar);
  if (history != NULL)
    {
      cd_editor_flush (self);
      cd_history_end_group (history);
      cd_history_seal (history);
    }
}

static void
editor_paste_plain_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cd_editor_paste_plain (CD_EDITOR (widget));
}

/* GObject */

static void
cd_editor_dispose (GObject *object)
{
  CdEditor *self = CD_EDITOR (object);

  /* Edits not yet copied are not lost with the widget. */
  if (self->buffer != NULL)
    cd_editor_flush (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->article_signals != NULL)
    g_signal_group_set_target (self->article_signals, NULL);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);
  g_clear_object (&self->article_history);
  g_clear_object (&self->css);
  g_clear_object (&self->page_css);
  g_clear_object (&self->interface_settings);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  self->buffer = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_EDITOR);

  G_OBJECT_CLASS (cd_editor_parent_class)->dispose (object);
}

static void
cd_editor_finalize (GObject *object)
{
  CdEditor *self = CD_EDITOR (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cd_editor_parent_class)->finalize (object);
}

static void
cd_editor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CdEditor *self = CD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_BUFFER:
      g_value_set_object (value, self->buffer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_editor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CdEditor *self = CD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cd_editor_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
cd_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CD_EDITOR (widget)->view));
}

static void
cd_editor_class_init (CdEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_editor_dispose;
  object_class->finalize = cd_editor_finalize;
  object_class->get_property = cd_editor_get_property;
  object_class->set_property = cd_editor_set_property;

  widget_class->grab_focus = cd_editor_grab_focus;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CD_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUFFER] =
    g_param_spec_object ("buffer", NULL, NULL,
                         GTK_SOURCE_TYPE_BUFFER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names GtkSourceView and libadwaita types. */
  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (ADW_TYPE_CLAMP_SCROLLABLE);
  g_type_ensure (CD_TYPE_SEARCH_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CdEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, CdEditor, view);
  gtk_widget_class_bind_template_callback_full (widget_class, "view_paste_clipboard_cb",
                                                G_CALLBACK (cd_editor_view_paste_clipboard_cb));

  /* Shortcuts: see the comment at the top of this file for the choices. */
  gtk_widget_class_install_action (widget_class, "editor.bold", NULL, editor_bold_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK,
                                       "editor.bold", NULL);
  gtk_widget_class_install_action (widget_class, "editor.italic", NULL, editor_italic_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "editor.italic", NULL);
  gtk_widget_class_install_action (widget_class, "editor.link", NULL, editor_link_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "editor.link", NULL);
  gtk_widget_class_install_action (widget_class, "editor.heading", NULL, editor_heading_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.heading", NULL);
  gtk_widget_class_install_action (widget_class, "editor.quote", NULL, editor_quote_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_apostrophe, GDK_CONTROL_MASK,
                                       "editor.quote", NULL);
  gtk_widget_class_install_action (widget_class, "editor.bulleted-list", NULL,
                                   editor_bulleted_list_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.bulleted-list", NULL);
  gtk_widget_class_install_action (widget_class, "editor.numbered-list", NULL,
                                   editor_numbered_list_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.numbered-list", NULL);
  gtk_widget_class_install_action (widget_class, "editor.find", NULL, editor_find_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "editor.find", NULL);
  gtk_widget_class_install_action (widget_class, "editor.find-replace", NULL,
                                   editor_find_replace_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "editor.find-replace", NULL);
  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, editor_find_next_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "editor.find-next", NULL);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL,
                                   editor_find_previous_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.find-previous", NULL);
  gtk_widget_class_install_action (widget_class, "editor.replace", NULL, editor_replace_cb);
  gtk_widget_class_install_action (widget_class, "editor.replace-all", NULL,
                                   editor_replace_all_cb);
  gtk_widget_class_install_action (widget_class, "editor.paste-plain", NULL,
                                   editor_paste_plain_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.paste-plain", NULL);
}

static void
cd_editor_init (CdEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkTextView *text_view;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  text_view = GTK_TEXT_VIEW (self->view);
  self->buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (text_view));

  gtk_source_buffer_set_language (self->buffer,
                                  gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (self->buffer, TRUE);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->buffer), TRUE);
  cd_spell_adapter_attach (text_view, CD_SPELL_TEXT_MARKDOWN, "body");
  gtk_text_buffer_set_max_undo_levels (GTK_TEXT_BUFFER (self->buffer), MAX_UNDO_LEVELS);
  g_signal_connect_object (self->buffer, "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "redo",
                           G_CALLBACK (buffer_redo_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "undo",
                           G_CALLBACK (buffer_undo_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "end-user-action",
                           G_CALLBACK (buffer_end_user_action_cb), self, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (view_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  /* Prose, not code: style.css gives the body a reading face, and the
   * user's document font replaces it when the desktop names one. The
   * provider is the view's own, so nothing else in the window changes, and
   * it ranks above style.css (loaded at the application priority). */
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "article-body");
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->view)),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  self->interface_settings = cd_editor_interface_settings_new ();
  if (self->interface_settings != NULL)
    g_signal_connect_object (self->interface_settings, "changed::document-font-name",
                             G_CALLBACK (cd_editor_update_font), self, G_CONNECT_SWAPPED);
  cd_editor_update_font (self);

  self->page_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->scroller)),
                                  GTK_STYLE_PROVIDER (self->page_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  cd_editor_update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (cd_editor_style_manager_notify_dark_cb), self,
                           G_CONNECT_SWAPPED);

  /* A visible caption above the text, in the view's top gutter: GTK 4.8
   * draws a child placed in the top margin over the text once the view
   * scrolls, while the gutter stays above it. And a hint while the text is
   * empty, a child of the view. Neither takes input. */
  self->caption = gtk_label_new (_("Body"));
  gtk_widget_add_css_class (self->caption, "caption-heading");
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_widget_set_can_target (self->caption, FALSE);
  gtk_widget_set_can_focus (self->caption, FALSE);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0.0);
  gtk_widget_set_margin_start (self->caption, 32);
  gtk_widget_set_margin_top (self->caption, 24);
  gtk_widget_set_margin_bottom (self->caption, 8);
  gtk_text_view_set_gutter (text_view, GTK_TEXT_WINDOW_TOP, self->caption);

  self->placeholder = gtk_label_new (_("Write your story in Markdown…"));
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_can_target (self->placeholder, FALSE);
  gtk_widget_set_can_focus (self->placeholder, FALSE);
  gtk_text_view_add_overlay (text_view, self->placeholder, 32, 0);

  self->article_signals = g_signal_group_new (CD_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::body",
                                 G_CALLBACK (article_notify_body_cb), self, G_CONNECT_SWAPPED);

  update_article_actions (self);
  update_placeholder (self);
}

/**
 * cd_editor_new:
 *
 * Returns: (transfer floating): a new body editor with no article
 */
GtkWidget *
cd_editor_new (void)
{
  return g_object_new (CD_TYPE_EDITOR, NULL);
}

/**
 * cd_editor_get_article:
 *
 * Returns: (transfer none) (nullable): the article whose body is edited
 */
CdArticle *
cd_editor_get_article (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);

  return self->article;
}

/**
 * cd_editor_set_article:
 * @article: (nullable): the article to edit
 *
 * Copies pending edits into the previous article, then loads @article's body
 * with a fresh undo history and the cursor at the start.
 */
void
cd_editor_set_article (CdEditor  *self,
                       CdArticle *article)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (self->article == article)
    return;

  cd_editor_flush (self);

  g_set_object (&self->article, article);
  g_signal_group_set_target (self->article_signals, article);
  cd_search_bar_set_article (self->search_bar, article);
  replace_buffer_text (self, article ? cd_article_get_body (article) : "", FALSE);
  update_article_actions (self);
  update_placeholder (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * cd_editor_get_buffer:
 *
 * Returns: (transfer none): the buffer that holds the body while it is edited
 */
GtkSourceBuffer *
cd_editor_get_buffer (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);

  return self->buffer;
}

/**
 * cd_editor_get_view:
 *
 * Returns: (transfer none): the text view
 */
GtkTextView *
cd_editor_get_view (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);

  return GTK_TEXT_VIEW (self->view);
}

void
cd_editor_flush (CdEditor *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CD_IS_EDITOR (self));

  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->article == NULL || self->buffer == NULL)
    return;

  text = dup_buffer_text (self);
  if (g_strcmp0 (text, cd_article_get_body (self->article)) == 0)
    return;

  self->syncing++;
  cd_article_set_body (self->article, text);
  self->syncing--;
}

/**
 * cd_editor_has_pending_edits:
 * @self: a #CdEditor
 *
 * Returns: %TRUE when text typed in the buffer has not reached the article
 *   yet; cd_editor_flush () copies it. Cheap: callers on every change ask
 *   this rather than compare the whole body.
 */
gboolean
cd_editor_has_pending_edits (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), FALSE);

  return self->sync_source != 0;
}

void
cd_editor_insert_html (CdEditor   *self,
                       const char *html)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  g_return_if_fail (html != NULL);

  cd_editor_insert_markdown_html (self, html, -1);
}

/**
 * cd_editor_set_history:
 * @self: a #CdEditor
 * @history: (nullable): the article's history, or %NULL
 *
 * Hands the editor the history of the whole article, which then replaces
 * the buffer's own undo: the window's Undo takes back the last change to the
 * article wherever it was made. Each formatting action and paste stays one
 * step. Without a history the buffer keeps its own undo.
 */
void
cd_editor_set_history (CdEditor  *self,
                       CdHistory *history)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  g_return_if_fail (history == NULL || CD_IS_HISTORY (history));

  if (!g_set_object (&self->article_history, history))
    return;

  self->editing = FALSE;
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->buffer), history == NULL);
}

/**
 * cd_editor_place_cursor:
 * @self: a #CdEditor
 * @offset: a character offset in the body
 *
 * Puts the cursor at @offset (clamped to the text) and scrolls to it.
 */
void
cd_editor_place_cursor (CdEditor *self,
                        int       offset)
{
  GtkTextIter iter;

  g_return_if_fail (CD_IS_EDITOR (self));

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &iter, MAX (offset, 0));
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &iter);
  cd_editor_scroll_to_cursor (self);
}

/**
 * cd_editor_set_spell_context:
 * @self: a #CdEditor
 * @context: (nullable): the window's spell checking
 *
 * Underlines misspelt words and house-style findings in the body.
 */
void
cd_editor_set_spell_context (CdEditor       *self,
                             CdSpellContext *context)
{
  g_return_if_fail (CD_IS_EDITOR (self));

  cd_spell_adapter_set_context (cd_spell_adapter_get_for_view (GTK_TEXT_VIEW (self->view)),
                                context);
}
