/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include "cd-tag-editor.h"
#include "cd-ui-test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define WATERWAY_CODE "medtop:20000343"
#define WATERWAY_URI  "http://cv.iptc.org/newscodes/mediatopic/20000343"
#define WATERWAY_RECENT "waterway and maritime transport|" WATERWAY_URI "|" WATERWAY_CODE

/* Widget tree helpers */

typedef gboolean (*WidgetPredicate) (GtkWidget     *widget,
                                     gconstpointer  data);

static GtkWidget *
find_widget (GtkWidget       *root,
             GType            type,
             WidgetPredicate  predicate,
             gconstpointer    data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (predicate == NULL || predicate (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
button_removes (GtkWidget     *widget,
                gconstpointer  name)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "tags.remove") == 0 &&
         target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
         g_strcmp0 (g_variant_get_string (target, NULL), name) == 0;
}

/* The key controller of @widget in @phase, through which real key presses go. */
static GtkEventController *
find_key_controller (GtkWidget           *widget,
                     GtkPropagationPhase  phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == phase)
        return controller;
    }

  g_assert_not_reached ();
}

/* Sends @keyval to @controller's handler as GTK does for a key press, and
 * returns whether it was handled. */
static gboolean
press_key (GtkEventController *controller,
           guint               keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  return handled;
}

typedef struct
{
  CdTagEditor        *editor;
  GtkWindow          *window;
  GtkEntry           *entry;
  GtkPopover         *popover;
  GtkFlowBox         *chips;
  GtkWidget          *empty_label;
  GtkEventController *entry_keys;
  GtkEventController *chip_keys;
  CdArticle          *article;
  GSettings          *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *language = data != NULL ? data : "en";

  fixture->settings = cd_ui_test_settings_new ();
  g_settings_reset (fixture->settings, "recent-tags");
  fixture->article = cd_article_new ();
  cd_article_set_language (fixture->article, language);

  fixture->editor = CD_TAG_EDITOR (cd_tag_editor_new ());
  g_assert_true (CD_IS_TAG_EDITOR (fixture->editor));
  cd_tag_editor_set_settings (fixture->editor, fixture->settings);
  cd_tag_editor_set_article (fixture->editor, fixture->article);

  fixture->entry = GTK_ENTRY (find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_ENTRY, NULL, NULL));
  fixture->popover = GTK_POPOVER (find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_POPOVER, NULL, NULL));
  fixture->chips = GTK_FLOW_BOX (find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_FLOW_BOX, NULL, NULL));
  fixture->empty_label = find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_LABEL,
                                      label_has_text, "No tags yet");
  g_assert_nonnull (fixture->entry);
  g_assert_nonnull (fixture->popover);
  g_assert_nonnull (fixture->chips);
  g_assert_nonnull (fixture->empty_label);
  fixture->entry_keys = find_key_controller (GTK_WIDGET (fixture->entry), GTK_PHASE_CAPTURE);
  fixture->chip_keys = find_key_controller (GTK_WIDGET (fixture->chips), GTK_PHASE_BUBBLE);

  fixture->window = cd_ui_test_show (GTK_WIDGET (fixture->editor), 480, 360);
  cd_tag_editor_focus (fixture->editor);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cd_ui_test_destroy_window (fixture->window);
  g_settings_reset (fixture->settings, "recent-tags");
  g_clear_object (&fixture->article);
  g_clear_object (&fixture->settings);
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  cd_ui_test_type_text (GTK_WIDGET (fixture->entry), text);
}

static const char *
entry_text (Fixture *fixture)
{
  return gtk_editable_get_text (GTK_EDITABLE (fixture->entry));
}

static gboolean
suggestions_open (Fixture *fixture)
{
  return gtk_widget_get_visible (GTK_WIDGET (fixture->popover));
}

static GListModel *
suggestions (Fixture *fixture)
{
  GListModel *model = cd_tag_editor_get_suggestions (fixture->editor);

  g_assert_nonnull (model);
  return model;
}

static GtkSingleSelection *
selection (Fixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (fixture->popover),
                                                  GTK_TYPE_LIST_VIEW, NULL, NULL));

  g_assert_nonnull (list);
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
}

/* The name or label of suggestion @i, and its code or "". */
static void
suggestion_at (Fixture     *fixture,
               guint        i,
               const char **name,
               const char **code)
{
  g_autoptr(GObject) item = g_list_model_get_item (suggestions (fixture), i);

  g_assert_nonnull (item);
  if (CD_IS_MEDIA_TOPIC (item))
    {
      *name = cd_media_topic_get_label (CD_MEDIA_TOPIC (item));
      *code = cd_media_topic_get_code (CD_MEDIA_TOPIC (item));
    }
  else
    {
      g_assert_true (CD_IS_TAG (item));
      *name = cd_tag_get_name (CD_TAG (item));
      *code = cd_tag_get_code (CD_TAG (item));
    }
}

static guint
n_tags (Fixture *fixture)
{
  return g_list_model_get_n_items (cd_article_get_tags (fixture->article));
}

static CdTag *
tag_at (Fixture *fixture,
        guint    i)
{
  CdTag *tag = g_list_model_get_item (cd_article_get_tags (fixture->article), i);

  g_assert_nonnull (tag);
  return tag;
}

static char *
recent_tags (Fixture *fixture)
{
  g_auto(GStrv) recent = g_settings_get_strv (fixture->settings, "recent-tags");

  return g_strjoinv (", ", recent);
}

static void
set_recent (Fixture            *fixture,
            const char * const *entries)
{
  g_settings_set_strv (fixture->settings, "recent-tags", entries);
}

static void
press_enter (Fixture *fixture)
{
  g_signal_emit_by_name (fixture->entry, "activate");
}

static GtkWidget *
focus_widget (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
entry_has_focus (Fixture *fixture)
{
  GtkWidget *focus = focus_widget (fixture);

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->entry));
}

static int
focused_chip_index (Fixture *fixture)
{
  GtkWidget *focus = focus_widget (fixture);

  if (!GTK_IS_FLOW_BOX_CHILD (focus))
    return -1;
  return gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (focus));
}

static void
add_free_tags (Fixture            *fixture,
               const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(CdTag) tag = cd_tag_new (names[i], NULL, NULL);
      cd_article_add_tag (fixture->article, tag);
    }
}

/* Tests */

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CdTag) tag = cd_tag_new ("harbour", NULL, NULL);
  GtkWidget *alone = cd_tag_editor_new ();
  GtkWidget *alone_entry = find_widget (alone, GTK_TYPE_ENTRY, NULL, NULL);

  /* Without an article nothing can be typed. */
  g_object_ref_sink (alone);
  g_assert_null (cd_tag_editor_get_article (CD_TAG_EDITOR (alone)));
  g_assert_false (gtk_widget_get_sensitive (alone_entry));
  g_assert_cmpuint (g_list_model_get_n_items (cd_tag_editor_get_suggestions (CD_TAG_EDITOR (alone))), ==, 0);
  g_object_unref (alone);

  g_assert_true (cd_tag_editor_get_article (fixture->editor) == fixture->article);
  g_assert_true (cd_tag_editor_get_settings (fixture->editor) == fixture->settings);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (fixture->entry)));
  g_assert_true (gtk_widget_get_visible (fixture->empty_label));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  g_assert_true (entry_has_focus (fixture));

  cd_article_add_tag (fixture->article, tag);
  g_assert_false (gtk_widget_get_visible (fixture->empty_label));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  g_assert_nonnull (gtk_flow_box_get_child_at_index (fixture->chips, 0));

  cd_article_remove_tag (fixture->article, 0);
  g_assert_true (gtk_widget_get_visible (fixture->empty_label));
}

static void
test_suggestions (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const recent[] = {
    "harbour", "Transfer window", "transit strike", NULL,
  };
  const char *name, *code;
  guint n;

  set_recent (fixture, recent);

  /* One character suggests nothing. */
  type_text (fixture, "t");
  g_assert_cmpuint (g_list_model_get_n_items (suggestions (fixture)), ==, 0);
  g_assert_false (suggestions_open (fixture));

  type_text (fixture, "ran");
  g_assert_cmpstr (entry_text (fixture), ==, "tran");
  n = g_list_model_get_n_items (suggestions (fixture));
  g_assert_cmpuint (n, >=, 5);
  g_assert_true (suggestions_open (fixture));

  /* Tags used before first, newest first... */
  suggestion_at (fixture, 0, &name, &code);
  g_assert_cmpstr (name, ==, "Transfer window");
  g_assert_cmpstr (code, ==, "");
  suggestion_at (fixture, 1, &name, &code);
  g_assert_cmpstr (name, ==, "transit strike");

  /* ...then Media Topics, labels starting with the text first. */
  suggestion_at (fixture, 2, &name, &code);
  g_assert_cmpstr (name, ==, "transfer");
  suggestion_at (fixture, 3, &name, &code);
  g_assert_cmpstr (name, ==, "transport");
  g_assert_cmpstr (code, ==, "medtop:20000337");
  suggestion_at (fixture, 4, &name, &code);
  g_assert_cmpstr (name, ==, "transport accident and incident");
  for (guint i = 2; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (suggestions (fixture), i);
      g_assert_true (CD_IS_MEDIA_TOPIC (item));
    }

  /* The waterway topic is among them, with its parent. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (suggestions (fixture), i);

        if (CD_IS_MEDIA_TOPIC (item) &&
            g_str_equal (cd_media_topic_get_code (CD_MEDIA_TOPIC (item)), WATERWAY_CODE))
          {
            g_assert_cmpstr (cd_media_topic_get_label (CD_MEDIA_TOPIC (item)), ==,
                             "waterway and maritime transport");
            g_assert_cmpstr (cd_media_topic_get_parent_label (CD_MEDIA_TOPIC (item)), ==,
                             "transport");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* Nothing is selected until Down. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection (fixture)), ==,
                    GTK_INVALID_LIST_POSITION);

  /* Clearing the text closes the suggestions. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "");
  g_assert_cmpuint (g_list_model_get_n_items (suggestions (fixture)), ==, 0);
  g_assert_false (suggestions_open (fixture));
}

static void
test_keyboard_adds_topic (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CdTag) tag = NULL;
  g_autofree char *recent = NULL;
  const char *name, *code;

  type_text (fixture, "waterway");
  g_assert_true (suggestions_open (fixture));
  suggestion_at (fixture, 0, &name, &code);
  g_assert_cmpstr (code, ==, WATERWAY_CODE);

  /* Down selects the first suggestion, Enter adds it. */
  g_assert_true (press_key (fixture->entry_keys, GDK_KEY_Down));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection (fixture)), ==, 0);
  press_enter (fixture);

  g_assert_cmpuint (n_tags (fixture), ==, 1);
  tag = tag_at (fixture, 0);
  g_assert_cmpstr (cd_tag_get_name (tag), ==, "waterway and maritime transport");
  g_assert_cmpstr (cd_tag_get_uri (tag), ==, WATERWAY_URI);
  g_assert_cmpstr (cd_tag_get_code (tag), ==, WATERWAY_CODE);
  g_assert_true (cd_tag_is_media_topic (tag));

  /* The entry is ready for the next tag. */
  g_assert_cmpstr (entry_text (fixture), ==, "");
  g_assert_false (suggestions_open (fixture));
  g_assert_true (entry_has_focus (fixture));

  recent = recent_tags (fixture);
  g_assert_cmpstr (recent, ==, WATERWAY_RECENT);

  /* The chip says it is a Media Topic, with its code and parent. */
  {
    GtkWidget *chip = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (fixture->chips, 0));
    GtkWidget *label = find_widget (chip, GTK_TYPE_LABEL, label_has_text,
                                    "waterway and maritime transport");
    GtkWidget *button = find_widget (chip, GTK_TYPE_BUTTON, button_removes,
                                     "waterway and maritime transport");

    g_assert_nonnull (label);
    g_assert_nonnull (button);
    g_assert_true (gtk_widget_has_css_class (chip, "media-topic"));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==,
                     "Media Topic " WATERWAY_CODE " — in transport");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                     "Remove tag waterway and maritime transport");
  }

  /* The topic is not suggested again. */
  type_text (fixture, "waterway");
  for (guint i = 0; i < g_list_model_get_n_items (suggestions (fixture)); i++)
    {
      suggestion_at (fixture, i, &name, &code);
      g_assert_cmpstr (code, !=, WATERWAY_CODE);
    }
}

static void
test_keyboard_selection (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkSingleSelection *sel = selection (fixture);
  guint n;

  /* Up and Escape do nothing with the suggestions closed. */
  g_assert_false (press_key (fixture->entry_keys, GDK_KEY_Up));
  g_assert_false (press_key (fixture->entry_keys, GDK_KEY_Escape));
  g_assert_false (press_key (fixture->entry_keys, GDK_KEY_Down));

  type_text (fixture, "transport");
  n = g_list_model_get_n_items (suggestions (fixture));
  g_assert_cmpuint (n, ==, 6);

  g_assert_true (press_key (fixture->entry_keys, GDK_KEY_Down));
  g_assert_true (press_key (fixture->entry_keys, GDK_KEY_Down));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, 1);

  /* Down stops at the last one. */
  for (guint i = 0; i < n + 2; i++)
    g_assert_true (press_key (fixture->entry_keys, GDK_KEY_Down));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, n - 1);

  /* Up goes back, and above the first to the text as typed. */
  g_assert_true (press_key (fixture->entry_keys, GDK_KEY_Up));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, n - 2);
  for (guint i = 0; i < n - 2; i++)
    g_assert_true (press_key (fixture->entry_keys, GDK_KEY_Up));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, 0);
  g_assert_true (press_key (fixture->entry_keys, GDK_KEY_Up));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, GTK_INVALID_LIST_POSITION);

  /* The same through the actions. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.select-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.select-next", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.select-previous", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, 0);

  /* Escape closes the suggestions and forgets the selection... */
  g_assert_true (press_key (fixture->entry_keys, GDK_KEY_Escape));
  g_assert_false (suggestions_open (fixture));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (entry_text (fixture), ==, "transport");

  /* ...so Enter adds the text as typed, a free tag. */
  press_enter (fixture);
  g_assert_cmpuint (n_tags (fixture), ==, 1);
  {
    g_autoptr(CdTag) tag = tag_at (fixture, 0);
    g_assert_cmpstr (cd_tag_get_name (tag), ==, "transport");
    g_assert_cmpstr (cd_tag_get_code (tag), ==, "");
    g_assert_false (cd_tag_is_media_topic (tag));
  }

  /* Down reopens closed suggestions. */
  type_text (fixture, "road");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.close-suggestions", NULL);
  g_assert_false (suggestions_open (fixture));
  g_assert_true (press_key (fixture->entry_keys, GDK_KEY_Down));
  g_assert_true (suggestions_open (fixture));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, 0);
}

static void
test_free_tag (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CdTag) tag = NULL;
  g_autofree char *recent = NULL;

  type_text (fixture, "  Harbour ferry ");
  press_enter (fixture);

  g_assert_cmpuint (n_tags (fixture), ==, 1);
  tag = tag_at (fixture, 0);
  g_assert_cmpstr (cd_tag_get_name (tag), ==, "Harbour ferry");
  g_assert_cmpstr (cd_tag_get_uri (tag), ==, "");
  g_assert_cmpstr (cd_tag_get_code (tag), ==, "");
  g_assert_false (cd_tag_is_media_topic (tag));
  g_assert_cmpstr (entry_text (fixture), ==, "");

  recent = recent_tags (fixture);
  g_assert_cmpstr (recent, ==, "Harbour ferry");

  /* Enter in an empty entry adds nothing. */
  press_enter (fixture);
  type_text (fixture, "   ");
  press_enter (fixture);
  g_assert_cmpuint (n_tags (fixture), ==, 1);

  /* The free tag's chip has no Media Topic hint. */
  {
    GtkWidget *chip = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (fixture->chips, 0));
    g_assert_false (gtk_widget_has_css_class (chip, "media-topic"));
    g_assert_null (gtk_widget_get_tooltip_text (chip));
  }
}

static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  const char *name, *code;

  type_text (fixture, "umwelt");
  g_assert_cmpuint (g_list_model_get_n_items (suggestions (fixture)), ==, 4);
  suggestion_at (fixture, 0, &name, &code);
  g_assert_cmpstr (name, ==, "Umwelt");
  g_assert_cmpstr (code, ==, "medtop:06000000");

  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "schiff");
  suggestion_at (fixture, 1, &name, &code);
  g_assert_cmpstr (name, ==, "Schifffahrt");
  g_assert_cmpstr (code, ==, WATERWAY_CODE);

  /* A click on the suggestion adds it, in German. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.add-suggestion", "u", 1);
  g_assert_cmpuint (n_tags (fixture), ==, 1);
  {
    g_autoptr(CdTag) tag = tag_at (fixture, 0);
    GtkWidget *chip = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (fixture->chips, 0));

    g_assert_cmpstr (cd_tag_get_name (tag), ==, "Schifffahrt");
    g_assert_cmpstr (cd_tag_get_code (tag), ==, WATERWAY_CODE);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==,
                     "Media Topic " WATERWAY_CODE " — in Transport");
  }
  g_assert_cmpstr (entry_text (fixture), ==, "");
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const names[] = { "Harbour", NULL };
  static const char * const recent[] = { "harbour", "Harbourmaster", NULL };
  const char *name, *code;

  add_free_tags (fixture, names);
  set_recent (fixture, recent);

  /* The article's own tags are not suggested. */
  type_text (fixture, "harb");
  g_assert_cmpuint (g_list_model_get_n_items (suggestions (fixture)), ==, 1);
  suggestion_at (fixture, 0, &name, &code);
  g_assert_cmpstr (name, ==, "Harbourmaster");

  /* Typing one anyway: refused, the entry just cleared. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "HARBOUR");
  press_enter (fixture);
  g_assert_cmpuint (n_tags (fixture), ==, 1);
  g_assert_cmpstr (entry_text (fixture), ==, "");
  g_assert_false (suggestions_open (fixture));
  {
    g_autofree char *now = recent_tags (fixture);
    g_assert_cmpstr (now, ==, "harbour, Harbourmaster");
  }

  /* A topic whose label the article has is refused too. */
  {
    g_autoptr(CdTag) tag = cd_tag_new ("transport", NULL, NULL);
    cd_article_add_tag (fixture->article, tag);
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.add-suggestion", "u", 0);
  type_text (fixture, "transport");
  suggestion_at (fixture, 0, &name, &code);
  g_assert_cmpstr (name, ==, "transport accident and incident");
  g_assert_cmpuint (n_tags (fixture), ==, 2);
}

static void
test_remove_with_button (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const names[] = { "harbour", "ferry", "storm", NULL };
  GtkWidget *button;

  add_free_tags (fixture, names);
  g_assert_cmpuint (n_tags (fixture), ==, 3);

  button = find_widget (GTK_WIDGET (fixture->chips), GTK_TYPE_BUTTON, button_removes, "ferry");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Remove tag ferry");
  g_signal_emit_by_name (button, "clicked");   /* what a click does */

  g_assert_cmpuint (n_tags (fixture), ==, 2);
  {
    g_autoptr(CdTag) first = tag_at (fixture, 0);
    g_autoptr(CdTag) second = tag_at (fixture, 1);
    g_assert_cmpstr (cd_tag_get_name (first), ==, "harbour");
    g_assert_cmpstr (cd_tag_get_name (second), ==, "storm");
  }
  g_assert_null (find_widget (GTK_WIDGET (fixture->chips), GTK_TYPE_BUTTON, button_removes, "ferry"));
  /* The focus stayed in the entry. */
  g_assert_true (entry_has_focus (fixture));

  /* Through the action; an unknown name does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.remove", "s", "nothing");
  g_assert_cmpuint (n_tags (fixture), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.remove", "s", "harbour");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.remove", "s", "storm");
  g_assert_cmpuint (n_tags (fixture), ==, 0);
  g_assert_true (gtk_widget_get_visible (fixture->empty_label));
}

static void
test_remove_with_keyboard (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const names[] = { "one", "two", "three", "four", NULL };

  add_free_tags (fixture, names);

  /* BackSpace in a non-empty entry edits the text. */
  type_text (fixture, "x");
  g_assert_false (press_key (fixture->entry_keys, GDK_KEY_BackSpace));
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "");

  /* BackSpace in the empty entry focuses the last chip... */
  g_assert_true (press_key (fixture->entry_keys, GDK_KEY_BackSpace));
  g_assert_cmpint (focused_chip_index (fixture), ==, 3);
  g_assert_cmpuint (n_tags (fixture), ==, 4);
  gtk_window_set_focus_visible (fixture->window, TRUE);
  g_free (cd_ui_test_screenshot (GTK_WIDGET (fixture->editor), "tag-editor-chip-focused"));

  /* ...BackSpace there removes it and focuses the one before... */
  g_assert_true (press_key (fixture->chip_keys, GDK_KEY_BackSpace));
  g_assert_cmpuint (n_tags (fixture), ==, 3);
  g_assert_cmpint (focused_chip_index (fixture), ==, 2);

  /* ...Delete removes the focused chip and focuses the next, here none so
   * the one before. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_flow_box_get_child_at_index (fixture->chips, 0)));
  g_assert_true (press_key (fixture->chip_keys, GDK_KEY_Delete));
  g_assert_cmpuint (n_tags (fixture), ==, 2);
  g_assert_cmpint (focused_chip_index (fixture), ==, 0);
  {
    g_autoptr(CdTag) first = tag_at (fixture, 0);
    g_assert_cmpstr (cd_tag_get_name (first), ==, "two");
  }
  gtk_widget_grab_focus (GTK_WIDGET (gtk_flow_box_get_child_at_index (fixture->chips, 1)));
  g_assert_true (press_key (fixture->chip_keys, GDK_KEY_Delete));
  g_assert_cmpint (focused_chip_index (fixture), ==, 0);

  /* The last one gone, the focus goes back to the entry. */
  g_assert_true (press_key (fixture->chip_keys, GDK_KEY_Delete));
  g_assert_cmpuint (n_tags (fixture), ==, 0);
  g_assert_true (entry_has_focus (fixture));

  /* Other keys on a chip, and keys with no chip focused, pass. */
  g_assert_false (press_key (fixture->chip_keys, GDK_KEY_Delete));
  g_assert_false (press_key (fixture->entry_keys, GDK_KEY_BackSpace));
}

static void
test_recent_tags (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) stored = NULL;
  g_autofree char *recent = NULL;
  const char *name, *code;

  /* Old entries: a free tag, a topic, a name with “|” written as NAME||,
   * names with a single “|”, which are rewritten as NAME||, and an empty
   * one, which is dropped. */
  {
    static const char * const entries[] = {
      "Ferry", WATERWAY_RECENT, "a|b|c||", "x|y", "|", "", NULL,
    };
    set_recent (fixture, entries);
  }

  /* A topic used before comes back as a topic, before the vocabulary's own
   * suggestion of it, which is left out. */
  type_text (fixture, "waterway");
  suggestion_at (fixture, 0, &name, &code);
  g_assert_cmpstr (name, ==, "waterway and maritime transport");
  g_assert_cmpstr (code, ==, WATERWAY_CODE);
  {
    g_autoptr(GObject) item = g_list_model_get_item (suggestions (fixture), 0);
    g_assert_true (CD_IS_TAG (item));
  }
  for (guint i = 1; i < g_list_model_get_n_items (suggestions (fixture)); i++)
    {
      suggestion_at (fixture, i, &name, &code);
      g_assert_cmpstr (code, !=, WATERWAY_CODE);
    }
  press_key (fixture->entry_keys, GDK_KEY_Down);
  press_enter (fixture);
  {
    g_autoptr(CdTag) tag = tag_at (fixture, 0);
    g_assert_cmpstr (cd_tag_get_uri (tag), ==, WATERWAY_URI);
    g_assert_true (cd_tag_is_media_topic (tag));
  }

  /* Names with “|” round-trip. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "a|b");
  suggestion_at (fixture, 0, &name, &code);
  g_assert_cmpstr (name, ==, "a|b|c");
  g_assert_cmpstr (code, ==, "");
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "x|");
  suggestion_at (fixture, 0, &name, &code);
  g_assert_cmpstr (name, ==, "x|y");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.add-suggestion", "u", 0);

  /* Newest first, no name twice (case ignored), the rest kept in order. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "FERRY");
  press_enter (fixture);
  recent = recent_tags (fixture);
  g_assert_cmpstr (recent, ==, "FERRY, x|y||, " WATERWAY_RECENT ", a|b|c||, |||");

  /* At most 50. */
  for (guint i = 0; i < 60; i++)
    g_ptr_array_add (many, g_strdup_printf ("tag %u", i));
  g_ptr_array_add (many, NULL);
  set_recent (fixture, (const char * const *) many->pdata);
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "tag 59");
  press_enter (fixture);
  stored = g_settings_get_strv (fixture->settings, "recent-tags");
  g_assert_cmpuint (g_strv_length (stored), ==, 50);
  g_assert_cmpstr (stored[0], ==, "tag 59");
  g_assert_cmpstr (stored[1], ==, "tag 0");
  g_assert_cmpstr (stored[49], ==, "tag 48");

  /* Without settings there are no tags used before, and nothing is stored. */
  cd_tag_editor_set_settings (fixture->editor, NULL);
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "tag 1");
  g_assert_cmpuint (g_list_model_get_n_items (suggestions (fixture)), ==, 0);
  press_enter (fixture);
  g_strfreev (stored);
  stored = g_settings_get_strv (fixture->settings, "recent-tags");
  g_assert_cmpstr (stored[0], ==, "tag 59");
}

static void
test_article_switch (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const names[] = { "one", "two", NULL };
  g_autoptr(CdArticle) other = cd_article_new ();

  add_free_tags (fixture, names);
  type_text (fixture, "tra");
  g_assert_true (suggestions_open (fixture));

  /* A new article: its tags, the entry emptied. */
  cd_article_set_language (other, "fr");
  cd_tag_editor_set_article (fixture->editor, other);
  g_assert_null (gtk_flow_box_get_child_at_index (fixture->chips, 0));
  g_assert_true (gtk_widget_get_visible (fixture->empty_label));
  g_assert_cmpstr (entry_text (fixture), ==, "");
  g_assert_false (suggestions_open (fixture));

  /* Suggestions follow its language. */
  type_text (fixture, "economie");
  {
    const char *name, *code;
    suggestion_at (fixture, 0, &name, &code);
    g_assert_cmpstr (name, ==, "Economie");
  }
  press_key (fixture->entry_keys, GDK_KEY_Down);
  press_enter (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (other)), ==, 1);
  g_assert_cmpuint (n_tags (fixture), ==, 2);

  cd_tag_editor_set_article (fixture->editor, NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fixture->entry)));
  cd_tag_editor_set_article (fixture->editor, fixture->article);
  g_assert_nonnull (gtk_flow_box_get_child_at_index (fixture->chips, 1));
}

/* Real input: key presses and a click sent to the X server, through the
 * whole of GTK's event handling. Needs xdotool and an X11 display (the UI
 * tests run in Xvfb); skipped without them. */

#ifdef GDK_WINDOWING_X11
static void
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Each caller waits for what the input should do; this only handles what
   * already came in. */
  cd_ui_test_flush ();
}

static gulong
xid_of (GtkWidget *native)
{
  return gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (native)));
}

static gboolean
window_is_active_cb (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
  guint       n_tags;
  int         chip;
} Wait;

static gboolean
text_and_suggestions_cb (gpointer data)
{
  Wait *wait = data;

  return g_strcmp0 (entry_text (wait->fixture), wait->text) == 0 &&
         suggestions_open (wait->fixture);
}

static gboolean
n_tags_cb (gpointer data)
{
  Wait *wait = data;

  return n_tags (wait->fixture) == wait->n_tags;
}

static gboolean
text_cb (gpointer data)
{
  Wait *wait = data;

  return g_strcmp0 (entry_text (wait->fixture), wait->text) == 0;
}

static gboolean
closed_cb (gpointer data)
{
  Wait *wait = data;

  return !suggestions_open (wait->fixture);
}

static gboolean
chip_focused_cb (gpointer data)
{
  Wait *wait = data;

  return focused_chip_index (wait->fixture) == wait->chip &&
         n_tags (wait->fixture) == wait->n_tags;
}

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  title)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (widget), "title");

  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0;
}
#endif

static void
test_real_input (Fixture       *fixture,
                 gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *program = g_find_program_in_path ("xdotool");
  g_autofree char *focus = NULL;
  g_autofree char *move = NULL;
  Wait wait = { fixture, NULL, 0, -1 };
  const char *name, *code;
  g_autofree char *expected_name = NULL;
  g_autofree char *expected_code = NULL;
  graphene_rect_t bounds;
  double dx, dy;
  GtkWidget *row;

  if (program == NULL || !GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (fixture->window))))
    {
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  focus = g_strdup_printf ("windowfocus --sync %lu", xid_of (GTK_WIDGET (fixture->window)));
  xdotool (focus);
  cd_ui_test_wait_for (window_is_active_cb, fixture->window, CD_UI_TEST_TIMEOUT_MS,
                       "the window to become active");
  cd_tag_editor_focus (fixture->editor);

  /* Type, Down, Enter: the first suggestion, a Media Topic. */
  xdotool ("type --delay 20 water");
  wait.text = "water";
  cd_ui_test_wait_for (text_and_suggestions_cb, &wait, CD_UI_TEST_TIMEOUT_MS,
                       "the typed text and its suggestions");
  xdotool ("key Down Return");
  wait.n_tags = 1;
  cd_ui_test_wait_for (n_tags_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the number of tags to change");
  {
    g_autoptr(CdTag) tag = tag_at (fixture, 0);
    g_assert_true (cd_tag_is_media_topic (tag));
  }
  g_assert_cmpstr (entry_text (fixture), ==, "");

  /* Escape closes the suggestions, Enter adds the text as typed. */
  xdotool ("type --delay 20 weather");
  wait.text = "weather";
  cd_ui_test_wait_for (text_and_suggestions_cb, &wait, CD_UI_TEST_TIMEOUT_MS,
                       "the typed text and its suggestions");
  xdotool ("key Escape");
  cd_ui_test_wait_for (closed_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the suggestions to close");
  g_assert_cmpstr (entry_text (fixture), ==, "weather");
  xdotool ("key Return");
  wait.n_tags = 2;
  cd_ui_test_wait_for (n_tags_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the number of tags to change");
  {
    g_autoptr(CdTag) tag = tag_at (fixture, 1);
    g_assert_cmpstr (cd_tag_get_name (tag), ==, "weather");
    g_assert_false (cd_tag_is_media_topic (tag));
  }

  /* BackSpace in the empty entry: the last chip; Delete removes it. */
  xdotool ("key BackSpace");
  wait.chip = 1;
  cd_ui_test_wait_for (chip_focused_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the chip to be focused");
  xdotool ("key Delete");
  wait.chip = 0;
  wait.n_tags = 1;
  cd_ui_test_wait_for (chip_focused_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the chip to be focused");

  /* A click on the second suggestion adds it. */
  cd_tag_editor_focus (fixture->editor);
  xdotool ("type --delay 20 environ");
  wait.text = "environ";
  cd_ui_test_wait_for (text_and_suggestions_cb, &wait, CD_UI_TEST_TIMEOUT_MS,
                       "the typed text and its suggestions");
  /* The click goes where the row is drawn: wait until it is. */
  cd_ui_test_wait_for_mapped (GTK_WIDGET (fixture->popover));
  cd_ui_test_wait_for_frames (GTK_WIDGET (fixture->popover));
  suggestion_at (fixture, 1, &name, &code);
  expected_name = g_strdup (name);
  expected_code = g_strdup (code);

  row = find_widget (GTK_WIDGET (fixture->popover), GTK_TYPE_BOX, row_has_title, expected_name);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (fixture->popover), &bounds));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->popover), &dx, &dy);
  move = g_strdup_printf ("mousemove --window %lu --sync %d %d",
                          xid_of (GTK_WIDGET (fixture->popover)),
                          (int) (dx + bounds.origin.x + bounds.size.width / 2),
                          (int) (dy + bounds.origin.y + bounds.size.height / 2));
  xdotool (move);
  xdotool ("click 1");
  wait.n_tags = 2;
  cd_ui_test_wait_for (n_tags_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the number of tags to change");
  {
    g_autoptr(CdTag) tag = tag_at (fixture, 1);
    g_assert_cmpstr (cd_tag_get_name (tag), ==, expected_name);
    g_assert_cmpstr (cd_tag_get_code (tag), ==, expected_code);
  }
  wait.text = "";
  cd_ui_test_wait_for (text_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the entry's text");
  g_assert_false (suggestions_open (fixture));
#else
  g_test_skip ("needs an X11 display");
#endif
}

/* Screenshots */

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static cairo_surface_t *
texture_to_surface (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* A PNG of the window with the suggestions popover drawn where it is on
 * screen: a popover is a surface of its own, which a widget's paintable
 * leaves out. */
static char *
screenshot_with_popover (Fixture    *fixture,
                         const char *name)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *popover = GTK_WIDGET (fixture->popover);
  g_autoptr(GdkTexture) window_texture = render (window);
  g_autoptr(GdkTexture) popover_texture = render (popover);
  cairo_surface_t *window_surface = texture_to_surface (window_texture);
  cairo_surface_t *popover_surface = texture_to_surface (popover_texture);
  GdkSurface *popup = gtk_native_get_surface (GTK_NATIVE (popover));
  double window_dx, window_dy, popover_dx, popover_dy;
  int x, y, width, height;
  cairo_surface_t *canvas;
  cairo_t *cr;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  char *file = g_strdup_printf ("%s/%s.png", dir, name);

  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_dx, &window_dy);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_dx, &popover_dy);
  x = gdk_popup_get_position_x (GDK_POPUP (popup)) + (int) (popover_dx - window_dx);
  y = gdk_popup_get_position_y (GDK_POPUP (popup)) + (int) (popover_dy - window_dy);
  width = MAX (gtk_widget_get_width (window), x + gtk_widget_get_width (popover));
  height = MAX (gtk_widget_get_height (window), y + gtk_widget_get_height (popover));

  canvas = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (canvas);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  cairo_set_source_surface (cr, window_surface, 0, 0);
  cairo_paint (cr);
  cairo_set_source_surface (cr, popover_surface, x, y);
  cairo_paint (cr);
  cairo_destroy (cr);

  g_mkdir_with_parents (dir, 0755);
  g_assert_cmpint (cairo_surface_write_to_png (canvas, file), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (canvas);
  cairo_surface_destroy (window_surface);
  cairo_surface_destroy (popover_surface);
  return file;
}

static gboolean
popover_unmapped_cb (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const recent[] = { "Transfer window", NULL };
  static const char * const free_names[] = { "Harbour ferry", "Storm Ciarán", NULL };
  static const char * const topics[] = { "medtop:20000337", "medtop:06000000", "medtop:20000344", NULL };
  g_autofree char *path = NULL;

  add_free_tags (fixture, free_names);
  for (guint i = 0; topics[i] != NULL; i++)
    {
      g_autoptr(CdMediaTopic) topic = cd_media_topics_lookup (cd_media_topics_get_default (),
                                                              topics[i], "en");
      g_autoptr(CdTag) tag = cd_media_topic_to_tag (topic);
      cd_article_add_tag (fixture->article, tag);
    }
  set_recent (fixture, recent);

  gtk_window_set_default_size (fixture->window, 480, 520);
  type_text (fixture, "tra");
  press_key (fixture->entry_keys, GDK_KEY_Down);
  press_key (fixture->entry_keys, GDK_KEY_Down);
  g_assert_true (suggestions_open (fixture));
  cd_ui_test_wait_for_mapped (GTK_WIDGET (fixture->popover));
  cd_ui_test_wait_for_frames (GTK_WIDGET (fixture->popover));
  cd_ui_test_wait_for_frames (GTK_WIDGET (fixture->window));

  path = screenshot_with_popover (fixture, "tag-editor-suggestions");
  g_test_message ("Wrote %s", path);
  g_free (cd_ui_test_screenshot (GTK_WIDGET (fixture->popover), "tag-editor-popover"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "tags.close-suggestions", NULL);
  cd_ui_test_wait_for (popover_unmapped_cb, fixture->popover, CD_UI_TEST_TIMEOUT_MS,
                       "the suggestions to close");
  g_free (cd_ui_test_screenshot (GTK_WIDGET (fixture->editor), "tag-editor-chips"));
}

static void
test_screenshot_empty (Fixture       *fixture,
                       gconstpointer  data)
{
  g_free (cd_ui_test_screenshot (GTK_WIDGET (fixture->editor), "tag-editor-empty"));
}

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  cd_ui_test_init (&argc, &argv);

  ADD ("/tag-editor/empty-state", test_empty_state, NULL);
  ADD ("/tag-editor/suggestions", test_suggestions, NULL);
  ADD ("/tag-editor/keyboard-adds-topic", test_keyboard_adds_topic, NULL);
  ADD ("/tag-editor/keyboard-selection", test_keyboard_selection, NULL);
  ADD ("/tag-editor/free-tag", test_free_tag, NULL);
  ADD ("/tag-editor/german", test_german, "de-DE");
  ADD ("/tag-editor/duplicates", test_duplicates, NULL);
  ADD ("/tag-editor/remove-with-button", test_remove_with_button, NULL);
  ADD ("/tag-editor/remove-with-keyboard", test_remove_with_keyboard, NULL);
  ADD ("/tag-editor/recent-tags", test_recent_tags, NULL);
  ADD ("/tag-editor/article-switch", test_article_switch, NULL);
  ADD ("/tag-editor/real-input", test_real_input, NULL);
  ADD ("/tag-editor/screenshot/suggestions", test_screenshot, NULL);
  ADD ("/tag-editor/screenshot/empty", test_screenshot_empty, NULL);

  return g_test_run ();
}
