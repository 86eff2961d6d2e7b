/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The shadows CdHistory keeps of what it watches: the article, its lead
 * image and each author are watched for notifications, and the lists of
 * authors and tags for changes; each change is recorded against the
 * shadow, which then takes the new value. */

#include "config.h"

#define G_LOG_DOMAIN "cd-history"

#include <string.h>

#include "cd-history-private.h"
#include "cd-field.h"

/* Shadows */

static Watch *
get_watch (CdHistory *self,
           GObject   *object)
{
  return g_hash_table_lookup (self->watches, object);
}

static void
value_free (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

static GValue *
dup_property (GObject    *object,
              const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  GValue *value = g_new0 (GValue, 1);

  g_value_init (value, pspec->value_type);
  g_object_get_property (object, property, value);
  return value;
}

/* Text that is typed, recorded as the part that changed. The lead image's
 * source is chosen whole, and recorded whole, so that a save that renames
 * the image can rename it in the history too. */
static gboolean
is_text_property (GObject    *object,
                  const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (CD_IS_IMAGE (object) && property == g_intern_static_string ("source"))
    return FALSE;
  return pspec != NULL && pspec->value_type == G_TYPE_STRING;
}

/* A change made by housekeeping (cd_article_begin_housekeeping ()): the
 * value @from became @to without the author. Steps that set @from now set
 * @to, so that undoing them leaves no trace of the old value. */
static void
rename_value (CdHistory    *self,
              GObject      *target,
              const char   *property,
              const GValue *from,
              const GValue *to)
{
  GPtrArray *lists[] = { self->undo_steps, self->redo_steps };

  if (!G_VALUE_HOLDS_STRING (from) || !G_VALUE_HOLDS_STRING (to))
    return;

  for (size_t l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        Step *step = g_ptr_array_index (lists[l], i);

        for (guint j = 0; j < step->entries->len; j++)
          {
            Entry *entry = g_ptr_array_index (step->entries, j);
            GValue *values[] = { &entry->old_value, &entry->new_value };

            if (entry->kind != ENTRY_VALUE || entry->target != target ||
                entry->property != property)
              continue;

            for (size_t v = 0; v < G_N_ELEMENTS (values); v++)
              if (g_strcmp0 (g_value_get_string (values[v]), g_value_get_string (from)) == 0)
                g_value_set_string (values[v], g_value_get_string (to));
          }
      }
}

static void object_notify_cb (GObject    *object,
                              GParamSpec *pspec,
                              CdHistory  *self);

void
cd_history_watch_object (CdHistory          *self,
                         GObject            *object,
                         const char * const *texts,
                         size_t              n_texts,
                         const char * const *values,
                         size_t              n_values)
{
  Watch *watch;

  if (get_watch (self, object) != NULL)
    return;

  watch = g_new0 (Watch, 1);
  watch->object = object;
  watch->shadow = g_hash_table_new_full (NULL, NULL, NULL, value_free);
  for (size_t i = 0; i < n_texts; i++)
    g_hash_table_insert (watch->shadow, (gpointer) g_intern_string (texts[i]),
                         dup_property (object, texts[i]));
  for (size_t i = 0; i < n_values; i++)
    g_hash_table_insert (watch->shadow, (gpointer) g_intern_string (values[i]),
                         dup_property (object, values[i]));
  if (object == G_OBJECT (self->article))
    g_hash_table_insert (watch->shadow, (gpointer) g_intern_static_string ("slug-edited"),
                         dup_property (object, "slug-edited"));
  watch->handler = g_signal_connect (object, "notify", G_CALLBACK (object_notify_cb), self);
  g_hash_table_insert (self->watches, object, watch);
}

void
cd_history_watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_signal_handler (&watch->handler, watch->object);
  g_hash_table_unref (watch->shadow);
  g_free (watch);
}

static void
unwatch_object (CdHistory *self,
                GObject   *object)
{
  g_hash_table_remove (self->watches, object);
}

static void
object_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  CdHistory  *self)
{
  Watch *watch = get_watch (self, object);
  const char *property = g_intern_string (pspec->name);
  gboolean is_slug = FALSE;
  gboolean was_edited = FALSE;
  gboolean edited = FALSE;
  GValue *old;
  g_autofree GValue *now = NULL;
  Entry *entry;

  if (watch == NULL)
    return;

  if (object == G_OBJECT (self->article) && property == g_intern_static_string ("slug-edited"))
    {
      /* Recorded together with the slug. */
      property = g_intern_static_string ("slug");
    }

  old = g_hash_table_lookup (watch->shadow, property);
  if (old == NULL)
    return;

  now = dup_property (object, property);

  if (object == G_OBJECT (self->article) && property == g_intern_static_string ("slug"))
    {
      /* The shadow's keys are interned strings, compared as pointers. */
      GValue *old_edited = g_hash_table_lookup (watch->shadow,
                                                g_intern_static_string ("slug-edited"));

      was_edited = g_value_get_boolean (old_edited);
      edited = cd_article_get_slug_edited (self->article);
      is_slug = TRUE;
      if (strcmp (cd_history_safe (g_value_get_string (old)), cd_history_safe (g_value_get_string (now))) == 0 &&
          was_edited == edited)
        {
          g_value_unset (now);
          return;
        }
      g_value_set_boolean (old_edited, edited);
      /* A slug that follows the headline is the headline's business. */
      if (!was_edited && !edited)
        {
          g_hash_table_insert (watch->shadow, (gpointer) property, g_steal_pointer (&now));
          return;
        }
    }

  if (cd_article_get_housekeeping (self->article))
    {
      rename_value (self, object, property, old, now);
      g_hash_table_insert (watch->shadow, (gpointer) property, g_steal_pointer (&now));
      return;
    }

  if (self->replaying > 0)
    {
      g_hash_table_insert (watch->shadow, (gpointer) property, g_steal_pointer (&now));
      return;
    }

  entry = g_new0 (Entry, 1);
  entry->target = g_object_ref (object);
  entry->property = property;

  if (is_text_property (object, property))
    {
      entry->kind = ENTRY_TEXT;
      cd_history_diff_text (cd_history_safe (g_value_get_string (old)), cd_history_safe (g_value_get_string (now)),
                            &entry->offset, &entry->removed, &entry->inserted);
      entry->old_edited = was_edited;
      entry->new_edited = edited;
      if (entry->removed[0] == '\0' && entry->inserted[0] == '\0' && !is_slug)
        {
          cd_history_entry_free (entry);
          g_hash_table_insert (watch->shadow, (gpointer) property, g_steal_pointer (&now));
          return;
        }
    }
  else
    {
      entry->kind = ENTRY_VALUE;
      g_value_init (&entry->old_value, G_VALUE_TYPE (old));
      g_value_copy (old, &entry->old_value);
      g_value_init (&entry->new_value, G_VALUE_TYPE (now));
      g_value_copy (now, &entry->new_value);
    }

  g_hash_table_insert (watch->shadow, (gpointer) property, g_steal_pointer (&now));
  cd_history_record (self, entry);
}

void
cd_history_list_changed_cb (GListModel *list,
                            guint       position,
                            guint       removed,
                            guint       added,
                            CdHistory  *self)
{
  gboolean is_tags = list == cd_article_get_tags (self->article);
  gboolean is_authors = list == cd_article_get_authors (self->article);
  gboolean is_comments = list == cd_article_get_review_comments (self->article);
  GPtrArray *shadow = is_tags ? self->tags_shadow
                    : is_authors ? self->authors_shadow
                    : is_comments ? self->comments_shadow
                    : self->corrections_shadow;
  g_autoptr(GPtrArray) removed_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) added_items = g_ptr_array_new_with_free_func (g_object_unref);
  Entry *entry;

  for (guint i = 0; i < removed && position + i < shadow->len; i++)
    g_ptr_array_add (removed_items, g_object_ref (g_ptr_array_index (shadow, position + i)));
  g_ptr_array_remove_range (shadow, position, MIN (removed, shadow->len - position));

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (list, position + i);

      g_ptr_array_add (added_items, g_object_ref (item));
      g_ptr_array_insert (shadow, (int) (position + i), item);
    }

  if (is_authors)
    {
      for (guint i = 0; i < removed_items->len; i++)
        {
          GObject *author = g_ptr_array_index (removed_items, i);

          if (!g_ptr_array_find (shadow, author, NULL))
            unwatch_object (self, author);
        }
      for (guint i = 0; i < added_items->len; i++)
        cd_history_watch_object (self, g_ptr_array_index (added_items, i),
                                 author_texts, G_N_ELEMENTS (author_texts), NULL, 0);
    }

  if (self->replaying > 0)
    return;

  entry = g_new0 (Entry, 1);
  entry->kind = ENTRY_LIST;
  entry->target = g_object_ref (G_OBJECT (self->article));
  /* Comments and corrections are values, like tags: replacing one (a
   * resolve, a reply) is a list change too. */
  entry->property = g_intern_static_string (is_tags ? "tags"
                                            : is_authors ? "authors"
                                            : is_comments ? "review-comments"
                                            : "corrections");
  entry->position = position;
  entry->removed_items = g_steal_pointer (&removed_items);
  entry->added_items = g_steal_pointer (&added_items);
  cd_history_record (self, entry);
}
