/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"
#include "cd-field.h"
#include "cd-word-diff.h"

G_BEGIN_DECLS

/* What changed between two versions of an article, field by field, for
 * reviewing a story: a list model of #CdFieldChange, one per field that
 * differs, in the order of the form (the field registry, cd-field.h), the
 * body last. Each change has the field's id and label and its old and new
 * values as people read them; a prose field (headline, standfirst, alt
 * text, caption, note for the desk, body) also has its word diff. The
 * window's History view binds to the model; `copydesk-cli diff` prints it.
 *
 * Only the fields of the registry are listed. What else the file records
 * (the article's id, its created and modified times, publication records,
 * members Copydesk does not know) is covered by
 * cd_article_diff_get_identical(), which is cd_article_equal(). */

/**
 * CdFieldChangeKind:
 * @CD_FIELD_CHANGE_CHANGED: the field has another value
 * @CD_FIELD_CHANGE_ADDED: the field was empty and has a value now
 * @CD_FIELD_CHANGE_REMOVED: the field had a value and is empty now
 */
typedef enum
{
  CD_FIELD_CHANGE_CHANGED,
  CD_FIELD_CHANGE_ADDED,
  CD_FIELD_CHANGE_REMOVED,
} CdFieldChangeKind;

#define CD_TYPE_FIELD_CHANGE_KIND (cd_field_change_kind_get_type ())
GType cd_field_change_kind_get_type (void) G_GNUC_CONST;

#define CD_TYPE_FIELD_CHANGE (cd_field_change_get_type ())

G_DECLARE_FINAL_TYPE (CdFieldChange, cd_field_change, CD, FIELD_CHANGE, GObject)

CdFieldChange     *cd_field_change_new           (const char     *field_id,
                                                  const char     *old_value,
                                                  const char     *new_value,
                                                  gboolean        prose) G_GNUC_WARN_UNUSED_RESULT;
const char        *cd_field_change_get_field_id  (CdFieldChange  *self);
const char        *cd_field_change_get_label     (CdFieldChange  *self);
const char        *cd_field_change_get_old_value (CdFieldChange  *self);
const char        *cd_field_change_get_new_value (CdFieldChange  *self);
CdFieldChangeKind  cd_field_change_get_kind      (CdFieldChange  *self);
CdWordDiff        *cd_field_change_get_word_diff (CdFieldChange  *self);

#define CD_TYPE_ARTICLE_DIFF (cd_article_diff_get_type ())

G_DECLARE_FINAL_TYPE (CdArticleDiff, cd_article_diff, CD, ARTICLE_DIFF, GObject)

CdArticleDiff     *cd_article_diff_new                   (CdArticle      *old_article,
                                                          CdArticle      *new_article) G_GNUC_WARN_UNUSED_RESULT;
gboolean           cd_article_diff_get_identical         (CdArticleDiff  *self);
CdFieldChange     *cd_article_diff_lookup                (CdArticleDiff  *self,
                                                          const char     *field_id);
guint              cd_article_diff_get_body_words_added   (CdArticleDiff  *self);
guint              cd_article_diff_get_body_words_removed (CdArticleDiff  *self);
char              *cd_article_diff_dup_value              (CdArticle      *article,
                                                          const CdField  *field,
                                                          guint           index) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
