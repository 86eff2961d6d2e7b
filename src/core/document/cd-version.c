/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-version"

#include <glib/gi18n-lib.h>

#include "cd-version-store-private.h"

/* One listed version: the columns of its row, without the article's bytes,
 * so that a History view of hundreds of versions stays small. */
struct _CdVersion
{
  GObject parent_instance;

  gint64 id;
  char *article_id;
  GDateTime *time;
  CdVersionReason reason;
  char *author;
  CdArticleStatus status;
  char *headline;
  guint words;
  char *path;
  char *sha256;
  gsize size;
};

G_DEFINE_FINAL_TYPE (CdVersion, cd_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_TIME,
  PROP_REASON,
  PROP_AUTHOR,
  PROP_STATUS,
  PROP_HEADLINE,
  PROP_WORDS,
  PROP_PATH,
  PROP_SHA256,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  CdVersionReason reason;
  const char *id;
  const char *label;
} reason_names[] = {
  { CD_VERSION_REASON_SAVE, "save", N_("Saved") },
  { CD_VERSION_REASON_STATUS, "status", N_("Status changed") },
  { CD_VERSION_REASON_PUBLISH, "publish", N_("Published") },
  { CD_VERSION_REASON_EXPORT, "export", N_("Exported") },
  { CD_VERSION_REASON_RESTORE, "restore", N_("Restored") },
};

/**
 * cd_version_reason_to_string:
 * @reason: a #CdVersionReason
 *
 * Returns: the reason as the store writes it ("save", "status", "publish",
 *   "export", "restore")
 */
const char *
cd_version_reason_to_string (CdVersionReason reason)
{
  for (size_t i = 0; i < G_N_ELEMENTS (reason_names); i++)
    {
      if (reason_names[i].reason == reason)
        return reason_names[i].id;
    }

  g_return_val_if_reached ("save");
}

/**
 * cd_version_reason_from_string:
 * @string: a reason as the store writes it
 * @reason: (out): the reason
 *
 * Returns: %TRUE if @string names a reason
 */
gboolean
cd_version_reason_from_string (const char      *string,
                               CdVersionReason *reason)
{
  g_return_val_if_fail (reason != NULL, FALSE);

  for (size_t i = 0; string != NULL && i < G_N_ELEMENTS (reason_names); i++)
    {
      if (g_strcmp0 (reason_names[i].id, string) == 0)
        {
          *reason = reason_names[i].reason;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cd_version_reason_get_label:
 * @reason: a #CdVersionReason
 *
 * Returns: the reason for people, translated ("Saved", "Published" …)
 */
const char *
cd_version_reason_get_label (CdVersionReason reason)
{
  for (size_t i = 0; i < G_N_ELEMENTS (reason_names); i++)
    {
      if (reason_names[i].reason == reason)
        return g_dgettext (GETTEXT_PACKAGE, reason_names[i].label);
    }

  g_return_val_if_reached ("");
}

static void
cd_version_finalize (GObject *object)
{
  CdVersion *self = CD_VERSION (object);

  g_free (self->article_id);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->author);
  g_free (self->headline);
  g_free (self->path);
  g_free (self->sha256);

  G_OBJECT_CLASS (cd_version_parent_class)->finalize (object);
}

static void
cd_version_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CdVersion *self = CD_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ARTICLE_ID:
      g_value_set_string (value, self->article_id);
      break;
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_REASON:
      g_value_set_int (value, self->reason);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_HEADLINE:
      g_value_set_string (value, self->headline);
      break;
    case PROP_WORDS:
      g_value_set_uint (value, self->words);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_version_class_init (CdVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cd_version_finalize;
  object_class->get_property = cd_version_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ARTICLE_ID] = g_param_spec_string ("article-id", NULL, NULL, NULL, flags);
  properties[PROP_TIME] = g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_REASON] = g_param_spec_int ("reason", NULL, NULL, CD_VERSION_REASON_SAVE,
                                              CD_VERSION_REASON_RESTORE, CD_VERSION_REASON_SAVE,
                                              flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, CD_ARTICLE_STATUS_DRAFT,
                                              CD_ARTICLE_STATUS_KILLED, CD_ARTICLE_STATUS_DRAFT,
                                              flags);
  properties[PROP_HEADLINE] = g_param_spec_string ("headline", NULL, NULL, NULL, flags);
  properties[PROP_WORDS] = g_param_spec_uint ("words", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_version_init (CdVersion *self)
{
}

CdVersion *
cd_version_new_internal (gint64           id,
                         const char      *article_id,
                         gint64           time_us,
                         CdVersionReason  reason,
                         const char      *author,
                         CdArticleStatus  status,
                         const char      *headline,
                         guint            words,
                         const char      *path,
                         const char      *sha256,
                         gsize            size)
{
  CdVersion *self = g_object_new (CD_TYPE_VERSION, NULL);
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);

  self->id = id;
  self->article_id = g_strdup (article_id != NULL ? article_id : "");
  self->time = g_date_time_add (epoch, time_us);
  self->reason = reason;
  self->author = g_strdup (author != NULL ? author : "");
  self->status = status;
  self->headline = g_strdup (headline != NULL ? headline : "");
  self->words = words;
  self->path = g_strdup (path != NULL ? path : "");
  self->sha256 = g_strdup (sha256 != NULL ? sha256 : "");
  self->size = size;
  return self;
}

gint64
cd_version_get_id (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), 0);
  return self->id;
}

const char *
cd_version_get_article_id (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), NULL);
  return self->article_id;
}

/**
 * cd_version_get_time:
 * @self: a #CdVersion
 *
 * Returns: (transfer none): when the version was recorded, in UTC
 */
GDateTime *
cd_version_get_time (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), NULL);
  return self->time;
}

CdVersionReason
cd_version_get_reason (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), CD_VERSION_REASON_SAVE);
  return self->reason;
}

const char *
cd_version_get_author (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), NULL);
  return self->author;
}

CdArticleStatus
cd_version_get_status (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), CD_ARTICLE_STATUS_DRAFT);
  return self->status;
}

const char *
cd_version_get_headline (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), NULL);
  return self->headline;
}

guint
cd_version_get_words (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), 0);
  return self->words;
}

const char *
cd_version_get_path (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), NULL);
  return self->path;
}

const char *
cd_version_get_sha256 (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), NULL);
  return self->sha256;
}

gsize
cd_version_get_size (CdVersion *self)
{
  g_return_val_if_fail (CD_IS_VERSION (self), 0);
  return self->size;
}

/* A version made from a row of VERSION_COLUMNS. */
CdVersion *
cd_version_new_from_row (sqlite3_stmt *stmt)
{
  CdVersionReason reason = CD_VERSION_REASON_SAVE;
  CdArticleStatus status = CD_ARTICLE_STATUS_DRAFT;

  /* A value a newer Copydesk wrote shows as the nearest one known. */
  cd_version_reason_from_string ((const char *) sqlite3_column_text (stmt, 3), &reason);
  cd_article_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &status);

  return cd_version_new_internal (sqlite3_column_int64 (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  sqlite3_column_int64 (stmt, 2),
                                  reason,
                                  (const char *) sqlite3_column_text (stmt, 4),
                                  status,
                                  (const char *) sqlite3_column_text (stmt, 6),
                                  (guint) CLAMP (sqlite3_column_int64 (stmt, 7), 0, G_MAXUINT),
                                  (const char *) sqlite3_column_text (stmt, 8),
                                  (const char *) sqlite3_column_text (stmt, 9),
                                  (gsize) MAX (sqlite3_column_int64 (stmt, 10), 0));
}
