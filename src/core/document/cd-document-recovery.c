/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-document"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file.h"
#include "cd-document-private.h"

/* Recovery copies. */

/* The name of the recovery copy without its suffix. It belongs to the
 * document, not to its article: two files with the same article id (a story
 * copied to make another) are open at once as often as not, and each needs a
 * copy of its own. A random name cannot collide with another document's. */
static char *
dup_recovery_stem (CdDocument *self)
{
  if (self->recovery_stem == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      self->recovery_stem = g_strconcat ("document-", uuid, NULL);
    }

  return g_strdup (self->recovery_stem);
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

void
cd_document_remove_recovery_files (CdDocument *self)
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
  /* The next copy takes the document's own name again (a restored document
   * used the name of the copy it came from). */
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
 *   written, `document-<random id>.copydesk` in the recovery folder, a name
 *   of this document's own; %NULL when no folder is set
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

  data = cd_article_to_checked_data (self->article, &length, &local_error);
  if (data == NULL || !cd_file_replace_contents (recovery, data, length, NULL, &local_error))
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

  cd_document_remove_recovery_files (self);
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
        display_name = cd_document_dup_info_display_name (info);

      cd_document_store_file (self, file, display_name);
      self->fingerprint = g_steal_pointer (&fingerprint);

      /* What the file holds now is the version to go back to; autosaved
       * changes it held before the crash are not told from saved ones. */
      self->explicit_bytes = g_file_load_bytes (file, NULL, NULL, NULL);
      if (self->explicit_bytes != NULL)
        cd_document_take_saved_article (self, cd_document_parse_explicit_bytes (self, NULL));
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
