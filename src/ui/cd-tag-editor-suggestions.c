/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The tag editor's suggestions: what the entry's text matches among the tags
 * used before (the "recent-tags" setting, which this file also keeps) and
 * among the IPTC Media Topics in the article's language, the popover that
 * shows them, moving through them from the keyboard, and the rows of the
 * list. Adding the chosen suggestion is in cd-tag-editor.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-tag-editor"

#include <glib/gi18n.h>
#include <string.h>

#include "cd-tag-editor-private.h"

#define MIN_QUERY_CHARS   2
#define MAX_RECENT        50
#define MAX_RECENT_SHOWN  5
#define MAX_TOPICS_SHOWN  20

/* ------------------------------------------------------------------------ */
/* Matching                                                                 */


/* 0 if @needle starts @haystack, 1 if it starts a word of it, 2 if it is
 * elsewhere in it, -1 if it is not in it. Both folded. */
static int
match_rank (const char *haystack,
            const char *needle)
{
  const char *at = strstr (haystack, needle);

  if (at == NULL)
    return -1;
  if (at == haystack)
    return 0;
  for (; at != NULL; at = strstr (at + 1, needle))
    {
      const char *prev = g_utf8_find_prev_char (haystack, at);

      if (prev == NULL || !g_unichar_isalnum (g_utf8_get_char (prev)))
        return 1;
    }
  return 2;
}

char *
cd_tag_editor_dup_query (CdTagEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

/* ------------------------------------------------------------------------ */
/* Recent tags                                                              */

static CdTag *
tag_from_recent (const char *entry)
{
  const char *last = strrchr (entry, '|');
  const char *middle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;

  if (last != NULL && last > entry)
    middle = g_strrstr_len (entry, last - entry, "|");

  if (middle == NULL)
    name = g_strdup (entry);
  else
    {
      name = g_strndup (entry, middle - entry);
      uri = g_strndup (middle + 1, last - middle - 1);
    }

  g_strstrip (name);
  if (*name == '\0')
    return NULL;

  return cd_tag_new (name, uri, middle != NULL ? last + 1 : NULL);
}

static char *
recent_from_tag (CdTag *tag)
{
  const char *name = cd_tag_get_name (tag);
  const char *uri = cd_tag_get_uri (tag);
  const char *code = cd_tag_get_code (tag);

  if ((uri != NULL && *uri != '\0') || (code != NULL && *code != '\0'))
    return g_strdup_printf ("%s|%s|%s", name, uri ? uri : "", code ? code : "");
  if (strchr (name, '|') != NULL)
    return g_strconcat (name, "||", NULL);
  return g_strdup (name);
}

/* The recent tags, newest first. (element-type CdTag) */
static GPtrArray *
load_recent (CdTagEditor *self)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) entries = NULL;

  if (self->settings == NULL)
    return tags;

  entries = g_settings_get_strv (self->settings, "recent-tags");
  for (guint i = 0; entries[i] != NULL; i++)
    {
      CdTag *tag = tag_from_recent (entries[i]);

      if (tag != NULL)
        g_ptr_array_add (tags, tag);
    }
  return tags;
}

void
cd_tag_editor_remember_tag (CdTagEditor *self,
                            CdTag       *tag)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autofree char *folded = NULL;

  if (self->settings == NULL)
    return;

  entries = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (entries, recent_from_tag (tag));
  folded = g_utf8_casefold (cd_tag_get_name (tag), -1);

  recent = load_recent (self);
  for (guint i = 0; i < recent->len && entries->len < MAX_RECENT; i++)
    {
      CdTag *other = g_ptr_array_index (recent, i);
      g_autofree char *other_folded = g_utf8_casefold (cd_tag_get_name (other), -1);

      if (strcmp (folded, other_folded) != 0)
        g_ptr_array_add (entries, recent_from_tag (other));
    }

  g_ptr_array_add (entries, NULL);
  g_settings_set_strv (self->settings, "recent-tags", (const char * const *) entries->pdata);
}

/* ------------------------------------------------------------------------ */
/* Suggestions                                                              */

const char *
cd_tag_editor_article_language (CdTagEditor *self)
{
  const char *language = self->article ? cd_article_get_language (self->article) : NULL;

  return language != NULL && *language != '\0' ? language : NULL;
}

static gboolean
article_has (CdTagEditor *self,
             const char  *name)
{
  return self->article != NULL && cd_article_has_tag (self->article, name);
}

typedef struct
{
  CdTag *tag;
  int    rank;
  guint  order;
} RecentMatch;

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  const RecentMatch *x = a;
  const RecentMatch *y = b;

  if (x->rank != y->rank)
    return x->rank - y->rank;
  return x->order < y->order ? -1 : (x->order > y->order);
}

static void
set_suggestions (CdTagEditor *self,
                 GPtrArray   *items)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_splice (self->suggestions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)),
                       items != NULL ? items->pdata : NULL,
                       items != NULL ? items->len : 0);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
show_suggestions (CdTagEditor *self)
{
  int width;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)) == 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_popover_popdown (self->popover);
      return;
    }

  width = gtk_widget_get_width (GTK_WIDGET (self->entry));
  gtk_widget_set_size_request (self->scroller, MAX (width, 280), -1);
  gtk_popover_popup (self->popover);
}

void
cd_tag_editor_hide_suggestions (CdTagEditor *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_popover_popdown (self->popover);
}

void
cd_tag_editor_update_suggestions (CdTagEditor *self)
{
  g_autofree char *query = cd_tag_editor_dup_query (self);
  g_autofree char *needle = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GListModel) topics = NULL;
  guint n_topics = 0;

  if (self->article == NULL || g_utf8_strlen (query, -1) < MIN_QUERY_CHARS)
    {
      set_suggestions (self, NULL);
      cd_tag_editor_hide_suggestions (self);
      return;
    }

  needle = cd_text_fold (query);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Tags used before: those that start with the text, then those with a
   * word that does, then the rest; newest first in each group. */
  recent = load_recent (self);
  matches = g_array_new (FALSE, FALSE, sizeof (RecentMatch));
  for (guint i = 0; i < recent->len; i++)
    {
      CdTag *tag = g_ptr_array_index (recent, i);
      g_autofree char *folded = cd_text_fold (cd_tag_get_name (tag));
      RecentMatch match = { tag, match_rank (folded, needle), i };

      if (match.rank >= 0 && !article_has (self, cd_tag_get_name (tag)))
        g_array_append_val (matches, match);
    }
  g_array_sort (matches, compare_recent);
  for (guint i = 0; i < matches->len && i < MAX_RECENT_SHOWN; i++)
    {
      CdTag *tag = g_array_index (matches, RecentMatch, i).tag;

      g_ptr_array_add (items, g_object_ref (tag));
      if (cd_tag_get_code (tag) != NULL && *cd_tag_get_code (tag) != '\0')
        g_hash_table_add (codes, g_strdup (cd_tag_get_code (tag)));
    }

  /* Then the vocabulary, less what is already there. */
  topics = cd_media_topics_search (cd_media_topics_get_default (), query,
                                   cd_tag_editor_article_language (self),
                                   MAX_TOPICS_SHOWN + MAX_RECENT_SHOWN + 10);
  for (guint i = 0; i < g_list_model_get_n_items (topics) && n_topics < MAX_TOPICS_SHOWN; i++)
    {
      g_autoptr(CdMediaTopic) topic = g_list_model_get_item (topics, i);

      if (g_hash_table_contains (codes, cd_media_topic_get_code (topic)) ||
          article_has (self, cd_media_topic_get_label (topic)))
        continue;
      g_ptr_array_add (items, g_steal_pointer (&topic));
      n_topics++;
    }

  set_suggestions (self, items);
  show_suggestions (self);
}

void
cd_tag_editor_select_offset (CdTagEditor *self,
                             int          offset)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0)
    return;

  if (offset > 0)
    next = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n - 1);
  else if (selected == GTK_INVALID_LIST_POSITION)
    next = n - 1;
  else if (selected == 0)
    next = GTK_INVALID_LIST_POSITION;    /* back to the text as typed */
  else
    next = selected - 1;

  gtk_single_selection_set_selected (self->selection, next);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    show_suggestions (self);
  if (next != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", next);
}

/* ------------------------------------------------------------------------ */
/* Suggestion rows                                                          */

/* The row takes the click for itself, so that the list does not select
 * the row first. */
static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *item)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
row_released_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint position = gtk_list_item_get_position (item);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_widget_activate_action (row, "tags.add-suggestion", "u", position);
}

void
cd_tag_editor_setup_row_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            CdTagEditor              *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), texts);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (row_pressed_cb), item, 0);
  g_signal_connect_object (click, "released", G_CALLBACK (row_released_cb), item, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  gtk_list_item_set_child (item, row);
}

void
cd_tag_editor_bind_row_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           CdTagEditor              *self)
{
  GObject *suggestion = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (row), "subtitle");
  g_autofree char *details = NULL;
  g_autofree char *whole = NULL;
  const char *name;

  if (CD_IS_MEDIA_TOPIC (suggestion))
    {
      CdMediaTopic *topic = CD_MEDIA_TOPIC (suggestion);
      const char *parent = cd_media_topic_get_parent_label (topic);

      name = cd_media_topic_get_label (topic);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "accessories-dictionary-symbolic");
      if (parent != NULL)
        /* Translators: a Media Topic's code, then its parent topic's label. */
        details = g_strdup_printf (_("%s — in %s"), cd_media_topic_get_code (topic), parent);
      else
        details = g_strdup (cd_media_topic_get_code (topic));
      gtk_widget_set_tooltip_text (row, cd_media_topic_get_definition (topic));
    }
  else
    {
      CdTag *tag = CD_TAG (suggestion);

      name = cd_tag_get_name (tag);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "document-open-recent-symbolic");
      if (cd_tag_get_code (tag) != NULL && *cd_tag_get_code (tag) != '\0')
        /* Translators: a tag added before, with its vocabulary code. */
        details = g_strdup_printf (_("Used before — %s"), cd_tag_get_code (tag));
      else
        details = g_strdup (_("Used before"));
      gtk_widget_set_tooltip_text (row, NULL);
    }

  gtk_label_set_text (GTK_LABEL (title), name);
  gtk_label_set_text (GTK_LABEL (subtitle), details);
  whole = g_strdup_printf ("%s — %s", name, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, whole,
                                  -1);
}
