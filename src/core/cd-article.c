/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-article"

#include <glib/gi18n-lib.h>

#include "cd-article.h"
#include "cd-language.h"
#include "cd-text.h"

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
 */

struct _CdArticle
{
  GObject          parent_instance;

  char            *id;
  char            *language;
  char            *headline;
  char            *standfirst;
  char            *section;
  char            *dateline;
  char            *editor_note;
  char            *body;
  char            *slug;
  char            *byline;
  GDateTime       *created;
  GDateTime       *modified;
  GDateTime       *published;
  GDateTime       *embargo;
  CdArticleStatus  status;
  guint            planned_words;
  GListStore      *authors;
  GListStore      *tags;
  CdImage         *image;
  JsonObject      *extra;

  guint            slug_edited : 1;
  guint            comments : 1;
  guint            housekeeping;
};

G_DEFINE_FINAL_TYPE (CdArticle, cd_article, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CdArticleStatus, cd_article_status,
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_IN_REVIEW, "in-review"),
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_PUBLISHED, "published"),
  G_DEFINE_ENUM_VALUE (CD_ARTICLE_STATUS_KILLED, "killed"))

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_STATUS,
  PROP_PLANNED_WORDS,
  PROP_LANGUAGE,
  PROP_HEADLINE,
  PROP_STANDFIRST,
  PROP_SLUG,
  PROP_SLUG_EDITED,
  PROP_SECTION,
  PROP_AUTHORS,
  PROP_BYLINE,
  PROP_DATELINE,
  PROP_PUBLISHED,
  PROP_EMBARGO,
  PROP_IMAGE,
  PROP_TAGS,
  PROP_COMMENTS,
  PROP_EDITOR_NOTE,
  PROP_BODY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  CdArticleStatus  status;
  const char      *id;
  const char      *label;
} status_names[] = {
  { CD_ARTICLE_STATUS_DRAFT, "draft", N_("Draft") },
  { CD_ARTICLE_STATUS_IN_REVIEW, "in-review", N_("In review") },
  { CD_ARTICLE_STATUS_APPROVED, "approved", N_("Approved") },
  { CD_ARTICLE_STATUS_PUBLISHED, "published", N_("Published") },
  { CD_ARTICLE_STATUS_KILLED, "killed", N_("Killed") },
};

/**
 * cd_article_status_to_string:
 * @status: a #CdArticleStatus
 *
 * Returns: (transfer none): the status as written in files, such as `in-review`
 */
const char *
cd_article_status_to_string (CdArticleStatus status)
{
  for (size_t i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (status_names[i].status == status)
        return status_names[i].id;
    }

  g_return_val_if_reached ("draft");
}

/**
 * cd_article_status_from_string:
 * @string: a status as written in files
 * @status: (out): the status
 *
 * Returns: %TRUE if @string names a status
 */
gboolean
cd_article_status_from_string (const char      *string,
                               CdArticleStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (size_t i = 0; string != NULL && i < G_N_ELEMENTS (status_names); i++)
    {
      if (strcmp (status_names[i].id, string) == 0)
        {
          *status = status_names[i].status;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cd_article_status_get_label:
 * @status: a #CdArticleStatus
 *
 * Returns: (transfer none): the translated name of the status for people
 */
const char *
cd_article_status_get_label (CdArticleStatus status)
{
  for (size_t i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (status_names[i].status == status)
        return g_dgettext (GETTEXT_PACKAGE, status_names[i].label);
    }

  g_return_val_if_reached ("");
}

static void
emit_changed (CdArticle *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The byline is derived from the authors' names and cached, so that reading it is
 * cheap and its notification fires only when the text really changes. */
static void
update_byline (CdArticle *self)
{
  g_autofree char *byline = cd_article_dup_byline (self);

  if (g_strcmp0 (byline, self->byline) == 0)
    return;

  g_free (self->byline);
  self->byline = g_steal_pointer (&byline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYLINE]);
}

static void
author_notify_cb (CdAuthor   *author,
                  GParamSpec *pspec,
                  CdArticle  *self)
{
  if (g_strcmp0 (pspec->name, "name") == 0)
    update_byline (self);
  emit_changed (self);
}

static void
image_notify_cb (CdImage    *image,
                 GParamSpec *pspec,
                 CdArticle  *self)
{
  emit_changed (self);
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

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "", rw);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "", rw);
  properties[PROP_HEADLINE] =
    g_param_spec_string ("headline", NULL, NULL, "", rw);
  properties[PROP_STANDFIRST] =
    g_param_spec_string ("standfirst", NULL, NULL, "", rw);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "", rw);
  properties[PROP_DATELINE] =
    g_param_spec_string ("dateline", NULL, NULL, "", rw);
  properties[PROP_EDITOR_NOTE] =
    g_param_spec_string ("editor-note", NULL, NULL, "", rw);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, "", rw);
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, "", rw);
  properties[PROP_BYLINE] =
    g_param_spec_string ("byline", NULL, NULL, "", ro);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_EMBARGO] =
    g_param_spec_boxed ("embargo", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CD_TYPE_ARTICLE_STATUS, CD_ARTICLE_STATUS_DRAFT, rw);
  properties[PROP_PLANNED_WORDS] =
    g_param_spec_uint ("planned-words", NULL, NULL,
                       0, CD_ARTICLE_MAX_PLANNED_WORDS, 0, rw);
  properties[PROP_SLUG_EDITED] =
    g_param_spec_boolean ("slug-edited", NULL, NULL, FALSE, ro);
  properties[PROP_AUTHORS] =
    g_param_spec_object ("authors", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_TAGS] =
    g_param_spec_object ("tags", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_IMAGE] =
    g_param_spec_object ("image", NULL, NULL, CD_TYPE_IMAGE, ro);
  properties[PROP_COMMENTS] =
    g_param_spec_boolean ("comments", NULL, NULL, TRUE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);

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

static gboolean
set_string (CdArticle   *self,
            char       **field,
            const char  *value,
            int          prop)
{
  if (value == NULL)
    value = "";

  if (strcmp (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  emit_changed (self);
  return TRUE;
}

/* Two date-times are the same value only if they are the same instant written
 * with the same offset, since the offset is part of what is saved and exported. */
static gboolean
date_time_same (GDateTime *a,
                GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static void
set_date (CdArticle  *self,
          GDateTime **field,
          GDateTime  *value,
          int         prop)
{
  if (date_time_same (*field, value))
    return;

  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (field, g_date_time_unref);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  emit_changed (self);
}

const char *
cd_article_get_id (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->id;
}

void
cd_article_set_id (CdArticle  *self,
                   const char *id)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_string (self, &self->id, id, PROP_ID);
}

const char *
cd_article_get_language (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->language;
}

static void update_byline (CdArticle *self);

void
cd_article_set_language (CdArticle  *self,
                         const char *language)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  /* The byline's words follow the language. */
  if (set_string (self, &self->language, language, PROP_LANGUAGE))
    update_byline (self);
}

const char *
cd_article_get_standfirst (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->standfirst;
}

void
cd_article_set_standfirst (CdArticle  *self,
                           const char *standfirst)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_string (self, &self->standfirst, standfirst, PROP_STANDFIRST);
}

const char *
cd_article_get_section (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->section;
}

void
cd_article_set_section (CdArticle  *self,
                        const char *section)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_string (self, &self->section, section, PROP_SECTION);
}

const char *
cd_article_get_dateline (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->dateline;
}

void
cd_article_set_dateline (CdArticle  *self,
                         const char *dateline)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_string (self, &self->dateline, dateline, PROP_DATELINE);
}

const char *
cd_article_get_editor_note (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->editor_note;
}

void
cd_article_set_editor_note (CdArticle  *self,
                            const char *editor_note)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_string (self, &self->editor_note, editor_note, PROP_EDITOR_NOTE);
}

const char *
cd_article_get_body (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->body;
}

void
cd_article_set_body (CdArticle  *self,
                     const char *body)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_string (self, &self->body, body, PROP_BODY);
}

/**
 * cd_article_get_created:
 * @self: a #CdArticle
 *
 * Returns: (transfer none) (nullable): the date-time, or %NULL when not set
 */
GDateTime *
cd_article_get_created (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->created;
}

void
cd_article_set_created (CdArticle *self,
                        GDateTime *created)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_date (self, &self->created, created, PROP_CREATED);
}

/**
 * cd_article_get_modified:
 * @self: a #CdArticle
 *
 * Returns: (transfer none) (nullable): the date-time, or %NULL when not set
 */
GDateTime *
cd_article_get_modified (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->modified;
}

void
cd_article_set_modified (CdArticle *self,
                         GDateTime *modified)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_date (self, &self->modified, modified, PROP_MODIFIED);
}

/**
 * cd_article_get_published:
 * @self: a #CdArticle
 *
 * Returns: (transfer none) (nullable): the date-time, or %NULL when not set
 */
GDateTime *
cd_article_get_published (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->published;
}

void
cd_article_set_published (CdArticle *self,
                          GDateTime *published)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_date (self, &self->published, published, PROP_PUBLISHED);
}

/**
 * cd_article_get_embargo:
 * @self: a #CdArticle
 *
 * Returns: (transfer none) (nullable): the date-time, or %NULL when not set
 */
GDateTime *
cd_article_get_embargo (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->embargo;
}

void
cd_article_set_embargo (CdArticle *self,
                        GDateTime *embargo)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_date (self, &self->embargo, embargo, PROP_EMBARGO);
}

const char *
cd_article_get_headline (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->headline;
}

static void
store_slug (CdArticle  *self,
            const char *slug)
{
  if (strcmp (self->slug, slug) == 0)
    return;

  g_free (self->slug);
  self->slug = g_strdup (slug);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG]);
}

static void
store_slug_edited (CdArticle *self,
                   gboolean   slug_edited)
{
  if (self->slug_edited == !!slug_edited)
    return;

  self->slug_edited = !!slug_edited;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG_EDITED]);
}

/**
 * cd_article_set_headline:
 * @self: a #CdArticle
 * @headline: (nullable): the main headline, plain text
 *
 * Sets the headline. Until the slug has been edited by hand, the slug follows.
 */
void
cd_article_set_headline (CdArticle  *self,
                         const char *headline)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  if (headline == NULL)
    headline = "";

  if (strcmp (self->headline, headline) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  g_free (self->headline);
  self->headline = g_strdup (headline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADLINE]);

  if (!self->slug_edited)
    {
      g_autofree char *derived = cd_text_slugify (self->headline);
      store_slug (self, derived);
    }

  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self);
}

const char *
cd_article_get_slug (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->slug;
}

/**
 * cd_article_set_slug:
 * @self: a #CdArticle
 * @slug: (nullable): the slug, or %NULL or "" to derive it from the headline again
 *
 * Sets the slug by hand. From then on it no longer follows the headline, unless
 * it is set to exactly what the headline gives or reset with
 * cd_article_reset_slug().
 */
void
cd_article_set_slug (CdArticle  *self,
                     const char *slug)
{
  g_autofree char *derived = NULL;
  g_autofree char *old = NULL;

  g_return_if_fail (CD_IS_ARTICLE (self));

  derived = cd_text_slugify (self->headline);
  if (slug == NULL || slug[0] == '\0')
    slug = derived;

  old = g_strdup (self->slug);

  g_object_freeze_notify (G_OBJECT (self));
  store_slug (self, slug);
  store_slug_edited (self, strcmp (slug, derived) != 0);
  g_object_thaw_notify (G_OBJECT (self));

  if (strcmp (old, self->slug) != 0)
    emit_changed (self);
}

/**
 * cd_article_get_slug_edited:
 * @self: a #CdArticle
 *
 * Returns: %TRUE if the slug was set by hand and no longer follows the headline
 */
gboolean
cd_article_get_slug_edited (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);
  return self->slug_edited;
}

/**
 * cd_article_reset_slug:
 * @self: a #CdArticle
 *
 * Makes the slug follow the headline again.
 */
void
cd_article_reset_slug (CdArticle *self)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  cd_article_set_slug (self, NULL);
}

CdArticleStatus
cd_article_get_status (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), CD_ARTICLE_STATUS_DRAFT);
  return self->status;
}

void
cd_article_set_status (CdArticle       *self,
                       CdArticleStatus  status)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (status <= CD_ARTICLE_STATUS_KILLED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  emit_changed (self);
}

gboolean
cd_article_get_comments (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);
  return self->comments;
}

void
cd_article_set_comments (CdArticle *self,
                         gboolean   comments)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  if (self->comments == !!comments)
    return;

  self->comments = !!comments;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMENTS]);
  emit_changed (self);
}

/**
 * cd_article_get_authors:
 * @self: a #CdArticle
 *
 * The authors in byline order. The list is read-only; change it with
 * cd_article_add_author(), cd_article_insert_author() and
 * cd_article_remove_author(). Each #CdAuthor's own properties may be set directly.
 *
 * Returns: (transfer none): a #GListModel of #CdAuthor
 */
GListModel *
cd_article_get_authors (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->authors);
}

/**
 * cd_article_insert_author:
 * @self: a #CdArticle
 * @position: where to insert; past the end appends
 * @author: the author
 */
void
cd_article_insert_author (CdArticle *self,
                          guint      position,
                          CdAuthor  *author)
{
  guint n;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_AUTHOR (author));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));
  g_list_store_insert (self->authors, MIN (position, n), author);
  g_signal_connect_object (author, "notify", G_CALLBACK (author_notify_cb), self, 0);

  update_byline (self);
  emit_changed (self);
}

/**
 * cd_article_add_authors:
 * @self: a #CdArticle
 * @authors: (element-type CdAuthor): the authors to append, in order
 *
 * Appends several authors at once, with one change and one new byline: a
 * loader adding a thousand authors one by one would build the byline a
 * thousand times.
 */
void
cd_article_add_authors (CdArticle *self,
                        GPtrArray *authors)
{
  guint n;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (authors != NULL);

  if (authors->len == 0)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));
  g_list_store_splice (self->authors, n, 0, authors->pdata, authors->len);
  for (guint i = 0; i < authors->len; i++)
    g_signal_connect_object (g_ptr_array_index (authors, i), "notify",
                             G_CALLBACK (author_notify_cb), self, 0);

  update_byline (self);
  emit_changed (self);
}

void
cd_article_add_author (CdArticle *self,
                       CdAuthor  *author)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  cd_article_insert_author (self, G_MAXUINT, author);
}

void
cd_article_remove_author (CdArticle *self,
                          guint      position)
{
  g_autoptr(CdAuthor) author = NULL;

  g_return_if_fail (CD_IS_ARTICLE (self));

  author = g_list_model_get_item (G_LIST_MODEL (self->authors), position);
  g_return_if_fail (author != NULL);

  g_signal_handlers_disconnect_by_func (author, author_notify_cb, self);
  g_list_store_remove (self->authors, position);

  update_byline (self);
  emit_changed (self);
}

static void
append_byline_text (CdBylinePart  part,
                    const char   *text,
                    guint         index,
                    gpointer      user_data)
{
  g_string_append (user_data, text);
}

/**
 * cd_byline_for_names:
 * @names: (array zero-terminated=1): the authors' names
 * @language: (nullable): the article's BCP 47 language tag
 *
 * Joins names into a byline in the article's language: "By A", "By A and B",
 * "By A, B and C" in English, "Von A und B" in German, "A και B" in Greek.
 * Empty names are skipped. The words come from the one table that the page
 * and every export use (cd_byline_build()), and follow the article's
 * language, not the language of the program showing it: the same article
 * always exports the same bytes.
 *
 * Returns: (transfer full): the byline, or "" when there is no name
 */
char *
cd_byline_for_names (const char * const *names,
                     const char         *language)
{
  GString *byline = g_string_new (NULL);

  cd_byline_build (names, language, append_byline_text, byline);
  return g_string_free (byline, FALSE);
}

/**
 * cd_article_dup_byline:
 * @self: a #CdArticle
 *
 * Returns: (transfer full): the byline derived from the authors' names
 */
char *
cd_article_dup_byline (CdArticle *self)
{
  GListModel *authors;
  guint n;
  g_autofree const char **names = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  authors = G_LIST_MODEL (self->authors);
  n = g_list_model_get_n_items (authors);
  names = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      names[i] = cd_author_get_name (author);
    }

  return cd_byline_for_names (names, self->language);
}

/**
 * cd_article_get_byline:
 * @self: a #CdArticle
 *
 * Returns: (transfer none): the byline derived from the authors, such as
 *   "By A, B and C"; "" when there is no author
 */
const char *
cd_article_get_byline (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->byline;
}

/**
 * cd_article_get_image:
 * @self: a #CdArticle
 *
 * The lead image. It always exists; when its source is empty the article has no
 * lead image. Its fields are edited on the #CdImage directly.
 *
 * Returns: (transfer none): the lead image
 */
CdImage *
cd_article_get_image (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->image;
}

/**
 * cd_article_get_tags:
 * @self: a #CdArticle
 *
 * Returns: (transfer none): a read-only #GListModel of #CdTag
 */
GListModel *
cd_article_get_tags (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->tags);
}

/**
 * cd_article_has_tag:
 * @self: a #CdArticle
 * @name: a tag name
 *
 * Returns: %TRUE if a tag of that name (compared without regard to case) is present
 */
gboolean
cd_article_has_tag (CdArticle  *self,
                    const char *name)
{
  guint n;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  folded = g_utf8_casefold (name, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (G_LIST_MODEL (self->tags), i);
      g_autofree char *other = g_utf8_casefold (cd_tag_get_name (tag), -1);

      if (strcmp (folded, other) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * cd_article_add_tag:
 * @self: a #CdArticle
 * @tag: the tag
 *
 * Appends a tag.
 */
void
cd_article_add_tag (CdArticle *self,
                    CdTag     *tag)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_TAG (tag));

  g_list_store_append (self->tags, tag);
  emit_changed (self);
}

/**
 * cd_article_insert_tag:
 * @self: a #CdArticle
 * @position: where to insert; past the end appends
 * @tag: the tag
 */
void
cd_article_insert_tag (CdArticle *self,
                       guint      position,
                       CdTag     *tag)
{
  guint n;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_TAG (tag));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  g_list_store_insert (self->tags, MIN (position, n), tag);
  emit_changed (self);
}

void
cd_article_remove_tag (CdArticle *self,
                       guint      position)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->tags)));

  g_list_store_remove (self->tags, position);
  emit_changed (self);
}

/**
 * cd_article_begin_housekeeping:
 * @self: a #CdArticle
 *
 * Marks the changes up to cd_article_end_housekeeping() as following the
 * article's file rather than the author: a lead image renamed when a save
 * copied it beside the article, say. They notify as usual, but an undo
 * history does not offer to take them back.
 */
void
cd_article_begin_housekeeping (CdArticle *self)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  self->housekeeping++;
}

void
cd_article_end_housekeeping (CdArticle *self)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (self->housekeeping > 0);
  self->housekeeping--;
}

gboolean
cd_article_get_housekeeping (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);
  return self->housekeeping > 0;
}

/**
 * cd_article_get_extra:
 * @self: a #CdArticle
 *
 * Top-level members of the article's file that this version of Copydesk does not
 * know, kept so that saving does not drop what a newer version wrote.
 *
 * Returns: (transfer none) (nullable): the unknown members, or %NULL
 */
JsonObject *
cd_article_get_extra (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->extra;
}

void
cd_article_set_extra (CdArticle  *self,
                      JsonObject *extra)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

static JsonObject *
copy_extra (JsonObject *extra)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (extra == NULL)
    return NULL;

  node = json_node_init_object (json_node_alloc (), extra);
  copy = json_node_copy (node);
  return json_node_dup_object (copy);
}

/**
 * cd_article_copy:
 * @self: a #CdArticle
 *
 * Makes an independent deep copy, for work in another thread (rendering,
 * exporting, autosave) while the original goes on being edited.
 *
 * Returns: (transfer full): the copy
 */
CdArticle *
cd_article_copy (CdArticle *self)
{
  g_autoptr(CdArticle) copy = NULL;
  g_autoptr(JsonObject) extra = NULL;
  CdImage *image;
  guint n;

  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  copy = cd_article_new_empty ();
  cd_article_set_id (copy, self->id);
  cd_article_set_created (copy, self->created);
  cd_article_set_modified (copy, self->modified);
  cd_article_set_status (copy, self->status);
  cd_article_set_planned_words (copy, self->planned_words);
  cd_article_set_language (copy, self->language);
  cd_article_set_headline (copy, self->headline);
  cd_article_set_standfirst (copy, self->standfirst);
  if (self->slug_edited)
    cd_article_set_slug (copy, self->slug);
  cd_article_set_section (copy, self->section);
  cd_article_set_dateline (copy, self->dateline);
  cd_article_set_published (copy, self->published);
  cd_article_set_embargo (copy, self->embargo);
  cd_article_set_comments (copy, self->comments);
  cd_article_set_editor_note (copy, self->editor_note);
  cd_article_set_body (copy, self->body);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (G_LIST_MODEL (self->authors), i);
      g_autoptr(CdAuthor) author_copy = cd_author_new (cd_author_get_name (author));
      g_autoptr(JsonObject) author_extra = copy_extra (cd_author_get_extra (author));

      cd_author_set_role (author_copy, cd_author_get_role (author));
      cd_author_set_email (author_copy, cd_author_get_email (author));
      cd_author_set_url (author_copy, cd_author_get_url (author));
      cd_author_set_extra (author_copy, author_extra);
      cd_article_add_author (copy, author_copy);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (G_LIST_MODEL (self->tags), i);
      g_autoptr(CdTag) tag_copy = cd_tag_new (cd_tag_get_name (tag),
                                              cd_tag_get_uri (tag),
                                              cd_tag_get_code (tag));
      g_autoptr(JsonObject) tag_extra = copy_extra (cd_tag_get_extra (tag));

      cd_tag_set_extra (tag_copy, tag_extra);
      cd_article_add_tag (copy, tag_copy);
    }

  image = cd_article_get_image (copy);
  cd_image_set_source (image, cd_image_get_source (self->image));
  cd_image_set_alt (image, cd_image_get_alt (self->image));
  cd_image_set_caption (image, cd_image_get_caption (self->image));
  cd_image_set_credit (image, cd_image_get_credit (self->image));
  cd_image_set_photographer (image, cd_image_get_photographer (self->image));
  cd_image_set_copyright (image, cd_image_get_copyright (self->image));
  {
    g_autoptr(JsonObject) image_extra = copy_extra (cd_image_get_extra (self->image));
    cd_image_set_extra (image, image_extra);
  }

  extra = copy_extra (self->extra);
  cd_article_set_extra (copy, extra);

  return g_steal_pointer (&copy);
}

/**
 * cd_article_get_planned_words:
 * @self: a #CdArticle
 *
 * The length the desk asked for, which the status bar compares the word
 * count with.
 *
 * Returns: the planned length in words, or 0 when none was set
 */
guint
cd_article_get_planned_words (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), 0);
  return self->planned_words;
}

/**
 * cd_article_set_planned_words:
 * @self: a #CdArticle
 * @planned_words: the planned length in words, at most
 *   %CD_ARTICLE_MAX_PLANNED_WORDS; 0 for none
 *
 * Sets the planned length. The limit is the one the file format accepts, so
 * that an article always saves to a file that loads again.
 */
void
cd_article_set_planned_words (CdArticle *self,
                              guint      planned_words)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (planned_words <= CD_ARTICLE_MAX_PLANNED_WORDS);

  if (self->planned_words == planned_words)
    return;

  self->planned_words = planned_words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_WORDS]);
  emit_changed (self);
}

/* Equality for cd_article_equal(): what the file records, so the same
 * instant with another offset differs too. */
static gboolean
date_times_equal (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static gboolean
extras_equal (JsonObject *a,
              JsonObject *b)
{
  gboolean a_empty = a == NULL || json_object_get_size (a) == 0;
  gboolean b_empty = b == NULL || json_object_get_size (b) == 0;

  if (a_empty || b_empty)
    return a_empty == b_empty;

  return json_object_equal (a, b);
}

static gboolean
authors_equal (GListModel *a,
               GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) first = g_list_model_get_item (a, i);
      g_autoptr(CdAuthor) second = g_list_model_get_item (b, i);

      if (g_strcmp0 (cd_author_get_name (first), cd_author_get_name (second)) != 0 ||
          g_strcmp0 (cd_author_get_role (first), cd_author_get_role (second)) != 0 ||
          g_strcmp0 (cd_author_get_email (first), cd_author_get_email (second)) != 0 ||
          g_strcmp0 (cd_author_get_url (first), cd_author_get_url (second)) != 0 ||
          !extras_equal (cd_author_get_extra (first), cd_author_get_extra (second)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
tags_equal (GListModel *a,
            GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) first = g_list_model_get_item (a, i);
      g_autoptr(CdTag) second = g_list_model_get_item (b, i);

      if (g_strcmp0 (cd_tag_get_name (first), cd_tag_get_name (second)) != 0 ||
          g_strcmp0 (cd_tag_get_uri (first), cd_tag_get_uri (second)) != 0 ||
          g_strcmp0 (cd_tag_get_code (first), cd_tag_get_code (second)) != 0 ||
          !extras_equal (cd_tag_get_extra (first), cd_tag_get_extra (second)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
images_equal (CdImage *a,
              CdImage *b)
{
  return g_strcmp0 (cd_image_get_source (a), cd_image_get_source (b)) == 0 &&
         g_strcmp0 (cd_image_get_alt (a), cd_image_get_alt (b)) == 0 &&
         g_strcmp0 (cd_image_get_caption (a), cd_image_get_caption (b)) == 0 &&
         g_strcmp0 (cd_image_get_credit (a), cd_image_get_credit (b)) == 0 &&
         g_strcmp0 (cd_image_get_photographer (a), cd_image_get_photographer (b)) == 0 &&
         g_strcmp0 (cd_image_get_copyright (a), cd_image_get_copyright (b)) == 0 &&
         extras_equal (cd_image_get_extra (a), cd_image_get_extra (b));
}

/**
 * cd_article_equal:
 * @self: a #CdArticle
 * @other: another #CdArticle
 *
 * Compares two articles field by field: everything the file format records,
 * including the keys this version does not know. The derived byline is left
 * out, since it follows from the authors. It is cheap enough to run after
 * every edit (the body is one string comparison), which is what a document
 * needs to tell whether it still matches its last save.
 *
 * Returns: %TRUE when the two would be saved alike
 */
gboolean
cd_article_equal (CdArticle *self,
                  CdArticle *other)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (other), FALSE);

  if (self == other)
    return TRUE;

  return self->status == other->status &&
         self->planned_words == other->planned_words &&
         self->comments == other->comments &&
         self->slug_edited == other->slug_edited &&
         g_strcmp0 (self->body, other->body) == 0 &&
         g_strcmp0 (self->headline, other->headline) == 0 &&
         g_strcmp0 (self->standfirst, other->standfirst) == 0 &&
         g_strcmp0 (self->id, other->id) == 0 &&
         g_strcmp0 (self->language, other->language) == 0 &&
         g_strcmp0 (self->section, other->section) == 0 &&
         g_strcmp0 (self->dateline, other->dateline) == 0 &&
         g_strcmp0 (self->editor_note, other->editor_note) == 0 &&
         g_strcmp0 (self->slug, other->slug) == 0 &&
         date_times_equal (self->created, other->created) &&
         date_times_equal (self->modified, other->modified) &&
         date_times_equal (self->published, other->published) &&
         date_times_equal (self->embargo, other->embargo) &&
         authors_equal (G_LIST_MODEL (self->authors), G_LIST_MODEL (other->authors)) &&
         tags_equal (G_LIST_MODEL (self->tags), G_LIST_MODEL (other->tags)) &&
         images_equal (self->image, other->image) &&
         extras_equal (self->extra, other->extra);
}
