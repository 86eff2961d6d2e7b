/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-application"

#include <glib/gi18n.h>

#include "cd-application.h"
#include "cd-preferences-window.h"
#include "cd-site-dialog.h"
#include "cd-window-private.h"

/* How many articles "Open Recent" lists. */
#define MAX_RECENT 10

struct _CdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  CdHouseRules   *house_rules;
  char           *house_rules_error;   /* not shown in a window yet */
  GFile          *recovery_dir;
  CdVersionStore *version_store;
  char           *version_store_error;  /* why it could not be opened */
  GMenu          *recent_menu;
  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (CdApplication, cd_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_HOUSE_RULES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Translations */

/**
 * cd_application_get_locale_dir:
 *
 * Where the translations are. An installed Copydesk has them in LOCALEDIR; run
 * from the build tree, `meson devenv` points COPYDESK_LOCALEDIR at the build
 * tree's po folder (meson.build), as it points GSETTINGS_SCHEMA_DIR and
 * XDG_DATA_DIRS at its schema and icons. No path of the build tree is compiled
 * into the program, so an installed one never looks there.
 *
 * Returns: $COPYDESK_LOCALEDIR when set and not empty, LOCALEDIR otherwise
 */
const char *
cd_application_get_locale_dir (void)
{
  const char *dir = g_getenv ("COPYDESK_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* House rules */

static void
report_house_rules_error (CdApplication *self,
                          GtkWindow     *window)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->house_rules_error == NULL || !CD_IS_WINDOW (window))
    return;

  escaped = g_markup_escape_text (self->house_rules_error, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Preferences"));
  adw_toast_set_action_name (toast, "app.preferences");
  cd_window_add_toast (CD_WINDOW (window), toast);
  g_clear_pointer (&self->house_rules_error, g_free);
}

static void
load_house_rules (CdApplication *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "house-rules-file");
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(GError) error = NULL;

  if (*path != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      rules = cd_house_rules_load_from_file (file, NULL, &error);
    }
  if (rules == NULL)
    rules = cd_house_rules_new_default ();

  g_clear_pointer (&self->house_rules_error, g_free);
  if (error != NULL)
    self->house_rules_error =
      g_strdup_printf (_("The default house rules apply: %s"), error->message);

  g_set_object (&self->house_rules, rules);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOUSE_RULES]);

  /* At startup there is no window yet: the first one shows the error. */
  report_house_rules_error (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* Windows */

static CdWindow *
create_window (CdApplication *self)
{
  CdWindow *window = cd_window_new (self);

  report_house_rules_error (self, GTK_WINDOW (window));
  return window;
}

static CdWindow *
get_unused_window (CdApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CD_IS_WINDOW (active) && cd_window_is_unused (CD_WINDOW (active)))
    return CD_WINDOW (active);
  return create_window (self);
}

/**
 * cd_application_open_file:
 * @self: a #CdApplication
 * @file: a .copydesk file, or a ninjs .json file to import
 *
 * Opens @file in the window that already shows it, else in the active window
 * when it is unused, else in a new window.
 */
void
cd_application_open_file (CdApplication *self,
                          GFile         *file)
{
  CdWindow *window;

  g_return_if_fail (CD_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      CdDocument *document;

      if (!CD_IS_WINDOW (l->data))
        continue;
      document = cd_window_get_document (l->data);
      if (document != NULL && cd_document_get_file (document) != NULL &&
          g_file_equal (cd_document_get_file (document), file))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  window = get_unused_window (self);
  cd_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
import_file (CdApplication *self,
             GFile         *file)
{
  CdWindow *window = get_unused_window (self);

  cd_window_import_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

/* Recent articles */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static char *
escape_mnemonic (const char *label)
{
  g_auto(GStrv) parts = g_strsplit (label, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
update_recent_menu (CdApplication *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".copydesk") &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (articles, info);
    }
  g_ptr_array_sort (articles, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < articles->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (articles, i);
      g_autofree char *label = escape_mnemonic (gtk_recent_info_get_display_name (info));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "app.open-uri", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  /* An item without an action shows, insensitive, why the menu is empty. */
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->recent_menu)) == 0)
    g_menu_append (self->recent_menu, _("No Recent Articles"), "app.no-recent-articles");

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Crash recovery */

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CdApplication    *self)
{
  GPtrArray *documents = g_object_get_data (G_OBJECT (dialog), "cd-documents");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "recover") == 0)
    {
      for (guint i = 0; i < documents->len; i++)
        {
          CdWindow *window = NULL;

          if (i == 0 && CD_IS_WINDOW (parent) && cd_window_is_unused (CD_WINDOW (parent)))
            window = CD_WINDOW (parent);
          else
            window = create_window (self);
          cd_window_set_document (window, g_ptr_array_index (documents, i));
          gtk_window_present (GTK_WINDOW (window));
        }
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < documents->len; i++)
        cd_document_discard_recovery (g_ptr_array_index (documents, i));
    }
  /* Otherwise (Escape) the copies stay, to be offered next time. */
}

/* Offers, once, the work a previous run left unsaved. Only at the first
 * activation: later, the recovery copies are this run's own. */
static void
offer_recovery (CdApplication *self,
                GtkWindow     *parent)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GString) body = NULL;
  g_autoptr(GString) unreadable = NULL;
  GtkWidget *dialog;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  /* Nothing writes recovery copies yet: what a crash left half-written can go. */
  cd_document_remove_stale_recovery_files (cd_application_get_recovery_dir (self));

  files = cd_document_list_recoveries (cd_application_get_recovery_dir (self));
  if (files == NULL || files->len == 0)
    return;

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  unreadable = g_string_new (NULL);
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      CdDocument *document = cd_document_new_from_recovery (file, &error);

      /* Kept on disk, and said: it may hold the only copy of someone's
       * work, for a later version or a person to open. */
      if (document == NULL)
        {
          g_string_append_printf (unreadable, "\n• %s", error->message);
          continue;
        }
      g_ptr_array_add (documents, document);
    }

  if (documents->len == 0)
    {
      g_autofree char *folder = g_file_get_path (cd_application_get_recovery_dir (self));

      if (unreadable->len == 0)
        return;
      body = g_string_new (NULL);
      g_string_printf (body, _("Copydesk could not read these recovery copies. They are kept "
                               "in %s:\n"), folder);
      g_string_append (body, unreadable->str);
      /* Said as the window says any other error; the window's helper needs a
       * window, and without one the dialog stands alone. */
      if (CD_IS_WINDOW (parent))
        {
          cd_window_show_error (CD_WINDOW (parent), _("Recovery Copies Could Not Be Read"),
                                body->str);
          return;
        }
      dialog = adw_message_dialog_new (parent, _("Recovery Copies Could Not Be Read"), body->str);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  body = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                    "This article had changes that were not saved "
                                    "when Copydesk last stopped:",
                                    "These articles had changes that were not saved "
                                    "when Copydesk last stopped:",
                                    documents->len));
  g_string_append_c (body, '\n');
  for (guint i = 0; i < documents->len; i++)
    {
      CdDocument *document = g_ptr_array_index (documents, i);

      g_string_append_printf (body, "\n• %s", cd_document_get_title (document));
      if (cd_document_get_file (document) != NULL)
        g_string_append_printf (body, " (%s)", cd_document_get_display_name (document));
    }
  if (unreadable->len > 0)
    {
      g_autofree char *folder = g_file_get_path (cd_application_get_recovery_dir (self));

      g_string_append (body, "\n\n");
      g_string_append_printf (body, _("These recovery copies could not be read and are kept "
                                      "in %s:"), folder);
      g_string_append (body, unreadable->str);
    }

  dialog = adw_message_dialog_new (parent, _("Recover Unsaved Work?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  g_object_set_data_full (G_OBJECT (dialog), "cd-documents",
                          g_steal_pointer (&documents), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CdApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (create_window (self)));
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  CdApplication   *self)
{
  gboolean import = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "cd-import"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (import)
            import_file (self, file);
          else
            cd_application_open_file (self, file);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
ninjs_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("ninjs JSON"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
show_open_chooser (CdApplication *self,
                   gboolean       import)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) ninjs_filter = ninjs_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (import ? _("Import ninjs") : _("Open Articles"),
                                         parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         import ? _("_Import") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  if (!import)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Copydesk articles"));
      gtk_file_filter_add_pattern (filter, "*.copydesk");
      gtk_file_filter_add_mime_type (filter, "application/x-copydesk-article");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ninjs_filter);

  g_object_set_data (G_OBJECT (chooser), "cd-import", GINT_TO_POINTER (import));
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  show_open_chooser (CD_APPLICATION (user_data), FALSE);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  show_open_chooser (CD_APPLICATION (user_data), TRUE);
}

static void
open_uri_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  cd_application_open_file (CD_APPLICATION (user_data), file);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CdApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (cd_preferences_window_new (parent, self->settings)));
}

/* Preferences ▸ Sites, from the Publish popover when there is no site. */
static void
sites_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CdApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = cd_preferences_window_new (parent, self->settings);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sites");
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CdApplication *self = user_data;
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                "application-name", _("Copydesk"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The Copydesk authors"),
                "copyright", "© 2026 The Copydesk authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "website", "https://github.com/copydesk/copydesk",
                "issue-url", "https://github.com/copydesk/copydesk/issues",
                "translator-credits", _("translator-credits"),
                NULL);

  /* The attribution IPTC asks for (CC BY 4.0), from the vocabulary's NOTICE:
   * "IPTC Media Topics, © IPTC - International Press Telecommunications
   * Council, https://iptc.org, licensed under CC BY 4.0". */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("IPTC Media Topics"),
                                      "© IPTC - International Press Telecommunications Council, "
                                      "<a href=\"https://iptc.org\">https://iptc.org</a>",
                                      GTK_LICENSE_CUSTOM,
                                      _("Licensed under <a href=\"https://creativecommons.org/"
                                        "licenses/by/4.0/\">CC BY 4.0</a>."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CdApplication *self = user_data;
  GList *windows;

  /* Each window closes as if the user closed it, asking about unsaved
   * changes; the application ends when the last one has gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static const GActionEntry app_actions[] = {
  { .name = "new", .activate = new_activated },
  { .name = "open", .activate = open_activated },
  { .name = "open-uri", .activate = open_uri_activated, .parameter_type = "s" },
  { .name = "import", .activate = import_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "sites", .activate = sites_activated },
  { .name = "about", .activate = about_activated },
  { .name = "quit", .activate = quit_activated },
};

static const struct
{
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.import", { "<Control><Shift>i", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
};

/* GApplication */

static void
cd_application_startup (GApplication *application)
{
  CdApplication *self = CD_APPLICATION (application);

  /* Loads style.css and gtk/help-overlay.ui from the resource base path. */
  G_APPLICATION_CLASS (cd_application_parent_class)->startup (application);

  g_set_application_name (_("Copydesk"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action, app_accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::house-rules-file",
                           G_CALLBACK (load_house_rules), self, G_CONNECT_SWAPPED);
  load_house_rules (self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

static void
cd_application_activate (GApplication *application)
{
  CdApplication *self = CD_APPLICATION (application);
  CdWindow *window = create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (self, GTK_WINDOW (window));
}

static void
cd_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CdApplication *self = CD_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      /* A site's "authorize application" page sends the browser back to
       * copydesk://authorize with the account's new password. */
      if (g_file_has_uri_scheme (files[i], "copydesk"))
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          if (!cd_site_dialog_receive_callback (uri))
            g_warning ("A site sent Copydesk a sign-in, but no Add Site window is "
                       "waiting for it: add the site again in Preferences ▸ Sites.");
          continue;
        }
      cd_application_open_file (self, files[i]);
    }

  offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* GObject */

static void
cd_application_dispose (GObject *object)
{
  CdApplication *self = CD_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->house_rules);
  g_clear_object (&self->recovery_dir);
  g_clear_object (&self->version_store);
  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (cd_application_parent_class)->dispose (object);
}

static void
cd_application_finalize (GObject *object)
{
  CdApplication *self = CD_APPLICATION (object);

  g_free (self->house_rules_error);
  g_free (self->version_store_error);

  G_OBJECT_CLASS (cd_application_parent_class)->finalize (object);
}

static void
cd_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CdApplication *self = CD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_HOUSE_RULES:
      g_value_set_object (value, self->house_rules);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_application_class_init (CdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cd_application_dispose;
  object_class->finalize = cd_application_finalize;
  object_class->get_property = cd_application_get_property;

  app_class->startup = cd_application_startup;
  app_class->activate = cd_application_activate;
  app_class->open = cd_application_open;

  /**
   * CdApplication:house-rules:
   *
   * The house rules named by the "house-rules-file" key, or the defaults.
   */
  properties[PROP_HOUSE_RULES] =
    g_param_spec_object ("house-rules", NULL, NULL, CD_TYPE_HOUSE_RULES,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_application_init (CdApplication *self)
{
  self->recent_menu = g_menu_new ();
}

/* The resource base path stays /io/github/copydesk/Copydesk in a development
 * build too, where APP_ID ends in .Devel: the resources are compiled into the
 * program and never seen by anything else, so they cannot clash with an
 * installed Copydesk's, and one fixed prefix keeps every template path in the
 * sources (gtk_widget_class_set_template_from_resource) the same in both. */
CdApplication *
cd_application_new (void)
{
  return g_object_new (CD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/copydesk/Copydesk",
                       NULL);
}

GSettings *
cd_application_get_settings (CdApplication *self)
{
  g_return_val_if_fail (CD_IS_APPLICATION (self), NULL);

  return self->settings;
}

CdHouseRules *
cd_application_get_house_rules (CdApplication *self)
{
  g_return_val_if_fail (CD_IS_APPLICATION (self), NULL);

  return self->house_rules;
}

GFile *
cd_application_get_recovery_dir (CdApplication *self)
{
  g_return_val_if_fail (CD_IS_APPLICATION (self), NULL);

  if (self->recovery_dir == NULL)
    self->recovery_dir = g_file_new_build_filename (g_get_user_data_dir (),
                                                    "copydesk", "recovery", NULL);
  return self->recovery_dir;
}

/* The store is opened when first needed, and only tried once: a store that
 * cannot be opened (a read-only folder, a newer Copydesk's) stays closed
 * for the application's life, and every window says so once. */
CdVersionStore *
cd_application_get_version_store (CdApplication  *self,
                                  GError        **error)
{
  g_return_val_if_fail (CD_IS_APPLICATION (self), NULL);

  if (self->version_store == NULL && self->version_store_error == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      self->version_store = cd_version_store_new_for_user (&local_error);
      if (self->version_store == NULL)
        self->version_store_error = g_strdup (local_error->message);
    }
  if (self->version_store == NULL)
    {
      g_set_error_literal (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_OPEN,
                           self->version_store_error);
      return NULL;
    }
  return self->version_store;
}

GMenuModel *
cd_application_get_recent_menu (CdApplication *self)
{
  g_return_val_if_fail (CD_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}
