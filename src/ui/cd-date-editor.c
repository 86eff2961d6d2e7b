/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-date-editor"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "copydesk-core.h"
#include "cd-date-editor-private.h"

/*
 * The rows show the value and write a new one only when the user's input
 * makes a different one: a value set from outside refills the rows, and the
 * change handlers that this sets off find nothing to change.
 *
 * The date row takes a typed date when it is activated or left, so that a
 * typed date is one change (one undo step); the time row takes a time as
 * soon as it is whole. Both read what people type through core
 * (cd-date-parse). The calendar and the zone list are made the first time
 * they are opened: the form is on screen at start-up, the zone list of some
 * 400 zones is not.
 */

G_DEFINE_FINAL_TYPE (CdDateEditor, cd_date_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE_TIME,
  PROP_TITLE,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void calendar_day_selected_cb (CdDateEditor *self,
                                      GtkCalendar  *calendar);

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
  return cd_time_parse (text, hour, minute, NULL);
}

static char *
format_date (GDateTime *value)
{
  /* Translators: the date in the date row, see g_date_time_format(). */
  return g_date_time_format (value, _("%a %-d %b %Y"));
}

/* The language dates are typed in: the article's, else the user's. */
static char *
dup_language (CdDateEditor *self)
{
  const char *locale;
  char *language;

  if (self->language != NULL && self->language[0] != '\0')
    return g_strdup (self->language);

  locale = setlocale (LC_TIME, NULL);
  if (locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0)
    return g_strdup ("en");

  language = g_strndup (locale, strcspn (locale, ".@"));
  return g_strdelimit (language, "_", '-');
}

char *
cd_date_editor_dup_local_label (GTimeZone *zone)
{
  const char *identifier = g_time_zone_get_identifier (zone);

  if (identifier == NULL || identifier[0] == '\0' || identifier[0] == '/' || identifier[0] == ':')
    return g_strdup (_("Local Time"));

  /* Translators: the computer's own zone, such as "Local Time (Europe/Berlin)". */
  return g_strdup_printf (_("Local Time (%s)"), identifier);
}

static char *
dup_zone_label (GTimeZone *zone,
                GDateTime *value)
{
  const char *identifier = g_time_zone_get_identifier (zone);

  /* A zone read from a file without its name is only an offset, "+01:00". */
  if (identifier[0] == '+' || identifier[0] == '-')
    return g_date_time_format (value, "UTC%:z");

  return g_strdelimit (g_strdup (identifier), "_", ' ');
}

void
cd_date_editor_show_zone (CdDateEditor *self)
{
  g_autofree char *label = NULL;

  if (self->zone_is_local)
    label = cd_date_editor_dup_local_label (self->zone);
  else if (self->value != NULL)
    label = dup_zone_label (self->zone, self->value);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
      label = dup_zone_label (self->zone, now);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->zone_row), label);
}

static void
clear_error (GtkWidget *row)
{
  /* The row's own hint says what may be typed; an error replaces it. */
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, g_object_get_data (G_OBJECT (row), "cd-hint"));
}

static void
show_error (GtkWidget *row,
            GError    *error)
{
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, error->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                  -1);
}

/* Shows the value in the rows. */
static void
update_rows (CdDateEditor *self)
{
  GDateTime *value = self->value;
  int hour, minute;

  if (value == NULL)
    set_editable_text (GTK_EDITABLE (self->date_row), "");
  else
    {
      g_autofree char *date = format_date (value);
      set_editable_text (GTK_EDITABLE (self->date_row), date);
    }
  clear_error (self->date_row);

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
  clear_error (self->time_row);

  if (value != NULL)
    {
      GTimeZone *zone = g_date_time_get_timezone (value);

      /* "Local Time" stays itself while the value is in that zone. */
      if (!(self->zone_is_local &&
            strcmp (g_time_zone_get_identifier (zone), g_time_zone_get_identifier (self->zone)) == 0))
        {
          g_clear_pointer (&self->zone, g_time_zone_unref);
          self->zone = g_time_zone_ref (zone);
          self->zone_is_local = FALSE;
        }
    }
  cd_date_editor_show_zone (self);
}

/* Date */

static void
apply_date (CdDateEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) value = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
  g_autofree char *language = dup_language (self);
  CdDateParts parts;

  if (self->value != NULL)
    {
      g_autofree char *shown = format_date (self->value);

      /* What the row shows for the value is no change. */
      if (strcmp (text, shown) == 0)
        {
          clear_error (self->date_row);
          return;
        }

      /* An emptied date cannot unset the value; show what is kept. */
      if (cd_text_is_blank (text))
        {
          update_rows (self);
          return;
        }
    }
  else if (cd_text_is_blank (text))
    {
      clear_error (self->date_row);
      return;
    }

  if (!cd_date_parse (text, language, g_date_time_get_year (now), &parts, &error))
    {
      show_error (self->date_row, error);
      return;
    }

  /* A first date takes the time already typed, if any. */
  if (!parts.has_time && self->value == NULL &&
      parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &parts.hour, &parts.minute))
    parts.has_time = TRUE;

  value = cd_date_parts_to_date_time (&parts, self->zone, self->value);
  if (value == NULL)
    return;

  clear_error (self->date_row);
  cd_date_editor_set_date_time (self, value);
  /* The same date typed another way shows as the row writes it. */
  update_rows (self);
}

static void
date_row_changed_cb (CdDateEditor *self,
                     GtkEditable  *editable)
{
  /* A correction under way is not an error yet. */
  clear_error (self->date_row);
}

static void
date_row_activated_cb (CdDateEditor *self,
                       AdwEntryRow  *row)
{
  apply_date (self);
}

static void
date_focus_leave_cb (CdDateEditor            *self,
                     GtkEventControllerFocus *controller)
{
  apply_date (self);
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

  value = g_date_time_new (self->zone,
                           g_date_time_get_year (day), g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day), hour, minute, seconds);
  cd_date_editor_set_date_time (self, value);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->date_button));
}

static void
date_popup_cb (GtkMenuButton *button,
               gpointer       user_data)
{
  CdDateEditor *self = CD_DATE_EDITOR (user_data);
  g_autoptr(GDateTime) now = NULL;

  if (self->calendar == NULL)
    {
      self->calendar = gtk_calendar_new ();
      gtk_popover_set_child (GTK_POPOVER (self->date_popover), self->calendar);
      g_signal_connect_object (self->calendar, "day-selected",
                               G_CALLBACK (calendar_day_selected_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->value == NULL)
    now = g_date_time_new_now (self->zone);

  g_signal_handlers_block_by_func (self->calendar, calendar_day_selected_cb, self);
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), self->value != NULL ? self->value : now);
  g_signal_handlers_unblock_by_func (self->calendar, calendar_day_selected_cb, self);
}

/* Time */

/* A typed time is applied when the row is activated or left, as a typed
 * date is: applying it while it is typed would make "9:30 pm" pass through
 * 09:03 and 09:30, each a change of the article and an undo step. */
static void
time_row_changed_cb (CdDateEditor *self,
                     GtkEditable  *editable)
{
  int hour, minute;

  if (parse_time (gtk_editable_get_text (editable), &hour, &minute))
    clear_error (self->time_row);
}

static void
apply_time (CdDateEditor *self,
            int           hour,
            int           minute)
{
  g_autoptr(GDateTime) value = NULL;
  g_autoptr(GDateTime) today = NULL;
  GDateTime *day;

  clear_error (self->time_row);

  /* The time the rows show for the value is no change. */
  if (self->value != NULL &&
      hour == g_date_time_get_hour (self->value) &&
      minute == g_date_time_get_minute (self->value))
    return;

  if (self->value != NULL)
    day = self->value;
  else
    day = today = g_date_time_new_now (self->zone);

  value = g_date_time_new (g_date_time_get_timezone (day),
                           g_date_time_get_year (day), g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day), hour, minute, 0);
  cd_date_editor_set_date_time (self, value);
}

static void
check_time (CdDateEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  g_autoptr(GError) error = NULL;
  int hour, minute;

  if (text[0] == '\0' && self->value != NULL)
    {
      /* An emptied time cannot unset the date; show what is kept. */
      update_rows (self);
    }
  else if (text[0] != '\0' && !cd_time_parse (text, &hour, &minute, &error))
    show_error (self->time_row, error);
  else if (text[0] != '\0')
    apply_time (self, hour, minute);
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

/* GObject */

static gboolean
cd_date_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (CD_DATE_EDITOR (widget)->date_row);
}

static void
cd_date_editor_dispose (GObject *object)
{
  CdDateEditor *self = CD_DATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_DATE_EDITOR);
  g_clear_object (&self->zone_results);
  g_clear_object (&self->zone_filter);

  G_OBJECT_CLASS (cd_date_editor_parent_class)->dispose (object);
}

static void
cd_date_editor_finalize (GObject *object)
{
  CdDateEditor *self = CD_DATE_EDITOR (object);

  g_clear_pointer (&self->value, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->language, g_free);

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

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
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

    case PROP_LANGUAGE:
      cd_date_editor_set_language (self, g_value_get_string (value));
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
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-date-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, list);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, zone_row);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, zone_button);
  gtk_widget_class_bind_template_child (widget_class, CdDateEditor, zone_popover);
  gtk_widget_class_bind_template_callback (widget_class, date_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_row_activated_cb);
}

static void
cd_date_editor_init (CdDateEditor *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data_full (G_OBJECT (self->date_row), "cd-hint",
                          g_strdup (_("Type a date, such as “12 July 2017”, “12/07/2017” or “2017-07-12”, "
                                      "or choose one from the calendar")),
                          g_free);
  g_object_set_data_full (G_OBJECT (self->time_row), "cd-hint",
                          g_strdup (_("Type a time, such as “09:30”, “9.30” or “9:30 pm”")),
                          g_free);

  self->zone = g_time_zone_new_local ();
  self->zone_is_local = TRUE;

  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->date_button),
                                         date_popup_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->zone_button),
                                         cd_date_editor_zone_popup_cb, self, NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (date_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->date_row, focus);

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
 * offset in the same named zone is no change.
 */
void
cd_date_editor_set_date_time (CdDateEditor *self,
                              GDateTime    *date_time)
{
  g_return_if_fail (CD_IS_DATE_EDITOR (self));

  if (cd_date_time_same_choice (self->value, date_time))
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
  /* The calendar button at the row's end is named by the row. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
cd_date_editor_get_language (CdDateEditor *self)
{
  g_return_val_if_fail (CD_IS_DATE_EDITOR (self), NULL);

  return self->language;
}

/* The article's language, which names the months typed and orders
 * "12/07/2017"; %NULL for the user's own. */
void
cd_date_editor_set_language (CdDateEditor *self,
                             const char   *language)
{
  g_return_if_fail (CD_IS_DATE_EDITOR (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * cd_date_editor_get_zone:
 *
 * Returns: (transfer none): the zone new values are made in: the value's,
 *   or the one chosen
 */
GTimeZone *
cd_date_editor_get_zone (CdDateEditor *self)
{
  g_return_val_if_fail (CD_IS_DATE_EDITOR (self), NULL);

  return self->zone;
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
