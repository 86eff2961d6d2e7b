/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-author"

#include "cd-author.h"

/**
 * CdAuthor:
 *
 * A person credited on an article: a name, an optional role (such as
 * "Political editor"), and optional email and web addresses.
 */

struct _CdAuthor
{
  GObject     parent_instance;

  char       *name;
  char       *role;
  char       *email;
  char       *url;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (CdAuthor, cd_author, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_author_finalize (GObject *object)
{
  CdAuthor *self = (CdAuthor *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cd_author_parent_class)->finalize (object);
}

static void
cd_author_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CdAuthor *self = CD_AUTHOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_author_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CdAuthor *self = CD_AUTHOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cd_author_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      cd_author_set_role (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      cd_author_set_email (self, g_value_get_string (value));
      break;

    case PROP_URL:
      cd_author_set_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_author_class_init (CdAuthorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_author_finalize;
  object_class->get_property = cd_author_get_property;
  object_class->set_property = cd_author_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_author_init (CdAuthor *self)
{
  self->name = g_strdup ("");
  self->role = g_strdup ("");
  self->email = g_strdup ("");
  self->url = g_strdup ("");
}

/**
 * cd_author_new:
 * @name: (nullable): the person's name
 *
 * Returns: (transfer full): a new author
 */
CdAuthor *
cd_author_new (const char *name)
{
  return g_object_new (CD_TYPE_AUTHOR, "name", name, NULL);
}

static gboolean
set_string (CdAuthor    *self,
            char       **field,
            const char  *value,
            int          prop)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

const char *
cd_author_get_name (CdAuthor *self)
{
  g_return_val_if_fail (CD_IS_AUTHOR (self), NULL);
  return self->name;
}

void
cd_author_set_name (CdAuthor   *self,
                    const char *name)
{
  g_return_if_fail (CD_IS_AUTHOR (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
cd_author_get_role (CdAuthor *self)
{
  g_return_val_if_fail (CD_IS_AUTHOR (self), NULL);
  return self->role;
}

void
cd_author_set_role (CdAuthor   *self,
                    const char *role)
{
  g_return_if_fail (CD_IS_AUTHOR (self));
  set_string (self, &self->role, role, PROP_ROLE);
}

const char *
cd_author_get_email (CdAuthor *self)
{
  g_return_val_if_fail (CD_IS_AUTHOR (self), NULL);
  return self->email;
}

void
cd_author_set_email (CdAuthor   *self,
                     const char *email)
{
  g_return_if_fail (CD_IS_AUTHOR (self));
  set_string (self, &self->email, email, PROP_EMAIL);
}

const char *
cd_author_get_url (CdAuthor *self)
{
  g_return_val_if_fail (CD_IS_AUTHOR (self), NULL);
  return self->url;
}

void
cd_author_set_url (CdAuthor   *self,
                   const char *url)
{
  g_return_if_fail (CD_IS_AUTHOR (self));
  set_string (self, &self->url, url, PROP_URL);
}

/**
 * cd_author_get_extra:
 * @self: a #CdAuthor
 *
 * Members of the author's object in a file that this version of Copydesk does not
 * know. They are written back unchanged when the article is saved.
 *
 * Returns: (transfer none) (nullable): the unknown members, or %NULL
 */
JsonObject *
cd_author_get_extra (CdAuthor *self)
{
  g_return_val_if_fail (CD_IS_AUTHOR (self), NULL);
  return self->extra;
}

void
cd_author_set_extra (CdAuthor   *self,
                     JsonObject *extra)
{
  g_return_if_fail (CD_IS_AUTHOR (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
