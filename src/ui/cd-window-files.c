/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-window-files"

#include <glib/gi18n.h>

#include "cd-window-private.h"

/* CdWindow's files: saving, autosave, the recovery copy, reverting, and the
 * question asked before closing unsaved work. Opening, importing, dropping
 * and what happens when another program changes or deletes the article's
 * file are in cd-window-open.c. */

/* The clocks of the recovery copy and of autosave are the document's
 * CdSession's; the window forwards the settings, pauses it while it asks
 * the user something, and shows what happened. */

static void save_document (CdWindow *self,
                           GFile    *file,
                           gboolean  force);

void
cd_window_add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* Questions

 * While the user is asked something about the article, nothing writes it:
 * an autosave while "Save Changes?" is open put into the file the very edit
 * the user was about to discard. What is pending is written before the
 * question appears, and the clocks start again once it is answered. */

static void
question_answered_cb (CdWindow *self)
{
  g_assert (self->questions > 0);

  self->questions--;
  /* Resuming starts the clocks again for what is unsaved. */
  if (self->questions == 0 && self->session != NULL)
    cd_session_set_paused (self->session, FALSE);
}

/* A message dialog about the article, counted in self->questions from now
 * until it is answered. Connect the caller's "response" handler after this
 * one, then present it. */
static GtkWidget *
new_question (CdWindow   *self,
              const char *heading)
{
  GtkWidget *dialog;

  /* Writes what is pending first. */
  if (self->session != NULL)
    cd_session_set_paused (self->session, TRUE);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  self->questions++;
  g_signal_connect_object (dialog, "response", G_CALLBACK (question_answered_cb), self,
                           G_CONNECT_SWAPPED);
  return dialog;
}

/* Recovery copies and autosave */

static void
session_recovery_failed_cb (CdWindow     *self,
                            const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("Could not keep a recovery copy: %s"),
                                              error->message);

  /* The session reports a failure once until a copy is written again. */
  cd_window_show_toast (self, message);
}

static void
session_autosave_finished_cb (CdWindow     *self,
                              const GError *error)
{
  GFile *file;

  if (error != NULL)
    {
      /* Save was asked for while this one ran: it decides what to show. */
      if (self->save_again)
        {
          self->save_again = FALSE;
          gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
          return;
        }

      {
        g_autofree char *message =
          g_strdup_printf (_("Automatic saving stopped: %s"), error->message);

        /* Until the next explicit save, which shows the error in full. */
        cd_window_show_toast (self, message);
      }
      if (self->close_after_save)
        {
          self->close_after_save = FALSE;
          gtk_window_close (GTK_WINDOW (self));
        }
      return;
    }

  file = self->document != NULL ? cd_document_get_file (self->document) : NULL;
  if (file != NULL)
    cd_window_add_to_recent (file);

  if (self->save_again)
    {
      self->save_again = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
      return;
    }

  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
seconds_to_ms_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_uint (value, MAX (1, g_variant_get_uint32 (variant)) * 1000);
  return TRUE;
}

static void
drop_session (CdWindow *self)
{
  if (self->session == NULL)
    return;

  /* What was pending for the document being replaced is dropped, as the
   * user chose (reload, open in its place). An autosave already running
   * finishes. */
  cd_session_stop (self->session);
  g_settings_unbind (self->session, "autosave");
  g_settings_unbind (self->session, "autosave-delay");
  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session);
}

void
cd_window_set_session (CdWindow   *self,
                       CdDocument *document)
{
  drop_session (self);
  if (document == NULL)
    return;

  self->session = cd_session_new (document);
  g_settings_bind (self->settings, "autosave", self->session, "autosave",
                   G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (self->settings, "autosave-interval",
                                self->session, "autosave-delay",
                                G_SETTINGS_BIND_GET, seconds_to_ms_mapping, NULL, NULL, NULL);
  cd_session_set_paused (self->session, self->questions > 0);
  if (self->destroyed || self->close_confirmed)
    cd_session_close (self->session);
  g_signal_group_set_target (self->session_signals, self->session);
}

gboolean
cd_window_is_saving (CdWindow *self)
{
  return self->saving || (self->session != NULL && cd_session_get_autosaving (self->session));
}

/* Saving */

typedef struct
{
  CdWindow *self;
  GFile    *file;       /* nullable: the document's own file */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
save_data_closure_free (gpointer  data,
                        GClosure *closure)
{
  save_data_free (data);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SaveData         *data)
{
  if (g_strcmp0 (response, "overwrite") == 0)
    {
      save_document (data->self, data->file, TRUE);
      return;
    }

  data->self->close_after_save = FALSE;
  if (g_strcmp0 (response, "reload") == 0)
    gtk_widget_activate_action (GTK_WIDGET (data->self), "win.reload", NULL);
}

static void
ask_overwrite (CdWindow *self,
               SaveData *data)
{
  GtkWidget *dialog;

  dialog = new_question (self, _("The File Changed on Disk"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” was changed by another program since you opened "
                                    "or last saved it. Overwrite it with your version and "
                                    "lose those changes, or reload it and lose yours. To "
                                    "keep both, cancel and use Save As."),
                                  cd_document_get_display_name (self->document));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (overwrite_response_cb),
                         data, save_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The lead image */

static void
copy_image_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CdWindow         *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) image_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *source = g_object_get_data (G_OBJECT (dialog), "cd-image-source");
  CdImage *image;

  if (g_strcmp0 (response, "copy") != 0 || self->document == NULL)
    return;

  /* The article may have moved on while the question was open. */
  image = cd_article_get_image (cd_document_get_article (self->document));
  folder = cd_document_dup_article_dir (self->document);
  if (folder == NULL || g_strcmp0 (cd_image_get_source (image), source) != 0)
    return;

  image_file = g_file_new_for_path (source);
  if (!cd_article_file_copy_image (image_file, folder, &name, NULL, &error))
    {
      cd_window_show_error (self, _("Could Not Copy the Lead Image"), error->message);
      return;
    }

  cd_image_set_source (image, name);
  /* The user saved, and agreed to the copy: the file names it at once. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
}

/* After a save under a new name: a lead image chosen from elsewhere on the
 * computer is named by its absolute path, against the file format's rule
 * that it lies beside the article; the save already made one inside the
 * folder relative. Copying the picture is the user's choice. */
static void
offer_image_copy (CdWindow *self)
{
  CdImage *image = cd_article_get_image (cd_document_get_article (self->document));
  const char *source = cd_image_get_source (image);
  g_autoptr(GFile) folder = cd_document_dup_article_dir (self->document);
  g_autoptr(GFile) image_file = NULL;
  g_autofree char *folder_name = NULL;
  GtkWidget *dialog;

  if (folder == NULL || !cd_image_source_is_local (source) || !g_path_is_absolute (source))
    return;

  image_file = g_file_new_for_path (source);
  if (cd_image_file_is_inside (image_file, folder) ||
      !g_file_query_exists (image_file, NULL))
    return;

  folder_name = g_file_get_parse_name (folder);
  dialog = new_question (self, _("Copy the Lead Image?"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The lead image %s is outside the article’s folder %s. "
                                    "A copy beside the article travels with it and is "
                                    "what exports use."),
                                  source, folder_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Where It Is"),
                                    "copy", _("_Copy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "cd-image-source", g_strdup (source), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (copy_image_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CdDocument *document = CD_DOCUMENT (object);
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  CdWindow *self = data->self;
  GFile *file;

  self->saving = FALSE;

  if (!cd_document_save_finish (document, result, &error))
    {
      self->save_again = FALSE;
      if (g_error_matches (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK) &&
               document == self->document)
        {
          ask_overwrite (self, g_steal_pointer (&data));
        }
      else
        {
          self->close_after_save = FALSE;
          cd_window_show_error (self, _("Could Not Save the Article"), error->message);
        }
      return;
    }

  if (document != self->document)
    return;

  cd_window_history_saved (self);
  file = cd_document_get_file (document);
  if (file != NULL)
    cd_window_add_to_recent (file);

  if (self->session != NULL)
    cd_session_unblock_autosave (self->session);

  /* Under a new name the lead image is looked for from another folder. */
  if (data->file != NULL)
    {
      g_autoptr(GListModel) issues = cd_window_check (self);

      cd_preflight_button_set_issues (self->preflight_button, issues);
      if (!self->close_after_save)
        offer_image_copy (self);
    }

  /* Changes made while the snapshot was written still need a recovery copy,
   * which the successful save has just removed. */
  if (self->session != NULL)
    cd_session_schedule (self->session);

  if (self->save_again)
    {
      self->save_again = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
      return;
    }

  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_document (CdWindow *self,
               GFile    *file,
               gboolean  force)
{
  SaveData *data;

  g_assert (self->document != NULL);

  cd_window_flush (self);
  if (self->session != NULL)
    cd_session_stop_autosave (self->session);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = file ? g_object_ref (file) : NULL;

  /* No cancellable: closing the window must not abandon a save. */
  self->saving = TRUE;
  cd_document_save_async (self->document, file, force, NULL, save_cb, data);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CdWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* The chooser has already asked before replacing an existing file. */
      save_document (self, file, TRUE);
    }
  else
    self->close_after_save = FALSE;

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_as (CdWindow *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  const char *slug;
  GFile *file;

  if (self->save_as_file != NULL)
    {
      save_document (self, self->save_as_file, TRUE);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Article"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Copydesk articles"));
  gtk_file_filter_add_pattern (filter, "*.copydesk");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  slug = cd_article_get_slug (cd_document_get_article (self->document));
  name = g_strdup_printf ("%s.copydesk", slug && *slug ? slug : _("untitled-article"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  file = cd_document_get_file (self->document);
  if (file != NULL)
    {
      g_autoptr(GFile) dir = g_file_get_parent (file);

      if (dir != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  if (self->document == NULL)
    return;

  if (cd_window_is_saving (self))
    {
      self->save_again = TRUE;
      return;
    }

  if (cd_document_get_file (self->document) == NULL)
    save_as (self);
  else
    save_document (self, NULL, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  if (self->document != NULL && !cd_window_is_saving (self))
    save_as (self);
}

/* Closing */

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
save_changes_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CdWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (self->session != NULL)
        cd_session_stop (self->session);
      /* The file goes back to what the user last saved, byte for byte, even
       * if autosave wrote over it. */
      if (!cd_document_discard_autosaves (self->document, &error))
        {
          cd_window_show_error (self, _("Could Not Discard the Changes"), error->message);
          return;
        }
      cd_document_discard_recovery (self->document);
      self->close_confirmed = TRUE;
      if (self->session != NULL)
        cd_session_close (self->session);
      /* After the dialog, which is transient for this window, has finished
       * answering. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb,
                       g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

static void
ask_save_changes (CdWindow *self)
{
  GtkWidget *dialog;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  dialog = new_question (self, _("Save Changes?"));
  if (cd_document_get_modified (self->document))
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("“%s” has unsaved changes. Changes which are not saved "
                                      "will be permanently lost."),
                                    cd_document_get_title (self->document));
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Changes to “%s” were saved automatically, but you "
                                      "have not saved them yourself. Discard puts back the "
                                      "version you last saved."),
                                    cd_document_get_title (self->document));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_changes_response_cb), self, 0);

  self->close_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cd_window_may_close:
 * @self: a #CdWindow
 *
 * Decides whether the window may close now. When its article has unsaved
 * changes it asks the user (Cancel, Discard or Save) and returns %FALSE; the
 * answer closes the window later. A save in progress is waited for.
 *
 * Returns: %TRUE when nothing is left to ask about
 */
gboolean
cd_window_may_close (CdWindow *self)
{
  if (self->close_confirmed || self->document == NULL)
    return TRUE;

  cd_window_flush (self);

  /* An autosave in progress may leave nothing to ask about. */
  if (cd_window_is_saving (self))
    {
      self->close_after_save = TRUE;
      return FALSE;
    }

  /* Changes that only autosave wrote are not saved by the user either. */
  if (cd_document_get_has_unsaved_work (self->document))
    {
      ask_save_changes (self);
      return FALSE;
    }

  return TRUE;
}

/* Revert to Saved */

static void
revert_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CdWindow         *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "revert") != 0 || self->document == NULL)
    return;

  if (self->session != NULL)
    cd_session_stop (self->session);
  if (!cd_document_revert_to_saved (self->document, &error))
    cd_window_show_error (self, _("Could Not Revert the Article"), error->message);
}

/* Confirmed rather than undoable: it can take back hours of work. */
static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);
  GtkWidget *dialog;

  if (self->document == NULL || cd_window_is_saving (self) || self->loading)
    return;

  cd_window_flush (self);
  if (!cd_document_can_revert (self->document))
    return;

  dialog = new_question (self, _("Revert to Saved?"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Changes to “%s” since you last saved it, including "
                                    "those saved automatically, will be permanently lost."),
                                  cd_document_get_title (self->document));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revert", _("_Revert"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revert",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (revert_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_revert_cb (CdWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revert",
                                 self->document != NULL &&
                                 cd_document_can_revert (self->document));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Setup */

void
cd_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);

  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);

  cd_window_open_class_init (widget_class);

  /* Back to the last explicit save, after asking. */
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close", NULL);
}

/* gtk_window_destroy () unrealizes the window at once, but something may
 * keep it alive for a while after, with its clocks running: what is pending
 * is written now, as dispose would, and nothing after. */
static void
unrealize_cb (CdWindow *self)
{
  if (self->session != NULL)
    {
      cd_session_write_pending_recovery (self->session);
      cd_session_close (self->session);
    }
  self->destroyed = TRUE;
}

void
cd_window_files_init (CdWindow *self)
{
  cd_window_open_init (self);

  g_signal_connect (self, "unrealize", G_CALLBACK (unrealize_cb), NULL);

  self->session_signals = g_signal_group_new (CD_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "flush",
                                 G_CALLBACK (cd_window_flush), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "recovery-failed",
                                 G_CALLBACK (session_recovery_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "autosave-finished",
                                 G_CALLBACK (session_autosave_finished_cb), self,
                                 G_CONNECT_SWAPPED);

  g_signal_group_connect_object (self->document_signals, "notify::modified",
                                 G_CALLBACK (update_revert_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::autosaved",
                                 G_CALLBACK (update_revert_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (update_revert_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_signals, "bind",
                           G_CALLBACK (update_revert_cb), self, G_CONNECT_SWAPPED);
  update_revert_cb (self);
}
