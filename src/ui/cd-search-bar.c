/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-search-bar"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-search-bar.h"
#include "copydesk-core.h"

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
 *
 * With an article, the search also covers its other text fields (core's
 * cd_find_in_article (): headline, standfirst, dateline, the lead image's
 * text, the note for the desk), before the body as on the form: the count
 * includes them, next and previous go through them (the window reveals and
 * focuses the field, and the match is selected there), and Replace All
 * replaces in every field; the editor makes it one step of the article's
 * history. The body itself is searched here, in the buffer, which holds
 * what was typed before it reaches the article.
 */

#define MAX_FIND_PREFILL 200
#define SELECT_RETRY_MS 50
#define MAX_SELECT_RETRIES 40

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

  CdArticle               *article;
  CdImage                 *image;
  /* The matches outside the body (CdFindMatch), in form order, and the one
   * selected, or -1 when the selection is in the body. */
  GArray                  *field_matches;
  int                      field_index;
  guint                    select_source;
  guint                    select_retries;
};

G_DEFINE_FINAL_TYPE (CdSearchBar, cd_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_ARTICLE,
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

static CdFindFlags
get_find_flags (CdSearchBar *self)
{
  return CD_FIND_SKIP_BODY |
         (gtk_toggle_button_get_active (self->case_check) ? CD_FIND_MATCH_CASE : 0);
}

static guint
n_field_matches (CdSearchBar *self)
{
  return self->field_matches != NULL ? self->field_matches->len : 0;
}

/* Finds the matches outside the body again, after the search or a field
 * changed. */
static void
update_field_matches (CdSearchBar *self)
{
  g_clear_pointer (&self->field_matches, g_array_unref);
  if (self->article != NULL && *get_search_text (self) != '\0')
    self->field_matches = cd_find_in_article (self->article, get_search_text (self),
                                              get_find_flags (self));
  if (self->field_index >= (int) n_field_matches (self))
    self->field_index = -1;
}

/* "12 matches: 9 in Body, 2 in Headline, 1 in Lead image caption", for the
 * count's tooltip and accessible description; NULL when every match is in
 * the body. */
static char *
dup_match_summary (CdSearchBar *self,
                   int          body_count)
{
  g_autoptr(GString) parts = g_string_new (NULL);
  g_autofree guint *counts = NULL;
  guint n = n_field_matches (self);
  guint n_fields = cd_field_get_n_fields ();
  const CdField *body = cd_field_lookup ("body");

  if (n == 0)
    return NULL;

  counts = g_new0 (guint, n_fields);
  for (guint i = 0; i < n; i++)
    counts[cd_field_get_position (g_array_index (self->field_matches, CdFindMatch, i).field)]++;
  counts[cd_field_get_position (body)] = (guint) body_count;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *label = NULL;

      if (counts[i] == 0)
        continue;
      label = cd_field_dup_label (cd_field_get_id (cd_field_get_nth (i)));
      if (parts->len > 0)
        /* Translators: between the fields in "12 matches: 9 in Body, 2 in Headline". */
        g_string_append (parts, _(", "));
      /* Translators: how many matches are in one field: "2 in Headline". */
      g_string_append_printf (parts, ngettext ("%u in %s", "%u in %s", counts[i]),
                              counts[i], label);
    }

  /* Translators: the number of matches in the whole article, then where
   * they are: "12 matches: 9 in Body, 2 in Headline". */
  return g_strdup_printf (ngettext ("%d match: %s", "%d matches: %s", n + body_count),
                          (int) (n + body_count), parts->str);
}

static void
update_match_label (CdSearchBar *self)
{
  GtkTextIter start, end;
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;
  int count;
  int position;
  int n_fields = (int) n_field_matches (self);

  if (*get_search_text (self) == '\0' || self->search_context == NULL)
    {
      gtk_label_set_label (self->match_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->match_label), NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
      return;
    }

  count = gtk_source_search_context_get_occurrences_count (self->search_context);
  if (count < 0)
    return;  /* Still counting: notify::occurrences-count comes. */

  summary = dup_match_summary (self, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->match_label), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->match_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary ? summary : "",
                                  -1);
  count += n_fields;

  if (count == 0)
    {
      gtk_label_set_label (self->match_label, _("No matches"));
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");

  if (self->field_index >= 0)
    {
      position = self->field_index + 1;
    }
  else
    {
      gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
      position = gtk_source_search_context_get_occurrence_position (self->search_context,
                                                                    &start, &end);
      if (position > 0)
        position += n_fields;
    }
  if (position > 0)
    /* Translators: the first number is the match that is selected, the
     * second how many there are: "3 of 12". */
    label = g_strdup_printf (_("%d of %d"), position, count);
  else
    label = g_strdup_printf (ngettext ("%d match", "%d matches", count),
                             count);
  gtk_label_set_label (self->match_label, label);
}

/* Selects the current field match in the focused widget, if that is the
 * match's field: its text is the field's. */
static gboolean
select_in_focus (CdSearchBar *self)
{
  const CdFindMatch *match;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  if (self->field_index < 0 || self->article == NULL || focus == NULL)
    return FALSE;
  match = &g_array_index (self->field_matches, CdFindMatch, self->field_index);
  if (!cd_field_get_value (match->field, self->article, CD_FIELD_NO_INDEX, &value) ||
      !G_VALUE_HOLDS_STRING (&value))
    return FALSE;

  if (GTK_IS_TEXT_VIEW (focus))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      if (g_strcmp0 (text, g_value_get_string (&value)) != 0)
        return FALSE;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (focus), gtk_text_buffer_get_insert (buffer),
                                    0.1, FALSE, 0.0, 0.0);
      return TRUE;
    }
  if (GTK_IS_EDITABLE (focus) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (focus)), g_value_get_string (&value)) == 0)
    {
      gtk_editable_select_region (GTK_EDITABLE (focus), match->start, match->end);
      return TRUE;
    }
  return FALSE;
}

/* A field in a hidden pane takes the focus when the pane has started to
 * show: the selection waits for it, a little. */
static gboolean
select_in_focus_retry_cb (gpointer data)
{
  CdSearchBar *self = data;

  if (select_in_focus (self) || ++self->select_retries >= MAX_SELECT_RETRIES)
    {
      self->select_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Shows the match outside the body at @index: the window reveals and
 * focuses its field, and the match is selected there. */
static void
select_field_match (CdSearchBar *self,
                    guint        index)
{
  const CdFindMatch *match = &g_array_index (self->field_matches, CdFindMatch, index);

  g_clear_handle_id (&self->select_source, g_source_remove);
  self->field_index = (int) index;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-field", "s",
                              cd_field_get_id (match->field));
  if (!select_in_focus (self))
    {
      self->select_retries = 0;
      self->select_source = g_timeout_add (SELECT_RETRY_MS, select_in_focus_retry_cb, self);
    }
  update_match_label (self);
}

static void
select_match (CdSearchBar *self,
              GtkTextIter *match_start,
              GtkTextIter *match_end)
{
  GtkTextBuffer *buffer = get_buffer (self);

  /* Coming back from a field, the body takes the focus again. */
  if (self->field_index >= 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
  self->field_index = -1;
  gtk_text_buffer_select_range (buffer, match_start, match_end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view),
                                gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0.0, 0.0);
  update_match_label (self);
}

static gboolean
find_forward_from (CdSearchBar *self,
                   GtkTextIter *from,
                   gboolean     fields_after)
{
  GtkTextIter match_start, match_end;
  gboolean wrapped = FALSE;
  gboolean found;

  if (*get_search_text (self) == '\0' || self->search_context == NULL)
    return FALSE;
  found = gtk_source_search_context_forward (self->search_context, from,
                                             &match_start, &match_end, &wrapped);
  /* Past the body's last match come the fields, at the top of the form. */
  if (fields_after && (!found || wrapped) && n_field_matches (self) > 0)
    {
      select_field_match (self, 0);
      return TRUE;
    }
  if (!found)
    return FALSE;
  select_match (self, &match_start, &match_end);
  return TRUE;
}

static gboolean
find_backward_from (CdSearchBar *self,
                    GtkTextIter *from,
                    gboolean     fields_before)
{
  GtkTextIter match_start, match_end;
  gboolean wrapped = FALSE;
  gboolean found;

  if (*get_search_text (self) == '\0' || self->search_context == NULL)
    return FALSE;
  found = gtk_source_search_context_backward (self->search_context, from,
                                              &match_start, &match_end, &wrapped);
  if (fields_before && (!found || wrapped) && n_field_matches (self) > 0)
    {
      select_field_match (self, n_field_matches (self) - 1);
      return TRUE;
    }
  if (!found)
    return FALSE;
  select_match (self, &match_start, &match_end);
  return TRUE;
}

/* The match after the field match at @index: the next field's, or the
 * body's first, or (with none in the body) the first field's again. */
static void
find_after_field (CdSearchBar *self,
                  int          index)
{
  GtkTextIter start;

  if (index + 1 < (int) n_field_matches (self))
    {
      select_field_match (self, index + 1);
      return;
    }
  gtk_text_buffer_get_start_iter (get_buffer (self), &start);
  if (!find_forward_from (self, &start, FALSE) && n_field_matches (self) > 0)
    select_field_match (self, 0);
}

static void
find_before_field (CdSearchBar *self,
                   int          index)
{
  GtkTextIter end;

  if (index > 0)
    {
      select_field_match (self, index - 1);
      return;
    }
  gtk_text_buffer_get_end_iter (get_buffer (self), &end);
  if (!find_backward_from (self, &end, FALSE) && n_field_matches (self) > 0)
    select_field_match (self, n_field_matches (self) - 1);
}

static void
fields_changed_cb (CdSearchBar *self)
{
  if (*get_search_text (self) == '\0')
    return;
  update_field_matches (self);
  update_match_label (self);
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
      /* The user moved in the body: the next match is after that. */
      if (self->view != NULL && gtk_widget_has_focus (GTK_WIDGET (self->view)))
        self->field_index = -1;
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
  self->field_index = -1;
  update_field_matches (self);
  if (self->view == NULL)
    return;

  /* Find as you type: the first match from where the selection starts, in
   * the body only, so that the focus stays in the entry while typing. */
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  if (!find_forward_from (self, &start, FALSE))
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

  g_clear_handle_id (&self->select_source, g_source_remove);
  cd_search_bar_set_view (self, NULL);
  cd_search_bar_set_article (self, NULL);
  g_clear_object (&self->search_settings);
  g_clear_pointer (&self->field_matches, g_array_unref);

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

    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
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

    case PROP_ARTICLE:
      cd_search_bar_set_article (self, g_value_get_object (value));
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
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CD_TYPE_ARTICLE,
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
  g_signal_connect_object (self->case_check, "notify::active",
                           G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  self->field_index = -1;
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
  if (self->field_index >= 0)
    {
      find_after_field (self, self->field_index);
      return;
    }
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  find_forward_from (self, &end, TRUE);
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
  if (self->field_index >= 0)
    {
      find_before_field (self, self->field_index);
      return;
    }
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  find_backward_from (self, &start, TRUE);
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
  if (self->field_index >= 0)
    return TRUE;
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
  if (self->field_index >= 0)
    {
      /* A match in a field: replace it in the article, then go on. */
      int index = self->field_index;
      CdFindMatch match = g_array_index (self->field_matches, CdFindMatch, index);

      cd_find_replace_match (self->article, &match, get_search_text (self), replacement,
                             get_find_flags (self));
      update_field_matches (self);
      find_after_field (self, index - 1);
      return;
    }
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
  find_forward_from (self, &end, TRUE);
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
  if (self->article != NULL)
    cd_find_replace_all (self->article, get_search_text (self), replacement,
                         get_find_flags (self), NULL);
  self->field_index = -1;
  update_field_matches (self);
  update_match_label (self);
}

/**
 * cd_search_bar_get_article:
 *
 * Returns: (transfer none) (nullable): the article whose fields are searched
 */
CdArticle *
cd_search_bar_get_article (CdSearchBar *self)
{
  g_return_val_if_fail (CD_IS_SEARCH_BAR (self), NULL);

  return self->article;
}

/**
 * cd_search_bar_set_article:
 * @article: (nullable): the article whose fields are searched with the body
 *
 * Searches the text fields of @article besides the view's body.
 */
void
cd_search_bar_set_article (CdSearchBar *self,
                           CdArticle   *article)
{
  g_return_if_fail (CD_IS_SEARCH_BAR (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  if (self->image != NULL)
    g_signal_handlers_disconnect_by_data (self->image, self);
  g_clear_object (&self->image);
  g_set_object (&self->article, article);
  if (article != NULL)
    {
      /* Any field's change may add or remove matches. The lead image is
       * one object for the article's life. */
      self->image = g_object_ref (cd_article_get_image (article));
      g_signal_connect_object (article, "notify", G_CALLBACK (fields_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->image, "notify", G_CALLBACK (fields_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  self->field_index = -1;
  update_field_matches (self);
  update_match_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}
