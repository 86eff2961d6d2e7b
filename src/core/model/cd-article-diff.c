/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CdArticleDiff: two versions of an article compared field by field, in
 * the order of the field registry. See cd-article-diff.h. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-diff"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-diff.h"
#include "cd-field.h"

struct _CdArticleDiff
{
  GObject    parent_instance;
  GPtrArray *changes;
  gboolean   identical;
  guint      body_words_added;
  guint      body_words_removed;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdArticleDiff, cd_article_diff, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_IDENTICAL,
  PROP_BODY_WORDS_ADDED,
  PROP_BODY_WORDS_REMOVED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return CD_TYPE_FIELD_CHANGE;
}

static guint
get_n_items (GListModel *model)
{
  return CD_ARTICLE_DIFF (model)->changes->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CdArticleDiff *self = CD_ARTICLE_DIFF (model);

  if (position >= self->changes->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->changes, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
cd_article_diff_finalize (GObject *object)
{
  CdArticleDiff *self = CD_ARTICLE_DIFF (object);

  g_ptr_array_unref (self->changes);

  G_OBJECT_CLASS (cd_article_diff_parent_class)->finalize (object);
}

static void
cd_article_diff_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CdArticleDiff *self = CD_ARTICLE_DIFF (object);

  switch (prop_id)
    {
    case PROP_IDENTICAL:
      g_value_set_boolean (value, self->identical);
      break;
    case PROP_BODY_WORDS_ADDED:
      g_value_set_uint (value, self->body_words_added);
      break;
    case PROP_BODY_WORDS_REMOVED:
      g_value_set_uint (value, self->body_words_removed);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->changes->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_article_diff_class_init (CdArticleDiffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cd_article_diff_finalize;
  object_class->get_property = cd_article_diff_get_property;

  properties[PROP_IDENTICAL] = g_param_spec_boolean ("identical", NULL, NULL, TRUE, ro);
  properties[PROP_BODY_WORDS_ADDED] = g_param_spec_uint ("body-words-added", NULL, NULL,
                                                         0, G_MAXUINT, 0, ro);
  properties[PROP_BODY_WORDS_REMOVED] = g_param_spec_uint ("body-words-removed", NULL, NULL,
                                                           0, G_MAXUINT, 0, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_article_diff_init (CdArticleDiff *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Values as people read them */

static char *
join_tag_names (GListModel *list)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (list, i);
      const char *name = cd_tag_get_name (tag);

      if (i > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, name != NULL ? name : "");
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* The value of @field in @article as a string, or %NULL for the fields
 * that stand for a whole (the lead image, an author), whose parts are
 * compared instead. */
static char *
display_value (const CdField *field,
               CdArticle     *article,
               guint          index)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *id = cd_field_get_id (field);
  GType type;

  if (cd_field_has_flags (field, CD_FIELD_PER_AUTHOR) && cd_field_get_property (field) == NULL)
    return NULL;
  if (strcmp (id, "image") == 0)
    return NULL;

  /* An author the other version does not have: its fields are empty. */
  if (!cd_field_get_value (field, article, index, &value))
    return g_strdup ("");

  type = G_VALUE_TYPE (&value);
  if (type == G_TYPE_STRING)
    return g_strdup (g_value_get_string (&value) != NULL ? g_value_get_string (&value) : "");

  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *date = g_value_get_boxed (&value);

      /* Exact, with its offset: two times that differ show differently. */
      return date != NULL ? g_date_time_format_iso8601 (date) : g_strdup ("");
    }

  if (type == G_TYPE_BOOLEAN)
    /* Translators: whether readers may comment on the article. */
    return g_strdup (g_value_get_boolean (&value) ? _("Allowed") : _("Not allowed"));

  if (type == G_TYPE_UINT)
    return g_value_get_uint (&value) == 0 ? g_strdup ("") : g_strdup_printf ("%u", g_value_get_uint (&value));

  if (type == CD_TYPE_ARTICLE_STATUS)
    return g_strdup (cd_article_status_get_label ((CdArticleStatus) g_value_get_enum (&value)));

  if (strcmp (id, "authors") == 0)
    return g_strdup (cd_article_get_byline (article));

  if (strcmp (id, "tags") == 0)
    return join_tag_names (G_LIST_MODEL (g_value_get_object (&value)));

  g_return_val_if_reached (NULL);
}

/**
 * cd_article_diff_dup_value:
 * @article: a #CdArticle
 * @field: a field of the registry
 * @index: the author's position for a field there is one of per author,
 *   else %CD_FIELD_NO_INDEX
 *
 * Gets the value of @field in @article as the diff shows it: text as it
 * is, a date in ISO 8601 with its offset, the status by its name, the
 * byline for "authors", the tags' names for "tags". For the fields that
 * stand for a whole (the lead image "image" and an author "authors[]")
 * there is none: their parts are compared instead.
 *
 * Returns: (transfer full) (nullable): the value, "" for an empty field or
 *   an author @article does not have, %NULL for a whole
 */
char *
cd_article_diff_dup_value (CdArticle     *article,
                           const CdField *field,
                           guint          index)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail ((index != CD_FIELD_NO_INDEX) ==
                        cd_field_has_flags (field, CD_FIELD_PER_AUTHOR), NULL);

  return display_value (field, article, index);
}

static void
compare_field (CdArticleDiff *self,
               const CdField *field,
               guint          index,
               CdArticle     *old_article,
               CdArticle     *new_article)
{
  g_autofree char *old_value = display_value (field, old_article, index);
  g_autofree char *new_value = display_value (field, new_article, index);
  g_autofree char *id = NULL;
  CdFieldChange *change;

  if (old_value == NULL || new_value == NULL || strcmp (old_value, new_value) == 0)
    return;

  if (index == CD_FIELD_NO_INDEX)
    id = g_strdup (cd_field_get_id (field));
  else
    id = cd_field_id_format (cd_field_get_id (field), index);

  change = cd_field_change_new (id, old_value, new_value,
                                cd_field_has_flags (field, CD_FIELD_PROSE));
  g_ptr_array_add (self->changes, change);

  if (strcmp (id, "body") == 0)
    {
      CdWordDiff *diff = cd_field_change_get_word_diff (change);

      self->body_words_added = cd_word_diff_get_words_added (diff);
      self->body_words_removed = cd_word_diff_get_words_removed (diff);
    }
}

/**
 * cd_article_diff_new:
 * @old_article: the earlier version
 * @new_article: the later version
 *
 * Compares two versions of an article field by field. Neither article is
 * kept: the result holds strings only, so it can be built in a thread on
 * copies (cd_article_copy()) while the window goes on editing.
 *
 * Returns: (transfer full): the changes
 */
CdArticleDiff *
cd_article_diff_new (CdArticle *old_article,
                     CdArticle *new_article)
{
  g_autoptr(CdArticleDiff) self = NULL;
  guint n_fields = cd_field_get_n_fields ();

  g_return_val_if_fail (CD_IS_ARTICLE (old_article), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (new_article), NULL);

  self = g_object_new (CD_TYPE_ARTICLE_DIFF, NULL);
  self->identical = cd_article_equal (old_article, new_article);
  if (self->identical)
    return g_steal_pointer (&self);

  for (guint i = 0; i < n_fields; i++)
    {
      const CdField *field = cd_field_get_nth (i);

      if (!cd_field_has_flags (field, CD_FIELD_PER_AUTHOR))
        {
          compare_field (self, field, CD_FIELD_NO_INDEX, old_article, new_article);
          continue;
        }

      /* The fields of each author together, author by author, when the
       * first of them comes up in the registry. */
      if (i > 0 && cd_field_has_flags (cd_field_get_nth (i - 1), CD_FIELD_PER_AUTHOR))
        continue;

      {
        guint n_authors = MAX (g_list_model_get_n_items (cd_article_get_authors (old_article)),
                               g_list_model_get_n_items (cd_article_get_authors (new_article)));

        for (guint index = 0; index < n_authors; index++)
          {
            for (guint j = i; j < n_fields && cd_field_has_flags (cd_field_get_nth (j), CD_FIELD_PER_AUTHOR); j++)
              compare_field (self, cd_field_get_nth (j), index, old_article, new_article);
          }
      }
    }

  return g_steal_pointer (&self);
}

/**
 * cd_article_diff_get_identical:
 * @self: a #CdArticleDiff
 *
 * Returns: %TRUE if the two versions would be saved alike
 *   (cd_article_equal()); an article can differ in what is not listed (its
 *   publication records, its times) with no change in the list
 */
gboolean
cd_article_diff_get_identical (CdArticleDiff *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE_DIFF (self), FALSE);

  return self->identical;
}

/**
 * cd_article_diff_lookup:
 * @self: a #CdArticleDiff
 * @field_id: a field id, such as "body" or "authors[0].name"
 *
 * Returns: (transfer none) (nullable): the change of that field, or %NULL
 *   if it did not change
 */
CdFieldChange *
cd_article_diff_lookup (CdArticleDiff *self,
                        const char    *field_id)
{
  g_return_val_if_fail (CD_IS_ARTICLE_DIFF (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      CdFieldChange *change = g_ptr_array_index (self->changes, i);

      if (strcmp (cd_field_change_get_field_id (change), field_id) == 0)
        return change;
    }

  return NULL;
}

/**
 * cd_article_diff_get_body_words_added:
 * @self: a #CdArticleDiff
 *
 * Returns: the number of words added to the body
 */
guint
cd_article_diff_get_body_words_added (CdArticleDiff *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE_DIFF (self), 0);

  return self->body_words_added;
}

/**
 * cd_article_diff_get_body_words_removed:
 * @self: a #CdArticleDiff
 *
 * Returns: the number of words removed from the body
 */
guint
cd_article_diff_get_body_words_removed (CdArticleDiff *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE_DIFF (self), 0);

  return self->body_words_removed;
}
