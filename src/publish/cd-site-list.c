/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The user's WordPress sites: a GListModel of CdSiteEntry kept in a key
 * file, $XDG_CONFIG_HOME/copydesk/sites.ini, one group per site with the
 * keys "url" and "user". The window's Preferences and copydesk-cli share it.
 * Passwords are never in it: they are in the keyring (cd-site-secret.c).
 *
 * A file that cannot be read is reported with its name and line, and is
 * never written over: adding or removing a site fails with the same message
 * until the user mends or removes the file. Every change re-reads the file
 * first, so that a site added meanwhile by another Copydesk (the window and
 * the CLI at once) is kept, and writes it atomically with mode 0600. */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-publish"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "cd-publication.h"
#include "cd-site-list.h"

struct _CdSiteEntry
{
  GObject  parent_instance;

  char    *name;
  char    *url;
  char    *user;
};

G_DEFINE_FINAL_TYPE (CdSiteEntry, cd_site_entry, G_TYPE_OBJECT)

static void
cd_site_entry_finalize (GObject *object)
{
  CdSiteEntry *self = CD_SITE_ENTRY (object);

  g_free (self->name);
  g_free (self->url);
  g_free (self->user);

  G_OBJECT_CLASS (cd_site_entry_parent_class)->finalize (object);
}

static void
cd_site_entry_class_init (CdSiteEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_site_entry_finalize;
}

static void
cd_site_entry_init (CdSiteEntry *self)
{
}

/**
 * cd_site_entry_new:
 * @name: what the user calls the site ("Newsroom")
 * @url: the site's address; kept normalised (cd_publication_normalize_site ())
 * @user: the WordPress user name of the account
 *
 * Returns: (transfer full): a new entry. Whether the address is acceptable
 * is checked when it is added to a list (cd_site_list_add ()).
 */
CdSiteEntry *
cd_site_entry_new (const char *name,
                   const char *url,
                   const char *user)
{
  CdSiteEntry *self;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);

  normalized = cd_publication_normalize_site (url);

  self = g_object_new (CD_TYPE_SITE_ENTRY, NULL);
  self->name = g_strstrip (g_strdup (name));
  self->url = normalized != NULL ? g_steal_pointer (&normalized) : g_strdup (url);
  self->user = g_strstrip (g_strdup (user));
  return self;
}

const char *
cd_site_entry_get_name (CdSiteEntry *self)
{
  g_return_val_if_fail (CD_IS_SITE_ENTRY (self), NULL);
  return self->name;
}

const char *
cd_site_entry_get_url (CdSiteEntry *self)
{
  g_return_val_if_fail (CD_IS_SITE_ENTRY (self), NULL);
  return self->url;
}

const char *
cd_site_entry_get_user (CdSiteEntry *self)
{
  g_return_val_if_fail (CD_IS_SITE_ENTRY (self), NULL);
  return self->user;
}

/* The list */

struct _CdSiteList
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *entries;
  /* The file as last read, so that comments and keys this version does not
   * know survive a change. */
  GKeyFile  *keyfile;
  /* Why the file could not be read: while it is set nothing is written. */
  GError    *load_error;
};

static void cd_site_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdSiteList, cd_site_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cd_site_list_model_init))

static GType
cd_site_list_get_item_type (GListModel *model)
{
  return CD_TYPE_SITE_ENTRY;
}

static guint
cd_site_list_get_n_items (GListModel *model)
{
  return CD_SITE_LIST (model)->entries->len;
}

static gpointer
cd_site_list_get_item (GListModel *model,
                       guint       position)
{
  CdSiteList *self = CD_SITE_LIST (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
cd_site_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cd_site_list_get_item_type;
  iface->get_n_items = cd_site_list_get_n_items;
  iface->get_item = cd_site_list_get_item;
}

static void
cd_site_list_finalize (GObject *object)
{
  CdSiteList *self = CD_SITE_LIST (object);

  g_free (self->path);
  g_ptr_array_unref (self->entries);
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (cd_site_list_parent_class)->finalize (object);
}

static void
cd_site_list_class_init (CdSiteListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_site_list_finalize;
}

static void
cd_site_list_init (CdSiteList *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->keyfile = g_key_file_new ();
}

/**
 * cd_site_list_new:
 * @path: the key file
 *
 * Returns: (transfer full): an empty list for @path; cd_site_list_load ()
 * reads it.
 */
CdSiteList *
cd_site_list_new (const char *path)
{
  CdSiteList *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CD_TYPE_SITE_LIST, NULL);
  self->path = g_strdup (path);
  return self;
}

/**
 * cd_site_list_new_default:
 *
 * Returns: (transfer full): the list in $XDG_CONFIG_HOME/copydesk/sites.ini,
 * not read yet.
 */
CdSiteList *
cd_site_list_new_default (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "copydesk",
                                            "sites.ini", NULL);

  return cd_site_list_new (path);
}

/* GKeyFile's own messages quote the line but not its number: find the first
 * line that is neither blank, a comment, a group header nor "key=value" (or
 * a key before any group), so that the message can say where to look. */
static guint
find_bad_line (const char *data)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  gboolean in_group = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ' || *line == '\t')
        line++;
      if (*line == '\0' || *line == '\r' || *line == '#')
        continue;
      if (*line == '[')
        {
          g_autofree char *trimmed = g_strchomp (g_strdup (line));

          if (!g_str_has_suffix (trimmed, "]") || strlen (trimmed) < 3)
            return i + 1;
          in_group = TRUE;
          continue;
        }
      if (!in_group || strchr (line, '=') == NULL || *line == '=')
        return i + 1;
    }

  return 0;
}

/* The line of the group header for @name, for messages about its keys. */
static guint
find_group_line (const char *data,
                 const char *name)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  g_autofree char *header = g_strdup_printf ("[%s]", name);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (lines[i]));

      if (strcmp (trimmed, header) == 0)
        return i + 1;
    }
  return 0;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_utf8_collate (fa, fb) == 0;
}

static CdSiteEntry *
find_by_name (GPtrArray  *entries,
              const char *name)
{
  for (guint i = 0; i < entries->len; i++)
    {
      CdSiteEntry *entry = g_ptr_array_index (entries, i);

      if (same_name (entry->name, name))
        return entry;
    }
  return NULL;
}

static gboolean
set_file_error (GError     **error,
                const char  *path,
                guint        line,
                const char  *problem)
{
  if (line > 0)
    /* Translators: a file, a line number and what is wrong there. */
    g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                 _("The list of WordPress sites in %s cannot be read, line %u: %s. "
                   "Correct or remove that line (no site is changed until then)."),
                 path, line, problem);
  else
    g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                 _("The list of WordPress sites in %s cannot be read: %s. "
                   "Correct or remove the file (no site is changed until then)."),
                 path, problem);
  return FALSE;
}

/* Reads the file into a new key file and entries; nothing in @self changes. */
static gboolean
read_file (CdSiteList  *self,
           GKeyFile   **keyfile_out,
           GPtrArray  **entries_out,
           GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) groups = NULL;
  gsize length = 0;

  if (!g_file_get_contents (self->path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          /* No file yet: no sites. */
          *keyfile_out = g_steal_pointer (&keyfile);
          *entries_out = g_steal_pointer (&entries);
          return TRUE;
        }
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the list of WordPress sites %s: %s"),
                   self->path, local_error->message);
      return FALSE;
    }

  if (!g_utf8_validate (data, length, NULL) || memchr (data, '\0', length) != NULL)
    return set_file_error (error, self->path, 0, _("it is not UTF-8 text"));

  if (!g_key_file_load_from_data (keyfile, data, length,
                                  G_KEY_FILE_KEEP_COMMENTS, &local_error))
    return set_file_error (error, self->path, find_bad_line (data), local_error->message);

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *url = g_key_file_get_string (keyfile, groups[i], "url", NULL);
      g_autofree char *user = g_key_file_get_string (keyfile, groups[i], "user", NULL);
      guint line = find_group_line (data, groups[i]);
      g_autofree char *problem = NULL;

      if (url == NULL || *g_strstrip (url) == '\0')
        problem = g_strdup_printf (_("the site “%s” has no “url”"), groups[i]);
      else if (user == NULL || *g_strstrip (user) == '\0')
        problem = g_strdup_printf (_("the site “%s” has no “user”"), groups[i]);
      else if (find_by_name (entries, groups[i]) != NULL)
        problem = g_strdup_printf (_("the name “%s” is used twice"), groups[i]);

      if (problem != NULL)
        return set_file_error (error, self->path, line, problem);

      g_ptr_array_add (entries, cd_site_entry_new (groups[i], url, user));
    }

  *keyfile_out = g_steal_pointer (&keyfile);
  *entries_out = g_steal_pointer (&entries);
  return TRUE;
}

static gboolean
same_entries (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      CdSiteEntry *x = g_ptr_array_index (a, i);
      CdSiteEntry *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->url, y->url) != 0 ||
          g_strcmp0 (x->user, y->user) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * cd_site_list_load:
 * @self: a list
 * @error: where to put what is wrong with the file
 *
 * Reads the file again. A missing file is an empty list. A file that cannot
 * be read leaves the list empty and the file untouched: cd_site_list_add ()
 * and cd_site_list_remove () fail with the same error until it is mended.
 *
 * Returns: whether the file could be read
 */
gboolean
cd_site_list_load (CdSiteList  *self,
                   GError     **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;
  guint removed;

  g_return_val_if_fail (CD_IS_SITE_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_error (&self->load_error);
  if (!read_file (self, &keyfile, &entries, &local_error))
    {
      self->load_error = g_error_copy (local_error);
      keyfile = g_key_file_new ();
      entries = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = g_steal_pointer (&keyfile);

  /* Reading an unchanged file (every change re-reads it first) keeps the
   * entries and says nothing, so that lists bound to the model keep their
   * selection. */
  if (same_entries (self->entries, entries))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  removed = self->entries->len;
  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);
  if (removed > 0 || self->entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->entries->len);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_file (CdSiteList  *self,
            GKeyFile    *keyfile,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s for the list of WordPress sites: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_key_file_to_data (keyfile, &length, NULL);
  /* A temporary file renamed over the old one: the list is never half
   * written, and readable by its owner only, as it names accounts. */
  if (!g_file_set_contents_full (self->path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save the list of WordPress sites %s: %s"),
                   self->path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* What a site's name may be: a key file group name, that people can type. */
static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (*name == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Give the site a name"));
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '[' || *p == ']' || (guchar) *p < 0x20 || *p == 0x7f)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The site name “%s” cannot contain brackets or control characters; "
                         "choose another name"), name);
          return FALSE;
        }
    }
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The site name is not valid UTF-8; choose another name"));
      return FALSE;
    }
  return TRUE;
}

/* Re-reads the file before a change, so that nothing another Copydesk
 * wrote meanwhile is lost; a file that cannot be read is not written. */
static gboolean
reload_for_change (CdSiteList  *self,
                   GError     **error)
{
  if (!cd_site_list_load (self, error))
    return FALSE;
  return TRUE;
}

/**
 * cd_site_list_add:
 * @self: a list
 * @entry: the site to add
 * @error: where to say why not
 *
 * Adds @entry and saves the file. Fails when another site has the same name
 * (letter case ignored), the same address and user, when the address is
 * not https:// (plain http:// only to this computer), or when the file
 * cannot be read.
 *
 * Returns: whether it was added and saved
 */
gboolean
cd_site_list_add (CdSiteList   *self,
                  CdSiteEntry  *entry,
                  GError      **error)
{
  g_autoptr(CdWpSite) site = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CD_IS_SITE_LIST (self), FALSE);
  g_return_val_if_fail (CD_IS_SITE_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_name (entry->name, error))
    return FALSE;
  if (*entry->user == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Give the WordPress user name for %s"), entry->name);
      return FALSE;
    }

  /* The same rule as every request to a site: https, or http:// to a
   * loopback address only. No password is needed to check it. */
  site = cd_wp_site_new (entry->name, entry->url, entry->user, "", &local_error);
  if (site == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!reload_for_change (self, error))
    return FALSE;

  if (find_by_name (self->entries, entry->name) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("There is already a site named “%s”; choose another name or remove it first"),
                   entry->name);
      return FALSE;
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      CdSiteEntry *other = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (other->url, entry->url) == 0 && g_strcmp0 (other->user, entry->user) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("%s as %s is already in the list, as “%s”"),
                       entry->url, entry->user, other->name);
          return FALSE;
        }
    }

  g_key_file_set_string (self->keyfile, entry->name, "url", entry->url);
  g_key_file_set_string (self->keyfile, entry->name, "user", entry->user);
  if (!write_file (self, self->keyfile, error))
    {
      g_key_file_remove_group (self->keyfile, entry->name, NULL);
      return FALSE;
    }

  g_ptr_array_add (self->entries, g_object_ref (entry));
  g_list_model_items_changed (G_LIST_MODEL (self), self->entries->len - 1, 0, 1);
  return TRUE;
}

/**
 * cd_site_list_remove:
 * @self: a list
 * @name: the site's name (letter case ignored)
 * @error: where to say why not
 *
 * Removes the site and saves the file. Its password stays in the keyring:
 * the caller clears it (cd_site_secret_clear_sync ()), as only it knows
 * whether to.
 *
 * Returns: whether it was removed and saved
 */
gboolean
cd_site_list_remove (CdSiteList  *self,
                     const char  *name,
                     GError     **error)
{
  CdSiteEntry *entry;
  guint position = 0;

  g_return_val_if_fail (CD_IS_SITE_LIST (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!reload_for_change (self, error))
    return FALSE;

  entry = find_by_name (self->entries, name);
  if (entry == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no site named “%s” in %s"), name, self->path);
      return FALSE;
    }

  g_key_file_remove_group (self->keyfile, entry->name, NULL);
  if (!write_file (self, self->keyfile, error))
    {
      /* Read it back as it is on disk. */
      cd_site_list_load (self, NULL);
      return FALSE;
    }

  g_ptr_array_find (self->entries, entry, &position);
  g_ptr_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/**
 * cd_site_list_lookup:
 * @self: a list
 * @name_or_url: a site's name (letter case ignored), or its address
 *
 * Returns: (transfer none) (nullable): the site by that name, or the first
 * with that address
 */
CdSiteEntry *
cd_site_list_lookup (CdSiteList *self,
                     const char *name_or_url)
{
  CdSiteEntry *entry;
  g_autofree char *url = NULL;

  g_return_val_if_fail (CD_IS_SITE_LIST (self), NULL);
  g_return_val_if_fail (name_or_url != NULL, NULL);

  entry = find_by_name (self->entries, name_or_url);
  if (entry != NULL)
    return entry;

  url = cd_publication_normalize_site (name_or_url);
  if (url == NULL)
    return NULL;
  for (guint i = 0; i < self->entries->len; i++)
    {
      entry = g_ptr_array_index (self->entries, i);
      if (g_strcmp0 (entry->url, url) == 0)
        return entry;
    }
  return NULL;
}
