/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The ninjs importer, and the ninjs export of whatever it imports. */

#include "config.h"

#include "copydesk-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *saved = NULL;
  CdExportOptions options = { 0 };
  gsize length = 0;

  article = cd_ninjs_import_from_data ((const char *) data, size, "fuzz.json", &error);
  if (article == NULL)
    {
      fuzz_check_message (error);
      return 0;
    }

  exported = cd_exporter_export (cd_exporters_lookup ("ninjs"), article, &options, NULL);
  saved = cd_article_to_data (article, &length);
  g_assert_nonnull (saved);
  return 0;
}
