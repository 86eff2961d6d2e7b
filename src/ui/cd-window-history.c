/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gi18n.h>

#include "cd-application.h"
#include "cd-history-dialog.h"
#include "cd-window-private.h"

/* CdWindow's versions: what it records in the user's version store, the
 * History view (win.history), and the offer to compare an article opened
 * after someone else changed it with the version the user last recorded.
 *
 * What is recorded, always in a thread (cd_version_store_record_async), so
 * that neither saving nor typing waits for the store:
 * - every explicit save (not autosaves, not recovery copies);
 * - a status change is recorded at the explicit save that follows it, with
 *   the reason "status change": that version is what the file then holds,
 *   and a status tried and changed back before saving is no event;
 * - a restored version, at the save that follows it, with "restore";
 * - every export and every publish, as the article is when it leaves.
 * The author is the name from Preferences ("author-name"). A store that
 * cannot be used is said once, in a toast; the save itself never depends
 * on it. */

static CdVersionStore *
get_store (CdWindow  *self,
           GError   **error)
{
  CdApplication *app = cd_window_get_cd_application (self);

  if (app == NULL)
    {
      g_set_error_literal (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_OPEN,
                           _("The version store is only available in Copydesk’s windows"));
      return NULL;
    }
  return cd_application_get_version_store (app, error);
}

static char *
dup_author (CdWindow *self)
{
  return g_settings_get_string (cd_window_get_settings (self), "author-name");
}

static void
report_failure (CdWindow     *self,
                const GError *error)
{
  g_autofree char *message = NULL;

  if (self->history_failed)
    return;
  self->history_failed = TRUE;
  g_message ("Could not record a version: %s", error->message);
  /* Translators: %s says why, and names the store's file. */
  message = g_strdup_printf (_("Versions are not being kept: %s"), error->message);
  cd_window_show_toast (self, message);
}

static GCancellable *
get_cancellable (CdWindow *self)
{
  if (self->history_cancellable == NULL)
    self->history_cancellable = g_cancellable_new ();
  return self->history_cancellable;
}

static void
record_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdVersion) version = NULL;

  version = cd_version_store_record_finish (CD_VERSION_STORE (object), result, &error);
  if (version == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_failure (self, error);
      return;
    }
  if (self->history_dialog != NULL)
    cd_history_dialog_reload (CD_HISTORY_DIALOG (self->history_dialog));
}

void
cd_window_history_record (CdWindow        *self,
                          CdVersionReason  reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *path = NULL;
  CdVersionStore *store;
  CdArticle *article;
  GFile *file;

  g_return_if_fail (CD_IS_WINDOW (self));

  /* A window outside the application (as in some tests) keeps none. */
  if (self->document == NULL || cd_window_get_cd_application (self) == NULL)
    return;
  store = get_store (self, &error);
  if (store == NULL)
    {
      report_failure (self, error);
      return;
    }

  cd_window_flush (self);
  article = cd_document_get_article (self->document);
  file = cd_document_get_file (self->document);
  path = file != NULL ? g_file_get_path (file) : NULL;
  author = dup_author (self);
  self->history_document = self->document;
  self->history_status = cd_article_get_status (article);
  /* The article is copied into the store's form here, before returning.
   * Not cancelled with the window: a save just before closing is kept. */
  cd_version_store_record_async (store, article, reason, author, path,
                                 NULL, record_cb, g_object_ref (self));
}

void
cd_window_history_saved (CdWindow *self)
{
  CdVersionReason reason = CD_VERSION_REASON_SAVE;
  CdArticle *article;

  g_return_if_fail (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;
  article = cd_document_get_article (self->document);
  if (self->history_restored)
    reason = CD_VERSION_REASON_RESTORE;
  else if (self->history_document == self->document &&
           self->history_status != cd_article_get_status (article))
    reason = CD_VERSION_REASON_STATUS;
  self->history_restored = FALSE;
  cd_window_history_record (self, reason);
}

static void
dialog_destroyed_cb (CdWindow  *self,
                     GtkWidget *dialog)
{
  if (self->history_dialog == GTK_WINDOW (dialog))
    self->history_dialog = NULL;
}

static void
close_dialog (CdWindow *self)
{
  GtkWindow *dialog = g_steal_pointer (&self->history_dialog);

  if (dialog != NULL)
    gtk_window_destroy (dialog);
}

/* Comparing on open */

typedef struct
{
  CdVersionStore *store;
  char           *article_id;
  char           *author;
  CdVersion      *version;   /* out */
  CdArticle      *article;   /* out */
} LastVersion;

static void
last_version_free (LastVersion *data)
{
  g_clear_object (&data->store);
  g_free (data->article_id);
  g_free (data->author);
  g_clear_object (&data->version);
  g_clear_object (&data->article);
  g_free (data);
}

static void
find_last_version_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  LastVersion *data = task_data;
  g_autoptr(GError) error = NULL;

  data->version = cd_version_store_find_last_by_author (data->store, data->article_id,
                                                        data->author, &error);
  if (data->version != NULL)
    data->article = cd_version_store_load_article (data->store, data->version, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, data->article != NULL);
}

static void
find_last_version_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CdWindow *self = CD_WINDOW (object);
  LastVersion *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  CdArticle *article;
  AdwToast *toast;

  /* FALSE without an error: never recorded by this user, nothing to
   * compare with. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (error != NULL &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, CD_VERSION_STORE_ERROR, CD_VERSION_STORE_ERROR_NOT_FOUND))
        g_debug ("No last version to compare with: %s", error->message);
      return;
    }
  if (self->document == NULL)
    return;
  article = cd_document_get_article (self->document);
  if (g_strcmp0 (cd_article_get_id (article), data->article_id) != 0 ||
      cd_article_equal (article, data->article))
    return;

  toast = adw_toast_new (_("This article changed since your last version"));
  /* Long enough to read and decide, but not held: toasts queue behind it. */
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Compare"));
  adw_toast_set_action_name (toast, "win.history-compare");
  adw_toast_set_action_target_value (toast,
                                     g_variant_new_int64 (cd_version_get_id (data->version)));
  cd_window_add_toast (self, toast);
}

void
cd_window_history_opened (CdWindow *self)
{
  g_autoptr(GTask) task = NULL;
  CdVersionStore *store;
  CdArticle *article;
  LastVersion *data;

  g_return_if_fail (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;
  article = cd_document_get_article (self->document);
  self->history_document = self->document;
  self->history_status = cd_article_get_status (article);
  self->history_restored = FALSE;
  /* A History view open for the article shown before is of no use now. */
  close_dialog (self);

  /* Quietly: opening an article is no moment to complain about the store. */
  store = get_store (self, NULL);
  if (store == NULL)
    return;

  data = g_new0 (LastVersion, 1);
  data->store = g_object_ref (store);
  data->article_id = g_strdup (cd_article_get_id (article));
  data->author = dup_author (self);
  task = g_task_new (self, get_cancellable (self), find_last_version_cb, NULL);
  g_task_set_source_tag (task, cd_window_history_opened);
  g_task_set_task_data (task, data, (GDestroyNotify) last_version_free);
  g_task_run_in_thread (task, find_last_version_thread);
}

/* The History view */

static void
restore_cb (CdWindow        *self,
            CdArticle       *version,
            CdHistoryDialog *dialog)
{
  CdHistory *history = cd_window_get_history (self);

  if (self->document == NULL)
    return;

  /* The whole version comes back as one step of the undo history, with
   * the body typed before it recorded first. */
  cd_window_flush (self);
  if (history != NULL)
    {
      cd_history_seal (history);
      cd_history_begin_group (history);
    }
  cd_document_assign_article (self->document, version);
  if (history != NULL)
    {
      cd_history_end_group (history);
      cd_history_seal (history);
    }
  self->history_restored = TRUE;
  cd_window_show_toast (self, _("Version restored; save to keep it"));
}

void
cd_window_history_show (CdWindow *self,
                        gint64    version_id)
{
  g_autoptr(GError) error = NULL;
  CdVersionStore *store;
  CdHistoryDialog *dialog;

  g_return_if_fail (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;
  store = get_store (self, &error);
  if (store == NULL)
    {
      cd_window_show_error (self, _("History Not Available"), error->message);
      return;
    }

  cd_window_flush (self);
  if (self->history_dialog == NULL)
    {
      dialog = cd_history_dialog_new (store, cd_document_get_article (self->document));
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
      g_signal_connect_object (dialog, "restore", G_CALLBACK (restore_cb), self,
                               G_CONNECT_SWAPPED);
      self->history_dialog = GTK_WINDOW (dialog);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      dialog = CD_HISTORY_DIALOG (self->history_dialog);
      cd_history_dialog_reload (dialog);
    }
  cd_history_dialog_select_version (dialog, version_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cd_window_history_show (CD_WINDOW (widget), 0);
}

static void
history_compare_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cd_window_history_show (CD_WINDOW (widget), g_variant_get_int64 (parameter));
}

void
cd_window_history_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.history", NULL);
  gtk_widget_class_install_action (widget_class, "win.history-compare", "x",
                                   history_compare_action);
}

void
cd_window_history_dispose (CdWindow *self)
{
  g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);
  close_dialog (self);
  self->history_document = NULL;
}
