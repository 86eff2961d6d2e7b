/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-document"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file.h"
#include "cd-document.h"
#include "cd-file-util.h"

/**
 * CdDocument:
 *
 * An article being edited, with the file it belongs to, whether it has unsaved
 * changes, and its recovery copy.
 *
 * Unsaved changes are counted: every #CdArticle::changed adds one. A save
 * serializes the article on the main thread, remembers the count at that
 * moment, writes the bytes in a worker thread, and clears #CdDocument:modified
 * afterwards only if the count has not moved, so an edit typed while the file
 * is written is never reported as saved.
 *
 * A save by the user also sets the article's "modified" time to now, when the
 * document has unsaved changes: that is the time a CMS reads as the last
 * change. It is done with the document's own handler blocked, so that stamping
 * the time does not itself count as an unsaved change. `copydesk-cli format`
 * and recovery copies leave the time alone.
 *
 * Saves never overlap. One asked for while another is running waits in a queue
 * and starts, in order, when the one before it has finished; it takes its
 * snapshot of the article and resolves a %NULL file only then, so it writes the
 * latest text to the file the document has by that time (after a Save As, the
 * new one). The synchronous cd_document_save() cannot wait without a main loop,
 * so while a save is running it fails with %G_IO_ERROR_BUSY instead.
 *
 * Conflicts are found by a fingerprint of the file (its etag, modification
 * time, size and inode) taken when the document was loaded or last saved. It
 * is taken before the file is read, so that a change between the two is seen
 * as a change rather than missed. A file that was deleted meanwhile is simply
 * written again.
 *
 * cd_document_check_disk_async() compares the file with that fingerprint
 * without saving, so a window can tell the user as soon as a file monitor
 * reports something. It ignores what the document's own saves did: those
 * updated the fingerprint. A check that finds a change remembers what it
 * found, and cd_document_ignore_disk_change() makes that the version the next
 * save expects, so "keep mine" overwrites only the version the user was told
 * about.
 *
 * A recovery copy is `<article id>.copydesk` in the recovery folder, with
 * `<article id>.origin` beside it when the document has a file: the file's URI
 * on the first line and its fingerprint, if known, on the second, so that a
 * restored document still notices a file changed by someone else. An id that
 * is not safe as a file name is replaced by a hash of it. The name is fixed
 * when a copy is written or restored, until the copy is removed.
 */

#define FINGERPRINT_ATTRIBUTES \
  G_FILE_ATTRIBUTE_ETAG_VALUE "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_UNIX_INODE

#define RECOVERY_SUFFIX ".copydesk"
#define ORIGIN_SUFFIX   ".origin"
#define MAX_ID_NAME     200

struct _CdDocument
{
  GObject    parent_instance;

  CdArticle *article;
  GFile     *file;
  char      *title;
  char      *display_name;

  /* The file's fingerprint when it was loaded or last saved; NULL when not known. */
  char      *fingerprint;
  /* The fingerprint of the other version the last disk check found, for
   * cd_document_ignore_disk_change(); NULL when it found none. */
  char      *disk_fingerprint;

  /* Changes made to the article since the document was made. */
  guint64    change_count;
  gulong     changed_handler;

  /* Saves waiting for the running one: GTasks of cd_document_save_async(). */
  GQueue     save_queue;

  GFile     *recovery_dir;
  GFile     *recovery_file;
  char      *fallback_name;
  guint64    recovery_change_count;

  guint      modified : 1;
  guint      busy : 1;
  /* A recovery copy of this document is on disk at recovery_file, which is
   * then fixed until the copy is removed. */
  guint      has_recovery : 1;
};

G_DEFINE_FINAL_TYPE (CdDocument, cd_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (cd-document-error-quark, cd_document_error)

G_DEFINE_ENUM_TYPE (CdDocumentDiskState, cd_document_disk_state,
  G_DEFINE_ENUM_VALUE (CD_DOCUMENT_DISK_UNCHANGED, "unchanged"),
  G_DEFINE_ENUM_VALUE (CD_DOCUMENT_DISK_CHANGED, "changed"),
  G_DEFINE_ENUM_VALUE (CD_DOCUMENT_DISK_DELETED, "deleted"))

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_TITLE,
  PROP_DISPLAY_NAME,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a save needs, made on the main thread, and what it found out, filled in
 * by the thread that writes. */
typedef struct
{
  GFile   *target;
  char    *data;
  gsize    length;
  char    *expected_fingerprint;
  guint64  snapshot_count;

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
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void start_save (CdDocument *self,
                        GTask      *task);

/* Fingerprints and names, safe in any thread. */

/* The file's metadata and a hash of its content: another program can
 * rewrite a file in place with the same size and put its modification time
 * back (rsync, some editors, a version control checkout), and that must
 * still count as a change. A file that cannot be read is known by its
 * metadata alone. */
static char *
dup_fingerprint (GFile     *file,
                 GFileInfo *info)
{
  const char *etag = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ETAG_VALUE);
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  gsize length = 0;

  if (cd_file_read_bounded (file, CD_FILE_MAX_SIZE, NULL, &contents, &length, NULL))
    hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  return g_strdup_printf ("%s;%" G_GUINT64_FORMAT ".%06u;%" G_GUINT64_FORMAT ";%" G_GUINT64_FORMAT ";%s",
                          etag != NULL ? etag : "",
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE),
                          hash != NULL ? hash : "");
}

static char *
dup_info_display_name (GFileInfo *info)
{
  const char *name = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME);

  return name != NULL && name[0] != '\0' ? g_strdup (name) : NULL;
}

/* The display name without asking the file system, for a file that is not
 * there (or could not be asked). */
static char *
dup_fallback_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);

  basename = g_file_get_basename (file);
  if (basename != NULL && basename[0] != '\0')
    return g_utf8_make_valid (basename, -1);

  return g_file_get_parse_name (file);
}

/* Properties. */

static void
set_busy (CdDocument *self,
          gboolean    busy)
{
  busy = !!busy;
  if (self->busy == (guint) busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
store_modified (CdDocument *self,
                gboolean    modified)
{
  modified = !!modified;
  if (self->modified == (guint) modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
store_display_name (CdDocument *self,
                    const char *display_name)
{
  if (display_name == NULL)
    display_name = _("Unsaved Article");

  if (g_strcmp0 (self->display_name, display_name) == 0)
    return;

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

/* Sets the file and its display name; @display_name NULL works it out. */
static void
store_file (CdDocument *self,
            GFile      *file,
            const char *display_name)
{
  g_autofree char *fallback = NULL;

  if (file != NULL && display_name == NULL)
    display_name = fallback = dup_fallback_display_name (file);

  if (self->file == NULL || file == NULL || !g_file_equal (self->file, file))
    {
      if (g_set_object (&self->file, file))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  store_display_name (self, file != NULL ? display_name : NULL);
}

static void
update_title (CdDocument *self)
{
  g_autofree char *headline = g_strstrip (g_strdup (cd_article_get_headline (self->article)));
  const char *title = headline[0] != '\0' ? headline : _("Untitled Article");

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
article_changed_cb (CdArticle  *article,
                    CdDocument *self)
{
  self->change_count++;
  store_modified (self, TRUE);
}

static void
article_notify_headline_cb (CdArticle  *article,
                            GParamSpec *pspec,
                            CdDocument *self)
{
  update_title (self);
}

static void
article_notify_id_cb (CdArticle  *article,
                      GParamSpec *pspec,
                      CdDocument *self)
{
  /* A copy already written keeps its name until it is removed. */
  if (!self->has_recovery)
    g_clear_object (&self->recovery_file);
}

static void
cd_document_constructed (GObject *object)
{
  CdDocument *self = (CdDocument *)object;

  G_OBJECT_CLASS (cd_document_parent_class)->constructed (object);

  if (self->article == NULL)
    self->article = cd_article_new ();

  self->changed_handler = g_signal_connect (self->article, "changed",
                                            G_CALLBACK (article_changed_cb), self);
  g_signal_connect (self->article, "notify::headline",
                    G_CALLBACK (article_notify_headline_cb), self);
  g_signal_connect (self->article, "notify::id",
                    G_CALLBACK (article_notify_id_cb), self);

  update_title (self);
}

static void
cd_document_dispose (GObject *object)
{
  CdDocument *self = (CdDocument *)object;

  /* Queued saves hold a reference to the document, so none is left here. */
  g_assert (g_queue_is_empty (&self->save_queue));

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);

  g_clear_object (&self->article);
  g_clear_object (&self->file);
  g_clear_object (&self->recovery_dir);
  g_clear_object (&self->recovery_file);

  G_OBJECT_CLASS (cd_document_parent_class)->dispose (object);
}

static void
cd_document_finalize (GObject *object)
{
  CdDocument *self = (CdDocument *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->disk_fingerprint, g_free);
  g_clear_pointer (&self->fallback_name, g_free);

  G_OBJECT_CLASS (cd_document_parent_class)->finalize (object);
}

static void
cd_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CdDocument *self = CD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CdDocument *self = CD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_assert (self->article == NULL);
      self->article = g_value_dup_object (value);
      break;

    case PROP_MODIFIED:
      cd_document_set_modified (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_document_class_init (CdDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  object_class->constructed = cd_document_constructed;
  object_class->dispose = cd_document_dispose;
  object_class->finalize = cd_document_finalize;
  object_class->get_property = cd_document_get_property;
  object_class->set_property = cd_document_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, CD_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, ro);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_document_init (CdDocument *self)
{
  g_queue_init (&self->save_queue);
  self->display_name = g_strdup (_("Unsaved Article"));
}

/**
 * cd_document_new:
 * @article: (nullable): the article; %NULL makes a new, empty one
 *
 * Makes a document for an article that has no file yet. It is not modified.
 *
 * Returns: (transfer full): the new document
 */
CdDocument *
cd_document_new (CdArticle *article)
{
  g_return_val_if_fail (article == NULL || CD_IS_ARTICLE (article), NULL);

  return g_object_new (CD_TYPE_DOCUMENT, "article", article, NULL);
}

/**
 * cd_document_get_article:
 * @self: a #CdDocument
 *
 * Returns: (transfer none): the article
 */
CdArticle *
cd_document_get_article (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), NULL);
  return self->article;
}

/**
 * cd_document_get_file:
 * @self: a #CdDocument
 *
 * Returns: (transfer none) (nullable): the file the document was loaded from
 *   or last saved to, or %NULL
 */
GFile *
cd_document_get_file (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), NULL);
  return self->file;
}

/**
 * cd_document_get_modified:
 * @self: a #CdDocument
 *
 * Returns: %TRUE if the document has changes that are not saved
 */
gboolean
cd_document_get_modified (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

/**
 * cd_document_set_modified:
 * @self: a #CdDocument
 * @modified: whether the document has unsaved changes
 *
 * Marks the document as changed or not. Marking it changed counts as a change,
 * so a save already running does not clear the mark when it ends.
 */
void
cd_document_set_modified (CdDocument *self,
                          gboolean    modified)
{
  g_return_if_fail (CD_IS_DOCUMENT (self));

  if (modified)
    self->change_count++;
  store_modified (self, modified);
}

/**
 * cd_document_get_busy:
 * @self: a #CdDocument
 *
 * Returns: %TRUE while a save is running or waiting
 */
gboolean
cd_document_get_busy (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  return self->busy;
}

/**
 * cd_document_get_title:
 * @self: a #CdDocument
 *
 * Returns: (transfer none): the headline, or "Untitled Article" when it is blank
 */
const char *
cd_document_get_title (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * cd_document_get_display_name:
 * @self: a #CdDocument
 *
 * Returns: (transfer none): the file's display name, or "Unsaved Article"
 */
const char *
cd_document_get_display_name (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), NULL);
  return self->display_name;
}

/**
 * cd_document_dup_article_dir:
 * @self: a #CdDocument
 *
 * Returns: (transfer full) (nullable): the folder of the document's file, which
 *   relative image paths start from, or %NULL if the document has no file
 */
GFile *
cd_document_dup_article_dir (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return NULL;

  return g_file_get_parent (self->file);
}

/* Loading. */

typedef struct
{
  CdArticle *article;
  char      *fingerprint;
  char      *display_name;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->article);
  g_clear_pointer (&result->fingerprint, g_free);
  g_clear_pointer (&result->display_name, g_free);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(CdArticle) article = NULL;
  GError *error = NULL;
  LoadResult *result;

  /* The fingerprint is taken before the file is read: a change in between is
   * then reported when saving, never missed. If the file cannot be asked about,
   * the loader below says why. */
  info = g_file_query_info (file,
                            FINGERPRINT_ATTRIBUTES "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  article = cd_article_load_from_file (file, cancellable, &error);
  if (article == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->article = g_steal_pointer (&article);
  if (info != NULL)
    {
      result->fingerprint = dup_fingerprint (file, info);
      result->display_name = dup_info_display_name (info);
    }

  g_task_return_pointer (task, result, load_result_free);
}

/**
 * cd_document_load_async:
 * @file: the article's file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document is loaded
 * @user_data: data for @callback
 *
 * Reads an article from @file in a worker thread and makes a document for it.
 */
void
cd_document_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cd_document_load_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document, not modified, or %NULL
 *   with @error set: a %CD_FILE_ERROR as from cd_article_load_from_file(), or
 *   %G_IO_ERROR_CANCELLED
 */
CdDocument *
cd_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  LoadResult *loaded;
  CdDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_document_load_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  self = cd_document_new (loaded->article);
  store_file (self, g_task_get_task_data (G_TASK (result)), loaded->display_name);
  self->fingerprint = g_steal_pointer (&loaded->fingerprint);
  load_result_free (loaded);

  return self;
}

/* Saving. */

static GDateTime *
now_to_the_second (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_add (now, -(g_date_time_get_microsecond (now)));
}

/* On the main thread: the bytes to write and what the write must check. */
static SaveJob *
save_job_prepare (CdDocument *self,
                  GFile      *target,
                  gboolean    force)
{
  g_autoptr(SaveJob) job = g_new0 (SaveJob, 1);

  if (self->modified)
    {
      g_autoptr(GDateTime) now = now_to_the_second ();

      g_signal_handler_block (self->article, self->changed_handler);
      cd_article_set_modified (self->article, now);
      g_signal_handler_unblock (self->article, self->changed_handler);
    }

  job->target = g_object_ref (target);
  job->data = cd_article_to_data (self->article, &job->length);
  job->snapshot_count = self->change_count;

  if (!force && self->file != NULL && self->fingerprint != NULL && g_file_equal (target, self->file))
    job->expected_fingerprint = g_strdup (self->fingerprint);

  return g_steal_pointer (&job);
}

/* In any thread: checks for a conflict, writes, and records what was written. */
static gboolean
save_job_run (SaveJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  if (job->expected_fingerprint != NULL)
    {
      /* A file that cannot be asked about is left to the write to report; one
       * that is gone is written again. */
      info = g_file_query_info (job->target, FINGERPRINT_ATTRIBUTES,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info != NULL)
        {
          g_autofree char *current = dup_fingerprint (job->target, info);

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
      job->fingerprint = dup_fingerprint (job->target, info);
      job->display_name = dup_info_display_name (info);
    }

  return TRUE;
}

static void remove_recovery_files (CdDocument *self);

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
  store_file (self, job->target, job->display_name);

  if (self->change_count == job->snapshot_count)
    store_modified (self, FALSE);

  /* A recovery copy no newer than what was just saved is of no more use. One
   * written after the snapshot holds later edits and stays. */
  if (self->has_recovery && self->recovery_change_count <= job->snapshot_count)
    remove_recovery_files (self);

  g_object_thaw_notify (G_OBJECT (self));
}

typedef struct
{
  GFile    *file;
  gboolean  force;
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
    set_busy (self, FALSE);

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

  if (target == NULL)
    {
      finish_save (self, task, new_no_file_error ());
      g_object_unref (task);
      return;
    }

  set_busy (self, TRUE);

  /* The write must finish once begun: a save that succeeded is recorded even if
   * it was cancelled meanwhile, or the next save would see its own file as
   * changed on disk. The worker's task has no source object: the worker thread
   * may drop its reference to it only after the result is delivered, and must
   * not keep the document alive then; the caller's task holds it. */
  io = g_task_new (NULL, g_task_get_cancellable (task), save_io_done_cb, task);
  g_task_set_source_tag (io, start_save);
  g_task_set_check_cancellable (io, FALSE);
  g_task_set_task_data (io, save_job_prepare (self, target, request->force), save_job_free);
  g_task_run_in_thread (io, save_io_thread);
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
  GTask *task;
  SaveRequest *request;

  g_return_if_fail (CD_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_document_save_async);
  /* A save that was written is reported as done, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  request = g_new0 (SaveRequest, 1);
  request->file = file != NULL ? g_object_ref (file) : NULL;
  request->force = !!force;
  g_task_set_task_data (task, request, save_request_free);

  if (self->busy)
    g_queue_push_tail (&self->save_queue, task);
  else
    start_save (self, task);
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

  set_busy (self, TRUE);
  job = save_job_prepare (self, target, force);
  ok = save_job_run (job, cancellable, error);
  if (ok)
    save_job_apply (self, job);
  set_busy (self, FALSE);

  return ok;
}

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

  job->found_fingerprint = dup_fingerprint (job->file, info);

  /* Without a fingerprint of its own the document cannot tell a change. */
  if (job->expected_fingerprint == NULL ||
      strcmp (job->found_fingerprint, job->expected_fingerprint) == 0)
    g_task_return_int (task, CD_DOCUMENT_DISK_UNCHANGED);
  else
    g_task_return_int (task, CD_DOCUMENT_DISK_CHANGED);
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

  job = g_new0 (CheckJob, 1);
  job->file = g_object_ref (self->file);
  job->expected_fingerprint = g_strdup (self->fingerprint);
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

  if (self->file == NULL || !g_file_equal (self->file, job->file) ||
      g_strcmp0 (self->fingerprint, job->expected_fingerprint) != 0)
    return CD_DOCUMENT_DISK_UNCHANGED;

  g_clear_pointer (&self->disk_fingerprint, g_free);
  if (state == CD_DOCUMENT_DISK_CHANGED)
    self->disk_fingerprint = g_strdup (job->found_fingerprint);

  return (CdDocumentDiskState) state;
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

  if (self->disk_fingerprint == NULL)
    return;

  g_free (self->fingerprint);
  self->fingerprint = g_steal_pointer (&self->disk_fingerprint);
}

/* Recovery copies. */

/* Whether @id can be a file name as it is: no separators, nothing hidden,
 * nothing a shell or another system would trip over. */
static gboolean
id_is_safe_name (const char *id)
{
  size_t len = strlen (id);

  if (len == 0 || len > MAX_ID_NAME || id[0] == '.' || id[0] == '-')
    return FALSE;

  for (size_t i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (id[i]) && strchr ("._:-", id[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* The name of the recovery copy without its suffix. */
static char *
dup_recovery_stem (CdDocument *self)
{
  const char *id = cd_article_get_id (self->article);
  g_autofree char *hash = NULL;

  if (id_is_safe_name (id))
    return g_strdup (id);

  if (id[0] != '\0')
    {
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id, -1);
      return g_strdup_printf ("article-%.32s", hash);
    }

  /* An article without an id still needs a name that stays the same while
   * the document is open. */
  if (self->fallback_name == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      self->fallback_name = g_strconcat ("unsaved-", uuid, NULL);
    }

  return g_strdup (self->fallback_name);
}

/* The .origin file beside a recovery copy. */
static GFile *
dup_origin_file (GFile *recovery_file)
{
  g_autofree char *basename = g_file_get_basename (recovery_file);
  g_autoptr(GFile) parent = g_file_get_parent (recovery_file);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (basename == NULL || parent == NULL)
    return NULL;

  if (g_str_has_suffix (basename, RECOVERY_SUFFIX))
    stem = g_strndup (basename, strlen (basename) - strlen (RECOVERY_SUFFIX));
  else
    stem = g_strdup (basename);

  name = g_strconcat (stem, ORIGIN_SUFFIX, NULL);
  return g_file_get_child (parent, name);
}

static void
delete_quietly (GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;

  if (!g_file_delete (file, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_warning ("Could not remove the recovery file %s: %s", name, error->message);
    }
}

static void
remove_recovery_files (CdDocument *self)
{
  GFile *recovery = cd_document_get_recovery_file (self);
  g_autoptr(GFile) origin = NULL;

  if (recovery != NULL)
    {
      origin = dup_origin_file (recovery);
      delete_quietly (recovery);
      delete_quietly (origin);
    }

  self->has_recovery = FALSE;
  self->recovery_change_count = 0;
  /* The next copy takes its name from the article again. */
  g_clear_object (&self->recovery_file);
}

/**
 * cd_document_set_recovery_dir:
 * @self: a #CdDocument
 * @dir: (nullable): the folder for recovery copies, or %NULL for none
 *
 * Sets where cd_document_write_recovery() writes. The folder is made when the
 * first copy is written. A copy already written in another folder stays there.
 */
void
cd_document_set_recovery_dir (CdDocument *self,
                              GFile      *dir)
{
  g_return_if_fail (CD_IS_DOCUMENT (self));
  g_return_if_fail (dir == NULL || G_IS_FILE (dir));

  if (self->recovery_dir == dir ||
      (self->recovery_dir != NULL && dir != NULL && g_file_equal (self->recovery_dir, dir)))
    return;

  g_set_object (&self->recovery_dir, dir);
  self->has_recovery = FALSE;
  self->recovery_change_count = 0;
  g_clear_object (&self->recovery_file);
}

/**
 * cd_document_get_recovery_file:
 * @self: a #CdDocument
 *
 * Returns: (transfer none) (nullable): where the recovery copy is or would be
 *   written, `<article id>.copydesk` in the recovery folder; %NULL when no
 *   folder is set
 */
GFile *
cd_document_get_recovery_file (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), NULL);

  if (self->recovery_file == NULL && self->recovery_dir != NULL)
    {
      g_autofree char *stem = dup_recovery_stem (self);
      g_autofree char *name = g_strconcat (stem, RECOVERY_SUFFIX, NULL);

      self->recovery_file = g_file_get_child (self->recovery_dir, name);
    }

  return self->recovery_file;
}

static gboolean
make_private_dir (GFile   *dir,
                  GError **error)
{
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GError) local_error = NULL;

  if (path != NULL)
    {
      if (g_mkdir_with_parents (path, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *name = g_file_get_parse_name (dir);

          g_set_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY,
                       _("Could not make the folder for recovery copies %s: %s"),
                       name, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (dir);

      g_set_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY,
                   _("Could not make the folder for recovery copies %s: %s"),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
recovery_write_failed (GError  *local_error,
                       GError **error)
{
  g_set_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY,
               _("The recovery copy was not written: %s"), local_error->message);
  g_error_free (local_error);
  return FALSE;
}

/**
 * cd_document_write_recovery:
 * @self: a #CdDocument
 * @error: return location for a #GError
 *
 * Writes the recovery copy now, atomically, making the recovery folder (mode
 * 0700) if needed. A document without unsaved changes needs none, so nothing
 * is written for it.
 *
 * Returns: %TRUE on success, or when there was nothing to write; %FALSE with
 *   a %CD_DOCUMENT_ERROR_RECOVERY error otherwise
 */
gboolean
cd_document_write_recovery (CdDocument  *self,
                            GError     **error)
{
  g_autoptr(GFile) origin = NULL;
  g_autofree char *data = NULL;
  GFile *recovery;
  GError *local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->modified)
    return TRUE;

  recovery = cd_document_get_recovery_file (self);
  if (recovery == NULL)
    {
      g_set_error_literal (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY,
                           _("The recovery copy was not written: no folder for recovery "
                             "copies was set"));
      return FALSE;
    }

  if (!make_private_dir (self->recovery_dir, error))
    return FALSE;

  /* The origin goes first: a crash between the two writes then leaves a copy
   * with the origin of this or the previous write, never a copy of a saved
   * article that looks like a new one. */
  origin = dup_origin_file (recovery);
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_autofree char *contents = NULL;

      if (self->fingerprint != NULL)
        contents = g_strdup_printf ("%s\n%s\n", uri, self->fingerprint);
      else
        contents = g_strdup_printf ("%s\n", uri);

      if (!cd_file_replace_contents (origin, contents, strlen (contents), NULL, &local_error))
        return recovery_write_failed (local_error, error);
    }
  else
    {
      delete_quietly (origin);
    }

  data = cd_article_to_data (self->article, &length);
  if (!cd_file_replace_contents (recovery, data, length, NULL, &local_error))
    return recovery_write_failed (local_error, error);

  self->has_recovery = TRUE;
  self->recovery_change_count = self->change_count;

  return TRUE;
}

/**
 * cd_document_discard_recovery:
 * @self: a #CdDocument
 *
 * Removes the recovery copy and its origin file, if there are any: after the
 * user discards the changes, or restores nothing from a copy.
 */
void
cd_document_discard_recovery (CdDocument *self)
{
  g_return_if_fail (CD_IS_DOCUMENT (self));

  remove_recovery_files (self);
}

/* Reads the origin file: the URI of the original file and its fingerprint.
 * A missing or unreadable origin means the article had no file. */
static void
read_origin (GFile  *recovery_file,
             GFile **file,
             char  **fingerprint)
{
  g_autoptr(GFile) origin = dup_origin_file (recovery_file);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *uri;

  *file = NULL;
  *fingerprint = NULL;

  if (origin == NULL || !g_file_load_contents (origin, NULL, &contents, NULL, NULL, &error))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Ignoring the origin of a recovery copy: %s", error->message);
      return;
    }

  lines = g_strsplit (contents, "\n", 3);
  uri = g_strstrip (lines[0]);
  if (!g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    {
      g_debug ("Ignoring the origin of a recovery copy: “%s” is not a URI", uri);
      return;
    }

  *file = g_file_new_for_uri (uri);
  if (lines[1] != NULL && g_strstrip (lines[1])[0] != '\0')
    *fingerprint = g_strdup (lines[1]);
}

/**
 * cd_document_new_from_recovery:
 * @recovery_file: a recovery copy, as listed by cd_document_list_recoveries()
 * @error: return location for a #GError
 *
 * Restores a document from a recovery copy. Its original file, if it had one,
 * becomes the document's file; it is modified; and it keeps @recovery_file as
 * its recovery copy until it is saved or the copy is discarded.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with a
 *   %CD_DOCUMENT_ERROR_RECOVERY error that names the copy and says why
 */
CdDocument *
cd_document_new_from_recovery (GFile   *recovery_file,
                               GError **error)
{
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdDocument) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (G_IS_FILE (recovery_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  article = cd_article_load_from_file (recovery_file, NULL, &local_error);
  if (article == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (recovery_file);

      g_set_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_RECOVERY,
                   _("Could not restore the recovery copy %s: %s"), name, local_error->message);
      return NULL;
    }

  read_origin (recovery_file, &file, &fingerprint);

  self = cd_document_new (article);
  if (file != NULL)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *display_name = NULL;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL)
        display_name = dup_info_display_name (info);

      store_file (self, file, display_name);
      self->fingerprint = g_steal_pointer (&fingerprint);
    }

  cd_document_set_modified (self, TRUE);

  self->recovery_dir = g_file_get_parent (recovery_file);
  self->recovery_file = g_object_ref (recovery_file);
  self->has_recovery = TRUE;
  self->recovery_change_count = self->change_count;

  return g_steal_pointer (&self);
}

typedef struct
{
  GFile   *file;
  char    *name;
  guint64  mtime;
} RecoveryEntry;

static void
recovery_entry_clear (gpointer data)
{
  RecoveryEntry *entry = data;

  g_clear_object (&entry->file);
  g_clear_pointer (&entry->name, g_free);
}

static int
compare_entries_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const RecoveryEntry *first = a;
  const RecoveryEntry *second = b;

  if (first->mtime != second->mtime)
    return first->mtime > second->mtime ? -1 : 1;

  /* The same time: a fixed order all the same. */
  return strcmp (first->name, second->name);
}

/**
 * cd_document_list_recoveries:
 * @dir: the folder of recovery copies
 *
 * Lists the recovery copies in @dir: regular files named `*.copydesk`, without
 * the origin files, the temporary files of a write in progress or anything
 * else. A folder that does not exist has none.
 *
 * Returns: (transfer full) (element-type GFile): the copies, the most recently
 *   written first
 */
GPtrArray *
cd_document_list_recoveries (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *files;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  files = g_ptr_array_new_with_free_func (g_object_unref);
  entries = g_array_new (FALSE, TRUE, sizeof (RecoveryEntry));
  g_array_set_clear_func (entries, recovery_entry_clear);

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          NULL, &error);
  if (enumerator == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Could not list the recovery copies: %s", error->message);
      return files;
    }

  for (;;)
    {
      g_autoptr(GFileInfo) info = NULL;
      const char *name;
      RecoveryEntry entry;

      g_clear_error (&error);
      info = g_file_enumerator_next_file (enumerator, NULL, &error);
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (name == NULL || name[0] == '.' ||
          !g_str_has_suffix (name, RECOVERY_SUFFIX) ||
          strlen (name) == strlen (RECOVERY_SUFFIX) ||
          g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      entry.file = g_file_get_child (dir, name);
      entry.name = g_strdup (name);
      entry.mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
                    g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
      g_array_append_val (entries, entry);
    }

  if (error != NULL)
    g_debug ("Could not list all the recovery copies: %s", error->message);

  g_array_sort (entries, compare_entries_newest_first);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (files, g_object_ref (g_array_index (entries, RecoveryEntry, i).file));

  return files;
}

/* Whether @name is the temporary file of an interrupted write of a recovery
 * copy or of its origin: cd_file_replace_contents() writes ".<name>.XXXXXX"
 * beside the file and renames it over the file when it is complete. */
static gboolean
is_stale_temporary (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *target = NULL;

  if (name[0] != '.' || dot == NULL || dot == name || strlen (dot + 1) != 6)
    return FALSE;

  target = g_strndup (name + 1, dot - (name + 1));
  return (g_str_has_suffix (target, RECOVERY_SUFFIX) && strlen (target) > strlen (RECOVERY_SUFFIX)) ||
         (g_str_has_suffix (target, ORIGIN_SUFFIX) && strlen (target) > strlen (ORIGIN_SUFFIX));
}

/**
 * cd_document_remove_stale_recovery_files:
 * @dir: the folder of recovery copies
 *
 * Removes from @dir what a crash in the middle of writing or removing a
 * recovery copy leaves behind: the temporary file of a write that was never
 * completed (the copy itself, if any, is still the previous, whole one), and
 * an origin file whose copy is gone. Without this they would pile up, one per
 * crash, since nothing else ever looks at them. Copies and anything that is
 * not Copydesk's are left alone.
 *
 * A temporary file is also there while a copy is being written, so call this
 * only when no document writes into @dir: at start-up, before any window has
 * a document.
 */
void
cd_document_remove_stale_recovery_files (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (G_IS_FILE (dir));

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          NULL, &error);
  if (enumerator == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Could not look for stale recovery files: %s", error->message);
      return;
    }

  stale = g_ptr_array_new_with_free_func (g_object_unref);
  for (;;)
    {
      g_autoptr(GFileInfo) info = NULL;
      const char *name;

      g_clear_error (&error);
      info = g_file_enumerator_next_file (enumerator, NULL, &error);
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (name == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      if (is_stale_temporary (name))
        {
          g_ptr_array_add (stale, g_file_get_child (dir, name));
        }
      else if (name[0] != '.' && g_str_has_suffix (name, ORIGIN_SUFFIX) &&
               strlen (name) > strlen (ORIGIN_SUFFIX))
        {
          g_autofree char *stem = g_strndup (name, strlen (name) - strlen (ORIGIN_SUFFIX));
          g_autofree char *copy_name = g_strconcat (stem, RECOVERY_SUFFIX, NULL);
          g_autoptr(GFile) copy = g_file_get_child (dir, copy_name);

          if (!g_file_query_exists (copy, NULL))
            g_ptr_array_add (stale, g_file_get_child (dir, name));
        }
    }

  if (error != NULL)
    g_debug ("Could not look at all the recovery files: %s", error->message);

  for (guint i = 0; i < stale->len; i++)
    delete_quietly (g_ptr_array_index (stale, i));
}
