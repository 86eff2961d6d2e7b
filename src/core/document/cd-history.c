/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-history"

#include <string.h>

#include "cd-history-private.h"
#include "cd-history.h"
#include "cd-field.h"

/*
 * How it works. The history keeps a shadow of every value it watches: the
 * article's text and value properties, the lead image's texts, each author's
 * texts, and the two lists. When a notification arrives, the shadow holds the
 * value before the change, so the history records the difference (for text,
 * only the part that changed: a body of 10,000 words costs a few bytes per
 * step) and updates the shadow. Undoing applies the difference backwards
 * through the article's own API, which notifies as any change does; while it
 * replays, the history only updates its shadows.
 *
 * Limits: at most MAX_STEPS steps and about MAX_BYTES of recorded text; the
 * oldest steps go first.
 */

#define MAX_STEPS 2000
#define MAX_BYTES (32 * 1024 * 1024)

G_DEFINE_FINAL_TYPE (CdHistory, cd_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  STEP_RECORDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Entries and steps */

void
cd_history_entry_free (Entry *entry)
{
  g_clear_object (&entry->target);
  g_free (entry->removed);
  g_free (entry->inserted);
  if (G_IS_VALUE (&entry->old_value))
    g_value_unset (&entry->old_value);
  if (G_IS_VALUE (&entry->new_value))
    g_value_unset (&entry->new_value);
  g_clear_pointer (&entry->removed_items, g_ptr_array_unref);
  g_clear_pointer (&entry->added_items, g_ptr_array_unref);
  g_free (entry);
}

static size_t
entry_bytes (Entry *entry)
{
  size_t bytes = sizeof *entry;

  if (entry->removed != NULL)
    bytes += strlen (entry->removed);
  if (entry->inserted != NULL)
    bytes += strlen (entry->inserted);
  return bytes;
}

static Step *
step_new (void)
{
  Step *step = g_new0 (Step, 1);

  step->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_history_entry_free);
  return step;
}

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->entries);
  g_free (step);
}

/* Field ids */

static char *
dup_field (CdHistory *self,
           Entry     *entry)
{
  const char *property = entry->property;

  /* A review comment names its field; the corrections log is no field. */
  if (entry->kind == ENTRY_LIST && property == g_intern_static_string ("review-comments"))
    {
      GPtrArray *items = entry->added_items->len > 0 ? entry->added_items : entry->removed_items;

      return items->len > 0 ? g_strdup (cd_comment_get_field (g_ptr_array_index (items, 0))) : NULL;
    }
  if (entry->kind == ENTRY_LIST && property == g_intern_static_string ("corrections"))
    return NULL;

  if (entry->target == G_OBJECT (self->article))
    {
      /* The registry names the article's own fields: "editor-note" is
       * "editor_note" there. */
      for (guint i = 0; i < cd_field_get_n_fields (); i++)
        {
          const CdField *field = cd_field_get_nth (i);
          const char *field_property = cd_field_get_property (field);

          if (field_property != NULL && strcmp (field_property, property) == 0 &&
              !cd_field_has_flags (field, CD_FIELD_PER_AUTHOR) &&
              (!cd_field_has_flags (field, CD_FIELD_LEAD_IMAGE) ||
               strcmp (cd_field_get_id (field), "image") == 0))
            return g_strdup (cd_field_get_id (field));
        }
      g_return_val_if_reached (g_strdup (property));
    }

  if (entry->target == G_OBJECT (cd_article_get_image (self->article)))
    return g_strconcat ("image.", property, NULL);

  if (CD_IS_AUTHOR (entry->target))
    {
      GListModel *authors = cd_article_get_authors (self->article);
      guint n = g_list_model_get_n_items (authors);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) author = g_list_model_get_item (authors, i);

          if (author == entry->target)
            return g_strdup_printf ("authors[%u].%s", i, property);
        }
      return g_strdup ("authors");
    }

  return NULL;
}

/* Recording */

static void
update_can (CdHistory *self,
            gboolean   could_undo,
            gboolean   could_redo)
{
  if (could_undo != cd_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != cd_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
seal_cb (gpointer user_data)
{
  CdHistory *self = user_data;

  self->seal_source = 0;
  if (self->group_depth == 0)
    self->step_open = FALSE;
  return G_SOURCE_REMOVE;
}

static void
trim (CdHistory *self)
{
  while (self->undo_steps->len > 1 &&
         (self->undo_steps->len > MAX_STEPS || self->bytes > MAX_BYTES))
    {
      Step *oldest = g_ptr_array_index (self->undo_steps, 0);

      self->bytes -= MIN (self->bytes, oldest->bytes);
      g_ptr_array_remove_index (self->undo_steps, 0);
    }
}

static CdHistoryStepKind
kind_of (CdHistory *self,
         Entry     *entry)
{
  if (entry->kind == ENTRY_LIST && entry->removed_items->len > entry->added_items->len &&
      (strcmp (entry->property, "tags") == 0 || strcmp (entry->property, "authors") == 0))
    return strcmp (entry->property, "tags") == 0 ? CD_HISTORY_STEP_TAG_REMOVED
                                                 : CD_HISTORY_STEP_AUTHOR_REMOVED;
  if (entry->kind == ENTRY_VALUE && entry->property == g_intern_static_string ("source") &&
      entry->target == G_OBJECT (cd_article_get_image (self->article)) &&
      g_strcmp0 (g_value_get_string (&entry->old_value), "") != 0 &&
      g_strcmp0 (g_value_get_string (&entry->new_value), "") == 0)
    return CD_HISTORY_STEP_IMAGE_REMOVED;
  return CD_HISTORY_STEP_EDIT;
}

void
cd_history_record (CdHistory *self,
                   Entry     *entry)
{
  gboolean could_undo = cd_history_get_can_undo (self);
  gboolean could_redo = cd_history_get_can_redo (self);
  Step *last = NULL;
  gboolean is_body = entry->target == G_OBJECT (self->article) &&
                     entry->property == g_intern_static_string ("body");
  gboolean new_step = FALSE;
  CdHistoryStepKind kind;

  /* Text typed in the body just before this change is recorded first, as a
   * step of its own. */
  if (!is_body && self->flush_func != NULL && self->flushing == 0)
    {
      guint64 serial = self->serial;

      self->flushing++;
      self->flush_func (self->flush_data);
      self->flushing--;
      if (self->serial != serial && self->group_depth == 0)
        {
          self->step_open = FALSE;
          self->typing_open = FALSE;
        }
    }

  self->serial++;
  if (self->redo_steps->len > 0)
    g_ptr_array_set_size (self->redo_steps, 0);

  if (self->undo_steps->len > 0)
    last = g_ptr_array_index (self->undo_steps, self->undo_steps->len - 1);

  /* Typing next to the last change joins it. */
  if (last != NULL && self->typing_open && last->entries->len == 1 &&
      cd_history_can_join (g_ptr_array_index (last->entries, 0), entry))
    {
      Entry *last_entry = g_ptr_array_index (last->entries, 0);

      self->bytes -= MIN (self->bytes, last->bytes);
      cd_history_join (last_entry, entry);
      last->bytes = entry_bytes (last_entry);
      self->bytes += last->bytes;
      cd_history_entry_free (entry);
      update_can (self, could_undo, could_redo);
      return;
    }

  if (last == NULL || !self->step_open || (self->flushing > 0 && self->group_depth == 0))
    {
      last = step_new ();
      g_ptr_array_add (self->undo_steps, last);
      new_step = TRUE;
    }

  kind = kind_of (self, entry);
  if (kind != CD_HISTORY_STEP_EDIT)
    last->kind = kind;

  last->bytes += entry_bytes (entry);
  self->bytes += entry_bytes (entry);
  g_ptr_array_add (last->entries, entry);
  self->typing_open = last->entries->len == 1 && entry->kind == ENTRY_TEXT;

  if (self->flushing > 0 && self->group_depth == 0)
    {
      /* A flushed body change stays a step of its own. */
      self->step_open = FALSE;
    }
  else
    {
      self->step_open = TRUE;
      if (self->group_depth == 0 && self->seal_source == 0)
        {
          self->seal_source = g_idle_add_full (G_PRIORITY_HIGH, seal_cb, self, NULL);
          g_source_set_name_by_id (self->seal_source, "[copydesk] history seal");
        }
    }

  trim (self);
  update_can (self, could_undo, could_redo);

  if (new_step || kind != CD_HISTORY_STEP_EDIT)
    g_signal_emit (self, signals[STEP_RECORDED], 0, last->kind);
}

/* Replaying */

static void
set_list (CdHistory *self,
          Entry     *entry,
          GPtrArray *from,
          GPtrArray *to)
{
  gboolean is_tags = entry->property == g_intern_static_string ("tags");
  gboolean is_comments = entry->property == g_intern_static_string ("review-comments");
  gboolean is_corrections = entry->property == g_intern_static_string ("corrections");

  for (guint i = 0; i < from->len; i++)
    {
      if (is_tags)
        cd_article_remove_tag (self->article, entry->position);
      else if (is_comments)
        cd_article_remove_review_comment (self->article, entry->position);
      else if (is_corrections)
        cd_article_remove_correction (self->article, entry->position);
      else
        cd_article_remove_author (self->article, entry->position);
    }

  for (guint i = 0; i < to->len; i++)
    {
      if (is_tags)
        cd_article_insert_tag (self->article, entry->position + i, g_ptr_array_index (to, i));
      else if (is_comments)
        cd_article_insert_review_comment (self->article, entry->position + i,
                                          g_ptr_array_index (to, i));
      else if (is_corrections)
        cd_article_insert_correction (self->article, entry->position + i,
                                      g_ptr_array_index (to, i));
      else
        cd_article_insert_author (self->article, entry->position + i, g_ptr_array_index (to, i));
    }
}

/* Applies @entry backwards (@undo) or forwards; returns the cursor offset. */
static int
apply (CdHistory *self,
       Entry     *entry,
       gboolean   undo)
{
  const char *from = undo ? entry->inserted : entry->removed;
  const char *to = undo ? entry->removed : entry->inserted;

  switch (entry->kind)
    {
    case ENTRY_TEXT:
      {
        g_autofree char *current = NULL;
        g_autofree char *changed = NULL;
        gboolean edited = undo ? entry->old_edited : entry->new_edited;

        g_object_get (entry->target, entry->property, &current, NULL);
        changed = cd_history_splice_text (cd_history_safe (current), entry->offset, from, to);
        if (changed == NULL)
          {
            g_warning ("The history of %s no longer matches its text", entry->property);
            return -1;
          }

        if (entry->target == G_OBJECT (self->article) &&
            entry->property == g_intern_static_string ("slug"))
          {
            if (edited)
              cd_article_set_slug (self->article, changed);
            else
              cd_article_reset_slug (self->article);
          }
        else
          g_object_set (entry->target, entry->property, changed, NULL);

        return entry->offset + (int) g_utf8_strlen (to, -1);
      }

    case ENTRY_VALUE:
      g_object_set_property (entry->target, entry->property,
                             undo ? &entry->old_value : &entry->new_value);
      return -1;

    case ENTRY_LIST:
      if (undo)
        set_list (self, entry, entry->added_items, entry->removed_items);
      else
        set_list (self, entry, entry->removed_items, entry->added_items);
      return -1;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
replay (CdHistory  *self,
        gboolean    undo,
        char      **field,
        int        *cursor)
{
  GPtrArray *from = undo ? self->undo_steps : self->redo_steps;
  GPtrArray *to = undo ? self->redo_steps : self->undo_steps;
  gboolean could_undo = cd_history_get_can_undo (self);
  gboolean could_redo = cd_history_get_can_redo (self);
  Step *step;
  Entry *shown = NULL;
  int shown_cursor = -1;

  if (field != NULL)
    *field = NULL;
  if (cursor != NULL)
    *cursor = -1;

  /* Text typed just now is part of the history before it is undone. */
  if (undo && self->flush_func != NULL && self->flushing == 0)
    {
      self->flushing++;
      self->flush_func (self->flush_data);
      self->flushing--;
    }

  if (from->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  if (undo)
    self->bytes -= MIN (self->bytes, step->bytes);
  else
    self->bytes += step->bytes;

  self->replaying++;
  g_object_freeze_notify (G_OBJECT (self->article));
  if (undo)
    {
      for (guint i = step->entries->len; i > 0; i--)
        {
          Entry *entry = g_ptr_array_index (step->entries, i - 1);
          int at = apply (self, entry, TRUE);

          if (shown == NULL)
            {
              shown = entry;
              shown_cursor = at;
            }
        }
    }
  else
    {
      for (guint i = 0; i < step->entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (step->entries, i);
          int at = apply (self, entry, FALSE);

          shown = entry;
          shown_cursor = at;
        }
    }
  g_object_thaw_notify (G_OBJECT (self->article));
  self->replaying--;

  g_ptr_array_add (to, step);
  self->step_open = FALSE;
  self->typing_open = FALSE;

  if (shown != NULL)
    {
      if (field != NULL)
        *field = dup_field (self, shown);
      if (cursor != NULL)
        *cursor = shown_cursor;
    }

  update_can (self, could_undo, could_redo);
  return TRUE;
}

/* GObject */

static void
cd_history_constructed (GObject *object)
{
  CdHistory *self = CD_HISTORY (object);
  GListModel *authors, *tags, *comments, *corrections;

  G_OBJECT_CLASS (cd_history_parent_class)->constructed (object);

  g_assert (self->article != NULL);

  cd_history_watch_object (self, G_OBJECT (self->article),
                           article_texts, G_N_ELEMENTS (article_texts),
                           article_values, G_N_ELEMENTS (article_values));
  cd_history_watch_object (self, G_OBJECT (cd_article_get_image (self->article)),
                           image_texts, G_N_ELEMENTS (image_texts), NULL, 0);

  authors = cd_article_get_authors (self->article);
  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      GObject *author = g_list_model_get_item (authors, i);

      g_ptr_array_add (self->authors_shadow, author);
      cd_history_watch_object (self, author, author_texts, G_N_ELEMENTS (author_texts), NULL, 0);
    }

  tags = cd_article_get_tags (self->article);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    g_ptr_array_add (self->tags_shadow, g_list_model_get_item (tags, i));

  self->authors_handler = g_signal_connect (authors, "items-changed",
                                            G_CALLBACK (cd_history_list_changed_cb), self);
  self->tags_handler = g_signal_connect (tags, "items-changed",
                                         G_CALLBACK (cd_history_list_changed_cb), self);

  comments = cd_article_get_review_comments (self->article);
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    g_ptr_array_add (self->comments_shadow, g_list_model_get_item (comments, i));
  corrections = cd_article_get_corrections (self->article);
  for (guint i = 0; i < g_list_model_get_n_items (corrections); i++)
    g_ptr_array_add (self->corrections_shadow, g_list_model_get_item (corrections, i));
  self->comments_handler = g_signal_connect (comments, "items-changed",
                                             G_CALLBACK (cd_history_list_changed_cb), self);
  self->corrections_handler = g_signal_connect (corrections, "items-changed",
                                                G_CALLBACK (cd_history_list_changed_cb), self);
}

static void
cd_history_dispose (GObject *object)
{
  CdHistory *self = CD_HISTORY (object);

  g_clear_handle_id (&self->seal_source, g_source_remove);
  if (self->article != NULL)
    {
      g_clear_signal_handler (&self->authors_handler, cd_article_get_authors (self->article));
      g_clear_signal_handler (&self->tags_handler, cd_article_get_tags (self->article));
      g_clear_signal_handler (&self->comments_handler,
                              cd_article_get_review_comments (self->article));
      g_clear_signal_handler (&self->corrections_handler,
                              cd_article_get_corrections (self->article));
    }
  if (self->watches != NULL)
    g_hash_table_remove_all (self->watches);
  if (self->undo_steps != NULL)
    g_ptr_array_set_size (self->undo_steps, 0);
  if (self->redo_steps != NULL)
    g_ptr_array_set_size (self->redo_steps, 0);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (cd_history_parent_class)->dispose (object);
}

static void
cd_history_finalize (GObject *object)
{
  CdHistory *self = CD_HISTORY (object);

  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_pointer (&self->authors_shadow, g_ptr_array_unref);
  g_clear_pointer (&self->tags_shadow, g_ptr_array_unref);
  g_clear_pointer (&self->comments_shadow, g_ptr_array_unref);
  g_clear_pointer (&self->corrections_shadow, g_ptr_array_unref);
  g_clear_pointer (&self->undo_steps, g_ptr_array_unref);
  g_clear_pointer (&self->redo_steps, g_ptr_array_unref);

  G_OBJECT_CLASS (cd_history_parent_class)->finalize (object);
}

static void
cd_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CdHistory *self = CD_HISTORY (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cd_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cd_history_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CdHistory *self = CD_HISTORY (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      self->article = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_history_class_init (CdHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cd_history_constructed;
  object_class->dispose = cd_history_dispose;
  object_class->finalize = cd_history_finalize;
  object_class->get_property = cd_history_get_property;
  object_class->set_property = cd_history_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, CD_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdHistory::step-recorded:
   * @kind: a #CdHistoryStepKind
   *
   * A new step was recorded (or a step became a removal).
   */
  signals[STEP_RECORDED] =
    g_signal_new ("step-recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
cd_history_init (CdHistory *self)
{
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, cd_history_watch_free);
  self->authors_shadow = g_ptr_array_new_with_free_func (g_object_unref);
  self->tags_shadow = g_ptr_array_new_with_free_func (g_object_unref);
  self->comments_shadow = g_ptr_array_new_with_free_func (g_object_unref);
  self->corrections_shadow = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/* API */

/**
 * cd_history_new:
 * @article: the article to follow
 *
 * Returns: (transfer full): a history with nothing to undo yet
 */
CdHistory *
cd_history_new (CdArticle *article)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  return g_object_new (CD_TYPE_HISTORY, "article", article, NULL);
}

CdArticle *
cd_history_get_article (CdHistory *self)
{
  g_return_val_if_fail (CD_IS_HISTORY (self), NULL);
  return self->article;
}

gboolean
cd_history_get_can_undo (CdHistory *self)
{
  g_return_val_if_fail (CD_IS_HISTORY (self), FALSE);
  return self->undo_steps->len > 0;
}

gboolean
cd_history_get_can_redo (CdHistory *self)
{
  g_return_val_if_fail (CD_IS_HISTORY (self), FALSE);
  return self->redo_steps->len > 0;
}

guint
cd_history_get_n_steps (CdHistory *self)
{
  g_return_val_if_fail (CD_IS_HISTORY (self), 0);
  return self->undo_steps->len;
}

/**
 * cd_history_set_flush_func:
 * @self: a #CdHistory
 * @func: (nullable) (scope notified): called before a change other than
 *   the body's is recorded, and before an undo
 * @user_data: for @func; must outlive the history or be unset first
 */
void
cd_history_set_flush_func (CdHistory          *self,
                           CdHistoryFlushFunc  func,
                           gpointer            user_data)
{
  g_return_if_fail (CD_IS_HISTORY (self));

  self->flush_func = func;
  self->flush_data = user_data;
}

void
cd_history_begin_group (CdHistory *self)
{
  g_return_if_fail (CD_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    {
      self->step_open = FALSE;
      self->typing_open = FALSE;
      g_clear_handle_id (&self->seal_source, g_source_remove);
      /* The group's first change starts its step; the ones after cd_history_join it. */
    }
}

void
cd_history_end_group (CdHistory *self)
{
  g_return_if_fail (CD_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    {
      self->step_open = FALSE;
      self->typing_open = FALSE;
    }
}

void
cd_history_seal (CdHistory *self)
{
  g_return_if_fail (CD_IS_HISTORY (self));

  g_clear_handle_id (&self->seal_source, g_source_remove);
  if (self->group_depth == 0)
    self->step_open = FALSE;
  self->typing_open = FALSE;
}

gboolean
cd_history_undo (CdHistory  *self,
                 char      **field,
                 int        *cursor)
{
  g_return_val_if_fail (CD_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  return replay (self, TRUE, field, cursor);
}

gboolean
cd_history_redo (CdHistory  *self,
                 char      **field,
                 int        *cursor)
{
  g_return_val_if_fail (CD_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  return replay (self, FALSE, field, cursor);
}

void
cd_history_clear (CdHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (CD_IS_HISTORY (self));

  could_undo = cd_history_get_can_undo (self);
  could_redo = cd_history_get_can_redo (self);
  g_ptr_array_set_size (self->undo_steps, 0);
  g_ptr_array_set_size (self->redo_steps, 0);
  self->bytes = 0;
  cd_history_seal (self);
  update_can (self, could_undo, could_redo);
}
