/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* check/: reading an article to tell the desk what still blocks it.
 * cd-preflight runs the checks (missing headline, alt text, credit, tags,
 * dates, "TK" placeholders, empty links, limits) with severities and limits
 * taken from house rules (cd-house-rules, a bounded JSON file layered over
 * the default); each issue names its field by the registry's id. cd-stats
 * counts words and characters per field; cd-media-topics is the IPTC Media
 * Topics vocabulary the tags come from. */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"
#include "cd-house-rules.h"

G_BEGIN_DECLS

typedef enum
{
  CD_SEVERITY_WARNING,
  CD_SEVERITY_ERROR,
} CdSeverity;

#define CD_TYPE_SEVERITY (cd_severity_get_type ())
GType cd_severity_get_type (void) G_GNUC_CONST;

#define CD_TYPE_PREFLIGHT_ISSUE (cd_preflight_issue_get_type ())

G_DECLARE_FINAL_TYPE (CdPreflightIssue, cd_preflight_issue, CD, PREFLIGHT_ISSUE, GObject)

CdPreflightIssue *cd_preflight_issue_new          (CdSeverity        severity,
                                                   const char       *rule,
                                                   const char       *field,
                                                   const char       *message) G_GNUC_WARN_UNUSED_RESULT;
CdSeverity        cd_preflight_issue_get_severity (CdPreflightIssue *self);
const char       *cd_preflight_issue_get_rule     (CdPreflightIssue *self);
const char       *cd_preflight_issue_get_field    (CdPreflightIssue *self);
const char       *cd_preflight_issue_get_message  (CdPreflightIssue *self);
void              cd_preflight_issue_set_range    (CdPreflightIssue *self,
                                                   gsize             start,
                                                   gsize             end);
gboolean          cd_preflight_issue_get_range    (CdPreflightIssue *self,
                                                   gsize            *start,
                                                   gsize            *end);

void              cd_preflight_issue_set_replacement (CdPreflightIssue *self,
                                                      const char       *replacement);
const char       *cd_preflight_issue_get_replacement (CdPreflightIssue *self);

GListModel       *cd_preflight_check              (CdArticle        *article,
                                                   CdHouseRules     *rules) G_GNUC_WARN_UNUSED_RESULT;
GListModel       *cd_preflight_check_in_folder    (CdArticle        *article,
                                                   CdHouseRules     *rules,
                                                   GFile            *folder) G_GNUC_WARN_UNUSED_RESULT;
gboolean          cd_preflight_is_ready           (GListModel       *issues);
guint             cd_preflight_count              (GListModel       *issues,
                                                   CdSeverity        severity);

G_END_DECLS
