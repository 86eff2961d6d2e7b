/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-search-bar"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-search-bar.h"

/*
 * Find and replace
 *
 * The search runs in a GtkSourceSearchContext on the view's buffer, with
 * wrap-around, highlighting only while the bar is shown. Typing a search
 * selects the first match from where the selection starts (find as you
 * type); the label beside the entry says which match is selected and how
 * many there are, and the entry turns red when there are none. Escape
 * anywhere in the bar closes it and gives the focus back to the text; the
 * search stays for find-next.
 */

#define MAX_FIND_PREFILL 200

struct _CdSearchBar
{
  GtkWidget                parent_instance;

  /* Template children */
  GtkSearchBar            *search_bar;
  GtkSearchEntry          *search_entry;
  GtkLabel                *match_label;
  GtkToggleButton         *replace_toggle;
  GtkWidget               *replace_box;
  GtkEntry                *replace_entry;
  GtkToggleButton         *case_check;

  GtkSourceView           *view;
  /* The view's buffer when it was set: a view being disposed drops it. */
  GtkTextBuffer           *buffer;
  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext  *search_context;
};

G_DEFINE_FINAL_TYPE (CdSearchBar, cd_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkTextBuffer *
get_buffer (CdSearchBar *self)
{
  return self->buffer;
}

static const char *
get_search_text (CdSearchBar *self)
{
  const char *text = gtk_source_search_settings_get_search_text (self->search_settings);

  return text ? text : "";
}

static void
update_match_label (CdSearchBar *self)
{
  GtkTextIter start, end;
  g_autofree char *label = NULL;
  int count;
  int position;

  if (*get_search_text (self) == '\0' || self->search_context == NULL)
    {
      gtk_label_set_label (self->match_label, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
      return;
    }

  count = gtk_source_search_context_get_occurrences_count (self->search_context);
  if (count < 0)
    return;  /* Still counting: notify::occurrences-count comes. */

  if (count == 0)
    {
      gtk_label_set_label (self->match_label, _("No matches"));
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");

  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  position = gtk_source_search_context_get_occurrence_position (self->search_context,
                                                                &start, &end);
  if (position > 0)
    /* Translators: the first number is the match that is selected, the
     * second how many there are: "3 of 12". */
    label = g_strdup_printf (_("%d of %d"), position, count);
  else
    label = g_strdup_printf (ngettext ("%d match", "%d matches", count),
                             count);
  gtk_label_set_label (self->match_label, label);
}

static void
select_match (CdSearchBar *self,
              GtkTextIter *match_start,
              GtkTextIter *match_end)
{
  GtkTextBuffer *buffer = get_buffer (self);

  gtk_text_buffer_select_range (buffer, match_start, match_end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view),
                                gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0.0, 0.0);
  update_match_label (self);
}

static gboolean
find_forward_from (CdSearchBar *self,
                   GtkTextIter *from)
{
  GtkTextIter match_start, match_end;
  gboolean wrapped;

  if (*get_search_text (self) == '\0' || self->search_context == NULL)
    return FALSE;
  if (!gtk_source_search_context_forward (self->search_context, from,
                                          &match_start, &match_end, &wrapped))
    return FALSE;
  select_match (self, &match_start, &match_end);
  return TRUE;
}

static gboolean
find_backward_from (CdSearchBar *self,
                    GtkTextIter *from)
{
  GtkTextIter match_start, match_end;
  gboolean wrapped;

  if (*get_search_text (self) == '\0' || self->search_context == NULL)
    return FALSE;
  if (!gtk_source_search_context_backward (self->search_context, from,
                                           &match_start, &match_end, &wrapped))
    return FALSE;
  select_match (self, &match_start, &match_end);
  return TRUE;
}

static void
search_context_notify_count_cb (CdSearchBar            *self,
                                GParamSpec             *pspec,
                                GtkSourceSearchContext *context)
{
  update_match_label (self);
}

static void
buffer_mark_set_cb (CdSearchBar   *self,
                    GtkTextIter   *location,
                    GtkTextMark   *mark,
                    GtkTextBuffer *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) ||
      mark == gtk_text_buffer_get_selection_bound (buffer))
    {
      if (gtk_search_bar_get_search_mode (self->search_bar))
        update_match_label (self);
    }
}

static void
search_changed_cb (CdSearchBar    *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkTextIter start, end;

  gtk_source_search_settings_set_search_text (self->search_settings, *text ? text : NULL);
  if (self->view == NULL)
    return;

  /* Find as you type: the first match from where the selection starts. */
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  if (!find_forward_from (self, &start))
    update_match_label (self);
}

static void
search_mode_changed_cb (CdSearchBar  *self,
                        GParamSpec   *pspec,
                        GtkSearchBar *search_bar)
{
  gboolean enabled = gtk_search_bar_get_search_mode (search_bar);

  if (self->search_context != NULL)
    gtk_source_search_context_set_highlight (self->search_context, enabled);
  if (!enabled && self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
search_activate_cb (CdSearchBar    *self,
                    GtkSearchEntry *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.find-next", NULL);
}

static void
search_next_match_cb (CdSearchBar    *self,
                      GtkSearchEntry *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.find-next", NULL);
}

static void
search_previous_match_cb (CdSearchBar    *self,
                          GtkSearchEntry *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.find-previous", NULL);
}

static void
search_stop_cb (CdSearchBar    *self,
                GtkSearchEntry *entry)
{
  cd_search_bar_close (self);
}

static gboolean
search_bar_key_pressed_cb (CdSearchBar           *self,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape && (state & gtk_accelerator_get_default_mod_mask ()) == 0)
    {
      cd_search_bar_close (self);
      return TRUE;
    }
  return FALSE;
}

static void
replace_activate_cb (CdSearchBar *self,
                     GtkEntry    *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.replace", NULL);
}

/* GObject */

static void
cd_search_bar_dispose (GObject *object)
{
  CdSearchBar *self = CD_SEARCH_BAR (object);

  cd_search_bar_set_view (self, NULL);
  g_clear_object (&self->search_settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_SEARCH_BAR);

  G_OBJECT_CLASS (cd_search_bar_parent_class)->dispose (object);
}

static void
cd_search_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CdSearchBar *self = CD_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_search_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CdSearchBar *self = CD_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      cd_search_bar_set_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_search_bar_class_init (CdSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_search_bar_dispose;
  object_class->get_property = cd_search_bar_get_property;
  object_class->set_property = cd_search_bar_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL,
                         GTK_SOURCE_TYPE_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_CLAMP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, match_label);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, replace_box);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, case_check);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_activate_cb);
}

static void
cd_search_bar_init (CdSearchBar *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Escape anywhere in the search bar closes it and returns to the text. */
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (search_bar_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_bar), controller);

  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);
  g_object_bind_property (self->case_check, "active",
                          self->search_settings, "case-sensitive",
                          G_BINDING_SYNC_CREATE);
}

/**
 * cd_search_bar_new:
 *
 * Returns: (transfer floating): a new search bar with no view
 */
GtkWidget *
cd_search_bar_new (void)
{
  return g_object_new (CD_TYPE_SEARCH_BAR, NULL);
}

/**
 * cd_search_bar_get_view:
 *
 * Returns: (transfer none) (nullable): the view searched
 */
GtkSourceView *
cd_search_bar_get_view (CdSearchBar *self)
{
  g_return_val_if_fail (CD_IS_SEARCH_BAR (self), NULL);

  return self->view;
}

/**
 * cd_search_bar_set_view:
 * @view: (nullable): the view to search
 *
 * Searches the buffer @view has now.
 */
void
cd_search_bar_set_view (CdSearchBar   *self,
                        GtkSourceView *view)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (CD_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || GTK_SOURCE_IS_VIEW (view));

  if (self->view == view)
    return;

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  if (self->search_context != NULL)
    g_signal_handlers_disconnect_by_data (self->search_context, self);
  g_clear_object (&self->search_context);
  g_clear_object (&self->buffer);
  g_set_object (&self->view, view);

  buffer = view ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)) : NULL;
  g_set_object (&self->buffer, buffer);
  if (buffer != NULL)
    {
      self->search_context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer),
                                                            self->search_settings);
      gtk_source_search_context_set_highlight (self->search_context,
                                               gtk_search_bar_get_search_mode (self->search_bar));
      g_signal_connect_object (self->search_context, "notify::occurrences-count",
                               G_CALLBACK (search_context_notify_count_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (buffer, "mark-set",
                               G_CALLBACK (buffer_mark_set_cb), self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

void
cd_search_bar_open (CdSearchBar *self,
                    gboolean     replace)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (CD_IS_SEARCH_BAR (self));

  /* A short selection on one line is what the user wants to find. */
  buffer = get_buffer (self);
  if (buffer != NULL &&
      gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) <= MAX_FIND_PREFILL)
    {
      g_autofree char *text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      gtk_source_search_settings_set_search_text (self->search_settings, text);
    }

  gtk_toggle_button_set_active (self->replace_toggle, replace);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  update_match_label (self);
}

void
cd_search_bar_close (CdSearchBar *self)
{
  g_return_if_fail (CD_IS_SEARCH_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

void
cd_search_bar_find_next (CdSearchBar *self)
{
  GtkTextIter start, end;

  g_return_if_fail (CD_IS_SEARCH_BAR (self));

  if (*get_search_text (self) == '\0' || self->view == NULL)
    {
      cd_search_bar_open (self, FALSE);
      return;
    }
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  find_forward_from (self, &end);
}

void
cd_search_bar_find_previous (CdSearchBar *self)
{
  GtkTextIter start, end;

  g_return_if_fail (CD_IS_SEARCH_BAR (self));

  if (*get_search_text (self) == '\0' || self->view == NULL)
    {
      cd_search_bar_open (self, FALSE);
      return;
    }
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  find_backward_from (self, &start);
}

gboolean
cd_search_bar_has_search (CdSearchBar *self)
{
  g_return_val_if_fail (CD_IS_SEARCH_BAR (self), FALSE);

  return *get_search_text (self) != '\0' && self->search_context != NULL;
}

gboolean
cd_search_bar_selection_is_match (CdSearchBar *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CD_IS_SEARCH_BAR (self), FALSE);

  if (!cd_search_bar_has_search (self))
    return FALSE;
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  return gtk_source_search_context_get_occurrence_position (self->search_context,
                                                            &start, &end) > 0;
}

void
cd_search_bar_replace (CdSearchBar *self)
{
  const char *replacement;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  g_return_if_fail (CD_IS_SEARCH_BAR (self));

  if (!cd_search_bar_has_search (self))
    return;

  replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  if (gtk_source_search_context_get_occurrence_position (self->search_context, &start, &end) > 0)
    {
      /* The selection is a match: replace it, then go to the next one. */
      if (!gtk_source_search_context_replace (self->search_context, &start, &end,
                                              replacement, -1, &error))
        {
          g_warning ("Could not replace: %s", error->message);
          return;
        }
      gtk_text_buffer_place_cursor (get_buffer (self), &end);
    }
  find_forward_from (self, &end);
  update_match_label (self);
}

void
cd_search_bar_replace_all (CdSearchBar *self)
{
  const char *replacement;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CD_IS_SEARCH_BAR (self));

  if (!cd_search_bar_has_search (self))
    return;

  replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  gtk_source_search_context_replace_all (self->search_context, replacement, -1, &error);
  if (error != NULL)
    g_warning ("Could not replace: %s", error->message);
  update_match_label (self);
}
