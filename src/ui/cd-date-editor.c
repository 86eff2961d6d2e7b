/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-date-editor"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-date-editor.h"

/*
 * The rows show the value and write a new one only when the user's input
 * makes a different one: a value set from outside refills the rows, and the
 * change handlers that this sets off find nothing to change. Only the
 * calendar (a day selected to show the value) and the zone row (its list
 * changes when the value's own zone is added) are blocked while they are
 * filled.
 */

/* Time zones offered after the local one; those the system does not know are
 * left out. */
static const char * const common_zones[] = {
  "UTC",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Athens",
  "Africa/Lagos",
  "Africa/Johannesburg",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "America/Sao_Paulo",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
};

struct _CdDateEditor
{
  GtkWidget      parent_instance;

  /* Template children */
  GtkWidget     *list;
  GtkWidget     *date_row;
  GtkWidget     *date_button;
  GtkWidget     *date_popover;
  GtkWidget     *calendar;
  GtkWidget     *time_row;
  GtkWidget     *zone_row;

  GtkStringList *zone_labels;
  /* GTimeZone, parallel to zone_labels; the last may be the value's own zone. */
  GPtrArray     *zones;
  guint          n_common_zones;

  GDateTime     *value;
  char          *title;
};

G_DEFINE_FINAL_TYPE (CdDateEditor, cd_date_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE_TIME,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void calendar_day_selected_cb (CdDateEditor *self,
                                      GtkCalendar  *calendar);
static void zone_row_selected_cb     (CdDateEditor *self,
                                      GParamSpec   *pspec,
                                      AdwComboRow  *row);

/* Same instant and same offset: what the article counts as a change. */
static gboolean
date_time_same (GDateTime *a,
                GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

/* Sets @text on @editable only when it differs, so that a value coming back
 * from outside never moves the cursor. */
static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (strcmp (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*([01]?[0-9]|2[0-3]):([0-5][0-9])\\s*$",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *h = NULL;
  g_autofree char *m = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  h = g_match_info_fetch (match, 1);
  m = g_match_info_fetch (match, 2);
  *hour = (int) g_ascii_strtoull (h, NULL, 10);
  *minute = (int) g_ascii_strtoull (m, NULL, 10);
  return TRUE;
}

static char *
format_date (GDateTime *value)
{
  /* Translators: the date on the date buttons, see g_date_time_format(). */
  return g_date_time_format (value, _("%a %-d %b %Y"));
}

static char *
dup_zone_label (GTimeZone *zone,
                GDateTime *value)
{
  const char *identifier = g_time_zone_get_identifier (zone);

  /* A zone read from a file is only an offset, such as "+01:00". */
  if (identifier[0] == '+' || identifier[0] == '-')
    return g_date_time_format (value, "UTC%:z");

  return g_strdelimit (g_strdup (identifier), "_", ' ');
}

/* Selects @value's zone in the zone row, adding it after the common zones
 * when it is not one of them. The current selection wins when it is the
 * same zone, so that "Local time" does not turn into its identifier. */
static void
select_zone (CdDateEditor *self,
             GDateTime    *value)
{
  GTimeZone *zone = g_date_time_get_timezone (value);
  const char *identifier = g_time_zone_get_identifier (zone);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->zone_row));
  g_autofree char *label = NULL;
  guint n_extra;

  if (selected < self->zones->len &&
      strcmp (g_time_zone_get_identifier (g_ptr_array_index (self->zones, selected)),
              identifier) == 0)
    return;

  for (guint i = 0; i < self->n_common_zones; i++)
    {
      if (strcmp (g_time_zone_get_identifier (g_ptr_array_index (self->zones, i)),
                  identifier) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->zone_row), i);
          return;
        }
    }

  label = dup_zone_label (zone, value);
  n_extra = self->zones->len - self->n_common_zones;
  g_ptr_array_set_size (self->zones, self->n_common_zones);
  g_ptr_array_add (self->zones, g_time_zone_ref (zone));
  gtk_string_list_splice (self->zone_labels, self->n_common_zones, n_extra,
                          (const char * const[]) { label, NULL });
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->zone_row), self->n_common_zones);
}

/* Shows the value in the rows. */
static void
update_rows (CdDateEditor *self)
{
  GDateTime *value = self->value;
  g_autofree char *date = NULL;
  int hour, minute;

  date = value != NULL ? format_date (value) : g_strdup (_("Not set"));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), date);

  /* The time being typed stays as it is when it already says this time
   * ("9:30" for 09:30), so the cursor does not jump. */
  if (value == NULL)
    set_editable_text (GTK_EDITABLE (self->time_row), "");
  else if (!parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &hour, &minute) ||
           hour != g_date_time_get_hour (value) || minute != g_date_time_get_minute (value))
    {
      g_autofree char *time = g_date_time_format (value, "%H:%M");
      set_editable_text (GTK_EDITABLE (self->time_row), time);
    }
  gtk_widget_remove_css_class (self->time_row, "error");

  if (value != NULL)
    {
      g_signal_handlers_block_by_func (self->zone_row, zone_row_selected_cb, self);
      select_zone (self, value);
      g_signal_handlers_unblock_by_func (self->zone_row, zone_row_selected_cb, self);
    }
}

static void
calendar_day_selected_cb (CdDateEditor *self,
                          GtkCalendar  *calendar)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) value = NULL;
  int hour = 0, minute = 0;
  double seconds = 0;

  day = gtk_calendar_get_date (calendar);

  if (self->value != NULL)
    {
      hour = g_date_time_get_hour (self->value);
      minute = g_date_time_get_minute (self->value);
      seconds = g_date_time_get_seconds (self->value);
    }
  else if (!parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &hour, &minute))
    hour = minute = 0;

  value = g_date_time_new (cd_date_editor_get_zone (self),
                           g_date_time_get_year (day), g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day), hour, minute, seconds);
  cd_date_editor_set_date_time (self, value);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->date_button));
}

static void
date_popover_show_cb (CdDateEditor *self,
                      GtkPopover   *popover)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->value == NULL)
    now = g_date_time_new_now (cd_date_editor_get_zone (self));

  g_signal_handlers_block_by_func (self->calendar, calendar_day_selected_cb, self);
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar),
                           self->value != NULL ? self->value : now);
  g_signal_handlers_unblock_by_func (self->calendar, calendar_day_selected_cb, self);
}

static void
time_row_changed_cb (CdDateEditor *self,
                     GtkEditable  *editable)
{
  g_autoptr(GDateTime) value = NULL;
  g_autoptr(GDateTime) today = NULL;
  GDateTime *day;
  int hour, minute;

  /* A time being typed is applied once it is whole; a wrong one is marked
   * when the entry is left or activated. The time the rows show for the
   * value is no change. */
  if (!parse_time (gtk_editable_get_text (editable), &hour, &minute))
    return;

  gtk_widget_remove_css_class (self->time_row, "error");

  if (self->value != NULL &&
      hour == g_date_time_get_hour (self->value) &&
      minute == g_date_time_get_minute (self->value))
    return;

  if (self->value != NULL)
    day = self->value;
  else
    day = today = g_date_time_new_now (cd_date_editor_get_zone (self));

  value = g_date_time_new (g_date_time_get_timezone (day),
                           g_date_time_get_year (day), g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day), hour, minute, 0);
  cd_date_editor_set_date_time (self, value);
}

static void
check_time (CdDateEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  int hour, minute;

  if (text[0] == '\0' && self->value != NULL)
    {
      /* An emptied time cannot unset the date; show what is kept. */
      update_rows (self);
    }
  else if (text[0] != '\0' && !parse_time (text, &hour, &minute))
    gtk_widget_add_css_class (self->time_row, "error");
}

static void
time_row_activated_cb (CdDateEditor *self,
                       AdwEntryRow  *row)
{
  check_time (self);
}

static void
time_focus_leave_cb (CdDateEditor            *self,
                     GtkEventControllerFocus *controller)
{
  check_time (self);
}

static void
zone_row_selected_cb (CdDateEditor *self,
                      GParamSpec   *pspec,
                      AdwComboRow  *row)
{
  g_autoptr(GDateTime) value = NULL;
  GTimeZone *zone;

  if (self->value == NULL)
    return;

  zone = cd_date_editor_get_zone (self);
  if (strcmp (g_time_zone_get_identifier (zone),
              g_time_zone_get_identifier (g_date_time_get_timezone (self->value))) == 0)
    return;

  value = g_date_time_new (zone,
                           g_date_time_get_year (self->value),
                           g_date_time_get_month (self->value),
                           g_date_time_get_day_of_month (self->value),
                           g_date_time_get_hour (self->value),
                           g_date_time_get_minute (self->value),
                           g_date_time_get_seconds (self->value));
  cd_date_editor_set_date_time (self, value);
}

/* GObject */

static gboolean
cd_date_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (CD_DATE_EDITOR (widget)->date_button);
}

static void
cd_date_editor_dispose (GObject *object)
{
  CdDateEditor *self = CD_DATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_DATE_EDITOR);

  G_OBJECT_CLASS (cd_date_editor_parent_class)->dispose (object);
}

static void
cd_date_editor_finalize (GObject *object)
{
  CdDateEditor *self = CD_DATE_EDITOR (object);

  g_clear_pointer (&self->value, g_date_time_unref);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_object (&self->zone_labels);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (cd_date_editor_parent_class)->finalize (object);
}

static void
cd_date_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CdDateEditor *self = CD_DATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->value);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_date_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CdDateEditor *self = CD_DATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      cd_date_editor_set_date_time (self, g_value_get_boxed (value));
      break;

    case PROP_TITLE:
      cd_date_editor_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_date_editor_class_init (CdDateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_date_editor_dispose;
  object_class->finalize = cd_date_editor_finalize;
  object_class->get_property = cd_date_editor_get_property;
  object_class->set_property = cd_date_editor_set_property;

  widget_class->grab_focus = cd_date_editor_grab_focus;

  properties[PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-date-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, list);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, zone_row);
  gtk_widget_class_bind_template_callback (widget_class, time_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_row_activated_cb);
}

static void
cd_date_editor_init (CdDateEditor *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) g_time_zone_unref);
  self->zone_labels = gtk_string_list_new (NULL);
  g_ptr_array_add (self->zones, g_time_zone_new_local ());
  gtk_string_list_append (self->zone_labels, _("Local Time"));
  for (size_t i = 0; i < G_N_ELEMENTS (common_zones); i++)
    {
      GTimeZone *zone = g_time_zone_new_identifier (common_zones[i]);
      g_autofree char *label = NULL;

      if (zone == NULL)
        continue;

      label = g_strdelimit (g_strdup (common_zones[i]), "_", ' ');
      g_ptr_array_add (self->zones, zone);
      gtk_string_list_append (self->zone_labels, label);
    }
  self->n_common_zones = self->zones->len;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->zone_row), G_LIST_MODEL (self->zone_labels));

  /* Connected here rather than in the template so they can be blocked. */
  g_signal_connect_object (self->zone_row, "notify::selected",
                           G_CALLBACK (zone_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (calendar_day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_popover, "show",
                           G_CALLBACK (date_popover_show_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (time_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->time_row, focus);

  update_rows (self);
}

GtkWidget *
cd_date_editor_new (void)
{
  return g_object_new (CD_TYPE_DATE_EDITOR, NULL);
}

/**
 * cd_date_editor_get_date_time:
 *
 * Returns: (transfer none) (nullable): the date-time, or %NULL when not set
 */
GDateTime *
cd_date_editor_get_date_time (CdDateEditor *self)
{
  g_return_val_if_fail (CD_IS_DATE_EDITOR (self), NULL);

  return self->value;
}

/**
 * cd_date_editor_set_date_time:
 * @date_time: (nullable): the new value
 *
 * Shows @date_time in the rows. A value at the same instant with the same
 * offset is no change.
 */
void
cd_date_editor_set_date_time (CdDateEditor *self,
                              GDateTime    *date_time)
{
  g_return_if_fail (CD_IS_DATE_EDITOR (self));

  if (date_time_same (self->value, date_time))
    return;

  if (date_time != NULL)
    g_date_time_ref (date_time);
  g_clear_pointer (&self->value, g_date_time_unref);
  self->value = date_time;

  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_TIME]);
}

const char *
cd_date_editor_get_title (CdDateEditor *self)
{
  g_return_val_if_fail (CD_IS_DATE_EDITOR (self), NULL);

  return self->title;
}

void
cd_date_editor_set_title (CdDateEditor *self,
                          const char   *title)
{
  g_return_if_fail (CD_IS_DATE_EDITOR (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * cd_date_editor_get_zone:
 *
 * Returns: (transfer none): the zone selected in the zone row
 */
GTimeZone *
cd_date_editor_get_zone (CdDateEditor *self)
{
  guint selected;

  g_return_val_if_fail (CD_IS_DATE_EDITOR (self), NULL);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->zone_row));
  if (selected >= self->zones->len)
    selected = 0;
  return g_ptr_array_index (self->zones, selected);
}

void
cd_date_editor_add_time_suffix (CdDateEditor *self,
                                GtkWidget    *widget)
{
  g_return_if_fail (CD_IS_DATE_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->time_row), widget);
}

/**
 * cd_date_editor_format:
 * @value: a date-time
 *
 * Returns: (transfer full): @value as the rows show it, on one line
 */
char *
cd_date_editor_format (GDateTime *value)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *zone = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  date = format_date (value);
  time = g_date_time_format (value, "%H:%M");
  zone = dup_zone_label (g_date_time_get_timezone (value), value);

  /* Translators: an embargo, such as "Fri 27 Nov 2026, 07:30 UTC". */
  return g_strdup_printf (_("%s, %s %s"), date, time, zone);
}
