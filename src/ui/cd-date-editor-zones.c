/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-date-editor"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "copydesk-core.h"
#include "cd-date-editor-private.h"

/*
 * The zone row's chooser: a search entry over a list of every zone of the
 * system (core's cd_time_zones_load), the local zone first, filtered by
 * core's cd_time_zone_matches as the user types a city, a country or an
 * offset. It is made the first time it is opened, and the zone list is
 * loaded once for every editor.
 */

/* The zones of the system, shared by every editor and made once. */
static GListModel *all_zones;

static void
choose_zone (CdDateEditor *self,
             CdTimeZone   *zone)
{
  g_autoptr(GDateTime) value = NULL;

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (cd_time_zone_get_zone (zone));
  self->zone_is_local = cd_time_zone_get_is_local (zone);

  /* A zone keeps the wall-clock time, as a desk says "09:00 New York time". */
  if (self->value != NULL)
    value = g_date_time_new (self->zone,
                             g_date_time_get_year (self->value),
                             g_date_time_get_month (self->value),
                             g_date_time_get_day_of_month (self->value),
                             g_date_time_get_hour (self->value),
                             g_date_time_get_minute (self->value),
                             g_date_time_get_seconds (self->value));

  if (value != NULL)
    cd_date_editor_set_date_time (self, value);
  cd_date_editor_show_zone (self);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->zone_button));
}

static gboolean
zone_filter_cb (gpointer item,
                gpointer user_data)
{
  CdDateEditor *self = CD_DATE_EDITOR (user_data);
  const char *query;

  /* The list is filtered as it is made, before the search entry is. */
  if (self->zone_search == NULL)
    return TRUE;

  query = gtk_editable_get_text (GTK_EDITABLE (self->zone_search));

  if (cd_time_zone_get_is_local (item))
    {
      g_autofree char *label = cd_date_editor_dup_local_label (cd_time_zone_get_zone (item));
      g_autofree char *folded_label = cd_text_fold (label);
      g_autofree char *folded_query = cd_text_fold (query);

      if (strstr (folded_label, folded_query) != NULL)
        return TRUE;
    }

  return cd_time_zone_matches (item, query);
}

static void
zone_results_changed_cb (CdDateEditor *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->zone_results)) == 0;

  gtk_widget_set_visible (self->zone_empty, empty);
  gtk_widget_set_visible (gtk_widget_get_parent (self->zone_list), !empty);
}

static void
zone_search_changed_cb (CdDateEditor   *self,
                        GtkSearchEntry *entry)
{
  gtk_filter_changed (self->zone_filter, GTK_FILTER_CHANGE_DIFFERENT);
  zone_results_changed_cb (self);
}

/* Enter in the search takes the first zone found. */
static void
zone_search_activate_cb (CdDateEditor   *self,
                         GtkSearchEntry *entry)
{
  g_autoptr(CdTimeZone) zone = g_list_model_get_item (G_LIST_MODEL (self->zone_results), 0);

  if (zone != NULL)
    choose_zone (self, zone);
}

/* Down from the search goes into the list, as in any search popover; typing
 * in the list goes back to the search. */
static gboolean
zone_search_key_cb (CdDateEditor          *self,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  return gtk_widget_child_focus (self->zone_list, GTK_DIR_TAB_FORWARD);
}

static void
zone_activate_cb (CdDateEditor *self,
                  guint         position,
                  GtkListView  *list)
{
  g_autoptr(CdTimeZone) zone = g_list_model_get_item (G_LIST_MODEL (self->zone_results), position);

  if (zone != NULL)
    choose_zone (self, zone);
}

static void
zone_item_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *city = gtk_label_new (NULL);
  GtkWidget *country = gtk_label_new (NULL);
  GtkWidget *offset = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_hexpand (names, TRUE);
  gtk_label_set_xalign (GTK_LABEL (city), 0);
  gtk_label_set_ellipsize (GTK_LABEL (city), PANGO_ELLIPSIZE_END);
  /* Country names are long ("United Arab Emirates"): they wrap rather
   * than lose their end. */
  gtk_label_set_xalign (GTK_LABEL (country), 0);
  gtk_label_set_wrap (GTK_LABEL (country), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (country), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (country, "dim-label");
  gtk_widget_add_css_class (country, "caption");
  gtk_widget_add_css_class (offset, "dim-label");
  gtk_widget_add_css_class (offset, "numeric");
  gtk_widget_set_valign (offset, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (names), city);
  gtk_box_append (GTK_BOX (names), country);
  gtk_box_append (GTK_BOX (box), names);
  gtk_box_append (GTK_BOX (box), offset);
  gtk_list_item_set_child (item, box);
}

static void
zone_item_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  CdTimeZone *zone = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *names = gtk_widget_get_first_child (box);
  GtkWidget *city = gtk_widget_get_first_child (names);
  GtkWidget *country = gtk_widget_get_next_sibling (city);
  GtkWidget *offset = gtk_widget_get_next_sibling (names);
  g_autofree char *local = NULL;
  const char *subtitle;

  if (cd_time_zone_get_is_local (zone))
    {
      local = cd_date_editor_dup_local_label (cd_time_zone_get_zone (zone));
      gtk_label_set_text (GTK_LABEL (city), local);
      subtitle = cd_time_zone_get_country (zone);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (city), cd_time_zone_get_city (zone));
      subtitle = cd_time_zone_get_country (zone);
      if (subtitle[0] == '\0')
        subtitle = cd_time_zone_get_id (zone);
    }
  /* UTC has no country, and its id says nothing more than its name. */
  if (g_strcmp0 (subtitle, gtk_label_get_text (GTK_LABEL (city))) == 0)
    subtitle = "";
  gtk_label_set_text (GTK_LABEL (country), subtitle);
  gtk_widget_set_visible (country, subtitle[0] != '\0');
  gtk_label_set_text (GTK_LABEL (offset), cd_time_zone_get_offset_label (zone));
}

static void
build_zone_chooser (CdDateEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GListStore) sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) local = g_list_store_new (CD_TYPE_TIME_ZONE);
  g_autoptr(CdTimeZone) local_zone = cd_time_zone_new_local (now);
  GListModel *zones;
  GtkListItemFactory *factory;
  GtkSelectionModel *selection;
  GtkEventController *key;
  GtkWidget *box, *scrolled;

  if (all_zones == NULL)
    {
      all_zones = cd_time_zones_load (NULL, now, NULL);
      g_object_add_weak_pointer (G_OBJECT (all_zones), (gpointer *) &all_zones);
      zones = all_zones;
    }
  else
    zones = g_object_ref (all_zones);

  g_list_store_append (local, local_zone);
  g_list_store_append (sections, local);
  g_list_store_append (sections, zones);

  self->zone_filter = GTK_FILTER (gtk_custom_filter_new (zone_filter_cb, self, NULL));
  self->zone_results = gtk_filter_list_model_new (
    G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sections)))),
    g_object_ref (self->zone_filter));
  /* The list holds the only reference to the zones once built. */
  g_object_unref (zones);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 340, -1);
  self->zone_search = gtk_search_entry_new ();
  g_object_set (self->zone_search, "placeholder-text", _("City, country or offset"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zone_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Time Zones"),
                                  -1);
  g_signal_connect_object (self->zone_search, "search-changed",
                           G_CALLBACK (zone_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zone_search, "activate",
                           G_CALLBACK (zone_search_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->zone_search);
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (zone_search_key_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->zone_search, key);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (zone_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (zone_item_bind_cb), NULL);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->zone_results))));
  self->zone_list = gtk_list_view_new (selection, factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->zone_list), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zone_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time Zones"),
                                  -1);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->zone_search), self->zone_list);
  g_signal_connect_object (self->zone_list, "activate",
                           G_CALLBACK (zone_activate_cb), self, G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->zone_list);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->zone_empty = gtk_label_new (_("No time zone matches"));
  gtk_widget_add_css_class (self->zone_empty, "dim-label");
  gtk_widget_set_vexpand (self->zone_empty, TRUE);
  gtk_widget_set_size_request (self->zone_empty, -1, 320);
  gtk_widget_set_visible (self->zone_empty, FALSE);
  gtk_box_append (GTK_BOX (box), self->zone_empty);

  gtk_popover_set_child (GTK_POPOVER (self->zone_popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self->zone_popover), NULL);
}

void
cd_date_editor_zone_popup_cb (GtkMenuButton *button,
               gpointer       user_data)
{
  CdDateEditor *self = CD_DATE_EDITOR (user_data);

  if (self->zone_search == NULL)
    build_zone_chooser (self);

  /* Each opening starts from the whole list, ready to type. */
  gtk_editable_set_text (GTK_EDITABLE (self->zone_search), "");
  gtk_filter_changed (self->zone_filter, GTK_FILTER_CHANGE_LESS_STRICT);
  zone_results_changed_cb (self);
  gtk_widget_grab_focus (self->zone_search);
}
