/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

/* libFuzzer's entry point; every target defines it. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The input as a NUL-terminated string (it may contain NULs too; callers pass
 * the length). */
static inline char *
fuzz_dup (const uint8_t *data,
          size_t         size)
{
  char *copy = g_malloc (size + 1);

  memcpy (copy, data, size);
  copy[size] = '\0';
  return copy;
}

/* Messages are for people: valid UTF-8 and short, whatever the input (a
 * multi-megabyte value is quoted by its start only). */
static inline void
fuzz_check_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), <, 4096);
}
