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
