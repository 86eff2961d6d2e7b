/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The house-rules loader, and a preflight check under whatever it accepts. */

#include "config.h"

#include "copydesk-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(GListModel) issues = NULL;

  rules = cd_house_rules_load_from_data ((const char *) data, size, "fuzz-rules.json", &error);
  if (rules == NULL)
    {
      fuzz_check_message (error);
      return 0;
    }

  article = cd_article_new ();
  cd_article_set_headline (article, "A headline of a certain length for the limits");
  cd_article_set_body (article, "Some words in a body. TK");
  issues = cd_preflight_check (article, rules);
  (void) cd_preflight_is_ready (issues);
  return 0;
}
