/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The texts of a ninjs document: its headlines, descriptions and bodies,
 * which come as lists with roles and content types in ninjs 2 and as
 * members named headline_*, description_* and body_* in 1.x. This file
 * gathers them, picks the one that becomes the headline, the standfirst or
 * the body, and turns HTML into a line of text or into Markdown and plain
 * text into paragraphs. */

#include "config.h"

#define G_LOG_DOMAIN "cd-import-ninjs"

#include <string.h>

#include "cd-html-markdown.h"
#include "cd-import-ninjs-private.h"
#include "cd-markdown.h"

/* Reads a 2.x array of {role, contenttype, value} objects; entries without
 * a value are left out. */
static gboolean
read_text_items (Importer    *self,
                 JsonObject  *object,
                 const char  *parent,
                 const char  *member,
                 GArray     **out)
{
  g_autofree char *path = cd_import_ninjs_member_path (parent, member);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (TextItem));
  JsonArray *array;

  *out = NULL;

  if (!cd_import_ninjs_read_array (self, object, parent, member, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", path, i);
      JsonObject *entry;
      TextItem item;

      if (!cd_import_ninjs_array_object (self, array, path, i, &entry) ||
          !cd_import_ninjs_read_string (self, entry, element, "role", &item.role) ||
          !cd_import_ninjs_read_string (self, entry, element, "contenttype", &item.contenttype) ||
          !cd_import_ninjs_read_string (self, entry, element, "value", &item.value))
        return FALSE;

      if (item.value != NULL)
        g_array_append_val (items, item);
    }

  *out = g_steal_pointer (&items);
  return TRUE;
}

/* Reads the 1.x members "@prefix<role>", such as body_html, as text items
 * whose role is the part after the prefix, in document order. */
static gboolean
read_prefixed_items (Importer    *self,
                     JsonObject  *object,
                     const char  *parent,
                     const char  *prefix,
                     GArray     **out)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (TextItem));
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      TextItem item = { NULL, NULL, NULL };

      if (!g_str_has_prefix (name, prefix) || name[strlen (prefix)] == '\0')
        continue;

      if (!cd_import_ninjs_read_string (self, object, parent, name, &item.value))
        return FALSE;

      item.role = name + strlen (prefix);
      if (item.value != NULL)
        g_array_append_val (items, item);
    }

  *out = g_steal_pointer (&items);
  return TRUE;
}

static gboolean
item_is_html (const TextItem *item)
{
  const char *p = item->value;

  if (item->contenttype != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (item->contenttype, -1);

      return strstr (lower, "html") != NULL;
    }

  /* 1.x names say what the text is. */
  if (item->role != NULL &&
      (cd_import_ninjs_role_is (item->role, "html") || cd_import_ninjs_role_is (item->role, "xhtml") ||
       cd_import_ninjs_role_is (item->role, "richtext")))
    return TRUE;

  while (g_ascii_isspace (*p))
    p++;

  return *p == '<';
}

/* The text of an HTML fragment on one line, for headlines and captions. */
static char *
html_to_line (const char *html)
{
  g_autofree char *markdown = cd_html_to_markdown (html, -1);
  g_autofree char *plain = cd_markdown_to_plain_text (markdown, -1);
  GString *line = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = plain; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = line->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_c (line, *p);
    }

  return g_string_free (line, FALSE);
}

/* The text of an item: HTML is reduced to its text on one line. */
char *
cd_import_ninjs_item_text (const TextItem *item)
{
  if (item_is_html (item))
    return html_to_line (item->value);

  return g_strdup (item->value);
}

/* Plain text as Markdown: paragraphs at blank lines, other line breaks
 * kept, everything escaped to read literally. */
static char *
plain_to_markdown (const char *text)
{
  g_autoptr(GString) html = g_string_new ("<p>");
  g_autofree char *normalized = NULL;
  g_auto(GStrv) paragraphs = NULL;

  normalized = g_strdup (text);
  for (char *p = normalized; *p != '\0'; p++)
    {
      if (*p == '\r')
        *p = p[1] == '\n' ? ' ' : '\n';
    }

  paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n\\s*", normalized, 0, 0);
  for (size_t i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);

      if (i > 0)
        g_string_append (html, "</p>\n<p>");

      for (size_t j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[j], -1);

          if (j > 0)
            g_string_append (html, "<br>");
          g_string_append (html, escaped);
        }
    }
  g_string_append (html, "</p>");

  return cd_html_to_markdown (html->str, html->len);
}

/* Picks the item whose role is @role, else the first whose role is one of
 * @fallbacks (NULL in the list means "no role"), preferring HTML when
 * @prefer_html, else plain text. */
const TextItem *
cd_import_ninjs_pick_item (GArray             *items,
                           const char * const *roles,
                           gboolean            prefer_html)
{
  if (items == NULL)
    return NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      for (size_t r = 0; roles[r] != NULL; r++)
        {
          for (guint i = 0; i < items->len; i++)
            {
              const TextItem *item = &g_array_index (items, TextItem, i);
              gboolean wanted = pass == 0 ? prefer_html : !prefer_html;
              gboolean matches;

              if (strcmp (roles[r], "") == 0)
                matches = item->role == NULL || item->role[0] == '\0';
              else if (strcmp (roles[r], "*") == 0)
                matches = TRUE;
              else
                matches = cd_import_ninjs_role_is (item->role, roles[r]);

              if (matches && item_is_html (item) == wanted)
                return item;
            }
        }
    }

  return NULL;
}

/* Texts of an item (the document or an association), 2.x and 1.x: the
 * 2.x array @member and the 1.x members "@prefix…" together. */
gboolean
cd_import_ninjs_read_all_items (Importer    *self,
                                JsonObject  *object,
                                const char  *parent,
                                const char  *member,
                                const char  *prefix,
                                GArray     **out)
{
  g_autoptr(GArray) prefixed = NULL;

  if (!read_text_items (self, object, parent, member, out) ||
      !read_prefixed_items (self, object, parent, prefix, &prefixed))
    return FALSE;

  g_array_append_vals (*out, prefixed->data, prefixed->len);
  return TRUE;
}

gboolean
cd_import_ninjs_import_headline (Importer   *self,
                                 JsonObject *root,
                                 CdArticle  *article)
{
  static const char * const roles[] = { "main", "", "*", NULL };
  g_autoptr(GArray) items = NULL;
  g_autofree char *headline = NULL;
  const TextItem *item;
  const char *v1_headline;

  if (!cd_import_ninjs_read_all_items (self, root, NULL, "headlines", "headline_", &items) ||
      !cd_import_ninjs_read_string (self, root, NULL, "headline", &v1_headline))
    return FALSE;

  if (v1_headline != NULL)
    headline = g_strdup (v1_headline);
  else if ((item = cd_import_ninjs_pick_item (items, roles, FALSE)) != NULL)
    headline = cd_import_ninjs_item_text (item);
  else
    {
      const char *title;

      if (!cd_import_ninjs_read_string (self, root, NULL, "title", &title))
        return FALSE;
      headline = g_strdup (title);
    }

  if (!cd_import_ninjs_check_length (self, "headline", headline, MAX_TEXT_BYTES))
    return FALSE;

  cd_article_set_headline (article, headline);
  return TRUE;
}

gboolean
cd_import_ninjs_import_standfirst (Importer   *self,
                                   JsonObject *root,
                                   gboolean    picture,
                                   CdArticle  *article)
{
  static const char * const summary_roles[] = { "summary", NULL };
  static const char * const other_roles[] = {
    "", "text", "abstract", "teaser", "usable", "main", "richtext", NULL
  };
  g_autoptr(GArray) items = NULL;
  g_autofree char *standfirst = NULL;
  const TextItem *item;

  if (!cd_import_ninjs_read_all_items (self, root, NULL, "descriptions", "description_", &items))
    return FALSE;

  item = cd_import_ninjs_pick_item (items, summary_roles, FALSE);
  if (item == NULL && !picture)
    item = cd_import_ninjs_pick_item (items, other_roles, FALSE);
  if (item == NULL)
    return TRUE;

  standfirst = cd_import_ninjs_item_text (item);
  if (!cd_import_ninjs_check_length (self, "descriptions", standfirst, MAX_TEXT_BYTES))
    return FALSE;

  cd_article_set_standfirst (article, standfirst);
  return TRUE;
}

gboolean
cd_import_ninjs_import_body (Importer   *self,
                             JsonObject *root,
                             CdArticle  *article)
{
  static const char * const roles[] = {
    "main", "html", "xhtml", "richtext", "text", "", "*", NULL
  };
  g_autoptr(GArray) items = NULL;
  g_autofree char *body = NULL;
  const TextItem *item;

  if (!cd_import_ninjs_read_all_items (self, root, NULL, "bodies", "body_", &items))
    return FALSE;

  item = cd_import_ninjs_pick_item (items, roles, TRUE);
  if (item == NULL)
    return TRUE;

  if (item_is_html (item))
    body = cd_html_to_markdown (item->value, -1);
  else
    body = plain_to_markdown (item->value);

  if (!cd_import_ninjs_check_length (self, "bodies", body, MAX_BODY_BYTES))
    return FALSE;

  cd_article_set_body (article, body);
  return TRUE;
}
