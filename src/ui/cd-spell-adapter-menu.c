/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-spell-adapter"

#include <glib/gi18n.h>

#include "cd-spell-adapter-private.h"

/* The context menu's spelling part: GtkTextView shows the "extra-menu"
 * model as it is when the menu opens, so the model is filled just before,
 * from the pointer's word on a right-click and the cursor's on the Menu key,
 * Shift+F10 and F7. */

#define MAX_SUGGESTIONS 5

/* A menu label shows "_" as a mnemonic. */
static char *
escape_label (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
set_menu_range (CdSpellAdapter    *self,
                const GtkTextIter *start,
                const GtkTextIter *end)
{
  if (self->menu_start == NULL)
    {
      self->menu_start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, start, TRUE));
      self->menu_end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, end, FALSE));
    }
  else
    {
      gtk_text_buffer_move_mark (self->buffer, self->menu_start, start);
      gtk_text_buffer_move_mark (self->buffer, self->menu_end, end);
    }
}

static void
set_actions_enabled (CdSpellAdapter *self,
                     gboolean        replace,
                     gboolean        word)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "replace")), replace);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "add")), word);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "ignore")), word);
}

void
cd_spell_adapter_update_menu (CdSpellAdapter    *self,
                              const GtkTextIter *iter)
{
  CdSpellChecker *checker = NULL;
  CdSpellFinding *finding;
  GtkTextIter start, end, at = *iter;

  g_return_if_fail (CD_IS_SPELL_ADAPTER (self));

  g_menu_remove_all (self->menu);
  g_clear_pointer (&self->menu_word, g_free);
  set_actions_enabled (self, FALSE, FALSE);

  if (self->context == NULL || !cd_spell_context_get_enabled (self->context))
    return;
  checker = cd_spell_context_get_checker (self->context);

  if (checker != NULL)
    {
      /* The word at the cursor may still wait for its check. */
      cd_spell_adapter_check_at (self, &at);
    }

  if (checker != NULL && cd_spell_adapter_misspelt_bounds (self, &at, &start, &end))
    {
      g_autoptr(GMenu) suggestions = g_menu_new ();
      g_autoptr(GMenu) word_section = g_menu_new ();
      g_auto(GStrv) words = NULL;

      self->menu_word = gtk_text_iter_get_text (&start, &end);
      set_menu_range (self, &start, &end);
      words = cd_spell_checker_suggest (checker, self->menu_word, -1, MAX_SUGGESTIONS);

      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *label = escape_label (words[i]);

          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (item, "spell.replace",
                                                   g_variant_new_string (words[i]));
          g_menu_append_item (suggestions, item);
        }
      if (words[0] == NULL)
        g_menu_append (suggestions, _("No Suggestions"), "spell.no-suggestions");

      g_menu_append (word_section, _("_Add to Dictionary"), "spell.add");
      g_menu_append (word_section, _("_Ignore"), "spell.ignore");
      g_menu_append_section (self->menu, NULL, G_MENU_MODEL (suggestions));
      g_menu_append_section (self->menu, NULL, G_MENU_MODEL (word_section));
      set_actions_enabled (self, words[0] != NULL, TRUE);
    }

  /* A misspelt word's menu is about the word: one range for "spell.replace". */
  if (self->menu_word != NULL)
    return;

  finding = cd_spell_adapter_finding_at (self, &at, &start, &end);
  if (finding != NULL && cd_preflight_issue_get_replacement (finding->issue) != NULL)
    {
      g_autoptr(GMenu) section = g_menu_new ();
      g_autoptr(GMenuItem) item = NULL;
      const char *replacement = cd_preflight_issue_get_replacement (finding->issue);
      g_autofree char *label = NULL;

      if (*replacement != '\0')
        {
          g_autofree char *escaped = escape_label (replacement);

          /* Translators: a menu item; %s is the form house style prefers. */
          label = g_strdup_printf (_("Replace with “%s”"), escaped);
        }
      else
        {
          g_autofree char *text = gtk_text_iter_get_text (&start, &end);
          g_autofree char *escaped = escape_label (text);

          /* Translators: a menu item; %s is a doubled word or extra space. */
          label = g_strdup_printf (_("Remove “%s”"), escaped);
        }

      set_menu_range (self, &start, &end);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "spell.replace",
                                               g_variant_new_string (replacement));
      g_menu_append_item (section, item);
      g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));
      set_actions_enabled (self, TRUE, FALSE);
    }
}

GMenuModel *
cd_spell_adapter_get_menu (CdSpellAdapter *self)
{
  g_return_val_if_fail (CD_IS_SPELL_ADAPTER (self), NULL);
  return G_MENU_MODEL (self->menu);
}

/* Actions */

static gboolean
get_menu_range (CdSpellAdapter *self,
                GtkTextIter    *start,
                GtkTextIter    *end)
{
  if (self->menu_start == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, start, self->menu_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, end, self->menu_end);
  return gtk_text_iter_compare (start, end) < 0;
}

static void
replace_activated_cb (GSimpleAction  *action,
                      GVariant       *parameter,
                      CdSpellAdapter *self)
{
  const char *replacement = g_variant_get_string (parameter, NULL);
  GtkTextIter start, end;

  if (!get_menu_range (self, &start, &end))
    return;

  /* One step for Undo. */
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, replacement, -1);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_text_buffer_end_user_action (self->buffer);
  g_menu_remove_all (self->menu);
}

static void
add_activated_cb (GSimpleAction  *action,
                  GVariant       *parameter,
                  CdSpellAdapter *self)
{
  g_autofree char *word = g_steal_pointer (&self->menu_word);

  g_menu_remove_all (self->menu);
  if (word != NULL && self->context != NULL)
    cd_spell_context_add_word (self->context, word);
}

static void
ignore_activated_cb (GSimpleAction  *action,
                     GVariant       *parameter,
                     CdSpellAdapter *self)
{
  g_autofree char *word = g_steal_pointer (&self->menu_word);

  g_menu_remove_all (self->menu);
  if (word != NULL && self->context != NULL)
    cd_spell_context_ignore_word (self->context, word);
}

/* Opening the menu */

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  CdSpellAdapter  *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  GtkTextIter iter;
  int bx, by;

  if (self->view == NULL || event == NULL || !gdk_event_triggers_context_menu (event))
    return;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  cd_spell_adapter_update_menu (self, &iter);
}

static void
update_menu_at_cursor (CdSpellAdapter *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  cd_spell_adapter_update_menu (self, &iter);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CdSpellAdapter        *self)
{
  state &= gtk_accelerator_get_default_mod_mask ();
  if (keyval == GDK_KEY_Menu ||
      (keyval == GDK_KEY_F10 && state == GDK_SHIFT_MASK))
    update_menu_at_cursor (self);
  return FALSE;
}

/* F7: the suggestions for the misspelt word at the cursor, or for the next
 * one after it (from the top again after the last). */
static gboolean
next_misspelling_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  CdSpellAdapter *self = cd_spell_adapter_get_for_view (GTK_TEXT_VIEW (widget));
  GtkTextIter iter, start, end;

  if (self == NULL || self->context == NULL ||
      cd_spell_context_get_checker (self->context) == NULL ||
      !cd_spell_context_get_enabled (self->context))
    return FALSE;

  cd_spell_adapter_check_now (self);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  cd_spell_adapter_check_at (self, &iter);

  if (!cd_spell_adapter_misspelt_bounds (self, &iter, &start, &end))
    {
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, self->misspelt_tag))
        {
          gtk_text_buffer_get_start_iter (self->buffer, &iter);
          if (!gtk_text_iter_starts_tag (&iter, self->misspelt_tag) &&
              !gtk_text_iter_forward_to_tag_toggle (&iter, self->misspelt_tag))
            {
              gtk_widget_error_bell (widget);
              return TRUE;
            }
        }
      gtk_text_buffer_place_cursor (self->buffer, &iter);
      gtk_text_view_scroll_mark_onscreen (self->view, gtk_text_buffer_get_insert (self->buffer));
    }

  update_menu_at_cursor (self);
  gtk_widget_activate_action (widget, "menu.popup", NULL);
  return TRUE;
}

void
cd_spell_adapter_menu_init (CdSpellAdapter *self)
{
  const GActionEntry entries[] = {
    { "replace", (gpointer) replace_activated_cb, "s" },
    { "add", (gpointer) add_activated_cb },
    { "ignore", (gpointer) ignore_activated_cb },
  };

  self->menu = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  set_actions_enabled (self, FALSE, FALSE);
}

void
cd_spell_adapter_menu_attach (CdSpellAdapter *self,
                              GtkTextView    *view)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (self->menu));
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell", G_ACTION_GROUP (self->actions));

  /* Before the view's own handlers, which open the menu. */
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (click_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  controller = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F7, 0),
                               gtk_callback_action_new (next_misspelling_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}

void
cd_spell_adapter_menu_dispose (CdSpellAdapter *self)
{
  if (self->buffer != NULL && self->menu_start != NULL)
    {
      if (!gtk_text_mark_get_deleted (self->menu_start))
        gtk_text_buffer_delete_mark (self->buffer, self->menu_start);
      if (!gtk_text_mark_get_deleted (self->menu_end))
        gtk_text_buffer_delete_mark (self->buffer, self->menu_end);
    }
  g_clear_object (&self->menu_start);
  g_clear_object (&self->menu_end);
  g_clear_object (&self->menu);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->menu_word, g_free);
}
