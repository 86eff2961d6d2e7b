/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-document"

#include <string.h>

#include "cd-document-private.h"

/* A program that writes a file makes several events (a temporary file, the
 * rename, attribute changes); the file is looked at only once they stop for
 * this long, and again later while the document is saving. */
#define DISK_SETTLE_DELAY_MS 300

/* Changes on disk. */

typedef struct
{
  GFile *file;
  char  *expected_fingerprint;
  char  *found_fingerprint;
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->expected_fingerprint, g_free);
  g_clear_pointer (&job->found_fingerprint, g_free);
  g_free (job);
}

static void
check_disk_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CheckJob *job = task_data;
  g_autoptr(GFileInfo) info = NULL;
  GError *error = NULL;

  info = g_file_query_info (job->file, FINGERPRINT_ATTRIBUTES,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_error_free (error);
          g_task_return_int (task, CD_DOCUMENT_DISK_DELETED);
        }
      else
        g_task_return_error (task, error);
      return;
    }

  job->found_fingerprint = cd_document_dup_fingerprint (job->file, info);

  /* Without a fingerprint of its own the document cannot tell a change. */
  if (job->expected_fingerprint == NULL ||
      strcmp (job->found_fingerprint, job->expected_fingerprint) == 0)
    g_task_return_int (task, CD_DOCUMENT_DISK_UNCHANGED);
  else
    g_task_return_int (task, CD_DOCUMENT_DISK_CHANGED);
}

/* What a check found, unless the document has moved past what it compared:
 * then UNCHANGED, and the caller checks again. A change found is remembered
 * for cd_document_ignore_disk_change(). */
static CdDocumentDiskState
take_check_result (CdDocument *self,
                   CheckJob   *job,
                   gssize      state)
{
  if (self->file == NULL || !g_file_equal (self->file, job->file) ||
      g_strcmp0 (self->fingerprint, job->expected_fingerprint) != 0)
    return CD_DOCUMENT_DISK_UNCHANGED;

  g_clear_pointer (&self->disk_fingerprint, g_free);
  if (state == CD_DOCUMENT_DISK_CHANGED)
    self->disk_fingerprint = g_strdup (job->found_fingerprint);

  return (CdDocumentDiskState) state;
}

static CheckJob *
check_job_new (CdDocument *self)
{
  CheckJob *job = g_new0 (CheckJob, 1);

  job->file = g_object_ref (self->file);
  job->expected_fingerprint = g_strdup (self->fingerprint);
  return job;
}

static void
check_io_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gssize state;

  state = g_task_propagate_int (G_TASK (result), &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, state);
}

/**
 * cd_document_check_disk_async:
 * @self: a #CdDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check has finished
 * @user_data: data for @callback
 *
 * Finds out, in a worker thread, whether the document's file is still the
 * version the document last read or wrote. A document without a file is
 * always %CD_DOCUMENT_DISK_UNCHANGED.
 */
void
cd_document_check_disk_async (CdDocument          *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) io = NULL;
  CheckJob *job;

  g_return_if_fail (CD_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_document_check_disk_async);

  if (self->file == NULL)
    {
      g_task_return_int (task, CD_DOCUMENT_DISK_UNCHANGED);
      return;
    }

  job = check_job_new (self);
  g_task_set_task_data (task, job, check_job_free);

  /* As for saves, the worker's task has no source object, so that the
   * worker thread never holds the last reference to the document. The job
   * belongs to the caller's task, which outlives the worker's use of it. */
  io = g_task_new (NULL, cancellable, check_io_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (io, check_disk_thread);
  g_task_set_task_data (io, job, NULL);
  g_task_run_in_thread (io, check_disk_thread);
}

/**
 * cd_document_check_disk_finish:
 * @self: a #CdDocument
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * A check overtaken by a save, by cd_document_ignore_disk_change() or by a
 * new file (Save As) reports %CD_DOCUMENT_DISK_UNCHANGED: what it compared
 * is no longer what the document expects, so the caller checks again.
 *
 * Returns: what the check found; %CD_DOCUMENT_DISK_UNCHANGED with @error set
 *   when the file could not be asked about (%G_IO_ERROR_CANCELLED among them)
 */
CdDocumentDiskState
cd_document_check_disk_finish (CdDocument    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  CheckJob *job;
  GError *local_error = NULL;
  gssize state;

  g_return_val_if_fail (CD_IS_DOCUMENT (self), CD_DOCUMENT_DISK_UNCHANGED);
  g_return_val_if_fail (g_task_is_valid (result, self), CD_DOCUMENT_DISK_UNCHANGED);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_document_check_disk_async,
                        CD_DOCUMENT_DISK_UNCHANGED);
  g_return_val_if_fail (error == NULL || *error == NULL, CD_DOCUMENT_DISK_UNCHANGED);

  state = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return CD_DOCUMENT_DISK_UNCHANGED;
    }

  job = g_task_get_task_data (G_TASK (result));
  if (job == NULL)
    return CD_DOCUMENT_DISK_UNCHANGED;

  return take_check_result (self, job, state);
}

/**
 * cd_document_ignore_disk_change:
 * @self: a #CdDocument
 *
 * Keeps the document's version over the one another program wrote: the next
 * save replaces the file without %CD_DOCUMENT_ERROR_CHANGED_ON_DISK, but only
 * if the file is still the version the last cd_document_check_disk_finish()
 * found changed. Does nothing when that check found no change.
 */
void
cd_document_ignore_disk_change (CdDocument *self)
{
  g_return_if_fail (CD_IS_DOCUMENT (self));

  /* The user has decided about what was found. */
  if (self->disk_state == CD_DOCUMENT_DISK_CHANGED)
    cd_document_store_disk_state (self, CD_DOCUMENT_DISK_UNCHANGED);

  if (self->disk_fingerprint == NULL)
    return;

  g_free (self->fingerprint);
  self->fingerprint = g_steal_pointer (&self->disk_fingerprint);
}

/**
 * cd_document_get_disk_state:
 * @self: a #CdDocument
 *
 * Returns: what other programs did to the document's file, as its file
 *   monitor last found (see #CdDocument:disk-state)
 */
CdDocumentDiskState
cd_document_get_disk_state (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), CD_DOCUMENT_DISK_UNCHANGED);

  return self->disk_state;
}

/* The file monitor. Every kind of event is looked at the same way, once
 * events have settled: the fingerprint decides whether the file is still
 * the version the document last read or wrote, so the document's own saves
 * never count. */

static void schedule_disk_check (CdDocument *self);

static void
cancel_disk_check (CdDocument *self)
{
  g_clear_handle_id (&self->disk_settle_source, g_source_remove);
  if (self->disk_check_cancellable != NULL)
    {
      g_cancellable_cancel (self->disk_check_cancellable);
      g_clear_object (&self->disk_check_cancellable);
    }
}

static void
disk_check_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(CdDocument) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  CheckJob *job = g_task_get_task_data (G_TASK (result));
  gssize state;

  g_weak_ref_clear (weak);
  g_free (weak);

  state = g_task_propagate_int (G_TASK (result), &error);
  /* Cancelled: the document has gone, or a newer check replaced this one. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->disk_check_cancellable);

  if (error != NULL)
    {
      /* A file that cannot be asked about (a folder made unreadable, a share
       * gone away) is left to the next save to report. */
      g_debug ("Could not check the article's file: %s", error->message);
      return;
    }

  /* A save started meanwhile: what was seen may be its own write. */
  if (self->busy)
    {
      schedule_disk_check (self);
      return;
    }

  cd_document_store_disk_state (self, take_check_result (self, job, state));
}

static gboolean
disk_settle_timeout_cb (gpointer user_data)
{
  CdDocument *self = user_data;
  g_autoptr(GTask) io = NULL;
  GWeakRef *weak;

  self->disk_settle_source = 0;

  /* The document's own save is writing: look once it has recorded what it
   * wrote. */
  if (self->busy)
    {
      schedule_disk_check (self);
      return G_SOURCE_REMOVE;
    }

  if (self->file == NULL)
    return G_SOURCE_REMOVE;

  cancel_disk_check (self);
  self->disk_check_cancellable = g_cancellable_new ();

  /* The check holds the document only weakly: a document let go of while
   * its file is looked at goes at once, and its check finds nobody. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  io = g_task_new (NULL, self->disk_check_cancellable, disk_check_done_cb, weak);
  g_task_set_source_tag (io, disk_settle_timeout_cb);
  g_task_set_task_data (io, check_job_new (self), check_job_free);
  g_task_run_in_thread (io, check_disk_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_disk_check (CdDocument *self)
{
  g_clear_handle_id (&self->disk_settle_source, g_source_remove);
  self->disk_settle_source = g_timeout_add (DISK_SETTLE_DELAY_MS, disk_settle_timeout_cb, self);
}

static void
monitor_changed_cb (CdDocument *self)
{
  schedule_disk_check (self);
}

void
cd_document_stop_watching (CdDocument *self)
{
  cancel_disk_check (self);
  if (self->monitor_signals != NULL)
    g_signal_group_set_target (self->monitor_signals, NULL);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

void
cd_document_disk_init (CdDocument *self)
{
  self->monitor_signals = g_signal_group_new (G_TYPE_FILE_MONITOR);
  g_signal_group_connect_swapped (self->monitor_signals, "changed",
                                  G_CALLBACK (monitor_changed_cb), self);
}

/* Watches the document's file as it is now; after Save As, the new one. */
void
cd_document_watch_file (CdDocument *self)
{
  g_autoptr(GError) error = NULL;

  cd_document_stop_watching (self);
  cd_document_store_disk_state (self, CD_DOCUMENT_DISK_UNCHANGED);

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Some file systems cannot be watched; saving still checks. */
      g_debug ("Not watching the article's file: %s", error->message);
      return;
    }

  g_signal_group_set_target (self->monitor_signals, self->monitor);
}
