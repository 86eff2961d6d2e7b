/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CdMarkdownEdit:
 * @CD_MARKDOWN_EDIT_BOLD: wrap the selection in `**`, or unwrap it
 * @CD_MARKDOWN_EDIT_ITALIC: wrap the selection in `_`, or unwrap it (`_` or `*`)
 * @CD_MARKDOWN_EDIT_LINK: turn the selection into a link
 * @CD_MARKDOWN_EDIT_HEADING: cycle the lines through `## `, `### ` and none
 * @CD_MARKDOWN_EDIT_QUOTE: add or remove `> ` on the lines
 * @CD_MARKDOWN_EDIT_BULLETED_LIST: add or remove `- ` on the lines
 * @CD_MARKDOWN_EDIT_NUMBERED_LIST: add or remove `1. `, `2. ` … on the lines
 *
 * The formatting actions of the body editor, as edits of the Markdown source.
 */
typedef enum
{
  CD_MARKDOWN_EDIT_BOLD,
  CD_MARKDOWN_EDIT_ITALIC,
  CD_MARKDOWN_EDIT_LINK,
  CD_MARKDOWN_EDIT_HEADING,
  CD_MARKDOWN_EDIT_QUOTE,
  CD_MARKDOWN_EDIT_BULLETED_LIST,
  CD_MARKDOWN_EDIT_NUMBERED_LIST,
} CdMarkdownEdit;

char     *cd_markdown_edit_apply    (CdMarkdownEdit  edit,
                                     const char     *text,
                                     int             selection_start,
                                     int             selection_end,
                                     int            *new_start,
                                     int            *new_end) G_GNUC_WARN_UNUSED_RESULT;
gboolean  cd_markdown_edit_is_block (const char     *markdown);

G_END_DECLS
