/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* HTML pasted from a browser or found in a ninjs body, turned into Markdown,
 * which must then render. */

#include "config.h"

#include "copydesk-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *html = fuzz_dup (data, size);
  g_autofree char *markdown = NULL;
  g_autofree char *rendered = NULL;

  markdown = cd_html_to_markdown (html, size);
  g_assert_nonnull (markdown);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  rendered = cd_markdown_to_html (markdown, -1);
  g_assert_nonnull (rendered);
  return 0;
}
