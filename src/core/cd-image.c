/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-image"

#include "cd-image.h"

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
 * Returns: %TRUE if the source is a URL rather than a file beside the article
 */
gboolean
cd_image_is_remote (CdImage *self)
{
  g_return_val_if_fail (CD_IS_IMAGE (self), FALSE);
  return g_str_has_prefix (self->source, "https://") ||
         g_str_has_prefix (self->source, "http://");
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
