/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include "cd-spell-adapter.h"

G_BEGIN_DECLS

/* Shared by cd-spell-adapter.c (checking and underlines) and
 * cd-spell-adapter-menu.c (the context menu, its actions and F7). */

struct _CdSpellAdapter
{
  GObject          parent_instance;

  GtkTextBuffer   *buffer;
  GtkTextView     *view;           /* weak */
  CdSpellTextKind  kind;
  char            *field;
  CdSpellContext  *context;

  GtkTextTag      *misspelt_tag;
  GtkTextTag      *finding_tag;
  /* Marks the text still to check; it has no looks. */
  GtkTextTag      *unchecked_tag;
  guint            update_source;

  /* Where the fence scan of the Markdown body stopped: the offset of a line
   * start and whether a fenced code block was open there. Reset by edits
   * before it. */
  int              fence_offset;
  char             fence_char;
  guint            fence_length;
  int              fence_opener;
  /* The range being deleted holds a fence line. */
  gboolean         fence_deleted;

  /* A word being typed is not underlined until the cursor leaves it. */
  GtkTextMark     *typing_mark;
  gboolean         typing;

  /* Findings: CdSpellFinding, whose marks follow the text's edits. */
  GPtrArray       *findings;

  /* The context menu's spelling part and the word it is about. */
  GMenu           *menu;
  GtkTextMark     *menu_start;
  GtkTextMark     *menu_end;
  GSimpleActionGroup *actions;
  char            *menu_word;
};

typedef struct
{
  GtkTextMark      *start;
  GtkTextMark      *end;
  CdPreflightIssue *issue;
} CdSpellFinding;

/* cd-spell-adapter.c */
/* The misspelt word around @iter, or FALSE. */
gboolean cd_spell_adapter_misspelt_bounds (CdSpellAdapter    *self,
                                           const GtkTextIter *iter,
                                           GtkTextIter       *start,
                                           GtkTextIter       *end);
/* The finding around @iter, or NULL. */
CdSpellFinding *cd_spell_adapter_finding_at (CdSpellAdapter    *self,
                                             const GtkTextIter *iter,
                                             GtkTextIter       *start,
                                             GtkTextIter       *end);

/* Checks the paragraph at @iter now, the word being typed included. */
void cd_spell_adapter_check_at (CdSpellAdapter    *self,
                                const GtkTextIter *iter);

/* cd-spell-adapter-menu.c */
void cd_spell_adapter_menu_init    (CdSpellAdapter *self);
void cd_spell_adapter_menu_attach  (CdSpellAdapter *self,
                                    GtkTextView    *view);
void cd_spell_adapter_menu_dispose (CdSpellAdapter *self);

G_END_DECLS
