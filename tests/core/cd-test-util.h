/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* Helpers that the core tests share: the fixture articles, golden files
 * and checks written independently of the code under test. */

/**
 * CdTestFixture:
 * @name: the file name without .copydesk, also the golden's name
 * @path: the article's path
 *
 * One fixture article, a .copydesk file in tests/articles or data/sample.
 */
typedef struct
{
  char *name;
  char *path;
} CdTestFixture;

void                 cd_test_init                        (int                *argc,
                                                          char             ***argv);
char                *cd_test_make_temp_dir               (void) G_GNUC_WARN_UNUSED_RESULT;
void                 cd_test_remove_tree                 (const char         *path);
char                *cd_test_strip_page_stylesheet       (const char         *page)
                                                          G_GNUC_WARN_UNUSED_RESULT;
char                *cd_test_dup_page_stylesheet         (const char         *page)
                                                          G_GNUC_WARN_UNUSED_RESULT;
char                *cd_test_dup_source_root             (void) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray           *cd_test_fixtures_new                (const char         *source_root)
                                                          G_GNUC_WARN_UNUSED_RESULT;
int                  cd_test_fixture_compare             (gconstpointer       a,
                                                          gconstpointer       b);
const CdTestFixture *cd_test_find_fixture                (GPtrArray          *fixtures,
                                                          const char         *name);
CdArticle           *cd_test_load_article                (const char         *path)
                                                          G_GNUC_WARN_UNUSED_RESULT;
char                *cd_test_golden_path                 (const char         *source_root,
                                                          const char         *folder,
                                                          const char         *name,
                                                          const char         *extension)
                                                          G_GNUC_WARN_UNUSED_RESULT;
gboolean             cd_test_updating_golden             (void);
void                 cd_test_compare_with_golden         (const char         *path,
                                                          const char         *data,
                                                          gsize               length);
void                 cd_test_compare_result_with_golden  (const char         *name,
                                                          const char         *output_golden,
                                                          const char         *error_golden,
                                                          const char         *output,
                                                          const GError       *error);
guint                cd_test_check_goldens_have_fixtures (const char         *folder,
                                                          GPtrArray          *fixtures,
                                                          const char * const *extensions,
                                                          const char         *extra_name);
JsonNode            *cd_test_parse_bytes                 (GBytes             *bytes)
                                                          G_GNUC_WARN_UNUSED_RESULT;
char                *cd_test_member_names                (JsonObject         *object)
                                                          G_GNUC_WARN_UNUSED_RESULT;
gboolean             cd_test_is_blank                    (const char         *text);
gboolean             cd_test_is_rfc3339                  (const char         *text);
gboolean             cd_test_is_absolute_http_url        (const char         *text);

G_END_DECLS
