/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Tables for cd_html_to_markdown(): an HTML table becomes a GitHub table
 * with its header row, its cells' alignment and their inline Markdown. */

#include "config.h"

#define G_LOG_DOMAIN "cd-html-markdown"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "cd-html-markdown-private.h"

static const char *
cell_alignment (xmlNode *cell)
{
  g_autofree char *align = cd_html_markdown_style_property (cell, "text-align");

  if (align == NULL)
    {
      align = cd_html_markdown_get_attribute (cell, "align");
      if (align != NULL)
        {
          char *lower = g_ascii_strdown (align, -1);

          g_free (align);
          align = lower;
        }
    }

  if (align == NULL)
    return "---";
  if (strcmp (align, "left") == 0)
    return ":---";
  if (strcmp (align, "center") == 0)
    return ":---:";
  if (strcmp (align, "right") == 0)
    return "---:";
  return "---";
}

static void
convert_row (Converter *self,
             xmlNode   *row,
             GPtrArray *rows,
             GPtrArray *alignments,
             guint      depth)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    {
      g_autoptr(Inline) inl = NULL;

      if (!cd_html_markdown_is_element (cell, "td") && !cd_html_markdown_is_element (cell, "th"))
        continue;

      inl = cd_inline_new (MODE_CELL);
      cd_html_markdown_convert_inline_children (self, inl, cell, depth + 1);
      g_ptr_array_add (cells, cd_inline_finish (inl));

      if (rows->len == 0)
        g_ptr_array_add (alignments, (gpointer) cell_alignment (cell));
    }

  if (cells->len == 0)
    {
      g_ptr_array_unref (cells);
      return;
    }

  g_ptr_array_add (rows, cells);
}

static void
append_row (GString   *line,
            GPtrArray *cells,
            guint      n_columns)
{
  g_string_truncate (line, 0);
  g_string_append_c (line, '|');

  for (guint i = 0; i < n_columns; i++)
    {
      const char *cell = i < cells->len ? g_ptr_array_index (cells, i) : "";

      g_string_append_c (line, ' ');
      g_string_append (line, cell);
      g_string_append (line, " |");
    }
}

void
cd_html_markdown_convert_table (Converter *self,
                                xmlNode   *node,
                                guint      depth)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) alignments = g_ptr_array_new ();
  g_autoptr(GString) caption = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  guint n_columns = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (cd_html_markdown_is_element (child, "tr"))
        {
          convert_row (self, child, rows, alignments, depth + 1);
        }
      else if (cd_html_markdown_is_element (child, "thead") || cd_html_markdown_is_element (child, "tbody") ||
               cd_html_markdown_is_element (child, "tfoot"))
        {
          for (xmlNode *row = child->children; row != NULL; row = row->next)
            {
              if (cd_html_markdown_is_element (row, "tr"))
                convert_row (self, row, rows, alignments, depth + 2);
            }
        }
      else if (cd_html_markdown_is_element (child, "caption"))
        {
          cd_html_markdown_collect_text (child, caption, " ");
        }
    }

  if (!cd_html_markdown_is_blank_text (caption->str))
    {
      cd_html_markdown_ensure_paragraph (self);
      cd_inline_text (self->para, caption->str, caption->len);
      cd_html_markdown_flush_paragraph (self);
    }

  for (guint i = 0; i < rows->len; i++)
    n_columns = MAX (n_columns, ((GPtrArray *) g_ptr_array_index (rows, i))->len);

  if (n_columns == 0)
    return;

  cd_html_markdown_begin_block (self);

  append_row (line, g_ptr_array_index (rows, 0), n_columns);
  cd_html_markdown_write_line (self, line->str, line->len, FALSE);

  g_string_assign (line, "|");
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append_c (line, ' ');
      g_string_append (line, i < alignments->len ?
                             (const char *) g_ptr_array_index (alignments, i) : "---");
      g_string_append (line, " |");
    }
  cd_html_markdown_write_line (self, line->str, line->len, FALSE);

  for (guint i = 1; i < rows->len; i++)
    {
      append_row (line, g_ptr_array_index (rows, i), n_columns);
      cd_html_markdown_write_line (self, line->str, line->len, FALSE);
    }
}
