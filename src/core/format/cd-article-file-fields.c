/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Reading the members of an article file: text, dates, the authors, the tags,
 * the lead image and the planned length, each checked for its type and size.
 * A reader stops at the first wrong member with a message that names the
 * file and the member, says what was found and what is expected. The order in
 * which members are read, and the file's header, are in cd-article-file.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-file"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file-private.h"
#include "cd-json.h"

gboolean G_GNUC_PRINTF (3, 4)
cd_article_file_fail (Loader     *loader,
                      CdFileError code,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (loader->error, CD_FILE_ERROR, code, "%s: %s", loader->display_name, message);
  return FALSE;
}

gboolean
cd_article_file_wrong_type (Loader     *loader,
                            const char *path,
                            const char *expected,
                            JsonNode   *node)
{
  /* Translators: e.g. "authors[1].name must be text, not a number". */
  return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID, _("%s must be %s, not %s"),
                               path, expected, cd_json_describe_node (node));
}

gboolean
cd_article_file_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Reads an optional text member; a missing member leaves *out at NULL. */
gboolean
cd_article_file_read_text (Loader      *loader,
                           JsonObject  *object,
                           const char  *member,
                           const char  *path,
                           gsize        max_bytes,
                           const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;
  gsize len;

  *out = NULL;

  if (node == NULL)
    return TRUE;

  if (!cd_article_file_is_string (node))
    return cd_article_file_wrong_type (loader, path, _("text"), node);

  value = json_node_get_string (node);
  len = strlen (value);
  if (len > max_bytes)
    {
      g_autofree char *size = g_format_size_full (len, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_LONG_FORMAT);

      return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                   _("%s is %s long, more than the %s Copydesk accepts in this field; "
                                     "shorten it in another editor"),
                                   path, size, limit);
    }

  *out = value;
  return TRUE;
}

gboolean
cd_article_file_read_date (Loader      *loader,
                           JsonObject  *object,
                           const char  *member,
                           gboolean     nullable,
                           GDateTime  **out)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!cd_article_file_is_string (node))
    return cd_article_file_wrong_type (loader, member,
                                       nullable ? _("a date and time as text, or null") : _("a date and time as text"),
                                       node);

  text = json_node_get_string (node);

  /* RFC 3339 wants the full date and time with a "Z" or ±hh:mm offset; GLib's
   * ISO 8601 parser also takes week dates, a space for the "T", "+01" and other
   * forms, which are refused here so that what is saved is what is exported. */
  if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
                            "([Zz]|[+-][0-9]{2}:[0-9]{2})$", text, 0, 0))
    *out = g_date_time_new_from_iso8601 (text, NULL);

  if (*out == NULL)
    {
      /* Only the start of a long value is quoted. */
      g_autofree char *excerpt = cd_json_excerpt (text);

      if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?$",
                                text, 0, 0))
        return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                     _("%s “%s” has no time zone offset; add one, such as “Z” for UTC "
                                       "or “+01:00”"),
                                     member, excerpt);

      return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                   _("%s “%s” is not a date and time; write it as in "
                                     "“2026-11-27T09:30:00+01:00”"),
                                   member, excerpt);
    }

  return TRUE;
}

/* Collects the members of @object that are not in @known, in document order. */
JsonObject *
cd_article_file_collect_extra (JsonObject         *object,
                               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(JsonObject) extra = NULL;

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (known, name))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_object_dup_member (object, name));
    }

  return g_steal_pointer (&extra);
}

gboolean
cd_article_file_read_authors (Loader     *loader,
                              JsonObject *root,
                              CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "authors");
  g_autoptr(GPtrArray) all = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return cd_article_file_wrong_type (loader, "authors", _("a list"), node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  /* No byline or form has room for more; refusing them first also keeps
   * loading a hostile file fast. */
  if (n > CD_LIMIT_AUTHORS)
    return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                 _("authors has %u entries; an article has at most %d authors"),
                                 n, CD_LIMIT_AUTHORS);

  /* Added together at the end: the byline is built once. */
  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("authors[%u]", i);
      g_autofree char *name_path = g_strdup_printf ("authors[%u].name", i);
      g_autofree char *role_path = g_strdup_printf ("authors[%u].role", i);
      g_autofree char *email_path = g_strdup_printf ("authors[%u].email", i);
      g_autofree char *url_path = g_strdup_printf ("authors[%u].url", i);
      g_autoptr(CdAuthor) author = NULL;
      g_autoptr(JsonObject) extra = NULL;
      JsonObject *object;
      const char *name, *role, *email, *url;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return cd_article_file_wrong_type (loader, path, _("an object with a name"), item);

      object = json_node_get_object (item);
      if (!cd_article_file_read_text (loader, object, "name", name_path, MAX_TEXT_BYTES, &name) ||
          !cd_article_file_read_text (loader, object, "role", role_path, MAX_TEXT_BYTES, &role) ||
          !cd_article_file_read_text (loader, object, "email", email_path, MAX_TEXT_BYTES, &email) ||
          !cd_article_file_read_text (loader, object, "url", url_path, MAX_TEXT_BYTES, &url))
        return FALSE;

      if (name == NULL)
        return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID, _("%s has no name"), path);

      author = cd_author_new (name);
      cd_author_set_role (author, role);
      cd_author_set_email (author, email);
      cd_author_set_url (author, url);
      extra = cd_article_file_collect_extra (object, author_members);
      cd_author_set_extra (author, extra);
      g_ptr_array_add (all, g_steal_pointer (&author));
    }

  cd_article_add_authors (article, all);
  return TRUE;
}

gboolean
cd_article_file_read_tags (Loader     *loader,
                           JsonObject *root,
                           CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "tags");
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return cd_article_file_wrong_type (loader, "tags", _("a list"), node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  if (n > CD_LIMIT_TAGS)
    return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                 _("tags has %u entries; an article has at most %d tags"),
                                 n, CD_LIMIT_TAGS);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("tags[%u]", i);
      g_autofree char *name_path = g_strdup_printf ("tags[%u].name", i);
      g_autofree char *uri_path = g_strdup_printf ("tags[%u].uri", i);
      g_autofree char *code_path = g_strdup_printf ("tags[%u].code", i);
      g_autoptr(CdTag) tag = NULL;
      g_autoptr(JsonObject) extra = NULL;
      JsonObject *object;
      const char *name, *uri, *code;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return cd_article_file_wrong_type (loader, path, _("an object with a name"), item);

      object = json_node_get_object (item);
      if (!cd_article_file_read_text (loader, object, "name", name_path, MAX_TEXT_BYTES, &name) ||
          !cd_article_file_read_text (loader, object, "uri", uri_path, MAX_TEXT_BYTES, &uri) ||
          !cd_article_file_read_text (loader, object, "code", code_path, MAX_TEXT_BYTES, &code))
        return FALSE;

      if (name == NULL || name[0] == '\0')
        return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID, _("%s has no name"), path);

      tag = cd_tag_new (name, uri, code);
      extra = cd_article_file_collect_extra (object, tag_members);
      cd_tag_set_extra (tag, extra);
      cd_article_add_tag (article, tag);
    }

  return TRUE;
}

gboolean
cd_article_file_read_image (Loader     *loader,
                            JsonObject *root,
                            CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "image");
  CdImage *image = cd_article_get_image (article);
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object;
  const char *values[G_N_ELEMENTS (image_members)] = { NULL, };

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return cd_article_file_wrong_type (loader, "image", _("an object or null"), node);

  object = json_node_get_object (node);
  for (guint i = 0; image_members[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("image.", image_members[i], NULL);

      if (!cd_article_file_read_text (loader, object, image_members[i], path, MAX_TEXT_BYTES, &values[i]))
        return FALSE;
    }

  cd_image_set_source (image, values[0]);
  cd_image_set_alt (image, values[1]);
  cd_image_set_caption (image, values[2]);
  cd_image_set_credit (image, values[3]);
  cd_image_set_photographer (image, values[4]);
  cd_image_set_copyright (image, values[5]);
  extra = cd_article_file_collect_extra (object, image_members);
  cd_image_set_extra (image, extra);

  return TRUE;
}

/* The planned length is optional; when present it is a whole number of words
 * written as a JSON integer, never 0 (which the saver leaves out). */
gboolean
cd_article_file_read_planned_words (Loader     *loader,
                                    JsonObject *root,
                                    CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "planned_words");
  g_autofree char *text = NULL;
  GType type;
  double value;

  if (node == NULL)
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return cd_article_file_wrong_type (loader, "planned_words", _("a whole number of words"), node);

  if (type == G_TYPE_INT64)
    {
      gint64 words = json_node_get_int (node);

      if (words >= 1 && words <= CD_ARTICLE_MAX_PLANNED_WORDS)
        {
          cd_article_set_planned_words (article, (guint) words);
          return TRUE;
        }

      text = g_strdup_printf ("%" G_GINT64_FORMAT, words);
      value = (double) words;
    }
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      value = json_node_get_double (node);
      text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
    }

  if (value < 1 || value > CD_ARTICLE_MAX_PLANNED_WORDS)
    return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                 _("planned_words %s is out of range: a planned length is from 1 to %d "
                                   "words; leave the member out when there is none"),
                                 text, CD_ARTICLE_MAX_PLANNED_WORDS);

  /* Numbers such as 800.0, 8e2 or 799.5: the saver writes a plain integer. */
  return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                               _("planned_words %s must be a whole number of words written without a "
                                 "decimal point or exponent, such as 800"),
                               text);
}
