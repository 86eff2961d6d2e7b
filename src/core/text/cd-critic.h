/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Suggested edits and review comments in the Markdown body, as CriticMarkup
 * (https://criticmarkup.com): {++inserted++}, {--deleted--},
 * {~~old~>new~~}, {==highlighted==} and {>>comment<<}. They never leave the
 * file: every exporter and the page use cd_critic_reader_view(), the text as
 * it would be published now.
 *
 * Attribution: a comment that follows a change or a highlight immediately
 * (no space between) and starts with "@" carries who made it and when:
 *
 *   {++new words++}{>>@Eddie Editor 2026-12-08T10:15Z<<}
 *   {==this figure==}{>>@Eddie Editor 2026-12-08T10:15Z: Is it 2025's?<<}
 *
 * The author runs from "@" to the first word that is an ISO 8601 date and
 * time; what follows a ": " after it is a note. Without a time, the author
 * runs to the first ": " or the end. This stays readable in plain text and
 * in line diffs, and needs no table elsewhere in the file. Parsing is
 * lenient (spaces, seconds, offsets); cd_critic_attribution() writes the
 * canonical form. A comment that does not start with "@" is a comment of
 * its own (after a highlight: the highlight's comment).
 *
 * Markup that opens inside a code span or code block is literal text, and
 * so is markup that is never closed; what is code is decided by the same
 * Markdown parser, with the same options, that renders the body. Markup
 * that opens outside code ends at its first closer, even when that closer
 * is in code. CriticMarkup does not nest. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CdCriticKind:
 * @CD_CRITIC_INSERTION: `{++new++}`
 * @CD_CRITIC_DELETION: `{--old--}`
 * @CD_CRITIC_SUBSTITUTION: `{~~old~>new~~}`
 * @CD_CRITIC_HIGHLIGHT: `{==text==}`, usually with a comment
 * @CD_CRITIC_COMMENT: `{>>text<<}` on its own
 *
 * What one piece of CriticMarkup is.
 */
typedef enum
{
  CD_CRITIC_INSERTION,
  CD_CRITIC_DELETION,
  CD_CRITIC_SUBSTITUTION,
  CD_CRITIC_HIGHLIGHT,
  CD_CRITIC_COMMENT,
} CdCriticKind;

/**
 * CdCriticMark:
 * @kind: what it is
 * @index: its position among the body's marks, from 0
 * @start: the byte offset of its first `{`
 * @end: the byte offset after its last `}`, the attribution included
 * @old_text: (nullable): the text as published now: deleted, replaced or
 *   highlighted text; %NULL for insertions and comments
 * @new_text: (nullable): the suggested text: inserted or replacing text;
 *   %NULL for deletions, highlights and comments
 * @comment: (nullable): a comment's text, a highlight's comment, or the
 *   note of an attribution
 * @author: (nullable): who made it, from the attribution
 * @time: (nullable): when, from the attribution
 *
 * One piece of CriticMarkup found by cd_critic_parse().
 */
typedef struct
{
  CdCriticKind  kind;
  guint         index;
  size_t        start;
  size_t        end;
  char         *old_text;
  char         *new_text;
  char         *comment;
  char         *author;
  GDateTime    *time;
} CdCriticMark;

GPtrArray *cd_critic_parse               (const char   *body) G_GNUC_WARN_UNUSED_RESULT;
gboolean   cd_critic_is_suggestion       (const CdCriticMark *mark);
guint      cd_critic_count_suggestions   (const char   *body);
guint      cd_critic_count_comments      (const char   *body);
gboolean   cd_critic_has_markup          (const char   *body);

char      *cd_critic_accept              (const char   *body,
                                          guint         index) G_GNUC_WARN_UNUSED_RESULT;
char      *cd_critic_reject              (const char   *body,
                                          guint         index) G_GNUC_WARN_UNUSED_RESULT;
char      *cd_critic_accept_all          (const char   *body) G_GNUC_WARN_UNUSED_RESULT;
char      *cd_critic_reject_all          (const char   *body) G_GNUC_WARN_UNUSED_RESULT;
char      *cd_critic_reader_view         (const char   *body) G_GNUC_WARN_UNUSED_RESULT;

char      *cd_critic_render_marked_up    (const char   *body) G_GNUC_WARN_UNUSED_RESULT;

char      *cd_critic_attribution         (const char   *author,
                                          GDateTime    *time,
                                          const char   *note) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
