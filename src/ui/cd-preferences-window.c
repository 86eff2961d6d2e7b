/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gi18n.h>

#include "copydesk-core.h"
#include "cd-preferences-window.h"
#include "cd-sites-page.h"

struct _CdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  CdHouseRules         *default_rules;       /* for checking language tags */
  GtkFileChooserNative *chooser;
  GCancellable         *show_cancellable;    /* loading the file in use, for its name */
  GCancellable         *apply_cancellable;   /* loading a chosen file */
  char                 *shown_path;          /* the house-rules file the row describes */
  gboolean              updating_language;

  /* Template widgets */
  AdwEntryRow          *author_name_row;
  AdwEntryRow          *author_role_row;
  AdwEntryRow          *language_row;
  GtkWidget            *language_error_image;
  GtkLabel             *language_error_label;
  AdwEntryRow          *section_row;
  GtkSpinButton        *reading_speed_spin;
  GtkSwitch            *autosave_switch;
  GtkSwitch            *remote_images_switch;
  GtkWidget            *autosave_interval_row;
  GtkSpinButton        *autosave_interval_spin;
  AdwComboRow          *theme_row;
  AdwActionRow         *house_rules_row;
  GtkLabel             *house_rules_error_label;
};

G_DEFINE_FINAL_TYPE (CdPreferencesWindow, cd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void apply_house_rules_file (CdPreferencesWindow *self,
                                    GFile               *file);

/* Number keys: the spin buttons take their bounds from the schema, so that a
 * value the schema allows is never clamped (and rewritten) by the window. */
static void
set_range_from_schema (GSettings     *settings,
                       const char    *key,
                       GtkSpinButton *spin)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) bounds = NULL;
  const char *kind = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &kind, &bounds);

  if (g_str_equal (kind, "range") && g_variant_is_of_type (bounds, G_VARIANT_TYPE ("(uu)")))
    {
      guint32 min, max;

      g_variant_get (bounds, "(uu)", &min, &max);
      gtk_spin_button_set_range (spin, min, max);
    }
}

/* Theme */

/* The preview-theme key has the nicks of CD_TYPE_PAGE_THEME, and the theme
 * row lists that type's values in order, so a row's position is a value. */
static gboolean
theme_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (CD_TYPE_PAGE_THEME);
  GEnumValue *theme = g_enum_get_value_by_nick (enum_class, g_variant_get_string (variant, NULL));

  if (theme == NULL)
    return FALSE;

  g_value_set_uint (value, (guint) theme->value);
  return TRUE;
}

static GVariant *
theme_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (CD_TYPE_PAGE_THEME);
  guint selected = g_value_get_uint (value);
  GEnumValue *theme = selected <= G_MAXINT ? g_enum_get_value (enum_class, (int) selected) : NULL;

  if (theme == NULL)
    return NULL;

  return g_variant_new_string (theme->value_nick);
}

/* Default language */

/* Whether @tag is well formed by the very rule the preflight check applies to
 * an article's language ("language-tag"), so that the default given to new
 * articles is never one that preflight then refuses. */
static gboolean
is_language_tag (CdPreferencesWindow *self,
                 const char          *tag)
{
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(GListModel) issues = NULL;
  guint n_issues;

  if (tag[0] == '\0')
    return FALSE;

  for (const char *p = tag; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-')
        return FALSE;
    }

  article = cd_article_new ();
  cd_article_set_language (article, tag);
  issues = cd_preflight_check (article, self->default_rules);
  n_issues = g_list_model_get_n_items (issues);

  for (guint i = 0; i < n_issues; i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      if (g_strcmp0 (cd_preflight_issue_get_field (issue), "language") == 0)
        return FALSE;
    }

  return TRUE;
}

static void
set_language_error (CdPreferencesWindow *self,
                    const char          *tag)
{
  g_autofree char *message = NULL;

  if (tag == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->language_row), "error");
      gtk_widget_set_visible (self->language_error_image, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->language_error_label), FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->language_row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->language_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  if (tag[0] == '\0')
    message = g_strdup (_("New articles need a language. Enter a tag such as “en”, “en-GB” or “pt-BR”."));
  else
    message = g_strdup_printf (_("“%s” is not a language tag, so it is not saved. "
                                 "Use a tag such as “en”, “en-GB” or “pt-BR”."),
                               tag);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);

  gtk_widget_add_css_class (GTK_WIDGET (self->language_row), "error");
  gtk_widget_set_tooltip_text (self->language_error_image, message);
  gtk_widget_set_visible (self->language_error_image, TRUE);
  gtk_label_set_label (self->language_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->language_error_label), TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->language_row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

static void
language_row_changed_cb (CdPreferencesWindow *self)
{
  g_autofree char *tag = NULL;
  g_autofree char *current = NULL;

  if (self->updating_language || self->settings == NULL)
    return;

  tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_row))));

  if (!is_language_tag (self, tag))
    {
      set_language_error (self, tag);
      return;
    }

  set_language_error (self, NULL);
  current = g_settings_get_string (self->settings, "default-language");
  if (!g_str_equal (current, tag))
    g_settings_set_string (self->settings, "default-language", tag);
}

static void
default_language_changed_cb (CdPreferencesWindow *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, "default-language");
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_row))));

  if (g_str_equal (value, shown))
    return;

  self->updating_language = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->language_row), value);
  self->updating_language = FALSE;

  set_language_error (self, is_language_tag (self, value) ? NULL : value);
}

/* House rules */

static void
load_rules_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  CdHouseRules *rules;

  rules = cd_house_rules_load_from_file (file, cancellable, &error);
  if (rules == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rules, g_object_unref);
}

static void
load_rules_async (CdPreferencesWindow *self,
                  GFile               *file,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, NULL);
  g_task_set_source_tag (task, load_rules_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_rules_thread);
}

static void
show_house_rules_error (CdPreferencesWindow *self,
                        const char          *message)
{
  gtk_label_set_label (self->house_rules_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->house_rules_error_label), message != NULL);
}

static void
describe_house_rules_file (CdPreferencesWindow *self,
                           GFile               *file,
                           CdHouseRules        *rules)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *basename = g_file_get_basename (file);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->house_rules_row),
                                 rules != NULL ? cd_house_rules_get_name (rules) : basename);
  adw_action_row_set_subtitle (self->house_rules_row, parse_name);
}

static void
describe_built_in_rules (CdPreferencesWindow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->house_rules_row), _("Built-in rules"));
  adw_action_row_set_subtitle (self->house_rules_row, _("The rules that come with Copydesk"));
}

static void
show_loaded_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (source_object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  rules = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  describe_house_rules_file (self, file, rules);
  if (rules != NULL)
    return;

  /* Translators: %s says which file and what is wrong with it */
  message = g_strdup_printf (_("The house-rules file in use does not load:\n%s"), error->message);
  show_house_rules_error (self, message);
}

/* Describes the file the key names, loading it for its name. */
static void
show_house_rules (CdPreferencesWindow *self,
                  const char          *path)
{
  g_autoptr(GFile) file = NULL;

  g_cancellable_cancel (self->show_cancellable);
  g_clear_object (&self->show_cancellable);

  g_free (self->shown_path);
  self->shown_path = g_strdup (path);

  if (path[0] == '\0')
    {
      describe_built_in_rules (self);
      return;
    }

  file = g_file_new_for_path (path);
  describe_house_rules_file (self, file, NULL);

  self->show_cancellable = g_cancellable_new ();
  load_rules_async (self, file, self->show_cancellable, show_loaded_cb);
}

static void
house_rules_file_changed_cb (CdPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "house-rules-file");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.use-builtin-house-rules", path[0] != '\0');

  if (g_strcmp0 (path, self->shown_path) == 0)
    return;

  show_house_rules_error (self, NULL);
  show_house_rules (self, path);
}

static void
apply_loaded_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (source_object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;

  rules = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (rules == NULL)
    {
      /* The key keeps the rules in use: a file that does not load is never
       * applied. Translators: %s says which file and what is wrong with it */
      message = g_strdup_printf (_("These house rules were not applied:\n%s"), error->message);
      show_house_rules_error (self, message);
      return;
    }

  path = g_file_get_path (file);
  show_house_rules_error (self, NULL);

  /* Described from what was just loaded, not loaded again when the key changes. */
  g_cancellable_cancel (self->show_cancellable);
  g_free (self->shown_path);
  self->shown_path = g_strdup (path);
  describe_house_rules_file (self, file, rules);

  g_settings_set_string (self->settings, "house-rules-file", path);
}

/* Loads @file and, when it loads, makes it the house rules; otherwise shows
 * what is wrong and leaves the rules in use as they are. The file chooser
 * and the prefs.load-house-rules action both end here. */
static void
apply_house_rules_file (CdPreferencesWindow *self,
                        GFile               *file)
{
  g_autofree char *path = g_file_get_path (file);

  g_cancellable_cancel (self->apply_cancellable);
  g_clear_object (&self->apply_cancellable);

  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("These house rules were not applied:\n"
                                   "%s is not on this computer. Copy it to a local folder first."),
                                 parse_name);
      show_house_rules_error (self, message);
      return;
    }

  self->apply_cancellable = g_cancellable_new ();
  load_rules_async (self, file, self->apply_cancellable, apply_loaded_cb);
}

static void
chooser_response_cb (CdPreferencesWindow  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        apply_house_rules_file (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
choose_house_rules_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) json_filter = NULL;
  g_autoptr(GtkFileFilter) all_filter = NULL;
  g_autofree char *path = NULL;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Choose House Rules"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Use"),
                                               NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  json_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (json_filter, _("House rules (JSON)"));
  gtk_file_filter_add_mime_type (json_filter, "application/json");
  gtk_file_filter_add_suffix (json_filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json_filter);

  all_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), json_filter);

  /* Opens where the file in use is. */
  path = g_settings_get_string (self->settings, "house-rules-file");
  if (path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
load_house_rules_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  apply_house_rules_file (self, file);
}

static void
use_builtin_house_rules_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (widget);

  g_cancellable_cancel (self->apply_cancellable);
  g_clear_object (&self->apply_cancellable);
  show_house_rules_error (self, NULL);
  g_settings_set_string (self->settings, "house-rules-file", "");
}

/* GObject */

static void
bind_settings (CdPreferencesWindow *self)
{
  GSettings *settings = self->settings;
  g_autofree char *language = NULL;
  g_autofree char *rules_path = NULL;

  g_settings_bind (settings, "author-name", self->author_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "author-role", self->author_role_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-section", self->section_row, "text", G_SETTINGS_BIND_DEFAULT);

  /* Checked before it is saved, so not a plain binding. */
  language = g_settings_get_string (settings, "default-language");
  self->updating_language = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->language_row), language);
  self->updating_language = FALSE;
  set_language_error (self, is_language_tag (self, language) ? NULL : language);
  g_signal_connect_object (settings, "changed::default-language",
                           G_CALLBACK (default_language_changed_cb), self,
                           G_CONNECT_SWAPPED);

  set_range_from_schema (settings, "reading-speed", self->reading_speed_spin);
  g_settings_bind (settings, "reading-speed", self->reading_speed_spin, "value", G_SETTINGS_BIND_DEFAULT);

  g_settings_bind (settings, "autosave", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "preview-remote-images", self->remote_images_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave", self->autosave_interval_row, "sensitive", G_SETTINGS_BIND_GET);
  set_range_from_schema (settings, "autosave-interval", self->autosave_interval_spin);
  g_settings_bind (settings, "autosave-interval", self->autosave_interval_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  g_settings_bind_with_mapping (settings, "preview-theme", self->theme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                theme_get_mapping, theme_set_mapping,
                                NULL, NULL);

  rules_path = g_settings_get_string (settings, "house-rules-file");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.use-builtin-house-rules", rules_path[0] != '\0');
  show_house_rules (self, rules_path);
  g_signal_connect_object (settings, "changed::house-rules-file",
                           G_CALLBACK (house_rules_file_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
cd_preferences_window_constructed (GObject *object)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (cd_preferences_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    bind_settings (self);
  else
    g_critical ("CdPreferencesWindow needs a GSettings object");
}

static void
cd_preferences_window_dispose (GObject *object)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->show_cancellable);
  g_cancellable_cancel (self->apply_cancellable);
  g_clear_object (&self->show_cancellable);
  g_clear_object (&self->apply_cancellable);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cd_preferences_window_parent_class)->dispose (object);
}

static void
cd_preferences_window_finalize (GObject *object)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->default_rules);
  g_clear_pointer (&self->shown_path, g_free);

  G_OBJECT_CLASS (cd_preferences_window_parent_class)->finalize (object);
}

static void
cd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preferences_window_class_init (CdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cd_preferences_window_constructed;
  object_class->dispose = cd_preferences_window_dispose;
  object_class->finalize = cd_preferences_window_finalize;
  object_class->get_property = cd_preferences_window_get_property;
  object_class->set_property = cd_preferences_window_set_property;

  /**
   * CdPreferencesWindow:settings:
   *
   * The application's settings, which every row edits directly.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "prefs.choose-house-rules", NULL,
                                   choose_house_rules_action);
  gtk_widget_class_install_action (widget_class, "prefs.use-builtin-house-rules", NULL,
                                   use_builtin_house_rules_action);
  /* Parameter: the path of a house-rules file. */
  gtk_widget_class_install_action (widget_class, "prefs.load-house-rules", "s",
                                   load_house_rules_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, author_name_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, author_role_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, language_error_image);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, language_error_label);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, section_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, reading_speed_spin);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, remote_images_switch);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, autosave_interval_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, autosave_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, theme_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, house_rules_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, house_rules_error_label);
  gtk_widget_class_bind_template_callback (widget_class, language_row_changed_cb);
}

static void
cd_preferences_window_init (CdPreferencesWindow *self)
{
  self->default_rules = cd_house_rules_new_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (cd_sites_page_new ()));
}

/**
 * cd_preferences_window_new:
 * @parent: (nullable): the window the preferences are opened from
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new modal preferences window, not yet shown
 */
GtkWidget *
cd_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}
