/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CdWindow's way in for files: opening a .copydesk file, importing a ninjs
 * .json file as a new article, files dropped on the window (an article, or
 * a lead image), and what happens when another program changes or deletes
 * the article's file (win.reload and the file bar). Saving, autosave and
 * the recovery copy are in cd-window-files.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-window-files"

#include <glib/gi18n.h>

#include "cd-image-editor.h"
#include "cd-window-private.h"

static gboolean
file_has_suffix (GFile      *file,
                 const char *suffix)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *folded = basename ? g_utf8_strdown (basename, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, suffix);
}

/* Opening and importing */

typedef struct
{
  CdWindow *self;
  GFile    *file;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static LoadData *
load_data_new (CdWindow *self,
               GFile    *file)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  return data;
}

static void
show_open_error (CdWindow *self,
                 GFile    *file,
                 GError   *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  cd_window_show_error (self, heading, error->message);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDocument) document = NULL;
  CdWindow *self = data->self;

  document = cd_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;

  if (document == NULL)
    {
      show_open_error (self, data->file, error);
      return;
    }

  cd_window_set_document (self, document);
  cd_window_history_opened (self);
  cd_preview_refresh (self->preview);
  cd_window_add_to_recent (data->file);
  cd_window_focus_body (self);
}

typedef struct
{
  CdArticle *article;
  GPtrArray *warnings;  /* (element-type utf8): what the import left out */
} ImportResult;

static void
import_result_free (ImportResult *result)
{
  g_clear_object (&result->article);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportResult, import_result_free)

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  ImportResult *result = g_new0 (ImportResult, 1);

  result->article = cd_ninjs_import_from_file_full (file, cancellable, &result->warnings, &error);
  if (result->article == NULL)
    {
      import_result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) import_result_free);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImportResult) imported = NULL;
  g_autoptr(CdDocument) document = NULL;
  CdWindow *self = data->self;

  imported = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;

  if (imported == NULL)
    {
      show_open_error (self, data->file, error);
      return;
    }

  /* What was left out (a lead image naming a file on this computer) is
   * said, not silently lost. */
  for (guint i = 0; imported->warnings != NULL && i < imported->warnings->len; i++)
    cd_window_show_toast (self, g_ptr_array_index (imported->warnings, i));

  /* An import is a new article: no file yet, and unsaved until saved. */
  document = cd_document_new (imported->article);
  cd_document_set_modified (document, TRUE);
  cd_window_set_document (self, document);
  cd_preview_refresh (self->preview);
  cd_window_focus_body (self);
}

void
cd_window_import_file (CdWindow *self,
                       GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  self->loading = TRUE;
  task = g_task_new (NULL, self->cancellable, import_cb, load_data_new (self, file));
  g_task_set_source_tag (task, cd_window_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

/**
 * cd_window_open_file:
 * @self: a #CdWindow
 * @file: a .copydesk file, or a ninjs .json file to import
 *
 * Loads @file into this window, replacing its document; errors are shown in
 * the window.
 */
void
cd_window_open_file (CdWindow *self,
                     GFile    *file)
{
  g_return_if_fail (CD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (file_has_suffix (file, ".json"))
    {
      cd_window_import_file (self, file);
      return;
    }

  self->loading = TRUE;
  cd_document_load_async (file, self->cancellable, load_cb, load_data_new (self, file));
}

/* Changes on disk */

typedef struct
{
  CdWindow   *self;
  CdDocument *document;  /* the one being replaced */
  gboolean    automatic;
} ReloadData;

static void
reload_data_free (ReloadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->document);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReloadData, reload_data_free)

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ReloadData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDocument) document = NULL;
  g_autofree char *name = NULL;
  CdWindow *self = data->self;

  document = cd_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;

  /* Another article was opened here meanwhile. */
  if (self->document != data->document)
    return;

  name = g_strdup (cd_document_get_display_name (data->document));

  if (document == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Reload “%s”"), name);

      /* The article stays as it is, and the bar offers the choice again. */
      cd_file_bar_set_state (self->file_bar, CD_DOCUMENT_DISK_CHANGED);
      cd_window_show_error (self, heading, error->message);
      return;
    }

  /* Reloading by itself is only for an article without unsaved changes:
   * one typed while the file was read is not thrown away. */
  cd_window_flush (self);
  if (data->automatic && cd_document_get_modified (data->document))
    {
      cd_file_bar_set_state (self->file_bar, CD_DOCUMENT_DISK_CHANGED);
      return;
    }

  /* The user chose the file's version: the copy of theirs goes too. */
  if (self->session != NULL)
    cd_session_stop (self->session);
  cd_document_discard_recovery (data->document);
  cd_window_set_document (self, document);
  cd_preview_refresh (self->preview);

  if (data->automatic)
    {
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Reloaded “%s” — changed by another program"),
                                                  name);

      cd_window_show_toast (self, message);
    }
}

/* Replaces the article with the file's version, in this window. */
static void
reload (CdWindow *self,
        gboolean  automatic)
{
  ReloadData *data;
  GFile *file;

  if (self->document == NULL || self->loading || cd_window_is_saving (self))
    return;

  file = cd_document_get_file (self->document);
  if (file == NULL)
    return;

  data = g_new0 (ReloadData, 1);
  data->self = g_object_ref (self);
  data->document = g_object_ref (self->document);
  data->automatic = automatic;

  self->loading = TRUE;
  cd_document_load_async (file, self->cancellable, reload_cb, data);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  /* The bar goes as soon as the choice is made; a failure brings it back. */
  if (self->document != NULL && !self->loading && !cd_window_is_saving (self))
    cd_file_bar_set_state (self->file_bar, CD_DOCUMENT_DISK_UNCHANGED);
  reload (self, FALSE);
}

/* An article without unsaved changes is reloaded without asking, as GNOME
 * Text Editor does: nothing of the user's is lost, and an editor who goes
 * on working on a version the desk has since replaced loses far more. With
 * unsaved changes the bar asks. (A deleted file leaves the article unsaved,
 * so that closing the window asks about it: the document sees to that.) */
static void
disk_state_changed_cb (CdWindow *self)
{
  CdDocumentDiskState state;

  if (self->document == NULL)
    return;

  state = cd_document_get_disk_state (self->document);
  if (state == CD_DOCUMENT_DISK_CHANGED)
    {
      cd_window_flush (self);
      if (!cd_document_get_modified (self->document) && !self->loading &&
          !cd_window_is_saving (self))
        {
          /* The bar is not shown at all. */
          reload (self, TRUE);
          return;
        }
    }

  cd_file_bar_set_state (self->file_bar, state);
}

/* Drag and drop */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CdWindow      *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = NULL;
  gboolean image_taken = FALSE;

  if (list == NULL)
    return FALSE;

  files = gdk_file_list_get_files (list);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;

      if (file_has_suffix (file, ".copydesk") || file_has_suffix (file, ".json"))
        {
          CdApplication *app = cd_window_get_cd_application (self);

          if (cd_window_is_unused (self) || app == NULL)
            cd_window_open_file (self, file);
          else
            cd_application_open_file (app, file);
        }
      else if (!image_taken)
        {
          GtkWidget *image_editor = cd_metadata_form_get_image_editor (self->form);
          g_autoptr(GError) error = NULL;

          /* An article has one lead image: the first one dropped. */
          image_taken = TRUE;
          if (cd_image_editor_set_file (CD_IMAGE_EDITOR (image_editor), file, &error))
            adw_flap_set_reveal_flap (self->details_flap, TRUE);
          else if (error != NULL)
            cd_window_show_toast (self, error->message);
        }
    }

  return TRUE;
}

/* Setup */

void
cd_window_open_class_init (GtkWidgetClass *widget_class)
{
  /* Replaces the article with its file's version (the file bar's Reload). */
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
}

void
cd_window_open_init (CdWindow *self)
{
  GtkDropTarget *drop_target;

  /* Files dropped anywhere on the window; in the capture phase so that the
   * body editor does not insert their URIs as text. */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop_target),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  g_signal_group_connect_object (self->document_signals, "notify::disk-state",
                                 G_CALLBACK (disk_state_changed_cb), self, G_CONNECT_SWAPPED);
}
