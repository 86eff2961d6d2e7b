/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-util"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-article-file.h"
#include "cd-text.h"
#include "cd-export-private.h"
#include "cd-json.h"
#include "cd-url.h"

/**
 * cd_export_set_string:
 * @object: a JSON object
 * @member: the member's name
 * @value: (nullable): the member's value
 *
 * Sets @member to @value, unless @value is blank: an optional member
 * whose value would be empty is left out rather than written empty.
 */
void
cd_export_set_string (JsonObject *object,
                      const char *member,
                      const char *value)
{
  g_assert (object != NULL);
  g_assert (member != NULL);

  if (!cd_text_is_blank (value))
    json_object_set_string_member (object, member, value);
}

/**
 * cd_export_set_date:
 * @object: a JSON object
 * @member: the member's name
 * @value: (nullable): the date and time
 *
 * Sets @member to @value as cd_date_time_to_string() writes it (RFC 3339),
 * unless @value is %NULL.
 */
void
cd_export_set_date (JsonObject *object,
                    const char *member,
                    GDateTime  *value)
{
  g_assert (object != NULL);
  g_assert (member != NULL);

  if (value != NULL)
    {
      g_autofree char *text = cd_date_time_to_string (value);

      json_object_set_string_member (object, member, text);
    }
}

/**
 * cd_export_set_array:
 * @object: a JSON object
 * @member: the member's name
 * @array: (transfer full): the member's value
 *
 * Sets @member to @array, taking it; an empty array is dropped instead of
 * being written.
 */
void
cd_export_set_array (JsonObject *object,
                     const char *member,
                     JsonArray  *array)
{
  g_assert (object != NULL);
  g_assert (member != NULL);
  g_assert (array != NULL);

  if (json_array_get_length (array) > 0)
    json_object_set_array_member (object, member, array);
  else
    json_array_unref (array);
}

/**
 * cd_export_media_topic_uri:
 * @code: an IPTC Media Topic code, "medtop:<code>"
 *
 * The concept URI of a Media Topic,
 * http://cv.iptc.org/newscodes/mediatopic/<code>.
 *
 * Returns: (transfer full): the URI
 */
char *
cd_export_media_topic_uri (const char *code)
{
  g_assert (code != NULL);
  g_assert (g_str_has_prefix (code, CD_EXPORT_MEDIA_TOPIC_CODE));

  return g_strconcat (CD_EXPORT_MEDIA_TOPIC_URI,
                      code + strlen (CD_EXPORT_MEDIA_TOPIC_CODE), NULL);
}

/**
 * cd_export_href_file_name:
 * @href: a URI reference
 *
 * The last segment of the path of @href, without query or fragment, as it
 * stands (not unescaped); empty when the path ends with a slash.
 *
 * Returns: (transfer full): the segment
 */
char *
cd_export_href_file_name (const char *href)
{
  g_autofree char *path = NULL;
  const char *name;

  g_assert (href != NULL);

  path = g_strndup (href, strcspn (href, "?#"));
  name = strrchr (path, '/');

  return g_strdup (name != NULL ? name + 1 : path);
}

/**
 * cd_export_dup_absolute_image_href:
 * @article: the article
 * @options: the export options, with the resolved image href
 *
 * The lead image's absolute http or https URL, when one is known: the
 * resolved href when it is one, or, in a bundle, the image base URL and
 * the file name, when the options give a base URL under which the bundled
 * image is published too.
 *
 * Returns: (transfer full) (nullable): the URL, or %NULL when there is no
 *   lead image or no absolute URL for it
 */
char *
cd_export_dup_absolute_image_href (CdArticle             *article,
                                   const CdExportOptions *options)
{
  const char *href;
  const char *base;

  g_assert (options != NULL);

  href = options->image_href;
  base = options->image_base_url;
  if (href == NULL)
    return NULL;

  if (cd_url_is_web_address (href))
    return g_strdup (href);

  if (options->image_mode == CD_EXPORT_IMAGE_BUNDLE &&
      base != NULL && cd_url_is_web_address (base) &&
      !cd_image_is_remote (cd_article_get_image (article)))
    {
      /* The bundle's href is the file name, already escaped. */
      g_autofree char *url = g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/",
                                          href, NULL);

      if (cd_url_is_web_address (url))
        return g_steal_pointer (&url);
    }

  return NULL;
}

/**
 * cd_export_image_mime_type:
 * @file_name: an image's file name
 * @with_avif: whether AVIF is among the known types
 *
 * The media type of an image, from the extension of @file_name.
 *
 * Returns: (nullable): the media type, or %NULL for an extension not in
 *   the list
 */
const char *
cd_export_image_mime_type (const char *file_name,
                           gboolean    with_avif)
{
  static const struct
  {
    const char *extension;
    const char *mime_type;
  } types[] = {
    { "jpg", "image/jpeg" },
    { "jpeg", "image/jpeg" },
    { "png", "image/png" },
    { "webp", "image/webp" },
    { "gif", "image/gif" },
    { "avif", "image/avif" },  /* last: left out without @with_avif */
  };
  size_t n_types = G_N_ELEMENTS (types) - (with_avif ? 0 : 1);
  const char *dot;

  g_assert (file_name != NULL);

  dot = strrchr (file_name, '.');
  if (dot == NULL)
    return NULL;

  for (size_t i = 0; i < n_types; i++)
    {
      if (g_ascii_strcasecmp (dot + 1, types[i].extension) == 0)
        return types[i].mime_type;
    }

  return NULL;
}

/**
 * cd_export_is_rfc3339_date_time:
 * @text: text
 *
 * Whether @text is an RFC 3339 date-time with "Z" or a numeric offset, as
 * `format: date-time` in JSON Schema requires: the shape is checked here,
 * the ranges of the fields by GLib.
 *
 * Returns: %TRUE for a valid date-time
 */
gboolean
cd_export_is_rfc3339_date_time (const char *text)
{
  static const char shape[] = "dddd-dd-ddTdd:dd:dd";
  g_autoptr(GDateTime) parsed = NULL;
  const char *p = text;

  g_assert (text != NULL);

  for (size_t i = 0; i < sizeof shape - 1; i++, p++)
    {
      if (shape[i] == 'd' ? !g_ascii_isdigit (*p) : *p != shape[i])
        return FALSE;
    }

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  if (*p == 'Z')
    p++;
  else if ((*p == '+' || *p == '-') &&
           g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && p[3] == ':' &&
           g_ascii_isdigit (p[4]) && g_ascii_isdigit (p[5]))
    p += 6;
  else
    return FALSE;

  if (*p != '\0')
    return FALSE;

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

/**
 * cd_export_describe_source:
 * @sources: (array length=n_sources): the exporter's table
 * @n_sources: the number of rows in @sources
 * @pattern: a member's place without indexes
 *
 * Which article field a member of the document comes from, for messages.
 *
 * Returns: the translated field, or @pattern when the table does not
 *   name it
 */
const char *
cd_export_describe_source (const CdExportSource *sources,
                           size_t                n_sources,
                           const char           *pattern)
{
  g_assert (sources != NULL);
  g_assert (pattern != NULL);

  for (size_t i = 0; i < n_sources; i++)
    {
      if (strcmp (pattern, sources[i].pattern) == 0)
        return _(sources[i].field);
    }

  return pattern;
}

static gboolean
check_node (JsonNode           *node,
            GString            *path,
            GString            *pattern,
            CdExportCheckFunc   check,
            gpointer            user_data,
            GError            **error)
{
  gsize path_len = path->len;
  gsize pattern_len = pattern->len;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_string_append_printf (path, "[%u]", i);
          g_string_append (pattern, "[]");
          if (!check_node (json_array_get_element (array, i), path, pattern,
                           check, user_data, error))
            return FALSE;
          g_string_truncate (path, path_len);
          g_string_truncate (pattern, pattern_len);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;
          JsonNode *child = json_object_get_member (object, name);
          const char *value = NULL;

          if (path->len > 0)
            {
              g_string_append_c (path, '.');
              g_string_append_c (pattern, '.');
            }
          g_string_append (path, name);
          g_string_append (pattern, name);

          if (JSON_NODE_HOLDS_VALUE (child) && json_node_get_value_type (child) == G_TYPE_STRING)
            value = json_node_get_string (child);

          if (!check (object, name, value, path->str, pattern->str, user_data, error))
            return FALSE;

          if (!check_node (child, path, pattern, check, user_data, error))
            return FALSE;

          g_string_truncate (path, path_len);
          g_string_truncate (pattern, pattern_len);
        }
    }

  return TRUE;
}

/**
 * cd_export_check_document:
 * @root: a finished document
 * @check: the function that checks a member
 * @user_data: data for @check
 * @error: return location for an error
 *
 * Walks @root depth first, in member order, and calls @check for every
 * member of every object, before the members inside it, stopping at the
 * first that fails.
 *
 * Returns: %TRUE when every member is valid, else %FALSE with @error set
 */
gboolean
cd_export_check_document (JsonNode           *root,
                          CdExportCheckFunc   check,
                          gpointer            user_data,
                          GError            **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GString) pattern = g_string_new (NULL);

  g_assert (root != NULL);
  g_assert (check != NULL);

  return check_node (root, path, pattern, check, user_data, error);
}

/**
 * cd_export_json_to_bytes:
 * @root: a document
 *
 * The text of @root as cd_json_to_string() writes it.
 *
 * Returns: (transfer full): the text
 */
GBytes *
cd_export_json_to_bytes (JsonNode *root)
{
  char *data;
  gsize length = 0;

  g_assert (root != NULL);

  data = cd_json_to_string (root, &length);
  return g_bytes_new_take (data, length);
}
