/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-window"

#include <string.h>

#include "cd-window-private.h"

/* One spell context per window: the body, the form's prose fields and the
 * image editor's share its checker, so a word added or ignored in one is
 * accepted in all. It follows the article's language and the house rules;
 * the window hands it each new preflight result for the style underlines. */

/* The status bar has room for core's first sentence ("There is no spelling
 * dictionary for Swahili (sw)."); its tooltip says what to install. */
static void
spell_message_cb (CdWindow *self)
{
  const char *message = cd_spell_context_get_message (self->spell);
  g_autofree char *note = NULL;
  const char *stop;

  if (message != NULL && (stop = strstr (message, ". ")) != NULL)
    note = g_strndup (message, (gsize) (stop - message + 1));
  cd_status_bar_set_note (self->status_bar, note != NULL ? note : message, message);
}

void
cd_window_spell_init (CdWindow *self)
{
  g_autoptr(GAction) action = NULL;

  self->spell = cd_spell_context_new ();
  g_settings_bind (self->settings, "check-spelling", self->spell, "enabled",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->spell, "notify::message",
                           G_CALLBACK (spell_message_cb), self, G_CONNECT_SWAPPED);

  action = g_settings_create_action (self->settings, "check-spelling");
  g_action_map_add_action (G_ACTION_MAP (self), action);

  cd_editor_set_spell_context (self->editor, self->spell);
  cd_metadata_form_set_spell_context (self->form, self->spell);
}

CdSpellContext *
cd_window_get_spell_context (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->spell;
}
