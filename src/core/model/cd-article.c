/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-article"

#include "cd-article-private.h"

/* The article type: its properties, its signal, construction and
 * destruction. The accessors of its fields are in cd-article-fields.c,
 * the headline and slug in cd-article-slug.c, authors, byline and tags in
 * cd-article-lists.c, and copying and comparing in cd-article-compare.c. */

/**
 * CdArticle:
 *
 * A news article: its metadata and its Markdown body. This is the object every
 * part of Copydesk agrees on; widgets edit it, and the preview, preflight checks,
 * statistics, exporters and autosave read it and follow its property
 * notifications. A property is notified only when its value really changes.
 *
 * Two properties are derived: #CdArticle:byline from the authors, and
 * #CdArticle:slug from the headline until the slug is edited by hand.
 *
 * #CdArticle::changed is emitted once for every change to the content, including
 * changes inside the authors, the tags and the lead image, so that a window can
 * mark the document unsaved with one handler.
 *
 * #CdArticle:publications holds where the article was published (one
 * #CdPublication per site). Setting a record notifies it and emits
 * #CdArticle::changed, so the document is saved, but it is not an edit of
 * the story: the undo history does not record it.
 */

G_DEFINE_FINAL_TYPE (CdArticle, cd_article, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CdArticleStatus, cd_article_status,
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_IN_REVIEW, "in-review"),
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_PUBLISHED, "published"),
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_KILLED, "killed"))

enum {
  CHANGED,
  N_SIGNALS
};

GParamSpec *cd_article_properties[N_PROPS];
static guint signals[N_SIGNALS];

void
cd_article_emit_changed (CdArticle *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
image_notify_cb (CdImage    *image,
                 GParamSpec *pspec,
                 CdArticle  *self)
{
  cd_article_emit_changed (self);
}

static void
cd_article_dispose (GObject *object)
{
  CdArticle *self = (CdArticle *)object;

  if (self->authors != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CdAuthor) author = g_list_model_get_item (G_LIST_MODEL (self->authors), i);
          g_signal_handlers_disconnect_by_data (author, self);
        }
    }

  if (self->image != NULL)
    g_signal_handlers_disconnect_by_data (self->image, self);

  g_clear_object (&self->authors);
  g_clear_object (&self->tags);
  g_clear_object (&self->review_comments);
  g_clear_object (&self->corrections);
  g_clear_object (&self->publications);
  g_clear_object (&self->image);

  G_OBJECT_CLASS (cd_article_parent_class)->dispose (object);
}

static void
cd_article_finalize (GObject *object)
{
  CdArticle *self = (CdArticle *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->standfirst, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->dateline, g_free);
  g_clear_pointer (&self->editor_note, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->byline, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->embargo, g_date_time_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cd_article_parent_class)->finalize (object);
}

static void
cd_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CdArticle *self = CD_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_HEADLINE:
      g_value_set_string (value, self->headline);
      break;

    case PROP_STANDFIRST:
      g_value_set_string (value, self->standfirst);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    case PROP_DATELINE:
      g_value_set_string (value, self->dateline);
      break;

    case PROP_EDITOR_NOTE:
      g_value_set_string (value, self->editor_note);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_BYLINE:
      g_value_set_string (value, self->byline);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;

    case PROP_EMBARGO:
      g_value_set_boxed (value, self->embargo);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PLANNED_WORDS:
      g_value_set_uint (value, self->planned_words);
      break;

    case PROP_SLUG_EDITED:
      g_value_set_boolean (value, self->slug_edited);
      break;

    case PROP_AUTHORS:
      g_value_set_object (value, self->authors);
      break;

    case PROP_TAGS:
      g_value_set_object (value, self->tags);
      break;

    case PROP_IMAGE:
      g_value_set_object (value, self->image);
      break;

    case PROP_COMMENTS:
      g_value_set_boolean (value, self->comments);
      break;

    case PROP_PUBLICATIONS:
      g_value_set_object (value, self->publications);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CdArticle *self = CD_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cd_article_set_id (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      cd_article_set_language (self, g_value_get_string (value));
      break;

    case PROP_HEADLINE:
      cd_article_set_headline (self, g_value_get_string (value));
      break;

    case PROP_STANDFIRST:
      cd_article_set_standfirst (self, g_value_get_string (value));
      break;

    case PROP_SECTION:
      cd_article_set_section (self, g_value_get_string (value));
      break;

    case PROP_DATELINE:
      cd_article_set_dateline (self, g_value_get_string (value));
      break;

    case PROP_EDITOR_NOTE:
      cd_article_set_editor_note (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      cd_article_set_body (self, g_value_get_string (value));
      break;

    case PROP_SLUG:
      cd_article_set_slug (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      cd_article_set_created (self, g_value_get_boxed (value));
      break;

    case PROP_MODIFIED:
      cd_article_set_modified (self, g_value_get_boxed (value));
      break;

    case PROP_PUBLISHED:
      cd_article_set_published (self, g_value_get_boxed (value));
      break;

    case PROP_EMBARGO:
      cd_article_set_embargo (self, g_value_get_boxed (value));
      break;

    case PROP_STATUS:
      cd_article_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PLANNED_WORDS:
      cd_article_set_planned_words (self, g_value_get_uint (value));
      break;

    case PROP_COMMENTS:
      cd_article_set_comments (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_article_class_init (CdArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  const GParamFlags ro = (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  object_class->dispose = cd_article_dispose;
  object_class->finalize = cd_article_finalize;
  object_class->get_property = cd_article_get_property;
  object_class->set_property = cd_article_set_property;

  cd_article_properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "", rw);
  cd_article_properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "", rw);
  cd_article_properties[PROP_HEADLINE] =
    g_param_spec_string ("headline", NULL, NULL, "", rw);
  cd_article_properties[PROP_STANDFIRST] =
    g_param_spec_string ("standfirst", NULL, NULL, "", rw);
  cd_article_properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "", rw);
  cd_article_properties[PROP_DATELINE] =
    g_param_spec_string ("dateline", NULL, NULL, "", rw);
  cd_article_properties[PROP_EDITOR_NOTE] =
    g_param_spec_string ("editor-note", NULL, NULL, "", rw);
  cd_article_properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, "", rw);
  cd_article_properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, "", rw);
  cd_article_properties[PROP_BYLINE] =
    g_param_spec_string ("byline", NULL, NULL, "", ro);
  cd_article_properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, rw);
  cd_article_properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, rw);
  cd_article_properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL, G_TYPE_DATE_TIME, rw);
  cd_article_properties[PROP_EMBARGO] =
    g_param_spec_boxed ("embargo", NULL, NULL, G_TYPE_DATE_TIME, rw);
  cd_article_properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CD_TYPE_ARTICLE_STATUS, CD_ARTICLE_STATUS_DRAFT, rw);
  cd_article_properties[PROP_PLANNED_WORDS] =
    g_param_spec_uint ("planned-words", NULL, NULL,
                       0, CD_ARTICLE_MAX_PLANNED_WORDS, 0, rw);
  cd_article_properties[PROP_SLUG_EDITED] =
    g_param_spec_boolean ("slug-edited", NULL, NULL, FALSE, ro);
  cd_article_properties[PROP_AUTHORS] =
    g_param_spec_object ("authors", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  cd_article_properties[PROP_TAGS] =
    g_param_spec_object ("tags", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  cd_article_properties[PROP_IMAGE] =
    g_param_spec_object ("image", NULL, NULL, CD_TYPE_IMAGE, ro);
  cd_article_properties[PROP_COMMENTS] =
    g_param_spec_boolean ("comments", NULL, NULL, TRUE, rw);
  /* Not an edit: the undo history does not watch it. */
  cd_article_properties[PROP_PUBLICATIONS] =
    g_param_spec_object ("publications", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, cd_article_properties);

  /**
   * CdArticle::changed:
   * @self: the article
   *
   * Emitted after any change to the article's content.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cd_article_init (CdArticle *self)
{
  self->id = g_strdup ("");
  self->language = g_strdup ("");
  self->headline = g_strdup ("");
  self->standfirst = g_strdup ("");
  self->section = g_strdup ("");
  self->dateline = g_strdup ("");
  self->editor_note = g_strdup ("");
  self->body = g_strdup ("");
  self->slug = g_strdup ("");
  self->byline = g_strdup ("");
  self->status = CD_ARTICLE_STATUS_DRAFT;
  self->comments = TRUE;
  self->authors = g_list_store_new (CD_TYPE_AUTHOR);
  self->tags = g_list_store_new (CD_TYPE_TAG);
  self->publications = g_list_store_new (CD_TYPE_PUBLICATION);
  self->review_comments = g_list_store_new (CD_TYPE_COMMENT);
  self->corrections = g_list_store_new (CD_TYPE_CORRECTION);
  self->image = cd_image_new ();
  g_signal_connect_object (self->image, "notify", G_CALLBACK (image_notify_cb), self, 0);
}

/**
 * cd_article_new_empty:
 *
 * Creates an article with every field empty: no id, no dates, no authors. The
 * file loader starts from this; most callers want cd_article_new().
 *
 * Returns: (transfer full): a new empty article
 */
CdArticle *
cd_article_new_empty (void)
{
  return g_object_new (CD_TYPE_ARTICLE, NULL);
}

static GDateTime *
now_to_the_second (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_add (now, -(g_date_time_get_microsecond (now)));
}

/**
 * cd_article_new:
 *
 * Creates a new draft article with a fresh `urn:uuid:` id and its creation and
 * modification times set to now, in the local time zone.
 *
 * Returns: (transfer full): a new article
 */
CdArticle *
cd_article_new (void)
{
  g_autoptr(CdArticle) self = cd_article_new_empty ();
  g_autoptr(GDateTime) now = now_to_the_second ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("urn:uuid:", uuid, NULL);

  cd_article_set_id (self, id);
  cd_article_set_created (self, now);
  cd_article_set_modified (self, now);

  return g_steal_pointer (&self);
}
