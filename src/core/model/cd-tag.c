/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-tag"

#include "cd-tag.h"

/**
 * CdTag:
 *
 * A subject tag: a name as readers see it and, for tags from a controlled
 * vocabulary such as IPTC Media Topics, the concept's URI and code
 * (e.g. `medtop:20000763`). Tags are immutable values.
 */

struct _CdTag
{
  GObject     parent_instance;

  char       *name;
  char       *uri;
  char       *code;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (CdTag, cd_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_URI,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_tag_finalize (GObject *object)
{
  CdTag *self = (CdTag *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cd_tag_parent_class)->finalize (object);
}

static void
cd_tag_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  CdTag *self = CD_TAG (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_tag_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  CdTag *self = CD_TAG (object);
  const char *str = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_strdup (str ? str : "");
      break;

    case PROP_URI:
      g_free (self->uri);
      self->uri = g_strdup (str ? str : "");
      break;

    case PROP_CODE:
      g_free (self->code);
      self->code = g_strdup (str ? str : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_tag_class_init (CdTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_tag_finalize;
  object_class->get_property = cd_tag_get_property;
  object_class->set_property = cd_tag_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_tag_init (CdTag *self)
{
}

/**
 * cd_tag_new:
 * @name: the tag as readers see it
 * @uri: (nullable): the vocabulary concept's URI
 * @code: (nullable): the vocabulary code, such as `medtop:20000763`
 *
 * Returns: (transfer full): a new tag
 */
CdTag *
cd_tag_new (const char *name,
            const char *uri,
            const char *code)
{
  return g_object_new (CD_TYPE_TAG,
                       "name", name,
                       "uri", uri,
                       "code", code,
                       NULL);
}

const char *
cd_tag_get_name (CdTag *self)
{
  g_return_val_if_fail (CD_IS_TAG (self), NULL);
  return self->name;
}

const char *
cd_tag_get_uri (CdTag *self)
{
  g_return_val_if_fail (CD_IS_TAG (self), NULL);
  return self->uri;
}

const char *
cd_tag_get_code (CdTag *self)
{
  g_return_val_if_fail (CD_IS_TAG (self), NULL);
  return self->code;
}

/**
 * cd_tag_is_media_topic:
 * @self: a #CdTag
 *
 * Returns: %TRUE if the tag is an IPTC Media Topic (its code starts with `medtop:`)
 */
gboolean
cd_tag_is_media_topic (CdTag *self)
{
  g_return_val_if_fail (CD_IS_TAG (self), FALSE);
  return g_str_has_prefix (self->code, "medtop:") && self->code[7] != '\0';
}

/**
 * cd_tag_get_extra:
 * @self: a #CdTag
 *
 * Returns: (transfer none) (nullable): members of the tag's object in a file that
 *   this version does not know, written back unchanged
 */
JsonObject *
cd_tag_get_extra (CdTag *self)
{
  g_return_val_if_fail (CD_IS_TAG (self), NULL);
  return self->extra;
}

void
cd_tag_set_extra (CdTag      *self,
                  JsonObject *extra)
{
  g_return_if_fail (CD_IS_TAG (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
