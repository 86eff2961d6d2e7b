/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-image"

#include <string.h>

#include "cd-image.h"
#include "cd-url.h"

/**
 * CdImage:
 *
 * The lead image of an article: where it comes from (a file path relative to the
 * article, or an https URL), its alternative text for people who cannot see it,
 * the caption readers see, the credit line, and optionally the photographer and
 * copyright holder.
 */

struct _CdImage
{
  GObject     parent_instance;

  char       *source;
  char       *alt;
  char       *caption;
  char       *credit;
  char       *photographer;
  char       *copyright;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (CdImage, cd_image, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_ALT,
  PROP_CAPTION,
  PROP_CREDIT,
  PROP_PHOTOGRAPHER,
  PROP_COPYRIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_image_finalize (GObject *object)
{
  CdImage *self = (CdImage *)object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->alt, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->credit, g_free);
  g_clear_pointer (&self->photographer, g_free);
  g_clear_pointer (&self->copyright, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cd_image_parent_class)->finalize (object);
}

static void
cd_image_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CdImage *self = CD_IMAGE (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_ALT:
      g_value_set_string (value, self->alt);
      break;

    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;

    case PROP_CREDIT:
      g_value_set_string (value, self->credit);
      break;

    case PROP_PHOTOGRAPHER:
      g_value_set_string (value, self->photographer);
      break;

    case PROP_COPYRIGHT:
      g_value_set_string (value, self->copyright);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_image_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CdImage *self = CD_IMAGE (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      cd_image_set_source (self, g_value_get_string (value));
      break;

    case PROP_ALT:
      cd_image_set_alt (self, g_value_get_string (value));
      break;

    case PROP_CAPTION:
      cd_image_set_caption (self, g_value_get_string (value));
      break;

    case PROP_CREDIT:
      cd_image_set_credit (self, g_value_get_string (value));
      break;

    case PROP_PHOTOGRAPHER:
      cd_image_set_photographer (self, g_value_get_string (value));
      break;

    case PROP_COPYRIGHT:
      cd_image_set_copyright (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_image_class_init (CdImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_image_finalize;
  object_class->get_property = cd_image_get_property;
  object_class->set_property = cd_image_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALT] =
    g_param_spec_string ("alt", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREDIT] =
    g_param_spec_string ("credit", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PHOTOGRAPHER] =
    g_param_spec_string ("photographer", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COPYRIGHT] =
    g_param_spec_string ("copyright", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_image_init (CdImage *self)
{
  self->source = g_strdup ("");
  self->alt = g_strdup ("");
  self->caption = g_strdup ("");
  self->credit = g_strdup ("");
  self->photographer = g_strdup ("");
  self->copyright = g_strdup ("");
}

/**
 * cd_image_new:
 *
 * Returns: (transfer full): a new image with every field empty
 */
CdImage *
cd_image_new (void)
{
  return g_object_new (CD_TYPE_IMAGE, NULL);
}

static void
set_string (CdImage     *self,
            char       **field,
            const char  *value,
            int          prop)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
cd_image_get_source (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), NULL);
  return self->source;
}

void
cd_image_set_source (CdImage    *self,
                     const char *source)
{
  g_return_if_fail (CD_IS_IMAGE (self));
  set_string (self, &self->source, source, PROP_SOURCE);
}

const char *
cd_image_get_alt (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), NULL);
  return self->alt;
}

void
cd_image_set_alt (CdImage    *self,
                  const char *alt)
{
  g_return_if_fail (CD_IS_IMAGE (self));
  set_string (self, &self->alt, alt, PROP_ALT);
}

const char *
cd_image_get_caption (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), NULL);
  return self->caption;
}

void
cd_image_set_caption (CdImage    *self,
                      const char *caption)
{
  g_return_if_fail (CD_IS_IMAGE (self));
  set_string (self, &self->caption, caption, PROP_CAPTION);
}

const char *
cd_image_get_credit (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), NULL);
  return self->credit;
}

void
cd_image_set_credit (CdImage    *self,
                     const char *credit)
{
  g_return_if_fail (CD_IS_IMAGE (self));
  set_string (self, &self->credit, credit, PROP_CREDIT);
}

const char *
cd_image_get_photographer (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), NULL);
  return self->photographer;
}

void
cd_image_set_photographer (CdImage    *self,
                           const char *photographer)
{
  g_return_if_fail (CD_IS_IMAGE (self));
  set_string (self, &self->photographer, photographer, PROP_PHOTOGRAPHER);
}

const char *
cd_image_get_copyright (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), NULL);
  return self->copyright;
}

void
cd_image_set_copyright (CdImage    *self,
                        const char *copyright)
{
  g_return_if_fail (CD_IS_IMAGE (self));
  set_string (self, &self->copyright, copyright, PROP_COPYRIGHT);
}

/**
 * cd_image_is_set:
 * @self: a #CdImage
 *
 * Returns: %TRUE if the article has a lead image, that is the source is not empty
 */
gboolean
cd_image_is_set (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), FALSE);
  return self->source[0] != '\0';
}

/**
 * cd_image_is_empty:
 * @self: a #CdImage
 *
 * Returns: %TRUE if every field of the image is empty, so there is nothing to save
 */
gboolean
cd_image_is_empty (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), TRUE);
  return self->source[0] == '\0' &&
         self->alt[0] == '\0' &&
         self->caption[0] == '\0' &&
         self->credit[0] == '\0' &&
         self->photographer[0] == '\0' &&
         self->copyright[0] == '\0' &&
         self->extra == NULL;
}

/**
 * cd_image_is_remote:
 * @self: a #CdImage
 *
 * Whether the lead image is on the web: its source is a web address as
 * cd_url_is_web_address() decides (http or https in any case, with a host).
 *
 * Returns: %TRUE if the source is a URL rather than a file beside the article
 */
gboolean
cd_image_is_remote (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), FALSE);
  return cd_url_is_web_address (self->source);
}

/**
 * cd_image_clear:
 * @self: a #CdImage
 *
 * Removes the lead image: every field becomes empty.
 */
void
cd_image_clear (CdImage *self)
{
  g_return_if_fail (CD_IS_IMAGE (self));

  g_object_freeze_notify (G_OBJECT (self));
  cd_image_set_source (self, NULL);
  cd_image_set_alt (self, NULL);
  cd_image_set_caption (self, NULL);
  cd_image_set_credit (self, NULL);
  cd_image_set_photographer (self, NULL);
  cd_image_set_copyright (self, NULL);
  cd_image_set_extra (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cd_image_get_extra:
 * @self: a #CdImage
 *
 * Returns: (transfer none) (nullable): members of the image's object in a file that
 *   this version does not know, written back unchanged
 */
JsonObject *
cd_image_get_extra (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), NULL);
  return self->extra;
}

void
cd_image_set_extra (CdImage    *self,
                    JsonObject *extra)
{
  g_return_if_fail (CD_IS_IMAGE (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

/* Paths. The file format's rule is that a lead image on disk is named by a
 * path relative to the article's folder; these helpers decide what a source
 * names and whether it stays inside that folder. They look at text only,
 * never at the disk. */

/**
 * cd_image_source_is_local:
 * @source: an image source
 *
 * Returns: %TRUE if @source names a file on disk: it is not empty and not a
 *   URL with a scheme (https:, file: and any other)
 */
gboolean
cd_image_source_is_local (const char *source)
{
  g_autofree char *scheme = NULL;

  if (source == NULL || source[0] == '\0')
    return FALSE;

  if (g_path_is_absolute (source))
    return TRUE;

  scheme = g_uri_parse_scheme (source);
  return scheme == NULL;
}

/**
 * cd_image_source_stays_inside:
 * @source: a local image source
 *
 * Returns: %TRUE if @source is a relative path that does not climb out of
 *   the folder it starts from: no leading `/`, no `..` component
 */
gboolean
cd_image_source_stays_inside (const char *source)
{
  g_auto(GStrv) parts = NULL;

  if (!cd_image_source_is_local (source) || g_path_is_absolute (source) || source[0] == '~')
    return FALSE;

  parts = g_strsplit_set (source, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (strcmp (parts[i], "..") == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * cd_image_source_resolve:
 * @source: an image source
 * @folder: (nullable): the article's folder
 *
 * Returns: (transfer full) (nullable): the file @source names: an absolute
 *   path as it is, a relative one inside @folder; %NULL for a URL, an empty
 *   source, or a relative path without a folder
 */
GFile *
cd_image_source_resolve (const char *source,
                         GFile      *folder)
{
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  if (!cd_image_source_is_local (source))
    return NULL;

  if (g_path_is_absolute (source))
    return g_file_new_for_path (source);

  if (folder == NULL)
    return NULL;

  return g_file_resolve_relative_path (folder, source);
}

/**
 * cd_image_file_is_inside:
 * @file: a file
 * @folder: a folder
 *
 * Whether @file is in @folder or below it, judged by their paths with `.`
 * and `..` resolved (symbolic links are for the caller to refuse).
 *
 * Returns: %TRUE if @file lies inside @folder
 */
gboolean
cd_image_file_is_inside (GFile *file,
                         GFile *folder)
{
  g_autofree char *file_path = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *canonical_file = NULL;
  g_autofree char *canonical_folder = NULL;
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) b = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  file_path = g_file_get_path (file);
  folder_path = g_file_get_path (folder);
  if (file_path == NULL || folder_path == NULL)
    return FALSE;

  canonical_file = g_canonicalize_filename (file_path, NULL);
  canonical_folder = g_canonicalize_filename (folder_path, NULL);
  a = g_file_new_for_path (canonical_file);
  b = g_file_new_for_path (canonical_folder);

  return g_file_has_prefix (a, b);
}

/**
 * cd_image_source_relative_to:
 * @source: an image source
 * @folder: the article's folder
 *
 * Returns: (transfer full) (nullable): @source as a path relative to
 *   @folder, when it is an absolute path in @folder or below it; %NULL
 *   otherwise (a URL, a relative path, or a file elsewhere)
 */
char *
cd_image_source_relative_to (const char *source,
                             GFile      *folder)
{
  g_autofree char *canonical_source = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *canonical_folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) base = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (!cd_image_source_is_local (source) || !g_path_is_absolute (source))
    return NULL;

  folder_path = g_file_get_path (folder);
  if (folder_path == NULL)
    return NULL;

  canonical_source = g_canonicalize_filename (source, NULL);
  canonical_folder = g_canonicalize_filename (folder_path, NULL);
  file = g_file_new_for_path (canonical_source);
  base = g_file_new_for_path (canonical_folder);

  return g_file_get_relative_path (base, file);
}
