/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gio/gio.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* The undo history of one article: every field, the authors and tags, the
 * lead image and the body, in the order the changes were made.
 *
 * The history watches the article itself, so it records a change whichever
 * part of the program made it; widgets keep no undo history of their own.
 * Properties: "article" (construct-only), "can-undo", "can-redo" (read-only,
 * notify).
 *
 * Steps. Changes made in one go (in one turn of the main loop, or between
 * cd_history_begin_group () and cd_history_end_group ()) are one step, so
 * "Remove Image" comes back whole with one undo. Typing is grouped by word,
 * as GtkTextView groups it: inserting or deleting characters next to the
 * last ones joins their step until a new word starts; anything else starts a
 * new step.
 *
 * The body reaches the article after a short delay in the window; a flush
 * function set with cd_history_set_flush_func () is called before any other
 * change is recorded, so that text typed just before it is recorded first. */
#define CD_TYPE_HISTORY (cd_history_get_type ())
G_DECLARE_FINAL_TYPE (CdHistory, cd_history, CD, HISTORY, GObject)

/* The kind of step just recorded, for a window that offers an Undo toast
 * after a removal; "step-recorded" carries it. */
typedef enum
{
  CD_HISTORY_STEP_EDIT,
  CD_HISTORY_STEP_TAG_REMOVED,
  CD_HISTORY_STEP_AUTHOR_REMOVED,
  CD_HISTORY_STEP_IMAGE_REMOVED,
} CdHistoryStepKind;

typedef void (*CdHistoryFlushFunc) (gpointer user_data);

CdHistory  *cd_history_new             (CdArticle          *article) G_GNUC_WARN_UNUSED_RESULT;
CdArticle  *cd_history_get_article     (CdHistory          *self);
gboolean    cd_history_get_can_undo    (CdHistory          *self);
gboolean    cd_history_get_can_redo    (CdHistory          *self);
void        cd_history_set_flush_func  (CdHistory          *self,
                                        CdHistoryFlushFunc  func,
                                        gpointer            user_data);
void        cd_history_begin_group     (CdHistory          *self);
void        cd_history_end_group       (CdHistory          *self);
/* Ends the current step: the next change starts a new one. */
void        cd_history_seal            (CdHistory          *self);
/* Undoes the last step. @field: (out) (optional) (transfer full): where the
 * change was made, as a field id ("headline", "image.alt", "authors[2].name",
 * "tags", "body"); @cursor: (out) (optional): the character offset in that
 * field's text to put the cursor at, or -1. Returns FALSE with nothing to undo. */
gboolean    cd_history_undo            (CdHistory          *self,
                                        char              **field,
                                        int                *cursor);
gboolean    cd_history_redo            (CdHistory          *self,
                                        char              **field,
                                        int                *cursor);
/* Forgets every step (after a reload from disk, say). */
void        cd_history_clear           (CdHistory          *self);
/* The number of steps that can be undone, for tests. */
guint       cd_history_get_n_steps     (CdHistory          *self);

G_END_DECLS
