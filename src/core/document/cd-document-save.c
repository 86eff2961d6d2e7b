/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Saving a CdDocument: a save is prepared on the main thread, written by
 * a worker thread that checks the file was not changed by another program,
 * and applied on the main thread; saves made while one runs wait in a
 * queue. Explicit saves and autosaves both come through here. */

#include "config.h"

#define G_LOG_DOMAIN "cd-document"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file.h"
#include "cd-document-private.h"
#include "cd-file-util.h"

/* What a save needs, made on the main thread, and what it found out, filled in
 * by the thread that writes. */
typedef struct
{
  GFile   *target;
  char    *data;
  gsize    length;
  char    *expected_fingerprint;
  guint64  snapshot_count;
  gboolean automatic;
  /* A copy of the article to write, serialised by the thread that writes,
   * after it has made the lead image's path fit the target's folder. */
  CdArticle *snapshot;
  /* The folder the article's relative paths started from before this save;
   * NULL for an article without a file. */
  GFile   *old_folder;
  /* The lead image's source as it was, and as the save wrote it. */
  char    *old_image_source;
  char    *new_image_source;
  /* The bytes of the last explicit save, when an autosave finds the article
   * back where that save left it: they are written as they are. */
  GBytes  *verbatim;

  char    *fingerprint;
  char    *display_name;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->target);
  g_clear_pointer (&job->data, g_free);
  g_clear_pointer (&job->expected_fingerprint, g_free);
  g_clear_pointer (&job->fingerprint, g_free);
  g_clear_pointer (&job->display_name, g_free);
  g_clear_object (&job->snapshot);
  g_clear_object (&job->old_folder);
  g_clear_pointer (&job->old_image_source, g_free);
  g_clear_pointer (&job->new_image_source, g_free);
  g_clear_pointer (&job->verbatim, g_bytes_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void start_save (CdDocument *self,
                        GTask      *task);

/* Saving. */

static GDateTime *
now_to_the_second (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_add (now, -(g_date_time_get_microsecond (now)));
}

/* Whether an autosave to the document's own file finds the article as the
 * last explicit save left it (the time of the change aside): after an undo
 * back to it, say. The file then gets those bytes back, byte for byte, and
 * holds no autosaved change. */
static GBytes *
dup_verbatim_bytes (CdDocument  *self,
                    GFile       *target,
                    GDateTime  **saved_modified)
{
  g_autoptr(CdArticle) saved = NULL;
  g_autoptr(CdArticle) probe = NULL;

  if (self->explicit_bytes == NULL || self->file == NULL || !g_file_equal (target, self->file))
    return NULL;

  saved = cd_document_parse_explicit_bytes (self, NULL);
  if (saved == NULL)
    return NULL;

  probe = cd_article_copy (self->article);
  cd_article_set_modified (probe, cd_article_get_modified (saved));
  if (!cd_article_equal (probe, saved))
    return NULL;

  *saved_modified = cd_article_get_modified (saved) != NULL
                    ? g_date_time_ref (cd_article_get_modified (saved)) : NULL;
  return g_bytes_ref (self->explicit_bytes);
}

/* On the main thread: the bytes to write and what the write must check. */
static SaveJob *
save_job_prepare (CdDocument *self,
                  GFile      *target,
                  gboolean    force,
                  gboolean    automatic)
{
  g_autoptr(SaveJob) job = g_new0 (SaveJob, 1);
  g_autoptr(GDateTime) saved_modified = NULL;

  if (automatic)
    job->verbatim = dup_verbatim_bytes (self, target, &saved_modified);

  if (job->verbatim != NULL)
    {
      /* The article takes back the time of that save, as the file does. */
      g_signal_handler_block (self->article, self->changed_handler);
      cd_article_set_modified (self->article, saved_modified);
      g_signal_handler_unblock (self->article, self->changed_handler);
    }
  else if (self->modified)
    {
      g_autoptr(GDateTime) now = now_to_the_second ();

      g_signal_handler_block (self->article, self->changed_handler);
      cd_article_set_modified (self->article, now);
      g_signal_handler_unblock (self->article, self->changed_handler);
    }

  job->target = g_object_ref (target);
  job->snapshot = cd_article_copy (self->article);
  job->snapshot_count = self->change_count;
  job->old_folder = self->file != NULL ? g_file_get_parent (self->file) : NULL;
  job->old_image_source = g_strdup (cd_image_get_source (cd_article_get_image (self->article)));

  if (!force && self->file != NULL && self->fingerprint != NULL && g_file_equal (target, self->file))
    job->expected_fingerprint = g_strdup (self->fingerprint);

  return g_steal_pointer (&job);
}

/* In any thread: checks for a conflict, writes, and records what was written. */
/* In the writing thread, before the article is serialised: a lead image on
 * disk is named relative to the target's folder, as the file format asks.
 * An absolute path inside that folder is made relative. A relative path that
 * worked from the old folder (Save As into another one) would point at
 * nothing from the new one, so the image is copied beside the new file. An
 * image elsewhere is left for the user to decide (the window offers to copy
 * it): copying a file the user did not ask for is not a save's business. A
 * failed copy does not stop the save; preflight then reports the image. */
static void
save_job_place_image (SaveJob      *job,
                      GCancellable *cancellable)
{
  CdImage *image = cd_article_get_image (job->snapshot);
  const char *source = cd_image_get_source (image);
  g_autoptr(GFile) folder = g_file_get_parent (job->target);
  g_autofree char *relative = NULL;

  if (folder == NULL || !cd_image_source_is_local (source))
    return;

  if (g_path_is_absolute (source))
    {
      relative = cd_image_source_relative_to (source, folder);
    }
  else if (job->old_folder != NULL && !g_file_equal (job->old_folder, folder))
    {
      g_autoptr(GFile) old_file = cd_image_source_resolve (source, job->old_folder);
      g_autoptr(GError) error = NULL;

      if (old_file == NULL)
        return;

      if (cd_image_file_is_inside (old_file, folder))
        relative = cd_image_source_relative_to (g_file_peek_path (old_file), folder);
      else if (!cd_article_file_copy_image (old_file, folder, &relative, cancellable, &error))
        g_debug ("The lead image stays as it was: %s", error->message);
    }

  if (relative != NULL && g_strcmp0 (relative, source) != 0)
    {
      cd_image_set_source (image, relative);
      job->new_image_source = g_steal_pointer (&relative);
    }
}

static gboolean
save_job_run (SaveJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  if (job->verbatim != NULL)
    {
      job->data = g_memdup2 (g_bytes_get_data (job->verbatim, &job->length),
                             g_bytes_get_size (job->verbatim));
    }
  else
    {
      save_job_place_image (job, cancellable);
      /* Never write what would not open again. */
      job->data = cd_article_to_checked_data (job->snapshot, &job->length, error);
      if (job->data == NULL)
        return FALSE;
    }

  if (job->expected_fingerprint != NULL)
    {
      /* A file that cannot be asked about is left to the write to report; one
       * that is gone is written again. */
      info = g_file_query_info (job->target, FINGERPRINT_ATTRIBUTES,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info != NULL)
        {
          g_autofree char *current = cd_document_dup_fingerprint (job->target, info);

          if (strcmp (current, job->expected_fingerprint) != 0)
            {
              g_autofree char *name = g_file_get_parse_name (job->target);

              g_set_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK,
                           _("%s was changed by another program since it was opened or "
                             "last saved. Save anyway to replace those changes, or save "
                             "under another name to keep both."),
                           name);
              return FALSE;
            }
        }
      g_clear_object (&info);
    }

  if (!cd_file_replace_contents (job->target, job->data, job->length, cancellable, error))
    return FALSE;

  /* Without a fingerprint the next save cannot check for a conflict, but the
   * file is saved all the same. */
  info = g_file_query_info (job->target,
                            FINGERPRINT_ATTRIBUTES "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    {
      job->fingerprint = cd_document_dup_fingerprint (job->target, info);
      job->display_name = cd_document_dup_info_display_name (info);
    }

  return TRUE;
}

/* On the main thread, after a successful write. */
static void
save_job_apply (CdDocument *self,
                SaveJob    *job)
{
  g_object_freeze_notify (G_OBJECT (self));

  g_free (self->fingerprint);
  self->fingerprint = g_steal_pointer (&job->fingerprint);
  /* What a check found before this save is no longer on disk. */
  g_clear_pointer (&self->disk_fingerprint, g_free);
  cd_document_store_file (self, job->target, job->display_name);
  /* The file is now what the document wrote. */
  cd_document_store_disk_state (self, CD_DOCUMENT_DISK_UNCHANGED);

  /* The save named the image anew: the article follows, unless the image
   * was changed while the file was written. */
  if (job->new_image_source != NULL)
    {
      CdImage *image = cd_article_get_image (self->article);

      /* Not a change to save (the file already has the new name), nor one
       * to undo. */
      g_signal_handler_block (self->article, self->changed_handler);
      cd_article_begin_housekeeping (self->article);
      if (g_strcmp0 (cd_image_get_source (image), job->old_image_source) == 0)
        cd_image_set_source (image, job->new_image_source);
      cd_article_end_housekeeping (self->article);
      g_signal_handler_unblock (self->article, self->changed_handler);
    }

  if (self->change_count == job->snapshot_count)
    self->forced_modified = FALSE;
  cd_document_take_saved_article (self, g_steal_pointer (&job->snapshot));

  if (!job->automatic)
    {
      g_clear_pointer (&self->explicit_bytes, g_bytes_unref);
      self->explicit_bytes = g_bytes_new (job->data, job->length);
      cd_document_store_autosaved (self, FALSE);
    }
  else if (self->explicit_bytes != NULL)
    {
      g_autoptr(GBytes) written = g_bytes_new_static (job->data, job->length);

      cd_document_store_autosaved (self, !g_bytes_equal (written, self->explicit_bytes));
    }
  cd_document_update_modified (self);

  /* A recovery copy no newer than what was just saved is of no more use. One
   * written after the snapshot holds later edits and stays. */
  if (self->has_recovery && self->recovery_change_count <= job->snapshot_count)
    cd_document_remove_recovery_files (self);

  g_object_thaw_notify (G_OBJECT (self));
}

typedef struct
{
  GFile    *file;
  gboolean  force;
  gboolean  automatic;
} SaveRequest;

static void
save_request_free (gpointer data)
{
  SaveRequest *request = data;

  g_clear_object (&request->file);
  g_free (request);
}

static GError *
new_no_file_error (void)
{
  return g_error_new_literal (CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_NO_FILE,
                              _("The article has not been saved yet; choose a name and "
                                "a folder for it with Save As"));
}

static void
finish_save (CdDocument *self,
             GTask      *task,
             GError     *error)
{
  GTask *next = g_queue_pop_head (&self->save_queue);

  /* The next save starts before this one reports, so a callback that looks at
   * the document sees it busy only if something is still to be written. */
  if (next != NULL)
    start_save (self, next);
  else
    cd_document_set_busy (self, FALSE);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_io_thread (GTask        *io,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_job_run (task_data, cancellable, &error))
    g_task_return_boolean (io, TRUE);
  else
    g_task_return_error (io, error);
}

static void
save_io_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CdDocument *self = g_task_get_source_object (task);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    save_job_apply (self, job);

  finish_save (self, task, error);
}

/* Takes ownership of @task. */
static void
start_save (CdDocument *self,
            GTask      *task)
{
  SaveRequest *request = g_task_get_task_data (task);
  GFile *target = request->file != NULL ? request->file : self->file;
  g_autoptr(GTask) io = NULL;
  SaveJob *job;

  if (target == NULL)
    {
      finish_save (self, task, new_no_file_error ());
      g_object_unref (task);
      return;
    }

  cd_document_set_busy (self, TRUE);

  /* The write must finish once begun: a save that succeeded is recorded even if
   * it was cancelled meanwhile, or the next save would see its own file as
   * changed on disk. The worker's task has no source object: the worker thread
   * may drop its reference to it only after the result is delivered, and must
   * not keep the document alive then; the caller's task holds it. */
  io = g_task_new (NULL, g_task_get_cancellable (task), save_io_done_cb, task);
  g_task_set_source_tag (io, start_save);
  g_task_set_check_cancellable (io, FALSE);
  job = save_job_prepare (self, target, request->force, request->automatic);
  job->automatic = request->automatic;
  g_task_set_task_data (io, job, save_job_free);
  g_task_run_in_thread (io, save_io_thread);
}

static void
queue_save (CdDocument          *self,
            GFile               *file,
            gboolean             force,
            gboolean             automatic,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task;
  SaveRequest *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_document_save_async);
  /* A save that was written is reported as done, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  request = g_new0 (SaveRequest, 1);
  request->file = file != NULL ? g_object_ref (file) : NULL;
  request->force = !!force;
  request->automatic = !!automatic;
  g_task_set_task_data (task, request, save_request_free);

  if (self->busy)
    g_queue_push_tail (&self->save_queue, task);
  else
    start_save (self, task);
}

/**
 * cd_document_save_async:
 * @self: a #CdDocument
 * @file: (nullable): where to save; %NULL for the document's own file
 * @force: whether to replace the file even if it changed on disk
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the save has finished
 * @user_data: data for @callback
 *
 * Saves a snapshot of the article atomically, in a worker thread. While
 * another save is running, this one waits for it and then starts with the
 * article as it is at that time.
 */
void
cd_document_save_async (CdDocument          *self,
                        GFile               *file,
                        gboolean             force,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CD_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_save (self, file, force, FALSE, cancellable, callback, user_data);
}

/**
 * cd_document_autosave_async:
 * @self: a #CdDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the save has finished; call
 *   cd_document_save_finish() there
 * @user_data: data for @callback
 *
 * Saves the article to the document's own file like cd_document_save_async(),
 * but as an automatic save: the document keeps the bytes of the user's last
 * explicit save, so that cd_document_revert_to_saved() and Discard can put
 * them back, and #CdDocument:autosaved tells that the file now holds changes
 * the user never saved. A save to a file changed on disk fails as usual.
 */
void
cd_document_autosave_async (CdDocument          *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (CD_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_save (self, NULL, FALSE, TRUE, cancellable, callback, user_data);
}

/**
 * cd_document_save_finish:
 * @self: a #CdDocument
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the article was saved; otherwise %FALSE with @error set:
 *   %CD_DOCUMENT_ERROR_NO_FILE, %CD_DOCUMENT_ERROR_CHANGED_ON_DISK or the
 *   %CD_FILE_ERROR of the write. The document stays modified after a failure.
 */
gboolean
cd_document_save_finish (CdDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_document_save_async, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cd_document_save:
 * @self: a #CdDocument
 * @file: (nullable): where to save; %NULL for the document's own file
 * @force: whether to replace the file even if it changed on disk
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves like cd_document_save_async(), but in the calling thread. It does not
 * wait for a save that is running: it fails with %G_IO_ERROR_BUSY instead.
 *
 * Returns: %TRUE if the article was saved
 */
gboolean
cd_document_save (CdDocument    *self,
                  GFile         *file,
                  gboolean       force,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(SaveJob) job = NULL;
  GFile *target;
  gboolean ok;

  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The article is already being saved; save again when that "
                             "save has finished"));
      return FALSE;
    }

  target = file != NULL ? file : self->file;
  if (target == NULL)
    {
      g_propagate_error (error, new_no_file_error ());
      return FALSE;
    }

  cd_document_set_busy (self, TRUE);
  job = save_job_prepare (self, target, force, FALSE);
  ok = save_job_run (job, cancellable, error);
  if (ok)
    save_job_apply (self, job);
  cd_document_set_busy (self, FALSE);

  return ok;
}
