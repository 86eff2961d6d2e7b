/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CdFieldChange: one field of an article that differs between two
 * versions, with the values as people read them. See cd-article-diff.h. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-diff"

#include "cd-article-diff.h"
#include "cd-field.h"

G_DEFINE_ENUM_TYPE (CdFieldChangeKind, cd_field_change_kind,
                    G_DEFINE_ENUM_VALUE (CD_FIELD_CHANGE_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (CD_FIELD_CHANGE_ADDED, "added"),
                    G_DEFINE_ENUM_VALUE (CD_FIELD_CHANGE_REMOVED, "removed"))

struct _CdFieldChange
{
  GObject            parent_instance;
  char              *field_id;
  char              *label;
  char              *old_value;
  char              *new_value;
  CdFieldChangeKind  kind;
  CdWordDiff        *word_diff;
};

G_DEFINE_FINAL_TYPE (CdFieldChange, cd_field_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIELD_ID,
  PROP_LABEL,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_KIND,
  PROP_WORD_DIFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_field_change_finalize (GObject *object)
{
  CdFieldChange *self = CD_FIELD_CHANGE (object);

  g_free (self->field_id);
  g_free (self->label);
  g_free (self->old_value);
  g_free (self->new_value);
  g_clear_pointer (&self->word_diff, cd_word_diff_unref);

  G_OBJECT_CLASS (cd_field_change_parent_class)->finalize (object);
}

static void
cd_field_change_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CdFieldChange *self = CD_FIELD_CHANGE (object);

  switch (prop_id)
    {
    case PROP_FIELD_ID:
      g_value_set_string (value, self->field_id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;
    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_WORD_DIFF:
      g_value_set_boxed (value, self->word_diff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_field_change_class_init (CdFieldChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cd_field_change_finalize;
  object_class->get_property = cd_field_change_get_property;

  properties[PROP_FIELD_ID] = g_param_spec_string ("field-id", NULL, NULL, NULL, ro);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, ro);
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, CD_TYPE_FIELD_CHANGE_KIND,
                                             CD_FIELD_CHANGE_CHANGED, ro);
  properties[PROP_WORD_DIFF] = g_param_spec_boxed ("word-diff", NULL, NULL, CD_TYPE_WORD_DIFF, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_field_change_init (CdFieldChange *self)
{
}

/**
 * cd_field_change_new:
 * @field_id: the field's id, such as "headline" or "authors[1].name"
 * @old_value: (nullable): its old value as people read it; %NULL is empty
 * @new_value: (nullable): its new value; %NULL is empty
 * @prose: whether to compare the two word by word
 *
 * Returns: (transfer full): the change
 */
CdFieldChange *
cd_field_change_new (const char *field_id,
                     const char *old_value,
                     const char *new_value,
                     gboolean    prose)
{
  CdFieldChange *self;

  g_return_val_if_fail (field_id != NULL, NULL);

  self = g_object_new (CD_TYPE_FIELD_CHANGE, NULL);
  self->field_id = g_strdup (field_id);
  self->label = cd_field_dup_label (field_id);
  self->old_value = g_strdup (old_value != NULL ? old_value : "");
  self->new_value = g_strdup (new_value != NULL ? new_value : "");

  if (self->old_value[0] == '\0' && self->new_value[0] != '\0')
    self->kind = CD_FIELD_CHANGE_ADDED;
  else if (self->old_value[0] != '\0' && self->new_value[0] == '\0')
    self->kind = CD_FIELD_CHANGE_REMOVED;
  else
    self->kind = CD_FIELD_CHANGE_CHANGED;

  if (prose)
    self->word_diff = cd_word_diff_new (self->old_value, self->new_value);

  return self;
}

/**
 * cd_field_change_get_field_id:
 * @self: a #CdFieldChange
 *
 * Returns: (transfer none): the id of the field, as in the registry
 *   (cd-field.h), with the author's position for a field of an author
 */
const char *
cd_field_change_get_field_id (CdFieldChange *self)
{
  g_return_val_if_fail (CD_IS_FIELD_CHANGE (self), NULL);

  return self->field_id;
}

/**
 * cd_field_change_get_label:
 * @self: a #CdFieldChange
 *
 * Returns: (transfer none): the field's translated label
 */
const char *
cd_field_change_get_label (CdFieldChange *self)
{
  g_return_val_if_fail (CD_IS_FIELD_CHANGE (self), NULL);

  return self->label;
}

/**
 * cd_field_change_get_old_value:
 * @self: a #CdFieldChange
 *
 * Returns: (transfer none): the old value as people read it; "" when the
 *   field was empty
 */
const char *
cd_field_change_get_old_value (CdFieldChange *self)
{
  g_return_val_if_fail (CD_IS_FIELD_CHANGE (self), NULL);

  return self->old_value;
}

/**
 * cd_field_change_get_new_value:
 * @self: a #CdFieldChange
 *
 * Returns: (transfer none): the new value as people read it; "" when the
 *   field is empty
 */
const char *
cd_field_change_get_new_value (CdFieldChange *self)
{
  g_return_val_if_fail (CD_IS_FIELD_CHANGE (self), NULL);

  return self->new_value;
}

/**
 * cd_field_change_get_kind:
 * @self: a #CdFieldChange
 *
 * Returns: whether the field was filled in, emptied or changed
 */
CdFieldChangeKind
cd_field_change_get_kind (CdFieldChange *self)
{
  g_return_val_if_fail (CD_IS_FIELD_CHANGE (self), CD_FIELD_CHANGE_CHANGED);

  return self->kind;
}

/**
 * cd_field_change_get_word_diff:
 * @self: a #CdFieldChange
 *
 * Returns: (transfer none) (nullable): the word diff of a prose field;
 *   %NULL for the others, whose values are shown whole
 */
CdWordDiff *
cd_field_change_get_word_diff (CdFieldChange *self)
{
  g_return_val_if_fail (CD_IS_FIELD_CHANGE (self), NULL);

  return self->word_diff;
}
