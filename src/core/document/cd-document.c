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

void
cd_document_set_busy (CdDocument *self,
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
void
cd_document_update_modified (CdDocument *self)
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

void
cd_document_store_autosaved (CdDocument *self,
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
  cd_document_update_modified (self);
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
  cd_document_update_modified (self);
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
