/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-document"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file.h"
#include "cd-document-private.h"
#include "cd-file-util.h"

/**
 * CdDocument:
 *
 * An article being edited, with the file it belongs to, whether it has unsaved
 * changes, and its recovery copy.
 *
 * A save copies the article on the main thread, serializes and writes the
 * copy in a worker thread, and then takes the copy as what the file holds;
 * #CdDocument:modified compares the article with it, so an edit typed while
 * the file is written is never reported as saved. Changes are also counted
 * (every #CdArticle::changed adds one): a document marked modified by hand
 * stays so unless nothing changed after the save's copy was taken.
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
 * A recovery copy is `document-<random id>.copydesk` in the recovery folder,
 * with `document-<random id>.origin` beside it when the document has a file:
 * the file's URI on the first line and its fingerprint, if known, on the
 * second, so that a restored document still notices a file changed by
 * someone else. The random id belongs to the document, not to its article:
 * two copies of a story share the article id, and were open at once often
 * enough that their copies overwrote each other. A restored document keeps
 * the name of the copy it came from until that copy is removed.
 *
 * "Modified" is judged by content: the document keeps a copy of the article
 * as its file holds it (taken at load and at each save) and compares the
 * article with it after each change with cd_article_equal(), so undoing back
 * to the saved text leaves nothing to save. The change count still decides
 * which recovery copy a save makes obsolete.
 *
 * Explicit saves and autosaves (cd_document_autosave_async()) both write the
 * file, but only an explicit save, or loading, sets the bytes the document
 * goes back to: cd_document_discard_autosaves() puts them back in the file
 * and cd_document_revert_to_saved() in the article too. They are kept in
 * memory only.
 *
 * A save names the lead image relative to the target's folder, in the thread
 * that writes, on its copy of the article: an absolute path inside that
 * folder becomes relative, and a relative one that pointed into the old
 * folder (Save As elsewhere) is copied beside the new file under a free name.
 * The live article takes the new name afterwards unless it changed meanwhile.
 */

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
  PROP_AUTOSAVED,
  PROP_DISK_STATE,
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

/* Fingerprints and names, safe in any thread. */

/* The file's metadata and a hash of its content: another program can
 * rewrite a file in place with the same size and put its modification time
 * back (rsync, some editors, a version control checkout), and that must
 * still count as a change. A file that cannot be read is known by its
 * metadata alone. */
char *
cd_document_dup_fingerprint (GFile     *file,
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

char *
cd_document_dup_info_display_name (GFileInfo *info)
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

/* "modified" is whether the article differs from what its file holds, so
 * that undoing back to the saved text is no unsaved change. Comparing field
 * by field costs one string comparison of the body per edit, far less than
 * serialising the article. */
static void
update_modified (CdDocument *self)
{
  store_modified (self, self->forced_modified || self->saved_article == NULL ||
                        !cd_article_equal (self->article, self->saved_article));
}

void
cd_document_take_saved_article (CdDocument *self,
                                CdArticle  *saved)
{
  g_clear_object (&self->saved_article);
  self->saved_article = saved;
}

static void
store_autosaved (CdDocument *self,
                 gboolean    autosaved)
{
  autosaved = !!autosaved;
  if (self->autosaved == (guint) autosaved)
    return;

  self->autosaved = autosaved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVED]);
}

void
cd_document_store_disk_state (CdDocument          *self,
                              CdDocumentDiskState  state)
{
  if (self->disk_state == state)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->disk_state = state;
  /* The article is now in no file at all: closing must ask about it. */
  if (state == CD_DOCUMENT_DISK_DELETED)
    cd_document_set_modified (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_STATE]);
  g_object_thaw_notify (G_OBJECT (self));
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
void
cd_document_store_file (CdDocument *self,
                        GFile      *file,
                        const char *display_name)
{
  g_autofree char *fallback = NULL;

  if (file != NULL && display_name == NULL)
    display_name = fallback = dup_fallback_display_name (file);

  if (self->file == NULL || file == NULL || !g_file_equal (self->file, file))
    {
      if (g_set_object (&self->file, file))
        {
          /* After Save As, the new file is the one to watch. */
          cd_document_watch_file (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
        }
    }

  store_display_name (self, file != NULL ? display_name : NULL);

  /* Relative paths in the article start from its file's folder. */
  {
    g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

    cd_article_file_set_folder (self->article, folder);
  }
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
  update_modified (self);
}

static void
article_notify_headline_cb (CdArticle  *article,
                            GParamSpec *pspec,
                            CdDocument *self)
{
  update_title (self);
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

  self->saved_article = cd_article_copy (self->article);
  update_title (self);

  cd_document_disk_init (self);
}

static void
cd_document_dispose (GObject *object)
{
  CdDocument *self = (CdDocument *)object;

  /* Queued saves hold a reference to the document, so none is left here. */
  g_assert (g_queue_is_empty (&self->save_queue));

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);

  cd_document_stop_watching (self);
  g_clear_object (&self->monitor_signals);

  g_clear_object (&self->article);
  g_clear_object (&self->file);
  g_clear_object (&self->recovery_dir);
  g_clear_object (&self->recovery_file);
  g_clear_object (&self->saved_article);
  g_clear_pointer (&self->explicit_bytes, g_bytes_unref);

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
  g_clear_pointer (&self->recovery_stem, g_free);

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

    case PROP_AUTOSAVED:
      g_value_set_boolean (value, self->autosaved);
      break;

    case PROP_DISK_STATE:
      g_value_set_enum (value, self->disk_state);
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
  properties[PROP_AUTOSAVED] =
    g_param_spec_boolean ("autosaved", NULL, NULL, FALSE, ro);

  /**
   * CdDocument:disk-state:
   *
   * What other programs did to the document's file since the document last
   * read or wrote it, as its file monitor last found (the document's own
   * saves never show here). A deleted file also marks the document
   * modified: the article is then in no file at all.
   */
  properties[PROP_DISK_STATE] =
    g_param_spec_enum ("disk-state", NULL, NULL,
                       CD_TYPE_DOCUMENT_DISK_STATE, CD_DOCUMENT_DISK_UNCHANGED, ro);

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
    {
      self->change_count++;
      self->forced_modified = TRUE;
    }
  else
    {
      /* The article as it is now counts as saved. */
      self->forced_modified = FALSE;
      cd_document_take_saved_article (self, cd_article_copy (self->article));
    }
  update_modified (self);
}

/**
 * cd_document_get_autosaved:
 * @self: a #CdDocument
 *
 * Returns: %TRUE if the document's file holds changes that only autosave
 *   wrote, which Discard and cd_document_revert_to_saved() take back
 */
gboolean
cd_document_get_autosaved (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  return self->autosaved;
}

/**
 * cd_document_get_has_unsaved_work:
 * @self: a #CdDocument
 *
 * Whether closing the document must ask first: it has changes that are not
 * in its file, or its file has changes the user never saved explicitly.
 *
 * Returns: %TRUE when there is something to save or discard
 */
gboolean
cd_document_get_has_unsaved_work (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  return self->modified || self->autosaved;
}

/**
 * cd_document_can_revert:
 * @self: a #CdDocument
 *
 * Returns: %TRUE if the document has a version saved by the user that
 *   differs from what it has now, in the article or in its file
 */
gboolean
cd_document_can_revert (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  return self->explicit_bytes != NULL && (self->modified || self->autosaved);
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
  GBytes    *contents;
  char      *fingerprint;
  char      *display_name;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->article);
  g_clear_pointer (&result->contents, g_bytes_unref);
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
  g_autoptr(GBytes) contents = NULL;
  GError *error = NULL;
  LoadResult *result;

  /* The fingerprint is taken before the file is read: a change in between is
   * then reported when saving, never missed. If the file cannot be asked about,
   * the loader below says why. */
  info = g_file_query_info (file,
                            FINGERPRINT_ATTRIBUTES "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  article = cd_article_load_from_file_full (file, &contents, cancellable, &error);
  if (article == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->article = g_steal_pointer (&article);
  result->contents = g_steal_pointer (&contents);
  if (info != NULL)
    {
      result->fingerprint = cd_document_dup_fingerprint (file, info);
      result->display_name = cd_document_dup_info_display_name (info);
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
  cd_document_store_file (self, g_task_get_task_data (G_TASK (result)), loaded->display_name);
  self->fingerprint = g_steal_pointer (&loaded->fingerprint);
  self->explicit_bytes = g_steal_pointer (&loaded->contents);
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
      store_autosaved (self, FALSE);
    }
  else if (self->explicit_bytes != NULL)
    {
      g_autoptr(GBytes) written = g_bytes_new_static (job->data, job->length);

      store_autosaved (self, !g_bytes_equal (written, self->explicit_bytes));
    }
  update_modified (self);

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
  SaveJob *job;

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

  set_busy (self, TRUE);
  job = save_job_prepare (self, target, force, FALSE);
  ok = save_job_run (job, cancellable, error);
  if (ok)
    save_job_apply (self, job);
  set_busy (self, FALSE);

  return ok;
}

/* Saved versions. */

static JsonObject *
copy_json_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (object == NULL)
    return NULL;

  node = json_node_init_object (json_node_alloc (), object);
  copy = json_node_copy (node);
  return json_node_dup_object (copy);
}

/* Makes @target hold what @source holds, through the setters, so that every
 * view of @target follows and its "changed" signals tell the document. */
static void
assign_article (CdArticle *target,
                CdArticle *source)
{
  GListModel *authors = cd_article_get_authors (source);
  GListModel *tags = cd_article_get_tags (source);
  CdImage *from = cd_article_get_image (source);
  CdImage *to = cd_article_get_image (target);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonObject) image_extra = NULL;

  cd_article_set_id (target, cd_article_get_id (source));
  cd_article_set_created (target, cd_article_get_created (source));
  cd_article_set_modified (target, cd_article_get_modified (source));
  cd_article_set_status (target, cd_article_get_status (source));
  cd_article_set_planned_words (target, cd_article_get_planned_words (source));
  cd_article_set_language (target, cd_article_get_language (source));
  cd_article_set_headline (target, cd_article_get_headline (source));
  cd_article_set_standfirst (target, cd_article_get_standfirst (source));
  if (cd_article_get_slug_edited (source))
    cd_article_set_slug (target, cd_article_get_slug (source));
  else
    cd_article_reset_slug (target);
  cd_article_set_section (target, cd_article_get_section (source));
  cd_article_set_dateline (target, cd_article_get_dateline (source));
  cd_article_set_published (target, cd_article_get_published (source));
  cd_article_set_embargo (target, cd_article_get_embargo (source));
  cd_article_set_comments (target, cd_article_get_comments (source));
  cd_article_set_editor_note (target, cd_article_get_editor_note (source));
  cd_article_set_body (target, cd_article_get_body (source));

  while (g_list_model_get_n_items (cd_article_get_authors (target)) > 0)
    cd_article_remove_author (target, 0);
  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      g_autoptr(CdAuthor) copy = cd_author_new (cd_author_get_name (author));
      g_autoptr(JsonObject) author_extra = copy_json_object (cd_author_get_extra (author));

      cd_author_set_role (copy, cd_author_get_role (author));
      cd_author_set_email (copy, cd_author_get_email (author));
      cd_author_set_url (copy, cd_author_get_url (author));
      cd_author_set_extra (copy, author_extra);
      cd_article_add_author (target, copy);
    }

  while (g_list_model_get_n_items (cd_article_get_tags (target)) > 0)
    cd_article_remove_tag (target, 0);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      g_autoptr(CdTag) copy = cd_tag_new (cd_tag_get_name (tag), cd_tag_get_uri (tag),
                                          cd_tag_get_code (tag));
      g_autoptr(JsonObject) tag_extra = copy_json_object (cd_tag_get_extra (tag));

      cd_tag_set_extra (copy, tag_extra);
      cd_article_add_tag (target, copy);
    }

  cd_image_set_source (to, cd_image_get_source (from));
  cd_image_set_alt (to, cd_image_get_alt (from));
  cd_image_set_caption (to, cd_image_get_caption (from));
  cd_image_set_credit (to, cd_image_get_credit (from));
  cd_image_set_photographer (to, cd_image_get_photographer (from));
  cd_image_set_copyright (to, cd_image_get_copyright (from));
  image_extra = copy_json_object (cd_image_get_extra (from));
  cd_image_set_extra (to, image_extra);

  extra = copy_json_object (cd_article_get_extra (source));
  cd_article_set_extra (target, extra);
}

CdArticle *
cd_document_parse_explicit_bytes (CdDocument  *self,
                                  GError     **error)
{
  return cd_article_load_from_data (g_bytes_get_data (self->explicit_bytes, NULL),
                                    g_bytes_get_size (self->explicit_bytes),
                                    cd_document_get_display_name (self), error);
}

/* Puts the bytes of the last explicit save back into the file, if autosave
 * wrote over them. A file another program changed since is left alone. */
static gboolean
restore_explicit_file (CdDocument  *self,
                       GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(CdArticle) saved = NULL;

  if (!self->autosaved || self->file == NULL || self->explicit_bytes == NULL)
    return TRUE;

  info = g_file_query_info (self->file, FINGERPRINT_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL && self->fingerprint != NULL)
    {
      g_autofree char *current = cd_document_dup_fingerprint (self->file, info);

      if (strcmp (current, self->fingerprint) != 0)
        {
          g_autofree char *name = g_file_get_parse_name (self->file);

          g_set_error (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_CHANGED_ON_DISK,
                       _("%s was changed by another program after it was saved "
                         "automatically, so it was left as it is. Open it to see "
                         "those changes."),
                       name);
          return FALSE;
        }
    }

  if (!cd_file_replace_contents (self->file,
                                 g_bytes_get_data (self->explicit_bytes, NULL),
                                 g_bytes_get_size (self->explicit_bytes),
                                 NULL, error))
    return FALSE;

  g_clear_object (&info);
  info = g_file_query_info (self->file, FINGERPRINT_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  g_free (self->fingerprint);
  self->fingerprint = info != NULL ? cd_document_dup_fingerprint (self->file, info) : NULL;
  g_clear_pointer (&self->disk_fingerprint, g_free);
  cd_document_store_disk_state (self, CD_DOCUMENT_DISK_UNCHANGED);

  saved = cd_document_parse_explicit_bytes (self, NULL);
  cd_document_take_saved_article (self, g_steal_pointer (&saved));
  store_autosaved (self, FALSE);
  update_modified (self);

  return TRUE;
}

/**
 * cd_document_discard_autosaves:
 * @self: a #CdDocument
 * @error: return location for a #GError
 *
 * Puts the document's file back, byte for byte, as the user last saved it
 * explicitly, when autosave has written over it since (Discard when
 * closing). The article is left as it is. Does nothing when the file holds
 * no autosaved changes.
 *
 * Returns: %TRUE on success; %FALSE with %CD_DOCUMENT_ERROR_CHANGED_ON_DISK
 *   when another program changed the file meanwhile, or the %CD_FILE_ERROR
 *   of the write
 */
gboolean
cd_document_discard_autosaves (CdDocument  *self,
                               GError     **error)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return restore_explicit_file (self, error);
}

/**
 * cd_document_revert_to_saved:
 * @self: a #CdDocument
 * @error: return location for a #GError
 *
 * Goes back to the user's last explicit save (or to the file as it was
 * loaded): the file gets those bytes back if autosave wrote over them, the
 * article takes that content through its setters, the recovery copy goes,
 * and the document is no longer modified.
 *
 * Returns: %TRUE on success; %FALSE with %CD_DOCUMENT_ERROR_NO_FILE when
 *   there is no saved version, %G_IO_ERROR_BUSY during a save, or an error
 *   as from cd_document_discard_autosaves()
 */
gboolean
cd_document_revert_to_saved (CdDocument  *self,
                             GError     **error)
{
  g_autoptr(CdArticle) saved = NULL;

  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->explicit_bytes == NULL)
    {
      g_set_error_literal (error, CD_DOCUMENT_ERROR, CD_DOCUMENT_ERROR_NO_FILE,
                           _("The article has no saved version to go back to"));
      return FALSE;
    }

  if (self->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The article is being saved; revert when that save has "
                             "finished"));
      return FALSE;
    }

  saved = cd_document_parse_explicit_bytes (self, error);
  if (saved == NULL)
    return FALSE;

  if (!restore_explicit_file (self, error))
    return FALSE;

  cd_document_take_saved_article (self, cd_article_copy (saved));
  self->forced_modified = FALSE;
  assign_article (self->article, saved);
  self->forced_modified = FALSE;
  update_modified (self);
  cd_document_remove_recovery_files (self);

  return TRUE;
}
