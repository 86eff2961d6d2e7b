/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-tag-editor"

#include <glib/gi18n.h>
#include <string.h>

#include "cd-tag-editor-private.h"

/**
 * CdTagEditor:
 *
 * The article's tags as chips in a wrapping flow box, and an entry below them
 * that suggests tags while the user types.
 *
 * Suggestions appear from two characters on, in a popover under the entry
 * that does not take the focus, so typing goes on: first tags used before
 * (the "recent-tags" setting), then IPTC Media Topics whose label in the
 * article's language matches, each with its code and its parent topic. Tags
 * the article already has are not suggested.
 *
 * Everything the keyboard and the mouse do goes through the widget's actions,
 * which the tests use too:
 *
 * - `tags.select-next`, `tags.select-previous`: Down and Up;
 * - `tags.add-selected`: Enter, adds the selected suggestion, or a free tag
 *   with the typed text when none is selected;
 * - `tags.add-suggestion` (u): a click on a suggestion;
 * - `tags.close-suggestions`: Escape;
 * - `tags.remove` (s): a chip's remove button, and Delete or BackSpace on a
 *   focused chip; the tag is named by its name.
 *
 * Backspace in the empty entry focuses the last chip. A tag whose name the
 * article already has (case ignored) is refused and the entry cleared.
 *
 * The "recent-tags" setting lists the tags added most recently, newest first,
 * at most 50, no name twice (case ignored). Each entry is a free tag's name,
 * or "NAME|URI|CODE" for a vocabulary tag such as a Media Topic, so that it
 * comes back with its URI and code. Entries are split at their last two "|":
 * a free tag whose name contains "|" is stored as "NAME||" (empty URI and
 * code), and an entry with fewer than two "|" is a name.
 */

/* This file holds the widget, its chips and its actions; the suggestions
 * and the recent tags are in cd-tag-editor-suggestions.c. */

G_DEFINE_FINAL_TYPE (CdTagEditor, cd_tag_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Adding and removing                                                      */

static void
clear_entry (CdTagEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  cd_tag_editor_hide_suggestions (self);
}

/* Adds @tag unless the article has a tag of that name; either way the entry
 * is emptied. Returns whether it was added. */
static gboolean
add_tag (CdTagEditor *self,
         CdTag       *tag)
{
  g_autofree char *name = NULL;

  if (self->article == NULL)
    return FALSE;

  name = g_strstrip (g_strdup (cd_tag_get_name (tag)));
  if (*name == '\0')
    return FALSE;

  if (cd_article_has_tag (self->article, name))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      clear_entry (self);
      return FALSE;
    }

  if (strcmp (name, cd_tag_get_name (tag)) != 0)
    {
      g_autoptr(CdTag) trimmed = cd_tag_new (name, cd_tag_get_uri (tag), cd_tag_get_code (tag));
      cd_article_add_tag (self->article, trimmed);
      cd_tag_editor_remember_tag (self, trimmed);
    }
  else
    {
      cd_article_add_tag (self->article, tag);
      cd_tag_editor_remember_tag (self, tag);
    }

  clear_entry (self);
  return TRUE;
}

static CdTag *
tag_for_suggestion (GObject *item)
{
  if (CD_IS_MEDIA_TOPIC (item))
    return cd_media_topic_to_tag (CD_MEDIA_TOPIC (item));
  if (CD_IS_TAG (item))
    return g_object_ref (CD_TAG (item));
  g_return_val_if_reached (NULL);
}

static void
add_suggestion (CdTagEditor *self,
                guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->suggestions), position);
  g_autoptr(CdTag) tag = NULL;

  if (item == NULL)
    return;
  tag = tag_for_suggestion (item);
  add_tag (self, tag);
}

static void
add_selected (CdTagEditor *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  g_autofree char *text = NULL;

  if (selected != GTK_INVALID_LIST_POSITION &&
      gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    {
      add_suggestion (self, selected);
      return;
    }

  text = cd_tag_editor_dup_query (self);
  if (*text != '\0')
    {
      g_autoptr(CdTag) tag = cd_tag_new (text, NULL, NULL);
      add_tag (self, tag);
    }
}

static int
find_tag (CdTagEditor *self,
          const char  *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  int found = -1;

  if (self->tags == NULL)
    return -1;

  for (guint i = 0; i < g_list_model_get_n_items (self->tags); i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (self->tags, i);
      g_autofree char *other = NULL;

      if (strcmp (cd_tag_get_name (tag), name) == 0)
        return (int) i;
      other = g_utf8_casefold (cd_tag_get_name (tag), -1);
      if (found < 0 && strcmp (folded, other) == 0)
        found = (int) i;
    }
  return found;
}

static GtkWidget *
chip_at (CdTagEditor *self,
         int          index)
{
  return GTK_WIDGET (gtk_flow_box_get_child_at_index (self->chips, index));
}

/* Removes the tag at @index. When the focus was on the chips it moves to the
 * chip that took the removed one's place (@backwards: the one before it, as
 * BackSpace does), else to a neighbour, else to the entry. */
static void
remove_at (CdTagEditor *self,
           guint        index,
           gboolean     backwards)
{
  gboolean had_focus;
  guint n;

  if (self->article == NULL || index >= g_list_model_get_n_items (self->tags))
    return;

  had_focus = (gtk_widget_get_state_flags (GTK_WIDGET (self->chips)) &
               GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  cd_article_remove_tag (self->article, index);

  if (!had_focus)
    return;

  n = g_list_model_get_n_items (self->tags);
  if (n == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  else if (backwards && index > 0)
    gtk_widget_grab_focus (chip_at (self, (int) index - 1));
  else
    gtk_widget_grab_focus (chip_at (self, (int) MIN (index, n - 1)));
}

/* ------------------------------------------------------------------------ */
/* Chips                                                                    */

static char *
dup_topic_description (CdTagEditor *self,
                       CdTag       *tag)
{
  g_autoptr(CdMediaTopic) topic = NULL;
  const char *parent = NULL;

  topic = cd_media_topics_lookup (cd_media_topics_get_default (),
                                  cd_tag_get_code (tag), cd_tag_editor_article_language (self));
  if (topic != NULL)
    parent = cd_media_topic_get_parent_label (topic);

  if (parent != NULL)
    /* Translators: the code of an IPTC Media Topic such as medtop:20000343,
     * then the label of its parent topic. */
    return g_strdup_printf (_("Media Topic %s — in %s"), cd_tag_get_code (tag), parent);
  return g_strdup_printf (_("Media Topic %s"), cd_tag_get_code (tag));
}

static GtkWidget *
create_chip (gpointer item,
             gpointer user_data)
{
  CdTagEditor *self = user_data;
  CdTag *tag = CD_TAG (item);
  const char *name = cd_tag_get_name (tag);
  gboolean topic = cd_tag_is_media_topic (tag);
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove_label = NULL;
  g_autofree char *description = NULL;

  gtk_widget_add_css_class (chip, "tag-chip");
  gtk_widget_set_halign (child, GTK_ALIGN_START);

  if (topic)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("accessories-dictionary-symbolic");

      gtk_widget_add_css_class (chip, "media-topic");
      gtk_widget_add_css_class (icon, "tag-chip-icon");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Media Topic"),
                                      -1);
      gtk_box_append (GTK_BOX (chip), icon);
      description = dup_topic_description (self, tag);
    }

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_box_append (GTK_BOX (chip), label);

  /* The keyboard removes a chip with Delete, so the button is for the
   * pointer and for assistive technologies, which see its label. */
  remove_label = g_strdup_printf (_("Remove tag %s"), name);
  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "tags.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (name));
  gtk_box_append (GTK_BOX (chip), button);

  gtk_widget_set_tooltip_text (chip, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("Tag"),
                                  -1);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), chip);
  return child;
}

static void
update_empty (CdTagEditor *self)
{
  guint n = self->tags != NULL ? g_list_model_get_n_items (self->tags) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->chips), n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
}

static void
tags_changed_cb (CdTagEditor *self)
{
  update_empty (self);
}

static int
focused_chip (CdTagEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (GTK_IS_FLOW_BOX_CHILD (focus) &&
        gtk_widget_get_parent (focus) == GTK_WIDGET (self->chips))
      return gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (focus));
  return -1;
}

static gboolean
chips_key_pressed_cb (CdTagEditor     *self,
                      guint            keyval,
                      guint            keycode,
                      GdkModifierType  state)
{
  int index = focused_chip (self);

  if (index < 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      remove_at (self, (guint) index, FALSE);
      return GDK_EVENT_STOP;

    case GDK_KEY_BackSpace:
      remove_at (self, (guint) index, TRUE);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* ------------------------------------------------------------------------ */
/* Entry                                                                    */

static void
entry_changed_cb (CdTagEditor *self)
{
  cd_tag_editor_update_suggestions (self);
}

static void
entry_activate_cb (CdTagEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "tags.add-selected", NULL);
}

static gboolean
entry_key_pressed_cb (CdTagEditor     *self,
                      guint            keyval,
                      guint            keycode,
                      GdkModifierType  state)
{
  gboolean open = gtk_widget_get_visible (GTK_WIDGET (self->popover));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)) == 0)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (GTK_WIDGET (self), "tags.select-next", NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!open)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (GTK_WIDGET (self), "tags.select-previous", NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (!open)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (GTK_WIDGET (self), "tags.close-suggestions", NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_BackSpace:
      {
        guint n = self->tags != NULL ? g_list_model_get_n_items (self->tags) : 0;

        if (n == 0 || *gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0')
          return GDK_EVENT_PROPAGATE;
        gtk_widget_grab_focus (chip_at (self, (int) n - 1));
        return GDK_EVENT_STOP;
      }

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
entry_focus_leave_cb (CdTagEditor *self)
{
  cd_tag_editor_hide_suggestions (self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */

static void
action_add_selected (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_selected (CD_TAG_EDITOR (widget));
}

static void
action_add_suggestion (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  add_suggestion (CD_TAG_EDITOR (widget), g_variant_get_uint32 (parameter));
}

static void
action_select_next (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cd_tag_editor_select_offset (CD_TAG_EDITOR (widget), 1);
}

static void
action_select_previous (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cd_tag_editor_select_offset (CD_TAG_EDITOR (widget), -1);
}

static void
action_close_suggestions (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  cd_tag_editor_hide_suggestions (CD_TAG_EDITOR (widget));
}

static void
action_remove (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CdTagEditor *self = CD_TAG_EDITOR (widget);
  int index = find_tag (self, g_variant_get_string (parameter, NULL));

  if (index >= 0)
    remove_at (self, (guint) index, FALSE);
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                */

static void
cd_tag_editor_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CdTagEditor *self = CD_TAG_EDITOR (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
cd_tag_editor_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CdTagEditor *self = CD_TAG_EDITOR (widget);
  graphene_rect_t bounds;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  if (gtk_widget_compute_bounds (GTK_WIDGET (self->entry), widget, &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) bounds.size.width, (int) bounds.size.height,
      };

      if (!gdk_rectangle_equal (&rect, &self->pointing_to))
        {
          self->pointing_to = rect;
          gtk_popover_set_pointing_to (self->popover, &rect);
        }
    }

  gtk_popover_present (self->popover);
}

static gboolean
cd_tag_editor_focus_child (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  CdTagEditor *self = CD_TAG_EDITOR (widget);

  /* The popover never takes the focus. */
  return gtk_widget_child_focus (self->box, direction);
}

static gboolean
cd_tag_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CD_TAG_EDITOR (widget)->entry));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static gpointer
warm_up_thread (gpointer data)
{
  cd_media_topics_get_default ();
  return NULL;
}

static void
cd_tag_editor_dispose (GObject *object)
{
  CdTagEditor *self = CD_TAG_EDITOR (object);

  cd_tag_editor_set_article (self, NULL);
  g_clear_object (&self->tags_signals);
  g_clear_object (&self->settings);

  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->popover));
  if (self->box != NULL)
    gtk_widget_unparent (self->box);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_TAG_EDITOR);

  g_clear_object (&self->selection);
  g_clear_object (&self->suggestions);

  G_OBJECT_CLASS (cd_tag_editor_parent_class)->dispose (object);
}

static void
cd_tag_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CdTagEditor *self = CD_TAG_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_tag_editor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CdTagEditor *self = CD_TAG_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cd_tag_editor_set_article (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      cd_tag_editor_set_settings (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_tag_editor_class_init (CdTagEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_tag_editor_dispose;
  object_class->get_property = cd_tag_editor_get_property;
  object_class->set_property = cd_tag_editor_set_property;

  widget_class->measure = cd_tag_editor_measure;
  widget_class->size_allocate = cd_tag_editor_size_allocate;
  widget_class->focus = cd_tag_editor_focus_child;
  widget_class->grab_focus = cd_tag_editor_grab_focus;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, CD_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-tag-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdTagEditor, box);
  gtk_widget_class_bind_template_child (widget_class, CdTagEditor, chips);
  gtk_widget_class_bind_template_child (widget_class, CdTagEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CdTagEditor, entry);
  gtk_widget_class_bind_template_child (widget_class, CdTagEditor, popover);
  gtk_widget_class_bind_template_child (widget_class, CdTagEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, CdTagEditor, list);
  gtk_widget_class_bind_template_callback (widget_class, chips_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_focus_leave_cb);

  gtk_widget_class_install_action (widget_class, "tags.add-selected", NULL,
                                   action_add_selected);
  gtk_widget_class_install_action (widget_class, "tags.add-suggestion", "u",
                                   action_add_suggestion);
  gtk_widget_class_install_action (widget_class, "tags.select-next", NULL,
                                   action_select_next);
  gtk_widget_class_install_action (widget_class, "tags.select-previous", NULL,
                                   action_select_previous);
  gtk_widget_class_install_action (widget_class, "tags.close-suggestions", NULL,
                                   action_close_suggestions);
  gtk_widget_class_install_action (widget_class, "tags.remove", "s",
                                   action_remove);

  gtk_widget_class_set_css_name (widget_class, "cdtageditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cd_tag_editor_init (CdTagEditor *self)
{
  static gsize warmed = 0;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tags_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->tags_signals, "items-changed",
                                  G_CALLBACK (tags_changed_cb), self);

  self->suggestions = g_list_store_new (G_TYPE_OBJECT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->suggestions)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (cd_tag_editor_setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cd_tag_editor_bind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), FALSE);
  update_empty (self);

  /* Parse the vocabulary off the main thread before the first keystroke
   * needs it; a search before it is done waits for it. */
  if (g_once_init_enter (&warmed))
    {
      g_thread_unref (g_thread_new ("cd-media-topics", warm_up_thread, NULL));
      g_once_init_leave (&warmed, 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GtkWidget *
cd_tag_editor_new (void)
{
  return g_object_new (CD_TYPE_TAG_EDITOR, NULL);
}

/**
 * cd_tag_editor_get_article:
 * @self: a #CdTagEditor
 *
 * Returns: (transfer none) (nullable): the article whose tags are edited
 */
CdArticle *
cd_tag_editor_get_article (CdTagEditor *self)
{
  g_return_val_if_fail (CD_IS_TAG_EDITOR (self), NULL);
  return self->article;
}

void
cd_tag_editor_set_article (CdTagEditor *self,
                           CdArticle   *article)
{
  g_return_if_fail (CD_IS_TAG_EDITOR (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (self->article == article)
    return;

  g_clear_object (&self->tags);
  g_set_object (&self->article, article);

  if (article != NULL)
    self->tags = g_object_ref (cd_article_get_tags (article));
  g_signal_group_set_target (self->tags_signals, self->tags);

  if (self->chips != NULL)
    {
      gtk_flow_box_bind_model (self->chips, self->tags, create_chip, self, NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->entry), article != NULL);
      clear_entry (self);
      update_empty (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * cd_tag_editor_get_settings:
 * @self: a #CdTagEditor
 *
 * Returns: (transfer none) (nullable): the settings whose "recent-tags" are
 *   suggested and updated
 */
GSettings *
cd_tag_editor_get_settings (CdTagEditor *self)
{
  g_return_val_if_fail (CD_IS_TAG_EDITOR (self), NULL);
  return self->settings;
}

void
cd_tag_editor_set_settings (CdTagEditor *self,
                            GSettings   *settings)
{
  g_return_if_fail (CD_IS_TAG_EDITOR (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (g_set_object (&self->settings, settings))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

/**
 * cd_tag_editor_get_suggestions:
 * @self: a #CdTagEditor
 *
 * The suggestions for the entry's text: tags used before (#CdTag) first, then
 * Media Topics (#CdMediaTopic). Empty while the text is shorter than two
 * characters.
 *
 * Returns: (transfer none): a #GListModel of #GObject
 */
GListModel *
cd_tag_editor_get_suggestions (CdTagEditor *self)
{
  g_return_val_if_fail (CD_IS_TAG_EDITOR (self), NULL);
  return G_LIST_MODEL (self->suggestions);
}

void
cd_tag_editor_focus (CdTagEditor *self)
{
  g_return_if_fail (CD_IS_TAG_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}
