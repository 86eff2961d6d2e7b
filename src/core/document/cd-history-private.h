/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the parts of CdHistory share: its entries and steps, the state of
 * the history, the properties it watches, and the functions that cross
 * files. cd-history.c records and replays the steps, cd-history-text.c
 * computes and applies text differences and cd-history-watch.c keeps the
 * shadows of the watched objects. Only cd-history*.c include this
 * header. */

#pragma once

#include "cd-history.h"

G_BEGIN_DECLS

typedef enum
{
  ENTRY_TEXT,
  ENTRY_VALUE,
  ENTRY_LIST,
} EntryKind;

typedef struct
{
  EntryKind   kind;
  GObject    *target;     /* the article, its image or an author */
  const char *property;   /* interned */

  /* ENTRY_TEXT: at character @offset, @removed was replaced by @inserted.
   * For the slug, whether it was edited by hand before and after. */
  int         offset;
  char       *removed;
  char       *inserted;
  gboolean    old_edited;
  gboolean    new_edited;

  /* ENTRY_VALUE */
  GValue      old_value;
  GValue      new_value;

  /* ENTRY_LIST: at @position, @removed_items were replaced by @added_items;
   * @property is "authors", "tags", "review-comments" or "corrections". */
  guint       position;
  GPtrArray  *removed_items;
  GPtrArray  *added_items;
} Entry;

typedef struct
{
  GPtrArray         *entries;
  CdHistoryStepKind  kind;
  size_t             bytes;
} Step;

/* What the history knows of one watched object. */
typedef struct
{
  GObject    *object;
  gulong      handler;
  GHashTable *shadow;   /* interned property name → GValue */
} Watch;

struct _CdHistory
{
  GObject             parent_instance;

  CdArticle          *article;
  GHashTable         *watches;        /* GObject → Watch */
  GPtrArray          *authors_shadow; /* CdAuthor, in list order */
  GPtrArray          *tags_shadow;    /* CdTag, in list order */
  GPtrArray          *comments_shadow;    /* CdComment, in list order */
  GPtrArray          *corrections_shadow; /* CdCorrection, in list order */
  gulong              authors_handler;
  gulong              tags_handler;
  gulong              comments_handler;
  gulong              corrections_handler;

  GPtrArray          *undo_steps;     /* Step, oldest first */
  GPtrArray          *redo_steps;     /* Step, the next to redo last */
  size_t              bytes;
  guint64             serial;         /* changes recorded */

  CdHistoryFlushFunc  flush_func;
  gpointer            flush_data;

  guint               group_depth;
  guint               seal_source;
  guint               replaying;
  guint               flushing;
  /* The last step takes further changes: a group or this turn of the main
   * loop is still going on. */
  guint               step_open : 1;
  /* The last step may be extended by typing next to it. */
  guint               typing_open : 1;
};

static const char * const article_texts[] = {
  "headline", "standfirst", "slug", "section", "language", "dateline",
  "editor-note", "body",
};
static const char * const article_values[] = {
  "status", "comments", "planned-words", "published", "embargo",
};
static const char * const image_texts[] = {
  "source", "alt", "caption", "credit", "photographer", "copyright",
};
static const char * const author_texts[] = {
  "name", "role", "email", "url",
};

/* cd-history.c */
void cd_history_entry_free (Entry *entry);
void cd_history_record (CdHistory *self,
                        Entry     *entry);

/* cd-history-text.c */
const char *cd_history_safe (const char *text);
void cd_history_diff_text (const char  *before,
                           const char  *after,
                           int         *offset,
                           char       **removed,
                           char       **inserted);
char *cd_history_splice_text (const char *text,
                              int         offset,
                              const char *expected,
                              const char *with);
gboolean cd_history_can_join (Entry *last,
                              Entry *next);
void cd_history_join (Entry *last,
                      Entry *next);

/* cd-history-watch.c */
void cd_history_watch_object (CdHistory          *self,
                              GObject            *object,
                              const char * const *texts,
                              size_t              n_texts,
                              const char * const *values,
                              size_t              n_values);
void cd_history_watch_free (gpointer data);
void cd_history_list_changed_cb (GListModel *list,
                                 guint       position,
                                 guint       removed,
                                 guint       added,
                                 CdHistory  *self);

G_END_DECLS
