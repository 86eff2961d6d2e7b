/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-window"

#include <glib/gi18n.h>

#include "cd-window-private.h"

/* Preflight checks and statistics run this long after the last change. */
#define CHECK_DELAY_MS 250

G_DEFINE_FINAL_TYPE (CdWindow, cd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PREVIEW_DEVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CdApplication *
cd_window_get_cd_application (CdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return CD_IS_APPLICATION (app) ? CD_APPLICATION (app) : NULL;
}

void
cd_window_show_toast (CdWindow   *self,
                      const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  /* Toast titles are markup; messages name files and may contain anything. */
  cd_window_add_toast (self, adw_toast_new (escaped));
}

/* The window's one error dialog, for every failure the writer must read
 * before going on. Close is the default response, so Enter dismisses it. */
void
cd_window_show_error (CdWindow   *self,
                      const char *heading,
                      const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cd_window_focus_body (CdWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (cd_editor_get_view (self->editor)));
}

/* Title */

static void
update_title (CdWindow *self)
{
  g_autofree char *title = NULL;

  if (self->document == NULL)
    return;

  /* The bullet is the modification mark, as in GNOME's editors. */
  if (cd_document_get_modified (self->document))
    title = g_strdup_printf ("• %s", cd_document_get_title (self->document));
  else
    title = g_strdup (cd_document_get_title (self->document));

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_article_dir (CdWindow *self)
{
  g_autoptr(GFile) dir = NULL;

  if (self->document != NULL)
    dir = cd_document_dup_article_dir (self->document);
  cd_preview_set_article_dir (self->preview, dir);
  cd_metadata_form_set_article_dir (self->form, dir);
}

/* Preflight and statistics */

static void
update_checks (CdWindow *self)
{
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(CdStats) stats = NULL;
  CdArticle *article;

  g_clear_handle_id (&self->check_source, g_source_remove);

  if (self->document == NULL)
    return;

  article = cd_document_get_article (self->document);
  issues = cd_preflight_check (article, cd_window_get_house_rules (self));
  cd_preflight_button_set_issues (self->preflight_button, issues);
  cd_spell_context_set_issues (self->spell, issues);

  stats = cd_stats_compute (article, g_settings_get_uint (self->settings, "reading-speed"));
  cd_status_bar_set_stats (self->status_bar, stats);
  cd_status_bar_set_planned_words (self->status_bar, cd_article_get_planned_words (article));
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  CdWindow *self = user_data;

  self->check_source = 0;
  update_checks (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_checks (CdWindow *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

/* The session follows the article's changes by itself. */
static void
article_changed_cb (CdWindow *self)
{
  schedule_checks (self);
}

/* Typing changes the editor's buffer first and the article only after the
 * editor's own debounce, so the recovery and autosave clocks start here. */
static void
buffer_changed_cb (CdWindow *self)
{
  if (self->session != NULL)
    cd_session_note_change (self->session);
}

/* Closing */

static void
save_window_state (CdWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
cd_window_close_request (GtkWindow *window)
{
  CdWindow *self = CD_WINDOW (window);

  if (!cd_window_may_close (self))
    return TRUE;

  save_window_state (self);
  return GTK_WINDOW_CLASS (cd_window_parent_class)->close_request (window);
}

/* Panes */

static void
preview_reveal_changed_cb (CdWindow *self)
{
  gboolean folded = adw_flap_get_folded (self->preview_flap);

  /* AdwFlap hides the flap when it folds and shows it when it unfolds: only
   * a change while the fold state stays is the user's. While folded, the
   * preview is a passing overlay; the setting is about the wide layout. */
  if (folded != self->preview_folded || folded)
    return;

  g_settings_set_boolean (self->settings, "show-preview",
                          adw_flap_get_reveal_flap (self->preview_flap));
}

static void
preview_folded_changed_cb (CdWindow *self)
{
  self->preview_folded = adw_flap_get_folded (self->preview_flap);

  if (!self->preview_folded)
    adw_flap_set_reveal_flap (self->preview_flap,
                              g_settings_get_boolean (self->settings, "show-preview"));
}

static void
show_preview_changed_cb (CdWindow *self)
{
  if (!adw_flap_get_folded (self->preview_flap))
    adw_flap_set_reveal_flap (self->preview_flap,
                              g_settings_get_boolean (self->settings, "show-preview"));
}

static void
focus_field (CdWindow   *self,
             const char *field)
{
  if (!cd_metadata_form_focus_field (self->form, field))
    cd_window_focus_body (self);
}

static void
details_reveal_changed_cb (CdWindow *self)
{
  gboolean folded = adw_flap_get_folded (self->details_flap);

  if (folded == self->details_folded && !folded)
    self->details_wanted = adw_flap_get_reveal_flap (self->details_flap);
}

static void
details_folded_changed_cb (CdWindow *self)
{
  self->details_folded = adw_flap_get_folded (self->details_flap);

  if (!self->details_folded)
    adw_flap_set_reveal_flap (self->details_flap, self->details_wanted);
}

/* A field in a hidden flap cannot take the focus until the flap starts to
 * show; the focus waits for that. */
static void
details_reveal_progress_cb (CdWindow *self)
{
  g_autofree char *field = NULL;

  if (self->pending_focus_field == NULL ||
      adw_flap_get_reveal_progress (self->details_flap) <= 0)
    return;

  field = g_steal_pointer (&self->pending_focus_field);
  focus_field (self, field);
}

static void
field_activated_cb (CdWindow   *self,
                    const char *field)
{
  if (field == NULL || g_strcmp0 (field, "body") == 0)
    {
      cd_window_focus_body (self);
      return;
    }

  if (adw_flap_get_reveal_progress (self->details_flap) <= 0)
    {
      g_free (self->pending_focus_field);
      self->pending_focus_field = g_strdup (field);
      adw_flap_set_reveal_flap (self->details_flap, TRUE);
      details_reveal_progress_cb (self);
      return;
    }

  adw_flap_set_reveal_flap (self->details_flap, TRUE);
  focus_field (self, field);
}

void
cd_window_reveal_field (CdWindow   *self,
                        const char *field)
{
  g_return_if_fail (CD_IS_WINDOW (self));

  field_activated_cb (self, field);
}

static void
toggle_preview_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  adw_flap_set_reveal_flap (self->preview_flap,
                            !adw_flap_get_reveal_flap (self->preview_flap));
}

static void
toggle_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  adw_flap_set_reveal_flap (self->details_flap,
                            !adw_flap_get_reveal_flap (self->details_flap));
}

static void
show_preflight_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cd_preflight_button_popup (CD_WINDOW (widget)->preflight_button);
}

/* Find and replace shows a match in a field of the form with this. */
static void
reveal_field_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  field_activated_cb (CD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
focus_body_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cd_window_focus_body (CD_WINDOW (widget));
}

/* Preview look */

static void
update_preview_theme (CdWindow *self)
{
  /* The key's nicks and values are CD_TYPE_PAGE_THEME's. "system" follows
   * the application's style, so it is resolved here, and again whenever the
   * style changes. */
  CdPageTheme theme = g_settings_get_enum (self->settings, "preview-theme");

  if (theme == CD_PAGE_THEME_AUTO)
    theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
            ? CD_PAGE_THEME_DARK : CD_PAGE_THEME_LIGHT;

  cd_preview_set_theme (self->preview, theme);
}

static gboolean
preview_device_from_nick (const char      *nick,
                          CdPreviewDevice *device)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (CD_TYPE_PREVIEW_DEVICE);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (enum_class, nick) : NULL;

  if (value == NULL)
    return FALSE;
  *device = value->value;
  return TRUE;
}

static void
set_preview_device (CdWindow   *self,
                    const char *nick)
{
  CdPreviewDevice device;

  /* The nicks are the "preview-width" key's; anything else is refused
   * rather than handed to GSettings, which would reject it loudly. */
  if (g_strcmp0 (self->preview_device, nick) == 0 ||
      !preview_device_from_nick (nick, &device))
    return;

  g_free (self->preview_device);
  self->preview_device = g_strdup (nick);
  cd_preview_set_device (self->preview, device);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW_DEVICE]);
}

/* Accessors shared with cd-window-export.c */

GSettings *
cd_window_get_settings (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);

  return self->settings;
}

CdHouseRules *
cd_window_get_house_rules (CdWindow *self)
{
  CdApplication *app;

  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);

  app = cd_window_get_cd_application (self);
  if (app != NULL && cd_application_get_house_rules (app) != NULL)
    return cd_application_get_house_rules (app);

  if (self->default_rules == NULL)
    self->default_rules = cd_house_rules_new_default ();
  return self->default_rules;
}

void
cd_window_flush (CdWindow *self)
{
  g_return_if_fail (CD_IS_WINDOW (self));

  cd_editor_flush (self->editor);
}

GListModel *
cd_window_check (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  cd_window_flush (self);
  return cd_preflight_check (cd_document_get_article (self->document),
                             cd_window_get_house_rules (self));
}

void
cd_window_add_toast (CdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

CdDocumentDiskState
cd_window_get_file_bar_state (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), CD_DOCUMENT_DISK_UNCHANGED);

  return cd_file_bar_get_state (self->file_bar);
}

void
cd_window_set_save_as_file (CdWindow *self,
                            GFile    *file)
{
  g_return_if_fail (CD_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->save_as_file, file);
}

/* GObject */

static void
cd_window_dispose (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  /* Leaving without the user's word (the desktop session ends, a test)
   * keeps what was typed in the recovery copy. */
  if (self->session != NULL && !self->destroyed)
    cd_session_write_pending_recovery (self->session);
  g_clear_handle_id (&self->check_source, g_source_remove);
  cd_window_set_session (self, NULL);
  g_cancellable_cancel (self->cancellable);

  /* Shared objects outlive the window's parts. */
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (cd_window_get_cd_application (self) != NULL)
    g_signal_handlers_disconnect_by_data (cd_window_get_cd_application (self), self);
  if (self->settings != NULL)
    {
      g_settings_unbind (self, "preview-device");
      g_settings_unbind (self->preview, "remote-images");
      g_signal_handlers_disconnect_by_data (self->settings, self);
    }

  if (self->close_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->close_dialog),
                                  (gpointer *) &self->close_dialog);
  self->close_dialog = NULL;

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->document_bindings != NULL)
    g_binding_group_set_source (self->document_bindings, NULL);
  if (self->article_signals != NULL)
    g_signal_group_set_target (self->article_signals, NULL);
  if (self->buffer_signals != NULL)
    g_signal_group_set_target (self->buffer_signals, NULL);

  cd_window_undo_dispose (self);
  cd_window_publish_dispose (self);
  cd_window_history_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_WINDOW);

  g_clear_object (&self->document);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->default_rules);
  g_clear_object (&self->save_as_file);
  g_clear_object (&self->settings);
  g_clear_object (&self->spell);

  G_OBJECT_CLASS (cd_window_parent_class)->dispose (object);
}

static void
cd_window_finalize (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->preview_device);
  g_free (self->pending_focus_field);

  G_OBJECT_CLASS (cd_window_parent_class)->finalize (object);
}

static void
cd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CdWindow *self = CD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PREVIEW_DEVICE:
      g_value_set_string (value, self->preview_device);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CdWindow *self = CD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PREVIEW_DEVICE:
      set_preview_device (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_window_class_init (CdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cd_window_dispose;
  object_class->finalize = cd_window_finalize;
  object_class->get_property = cd_window_get_property;
  object_class->set_property = cd_window_set_property;

  window_class->close_request = cd_window_close_request;

  /**
   * CdWindow:preview-device:
   *
   * The width the preview imitates, as a "preview-width" nick ("desktop",
   * "tablet", "phone"); bound to that key and to the win.preview-device action.
   */
  properties[PROP_PREVIEW_DEVICE] =
    g_param_spec_string ("preview-device", NULL, NULL, "desktop",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CD_TYPE_EDITOR);
  g_type_ensure (CD_TYPE_FILE_BAR);
  g_type_ensure (CD_TYPE_METADATA_FORM);
  g_type_ensure (CD_TYPE_PREFLIGHT_BUTTON);
  g_type_ensure (CD_TYPE_PREVIEW);
  g_type_ensure (CD_TYPE_STATUS_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, publish_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, preflight_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, details_flap);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, preview_flap);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, form);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, file_bar);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, status_bar);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, file_section);

  cd_window_files_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "win.toggle-preview", NULL,
                                   toggle_preview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0,
                                       "win.toggle-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-preview", NULL);

  gtk_widget_class_install_action (widget_class, "win.toggle-details", NULL,
                                   toggle_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "win.toggle-details", NULL);

  gtk_widget_class_install_action (widget_class, "win.show-preflight", NULL,
                                   show_preflight_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-preflight", NULL);

  gtk_widget_class_install_action (widget_class, "win.focus-body", NULL, focus_body_action);
  gtk_widget_class_install_action (widget_class, "win.reveal-field", "s", reveal_field_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "win.focus-body", NULL);

  gtk_widget_class_install_property_action (widget_class, "win.preview-device", "preview-device");

  cd_window_export_class_init (widget_class);
  cd_window_publish_class_init (widget_class);
  cd_window_history_class_init (widget_class);
  cd_window_undo_class_init (widget_class);
}

static void
cd_window_init (CdWindow *self)
{
  g_autoptr(GMenuModel) export_menu = NULL;
  int width, height;

  /* The menus in the template ask win.preview-device for its state. */
  self->preview_device = g_strdup ("desktop");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->details_wanted = TRUE;

#ifdef CD_DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  export_menu = cd_window_export_dup_menu ();
  adw_split_button_set_menu_model (self->export_button, export_menu);
  cd_window_publish_init (self);

  self->document_signals = g_signal_group_new (CD_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::title",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::modified",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (update_article_dir), self, G_CONNECT_SWAPPED);

  /* The subtitle names the file. */
  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "display-name",
                        self->window_title, "subtitle", G_BINDING_SYNC_CREATE);

  self->article_signals = g_signal_group_new (CD_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "changed",
                                 G_CALLBACK (article_changed_cb), self, G_CONNECT_SWAPPED);

  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->buffer_signals, "changed",
                                 G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_set_target (self->buffer_signals, cd_editor_get_buffer (self->editor));

  cd_window_spell_init (self);

  /* Connected here rather than in the template, so that the template stays
   * valid against any CdPreflightButton that builds. */
  g_signal_connect_object (self->preflight_button, "field-activated",
                           G_CALLBACK (field_activated_cb), self, G_CONNECT_SWAPPED);

  /* Panes */
  g_signal_connect_object (self->preview_flap, "notify::reveal-flap",
                           G_CALLBACK (preview_reveal_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview_flap, "notify::folded",
                           G_CALLBACK (preview_folded_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-preview",
                           G_CALLBACK (show_preview_changed_cb), self, G_CONNECT_SWAPPED);
  self->preview_folded = adw_flap_get_folded (self->preview_flap);
  show_preview_changed_cb (self);

  g_signal_connect_object (self->details_flap, "notify::reveal-flap",
                           G_CALLBACK (details_reveal_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::folded",
                           G_CALLBACK (details_folded_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::reveal-progress",
                           G_CALLBACK (details_reveal_progress_cb), self, G_CONNECT_SWAPPED);
  self->details_folded = adw_flap_get_folded (self->details_flap);

  /* Preview look */
  g_settings_bind (self->settings, "preview-width", self, "preview-device",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::preview-theme",
                           G_CALLBACK (update_preview_theme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_preview_theme), self, G_CONNECT_SWAPPED);
  update_preview_theme (self);
  g_settings_bind (self->settings, "preview-remote-images", self->preview, "remote-images",
                   G_SETTINGS_BIND_GET);

  g_signal_connect_object (self->settings, "changed::reading-speed",
                           G_CALLBACK (update_checks), self, G_CONNECT_SWAPPED);

  /* Window size */
  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  cd_window_files_init (self);
  cd_window_undo_init (self);
}

static CdDocument *
new_document (CdWindow *self)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdDocument) document = NULL;
  g_autofree char *author_name = g_settings_get_string (self->settings, "author-name");
  g_autofree char *author_role = g_settings_get_string (self->settings, "author-role");
  g_autofree char *language = g_settings_get_string (self->settings, "default-language");
  g_autofree char *section = g_settings_get_string (self->settings, "default-section");

  g_strstrip (author_name);
  g_strstrip (author_role);
  if (*author_name != '\0')
    {
      g_autoptr(CdAuthor) author = cd_author_new (author_name);

      if (*author_role != '\0')
        cd_author_set_role (author, author_role);
      cd_article_add_author (article, author);
    }
  if (*language != '\0')
    cd_article_set_language (article, language);
  if (*section != '\0')
    cd_article_set_section (article, section);

  /* The defaults are part of a new article, not changes to it. */
  document = cd_document_new (article);
  cd_document_set_modified (document, FALSE);
  return g_steal_pointer (&document);
}

static void
house_rules_changed_cb (CdWindow *self)
{
  cd_metadata_form_set_house_rules (self->form, cd_window_get_house_rules (self));
  cd_spell_context_set_house_rules (self->spell, cd_window_get_house_rules (self));
  update_checks (self);
}

/**
 * cd_window_new:
 * @application: the application
 *
 * Creates a window with a new article, its focus in the headline.
 *
 * Returns: (transfer none): the window, owned by @application once presented
 */
static gboolean
focus_headline_idle_cb (gpointer data)
{
  CdWindow *self = CD_WINDOW (data);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && cd_window_is_unused (self))
    cd_metadata_form_focus_headline (self->form);
  return G_SOURCE_REMOVE;
}

static void
focus_headline_on_map_cb (GtkWidget *widget,
                          gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (widget, focus_headline_on_map_cb, user_data);
  /* After GTK has given the new window its initial focus. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_headline_idle_cb,
                   g_object_ref (widget), g_object_unref);
}

CdWindow *
cd_window_new (CdApplication *application)
{
  g_autoptr(CdDocument) document = NULL;
  CdWindow *self;
  GMenuModel *recent_menu;

  g_return_val_if_fail (CD_IS_APPLICATION (application), NULL);

  self = g_object_new (CD_TYPE_WINDOW, "application", application, NULL);

  recent_menu = cd_application_get_recent_menu (application);
  g_menu_insert_submenu (self->file_section, 2, _("Open _Recent"), recent_menu);
  adw_split_button_set_menu_model (self->open_button, recent_menu);

  g_signal_connect_object (application, "notify::house-rules",
                           G_CALLBACK (house_rules_changed_cb), self, G_CONNECT_SWAPPED);
  cd_metadata_form_set_house_rules (self->form, cd_window_get_house_rules (self));
  cd_metadata_form_set_settings (self->form, self->settings);
  cd_spell_context_set_house_rules (self->spell, cd_window_get_house_rules (self));

  document = new_document (self);
  cd_window_set_document (self, document);
  cd_metadata_form_focus_headline (self->form);
  /* The details pane may not be allocated yet, and a pane that is not
   * shown cannot take the focus: try again once the window is on screen. */
  g_signal_connect (self, "map", G_CALLBACK (focus_headline_on_map_cb), NULL);

  return self;
}

CdDocument *
cd_window_get_document (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);

  return self->document;
}

static GFile *
dup_recovery_dir (CdWindow *self)
{
  CdApplication *app = cd_window_get_cd_application (self);

  if (app != NULL)
    return g_object_ref (cd_application_get_recovery_dir (app));
  return g_file_new_build_filename (g_get_user_data_dir (), "copydesk", "recovery", NULL);
}

/**
 * cd_window_set_document:
 * @self: a #CdWindow
 * @document: the document to show
 *
 * Replaces the window's document. The old one is dropped as it is: callers
 * replace only an unused document (cd_window_is_unused).
 */
void
cd_window_set_document (CdWindow   *self,
                        CdDocument *document)
{
  g_autoptr(GFile) recovery_dir = NULL;
  CdArticle *article;

  g_return_if_fail (CD_IS_WINDOW (self));
  g_return_if_fail (CD_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* The old document's clocks stop here; the new one's session starts once
   * the editor holds its body, since loading it there is not typing. */
  g_clear_handle_id (&self->check_source, g_source_remove);
  cd_window_set_session (self, NULL);
  g_set_object (&self->document, document);

  recovery_dir = dup_recovery_dir (self);
  cd_document_set_recovery_dir (document, recovery_dir);

  article = cd_document_get_article (document);
  g_signal_group_set_target (self->document_signals, document);
  g_binding_group_set_source (self->document_bindings, document);
  g_signal_group_set_target (self->article_signals, article);

  cd_metadata_form_set_article (self->form, article);
  cd_editor_set_article (self->editor, article);
  cd_spell_context_set_article (self->spell, article);
  /* After the editor has the body: loading it is not a change. */
  cd_window_undo_set_article (self, article);
  cd_preview_set_article (self->preview, article);
  cd_file_bar_set_document (self->file_bar, document);
  cd_file_bar_set_state (self->file_bar, cd_document_get_disk_state (document));
  update_article_dir (self);
  update_title (self);
  update_checks (self);

  /* It writes a recovery copy at once if the document is already unsaved
   * (restored or imported). */
  cd_window_set_session (self, document);
}

/**
 * cd_window_is_unused:
 * @self: a #CdWindow
 *
 * Returns: %TRUE when the window holds a new article nobody has touched, which
 * Open may replace
 */
gboolean
cd_window_is_unused (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), FALSE);

  if (self->document == NULL || self->loading || cd_window_is_saving (self))
    return FALSE;

  /* Text typed in the last moments may not be in the article yet. */
  cd_window_flush (self);
  return cd_document_get_file (self->document) == NULL &&
         !cd_document_get_modified (self->document);
}
