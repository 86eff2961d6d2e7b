/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Export from the window: one click writes the article in the last-used
 * format to the last-used folder; the first time, or with Export As, a file
 * chooser asks where. The export itself runs in a thread on a copy of the
 * article, through the same core exporters as copydesk-cli. */

#define G_LOG_DOMAIN "copydesk-export"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-window-private.h"

/* How many blocking problems the confirmation names before "and N more". */
#define MAX_LISTED_PROBLEMS 3

typedef struct
{
  CdWindow   *window;     /* owned */
  CdArticle  *article;    /* owned: a snapshot taken when Export was chosen */
  CdExporter *exporter;   /* owned */
  char       *article_dir;
  char       *base_url;
  GFile      *output;     /* owned; NULL until known */
  gboolean    choose;     /* ask where even if a folder is remembered */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->article);
  g_clear_object (&job->exporter);
  g_clear_pointer (&job->article_dir, g_free);
  g_clear_pointer (&job->base_url, g_free);
  g_clear_object (&job->output);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

/* The name core gives every export of this article in this format. */
static char *
suggested_name (ExportJob *job)
{
  return cd_exporter_dup_file_name (job->exporter, job->article);
}

/* A folder for people: "~/Documents/exports" rather than a full path. */
static char *
display_folder (GFile *folder)
{
  g_autofree char *parse_name = g_file_get_parse_name (folder);
  const char *home = g_get_home_dir ();
  size_t home_len = strlen (home);

  if (home_len > 1 && g_str_has_prefix (parse_name, home) &&
      (parse_name[home_len] == '/' || parse_name[home_len] == '\0'))
    return g_strconcat ("~", parse_name + home_len, NULL);

  return g_steal_pointer (&parse_name);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  CdExportOptions options = { 0 };
  CdImage *image = cd_article_get_image (job->article);
  GError *error = NULL;

  options.article_dir = job->article_dir;
  if (cd_image_is_set (image) && !cd_image_is_remote (image))
    {
      /* A picture on this computer travels with the export, unless the
       * house rules say where the CMS will find published images. */
      if (job->base_url != NULL)
        {
          options.image_mode = CD_EXPORT_IMAGE_BASE_URL;
          options.image_base_url = job->base_url;
        }
      else
        options.image_mode = CD_EXPORT_IMAGE_BUNDLE;
    }

  if (!cd_exporter_export_to_file (job->exporter, job->article, &options, job->output, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_name = NULL;
  g_autofree char *folder_uri = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      cd_window_show_error (job->window, _("Export Failed"), error->message);
      return;
    }

  cd_window_history_record (job->window, CD_VERSION_REASON_EXPORT);
  folder = g_file_get_parent (job->output);
  folder_name = display_folder (folder);
  folder_uri = g_file_get_uri (folder);
  file_name = g_file_get_basename (job->output);
  /* Translators: the first %s is a file name, the second a folder. */
  title = g_strdup_printf (_("Exported “%s” to %s"), file_name, folder_name);
  markup = g_markup_escape_text (title, -1);

  /* A toast's title is markup; file names may hold “&” or “<”. */
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("Open Folder"));
  adw_toast_set_action_name (toast, "win.open-export-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (folder_uri));
  cd_window_add_toast (job->window, toast);
}

static void
run_export (ExportJob *job_in)
{
  g_autoptr(ExportJob) job = job_in;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (job->output);
  g_autofree char *folder_path = g_file_get_path (folder);
  GSettings *settings = cd_window_get_settings (job->window);

  if (settings != NULL)
    {
      g_settings_set_string (settings, "last-export-format", cd_exporter_get_id (job->exporter));
      if (folder_path != NULL)
        g_settings_set_string (settings, "last-export-folder", folder_path);
    }

  task = g_task_new (job->window, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, run_export);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(ExportJob) job = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      job->output = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (job->output != NULL)
        run_export (g_steal_pointer (&job));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
ask_where (ExportJob *job)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (job);
  g_autofree char *title = NULL;
  GSettings *settings = cd_window_get_settings (job->window);
  g_autofree char *last_folder = settings != NULL
    ? g_settings_get_string (settings, "last-export-folder") : NULL;

  /* Translators: %s is a format name such as "ninjs 2.2 (IPTC)". */
  title = g_strdup_printf (_("Export as %s"), cd_exporter_get_name (job->exporter));
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (job->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  gtk_file_filter_set_name (filter, cd_exporter_get_name (job->exporter));
  gtk_file_filter_add_mime_type (filter, cd_exporter_get_mime_type (job->exporter));
  {
    g_autofree char *pattern = g_strdup_printf ("*.%s", cd_exporter_get_extension (job->exporter));
    gtk_file_filter_add_pattern (filter, pattern);
  }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (last_folder != NULL && last_folder[0] != '\0' &&
      g_file_test (last_folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last_folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Writes to the remembered folder, or asks where. */
static void
export_to_destination (ExportJob *job)
{
  GSettings *settings = cd_window_get_settings (job->window);
  g_autofree char *last_folder = settings != NULL
    ? g_settings_get_string (settings, "last-export-folder") : NULL;

  if (!job->choose && last_folder != NULL && last_folder[0] != '\0' &&
      g_file_test (last_folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = suggested_name (job);
      g_autofree char *path = g_build_filename (last_folder, name, NULL);

      job->output = g_file_new_for_path (path);
      run_export (job);
      return;
    }

  ask_where (job);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(ExportJob) job = user_data;

  if (g_strcmp0 (response, "export") == 0)
    export_to_destination (g_steal_pointer (&job));
}

char *
cd_window_describe_problems (GListModel *issues)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_errors = cd_preflight_count (issues, CD_SEVERITY_ERROR);
  guint listed = 0;

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "This article has %u problem that blocks publication:",
                                       "This article has %u problems that block publication:",
                                       n_errors),
                          n_errors);

  for (guint i = 0; i < g_list_model_get_n_items (issues) && listed < MAX_LISTED_PROBLEMS; i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      if (cd_preflight_issue_get_severity (issue) != CD_SEVERITY_ERROR)
        continue;
      g_string_append_printf (text, "\n• %s", cd_preflight_issue_get_message (issue));
      listed++;
    }

  if (n_errors > listed)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "\n• and %u more",
                                         "\n• and %u more",
                                         n_errors - listed),
                            n_errors - listed);

  g_string_append (text, "\n\n");
  g_string_append (text, _("The CMS may reject the export or publish it incomplete."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Checks the article, asks before exporting one that is not ready, then
 * exports it. @format_id NULL means the last-used format. */
static void
start_export (CdWindow   *self,
              const char *format_id,
              gboolean    choose)
{
  g_autoptr(ExportJob) job = g_new0 (ExportJob, 1);
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *last_format = NULL;
  GSettings *settings = cd_window_get_settings (self);
  CdHouseRules *rules = cd_window_get_house_rules (self);
  CdDocument *document = cd_window_get_document (self);
  CdExporter *exporter;
  const char *base_url;

  g_assert (CD_IS_WINDOW (self));

  if (document == NULL)
    return;

  if (format_id == NULL && settings != NULL)
    format_id = last_format = g_settings_get_string (settings, "last-export-format");

  exporter = format_id != NULL ? cd_exporters_lookup (format_id) : NULL;
  if (exporter == NULL)
    exporter = cd_exporters_lookup ("ninjs");

  cd_window_flush (self);

  job->window = g_object_ref (self);
  job->exporter = g_object_ref (exporter);
  job->article = cd_article_copy (cd_document_get_article (document));
  job->choose = choose;
  dir = cd_document_dup_article_dir (document);
  job->article_dir = dir != NULL ? g_file_get_path (dir) : NULL;
  base_url = rules != NULL ? cd_house_rules_get_image_base_url (rules) : NULL;
  job->base_url = base_url != NULL && base_url[0] != '\0' ? g_strdup (base_url) : NULL;

  issues = cd_window_check (self);
  if (issues != NULL && !cd_preflight_is_ready (issues))
    {
      AdwMessageDialog *dialog;
      g_autofree char *body = cd_window_describe_problems (issues);

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Export With Problems?"),
                                                           body));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "export", _("_Export Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), g_steal_pointer (&job));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  export_to_destination (g_steal_pointer (&job));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_export (CD_WINDOW (widget), NULL, FALSE);
}

static void
export_as_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  start_export (CD_WINDOW (widget), NULL, TRUE);
}

static void
export_format_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  start_export (CD_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
open_export_folder_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

void
cd_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-as", NULL, export_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-format", "s", export_format_action);
  gtk_widget_class_install_action (widget_class, "win.open-export-folder", "s",
                                   open_export_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-as", NULL);
}

GMenuModel *
cd_window_export_dup_menu (void)
{
  GListModel *exporters = cd_exporters_get_all ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) formats = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (exporters); i++)
    {
      g_autoptr(CdExporter) exporter = g_list_model_get_item (exporters, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (cd_exporter_get_name (exporter), NULL);

      g_menu_item_set_action_and_target_value (item, "win.export-format",
                                               g_variant_new_string (cd_exporter_get_id (exporter)));
      g_menu_append_item (formats, item);
    }

  g_menu_append (other, _("Export _As…"), "win.export-as");
  g_menu_append_section (menu, _("Export As Format"), G_MENU_MODEL (formats));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}
