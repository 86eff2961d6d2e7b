/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The language tag rule of the preflight check: whether a tag is well
 * formed by RFC 5646, without looking it up in the registry. */

#include "config.h"

#define G_LOG_DOMAIN "cd-preflight"

#include <string.h>

#include "cd-preflight-private.h"

/* Language tags (RFC 5646, section 2.1): well-formed, not checked against
 * the registry. */

static const char * const irregular_tags[] = {
  "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak",
  "i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay",
  "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
  NULL
};

static gboolean
subtag_is (const char *subtag,
           size_t      min,
           size_t      max,
           gboolean    alpha_only,
           gboolean    digit_only)
{
  size_t length = strlen (subtag);

  if (length < min || length > max)
    return FALSE;

  for (const char *p = subtag; *p != '\0'; p++)
    {
      if (alpha_only && !g_ascii_isalpha (*p))
        return FALSE;
      if (digit_only && !g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

#define IS_ALPHA(s, min, max) subtag_is ((s), (min), (max), TRUE, FALSE)
#define IS_DIGIT(s, min, max) subtag_is ((s), (min), (max), FALSE, TRUE)
#define IS_ALNUM(s, min, max) subtag_is ((s), (min), (max), FALSE, FALSE)

static gboolean
is_variant (const char *subtag)
{
  return IS_ALNUM (subtag, 5, 8) ||
         (strlen (subtag) == 4 && g_ascii_isdigit (subtag[0]));
}

static gboolean
list_has_ascii_case (GPtrArray  *list,
                     const char *subtag)
{
  for (guint i = 0; i < list->len; i++)
    {
      if (g_ascii_strcasecmp (g_ptr_array_index (list, i), subtag) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
cd_preflight_is_well_formed_language_tag (const char *tag)
{
  g_auto(GStrv) subtags = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  guint n;
  guint i = 0;

  for (guint k = 0; irregular_tags[k] != NULL; k++)
    {
      if (g_ascii_strcasecmp (tag, irregular_tags[k]) == 0)
        return TRUE;
    }

  subtags = g_strsplit (tag, "-", -1);
  n = g_strv_length (subtags);

  /* Every subtag is 1 to 8 ASCII letters and digits; this also rejects
   * empty subtags from "en--GB" or a trailing hyphen. */
  for (guint k = 0; k < n; k++)
    {
      if (!IS_ALNUM (subtags[k], 1, 8))
        return FALSE;
    }

  /* A private-use tag: x-whatever. */
  if (g_ascii_strcasecmp (subtags[0], "x") == 0)
    return n >= 2;

  /* language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA */
  if (IS_ALPHA (subtags[0], 2, 3))
    {
      i = 1;
      /* extlang = 3ALPHA *2("-" 3ALPHA) */
      for (guint extlangs = 0; extlangs < 3 && i < n && IS_ALPHA (subtags[i], 3, 3); extlangs++)
        i++;
    }
  else if (IS_ALPHA (subtags[0], 4, 8))
    {
      i = 1;
    }
  else
    {
      return FALSE;
    }

  /* script = 4ALPHA */
  if (i < n && IS_ALPHA (subtags[i], 4, 4))
    i++;

  /* region = 2ALPHA / 3DIGIT */
  if (i < n && (IS_ALPHA (subtags[i], 2, 2) || IS_DIGIT (subtags[i], 3, 3)))
    i++;

  /* variant = 5*8alphanum / (DIGIT 3alphanum), each at most once. */
  seen = g_ptr_array_new ();
  while (i < n && is_variant (subtags[i]))
    {
      if (list_has_ascii_case (seen, subtags[i]))
        return FALSE;
      g_ptr_array_add (seen, subtags[i]);
      i++;
    }

  /* extension = singleton 1*("-" (2*8alphanum)), each singleton once. */
  g_ptr_array_set_size (seen, 0);
  while (i < n && strlen (subtags[i]) == 1 && g_ascii_tolower (subtags[i][0]) != 'x')
    {
      guint start;

      if (list_has_ascii_case (seen, subtags[i]))
        return FALSE;
      g_ptr_array_add (seen, subtags[i]);
      i++;

      start = i;
      while (i < n && IS_ALNUM (subtags[i], 2, 8))
        i++;
      if (i == start)
        return FALSE;
    }

  /* privateuse = "x" 1*("-" (1*8alphanum)) */
  if (i < n && g_ascii_strcasecmp (subtags[i], "x") == 0)
    return n - i >= 2;

  return i == n;
}
