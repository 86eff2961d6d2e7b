/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The text of the Markdown as md4c hands it over, made safe: entities
 * decoded, text escaped for HTML, link and image attributes decoded, and
 * URLs checked against the URL policy and percent-encoded. */

#include "config.h"

#define G_LOG_DOMAIN "cd-markdown"

#include <string.h>

#include "cd-markdown-private.h"
#include "cd-text.h"
#include "cd-url.h"

typedef struct
{
  const char *name;
  const char *utf8;
} NamedEntity;

/* MD4C hands entities over undecoded. These are the ones people type in
 * newsroom copy; anything else is kept as written. */
static const NamedEntity named_entities[] = {
  { "amp", "&" },
  { "lt", "<" },
  { "gt", ">" },
  { "quot", "\"" },
  { "apos", "'" },
  { "nbsp", "\xc2\xa0" },
  { "shy", "\xc2\xad" },
  { "copy", "\xc2\xa9" },
  { "reg", "\xc2\xae" },
  { "trade", "\xe2\x84\xa2" },
  { "deg", "\xc2\xb0" },
  { "times", "\xc3\x97" },
  { "divide", "\xc3\xb7" },
  { "middot", "\xc2\xb7" },
  { "sect", "\xc2\xa7" },
  { "para", "\xc2\xb6" },
  { "euro", "\xe2\x82\xac" },
  { "pound", "\xc2\xa3" },
  { "yen", "\xc2\xa5" },
  { "cent", "\xc2\xa2" },
  { "ndash", "\xe2\x80\x93" },
  { "mdash", "\xe2\x80\x94" },
  { "hellip", "\xe2\x80\xa6" },
  { "lsquo", "\xe2\x80\x98" },
  { "rsquo", "\xe2\x80\x99" },
  { "ldquo", "\xe2\x80\x9c" },
  { "rdquo", "\xe2\x80\x9d" },
  { "laquo", "\xc2\xab" },
  { "raquo", "\xc2\xbb" },
  { "bull", "\xe2\x80\xa2" },
  /* Punctuation that spells out URL schemes (`javascript&colon;`): decoded
   * so that the URL policy sees what a browser or a CMS would. */
  { "colon", ":" },
  { "Tab", "\t" },
  { "NewLine", "\n" },
  { "sol", "/" },
  { "quest", "?" },
  { "num", "#" },
  { "period", "." },
  { "comma", "," },
  { "semi", ";" },
  { "lpar", "(" },
  { "rpar", ")" },
  { "excl", "!" },
  { "percnt", "%" },
  { "equals", "=" },
  { "plus", "+" },
};

/* Appends text escaped for HTML text and attribute values. Characters that
 * XML does not allow become U+FFFD, as CommonMark requires of U+0000. */
void
cd_markdown_append_escaped (GString    *out,
                            const char *s,
                            size_t      n)
{
  cd_text_append_html (out, s, (gssize) n, CD_TEXT_HTML_REPLACE_INVALID);
}

void
cd_markdown_append_escaped_str (GString    *out,
                                const char *s)
{
  cd_markdown_append_escaped (out, s, strlen (s));
}

/* Decodes the entity @s (`&name;`, `&#123;` or `&#x7B;`, as MD4C found
 * it) into @out. Returns FALSE, writing nothing, for an unknown name. */
gboolean
cd_markdown_decode_entity (const char *s,
                           size_t      n,
                           GString    *out)
{
  if (n < 3 || s[0] != '&' || s[n - 1] != ';')
    return FALSE;

  if (s[1] == '#')
    {
      gboolean hex = FALSE;
      gunichar c = 0;
      size_t i = 2;

      if (s[i] == 'x' || s[i] == 'X')
        {
          hex = TRUE;
          i++;
        }
      if (i >= n - 1)
        return FALSE;

      for (; i < n - 1; i++)
        {
          int digit = hex ? g_ascii_xdigit_value (s[i]) : g_ascii_digit_value (s[i]);

          if (digit < 0)
            return FALSE;
          /* Saturates: anything past U+10FFFF is replaced below anyway. */
          if (c <= 0x10ffff)
            c = c * (hex ? 16 : 10) + (gunichar) digit;
        }

      /* CommonMark: NUL, surrogates and out-of-range values give U+FFFD. */
      if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        c = 0xfffd;
      g_string_append_unichar (out, c);
      return TRUE;
    }

  for (size_t i = 0; i < G_N_ELEMENTS (named_entities); i++)
    {
      const char *name = named_entities[i].name;
      size_t len = strlen (name);

      if (len == n - 2 && memcmp (s + 1, name, len) == 0)
        {
          g_string_append (out, named_entities[i].utf8);
          return TRUE;
        }
    }

  return FALSE;
}

/* Appends a piece of text as plain text: entities decoded, line breaks as
 * @line_break. Raw HTML and code are literal: that is what readers see. */
void
cd_markdown_append_plain (GString     *out,
                          MD_TEXTTYPE  type,
                          const char  *s,
                          size_t       n,
                          const char  *line_break)
{
  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (out, REPLACEMENT_CHARACTER);
      break;
    case MD_TEXT_BR:
      /* Two hard breaks in a row would make a blank line, which means a
       * new paragraph in plain text. */
      if (line_break[0] != '\n' || out->len == 0 || out->str[out->len - 1] != '\n')
        g_string_append (out, line_break);
      break;
    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ' ');
      break;
    case MD_TEXT_ENTITY:
      if (!cd_markdown_decode_entity (s, n, out))
        g_string_append_len (out, s, n);
      break;
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      g_string_append_len (out, s, n);
      break;
    }
}

/* Decodes an attribute (a link destination or title) to plain text. */
char *
cd_markdown_decode_attribute (const MD_ATTRIBUTE *attr)
{
  GString *out;

  if (attr->size == 0)
    return g_strdup ("");

  out = g_string_sized_new (attr->size);
  for (unsigned i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      MD_OFFSET offset = attr->substr_offsets[i];
      MD_SIZE size = attr->substr_offsets[i + 1] - offset;

      cd_markdown_append_plain (out, attr->substr_types[i], attr->text + offset, size, " ");
    }

  return g_string_free (out, FALSE);
}

/* Returns @url ready for an href or src (before HTML escaping), or NULL if
 * the URL policy, cd_url_is_allowed(), refuses it. Leading and trailing
 * spaces and controls go, tabs and line breaks go (as browsers drop them),
 * and what is not safe in a URL is percent-encoded. */
char *
cd_markdown_filter_url (const char *url)
{
  static const char hex[] = "0123456789ABCDEF";
  const char *start = url;
  const char *end = url + strlen (url);
  GString *out;

  if (!cd_url_is_allowed (url))
    return NULL;

  while (start < end && ((guchar) *start <= 0x20 || *start == 0x7f))
    start++;
  while (end > start && ((guchar) end[-1] <= 0x20 || end[-1] == 0x7f))
    end--;

  out = g_string_sized_new (end - start);
  for (const char *p = start; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\t' || c == '\n' || c == '\r')
        continue;
      if (g_ascii_isalnum (c) || strchr ("-_.~!*();:@&=+$,/?#[]%", c) != NULL)
        {
          g_string_append_c (out, (char) c);
        }
      else
        {
          g_string_append_c (out, '%');
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }

  return g_string_free (out, FALSE);
}
