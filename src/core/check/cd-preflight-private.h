/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the parts of the preflight check share: the scan of the body for
 * placeholders and empty links (cd-preflight-body.c) and the language tag
 * rule (cd-preflight-language.c) that the checks of the article
 * (cd-preflight.c) call, and the fields of an issue (cd-preflight-issue.c)
 * that the counting reads. Only cd-preflight*.c include this header. */

#pragma once

#include "cd-preflight.h"

G_BEGIN_DECLS

/* cd-preflight-issue.c */

struct _CdPreflightIssue
{
  GObject     parent_instance;

  CdSeverity  severity;
  char       *rule;
  char       *field;
  char       *message;

  /* Where in the field's text, in bytes; start == G_MAXSIZE when the issue
   * is about the whole field. */
  gsize       start;
  gsize       end;

  /* What the finding's range may be replaced with, or NULL. */
  char       *replacement;
};

/* cd-preflight-body.c */

typedef struct
{
  const char *body;
  size_t      length;
  size_t      last_text_end;

  char       *href;          /* of the link being read, or NULL */

  guint       tk_count;
  size_t      tk_offset;
  guint       empty_link_count;
  size_t      empty_link_offset;
} BodyScan;

G_GNUC_INTERNAL
guint cd_preflight_line_at (const char *text,
                            size_t      offset);
G_GNUC_INTERNAL
void cd_preflight_scan_body (const char *body,
                             BodyScan   *scan);

/* cd-preflight-language.c */
G_GNUC_INTERNAL
gboolean cd_preflight_is_well_formed_language_tag (const char *tag);

/* cd-check-critic.c */
G_GNUC_INTERNAL
GArray *cd_check_comment_spans (const char *text);
G_GNUC_INTERNAL
gboolean cd_check_in_comment (GArray *spans,
                              size_t  start,
                              size_t  end);

G_END_DECLS
