/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Code blocks for cd_html_to_markdown(): a <pre> becomes a fenced code
 * block with its language, fenced so that no line of the code closes it. */

#include "config.h"

#define G_LOG_DOMAIN "cd-html-markdown"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "cd-html-markdown-private.h"

/* The language of a code block, from class="language-…" or "lang-…" on
 * the <code> inside or on the <pre> itself. */
static char *
code_language (xmlNode *pre)
{
  xmlNode *candidates[2] = { NULL, pre };

  for (xmlNode *child = pre->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          if (cd_html_markdown_is_element (child, "code"))
            candidates[0] = child;
          break;
        }
    }

  for (size_t i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *classes = NULL;
      g_auto(GStrv) tokens = NULL;

      if (candidates[i] == NULL)
        continue;

      classes = cd_html_markdown_get_attribute (candidates[i], "class");
      if (classes == NULL)
        continue;

      tokens = g_strsplit_set (classes, " \t\n\r\f", -1);
      for (size_t j = 0; tokens[j] != NULL; j++)
        {
          const char *language = NULL;

          if (g_str_has_prefix (tokens[j], "language-"))
            language = tokens[j] + strlen ("language-");
          else if (g_str_has_prefix (tokens[j], "lang-"))
            language = tokens[j] + strlen ("lang-");

          /* A backtick cannot be in the info string of a backtick fence. */
          if (language != NULL && language[0] != '\0' && strchr (language, '`') == NULL)
            return g_strdup (language);
        }
    }

  return NULL;
}

void
cd_html_markdown_convert_pre (Converter *self,
                              xmlNode   *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) code = g_string_new (NULL);
  g_autoptr(GString) fence = g_string_new (NULL);
  g_autofree char *language = code_language (node);
  gsize longest = 0;
  gsize run = 0;
  const char *p;

  cd_html_markdown_collect_text (node, raw, "\n");

  /* HTML ignores a line break just after <pre>. */
  p = raw->str;
  if (node->children != NULL && node->children->type == XML_TEXT_NODE && *p == '\n')
    p++;

  for (; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (code, '\n');
          if (p[1] == '\n')
            p++;
          continue;
        }

      if (*p == '`')
        {
          run++;
          longest = MAX (longest, run);
        }
      else
        run = 0;

      g_string_append_c (code, *p);
    }

  if (code->len > 0 && code->str[code->len - 1] == '\n')
    g_string_truncate (code, code->len - 1);

  for (gsize i = 0; i < MAX (longest + 1, 3); i++)
    g_string_append_c (fence, '`');

  cd_html_markdown_begin_block (self);

  if (language != NULL)
    {
      g_autofree char *opening = g_strconcat (fence->str, language, NULL);

      cd_html_markdown_write_line (self, opening, strlen (opening), FALSE);
    }
  else
    {
      cd_html_markdown_write_line (self, fence->str, fence->len, FALSE);
    }

  if (code->len > 0 || (raw->len > 0 && p != raw->str))
    {
      const char *line = code->str;

      for (;;)
        {
          const char *newline = strchr (line, '\n');

          if (newline == NULL)
            {
              cd_html_markdown_write_line (self, line, strlen (line), FALSE);
              break;
            }

          cd_html_markdown_write_line (self, line, newline - line, FALSE);
          line = newline + 1;
        }
    }

  cd_html_markdown_write_line (self, fence->str, fence->len, FALSE);
}
