/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-spell-adapter"

#include <glib/gi18n.h>

#include "cd-spell-adapter.h"

/* Spell checking in a one-line entry. Its text is short (a credit, a
 * dateline), so it is checked whole, in an idle after each change. */

#define MAX_SUGGESTIONS 5
#define MISSPELT_COLOR 0xe0, 0x1b, 0x24

typedef struct
{
  GtkText        *text;     /* owns this */
  CdSpellContext *context;
  CdSpellTextKind kind;
  char           *field;
  GMenu          *menu;
  GSimpleActionGroup *actions;
  /* The word the menu is about: its characters in the text. */
  char           *word;
  int             word_start;
  int             word_end;
  guint           source;
} EntrySpell;

static void
entry_spell_free (gpointer data)
{
  EntrySpell *spell = data;

  g_clear_handle_id (&spell->source, g_source_remove);
  g_clear_object (&spell->context);
  g_clear_object (&spell->menu);
  g_clear_object (&spell->actions);
  g_free (spell->field);
  g_free (spell->word);
  g_free (spell);
}

static EntrySpell *
get_spell (GtkText *text)
{
  return g_object_get_data (G_OBJECT (text), "cd-spell-entry");
}

static CdSpellChecker *
active_checker (EntrySpell *spell)
{
  if (spell->context == NULL || !cd_spell_context_get_enabled (spell->context))
    return NULL;
  return cd_spell_context_get_checker (spell->context);
}

/* The misspelt words as byte ranges; the one being typed (ending at the
 * cursor while the entry has the focus) is left out unless @all. */
static GArray *
find_misspellings (EntrySpell *spell,
                   gboolean    all)
{
  CdSpellChecker *checker = active_checker (spell);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spell->text));
  GArray *ranges;

  if (checker == NULL)
    return g_array_new (FALSE, FALSE, sizeof (guint));

  ranges = cd_spell_checker_check_text (checker, text, -1, spell->kind);
  if (!all && gtk_widget_has_focus (GTK_WIDGET (spell->text)))
    {
      int cursor = gtk_editable_get_position (GTK_EDITABLE (spell->text));
      const char *at = g_utf8_offset_to_pointer (text, cursor);
      guint cursor_byte = (guint) (at - text);

      for (guint i = 0; i + 1 < ranges->len; i += 2)
        {
          if (g_array_index (ranges, guint, i + 1) == cursor_byte)
            {
              g_array_remove_range (ranges, i, 2);
              break;
            }
        }
    }
  return ranges;
}

static gboolean
update_cb (gpointer data)
{
  EntrySpell *spell = data;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;

  spell->source = 0;
  ranges = find_misspellings (spell, FALSE);
  if (ranges->len > 0)
    {
      attrs = pango_attr_list_new ();
      for (guint i = 0; i + 1 < ranges->len; i += 2)
        {
          PangoAttribute *attr;

          attr = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
          attr->start_index = g_array_index (ranges, guint, i);
          attr->end_index = g_array_index (ranges, guint, i + 1);
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_underline_color_new (MISSPELT_COLOR);
          attr->start_index = g_array_index (ranges, guint, i);
          attr->end_index = g_array_index (ranges, guint, i + 1);
          pango_attr_list_insert (attrs, attr);
        }
    }
  gtk_text_set_attributes (spell->text, attrs);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (GtkText *text)
{
  EntrySpell *spell = get_spell (text);

  if (spell->source == 0)
    spell->source = g_idle_add (update_cb, spell);
}

/* The menu */

static void
update_menu (EntrySpell *spell)
{
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GMenu) suggestions = NULL;
  g_autoptr(GMenu) word_section = NULL;
  g_auto(GStrv) words = NULL;
  CdSpellChecker *checker = active_checker (spell);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spell->text));
  int cursor = gtk_editable_get_position (GTK_EDITABLE (spell->text));
  guint cursor_byte = (guint) (g_utf8_offset_to_pointer (text, cursor) - text);
  guint start = 0, end = 0;

  g_menu_remove_all (spell->menu);
  g_clear_pointer (&spell->word, g_free);
  if (checker == NULL)
    return;

  ranges = find_misspellings (spell, TRUE);
  if (ranges->len == 0)
    return;

  start = g_array_index (ranges, guint, 0);
  end = g_array_index (ranges, guint, 1);
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      if (g_array_index (ranges, guint, i) <= cursor_byte &&
          cursor_byte <= g_array_index (ranges, guint, i + 1))
        {
          start = g_array_index (ranges, guint, i);
          end = g_array_index (ranges, guint, i + 1);
          break;
        }
    }

  spell->word = g_strndup (text + start, end - start);
  spell->word_start = (int) g_utf8_pointer_to_offset (text, text + start);
  spell->word_end = (int) g_utf8_pointer_to_offset (text, text + end);

  suggestions = g_menu_new ();
  words = cd_spell_checker_suggest (checker, spell->word, -1, MAX_SUGGESTIONS);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = g_strsplit (words[i], "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "spell.replace",
                                               g_variant_new_string (words[i]));
      g_menu_append_item (suggestions, item);
    }
  if (words[0] == NULL)
    g_menu_append (suggestions, _("No Suggestions"), "spell.no-suggestions");

  word_section = g_menu_new ();
  g_menu_append (word_section, _("_Add to Dictionary"), "spell.add");
  g_menu_append (word_section, _("_Ignore"), "spell.ignore");
  g_menu_append_section (spell->menu, NULL, G_MENU_MODEL (suggestions));
  g_menu_append_section (spell->menu, NULL, G_MENU_MODEL (word_section));
}

static void
replace_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      EntrySpell    *spell)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spell->text));
  const char *replacement = g_variant_get_string (parameter, NULL);
  g_autofree char *word = NULL;
  g_autoptr(GString) result = NULL;
  const char *start, *end;

  if (spell->word == NULL || spell->word_end > g_utf8_strlen (text, -1))
    return;
  start = g_utf8_offset_to_pointer (text, spell->word_start);
  end = g_utf8_offset_to_pointer (text, spell->word_end);
  word = g_strndup (start, (gsize) (end - start));
  if (g_strcmp0 (word, spell->word) != 0)
    return;  /* the text changed under the menu */

  /* One change of the text: one step for Undo. */
  result = g_string_new_len (text, start - text);
  g_string_append (result, replacement);
  g_string_append (result, end);
  gtk_editable_set_text (GTK_EDITABLE (spell->text), result->str);
  gtk_editable_set_position (GTK_EDITABLE (spell->text),
                             spell->word_start + (int) g_utf8_strlen (replacement, -1));
  g_clear_pointer (&spell->word, g_free);
  g_menu_remove_all (spell->menu);
}

static void
add_activated_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  EntrySpell    *spell)
{
  g_autofree char *word = g_steal_pointer (&spell->word);

  g_menu_remove_all (spell->menu);
  if (word != NULL && spell->context != NULL)
    cd_spell_context_add_word (spell->context, word);
}

static void
ignore_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     EntrySpell    *spell)
{
  g_autofree char *word = g_steal_pointer (&spell->word);

  g_menu_remove_all (spell->menu);
  if (word != NULL && spell->context != NULL)
    cd_spell_context_ignore_word (spell->context, word);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  EntrySpell      *spell)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));

  if (event != NULL && gdk_event_triggers_context_menu (event))
    update_menu (spell);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EntrySpell            *spell)
{
  state &= gtk_accelerator_get_default_mod_mask ();
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && state == GDK_SHIFT_MASK))
    update_menu (spell);
  else if (keyval == GDK_KEY_F7 && state == 0)
    {
      update_menu (spell);
      if (spell->word == NULL)
        {
          gtk_widget_error_bell (GTK_WIDGET (spell->text));
          return TRUE;
        }
      gtk_editable_set_position (GTK_EDITABLE (spell->text), spell->word_end);
      gtk_widget_activate_action (GTK_WIDGET (spell->text), "menu.popup", NULL);
      return TRUE;
    }
  return FALSE;
}

void
cd_spell_adapter_attach_entry (GtkEditable *editable,
                               const char  *field)
{
  const GActionEntry entries[] = {
    { "replace", (gpointer) replace_activated_cb, "s" },
    { "add", (gpointer) add_activated_cb },
    { "ignore", (gpointer) ignore_activated_cb },
  };
  GtkEventController *controller;
  EntrySpell *spell;
  GtkText *text;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  text = cd_spell_adapter_get_entry_text (editable);
  g_return_if_fail (text != NULL && get_spell (text) == NULL);

  spell = g_new0 (EntrySpell, 1);
  spell->text = text;
  spell->kind = CD_SPELL_TEXT_PLAIN;
  spell->field = g_strdup (field);
  spell->menu = g_menu_new ();
  spell->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (spell->actions), entries,
                                   G_N_ELEMENTS (entries), spell);
  g_object_set_data_full (G_OBJECT (text), "cd-spell-entry", spell, entry_spell_free);

  gtk_text_set_extra_menu (text, G_MENU_MODEL (spell->menu));
  gtk_widget_insert_action_group (GTK_WIDGET (text), "spell", G_ACTION_GROUP (spell->actions));

  g_signal_connect (text, "changed", G_CALLBACK (schedule_update), NULL);
  g_signal_connect (text, "notify::cursor-position", G_CALLBACK (schedule_update), NULL);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (schedule_update), text);
  gtk_widget_add_controller (GTK_WIDGET (text), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "pressed", G_CALLBACK (click_pressed_cb), spell);
  gtk_widget_add_controller (GTK_WIDGET (text), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), spell);
  gtk_widget_add_controller (GTK_WIDGET (text), controller);
}

void
cd_spell_adapter_set_entry_context (GtkEditable    *editable,
                                    CdSpellContext *context)
{
  GtkText *text = cd_spell_adapter_get_entry_text (editable);
  EntrySpell *spell;

  g_return_if_fail (text != NULL && get_spell (text) != NULL);
  spell = get_spell (text);

  if (spell->context == context)
    return;
  if (spell->context != NULL)
    g_signal_handlers_disconnect_by_data (spell->context, text);
  g_set_object (&spell->context, context);
  if (context != NULL)
    {
      g_signal_connect_object (context, "notify::checker",
                               G_CALLBACK (schedule_update), text, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::enabled",
                               G_CALLBACK (schedule_update), text, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "words-changed",
                               G_CALLBACK (schedule_update), text, G_CONNECT_SWAPPED);
    }
  schedule_update (text);
}

GtkText *
cd_spell_adapter_get_entry_text (GtkEditable *editable)
{
  GtkEditable *delegate = editable;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  while (delegate != NULL && !GTK_IS_TEXT (delegate))
    delegate = gtk_editable_get_delegate (delegate);
  return delegate != NULL ? GTK_TEXT (delegate) : NULL;
}

GMenuModel *
cd_spell_adapter_update_entry_menu (GtkEditable *editable)
{
  GtkText *text = cd_spell_adapter_get_entry_text (editable);
  EntrySpell *spell;

  g_return_val_if_fail (text != NULL && get_spell (text) != NULL, NULL);
  spell = get_spell (text);
  update_menu (spell);
  return G_MENU_MODEL (spell->menu);
}
