/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the files of copydesk-cli share: the exit codes, the command table's
 * type, the helpers in copydesk-cli.c (usage errors, option contexts,
 * loading) and the commands, one file per group: copydesk-cli-check.c
 * (validate, stats), copydesk-cli-article.c (new, format) and
 * copydesk-cli-convert.c (export, render, import), copydesk-cli-publish.c
 * (site, publish), copydesk-cli-diff.c (diff). */

#pragma once

#include "copydesk-core.h"
#include "cd-exporter.h"
#include "cd-import-ninjs.h"

G_BEGIN_DECLS

/* Exit codes, as documented in --help: pipelines depend on them. */
enum {
  EXIT_READY = 0,
  EXIT_HAS_ERRORS = 1,
  EXIT_USAGE = 2,
  /* publish: the post was changed on the site; nothing was sent. */
  EXIT_CONFLICT = 3,
};

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

/* copydesk-cli.c */
const Command  *cd_cli_find_command    (const char      *name);
/* Reports bad usage; @context is the command's options, to point at --help. */
int             cd_cli_usage_error     (GOptionContext  *context,
                                        const char      *message);
int             cd_cli_unreadable      (const char      *message);
GOptionContext *cd_cli_command_context (const Command   *command);
CdHouseRules   *cd_cli_load_rules      (const char      *path,
                                        GError         **error);
CdArticle      *cd_cli_load_article    (const char      *path,
                                        GError         **error);

/* copydesk-cli-check.c */
int             cd_cli_run_validate    (int              argc,
                                        char           **argv);
int             cd_cli_run_stats       (int              argc,
                                        char           **argv);

/* copydesk-cli-article.c */
int             cd_cli_run_new         (int              argc,
                                        char           **argv);
int             cd_cli_run_format      (int              argc,
                                        char           **argv);

/* copydesk-cli-convert.c */
int             cd_cli_run_export      (int              argc,
                                        char           **argv);
int             cd_cli_run_render      (int              argc,
                                        char           **argv);
int             cd_cli_run_import      (int              argc,
                                        char           **argv);

/* copydesk-cli-publish.c */
int             cd_cli_run_site        (int              argc,
                                        char           **argv);
int             cd_cli_run_publish     (int              argc,
                                        char           **argv);

/* copydesk-cli-versions.c */
int             cd_cli_run_versions    (int              argc,
                                        char           **argv);

/* copydesk-cli-diff.c */
int             cd_cli_run_diff        (int              argc,
                                        char           **argv);

G_END_DECLS
