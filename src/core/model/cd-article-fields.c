/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The article's plain fields: its texts (id, language, standfirst, section,
 * dateline, editor's note, body), its dates, its status, whether comments
 * are open, its planned length, the members of its file that Copydesk does
 * not know, and housekeeping. Each setter stores the new value and notifies
 * its property and #CdArticle::changed only when the value really changes. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-private.h"
#include "cd-time-zones.h"

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
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[prop]);
  cd_article_emit_changed (self);
  return TRUE;
}

/* Two date-times are the same value only if they are the same instant written
 * with the same offset, since the offset is part of what is saved and exported,
 * and in the same named zone, which is saved beside a chosen time. */
static gboolean
date_time_same (GDateTime *a,
                GDateTime *b)
{
  return cd_date_time_same_choice (a, b);
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
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[prop]);
  cd_article_emit_changed (self);
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

void
cd_article_set_language (CdArticle  *self,
                         const char *language)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  /* The byline's words follow the language. */
  if (set_string (self, &self->language, language, PROP_LANGUAGE))
    cd_article_update_byline (self);
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
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[PROP_STATUS]);
  cd_article_emit_changed (self);
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
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[PROP_COMMENTS]);
  cd_article_emit_changed (self);
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
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[PROP_PLANNED_WORDS]);
  cd_article_emit_changed (self);
}
