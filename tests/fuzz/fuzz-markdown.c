/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The three Markdown renderers: safe HTML, plain text and typed blocks. */

#include "config.h"

#include "copydesk-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *markdown = fuzz_dup (data, size);
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) blocks = NULL;

  /* The editor hands over valid UTF-8 only; so does the loader. */
  if (!g_utf8_validate_len (markdown, size, NULL))
    return 0;

  html = cd_markdown_to_html (markdown, size);
  g_assert_nonnull (html);
  g_assert_null (strstr (html, "<script"));
  text = cd_markdown_to_plain_text (markdown, size);
  g_assert_nonnull (text);
  blocks = cd_markdown_to_blocks (markdown, size);
  g_assert_nonnull (blocks);
  return 0;
}
