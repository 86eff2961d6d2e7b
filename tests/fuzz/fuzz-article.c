/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The .copydesk loader, and what the window does with whatever it accepts:
 * preflight, statistics, the page, an export and a save. */

#include "config.h"

#include "copydesk-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(CdStats) stats = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *page = NULL;
  g_autofree char *saved = NULL;
  CdExportOptions options = { 0 };
  CdPageOptions page_options = { 0 };
  gsize saved_length = 0;

  article = cd_article_load_from_data ((const char *) data, size, "fuzz.copydesk", &error);
  if (article == NULL)
    {
      fuzz_check_message (error);
      return 0;
    }

  rules = cd_house_rules_new_default ();
  issues = cd_preflight_check (article, rules);
  stats = cd_stats_compute (article, CD_DEFAULT_WORDS_PER_MINUTE);
  page = cd_page_render (article, &page_options);
  g_assert_nonnull (page);
  exported = cd_exporter_export (cd_exporters_lookup ("ninjs"), article, &options, NULL);

  /* What loaded must save and load again. */
  saved = cd_article_to_data (article, &saved_length);
  {
    g_autoptr(GError) reload_error = NULL;
    g_autoptr(CdArticle) again = cd_article_load_from_data (saved, saved_length, "again.copydesk", &reload_error);

    g_autofree char *resaved = NULL;
    gsize resaved_length = 0;

    if (again == NULL)
      g_error ("a loaded article did not load again after saving: %s", reload_error->message);

    /* Saving is stable: unknown members, numbers included, come back as
     * they were written. */
    resaved = cd_article_to_data (again, &resaved_length);
    g_assert_cmpmem (resaved, resaved_length, saved, saved_length);
  }

  return 0;
}
